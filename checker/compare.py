"""The correction loop: compare a resubmission with the report it replaces, and accepted findings.

Findings are matched by their fingerprint (checker.fingerprint), never by page or position, so the
old and the new file may be of different formats and may have moved text around.

    from checker.compare import compare
    cmp = compare(old_result, new_result)
    cmp.fixed, cmp.still_open, cmp.new_findings     # lists of Finding
    cmp.to_dict()                                    # the JSON shape of `pecheck compare`
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.check.registry import Finding
from checker.record import ValueRecord

if TYPE_CHECKING:  # Result lives with check_file; compare only reads it
    from checker.pipeline import Result


@dataclass(repr=False, eq=False)
class Comparison(ValueRecord):
    old: Result
    new: Result
    fixed: list[Finding] = field(default_factory=list)  # in OLD, gone from NEW (as reported in OLD)
    still_open: list[Finding] = field(default_factory=list)  # in both (as reported in NEW)
    new_findings: list[Finding] = field(default_factory=list)  # only in NEW

    @property
    def counts(self) -> dict[str, int]:
        return {"fixed": len(self.fixed), "still_open": len(self.still_open), "new": len(self.new_findings)}

    @property
    def blocking(self) -> bool:
        """An error-level finding still open or newly introduced: the resubmission is not done."""
        return any(f.severity == "error" for f in self.still_open + self.new_findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": _side(self.old), "new": _side(self.new),
            "fixed": [f.to_dict() for f in self.fixed],
            "still_open": [f.to_dict() for f in self.still_open],
            "new_findings": [f.to_dict() for f in self.new_findings],
            "counts": self.counts,
        }


def _side(r: Result) -> dict[str, Any]:
    """One compared file, without its findings (they are in the three lists)."""
    return {"file": r.file, "format": r.format, "pages": r.pages, "ocr": r.ocr, "error": r.error,
            "counts": r.counts, "summary": r.summary}


def compare(old: Result, new: Result) -> Comparison:
    """Sort the findings of two checks of one report into fixed, still open and new.

    A finding without a fingerprint (a Result built by hand) cannot be matched and counts as its
    side's own: fixed if old, new if new."""
    old_fps = {f.fingerprint for f in old.findings if f.fingerprint}
    new_fps = {f.fingerprint for f in new.findings if f.fingerprint}
    return Comparison(
        old=old, new=new,
        fixed=[f for f in old.findings if not f.fingerprint or f.fingerprint not in new_fps],
        still_open=[f for f in new.findings if f.fingerprint and f.fingerprint in old_fps],
        new_findings=[f for f in new.findings if not f.fingerprint or f.fingerprint not in old_fps],
    )


def run_compare(old_path, new_path, cfg, fmt: str = "console", output=None, min_severity: str = "info",
                ocr: str = "auto") -> int:
    """`pecheck compare OLD NEW`: check both, sort the findings, render. Exit 1 when an error-level
    finding is still open or new, 2 when either file cannot be read, else 0."""
    import sys

    from checker.pipeline import check_file
    from checker.report import comparison, render

    old, new = (check_file(p, cfg, ocr=ocr) for p in (old_path, new_path))
    failed = [r for r in (old, new) if r.error]
    for r in failed:
        print(f"错误：{r.error}", file=sys.stderr)
    if failed:
        return 2
    old, new = render.filtered([old, new], min_severity)
    cmp = compare(old, new)
    try:
        comparison.emit(cmp, fmt=fmt, output=output)
    except OSError as exc:
        print(f"错误：无法写出输出文件：{exc}（cannot write the output）", file=sys.stderr)
        return 2
    return 1 if cmp.blocking else 0


# --- accepted findings: the baseline file ------------------------------------------------------

BASELINE_HEADER = """\
# pecheck 已接受问题清单（基线）/ accepted findings (baseline)
# 每个 [[accepted]] 条目按 fingerprint 屏蔽一个问题；请在 reason 中写明接受的理由。
# 删除一个条目，该问题会重新报告；不再出现的条目会以 PC909（提示）报告。
# Each [[accepted]] entry suppresses the finding with that fingerprint; write why in `reason`.
# `file`, when present, limits an entry to reports of that file name.
version = 1
"""


# An entry that matched nothing is reported under this code. It is not a rule over the report's
# facts (it reads the baseline file), so it is not in the rule registry: no facts can make it fire.
STALE_RULE = "PC909"
STALE_NAMES = ("stale-baseline", "missing")


@dataclass(repr=False, eq=False)
class Accepted(ValueRecord):
    fingerprint: str
    rule: str = ""
    severity: str = ""
    description: str = ""
    reason: str = ""
    file: str = ""  # limits the entry to reports of this file name (batches); empty: any report

    def applies_to(self, path: str) -> bool:
        from pathlib import PurePath

        if not self.file:
            return True
        p = PurePath(path)
        return self.file in (p.name, p.stem)


def _toml_str(s: str) -> str:
    # a JSON string is a valid TOML basic string (same escapes: \" \\ \n \t \uXXXX)
    return json.dumps(s, ensure_ascii=False)


def _description(f: Finding) -> str:
    d = f.message if len(f.message) <= 80 else f.message[:79] + "…"
    return d.replace("\n", " ")


