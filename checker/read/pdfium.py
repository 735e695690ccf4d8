"""PDF pages through pypdfium2, in the shape the PDF reader takes from pdfplumber.

pdfium lays out a page's text in C, about fifteen times faster than pdfminer does in Python. Each
page becomes an object with pdfplumber's attributes (`width`, `height`, `chars`, `edges`, `images`,
`find_tables`), measured the way pdfminer measures, so `pdf._PdfReader` builds the same document
from either:

- a character's box runs from its origin to its advance width (pdfium's loose box, which is the
  advance box joined with the glyph's ink), its bottom on the baseline and its height the font size
  (pdfminer's box when the font declares no descent);
- ruling lines are the straight segments of path objects, split and classified as pdfminer does
  (a closed four-sided axis-aligned subpath is a rectangle, two points a line, the rest a curve),
  then turned into edges as pdfplumber does, so pdfplumber's own `TableFinder` finds the tables;
- page rotation and the media box origin are applied as pdfminer applies them.

Only ctypes calls the reading needs are made per character (origin, loose box, text object): that
is where the time goes.
"""

from __future__ import annotations

import ctypes
import math
from functools import cached_property

from checker.read.layout import level, quarter_turn

_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2
_EPS = 1e-3  # pdfium keeps points as 32-bit floats: "the same coordinate" within this
_MAX_DEPTH = 12  # nested form XObjects followed this deep
_MAX_SEGMENTS = 200_000  # path segments read per page; beyond this a page is drawing, not a table
# Text filled see-through (opacity below 70 %) is a watermark laid over the page ("内部资料", "草稿",
# a department's name), as Acrobat, WPS and Word's 半透明 watermarks draw it; the report's own text is
# opaque. Read into the lines it crosses, a level watermark garbled figures and labels ("广部场演出2资0场";
# a sample set with one fell to 77 % recall, 66 % precision). Only pdfium reports opacity: the older
# pdfminer path reads such text (its limit).
_FAINT_ALPHA = int(0.7 * 255)


def _rot_ctm(rotation: int, box: tuple[float, float, float, float]) -> tuple[float, ...]:
    """pdfminer's initial matrix for a page: user space → upright page, origin bottom-left."""
    x0, y0, x1, y1 = box
    if rotation == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1)
    if rotation == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0)


