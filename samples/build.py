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
from docx.enum.section import WD_SECTION  # noqa: F401
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
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


def _write_table(d, t: Table, st: Style):
    placed = place(t)
    nrows, ncols = len(t.rows), len(t.widths)
    tbl = d.add_table(rows=nrows, cols=ncols)
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    _borders(tbl)
    grid = tbl._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), t.widths):
        gc.set(qn("w:w"), str(int(w * 567)))
    for r in range(nrows):
        for c in range(ncols):
            tbl.cell(r, c).width = Cm(t.widths[c])
    for r in range(t.header_rows):
        trPr = tbl.rows[r]._tr.get_or_add_trPr()
        h = OxmlElement("w:tblHeader")
        trPr.append(h)
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
    body = d.element.body
    # python-docx starts with one empty paragraph? (no: the default template body is empty)
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
    # a table may not be the last element of a cell-less body: python-docx keeps sectPr last
    d.save(str(path))
    _normalise_zip(path)
    del body


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
"""


def write_html(blocks, path: Path, title: str):
    out = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
           f"<title>{html.escape(title)}</title><style>{HTML_CSS}</style></head><body>"]
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
                out.append("<tr>" + "".join(tds) + "</tr>")
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


def soffice_to_pdf(docx_paths, outdir: Path):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("soffice not found: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as td:
        cmd = [exe, f"-env:UserInstallation={LO_PROFILE}", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", td] + [str(p) for p in docx_paths]
        subprocess.run(cmd, env=_render_env(), check=True, timeout=900,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for p in docx_paths:
            src = Path(td) / (Path(p).stem + ".pdf")
            if not src.exists():
                raise SystemExit(f"LibreOffice did not produce {src.name}")
            dst = outdir / src.name
            dst.write_bytes(_normalise_pdf(src.read_bytes(), Path(p).stem))


def chromium_to_pdf(html_path: Path, pdf_path: Path):
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        raise SystemExit("chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as td:
        out = Path(td) / "out.pdf"
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={td}/profile", f"--print-to-pdf={out}", "--no-pdf-header-footer",
               html_path.resolve().as_uri()]
        subprocess.run(cmd, env=_render_env(), check=True, timeout=300,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pdf_path.write_bytes(_normalise_pdf(out.read_bytes(), pdf_path.stem))


def _normalise_pdf(data: bytes, stem: str) -> bytes:
    """Fix the volatile bits (dates, document ID) keeping every byte offset unchanged."""
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})", lambda m: m.group(1) + b"20240301090000", data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)",
                  lambda m: m.group(1) + b"2024-03-01T09:00:00", data)
    digest = hashlib.sha256(stem.encode()).hexdigest().upper().encode() * 4

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
 "报告时间： 2023 年 6 月"
]
SEED_SUMMARY = {
 "jbgk": [
  "为加快建设网络强国、数字中国、智慧社会，全面实施国家大数据战略，贯彻落实国家、省大数据发展战略，湘西州全力推进智慧湘西建设，根据《智慧湘西建设三年行动计划（2019-2021 年）》（州政发〔2019〕13 号）、《智慧湘西领导小组办公室关于印发〈湘西自治州政务信息化项目建设后评估方案〉的通知》（州智慧办发〔2021〕8 号）以及湘西土家族苗族自治州智慧湘西建设“十四五”专项规划（2020-2025 年）等文件精神，湘西州积极对接国家实施“数字中国”和“互联网+”战略部署，认真贯彻落实习近平总书记关于大数据发展战略的重要论述，把智慧湘西建设作为全州脱贫攻坚、创新引领、开放崛起和后发赶超的重要抓手。",
  "为保证智慧湘西建设项目有效实施，扎实推进数字政府、数字社会建设，大力发展数字经济，近年来，州本级财政每年均安排州智慧湘西建设专项资金，专门用于智慧湘西项目建设。2022 年度州本级财政预算安排州智慧湘西建设专项资金 1800 万元，用于：2022 年智慧湘西宣传与推广使用（含智慧湘西 app、协同办公等）80 万元；2022 年政务信息化项目建设后评估费（随机抽查）30 万元；湘西州数据共享服务平台、协同办公系统等优化升级项目 200 万元；2022 年数据共享服务、数据通微服务等平台运维费 230 万元；基础电信服务费 200 万元；智慧湘西“十四五”专项规划重点项目前期工作经费 210 万元；2022 年州政务云平台租赁、安保电费等运维费用 850 万元。项目子项目共 7 个。"
 ],
 "mb": [
  "总目标：坚持以习近平新时代中国特色社会主义思想为指导，践行创新、协调、绿色、开放、共享的发展理念，把湘西州建成基础设施集约开放、公共服务普惠便捷、城市治理精准高效、生态文旅绿色繁荣、智慧产业活力无限的新型智慧城市，同时通过建设智慧湘西，提高信息化利用率，节约大量人力、物力、财力，减少政府公共服务成本。推动城市建设，提升城市品位，提升 政府部门办事效率和服务水平；持续提升惠民便民利民服务水平，提升市民生活质量，让市民更具幸福感；",
  "年度目标：动态管理更新州直部门政务信息系统和数据共享资源底数，加快系统清理整合；进一步巩固州政务云、州数据共享服务平台等智慧湘西公共技术平台建设成果；围绕政务服务、政府治理、决策运行，督促推进智慧旅游、智慧医疗、智慧政务等应用建设，加大智慧湘西 APP 推广应用力度；做好“十四五”规划前期智慧湘西建设项目前期工作，为数字经济发展夯实基础。"
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
  "八是开展全州政务新媒体平台建设，集合了微信公众号、微博、今日头条、抖音等新媒体的统一采编管理、发布管理、渠道管理、监控管理、统计管理等功能，实现了全州所有政务新媒体信息统一采编、渠道统一管理、内容统一监测；开通“湘西政务”微信公众号，共发布信息 45 条。"
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
  "项目单位严格按照相关资金文件规定管理和使用专项资金，完善了专项资金管理流程，做到专人负责、专款专用，合理使用；资金使用符合国家财经法规和项目实施单位财务管理制度及有关专项资金管理办法的规定。项目支出按规定履行审批手续，财务严格把关，确保了资金拨付有完整的审核、审批程序和手续，支出符合项目预算批复规定的用途，无截留、挤占、挪用、虚列支出等情况。"
 ],
 "jy": [
  "(一) 主要经验做法",
  "该项目成立项目领导小组，协调解决规划发展和重大项目建设等有关问题。明确专人负责实施，并严格执行项目法人、招标投标、政府采购、工程监理、合同管理等制度。在落实项目责任制上，业务科室为项目实施责任单位，跟踪预算和项目执行情况，对进展项目较慢的能及时协调和提出整改措施，合理调整、纠正预算执行偏差，确保项目实施工作正常运行。同时注重项目产出及效率，力求达到优化资源配置、合理控制成本、提高公共产品质量和公共服务水平的目的。",
  "(二) 存在的问题及原因",
  "项目预算执行率较低。截止 2022 年 12 月 31 日，1800 万元项目共支出 1160.49 万元，结转结余 639.51 万元，预算执行率为 64.47%。主要原因为部分项目已完工但尚未办理竣工验收及结算审计，项目款未进行支付。"
 ],
 "jl": [
  "评分：96.5 等级：优",
  "备注：90（含）—100分为优；80（含）—90分为良；60（含）—80分为较差；60分以下为差。"
 ],
 "jyi": [
  "加快项目验收进度，及时办理竣工验收及结算审计，及时完成报账并支付项目资金。"
 ],
 "sig": [
  "评价组组长（签字）： 年 月 日",
  "项目实施单位负责人（签字）： 年 月 日",
  "项目实施单位名称（盖章）： 年 月 日",
  "主管部门负责人（签字）： 年 月 日",
  "主管部门（盖章）： 年 月 日"
 ],
 "cz": [
  "财政部门归口业务科室意见：",
  "财政部门归口业务科室负责人（签字）：财政部门归口业务科室（盖章）：",
  "年 月 日"
 ]
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
 "done": "2022 年,全州上下严格按照州委州政府决策部署,积极抢抓国家大数据战略布局重大机遇,全力推进数字政府、数字经济和算力支撑建设,取得了较为显著的成绩。进一步巩固了州政务云、州数据共享服务平台、数据通、国地通等智慧湘西公共技术平台建设成果;用好州数据共享服务平台、州数据通微服务平台、数据调度支撑平台;围绕政务服务、政府治理、决策运行,督促推进智慧旅游、智慧医疗、智慧政务等应用建设,加大了智慧湘西 APP 推广应用力度。"
}

SEED_EXPECTED = [
    {"category": "score", "severity": "warning", "mention": ["6.5"], "accept": ["rate"],
     "note": "执行率得分 10×64.47%=6.45，填写 6.5"},
    {"category": "text", "severity": "warning", "mention": [["全三季度"]],
     "note": "摘要表\u201c全三季度合格率\u201d与正文\u201c前三季度合格率\u201d不一致"},
    {"category": "text", "severity": "warning", "mention": [["国地通", "数据调度支撑平台"]],
     "note": "年度目标：摘要表缺\u201c数据通、国地通\u201d\u201c用好…数据调度支撑平台\u201d分句"},
    {"category": "text", "severity": "warning", "mention": [["项目期工作"]],
     "note": "正文\u201c建设项目期工作\u201d脱漏\u201c前\u201d字"},
    {"category": "text", "severity": "warning", "mention": [["技术前置"]],
     "note": "摘要表\u201c项目技术前置审查\u201d与正文\u201c项目前置审查\u201d不一致"},
    {"category": "text", "severity": "warning", "mention": [["及时协调", "进行调整"]],
     "note": "经验做法两处措辞不一致"},
    {"category": "text", "severity": "warning", "mention": [["etc"]],
     "note": "资金表子项目名称\u201c安保电费 etc 运维费用\u201d与概况\u201c安保电费等运维费用\u201d不一致"},
    {"category": "logic", "severity": "warning", "mention": [["均已顺利实施完成", "均已"]],
     "note": "称七个子项目均已完成，但后评估费支出为 0"},
    {"category": "logic", "severity": "warning", "mention": [["验收合格"]], "accept": ["score"],
     "note": "称验收合格率100%、新建项目已验收合格，但问题部分称尚未办理竣工验收"},
    {"category": "logic", "severity": "warning", "mention": [["按预算支出"]], "accept": ["score"],
     "note": "成本指标\u201c全年按预算支出\u201d满分，但执行率仅 64.47%"},
    {"category": "missing", "severity": "warning", "mention": [["偏差"]],
     "note": "执行率 64.47% 远低于 100%，自评表偏差原因分析为空"},
    {"category": "missing", "severity": "info", "mention": [["年 月 日", "年月日", "签字", "填报日期"]],
     "optional": True, "note": "签字、日期未填"},
    {"category": "missing", "severity": "info", "mention": [["年初预算数"]], "optional": True,
     "note": "自评表年初预算数空白"},
    {"category": "logic", "severity": "info", "mention": [["按时完成"]], "optional": True,
     "note": "时效指标按时完成满分，但部分项目未验收"},
    {"category": "mismatch", "severity": "info", "mention": [["县市长", "州长"]], "optional": True,
     "note": "领导小组组长表述前后不一致"},
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
    mb = [p.replace("提升 政府部门", "提升政府部门") for p in S["mb"]]  # a line-wrap artefact of the extraction
    funds = [("其中：中央财政", "", "其中：中央财政", ""), ("省财政", "", "省财政", ""),
             ("州财政", "1800", "州财政", "1800"), ("县财政", "", "县财政", ""),
             ("单位自筹", "", "单位自筹", ""), ("其他", "", "其他", "")]
    rows = [
        [C("项目负责人"), C("唐铭 曾世圣 张琳", cs=2), C("联系电话"),
         C(["15274311637", "15174396090", "18674320707"])],
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
        [C([s.replace("： 年 月 日", "：" + SIG_GAP + "年    月    日") for s in S["sig"]],
           cs=5, align="left", indent=False)],
        [C([S["cz"][0], S["cz"][1].replace("：财政", "：" + " " * 8 + "财政"),
            ("年    月    日", "right")], cs=5, align="left", indent=False)],
    ]
    b.append(Table([2.7, 2.6, 3.4, 3.6, 3.3], rows, size=12))
    b.append(PageBreak())
    # ---- body
    fund_rows = []
    for line in SEED_BODY.strip("\n").split("\n"):
        tag, _, text = line.partition(" ")
        if tag != "|" and fund_rows:
            b.append(Table([4.8, 2.3, 1.9, 2.0, 2.4, 2.2],
                           [[C(x, bold=(i == 0), align="center" if (j or i == 0) else "left", indent=False)
                             for j, x in enumerate(r)] for i, r in enumerate(fund_rows)], size=11))
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
        [C("主管部门", cs=2), C("湘西自治州人民政府办公室", cs=2), C("实施单位"),
         C("智慧湘西领导小组办公室", cs=4)],
        [C("项目资金(万元)", rs=5), C("", cs=2), C("年初预算数"), C("全年预算数"), C("全年执行数"),
         C("分值"), C("执行率"), C("得分")],
        [C("年度资金总额", cs=2), C(""), C("1800"), C("1160.49"), C("10"), C("64.47%"), C("6.5")],
        [C("其中:当年财政拨款", cs=2), C(""), C("1800"), C("1160.49"), C("—"), C("—"), C("—")],
        [C("上年结转资金", cs=2), C(""), C(""), C(""), C("—"), C("—"), C("—")],
        [C("其他资金", cs=2), C(""), C(""), C(""), C("—"), C("—"), C("—")],
        [C("年度总体目标", rs=2), C("预期目标", cs=4), C("实际完成情况", cs=4)],
        [C(SEED_ZPB["goal"], cs=4, indent=False), C(SEED_ZPB["done"], cs=4, indent=False)],
        [C("绩效指标", rs=13), C("一级指标"), C("二级指标"), C("三级指标"), C("年度指标值"),
         C("实际完成值"), C("分值"), C("得分"), C("偏差原因分析及改进措施")],
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
        [C("效益指标 (30分)", rs=3), C("经济效益指标"),
         C("节约人力、物力、财力，减少政府公共服务成本，降低了行政成本", align="center", indent=False), C("定性"),
         C("节约了大量人力、物力、财力，减少政府公共服务成本，降低了行政成本", align="center", indent=False),
         C("10"), C("10"), C("")],
        [C("社会效益指标"), C("提升惠民便民利民服务水平，提升市民生活质量"), C("定性"),
         C("提升了惠民便民利民服务水平，提升了市民生活质量"), C("10"), C("10"), C("")],
        [C("可持续影响指标"), C("持续推动政府数字化、智能化运行"), C("定性"),
         C("为全面提升政务服务、政府治理、政府决策能力"), C("10"), C("10"), C("")],
        [C("满意度指标 (10分)"), C("服务对象满意度指标"), C("社会公众、服务对象的满意度"), C("95%"), C("99%"),
         C("10"), C("10"), C("")],
        [C("总分", cs=6), C("100"), C("96.5"), C("")],
    ]
    b.append(Table([1.2, 1.6, 1.6, 2.6, 1.8, 1.9, 1.2, 1.7, 2.0], z, size=10.5))
    for line in ("单位负责人签字：", "填表人：", "联系电话：", "填报日期：", "年 月 日"):
        b.append(Para(line, "plain"))
    return b


def synthetic_samples():
    return []


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
    key = {"file_stem": "xiangxi-2022", "clean": False, "base": None, "kind": "real",
           "note": "湘西州2022年度州智慧湘西建设专项支出绩效自评报告（真实报告重排为DOCX，原文差错保留）",
           "expected": SEED_EXPECTED}
    key_c = dict(key, file_stem="xiangxi-2022-chrome",
                 note="同 xiangxi-2022，经 HTML + Chromium 打印为 PDF（第二种生成器）")
    faults = "; ".join(f"{i['category']}: {i['note']}" for i in SEED_EXPECTED if not i.get("optional"))
    line = ("智慧湘西领导小组办公室 / 州智慧湘西建设专项 (湖南湘西州); 万元; 财政部式自评表 50/30/10+10, "
            "湘西自评报告表; 7 个子项目; real report, faults as published: " + faults)
    return [Sample("xiangxi-2022", blocks, key, line),
            Sample("xiangxi-2022-chrome", blocks, key_c,
                   "same content as xiangxi-2022 printed from HTML by headless Chromium (PDF only); same faults",
                   producer="chrome")]


def all_samples():
    out = seed_samples()
    out += synthetic_samples()
    return out


def write_key(s: Sample, outdir: Path):
    (outdir / f"{s.name}.expected.json").write_text(
        json.dumps(s.key, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_readme(samples, outdir: Path):
    lines = ["# pecheck sample corpus", "",
             "Rebuilt by `python samples/build.py` (python-docx → DOCX, LibreOffice headless → PDF; the",
             "`-chrome` sample is HTML printed by headless Chromium).  `fonts.conf` maps the Chinese",
             "office fonts onto Noto CJK SC.  Each document has an answer key `<name>.expected.json`",
             "(format: ../../shared/eval/README.md).  Mutants (`*-faults`) are derived from their clean",
             "base by the mutation functions in build.py; every planted fault is listed below.", ""]
    for s in samples:
        lines.append(f"- **{s.name}** — {s.readme}")
    lines.append("")
    (outdir / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-pdf", action="store_true", help="skip LibreOffice/Chromium rendering")
    ap.add_argument("--only", nargs="*", help="build only these sample names")
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
        soffice_to_pdf(docs, outdir)
    for s in chosen:
        if s.producer == "chrome":
            chromium_to_pdf(work / f"{s.name}.html", outdir / f"{s.name}.pdf")
    for s in chosen:
        print(f"{s.name}.pdf: {pdf_pages(outdir / f'{s.name}.pdf')} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
