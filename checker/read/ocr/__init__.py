"""OCR for pages without a text layer (the `ocr` extra: rapidocr-onnxruntime + OpenCV).

A scanned page becomes the same handoff a text page gives the PDF reader, a PageLayout: text
lines outside tables, and tables as cell boxes with the lines inside each cell, in PDF points on
the upright page. The PDF reader then builds paragraphs and tables exactly as for a text PDF.

    image.py      render in colour, drop red/blue stamp ink, flatten grey paper
    geometry.py   quarter turns (sideways, upside down) and deskew up to ±10°
    grid.py       tables from ruling lines
    recognise.py  detection, cell assignment, recognition, numeric post-correction
    reread.py     verification: a disputed piece read again (higher resolution, other
                  binarisation, the recogniser's runner-up readings)
    engine.py     the models, loaded once per process

Tuning knobs are module constants; `bench/bench_ocr.py` measures seconds per page and
PECHECK_OCR_THREADS sets the thread count (default: all cores).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from checker import errors
from checker.read.layout import OcrInfo, PageLayout, RawTable
from checker.read.ocr import image
from checker.read.ocr.engine import available, get_engine, modules, threads
from checker.read.ocr.geometry import rotate, skew_angle
from checker.read.ocr.grid import find_tables
from checker.read.ocr.recognise import DET_SIDE, DPI, OcrPage, fix_numeric, page_number, read_image
from checker.read.ocr.reread import Reread, reread

__all__ = ["DET_SIDE", "DPI", "OcrPage", "available", "find_tables", "fix_numeric", "get_engine", "modules",
           "ocr_pages", "page_number", "read_image", "render", "Reread", "reread", "rotate", "skew_angle", "threads"]

Progress = Callable[[int, int, int], None]  # (pages done, pages to do, page number)


def render(page, dpi: int = DPI):
    """A pypdfium2 page as the recogniser's grayscale input (stamps dropped, paper flattened)."""
    return image.render(page, dpi)


def ocr_pages(path, pages, sizes: dict[int, tuple[float, float]] | None = None,
              progress: Progress | None = None) -> Iterator[PageLayout]:
    """OCR the given 1-based pages of the PDF at `path`, one PageLayout per page. `sizes` are the
    pages' sizes in points as the PDF reader saw them; `progress` is told after each page."""
    pages = list(pages)
    if not pages:
        return
    modules()  # fail early with the install hint
    import pypdfium2 as pdfium

    engine = get_engine()
    sizes = sizes or {}
    pdf = pdfium.PdfDocument(str(Path(path)))
    try:
        for done, num in enumerate(pages, start=1):
            try:
                page = pdf[num - 1]
                try:
                    gray = render(page, DPI)
                    w_pt, h_pt = sizes.get(num) or page.get_size()
                finally:
                    page.close()
                res = read_image(gray, engine, scale=(w_pt / gray.shape[1], h_pt / gray.shape[0]))
            except errors.InputError:
                raise
            except Exception as exc:  # a page pdfium cannot draw, or an image OCR cannot take
                raise errors.InputError(f"扫描件第 {num} 页无法识别（{type(exc).__name__}）：{path}",
                                        f"scanned page {num} cannot be OCR'd ({type(exc).__name__}): {path}") from exc
            tables = [RawTable(page=num, bbox=t.bbox, cells=t.cells, lines=t.lines) for t in res.tables]
            yield PageLayout(number=num, width=res.width, height=res.height, lines=res.lines, tables=tables,
                             ocr=OcrInfo(confidence=res.confidence, rotation=res.rotation, skew=res.angle,
                                         words=res.words))
            if progress is not None:
                progress(done, len(pages), num)
    finally:
        pdf.close()
