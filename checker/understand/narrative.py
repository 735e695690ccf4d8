"""Sentence-level facts: what a report's prose states and how its own figures relate.

Reports state arithmetic in sentences as often as in tables: a total and its parts ("共安排资金300万元，
其中中央120万元、省级100万元、县级60万元"), counts and their components ("年初批复8个项目……年中增加
8个项目" against "共15个"), funding levels ("中央财政衔接资金1400万元"), rates with the amounts
they stand for ("支付18501.096万元，未支付703万元，支付率95%") and claims ("各项指标均达到预期").
This module reads them once into typed records; the rules compare them. The words live in
rules/narrative.toml.
"""

from __future__ import annotations

import functools
from dataclasses import FrozenInstanceError, dataclass, field, replace
from decimal import Decimal

import regex

from checker.knowledge import load_toml
from checker.model import Loc
from checker.record import Record
from checker.textnorm import occurrences
from checker.understand import intervals as iv
from checker.understand.lazyre import LazyPattern, lazy
from checker.understand.numbers import Num, find_numbers

_SENTENCE_END = lazy(r"[。！？!?\n]")
_LIST_SEP = "、，,；;：:"
_EACH = lazy(r"分别(?:下达|安排|拨付|分配|补助)(?:给)?(?P<names>[\p{Han}、和及与]{4,40}?)各\s*(?=\d)")
_OPEN, _CLOSE = "（(〔【[", "）)〕】]"


_GAP_STOP = lazy(r"[；;\d]")
_NAME_SEP = lazy(r"[、和及与]")
_NOUN = lazy(r"\p{Han}{1,2}")
_ITEM_SEP = lazy(r"[、，,]")
_LIST_SPLIT = lazy(r"[、，,；;]")
_LIST_SPLIT_KEEP = lazy(r"([、，,；;])")
_ALL_HAN = lazy(r"\p{Han}+")
_DIGIT = lazy(r"\d")


class Lexicon:
    """The words and thresholds of rules/narrative.toml, read once: the fields below, all given by
    keyword, then frozen.

    Not a dataclass: one instance per process, never compared or printed, and the `__init__`,
    `__setattr__` and `__delattr__` @dataclass generates for its fifty fields cost 12.9 M instructions
    at every start-up (1.2 % of a DOCX check's)."""

    total_words: tuple[str, ...]
    not_total: tuple[str, ...]
    strong_total_words: tuple[str, ...]
    parts_open: tuple[str, ...]
    not_a_part: tuple[str, ...]
    counters: tuple[str, ...]
    count_totals: tuple[str, ...]
    components: tuple[str, ...]
    clause_marks: tuple[str, ...]
    list_item: LazyPattern
    ratios: dict
    list_end: LazyPattern
    levels: dict[str, tuple[str, ...]]
    execution: tuple[str, ...]
    spent: tuple[str, ...]
    budget: tuple[str, ...]
    remainder: tuple[str, ...]
    unpaid: tuple[str, ...]
    remainder_not: tuple[str, ...]
    comparison: tuple[str, ...]
    strong_claims: tuple[str, ...]
    unmet_heads: tuple[str, ...]
    none_answers: tuple[str, ...]
    below_target: tuple[str, ...]
    claim_subjects: tuple[str, ...]
    claim_exceptions: tuple[str, ...]
    weak_claims: tuple[str, ...]
    not_done: tuple[str, ...]
    problem_headings: tuple[str, ...]
    weak_claim_execution_below: Decimal
    figure_verbs: tuple[str, ...]
    figure_name_min: int
    benign_context: tuple[str, ...]
    acting_suffixes: tuple[str, ...]
    prompts: tuple[str, ...]
    form_notes: tuple[str, ...]
    item_label: LazyPattern
    criteria_groups: tuple[str, ...]
    qualitative_done: tuple[str, ...]
    overspend_explained: tuple[str, ...]
    overspend_reason: tuple[str, ...]
    share_before: tuple[str, ...]
    share_after: tuple[str, ...]
    share_points: Decimal
    share_fraction: Decimal
    carried_over: tuple[str, ...]
    rough_rate_points: Decimal
    money_labels: tuple[str, ...]
    goal_leads: tuple[str, ...]
    goal_done: tuple[str, ...]
    goal_stock_words: frozenset[str]
    measure_units: frozenset[str]
    measure_total_words: tuple[str, ...]

    def __init__(self, **words) -> None:
        declared = type(self).__annotations__.keys()
        if words.keys() != declared:
            wrong = sorted(words.keys() ^ declared)
            raise TypeError(f"Lexicon fields missing or unknown: {', '.join(wrong)}")
        self.__dict__.update(words)

    def __setattr__(self, name: str, value) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def is_form_note(self, text: str) -> bool:
        return any(w in text for w in self.form_notes)

    def prompt_in(self, text: str) -> str | None:
        return None if self.is_form_note(text) else _contains_any(text, self.prompts)


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def vocabulary() -> Lexicon:
    d = load_toml("narrative.toml")
    it, ct, ro, ra, cl, un, tp = (d["itemised"], d["counts"], d["roles"], d["rates"], d["claims"], d["units"],
                                  d["template"])
    return Lexicon(
        total_words=_longest_first(it["total_words"]), not_total=tuple(it["not_total"]),
        strong_total_words=_longest_first(it["strong_total_words"]),
        parts_open=_longest_first(it["parts_open"]),
        not_a_part=_longest_first(it["not_a_part"]), counters=_longest_first(ct["counters"]),
        count_totals=_longest_first(ct["total_words"]), components=_longest_first(ct["component_words"]),
        clause_marks=tuple(ct["clause_marks"]),
        ratios={k: (v if isinstance(v, str) else _longest_first(v)) for k, v in d["ratios"].items()},
        list_item=lazy(it["list_item"]), list_end=lazy(it["list_end"]),
        levels={k: _longest_first(v) for k, v in ro["levels"].items()},
        execution=_longest_first(ra["execution"]), spent=_longest_first(ra["spent"]),
        budget=_longest_first(ra["budget"]), remainder=_longest_first(ra["remainder"]),
        unpaid=_longest_first(ra["unpaid"]), remainder_not=tuple(ra["remainder_not"]),
        comparison=_longest_first(ra["comparison"]), strong_claims=_longest_first(cl["strong"]),
        claim_subjects=tuple(cl["subjects"]), claim_exceptions=tuple(cl["exceptions"]),
        weak_claims=_longest_first(cl["weak"]), not_done=_longest_first(cl["not_done"]),
        unmet_heads=_longest_first(cl["unmet_heads"]), none_answers=tuple(cl["none_answers"]),
        below_target=_longest_first(cl["below_target"]),
        problem_headings=tuple(cl["problem_headings"]),
        weak_claim_execution_below=Decimal(str(cl["weak_claim_execution_below"])),
        figure_verbs=_longest_first(cl["figure_verbs"]), figure_name_min=int(cl["figure_name_min"]),
        benign_context=_longest_first(un["benign_context"]), acting_suffixes=_longest_first(un["acting_suffixes"]),
        prompts=_longest_first(tp["prompts"]), form_notes=_longest_first(tp["form_notes"]),
        item_label=lazy(tp["item_label"]), criteria_groups=tuple(tp["criteria_groups"]),
        qualitative_done=tuple(d["scoring"]["qualitative_done"]),
        overspend_explained=tuple(d["overspend"]["explained"]), overspend_reason=tuple(d["overspend"]["reason"]),
        share_before=tuple(d["shares"]["before"]), share_after=tuple(d["shares"]["after"]),
        share_points=Decimal(str(d["shares"]["tolerance_points"])),
        share_fraction=Decimal(str(d["shares"]["tolerance_fraction"])),
        carried_over=tuple(d["years"]["carried_over"]),
        rough_rate_points=Decimal(str(ra["rough_rate_points"])), money_labels=tuple(it["money_labels"]),
        goal_leads=tuple(d["goals"]["leads"]), goal_done=_longest_first(d["goals"]["done"]),
        goal_stock_words=frozenset(d["goals"]["stock_words"]), measure_units=frozenset(it["measure_units"]), measure_total_words=_longest_first(it["measure_total_words"]),
    )


