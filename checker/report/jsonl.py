"""`--format jsonl`: JSON Lines, one report object per line, written as each file finishes.

Each line is the report object of `--format json` (`file`, `format`, `pages`, `ocr`, `error`,
`findings`, …; docs/json-contract.md) on its own, in the order the files finish, so that a consumer can follow a long batch
while it runs and a killed batch leaves every finished report readable.  Lines are flushed one by one.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from checker.check.registry import SEVERITY_RANK
from checker.report.jsonout import report_dict


def report_line(result, min_severity: str = "info") -> str:
    """The report object of `--format json` (same keys, same extras), on one line."""
    floor = SEVERITY_RANK[min_severity]
    kept = [f for f in result.findings if SEVERITY_RANK[f.severity] >= floor]
    d = report_dict(dataclasses.replace(result, findings=kept))
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"), default=str)


def render_jsonl(results, **_opts) -> str:
    """All the (already filtered) results at once, for callers that do not stream."""
    return "".join(report_line(r) + "\n" for r in results)


class JsonlWriter:
    """Open once, `write(result)` per finished file, `close()` at the end (stdout is left open)."""

    def __init__(self, output: Path | None = None, min_severity: str = "info"):
        self.min_severity = min_severity
        self.lines = 0
        if output is None:
            self.fh, self.own = sys.stdout, False
        else:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            self.fh, self.own = open(output, "w", encoding="utf-8", newline="\n"), True  # noqa: SIM115

    def write(self, result) -> None:
        self.fh.write(report_line(result, self.min_severity) + "\n")
        self.fh.flush()
        self.lines += 1

    def close(self) -> None:
        if self.own:
            self.fh.close()
