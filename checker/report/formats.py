"""One registry of output formats, read by the CLI (choices, help, validation) and by `render.emit`.

A format turns the (already filtered) results into text.  Summary files and annotated copies are
registered here too, by file suffix, so the CLI can refuse a wrong suffix before any work starts.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from checker.record import FrozenRecord


@dataclass(frozen=True, repr=False, eq=False)
class OutputFormat(FrozenRecord):
    """An output format of `pecheck check --format`: its name, one-line help and renderer."""

    name: str
    help: str  # Chinese, one line
    target: str  # "module:function" taking (results, **opts) and returning text
    aliases: tuple[str, ...] = field(default=())

    def render(self, results, **opts) -> str:
        module, func = self.target.split(":")
        return getattr(importlib.import_module(module), func)(results, **opts)


FORMATS: dict[str, OutputFormat] = {f.name: f for f in (
    OutputFormat("console", "分组、带颜色的终端输出（默认）", "checker.report.console:render_console", ("full",)),
    OutputFormat("concise", "每个问题一行：文件:页:表:行:列: 代码 级别 说明", "checker.report.concise:render_concise"),
    OutputFormat("json", "JSON（见 docs/json-contract.md）", "checker.report.jsonout:render_json"),
    OutputFormat("jsonl", "JSON Lines：每份报告一行，批量检查时逐份写出", "checker.report.jsonl:render_jsonl"),
    OutputFormat("markdown", "Markdown 表格", "checker.report.markdown:render_markdown", ("md",)),
    OutputFormat("html", "自带证据截图的 HTML 页面", "checker.report.html:render_html"),
)}

# --summary FILE: by suffix
SUMMARY_WRITERS = {".xlsx": "checker.report.xlsx:write_summary", ".csv": "checker.report.xlsx:write_summary"}

# --annotate FILE: by the input's suffix; the copy has the input's type.  Other writers (a DOCX with
# comments, say) register here under their suffix.
ANNOTATORS: dict[str, str] = {".pdf": "checker.report.annotate:annotate_pdf",
                               ".docx": "checker.report.comments:annotate_docx"}


def names() -> list[str]:
    return list(FORMATS)


def lookup(name: str) -> OutputFormat | None:
    n = (name or "").strip().lower()
    for f in FORMATS.values():
        if n == f.name or n in f.aliases:
            return f
    return None


def function(target: str):
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)
