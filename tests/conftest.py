from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis' deadline is wall time: on a machine shared with other work it fails tests that are not
# slow at all. Tests that care about cost bound CPU time themselves.
settings.register_profile("pecheck", deadline=None)
settings.load_profile("pecheck")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# Compiled patterns are stored between runs (checker/understand/patternstore.py): the tests, and the
# processes they start, store theirs in a directory of their own, never in the user's cache.
os.environ["PECHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="pecheck-test-cache-")
atexit.register(shutil.rmtree, os.environ["PECHECK_CACHE_DIR"], True)


@pytest.fixture
def store(tmp_path, monkeypatch):
    """Empty stores kept between runs (checker/runstore.py), of this test's own and of the processes
    it starts."""
    from checker import runstore
    from checker.understand import patternstore

    monkeypatch.setenv("PECHECK_CACHE_DIR", str(tmp_path / "store"))
    stores = (patternstore.STORE, runstore._TOML)
    for s in stores:
        s.reset()
    yield tmp_path / "store"
    for s in stores:
        s.reset()


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


_DOCS: dict = {}


def load_sample(name: str):
    """Parse a sample once per session."""
    from checker.read import load

    if name not in _DOCS:
        _DOCS[name] = load(SAMPLES / name)
    return _DOCS[name]


_RESULTS: dict = {}


def check_sample(name: str):
    """Check a sample once per session (default configuration); the Result is shared: do not modify it."""
    from checker.config import Config
    from checker.pipeline import check_file

    if name not in _RESULTS:
        _RESULTS[name] = check_file(SAMPLES / name, Config())
    return _RESULTS[name]


_FACTS: dict = {}


def facts_of(name: str, profile: str = "national"):
    from checker import knowledge
    from checker.understand.facts import extract

    key = (name, profile)
    if key not in _FACTS:
        _FACTS[key] = extract(load_sample(name), knowledge.load(profile))
    return _FACTS[key]


# The matching methods of a pattern, and what one answers, comparable across a compiled pattern and a
# stand-in for it (Match objects compared by what they matched).
PATTERN_METHODS = ("search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split", "splititer")


def pattern_call(p, method: str, text: str):
    args = ("—", text) if method in ("sub", "subn") else (text,)
    got = getattr(p, method)(*args)
    if method in ("finditer", "splititer"):
        got = list(got)
    if method in ("search", "match", "fullmatch", "finditer"):
        got = [m.span() for m in got] if isinstance(got, list) else (got.span() if got else None)
    return got


# Runs the CLI as `python -m checker.cli ARGS` would, in a fresh interpreter, then writes what was
# imported and how many lazily compiled patterns were made, compiled, and compiled from their source rather
# than loaded from the store (the CLI's output goes to /dev/null).
_PROBE = """
import json, runpy, sys
out = sys.argv[1]
sys.argv = ["pecheck", *sys.argv[2:]]
try:
    runpy.run_module("checker.cli", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
lazyre = sys.modules.get("checker.understand.lazyre")
with open(out, "w", encoding="utf-8") as f:
    json.dump({"modules": sorted(sys.modules), "compiled": lazyre.compiled_count() if lazyre else 0,
               "made": len(lazyre.sources()) if lazyre else 0,
               "parsed": lazyre.parsed_count() if lazyre else 0}, f)
"""


def cli_probe(tmp_path: Path, *args: str, tty: bool = False) -> dict:
    """The probe's findings; `tty=True` gives the command a pseudo-terminal as standard output (what it
    printed is then under the key "stdout")."""
    out = tmp_path / "probe.json"
    cmd = [sys.executable, "-c", _PROBE, str(out), *args]
    printed = b""
    if tty:
        master, slave = os.openpty()
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=slave, stderr=subprocess.PIPE)
        os.close(slave)
        while True:  # drain the terminal, or the command blocks once its buffer is full
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the command closed its end
                break
            if not chunk:
                break
            printed += chunk
        os.close(master)
        stderr = p.communicate(timeout=120)[1].decode("utf-8", "replace")
    else:
        stderr = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                timeout=120).stderr
    assert out.exists(), stderr
    got = json.loads(out.read_text(encoding="utf-8"))
    if tty:
        got["stdout"] = printed.decode("utf-8", "replace")
    return got


def findings_of(path) -> list[tuple[str, str, str]]:
    """A file's findings as sorted (rule, severity, message): two readings of one report compare equal."""
    from checker.config import Config
    from checker.runner import check_file

    res = check_file(path, Config())
    assert res.error is None
    return sorted((f.rule, f.severity, f.message) for f in res.findings)


def plain_copy(tmp_path: Path, sample: Path) -> Path:
    """The sample copied unchanged under the same name beside a changed copy (tmp_path/plain/NAME)."""
    import shutil

    plain = tmp_path / "plain" / sample.name
    plain.parent.mkdir()
    shutil.copy(sample, plain)
    return plain


def variants():
    """tools/variants.py as a module: the layout and template variants the tests apply to samples."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("variants", ROOT / "tools" / "variants.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
