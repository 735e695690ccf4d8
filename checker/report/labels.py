"""Every word a reviewer reads about a finding, in one place: severity and category labels, the
summary fields, the verdict per file, location labels (1-based, the same in every output), quotes
widened to whole clauses, and the how-to-fix line per rule (rules/fixes.toml).

Renderers (console, concise, JSON, Markdown, HTML, Excel, annotated PDF, dump) and the selector
matching of the CLI read their labels from here, so what is printed is also what is accepted.
"""

from __future__ import annotations

import functools

from checker.textnorm import CLAUSE_END, SOFT_END, balanced  # noqa: F401 - balanced is part of the labels API

SEVERITY_ORDER = ("error", "warning", "info")
SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
CAT_ZH = {"sum": "合计", "balance": "结余", "rate": "比率", "score": "评分", "grade": "等级",
          "mismatch": "不一致", "text": "文字", "logic": "逻辑", "missing": "缺漏"}
# what was read from a report, in the order people expect it (the console header, Markdown, HTML)
SUMMARY_FIELDS = (("project", "项目"), ("unit", "单位"), ("year", "年度"), ("budget", "预算"),
                  ("spent", "支出"), ("balance", "结余"), ("rate", "执行率"), ("score", "得分"),
                  ("grade", "等级"))
STATUS_ZH = {"ok": "通过", "warnings": "有警告", "errors": "有错误", "failed": "无法检查"}
# one word per file for a reviewer's list: checked and nothing to change / something to change / unread
VERDICTS = ("通过", "需修改", "无法读取")


def severity_text(sev: str) -> str:
    return SEV_ZH.get(sev, sev)


def category_text(cat: str) -> str:
    return CAT_ZH.get(cat, cat)


def status_text(res) -> str:
    """Status in Chinese; a failed report carries its reason."""
    st = STATUS_ZH.get(res.status, res.status)
    return f"{st}：{res.error}" if res.error else st


def verdict(res) -> str:
    """通过 when nothing above info was found, 需修改 when an error or warning was, 无法读取 on failure."""
    if res.error:
        return VERDICTS[2]
    c = res.counts
    return VERDICTS[1] if c["error"] or c["warning"] else VERDICTS[0]


def category_of_label(label: str) -> str | None:
    """'不一致' → 'mismatch': the printed category label back to its key."""
    for key, zh in CAT_ZH.items():
        if label.strip() == zh:
            return key
    return None


# ---------------------------------------------------------------- locations

def where(loc) -> str:
    """'第1页 表1 第4行 第5列' or '第2页 段落8': 1-based, for people; the same in every output."""
    return loc.label()


def where_fields(loc) -> tuple[str, str, str, str]:
    """(页, 表, 行, 列) as 1-based numbers ('' when absent), for the concise one-line format."""
    def n(v):
        return "" if v is None else str(v + 1)

    page = str(loc.page) if loc.page else ""
    if loc.table is not None:
        return page, n(loc.table), n(loc.row), n(loc.col)
    return page, "", "", ""


def table_label(index: int) -> str:
    return f"表{index + 1}"


def paragraph_label(index: int) -> str:
    return f"段落{index + 1}"


# ---------------------------------------------------------------- quotes

# a clause ends at these; a quote that must be shortened is cut after one of them, never mid-word
_CLAUSE_END, _SOFT_END = CLAUSE_END, SOFT_END


def quote(text: str, limit: int = 80) -> str:
    """The quoted text on one line; when too long, cut after the last clause end (or comma) that
    fits, with an ellipsis, and with brackets and quotes balanced."""
    t = " ".join((text or "").split())
    if len(t) <= limit:
        return balanced(t) if t else t
    head = t[: limit - 1]
    cut = max(head.rfind(ch) for ch in _CLAUSE_END)
    if cut < limit // 3:
        cut = max(head.rfind(ch) for ch in _SOFT_END)
    if cut >= limit // 3:
        head = head[: cut + 1]
    return balanced(head) + "…"


OCR_MARK = "〔OCR〕"  # before a quote read by OCR from a scanned page: the words may be misread


def ocr_mark(loc) -> str:
    """〔OCR〕 for a location whose quote was read from a scanned page, else ''."""
    return OCR_MARK if getattr(loc, "ocr", False) else ""


def location_text(loc, limit: int = 60) -> str:
    """'第19页 表3 第4行 第9列 “6.5”' — page, cell or paragraph, then the quoted text (marked
    〔OCR〕 when it was read from a scanned page)."""
    w = where(loc)
    q = quote(loc.text, limit)
    if q:
        q = f"{ocr_mark(loc)}“{q}”"
    return (f"{w} {q}" if q else w) if w else q


def ocr_text(res) -> str:
    """'，含 OCR 识别（平均置信度 0.98）' for a report read (in part) by OCR, else ''."""
    if not getattr(res, "ocr", False):
        return ""
    conf = getattr(res, "ocr_confidence", None)
    return "，含 OCR 识别" + (f"（平均置信度 {conf:.2f}）" if conf is not None else "")


def unique_locations(locs) -> list:
    """Each place once: the same cell or paragraph quoted twice is one location."""
    out, seen = [], set()
    for loc in locs:
        key = (loc.page, loc.table, loc.row, loc.col, loc.paragraph, loc.ref or None,
               None if (loc.table is not None or loc.paragraph is not None or loc.ref) else loc.text)
        if key in seen:
            continue
        seen.add(key)
        out.append(loc)
    return out


def locations_text(locs, limit: int = 60, sep: str = "；") -> str:
    return sep.join(t for t in (location_text(loc, limit) for loc in unique_locations(locs)) if t)


def pages_text(locs) -> str:
    pages: list[int] = []
    for loc in locs:
        if loc.page and loc.page not in pages:
            pages.append(loc.page)
    return "、".join(map(str, pages))


def unit_values(f, sep: str = "  ") -> str:
    """'应为 974.00 万元  实为 982.10 万元': expected and found (and the difference) with their one unit."""
    unit = f" {f.unit}" if getattr(f, "unit", None) else ""
    parts = []
    if f.expected is not None:
        parts.append(f"应为 {f.expected}{unit}")
    if f.found is not None:
        parts.append(f"实为 {f.found}{unit}")
    return sep.join(parts)


def value_text(v) -> str:
    return "" if v is None else str(v)


# ---------------------------------------------------------------- how to fix

@functools.cache
def fixes() -> dict[str, str]:
    """Rule code → one Chinese line on how to fix it (rules/fixes.toml)."""
    from checker.knowledge import rules_dir
    from checker.runstore import parsed_toml

    path = rules_dir() / "fixes.toml"
    try:
        data = parsed_toml(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # ValueError: tomllib's TOMLDecodeError, a bad encoding
        return {}
    return {str(k).upper(): str(v) for k, v in data.items()}


def fix_text(code: str) -> str:
    return fixes().get(code.upper(), "")


def rule_pointer(code: str) -> str:
    """Where to read more about a finding's rule."""
    return f"pecheck rule {code}"
