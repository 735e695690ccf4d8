"""Tables on a page image from its ruling lines: a morphological opening with long horizontal and
vertical kernels gives two line masks; each connected grid with at least two lines each way is a
table, and its cells are the holes of the grid, snapped to the line centres."""

from __future__ import annotations

from checker.read.ocr.engine import modules

# -- ruling lines and cells ---------------------------------------------------------------------

def find_tables(gray):
    """Tables from ruling lines: [(bbox, [cell boxes])] in pixels, and the line mask (or None)."""
    cv2, np, _ = modules()
    h, w = gray.shape
    bw = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 20)
    # kernel lengths in physical terms, the same on a landscape page as on a portrait one: a vertical
    # kernel as short as 1/60 of a landscape page's height passes the upright strokes of small table
    # text (小, 中, 补) as ruling lines, and the cells cut through them lose those characters
    short, long = min(h, w), max(h, w)
    klen_h = max(30, short // 30)
    klen_v = max(20, long // 60)
    horiz = cv2.morphologyEx(bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (klen_h, 1)))
    vert = cv2.morphologyEx(bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, klen_v)))
    # bridge the small breaks a scan leaves in a line, and make crossings meet
    horiz = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 3)))
    vert = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 7)))
    grid = cv2.bitwise_or(horiz, vert)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
    tables = []
    used = np.zeros_like(grid)
    for i in range(1, n):
        x, y, bw_, bh, area = stats[i]
        if bw_ < 60 or bh < 25:
            continue
        comp = (labels[y:y + bh, x:x + bw_] == i).astype(np.uint8) * 255
        hs = _line_positions(cv2.bitwise_and(horiz[y:y + bh, x:x + bw_], comp), axis=0, min_len=bw_ * 0.15)
        vs = _line_positions(cv2.bitwise_and(vert[y:y + bh, x:x + bw_], comp), axis=1, min_len=bh * 0.15)
        if len(hs) < 2 or len(vs) < 2:
            continue
        cells = _cells(comp, hs, vs)
        if len(cells) < 2:
            continue  # a framed box, not a table (as the text-PDF reader decides)
        fx, fy = float(x), float(y)
        cells = [(cx0 + fx, cy0 + fy, cx1 + fx, cy1 + fy) for cx0, cy0, cx1, cy1 in cells]
        tables.append(((fx + vs[0], fy + hs[0], fx + vs[-1], fy + hs[-1]), cells))
        used[y:y + bh, x:x + bw_] |= comp
    tables.sort(key=lambda t: t[0][1])
    return tables, (used if tables else None)


def _line_positions(mask, axis: int, min_len: float) -> list[float]:
    """Centres of the ruling lines in a mask (axis 0: horizontal lines → y; 1: vertical → x)."""
    _, np, _ = modules()
    prof = (mask > 0).sum(axis=1 - axis)  # run length per row (axis 0) or column (axis 1)
    on = prof >= min_len
    out: list[float] = []
    i = 0
    while i < len(on):
        if on[i]:
            j = i
            while j + 1 < len(on) and on[j + 1]:
                j += 1
            seg = prof[i:j + 1]
            out.append(float(i + (seg * np.arange(len(seg))).sum() / max(seg.sum(), 1)))
            i = j + 1
        else:
            i += 1
    return out


def _cells(comp, hs: list[float], vs: list[float]) -> list[tuple[float, float, float, float]]:
    """The holes of a grid, snapped to the line centres so that neighbouring cells share edges."""
    cv2, np, _ = modules()
    holes = cv2.bitwise_not(comp)
    n, _, stats, _ = cv2.connectedComponentsWithStats(holes, connectivity=4)
    H, W = comp.shape
    out = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if x == 0 or y == 0 or x + w >= W or y + h >= H:
            continue  # outside the table (touches the frame)
        if w < 6 or h < 6:
            continue  # a sliver between double lines
        x0, x1 = _snap(float(x - 1), vs), _snap(float(x + w), vs)
        y0, y1 = _snap(float(y - 1), hs), _snap(float(y + h), hs)
        if x1 - x0 < 4 or y1 - y0 < 4:
            continue
        out.append((x0, y0, x1, y1))
    return out


def _snap(v: float, axis: list[float], tol: float = 8.0) -> float:
    best = min(axis, key=lambda a: abs(a - v))
    return float(best) if abs(best - v) <= tol else float(v)
