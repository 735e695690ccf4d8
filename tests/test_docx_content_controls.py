"""Form templates carry content controls (w:sdt): around fill-in cells, around the repeating rows of
an indicator table, around the paragraphs inside a cell, around whole blocks. What they wrap is
still the document's: the same report with its parts inside content controls gives the same
findings. (Before the reader looked inside them, a cell or row inside one was lost: 30 % recall on
the corpus with every cell wrapped.)"""

from __future__ import annotations

import pytest
from conftest import SAMPLES, findings_of, plain_copy, variants
from docx import Document
from docx.oxml.ns import qn

SAMPLE = SAMPLES / "culture-2022-faults.docx"



@pytest.mark.parametrize("what", ["w:tc", "w:tr", "cell paragraphs", "w:tbl"])
def test_parts_inside_content_controls_are_read(tmp_path, what):
    doc = Document(str(SAMPLE))
    body = doc.element.body
    if what == "cell paragraphs":
        targets = [p for tc in body.iter(qn("w:tc")) for p in tc.findall(qn("w:p"))]
    else:
        targets = list(body.iter(qn(what)))
    assert targets
    for el in targets:
        variants().in_control(el)
    wrapped = tmp_path / SAMPLE.name
    doc.save(str(wrapped))
    plain = plain_copy(tmp_path, SAMPLE)
    expected = findings_of(plain)
    assert len([f for f in expected if f[1] == "error"]) >= 3  # the sample's faults are there to lose
    assert findings_of(wrapped) == expected
