"""DOCX as WPS Office and older converters write it: font hints on every run and runs split where the
script changes, w:snapToGrid, a table grid missing or one column short, w:tcW of 0, w:tblPrEx on
every row, empty cells without a w:p, and cells merged across written as w:hMerge (restart and
continuation cells, ECMA-376 Transitional) instead of one w:gridSpan cell. The reading is the
plain report's, cell for cell. (Before w:hMerge was read, a merged label such as "项目名称" over three
grid columns became a one-column cell followed by two blank ones: 99.3 % / 99.4 % on the corpus.)"""

from __future__ import annotations

from conftest import SAMPLES, findings_of, plain_copy, variants
from docx import Document
from lxml import etree

from checker.model import Paragraph, Table
from checker.read.docx import from_body, read_docx

SAMPLE = SAMPLES / "culture-2022-faults.docx"
WNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _reading(doc):
    return [(b.text, b.page) if isinstance(b, Paragraph) else
            (b.n_rows, b.n_cols, [(c.row, c.col, c.row_span, c.col_span, c.text) for c in b.cells])
            for b in doc.blocks]



def test_wps_written_report_reads_and_checks_like_the_plain_report(tmp_path):
    doc = Document(str(SAMPLE))
    variants().wps(doc)
    assert len(list(doc.element.body.iter(f"{{{WNS}}}hMerge"))) >= 10
    written = tmp_path / SAMPLE.name
    doc.save(str(written))
    plain = plain_copy(tmp_path, SAMPLE)
    assert _reading(read_docx(written)) == _reading(read_docx(plain))
    expected = findings_of(plain)
    assert len([f for f in expected if f[1] == "error"]) >= 3
    assert findings_of(written) == expected


def _tc(text: str = "", merge: str = "", extra: str = "") -> str:
    pr = f"<w:tcPr><w:tcW w:w=\"0\" w:type=\"dxa\"/>{merge}{extra}</w:tcPr>"
    return f"<w:tc>{pr}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>" if text else f"<w:tc>{pr}</w:tc>"


def _table(*rows: str):
    body = etree.fromstring(f'<w:body xmlns:w="{WNS}"><w:tbl>{"".join(f"<w:tr>{r}</w:tr>" for r in rows)}</w:tbl></w:body>')
    table = from_body("t.docx", body).blocks[0]
    assert isinstance(table, Table)
    return table, [(c.row, c.col, c.row_span, c.col_span, c.text) for c in table.cells]


RESTART, CONT = '<w:hMerge w:val="restart"/>', "<w:hMerge/>"


def test_h_merge_continuation_widens_the_cell_before_it():
    table, cells = _table(_tc("项目名称", RESTART) + _tc(merge=CONT) + _tc("文化惠民演出", RESTART) + _tc(merge=CONT) + _tc(merge=CONT),
                          _tc("预算") + _tc("50") + _tc("执行") + _tc("45") + _tc("90%"))
    assert table.n_cols == 5
    assert cells[:2] == [(0, 0, 1, 2, "项目名称"), (0, 2, 1, 3, "文化惠民演出")]
    assert [c[1] for c in cells[2:]] == [0, 1, 2, 3, 4]


def test_h_merge_under_a_vertical_merge_and_at_a_row_start():
    vr, vc = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    table, cells = _table(_tc("产出指标", RESTART, vr) + _tc(merge=CONT, extra=vr) + _tc("数量"),
                          _tc(merge=CONT, extra=vc) + _tc(merge=CONT, extra=vc) + _tc("质量"),
                          _tc("孤立", CONT) + _tc("x") + _tc("y"))
    assert cells[0] == (0, 0, 2, 2, "产出指标")
    assert (1, 2, 1, 1, "质量") in cells
    assert (2, 0, 1, 1, "孤立") in cells  # a continuation with nothing before it is a cell of its own
    assert table.n_cols == 3


def test_cells_without_a_paragraph_and_tables_without_a_grid():
    table, cells = _table(_tc("得分") + _tc(), _tc("9.5") + _tc())
    assert cells == [(0, 0, 1, 1, "得分"), (0, 1, 1, 1, ""), (1, 0, 1, 1, "9.5"), (1, 1, 1, 1, "")]


def test_merges_written_as_widths_only_read_like_the_plain_report(tmp_path):
    doc = Document(str(SAMPLE))
    variants().widths(doc)
    assert not list(doc.element.body.iter(f"{{{WNS}}}gridSpan"))
    written = tmp_path / SAMPLE.name
    doc.save(str(written))
    assert _reading(read_docx(written)) == _reading(read_docx(SAMPLE))


def _gridded(grid: list[int], *rows: list[tuple[str, int]]):
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    trs = "".join("<w:tr>" + "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>'
        for t, w in row) + "</w:tr>" for row in rows)
    body = etree.fromstring(f'<w:body xmlns:w="{WNS}"><w:tbl><w:tblGrid>{cols}</w:tblGrid>{trs}</w:tbl></w:body>')
    return [(c.row, c.col, c.col_span, c.text) for c in from_body("t.docx", body).blocks[0].cells]


def test_a_short_row_takes_its_merges_from_the_cell_widths():
    grid = [1000, 1500, 1200, 800, 800]
    cells = _gridded(grid, [("项目名称", 2500), ("文化惠民演出", 2790)],  # 2500 = 1000+1500; 2790 ≈ 1200+800+800
                     [("总分", 3700), ("100", 800), ("97.04", 800)],  # 3700 = 1000+1500+1200
                     [("a", 1000), ("b", 1500), ("c", 1200), ("d", 800), ("e", 800)])
    assert cells[:5] == [(0, 0, 2, "项目名称"), (0, 2, 3, "文化惠民演出"),
                         (1, 0, 3, "总分"), (1, 3, 1, "100"), (1, 4, 1, "97.04")]


def test_widths_change_nothing_in_a_full_row_or_without_a_close_match():
    grid = [1000, 1000, 1000]
    # a full row: a preferred width wider than its column is no merge
    assert _gridded(grid, [("a", 2000), ("b", 1000), ("c", 1000)]) == [(0, 0, 1, "a"), (0, 1, 1, "b"), (0, 2, 1, "c")]
    # 1500 lies halfway between one column and two: left as written
    assert _gridded(grid, [("a", 1500), ("b", 1000)]) == [(0, 0, 1, "a"), (0, 1, 1, "b")]
