"""Archives of a department's submission (.zip; .7z with the `archives` extra), checked member by member.

A member is named `archive.zip!/path/in/archive.pdf` everywhere (results, JSON, summaries), and a
member that is itself an archive is opened once more: `outer.zip!/inner.zip!/report.pdf`. Deeper
nesting, unsafe paths (absolute, `..`), encrypted members and members that inflate abnormally each
give that member its own clear error; the other members are still checked. Members are read into
memory within limits and handed to the readers through a private temporary file: nothing is
extracted next to the archive, and the archive is never written.

.rar is not supported: its decompressor is not free software (rarfile needs an external unrar).
"""

from __future__ import annotations

import io
import os
import posixpath
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path

from checker import errors

SEP = "!/"
MEMBER_SUFFIXES = (".pdf", ".docx", ".ofd", ".doc", ".wps")
ARCHIVE_SUFFIXES = (".zip", ".7z")
_MAX_MEMBERS = 2000
_MAX_MEMBER = 200 * 1024 * 1024  # same as a file on disk
_MAX_TOTAL = 2 * 1024 * 1024 * 1024
_MAX_RATIO = 200
_NESTED_MAX = 64 * 1024 * 1024  # an inner archive is held in memory
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_7Z = b"7z\xbc\xaf\x27\x1c"


def archive_kind(head: bytes) -> str | None:
    if head.startswith(_7Z):
        return "7z"
    if head.startswith(b"Rar!\x1a\x07"):
        return "rar"
    return None


def split(path) -> tuple[Path, list[str]] | None:
    """`a.zip!/x/b.zip!/c.pdf` → (Path('a.zip'), ['x/b.zip', 'c.pdf']) when a.zip is a file and the
    whole name is not itself a file; else None."""
    s = str(path)
    if SEP not in s:
        return None
    outer, *inner = s.split(SEP)
    if not outer or not inner or os.path.exists(s) or not os.path.isfile(outer):
        return None
    return Path(outer), inner


def _unsafe(name: str) -> bool:
    n = name.replace("\\", "/")
    return n.startswith("/") or (len(n) > 1 and n[1] == ":") or ".." in n.split("/")


def _wanted(name: str) -> bool:
    base = posixpath.basename(name.replace("\\", "/"))
    return (name.lower().endswith(MEMBER_SUFFIXES + ARCHIVE_SUFFIXES) and not base.startswith((".", "~$"))
            and not name.startswith("__MACOSX/"))


class _Archive:
    """A uniform view of a zip or a 7z: members with sizes, and reading one within limits."""

    def __init__(self, source, shown: str):
        self.shown = shown
        head = _head(source)
        if head.startswith(_7Z):
            self.kind = "7z"
            try:
                import py7zr
            except ImportError as exc:
                raise errors.InputError(f"读取 .7z 压缩包需要安装 pip install 'pecheck[archives]'：{shown}",
                                        f".7z archives need: pip install 'pecheck[archives]': {shown}") from exc
            try:
                self.z = py7zr.SevenZipFile(source, mode="r")
                self.infos = {i.filename: i for i in self.z.list() if not i.is_directory}
            except Exception as exc:  # py7zr raises many types on damaged or encrypted headers
                raise errors.InputError(f".7z 压缩包已损坏或整体加密，无法读取：{shown}",
                                        f"corrupt or header-encrypted .7z archive: {shown}") from exc
        elif head.startswith(b"Rar!\x1a\x07"):
            raise errors.InputError(f"不支持 .rar 压缩包，请解压后检查或改用 .zip：{shown}",
                                    f".rar archives are not supported; extract it or use .zip: {shown}")
        else:
            self.kind = "zip"
            try:
                self.z = zipfile.ZipFile(source)
                self.infos = {i.filename: i for i in self.z.infolist() if not i.is_dir()}
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                raise errors.InputError(f"压缩包已损坏，无法读取：{shown}", f"corrupt zip archive: {shown}") from exc
        if len(self.infos) > _MAX_MEMBERS * 5:
            raise errors.InputError(f"压缩包含有异常多的文件（{len(self.infos)} 个），已拒绝：{shown}",
                                    f"archive has abnormally many members ({len(self.infos)}), refused: {shown}")

    def size(self, name: str) -> tuple[int, int]:
        i = self.infos[name]
        if self.kind == "zip":
            return i.file_size, i.compress_size
        return int(i.uncompressed or 0), int(i.compressed or 0)

    def encrypted(self, name: str) -> bool:
        i = self.infos[name]
        return bool(i.flag_bits & 0x1) if self.kind == "zip" else bool(self.z.password_protected)

    def names(self) -> list[str]:
        return sorted(self.infos)

    def read(self, name: str, limit: int) -> bytes:
        shown = f"{self.shown}{SEP}{name}"
        if _unsafe(name):
            raise errors.InputError(f"压缩包内文件路径不安全（绝对路径或含 ..），已拒绝：{shown}",
                                    f"unsafe member path (absolute or ..), refused: {shown}")
        if self.encrypted(name):
            raise errors.InputError(f"压缩包内文件已加密，无法读取，请解压后单独检查：{shown}",
                                    f"encrypted archive member: {shown}")
        size, packed = self.size(name)
        if size > limit or (size > 32 * 1024 * 1024 and size / max(packed, 1) > _MAX_RATIO):
            raise errors.InputError(f"压缩包内文件解压后异常庞大，疑似压缩炸弹，已拒绝：{shown}",
                                    f"member inflates abnormally (zip bomb?), refused: {shown}")
        try:
            if self.kind == "zip":
                with self.z.open(self.infos[name]) as fh:  # never inflates past the declared size
                    data = fh.read(limit + 1)
            else:
                from py7zr.io import BytesIOFactory

                self.z.reset()
                factory = BytesIOFactory(limit + 1)  # stops storing past the limit
                self.z.extract(targets=[name], factory=factory)
                data = factory.get(name).read()
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError, KeyError) as exc:
            raise errors.InputError(f"压缩包内文件已损坏，无法解压：{shown}", f"damaged archive member: {shown}") from exc
        except Exception as exc:  # py7zr's own errors
            raise errors.InputError(f"压缩包内文件已损坏，无法解压：{shown}", f"damaged archive member: {shown}") from exc
        if len(data) > limit:
            raise errors.InputError(f"压缩包内文件解压后异常庞大，疑似压缩炸弹，已拒绝：{shown}",
                                    f"member inflates abnormally (zip bomb?), refused: {shown}")
        return data

    def close(self) -> None:
        try:
            self.z.close()
        except Exception:
            pass


