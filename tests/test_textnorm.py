"""Normalisation: radical look-alikes, full-width forms, CJK spaces, wrapped lines."""

from __future__ import annotations

from checker.textnorm import fold, join_lines, normalize


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


def test_figure_wrapped_inside_its_decimals_joins():
    # a narrow money cell wraps "187.4538" after some of its decimals
    assert normalize("187.453\n8") == "187.4538"
    assert normalize("98.5\n0%") == "98.50%"
    # a figure ending a line before a count in prose is two figures
    assert join_lines("完成率99.5\n3个项目") == "完成率99.5 3个项目"
    assert join_lines("合计 1.5\n2022") == "合计 1.5 2022"
