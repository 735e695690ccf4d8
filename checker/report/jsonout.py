"""The JSON renderer: the contract in docs/json-contract.md.

Beside the contract's keys each finding carries `fix` (how to fix it) and `doc` (the command that
explains the rule), and each location `where` (the 1-based label the console prints) next to `ref`
(the JSON pointer into `pecheck dump --format json`); Finding.to_dict and Loc.to_dict write them, so
every JSON pecheck writes (batch lines, the web desk) has them too.
"""

from __future__ import annotations

import json


def finding_dict(f) -> dict:
    return f.to_dict()


def report_dict(r) -> dict:
    return r.to_dict()


def render_json(results, **_opts) -> str:
    from checker import __version__

    return json.dumps({"tool": "pecheck", "version": __version__, "reports": [report_dict(r) for r in results]},
                      ensure_ascii=False, indent=1)
