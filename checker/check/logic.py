"""Claims contradicted by the figures or by the report's own words: logic rules."""

from __future__ import annotations

from checker.check.options import Option
from checker.check.registry import Rule, register
from checker.understand import lexicon
from checker.understand.facts import Loc, Paragraph, sentences
from checker.understand.lazyre import lazy
from checker.understand.narrative import vocabulary

_ALL_DONE = lazy(r"(?:[一二三四五六七八九十\d]+个)?(?:子项目|项目)[^。；，]{0,6}?(?:均已|全部|均)"
                 r"[^。；，]{0,6}?(?:完成|完工|建成)")
_ACCEPT_CLAIM = lazy(r"(?:各|全部|所有)(?:子)?项目[^，。；]{0,6}?验收合格率(?:达到|为|达)?\s*100\s*%|"
                           r"(?:均已|全部|均)(?:通过)?验收(?:合格)?")
_UNIVERSAL = lazy(r"^(?:各|全部|所有)")
_ACCEPT_PENDING = lazy(lambda: rf"(?:{lexicon.alt('claims.not_yet')})(?:{lexicon.alt('claims.pending_steps')})?"
                                 r"(?:[竣峻]工)?验收")  # 峻: an OCR slip


_NUMBERED = lazy(r"[一二三四五六七八九十（(]")


@register
class AllCompleteClaim(Rule):
    code = "PC801"
    name = "all-complete-claim"
    category = "logic"
    severity = "warning"
    title = "称子项目“均已完成”，但有子项目没有支出"
    explain = "报告称各子项目均已完成（或全部实施完成），而资金表中有子项目实际支出为 0，二者矛盾。"
    fail_example = "“七个子项目均已顺利实施完成”，而后评估费支出为 0。"
    pass_example = "各子项目均有支出，或如实说明未实施的子项目。"

    def check(self, facts):
        reg = facts.fund
        if reg is None:
            return
        idle = [r for r in reg.data_rows if r.values.get("spent") and r.values["spent"].num is not None
                and r.values["spent"].num.value == 0
                and any(r.values.get(c) and r.values[c].num is not None and r.values[c].num.value > 0
                        for c in ("budget", "adjusted_budget", "arrived"))]
        if not idle:
            return
        # the names listed are all of them, or say that more follow (等): a count must match its list
        names = "、".join(f"“{r.label}”" for r in idle[:3]) + ("等" if len(idle) > 3 else "")
        for u in facts.units:
            for _, s in sentences(u.text):
                m = _ALL_DONE.search(s)
                if m:
                    yield self.finding(f"文中称“{m.group(0)}”，但资金表中{names}实际支出为 0",
                                       expected="未支出的子项目不应称已完成", found=m.group(0),
                                       locations=[u.loc.quoting(s.strip()), idle[0].values["spent"].loc])


@register
class AcceptanceClaim(Rule):
    code = "PC802"
    name = "acceptance-claim"
    category = "logic"
    severity = "warning"
    title = "称验收合格（率100%），但报告又说尚未验收"
    explain = "报告一处称已验收合格或验收合格率100%，另一处却说项目尚未办理（竣工）验收，前后矛盾。"
    fail_example = "指标“各子项目验收合格率 100%”满分，问题部分写“部分项目尚未办理竣工验收”。"
    pass_example = "如实写明验收进度，验收合格率按实际填写。"

    def check(self, facts):
        pending = None
        for u in facts.units:
            for _, s in sentences(u.text):
                m = _ACCEPT_PENDING.search(s)
                if m:
                    pending = (u, s.strip(), m.group(0))
                    break
            if pending:
                break
        if pending is None:
            return
        pu, ps, pw = pending
        claims = []
        for ind in facts.indicator_rows:
            if "验收" in ind.name and _UNIVERSAL.search(ind.name) and ind.actual is not None \
                    and ind.actual.num is not None and ind.actual.num.value >= 100:
                claims.append((f"{ind.name} {ind.actual.text}", ind.loc("actual")))
        for u in facts.units:
            for _, s in sentences(u.text):
                m = _ACCEPT_CLAIM.search(s)
                if m and not _ACCEPT_PENDING.search(s):
                    claims.append((m.group(0), u.loc.quoting(s.strip())))
        seen = set()
        for claim, loc in claims:
            if claim in seen:
                continue
            seen.add(claim)
            yield self.finding(f"称“{claim}”，但报告又写“{pw}”（{ps[:40]}）", expected="与验收进度一致",
                               found=claim, locations=[loc, pu.loc.quoting(ps)])


_ON_BUDGET = lexicon.pattern("claims.on_budget")
_ON_TIME = lexicon.pattern("claims.on_time")


@register
class OnBudgetFullMarks(Rule):
    code = "PC803"
    name = "on-budget-full-marks"
    category = "logic"
    severity = "warning"
    title = "“按预算支出”“按时完成”类指标满分，但执行率明显偏低、资金结转"
    explain = "执行率远低于 100% 且有结转结余时，“全年按预算支出”“按时完成”等指标给满分与事实不符。"
    fail_example = "执行率 64.47%，成本指标“全年按预算支出”得 10 分（满分）。"
    pass_example = "执行率 64.47%，该指标按比例扣分并说明原因。"
    options = (Option("low_execution", "number", "执行率（%）低于此值视为偏低"),)

    def check(self, facts):
        er = facts.execution_rate
        if er is None:
            return
        rate, rate_txt, _ = er
        if rate >= self.opt("low_execution") or not facts.balance_positive:
            return
        for ind in facts.indicator_rows:
            if ind.weight is None or ind.score is None or ind.score.value < ind.weight.value:
                continue
            text = " ".join(x for x in (ind.name, ind.target.text if ind.target else "",
                                        ind.actual.text if ind.actual else "") if x)
            kind = "按预算支出" if _ON_BUDGET.search(text) else ("按时完成" if _ON_TIME.search(text) else None)
            if kind is None:
                continue
            yield self.finding(f"指标“{ind.name[:30]}”（{kind}）得满分 {ind.score.raw.strip()}，但预算执行率仅 {rate_txt}，"
                               "资金未按预算支出完毕", expected=f"< {ind.weight.raw.strip()}",
                               found=f"{ind.score.raw.strip()}（{ind.actual.text if ind.actual else ''}）",
                               locations=[ind.loc("score"), ind.loc("name")])


