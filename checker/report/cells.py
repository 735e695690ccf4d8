"""Terminal cell widths of text, measured as rich.cells measures them, without importing rich.

A check's console output needs the width of every piece it lays out. rich.cells gives it, but
importing it (rich's package, its set of single-cell characters, its Unicode table module) costs
≈ 9 M instructions, 0.8 % of a whole DOCX check, and the rest of the check's output no longer needs
rich (checker/report/terminal.py). So the widths come from rich's own table, copied into
checker/report/celltable.py by tools/make_celltable.py; tests/test_terminal.py fails when the
installed rich measures any character differently.

Two cases are left to rich itself (imported then, and only then): the UNICODE_VERSION environment
variable (rich then measures with that version's table) and text with a zero-width joiner or the
emoji variation selector (rich widens or joins the characters around them).
"""

from __future__ import annotations

import os
from bisect import bisect_right

from checker.report.celltable import ENDS, STARTS, WIDTHS

_LAST = ENDS[-1]
_SPECIAL = ("\u200d", "\ufe0f")  # zero-width joiner, variation selector 16
_RICH = bool(os.environ.get("UNICODE_VERSION"))
# rich's fast path: text made only of these characters is measured by its length (and cropped by
# slicing, even to a negative size)
SINGLE_RANGES = ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x2500, 0x25FC), (0x2800, 0x28FF))


def char_width(ch: str) -> int:
    """Cells of one character: 0, 1 or 2 (rich.cells.get_character_cell_size)."""
    cp = ord(ch)
    if cp and cp < 32 or 0x7F <= cp < 0xA0:
        return 0
    if cp > _LAST:
        return 1
    i = bisect_right(STARTS, cp) - 1
    return WIDTHS[i] if i >= 0 and cp <= ENDS[i] else 1


class _Widths(dict):
    """Each character's width, looked up once: a report uses a few hundred distinct characters."""

    def __missing__(self, ch: str) -> int:
        w = self[ch] = char_width(ch)
        return w


_WIDTH = _Widths()
_width = _WIDTH.__getitem__


def _rich():
    import rich.cells

    return rich.cells


def cell_len(text: str) -> int:
    """Cells `text` takes in a terminal (rich.cells.cell_len)."""
    if text.isascii() and text.isprintable():
        return len(text)
    if _RICH or _SPECIAL[0] in text or _SPECIAL[1] in text:
        return _rich().cell_len(text)
    return sum(map(_width, text))


def _rich_char_cells(ch: str) -> int:
    return _rich().cell_len(ch)


# cell_len of one character, without cell_len's checks for text: the table's look-up itself
char_cells = _rich_char_cells if _RICH else _width


def _single(text: str) -> bool:
    return all(any(a <= ord(c) <= b for a, b in SINGLE_RANGES) for c in text)


def _graphemes(text: str) -> tuple[list[tuple[int, int, int]], int]:
    """(start, end, cells) of each character with the zero-width ones after it (rich's split_graphemes
    for text without a joiner or variation selector), and the total cells."""
    spans: list[tuple[int, int, int]] = []
    total = 0
    for i, ch in enumerate(text):
        w = _width(ch)
        if w:
            spans.append((i, i + 1, w))
            total += w
        elif spans:
            start, _, cells = spans[-1]
            spans[-1] = (start, i + 1, cells)
        else:
            spans.append((i, i + 1, 0))
    return spans, total


def _split_text(text: str, cell_position: int) -> tuple[str, str]:
    """rich.cells._split_text: cut at a cell position; a wide character cut in half becomes two spaces."""
    if cell_position <= 0:
        return "", text
    spans, cell_length = _graphemes(text)
    offset = int((cell_position / cell_length) * len(spans))
    left_size = sum(c for _, _, c in spans[:offset])
    while True:
        if left_size == cell_position:
            if offset >= len(spans):
                return text, ""
            split_index = spans[offset][0]
            return text[:split_index], text[split_index:]
        if left_size < cell_position:
            start, end, cell_size = spans[offset]
            if left_size + cell_size > cell_position:
                return text[:start] + " ", " " + text[end:]
            offset += 1
            left_size += cell_size
        else:
            start, end, cell_size = spans[offset - 1]
            if left_size - cell_size < cell_position:
                return text[:start] + " ", " " + text[end:]
            offset -= 1
            left_size -= cell_size


def set_cell_size(text: str, total: int) -> str:
    """`text` cropped or padded with spaces to `total` cells (rich.cells.set_cell_size)."""
    if _RICH or _SPECIAL[0] in text or _SPECIAL[1] in text:
        return _rich().set_cell_size(text, total)
    if total < 0 and _single(text):
        return text[:total]
    if total <= 0:
        return ""
    cell_size = cell_len(text)
    if cell_size == total:
        return text
    if cell_size < total:
        return text + " " * (total - cell_size)
    return _split_text(text, total)[0]


def chop_cells(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells (rich.cells.chop_cells)."""
    if _RICH or _SPECIAL[0] in text or _SPECIAL[1] in text:
        return _rich().chop_cells(text, width)
    if text.isascii() and text.isprintable():
        return [text[i:i + width] for i in range(0, len(text), width)]
    spans, _ = _graphemes(text)
    line_size = 0
    lines: list[str] = []
    line_offset = 0
    for start, _end, cell_size in spans:
        if line_size + cell_size > width:
            lines.append(text[line_offset:start])
            line_offset = start
            line_size = 0
        line_size += cell_size
    if line_size:
        lines.append(text[line_offset:])
    return lines
