#!/usr/bin/env python3
"""Rebuild the pecheck sample corpus (samples/*.docx, *.pdf, *.expected.json, README.md).

    python samples/build.py            # everything
    python samples/build.py --no-pdf   # DOCX + answer keys only (no LibreOffice / Chromium)
    python samples/build.py --only xiangxi-2022

Every document is first described as a list of blocks (paragraphs, page breaks and tables
with row/column spans).  The same blocks are written as DOCX with python-docx (then rendered
to PDF with LibreOffice headless) and, for the "-chrome" sample, as HTML printed to PDF with
headless Chromium.  Synthetic reports are described as data (``REPORTS``); a clean report is
derived from its data with exact Decimal arithmetic, and each faulty variant applies a few
explicit mutation functions to the derived model; each mutation returns its answer-key item,
so the keys are exact by construction.

Fonts: ``samples/fonts.conf`` (passed as FONTCONFIG_FILE) maps 宋体/仿宋_GB2312/黑体/楷体 …
onto Noto Serif/Sans CJK SC.  No East-Asian language tag zh-CN is written into the DOCX
(LibreOffice 7.4 drops a line-final "，" in justified zh-CN paragraphs).
Output files are normalised (fixed zip timestamps, fixed PDF dates/IDs) so that a rebuild
with the same tool versions gives byte-identical files.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
FONTS_CONF = HERE / "fonts.conf"
LO_PROFILE = "file:///tmp/lo_profile_pecheck"

# ----------------------------------------------------------------------------------------------
# Block model
# ----------------------------------------------------------------------------------------------


@dataclass
class Para:
    text: str
    kind: str = "body"  # cover-org, title, cover, h1, h2, body, caption, unit, plain, center, right, attach


@dataclass
class PageBreak:
    pass


@dataclass
class Cell:
    paras: list  # of str or (str, align)
    cs: int = 1
    rs: int = 1
    align: str = "center"  # center, left, justify
    indent: bool = False  # first-line indent of two characters
    bold: bool = False


def C(text="", cs=1, rs=1, align=None, indent=None, bold=False) -> Cell:
    paras = list(text) if isinstance(text, (list, tuple)) else [text]
    long_text = sum(len(p if isinstance(p, str) else p[0]) for p in paras) > 60
    if align is None:
        align = "justify" if long_text else "center"
    if indent is None:
        indent = long_text
    return Cell(paras, cs, rs, align, indent, bold)


@dataclass
class Table:
    widths: list  # cm per grid column
    rows: list  # list of list of Cell, HTML style (cells covered by a rowspan are omitted)
    size: float = 10.5  # pt
    header_rows: int = 0  # rows repeated at the top of every page
    font: str = "宋体"


@dataclass
class Style:
    body_font: str = "仿宋_GB2312"
    body_size: float = 16
    line: float = 28  # exact line pitch of body text, pt
    h1_font: str = "黑体"
    h2_font: str = "楷体_GB2312"
    title_font: str = "方正小标宋简体"
    latin: str = "Times New Roman"
    margins: tuple = (3.7, 3.5, 2.8, 2.6)  # top, bottom, left, right (cm)
    page_numbers: bool = True


def place(t: Table):
    """Yield (row, col, cell) for an HTML-style row list; validate the grid is exactly covered."""
    ncols = len(t.widths)
    occ = {}
    out = []
    for r, row in enumerate(t.rows):
        c = 0
        for cell in row:
            while (r, c) in occ:
                c += 1
            if c + cell.cs > ncols:
                raise ValueError(f"row {r}: cell {cell.paras!r} overflows the grid")
            out.append((r, c, cell))
            for dr in range(cell.rs):
                for dc in range(cell.cs):
                    if (r + dr, c + dc) in occ:
                        raise ValueError(f"overlap at {(r + dr, c + dc)}")
                    occ[(r + dr, c + dc)] = cell
            c += cell.cs
    nrows = len(t.rows)
    for r in range(nrows):
        for c in range(ncols):
            if (r, c) not in occ:
                raise ValueError(f"grid hole at row {r} col {c} ({t.rows[r][0].paras!r})")
    if max(r for r, _ in occ) >= nrows:
        raise ValueError("a rowspan runs past the last row")
    return out


def para_text(p):
    return p if isinstance(p, str) else p[0]


def blocks_text(blocks) -> str:
    """Plain text of a block list (for sanity checks against the rendered PDFs)."""
    out = []
    for b in blocks:
        if isinstance(b, Para):
            out.append(b.text)
        elif isinstance(b, Table):
            for _, _, cell in place(b):
                out.extend(para_text(p) for p in cell.paras)
    return "\n".join(out)


# ----------------------------------------------------------------------------------------------
# DOCX writer
# ----------------------------------------------------------------------------------------------

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


# ----------------------------------------------------------------------------------------------
# HTML writer (for the Chromium producer)
# ----------------------------------------------------------------------------------------------

HTML_CSS = """
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; margin: 0; }
p { margin: 0; }
p.body { text-indent: 2em; text-align: justify; }
p.h1 { text-indent: 2em; font-family: "Noto Sans CJK SC", sans-serif; }
p.h2 { text-indent: 2em; font-weight: bold; }
p.title { text-align: center; font-size: 22pt; line-height: 36pt; font-weight: bold; }
p.cover-title { text-align: center; font-size: 26pt; line-height: 44pt; font-weight: bold; }
p.cover { margin-left: 1.5cm; line-height: 36pt; }
p.caption { text-align: center; font-family: "Noto Sans CJK SC", sans-serif; }
p.table-title { text-align: center; font-size: 18pt; line-height: 30pt; font-weight: bold; }
p.unit { text-align: right; font-size: 12pt; line-height: 20pt; }
p.attach { font-family: "Noto Sans CJK SC", sans-serif; }
p.center { text-align: center; } p.right { text-align: right; }
p.small { font-size: 12pt; line-height: 21pt; }
div.pb { break-after: page; }
table { border-collapse: collapse; table-layout: fixed; margin: 0 auto; }
td { border: 0.75pt solid #000; padding: 1pt 3pt; vertical-align: middle; }
td p { text-indent: 0; }
td p.ind { text-indent: 2em; }
thead { display: table-header-group; }
tr.keep { break-inside: avoid; }
"""


def write_html(blocks, path: Path, title: str):
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{HTML_CSS}</style></head><body>",
    ]
    for b in blocks:
        if isinstance(b, PageBreak):
            out.append('<div class="pb"></div>')
        elif isinstance(b, Para):
            if b.kind == "cover-gap":
                out.append(f'<div style="height:{28 * max(1, int(b.text or 1))}pt"></div>')
                continue
            out.append(f'<p class="{b.kind}">{html.escape(b.text) or "&nbsp;"}</p>')
        else:
            total = sum(b.widths)
            line = round(b.size * 1.45, 1)
            out.append(f'<table style="width:{total}cm; font-size:{b.size}pt; line-height:{line}pt">')
            out.append("<colgroup>" + "".join(f'<col style="width:{w}cm">' for w in b.widths) + "</colgroup>")
            for r, row in enumerate(b.rows):
                if r == 0 and b.header_rows:
                    out.append("<thead>")
                if r == b.header_rows and b.header_rows:
                    out.append("</thead><tbody>")
                tds = []
                for cell in row:
                    attrs = ""
                    if cell.cs > 1:
                        attrs += f' colspan="{cell.cs}"'
                    if cell.rs > 1:
                        attrs += f' rowspan="{cell.rs}"'
                    ps = []
                    for item in cell.paras:
                        text, align = (item, cell.align) if isinstance(item, str) else item
                        cls = ' class="ind"' if (cell.indent and align != "center") else ""
                        st = f' style="text-align:{align}"'
                        bold = " font-weight:bold;" if cell.bold else ""
                        if bold:
                            st = f' style="text-align:{align};{bold}"'
                        ps.append(f"<p{cls}{st}>{html.escape(text)}</p>")
                    tds.append(f"<td{attrs}>{''.join(ps)}</td>")
                short = all(sum(len(para_text(p)) for p in c.paras) <= SPLIT_ROW_CHARS for c in row)
                out.append(('<tr class="keep">' if short else "<tr>") + "".join(tds) + "</tr>")
            if b.header_rows:
                out.append("</tbody>")
            out.append("</table>")
    out.append("</body></html>")
    path.write_text("\n".join(out), encoding="utf-8")


# ----------------------------------------------------------------------------------------------
# Rendering to PDF
# ----------------------------------------------------------------------------------------------


def _render_env():
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(FONTS_CONF)
    env.setdefault("HOME", "/tmp")
    return env


def input_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest().upper()


def pdf_is_current(pdf: Path, digest: str) -> bool:
    """A LibreOffice PDF carries the digest of its DOCX as /ID: skip re-rendering an unchanged input
    (LibreOffice's embedded Type 1 fonts contain random bytes, so a re-render is never byte-identical)."""
    if not pdf.exists():
        return False
    m = re.search(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>", pdf.read_bytes())
    return bool(m) and m.group(1).decode().upper() == (digest * 2)[: len(m.group(1))]


def soffice_to_pdf(docx_paths, outdir: Path, force=False):
    todo = [
        p
        for p in docx_paths
        if force or not pdf_is_current(outdir / (Path(p).stem + ".pdf"), input_digest(p))
    ]
    if not todo:
        return []
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("soffice not found: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as td:
        cmd = [
            exe,
            f"-env:UserInstallation={LO_PROFILE}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            td,
        ] + [str(p) for p in todo]
        subprocess.run(
            cmd,
            env=_render_env(),
            check=True,
            timeout=900,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for p in todo:
            src = Path(td) / (Path(p).stem + ".pdf")
            if not src.exists():
                raise SystemExit(f"LibreOffice did not produce {src.name}")
            dst = outdir / src.name
            dst.write_bytes(_normalise_pdf(src.read_bytes(), input_digest(p)))
    return todo


def chromium_to_pdf(html_path: Path, pdf_path: Path):
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        raise SystemExit("chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as td:
        out = Path(td) / "out.pdf"
        cmd = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={td}/profile",
            f"--print-to-pdf={out}",
            "--no-pdf-header-footer",
            html_path.resolve().as_uri(),
        ]
        subprocess.run(
            cmd,
            env=_render_env(),
            check=True,
            timeout=300,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        pdf_path.write_bytes(_normalise_pdf(out.read_bytes(), input_digest(html_path)))


def _normalise_pdf(data: bytes, digest: str) -> bytes:
    """Fix the volatile bits (dates, document ID) keeping every byte offset unchanged."""
    data = re.sub(
        rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})", lambda m: m.group(1) + b"20240301090000", data
    )
    data = re.sub(
        rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)",
        lambda m: m.group(1) + b"2024-03-01T09:00:00",
        data,
    )
    digest = digest.encode() * 2

    def fix_ids(m):
        return re.sub(rb"<([0-9A-Fa-f]+)>", lambda h: b"<" + digest[: len(h.group(1))] + b">", m.group(0))

    return re.sub(rb"/ID\s*\[[^\]]*\]", fix_ids, data)


def pdf_pages(path: Path) -> int:
    try:
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"Pages:\s+(\d+)", out).group(1))
    except Exception:
        return -1


# ----------------------------------------------------------------------------------------------
# A. The seed: 2022年度州智慧湘西建设专项支出绩效自评报告 (湘西州), rebuilt faithfully.
#    Text copied from shared/seed/xiangxi-2022-self-evaluation.txt (PDF-extraction spacing kept,
#    line/page-break splits joined).  Every divergence between repeated passages is original.
# ----------------------------------------------------------------------------------------------

SEED_COVER = [
    "智慧湘西领导小组办公室",
    "2022年度州智慧湘西建设专项",
    "支出绩效自评报告",
    "项目名称 州智慧湘西建设专项",
    "支出功能科目编码 2299999",
    "项目实施单位 智慧湘西领导小组办公室",
    "主管部门 湘西自治州人民政府办公室",
    "评价方式: 部门绩效自评",
    "评价机构: 部门绩效自评工作小组",
    "单位名称（盖章）：智慧湘西领导小组办公室",
    "报告时间： 2023 年 6 月",
]
SEED_SUMMARY = {
    "jbgk": [
        "为加快建设网络强国、数字中国、智慧社会，全面实施国家大数据战略，贯彻落实国家、省大数据发展战略，湘西州全力推进智慧湘西建设，根据《智慧湘西建设三年行动计划（2019-2021 年）》（州政发〔2019〕13 号）、《智慧湘西领导小组办公室关于印发〈湘西自治州政务信息化项目建设后评估方案〉的通知》（州智慧办发〔2021〕8 号）以及湘西土家族苗族自治州智慧湘西建设“十四五”专项规划（2020-2025 年）等文件精神，湘西州积极对接国家实施“数字中国”和“互联网+”战略部署，认真贯彻落实习近平总书记关于大数据发展战略的重要论述，把智慧湘西建设作为全州脱贫攻坚、创新引领、开放崛起和后发赶超的重要抓手。",
        "为保证智慧湘西建设项目有效实施，扎实推进数字政府、数字社会建设，大力发展数字经济，近年来，州本级财政每年均安排州智慧湘西建设专项资金，专门用于智慧湘西项目建设。2022 年度州本级财政预算安排州智慧湘西建设专项资金 1800 万元，用于：2022 年智慧湘西宣传与推广使用（含智慧湘西 app、协同办公等）80 万元；2022 年政务信息化项目建设后评估费（随机抽查）30 万元；湘西州数据共享服务平台、协同办公系统等优化升级项目 200 万元；2022 年数据共享服务、数据通微服务等平台运维费 230 万元；基础电信服务费 200 万元；智慧湘西“十四五”专项规划重点项目前期工作经费 210 万元；2022 年州政务云平台租赁、安保电费等运维费用 850 万元。项目子项目共 7 个。",
    ],
    "mb": [
        "总目标：坚持以习近平新时代中国特色社会主义思想为指导，践行创新、协调、绿色、开放、共享的发展理念，把湘西州建成基础设施集约开放、公共服务普惠便捷、城市治理精准高效、生态文旅绿色繁荣、智慧产业活力无限的新型智慧城市，同时通过建设智慧湘西，提高信息化利用率，节约大量人力、物力、财力，减少政府公共服务成本。推动城市建设，提升城市品位，提升 政府部门办事效率和服务水平；持续提升惠民便民利民服务水平，提升市民生活质量，让市民更具幸福感；",
        "年度目标：动态管理更新州直部门政务信息系统和数据共享资源底数，加快系统清理整合；进一步巩固州政务云、州数据共享服务平台等智慧湘西公共技术平台建设成果；围绕政务服务、政府治理、决策运行，督促推进智慧旅游、智慧医疗、智慧政务等应用建设，加大智慧湘西 APP 推广应用力度；做好“十四五”规划前期智慧湘西建设项目前期工作，为数字经济发展夯实基础。",
    ],
    "wc": [
        "2022 年度州智慧湘西建设专项资金七个子项目均已顺利实施完成。新建项目已验收合格，运维项目保证了基础设施系统和设备的正常、稳定运行。“十四五”重大项目前期工作经费项目已完成相关文件的编制工作。"
    ],
    "zj": [
        "2022 年度州本级财政安排州智慧湘西建设专项资金 1800 万元，该项目资金州财政局以州财行集字（2022）0144 号指标文件下达 1113 万元、州财行集字（2022）0148 号指标文件下达 687 万元，资金到位率 100%；截至 2022 年 12 月 31 日，州智慧湘西建设专项共支出资金 1160.49 万元，结转结余 639.51 万元，预算执行率为 64.47%。"
    ],
    "sx": [
        "一是强化云网络安全，做到上云虚拟机病毒检测能力 100%覆盖，完成政务云平台和网络等保测评工作，开展网络安全培训 22 次，技术交流 10 次，开展机房巡查 1000 余次，形成政务云运营情况及安全态势监测周报 52 期，发送漏扫报告 1320 份，发布安全问题通报 102 次，获评湘西州网络安全应急演练期“优秀防守单位”；",
        "二是推进数据共享服务平台等公共技术平台持续优化和深入调用，目前，完成 48 个单位的数据资源共享工作，汇聚了 8000 余万条数据，856 个政务资源，1689 个信息资源，持续建成了“3+9”资源库，数据共享“超市”发布 1100 多个数据资源服务，有效服务支撑 58 个部门和 53 个系统，调用数据次数达 1200 多万/次，为州行政审批局、州文旅广电局、州公安局等部门业务系统持续提供数据资源调用支撑服务，不断健全平台调用和运维管理机制，提高调用积极性；",
        "三是全州建成数据中心及机房 55 个，机架 1225 个，存储能力共计 30 余 PB，累计为 31 个州直部门的应用系统提供 800 余台虚拟服务器资源；三大运营商建成 4 个 IDC 机房，持续为州域相关企业提供公有云服务，丰富算力基础设施资；",
        "四是积极调度三大运营商工作。完成 5G 物理站点建设 822 个，接入光缆 11.98 万纤芯公里，建设端口 8.63 万个，新增 140 个自然村光纤覆盖，完成 3499 户老旧小区光网改造，3 万多户新建住宅小区 FTTH 标准化实现覆盖，完成物联网投资 4950 万元；完成湘西智能电网建设投资 18.8 亿元，建成 4 座电力变电站箱式数据中心，并具备投运条件；",
        "五是数据共享应用实现高效化，根据数据共享整合实际需求，为全州 331 个单位和智慧财税、智慧平安、智慧旅游、智慧金融等 50 多个涉及社会民生的智慧应用提供数据共享服务，助推放管服改革，为互联网+政务服务一体化平台提供数据共享接口，湘西州数据共享服务平台与湖南省数据共享交换平台实现互联互通，实现省政务服务平台 20983 条数据目录、5626 多万条实体数据的回传和分级分类管理；",
        "六是坚持“民有所呼、数有所应”指导思想，服务社会生活，“智慧湘西 APP”提供政务服务事项 1108 项、便民服务事项 80 项、生活缴费服务 42 项，涵盖了政务服务、便民服务、利企服务、新闻资讯等，注册人数近 30 万，目前正在与“湘易办”湘西旗舰店对接工作。同时，智慧政务、智慧交通等重点应用建设持续推进，州政府数据开放平台和湘西快贷特色应用场景建成使用，充实智慧湘西建设内容；",
        "七是对全州 40 家政府网站和 117 家政务新媒体进行常态化全覆盖检查，内容保障到位，整体情况较好，在湖南省政务管理服务局前三季度季度检查情况的通报中，湘西州政府网站和政务新媒体全三季度合格率 100%。",
        "八是开展全州政务新媒体平台建设，集合了微信公众号、微博、今日头条、抖音等新媒体的统一采编管理、发布管理、渠道管理、监控管理、统计管理等功能，实现了全州所有政务新媒体信息统一采编、渠道统一管理、内容统一监测；开通“湘西政务”微信公众号，共发布信息 45 条。",
    ],
    "jj": [
        "通过不断完善智慧湘西公共技术基础设施，提升政务云资源服务能力，强化数据安全保障，扎实推进数字政府、数字社会建设，大力发展数字经济，在助力“放管服”改革，赋能全州高质量发展取得了显著成效。提高了信息化利用率及工作效率，节约了大量人力、物力、财力，减少政府公共服务成本，降低了行政成本。"
    ],
    "sh": [
        "智慧湘西推动了湘西州城市建设，提升了城市品位，提升了政府部门办事效率和服务水平；持续提升惠民便民利民服务水平，提升了市民生活质量，让市民更具幸福感。"
    ],
    "zz": [
        "州人民政府授权州智慧办、州大数据中心负责智慧湘西建设项目核准职能。在项目技术前置审查、项目实施过程监管以及竣工验收上，严格按照《湘西自治州州级财政专项资金管理办法》等办法执行，加强对项目全过程的统筹协调，按照“统一领导、统一规划、统一标准、统一平台”的要求，坚持“统筹规划、业务协同、安全可靠”的原则统筹规划、建设和日常监督管理，做到制度建立健全，职责分工明确，责任到人，并强化实施、加强监管，各项目制度得到较有效执行。"
    ],
    "cw": [
        "湘西州人民政府办公室出台了相关专项资金管理办法，从资金分配与拨付、项目申报与审批、资金监管等方面对专项资金管理工作予以明确，严禁截留、挪用和其他不合规支出，从制度层面保障了专项资金专款专用并达到预期目标。",
        "项目单位严格按照相关资金文件规定管理和使用专项资金，完善了专项资金管理流程，做到专人负责、专款专用，合理使用；资金使用符合国家财经法规和项目实施单位财务管理制度及有关专项资金管理办法的规定。项目支出按规定履行审批手续，财务严格把关，确保了资金拨付有完整的审核、审批程序和手续，支出符合项目预算批复规定的用途，无截留、挤占、挪用、虚列支出等情况。",
    ],
    "jy": [
        "(一) 主要经验做法",
        "该项目成立项目领导小组，协调解决规划发展和重大项目建设等有关问题。明确专人负责实施，并严格执行项目法人、招标投标、政府采购、工程监理、合同管理等制度。在落实项目责任制上，业务科室为项目实施责任单位，跟踪预算和项目执行情况，对进展项目较慢的能及时协调和提出整改措施，合理调整、纠正预算执行偏差，确保项目实施工作正常运行。同时注重项目产出及效率，力求达到优化资源配置、合理控制成本、提高公共产品质量和公共服务水平的目的。",
        "(二) 存在的问题及原因",
        "项目预算执行率较低。截止 2022 年 12 月 31 日，1800 万元项目共支出 1160.49 万元，结转结余 639.51 万元，预算执行率为 64.47%。主要原因为部分项目已完工但尚未办理竣工验收及结算审计，项目款未进行支付。",
    ],
    "jl": [
        "评分：96.5 等级：优",
        "备注：90（含）—100分为优；80（含）—90分为良；60（含）—80分为较差；60分以下为差。",
    ],
    "jyi": ["加快项目验收进度，及时办理竣工验收及结算审计，及时完成报账并支付项目资金。"],
    "sig": [
        "评价组组长（签字）： 年 月 日",
        "项目实施单位负责人（签字）： 年 月 日",
        "项目实施单位名称（盖章）： 年 月 日",
        "主管部门负责人（签字）： 年 月 日",
        "主管部门（盖章）： 年 月 日",
    ],
    "cz": [
        "财政部门归口业务科室意见：",
        "财政部门归口业务科室负责人（签字）：财政部门归口业务科室（盖章）：",
        "年 月 日",
    ],
}
SEED_BODY = """\
T 智慧湘西领导小组办公室
T 2022 年度州智慧湘西建设专项
T 支出绩效自评报告
P 为进一步强化财政“大绩效”管理理念，提高部门预算绩效责任意识，规范财政资金管理，确保“绩效管理提升年”行动顺利开展，根据《湖南省财政厅关于印发〈湖南省预算支出绩效评价管理办法〉的通知》（湘财绩〔2020〕7号）、《湘西自治州州级预算部门项目支出绩效自评操作规程》（州财绩〔2021〕7号）及《湘西自治州财政局关于开展2022年度州直预算部门（单位）项目支出绩效自评工作的通知》（州财绩〔2023〕4号）等文件精神，智慧湘西领导小组办公室对本单位项目支出进行了绩效自评。本次评价遵循了“科学规范、公正公开、分类管理、绩效相关”原则，运用较科学、合理的绩效评价指标、评价标准和评价方法，对本部门2022年度部门项目支出的绩效情况进行了客观、公正的评价。现将情况汇报如下：
H1 一、项目概况
H2 （一）项目实施单位基本情况
P 智慧湘西领导小组办公室是根据2017年11月29日《湘西自治州人民政府关于印发〈智慧湘西建设发展规划（2017-2020年）〉的通知》（州政发【2017】23号）文件成立的，根据文件组建了“互联网+湘西”暨“智慧湘西”领导小组，由州长任组长，常务副州长为第一副组长，州政府相关领导为副组长、州直相关部门和电信运营商等主要领导为小组成员。智慧湘西领导小组办公室（以下简称州智慧办)设在州政府办,负责开展智慧湘西建设工作的具体协调机构,是重大项目建设的审批与管理部門、指挥机构,会同州財政局、统一归口管理智慧湘西专项资金。主要职责是研究制定智慧湘西工作计划、起草相关政策、负责项目建设前的方案审批、项目建设中的指导监督、项目竣工后的登记管理,并组织年度绩效考评。根据《关于湘西土家族苗族自治州机构改革涉改处级事业单位调整的批复》(湘编办复字【2019】2号文件,设立了湘西自治州大数据中心,主要职责为负责全州政务网络以及技术平台建设、管理和运行维护、统筹协调电子政务基础设施规划与建设;负责电子政务网络和技术平台的安全管理,指导和监督政务信息化应用安全建设;负责指导、推进、协调与督查全州智慧应用建设,以及政府网站规划设计、建设维护和日常管理等工作。大数据中心与州智慧办执行两块牌子一套人马管理。
H2 (二)项目资金基本情况
P 为保证智慧湘西建设项目有效实施,扎实推进数字政府、数字社会建设,大力发展数字经济,近年来,州本级财政每年均安排州智慧湘西建设专项资金,专门用于智慧湘西项目建设。2022年度州本级财政预算安排州智慧湘西建设专项资金1800万元,用于:2022年智慧湘西宣传与推广使用(含智慧湘西app、协同办公等)80万元;2022年政务信息化项目建设后评估费(随机抽查)30万元;湘西州数据共享服务平台、协同办公系统等优化升级项目200万元;2022年数据共享服务、数据通微服务等平台运维费230万元;基础电信服务费200万元;智慧湘西“十四五”专项规划重点项目前期工作经费210万元;2022年州政务云平台租赁、安保电费等运维费用850万元。项目子项目共7个。
H2 （三）项目资金绩效目标
P 总目标：坚持以习近平新时代中国特色社会主义思想为指导，践行创新、协调、绿色、开放、共享的发展理念，把湘西州建成基础设施集约开放、公共服务普惠便捷、城市治理精准高效、生态文旅绿色繁荣、智慧产业活力无限的新型智慧城市，同时通过建设智慧湘西，提高信息化利用率，节约大量人力、物力、财力，减少政府公共服务成本。推动城市建设，提升城市品位，提升政府部门办事效率和服务水平；持续提升惠民便民利民服务水平，提升市民生活质量，让市民更具幸福感；
P 年度目标：动态管理更新州直部门政务信息系统和数据共享资源底数，加快系统清理整合；进一步巩固州政务云、州数据共享服务平台、数据通、国地通等智慧湘西公共技术平台建设成果；用好州数据共享服务平台、州数据通微服务平台、数据调度支撑平台；围绕政务服务、政府治理、决策运行，督促推进智慧旅游、智慧医疗、智慧政务等应用建设，加大智慧湘西 APP 推广应用力度；做好“十四五”规划前期智慧湘西建设项目期工作，为数字经济发展夯实基础。
H1 二、项目资金使用及管理情况
H2 （一）项目资金安排落实、总投入等情况
P 2022 年度州本级财政安排州智慧湘西建设专项资金 1800 万元，该项目资金州财政局以州财行集字（2022）0144 号指标文件下达 1113 万元、州财行集字（2022）0148 号指标文件下达 687 万元，资金到位率 100%。
H2 （二）项目资金实际使用情况
P 截至 2022 年 12 月 31 日，州智慧湘西建设专项共支出资金1160.49 万元，结转结余 639.51 万元，预算执行率为 64.47%。各子项目资金到位及使用情况如下：
C 专项资金到位及使用情况表
U 单位：万元
| 子项目名称	州财政预算安排项目资金	实际到位资金	实际支出金额	项目结转结余金额	预算执行率
| 2022 年智慧湘西宣传与推广使用(含智慧湘西 app、协同办公等)	80	80	17.6	62.4	22.00%
| 2022 年政务信息化项目建设后评估费(随机抽查)	30	30	0	30	0.00%
| 湘西州数据共享服务平台、协同办公系统等优化升级项目	200	200	95.75	104.25	47.88%
| 2022 年数据共享服务、数据通微服务等平台运维费	230	230	85.82	144.18	37.31%
| 基础电信服务费	200	200	188.19	11.81	94.10%
| 智慧湘西“十四五”专项规划重点项目前期工作经费	210	210	120.1	89.9	57.19%
| 2022 年州政务云平台租赁、安保电费 etc 运维费用	850	850	653.03	196.97	76.83%
| 合计	1800	1800	1160.49	639.51	64.47%
H2 (三) 项目资金管理情况
P 湘西州人民政府办公室出台了相关专项资金管理办法，从资金分配与拨付、项目申报与审批、资金监管等方面对专项资金管理工作予以明确，严禁截留、挪用和其他不合规支出，从制度层面保障了专项资金专款专用并达到预期目标。
P 项目单位严格按照相关资金文件规定管理和使用专项资金，完善了专项资金管理流程，做到专人负责、专款专用，合理使用；资金使用符合国家财经法规和项目实施单位财务管理制度及有关专项资金管理办法的规定。项目支出按规定履行审批手续，财务严格把关，确保了资金拨付有完整的审核、审批程序和手续，支出符合项目预算批复规定的用途，无截留、挤占、挪用、虚列支出等情况。
H1 三、项目组织实施情况
H2 （一）项目组织情况
P 智慧湘西项目专门成立了智慧湘西建设领导小组，县市长（区管委员会主任）任组长。强化全州各级各部门“一把手”智慧湘西负责制，落实信息化专干制度，创新实施“三员”制度。州智慧办在各项目实施过程中，明确专人负责实施，并严格执行项目法人、招标投标、政府采购、工程监理、合同管理等制度。2022年度州智慧湘西建设专项资金七个子项目均已顺利实施完成。新建项目已验收合格，运维项目保证了基础设施系统和设备的正常、稳定运行。“十四五”重大项目前期工作经费项目已完成相关文件的编制工作。
H2 （二）项目管理情况
P 州人民政府授权州智慧办、州大数据中心负责智慧湘西建设项目核准职能。在项目前置审查、项目实施过程监管以及竣工验收上，严格按照《湘西自治州州级财政专项资金管理办法》等办法执行，加强对项目全过程的统筹协调，按照“统一领导、统一规划、统一标准、统一平台”的要求，坚持“统筹规划、业务协同、安全可靠”的原则统筹规划、建设和日常监督管理，做到制度建立健全，职责分工明确，责任到人，并强化实施、加强监管，各项目制度得到较有效执行。
H1 四、项目支出绩效情况
H2 （一）项目支出决策情况
P 项目按照规定的程序申请设立，审批文件、材料符合相关要求，事前经过必要的可行性研究、专家论证、风险评估、绩效评估、集体决策，项目立项依据充分、程序规范。项目的申请及审批的资料符合相关要求，预算资金分配依据充分，资金分配额度较合理。项目设置有绩效目标，绩效目标与实际工作内容相关，项目预期产出和效益符合项目正常情况，项目绩效目标与预算确定的投资额相匹配。项目资金预算编制较科学，资金分配较合理，符合本专项资金使用范围。
H2 （二）项目支出过程情况
P 2022年度州本级财政安排州智慧湘西建设专项资金1800万元，该项目资金州财政局以州财行集字（2022）0144号指标文件下达1113万元、州财行集字（2022）0148号指标文件下达687万元，资金到位率100%；截至2022年12月31日，州智慧湘西建设专项共支出资金1160.49万元，结转结余639.51万元，预算执行率为64.47%。
P 项目严格按照专项资金管理制度进行安排和使用，项目支出按规定履行审批手续，财务严格把关，确保了资金拨付有完整的审核、审批程序和手续，支出符合项目预算批复规定的用途，无截留、挤占、挪用、虚列支出等情况。同时项目主管部门及项目实施单位建立健全了专项资金管理制度，完善了专项资金管理流程，建立健全了工程项目管理制度，并严格按工程、专项资金管理制度执行，做到项目专人负责，责任到人、监管到位，对专项资金严格管理，加强监督，专项资金严格按计划和工程实施进度合理使用。
H2 （三）项目支出产出情况
P 2022年，全州上下严格按照州委州政府决策部署，积极抢抓国家大数据战略布局重大机遇，全力推进数字政府、数字经济和算力支撑建设，取得了较为显著的成绩。
P 一是强化云网络安全，做到上云虚拟机病毒检测能力 100%覆盖，完成政务云平台和网络等保测评工作，开展网络安全培训 22 次，技术交流 10 次，开展机房巡查 1000 余次，形成政务云运营情况及安全态势监测周报 52 期，发送漏扫报告 1320 份，发布安全问题通报 102 次，获评湘西州网络安全应急演练期“优秀防守单位”；
P 二是推进数据共享服务平台等公共技术平台持续优化和深入调用，目前，完成 48 个单位的数据资源共享工作，汇聚了 8000 余万条数据，856 个政务资源，1689 个信息资源，持续建成了“3+9”资源库，数据共享“超市”发布 1100 多个数据资源服务，有效服务支撑 58 个部门和 53 个系统，调用数据次数达 1200 多万/次，为州行政审批局、州文旅广电局、州公安局等部门业务系统持续提供数据资源调用支撑服务，不断健全平台调用和运维管理机制，提高调用积极性；
P 三是全州建成数据中心及机房 55 个，机架 1225 个，存储能力共计 30 余 PB，累计为 31 个州直部门的应用系统提供 800 余台虚拟服务器资源；三大运营商建成 4 个 IDC 机房，持续为州域相关企业提供公有云服务，丰富算力基础设施资；
P 四是积极调度三大运营商工作，完成 5G 物理站点建设 822 个，接入光缆 11.98 万纤芯公里，建设端口 8.63 万个，新增 140 个自然村光纤覆盖，完成 3499 户老旧小区光网改造，3 万多户新建住宅小区 FTTH 标准化实现覆盖，完成物联网投资 4950 万元；完成湘西智能电网建设投资 18.8 亿元，建成 4 座电力变电站箱式数据中心，并具备投运条件；
P 五是数据共享应用实现高效化，根据数据共享整合实际需求，为全州 331 个单位和智慧财税、智慧平安、智慧旅游、智慧金融等50 多个涉及社会民生的智慧应用提供数据共享服务，助推放管服改革，为互联网+政务服务一体化平台提供数据共享接口，湘西州数据共享服务平台与湖南省数据共享交换平台实现互联互通，实现省政务服务平台 20983 条数据目录、5626 多万条实体数据的回传和分级分类管理；
P 六是坚持“民有所呼、数有所应”指导思想，服务社会生活，“智慧湘西 APP”提供政务服务事项 1108 项、便民服务事项 80 项、生活缴费服务 42 项，涵盖了政务服务、便民服务、利企服务、新闻资讯等，注册人数近 30 万，目前正在与“湘易办”湘西旗舰店对接工作。同时，智慧政务、智慧交通等重点应用建设持续推进，州政府数据开放平台和湘西快贷特色应用场景建成使用，充实智慧湘西建设内容；
P 七是对全州 40 家政府网站和 117 家政务新媒体进行常态化全覆盖检查，内容保障到位，整体情况较好，在湖南省政务管理服务局前三季度季度检查情况的通报中，湘西州政府网站和政务新媒体前三季度合格率 100%；
P 八是开展全州政务新媒体平台建设，集合了微信公众号、微博、今日头条、抖音等新媒体的统一采编管理、发布管理、渠道管理、监控管理、统计管理等功能，实现了全州所有政务新媒体信息统一采编、渠道统一管理、内容统一监测；开通“湘西政务”微信公众号，共发布信息 45 条。
H2 （四）项目支出效益情况
P 经济效益：通过不断完善智慧湘西公共技术基础设施，提升政务云资源服务能力，强化数据安全保障，扎实推进数字政府、数字社会建设，大力发展数字经济，在助力“放管服”改革，赋能全州高质量发展取得了显著成效。提高了信息化利用率及工作效率，节约了大量人力、物力、财力，减少政府公共服务成本，降低了行政成本。
P 社会效益：智慧湘西推动了湘西州城市建设，提升了城市品位，提升了政府部门办事效率和服务水平；持续提升惠民便民利民服务水平，提升了市民生活质量，让市民更具幸福感。
P 可持续影响：持续推动政府数字化、智能化运行，全面提升了政务服务、政府治理、政府决策能力。
H1 五、综合评价情况及评价结论
P 本部门成立了绩效自评工作小组，负责本部门 2022 年度州智慧湘西建设专项支出绩效自评工作的组织领导和具体实施，明确了工作职责和分工，制定了切实可行的评价方案。根据相关资料、评价指标、评价标准和评价方法进行评分，形成自评结论。本部门 2022 年度严格执行项目预算，资金使用管理规范，政策制度落实到位，绩效目标圆满完成，评分为 96.5 分，等级为“优”。
H1 六、主要经验做法及存在的问题及原因
H2 （一）主要经验做法
P 该项目成立项目领导小组，协调解决规划发展和重大项目建设等有关问题。明确专人负责实施，并严格执行项目法人、招标投标、政府采购、工程监理、合同管理等制度。在落实项目责任制上，业务科室为项目实施责任单位，跟踪预算和项目执行情况，对进展项目较慢的能及时进行调整和提出整改措施，合理调整、纠正预算执行偏差，确保项目实施工作正常运行。同时注重项目产出及效率，力求达到优化资源配置、合理控制成本、提高公共产品质量和公共服务水平的目的。
H2 （二）存在的问题及原因
P 项目预算执行率较低。截止 2022 年 12 月 31 日，1800 万元项目共支出 1160.49 万元，结转结余 639.51 万元，预算执行率为 64.47%。主要原因为部分项目已完工但尚未办理竣工验收及结算审计，项目款未进行支付。
H1 七、有关建议
P 加快项目验收进度，及时办理竣工验收及结算审计，及时完成报账并支付项目资金。
H1 八、绩效自评结果拟应用和公开情况
P 绩效自评结果用于加强和改进本部门项目管理工作，规范项目资金管理，强化资金使用效益，提升资金管理水平和工作质量。涉密事项除外，本部门 2022 年度州智慧湘西建设专项支出绩效自评情况按照要求在州级预决算公开平台及本部门门户网站上全文公开，接受社会公众监督。
H1 九、其他需要说明的问题
P 无其他需要说明的问题。
P 附件：1. 州级预算部门项目支出绩效自评表
"""
SEED_ZPB = {
    "goal": "动态管理更新州直部门政务信息系统和数据共享资源底数,加快系统清理整合;进一步巩固州政务云、州数据共享服务平台、数据通、国地通等智慧湘西公共技术平台建设成果;用好州数据共享服务平台、州数据通微服务平台、数据调度支撑平台;围绕政务服务、政府治理、决策运行,督促推进智慧旅游、智慧医疗、智慧政务等应用建设,加大智慧湘西 APP 推广应用力度;做好“十四五”规划前期智慧湘西建设项目前期工作,为数字经济发展夯实基础。",
    "done": "2022 年,全州上下严格按照州委州政府决策部署,积极抢抓国家大数据战略布局重大机遇,全力推进数字政府、数字经济和算力支撑建设,取得了较为显著的成绩。进一步巩固了州政务云、州数据共享服务平台、数据通、国地通等智慧湘西公共技术平台建设成果;用好州数据共享服务平台、州数据通微服务平台、数据调度支撑平台;围绕政务服务、政府治理、决策运行,督促推进智慧旅游、智慧医疗、智慧政务等应用建设,加大了智慧湘西 APP 推广应用力度。",
}

SEED_EXPECTED = [
    {
        "category": "score",
        "severity": "warning",
        "mention": ["6.5"],
        "accept": ["rate"],
        "note": "执行率得分 10×64.47%=6.45，填写 6.5",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["全三季度"]],
        "note": "摘要表\u201c全三季度合格率\u201d与正文\u201c前三季度合格率\u201d不一致",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["国地通", "数据调度支撑平台"]],
        "note": "年度目标：摘要表缺\u201c数据通、国地通\u201d\u201c用好…数据调度支撑平台\u201d分句",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["项目期工作"]],
        "note": "正文\u201c建设项目期工作\u201d脱漏\u201c前\u201d字",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["技术前置"]],
        "note": "摘要表\u201c项目技术前置审查\u201d与正文\u201c项目前置审查\u201d不一致",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["及时协调", "进行调整"]],
        "note": "经验做法两处措辞不一致",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["etc"]],
        "note": "资金表子项目名称\u201c安保电费 etc 运维费用\u201d与概况\u201c安保电费等运维费用\u201d不一致",
    },
    {
        "category": "logic",
        "severity": "warning",
        "mention": [["均已顺利实施完成", "均已"]],
        "note": "称七个子项目均已完成，但后评估费支出为 0",
    },
    {
        "category": "logic",
        "severity": "warning",
        "mention": [["验收合格"]],
        "accept": ["score"],
        "note": "称验收合格率100%、新建项目已验收合格，但问题部分称尚未办理竣工验收",
    },
    {
        "category": "logic",
        "severity": "warning",
        "mention": [["按预算支出"]],
        "accept": ["score"],
        "note": "成本指标\u201c全年按预算支出\u201d满分，但执行率仅 64.47%",
    },
    {
        "category": "missing",
        "severity": "warning",
        "mention": [["偏差"]],
        "note": "执行率 64.47% 远低于 100%，自评表偏差原因分析为空",
    },
    {
        "category": "missing",
        "severity": "info",
        "mention": [["年 月 日", "年月日", "签字", "填报日期"]],
        "optional": True,
        "note": "签字、日期未填",
    },
    {
        "category": "missing",
        "severity": "info",
        "mention": [["年初预算数"]],
        "optional": True,
        "note": "自评表年初预算数空白",
    },
    {
        "category": "logic",
        "severity": "info",
        "mention": [["按时完成"]],
        "optional": True,
        "note": "时效指标按时完成满分，但部分项目未验收",
    },
    {
        "category": "mismatch",
        "severity": "info",
        "mention": [["县市长", "州长"]],
        "optional": True,
        "note": "领导小组组长表述前后不一致",
    },
]

