"""OCR for pages without a text layer (the `ocr` extra: rapidocr-onnxruntime + OpenCV).

A scanned page becomes the same raw material a text page gives the PDF reader: text lines outside
tables, and tables as cell boxes with the lines inside each cell, all in PDF points with the origin
at the top-left. `build()` in checker.read.pdf then makes paragraphs and tables exactly as for a
text PDF (running headers dropped, tables merged across pages, text normalised).

Per page:
1. render the page in grayscale with pypdfium2 (DPI);
2. deskew: the angle that makes the horizontal projection profile sharpest (text lines and ruling
   lines alike), then rotate the image; everything after works on the deskewed image;
3. ruling lines: a morphological opening with long horizontal / vertical kernels gives two line
   masks; each connected grid with at least two lines each way is a table, and its cells are the
   holes of the grid (connected components of the non-line area), snapped to the line centres;
4. text: rapidocr's detector (DB) finds text boxes on the whole page; a box is assigned to the
   cell holding its centre, or split at cell borders when it runs over several cells; the
   recogniser (SVTR/CTC, rapidocr's model run here one crop per call on a thread pool) reads each
   piece from an image with the ruling lines erased; short numbers in cells are read a second time
   from the tight crop, which also restores a ≥/≤ the recogniser took for a digit ("295%");
5. light post-correction inside numeric tokens (O→0, l/I→1 between digits, 。→. between digits,
   a decimal comma in a numeric cell, thousands separators read as points), a lone 0 or dash in a
   cell, and page numbers whose dashes were half read (so the running-line filter drops them);
6. the page's mean recognition confidence goes to `doc.warnings` as "ocr-confidence:{page}:{conf}".

Tuning knobs are the module constants below; `bench/bench_ocr.py` measures seconds per page and
PECHECK_OCR_THREADS sets the thread count (default: all cores).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex

from checker import errors
from checker.read.layout import Line, PageLayout, RawTable, chars_to_lines

DPI = 150  # render resolution: CJK body text ~33 px high, small table text ~23 px
DET_SIDE = 1152  # the detector's input, longest side in px (the recogniser reads full-resolution crops)
REC_VPAD = 0.2  # crop margin above and below a detected box, × box height (context for the recogniser;
#                 also a narrower input once scaled to its 48 px: less to compute)
REC_HPAD = 0.2  # crop margin left and right, × box height (edge characters, dashes)
MIN_SCORE = 0.5  # recognised pieces below this are noise (dust, stray marks), as in rapidocr
_SIZE_OF_HEIGHT = 0.95  # font size (pt) per detected box height (pt): a DB box is about one em high

_HINT_ZH = f"这是扫描件（无文字层），需要 OCR：请先{errors.OCR_INSTALL_ZH}"
_HINT_EN = f"scanned PDF; install the OCR extra: {errors.OCR_INSTALL_EN}"

_ENGINE = None
_ENGINE_LOCK = threading.Lock()


def _modules():
    """cv2, numpy and the rapidocr engine class, or ScannedInput with the install hint (and the
    loader's reason when the packages are there but cannot be loaded, e.g. a missing libGL)."""
    try:
        import cv2
        import numpy as np
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as exc:
        import importlib.util

        wanted = ("rapidocr_onnxruntime", "onnxruntime", "cv2", "numpy")
        if any(importlib.util.find_spec(m) is None for m in wanted):
            raise errors.ScannedInput(_HINT_ZH, _HINT_EN) from exc
        why = (str(exc).splitlines() or [type(exc).__name__])[0][:160]
        raise errors.ScannedInput(f"{_HINT_ZH}（OCR 组件已安装但无法加载：{why}）",
                                  f"{_HINT_EN} (installed but cannot be loaded: {why})") from exc
    return cv2, np, RapidOCR


def available() -> bool:
    try:
        _modules()
    except errors.ScannedInput:
        return False
    return True


def _threads() -> int:
    env = os.environ.get("PECHECK_OCR_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(os.cpu_count() or 1, 8))


class Engine:
    """rapidocr's models: its DB text detector as it is (pre- and post-processing included), and its
    recogniser's model run here, one text piece per call, on a thread pool. One piece per call
    wastes nothing on padding a batch to its widest member (~25 % less work than rapidocr's batches
    of six, same readings), and the pool keeps every core busy: onnxruntime releases the GIL."""

    def __init__(self):
        _, np, RapidOCR = _modules()
        self.threads = _threads()
        try:
            rapid = RapidOCR(use_cls=False, det_limit_type="min", det_limit_side_len=32,
                             intra_op_num_threads=self.threads)
        except TypeError:  # older rapidocr without keyword configuration
            rapid = RapidOCR()
        self.rapid = rapid
        self.text_det = rapid.text_det
        self.text_det.limit_type, self.text_det.limit_side_len = "min", 32  # we size its input ourselves
        holder = getattr(self.text_det, "infer", None)
        if holder is not None and hasattr(holder, "session"):
            holder.session = _session(holder.session, self.threads)
        self.chars: list[str] = list(rapid.text_rec.postprocess_op.character)
        self.rec = _session(rapid.text_rec.session.session, 1)
        self.rec_input = self.rec.get_inputs()[0].name
        self.rec_shape = tuple(rapid.text_rec.rec_image_shape)  # (3, 48, 320)
        self.pool = None
        if self.threads > 1:
            from concurrent.futures import ThreadPoolExecutor

            self.pool = ThreadPoolExecutor(self.threads, thread_name_prefix="pecheck-ocr")
        self._np = np

    def _norm(self, gray):
        """A crop as the recogniser's input: 48 px high, at least 320 px wide (rapidocr's and
        PaddleOCR's alignment; a short number centred in less blank reads differently)."""
        cv2, np, _ = _modules()
        _, H, W = self.rec_shape
        h, w = gray.shape[:2]
        width = max(W, int(np.ceil(H * w / max(h, 1))))
        rw = min(width, max(1, int(np.ceil(H * w / max(h, 1)))))
        img = cv2.resize(gray, (rw, H)).astype(np.float32) / 127.5 - 1.0
        out = np.zeros((1, 3, H, width), np.float32)
        out[0, :, :, :rw] = img[None]
        return out

    def probs(self, gray):
        """Per-step character probabilities (T × classes) for one grayscale crop."""
        return self.rec.run(None, {self.rec_input: self._norm(gray)})[0][0]

    def decode(self, p) -> tuple[str, float]:
        """Greedy CTC decoding (as rapidocr): the text and the mean probability of its characters."""
        best, top = p.argmax(1), p.max(1)
        keep = [t for t in range(len(best)) if best[t] != 0 and (t == 0 or best[t] != best[t - 1])]
        if not keep:
            return "", 0.0
        return "".join(self.chars[best[t]] for t in keep), float(top[keep].mean())

    def _read(self, gray) -> tuple[str, float]:
        if gray.shape[0] < 2 or gray.shape[1] < 2:
            return "", 0.0
        return self.decode(self.probs(gray))

    def map(self, fn, items):
        if self.pool is None or len(items) < 2:
            return [fn(x) for x in items]
        order = sorted(range(len(items)), key=lambda i: -items[i].shape[1])  # longest first
        out = [None] * len(items)
        for i, r in zip(order, self.pool.map(fn, [items[i] for i in order])):
            out[i] = r
        return out

    def read(self, crops) -> list[tuple[str, float]]:
        return self.map(self._read, crops)


def _engine() -> Engine:
    """One engine per process (the models load in ~0.3 s): detector and recogniser only, no angle
    classifier; the detector sees the page at most DET_SIDE px on its long side."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = Engine()
        return _ENGINE


def _session(old, threads: int):
    """The same model in an onnxruntime session whose worker threads sleep instead of spinning (a
    busy machine or parallel batch jobs otherwise lose much of their CPU to spinning), with
    `threads` threads per call. The old session stays when the model path cannot be had."""
    model = getattr(old, "_model_path", None)
    if not model:
        return old
    try:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 4
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return ort.InferenceSession(model, sess_options=opts, providers=["CPUExecutionProvider"])
    except Exception:  # keep rapidocr's own session
        return old


# -- the hook called by read_pdf ---------------------------------------------------------------

def ocr_pages(path, pages, sizes: dict[int, tuple[float, float]]) -> Iterator[PageLayout]:
    """OCR the given 1-based pages of `path`: one PageLayout per page, in points (`sizes` holds the
    page sizes the PDF reader already knows)."""
    pages = list(pages)
    if not pages:
        return
    _modules()  # fail early with the install hint
    import pypdfium2 as pdfium

    engine = _engine()
    pdf = pdfium.PdfDocument(str(Path(path)))
    try:
        for num in pages:
            try:
                page = pdf[num - 1]
                try:
                    gray = render(page, DPI)
                    w_pt, h_pt = sizes.get(num) or page.get_size()
                finally:
                    page.close()
                res = read_image(gray, engine, scale=(w_pt / gray.shape[1], h_pt / gray.shape[0]))
            except errors.InputError:
                raise
            except Exception as exc:  # a page pdfium cannot draw, or an image OCR cannot take
                raise errors.InputError(f"扫描件第 {num} 页无法识别（{type(exc).__name__}）：{path}",
                                        f"scanned page {num} cannot be OCR'd ({type(exc).__name__}): {path}") from exc
            yield PageLayout(number=num, lines=res.lines, ocr=True, confidence=res.confidence,
                             tables=[RawTable(page=num, bbox=t.bbox, cells=t.cells, lines=t.lines) for t in res.tables])
    finally:
        pdf.close()


# -- one page image -----------------------------------------------------------------------------

@dataclass
class OcrTable:
    bbox: tuple[float, float, float, float]
    cells: list[tuple[float, float, float, float]]
    lines: dict[int, list[Line]] = field(default_factory=dict)


@dataclass
class OcrPage:
    lines: list[Line]  # outside tables
    tables: list[OcrTable]
    confidence: float  # mean recognition score, character-weighted (1.0 for a blank page)
    angle: float  # the deskew rotation applied, degrees
    n_boxes: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


MAX_PIXELS = 40_000_000  # a poster-sized page is drawn at a lower resolution rather than fill memory


def render(page, dpi: int = DPI):
    """A pypdfium2 page as a 2-D uint8 grayscale array (callers scale by the array's shape)."""
    w, h = page.get_size()
    scale = dpi / 72
    if w * h * scale * scale > MAX_PIXELS:
        scale = (MAX_PIXELS / max(w * h, 1.0)) ** 0.5
    bmp = page.render(scale=scale, grayscale=True)
    a = bmp.to_numpy()
    if a.ndim == 3:
        a = a[..., 0] if a.shape[2] == 1 else _gray(a)
    return a.copy()


def _gray(a):
    cv2, _, _ = _modules()
    return cv2.cvtColor(a[..., :3], cv2.COLOR_BGR2GRAY)


def read_image(gray, engine=None, scale: tuple[float, float] = (72 / DPI, 72 / DPI)) -> OcrPage:
    """OCR one grayscale page image; coordinates in the result are pixel × scale (PDF points)."""
    cv2, np, _ = _modules()
    engine = engine or _engine()
    clock = _Clock()
    angle = skew_angle(gray)
    if abs(angle) >= 0.05:
        gray = rotate(gray, angle)
    clock("deskew")
    grids, line_mask = find_tables(gray)
    clean = gray.copy()
    if line_mask is not None:
        clean[cv2.dilate(line_mask, np.ones((5, 5), np.uint8)) > 0] = 255
    clock("tables")
    boxes = detect(gray, engine)
    clock("det")
    pieces = _split_by_cells(boxes, grids)
    crops = []
    for (x0, y0, x1, y1), lim in zip((p[0] for p in pieces), _crop_limits(pieces, grids, gray.shape)):
        h = y1 - y0
        cx0, cx1 = max(lim[0], x0 - REC_HPAD * h), min(lim[2], x1 + REC_HPAD * h)
        cy0, cy1 = max(lim[1], y0 - REC_VPAD * h), min(lim[3], y1 + REC_VPAD * h)
        crops.append(clean[int(cy0):int(np.ceil(cy1)), int(cx0):int(np.ceil(cx1))])
    texts = engine.read(crops) if crops else []
    clock("rec")
    _second_look(pieces, texts, clean, engine)
    clock("second look")
    sx, sy = scale
    kept = []
    for ((x0, y0, x1, y1), where, h), (text, score) in zip(pieces, texts):
        text = text.strip()
        if not text or score < MIN_SCORE:
            continue
        kept.append((x0 * sx, y0 * sy, x1 * sx, y1 * sy, h * sy, where, text, float(score)))
    sizes = _font_sizes([k[4] for k in kept], [k[5] is None for k in kept])
    numeric_cells = _numeric_cells(kept)
    outside: list[dict] = []
    in_cells: dict[tuple[int, int], list[dict]] = {}
    total = weight = 0.0
    page_h = gray.shape[0] * sy
    for (x0, y0, x1, y1, _, where, text, score), size in zip(kept, sizes):
        text = fix_numeric(text, numeric=where is not None and where in numeric_cells)
        if where is not None:  # a cell holding just a dash or a zero
            text = _ZERO_CELL.sub("0", _DASH_CELL.sub("—", text))
        elif y1 > 0.91 * page_h or y0 < 0.09 * page_h:  # the running-line bands of pdf.py
            text = _page_number(text)
        cy = (y0 + y1) / 2
        ch = {"x0": x0, "x1": x1, "top": cy - size / 2, "bottom": cy + size / 2, "text": text, "size": size}
        (outside if where is None else in_cells.setdefault(where, [])).append(ch)
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
                   angle=angle, n_boxes=len(kept), timings=clock.done())


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


# -- deskew -------------------------------------------------------------------------------------

def skew_angle(gray, limit: float = 3.0) -> float:
    """The rotation (degrees, counter-clockwise as cv2 counts it) that makes text rows and ruling
    lines horizontal: the angle whose horizontal projection profile is sharpest."""
    cv2, np, _ = _modules()
    h, w = gray.shape
    f = min(1.0, 800 / max(h, w))
    small = cv2.resize(gray, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    bw = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    if cv2.countNonZero(bw) < 50:
        return 0.0
    sh, sw = bw.shape
    centre = (sw / 2, sh / 2)
    bwf = bw.astype(np.float32) / 255

    def sharpness(a: float) -> float:
        m = cv2.getRotationMatrix2D(centre, a, 1.0)
        r = cv2.warpAffine(bwf, m, (sw, sh), flags=cv2.INTER_LINEAR, borderValue=0)
        prof = r.sum(axis=1)
        return float(np.square(np.diff(prof)).sum())

    best = max(np.arange(-limit, limit + 1e-9, 0.25), key=sharpness)
    best = max(np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05), key=sharpness)
    return round(float(best), 2)


def rotate(gray, angle: float):
    cv2, _, _ = _modules()
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=255)


# -- ruling lines and cells ---------------------------------------------------------------------

def find_tables(gray):
    """Tables from ruling lines: [(bbox, [cell boxes])] in pixels, and the line mask (or None)."""
    cv2, np, _ = _modules()
    h, w = gray.shape
    bw = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 20)
    klen_h = max(30, w // 30)
    klen_v = max(20, h // 60)
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
    _, np, _ = _modules()
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
    cv2, np, _ = _modules()
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


# -- detection, assignment to cells, recognition ------------------------------------------------

def detect(gray, engine) -> list[tuple[float, float, float, float]]:
    """Text boxes (axis-aligned, pixels) from the DB detector."""
    cv2, np, _ = _modules()
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


def _second_look(pieces, texts, clean, engine) -> None:
    cand = []
    for i, (((x0, y0, x1, y1), where, _), (t, score)) in enumerate(zip(pieces, texts)):
        t = t.strip()
        numeric = len(t) <= 16 and bool(_CMP_CANDIDATE.match(t))
        if where is not None and (numeric or score < MIN_SCORE or x1 - x0 < 2.5 * (y1 - y0)):
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
        t0, s0 = texts[i]
        t1, s1 = engine.decode(p)
        if not t1:
            continue
        numeric = bool(_CMP_CANDIDATE.match(t1))
        if s1 > s0 or not t0.strip() or (numeric and s1 >= s0 - 0.15):
            texts[i] = (t1, s1)  # digits: the tight reading unless it is much less sure
        if numeric or _CMP_CANDIDATE.match(t0.strip()):
            fixed = _comparator_text(p, chars, ge, le)
            if fixed is not None:
                texts[i] = (fixed, max(s1, texts[i][1]))


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


def _page_number(text: str) -> str:
    """A page number in the margin with its dashes half read ("-6", "11-", "—5一") → "— 6 —", the
    form the running-line filter knows."""
    m = _PAGE_NUMBER.match(text)
    if m and m.group(0).strip() != m.group(1):
        return f"— {m.group(1)} —"
    return text


def _numeric_cells(kept) -> set:
    texts: dict = {}
    for *_, where, text, _ in kept:
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
    a full stop or middle dot between digits → '.', a comma before the last 1-2 digits of a number
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

    text = _NUM_TOKEN.sub(fix, text)
    text = regex.sub(r"(?<=[0-9]\s?)方(?=元)", "万", text)
    return regex.sub(r"(?<=[0-9%％]\s?|[（(]含[）)]\s?)一(?=\s?[0-9])", "—", text)  # a range: 80（含）一90
