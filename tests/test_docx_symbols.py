"""Word's Insert Symbol writes a w:sym element instead of text (≥ from the Symbol font is
<w:sym w:font="Symbol" w:char="F0B3"/>), and Word's table formulas keep a field code beside their
result (=SUM(ABOVE)). A report whose comparators came from Insert Symbol, or whose figures are formula
results, gives the findings of the same report typed plainly. (Before w:sym was read, "≥95%" read
"95%": 22 false findings on the corpus.)"""

from __future__ import annotations

import copy
import re

import pytest
from conftest import SAMPLES
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from checker.config import Config
from checker.read import load
from checker.runner import check_file

_SYM = {"≥": "F0B3", "≤": "F0A3"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _findings(path):
    res = check_file(path, Config())
    assert res.error is None
    return sorted((f.rule, f.severity, f.message) for f in res.findings)


def _symbols(body) -> int:
    n = 0
    for r in list(body.iter(qn("w:r"))):
        ts = r.findall(qn("w:t"))
        if len(ts) != 1 or not any(c in (ts[0].text or "") for c in _SYM):
            continue
        rpr = r.find(qn("w:rPr"))
        for piece in filter(None, re.split(r"([≥≤])", ts[0].text)):
            nr = OxmlElement("w:r")
            if rpr is not None:
                nr.append(copy.deepcopy(rpr))
            if piece in _SYM:
                el = OxmlElement("w:sym")
                el.set(qn("w:font"), "Symbol")
                el.set(qn("w:char"), _SYM[piece])
            else:
                el = OxmlElement("w:t")
                el.set(_XML_SPACE, "preserve")
                el.text = piece
            nr.append(el)
            r.addprevious(nr)
        r.getparent().remove(r)
        n += 1
    return n


def _formulas(body) -> int:
    n = 0
    for tc in body.iter(qn("w:tc")):
        for r in list(tc.iter(qn("w:r"))):
            if not re.fullmatch(r"\d[\d,]*(?:\.\d+)?", "".join(t.text or "" for t in r.findall(qn("w:t"))).strip()):
                continue
            parts = []
            for kind in ("begin", None, "separate"):
                run = OxmlElement("w:r")
                if kind is None:
                    el = OxmlElement("w:instrText")
                    el.set(_XML_SPACE, "preserve")
                    el.text = ' =SUM(ABOVE) \\# "0.00" '
                else:
                    el = OxmlElement("w:fldChar")
                    el.set(qn("w:fldCharType"), kind)
                run.append(el)
                parts.append(run)
            for run in parts:
                r.addprevious(run)
            end = OxmlElement("w:r")
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), "end")
            end.append(fc)
            r.addnext(end)
            n += 1
    return n


@pytest.mark.parametrize("change", [_symbols, _formulas], ids=["insert-symbol", "formula-fields"])
@pytest.mark.parametrize("name", ["culture-2022-faults", "health-clinics-2023-faults"])
def test_word_structures_give_the_plain_reports_findings(tmp_path, change, name):
    src = SAMPLES / f"{name}.docx"
    doc = Document(str(src))
    assert change(doc.element.body) > 0
    out = tmp_path / src.name
    doc.save(str(out))
    assert _findings(out) == _findings(src)


def test_a_symbol_font_comparator_is_read_as_the_character(tmp_path):
    doc = Document(str(SAMPLES / "culture-2022-faults.docx"))
    body = doc.element.body
    assert _symbols(body) > 0
    assert "≥" not in "".join(t.text or "" for t in body.iter(qn("w:t")))
    path = tmp_path / "sym.docx"
    doc.save(str(path))
    text = "\n".join(c.text for t in load(path).tables for c in t.cells)
    assert "≥60场" in text.replace(" ", "")