SIG_GAP = " " * 16


def seed_blocks():
    S = SEED_SUMMARY
    b = []
    # ---- cover
    b.append(Para("", "cover-gap"))
    b.append(Para(SEED_COVER[0], "title"))
    b.append(Para(SEED_COVER[1], "cover-title"))
    b.append(Para(SEED_COVER[2], "cover-title"))
    b.append(Para("4", "cover-gap"))
    for line in SEED_COVER[3:]:
        b.append(Para(line, "cover"))
    b.append(PageBreak())
    # ---- front summary table (自评报告表)
    mb = [
        p.replace("提升 政府部门", "提升政府部门") for p in S["mb"]
    ]  # a line-wrap artefact of the extraction
    funds = [
        ("其中：中央财政", "", "其中：中央财政", ""),
        ("省财政", "", "省财政", ""),
        ("州财政", "1800", "州财政", "1800"),
        ("县财政", "", "县财政", ""),
        ("单位自筹", "", "单位自筹", ""),
        ("其他", "", "其他", ""),
    ]
    rows = [
        [
            C("项目负责人"),
            C("唐铭 曾世圣 张琳", cs=2),
            C("联系电话"),
            C(["15274311637", "15174396090", "18674320707"]),
        ],
        [C("地 址"), C("州政务中心 4 楼，州大数据中心", cs=2), C("邮编"), C("416000")],
        [C("项目起止时间"), C("2022 年 1 月~2022 年 12 月", cs=4)],
        [C("计划投资额（万元）"), C("1800", cs=2), C("实际到位资金（万元）"), C("1800")],
    ]
    for a, v, c2, v2 in funds:
        rows.append([C(a), C(v, cs=2), C(c2), C(v2)])
    rows += [
        [C("基本概况"), C(S["jbgk"], cs=4)],
        [C("项目绩效目标"), C(mb, cs=4)],
        [C("项目执行情况", rs=3), C("项目完成情况"), C(S["wc"], cs=3)],
        [C("资金投入情况"), C(S["zj"], cs=3)],
        [C("绩效目标实现情况"), C(S["sx"], cs=3)],
        [C("经济效益分析"), C(S["jj"], cs=4)],
        [C("社会效益分析"), C(S["sh"], cs=4)],
        [C("项目组织管理情况"), C(S["zz"], cs=4)],
        [C("项目财务管理情况"), C(S["cw"], cs=4)],
        [C("总结经验及存在问题分析"), C(S["jy"], cs=4)],
        [C("自 评 结 论"), C(S["jl"], cs=4, align="center")],
        [C("有 关 建 议"), C(S["jyi"], cs=4, align="center", indent=False)],
        [C("评 价 人 员", rs=4), C("姓名"), C("职称/职务"), C("单 位"), C("签 字")],
        [C("欧菊芳"), C("政府办四级调研员"), C("湘西自治州人民政府办公室"), C("")],
        [C("谭碧波"), C("公共数据科科长"), C("智慧湘西领导小组办公室"), C("")],
        [C("张文腾"), C("综合协调科科长"), C("智慧湘西领导小组办公室"), C("")],
        [
            C(
                [s.replace("： 年 月 日", "：" + SIG_GAP + "年    月    日") for s in S["sig"]],
                cs=5,
                align="left",
                indent=False,
            )
        ],
        [
            C(
                [
                    S["cz"][0],
                    S["cz"][1].replace("：财政", "：" + " " * 8 + "财政"),
                    ("年    月    日", "right"),
                ],
                cs=5,
                align="left",
                indent=False,
            )
        ],
    ]
    b.append(Table([2.7, 2.6, 3.4, 3.6, 3.3], rows, size=12))
    b.append(PageBreak())
    # ---- body
    fund_rows = []
    for line in SEED_BODY.strip("\n").split("\n"):
        tag, _, text = line.partition(" ")
        if tag != "|" and fund_rows:
            b.append(
                Table(
                    [4.8, 2.3, 1.9, 2.0, 2.4, 2.2],
                    [
                        [
                            C(x, bold=(i == 0), align="center" if (j or i == 0) else "left", indent=False)
                            for j, x in enumerate(r)
                        ]
                        for i, r in enumerate(fund_rows)
                    ],
                    size=11,
                )
            )
            fund_rows = []
        if tag == "T":
            b.append(Para(text, "title"))
        elif tag == "H1":
            b.append(Para(text, "h1"))
        elif tag == "H2":
            b.append(Para(text, "h2"))
        elif tag == "C":
            b.append(Para(text, "caption"))
        elif tag == "U":
            b.append(Para(text, "unit"))
        elif tag == "|":
            fund_rows.append(text.split("\t"))
        elif text.startswith("附件"):
            b.append(Para(text, "plain"))
        else:
            b.append(Para(text, "body"))
    b.append(PageBreak())
    # ---- 附件1 绩效自评表
    b.append(Para("附件 1:", "attach"))
    b.append(Para("州级预算部门项目支出绩效自评表 (2022 年度)", "table-title"))
    ind = [  # (三级指标, 年度指标值, 实际完成值, 分值, 得分)
        ("完成数据资源共享单位", "48 个", "48 个", "4", "4"),
        ("建成数据中心及机房", "55 个", "55 个", "4", "4"),
        ("5G 物理站点建设", "822 个", "822 个", "4", "4"),
        ("开展网络安全培训", "22 次", "22 次", "4", "4"),
        ("政府网站和政务新媒体全覆盖合格率", "100%", "100%", "4", "4"),
    ]
    z = [
        [C("项目名称", cs=2), C("州智慧湘西建设专项", cs=7)],
        [
            C("主管部门", cs=2),
            C("湘西自治州人民政府办公室", cs=2),
            C("实施单位"),
            C("智慧湘西领导小组办公室", cs=4),
        ],
        [
            C("项目资金(万元)", rs=5),
            C("", cs=2),
            C("年初预算数"),
            C("全年预算数"),
            C("全年执行数"),
            C("分值"),
            C("执行率"),
            C("得分"),
        ],
        [C("年度资金总额", cs=2), C(""), C("1800"), C("1160.49"), C("10"), C("64.47%"), C("6.5")],
        [C("其中:当年财政拨款", cs=2), C(""), C("1800"), C("1160.49"), C("—"), C("—"), C("—")],
        [C("上年结转资金", cs=2), C(""), C(""), C(""), C("—"), C("—"), C("—")],
        [C("其他资金", cs=2), C(""), C(""), C(""), C("—"), C("—"), C("—")],
        [C("年度总体目标", rs=2), C("预期目标", cs=4), C("实际完成情况", cs=4)],
        [C(SEED_ZPB["goal"], cs=4, indent=False), C(SEED_ZPB["done"], cs=4, indent=False)],
        [
            C("绩效指标", rs=13),
            C("一级指标"),
            C("二级指标"),
            C("三级指标"),
            C("年度指标值"),
            C("实际完成值"),
            C("分值"),
            C("得分"),
            C("偏差原因分析及改进措施"),
        ],
    ]
    for i, (n, t, a, w, s) in enumerate(ind):
        row = []
        if i == 0:
            row += [C("产出指标 (50分)", rs=8), C("数量指标", rs=5)]
        row += [C(n), C(t), C(a), C(w), C(s), C("")]
        z.append(row)
    z += [
        [C("质量指标"), C("各子项目验收合格率"), C("100%"), C("100%"), C("10"), C("10"), C("")],
        [C("时效指标"), C("2022 年 1 月至 12 月"), C("按时完成"), C("按时完成"), C("10"), C("10"), C("")],
        [C("成本指标"), C("全年按预算支出"), C("按预算支出"), C("按预算支出"), C("10"), C("10"), C("")],
        [
            C("效益指标 (30分)", rs=3),
            C("经济效益指标"),
            C("节约人力、物力、财力，减少政府公共服务成本，降低了行政成本", align="center", indent=False),
            C("定性"),
            C(
                "节约了大量人力、物力、财力，减少政府公共服务成本，降低了行政成本",
                align="center",
                indent=False,
            ),
            C("10"),
            C("10"),
            C(""),
        ],
        [
            C("社会效益指标"),
            C("提升惠民便民利民服务水平，提升市民生活质量"),
            C("定性"),
            C("提升了惠民便民利民服务水平，提升了市民生活质量"),
            C("10"),
            C("10"),
            C(""),
        ],
        [
            C("可持续影响指标"),
            C("持续推动政府数字化、智能化运行"),
            C("定性"),
            C("为全面提升政务服务、政府治理、政府决策能力"),
            C("10"),
            C("10"),
            C(""),
        ],
        [
            C("满意度指标 (10分)"),
            C("服务对象满意度指标"),
            C("社会公众、服务对象的满意度"),
            C("95%"),
            C("99%"),
            C("10"),
            C("10"),
            C(""),
        ],
        [C("总分", cs=6), C("100"), C("96.5"), C("")],
    ]
    b.append(Table([1.2, 1.6, 1.6, 2.6, 1.8, 1.9, 1.2, 1.7, 2.0], z, size=10.5))
    for line in ("单位负责人签字：", "填表人：", "联系电话：", "填报日期：", "年 月 日"):
        b.append(Para(line, "plain"))
    return b


