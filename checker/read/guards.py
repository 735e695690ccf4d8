"""Guards that refuse hostile input before it costs memory or time: file size, zip bombs and XML
entity declarations in DOCX, decompression bombs in PDF content streams."""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from pathlib import Path

from checker import errors

MAX_BYTES = 200 * 1024 * 1024  # an input file larger than this is refused unread
PDF_INFLATE_BUDGET = 256 * 1024 * 1024  # inflated content, form, font and CMap stream bytes per PDF


def guard_size(path: Path, st: os.stat_result) -> None:
    """Refuse an empty file or one too large to be a report."""
    if st.st_size == 0:
        raise errors.empty(str(path))
    if st.st_size > MAX_BYTES:
        raise errors.InputError(f"文件过大（{st.st_size // 1048576} MB）：{path}", f"file too large: {path}")


_MAX_UNZIPPED = 300 * 1024 * 1024
_MAX_RATIO = 200


def guard_docx(path: Path) -> None:
    """Refuse zip bombs, non-DOCX zips and XML carrying a DTD before any XML is parsed.

    Sizes come from the zip directory (Python's zipfile never inflates past a member's declared
    size, so a lying header ends in a CRC error, not in memory). Word never writes a DTD, and a DTD
    is what entity bombs and external entities (XXE) need, so any part whose prolog declares one is
    refused; the check reads the first 64 KB of each part, enough for any real prolog.
    """
    import re

    prolog = re.compile(rb"(?:\s|<\?.*?\?>|<!--.*?-->)*", re.S)
    head_max = 64 * 1024
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > 10_000:
                raise errors.InputError(f"DOCX 含有异常多的部件（{len(infos)} 个），已拒绝：{path}",
                                        f"DOCX has abnormally many parts ({len(infos)}), refused: {path}")
            names = {i.filename for i in infos}
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if "word/document.xml" not in names:
                raise errors.InputError(f"不是 Word 文档（缺少 word/document.xml）：{path}",
                                        f"not a Word document, word/document.xml missing: {path}")
            if total > _MAX_UNZIPPED or (total > 32 * 1024 * 1024 and total / packed > _MAX_RATIO):
                raise errors.InputError(f"DOCX 解压后异常庞大，疑似压缩炸弹，已拒绝：{path}",
                                        f"DOCX expands abnormally (zip bomb?), refused: {path}")
            for info in infos:
                if info.is_dir():
                    continue
                if info.flag_bits & 0x1:
                    raise errors.InputError(f"DOCX 内部文件已加密，无法读取，请去除密码后另存：{path}",
                                            f"DOCX parts are encrypted: {path}")
                with zf.open(info) as fh:
                    head = fh.read(head_max)
                text = head.replace(b"\0", b"")  # UTF-16/32 markup reads as ASCII without its zero bytes
                for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
                    text = text.removeprefix(bom)
                rest = text[prolog.match(text).end():]
                if rest[:9].upper() == b"<!DOCTYPE" or (not rest and len(head) == head_max):
                    raise errors.InputError(
                        f"DOCX 含有 DTD/实体声明（{info.filename}），已拒绝（可能的 XML 实体攻击）：{path}",
                        f"DOCX XML declares a DTD or entities (XML entity attack?), refused: {path}")
    except errors.InputError:
        raise
    except NotImplementedError as exc:  # deflate64, AES and other compression methods zipfile lacks
        raise errors.InputError(f"DOCX 使用了不支持的压缩方式：{path}",
                                f"DOCX uses an unsupported compression method: {path}") from exc
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, RuntimeError) as exc:
        raise errors.InputError(f"DOCX 文件已损坏（zip 压缩包无效或内部文件校验失败）：{path}",
                                f"corrupt DOCX, invalid zip archive or damaged part: {path}") from exc


class PdfBombGuard:
    """Called with each pdfplumber page before it is read; raises InputError for a bomb."""

    def __init__(self, path: Path, budget: int = PDF_INFLATE_BUDGET):
        self.path = path
        self.budget = budget
        self.seen: set = set()

    def __call__(self, page) -> None:
        """Measure what pdfminer is about to inflate for this page (streams shared between pages are
        counted once) and refuse a decompression bomb before it fills memory. Images are left out:
        reading text never decodes them."""
        from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFObjRef, PDFStream
        from pdfminer.psparser import LIT

        path = self.path
        todo = [page.page_obj.attrs.get("Contents"), page.page_obj.attrs.get("Resources")]
        steps = 0
        while todo and steps < 50_000:
            steps += 1
            obj = todo.pop()
            if isinstance(obj, PDFObjRef):
                key = ("ref", obj.objid)
                if key in self.seen:
                    continue
                self.seen.add(key)
                obj = obj.resolve()
            if isinstance(obj, dict):
                todo.extend(obj.values())
            elif isinstance(obj, list):
                todo.extend(obj)
            elif isinstance(obj, PDFStream) and ("stream", id(obj)) not in self.seen:
                self.seen.add(("stream", id(obj)))
                if obj.attrs.get("Subtype") is LIT("Image"):
                    continue
                todo.extend(obj.attrs.values())  # a form's own resources
                filters = obj.get_filters()
                if obj.rawdata is None or not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
                    continue
                data = obj.rawdata
                if obj.decipher:
                    data = obj.decipher(obj.objid, obj.genno, data, obj.attrs)
                inflater = zlib.decompressobj()
                while data and self.budget >= 0:
                    try:
                        self.budget -= len(inflater.decompress(data, 1 << 24))
                    except zlib.error:
                        break  # pdfminer copes with broken streams its own way
                    data = inflater.unconsumed_tail
                if self.budget < 0:
                    raise errors.InputError(f"PDF 第 {page.page_number} 页的内容解压后异常庞大，疑似压缩炸弹，已拒绝：{path}",
                                            f"page {page.page_number} inflates abnormally (decompression bomb?), "
                                            f"refused: {path}")


_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")


def guard_pdf_streams(path: Path, budget: int = PDF_INFLATE_BUDGET) -> None:
    """Refuse a decompression bomb in an unencrypted PDF from its bytes alone, before any parser
    inflates it: every stream but images is inflated into nothing, against one budget for the file.

    The whole-file counterpart of PdfBombGuard for the pdfium path (pdfium inflates in C, with no
    hook to stop it): a scan in C (regex, zlib) instead of pdfminer resolving every referenced object
    in Python, which costs seconds on a browser PDF with thousands of Type 3 glyph procedures.
    Streams no page uses are counted too, which only makes the budget stricter."""
    data = path.read_bytes()
    view = memoryview(data)
    for m in _STREAM.finditer(data):
        head_from = max(0, m.start() - 4096)
        objs = list(_OBJ.finditer(data, head_from, m.start()))
        head = data[objs[-1].end() if objs else head_from:m.start()]
        if _IMAGE.search(head):
            continue  # reading text never decodes an image
        inflater = zlib.decompressobj()
        pos = m.end()
        try:
            while budget >= 0 and not inflater.eof and pos < len(data):
                chunk = inflater.unconsumed_tail or view[pos:pos + (1 << 16)]
                if not inflater.unconsumed_tail:
                    pos += len(chunk)
                budget -= len(inflater.decompress(chunk, 1 << 24))
        except zlib.error:
            pass  # not Flate data (another filter, or broken): the reader copes its own way
        if budget < 0:
            raise errors.InputError(f"PDF 的内容解压后异常庞大，疑似压缩炸弹，已拒绝：{path}",
                                    f"PDF content inflates abnormally (decompression bomb?), refused: {path}")
