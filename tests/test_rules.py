"""Every rule fires on its failing cases and stays silent on its passing ones (cases are data)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from casedoc import build

from checker import knowledge
from checker.check.registry import CATEGORIES, all_rules, run_rules
from checker.understand.facts import extract

DATA = tomllib.loads((Path(__file__).parent / "data" / "rule_cases.toml").read_text(encoding="utf-8"))
BLOCKS = DATA["blocks"]
CASES = DATA["case"]


def _run(case):
    doc = build([BLOCKS.get(b, b) for b in case["blocks"]])
    facts = extract(doc, knowledge.load(case.get("profile", "national")))
    return run_rules(facts, select=[case["rule"]])


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{c['kind']}-{i}" for i, c in enumerate(CASES)])
def test_rule_case(case):
    findings = [f for f in _run(case) if f.rule == case["rule"]]
    if case["kind"] == "pass":
        assert findings == [], [f.message for f in findings]
        return
    assert findings, f"{case['rule']} did not fire ({case.get('note', '')})"
    text = " ".join(f"{f.message} {f.expected} {f.found}" for f in findings)
    for s in case.get("expect", []):
        assert s in text, f"{s!r} not in {text!r}"


def test_every_rule_has_cases_and_docs():
    kinds: dict[str, set[str]] = {}
    for c in CASES:
        kinds.setdefault(c["rule"], set()).add(c["kind"])
    for r in all_rules():
        assert kinds.get(r.code) == {"fail", "pass"}, f"{r.code} needs a failing and a passing case"
        assert r.category in CATEGORIES
        for attr in ("title", "explain", "fail_example", "pass_example", "name"):
            assert getattr(r, attr), f"{r.code} lacks {attr}"
