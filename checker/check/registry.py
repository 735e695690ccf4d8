"""The rule registry: each rule is a small class whose attributes are its documentation.

A rule declares its code, name, category (from the JSON contract), default severity, a Chinese
title and explanation with a failing and a passing example, and its config keywords; `check`
yields Findings over the facts. Rules never reach back into parsers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from checker.check.options import Option
from checker.model import Loc
from checker.record import ValueRecord

CATEGORIES = ("sum", "balance", "rate", "score", "grade", "mismatch", "text", "logic", "missing")
SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(repr=False, eq=False)
class Finding(ValueRecord):
    """One fault a rule found, with what was expected, what was found and where."""

    rule: str
    category: str
    severity: str
    message: str
    expected: str | None = None
    found: str | None = None
    locations: list[Loc] = field(default_factory=list)
    difference: str | None = None
    hint: str | None = None
    unit: str | None = None  # the one unit of expected, found and difference (万元, %), shown beside them
    fingerprint: str = ""  # set where findings become a Result (checker.fingerprint)

    def key(self) -> tuple:
        return (self.rule, self.message, self.found)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "rule": self.rule, "category": self.category, "severity": self.severity, "message": self.message,
            "expected": self.expected, "found": self.found,
            "locations": [loc.to_dict() for loc in self.locations],
        }
        if self.difference is not None:
            d["difference"] = self.difference
        if self.hint:
            d["hint"] = self.hint
        if self.unit:
            d["unit"] = self.unit
        from checker.report.labels import fix_text, rule_pointer

        d["fix"] = fix_text(self.rule)  # how to fix it, and where to read more: in every JSON output
        d["doc"] = rule_pointer(self.rule)
        if self.fingerprint:
            d["fingerprint"] = self.fingerprint
        return d


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[str] = "error"
    title: ClassVar[str]  # Chinese, one line
    explain: ClassVar[str]  # Chinese, why it matters
    fail_example: ClassVar[str]
    pass_example: ClassVar[str]
    options: ClassVar[tuple[Option, ...]] = ()  # declared options; values come from the profile and config

    def __init__(self, severity: str | None = None, values: dict[str, Any] | None = None):
        self.sev = severity or self.severity
        self.values = values or {}  # option name -> typed value

    def opt(self, name: str) -> Any:
        return self.values[name]

    @classmethod
    def option(cls, name: str) -> Option | None:
        return next((o for o in cls.options if o.name == name), None)

    @classmethod
    def resolve(cls, profile: dict[str, Any], overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        """Typed option values: the rule's own `[rule.CODE]` overrides, else the profile's (with the
        config's `[thresholds]` merged into it)."""
        th = profile.get("thresholds", {})
        out = {}
        for o in cls.options:
            raw = (overrides or {}).get(o.name, th.get(o.name))
            if raw is None:
                raise KeyError(f"{cls.code}: option {o.name} has no value in the profile")
            out[o.name] = o.coerce(raw)
        return out

    def check(self, facts) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def finding(self, message: str, *, expected: Any = None, found: Any = None, locations: Iterable[Loc] = (),
                severity: str | None = None, difference: Any = None, hint: str | None = None,
                category: str | None = None, unit: str | None = None) -> Finding:
        """A finding of this rule; `category` and `severity` override the rule's for this one finding
        (a repeated passage that differs only in a figure is a mismatch), decided here, never after.
        `unit` is the one unit expected, found and difference are written in: the caller converts both
        operands to it before formatting them."""
        if category is not None and category not in CATEGORIES:
            raise ValueError(f"{self.code}: unknown category {category}")
        if severity is not None and severity not in SEVERITIES:
            raise ValueError(f"{self.code}: unknown severity {severity}")
        return Finding(rule=self.code, category=category or self.category, severity=severity or self.sev,
                       message=message,
                       expected=None if expected is None else str(expected),
                       found=None if found is None else str(found),
                       locations=[loc for loc in locations if loc is not None],
                       difference=None if difference is None else str(difference), hint=hint,
                       unit=unit or None)

    @classmethod
    def explain_values(cls, k) -> dict[str, str]:
        """Values for the {placeholders} of `explain` from the knowledge in force (a profile's bands)."""
        return {}

    @classmethod
    def describe(cls, k=None) -> dict[str, Any]:
        """The rule's documentation; `explain` rendered with the knowledge `k` (default profile if None)."""
        if k is None:
            from checker.knowledge import load

            k = load()
        return {"code": cls.code, "name": cls.name, "category": cls.category, "severity": cls.severity,
                "title": cls.title, "explain": cls.explain.format(**cls.explain_values(k)),
                "fail_example": cls.fail_example,
                "pass_example": cls.pass_example,
                "options": [dict(o.describe(), value=_plain(v)) for o, v in zip(cls.options, cls.resolve(k.profile).values(),
                                                                               strict=True)]}


def _plain(v: Any) -> Any:
    if isinstance(v, tuple):
        return [_plain(x) for x in v]
    return str(v) if not isinstance(v, int) else v


_REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    if cls.code in _REGISTRY:
        raise ValueError(f"duplicate rule code {cls.code}")
    if cls.category not in CATEGORIES:
        raise ValueError(f"{cls.code}: unknown category {cls.category}")
    _REGISTRY[cls.code] = cls
    return cls


def all_rules() -> list[type[Rule]]:
    return [_REGISTRY[c] for c in sorted(_REGISTRY)]


def get_rule(code: str) -> type[Rule] | None:
    """A rule by its code (PC301) or its name (execution-rate)."""
    key = code.strip()
    got = _REGISTRY.get(key.upper())
    if got is None:
        got = next((r for r in _REGISTRY.values() if r.name.lower() == key.lower()), None)
    return got


def _category_labels() -> dict[str, str]:
    """Printed category label → category key (合计 → sum): what the console prints is accepted too."""
    from checker.report.labels import CAT_ZH

    return {zh: key for key, zh in CAT_ZH.items()}


def matches(cls: type[Rule], patterns: Iterable[str]) -> bool:
    """Selection by code, code prefix, category (key or printed label) or rule name."""
    labels = _category_labels()
    for p in patterns:
        p = p.strip()
        if not p:
            continue
        if cls.code.upper().startswith(p.upper()) or p.lower() in (cls.category, cls.name.lower()):
            return True
        if labels.get(p) == cls.category:
            return True
    return False


def unknown_patterns(patterns: Iterable[str]) -> list[str]:
    rules = all_rules()
    return [p for p in patterns if p and not any(matches(r, [p]) for r in rules)]


def selector_help(bad: Iterable[str] = ()) -> tuple[str, str]:
    """(Chinese, English) one-line list of the valid selectors, with the nearest match for a typo."""
    import difflib

    from checker.report.labels import CAT_ZH

    rules = all_rules()
    cats = "、".join(f"{k}/{v}" for k, v in CAT_ZH.items())
    words = [r.code for r in rules] + [r.name for r in rules] + list(CAT_ZH) + list(CAT_ZH.values())
    near = []
    for b in bad:
        near += difflib.get_close_matches(b, words, n=2, cutoff=0.6)
    zh = (f"可用：规则代码 {rules[0].code}…{rules[-1].code} 或其前缀（如 PC1），类别 {cats}，"
          f"或规则名称（见 pecheck rules）")
    en = "valid: rule codes or prefixes, categories, rule names (see pecheck rules)"
    if near:
        zh = f"是否想用 {'、'.join(dict.fromkeys(near))}？" + zh
        en = f"did you mean {', '.join(dict.fromkeys(near))}? " + en
    return zh, en


def selected(cls: type[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> bool:
    """Whether a rule runs under these --select / --ignore patterns."""
    select, ignore = list(select), list(ignore)
    return (not select or matches(cls, select)) and not (ignore and matches(cls, ignore))


def run_rules(facts, select: Iterable[str] = (), ignore: Iterable[str] = (),
              severities: dict[str, str] | None = None, options: dict[str, Any] | None = None,
              defer: bool = True) -> list[Finding]:
    """The findings of the selected rules, one per fault. `defer=False` keeps the findings that
    defer to another on their row or cell (see consolidate): a scan's findings are verified first,
    and a finding verification turns into an OCR doubt no longer stands in for them
    (drop_deferred then)."""
    select, ignore = list(select), list(ignore)
    severities = severities or {}
    rules = [cls(severity=severities.get(cls.code), values=cls.resolve(facts.k.profile, (options or {}).get(cls.code)))
             for cls in all_rules() if selected(cls, select, ignore)]
    out: list[Finding] = []
    seen: set[tuple] = set()

    def keep(f: Finding) -> None:
        if f.key() not in seen:
            seen.add(f.key())
            out.append(f)

    views = facts.form_views()
    if not views:
        for rule in rules:
            for f in _safe(rule.check(facts)):
                keep(f)
    else:
        # several 自评表 in one file: each form is checked as its own project; a finding placed
        # wholly inside one form comes from that form's view, anything else from the whole file
        form_of = {t: i for i, (_, tabs) in enumerate(views) for t in tabs}

        def owner(f: Finding) -> int | None:
            forms = {form_of.get(loc.table) for loc in f.locations}
            return forms.pop() if len(forms) == 1 else None

        for rule in rules:
            for f in _safe(rule.check(facts)):
                if owner(f) is None:
                    keep(f)
            for i, (view, _) in enumerate(views):
                for f in _safe(rule.check(view)):
                    if owner(f) == i:
                        keep(f)
    out = consolidate(out, defer=defer)
    out.sort(key=lambda f: (-SEVERITY_RANK[f.severity], f.locations[0].page or 0 if f.locations else 0, f.rule))
    return out


# Rules whose findings on one table row are one fault seen in several columns (a 合计 row of
# zeros fails in every column; a row with several blank cells is one unfilled row).
_ONE_PER_ROW = ("PC101", "PC904")
# Rules whose findings between the same two places are one fault (a passage copied and edited).
_ONE_PER_PAIR = ("PC701",)
# A blank deviation reason defers to another rule's error or warning on its row; a blank cell to
# one on the same cell.
_DEFER_TO_ROW = ("PC901",)
_DEFER_TO_CELL = ("PC904",)


def _row_of(f: Finding) -> tuple[int, int] | None:
    loc = f.locations[0] if f.locations else None
    if loc is None or loc.table is None or loc.row is None:
        return None
    return loc.table, loc.row


def consolidate(findings: list[Finding], defer: bool = True) -> list[Finding]:
    """One fault, one finding.

    - Several findings of one row-level rule on the same table row become one, listing each column.
    - A `missing` finding about a row that another rule already names with an error or warning
      (a blank reason beside a wrong score, a blank cell beside a failed sum) is not repeated.
    """
    merged: list[Finding] = []
    by_key: dict[tuple, Finding] = {}
    for f in findings:
        if f.rule in _ONE_PER_PAIR and len(f.locations) >= 2:
            # several drifts between the same two passages are one edited copy
            key = (f.rule, *sorted(str((loc.ref, loc.paragraph, loc.table, loc.row)) for loc in f.locations[:2]))
            first = by_key.get(key)
            if first is not None:
                first.message += "；" + f.message
                continue
            by_key[key] = f
            merged.append(f)
            continue
        row = _row_of(f)
        if f.rule in _ONE_PER_ROW and row is not None:
            key = (f.rule, *row)
            first = by_key.get(key)
            if first is not None:
                first.message += "；" + f.message
                first.expected = "；".join(x for x in (first.expected, f.expected) if x)
                first.found = "；".join(x for x in (first.found, f.found) if x)
                first.locations += [loc for loc in f.locations if loc not in first.locations]
                continue
            by_key[key] = f
        merged.append(f)
    return drop_deferred(merged) if defer else merged


def drop_deferred(findings: list[Finding]) -> list[Finding]:
    """A `missing` finding about a row or cell that another finding names with an error or warning
    is left out (one fault, one finding)."""
    strong = [f for f in findings if f.category != "missing" and f.severity in ("error", "warning")]
    rows = {_row_of(f) for f in strong} - {None}
    cells = {(loc.table, loc.row, loc.col) for f in strong for loc in f.locations if loc.table is not None}

    def deferred(f: Finding) -> bool:
        if f.rule in _DEFER_TO_ROW:  # a blank reason beside the row's own fault
            return _row_of(f) in rows
        if f.rule in _DEFER_TO_CELL:  # a blank cell another finding already names
            return bool(f.locations) and all((loc.table, loc.row, loc.col) in cells for loc in f.locations)
        return False

    return [f for f in findings if not deferred(f)]


def _safe(it: Iterable[Finding]) -> Iterator[Finding]:
    """A rule that breaks on an odd report must not take the other rules' findings with it."""
    try:
        yield from it
    except Exception as exc:  # noqa: BLE001 - reported, not swallowed silently
        import os
        import sys

        if os.environ.get("PECHECK_DEBUG"):
            raise
        print(f"pecheck: 规则内部错误（internal rule error）: {type(exc).__name__}: {exc}", file=sys.stderr)
