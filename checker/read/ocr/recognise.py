"""One page image → text lines and tables (PDF points, origin top-left of the upright page).

Per page:
1. deskew (up to ±10°), then the text detector (DB) on the whole page; a page whose text lines
   stand up is turned by 90° and detected again (geometry.py); a page upside down is told from an
   upright one by the text-direction classifier on a few line crops and turned by 180° with its
   boxes: the quarter turn is settled before anything is recognised, so a page is read once;
2. ruling lines → tables and cells (grid.py);
3. a detected box is assigned to the cell holding its centre, or split at cell borders when it
   runs over several cells; the recogniser reads each piece from an image with the ruling lines
   erased; short numbers in cells (and cell words read with low confidence) are read a second
   time from the tight crop, which also restores a ≥/≤ the recogniser took for a digit ("295%");
   a cell that reads empty but holds ink is read from the ink's own box (a lone figure or dash
   the detector missed);
4. light post-correction inside numeric tokens (O→0, l/I→1 between digits, 。→. between digits,
   a decimal comma in a numeric cell, thousands separators read as points), a lone 0 or dash in a
   cell, and page numbers whose dashes were half read (so the running-line filter drops them);
5. every kept piece is also returned as an OcrWord (box, reading, confidences), so that a finding
   resting on it can be verified later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from checker.model import OcrWord
from checker.read.layout import Line, chars_to_lines
from checker.read.ocr.engine import get_engine, modules
from checker.read.ocr.geometry import flip_boxes, rotate, sideways, skew_angle, turn
from checker.read.ocr.grid import find_tables
from checker.record import ValueRecord

DPI = 150  # render resolution: CJK body text ~33 px high, small table text ~23 px
DET_SIDE = 1152  # the detector's input, longest side in px (the recogniser reads full-resolution crops)
REC_VPAD = 0.2  # crop margin above and below a detected box, × box height (context for the recogniser;
#                 also a narrower input once scaled to its 48 px: less to compute)
REC_HPAD = 0.2  # crop margin left and right, × box height (edge characters, dashes)
MIN_SCORE = 0.5  # recognised pieces below this are noise (dust, stray marks), as in rapidocr
_SIZE_OF_HEIGHT = 0.95  # font size (pt) per detected box height (pt): a DB box is about one em high
CLS_CROPS = 8  # line crops given to the text-direction classifier (~10 ms for all of them)
CLS_TURN = 0.7  # their mean probability of "upside down" at or above this: the page is turned by 180°
CLS_KEEP = 0.3  # at or below this: the page stays; in between, the recogniser reads a few lines both ways
CLS_SURE = 0.95  # a page with one line of text (a date, a signature line): the classifier must be this sure
UPSIDE_DOWN_MARGIN = 0.15  # turned lines must read this much more confidently to turn the page


@dataclass(repr=False, eq=False)
class OcrTable(ValueRecord):
    bbox: tuple[float, float, float, float]
    cells: list[tuple[float, float, float, float]]
    lines: dict[int, list[Line]] = field(default_factory=dict)


@dataclass(repr=False, eq=False)
class OcrPage(ValueRecord):
    lines: list[Line]  # outside tables
    tables: list[OcrTable]
    confidence: float  # mean recognition score, character-weighted (1.0 for a blank page)
    angle: float  # the deskew rotation applied, degrees
    n_boxes: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    rotation: int = 0  # quarter turns applied before deskewing, degrees clockwise
    width: float = 0.0  # the upright page, points
    height: float = 0.0
    words: list[OcrWord] = field(default_factory=list)


def read_image(gray, engine=None, scale: tuple[float, float] = (72 / DPI, 72 / DPI), orient: bool = True) -> OcrPage:
    """OCR one grayscale page image (stamps already dropped, see image.py); coordinates in the
    result are pixel × scale (PDF points) on the upright page. `orient=False` skips the quarter-turn
    tests (bench/bench_ocr.py measures what they cost).

    The page's quarter turn is settled before it is recognised, so every page is recognised once:
    the detector's boxes tell a page fed sideways (90°/270°) from one upright or upside down, and
    the text-direction classifier on a few line crops tells upright from upside down."""
    engine = engine or get_engine()
    clock = _Clock()
    rotation = 0
    angle = skew_angle(gray)
    upright = rotate(gray, angle) if abs(angle) >= 0.05 else gray
    clock("deskew")
    boxes = detect(upright, engine)
    clock("det")
    if orient and sideways(boxes):
        rotation, scale = 90, (scale[1], scale[0])
        gray = turn(gray, 90)
        angle = skew_angle(gray)
        upright = rotate(gray, angle) if abs(angle) >= 0.05 else gray
        boxes = detect(upright, engine)
        clock("orientation")
    if orient and _upside_down(upright, boxes, engine):
        # turning by 180° commutes with the deskew rotation about the centre: the boxes are the
        # detector's, flipped (no second detection)
        rotation = (rotation + 180) % 360
        upright = turn(upright, 180)
        boxes = flip_boxes(boxes, upright.shape)
    clock("orientation")
    res = _read_upright(upright, boxes, engine, scale, clock)
    res.angle, res.rotation = angle, rotation
    res.timings = clock.done()
    return res


def _line_crops(upright, boxes, n: int = CLS_CROPS, aspect: float = 4.0):
    """Up to `n` crops of text lines for the direction tests, about `aspect` times as wide as high
    (the classifier's input is 192 × 48): the widest lines first, one piece of each line per round."""
    _, np, _ = modules()
    lines = sorted((b for b in boxes if b[2] - b[0] > 2 * (b[3] - b[1])), key=lambda b: b[0] - b[2])
    H, W = upright.shape[:2]
    out = []
    for part in range(4):
        for x0, y0, x1, y1 in lines:
            h = y1 - y0
            pad = 0.15 * h
            width = aspect * (h + 2 * pad)
            a0 = x0 + part * width
            if a0 + min(width, h) > x1 or len(out) >= n:
                continue
            crop = upright[max(0, int(y0 - pad)):min(H, int(np.ceil(y1 + pad))),
                           max(0, int(a0)):min(W, int(np.ceil(min(x1, a0 + width))))]
            if crop.size and crop.shape[1] > crop.shape[0]:
                out.append(crop)
        if len(out) >= n:
            break
    return out


def _upside_down(upright, boxes, engine) -> bool:
    """The page's text lines are upside down. The direction classifier decides when its mean over
    the line crops is clear either way (on the samples: ≤ 0.12 on every upright page, ≥ 0.91 on
    every page turned over); a page with a single line needs it sure. Otherwise (or without the
    classifier) the recogniser reads the crops both ways, and the page is turned when they read
    clearly better turned: a few short reads, never the page."""
    crops = _line_crops(upright, boxes)
    if not crops:
        return False
    probs = engine.upside_down(crops)
    if probs:
        p = sum(probs) / len(probs)
        turn_at, keep_at = (CLS_TURN, CLS_KEEP) if len(crops) >= 2 else (CLS_SURE, 1 - CLS_SURE)
        if p >= turn_at:
            return True
        if p <= keep_at:
            return False
    here = engine.read(crops)
    there = engine.read([turn(c, 180) for c in crops])
    a = sum(r[1] for r in here) / len(crops)
    b = sum(r[1] for r in there) / len(crops)
    return b > a + UPSIDE_DOWN_MARGIN


def _read_upright(gray, boxes, engine, scale, clock) -> OcrPage:
    cv2, np, _ = modules()
    grids, line_mask = find_tables(gray)
    clean = gray.copy()
    if line_mask is not None:
        clean[cv2.dilate(line_mask, np.ones((5, 5), np.uint8)) > 0] = 255
    clock("tables")
    pieces = _split_by_cells(boxes, grids)
    crops, origins = [], []
    for (x0, y0, x1, y1), lim in zip((p[0] for p in pieces), _crop_limits(pieces, grids, gray.shape)):
        h = y1 - y0
        cx0, cx1 = max(lim[0], x0 - REC_HPAD * h), min(lim[2], x1 + REC_HPAD * h)
        cy0, cy1 = max(lim[1], y0 - REC_VPAD * h), min(lim[3], y1 + REC_VPAD * h)
        crops.append(clean[int(cy0):int(np.ceil(cy1)), int(cx0):int(np.ceil(cx1))])
        origins.append((int(cx0), int(cy0)))
    got = engine.read_spans(crops) if crops else []
    texts = [r for r, _ in got]
    clock("rec")
    first = list(texts)
    _second_look(pieces, texts, clean, engine)
    _unread_ink(pieces, texts, first, [s for _, s in got], crops, origins, engine)
    for piece, text in _unread_cells(pieces, texts, grids, clean, engine):
        pieces.append(piece)
        texts.append(text)
    clock("second look")
    sx, sy = scale
    kept = []
    for ((x0, y0, x1, y1), where, h), (text, score, confs) in zip(pieces, texts):
        text = text.strip()
        if not text or score < MIN_SCORE:
            continue
        kept.append((x0 * sx, y0 * sy, x1 * sx, y1 * sy, h * sy, where, text, float(score), confs))
    sizes = _font_sizes([k[4] for k in kept], [k[5] is None for k in kept])
    numeric_cells = _numeric_cells(kept)
    outside: list[dict] = []
    in_cells: dict[tuple[int, int], list[dict]] = {}
    words: list[OcrWord] = []
    total = weight = 0.0
    page_h = gray.shape[0] * sy
    for (x0, y0, x1, y1, _, where, raw, score, confs), size in zip(kept, sizes):
        text = fix_numeric(raw, numeric=where is not None and where in numeric_cells)
        if where is not None:  # a cell holding just a dash or a zero
            text = _ZERO_CELL.sub("0", _DASH_CELL.sub("—", text))
        elif y1 > 0.85 * page_h or y0 < 0.15 * page_h:  # the running-line bands of pdf.py, for a scan
            text = page_number(text)
        cy = (y0 + y1) / 2
        ch = {"x0": x0, "x1": x1, "top": cy - size / 2, "bottom": cy + size / 2, "text": text, "size": size}
        (outside if where is None else in_cells.setdefault(where, [])).append(ch)
        words.append(OcrWord(bbox=(x0, y0, x1, y1), text=text, raw=raw, confidence=round(score, 4),
                             weakest=min(confs, default=0.0), chars=confs, in_table=where is not None))
        n = max(len(text), 1)
        total += score * n
        weight += n
    tables = []
    for ti, (bbox, cells) in enumerate(grids):
        t = OcrTable(bbox=_scaled(bbox, sx, sy), cells=[_scaled(c, sx, sy) for c in cells])
        for (tj, ci), chars in in_cells.items():
            if tj == ti:
                t.lines[ci] = chars_to_lines(chars)
        tables.append(t)
    return OcrPage(lines=chars_to_lines(outside), tables=tables, confidence=total / weight if weight else 1.0,
                   angle=0.0, n_boxes=len(kept), width=gray.shape[1] * sx, height=page_h, words=words)


class _Clock:
    def __init__(self):
        import time

        self._now = time.perf_counter
        self.t = self._now()
        self.laps: dict[str, float] = {}

    def __call__(self, name: str) -> None:
        t = self._now()
        self.laps[name] = self.laps.get(name, 0.0) + t - self.t
        self.t = t

    def done(self) -> dict[str, float]:
        self("layout")
        return self.laps


def _scaled(b, sx, sy):
    return (b[0] * sx, b[1] * sy, b[2] * sx, b[3] * sy)


# -- detection, assignment to cells, recognition ------------------------------------------------

def detect(gray, engine) -> list[tuple[float, float, float, float]]:
    """Text boxes (axis-aligned, pixels) from the DB detector."""
    cv2, np, _ = modules()
    h, w = gray.shape
    f = min(1.0, DET_SIDE / max(h, w))
    small = cv2.resize(gray, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA) if f < 1 else gray
    boxes, _ = engine.text_det(cv2.cvtColor(small, cv2.COLOR_GRAY2BGR))
    if boxes is None or len(boxes) == 0:
        return []
    out = []
    for b in np.asarray(boxes, dtype=np.float64) / f:
        xs, ys = b[:, 0], b[:, 1]
        out.append((float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())))
    return out


