"""The Excel summary at scale: written streaming, and honest at Excel's row limit."""

from __future__ import annotations

from openpyxl import load_workbook

from checker.check.registry import Finding
from checker.model import Loc
from checker.pipeline import Result
from checker.report import xlsx


def _results(n: int) -> list[Result]:
    out = []
    for i in range(n):
        r = Result(file=f"reports/{i:05d}.pdf", format="pdf", pages=3,
                   summary={"budget": "1,800.00", "rate": "95%", "unit": f"单位{i % 3}"})
        r.findings = [Finding("PC101", "sum", "error", f"合计不符 {i}", expected="1800", found="=1799",
                              locations=[Loc(page=2, table=1, row=3, col=2, text="1799")]),
                      Finding("PC404", "missing", "info", "未填写", locations=[Loc(page=1)])]
        out.append(r)
    out.append(Result(file="reports/broken.pdf", format="pdf", error="PDF 文件已损坏（corrupt PDF）"))
    return out


def test_streamed_workbook_keeps_the_layout(tmp_path):
    out = tmp_path / "s.xlsx"
    xlsx.write_summary(_results(30), out)
    wb = load_workbook(out)  # not read-only: the sheet properties are read too
    assert wb.sheetnames == ["报告汇总", "问题明细", "按规则", "按单位"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    rules = {r[0]: r for r in wb["按规则"].iter_rows(min_row=2, values_only=True)}
    assert rules["PC101"][3:] == (30, 30, 30, 0, 0) and rules["PC404"][3:] == (30, 30, 0, 0, 30)
    findings = wb["问题明细"]
    assert findings.max_row == 61 and findings.auto_filter.ref.endswith("61")
    formula = next(r for r in findings.iter_rows(min_row=2) if r[2].value == "PC101")[7]
    assert formula.value == "=1799" and formula.data_type == "s"  # text, not a formula
    reports = wb["报告汇总"]
    assert reports.max_row == 32 and reports.cell(2, 9).number_format == "0.00%"


def test_row_limit_is_said_not_overrun(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "EXCEL_MAX_ROWS", 12)
    out = tmp_path / "s.xlsx"
    xlsx.write_summary(_results(20), out)
    wb = load_workbook(out, read_only=True)
    findings = list(wb["问题明细"].iter_rows(values_only=True))
    assert len(findings) == 12  # header + 10 findings + the note
    assert findings[-1][0].startswith("……另有 30 行超出 Excel 的行数上限")
    reports = list(wb["报告汇总"].iter_rows(values_only=True))
    assert reports[-1][0].startswith("……另有 11 行超出")
