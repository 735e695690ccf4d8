"""Parsers: every input format becomes one checker.model.Document."""

from __future__ import annotations

import os
from pathlib import Path

from checker import errors
from checker.model import Document

_MAX_BYTES = 200 * 1024 * 1024


def sniff(path: Path) -> str:
    """The real format from the first bytes, not the file name."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    return "unknown"


def load(path: str | os.PathLike, ocr: str = "auto") -> Document:
    """Read a report; raise errors.InputError with a bilingual reason when it cannot be read."""
    p = Path(path)
    if p.is_dir():
        raise errors.InputError(f"这是一个目录，不是文件：{p}", f"is a directory: {p}")
    if not p.exists():
        raise errors.not_found(str(p))
    try:
        size = p.stat().st_size
        if size == 0:
            raise errors.empty(str(p))
        if size > _MAX_BYTES:
            raise errors.InputError(f"文件过大（{size // 1048576} MB）：{p}", f"file too large: {p}")
        kind = sniff(p)
    except PermissionError as exc:
        raise errors.InputError(f"没有读取权限：{p}", f"permission denied: {p}") from exc
    suffix = p.suffix.lower()
    if kind == "pdf":
        from checker.read.pdf import read_pdf

        return read_pdf(p, ocr=ocr)
    if kind == "docx":
        from checker.read.docx import read_docx

        return read_docx(p)
    if suffix == ".docx":
        raise errors.InputError(f"DOCX 文件已损坏（不是 zip 压缩包）：{p}", f"corrupt DOCX, not a zip archive: {p}")
    if suffix == ".pdf":
        raise errors.InputError(f"PDF 文件已损坏或不是 PDF（缺少 %PDF 文件头）：{p}",
                                f"corrupt or not a PDF, no %PDF header: {p}")
    if suffix == ".doc":
        raise errors.InputError(f"不支持旧版 Word .doc 格式，请另存为 DOCX 或 PDF：{p}",
                                f"legacy .doc is not supported, save as DOCX or PDF: {p}")
    raise errors.unsupported(str(p))
