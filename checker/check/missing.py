"""Required content absent or left unfilled: missing rules."""

from __future__ import annotations

from decimal import Decimal

from checker.check.options import Option
from checker.check.registry import Rule, register
from checker.understand import lexicon
from checker.understand.facts import Loc
from checker.understand.indicators import reason_missing
from checker.understand.kinds import empty_headings
from checker.understand.lazyre import lazy
from checker.understand.narrative import vocabulary
from checker.understand.numbers import is_empty_mark, percent_value


@register
class DeviationReason(Rule):
    code = "PC901"
    name = "deviation-reason"
    category = "missing"
    severity = "warning"
    title = "指标未达成、被扣分（或大幅超额）却未填写偏差原因分析"
    explain = ("定量指标未达到目标值，或超过目标值 30% 以上（比例可配置），"
               "“偏差原因分析及改进措施”必须填写；只写“0”“无”“/”视同未填。")
    fail_example = "目标 ≥95%，实际 90%，偏差原因栏为空。"
    pass_example = "偏差原因栏写明未达成原因及改进措施。"
    options = (Option("overshoot_factor", "number", "实际值超过目标值的这一倍数时，也须填写偏差原因"),)

    def check(self, facts):
        factor = self.opt("overshoot_factor")
        for ind in facts.indicator_rows:
            met = ind.met()
            over = False
            if met is True and not ind.reverse and ind.target and ind.target.num and ind.actual and ind.actual.num \
                    and ind.target.num.value > 0 and ind.actual.num.value > ind.target.num.value * factor \
                    and ind.target.num.unit not in ("%", "个百分点", "‰"):
                over = True
            deducted = ind.weight is not None and ind.score is not None and ind.score.value < ind.weight.value
            if met is not False and not over and not deducted:
                continue
            if met is True and not over:
                continue  # points taken from a met target: PC404 says so (one fault, one finding)
            if ind.criteria and "deviation" not in ind.region.columns:
                continue  # a scored judgement in a table with no reason column: the prose explains it
            text = ind.deviation.text if ind.deviation is not None else None
            if not reason_missing(text):
                continue
            what = "大幅超出目标" if over else ("未达成目标" if met is False else
                                          f"被扣分（{ind.score.raw.strip()}/{ind.weight.raw.strip()}）")
            loc = ind.loc("deviation") or ind.loc("actual")
            tgt = ind.target.text if ind.target else "（空）"
            act = ind.actual.text if ind.actual else "（空）"
            yield self.finding(f"指标“{ind.name[:30]}”目标 {tgt}、实际 {act}，{what}，"
                               f"但偏差原因分析及改进措施{'为空' if not text else '只写“' + text + '”'}",
                               expected="填写偏差原因分析及改进措施", found=text or "（空）", locations=[loc])


_REASON_WORDS = lexicon.pattern("reasons.words")


@register
class LowExecutionUnexplained(Rule):
    code = "PC902"
    name = "low-execution-unexplained"
    category = "missing"
    severity = "warning"
    title = "预算执行率偏低，绩效自评表未说明偏差原因"
    explain = ("执行率低于配置阈值（默认 90%，四川表式要求）时，绩效自评表本身必须说明原因——自评表常单独报送；"
               "正文“存在的问题”里写了原因也不能替代自评表中的偏差原因分析。")
    fail_example = "执行率 64.47%，自评表“偏差原因分析及改进措施”各栏均为空。"
    pass_example = "自评表资金行或偏差原因栏写明“部分项目尚未办理竣工结算，资金结转”。"
    options = (Option("deviation_required_below", "number", "执行率（%）低于此值时，自评表须说明偏差原因"),)

    def check(self, facts):
        er = facts.execution_rate
        if er is None:
            return
        rate, rate_txt, _ = er
        if rate >= self.opt("deviation_required_below"):
            return
        regs = [r for r in (facts.indicators, facts.funds_block) if r is not None]
        if facts.funds_block is None:
            return  # a form without a 自评表 funds block (the central 转移支付 form) has no place for it
        if _execution_explained(regs):
            return
        if any(_ABOUT_MONEY.search(ind.name) and ind.actual is not None and ind.actual.num is not None
               and abs(percent_value(ind.actual.num) - rate) < Decimal("0.01")
               for ind in facts.indicator_rows):
            return  # an indicator row measures this very rate: its own blank reason is PC901's finding
        row = facts.funds_row
        loc = None
        if row is not None:
            v = row.values.get("rate") or row.values.get("score")
            loc = v.loc if v is not None else None
        yield self.finding(f"预算执行率 {rate_txt} 低于 {self.opt('deviation_required_below')}%，"
                           "但绩效自评表未填写偏差原因分析及改进措施", expected="在自评表中说明执行率偏低的原因",
                           found="（未说明）", locations=[loc])


