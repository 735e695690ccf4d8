"""Captions: the step every reader ends with, on the finished document. A module of its own so that a
DOCX read does not import the PDF readers' line geometry (checker.read.layout)."""

from __future__ import annotations

from checker.model import Document, Paragraph


def set_captions(doc: Document) -> None:
    """The short lines right before a table (its title, "单位：万元") become its caption; every
    reader calls this last, so the document is complete when reading ends."""
    prev: list[Paragraph] = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            prev.append(b)
            prev = prev[-2:]
        else:
            if not b.caption:
                b.caption = " ".join(p.text for p in prev if len(p.text) <= 40)
            prev = []
