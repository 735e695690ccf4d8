"""Names and figures matched across places: a stated figure to its fund-table row, a listed
sub-project to its row, passages by their character bigrams."""

from __future__ import annotations

import functools

from checker.textnorm import fold
from checker.understand import intervals as iv
from checker.understand.lazyre import lazy
from checker.understand.numbers import Num, with_unit
from checker.understand.tables import Region, Row

__all__ = ["bigrams", "can_be_same", "fold", "match_listed_to_rows", "pair_items", "row_of_figure",
           "same_amount", "similarity"]


_STOP = lazy(r"[;。.]")


@functools.lru_cache(maxsize=4096)
def bigrams(s: str) -> frozenset[str]:
    """The character pairs of the folded text (kept: a rule asks for the same names again and again)."""
    s = fold(s)
    return frozenset({s[i:i + 2] for i in range(len(s) - 1)} or {s})


def similarity(a: str, b: str) -> float:
    A, B = bigrams(a), bigrams(b)
    return len(A & B) / max(1, min(len(A), len(B)))


def _iv(n: Num, d: int | None, unit: str | None) -> iv.Interval:
    if unit and n.is_money:
        return iv.num_ival(n, d, unit=unit)
    return iv.num_ival(n, d)


def can_be_same(a: Num, da: int | None, b: Num, db: int | None) -> bool | None:
    """Whether two figures can be the same amount within their written precision (None when the
    units cannot be compared)."""
    if a.is_money and b.is_money:
        return iv.overlaps(_iv(a, da, "元"), _iv(b, db, "元"))
    if a.is_money != b.is_money and (a.unit and b.unit) and not (a.is_percent or b.is_percent):
        return None
    if a.is_percent != b.is_percent and a.unit and b.unit:
        return None
    return iv.overlaps(iv.num_ival(a, da), iv.num_ival(b, db))


def row_of_figure(s, reg: Region) -> Row | None:
    """The fund-table row a stated figure is about: the row named last before it, either close by in
    the same clause ("乡村道路面修复执行率84.36%") or opening the sentence ("就业补助资金：年初…")."""
    before = fold(s.before)
    best, best_end = None, -1
    for r in reg.data_rows:
        name = fold(r.label)
        if len(name) < 3:
            continue
        i = before.rfind(name)
        if i >= 0 and i + len(name) > best_end:
            best, best_end = r, i + len(name)
    if best is None:
        return None
    tail = before[best_end:]
    if _STOP.search(tail):
        return None
    if len(tail) <= 12 or before.startswith(fold(best.label)):
        return best
    return None


def same_amount(n: Num | None, row: Row, unit: str) -> bool:
    """The listed amount is one of the row's budgets (年初, 调整后 or the budget)."""
    if n is None or not n.is_money:
        return False
    for c in ("budget", "adjusted_budget", "initial_budget"):
        v = row.values.get(c)
        if v is not None and v.num is not None and can_be_same(n, None, with_unit(v.num, unit or "万元"), None):
            return True
    return False


def _pair_greedy(items, reg: Region):
    rows = reg.data_rows
    pairs = []
    used: set[int] = set()
    for it in items:
        best, best_s, best_same = None, 0.0, False
        for r in rows:
            if r.index in used:
                continue
            s = similarity(it.name, r.label)
            same = same_amount(it.num, r, reg.unit)
            if (s + (0.3 if same else 0)) > (best_s + (0.3 if best_same else 0)):
                best, best_s, best_same = r, s, same
        # a name alone pairs at half its bigrams; a matching amount lets a renamed item pair too
        if best is not None and (best_s >= 0.5 or (best_same and best_s >= 0.2)):
            used.add(best.index)
            pairs.append((it, best, best_s))
    return pairs


def pair_items(items, reg: Region):
    """(item, row, similarity) for listed items paired with fund-table rows."""
    pairs = _pair_greedy(items, reg)
    # one item and one row left over in lists of the same length: a renamed sub-project
    rows = reg.data_rows
    if len(items) == len(rows) and len(pairs) == len(items) - 1:
        it = next(i for i in items if all(i is not p[0] for p in pairs))
        row = next(r for r in rows if all(r is not p[1] for p in pairs))
        pairs.append((it, row, similarity(it.name, row.label)))
    return pairs


def match_listed_to_rows(facts):
    """Pairs (listed item, fund row, similarity) of the list that pairs best, by name, then amount."""
    reg = facts.fund
    if reg is None or not facts.listed:
        return []
    best: list = []
    for items in facts.listed:
        got = pair_items(items, reg)
        if len(got) > len(best):
            best = got
    return best
