"""`pecheck rules` as a plain table, laid out without rich's Console.

Importing rich's console and laying out a 55-row table with it costs ≈ 0.075 s, about half of a bare
`pecheck rules`. The table is simple (four columns that never wrap and a title column that folds),
so it is laid out here the way rich lays out `console.print_rules`'s table: the same column widths,
the same folding of the title column (words kept whole where they fit, long runs cut by terminal
cells), the same borders, padding and width (COLUMNS, else the terminal of stdin/stdout/stderr,
else 80), bold headers and an italic title on a terminal. tests/test_ruletable.py compares the two
byte for byte at every width. Whatever this layout does not cover (a terminal too narrow for the
fixed columns, a dumb or non-UTF-8 terminal, Windows, text rich would read as markup) is printed by
rich itself.

Cell widths come from checker/report/cells.py (rich's widths without importing rich.cells, ≈ 9 M
instructions); rich is imported only where rich prints the table.
"""

from __future__ import annotations

import os
import re
import sys

from checker.report.cells import cell_len, set_cell_size
from checker.report.terminal import divide_line

TITLE = "pecheck 规则"
HEADERS = ("代码", "名称", "类别", "级别", "说明")
# (left, right) padding of each column: rich's (0, 1) padding without it on the table's outer edges
_PADS = ((0, 1), (1, 1), (1, 1), (1, 1), (1, 0))
_EXTRA = 2 + len(HEADERS) - 1  # the outer edges and the dividers between columns, one cell each
_MARKUP = re.compile(r"[\[\]\n\t]|:\S+:")  # rich would read these as console markup or emoji codes
_BOLD, _ITALIC, _RESET = "\x1b[1m", "\x1b[3m", "\x1b[0m"


def _rows(rules) -> list[tuple[str, ...]]:
    return [(r.code, r.name, r.category_label, r.severity_label, r.title) for r in rules]


def divide(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken where rich's fold overflow breaks it: before a
    word that does not fit the line (a word keeps its trailing spaces), and a word longer than any
    line cut every `width` cells."""
    edges = [0, *divide_line(text, width), len(text)]
    return [text[a:b] for a, b in zip(edges, edges[1:])]


def _fit(text: str, width: int) -> str:
    """A line made exactly `width` cells wide as rich does: whitespace running past the width is
    dropped (counted in characters, as rich counts it), what still overflows is cut by cells, the
    rest padded with spaces."""
    if len(text) > width:
        trailing = len(text) - len(text.rstrip())
        text = text[:len(text) - min(trailing, len(text) - width)]
    if cell_len(text) > width:
        text = set_cell_size(text, width)
    return text + " " * (width - cell_len(text))


def layout(rules, width: int) -> list[int] | None:
    """The columns' widths (padding included) in a console `width` cells wide, as rich computes them;
    None where rich's own layout is needed."""
    rows = _rows(rules)
    if any(_MARKUP.search(c) for row in rows for c in row):
        return None
    widths = [max(cell_len(h), *(cell_len(r[i]) for r in rows)) + sum(_PADS[i]) for i, h in enumerate(HEADERS)]
    room = width - _EXTRA
    if sum(widths) > room:  # only the title column gives way
        widths[-1] -= sum(widths) - room
        if widths[-1] - sum(_PADS[-1]) < cell_len(HEADERS[-1]):  # a folded header: rich aligns it its own way
            return None
    return widths


def render(rules, width: int, styled: bool = False) -> str | None:
    """The listing as rich prints it at `width` terminal cells, or None where rich must print it."""
    widths = layout(rules, width)
    if widths is None:
        return None
    table_width = sum(widths) + _EXTRA

    def cells(row: tuple[str, ...], style: str) -> list[str]:
        cols = []
        for i, text in enumerate(row):
            left, right = _PADS[i]
            inner = widths[i] - left - right
            parts = divide(text, inner) if i == len(row) - 1 else [text]
            cols.append([" " * left + _fit(p, inner) + " " * right for p in parts])
        height = max(len(c) for c in cols)
        out = []
        for k in range(height):
            pieces = [c[k] if k < len(c) else " " * widths[i] for i, c in enumerate(cols)]
            if style:
                pieces = [f"{style}{p}{_RESET}" for p in pieces]
            out.append(" " + " ".join(pieces) + " ")
        return out

    pad = table_width - cell_len(TITLE)
    title = " " * (pad // 2) + TITLE + " " * (pad - pad // 2)
    lines = [f"{_ITALIC}{title}{_RESET}" if styled else title, " " * table_width]
    lines += cells(HEADERS, _BOLD if styled else "")
    lines.append(" " + "─" * (table_width - 2) + " ")
    for row in _rows(rules):
        lines += cells(row, "")
    lines.append(" " * table_width)
    return "\n".join(lines) + "\n"


def _terminal(environ) -> bool:
    """Whether rich would treat stdout as a terminal (escape codes) — its own tests, in its order."""
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return sys.stdout.isatty()
    except ValueError:
        return False


def _width(environ) -> int:
    """The width rich gives its console: COLUMNS, else the terminal of stdin, stdout or stderr, else 80."""
    width = None
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
            break
        except (AttributeError, ValueError, OSError):
            pass
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    return width or 80


def print_rule_table(rules) -> None:
    """Print the listing to stdout: laid out here when it can be, by rich otherwise."""
    environ = os.environ
    terminal = _terminal(environ)
    text = None
    plain_stdout = (sys.platform != "win32" and (sys.stdout.encoding or "").lower().replace("-", "").startswith("utf")
                    and not (terminal and environ.get("TERM", "").lower() in ("dumb", "unknown")))
    if plain_stdout:
        text = render(rules, _width(environ), styled=terminal)
    if text is None:
        from checker.report.console import print_rules

        print_rules(rules)
        return
    sys.stdout.write(text)
    sys.stdout.flush()