# ----------------------------------------------------------------------------------------------
# C. Synthetic reports: data → derived model (exact Decimal arithmetic) → blocks.
#    Faulty variants = clean data/model + explicit mutation functions (see MUTANTS).
# ----------------------------------------------------------------------------------------------

D = Decimal
Q2 = D("0.01")


def q2(x: Decimal) -> Decimal:
    return x.quantize(Q2, rounding=ROUND_HALF_UP)


def trim(x: Decimal) -> str:
    """80.00 -> 80, 17.60 -> 17.6 (how many reports print amounts and scores)."""
    s = f"{x:.2f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def money(R, x: Decimal) -> str:
    m = R["money"]
    if m == "fixed2":
        return f"{x:.2f}"
    if m == "sep2":
        return f"{x:,.2f}"
    return trim(x)


def pct(x: Decimal) -> str:
    return f"{x:.2f}%"


def band(total: Decimal) -> str:
    if total >= 90:
        return "优"
    if total >= 80:
        return "良"
    if total >= 60:
        return "中"
    return "差"


GRADE_NOTE = "备注：90（含）—100分为优；80（含）—90分为良；60（含）—80分为中；60分以下为差。"


def ind_score(ind) -> Decimal:
    w = ind["weight"]
    k = ind["kind"]
    if k == "qual":
        return q2(w * D(ind.get("factor", "1")))
    t, a = ind["t"], ind["a"]
    if k == "ge":
        return w if a >= t else q2(w * a / t)
    if k == "le":
        return w if a <= t else q2(w * t / a)
    if k == "eq":
        return w if a == t else q2(w * min(a, t) / max(a, t))
    raise ValueError(k)


