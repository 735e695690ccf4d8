"""Rule cases as runnable documentation: tests/rules/PCxxx.toml holds each rule's named cases, one
marked `doc = true`; `pecheck rule CODE` builds that case's document and shows what the rule says."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.record import ValueRecord


def cases_dir() -> Path | None:
    here = Path(__file__).resolve().parent
    for cand in (here / "_cases", here.parent / "tests" / "rules"):
        if (cand / "blocks.toml").is_file():
            return cand
    return None


@functools.lru_cache(maxsize=1)
def blocks() -> dict[str, str]:
    d = cases_dir()
    return tomllib.loads((d / "blocks.toml").read_text(encoding="utf-8"))["blocks"] if d else {}


def cases(code: str) -> dict[str, dict[str, Any]]:
    """A rule's named cases ({} when the case files are not installed)."""
    d = cases_dir()
    p = d / f"{code.upper()}.toml" if d else None
    if p is None or not p.is_file():
        return {}
    return tomllib.loads(p.read_text(encoding="utf-8")).get("case", {})


@dataclass(repr=False, eq=False)
class Example(ValueRecord):
    name: str
    texts: list[str]  # the document's blocks, as written in the case
    messages: list[str]  # what the rule reported on it


def run_case(code: str, case: dict[str, Any]) -> list:
    """The rule's findings on a case's document."""
    from checker import knowledge
    from checker.check.registry import run_rules
    from checker.read.spec import build
    from checker.understand.facts import extract

    doc = build([blocks().get(b, b) for b in case["blocks"]])
    facts = extract(doc, knowledge.load(case.get("profile", "national")))
    return [f for f in run_rules(facts, select=[code]) if f.rule == code]


def doc_example(code: str) -> Example | None:
    for name, case in cases(code).items():
        if case.get("doc"):
            texts = [blocks().get(b, b).strip() for b in case["blocks"]]
            return Example(name=name, texts=texts, messages=[f.message for f in run_case(code, case)])
    return None