# ----------------------------------------------------------------------------------------- records
# What was read, and where, is a record compared by identity (eq=False): nothing compares two
# readings by value, and a generated __eq__ per class is start-up time of every check.
@dataclass(eq=False, repr=False)
class ItemisedSum(Record):
    """A stated total and the parts the same sentence itemises for it."""

    total: Num
    parts: list[Num]
    quote: str
    loc: Loc
    forward: bool = True  # "共X，其中a、b" (True) or "a、b，共X" (False)


@dataclass(eq=False, repr=False)
class CountSum(Record):
    """A stated count and the counts that make it up ("其中A8条、B4条" or "年初8个……年中新增4个")."""

    total: int
    parts: list[tuple[int, str]]  # (count, label)
    counter: str
    quote: str
    loc: Loc
    items: list[str] | None = None  # an enumeration's items, when the parts are a list of names


@dataclass(eq=False, repr=False)
class RoleMention(Record):
    """An amount named as one funding level's money."""

    level: str
    num: Num
    quote: str
    loc: Loc
    unit_index: int  # which text unit it sits in


@dataclass(eq=False, repr=False)
class NarrativeRate(Record):
    """A stated spent ÷ budget rate with the amounts its own sentence gives."""

    name: str
    stated: Num
    spent: Num
    budget_lo: Decimal  # in 万元... in the unit of `unit`
    budget_hi: Decimal
    unit: str
    budget_text: str
    budget_source: str  # "sentence" | "remainder" | "document"
    quote: str
    loc: Loc


@dataclass(eq=False, repr=False)
class NarrativeBalance(Record):
    """A stated remainder with the budget and the spending told just before it: "下达预算2596万元，
    支出2595.6208万元……未执行的0.3792万元"."""

    budget: Num
    spent: Num
    remainder: Num
    same_sentence: bool
    quote: str
    loc: Loc
    budgets: list = field(default_factory=list)  # every budget it may be left of, nearest first


@dataclass(eq=False, repr=False)
class Claim(Record):
    """A sentence claiming the targets were met (fully or mostly), and the percentages it states."""

    words: str
    strength: str  # "strong" | "weak"
    quote: str
    loc: Loc
    figures: list = field(default_factory=list)  # (name, Num): the percentages its sentence states


@dataclass(eq=False, repr=False)
class GoalFigure(Record):
    """A named percentage in the goal section ("学生满意度达到90%")."""

    name: str
    num: Num
    loc: Loc


@dataclass(eq=False, repr=False)
class Narrative(Record):
    """Everything read from the running text of one document."""

    sums: list[ItemisedSum] = field(default_factory=list)
    counts: list[CountSum] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)
    rates: list[NarrativeRate] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    shares: list = field(default_factory=list)
    ratios: list = field(default_factory=list)
    balances: list = field(default_factory=list)
    goal_figures: list = field(default_factory=list)
    short_done: list = field(default_factory=list)
    none_unmet: list = field(default_factory=list)  # Loc of a "未完成的绩效目标：无"
    stated_misses: list = field(default_factory=list)  # (quote, Loc) of a figure said to be below its target


@dataclass(eq=False, repr=False)
class ShortDone(Record):
    """A quantity said to be done ("建成道路419米，已完成") below the goal the report set for the same
    thing ("目标为：……完成491米道路建设")."""

    goal: Num
    goal_quote: str
    goal_loc: Loc
    done: Num
    done_quote: str
    done_loc: Loc


# ----------------------------------------------------------------------------------------- helpers
@functools.lru_cache(maxsize=256)
def _depths(text: str) -> tuple[int, ...]:
    """Bracket depth at every position: a figure inside （…） is a detail of the figure before it.
    (Kept per text: each reading of the narrative below asks for it.)"""
    if not any(ch in text for ch in _OPEN):
        return (0,) * len(text)
    out, d = [], 0
    for ch in text:
        if ch in _OPEN:
            d += 1
        out.append(d)
        if ch in _CLOSE and d > 0:
            d -= 1
    return tuple(out)


@functools.lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple((a, b) for a, b in spans if text[a:b].strip())


def _label_before(text: str, pos: int, floor: int = 0, width: int = 16) -> str:
    """The words before a figure back to the previous list separator (its label)."""
    a = pos
    while a > floor and pos - a < width and text[a - 1] not in _LIST_SEP + "。！？":
        a -= 1
    return text[a:pos]


def _ends_with_any(s: str, words) -> str | None:
    s = s.rstrip()
    for w in words:
        if s.endswith(w):
            return w
    return None


def _total_word(label: str, lx: Lexicon) -> str | None:
    """A total word in a label, once the words that merely contain one ("公共", "共同") are taken out."""
    for w in lx.not_total:
        label = label.replace(w, "　" * len(w))
    return _contains_any(label, lx.total_words)


def _contains_any(s: str, words) -> str | None:
    for w in words:
        if w in s:
            return w
    return None


def _money(nums: list[Num]) -> list[Num]:
    return [n for n in nums if n.kind == "amount" and n.is_money and not n.approx]


def _strictly_overlaps(a: iv.Interval, b: iv.Interval) -> bool:
    """Rounding intervals are half-open ([v − ½ulp, v + ½ulp)): touching ends do not overlap. Prose
    figures ("30万元" beside "29.99万元") are exact far more often than rounded, so a sum that only
    meets its total at the extreme corner of every rounding is not taken as agreeing."""
    return a[0] < b[1] and b[0] < a[1]


def sums_hold(total: Num, parts: list[Num]) -> bool | None:
    """Whether a total's interval overlaps the sum of its parts' intervals; None if units don't mix.

    A list is written at one precision: beside 29.99, "30" stands for 30.00 (DOMAIN: trimmed zeros),
    so every figure is judged at the finest precision written in the list (per money unit).
    """
    if any(p.to_unit(total.unit) is None and p.unit != total.unit for p in parts):
        return None  # money mixes with money only; a measure (平方米) adds up with the same measure
    finest: dict[str, int] = {}
    for n in [total, *parts]:
        finest[n.unit] = max(finest.get(n.unit, 0), n.decimals)
    s = iv.add(iv.num_ival(p, finest[p.unit], total.unit) for p in parts)
    return _strictly_overlaps(iv.num_ival(total, finest[total.unit]), s)


