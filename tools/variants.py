#!/usr/bin/env python3
"""Layout variants of the sample corpus: the same documents laid out differently, to measure how
much of pecheck's reading depends on our own renderer's line breaks and page breaks.

    python tools/variants.py --variant narrow --out /tmp/var-narrow     # then:
    python tools/score.py --corpus /tmp/var-narrow --formats pdf --cmd 'python -m checker.cli --format json {file}'

Each samples/*.docx with an answer key is copied with one change and rendered to PDF by LibreOffice
(samples/kit/render.py, the same fonts.conf); its answer key is copied unchanged, because the
findings must not depend on where a line or a page breaks. Variants:

  narrow     left and right margins 4 cm (the text column 13 cm instead of 15.6 cm): more lines
             wrap, table cells wrap figures and headers
  landscape  A4 landscape: wide tables, fewer wraps, other page breaks
  large      every run 1.25 × its size (四号 instead of 小四): other wraps and page breaks
             everywhere, tables split across more pages
  small      every run 0.85 × its size: fewer wraps
  margins    top margin +2.5 cm, bottom +1 cm: every page breaks elsewhere
  gongwen    the GB/T 9704 official-document layout: body 16 pt at a fixed 28.95 pt pitch, its margins
  headers    every table's header rows repeated on each page it continues on
  fullwidth  every digit, point and per cent sign full-width (１２３．４５％)
  spaced     short table labels with ideographic spaces between their characters (得　分)
  synonyms   ten column headers in other documented wordings at once
  controls   table rows, cells and cell paragraphs inside content controls (w:sdt), as form templates
  autonum    headings numbered by Word's automatic numbering (一、 （一） 1.), not typed
  textbox    a section's first paragraph in a text box floating from an empty paragraph where it stood
             (Word's mc:AlternateContent: the DrawingML box and its VML fallback, the same text twice;
             every third one a VML-only box), and the closing unit/date lines in one such text box
  checkboxes a 是否达标 column of check boxes (☑是 ☐否) at the end of every indicator table, each row's boxes
             written one of three ways in turn: Insert Symbol from Wingdings (w:sym F0FE / F0A8), the
             Unicode characters in Segoe UI Symbol, Word's check-box content controls (w14:checkbox,
             MS Gothic ☒ / ☐); a 评价方式 value as ☑<value> ☐委托第三方评价
  fontboxes  the check boxes of `checkboxes` typed as letters in the Wingdings 2 font (R draws ☑, £ draws ☐)
  wps        what WPS Office writes and Word does not: w:rFonts w:hint on every run and runs split where the
             script changes, w:snapToGrid in every paragraph, a table grid missing or one column short,
             w:tcW of 0 dxa, w:tblPrEx on every row, empty cells without a w:p, horizontally merged cells
             written as w:hMerge instead of w:gridSpan
  widths     cells merged across written without w:gridSpan, only as a cell as wide as the grid columns it
             covers (w:tcW), as some generators write them; Word and LibreOffice draw the merge from the widths
  vertical   level-1 indicator names in their merged cells written vertically (text turned 90°)
  running    a running header (the report's title, with a rule) on every page
  (with --docx-only the changed DOCX are written without rendering: score them with --formats docx)
  mixed      the narrative portrait, from the first table on a landscape section (page sizes change
             inside one document)
  chrome     the sample's blocks written as HTML and printed by headless Chromium (another
             producer: its own line breaks, thin-rectangle borders, radical look-alikes in the
             text layer, figures that overflow a narrow cell instead of wrapping)

Nothing here is committed output: the variants are a probe, scored and written down in
docs/field-rounds.md.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from copy import deepcopy
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(SAMPLES))

from kit.html_writer import write_html  # noqa: E402
from kit.render import chromium_to_pdf, soffice_to_pdf  # noqa: E402
from kit.sample import load_all  # noqa: E402


def _runs(doc):
    for p in doc.paragraphs:
        yield from p.runs
    stack = list(doc.tables)
    while stack:
        t = stack.pop()
        for row in t.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    yield from p.runs
                stack.extend(cell.tables)


def narrow(doc):
    for sec in doc.sections:
        sec.left_margin = sec.right_margin = Cm(4.0)


def landscape(doc):
    for sec in doc.sections:
        w, h = sec.page_width, sec.page_height
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = max(w, h), min(w, h)


def _scale(doc, k):
    for style in doc.styles:
        font = getattr(style, "font", None)
        if font is not None and font.size:
            font.size = Pt(round(font.size.pt * k * 2) / 2)
    seen = set()
    for run in _runs(doc):
        if id(run._r) in seen or not run.font.size:
            continue
        seen.add(id(run._r))
        run.font.size = Pt(round(run.font.size.pt * k * 2) / 2)


def large(doc):
    _scale(doc, 1.25)


def small(doc):
    _scale(doc, 0.85)


def margins(doc):
    for sec in doc.sections:
        sec.top_margin = Cm(sec.top_margin.cm + 2.5)
        sec.bottom_margin = Cm(sec.bottom_margin.cm + 1.0)


def mixed(doc):
    """The narrative portrait, everything from the first table on in a landscape section (how many
    reports lay out their 自评表): page sizes change inside one document, and a table's caption
    lines stay with it on the first landscape page."""
    body = doc.element.body
    first = body.find(qn("w:tbl"))
    final = body.find(qn("w:sectPr"))
    if first is None or final is None:
        return
    # the caption block (title, 单位：万元) goes with its table: walk back over short paragraphs
    start = first
    for _ in range(3):
        prev = start.getprevious()
        if prev is None or prev.tag != qn("w:p") or len("".join(prev.itertext())) > 40:
            break
        start = prev
    end = start.getprevious()
    if end is None or end.tag != qn("w:p"):
        return
    end.get_or_add_pPr().append(deepcopy(final))  # the portrait section ends here
    landscape(doc)  # doc.sections[-1] is the final one; the inserted copy keeps the portrait size
    for sec in list(doc.sections)[:-1]:
        w, h = sec.page_width, sec.page_height
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = min(w, h), max(w, h)


def gongwen(doc):
    """The official-document layout of GB/T 9704: body text 三号 (16 pt) at a fixed 28.95 pt line
    pitch, margins 3.7 / 3.5 / 2.8 / 2.6 cm (about 22 lines of 28 characters); tables keep their
    own type. Other wraps, page breaks and inter-line gaps everywhere in the narrative."""
    for sec in doc.sections:
        sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
        sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    for p in doc.paragraphs:
        larger = any(r.font.size and r.font.size.pt > 16 for r in p.runs)
        for r in p.runs:
            if not larger:
                r.font.size = Pt(16)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(28.95 if not larger else 36)


def headers(doc):
    """Every table's header rows repeated at the top of each page it continues on (Word's 重复标题行):
    a continued table starts with a copy of its header instead of its next row."""
    for t in doc.tables:
        rows = t.rows
        n = 1
        # a header with cells merged down (一级指标 over two rows) repeats both rows
        first = rows[0]._tr
        if any(tc.tcPr is not None and tc.tcPr.vMerge is not None for tc in first.tc_lst) and len(rows) > 2:
            n = 2
        for row in list(rows)[:n]:
            trPr = row._tr.get_or_add_trPr()
            el = trPr.makeelement(qn("w:tblHeader"), {})
            trPr.append(el)


_FULLWIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
_SHORT_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
# documented wordings of the 自评表's column headers (DOMAIN.md template variants), all at once
_SYNONYMS = {"全年预算数": "调整后预算数", "全年执行数": "实际支出数", "分值": "权重", "得分": "自评得分",
             "偏差原因分析及改进措施": "未完成原因分析", "年初预算数": "年初预算", "实际完成值": "全年实际值",
             "年度指标值": "指标值", "执行率": "执行率（B/A）", "三级指标": "指标名称"}


def _cells(doc):
    seen = set()
    stack = list(doc.tables)
    while stack:
        t = stack.pop()
        for row in t.rows:
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    yield cell
                    stack.extend(cell.tables)


def _set_text(cell, text):
    runs = [r for p in cell.paragraphs for r in p.runs]
    if runs:
        runs[0].text = text
        for r in runs[1:]:
            r.text = ""


def fullwidth(doc):
    """Every digit, point and per cent sign full-width (１２３．４５％), as some input methods type them."""
    for run in _runs(doc):
        run.text = run.text.translate(_FULLWIDTH)


def spaced(doc):
    """Short table labels typed with ideographic spaces between their characters for alignment (得　分)."""
    for cell in _cells(doc):
        txt = cell.text.strip()
        if _SHORT_LABEL.match(txt):
            _set_text(cell, "\u3000".join(txt))


def synonyms(doc):
    """Ten column headers in other documented wordings at once (预算数 → 调整后预算数, 三级指标 → 指标名称…)."""
    for cell in _cells(doc):
        txt = cell.text.strip()
        if txt in _SYNONYMS:
            _set_text(cell, _SYNONYMS[txt])


def in_control(el) -> None:
    """Put element `el` inside a content control (w:sdt / w:sdtContent) where it stands."""
    sdt, pr, content = OxmlElement("w:sdt"), OxmlElement("w:sdtPr"), OxmlElement("w:sdtContent")
    sdt.append(pr)
    sdt.append(content)
    el.addprevious(sdt)
    content.append(el)


def controls(doc):
    """Content controls (w:sdt) as fill-in form templates carry them: around every table row (a
    repeating section), every cell and every paragraph inside a cell."""
    body = doc.element.body
    for tag in ("w:tr", "w:tc"):
        for el in list(body.iter(qn(tag))):
            in_control(el)
    for tc in list(body.iter(qn("w:tc"))):
        for p in tc.findall(qn("w:p")):
            in_control(p)


_HEADING_NUMBER = re.compile(r"^\s*(?:([一二三四五六七八九十]{1,3})\s*、|[（(]([一二三四五六七八九十]{1,3})[）)]|(\d{1,2})\s*[.．](?!\d))\s*")
_AUTONUM = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
<w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>"""


