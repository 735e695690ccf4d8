"""The document model: one shape for every input format, with provenance on every block and cell.

Parsers (checker.read) build it; everything downstream reads only this model.
Coordinates are PDF points with the origin at the top-left of the page (pdfplumber's convention).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.record import ValueRecord

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(repr=False, eq=False)
class Cell(ValueRecord):
    """One table cell, merged cells once with their spans, in grid coordinates."""

    row: int
    col: int
    raw: str  # text as extracted, for quoting
    text: str  # normalised text, for checking
    row_span: int = 1
    col_span: int = 1
    page: int | None = None  # 1-based
    bbox: BBox | None = None
    ref: str = ""  # "#/tables/3/cells/5/2"
    source: str = ""  # where in the source file, for writing back to it: DOCX "tc/41" (see Paragraph)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "row": self.row, "col": self.col, "row_span": self.row_span, "col_span": self.col_span,
            "text": self.text, "raw": self.raw, "page": self.page,
            "bbox": list(self.bbox) if self.bbox else None, "ref": self.ref,
        }
        if self.source:
            d["source"] = self.source
        return d


@dataclass(repr=False, eq=False)
class Table(ValueRecord):
    """A table: its cells on a grid, the pages it covers and its caption."""

    index: int
    cells: list[Cell]
    n_rows: int
    n_cols: int
    pages: list[int] = field(default_factory=list)
    bbox: BBox | None = None  # on the first page
    caption: str = ""  # nearest text above the table (title, "单位：万元")
    nested_in: str | None = None  # ref of the enclosing cell for nested DOCX tables
    _grid: list[list[Cell | None]] | None = field(default=None, repr=False, compare=False)
    # row_cells' answers for the grid they were read from (the grid object itself, then row -> cells)
    _rows: tuple[list, dict[int, tuple[Cell, ...]]] | None = field(default=None, repr=False, compare=False)

    @property
    def ref(self) -> str:
        return f"#/tables/{self.index}"

    def grid(self) -> list[list[Cell | None]]:
        """Each (row, col) position points at the cell that covers it (merged cells repeat)."""
        if self._grid is None:
            g: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
            for c in self.cells:
                for r in range(c.row, min(c.row + c.row_span, self.n_rows)):
                    for k in range(c.col, min(c.col + c.col_span, self.n_cols)):
                        g[r][k] = c
            self._grid = g
        return self._grid

    def at(self, row: int, col: int) -> Cell | None:
        if 0 <= row < self.n_rows and 0 <= col < self.n_cols:
            return self.grid()[row][col]
        return None

    def row_cells(self, row: int) -> list[Cell]:
        """Distinct cells covering a row, left to right (a merged cell appears once), in a list of
        the caller's own. Kept while the grid is: finding a report's tables asks for the same rows
        again and again (314 times for the 3 tables of xiangxi-2022)."""
        grid = self.grid()
        if self._rows is None or self._rows[0] is not grid:
            self._rows = (grid, {})
        known = self._rows[1]
        cells = known.get(row)
        if cells is None:
            # by identity: the grid repeats the very cell object a merge covers
            cells = known[row] = tuple({id(c): c for c in grid[row] if c is not None}.values()) \
                if 0 <= row < self.n_rows else ()
        return list(cells)

    def row_texts(self, row: int) -> list[str]:
        return [c.text for c in self.row_cells(row)]

    def text(self) -> str:
        return "\n".join("\t".join(self.row_texts(r)) for r in range(self.n_rows))

    def reindex(self) -> None:
        """Recompute cell refs after construction or merging."""
        self._grid = None
        for c in self.cells:
            c.ref = f"{self.ref}/cells/{c.row}/{c.col}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index, "ref": self.ref, "n_rows": self.n_rows, "n_cols": self.n_cols,
            "pages": self.pages, "bbox": list(self.bbox) if self.bbox else None,
            "caption": self.caption, "nested_in": self.nested_in,
            "cells": [c.to_dict() for c in self.cells],
        }


@dataclass(repr=False, eq=False)
class Paragraph(ValueRecord):
    """A paragraph of running text, as read and normalised."""

    index: int
    raw: str
    text: str
    page: int | None = None
    bbox: BBox | None = None
    style: str = ""  # heading hints where the source has them
    # Where in the source file, for writing back to it (Word comments on the department's DOCX):
    # DOCX "p/17" is the body's 18th w:p element in document order, "tc/41" its 42nd w:tc; `raw` is
    # exactly the text of that element's runs (checker.read.docx.run_spans maps it to the runs).
    source: str = ""

    @property
    def ref(self) -> str:
        return f"#/paragraphs/{self.index}"

    def to_dict(self) -> dict[str, Any]:
        d = {"index": self.index, "ref": self.ref, "text": self.text, "raw": self.raw,
             "page": self.page, "bbox": list(self.bbox) if self.bbox else None, "style": self.style}
        if self.source:
            d["source"] = self.source
        return d


Block = Paragraph | Table


@dataclass(repr=False, eq=False)
class OcrWord(ValueRecord):
    """One recognised piece of a scanned page: where it sits, what was read and how sure the
    recogniser was. Kept so that a finding resting on it can be verified (re-read) later."""

    bbox: BBox  # PDF points on the upright, deskewed page
    text: str  # after the numeric post-correction (what the document model holds)
    raw: str  # the recogniser's own reading
    confidence: float  # mean probability of its characters
    weakest: float  # the lowest character probability
    chars: tuple[float, ...] = ()  # each character's probability, in the order of `raw`
    in_table: bool = False


@dataclass(repr=False, eq=False)
class Page(ValueRecord):
    """A page: its size and, for a scan, how it was recognised."""

    number: int  # 1-based
    width: float = 0.0
    height: float = 0.0
    scanned: bool = False  # no usable text layer
    ocr: bool = False  # text came from OCR
    ocr_confidence: float | None = None  # mean character confidence of the OCR'd page
    rotation: int = 0  # degrees the scan was turned (clockwise) to stand upright
    skew: float = 0.0  # the deskew rotation applied after that, degrees
    words: list[OcrWord] = field(default_factory=list, repr=False)  # the OCR readings, for verification

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"number": self.number, "width": self.width, "height": self.height,
                             "scanned": self.scanned, "ocr": self.ocr}
        if self.ocr:
            d.update(ocr_confidence=self.ocr_confidence, rotation=self.rotation, skew=self.skew,
                     words=len(self.words))
        return d


@dataclass(repr=False, eq=False)
class Document(ValueRecord):
    """What a reader makes of one file: pages and blocks (paragraphs, tables) in reading order."""

    source: str
    format: str  # "pdf" | "docx"
    pages: list[Page] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # reading order
    producer: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    @property
    def ocr(self) -> bool:
        return any(p.ocr for p in self.pages)

    @property
    def ocr_confidence(self) -> float | None:
        """Mean recognition confidence over the OCR'd pages (None when nothing was OCR'd)."""
        vals = [p.ocr_confidence for p in self.pages if p.ocr and p.ocr_confidence is not None]
        return round(sum(vals) / len(vals), 3) if vals else None

    @property
    def scanned_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.scanned and not p.ocr]

    def renumber(self) -> None:
        """Give paragraphs and tables their stable indexes in reading order."""
        pi = ti = 0
        for b in self.blocks:
            if isinstance(b, Paragraph):
                b.index = pi
                pi += 1
            else:
                b.index = ti
                ti += 1
                b.reindex()

    def resolve(self, ref: str) -> Block | Cell | None:
        parts = ref.lstrip("#/").split("/")
        try:
            if parts[0] == "paragraphs":
                return self.paragraphs[int(parts[1])]
            if parts[0] == "tables":
                t = self.tables[int(parts[1])]
                if len(parts) >= 5 and parts[2] == "cells":
                    return t.at(int(parts[3]), int(parts[4]))
                return t
        except (IndexError, ValueError):
            return None
        return None

    def text_places(self, max_cell: int = 10_000):
        """Every paragraph and table cell as (text, raw text, block, cell or None), in reading order;
        `Loc.of_place(block, cell)` says where it is. The Loc is left to the caller: the rules that
        walk every place report on a few, and a Loc for each of the 358 places of xiangxi-2022 took
        ≈ 1.3 ms a walk."""
        for b in self.blocks:
            if isinstance(b, Paragraph):
                yield b.text, b.raw, b, None
            else:
                for c in b.cells:
                    if len(c.text) < max_cell:
                        yield c.text, c.raw, b, c

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "format": self.format, "producer": self.producer,
            "pages": [p.to_dict() for p in self.pages],
            "blocks": [
                {"type": "paragraph", **b.to_dict()} if isinstance(b, Paragraph)
                else {"type": "table", **b.to_dict()}
                for b in self.blocks
            ],
            "warnings": self.warnings,
        }


@dataclass(repr=False, eq=False)
class Loc(ValueRecord):
    """Where a fact or a finding sits: a page and a table cell, or a paragraph and a quote."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    text: str = ""
    ref: str = ""
    bbox: BBox | None = None
    paragraph: int | None = None
    # boxes that make a cell readable as evidence: its row's label cell and its column's header cell
    # (on the same page); drawn around it in pictures, never part of the location itself
    context: tuple[BBox, ...] = field(default=(), repr=False, compare=False)
    ocr: bool = False  # the quoted text was read by OCR from a scanned page

    @classmethod
    def of_cell(cls, table: Table, cell: Cell) -> Loc:
        return cls(page=cell.page, table=table.index, row=cell.row, col=cell.col, text=cell.raw.strip()[:200],
                   ref=cell.ref, bbox=cell.bbox, context=_cell_context(table, cell))

    @classmethod
    def of_paragraph(cls, par: Paragraph, quote: str = "") -> Loc:
        return cls(page=par.page, text=(quote or par.text)[:200], ref=par.ref, bbox=par.bbox, paragraph=par.index)

    @classmethod
    def of_place(cls, block: Block, cell: Cell | None) -> Loc:
        """A place `Document.text_places` gives: a paragraph, or a table's cell."""
        return cls.of_paragraph(block) if cell is None else cls.of_cell(block, cell)

    def quoting(self, quote: str) -> Loc:
        """The same place, quoting part of its text."""
        from dataclasses import replace

        return replace(self, text=quote[:200])

    def label(self) -> str:
        """'第1页 表1 第4行 第5列' or '第2页 段落8': 1-based, for people; every output prints this one."""
        parts = []
        if self.page:
            parts.append(f"第{self.page}页")
        if self.table is not None:
            cell = f"表{self.table + 1}"
            if self.row is not None:
                cell += f" 第{self.row + 1}行"
            if self.col is not None:
                cell += f" 第{self.col + 1}列"
            parts.append(cell)
        elif self.paragraph is not None:
            parts.append(f"段落{self.paragraph + 1}")
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"page": self.page}
        if self.table is not None:
            d.update(table=self.table, row=self.row, col=self.col)
        if self.paragraph is not None:
            d["paragraph"] = self.paragraph
        d["text"] = self.text
        if self.ref:
            d["ref"] = self.ref
        label = self.label()
        if label:
            d["where"] = label  # the 1-based label people read, beside the 0-based keys and the pointer
        if self.bbox:
            d["bbox"] = [round(v, 1) for v in self.bbox]
        if self.ocr:
            d["ocr"] = True
        return d


def _cell_context(table: Table, cell: Cell) -> tuple[BBox, ...]:
    """The row's first cell (its label) and the column's first cell on the same page (its header)."""
    if cell.bbox is None:
        return ()
    out: list[BBox] = []
    label = table.at(cell.row, 0)
    if label is not None and label is not cell and label.bbox and label.page == cell.page:
        out.append(label.bbox)
    for r in range(cell.row):
        head = table.at(r, cell.col)
        if head is not None and head is not cell and head.bbox and head.page == cell.page:
            out.append(head.bbox)
            break
    return tuple(out)