def _split_by_cells(boxes, grids):
    """[(piece box, (table, cell) or None, original box height)]: a box goes to the cell that holds
    its centre; a box that runs over several cells of a row is cut at the cell borders."""
    out = []
    for box in boxes:
        x0, y0, x1, y1 = box
        h = y1 - y0
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        placed = False
        for ti, (tb, cells) in enumerate(grids):
            if not (tb[0] - 2 <= cx <= tb[2] + 2 and tb[1] - 2 <= cy <= tb[3] + 2):
                continue
            row = [(ci, c) for ci, c in enumerate(cells)
                   if c[1] <= cy <= c[3] and min(x1, c[2]) - max(x0, c[0]) > min(0.4 * h, 0.5 * (x1 - x0))]
            if not row:
                row = [(ci, c) for ci, c in enumerate(cells) if c[0] <= cx <= c[2] and c[1] <= cy <= c[3]]
            for ci, c in row:
                px0, px1 = max(x0, c[0] + 1), min(x1, c[2] - 1)
                py0, py1 = max(y0, c[1] + 1), min(y1, c[3] - 1)
                if px1 - px0 >= 3 and py1 - py0 >= 3:
                    out.append(((px0, py0, px1, py1), (ti, ci), h))
            placed = bool(row)
            break
        if not placed:
            out.append((box, None, h))
    return out


