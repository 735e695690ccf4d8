"""`--summary FILE.xlsx|.csv`: one row per input file and one row per finding, for the reviewer's desk.

.xlsx sheets: "报告汇总" (one row per input file, clean and unreadable ones included, with a 结论),
"问题明细" (every finding), "按规则" (counts per rule) and "按单位" (counts per reporting unit); each with
an auto-filter and a frozen header row.  Money is one unit per column (万元, converted with the
precision it was written in) and stored as numbers; rates are stored as fractions with a % format.
The workbook is written in openpyxl's write-only (streaming) mode, so 10⁵ reports cost rows on disk,
not a cell object each in memory; a sheet that would pass Excel's row limit ends with a row saying
how many rows were left out (the JSON Lines output has them all).
.csv: the findings sheet, plus one row for each file without findings, UTF-8 with BOM for Excel.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

from checker.errors import InputError
from checker.report.labels import (
    category_text,
    fix_text,
    locations_text,
    pages_text,
    severity_text,
    value_text,
    verdict,
)
from checker.report.render import write_atomic

MONEY_UNIT = "万元"
REPORT_HEADER = ("文件", "结论", "项目", "单位", "年度", f"预算（{MONEY_UNIT}）", f"支出（{MONEY_UNIT}）",
                 f"结余（{MONEY_UNIT}）", "执行率", "得分", "等级", "错误", "警告", "提示", "说明")
FINDING_HEADER = ("文件", "结论", "代码", "类别", "级别", "说明", "应为", "实为", "单位", "页", "位置", "如何修改")
RULE_HEADER = ("代码", "名称", "类别", "问题数", "涉及报告数", "错误", "警告", "提示")
UNIT_HEADER = ("单位", "报告数", "通过", "需修改", "无法读取", "错误", "警告", "提示")
_MAX_WIDTH = {"说明": 70, "位置": 60, "文件": 45, "项目": 40, "单位": 34, "如何修改": 50, "名称": 28}
EXCEL_MAX_ROWS = 1_048_576
_WRAP = ("说明", "位置", "如何修改")
_NUM = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?$")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _parse(raw, unit: str = ""):
    from checker.understand.numbers import parse_number

    if raw is None or str(raw).strip() == "":
        return None
    try:
        return parse_number(str(raw), default_unit=unit)
    except Exception:  # noqa: BLE001 - a summary cell that does not parse stays empty, never a crash
        return None


def money(raw, unit: str | None) -> tuple[float | None, int]:
    """'9,740,000.00' in 元 → (974.0, 6): the value in 万元 and the decimals that keep its precision."""
    n = _parse(raw, unit or MONEY_UNIT)
    if n is None or not n.is_money:
        return None, 2
    v = n.to_unit(MONEY_UNIT)
    if v is None:
        return None, 2
    from checker.understand.numbers import MONEY_UNITS

    places = max(n.decimals + MONEY_UNITS[MONEY_UNIT] - MONEY_UNITS[n.unit], 0)
    return float(v), places


def rate(raw) -> float | None:
    """A rate as a fraction: '97.07%' and '97.07' (a rate column written without %) → 0.9707."""
    n = _parse(raw)
    if n is None:
        return None
    v = n.value
    if n.is_percent or v > Decimal("1.5"):  # a written rate above 1.5 can only be a percentage
        v = v / 100
    return float(v)


def score(raw) -> float | None:
    n = _parse(raw)
    if n is None:
        return None
    try:
        return float(Decimal(n.value))
    except (InvalidOperation, ValueError):
        return None


def _number_format(places: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "")


PREVIOUS_HEADER = ("上一版", "已修改", "仍未修改", "新出现")  # with --previous DIR


def _compared(results) -> bool:
    return any(getattr(r, "previous", None) for r in results)


def report_header(results) -> tuple[str, ...]:
    """The per-file sheet's columns: the comparison with the previous round only when there was one."""
    return REPORT_HEADER + (PREVIOUS_HEADER if _compared(results) else ())


def report_rows(results) -> tuple[list[list], dict[tuple[int, int], str]]:
    """Rows of the per-file sheet, and the number format of each money cell (row, column index)."""
    rows, formats = [], {}
    compared = _compared(results)
    for i, r in enumerate(results):
        s, c = r.summary or {}, r.counts
        row = [r.file, verdict(r), s.get("project"), s.get("unit"), s.get("year")]
        for k, key in enumerate(("budget", "spent", "balance")):
            v, places = money(s.get(key), s.get("money_unit"))
            row.append(v)
            formats[(i, 5 + k)] = _number_format(places)
        row += [rate(s.get("rate")), score(s.get("score")), s.get("grade"), c["error"], c["warning"], c["info"],
                r.error or ""]
        if compared:
            p = getattr(r, "previous", None) or {}
            row += [Path(p["file"]).name if p else None, p.get("fixed"), p.get("still_open"), p.get("new")]
        rows.append(row)
    return rows, formats


