"""Indicator rows as typed facts: levels, target with operator and direction, actual, weight, score."""

from __future__ import annotations

from dataclasses import dataclass, replace

from checker.model import Cell, Loc
from checker.record import Record
from checker.understand import lexicon
from checker.understand.lazyre import lazy
from checker.understand.narrative import vocabulary
from checker.understand.numbers import MONEY_UNITS, Num, find_numbers, is_empty_mark
from checker.understand.tables import Region, Row, region_weight_from_label

_OP_GE = lexicon.pattern("indicator.at_least")
_OP_LE = lexicon.pattern("indicator.at_most")
_OP_EQ = lazy(r"^\s*[=＝═]")
_REVERSE_NAME = lexicon.pattern("indicator.reverse_names")
_PLACEHOLDER = lexicon.pattern("indicator.placeholders")


_DATE = lazy(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?(?:\s*(前|底|末|以前|之前))?")


# what is left of a target once its figure is taken out, when it is only a comparison and a unit
_BARE_COMPARISON = lazy(r"\s*(?:≥|≤|>=|<=|=|＝|不低于|不少于|不高于|不超过|以上|以内|以下|达到|控制在|[<>＜＞])?\s*"
                        r"(?:\p{Han}{0,2})\s*")
_WORDS = lazy(r"\p{Han}{3,}")


# What was read, and where, is a record compared by identity (eq=False): nothing compares two
# readings by value, and a generated __eq__ per class is start-up time of every check.
@dataclass(eq=False, repr=False)
class Target(Record):
    """An indicator's target or actual value as written: comparison, figure, deadline."""

    text: str
    op: str  # ">=", "<=", "=", "" (none written)
    num: Num | None
    quantitative: bool
    date: tuple[int, int, int] | None = None  # a deadline: ≤2023年10月, 2023年10月底前

    @property
    def reverse(self) -> bool:
        return self.op == "<="


@dataclass(eq=False, repr=False)
class Indicator(Record):
    """One performance indicator row: its levels, name, target, actual, weight and score."""

    row: Row
    level1: Cell | None
    level2: Cell | None
    name: str
    name_cell: Cell | None
    target: Target | None
    actual: Target | None
    weight: Num | None
    score: Num | None
    deviation: Cell | None
    region: Region
    criteria: bool = False  # a scored judgement (项目决策/项目管理 rows): no target or actual by design

    def loc(self, concept: str) -> Loc | None:
        if concept in self.row.values:
            return self.row.values[concept].loc
        if concept in self.row.texts:
            return Loc.of_cell(self.region.table, self.row.texts[concept])
        if concept == "name" and self.name_cell is not None:
            return Loc.of_cell(self.region.table, self.name_cell)
        cell = self.cell(concept)
        return Loc.of_cell(self.region.table, cell) if cell is not None else None

    def cell(self, concept: str):
        """The grid cell of this row under a concept's column, whatever it holds (a score cell that
        reads "？" is neither a value nor a text of the row, yet it is where to look)."""
        col = self.region.columns.get(concept)
        if col is None:
            return None
        c = self.region.table.at(self.row.index, col)
        return c if c is not None and c.col == col else None

    @property
    def reverse(self) -> bool:
        if self.target is None:
            return False
        if self.target.op == "<=":
            return True
        return self.target.op == "" and bool(_REVERSE_NAME.search(self.name))

    def met(self) -> bool | None:
        """Whether a quantitative target was reached (None when not comparable)."""
        t, a = self.target, self.actual
        if t is not None and a is not None and t.date and a.date:
            # a date target is a deadline unless it says otherwise
            if t.op == ">=":
                return a.date >= t.date
            return a.date <= t.date
        if t is None or a is None or not t.quantitative or not a.quantitative or t.num is None or a.num is None:
            return None
        if t.num.unit and a.num.unit and t.num.unit != a.num.unit:
            return None
        if self.reverse:
            return a.num.value <= t.num.value
        if t.op == "=":
            return a.num.value == t.num.value
        return a.num.value >= t.num.value


_EMPTY_REASON = lazy(lambda: rf"^\s*(?:{lexicon.alt('reasons.empty')}|—+|-+)?\s*$")


def reason_missing(text: str | None) -> bool:
    """A deviation reason left blank, or filled with "0", "无", "/" (no reason at all)."""
    return text is None or bool(_EMPTY_REASON.match(text))


def parse_target(text: str) -> Target | None:
    if not text or is_empty_mark(text):
        return None
    s = text.strip()
    op = ""
    if _OP_GE.search(s):
        op = ">="
    elif _OP_LE.search(s):
        op = "<="
    elif _OP_EQ.search(s):
        op = "="
    dm = _DATE.search(s)
    if dm and len(_DATE.findall(s)) == 1:
        day = int(dm.group(3)) if dm.group(3) else 31  # 2023年10月 = by the end of October
        return Target(text=s, op=op, num=None, quantitative=False,
                      date=(int(dm.group(1)), int(dm.group(2)), day))
    nums = [n for n in find_numbers(s) if n.kind == "amount"]
    quantitative = len(nums) == 1 and not _PLACEHOLDER.search(s)
    # "2022年1月至12月", "按时完成" and other words carry no comparable figure
    rest = s
    if nums:
        rest = s[:nums[0].start] + s[nums[0].end:]
    if quantitative and _WORDS.search(rest) and not _BARE_COMPARISON.fullmatch(rest):
        quantitative = False
    return Target(text=s, op=op, num=nums[0] if nums else None, quantitative=quantitative)


_BRACKET_UNIT = lazy(r"[（(]\s*(\p{Han}{1,8}|%)\s*[）)]\s*$")


def implied_unit(name: str, unit_cell: Cell | None) -> str | None:
    """The unit a unitless target or actual of this row is counted in: the 计量单位 cell, else the
    name's own (see lexicon [indicator] name_unit_suffixes)."""
    if unit_cell is not None and unit_cell.text.strip() and not is_empty_mark(unit_cell.text):
        u = unit_cell.text.strip()
        return None if u in MONEY_UNITS else u
    m = _BRACKET_UNIT.search(name)
    if m and len(m.group(1)) <= lexicon.number("indicator.bracket_unit_max") and m.group(1) not in MONEY_UNITS:
        return m.group(1)
    bare = _BRACKET_UNIT.sub("", name).strip()
    for suffix, unit in lexicon.mapping("indicator.name_unit_suffixes").items():
        if bare.endswith(suffix):
            return unit
    return None


def _with_op(text: str, op_cell: Cell | None) -> str:
    """A target whose comparator stands in its own column (指标性质 "≤" | 指标值 "10") read as one
    ("≤10"); "反向" in that column is "≤", "正向" is "≥"."""
    op = op_cell.text.strip() if op_cell is not None else ""
    if not op or not text or not text.strip() or _OP_GE.search(text) or _OP_LE.search(text) or _OP_EQ.search(text):
        return text
    forward, backward = lexicon.words("indicator.direction_words")
    if op == backward:
        op = "≤"
    elif op == forward:
        op = "≥"
    if _OP_GE.search(op) or _OP_LE.search(op) or _OP_EQ.search(op):
        return op + text.strip()
    return text


def _with_unit(t: Target | None, unit: str | None) -> Target | None:
    if t is None or unit is None or t.num is None or t.num.unit:
        return t
    return replace(t, num=replace(t.num, unit=unit))


def indicators(reg: Region) -> list[Indicator]:
    lx = vocabulary()
    out = []
    t = reg.table
    for row in reg.rows:
        if row.kind == "score_total":
            continue
        name_cell = row.texts.get("level3")
        # a score summary (一级指标 | 分值 | 得分, no 三级指标 and no target or actual columns): each row
        # is a scored judgement named by its own level
        summary = not reg.columns.keys() & {"level3", "target", "actual"}
        if summary:
            name_cell = row.texts.get("level2") or row.texts.get("level1") or row.label_cell
        if name_cell is None or not name_cell.text:
            continue
        name = lx.item_label.sub("", name_cell.text).strip()
        if not name or is_empty_mark(name):
            continue  # a template row ("指标2：", "指标1：/"): a placeholder, not an indicator
        l1 = t.at(row.index, reg.columns["level1"]) if "level1" in reg.columns else None
        l2 = t.at(row.index, reg.columns["level2"]) if "level2" in reg.columns else None
        tgt = row.texts.get("target")
        act = row.texts.get("actual")
        group = (l1.text if l1 is not None else "")
        criteria = summary or any(w in group for w in lx.criteria_groups) and (tgt is None or is_empty_mark(tgt.text))
        w = row.values.get("weight")
        sc = row.values.get("score")
        unit = implied_unit(name, row.texts.get("unit_col"))
        out.append(Indicator(
            row=row, level1=l1, level2=l2, name=name, name_cell=name_cell, criteria=criteria,
            target=_with_unit(parse_target(_with_op(tgt.text, row.texts.get("op_col"))) if tgt is not None else None,
                              unit),
            actual=_with_unit(parse_target(act.text) if act is not None else None, unit),
            weight=w.num if w is not None else None, score=sc.num if sc is not None else None,
            deviation=row.texts.get("deviation"), region=reg))
    return out


def level1_groups(inds: list[Indicator]) -> list[tuple[Cell, Num | None, list[Indicator]]]:
    """Indicators grouped by their first-level cell, with the weight written in its label."""
    groups: list[tuple[Cell, Num | None, list[Indicator]]] = []
    for ind in inds:
        if ind.level1 is None:
            continue
        if groups and (groups[-1][0] is ind.level1 or groups[-1][2][-1].level1 is ind.level1):
            groups[-1][2].append(ind)
            continue
        weight = region_weight_from_label(ind.level1.text)
        if groups and groups[-1][1] is None and weight is not None and _JOINED_LABEL.search(
                groups[-1][0].text + ind.level1.text):
            # one merged label cut in two by a page break: "满意度指" + "标（10分）"
            groups[-1] = (ind.level1, weight, groups[-1][2] + [ind])
            continue
        groups.append((ind.level1, weight, [ind]))
    return groups


_JOINED_LABEL = lazy(r"指标\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
