"""The sample kit (samples/kit/): report.md markup, faults.toml edits, and the data ↔ committed
documents link (every folder in samples/reports/ rebuilds the text and tables of the committed DOCX
and the committed answer keys). No LibreOffice needed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
sys.path.insert(0, str(SAMPLES))

from kit.blocks import C, Cell, PageBreak, Para, Table, para_text, place  # noqa: E402
from kit.edits import EditError, apply_edits  # noqa: E402
from kit.markup import MarkupError, dump, parse, parse_row  # noqa: E402
from kit.sample import SampleError, load, load_all  # noqa: E402

DOC = """\
+++
description = "demo"
[style]
line = 26
+++
# a comment
::title 2023年度某某项目支出绩效自评报告
::h1 一、项目基本情况
A body paragraph with a | bar and  two  spaces.
\\::not a kind
::plain
::pagebreak
::table widths=[2.2, 3.0, 3.0] size=9.5 header_rows=1 font="黑体"
| 项目 | {cs=2} 金额（万元） |
| 甲 | {align=left bold} 12.00 | 3.00 |
| {rs=2} 乙 | 1 \\| 2 | \\{x} |
| 3 | 4 |
| 第一段 <br> 第二段 | {} 签字 <br> {align=right} 年    月    日 | {indent=false align=justify} y |
::endtable
::right 某某局
"""


def test_markup_blocks_and_attributes():
    front, blocks = parse(DOC)
    assert front["description"] == "demo" and front["style"] == {"line": 26}
    kinds = [b.kind if isinstance(b, Para) else type(b).__name__ for b in blocks]
    assert kinds == ["title", "h1", "body", "body", "plain", "PageBreak", "Table", "right"]
    assert blocks[2].text == "A body paragraph with a | bar and  two  spaces."
    assert blocks[3].text == "::not a kind" and blocks[4].text == ""
    t = blocks[6]
    assert (t.widths, t.size, t.header_rows, t.font) == ([2.2, 3.0, 3.0], 9.5, 1, "黑体")
    assert [len(r) for r in t.rows] == [2, 3, 3, 2, 3]
    assert t.rows[0][1] == Cell(["金额（万元）"], cs=2)
    assert t.rows[1][1] == Cell(["12.00"], align="left", bold=True)
    assert t.rows[2][0].rs == 2 and t.rows[2][1].paras == ["1 | 2"] and t.rows[2][2].paras == ["{x}"]
    assert t.rows[4][0].paras == ["第一段", "第二段"]
    assert t.rows[4][1].paras == ["签字", ("年    月    日", "right")]
    assert (t.rows[4][2].align, t.rows[4][2].indent) == ("justify", False)
    assert [(r, c) for r, c, _ in place(t)][-6:] == [(2, 2), (3, 1), (3, 2), (4, 0), (4, 1), (4, 2)]


def test_markup_defaults_follow_c():
    long = "经费" * 31  # 62 characters: C() justifies and indents
    (cell,) = parse_row(f"| {long} |")
    assert cell == C(long) and (cell.align, cell.indent) == ("justify", True)
    (cell,) = parse_row("| {cs=1} 短 |")
    assert cell == C("短")


def test_markup_round_trip():
    _, blocks = parse(DOC)
    assert parse(dump(blocks))[1] == blocks
    odd = [Para("|x"), Para("#y"), Para("\\z"), Para("", "cover-gap"), PageBreak(),
           Table([1.0], [[C(["{a}", "b<br>c", "d|e"])], [C(("t", "right"))]])]
    assert parse(dump(odd))[1] == odd


@pytest.mark.parametrize(
    "text",
    [
        "::table size=9\n| a |\n::endtable",  # no widths
        "::table widths=[1]\n| a |\n",  # never closed
        "| a |",  # row outside a table
        "::nosuchkind x",
        "::table widths=[1]\n| {wide} a |\n::endtable",  # unknown cell attribute
        "::table widths=[1]\n| a \n::endtable",  # row not closed
    ],
)
def test_markup_errors(text):
    with pytest.raises(MarkupError):
        parse(text)


def test_grid_is_validated_where_the_table_starts():
    with pytest.raises(MarkupError, match=r"report.md:2: table: grid hole"):
        parse("x\n::table widths=[1, 1]\n| {cs=2} a |\n| b |\n::endtable")
    with pytest.raises(MarkupError, match="overflows"):
        parse("::table widths=[1, 1]\n| {cs=3} a |\n::endtable")


GRID = """\
::table widths=[1, 1, 1]
| {rs=3} 产出 | a | 1 |
| b | 2 |
| c | 3 |
| 效益 | d | 4 |
::endtable
结余 3 万元，合计 3 万元。
"""


def test_edits_find_replace_scopes_and_counts():
    _, blocks = parse(GRID)
    out = apply_edits(blocks, [{"find": "3", "replace": "8", "table": 1}])
    assert out[0].rows[2][1].paras == ["8"] and out[1].text == blocks[1].text
    assert blocks[0].rows[2][1].paras == ["3"]  # the input is not changed
    out = apply_edits(blocks, [{"find": "3 万元", "replace": "5 万元", "paragraph": True, "count": 2}])
    assert out[1].text == "结余 5 万元，合计 5 万元。"
    out = apply_edits(blocks, [{"find": "3", "replace": "9", "count": 0}])
    assert "3" not in out[1].text and out[0].rows[2][1].paras == ["9"]
    for bad in ({"find": "3", "replace": "8"}, {"find": "zz", "replace": "y"}, {"find": "3", "table": 4}):
        with pytest.raises(EditError):
            apply_edits(blocks, [bad])


def test_edits_rows_keep_spans():
    _, blocks = parse(GRID)
    out = apply_edits(blocks, [{"delete_row": {"table": 1, "row": 2}}])
    assert out[0].rows[0][0].rs == 2 and [c.paras[0] for c in out[0].rows[1]] == ["c", "3"]
    out = apply_edits(blocks, [{"delete_row": {"table": 1, "row": 1}}])  # the span moves down
    assert out[0].rows[0][0].paras == ["产出"] and out[0].rows[0][0].rs == 2
    out = apply_edits(blocks, [{"insert_row": {"table": 1, "after": 3, "row": "| 指标1 | |"}}])
    assert out[0].rows[0][0].rs == 4 and [c.paras[0] for c in out[0].rows[3]] == ["指标1", ""]
    out = apply_edits(blocks, [{"insert_row": {"table": 1, "after": 1, "row": "| x | 9 |"}}])
    assert out[0].rows[0][0].rs == 4 and out[0].rows[1][0].paras == ["x"]
    out = apply_edits(blocks, [{"insert_row": {"table": 1, "after": 4, "row": "| 9 |"}}])
    assert (out[0].rows[3][0].rs, out[0].rows[3][1].rs, out[0].rows[4][0].paras) == (2, 2, ["9"])
    with pytest.raises(EditError):  # nothing above row 1 to span the missing columns
        apply_edits(blocks, [{"insert_row": {"table": 1, "after": 0, "row": "| 9 |"}}])


def test_markup_edits_match_whole_cells():
    _, blocks = parse(GRID)
    out = apply_edits(blocks, [{"markup": True, "find": "|c|3|", "replace": "| {cs=1} c | 4.5 |"}])
    assert out[0].rows[2][1].paras == ["4.5"]
    out = apply_edits(blocks, [{"markup": True, "find": "结余 3", "replace": "::right 结余 3"}])
    assert out[1].kind == "right"
    with pytest.raises(EditError):  # "| 3 |" is not a cell of "| 13 |"-like text: cell boundaries count
        apply_edits(blocks, [{"markup": True, "find": "| 产出 |", "replace": "| x |"}])


def test_folder_mutant_and_key(tmp_path):
    d = tmp_path / "demo-2023"
    d.mkdir()
    (d / "report.md").write_text(DOC, encoding="utf-8")
    (d / "faults.toml").write_text(
        '[[edit]]\nfind = "12.00"\nreplace = "21.00"\ntable = 1\n\n'
        '[[expect]]\nnote = "n"\ncategory = "sum"\nseverity = "error"\nmention = ["21.00"]\n',
        encoding="utf-8",
    )
    clean, mutant = load(d)
    assert clean.key == {"file_stem": "demo-2023", "clean": True, "base": None, "kind": "clean",
                         "note": "demo", "expected": []}
    assert clean.style.line == 26 and mutant.style.line == 26
    assert list(mutant.key["expected"][0]) == ["category", "severity", "mention", "note"]
    assert mutant.key["base"] == "demo-2023" and mutant.blocks[6].rows[1][1].paras == ["21.00"]
    assert mutant.readme == "mutant of demo-2023; faults: [sum] n"
    (d / "faults.toml").write_text('[[edit]]\nfind = "12.00"\nreplace = "x"\n', encoding="utf-8")
    with pytest.raises(SampleError):  # no [[expect]]
        load(d)
    # a mutant that edits cannot express: the whole document in faults.md, the items in faults.toml
    (d / "faults.md").write_text("::title 别的报告\n正文。\n", encoding="utf-8")
    (d / "faults.toml").write_text(
        'note = "整篇替换"\n[[expect]]\ncategory = "text"\nseverity = "warning"\nmention = ["别的"]\nnote = "n"\n',
        encoding="utf-8",
    )
    mutant = load(d)[1]
    assert mutant.blocks == [Para("别的报告", "title"), Para("正文。")] and mutant.key["note"] == "整篇替换"


# --- the data and the committed documents cannot drift ---------------------------------------

FOLDER_SAMPLES = load_all(SAMPLES / "reports") if (SAMPLES / "reports").exists() else []


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _docx_body(path: Path):
    """Body of a DOCX read from its XML: [("p", text) | ("t", {(r, c): text}, spans)], where spans
    lists the grid positions of each w:tc (gridSpan across, vMerge down); page-break paragraphs
    put before a table are dropped."""
    out = []
    for el in docx.Document(str(path)).element.body.iterchildren():
        if el.tag == qn("w:p"):
            ppr = el.find(qn("w:pPr"))
            if not (_text(el) == "" and ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None):
                out.append(("p", _text(el)))
        elif el.tag == qn("w:tbl"):
            grid, owner = {}, {}
            for r, tr in enumerate(el.findall(qn("w:tr"))):
                c = 0
                for tc in tr.findall(qn("w:tc")):
                    tcpr = tc.find(qn("w:tcPr"))
                    gs = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
                    vm = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                    cont = vm is not None and vm.get(qn("w:val")) in (None, "continue")
                    n = int(gs.get(qn("w:val"))) if gs is not None else 1
                    text = "\n".join(_text(p) for p in tc.findall(qn("w:p")))
                    for cc in range(c, c + n):
                        owner[(r, cc)] = owner[(r - 1, cc)] if cont else (r, c)
                        grid[(r, cc)] = grid[(r - 1, cc)] if cont else text
                    c += n
            spans = {}
            for pos, o in owner.items():
                spans.setdefault(o, []).append(pos)
            out.append(("t", grid, sorted(sorted(v) for v in spans.values())))
    return out


def _blocks_body(blocks):
    out = []
    for b in blocks:
        if isinstance(b, Para):
            out.append(("p", "" if b.kind == "cover-gap" else b.text))  # a gap's text is its height
        elif isinstance(b, Table):
            placed = place(b)
            grid, spans = {}, []
            for r, c, cell in placed:
                pos = [(r + i, c + j) for i in range(cell.rs) for j in range(cell.cs)]
                spans.append(pos)
                for p in pos:
                    grid[p] = "\n".join(para_text(x) for x in cell.paras)
            out.append(("t", grid, sorted(spans)))
    return out


@pytest.mark.parametrize("sample", [s for s in FOLDER_SAMPLES if s.producer == "docx"], ids=lambda s: s.name)
def test_folder_rebuilds_committed_docx_text(sample):
    committed = SAMPLES / f"{sample.name}.docx"
    assert committed.exists(), f"run: python samples/build.py --only {sample.name}"
    assert _blocks_body(sample.blocks) == _docx_body(committed)


@pytest.mark.parametrize("sample", FOLDER_SAMPLES, ids=lambda s: s.name)
def test_folder_rebuilds_committed_key(sample):
    committed = json.loads((SAMPLES / f"{sample.name}.expected.json").read_text(encoding="utf-8"))
    assert sample.key == committed


def test_every_committed_sample_comes_from_a_folder():
    committed = {p.name.removesuffix(".expected.json") for p in SAMPLES.glob("*.expected.json")}
    folders = {s.name for s in FOLDER_SAMPLES}
    assert not folders - committed, f"not built yet: python samples/build.py --only {' '.join(sorted(folders - committed))}"
    assert not committed - folders, f"answer keys without a folder in samples/reports/: {sorted(committed - folders)}"
    docs = {p.stem for p in SAMPLES.glob("*.docx")}
    assert docs == {s.name for s in FOLDER_SAMPLES if s.producer == "docx"}
