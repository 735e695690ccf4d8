"""The command line: exit codes, the JSON contract, rule listing and selection, config, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from checker.cli import main

SEED = str(SAMPLES / "xiangxi-2022.docx")


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_json_contract():
    r = run(SEED, "--format", "json")
    assert r.exit_code == 0  # the seed's faults are warnings, no error
    data = json.loads(r.output)
    assert data["tool"] == "pecheck" and data["version"]
    rep = data["reports"][0]
    for key in ("file", "format", "pages", "ocr", "error", "findings"):
        assert key in rep
    assert rep["format"] == "docx" and rep["ocr"] is False and rep["error"] is None
    cats = {"sum", "balance", "rate", "score", "grade", "mismatch", "text", "logic", "missing"}
    for f in rep["findings"]:
        assert set(f) >= {"rule", "category", "severity", "message", "expected", "found", "locations"}
        assert f["category"] in cats and f["severity"] in ("error", "warning", "info")
        for loc in f["locations"]:
            assert "page" in loc and "text" in loc


def test_exit_code_1_on_errors():
    r = run(str(SAMPLES / "edu-nutrition-2023-faults.docx"), "--format", "json")
    assert r.exit_code == 1
    assert any(f["severity"] == "error" for f in json.loads(r.output)["reports"][0]["findings"])


def test_console_groups_and_summary_line():
    r = run(SEED)
    assert "警告" in r.output and "PC402" in r.output and "共 " in r.output


def test_select_and_ignore():
    data = json.loads(run(SEED, "--format", "json", "--select", "score").output)
    assert {f["category"] for f in data["reports"][0]["findings"]} == {"score"}
    data = json.loads(run(SEED, "--format", "json", "--ignore", "PC7,PC9").output)
    assert not any(f["rule"].startswith(("PC7", "PC9")) for f in data["reports"][0]["findings"])


def test_unknown_selection_is_a_usage_error():
    r = CliRunner().invoke(main, [SEED, "--select", "ZZ9"])
    assert r.exit_code == 2


def test_config_file_sets_severity_and_ignore(tmp_path):
    cfg = tmp_path / "pecheck.toml"
    cfg.write_text('ignore = ["PC906"]\n[severity]\nPC402 = "error"\n', encoding="utf-8")
    r = run(SEED, "--format", "json", "--config", str(cfg))
    data = json.loads(r.output)["reports"][0]["findings"]
    assert r.exit_code == 1
    assert not any(f["rule"] == "PC906" for f in data)
    assert [f["severity"] for f in data if f["rule"] == "PC402"] == ["error"]


def test_rules_and_rule():
    r = run("rules")
    assert "PC101" in r.output and "PC701" in r.output
    r = run("rule", "PC301")
    assert "64.47" in r.output and "执行率" in r.output
    assert CliRunner().invoke(main, ["rule", "PC000"]).exit_code == 2


def test_dump_and_facts():
    r = run("dump", SEED, "--format", "json")
    model = json.loads(r.output)
    assert model["format"] == "docx" and any(b["type"] == "table" for b in model["blocks"])
    r = run("dump", "--facts", SEED, "--format", "json")
    facts = json.loads(r.output)
    assert any(f["concept"] == "fund.spent" and f["value"] == "1160.49" for f in facts)


@pytest.mark.parametrize("content,suffix", [(b"", ".pdf"), (b"hello", ".pdf"), (b"hello", ".docx"),
                                            (b"%PDF-1.4\n garbage", ".pdf"), (b"x", ".txt")])
def test_bad_input_one_line_exit_2(tmp_path, content, suffix):
    p = tmp_path / f"bad{suffix}"
    p.write_bytes(content)
    res = subprocess.run([sys.executable, "-m", "checker.cli", str(p)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    assert "Traceback" not in res.stderr + res.stdout
    assert p.read_bytes() == content


def test_missing_file():
    res = subprocess.run([sys.executable, "-m", "checker.cli", "/nonexistent/x.pdf", "--format", "json"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    rep = json.loads(res.stdout)["reports"][0]
    assert rep["error"] and rep["findings"] == []


def test_pyproject_tool_section(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.pecheck]\nselect = ["score"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = json.loads(run(SEED, "--format", "json").output)
    assert {f["category"] for f in data["reports"][0]["findings"]} == {"score"}
