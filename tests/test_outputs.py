"""Reviewer-facing outputs: Markdown, self-contained HTML, annotated PDF, Excel/CSV summary."""

from __future__ import annotations

import copy
import csv
import hashlib
import html
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SAMPLES

from checker.check.registry import Finding
from checker.config import Config
from checker.errors import InputError
from checker.model import Loc
from checker.runner import Result, check_file

PDF = SAMPLES / "xiangxi-2022.pdf"
DOCX = SAMPLES / "xiangxi-2022.docx"
CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "",
                             shutil.which("chromium-browser") or "") if p and os.path.exists(p)), None)

# a finding that exercises escaping and always has a PDF location with a box
TRICKY = Finding(rule="PC999", category="sum", severity="error",
                 message="合计 <b>1|2</b> & “引号” 与分项之和不符", expected="1,800.00", found="=1799",
                 locations=[Loc(page=1, text="<script>alert(1)</script>", bbox=(100.0, 100.0, 300.0, 130.0))])


@pytest.fixture(scope="module")
def pdf_result() -> Result:
    res = check_file(PDF, Config())
    assert res.error is None, res.error
    res.findings.append(copy.deepcopy(TRICKY))
    return res


@pytest.fixture(scope="module")
def docx_result() -> Result:
    res = check_file(DOCX, Config())
    assert res.error is None, res.error
    return res


@pytest.fixture(scope="module")
def failed_result() -> Result:
    return Result(file="samples/broken.pdf", format="pdf", error="PDF 文件已损坏（corrupt PDF）")


@pytest.fixture(scope="module")
def html_text(pdf_result, docx_result, failed_result) -> str:
    from checker.report.html import render_html

    return render_html([pdf_result, docx_result, failed_result])


def located_pairs(result):
    return [(f, loc) for f in result.findings for loc in f.locations if loc.page and loc.bbox]


# ---------------------------------------------------------------------------------------------- markdown


def test_markdown_has_every_finding(pdf_result, docx_result, failed_result):
    from checker.report.markdown import render_markdown

    md = render_markdown([pdf_result, docx_result, failed_result])
    for res in (pdf_result, docx_result):
        for f in res.findings:
            assert f.rule in md
    assert "| 代码 | 类别 | 说明 | 应为 | 实为 | 位置 | 如何修改 |" in md
    assert "州智慧湘西建设专项" in md  # what was read
    assert "无法检查" in md and "corrupt PDF" in md
    # table cells cannot be broken by the text: the pipe is escaped, markup neutralised
    row = next(line for line in md.splitlines() if line.startswith("| PC999 "))
    assert row.count(" | ") == 6 and "1\\|2" in row and "<b>" not in row


# -------------------------------------------------------------------------------------------------- html


def test_html_self_contained(html_text, pdf_result, docx_result):
    assert html_text.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html_text and 'lang="zh-CN"' in html_text
    assert '"Noto Sans CJK SC", "Microsoft YaHei"' in html_text
    assert not re.search(r"https?://", html_text)
    refs = re.findall(r"""\b(?:src|href)\s*=\s*["']([^"']*)""", html_text)
    assert refs and all(r.startswith(("data:", "#")) for r in refs)  # only embedded pictures and anchors
    assert "url(" not in html_text and "@import" not in html_text
    for res in (pdf_result, docx_result):
        for f in res.findings:
            assert f.rule in html_text
            assert html.escape(f.message) in html_text
    assert "<script>" not in html_text and "&lt;script&gt;" in html_text
    assert "州智慧湘西建设专项" in html_text and "无法检查" in html_text


def test_html_evidence_pictures(html_text, pdf_result):
    from PIL import Image

    pngs = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html_text)
    assert len(pngs) >= 1
    # every located PDF finding has a picture (up to the per-finding limit)
    assert len(pngs) >= len({id(f) for f, _ in located_pairs(pdf_result)})
    import base64

    img = Image.open(io.BytesIO(base64.b64decode(pngs[0])))
    assert img.format == "PNG" and img.width > 200 and img.height > 50
    rgb = img.convert("RGB")
    colours = rgb.getcolors(maxcolors=1 << 20) or []
    assert any(r > 180 and g < 80 and b < 80 for _, (r, g, b) in colours), "no red outline"


def test_html_docx_quotes(docx_result):
    from checker.report.html import render_html

    page = render_html([docx_result])
    assert "data:image/png" not in page
    quoted = [loc.text for f in docx_result.findings for loc in f.locations if loc.text]
    if quoted:
        assert "<blockquote>" in page


def _chromium(args: list[str], tmp: Path, timeout: int = 90) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp / 'profile'}", *args]
    return subprocess.run(cmd, capture_output=True, timeout=timeout)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)")
