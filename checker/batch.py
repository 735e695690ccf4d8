"""Many reports at once: worker processes, a per-file time limit, a per-worker memory cap.

`run_batch` checks every file and returns one Result per file, in input order.  A file that cannot be
read, that raises, that runs out of its time limit, that exhausts the worker's memory cap or that
crashes its worker becomes a failed Result (`Result.error` set, no findings); the others go on.

- jobs == 1: in the calling process (no pool).  The time limit is a SIGALRM timer (main thread only),
  the memory cap lowers the soft RLIMIT_AS for the duration of the batch.
- jobs >= 2: our own worker processes, each fed one file at a time over a pipe, so a worker that
  overruns its file's time limit can be killed and replaced without losing the rest of the batch.
  On Linux the workers are forked from a forkserver that has imported the checker once
  (cheap replacement, no fork of a threaded parent); elsewhere they are spawned.
  Every worker sets RLIMIT_AS to the memory cap, so a decompression bomb ends in a MemoryError
  (or a dead worker) for that one file.

Environment:
  PECHECK_MAX_MEMORY   per-worker address-space cap, e.g. "4G" (default), "1500M", "0" = no cap.
  PECHECK_TEST_HOOK    tests only: "NAME=ACTION[;NAME=ACTION]" where NAME is a file name and ACTION
                       is sleep:SECONDS, crash or oom; the checking code does that for that file.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from multiprocessing.connection import wait as mp_wait
from pathlib import Path

from checker.pipeline import DEFAULT_TIMEOUT, Result, check_file

DEFAULT_MEMORY = 4 * 1024**3
MAX_TASKS_PER_WORKER = 200  # recycle long-lived workers (leaks in parsers stay bounded)
_PRELOAD = ["checker.pipeline", "checker.read", "checker.read.pdf", "checker.read.docx",
            "checker.understand.facts", "checker.check.registry", "checker.batch"]


# ---------------------------------------------------------------------------------------------- helpers


def memory_limit(value: str | int | None = None) -> int:
    """Bytes for the per-worker cap: an int, or a string like '4G', '1500M', '0' (no cap)."""
    if value is None:
        value = os.environ.get("PECHECK_MAX_MEMORY", "")
    if isinstance(value, int):
        return max(value, 0)
    s = str(value).strip().upper().removesuffix("B").removesuffix("I")
    if not s:
        return DEFAULT_MEMORY
    mult = {"K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}.get(s[-1], 1)
    try:
        return max(int(float(s.rstrip("KMGT")) * mult), 0)
    except ValueError:
        return DEFAULT_MEMORY


def _secs(t: float) -> str:
    return f"{t:g}"


def timeout_error(timeout: float) -> str:
    return f"处理超时（超过 {_secs(timeout)} 秒）（timed out after {_secs(timeout)} s）"


def _memory_error(cap: int) -> str:
    if cap:
        g = f"{cap / 1024**3:.3g} GiB"
        return f"内存不足（超过单个进程 {g} 的内存上限）（out of memory, worker cap {g}）"
    return "内存不足（out of memory）"


def _failed(path, error: str, t0: float | None = None) -> Result:
    res = Result(file=str(path), format=Path(path).suffix.lstrip(".").lower(), error=error)
    if t0 is not None:
        res.seconds = time.perf_counter() - t0
    return res


def _test_hook(path, spec: str | None) -> None:
    """PECHECK_TEST_HOOK, for the tests only: simulate a hang, a crash or a memory bomb."""
    if not spec:
        return
    name = Path(path).name
    for item in spec.split(";"):
        target, _, action = item.partition("=")
        if target.strip() != name:
            continue
        action = action.strip()
        if action.startswith("sleep:"):
            time.sleep(float(action[6:]))
        elif action == "crash":
            os._exit(70)
        elif action == "oom":
            hog = []
            while True:
                hog.append(bytearray(256 * 1024**2))


def check_one(path, cfg, ocr: str, mem_cap: int = 0, hook: str | None = None) -> Result:
    """check_file that never raises: every failure becomes a failed Result for this file."""
    t0 = time.perf_counter()
    try:
        _test_hook(path, hook)
        return check_file(path, cfg, ocr=ocr)
    except MemoryError:
        return _failed(path, _memory_error(mem_cap), t0)
    except Exception as exc:  # a bug in a parser or a rule must not stop the batch
        where = traceback.extract_tb(exc.__traceback__)[-1:]
        at = f" @ {Path(where[0].filename).name}:{where[0].lineno}" if where else ""
        return _failed(path, f"检查时内部错误：{type(exc).__name__}: {exc}"
                             f"（internal error: {type(exc).__name__}{at}）", t0)


# ------------------------------------------------------------------------------------- progress bar


class _Progress:
    def __init__(self, total: int, enabled: bool):
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
        self.task = self.bar.add_task("", total=total, name="")
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


# --------------------------------------------------------------------------------------- in-process


class _Timeout(BaseException):
    pass


def _alarm(signum, frame):
    raise _Timeout


def _run_inline(files, cfg, ocr, timeout, mem_cap, hook, progress) -> list[Result]:
    use_alarm = timeout > 0 and threading.current_thread() is threading.main_thread() and hasattr(
        signal, "setitimer")
    old_handler = signal.signal(signal.SIGALRM, _alarm) if use_alarm else None
    old_limit = _lower_soft_as(mem_cap)
    out = []
    try:
        for f in files:
            t0 = time.perf_counter()
            try:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, timeout)
                res = check_one(f, cfg, ocr, mem_cap, hook)
            except _Timeout:
                res = _failed(f, timeout_error(timeout), t0)
            finally:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            out.append(res)
            progress.advance(res)
    finally:
        if use_alarm:
            signal.signal(signal.SIGALRM, old_handler)
        _restore_as(old_limit)
    return out


def _lower_soft_as(cap: int):
    """Lower this process's soft address-space limit to cap (restorable); returns the old limits."""
    if not cap:
        return None
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY and hard < cap:
            return None
        if soft != resource.RLIM_INFINITY and soft <= cap:
            return None
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        return soft, hard
    except (ImportError, ValueError, OSError):
        return None


