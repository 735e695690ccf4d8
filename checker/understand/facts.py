"""Typed facts with locations: what the rules compare.

Built once per document from the model (tables via their roles, sentences via concept keywords);
rules read only this, never the parsers.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple

from checker.knowledge import Band, Knowledge
from checker.model import Cell, Document, Loc, Paragraph, Table
from checker.textnorm import occurrences
from checker.understand import lexicon
from checker.understand.divisions import Division, issuing_divisions
from checker.understand.indicators import Indicator, indicators
from checker.understand.inline import InlineBreakdown, inline_breakdowns
from checker.understand.kinds import DocKind, kind_of
from checker.understand.lazyre import lazy
from checker.understand.matching import match_listed_to_rows
from checker.understand.narrative import Narrative, read_narrative, vocabulary
from checker.understand.numbers import Num, find_numbers, is_empty_mark, parse_number, percent_value
from checker.understand.rated import RatedRow, rated_rows
from checker.understand.ratios import HeaderRatio, header_ratios
from checker.understand.tables import MONEY_COLS, Region, Row, find_regions, table_money_unit

# The document model's names a rule needs to point at a place (rules import understand/ only).
__all__ = ["Cell", "ExecutionRate", "Facts", "Located", "Loc", "Paragraph", "Table", "TextUnit", "extract",
           "sentences"]

_SENT_SPLIT = lazy(r"(?<=[。！？!?；;])|\n")
_CLAUSE_SPLIT = lazy(r"[，,；;。！？!?]")
_DOCNO = lazy(
    r"([\p{Han}]{1,10}[〔\[（(【]\s*\d{4}\s*[〕\]）)】]\s*\d{1,5}\s*号)(?:文件|文|指标文件|通知)?")
_ALLOC_VERB = lazy(lambda: rf"(?:{lexicon.alt('narrative.allocation_verbs')})(?:资金|项目资金|专项资金)?[^，。；;]{{0,6}}?$")
_ALLOC_VERB_ANY = lexicon.pattern("narrative.allocation_verbs")
_NOT_THE_FIGURE = lexicon.pattern("narrative.not_the_figure")
_USED_FOR = lazy(r"用于\s*[:：]")
_COUNT = lazy(r"(?:子项目|项目)\s*共\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*个|"
              r"共\s*(?:有|计)?\s*(?P<n2>\d+|[一二两三四五六七八九十]+)\s*个\s*(?:子项目|项目)|"
              r"(?<![\d一二两三四五六七八九十])(?P<n3>[一二两三四五六七八九十]+|\d+)\s*个\s*子项目")
_SCORE = lazy(lambda: rf"(?:{lexicon.alt('narrative.score_labels')})\s*"
                      r"(?:结果)?\s*(?:为|是|[:：])?\s*(?P<v>\d{1,3}(?:\.\d{1,3})?)\s*(?:分)?")
_GRADE = lazy(lambda: rf"(?:{lexicon.alt('narrative.grade_labels')})\s*"
                      rf"(?:为|是|[:：]|评定为|评为)?\s*[“\"「『]?(?P<g>{lexicon.grade_words()})(?![\p{{Han}}])?")
_BAND_RANGE = lazy(lambda:
    r"(?P<lo>\d{1,3})\s*分?\s*(?P<loinc>[（(]\s*(?:含|不含)\s*[）)])?\s*分?\s*(?:—|－|-|–|~|～|至|到)+\s*"
    r"(?P<hi>\d{1,3})\s*分?\s*(?P<hiinc>[（(]\s*(?:含|不含)\s*[）)])?\s*分?\s*(?:之间)?\s*(?:的)?\s*"
    rf"(?:为|属于|评为|定为|是)\s*[“\"]?(?P<g>{lexicon.grade_words()})")
_BAND_ABOVE = lazy(lambda: r"(?P<lo>\d{1,3})\s*分?\s*(?P<inc>[（(]\s*含\s*[）)])?\s*(?:分)?\s*(?:及)?以上\s*"
                           rf"(?:[（(]\s*含\s*\d*\s*分?\s*[）)])?\s*(?:的)?\s*(?:为|属于|评为|定为)\s*[“\"]?(?P<g>{lexicon.grade_words()})")
_BAND_BELOW = lazy(lambda: r"(?:(?P<lo>\d{1,3})\s*分\s*(?:以下|以内)|低于\s*(?P<lo2>\d{1,3})\s*分)\s*(?:的)?\s*"
                           rf"(?:为|属于|评为|定为)\s*[“\"]?(?P<g>{lexicon.grade_words()})")
_YEAR_TITLE = lazy(r"(?P<y>(?:19|20)\d{2})\s*年度")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


_PROJECT_RATE = lazy(r"(?:预算|资金|支出|总体|整体|综合|项目|专项)\s*执行率|执行率\s*(?:为|达|是|[:：])?\s*$")
_LIST_END_BRACKET = lazy(r"[。）)]")
_LIST_END = lazy(r"。")
_LIST_COMMA = lazy(r"[、，,]")
_GOAL_LEAD = lazy(r".{0,10}?目标(?:为|是)?[:：]")
_ACHIEVED_LEAD = lazy(r"(?:截至[^，。]{0,14}[，,])?(?:全年|实际|共|已|累计)(?:共)?完成")
_HAN = lazy(r"\p{Han}")
_CONDENSED_LABEL = lazy(r"实际完成|完成情况")
_GOAL_LABEL = lazy(r"预期目标|年度目标|总体目标")
_BOUND_AFTER = lazy(r"\s*(?:以上|以下|以内|左右|的)")
_SENTENCE_STOP = lazy(r"[。；;]")
_SPACES = lazy(r"\s+")
_SEMICOLON = lazy(r"[；;]")
_TWO_HAN = lazy(r"\p{Han}{2}")
_FUND_WORD = lazy(r"财政|资金$|自筹")
_NAME_SEP = lazy(r"[、，,]|以及|和")
_DIGIT = lazy(r"\d")
_SUBSET_AFTER = lazy(r"\s*(?:中|已|均|未|正在|尚|按期|完成|实施|有)")
_SUBSET_BEFORE = lazy(r"其中|中[，,]?$|完成$|有$")
_NOTE = lazy(r"备注|说明|注[:：]")
_WEIGHT_WORD = lazy(r"满分|分值|权重")
_OF_WHICH = lazy(r"^其中\s*[:：]?")
_BRACKETED = lazy(r"[（(][^）)]*[）)]")
_FUND_SOURCE = lazy(r"财政|资金|补助|配套|拨款")


def cn_int(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if s in _CN_DIGITS:
        return _CN_DIGITS[s]
    if s.startswith("十") and len(s) == 2 and s[1] in _CN_DIGITS:
        return 10 + _CN_DIGITS[s[1]]
    if len(s) == 2 and s[1] == "十" and s[0] in _CN_DIGITS:
        return _CN_DIGITS[s[0]] * 10
    if len(s) == 3 and s[1] == "十" and s[0] in _CN_DIGITS and s[2] in _CN_DIGITS:
        return _CN_DIGITS[s[0]] * 10 + _CN_DIGITS[s[2]]
    return None


# What was read, and where, is a record compared by identity (eq=False): nothing compares two
# readings by value, and a generated __eq__ per class is start-up time of every check.
@dataclass(eq=False)
class TextUnit:
    """A run of prose: a paragraph, or a long text cell of a table."""

    text: str
    raw: str
    loc: Loc
    where: str  # "body" | "table"
    block: Paragraph | Cell
    table: Table | None = None
    topic: str = ""  # "goal" | "achievement" | "" — a goal and its achievement are meant to differ
    condensed: bool = False  # a 自评表 summary cell that abridges the narrative
    goal_copy: bool = False  # the 自评表's 预期目标: a copy of the goal, sometimes abridged


@dataclass(eq=False)
class Stated:
    """A figure stated in prose for a named concept."""

    concept: str
    num: Num
    loc: Loc
    sentence: str
    where: str
    before: str = ""  # the sentence up to the figure (to tell which sub-project it is about)


@dataclass(eq=False)
class Allocation:
    """A fund allocation stated with the number of the document that made it (…〔2022〕12号 下达 50万元)."""

    docno: str
    num: Num
    loc: Loc


@dataclass(eq=False)
class ListedItem:
    """One named item of a listed breakdown, with its amount where written."""

    name: str
    num: Num | None  # None in a list of names only ("包括A、B、C 3个子项目")
    loc: Loc


@dataclass(eq=False)
class Count:
    """A stated number of items or sub-projects ("共12个子项目")."""

    n: int
    loc: Loc
    sentence: str
    subset: bool = False  # "其中9个子项目已完成": a part, not the total


@dataclass(eq=False)
class ScoreStatement:
    """A total self-evaluation score stated in the text or a table."""

    value: Num
    loc: Loc
    where: str


@dataclass(eq=False)
class GradeStatement:
    """A grade stated in the text or a table (优秀, 良好, …), canonical and as written."""

    grade: str  # canonical
    word: str
    loc: Loc
    where: str


class Located(NamedTuple):
    """A figure and where it was read."""

    num: Num
    loc: Loc


class ExecutionRate(NamedTuple):
    """The project's budget execution rate, in percent, as the report gives it (or as computed)."""

    percent: Decimal
    text: str
    loc: Loc | None


