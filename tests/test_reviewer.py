"""The reviewer's experience (issue 14): the summary a reviewer puts in a spreadsheet, the console at 80
columns, one location numbering, selectors that accept what is printed, usage errors before any work,
the concise/statistics/exit-zero options and a how-to-fix line for every rule."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLES

from checker.check.registry import Finding, all_rules
from checker.cli import main
from checker.config import Config
from checker.model import Loc
from checker.runner import Result, check_file

SEED = SAMPLES / "xiangxi-2022.docx"
FAULTS = SAMPLES / "culture-2022-faults.docx"


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def pecheck(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "checker.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


@pytest.fixture(scope="module")
def faults() -> Result:
    return check_file(FAULTS, Config())


# ------------------------------------------------------------------------------------ 1. Excel summary


def test_xlsx_money_in_one_unit_as_numbers_rates_as_fractions(tmp_path):
    from openpyxl import load_workbook

    from checker.report.xlsx import write_summary

    yuan = check_file(SAMPLES / "agri-insurance-2022.docx", Config())  # money written in 元
    no_pct = check_file(SAMPLES / "dept-overall-2023.docx", Config())  # execution rate written without %
    clean = Result(file="clean.pdf", format="pdf", pages=3, summary={"project": "某项目", "unit": "某局",
                   "budget": "200", "money_unit": "万元", "rate": "98.5%", "score": "94.83"})
    broken = Result(file="broken.pdf", format="pdf", error="PDF 文件已损坏（corrupt PDF）")
    out = tmp_path / "s.xlsx"
    write_summary([yuan, no_pct, clean, broken], out)
    ws = load_workbook(out)["报告汇总"]
    head = [c.value for c in ws[1]]
    rows = {r[0].value: {h: c for h, c in zip(head, r)} for r in ws.iter_rows(min_row=2)}
    assert set(rows) == {yuan.file, no_pct.file, "clean.pdf", "broken.pdf"}  # every input file, once
    a = rows[yuan.file]
    assert a["项目"].value == "农业保险保费补贴" and a["单位"].value == "禾丰县财政局"
    # 9,740,000.00 元 → 974 万元, with the precision it was written in (0.01 元 = 0.000001 万元)
    assert a["预算（万元）"].value == pytest.approx(974.0) and a["预算（万元）"].number_format == "#,##0.000000"
    assert a["执行率"].value == pytest.approx(0.9397) and a["执行率"].number_format == "0.00%"
    d = rows[no_pct.file]
    assert d["执行率"].value == pytest.approx(0.7902)  # not 79.02 shown as 7902 %
    assert isinstance(d["得分"].value, float) and d["单位"].value == "梅岭县农业农村局"
    c = rows["clean.pdf"]
    assert c["结论"].value == "通过" and c["预算（万元）"].value == 200.0 and c["得分"].value == 94.83
    assert rows["broken.pdf"]["结论"].value == "无法读取"
    assert rows[yuan.file]["结论"].value == ("需修改" if yuan.counts["error"] + yuan.counts["warning"] else "通过")
    wb = load_workbook(out)
    per_rule = {r[0]: r for r in wb["按规则"].iter_rows(min_row=2, values_only=True)}
    all_codes = [f.rule for r in (yuan, no_pct) for f in r.findings]
    assert {k: v[3] for k, v in per_rule.items()} == {k: all_codes.count(k) for k in set(all_codes)}
    per_unit = {r[0]: r for r in wb["按单位"].iter_rows(min_row=2, values_only=True)}
    assert per_unit["某局"][1:5] == (1, 1, 0, 0) and per_unit["（未识别）"][4] == 1


def test_csv_lists_every_file(tmp_path, faults):
    import csv
    import io

    from checker.report.xlsx import write_summary

    clean = Result(file="clean.pdf", format="pdf")
    broken = Result(file="broken.pdf", error="PDF 文件已损坏（corrupt PDF）")
    out = tmp_path / "s.csv"
    write_summary([faults, clean, broken], out)
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))[1:]
    files = {r[0]: r[1] for r in rows}
    assert files == {faults.file: "需修改", "clean.pdf": "通过", "broken.pdf": "无法读取"}


# ------------------------------------------------------------------------------- 2. one unit per finding


def test_expected_and_found_in_the_same_unit():
    res = check_file(SAMPLES / "agri-insurance-2022-faults.docx", Config(select=["PC103"]))
    f = next(f for f in res.findings if f.rule == "PC103")
    assert f.unit == "万元" and f.expected == "974.00" and f.found == "982.10"
    assert "974.00 万元" in f.message
    assert f.to_dict()["unit"] == "万元"


# ------------------------------------------------------------------------------- 3. -o never hides errors


def test_output_file_does_not_hide_input_errors(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    for fmt in ("console", "json", "html"):
        got = pecheck(bad, "--format", fmt, "-o", tmp_path / f"out.{fmt}")
        assert got.returncode == 2
        lines = got.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误：") and "（" in lines[0], (fmt, got.stderr)


# ---------------------------------------------------------------------------- 4. console at 80 columns


def _console(results, width):
    from checker.report.console import render_console

    return render_console(results, width=width)


LONG = Finding(rule="PC301", category="rate", severity="error",
               message="正文所述执行率与资金表不一致：项目资金到位后实际支出 0.78万元，执行率低于 90%，"
                       "请核对“支出”列与“预算”列的合计是否一致并说明原因",
               expected="97.07%", found="97.70%",
               locations=[Loc(page=1, paragraph=7, text="截至2022年12月31日，项目实际支出43.68万元，结余1.32万元，"
                                                         "预算执行率97.70%，主要原因是部分资金尚未拨付到位。")])


@pytest.mark.parametrize("width", [80, 120])
def test_console_layout(faults, width):
    text = _console([faults], width)
    lines = text.splitlines()
    assert all(len(line) <= width * 2 for line in lines)
    from rich.cells import cell_len

    assert max(cell_len(line) for line in lines) <= width
    assert "应为 None" not in text and "None" not in text
    head = lines[1]
    assert head.startswith("项目 ") and "预算 " in head and "budget" not in text and "grade" not in text
    # findings: every wrapped line hangs under its first line, none falls back flush left
    body = [ln for ln in lines if ln and not ln.startswith(("─", "错误（", "警告（", "提示（", "需修改", "通过"))]
    assert all(ln.startswith("  ") for ln in body[2:]), [ln for ln in body[2:] if not ln.startswith("  ")]
    assert "pecheck rule PC101" in text.replace("\n", " ") or "pecheck rule" in text


@pytest.mark.parametrize("width", range(60, 122, 3))
def test_console_never_splits_a_figure(width):
    text = _console([Result(file="x.pdf", format="pdf", pages=1, findings=[LONG])], width)
    for whole in ("0.78万元", "低于 90%", "97.07%", "97.70%", "pecheck rule PC301"):
        assert any(whole in ln for ln in text.splitlines()), (width, whole, text)
    from rich.cells import cell_len

    assert max(cell_len(ln) for ln in text.splitlines()) <= width


def test_rules_table_keeps_names_whole():
    from io import StringIO

    from rich.console import Console

    from checker.report.console import print_rules

    buf = StringIO()
    print_rules(all_rules(), Console(file=buf, width=80))
    text = buf.getvalue()
    for r in all_rules():
        assert r.name in text, r.name


# ------------------------------------------------------------------------------ 5. one location numbering


def test_locations_numbered_the_same_everywhere(faults):
    from checker.report.jsonout import render_json
    from checker.report.labels import where

    data = json.loads(render_json([faults]))
    console = _console([faults], 200)
    for f, fd in zip(faults.findings, data["reports"][0]["findings"]):
        for loc, ld in zip(f.locations, fd["locations"]):
            assert ld["where"] == where(loc) and ld["ref"]
            assert ld["where"] in console
            if loc.paragraph is not None:
                assert ld["where"].endswith(f"段落{loc.paragraph + 1}") and ld["ref"].endswith(f"/{loc.paragraph}")


def test_dump_uses_the_same_numbering():
    got = cli("dump", "--facts", SEED)
    assert got.exit_code == 0
    assert re.search(r"表\d+ 第\d+行 第\d+列", got.output) and not re.search(r"\bt\d+ r\d+ c\d+\b", got.output)
    got = cli("dump", SEED)
    assert "段落1" in got.output and "#/paragraphs/0" in got.output


# -------------------------------------------------------------------------------------------- 6. quotes


def test_quotes_cut_at_punctuation_and_balanced():
    from checker.report.labels import balanced, quote

    text = "截至2022年12月31日，项目实际支出43.68万元，结余1.32万元，预算执行率97.70%。主要原因是智慧湘西公共平台建设尚未完成"
    q = quote(text, 40)
    assert q.endswith("…") and text.startswith(q[:-1] + "，")  # cut after a clause, not mid-word
    assert not q.startswith(("，", "、"))
    assert balanced("，街道），惠及群众“2.3万人次") == "街道，惠及群众2.3万人次"
    assert balanced("（一）项目概况") == "（一）项目概况"


def test_repeated_passage_quotes_whole_clauses(faults):
    f = next(f for f in faults.findings if f.rule == "PC701")
    for loc in f.locations:
        t = loc.text
        assert t.count("“") == t.count("”") and t.count("（") == t.count("）")
        assert not t.startswith(("，", "、", "）"))
    assert "演出节”" not in f.message  # no clause cut mid-word


# ----------------------------------------------------------------------------------------- 7. selectors


def test_selectors_accept_printed_labels_and_names():
    got = cli(SEED, "--format", "json", "--select", "不一致")
    assert got.exit_code in (0, 1)
    cats = {f["category"] for f in json.loads(got.output)["reports"][0]["findings"]}
    assert cats <= {"mismatch"}
    got = cli(SEED, "--format", "json", "--ignore", "评分", "--select", "execution-score,PC9")
    rules = {f["rule"] for f in json.loads(got.output)["reports"][0]["findings"]}
    assert "PC402" not in rules and all(r.startswith("PC9") for r in rules)
    assert "预算执行率" in cli("rule", "execution-rate").output
    listed = cli("rule", "合计").output
    assert "PC101" in listed and "PC105" in listed and "PC201" not in listed


def test_unknown_selector_lists_the_valid_ones():
    got = pecheck(SEED, "--select", "colum-total")
    assert got.returncode == 2 and got.stdout == ""
    line = got.stderr.strip()
    assert "\n" not in line and "column-total" in line and "不一致" in line and "mismatch" in line
    got = pecheck("rule", "PC000")
    assert got.returncode == 2 and "可用" in got.stderr


# ------------------------------------------------------------------------------ 8. usage errors up front


@pytest.mark.parametrize("args", [["--summary", "s.txt"], ["--annotate", "x.pdf"], ["--format", "bogus"],
                                  ["--annotate", "x.docx", SAMPLES / "xiangxi-2022.pdf"]])
def test_usage_errors_before_any_work(args, tmp_path, monkeypatch):
    import checker.runner

    def boom(*a, **k):
        raise AssertionError("a file was checked before the usage was validated")

    monkeypatch.setattr(checker.runner, "check_file", boom)
    paths = [a for a in args if not isinstance(a, str)] or [SEED]
    opts = [a if not isinstance(a, str) or "." not in a else str(tmp_path / a) for a in args if isinstance(a, str)]
    got = CliRunner().invoke(main, [*map(str, paths), *opts])
    assert got.exit_code == 2, got.output
    err = got.stderr if hasattr(got, "stderr") else got.output
    assert err.strip().startswith("错误：") and len(err.strip().splitlines()) == 1 and "（" in err
    assert not list(tmp_path.iterdir())


# ------------------------------------------------------------------------------- 11. CLI and hygiene


def test_help_shows_check_options_and_bare_pecheck_exits_2():
    got = pecheck("--help")
    assert got.returncode == 0
    for opt in ("--select", "--output-format", "--summary", "--annotate", "--statistics", "--exit-zero"):
        assert opt in got.stdout
    got = pecheck()
    assert got.returncode == 2 and "Usage" in got.stderr + got.stdout


def test_project_hygiene():
    assert (ROOT / "LICENSE").is_file() and "MIT" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)]+)\)|`((?:\.\./|/work/)[^`]*)`", readme):
        link = target[0] or target[1]
        assert not link.startswith(("../", "/")), link
        if not link.startswith(("http", "#")):
            assert (ROOT / link.split("#")[0]).exists(), link
    assert "../shared" not in readme
    assert (ROOT / "docs" / "json-contract.md").is_file() and (ROOT / "tools" / "score.py").is_file()
    assert "pip install '.[ocr]'" in (ROOT / "checker" / "errors.py").read_text(encoding="utf-8")
    assert "errors.OCR_INSTALL_ZH" in (ROOT / "checker" / "read" / "ocr" / "engine.py").read_text(encoding="utf-8")


def test_json_contract_doc_names_every_key(faults):
    from checker.report.jsonout import render_json

    doc = (ROOT / "docs" / "json-contract.md").read_text(encoding="utf-8")
    data = json.loads(render_json([faults]))
    keys = set(data) | set(data["reports"][0]) | set(data["reports"][0]["summary"])
    for f in data["reports"][0]["findings"]:
        keys |= set(f)
        for loc in f["locations"]:
            keys |= set(loc)
    for k in keys:
        assert f"`{k}`" in doc, k


# -------------------------------------------------------------------------------------------- features


def test_concise_format(faults):
    got = cli(FAULTS, "--output-format", "concise")
    lines = got.output.strip().splitlines()
    assert len(lines) == len(faults.findings)
    for line, f in zip(lines, faults.findings):
        m = re.match(r"^(.+?):(\d*):(\d*):(\d*):(\d*): (PC\d{3}) (错误|警告|提示) (.+)$", line)
        assert m and m.group(6) == f.rule, line
        loc = f.locations[0]
        assert m.group(2) == str(loc.page or "")
        if loc.table is not None:
            assert (m.group(3), m.group(4), m.group(5)) == (str(loc.table + 1), str(loc.row + 1), str(loc.col + 1))
    assert cli(FAULTS, "--format", "concise").output == got.output  # --format stays an alias


def test_statistics_and_exit_zero(faults):
    got = cli(FAULTS, "--statistics")
    assert got.exit_code == 1
    counts = {m.group(2): int(m.group(1)) for m in re.finditer(r"^\s*(\d+)\s+(PC\d{3})", got.output, re.M)}
    assert counts == {c: [f.rule for f in faults.findings].count(c) for c in {f.rule for f in faults.findings}}
    assert cli(FAULTS, "--exit-zero", "--format", "json").exit_code == 0
    assert cli(FAULTS, "--format", "json").exit_code == 1


def test_every_rule_has_a_fix():
    from checker.report.labels import fixes

    codes = {r.code for r in all_rules()}
    assert codes <= set(fixes()), sorted(codes - set(fixes()))
    assert set(fixes()) <= codes, sorted(set(fixes()) - codes)  # no fix for a rule that is gone
    assert all(len(fixes()[c]) >= 6 for c in codes)


def test_fix_shown_in_console_html_and_json(faults):
    from checker.report.html import render_html
    from checker.report.jsonout import render_json
    from checker.report.labels import fix_text

    data = json.loads(render_json([faults]))["reports"][0]["findings"]
    assert all(f["fix"] == fix_text(f["rule"]) and f["fix"] for f in data)
    assert all(f["doc"] == f"pecheck rule {f['rule']}" for f in data)
    page = render_html([faults])
    console = _console([faults], 200)
    for f in faults.findings:
        assert fix_text(f.rule) in page and f"pecheck rule {f.rule}" in page
        assert fix_text(f.rule) in console and f"pecheck rule {f.rule}" in console


# ------------------------------------------------------------------------------------------ 10. evidence


def test_annotated_highlights_have_appearance_and_one_box_per_line(tmp_path):
    from pypdf import PdfReader

    from checker.report.annotate import annotate_pdf

    src = SAMPLES / "culture-2022-faults.pdf"
    res = check_file(src, Config())
    out = tmp_path / "a.pdf"
    assert annotate_pdf(src, res, out) > 0
    para_quads = []
    for page in PdfReader(out).pages:
        for a in page.get("/Annots", []):
            a = a.get_object()
            ap = a["/AP"]["/N"].get_object()
            assert ap["/Subtype"] == "/Form" and ap.get_data().strip().endswith(b"Q")
            q = [float(v) for v in a["/QuadPoints"]]
            boxes = [q[i:i + 8] for i in range(0, len(q), 8)]
            for b in boxes:
                assert b[1] - b[5] < 30  # each box one line high, not a whole paragraph
            if a["/Subj"].startswith("PC601"):
                para_quads.append(len(boxes))
    assert max(para_quads) >= 2  # the quoted sentence spans two lines: two boxes


def test_html_prints_each_location_once_and_crops_show_row_and_header(faults):
    from checker.report.html import PageImages, render_html
    from checker.report.labels import where

    res = check_file(SAMPLES / "culture-2022-faults.pdf", Config())
    page = render_html([res])
    for f in res.findings:
        for loc in f.locations:
            block = page.split(f'<span class="code">{f.rule}</span>')[1].split('<div class="finding')[0]
            assert block.count(where(loc)) == 1, (f.rule, where(loc))
    # a cell's picture reaches left to its row's label and up to its column's header
    f = next(f for f in res.findings if f.rule == "PC201")
    loc = f.locations[0]
    assert len(loc.context) == 2
    pages = PageImages()
    try:
        png, w, h, region = pages.crop(res.file, loc.page, loc.bbox, (), context=loc.context)
    finally:
        pages.close()
    for c in loc.context:
        assert region[0] <= c[0] and region[1] <= c[1] + 0.5 and region[2] >= c[2]


def test_counts_in_messages_match_their_lists():
    for name in ("culture-2022-faults.docx", "xiangxi-2022.docx", "edu-nutrition-2023-faults.docx"):
        for f in check_file(SAMPLES / name, Config()).findings:
            m = re.search(r"(\d+) 项[^（]*（((?:“[^”]*”、?)+)(等 \d+ 项)?）", f.message)
            if m and not m.group(3):
                assert m.group(2).count("“") == int(m.group(1)), f.message
