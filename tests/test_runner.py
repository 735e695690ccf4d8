"""Runner details: OCR hints on findings, internal errors contained per file."""

from __future__ import annotations

from checker.check.registry import Finding
from checker.model import Document, Loc, Page
from checker.pipeline import Result, _mark_ocr, _one_digit_slip


def test_one_digit_slip():
    assert _one_digit_slip("60") and _one_digit_slip("-0.9") and _one_digit_slip("300.00")
    assert not _one_digit_slip("63") and not _one_digit_slip("0") and not _one_digit_slip(None)


def test_ocr_findings_say_so():
    doc = Document(source="x.pdf", format="pdf", pages=[Page(number=1, ocr=True), Page(number=2)])
    doc.warnings.append("ocr-confidence:1:0.93")
    res = Result(file="x.pdf", findings=[
        Finding(rule="PC101", category="sum", severity="error", message="m", difference="60",
                locations=[Loc(page=1)]),
        Finding(rule="PC101", category="sum", severity="error", message="m", difference="61",
                locations=[Loc(page=2)]),
    ])
    _mark_ocr(res, doc)
    assert "OCR" in res.findings[0].hint and "0.93" in res.findings[0].hint and "误读" in res.findings[0].hint
    assert res.findings[1].hint is None


def test_internal_error_is_a_failed_file(monkeypatch, tmp_path):
    from conftest import SAMPLES

    from checker.config import Config
    from checker.runner import check_file

    def boom(*a, **k):
        raise RuntimeError("bug")

    monkeypatch.setattr("checker.understand.facts.extract", boom)
    res = check_file(SAMPLES / "xiangxi-2022.docx", Config())
    assert res.error and "internal error" in res.error and res.findings == []
