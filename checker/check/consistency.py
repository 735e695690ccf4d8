"""The same fact stated in several places must agree: mismatch rules."""

from __future__ import annotations

from checker.check.options import Option, within
from checker.check.registry import Rule, register
from checker.understand.facts import sentences, stated_as_goal
from checker.understand.lazyre import lazy
from checker.understand.matching import bigrams, can_be_same, row_of_figure, same_amount
from checker.understand.numbers import Num, as_percent, find_numbers, same_value, with_unit
from checker.understand.tables import CONCEPT_ZH

WHERE_ZH = {"body": "正文", "table": "表格"}


_SATISFACTION = lazy(r"满意[度率]$")
_SATISFACTION_BEFORE = lazy(r"满意[度率](?:为|达到?|是)?\s*$")


def _ref_values(facts) -> dict[str, tuple[Num, object, str, int]]:
    """The reference value of each fund concept: the fund table's total row first, then the 自评表."""
    out: dict[str, tuple[Num, object, str, int]] = {}
    reg = facts.fund
    if reg is not None and reg.total_row is not None:
        for concept in ("budget", "adjusted_budget", "arrived", "spent", "balance", "rate"):
            v = reg.total_row.values.get(concept)
            if v is None or v.num is None:
                continue
            key = "budget" if concept == "adjusted_budget" else concept
            if key in out:
                continue
            d = reg.decimals(concept)
            num = v.num if v.num.unit or concept == "rate" else with_unit(v.num, reg.unit)
            if concept == "rate":
                num = as_percent(num)
                d = num.decimals
            parts = [r.values[concept].num for r in reg.data_rows if r.values.get(concept) and r.values[concept].num]
            if num.value == 0 and any(p.value for p in parts):
                continue  # a 合计 of zeros (PC101 reports it) is no reference for the other copies
            out[key] = (num, v.loc, "资金表合计", d)
    fb = facts.funds_block
    if fb is not None:
        rows = [r for r in (facts.funds_row, next((r for r in fb.rows if r.kind == "funds_total"), None)) if r]
        for row in rows:
            for concept, key in (("adjusted_budget", "budget"), ("budget", "budget"), ("spent", "spent"),
                                 ("rate", "rate")):
                v = row.values.get(concept)
                if v is None or v.num is None or key in out:
                    continue
                num = v.num if v.num.unit or concept == "rate" else with_unit(v.num, fb.unit)
                if concept == "rate":
                    num = as_percent(num)
                out[key] = (num, v.loc, "自评表", num.decimals)
    return out


def _all_table_money(facts) -> list[Num]:
    """Every figure in every recognised region: a narrative figure equal to one of them states that
    figure (a department total, a sub-table's total), not a different fund total."""
    out = []
    for reg in facts.regions:
        for row in reg.rows:
            for concept, v in row.values.items():
                if v.num is None:
                    continue
                if concept in ("rate", "rate_arrival") and not v.num.is_percent:
                    out.append(as_percent(v.num))  # 执行率（%） columns print no sign, some print fractions
                else:
                    out.append(with_unit(v.num, reg.unit) if not v.num.is_percent else v.num)
    for vals in facts.summary.values():
        out.extend(n for n, _ in vals if n is not None)
    return out


def _lookup(values: list[Num]) -> set[tuple]:
    """The table figures as `_in_tables` looks them up: money by its amount in 元, every figure by its
    written value. Built once per check: comparing each stated figure with each table figure converted
    every one to 元 again (≈ 900 conversions per check of xiangxi-2022)."""
    keys: set[tuple] = set()
    for v in values:
        if v.is_money:
            keys.add((v.is_percent, "元", v.in_yuan()))
        keys.add((v.is_percent, v.is_money, v.value))
    return keys


def _in_tables(n: Num, table: set[tuple]) -> bool:
    """Whether a table holds the figure: money against money by amount in 元, any other pairing (of
    the same percent-ness) by the written value."""
    if n.is_money and (n.is_percent, "元", n.in_yuan()) in table:
        return True
    return (n.is_percent, False, n.value) in table or (not n.is_money and (n.is_percent, True, n.value) in table)


def _sub_values(facts, concept: str) -> list[Num]:
    reg = facts.fund
    if reg is None:
        return []
    cols = ("budget", "adjusted_budget") if concept == "budget" else (concept,)
    out = []
    for r in reg.data_rows:
        for c in cols:
            v = r.values.get(c)
            if v is not None and v.num is not None:
                out.append(with_unit(v.num, reg.unit))
    return out


