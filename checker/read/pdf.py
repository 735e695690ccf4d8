"""PDF → Document.

Pages are read by pypdfium2 (`checker.read.pdfium`, the default: fast) or by pdfplumber (the older
path, `PECHECK_PDF_READER=pdfplumber`); both hand over pages in pdfplumber's shape and everything
after that is shared, so the two give the same document (tests/test_pdf_readers.py). Tables come from ruling lines (stroked lines and thin filled rectangles alike: pdfplumber turns both
into edges). The grid is rebuilt from the cell boxes, so a merged cell keeps its span; a table that
runs on over a page break becomes one table; text outside tables becomes paragraphs in reading order,
with running headers, footers and page numbers dropped.
"""

from __future__ import annotations

import bisect
import logging
import os
import statistics
from collections import Counter
from pathlib import Path

import regex

from checker import errors
from checker.model import Cell, Document, Page, Paragraph, Table
from checker.read.captions import set_captions
from checker.read.guards import PdfBombGuard, guard_pdf_streams
from checker.read.layout import (
    Line,
    PageLayout,
    RawTable,
    chars_to_lines,
    forced_figure,
    level,
    lines_text,
    quarter_turn,
)
from checker.textnorm import map_radicals, normalize

logging.getLogger("pdfminer").setLevel(logging.ERROR)

_TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
    "edge_min_length": 3,
}
_MAX_PAGES = 1500
_PAGE_NO = regex.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
    r"|\d{1,4}|Page\s+\d+(?:\s+of\s+\d+)?)\s*$", regex.I)
SCAN_BAND = 0.15  # on a scanned page a bare page number may sit this far into the page (skew, reduction)
MARGIN_BAND = 0.09  # headers and footers sit this far from the page's top or bottom edge
_SAME_PLACE = 3.0  # pt: a running line's height on the page, as rounded to tell "the same place"


def _margin_band(size: tuple[float, float], share: float) -> float:
    """How far from the top or bottom edge a page's header/footer band reaches. Word and WPS set
    margins and footer distances in absolute lengths, the same on a landscape page as on a portrait
    one, so the band is a share of the page's longer side: a footer 2 cm up a landscape A4 page is
    11 % of its height."""
    return share * max(size)
_HEADING = regex.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                         r"\d{1,2}\s*(?:、|．(?!\d))|附件|附表|第[一二三四五六七八九十\d]+[章节部分])")
_END_PUNCT = "。；;！!？?：:"


def _open(path: Path, password: str | None = None):
    import pdfplumber

    try:
        pdf = pdfplumber.open(str(path), password=password or "")
    except Exception as exc:  # pdfminer raises many types on broken files; pdfplumber wraps them
        cause = type(errors.root_cause(exc)).__name__
        # a password with characters the file's (older) encryption cannot encode cannot be its password
        if cause == "PDFPasswordIncorrect" or (password and cause == "UnicodeEncodeError"):
            from checker.read.crypto import missing_password, wrong_password

            raise (wrong_password if password else missing_password)(str(path), "PDF") from None
        raise errors.pdf_failure(exc, path) from exc
    try:
        n = len(pdf.pages)  # walks the page tree: loops, deep nesting and bad references show up here
    except Exception as exc:
        try:
            pdf.stream.close()  # not pdf.close(): that walks the broken page tree again
        except Exception:
            pass
        raise errors.pdf_failure(exc, path) from exc
    if n == 0:
        pdf.close()
        raise errors.InputError(f"PDF 没有任何页面：{path}", f"PDF has no pages: {path}")
    if n > _MAX_PAGES:
        pdf.close()
        raise errors.InputError(f"PDF 页数过多（{n} 页），不像一份绩效自评报告：{path}",
                                f"PDF has too many pages ({n}) for a report: {path}")
    return pdf


