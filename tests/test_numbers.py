from __future__ import annotations

import time
from decimal import Decimal as D
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.understand.numbers import (
    EMPTY_MARKS,
    Num,
    find_numbers,
    is_empty_mark,
    overlaps,
    parse_number,
    ratio_interval,
    round_half_up,
    sum_interval,
)


def figures(text: str, kind: str | None = None) -> list[tuple[str, D, str]]:
    """(raw, value, unit) of the figures found, optionally of one kind only."""
    return [(n.raw, n.value, n.unit) for n in find_numbers(text) if kind is None or n.kind == kind]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(n.raw, n.kind) for n in find_numbers(text)]


# --------------------------------------------------------------------------- parse_number
@pytest.mark.parametrize("cell, value, unit, decimals", [
    ("1800", D("1800"), "", 0),
    ("1,800.00", D("1800.00"), "", 2),
    ("１８００", D("1800"), "", 0),
    ("１，８００．００", D("1800.00"), "", 2),
    ("1160.49万元", D("1160.49"), "万元", 2),
    ("1160.49 万元", D("1160.49"), "万元", 2),
    ("1.8亿元", D("1.8"), "亿元", 1),
    ("18,000,000元", D("18000000"), "元", 0),
    ("3千元", D("3"), "千元", 0),
    ("64.47%", D("64.47"), "%", 2),
    ("64.47％", D("64.47"), "%", 2),
    ("百分之六十四点四七", D("64.47"), "%", 2),
    ("百分之百", D("100"), "%", 0),
    ("一千八百万元", D("1800"), "万元", 0),
    ("壹仟捌佰万元", D("1800"), "万元", 0),
    ("一点八亿元", D("1.8"), "亿元", 1),
    ("两万三千元", D("23000"), "元", 0),
    ("一亿二千万元", D("12000"), "万元", 0),
    ("三万五", D("35000"), "", 0),
    ("十万", D("10"), "万", 0),
    ("二〇二二", D("2022"), "", 0),
    ("一千零五元", D("1005"), "元", 0),
    ("十", D("10"), "", 0),
    ("十五", D("15"), "", 0),
    ("二十", D("20"), "", 0),
    ("一百一十", D("110"), "", 0),
    ("七个", D("7"), "个", 0),
    ("−12.3", D("-12.3"), "", 1),
    ("-12.3", D("-12.3"), "", 1),
    ("－12.3", D("-12.3"), "", 1),
    ("(12.3)", D("-12.3"), "", 1),
    ("（12.3）", D("-12.3"), "", 1),
    ("（1,200.50万元）", D("-1200.50"), "万元", 2),
    (" 80 ", D("80"), "", 0),
    ("\u300080\u3000", D("80"), "", 0),
    ("17.6", D("17.6"), "", 1),
    ("0.00%", D("0"), "%", 2),
    ("2.5个百分点", D("2.5"), "个百分点", 1),
    ("96.5分", D("96.5"), "分", 1),
    ("207.4538", D("207.4538"), "", 4),
])
def test_parse_number_spellings(cell, value, unit, decimals):
    n = parse_number(cell)
    assert n is not None, cell
    assert (n.value, n.unit, n.decimals) == (value, unit, decimals)
    assert n.kind == "amount"
    assert n.raw == cell.strip()
    assert cell[n.start:n.end] == n.raw


def test_parse_number_negative_flag_and_sign():
    n = parse_number("(12.3)")
    assert n.negative and n.value == D("-12.3")
    assert not parse_number("12.3").negative
    assert parse_number("+5").value == 5


def test_parse_number_spans_exclude_padding():
    n = parse_number("  1,800.00 ")
    assert (n.start, n.end, n.raw) == (2, 10, "1,800.00")


@pytest.mark.parametrize("cell", [
    "≥95%", "≤5天", "=100%", ">90", "95%≤x", "达成", "效果明显", "有效", "80万元，30万元", "2022年12月31日",
    "1 2", "abc", "万元", "单位：万元", "((((1))))", "(1", "**", "≥**平方米", "指标1", "12.3.4",
])
def test_parse_number_rejects(cell):
    assert parse_number(cell) is None


