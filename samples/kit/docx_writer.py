"""DOCX writer (python-docx) for a block list, with a normalised zip for byte-identical rebuilds.

No East-Asian language tag zh-CN is written (LibreOffice 7.4 drops a line-final "，" in justified
zh-CN paragraphs).
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .blocks import PageBreak, Style, Table, para_text, place

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _fonts(run, east, latin, size, bold=False):
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts")
        rpr.insert(0, rf)
    rf.set(qn("w:ascii"), latin)
    rf.set(qn("w:hAnsi"), latin)
    rf.set(qn("w:eastAsia"), east)
    rf.set(qn("w:cs"), latin)


def _pfmt(p, align="left", size=16, line=None, indent_chars=0, before=0, after=0, keep_next=False):
    pf = p.paragraph_format
    pf.alignment = ALIGN[align]
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(line)
    else:
        pf.line_spacing = 1.0
    if indent_chars:
        pf.first_line_indent = Pt(size * indent_chars)
    if keep_next:
        pf.keep_with_next = True


def _prepare_document(st: Style):
    d = docx.Document()
    # docDefaults: no theme fonts, no zh-CN East-Asian language tag
    styles = d.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rf = rpr_default.find(qn("w:rFonts"))
    for a in list(rf.attrib):
        del rf.attrib[a]
    rf.set(qn("w:ascii"), st.latin)
    rf.set(qn("w:hAnsi"), st.latin)
    rf.set(qn("w:eastAsia"), st.body_font)
    rf.set(qn("w:cs"), st.latin)
    normal = d.styles["Normal"]
    normal.font.size = Pt(st.body_size)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(st.margins[0]), Cm(st.margins[1])
    sec.left_margin, sec.right_margin = Cm(st.margins[2]), Cm(st.margins[3])
    sec.footer_distance = Cm(2.2)
    if st.page_numbers:
        sec.different_first_page_header_footer = True
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r1 = fp.add_run("— ")
        _fonts(r1, "宋体", st.latin, 14)
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), "PAGE")
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), "28")
        rpr.append(sz)
        r.append(rpr)
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        fld.append(r)
        fp._p.append(fld)
        r2 = fp.add_run(" —")
        _fonts(r2, "宋体", st.latin, 14)
    cp = d.core_properties
    cp.author = "pecheck samples"
    cp.last_modified_by = "pecheck samples"
    cp.comments = "synthetic sample built by samples/build.py"
    cp.created = datetime(2024, 3, 1, 9, 0, 0)
    cp.modified = datetime(2024, 3, 1, 9, 0, 0)
    cp.revision = 1
    return d


def _borders(tbl):
    tblPr = tbl._tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "single")
        e.set(qn("w:sz"), "6")
        e.set(qn("w:space"), "0")
        e.set(qn("w:color"), "000000")
        b.append(e)
    tblPr.append(b)
    lay = OxmlElement("w:tblLayout")
    lay.set(qn("w:type"), "fixed")
    tblPr.append(lay)


SPLIT_ROW_CHARS = 80


def _write_table(d, t: Table, st: Style):
    placed = place(t)
    nrows, ncols = len(t.rows), len(t.widths)
    tbl = d.add_table(rows=nrows, cols=ncols)
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    _borders(tbl)
    grid = tbl._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), t.widths, strict=True):
        gc.set(qn("w:w"), str(int(w * 567)))
    for r in range(nrows):
        for c in range(ncols):
            tbl.cell(r, c).width = Cm(t.widths[c])
    for r in range(t.header_rows):
        trPr = tbl.rows[r]._tr.get_or_add_trPr()
        h = OxmlElement("w:tblHeader")
        trPr.append(h)
    # short rows are kept on one page (as Word users do); rows with long text may break across pages
    rowlen = {}
    for r, _c, cell in placed:
        rowlen[r] = max(rowlen.get(r, 0), sum(len(para_text(p)) for p in cell.paras))
    for r in range(nrows):
        if rowlen.get(r, 0) <= SPLIT_ROW_CHARS:
            trPr = tbl.rows[r]._tr.get_or_add_trPr()
            trPr.append(OxmlElement("w:cantSplit"))
    line = round(t.size * 1.45, 1)
    for r, c, cell in placed:
        dc = tbl.cell(r, c)
        if cell.rs > 1 or cell.cs > 1:
            dc = dc.merge(tbl.cell(r + cell.rs - 1, c + cell.cs - 1))
        for p in dc.paragraphs[1:]:
            p._element.getparent().remove(p._element)
        dc.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        first = True
        for item in cell.paras:
            text, align = (item, cell.align) if isinstance(item, str) else item
            p = dc.paragraphs[0] if first else dc.add_paragraph()
            first = False
            _pfmt(p, align, t.size, line, 2 if (cell.indent and align != "center") else 0)
            if text:
                _fonts(p.add_run(text), t.font, st.latin, t.size, cell.bold)
    return tbl


def write_docx(blocks, path: Path, st: Style):
    d = _prepare_document(st)
    pending_break = False
    for b in blocks:
        if isinstance(b, PageBreak):
            pending_break = True
            continue
        if isinstance(b, Table):
            if pending_break:
                p = d.add_paragraph()
                _pfmt(p, "left", 6, 6)
                p.paragraph_format.page_break_before = True
                pending_break = False
            _write_table(d, b, st)
            continue
        p = d.add_paragraph()
        k = b.kind
        if k == "title":
            _pfmt(p, "center", 22, 36, keep_next=True)
            _fonts(p.add_run(b.text), st.title_font, st.latin, 22, True)
        elif k == "cover-title":
            _pfmt(p, "center", 26, 44, before=6, keep_next=True)
            _fonts(p.add_run(b.text), st.title_font, st.latin, 26, True)
        elif k == "cover-gap":
            _pfmt(p, "left", 16, 28 * max(1, int(b.text or 1)))
        elif k == "cover":
            _pfmt(p, "left", 16, 36)
            p.paragraph_format.left_indent = Cm(1.5)
            _fonts(p.add_run(b.text), st.body_font, st.latin, 16)
        elif k == "h1":
            _pfmt(p, "left", st.body_size, st.line, 2, keep_next=True)
            _fonts(p.add_run(b.text), st.h1_font, st.latin, st.body_size)
        elif k == "h2":
            _pfmt(p, "left", st.body_size, st.line, 2, keep_next=True)
            _fonts(p.add_run(b.text), st.h2_font, st.latin, st.body_size, True)
        elif k == "caption":
            _pfmt(p, "center", st.body_size, st.line, keep_next=True)
            _fonts(p.add_run(b.text), st.h1_font, st.latin, st.body_size)
        elif k == "table-title":
            _pfmt(p, "center", 18, 30, after=4, keep_next=True)
            _fonts(p.add_run(b.text), st.title_font, st.latin, 18, True)
        elif k == "unit":
            _pfmt(p, "right", 12, 20, keep_next=True)
            _fonts(p.add_run(b.text), st.body_font, st.latin, 12)
        elif k == "attach":
            _pfmt(p, "left", st.body_size, st.line, keep_next=True)
            _fonts(p.add_run(b.text), st.h1_font, st.latin, st.body_size)
        elif k in ("plain", "center", "right", "small"):
            size = 12 if k == "small" else st.body_size
            _pfmt(p, {"plain": "left", "small": "left"}.get(k, k), size, size * 1.75)
            _fonts(p.add_run(b.text), st.body_font, st.latin, size)
        else:  # body
            _pfmt(p, "justify", st.body_size, st.line, 2)
            _fonts(p.add_run(b.text), st.body_font, st.latin, st.body_size)
        if pending_break:
            p.paragraph_format.page_break_before = True
            pending_break = False
    d.save(str(path))
    _normalise_zip(path)


def _normalise_zip(path: Path):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=(2024, 3, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    tmp.replace(path)


