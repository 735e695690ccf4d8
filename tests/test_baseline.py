"""Accepted findings: `--write-baseline accepted.toml`, `--baseline accepted.toml`, stale entries."""

from __future__ import annotations

import json
import tomllib

from conftest import SAMPLES

from checker.compare import Accepted, apply_baseline, read_baseline, write_baseline
from checker.config import Config
from checker.runner import check_file, run

FAULTS = SAMPLES / "culture-2022-faults.docx"


def test_round_trip_suppresses_everything_and_flags_a_stale_entry(tmp_path):
    path = tmp_path / "accepted.toml"
    res = check_file(FAULTS, Config())
    n = write_baseline([res], path)
    assert n == len(res.findings) >= 8
    data = tomllib.loads(path.read_text(encoding="utf-8"))  # plain TOML a person can edit
    assert [e["fingerprint"] for e in data["accepted"]] == [f.fingerprint for f in res.findings]
    assert all(e["reason"] == "" and e["rule"] and e["description"] for e in data["accepted"])

    entries = read_baseline(path)
    again = check_file(FAULTS.with_suffix(".pdf"), Config())  # the same report as PDF: same fingerprints
    assert apply_baseline([again], entries) == n
    assert again.findings == [] and again.suppressed == n

    stale = Accepted(fingerprint="PC201-000000000000", rule="PC201", description="已改正的结余")
    once_more = check_file(FAULTS, Config())
    apply_baseline([once_more], [*entries, stale], source="accepted.toml")
    assert [(f.rule, f.severity) for f in once_more.findings] == [("PC909", "info")]
    assert "PC201-000000000000" in once_more.findings[0].message
    assert once_more.findings[0].fingerprint.startswith("PC909-")


def test_entries_for_another_file_are_neither_applied_nor_stale():
    res = check_file(FAULTS, Config())
    fp = res.findings[0].fingerprint
    other = Accepted(fingerprint=fp, file="someone-else.docx")
    apply_baseline([res], [other])
    assert res.suppressed == 0 and fp in {f.fingerprint for f in res.findings}
    assert "PC909" not in {f.rule for f in res.findings}


def test_cli_loop_keeps_reasons_and_says_how_many(tmp_path, capsys):
    path = tmp_path / "accepted.toml"
    assert run([FAULTS], Config(), fmt="json", output=tmp_path / "a.json", write_baseline=path) == 1
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('reason = ""', 'reason = "经财政局同意"', 1), encoding="utf-8")
    assert run([FAULTS], Config(), fmt="json", output=tmp_path / "b.json", baseline=path) == 0
    report = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["reports"][0]
    assert report["findings"] == [] and report["suppressed"] == text.splitlines().count("[[accepted]]")
    # refreshing the file keeps the reason a reviewer wrote
    run([FAULTS], Config(), fmt="json", output=tmp_path / "c.json", write_baseline=path)
    assert path.read_text(encoding="utf-8").count("经财政局同意") == 1
    capsys.readouterr()
    run([FAULTS], Config(), baseline=path)
    assert "已按基线忽略" in capsys.readouterr().out


def test_a_broken_baseline_is_one_line_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[accepted]]\nrule = 'PC101'\n", encoding="utf-8")
    assert run([FAULTS], Config(), baseline=bad) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "fingerprint" in err[0]
    assert run([FAULTS], Config(), baseline=tmp_path / "missing.toml") == 2


def test_entries_of_rules_not_run_or_below_the_shown_severity_are_not_stale(tmp_path):
    path = tmp_path / "accepted.toml"
    write_baseline([check_file(FAULTS, Config())], path)
    entries = read_baseline(path)
    assert {e.severity for e in entries} >= {"error", "info"}
    only_sums = Config(select=["PC101"])
    res = check_file(FAULTS, only_sums)
    apply_baseline([res], entries, cfg=only_sums)
    assert res.findings == [] and res.suppressed == 1
    everything = check_file(FAULTS, Config())
    everything.findings = [f for f in everything.findings if f.severity != "info"]  # as --min-severity warning
    apply_baseline([everything], entries, cfg=Config(), min_severity="warning")
    assert everything.findings == []
