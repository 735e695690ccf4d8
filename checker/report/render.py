"""Dispatch results to a renderer and write them (files atomically)."""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from pathlib import Path

from checker.check.registry import SEVERITY_RANK


def to_json(results) -> str:
    from checker.report.jsonout import render_json

    return render_json(results)


def filtered(results, min_severity: str = "info"):
    """The results with findings below `min_severity` left out: new Result objects, the given ones
    untouched, so the console, JSON, summary and annotated copy all see the same findings."""
    floor = SEVERITY_RANK[min_severity]
    return [dataclasses.replace(r, findings=[f for f in r.findings if SEVERITY_RANK[f.severity] >= floor])
            for r in results]


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


def emit(results, fmt: str = "console", output: Path | None = None, elapsed: float | None = None,
         statistics: bool = False) -> None:
    """Render the (already filtered) results in format `fmt` to stdout or `output`.

    An unreadable input's one-line error always goes to stderr as well, whatever the format and
    wherever the report goes: a reviewer running with `-o` must still see it.
    """
    from checker.report.formats import lookup

    for r in results:
        if r.error:
            sys.stderr.write(f"错误：{r.error}\n")
    if statistics:
        from checker.report.concise import render_statistics

        text = render_statistics(results)
    else:
        form = lookup(fmt)
        if form is None:
            raise ValueError(f"unknown output format {fmt!r}")
        if form.name == "console" and len(results) == 1 and results[0].error:
            return  # the stderr line says it all
        opts: dict = {}
        if form.name == "console":
            opts = {"elapsed": elapsed, "width": None if output is None else 120,
                    "color": output is None and _isatty(sys.stdout)}
        text = form.render(results, **opts)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        sys.stdout.flush()
    else:
        write_atomic(output, text)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
