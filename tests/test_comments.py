"""Word comments in the department's own DOCX (`pecheck report.docx --annotate marked.docx`)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess

import docx
import pytest
from conftest import SAMPLES

from checker.check.registry import Finding
from checker.config import Config
from checker.fingerprint import norm
from checker.model import Loc
from checker.read import load
from checker.report.comments import AUTHOR, annotate_docx
from checker.runner import Result, check_file, run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def commented_text(path) -> dict[int, str]:
    """Comment id -> the text its range covers, read back from the saved file."""
    body = docx.Document(str(path)).element.body
    done: dict[int, str] = {}
    open_: dict[int, list[str]] = {}
    for el in body.iter():
        if el.tag == f"{W}commentRangeStart":
            open_[int(el.get(f"{W}id"))] = []
        elif el.tag == f"{W}commentRangeEnd":
            i = int(el.get(f"{W}id"))
            done[i] = "".join(open_.pop(i, []))
        elif el.tag == f"{W}t":
            for parts in open_.values():
                parts.append(el.text or "")
    return done


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def annotate(name: str, tmp_path):
    src = SAMPLES / name
    res = check_file(src, Config())
    out = tmp_path / "marked.docx"
    before = digest(src)
    placed, unplaced = annotate_docx(src, res, out)
    assert digest(src) == before  # the input is never written
    return res, out, placed, unplaced


def test_one_comment_per_finding_on_exactly_its_text(tmp_path):
    res, out, placed, unplaced = annotate("culture-2022-faults.docx", tmp_path)
    assert (placed, unplaced) == (len(res.findings), 0) and placed >= 8
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == len(res.findings)
    ranges = commented_text(out)
    for c, f in zip(comments, res.findings):
        assert c.author == AUTHOR
        assert f.message in c.text and "修改建议" in c.text
        if f.found is not None:
            assert f"实为：{f.found}" in c.text
        assert norm(ranges[c.comment_id]) == norm(f.locations[0].text), f.rule


def test_a_clause_inside_a_run_is_split_out(tmp_path):
    src = tmp_path / "in.docx"
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("项目年初预算50万元，")
    p.add_run("实际支出43.68万元，预算执行率97.70%。").bold = True
    d.save(str(src))
    doc = load(src)
    par = doc.paragraphs[0]
    f = Finding(rule="PC601", category="mismatch", severity="error", message="执行率不一致", expected="97.07%",
                found="97.70%", locations=[Loc.of_paragraph(par, "预算执行率97.70%")])
    placed, unplaced = annotate_docx(src, Result(file=str(src), format="docx", findings=[f]), tmp_path / "o.docx")
    assert (placed, unplaced) == (1, 0)
    out = docx.Document(str(tmp_path / "o.docx"))
    assert out.paragraphs[0].text == par.raw  # splitting changed no character
    assert list(commented_text(tmp_path / "o.docx").values()) == ["预算执行率97.70%"]
    texts = [(r.text, r.bold) for r in out.paragraphs[0].runs if r.text]  # the comment mark has none
    assert texts == [("项目年初预算50万元，", None), ("实际支出43.68万元，", True), ("预算执行率97.70%", True),
                     ("。", True)]  # the split halves keep their formatting


def test_unplaceable_findings_are_listed_at_the_start(tmp_path):
    src = SAMPLES / "culture-2022.docx"
    lost = Finding(rule="PC903", category="missing", severity="warning", message="未说明预算调整原因")
    placed, unplaced = annotate_docx(src, Result(file=str(src), format="docx", findings=[lost]), tmp_path / "o.docx")
    assert (placed, unplaced) == (0, 1)
    (c,) = docx.Document(str(tmp_path / "o.docx")).comments
    assert "无法定位" in c.text and "未说明预算调整原因" in c.text


def test_cli_annotates_a_docx_and_refuses_a_pdf_target(tmp_path):
    src = SAMPLES / "culture-2022-faults.docx"
    out = tmp_path / "marked.docx"
    assert run([src], Config(), fmt="json", output=tmp_path / "r.json", annotate=out) == 1
    assert len(list(docx.Document(str(out)).comments)) >= 8
    assert run([src], Config(), fmt="json", output=tmp_path / "r.json", annotate=tmp_path / "x.pdf") == 2
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.docx")))
def test_every_docx_sample_reads_back(name, tmp_path):
    res, out, placed, unplaced = annotate(name, tmp_path)
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == placed + (1 if unplaced else 0)
    assert placed == len([f for f in res.findings if f.locations])
    ranges = commented_text(out)
    # the unplaced findings' list is the first comment; every located finding has one comment that
    # covers exactly its quoted text (comments follow the document, findings their severity)
    anchored = [c for c in comments if "无法定位" not in c.text]
    assert len(anchored) == len(comments) - (1 if unplaced else 0)
    got = sorted(norm(ranges[c.comment_id]) for c in anchored)
    assert got == sorted(norm(f.locations[0].text) for f in res.findings if f.locations)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_copy_and_keeps_the_comments(tmp_path):
    res, out, placed, _ = annotate("culture-2022-faults.docx", tmp_path)
    profile = (tmp_path / "lo-profile").as_uri()
    for target, outdir in (("pdf", tmp_path / "pdf"), ("docx:MS Word 2007 XML", tmp_path / "docx")):
        proc = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}",
                               "--convert-to", target, "--outdir", str(outdir), str(out)],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "pdf" / "marked.pdf").read_bytes().startswith(b"%PDF")
    again = list(docx.Document(str(tmp_path / "docx" / "marked.docx")).comments)
    assert len(again) == placed and all(c.author == AUTHOR for c in again)