def _mul(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


class PdfiumPage:
    """One page in pdfplumber's shape: what `pdf._PdfReader.read_page` needs."""

    def __init__(self, page, number: int):
        import pypdfium2.raw as raw

        self._raw = raw
        self._page = page
        self.page_number = number
        rotation = page.get_rotation() % 360
        mb = tuple(float(v) for v in page.get_mediabox())
        box = (min(mb[0], mb[2]), min(mb[1], mb[3]), max(mb[0], mb[2]), max(mb[1], mb[3]))
        self.rotation = rotation
        w, h = box[2] - box[0], box[3] - box[1]
        self.width, self.height = (h, w) if rotation in (90, 270) else (w, h)
        self._ctm = _rot_ctm(rotation, box)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    def _pt(self, x: float, y: float) -> tuple[float, float]:
        """User space → (x, top) on the upright page, origin top-left."""
        a, b, c, d, e, f = self._ctm
        return a * x + c * y + e, self.height - (b * x + d * y + f)

    # -- characters ----------------------------------------------------------------------------
    @cached_property
    def chars(self) -> list[dict]:
        raw = self._raw
        tp = raw.FPDFText_LoadPage(self._page)
        if not tp:
            return []
        try:
            return self._chars(tp)
        finally:
            raw.FPDFText_ClosePage(tp)

    def _text(self, tp, n: int) -> str:
        raw = self._raw
        buf = ctypes.create_string_buffer(2 * (n + 1))
        got = raw.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
        text = buf.raw[:2 * max(got - 1, 0)].decode("utf-16-le", errors="replace")
        if len(text) == n:
            return text
        # astral characters (two UTF-16 units) or skipped control characters: one by one
        return "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(n))

    def _chars(self, tp) -> list[dict]:
        raw = self._raw
        n = raw.FPDFText_CountChars(tp)
        if n <= 0:
            return []
        text = self._text(tp, n)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        box = raw.FS_RECTF()
        p_ox, p_oy, p_box = ctypes.byref(ox), ctypes.byref(oy), ctypes.byref(box)
        get_origin, get_box = raw.FPDFText_GetCharOrigin, raw.FPDFText_GetLooseCharBox
        get_obj = _as_address(raw.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_int)
        obj_type = raw.FPDFText_GetTextObject.restype
        ra, rb, rc, rd, re, rf = self._ctm
        height = self.height
        fs, width = ctypes.c_float(), ctypes.c_float()
        p_width = ctypes.byref(width)
        mat = raw.FS_MATRIX()
        red, green, blue, alpha = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
        p_r, p_g, p_b, p_a = ctypes.byref(red), ctypes.byref(green), ctypes.byref(blue), ctypes.byref(alpha)
        get_width = raw.FPDFFont_GetGlyphWidth
        runs: dict[int, tuple] = {}  # text object → (size, upright, font, font size, x scale, quarter turn)
        widths: dict[tuple[int, str], float] = {}  # (font, character) → advance at 1 pt, 0 if unknown
        out = []
        prev_key = prev_origin = None
        for i in range(n):
            ch = text[i]
            if ch == "\ufffe":  # pdfium's mark for a hyphen that ends a line
                ch = "-"
            if not ch.strip():
                prev_key = None
                continue
            key = get_obj(tp, i) or 0
            get_origin(tp, i, p_ox, p_oy)
            origin = (ox.value, oy.value)
            if key == prev_key and origin == prev_origin and out:
                # one glyph mapped to several characters ("——", a ligature): pdfminer keeps it as
                # one character with all its text, and so does this reader
                out[-1]["text"] += ch
                continue
            prev_key, prev_origin = key, origin
            run = runs.get(key)
            if run is None:
                run = (0.0, True, None, 0.0, 0.0, 0)
                obj = ctypes.cast(key, obj_type)
                if key and raw.FPDFPageObj_GetFillColor(obj, p_r, p_g, p_b, p_a) and alpha.value < _FAINT_ALPHA:
                    run = (0.0, False, None, 0.0, 0.0, 0)  # see _FAINT_ALPHA
                elif key and raw.FPDFTextObj_GetFontSize(obj, fs) and raw.FPDFPageObj_GetMatrix(obj, mat):
                    a, b, c, d = mat.a, mat.b, mat.c, mat.d
                    # the character's matrix on the upright page, as pdfminer tests it
                    a2, b2, c2, d2 = a * ra + b * rc, a * rb + b * rd, c * ra + d * rc, c * rb + d * rd
                    # (and runs along its line: a turned watermark or seal is not read, see layout.level)
                    upright = a2 * d2 > 0 and b2 * c2 <= 0 and level(a2, b2)
                    size = fs.value * (abs(d2) if upright else math.hypot(c2, d2))
                    font = raw.FPDFTextObj_GetFont(obj)
                    run = (size, upright, font, fs.value, abs(a2), quarter_turn(a2, b2))
                runs[key] = run
            size, upright, font, fsize, xscale, turn = run
            x, y = origin
            X = ra * x + rc * y + re
            base = height - (rb * x + rd * y + rf)
            if not upright:
                out.append({"text": ch, "x0": X, "x1": X, "top": base, "bottom": base,
                            "size": size, "upright": False, "turn": turn, "object_type": "char"})
                continue
            # the advance width, as pdfminer measures a character; pdfium's loose box is the advance
            # joined with the ink, so it serves only where the font cannot say
            wkey = (ctypes.cast(font, ctypes.c_void_p).value or 0, ch)
            adv = widths.get(wkey)
            if adv is None:
                adv = 0.0
                if font and len(ch) == 1 and get_width(font, ord(ch), 1.0, p_width) and width.value > 0:
                    adv = width.value
                widths[wkey] = adv
            if adv > 0:
                x1 = X + adv * fsize * xscale
            else:
                get_box(tp, i, p_box)
                xs = (ra * box.left + rc * box.bottom, ra * box.right + rc * box.top,
                      ra * box.left + rc * box.top, ra * box.right + rc * box.bottom)
                x1 = max(max(xs) + re, X)
            out.append({"text": ch, "x0": X, "x1": x1, "top": base - size, "bottom": base,
                        "size": size, "upright": True, "object_type": "char"})
        return out

    # -- drawing -------------------------------------------------------------------------------
    def _walk(self):
        """(type, object, matrix to the upright page) for every object, forms followed."""
        raw = self._raw
        mat = raw.FS_MATRIX()
        todo = [(raw.FPDFPage_CountObjects(self._page), lambda i: raw.FPDFPage_GetObject(self._page, i),
                 self._ctm, 0)]
        while todo:
            count, get, ctm, depth = todo.pop()
            for i in range(count):
                obj = get(i)
                kind = raw.FPDFPageObj_GetType(obj)
                if kind not in (_PATH, _IMAGE, _FORM):
                    continue
                if not raw.FPDFPageObj_GetMatrix(obj, mat):
                    continue
                m = _mul((mat.a, mat.b, mat.c, mat.d, mat.e, mat.f), ctm)
                if kind == _FORM:
                    if depth < _MAX_DEPTH:
                        todo.append((raw.FPDFFormObj_CountObjects(obj),
                                     lambda j, f=obj: raw.FPDFFormObj_GetObject(f, j), m, depth + 1))
                    continue
                yield kind, obj, m

    @cached_property
    def _drawing(self) -> tuple[list[dict], list[dict]]:
        raw = self._raw
        edges: list[dict] = []
        images: list[dict] = []
        x, y = ctypes.c_float(), ctypes.c_float()
        px, py = ctypes.byref(x), ctypes.byref(y)
        budget = _MAX_SEGMENTS
        height = self.height
        for kind, obj, m in self._walk():
            a, b, c, d, e, f = m
            if kind == _IMAGE:
                xs = (e, a + e, c + e, a + c + e)
                ys = (f, b + f, d + f, b + d + f)
                images.append({"x0": min(xs), "x1": max(xs), "top": height - max(ys), "bottom": height - min(ys),
                               "object_type": "image"})
                continue
            n = raw.FPDFPath_CountSegments(obj)
            if n <= 0 or n > budget:
                continue
            budget -= n
            subpaths: list[list[tuple[str, float, float]]] = []
            bezier = 0  # a curve is three segments (two control points, then its end)
            for i in range(n):
                seg = raw.FPDFPath_GetPathSegment(obj, i)
                if not raw.FPDFPathSegment_GetPoint(seg, px, py):
                    continue
                t = raw.FPDFPathSegment_GetType(seg)
                if t == _BEZIERTO:
                    bezier += 1
                    if bezier % 3:
                        continue
                X, Y = a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f)
                if t == _MOVETO or not subpaths:
                    subpaths.append([("m", X, Y)])
                else:
                    subpaths[-1].append(("l" if t == _LINETO else "c", X, Y))
                if raw.FPDFPathSegment_GetClose(seg):
                    sp = subpaths[-1]
                    sp.append(("h", sp[0][1], sp[0][2]))
            for sp in subpaths:
                edges.extend(_subpath_edges(sp))
        return edges, images

    @property
    def edges(self) -> list[dict]:
        return self._drawing[0]

    @property
    def images(self) -> list[dict]:
        return self._drawing[1]

    def find_tables(self, settings: dict):
        """pdfplumber's own table finder over this page's edges (it needs only edges and bbox)."""
        from pdfplumber.table import TableFinder

        return TableFinder(self, settings).tables

    def flush_cache(self) -> None:
        self.__dict__.pop("chars", None)
        self.__dict__.pop("_drawing", None)


