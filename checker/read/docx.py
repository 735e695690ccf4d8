"""DOCX → Document. Merged cells come from the real cell elements (gridSpan, vMerge), never from
python-docx's `row.cells`, which repeats a merged cell once per grid column."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from checker import errors
from checker.model import Cell, Document, Page, Paragraph, Table
from checker.read.captions import set_captions
from checker.read.guards import guard_docx
from checker.textnorm import normalize

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class _Pager:
    """Page numbers from explicit and rendered page breaks, where the file carries them."""

    def __init__(self) -> None:
        self.page = 1
        self.known = False

    def scan(self, el, boxed: bool = False) -> None:
        """Count the page breaks of paragraph `el`; `boxed`: it anchors text boxes, whose own
        paragraphs (and their fallback copies) are not its breaks."""
        for node in el.iter(f"{W}br", f"{W}lastRenderedPageBreak", f"{W}pageBreakBefore"):
            if node.tag == f"{W}br" and node.get(f"{W}type") != "page":
                continue
            if boxed and _owner(node) is not el:
                continue
            if node.tag == f"{W}pageBreakBefore" and node.get(f"{W}val") in ("0", "false"):
                continue
            self.page += 1
            self.known = True


_TEXT_TAGS = (f"{W}t", f"{W}tab", f"{W}br", f"{W}sym")

# Word's Insert Symbol writes a w:sym element (font and code) instead of text: "≥95%" with the ≥
# from the Symbol font is <w:sym w:font="Symbol" w:char="F0B3"/> followed by "95%". The Symbol font's
# own encoding (Adobe Symbol, the code's low byte) for the characters a report uses; ASCII-range codes
# outside the table are the ASCII character.
_SYMBOL_FONT = {0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5E: "⊥", 0x7E: "∼",
                0xA2: "′", 0xA3: "≤", 0xA5: "∞", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓",
                0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠",
                0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xD6: "√", 0xD7: "⋅"}
# Forms tick their choices (评价方式 ☑自评 ☐第三方, 是否达标 ☑是 ☐否) with Wingdings or Wingdings 2
# boxes and marks: those read as the ballot-box characters the page shows. Nothing else of these
# fonts is text (their codes in the digit range are pictures, never digits).
_PICTURE_FONTS = {
    "wingdings": {0x6F: "☐", 0xA8: "☐", 0x78: "☒", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑"},
    "wingdings 2": {0x4F: "✗", 0x50: "✓", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0xA3: "☐"},
}


def _symbol(node) -> str:
    font = (node.get(f"{W}font") or "").strip().lower()
    if font != "symbol" and font not in _PICTURE_FONTS:
        return ""
    try:
        code = int(node.get(f"{W}char") or "", 16) & 0xFF
    except ValueError:
        return ""
    if font != "symbol":
        return _PICTURE_FONTS[font].get(code, "")
    if code in _SYMBOL_FONT:
        return _SYMBOL_FONT[code]
    return chr(code) if 0x20 <= code < 0x7F else ""


MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALTERNATE = f"{MC}AlternateContent"
_TXBX = f"{W}txbxContent"
_SPECIAL = (f"{W}del", _ALTERNATE, _TXBX)  # what `_pieces` must walk by hand
_MAX_BOX_DEPTH = 3  # a text box inside a text box inside a text box: deeper ones (never Word's) are not read


def _pieces(p, boxes: list | None = None, plain: bool = False, fonts: bool | None = False):
    """Each node of a paragraph that contributes text, with that text, in document order. A text
    box anchored in the paragraph (w:txbxContent) holds paragraphs of its own: its text is not the
    anchor's; its content elements are appended to `boxes` (if given) for the caller to read as
    blocks. Of markup-compatibility alternatives (mc:AlternateContent: Word writes every text box
    twice, as DrawingML and as its VML fallback) one is read. `plain`: the caller knows that no
    such element is in the paragraph. `fonts`: runs may be set in a picture font (a letter typed in
    Wingdings 2 draws a check box; None: look)."""
    if fonts is None:
        fonts = _has_picture_fonts(p)
    # lxml picks the tags out in C; the slower walk is only needed in the rare paragraph that holds
    # a tracked deletion, an alternative or a text box, or a document with picture fonts
    if fonts or (not plain and next(p.iter(*_SPECIAL), None) is not None):
        yield from _walk(p, False, boxes, fonts)
        return
    for node in p.iter(*_TEXT_TAGS):
        tag = node.tag
        if tag == f"{W}t":
            yield node, node.text or ""
        elif tag == f"{W}tab":
            yield node, "\t"
        elif tag == f"{W}br":
            if node.get(f"{W}type") != "page":
                yield node, "\n"
        else:
            yield node, _symbol(node)


def _text(node, deleted: bool, font: dict | None = None) -> str | None:
    """The text one of `_TEXT_TAGS` contributes (None: nothing, as a page break or a deleted run);
    `font`: the picture font (a `_PICTURE_FONTS` table) the run is set in."""
    tag = node.tag
    if tag == f"{W}t":
        if deleted:
            return None
        return _drawn(node.text or "", font) if font else node.text or ""
    if tag == f"{W}tab":
        return "\t"
    if tag == f"{W}br":
        return "\n" if node.get(f"{W}type") != "page" else None
    return None if deleted else _symbol(node)


def _walk(el, deleted: bool, boxes: list | None, fonts: bool = False, font: dict | None = None):
    """`_pieces` of element `el`'s descendants, walked by hand: text under w:del is deleted, a text
    box's content is handed to `boxes` instead of read, an mc:AlternateContent is read through one
    branch, a run set in a picture font (`fonts`) reads as what the font draws. Bounded by the
    parser's own depth limit (libxml2: 256 levels)."""
    for child in el:
        tag = child.tag
        if tag in _TEXT_TAGS:
            text = _text(child, deleted, font)
            if text is not None:
                yield child, text
        elif tag == _TXBX:
            if boxes is not None:
                boxes.append(child)
        elif tag == _ALTERNATE:
            branch = _branch(child)
            if branch is not None:
                yield from _walk(branch, deleted, boxes, fonts, font)
        elif isinstance(tag, str) and len(child):
            inner = _run_font(child) if fonts and tag == f"{W}r" else font
            yield from _walk(child, deleted or tag == f"{W}del", boxes, fonts, inner)


