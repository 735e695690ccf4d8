"""Downloads from the desk: the Excel summary with decision counts, the annotated PDF or commented DOCX
holding only the confirmed findings, and the 退回意见 (return letter) as a DOCX."""

from __future__ import annotations

import dataclasses
import io
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from checker.check.registry import Finding
from checker.model import Loc
from checker.record import ValueRecord

DECISION_ZH = {"confirmed": "已确认", "rejected": "已驳回", "open": "待定"}
STATUS_ZH = {"queued": "排队中", "running": "检查中", "done": "已完成", "failed": "无法检查"}
CHANGE_ZH = {"new": "新增", "still_open": "仍存在"}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def labels() -> dict[str, dict[str, str]]:
    from checker.check.registry import CATEGORIES, SEVERITIES
    from checker.report.labels import category_text, severity_text

    return {"category": {c: category_text(c) for c in CATEGORIES},
            "severity": {s: severity_text(s) for s in SEVERITIES},
            "decision": DECISION_ZH, "status": STATUS_ZH, "change": CHANGE_ZH}


def finding_objects(findings: list[dict[str, Any]]) -> list[Finding]:
    """Findings from their JSON form, for the renderers that take Finding objects."""
    loc_keys = {f.name for f in dataclasses.fields(Loc)}
    f_keys = {f.name for f in dataclasses.fields(Finding)} - {"locations"}
    out = []
    for d in findings:
        locs = []
        for ld in d.get("locations") or []:
            kw = {k: v for k, v in ld.items() if k in loc_keys}
            if kw.get("bbox"):
                kw["bbox"] = tuple(kw["bbox"])
            locs.append(Loc(**kw))
        out.append(Finding(**{k: v for k, v in d.items() if k in f_keys}, locations=locs))
    return out


@dataclasses.dataclass(repr=False, eq=False)
class _Res(ValueRecord):
    """The few Result attributes the annotators read."""

    file: str
    format: str
    findings: list[Finding]


# ------------------------------------------------------------------------------------------- Excel


def _cell(v):
    if isinstance(v, str):
        v = _ILLEGAL.sub("", v)
    return v


