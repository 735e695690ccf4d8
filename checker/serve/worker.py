"""The desk's queue: a thread that hands queued reports to checking processes, a few at a time.

Each report is checked in its own child process, which runs the batch machinery on that one file
(`checker.batch.run_batch`: the per-file time limit and the memory cap) and then renders the pages
that hold findings.  The child writes its result to `work/<id>.json`; a child that crashes, is killed
by the memory cap or overruns the time limit leaves no result and its report fails with the reason.
The server process never parses a submitted file itself, so a hostile file cannot take it down.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.batch.local import crash_error
from checker.config import Config
from checker.record import ValueRecord

PAGE_SCALE = 1.5  # full pages shown beside the findings: 108 dpi
CROP_SCALE = 2.0
MAX_RENDERED_PAGES = 60
GRACE = 60.0  # seconds past the check's own time limit for rendering, before the child is killed
_PRELOAD = ["checker.batch", "checker.runner", "checker.read", "checker.understand.facts",
            "checker.check.registry", "checker.report.html", "pypdfium2", "checker.batch.warm"]


@dataclass(repr=False, eq=False)
class Settings(ValueRecord):
    cfg: Config = field(default_factory=Config)
    jobs: int = 0
    timeout: float = 300.0
    mem_limit: str | int | None = None
    ocr: str = "auto"


# ------------------------------------------------------------------------------------ in the child


def _write_json(path: Path, data: Any) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def _render(src: Path, res, out_dir: Path) -> dict[str, Any]:
    """PNG of every page holding a located finding, and evidence crops (the HTML renderer's)."""
    import pypdfium2 as pdfium

    from checker.report.html import PageImages

    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = sorted({loc.page for f in res.findings for loc in f.locations if loc.page and loc.bbox})
    wanted = wanted[:MAX_RENDERED_PAGES]
    pages: dict[str, Any] = {}
    doc = pdfium.PdfDocument(str(src))
    try:
        for n in wanted:
            if not 1 <= n <= len(doc):
                continue
            page = doc[n - 1]
            ml, mb, mr, mt = page.get_mediabox()
            cl, cb, cr, ct = page.get_cropbox()
            img = page.render(scale=PAGE_SCALE).to_pil().convert("RGB")
            img.save(out_dir / f"p{n}.png", optimize=False)
            # pdfplumber boxes are measured from the mediabox's top-left; the picture shows the cropbox
            pages[str(n)] = {"width": cr - cl, "height": ct - cb, "dx": cl - ml, "dy": mt - ct,
                             "px": [img.width, img.height]}
            page.close()
    finally:
        doc.close()
    crops: dict[str, list[int]] = {}
    images = PageImages(CROP_SCALE)
    try:
        for i, f in enumerate(res.findings, start=1):
            located = [loc for loc in f.locations if loc.page and loc.bbox]
            if not located:
                continue
            loc = located[0]
            others = [o.bbox for o in located[1:] if o.page == loc.page]
            got = images.crop(str(src), loc.page, loc.bbox, others)
            if got:
                png, w, h, _ = got
                (out_dir / f"e{i}.png").write_bytes(png)
                crops[str(i)] = [w, h]
    finally:
        images.close()
    return {"pages": pages, "crops": crops}


def check_child(src: str, work: str, pages_dir: str, cfg: Config, ocr: str, timeout: float,
                mem_limit, hook: str | None) -> None:
    """Child process: check one file, render its evidence, write work/<id>.json."""
    from checker.batch import run_batch

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    if hook:
        os.environ["PECHECK_TEST_HOOK"] = hook
    work_p = Path(work)
    stage = work_p.with_suffix(".stage")
    stage.write_text("checking", encoding="utf-8")
    res = run_batch([src], cfg, ocr=ocr, jobs=1, timeout=timeout, quiet=True, mem_limit=mem_limit)[0]
    out: dict[str, Any] = {"report": res.to_dict(), "pages": {}, "crops": {}}
    if not res.error and res.format == "pdf" and res.findings:
        stage.write_text("rendering", encoding="utf-8")
        try:
            out.update(_render(Path(src), res, Path(pages_dir)))
        except Exception:  # pictures are a help, not the result: the findings stand without them
            pass
    _write_json(work_p, out)


# ------------------------------------------------------------------------------------ in the server


class Worker:
    """Runs queued reports from the store, `jobs` at a time; `on_done(rid, payload, error)` stores them."""

    def __init__(self, store, settings: Settings, on_done):
        self.store = store
        self.s = settings
        self.on_done = on_done
        self.jobs = max(1, settings.jobs or (os.cpu_count() or 1))
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._running: dict[str, tuple[Any, float]] = {}  # rid → (process, started)
        self._ctx = None

    def _context(self):
        if self._ctx is None:
            if "forkserver" in mp.get_all_start_methods():
                self._ctx = mp.get_context("forkserver")
                self._ctx.set_forkserver_preload(_PRELOAD)
            else:
                self._ctx = mp.get_context("spawn")
        return self._ctx

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="pecheck-serve-worker", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(10)
        for proc, _ in list(self._running.values()):
            if proc.is_alive():
                proc.kill()
            proc.join(2)
        self._running.clear()

    def running(self) -> int:
        return len(self._running)

    def _launch(self, rep: dict[str, Any]) -> None:
        rid = rep["id"]
        work = self.store.work / f"{rid}.json"
        work.unlink(missing_ok=True)
        args = (str(self.store.files / rep["stored"]), str(work), str(self.store.pages / rid), self.s.cfg,
                self.s.ocr, self.s.timeout, self.s.mem_limit, os.environ.get("PECHECK_TEST_HOOK") or None)
        try:
            proc = self._context().Process(target=check_child, args=args, daemon=True, name=f"pecheck-check-{rid}")
            proc.start()
        except Exception as exc:  # no process: the report fails, the queue goes on
            self.on_done(rid, None, f"无法启动检查进程：{type(exc).__name__}（cannot start a checking process）")
            return
        self._running[rid] = (proc, time.monotonic())

    def _reap(self) -> None:
        limit = (self.s.timeout + GRACE) if self.s.timeout > 0 else None
        for rid, (proc, started) in list(self._running.items()):
            if proc.is_alive():
                if limit is not None and time.monotonic() - started > limit:
                    proc.kill()
                    proc.join(5)
                    from checker.batch import timeout_error

                    self._finish(rid, None, timeout_error(self.s.timeout))
                continue
            proc.join()
            work = self.store.work / f"{rid}.json"
            try:
                payload = json.loads(work.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._finish(rid, None, crash_error(proc.exitcode, "检查进程"))
                continue
            self._finish(rid, payload, None)

    def _finish(self, rid: str, payload, error: str | None) -> None:
        self._running.pop(rid, None)
        try:
            self.on_done(rid, payload, error)
        finally:
            for suffix in (".json", ".stage", ".json.tmp"):
                (self.store.work / f"{rid}{suffix}").unlink(missing_ok=True)

    def stage(self, rid: str) -> str | None:
        try:
            return (self.store.work / f"{rid}.stage").read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self._reap()
                while len(self._running) < self.jobs and not self._stop.is_set():
                    rep = self.store.claim_next()
                    if rep is None:
                        break
                    self._launch(rep)
            except Exception as exc:  # the queue must keep going whatever one report did
                import sys

                print(f"pecheck serve: worker error: {type(exc).__name__}: {exc}", file=sys.stderr)
            self._wake.wait(0.2 if self._running else 1.0)
            self._wake.clear()