_DEV_LABEL = lexicon.pattern("reasons.deviation_labels")
_ABOUT_MONEY = lexicon.pattern("reasons.about_money")
_ADJUSTED = lexicon.pattern("reasons.adjustment")
_ADJUST_REASON = lexicon.pattern("reasons.adjustment_reasons")
_ADJUST_AMOUNT = lazy(lambda: rf"(?:{lexicon.alt('reasons.adjustment_amount')})[^。；，]{{0,14}}?[\d.]+\s*万?元")


def _execution_explained(regs) -> bool:
    """A dedicated slot in the funds block (a 偏差原因 row or column) decides when the template has
    one; otherwise any 自评表 text that gives a reason about the money counts."""
    funds = next((r for r in regs if r.kind == "selfeval_funds"), None)
    if funds is not None:
        t = funds.table
        last = max([r.index for r in funds.rows] + funds.header_rows)
        for row in range(funds.header_rows[0], min(last + 3, t.n_rows)):
            for c in t.row_cells(row):
                if c.row == row and _DEV_LABEL.search(c.text) and len(c.text) <= 20:
                    nxt = t.at(row, c.col + c.col_span)
                    if row in funds.header_rows:
                        vals = [r.values.get("deviation") or r.texts.get("deviation") for r in funds.rows]
                        return any(v is not None and not reason_missing(getattr(v, "text", "")) for v in vals)
                    return nxt is not None and nxt is not c and not reason_missing(nxt.text)
    for r in regs:
        for row in r.rows:
            for c in [row.texts.get("deviation")] + r.table.row_cells(row.index):
                if c is None or c is row.label_cell or reason_missing(c.text):
                    continue
                if _REASON_WORDS.search(c.text) and _ABOUT_MONEY.search(c.text) and len(c.text) >= 8:
                    return True
    return False


@register
class BudgetAdjusted(Rule):
    code = "PC903"
    name = "budget-adjusted-unexplained"
    category = "missing"
    severity = "warning"
    title = "年初预算与全年（调整后）预算不同，却未说明调整原因"
    explain = ("年初预算数与全年预算数（调整后预算数）不一致时，应说明预算调整（追加、调减）的依据和原因。"
               "只有一张自评表、表内又未要求说明的文件，年中追加只作提示；调减、表内要求说明或正文报告未说明时为警告。")
    fail_example = "年初预算 2000，全年预算 1500，全文未提调整。"
    pass_example = "注明“年中调减 500 万元，原因是…”。"

    def check(self, facts):
        row = facts.funds_row
        if row is None:
            return
        a, b = row.values.get("initial_budget"), row.values.get("adjusted_budget")
        if not a or not b or a.num is None or b.num is None or a.num.value == b.num.value:
            return
        lx = vocabulary()
        asked = False  # the form's own printed instruction asks for the reason ("应单独说明理由")
        for u in facts.units:
            if lx.is_form_note(u.text):
                asked = asked or bool(_ADJUSTED.search(u.text))
                continue  # the instruction itself explains nothing
            t = u.text.replace("调整后", "")
            if _ADJUSTED.search(t) and (_ADJUST_REASON.search(t) or _ADJUST_AMOUNT.search(t)):
                return  # a sentence that explains the adjustment (a header such as 调整后预算数 does not)
        # A budget raised during the year (年中追加) is ordinary; a form alone has no place to explain
        # it unless it asks for one. A budget cut (to match spending), a form that asks, or a
        # narrative report that says nothing: the reason is owed.
        raised = b.num.value > a.num.value
        owed = not raised or asked or bool(facts.kind.required_sections())
        yield self.finding(f"年初预算数 {a.num.raw.strip()} 与全年预算数 {b.num.raw.strip()} 不同，报告未说明预算调整原因",
                           expected="说明预算调整", found=f"{a.num.raw.strip()} → {b.num.raw.strip()}",
                           locations=[a.loc, b.loc], severity=None if owed else "info")


