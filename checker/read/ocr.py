"""OCR for pages without a text layer (the `ocr` extra). Filled in by the OCR issue."""

from __future__ import annotations


def ocr_pages(reader, path, pages) -> None:  # pragma: no cover - replaced when OCR lands
    return None
