"""Dispatch results to a renderer and write them (files atomically)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from checker import __version__
from checker.check.registry import SEVERITY_RANK


def to_json(results) -> str:
    return json.dumps({"tool": "pecheck", "version": __version__, "reports": [r.to_dict() for r in results]},
                      ensure_ascii=False, indent=1)


def filtered(results, min_severity: str):
    floor = SEVERITY_RANK[min_severity]
    for r in results:
        r.findings = [f for f in r.findings if SEVERITY_RANK[f.severity] >= floor]
    return results


def _ordinary_mode(fd: int, path: Path) -> None:
    """mkstemp makes 0600 files; give the output the mode a plain open() would (or the old file's)."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        os.fchmod(fd, mode)
    except (AttributeError, OSError):
        pass


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside the target, then rename: never a partial output file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
    try:
        _ordinary_mode(fd, path)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def emit(results, fmt: str = "console", output: Path | None = None, min_severity: str = "info") -> None:
    results = filtered(results, min_severity)
    if fmt == "console":
        # an unreadable input: one line on stderr, whatever the width of the terminal
        for r in results:
            if r.error:
                sys.stderr.write(f"错误：{r.error}\n")
        if len(results) == 1 and results[0].error:
            return
    if fmt == "json":
        text = to_json(results)
    elif fmt == "markdown":
        from checker.report.markdown import render_markdown

        text = render_markdown(results)
    elif fmt == "html":
        from checker.report.html import render_html

        text = render_html(results)
    else:
        from checker.report.console import print_results

        if output is None:
            print_results(results)
            return
        from io import StringIO

        from rich.console import Console

        buf = StringIO()
        print_results(results, Console(file=buf, width=120, force_terminal=False))
        text = buf.getvalue()
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        write_atomic(output, text)
