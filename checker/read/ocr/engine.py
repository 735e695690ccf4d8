"""The recognition engine: rapidocr's DB detector, SVTR/CTC recogniser and text-direction
classifier (the `ocr` extra), loaded once per process, with the recogniser run one crop per call
on a thread pool."""

from __future__ import annotations

import os
import threading

from checker import errors

_HINT_ZH = f"这是扫描件（无文字层），需要 OCR：请先{errors.OCR_INSTALL_ZH}"
_HINT_EN = f"scanned PDF; install the OCR extra: {errors.OCR_INSTALL_EN}"

_ENGINE = None
_ENGINE_LOCK = threading.Lock()


def modules():
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
        modules()
    except errors.ScannedInput:
        return False
    return True


def threads() -> int:
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
        _, np, RapidOCR = modules()
        self.threads = threads()
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
        # the text-direction classifier (0° or 180°) that rapidocr ships and loads anyway; used on a
        # handful of line crops to tell an upright page from one upside down before it is read
        text_cls = getattr(rapid, "text_cls", None)
        infer = getattr(text_cls, "infer", None)
        self.cls = _session(infer.session, 1) if infer is not None and hasattr(infer, "session") else None
        self.cls_input = self.cls.get_inputs()[0].name if self.cls is not None else ""
        self.cls_shape = tuple(getattr(text_cls, "cls_image_shape", (3, 48, 192)))
        self.pool = None
        if self.threads > 1:
            from concurrent.futures import ThreadPoolExecutor

            self.pool = ThreadPoolExecutor(self.threads, thread_name_prefix="pecheck-ocr")
        self._np = np

    def _norm(self, gray):
        """A crop as the recogniser's input: 48 px high, at least 320 px wide (rapidocr's and
        PaddleOCR's alignment; a short number centred in less blank reads differently)."""
        cv2, np, _ = modules()
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

    def decode(self, p) -> tuple[str, float, tuple[float, ...]]:
        """Greedy CTC decoding (as rapidocr): the text, the mean probability of its characters and
        each character's probability."""
        best, top = p.argmax(1), p.max(1)
        keep = [t for t in range(len(best)) if best[t] != 0 and (t == 0 or best[t] != best[t - 1])]
        if not keep:
            return "", 0.0, ()
        return ("".join(self.chars[best[t]] for t in keep), float(top[keep].mean()),
                tuple(round(float(top[t]), 4) for t in keep))

    def candidates(self, p, ratio: float = 0.25, limit: int = 6) -> list[str]:
        """Other readings the recogniser nearly chose: at each step where the runner-up (a
        character, or a blank) came within `ratio` of the winner, the path with the runner-up
        taken there. The best reading is not included."""
        order = p.argsort(1)
        best = order[:, -1]
        out: list[str] = []
        steps = [(float(p[t, order[t, -2]] / max(p[t, best[t]], 1e-9)), t) for t in range(len(best))]
        for r, t in sorted(steps, reverse=True):
            if r < ratio or len(out) >= limit:
                break
            path = best.copy()
            path[t] = order[t, -2]
            text = "".join(self.chars[path[i]] for i in range(len(path))
                           if path[i] != 0 and (i == 0 or path[i] != path[i - 1]))
            if text not in out:
                out.append(text)
        return out

    def upside_down(self, crops) -> list[float]:
        """For each grayscale crop of one text line, the classifier's probability that it is upside
        down (an empty list when the classifier cannot be had). Preprocessing as rapidocr's: the
        crop scaled to 48 px high, at most 192 px wide, values in -1..1, zero padding."""
        if self.cls is None or not crops:
            return []
        cv2, np, _ = modules()
        _, H, W = self.cls_shape
        batch = np.zeros((len(crops), 3, H, W), np.float32)
        for i, c in enumerate(crops):
            w = min(W, max(1, int(np.ceil(H * c.shape[1] / max(c.shape[0], 1)))))
            batch[i, :, :, :w] = (cv2.resize(c, (w, H)).astype(np.float32) / 127.5 - 1.0)[None]
        out = self.cls.run(None, {self.cls_input: batch})[0]
        return [float(o[1]) for o in out]  # labels ["0", "180"]

    def _read(self, gray) -> tuple[str, float, tuple[float, ...]]:
        if gray.shape[0] < 2 or gray.shape[1] < 2:
            return "", 0.0, ()
        return self.decode(self.probs(gray))

    def _read_span(self, gray):
        """The reading, and the x-range of the crop (pixels) between the centres of the first
        and the last character the recogniser emitted (None when it read nothing)."""
        if gray.shape[0] < 2 or gray.shape[1] < 2:
            return ("", 0.0, ()), None
        p = self.probs(gray)
        best = p.argmax(1)
        steps = [t for t in range(len(best)) if best[t] != 0]
        if not steps:
            return self.decode(p), None
        per_step = self.step_width(gray.shape, len(best))
        return self.decode(p), ((steps[0] + 0.5) * per_step, (steps[-1] + 0.5) * per_step)

    def step_width(self, shape, steps: int) -> float:
        """Crop pixels per output step of the recogniser, for a crop of `shape` (see _norm)."""
        _, H, W = self.rec_shape
        h, w = shape[:2]
        rw = max(1, int(self._np.ceil(H * w / max(h, 1))))  # the crop's width in the input
        return max(W, rw) / steps * w / rw

    def map(self, fn, items):
        if self.pool is None or len(items) < 2:
            return [fn(x) for x in items]
        order = sorted(range(len(items)), key=lambda i: -items[i].shape[1])  # longest first
        out = [None] * len(items)
        for i, r in zip(order, self.pool.map(fn, [items[i] for i in order])):
            out[i] = r
        return out

    def read(self, crops) -> list[tuple[str, float, tuple[float, ...]]]:
        return self.map(self._read, crops)

    def read_spans(self, crops):
        """[(reading, span)]: as read(), with each reading's span (see _read_span)."""
        return self.map(self._read_span, crops)


def get_engine() -> Engine:
    """One engine per process (the models load in ~0.3 s): detector, recogniser and the text-direction
    classifier (for page orientation only; rapidocr's per-line use of it is off); the detector sees
    the page at most DET_SIDE px on its long side."""
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