def _crop_limits(pieces, grids, shape):
    """How far each piece's crop may grow: its cell's interior (or the page), and not past the middle
    of the gap to the nearest piece above or below that overlaps it horizontally."""
    H, W = shape
    out = []
    for i, ((x0, y0, x1, y1), where, _) in enumerate(pieces):
        if where is None:
            lim = [0.0, 0.0, float(W), float(H)]
        else:
            c = grids[where[0]][1][where[1]]
            lim = [c[0] + 4, c[1] + 3, c[2] - 4, c[3] - 3]  # clear of the (blurred) ruling line
        for j, ((a0, b0, a1, b1), _, _) in enumerate(pieces):
            if j == i or min(x1, a1) - max(x0, a0) <= 0:
                continue
            if b1 <= y0:
                lim[1] = max(lim[1], (b1 + y0) / 2)
            elif b0 >= y1:
                lim[3] = min(lim[3], (y1 + b0) / 2)
        lim[1], lim[3] = min(lim[1], y0), max(lim[3], y1)
        lim[0], lim[2] = min(lim[0], x0), max(lim[2], x1)
        out.append(lim)
    return out


# Table cells holding short numbers get a second reading from the tight crop (no margin): the
# glyphs then fill more of the recogniser's 48 px, which keeps repeated digits ("000") and a lone
# "0" apart, and which reads comparators best. "≥95%" in a target cell is often read as "295%"
# (or "$5元" for "≤5元", or the sign is dropped); the tight crop's per-step probabilities decide:
# a true digit leaves ≥/≤ a probability of ~0.000, a comparator ≥ 0.04 even where the best path
# says "2".
_CMP_CANDIDATE = regex.compile(r"^[^\d\s]?\d")
_GE, _LE = "≥>＞", "≤<＜"
_CMP_MIN = 0.02
SECOND_LOOK_BELOW = 0.9  # a cell's words (not figures) read below this confidence get the second look