def _as_address(fn, *argtypes):
    """The same C function returning a bare address (an int): the text object of every character
    is asked for, and wrapping each answer in a ctypes pointer costs more than the call."""
    return ctypes.CFUNCTYPE(ctypes.c_void_p, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


def _same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) < _EPS and abs(p[1] - q[1]) < _EPS


def _edge(p: tuple[float, float], q: tuple[float, float], orientation: str | None, kind: str) -> dict:
    x0, x1 = min(p[0], q[0]), max(p[0], q[0])
    top, bottom = min(p[1], q[1]), max(p[1], q[1])
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": orientation, "object_type": kind}


def _subpath_edges(sp: list[tuple[str, float, float]]) -> list[dict]:
    """One subpath's edges, as pdfminer classifies the subpath and pdfplumber turns it into edges
    (a curve's end points only: a rounded corner gives no ruling line)."""
    shape = "".join(op for op, _, _ in sp)
    pts = [(x, y) for _, x, y in sp]
    if len(shape) > 3 and shape[-2:] == "lh" and _same(pts[-2], pts[0]):
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("mlh", "ml"):
        p, q = pts[0], pts[1]
        return [_edge(p, q, "h" if abs(p[1] - q[1]) < _EPS else "v", "line")]
    if shape in ("mlllh", "mllll") and _same(pts[0], pts[4]):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]
        eq = lambda u, v: abs(u - v) < _EPS  # noqa: E731
        if (eq(x0, x1) and eq(y1, y2) and eq(x2, x3) and eq(y3, y0)) or \
                (eq(y0, y1) and eq(x1, x2) and eq(y2, y3) and eq(x3, x0)):
            left, right = min(x0, x2), max(x0, x2)
            top, bottom = min(y0, y2), max(y0, y2)
            return [_edge((left, top), (right, top), "h", "rect_edge"),
                    _edge((left, bottom), (right, bottom), "h", "rect_edge"),
                    _edge((left, top), (left, bottom), "v", "rect_edge"),
                    _edge((right, top), (right, bottom), "v", "rect_edge")]
    out = []
    for p, q in zip(pts, pts[1:]):
        o = "v" if abs(p[0] - q[0]) < _EPS else ("h" if abs(p[1] - q[1]) < _EPS else None)
        out.append(_edge(p, q, o, "curve_edge"))
    return out