def parts_sum(total: Num, parts: list[Num]) -> Decimal:
    return sum((p.value if p.unit == total.unit else p.to_unit(total.unit) or Decimal(0) for p in parts), Decimal(0))


def measure_sums(text: str, loc: Loc, nums: list[Num]) -> list[ItemisedSum]:
    """A measured total and its parts in one sentence ("总建筑面积45600平方米，其中地上建筑面积42199平方米，
    地下建筑面积3401平方米"): one unit of measure throughout (rules/narrative.toml [itemised]
    measure_units), a total word in the total's label, and parts labelled as the same kind of thing
    (their labels end like the total's)."""
    lx = vocabulary()
    depth = _depths(text)
    meas = [n for n in nums if n.kind == "amount" and n.unit in lx.measure_units and not n.approx
            and depth[n.start] == 0]
    if len(meas) < 3:
        return []
    spans = _sentences(text)
    out: list[ItemisedSum] = []
    for m in _PARTS_OPEN.finditer(text):
        before = [n for n in meas if n.end <= m.start()]
        if not before or depth[m.start()] > 0:
            continue
        total = before[-1]
        if text[total.end:m.start()].strip(" ，,：:") != "":
            continue  # the 其中 follows the total directly
        t_lab = _label_before(text, total.start, 0, width=12)
        for w in lx.not_total:
            t_lab = t_lab.replace(w, "　" * len(w))
        if not _contains_any(t_lab, lx.measure_total_words) or len(t_lab.strip()) < 2:
            continue
        b = next((y for x, y in spans if x <= m.end() < y), len(text))
        parts: list[Num] = []
        for n in meas:
            if n.start < m.end() or n.start >= b:
                continue
            lab = _label_before(text, n.start, m.end(), width=12)
            if n.unit != total.unit or _contains_any(lab, lx.not_a_part) or _total_word(lab, lx) \
                    or lab.strip()[-2:] != t_lab.strip()[-2:]:
                break
            parts.append(n)
        if len(parts) >= 2:
            quote = text[max(0, total.start - 12):parts[-1].end + 2].strip()
            out.append(ItemisedSum(total, parts, quote, loc.quoting(quote)))
    return out


# ----------------------------------------------------------------------------------------- itemised
# Any of the words that open a list of parts (其中…), longest first; no text without one compiles it.
_PARTS_OPEN = lazy(lambda: "|".join(map(regex.escape, vocabulary().parts_open)), words=lambda: vocabulary().parts_open)


def _bare_magnitudes(text: str, nums: list[Num]) -> list[Num]:
    """"资金总额2.7亿，其中……0.27亿元": a bare 亿/万 whose label names money is 亿元/万元."""
    lx = vocabulary()
    out = []
    for n in nums:
        if n.kind == "amount" and n.unit in ("亿", "万") and not text[n.end:n.end + 1].isalnum() \
                and _contains_any(_label_before(text, n.start, 0, width=10), lx.money_labels):
            n = replace(n, unit=n.unit + "元")
        out.append(n)
    return out


def itemised_sums(text: str, loc: Loc, nums: list[Num] | None = None) -> list[ItemisedSum]:
    lx = vocabulary()
    out: list[ItemisedSum] = []
    depth = _depths(text)
    nums = _bare_magnitudes(text, find_numbers(text) if nums is None else nums)
    money = [n for n in _money(nums) if depth[n.start] == 0]
    spans = _sentences(text)

    def sentence_of(pos: int) -> tuple[int, int]:
        for a, b in spans:
            if a <= pos < b:
                return a, b
        return 0, len(text)

    # forward: "……X万元，其中a、b、c" (the 其中 may open the next sentence)
    for m in _PARTS_OPEN.finditer(text):
        if depth[m.start()] > 0:
            continue
        gap_start = m.start()
        before = [n for n in money if n.end <= gap_start]
        if not before:
            continue
        total = before[-1]
        gap = text[total.end:gap_start]
        # "6800万元已全部分解到位，其中……": a short clause may stand between the total and its
        # 其中, but no sentence end and no other figure
        # "实际支付2700万元，全部用于设备采购和软件开发。其中：……": the short clause may close its sentence
        if len(gap) > 16 or _SENTENCE_END.search(gap.rstrip(" 。")) or _GAP_STOP.search(gap):
            continue
        a, b = sentence_of(m.end())
        parts: list[Num] = []
        first_spent: bool | None = None
        for n in money:
            if n.start < m.end() or n.start >= b:
                continue
            label = _label_before(text, n.start, m.end())
            if _contains_any(label, lx.not_a_part) or _total_word(label, lx):
                break
            spent = _contains_any(label, lx.spent) is not None
            if first_spent is None:
                first_spent = spent
            elif spent != first_spent:
                break  # the sentence moved on from the allocation to the spending
            parts.append(n)
        if len(parts) < 2 or any(p.to_unit(total.unit) is None for p in parts):
            continue
        quote = text[max(0, total.start - 12):parts[-1].end + 2]
        out.append(ItemisedSum(total, parts, quote.strip(), loc.quoting(quote.strip())))

    # each: "……下达资金160万元……分别下达宣汉县和万源市各80万元" (n names × the same amount)
    for m in _EACH.finditer(text):
        names = [x for x in _NAME_SEP.split(m.group("names")) if x]
        each = next((n for n in money if n.start >= m.end() and n.start - m.end() <= 2), None)
        if each is None or len(names) < 2:
            continue
        prior = [n for n in money if m.start() - 160 <= n.end <= m.start()
                 and _contains_any(_label_before(text, n.start, 0, width=30), lx.budget)]
        if not prior:
            continue
        total = prior[-1]
        quote = text[max(0, m.start() - 4):each.end].strip()
        out.append(ItemisedSum(total, [each] * len(names), quote, loc.quoting(quote), forward=False))

    # backward: "完成道路硬化45万元、路灯安装12.5万元、绿化8.35万元，共完成投资65.8万元", or parallel
    # clauses "一批项目批复总投资3374.3万元（……），二批……2069.51万元（……），合计批复总投资6222.4万元"
    for a, b in spans:
        sent_money = [n for n in money if a <= n.start < b]
        for i, n in enumerate(sent_money):
            label = _label_before(text, n.start, a, width=12)
            # one character more on the left, so a label cut inside "公共" is not read as "共"
            head = text[max(a, n.start - len(label) - 1):n.start - len(label) + 3]
            if i < 2 or not _contains_any(label[:3], lx.total_words) or not _total_word(head, lx):
                continue
            parts = sent_money[:i]
            seps = "".join(ch for j, ch in enumerate(text[parts[0].end:n.start], parts[0].end) if depth[j] == 0)
            if _contains_any(seps, lx.parts_open):
                continue
            parallel = False
            if "、" not in seps:
                labels = [_label_before(text, p.start, a, width=14) for p in parts] + [label]
                tails = {lab[-2:] for lab in labels}
                if not _contains_any(label[:3], lx.strong_total_words) or len(tails) != 1:
                    continue  # commas alone make a list only of parallel clauses closed by 合计
                parallel = True  # parallel labels may each say 总投资: they are still parts
            if any(_contains_any(_label_before(text, p.start, a), lx.not_a_part + (() if parallel else lx.total_words))
                   for p in parts):
                continue
            quote = text[max(a, parts[0].start - 10):n.end + 1].strip()
            out.append(ItemisedSum(n, parts, quote, loc.quoting(quote), forward=False))
            nested = _nested_parts(text, nums, [*parts, n], depth)
            if nested:
                inner_parts, inner_total = nested
                q2 = text[max(a, inner_parts[0].start - 10):inner_total.end + 1].strip()
                out.append(ItemisedSum(inner_total, inner_parts, q2, loc.quoting(q2), forward=False))
    return out


