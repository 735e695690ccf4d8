"""A scanned page as the recogniser should see it: rendered in colour, stamp ink dropped, the
paper made white.

Stamps (公章) are red or blue; the text is black or grey. In any channel a black stroke stays
dark, while red ink is bright in the red channel and blue ink in the blue one, so a page taken as
the brightest of its three channels has lost its stamp and kept its text, including the text the
stamp covers (where both inks meet, the pixel is dark in every channel). Strongly coloured pixels
are then set to paper white, which also removes the stamp's faint ring. A grey or fax-like paper
is divided by its own background (the page after a large closing, i.e. with the text removed), so
the text stands on white and a fixed binarisation threshold works again.
"""

from __future__ import annotations

from checker.read.ocr.engine import modules

MAX_PIXELS = 40_000_000  # a poster-sized page is drawn at a lower resolution rather than fill memory
INK_SATURATION = 60  # max - min channel: above this a pixel is coloured ink (stamp), not grey text
TINT = 15  # above this (max - min channel) a pixel is taken as stamp ink blended with paper or
#           blurred (a 120 dpi scan): grey text has nearly equal channels
GREY_PAPER = 225  # the paper's level (its bright percentile) below which the background is flattened


def render(page, dpi: int):
    """A pypdfium2 page as a 2-D uint8 grayscale array, stamps dropped and paper flattened
    (callers scale coordinates by the array's shape)."""
    w, h = page.get_size()
    scale = dpi / 72
    if w * h * scale * scale > MAX_PIXELS:
        scale = (MAX_PIXELS / max(w * h, 1.0)) ** 0.5
    a = page.render(scale=scale, grayscale=False).to_numpy()
    return clean(a)


def clean(a):
    """An rendered page (gray, BGR or BGRA array) → grayscale without coloured ink, on white."""
    cv2, np, _ = modules()
    if a.ndim == 3 and a.shape[2] >= 3:
        a = drop_colour(a[..., :3])
    elif a.ndim == 3:
        a = a[..., 0]
    return flatten_paper(np.ascontiguousarray(a))


def drop_colour(bgr):
    """Grayscale in which coloured ink is paper: each coloured pixel takes its brightest channel,
    scaled so that the ink's own level in that channel becomes white. Black or grey under the
    ink stays dark in every channel, so text and ruling lines under a stamp survive."""
    cv2, np, _ = modules()
    bgr = np.ascontiguousarray(bgr)
    gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    b, g, r = cv2.split(bgr)  # OpenCV's per-channel max/min: ~10× numpy's reduce over the last axis
    mx = cv2.max(cv2.max(b, g), r)
    sat = cv2.subtract(mx, cv2.min(cv2.min(b, g), r))
    ink = sat > INK_SATURATION
    if cv2.countNonZero(ink.view(np.uint8)) < 50:  # no coloured ink: the ordinary luminance
        return gray
    level = max(float(np.median(mx[ink])), 64.0)  # the ink's brightest channel, as the paper
    # lifted to the paper's own level, not to white: on grey paper a white stamp shape would make
    # the paper around it look dark once flatten_paper divides by the (then white) background
    paper = float(np.percentile(cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA), 90))
    tinted = (sat > TINT).view(np.uint8)
    lifted = cv2.min(cv2.convertScaleAbs(mx, alpha=paper / level), paper)
    cv2.copyTo(cv2.max(gray, lifted), tinted, gray)
    return gray


def flatten_paper(gray):
    """Divide a grey or uneven paper by its background; a white page is returned as it is."""
    cv2, np, _ = modules()
    h, w = gray.shape
    f = min(1.0, 600 / max(h, w))
    small = cv2.resize(gray, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    paper = float(np.percentile(small, 90))
    if paper >= GREY_PAPER:
        return gray
    k = max(3, int(15 * f * 2) | 1)
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    bg = cv2.GaussianBlur(bg, (0, 0), 3)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    out = gray.astype(np.float32) / np.maximum(bg, 1.0) * 255.0
    return np.clip(out, 0, 255).astype(np.uint8)
