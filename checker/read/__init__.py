"""Parsers: every input format becomes one checker.model.Document."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from checker import errors
from checker.model import Document
from checker.read.guards import guard_size

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc and password-protected Office files


def sniff(path: Path) -> str:
    """The real format from the first bytes, not the file name. A PDF header may follow up to 1 KB
    of junk (readers accept that, and so does pdfminer)."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(_OLE):
        return "ole"
    if b"%PDF-" in head:
        return "pdf"
    return "unknown"


def load(path: str | os.PathLike, ocr: str = "auto", progress=None) -> Document:
    """Read a report; raise errors.InputError with a bilingual reason when it cannot be read.
    `progress(done, total, page)` is called after each OCR'd page (a scanned PDF only)."""
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            if not os.access(p, os.R_OK | os.X_OK):
                raise errors.InputError(f"没有读取权限（目录）：{p}", f"permission denied (directory): {p}")
            raise errors.InputError(f"这是一个目录，不是文件：{p}", f"is a directory: {p}")
        if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block or never end
            raise errors.InputError(f"不是普通文件（管道、设备等），已跳过：{p}", f"not a regular file: {p}")
        guard_size(p, st)
        kind = sniff(p)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise errors.not_found(str(p)) from exc
    except PermissionError as exc:
        raise errors.InputError(f"没有读取权限：{p}", f"permission denied: {p}") from exc
    except OSError as exc:  # an I/O error, a name too long, a dangling link loop
        raise errors.InputError(f"文件无法读取（{exc.strerror or type(exc).__name__}）：{p}",
                                f"cannot read the file: {p}") from exc
    suffix = p.suffix.lower()
    if kind == "pdf":
        from checker.read.pdf import read_pdf

        return read_pdf(p, ocr=ocr, progress=progress)
    if kind == "docx":
        from checker.read.docx import read_docx

        return read_docx(p)
    if kind == "ole":
        raise errors.InputError(f"这是旧版 Word .doc 或设置了打开密码的 Office 文件，请去除密码并另存为 DOCX 或 PDF：{p}",
                                f"legacy .doc or password-protected Office file; remove the password, save as DOCX: {p}")
    if suffix == ".docx":
        raise errors.InputError(f"DOCX 文件已损坏（不是 zip 压缩包）：{p}", f"corrupt DOCX, not a zip archive: {p}")
    if suffix == ".pdf":
        raise errors.InputError(f"PDF 文件已损坏或不是 PDF（缺少 %PDF 文件头）：{p}",
                                f"corrupt or not a PDF, no %PDF header: {p}")
    if suffix == ".doc":
        raise errors.InputError(f"不支持旧版 Word .doc 格式，请另存为 DOCX 或 PDF：{p}",
                                f"legacy .doc is not supported, save as DOCX or PDF: {p}")
    raise errors.unsupported(str(p))
