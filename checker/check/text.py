"""What a report says against itself in words: repeated passages, names, years, units."""

from __future__ import annotations

from collections import Counter

from checker.check.options import Option
from checker.check.registry import Rule, register
from checker.understand.facts import Loc, Paragraph, TextUnit, sentences
from checker.understand.lazyre import lazy
from checker.understand.matching import fold, similarity
from checker.understand.narrative import vocabulary
from checker.understand.numbers import find_numbers, same_value
from checker.understand.passages import Difference, find_differences

_SPACE = lazy(r"\s")
_PLACE_YEAR = lazy(r"^.{0,12}?(?:19|20)\d{2}年度?")
_NAME_TAIL = lazy(r"(?:项目|专项|资金)+$")
_PROJECT_TAIL = lazy(r"项目$|专项$")


def place(facts, unit) -> str:
    """Where a text unit sits, in the reviewer's words."""
    if unit.where == "body":
        return "正文"
    t = unit.table
    kinds = {r.kind for r in facts.regions if r.table is t}
    if kinds & {"indicators", "selfeval_funds"}:
        return "绩效自评表"
    for vals in facts.summary.values():
        for _, loc in vals:
            if loc.table == t.index:
                return "自评报告表"
    return f"表{t.index + 1}"


@register
class RepeatedPassage(Rule):
    code = "PC701"
    name = "repeated-passage"
    category = "text"
    severity = "warning"
    title = "重复出现的段落在各处表述不一致"
    explain = ("自评报告表、正文与绩效自评表中重复出现的段落（绩效目标、完成情况、组织管理、经验与问题等）"
               "应一字不差；只改了一处的措辞、脱漏或增加的分句都会报告，并分别引用两处文字。"
               "空白、全半角标点和换行差异不报；只有数字不同时按“不一致”（mismatch）报错误。")
    fail_example = "摘要表“政务新媒体全三季度合格率100%”，正文“政务新媒体前三季度合格率100%”。"
    pass_example = "两处文字相同（仅标点全半角不同）。"
    options = (Option("min_passage", "integer", "比较的重复段落的最短长度（字）"),)

    def check(self, facts):
        min_len = self.opt("min_passage")
        diffs = find_differences(facts.units, min_len)
        groups: dict[tuple[str, str], list[Difference]] = {}
        for d in diffs:
            key = tuple(sorted((d.a_gap, d.b_gap)))
            groups.setdefault(key, []).append(d)
        for ds in groups.values():
            yield self._report(facts, ds)

    def _report(self, facts, ds: list[Difference]):
        # the wording most copies share is taken as intended; the odd one out is reported as found
        holders: dict[str, set[int]] = {}
        quotes: dict[str, tuple[str, object]] = {}
        for d in ds:
            for gap, quote, f in ((d.a_gap, d.a_quote, d.a), (d.b_gap, d.b_quote, d.b)):
                holders.setdefault(gap, set()).add(id(f.unit.block))
                quotes.setdefault(gap, (quote, f.unit))
        votes = Counter({g: len(h) for g, h in holders.items()})
        (g1, n1), (g2, n2) = (votes.most_common(2) + [("", 0)])[:2]
        if n1 == n2:
            d = ds[0]
            # ties: the body is taken as the reference, the table copy as the one that drifted
            if d.a.unit.where == "body":
                g1, g2 = d.a_gap, d.b_gap
            else:
                g1, g2 = d.b_gap, d.a_gap
        exp_q, exp_u = quotes[g1]
        fnd_q, fnd_u = quotes[g2]
        numeric = ds[0].numeric
        what = "数字" if numeric else ("脱漏" if not g2 else ("多出" if not g1 else "措辞"))
        msg = (f"重复段落两处{what}不一致：{place(facts, fnd_u)}“{fnd_q}”，{place(facts, exp_u)}“{exp_q}”")
        # only a figure differs: the same fact stated two ways, certain arithmetic, unless configured otherwise
        sev = ("error" if self.sev == self.severity else self.sev) if numeric else None
        return self.finding(msg, expected=exp_q, found=fnd_q, category="mismatch" if numeric else None, severity=sev,
                            locations=[fnd_u.loc.quoting(fnd_q), exp_u.loc.quoting(exp_q)])


