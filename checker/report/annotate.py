"""`--annotate OUT.pdf`: a copy of the submitted PDF with a highlight and a comment at every finding.

Each finding location with a page and a bounding box becomes one Highlight annotation (QuadPoints over
the box) whose comment (/Contents, shown by PDF viewers as the popup note) reads
"PC402 警告: message（应为 X，实为 Y）".  The input file is only read; the copy is written atomically.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

from checker.errors import InputError
from checker.report.markdown import severity_text

# highlight colours per severity (hex RGB, as pypdf wants them)
COLOURS = {"error": "ff4d4d", "warning": "ffc533", "info": "66a3ff"}


def comment(f) -> str:
    """The note attached to a highlight: 'CODE 级别: message（应为 X，实为 Y）'."""
    text = f"{f.rule} {severity_text(f.severity)}: {f.message}"
    vals = []
    if f.expected is not None:
        vals.append(f"应为 {f.expected}")
    if f.found is not None:
        vals.append(f"实为 {f.found}")
    if vals:
        text += f"（{'，'.join(vals)}）"
    if f.hint:
        text += f"\n提示：{f.hint}"
    return text


def located(result):
    """(finding, location) pairs that can be drawn: a page and a bounding box."""
    for f in result.findings:
        for loc in f.locations:
            if loc.page and loc.bbox:
                yield f, loc


def _is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]


def annotate_pdf(src, result, out) -> int:
    """Write `out`, a copy of the PDF `src` with the findings of `result` as annotations.

    Returns the number of annotations added.  Raises InputError for a non-PDF input.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject, NameObject, NumberObject, TextStringObject

    src, out = Path(src), Path(out)
    if src.suffix.lower() != ".pdf" and getattr(result, "format", "pdf") not in ("pdf", ""):
        raise InputError("批注输出仅支持 PDF 输入", "annotation needs a PDF input")
    data = src.read_bytes()
    if not _is_pdf(data):
        raise InputError("批注输出仅支持 PDF 输入", "annotation needs a PDF input")
    try:
        if out.resolve() == src.resolve():
            raise InputError("批注输出不能覆盖原文件，请另指定输出文件名",
                             "the annotated copy must not overwrite the input")
    except OSError:
        pass
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        writer = PdfWriter(clone_from=reader)
    except Exception as exc:
        raise InputError(f"无法读取 PDF 以添加批注：{exc}", f"cannot open the PDF for annotation: {exc}") from exc

    stamp = time.strftime("D:%Y%m%d%H%M%S")
    n = 0
    for f, loc in located(result):
        if not 1 <= loc.page <= len(writer.pages):
            continue
        page = writer.pages[loc.page - 1]
        box = page.mediabox
        h, ox, oy = float(box.height), float(box.left), float(box.bottom)
        x0, top, x1, bottom = (float(v) for v in loc.bbox)
        # pdfplumber: top-left origin relative to the mediabox → PDF user space, bottom-left origin
        left, right = ox + x0, ox + x1
        y_top, y_bottom = oy + h - top, oy + h - bottom
        if right - left < 1:
            right = left + 1
        if y_top - y_bottom < 1:
            y_top = y_bottom + 1
        quads = ArrayObject(FloatObject(round(v, 2)) for v in
                            (left, y_top, right, y_top, left, y_bottom, right, y_bottom))
        annot = Highlight(rect=(left, y_bottom, right, y_top), quad_points=quads,
                          highlight_color=COLOURS.get(f.severity, "ffc533"), printing=True)
        annot[NameObject("/Contents")] = TextStringObject(comment(f))
        annot[NameObject("/T")] = TextStringObject("pecheck")
        annot[NameObject("/Subj")] = TextStringObject(f"{f.rule} {severity_text(f.severity)}")
        annot[NameObject("/NM")] = TextStringObject(f"pecheck-{n + 1}-{f.rule}")
        annot[NameObject("/M")] = TextStringObject(stamp)
        annot[NameObject("/CA")] = FloatObject(0.45)
        annot[NameObject("/F")] = NumberObject(4)  # print
        writer.add_annotation(loc.page - 1, annot)
        n += 1
    buf = io.BytesIO()
    writer.write(buf)
    from checker.report.render import write_atomic

    write_atomic(out, buf.getvalue())
    return n
