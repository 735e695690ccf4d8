"""Parsers: every input format becomes one checker.model.Document.

Formats are recognised by content (`sniff`): PDF, DOCX, OFD, Word 97–2003 .doc and WPS/Works .wps
(through LibreOffice), encrypted PDF/DOCX/.doc (with a password), and members of .zip/.7z archives
named `archive.zip!/path/in/archive.pdf`."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from checker import errors
from checker.model import Document
from checker.read.guards import guard_size

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.wps and password-protected Office files

# What a legacy word-processor file is called in messages, by its detected kind.
_LEGACY_LABEL = {"doc": "Word .doc", "wps": "WPS .wps", "works": "Works/WPS .wps"}


def sniff(path: Path) -> str:
    """The real format from the first bytes, not the file name. A PDF header may follow up to 1 KB
    of junk (readers accept that, and so does pdfminer).

    Returns pdf, docx, ofd, archive, doc, wps (a Word binary named .wps, as WPS Office saves it),
    works (Microsoft Works / old WPS), encrypted-docx, encrypted-doc, ole (another OLE2 file: Excel,
    PowerPoint…), rar or unknown."""
    from checker.read.archive import archive_kind

    with path.open("rb") as fh:
        head = fh.read(1024)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(path)
    if head.startswith(_OLE):
        return _ole_kind(path)
    if b"%PDF-" in head:
        return "pdf"
    kind = archive_kind(head)
    if kind == "7z":
        return "archive"
    return kind or "unknown"


def _zip_kind(path: Path) -> str:
    """A zip is a DOCX, an OFD or a plain archive by what it holds (a broken one goes to the
    reader its name suggests, which says it is corrupt)."""
    import zipfile

    suffix = path.suffix.lower()
    try:
        with zipfile.ZipFile(path) as zf:
            names = {n.replace("\\", "/").lstrip("/") for n in zf.namelist()[:20_000]}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return {".ofd": "ofd", ".zip": "archive"}.get(suffix, "docx")
    if "word/document.xml" in names:
        return "docx"
    from checker.read.ofd import is_ofd  # the OFD reader only for what is no DOCX

    if is_ofd(names):
        return "ofd"
    if "[Content_Types].xml" in names or suffix in (".docx", ".ofd"):
        return {".ofd": "ofd"}.get(suffix, "docx")  # an Excel/PowerPoint file or a damaged DOCX/OFD
    return "archive"


def _ole_kind(path: Path) -> str:
    """Which OLE2 compound file: its streams say (WordDocument: Word 97–2003, also what WPS Office
    writes as .wps; CONTENTS: Microsoft Works/old WPS; EncryptedPackage: an encrypted DOCX)."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(s) for s in ole.listdir(streams=True, storages=False)}
    except Exception:  # olefile raises plain OSError/ValueError/IndexError… on damaged files
        return "ole"
    if "EncryptedPackage" in streams and "EncryptionInfo" in streams:
        return "encrypted-docx"
    if "WordDocument" in streams:
        from checker.read.crypto import office_kind

        fmt, encrypted = office_kind(path)
        if encrypted:
            return "encrypted-doc"
        return "wps" if path.suffix.lower() == ".wps" else "doc"
    if "CONTENTS" in streams:
        return "works"
    return "ole"


def _pdf_encrypted(p: Path) -> bool:
    try:
        from pypdf import PdfReader

        return bool(PdfReader(str(p)).is_encrypted)
    except Exception:  # the file was read already; this only decides a note
        return False


def _renamed(exc: errors.InputError, tmp: Path, shown: str) -> errors.InputError:
    """The same error, naming the file the user gave instead of a temporary copy."""
    return errors.InputError(exc.zh.replace(str(tmp), shown), exc.en.replace(str(tmp), shown))


def load(path: str | os.PathLike, ocr: str = "auto", password: str | None = None, progress=None) -> Document:
    """Read a report; raise errors.InputError with a bilingual reason when it cannot be read.

    `password` opens an encrypted PDF, DOCX or .doc; it is handed to the decrypting library only.
    `progress(done, total, page)` is called after each OCR'd page (a scanned PDF only)."""
    from checker.read import archive

    member = archive.split(path)
    if member is not None:
        outer, chain = member
        with archive.extracted(outer, chain) as (tmp, shown):
            try:
                doc = _load_file(tmp, ocr, password, shown, progress)
            except errors.InputError as exc:
                raise _renamed(exc, tmp, shown) from None
            doc.source = shown
            doc.warnings.append("archive-member")
            return doc
    p = Path(path)
    return _load_file(p, ocr, password, str(p), progress)