def _grid_axis(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _idx(axis: list[float], v: float) -> int:
    i = bisect.bisect_left(axis, v - 2.0)
    return min(i, len(axis) - 1)


def _turn(c: dict) -> int:
    """A character's quarter turn (layout.quarter_turn), from what either reader gives."""
    if "turn" in c:
        return c["turn"]
    m = c.get("matrix")
    return quarter_turn(m[0], m[1]) if m else 0


def _turned_cells(chars: list[dict], tables: list[RawTable], index: list) -> dict[tuple[int, int], list[dict]]:
    """The text of table cells written vertically (a level-1 indicator's name down its tall merged
    cell, Word's text direction turned 90°), laid level: per cell, its quarter-turned characters in
    reading order (upwards: columns left to right, each from the bottom; downwards: columns right to
    left, each from the top), as one level run of characters for chars_to_lines. Turned text outside
    a table is not read (a seal, a margin note)."""
    got: dict[tuple[int, int], list[tuple[int, dict]]] = {}
    for ch in chars:
        if ch.get("upright", True) or not ch["text"].strip():
            continue
        turn = _turn(ch)
        if not turn:
            continue
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for ti, t in enumerate(tables):
            x0, top, x1, bottom = t.bbox
            if x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1:
                ci = index[ti].cell_of(cx, cy)
                if ci is not None:
                    got.setdefault((ti, ci), []).append((turn, ch))
                break
    out: dict[tuple[int, int], list[dict]] = {}
    for key, turned in got.items():
        size = max((ch.get("size") or 0.0) for _, ch in turned) or 10.0
        up = sum(t for t, _ in turned) > 0

        def order(item, up=up, size=size):
            ch = item[1]
            column = round((ch["x0"] + ch["x1"]) / 2 / size)
            return (column, -ch["top"]) if up else (-column, ch["top"])

        x0, top, x1, bottom = tables[key[0]].cells[key[1]]
        y = (top + bottom) / 2 - size / 2
        level_run = []
        for k, (_, ch) in enumerate(sorted(turned, key=order)):
            level_run.append({"text": map_radicals(ch["text"]), "x0": x0 + k * size, "x1": x0 + (k + 1) * size,
                              "top": y, "bottom": y + size, "size": size, "upright": True})
        out[key] = level_run
    return out


class _PdfReader:
    def __init__(self, path: Path):
        self.path = path
        self.doc = Document(source=str(path), format="pdf")
        self.page_lines: dict[int, list[Line]] = {}
        self.page_tables: dict[int, list[RawTable]] = {}
        self.page_size: dict[int, tuple[float, float]] = {}

    # -- per page ---------------------------------------------------------------------------
    def read_page(self, page, number: int) -> None:
        w, h = float(page.width), float(page.height)
        self.page_size[number] = (w, h)
        chars = [{**c, "text": map_radicals(c["text"])} for c in page.chars
                 if c.get("upright", True) and c["text"].strip()
                 and ("matrix" not in c or level(c["matrix"][0], c["matrix"][1]))]
        pg = Page(number=number, width=w, height=h)
        self.doc.pages.append(pg)
        if len(chars) < 5:
            covered = sum((im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) for im in page.images)
            if covered > 0.3 * w * h or (not chars and page.images):
                pg.scanned = True
            self.page_lines[number] = chars_to_lines(chars)
            self.page_tables[number] = []
            return
        raw_tables: list[RawTable] = []
        try:
            found = page.find_tables({**_TABLE_SETTINGS, "explicit_horizontal_lines": _closing_lines(page)})
        except Exception:  # a malformed drawing must not lose the page's text
            found = []
        for t in found:
            cells = [tuple(map(float, c)) for c in t.cells if c]
            if cells:  # a lone cell is a framed text box unless it continues a table (see build)
                raw_tables.append(RawTable(page=number, bbox=tuple(map(float, t.bbox)), cells=cells))
        raw_tables.sort(key=lambda t: t.bbox[1])
        index = [_CellIndex(t.cells) for t in raw_tables]
        outside: list[dict] = []
        buckets: dict[tuple[int, int], list[dict]] = {}
        last: tuple[dict, int, int] | None = None  # the previous character placed in a cell
        for ch in chars:
            cx = (ch["x0"] + ch["x1"]) / 2
            cy = (ch["top"] + ch["bottom"]) / 2
            placed = False
            for ti, t in enumerate(raw_tables):
                x0, top, x1, bottom = t.bbox
                if x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1:
                    ci = index[ti].cell_of(cx, cy)
                    if ci is not None:
                        if last is not None and _overflows(last, ch, ti, ci, raw_tables[ti].cells):
                            ci = last[2]
                        buckets.setdefault((ti, ci), []).append(ch)
                        last = (ch, ti, ci)
                        placed = True
                    break
            if not placed:
                outside.append(ch)
                last = None
        for (ti, ci), cs in buckets.items():
            raw_tables[ti].lines[ci] = chars_to_lines(cs)
        for (ti, ci), cs in _turned_cells(page.chars, raw_tables, index).items():
            if ci not in raw_tables[ti].lines:  # a cell with level text keeps only that
                raw_tables[ti].lines[ci] = chars_to_lines(cs)
        self.page_lines[number] = chars_to_lines(outside)
        self.page_tables[number] = raw_tables

    def take(self, layout: PageLayout) -> None:
        """A page read by another reader (OCR): its lines and tables replace what the text layer
        gave, and its page record says how it was read."""
        num = layout.number
        self.page_size[num] = (layout.width, layout.height)
        self.page_lines[num] = layout.lines
        self.page_tables[num] = layout.tables
        pg = self.doc.pages[num - 1]
        pg.width, pg.height = layout.width, layout.height
        if layout.ocr is not None:
            pg.ocr = True
            pg.ocr_confidence = round(layout.ocr.confidence, 3)
            pg.rotation, pg.skew, pg.words = layout.ocr.rotation, layout.ocr.skew, layout.ocr.words

    # -- whole document ---------------------------------------------------------------------
    def drop_running_lines(self) -> None:
        """Page numbers and running headers/footers: in the page margins, and page-number-like or
        repeated on many pages."""
        n = len(self.page_lines)
        band_texts: Counter[str] = Counter()
        # where each band text stands: a running header or footer stands at the same height on every
        # page it is on, which tells it apart even in a two-page report (too few pages to count)
        placed: Counter[tuple[str, int]] = Counter()
        for num, lines in self.page_lines.items():
            band, h = _margin_band(self.page_size[num], MARGIN_BAND), self.page_size[num][1]
            for ln in lines:
                if ln.top < band or ln.bottom > h - band:
                    key = regex.sub(r"\d+", "#", ln.text.strip())
                    band_texts[key] += 1
                    placed[(key, round(ln.top / _SAME_PLACE))] += 1
        for num, lines in self.page_lines.items():
            band, h = _margin_band(self.page_size[num], MARGIN_BAND), self.page_size[num][1]
            scan_band = _margin_band(self.page_size[num], SCAN_BAND)
            keep = []
            for ln in lines:
                in_band = ln.top < band or ln.bottom > h - band
                if not in_band and self.doc.pages[num - 1].ocr:  # a skewed or shrunk scan: wider margins
                    in_band = (ln.top < scan_band or ln.bottom > h - scan_band) and bool(_PAGE_NO.match(ln.text))
                key = regex.sub(r"\d+", "#", ln.text.strip())
                if in_band and (_PAGE_NO.match(ln.text) or (n >= 3 and band_texts[key] >= max(3, n // 2))
                                or placed[(key, round(ln.top / _SAME_PLACE))] >= 2):
                    continue
                keep.append(ln)
            self.page_lines[num] = keep

    def build(self) -> None:
        pending: Table | None = None  # a table that may continue on the next page
        pending_bottom_ok = False
        everything = [ln for lines in self.page_lines.values() for ln in lines]
        widths = {num: self.page_size[num][0] for num in self.page_lines}
        left, right_offset = _margins(self.page_lines, widths)
        body = _body_size(everything)
        for num in sorted(self.page_lines):
            lines = self.page_lines[num]
            margins = (left, widths[num] + right_offset) if everything else (0.0, 0.0)
            tables = self.page_tables[num]
            items: list[tuple[float, object]] = [(t.bbox[1], t) for t in tables]
            paras = _paragraphs(lines, num, margins, body)
            items += [(p.bbox[1] if p.bbox else 0.0, p) for p in paras]
            items.sort(key=lambda it: it[0])
            for pos, (_, item) in enumerate(items):
                if isinstance(item, RawTable):
                    continues = (pending is not None and pending_bottom_ok and pos == 0
                                 and _compatible(pending, item, loose=self.doc.pages[num - 1].ocr))
                    if len(item.cells) == 1 and not continues:
                        for p in _paragraphs([ln for ls in item.lines.values() for ln in ls], num, margins, body):
                            self._add_paragraph(p, first_on_page=False)
                        pending, pending_bottom_ok = None, False
                        continue
                    if continues:
                        _append_rows(pending, item)
                    else:
                        pending = _to_table(item)
                        self.doc.blocks.append(pending)
                    pending_bottom_ok = pos == len(items) - 1
                else:
                    self._add_paragraph(item, first_on_page=(pos == 0))
                    pending = None
                    pending_bottom_ok = False
        for t in self.doc.tables:
            _finish(t)
        self.doc.renumber()

    def _add_paragraph(self, p: Paragraph, first_on_page: bool) -> None:
        prev = self.doc.blocks[-1] if self.doc.blocks else None
        if (first_on_page and isinstance(prev, Paragraph) and prev.page is not None and p.page == prev.page + 1
                and getattr(prev, "_open", False) and not getattr(p, "_indented", False)
                and not _HEADING.match(p.raw)):
            # a paragraph running on over the page break
            prev.raw = prev.raw + "\n" + p.raw
            prev.text = normalize(prev.raw)
            prev._open = getattr(p, "_open", False)  # type: ignore[attr-defined]
            return
        self.doc.blocks.append(p)


def _closing_lines(page) -> list[dict]:
    """Rows cut by a page break are left open by some producers (browsers draw no border where the
    row is cut): close them with a rule where the table's vertical rules start and end."""
    verts = [e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] >= 8]
    if len(verts) < 2:
        return []
    horiz = [e for e in page.edges if e["orientation"] == "h"]
    out = []
    for y in (min(e["top"] for e in verts), max(e["bottom"] for e in verts)):
        ends = [e for e in verts if abs(e["top"] - y) < 2 or abs(e["bottom"] - y) < 2]
        if len(ends) < 2:
            continue
        x0, x1 = min(e["x0"] for e in ends), max(e["x1"] for e in ends)
        if any(abs(h["top"] - y) < 2 and h["x0"] <= x0 + 2 and h["x1"] >= x1 - 2 for h in horiz):
            continue
        out.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0,
                    "orientation": "h", "object_type": "line"})
    return out


