"""Characters to lines: the small geometry shared by the PDF and OCR readers."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.model import OcrWord
from checker.record import ValueRecord
from checker.textnorm import join_lines
from checker.understand.lazyre import lazy

# A cell's inner margin on each side, in points: Word's and WPS's default (0.19 cm), which
# LibreOffice keeps when it prints such a document. Producers with narrower margins leave more
# apparent slack, so fewer wraps look forced: the join below errs on the side of not joining.
_CELL_PAD = 5.4
# The pieces of one figure a narrow cell broke over lines, and the figure they make together.
_FIGURE_PIECE = lazy(r"^[+-]?[\d.,%]+$")
_ONE_FIGURE = lazy(r"^[+-]?\d{1,15}(?:,\d{3})*(?:\.\d+)?%?$")

# A gap of exactly a quarter em (a producer's kerning) must read the same whatever the float
# precision of the parser that measured it (pdfminer: 64 bits, pdfium: 32 bits).
_EPS = 0.005


@dataclass(repr=False, eq=False)
class Line(ValueRecord):
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    text: str


@dataclass(repr=False, eq=False)
class RawTable(ValueRecord):
    """A table as a reader finds it on one page: cell boxes and the lines inside each cell."""

    page: int
    bbox: tuple[float, float, float, float]
    cells: list[tuple[float, float, float, float]]  # x0, top, x1, bottom
    lines: dict[int, list[Line]] = field(default_factory=dict)  # cell index -> lines


@dataclass(repr=False, eq=False)
class OcrInfo(ValueRecord):
    """How a page was OCR'd: what the PDF reader copies onto the document's Page."""

    confidence: float  # mean character confidence (1.0 for a blank page)
    rotation: int = 0  # quarter turns applied (degrees, clockwise) before deskewing
    skew: float = 0.0  # deskew angle, degrees
    words: list[OcrWord] = field(default_factory=list)


@dataclass(repr=False, eq=False)
class PageLayout(ValueRecord):
    """The handoff from a page reader to document building: lines outside tables and raw tables,
    in PDF points with the origin at the top-left of the upright page."""

    number: int
    width: float
    height: float
    lines: list[Line]
    tables: list[RawTable]
    ocr: OcrInfo | None = None


# Turned this much or more (tan 3°), a character does not run along a line of the report: a diagonal
# watermark ("内部资料 注意保密" at 35°, stamped on every page by the exporting or archiving tool) or a
# seal's ring of characters. Mixed into the lines and cells they cross, such characters made figures
# like "10密" (a sample set with a diagonal watermark fell to 61 % recall, 45 % precision). Italic type
# is sheared, not turned (b = 0), and stays.
_LEVEL_SLOPE = 0.05


def level(a: float, b: float) -> bool:
    """A character whose matrix on the upright page starts (a, b, …) runs along its line."""
    return abs(b) <= _LEVEL_SLOPE * abs(a)


def quarter_turn(a: float, b: float) -> int:
    """+1 for a character turned a quarter anticlockwise (its line reads upwards, Word's "rotate text
    270°", w:textDirection btLr), -1 clockwise (reads downwards, tbRl), 0 otherwise; (a, b) start its
    matrix on the upright page."""
    if not b or abs(a) > _LEVEL_SLOPE * abs(b):
        return 0
    return 1 if b > 0 else -1


def chars_to_lines(chars: list[dict]) -> list[Line]:
    """Group characters into visual lines (by vertical overlap), left to right, with a space where
    the gap between two characters is wide (pdfplumber's convention; normalisation later removes
    the spaces that justification puts between CJK characters)."""
    if not chars:
        return []
    rows: list[list[dict]] = []
    tops: list[float] = []  # of the current row's characters, beside it: the last three decide
    bottoms: list[float] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        top, bottom = ch["top"], ch["bottom"]
        mid = (top + bottom) / 2
        if rows and min(tops[-3:]) - 0.5 <= mid <= max(bottoms[-3:]) + 0.5:
            rows[-1].append(ch)
            tops.append(top)
            bottoms.append(bottom)
            continue
        rows.append([ch])
        tops, bottoms = [top], [bottom]
    lines = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        parts: list[str] = []
        prev = None
        for ch in row:
            if prev is not None:
                size = max(ch.get("size", 10) or 10, 1.0)
                gap = ch["x0"] - prev["x1"]
                if gap > 0.25 * size + _EPS:
                    parts.append(" ")
                elif gap < -0.5 * size and ch["text"] == prev["text"]:
                    continue  # overprinted (fake bold) duplicate
            parts.append(ch["text"])
            prev = ch
        size = sorted(c.get("size", 10) or 10 for c in row)[len(row) // 2]
        lines.append(Line(x0=row[0]["x0"], top=min(c["top"] for c in row), x1=row[-1]["x1"],
                          bottom=max(c["bottom"] for c in row), size=float(size), text="".join(parts)))
    lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return lines


def lines_text(lines: list[Line]) -> str:
    """Raw text of some lines, one per line (joined into running text only when normalised)."""
    return "\n".join(ln.text for ln in lines)


def forced_figure(lines: list[Line], box: tuple[float, float, float, float]) -> str | None:
    """The one figure a too-narrow cell broke over its lines ("198" / "5.36" → "1985.36"), or None.

    Every line but the last must fill the cell's width so far that not even the next line's first
    character would have fitted beside it: the producer had to break there. A break the writer
    made (two figures on two lines, a list of telephone numbers) leaves room on the line."""
    if len(lines) < 2 or not all(_FIGURE_PIECE.match(ln.text) for ln in lines):
        return None
    room = (box[2] - box[0]) - 2 * _CELL_PAD
    for ln, nxt in zip(lines, lines[1:]):
        first_char = (nxt.x1 - nxt.x0) / max(len(nxt.text), 1)
        if room - (ln.x1 - ln.x0) >= first_char + 1.0:
            return None
    joined = "".join(ln.text for ln in lines)
    return joined if _ONE_FIGURE.match(joined) else None


__all__ = ["Line", "chars_to_lines", "forced_figure", "lines_text", "join_lines"]
