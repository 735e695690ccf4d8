"""Build a corpus of hostile and broken inputs for pecheck (issue 8: never crash, never hang).

    python tests/make_bad_corpus.py DIR       # writes the files, prints name -> path
    from make_bad_corpus import build         # build(dir) -> {name: path}

Everything is generated from the seed sample in a few seconds; nothing is downloaded. The largest
file is the zip bomb (about 1 MB on disk, 1 GiB unpacked), written in chunks so the 1 GiB never
sits in memory.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_PDF = ROOT / "samples" / "xiangxi-2022.pdf"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
UNREADABLE_DIR = "unreadable"  # the directory made chmod 000
UNREADABLE_FILE = "unreadable/seed copy.pdf"


# ----------------------------------------------------------------------------- PDF helpers
def _raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from numbered object bodies (object i+1 = objects[i]) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


_PAGE = (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> >> >>")
_TEXT = _stream(b"BT /F1 12 Tf 72 720 Td (Budget performance self-evaluation) Tj ET")
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _looping_pdf_self() -> bytes:
    """The root Pages node lists itself among its Kids."""
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
        _PAGE % 2,
        _TEXT,
        _FONT,
    ])


def _looping_pdf_parent() -> bytes:
    """A child Pages node lists its own parent among its Kids (2 -> 6 -> 2)."""
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 3 >>",
        _PAGE % 2,
        _TEXT,
        _FONT,
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ])


def _deep_pdf(depth: int = 5000) -> bytes:
    """A page tree nested thousands of levels deep (no loop): tests recursion limits."""
    n0 = 6
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % n0,
            _PAGE % (n0 + depth - 1), _TEXT, _FONT]
    for k in range(depth):
        num = n0 + k
        parent = 2 if k == 0 else num - 1
        kid = 3 if k == depth - 1 else num + 1
        objs.append(b"<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R] /Count 1 >>" % (parent, kid))
    return _raw_pdf(objs)


def _flate_bomb_pdf(size: int) -> bytes:
    """One page whose content stream inflates to `size` bytes of spaces (a few hundred KB packed)."""
    import zlib

    co = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    packed = bytearray()
    left = size
    while left > 0:
        packed += co.compress(chunk[: min(left, len(chunk))])
        left -= len(chunk)
    packed += co.flush()
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + bytes(packed) + b"\nendstream"
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _PAGE % 2,
        body,
        _FONT,
    ])


def _broken_xref(data: bytes) -> bytes:
    """Garble every offset of every xref table (same length, so the file layout stays) and the
    startxref pointer."""
    import re

    def garble(m: re.Match) -> bytes:
        return b"%010d %s" % ((int(m.group(1)) * 7 + 13) % 99999, m.group(2))

    data = re.sub(rb"(?m)^(\d{10}) (\d{5} [nf])", garble, data)
    return re.sub(rb"startxref\s+(\d+)", lambda m: b"startxref\n%d" % (int(m.group(1)) // 3), data)


def _encrypted(src: Path, user: str, owner: str, algorithm: str | None = None) -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(src))
    if algorithm:
        w.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    else:
        w.encrypt(user_password=user, owner_password=owner)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _blank_pages(n: int) -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    for _ in range(n):
        w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _repeated_pages(src: Path, n_pages: int) -> bytes:
    """The seed's pages repeated until the report has `n_pages` pages (shared resources stay shared)."""
    from pypdf import PdfReader, PdfWriter

    r = PdfReader(src)
    w = PdfWriter()
    k = len(r.pages)
    for i in range(n_pages):
        w.add_page(r.pages[i % k])
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _image_only_pdf() -> bytes:
    """One A4 page holding one scanned-looking image, no text layer."""
    from PIL import Image, ImageDraw

    im = Image.new("L", (620, 877), 255)
    d = ImageDraw.Draw(im)
    for y in range(80, 800, 24):  # lines of "text" as grey bars
        d.rectangle([60, y, 60 + (y * 37) % 480 + 60, y + 10], fill=40)
    d.rectangle([40, 40, 580, 837], outline=0, width=3)
    buf = io.BytesIO()
    im.save(buf, format="PDF", resolution=75.0)
    return buf.getvalue()


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


