"""Understanding: the seed's facts from PDF and DOCX alike, table roles, no invented facts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from casedoc import build
from conftest import facts_of

from checker import knowledge
from checker.understand.facts import extract

SEED = ["xiangxi-2022.pdf", "xiangxi-2022.docx", "xiangxi-2022-chrome.pdf"]


@pytest.mark.parametrize("name", SEED)
def test_seed_totals(name):
    f = facts_of(name)
    assert f.fund is not None and len(f.fund.data_rows) == 7
    got = {c: f.total(c)[0] for c in ("budget", "arrived", "spent", "balance", "rate")}
    assert {c: n.value for c, n in got.items()} == {
        "budget": Decimal("1800"), "arrived": Decimal("1800"), "spent": Decimal("1160.49"),
        "balance": Decimal("639.51"), "rate": Decimal("64.47")}
    assert got["spent"].decimals == 2 and got["rate"].unit == "%"
    assert f.fund.unit == "万元"


@pytest.mark.parametrize("name", SEED)
def test_seed_allocations_score_grade_band(name):
    f = facts_of(name)
    docs = {(a.docno[-16:], a.num.value) for g in f.allocations for a in g}
    assert ("州财行集字（2022）0144号", Decimal("1113")) in docs
    assert ("州财行集字（2022）0148号", Decimal("687")) in docs
    assert {s.value.value for s in f.scores} == {Decimal("96.5")}
    assert {g.grade for g in f.grades} == {"优"}
    assert [(b.grade, b.lo, b.hi) for b in f.band_note] == [
        ("优", 90, 100), ("良", 80, 90), ("较差", 60, 80), ("差", 0, 60)]
    assert f.year == 2022


@pytest.mark.parametrize("name", SEED)
def test_seed_selfeval_regions(name):
    f = facts_of(name)
    fb = f.funds_block
    total = next(r for r in fb.rows if r.kind == "funds_total")
    assert total.values["adjusted_budget"].num.value == 1800
    assert total.values["score"].num.value == Decimal("6.5")
    assert total.values["initial_budget"].blank
    ind = f.indicators
    assert ind.total_row.values["score"].num.value == Decimal("96.5")
    assert len([r for r in ind.rows if r.kind is None]) == 12


@pytest.mark.parametrize("name", SEED)
def test_seed_listed_items_and_counts(name):
    f = facts_of(name)
    items = f.listed[0]
    assert [it.num.value for it in items] == [80, 30, 200, 230, 200, 210, 850]
    assert {c.n for c in f.counts} == {7}
    assert f.summary["plan_total"][0][0].value == 1800


def test_no_fact_invented_from_text_that_states_none():
    doc = build(["项目组织管理情况良好，各项制度得到有效执行，2023年3月召开专题会议3次，涉及5个部门。",
                 "联系电话：13800138000，邮编 416000，文件编号湘财绩〔2020〕7号。"])
    f = extract(doc, knowledge.load())
    assert f.stated == [] and f.allocations == [] and f.listed == [] and f.scores == [] and f.grades == []
    assert f.regions == [] and f.counts == []


def test_header_vocabulary_is_data():
    k = knowledge.load()
    assert k.column_concept("全年执行数(B)") == "spent"
    assert k.column_concept("调整后预算数") == "adjusted_budget"
    assert k.column_concept("预算执行率") == "rate"
    assert k.column_concept("项目结转结余金额") == "balance"
    assert k.column_concept("权重") == "weight"
    assert k.canonical_grade("优秀") == "优"


def test_profiles_load_and_extend():
    assert knowledge.load("hunan").bands()[2].grade == "较差"
    assert knowledge.load("sichuan").profile["thresholds"]["deviation_required_below"] == 90
    with pytest.raises(knowledge.KnowledgeError):
        knowledge.load("atlantis")


@pytest.mark.parametrize("title, project", [
    ("2022年度州智慧湘西建设专项资金项目支出绩效自评报告", "2022年度州智慧湘西建设专项资金项目"),
    # 湖北's published "自评结果" names its project the same way
    ("2021年度本专科生奖助学金项目自评结果", "2021年度本专科生奖助学金项目"),
    ("2022年度项目支出绩效自评表", None),
])
def test_title_names_the_project(title, project):
    from checker.pipeline import _title_project

    assert _title_project(build([title, "一、基本情况", "项目资金1800万元。"])) == project