@register
class SubProjectNames(Rule):
    code = "PC702"
    name = "sub-project-names"
    category = "text"
    severity = "warning"
    title = "子项目名称在概况列举与资金表中不一致"
    explain = "项目概况“用于：A 80万元；…”中的子项目名称应与资金表的子项目名称一致（按金额与相似度配对后比较）。"
    fail_example = "概况“安保电费等运维费用”，资金表“安保电费etc运维费用”。"
    pass_example = "两处名称相同。"

    def check(self, facts):
        pairs = facts.listed_pairs
        same = [_same_name(it.name, row.label) for it, row, _ in pairs]
        names_only = pairs and all(it.num is None for it, _, _ in pairs)
        if names_only and same.count(False) != 1:
            return  # a list of names without amounts is often abridged; only one odd name out is a rename
        for (it, row, _), ok in zip(pairs, same):
            if ok:
                continue
            loc = row.label_cell and Loc.of_cell(facts.fund.table, row.label_cell)
            yield self.finding(f"子项目名称不一致：概况列举为“{it.name}”，资金表为“{row.label}”",
                               expected=it.name, found=row.label, locations=[loc, it.loc])


def _same_name(x: str, y: str) -> bool:
    """The same name, or the name followed by what was built ("松岗村村组道路硬化")."""
    a, b = fold(x), fold(y)
    return a == b or (min(len(a), len(b)) >= 2 and (a.startswith(b) or b.startswith(a)))


