"""Batch throughput: the samples repeated to N files, checked with --jobs 1 and --jobs 2 (or more).

    python bench/bench_batch.py [--files 200] [--jobs 1 2] [--keep]

For each job count it runs `pecheck DIR --format json -q --jobs J` as a subprocess and reports the
wall-clock time, files per minute, the peak RSS of the largest single process (wait4 rusage, which
covers the worker processes the command reaped) and the peak RSS of the whole process tree (sampled
from /proc every 50 ms), then the speed-up over the first job count.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(dest: Path, n: int, scans: bool = False) -> list[Path]:
    seeds = sorted([*ROOT.glob("samples/*.pdf"), *ROOT.glob("samples/*.docx")])
    if not scans:  # scanned samples measure the OCR engine (minutes per file), not the batch
        seeds = [p for p in seeds if ".scan." not in p.name]
    if not seeds:
        sys.exit("no samples/*.pdf or samples/*.docx")
    out = []
    for i, src in zip(range(n), itertools.cycle(seeds), strict=False):
        p = dest / f"{i:04d}-{src.name}"
        shutil.copyfile(src, p)
        out.append(p)
    return out


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                stat = fh.read()
            ppid = int(stat[stat.rfind(b")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(d))
    return kids


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
        f = stat[stat.rfind(b")") + 2:].split()
        return (int(f[11]) + int(f[12])) / _TICK  # utime + stime
    except (OSError, ValueError, IndexError):
        return 0.0


def tree_sample(root: int, cpu: dict[int, float]) -> int:
    """RSS of the process tree in KiB; records each process's CPU seconds so far in cpu."""
    kids = _children()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_kib(pid)
        cpu[pid] = max(cpu.get(pid, 0.0), _cpu_s(pid))
        todo.extend(kids.get(pid, []))
    return total


def run_once(corpus: Path, jobs: int, timeout: float) -> dict:
    exe = shutil.which("pecheck")
    cmd = [*([exe] if exe else [sys.executable, "-m", "checker.cli"]), str(corpus), "--format", "json", "-q", "--jobs", str(jobs),
           "--timeout", str(timeout)]
    out = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
    peak_tree = 0
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not stop.is_set():
            peak_tree = max(peak_tree, tree_sample(proc.pid, cpu))
            stop.wait(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    out.seek(0)
    try:
        reports = json.loads(out.read().decode("utf-8"))["reports"]
    except (ValueError, KeyError):
        sys.exit(f"pecheck --jobs {jobs} failed (exit {proc.returncode}):\n{err[-2000:]}")
    failed = [r for r in reports if r.get("error")]
    return {"jobs": jobs, "files": len(reports), "failed": len(failed), "wall": wall,
            "files_per_min": len(reports) / wall * 60, "peak_rss_mib": usage.ru_maxrss / 1024,
            "peak_tree_rss_mib": peak_tree / 1024, "exit": proc.returncode,
            "cpu_s": sum(cpu.values()), "cpu_max_process_s": max(cpu.values(), default=0.0),
            "errors": sorted({r["error"].split("：")[0] for r in failed})}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpus")
    ap.add_argument("--repeat", type=int, default=1,
                    help="alternate the job counts this many times and keep each one's best (noisy machines)")
    ap.add_argument("--with-scans", action="store_true", help="include samples/*.scan.pdf (OCR; slow)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="pecheck-bench-"))
    try:
        files = make_corpus(tmp, args.files, args.with_scans)
        print(f"corpus: {len(files)} files in {tmp} ({os.cpu_count()} CPUs)")
        best: dict[int, dict] = {}
        for rep in range(max(args.repeat, 1)):
            for j in args.jobs:
                load = os.getloadavg()[0]
                r = run_once(tmp, j, args.timeout)
                print(f"[{rep + 1}] --jobs {j}: {r['files']} files in {r['wall']:.1f} s = {r['files_per_min']:.0f} "
                      f"files/min; peak RSS largest process {r['peak_rss_mib']:.0f} MiB, process tree "
                      f"{r['peak_tree_rss_mib']:.0f} MiB; failed {r['failed']}"
                      + (f" {r['errors']}" if r["errors"] else "") + f"; exit {r['exit']}; load before {load:.1f}; "
                      f"CPU {r['cpu_s']:.1f} s in all, busiest process {r['cpu_max_process_s']:.1f} s",
                      flush=True)
                if j not in best or r["wall"] < best[j]["wall"]:
                    best[j] = r
        runs = [best[j] for j in args.jobs]
        if args.repeat > 1:
            for r in runs:
                print(f"best --jobs {r['jobs']}: {r['files_per_min']:.0f} files/min ({r['wall']:.1f} s), "
                      f"peak tree RSS {r['peak_tree_rss_mib']:.0f} MiB")
        base = runs[0]
        for r in runs[1:]:
            print(f"speed-up --jobs {r['jobs']} vs --jobs {base['jobs']}: {base['wall'] / r['wall']:.2f}x")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
