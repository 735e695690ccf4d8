"""Table roles, recognised by header vocabulary and shape (never by position or page).

A table may hold several regions (the 自评表 holds a funds block and an indicator block), so a role
belongs to a region: a header row, its column map, and the data rows up to the next header row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.knowledge import Knowledge
from checker.model import Cell, Document, Loc, Table
from checker.record import Record
from checker.understand.intervals import column_decimals
from checker.understand.lazyre import lazy
from checker.understand.numbers import Num, is_empty_mark, parse_number

MONEY_COLS = ("initial_budget", "adjusted_budget", "budget", "arrived", "spent", "balance")
# The concepts as a reviewer names them in a message.
CONCEPT_ZH = {
    "budget": "预算数", "initial_budget": "年初预算数", "adjusted_budget": "全年（调整后）预算数",
    "arrived": "到位资金", "spent": "实际支出", "balance": "结转结余", "rate": "执行率",
    "rate_arrival": "到位率", "weight": "分值", "score": "得分",
}
_UNIT_RE = lazy(r"(?:单位|金额单位)\s*[:：]?\s*(亿元|万元|千元|元)|[（(]\s*(亿元|万元|千元|元)\s*[)）]")
_WEIGHT_IN_LABEL = lazy(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]|(\d+(?:\.\d+)?)\s*分")


_LETTER_FORMULA = lazy(r"[A-Z（）()=+\-−×*/÷%＝一-龥\d]{0,12}")
_COLUMN_LETTER = lazy(r"[A-Z][^一-龥]*|[（(][A-Z][)）]")


# What was read, and where, is a record compared by identity (eq=False): nothing compares two
# readings by value, and a generated __eq__ per class is start-up time of every check.
@dataclass(eq=False, repr=False)
class Value(Record):
    """One figure read from a cell (num is None for a blank cell or an empty mark)."""

    num: Num | None
    cell: Cell
    table: Table
    blank: bool = False  # nothing or an empty mark written

    @property
    def loc(self) -> Loc:
        return Loc.of_cell(self.table, self.cell)


@dataclass(eq=False, repr=False)
class Row(Record):
    """A data row of a region: its label and its values by concept."""

    index: int
    label: str
    label_cell: Cell | None
    values: dict[str, Value] = field(default_factory=dict)
    texts: dict[str, Cell] = field(default_factory=dict)  # non-numeric columns (names, targets, reasons)
    kind: str | None = None  # total / subtotal / funds_total / ...


@dataclass(eq=False, repr=False)
class Region(Record):
    """A recognised part of a table (fund table, self-evaluation table, indicator table):
    its header, columns by concept, rows and unit."""

    kind: str  # fund | selfeval_funds | indicators
    table: Table
    header_rows: list[int]
    columns: dict[str, int]  # concept -> grid column
    rows: list[Row] = field(default_factory=list)
    unit: str = ""  # 元 / 万元 / 亿元, "" when the document does not say
    letters: dict[str, int] = field(default_factory=dict)  # "A" -> grid column, from headers like 预算数(A)
    formulas: dict[int, str] = field(default_factory=dict)  # grid column -> "E/C", "A-B" written in its header
    years: tuple[int, ...] = ()  # years its header columns name (上年决算 / 本年预算 / 本年决算 tables)

    @property
    def data_rows(self) -> list[Row]:
        return [r for r in self.rows if r.kind not in ("total", "subtotal", "score_total")]

    @property
    def total_row(self) -> Row | None:
        for r in self.rows:
            if r.kind in ("total", "score_total"):
                return r
        return None

    def num(self, row: Row, concept: str) -> Num | None:
        v = row.values.get(concept)
        return v.num if v is not None else None

    def decimals(self, concept: str) -> int:
        """Written precision of a column. Money columns share the table's: trimmed trailing zeros
        (80 beside 17.6 and 95.75) mean 80.00, not 80 ± 0.5."""
        concepts = [c for c in MONEY_COLS if c in self.columns] if concept in MONEY_COLS else [concept]
        return column_decimals(r.values[c].num for c in concepts for r in self.rows if c in r.values)

    @property
    def budget_concept(self) -> str | None:
        """The budget that spending is measured against: the adjusted (全年/调整后/扣除后) one when the
        table has it, else the budget, else the initial one."""
        for c in ("adjusted_budget", "budget", "initial_budget"):
            if c in self.columns:
                return c
        return None


_HEADER_YEAR = lazy(r"^\s*((?:19|20)\d{2})\s*年")


def _is_number_text(s: str) -> bool:
    return parse_number(s) is not None


def header_years(texts) -> tuple[int, ...]:
    """The distinct years header cells begin with ("2022年决算数", "2023年预算数"), in order."""
    found = {int(m.group(1)) for x in texts if (m := _HEADER_YEAR.match(x or ""))}
    return tuple(sorted(found))


def _block_label(t: Table, c: Cell, r: int) -> bool:
    """A cell merged down over the figures below the header ("预算资金（万元）" beside the 年度资金总额 /
    财政拨款 rows) labels that block of rows; it heads no column of figures."""
    return c.row_span > 1 and any(_is_number_text(x.text) for rr in range(r + 1, c.row + c.row_span)
                                  for x in t.row_cells(rr) if x.col != c.col and x.text)


def _header_concepts(t: Table, r: int, k: Knowledge) -> dict[str, int]:
    out: dict[str, int] = {}
    year_of: dict[str, int | None] = {}
    numeric = 0
    for c in t.row_cells(r):
        txt = c.text
        if not txt:
            continue
        if _is_number_text(txt):
            numeric += 1
            continue
        if len(txt) > 30 or _block_label(t, c, r):
            continue
        concept = k.column_concept(txt)
        if not concept:
            continue
        m = _HEADER_YEAR.match(txt)
        year = int(m.group(1)) if m else None
        if concept not in out:
            out[concept], year_of[concept] = c.col, year
        elif year is not None and year_of[concept] is not None and year > year_of[concept]:
            # "2022年决算数 | 2023年预算数 | 2023年决算数": the year's spending is the later column;
            # last year's sits beside it for comparison
            out[concept], year_of[concept] = c.col, year
    if numeric > 1:
        return {}
    if "level3" not in out and "name" in out and {"level1", "target", "actual"} <= set(out):
        # "一级指标 | 二级指标 | 指标名称 | 目标值 | 实际完成值": the name column of an indicator table
        # (a goal table without actual values stays a list of names)
        out["level3"] = out.pop("name")
    return out


def _classify(concepts: dict[str, int]) -> str | None:
    keys = set(concepts)
    if ("level3" in keys or {"target", "actual"} <= keys) and keys & {"weight", "score"}:
        return "indicators"
    if "level3" in keys and {"target", "actual"} <= keys:
        return "indicators"  # the central 转移支付 form: 指标值 / 实际完成值, no scores
    if {"weight", "score"} <= keys and keys & {"level1", "level2"} and not keys & (set(MONEY_COLS) | {"rate"}):
        return "indicators"  # a score summary (一级指标 | 分值 | 得分 | 扣分原因): scored judgements, 合计 row
    money = keys & set(MONEY_COLS) | (keys & {"rate"})
    if keys & {"initial_budget", "adjusted_budget"} and keys & {"weight", "score"}:
        return "selfeval_funds"
    if keys & set(MONEY_COLS) and keys & {"weight", "score"} and keys & {"rate", "spent"}:
        return "selfeval_funds"  # 20/80 and 转移支付 forms: 预算数/执行数/分值/执行率/得分
    if len(money) >= 2 and not keys & {"weight", "score"}:
        return "fund"
    if len(money) == 1 and not keys & {"weight", "score", "target", "actual", "level3"}:
        return "breakdown"  # one amount column (资金来源 | 金额): kept only if a 合计 row follows
    return None


def table_money_unit(t: Table) -> str:
    """The money unit a table's caption or first row names ("单位：亿元"), "" when none."""
    return _unit_for(t, [], t.caption)