_YEAR_PHRASE = lazy(r"(?P<y>(?:19|20)\d{2})\s*年度?(?P<rest>[\p{Han}]{4,12})")
_CUTOFF = lazy(r"截[至止]\s*(?P<y>(?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日")
_LEAD_YEAR = lazy(r"^\s*(?P<y>(?:19|20)\d{2})\s*年度?(?=[\p{Han}])")
_LEAD_DATE = lazy(r"^\s*(?:于\s*)?(?P<y>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
_DOC_YEAR = lazy(r"[〔\[［【(（](?P<y>(?:19|20)\d{2})[〕\]］】)）]\s*\d+\s*号")


@register
class OtherYear(Rule):
    code = "PC703"
    name = "other-year"
    category = "text"
    severity = "warning"
    title = "报告中出现其他年度（疑似从往年报告粘贴）"
    explain = ("以报告标题的评价年度为准：同一说法（如“2022年度州本级财政安排…”）在某处写成了别的年度，"
               "或“截至某年12月31日”的年份不是评价年度，通常是从往年报告复制后未改。")
    fail_example = "2022 年度报告中写“截至2021年12月31日，共支出资金…”。"
    pass_example = "“截至2022年12月31日”。"

    def check(self, facts):
        y = facts.year
        if not y:
            return
        phrases: set[str] = set()
        occurrences = []
        for u in facts.units + [_title_unit(b) for b in facts.doc.paragraphs[:6]]:
            if u is None:
                continue
            for m in _YEAR_PHRASE.finditer(u.text):
                yy = int(m.group("y"))
                if yy == y:
                    phrases.add(m.group("rest")[:6])
                else:
                    occurrences.append((yy, m, u))
            for m in _CUTOFF.finditer(u.text):
                yy = int(m.group("y"))
                if yy < y:
                    yield self.finding(f"评价年度为 {y} 年，此处却写“{m.group(0)}”", expected=f"{y}年", found=f"{yy}年",
                                       locations=[u.loc.quoting(m.group(0))])
        yield from self._dated_sentences(facts, y)
        seen = set()
        for yy, m, u in occurrences:
            # an earlier year in a phrase the report uses with its own year: pasted from an old report
            # (later years are plans and suggestions)
            if _sentence_at(u.text, m.start()).count(f"{y}年"):
                continue  # "2023年度……64万元，2024年度……76万元": the two years compared in one sentence
            if m.group("rest")[:6] in phrases and 0 < y - yy <= 3 and (yy, m.group("rest")) not in seen:
                seen.add((yy, m.group("rest")))
                yield self.finding(f"评价年度为 {y} 年，此处却写“{m.group(0)}”（同一说法别处为 {y} 年）",
                                   expected=f"{y}年", found=f"{yy}年", locations=[u.loc.quoting(m.group(0))])


    def _dated_sentences(self, facts, y: int):
        """Sentences opened by an earlier year: the same funds stated elsewhere under the report's year,
        or a date earlier than the year of the document the sentence says was received or issued then."""
        carried = vocabulary().carried_over
        own_year: list = []  # amounts of sentences opened by the report's own year
        earlier = []
        for u in facts.units:
            for _, sent in sentences(u.text):
                lead = _LEAD_YEAR.match(sent) or _LEAD_DATE.match(sent)
                if not lead:
                    continue
                yy = int(lead.group("y"))
                money = [n for n in find_numbers(sent) if n.is_money]
                if yy == y:
                    own_year.extend(money)
                elif 0 < y - yy:
                    earlier.append((yy, lead, sent, money, u))
        for yy, lead, sent, money, u in earlier:
            quote = lead.group(0).strip()
            doc = _DOC_YEAR.search(sent)
            if _LEAD_DATE.match(sent) and doc and int(doc.group("y")) > yy:
                # "2012年6月14日，收到……（财建〔2022〕153号）": received before the document existed
                yield self.finding(f"日期“{quote}”早于同句所引文件的年度（{doc.group(0)}），疑为年份笔误",
                                   expected=f"{doc.group('y')}年", found=f"{yy}年", locations=[u.loc.quoting(quote)])
                continue
            if y - yy > 3 or _LEAD_DATE.match(sent) or str(y) in sent or any(w in sent for w in carried):
                continue
            same = next((n for n in money for o in own_year if same_value(n, o)), None)
            if same is not None:
                # "2022年上级下达……547.615万元" where "2023年度……安排预算547.615万元": one sum, two years
                yield self.finding(f"评价年度为 {y} 年，此处却写“{quote}……{same.raw}”（同一金额别处为 {y} 年）",
                                   expected=f"{y}年", found=f"{yy}年", locations=[u.loc.quoting(quote)])


def _sentence_at(text: str, pos: int) -> str:
    for start, sent in sentences(text):
        if start <= pos < start + len(sent):
            return sent
    return ""


def _title_unit(p: Paragraph):
    if len(p.text) > 40:
        return None  # already a text unit
    return TextUnit(text=p.text, raw=p.raw, loc=Loc.of_paragraph(p), where="body", block=p)


_ORG = lazy(r"[\p{Han}（）()]{2,30}?(?:办公室|领导小组|委员会|人民政府|政府|局|中心|学校|医院|院|站|所|馆|队|处|厅|委|办)")
_UNIT_KEYS = ("项目实施单位", "实施单位", "单位名称（盖章）", "单位名称(盖章)", "单位名称", "项目单位", "填报单位",
              "部门（单位）名称", "部门(单位)名称", "部门名称", "预算单位", "预算部门", "资金使用单位")
_DEPT_KEYS = ("主管部门",)


@register
class OtherUnit(Rule):
    code = "PC704"
    name = "other-unit"
    category = "text"
    severity = "warning"
    title = "封面、自评报告表与绩效自评表中的单位名称不一致（疑似粘贴了其他单位的报告）"
    explain = "项目实施单位、主管部门在封面、自评报告表、正文开头和绩效自评表中应为同一名称。"
    fail_example = "封面“项目实施单位 智慧湘西领导小组办公室”，自评表“实施单位 州发展和改革委员会”。"
    pass_example = "各处均为“智慧湘西领导小组办公室”。"

    def check(self, facts):
        for keys, label in ((_UNIT_KEYS, "项目实施单位"), (_DEPT_KEYS, "主管部门")):
            vals = _stated_names(facts, keys)
            names = Counter(fold(v) for v, _ in vals)
            if len(names) < 2:
                continue
            ref = names.most_common(1)[0][0]
            ref_text = next(v for v, _ in vals if fold(v) == ref)
            for v, loc in vals:
                if fold(v) != ref and fold(v) not in ref and ref not in fold(v):
                    yield self.finding(f"{label}名称不一致：此处为“{v}”，其他位置为“{ref_text}”", expected=ref_text,
                                       found=v, locations=[loc])


def _stated_names(facts, keys) -> list[tuple[str, Loc]]:
    out = []
    for p in facts.doc.paragraphs:
        for k in keys:
            if p.text.startswith(k):
                v = p.text[len(k):].lstrip(":： ")
                m = _ORG.match(v)
                if m and len(v) <= 40:
                    out.append((m.group(0), Loc.of_paragraph(p)))
                break
    for t in facts.doc.tables:
        for c in t.cells:
            label = _SPACE.sub("", c.text)
            if label in keys:
                nxt = t.at(c.row, c.col + c.col_span)
                if nxt is not None and nxt is not c and nxt.text:
                    m = _ORG.match(nxt.text)
                    if m and len(nxt.text) <= 40:
                        out.append((m.group(0), Loc.of_cell(t, nxt)))
    return out


_NAME_KEYS = ("项目名称", "专项名称", "项目全称")
# The opening sentence of a report on one construction project introduces it with its investment:
# "东丽区雨污分流改造工程项目估算投资2082.48万元，……"
_SUBJECT = lazy(r"^(?P<n>[\p{Han}（）()\-—－]{4,30}?工程)(?:项目)?(?=估算投资|总投资|概算|计划总投资|计划投资|投资)")
_YEAR_TAIL = lazy(r"(?:19|20)\d{2}\s*年度?$")


def _title_name(doc) -> tuple[str, int] | None:
    """The project name of a title set on one or two lines, and how many lines it took."""
    lines = [p.text.strip() for p in doc.paragraphs[:3]]
    for k in range(1, len(lines) + 1):
        joined = "".join(lines[:k])
        if len(joined) <= 80 and _TITLE_TAIL.search(joined):
            return _YEAR_TAIL.sub("", _TITLE_TAIL.sub("", joined)), k
    return None
_TITLE_TAIL = lazy(r"(?:项目)?(?:支出)?(?:绩效)?(?:自评|评价)?报告.*$|绩效自评表.*$")


def _core(name: str) -> str:
    """A project name without its year and the words every name ends with."""
    s = fold(name)
    s = _PLACE_YEAR.sub("", s)  # the place and year before the name
    return _NAME_TAIL.sub("", s)


@register
class ProjectName(Rule):
    code = "PC705"
    name = "project-name"
    category = "text"
    severity = "warning"
    title = "项目名称在标题、封面与绩效自评表中不一致"
    explain = ("绩效自评表、自评报告表中的“项目名称”应与报告标题和封面的项目名称一致（年度和“项目”二字不计）；"
               "标题为某一工程的报告，正文第一句却以另一工程的投资开头时（疑似沿用其他项目的报告）同样提示。")
    fail_example = "标题“校园安全设施改造项目支出绩效自评报告”，自评表项目名称“校舍安全改造项目”。"
    pass_example = "自评表项目名称“2022年度校园安全设施改造项目”。"

    def _opening_subject(self, facts):
        """A report on one construction project (its title names a 工程) whose first body sentence
        introduces another 工程 by its investment: the opening was pasted from another report."""
        got = _title_name(facts.doc)
        if got is None:
            return
        title, k = got
        t = _core(_NAME_TAIL.sub("", fold(title)))
        if len(t) < 4 or not t.endswith("工程"):
            return
        body = [p for p in facts.doc.paragraphs[k:] if len(p.text.strip()) > 40]
        if not body:
            return
        m = _SUBJECT.match(body[0].text.strip())
        if m is None:
            return
        core = _core(m.group("n"))
        if len(core) < 4 or core in t or t in core or similarity(core, t) >= 0.5:
            return
        yield self.finding(f"正文开头所述项目“{m.group('n')}”与报告标题的项目“{title}”不符（疑似沿用其他项目的报告）",
                           expected=title, found=m.group("n"), locations=[Loc.of_paragraph(body[0], m.group("n"))])

    @staticmethod
    def _header_row(facts, t, row):
        """"项目名称" heading a column of names (a table rating several projects), not labelling the
        value beside it: another cell of its row names a figure column (分数, 债券规模, 预算数…)."""
        return any(facts.k.column_concept(x.text) not in (None, "name", "level3")
                   for x in t.row_cells(row))

    def check(self, facts):
        named: list[tuple[str, Loc]] = []
        for p in facts.doc.paragraphs[:40]:
            for k in _NAME_KEYS:
                if p.text.startswith(k) and 2 < len(p.text) - len(k) <= 40:
                    named.append((p.text[len(k):].lstrip(":： "), Loc.of_paragraph(p)))
        for t in facts.doc.tables:
            for c in t.cells:
                if _SPACE.sub("", c.text) in _NAME_KEYS:
                    nxt = t.at(c.row, c.col + c.col_span)
                    if nxt is not None and nxt is not c and 2 < len(nxt.text) <= 40 \
                            and not self._header_row(facts, t, c.row):
                        named.append((nxt.text, Loc.of_cell(t, nxt)))
        yield from self._opening_subject(facts)
        titles = [_TITLE_TAIL.sub("", p.text) for p in facts.doc.paragraphs[:8]
                  if len(p.text) <= 60 and (_TITLE_TAIL.search(p.text) or _PROJECT_TAIL.search(p.text))
                  and not p.text.startswith(_NAME_KEYS)]
        refs = [(n, loc) for n, loc in named] + [(t, None) for t in titles if len(_core(t)) >= 4]
        if len(refs) < 2:
            return
        seen = set()
        for n, loc in named:
            core = _core(n)
            if len(core) < 4 or core in seen:
                continue
            others = [_core(o) for o, oloc in refs if oloc is not loc]
            if any(core in o or o in core for o in others if o):
                continue
            # differs from every other statement of the name, yet resembles them: a renamed copy
            best = max(refs, key=lambda r: similarity(core, _core(r[0])) if r[1] is not loc else -1)
            if best[1] is loc or similarity(core, _core(best[0])) < 0.3:
                continue
            seen.add(core)
            yield self.finding(f"项目名称不一致：此处为“{n}”，标题或封面为“{best[0]}”", expected=best[0], found=n,
                               locations=[loc])