@register
class BlankCells(Rule):
    code = "PC904"
    name = "blank-cells"
    category = "missing"
    severity = "warning"
    title = "绩效自评表中得分、实际完成值等应填栏目为空"
    explain = "有分值的指标必须填写实际完成值和得分；资金块应填写全年预算数、执行数与得分；年初预算数空白作提示。"
    fail_example = "某三级指标分值 10，得分栏为空。"
    pass_example = "各栏均已填写。"

    def check(self, facts):
        for ind in facts.indicator_rows:
            if ind.weight is None:
                continue
            blank = []
            for concept, label in (("target", "年度指标值"), ("actual", "实际完成值"), ("score", "得分")):
                if concept not in ind.region.columns or (ind.criteria and concept != "score"):
                    continue  # a judgement row (项目决策/项目管理) has no target or actual by design
                if concept == "score":
                    present = ind.row.values.get(concept) is not None and ind.row.values[concept].num is not None
                else:
                    cell = ind.row.texts.get(concept)
                    # "—" or "/" is a deliberate "not applicable"; only an empty cell is a blank
                    present = cell is not None and bool(cell.text.strip())
                if not present:
                    blank.append((concept, label))
            if not blank:
                continue
            labels = "、".join(lab for _, lab in blank)
            scored = ind.score is not None and ind.weight is not None and ind.score.value >= ind.weight.value
            tail = f"，却给满分 {ind.score.raw.strip()} 分" if scored and blank[-1][0] != "score" else ""
            odd = ind.cell("score") if blank[0][0] == "score" else None
            if odd is not None and odd.text.strip() and not is_empty_mark(odd.text):
                # the cell holds something that is no score ("？"): say what it holds, not "empty"
                yield self.finding(f"指标“{ind.name[:30]}”的得分栏填写“{odd.text.strip()[:10]}”，不是分数",
                                   expected="填写得分", found=odd.text.strip()[:10], locations=[ind.loc("score")])
                continue
            yield self.finding(f"指标“{ind.name[:30]}”的{labels}为空{tail}", expected=f"填写{labels}", found="（空）",
                               locations=[ind.loc(blank[0][0]) or ind.loc("name")])
        # a table rating several projects: a score with no grade beside it
        blank_grades = [rr for rr in facts.rated_rows if not rr.grade]
        if blank_grades:
            names = "、".join(f"“{rr.name[:20]}”" for rr in blank_grades[:4])
            more = f"等 {len(blank_grades)} 个项目" if len(blank_grades) > 4 else ""
            yield self.finding(f"{names}{more}已给自评分数，自评等级为空", expected="填写自评等级", found="（空）",
                               locations=[rr.grade_loc for rr in blank_grades])
        row = facts.funds_row
        if row is None:
            return
        for concept, label, sev in (("adjusted_budget", "全年预算数", None), ("spent", "全年执行数", None),
                                    ("rate", "执行率", None), ("score", "执行率得分", None),
                                    ("initial_budget", "年初预算数", "info")):
            v = row.values.get(concept)
            if v is not None and v.num is None:
                yield self.finding(f"绩效自评表“{row.label}”的{label}为空", expected=f"填写{label}", found="（空）",
                                   locations=[v.loc], severity=sev)


_PLACEHOLDER = lazy(lambda: "|".join([*lexicon.patterns("placeholders.patterns"),
                                        lexicon.alt("placeholders.words")]))
# A template row: the cell holds nothing but a numbering label or an ellipsis ("指标2：", "……").
_TEMPLATE_ROW = lazy(lambda: "|".join(lexicon.patterns("placeholders.template_rows")))


@register
class Placeholders(Rule):
    code = "PC905"
    name = "placeholders"
    category = "missing"
    severity = "warning"
    title = "模板占位符或提示语未替换（XX、××、**、指标1、……、“（100字以内）”）"
    explain = ("报告中残留模板占位符、模板空行（只有“指标1：”“……”的行）或模板提示语（“对照年度目标，说明……"
               "（100字以内）”），说明相应内容没有填写。一张表的模板空行合为一条。表格自带的填表说明不算。")
    fail_example = "“≥**平方米”“XX单位”，或“评价结论”栏仍为“结合自评情况，说明项目自评总分……”。"
    pass_example = "占位符均已替换为实际内容。"

    def check(self, facts):
        lx = vocabulary()
        seen = set()
        template_rows: dict[int, list] = {}
        for text, _, block, cell in facts.doc.text_places():
            if cell is not None and _TEMPLATE_ROW.match(text):
                template_rows.setdefault(block.index, []).append((text.strip(), Loc.of_cell(block, cell)))
                continue
            prompt = lx.prompt_in(text)
            m = _PLACEHOLDER.search(text)
            if not m and not prompt:
                continue
            ctx = text[:60] if prompt else text[max(0, m.start() - 8): m.end() + 8]
            if ctx in seen:
                continue
            seen.add(ctx)
            what = "模板提示语未替换" if prompt else "模板占位符未替换"
            yield self.finding(f"{what}：“{ctx}”", expected="填写实际内容", found=prompt or m.group(0),
                               locations=[Loc.of_place(block, cell).quoting(ctx)])
        for _table, rows in template_rows.items():
            marks = "、".join(f"“{t}”" for t in dict.fromkeys(t for t, _ in rows))
            yield self.finding(f"自评表留有 {len(rows)} 处模板空行（{marks}），应删除或填写",
                               expected="删除或填写模板空行", found=rows[0][0], locations=[loc for _, loc in rows[:3]])