def _second_look(pieces, texts, clean, engine) -> None:
    cand = []
    for i, ((_, where, _), (t, score, _)) in enumerate(zip(pieces, texts)):
        t = t.strip()
        numeric = len(t) <= 16 and bool(_CMP_CANDIDATE.match(t))
        # words read with confidence are left alone: on the samples' tables no word read at
        # ≥ SECOND_LOOK_BELOW changed on a second look (which cost ~0.4 CPU s per table page)
        if where is not None and (numeric or score < SECOND_LOOK_BELOW):
            cand.append(i)
    if not cand:
        return
    chars = engine.chars
    ge = [chars.index(c) for c in _GE if c in chars]
    le = [chars.index(c) for c in _LE if c in chars]
    crops = []
    for i in cand:
        x0, y0, x1, y1 = pieces[i][0]
        crops.append(clean[int(y0):int(y1) + 1, int(x0):int(x1) + 1])
    for i, p in zip(cand, engine.map(engine.probs, crops)):
        t0, s0, _ = texts[i]
        t1, s1, m1 = engine.decode(p)
        if not t1:
            continue
        numeric = bool(_CMP_CANDIDATE.match(t1))
        if s1 > s0 or not t0.strip() or (numeric and s1 >= s0 - 0.15):
            texts[i] = (t1, s1, m1)  # digits: the tight reading unless it is much less sure
        if numeric or _CMP_CANDIDATE.match(t0.strip()):
            fixed = _comparator_text(p, chars, ge, le)
            if fixed is not None:
                # the sign was in doubt; the figures keep their own confidences
                sign = min(m1[:1] + texts[i][2][:1], default=0.0)
                rest = (m1[-(len(fixed) - 1):] if len(fixed) > 1 else ())
                texts[i] = (fixed, max(s1, texts[i][1]), (sign,) + tuple(rest) + (sign,) * (len(fixed) - 1 - len(rest)))