def _nested_parts(text: str, nums: list[Num], outer: list[Num], depth: tuple[int, ...]):
    """Each outer figure followed by its own （其中X……） detail, the last one the total's: the details
    form a sum of their own ("其中建筑工程3292万元" … "其中建筑工程6025.215万元")."""
    inner: list[Num] = []
    for o in outer:
        after = text[o.end:o.end + 3]
        if not after or after[0] not in _OPEN:
            return None
        close = next((i for i in range(o.end + 1, min(len(text), o.end + 40)) if text[i] in _CLOSE), None)
        if close is None:
            return None
        inside = [n for n in _money(nums) if o.end < n.start < close]
        if len(inside) != 1 or "其中" not in text[o.end:inside[0].start]:
            return None
        inner.append(inside[0])
    return (inner[:-1], inner[-1]) if len(inner) >= 3 else None


# ----------------------------------------------------------------------------------------- counts
def _count_source() -> str:
    lx = vocabulary()
    counters = "|".join(map(regex.escape, lx.counters))
    # anchored at the start of a numeral run: a long run of digits is scanned once, not from every digit
    return rf"(?<![\d一二两三四五六七八九十.])(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?P<c>{counters})(?![\d%])"


_COUNT = lazy(_count_source)
_CLAUSE_NOUN = lazy(r"[一-龥]{2,8}")


def _cn_int(s: str) -> int | None:
    from checker.understand.numbers import parse_number

    if s.isdigit():
        return int(s)
    n = parse_number(s)
    return int(n.value) if n is not None and n.value == n.value.to_integral_value() else None


_ENUM_OPEN = lazy(r"^\s*(?:[，,]?\s*(?:分别为|分别是|包括|即)\s*[:：]?|[:：])")


def _enumeration(text: str, m, end: int, lx: Lexicon) -> list[str] | None:
    """The items a count announces: in brackets right after it, or after 分别为/包括/：, as long as
    they name the counted thing (items ending like the noun after the count)."""
    after = text[m.end():end]
    noun = _NOUN.match(after)
    noun = noun.group() if noun else ""
    if after[:1] in _OPEN:  # "13宗（东坑、湖仔洋、……）水库"
        close = next((i for i, ch in enumerate(after) if ch in _CLOSE), None)
        if close is None:
            return None
        items = [x.strip() for x in _ITEM_SEP.split(after[1:close]) if x.strip()]
        return items if len(items) >= 3 and all(len(x) <= 12 for x in items) else None
    rest = after[len(noun):]
    op = _ENUM_OPEN.match(rest)
    if not noun or not op:
        return None
    seg = rest[op.end():]
    items = []
    pieces = _LIST_SPLIT_KEEP.split(seg)  # item, separator, item, …
    for k in range(0, len(pieces), 2):
        x = pieces[k].strip()
        if not x.endswith(noun[-1]) or len(x) > 16:
            # the list ended ("……赵庄乡鸡亮村，主要建设道路……"), unless this is the sentence's last
            # piece, joined by 、 and short: an item named otherwise ("……港航办公室、交通专厅。")
            last = k + 1 >= len(pieces) and k > 0 and pieces[k - 1] == "、"
            core = x.rstrip("。；;.").strip()
            if not (last and items and 2 <= len(core) <= 8 and _ALL_HAN.fullmatch(core)):
                break
            x = core
        items.append(x)
    return items if len(items) >= 3 else None


def count_sums(text: str, loc: Loc) -> list[CountSum]:
    lx = vocabulary()
    out: list[CountSum] = []
    depth = _depths(text)
    cre = _COUNT
    hits = [m for m in cre.finditer(text) if depth[m.start()] == 0]
    for a, b in _sentences(text):
        sent = [m for m in hits if a <= m.start() < b]
        # "共N条，其中A8条、B4条"
        for i, m in enumerate(sent):
            label = _label_before(text, m.start(), a, width=14)
            rest = text[m.end():b]
            po = _PARTS_OPEN.search(rest)
            # "共35个标段已全部开工建设，其中……": after a total word the noun may carry a short clause
            gap_max = 12 if _contains_any(label, lx.count_totals) else 8
            if not po or len(rest[:po.start()].strip(" ，,；;：:")) > gap_max:
                continue
            # "共N条，其中……", or a count directly followed by its 其中 ("项目46个，其中……")
            if not _contains_any(label, lx.count_totals) and len(rest[:po.start()].strip(" ，,；;：:")) > 0:
                continue
            total, counter = _cn_int(m.group("n")), m.group("c")
            open_at = m.end() + po.end()
            parts = [(_cn_int(x.group("n")), _label_before(text, x.start(), open_at))
                     for x in sent[i + 1:] if x.group("c") == counter and x.start() >= open_at]
            parts = [(n, lab) for n, lab in parts if n is not None]
            if total is None or len(parts) < 2 or any(n >= total for n, _ in parts):
                continue  # a part as large as the whole is a hierarchy (三级指标12个), not a partition
            quote = text[max(a, m.start() - 8):min(b, sent[-1].end() + 4)].strip()
            out.append(CountSum(total, parts, counter, quote, loc.quoting(quote)))
        # backward: "组长1人，副组长5人，成员8人，共14人"
        for i, m in enumerate(sent):
            label = _label_before(text, m.start(), a, width=6)
            if i < 2 or not _contains_any(label[:2], lx.count_totals):
                continue
            counter = m.group("c")
            if any(x.group("c") != counter for x in sent[:i]) or "等" in text[sent[i - 1].end():m.start()]:
                continue  # "……1台、……1套，共计29台（套）" or "……等": not a closed list of the same thing
            parts = [(_cn_int(x.group("n")), _label_before(text, x.start(), a, width=8)) for x in sent[:i]]
            parts = [(n, lab) for n, lab in parts if n is not None and lab]
            total = _cn_int(m.group("n"))
            if total is None or len(parts) < 2 or any(n >= total for n, _ in parts):
                continue
            quote = text[max(a, sent[0].start() - 6):m.end()].strip()
            out.append(CountSum(total, parts, counter, quote, loc.quoting(quote)))
        # enumerations: "5个乡镇11个村，分别为……村、……村" or "13宗（东坑、湖仔洋、……）水库"
        for m in sent:
            enum = _enumeration(text, m, b, lx)
            total = _cn_int(m.group("n"))
            if enum is None or total is None or len(enum) == total:
                continue
            quote = text[m.start():min(b, m.end() + 60)].strip()
            out.append(CountSum(total, [(len(enum), "列出")], m.group("c"), quote, loc.quoting(quote),
                                items=enum))
    out += _clause_counts(text, loc, hits, lx)
    # components across clauses of one paragraph: "共15个项目……年初批复8个项目……年中增加8个项目", or
    # "第三、四季度……项目11个……一、二季度……项目9个……全年共申报……项目21个"
    def about_projects(m) -> bool:
        return text[m.end():m.end() + 2] == "项目" or "项目" in _label_before(text, m.start(), 0, width=6)

    total_m = None
    for m in hits:
        label = _label_before(text, m.start(), 0, width=14)
        if _contains_any(label, lx.count_totals) and about_projects(m):
            total_m = m
            break
    if total_m is not None:
        comps: dict[tuple[int, str], str] = {}
        for m in hits:
            if m is total_m or not about_projects(m) or m.group("c") != total_m.group("c"):
                continue
            label = _label_before(text, m.start(), 0, width=16)
            w = _contains_any(label, lx.components)
            if w and not _contains_any(label, lx.count_totals):
                n = _cn_int(m.group("n"))
                if n is not None:
                    comps.setdefault((n, label), w)  # the same clause twice is one component
        total = _cn_int(total_m.group("n"))
        parts = [(n, w) for (n, _), w in comps.items()]
        if total is not None and len(parts) >= 2:
            quote = text[max(0, total_m.start() - 10):total_m.end() + 4].strip()
            out.append(CountSum(total, parts, total_m.group("c"), quote, loc.quoting(text[:200])))
    return out