def _restore_as(old) -> None:
    if old is None:
        return
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_AS, old)
    except (ValueError, OSError):
        pass


# ------------------------------------------------------------------------------------------ workers


def _worker_main(conn, cfg, ocr: str, mem_cap: int, hook: str | None, ocr_threads: int = 0) -> None:
    """A worker: receive (index, path, cwd), send back (index, Result); None means stop.

    The cwd travels with each task: a forkserver child starts in the server's directory, and paths
    (and the messages quoting them) must mean what they meant to the caller.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills us
    if ocr_threads:  # share the cores between the workers (for an OCR engine that honours it)
        os.environ.setdefault("PECHECK_OCR_THREADS", str(ocr_threads))
    if mem_cap:
        try:
            import resource

            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            cap = mem_cap if hard == resource.RLIM_INFINITY else min(mem_cap, hard)
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        except (ImportError, ValueError, OSError):
            pass
    try:  # warm up once: rule registry and rule knowledge
        from checker.check.registry import all_rules
        from checker.pipeline import knowledge_for

        all_rules()
        knowledge_for(cfg)
    except Exception:
        pass
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        idx, path, cwd = task
        try:
            if cwd and os.getcwd() != cwd:
                os.chdir(cwd)
        except OSError:
            pass
        res = check_one(path, cfg, ocr, mem_cap, hook)
        try:
            conn.send((idx, res))
        except MemoryError:
            conn.send((idx, _failed(path, _memory_error(mem_cap))))
        except (BrokenPipeError, OSError):
            return
        except Exception as exc:  # an unpicklable result
            conn.send((idx, _failed(path, f"结果无法传回：{exc}（result not transferable）")))


def _context():
    if sys.platform.startswith("linux") and "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return mp.get_context("spawn")


class _Worker:
    def __init__(self, ctx, cfg, ocr, mem_cap, hook, ocr_threads=0):
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, cfg, ocr, mem_cap, hook, ocr_threads),
                                daemon=True,
                                name="pecheck-worker")
        self.proc.start()
        child.close()
        self.task: tuple[int, object] | None = None
        self.started = 0.0
        self.done = 0

    def assign(self, idx, path) -> None:
        self.task = (idx, path)
        self.started = time.monotonic()
        self.conn.send((idx, str(path), os.getcwd()))

    def kill(self) -> None:
        try:
            self.proc.kill()
        except Exception:
            pass
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(2)
        self.conn.close()


def _crash_error(proc) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            sig = signal.Signals(-code).name
        except ValueError:
            sig = str(-code)
        return f"处理进程异常退出（信号 {sig}，可能内存不足）（worker crashed: {sig}）"
    return f"处理进程异常退出（退出码 {code}）（worker crashed, exit code {code}）"


def _run_pool(files, cfg, ocr, jobs, timeout, mem_cap, hook, progress) -> list[Result]:
    ctx = _context()
    ocr_threads = max(1, (os.cpu_count() or 1) // jobs)
    results: list[Result | None] = [None] * len(files)
    pending = deque(enumerate(files))
    workers: list[_Worker] = []

    def finish(w: _Worker, res: Result) -> None:
        idx = w.task[0]
        results[idx] = res
        progress.advance(res)
        w.task = None
        w.done += 1

    try:
        try:
            for _ in range(min(jobs, len(files))):
                workers.append(_Worker(ctx, cfg, ocr, mem_cap, hook, ocr_threads))
        except OSError as exc:  # cannot start processes here (limits, sandbox): check in this process
            print(f"注意：无法启动工作进程，改为单进程检查（cannot start workers: {exc}）", file=sys.stderr)
            for w in workers:
                w.kill()
            workers = []
            return _run_inline(files, cfg, ocr, timeout, mem_cap, hook, progress)
        while pending or any(w.task for w in workers):
            # hand out work; recycle workers that have done their share
            for i, w in enumerate(workers):
                if w.task is None and pending:
                    if w.done >= MAX_TASKS_PER_WORKER:
                        w.stop()
                        w = workers[i] = _Worker(ctx, cfg, ocr, mem_cap, hook, ocr_threads)
                    idx, path = pending.popleft()
                    try:
                        w.assign(idx, path)
                    except (OSError, ValueError):  # died while idle: replace and retry once
                        w.kill()
                        w = workers[i] = _Worker(ctx, cfg, ocr, mem_cap, hook, ocr_threads)
                        w.assign(idx, path)
            busy = [w for w in workers if w.task is not None]
            wait_for = None
            if timeout > 0:
                now = time.monotonic()
                wait_for = max(0.0, min(w.started + timeout for w in busy) - now)
            ready = mp_wait([w.conn for w in busy], timeout=wait_for)
            for i, w in enumerate(workers):
                if w.task is None:
                    continue
                if w.conn in ready:
                    try:
                        got_idx, res = w.conn.recv()
                        if got_idx != w.task[0]:  # cannot happen with one task in flight
                            raise EOFError
                        finish(w, res)
                        continue
                    except Exception:  # EOF: the worker died
                        w.proc.join(1)
                        res = _failed(w.task[1], _crash_error(w.proc))
                        res.seconds = time.monotonic() - w.started
                        finish(w, res)
                        w.kill()
                        workers[i] = _Worker(ctx, cfg, ocr, mem_cap, hook, ocr_threads) if pending else w
                        continue
                if timeout > 0 and time.monotonic() - w.started >= timeout:
                    path = w.task[1]
                    w.kill()
                    res = _failed(path, timeout_error(timeout))
                    res.seconds = time.monotonic() - w.started
                    finish(w, res)
                    workers[i] = _Worker(ctx, cfg, ocr, mem_cap, hook, ocr_threads) if pending else w
    finally:
        for w in workers:
            if w.proc.exitcode is None and w.task is None:
                w.stop()
            else:
                w.kill()
    return [r if r is not None else _failed(files[i], "未处理（not processed）") for i, r in enumerate(results)]


# ------------------------------------------------------------------------------------------- entry


def run_batch(files, cfg, ocr: str = "auto", jobs: int = 0, timeout: float = DEFAULT_TIMEOUT, quiet: bool = False,
              mem_limit: str | int | None = None) -> list[Result]:
    """Check every file; one Result per file in input order, failures included."""
    files = list(files)
    if not files:
        return []
    mem_cap = memory_limit(mem_limit)
    n = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    n = min(n, len(files))
    timeout = float(timeout or 0)
    hook = os.environ.get("PECHECK_TEST_HOOK") or None  # read here: forkserver children do not see later changes
    progress = _Progress(len(files), _progress_enabled(quiet))
    try:
        if n <= 1:
            return _run_inline(files, cfg, ocr, timeout, mem_cap, hook, progress)
        return _run_pool(files, cfg, ocr, n, timeout, mem_cap, hook, progress)
    finally:
        progress.close()