def iter_finding_rows(results, every_file: bool = False) -> Iterator[list]:
    for r in results:
        if every_file and not r.findings:
            note = r.error or "未发现问题"
            yield [r.file, verdict(r), "", "", "", note, "", "", "", "", "", ""]
        for f in r.findings:
            msg = f.message + (f"（提示：{f.hint}）" if f.hint else "")
            yield [r.file, verdict(r), f.rule, category_text(f.category), severity_text(f.severity), msg,
                   value_text(f.expected), value_text(f.found), f.unit or "", pages_text(f.locations),
                   locations_text(f.locations, 80), fix_text(f.rule)]


def finding_rows(results, every_file: bool = False) -> list[list]:
    return list(iter_finding_rows(results, every_file))


def rule_rows(results) -> list[list]:
    from checker.check.registry import get_rule

    n, files, sev = Counter(), {}, {}
    for r in results:
        for f in r.findings:
            n[f.rule] += 1
            files.setdefault(f.rule, set()).add(r.file)
            sev.setdefault(f.rule, Counter())[f.severity] += 1
    rows = []
    for code, k in sorted(n.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = get_rule(code)
        rows.append([code, rule.name if rule else "", category_text(rule.category) if rule else "", k,
                     len(files[code]), sev[code]["error"], sev[code]["warning"], sev[code]["info"]])
    return rows


def unit_rows(results) -> list[list]:
    by: dict[str, Counter] = {}
    for r in results:
        name = (r.summary or {}).get("unit") or "（未识别）"
        c = by.setdefault(name, Counter())
        c["报告数"] += 1
        c[verdict(r)] += 1
        for sev, k in r.counts.items():
            c[sev] += k
    return [[name, c["报告数"], c["通过"], c["需修改"], c["无法读取"], c["error"], c["warning"], c["info"]]
            for name, c in sorted(by.items(), key=lambda kv: (-kv[1]["需修改"], kv[0]))]


def _text_width(v) -> int:
    s = "" if v is None else str(v)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _clean(v):
    if isinstance(v, str):
        return _ILLEGAL.sub("", v)
    return v


def _sheet(ws, header, rows, number_formats=None, cell_formats=None, total: int | None = None) -> None:
    """Stream rows into a write-only sheet: column widths from the header and the first rows, a style
    only on the cells that need one, text that looks like a formula kept as text."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    rows = iter(rows)
    first = list(itertools.islice(rows, 2000))
    for i, name in enumerate(header, start=1):
        width = max([_text_width(name)] + [_text_width(r[i - 1]) for r in first]) + 2
        ws.column_dimensions[get_column_letter(i)].width = max(6, min(width, _MAX_WIDTH.get(name, 24)))
    ws.freeze_panes = "A2"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    top, wrap = Alignment(vertical="center"), Alignment(wrap_text=True, vertical="top")
    head = []
    for name in header:
        c = WriteOnlyCell(ws, value=name)
        c.font, c.fill, c.alignment = bold, fill, top
        head.append(c)
    ws.append(head)
    by_name = [(number_formats or {}).get(name) for name in header]
    wrapped = [name in _WRAP for name in header]
    cell_formats = cell_formats or {}
    written = 0
    stream = itertools.chain(first, rows)
    for i, row in enumerate(stream):
        if written + 2 >= EXCEL_MAX_ROWS:  # the last row Excel has: say what is missing
            left = (total - written) if total is not None else 1 + sum(1 for _ in stream)
            ws.append([f"……另有 {left} 行超出 Excel 的行数上限，未列出；完整结果请用 --format jsonl"
                       f"（{left} more rows beyond Excel's row limit）"])
            written += 1
            break
        out = []
        for j, v in enumerate(row):
            v = _clean(v)
            fmt = (cell_formats.get((i, j)) or by_name[j]) if isinstance(v, float) else None
            formula_like = isinstance(v, str) and v.startswith("=")
            if fmt or formula_like or (wrapped[j] and v):
                c = WriteOnlyCell(ws, value=v)
                if formula_like:
                    c.data_type = "s"  # text that looks like a formula stays text
                if fmt:
                    c.number_format = fmt
                if wrapped[j]:
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
        for row in finding_rows(results, every_file=True):
            w.writerow([_csv_safe(v) for v in row])
        write_atomic(path, ("\ufeff" + buf.getvalue()).encode("utf-8"))
        return
    if suffix != ".xlsx":
        raise InputError(f"汇总文件须为 .xlsx 或 .csv：{path}", f"summary must be .xlsx or .csv: {path}")
    from openpyxl import Workbook

    results = list(results)
    wb = Workbook(write_only=True)
    rows, formats = report_rows(results)
    _sheet(wb.create_sheet("报告汇总"), report_header(results), rows, {"执行率": "0.00%", "得分": "0.00"}, formats)
    _sheet(wb.create_sheet("问题明细"), FINDING_HEADER, iter_finding_rows(results),
           total=sum(len(r.findings) for r in results))
    _sheet(wb.create_sheet("按规则"), RULE_HEADER, rule_rows(results))
    _sheet(wb.create_sheet("按单位"), UNIT_HEADER, unit_rows(results))
    wb.properties.creator = "pecheck"
    buf = io.BytesIO()
    wb.save(buf)
    write_atomic(path, buf.getvalue())
