"""The Dask backend: the same batch on a Dask distributed cluster, one task per file.

`pecheck DIR --dask tcp://scheduler:8786` uses a running cluster; `--dask local:N` starts a
LocalCluster of N single-threaded worker processes on this machine for the length of the batch.
Needs the `dist` extra: pip install 'pecheck[dist]'.

Everything that decides *where* and *when* is Dask's: the scheduler places the tasks,
`distributed.as_completed` hands the results back as they finish, `retries=1` runs a task again
when its check process died, and the scheduler's `allowed-failures` decides when a task whose Dask
worker died is given up (`KilledWorker`); for `local:N` that is set to 1, so a file that kills its
worker is tried once more and then reported failed.  Submitting is windowed (`as_completed.add`):
a few tasks per worker thread are in flight, so neither the scheduler nor, when bytes are sent,
its memory holds the whole batch.

Inside a task the file is checked in a `checker.batch.local.Sandbox` — a child process of the Dask
worker with the memory cap as its address-space limit, killed when the per-file time limit runs
out — so `--timeout` and PECHECK_MAX_MEMORY mean on a cluster what they mean in the local pool.
A child process needs a non-daemonic Dask worker: `local:N` starts them so; for a cluster of your
own start the workers with DASK_DISTRIBUTED__WORKER__DAEMON=False (docs/scale.md).  On daemonic
workers the check runs in the worker thread without the time limit, and the batch says so.

Input: when every worker can read the files at the same absolute path (a shared folder, or
local:N) the task gets the path; otherwise the file's bytes travel with the task, up to
PECHECK_DASK_MAX_BYTES (default 64 MiB) per file — a bigger one is reported failed, not sent.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from checker import __version__
from checker.batch.local import Sandbox, check_one, failed_result, hook_action, memory_limit
from checker.errors import InputError
from checker.pipeline import Result

DEFAULT_MAX_BYTES = 64 * 1024**2
INPUT_MODES = ("auto", "path", "bytes")
_INSTALL = "pip install 'pecheck[dist]'"


class CheckProcessDied(Exception):
    """Raised in a task whose check process died, so that Dask's `retries` runs it once more."""


def _size(n: int) -> str:
    return f"{n / 1024**2:.1f} MiB" if n >= 1024**2 else f"{n / 1024:.0f} KiB"


def max_bytes() -> int:
    raw = os.environ.get("PECHECK_DASK_MAX_BYTES", "")
    return memory_limit(raw) if raw.strip() else DEFAULT_MAX_BYTES


def _import():
    try:
        import dask
        import distributed
    except ImportError as exc:
        raise InputError(f"使用 --dask 需要安装 Dask 分布式组件：{_INSTALL}",
                         f"--dask needs the dist extra: {_INSTALL}") from exc
    return dask, distributed


def parse_address(address: str) -> tuple[str, int]:
    """('local', N) for local:N; ('remote', 0) for a scheduler address."""
    a = (address or "").strip()
    if a.lower().startswith("local"):
        _, _, n = a.partition(":")
        try:
            workers = int(n) if n else (os.cpu_count() or 1)
        except ValueError:
            workers = 0
        if workers < 1:
            raise InputError(f"--dask 的本地集群写法应为 local:N（N 为工作进程数）：{address}",
                             f"--dask local:N needs a worker count: {address}")
        return "local", workers
    if not a or " " in a:
        raise InputError(f"--dask 应为调度器地址（如 tcp://主机:8786）或 local:N：{address}",
                         f"--dask needs a scheduler address (tcp://host:8786) or local:N: {address}")
    return "remote", 0


# --------------------------------------------------------------------------------- on the worker

_local = threading.local()


def _sandbox(cfg, ocr: str, mem_cap: int, hook: str | None) -> Sandbox:
    """One check process per Dask worker thread, kept between tasks of the same settings."""
    key = repr((cfg, ocr, mem_cap, hook))
    sb = getattr(_local, "sandbox", None)
    if sb is None or _local.key != key:
        if sb is not None:
            sb.close()
        sb = _local.sandbox = Sandbox(cfg, ocr, mem_cap, hook)
        _local.key = key
    return sb


def _isolated() -> bool:
    """Whether this worker may start the check process (a daemonic process may not have children)."""
    return not multiprocessing.current_process().daemon


def _sees(probes: list[tuple[str, int]]) -> bool:
    """Run on each worker: can it read these files at these paths, with these sizes?"""
    try:
        return all(os.path.getsize(p) == size and os.access(p, os.R_OK) for p, size in probes)
    except OSError:
        return False


def check_task(version: str, path: str, data: bytes | None, cfg, ocr: str, timeout: float, mem_cap: int,
               hook: str | None) -> Result:
    """One file, on a Dask worker.  `data` is the file's bytes when the worker cannot read `path`."""
    if version != __version__:
        raise RuntimeError(f"工作节点的 pecheck 版本为 {__version__}，与提交端的 {version} 不同"
                           f"（worker runs pecheck {__version__}, client {version}）")
    if hook_action(path, hook) == "killworker":  # tests: this Dask worker process dies on this file
        os._exit(70)
    with contextlib.ExitStack() as stack:
        where = path
        if data is not None:  # the file travelled with the task: give it its name (the suffix matters)
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="pecheck-"))
            where = os.path.join(tmp, Path(path).name)
            with open(where, "wb") as fh:
                fh.write(data)
        if not _isolated():
            res = check_one(where, cfg, ocr, mem_cap, hook)
        else:
            res, died = _sandbox(cfg, ocr, mem_cap, hook).run(where, timeout)
            if died:
                raise CheckProcessDied(res.error)
        if where != path:
            res.file = path
            if res.error:
                res.error = res.error.replace(where, path)
        return res