@pytest.mark.parametrize("cell", sorted(EMPTY_MARKS) + [" — ", "----", "……", "　／　"])
def test_empty_marks(cell):
    assert is_empty_mark(cell)
    assert parse_number(cell) is None


@pytest.mark.parametrize("cell", ["0", "一", "0.00", "达成", "**"])
def test_not_empty_marks(cell):
    assert not is_empty_mark(cell)


def test_default_unit_applies_only_without_a_unit():
    assert parse_number("1800", default_unit="万元").unit == "万元"
    assert parse_number("1800元", default_unit="万元").unit == "元"
    assert parse_number("64.47", default_unit="%").is_percent
    assert parse_number("64.47%", default_unit="万元").unit == "%"


def test_parse_number_kinds_of_single_cells():
    assert parse_number("2022年").kind == "date"
    assert parse_number("15274311637").kind == "phone"
    assert parse_number("（一）").kind == "ordinal"


def test_approx():
    assert parse_number("约1800万元").approx
    assert parse_number("1000余次").approx
    assert parse_number("近30万").approx
    assert parse_number("95%以上").approx
    assert parse_number("3天左右").approx
    assert not parse_number("1800万元").approx


# --------------------------------------------------------------------------- Num arithmetic
def test_money_conversion():
    n = parse_number("1160.49万元")
    assert n.is_money and not n.is_percent
    assert n.in_yuan() == D("11604900")
    assert n.to_unit("元") == D("11604900")
    assert n.to_unit("亿元") == D("0.116049")
    assert parse_number("1.8亿元").to_unit("万元") == D("18000")
    assert parse_number("18,000,000元").to_unit("万元") == D("1800")
    assert parse_number("5千元").in_yuan() == D("5000")
    assert parse_number("一千八百万元").to_unit("万元") == parse_number("1800万元").value
    assert str(parse_number("1160.49万元").in_yuan()) == "11604900"  # no exponent notation


def test_non_money_conversion():
    p = parse_number("64.47%")
    assert p.is_percent and not p.is_money
    assert p.in_yuan() is None
    assert p.to_unit("%") == D("64.47")
    assert p.to_unit("元") is None
    assert parse_number("7个").to_unit("元") is None
    assert parse_number("1800").in_yuan() is None


def test_intervals():
    n = parse_number("1160.49")
    assert n.half_ulp == D("0.005")
    assert n.interval() == (D("1160.485"), D("1160.495"))
    assert parse_number("80").interval() == (D("79.5"), D("80.5"))
    assert parse_number("17.6").interval() == (D("17.55"), D("17.65"))
    assert parse_number("0.00%").interval() == (D("-0.005"), D("0.005"))
    assert parse_number("1160.49万元").interval("元") == (D("11604850"), D("11604950"))
    with pytest.raises(ValueError):
        parse_number("64.47%").interval("元")


def test_round_half_up():
    assert round_half_up(D("6.447"), 2) == D("6.45")
    assert round_half_up(D("6.445"), 2) == D("6.45")  # banker's rounding would give 6.44
    assert round_half_up(D("0.5"), 0) == D("1")
    assert round_half_up(D("2.5"), 0) == D("3")
    assert round_half_up(D("-2.5"), 0) == D("-3")
    assert round_half_up(D("64.4717"), 2) == D("64.47")
    assert round_half_up(D("1234.5"), -2) == D("1.2E+3")


def test_overlaps():
    assert overlaps((D(1), D(2)), (D(2), D(3)))
    assert overlaps((D(1), D(5)), (D(2), D(3)))
    assert not overlaps((D(1), D(2)), (D("2.0001"), D(3)))