@dataclass(eq=False)
class Facts:
    """Everything the rules read about one document."""

    doc: Document
    k: Knowledge
    regions: list[Region] = field(default_factory=list)
    units: list[TextUnit] = field(default_factory=list)
    stated: list[Stated] = field(default_factory=list)
    allocations: list[list[Allocation]] = field(default_factory=list)
    listed: list[list[ListedItem]] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    scores: list[ScoreStatement] = field(default_factory=list)
    grades: list[GradeStatement] = field(default_factory=list)
    band_note: list[Band] = field(default_factory=list)
    band_note_loc: Loc | None = None
    summary: dict[str, list[tuple[Num | None, Loc]]] = field(default_factory=dict)
    year: int | None = None

    # -- the main tables -----------------------------------------------------------------------
    def regions_of(self, kind: str) -> list[Region]:
        return [r for r in self.regions if r.kind == kind]

    @property
    def fund(self) -> Region | None:
        """The sub-project fund table: the fund region with a total row and the most rows."""
        cands = [r for r in self.regions_of("fund") if r.data_rows]
        if not cands:
            return None
        return max(cands, key=lambda r: (r.total_row is not None, len(r.data_rows)))

    @property
    def funds_block(self) -> Region | None:
        c = self.regions_of("selfeval_funds")
        return c[0] if c else None

    @property
    def indicators(self) -> Region | None:
        c = [r for r in self.regions_of("indicators") if r.rows]
        return max(c, key=lambda r: len(r.rows)) if c else None

    def total(self, concept: str) -> tuple[Num, Loc] | None:
        """The fund table's total for a concept (budget falls back to the adjusted budget)."""
        reg = self.fund
        if reg is None or reg.total_row is None:
            return None
        for c in (concept, "adjusted_budget") if concept == "budget" else (concept,):
            v = reg.total_row.values.get(c)
            if v is not None and v.num is not None:
                return v.num, v.loc
        return None

    # -- derived values, computed once --------------------------------------------------------
    @cached_property
    def inline_breakdowns(self) -> list[InlineBreakdown]:
        """Breakdowns of a total written inside cells ("按收入性质分：2030.12" over its parts)."""
        return inline_breakdowns(self.doc)

    @cached_property
    def rated_rows(self) -> list[RatedRow]:
        """Rows of a table that rates several projects (名称 | … | 自评分数 | 自评等级)."""
        return rated_rows(self.doc)

    @cached_property
    def title_lines(self) -> set[int]:
        """Indices of the paragraphs that make the document's title."""
        return _title_indices(self.doc)

    @cached_property
    def header_ratios(self) -> list[HeaderRatio]:
        """Rates a table names beside the columns they divide (控制率 beside 在职人数 and 编制数)."""
        return header_ratios(self.doc)

    @cached_property
    def indicator_rows(self) -> list[Indicator]:
        """The 自评表's indicator rows, typed."""
        reg = self.indicators
        return indicators(reg) if reg is not None else []

    @property
    def score_total_row(self) -> Row | None:
        reg = self.indicators
        return reg.total_row if reg is not None else None

    @cached_property
    def final_score(self) -> Located | None:
        """The 自评表's total score, else the first score stated in the text."""
        tr = self.score_total_row
        if tr is not None and tr.values.get("score") and tr.values["score"].num is not None:
            return Located(tr.values["score"].num, tr.values["score"].loc)
        if self.scores:
            return Located(self.scores[0].value, self.scores[0].loc)
        return None

    @cached_property
    def funds_row(self) -> Row | None:
        """The funds block's scored row: the one carrying 分值/得分 (扣除后 in 转移支付 forms), else the
        年度资金总额 row."""
        fb = self.funds_block
        if fb is None:
            return None
        scored = [r for r in fb.rows if any(r.values.get(c) is not None and r.values[c].num is not None
                                            for c in ("weight", "score"))]
        if scored:
            return scored[0]
        return next((r for r in fb.rows if r.kind == "funds_total"), None) or (fb.rows[0] if fb.rows else None)

    def funds_value(self, concept: str) -> Num | None:
        """A figure of the funds block's scored row."""
        row = self.funds_row
        v = row.values.get(concept) if row is not None else None
        return v.num if v is not None else None

    @cached_property
    def execution_rate(self) -> ExecutionRate | None:
        """The project's execution rate in percent: the fund table's printed total, else the funds
        block's, else spent ÷ budget of the fund table."""
        got = self.total("rate")
        if got:
            n, loc = got
            return ExecutionRate(percent_value(n), n.raw.strip(), loc)
        parts = self.funds_parts_rate
        if parts is not None:
            return parts
        r = self.funds_value("rate")
        if r is not None:
            return ExecutionRate(percent_value(r), r.raw.strip(), None)
        spent, budget = self.total("spent"), self.total("budget")
        if spent and budget and budget[0].value:
            v = spent[0].value / budget[0].value * 100
            return ExecutionRate(v, f"{v:.2f}%", spent[1])
        if self.fund is None and self.funds_block is None:
            # a narrative report without tables: the rate its own sentences give, else its own
            # spent over its own budget
            for r in self.narrative.rates:
                if r.budget_source != "none":
                    return ExecutionRate(percent_value(r.stated), r.stated.raw.strip(), r.loc)
            spent_s = next((x for x in self.stated if x.concept == "spent" and x.num.is_money), None)
            budget_s = self.budget_total
            if spent_s is not None and budget_s is not None and budget_s.num.to_unit(spent_s.num.unit):
                v = spent_s.num.value / budget_s.num.to_unit(spent_s.num.unit) * 100
                if 0 < v <= 200:
                    return ExecutionRate(v, f"{v:.2f}%", spent_s.loc)
        return None

    @cached_property
    def funds_parts_rate(self) -> ExecutionRate | None:
        """Where the funds block's 年度资金总额 row is zero or blank while its 其中 rows are filled,
        the best-supported rate is the parts' spent ÷ budget: the total row's fault is reported once
        (PC101) and must not cascade into rate, score and claim findings."""
        row, fb = self.funds_row, self.funds_block
        if row is None or fb is None:
            return None

        def val(r, concepts):
            for c in concepts:
                v = r.values.get(c)
                if v is not None and v.num is not None:
                    return v.num.value
            return None

        budget_c, spent_c = ("adjusted_budget", "budget", "initial_budget"), ("spent",)
        tb, ts = val(row, budget_c), val(row, spent_c)
        if (tb or 0) != 0 or (ts or 0) != 0:
            return None
        others = [r for r in fb.rows if r is not row]
        pb = sum((v for r in others if (v := val(r, budget_c)) is not None), Decimal(0))
        ps = sum((v for r in others if (v := val(r, spent_c)) is not None), Decimal(0))
        if pb <= 0:
            return None
        v = ps / pb * 100
        return ExecutionRate(v, f"{v:.2f}%", None)

    @property
    def balance_positive(self) -> bool:
        """Whether money was left over (a printed balance, else budget above spending)."""
        got = self.total("balance")
        if got:
            return got[0].value > 0
        spent, budget = self.total("spent"), self.total("budget")
        if spent and budget:
            return budget[0].value > spent[0].value
        return True

    @cached_property
    def budget_total(self) -> Located | None:
        """The project's total budget: fund table, else the funds block's 年度资金总额, else the front
        summary's 计划投资额, else the first budget stated in the text."""
        got = self.total("budget")
        if got:
            return Located(*got)
        fb = self.funds_block
        if fb is not None:
            row = next((r for r in fb.rows if r.kind == "funds_total"), None)
            if row is not None:
                for c in ("adjusted_budget", "budget", "initial_budget"):
                    v = row.values.get(c)
                    if v is not None and v.num is not None:
                        return Located(v.num, v.loc)
        for n, loc in self.summary.get("plan_total", []):
            if n is not None:
                return Located(n, loc)
        budgets = [s for s in self.stated if s.concept == "budget"]
        if budgets:
            return Located(budgets[0].num, budgets[0].loc)
        return None

    def form_views(self) -> list[tuple[Facts, frozenset[int]]]:
        """One view per 自评表 when the file holds several (a unit publishes one form per project in
        one file): each view sees only its form's tables (its funds block, and the tables after it
        up to the next form's funds block: a form broken across pages), so that "the" funds row, the
        indicator table and the execution rate are those of one project. No views for a file with
        one form, or with two funds blocks in one table."""
        funds = self.regions_of("selfeval_funds")
        starts = sorted({r.table.index for r in funds})
        if len(starts) < 2 or len(starts) != len(funds):
            return []
        # the view's tables: every table from its form's start up to the next form's start
        bounds = starts[1:] + [max(t.index for t in self.doc.tables) + 1]
        views = []
        for lo, hi in zip(starts, bounds, strict=True):
            tabs = frozenset(t.index for t in self.doc.tables if lo <= t.index < hi)

            def mine(loc: Loc | None, tabs=tabs) -> bool:
                return loc is not None and loc.table in tabs

            view = Facts(
                doc=self.doc, k=self.k,
                regions=[r for r in self.regions if r.table.index in tabs],
                units=[u for u in self.units if u.table is not None and u.table.index in tabs],
                stated=[s for s in self.stated if mine(s.loc)],
                allocations=[a for a in self.allocations if a and mine(a[0].loc)],
                listed=[li for li in self.listed if li and mine(li[0].loc)],
                counts=[c for c in self.counts if mine(c.loc)],
                scores=[s for s in self.scores if mine(s.loc)],
                grades=[g for g in self.grades if mine(g.loc)],
                band_note=self.band_note, band_note_loc=self.band_note_loc,
                summary={k: [v for v in vs if mine(v[1])] for k, vs in self.summary.items()},
                year=self.year,
            )
            views.append((view, tabs))
        return views

    @cached_property
    def kind(self) -> DocKind:
        """What the file is (form-only 自评表, project report, unit, 部门整体, 转移支付, unknown)."""
        return kind_of(self.doc, has_form=self.indicators is not None or self.funds_block is not None)

    @cached_property
    def narrative(self) -> Narrative:
        """Sentence-level facts: itemised totals, counts, funding roles, stated rates, claims."""
        return read_narrative(self.units)

    @cached_property
    def issuing_divisions(self) -> list[Division]:
        """The administrative divisions the issuing unit belongs to, from the title, the cover, the
        unit fields of the forms and the signature lines."""
        return issuing_divisions(self.doc)

    @cached_property
    def listed_pairs(self) -> list[tuple]:
        """(listed item, fund row, name similarity) for the sub-project list that pairs best."""
        return match_listed_to_rows(self)

    def to_list(self) -> list[dict]:
        """Every fact as a flat record (for `pecheck dump --facts`)."""
        out: list[dict] = []

        def rec(concept: str, num: Num | None, loc: Loc, **extra) -> None:
            out.append({"concept": concept, "value": str(num.value) if num else None,
                        "unit": num.unit if num else None, "precision": num.decimals if num else None,
                        "raw": num.raw if num else None, "location": loc.to_dict(), **extra})

        for reg in self.regions:
            for row in reg.rows:
                for concept, v in row.values.items():
                    rec(f"{reg.kind}.{concept}", v.num, v.loc, row=row.label, row_kind=row.kind,
                        table_unit=reg.unit)
        for s in self.stated:
            rec(f"text.{s.concept}", s.num, s.loc)
        for grp in self.allocations:
            for a in grp:
                rec("allocation", a.num, a.loc, docno=a.docno)
        for grp in self.listed:
            for it in grp:
                rec("listed_item", it.num, it.loc, name=it.name)
        for c in self.counts:
            out.append({"concept": "stated_count", "value": c.n, "location": c.loc.to_dict()})
        for s in self.scores:
            rec(f"score.{s.where}", s.value, s.loc)
        for g in self.grades:
            out.append({"concept": f"grade.{g.where}", "value": g.grade, "raw": g.word, "location": g.loc.to_dict()})
        for b in self.band_note:
            out.append({"concept": "grade_band", "value": f"{b.grade}:{b.lo}{'≤' if b.lo_incl else '<'}s"
                        f"{'≤' if b.hi_incl else '<'}{b.hi}",
                        "location": self.band_note_loc.to_dict() if self.band_note_loc else None})
        for key, vals in self.summary.items():
            for num, loc in vals:
                rec(f"summary.{key}", num, loc)
        if self.year:
            out.append({"concept": "year", "value": self.year, "location": None})
        return out