def test_html_loads_in_chromium(html_text, pdf_result, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html_text, encoding="utf-8")
    shot = tmp_path / "shot.png"
    _chromium([f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri()], tmp_path)
    assert shot.exists() and shot.stat().st_size > 20_000
    dom = _chromium(["--dump-dom", page.as_uri()], tmp_path).stdout.decode("utf-8", "replace")
    for f in pdf_result.findings:
        assert f.rule in dom
    assert dom.count("data:image/png") >= 1
    if os.environ.get("PECHECK_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["PECHECK_KEEP_SCREENSHOT"])


# ------------------------------------------------------------------------------------------ annotated PDF


def _fingerprint(p: Path):
    st = p.stat()
    return hashlib.sha256(p.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_size


def test_annotated_pdf(pdf_result, tmp_path):
    from pypdf import PdfReader

    from checker.report.annotate import annotate_pdf

    src = tmp_path / "in.pdf"
    shutil.copy2(PDF, src)
    before = _fingerprint(src)
    out = tmp_path / "out" / "annotated.pdf"
    n = annotate_pdf(src, pdf_result, out)
    assert _fingerprint(src) == before
    pairs = located_pairs(pdf_result)
    assert n == len(pairs) >= 1
    want: dict[int, list[str]] = {}
    for f, loc in pairs:
        want.setdefault(loc.page, []).append(f.rule)
    reader = PdfReader(out)
    assert len(reader.pages) == len(PdfReader(PDF).pages)
    for i, page in enumerate(reader.pages, start=1):
        annots = [a.get_object() for a in page.get("/Annots", [])]
        annots = [a for a in annots if a.get("/T") == "pecheck"]
        assert sorted(str(a["/Contents"]).split()[0] for a in annots) == sorted(want.get(i, [])), i
        for a in annots:
            assert a["/Subtype"] == "/Highlight" and len(a["/QuadPoints"]) % 8 == 0 and a["/QuadPoints"]
            height = float(page.mediabox.height)
            x0, y0, x1, y1 = (float(v) for v in a["/Rect"])
            assert 0 <= x0 < x1 <= float(page.mediabox.width) + 1 and 0 <= y0 < y1 <= height + 1
    # the tricky finding's box (top-left 100,100 → 300,130) lands at the right place, bottom-left origin
    p1 = [a.get_object() for a in reader.pages[0]["/Annots"]]
    tricky = next(a for a in p1 if str(a["/Contents"]).startswith("PC999"))
    h = float(reader.pages[0].mediabox.height)
    assert [round(float(v), 1) for v in tricky["/Rect"]] == [100.0, round(h - 130, 1), 300.0, round(h - 100, 1)]
    assert str(tricky["/Contents"]).startswith("PC999 错误: 合计") and "应为 1,800.00，实为 =1799" in str(
        tricky["/Contents"])


def test_annotate_refuses_docx_and_overwrite(docx_result, pdf_result, tmp_path):
    from checker.report.annotate import annotate_pdf

    with pytest.raises(InputError) as exc:
        annotate_pdf(DOCX, docx_result, tmp_path / "x.pdf")
    assert "批注输出仅支持 PDF 输入" in exc.value.zh
    src = tmp_path / "same.pdf"
    shutil.copy2(PDF, src)
    before = _fingerprint(src)
    with pytest.raises(InputError):
        annotate_pdf(src, pdf_result, src)
    assert _fingerprint(src) == before


# ---------------------------------------------------------------------------------------------- summary


def test_xlsx_summary(pdf_result, docx_result, failed_result, tmp_path):
    from openpyxl import load_workbook

    from checker.report.xlsx import write_summary

    results = [pdf_result, docx_result, failed_result]
    out = tmp_path / "summary.xlsx"
    write_summary(results, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["报告汇总", "问题明细", "按规则", "按单位"]
    reports, findings = wb["报告汇总"], wb["问题明细"]
    assert reports.max_row == 1 + len(results)
    assert findings.max_row == 1 + sum(len(r.findings) for r in results)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    head = [c.value for c in reports[1]]
    assert head == ["文件", "结论", "项目", "单位", "年度", "预算（万元）", "支出（万元）", "结余（万元）", "执行率",
                    "得分", "等级", "错误", "警告", "提示", "说明"]
    assert [c.value for c in findings[1]] == ["文件", "结论", "代码", "类别", "级别", "说明", "应为", "实为", "单位",
                                              "页", "位置", "如何修改"]
    rows = {r[0]: r for r in reports.iter_rows(min_row=2, values_only=True)}
    assert rows[str(PDF)][2] == "州智慧湘西建设专项"
    assert rows["samples/broken.pdf"][1] == "无法读取" and "corrupt PDF" in rows["samples/broken.pdf"][-1]
    codes = [r[2] for r in findings.iter_rows(min_row=2, values_only=True)]
    assert codes.count("PC999") == 1
    tricky = next(r for r in findings.iter_rows(min_row=2) if r[2].value == "PC999")
    assert tricky[7].value == "=1799" and tricky[7].data_type == "s"  # text, not a formula


def test_csv_summary(pdf_result, docx_result, tmp_path):
    from checker.report.xlsx import write_summary

    out = tmp_path / "findings.csv"
    write_summary([pdf_result, docx_result], out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["文件", "结论", "代码", "类别", "级别", "说明", "应为", "实为", "单位", "页", "位置", "如何修改"]
    assert len(rows) == 1 + len(pdf_result.findings) + len(docx_result.findings)
    assert "'=1799" in [r[7] for r in rows]  # formula-looking text neutralised


def test_summary_rejects_other_suffix(pdf_result, tmp_path):
    from checker.report.xlsx import write_summary

    with pytest.raises(InputError):
        write_summary([pdf_result], tmp_path / "x.txt")


# ------------------------------------------------------------------------------------------ via run()


def test_run_writes_outputs(tmp_path):
    from checker.runner import run

    md, ann, xl = tmp_path / "r.md", tmp_path / "a.pdf", tmp_path / "s.xlsx"
    before = _fingerprint(PDF)
    code = run([PDF], Config(), fmt="markdown", output=md, annotate=ann, summary=xl)
    assert code in (0, 1)
    assert md.read_text(encoding="utf-8").startswith("# pecheck")
    assert ann.read_bytes().startswith(b"%PDF") and xl.stat().st_size > 0
    assert oct(md.stat().st_mode & 0o777) != oct(0o600)  # an ordinary file, not mkstemp's 0600
    assert _fingerprint(PDF) == before
    # the commented copy of a DOCX must be a DOCX: a .pdf target is reported, exit 2, nothing written
    bad = tmp_path / "b.pdf"
    assert run([DOCX], Config(), fmt="json", output=tmp_path / "d.json", annotate=bad) == 2
    assert not bad.exists()
