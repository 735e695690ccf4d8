"""Footing, balances and rates: sum, balance and rate rules."""

from __future__ import annotations

from decimal import Decimal

from checker.check.options import Option, within
from checker.check.registry import Rule, register
from checker.understand import intervals as tol
from checker.understand.facts import Loc
from checker.understand.lazyre import lazy
from checker.understand.matching import pair_items
from checker.understand.narrative import vocabulary
from checker.understand.numbers import Num, looks_percent, parse_number, with_unit
from checker.understand.tables import CONCEPT_ZH, MONEY_COLS, Region, Row

_LETTER_SUM = lazy(r"[A-H](?:[+\-−－][A-H])+")
_LETTER_RATIO = lazy(r"([A-H])[/÷／]([A-H])")


def _num(row: Row, concept: str) -> Num | None:
    v = row.values.get(concept)
    return v.num if v is not None else None


def _row_name(row: Row) -> str:
    return row.label[:30] if row.label else f"第{row.index + 1}行"


def _row_consistent(reg: Region, row: Row) -> bool:
    """Whether a row's own identities hold: balance = budget (or arrived) − spent, rate = spent ÷ budget."""
    d = max((reg.decimals(c) for c in MONEY_COLS if c in reg.columns), default=2)
    spent = _num(row, "spent")
    base = reg.budget_concept
    budgets = [n for n in (_num(row, base) if base else None, _num(row, "arrived")) if n is not None]
    bal = _num(row, "balance")
    if spent is not None and bal is not None and budgets:
        if not any(tol.overlaps(tol.sub(tol.num_ival(b, d), tol.num_ival(spent, d)), tol.num_ival(bal, d))
                   for b in budgets):
            return False
    rate = _num(row, "rate")
    if rate is not None and spent is not None and budgets and budgets[0].value:
        q = tol.div(tol.num_ival(spent, d), tol.num_ival(budgets[0], d))
        if q is not None:
            scale = Decimal(100) if looks_percent(rate) else Decimal(1)
            if not tol.overlaps((q[0] * scale, q[1] * scale), tol.num_ival(rate)):
                return False
    return True


@register
class ColumnTotal(Rule):
    code = "PC101"
    name = "column-total"
    category = "sum"
    title = "资金表各列合计应等于各子项目之和"
    explain = ("专项资金到位及使用情况表（及同类资金表）中，每一金额列的“合计”行应等于其上各子项目行之和；"
               "按书写精度（列中最精确的小数位）计算容差，四舍五入差异不报。")
    fail_example = "子项目支出 17.6、95.75、…，合计写作 1106.49，而各行之和为 1160.49。"
    pass_example = "各行实际支出之和 1160.49，合计行 1160.49。"

    def check(self, facts):
        for reg in facts.regions_of("fund") + facts.regions_of("selfeval_funds"):
            total = reg.total_row
            if reg.kind == "selfeval_funds":
                yield from self._funds_block(reg)
                continue
            if total is None:
                continue
            parts = [r for r in reg.rows if r.kind is None]
            subtotals = [r for r in reg.rows if r.kind == "subtotal"]
            if subtotals:
                yield from self._groups(reg)
            for concept in MONEY_COLS:
                if concept not in reg.columns:
                    continue
                tnum = _num(total, concept)
                if tnum is None:
                    continue
                nums = [_num(r, concept) for r in parts]
                present = [n for n in nums if n is not None]
                if not present:
                    continue
                d = reg.decimals(concept)
                footing = tol.foot(present, tnum, d)
                if footing.ok:
                    continue
                if subtotals:
                    sub_nums = [_num(r, concept) for r in subtotals if _num(r, concept) is not None]
                    if sub_nums and tol.foot(sub_nums, tnum, d).ok:
                        continue
                exp = footing.expected
                zero = tnum.value == 0 and exp != 0
                label = CONCEPT_ZH.get(concept, concept)
                e = tol.fmt(exp, d, tnum.raw)
                msg = (f"资金表“{label}”列合计为 0，但各子项目之和为 {e}" if zero else
                       f"资金表“{label}”列合计 {tnum.raw} 与各子项目之和 {e} 不符")
                suspects = [r for r in parts if concept in r.values and r.values[concept].num is not None
                            and not _row_consistent(reg, r)]
                if 0 < len(suspects) <= 2 and not zero:
                    # a row whose own balance or rate no longer holds is where the figure was changed
                    # (a total of 0 is the fault itself: every row's rate then "fails" against it)
                    msg += "；可疑行：" + "、".join(f"“{_row_name(r)}”{r.values[concept].num.raw.strip()}"
                                                for r in suspects)
                yield self.finding(msg + (f"（{reg.unit}）" if reg.unit else ""),
                                   expected=e, found=tnum.raw.strip(),
                                   difference=tol.fmt(tnum.value - exp, d),
                                   locations=[total.values[concept].loc], unit=reg.unit)

    def _groups(self, reg: Region):
        """Each 小计 against the rows of its group (the rows since the previous 小计)."""
        group: list[Row] = []
        for row in reg.rows:
            if row.kind is None:
                group.append(row)
                continue
            if row.kind != "subtotal" or not group:
                group = []
                continue
            for concept in MONEY_COLS:
                tnum = _num(row, concept)
                nums = [n for n in (_num(r, concept) for r in group) if n is not None]
                if concept not in reg.columns or tnum is None or not nums:
                    continue
                d = reg.decimals(concept)
                footing = tol.foot(nums, tnum, d)
                if footing.ok:
                    continue
                exp = footing.expected
                e = tol.fmt(exp, d, tnum.raw)
                yield self.finding(f"资金表小计“{CONCEPT_ZH.get(concept, concept)}”{tnum.raw.strip()} 与本组 {len(nums)} 行之和 {e} 不符",
                                   expected=e, found=tnum.raw.strip(), difference=tol.fmt(tnum.value - exp, d),
                                   locations=[row.values[concept].loc])
            group = []

    def _funds_block(self, reg: Region):
        """年度资金总额 = 当年财政拨款 + 上年结转 + 其他资金, per money column."""
        total = next((r for r in reg.rows if r.kind == "funds_total"), None)
        parts = [r for r in reg.rows if r.kind in ("funds_fiscal", "funds_carry", "funds_other")]
        if total is None or not parts:
            return
        for concept in ("initial_budget", "adjusted_budget", "budget", "spent"):
            tnum = _num(total, concept)
            nums = [n for n in (_num(r, concept) for r in parts) if n is not None]
            if tnum is None or not nums:
                continue
            d = reg.decimals(concept)
            footing = tol.foot(nums, tnum, d)
            if not footing.ok:
                exp = footing.expected
                yield self.finding(
                    f"自评表“{CONCEPT_ZH.get(concept, concept)}”的年度资金总额 {tnum.raw} 与其中各项之和 "
                    f"{tol.fmt(exp, d)} 不符", expected=tol.fmt(exp, d), found=tnum.raw.strip(),
                    difference=tol.fmt(tnum.value - exp, d), locations=[total.values[concept].loc])


