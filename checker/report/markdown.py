"""The Markdown renderer, and the labels the reviewer-facing renderers (Markdown, HTML, Excel) share."""

from __future__ import annotations

from checker.report.console import CAT_ZH, SEV_ZH, where

SEVERITY_ORDER = ("error", "warning", "info")
SUMMARY_FIELDS = (("project", "项目"), ("unit", "单位"), ("year", "年度"), ("budget", "预算"),
                  ("spent", "支出"), ("balance", "结余"), ("rate", "执行率"), ("score", "得分"),
                  ("grade", "等级"))
STATUS_ZH = {"ok": "通过", "warnings": "有警告", "errors": "有错误", "failed": "无法检查"}


def status_text(res) -> str:
    """Status in Chinese; a failed report carries its reason."""
    st = STATUS_ZH.get(res.status, res.status)
    return f"{st}：{res.error}" if res.error else st


def category_text(cat: str) -> str:
    return CAT_ZH.get(cat, cat)


def severity_text(sev: str) -> str:
    return SEV_ZH.get(sev, sev)


def quote(text: str, limit: int = 80) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= limit else t[: limit - 1] + "…"


OCR_MARK = "〔OCR〕"  # before a quote read by OCR from a scanned page: the words may be misread


def location_text(loc, limit: int = 60) -> str:
    """'第19页 表3 第4行 第9列 “6.5”' — page, cell or paragraph, then the quoted text (marked
    〔OCR〕 when it was read from a scanned page)."""
    w = where(loc)
    q = quote(loc.text, limit)
    if q and getattr(loc, "ocr", False):
        return f"{w} {OCR_MARK}“{q}”" if w else f"{OCR_MARK}“{q}”"
    return (f"{w} “{q}”" if q else w) if w else (f"“{q}”" if q else "")


def ocr_text(res) -> str:
    """'，含 OCR 识别（平均置信度 0.98）' for a report read (in part) by OCR."""
    conf = getattr(res, "ocr_confidence", None)
    return "，含 OCR 识别" + (f"（平均置信度 {conf:.2f}）" if conf is not None else "")


def locations_text(locs, limit: int = 60, sep: str = "；") -> str:
    return sep.join(t for t in (location_text(loc, limit) for loc in locs) if t)


def value_text(v) -> str:
    return "" if v is None else str(v)


def pages_text(locs) -> str:
    pages: list[int] = []
    for loc in locs:
        if loc.page and loc.page not in pages:
            pages.append(loc.page)
    return "、".join(map(str, pages))


def _cell(s) -> str:
    """Text safe inside a Markdown table cell."""
    s = value_text(s).replace("\\", "\\\\").replace("|", "\\|")
    s = s.replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(s.split())


def render_markdown(results) -> str:
    out: list[str] = ["# pecheck 绩效自评报告检查结果", ""]
    if len(results) > 1:
        out += ["| 文件 | 项目 | 得分 | 等级 | 错误 | 警告 | 提示 | 状态 |", "|---|---|---|---|---:|---:|---:|---|"]
        for r in results:
            c = r.counts
            s = r.summary or {}
            out.append(f"| {_cell(r.file)} | {_cell(s.get('project'))} | {_cell(s.get('score'))} | "
                       f"{_cell(s.get('grade'))} | {c['error']} | {c['warning']} | {c['info']} | "
                       f"{_cell(status_text(r))} |")
        out.append("")
    for r in results:
        out += [f"## {_cell(r.file)}", ""]
        if r.error:
            out += [f"> **无法检查**：{_cell(r.error)}", ""]
            continue
        s = r.summary or {}
        read = [f"- **{label}**：{_cell(s[key])}" for key, label in SUMMARY_FIELDS if s.get(key) not in (None, "")]
        meta = f"- **文件**：{_cell(r.format.upper())}，{r.pages} 页" + (ocr_text(r) if r.ocr else "")
        out += ["读取到的内容：", "", *read, meta, ""]
        c = r.counts
        out += [f"共 {len(r.findings)} 项问题：错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}。", ""]
        for sev in SEVERITY_ORDER:
            fs = [f for f in r.findings if f.severity == sev]
            if not fs:
                continue
            out += [f"### {severity_text(sev)}（{len(fs)}）", "",
                    "| 代码 | 类别 | 说明 | 应为 | 实为 | 位置 |", "|---|---|---|---|---|---|"]
            for f in fs:
                msg = f.message + (f"（提示：{f.hint}）" if f.hint else "")
                out.append(f"| {_cell(f.rule)} | {_cell(category_text(f.category))} | {_cell(msg)} | "
                           f"{_cell(f.expected)} | {_cell(f.found)} | {_cell(locations_text(f.locations))} |")
            out.append("")
    return "\n".join(out).rstrip() + "\n"
