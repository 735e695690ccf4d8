"""Scores, weights and grades: sum, score and grade rules over the 自评表."""

from __future__ import annotations

from decimal import Decimal

from checker.check.options import Option
from checker.check.registry import Rule, register
from checker.understand import intervals as tol
from checker.understand.facts import Loc
from checker.understand.indicators import Indicator, level1_groups, reason_missing
from checker.understand.lazyre import lazy
from checker.understand.numbers import looks_percent

_EXECUTION_RATE = lazy(r"(?:预算|资金|支出)执行率|^执行率")


@register
class ScoreTotal(Rule):
    code = "PC105"
    name = "score-total"
    category = "sum"
    title = "各指标得分之和应等于总分"
    explain = "绩效自评表中各三级指标得分（及资金执行率得分）之和应等于“总分”行的得分。"
    fail_example = "各项得分合计 95.5，总分写 96.5。"
    pass_example = "50 + 30 + 10 + 6.5 = 96.5。"

    def check(self, facts):
        tr = facts.score_total_row
        inds = facts.indicator_rows
        if tr is None or not inds:
            return
        found = []
        indicators_only = self._indicators_only(facts, tr, inds)
        for concept, label in (("weight", "分值"), ("score", "得分")):
            v = tr.values.get(concept)
            if v is None or v.num is None:
                continue
            nums = [getattr(i, concept) for i in inds if getattr(i, concept) is not None]
            if not nums:
                continue
            extra = facts.funds_value(concept)
            d = max([n.decimals for n in nums] + [v.num.decimals] + ([extra.decimals] if extra else []))
            # with the funds block's execution score, or (where the indicators already hold it, or
            # the total is the indicators' own) without.
            # Scores are awarded as written (9 is nine points, not 9 ± 0.5): the total is the rounding
            # of the written scores' sum, so each part counts exactly and only the total has a tolerance.
            options = []
            if extra is not None:
                options.append(tol.foot_written([*nums, extra], v.num))
            if extra is None or indicators_only is not False:
                options.append(tol.foot_written(nums, v.num))
            if any(o.ok for o in options):
                continue
            if concept == "score" and self._blank_scores_explain(facts, inds, nums, extra, v.num.value):
                continue  # score cells left blank (PC904) account for the gap: that blank is the fault
            exp = options[0].expected
            found.append((label, v, exp, d))
        if len(found) == 2 and found[0][1].num.value - found[0][2] == found[1][1].num.value - found[1][2]:
            # the weights and the scores miss their totals by the same amount: one misallocated weight
            # (full marks everywhere), reported once, as the weights' fault
            (_, wv, wexp, wd), (_, sv, sexp, sd) = found
            yield self.finding(f"自评表总分行“分值”{wv.num.raw.strip()} 与各项分值之和 {tol.fmt(wexp, wd)} 不符"
                               f"（“得分”{sv.num.raw.strip()} 与各项得分之和 {tol.fmt(sexp, sd)} 同样不符）",
                               expected=tol.fmt(wexp, wd), found=wv.num.raw.strip(),
                               difference=tol.fmt(wv.num.value - wexp, wd), locations=[wv.loc, sv.loc])
            return
        for label, v, exp, d in found:
            yield self.finding(f"自评表总分行“{label}”{v.num.raw.strip()} 与各项{label}之和 {tol.fmt(exp, d)} 不符",
                               expected=tol.fmt(exp, d), found=v.num.raw.strip(),
                               difference=tol.fmt(v.num.value - exp, d), locations=[v.loc])

    @staticmethod
    def _blank_scores_explain(facts, inds, nums, extra, total) -> bool:
        """Whether weighted rows with a blank score cell could hold the points the total has beyond
        the written scores: the total then counts scores the form never wrote down."""
        blank = sum((i.weight.value for i in inds if i.score is None and i.weight is not None), Decimal(0))
        fw = facts.funds_value("weight")
        if extra is None and fw is not None and facts.funds_row is not None and "score" in facts.funds_block.columns:
            blank += fw.value
        gap = total - sum((n.value for n in [*nums, *([extra] if extra is not None else [])]), Decimal(0))
        return blank > 0 and 0 < gap <= blank

    @staticmethod
    def _indicators_only(facts, tr, inds) -> bool | None:
        """Whether the total row counts the indicators alone, not the funds block's execution score:
        an indicator row that is itself the execution rate, or a total weight that leaves exactly the
        funds block's weight to 100. False where the funds block is scored and the total claims the
        whole; None where nothing tells."""
        if any(_EXECUTION_RATE.search(i.name) for i in inds):
            return True
        extra, tw = facts.funds_value("weight"), tr.values.get("weight")
        if extra is None or tw is None or tw.num is None:
            return None
        return tw.num.value + extra.value == 100