_FIGURE_CHAR = frozenset("0123456789.,%")


def _overflows(last: tuple[dict, int, int], ch: dict, ti: int, ci: int, cells) -> bool:
    """A figure too wide for its cell runs on over the cell's right border (a browser's table does
    not wrap "1985.36"; its "6" lands in the next cell). A digit set flush against the previous one,
    on its line, beyond the border of the cell that one sits in, belongs to that cell: the figures of
    two cells are apart by the cells' padding (a point or more even where a browser squeezes them)."""
    prev, pti, pci = last
    if pti != ti or pci == ci or ch["text"] not in _FIGURE_CHAR or prev["text"] not in _FIGURE_CHAR:
        return False
    size = max(float(ch.get("size") or 0.0), ch["bottom"] - ch["top"], 1.0)
    if abs(ch["top"] - prev["top"]) > 0.2 * size or abs(ch["x0"] - prev["x1"]) > 0.05 * size:
        return False
    return ch["x0"] + 0.5 >= cells[pci][2]


class _CellIndex:
    """A table's cells by horizontal band: a character is looked up among the cells of its band,
    not all of the table's."""

    def __init__(self, cells: list[tuple[float, float, float, float]]):
        self.cells = cells
        self.ys = sorted({v for _, top, _, bottom in cells for v in (top - 0.5, bottom + 0.5)})
        self.bands: list[list[int]] = [[] for _ in self.ys]
        for i, (_, top, _, bottom) in enumerate(cells):
            # band k is [ys[k], ys[k+1]); a cell reaches into band `hi` at its closed bottom edge
            for k in range(bisect.bisect_left(self.ys, top - 0.5), bisect.bisect_left(self.ys, bottom + 0.5) + 1):
                self.bands[k].append(i)

    def cell_of(self, cx: float, cy: float) -> int | None:
        """The smallest cell holding the point (half a point of slack), the first of equals."""
        k = bisect.bisect_right(self.ys, cy) - 1
        if k < 0:
            return None
        best = None
        best_area = None
        cells = self.cells
        for i in self.bands[k]:
            x0, top, x1, bottom = cells[i]
            if x0 - 0.5 <= cx <= x1 + 0.5 and top - 0.5 <= cy <= bottom + 0.5:
                area = (x1 - x0) * (bottom - top)
                if best_area is None or area < best_area:
                    best, best_area = i, area
        return best