def _run_font(r) -> dict | None:
    """The `_PICTURE_FONTS` table of the font run `r` sets its Latin characters in, if it is one."""
    fonts = r.find(f"{W}rPr/{W}rFonts")
    if fonts is None:
        return None
    name = fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi") or ""
    return _PICTURE_FONTS.get(name.strip().lower())


def _drawn(text: str, font: dict) -> str:
    """Text set in a picture font as the font draws it, character for character (so positions in
    the paragraph stay those of the file): its box and tick codes, as typed (R, £) or as the
    font's private-use codes (U+F052), become ☑ ☐ ☒ ✓ ✗; other characters stay as they are."""
    return "".join(font.get(ord(c) & 0xFF, c) if ord(c) < 0x100 or 0xF000 <= ord(c) <= 0xF0FF else c for c in text)


def _has_picture_fonts(el) -> bool:
    """Whether any run under `el` is set in a picture font (one XPath pass, in C)."""
    return bool(_picture_font_xpath()(el))


_PICTURE_XPATH = []


def _picture_font_xpath():
    if not _PICTURE_XPATH:
        from lxml import etree

        names = " or ".join(f"translate(@w:{a}, 'WINGDS', 'wingds')='{n}'" for n in _PICTURE_FONTS for a in ("ascii", "hAnsi"))
        _PICTURE_XPATH.append(etree.XPath(f"boolean(.//w:rFonts[{names}])", namespaces={"w": W[1:-1]}))
    return _PICTURE_XPATH[0]


