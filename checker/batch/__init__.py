"""Many reports at once: one contract, three places to run it.

`run_batch` checks every file and returns one Result per file, in input order, failures included.
Where the checking happens is the backend's business; everything the user sees is done here, the
same for all of them:

- `checker.batch.local`: this process (`jobs == 1`) or a pool of worker processes on this machine;
- `checker.batch.dask`: a Dask distributed cluster (`--dask tcp://host:8786` or `--dask local:N`);
- `checker.batch.cache`: the SQLite result cache (`--cache PATH`) looked up before and fed after.

Each backend yields `(index, Result)` as files finish; here the result goes to the cache, the
progress bar and the caller's `on_result` (the JSON Lines stream), in the order files finish.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from checker.batch.local import (
    DEFAULT_MEMORY,
    MAX_TASKS_PER_WORKER,
    check_one,
    failed_result,
    iter_inline,
    iter_pool,
    memory_limit,
    timeout_error,
)
from checker.pipeline import DEFAULT_TIMEOUT, Result

__all__ = ["DEFAULT_MEMORY", "MAX_TASKS_PER_WORKER", "BatchStats", "check_one", "memory_limit", "run_batch",
           "timeout_error"]


class BatchStats:
    """What a batch did besides its results: how many came from the cache."""

    def __init__(self) -> None:
        self.files = self.reused = self.checked = self.stored = 0
        self.cache_write_seconds = 0.0


# ------------------------------------------------------------------------------------- progress bar


class _Progress:
    def __init__(self, total: int, enabled: bool, done: int = 0):
        self.bar = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(TextColumn("[bold]检查[/bold]"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TimeRemainingColumn(), TextColumn("{task.fields[name]}"),
                            console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("", total=total, name="", completed=done)
        self.bar.start()

    def advance(self, res: Result) -> None:
        if self.bar is not None:
            name = Path(res.file).name
            self.bar.update(self.task, advance=1, name=("[red]✗ " if res.error else "") + name[:40])

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _progress_enabled(quiet: bool) -> bool:
    try:
        return not quiet and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


# ------------------------------------------------------------------------------------------- entry


def run_batch(files, cfg, ocr: str = "auto", jobs: int = 0, timeout: float = DEFAULT_TIMEOUT, quiet: bool = False,
              mem_limit: str | int | None = None, cache: str | Path | None = None, dask: str | None = None,
              dask_input: str = "auto", on_result: Callable[[Result], None] | None = None,
              stats: BatchStats | None = None, notes: bool = True) -> list[Result]:
    """Check every file; one Result per file in input order, failures included.

    cache: path of the SQLite result cache (None: no cache).  dask: a scheduler address
    (tcp://host:8786) or local:N; None: this machine's pool with `jobs` workers (0: one per core).
    on_result: called with each Result as soon as it is known (cached ones first), in finishing order.
    notes: say on stderr how many results the cache gave.
    """
    from checker.batch.cache import ResultCache, content_hash

    files = list(files)
    stats = stats if stats is not None else BatchStats()
    stats.files = len(files)
    if not files:
        return []
    mem_cap = memory_limit(mem_limit)
    timeout = float(timeout or 0)
    hook = os.environ.get("PECHECK_TEST_HOOK") or None  # read here: forkserver children do not see later changes
    results: list[Result | None] = [None] * len(files)
    store = ResultCache(cache, cfg, ocr) if cache else None
    hashes: dict[int, str] = {}
    try:
        todo: list[tuple[int, Path]] = []
        for i, f in enumerate(files):
            hit = None
            if store is not None:
                try:
                    hashes[i] = content_hash(f)
                except OSError:  # unreadable here: the backend reports it the usual way
                    pass
                else:
                    hit = store.get(hashes[i], str(f))
            if hit is not None:
                results[i] = hit
                if on_result is not None:
                    on_result(hit)
            else:
                todo.append((i, f))
        stats.reused = len(files) - len(todo)
        if store is not None and notes:
            print(f"结果缓存：{stats.reused} 份报告的结果沿用缓存，{len(todo)} 份需要检查"
                  f"（{stats.reused} results reused from the cache）", file=sys.stderr)
        progress = _Progress(len(files), _progress_enabled(quiet), done=stats.reused)
        try:
            if not todo:
                stream = iter(())
            elif dask:
                from checker.batch.dask import iter_dask

                stream = iter_dask(todo, cfg, ocr, dask, timeout, mem_cap, hook, dask_input)
            else:
                n = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
                n = min(n, len(todo))
                stream = (iter_inline(todo, cfg, ocr, timeout, mem_cap, hook) if n <= 1
                          else iter_pool(todo, cfg, ocr, n, timeout, mem_cap, hook))
            try:
                for i, res in stream:
                    results[i] = res
                    stats.checked += 1
                    if store is not None and i in hashes and store.put(hashes[i], res):
                        stats.stored += 1
                    progress.advance(res)
                    if on_result is not None:
                        on_result(res)
            finally:
                close = getattr(stream, "close", None)
                if close is not None:
                    close()
        finally:
            progress.close()
    finally:
        if store is not None:
            stats.cache_write_seconds = store.write_seconds
            store.close()
    return [r if r is not None else failed_result(files[i], "未处理（not processed）") for i, r in enumerate(results)]