# --------------------------------------------------------------------------------- on the client


@contextlib.contextmanager
def _client(address: str):
    dask, distributed = _import()
    kind, n = parse_address(address)
    if kind == "local":
        # non-daemonic workers may start the check process; a task whose worker died is tried once more.
        # The nanny reads these when it (re)starts a worker, so they stay set for the whole batch.
        quiet = logging.getLogger("distributed")
        level = quiet.level
        quiet.setLevel(logging.CRITICAL)  # a worker killed by a file is reported per file, not as a log storm
        try:
            with dask.config.set({"distributed.worker.daemon": False,
                                  "distributed.scheduler.allowed-failures": 1,
                                  "distributed.admin.large-graph-warning-threshold": "1GB"}):
                with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                              dashboard_address=None, silence_logs=logging.CRITICAL) as cluster:
                    with distributed.Client(cluster) as client:
                        yield client, "path"
        finally:
            quiet.setLevel(level)
        return
    try:
        client = distributed.Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise InputError(f"无法连接 Dask 调度器 {address}：{exc}",
                         f"cannot reach the Dask scheduler at {address}") from exc
    with client:
        yield client, "auto"


def iter_dask(items, cfg, ocr: str, address: str, timeout: float, mem_cap: int, hook: str | None,
              input_mode: str = "auto") -> Iterator[tuple[int, Result]]:
    """Check (index, path) items on a Dask cluster; yield each result as it arrives."""
    _, distributed = _import()
    from distributed.scheduler import KilledWorker

    items = list(items)
    if input_mode not in INPUT_MODES:
        raise InputError(f"--dask-input 应为 {'/'.join(INPUT_MODES)}：{input_mode}",
                         f"--dask-input must be one of {', '.join(INPUT_MODES)}")
    with _client(address) as (client, default_mode):
        mode = input_mode if input_mode != "auto" else default_mode
        absolute = {i: os.path.abspath(f) for i, f in items}
        if mode == "auto":  # does every worker see the first and the last file where we see them?
            probes = []
            for i, _ in (items[0], items[-1]):
                with contextlib.suppress(OSError):
                    probes.append((absolute[i], os.path.getsize(absolute[i])))
            seen = client.run(_sees, probes) if probes else {}
            mode = "path" if seen and all(seen.values()) else "bytes"
        import sys

        if not client.nthreads():  # Dask queues the tasks until a worker joins; say why nothing moves
            print("注意：Dask 集群目前没有工作节点，任务将等待节点加入（the cluster has no workers yet: waiting）",
                  file=sys.stderr)
        if not all(client.run(_isolated).values()):
            print("注意：Dask 工作节点以守护进程运行，无法限制单个文件的处理时间；启动时请设置 "
                  "DASK_DISTRIBUTED__WORKER__DAEMON=False（daemonic Dask workers: no per-file time limit）",
                  file=sys.stderr)
        nthreads = sum(client.nthreads().values()) or 1
        window = max(4, 3 * nthreads)
        cap = max_bytes()
        queue = iter(items)
        meta: dict[str, tuple[int, str, object]] = {}

        def submit():
            """The next file's future, or a Result for a file that cannot be sent; None at the end."""
            for i, f in queue:
                shown = str(f)
                data = None
                if mode == "bytes":
                    try:
                        size = os.path.getsize(f)
                        if size > cap:
                            return i, failed_result(f, f"文件过大（{_size(size)}，超过发送到集群的上限 {_size(cap)}）"
                                                       f"，未发送（larger than the {_size(cap)} cap for sending "
                                                       f"files to the cluster）")
                        data = Path(f).read_bytes()
                    except OSError:
                        data = None  # unreadable here: the worker's own read reports it the usual way
                fut = client.submit(check_task, __version__, absolute[i] if data is None else shown, data, cfg,
                                    ocr, timeout, mem_cap, hook, pure=False, retries=1,
                                    key=f"pecheck-{i}-{os.urandom(6).hex()}")
                meta[fut.key] = (i, shown, fut)
                return fut
            return None

        ready: list[tuple[int, Result]] = []
        first = []
        while len(first) < window:
            got = submit()
            if got is None:
                break
            if isinstance(got, tuple):
                ready.append(got)
            else:
                first.append(got)
        yield from ready
        done = distributed.as_completed(first)
        try:
            for fut in done:
                i, shown, _ = meta.pop(fut.key)
                try:
                    res = fut.result()
                    if res.file != shown:  # the worker saw the absolute path; the user gave this one
                        if res.error:
                            res.error = res.error.replace(res.file, shown)
                        res.file = shown
                except KilledWorker:
                    res = failed_result(shown, "处理进程异常退出（工作节点在处理此文件时两次退出）"
                                               "（the Dask worker died on this file twice）")
                except CheckProcessDied as exc:
                    res = failed_result(shown, str(exc))
                except Exception as exc:  # noqa: BLE001 - one file's failure, reported for that file
                    why = " ".join(str(exc).split())[:300]  # one line, whatever the exception says
                    res = failed_result(shown, f"工作节点内部错误：{type(exc).__name__}: {why}"
                                               f"（internal error on the Dask worker）")
                fut.release()
                yield i, res
                while True:  # keep the window full
                    got = submit()
                    if got is None or not isinstance(got, tuple):
                        break
                    yield got
                if got is not None:
                    done.add(got)
        finally:
            if meta:  # stopped early (Ctrl-C, an error in the caller): nothing keeps running for us
                with contextlib.suppress(Exception):
                    client.cancel([fut for _, _, fut in meta.values()])
