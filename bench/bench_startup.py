"""Start-up and per-check cost: `pecheck --help`, `pecheck rules`, a DOCX check, and what a check costs
besides reading its file.

    python bench/bench_startup.py                       # this checkout, 15 runs each
    python bench/bench_startup.py --runs 25 --tree /path/to/other/checkout   # before/after, interleaved
    python bench/bench_startup.py --docx samples/xiangxi-2022.docx --pdf samples/xiangxi-2022.pdf

Each command runs as a fresh `python -m checker.cli …` (what a user's `pecheck` pays), N times,
alternating between the trees given (so that the load of a shared machine falls on both alike). Per
command it prints the median wall time and the median CPU time of the child (user + system from
`resource.getrusage(RUSAGE_CHILDREN)`; on a busy machine CPU time is the steadier figure), and the
load average before and after.

Bytecode: the children write and read their .pyc files under a temporary PYTHONPYCACHEPREFIX, and
one warm-up run of every command precedes the measured ones, so compiling the sources (which an
installed package never does at run time) is not measured even where PYTHONDONTWRITEBYTECODE is set.
Likewise the warm-up run stores the compiled patterns (in a temporary PECHECK_CACHE_DIR), as a
user's first run does: what is measured is every later run.

With `--stages`, where a fresh DOCX check's CPU time goes, stage by stage, in fresh processes: the
interpreter with its site hooks, importing click, `regex` and the CLI, importing the rules with
understand/ and the pipeline, the configuration, reading (lxml included), the check (and within it
the regular expressions compiled on first use and the word lists parsed from rules/*.toml), the JSON
report, and what the process spends after that (exit) as the difference to its rusage.

Then the non-reading part of a check (`--pdf`, `--docx` files): in a fresh process per run, after a
warm-up check of another file (`--warm`: what a batch worker has done before its next file), median
seconds of reading (checker.read.load) and of the rest (facts, rules, summary, fingerprints, JSON
rendering) of the file, and the CPU seconds of the rest.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _child_env(tree: Path, pycache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["PECHECK_CACHE_DIR"] = str(pycache / "pecheck")  # the warm-up run stores the compiled patterns
    env["PYTHONPATH"] = str(tree)
    env["COLUMNS"] = "100"
    return env


def _once(cmd: list[str], tree: Path, env: dict[str, str]) -> tuple[float, float]:
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "checker.cli", *cmd], cwd=tree, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} in {tree} failed ({p.returncode}): {p.stderr.decode()[-400:]}")
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def commands(docx: Path) -> dict[str, list[str]]:
    return {
        "pecheck --help": ["--help"],
        "pecheck rules": ["rules"],
        f"pecheck {docx.name} (console)": ["check", str(docx.resolve())],
        f"pecheck {docx.name} --format json": ["check", "--format", "json", str(docx.resolve())],
    }


def bench_commands(trees: list[Path], docx: Path, runs: int) -> None:
    cmds = commands(docx)
    with tempfile.TemporaryDirectory(prefix="pecheck-pyc-") as tmp:
        envs = {t: _child_env(t, Path(tmp) / str(i)) for i, t in enumerate(trees)}
        for t in trees:  # warm-up: write the bytecode, fill the OS file cache
            for cmd in cmds.values():
                _once(cmd, t, envs[t])
        got: dict[tuple[Path, str], list[tuple[float, float]]] = {(t, n): [] for t in trees for n in cmds}
        for _ in range(runs):
            for name, cmd in cmds.items():
                for t in trees:
                    got[(t, name)].append(_once(cmd, t, envs[t]))
    print(f"\n{'command':44s} {'tree':28s} {'wall s':>8s} {'CPU s':>8s}   (median of {runs})")
    for name in cmds:
        for t in trees:
            walls = [w for w, _ in got[(t, name)]]
            cpus = [c for _, c in got[(t, name)]]
            label = str(t) if len(str(t)) <= 28 else "…" + str(t)[-27:]
            print(f"{name:44s} {label:28s} {statistics.median(walls):8.3f} {statistics.median(cpus):8.3f}")


def _child_parts(path: Path, warm: Path) -> None:
    """In a fresh process: check `warm` first (patterns compiled, word lists and tables loaded, as in
    a batch worker after its first file), then read `path` and check it once, timed. A fresh process
    for every run, so that nothing `path` itself leaves in the per-text memos is reused."""
    from checker.config import load_config
    from checker.pipeline import check_document
    from checker.read import load
    from checker.report.formats import lookup

    cfg = load_config(None)
    render = lookup("json")
    render.render([check_document(load(warm), cfg, warm)])
    t0 = time.perf_counter()
    doc = load(path)
    t1 = time.perf_counter()
    c1 = time.process_time()
    render.render([check_document(doc, cfg, path)])
    print(t1 - t0, time.perf_counter() - t1, time.process_time() - c1)


# Run as `python -c _STAGES DOCX` in a fresh process: the real `pecheck check --format json DOCX`, with
# the CPU clock read between its stages; the marks go to stderr at exit (after the CLI's own exit work).
_STAGES = r"""
import atexit, json, sys, time
marks = [("interpreter, site hooks", time.process_time(), {"compile": 0.0, "toml": 0.0})]
spent = {"compile": 0.0, "toml": 0.0}
def mark(name):
    marks.append((name, time.process_time(), dict(spent)))