# -- text units ------------------------------------------------------------------------------------

_HEAD_RX = lazy(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[、.．])")
_GOAL = lazy(r"目标")
_ACHIEVED = lazy(r"完成情况|实现情况|实际完成|产出情况|效益情况|支出绩效情况|成效|取得")


def topic_of(label: str) -> str:
    if _ACHIEVED.search(label):
        return "achievement"
    if _GOAL.search(label):
        return "goal"
    return ""


def _own_topic(text: str) -> str:
    """A passage that announces itself: "项目年度绩效目标：…" is a goal, "全年完成…" an achievement."""
    if _GOAL_LEAD.match(text):
        return "goal"
    if _ACHIEVED_LEAD.match(text):
        return "achievement"
    return ""


def _cell_label(t: Table, c: Cell) -> str:
    """The short label that names a long text cell: to its left, else above it."""
    left = t.at(c.row, c.col - 1) if c.col > 0 else None
    if left is not None and left is not c and 0 < len(left.text) <= 20:
        return left.text
    up = t.at(c.row - 1, c.col) if c.row > 0 else None
    if up is not None and up is not c and 0 < len(up.text) <= 20:
        return up.text
    return ""


# Header concepts (rules/concepts.toml) that only a 绩效自评表 has: indicator names with their target values,
# or the 年初预算数/全年预算数 pair. Read through the lexicon, so that every wording of them counts
# (指标名称, 指标值, 年初预算 as well as 三级指标, 年度指标值, 年初预算数).
_SELF_EVAL_CONCEPTS = ("level3", "target", "initial_budget", "adjusted_budget")