def ind_strings(ind):
    if ind["kind"] == "qual":
        return ind["target"], ind["actual"]
    op = {"ge": "≥", "le": "≤", "eq": "="}[ind["kind"]]
    u = ind["unit"]
    return ind.get("target") or f"{op}{ind['t']}{u}", ind.get("actual") or f"{ind['a']}{u}"


def derive(R, clean=True):
    """All printed strings of one report, computed from its data."""
    u = R["unit"]
    M = {"R": R, "unit": u}
    rows = []
    tb = ts = D(0)
    for name, b, s in R["subs"]:
        b, s = D(b), D(s)
        tb += b
        ts += s
        rows.append(
            {
                "name": name,
                "budget": money(R, b),
                "arrived": money(R, b),
                "spent": money(R, s),
                "balance": money(R, b - s),
                "rate": pct(q2(s / b * 100)) if b else "0.00%",
            }
        )
    rate = q2(ts / tb * 100)
    M["fund_rows"] = rows
    M["fund_total"] = {
        "name": "合计",
        "budget": money(R, tb),
        "arrived": money(R, tb),
        "spent": money(R, ts),
        "balance": money(R, tb - ts),
        "rate": pct(rate),
    }
    M["B"], M["S"], M["BAL"], M["RATE"] = money(R, tb), money(R, ts), money(R, tb - ts), pct(rate)
    # execution-rate score: 10 × rate, rounded half-up to 2 decimals (same from the exact or printed rate)
    exec_w = D(R.get("exec_weight", "10"))
    exec_score = q2(exec_w * ts / tb)
    assert exec_score == q2(exec_w * rate / 100), (R["name"], "ambiguous execution score rounding")
    exec_score = D(R.get("exec_score_override", exec_score))
    M["exec"] = {"weight": trim(exec_w), "score": trim(exec_score), "dev": R.get("exec_dev", "")}
    # allocation documents and funding sources
    if clean:
        assert sum(D(a) for _, a in R["alloc"]) == tb, "allocation documents must sum to the budget"
        assert sum(D(a) for _, a in R["sources"]) == tb, "funding sources must sum to the budget"
        assert sum(D(b) for _, b, _ in R["subs"]) == tb
    M["alloc"] = "、".join(f"{doc}文件下达 {money(R, D(a))} {u}" for doc, a in R["alloc"])
    M["sources"] = [(lab, money(R, D(a))) for lab, a in R["sources"]]
    # indicators
    inds = []
    total = exec_score
    for ind in R["inds"]:
        sc = ind_score(ind)
        if clean:
            assert sc <= ind["weight"]
            if sc < ind["weight"]:
                assert ind.get("dev"), ("missed target needs a deviation reason", ind["name"])
        sc = D(ind.get("score_override", sc))
        total += sc
        t, a = ind_strings(ind)
        inds.append(
            {
                "l1": ind["l1"],
                "l2": ind["l2"],
                "name": ind["name"],
                "target": t,
                "actual": a,
                "weight": trim(ind["weight"]),
                "score": trim(sc),
                "dev": ind.get("dev", ""),
            }
        )
    if clean:
        wsum = sum(i["weight"] for i in R["inds"]) + exec_w
        assert wsum == 100, (R["name"], wsum)
        for l1, w in R["l1_weights"].items():
            assert sum(i["weight"] for i in R["inds"] if i["l1"] == l1) == D(w), (l1, w)
        if rate < D(R.get("exec_explain_below", "90")):
            assert R.get("exec_dev"), "execution below the threshold needs an explanation in the 自评表"
    M["inds"] = inds
    M["total"] = trim(total)
    M["grade"] = band(total)
    M["total_dec"] = total
    # text passages: one entry per copy (location), identical in a clean report
    y = R["year"]
    items = "；".join(f"{n} {money(R, D(b))} {u}" for n, b, _ in R["subs"])
    overview = (
        f"{R['overview_lead']}{y}年度{R['funder']}预算安排{R['project_short']}资金 {M['B']} {u}，"
        f"用于：{items}。项目子项目共 {len(R['subs'])} 个。"
    )
    alloc = (
        f"{y}年度{R['funder']}安排{R['project_short']}资金 {M['B']} {u}，该项目资金{R['bureau']}以"
        f"{M['alloc']}，资金到位率 100%"
    )
    spent = (
        f"截至 {y} 年 12 月 31 日，{R['project_short']}共支出资金 {M['S']} {u}，结转结余 {M['BAL']} {u}，"
        f"预算执行率为 {M['RATE']}"
    )
    T = {}

    def copies(key, text, *locs):
        T[key] = {loc: text for loc in locs}

    copies("background", R["background"], "summary", "body")
    copies("overview", overview, "summary", "body")
    copies("goal_total", R["goal_total"], "summary", "body")
    copies("goal_year", R["goal_year"], "summary", "body", "table")
    copies("completion", R["completion"], "summary", "body")
    T["funds"] = {
        "summary": f"{alloc}；{spent}。",
        "body_alloc": f"{alloc}。",
        "body_spent": f"{spent}。各子项目资金到位及使用情况如下：",
        "body_process": f"{alloc}；{spent}。",
    }
    copies("achievements", "\n".join(R["achievements"]), "summary", "body")
    copies("econ", R["econ"], "summary", "body")
    copies("social", R["social"], "summary", "body")
    copies("org", R["org_text"], "summary", "body")
    copies("fin", "\n".join(R["fin"]), "summary", "body")
    copies("experience", R["experience"], "summary", "body")
    problems = R["problems"].format(B=M["B"], S=M["S"], BAL=M["BAL"], RATE=M["RATE"], u=u, y=y)
    copies("problems", problems, "summary", "body")
    copies("suggestion", R["suggestion"], "summary", "body")
    T["conclusion"] = {
        "summary": f"评分：{M['total']}    等级：{M['grade']}",
        "body": (
            f"本部门 {y} 年度{R['project_short']}资金使用管理规范，{R['conclusion_lead']}"
            f"评分为 {M['total']} 分，等级为“{M['grade']}”。"
        ),
    }
    T["title"] = {"cover": f"{y}年度{R['project']}", "body": f"{y}年度{R['project']}"}
    M["text"] = T
    M["done_text"] = R["done"]
    M["report_date"] = R["report_date"]
    M["sign_date"] = R["sign_date"]
    M["filler"] = R["filler"]
    M["phone"] = R["phone"]
    return M


def replace_in(M, key, loc, old, new, count=1):
    s = M["text"][key][loc]
    assert s.count(old) == count, (key, loc, old, s.count(old))
    M["text"][key][loc] = s.replace(old, new)


def replace_all(M, old, new):
    n = 0
    for locs in M["text"].values():
        for loc, s in locs.items():
            if old in s:
                n += s.count(old)
                locs[loc] = s.replace(old, new)
    assert n >= 1, old
    return n