@register
class FundFiguresAgree(Rule):
    code = "PC601"
    name = "fund-figures-agree"
    category = "mismatch"
    title = "资金总额、支出、结余、执行率在各处的表述应一致"
    explain = ("自评报告表、正文、资金表和绩效自评表都会写出资金总额、实际支出、结转结余和执行率，"
               "各处数字必须一致；以资金表合计行为准（无资金表时以自评表为准）。"
               "在书写精度内的差异（如 89.97 与 89.974）仅作提示。")
    fail_example = "资金表合计支出 1160.49 万元，正文写“共支出资金 1106.49 万元”。"
    pass_example = "各处均为 1160.49 万元。"
    options = (Option("stated_figure_window", "window", "文中数字与参照值之比在此区间内才视为同一数字的不同写法"),)

    def check(self, facts):
        refs = _ref_values(facts)
        if not refs:
            return
        # summary-table figures
        pairs = []
        for key, concept, label in (("plan_total", "budget", "自评报告表计划投资额"),
                                    ("arrived_total", "arrived", "自评报告表实际到位资金")):
            for n, loc in facts.summary.get(key, []):
                if n is not None:
                    pairs.append((concept, n, loc, label, None))
        # 自评表 figures against the fund table
        fb = facts.funds_block
        if fb is not None and refs.get("spent", (None, None, ""))[2] == "资金表合计":
            row = facts.funds_row
            if row is not None:
                for concept, key in (("adjusted_budget", "budget"), ("spent", "spent"), ("rate", "rate")):
                    v = row.values.get(concept)
                    if v is not None and v.num is not None:
                        pairs.append((key, with_unit(v.num, fb.unit) if concept != "rate" else as_percent(v.num), v.loc,
                                      f"自评表{CONCEPT_ZH[concept]}", None))
        table_values = _lookup(_all_table_money(facts))
        for s in facts.stated:
            if facts.fund is not None and row_of_figure(s, facts.fund) is not None:
                continue  # a sub-project's own line: PC607 compares it with its row
            if s.concept in refs and not _in_tables(s.num, table_values):
                pairs.append((s.concept, s.num, s.loc, f"{WHERE_ZH.get(s.where, '')}所述{CONCEPT_ZH[s.concept]}",
                              s))
        reported = set()
        for concept, n, loc, label, stated in pairs:
            if concept not in refs:
                continue
            ref, rloc, rlabel, rd = refs[concept]
            if loc is rloc:
                continue
            same = can_be_same(n, None, ref, rd)
            if same is None:
                continue
            if stated is not None and not same:
                # a sub-project's own figure, or a figure about something else
                if any(can_be_same(n, None, sv, rd) for sv in _sub_values(facts, concept)):
                    continue
                rv = ref.in_yuan() if ref.is_money and n.is_money else ref.value
                nv = n.in_yuan() if ref.is_money and n.is_money else n.value
                if not rv or not within(self.opt("stated_figure_window"), nv / rv):
                    continue
            key = (concept, n.raw.strip(), label)
            if key in reported:
                continue
            reported.add(key)
            if same:
                if not same_value(n, ref) and n.decimals > ref.decimals:
                    yield self.finding(f"{label} {n.raw.strip()} 与{rlabel} {ref.raw.strip()} 书写精度不同（舍入差异）",
                                       expected=ref.raw.strip(), found=n.raw.strip(), locations=[loc, rloc],
                                       severity="info")
                continue
            yield self.finding(f"{label} {n.raw.strip()} 与{rlabel}{CONCEPT_ZH[concept]} {ref.raw.strip()} 不一致",
                               expected=ref.raw.strip(), found=n.raw.strip(), locations=[loc, rloc])


@register
class ScoreStatedOnce(Rule):
    code = "PC602"
    name = "score-agrees"
    category = "mismatch"
    title = "总分在各处的表述应一致"
    explain = "自评结论、正文评价结论与绩效自评表总分应为同一分数。"
    fail_example = "自评表总分 96.5，正文写“评分为 95.6 分”。"
    pass_example = "各处均为 96.5 分。"

    def check(self, facts):
        got = facts.final_score
        if got is None:
            return
        ref, rloc = got
        seen = set()
        for s in facts.scores:
            if s.loc is rloc or s.value.value == ref.value or s.value.raw in seen:
                continue
            seen.add(s.value.raw)
            yield self.finding(f"此处总分 {s.value.raw.strip()} 与自评表总分 {ref.raw.strip()} 不一致",
                               expected=ref.raw.strip(), found=s.value.raw.strip(), locations=[s.loc, rloc])