def _other_totals(facts) -> list[Num]:
    out = []
    for reg in facts.regions:
        if reg.kind == "fund":
            rows = [r for r in reg.rows if r.kind in ("total", "subtotal")]
        else:
            rows = [r for r in reg.rows if r.kind and r.kind.startswith("funds")]
        for row in rows:
            for c in ("budget", "adjusted_budget", "initial_budget", "arrived"):
                v = row.values.get(c)
                if v is not None and v.num is not None:
                    out.append(v.num)
    return out


@register
class Breakdowns(Rule):
    code = "PC102"
    name = "breakdowns-agree"
    category = "sum"
    title = "同一总额的两种分解（按收入性质、按支出性质、按资金来源）合计应一致"
    explain = ("部门整体报告常把同一预算总额按收入性质和按支出性质各列一表；两表同一列的合计必须相等。"
               "只比较数额相近（相差 10% 以内）的合计，以免把项目支出表与部门总表相比。")
    fail_example = "按收入性质全年预算合计 2974.2739 万元，按支出性质合计 2911.2739 万元。"
    pass_example = "两表合计均为 2911.2739 万元。"
    options = (Option("same_total_window", "window", "两个合计之比在此区间内才视为同一总额的两种分解"),)

    def check(self, facts):
        totals = []
        for reg in facts.regions_of("fund"):
            tr = reg.total_row
            if tr is None:
                continue
            for c in ("initial_budget", "adjusted_budget", "budget"):
                v = tr.values.get(c)
                if v is not None and v.num is not None and v.num.value:
                    totals.append((reg, c, v))
        seen = set()
        for i, (ra, ca, va) in enumerate(totals):
            for rb, cb, vb in totals[i + 1:]:
                if ra is rb or (ca != cb and "initial_budget" in (ca, cb)):
                    continue
                a, b = va.num, vb.num
                d = max(ra.decimals(ca), rb.decimals(cb))
                if tol.overlaps(tol.num_ival(a, d), tol.num_ival(b, d)):
                    continue
                ratio = a.value / b.value if b.value else Decimal(0)
                if not within(self.opt("same_total_window"), ratio):
                    continue
                key = (a.raw, b.raw)
                if key in seen:
                    continue
                seen.add(key)
                yield self.finding(f"同一{CONCEPT_ZH[ca]}的两种分解合计不一致：表{ra.table.index + 1}为 {a.raw.strip()}，"
                                   f"表{rb.table.index + 1}为 {b.raw.strip()}", expected=b.raw.strip(), found=a.raw.strip(),
                                   difference=tol.fmt(a.value - b.value, d), locations=[va.loc, vb.loc])
        yield from self._inline(facts)

    def _inline(self, facts):
        """Breakdowns written in cells ("按收入性质分：2030.12" | "按支出性质分：1925.67"): each one's parts
        add up to its own total, and every breakdown of one table splits the same total. Where the
        others agree with each other (or with the funds block's 全年预算数), the odd one is reported."""
        by_table: dict[int, list] = {}
        for bd in facts.inline_breakdowns:
            by_table.setdefault(id(bd.table), []).append(bd)
            if len(bd.parts) >= 2:
                d = max([bd.total.decimals] + [p.num.decimals for p in bd.parts])
                s = tol.add(tol.num_ival(p.num, d) for p in bd.parts)
                if not tol.overlaps(s, tol.num_ival(bd.total, d)):
                    parts = " + ".join(p.num.raw.strip() for p in bd.parts)
                    yield self.finding(f"“{bd.head}”各项之和 {parts} = {tol.fmt(tol.mid(s), d)}，与所列合计 "
                                       f"{bd.total.raw.strip()} 不符", expected=tol.fmt(tol.mid(s), d),
                                       found=bd.total.raw.strip(), difference=tol.fmt(bd.total.value - tol.mid(s), d),
                                       locations=[bd.loc] + [p.loc for p in bd.parts])
        ref = facts.funds_value("adjusted_budget") or facts.funds_value("budget")
        for group in by_table.values():
            if len(group) < 2:
                continue
            d = max(bd.total.decimals for bd in group)

            def same(a: Num, b: Num, d: int = d) -> bool:
                return tol.overlaps(tol.num_ival(a, d), tol.num_ival(b, d))
            if all(same(group[0].total, bd.total) for bd in group[1:]):
                continue
            # the odd one out: the breakdown whose total neither the others nor the block's total share
            for bd in group:
                others = [o for o in group if o is not bd]
                if all(same(o.total, others[0].total) for o in others) and not same(bd.total, others[0].total) and (
                        (ref is not None and same(others[0].total, ref)) or len(others) > 1):
                    agreed = others[0]
                    also = f"（年度资金总额亦为 {ref.raw.strip()}）" if ref is not None and same(agreed.total, ref) else ""
                    yield self.finding(f"“{bd.head}”合计 {bd.total.raw.strip()} 与“{agreed.head}”合计 "
                                       f"{agreed.total.raw.strip()} 不一致{also}，同一总额的两种分解应相等",
                                       expected=agreed.total.raw.strip(), found=bd.total.raw.strip(),
                                       difference=tol.fmt(bd.total.value - agreed.total.value, d),
                                       locations=[bd.loc, agreed.loc])
                    break
            else:
                a, b = group[0], group[1]
                yield self.finding(f"“{a.head}”合计 {a.total.raw.strip()} 与“{b.head}”合计 {b.total.raw.strip()} 不一致，"
                                   "同一总额的两种分解应相等", expected=b.total.raw.strip(), found=a.total.raw.strip(),
                                   difference=tol.fmt(a.total.value - b.total.value, d),
                                   locations=[a.loc, b.loc])


