"""Every rule fires on its failing cases and stays silent on its passing ones (cases are data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import examples
from checker.check.registry import CATEGORIES, all_rules

RULES = Path(__file__).parent / "rules"
CASES = [(code, name, case) for code in sorted(p.stem for p in RULES.glob("PC*.toml"))
         for name, case in examples.cases(code).items()]


@pytest.mark.parametrize("code, name, case", CASES, ids=[f"{c}-{n}" for c, n, _ in CASES])
def test_rule_case(code, name, case):
    findings = examples.run_case(code, case)
    if case["kind"] == "pass":
        assert findings == [], [f.message for f in findings]
        return
    assert case["kind"] == "fail"
    assert findings, f"{code} did not fire ({case.get('note', '')})"
    text = " ".join(f"{f.message} {f.expected} {f.found}" for f in findings)
    for s in case.get("expect", []):
        assert s in text, f"{s!r} not in {text!r}"
    if "severity" in case:  # the level the rule decided for this case (a warning softened to info)
        assert {f.severity for f in findings} == {case["severity"]}, [(f.severity, f.message) for f in findings]


def test_every_rule_has_cases_and_docs():
    kinds: dict[str, set[str]] = {}
    for code, _, c in CASES:
        kinds.setdefault(code, set()).add(c["kind"])
    assert {p.stem for p in RULES.glob("PC*.toml")} == {r.code for r in all_rules()}, "one case file per rule"
    for r in all_rules():
        assert kinds.get(r.code) == {"fail", "pass"}, f"{r.code} needs a failing and a passing case"
        docs = [n for n, c in examples.cases(r.code).items() if c.get("doc")]
        assert len(docs) == 1, f"{r.code}: mark exactly one case `doc = true`"
        ex = examples.doc_example(r.code)
        assert ex is not None and ex.messages, f"{r.code}: the doc example must show the rule firing"
        assert r.category in CATEGORIES
        for attr in ("title", "explain", "fail_example", "pass_example", "name"):
            assert getattr(r, attr), f"{r.code} lacks {attr}"