_BLANK_DATE = lazy(r"(?<!\d)年\s*月\s*日")
# Judged on the raw text: spacing is what separates a filled-in name from the next label.
_BLANK_FIELD = lazy(lambda: rf"({lexicon.alt('blanks.field_labels')})\s*[)）]?\s*[:：][ \t\u3000]*"
                             r"(?=$|\n|\S{1,24}?[:：])")


@register
class BlankSignatures(Rule):
    code = "PC906"
    name = "blank-signatures"
    category = "missing"
    severity = "info"
    title = "签字、盖章、日期等栏目未填写"
    explain = "评价组、单位负责人签字与“年 月 日”日期为空，报送前应补齐（纸质盖章件可在打印后签署，故仅作提示）。"
    fail_example = "“项目实施单位负责人（签字）：  年 月 日”。"
    pass_example = "“填报日期：2023年6月15日”。"

    def check(self, facts):
        seen = set()
        for text, raw, block, cell in facts.doc.text_places(max_cell=200):
            hits = [m.group(0) for m in _BLANK_DATE.finditer(text)]
            hits += [m.group(1) for m in _BLANK_FIELD.finditer(raw)]
            if not hits:
                continue
            loc = Loc.of_place(block, cell)
            key = (text[:40], loc.page)
            if key in seen:
                continue
            seen.add(key)
            loc.text = text[:80]
            yield self.finding(f"未填写：{'、'.join(dict.fromkeys(hits))}（{text[:30]}）", expected="填写签字与日期",
                               found="（空）", locations=[loc])


@register
class RequiredSections(Rule):
    code = "PC907"
    name = "required-sections"
    category = "missing"
    # a heading not found is not content missing (sections are named in endless ways): a person looks
    severity = "info"
    title = "报告缺少必备章节"
    explain = ("报告应包含其类型要求的章节：项目报告按配置档（概况、资金、绩效、问题），转移支付（衔接资金）报告"
               "按中央模板（下达情况、偏离原因及改进措施），单位和部门整体报告各有要求；仅报送自评表的文件和"
               "无法识别类型的文件不检查章节。标题可编号、可写在段首（“存在的问题：……”），按同义词匹配。"
               "必备章节只有标题、其下没有任何内容（紧接下一个同级标题）时作为警告报告。")
    fail_example = "项目报告全文没有“存在的问题”章节。"
    pass_example = "各章节齐全；或文件只是一张绩效自评表。"

    def check(self, facts):
        kind = facts.kind
        required = kind.required_sections()
        if not required:
            return  # a form-only file, or a file whose kind is unknown, is not asked for sections
        heads = kind.headings
        empty = empty_headings(facts.doc)
        for words in required:
            if not any(w in h for h in heads for w in words):
                yield self.finding(f"缺少必备章节：{'/'.join(words)}（按{kind.label}）", expected="/".join(words),
                                   found="（无）", locations=[])
                continue
            for p in empty:
                if any(w in p.text for w in words):
                    # the heading is there and nothing under it: certain, unlike a heading not found
                    yield self.finding(f"章节“{p.text.strip()}”只有标题，未填写内容", expected="填写该章节内容",
                                       found="（空）", locations=[Loc.of_paragraph(p)], severity="warning")


@register
class NotAReport(Rule):
    code = "PC908"
    name = "not-a-report"
    category = "missing"
    severity = "info"
    title = "未识别到资金表、绩效自评表或任何资金数字"
    explain = "文件可读，但找不到资金表、绩效自评表和正文中的资金数字，可能不是项目支出绩效自评报告，或表格无法识别。"
    fail_example = "一份会议通知。"
    pass_example = "含专项资金到位及使用情况表的自评报告。"

    def check(self, facts):
        if facts.regions or facts.stated or facts.allocations or facts.scores:
            return
        if facts.kind.name in ("transfer", "department"):
            return  # its headings are the template's own: a report whose money is told in sentences
        yield self.finding("未识别到资金表、绩效自评表或资金数字，可能不是项目支出绩效自评报告（或表格无法识别）",
                           expected="资金表与绩效自评表", found="（未识别）", locations=[])