@register
class AllocationTotal(Rule):
    code = "PC103"
    name = "allocation-total"
    category = "sum"
    title = "指标文件下达金额之和应等于资金总额"
    explain = "资金投入情况中列出的各指标文件（如“州财行集字（2022）0144号指标文件下达1113万元”）金额之和，应等于项目资金总额。"
    fail_example = "0144号下达 1113 万元、0148号下达 678 万元，合计 1791 万元，而预算为 1800 万元。"
    pass_example = "1113 + 687 = 1800 万元。"
    options = (Option("allocation_window", "window", "文件金额之和与资金总额之比在此区间内才比较（区间外视为只涉及部分资金）"),)

    def check(self, facts):
        ref = facts.budget_total
        if ref is None:
            return
        tnum, tloc = ref
        unit = "万元"
        seen: set = set()
        for group in facts.allocations:
            if len(group) < 2:
                continue  # one document named on its own is usually a part, not the whole
            key = tuple(sorted((a.docno, a.num.raw) for a in group))
            if key in seen:
                continue
            seen.add(key)
            d = max(a.num.decimals for a in group)
            s = tol.add(tol.num_ival(a.num, d, unit=unit) for a in group)
            t = tol.num_ival(with_unit(tnum, "万元"), None, unit=unit)
            if tol.overlaps(s, t):
                continue
            if any(tol.overlaps(s, tol.num_ival(with_unit(n, "万元"), None, unit=unit))
                   for n in _other_totals(facts)):
                continue  # the documents add up to another stated total (before 统筹整合, a department total)
            total_mid = tol.mid(t)
            if total_mid == 0 or not within(self.opt("allocation_window"), tol.mid(s) / total_mid):
                continue  # documents covering only part of the money (or another fund)
            docs = "、".join(f"{a.docno} {a.num.raw.strip()}" for a in group)
            # both operands in 万元: the fund total may be written in 元 (9,740,000.00 → 974.00)
            total_text = tol.fmt(total_mid, d)
            as_written = "" if tnum.unit == unit else f"（{tnum.raw.strip()}{tnum.unit or ''}）"
            yield self.finding(
                f"指标文件下达金额之和 {tol.fmt(tol.mid(s), d)} 万元与资金总额 {total_text} 万元{as_written}不符（{docs}）",
                expected=total_text, found=tol.fmt(tol.mid(s), d), unit=unit,
                difference=tol.fmt(tol.mid(s) - total_mid, d), locations=[a.loc for a in group] + [tloc])