# ----------------------------------------------------------------------------- DOCX helpers
def _docx_bytes(build) -> bytes:
    import docx

    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _replace_part(docx_data: bytes, name: str, content: bytes) -> bytes:
    """The same package with one part's bytes replaced."""
    src = zipfile.ZipFile(io.BytesIO(docx_data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = content if info.filename == name else src.read(info.filename)
            dst.writestr(info.filename, data)
    return buf.getvalue()


def _document_xml(doctype: str, body_text: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}\n'
            f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>'
            f"</w:body></w:document>").encode()


def _billion_laughs() -> str:
    lines = ['<!DOCTYPE w:document [', '<!ENTITY lol "lol">']
    prev = "lol"
    for i in range(1, 10):
        lines.append(f'<!ENTITY lol{i} "' + f"&{prev};" * 10 + '">')
        prev = f"lol{i}"
    lines.append("]>")
    return "\n".join(lines)


def _write_zip_bomb(path, docx_data: bytes, size: int, zip64: bool = True) -> None:
    """A DOCX whose word/document.xml unpacks to `size` bytes (mostly ASCII zeros inside one w:t),
    streamed in 1 MiB chunks through ZipFile.open(..., 'w', force_zip64=True)."""
    src = zipfile.ZipFile(io.BytesIO(docx_data))
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}">'
            f"<w:body><w:p><w:r><w:t>").encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    chunk = b"0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                zi = zipfile.ZipInfo("word/document.xml", date_time=(2023, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                with dst.open(zi, "w", force_zip64=zip64) as fh:
                    fh.write(head)
                    left = size - len(head) - len(tail)
                    while left > 0:
                        n = min(left, len(chunk))
                        fh.write(chunk[:n])
                        left -= n
                    fh.write(tail)
            else:
                dst.writestr(info.filename, src.read(info.filename))


def _lying_zip(docx_data: bytes, real_size: int) -> bytes:
    """A DOCX whose word/document.xml really unpacks to `real_size` bytes while the zip headers
    claim 2 KB: a bomb that a guard trusting the declared sizes would let through."""
    buf = io.BytesIO()
    _write_zip_bomb(buf, docx_data, real_size, zip64=False)
    data = bytearray(buf.getvalue())
    fake = (2048).to_bytes(4, "little")
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    lh = info.header_offset
    data[lh + 22: lh + 26] = fake  # local header: uncompressed size
    p = 0
    while True:
        cd = data.find(b"PK\x01\x02", p)
        if cd < 0:
            break
        n_len = int.from_bytes(data[cd + 28: cd + 30], "little")
        if bytes(data[cd + 46: cd + 46 + n_len]) == b"word/document.xml":
            data[cd + 24: cd + 28] = fake  # central directory: uncompressed size
        p = cd + 4
    return bytes(data)


def _nested_tables(d, depth: int = 60) -> None:
    """Tables nested `depth` deep, each inner table in the first cell of the one around it."""
    d.add_paragraph("嵌套表格")
    cell = d.add_table(rows=1, cols=2).cell(0, 0)
    for k in range(depth):
        cell.text = f"第{k}层"
        cell = cell.add_table(rows=1, cols=2).cell(0, 0)


def _odd_geometry_pdf() -> bytes:
    """Pages with an empty MediaBox, a huge one and text at absurd coordinates."""
    text = _stream(b"BT /F1 12 Tf 1e30 -1e30 Td (1800 1160.49 64.47%) Tj ET "
                   b"BT /F1 0 Tf 72 720 Td (zero size font 100) Tj ET "
                   b"BT /F1 12 Tf 72 700 Td (budget 1800 spent 1160.49) Tj ET")
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R 7 0 R] /Count 3 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 0 0] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        text,
        _FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Rotate 90 /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [595 842 0 0] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
    ])


def _body_xml(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}">'
            f"{body}</w:document>").encode()


