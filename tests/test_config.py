"""Options that exist: declared per rule, defaults only in the profile, every config key validated,
config found from the report's folder upwards, `pecheck config` showing where each value comes from."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from checker import knowledge
from checker.check.registry import all_rules
from checker.cli import main

SEED = SAMPLES / "xiangxi-2022.docx"  # execution 64.47%: PC902 and PC803 fire, PC906 too


def run(*args, cwd=None):
    return CliRunner().invoke(main, [str(a) for a in args])


def rules_of(r) -> list[str]:
    return [f["rule"] for f in json.loads(r.output)["reports"][0]["findings"]]


@pytest.mark.parametrize("text, key, line", [
    ('ignore = ["PC906"]\nignroe = ["PC404"]\n', "ignroe", 2),
    ('[thresholds]\ndeviation_required_below = 85\nlow_executoin = 80\n', "low_executoin", 3),
    ('[severity]\nPC999 = "error"\n', "PC999", 2),
    ('[rule.PC902]\ndeviation_required_below = "eighty"\n', "deviation_required_below", 2),
    ('[rule.PC902]\nlow_execution = 80\n', "low_execution", 2),
    ('[rule.PC998]\nx = 1\n', "PC998", 1),
    ('[thresholds]\nsame_total_window = [1.1, 0.9]\n', "same_total_window", 2),
    ('select = "PC1"\n[tolerance]\nmoney_abs = 0\n', "tolerance", 2),
])
def test_a_bad_config_exits_2_naming_file_line_and_key(tmp_path, text, key, line):
    cfg = tmp_path / "pecheck.toml"
    cfg.write_text(text, encoding="utf-8")
    r = run(SEED, "--format", "json", "--config", cfg)
    assert r.exit_code == 2
    assert r.stdout == ""
    err = r.stderr.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert f"{cfg}:{line}:" in err and key in err


def test_a_rule_option_is_read(tmp_path):
    assert "PC902" in rules_of(run(SEED, "--format", "json"))
    cfg = tmp_path / "pecheck.toml"
    cfg.write_text("[rule.PC902]\ndeviation_required_below = 60\n", encoding="utf-8")
    assert "PC902" not in rules_of(run(SEED, "--format", "json", "--config", cfg))
    cfg.write_text("[thresholds]\nlow_execution = 60\n", encoding="utf-8")  # PC803 and PC804 share it
    got = rules_of(run(SEED, "--format", "json", "--config", cfg))
    assert "PC803" not in got and "PC902" in got


def test_config_is_found_from_the_reports_folder_upwards(tmp_path, monkeypatch):
    (tmp_path / "a" / "b").mkdir(parents=True)
    report = tmp_path / "a" / "b" / "report.docx"
    shutil.copy(SEED, report)
    (tmp_path / "a" / "pecheck.toml").write_text('ignore = ["PC906"]\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "pecheck.toml").write_text('ignore = ["PC803"]\n', encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    got = rules_of(run(report, "--format", "json"))
    assert "PC906" not in got and "PC803" in got
    # a batch reads the current folder's
    got = json.loads(run(tmp_path / "a", "--format", "json", "-q").output)["reports"][0]["findings"]
    rules = [f["rule"] for f in got]
    assert "PC803" not in rules and "PC906" in rules


def test_every_option_is_declared_with_a_default_in_the_profile_only():
    national = knowledge.load("national").profile["thresholds"]
    declared = {}
    for cls in all_rules():
        for o in cls.options:
            assert o.doc and o.type in ("number", "integer", "window")
            assert o.name in national, f"{cls.code}.{o.name} has no default in national.toml"
            o.coerce(national[o.name])
            declared[o.name] = o
    for name in ("national", "hunan", "sichuan"):
        prof = knowledge.load(name).profile
        assert set(prof.get("thresholds", {})) <= set(declared), f"dead keys in {name}.toml"
        assert set(prof) <= {"name", "description", "extends", "grade_bands", "thresholds"}, f"dead keys in {name}"


def test_rule_lists_its_options():
    r = run("rule", "PC902")
    assert r.exit_code == 0
    assert "deviation_required_below = 90" in r.output


def test_config_command_shows_values_and_sources(tmp_path):
    (tmp_path / "pecheck.toml").write_text('profile = "sichuan"\n[rule.PC803]\nlow_execution = 70\n',
                                           encoding="utf-8")
    r = run("config", tmp_path / "r.pdf", "--format", "json")
    assert r.exit_code == 0, r.output
    rows = {x["setting"]: x for x in json.loads(r.output)}
    assert rows["profile"]["value"] == "sichuan" and rows["profile"]["source"].endswith("pecheck.toml")
    assert rows["PC803.low_execution"]["value"] == 70 and "[rule.PC803]" in rows["PC803.low_execution"]["source"]
    assert rows["PC804.low_execution"]["value"] == 90 and rows["PC804.low_execution"]["source"].endswith(
        "national.toml")
    assert rows["PC902.deviation_required_below"]["source"].endswith("sichuan.toml")
    assert "national.toml" in run("config").output