@register
class SourcesTotal(Rule):
    code = "PC104"
    name = "sources-total"
    category = "sum"
    title = "资金来源（中央/省/州市/县/自筹/其他）之和应等于计划投资额和实际到位资金"
    explain = "自评报告表中“其中”各资金来源之和，应分别等于计划投资额与实际到位资金。"
    fail_example = "计划投资额 1800 万元，其中州财政 1700 万元，其余为空。"
    pass_example = "计划投资额 1800 万元，其中州财政 1800 万元。"

    def check(self, facts):
        for side, total_key, label in (("plan", "plan_total", "计划投资额"), ("arrived", "arrived_total", "实际到位资金")):
            totals = [(n, loc) for n, loc in facts.summary.get(total_key, []) if n is not None]
            parts = [(n, loc) for key, vals in facts.summary.items() if key.startswith(f"{side}.source_")
                     for n, loc in vals if n is not None]
            if not totals or not parts:
                continue
            tnum, tloc = totals[0]
            d = max([tnum.decimals] + [n.decimals for n, _ in parts])
            footing = tol.foot([n for n, _ in parts], tnum, d)
            if footing.ok:
                continue
            exp = footing.expected
            yield self.finding(f"{label} {tnum.raw.strip()} 与其中各资金来源之和 {tol.fmt(exp, d)} 不符",
                               expected=tol.fmt(exp, d), found=tnum.raw.strip(),
                               difference=tol.fmt(tnum.value - exp, d),
                               locations=[tloc] + [loc for _, loc in parts])


@register
class ListedItemsTotal(Rule):
    code = "PC108"
    name = "listed-items-total"
    category = "sum"
    title = "概况中列举的各子项目金额之和应等于资金总额"
    explain = "项目概况“用于：A 80万元；B 30万元；…”所列金额之和应等于安排的资金总额。"
    fail_example = "用于：A 80万元；B 30万元；…，合计 1780 万元，而资金总额为 1800 万元。"
    pass_example = "所列 7 项合计 1800 万元。"
    options = (Option("listed_total_window", "window", "所列金额之和与资金总额之比在此区间内才比较"),)

    def check(self, facts):
        ref = facts.budget_total
        if ref is None:
            return
        tnum, tloc = ref
        seen = set()
        for items in facts.listed:
            if not all(it.num is not None and it.num.is_money for it in items):
                continue
            # only a list of the sub-projects (most items pair with fund-table rows) is their total
            if facts.fund is not None and len(pair_items(items, facts.fund)) * 2 < len(items):
                continue
            key = tuple((it.name, it.num.raw) for it in items)
            if key in seen:
                continue
            seen.add(key)
            # a list with a total of its own in the text ("资金10.7万元。其中：A 10万元；B 0.7万元") is
            # one source's breakdown, judged against that total by PC111, not against the budget
            values = sorted(it.num.value for it in items)
            if any(sorted(p.value for p in ns.parts) == values for ns in facts.narrative.sums):
                continue
            d = max(it.num.decimals for it in items)
            # judged and told in the list's own unit where list and total share one (亿元 beside 亿元)
            u = tnum.unit if tnum.unit and all(it.num.unit == tnum.unit for it in items) else "万元"
            s = tol.add(tol.num_ival(it.num, d, unit=u) for it in items)
            t = tol.num_ival(with_unit(tnum, u), None, unit=u)
            if tol.overlaps(s, t) or any(tol.overlaps(s, tol.num_ival(with_unit(n, u), None, unit=u))
                                         for n in _other_totals(facts) if n.to_unit(u) is not None):
                continue
            mid_t = tol.mid(t)
            if mid_t == 0 or not within(self.opt("listed_total_window"), tol.mid(s) / mid_t):
                continue
            # a few parts are named in the message, so the slip can be found without the page
            parts = ("（" + " + ".join(it.num.raw.strip() for it in items) + "）") if len(items) <= 6 else ""
            yield self.finding(f"概况所列 {len(items)} 个子项目金额之和{parts} {tol.fmt(tol.mid(s), d)} {u}与资金总额 "
                               f"{tnum.raw.strip()} 不符", expected=tnum.raw.strip(),
                               found=tol.fmt(tol.mid(s), d), difference=tol.fmt(tol.mid(s) - mid_t, d),
                               locations=[items[0].loc, tloc])


_TERM = lazy(r"([+\-−－]?)([A-H])")