def _branch(alternate):
    """The branch of an mc:AlternateContent a reader shows: the first mc:Choice, as Word does for
    the namespaces it writes (DrawingML shapes, w14), unless that one carries no text while the
    mc:Fallback does (a choice this reader cannot show)."""
    choice = alternate.find(f"{MC}Choice")
    fallback = alternate.find(f"{MC}Fallback")
    if choice is None or (fallback is not None and not _has_text(choice) and _has_text(fallback)):
        return fallback
    return choice


def _has_text(el) -> bool:
    return next(el.iter(f"{W}t", f"{W}sym", _TXBX), None) is not None


def _owner(node):
    """The paragraph (w:p) a node belongs to: its nearest enclosing one (a text box's paragraph for
    a node inside a text box)."""
    parent = node.getparent()
    while parent is not None and parent.tag != f"{W}p":
        parent = parent.getparent()
    return parent


def run_text(p) -> str:
    return "".join(text for _, text in _pieces(p, fonts=None))


def run_spans(p) -> list[tuple[object, int, int]]:
    """The runs (w:r elements) of a paragraph element that carry text, each with its [start, end)
    in the paragraph's raw text as this reader builds it: what a writer needs to put a Word comment
    on exactly the quoted characters."""
    pos = 0
    spans: dict = {}
    for node, text in _pieces(p, fonts=None):
        run = node.getparent()
        while run is not None and run.tag != f"{W}r" and run.tag != f"{W}p":
            run = run.getparent()
        if run is not None and run.tag == f"{W}r" and text:
            spans.setdefault(run, [pos, pos])[1] = pos + len(text)
        pos += len(text)
    return [(run, a, b) for run, (a, b) in spans.items()]


def _style(p) -> str:
    ps = p.find(f"{W}pPr/{W}pStyle")
    return ps.get(f"{W}val", "") if ps is not None else ""


_BLOCKS = (f"{W}p", f"{W}tbl")
_ROW = (f"{W}tr",)
_CELL = (f"{W}tc",)


def _unwrapped(parent, tags: tuple[str, ...]):
    """The children of `parent` with one of `tags`, also those a content control (w:sdt) or a custom
    XML element wraps: form templates put fill-in cells, repeating rows and whole blocks inside
    content controls, and a table row or cell inside one is still the table's."""
    for el in parent:
        tag = el.tag
        if tag in tags:
            yield el
        elif tag == f"{W}sdt":
            content = el.find(f"{W}sdtContent")
            if content is not None:
                yield from _unwrapped(content, tags)
        elif tag == f"{W}customXml":
            yield from _unwrapped(el, tags)


def _grid(tbl) -> list[int] | None:
    """The widths of the table grid's columns (w:tblGrid), or None where it is missing or unusable."""
    grid = tbl.find(f"{W}tblGrid")
    if grid is None:
        return None
    cols = [g.get(f"{W}w") or "" for g in grid.findall(f"{W}gridCol")]
    if not cols or len(cols) > 64 or not all(c.isascii() and c.isdigit() and c != "0" for c in cols):
        return None
    return [int(c) for c in cols]


def _width(tc) -> int:
    w = tc.find(f"{W}tcPr/{W}tcW")
    if w is None or (w.get(f"{W}type") or "dxa") != "dxa":
        return 0
    val = w.get(f"{W}w") or ""
    return int(val) if val.isascii() and val.isdigit() else 0