def _compatible(prev: Table, nxt: RawTable, loose: bool = False) -> bool:
    """Same outer edges: the table runs on from the previous page. On a scanned page (`loose`)
    the sheet may have moved in the feeder: the same width, wherever it now sits."""
    if prev.bbox is None:
        return False
    last_box = getattr(prev, "_last_bbox", prev.bbox)
    if abs(last_box[0] - nxt.bbox[0]) < 6 and abs(last_box[2] - nxt.bbox[2]) < 6:
        return True
    w0, w1 = last_box[2] - last_box[0], nxt.bbox[2] - nxt.bbox[0]
    return loose and w0 > 0 and abs(w1 - w0) <= 0.03 * w0 and abs(last_box[0] - nxt.bbox[0]) < 60


def _cells_with_text(rt: RawTable) -> list[tuple[tuple[float, float, float, float], list[Line]]]:
    return [(box, rt.lines.get(i, [])) for i, box in enumerate(rt.cells)]


def _to_table(rt: RawTable) -> Table:
    t = Table(index=0, cells=[], n_rows=0, n_cols=0, pages=[rt.page], bbox=rt.bbox)
    t._parts = [(rt.page, 0.0, _cells_with_text(rt), (1.0, 0.0))]  # type: ignore[attr-defined]
    t._xmap = (1.0, 0.0)  # type: ignore[attr-defined]
    t._last_bbox = rt.bbox  # type: ignore[attr-defined]
    t._offset = rt.bbox[3]  # type: ignore[attr-defined]
    return t