# A cell with nothing read in it but ink inside: the detector missed a lone figure or dash ("4",
# "5", "—" in a small cell), which a table needs (a weight, a score, "not applicable"). The ink is
# read on its own; only a figure or a dash read with confidence is kept, so stamp remnants and
# dust never become words.
UNREAD_INK = 6  # px at 150 dpi (~3 pt): the smallest mark that may be a glyph (a dash, a "1")
UNREAD_MIN_SCORE = 0.8
UNREAD_LEVEL = 200  # darker than this is ink (a faint dash of a 120 dpi scan is ~160 on white)
_CELL_FIGURE = regex.compile(r"^(?:[-—–一_－]{1,3}|[0-9][0-9.,%％]*|[0-9.,]*[0-9]%?)$")


def _unread_cells(pieces, texts, grids, clean, engine):
    """[(piece, reading)] for the cells that read empty but hold ink, read from the ink's box."""
    cv2, np, _ = modules()
    read = {p[1] for p, (t, s, _) in zip(pieces, texts) if p[1] is not None and t.strip() and s >= MIN_SCORE}
    todo = []
    for ti, (_, cells) in enumerate(grids):
        for ci, (x0, y0, x1, y1) in enumerate(cells):
            if (ti, ci) in read or x1 - x0 < 12 or y1 - y0 < 12:
                continue
            inner = clean[int(y0) + 4:int(y1) - 3, int(x0) + 5:int(x1) - 4]
            if inner.size == 0:
                continue
            bw = (inner < UNREAD_LEVEL).astype(np.uint8)
            n, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(bw, np.ones((3, 3), np.uint8)), connectivity=8)
            marks = [st for st in stats[1:] if max(st[2], st[3]) >= UNREAD_INK]
            if not marks:
                continue
            a0 = min(st[0] for st in marks)
            b0 = min(st[1] for st in marks)
            a1 = max(st[0] + st[2] for st in marks)
            b1 = max(st[1] + st[3] for st in marks)
            h = max(b1 - b0, 14)
            cy = (b0 + b1) / 2
            bx0, bx1 = int(x0) + 5 + a0, int(x0) + 5 + a1
            by0, by1 = int(y0) + 4 + cy - h / 2, int(y0) + 4 + cy + h / 2
            pad = 0.3 * h
            crop = clean[max(0, int(by0 - pad)):int(np.ceil(by1 + pad)), max(0, int(bx0 - pad)):int(np.ceil(bx1 + pad))]
            if crop.shape[0] >= 4 and crop.shape[1] >= 4:
                todo.append((((float(bx0), float(by0), float(bx1), float(by1)), (ti, ci), float(h)), crop))
    if not todo:
        return []
    out = []
    for (piece, _), got in zip(todo, engine.read([c for _, c in todo])):
        text, score, _ = got
        if score >= UNREAD_MIN_SCORE and _CELL_FIGURE.match(text.strip()):
            out.append((piece, got))
    return out


# Ink inside a piece that its reading leaves out: the recogniser emitted characters for part of
# the crop only, and glyph-sized marks on the same text row lie beyond them (a symbol or a small
# placeholder boxed by the detector with its line but dropped by the recogniser: "≥**人次" read
# as "人次" at 0.997). Over there the recogniser's own runner-up readings are taken, each with its
# probability (weak: verification treats a finding resting on them as uncertain); where it has no
# runner-up for the marks, nothing is added. On the samples' 83 scanned pages this fires once.
UNCOVERED_MARGIN = 0.7  # × the piece's height: ink this far beyond the first/last character's centre
UNCOVERED_RATIO = 0.25  # a character taken there must have ≥ this × the blank's probability (as Engine.candidates)