def _spans_from_widths(props: list, cols: list[int], start: int) -> None:
    """Cells merged across written without w:gridSpan, only as a cell as wide as the grid columns it
    covers (generators write them so; Word and LibreOffice draw the merge from the widths): in a row
    whose cells do not fill the grid, each such cell's span becomes the run of grid columns its width
    (w:tcW) matches within a quarter of the last one. `props` holds (w:tc, written span or 0, …) per
    cell and is changed in place. A row that fills the grid is never changed, so a preferred width
    that merely differs from its column is no merge."""
    if start + sum(p[1] or 1 for p in props) >= len(cols):
        return
    col = start
    for i, (tc, n, *rest) in enumerate(props):
        if not n and col < len(cols):
            width = _width(tc)
            room = len(cols) - col - sum(p[1] or 1 for p in props[i + 1:])  # a column for each later cell
            best, k, total = abs(cols[col] - width), 1, 0
            for j in range(1, room + 1):
                total += cols[col + j - 1]
                if abs(total - width) < best:
                    best, k = abs(total - width), j
            if width and k > 1 and best <= cols[col + k - 1] // 4:
                props[i] = (tc, k, *rest)
                n = k
        col += n or 1


class _Builder:
    def __init__(self, source: str, body=None, numbering=None, fonts: bool | None = None):
        self.doc = Document(source=source, format="docx")
        self.numbering = numbering
        # element -> its position among the body's w:p / w:tc elements in document order: the
        # provenance a writer uses to find the paragraph or cell again (Paragraph.source)
        self.where: dict = {}
        if body is not None:
            for tag, name in ((f"{W}p", "p"), (f"{W}tc", "tc")):
                for i, el in enumerate(body.iter(tag)):
                    self.where[el] = f"{name}/{i}"
        self.pager = _Pager()
        self.hosts: list[tuple[Table, Table, int, int]] = []  # nested table, host table, row, col
        self.box_depth = 0  # text boxes being read inside one another
        # most documents hold no tracked deletion, alternative content or text box: one look in C
        # spares every paragraph its own
        self.fonts = body is not None and (_has_picture_fonts(body) if fonts is None else fonts)
        self.plain = body is not None and not self.fonts and next(body.iter(*_SPECIAL), None) is None

    def body(self, parent) -> None:
        for el in _unwrapped(parent, _BLOCKS):
            if el.tag == f"{W}p":
                self.paragraph(el)
            else:
                self.table(el, nested_in=None)

    def text_of(self, p, boxes: list | None = None) -> str:
        """A paragraph's text with the number Word draws before it (automatic numbering), as the page
        shows it; the content of text boxes anchored in it goes to `boxes`."""
        text = "".join(t for _, t in _pieces(p, boxes, self.plain, self.fonts))
        if self.numbering is None:
            return text
        return self.numbering.label(p) + text

    def paragraph(self, p) -> None:
        page = self.pager.page
        boxes: list = []
        raw = self.text_of(p, boxes)
        self.pager.scan(p, boxed=bool(boxes))
        if raw.strip():
            self.doc.blocks.append(Paragraph(index=0, raw=raw, text=normalize(raw), page=page, style=_style(p),
                                             source=self.where.get(p, "")))
        for box in boxes:  # a text box reads where it is anchored, after its anchor's own text
            self.box(box, self.body)

    def box(self, content, read) -> None:
        """Read a text box's content with `read`, unless text boxes are nested deeper than any
        document needs (hostile input stays bounded)."""
        if self.box_depth >= _MAX_BOX_DEPTH:
            return
        self.box_depth += 1
        try:
            read(content)
        finally:
            self.box_depth -= 1

    def cell_blocks(self, parent, texts: list[str], nested: list, row: int, col: int) -> None:
        """A cell's paragraphs' texts (those of text boxes in them included, in place) and its tables."""
        for child in _unwrapped(parent, _BLOCKS):
            if child.tag == f"{W}p":
                boxes: list = []
                texts.append(self.text_of(child, boxes))
                self.pager.scan(child, boxed=bool(boxes))
                for box in boxes:
                    self.box(box, lambda content: self.cell_blocks(content, texts, nested, row, col))
            elif child.tag == f"{W}tbl":
                nested.append((child, row, col))

    def table(self, tbl, nested_in: str | None) -> Table:
        start_page = self.pager.page
        table = Table(index=0, cells=[], n_rows=0, n_cols=0, pages=[start_page], nested_in=nested_in)
        self.doc.blocks.append(table)
        open_vmerge: dict[int, Cell] = {}  # grid column -> cell being extended downwards
        nested: list = []
        row_i = 0
        n_cols = 0
        grid = _grid(tbl)
        for tr in _unwrapped(tbl, _ROW):
            col = 0
            before = tr.find(f"{W}trPr/{W}gridBefore")
            if before is not None:
                col += int(before.get(f"{W}val", "0") or 0)
            row_page = self.pager.page
            prev: Cell | None = None  # the cell the row's previous w:tc went into
            props = []  # per w:tc: its span (0: none written), vertical merge, horizontal continuation
            for tc in _unwrapped(tr, _CELL):
                tcpr = tc.find(f"{W}tcPr")
                span = 0
                vmerge = None
                hmerged = False
                if tcpr is not None:
                    gs = tcpr.find(f"{W}gridSpan")
                    if gs is not None:
                        span = max(1, int(gs.get(f"{W}val", "1") or 1))
                    vm = tcpr.find(f"{W}vMerge")
                    if vm is not None:
                        vmerge = vm.get(f"{W}val", "continue")
                    hm = tcpr.find(f"{W}hMerge")
                    hmerged = hm is not None and hm.get(f"{W}val", "continue") != "restart"
                props.append((tc, span, vmerge, hmerged))
            if grid and col + len(props) < len(grid):
                _spans_from_widths(props, grid, col)
            for tc, span, vmerge, hmerged in props:
                span = span or 1
                texts: list[str] = []
                self.cell_blocks(tc, texts, nested, row_i, col)
                raw = "\n".join(t for t in texts if t.strip())
                # horizontal merge the old way (w:hMerge, as WPS and converters write it): the
                # continuation widens the cell before it instead of being a cell of its own
                if hmerged and prev is not None and (prev.row == row_i and prev.col + prev.col_span == col
                                                     or prev.col <= col < prev.col + prev.col_span):
                    cell = prev
                    if cell.col + cell.col_span == col:
                        cell.col_span += span
                        for k in range(col, col + span):
                            open_vmerge.pop(k, None)
                    if raw.strip():
                        cell.raw = f"{cell.raw}\n{raw}" if cell.raw else raw
                        cell.text = normalize(cell.raw)
                elif vmerge == "continue" and col in open_vmerge:
                    cell = open_vmerge[col]
                    cell.row_span = row_i - cell.row + 1
                    if raw.strip():  # text typed into a continuation cell still belongs to the merged cell
                        cell.raw = f"{cell.raw}\n{raw}" if cell.raw else raw
                        cell.text = normalize(cell.raw)
                else:
                    cell = Cell(row=row_i, col=col, raw=raw, text=normalize(raw), col_span=span, page=row_page,
                                source=self.where.get(tc, ""))
                    table.cells.append(cell)
                    for k in range(col, col + span):
                        open_vmerge.pop(k, None)
                    if vmerge == "restart":
                        open_vmerge[col] = cell
                prev = cell
                col += span
            n_cols = max(n_cols, col)
            row_i += 1
            if self.pager.page not in table.pages:
                table.pages.append(self.pager.page)
        table.n_rows, table.n_cols = row_i, n_cols
        for el, r, c in nested:
            inner = self.table(el, nested_in=None)
            self.hosts.append((inner, table, r, c))
        return table