def _self_eval_table(t: Table, k: Knowledge) -> bool:
    return any(0 < len(c.text) <= 20 and k.column_concept(c.text) in _SELF_EVAL_CONCEPTS for c in t.cells[:80])


def _units(doc: Document, k: Knowledge) -> list[TextUnit]:
    out = []
    heading = ""
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            if len(b.text) <= 30 and _HEAD_RX.match(b.text):
                heading = b.text
            own = _own_topic(b.text)
            out.append(TextUnit(text=b.text, raw=b.raw, loc=Loc.of_paragraph(b), where="body", block=b,
                                topic=own or topic_of(heading)))
        else:
            selfeval = _self_eval_table(b, k)
            for c in b.cells:
                if len(c.text) >= 12 and _HAN.search(c.text) and parse_number(c.text) is None:
                    label = _cell_label(b, c)
                    own = _own_topic(c.text)
                    out.append(TextUnit(text=c.text, raw=c.raw, loc=Loc.of_cell(b, c), where="table", block=c,
                                        table=b, topic=own or topic_of(label),
                                        # the 自评表's 实际完成情况 abridges the narrative; its 预期目标 copies the goal
                                        condensed=selfeval and _CONDENSED_LABEL.search(label) is not None,
                                        goal_copy=selfeval and _GOAL_LABEL.search(label) is not None))
    return out