def _table_xml(span: str) -> str:
    """A 2x3 table whose first cell spans `span` columns (as written in the file, valid or not)."""
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    first = f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc>'
    row2 = "".join(cell.format(v) for v in ("100", "60", "40"))
    return (f'<w:tbl><w:tr><w:trPr><w:gridBefore w:val="{span}"/></w:trPr>{first}{cell.format("1")}</w:tr>'
            f"<w:tr>{row2}</w:tr></w:tbl>")


def _no_tables(d) -> None:
    d.add_paragraph("2023年度项目支出绩效自评报告：本项目全年预算100万元，已全部支出。")


def _empty_tables(d) -> None:
    d.add_paragraph("项目支出绩效自评表")
    for rows, cols in ((9, 6), (12, 10), (3, 3)):
        d.add_table(rows=rows, cols=cols)
        d.add_paragraph("")


def _seed_docx(d) -> None:
    d.add_paragraph("项目支出绩效自评报告")


# ----------------------------------------------------------------------------- the corpus
def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _ofd(doctype: str, text: str) -> bytes:
    """A one-page OFD whose page carries `doctype` in its prolog and `text` in a text object."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    page = (f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<ofd:Page {ns}><ofd:Content><ofd:Layer ID="1">'
            f'<ofd:TextObject ID="2" Boundary="25 30 160 8" Size="5"><ofd:TextCode X="0" Y="4.4">{text}'
            f'</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>')
    return _zip({
        "OFD.xml": f'<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'.encode(),
        "Doc_0/Document.xml": (f'<ofd:Document {ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297'
                               f'</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="3" '
                               f'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>').encode(),
        "Doc_0/Pages/Page_0/Content.xml": page.encode(),
    })


def _encrypted_docx(docx: bytes, password: str) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(docx)).encrypt(password, out)
    return out.getvalue()


def build(directory: str | os.PathLike, bomb_size: int = 1 << 30, seed_pdf: Path = SEED_PDF) -> dict[str, Path]:
    """Write the hostile corpus into `directory` (created if needed); return {name: path}.

    The directory `unreadable/` (holding a copy of the seed) is chmod 000; call `restore(dir)`
    before deleting the corpus when not running as root.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        p = out / name
        p.write_bytes(data)
        files[name] = p

    seed = seed_pdf.read_bytes()
    put("empty.pdf", b"")
    put("empty.docx", b"")
    put("truncated.pdf", seed[: int(len(seed) * 0.4)])
    put("broken-xref.pdf", _broken_xref(seed))
    put("encrypted-user-password.pdf", _encrypted(seed_pdf, user="secret", owner="owner"))
    put("encrypted-owner-only.pdf", _encrypted(seed_pdf, user="", owner="owner"))
    put("encrypted-aes256-owner-only.pdf", _encrypted(seed_pdf, user="", owner="owner", algorithm="AES-256"))
    put("page-tree-loop-self.pdf", _looping_pdf_self())
    put("page-tree-loop-parent.pdf", _looping_pdf_parent())
    put("page-tree-deep.pdf", _deep_pdf())
    put("blank-3000-pages.pdf", _blank_pages(3000))
    put("blank-1400-pages.pdf", _blank_pages(1400))
    put("flate-bomb.pdf", _flate_bomb_pdf(320 << 20))
    put("odd-geometry.pdf", _odd_geometry_pdf())
    put("junk-before-header.pdf", b"\r\n\x00garbage written by a mail gateway\n" + seed)
    put("docx-named.pdf", _docx_bytes(_no_tables))
    put("ole-named.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))
    put("image-only.pdf", _image_only_pdf())
    put("png-named.pdf", _png())
    put("report-300-pages.pdf", _repeated_pages(seed_pdf, 300))

    base = _docx_bytes(_seed_docx)
    put("not-a-zip.docx", b"PK\x03\x04" + os.urandom(2000))  # zip signature, garbage after it
    put("text-named.docx", "这是一个文本文件，不是 Word 文档。\nplain text, not a DOCX\n".encode())
    _write_zip_bomb(out / "zip-bomb.docx", base, bomb_size)
    files["zip-bomb.docx"] = out / "zip-bomb.docx"
    put("zip-bomb-lying-header.docx", _lying_zip(base, 64 << 20))
    put("billion-laughs.docx", _replace_part(base, "word/document.xml",
                                             _document_xml(_billion_laughs(), "&lol9;")))
    put("xxe-file.docx", _replace_part(base, "word/document.xml", _document_xml(
        '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;")))
    put("xxe-http.docx", _replace_part(base, "word/document.xml", _document_xml(
        '<!DOCTYPE w:document [<!ENTITY x SYSTEM "http://127.0.0.1:9/evil.dtd">]>', "&x;")))
    put("xxe-parameter-entity.docx", _replace_part(base, "word/document.xml", _document_xml(
        '<!DOCTYPE w:document [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>', "x")))
    put("xxe-in-content-types.docx", _replace_part(base, "[Content_Types].xml", (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Types [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        + zipfile.ZipFile(io.BytesIO(base)).read("[Content_Types].xml").split(b"?>", 1)[1])))
    put("no-tables.docx", _docx_bytes(_no_tables))
    put("gridspan-garbage.docx", _replace_part(base, "word/document.xml", _body_xml(
        f"<w:body><w:p><w:r><w:t>资金表</w:t></w:r></w:p>{_table_xml('abc')}</w:body>")))
    put("gridspan-huge.docx", _replace_part(base, "word/document.xml", _body_xml(
        f"<w:body><w:p><w:r><w:t>资金表</w:t></w:r></w:p>{_table_xml('2147483647')}</w:body>")))
    put("no-body.docx", _replace_part(base, "word/document.xml", _body_xml("")))
    put("page-breaks-10000.docx", _replace_part(base, "word/document.xml", _body_xml(
        "<w:body>" + '<w:p><w:r><w:t>第</w:t><w:br w:type="page"/></w:r></w:p>' * 10000 + "</w:body>")))
    put("deep-xml.docx", _replace_part(base, "word/document.xml", _body_xml(
        "<w:body>" + "<w:sdt><w:sdtContent>" * 3000 + "<w:p/>" + "</w:sdtContent></w:sdt>" * 3000
        + "</w:body>")))
    put("nested-tables.docx", _docx_bytes(_nested_tables))
    put("empty-tables.docx", _docx_bytes(_empty_tables))
    put("报告 副本 2022.pdf", seed)
    # issue 19: OFD, encrypted Office, legacy and archive formats
    put("ofd-billion-laughs.ofd", _ofd(_billion_laughs().replace("w:document", "ofd:Page"), "&lol9;"))
    put("ofd-xxe-file.ofd", _ofd('<!DOCTYPE ofd:Page [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;"))
    put("ofd-no-root.ofd", _zip({"Doc_0/Document.xml": b"<Document/>"}))
    put("ofd-named.pdf", _ofd("", "项目支出绩效自评报告"))
    put("encrypted-docx.docx", _encrypted_docx(base, "secret"))
    put("ole-garbage.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))
    put("rar-named.zip", b"Rar!\x1a\x07\x00" + bytes(200))

    if hasattr(os, "mkfifo"):  # a named pipe: opening it for reading would block forever
        fifo = out / "fifo.pdf"
        if not fifo.exists():
            os.mkfifo(fifo)
        files["fifo.pdf"] = fifo

    locked = out / UNREADABLE_DIR
    locked.mkdir(exist_ok=True)
    shutil.copyfile(seed_pdf, out / UNREADABLE_FILE)
    (out / UNREADABLE_FILE).chmod(0)
    locked.chmod(0)
    files[UNREADABLE_DIR] = locked
    files[UNREADABLE_FILE] = out / UNREADABLE_FILE
    return files


def restore(directory: str | os.PathLike) -> None:
    """Give the chmod-000 directory back its permissions so the corpus can be deleted."""
    locked = Path(directory) / UNREADABLE_DIR
    if locked.exists():
        locked.chmod(0o755)
        f = Path(directory) / UNREADABLE_FILE
        if f.exists():
            f.chmod(0o644)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/make_bad_corpus.py DIR")
    for name, path in build(sys.argv[1]).items():
        size = path.stat().st_size if path.is_file() else 0
        print(f"{size:>10}  {name}")
