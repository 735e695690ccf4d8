"""Fuzzing (issue 8): the number parser and fact extraction take any text without an exception, in
bounded time. Inputs are grown from the pieces real reports are made of (figures, Chinese numerals,
units, brackets, dates, document numbers, labels) and mixed with arbitrary Unicode."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker import knowledge
from checker.check.registry import run_rules
from checker.model import Cell, Document, Page, Paragraph, Table
from checker.textnorm import normalize
from checker.understand.facts import extract
from checker.understand.numbers import (
    KINDS,
    MONEY_UNITS,
    Num,
    find_numbers,
    parse_number,
    ratio_interval,
    sum_interval,
)

pytestmark = pytest.mark.slow  # the inner loop skips it: python -m pytest -m "not slow"

# CPU time, not wall time, is bounded (BOUND below): a machine busy with other work must not fail these.
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)  # the same examples on every run: CI stays reproducible
BOUND = 2.0  # CPU seconds for one call on one input

# ----------------------------------------------------------------------------- building blocks
DIGITS = "0123456789０１２３４５６７８９٠١٢٣٤٥٦٧٨٩"
CN = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点"
UNITS = ["元", "万元", "亿元", "千元", "百万元", "千万元", "%", "％", "‰", "个百分点", "个", "人次", "分", "年", "月",
         "日", "号", "余", "多", "左右", "以上", "万纤芯公里", "Gbps", "㎡", "人民币"]
PUNCT = list("（）()〔〕【】[]［］{}<>《》,，.．。、;；:：~～-－—–+＋/／\\ \u3000\t\n\xa0") + ["……", "——"]
WORDS = ["预算", "执行率", "结转结余", "合计", "总计", "小计", "支出", "到位", "资金", "得分", "分值", "评分", "等级",
         "优", "良", "中", "差", "第", "附件", "附表", "约", "近", "共", "其中", "百分之", "湘财绩", "号", "编码",
         "邮编", "电话", "年度", "项目名称", "实施单位", "自评得分", "全年预算数", "全年执行数", "偏差原因"]
def _long(n: int) -> list[str]:
    """Pathological runs about `n` characters long."""
    return [
        "9" * n, "1" + "0" * n + ".5万元", "0." + "0" * n + "1%", "１" * n, "٣" * n, "九" * n, "一" + "亿" * n,
        "十" * n + "元", "百分之" * (n // 3) + "5", "点" * n, "1," * (n // 2) + "000", "1，" * (n // 2) + "000",
        "-" * n + "1", "1." * (n // 2), "2022年" * (n // 5), "（" * n + "12.5" + "）" * n,
        "(" * n + "1" + ")" * n, "〔2020〕" * (n // 6) + "7号", "约近" * (n // 2) + "3", "余多" * (n // 2),
        "万" * n + "元", "9" * 30 + "E+999999999", "1e999999",
    ]


LONG = st.sampled_from(_long(5000))  # for the number parser
# For whole documents the runs stay shorter: fact extraction is quadratic on long numeral runs
# (facts._COUNT, see test_extract_long_numeral_runs), which would make every example slow.
LONG_DOC = st.sampled_from(_long(1200))


@st.composite
def figure(draw) -> str:
    """A figure the way reports write them, with the odd mistake."""
    body = draw(st.one_of(
        st.text(DIGITS + ",，.．", min_size=1, max_size=30),
        st.text(CN, min_size=1, max_size=30),
        st.integers(-10**40, 10**40).map(str),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.floats().map(repr),
    ))
    sign = draw(st.sampled_from(["", "-", "+", "－", "约", "近", "约-"]))
    unit = draw(st.sampled_from([""] + UNITS))
    return f"{sign}{body}{unit}"


@st.composite
def nested(draw, inner) -> str:
    """A piece wrapped in brackets, nested and not always balanced."""
    s = draw(inner)
    pairs = [("（", "）"), ("(", ")"), ("〔", "〕"), ("【", "】"), ("[", "]"), ("［", "］")]
    for _ in range(draw(st.integers(0, 40))):
        o, c = draw(st.sampled_from(pairs))
        s = draw(st.sampled_from([o + s + c, o + s, s + c, o + s + c + c]))
    return s


PIECE = st.one_of(figure(), st.sampled_from(WORDS), st.sampled_from(PUNCT), st.text(max_size=8))


def texts(long) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(),  # arbitrary Unicode (surrogates excluded by hypothesis), controls included
        st.lists(PIECE, max_size=40).map("".join),
        nested(st.lists(PIECE, max_size=10).map("".join)),
        long,
        st.lists(st.one_of(long, PIECE), max_size=4).map("".join),
    )


TEXT = texts(LONG)


def _timed(fn, *args):
    t0 = time.process_time()
    out = fn(*args)
    took = time.process_time() - t0
    if took >= BOUND:  # a busy machine can stall one call; a slow input is slow every time
        t0 = time.process_time()
        fn(*args)
        took = min(took, time.process_time() - t0)
    assert took < BOUND, f"{fn.__name__} took {took:.2f} s"
    return out


def _exercise(n: Num, text: str) -> None:
    """Everything callers do with a Num must work on whatever the parser returned."""
    assert isinstance(n.value, Decimal) and n.value.is_finite()
    assert n.kind in KINDS
    assert 0 <= n.start <= n.end <= len(text)
    assert text[n.start:n.end] == n.raw
    assert n.decimals >= 0
    lo, hi = n.interval()
    assert lo <= n.value <= hi
    n.in_yuan()
    for unit in [*MONEY_UNITS, "%"]:
        n.to_unit(unit)
        if n.is_money and unit in MONEY_UNITS:
            n.interval(unit)
    _ = n.is_percent, n.half_ulp


# ----------------------------------------------------------------------------- the number parser
@given(TEXT)
@FUZZ
@example("１２３,４５６.７８万元")
@example("（" * 500 + "1" + "）" * 500)
@example("二〇二二年十二月三十一日")
def test_find_numbers_never_fails(text):
    found = _timed(find_numbers, text)
    assert isinstance(found, list)
    last = -1
    for n in found:
        _exercise(n, text)
        assert n.start >= last  # left to right
        last = n.start
    nums = [n for n in found if n.kind == "amount"]
    sum_interval(nums)
    if len(nums) >= 2:
        ratio_interval(nums[0], nums[1])


@given(TEXT, st.sampled_from(["", "万元", "元", "亿元", "%"]))
@FUZZ
@example("(12.3)", "万元")
@example("（一）", "")
@example("1e999999", "万元")
def test_parse_number_never_fails(text, default_unit):
    n = _timed(parse_number, text, default_unit)
    if n is not None:
        _exercise(n, text)


@given(st.text(DIGITS, min_size=300, max_size=6000), st.sampled_from(UNITS), st.integers(0, 40))
@settings(max_examples=50, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
def test_huge_figures(digits, unit, point):
    text = digits[:point] + "." + digits[point:] + unit if point else digits + unit
    for n in _timed(find_numbers, f"预算{text}，支出{text}"):
        _exercise(n, f"预算{text}，支出{text}")
    n = _timed(parse_number, text)
    if n is not None:
        _exercise(n, text)


# ----------------------------------------------------------------------------- fact extraction
K = knowledge.load()
HEADERS = ["项目名称", "预算数", "全年预算数", "全年执行数", "执行率", "结转结余", "分值", "得分", "年度指标值",
           "实际完成值", "偏差原因分析及改进措施", "一级指标", "二级指标", "三级指标", "合计", "总计", "小计", "子项目名称",
           "资金来源", "年初预算数", "财政拨款", "其他资金", "等级", "自评得分", "单位：万元"]
CELL = st.one_of(st.sampled_from(HEADERS), figure(), st.text(max_size=12), st.just(""),
                 st.lists(PIECE, max_size=5).map("".join))


@st.composite
def table(draw) -> Table:
    rows, cols = draw(st.integers(0, 7)), draw(st.integers(0, 7))
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    for r in range(rows):
        for c in range(cols):
            if (r, c) in taken or draw(st.integers(0, 9)) == 0:  # now and then a hole in the grid
                continue
            rs = draw(st.integers(1, 3)) if draw(st.booleans()) else 1
            cs = draw(st.integers(1, 3)) if draw(st.booleans()) else 1
            rs, cs = min(rs, rows - r), min(cs, cols - c)
            span = {(r + i, c + j) for i in range(rs) for j in range(cs)}
            if span & taken:
                rs = cs = 1
                span = {(r, c)}
            taken |= span
            raw = draw(CELL)
            cells.append(Cell(row=r, col=c, raw=raw, text=normalize(raw), row_span=rs, col_span=cs,
                              page=draw(st.sampled_from([None, 1, 2]))))
    return Table(index=0, cells=cells, n_rows=rows, n_cols=cols, pages=[1])


@st.composite
def document(draw) -> Document:
    blocks: list = []
    for _ in range(draw(st.integers(0, 10))):
        if draw(st.integers(0, 3)) == 0:
            blocks.append(draw(table()))
        else:
            raw = draw(texts(LONG_DOC))
            blocks.append(Paragraph(index=0, raw=raw, text=normalize(raw), page=draw(st.sampled_from([None, 1, 2]))))
    fmt = draw(st.sampled_from(["pdf", "docx"]))
    doc = Document(source=f"fuzz.{fmt}", format=fmt, pages=[Page(number=1), Page(number=2)], blocks=blocks)
    doc.renumber()
    return doc


@given(document())
@FUZZ
def test_extract_and_rules_never_fail(doc):
    facts = _timed(extract, doc, K)
    assert facts.doc is doc
    for f in _timed(run_rules, facts):
        assert f.severity in ("error", "warning", "info")
        f.to_dict()


NASTY_PARAGRAPHS = {
    "huge-figures": "项目全年预算" + "1" * 1500 + "万元，执行率" + "9" * 1000 + "%。",
    "deep-brackets": "（" * 2000 + "预算100万元" + "）" * 2000,
    "huge-cn-score": "自评得分" + "九" * 1500 + "分，等级为优。",
    "controls": "\x00\x01\u202e\ufeff\u200b预算\u3000１００万元\r\n执行率６４．４７％",
    "many-figures": "，".join(f"{i}.5万元" for i in range(3000)),
}


def _one_paragraph(text: str) -> Document:
    doc = Document(source="x.pdf", format="pdf", pages=[Page(number=1)],
                   blocks=[Paragraph(index=0, raw=text, text=normalize(text), page=1)])
    doc.renumber()
    return doc


@pytest.mark.parametrize("name", sorted(NASTY_PARAGRAPHS))
def test_extract_on_nasty_paragraphs(name):
    facts = _timed(extract, _one_paragraph(NASTY_PARAGRAPHS[name]), K)
    _timed(run_rules, facts)


def _best_of_two(fn, *args) -> float:
    took = []
    for _ in range(2):
        t0 = time.process_time()
        fn(*args)
        took.append(time.process_time() - t0)
    return min(took)


@pytest.mark.parametrize("run", ["1", "一"])
def test_extract_long_numeral_runs(run):
    """A paragraph holding a long run of digits (a table pasted without separators, a corrupted text
    layer) costs time in proportion to its length: 8x the run, not 64x the time."""
    short = _best_of_two(extract, _one_paragraph("预算" + run * 500 + "万元"), K)
    long = _best_of_two(extract, _one_paragraph("预算" + run * 4000 + "万元"), K)
    assert long < max(16 * short, 0.25), f"500: {short:.3f} s, 4000: {long:.3f} s"