# The words that open an ordinal clause (一是…), as one pattern; no text without one compiles it.
_CLAUSE_MARKS = lazy(lambda: "|".join(map(regex.escape, vocabulary().clause_marks)),
                     words=lambda: vocabulary().clause_marks)


def _clause_marks_re() -> LazyPattern | None:
    return _CLAUSE_MARKS if vocabulary().clause_marks else None


def _clause_counts(text: str, loc: Loc, hits: list, lx: Lexicon) -> list[CountSum]:
    """"共设六个三级指标：一是3个产出指标……；二是1个效益指标……；三是2个满意度指标……": a total count
    followed by ordinal clauses, each opening with a count of the same counter and the same kind of
    thing (the nouns share their last two characters: 三级指标 / 产出指标)."""
    out: list[CountSum] = []
    marks = _clause_marks_re()
    if marks is None:
        return out
    for m in hits:
        label = _label_before(text, m.start(), 0, width=8)
        if not _contains_any(label, lx.count_totals):
            continue
        noun = _CLAUSE_NOUN.match(text[m.end():])
        first = marks.search(text, m.end(), m.end() + (len(noun.group()) if noun else 0) + 4)
        if noun is None or first is None:
            continue
        starts = [first]
        while (nxt := marks.search(text, starts[-1].end())) is not None and nxt.start() - starts[-1].end() < 200:
            starts.append(nxt)
        parts: list[tuple[int, str]] = []
        for s in starts:
            part = next((x for x in hits if s.end() <= x.start() <= s.end() + 3), None)
            pnoun = _CLAUSE_NOUN.match(text[part.end():]) if part is not None else None
            n = _cn_int(part.group("n")) if part is not None else None
            if part is None or n is None or part.group("c") != m.group("c") or pnoun is None \
                    or pnoun.group()[-2:] != noun.group()[-2:]:
                parts = []
                break  # every clause must be a part, or this is not a breakdown of the count
            parts.append((n, pnoun.group()))
        total = _cn_int(m.group("n"))
        if total is None or len(parts) < 2 or any(n >= total for n, _ in parts):
            continue
        quote = text[max(0, m.start() - len(label)):m.end() + len(noun.group())].strip()
        out.append(CountSum(total, parts, m.group("c"), quote, loc.quoting(quote)))
    return out


# ----------------------------------------------------------------------------------------- roles
def role_mentions(text: str, loc: Loc, unit_index: int, nums: list[Num] | None = None) -> list[RoleMention]:
    lx = vocabulary()
    out: list[RoleMention] = []
    depth = _depths(text)
    spellings = sorted(((s, lvl) for lvl, ss in lx.levels.items() for s in ss), key=lambda x: -len(x[0]))
    for n in _money(find_numbers(text) if nums is None else nums):
        if depth[n.start] > 0:
            continue
        label = _label_before(text, n.start, 0, width=14)
        if _DIGIT.search(label):
            continue
        found = None
        for s, lvl in spellings:
            i = label.find(s)
            if i >= 0 and (found is None or i < found[0]):
                found = (i, lvl)
        if found is None:
            continue
        # one level only in the label ("中央和省级资金200万元" names no single level)
        others = {lvl for s, lvl in spellings if s in label}
        if len(others) > 1 or "资金" not in label + text[n.end:n.end + 2] and "补助" not in label:
            continue
        quote = text[max(0, n.start - len(label)):n.end]
        out.append(RoleMention(found[1], n, quote, loc.quoting(quote), unit_index))
    return out


# ----------------------------------------------------------------------------------------- rates
def _rate_source() -> str:
    names = "|".join(map(regex.escape, vocabulary().execution))
    return rf"(?P<name>{names})(?P<mid>[^，。；;\d]{{0,6}}?)(?P<num>\d+(?:\.\d+)?)\s*%"


_RATE = lazy(_rate_source)