def summary_table(M):
    R, T, u = M["R"], M["text"], M["unit"]
    rows = [
        [C("项目负责人"), C(R["leader"], cs=2), C("联系电话"), C(R["leader_phone"])],
        [C("地 址"), C(R["address"], cs=2), C("邮编"), C(R["postcode"])],
        [C("项目起止时间"), C(R["period"], cs=4)],
        [C(f"计划投资额（{u}）"), C(M["B"], cs=2), C(f"实际到位资金（{u}）"), C(M["B"])],
    ]
    labels = R["source_labels"]
    src = dict(M["sources"])
    for i, lab in enumerate(labels):
        pre = "其中：" if i == 0 else ""
        v = src.get(lab, "")
        rows.append([C(pre + lab), C(v, cs=2), C(pre + lab), C(v)])
    rows += [
        [C("基本概况"), C([T["background"]["summary"], T["overview"]["summary"]], cs=4)],
        [
            C("项目绩效目标"),
            C(["总目标：" + T["goal_total"]["summary"], "年度目标：" + T["goal_year"]["summary"]], cs=4),
        ],
        [
            C("项目执行情况", rs=3),
            C("项目完成情况"),
            C(T["completion"]["summary"], cs=3, align="justify", indent=True),
        ],
        [C("资金投入情况"), C(T["funds"]["summary"], cs=3)],
        [C("绩效目标实现情况"), C(T["achievements"]["summary"].split("\n"), cs=3)],
        [C("经济效益分析"), C(T["econ"]["summary"], cs=4, align="justify", indent=True)],
        [C("社会效益分析"), C(T["social"]["summary"], cs=4, align="justify", indent=True)],
        [C("项目组织管理情况"), C(T["org"]["summary"], cs=4)],
        [C("项目财务管理情况"), C(T["fin"]["summary"].split("\n"), cs=4)],
        [
            C("总结经验及存在问题分析"),
            C(
                [
                    "（一）主要经验做法",
                    T["experience"]["summary"],
                    "（二）存在的问题及原因",
                    T["problems"]["summary"],
                ],
                cs=4,
                align="justify",
                indent=True,
            ),
        ],
        [C("自 评 结 论"), C([T["conclusion"]["summary"], GRADE_NOTE], cs=4, align="center", indent=False)],
        [C("有 关 建 议"), C(T["suggestion"]["summary"], cs=4, align="justify", indent=True)],
        [C("评 价 人 员", rs=1 + len(R["evaluators"])), C("姓名"), C("职称/职务"), C("单 位"), C("签 字")],
    ]
    for name, title, unit in R["evaluators"]:
        rows.append([C(name), C(title), C(unit), C(name)])
    d = M["sign_date"]
    sig = R["signers"]
    rows.append(
        [
            C(
                [
                    f"评价组组长（签字）：{sig[0]}" + " " * 8 + d,
                    f"项目实施单位负责人（签字）：{sig[1]}" + " " * 8 + d,
                    f"项目实施单位名称（盖章）：{R['org']}" + " " * 4 + d,
                    f"主管部门负责人（签字）：{sig[2]}" + " " * 8 + d,
                    f"主管部门（盖章）：{R['dept']}" + " " * 4 + d,
                ],
                cs=5,
                align="left",
                indent=False,
            )
        ]
    )
    return Table([2.7, 2.6, 3.4, 3.6, 3.3], rows, size=12)


def fund_table(M):
    R = M["R"]
    rows_in = M["fund_rows"] + [M["fund_total"]]
    if R["fund_style"] == "alt":
        hdr = ["序号", "项目名称", "预算数", "执行数", "执行率", "结余"]
        rows = [[C(h, bold=True) for h in hdr]]
        for i, r in enumerate(rows_in):
            no = "" if r is M["fund_total"] else str(i + 1)
            rows.append(
                [
                    C(no),
                    C(r["name"], align="left" if no else "center", indent=False),
                    C(r["budget"]),
                    C(r["spent"]),
                    C(r["rate"]),
                    C(r["balance"]),
                ]
            )
        rows[-1][0:2] = [C(M["fund_total"]["name"], cs=2)]
        return Table([1.1, 5.7, 2.2, 2.2, 2.2, 2.2], rows, size=11, header_rows=1)
    hdr = [
        "子项目名称",
        R["fund_budget_label"],
        "实际到位资金",
        "实际支出金额",
        "项目结转结余金额",
        "预算执行率",
    ]
    rows = [[C(h, bold=True) for h in hdr]]
    for r in rows_in:
        rows.append(
            [
                C(r["name"], align="left" if r is not M["fund_total"] else "center", indent=False),
                C(r["budget"]),
                C(r["arrived"]),
                C(r["spent"]),
                C(r["balance"]),
                C(r["rate"]),
            ]
        )
    w = [4.0, 2.45, 2.45, 2.45, 2.45, 1.8] if R["money"] == "sep2" else [4.8, 2.3, 1.9, 2.0, 2.4, 2.2]
    return Table(w, rows, size=10.5 if R["money"] == "sep2" else 11)


def selfeval_table(M):
    R, T = M["R"], M["text"]
    sichuan = R["template"] == "sichuan"
    u = M["unit"]
    wlab = "权重" if sichuan else "分值"
    devlab = R.get("dev_label", "偏差原因分析及改进措施")
    z = [[C("项目名称", cs=2), C(R["project_table_name"], cs=7)]]
    if sichuan:
        z.append([C("主管部门及代码", cs=2), C(R["dept_code"], cs=3), C("实施单位", cs=1), C(R["org"], cs=3)])
        z += [
            [
                C(f"项目资金（{u}）", rs=3),
                C("", cs=2),
                C("年初预算数"),
                C("调整后预算数"),
                C("预算执行数"),
                C("预算执行率"),
                C(wlab),
                C("得分"),
            ],
            [
                C("财政资金", cs=2),
                C(M["B"]),
                C(M["B"]),
                C(M["S"]),
                C(M["RATE"]),
                C(M["exec"]["weight"]),
                C(M["exec"]["score"]),
            ],
            [C("其他资金", cs=2), C("—"), C("—"), C("—"), C("—"), C("—"), C("—")],
        ]
    else:
        z.append([C("主管部门", cs=2), C(R["dept"], cs=2), C("实施单位"), C(R["org"], cs=4)])
        nfund = 6 if R.get("exec_dev_row") else 5
        z += [
            [
                C(f"项目资金({u})", rs=nfund),
                C("", cs=2),
                C("年初预算数"),
                C("全年预算数"),
                C("全年执行数"),
                C("分值"),
                C("执行率"),
                C("得分"),
            ],
            [
                C("年度资金总额", cs=2),
                C(M["B"]),
                C(M["B"]),
                C(M["S"]),
                C(M["exec"]["weight"]),
                C(M["RATE"]),
                C(M["exec"]["score"]),
            ],
            [C("其中：当年财政拨款", cs=2), C(M["B"]), C(M["B"]), C(M["S"]), C("—"), C("—"), C("—")],
            [C("上年结转资金", cs=2), C("0"), C("0"), C("0"), C("—"), C("—"), C("—")],
            [C("其他资金", cs=2), C("0"), C("0"), C("0"), C("—"), C("—"), C("—")],
        ]
        if R.get("exec_dev_row"):
            z.append(
                [C("偏差原因分析及改进措施", cs=2), C(M["exec"]["dev"], cs=6, align="justify", indent=False)]
            )
    z += [
        [C("年度总体目标", rs=2), C("预期目标", cs=4), C("实际完成情况", cs=4)],
        [
            C(T["goal_year"]["table"], cs=4, align="justify", indent=False),
            C(M["done_text"], cs=4, align="justify", indent=False),
        ],
    ]
    inds = M["inds"]
    z.append(
        [
            C("绩效指标", rs=1 + len(inds)),
            C("一级指标"),
            C("二级指标"),
            C("三级指标"),
            C("年度指标值"),
            C("实际完成值"),
            C(wlab),
            C("得分"),
            C(devlab),
        ]
    )
    l1_label = R["l1_labels"]
    for i, ind in enumerate(inds):
        row = []
        if i == 0 or inds[i - 1]["l1"] != ind["l1"]:
            n = sum(1 for x in inds if x["l1"] == ind["l1"])
            row.append(C(l1_label[ind["l1"]], rs=n))
        if i == 0 or inds[i - 1]["l2"] != ind["l2"] or inds[i - 1]["l1"] != ind["l1"]:
            n = 0
            for x in inds[i:]:
                if x["l1"] == ind["l1"] and x["l2"] == ind["l2"]:
                    n += 1
                else:
                    break
            row.append(C(ind["l2"], rs=n))
        row += [
            C(ind["name"], align="center", indent=False),
            C(ind["target"]),
            C(ind["actual"], align="center", indent=False),
            C(ind["weight"]),
            C(ind["score"]),
            C(ind["dev"], align="left", indent=False),
        ]
        z.append(row)
    z.append([C("总分", cs=6), C("100"), C(M["total"]), C("")])
    if sichuan:  # amounts in 元 with separators need wide columns
        return Table([1.0, 1.3, 1.3, 2.4, 2.4, 2.4, 1.5, 1.1, 2.2], z, size=9)
    return Table([1.2, 1.5, 1.6, 2.4, 1.8, 1.9, 1.1, 1.7, 2.4], z, size=10)


def report_blocks(M):
    R, T, u, y = M["R"], M["text"], M["unit"], M["R"]["year"]
    b = [
        Para("", "cover-gap"),
        Para(R["org"], "title"),
        Para(T["title"]["cover"], "cover-title"),
        Para("支出绩效自评报告", "cover-title"),
        Para("4", "cover-gap"),
    ]
    for line in (
        f"项目名称：{R['project']}",
        f"支出功能科目编码：{R['func_code']}",
        f"项目实施单位：{R['org']}",
        f"主管部门：{R['dept']}",
        "评价方式：部门绩效自评",
        "评价机构：部门绩效自评工作小组",
        f"单位名称（盖章）：{R['org']}",
        f"报告时间：{M['report_date']}",
    ):
        b.append(Para(line, "cover"))
    b.append(PageBreak())
    b.append(Para(R["summary_title"], "table-title"))
    b.append(summary_table(M))
    b.append(PageBreak())
    b += [Para(R["org"], "title"), Para(T["title"]["body"], "title"), Para("支出绩效自评报告", "title")]
    b.append(Para(R["intro"], "body"))
    H1, H2, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "h2")), (lambda s: Para(s, "body"))
    b += [
        H1("一、项目概况"),
        H2("（一）项目实施单位基本情况"),
        P(R["unit_info"]),
        H2("（二）项目资金基本情况"),
        P(T["background"]["body"]),
        P(T["overview"]["body"]),
        H2("（三）项目资金绩效目标"),
        P("总目标：" + T["goal_total"]["body"]),
        P("年度目标：" + T["goal_year"]["body"]),
        H1("二、项目资金使用及管理情况"),
        H2("（一）项目资金安排落实、总投入等情况"),
        P(T["funds"]["body_alloc"]),
    ]
    if R.get("alloc_detail"):
        b.append(P(R["alloc_detail"]))
    b += [H2("（二）项目资金实际使用情况")]
    if R.get("spent_detail"):
        b.append(P(R["spent_detail"]))
    b += [
        P(T["funds"]["body_spent"]),
        Para(R["fund_caption"], "caption"),
        Para(f"单位：{u}", "unit"),
        fund_table(M),
    ]
    b += [H2("（三）项目资金管理情况")] + [P(x) for x in T["fin"]["body"].split("\n")]
    b += [
        H1("三、项目组织实施情况"),
        H2("（一）项目组织情况"),
        P(R["org_setup"] + T["completion"]["body"]),
        H2("（二）项目管理情况"),
        P(T["org"]["body"]),
        H1("四、项目支出绩效情况"),
        H2("（一）项目支出决策情况"),
        P(R["decision"]),
        H2("（二）项目支出过程情况"),
        P(T["funds"]["body_process"]),
        P(R["process"]),
        H2("（三）项目支出产出情况"),
        P(R["output_lead"]),
    ]
    b += [P(x) for x in T["achievements"]["body"].split("\n")]
    b += [
        H2("（四）项目支出效益情况"),
        P("经济效益：" + T["econ"]["body"]),
        P("社会效益：" + T["social"]["body"]),
        P("可持续影响：" + R["sustain"]),
        H1("五、综合评价情况及评价结论"),
        P(R["eval_intro"] + T["conclusion"]["body"]),
        H1("六、主要经验做法及存在的问题及原因"),
        H2("（一）主要经验做法"),
        P(T["experience"]["body"]),
        H2("（二）存在的问题及原因"),
        P(T["problems"]["body"]),
        H1("七、有关建议"),
        P(T["suggestion"]["body"]),
        H1("八、绩效自评结果拟应用和公开情况"),
        P(R["publish"]),
        H1("九、其他需要说明的问题"),
        P(R["other"]),
        Para(f"附件：1. {R['selfeval_title']}", "plain"),
        Para(R["org"], "right"),
        Para(M["sign_date"], "right"),
    ]
    b.append(PageBreak())
    b.append(Para("附件1", "attach"))
    b.append(Para(R["selfeval_title"], "table-title"))
    b.append(Para(f"（{y}年度）", "center"))
    b.append(selfeval_table(M))
    b.append(Para(f"单位负责人签字：{R['signers'][1]}        填表人：{M['filler']}", "small"))
    b.append(Para(f"联系电话：{M['phone']}        填报日期：{M['sign_date']}", "small"))
    return b


# ---- report data ------------------------------------------------------------------------------

COMMON_FIN = [
    "项目单位严格执行{law}，建立健全了专项资金管理制度，从资金分配与拨付、项目申报与审批、资金监管等方面对专项资金管理工作予以明确，做到专人负责、专账核算、专款专用。",
    "项目支出按规定履行审批手续，财务严格把关，资金拨付有完整的审核、审批程序和手续，支出符合项目预算批复规定的用途，无截留、挤占、挪用、虚列支出等情况。",
]