@register
class HeaderFormula(Rule):
    code = "PC109"
    name = "header-formula"
    category = "sum"
    title = "表头写明的计算关系（如 C=A−B）每行都应成立"
    explain = "转移支付等表格在表头写出列间关系（扣除后(C=A−B)、结余(F=C−E)），每一行及合计行都应满足该关系。"
    fail_example = "预算数(A) 7,368,000.00，统筹整合(B) 920,000.00，扣除后(C=A−B) 填 6,488,000.00。"
    pass_example = "扣除后 6,448,000.00 = 7,368,000.00 − 920,000.00。"

    def check(self, facts):
        for reg in facts.regions_of("fund") + facts.regions_of("selfeval_funds"):
            for col, f in reg.formulas.items():
                if not _LETTER_SUM.fullmatch(f):
                    continue
                terms = [(sign in ("-", "−", "－"), reg.letters.get(letter)) for sign, letter in _TERM.findall(f)]
                if any(c is None for _, c in terms):
                    continue
                for row in reg.rows:
                    target = cell_num(reg, row, col)
                    parts = [(neg, cell_num(reg, row, c)) for neg, c in terms]
                    if target is None or any(n is None for _, n in parts):
                        continue
                    d = max([target.decimals] + [n.decimals for _, n in parts])
                    acc = (Decimal(0), Decimal(0))
                    for neg, n in parts:
                        iv = tol.num_ival(n, d)
                        acc = tol.sub(acc, iv) if neg else tol.add([acc, iv])
                    if tol.overlaps(acc, tol.num_ival(target, d)):
                        continue
                    exp = tol.mid(acc)
                    cell = reg.table.at(row.index, col)
                    e = tol.fmt(exp, d, target.raw)
                    yield self.finding(f"“{_row_name(row)}”按表头关系 {f} 应为 {e}，表中为 {target.raw.strip()}",
                                       expected=e, found=target.raw.strip(),
                                       difference=tol.fmt(target.value - exp, d),
                                       locations=[Loc.of_cell(reg.table, cell)])


def _head(reg: Region, col: int) -> str:
    c = reg.table.at(reg.header_rows[-1], col)
    return c.text if c is not None and c.text else f"第{col + 1}列"


@register
class RowIdentity(Rule):
    code = "PC110"
    name = "row-identity"
    category = "sum"
    title = "表内各行共同遵守的列间关系（如 总投资 = 中央补助 + 地方配套）在某一行不成立"
    explain = ("资金表中一列等于另两列之和的关系（总投资 = 中央补助 + 地方配套，保费总额 = 财政补贴 + 农户自缴……）"
               "在其余各行都成立时，唯独不成立的那一行通常是填错的数字。至少 4 行成立才推断该关系。")
    fail_example = "各小区 总投资 = 中央补助 + 地方配套，纺织厂小区 350 + 168 却填 581。"
    pass_example = "每一行都满足该关系。"

    def check(self, facts):
        for reg in facts.regions_of("fund"):
            rows = [r for r in reg.rows if r.kind is None]
            if len(rows) < 4:
                continue
            cols = sorted({c.col for r in rows for c in reg.table.row_cells(r.index)
                           if c.row == r.index and cell_num(reg, r, c.col) is not None})
            grid = {(r.index, c): cell_num(reg, r, c) for r in rows for c in cols}
            money_cols = [c for c in cols if all(grid[(r.index, c)] is None or not grid[(r.index, c)].is_percent
                                                 for r in rows)]
            reported = set()
            for t in money_cols:
                for i, a in enumerate(money_cols):
                    for b in money_cols[i + 1:]:
                        if t in (a, b):
                            continue
                        bad, good = [], 0
                        for r in rows:
                            nt, na, nb = grid[(r.index, t)], grid[(r.index, a)], grid[(r.index, b)]
                            if nt is None or na is None or nb is None:
                                continue
                            d = max(nt.decimals, na.decimals, nb.decimals)
                            if tol.foot([na, nb], nt, d).ok:
                                good += 1
                            else:
                                bad.append((r, nt, na, nb, d))
                        if good >= 4 and len(bad) == 1 and (bad[0][0].index, t) not in reported:
                            r, nt, na, nb, d = bad[0]
                            reported.add((r.index, t))
                            exp = na.value + nb.value
                            e = tol.fmt(exp, d, nt.raw)
                            yield self.finding(
                                f"“{_row_name(r)}”{_head(reg, t)} {nt.raw.strip()} ≠ {_head(reg, a)} {na.raw.strip()} + "
                                f"{_head(reg, b)} "
                                f"{nb.raw.strip()} = {e}（其余 {good} 行均满足该关系）", expected=e, found=nt.raw.strip(),
                                difference=tol.fmt(nt.value - exp, d),
                                locations=[Loc.of_cell(reg.table, reg.table.at(r.index, t))])


def _balance_matches(reg: Region, base: str) -> int:
    d = max(reg.decimals(c) for c in ("balance", "spent", base))
    n = 0
    for row in reg.rows:
        b, s, bal = _num(row, base), _num(row, "spent"), _num(row, "balance")
        if b is not None and s is not None and bal is not None and \
                tol.overlaps(tol.sub(tol.num_ival(b, d), tol.num_ival(s, d)), tol.num_ival(bal, d)):
            n += 1
    return n