def _append_rows(t: Table, rt: RawTable) -> None:
    parts = t._parts  # type: ignore[attr-defined]
    offset = t._offset - rt.bbox[1]  # type: ignore[attr-defined]
    # x on this page → x on the first page: the previous part's outer edges map onto this one's
    # (the identity for a text PDF; a scan's sheet moves and stretches a little from page to page)
    last, (k0, d0) = t._last_bbox, t._xmap  # type: ignore[attr-defined]
    a0, a1 = last[0] * k0 + d0, last[2] * k0 + d0
    w = rt.bbox[2] - rt.bbox[0]
    k = (a1 - a0) / w if w > 0 else 1.0
    xmap = (k, a0 - rt.bbox[0] * k)
    t._xmap = xmap  # type: ignore[attr-defined]
    parts.append((rt.page, offset, _cells_with_text(rt), xmap))
    t._offset = rt.bbox[3] + offset  # type: ignore[attr-defined]
    t._last_bbox = rt.bbox  # type: ignore[attr-defined]
    if rt.page not in t.pages:
        t.pages.append(rt.page)


def _regrid(t: Table) -> None:
    """Rebuild rows and columns from all cell boxes of all page parts (y shifted so parts stack)."""
    boxes = []
    for page, off, cells, (k, d) in t._parts:  # type: ignore[attr-defined]
        for box, lines in cells:
            x0, top, x1, bottom = box
            boxes.append((page, (x0 * k + d, top + off, x1 * k + d, bottom + off), box, lines))
    xs = _grid_axis([b[1][0] for b in boxes] + [b[1][2] for b in boxes])
    ys = _grid_axis([b[1][1] for b in boxes] + [b[1][3] for b in boxes])
    cells: list[Cell] = []
    for page, (x0, top, x1, bottom), box, lines in boxes:
        c0, c1 = _idx(xs, x0), _idx(xs, x1)
        r0, r1 = _idx(ys, top), _idx(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        raw = lines_text(lines)
        # raw keeps the file's line breaks (quotes); the text is the figure the cell holds
        text = normalize(forced_figure(lines, box) or raw)
        cells.append(Cell(row=r0, col=c0, raw=raw, text=text, row_span=r1 - r0, col_span=c1 - c0,
                          page=page, bbox=box))
    t.cells = sorted(cells, key=lambda c: (c.row, c.col))
    t.n_rows, t.n_cols = max(len(ys) - 1, 0), max(len(xs) - 1, 0)
    _compact(t)
    t._grid = None


def _compact(t: Table) -> None:
    """Drop grid rows/columns that start no cell (slivers from double borders)."""
    row_starts = sorted({c.row for c in t.cells})
    col_starts = sorted({c.col for c in t.cells})
    rmap = {r: i for i, r in enumerate(row_starts)}
    cmap = {c: i for i, c in enumerate(col_starts)}

    def remap(start: int, span: int, mapping: dict[int, int], total: int) -> int:
        end = start + span
        nxt = [v for k, v in mapping.items() if k >= end]
        return (min(nxt) if nxt else total) - mapping[start]

    for c in t.cells:
        c.row_span = remap(c.row, c.row_span, rmap, len(row_starts))
        c.col_span = remap(c.col, c.col_span, cmap, len(col_starts))
        c.row, c.col = rmap[c.row], cmap[c.col]
    t.n_rows, t.n_cols = len(row_starts), len(col_starts)


def _finish(t: Table) -> None:
    """Grid the stacked parts, then repair each page boundary in order (a row cut by two breaks
    is joined part by part; boundary rows are looked up afresh after each repair)."""
    _regrid(t)
    for page in t.pages[1:]:
        rows = [c.row for c in t.cells if c.page == page]
        if not rows:
            continue
        b = min(rows)
        if b == 0:
            continue
        _drop_repeated_header(t, b)  # then the row now at b continues the one above
        if b < t.n_rows and not _merge_split_row(t, b):
            _continue_vertical_merges(t, b)


def _delete_row(t: Table, b: int) -> None:
    t.cells = [c for c in t.cells if c.row != b]
    for c in t.cells:
        if c.row > b:
            c.row -= 1
        elif c.row + c.row_span > b:
            c.row_span -= 1
    t.n_rows -= 1
    t._grid = None


def _drop_repeated_header(t: Table, b: int) -> bool:
    """A header row repeated at the top of a continuation page is dropped."""
    row = [c.text for c in t.row_cells(b)]
    if not any(row) or not all(c.row == b for c in t.row_cells(b)):
        return False
    # the repeated header is the table's first row, or the header of the block being continued
    for r in range(0, b):
        if [c.text for c in t.row_cells(r)] == row and all(c.row == r for c in t.row_cells(r)):
            _delete_row(t, b)
            return True
    return False


def _continue_vertical_merges(t: Table, b: int) -> None:
    """A vertically merged cell (an indicator level grouping its rows) cut by the page break leaves
    a second cell on the new page: empty, or holding the rest of the label ("效益指标（30" above,
    "分）" below). Joined where the grouping is certain: the cell below is empty and one of the two
    spans rows, or the column groups rows elsewhere in the table; or the cell below closes a
    bracket the cell above left open. An empty cell in a column that groups nothing stays (a blank
    score on the new page is a blank, not a continuation)."""
    grouping = {c.col for c in t.cells if c.row_span > 1}
    for c in [c for c in t.cells if c.row == b]:
        p = next((q for q in t.cells if q.col == c.col and q.col_span == c.col_span
                  and q.row + q.row_span == b), None)
        if p is None:
            continue
        if c.text:
            if not (_open_brackets(p.text) > 0 and _open_brackets(c.text) < 0):
                continue
            p.raw = f"{p.raw}\n{c.raw}"
            p.text = normalize(p.raw)  # as a row cut by the break is joined (_merge_split_row)
        elif not (p.row_span > 1 or (c.row_span > 1 and p.text) or (p.text and c.col in grouping)):
            continue
        p.row_span += c.row_span
        t.cells.remove(c)
    t._grid = None


def _open_brackets(text: str) -> int:
    return sum(text.count(x) for x in "（(") - sum(text.count(x) for x in "）)")


def _merge_split_row(t: Table, b: int) -> bool:
    """A row that the page break cut in two (LibreOffice, Word): the part on the new page has the
    same cells as the row above, with its label cells empty. Join them back into one row."""
    pairs = []
    for c in t.cells:
        if c.row != b:
            continue
        p = next((q for q in t.cells if q.col == c.col and q.col_span == c.col_span
                  and q.row + q.row_span == b), None)
        if p is None:
            return False
        pairs.append((p, c))
    if not pairs:
        return False
    own = [(p, c) for p, c in pairs if p.row == b - 1]
    label_cut = any(p.text and not c.text for p, c in own)
    numbers_both = any(p.text and c.text and regex.fullmatch(r"[\d.,%％\-—]+", c.text) for p, c in own)
    if not label_cut or numbers_both:
        return False
    for p, c in pairs:
        if c.raw.strip():
            p.raw = f"{p.raw}\n{c.raw}" if p.raw.strip() else c.raw
            p.text = normalize(p.raw)
        p.row_span += c.row_span
    t.cells = [c for c in t.cells if c.row != b]
    for c in t.cells:
        if c.row > b:
            c.row -= 1
    for p, _ in pairs:
        p.row_span -= 1
    t.n_rows -= 1
    t._grid = None
    return True


def _margins(page_lines: dict[int, list[Line]], widths: dict[int, float]) -> tuple[float, float]:
    """The body text's left edge and its right edge's offset from the page's right side, from the
    whole document (a page of short lines alone would make every line look full). The right edge is
    kept as an offset so that it holds on pages of another width: a report whose 自评表 sits in a
    landscape section has portrait and landscape pages with the same margins."""
    lefts = Counter(round(ln.x0) for lines in page_lines.values() for ln in lines)
    if not lefts:
        return 0.0, 0.0
    left = float(min(v for v, n in lefts.items() if n >= max(lefts.values()) * 0.5))
    rights = sorted(ln.x1 - widths[num] for num, lines in page_lines.items() for ln in lines)
    return left, rights[int(len(rights) * 0.9)]


def _body_size(lines: list[Line]) -> float:
    """The body text's font size: the size most lines are set in."""
    sizes = Counter(round(ln.size) for ln in lines)
    return float(sizes.most_common(1)[0][0]) if sizes else 0.0


def _wrapped_title(prev: Line, ln: Line, left: float, right: float, body: float) -> bool:
    """A title set larger than the body that wrapped: the line above filled the text width and this
    one, in the same size, is centred under it (its own indent is the centring, not a new paragraph)."""
    size = max(prev.size, ln.size, 1.0)
    return (prev.size >= body + 2 and abs(ln.size - prev.size) <= 1.0
            and prev.x0 <= left + 1.5 * size and prev.x1 >= right - 1.5 * size
            and abs((ln.x0 + ln.x1) / 2 - (left + right) / 2) <= size)


def _paragraphs(lines: list[Line], page: int, margins: tuple[float, float], body: float = 0.0) -> list[Paragraph]:
    if not lines:
        return []
    left = min(margins[0], min(ln.x0 for ln in lines))
    right = max(margins[1], max(ln.x1 for ln in lines) if len(lines) > 3 else margins[1])
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:]) if b.top > a.bottom]
    typical = statistics.median(gaps) if gaps else 0.0
    groups: list[list[Line]] = []
    for ln in lines:
        if not groups:
            groups.append([ln])
            continue
        prev = groups[-1][-1]
        size = max(prev.size, ln.size, 1.0)
        gap = ln.top - prev.bottom
        new = (
            gap > typical + 0.6 * size
            or (ln.x0 > left + 1.2 * size and not _wrapped_title(prev, ln, left, right, body))  # first-line indent
            or prev.x1 < right - 1.5 * size  # previous line stopped short: it ended a paragraph
            or abs(ln.size - prev.size) > 1.0
            or bool(_HEADING.match(ln.text))
            or ln.top < prev.top - 1  # column jump
        )
        if new:
            groups.append([ln])
        else:
            groups[-1].append(ln)
    out = []
    for g in groups:
        raw = lines_text(g)
        if not raw.strip():
            continue
        p = Paragraph(index=0, raw=raw, text=normalize(raw), page=page,
                      bbox=(min(x.x0 for x in g), g[0].top, max(x.x1 for x in g), g[-1].bottom))
        last = g[-1]
        p._open = last.x1 >= right - 1.5 * last.size and not raw.rstrip().endswith(tuple(_END_PUNCT))  # type: ignore[attr-defined]
        p._indented = g[0].x0 > left + 1.2 * g[0].size  # type: ignore[attr-defined]
        out.append(p)
    return out


