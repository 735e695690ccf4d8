"""`--output-format concise`: one line per finding, `file:页:表:行:列: CODE 级别 message`, for grep or
pasting into a spreadsheet.  Numbers are 1-based, as in every other output."""

from __future__ import annotations

from checker.report.labels import severity_text, where_fields


def _one_line(s: str) -> str:
    return " ".join(str(s).split())


def render_concise(results, **_opts) -> str:
    out: list[str] = []
    for r in results:
        if r.error:
            out.append(f"{r.file}:::: 无法读取 {_one_line(r.error)}")
            continue
        for f in r.findings:
            page, table, row, col = where_fields(f.locations[0]) if f.locations else ("", "", "", "")
            vals = ""
            if f.expected is not None or f.found is not None:
                vals = f"（应为 {f.expected}，实为 {f.found}）" if f.expected is not None else f"（实为 {f.found}）"
            out.append(f"{r.file}:{page}:{table}:{row}:{col}: {f.rule} {severity_text(f.severity)} "
                       f"{_one_line(f.message)}{_one_line(vals)}")
    return "\n".join(out) + ("\n" if out else "")


def render_statistics(results, **_opts) -> str:
    """`--statistics`: how often each rule fired over the run, most frequent first."""
    from collections import Counter

    from checker.check.registry import get_rule
    from checker.report.labels import category_text

    counts = Counter(f.rule for r in results for f in r.findings)
    lines = []
    width = max((len(str(n)) for n in counts.values()), default=1)
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = get_rule(code)
        name = rule.name if rule else ""
        cat = category_text(rule.category) if rule else ""
        lines.append(f"{n:>{width}}  {code}  {name:<26} {cat}  {rule.title if rule else ''}".rstrip())
    files = len(results)
    unread = sum(1 for r in results if r.error)
    lines.append(f"共 {sum(counts.values())} 项，{len(counts)} 条规则，{files} 份报告" + (f"（{unread} 份无法读取）" if unread else ""))
    return "\n".join(lines) + "\n"
