"""Batches: worker processes, input order, broken files, per-file time limit, memory cap, crashes."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from checker.batch import run_batch, timeout_error
from checker.config import Config

pytestmark = pytest.mark.slow  # the inner loop skips it: python -m pytest -m "not slow"

SEEDS = ("xiangxi-2022.pdf", "xiangxi-2022.docx")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("batch")
    for name in SEEDS:
        shutil.copy2(SAMPLES / name, d / name)
    (d / "bad.pdf").write_text("this is not a PDF\n", encoding="utf-8")
    (d / "empty.docx").write_bytes(b"")
    return d


def _pecheck(*args, env=None, timeout=180) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "checker.cli", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def test_cli_batch_json_with_broken_files(corpus):
    got = _pecheck(corpus, "--format", "json", "-q", "--jobs", "2")
    assert got.returncode == 2, got.stderr
    reports = json.loads(got.stdout)["reports"]
    names = [Path(r["file"]).name for r in reports]
    assert names == ["bad.pdf", "empty.docx", "xiangxi-2022.docx", "xiangxi-2022.pdf"]  # sorted walk, input order
    by = {Path(r["file"]).name: r for r in reports}
    for bad in ("bad.pdf", "empty.docx"):
        assert by[bad]["error"] and by[bad]["findings"] == []
        assert "\n" not in by[bad]["error"]
    for good in SEEDS:
        assert by[good]["error"] is None and by[good]["pages"] > 0 and by[good]["findings"]


def test_cli_batch_console_and_summary(corpus, tmp_path):
    xl = tmp_path / "summary.xlsx"
    got = _pecheck(corpus, "--jobs", "2", "--summary", xl)
    assert got.returncode == 2
    out = got.stdout
    assert out.count("无法检查") == 2  # one error line per broken file
    assert "bad.pdf" in out and "empty.docx" in out
    # the footer counts files (the two seeds have warnings: 需修改) and says how long the run took
    assert re.search(r"检查 4 份报告：通过 0，需修改 2，无法读取 2；用时 \d+\.\d 秒", out)
    from openpyxl import load_workbook

    ws = load_workbook(xl)["报告汇总"]
    status = {Path(r[0]).name: r[1] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert status == {"bad.pdf": "无法读取", "empty.docx": "无法读取", "xiangxi-2022.docx": "需修改",
                      "xiangxi-2022.pdf": "需修改"}


def _files(corpus: Path) -> list[Path]:
    return [corpus / n for n in ("xiangxi-2022.docx", "bad.pdf", "xiangxi-2022.pdf", "empty.docx")]


def test_pool_results_in_input_order(corpus):
    files = _files(corpus)
    res = run_batch(files, Config(), jobs=2, timeout=60, quiet=True)
    assert [r.file for r in res] == [str(f) for f in files]
    assert [bool(r.error) for r in res] == [False, True, False, True]
    assert not [p for p in multiprocessing.active_children() if p.name == "pecheck-worker"]


def test_pool_timeout_kills_and_goes_on(corpus, monkeypatch, tmp_path):
    monkeypatch.setenv("PECHECK_TEST_HOOK", "slow.docx=sleep:120")
    shutil.copy2(corpus / "xiangxi-2022.docx", tmp_path / "slow.docx")
    files = [tmp_path / "slow.docx", corpus / "bad.pdf", corpus / "xiangxi-2022.docx", corpus / "empty.docx"]
    t0 = time.monotonic()
    res = run_batch(files, Config(), jobs=2, timeout=6, quiet=True)
    assert time.monotonic() - t0 < 60
    assert res[0].error == timeout_error(6) == "处理超时（超过 6 秒）（timed out after 6 s）"
    assert res[0].findings == []
    assert res[2].error is None and res[2].findings  # the others were still checked
    assert res[1].error and res[3].error  # the broken ones keep their own reasons
    assert "超时" not in res[1].error + res[3].error
    assert not [p for p in multiprocessing.active_children() if p.name == "pecheck-worker"]


def test_inline_timeout(corpus, monkeypatch, tmp_path):
    monkeypatch.setenv("PECHECK_TEST_HOOK", "slow.docx=sleep:60")
    shutil.copy2(corpus / "xiangxi-2022.docx", tmp_path / "slow.docx")
    files = [tmp_path / "slow.docx", corpus / "xiangxi-2022.docx"]
    t0 = time.monotonic()
    res = run_batch(files, Config(), jobs=1, timeout=5.5, quiet=True)
    assert time.monotonic() - t0 < 60
    assert res[0].error == "处理超时（超过 5.5 秒）（timed out after 5.5 s）"
    assert res[1].error is None and res[1].findings


def test_crash_and_memory_bomb_fail_one_file_only(corpus, monkeypatch):
    monkeypatch.setenv("PECHECK_TEST_HOOK", "bad.pdf=crash;xiangxi-2022.docx=oom")
    files = _files(corpus)
    res = run_batch(files, Config(), jobs=2, timeout=60, quiet=True, mem_limit="1G")
    assert "内存不足" in res[0].error and "1 GiB" in res[0].error
    assert "处理进程异常退出" in res[1].error
    assert res[2].error is None and res[2].findings
    assert res[3].error and "empty" in res[3].error


def test_cli_timeout_exit_code(corpus, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name in ("xiangxi-2022.docx", "bad.pdf"):
        shutil.copy2(corpus / name, d / name)
    shutil.copy2(corpus / "xiangxi-2022.docx", d / "slow.docx")
    got = _pecheck(d, "--format", "json", "-q", "--jobs", "2", "--timeout", "6",
                   env={"PECHECK_TEST_HOOK": "slow.docx=sleep:120"})
    assert got.returncode == 2
    by = {Path(r["file"]).name: r for r in json.loads(got.stdout)["reports"]}
    assert list(by) == ["bad.pdf", "slow.docx", "xiangxi-2022.docx"]
    assert by["slow.docx"]["error"] == "处理超时（超过 6 秒）（timed out after 6 s）"
    assert by["slow.docx"]["findings"] == []
    assert by["xiangxi-2022.docx"]["error"] is None and by["xiangxi-2022.docx"]["findings"]
