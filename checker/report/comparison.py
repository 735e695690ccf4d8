"""Renderers of `pecheck compare OLD NEW`: console, JSON and HTML of a checker.compare.Comparison."""

from __future__ import annotations

import html
import json
from pathlib import Path

from checker.report.fixes import how_to_fix
from checker.report.markdown import category_text, location_text, severity_text

SECTIONS = (("new_findings", "新出现的问题", "new"), ("still_open", "仍未修改的问题", "open"),
            ("fixed", "已修改的问题", "fixed"))


def headline(cmp) -> str:
    c = cmp.counts
    return f"已修改 {c['fixed']} 处，仍未修改 {c['still_open']} 处，新出现 {c['new']} 处"


def verdict(cmp) -> str:
    if cmp.blocking:
        return "结论：仍有错误未改正或新出现错误，需退回修改"
    if any(f.severity == "warning" for f in cmp.still_open + cmp.new_findings):
        return "结论：错误已全部改正，尚有警告请核实"
    return "结论：问题已全部改正"


def to_json(cmp) -> str:
    from checker import __version__

    return json.dumps({"tool": "pecheck", "version": __version__, **cmp.to_dict()}, ensure_ascii=False, indent=1)


def print_comparison(cmp, console=None) -> None:
    from rich.console import Console
    from rich.markup import escape

    from checker.report.console import SEV_STYLE

    con = console or Console()
    con.rule(f"[bold]{escape(Path(cmp.old.file).name)} → {escape(Path(cmp.new.file).name)}[/bold]")
    for key, title, _ in SECTIONS:
        fs = getattr(cmp, key)
        con.print(f"\n[bold]{title}（{len(fs)}）[/bold]")
        for f in fs:
            style = "dim" if key == "fixed" else SEV_STYLE.get(f.severity, "")
            con.print(f"  [{style}]{f.rule} {severity_text(f.severity)}[/] {escape(f.message)}", highlight=False)
            if f.locations:
                con.print(f"      [dim]{escape(location_text(f.locations[0], 60))}[/dim]", highlight=False)
    con.print(f"\n{headline(cmp)}")
    con.print(verdict(cmp))


def _e(s) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _finding(f, kind: str) -> str:
    vals = []
    if f.expected is not None:
        vals.append(f"应为 {_e(f.expected)}")
    if f.found is not None:
        vals.append(f"实为 {_e(f.found)}")
    locs = "".join(f"<li>{_e(location_text(loc, 60))}</li>" for loc in f.locations)
    sev = "info" if kind == "fixed" else f.severity
    return (f'<div class="finding {_e(sev)}"><div class="fhead"><span class="code">{_e(f.rule)}</span>'
            f'<span class="badge {_e(sev)}">{_e(severity_text(f.severity))}</span>'
            f'<span class="cat">{_e(category_text(f.category))}</span></div>'
            f'<p class="msg">{_e(f.message)}</p>'
            + (f'<p class="values">{"，".join(vals)}</p>' if vals else "")
            + (f'<ul class="locs">{locs}</ul>' if locs else "")
            + (f'<p class="hint">修改：{_e(how_to_fix(f))}</p>' if kind != "fixed" else "") + "</div>")


def render_html(cmp) -> str:
    from checker import __version__
    from checker.report.html import CSS

    parts = []
    for key, title, kind in SECTIONS:
        fs = getattr(cmp, key)
        parts.append(f'<section class="report" id="{kind}"><h2>{_e(title)}（{len(fs)}）</h2>')
        parts.append("".join(_finding(f, kind) for f in fs) or '<p class="none">无</p>')
        parts.append("</section>")
    old, new = Path(cmp.old.file).name, Path(cmp.new.file).name
    return ("<!DOCTYPE html>\n"
            '<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>pecheck 对比：{_e(old)} → {_e(new)}</title><style>{CSS}</style></head><body><main>"
            f"<h1>修改前后对比</h1><p class=\"sub\">原报告 {_e(old)} → 修改后 {_e(new)}</p>"
            f'<p class="counts">{_e(headline(cmp))}</p><p><strong>{_e(verdict(cmp))}</strong></p>'
            + "".join(parts)
            + f"<footer>pecheck {_e(__version__)}</footer></main></body></html>\n")


def emit(cmp, fmt: str = "console", output: Path | None = None) -> None:
    import sys

    from checker.report.render import write_atomic

    if fmt == "json":
        text = to_json(cmp)
    elif fmt == "html":
        text = render_html(cmp)
    else:
        if output is None:
            print_comparison(cmp)
            return
        from io import StringIO

        from rich.console import Console

        buf = StringIO()
        print_comparison(cmp, Console(file=buf, width=120, force_terminal=False))
        text = buf.getvalue()
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        write_atomic(output, text)
