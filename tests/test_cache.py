"""The result cache: hits, what invalidates it, a batch resumed after a kill; JSON Lines output."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batchkit import same_findings, varied_copy
from conftest import ROOT, SAMPLES

from checker.batch import BatchStats, run_batch
from checker.batch import cache as cache_mod
from checker.batch.cache import ResultCache, settings_digest
from checker.config import Config, load_config

SEED = SAMPLES / "xiangxi-2022.docx"


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    varied_copy(SEED, d / "a.docx", "a")
    varied_copy(SEED, d / "b.docx", "b")
    (d / "bad.pdf").write_text("this is not a PDF\n", encoding="utf-8")
    return d


def _run(folder: Path, db: Path, cfg: Config | None = None, **kw) -> tuple[list, BatchStats]:
    stats = BatchStats()
    files = sorted(folder.iterdir())
    res = run_batch(files, cfg or Config(), jobs=1, timeout=120, quiet=True, cache=db, stats=stats, notes=False,
                    **kw)
    return res, stats


def _rows(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT count(*) FROM results").fetchone()[0]


def test_rerun_reuses_every_result(folder, tmp_path):
    db = tmp_path / "cache.sqlite"
    first, s1 = _run(folder, db)
    assert (s1.reused, s1.checked, s1.stored) == (0, 3, 3)  # the unreadable file's answer is kept too
    again, s2 = _run(folder, db)
    assert (s2.reused, s2.checked) == (3, 0)
    for a, b in zip(first, again):
        assert a.file == b.file and a.error == b.error and a.pages == b.pages and a.summary == b.summary
        assert same_findings(a, b)
    assert first[0].findings  # the comparison compared something


def test_only_new_or_changed_files_are_checked(folder, tmp_path):
    db = tmp_path / "cache.sqlite"
    _run(folder, db)
    varied_copy(SEED, folder / "b.docx", "b, edited")  # changed bytes
    varied_copy(SEED, folder / "c.docx", "c")  # new
    (folder / "a.docx").rename(folder / "a-renamed.docx")  # same bytes, new name: reused under the new name
    res, s = _run(folder, db)
    assert (s.reused, s.checked) == (2, 2)
    assert [Path(r.file).name for r in res] == ["a-renamed.docx", "b.docx", "bad.pdf", "c.docx"]
    assert res[0].file == str(folder / "a-renamed.docx")


def test_settings_and_version_invalidate_exactly(folder, tmp_path, monkeypatch):
    db = tmp_path / "cache.sqlite"
    _run(folder, db)
    _, s = _run(folder, db, Config(ignore=["PC404"]))
    assert (s.reused, s.checked) == (0, 3)
    _, s = _run(folder, db, Config(thresholds={"deviation_required_below": 80}))
    assert s.reused == 0
    _, s = _run(folder, db, Config(severities={"PC101": "warning"}))
    assert s.reused == 0
    _, s = _run(folder, db, ocr="off")
    assert s.reused == 0
    _, s = _run(folder, db, Config())  # back to the first settings: their results are still there
    assert (s.reused, s.checked) == (3, 0)
    monkeypatch.setattr(cache_mod, "__version__", "999.0")  # an upgraded pecheck
    _, s = _run(folder, db)
    assert s.reused == 0


def test_key_is_the_effective_settings_not_their_spelling(tmp_path):
    (tmp_path / "pecheck.toml").write_text('ignore = ["PC404"]\n', encoding="utf-8")
    from_file = load_config(cwd=tmp_path)
    assert from_file.source
    assert settings_digest(from_file, "auto") == settings_digest(Config(ignore=["PC404"]), "auto")
    from checker.check.registry import all_rules

    sums = [r.code for r in all_rules() if r.category == "sum"]
    assert settings_digest(Config(select=["sum"]), "auto") == settings_digest(Config(select=sums), "auto")
    assert settings_digest(Config(select=["sum"]), "auto") != settings_digest(Config(), "auto")
    # a severity for a rule that does not run changes nothing it produces
    assert settings_digest(Config(select=["sum"], severities={"PC404": "error"}), "auto") == \
        settings_digest(Config(select=["sum"]), "auto")


def test_key_names_the_pdf_reader_in_force(folder, tmp_path, monkeypatch):
    monkeypatch.delenv("PECHECK_PDF_READER", raising=False)
    default = settings_digest(Config(), "auto")
    monkeypatch.setenv("PECHECK_PDF_READER", "pdfium")  # the default named: the same reader, the same key
    assert settings_digest(Config(), "auto") == default
    monkeypatch.setenv("PECHECK_PDF_READER", "pdfplumber")
    assert settings_digest(Config(), "auto") != default
    db = tmp_path / "cache.sqlite"
    monkeypatch.delenv("PECHECK_PDF_READER")
    _run(folder, db)
    monkeypatch.setenv("PECHECK_PDF_READER", "pdfplumber")
    _, s = _run(folder, db)  # results read by the other reader are not handed back
    assert (s.reused, s.checked) == (0, 3)
    _, s = _run(folder, db)
    assert (s.reused, s.checked) == (3, 0)


def test_run_failures_are_not_cached(folder, tmp_path, monkeypatch):
    db = tmp_path / "cache.sqlite"
    from checker.pipeline import check_file

    check_file(SEED, Config())  # imports done before the clock starts: only the hanging file may time out
    monkeypatch.setenv("PECHECK_TEST_HOOK", "a.docx=sleep:60")
    stats = BatchStats()
    res = run_batch(sorted(folder.iterdir()), Config(), jobs=1, timeout=10, quiet=True, cache=db, stats=stats,
                    notes=False)
    assert "超时" in res[0].error
    assert stats.stored == 2 and _rows(db) == 2
    monkeypatch.delenv("PECHECK_TEST_HOOK")
    res, s = _run(folder, db)
    assert (s.reused, s.checked) == (2, 1) and res[0].error is None and res[0].findings


def test_cache_option_in_config_and_message(folder, tmp_path):
    (tmp_path / "pecheck.toml").write_text('cache = "state/results.sqlite"\n', encoding="utf-8")
    cmd = [sys.executable, "-m", "checker.cli", str(folder), "--format", "json", "--jobs", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert first.returncode == 2, first.stderr  # bad.pdf
    assert (tmp_path / "state" / "results.sqlite").is_file()  # relative to the config file
    assert "结果缓存：0 份报告的结果沿用缓存，3 份需要检查" in first.stderr
    again = subprocess.run([c for c in cmd if c != "-q"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert "结果缓存：3 份报告的结果沿用缓存，0 份需要检查（3 results reused from the cache）" in again.stderr
    assert json.loads(again.stdout)["reports"] == json.loads(first.stdout)["reports"]


def test_resume_after_kill(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name in ("a", "b", "c"):
        varied_copy(SEED, d / f"{name}.docx", name)
    varied_copy(SEED, d / "z-hangs.docx", "z")
    db = tmp_path / "cache.sqlite"
    cmd = [sys.executable, "-m", "checker.cli", str(d), "--format", "json", "-q", "--jobs", "1", "--cache", str(db)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
                            env={**env, "PECHECK_TEST_HOOK": "z-hangs.docx=sleep:600"})
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:  # the three ordinary files are stored one by one
            if db.exists():
                try:
                    if _rows(db) >= 3:
                        break
                except sqlite3.Error:
                    pass
            time.sleep(0.3)
        else:
            pytest.fail("the first three results never reached the cache")
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # as a crash or a power cut would: no clean-up at all
        proc.wait(30)
    again = subprocess.run([c for c in cmd if c != "-q"], capture_output=True, text=True, cwd=ROOT, env=env,
                           timeout=300)
    assert again.returncode in (0, 1), again.stderr
    assert "结果缓存：3 份报告的结果沿用缓存，1 份需要检查" in again.stderr
    reports = json.loads(again.stdout)["reports"]
    assert [Path(r["file"]).name for r in reports] == ["a.docx", "b.docx", "c.docx", "z-hangs.docx"]
    assert all(r["error"] is None and r["findings"] for r in reports)


def test_cache_opens_or_says_why(tmp_path):
    not_a_db = tmp_path / "x.sqlite"
    not_a_db.write_text("hello, this is not SQLite" * 100, encoding="utf-8")
    with pytest.raises(cache_mod.CacheError) as exc:
        ResultCache(not_a_db, Config())
    assert "无法打开结果缓存" in str(exc.value) and "\n" not in str(exc.value)
    got = subprocess.run([sys.executable, "-m", "checker.cli", str(SEED), "--cache", str(not_a_db)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert got.returncode == 2 and got.stderr.startswith("错误：无法打开结果缓存")
    assert "Traceback" not in got.stderr


# ------------------------------------------------------------------------------------ JSON Lines


def test_jsonl_lines_are_reports_written_as_files_finish(folder, tmp_path):
    varied_copy(SEED, folder / "z-slow.docx", "z")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "checker.cli", str(folder), "--format", "jsonl", "-o", str(out), "--jobs", "1",
           "--timeout", "20"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, text=True,
                            env={**os.environ, "PECHECK_TEST_HOOK": "z-slow.docx=sleep:60"})
    seen_early = 0
    deadline = time.monotonic() + 200
    while proc.poll() is None and time.monotonic() < deadline:
        if out.exists():
            seen_early = max(seen_early, len(out.read_text(encoding="utf-8").splitlines()))
        time.sleep(0.2)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err  # bad.pdf and the time-out
    assert seen_early >= 3  # the finished files were there while the last one still ran
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    reports = [json.loads(line) for line in lines]  # every line is a JSON object on its own
    for r in reports:
        assert {"file", "format", "pages", "ocr", "error", "findings"} <= set(r)
    by = {Path(r["file"]).name: r for r in reports}
    assert "超时" in by["z-slow.docx"]["error"] and by["bad.pdf"]["error"]
    assert by["a.docx"]["error"] is None and by["a.docx"]["findings"]


def test_jsonl_line_is_the_json_report_object():
    faults = SAMPLES / "roads-2024-faults.docx"
    outs = {}
    for fmt in ("jsonl", "json"):
        outs[fmt] = subprocess.run([sys.executable, "-m", "checker.cli", str(faults), "--format", fmt,
                                    "--min-severity", "warning"], capture_output=True, text=True, cwd=ROOT,
                                   timeout=120)
    lines = outs["jsonl"].stdout.splitlines()
    assert len(lines) == 1
    line = json.loads(lines[0])
    whole = json.loads(outs["json"].stdout)["reports"][0]
    line.pop("seconds"), whole.pop("seconds")
    assert line == whole
    assert line["findings"] and {f["severity"] for f in line["findings"]} <= {"warning", "error"}
    assert outs["jsonl"].returncode == outs["json"].returncode


def test_dask_without_the_extra_says_how_to_install(monkeypatch, capsys):
    from checker.runner import run

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if `pip install 'pecheck[dist]'` was not run
    monkeypatch.setitem(sys.modules, "dask", None)
    assert run([SEED], Config(), fmt="json", dask="local:2") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pecheck[dist]" in err and err.startswith("错误：")


@pytest.mark.parametrize("address", ["local:0", "local:x", "tcp://a b"])
def test_bad_dask_address(address):
    pytest.importorskip("distributed")
    from checker.batch.dask import parse_address
    from checker.errors import InputError

    with pytest.raises(InputError):
        parse_address(address)


def test_a_cached_result_is_the_result(tmp_path):
    """Every field survives the cache, evidence boxes included (the HTML crops draw them)."""
    import dataclasses

    from checker.batch.cache import dump_result, load_result
    from checker.pipeline import check_file

    res = check_file(SAMPLES / "roads-2024-faults.pdf", Config())
    assert res.findings and any(loc.bbox for f in res.findings for loc in f.locations)
    back = load_result(dump_result(res), res.file)
    assert dataclasses.asdict(back) == dataclasses.asdict(res)
    assert [[loc.context for loc in f.locations] for f in back.findings] == \
        [[loc.context for loc in f.locations] for f in res.findings]
