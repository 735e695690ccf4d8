"""Verification reads: a piece of a scanned page read again, differently.

A finding that rests on an OCR'd figure or name is checked before it is reported: the pieces it
quotes are read again from the page rendered at twice the resolution, once as rendered and once
binarised (Otsu), and the recogniser's runner-up readings of each are added. When all of them
agree with the first reading, the reading stands; when they do not, the finding cannot rest on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.read.ocr.engine import get_engine, modules
from checker.read.ocr.geometry import rotate, turn
from checker.read.ocr.image import render

REREAD_DPI = 300  # twice the first reading's resolution
PAD_X = 0.25  # crop margins, × the piece's height
PAD_Y = 0.2


INK_LEVEL = 200  # a pixel darker than this is ink (on white paper after image.clean; a thin or faded
#                  stroke drawn at twice its scan resolution is blurred to a light grey)


@dataclass
class Reread:
    texts: list[str] = field(default_factory=list)  # distinct readings, each variant's best first
    ink: float = 0.0  # the largest mark inside the box (away from its edges), points: is anything there?


def reread(path, page: int, size: tuple[float, float], rotation: int, skew: float,
           boxes: list[tuple[float, float, float, float]]) -> list[Reread]:
    """Read each box again (PDF points on the upright page `page`, of upright `size`)."""
    if not boxes:
        return []
    cv2, np, _ = modules()
    import pypdfium2 as pdfium

    engine = get_engine()
    pdf = pdfium.PdfDocument(str(Path(path)))
    try:
        pg = pdf[page - 1]
        try:
            gray = render(pg, REREAD_DPI)
        finally:
            pg.close()
    finally:
        pdf.close()
    gray = turn(gray, rotation)
    if abs(skew) >= 0.05:
        gray = rotate(gray, skew)
    H, W = gray.shape
    fx, fy = W / max(size[0], 1.0), H / max(size[1], 1.0)
    crops = []
    inks = []
    for x0, y0, x1, y1 in boxes:
        inner = gray[max(0, int(y0 * fy + 0.15 * (y1 - y0) * fy)):max(0, int(y1 * fy - 0.15 * (y1 - y0) * fy)),
                     max(0, int(x0 * fx + 0.1 * (x1 - x0) * fx)):max(0, int(x1 * fx - 0.1 * (x1 - x0) * fx))]
        inks.append(_ink(inner) / fx)
        h = (y1 - y0) * fy
        a0 = max(0, int(x0 * fx - PAD_X * h))
        a1 = min(W, int(np.ceil(x1 * fx + PAD_X * h)))
        b0 = max(0, int(y0 * fy - PAD_Y * h))
        b1 = min(H, int(np.ceil(y1 * fy + PAD_Y * h)))
        crop = gray[b0:b1, a0:a1]
        if crop.shape[0] < 4 or crop.shape[1] < 4:
            crops.append((None, None))
            continue
        bw = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]
        crops.append((crop, bw))
    flat = [c for pair in crops for c in pair if c is not None]
    probs = engine.map(engine.probs, flat) if flat else []
    out: list[Reread] = []
    k = 0
    for pair, ink in zip(crops, inks):
        texts: list[str] = []
        for c in pair:
            if c is None:
                continue
            p = probs[k]
            k += 1
            for t in [engine.decode(p)[0], *engine.candidates(p)]:
                t = t.strip()
                if t and t not in texts:
                    texts.append(t)
        out.append(Reread(texts=texts, ink=ink))
    return out


def _ink(img) -> float:
    """The extent (px, the longer side) of the largest dark mark in an image: 0 for white paper,
    a few px for dust, a glyph's height for a stroke the recogniser missed ("/", "—")."""
    cv2, np, _ = modules()
    if img.size == 0:
        return 0.0
    bw = cv2.dilate((img < INK_LEVEL).astype(np.uint8), np.ones((3, 3), np.uint8))  # join a faded stroke
    n, _, stats, _ = cv2.connectedComponentsWithStats(bw, connectivity=8)
    if n <= 1:
        return 0.0
    return float(max(max(int(st[2]), int(st[3])) for st in stats[1:]))
