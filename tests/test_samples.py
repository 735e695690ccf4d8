"""Every sample against its answer key: clean reports give no error or warning; every planted
fault (required key item) is found. Matching follows ../shared/eval (category + mentions)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SAMPLES

from checker.config import Config
from checker.runner import check_file

pytestmark = pytest.mark.slow  # the inner loop skips it: python -m pytest -m "not slow"

KEYS = sorted(SAMPLES.glob("*.expected.json"))
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?:\D|$))")


def norm(s) -> str:
    s = "".join(ch for ch in str(s or "") if not ch.isspace())
    prev = None
    while prev != s:
        prev, s = s, _THOUSANDS.sub("", s)
    return s


def finding_text(f) -> str:
    parts = [f.message, f.expected, f.found] + [loc.text for loc in f.locations]
    return norm("".join(str(p) for p in parts if p is not None))


def matches(item, f) -> bool:
    if f.category not in {item["category"], *item.get("accept", [])}:
        return False
    text = finding_text(f)
    return all(any(norm(a) in text for a in (m if isinstance(m, list) else [m])) for m in item.get("mention", []))


def documents():
    for key in KEYS:
        k = json.loads(key.read_text(encoding="utf-8"))
        for suffix in (".pdf", ".docx"):
            p = SAMPLES / f"{k['file_stem']}{suffix}"
            if p.exists():
                yield pytest.param(k, p, id=p.name)


@pytest.mark.parametrize("key,path", list(documents()))
def test_sample_against_key(key, path):
    res = check_file(path, Config())
    assert res.error is None
    items = key.get("expected", [])
    loud = [f for f in res.findings if f.severity in ("error", "warning")]
    if key.get("clean"):
        assert loud == [], [f"{f.rule} {f.message}" for f in loud]
        return
    missed = [it["note"] for it in items if not it.get("optional") and not any(matches(it, f) for f in res.findings)]
    assert missed == []
    unmatched = [f"{f.rule} {f.message}" for f in loud if not any(matches(it, f) for it in items)]
    assert unmatched == []


def test_there_are_clean_samples_and_mutants():
    kinds = [json.loads(k.read_text(encoding="utf-8")).get("clean") for k in KEYS]
    assert kinds.count(True) >= 3 and kinds.count(False) >= 3
