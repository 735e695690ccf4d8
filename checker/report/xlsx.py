"""`--summary FILE.xlsx|.csv`: one row per report and one row per finding, for the reviewer's desk.

.xlsx: sheet "报告汇总" (one row per report) and sheet "问题明细" (every finding), each with an
auto-filter and a frozen header row.  .csv: the findings sheet only, UTF-8 with BOM for Excel.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path

from checker.errors import InputError
from checker.report.markdown import (
    category_text,
    locations_text,
    pages_text,
    severity_text,
    status_text,
    value_text,
)
from checker.report.render import write_atomic

REPORT_HEADER = ("文件", "项目", "单位", "年度", "预算", "支出", "执行率", "得分", "等级", "错误", "警告", "提示", "状态")
FINDING_HEADER = ("文件", "代码", "类别", "级别", "说明", "应为", "实为", "页", "位置")
_MAX_WIDTH = {"说明": 70, "位置": 60, "状态": 50, "文件": 45, "项目": 40, "单位": 34}
_NUM = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?$")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _number(raw):
    """'1,800.00' → 1800.0 (so Excel can add them up); anything else stays text."""
    if raw is None or raw == "":
        return None
    s = str(raw).strip()
    if _NUM.match(s):
        try:
            return float(Decimal(s.replace(",", "")))
        except InvalidOperation:
            return s
    return s


def _rate(raw):
    s = "" if raw is None else str(raw).strip()
    if s.endswith(("%", "％")) and _NUM.match(s[:-1].strip()):
        return float(Decimal(s[:-1].strip().replace(",", ""))) / 100
    return _number(s) if s else None


PREVIOUS_HEADER = ("上一版", "已修改", "仍未修改", "新出现")  # with --previous DIR


def _compared(results) -> bool:
    return any(getattr(r, "previous", None) for r in results)


def report_header(results) -> tuple[str, ...]:
    return REPORT_HEADER + (PREVIOUS_HEADER if _compared(results) else ())


def report_rows(results) -> list[list]:
    rows = []
    compared = _compared(results)
    for r in results:
        s, c = r.summary or {}, r.counts
        row = [r.file, s.get("project"), s.get("unit"), s.get("year"), _number(s.get("budget")),
               _number(s.get("spent")), _rate(s.get("rate")), _number(s.get("score")), s.get("grade"),
               c["error"], c["warning"], c["info"], status_text(r)]
        if compared:
            p = getattr(r, "previous", None) or {}
            row += [Path(p["file"]).name if p else None, p.get("fixed"), p.get("still_open"), p.get("new")]
        rows.append(row)
    return rows


def finding_rows(results) -> list[list]:
    rows = []
    for r in results:
        for f in r.findings:
            msg = f.message + (f"（提示：{f.hint}）" if f.hint else "")
            rows.append([r.file, f.rule, category_text(f.category), severity_text(f.severity), msg,
                         value_text(f.expected), value_text(f.found), pages_text(f.locations),
                         locations_text(f.locations, 80)])
    return rows


def _text_width(v) -> int:
    s = "" if v is None else str(v)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _clean(v):
    if isinstance(v, str):
        return _ILLEGAL.sub("", v)
    return v


def _sheet(ws, header, rows, number_formats=None) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(list(header))
    for row in rows:
        ws.append([_clean(v) for v in row])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(vertical="center")
    for i, name in enumerate(header, start=1):
        letter = get_column_letter(i)
        width = max([_text_width(name)] + [_text_width(r[i - 1]) for r in rows[:2000]]) + 2
        ws.column_dimensions[letter].width = max(6, min(width, _MAX_WIDTH.get(name, 24)))
        fmt = (number_formats or {}).get(name)
        if fmt:
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                if isinstance(cell.value, float):
                    cell.number_format = fmt
        if name in ("说明", "位置", "状态"):
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows) + 1, 1)}"


def _csv_safe(v) -> str:
    """Keep spreadsheet apps from running cell text as a formula."""
    s = "" if v is None else str(v)
    if s[:1] in ("=", "+", "@", "\t", "\r") or (s[:1] == "-" and not _NUM.match(s)):
        return "'" + s
    return s


def write_summary(results, path) -> None:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(FINDING_HEADER)
        for row in finding_rows(results):
            w.writerow([_csv_safe(v) for v in row])
        write_atomic(path, ("\ufeff" + buf.getvalue()).encode("utf-8"))
        return
    if suffix != ".xlsx":
        raise InputError(f"汇总文件须为 .xlsx 或 .csv：{path}", f"summary must be .xlsx or .csv: {path}")
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "报告汇总"
    _sheet(ws, report_header(results), report_rows(results),
           {"预算": "#,##0.00", "支出": "#,##0.00", "执行率": "0.00%", "得分": "0.00"})
    _sheet(wb.create_sheet("问题明细"), FINDING_HEADER, finding_rows(results))
    wb.properties.creator = "pecheck"
    buf = io.BytesIO()
    wb.save(buf)
    write_atomic(path, buf.getvalue())
