"""The correction loop: compare a resubmission with the report it replaces, and accepted findings.

Findings are matched by their fingerprint (checker.fingerprint), never by page or position, so the
old and the new file may be of different formats and may have moved text around.

    from checker.compare import compare
    cmp = compare(old_result, new_result)
    cmp.fixed, cmp.still_open, cmp.new_findings     # lists of Finding
    cmp.to_dict()                                    # the JSON shape of `pecheck compare`
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.check.registry import Finding

if TYPE_CHECKING:  # Result lives with check_file; compare only reads it
    from checker.runner import Result


@dataclass
class Comparison:
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
