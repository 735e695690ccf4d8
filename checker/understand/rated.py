"""Tables that rate several projects, a score and a grade per row (rules/lexicon.toml [rated]).

浙江's 专项债券 disclosures list "项目名称 | 债券性质 | 已发债券规模 | 自评分数 | 自评等级"; a unit's summary of
its projects does the same. No fund or indicator region reads them: the header words say which column is
the score and which the grade.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.model import Document, Loc, Table
from checker.record import Record
from checker.understand import lexicon
from checker.understand.numbers import Num, parse_number


# What was read, and where, is a record compared by identity (eq=False): nothing compares two
# readings by value, and a generated __eq__ per class is start-up time of every check.
@dataclass(eq=False, repr=False)
class RatedRow(Record):
    """A table row giving a score and the grade written for it."""

    name: str
    score: Num
    grade: str  # "" when the cell is blank
    score_loc: Loc
    grade_loc: Loc


def _col(cells, words) -> int | None:
    for c in cells:
        t = c.text.replace(" ", "")
        if t and len(t) <= 20 and any(t.endswith(w) or t == w for w in words):
            return c.col
    return None


def rated_rows(doc: Document) -> list[RatedRow]:
    out: list[RatedRow] = []
    for t in doc.tables:
        out.extend(_rated(t))
    return out


def _rated(t: Table) -> list[RatedRow]:
    grades, scores = lexicon.words("rated.grade_headers"), lexicon.words("rated.score_headers")
    names = lexicon.words("rated.name_headers")
    for r in range(t.n_rows):
        cells = [c for c in t.row_cells(r) if c.row == r]
        gc, sc, nc = _col(cells, grades), _col(cells, scores), _col(cells, names)
        if gc is None or sc is None or nc is None or len({gc, sc, nc}) < 3:
            continue
        rows: list[RatedRow] = []
        for rr in range(r + 1, t.n_rows):
            name_c, score_c, grade_c = t.at(rr, nc), t.at(rr, sc), t.at(rr, gc)
            if name_c is None or score_c is None or grade_c is None or score_c.row != rr:
                continue
            n = parse_number(score_c.text)
            if n is None or not name_c.text.strip() or grade_c.col != gc:
                continue
            rows.append(RatedRow(name_c.text.strip(), n, grade_c.text.strip(),
                                 Loc.of_cell(t, score_c), Loc.of_cell(t, grade_c)))
        if rows:
            return rows
    return []
