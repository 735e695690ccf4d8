"""`--summary FILE.xlsx|.csv`: one row per report and one row per finding, for the reviewer's desk.

.xlsx: sheet "报告汇总" (one row per report), sheet "规则统计" (per rule: findings, reports concerned,
by severity) and sheet "问题明细" (every finding), each with an auto-filter and a frozen header row.
The workbook is written in openpyxl's write-only (streaming) mode, so 10⁵ reports cost rows on disk,
not a cell object each in memory; a sheet that would pass Excel's row limit ends with a row saying
how many were left out (the JSON Lines output has them all).
.csv: the findings sheet only, UTF-8 with BOM for Excel.
"""

from __future__ import annotations

import csv
import io
import itertools
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
RULE_HEADER = ("代码", "规则", "类别", "问题数", "涉及报告数", "错误", "警告", "提示")
EXCEL_MAX_ROWS = 1_048_576
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


def report_row(r) -> list:
    s, c = r.summary or {}, r.counts
    return [r.file, s.get("project"), s.get("unit"), s.get("year"), _number(s.get("budget")),
            _number(s.get("spent")), _rate(s.get("rate")), _number(s.get("score")), s.get("grade"),
            c["error"], c["warning"], c["info"], status_text(r)]


def finding_row(r, f) -> list:
    msg = f.message + (f"（提示：{f.hint}）" if f.hint else "")
    return [r.file, f.rule, category_text(f.category), severity_text(f.severity), msg,
            value_text(f.expected), value_text(f.found), pages_text(f.locations),
            locations_text(f.locations, 80)]


def report_rows(results) -> list[list]:
    return [report_row(r) for r in results]


def finding_rows(results) -> list[list]:
    return [finding_row(r, f) for r in results for f in r.findings]


def rule_rows(results) -> list[list]:
    """Per rule: how many findings, in how many reports, by severity; every registered rule listed."""
    from checker.check.registry import all_rules

    titles = {r.code: (r.title, r.category) for r in all_rules()}
    counts: dict[str, list[int]] = {code: [0, 0, 0, 0, 0] for code in titles}
    for r in results:
        seen = set()
        for f in r.findings:
            c = counts.setdefault(f.rule, [0, 0, 0, 0, 0])
            c[0] += 1
            c[2 + ("error", "warning", "info").index(f.severity)] += 1
            if f.rule not in seen:
                seen.add(f.rule)
                c[1] += 1
    rows = []
    for code in sorted(counts):
        title, cat = titles.get(code, ("", None))
        rows.append([code, title, category_text(cat) if cat else "", *counts[code]])
    return rows


def _text_width(v) -> int:
    s = "" if v is None else str(v)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _clean(v):
    if isinstance(v, str):
        return _ILLEGAL.sub("", v)
    return v


def _sheet(ws, header, rows, number_formats=None, total: int | None = None) -> None:
    """Stream rows into a write-only sheet: widths from the header and the first rows, styles per cell
    only where a cell needs one, text that looks like a formula kept as text."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    rows = iter(rows)
    head_rows = [r for _, r in zip(range(2000), rows)]
    for i, name in enumerate(header, start=1):
        width = max([_text_width(name)] + [_text_width(r[i - 1]) for r in head_rows]) + 2
        ws.column_dimensions[get_column_letter(i)].width = max(6, min(width, _MAX_WIDTH.get(name, 24)))
    ws.freeze_panes = "A2"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    top, wrap = Alignment(vertical="center"), Alignment(wrap_text=True, vertical="top")
    cells = []
    for name in header:
        c = WriteOnlyCell(ws, value=name)
        c.font, c.fill, c.alignment = bold, fill, top
        cells.append(c)
    ws.append(cells)
    formats = [(number_formats or {}).get(name) for name in header]
    wrapped = [name in ("说明", "位置", "状态") for name in header]
    written = 0
    for row in itertools.chain(head_rows, rows):
        if written + 2 >= EXCEL_MAX_ROWS:  # one row left: say what is missing
            left = (total - written) if total is not None else sum(1 for _ in rows) + 1
            ws.append([f"……另有 {left} 行超出 Excel 的行数上限，未列出；完整结果请用 --format jsonl"
                       f"（{left} more rows beyond Excel's limit）"])
            written += 1
            break
        out = []
        for v, fmt, wr in zip(row, formats, wrapped):
            v = _clean(v)
            if (isinstance(v, str) and v.startswith("=")) or (fmt and isinstance(v, float)) or (wr and v):
                c = WriteOnlyCell(ws, value=v)
                if isinstance(v, str) and v.startswith("="):
                    c.data_type = "s"  # text that looks like a formula stays text
                if fmt and isinstance(v, float):
                    c.number_format = fmt
                if wr:
                    c.alignment = wrap
                out.append(c)
            else:
                out.append(v)
        ws.append(out)
        written += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(written + 1, 1)}"


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

    results = list(results)
    wb = Workbook(write_only=True)
    _sheet(wb.create_sheet("报告汇总"), REPORT_HEADER, map(report_row, results),
           {"预算": "#,##0.00", "支出": "#,##0.00", "执行率": "0.00%", "得分": "0.00"}, total=len(results))
    _sheet(wb.create_sheet("规则统计"), RULE_HEADER, rule_rows(results))
    _sheet(wb.create_sheet("问题明细"), FINDING_HEADER, (finding_row(r, f) for r in results for f in r.findings),
           total=sum(len(r.findings) for r in results))
    wb.properties.creator = "pecheck"
    buf = io.BytesIO()
    wb.save(buf)
    write_atomic(path, buf.getvalue())