# The package parts a reader needs to find the main document (ECMA-376 part 2, Open Packaging Conventions)
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _xml_parser():
    """python-docx's own parser settings, so the tree is the one python-docx would build: blank text
    between elements dropped, entities never resolved (XXE and entity bombs stay inert)."""
    from lxml import etree

    return etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def main_document(path: Path):
    """The main document part's root element (w:document), its automatic numbering (or None) and
    whether a run is set in a picture font (Wingdings),
    the part found as python-docx finds it — the
    package's officeDocument relationship, its content type checked — but without python-docx
    loading every other part of the package (styles, numbering, headers, images) and without
    importing it (≈ 0.1 s of a DOCX check). Raises KeyError for a missing part or relationship,
    ValueError for a package that is not a Word document, lxml's errors for malformed XML."""
    from lxml import etree

    parser = _xml_parser()
    with zipfile.ZipFile(path) as zf:
        rels = etree.fromstring(zf.read("_rels/.rels"), parser)
        target = next((r.get("Target") for r in rels.iter(_RELS)
                       if r.get("Type") == _OFFICE_DOCUMENT and r.get("TargetMode") != "External"), None)
        if not target:
            raise KeyError("no officeDocument relationship")
        partname = posixpath.normpath(posixpath.join("/", target))  # relative to the package root
        types = etree.fromstring(zf.read("[Content_Types].xml"), parser)
        overrides = {(o.get("PartName") or "").lower(): o.get("ContentType") for o in types.iter(f"{_CT}Override")}
        defaults = {(d.get("Extension") or "").lower(): d.get("ContentType") for d in types.iter(f"{_CT}Default")}
        ext = posixpath.splitext(partname)[1][1:].lower()
        ctype = overrides.get(partname.lower(), defaults.get(ext))
        if ctype is None:
            raise KeyError(f"no content type for {partname}")
        if ctype != _WML_MAIN:
            raise ValueError(f"not a Word file, content type is {ctype}")
        data = zf.read(partname[1:])
        root = etree.fromstring(data, parser)
        try:
            numbering = _numbering(zf, partname, root, parser)
        except Exception:  # a damaged numbering or styles part costs the drawn numbers, not the document
            numbering = None
        # picture fonts are named in the part's bytes wherever a run uses one: a search in C spares
        # the parsed tree a pass (the tree's own XPath look, `_has_picture_fonts`, cost 1.7 % of a check)
        pictures = (b"ingdings" in data or b"INGDINGS" in data) and _has_picture_fonts(root)
        return root, numbering, pictures


_NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


_STYLE_ID = re.compile(rb'w:styleId="([^"]+)"')


def _based_on_numbered(styles: bytes, sid: bytes, numbered: set[bytes], depth: int = 0) -> bool:
    """Whether style `sid` is based, through any number of steps, on a style that carries a number."""
    if depth > 10:
        return False
    i = styles.find(b'w:styleId="' + sid + b'"')
    if i < 0:
        return False
    end = styles.find(b"</w:style>", i)
    m = re.search(rb'<w:basedOn w:val="([^"]+)"', styles[i:end if end > 0 else None])
    return bool(m) and (m.group(1) in numbered or _based_on_numbered(styles, m.group(1), numbered, depth + 1))


def _numbering(zf: zipfile.ZipFile, partname: str, root, parser):
    """The document's automatic numbering (read/numbering.py), or None where no paragraph can be
    numbered: no numbering part, or neither a paragraph nor a style asks for a number. The styles
    part (often several hundred KB) is parsed only when it holds numbering."""
    from lxml import etree

    from checker.read.numbering import Numbering

    folder, name = posixpath.split(partname)
    try:
        rels = etree.fromstring(zf.read(f"{folder[1:]}/_rels/{name}.rels"), parser)
    except KeyError:
        return None
    targets = {r.get("Type"): posixpath.normpath(posixpath.join(folder, r.get("Target") or ""))
               for r in rels.iter(_RELS) if r.get("TargetMode") != "External"}
    try:
        numbering = zf.read(targets[_NUMBERING_REL][1:]) if _NUMBERING_REL in targets else b""
    except KeyError:
        return None
    if b"numId" not in numbering:
        return None
    try:
        styles = zf.read(targets[_STYLES_REL][1:]) if _STYLES_REL in targets else b""
    except KeyError:
        styles = b""
    # the styles that carry a number of their own, found without parsing the part; one of them in use
    # (or a style based on one: then the whole part is read and followed) asks for the styles
    numbered = set()
    at = styles.find(b"<w:numPr")
    while at >= 0:  # a few occurrences: each one's enclosing style, looked up backwards
        m = _STYLE_ID.search(styles, styles.rfind(b"<w:style ", 0, at), at)
        if m:
            numbered.add(m.group(1))
        at = styles.find(b"<w:numPr", at + 1)
    used = {el.get(f"{W}val", "").encode() for el in root.iter(f"{W}pStyle")}
    styled = bool(numbered & used) or (bool(numbered) and b"basedOn" in styles and any(
        _based_on_numbered(styles, u, numbered) for u in used))
    if not styled and next(root.iter(f"{W}numPr"), None) is None:
        return None
    return Numbering(etree.fromstring(numbering, parser), etree.fromstring(styles, parser) if styled else None)


