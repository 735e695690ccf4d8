"""Golden outputs: the JSON and the console report of a few samples, compared whole. A difference is a
review item: if it is intended, regenerate with `PECHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`
and read the diff before committing it."""

from __future__ import annotations

import json
import os
from io import StringIO
from pathlib import Path

import pytest
from conftest import SAMPLES
from rich.console import Console

from checker.config import Config
from checker.pipeline import check_file
from checker.report.console import print_results

GOLDEN = Path(__file__).parent / "golden"
NAMES = ["xiangxi-2022.docx", "edu-nutrition-2023-faults.docx", "transfer-2023-faults.docx",
         "dept-overall-2023-faults.docx"]


def _outputs(name: str) -> tuple[str, str]:
    res = check_file(SAMPLES / name, Config())
    res.file = name  # the path differs between checkouts
    d = res.to_dict()
    d.pop("seconds")
    buf = StringIO()
    res.seconds = 0.0
    print_results([res], Console(file=buf, width=120, force_terminal=False, color_system=None))
    return json.dumps(d, ensure_ascii=False, indent=1) + "\n", buf.getvalue()


@pytest.mark.parametrize("name", NAMES)
def test_golden(name):
    got_json, got_console = _outputs(name)
    jp, cp = GOLDEN / f"{name}.json", GOLDEN / f"{name}.console.txt"
    if os.environ.get("PECHECK_UPDATE_GOLDEN"):
        jp.write_text(got_json, encoding="utf-8")
        cp.write_text(got_console, encoding="utf-8")
    assert got_json == jp.read_text(encoding="utf-8")
    assert got_console == cp.read_text(encoding="utf-8")