def _unread_ink(pieces, texts, first, spans, crops, origins, engine) -> None:
    """Cell pieces whose reading (unchanged by the second look) leaves glyph-sized ink on its own
    text row unread: their reading with the recogniser's runner-ups taken over that ink."""
    cv2, np, _ = modules()
    for i, ((box, where, _), (t, s, _), span, crop) in enumerate(zip(pieces, texts, spans, crops)):
        if where is None or span is None or texts[i] != first[i] or not t.strip() or s < MIN_SCORE:
            continue
        y0, y1 = box[1], box[3]
        h = y1 - y0
        oy = origins[i][1]
        bw = (crop < UNREAD_LEVEL).astype(np.uint8)
        _, _, stats, _ = cv2.connectedComponentsWithStats(bw, connectivity=8)
        lo, hi = span[0] - UNCOVERED_MARGIN * h, span[1] + UNCOVERED_MARGIN * h
        left = right = None
        for a, b, w, hgt, _ in stats[1:]:
            if max(w, hgt) < UNREAD_INK or min(a, b) <= 0 or b + hgt >= crop.shape[0] or a + w >= crop.shape[1]:
                continue  # dust; or a mark cut by the crop's edge: a neighbour's, a ruling line's remnant
            if not y0 <= oy + b + hgt / 2 <= y1:
                continue  # not on this text row
            if a + w / 2 < lo:
                left = min(left if left is not None else a, a)
            elif a + w / 2 > hi:
                right = max(right if right is not None else a + w, a + w)
        if left is None and right is None:
            continue
        # from the unread marks to the first (last) character read, exclusive
        where_x = [(left, span[0])] if left is not None else []
        where_x += [(span[1], right)] if right is not None else []
        fuller = _runner_ups(engine, crop, where_x)
        if fuller is not None and fuller[0] != t and fuller[1] >= MIN_SCORE:
            texts[i] = fuller


def _runner_ups(engine, crop, stretches):
    """The crop's reading with, at the steps inside `stretches` (crop x-ranges) where the blank
    won, the best character taken when it came within UNCOVERED_RATIO of the blank."""
    p = engine.probs(crop)
    per_step = engine.step_width(crop.shape, len(p))
    path = p.argmax(1).copy()
    for t in range(len(path)):
        x = (t + 0.5) * per_step
        if path[t] != 0 or not any(a <= x < b for a, b in stretches):
            continue
        c = int(p[t, 1:].argmax()) + 1
        if p[t, c] >= UNCOVERED_RATIO * p[t, 0]:
            path[t] = c
    keep = [t for t in range(len(path)) if path[t] != 0 and (t == 0 or path[t] != path[t - 1])]
    if not keep:
        return None
    confs = tuple(round(float(p[t, path[t]]), 4) for t in keep)
    return "".join(engine.chars[path[t]] for t in keep), sum(confs) / len(confs), confs


def _comparator_text(p, chars, ge, le) -> str | None:
    """The reading of one tight crop (probabilities T×C), with a leading comparator restored when
    the steps up to the first digit give ≥ or ≤ a fair probability; None when there is none."""
    best = p.argmax(1)
    segs: list[tuple[int, int, int]] = []  # (char index, first step, last step)
    for t, c in enumerate(best):
        if c == 0:
            continue
        if segs and segs[-1][0] == c and segs[-1][2] == t - 1:
            segs[-1] = (c, segs[-1][1], t)
        else:
            segs.append((int(c), t, t))
    text = "".join(chars[c] for c, _, _ in segs)
    first = next((j for j, (c, _, _) in enumerate(segs) if chars[c].isdigit()), None)
    if first is None or first > 1:
        return None
    upto = segs[first][2] + 1
    mass_ge = p[:upto, ge].sum(axis=1) if ge else p[:upto, :1] * 0
    mass_le = p[:upto, le].sum(axis=1) if le else p[:upto, :1] * 0
    if max(float(mass_ge.max()), float(mass_le.max())) < _CMP_MIN:
        return None
    mass, cmp = (mass_ge, "≥") if mass_ge.max() >= mass_le.max() else (mass_le, "≤")
    rest = text[first:]  # a symbol before the first digit ("$5元") is the comparator misread
    peak = int(mass.argmax())
    if first == 0 and segs[0][1] <= peak <= segs[0][2] and len(rest) > 1 and rest[1].isdigit():
        rest = rest[1:]  # the first digit is the comparator read as a digit ("295%", "55元")
    return cmp + rest