@register
class LevelWeights(Rule):
    code = "PC106"
    name = "level-weights"
    category = "sum"
    title = "三级指标分值之和应等于一级指标标注的分值"
    explain = "一级指标写明分值（如“产出指标（50分）”）时，其下各三级指标分值之和应与之相等。"
    fail_example = "产出指标（50分）下各项分值合计 45。"
    pass_example = "产出指标（50分）下 4+4+4+4+4+10+10+10 = 50。"

    def check(self, facts):
        for cell, declared, group in level1_groups(facts.indicator_rows):
            ws = [i.weight for i in group if i.weight is not None]
            if declared is None or not ws:
                continue
            d = max([w.decimals for w in ws] + [declared.decimals])
            footing = tol.foot(ws, declared, d)
            if footing.ok:
                continue
            s = footing.sum
            reg = group[0].region
            yield self.finding(f"“{cell.text}”下各三级指标分值之和 {tol.fmt(tol.mid(s), d)} 与标注的 {declared.raw.strip()} 分不符",
                               expected=declared.raw.strip(), found=tol.fmt(tol.mid(s), d),
                               locations=[Loc.of_cell(reg.table, cell)])


@register
class WeightsHundred(Rule):
    code = "PC107"
    name = "weights-100"
    category = "sum"
    title = "全部分值（含资金执行率分值）之和应为 100"
    explain = "一级指标分值与预算执行率分值之和应为 100 分（或等于总分行的分值）。"
    fail_example = "产出 50 + 效益 30 + 满意度 10 + 执行率 10 = 100，但某项分值改为 15 后合计 105。"
    pass_example = "50 + 30 + 10 + 10 = 100。"

    def check(self, facts):
        inds = facts.indicator_rows
        ws = [i.weight for i in inds if i.weight is not None]
        if len(ws) < 3:
            return
        extra = facts.funds_value("weight")
        d = max(w.decimals for w in ws)
        s = tol.add([tol.num_ival(w, d) for w in ws] + ([tol.num_ival(extra, d)] if extra else []))
        tr = facts.score_total_row
        if tr is not None and tr.values.get("weight") and tr.values["weight"].num is not None:
            return  # the total row's own figure is checked by PC105
        if tol.overlaps(s, (Decimal(100), Decimal(100))):
            return
        # without the funds block the indicators alone may be scored out of 90 (+10 for execution)
        if extra is None and tol.overlaps(s, (Decimal(90), Decimal(90))):
            return
        loc = inds[0].loc("weight")
        yield self.finding(f"各项分值之和为 {tol.fmt(tol.mid(s), d)}，不等于 100", expected="100",
                           found=tol.fmt(tol.mid(s), d), locations=[loc])


@register
class ScoreOverWeight(Rule):
    code = "PC401"
    name = "score-over-weight"
    category = "score"
    title = "得分不得超过分值"
    explain = "任何一项指标（含预算执行率）的得分都不能高于其分值（权重）。"
    fail_example = "分值 10，得分 12。"
    pass_example = "分值 10，得分 10。"

    def check(self, facts):
        for ind in facts.indicator_rows:
            if ind.weight is not None and ind.score is not None and ind.score.value > ind.weight.value:
                yield self.finding(f"指标“{ind.name[:30]}”得分 {ind.score.raw.strip()} 超过分值 {ind.weight.raw.strip()}",
                                   expected=f"≤ {ind.weight.raw.strip()}", found=ind.score.raw.strip(),
                                   locations=[ind.loc("score")])
        w, s = facts.funds_value("weight"), facts.funds_value("score")
        if w is not None and s is not None and s.value > w.value:
            row = facts.funds_row
            yield self.finding(f"预算执行率得分 {s.raw.strip()} 超过分值 {w.raw.strip()}", expected=f"≤ {w.raw.strip()}",
                               found=s.raw.strip(), locations=[row.values["score"].loc])


