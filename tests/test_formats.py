"""Issue 19: formats beyond PDF and DOCX — OFD, .doc/.wps, passwords, archives.

OFD samples (samples/make_ofd.py writes them from the PDF twins) must give the PDF twin's findings
at the same places; hostile OFD packages end in one clear line each."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import SAMPLES

from checker.config import Config
from checker.errors import InputError
from checker.read import load, sniff
from checker.read.convert import soffice
from checker.runner import check_file

OFD_SAMPLES = sorted(p.stem for p in SAMPLES.glob("*.ofd"))


def _key(f) -> tuple:
    locs = tuple((loc.page, loc.table, loc.row, loc.col, loc.paragraph) for loc in f.locations)
    return (f.rule, f.severity, f.message, str(f.expected), str(f.found), locs)


def test_there_are_ofd_samples_with_keys():
    assert len(OFD_SAMPLES) >= 3
    for name in OFD_SAMPLES:
        assert (SAMPLES / f"{name}.pdf").is_file() and (SAMPLES / f"{name}.expected.json").is_file()
        assert sniff(SAMPLES / f"{name}.ofd") == "ofd"


@pytest.mark.parametrize("name", OFD_SAMPLES)
def test_ofd_gives_the_pdf_twins_findings_at_the_same_places(name):
    ofd = check_file(SAMPLES / f"{name}.ofd", Config())
    pdf = check_file(SAMPLES / f"{name}.pdf", Config())
    assert ofd.error is None and ofd.format == "ofd"
    assert ofd.pages == pdf.pages
    assert [_key(f) for f in ofd.findings] == [_key(f) for f in pdf.findings]
    for a, b in zip(ofd.findings, pdf.findings):  # boxes agree to within a point or two
        for la, lb in zip(a.locations, b.locations):
            assert (la.bbox is None) == (lb.bbox is None)
            if la.bbox:
                assert max(abs(x - y) for x, y in zip(la.bbox, lb.bbox)) < 2.5, (la, lb)
    assert any("没有页面图像" in n for n in ofd.to_dict()["notes"])


def test_ofd_document_reads_like_the_pdf():
    name = OFD_SAMPLES[0]
    a, b = load(SAMPLES / f"{name}.ofd"), load(SAMPLES / f"{name}.pdf")
    assert [p.text for p in a.paragraphs] == [p.text for p in b.paragraphs]
    assert [[(c.row, c.col, c.row_span, c.col_span, c.text) for c in t.cells] for t in a.tables] == \
        [[(c.row, c.col, c.row_span, c.col_span, c.text) for c in t.cells] for t in b.tables]
    assert "no-page-image" in a.warnings


# -- hostile OFD packages ------------------------------------------------------------------------

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
PAGE = (f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="1">'
        '<ofd:TextObject ID="2" Boundary="20 20 100 10" Font="3" Size="4">'
        '<ofd:TextCode X="0" Y="3.5" DeltaX="g 5 4">项目支出绩效</ofd:TextCode></ofd:TextObject>'
        '</ofd:Layer></ofd:Content></ofd:Page>')


def _ofd(tmp_path: Path, name: str = "t.ofd", page: str = PAGE, extra: dict | None = None,
         doc_root: str = "Doc_0/Document.xml", page_loc: str = "Pages/Page_0/Content.xml", n_pages: int = 1) -> Path:
    parts = {
        "OFD.xml": f'<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>{doc_root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
        "Doc_0/Document.xml": (f'<ofd:Document {NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297'
                               '</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>'
                               + "".join(f'<ofd:Page ID="{9 + i}" BaseLoc="{page_loc}"/>' for i in range(n_pages))
                               + '</ofd:Pages></ofd:Document>'),
        "Doc_0/Pages/Page_0/Content.xml": page,
        **(extra or {}),
    }
    p = tmp_path / name
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        for k, v in parts.items():
            zf.writestr(k, v)
    return p


def test_minimal_ofd_reads_text_with_the_g_shorthand(tmp_path):
    doc = load(_ofd(tmp_path))
    assert doc.format == "ofd" and doc.paragraphs[0].text == "项目支出绩效"
    x0, top, x1, bottom = doc.paragraphs[0].bbox
    mm = 72 / 25.4
    assert abs(x0 - 20 * mm) < 0.01 and abs(top - (23.5 - 0.88 * 4) * mm) < 0.01
    assert abs(x1 - (20 + 5 * 4 + 4) * mm) < 0.01  # six characters, five advances of 4 mm, one em


@pytest.mark.parametrize("case, fragment", [
    ("dtd", "DTD"),
    ("no-ofd-xml", "OFD"),
    ("bad-xml", "XML"),
    ("traversal", "DocRoot"),
    ("no-pages", "没有任何页面"),
    ("many-pages", "页数过多"),
    ("bomb", "压缩炸弹"),
    ("image-only", "扫描件"),
])
def test_hostile_ofd_ends_in_one_clear_line(tmp_path, case, fragment):
    if case == "dtd":
        laughs = '<!DOCTYPE ofd:Page [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        p = _ofd(tmp_path, page=laughs + PAGE.replace("项目支出绩效", "&b;"))
    elif case == "no-ofd-xml":
        p = tmp_path / "t.ofd"
        with zipfile.ZipFile(p, "w") as zf:
            zf.writestr("Doc_0/Document.xml", "<x/>")
    elif case == "bad-xml":
        p = _ofd(tmp_path, page="<ofd:Page><unclosed>")
    elif case == "traversal":
        p = _ofd(tmp_path, doc_root="../../../etc/passwd")
    elif case == "no-pages":
        p = _ofd(tmp_path, n_pages=0)
    elif case == "many-pages":
        p = _ofd(tmp_path, n_pages=1600)
    elif case == "bomb":
        p = tmp_path / "t.ofd"
        with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("OFD.xml", "<OFD/>")
            with zf.open("pad.xml", "w", force_zip64=True) as fh:
                chunk = b"\0" * (1 << 20)
                for _ in range(320):
                    fh.write(chunk)
    else:
        p = _ofd(tmp_path, page=f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="1"><ofd:ImageObject ID="2" '
                                'Boundary="0 0 210 297" ResourceID="7"/></ofd:Layer></ofd:Content></ofd:Page>')
    with pytest.raises(InputError) as exc:
        load(p)
    assert fragment in exc.value.line() and "\n" not in exc.value.line()


# -- .doc and .wps through LibreOffice --------------------------------------------------------------

DOC_SAMPLES = sorted(p.stem for p in SAMPLES.glob("*.doc"))
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


def _same_findings(a, b) -> None:
    assert a.error is None and b.error is None, (a.error, b.error)
    assert [_key(f) for f in a.findings] == [_key(f) for f in b.findings]


def test_doc_samples_are_word_binaries():
    assert len(DOC_SAMPLES) >= 3
    for name in DOC_SAMPLES:
        assert sniff(SAMPLES / f"{name}.doc") == "doc"
        assert (SAMPLES / f"{name}.docx").is_file() and (SAMPLES / f"{name}.expected.json").is_file()


@needs_soffice
@pytest.mark.slow
@pytest.mark.parametrize("name", DOC_SAMPLES)
def test_doc_checks_like_its_docx_twin(name):
    doc = check_file(SAMPLES / f"{name}.doc", Config())
    _same_findings(doc, check_file(SAMPLES / f"{name}.docx", Config()))
    assert doc.format == "doc"
    assert any("LibreOffice" in n and "转换后的文档" in n for n in doc.notes)


@needs_soffice
@pytest.mark.slow
def test_wps_is_recognised_by_content_and_checks_like_the_docx(tmp_path):
    """WPS Office saves .wps as a Word binary; no tool here writes one, so a .doc under a .wps name
    stands in (what is tested is the detection by content and the path through LibreOffice)."""
    name = DOC_SAMPLES[0]
    wps = tmp_path / "报告.wps"
    wps.write_bytes((SAMPLES / f"{name}.doc").read_bytes())
    assert sniff(wps) == "wps"
    res = check_file(wps, Config())
    _same_findings(res, check_file(SAMPLES / f"{name}.docx", Config()))
    assert res.format == "wps"
    hidden = tmp_path / "named.pdf"  # the name says PDF; the content decides
    hidden.write_bytes(wps.read_bytes())
    assert sniff(hidden) == "doc"


def test_without_libreoffice_doc_is_exit_2_with_a_chinese_hint(tmp_path):
    r = _cli([str(SAMPLES / f"{DOC_SAMPLES[0]}.doc")], env={"PECHECK_SOFFICE": str(tmp_path / "none")})
    assert r.returncode == 2
    assert "LibreOffice" in r.stderr + r.stdout and "另存为 DOCX" in r.stderr + r.stdout


# -- passwords --------------------------------------------------------------------------------------

SECRET = "Zq7-pw-不外传"


def _encrypted_pdf(src: Path, out: Path, pw: str = SECRET) -> Path:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(src))
    w.encrypt(user_password=pw, owner_password="owner-" + pw, algorithm="AES-256")
    w.write(out)
    return out


def _encrypted_docx(src: Path, out: Path, pw: str = SECRET) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(src, "rb") as fh, open(out, "wb") as o:
        OOXMLFile(fh).encrypt(pw, o)
    return out


def _cli(args, env=None):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    return subprocess.run([sys.executable, "-m", "checker.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_encrypted_input_opens_with_the_right_password_only(tmp_path, kind):
    from checker.passwords import Passwords

    name = "culture-2022-faults"
    make = _encrypted_pdf if kind == "pdf" else _encrypted_docx
    enc = make(SAMPLES / f"{name}.{kind}", tmp_path / f"enc.{kind}")
    assert sniff(enc) == ("pdf" if kind == "pdf" else "encrypted-docx")
    plain = check_file(SAMPLES / f"{name}.{kind}", Config())
    opened = check_file(enc, Config(passwords=Passwords(SECRET)))
    _same_findings(opened, plain)
    missing = check_file(enc, Config())
    wrong = check_file(enc, Config(passwords=Passwords("not-it")))
    assert any("已加密" in n for n in opened.notes) == (kind == "pdf")  # no crops from an encrypted PDF
    assert "缺少密码" in missing.error and "no password" in missing.error
    assert "密码不正确" in wrong.error and "wrong password" in wrong.error


def test_a_password_never_appears_in_any_output(tmp_path):
    enc_pdf = _encrypted_pdf(SAMPLES / "culture-2022-faults.pdf", tmp_path / "a.pdf")
    enc_docx = _encrypted_docx(SAMPLES / "agri-insurance-2022-faults.docx", tmp_path / "b.docx", pw=SECRET + "2")
    listing = tmp_path / "pw.txt"
    listing.write_text(f"# per-file passwords\na.pdf = {SECRET}\nb.docx\t{SECRET}2\n", encoding="utf-8")
    runs = [
        _cli([str(enc_pdf), "--password", SECRET]),
        _cli([str(enc_pdf), "--password", SECRET + "x", "--format", "json"]),  # wrong
        _cli([str(tmp_path), "--password-file", str(listing), "--format", "json", "-q", "--jobs", "2"]),
        _cli([str(enc_docx), "--format", "markdown"], env={"PECHECK_PASSWORD": SECRET + "2"}),
        _cli(["dump", str(enc_docx), "--password", SECRET + "2"]),
    ]
    for fmt in ("html", "json"):
        out = tmp_path / f"out.{fmt}"
        r = _cli([str(tmp_path), "--password-file", str(listing), "--format", fmt, "-o", str(out), "-q"])
        runs.append(r)
        assert SECRET not in out.read_text(encoding="utf-8")
    assert [r.returncode for r in runs[:5]] == [1, 2, 1, 1, 0]
    for r in runs:
        assert SECRET not in r.stdout + r.stderr
    import json

    batch = json.loads(runs[2].stdout)["reports"]
    assert sorted(Path(r["file"]).name for r in batch) == ["a.pdf", "b.docx"]
    assert all(r["error"] is None and r["findings"] for r in batch)


def test_password_file_errors_do_not_echo_the_line(tmp_path):
    listing = tmp_path / "pw.txt"
    listing.write_text(f"{SECRET}\n", encoding="utf-8")  # no separator: a malformed line
    r = _cli([str(SAMPLES / "culture-2022.pdf"), "--password-file", str(listing)])
    assert r.returncode == 2 and "第 1 行" in r.stderr and SECRET not in r.stdout + r.stderr


def test_passwords_hide_in_repr_and_survive_pickling():
    import pickle

    from checker.passwords import Passwords

    p = Passwords(SECRET, {"a.pdf": SECRET})
    assert SECRET not in repr(p) + str(p) + repr(Config(passwords=p))
    q = pickle.loads(pickle.dumps(p))
    assert q.for_file("x/a.pdf") == SECRET and q.for_file("archive.zip!/dir/a.pdf") == SECRET


# -- archives ---------------------------------------------------------------------------------------

def _zip_with(path: Path, members: dict[str, bytes], encrypt: set[str] = frozenset()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    if encrypt:  # zipfile cannot write encryption: set the "encrypted" flag in both headers
        import struct

        raw = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as zf:
            offsets = [i.header_offset for i in zf.infolist() if i.filename in encrypt]
        for off in offsets:
            raw[off + 6] |= 0x1
        at = raw.find(b"PK\x01\x02")
        while at != -1:
            n = struct.unpack_from("<H", raw, at + 28)[0]
            if raw[at + 46:at + 46 + n].decode() in encrypt:
                raw[at + 8] |= 0x1
            at = raw.find(b"PK\x01\x02", at + 4)
        path.write_bytes(bytes(raw))
    return path


def _results(paths):
    from checker.runner import expand

    return {str(p).split("!/", 1)[1] if "!/" in str(p) else str(p): check_file(p, Config()) for p in expand(paths)}


def test_zip_members_are_checked_and_named_archive_bang_path(tmp_path):
    pdf = (SAMPLES / "culture-2022-faults.pdf").read_bytes()
    inner = tmp_path / "inner.zip"
    _zip_with(inner, {"c.docx": (SAMPLES / "agri-insurance-2022-faults.docx").read_bytes()})
    arc = _zip_with(tmp_path / "提交材料.zip", {
        "部门/culture.pdf": pdf,
        "部门/agri.ofd": (SAMPLES / "agri-insurance-2022-faults.ofd").read_bytes(),
        "说明.txt": "不检查".encode(),
        "inner.zip": inner.read_bytes(),
    })
    got = _results([arc])
    assert sorted(got) == ["inner.zip!/c.docx", "部门/agri.ofd", "部门/culture.pdf"]
    direct = check_file(SAMPLES / "culture-2022-faults.pdf", Config())
    member = got["部门/culture.pdf"]
    assert member.file == f"{arc}!/部门/culture.pdf"
    assert any("压缩包" in n for n in member.notes)
    assert [_key(f) for f in member.findings] == [_key(f) for f in direct.findings]
    assert all(r.error is None and r.findings for r in got.values())
    r = _cli([str(arc), "--format", "json"])
    import json

    files = [x["file"] for x in json.loads(r.stdout)["reports"]]
    assert f"{arc}!/inner.zip!/c.docx" in files and r.returncode == 1


def test_hostile_zip_members_each_get_their_own_error(tmp_path):
    import io

    pdf = (SAMPLES / "culture-2022.pdf").read_bytes()
    deep = io.BytesIO()
    with zipfile.ZipFile(deep, "w") as zf:
        zf.writestr("deeper.zip", _zip_with(tmp_path / "d3.zip", {"x.pdf": pdf}).read_bytes())
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("bomb.pdf", "w", force_zip64=True) as fh:
            for _ in range(256):
                fh.write(b"\0" * (1 << 20))
    arc = _zip_with(tmp_path / "hostile.zip", {
        "ok.pdf": pdf,
        "../../etc/evil.pdf": pdf,
        "C:/abs/evil.pdf": pdf,
        "locked.pdf": pdf,
        "nested.zip": deep.getvalue(),
        "bomb.zip": bomb.read_bytes(),
        "broken.pdf": b"%PDF-1.4 garbage",
    }, encrypt={"locked.pdf"})
    got = _results([arc])
    assert got["ok.pdf"].error is None
    assert "不安全" in got["../../etc/evil.pdf"].error and "不安全" in got["C:/abs/evil.pdf"].error
    assert "已加密" in got["locked.pdf"].error
    assert "嵌套超过一层" in got["nested.zip!/deeper.zip"].error
    assert "压缩炸弹" in got["bomb.zip!/bomb.pdf"].error
    assert got["broken.pdf"].error
    for res in got.values():
        assert res.error is None or "\n" not in res.error
    assert not (tmp_path / "etc").exists() and not (tmp_path / "C:").exists()  # nothing was extracted


def test_archive_level_failures_are_one_report(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04" + bytes(300))
    rar = tmp_path / "sub.rar"
    rar.write_bytes(b"Rar!\x1a\x07\x01\x00" + bytes(100))
    got = _results([bad, rar])
    assert "压缩包已损坏" in got[str(bad)].error
    assert "不支持 .rar" in got[str(rar)].error


def test_7z_members_are_checked(tmp_path):
    py7zr = pytest.importorskip("py7zr")
    arc = tmp_path / "sub.7z"
    with py7zr.SevenZipFile(arc, "w") as z:
        z.write(SAMPLES / "culture-2022-faults.pdf", "a/culture.pdf")
    got = _results([arc])
    assert list(got) == ["a/culture.pdf"] and got["a/culture.pdf"].error is None
    assert got["a/culture.pdf"].findings


def test_encrypted_scan_says_ocr_needs_the_password_removed(tmp_path):
    import io

    from make_bad_corpus import _image_only_pdf
    from pypdf import PdfReader, PdfWriter

    from checker.passwords import Passwords

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(_image_only_pdf())))
    w.encrypt(user_password=SECRET, owner_password="o", algorithm="AES-256")
    w.write(tmp_path / "scan.pdf")
    res = check_file(tmp_path / "scan.pdf", Config(passwords=Passwords(SECRET)))
    assert "OCR" in res.error and "去除密码" in res.error and SECRET not in res.error
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(_image_only_pdf())))
    w.encrypt(user_password="ascii-only", owner_password="o")  # RC4: Latin-1 passwords only
    w.write(tmp_path / "rc4.pdf")
    res = check_file(tmp_path / "rc4.pdf", Config(passwords=Passwords(SECRET)))
    assert "密码不正确" in res.error