def _font_sizes(heights: list[float], body: list[bool]) -> list[float]:
    """A font size per piece from its box height. The detector's box heights jitter by a couple of
    points from line to line, so the pieces outside tables whose height is within -25 %..+30 % of
    the page's median take one size (the lines of a paragraph get one size, as in a text PDF);
    the others (titles, footnotes) keep their own."""
    sizes = [max(round(h * _SIZE_OF_HEIGHT * 2) / 2, 1.0) for h in heights]
    hs = sorted(h for h, b in zip(heights, body) if b)
    if hs:
        m = hs[len(hs) // 2]
        for i, h in enumerate(heights):
            if body[i] and 0.75 * m <= h <= 1.3 * m:
                sizes[i] = max(round(m * _SIZE_OF_HEIGHT * 2) / 2, 1.0)
    return sizes


# -- post-correction ------------------------------------------------------------------------------

_NUM_TOKEN = regex.compile(r"(?<![A-Za-z])[0-9OoIl|.,，。·%％]*[0-9][0-9OoIl|.,，。·%％]*(?![A-Za-z])")
_NUMERIC_CELL = regex.compile(r"^[\s0-9OoIl|.,，。·%％+\-—－()（）]*[0-9][\s0-9OoIl|.,，。·%％()（）]*$")


_DASH_CELL = regex.compile(r"^[-—–一_－~～]{1,3}$")  # a lone dash in a cell ("not applicable") read as 一 or -
_ZERO_CELL = regex.compile(r"^[。oO〇○°º]$")  # a lone 0 in a cell, read as a full stop or a letter
_PAGE_NUMBER = regex.compile(r"^[-—–一_－~～.\s]*(\d{1,4})[-—–一_－~～.\s]*$")


def page_number(text: str) -> str:
    """A page number in the margin with its dashes half read ("-6", "11-", "—5一") → "— 6 —", the
    form the running-line filter knows."""
    m = _PAGE_NUMBER.match(text)
    if m and m.group(0).strip() != m.group(1):
        return f"— {m.group(1)} —"
    return text


def _numeric_cells(kept) -> set:
    texts: dict = {}
    for *_, where, text, _, _ in kept:
        if where is not None:
            texts.setdefault(where, []).append(text)
    return {w for w, ts in texts.items() if all(_NUMERIC_CELL.match(t) for t in ts)}


_GROUPED = regex.compile(r"^[0-9]{1,3}(?:[.,，][0-9]{3})+(?:[.,，][0-9]{1,2})?%?$")


def _thousands(t: str) -> str:
    """A number with two or more separators has at most one decimal point, the last one before
    1-2 digits: the others are thousands separators, whatever the recogniser made of them
    ("2,500.000.00" → "2,500,000.00")."""
    if len(regex.findall(r"[.,，]", t)) < 2 or not _GROUPED.match(t):
        return t
    pct = "%" if t.endswith("%") else ""
    parts = regex.split(r"[.,，]", t.rstrip("%"))
    if len(parts[-1]) <= 2:
        return ",".join(parts[:-1]) + "." + parts[-1] + pct
    return ",".join(parts) + pct


def fix_numeric(text: str, numeric: bool = False) -> str:
    """The usual OCR slips inside numeric tokens, nothing more: O→0 and l/I/|→1 next to digits,
    a full stop or middle dot between digits → '.', a colon before the decimals of a grouped
    figure → '.', a comma before the last 1-2 digits of a number
    in a numeric cell → '.', and 方元 after a number → 万元."""

    def fix(m: regex.Match) -> str:
        lead, t, trail = regex.fullmatch(r"([.,，。·]*)(.*?)([.,，。·]*)", m.group(0)).groups()
        for _ in range(len(t)):  # until stable: "1OO" → "100"
            u = regex.sub(r"(?<=[0-9])[Oo]|[Oo](?=[0-9])", "0", t)
            u = regex.sub(r"(?<=[0-9])[Il|]|[Il|](?=[0-9])", "1", u)
            if u == t:
                break
            t = u
        t = regex.sub(r"(?<=[0-9])[。·](?=[0-9])", ".", t)
        t = regex.sub(r"(?<=[0-9])，(?=[0-9]{3})", ",", t)
        if numeric:
            t = regex.sub(r"^([0-9]+)[,，]([0-9]{1,2})(%?)$", r"\1.\2\3", t)
        return lead + _thousands(t) + trail

    # a decimal point read as a colon after a grouped figure ("2,160,000:00"): no time or ratio is
    # written with thousands separators
    text = regex.sub(r"(?<=(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3})+)[:：](?=[0-9]{1,2}(?![0-9]))", ".", text)
    text = _NUM_TOKEN.sub(fix, text)
    if numeric:  # a speck read as a point after the only figure in a cell: "5." → "5"
        text = regex.sub(r"^\s*([0-9]+(?:\.[0-9]+)?%?)[.,，。·]\s*$", r"\1", text)
    text = regex.sub(r"(?<=[0-9]\s?)方(?=元)", "万", text)
    return regex.sub(r"(?<=[0-9%％]\s?|[（(]含[）)]\s?)一(?=\s?[0-9])", "—", text)  # a range: 80（含）一90
