"""Block model of a sample document: paragraphs, page breaks and tables with row/column spans.

Every writer (DOCX, HTML) and the markup parser work on these blocks only.
"""

from __future__ import annotations

from dataclasses import dataclass

PARA_KINDS = (
    "title", "cover-title", "cover-gap", "cover", "cover-org", "h1", "h2", "body", "caption",
    "table-title", "unit", "attach", "plain", "center", "right", "small",
)



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
