"""Province scale: a corpus of varied copies, checked by the local pool and by Dask, then re-run cached.

    python bench/bench_scale.py corpus DIR --files 10000        # make the corpus (varied bytes)
    python bench/bench_scale.py run DIR --backend jobs:2 --cache C.sqlite [--out R.json]
    python bench/bench_scale.py run DIR --backend dask:local:2 --cache C.sqlite
    python bench/bench_scale.py prefill DIR --cache C.sqlite     # cache every copy from one check per sample
    python bench/bench_scale.py micro                           # scheduler cost per task, cache write rate,
                                                                # result sizes, xlsx streaming of 10⁵ rows

`corpus` copies the text-layer samples round-robin and makes every copy's bytes different (a PDF
comment after %%EOF, a DOCX zip comment), so the content-hash cache cannot treat two copies as one.

`run` runs `pecheck DIR --format jsonl -o … --summary … -q` (plus --jobs N or --dask ADDR and --cache)
as a subprocess and samples the process tree from /proc every 0.2 s: wall time, files per minute,
CPU seconds of the whole tree, peak RSS per process role (client, Dask worker, check process,
forkserver), and the load average before and after (the machine is shared: read files/min with it).

`prefill` measures a fully cached re-run at a size we cannot afford to check: it checks each distinct
sample once and stores that result under the hash of every copy of it (a copy reads exactly as its
sample), so the following `run` finds every file in the cache, as the second run over a province's
unchanged folder would.

`micro` measures the limits in isolation: Dask's round trip per task (no-op tasks on local:2),
the cache's write rate (results per second into SQLite, one transaction each), the size of one
result (JSON, compressed as stored, pickled as Dask sends it) and the streaming xlsx writer.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import pickle
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_TICK = os.sysconf("SC_CLK_TCK")


def seeds() -> list[Path]:
    return sorted(p for p in [*ROOT.glob("samples/*.pdf"), *ROOT.glob("samples/*.docx")] if ".scan." not in p.name)


def vary(src: Path, dest: Path, tag: str) -> None:
    dest.write_bytes(src.read_bytes())
    if dest.suffix == ".pdf":
        with open(dest, "ab") as fh:
            fh.write(f"\n% copy {tag}\n".encode())
    else:
        with zipfile.ZipFile(dest, "a") as z:
            z.comment = f"copy {tag}".encode()


def make_corpus(dest: Path, n: int) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for i, src in zip(range(n), itertools.cycle(seeds())):
        sub = dest / f"{i // 1000:03d}"  # a province's folders, not one flat directory
        sub.mkdir(exist_ok=True)
        vary(src, sub / f"{i:06d}-{src.name}", str(i))
    print(f"{n} files in {dest}")


# ------------------------------------------------------------------------------------ the process tree


def _proc() -> dict[int, tuple[int, str]]:
    out = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", "rb") as fh:
                    stat = fh.read()
                ppid = int(stat[stat.rfind(b")") + 2:].split()[1])
                with open(f"/proc/{d}/cmdline", "rb") as fh:
                    cmd = fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
                out[int(d)] = (ppid, cmd)
            except (OSError, ValueError, IndexError):
                continue
    return out


def _rss_cpu(pid: int) -> tuple[int, float]:
    rss = 0
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
        f = stat[stat.rfind(b")") + 2:].split()
        return rss, (int(f[11]) + int(f[12])) / _TICK
    except (OSError, ValueError, IndexError):
        return rss, 0.0


def _role(pid: int, procs: dict, root: int) -> str:
    if pid == root:
        return "client (pecheck; with Dask: + scheduler)"
    ppid, cmd = procs[pid]
    if "forkserver" in cmd:
        parent_cmd = procs.get(ppid, (0, ""))[1]
        return "check process" if "forkserver" in parent_cmd else "forkserver"
    if "spawn_main" in cmd:
        return "Dask worker"
    return "other"


def run(corpus: Path, backend: str, cache: Path | None, out: Path | None, timeout: float) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="pecheck-scale-"))
    cmd = [sys.executable, "-m", "checker.cli", str(corpus), "--format", "jsonl", "-o", str(tmp / "out.jsonl"),
           "--summary", str(tmp / "summary.xlsx"), "--timeout", str(timeout)]
    kind, _, arg = backend.partition(":")
    cmd += ["--jobs", arg] if kind == "jobs" else ["--dask", arg]
    if cache:
        cmd += ["--cache", str(cache)]
    load0 = os.getloadavg()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak: dict[int, int] = {}
    cpu: dict[int, float] = {}
    roles: dict[int, str] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            procs = _proc()
            todo, tree = [proc.pid], []
            kids: dict[int, list[int]] = {}
            for pid, (ppid, _) in procs.items():
                kids.setdefault(ppid, []).append(pid)
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo.extend(kids.get(pid, []))
            for pid in tree:
                if pid not in procs:
                    continue
                rss, c = _rss_cpu(pid)
                peak[pid] = max(peak.get(pid, 0), rss)
                cpu[pid] = max(cpu.get(pid, 0.0), c)
                roles.setdefault(pid, _role(pid, procs, proc.pid))
            stop.wait(0.2)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    lines = (tmp / "out.jsonl").read_text(encoding="utf-8").splitlines() if (tmp / "out.jsonl").exists() else []
    failed = sum(1 for x in lines if json.loads(x)["error"])
    by_role: dict[str, dict] = {}
    for pid, role in roles.items():
        r = by_role.setdefault(role, {"processes": 0, "peak_rss_mib_max": 0.0, "cpu_s": 0.0})
        r["processes"] += 1
        r["peak_rss_mib_max"] = max(r["peak_rss_mib_max"], round(peak[pid] / 1024, 1))
        r["cpu_s"] = round(r["cpu_s"] + cpu.get(pid, 0.0), 1)
    res = {"backend": backend, "files": len(lines), "failed": failed, "exit": proc.returncode,
           "wall_s": round(wall, 1), "files_per_min": round(len(lines) / wall * 60, 1) if wall else 0,
           "cpu_s_tree": round(sum(cpu.values()), 1), "load_before": round(load0[0], 1),
           "load_after": round(os.getloadavg()[0], 1), "roles": by_role,
           "cache_note": next((x for x in err.decode("utf-8", "replace").splitlines() if "结果缓存" in x), ""),
           "xlsx_mib": round((tmp / "summary.xlsx").stat().st_size / 1024**2, 2)
           if (tmp / "summary.xlsx").exists() else None}
    if res["files"]:
        res["cpu_s_per_file"] = round(res["cpu_s_tree"] / res["files"], 3)
    print(json.dumps(res, ensure_ascii=False, indent=1))
    if out:
        out.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    for p in tmp.iterdir():
        p.unlink()
    tmp.rmdir()
    return res


# -------------------------------------------------------------------------------------------- prefill


def prefill(corpus: Path, cache: Path) -> None:
    from checker.batch.cache import ResultCache, content_hash
    from checker.config import load_config
    from checker.pipeline import check_file, expand

    cfg = load_config(cwd=ROOT)
    by_seed = {}
    for s in seeds():
        by_seed[s.name] = check_file(s, cfg, ocr="auto")
    t0 = time.perf_counter()
    n = 0
    with ResultCache(cache, cfg, "auto") as c:
        for f in expand([corpus]):
            seed = f.name.split("-", 1)[1]
            res = by_seed[seed]
            res.file = str(f)
            c.put(content_hash(f), res)
            n += 1
    print(f"prefilled {n} results in {time.perf_counter() - t0:.1f} s (hashing + writing)")


# ---------------------------------------------------------------------------------------------- micro


def _noop(x):
    return x


def micro(xlsx_rows: int = 100_000, skip: tuple[str, ...] = ()) -> None:
    from checker.config import Config
    from checker.pipeline import check_file
    from checker.report.xlsx import write_summary

    cfg = Config()
    only_dask = "sizes" in skip and "xlsx" in skip
    sample = [check_file(s, cfg) for s in (seeds()[:1] if only_dask else seeds())]
    if "sizes" not in skip:
        _sizes_and_cache(sample, cfg)
    if "xlsx" not in skip:
        many = [sample[i % len(sample)] for i in range(xlsx_rows)]
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            write_summary(many, Path(tmp) / "s.xlsx")
            print(f"xlsx (write-only) of {xlsx_rows} reports, {sum(len(r.findings) for r in many)} findings: "
                  f"{time.perf_counter() - t0:.1f} s, {(Path(tmp) / 's.xlsx').stat().st_size / 1024**2:.1f} MiB",
                  flush=True)
    if "dask" not in skip:
        _dask_overhead(sample)


def _sizes_and_cache(sample, cfg) -> None:
    from checker.batch.cache import ResultCache, dump_result

    js = [len(json.dumps(r.to_dict(), ensure_ascii=False).encode()) for r in sample]
    zs = [len(dump_result(r)) for r in sample]
    ps = [len(pickle.dumps(r)) for r in sample]
    nf = [len(r.findings) for r in sample]
    print(f"result size over {len(sample)} samples: JSON mean {sum(js) / len(js) / 1024:.1f} KiB "
          f"(max {max(js) / 1024:.1f}), stored (zlib) mean {sum(zs) / len(zs) / 1024:.1f} KiB, "
          f"pickled mean {sum(ps) / len(ps) / 1024:.1f} KiB; findings per report mean {sum(nf) / len(nf):.1f}",
          flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        n = 5000
        with ResultCache(Path(tmp) / "c.sqlite", cfg) as c:
            t0 = time.perf_counter()
            for i in range(n):
                c.put(f"{i:064x}", sample[i % len(sample)])
            dt = time.perf_counter() - t0
            t0 = time.perf_counter()
            for i in range(n):
                c.get(f"{i:064x}", "x.pdf")
            dg = time.perf_counter() - t0
        print(f"cache: {n / dt:.0f} results written per second (one transaction each), "
              f"{n / dg:.0f} read per second", flush=True)


def _dask_overhead(sample) -> None:
    from distributed import Client, LocalCluster, as_completed

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster) as cl:
        for n in (200, 2000):
            t0 = time.perf_counter()
            futs = [cl.submit(_noop, i, pure=False) for i in range(n)]
            for f in as_completed(futs):
                f.result()
            dt = time.perf_counter() - t0
            print(f"Dask local:2: {n} no-op tasks in {dt:.2f} s = {dt / n * 1000:.2f} ms per task (round trip)", flush=True)
        big = sample[0]
        n = 500
        t0 = time.perf_counter()
        futs = [cl.submit(_noop, big, pure=False) for i in range(n)]
        for f in as_completed(futs):
            f.result()
        dt = time.perf_counter() - t0
        print(f"Dask local:2: {n} tasks carrying a {len(pickle.dumps(big)) / 1024:.0f} KiB result both ways: "
              f"{dt / n * 1000:.2f} ms per task")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("dir", type=Path)
    c.add_argument("--files", type=int, default=10_000)
    r = sub.add_parser("run")
    r.add_argument("dir", type=Path)
    r.add_argument("--backend", default="jobs:2", help="jobs:N or dask:ADDR (dask:local:2)")
    r.add_argument("--cache", type=Path)
    r.add_argument("--out", type=Path)
    r.add_argument("--timeout", type=float, default=300)
    p = sub.add_parser("prefill")
    p.add_argument("dir", type=Path)
    p.add_argument("--cache", type=Path, required=True)
    m = sub.add_parser("micro")
    m.add_argument("--xlsx-rows", type=int, default=100_000)
    m.add_argument("--skip", nargs="*", default=[], choices=["sizes", "xlsx", "dask"])
    a = ap.parse_args()
    if a.cmd == "corpus":
        make_corpus(a.dir, a.files)
    elif a.cmd == "run":
        run(a.dir, a.backend, a.cache, a.out, a.timeout)
    elif a.cmd == "prefill":
        prefill(a.dir, a.cache)
    else:
        micro(a.xlsx_rows, tuple(a.skip))


if __name__ == "__main__":
    main()
