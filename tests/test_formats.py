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