@register
class ExecutionScore(Rule):
    code = "PC402"
    name = "execution-score"
    category = "score"
    severity = "warning"
    title = "预算执行率得分应为 分值 × 执行率（不超过分值）"
    explain = ("按财预〔2020〕10号，预算执行率得分 = 分值 × 执行率，最高为分值；按书写精度判断，"
               "超出舍入范围的得分（如执行率 64.47%、分值 10 却写 6.5）应核实。老式 20/80 表同理（20 × 执行率）。")
    fail_example = "分值 10，执行率 64.47%，得分 6.5（应为 6.45）。"
    pass_example = "分值 10，执行率 64.47%，得分 6.45。"

    def check(self, facts):
        yield from self._indicator_rows(facts)
        row = facts.funds_row
        if row is None:
            return
        w, s = facts.funds_value("weight"), facts.funds_value("score")
        rate = facts.funds_value("rate")
        if w is None or s is None:
            return
        if rate is not None:
            dr = rate.decimals
            r_iv = tol.num_ival(rate, dr)
            r_iv = (r_iv[0] / 100, r_iv[1] / 100) if looks_percent(rate) else r_iv
        else:
            spent, budget = facts.funds_value("spent"), facts.funds_value("adjusted_budget") or facts.funds_value("budget")
            if spent is None or budget is None:
                return
            r_iv = tol.div(tol.num_ival(spent), tol.num_ival(budget))
            if r_iv is None:
                return
        point = (rate.value / 100 if looks_percent(rate) else rate.value) if rate is not None else tol.mid(r_iv)
        yield from self._judge(w, s, r_iv, rate.raw.strip() if rate is not None else None, row.values["score"].loc,
                               point)

    def _judge(self, w, s, r_iv, rate_txt, loc, point=None):
        exp = tol.mul((w.value, w.value), r_iv)
        exp = (min(exp[0], w.value), min(exp[1], w.value))
        if tol.overlaps(exp, tol.num_ival(s)):
            return
        # the expected score shown is 分值 × the rate as written (100% → 10, not the interval's middle)
        e = min(w.value * point, w.value) if point is not None else tol.mid(exp)
        rate_txt = rate_txt or f"{tol.fmt(tol.mid(r_iv) * 100, 2)}%"
        yield self.finding(f"预算执行率得分 {s.raw.strip()} 与 分值 {w.raw.strip()} × 执行率 {rate_txt} = {tol.fmt(e, 2)} 不符",
                           expected=tol.fmt(e, 2), found=s.raw.strip(), difference=tol.fmt(s.value - e, 2),
                           locations=[loc])

    def _indicator_rows(self, facts):
        """决策/过程/产出/效益 schemes score 预算执行率 as an indicator: 分值 × 实际执行率."""
        for ind in facts.indicator_rows:
            if not _EXECUTION_RATE.search(ind.name) or ind.weight is None or ind.score is None:
                continue
            a = ind.actual.num if ind.actual is not None else None
            if a is None or not (a.is_percent or "%" in (ind.actual.text or "")):
                continue
            iv = tol.num_ival(a)
            yield from self._judge(ind.weight, ind.score, (iv[0] / 100, iv[1] / 100), a.raw.strip(), ind.loc("score"),
                                   a.value / 100)


def _fmt_t(ind: Indicator) -> tuple[str, str]:
    return (ind.target.text if ind.target else ""), (ind.actual.text if ind.actual else "")


@register
class FullMarksMissed(Rule):
    code = "PC403"
    name = "full-marks-missed-target"
    category = "score"
    title = "定量指标未达到目标却给满分"
    explain = "正向指标实际值低于目标值（反向指标实际值高于目标值）时，不应得满分。"
    fail_example = "目标 ≥95%，实际 90%，分值 10，得分 10。"
    pass_example = "目标 ≥95%，实际 90%，分值 10，得分 9.47。"

    def check(self, facts):
        for ind in facts.indicator_rows:
            if ind.met() is False and ind.weight is not None and ind.score is not None \
                    and ind.score.value >= ind.weight.value:
                t, a = _fmt_t(ind)
                yield self.finding(f"指标“{ind.name[:30]}”目标 {t}，实际 {a}，未达成却得满分 {ind.score.raw.strip()}",
                                   expected=f"< {ind.weight.raw.strip()}", found=ind.score.raw.strip(),
                                   locations=[ind.loc("score"), ind.loc("actual")])


@register
class DeductedWhenMet(Rule):
    code = "PC404"
    name = "deducted-when-met"
    category = "score"
    severity = "info"
    title = "指标已达成却扣分"
    explain = "定量指标已达到目标但得分低于分值，需说明扣分理由。"
    fail_example = "目标 48 个，实际 48 个，分值 4，得分 3。"
    pass_example = "目标 48 个，实际 48 个，得分 4。"

    def check(self, facts):
        for ind in facts.indicator_rows:
            if ind.met() is True and ind.weight is not None and ind.score is not None \
                    and ind.score.value < ind.weight.value:
                t, a = _fmt_t(ind)
                # with no reason given, points taken from a met target are a fault, not a judgement
                unexplained = reason_missing(ind.deviation.text if ind.deviation is not None else None)
                yield self.finding(f"指标“{ind.name[:30]}”目标 {t}，实际 {a}，已达成但得分 {ind.score.raw.strip()} 低于分值 "
                                   f"{ind.weight.raw.strip()}{'，且未说明扣分原因' if unexplained else ''}",
                                   expected=ind.weight.raw.strip(), found=ind.score.raw.strip(),
                                   locations=[ind.loc("score")], severity="warning" if unexplained else None)