def _load_file(p: Path, ocr: str, password: str | None, shown: str, progress=None) -> Document:
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

        doc = read_pdf(p, ocr=ocr, password=password, progress=progress)
        if password and _pdf_encrypted(p):
            doc.warnings.append("opened-with-password")
        return doc
    if kind == "docx":
        from checker.read.docx import read_docx

        return read_docx(p)
    if kind == "ofd":
        from checker.read.ofd import read_ofd

        return read_ofd(p, shown)
    if kind in ("doc", "wps", "works"):
        return _read_legacy(p, kind, shown)
    if kind in ("encrypted-docx", "encrypted-doc"):
        return _read_encrypted_office(p, kind, password, shown)
    if kind == "archive":
        from checker.read.archive import count_members

        count_members(p, shown)  # a damaged or unsupported archive raises its own error here
        raise errors.InputError(f"这是压缩包，请用 pecheck check 逐个检查其中的报告：{shown}",
                                f"an archive: check it with `pecheck check`, member by member: {shown}")
    if kind == "rar":
        raise errors.InputError(f"不支持 .rar 压缩包，请解压后检查或改用 .zip：{shown}",
                                f".rar archives are not supported; extract it or use .zip: {shown}")
    if kind == "ole":
        raise errors.InputError(f"这是 Office 文件，但不是可读的 Word .doc/.wps 文档（可能是 Excel、PowerPoint，或已损坏）：{shown}",
                                f"an Office (OLE2) file that is not a readable .doc/.wps, or a damaged one: {shown}")
    if suffix == ".docx":
        raise errors.InputError(f"DOCX 文件已损坏（不是 zip 压缩包）：{shown}", f"corrupt DOCX, not a zip archive: {shown}")
    if suffix == ".pdf":
        raise errors.InputError(f"PDF 文件已损坏或不是 PDF（缺少 %PDF 文件头）：{shown}",
                                f"corrupt or not a PDF, no %PDF header: {shown}")
    if suffix == ".ofd":
        raise errors.InputError(f"OFD 文件已损坏（不是 zip 压缩包）：{shown}", f"corrupt OFD, not a zip archive: {shown}")
    if suffix in (".doc", ".wps"):
        raise errors.InputError(f"{suffix} 文件已损坏或不是 Word/WPS 文档：{shown}",
                                f"corrupt {suffix} file, not a Word/WPS document: {shown}")
    raise errors.unsupported(shown)


def _read_legacy(p: Path, kind: str, shown: str) -> Document:
    """.doc/.wps → a temporary DOCX by LibreOffice → the DOCX reader; locations are the DOCX's."""
    from checker.read.convert import to_docx
    from checker.read.docx import read_docx

    # LibreOffice picks its import filter by the name too: a Word binary must be called .doc
    suffix = ".wps" if kind == "works" else ".doc"
    with to_docx(p, suffix, shown, _LEGACY_LABEL[kind]) as docx_path:
        try:
            doc = read_docx(docx_path)
        except errors.InputError as exc:
            raise _renamed(exc, docx_path, shown) from None
    doc.source = shown
    doc.format = "wps" if kind == "works" else kind
    doc.warnings.append("converted-by-libreoffice")
    return doc


def _read_encrypted_office(p: Path, kind: str, password: str | None, shown: str) -> Document:
    from checker.read.crypto import decrypt

    label = "DOCX" if kind == "encrypted-docx" else "Word .doc"
    data = decrypt(p, password, shown, label)
    with tempfile.TemporaryDirectory(prefix="pecheck-dec-") as tmp:
        plain = Path(tmp) / ("decrypted.docx" if kind == "encrypted-docx" else "decrypted.doc")
        fd = os.open(plain, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # readable by this user only
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            doc = _load_file(plain, "off", None, shown)
        except errors.InputError as exc:
            raise _renamed(exc, plain, shown) from None
    doc.source = shown
    return doc