import click
mark("import click")
import regex
mark("import regex")
import checker.cli
mark("import checker.cli")
import checker.config, checker.pipeline, checker.read, checker.report.formats, checker.runner
mark("import the rules, understand/, pipeline")
import tomllib
from checker.understand import lazyre
# patterns compiled on first use, and the word lists parsed (some while a pattern built from them is
# made: that time counts as parsing, not compiling), per stage
toml_loads, compile_one = tomllib.loads, lazyre.LazyPattern.compiled
def loads(text, **kw):
    t0 = time.process_time()
    try:
        return toml_loads(text, **kw)
    finally:
        spent["toml"] += time.process_time() - t0
def compiled(self):
    if "_rx" in self.__dict__:
        return self.__dict__["_rx"]
    t0, toml0 = time.process_time(), spent["toml"]
    try:
        return compile_one(self)
    finally:
        spent["compile"] += time.process_time() - t0 - (spent["toml"] - toml0)
tomllib.loads, lazyre.LazyPattern.compiled = loads, compiled
read_one, check_one = checker.read.load, checker.pipeline.check_document
def load(*a, **kw):
    mark("command line, configuration")
    doc = read_one(*a, **kw)
    mark("read (lxml included)")
    return doc
def check_document(*a, **kw):
    res = check_one(*a, **kw)
    mark("check")
    return res
checker.read.load, checker.pipeline.check_document = load, check_document
def report():
    mark("JSON report")
    sys.stderr.write("STAGES " + json.dumps({"marks": marks}) + "\n")