@register
class Balance(Rule):
    code = "PC201"
    name = "balance"
    category = "balance"
    title = "结转结余应等于预算（或到位）减实际支出"
    explain = "资金表每一行及合计行：结转结余 = 预算安排（或实际到位）− 实际支出；按书写精度计算容差。"
    fail_example = "预算 230，支出 85.82，结转结余写作 141.18（应为 144.18）。"
    pass_example = "预算 230，支出 85.82，结转结余 144.18。"

    def check(self, facts):
        for reg in facts.regions_of("fund"):
            if "balance" not in reg.columns or "spent" not in reg.columns:
                continue
            bases = [c for c in (reg.budget_concept, "arrived") if c and c in reg.columns]
            if not bases:
                continue
            # the base the table implies (到位 − 支出 where arrival fell short) goes first in messages
            bases.sort(key=lambda c: -_balance_matches(reg, c))
            d = max(reg.decimals(c) for c in ["balance", "spent", *bases])
            total_ok = all(column_foots(reg, c) for c in ["balance", "spent", *bases])
            for row in reg.rows:
                bal, spent = _num(row, "balance"), _num(row, "spent")
                if bal is None or spent is None or (row.kind == "total" and not total_ok):
                    continue
                ok, expected = False, None
                for base in bases:
                    b = _num(row, base)
                    if b is None:
                        continue
                    exp = tol.sub(tol.num_ival(b, d), tol.num_ival(spent, d))
                    expected = expected if expected is not None else (tol.mid(exp), b, base)
                    if tol.overlaps(exp, tol.num_ival(bal, d)):
                        ok = True
                        break
                if ok or expected is None:
                    continue
                exp_v, b, base = expected
                e = tol.fmt(exp_v, d, bal.raw)
                yield self.finding(
                    f"“{_row_name(row)}”结转结余 {bal.raw.strip()} ≠ {CONCEPT_ZH[base]} {b.raw.strip()} − 实际支出 "
                    f"{spent.raw.strip()} = {e}", expected=e, found=bal.raw.strip(),
                    difference=tol.fmt(bal.value - exp_v, d), locations=[row.values["balance"].loc],
                    unit=bal.unit if bal.is_money else None)


def cell_num(reg: Region, row: Row, col: int) -> Num | None:
    """The figure in any column of a row (also columns without a known concept)."""
    c = reg.table.at(row.index, col)
    if c is None or c.row != row.index:
        return None
    n = parse_number(c.text, default_unit=reg.unit)
    if n is None or n.kind != "amount":
        return None
    return with_unit(n, reg.unit) if not n.is_percent else n


def formula_operands(reg: Region, col: int) -> tuple[int, int] | None:
    """(numerator, denominator) columns of a rate whose header writes its formula (执行率(E/C))."""
    f = reg.formulas.get(col, "")
    m = _LETTER_RATIO.fullmatch(f)
    if m and m.group(1) in reg.letters and m.group(2) in reg.letters:
        return reg.letters[m.group(1)], reg.letters[m.group(2)]
    return None


def column_foots(reg: Region, concept: str) -> bool:
    """Whether a column's 合计 is the sum of its rows (when it is not, PC101 reports it, and the
    total row's balance and rate built on it are knock-on effects, not faults of their own)."""
    tr = reg.total_row
    if tr is None or concept not in reg.columns or _num(tr, concept) is None:
        return True
    nums = [n for n in (_num(r, concept) for r in reg.rows if r.kind is None) if n is not None]
    if not nums:
        return True
    return tol.foot(nums, _num(tr, concept), reg.decimals(concept)).ok


def _rate_findings(rule: Rule, reg: Region, row: Row, rate_c: str, num_c: str, den_c: str, where: str):
    if row.kind == "total" and reg.kind == "fund" and not (column_foots(reg, num_c) and column_foots(reg, den_c)):
        return
    rate, num, den = _num(row, rate_c), _num(row, num_c), _num(row, den_c)
    ops = formula_operands(reg, reg.columns[rate_c])
    if ops is not None:
        num, den = cell_num(reg, row, ops[0]), cell_num(reg, row, ops[1])
    if rate is None or num is None or den is None:
        return
    if den.value == 0:
        return  # 0/0 printed as 0.00% or — is not a fault
    dm = max(reg.decimals(num_c), reg.decimals(den_c), num.decimals, den.decimals)
    dr = max(reg.decimals(rate_c), rate.decimals)
    r_iv = tol.num_ival(rate, dr)
    pct = rate.is_percent or "%" in (reg.table.at(reg.header_rows[0], reg.columns[rate_c]).text
                                     if reg.table.at(reg.header_rows[0], reg.columns[rate_c]) else "")
    scale = Decimal(100) if looks_percent(rate, pct) else Decimal(1)
    q = tol.div(tol.num_ival(num, dm), tol.num_ival(den, dm))
    if q is None:
        return
    q = (q[0] * scale, q[1] * scale)
    if tol.overlaps(q, r_iv):
        return
    exp = tol.mid(q)
    unit = "%" if scale == 100 else ""
    yield rule.finding(
        f"{where}“{_row_name(row)}”{CONCEPT_ZH[rate_c]} {rate.raw.strip()} 与 {num.raw.strip()} ÷ {den.raw.strip()} = "
        f"{tol.fmt(exp, dr)}{unit} 不符", expected=f"{tol.fmt(exp, dr)}{unit}", found=rate.raw.strip(),
        difference=tol.fmt(rate.value - exp, dr), locations=[row.values[rate_c].loc])