# Inside a sentence: where a stated goal begins ("年度目标为：…") and where an achievement does ("实际完成…").
_GOAL_MARK = lazy(r"目标(?:为|是)[:：]?|目标[:：]")
_ACHIEVED_MARK = lazy(r"(?:全年|实际|共|已|累计)(?:共)?完成|完成了")


def stated_as_goal(sentence: str, pos: int) -> bool:
    """Whether the figure at `pos` is part of a goal the sentence states ("年度目标为：运营服务站12个，
    完成适老化改造200户"): the last goal or achievement marker before it is a goal's."""
    goal = max((m.end() for m in _GOAL_MARK.finditer(sentence, 0, pos)), default=-1)
    if goal < 0:
        return False
    return goal > max((m.end() for m in _ACHIEVED_MARK.finditer(sentence, 0, pos)), default=-1)


def sentences(text: str) -> list[tuple[int, str]]:
    """Sentences with their start offsets."""
    return list(_sentences(text))  # a list of its own for each caller


@functools.lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[tuple[int, str], ...]:
    """sentences, kept per text: facts and several rules split the same units (~8 times each)."""
    out = []
    pos = 0
    for part in _SENT_SPLIT.split(text):
        if part and part.strip():
            out.append((pos, part))
        pos += len(part)
    return tuple(out)


# -- narrative facts -------------------------------------------------------------------------------

def _concept_before(segment: str, k: Knowledge, percent: bool) -> str | None:
    """The concept whose keyword sits nearest before a figure in its segment."""
    concepts = ("rate", "rate_arrival") if percent else (
        "carryover", "balance", "spent", "arrived", "budget", "initial_budget")
    best, best_pos = None, -1
    for concept in concepts:
        for w in k.narrative[concept]:
            for start in occurrences(w, segment):
                end = start + len(w)
                if concept == "spent" and w == "执行" and segment[end:end + 1] == "率":
                    continue
                if end > best_pos:
                    best, best_pos = concept, end
    return best


_TOTAL_ONLY = ("共计", "合计", "总计", "共", "计")


def _title_indices(doc: Document) -> set[int]:
    """The title lines: among the document's first paragraphs, a short one naming a report or a form,
    alone or with the short line a narrow page wrapped it onto ("…部门整体支出绩" / "效自评表")."""
    words = lexicon.words("summary.title_words")
    ps = doc.paragraphs[:5]
    out: set[int] = set()
    for i, p in enumerate(ps[:4]):
        nxt = ps[i + 1].text if i + 1 < len(ps) and len(ps[i + 1].text) <= 20 else ""
        if len(p.text) <= 80 and any(w in p.text + nxt for w in words):
            out.add(p.index)
    return out