def _head(source) -> bytes:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source[:8])
    if isinstance(source, io.BytesIO):
        return source.getvalue()[:8]
    with open(source, "rb") as fh:
        return fh.read(8)


def is_archive(path: Path) -> bool:
    """A .zip or .7z that is neither a DOCX nor an OFD (both are zips too)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return False
    if archive_kind(head):
        return True
    if not head.startswith(_ZIP):
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            names = {n.lstrip("/") for n in zf.namelist()[:20_000]}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return path.suffix.lower() == ".zip"
    return "word/document.xml" not in names and not any(n.lower() == "ofd.xml" for n in names) \
        and "[Content_Types].xml" not in names


def count_members(path: Path, shown: str) -> int:
    """How many members an archive holds; raises the archive's own error when it cannot be read."""
    arc = _Archive(path, shown)
    try:
        return len(arc.infos)
    finally:
        arc.close()


def members(path: Path) -> list[str]:
    """Virtual names of the members to check, one level of inner archives opened. An archive that
    cannot be listed is returned as itself, so that its error is reported."""
    try:
        arc = _Archive(path, str(path))
    except errors.InputError:
        return [str(path)]
    out: list[str] = []
    try:
        total = 0
        for name in arc.names():
            if not _wanted(name):
                continue
            virtual = f"{path}{SEP}{name}"
            total += arc.size(name)[0]
            if name.lower().endswith(ARCHIVE_SUFFIXES) and not _unsafe(name) and not arc.encrypted(name) \
                    and total <= _MAX_TOTAL:
                try:
                    inner = _Archive(io.BytesIO(arc.read(name, _NESTED_MAX)), virtual)
                except errors.InputError:
                    out.append(virtual)
                    continue
                try:
                    out += [f"{virtual}{SEP}{n}" for n in inner.names() if _wanted(n)]
                finally:
                    inner.close()
            else:
                out.append(virtual)
            if len(out) >= _MAX_MEMBERS:
                break
    finally:
        arc.close()
    return out or [str(path)]


@contextmanager
def extracted(outer: Path, chain: list[str]):
    """Yield a private temporary file holding the member named by `chain` inside `outer`."""
    shown = str(outer)
    source: object = outer
    data = b""
    for depth, name in enumerate(chain):
        is_last = depth == len(chain) - 1
        arc = _Archive(source, shown)
        try:
            if name not in arc.infos:
                raise errors.InputError(f"压缩包内没有此文件：{shown}{SEP}{name}", f"no such archive member: {shown}{SEP}{name}")
            if not is_last and depth >= 1:
                raise errors.InputError(f"压缩包嵌套超过一层，未展开：{shown}{SEP}{name}",
                                        f"archives nested more than one level deep are not opened: {shown}{SEP}{name}")
            data = arc.read(name, _MAX_MEMBER if is_last else _NESTED_MAX)
        finally:
            arc.close()
        shown = f"{shown}{SEP}{name}"
        source = io.BytesIO(data)
    if chain[-1].lower().endswith(ARCHIVE_SUFFIXES) and (data[:4] in _ZIP or archive_kind(data)):
        if len(chain) >= 2:
            raise errors.InputError(f"压缩包嵌套超过一层，未展开：{shown}",
                                    f"archives nested more than one level deep are not opened: {shown}")
    suffix = posixpath.splitext(chain[-1])[1].lower()
    suffix = suffix if suffix in MEMBER_SUFFIXES + ARCHIVE_SUFFIXES else ".bin"
    with tempfile.TemporaryDirectory(prefix="pecheck-arc-") as tmp:
        p = Path(tmp) / f"member{suffix}"
        p.write_bytes(data)
        yield p, shown