_NO_PROBLEM = lazy(lambda: rf"(?:{lexicon.alt('claims.no_problem_lead')})(?:{lexicon.alt('claims.no_problem_degree')})?"
                             rf"(?:的)?问题|^无$|^无。$|(?:{lexicon.alt('claims.no_deviation')})")


@register
class NoProblemClaim(Rule):
    code = "PC804"
    name = "no-problem-claim"
    category = "logic"
    severity = "warning"
    title = "称“暂无问题”，但执行率偏低或有指标未完成"
    explain = "“存在问题”部分写“暂无问题”“无”，而预算执行率偏低或有绩效指标未达成，与事实不符。"
    fail_example = "执行率 36%，存在的问题写“暂无问题”。"
    pass_example = "如实分析执行率低的原因。"
    options = (Option("low_execution", "number", "执行率（%）低于此值视为偏低"),)

    def check(self, facts):
        er = facts.execution_rate
        missed = [i for i in facts.indicator_rows if i.met() is False]
        low = er is not None and er.percent < self.opt("low_execution")
        if not low and not missed:
            return
        why = f"预算执行率仅 {er.text}" if low else f"指标“{missed[0].name[:20]}”未达成"
        lx = vocabulary()
        heading = ""
        for b in facts.doc.blocks:
            if isinstance(b, Paragraph):
                if len(b.text) <= 30 and any(w in b.text for w in lx.problem_headings) and not _NO_PROBLEM.search(b.text):
                    heading = b.text
                    continue
                if heading and len(b.text) <= 80 and _NO_PROBLEM.search(b.text) and "其他需要说明" not in heading:
                    yield self.finding(f"“{heading}”下写“{b.text}”，但{why}", expected="如实分析存在的问题",
                                       found=b.text, locations=[Loc.of_paragraph(b)])
                if len(b.text) <= 30 and not any(w in b.text for w in lx.problem_headings) \
                        and _NUMBERED.match(b.text):
                    heading = ""
            else:
                for c in b.cells:
                    if "问题" in c.text and len(c.text) <= 20:
                        nxt = b.at(c.row, c.col + c.col_span)
                        if nxt is not None and nxt is not c and len(nxt.text) <= 60 and _NO_PROBLEM.search(nxt.text):
                            yield self.finding(f"“{c.text}”一栏写“{nxt.text}”，但{why}", expected="如实分析存在的问题",
                                               found=nxt.text, locations=[Loc.of_cell(b, nxt)])


@register
class QualitativeFullMarks(Rule):
    code = "PC805"
    name = "qualitative-full-marks"
    category = "logic"
    severity = "info"
    title = "定性指标均给满分，缺少佐证"
    explain = "定性指标（效果明显、有效、达成等）全部满分时，审核人员通常要求提供佐证材料。"
    fail_example = "经济、社会、可持续效益三项定性指标均 10/10。"
    pass_example = "定性指标按“达成 80–100%、部分达成 60–80%…”分档打分并附佐证。"

    def check(self, facts):
        quali = [i for i in facts.indicator_rows if i.target is not None and not i.target.quantitative
                 and i.weight is not None and i.score is not None and i.score.value >= i.weight.value]
        if len(quali) >= 2:
            names = "、".join(f"“{i.name}”" for i in quali[:4]) + (f"等 {len(quali)} 项" if len(quali) > 4 else "")
            yield self.finding(f"{len(quali)} 项定性指标均为满分（{names}），请附佐证材料", expected=None,
                               found=f"{len(quali)} 项满分", locations=[quali[0].loc("score")])


@register
class AllOutputsDoneLowExecution(Rule):
    code = "PC806"
    name = "outputs-done-low-execution"
    category = "logic"
    severity = "warning"
    title = "产出指标全部完成，但预算执行率很低"
    explain = "全部产出指标都已达成并满分，而预算执行率不足一半，通常说明产出或资金数字有误。"
    fail_example = "执行率 20%，所有数量、质量指标均满分。"
    options = (Option("very_low_execution", "number", "执行率（%）低于此值而产出全部满分时提示"),)
    pass_example = "执行率低的年度如实反映未完成的产出。"

    def check(self, facts):
        er = facts.execution_rate
        if er is None or er.percent >= self.opt("very_low_execution"):
            return
        outs = [i for i in facts.indicator_rows if i.level1 is not None and "产出" in i.level1.text]
        if len(outs) >= 3 and all(i.score is not None and i.weight is not None and i.score.value >= i.weight.value
                                  for i in outs):
            yield self.finding(f"产出指标 {len(outs)} 项全部满分，但预算执行率仅 {er.text}", expected="产出与资金执行相符",
                               found=er.text, locations=[outs[0].loc("score")])