EDU = dict(
    name="edu-nutrition-2023",
    year=2023,
    unit="万元",
    money="fixed2",
    template="mof",
    fund_style="standard",
    fund_budget_label="预算安排资金",
    fund_caption="营养改善计划专项资金到位及使用情况表",
    org="桐溪县学生资助管理中心",
    dept="桐溪县教育局",
    func_code="2050299",
    project="农村义务教育学生营养改善计划专项资金",
    project_short="营养改善计划专项",
    project_table_name="2023年度农村义务教育学生营养改善计划专项资金",
    summary_title="项目支出绩效自评报告表",
    selfeval_title="项目支出绩效自评表",
    funder="中央、省、县三级财政共",
    bureau="县财政局",
    alloc=[("桐财教〔2023〕12号", "1000.00"), ("桐财教〔2023〕27号", "634.00")],
    sources=[("中央财政", "1186.40"), ("省财政", "200.00"), ("县财政", "247.60")],
    source_labels=["中央财政", "省财政", "州(市)财政", "县财政", "单位自筹", "其他"],
    subs=[
        ("学生营养膳食补助", "1186.40", "1186.40"),
        ("学校食堂设备购置", "156.80", "62.72"),
        ("食堂从业人员劳务补助", "248.50", "231.62"),
        ("食品安全检测与管理", "42.30", "38.07"),
    ],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标（50分）", "效益": "效益指标（30分）", "满意度": "满意度指标（10分）"},
    inds=[
        dict(
            l1="产出",
            l2="数量指标",
            name="受益学生人数",
            kind="ge",
            t=D("11600"),
            a=D("11864"),
            unit="人",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="覆盖农村义务教育学校",
            kind="eq",
            t=D("126"),
            a=D("126"),
            unit="所",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="营养餐供餐天数",
            kind="ge",
            t=D("200"),
            a=D("200"),
            unit="天",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="购置食堂设备",
            kind="ge",
            t=D("45"),
            a=D("18"),
            unit="台套",
            weight=D(4),
            dev="首次招标流标、二次招标延期，年底仅交付首批18台套；剩余27台套已签订合同，2024年一季度交付。",
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="食品安全抽检合格率",
            kind="ge",
            t=D("98"),
            a=D("99.2"),
            unit="%",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="供餐营养达标率",
            kind="ge",
            t=D("95"),
            a=D("97.5"),
            unit="%",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="补助资金按月拨付及时率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="食堂设备交付时间",
            kind="qual",
            target="2023年10月底前",
            actual="首批2023年12月交付",
            factor="0.7",
            weight=D(5),
            dev="受招标延期影响交付晚于计划，部分达成；已督促供应商2024年3月底前全部交付。",
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="生均每天膳食补助标准",
            kind="le",
            t=D("5"),
            a=D("5"),
            unit="元",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="食堂设备采购支出控制",
            kind="le",
            t=D("156.80"),
            a=D("62.72"),
            unit="万元",
            weight=D(5),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="学生营养健康状况",
            kind="qual",
            target="有效改善",
            actual="明显改善",
            weight=D(10),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="学生营养不良检出率下降",
            kind="ge",
            t=D("1"),
            a=D("1.3"),
            unit="个百分点",
            weight=D(10),
        ),
        dict(
            l1="效益",
            l2="可持续影响指标",
            name="营养改善长效管理机制",
            kind="qual",
            target="建立健全",
            actual="已建立健全",
            weight=D(10),
        ),
        dict(
            l1="满意度",
            l2="服务对象满意度指标",
            name="学生及家长满意度",
            kind="ge",
            t=D("90"),
            a=D("95.6"),
            unit="%",
            weight=D(10),
        ),
    ],
    leader="杨晓梅",
    leader_phone="0855-6621378",
    address="桐溪县城关镇文昌路 18 号",
    postcode="556600",
    period="2023 年 1 月~2023 年 12 月",
    evaluators=[
        ("吴国栋", "县教育局副局长", "桐溪县教育局"),
        ("龙秀英", "计划财务股股长", "桐溪县教育局"),
        ("潘建明", "中心主任", "桐溪县学生资助管理中心"),
    ],
    signers=["吴国栋", "潘建明", "石光荣"],
    filler="龙秀英",
    phone="0855-6621378",
    report_date="2024 年 3 月",
    sign_date="2024年3月15日",
    intro=(
        "为进一步加强预算绩效管理，提高财政资金使用效益，根据《桐溪县财政局关于开展2023年度县直预算部门项目支出绩效自评工作的通知》"
        "（桐财绩〔2024〕3号）要求，桐溪县学生资助管理中心对2023年度农村义务教育学生营养改善计划专项资金开展了绩效自评。"
        "本次评价遵循“科学规范、公正公开、分类管理、绩效相关”原则，现将情况报告如下："
    ),
    unit_info=(
        "桐溪县学生资助管理中心为桐溪县教育局下属公益一类事业单位，核定编制8名，内设综合股、资助股、营养改善股，"
        "主要负责全县学生资助政策落实和农村义务教育学生营养改善计划的组织实施、资金管理和食品安全监管协调工作。"
    ),
    background=(
        "为贯彻落实国家农村义务教育学生营养改善计划，提高农村学生营养健康水平，促进教育公平，"
        "我县自2012年起在全县农村义务教育学校全面实施营养改善计划，实行学校食堂供餐模式。"
    ),
    overview_lead="",
    goal_total="全面落实农村义务教育学生营养改善计划，保障农村学生在校期间营养膳食供给，改善学生营养健康状况，提高学生健康素质，促进教育公平。",
    goal_year=(
        "按每生每天5元标准为全县126所农村义务教育学校学生提供营养膳食补助，全年供餐不少于200天；"
        "购置食堂设备45台套，改善学校食堂供餐条件；食品安全抽检合格率达到98%以上，学生及家长满意度达到90%以上。"
    ),
    completion=(
        "2023 年度营养改善计划专项四个子项目中，学生营养膳食补助、食堂从业人员劳务补助、食品安全检测与管理三个子项目已按计划实施完成；"
        "学校食堂设备购置项目因招标延期，年底完成首批 18 台套设备交付，剩余设备于 2024 年一季度交付。"
    ),
    achievements=[
        "一是营养膳食补助足额发放。全县 126 所农村义务教育学校全部实施营养改善计划，受益学生 11864 人，全年供餐 200 天，按每生每天 5 元标准足额发放膳食补助，补助资金按月拨付及时率 100%；",
        "二是供餐质量稳步提升。严格落实食材统一采购、集中配送和陪餐制度，全年开展食品安全抽检 620 批次，抽检合格率 99.2%，供餐营养达标率 97.5%；",
        "三是食堂条件逐步改善。完成首批 18 台套食堂设备交付使用，剩余 27 台套已签订采购合同；",
        "四是学生营养健康状况明显改善。学生营养不良检出率较上年下降 1.3 个百分点，学生及家长满意度达 95.6%。",
    ],
    econ="通过集中采购、统一配送降低了食材采购成本，带动本地蔬菜、禽蛋等农产品销售，增加了当地农户收入。",
    social="营养改善计划的实施有效改善了农村学生营养健康状况，减轻了农村家庭经济负担，提高了学生到校率和巩固率，促进了教育公平。",
    sustain="建立健全了营养改善计划长效管理机制，食堂管理、食品安全和资金监管制度持续有效运行。",
    org_text=(
        "县教育局成立了营养改善计划工作领导小组，局长任组长，分管副局长任副组长，相关股室负责人为成员。"
        "严格执行食材采购招标、合同管理、陪餐和公示等制度，强化对学校食堂的日常监管，各项制度得到有效执行。"
    ),
    org_setup="县教育局成立了营养改善计划工作领导小组，明确专人负责项目实施。",
    fin=[s.format(law="《农村义务教育学生营养改善计划专项资金管理办法》") for s in COMMON_FIN],
    decision="项目按照规定的程序申请设立，立项依据充分、程序规范；项目设置了明确的绩效目标，绩效目标与实际工作内容相关，与预算确定的投资额相匹配。",
    process="项目严格按照专项资金管理制度进行安排和使用，膳食补助按月拨付到校，设备采购按政府采购程序实施，专项资金严格按计划和实施进度合理使用。",
    output_lead="2023年，我县严格按照上级部署，扎实推进营养改善计划各项工作，取得了较好成效。",
    experience=(
        "坚持“政府主导、部门协作、学校实施”的工作机制，实行食材统一采购、集中配送，落实校长负责制和陪餐制度，"
        "对项目执行情况定期调度，对进度较慢的子项目及时督促整改。"
    ),
    problems=(
        "一是预算执行率未达 100%。截至 {y} 年 12 月 31 日，{B} {u}项目资金共支出 {S} {u}，结转结余 {BAL} {u}，"
        "预算执行率为 {RATE}，主要原因是学校食堂设备购置项目招标延期，设备尚未全部交付，剩余资金未支付。"
        "二是部分学校食堂从业人员流动性较大，培训效果有待巩固。"
    ),
    suggestion="加快食堂设备采购合同履约进度，设备交付验收后及时支付结转资金；加强食堂从业人员培训和管理。",
    conclusion_lead="绩效目标基本完成，",
    eval_intro="本部门成立了绩效自评工作小组，根据相关资料、评价指标、评价标准和评价方法进行评分，形成自评结论。",
    done=(
        "全县126所农村义务教育学校全面实施营养改善计划，受益学生11864人，全年供餐200天；食品安全抽检合格率99.2%；"
        "首批18台套食堂设备已交付使用，剩余设备2024年一季度交付；学生及家长满意度95.6%。"
    ),
    publish="绩效自评结果用于加强和改进项目管理，并按要求在县人民政府门户网站公开，接受社会监督。",
    other="无其他需要说明的问题。",
)

WATER = dict(
    name="water-supply-2023",
    year=2023,
    unit="元",
    money="sep2",
    template="sichuan",
    fund_style="standard",
    fund_budget_label="预算安排资金",
    fund_caption="农村供水保障工程专项资金到位及使用情况表",
    org="崇山县农村供水服务中心",
    dept="崇山县水利局",
    dept_code="崇山县水利局（405001）",
    func_code="2130335",
    project="农村供水保障工程专项资金",
    project_short="农村供水保障专项",
    project_table_name="2023年农村供水保障工程专项资金",
    summary_title="项目支出绩效自评报告表",
    selfeval_title="项目支出绩效自评表",
    dev_label="未完成原因分析及改进措施",
    funder="中央、省、县三级财政共",
    bureau="县财政局",
    alloc=[
        ("崇财农〔2023〕12号", "2500000.00"),
        ("崇财农〔2023〕35号", "1200000.00"),
        ("崇财农〔2023〕58号", "613000.00"),
    ],
    sources=[("中央财政", "2500000.00"), ("省财政", "1200000.00"), ("县财政", "613000.00")],
    source_labels=["中央财政", "省财政", "市(州)财政", "县财政", "单位自筹", "其他"],
    subs=[
        ("集中供水工程管网延伸", "1856400.00", "1802315.60"),
        ("水厂净化消毒设备更新", "742800.00", "742800.00"),
        ("农村供水水质检测", "236500.00", "198436.50"),
        ("分散供水工程维修养护", "965300.00", "917035.00"),
        ("供水信息化监测平台建设", "512000.00", "401920.00"),
    ],
    l1_weights={"产出": 60, "效益": 30},
    l1_labels={"产出": "产出指标", "效益": "效益指标"},
    inds=[
        dict(
            l1="产出",
            l2="数量指标",
            name="新建改造供水管网长度",
            kind="ge",
            t=D("42"),
            a=D("43.6"),
            unit="公里",
            weight=D(10),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="更新净化消毒设备",
            kind="eq",
            t=D("12"),
            a=D("12"),
            unit="台（套）",
            weight=D(10),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="维修养护分散供水工程",
            kind="ge",
            t=D("150"),
            a=D("138"),
            unit="处",
            weight=D(10),
            dev="部分山区工程点位分散、汛期施工受限，12处顺延至2024年一季度实施。",
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="集中供水工程水质达标率",
            kind="ge",
            t=D("90"),
            a=D("93.5"),
            unit="%",
            weight=D(10),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="工程验收合格率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(10),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="管网延伸及设备更新工程完工时间",
            kind="qual",
            target="2023年11月底前",
            actual="2023年11月28日完工",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="管网延伸每公里综合造价",
            kind="le",
            t=D("4.5"),
            a=D("4.13"),
            unit="万元",
            weight=D(5),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="农村自来水普及率",
            kind="ge",
            t=D("92"),
            a=D("91.6"),
            unit="%",
            weight=D(10),
            dev="部分高山散居农户距管网较远，入户工程尚在推进；2024年通过管网延伸补齐短板。",
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="受益农村人口",
            kind="ge",
            t=D("3.8"),
            a=D("3.92"),
            unit="万人",
            weight=D(10),
        ),
        dict(
            l1="效益",
            l2="可持续影响指标",
            name="工程长效运行管护机制",
            kind="qual",
            target="建立健全",
            actual="已建立县级统管、乡镇监管、村级管护机制",
            weight=D(5),
        ),
        dict(
            l1="效益",
            l2="满意度指标",
            name="受益群众满意度",
            kind="ge",
            t=D("90"),
            a=D("94"),
            unit="%",
            weight=D(5),
        ),
    ],
    leader="陈志刚",
    leader_phone="0835-4226017",
    address="崇山县城厢镇滨河路 66 号",
    postcode="625100",
    period="2023 年 1 月~2023 年 12 月",
    evaluators=[
        ("何永平", "水利局副局长", "崇山县水利局"),
        ("李红梅", "规划财务股股长", "崇山县水利局"),
        ("罗斌", "高级工程师", "崇山县农村供水服务中心"),
        ("王婷", "会计师", "崇山县农村供水服务中心"),
    ],
    signers=["何永平", "陈志刚", "赵德明"],
    filler="王婷",
    phone="0835-4226017",
    report_date="2024 年 3 月",
    sign_date="2024年3月20日",
    intro=(
        "根据《四川省财政厅关于印发〈四川省省级项目支出绩效自评管理办法〉的通知》和《崇山县财政局关于开展2023年度项目支出绩效自评工作的通知》"
        "（崇财绩〔2024〕5号）要求，崇山县农村供水服务中心对2023年度农村供水保障工程专项资金开展了绩效自评，现将自评情况报告如下："
    ),
    unit_info=(
        "崇山县农村供水服务中心为崇山县水利局所属公益一类事业单位，主要负责全县农村供水工程建设管理、运行维护、水质检测和供水安全监管等工作。"
    ),
    background=(
        "为巩固拓展脱贫攻坚成果，提升农村供水保障水平，根据省、市关于农村供水保障工程建设的部署，"
        "我县实施农村供水保障工程，推进城乡供水一体化和农村供水规模化、标准化建设。"
    ),
    overview_lead="",
    goal_total="构建城乡统筹、安全可靠的农村供水保障体系，全面提升农村供水保障水平，让农村群众喝上放心水、安全水。",
    goal_year=(
        "新建改造供水管网42公里，更新净化消毒设备12台（套），维修养护分散供水工程150处；"
        "集中供水工程水质达标率达到90%以上，农村自来水普及率达到92%，受益农村人口3.8万人，受益群众满意度达到90%以上。"
    ),
    completion=(
        "2023 年度农村供水保障专项五个子项目中，管网延伸、设备更新、水质检测和信息化监测平台建设四个子项目已实施完成，"
        "新建改造供水管网 43.6 公里，更新净化消毒设备 12 台（套）；分散供水工程维修养护完成 138 处，"
        "其余 12 处因汛期施工受限顺延至 2024 年一季度实施。"
    ),
    achievements=[
        "一是供水工程建设有序推进。新建改造供水管网 43.6 公里，更新净化消毒设备 12 台（套），工程验收合格率 100%；",
        "二是工程管护水平持续提升。管网延伸及设备更新工程于 2023 年 11 月 28 日完工，完成分散供水工程维修养护 138 处；",
        "三是供水水质稳步提高。全年开展水质检测 1260 批次，集中供水工程水质达标率 93.5%；",
        "四是群众饮水条件明显改善。农村自来水普及率达到 91.6%，受益农村人口 3.92 万人，受益群众满意度 94%。",
    ],
    econ="工程建成后减少了群众取水用工和分散水源维护费用，管网漏损率下降，供水单位运行成本有所降低。",
    social="工程实施有效解决了部分农村群众饮水不稳定问题，提升了农村供水保障水平，增强了群众获得感和幸福感。",
    sustain="建立了县级统管、乡镇监管、村级管护的工程运行管护机制，保障工程长期发挥效益。",
    org_text=(
        "县水利局成立了农村供水保障工程建设领导小组，严格执行项目法人责任制、招标投标制、建设监理制和合同管理制，"
        "加强工程质量和安全监管，各项制度得到有效执行。"
    ),
    org_setup="县水利局成立了农村供水保障工程建设领导小组，明确专人负责项目实施。",
    fin=[s.format(law="《四川省农村供水保障专项资金管理办法》") for s in COMMON_FIN],
    decision="项目立项依据充分、程序规范，经过可行性研究和专家论证，绩效目标明确合理，与预算资金相匹配。",
    process="项目严格按照基本建设程序和专项资金管理制度实施，工程款按合同约定和工程进度拨付，专项资金严格按计划合理使用。",
    output_lead="2023年，我县扎实推进农村供水保障工程建设，取得了较好成效。",
    experience="坚持规划引领、分步实施，实行工程建设“周调度、月通报”制度，及时协调解决工程建设中的困难和问题。",
    problems=(
        "一是部分维修养护工程未按期完成。受汛期影响，12 处分散供水工程维修养护顺延至 2024 年一季度。"
        "二是预算执行率为 {RATE}，截至 {y} 年 12 月 31 日，{B} {u}项目资金共支出 {S} {u}，结转结余 {BAL} {u}，"
        "主要原因是部分工程尚未完成结算审计，质保金未支付。"
    ),
    suggestion="加快剩余维修养护工程实施进度，及时完成工程结算审计并支付结转资金；进一步健全工程长效管护机制。",
    conclusion_lead="绩效目标基本完成，",
    eval_intro="本单位成立了绩效自评工作小组，按照自评指标体系逐项核实打分，形成自评结论。",
    done=(
        "新建改造供水管网43.6公里，更新净化消毒设备12台（套），维修养护分散供水工程138处；"
        "集中供水工程水质达标率93.5%，农村自来水普及率91.6%，受益农村人口3.92万人，受益群众满意度94%。"
    ),
    publish="绩效自评结果将作为以后年度预算安排的重要依据，并按规定在县人民政府门户网站公开。",
    other="无。",
)