def summary_xlsx(entries: list[dict[str, Any]]) -> bytes:
    """entries: the API's full views of reports.  Sheet 报告汇总 (one row per report with severity and
    decision counts), sheet 问题明细 (one row per finding with its decision and note)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from checker.report.labels import category_text, severity_text

    wb = Workbook()
    ws = wb.active
    ws.title = "报告汇总"
    head1 = ("文件", "版本", "项目", "单位", "得分", "等级", "状态", "错误", "警告", "提示",
             "已确认", "已驳回", "待定", "已修正", "仍存在", "新增", "上传时间")
    rows1, rows2 = [], []
    for e in entries:
        rep = e.get("report") or {}
        s = rep.get("summary") or {}
        c = e.get("counts") or {}
        d = e.get("decisions") or {}
        cmp = e.get("compare") or {}
        status = STATUS_ZH.get(e["status"], e["status"]) + (f"：{e['error']}" if e.get("error") else "")
        rows1.append([e["name"], e["version"], s.get("project"), s.get("unit"), s.get("score"), s.get("grade"),
                      status, c.get("error"), c.get("warning"), c.get("info"), d.get("confirmed"),
                      d.get("rejected"), d.get("open"), cmp.get("fixed"), cmp.get("still_open"), cmp.get("new"),
                      time.strftime("%Y-%m-%d %H:%M", time.localtime(e["created"]))])
        for f in rep.get("findings") or []:
            pages = "、".join(dict.fromkeys(str(loc["page"]) for loc in f.get("locations") or [] if loc.get("page")))
            rows2.append([e["name"], e["version"], f["id"], f["rule"], category_text(f["category"]),
                          severity_text(f["severity"]), f["message"], f.get("expected"), f.get("found"), pages,
                          DECISION_ZH.get(f.get("decision") or "open"), f.get("note") or "",
                          CHANGE_ZH.get(f.get("change"), "")])
    head2 = ("文件", "版本", "编号", "代码", "类别", "级别", "说明", "应为", "实为", "页", "决定", "备注", "修正情况")
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    widths = {"文件": 36, "项目": 36, "单位": 28, "状态": 30, "说明": 70, "备注": 30, "上传时间": 17}
    for sheet, head, rows in ((ws, head1, rows1), (wb.create_sheet("问题明细"), head2, rows2)):
        sheet.append(list(head))
        for row in rows:
            sheet.append([_cell(v) for v in row])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # a hostile name that looks like a formula stays text
        for i, name in enumerate(head, start=1):
            sheet.cell(1, i).font, sheet.cell(1, i).fill = bold, fill
            sheet.column_dimensions[get_column_letter(i)].width = widths.get(name, 9)
            if name in ("说明", "备注", "状态"):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(head))}{max(len(rows) + 1, 1)}"
    wb.properties.creator = "pecheck"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ------------------------------------------------------------------------------ annotated copies


def confirmed(entry: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in (entry.get("report") or {}).get("findings") or [] if f.get("decision") == "confirmed"]


def annotated_pdf(src: Path, entry: dict[str, Any]) -> bytes:
    from checker.report.annotate import annotate_pdf

    res = _Res(str(src), "pdf", finding_objects(confirmed(entry)))
    with tempfile.TemporaryDirectory(prefix="pecheck-export-") as tmp:
        out = Path(tmp) / "annotated.pdf"
        annotate_pdf(src, res, out)
        return out.read_bytes()


def docx_annotator():
    """The commented-DOCX writer (issue 15: `annotate_docx(src, result, out)`), or None without it."""
    try:
        from checker.report.comments import annotate_docx
    except ImportError:
        return None
    return annotate_docx


def commented_docx(src: Path, entry: dict[str, Any]) -> bytes:
    fn = docx_annotator()
    if fn is None:
        raise NotImplementedError
    res = _Res(str(src), "docx", finding_objects(confirmed(entry)))
    with tempfile.TemporaryDirectory(prefix="pecheck-export-") as tmp:
        out = Path(tmp) / "commented.docx"
        fn(src, res, out)
        return out.read_bytes()


def _child(fn, out: str, args) -> None:
    Path(out).write_bytes(fn(*args))


def isolated(fn, *args, timeout: float = 120.0) -> bytes:
    """fn(*args) in a child process: writing an annotated copy parses the submitted file again, and a
    hostile file must not stall or crash the server.  Errors inside come back as InputError."""
    import multiprocessing as mp

    from checker.errors import InputError

    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    with tempfile.TemporaryDirectory(prefix="pecheck-export-") as tmp:
        out = Path(tmp) / "out"
        proc = ctx.Process(target=_child, args=(fn, str(out), args), daemon=True)
        proc.start()
        proc.join(timeout)
        if proc.is_alive():
            proc.kill()
            proc.join(5)
            raise InputError("生成批注文件超时", "writing the annotated copy timed out")
        if proc.exitcode != 0 or not out.is_file():
            raise InputError("无法生成批注文件（文件可能已损坏）", "cannot write the annotated copy")
        return out.read_bytes()


# --------------------------------------------------------------------------------- return letter


def how_to_fix(f: dict[str, Any]) -> str:
    """One line telling the department what to do about a finding: the checker's own how-to-fix line
    (checker.report.fixes, issue 15) where installed, else one made from the values here."""
    try:
        from checker.report.fixes import how_to_fix as fix_line
    except ImportError:
        fix_line = None
    if fix_line is not None:
        return fix_line(finding_objects([f])[0])
    from checker.report.labels import fix_text

    exp, fnd = f.get("expected"), f.get("found")
    rule_fix = fix_text(f["rule"])  # the rule's own advice (rules/fixes.toml)
    if rule_fix:
        return rule_fix
    if exp not in (None, "") and fnd not in (None, ""):
        return f"请核实并更正：应为 {exp}，现为 {fnd}；相关各处（正文与表格）应一并修改。"
    if exp not in (None, ""):
        return f"请核实并更正为 {exp}。"
    if f.get("category") == "missing":
        return "请补充填写相关内容。"
    return "请核实并修改，或书面说明理由。"


def _where(f: dict[str, Any]) -> str:
    pages = list(dict.fromkeys(loc["page"] for loc in f.get("locations") or [] if loc.get("page")))
    return "、".join(f"第{p}页" for p in pages) or "—"


def letter_docx(entry: dict[str, Any]) -> bytes:
    """退回意见: the confirmed findings, each with its page, expected/found values and how to fix it."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from checker.report.labels import severity_text

    rep = entry.get("report") or {}
    s = rep.get("summary") or {}
    project = s.get("project") or Path(entry["name"]).stem
    unit = s.get("unit") or "项目实施单位"
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "SimSun")
    style.font.size = Pt(12)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("绩效自评报告退回意见")
    run.bold, run.font.size = True, Pt(18)
    doc.add_paragraph(f"{unit}：")
    doc.add_paragraph(
        f"经审核，你单位报送的《{project}》绩效自评报告（文件：{entry['name']}，第 {entry['version']} 版）"
        f"存在以下问题，现予退回。请逐项核实修改后重新报送。")
    items = confirmed(entry)
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("序号", "位置", "问题", "应为 / 实为", "修改要求")):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for i, f in enumerate(items, start=1):
        vals = "；".join(x for x in (f"应为 {f['expected']}" if f.get("expected") not in (None, "") else "",
                                   f"实为 {f['found']}" if f.get("found") not in (None, "") else "") if x)
        problem = f"[{severity_text(f['severity'])}] {f['message']}"
        if f.get("note"):
            problem += f"（审核意见：{f['note']}）"
        row = table.add_row().cells
        for cell, text in zip(row, (str(i), _where(f), problem, vals or "—", how_to_fix(f))):
            cell.text = _ILLEGAL.sub("", text)
    if not items:
        doc.add_paragraph("（暂无已确认的问题。）")
    doc.add_paragraph("")
    doc.add_paragraph(f"共 {len(items)} 项问题。")
    sign = doc.add_paragraph(f"审核人：__________        日期：{time.strftime('%Y年%m月%d日')}")
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
