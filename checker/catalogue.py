"""The rule catalogue: what `pecheck rules` lists (code, name, category, severity, title), without
importing the rules.

Importing the 55 rule classes means importing understand/ and the rule modules (≈ 0.07 s, most of
`pecheck rules`), only to print five strings per rule. The rules stay the one source of their
documentation; `catalogue.json` beside this module is derived from them and checked in, and
tests/test_catalogue.py proves it equals the live registry. After changing a rule's code, name,
category, severity or title (or a label in checker/report/labels.py), regenerate it:

    python -m checker.catalogue --write

This module imports neither the rules nor rich: only json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NamedTuple

PATH = Path(__file__).with_name("catalogue.json")


class Entry(NamedTuple):
    """One rule as listed; the attribute names are the rule class's, so a listing renderer takes
    either."""

    code: str
    name: str
    category: str
    severity: str
    title: str
    category_label: str  # as printed (合计), from checker.report.labels
    severity_label: str  # as printed (错误)


def listing() -> list[Entry]:
    """Every rule, in code order, from catalogue.json."""
    return [Entry(**d) for d in json.loads(PATH.read_text(encoding="utf-8"))]


def build() -> list[Entry]:
    """The catalogue from the live registry (imports every rule)."""
    from checker.check.registry import all_rules
    from checker.report.labels import CAT_ZH, SEV_ZH

    return [Entry(r.code, r.name, r.category, r.severity, r.title, CAT_ZH.get(r.category, r.category),
                  SEV_ZH.get(r.severity, r.severity)) for r in all_rules()]


def dumps(entries: list[Entry]) -> str:
    return json.dumps([e._asdict() for e in entries], ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    from checker.generated import write_or_check

    entries = build()
    return write_or_check(PATH, dumps(entries), argv, "checker.catalogue", f"{len(entries)} rules")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