def narrative_rates(text: str, loc: Loc, nums: list[Num] | None = None) -> list[NarrativeRate]:
    lx = vocabulary()
    out: list[NarrativeRate] = []
    money = _money(find_numbers(text) if nums is None else nums)
    depth = _depths(text)
    spans = _sentences(text)
    for m in _RATE.finditer(text):
        if depth[m.start()] > 0:
            continue
        mid = m.group("mid")
        if _contains_any(mid, lx.comparison) or _contains_any(text[m.end():m.end() + 3], lx.comparison):
            continue
        a = max((s for s, e in spans if s <= m.start()), default=0)
        before = [n for n in money if a <= n.start < m.start() and depth[n.start] == 0]
        spent = None
        for n in reversed(before):
            # the clause may name where the money went before the amount ("已拨付至261个项目实施单位16227.61万元")
            lab = _label_before(text, n.start, a, width=16)
            if _contains_any(lab, lx.spent) and not _contains_any(lab, lx.remainder):
                spent = n
                break
        if spent is None:
            continue
        own = _level_named(_label_before(text, m.start(), a, width=12), lx)
        if own and own != _level_named(_label_before(text, spent.start, a, width=16), lx):
            # "……，中央财政资金执行进度为65.98%": the rate of one funding level, whose figures are
            # elsewhere (in brackets), not of the sentence's whole amounts
            continue
        stated = Num(Decimal(m.group("num")), "%", len(m.group("num").partition(".")[2]), m.group("num") + "%",
                     m.start("num"), m.end())
        unit = spent.unit
        budget = None
        earlier = [n for n in before if n.start < spent.start]
        later = [n for n in before if n.start > spent.start]
        if len(earlier) == 1 and not later:
            # "项目资金共2179万元，……，已完成拨付2113.63万元，执行率97%": one budget, one spent
            lab = _label_before(text, earlier[0].start, a, width=10)
            if _contains_any(lab, lx.budget) and not _contains_any(lab, lx.spent + lx.remainder):
                # one passage, one precision: "预算20万元" beside "支付19.5万元" is 20.0
                d = max(earlier[0].decimals, spent.decimals) if earlier[0].unit == spent.unit else earlier[0].decimals
                budget = (iv.num_ival(earlier[0], d, unit), earlier[0].raw, "sentence")
        elif not earlier and len(later) == 1 and _contains_any(
                _label_before(text, later[0].start, a, width=8), lx.unpaid):
            # "支付18501.096万元，未支付703万元，支付率95%": the budget is paid + unpaid
            s_lo, s_hi = spent.interval(unit)
            r_lo, r_hi = later[0].interval(unit)
            budget = ((s_lo + r_lo, s_hi + r_hi), f"({spent.raw}+{later[0].raw})", "remainder")
        if budget is None:
            # the rule may take the report's own budget: "total" when the spent is named as the
            # whole ("合计支付152万元", "累计支出13661万元")
            lab = _label_before(text, spent.start, a, width=10)
            source = "total" if _contains_any(lab, lx.total_words) else "none"
            budget = ((Decimal(0), Decimal(0)), "", source)
        (b_lo, b_hi), btext, source = budget
        quote = text[max(a, spent.start - 8):m.end()].strip()
        out.append(NarrativeRate(m.group("name"), stated, spent, b_lo, b_hi, unit, btext, source, quote,
                                 loc.quoting(quote)))
    return out


def narrative_balances(text: str, loc: Loc, nums: list[Num] | None = None) -> list[NarrativeBalance]:
    """A remainder ("未执行的…", "结余…", "未支付…") told right after a spending, in its own sentence
    or the next, with the budget it is left of told before the spending. The spending is the amount
    just before the remainder; the budget is the nearest amount named as a budget before the spending
    that is not smaller than it (a part of the budget, "下达687万元", is passed over); with several
    such amounts the balance is judged against each (`budgets`) and reported only if none fits."""
    lx = vocabulary()
    money = _money(find_numbers(text) if nums is None else nums)
    if len(money) < 3:
        return []
    depth = _depths(text)
    spans = _sentences(text)
    top = [n for n in money if depth[n.start] == 0]
    out: list[NarrativeBalance] = []

    def sentence_of(pos: int) -> int:
        return next((i for i, (a, b) in enumerate(spans) if a <= pos < b), -1)

    for i in range(2, len(top)):
        s, r = top[i - 1], top[i]
        si, ss = sentence_of(r.start), sentence_of(s.start)
        if si < 0 or ss < si - 1:
            continue
        r_lab = _label_before(text, r.start, spans[si][0], width=10)
        if not _contains_any(r_lab, lx.remainder) or _contains_any(r_lab, lx.remainder_not):
            continue
        s_lab = _label_before(text, s.start, spans[ss][0], width=12)
        if not _contains_any(s_lab, lx.spent) or _contains_any(s_lab, lx.remainder):
            continue
        budgets = []
        for b in reversed(top[:i - 1]):
            if sentence_of(b.start) != ss:
                break
            b_lab = _label_before(text, b.start, spans[ss][0], width=12)
            if (_contains_any(b_lab, lx.budget) and not _contains_any(b_lab, lx.spent + lx.remainder)
                    and b.to_unit(s.unit) is not None and b.to_unit(s.unit) >= s.value):
                budgets.append(b)
        if not budgets:
            continue
        quote = text[max(spans[ss][0], budgets[0].start - 12):r.end].strip()
        out.append(NarrativeBalance(budgets[0], s, r, ss == si and len(budgets) == 1, quote, loc.quoting(quote),
                                    budgets))
    return out


def _level_named(label: str, lx: Lexicon) -> str | None:
    """The funding level a label names, by a spelling of two characters or more ("中央财政", "省级")."""
    for level, spellings in lx.levels.items():
        if any(len(w) >= 2 and w in label for w in spellings):
            return level
    return None


def rate_holds(r: NarrativeRate) -> bool:
    if r.budget_source in ("none", "total"):
        return True
    ratio = iv.ratio_interval(r.spent.interval(r.unit), (r.budget_lo, r.budget_hi))
    if ratio is None:
        return True
    return iv.overlaps(iv.scale(ratio, Decimal(100)), r.stated.interval())


def rate_holds_against(r: NarrativeRate, budget: Num) -> bool:
    """Whether the stated rate fits the sentence's spent over another budget figure."""
    if budget.to_unit(r.unit) is None:
        return False
    # one report, one precision: a whole "20万元" budget beside a spent "19.5万元" is 20.0
    d = max(budget.decimals, r.spent.decimals) if budget.unit == r.spent.unit else budget.decimals
    ratio = iv.ratio_interval(r.spent.interval(r.unit), iv.num_ival(budget, d, r.unit))
    return ratio is not None and iv.overlaps(iv.scale(ratio, Decimal(100)), r.stated.interval())


def rate_value(r: NarrativeRate) -> Decimal:
    mid = (r.budget_lo + r.budget_hi) / 2
    return (r.spent.value / mid * 100).quantize(Decimal("0.01")) if mid else Decimal(0)


# ----------------------------------------------------------------------------------------- claims
_NEGATION = ("未", "没有", "尚未", "不能", "难以", "无法", "不", "并非")


def _counts_own_object(clause: str, subjects) -> bool:
    """A clause that counts the things it speaks of ("10个省级中心村", "3所学校") is about them only;
    one counting the targets themselves ("10项绩效指标") is still about every target."""
    for n in find_numbers(clause):
        if n.kind != "amount" or not n.unit or n.unit == "%" or n.is_money:
            continue
        if not _contains_any(clause[n.end:n.end + 4], subjects):
            return True
    return False


def claims(text: str, loc: Loc) -> list[Claim]:
    lx = vocabulary()
    out: list[Claim] = []
    for strength, words in (("strong", lx.strong_claims), ("weak", lx.weak_claims)):
        for w in words:
            for start in occurrences(w, text):
                end = start + len(w)
                if any(text[max(0, start - len(n)):start] == n for n in _NEGATION):
                    continue
                a = max((s for s, e in _sentences(text) if s <= start), default=0)
                b = min((e for s, e in _sentences(text) if e > start), default=len(text))
                quote = text[a:b].strip()
                if any(c.quote == quote for c in out):
                    continue  # one claim per sentence
                if not _contains_any(quote, lx.claim_subjects):
                    continue  # "设备全部完成采购" claims a task, not that every target was met
                ca = max((i + 1 for i in range(a, start) if text[i] in "，,；;：:"), default=a)
                cb = min((i for i in range(end, b) if text[i] in "，,；;。"), default=b)
                if _contains_any(text[ca:cb], lx.claim_exceptions):
                    continue  # "其余指标均已完成" claims only the rest
                if _counts_own_object(text[ca:cb], lx.claim_subjects):
                    continue  # "全面完成10个省级中心村各项建设任务" claims those ten villages' work only
                out.append(Claim(text[ca:cb].strip(), strength, quote, loc.quoting(quote),
                                 figures=named_percents(quote)))
    return out


