"""Normalisation: radical look-alikes, full-width forms, CJK spaces, wrapped lines."""

from __future__ import annotations

from checker.textnorm import fold, join_lines, map_radicals, normalize


def test_radical_lookalikes_map_back():
    # Kangxi radicals (NFKC knows them) and the supplement block (it does not)
    assert normalize("⼀⽉⾦⽤⽬⾄⾏") == "一月金用目至行"
    assert normalize("⺠⻅⻔⻓⻋⻚") == "民见门长车页"


def test_full_width_and_spaces():
    assert normalize("预算执行率为 ６４．４７％") == "预算执行率为64.47%"
    assert normalize("2022 年 度 州 本 级") == "2022年度州本级"
    assert normalize("app 协同 office suite") == "app协同office suite"


def test_wrapped_lines_join():
    assert join_lines("专项资金\n1800万元") == "专项资金1800万元"
    assert join_lines("word\nwrap") == "word wrap"


def test_stray_markup_and_fold():
    assert normalize("<p>评分：96.5</p>") == "评分：96.5"
    assert fold("项目（甲），完成。") == fold("项目(甲),完成.")


def test_decimals_wrapped_in_a_narrow_cell_join():
    # a cell holding one figure whose decimals wrapped ("250000.0 0" in a PDF's 全年预算数 column)
    assert normalize("250000.0 0") == "250000.00"
    assert normalize("86.1 9%") == "86.19%"
    # a row of figures read as one text keeps its cells apart
    assert normalize("215457.6 10 86.19%") == "215457.6 10 86.19%"
    assert normalize("得分 8.5 9") == "得分8.5 9"
    # the same wrap as a line break inside the cell ("187.453" / "8")
    assert normalize("187.453\n8") == "187.4538"


def test_a_full_width_figure_spread_or_wrapped_by_the_text_layer_is_one_figure():
    # a justified line spreads full-width digits, a wrap cuts them; once ASCII, "1 60" would be two numbers
    assert normalize("资金１ \n６０万元（川财教〔２０２ ２〕１３２号）") == "资金160万元（川财教〔2022〕132号）"
    assert normalize("达到９８ ．５ ％") == "达到98.5%"
    # full-width digits apart from each other by words keep their words' spacing rules
    assert normalize("共 ３ 个，完成 ２ 个") == "共3个，完成2个"


def test_a_grouped_figure_wrapped_after_its_thousands_comma_is_one_figure():
    assert normalize("中央补助资金1,\n000,000.00元") == "中央补助资金1,000,000.00元"
    assert normalize("中央补助资金１,\n０００,０００．００元") == "中央补助资金1,000,000.00元"
    # not three digits after the break: not a thousands group
    assert normalize("a 1,\n2 b") == "a 1, 2 b"
    assert normalize("1,\n0000") == "1, 0000"


def test_symbol_font_comparators_at_their_private_use_codes_are_the_characters():
    # Word's Insert Symbol ≥ (Symbol font 0xB3) is U+F0B3 in the PDF it exports, ≤ is U+F0A3
    assert normalize("\uf0b360场") == "≥60场"
    assert normalize("投诉率\uf0a35%") == "投诉率≤5%"
    assert map_radicals("\uf0b395%") == "≥95%"
    # another symbol font's private-use codes stay what they are (Wingdings' digits-range glyphs are no digits)
    assert normalize("\uf030\uf06f") == "\uf030\uf06f"
