"""The two PDF reading paths (pdfium and pdfplumber) give the same document and the same findings.

Positions are compared to 0.15 pt: pdfium keeps coordinates as 32-bit floats, pdfminer as 64-bit,
and a box edge on a .x5 boundary rounds either way in the JSON's one decimal."""

from __future__ import annotations

import os

import pytest

from tests.conftest import SAMPLES

TOL = 0.15
FAST = ["xiangxi-2022-chrome.pdf", "transfer-2023.pdf"]  # Type 3 fonts and radicals; a hyphen at a line end
ALL = sorted(p.name for p in SAMPLES.glob("*.pdf") if ".scan." not in p.name)


def _differs(a, b, path: str = "$") -> str | None:
    """Where two JSON-like values differ (floats within TOL are equal), or None."""
    if isinstance(a, float) and isinstance(b, float):
        return None if abs(a - b) <= TOL else f"{path}: {a} != {b}"
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return f"{path}: keys {sorted(a)} != {sorted(b)}"
        return next((d for k in a if (d := _differs(a[k], b[k], f"{path}.{k}"))), None)
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}"
        return next((d for i, (x, y) in enumerate(zip(a, b)) if (d := _differs(x, y, f"{path}[{i}]"))), None)
    return None if a == b else f"{path}: {a!r} != {b!r}"


def _read_and_check(name: str, reader: str):
    from checker import knowledge
    from checker.check.registry import run_rules
    from checker.read.pdf import read_pdf
    from checker.understand.facts import extract

    doc = read_pdf(SAMPLES / name, reader_kind=reader)
    found = run_rules(extract(doc, knowledge.load()))
    findings = [{k: v for k, v in f.to_dict().items() if k in ("rule", "severity", "message", "locations")}
                for f in found]
    return doc.to_dict(), findings


def _compare(name: str) -> None:
    doc_a, found_a = _read_and_check(name, "pdfplumber")
    doc_b, found_b = _read_and_check(name, "pdfium")
    assert doc_a["blocks"], f"{name}: nothing read to compare"
    assert found_a or "faults" not in name, f"{name}: no findings to compare"
    assert (d := _differs(found_a, found_b, "findings")) is None, f"{name}: {d}"
    assert (d := _differs(doc_a, doc_b, "document")) is None, f"{name}: {d}"


@pytest.mark.parametrize("name", FAST)
def test_both_readers_agree_on_a_browser_pdf_and_a_libreoffice_pdf(name):
    _compare(name)


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in ALL if n not in FAST])
def test_both_readers_agree_on_every_sample(name):
    _compare(name)


def test_the_setting_picks_the_reader(monkeypatch):
    from checker import errors
    from checker.read.pdf import DEFAULT_READER, reader_name

    monkeypatch.delenv("PECHECK_PDF_READER", raising=False)
    assert reader_name() == DEFAULT_READER
    monkeypatch.setenv("PECHECK_PDF_READER", "pdfplumber")
    assert reader_name() == "pdfplumber" and reader_name("pdfium") == "pdfium"
    monkeypatch.setenv("PECHECK_PDF_READER", "pdfminer-please")
    with pytest.raises(errors.InputError):
        reader_name()
    assert os.environ["PECHECK_PDF_READER"] == "pdfminer-please"


def test_rotated_page_reads_upright_on_both_paths(tmp_path):
    """A page with /Rotate: both readers put the text on the upright page at the same place."""
    from pypdf import PdfReader, PdfWriter

    from checker.read.pdf import read_pdf

    w = PdfWriter()
    for page in PdfReader(str(SAMPLES / "transfer-2023.pdf")).pages[:2]:
        w.add_page(page)
    w.pages[1].rotate(90)
    src = tmp_path / "rotated.pdf"
    with src.open("wb") as fh:
        w.write(fh)
    a, b = (read_pdf(src, reader_kind=k).to_dict() for k in ("pdfplumber", "pdfium"))
    assert a["pages"][1]["width"] == pytest.approx(b["pages"][1]["width"])
    assert a["pages"][1]["width"] > a["pages"][1]["height"]  # landscape after the turn
    assert _differs(a, b) is None
