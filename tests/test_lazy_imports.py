"""Start-up stays light: `pecheck --help`, `pecheck rules` and a DOCX check import none of the PDF,
OCR, spreadsheet, cluster or web machinery, `rules`/`--help` compile no regular expression, and
`rules` imports neither the rule modules nor rich's console.

This asserts the laziness itself, in a fresh interpreter each time; how fast start-up is, is
measured by bench/bench_startup.py, never asserted here."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli_probe

ROOT = Path(__file__).resolve().parent.parent
DOCX = ROOT / "samples" / "xiangxi-2022.docx"

# top-level packages a DOCX check or a listing of the rules must never import
HEAVY = ("pdfplumber", "pdfminer", "pypdfium2", "rapidocr", "rapidocr_onnxruntime", "onnxruntime", "numpy", "PIL",
         "cv2", "openpyxl", "dask", "distributed", "fastapi", "starlette", "uvicorn", "playwright")

def _run(tmp_path: Path, *args: str) -> dict:
    got = cli_probe(tmp_path, *args)
    got["heavy"] = sorted({m.split(".")[0] for m in got["modules"]} & set(HEAVY))
    return got


def test_help_imports_neither_the_checker_nor_heavy_packages(tmp_path):
    got = _run(tmp_path, "--help")
    assert got["heavy"] == []
    # the rules, the readers and the renderers wait until a command needs them
    assert not [m for m in got["modules"] if m.startswith(("checker.check", "checker.understand", "checker.read",
                                                           "checker.pipeline", "rich"))]


def test_rules_lists_from_the_catalogue_without_rules_or_rich(tmp_path):
    got = _run(tmp_path, "rules")
    assert {"checker.catalogue", "checker.report.ruletable"} <= set(got["modules"])  # the probe ran the command
    assert got["heavy"] == []
    # neither the rule modules (with understand/) nor rich's console: the listing is data and plain text
    assert not [m for m in got["modules"] if m.startswith(("checker.check", "checker.understand", "checker.read",
                                                           "checker.pipeline", "rich.console", "rich.table"))]
    assert got["compiled"] == 0


def test_rules_probe_sees_the_rules_when_they_are_needed(tmp_path):
    # the assertion above can fail: `rule sum` selects through the registry, so it imports the rules
    got = _run(tmp_path, "rule", "sum")
    assert "checker.check.arithmetic" in got["modules"] and "rich.console" not in got["modules"]


def test_rules_json_compiles_nothing_either(tmp_path):
    got = _run(tmp_path, "rules", "--format", "json")
    assert got["heavy"] == [] and got["compiled"] == 0


@pytest.mark.parametrize("fmt", ["console", "json"])
def test_docx_check_imports_no_pdf_ocr_excel_cluster_or_web_package(tmp_path, fmt):
    got = _run(tmp_path, "check", "--format", fmt, "--exit-zero", str(DOCX))
    assert "checker.understand.facts" in got["modules"] and got["compiled"] > 0  # it really checked
    assert got["heavy"] == []
    # the DOCX is read with lxml alone: python-docx is for writing Word comments (--annotate)
    assert "checker.read.docx" in got["modules"] and "docx" not in got["modules"]
    # nor the other readers' own modules: the OFD reader and the PDF/OCR line geometry
    assert not {"checker.read.ofd", "checker.read.layout", "checker.read.pdf"} & set(got["modules"])
    # rich's tables and panels serve the rule listings; a check's console output uses neither
    assert not {"rich.table", "rich.panel"} & set(got["modules"])
    # fingerprints take the interpreter's own SHA-1: hashlib would load OpenSSL's libcrypto
    assert "checker.fingerprint" in got["modules"] and not {"hashlib", "_hashlib"} & set(got["modules"])


def test_a_console_check_prints_without_rich(tmp_path):
    # checker/report/terminal.py writes the check's console output; rich (≈ 20 ms of imports) is not loaded
    got = _run(tmp_path, str(DOCX))
    assert "checker.report.terminal" in got["modules"]
    assert not [m for m in got["modules"] if m == "rich" or m.startswith("rich.")]


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_a_console_check_in_colour_prints_without_rich(tmp_path):
    got = cli_probe(tmp_path, str(DOCX), tty=True)
    assert "\x1b[1m" in got["stdout"] and "\x1b[92m" in got["stdout"]  # it printed, in colour
    assert not [m for m in got["modules"] if m == "rich" or m.startswith("rich.")]


def test_the_console_probe_sees_rich_when_it_is_used(tmp_path):
    # the two assertions above can fail: `pecheck rule PC101` prints a rich panel
    got = _run(tmp_path, "rule", "PC101")
    assert "rich.panel" in got["modules"]


def test_an_annotated_docx_copy_still_uses_python_docx(tmp_path):
    # the assertion on python-docx above can fail: writing Word comments imports it
    got = _run(tmp_path, "check", "--format", "json", "--exit-zero", "--annotate", str(tmp_path / "out.docx"),
               str(DOCX))
    assert "docx" in got["modules"] and (tmp_path / "out.docx").is_file()


def test_the_probe_sees_a_heavy_import(tmp_path):
    # the assertions above must be able to fail: a PDF check does import the PDF machinery
    got = _run(tmp_path, "check", "--format", "json", "--exit-zero", str(ROOT / "samples" / "xiangxi-2022.pdf"))
    assert {"pdfplumber", "pypdfium2"} & set(got["heavy"])
    assert "checker.read.layout" in got["modules"]


def test_the_probe_sees_the_ofd_reader(tmp_path):
    # and the DOCX assertion on checker.read.ofd can fail: an OFD check imports it
    got = _run(tmp_path, "check", "--format", "json", "--exit-zero", str(ROOT / "samples" / "edu-nutrition-2023.ofd"))
    assert "checker.read.ofd" in got["modules"] and "checker.understand.facts" in got["modules"]
