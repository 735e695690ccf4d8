"""OCR speed: seconds per scanned page, CPU and wall, with and without the orientation tests, and
what verifying the findings (the re-reads) adds per page.

    python bench/bench_ocr.py [--runs 1] [--pages 1,10,11] [--no-check] [--code DIR] [files...]
    # default: every samples/*.scan.pdf; --code: another checkout's reader (a before/after)

Per scan: the median CPU seconds (process time: all threads of this process) and wall seconds
per page for the OCR of one page (render in colour, stamp ink dropped, grey paper flattened,
quarter turns, deskew, ruling lines, detection, recognition, second look), three ways: with the
orientation tests (the reader as used); the plain reading, i.e. the same page fed the right way
up (turned beforehand by the rotation the reader found) and read without the tests; and without
the tests on the page as filed (a turned page is then read sideways or upside down: garbage,
and no fair baseline, but the figure reported before). The ratio "with ÷ plain" per page is what
the orientation tests cost. Then the whole check of the file (read + rules) and the
CPU seconds of its verification step (the re-reads of the pieces behind its error/warning
findings), divided by the document's pages. The last lines give the medians over all pages, the
median time per stage and the load average (the machine is shared: compare CPU seconds).

Needs the `ocr` extra. The engine is loaded (and warmed up on one page) before timing starts.
Set PECHECK_OCR_THREADS to change the onnxruntime thread count (default: all cores).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--pages", default="", help="comma list of 1-based pages (default: all)")
    ap.add_argument("--no-check", action="store_true", help="skip the whole-document check and its re-reads")
    ap.add_argument("--code", default="", help="checkout whose checker reads the scans (default: this one)")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if args.code:
        sys.path.insert(0, str(Path(args.code).resolve()))
        for name in [m for m in sys.modules if m == "checker" or m.startswith("checker.")]:
            del sys.modules[name]
    import pypdfium2 as pdfium

    from checker.read import load, ocr
    from checker.read.ocr.geometry import turn

    print(f"reader: {Path(ocr.__file__).resolve().parents[2]}")
    files = [Path(f) for f in args.files] or sorted((ROOT / "samples").glob("*.scan.pdf"))
    if not files:
        sys.exit("no *.scan.pdf: run python samples/make_scans.py first")
    if not ocr.available():
        sys.exit("the OCR extra is not installed: pip install 'pecheck[ocr]'")

    load_start = os.getloadavg()
    t0 = time.perf_counter()
    engine = ocr.get_engine()
    print(f"engine load {time.perf_counter() - t0:.2f}s, onnxruntime threads {ocr.threads()}, "
          f"dpi {ocr.DPI}, detector side {ocr.DET_SIDE}px, load average {load_start[0]:.2f}")
    warm = pdfium.PdfDocument(str(files[0]))
    ocr.read_image(ocr.render(warm[0]), engine)
    warm.close()

    # per page: "orient" = the reader as used (quarter-turn tests on); "plain" = the plain reading:
    # the same page fed the right way up (turned beforehand by the rotation the reader found), no
    # tests; "filed" = no tests on the page as filed (on a turned page: reading it sideways or
    # upside down, which is garbage and not a fair baseline; the figure before 2026-12-06 15:00)
    kinds = ("orient", "plain", "filed")
    cpu: dict[str, list[float]] = {k: [] for k in kinds}
    wall: dict[str, list[float]] = {k: [] for k in kinds}
    ratios: list[float] = []  # per page: orient ÷ plain, CPU
    turned_ratios: list[float] = []
    verify_cpu: list[float] = []  # per page of each checked document
    stages: dict[str, list[float]] = {}

    def timed_read(page_obj, orient: bool, turn_by: int = 0):
        t, c = time.perf_counter(), _cpu()
        gray = ocr.render(page_obj)
        t_render = time.perf_counter() - t
        if turn_by:
            gray = turn(gray, turn_by)
        res = ocr.read_image(gray, engine, orient=orient)
        return res, _cpu() - c, time.perf_counter() - t, t_render

    for f in files:
        pdf = pdfium.PdfDocument(str(f))
        n = len(pdf)
        pages = [int(p) for p in args.pages.split(",") if p] or list(range(1, n + 1))
        mine: dict[str, list[float]] = {k: [] for k in kinds}
        mine_wall: dict[str, list[float]] = {k: [] for k in kinds}
        for _ in range(args.runs):
            for p in pages:
                if p > n:
                    continue
                page = pdf[p - 1]
                try:
                    res, c, w, t_render = timed_read(page, True)
                    mine["orient"].append(c)
                    mine_wall["orient"].append(w)
                    stages.setdefault("render", []).append(t_render)
                    for k, v in res.timings.items():
                        stages.setdefault(k, []).append(v)
                    _, c2, w2, _ = timed_read(page, False, res.rotation)
                    mine["plain"].append(c2)
                    mine_wall["plain"].append(w2)
                    ratios.append(c / c2)
                    if res.rotation:
                        turned_ratios.append(c / c2)
                        _, c2, w2, _ = timed_read(page, False)
                    mine["filed"].append(c2)
                    mine_wall["filed"].append(w2)
                finally:
                    page.close()
        pdf.close()
        for k in kinds:
            cpu[k] += mine[k]
            wall[k] += mine_wall[k]
        md = {k: statistics.median(v) for k, v in mine.items()}
        mw = {k: statistics.median(v) for k, v in mine_wall.items()}
        line = (f"{f.name:36s} {len(mine['orient']):3d} p  CPU {md['orient']:.2f} s/page (plain {md['plain']:.2f}, "
                f"as filed without tests {md['filed']:.2f})  wall {mw['orient']:.2f} (plain {mw['plain']:.2f}, "
                f"as filed {mw['filed']:.2f})")
        if not args.no_check:
            import checker.verify as verify
            from checker.config import Config
            from checker.pipeline import check_document

            spent = []
            inner = verify.verify_findings

            def timed(*a, inner=inner, spent=spent, **k):
                c = _cpu()
                try:
                    return inner(*a, **k)
                finally:
                    spent.append(_cpu() - c)

            verify.verify_findings = timed
            try:
                t = time.perf_counter()
                doc = load(f)
                whole = time.perf_counter() - t
                res = check_document(doc, Config(), f)
            finally:
                verify.verify_findings = inner
            per = sum(spent) / doc.n_pages
            verify_cpu.append(per)
            line += (f"  | load() {whole / doc.n_pages:.2f} s/page, verification {per:.2f} CPU s/page "
                     f"({len(res.findings)} findings)")
        print(line, flush=True)
    med = {k: statistics.median(v) for k, v in cpu.items()}
    medw = {k: statistics.median(v) for k, v in wall.items()}
    print(f"ALL {len(cpu['orient'])} pages: median CPU {med['orient']:.2f} s/page with orientation tests, "
          f"{med['plain']:.2f} plain (page fed upright, no tests), {med['filed']:.2f} as filed without tests; "
          f"median wall {medw['orient']:.2f} ({medw['plain']:.2f} plain, {medw['filed']:.2f} as filed)")
    print(f"orientation tests per page, CPU with ÷ plain: median ×{statistics.median(ratios):.2f}"
          + (f"; on the {len(turned_ratios)} turned pages ×{statistics.median(turned_ratios):.2f} "
             f"(max ×{max(turned_ratios):.2f})" if turned_ratios else ""))
    if verify_cpu:
        v = statistics.median(verify_cpu)
        print(f"verification (re-reads): median {v:.2f} CPU s per document page; reading + orientation + "
              f"verification {med['orient'] + v:.2f} CPU s/page = ×{(med['orient'] + v) / med['plain']:.2f} "
              f"the plain reading")
    print("stages (median wall s): " + ", ".join(f"{k} {statistics.median(v):.2f}" for k, v in stages.items()))
    print(f"load average at start {load_start[0]:.2f}, at end {os.getloadavg()[0]:.2f} "
          f"(2 cores: wall ≈ CPU ÷ 2 only on an idle machine)")


if __name__ == "__main__":
    main()
