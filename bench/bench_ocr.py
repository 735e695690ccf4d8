"""OCR speed: seconds per scanned page, CPU and wall, with and without the orientation tests, and
what verifying the findings (the re-reads) adds per page.

    python bench/bench_ocr.py [--runs 1] [--pages 1,10,11] [--no-check] [files...]
    # default: every samples/*.scan.pdf

Per scan: the median CPU seconds (process time: all threads of this process) and wall seconds
per page for the OCR of one page (render in colour, stamp ink dropped, grey paper flattened,
quarter turns, deskew, ruling lines, detection, recognition, second look), once with the
orientation tests and once without; then the whole check of the file (read + rules) and the
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
    import pypdfium2 as pdfium

    from checker.read import load, ocr

    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--pages", default="", help="comma list of 1-based pages (default: all)")
    ap.add_argument("--no-check", action="store_true", help="skip the whole-document check and its re-reads")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
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

    cpu = {True: [], False: []}  # orientation tests on / off
    wall = {True: [], False: []}
    verify_cpu: list[float] = []  # per page of each checked document
    stages: dict[str, list[float]] = {}
    for f in files:
        pdf = pdfium.PdfDocument(str(f))
        n = len(pdf)
        pages = [int(p) for p in args.pages.split(",") if p] or list(range(1, n + 1))
        mine = {True: [], False: []}
        mine_wall = {True: [], False: []}
        for _ in range(args.runs):
            for p in pages:
                if p > n:
                    continue
                for orient in (True, False):
                    t, c = time.perf_counter(), _cpu()
                    page = pdf[p - 1]
                    gray = ocr.render(page)
                    page.close()
                    t_render = time.perf_counter() - t
                    res = ocr.read_image(gray, engine, orient=orient)
                    mine_wall[orient].append(time.perf_counter() - t)
                    mine[orient].append(_cpu() - c)
                    if orient:
                        stages.setdefault("render", []).append(t_render)
                        for k, v in res.timings.items():
                            stages.setdefault(k, []).append(v)
        pdf.close()
        for o in (True, False):
            cpu[o] += mine[o]
            wall[o] += mine_wall[o]
        line = (f"{f.name:36s} {len(pages):3d} p  CPU {statistics.median(mine[True]):.2f} s/page "
                f"(no orientation {statistics.median(mine[False]):.2f})  wall {statistics.median(mine_wall[True]):.2f}")
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
    with_o, without_o = statistics.median(cpu[True]), statistics.median(cpu[False])
    print(f"ALL {len(cpu[True])} pages: median CPU {with_o:.2f} s/page with orientation tests, "
          f"{without_o:.2f} without; median wall {statistics.median(wall[True]):.2f} "
          f"({statistics.median(wall[False]):.2f} without)")
    if verify_cpu:
        v = statistics.median(verify_cpu)
        print(f"verification (re-reads): median {v:.2f} CPU s per document page; reading + orientation + "
              f"verification {with_o + v:.2f} CPU s/page = ×{(with_o + v) / without_o:.2f} the plain reading")
    print("stages (median wall s): " + ", ".join(f"{k} {statistics.median(v):.2f}" for k, v in stages.items()))
    print(f"load average at start {load_start[0]:.2f}, at end {os.getloadavg()[0]:.2f} "
          f"(2 cores: wall ≈ CPU ÷ 2 only on an idle machine)")


if __name__ == "__main__":
    main()