@register
class GradeStatedOnce(Rule):
    code = "PC603"
    name = "grade-agrees"
    category = "mismatch"
    title = "评价等级在各处的表述应一致"
    explain = "自评结论与正文中的评价等级应相同。"
    fail_example = "自评结论写“等级：优”，正文写“等级为良”。"
    pass_example = "两处均为“优”。"

    def check(self, facts):
        if len(facts.grades) < 2:
            return
        first = facts.grades[0]
        for g in facts.grades[1:]:
            if g.grade != first.grade:
                yield self.finding(f"评价等级前后不一致：“{first.word}”与“{g.word}”", expected=first.word, found=g.word,
                                   locations=[g.loc, first.loc])


_ROW_COLS = {"budget": ("budget", "adjusted_budget", "initial_budget"), "initial_budget": ("initial_budget",),
             "spent": ("spent",), "balance": ("balance",), "arrived": ("arrived",), "rate": ("rate",)}


@register
class RowStatedElsewhere(Rule):
    code = "PC607"
    name = "row-stated-elsewhere"
    category = "mismatch"
    title = "正文对某个子项目的表述与资金表该行不一致"
    explain = "正文逐项说明子项目资金（如“就业补助资金：年初预算120万元，实际支出141.6万元”）时，数字应与资金表该子项目行相同。"
    fail_example = "正文“就业补助资金…实际支出146.1万元”，资金表该行实际支出 141.60。"
    pass_example = "两处均为 141.60 万元。"

    def check(self, facts):
        reg = facts.fund
        if reg is None:
            return
        seen = set()
        for s in facts.stated:
            row = row_of_figure(s, reg)
            if row is None or s.concept not in _ROW_COLS:
                continue
            vals = []
            for c in _ROW_COLS[s.concept]:
                v = row.values.get(c)
                if v is not None and v.num is not None:
                    n = as_percent(v.num) if c == "rate" else with_unit(v.num, reg.unit or "万元")
                    vals.append((n, v))
            if not vals or any(can_be_same(s.num, None, n, None) is not False for n, _ in vals):
                continue
            n, v = vals[0]
            key = (row.index, s.concept, s.num.raw)
            if key in seen:
                continue
            seen.add(key)
            yield self.finding(f"正文称“{row.label[:24]}”{CONCEPT_ZH.get(s.concept, s.concept)} {s.num.raw.strip()}，资金表该行为 "
                               f"{v.num.raw.strip()}", expected=v.num.raw.strip(), found=s.num.raw.strip(),
                               locations=[s.loc, v.loc])


@register
class ListedAmounts(Rule):
    code = "PC604"
    name = "listed-amounts"
    category = "mismatch"
    title = "概况所列子项目金额应与资金表一致"
    explain = "概况“用于：A 80万元；…”中每个子项目的金额应与资金表该子项目的预算安排相同。"
    fail_example = "概况写“基础电信服务费 220 万元”，资金表为 200。"
    pass_example = "两处均为 200 万元。"

    def check(self, facts):
        reg = facts.fund
        for it, row, _ in facts.listed_pairs:
            if it.num is None or not it.num.is_money:
                continue
            v = row.values.get("budget") or row.values.get("adjusted_budget") or row.values.get("initial_budget")
            if v is None or v.num is None:
                continue
            tn = with_unit(v.num, reg.unit or "万元")
            if not same_amount(it.num, row, reg.unit) and can_be_same(it.num, None, tn, None) is False:
                yield self.finding(f"概况中“{it.name[:30]}”金额 {it.num.raw.strip()} 与资金表预算 {v.num.raw.strip()} 不一致",
                                   expected=v.num.raw.strip(), found=it.num.raw.strip(), locations=[it.loc, v.loc])