def _unit_for(t: Table, header_rows: list[int], doc_caption: str) -> str:
    texts = [doc_caption] + [c.text for r in header_rows for c in t.row_cells(r)]
    if t.n_rows:
        texts += [c.text for c in t.row_cells(0)]
    for s in texts:
        m = _UNIT_RE.search(s or "")
        if m:
            return m.group(1) or m.group(2)
    return ""


def _merge_header_rows(t: Table, rows: list[int], k: Knowledge) -> dict[str, int]:
    """Columns of a two-level header: classify each grid column by its stacked header texts."""
    out: dict[str, int] = {}
    for col in range(t.n_cols):
        parts = []
        for r in rows:
            c = t.at(r, col)
            if c is not None and c.text and c.text not in parts and not _is_number_text(c.text):
                parts.append(c.text)
        # the two levels read together first ("预算数" over "年初" is 年初预算数; "执行数" over
        # "金额" is spent), then the lower (more specific) level alone, then the upper one
        cands = ["".join(reversed(parts)), "".join(parts)] if len(parts) > 1 else []
        for txt in cands + list(reversed(parts)):
            concept = k.column_concept(txt) if len(txt) <= 40 else None
            if concept:
                out.setdefault(concept, col)
                break
    return out


def _row_label(t: Table, r: int, columns: dict[str, int]) -> tuple[str, Cell | None]:
    """The row's own label: its name cell, else its first non-numeric cell that starts on this row
    (a label merged down from above, such as "项目资金（万元）", labels a block, not a row)."""
    value_cols = {v for kk, v in columns.items() if kk not in ("name", "level1", "level2", "level3", "seq")}
    for concept in ("name", "level3"):
        if concept in columns:
            c = t.at(r, columns[concept])
            if c is not None and c.text and c.row == r:
                return c.text, c
    for c in t.row_cells(r):
        if c.row != r or c.col in value_cols or not c.text or _is_number_text(c.text):
            continue
        return c.text, c
    return "", None