HEALTH = dict(
    name="health-clinics-2023",
    year=2023,
    unit="万元",
    money="trim",
    template="mof",
    fund_style="alt",
    fund_caption="基层卫生能力提升项目资金预算执行情况表",
    exec_dev_row=True,
    org="丰川市基层卫生健康服务中心",
    dept="丰川市卫生健康委员会",
    func_code="2100399",
    project="基层医疗卫生服务能力提升项目资金",
    project_short="基层卫生能力提升项目",
    project_table_name="2023年度基层医疗卫生服务能力提升项目",
    summary_title="项目支出绩效自评报告表",
    selfeval_title="项目支出绩效自评表",
    funder="中央、省、市三级财政共",
    bureau="市财政局",
    alloc=[("丰财社〔2023〕12号", "400"), ("丰财社〔2023〕41号", "180"), ("丰财社〔2023〕66号", "156.9")],
    sources=[("中央财政", "400"), ("省财政", "180"), ("市财政", "156.9")],
    source_labels=["中央财政", "省财政", "市财政", "县（区）财政", "单位自筹", "其他"],
    subs=[
        ("城关镇中心卫生院业务用房改造", "86", "86"),
        ("柳树乡卫生院发热门诊建设", "45.5", "45.5"),
        ("石桥镇卫生院DR设备购置", "68", "68"),
        ("龙泉乡卫生院全自动生化分析仪购置", "32.8", "32.8"),
        ("村卫生室标准化建设", "96", "88.64"),
        ("乡村医生能力提升培训", "24.6", "21.35"),
        ("基层医疗机构信息化升级", "120", "73.2"),
        ("远程会诊系统运维", "18", "18"),
        ("家庭医生签约服务补助", "150", "150"),
        ("基层卫生人员定向培养补助", "36", "32.4"),
        ("中医馆建设", "60", "0"),
    ],
    alloc_detail=(
        "从资金来源看，中央财政补助资金 400 万元、省级财政补助资金 180 万元、市级财政配套资金 156.9 万元，"
        "由市卫健委按照项目清单统筹安排到 11 个子项目。市财政局、市卫健委联合下达项目资金分配方案，"
        "明确各子项目资金额度、建设内容和绩效目标，项目单位按照合同约定和实施进度申请拨付，实行专账核算。"
    ),
    spent_detail=(
        "2023年，市卫健委按照“资金跟着项目走”的原则，根据各子项目合同约定和实施进度拨付资金。"
        "乡镇卫生院业务用房改造、发热门诊建设和设备购置项目已完成竣工验收或到货验收，资金全部支付；"
        "村卫生室标准化建设、乡村医生培训和定向培养项目按实际完成量结算；基层医疗机构信息化升级项目按合同进度支付；"
        "中医馆建设项目因选址调整未开工，资金未支出。"
    ),
    exec_dev=(
        "预算执行率83.58%，低于90%：中医馆建设项目因选址调整未开工，60万元未支出；信息化升级项目按合同进度仅支付61%，"
        "46.8万元待验收后支付。改进措施：加快选址论证和项目验收，2024年上半年完成结转资金支付。"
    ),
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标 (50分)", "效益": "效益指标 (30分)", "满意度": "满意度指标 (10分)"},
    inds=[
        dict(
            l1="产出",
            l2="数量指标",
            name="完成卫生院业务用房改造",
            kind="eq",
            t=D("1"),
            a=D("1"),
            unit="所",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="建设发热门诊",
            kind="eq",
            t=D("1"),
            a=D("1"),
            unit="个",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="购置DR及生化分析设备",
            kind="eq",
            t=D("2"),
            a=D("2"),
            unit="台",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="标准化村卫生室建设",
            kind="ge",
            t=D("30"),
            a=D("30"),
            unit="个",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="乡村医生培训",
            kind="ge",
            t=D("420"),
            a=D("436"),
            unit="人次",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="中医馆建设",
            kind="eq",
            t=D("3"),
            a=D("0"),
            unit="个",
            weight=D(8),
            dev="受乡镇卫生院整体规划调整影响，3个中医馆选址重新论证，年内未开工，60万元结转下年使用。",
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="已完工项目验收合格率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(8),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="设备到货验收合格率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="项目按期完成率",
            kind="ge",
            t=D("90"),
            a=D("81.82"),
            unit="%",
            weight=D(4),
            dev="中医馆建设未开工、信息化升级未按期完成，11个子项目按期完成9个。",
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="村卫生室建设单位成本",
            kind="le",
            t=D("3.2"),
            a=D("2.95"),
            unit="万元/个",
            weight=D(4),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="基层诊疗人次增长率",
            kind="ge",
            t=D("5"),
            a=D("6.8"),
            unit="%",
            weight=D(8),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="县域内就诊率",
            kind="ge",
            t=D("85"),
            a=D("83.6"),
            unit="%",
            weight=D(8),
            dev="部分重症患者仍流向市外三级医院，基层专科能力不足；下一步加强医共体建设和远程会诊应用。",
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="家庭医生重点人群签约率",
            kind="ge",
            t=D("75"),
            a=D("76.2"),
            unit="%",
            weight=D(7),
        ),
        dict(
            l1="效益",
            l2="可持续影响指标",
            name="基层医疗服务能力",
            kind="qual",
            target="持续提升",
            actual="效果明显",
            weight=D(7),
        ),
        dict(
            l1="满意度",
            l2="服务对象满意度指标",
            name="患者满意度",
            kind="ge",
            t=D("90"),
            a=D("92.5"),
            unit="%",
            weight=D(10),
        ),
    ],
    leader="刘建国",
    leader_phone="0796-8213456",
    address="丰川市青原大道 299 号",
    postcode="343000",
    period="2023 年 1 月~2023 年 12 月",
    evaluators=[
        ("周海燕", "卫健委副主任", "丰川市卫生健康委员会"),
        ("黄志强", "规划财务科科长", "丰川市卫生健康委员会"),
        ("曾丽华", "高级会计师", "丰川市基层卫生健康服务中心"),
    ],
    signers=["周海燕", "刘建国", "欧阳明"],
    filler="曾丽华",
    phone="0796-8213456",
    report_date="2024 年 4 月",
    sign_date="2024年4月8日",
    intro=(
        "根据《丰川市财政局关于开展2023年度市级项目支出绩效自评工作的通知》（丰财绩〔2024〕2号）要求，"
        "丰川市基层卫生健康服务中心对2023年度基层医疗卫生服务能力提升项目资金开展了绩效自评，现将有关情况报告如下："
    ),
    unit_info=(
        "丰川市基层卫生健康服务中心为市卫生健康委员会所属事业单位，主要承担全市基层医疗卫生机构建设指导、"
        "乡村医生培训、家庭医生签约服务管理和基层卫生信息化建设等工作。"
    ),
    background=(
        "为贯彻落实健康中国战略，推进优质医疗资源扩容下沉，补齐基层医疗卫生服务短板，"
        "根据省、市关于提升基层医疗卫生服务能力的工作部署，我市实施基层医疗卫生服务能力提升项目。"
    ),
    overview_lead="",
    goal_total="加强基层医疗卫生机构基础设施和人才队伍建设，提升基层医疗卫生服务能力，推动形成分级诊疗格局，让群众就近享有公平可及的基本医疗卫生服务。",
    goal_year=(
        "完成1所卫生院业务用房改造和1个发热门诊建设，购置DR及生化分析设备2台，建设标准化村卫生室30个、中医馆3个，"
        "培训乡村医生420人次；项目按期完成率达到90%，县域内就诊率达到85%，患者满意度达到90%以上。"
    ),
    completion=(
        "2023 年度基层卫生能力提升项目 11 个子项目中，9 个子项目已按期实施完成；基层医疗机构信息化升级项目正在实施，"
        "中医馆建设项目因选址调整尚未开工。"
    ),
    achievements=[
        "一是基础设施明显改善。完成城关镇中心卫生院业务用房改造和柳树乡卫生院发热门诊建设，建成标准化村卫生室 30 个，已完工项目验收合格率 100%；",
        "二是装备水平有效提升。购置 DR 及全自动生化分析仪 2 台，设备到货验收合格率 100%；",
        "三是人才队伍不断加强。培训乡村医生 436 人次，定向培养基层卫生人员 18 名；",
        "四是服务能力稳步提高。基层诊疗人次同比增长 6.8%，家庭医生重点人群签约率 76.2%，县域内就诊率 83.6%，患者满意度 92.5%。",
    ],
    econ="基层服务能力提升后，群众就近就医比例提高，减少了外出就医的交通、住宿等费用，减轻了群众医疗负担。",
    social="项目实施改善了基层医疗卫生机构服务条件，提升了基层首诊能力，推动了分级诊疗制度落实，群众看病就医获得感不断增强。",
    sustain="基层医疗卫生服务体系不断完善，服务能力持续提升。",
    org_text=(
        "市卫健委成立了项目实施工作专班，实行项目清单化管理，严格执行政府采购、招标投标、工程监理和合同管理制度，"
        "定期开展项目督导，各项制度得到有效执行。"
    ),
    org_setup="市卫健委成立了项目实施工作专班，明确专人负责项目实施。",
    fin=[s.format(law="《基本公共卫生服务等5项补助资金管理办法》") for s in COMMON_FIN],
    decision="项目立项符合国家和省市政策，申报程序规范，绩效目标明确，预算资金分配依据充分、额度合理。",
    process="项目资金按照项目实施进度和合同约定拨付，工程类项目实行监理和审计，设备类项目实行集中采购，资金使用合规。",
    output_lead="2023年，我市扎实推进基层医疗卫生服务能力提升项目建设，取得了一定成效。",
    experience="坚持问题导向、精准施策，实行项目清单化管理和月调度制度，对进度滞后的项目及时约谈督办。",
    problems=(
        "一是预算执行率偏低。截至 {y} 年 12 月 31 日，{B} {u}项目资金共支出 {S} {u}，结转结余 {BAL} {u}，预算执行率为 {RATE}。"
        "主要原因是中医馆建设项目因选址调整未开工，基层医疗机构信息化升级项目按合同进度仅支付 61%，尚未验收。"
        "二是县域内就诊率未达到目标，基层专科服务能力仍需加强。"
    ),
    suggestion="加快中医馆选址论证和开工建设，及时完成信息化升级项目验收并支付结转资金；加强基层专科能力建设，提高县域内就诊率。",
    conclusion_lead="部分绩效目标未完成，",
    eval_intro="本单位成立了绩效自评工作小组，对照绩效目标逐项核实完成情况并评分，形成自评结论。",
    done=(
        "完成卫生院业务用房改造1所、发热门诊1个，购置设备2台，建成标准化村卫生室30个，培训乡村医生436人次；"
        "中医馆建设未开工；项目按期完成率81.82%，县域内就诊率83.6%，患者满意度92.5%。"
    ),
    publish="绩效自评结果将用于改进项目管理和以后年度预算安排，并在市人民政府门户网站公开。",
    other="无其他需要说明的问题。",
)

REPORTS = [EDU, WATER, HEALTH]


# ---- mutations (each returns its answer-key items) ----------------------------------------------


def item(category, severity, mention, note, accept=None, optional=False):
    it = {"category": category, "severity": severity, "mention": mention}
    if accept:
        it["accept"] = accept
    if optional:
        it["optional"] = True
    it["note"] = note
    return it


def _ind(R, name):
    for i in R["inds"]:
        if i["name"] == name:
            return i
    raise KeyError(name)


def _row(M, name):
    for r in M["fund_rows"]:
        if r["name"] == name:
            return r
    raise KeyError(name)


# edu-nutrition-2023 -------------------------------------------------------------------------


def edu_total_typo(M):
    t = M["fund_total"]
    assert t["spent"] == "1518.81"
    t["spent"] = "1581.81"
    return [
        item(
            "sum",
            "error",
            ["1581.81"],
            "资金表合计行实际支出应为各行之和 1518.81，误为 1581.81",
            accept=["mismatch", "balance", "rate"],
        )
    ]


def edu_row_rate(M):
    r = _row(M, "食堂从业人员劳务补助")
    assert r["rate"] == "93.21%"
    r["rate"] = "93.12%"
    return [
        item("rate", "error", ["93.12"], "食堂从业人员劳务补助执行率 231.62÷248.50=93.21%，表中填 93.12%")
    ]


def edu_score_over_weight(R):
    _ind(R, "学生及家长满意度")["score_override"] = D("10.5")
    return [item("score", "error", ["10.5"], "满意度指标分值 10，得分填 10.5，超过分值（总分随之为 95.9）")]


