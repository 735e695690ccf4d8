"""Finding fingerprints and the comparison of a resubmission with its previous version.

What "a mutant compared with its clean base lists exactly the planted faults as new" means here:
- every required key item of the mutant is matched (category + mentions, as in test_samples) by a
  finding in `new_findings`; the checker's own recall is test_samples' business, so an item the
  checker misses on the mutant itself would fail there, not here;
- every error- or warning-level finding in `new_findings` matches some key item, required or
  optional (optional items are the planted fault's admitted consequences, e.g. a column total
  that no longer foots after a row was changed);
- info findings are reminders ("a person should look"), not faults; as in the project's precision
  measure they are outside "exactly". An aggregate reminder whose list changed because a planted
  fault changed one of its entries (PC805 "N 项定性指标均为满分") is reported as one fixed and one
  new reminder, which is what it is;
- nothing at error or warning level is listed as fixed, and the reverse comparison (mutant → base)
  lists exactly the same fingerprints as fixed, with nothing new at error or warning level.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SAMPLES
from test_samples import matches

from checker.check.registry import Finding
from checker.compare import compare
from checker.config import Config
from checker.fingerprint import assign, norm
from checker.model import Cell, Document, Loc, Paragraph, Table
from checker.runner import Result, check_file

LOUD = ("error", "warning")
_RESULTS: dict = {}


def result(name: str) -> Result:
    if name not in _RESULTS:
        _RESULTS[name] = check_file(SAMPLES / name, Config())
    return _RESULTS[name]


def mutant_keys():
    for key in sorted(SAMPLES.glob("*-faults.expected.json")):
        k = json.loads(key.read_text(encoding="utf-8"))
        if k.get("base"):
            yield k


def pairs(formats=(("docx", "docx"), ("pdf", "pdf"), ("pdf", "docx"))):
    for k in mutant_keys():
        for base_fmt, mut_fmt in formats:
            base, mut = SAMPLES / f"{k['base']}.{base_fmt}", SAMPLES / f"{k['file_stem']}.{mut_fmt}"
            if base.exists() and mut.exists():
                yield pytest.param(k, base.name, mut.name, id=f"{base.name}->{mut.name}")


def assert_planted_exactly(key, base_name, mut_name):
    base, mut = result(base_name), result(mut_name)
    assert base.error is None and mut.error is None
    items = key["expected"]
    fwd = compare(base, mut)
    # a real fault of the base report is in the mutant's key too (the mutant is scored on its own),
    # but it is no planted fault: it is not new
    planted = [it for it in items if not any(matches(it, f) for f in base.findings)]
    missing = [it["note"] for it in planted
               if not it.get("optional") and not any(matches(it, f) for f in fwd.new_findings)]
    assert missing == [], "planted faults not listed as new"
    stray = [f"{f.rule} {f.message}" for f in fwd.new_findings
             if f.severity in LOUD and not any(matches(it, f) for it in items)]
    assert stray == [], "new findings that are no planted fault"
    assert [f.rule for f in fwd.fixed if f.severity in LOUD] == []
    back = compare(mut, base)
    assert {f.fingerprint for f in back.fixed} == {f.fingerprint for f in fwd.new_findings}
    assert [f.rule for f in back.new_findings if f.severity in LOUD] == []
    assert not back.blocking or any(f.severity == "error" for f in base.findings)


def test_one_mutant_against_its_base_both_ways():
    k = json.loads((SAMPLES / "culture-2022-faults.expected.json").read_text(encoding="utf-8"))
    assert_planted_exactly(k, "culture-2022.docx", "culture-2022-faults.docx")
    fwd = compare(result("culture-2022.docx"), result("culture-2022-faults.docx"))
    assert fwd.blocking  # error-level faults were planted


@pytest.mark.slow
@pytest.mark.parametrize("key,base_name,mut_name", list(pairs()))
def test_every_mutant_against_its_base(key, base_name, mut_name):
    assert_planted_exactly(key, base_name, mut_name)


def test_clean_report_compared_with_itself_lists_nothing_new():
    r = result("culture-2022.pdf")
    c = compare(r, r)
    assert c.new_findings == [] and c.fixed == []
    assert [f.fingerprint for f in c.still_open] == [f.fingerprint for f in r.findings]
    assert not c.blocking


def test_json_shape():
    d = compare(result("culture-2022.docx"), result("culture-2022-faults.pdf")).to_dict()
    assert set(d) >= {"old", "new", "fixed", "still_open", "new_findings"}
    assert d["old"]["file"].endswith("culture-2022.docx") and d["new"]["format"] == "pdf"
    for f in d["new_findings"]:
        assert f["fingerprint"].startswith(f["rule"] + "-")
        assert {"rule", "category", "severity", "message", "expected", "found", "locations"} <= set(f)


def _agreement(stem: str):
    """Findings of a sample's PDF and DOCX that are the same finding (same rule, same message once
    spacing and punctuation are set aside), as (pdf fingerprint, docx fingerprint, rule) triples;
    and the number of findings of either format."""
    pdf, docx = result(f"{stem}.pdf"), result(f"{stem}.docx")
    by_msg = {(f.rule, norm(f.message)): f for f in docx.findings}
    pairs = [(f.fingerprint, by_msg[(f.rule, norm(f.message))].fingerprint, f.rule)
             for f in pdf.findings if (f.rule, norm(f.message)) in by_msg]
    return pairs, len(pdf.findings) + len(docx.findings)


def test_pdf_and_docx_fingerprints_agree_on_one_report():
    pairs, n = _agreement("culture-2022-faults")
    assert len(pairs) * 2 == n >= 16
    assert [rule for a, b, rule in pairs if a != b] == []


@pytest.mark.slow
@pytest.mark.parametrize("stem", sorted(p.stem for p in SAMPLES.glob("*.docx") if p.with_suffix(".pdf").exists()))
def test_pdf_and_docx_fingerprints_agree(stem):
    """Every finding located in both formats has one fingerprint."""
    pairs, _ = _agreement(stem)
    assert [rule for a, b, rule in pairs if a != b] == []


# --- the fingerprint itself, on hand-built documents -------------------------------------------

def _doc(first_page: int, extra_paragraphs: int = 0) -> Document:
    doc = Document(source="x", format="docx")
    for i in range(extra_paragraphs):
        doc.blocks.append(Paragraph(index=0, raw=f"前言{i}", text=f"前言{i}", page=first_page))
    doc.blocks.append(Paragraph(index=0, raw="项目实际支出 43.68 万元", text="项目实际支出 43.68 万元",
                                page=first_page))
    cells = [Cell(row=0, col=0, raw="项目名称", text="项目名称"), Cell(row=0, col=1, raw="结余", text="结余"),
             Cell(row=1, col=0, raw="1", text="1"), Cell(row=1, col=1, raw="送戏下乡\n演出", text="送戏下乡演出"),
             Cell(row=1, col=2, raw="0.68", text="0.68", page=first_page + 1)]
    doc.blocks.append(Table(index=0, cells=cells, n_rows=2, n_cols=3, pages=[first_page + 1]))
    doc.renumber()
    return doc


def _finding(doc: Document) -> Finding:
    t = doc.tables[0]
    p = doc.paragraphs[-1]
    return Finding(rule="PC201", category="balance", severity="error", message="…", expected="0.86",
                   found="0.68", locations=[Loc.of_cell(t, t.at(1, 2)), Loc.of_paragraph(p)])


def test_fingerprint_ignores_pages_and_positions():
    a_doc, b_doc = _doc(1), _doc(3, extra_paragraphs=4)  # an earlier page grew by four paragraphs
    a, b = _finding(a_doc), _finding(b_doc)
    assign([a], a_doc)
    assign([b], b_doc)
    assert a.locations[1].paragraph != b.locations[1].paragraph and a.locations[0].page != b.locations[0].page
    assert a.fingerprint == b.fingerprint and a.fingerprint.startswith("PC201-")


def test_fingerprint_follows_the_values_and_the_subject():
    doc = _doc(1)
    base, other_value, other_rule = _finding(doc), _finding(doc), _finding(doc)
    other_value.found = "0.69"
    other_rule.rule = "PC101"
    assign([base, other_value, other_rule], doc)
    assert len({base.fingerprint, other_value.fingerprint, other_rule.fingerprint}) == 3


def test_colliding_findings_are_numbered():
    doc = _doc(1)
    a, b = _finding(doc), _finding(doc)
    assign([a, b], doc)
    assert b.fingerprint == a.fingerprint + "#2"


def test_norm_drops_only_what_formats_disagree_on():
    assert norm("1,234.50 万元（含）") == norm("1234.50万元(含)")
    assert norm("≥95%") != norm("≤95%")
    assert norm("0.68") != norm("0.86")


# --- `pecheck compare` and the self-check verdict ----------------------------------------------

def test_compare_command_outputs_and_exit_codes(tmp_path, capsys):
    from checker.compare import run_compare

    base, faults = SAMPLES / "culture-2022.pdf", SAMPLES / "culture-2022-faults.docx"
    assert run_compare(base, faults, Config(), fmt="json", output=tmp_path / "c.json") == 1
    d = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert d["old"]["format"] == "pdf" and d["new"]["format"] == "docx"
    assert len(d["new_findings"]) >= 8 and d["fixed"] == []
    # the department fixed everything: nothing error-level open or new
    assert run_compare(faults, base, Config(), fmt="html", output=tmp_path / "c.html") == 0
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "已修改的问题" in page and "新出现的问题（0）" in page and "<script" not in page
    capsys.readouterr()
    assert run_compare(faults, base, Config()) == 0
    out = capsys.readouterr().out
    assert "已修改" in out and "结论" in out
    assert run_compare(base, tmp_path / "missing.pdf", Config()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_console_ends_with_the_verdict_and_the_fix_list_in_page_order(capsys):
    from checker.report.fixes import to_fix
    from checker.runner import run

    run([SAMPLES / "culture-2022-faults.docx"], Config())
    out = capsys.readouterr().out
    res = result("culture-2022-faults.docx")
    n = len(to_fix(res))
    assert f"需修改（{n} 处）" in out
    tail = out[out.index(f"需修改（{n} 处）"):]
    listed = [line for line in tail.splitlines() if re.match(r"\s+\d+\. (第\d+页|全文)", line)]
    assert len(listed) == n
    pages = [f.locations[0].page for f in to_fix(res)]
    assert pages == sorted(pages)
    run([SAMPLES / "culture-2022.docx"], Config())
    assert capsys.readouterr().out.rstrip().endswith("可以提交")


@pytest.mark.slow
def test_batch_against_the_previous_round_adds_the_counts_to_the_summary(tmp_path):
    import shutil

    from openpyxl import load_workbook

    from checker.runner import run

    prev, now = tmp_path / "prev", tmp_path / "now"
    prev.mkdir()
    now.mkdir()
    shutil.copy(SAMPLES / "culture-2022-faults.docx", prev / "culture.docx")  # round 1: with faults
    shutil.copy(SAMPLES / "culture-2022.pdf", now / "culture.pdf")  # round 2: fixed, sent as PDF
    shutil.copy(SAMPLES / "forestry-2022.docx", now / "forestry.docx")  # new this round, no predecessor
    xlsx = tmp_path / "s.xlsx"
    assert run([now], Config(), fmt="json", output=tmp_path / "r.json", summary=xlsx, previous=prev, jobs=1,
               quiet=True) == 0
    reports = {Path(r["file"]).name: r for r in json.loads((tmp_path / "r.json").read_text("utf-8"))["reports"]}
    fixed = compare(result("culture-2022-faults.docx"), result("culture-2022.pdf")).counts
    assert reports["culture.pdf"]["previous"] == {"file": str(prev / "culture.docx"), **fixed}
    assert "previous" not in reports["forestry.docx"]
    ws = load_workbook(xlsx)["报告汇总"]
    header = [c.value for c in ws[1]]
    rows = {r[0].value.split("/")[-1]: r for r in ws.iter_rows(min_row=2)}
    i = header.index("已修改")
    assert [c.value for c in rows["culture.pdf"][i:i + 3]] == [fixed["fixed"], fixed["still_open"], fixed["new"]]
    assert rows["forestry.docx"][i].value is None
