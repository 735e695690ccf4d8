"""The JSON renderer: the contract in docs/json-contract.md.

Beside the contract's keys each finding carries `fix` (how to fix it) and `doc` (the command that
explains the rule), and each location `where` (the 1-based label the console prints) next to `ref`
(the JSON pointer into `pecheck dump --format json`).
"""

from __future__ import annotations

import json

from checker.report.labels import fix_text, rule_pointer, where


def finding_dict(f) -> dict:
    d = f.to_dict()
    d["fix"] = fix_text(f.rule)
    d["doc"] = rule_pointer(f.rule)
    for loc, ld in zip(f.locations, d.get("locations", [])):
        ld["where"] = where(loc)
    return d


def report_dict(r) -> dict:
    d = r.to_dict()
    d["findings"] = [finding_dict(f) for f in r.findings]
    return d


def render_json(results, **_opts) -> str:
    from checker import __version__

    return json.dumps({"tool": "pecheck", "version": __version__, "reports": [report_dict(r) for r in results]},
                      ensure_ascii=False, indent=1)
