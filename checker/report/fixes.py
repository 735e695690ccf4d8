"""What a department should do about a finding, and the self-check verdict that ends a console report."""

from __future__ import annotations

LOUD = ("error", "warning")


# For a rule without its own fix text, the category says what kind of change is wanted.
_BY_CATEGORY = {
    "sum": "将“{found}”改为“{expected}”，或改正参与加总的数字",
    "balance": "将“{found}”改为“{expected}”，或改正预算、支出数",
    "rate": "将“{found}”改为“{expected}”，或改正计算所用的数字",
    "score": "将得分“{found}”改为“{expected}”，并重算总分",
    "grade": "将等级“{found}”改为“{expected}”",
    "mismatch": "核实后统一为同一数值（另一处为“{expected}”）",
    "text": "核实后统一两处表述（另一处为“{expected}”）",
    "missing": "{expected}",
}
_GENERAL = "对照原文核实：确有错误则改正，无误则在报告中说明理由"


def how_to_fix(f) -> str:
    """The how-to-fix line of a finding: the rule's own fix text (rules/fixes.toml) where there is
    one, else a line built from its category and values."""
    from checker.report.labels import fix_text

    fix = fix_text(f.rule)
    if fix:
        return fix
    template = _BY_CATEGORY.get(f.category)
    if template and f.expected and ("{found}" not in template or f.found):
        return template.format(expected=f.expected, found=f.found)
    return _GENERAL


def page_order(findings) -> list:
    """Findings in the order a reader meets them: page, then table position or paragraph."""
    def key(f):
        loc = f.locations[0] if f.locations else None
        if loc is None:
            return (10**9, 0, 0, 0)
        if loc.table is not None:
            return (loc.page or 0, 1, loc.table, (loc.row or 0) * 1000 + (loc.col or 0))
        return (loc.page or 0, 0, loc.paragraph or 0, 0)

    return sorted(findings, key=key)


def to_fix(result) -> list:
    """The findings a department must deal with before submitting (errors and warnings), in page order."""
    return page_order([f for f in result.findings if f.severity in LOUD])


def verdict_line(result) -> str:
    n = len(to_fix(result))
    return "可以提交" if n == 0 else f"需修改（{n} 处）"