def _narrative(u: TextUnit, k: Knowledge, facts: Facts) -> None:
    lx = vocabulary()
    for _, sent in sentences(u.text):
        nums = find_numbers(sent)
        prev_end = 0
        in_list = False
        for n in nums:
            clause_start = max(sent.rfind(ch, 0, n.start) for ch in "，,；;：:。") + 1
            seg_start = max(prev_end, clause_start, n.start - 24)
            segment = sent[seg_start:n.start]
            if clause_start > 0 and segment.strip() in _TOTAL_ONLY:
                # "按生均1000元安排，共计239万元": a clause that only totals takes its verb from the one before
                before = max(sent.rfind(ch, 0, clause_start - 1) for ch in "，,；;：:。") + 1
                segment = sent[max(prev_end, before, n.start - 24):n.start]
            prev_end = n.end
            if n.kind != "amount":
                continue
            if _USED_FOR.search(sent[:n.start]) and sent.rfind("：", 0, n.start) > sent.rfind("。", 0, n.start):
                in_list = True
            if in_list:
                continue
            after = sent[n.end:n.end + 3]
            if n.approx or _BOUND_AFTER.match(after) or _NOT_THE_FIGURE.search(segment) \
                    or any(w in segment for w in lx.comparison) or lx.is_form_note(sent) \
                    or sent.lstrip().startswith("注"):
                continue  # a target, a threshold, a condition ("低于90%的须说明") or a form's note
            quote = sent.strip()
            if n.is_percent:
                concept = _concept_before(segment, k, True)
                # a rate of something else (政府采购执行率, 三公经费执行率) is not the project's
                if concept == "rate" and not _PROJECT_RATE.search(segment):
                    concept = None
            elif n.is_money:
                concept = _concept_before(segment, k, False)
                if concept is None and isinstance(u.block, Paragraph) and u.block.index in facts.title_lines:
                    concept = "budget"  # the title names the project by its fund: the whole
                    # quoted by the words naming the fund, the same however a page wraps the title
                    quote = sent[max(0, n.start - 12):n.end]
                elif concept and _DOCNO.search(sent[max(0, n.start - 40):n.start]) and _ALLOC_VERB.search(segment):
                    concept = None  # an allocation document's amount, collected separately
            else:
                concept = None
            if concept:
                facts.stated.append(Stated(concept=concept, num=n, loc=u.loc.quoting(quote),
                                           sentence=sent.strip(), where=u.where, before=sent[:n.start]))


def _allocations(u: TextUnit, facts: Facts) -> None:
    for _, sent in sentences(u.text):
        group: list[Allocation] = []
        for m in _DOCNO.finditer(sent):
            rest = sent[m.end():m.end() + 40]
            rest = _SENTENCE_STOP.split(rest)[0]
            verb = _ALLOC_VERB_ANY.search(rest)
            if not verb:
                continue
            nums = [n for n in find_numbers(rest) if n.is_money and n.kind == "amount"]
            if not nums:
                continue
            # the next document number must not come before the amount
            if _DOCNO.search(rest[:nums[0].start]):
                continue
            group.append(Allocation(docno=_SPACES.sub("", m.group(1)), num=nums[0],
                                    loc=u.loc.quoting(sent[m.start():m.end() + nums[0].end].strip())))
        if group:
            facts.allocations.append(group)


_LIST_START = lazy(r"用于\s*[:：]|其中\s*[:：]?|清单\s*[:：]|包括\s*[:：]|(?:内容|如下|分别)(?:为)?\s*[:：]|"
                   r"[（(](?=[^（）()]{2,40}\d)")


def _listed(u: TextUnit, facts: Facts) -> None:
    """Sub-project lists with amounts: "用于：A 80万元；B 30万元", "其中A 30万元、B 20万元",
    "（A 27万元、B 18万元）"."""
    for m in _LIST_START.finditer(u.text):
        bracket = m.group(0).startswith(("（", "("))
        end_rx = _LIST_END_BRACKET if bracket else _LIST_END
        e = end_rx.search(u.text, m.end())
        body = u.text[m.end(): e.start() if e else len(u.text)]
        items: list[ListedItem] = []
        sep = _SEMICOLON if _SEMICOLON.search(body) else _LIST_COMMA
        for piece in sep.split(body):
            piece = piece.strip()
            nums = [n for n in find_numbers(piece) if n.kind == "amount" and (n.is_money or n.unit)
                    and not n.is_percent]
            if not nums or nums[-1].end < len(piece.rstrip("，,、 ")) - 1:
                continue
            money = [n for n in nums if n.is_money]
            if len(money) > 1:
                continue
            name = piece[: nums[0].start].strip(" ，,、：:")
            nums = money or nums[:1]
            if len(name) < 2 or not _TWO_HAN.search(name) or _FUND_WORD.search(name):
                continue  # a funding source, not a sub-project
            items.append(ListedItem(name=name, num=nums[-1], loc=u.loc.quoting(piece)))
        if bracket:
            items = [it for it in items if it.num.is_money]  # a bracket lists amounts, not what was built
        if len(items) >= 2:
            # a list of amounts or of quantities ("A 1台、B 2台"), never a mix
            money = [it for it in items if it.num.is_money]
            facts.listed.append(money if len(money) * 2 >= len(items) else
                                [it for it in items if not it.num.is_money])


_NAME_LIST = lazy(r"(?:包括|包含|分别为|分别是|分为)\s*[:：]?\s*(?P<names>[^。；;:：]{4,300}?)\s*(?:等)?\s*(?:共)?\s*"
                        r"(?:[一二两三四五六七八九十]+|\d+)\s*个(?:子项目|项目)")


