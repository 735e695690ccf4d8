#!/usr/bin/env python3
"""Make scanned versions of sample reports: `<name>.scan.pdf` beside `<name>.pdf` (the scorer
finds them with --formats scan and scores them against `<name>.expected.json`).

    python samples/make_scans.py                      # the default set (SCANS below)
    python samples/make_scans.py xiangxi-2022 ...     # named samples only

Each page of the text PDF is rendered (pypdfium2), turned by a small angle (0.3-0.8 degrees,
alternating direction), given light sensor noise and a few specks (numpy, fixed seed), and stored
as a JPEG inside an image-only PDF (Pillow): no text layer, like a page that went through an
office scanner. Some scans carry the artefacts of real ones (ARTEFACTS below): a red or blue
stamp (公章) over a figure, pages fed sideways or upside down, a skew of 6-8 degrees, a grey
fax-like paper, 120 dpi, or only the signed form pages scanned inside an otherwise digital PDF
(a mixed document). The same input gives byte-identical output. Needs numpy, Pillow, pypdfium2,
pdfplumber and pypdf (no OCR packages).
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
SCANS = ["xiangxi-2022", "edu-nutrition-2023", "water-supply-2023",  # the seed and two clean reports (万元, 元 with separators)
         "roads-2024-faults", "health-clinics-2023-faults", "culture-2022", "sports-2023-faults", "housing-2023",
         # round 17's forms, scanned as filed (narrow cells, breakdowns inside cells): unseen-scan first contact
         "hengshan-township-2023-faults", "jinzhai-village-2023-faults",
         # stop 14's unseen-scan probe: the three whose first contact missed a fault (a decimal point
         # read as a colon, a lost ≤, a ≥ read as 2 hiding a blank reason)
         "flood-control-2023-faults", "forestry-2022-faults", "agri-insurance-2022-faults"]
# What a real scanner and a real office add. stamp: ink colour, put over a figure on the form page
# (the page titled 自评表) and beside the signature on the last page; turn: {page: degrees clockwise};
# skew: degrees range (alternating sign); grey: fax-like grey paper; mixed: only the form pages
# scanned, the rest of the PDF stays digital text.
ARTEFACTS: dict[str, dict] = {
    "roads-2024-faults": {"stamp": "red", "turn": {2: 90, 3: 180}},
    "health-clinics-2023-faults": {"skew": (6.0, 8.0), "grey": True},
    "culture-2022": {"dpi": 120, "grey": True, "stamp": "blue"},
    "sports-2023-faults": {"mixed": True, "stamp": "red"},
    "housing-2023": {"stamp": "red", "turn": {1: 270}, "skew": (6.0, 7.0)},
}
STAMP_RGB = {"red": (214, 38, 48), "blue": (40, 70, 190)}
FORM_TITLE = re.compile(r"绩效自评表")
FIGURE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d{3,}\.\d+$")
DPI = 150
QUALITY = 50
BLUR = 0.7  # optics: also what keeps a 21-page scan under 3 MB at 150 dpi
MAX_BYTES = 3 * 1024 * 1024


def scan_page(page: pdfium.PdfPage, rng: np.random.Generator, index: int, dpi: int = DPI,
              art: dict | None = None, stamp_at: list[tuple[float, float]] = ()) -> Image.Image:
    art = art or {}
    colour = bool(art.get("stamp"))
    img = page.render(scale=dpi / 72, grayscale=not colour).to_pil()
    img = img.convert("RGB" if colour else "L")
    if colour and stamp_at:
        for x, y in stamp_at:  # points → pixels
            img = _stamp(img, (x * dpi / 72, y * dpi / 72), STAMP_RGB[art["stamp"]], dpi, rng)
    lo, hi = art.get("skew", (0.3, 0.8))
    angle = float(rng.uniform(lo, hi)) * (1 if index % 2 == 0 else -1)
    fill = (255, 255, 255) if colour else 255
    img = img.rotate(angle, resample=Image.BICUBIC, expand="skew" in art, fillcolor=fill)
    img = img.filter(ImageFilter.GaussianBlur(BLUR))
    a = np.asarray(img, dtype=np.float32)
    if art.get("grey"):  # fax-like: grey, uneven paper, weaker ink, more noise
        h, w = a.shape[:2]
        paper = 178.0 + 30.0 * np.linspace(0.0, 1.0, w)[None, :] * np.linspace(0.6, 1.0, h)[:, None]
        if a.ndim == 3:
            paper = paper[..., None]
        a = 35.0 + (paper - 35.0) * (a / 255.0)
        a += rng.normal(0.0, 6.0, a.shape)
    else:
        a = a * 0.93 + 8.0  # paper is not quite white, ink not quite black
        a += rng.normal(0.0, 2.5, a.shape)  # sensor noise
    specks = rng.random(a.shape[:2]) < 0.0002  # dust
    a[specks] = rng.uniform(40, 140, (int(specks.sum()),) + a.shape[2:])
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB" if colour else "L")
    turn = art.get("turn", {}).get(index + 1, 0)
    return out.rotate(-turn, expand=True) if turn else out


def _stamp(img: Image.Image, centre: tuple[float, float], rgb: tuple[int, int, int], dpi: int,
           rng: np.random.Generator) -> Image.Image:
    """A round office stamp: ring, star and a line of text, multiplied onto the page (the ink
    darkens what it covers; black text under it stays black), slightly uneven."""
    from PIL import ImageDraw, ImageFont

    r = int(0.8 * dpi)  # a 4 cm stamp
    size = 2 * r + 8
    mask = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(mask)
    c = size / 2
    d.ellipse((4, 4, size - 4, size - 4), outline=255, width=max(3, dpi // 35))
    star = [(c + 0.28 * r * np.cos(np.pi / 2 + k * 4 * np.pi / 5), c - 0.28 * r * np.sin(np.pi / 2 + k * 4 * np.pi / 5))
            for k in range(5)]
    d.polygon(star, fill=255)
    try:
        font = ImageFont.truetype("NotoSansCJK-Regular.ttc", int(0.2 * r), index=2)
        d.text((c, c + 0.5 * r), "财务专用章", fill=255, font=font, anchor="mm")
    except OSError:  # no CJK font: the ring and the star are stamp enough
        pass
    m = np.asarray(mask, dtype=np.float32) / 255.0
    m *= rng.uniform(0.75, 0.95, m.shape)  # uneven ink
    x0, y0 = int(centre[0] - c), int(centre[1] - c)
    page = np.asarray(img, dtype=np.float32).copy()
    H, W = page.shape[:2]
    a0, b0 = max(0, x0), max(0, y0)
    a1, b1 = min(W, x0 + size), min(H, y0 + size)
    if a1 <= a0 or b1 <= b0:
        return img
    mm = m[b0 - y0:b1 - y0, a0 - x0:a1 - x0, None]
    ink = np.array(rgb, dtype=np.float32)[None, None, :] / 255.0
    region = page[b0:b1, a0:a1, :]
    page[b0:b1, a0:a1, :] = region * (1.0 - mm + mm * ink)
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8), "RGB")


def _form_pages(src: Path) -> dict[int, list[tuple[float, float]]]:
    """1-based pages of the form (自评表), each with where a stamp goes: over the first large
    figure on the page; and the last page, beside its last line (the signature)."""
    import pdfplumber

    out: dict[int, list[tuple[float, float]]] = {}
    with pdfplumber.open(str(src)) as pdf:
        n = len(pdf.pages)
        for i, page in enumerate(pdf.pages, start=1):
            text = page.extract_text() or ""
            if FORM_TITLE.search(text):
                words = page.extract_words()
                fig = next((w for w in words if FIGURE.match(w["text"])), None)
                if fig is not None:
                    out[i] = [((fig["x0"] + fig["x1"]) / 2 + 20, (fig["top"] + fig["bottom"]) / 2)]
                else:
                    out[i] = [(page.width * 0.6, page.height * 0.3)]
        if n not in out:
            last = pdf.pages[-1].extract_words()
            if last:
                w = last[-1]
                out.setdefault(n, []).append((min(w["x1"] + 40, float(pdf.pages[-1].width) - 60), w["top"]))
    return out


def make_scan(name: str, dpi: int = DPI, quality: int = QUALITY) -> Path:
    src = HERE / f"{name}.pdf"
    out = HERE / f"{name}.scan.pdf"
    art = ARTEFACTS.get(name, {})
    dpi = art.get("dpi", dpi)
    seed = sum(map(ord, name))  # fixed per sample
    rng = np.random.default_rng(seed)
    stamps = _form_pages(src) if art.get("stamp") or art.get("mixed") else {}
    wanted = set(stamps) if art.get("mixed") else None
    pdf = pdfium.PdfDocument(str(src))
    pages = []
    try:
        for i in range(len(pdf)):
            if wanted is not None and i + 1 not in wanted:
                pages.append(None)
                continue
            pg = pdf[i]
            pages.append(scan_page(pg, rng, i, dpi, art, stamps.get(i + 1, []) if art.get("stamp") else []))
            pg.close()
    finally:
        pdf.close()
    data = _mixed(src, pages, dpi, quality) if wanted is not None else _image_pdf(pages, dpi, quality)
    data = _fixed_dates(data)
    if len(data) > MAX_BYTES:
        print(f"warning: {out.name} is {len(data) / 1e6:.1f} MB", file=sys.stderr)
    out.write_bytes(data)
    return out


def _image_pdf(pages: list[Image.Image], dpi: int, quality: int) -> bytes:
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi),
                  quality=quality, optimize=True)  # each page goes in as a JPEG (DCTDecode)
    return buf.getvalue()


def _mixed(src: Path, pages: list[Image.Image | None], dpi: int, quality: int) -> bytes:
    """The text PDF with the scanned pages put in place of their originals."""
    from pypdf import PdfReader, PdfWriter

    text = PdfReader(str(src))
    w = PdfWriter()
    for i, img in enumerate(pages):
        if img is None:
            w.add_page(text.pages[i])
        else:
            w.add_page(PdfReader(io.BytesIO(_image_pdf([img], dpi, quality))).pages[0])
    w.add_metadata({"/Producer": "pecheck make_scans", "/CreationDate": "D:20240101000000Z"})
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


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