def test_sum_interval_foots_the_seed_table():
    spent = [parse_number(s) for s in ("17.6", "0", "95.75", "85.82", "188.19", "120.1", "653.03")]
    total = parse_number("1160.49")
    assert overlaps(sum_interval(spent), total.interval())
    assert not overlaps(sum_interval(spent), parse_number("1161.49").interval())
    assert sum_interval([(D(1), D(2)), (D(3), D(4))]) == (D(4), D(6))
    assert sum_interval([]) == (D(0), D(0))


def test_ratio_interval_execution_rate():
    spent, budget = parse_number("1160.49"), parse_number("1800")
    rate = ratio_interval(spent, budget)
    as_percent = (rate[0] * 100, rate[1] * 100)
    assert overlaps(as_percent, parse_number("64.47%").interval())
    assert not overlaps(as_percent, parse_number("64.74%").interval())
    assert ratio_interval((D(1), D(2)), (D(-1), D(1))) is None
    assert ratio_interval((D(1), D(1)), (D(0), D(0))) is None
    lo, hi = ratio_interval((D(-2), D(-2)), (D(4), D(4)))
    assert lo == hi == D("-0.5")


# --------------------------------------------------------------------------- find_numbers
def test_sentence_amounts():
    assert figures("共支出资金1160.49万元，结转结余639.51万元，预算执行率为64.47%") == [
        ("1160.49万元", D("1160.49"), "万元"),
        ("639.51万元", D("639.51"), "万元"),
        ("64.47%", D("64.47"), "%"),
    ]


def test_spans_index_the_input():
    text = "共支出资金１１６０．４９万元，执行率６４．４７％。"
    for n in find_numbers(text):
        assert text[n.start:n.end] == n.raw
    assert [n.value for n in find_numbers(text)] == [D("1160.49"), D("64.47")]


def test_spaced_pdf_text():
    assert figures("结转结余 639.51 万元，预算执行率为 64.47%。") == [
        ("639.51 万元", D("639.51"), "万元"), ("64.47%", D("64.47"), "%")]


def test_chinese_numerals_in_text():
    assert figures("一千八百万元") == [("一千八百万元", D("1800"), "万元")]
    assert figures("七个子项目均已顺利实施完成") == [("七个", D("7"), "个")]
    assert figures("验收合格率百分之百") == [("百分之百", D("100"), "%")]
    assert figures("两块牌子一套人马") == [("两块", D("2"), "块"), ("一套", D("1"), "套")]


@pytest.mark.parametrize("text", ["统一部署", "三大运营商", "“十四五”规划", "千家万户", "十分重要", "（万元）",
                                  "进一步", "一般", "四川"])
def test_chinese_words_are_not_figures(text):
    assert find_numbers(text) == []


def test_magnitudes_and_counted_units():
    assert figures("完成湘西智能电网建设投资1.8亿元") == [("1.8亿元", D("1.8"), "亿元")]
    assert figures("接入光缆 11.98 万纤芯公里，建设端口 8.63 万个") == [
        ("11.98 万纤芯公里", D("11.98"), "万纤芯公里"), ("8.63 万个", D("8.63"), "万个")]
    assert figures("提高2.5个百分点") == [("2.5个百分点", D("2.5"), "个百分点")]
    assert figures("存储能力共计 30 余 PB") == [("30 余 PB", D("30"), "PB")]


def test_approx_in_text():
    found = {n.raw: n for n in find_numbers("机房巡查 1000 余次，汇聚了 8000 余万条数据，注册人数近 30 万，3 万多户")}
    assert found["1000 余次"].approx and found["1000 余次"].unit == "次"
    assert found["8000 余万条"].unit == "万条"
    assert found["近 30 万"].approx and found["近 30 万"].value == 30 and found["近 30 万"].unit == "万"
    assert found["3 万多户"].unit == "万户" and found["3 万多户"].approx
    assert not find_numbers("最近 3 年")[0].approx
    assert not find_numbers("节约30万元")[0].approx


