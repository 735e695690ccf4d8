"""Runner details: internal errors contained per file (OCR verification: tests/test_verify.py)."""

from __future__ import annotations


def test_internal_error_is_a_failed_file(monkeypatch, tmp_path):
    from conftest import SAMPLES

    from checker.config import Config
    from checker.runner import check_file

    def boom(*a, **k):
        raise RuntimeError("bug")

    monkeypatch.setattr("checker.understand.facts.extract", boom)
    res = check_file(SAMPLES / "xiangxi-2022.docx", Config())
    assert res.error and "internal error" in res.error and res.findings == []
