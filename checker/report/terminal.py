"""A plain/ANSI terminal writer: the part of rich a check's console output used, without rich.

checker/report/console.py lays out every line of a check itself. Of rich it used a Console (the
terminal's width, colour switches, writing), Text with eight styles, a rule with a centred title
and rich's wrapping of a few long prints. Importing rich's console (≈ 20 ms) and rendering 169
lines through Console.print → Text.render → Segments made a DOCX check printed to the console
execute 1,396 M instructions against 1,139 M for the same check as JSON; with this writer (and a
cheaper layout in console.py) 1,186 M (bench/bench_ir.py). This writer does that subset the way
rich 15 does it, byte for byte: tests/test_terminal.py renders every sample through both at
several widths, with and without colour, and compares the strings.

What is reproduced, from rich's source:
- `print(text, style)`: Console.print(Text(text, style=style)): lines split at "\\n", tabs expanded
  to 8-cell stops, each line word-wrapped at the width (rich's divide_line: a word keeps its
  trailing spaces, a word wider than the line is folded by cells), trailing spaces past the width
  dropped, every line cropped to the width; `soft_wrap=True` neither wraps nor crops.
- `line(pieces)`: Console.print(Text() of styled pieces, soft_wrap=True), console.py's laid-out lines.
- `rule(title)`: Console.rule: "─" on both sides of the title with a space each side, the title
  cut with "…" when it is wider than the line less 4 cells, the line cut to the width.
- Control codes rich's Text removes (BEL, BS, VT, FF, CR) are removed; widths are rich's
  (checker/report/cells.py).
- Colour: each styled run as "ESC[<codes>m…ESC[0m", the codes rich writes for these styles (the
  same with 8, 256 or 24-bit colour: named colours are not converted); `no_color` keeps the
  attributes (bold, dim) without the colours, as rich's no_color mode does.
- Width: `terminal_width()` is what `rich.console.Console().width` gives (COLUMNS/LINES, a dumb
  terminal, the size of stdin/stdout/stderr, else 80); `layout_width()` is the width a rich Console
  writing to a buffer lays out at (80 on a "dumb" terminal when colour is forced, unless LINES is
  set). On Windows and in Jupyter, rich itself answers both.
"""

from __future__ import annotations

import builtins
import os
import re
import sys

from checker.report.cells import cell_len, chop_cells, set_cell_size

# Select Graphic Rendition parameters rich writes for the styles the console output uses
# ("rule.line" is the rule's own style in rich's default theme: bright green)
SGR = {"bold": "1", "dim": "2", "bold red": "1;31", "red": "31", "green": "32", "yellow": "33",
       "magenta": "35", "cyan": "36", "rule.line": "92"}
# rich's no_color mode: attributes kept, colours (30–37, 90–97) dropped
SGR_NO_COLOR = {k: ";".join(c for c in v.split(";") if not (30 <= int(c) <= 37 or 90 <= int(c) <= 97))
                for k, v in SGR.items()}
RULE_STYLE = "rule.line"
TAB_SIZE = 8
_STRIP = {7: None, 8: None, 11: None, 12: None, 13: None}  # rich's Text drops these control codes
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")

Spans = list[tuple[int, int, str]]