def autonum(doc):
    """Headings numbered by Word's automatic numbering (一、 / （一） / 1. as a multilevel list): the
    typed numbers leave the text and the numbering part draws them."""
    from lxml import etree

    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = etree.fromstring(_AUTONUM)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = etree.fromstring('<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                           'w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    numbering.append(num)
    for p in doc.paragraphs:
        m = _HEADING_NUMBER.match(p.text)
        if not m or len(p.text) > 40 or not p.runs:
            continue
        level = 0 if m.group(1) else 1 if m.group(2) else 2
        cut = m.end()
        for r in p.runs:
            if cut <= 0:
                break
            k = min(cut, len(r.text))
            r.text = r.text[k:]
            cut -= k
        ppr = p._p.get_or_add_pPr()
        ppr.get_or_add_numPr().get_or_add_ilvl().val = level
        ppr.get_or_add_numPr().get_or_add_numId().val = 90


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_BOX_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           f'xmlns:mc="{_MC}" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" '
           'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word"')
# Word 2010+ writes a text box twice: the DrawingML shape (mc:Choice Requires="wps") and its VML
# fallback for older readers; {n} numbers the shape, <w:txbxContent/> is filled with the paragraphs
_WORD_BOX = f"""<w:r {_BOX_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{{place}}
<wp:extent cx="5580000" cy="{{cy}}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>{{wrap}}
<wp:docPr id="{{n}}" name="文本框 {{n}}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5580000" cy="{{cy}}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent/></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr>
</wps:wsp></a:graphicData></a:graphic>{{close}}</w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape id="文本框 {{n}}" o:spid="_x0000_s10{{n}}" type="#_x0000_t202" style="{{vstyle}}width:439.4pt;height:{{pt}}pt;z-index:25166{{n}};mso-wrap-style:square" filled="f" stroked="f">
<v:textbox style="mso-fit-shape-to-text:t" inset="0,0,0,0"><w:txbxContent/></v:textbox>{{vwrap}}</v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""
# floating (anchored to the paragraph, text above and below it) or in line with the text
_FLOATING = ('<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="25166{n}" '
             'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
             '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
             '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>')
_INLINE = '<wp:inline distT="0" distB="0" distL="0" distR="0">'
# an older producer's text box: VML alone
_VML_BOX = f"""<w:r {_BOX_NS}><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
<v:shape id="Text Box {{n}}" o:spid="_x0000_s20{{n}}" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:439.4pt;height:{{pt}}pt;z-index:25166{{n}};mso-wrap-style:square" filled="f" stroked="f">
<v:textbox style="mso-fit-shape-to-text:t" inset="0,0,0,0"><w:txbxContent/></v:textbox><w10:wrap type="topAndBottom"/></v:shape></w:pict></w:r>"""
_CLOSING = re.compile(r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[\u4e00-\u9fff（）()]{2,30}(?:局|馆|中心|院|站|所|委员会|办公室|政府|学校|小学|中学|公司|单位|处|队|协会|委|部))$")
_HEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")


def text_box(anchor, paragraphs, n: int, vml_only: bool = False, inline: bool = False) -> None:
    """Move `paragraphs` (w:p elements) into a text box whose run is appended to paragraph `anchor`:
    Word's two copies (DrawingML + VML fallback), floating or in line with the text, or VML alone."""
    from lxml import etree

    lines = sum(max(1, len("".join(p.itertext())) // 38 + 1) for p in paragraphs)
    pt = 22 * lines
    if vml_only:
        xml = _VML_BOX.format(n=n, pt=pt)
    elif inline:
        xml = _WORD_BOX.format(n=n, cy=pt * 12700, pt=pt, place=_INLINE, wrap="", close="</wp:inline>", vstyle="",
                               vwrap="")
    else:
        xml = _WORD_BOX.format(n=n, cy=pt * 12700, pt=pt, place=_FLOATING.format(n=n), wrap="<wp:wrapTopAndBottom/>",
                               close="</wp:anchor>", vstyle="position:absolute;margin-left:0;margin-top:0;",
                               vwrap='<w10:wrap type="topAndBottom"/>')
    run = etree.fromstring(xml)
    for content in run.iter(qn("w:txbxContent")):
        for p in paragraphs:
            content.append(deepcopy(p))
    for p in paragraphs:
        p.getparent().remove(p)
    anchor.append(run)


def textbox(doc):
    """Narrative in text boxes, as reports laid out with Word's drawing tools carry it: the first
    paragraph under a heading moved into a text box floating from an empty paragraph where it stood
    (every third one an older producer's VML-only box), the closing unit and date lines into one
    such text box. The page shows the same text in the same order. (A box in line with the text,
    `inline=True`, reads the same in DOCX, but LibreOffice draws it over its line: no PDF probe.)"""
    body = doc.element.body
    n = 0
    blocks = list(body)
    for i, el in enumerate(blocks[:-1]):
        nxt = blocks[i + 1]
        if el.tag != qn("w:p") or nxt.tag != qn("w:p"):
            continue
        head, text = "".join(el.itertext()).strip(), "".join(nxt.itertext()).strip()
        if not _HEAD.match(head) or len(head) > 30 or len(text) < 40 or _HEAD.match(text):
            continue
        n += 1
        anchor = OxmlElement("w:p")
        nxt.addprevious(anchor)
        text_box(anchor, [nxt], n, vml_only=n % 3 == 0)
    paras = [el for el in body if el.tag == qn("w:p")]
    for i in range(len(paras) - 1):
        a, b = paras[i], paras[i + 1]
        if (a.getparent() is body and b.getparent() is body and a.getnext() is b
                and _CLOSING.match("".join(a.itertext()).strip()) and _CLOSING.match("".join(b.itertext()).strip())
                and "年" in "".join(b.itertext())):
            anchor = OxmlElement("w:p")
            a.addprevious(anchor)
            n += 1
            text_box(anchor, [a, b], n)
            break


_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_INDICATOR_HEAD = ("三级指标", "指标名称", "绩效指标")


def _box_run(checked: bool, how: str):
    """One check box as a run (or a run-level content control): `how` is "wingdings" (Insert
    Symbol), "typed" (a letter in the Wingdings 2 font), "unicode" (☑/☐ typed in Segoe UI Symbol)
    or "control" (w14:checkbox, MS Gothic)."""
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    if how == "wingdings":
        return etree.fromstring(f'<w:r xmlns:w="{w}"><w:sym w:font="Wingdings" w:char="{"F0FE" if checked else "F0A8"}"/></w:r>')
    if how == "typed":  # the letter typed and its font set to Wingdings 2: R draws ☑, £ draws ☐
        return etree.fromstring(f'<w:r xmlns:w="{w}"><w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/>'
                                f'</w:rPr><w:t>{"R" if checked else "£"}</w:t></w:r>')
    if how == "unicode":
        return etree.fromstring(f'<w:r xmlns:w="{w}"><w:rPr><w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol"/>'
                                f'</w:rPr><w:t>{"☑" if checked else "☐"}</w:t></w:r>')
    return etree.fromstring(
        f'<w:sdt xmlns:w="{w}" xmlns:w14="{_W14}"><w:sdtPr><w:id w:val="{1000 + checked}"/><w14:checkbox>'
        f'<w14:checked w14:val="{int(checked)}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent>'
        '<w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>'
        f'<w:t>{"☒" if checked else "☐"}</w:t></w:r></w:sdtContent></w:sdt>')


def _choices(p, options, how: str) -> None:
    """Append check boxes with their labels to paragraph `p`: options is [(label, checked)]."""
    for i, (label, checked) in enumerate(options):
        p.append(_box_run(checked, how))
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = label + ("\u3000" if i < len(options) - 1 else "")
        r.append(t)
        p.append(r)


def checkboxes(doc, ways=("wingdings", "unicode", "control")):
    """Check boxes as form templates carry them: a 是否达标 column (☑是 ☐否) at the end of each
    indicator table, the boxes of each row written as Wingdings symbols, Unicode characters or
    check-box content controls in turn; a 评价方式 value turned into ☑<value> ☐委托第三方评价."""
    k = 0
    for t in doc.tables:
        tbl = t._tbl
        rows = tbl.findall(qn("w:tr"))
        head = next((i for i, tr in enumerate(rows)
                     if any(h in "".join(tr.itertext()) for h in _INDICATOR_HEAD)), None)
        if head is None:
            continue
        grid = tbl.find(qn("w:tblGrid"))
        if grid is not None:
            col = OxmlElement("w:gridCol")
            col.set(qn("w:w"), "1100")
            grid.append(col)
        for i, tr in enumerate(rows):
            tc = OxmlElement("w:tc")
            pr = OxmlElement("w:tcPr")
            width = OxmlElement("w:tcW")
            width.set(qn("w:w"), "1100")
            width.set(qn("w:type"), "dxa")
            pr.append(width)
            tc.append(pr)
            p = OxmlElement("w:p")
            tc.append(p)
            if i == head:
                r = OxmlElement("w:r")
                t_el = OxmlElement("w:t")
                t_el.text = "是否达标"
                r.append(t_el)
                p.append(r)
            elif i > head:
                _choices(p, [("是", True), ("否", False)], ways[k % len(ways)])
                k += 1
            last = tr.findall(qn("w:tc"))
            if last:
                last[-1].addnext(tc)
            else:
                tr.append(tc)
    for p in [*doc.paragraphs, *(p for c in _cells(doc) for p in c.paragraphs)]:
        m = re.match(r"^(评价方式[:：])\s*(\S{2,12})$", p.text.strip())
        if not m:
            continue
        for r in p.runs:
            r.text = ""
        p.runs[0].text = m.group(1) if p.runs else ""
        _choices(p._p, [(m.group(2), True), ("委托第三方评价", False)], ways[k % len(ways)])
        k += 1


def fontboxes(doc):
    """The check boxes of `checkboxes` typed as letters in the Wingdings 2 font (R ☑, £ ☐), the way
    many Chinese form templates make them."""
    checkboxes(doc, ("typed",))


_SCRIPT = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


def _wps_runs(p) -> None:
    """Split each plain text run where the script changes, each piece with WPS's font hint."""
    for r in list(p.iter(qn("w:r"))):
        ts = r.findall(qn("w:t"))
        if len(ts) != 1 or len(r) > 2 or (len(r) == 2 and r[0].tag != qn("w:rPr")):
            continue
        pieces = _SCRIPT.findall(ts[0].text or "")
        for piece in pieces or [""]:
            nr = deepcopy(r)
            rpr = nr.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                nr.insert(0, rpr)
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                rpr.insert(0, fonts)
            fonts.set(qn("w:hint"), "default" if piece.isascii() else "eastAsia")
            t = nr.find(qn("w:t"))
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.addprevious(nr)
        r.getparent().remove(r)


def _h_merge(tc) -> None:
    """Write a cell spanning n grid columns as WPS's and older converters' horizontal merge: the
    cell with w:hMerge restart and n - 1 empty continuation cells after it."""
    pr = tc.tcPr
    span = pr.find(qn("w:gridSpan"))
    n = int(span.get(qn("w:val")))
    pr.remove(span)
    merge = OxmlElement("w:hMerge")
    merge.set(qn("w:val"), "restart")
    pr.append(merge)
    for _ in range(n - 1):
        cont = OxmlElement("w:tc")
        cpr = deepcopy(pr)
        for el in cpr.findall(qn("w:hMerge")):
            cpr.remove(el)
        cpr.append(OxmlElement("w:hMerge"))
        cont.append(cpr)
        cont.append(OxmlElement("w:p"))
        tc.addnext(cont)


def wps(doc):
    """A DOCX as WPS Office writes it (see the module docstring): the same text, cells and merges,
    in another producer's XML."""
    from lxml import etree

    body = doc.element.body
    for p in list(body.iter(qn("w:p"))):
        ppr = p.get_or_add_pPr()
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        ppr.append(snap)
        _wps_runs(p)
    for i, tbl in enumerate(body.iter(qn("w:tbl"))):
        grid = tbl.find(qn("w:tblGrid"))
        if grid is not None:
            if i % 2 == 0:
                tbl.remove(grid)
            elif len(grid) > 1:
                grid.remove(grid[-1])
        for tr in tbl.findall(qn("w:tr")):
            ex = etree.SubElement(tr, qn("w:tblPrEx"))
            tr.remove(ex)
            tr.insert(0, ex)
            borders = etree.SubElement(ex, qn("w:tblBorders"))
            for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
                b = etree.SubElement(borders, qn(f"w:{side}"))
                b.set(qn("w:val"), "single")
                b.set(qn("w:sz"), "4")
                b.set(qn("w:space"), "0")
                b.set(qn("w:color"), "auto")
            for tc in tr.findall(qn("w:tc")):
                pr = tc.get_or_add_tcPr()
                w = pr.find(qn("w:tcW"))
                if w is None:
                    w = OxmlElement("w:tcW")
                    pr.insert(0, w)
                w.set(qn("w:w"), "0")
                w.set(qn("w:type"), "dxa")
                if not "".join(tc.itertext()).strip() and tc.find(qn("w:tbl")) is None:
                    for p in tc.findall(qn("w:p")):
                        tc.remove(p)
                span = pr.find(qn("w:gridSpan"))
                if i % 2 == 1 and span is not None and int(span.get(qn("w:val"), "1")) > 1:
                    _h_merge(tc)


def widths(doc):
    """Cells merged across written as a wide cell only: w:gridSpan dropped, w:tcW set to the width
    of the grid columns the cell covers (the table grid kept)."""
    for tbl in doc.element.body.iter(qn("w:tbl")):
        grid = tbl.find(qn("w:tblGrid"))
        if grid is None:
            continue
        cols = [int(g.get(qn("w:w")) or 0) for g in grid.findall(qn("w:gridCol"))]
        for tr in tbl.findall(qn("w:tr")):
            col = 0
            for tc in tr.findall(qn("w:tc")):
                pr = tc.tcPr
                span_el = pr.find(qn("w:gridSpan")) if pr is not None else None
                span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
                if span_el is not None:
                    pr.remove(span_el)
                    w = pr.find(qn("w:tcW"))
                    if w is None:
                        w = OxmlElement("w:tcW")
                        pr.insert(0, w)
                    w.set(qn("w:w"), str(sum(cols[col:col + span])))
                    w.set(qn("w:type"), "dxa")
                col += span


# variants made by changing the sample's DOCX; "chrome" prints its blocks instead (see chrome())
VARIANTS = {"narrow": narrow, "landscape": landscape, "large": large, "small": small, "margins": margins,
            "mixed": mixed, "gongwen": gongwen, "headers": headers,
            "fullwidth": fullwidth, "spaced": spaced, "synonyms": synonyms, "controls": controls,
            "autonum": autonum, "textbox": textbox,
            "checkboxes": checkboxes, "fontboxes": fontboxes, "wps": wps,
            "widths": widths}


def vertical(doc):
    """Level-1 indicator names (产出指标, 效益指标…) in their tall merged cells written vertically, as many
    自评表 templates set them (Word's text direction "rotate all text 90°", w:textDirection btLr): on
    the page the characters are turned a quarter."""
    stack = list(doc.tables)
    while stack:
        t = stack.pop()
        for tr in t._tbl.tr_lst:
            for tc in tr.tc_lst[:2]:
                pr = tc.get_or_add_tcPr()
                vm = pr.find(qn("w:vMerge"))
                text = "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()
                if vm is not None and vm.get(qn("w:val")) == "restart" and 0 < len(text) <= 8:
                    d = OxmlElement("w:textDirection")
                    d.set(qn("w:val"), "btLr")
                    va = pr.find(qn("w:vAlign"))
                    if va is not None:
                        va.addprevious(d)
                    else:
                        pr.append(d)
        for row in t.rows:
            for cell in row.cells:
                stack.extend(cell.tables)


def running(doc):
    """A running header on every page: the report's title, small, right-aligned, with a rule under it
    (as many departments' templates carry), and the first page's too."""
    title = next((p.text.strip() for p in doc.paragraphs[:12] if "绩效" in p.text and len(p.text.strip()) < 40),
                 "项目支出绩效自评报告")
    for sec in doc.sections:
        sec.different_first_page_header_footer = False
        hdr = sec.header
        hdr.is_linked_to_previous = False
        p = hdr.paragraphs[0] if hdr.paragraphs else hdr.add_paragraph()
        p.text = title
        p.alignment = 2  # right
        for r in p.runs:
            r.font.size = Pt(9)
        pPr = p._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
            bottom.set(qn(k), v)
        bdr.append(bottom)
        pPr.append(bdr)


VARIANTS.update(vertical=vertical, running=running)

def chrome(out: Path, only) -> int:
    n = 0
    for s in load_all(SAMPLES / "reports"):
        key = SAMPLES / f"{s.name}.expected.json"
        if s.producer != "docx" or not key.exists() or (only and s.name not in only):
            continue
        html = out / f"{s.name}.html"
        write_html(s.blocks, html, s.name)
        chromium_to_pdf(html, out / f"{s.name}.pdf")
        shutil.copy(key, out / key.name)
        n += 1
    return n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variant", choices=sorted([*VARIANTS, "chrome"]), required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--only", nargs="*", help="document names (stems) to include")
    ap.add_argument("--docx-only", action="store_true", help="write the changed DOCX, render nothing")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.variant == "chrome":
        print(f"{chrome(args.out, args.only)} documents, variant chrome, in {args.out}")
        return
    made = []
    for docx in sorted(SAMPLES.glob("*.docx")):
        key = docx.with_suffix(".expected.json")
        if not key.exists() or (args.only and docx.stem not in args.only):
            continue
        doc = Document(str(docx))
        VARIANTS[args.variant](doc)
        dst = args.out / docx.name
        doc.save(str(dst))
        shutil.copy(key, args.out / key.name)
        made.append(dst)
    if not args.docx_only:
        soffice_to_pdf(made, args.out)
    print(f"{len(made)} documents, variant {args.variant}, in {args.out}")


if __name__ == "__main__":
    main()