atexit.register(report)
sys.argv = ["pecheck", "check", "--format", "json", sys.argv[1]]
checker.cli.main()
"""


def bench_stages(trees: list[Path], docx: Path, runs: int) -> None:
    """Median CPU seconds per stage of a fresh DOCX check (see _STAGES), the trees' runs interleaved;
    exit = the child's rusage after its last stage."""
    import json

    got: dict[Path, list] = {t: [] for t in trees}
    with tempfile.TemporaryDirectory(prefix="pecheck-pyc-") as tmp:
        envs = {t: _child_env(t, Path(tmp) / str(i)) for i, t in enumerate(trees)}
        for i in range(runs + 1):  # the first run writes the bytecode
            for tree in trees:
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                p = subprocess.run([sys.executable, "-c", _STAGES, str(docx.resolve())], cwd=tree, env=envs[tree],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                line = next((x for x in p.stderr.splitlines() if x.startswith("STAGES ")), None)
                if line is None:
                    raise SystemExit(f"the staged check failed in {tree}: {p.stderr[-400:]}")
                if i:
                    got[tree].append((json.loads(line[7:]), (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)))
    for tree in trees:
        runs_of = got[tree]
        names = [m[0] for m in runs_of[0][0]["marks"]]
        rows = []
        for k, name in enumerate(names):
            rows.append((name, statistics.median(g["marks"][k][1] - (g["marks"][k - 1][1] if k else 0)
                                                 for g, _ in runs_of)))
            for what, label in (("compile", "compiling patterns"), ("toml", "parsing rules/*.toml")):
                inside = statistics.median(g["marks"][k][2][what] - (g["marks"][k - 1][2][what] if k else 0)
                                           for g, _ in runs_of)
                if inside >= 0.0005:
                    rows.append((f"  of which: {label}", inside))
        rows.append(("exit (rusage − last stage)", statistics.median(total - g["marks"][-1][1] for g, total in runs_of)))
        print(f"\nwhere a fresh `pecheck {docx.name} --format json` spends its CPU ({tree}; median of {runs}):")
        for name, sec in rows:
            print(f"  {name:42s} {sec:7.3f} s")
        print(f"  {'total (rusage)':42s} {statistics.median(t for _, t in runs_of):7.3f} s")


def bench_check_parts(files: list[Path], runs: int, warm: Path) -> None:
    """Reading vs the rest of a check (this checkout's code), each run in a fresh warmed process."""
    with tempfile.TemporaryDirectory(prefix="pecheck-pyc-") as tmp:
        env = _child_env(ROOT, Path(tmp))
        print(f"\n{'file':40s} {'read s':>8s} {'rest s':>8s} {'rest CPU s':>11s}   (median of {runs}; rest = facts, "
              f"rules, summary, fingerprints, JSON; after a warm-up check of {warm.name})")
        for f in files:
            got = []
            for i in range(runs + 1):  # the first run writes the bytecode
                p = subprocess.run([sys.executable, __file__, "--child-parts", str(f.resolve()), str(warm.resolve())],
                                   cwd=ROOT, env=env, capture_output=True, text=True, check=True)
                if i:
                    got.append([float(x) for x in p.stdout.split()])
            reads, rests, cpus = zip(*got)
            print(f"{f.name:40s} {statistics.median(reads):8.3f} {statistics.median(rests):8.3f} "
                  f"{statistics.median(cpus):11.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--tree", type=Path, action="append", default=[],
                    help="another checkout to measure alongside this one (e.g. main before a change)")
    ap.add_argument("--docx", type=Path, default=ROOT / "samples" / "xiangxi-2022.docx")
    ap.add_argument("--pdf", type=Path, action="append", default=[],
                    help="PDF(s) whose non-reading part to measure (default: xiangxi-2022.pdf)")
    ap.add_argument("--no-parts", action="store_true", help="skip the in-process reading/rest split")
    ap.add_argument("--no-commands", action="store_true", help="only the reading/rest split")
    ap.add_argument("--warm", type=Path, default=ROOT / "samples" / "culture-2022.docx",
                    help="the file checked first in each process of the reading/rest split")
    ap.add_argument("--stages", action="store_true", help="also where a fresh DOCX check spends its CPU, stage by stage")
    ap.add_argument("--child-parts", nargs=2, type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child_parts:
        sys.path.insert(0, str(ROOT))
        _child_parts(*a.child_parts)
        return
    trees = [ROOT, *[t.resolve() for t in a.tree]]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs")
    if not a.no_commands:
        bench_commands(trees, a.docx, a.runs)
    if a.stages:
        bench_stages(trees, a.docx, a.runs)
    if not a.no_parts:
        bench_check_parts([*(a.pdf or [ROOT / "samples" / "xiangxi-2022.pdf"]), a.docx], a.runs, a.warm)
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