def find_regions(doc: Document, k: Knowledge) -> list[Region]:
    regions: list[Region] = []
    for t in doc.tables:
        r = 0
        current: Region | None = None
        while r < t.n_rows:
            concepts = _header_concepts(t, r, k)
            kind = _classify(concepts)
            if kind == "breakdown" and (current is not None or any(
                    _is_number_text(c.text) for c in t.row_cells(r) if c.text)):
                kind = None  # a one-amount header only starts a table of its own, never inside a block
            if kind:
                header_rows = [r]
                # a second header row directly below (two-level headers, A/B/C letters)
                if r + 1 < t.n_rows:
                    nxt = _header_concepts(t, r + 1, k)
                    below = [c.text for c in t.row_cells(r + 1)]
                    spans_above = any(c.col_span > 1 and c.row == r for c in t.row_cells(r))
                    no_numbers = not any(_is_number_text(x) for x in below if x)
                    # a row that is a table header of its own kind (funds under a one-amount
                    # label row) starts its own region rather than being stacked under this one
                    stronger = kind == "breakdown" and _classify(nxt) not in (None, "breakdown")
                    if not stronger and (spans_above and no_numbers and any(below)) or (nxt and not _classify(nxt) and len(nxt) >= 2) or (
                        below and all(_LETTER_FORMULA.fullmatch(x or "")
                                      and not _is_number_text(x) for x in below)
                        and any(_COLUMN_LETTER.fullmatch(x or "") for x in below)):
                        header_rows.append(r + 1)
                cols = _merge_header_rows(t, header_rows, k) if len(header_rows) > 1 else concepts
                for key, col in concepts.items():
                    if col not in cols.values():  # a spanning upper header names no column of its own
                        cols.setdefault(key, col)
                if "initial_budget" in cols and "budget" in cols and "adjusted_budget" not in cols:
                    # beside 年初预算数, a plain 预算数（A） is the year's whole (adjusted) budget
                    cols["adjusted_budget"] = cols.pop("budget")
                current = Region(kind=kind, table=t, header_rows=header_rows, columns=cols,
                                 unit=_unit_for(t, header_rows, t.caption),
                                 years=header_years(c.text for hr in header_rows for c in t.row_cells(hr)))
                _read_letters(current)
                regions.append(current)
                r = header_rows[-1] + 1
                continue
            if current is not None:
                row = _read_row(t, r, current, k)
                if row is not None:
                    current.rows.append(row)
            r += 1
    out = []
    for reg in regions:
        if reg.kind == "breakdown":
            if reg.total_row is None or len(reg.data_rows) < 2:
                continue
            reg.kind = "fund"
        _infer_unit(reg)
        out.append(reg)
    return out


