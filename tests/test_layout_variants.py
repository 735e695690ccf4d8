"""Samples laid out differently (tools/variants.py: landscape pages, a narrower text column, larger
type, printed by Chromium) must give the findings of their answer keys: what pecheck reads may not depend on where our
renderer broke a line or a page. Each PDF here is a variant that once read differently from its
original: a footer higher than 91 % of a landscape page left as text between a table and its
continuation; a first-level indicator cut by a page break ("效益指标（30" / "分）", or an empty
cell below a grouping cell); a title wrapped onto a second line; a rating table's header row read as
"项目名称: 债券性质"; a figure overflowing a narrow cell into the next one ("1985.3" | "6 10"); portrait narrative pages
read with the right margin of the landscape 自评表 pages after them (every line a paragraph of
its own, the sentences in pieces); a watermark "内部资料 注意保密" laid over every page, turned 35°
(*.watermark.pdf) or level and see-through (*.seethrough.pdf), read into the cells and lines it
crossed ("10密", "广部场演出2资0场"); level-1 indicator names and a table's unit written vertically in
their merged cells (*.vertical.pdf: the unit "（万元）" lost, the indicator groups unread); a running
header in a two-page report, too few pages to count as repeated (*.running.pdf: a table's continuation
taken for a new table under a caption)."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLES
from test_samples import matches

from checker.config import Config
from checker.runner import check_file

LAYOUT = SAMPLES.parent / "tests" / "layout"
VARIANTS = sorted(LAYOUT.glob("*.pdf"))


def test_there_are_variants():
    assert len(VARIANTS) >= 8


@pytest.mark.parametrize("path", VARIANTS, ids=[p.name for p in VARIANTS])
def test_variant_against_key(path):
    stem = path.name.split(".")[0]
    key = json.loads((SAMPLES / f"{stem}.expected.json").read_text(encoding="utf-8"))
    res = check_file(path, Config())
    assert res.error is None
    loud = [f for f in res.findings if f.severity in ("error", "warning")]
    items = key.get("expected", [])
    if key.get("clean"):
        assert loud == [], [f"{f.rule} {f.message}" for f in loud]
        return
    missed = [it["note"] for it in items if not it.get("optional") and not any(matches(it, f) for f in res.findings)]
    assert missed == []
    assert [f"{f.rule} {f.message}" for f in loud if not any(matches(it, f) for it in items)] == []


@pytest.mark.parametrize("path", [p for p in VARIANTS if ".watermark." in p.name or ".seethrough." in p.name],
                         ids=lambda p: p.name)
def test_a_watermark_is_not_read(path):
    from checker.read import load

    text = "".join(t for t, *_ in load(path).text_places())
    assert "注意保密" not in text and "内部资料" not in text
    assert "自评" in text  # the report itself is read


def test_level_tells_turned_characters_from_level_and_italic_ones():
    import math

    from checker.read.layout import level

    assert level(1.0, 0.0) and level(16.0, 0.5)  # level; a 1.8° tremor of a scanned-and-retyped line
    assert not level(math.cos(math.radians(35)), math.sin(math.radians(35)))  # a diagonal watermark
    assert not level(math.cos(math.radians(5)), math.sin(math.radians(5)))  # a seal's character near the top


def test_quarter_turns_are_told_by_direction():
    from checker.read.layout import quarter_turn

    assert quarter_turn(0.0, 1.0) == 1 and quarter_turn(0.0, 12.0) == 1  # reads upwards (btLr)
    assert quarter_turn(0.0, -1.0) == -1  # reads downwards (tbRl)
    assert quarter_turn(1.0, 0.0) == 0 and quarter_turn(0.7, 0.7) == 0 and quarter_turn(0.0, 0.0) == 0


def test_vertical_cell_text_is_read_in_its_cell():
    from checker.read import load

    doc = load(LAYOUT / "hospital-equipment-2023.vertical.pdf")
    texts = [c.text for t in doc.tables for c in t.cells]
    for written_vertically in ("项目资金（万元）", "年度总体目标", "数量指标", "可持续影响指标"):
        assert written_vertically in texts
