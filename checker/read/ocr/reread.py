"""Verification reads: a piece of a scanned page read again, differently.

A finding that rests on an OCR'd figure or name is checked before it is reported: the pieces it
quotes are read again from the page rendered at twice the resolution (only each piece's region
is drawn), once as rendered and once binarised (Otsu), and the recogniser's runner-up readings of each are added. When all of them
agree with the first reading, the reading stands; when they do not, the finding cannot rest on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.read.ocr.engine import get_engine, modules
from checker.read.ocr.geometry import rotate, to_page, turn
from checker.read.ocr.image import clean
from checker.record import ValueRecord

REREAD_DPI = 300  # twice the first reading's resolution
PAD_X = 0.25  # crop margins, × the piece's height
PAD_Y = 0.2


INK_LEVEL = 200  # a pixel darker than this is ink (on white paper after image.clean; a thin or faded
#                  stroke drawn at twice its scan resolution is blurred to a light grey)


@dataclass(repr=False, eq=False)
class Reread(ValueRecord):
    texts: list[str] = field(default_factory=list)  # distinct readings, each variant's best first
    ink: float = 0.0  # the largest mark inside the box (away from its edges), points: is anything there?


def reread(path, page: int, size: tuple[float, float], rotation: int, skew: float,
           boxes: list[tuple[float, float, float, float]]) -> list[Reread]:
    """Read each box again (PDF points on the upright page `page`, of upright `size`)."""
    if not boxes:
        return []
    cv2, _, _ = modules()
    import pypdfium2 as pdfium

    engine = get_engine()
    pdf = pdfium.PdfDocument(str(Path(path)))
    try:
        pg = pdf[page - 1]
        try:
            pieces = [_piece(pg, b, rotation, skew, size) for b in boxes]
        finally:
            pg.close()
    finally:
        pdf.close()
    crops = []
    inks = []
    for got in pieces:
        if got is None:
            crops.append((None, None))
            inks.append(0.0)
            continue
        crop, inner = got
        inks.append(_ink(inner) / F)
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


F = REREAD_DPI / 72  # pixels per point in a re-read


def _piece(pg, box, rotation: int, skew: float, size: tuple[float, float]):
    """(the piece with its margins, the inside of the box) as upright grayscale images at
    REREAD_DPI, or None. Only the piece's own region of the file is drawn (a whole page at 300 dpi
    costs ~0.8 s to draw and clean, a piece a few ms): the region around where the upright box lies
    in the file (geometry.to_page), then turned and deskewed about its centre, which is the box's
    centre in both frames, and cut to the box."""
    cv2, np, _ = modules()
    x0, y0, x1, y1 = box
    h = y1 - y0
    want = (x0 - PAD_X * h, y0 - PAD_Y * h, x1 + PAD_X * h, y1 + PAD_Y * h)
    W, H = pg.get_size()
    L, T, R, B = to_page(want, rotation, skew, size)
    L, T, R, B = L - 2, T - 2, R + 2, B + 2  # the rotation's interpolation needs a rim
    cl, ct, cr, cb = max(L, 0.0), max(T, 0.0), min(R, W), min(B, H)
    if cr - cl < 1 or cb - ct < 1:
        return None
    img = clean(pg.render(scale=F, crop=(cl, H - cb, W - cr, ct), grayscale=False).to_numpy())
    # a region over the page's edge: paper beyond it, so that the box's centre stays the centre
    img = cv2.copyMakeBorder(img, round((ct - T) * F), round((B - cb) * F), round((cl - L) * F),
                             round((R - cr) * F), cv2.BORDER_CONSTANT, value=255)
    img = turn(img, rotation)
    if abs(skew) >= 0.05:
        img = rotate(img, skew)
    ih, iw = img.shape
    cx, cy = iw / 2, ih / 2

    def cut(bw: float, bh: float):
        return img[max(0, int(cy - bh / 2)):min(ih, int(np.ceil(cy + bh / 2))),
                   max(0, int(cx - bw / 2)):min(iw, int(np.ceil(cx + bw / 2)))]

    crop = cut((want[2] - want[0]) * F, (want[3] - want[1]) * F)
    if crop.shape[0] < 4 or crop.shape[1] < 4:
        return None
    inner = cut(0.8 * (x1 - x0) * F, 0.7 * h * F)
    return crop, inner


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