_LETTER = lazy(r"[（(]\s*([A-H])\s*(?:[=＝]\s*([A-H0-9+\-−－×*/÷／ ]+?))?\s*[)）]|^\s*([A-H])\s*$")
_RATE_FORMULA = lazy(r"([A-H])\s*[/÷／]\s*([A-H])")


def _read_letters(reg: Region) -> None:
    """Column letters and formulas written in headers: 预算数(A), 扣除后(C=A-B), 执行率(E/C)."""
    t = reg.table
    for r in reg.header_rows:
        for c in t.row_cells(r):
            m = _LETTER.search(c.text)
            if m:
                letter = m.group(1) or m.group(3)
                reg.letters.setdefault(letter, c.col)
                if m.group(2):
                    reg.formulas[c.col] = m.group(2).replace(" ", "")
            f = _RATE_FORMULA.search(c.text)
            if f and c.col not in reg.formulas:
                reg.formulas[c.col] = f"{f.group(1)}/{f.group(2)}"


def _infer_unit(reg: Region) -> None:
    """No unit written: amounts with thousands separators or in the millions are 元."""
    if reg.unit:
        return
    for row in reg.rows:
        for concept, v in row.values.items():
            if concept in MONEY_COLS and v.num is not None and ("," in v.num.raw or abs(v.num.value) >= 1_000_000):
                reg.unit = "元"
                _apply_unit(reg)
                return


def _apply_unit(reg: Region) -> None:
    from dataclasses import replace

    for row in reg.rows:
        for concept, v in row.values.items():
            if concept in MONEY_COLS and v.num is not None and not v.num.unit:
                v.num = replace(v.num, unit=reg.unit)


def _read_row(t: Table, r: int, reg: Region, k: Knowledge) -> Row | None:
    label, label_cell = _row_label(t, r, reg.columns)
    row = Row(index=r, label=label, label_cell=label_cell)
    row.kind = k.row_kind(label) if label else None
    if row.kind is None:
        # a total label may sit in any leading cell ("总分" spanning the label columns)
        for c in t.row_cells(r):
            kind = k.row_kind(c.text) if c.text and len(c.text) <= 8 else None
            if kind in ("total", "score_total", "subtotal"):
                row.kind, row.label, row.label_cell = kind, c.text, c
                break
    if reg.kind == "indicators" and row.kind == "total":
        row.kind = "score_total"
    if reg.kind == "fund" and row.kind == "funds_total":
        row.kind = "total"  # 年度资金总额 over its 其中 lines (the central 转移支付 form's money block)
    elif reg.kind == "fund" and row.kind and row.kind.startswith("funds_"):
        row.kind = None  # 财政拨款收入, 上年结转 are ordinary lines of a fund table
    numeric = 0
    for concept, col in reg.columns.items():
        c = t.at(r, col)
        if c is None or (c is label_cell and concept not in ("name", "level3")):
            continue
        if concept in ("name", "level1", "level2", "level3", "seq", "unit_col", "op_col", "deviation", "target",
                       "actual"):
            row.texts[concept] = c
            if concept not in ("target", "actual"):
                continue
        if concept in ("target", "actual"):
            continue
        # a cell merged across this row and the header, or across value columns, is not this row's value
        if c.row < r and c.row_span > 1 and concept not in ("weight",):
            continue
        txt = c.text
        if not txt or is_empty_mark(txt):
            row.values[concept] = Value(num=None, cell=c, table=t, blank=True)
            continue
        num = parse_number(txt, default_unit=reg.unit if concept in MONEY_COLS else "")
        if num is not None and num.kind == "amount":
            row.values[concept] = Value(num=num, cell=c, table=t)
            numeric += 1
    if reg.kind == "indicators":
        if "level3" in row.texts or row.kind == "score_total" or numeric:
            return row
        return None
    if numeric == 0 and row.kind is None:
        return None
    return row


def region_weight_from_label(text: str):
    """First-level weights written in the label: "产出指标 (50分)"."""
    m = _WEIGHT_IN_LABEL.search(text or "")
    if not m:
        return None
    return parse_number(m.group(1) or m.group(2))