def read_layout_pages(pages, source: str, fmt: str) -> Document:
    """A Document from pages of another fixed-layout format shaped like pdfplumber's (width, height,
    chars, edges, images, find_tables): the same tables, paragraphs and page-break repairs as a PDF."""
    reader = _PdfReader(Path(source))
    reader.doc.format = fmt
    for i, page in enumerate(pages, start=1):
        reader.read_page(page, i)
    try:
        reader.drop_running_lines()
        reader.build()
    except RecursionError as exc:
        raise errors.InputError(f"文件结构异常，无法解析：{source}", f"malformed structure: {source}") from exc
    set_captions(reader.doc)
    return reader.doc


READERS = ("pdfium", "pdfplumber")
DEFAULT_READER = "pdfium"  # every sample reads the same both ways (tests/test_pdf_readers.py)


def reader_name(reader: str | None = None) -> str:
    """Which text-layer reader reads PDF pages: the argument, else PECHECK_PDF_READER, else the
    default. pdfium (pypdfium2) lays pages out in C; pdfplumber (pdfminer) is the older path."""
    name = (reader or os.environ.get("PECHECK_PDF_READER") or DEFAULT_READER).strip().lower()
    if name not in READERS:
        raise errors.InputError(f"未知的 PDF 读取方式：{name}（可选：{'、'.join(READERS)}）",
                                f"unknown PDF reader {name!r}; choose one of {', '.join(READERS)}")
    return name


