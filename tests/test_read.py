"""Reading: the seed's fund table from PDF and DOCX, the same model from both, bad input."""

from __future__ import annotations

import pytest
from conftest import SAMPLES, load_sample

SEED_ROWS = [
    ("80", "80", "17.6", "62.4", "22.00%"),
    ("30", "30", "0", "30", "0.00%"),
    ("200", "200", "95.75", "104.25", "47.88%"),
    ("230", "230", "85.82", "144.18", "37.31%"),
    ("200", "200", "188.19", "11.81", "94.10%"),
    ("210", "210", "120.1", "89.9", "57.19%"),
    ("850", "850", "653.03", "196.97", "76.83%"),
    ("1800", "1800", "1160.49", "639.51", "64.47%"),
]


def fund_table(doc):
    for t in doc.tables:
        if t.n_rows and "子项目名称" in t.row_texts(0)[0]:
            return t
    raise AssertionError("fund table not found")


@pytest.mark.parametrize("name", ["xiangxi-2022.pdf", "xiangxi-2022.docx"])
def test_seed_fund_table(name):
    t = fund_table(load_sample(name))
    assert t.n_rows == 9  # header + 7 sub-projects + 合计
    assert t.n_cols == 6
    got = [tuple(t.row_texts(r)[1:]) for r in range(1, 9)]
    assert got == SEED_ROWS
    assert t.row_texts(8)[0] == "合计"


def test_pdf_fund_table_runs_over_a_page_break():
    t = fund_table(load_sample("xiangxi-2022.pdf"))
    assert len(t.pages) == 2


def test_pdf_and_docx_give_the_same_tables():
    a, b = load_sample("xiangxi-2022.pdf"), load_sample("xiangxi-2022.docx")
    assert len(a.tables) == len(b.tables)
    for ta, tb in zip(a.tables, b.tables):
        assert (ta.n_rows, ta.n_cols) == (tb.n_rows, tb.n_cols)
        for r in range(ta.n_rows):
            assert ta.row_texts(r) == tb.row_texts(r), (ta.index, r)


def test_merged_cells_keep_their_span():
    for name in ("xiangxi-2022.pdf", "xiangxi-2022.docx"):
        doc = load_sample(name)
        ev = doc.tables[-1]
        cells = [c for c in ev.cells if c.text.startswith("产出指标")]
        assert len(cells) == 1, name  # one cell, not one per row
        assert cells[0].row_span == 8, name
        assert ev.at(cells[0].row + 7, cells[0].col) is cells[0]


def test_cell_refs_resolve():
    doc = load_sample("xiangxi-2022.pdf")
    t = fund_table(doc)
    c = t.at(8, 3)
    assert c.ref == f"#/tables/{t.index}/cells/8/3"
    assert doc.resolve(c.ref) is c
    assert c.page is not None and c.bbox is not None


def test_running_footers_dropped_and_paragraphs_joined():
    doc = load_sample("xiangxi-2022.pdf")
    texts = [p.text for p in doc.paragraphs]
    assert not any(t.strip("—- ").isdigit() for t in texts)
    # the paragraph that runs over a page break in the body comes out whole
    assert any(t.startswith("智慧湘西领导小组办公室是根据") and "两块牌子一套人马管理" in t for t in texts)


def test_docx_nested_table_and_vmerge(tmp_path):
    import docx

    from checker.read import load

    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "项目名称"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "项目资金"
    t.cell(1, 1).text = "80"
    t.cell(2, 2).add_table(rows=1, cols=2).cell(0, 0).text = "内嵌"
    p = tmp_path / "n.docx"
    d.save(p)
    doc = load(p)
    outer, inner = doc.tables
    assert [c.text for c in outer.cells if c.text == "项目名称"] == ["项目名称"]  # not repeated per column
    assert outer.at(0, 2).text == "项目名称" and outer.at(0, 0).col_span == 3
    assert outer.at(2, 0).text == "项目资金" and outer.at(1, 0).row_span == 2
    assert inner.nested_in == outer.at(2, 2).ref and inner.at(0, 0).text == "内嵌"