@register
class StatedCount(Rule):
    code = "PC605"
    name = "stated-count"
    category = "mismatch"
    title = "文中所述子项目个数应与所列子项目数一致"
    explain = "“项目子项目共 7 个”“七个子项目”等表述应与资金表（或概况列举）中的子项目个数相同。"
    fail_example = "写“项目子项目共 8 个”，资金表只有 7 个子项目。"
    pass_example = "写“共 7 个”，资金表 7 行。"

    def check(self, facts):
        reg = facts.fund
        money_lists = [items for items in facts.listed if all(it.num is not None and it.num.is_money for it in items)]
        if reg is not None and reg.total_row is not None and reg.data_rows:
            actual, where = len(reg.data_rows), "资金表"
        elif money_lists:
            actual, where = len(money_lists[0]), "概况列举"
        else:
            return
        seen = set()
        agreeing = {c.sentence for c in facts.counts if c.n == actual}
        for c in facts.counts:
            if c.n == actual or c.n in seen or c.sentence in agreeing or c.subset:
                continue
            seen.add(c.n)
            yield self.finding(f"文中称子项目 {c.n} 个，{where}实际列有 {actual} 个", expected=str(actual), found=str(c.n),
                               locations=[c.loc])


_CLAUSE = lazy(r"[，,；;。：:！？!?\n]")


def _context(text: str, start: int, end: int, unit: str) -> str:
    """The words around a figure inside its clause, with its unit ("培训" + "人次")."""
    a = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    m = _CLAUSE.search(text, end)
    b = m.start() if m else len(text)
    return text[max(a, start - 16):start] + unit + text[end:min(b, end + 10)]


@register
class IndicatorStatedElsewhere(Rule):
    code = "PC606"
    name = "indicator-stated-elsewhere"
    category = "mismatch"
    title = "正文所述完成数量与绩效自评表实际完成值不一致"
    explain = ("正文或自评报告表写出的完成数量（个、次、人、%…）与绩效自评表同一指标的实际完成值应相同；"
               "按指标名称与上下文的相似度和计量单位配对，目标值与约数（余、多、近）不比较。")
    fail_example = "自评表“开展网络安全培训 实际完成值 22次”，正文“开展网络安全培训25次”。"
    pass_example = "两处均为 22 次。"
    options = (Option("quantity_window", "window", "文中数量与实际完成值之比在此区间内才比较"),)

    def check(self, facts):
        inds = [i for i in facts.indicator_rows if i.actual is not None and i.actual.quantitative and i.actual.num is not None
                and len(i.name) >= 4]
        if not inds:
            return
        sat = [i for i in inds if _SATISFACTION.search(i.name)]
        seen = set()
        def in_indicator_rows(u) -> bool:
            # the indicator table's own cells; the 实际完成情况 written above its header (one form
            # table holding both) is the form's summary of the same outcomes, to compare
            return u.table is not None and any(
                r.table is u.table and (u.block.row >= r.header_rows[0] or u.topic != "achievement")
                for r in facts.regions if r.kind == "indicators")
        for u in facts.units:
            if u.topic == "goal" or in_indicator_rows(u):
                continue
            for _, sent in sentences(u.text):
                for n in find_numbers(sent):
                    if n.kind != "amount" or n.approx or n.is_money:
                        continue
                    ctx = _context(sent, n.start, n.end, n.unit)
                    for ind in inds:
                        a = ind.actual.num
                        # a count the form wrote bare ("3016" under 改造数量, target "≥2000") takes the
                        # text's count unit; a rate or an amount never does
                        bare = (not a.unit and n.unit and n.unit != "%"
                                and (ind.target is None or ind.target.num is None or not ind.target.num.unit))
                        if (a.unit != n.unit or not a.unit) and not bare:
                            continue
                        name_bg = bigrams(ind.name)
                        common = name_bg & bigrams(ctx)
                        satisfaction = (_SATISFACTION.search(ind.name) and len(sat) == 1
                                        and _SATISFACTION_BEFORE.search(sent[max(0, n.start - 8):n.start]))
                        if not satisfaction and (len(common) < min(4, len(name_bg))
                                                 or len(common) / max(1, len(name_bg)) < 0.75):
                            continue
                        if not a.value or not within(self.opt("quantity_window"), n.value / a.value):
                            continue  # another quantity of the same kind (a remainder, a sub-count)
                        if n.value == a.value or (ind.target and ind.target.num is not None
                                                  and n.value == ind.target.num.value):
                            continue
                        if stated_as_goal(sent, n.start):
                            continue  # the year's target restated, whatever the form's target cell reads
                        key = (ind.name, n.raw)
                        if key in seen:
                            continue
                        seen.add(key)
                        quote = sent[max(0, n.start - 16):n.end + 4].strip()
                        yield self.finding(f"文中“{quote}”与绩效自评表指标“{ind.name[:24]}”实际完成值 {ind.actual.text} 不一致",
                                           expected=ind.actual.text, found=n.raw.strip(),
                                           locations=[u.loc.quoting(quote), ind.loc("actual")])