class Terminal:
    """Collects what a check prints; `getvalue()` is the text (with SGR codes when `color`)."""

    def __init__(self, width: int, color: bool = False, no_color: bool = False):
        self.width = width
        self._sgr = (SGR_NO_COLOR if no_color else SGR) if color else None
        self._out: list[str] = []

    @classmethod
    def like(cls, console) -> Terminal:
        """A writer that prints what the rich Console `console` would: its width and colour switches."""
        return cls(console.width, console.color_system is not None, bool(console.no_color))

    @classmethod
    def for_stdout(cls) -> Terminal:
        """What rich's `Console()` would print on standard output: its width, colour on a terminal
        that is not dumb (TTY_COMPATIBLE, FORCE_COLOR, isatty), attributes only under NO_COLOR."""
        if _rich_decides():
            from rich.console import Console

            return cls.like(Console())
        env = os.environ
        return cls(terminal_width(), _stdout_is_terminal(env) and not _dumb(env), env.get("NO_COLOR", "") != "")

    def getvalue(self) -> str:
        return "".join(self._out)

    # ------------------------------------------------------------------------------------ printing

    def line(self, pieces: list[tuple[str, str]]) -> None:
        """One laid-out line of (text, style) pieces, printed as it is (rich's soft wrap)."""
        if self.width < 1:
            return
        whole = "".join([t for t, _ in pieces])
        if "\n" in whole or "\t" in whole:
            self._print(pieces, soft=True)
            return
        out, sgr = self._out, self._sgr
        if sgr is None:
            out.append(whole.translate(_STRIP))
            out.append("\n")
            return
        for text, style in pieces:
            text = text.translate(_STRIP)
            if style and sgr and text and sgr[style]:
                out.append(f"\x1b[{sgr[style]}m{text}\x1b[0m")
            else:
                out.append(text)
        out.append("\n")

    def print(self, text: str, style: str | None = None, soft_wrap: bool = False) -> None:
        """Console.print(Text(text, style=style), soft_wrap=soft_wrap)."""
        if self.width >= 1:
            self._print([(text, style or "")], soft=soft_wrap)

    def rule(self, title: str = "", style: str = "bold") -> None:
        """Console.rule(Text(title, style=style)): a horizontal line with the title centred in it."""
        width = self.width
        if width < 1:
            return
        title = title.translate(_STRIP).replace("\n", " ")
        truncate_width = max(0, width - 4)
        if not title or not truncate_width:
            line = set_cell_size("─" * (width + 1), width)
            self._wrap_and_emit(line, [(0, len(line), RULE_STYLE)])
            return
        spans: Spans = []
        if "\t" in title:  # rich gives each tab-ended part its own span of the title's style
            title, spans = _expand_tabs(title, [], base=style)
        if cell_len(title) > truncate_width:
            title, spans = _set_plain(title, spans, set_cell_size(title, truncate_width - 1) + "…")
        if style:
            spans = [(0, len(title), style), *spans]
        title_cells = cell_len(title)
        side = (width - title_cells) // 2
        left = "─" * (side + 1)
        if cell_len(left) > side - 1:
            left = set_cell_size(left, side - 1)
        right_length = width - cell_len(left) - title_cells
        right = "─" * (side + 1)
        if cell_len(right) > right_length:
            right = set_cell_size(right, right_length)
        start = len(left) + 1
        text = f"{left} {title} {right}"
        spans = [(0, start, RULE_STYLE), *((a + start, b + start, s) for a, b, s in spans),
                 (start + len(title), len(text), RULE_STYLE)]
        text, spans = _set_plain(text, spans, set_cell_size(text, width))
        self._wrap_and_emit(text, spans)

    # ---------------------------------------------------------------------- rich's Text, reproduced

    def _print(self, pieces: list[tuple[str, str]], soft: bool) -> None:
        parts: list[str] = []
        spans: Spans = []
        offset = 0
        for text, style in pieces:
            text = text.translate(_STRIP)
            if style and text:
                spans.append((offset, offset + len(text), style))
            parts.append(text)
            offset += len(text)
        text = "".join(parts)
        if soft:
            lines = []
            for line, line_spans in _split_lines(text, spans):
                if "\t" in line:
                    line, line_spans = _expand_tabs(line, line_spans)
                lines.append((line, line_spans))
            self._emit(lines, soft=True)
        else:
            self._wrap_and_emit(text, spans)

    def _wrap_and_emit(self, text: str, spans: Spans) -> None:
        """Text.wrap at the width (justify "default", overflow "fold"), then print cropping each line."""
        width = self.width
        lines = []
        for line, line_spans in _split_lines(text, spans):
            if "\t" in line:
                line, line_spans = _expand_tabs(line, line_spans)
            for sub, sub_spans in _divide(line, line_spans, divide_line(line, width)):
                sub, sub_spans = _rstrip_end(sub, sub_spans, width)
                if cell_len(sub) > width:
                    sub, sub_spans = _set_plain(sub, sub_spans, set_cell_size(sub, width))
                lines.append((sub, sub_spans))
        self._emit(lines, soft=False)

    def _emit(self, lines: list[tuple[str, Spans]], soft: bool) -> None:
        out, sgr, width = self._out, self._sgr, self.width
        for text, spans in lines:
            segments = _segments(text, spans)
            if not soft:
                segments = _crop(segments, width)
            for seg, style in segments:
                if style and sgr and seg and sgr[style]:
                    out.append(f"\x1b[{sgr[style]}m{seg}\x1b[0m")
                else:
                    out.append(seg)
            out.append("\n")


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Where rich breaks `text` to fit `width` cells (rich._wrap.divide_line)."""
    breaks: list[int] = []
    cell_offset = 0
    for m in _WORD.finditer(text):
        start = m.start()
        word = m.group()
        word_length = cell_len(word.rstrip())
        if width - cell_offset >= word_length:
            cell_offset += cell_len(word)
        elif word_length > width:
            if fold:
                folded = chop_cells(word, width)
                for k, piece in enumerate(folded):
                    if start:
                        breaks.append(start)
                    if k == len(folded) - 1:
                        cell_offset = cell_len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                cell_offset = cell_len(word)
        elif cell_offset and start:
            breaks.append(start)
            cell_offset = cell_len(word)
    return breaks


def _divide(text: str, spans: Spans, offsets: list[int]) -> list[tuple[str, Spans]]:
    """Text.divide: the pieces between offsets, each with the parts of the spans inside it."""
    if not offsets:
        return [(text, list(spans))]
    bounds = [0, *offsets, len(text)]
    out = []
    for start, end in zip(bounds, bounds[1:]):
        clipped = []
        for a, b, style in spans:
            new_start, new_end = max(0, a - start), min(b - start, end - start)
            if new_end > new_start:
                clipped.append((new_start, new_end, style))
        out.append((text[start:end], clipped))
    return out


def _split_lines(text: str, spans: Spans) -> list[tuple[str, Spans]]:
    """Text.split("\\n", allow_blank=True)."""
    if "\n" not in text:
        return [(text, list(spans))]
    offsets = []
    for m in re.finditer("\n", text):
        offsets += [m.start(), m.end()]
    return [piece for piece in _divide(text, spans, offsets) if piece[0] != "\n"]


def _set_plain(text: str, spans: Spans, new: str) -> tuple[str, Spans]:
    """Text.plain = new: spans past the new end are cut (only when the text got shorter)."""
    if new == text or len(new) >= len(text):
        return new, spans
    end = len(new)
    return new, [(a, min(b, end), s) for a, b, s in spans if a < end]


def _rstrip_end(text: str, spans: Spans, size: int) -> tuple[str, Spans]:
    """Text.rstrip_end: drop trailing whitespace beyond `size` characters."""
    if len(text) > size:
        m = _TRAILING_SPACE.search(text)
        if m is not None:
            amount = min(len(m.group()), len(text) - size)
            end = len(text) - amount
            return text[:end], [(a, min(b, end), s) for a, b, s in spans if a < end]
    return text, spans


def _expand_tabs(text: str, spans: Spans, base: str = "") -> tuple[str, Spans]:
    """Text.expand_tabs on one line: each tab becomes spaces to the next 8-cell stop, styled like
    the tab; with a `base` style (the Text's own), rich gives each tab-ended part a span of it."""
    bounds = [0, *(m.end() for m in re.finditer("\t", text))]
    if bounds[-1] != len(text):
        bounds.append(len(text))
    new_text: list[str] = []
    new_spans: Spans = []
    offset = 0
    cell_position = 0
    for start, end in zip(bounds, bounds[1:]):
        part = text[start:end]
        part_spans = [(max(0, a - start), min(b, end) - start, s) for a, b, s in spans
                      if min(b, end) - start > max(0, a - start)]
        if part.endswith("\t"):
            part = part[:-1] + " "
            cell_position += cell_len(part)
            remainder = cell_position % TAB_SIZE
            if remainder:
                spaces = TAB_SIZE - remainder
                part_spans = [(a, b + spaces if b >= len(part) else b, s) for a, b, s in part_spans]
                part += " " * spaces
                cell_position += spaces
        else:
            cell_position += cell_len(part)
        if base:
            new_spans.append((offset, offset + len(part), base))
        new_spans += [(a + offset, b + offset, s) for a, b, s in part_spans]
        new_text.append(part)
        offset += len(part)
    return "".join(new_text), new_spans


def _segments(text: str, spans: Spans) -> list[tuple[str, str]]:
    """Text.render: a run of text between every two span boundaries, with the style over it.
    Overlapping spans only ever carry the same style here (a title's own and its tab parts')."""
    if not spans:
        return [(text, "")]
    points = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    out = []
    for a, b in zip(points, points[1:]):
        if b > a:
            style = ""
            for start, end, s in spans:
                if start <= a and end >= b:
                    style = s
            out.append((text[a:b], style))
    return out


def _crop(segments: list[tuple[str, str]], width: int) -> list[tuple[str, str]]:
    """Segment.adjust_line_length(pad=False): a line wider than `width` cut to it."""
    if sum(cell_len(t) for t, _ in segments) <= width:
        return segments
    out = []
    used = 0
    for text, style in segments:
        cells = cell_len(text)
        if used + cells < width:
            out.append((text, style))
            used += cells
        else:
            out.append((set_cell_size(text, width - used), style))
            break
    return out


# ------------------------------------------------------------------------------------------ width


def _rich_decides() -> bool:
    # rich's legacy-Windows console and Jupyter rules need rich's own probes: let rich answer there
    return sys.platform == "win32" or hasattr(builtins, "get_ipython")


def _digits(environ, name: str) -> int | None:
    value = environ.get(name)
    return int(value) if value is not None and value.isdigit() else None


def _dumb(environ) -> bool:
    return environ.get("TERM", "").lower() in ("dumb", "unknown")


def _stdout_is_terminal(environ) -> bool:
    """rich's Console.is_terminal for a console on sys.stdout (no force_terminal given)."""
    if hasattr(sys.stdin, "__module__") and sys.stdin.__module__.startswith("idlelib"):
        return False
    tty_compatible = environ.get("TTY_COMPATIBLE", "")
    if tty_compatible == "0":
        return False
    if tty_compatible == "1":
        return True
    force_color = environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    file = sys.stdout
    file = getattr(file, "rich_proxied_file", file)
    isatty = getattr(file, "isatty", None) if file is not None else None
    try:
        return False if isatty is None else isatty()
    except ValueError:
        return False


def _std_fds() -> list[int]:
    fds = []
    for stream, default in ((sys.__stdin__, 0), (sys.__stdout__, 1), (sys.__stderr__, 2)):
        try:
            fds.append(stream.fileno())
        except Exception:  # noqa: BLE001 - rich falls back to the standard number on any failure
            fds.append(default)
    return fds


def terminal_width(environ=None) -> int:
    """What `rich.console.Console().width` gives in this process and environment."""
    if _rich_decides():
        from rich.console import Console

        return Console().width
    environ = os.environ if environ is None else environ
    columns = _digits(environ, "COLUMNS")
    if columns is not None and _digits(environ, "LINES") is not None:
        return columns
    if _dumb(environ) and _stdout_is_terminal(environ):
        return 80
    width = None
    for fd in _std_fds():
        try:
            width, _ = os.get_terminal_size(fd)
        except (AttributeError, ValueError, OSError):
            pass
        else:
            break
    if columns is not None:
        return columns
    return width or 80


def layout_width(width: int, color: bool, environ=None) -> int:
    """The width rich's `Console(file=<buffer>, width=width, force_terminal=color)` lays out at: a
    terminal forced on a "dumb" TERM is 80 wide whatever `width` says, unless LINES is set."""
    if _rich_decides():
        import io

        from rich.console import Console

        return Console(file=io.StringIO(), width=width, force_terminal=color).width
    environ = os.environ if environ is None else environ
    if _digits(environ, "LINES") is None and color and _dumb(environ):
        return 80
    return width