def _guard(refuse_bombs: PdfBombGuard, page) -> None:
    try:
        refuse_bombs(page)
    except errors.InputError:
        raise
    except Exception:  # the guard only measures; the reader decides what is readable
        pass


class _Fallback(Exception):
    """pdfium cannot open or read the file or one of its pages that pdfminer reads: the whole file
    is read the older way, so a damaged file fares no worse than before."""


def _read_pages_pdfium(reader: _PdfReader, pdf, path: Path, password: str | None, refuse_bombs) -> None:
    """Text and drawing from pdfium. A bomb is refused before pdfium inflates it: an unencrypted
    file by a scan of its streams, an encrypted one by pdfminer (already open) walking each page's
    resources, as on the older path."""
    import pypdfium2 as pdfium

    from checker.read.pdfium import PdfiumPage

    per_page = bool(getattr(pdf.doc, "encryption", None))
    if not per_page:
        guard_pdf_streams(path)
    try:
        doc = pdfium.PdfDocument(str(path), password=password or None)
    except Exception as exc:
        raise _Fallback from exc
    try:
        if len(doc) != len(pdf.pages):  # a damaged page tree that the two parsers repair differently
            raise _Fallback
        for i, plumber_page in enumerate(pdf.pages, start=1):
            if per_page:
                _guard(refuse_bombs, plumber_page)
            try:
                page = doc[i - 1]
            except Exception as exc:
                raise _Fallback from exc
            try:
                reader.read_page(PdfiumPage(page, i), i)
            except errors.InputError:
                raise
            except Exception as exc:
                raise _Fallback from exc
            finally:
                page.close()
    finally:
        doc.close()


