#!/usr/bin/env python3
"""Make scanned versions of sample reports: `<name>.scan.pdf` beside `<name>.pdf`.

    python samples/make_scans.py                      # the default set (SCANS below)
    python samples/make_scans.py xiangxi-2022 ...     # named samples only

Each page of the text PDF is rendered in grayscale (pypdfium2), turned by a small angle
(0.3-0.8 degrees, alternating direction), given light sensor noise and a few specks (numpy,
fixed seed), and stored as a JPEG inside an image-only PDF (Pillow): no text layer, like a
page that went through an office scanner. The same input gives byte-identical output.
Needs numpy, Pillow and pypdfium2 (no OCR packages).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
SCANS = ["xiangxi-2022", "edu-nutrition-2023", "water-supply-2023"]  # the seed and two clean reports (万元, 元 with separators)
DPI = 150
QUALITY = 50
BLUR = 0.7  # optics: also what keeps a 21-page scan under 3 MB at 150 dpi
MAX_BYTES = 3 * 1024 * 1024


def scan_page(page: pdfium.PdfPage, rng: np.random.Generator, index: int, dpi: int = DPI) -> Image.Image:
    img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    angle = float(rng.uniform(0.3, 0.8)) * (1 if index % 2 == 0 else -1)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(BLUR))
    a = np.asarray(img, dtype=np.float32)
    a = a * 0.93 + 8.0  # paper is not quite white, ink not quite black
    a += rng.normal(0.0, 2.5, a.shape)  # sensor noise
    specks = rng.random(a.shape) < 0.0002  # dust
    a[specks] = rng.uniform(40, 140, int(specks.sum()))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def make_scan(name: str, dpi: int = DPI, quality: int = QUALITY) -> Path:
    src = HERE / f"{name}.pdf"
    out = HERE / f"{name}.scan.pdf"
    seed = sum(map(ord, name))  # fixed per sample
    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(str(src))
    pages = []
    try:
        for i in range(len(pdf)):
            pg = pdf[i]
            pages.append(scan_page(pg, rng, i, dpi))
            pg.close()
    finally:
        pdf.close()
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi),
                  quality=quality, optimize=True)  # each page goes in as a JPEG (DCTDecode)
    data = _fixed_dates(buf.getvalue())
    if len(data) > MAX_BYTES:
        print(f"warning: {out.name} is {len(data) / 1e6:.1f} MB", file=sys.stderr)
    out.write_bytes(data)
    return out


def _fixed_dates(data: bytes) -> bytes:
    """Pillow stamps the creation time; pin it so rebuilds are byte-identical."""
    return re.sub(rb"\(D:\d{14}[^)]*\)", b"(D:20240101000000Z)", data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help=f"sample names (default: {' '.join(SCANS)})")
    ap.add_argument("--dpi", type=int, default=DPI)
    ap.add_argument("--quality", type=int, default=QUALITY)
    args = ap.parse_args(argv)
    for name in args.names or SCANS:
        out = make_scan(name, args.dpi, args.quality)
        print(f"{out.relative_to(HERE.parent)}  {out.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