def test_thousands_separators():
    assert figures("80万元，30万元") == [("80万元", D("80"), "万元"), ("30万元", D("30"), "万元")]
    n = find_numbers("合计1,800.00万元")[0]
    assert (n.value, n.decimals, n.raw) == (D("1800.00"), 2, "1,800.00万元")
    assert [n.value for n in find_numbers("共1，800人")] == [D("1800")]
    assert [n.value for n in find_numbers("分别为1，2，3个")] == [1, 2, 3]
    assert [n.value for n in find_numbers("80,30")] == [80, 30]
    assert [n.value for n in find_numbers("1，800， 1，80")] == [1800, 1, 80]
    assert [n.value for n in find_numbers("1， 800")] == [1, 800]


def test_decimals():
    assert [n.decimals for n in find_numbers("80 17.6 95.75 0.00% 207.4538")] == [0, 1, 2, 2, 4]


def test_negative_in_text():
    n = find_numbers("结转结余为-12.3万元")[0]
    assert n.negative and n.value == D("-12.3") and n.raw == "-12.3万元"
    assert [n.value for n in find_numbers("1-2个")] == [1, 2]


def test_dates():
    assert kinds("截至2022年12月31日") == [("2022年", "date"), ("12月", "date"), ("31日", "date")]
    assert kinds("2022年1月~2022年12月") == [
        ("2022年", "date"), ("1月", "date"), ("2022年", "date"), ("12月", "date")]
    assert kinds("报告时间： 2023 年 6 月") == [("2023 年", "date"), ("6 月", "date")]
    assert kinds("《智慧湘西建设三年行动计划（2019-2021年）》") == [
        ("三年", "amount"), ("2019", "date"), ("2021年", "date")]
    assert kinds("2022年度州本级") == [("2022年", "date")]
    assert kinds("2022-12-31") == [("2022", "date"), ("12", "date"), ("31", "date")]
    assert kinds("2022.12.31") == [("2022", "date"), ("12", "date"), ("31", "date")]
    assert kinds("2022.01-2022.12") == [("2022", "date"), ("01", "date"), ("2022", "date"), ("12", "date")]
    assert kinds("二〇二二年") == [("二〇二二年", "date")]
    assert kinds("12月31号") == [("12月", "date"), ("31", "date")]
    assert kinds("实施期3年") == [("3年", "amount")]
    assert kinds("调整为2022.12万元") == [("2022.12万元", "amount")]


def test_document_numbers():
    assert kinds("州财行集字（2022）0144号") == [("2022", "docno"), ("0144", "docno")]
    assert kinds("州财行集字（2022）0144 号指标文件下达 1113 万元") == [
        ("2022", "docno"), ("0144", "docno"), ("1113 万元", "amount")]
    assert kinds("湘财绩〔2020〕7号") == [("2020", "docno"), ("7", "docno")]
    assert kinds("州政发【2017】23号") == [("2017", "docno"), ("23", "docno")]
    assert kinds("财预〔2020〕10号") == [("2020", "docno"), ("10", "docno")]
    assert kinds("…0148 号…687 万元") == [("0148", "docno"), ("687 万元", "amount")]


def test_ordinals():
    assert kinds("第3页") == [("3", "ordinal")]
    assert kinds("第一副组长") == [("一", "ordinal")]
    assert kinds("<p>一是强化云安全") == [("一", "ordinal")]
    assert kinds("；二是推进数据共享") == [("二", "ordinal")]
    assert kinds("（一）项目概况") == [("一", "ordinal")]
    assert kinds("(2) 存在的问题") == [("2", "ordinal")]
    assert kinds("一、项目概况") == [("一", "ordinal")]
    assert kinds("1、项目概况\n2.绩效目标") == [("1", "ordinal"), ("2", "ordinal")]
    assert kinds("附件1：自评表") == [("1", "ordinal")]
    assert kinds("统一是") == []


