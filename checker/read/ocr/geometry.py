"""Page geometry: quarter turns (a page fed sideways or upside down) and deskew (up to ±10°).

Deskew: the angle whose horizontal projection profile is sharpest (text rows and ruling lines
alike), found coarse to fine so that a ±10° search costs little more than a ±3° one.

Quarter turns: a page turned by 90° has its text lines standing up, so the text detector's boxes
are tall rather than wide; the page is turned and detected again. Whether the (now level) lines
are upright or upside down, rapidocr's text-direction classifier decides on a handful of line
crops (recognise._upside_down, ~10 ms); the page is then turned by 180° with its boxes. Both are
settled before the page is recognised, so a turned page is recognised once, like an upright one.
"""

from __future__ import annotations

import math

from checker.read.ocr.engine import modules

SKEW_LIMIT = 10.0  # degrees: the deskew search range, either way


def skew_angle(gray, limit: float = SKEW_LIMIT) -> float:
    """The rotation (degrees, counter-clockwise as cv2 counts it) that makes text rows and ruling
    lines horizontal."""
    cv2, np, _ = modules()
    h, w = gray.shape
    f = min(1.0, 800 / max(h, w))
    small = cv2.resize(gray, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    bw = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    if cv2.countNonZero(bw) < 50:
        return 0.0
    bwf = bw.astype(np.float32) / 255
    half = cv2.resize(bwf, (max(1, bwf.shape[1] // 2), max(1, bwf.shape[0] // 2)), interpolation=cv2.INTER_AREA)

    def sharpness(img, a: float) -> float:
        sh, sw = img.shape
        m = cv2.getRotationMatrix2D((sw / 2, sh / 2), a, 1.0)
        r = cv2.warpAffine(img, m, (sw, sh), flags=cv2.INTER_LINEAR, borderValue=0)
        prof = r.sum(axis=1)
        return float(np.square(np.diff(prof)).sum())

    coarse = max(np.arange(-limit, limit + 1e-9, 0.5), key=lambda a: sharpness(half, a))
    best = max(np.arange(coarse - 0.5, coarse + 0.5 + 1e-9, 0.25), key=lambda a: sharpness(bwf, a))
    best = max(np.arange(best - 0.2, best + 0.2 + 1e-9, 0.05), key=lambda a: sharpness(bwf, a))
    return round(float(best), 2)


def rotate(gray, angle: float):
    cv2, _, _ = modules()
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=255)


def turn(gray, degrees: int):
    """The page turned clockwise by a multiple of 90°."""
    _, np, _ = modules()
    k = (degrees // 90) % 4
    return np.ascontiguousarray(np.rot90(gray, -k)) if k else gray


def sideways(boxes) -> bool:
    """Text detector boxes of a page whose lines stand up: tall boxes outweigh wide ones."""
    tall = wide = 0.0
    for x0, y0, x1, y1 in boxes:
        w, h = x1 - x0, y1 - y0
        if h > 2 * w:
            tall += w * h
        elif w > 2 * h:
            wide += w * h
    return tall > 2 * wide and tall > 0


def flip_boxes(boxes, shape):
    """Boxes on a page turned by 180° (pixels)."""
    h, w = shape[:2]
    return [(w - x1, h - y1, w - x0, h - y0) for x0, y0, x1, y1 in boxes]


def to_page(box, rotation: int, skew: float, size: tuple[float, float]) -> tuple[float, float, float, float]:
    """A box on the upright, deskewed page (x0, top, x1, bottom; any unit, `size` = that page's
    width and height in it) → the box around the same place on the page as it is in the file,
    before the quarter turn and the deskew were applied. What a reader of the original PDF sees:
    evidence crops, highlights and re-read crops are placed with it. Pure arithmetic (no OpenCV).

    The reader turned the page clockwise by `rotation`, then rotated it by `skew` degrees about
    its centre as cv2.getRotationMatrix2D counts it (counter-clockwise on screen), keeping the
    size; both are undone here, corner by corner, and the corners' bounding box returned."""
    w, h = size
    x0, y0, x1, y1 = box
    corners = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)]
    if abs(skew) >= 0.05:  # the inverse of cv2's rotation about the centre: the same by -skew
        a = math.radians(-skew)
        ca, sa = math.cos(a), math.sin(a)
        cx, cy = w / 2, h / 2
        corners = [(ca * (x - cx) + sa * (y - cy) + cx, -sa * (x - cx) + ca * (y - cy) + cy) for x, y in corners]
    k = (rotation // 90) % 4
    if k == 1:  # turned clockwise: the original's (x, y) went to (H0 - y, x), with H0 = w
        corners = [(y, w - x) for x, y in corners]
    elif k == 2:
        corners = [(w - x, h - y) for x, y in corners]
    elif k == 3:  # (x, y) went to (y, W0 - x), with W0 = h
        corners = [(h - y, x) for x, y in corners]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return (min(xs), min(ys), max(xs), max(ys))


def page_size(rotation: int, size: tuple[float, float]) -> tuple[float, float]:
    """The page's size in the file, from its upright size."""
    return (size[1], size[0]) if (rotation // 90) % 2 else size