def _named(u: TextUnit, facts: Facts) -> None:
    """Sub-project names listed without amounts: "包括A、B、C、D4个子项目"."""
    for m in _NAME_LIST.finditer(u.text):
        names = [n.strip(" ，,") for n in _NAME_SEP.split(m.group("names"))]
        names = [n for n in names if len(n) >= 2 and not _DIGIT.search(n)]
        if len(names) >= 2:
            facts.listed.append([ListedItem(name=n, num=None, loc=u.loc.quoting(m.group(0))) for n in names])


# "2.2022年退役军人事务专项资金项目：预算20万元，……": one numbered paragraph per project, its budget
# the first amount named as one
_PROJECT_PARA = lazy(r"^\s*(?P<no>\d{1,2})\s*[.．、]\s*(?P<name>[^：:。；;]{2,40}?项目)\s*[：:]")


def _listed_table_rows(facts: Facts) -> None:
    """A table of projects with one amount each and no 合计 row (项目名称 | 债券性质 | 债券规模 | 自评分数):
    its rows are a list of the projects' amounts, whose total the text states ("争取债券资金1.69亿元")."""
    names = lexicon.words("rated.name_headers")
    taken = {id(r.table) for r in facts.regions}
    for t in facts.doc.tables:
        unit = table_money_unit(t)
        if id(t) in taken or not unit or t.n_rows < 3:
            continue
        head = [c for c in t.row_cells(0) if c.row == 0]
        name_col = next((c.col for c in head if c.text.replace(" ", "") in names), None)
        money = [c.col for c in head if facts.k.column_concept(c.text) in MONEY_COLS]
        if name_col is None or len(money) != 1:
            continue
        items: list[ListedItem] = []
        for r in range(1, t.n_rows):
            nc, vc = t.at(r, name_col), t.at(r, money[0])
            n = parse_number(vc.text) if vc is not None and vc.row == r else None
            if nc is None or n is None or not nc.text.strip():
                items = []
                break
            if facts.k.row_kind(nc.text) in ("total", "subtotal"):
                items = []
                break  # a table with its own total is PC101's
            items.append(ListedItem(name=nc.text.strip(), num=replace(n, unit=unit), loc=Loc.of_cell(t, vc)))
        if len(items) >= 2:
            facts.listed.append(items)


def _listed_paragraphs(facts: Facts) -> None:
    """Projects told one numbered paragraph each ("1.烈士纪念设施维修项目：预算35.3万元……"), numbered
    1, 2, 3… in a run: a list of sub-projects with their budgets, as a list inside one sentence is."""
    run: list[ListedItem] = []

    def close() -> None:
        if len(run) >= 2:
            facts.listed.append(list(run))
        run.clear()
    budget_words = facts.k.narrative["budget"]
    for u in facts.units:
        if u.where != "body":
            continue
        m = _PROJECT_PARA.match(u.text)
        if m is None or int(m.group("no")) != len(run) + 1:
            close()
            if m is None or m.group("no") != "1":
                continue
        rest = u.text[m.end():]
        num = next((n for n in find_numbers(rest) if n.is_money and n.kind == "amount"
                    and any(w in rest[max(0, n.start - 8):n.start] for w in budget_words)), None)
        if num is None:
            close()
            continue
        run.append(ListedItem(name=m.group("name").strip(), num=num, loc=u.loc.quoting(m.group(0).strip())))
    close()


def _counts(u: TextUnit, facts: Facts) -> None:
    for _, sent in sentences(u.text):
        for m in _COUNT.finditer(sent):
            raw = m.group("n") or m.group("n2") or m.group("n3")
            n = cn_int(raw)
            if n is not None:
                after = sent[m.end():m.end() + 4]
                before = sent[max(0, m.start() - 4):m.start()]
                subset = bool(_SUBSET_AFTER.match(after) and "共" not in m.group(0)) \
                    or bool(_SUBSET_BEFORE.search(before))
                facts.counts.append(Count(n=n, loc=u.loc.quoting(sent.strip()), sentence=sent.strip(), subset=subset))


def _scores_grades(u: TextUnit, facts: Facts, k: Knowledge) -> None:
    for _, sent in sentences(u.text):
        # the band note ("90（含）—100分为优") states no grade of this report
        band_spans = [m.span() for rx in (_BAND_RANGE, _BAND_ABOVE, _BAND_BELOW) for m in rx.finditer(sent)]
        note = _NOTE.search(sent)
        cut = note.start() if note and band_spans else len(sent)

        def in_band(m, cut=cut, band_spans=band_spans) -> bool:
            return m.start() >= cut or any(a <= m.start() < b or a < m.end() <= b for a, b in band_spans)

        for m in _SCORE.finditer(sent):
            if in_band(m) or _WEIGHT_WORD.search(sent[max(0, m.start() - 4):m.start()]):
                continue
            v = parse_number(m.group("v"))
            if v is not None and Decimal(0) <= v.value <= Decimal(100) and v.value >= 20:
                facts.scores.append(ScoreStatement(value=v, loc=u.loc.quoting(m.group(0)), where=u.where))
        for m in _GRADE.finditer(sent):
            if in_band(m):
                continue
            after = sent[m.end():m.end() + 6].lstrip("”\"」』 ")
            if after.startswith(lexicon.words("narrative.grade_distribution_after")):
                continue  # "结果为“良”的项目有6项": how many projects got it, not this report's grade
            g = k.canonical_grade(m.group("g"))
            if g:
                facts.grades.append(GradeStatement(grade=g, word=m.group("g"), loc=u.loc.quoting(m.group(0)),
                                                   where=u.where))