def test_browser_pdf_with_filled_rectangle_borders_gives_the_same_model():
    """Chromium draws borders as thin filled rectangles (as Word/WPS do), LibreOffice as lines;
    both must give the DOCX's tables, and the same paragraph text."""
    import logging

    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with pdfplumber.open(str(SAMPLES / "xiangxi-2022-chrome.pdf")) as pdf:
        page = pdf.pages[1]
        assert page.rects and not page.lines and all(r["fill"] for r in page.rects)
    a, b = load_sample("xiangxi-2022-chrome.pdf"), load_sample("xiangxi-2022.docx")
    for ta, tb in zip(a.tables[1:], b.tables[1:]):  # the fund table and the 自评表
        assert [ta.row_texts(r) for r in range(ta.n_rows)] == [tb.row_texts(r) for r in range(tb.n_rows)]
    # the body text is the same (the summary table's last row, alone on its page, is not compared)
    def body(doc):
        return "".join(p.text for p in doc.paragraphs if "归口业务科室" not in p.text and p.text != "年月日")

    assert body(a) == body(b)


# ------------------------------------------------------------------ DOCX without python-docx


def _via_python_docx(path):
    """The DOCX reading as it was: python-docx opens the package and parses the main part."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from checker import errors
    from checker.read.docx import from_body
    from checker.read.guards import guard_docx

    guard_docx(path)
    try:
        d = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise errors.InputError(f"DOCX 文件无法打开（文档结构损坏）：{path}",
                                f"DOCX cannot be opened, broken package: {path}") from exc
    except Exception as exc:
        raise errors.InputError(f"DOCX 文件内容损坏，无法解析：{path}", f"DOCX content is malformed: {path}") from exc
    return from_body(path, d.element.body)


def _outcome(read, path):
    from checker.errors import InputError

    try:
        return read(path).to_dict()
    except InputError as exc:
        return exc.line()


def _same_model_both_ways(paths):
    from checker.read.docx import read_docx

    for p in paths:
        assert _outcome(read_docx, p) == _outcome(_via_python_docx, p), p.name
    return len(paths)


def test_docx_read_with_lxml_gives_python_docx_s_model():
    assert _same_model_both_ways([SAMPLES / n for n in ("xiangxi-2022.docx", "culture-2022-faults.docx",
                                                        "daying-dev-2021.docx")]) == 3


@pytest.mark.slow
def test_docx_read_with_lxml_gives_python_docx_s_model_for_every_sample():
    assert _same_model_both_ways(sorted(SAMPLES.glob("*.docx"))) >= 70


def _repack(src, dst, change):
    """A copy of the DOCX `src` with its parts changed by `change(dict name -> bytes)`."""
    import zipfile

    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    change(parts)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
    return dst


def test_docx_package_found_as_python_docx_finds_it(tmp_path):
    seed = SAMPLES / "xiangxi-2022.docx"

    def moved(parts):  # the main part under another name: the package relationship decides, not the name
        parts["word/main.xml"] = parts["word/document.xml"]
        parts["word/document.xml"] = parts["word/document.xml"].replace("子项目名称".encode(), "另一份".encode())
        parts["_rels/.rels"] = parts["_rels/.rels"].replace(b'Target="word/document.xml"', b'Target="/word/main.xml"')
        if "word/_rels/document.xml.rels" in parts:
            parts["word/_rels/main.xml.rels"] = parts["word/_rels/document.xml.rels"]
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b'PartName="/word/document.xml"',
                                                                              b'PartName="/word/main.xml"')

    def template(parts):  # a Word template, not a document: python-docx refuses it
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")

    def no_rels(parts):
        del parts["_rels/.rels"]

    def bad_xml(parts):
        parts["word/document.xml"] = parts["word/document.xml"][:-40]

    cases = {name: _repack(seed, tmp_path / f"{name}.docx", change)
             for name, change in (("moved", moved), ("template", template), ("no-rels", no_rels),
                                  ("bad-xml", bad_xml))}
    assert _same_model_both_ways(list(cases.values())) == 4
    from checker.read.docx import read_docx

    assert "子项目名称" in str(_outcome(read_docx, cases["moved"]))  # read from word/main.xml
    for name in ("template", "no-rels", "bad-xml"):
        assert isinstance(_outcome(read_docx, cases[name]), str), name  # refused with the same one line


@pytest.mark.slow
def test_docx_read_with_lxml_refuses_what_python_docx_refused(tmp_path):
    from make_bad_corpus import build, restore

    files = build(tmp_path / "bad", bomb_size=1 << 26)
    try:
        docx_files = [p for n, p in sorted(files.items()) if n.endswith(".docx") and p.is_file()]
        assert _same_model_both_ways(docx_files) >= 15
    finally:
        restore(tmp_path / "bad")
