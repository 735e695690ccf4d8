"""Rates a table names beside the two columns they divide (rules/lexicon.toml [ratios]).

The 部门整体 基础数据表 writes "编制数 | 2023年实际在职人数 | 控制率" over "46 | 50 | 108.70%": no money,
no indicator, so no table region reads it; the header words alone say what the rate is made of.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.model import Document, Loc
from checker.record import Record
from checker.understand import lexicon
from checker.understand.numbers import Num, parse_number


# What was read, and where, is a record compared by identity (eq=False): nothing compares two
# readings by value, and a generated __eq__ per class is start-up time of every check.
@dataclass(eq=False, repr=False)
class HeaderRatio(Record):
    """A rate column whose header names its numerator and denominator columns, with
    the figures of one row."""

    rate_name: str  # the rate's header text ("控制率")
    num_name: str
    den_name: str
    rate: Num
    num: Num
    den: Num
    exact: bool  # numerator and denominator are counts, exact as written (46 people, not 46 ± 0.5)
    rate_loc: Loc
    locs: list[Loc]


def _col_of(cells, words) -> tuple[int, str] | None:
    for c in cells:
        t = c.text.replace(" ", "")
        if t and any(w in t for w in words):
            return c.col, t
    return None


def header_ratios(doc: Document) -> list[HeaderRatio]:
    defs = [(lexicon.words(f"ratios.{n}.rate"), lexicon.words(f"ratios.{n}.numerator"),
             lexicon.words(f"ratios.{n}.denominator"), "exact" in lexicon.words(f"ratios.{n}.counts"))
            for n in lexicon.names("ratios")]
    out: list[HeaderRatio] = []
    for t in doc.tables:
        for r in range(t.n_rows):
            cells = [c for c in t.row_cells(r) if c.row == r]
            for rate_w, num_w, den_w, exact in defs:
                rc, nc, dc = _col_of(cells, rate_w), _col_of(cells, num_w), _col_of(cells, den_w)
                if rc is None or nc is None or dc is None or len({rc[0], nc[0], dc[0]}) < 3:
                    continue
                # the figures under the header, row by row, until a row without them
                for rr in range(r + 1, t.n_rows):
                    got = []
                    for col, _ in (rc, nc, dc):
                        c = t.at(rr, col)
                        n = parse_number(c.text) if c is not None and c.row == rr else None
                        got.append((c, n))
                    if any(n is None for _, n in got):
                        break
                    (c_r, n_r), (c_n, n_n), (c_d, n_d) = got
                    out.append(HeaderRatio(rc[1], nc[1], dc[1], n_r, n_n, n_d, exact, Loc.of_cell(t, c_r),
                                           [Loc.of_cell(t, c_n), Loc.of_cell(t, c_d)]))
    return out