def read_docx(path: Path) -> Document:
    guard_docx(path)
    try:
        root, numbering, pictures = main_document(path)
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise errors.InputError(f"DOCX 文件无法打开（文档结构损坏）：{path}",
                                f"DOCX cannot be opened, broken package: {path}") from exc
    except Exception as exc:  # lxml errors on malformed XML
        raise errors.InputError(f"DOCX 文件内容损坏，无法解析：{path}",
                                f"DOCX content is malformed: {path}") from exc
    if not isinstance(root.tag, str) or root.tag != f"{W}document":
        raise errors.InputError(f"DOCX 文件内容损坏，无法解析：{path}", f"DOCX content is malformed: {path}")
    return from_body(path, root.find(f"{W}body"), numbering, pictures)


def from_body(path: Path, body, numbering=None, fonts: bool | None = None) -> Document:
    """The document model from a w:body element (the main document's, as `main_document` or
    python-docx parses it); `numbering` (read/numbering.Numbering) draws automatic numbers; `fonts`:
    whether runs are set in picture fonts (None: look)."""
    if body is None:
        raise errors.InputError(f"DOCX 没有正文（缺少 w:body）：{path}", f"DOCX has no body: {path}")
    # Word allows at most 63 columns: a span or skipped-column count that is not a small number
    # is damage or an attack (gridSpan="100000000" would build a table of 10^8 columns).
    for el in body.iter(f"{W}gridSpan", f"{W}gridBefore"):
        val = (el.get(f"{W}val") or "").strip()
        if not val.isascii() or not val.isdigit():
            el.set(f"{W}val", "1" if el.tag == f"{W}gridSpan" else "0")
        elif int(val) > 64:
            el.set(f"{W}val", "64")
    b = _Builder(str(path), body, numbering, fonts)
    try:
        b.body(body)
    except RecursionError as exc:
        raise errors.InputError(f"DOCX 表格嵌套过深，无法解析：{path}", f"DOCX tables nested too deeply: {path}") from exc
    except (ValueError, TypeError, AttributeError, IndexError, KeyError) as exc:
        raise errors.InputError(f"DOCX 文档结构异常，无法解析：{path}",
                                f"DOCX structure is malformed ({type(exc).__name__}): {path}") from exc
    if b.pager.page > 5000:
        raise errors.InputError(f"DOCX 分页异常（{b.pager.page} 页），不像一份绩效自评报告：{path}",
                                f"DOCX has abnormally many page breaks ({b.pager.page}): {path}")
    b.doc.pages = [Page(number=i) for i in range(1, b.pager.page + 1)]
    if not b.pager.known:
        b.doc.warnings.append("docx-no-page-info")
    b.doc.renumber()
    for inner, host, r, c in b.hosts:
        cell = host.at(r, c)
        inner.nested_in = cell.ref if cell else host.ref
    set_captions(b.doc)
    return b.doc