@register
class ExecutionRate(Rule):
    code = "PC301"
    name = "execution-rate"
    category = "rate"
    title = "预算执行率应等于实际支出 ÷ 预算"
    explain = ("资金表每行及合计、自评表资金块：执行率 = 支出 ÷ 预算。判断时考虑两边的书写精度："
               "1160.49 ÷ 1800 = 64.4717%，写 64.47% 成立，写 64.48% 不成立。")
    fail_example = "支出 1160.49，预算 1800，执行率写作 64.74%。"
    pass_example = "支出 1160.49，预算 1800，执行率 64.47%。"

    def check(self, facts):
        for reg in facts.regions_of("fund") + facts.regions_of("selfeval_funds"):
            if "rate" not in reg.columns or "spent" not in reg.columns:
                continue
            den_c = "adjusted_budget" if reg.kind == "selfeval_funds" and "adjusted_budget" in reg.columns \
                else reg.budget_concept
            if den_c is None:
                continue
            where = "自评表" if reg.kind == "selfeval_funds" else "资金表"
            for row in reg.rows:
                yield from _rate_findings(self, reg, row, "rate", "spent", den_c, where)


@register
class ArrivalRate(Rule):
    code = "PC302"
    name = "arrival-rate"
    category = "rate"
    title = "资金到位率应等于实际到位 ÷ 预算"
    explain = "资金到位率 = 实际到位资金 ÷ 预算安排，表格与正文中写出的到位率都应与之相符。"
    fail_example = "预算 1800，到位 1700，正文写“资金到位率100%”。"
    pass_example = "预算 1800，到位 1800，资金到位率 100%。"

    def check(self, facts):
        for reg in facts.regions_of("fund"):
            if "rate_arrival" in reg.columns and "arrived" in reg.columns and reg.budget_concept:
                for row in reg.rows:
                    yield from _rate_findings(self, reg, row, "rate_arrival", "arrived", reg.budget_concept, "资金表")
        reg = facts.fund
        base = reg.budget_concept if reg is not None else None
        budget = facts.total(base) if base else None
        arrived = facts.total("arrived")
        if budget is None or arrived is None:
            return
        dm = max(reg.decimals("arrived"), reg.decimals(reg.budget_concept or "budget"))

        def total_of(concept: str, got) -> tuple:
            # a 合计 that does not foot (PC101 reports it) gives way to the sum of the rows
            if column_foots(reg, concept):
                return tol.num_ival(got[0], dm), got[0].raw.strip()
            iv = tol.add(tol.num_ival(r.values[concept].num, dm) for r in reg.data_rows
                         if r.values.get(concept) and r.values[concept].num is not None)
            return iv, tol.fmt(tol.mid(iv), dm)

        (a_iv, a_txt), (b_iv, b_txt) = total_of("arrived", arrived), total_of(base, budget)
        q = tol.div(a_iv, b_iv)
        if q is None:
            return
        q = (q[0] * 100, q[1] * 100)
        for s in facts.stated:
            if s.concept != "rate_arrival":
                continue
            if not tol.overlaps(q, tol.num_ival(s.num)):
                exp = tol.mid(q)
                yield self.finding(f"文中资金到位率 {s.num.raw.strip()} 与到位 {a_txt} ÷ 预算 {b_txt} = "
                                   f"{tol.fmt(exp, 2)}% 不符", expected=f"{tol.fmt(exp, 2)}%", found=s.num.raw.strip(),
                                   locations=[s.loc, arrived[1]])


@register
class HeaderRatio(Rule):
    code = "PC306"
    name = "header-ratio"
    category = "rate"
    title = "表头写明的比率（如 控制率 = 实际在职人数 ÷ 编制数）应与同一行的两列相符"
    explain = ("部门整体支出绩效评价基础数据表等表格把比率和它的两个组成列并排写出（编制数 | 实际在职人数 | 控制率），"
               "每一行的比率应等于两列之比；按两边的书写精度判断。哪些表头构成比率，由 rules/lexicon.toml 的 [ratios] 给出。")
    fail_example = "编制数 46，实际在职人数 50，控制率填 92.00%（应为 108.70%）。"
    pass_example = "编制数 46，实际在职人数 50，控制率 108.70%。"

    def check(self, facts):
        for hr in facts.header_ratios:
            if hr.den.value == 0:
                continue
            dm = max(hr.num.decimals, hr.den.decimals)
            if hr.exact and dm == 0:  # head counts: 50 ÷ 46 exactly
                q = tol.div((hr.num.value, hr.num.value), (hr.den.value, hr.den.value))
            else:
                q = tol.div(tol.num_ival(hr.num, dm), tol.num_ival(hr.den, dm))
            if q is None:
                continue
            scale = Decimal(100) if looks_percent(hr.rate) else Decimal(1)
            q = (q[0] * scale, q[1] * scale)
            if tol.overlaps(q, tol.num_ival(hr.rate, hr.rate.decimals)):
                continue
            exp = tol.fmt(tol.mid(q), hr.rate.decimals)
            unit = "%" if scale == 100 else ""
            yield self.finding(f"{hr.rate_name} {hr.rate.raw.strip()} 与 {hr.num_name} {hr.num.raw.strip()} ÷ "
                               f"{hr.den_name} {hr.den.raw.strip()} = {exp}{unit} 不符",
                               expected=f"{exp}{unit}", found=hr.rate.raw.strip(),
                               difference=tol.fmt(hr.rate.value - tol.mid(q), hr.rate.decimals),
                               locations=[hr.rate_loc] + hr.locs)


