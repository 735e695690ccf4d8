"""Parsing speed: seconds per document and per page for the samples (median of several runs),
beside pdfplumber's own floor on the same file (characters + table finding alone), and the
whole check (parse + facts + rules).

    python bench/bench_parse.py [--runs 5] [files...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn, runs: int) -> float:
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def pdfplumber_floor(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.chars  # noqa: B018 - forces the layout analysis
            page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
            page.flush_cache()


def main() -> None:
    from checker import knowledge
    from checker.check.registry import run_rules
    from checker.read import load
    from checker.understand.facts import extract

    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = [Path(f) for f in args.files] or sorted(
        p for p in (ROOT / "samples").iterdir() if p.suffix in (".pdf", ".docx") and ".scan." not in p.name)
    k = knowledge.load()
    print(f"{'file':40s} {'pages':>5s} {'parse s':>8s} {'s/page':>7s} {'floor s':>8s} {'check s':>8s}")
    for f in files:
        doc = load(f)
        parse = timed(lambda f=f: load(f), args.runs)
        floor = timed(lambda f=f: pdfplumber_floor(f), args.runs) if f.suffix == ".pdf" else float("nan")
        check = timed(lambda f=f: run_rules(extract(load(f), k)), args.runs)
        n = max(doc.n_pages, 1)
        print(f"{f.name:40s} {doc.n_pages:5d} {parse:8.3f} {parse / n:7.3f} {floor:8.3f} {check:8.3f}")


if __name__ == "__main__":
    main()