def named_percents(text: str, nums: list[Num] | None = None) -> list[tuple[str, Num]]:
    """The percentages of a passage with the names before them: "学生满意度达到90%" gives
    ("学生满意度", 90%). A figure inside brackets, an approximate one, or one whose name is too short
    to tell is left out."""
    lx = vocabulary()
    depth = _depths(text)
    out = []
    for n in find_numbers(text) if nums is None else nums:
        if n.kind != "amount" or not n.is_percent or n.approx or depth[n.start] > 0:
            continue
        name = _label_before(text, n.start, 0, width=16).strip()
        while verb := _ends_with_any(name, lx.figure_verbs):
            name = name[:-len(verb)].strip()
        name = name.split("：")[-1].split(":")[-1].strip()
        if len(name) >= lx.figure_name_min and regex.search(r"\p{Han}", name):
            out.append((name, n))
    return out


def listed_paragraph_sums(units) -> list[ItemisedSum]:
    """"全市共使用资金360.03万元。分类别看：" followed by numbered paragraphs "1.……已使用288.2万元"
    "2.……已使用6.81万元": the spent amount of each item adds up to the total spent. Only a list that
    ends at a heading (or the end) is read, so a continuation paragraph cannot hide a part."""
    lx = vocabulary()
    out: list[ItemisedSum] = []
    body = [u for u in units if u.where == "body"]

    def spent_amounts(text: str, want_total: bool) -> list[Num]:
        depth = _depths(text)
        got = []
        for n in _money(find_numbers(text)):
            if depth[n.start] > 0:
                continue
            lab = _label_before(text, n.start, 0, width=12)
            if not _contains_any(lab, lx.spent) or _contains_any(lab, lx.remainder + lx.not_a_part):
                continue
            if want_total == (_contains_any(lab, lx.total_words) is not None):
                got.append(n)
        return got

    for i, u in enumerate(body):
        if not u.text.rstrip().endswith(("：", ":")):
            continue
        totals = spent_amounts(u.text, True)
        if len(totals) != 1:
            continue
        parts: list[Num] = []
        j = i + 1
        while j < len(body) and lx.list_item.match(body[j].text):
            got = spent_amounts(body[j].text, False)
            if len(got) != 1:
                parts = []
                break
            parts.append(got[0])
            j += 1
        if j < len(body) and not lx.list_end.match(body[j].text):
            continue  # the list may go on in a paragraph we cannot read as an item
        total = totals[0]
        if len(parts) < 2 or any(p.to_unit(total.unit) is None for p in parts):
            continue
        quote = u.text[max(0, total.start - 12):total.end].strip()
        out.append(ItemisedSum(total, parts, quote, u.loc.quoting(quote)))
    return out


@dataclass(eq=False, repr=False)
class StatedRatio(Record):
    """A percentage its own sentence derives from its own amounts: a year-on-year change
    ("816.23万元，同比减少62.52万元，减少7.11%" is 62.52 ÷ (816.23 + 62.52)), or a part's share of the
    whole ("财政拨款收入806.23万元，占全部收入的100%", the whole being the amount labelled 收入)."""

    kind: str  # "change" | "share"
    stated: Num
    num: list[tuple[Num, int]]  # the numerator's terms with their signs
    den: list[tuple[Num, int]]  # the denominator's terms with their signs
    quote: str
    loc: Loc


def stated_ratios(text: str, loc: Loc, nums: list[Num] | None = None) -> list[StatedRatio]:
    lx = vocabulary()
    r = lx.ratios
    out: list[StatedRatio] = []
    nums = find_numbers(text) if nums is None else nums
    depth = _depths(text)
    money = [n for n in _money(nums) if depth[n.start] == 0]
    pcts = [n for n in nums if n.is_percent and depth[n.start] == 0]
    spans = _sentences(text)

    def pct_after(pos: int, words) -> Num | None:
        p = next((x for x in pcts if x.start >= pos), None)
        if p is None:
            return None
        gap = text[pos:p.start].strip(" ，,")
        for w in words:
            gap = gap.replace(w, "")
        return p if gap == "" else None

    for i, d in enumerate(money):
        a = max((x for x, _ in spans if x <= d.start), default=0)
        before = text[a:d.start]
        # the change: "<this year> … 同比 … 减少 <d>，减少 <p>%"
        direction = next((w for w in r["up"] + r["down"] if before.endswith(w)), None)
        if direction is not None:
            head = before[: len(before) - len(direction)]
            cmp = next((w for w in r["compare"] if head.rstrip("，, ").endswith(w)), None)
            cur = [m for m in money if a <= m.start < d.start]
            p = pct_after(d.end, r["rate_lead"])
            if cmp is not None and cur and p is not None and cur[-1].to_unit(d.unit) is not None:
                between = text[cur[-1].end:d.start]
                if not any(m.start > cur[-1].start for m in money if m.start < d.start) and len(between) <= 20:
                    sign = -1 if direction in r["up"] else 1
                    quote = text[max(a, cur[-1].start - 8):p.end].strip()
                    out.append(StatedRatio("change", p, [(d, 1)], [(cur[-1], 1), (d, sign)], quote,
                                           loc.quoting(quote)))
                    continue
        # the change against last year's amount itself: "实际完成15.39亿元，比上年决算数14.94亿元增长3.0%"
        lab = _label_before(text, d.start, a, width=10)
        if _contains_any(lab, r["compare"]):
            tail = text[d.end:d.end + 4]
            direction = next((w for w in r["up"] + r["down"] if tail.startswith(w)), None)
            cur = [m for m in money if a <= m.start < d.start]
            p = pct_after(d.end + len(direction), ("了", "为")) if direction else None
            if p is not None and cur and cur[-1].to_unit(d.unit) is not None \
                    and len(text[cur[-1].end:d.start]) <= 20:
                up = direction in r["up"]
                quote = text[max(a, cur[-1].start - 8):p.end].strip()
                diff = [(cur[-1], 1), (d, -1)] if up else [(d, 1), (cur[-1], -1)]
                out.append(StatedRatio("change", p, diff, [(d, 1)], quote, loc.quoting(quote)))
                continue
        # the share: "<part>，占<whole>的<p>%"
        after = text[d.end:d.end + 16]
        # the pattern needs the share word: a text without it never compiles the pattern
        sm = regex.match(rf"\s*[，,]?\s*{regex.escape(r['share_word'])}([一-龥]{{1,10}}?)的?(?=\d)", after) \
            if r["share_word"] in after else None
        if sm is None:
            continue
        noun = sm.group(1)
        for q in r["whole_qualifiers"]:
            noun = noun.replace(q, "")
        p = pct_after(d.end + sm.end(), ())
        if len(noun) < 2 or p is None:
            continue
        def name_of(m: Num) -> str:
            lab = _label_before(text, m.start, 0, width=10)
            if not lab.strip() and m.start > 0 and text[m.start - 1] in "：:":
                lab = _label_before(text, m.start - 1, 0, width=10)  # "1.收入：816.23万元"
            return lab

        whole = [m for m in money[:i] if noun in name_of(m) and m.to_unit(d.unit) is not None]
        if len(whole) != 1:
            continue  # no whole, or two candidates: which one is meant cannot be told
        quote = text[max(a, d.start - 10):p.end].strip()
        out.append(StatedRatio("share", p, [(d, 1)], [(whole[0], 1)], quote, loc.quoting(quote)))
    return out


