"""The desk under load: N simultaneous uploads to a real `pecheck serve` on loopback.

    python bench/bench_serve.py [--uploads 20] [--jobs 2]

Starts `pecheck serve` on a free loopback port with a fresh data dir, sends N uploads at once (one
thread each, the text samples in turn, each under its own name), polls until every report is
finished and checks that none was lost or mixed up: each report has the name it was sent with and
the findings that `check_file` gives for its source file.  Prints the wall-clock time from the first
upload to the last finished report, the upload time, and files per minute.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data: Path, jobs: int, port: int | None = None, extra: tuple = ()) -> tuple[subprocess.Popen, str]:
    port = port or free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("PECHECK_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--port", str(port), "--data", str(data),
                             "--jobs", str(jobs), *extra], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    t0 = time.monotonic()
    while time.monotonic() - t0 < 60:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(url + "/api/meta", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def upload(url: str, path: Path, name: str) -> dict:
    """multipart/form-data by hand (the standard library has no client for it)."""
    boundary = uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode()
    body = head + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(url + "/api/reports", data=body, method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


def get(url: str, path: str) -> dict:
    with urllib.request.urlopen(url + path, timeout=60) as r:
        return json.loads(r.read())


def seeds() -> list[Path]:
    return sorted(p for p in (ROOT / "samples").glob("*-faults.pdf"))


def run_load(n: int = 20, jobs: int = 2, data: Path | None = None, limit: float = 900.0) -> dict:
    """Returns {"seconds", "upload_seconds", "reports": [(name, source, report view)], "failed": [...]}."""
    tmp = None
    if data is None:
        tmp = tempfile.TemporaryDirectory(prefix="pecheck-load-")
        data = Path(tmp.name)
    plan = [(f"{i:02d}-{src.name}", src) for i, src in zip(range(n), itertools.cycle(seeds()))]
    proc, url = start_server(data, jobs)
    try:
        answers: dict[str, dict] = {}
        errors: list[str] = []
        barrier = threading.Barrier(len(plan))

        def send(name, src):
            barrier.wait()  # all at once
            try:
                answers[name] = upload(url, src, name)
            except Exception as exc:  # noqa: BLE001 - recorded and reported
                errors.append(f"{name}: {exc}")

        threads = [threading.Thread(target=send, args=p) for p in plan]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        t_up = time.monotonic() - t0
        ids = {name: a["id"] for name, a in answers.items()}
        pending = set(ids.values())
        while pending and time.monotonic() - t0 < limit:
            listing = get(url, "/api/reports")["reports"]
            pending = {r["id"] for r in listing if r["id"] in pending and r["status"] in ("queued", "running")}
            if pending:
                time.sleep(0.5)
        took = time.monotonic() - t0
        views = [(name, src, get(url, f"/api/reports/{ids[name]}")) for name, src in plan if name in ids]
        return {"seconds": took, "upload_seconds": t_up, "reports": views, "errors": errors,
                "unfinished": sorted(pending)}
    finally:
        stop_server(proc)
        if tmp is not None:
            tmp.cleanup()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--uploads", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from checker.config import Config
    from checker.runner import check_file

    got = run_load(a.uploads, a.jobs)
    want = {src: [f.to_dict() for f in check_file(src, Config()).findings] for _, src, _ in got["reports"]}
    bad = [name for name, src, v in got["reports"]
           if v["status"] != "done" or v["name"] != name
           or [{k: f[k] for k in w} for f, w in zip(v["report"]["findings"], want[src])] != want[src]
           or len(v["report"]["findings"]) != len(want[src])]
    n = len(got["reports"])
    print(f"{a.uploads} uploads, {a.jobs} jobs: uploads accepted in {got['upload_seconds']:.1f} s, all finished in "
          f"{got['seconds']:.1f} s ({60 * n / got['seconds']:.1f} files/min); lost {a.uploads - n + len(got['unfinished'])}, "
          f"wrong {len(bad)}, upload errors {len(got['errors'])}")


if __name__ == "__main__":
    main()
