"""Breakdowns written inside table cells, label and amount in one cell.

Some 部门整体 forms (湖南) split the funds block's total twice in two half-width columns:
"按收入性质分：2030.12" over "其中：一般公共预算：1325.68", "政府性基金拨款：118.82", … and beside it
"按支出性质分：1925.67" over "其中：基本支出：900.47", "项目支出：1025.20". No header names a column,
so the table readers see no amounts there; this module reads each such column as one breakdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.model import Cell, Document, Loc, Table
from checker.record import Record
from checker.understand import lexicon
from checker.understand.lazyre import lazy
from checker.understand.numbers import Num, parse_number

# "其中：一般公共预算：1325.68", "政府性基金拨款：118.82", "纳入专户管理的非税收入拨款：" (no amount)
_LABELLED = lazy(r"^(?:其中\s*[:：]\s*)?(?P<label>[^:：\d]{1,24}?)\s*[:：]\s*(?P<amount>[\d,，.]*)\s*(?:万元|元)?$")


# What was read, and where, is a record compared by identity (eq=False): nothing compares two
# readings by value, and a generated __eq__ per class is start-up time of every check.
@dataclass(eq=False, repr=False)
class InlinePart(Record):
    """One labelled amount of an inline breakdown ("其中：财政拨款 50万元")."""

    label: str
    num: Num
    loc: Loc


@dataclass(eq=False, repr=False)
class InlineBreakdown(Record):
    """One breakdown of a total: its head ("按收入性质分"), the total written beside the head, and the
    labelled amounts written under it in the same column."""

    head: str
    total: Num
    loc: Loc
    table: Table
    parts: list[InlinePart] = field(default_factory=list)


def _labelled(cell: Cell) -> tuple[str, Num | None] | None:
    m = _LABELLED.match(cell.text.strip())
    if m is None:
        return None
    amount = m.group("amount")
    return m.group("label").strip(), (parse_number(amount) if amount else None)


def inline_breakdowns(doc: Document) -> list[InlineBreakdown]:
    heads = lexicon.words("breakdown.inline_heads")
    out: list[InlineBreakdown] = []
    for t in doc.tables:
        for c in t.cells:
            lab = _labelled(c)
            if lab is None or lab[1] is None or not any(lab[0].startswith(h) for h in heads):
                continue
            bd = InlineBreakdown(head=lab[0], total=lab[1], loc=Loc.of_cell(t, c), table=t)
            r = c.row + c.row_span
            while r < t.n_rows:
                below = t.at(r, c.col)
                if below is None or below.row != r or below.col != c.col or not below.text.strip():
                    break
                part = _labelled(below)
                if part is None or any(part[0].startswith(h) for h in heads):
                    break
                if part[1] is not None:
                    bd.parts.append(InlinePart(part[0], part[1], Loc.of_cell(t, below)))
                r = below.row + below.row_span
            out.append(bd)
    return out