def test_phones_and_codes():
    assert kinds("联系电话 15274311637 15174396090") == [("15274311637", "phone"), ("15174396090", "phone")]
    assert kinds("邮编\t416000") == [("416000", "phone")]
    assert kinds("电话：0743-8222222") == [("0743", "phone"), ("8222222", "phone")]
    assert kinds("支出功能科目编码 2299999") == [("2299999", "code")]
    assert kinds("完成 5G 物理站点建设 822 个") == [("5", "code"), ("822 个", "amount")]
    assert kinds("统一社会信用代码：11433100MB1234567X")[0][1] == "code"
    assert kinds("投资18000000000元") == [("18000000000元", "amount")]


# --------------------------------------------------------------------------- properties
UNITS = ["", "元", "万元", "亿元", "%"]
FULL_WIDTH = str.maketrans("0123456789.,-%", "０１２３４５６７８９．，－％")


@st.composite
def written_figures(draw):
    places = draw(st.integers(0, 6))
    value = draw(st.decimals(min_value=-10**12, max_value=10**12, places=places,
                             allow_nan=False, allow_infinity=False))
    unit = draw(st.sampled_from(UNITS))
    style = draw(st.sampled_from(["plain", "thousands", "full", "full_thousands"]))
    body = format(value, ",f" if "thousands" in style else "f")
    s = body + unit
    if style.startswith("full"):
        s = s.translate(FULL_WIDTH)
    return s, value, places, unit


@given(written_figures())
@settings(max_examples=400)
def test_round_trip(case):
    s, value, places, unit = case
    n = parse_number(s)
    assert n is not None, s
    assert n.value == value
    assert n.decimals == places
    assert n.unit == unit
    assert n.negative == value.is_signed()
    found = find_numbers(f"金额为{s}。")
    assert [(m.value, m.unit, m.decimals) for m in found] == [(value, unit, places)]


NASTY = st.sampled_from([
    "9" * 5000, "((((1))))", "（（（（1））））", "1," * 2000, "1，" * 2000 + "000", "九" * 5000, "亿" * 5000,
    "百分之" * 1000, "一点" * 1000, "约近" * 1000 + "3", "-" * 3000 + "1", "1." * 3000, "2022年" * 500,
    "〔2020〕" * 500, "万" * 3000 + "元", "１" * 3000, "0." + "0" * 4000 + "1%", "余多" * 2000,
])


@given(st.one_of(st.text(), NASTY, st.lists(st.one_of(st.text(max_size=20), NASTY), max_size=4).map("".join)))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_never_crashes(text):
    t0 = time.process_time()  # CPU time: a busy machine must not fail this
    found = find_numbers(text)
    one = parse_number(text)
    assert time.process_time() - t0 < 2.0
    assert isinstance(found, list)
    assert one is None or isinstance(one, Num)
    for n in found:
        assert text[n.start:n.end] == n.raw
        n.interval()
        n.in_yuan()


@given(st.decimals(min_value=-10**9, max_value=10**9, places=6, allow_nan=False),
       st.decimals(min_value=-10**9, max_value=10**9, places=6, allow_nan=False))
@settings(max_examples=300)
def test_ratio_interval_contains_exact_ratio(a, b):
    got = ratio_interval((a, a), (b, b))
    if b == 0:
        assert got is None
        return
    exact = Fraction(a) / Fraction(b)
    assert Fraction(got[0]) <= exact <= Fraction(got[1])


@given(st.lists(st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False), max_size=30))
def test_sum_interval_contains_exact_sum(values):
    lo, hi = sum_interval((v, v) for v in values)
    assert Fraction(lo) <= sum(map(Fraction, values), Fraction(0)) <= Fraction(hi)


def test_digits_newer_than_this_python_are_no_figure():
    # regex's \d knows Unicode 16 digits (U+10D40 GARAY DIGIT ZERO) that Decimal does not:
    # such a run is skipped, not a crash (found by test_never_crashes)
    assert find_numbers("9" * 40 + "\U00010d40") == []
    assert [n.value for n in find_numbers("合计 12.5 万元")] == [D("12.5")]
