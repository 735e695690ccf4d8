"""Accepting uploaded files: sniffed by content, size-limited, zips unpacked, names kept only for display.

Nothing the client sends is ever used as a path: a file is stored as `files/<id>.<kind>` with a
generated id, and its client-side name is reduced to a one-line display name.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from checker.record import ValueRecord

DEFAULT_LIMIT = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 200
_CHUNK = 1024 * 1024


class UploadError(Exception):
    """A refused upload: an HTTP status and a one-line bilingual reason."""

    def __init__(self, status: int, zh: str, en: str):
        super().__init__(f"{zh}（{en}）")
        self.status = status
        self.zh = zh
        self.en = en

    def line(self) -> str:
        return f"{self.zh}（{self.en}）"


def too_large(limit: int) -> UploadError:
    mb = f"{limit / 1024**2:g}"
    return UploadError(413, f"文件过大，超过 {mb} MB 的上限", f"file too large, the limit is {mb} MB")


def unsupported(name: str) -> UploadError:
    return UploadError(415, f"不支持的文件类型（仅支持 PDF、DOCX 或其 zip 压缩包）：{name}",
                       f"unsupported file type, only PDF, DOCX or a zip of them: {name}")


def display_name(raw: str | None, fallback: str = "未命名") -> str:
    """The last component of whatever path the client sent, one line, at most 200 characters."""
    s = str(raw or "")
    s = PureWindowsPath(PurePosixPath(s.replace("\\", "/")).name).name
    s = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in s).strip()
    s = s.strip(". ") or fallback
    return s[:200]


def sniff_bytes(head: bytes, path: Path) -> str:
    """pdf | docx | zip | unknown, from the content (a DOCX is a zip holding word/document.xml)."""
    if head.startswith(b"PK\x03\x04"):  # first: a stored zip member may show a PDF header early on
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "unknown"
        if "word/document.xml" in names:
            return "docx"
        return "zip"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    return "unknown"


@dataclass(repr=False, eq=False)
class Incoming(ValueRecord):
    """One accepted report file, still in the temporary folder."""

    name: str
    kind: str
    path: Path
    size: int
    sha256: str


def receive(stream, name: str, tmp_dir: Path, limit: int) -> Path:
    """Copy a file-like object to a temporary file, refusing it (413) past `limit` bytes."""
    fd, tmp = tempfile.mkstemp(prefix="up-", dir=str(tmp_dir))
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise too_large(limit)
                out.write(chunk)
    except BaseException:
        os.unlink(tmp)
        raise
    return Path(tmp)


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def classify(path: Path, name: str, tmp_dir: Path, limit: int) -> tuple[list[Incoming], list[str]]:
    """The report files in one received file: itself, or the members of a zip.

    Returns (accepted, skipped names).  Raises UploadError 415 when nothing in it can be checked."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head:
        raise UploadError(400, f"文件为空：{name}", f"empty file: {name}")
    kind = sniff_bytes(head, path)
    if kind in ("pdf", "docx"):
        return [Incoming(name, kind, path, path.stat().st_size, _digest(path))], []
    if kind != "zip":
        raise unsupported(name)
    out: list[Incoming] = []
    skipped: list[str] = []
    total = 0
    try:
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
            if len(members) > MAX_ZIP_MEMBERS:
                raise UploadError(413, f"压缩包内文件过多（超过 {MAX_ZIP_MEMBERS} 个）",
                                  f"too many files in the zip (more than {MAX_ZIP_MEMBERS})")
            for m in members:
                mname = display_name(m.filename)
                if mname.startswith(("__MACOSX", "._", "~$")) or "__MACOSX/" in m.filename:
                    continue
                if m.file_size > limit:
                    raise too_large(limit)
                total += m.file_size
                if total > limit * 10:  # a zip bomb spread over many members
                    raise too_large(limit * 10)
                try:
                    with zf.open(m) as src:
                        member = receive(src, mname, tmp_dir, limit)  # declared sizes can lie
                except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError):
                    skipped.append(mname)  # encrypted or corrupt member
                    continue
                with member.open("rb") as fh:
                    mhead = fh.read(1024)
                mkind = sniff_bytes(mhead, member) if mhead else "unknown"
                if mkind not in ("pdf", "docx"):
                    member.unlink()
                    skipped.append(mname)
                    continue
                out.append(Incoming(mname, mkind, member, member.stat().st_size, _digest(member)))
    except (zipfile.BadZipFile, OSError) as exc:
        for inc in out:
            inc.path.unlink(missing_ok=True)
        raise UploadError(400, f"压缩包已损坏：{name}", f"corrupt zip: {name}") from exc
    except UploadError:
        for inc in out:
            inc.path.unlink(missing_ok=True)
        raise
    finally:
        path.unlink(missing_ok=True)
    if not out:
        raise unsupported(name)
    return out, skipped


def store_file(inc: Incoming, files_dir: Path, rid: str) -> str:
    """Move an accepted file to its generated name; returns that name."""
    stored = f"{rid}.{inc.kind}"
    shutil.move(str(inc.path), files_dir / stored)
    return stored
