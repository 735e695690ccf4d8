"""OCR character error rate per scanned sample: what OCR read against what the text PDF says.

    python bench/bench_cer.py [--code DIR] [names...]   # default: every samples/*.scan.pdf

For each OCR'd page of `<name>.scan.pdf`, the text of the document model on that page (paragraph
and table-cell text in reading order, whitespace removed) is aligned with the same page of
`<name>.pdf` read as text; CER = edit distance / reference length, summed over the OCR'd pages.
`--code DIR` reads with another checkout's checker (e.g. the main branch, for a before/after).
Pages with a text layer (a mixed PDF) are not counted. Needs the `ocr` extra.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def page_texts(doc) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for b in doc.blocks:
        if hasattr(b, "cells"):
            for c in sorted(b.cells, key=lambda c: (c.row, c.col)):
                if c.page is not None:
                    out.setdefault(c.page, []).append(c.raw)
        elif b.page is not None:
            out.setdefault(b.page, []).append(b.raw)
    return {p: "".join("".join(ts).split()) for p, ts in out.items()}


def distance(a: str, b: str) -> int:
    """Levenshtein distance, one row at a time with numpy (pages are ~1,000 characters)."""
    import numpy as np

    if not a:
        return len(b)
    if not b:
        return len(a)
    bb = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    prev = np.arange(len(b) + 1, dtype=np.int32)
    aa = np.frombuffer(a.encode("utf-32-le"), dtype=np.uint32)
    for i in range(1, len(aa) + 1):
        sub = prev[:-1] + (bb != aa[i - 1])
        cur = np.empty_like(prev)
        cur[0] = i
        cur[1:] = np.minimum(sub, prev[1:] + 1)
        # insertions run left to right: a cumulative minimum of (cur[j] - j) + j
        idx = np.arange(len(cur), dtype=np.int32)
        cur = np.minimum.accumulate(cur - idx) + idx
        prev = cur
    return int(prev[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--code", default=str(ROOT), help="checkout whose checker reads the scans")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(args.code).resolve()))
    from checker.read import load

    samples = ROOT / "samples"
    names = args.names or sorted(p.name[:-len(".scan.pdf")] for p in samples.glob("*.scan.pdf"))
    total_e = total_n = 0
    print(f"{'sample':32s} {'pages':>5s} {'chars':>7s} {'edits':>6s} {'CER':>7s} {'s/page':>7s}")
    for name in names:
        t0 = time.perf_counter()
        scan = load(samples / f"{name}.scan.pdf")
        secs = time.perf_counter() - t0
        text = load(samples / f"{name}.pdf")
        pages = [p.number for p in scan.pages if p.ocr]
        got, ref = page_texts(scan), page_texts(text)
        e = sum(distance(got.get(p, ""), ref.get(p, "")) for p in pages)
        n = sum(len(ref.get(p, "")) for p in pages)
        total_e, total_n = total_e + e, total_n + n
        print(f"{name:32s} {len(pages):5d} {n:7d} {e:6d} {100 * e / max(n, 1):6.2f}% {secs / max(len(pages), 1):7.2f}",
              flush=True)
    print(f"{'ALL':32s} {'':5s} {total_n:7d} {total_e:6d} {100 * total_e / max(total_n, 1):6.2f}%")


if __name__ == "__main__":
    main()
