"""Parsing speed: seconds per document and per page for the samples (median of several runs),
beside pdfplumber's own floor on the same file (characters + table finding alone), and the
whole check (parse + facts + rules), through both PDF reading paths (pdfium, pdfplumber).

    python bench/bench_parse.py [--runs 5] [--seed samples/xiangxi-2022.pdf] [files...]

First the seed-like sample alone, in one run on this machine: pdfplumber's floor against the full
check through each path, wall time and CPU time (time.process_time, which other work on a shared
machine disturbs much less), and the load average. Then every file.
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

READERS = ("pdfium", "pdfplumber")


def timed(fn, runs: int) -> tuple[float, float]:
    """Median wall and median CPU seconds of `runs` calls."""
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def pdfplumber_floor(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.chars  # noqa: B018 - forces the layout analysis
            page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
            page.flush_cache()


def with_reader(reader: str, fn):
    def run():
        old = os.environ.get("PECHECK_PDF_READER")
        os.environ["PECHECK_PDF_READER"] = reader
        try:
            return fn()
        finally:
            if old is None:
                os.environ.pop("PECHECK_PDF_READER", None)
            else:
                os.environ["PECHECK_PDF_READER"] = old
    return run


def main() -> None:
    import logging

    from checker import knowledge
    from checker.check.registry import run_rules
    from checker.read import load
    from checker.read.pdf import reader_name
    from checker.understand.facts import extract

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", default=str(ROOT / "samples" / "xiangxi-2022.pdf"))
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    k = knowledge.load()

    def check(f: Path):
        return lambda: run_rules(extract(load(f), k))

    seed = Path(args.seed)
    for reader in READERS:  # warm both paths (imports, font caches) before timing anything
        with_reader(reader, check(seed))()
    load1 = os.getloadavg()
    floor = timed(lambda: pdfplumber_floor(seed), args.runs)
    full = {r: timed(with_reader(r, check(seed)), args.runs) for r in READERS}
    load2 = os.getloadavg()
    n = load(seed).n_pages
    print(f"seed-like sample {seed.name} ({n} pages), median of {args.runs}; default reader: {reader_name()}; "
          f"load average {load1[0]:.2f} before, {load2[0]:.2f} after (1 min), {os.cpu_count()} CPUs")
    print(f"{'':28s} {'wall s':>7s} {'CPU s':>7s} {'÷ floor (wall, CPU)':>20s}")
    print(f"{'pdfplumber floor':28s} {floor[0]:7.3f} {floor[1]:7.3f}")
    for r in READERS:
        w, c = full[r]
        print(f"{'full check, ' + r:28s} {w:7.3f} {c:7.3f} {w / floor[0]:9.2f} {c / floor[1]:9.2f}")
    print("target: full check ≤ 0.70 × floor\n")

    files = [Path(f) for f in args.files] or sorted(
        p for p in (ROOT / "samples").iterdir() if p.suffix in (".pdf", ".docx") and ".scan." not in p.name)
    print("wall s (CPU s)")
    print(f"{'file':40s} {'pages':>5s} {'floor':>15s} " + " ".join(
        f"{'parse ' + r[:6]:>15s} {'check ' + r[:6]:>15s}" for r in READERS))
    for f in files:
        doc = load(f)
        fl = timed(lambda f=f: pdfplumber_floor(f), args.runs) if f.suffix == ".pdf" else (float("nan"),) * 2
        cols = []
        for r in READERS:
            parse = timed(with_reader(r, lambda f=f: load(f)), args.runs)
            whole = timed(with_reader(r, check(f)), args.runs)
            cols.append(f"{parse[0]:7.3f} ({parse[1]:5.3f}) {whole[0]:7.3f} ({whole[1]:5.3f})")
        print(f"{f.name:40s} {doc.n_pages:5d} {fl[0]:7.3f} ({fl[1]:5.3f}) " + " ".join(cols))


if __name__ == "__main__":
    main()
