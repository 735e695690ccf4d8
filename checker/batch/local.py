"""The local backend: check files in this process or in worker processes on this machine.

Both backends yield `(index, Result)` as files finish; `checker.batch.run_batch` puts them in order,
feeds the cache and the progress bar.  A file that cannot be read, that raises, that runs out of its
time limit, that exhausts the worker's memory cap or that crashes its worker becomes a failed Result
(`Result.error` set, no findings); the others go on.

- `iter_inline`: in the calling process (no pool).  The time limit is a SIGALRM timer (main thread
  only), the memory cap lowers the soft RLIMIT_AS for the duration of the batch.
- `iter_pool`: our own worker processes, each fed one file at a time over a pipe, so a worker that
  overruns its file's time limit can be killed and replaced without losing the rest of the batch.
  On Linux the workers are forked from a forkserver that has imported the checker once
  (cheap replacement, no fork of a threaded parent); elsewhere they are spawned.
  Every worker sets RLIMIT_AS to the memory cap, so a decompression bomb ends in a MemoryError
  (or a dead worker) for that one file.  A file whose worker dies is tried once more in a fresh
  worker (the death may have been the machine's, not the file's), then reported failed.
- `Sandbox`: one such worker process, for one caller thread; the Dask backend runs each task in
  one, so that the time limit and the memory cap mean on a cluster what they mean here.

Environment:
  PECHECK_MAX_MEMORY   per-worker address-space cap, e.g. "4G" (default), "1500M", "0" = no cap.
  PECHECK_TEST_HOOK    tests only: "NAME=ACTION[;NAME=ACTION]" where NAME is a file name and ACTION
                       is sleep:SECONDS, crash, killworker (on Dask: the Dask worker process itself
                       dies) or oom; the checking code does that for that file.
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
from collections.abc import Iterator
from multiprocessing.connection import wait as mp_wait
from pathlib import Path

from checker.pipeline import Result, check_file

DEFAULT_MEMORY = 4 * 1024**3
STARTUP_LIMIT = 300.0  # seconds a sandbox waits for its worker to start (a loaded machine is slow)
MAX_TASKS_PER_WORKER = 200  # recycle long-lived workers (leaks in parsers stay bounded)
_PRELOAD = ["checker.pipeline", "checker.read", "checker.read.pdf", "checker.read.docx",
            "checker.understand.facts", "checker.check.registry", "checker.batch.local", "checker.batch.warm"]


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


def failed_result(path, error: str, t0: float | None = None) -> Result:
    res = Result(file=str(path), format=Path(path).suffix.lstrip(".").lower(), error=error)
    if t0 is not None:
        res.seconds = time.perf_counter() - t0
    return res


def hook_action(path, spec: str | None) -> str | None:
    """The PECHECK_TEST_HOOK action for this file, if any (tests only)."""
    if not spec:
        return None
    name = Path(path).name
    for item in spec.split(";"):
        target, _, action = item.partition("=")
        if target.strip() == name:
            return action.strip()
    return None


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
        elif action in ("crash", "killworker"):
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
        return failed_result(path, _memory_error(mem_cap), t0)
    except Exception as exc:  # a bug in a parser or a rule must not stop the batch
        where = traceback.extract_tb(exc.__traceback__)[-1:]
        at = f" @ {Path(where[0].filename).name}:{where[0].lineno}" if where else ""
        return failed_result(path, f"检查时内部错误：{type(exc).__name__}: {exc}"
                             f"（internal error: {type(exc).__name__}{at}）", t0)


# --------------------------------------------------------------------------------------- in-process


class _Timeout(BaseException):
    pass


def _alarm(signum, frame):
    raise _Timeout


def iter_inline(items, cfg, ocr, timeout, mem_cap, hook) -> Iterator[tuple[int, Result]]:
    """Check (index, path) items one after the other in this process."""
    use_alarm = timeout > 0 and threading.current_thread() is threading.main_thread() and hasattr(
        signal, "setitimer")
    old_handler = signal.signal(signal.SIGALRM, _alarm) if use_alarm else None
    old_limit = _lower_soft_as(mem_cap)
    try:
        for idx, f in items:
            t0 = time.perf_counter()
            try:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, timeout)
                res = check_one(f, cfg, ocr, mem_cap, hook)
            except _Timeout:
                res = failed_result(f, timeout_error(timeout), t0)
            finally:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            yield idx, res
    finally:
        if use_alarm:
            signal.signal(signal.SIGALRM, old_handler)
        _restore_as(old_limit)


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


def _worker_main(conn, cfg, ocr: str, mem_cap: int, hook: str | None, ocr_threads: int = 0,
                 announce: bool = False) -> None:
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
    if announce:  # a sandbox starts its file's clock only once the worker is ready
        try:
            conn.send(None)
        except OSError:
            return
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
            conn.send((idx, failed_result(path, _memory_error(mem_cap))))
        except (BrokenPipeError, OSError):
            return
        except Exception as exc:  # an unpicklable result
            conn.send((idx, failed_result(path, f"结果无法传回：{exc}（result not transferable）")))


def _context():
    if sys.platform.startswith("linux") and "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return mp.get_context("spawn")


class _Worker:
    def __init__(self, ctx, cfg, ocr, mem_cap, hook, ocr_threads=0, announce=False):
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, cfg, ocr, mem_cap, hook, ocr_threads, announce),
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


def crash_error(code: int | None, what: str = "处理进程") -> str:
    """One line for a check process that died: the signal (often the memory cap) or the exit code."""
    if code is not None and code < 0:
        try:
            sig = signal.Signals(-code).name
        except ValueError:
            sig = str(-code)
        return f"{what}异常退出（信号 {sig}，可能内存不足）（worker crashed: {sig}）"
    return f"{what}异常退出（退出码 {code}）（worker crashed, exit code {code}）"


def iter_pool(items, cfg, ocr, jobs, timeout, mem_cap, hook) -> Iterator[tuple[int, Result]]:
    """Check (index, path) items in `jobs` worker processes; yield each result as it arrives."""
    items = list(items)
    ctx = _context()
    ocr_threads = max(1, (os.cpu_count() or 1) // jobs)
    pending = deque(items)
    tries: dict[int, int] = {}
    workers: list[_Worker] = []

    def fresh() -> _Worker:
        return _Worker(ctx, cfg, ocr, mem_cap, hook, ocr_threads)

    try:
        try:
            for _ in range(min(jobs, len(items))):
                workers.append(fresh())
        except OSError as exc:  # cannot start processes here (limits, sandbox): check in this process
            print(f"注意：无法启动工作进程，改为单进程检查（cannot start workers: {exc}）", file=sys.stderr)
            for w in workers:
                w.kill()
            workers = []
            yield from iter_inline(items, cfg, ocr, timeout, mem_cap, hook)
            return
        while pending or any(w.task for w in workers):
            # hand out work; recycle workers that have done their share
            for i, w in enumerate(workers):
                if w.task is None and pending:
                    if w.done >= MAX_TASKS_PER_WORKER:
                        w.stop()
                        w = workers[i] = fresh()
                    idx, path = pending.popleft()
                    try:
                        w.assign(idx, path)
                    except (OSError, ValueError):  # died while idle: replace and retry once
                        w.kill()
                        w = workers[i] = fresh()
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
                idx, path = w.task
                if w.conn in ready:
                    try:
                        got_idx, res = w.conn.recv()
                        if got_idx != idx:  # cannot happen with one task in flight
                            raise EOFError
                    except Exception:  # EOF: the worker died
                        w.proc.join(1)
                        res = failed_result(path, crash_error(w.proc.exitcode))
                        res.seconds = time.monotonic() - w.started
                        w.kill()
                        workers[i] = fresh()
                        w.task = None
                        if tries.get(idx, 0) < 1:  # once more in a fresh worker, then it is the file's fault
                            tries[idx] = 1
                            pending.appendleft((idx, path))
                            continue
                        yield idx, res
                        continue
                    w.task = None
                    w.done += 1
                    yield idx, res
                    continue
                if timeout > 0 and time.monotonic() - w.started >= timeout:
                    w.kill()
                    res = failed_result(path, timeout_error(timeout))
                    res.seconds = time.monotonic() - w.started
                    w.task = None
                    workers[i] = fresh() if pending else w
                    yield idx, res
    finally:
        for w in workers:
            if w.proc.exitcode is None and w.task is None:
                w.stop()
            else:
                w.kill()


# ------------------------------------------------------------------------------------------ sandbox


class Sandbox:
    """One worker process for one caller thread: `run(path)` checks a file in it, with the time limit
    and the memory cap of the pool.  Used by the Dask tasks (a Dask worker thread cannot be stopped,
    a process can)."""

    def __init__(self, cfg, ocr: str, mem_cap: int, hook: str | None):
        self.args = (cfg, ocr, mem_cap, hook)
        self.ctx = _context()
        self.worker: _Worker | None = None

    def run(self, path, timeout: float) -> tuple[Result, bool]:
        """The file's Result and whether the worker process died on it."""
        if self.worker is None or self.worker.proc.exitcode is not None or self.worker.done >= MAX_TASKS_PER_WORKER:
            if self.worker is not None:
                self.worker.stop()
            self.worker = _Worker(self.ctx, *self.args, ocr_threads=1, announce=True)
            try:  # wait for it to start and warm up, so that start-up does not count against the file
                if not self.worker.conn.poll(STARTUP_LIMIT) or self.worker.conn.recv() is not None:
                    raise EOFError
            except (EOFError, OSError) as exc:
                self.worker.kill()
                self.worker = None
                raise RuntimeError("无法启动检查进程（cannot start the check process）") from exc
        w = self.worker
        w.assign(-1, path)
        if w.conn.poll(timeout if timeout > 0 else None):
            try:
                _, res = w.conn.recv()
                w.task = None
                w.done += 1
                return res, False
            except Exception:  # EOF: the worker died
                w.proc.join(1)
                res = failed_result(path, crash_error(w.proc.exitcode))
                died = True
        else:
            res = failed_result(path, timeout_error(timeout))
            died = False
        res.seconds = time.monotonic() - w.started
        w.kill()
        self.worker = None
        return res, died

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