def edu_copy_number(M):
    replace_in(M, "achievements", "summary", "全县 126 所", "全县 128 所")
    return [
        item(
            "text",
            "warning",
            [["128"]],
            "摘要表绩效目标实现情况称\u201c全县 128 所\u201d学校，正文及自评表为 126 所",
            accept=["mismatch"],
        )
    ]


def edu_placeholder(M):
    M["filler"] = "XX"
    return [item("missing", "warning", [["XX"]], "自评表填表人为占位符\u201cXX\u201d")]


def edu_alloc(M):
    replace_all(M, "桐财教〔2023〕27号文件下达 634.00 万元", "桐财教〔2023〕27号文件下达 643.00 万元")
    return [
        item(
            "sum",
            "error",
            [["643"]],
            "下达文件 1000.00+643.00=1643.00 万元，与预算 1634.00 万元不符（三处同样）",
            accept=["mismatch"],
        )
    ]


def edu_missing_dev(R):
    _ind(R, "食堂设备交付时间")["dev"] = ""
    return [
        item(
            "missing",
            "warning",
            [["食堂设备交付时间", "偏差", "原因"]],
            "时效指标\u201c食堂设备交付时间\u201d部分达成（3.5/5 分），偏差原因分析为空",
        )
    ]


# water-supply-2023 ------------------------------------------------------------------------


def water_balance(M):
    r = _row(M, "农村供水水质检测")
    assert r["balance"] == "38,063.50"
    r["balance"] = "38,603.50"
    return [
        item(
            "balance",
            "error",
            ["38603.50"],
            "农村供水水质检测结转结余应为 236,500.00−198,436.50=38,063.50 元，填 38,603.50",
            accept=["sum"],
        ),
        item(
            "sum",
            "error",
            [["250492.90", "251032.90"]],
            "连带：结转结余列各行之和 251,032.90 元与合计 250,492.90 元不符",
            accept=["balance"],
            optional=True,
        ),
    ]


def water_full_marks(R):
    _ind(R, "维修养护分散供水工程")["score_override"] = D("10")
    return [
        item(
            "score",
            "error",
            [["维修养护分散供水工程", "138"]],
            "维修养护分散供水工程目标 ≥150 处、实际 138 处，应得 9.2 分，却给满分 10 分（总分随之为 99.38）",
        )
    ]


def water_narrative_spent(M):
    replace_in(M, "funds", "summary", "共支出资金 4,062,507.10 元", "共支出资金 4,026,507.10 元")
    return [
        item(
            "mismatch",
            "error",
            ["4026507.10"],
            "摘要表资金投入情况称支出 4,026,507.10 元，资金表及正文为 4,062,507.10 元",
            accept=["text", "balance", "rate"],
        )
    ]


def water_rename(M):
    r = _row(M, "分散供水工程维修养护")
    r["name"] = "分散式供水工程维修"
    return [
        item(
            "text",
            "warning",
            [["分散式供水工程维修"]],
            "资金表子项目名称\u201c分散式供水工程维修\u201d与概况\u201c分散供水工程维修养护\u201d不一致",
            accept=["mismatch"],
        )
    ]


def water_missing_dev(R):
    _ind(R, "农村自来水普及率")["dev"] = ""
    return [
        item(
            "missing",
            "warning",
            [["农村自来水普及率", "91.6", "原因", "偏差"]],
            "农村自来水普及率目标 ≥92%、实际 91.6%，未完成原因分析为空",
        )
    ]


def water_year(M):
    assert M["text"]["title"]["body"].startswith("2023年度")
    M["text"]["title"]["body"] = M["text"]["title"]["body"].replace("2023年度", "2021年度", 1)
    return [
        item(
            "mismatch",
            "warning",
            ["2021"],
            "正文标题误为\u201c2021年度\u201d，报告年度为 2023",
            accept=["text", "logic"],
        )
    ]


def water_count(M):
    replace_all(M, "项目子项目共 5 个", "项目子项目共 6 个")
    return [
        item(
            "mismatch",
            "warning",
            [["6个"]],
            "称\u201c项目子项目共 6 个\u201d，实际列出 5 个（摘要表和正文两处）",
            accept=["logic", "sum", "text"],
        )
    ]


# health-clinics-2023 ------------------------------------------------------------------------


def health_row_not_footed(M):
    r = _row(M, "村卫生室标准化建设")
    assert (r["spent"], r["balance"], r["rate"]) == ("88.64", "7.36", "92.33%")
    r.update(spent="86.84", balance="9.16", rate="90.46%")
    return [
        item(
            "sum",
            "error",
            [["615.89", "613.89"]],
            "执行数列各行之和 613.89 万元，与合计 615.89 万元不符（村卫生室行改为 86.84 而合计未改）",
            accept=["mismatch"],
        ),
        item(
            "sum",
            "error",
            [["121.01", "123.01"]],
            "结余列各行之和 123.01 万元，与合计 121.01 万元不符",
            accept=["mismatch"],
        ),
    ]


def health_met_but_deducted(R):
    _ind(R, "建设发热门诊")["score_override"] = D("3")
    return [
        item(
            "score",
            "warning",
            [["发热门诊"]],
            "建设发热门诊目标 1 个、实际 1 个，已完成却只得 3 分（分值 4）；总分随之为 88.87",
        )
    ]


def health_grade(M):
    assert M["grade"] == "良" and M["total"] == "88.87"
    replace_in(M, "conclusion", "summary", "等级：良", "等级：优")
    replace_in(M, "conclusion", "body", "等级为“良”", "等级为“优”")
    return [item("grade", "error", ["优"], "总分 88.87 属良档（80（含）—90），却评为\u201c优\u201d")]


def health_dropped_clause(M):
    replace_in(M, "problems", "summary", "，基层医疗机构信息化升级项目按合同进度仅支付 61%，尚未验收", "")
    return [
        item(
            "text",
            "warning",
            [["信息化升级", "仅支付"]],
            "摘要表存在问题一段脱漏\u201c基层医疗机构信息化升级项目按合同进度仅支付 61%，尚未验收\u201d分句，正文有",
        )
    ]


def health_all_done(M):
    new = "2023 年度基层卫生能力提升项目 11 个子项目均已顺利实施完成，新建项目已验收合格，设备已投入使用。"
    for loc in M["text"]["completion"]:
        M["text"]["completion"][loc] = new
    return [
        item(
            "logic",
            "warning",
            [["均已"]],
            "称 11 个子项目均已完成，但中医馆建设支出为 0、中医馆建设实际 0 个",
        )
    ]


def health_missing_exec_dev(R):
    R["exec_dev"] = ""
    return [
        item(
            "missing",
            "warning",
            [["83.58", "偏差", "原因", "执行率"]],
            "预算执行率 83.58% 低于 90%，自评表资金执行偏差原因分析为空",
        )
    ]


def health_placeholder(M):
    for i in M["inds"]:
        if i["name"] == "乡村医生培训":
            assert i["target"] == "≥420人次"
            i["target"] = "≥**人次"
    return [item("missing", "warning", [["**"]], "乡村医生培训年度指标值为模板占位\u201c≥**人次\u201d")]


MUTANTS = {  # clean name -> mutation functions, each ("pre" on the data | "post" on the derived model)
    "edu-nutrition-2023": [
        ("post", edu_total_typo),
        ("post", edu_row_rate),
        ("pre", edu_score_over_weight),
        ("post", edu_copy_number),
        ("post", edu_placeholder),
        ("post", edu_alloc),
        ("pre", edu_missing_dev),
    ],
    "water-supply-2023": [
        ("post", water_balance),
        ("pre", water_full_marks),
        ("post", water_narrative_spent),
        ("post", water_rename),
        ("pre", water_missing_dev),
        ("post", water_year),
        ("post", water_count),
    ],
    "health-clinics-2023": [
        ("post", health_row_not_footed),
        ("pre", health_met_but_deducted),
        ("post", health_grade),
        ("post", health_dropped_clause),
        ("post", health_all_done),
        ("pre", health_missing_exec_dev),
        ("post", health_placeholder),
    ],
}

DESCRIBE = {
    "edu-nutrition-2023": "桐溪县学生资助管理中心（县教育局）/ 农村义务教育学生营养改善计划; 万元 (2 位小数); "
    "财政部式自评表 50/30/10+10, 14 条三级指标（跨页）; 4 个子项目",
    "water-supply-2023": "崇山县农村供水服务中心（县水利局，四川）/ 农村供水保障工程; 元 (千分位, 2 位小数); "
    "四川式自评表（年初预算数/调整后预算数/预算执行数/预算执行率/权重/得分，财政资金/其他资金）60/30+10; 5 个子项目",
    "health-clinics-2023": "丰川市基层卫生健康服务中心（市卫健委）/ 基层医疗卫生服务能力提升; 万元 (去尾零); "
    "财政部式自评表 50/30/10+10, 15 条三级指标（跨页）, 资金表列为 序号/项目名称/预算数/执行数/执行率/结余（无到位列, 11 行跨页, 表头重复）; 11 个子项目",
}

CLEAN_NOTES = {
    "edu-nutrition-2023": "clean; honest shortfall: 执行率 92.95%, 设备购置 40%, 两项指标未完成并按比例得分、偏差原因已填; 95.4 优",
    "water-supply-2023": "clean; two missed targets scored proportionally with reasons; 执行率 94.19%; 98.58 优",
    "health-clinics-2023": "clean; 执行率 83.58% (<90%) explained in the 自评表; 中医馆 spent 0 and stated as not started; "
    "三项指标未完成按比例得分; 89.87 良",
}


def build_mutant(R, muts):
    R2 = copy.deepcopy(R)
    items = []
    for kind, fn in muts:
        if kind == "pre":
            items += fn(R2)
    M = derive(R2, clean=False)
    for kind, fn in muts:
        if kind == "post":
            items += fn(M)
    return M, items


def synthetic_samples():
    out = []
    for R in REPORTS:
        name = R["name"]
        M = derive(R, clean=True)
        out.append(
            Sample(
                name,
                report_blocks(M),
                {
                    "file_stem": name,
                    "clean": True,
                    "base": None,
                    "kind": "clean",
                    "note": f"{R['org']} {R['year']}年度{R['project']}支出绩效自评报告（合成，干净版本）",
                    "expected": [],
                },
                f"{DESCRIBE[name]}; {CLEAN_NOTES[name]}",
            )
        )
        Mm, items = build_mutant(R, MUTANTS[name])
        mname = f"{name}-faults"
        faults = "; ".join(
            f"[{i['category']}] {i['note']}" + (" (optional)" if i.get("optional") else "") for i in items
        )
        out.append(
            Sample(
                mname,
                report_blocks(Mm),
                {
                    "file_stem": mname,
                    "clean": False,
                    "base": name,
                    "kind": "mutant",
                    "note": f"由 {name} 经 {len(MUTANTS[name])} 个变异函数生成",
                    "expected": items,
                },
                f"mutant of {name}; faults: {faults}",
            )
        )
    return out


# ----------------------------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------------------------


@dataclass
class Sample:
    name: str
    blocks: list
    key: dict
    readme: str
    producer: str = "docx"  # docx (python-docx + LibreOffice) or chrome (HTML + Chromium, PDF only)
    style: Style = field(default_factory=Style)


def seed_samples():
    blocks = seed_blocks()
    key = {
        "file_stem": "xiangxi-2022",
        "clean": False,
        "base": None,
        "kind": "real",
        "note": "湘西州2022年度州智慧湘西建设专项支出绩效自评报告（真实报告重排为DOCX，原文差错保留）",
        "expected": SEED_EXPECTED,
    }
    key_c = dict(
        key,
        file_stem="xiangxi-2022-chrome",
        note="同 xiangxi-2022，经 HTML + Chromium 打印为 PDF（第二种生成器）",
    )
    faults = "; ".join(f"{i['category']}: {i['note']}" for i in SEED_EXPECTED if not i.get("optional"))
    line = (
        "智慧湘西领导小组办公室 / 州智慧湘西建设专项 (湖南湘西州); 万元; 财政部式自评表 50/30/10+10, "
        "湘西自评报告表; 7 个子项目; real report, faults as published: " + faults
    )
    return [
        Sample("xiangxi-2022", blocks, key, line),
        Sample(
            "xiangxi-2022-chrome",
            blocks,
            key_c,
            "same content as xiangxi-2022 (7 个子项目, 万元) as HTML printed by headless Chromium (Skia; PDF only, glyphs embedded as Type 3 fonts with ToUnicode; no radical look-alikes U+2E80–U+2FDF in its text layer; text of wrapped narrow table cells interleaves in pdftotext raw order); same answer key and faults",
            producer="chrome",
        ),
    ]


def all_samples():
    out = seed_samples()
    out += synthetic_samples()
    return out


def write_key(s: Sample, outdir: Path):
    (outdir / f"{s.name}.expected.json").write_text(
        json.dumps(s.key, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def write_readme(samples, outdir: Path):
    lines = [
        "# pecheck sample corpus",
        "",
        "Rebuilt by `python samples/build.py` (python-docx → DOCX, LibreOffice headless → PDF; the",
        "`-chrome` sample is HTML printed by headless Chromium).  `fonts.conf` maps the Chinese",
        "office fonts onto Noto CJK SC.  Each document has an answer key `<name>.expected.json`",
        "(format: ../../shared/eval/README.md).  Mutants (`*-faults`) are derived from their clean",
        "base by the mutation functions in build.py; every planted fault is listed below.",
        "",
    ]
    for s in samples:
        lines.append(f"- **{s.name}** — {s.readme}")
    lines.append("")
    (outdir / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-pdf", action="store_true", help="skip LibreOffice/Chromium rendering")
    ap.add_argument("--only", nargs="*", help="build only these sample names")
    ap.add_argument("--force", action="store_true", help="re-render PDFs even when their DOCX is unchanged")
    ap.add_argument("--outdir", default=str(HERE), help="output folder (default: samples/)")
    args = ap.parse_args(argv)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    work = outdir / "build"
    work.mkdir(exist_ok=True)
    samples = all_samples()
    chosen = [s for s in samples if not args.only or s.name in args.only]
    docs = []
    for s in chosen:
        for t in s.blocks:
            if isinstance(t, Table):
                place(t)  # validates the grid
        if s.producer == "docx":
            p = outdir / f"{s.name}.docx"
            write_docx(s.blocks, p, s.style)
            docs.append(p)
        else:
            write_html(s.blocks, work / f"{s.name}.html", s.name)
        write_key(s, outdir)
        print(f"wrote {s.name} ({s.producer})", file=sys.stderr)
    if not args.only:
        write_readme(samples, outdir)
    if args.no_pdf:
        return 0
    if docs:
        done = soffice_to_pdf(docs, outdir, force=args.force)
        print(
            f"LibreOffice rendered {len(done)} of {len(docs)} PDFs (the others were up to date)",
            file=sys.stderr,
        )
    for s in chosen:
        if s.producer == "chrome":
            chromium_to_pdf(work / f"{s.name}.html", outdir / f"{s.name}.pdf")
    for s in chosen:
        print(f"{s.name}.pdf: {pdf_pages(outdir / f'{s.name}.pdf')} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
