"""A reader of a compact text spec: a small Document for the rule cases and their doc examples.

A block is either a paragraph (plain text) or a table: lines of cells separated by " | ".
In a table, "^" merges the cell with the one above and "<" with the one to its left.
"""

from __future__ import annotations

from checker.model import Cell, Document, Page, Paragraph, Table
from checker.read.captions import set_captions
from checker.textnorm import normalize


def table_from_text(spec: str) -> Table:
    rows = [[c.strip() for c in line.split("|")] for line in spec.strip().splitlines() if line.strip()]
    n_cols = max(len(r) for r in rows)
    rows = [r + [""] * (n_cols - len(r)) for r in rows]
    owner: dict[tuple[int, int], Cell] = {}
    cells: list[Cell] = []
    for r, row in enumerate(rows):
        for c, txt in enumerate(row):
            if txt == "^" and (r - 1, c) in owner:
                cell = owner[(r - 1, c)]
                if cell.col == c:
                    cell.row_span = r - cell.row + 1
                owner[(r, c)] = cell
                continue
            if txt == "<" and (r, c - 1) in owner:
                cell = owner[(r, c - 1)]
                if cell.row == r:
                    cell.col_span = c - cell.col + 1
                owner[(r, c)] = cell
                continue
            cell = Cell(row=r, col=c, raw=txt, text=normalize(txt), page=1)
            cells.append(cell)
            owner[(r, c)] = cell
    return Table(index=0, cells=cells, n_rows=len(rows), n_cols=n_cols, pages=[1])


def build(blocks: list[str]) -> Document:
    doc = Document(source="case", format="docx", pages=[Page(number=1)])
    for b in blocks:
        if " | " in b:
            doc.blocks.append(table_from_text(b))
        else:
            doc.blocks.append(Paragraph(index=0, raw=b, text=normalize(b), page=1))
    doc.renumber()
    set_captions(doc)
    return doc