def _signed(terms: list[tuple[Num, int]], unit: str) -> iv.Interval:
    (first, sign), *rest = terms
    got = first.interval(unit) if sign > 0 else iv.sub((Decimal(0), Decimal(0)), first.interval(unit))
    for t, sign in rest:
        got = iv.add([got, t.interval(unit)]) if sign > 0 else iv.sub(got, t.interval(unit))
    return got


def ratio_interval(r: StatedRatio) -> iv.Interval | None:
    """The percentage the amounts give, as an interval from their written precision."""
    unit = r.num[0][0].unit
    num, den = _signed(r.num, unit), _signed(r.den, unit)
    if num[0] < 0:
        return None  # a "growth" the amounts say is a fall: a wording matter, not a rate to judge
    q = iv.ratio_interval(num, den)
    return iv.scale(q, Decimal(100)) if q is not None else None


def read_narrative(units) -> Narrative:
    """Every sentence-level fact of the report's prose units (paragraphs and long text cells)."""
    out = Narrative()
    for i, u in enumerate(units):
        nums = find_numbers(u.text)  # once per unit: every reader below walks the same figures
        out.sums += itemised_sums(u.text, u.loc, nums)
        out.sums += measure_sums(u.text, u.loc, nums)
        out.counts += count_sums(u.text, u.loc)
        out.roles += role_mentions(u.text, u.loc, i, nums)
        out.rates += narrative_rates(u.text, u.loc, nums)
        out.claims += claims(u.text, u.loc)
        out.shares += quoted_shares(u.text, u.loc, nums)
        out.ratios += stated_ratios(u.text, u.loc, nums)
        out.balances += narrative_balances(u.text, u.loc, nums)
        if getattr(u, "topic", "") == "goal":
            out.goal_figures += [GoalFigure(name, n, u.loc.quoting(u.text[max(0, n.start - 16):n.end].strip()))
                                 for name, n in named_percents(u.text, nums)]
    out.sums += listed_paragraph_sums(units)
    out.short_done = short_done(units)
    out.none_unmet, out.stated_misses = unmet_statements(units)
    return out


def unmet_statements(units):
    """The report's own answer that no target was missed ("3.未完成的绩效目标。无。", the answer in the
    heading's paragraph or the next one), and the figures its prose puts below their targets
    ("教职工满意度92%，低于年度指标值95%")."""
    lx = vocabulary()
    none, misses = [], []
    body = [u for u in units if getattr(u, "where", "body") == "body"]
    for i, u in enumerate(body):
        t = u.text.strip()
        for h in lx.unmet_heads:
            at = t.find(h)
            if at < 0:
                continue
            rest = t[at + len(h):].lstrip("：:。.，, ")
            if not rest and i + 1 < len(body):
                rest = body[i + 1].text.strip()
            if rest.rstrip("。.") in {a.rstrip("。.") for a in lx.none_answers}:
                none.append(u.loc.quoting(t[at:at + len(h) + 4]))
            break
        for a, b in _sentences(u.text):
            sent = u.text[a:b]
            if any(w in sent for w in lx.below_target):
                misses.append((sent.strip(), u.loc.quoting(sent.strip())))
    return none, misses



_CLAUSE = lazy(r"[^，,；;。！？!?]+")


def short_done(units) -> list[ShortDone]:
    """Quantities a clause calls done that fall short of the goal quantity of the same thing: same
    unit of measure, and the words around both share a pair of characters that is not a stock word
    (rules/narrative.toml [goals])."""
    lx = vocabulary()
    goals: list[tuple[Num, frozenset[str], str, Loc]] = []
    dones: list[tuple[Num, frozenset[str], str, Loc]] = []

    def quantities(text: str, a: int, b: int):
        for n in find_numbers(text[a:b]):
            if n.kind == "amount" and n.unit in lx.measure_units and not n.approx:
                yield n

    def ctx(text: str, a: int, b: int) -> frozenset[str]:
        han = "".join(ch for ch in text[a:b] if "\u4e00" <= ch <= "\u9fff")
        return frozenset(han[i:i + 2] for i in range(len(han) - 1)) - lx.goal_stock_words

    for u in units:
        t = u.text
        lead = next((t.find(w) for w in lx.goal_leads if w in t), -1)
        for m in _CLAUSE.finditer(t):
            a, b = m.span()
            clause = t[a:b]
            for n in quantities(t, a, b):
                near = ctx(t, max(a, a + n.start - 8), min(b, a + n.end + 8))
                if lead >= 0 and a + n.start >= lead:
                    goals.append((n, near, clause.strip(), u.loc.quoting(clause.strip())))
                elif _contains_any(t[b:b + 6] + clause[n.end:], lx.goal_done) and not _contains_any(clause, lx.not_done):
                    q = t[a:min(len(t), b + 6)].strip()
                    dones.append((n, near, q, u.loc.quoting(q)))
    out = []
    for d, dctx, dq, dloc in dones:
        for g, gctx, gq, gloc in goals:
            if g.unit == d.unit and dctx & gctx and d.value < g.value:
                out.append(ShortDone(g, gq, gloc, d, dq, dloc))
                break
    return out


@dataclass(eq=False, repr=False)
class Share(Record):
    """A share of the budget a reason says is left unpaid ("剩余5%质保金未付")."""

    num: Num
    quote: str
    loc: Loc


def quoted_shares(text: str, loc: Loc, nums: list[Num] | None = None) -> list[Share]:
    lx = vocabulary()
    out = []
    nums = find_numbers(text) if nums is None else nums
    spans = None
    for n in nums:
        if not n.is_percent:
            continue
        spans = spans if spans is not None else _sentences(text)
        a, b = next(((x, y) for x, y in spans if x <= n.start < y), (0, len(text)))
        if any(m.is_money for m in nums if a <= m.start < b):
            continue  # the sentence gives the amounts themselves (often of one sub-item): no bare share
        before, after = text[max(0, n.start - 6):n.start], text[n.end:n.end + 5]
        if _contains_any(before, lx.share_before) or _contains_any(after, lx.share_after):
            a = max(a, max(text.rfind(ch, 0, n.start) for ch in "，。；;") + 1)
            e = min((i for i in (text.find(ch, n.end) for ch in "，。；;") if i >= 0), default=b)
            quote = text[a:e]
            out.append(Share(n, quote, loc.quoting(quote)))
    return out
