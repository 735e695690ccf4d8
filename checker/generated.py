"""Files derived from the code and checked in (the rule catalogue, the pattern gate table): the one
command-line contract their modules share, `--write` to regenerate and `--check` to compare."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, fresh: str, argv: list[str], module: str, summary: str) -> int:
    """`--write`: store `fresh` at `path` and print `summary`; `--check`: exit 1 when the file differs."""
    if argv == ["--write"]:
        path.write_text(fresh, encoding="utf-8")
        print(f"{path}: {summary}")
        return 0
    if argv == ["--check"]:
        same = path.is_file() and path.read_text(encoding="utf-8") == fresh
        print(f"{path}: {'up to date' if same else f'stale: run python -m {module} --write'}")
        return 0 if same else 1
    print(f"usage: python -m {module} --write | --check", file=sys.stderr)
    return 2
