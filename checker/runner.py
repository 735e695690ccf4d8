"""The `check` command: expand the paths, check one report or a batch, hand the results to the renderers."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from checker.config import Config
from checker.errors import InputError

# Result and check_file live in checker.pipeline; these names stay importable from here.
from checker.pipeline import (  # noqa: F401
    DEFAULT_TIMEOUT,
    INPUT_SUFFIXES,
    Result,
    check_file,
    expand,
    knowledge_for,
    ocr_progress,
)


def _compare_with_previous(results, files, previous: Path, cfg: Config, ocr: str, jobs: int, timeout: float,
                           accepted, min_severity: str) -> None:
    """Pair each checked file with its namesake in the previous round's folder, check those and
    record the fixed / still open / new counts on each Result."""
    from checker.compare import attach_previous, pair_previous
    from checker.report import render

    pairs = pair_previous(files, previous)
    olds = list(dict.fromkeys(pairs.values()))
    if not olds:
        return
    if len(olds) > 1:
        from checker.batch import run_batch

        old_results = run_batch(olds, cfg, ocr=ocr, jobs=jobs, timeout=timeout, quiet=True)
    else:
        old_results = [check_file(olds[0], cfg, ocr=ocr)]
    old_results = render.filtered(old_results, min_severity)
    by_old = dict(zip(olds, old_results))
    attach_previous(results, {str(f): by_old[o] for f, o in pairs.items()}, accepted)


def run(paths: list[Path], cfg: Config, fmt: str = "console", output: Path | None = None,
        min_severity: str = "info", ocr: str = "auto", annotate: Path | None = None, summary: Path | None = None,
        jobs: int = 0, timeout: float = DEFAULT_TIMEOUT, quiet: bool = False, statistics: bool = False,
        baseline: Path | None = None, write_baseline: Path | None = None, previous: Path | None = None,
        cache: Path | None = None, dask: str | None = None, dask_input: str = "auto") -> int:
    from checker.report import render
    from checker.report.formats import ANNOTATORS, function, lookup

    t0 = time.perf_counter()
    files = expand(paths)
    if not files:
        print("错误：没有找到 PDF 或 DOCX 文件（no PDF or DOCX files found）", file=sys.stderr)
        return 2
    cache = cache if cache is not None else (Path(cfg.cache) if cfg.cache else None)
    dask = dask or cfg.dask or None
    accepted = None
    if baseline is not None:  # read first: a broken baseline stops the run before any checking
        from checker.compare import read_baseline

        try:
            accepted = read_baseline(baseline)
        except InputError as exc:
            print(f"错误：{exc.line()}", file=sys.stderr)
            return 2
    batch = len(files) > 1 or any(p.is_dir() for p in paths)
    stream = None
    form = lookup(fmt)
    # JSON Lines stream one line per report as files finish; a baseline or a previous round changes the
    # results after the batch, so then the lines are written at the end like any other format
    if form is not None and form.name == "jsonl" and not statistics and baseline is None and previous is None:
        from checker.report.jsonl import JsonlWriter

        try:
            stream = JsonlWriter(output, min_severity)
        except OSError as exc:
            print(f"错误：无法写出 {output}：{exc}（cannot write the output）", file=sys.stderr)
            return 2
    try:
        if batch or cache or dask:
            from checker.batch import run_batch
            from checker.batch.cache import CacheError

            try:
                results = run_batch(files, cfg, ocr=ocr, jobs=jobs, timeout=timeout,
                                    quiet=quiet or fmt != "console" and output is None, cache=cache, dask=dask,
                                    dask_input=dask_input, on_result=stream.write if stream else None,
                                    notes=not quiet)
            except (CacheError, InputError) as exc:
                print(f"错误：{exc.line() if isinstance(exc, InputError) else exc}", file=sys.stderr)
                return 2
        else:
            results = [check_file(files[0], cfg, ocr=ocr, progress=None if quiet else ocr_progress)]
            if stream is not None:
                stream.write(results[0])
    finally:
        if stream is not None:
            stream.close()
    results = render.filtered(results, min_severity)  # once: the same findings in every output
    output_failed = False
    if write_baseline is not None:
        from checker.compare import read_baseline
        from checker.compare import write_baseline as write_accepted

        keep = accepted or []
        if not keep and write_baseline.exists():  # refreshing a file keeps the reasons written in it
            try:
                keep = read_baseline(write_baseline)
            except InputError:
                keep = []
        try:
            n = write_accepted(results, write_baseline, keep=keep)
            print(f"已写出基线 {write_baseline}：{n} 项（wrote {n} accepted findings）", file=sys.stderr)
        except OSError as exc:
            print(f"错误：无法写出基线文件：{exc}（cannot write the baseline）", file=sys.stderr)
            output_failed = True
    if accepted is not None:
        from checker.compare import apply_baseline

        apply_baseline(results, accepted, source=baseline.name, cfg=cfg, min_severity=min_severity)
    if previous is not None:
        if not previous.is_dir():
            print(f"错误：--previous 须为上一轮报告所在的目录：{previous}（--previous needs a directory）",
                  file=sys.stderr)
            return 2
        _compare_with_previous(results, files, previous, cfg, ocr, jobs, timeout, accepted, min_severity)
    if annotate is not None:
        writer = ANNOTATORS.get(files[0].suffix.lower())
        if batch:
            print("注意：--annotate 只用于单个文件，批量检查时忽略（--annotate needs a single file）",
                  file=sys.stderr)
        elif writer is None:
            kinds = "、".join(k.lstrip(".").upper() for k in ANNOTATORS)
            print(f"错误：批注输出仅支持 {kinds} 输入（no annotated copy for this input type）", file=sys.stderr)
            output_failed = True
        elif results[0].error:
            print("注意：文件无法检查，未生成批注副本（no annotated copy for an unreadable file）", file=sys.stderr)
        else:
            try:
                function(writer)(files[0], results[0], annotate)
            except InputError as exc:
                print(f"错误：{exc.line()}", file=sys.stderr)
                output_failed = True
            except OSError as exc:
                print(f"错误：无法写出批注副本：{exc}（cannot write the annotated copy）", file=sys.stderr)
                output_failed = True
    if summary is not None:
        from checker.report.xlsx import write_summary

        try:
            write_summary(results, summary)
        except (InputError, OSError) as exc:
            why = exc.line() if isinstance(exc, InputError) else f"无法写出汇总文件：{exc}（cannot write the summary）"
            print(f"错误：{why}", file=sys.stderr)
            output_failed = True
    if stream is not None:  # the reports are written; unreadable inputs are still said on stderr
        for r in results:
            if r.error:
                sys.stderr.write(f"错误：{r.error}\n")
    else:
        try:
            render.emit(results, fmt=fmt, output=output, elapsed=time.perf_counter() - t0, statistics=statistics)
        except OSError as exc:
            print(f"错误：无法写出输出文件：{exc}（cannot write the output）", file=sys.stderr)
            output_failed = True
    if output_failed or any(r.error for r in results):
        return 2
    return 1 if any(f.severity == "error" for r in results for f in r.findings) else 0
