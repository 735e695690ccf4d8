"""OCR speed: seconds per scanned page (median over pages and runs), with the time per stage
(render, deskew, ruling lines, detection, recognition, layout), and the whole read of each scan
(`load()`: pdfplumber pass + OCR + build) per page.

    python bench/bench_ocr.py [--runs 3] [--pages 1,10,11] [files...]   # default: samples/*.scan.pdf

Needs the `ocr` extra. The engine is loaded (and warmed up on one page) before timing starts.
Set PECHECK_OCR_THREADS to change the onnxruntime thread count (default: all cores).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    import pypdfium2 as pdfium

    from checker.read import load, ocr

    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pages", default="", help="comma list of 1-based pages (default: all)")
    ap.add_argument("--no-load", action="store_true", help="skip the whole-document load() timing")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = [Path(f) for f in args.files] or sorted((ROOT / "samples").glob("*.scan.pdf"))
    if not files:
        sys.exit("no *.scan.pdf: run python samples/make_scans.py first")
    if not ocr.available():
        sys.exit("the OCR extra is not installed: pip install 'pecheck[ocr]'")

    t0 = time.perf_counter()
    engine = ocr.get_engine()
    print(f"engine load {time.perf_counter() - t0:.2f}s, onnxruntime threads {ocr.threads()}, "
          f"dpi {ocr.DPI}, detector side {ocr.DET_SIDE}px")
    warm = pdfium.PdfDocument(str(files[0]))
    ocr.read_image(ocr.render(warm[0]), engine)
    warm.close()

    all_pages: list[float] = []
    cpu: list[float] = []  # CPU seconds per page (all threads): the wall time on a busy machine says little
    stages: dict[str, list[float]] = {}
    for f in files:
        pdf = pdfium.PdfDocument(str(f))
        n = len(pdf)
        pages = [int(p) for p in args.pages.split(",") if p] or list(range(1, n + 1))
        per_page: list[float] = []
        for _ in range(args.runs):
            for p in pages:
                if p > n:
                    continue
                t, c = time.perf_counter(), time.process_time()
                page = pdf[p - 1]
                gray = ocr.render(page)
                page.close()
                t_render = time.perf_counter() - t
                res = ocr.read_image(gray, engine)
                per_page.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
                stages.setdefault("render", []).append(t_render)
                for k, v in res.timings.items():
                    stages.setdefault(k, []).append(v)
        pdf.close()
        all_pages += per_page
        line = f"{f.name:40s} {len(pages):3d} pages  median {statistics.median(per_page):.2f} s/page  " \
               f"max {max(per_page):.2f}"
        if not args.no_load:
            t = time.perf_counter()
            doc = load(f)
            whole = time.perf_counter() - t
            line += f"  | load() {whole:.1f} s = {whole / doc.n_pages:.2f} s/page"
            from checker.config import Config
            from checker.runner import check_document

            t = time.perf_counter()
            res = check_document(doc, Config(), f)
            line += f"  | check + verification {time.perf_counter() - t:.1f} s ({len(res.findings)} findings)"
        print(line)
    print(f"ALL: median {statistics.median(all_pages):.2f} s/page over {len(all_pages)} page runs, "
          f"median CPU {statistics.median(cpu):.2f} s/page; stages (median s): "
          + ", ".join(f"{k} {statistics.median(v):.2f}" for k, v in stages.items()))


if __name__ == "__main__":
    main()
