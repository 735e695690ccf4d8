"""Check boxes in DOCX forms (评价方式 ☑自评 ☐第三方评价, a 是否达标 column of ☑是 ☐否): Insert Symbol
from Wingdings (w:sym F0FE / F0A8), the Unicode characters, or Word's check-box content controls
(w14:checkbox, MS Gothic ☒ / ☐). They are read as the page shows them and change no finding: no
figure, no blank, no new column concept comes from them. (First contact, tools/variants.py
--variant checkboxes: 100 % / 100 % and every finding of every sample unchanged; the Wingdings
boxes then read as nothing, "是否" for "☑是 ☐否".)"""

from __future__ import annotations

import pytest
from conftest import SAMPLES, findings_of, plain_copy, variants
from docx import Document
from lxml import etree

from checker.model import Table
from checker.read.docx import from_body, read_docx

SAMPLE = SAMPLES / "culture-2022-faults.docx"
WNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"



def test_check_box_column_changes_no_finding_and_reads_as_drawn(tmp_path):
    doc = Document(str(SAMPLE))
    variants().checkboxes(doc)
    boxed = tmp_path / SAMPLE.name
    doc.save(str(boxed))
    plain = plain_copy(tmp_path, SAMPLE)
    expected = findings_of(plain)
    assert len([f for f in expected if f[1] == "error"]) >= 3
    assert findings_of(boxed) == expected
    form = [b for b in read_docx(boxed).blocks if isinstance(b, Table)][-1]
    column = [c.text for c in form.cells if c.col == form.n_cols - 1 and c.text]
    assert column[0] == "是否达标"
    # the three ways in turn: Wingdings symbols, Unicode characters, content controls (☒ checked)
    assert column[1:4] == ["☑是☐否", "☑是☐否", "☒是☐否"]


@pytest.mark.parametrize("font, code, text", [
    ("Wingdings", "F0FE", "☑"), ("Wingdings", "F0A8", "☐"), ("Wingdings", "F0FD", "☒"),
    ("Wingdings 2", "F052", "☑"), ("Wingdings 2", "F0A3", "☐"), ("Wingdings 2", "F050", "✓"),
    ("Wingdings", "F031", ""),  # a picture (an open folder), never the digit 1
    ("Webdings", "F061", ""), ("Symbol", "F0B3", "≥"),
])
def test_symbol_fonts_read_as_the_characters_drawn(font, code, text):
    body = etree.fromstring(f'<w:body xmlns:w="{WNS}"><w:p><w:r><w:t>评价方式：</w:t></w:r>'
                            f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r><w:r><w:t>自评</w:t></w:r></w:p></w:body>')
    assert from_body("t.docx", body).blocks[0].raw == f"评价方式：{text}自评"


def test_boxes_typed_as_letters_in_wingdings_2_read_as_drawn(tmp_path):
    doc = Document(str(SAMPLE))
    variants().fontboxes(doc)
    typed = tmp_path / SAMPLE.name
    doc.save(str(typed))
    form = [b for b in read_docx(typed).blocks if isinstance(b, Table)][-1]
    assert [c.text for c in form.cells if c.col == form.n_cols - 1 and c.text][1:3] == ["☑是☐否", "☑是☐否"]
    assert findings_of(typed) == findings_of(SAMPLE)


def _run(text: str, font: str = "") -> str:
    pr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return f"<w:r>{pr}<w:t>{text}</w:t></w:r>"


def test_letters_in_a_picture_font_are_what_the_font_draws_and_nothing_else_changes():
    from checker.read.docx import run_text

    xml = (f'<w:body xmlns:w="{WNS}"><w:p>' + _run("是否达标：") + _run("R", "Wingdings 2") + _run("是R ")
           + _run("£", "Wingdings 2") + _run("否 ") + _run("\uf0fe", "Wingdings") + _run("共1项") + "</w:p></w:body>")
    body = etree.fromstring(xml)
    raw = from_body("t.docx", body).blocks[0].raw
    assert raw == "是否达标：☑是R ☐否 ☑共1项"
    assert run_text(body[0]) == raw  # the Word-comment writer finds the same characters at the same places