def read_pdf(path: Path, ocr: str = "auto", password: str | None = None, progress=None,
             reader_kind: str | None = None) -> Document:
    kind = reader_name(reader_kind)
    refuse_bombs = PdfBombGuard(path)

    pdf = _open(path, password)
    encrypted = bool(password) and bool(getattr(pdf.doc, "encryption", None))
    reader = _PdfReader(path)
    try:
        try:
            reader.doc.producer = str((pdf.metadata or {}).get("Producer", ""))[:200]
        except Exception:  # a broken Info dictionary costs only the producer name
            reader.doc.producer = ""
        if kind == "pdfium":
            try:
                _read_pages_pdfium(reader, pdf, path, password, refuse_bombs)
            except _Fallback:
                producer = reader.doc.producer
                reader = _PdfReader(path)
                reader.doc.producer = producer
                kind = "pdfplumber"
        if kind == "pdfplumber":
            for i, page in enumerate(pdf.pages, start=1):
                _guard(refuse_bombs, page)
                try:
                    reader.read_page(page, i)
                except errors.InputError:
                    raise
                except Exception as exc:
                    raise errors.pdf_failure(exc, path, page=i) from exc
                page.flush_cache()
    finally:
        try:
            pdf.close()
        except Exception:  # never let closing hide the real outcome
            pass
    scanned = [p.number for p in reader.doc.pages if p.scanned]
    if encrypted and (ocr == "force" or (scanned and ocr != "off")):
        # the OCR step renders the file itself and has no password to give it
        raise errors.InputError(f"加密 PDF 的扫描页暂不支持 OCR，请去除密码后再检查：{path}",
                                f"OCR of an encrypted scanned PDF is not supported; remove the password first: {path}")
    if ocr == "force" or (scanned and ocr != "off"):
        from checker.read.ocr import ocr_pages  # optional extra

        todo = scanned if ocr == "auto" else [p.number for p in reader.doc.pages]
        for layout in ocr_pages(path, todo, reader.page_size, progress=progress):
            reader.take(layout)
    try:
        reader.drop_running_lines()
        reader.build()
    except RecursionError as exc:
        raise errors.pdf_failure(exc, path) from exc
    doc = reader.doc
    if doc.scanned_pages and not any(b for b in doc.blocks):
        if ocr == "off":
            raise errors.ScannedInput(
                f"这是扫描件（{len(doc.scanned_pages)} 页无文字层），而 OCR 已用 --ocr off 关闭：请改用 --ocr auto"
                f"（需先{errors.OCR_INSTALL_ZH}）",
                f"scanned PDF and OCR is off; use --ocr auto ({errors.OCR_INSTALL_EN})")
        raise errors.ScannedInput(
            f"这是扫描件（{len(doc.scanned_pages)} 页无文字层），需要 OCR：请{errors.OCR_INSTALL_ZH}后使用 --ocr auto",
            f"scanned PDF without a text layer; install the OCR extra: {errors.OCR_INSTALL_EN}")
    if not any(b.text.strip() if isinstance(b, Paragraph) else b.cells for b in doc.blocks):
        if any(p.ocr for p in doc.pages):
            raise errors.InputError(f"扫描件经 OCR 未识别出任何文字（{doc.n_pages} 页）：{path}",
                                    f"OCR found no text on the {doc.n_pages} scanned pages: {path}")
        raise errors.InputError(f"PDF 的 {doc.n_pages} 页中没有任何文字（空白页，或文字已转为图形）：{path}",
                                f"no text on any of the {doc.n_pages} pages (blank, or text as outlines): {path}")
    if doc.scanned_pages:
        doc.warnings.append(f"scanned-pages:{','.join(map(str, doc.scanned_pages))}")
    set_captions(doc)
    return doc
