"""The batch on a Dask cluster (`--dask local:2`): the same answers as `--jobs 1`, and the same care.

Needs the `dist` extra (pip install '.[dist]'); without it these tests are skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from batchkit import same_findings, varied_copy
from conftest import ROOT, SAMPLES

pytest.importorskip("distributed", reason="needs the dist extra: pip install '.[dist]'")

from checker.batch import BatchStats, run_batch  # noqa: E402
from checker.batch.local import timeout_error  # noqa: E402
from checker.config import Config  # noqa: E402

pytestmark = pytest.mark.slow
TIMEOUT = 120  # generous: a shared, loaded machine must not time out an ordinary sample


@pytest.fixture(scope="module")
def samples_plus(tmp_path_factory) -> Path:
    """Every text-layer sample, an unreadable file and a file that hangs."""
    d = tmp_path_factory.mktemp("dask")
    for p in sorted([*SAMPLES.glob("*.pdf"), *SAMPLES.glob("*.docx")]):
        if ".scan." not in p.name:
            shutil.copy2(p, d / p.name)
    (d / "broken.pdf").write_bytes(b"%PDF-1.7\n this is not really a PDF\n")
    varied_copy(SAMPLES / "xiangxi-2022.docx", d / "hangs.docx", "hangs")
    return d


def test_local_cluster_gives_the_findings_of_jobs_1(samples_plus, monkeypatch):
    monkeypatch.setenv("PECHECK_TEST_HOOK", "hangs.docx=sleep:600")
    files = sorted(samples_plus.iterdir())
    assert len(files) > 40
    one = run_batch(files, Config(), jobs=1, timeout=TIMEOUT, quiet=True)
    streamed = []
    dask = run_batch(files, Config(), dask="local:2", timeout=TIMEOUT, quiet=True, on_result=streamed.append)
    assert [r.file for r in dask] == [str(f) for f in files]  # input order, whatever the finishing order
    assert sorted(r.file for r in streamed) == sorted(str(f) for f in files)  # each streamed once
    for a, b in zip(one, dask):
        assert a.error == b.error, a.file
        assert (a.format, a.pages, a.summary) == (b.format, b.pages, b.summary), a.file
        assert same_findings(a, b), a.file
    by = {Path(r.file).name: r for r in dask}
    assert by["broken.pdf"].error and "超时" not in by["broken.pdf"].error
    assert by["hangs.docx"].error == timeout_error(TIMEOUT)
    assert sum(1 for r in dask if r.findings) > 30


def test_worker_death_retried_once_then_failed_and_bytes_mode(tmp_path, monkeypatch):
    d = tmp_path / "in"
    d.mkdir()
    for name in ("a", "kills-worker", "kills-check", "z"):
        varied_copy(SAMPLES / "xiangxi-2022.docx", d / f"{name}.docx", name)
    varied_copy(SAMPLES / "xiangxi-2022.pdf", d / "big.pdf", "big")
    monkeypatch.setenv("PECHECK_TEST_HOOK", "kills-worker.docx=killworker;kills-check.docx=crash")
    monkeypatch.setenv("PECHECK_DASK_MAX_BYTES", "100K")  # the DOCX files travel, the PDF is too big
    files = sorted(d.iterdir())
    res = run_batch(files, Config(), dask="local:2", dask_input="bytes", timeout=TIMEOUT, quiet=True)
    by = {Path(r.file).name: r for r in res}
    assert [r.file for r in res] == [str(f) for f in files]
    assert by["big.pdf"].error.startswith("文件过大（339 KiB，超过发送到集群的上限 100 KiB）")
    assert by["kills-worker.docx"].error.startswith("处理进程异常退出（工作节点在处理此文件时两次退出）")
    assert by["kills-check.docx"].error == "处理进程异常退出（退出码 70）（worker crashed, exit code 70）"
    for ok in ("a.docx", "z.docx"):  # the batch went on, and the travelling files keep their own names
        assert by[ok].error is None and by[ok].findings and by[ok].file == str(d / ok)


def test_cli_dask_with_cache_then_local_pool_reuses(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name in ("a", "b"):
        varied_copy(SAMPLES / "xiangxi-2022.docx", d / f"{name}.docx", name)
    varied_copy(SAMPLES / "health-clinics-2023.pdf", d / "c.pdf", "c")
    db = tmp_path / "cache.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    base = [sys.executable, "-m", "checker.cli", str(d), "--cache", str(db)]
    got = subprocess.run([*base, "--dask", "local:2", "--format", "jsonl"], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=600)
    assert got.returncode in (0, 1), got.stderr
    assert "Traceback" not in got.stderr
    lines = [json.loads(x) for x in got.stdout.splitlines()]
    assert sorted(Path(r["file"]).name for r in lines) == ["a.docx", "b.docx", "c.pdf"]
    again = subprocess.run([*base, "--jobs", "2", "--format", "json"], capture_output=True, text=True, cwd=ROOT,
                           env=env, timeout=600)
    assert "结果缓存：3 份报告的结果沿用缓存，0 份需要检查" in again.stderr
    reports = {r["file"]: r for r in json.loads(again.stdout)["reports"]}
    for r in lines:
        assert reports[r["file"]]["findings"] == r["findings"]


def test_stats_count_the_cluster_results(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    varied_copy(SAMPLES / "xiangxi-2022.docx", d / "a.docx", "a")
    stats = BatchStats()
    res = run_batch([d / "a.docx", d / "missing.docx"], Config(), dask="local:1", timeout=TIMEOUT, quiet=True,
                    cache=tmp_path / "c.sqlite", stats=stats, notes=False)
    assert res[0].error is None and res[1].error and "missing.docx" in res[1].error
    assert (stats.checked, stats.stored, stats.reused) == (2, 1, 0)  # a file that is not there is not stored
