"""The Markdown renderer (labels come from checker.report.labels)."""

from __future__ import annotations

from checker.report.labels import (  # noqa: F401 - re-exported for older imports
    SEVERITY_ORDER,
    STATUS_ZH,
    SUMMARY_FIELDS,
    category_text,
    fix_text,
    location_text,
    locations_text,
    ocr_text,
    pages_text,
    quote,
    severity_text,
    status_text,
    value_text,
    verdict,
)


def _cell(s) -> str:
    """Text safe inside a Markdown table cell."""
    s = value_text(s).replace("\\", "\\\\").replace("|", "\\|")
    s = s.replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(s.split())


def render_markdown(results, **_opts) -> str:
    out: list[str] = ["# pecheck 绩效自评报告检查结果", ""]
    if len(results) > 1:
        out += ["| 文件 | 项目 | 得分 | 等级 | 错误 | 警告 | 提示 | 结论 |", "|---|---|---|---|---:|---:|---:|---|"]
        for r in results:
            c = r.counts
            s = r.summary or {}
            out.append(f"| {_cell(r.file)} | {_cell(s.get('project'))} | {_cell(s.get('score'))} | "
                       f"{_cell(s.get('grade'))} | {c['error']} | {c['warning']} | {c['info']} | "
                       f"{_cell(verdict(r) + ('：' + r.error if r.error else ''))} |")
        out.append("")
    for r in results:
        out += [f"## {_cell(r.file)}", ""]
        if r.error:
            out += [f"> **无法检查**：{_cell(r.error)}", ""]
            continue
        s = r.summary or {}
        unit = s.get("money_unit") or ""
        read = [f"- **{label}**：{_cell(s[key])}" + (f" {unit}" if unit and key in ("budget", "spent", "balance") else "")
                for key, label in SUMMARY_FIELDS if s.get(key) not in (None, "")]
        meta = f"- **文件**：{_cell(r.format.upper())}，{r.pages} 页" + ocr_text(r)
        out += ["读取到的内容：", "", *read, meta, ""]
        c = r.counts
        out += [f"共 {len(r.findings)} 项问题：错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}。", ""]
        for sev in SEVERITY_ORDER:
            fs = [f for f in r.findings if f.severity == sev]
            if not fs:
                continue
            out += [f"### {severity_text(sev)}（{len(fs)}）", "",
                    "| 代码 | 类别 | 说明 | 应为 | 实为 | 位置 | 如何修改 |", "|---|---|---|---|---|---|---|"]
            for f in fs:
                msg = f.message + (f"（提示：{f.hint}）" if f.hint else "")
                unit = f" {f.unit}" if f.unit else ""
                exp = "" if f.expected is None else f"{f.expected}{unit}"
                fnd = "" if f.found is None else f"{f.found}{unit}"
                out.append(f"| {_cell(f.rule)} | {_cell(category_text(f.category))} | {_cell(msg)} | "
                           f"{_cell(exp)} | {_cell(fnd)} | {_cell(locations_text(f.locations))} | "
                           f"{_cell(fix_text(f.rule))} |")
            out.append("")
    return "\n".join(out).rstrip() + "\n"