def read_baseline(path) -> list[Accepted]:
    """The entries of a baseline file; InputError (bilingual) when it cannot be read or parsed."""
    import tomllib
    from pathlib import Path

    from checker.errors import InputError

    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"找不到基线文件：{p}", f"baseline file not found: {p}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"基线文件无法读取：{p}", f"cannot read the baseline file: {p}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"基线文件格式错误（{exc}）：{p}", f"baseline file is not valid TOML: {p}") from exc
    out: list[Accepted] = []
    entries = data.get("accepted", [])
    if not isinstance(entries, list):
        raise InputError(f"基线文件中 accepted 应为 [[accepted]] 条目列表：{p}", f"`accepted` must be a list: {p}")
    for i, e in enumerate(entries, 1):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not e["fingerprint"]:
            raise InputError(f"基线文件第 {i} 个条目缺少 fingerprint：{p}", f"entry {i} has no fingerprint: {p}")
        out.append(Accepted(**{k: str(e.get(k, "") or "") for k in
                               ("fingerprint", "rule", "severity", "description", "reason", "file")}))
    return out


def write_baseline(results, path, keep: list[Accepted] = ()) -> int:
    """Record every finding of `results` as accepted (reason empty, or kept from `keep` for a
    fingerprint already there). Entries carry `file` when more than one report is recorded.
    Returns the number of entries written."""
    from pathlib import Path

    from checker.report.render import write_atomic

    reasons = {(a.fingerprint, a.file): a.reason for a in keep}
    scoped = len(results) > 1
    lines = [BASELINE_HEADER]
    n = 0
    for r in results:
        name = Path(r.file).name if scoped else ""
        for f in r.findings:
            if not f.fingerprint or f.rule == STALE_RULE:
                continue
            reason = reasons.get((f.fingerprint, name), reasons.get((f.fingerprint, ""), ""))
            lines.append("\n[[accepted]]")
            lines.append(f"fingerprint = {_toml_str(f.fingerprint)}")
            lines.append(f"rule = {_toml_str(f.rule)}")
            lines.append(f"severity = {_toml_str(f.severity)}")
            lines.append(f"description = {_toml_str(_description(f))}")
            if name:
                lines.append(f"file = {_toml_str(name)}")
            lines.append(f"reason = {_toml_str(reason)}")
            n += 1
    write_atomic(Path(path), "\n".join(lines) + "\n")
    return n


def apply_baseline(results, entries: list[Accepted], source: str = "", cfg=None, min_severity: str = "info") -> int:
    """Drop the accepted findings from `results` (in place), record on each Result how many were
    suppressed, and report every entry that matched nothing as a PC909 info finding: on its file's
    report when it names one, else on the first report. An entry whose rule did not run (`cfg`'s
    select/ignore) or whose severity is below `min_severity` cannot match and is not stale.
    Returns the number suppressed."""
    from checker.check.registry import SEVERITY_RANK, get_rule, selected
    from checker.fingerprint import assign

    def could_match(a: Accepted) -> bool:
        cls = get_rule(a.rule) if a.rule else None
        if cls is not None and cfg is not None and not selected(cls, cfg.select, cfg.ignore):
            return False
        return SEVERITY_RANK.get(a.severity, SEVERITY_RANK["error"]) >= SEVERITY_RANK[min_severity]

    used: set[int] = set()
    total = 0
    for r in results:
        if r.error:
            continue
        mine = {a.fingerprint: i for i, a in enumerate(entries) if a.applies_to(r.file)}
        kept = []
        for f in r.findings:
            i = mine.get(f.fingerprint)
            if i is None:
                kept.append(f)
            else:
                used.add(i)
        r.suppressed = len(r.findings) - len(kept)
        total += r.suppressed
        r.findings = kept
    checked = [r for r in results if not r.error]
    if cfg is not None and any(STALE_RULE.startswith(p.strip().upper()) or p.strip().lower() in STALE_NAMES
                               for p in cfg.ignore if p.strip()):
        return total
    for i, a in enumerate(entries):
        if i in used or not checked or not could_match(a):
            continue
        target = next((r for r in checked if a.file and a.applies_to(r.file)), None)
        if target is None:
            if a.file:  # an entry for a file not checked this time is not stale
                continue
            target = checked[0]
        what = f"（{a.rule}：{a.description}）" if a.description else ""
        f = Finding(rule=STALE_RULE, category="missing", severity="info",
                    message=f"基线{('（' + source + '）') if source else ''}中的已接受问题 {a.fingerprint}{what}"
                            "本次未出现，可从基线中删除")
        assign([f], None)
        target.findings.append(f)
    return total


# --- a batch against the previous round: --previous DIR ----------------------------------------

def pair_previous(files, previous_dir) -> dict:
    """Each file -> the file of the same name in `previous_dir` (searched recursively); failing
    that, one with the same name stem in another format (report.pdf resubmitted as report.docx)."""
    from pathlib import Path

    from checker.pipeline import expand

    old = expand([Path(previous_dir)])
    by_name = {p.name: p for p in old}
    by_stem: dict[str, Path] = {}
    for p in old:
        by_stem.setdefault(p.stem, p)
    pairs = {}
    for f in files:
        f = Path(f)
        match = by_name.get(f.name) or by_stem.get(f.stem)
        if match is not None:
            pairs[f] = match
    return pairs


def attach_previous(results, previous: dict, accepted: list[Accepted] | None = None) -> None:
    """Set `Result.previous` = {file, fixed, still_open, new} for every result that has a previous
    version. `previous` maps a result's file (as checked) to the previous Result. Findings accepted
    by a baseline are left out of the previous round too, so that both sides count alike."""
    for r in results:
        old = previous.get(r.file)
        if old is None or r.error or old.error:
            continue
        if accepted:
            gone = {a.fingerprint for a in accepted if a.applies_to(r.file)}
            old.findings = [f for f in old.findings if f.fingerprint not in gone]
        c = compare(old, r)
        r.previous = {"file": old.file, **c.counts}