@register
class ProportionalScore(Rule):
    code = "PC405"
    name = "partial-score"
    category = "score"
    severity = "warning"
    title = "未达成指标的得分与完成比例明显不符"
    explain = ("未达成的定量指标通常按完成比例计分：正向指标 分值 × 实际 ÷ 目标，反向指标 分值 × 目标 ÷ 实际。"
               "偏离超过配置的容差（默认分值的 15%）时提示，并说明所采用的计分假设。")
    fail_example = "目标 100 个，实际 50 个，分值 10，得分 9。"
    pass_example = "目标 100 个，实际 50 个，分值 10，得分 5。"
    options = (Option("partial_score_tolerance", "number", "得分与按比例计算的得分相差超过分值的这一比例时提示"),)

    def check(self, facts):
        tol_frac = self.opt("partial_score_tolerance")
        for ind in facts.indicator_rows:
            if ind.met() is not False or ind.weight is None or ind.score is None:
                continue
            if ind.score.value >= ind.weight.value:
                continue  # full marks: PC403
            if ind.target.num is None or ind.actual.num is None:
                continue  # a missed deadline has no proportion
            t, a = ind.target.num.value, ind.actual.num.value
            if ind.reverse:
                if a <= 0:
                    continue
                exp = ind.weight.value * t / a
                rule = "反向指标按 分值 × 目标 ÷ 实际"
            else:
                if t <= 0:
                    continue
                exp = ind.weight.value * a / t
                rule = "正向指标按 分值 × 实际 ÷ 目标"
            exp = max(min(exp, ind.weight.value), Decimal(0))
            if abs(ind.score.value - exp) <= tol_frac * ind.weight.value:
                continue
            tt, aa = _fmt_t(ind)
            yield self.finding(f"指标“{ind.name[:30]}”目标 {tt}、实际 {aa}，得分 {ind.score.raw.strip()} 与完成比例不符"
                               f"（{rule}计算约为 {tol.fmt(exp, 2)}）", expected=tol.fmt(exp, 2),
                               found=ind.score.raw.strip(), locations=[ind.loc("score")])


@register
class GradeBand(Rule):
    code = "PC501"
    name = "grade-band"
    category = "grade"
    title = "评价等级应与得分所在分数段一致"
    explain = ("等级按报告自己写明的分档说明（如“90（含）—100分为优；80（含）—90分为良…”）判断；"
               "报告未写明时按所用配置档的分档：{bands}。")
    fail_example = "总分 88.5，等级写“优”。"

    @classmethod
    def explain_values(cls, k):
        return {"bands": k.bands_text()}

    pass_example = "总分 96.5，等级“优”。"

    def check(self, facts):
        yield from self._rated(facts)
        got = facts.final_score
        if got is None or not facts.grades:
            return
        score, sloc = got
        bands = facts.band_note or facts.k.bands()
        expected = next((b for b in bands if b.contains(score.value)), None)
        if expected is None:
            return
        source = "报告所附分档说明" if facts.band_note else (
            "全国通行分档" if facts.k.profile.get("grade_bands", "national") == "national"
            else f"配置档“{facts.k.profile.get('description') or facts.k.profile.get('name')}”的分档")
        seen = set()
        for g in facts.grades:
            if g.grade == expected.grade or g.grade in seen:
                continue
            if facts.k.same_grade(g.grade, expected.grade):
                continue  # 较差 and 中 name the same band in different templates
            seen.add(g.grade)
            yield self.finding(f"总分 {score.raw.strip()} 按{source}应为“{expected.grade}”，报告写作“{g.word}”",
                               expected=expected.grade, found=g.word, locations=[g.loc, sloc])

    def _rated(self, facts):
        """Each row of a table rating several projects: its grade against its own score."""
        bands = facts.band_note or facts.k.bands()
        for rr in facts.rated_rows:
            if not rr.grade:
                continue  # a blank grade is PC904's
            expected = next((b for b in bands if b.contains(rr.score.value)), None)
            grade = facts.k.canonical_grade(rr.grade)
            if expected is None or grade is None or grade == expected.grade or facts.k.same_grade(grade, expected.grade):
                continue
            yield self.finding(f"“{rr.name[:24]}”自评分数 {rr.score.raw.strip()} 应为“{expected.grade}”，表中写作“{rr.grade}”",
                               expected=expected.grade, found=rr.grade, locations=[rr.grade_loc, rr.score_loc])