def _band_note(u: TextUnit, facts: Facts, k: Knowledge) -> None:
    if facts.band_note:
        return
    bands: list[Band] = []
    for m in _BAND_RANGE.finditer(u.text):
        g = k.canonical_grade(m.group("g"))
        lo, hi = Decimal(m.group("lo")), Decimal(m.group("hi"))
        if g is None or hi <= lo:
            continue
        lo_incl = not (m.group("loinc") and "不含" in m.group("loinc"))
        hi_inc_txt = m.group("hiinc") or ""
        hi_incl = ("含" in hi_inc_txt and "不含" not in hi_inc_txt) or hi == 100
        bands.append(Band(grade=g, lo=lo, hi=hi, lo_incl=lo_incl, hi_incl=hi_incl))
    for m in _BAND_ABOVE.finditer(u.text):
        g = k.canonical_grade(m.group("g"))
        if g:
            bands.append(Band(grade=g, lo=Decimal(m.group("lo")), hi=Decimal(100), lo_incl=True, hi_incl=True))
    for m in _BAND_BELOW.finditer(u.text):
        g = k.canonical_grade(m.group("g"))
        if g:
            bands.append(Band(grade=g, lo=Decimal(0), hi=Decimal(m.group("lo") or m.group("lo2")),
                              lo_incl=True, hi_incl=False))
    if len(bands) >= 2:
        facts.band_note = bands
        facts.band_note_loc = u.loc


# -- the front summary table -----------------------------------------------------------------------

def _summary(doc: Document, k: Knowledge, facts: Facts) -> None:
    keys = k.summary
    region_tables = {id(r.table) for r in facts.regions if r.kind in ("fund", "indicators")}
    for t in doc.tables:
        if id(t) in region_tables:
            continue
        anchors: dict[str, int] = {}
        for c in t.cells:
            txt = _OF_WHICH.sub("", c.text)
            txt = _BRACKETED.sub("", txt).strip()
            if not txt or len(txt) > 12:
                continue
            key = None
            for name in ("plan_total", "arrived_total", "source_central", "source_province", "source_prefecture",
                         "source_county", "source_self", "source_other", "score", "grade"):
                if txt in keys[name]:
                    key = name
                    break
            if key is None and len(txt) <= 10 and _FUND_SOURCE.search(txt):
                for name, rx in _SOURCE_RX:  # 中央补助资金, 省级补助资金, 县级配套资金 …
                    if rx.match(txt):
                        key = name
                        break
            if key is None:
                continue
            if key in ("plan_total", "arrived_total"):
                anchors[key] = c.col
            nxt = t.at(c.row, c.col + c.col_span)
            if nxt is None or nxt is c:
                continue
            if key.startswith("source_"):
                side = "plan"
                if "arrived_total" in anchors and "plan_total" in anchors:
                    if abs(c.col - anchors["arrived_total"]) < abs(c.col - anchors["plan_total"]):
                        side = "arrived"
                elif "plan_total" not in anchors:
                    continue
                key = f"{side}.{key}"
            if key == "grade":
                g = k.canonical_grade(nxt.text)
                if g:
                    facts.grades.append(GradeStatement(grade=g, word=nxt.text, loc=Loc.of_cell(t, nxt),
                                                       where="table"))
                continue
            num = parse_number(nxt.text, default_unit="万元" if "万元" in c.text else "")
            if num is None and nxt.text and not is_empty_mark(nxt.text):
                continue  # a label beside a label, not a key-value pair
            if key == "score":
                if num is not None:
                    facts.scores.append(ScoreStatement(value=num, loc=Loc.of_cell(t, nxt), where="table"))
                continue
            facts.summary.setdefault(key, []).append((num, Loc.of_cell(t, nxt)))


_SOURCE_RX = tuple((name, lazy(rx)) for name, rx in (
    ("source_central", r"中央"), ("source_province", r"省"), ("source_prefecture", r"[州市]"),
    ("source_county", r"[县区]"), ("source_self", r".*自筹"), ("source_other", r"其他")))


def _year(doc: Document) -> int | None:
    head = [b.text for b in doc.paragraphs[:8]]
    for s in head:
        m = _YEAR_TITLE.search(s)
        if m:
            return int(m.group("y"))
    c = Counter(int(m.group("y")) for b in doc.paragraphs for m in _YEAR_TITLE.finditer(b.text))
    return c.most_common(1)[0][0] if c else None


def extract(doc: Document, k: Knowledge) -> Facts:
    facts = Facts(doc=doc, k=k)
    facts.regions = find_regions(doc, k)
    facts.units = _units(doc, k)
    region_tables = {id(r.table) for r in facts.regions if r.kind in ("fund", "indicators")}
    for u in facts.units:
        _narrative(u, k, facts)
        _allocations(u, facts)
        if u.table is None or id(u.table) not in region_tables:  # a row's own description lists no sub-projects
            _listed(u, facts)
            _named(u, facts)
        _counts(u, facts)
        _scores_grades(u, facts, k)
        _band_note(u, facts, k)
    _listed_paragraphs(facts)
    _listed_table_rows(facts)
    _summary(doc, k, facts)
    facts.year = _year(doc)
    # a figure the prose itemises as one part of a larger total ("一批项目批复总投资3374.3万元……合计
    # 6222.4万元") is not a statement of the project's own budget or spending
    part_quotes = {(s.loc.ref, p.raw) for s in facts.narrative.sums for p in s.parts}
    facts.stated = [st for st in facts.stated if (st.loc.ref, st.num.raw) not in part_quotes]
    return facts