@register
class OverExecution(Rule):
    code = "PC303"
    name = "over-execution"
    category = "rate"
    severity = "warning"
    title = "超预算支出：执行率超过 100% 或子项目支出超过其预算"
    explain = ("支出超过预算（执行率 > 100%）通常意味着超支或数字填错，需要说明；没有资金表的叙述报告，"
               "文中所称已拨付（支出）金额超过报告所述最大的预算金额且未说明超支原因时同样提示。")
    fail_example = "某子项目预算 200，支出 210.5，执行率 105.25%。"
    pass_example = "支出不超过预算。"

    def _narrative(self, facts):
        """A report told in sentences only: an amount it says was paid above the budget it states
        ("安排资金700万元……已拨付工程款760万元"), unless the report explains the overspend."""
        b = facts.budget_total
        if b is None or not b.num.is_money:
            return
        # the largest budget the report states: "全年可用资金5万元，其中……当年下达3万元" spends up to 5
        budgets = [s.num for s in facts.stated if s.concept == "budget"] + [s.total for s in facts.narrative.sums]
        budgets = [n for n in budgets if n.to_unit(b.num.unit) is not None]
        if any(n.to_unit(b.num.unit) > b.num.value for n in budgets):
            return
        lx = vocabulary()
        if any(any(w in u.text for w in lx.overspend_explained) for u in facts.units):
            return
        for st in facts.stated:
            v = st.num.to_unit(b.num.unit) if st.concept == "spent" else None
            if v is None or v - b.num.value <= tol.half(max(b.num.decimals, st.num.decimals)) * 2:
                continue
            yield self.finding(f"文中{st.num.raw.strip()}（“{st.sentence[:30]}”）超过报告所述预算 {b.num.raw.strip()}，"
                               "报告未说明超支原因", expected=f"≤ {b.num.raw.strip()}（或说明超支原因）",
                               found=st.num.raw.strip(), locations=[st.loc, b.loc])
            return

    def check(self, facts):
        fund_hit = False
        # A table of several years (上年决算 / 本年预算 / 本年决算) states the year's budget as first
        # passed; where the 自评表 shows that budget raised during the year (全年 > 年初), spending
        # above the first figure is no overspend by itself: a person should look, no more.
        ini, adj = facts.funds_value("initial_budget"), facts.funds_value("adjusted_budget")
        raised = ini is not None and adj is not None and adj.value > ini.value
        for reg in facts.regions_of("fund"):
            base = reg.budget_concept
            if base is None or "spent" not in reg.columns:
                continue
            d = max(reg.decimals(base), reg.decimals("spent"))
            soft = raised and len(reg.years) > 1 and base == "budget"
            over = []
            for row in reg.rows:
                b, s = _num(row, base), _num(row, "spent")
                if b is None or s is None:
                    continue
                if s.value - b.value > tol.half(d) * 2 and b.value > 0:
                    if soft:
                        over.append((row, b, s))
                        continue
                    fund_hit = True
                    yield self.finding(f"“{_row_name(row)}”实际支出 {s.raw.strip()} 超过预算 {b.raw.strip()}",
                                       expected=f"≤ {b.raw.strip()}", found=s.raw.strip(),
                                       difference=tol.fmt(s.value - b.value, d), locations=[row.values["spent"].loc])
            if over:
                names = "、".join(f"“{_row_name(r)}”{s.raw.strip()}（预算 {b.raw.strip()}）" for r, b, s in over[:6])
                yield self.finding(f"{len(over)} 行决算超过本年预算：{names}；自评表显示预算年中已追加，请核对",
                                   expected="≤ 本年预算（或已追加）", found=f"{len(over)} 行", severity="info",
                                   locations=[r.values["spent"].loc for r, _, _ in over])
        if not fund_hit and facts.fund is None and facts.funds_block is None:
            yield from self._narrative(facts)
        # the 自评表's funds block: spending above the year's budget must be explained somewhere
        row = facts.funds_row
        b = facts.funds_value("adjusted_budget") or facts.funds_value("budget")
        s = facts.funds_value("spent")
        if fund_hit or row is None or b is None or s is None or b.value <= 0:
            return
        d = max(b.decimals, s.decimals)
        if s.value - b.value <= tol.half(d) * 2:
            return
        lx = vocabulary()
        for u in facts.units:
            if any(w in u.text for w in lx.overspend_explained) and any(w in u.text for w in lx.overspend_reason):
                return  # explained
        yield self.finding(f"自评表全年执行数 {s.raw.strip()} 超过全年预算数 {b.raw.strip()}，报告未说明超支原因",
                           expected=f"≤ {b.raw.strip()}（或说明超支原因）", found=s.raw.strip(),
                           difference=tol.fmt(s.value - b.value, d), locations=[row.values["spent"].loc])
