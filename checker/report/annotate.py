"""`--annotate OUT.pdf`: a copy of the submitted PDF with a highlight and a comment at every finding.

Each finding location with a page and a bounding box becomes one Highlight annotation whose comment
(/Contents, shown by PDF viewers as the popup note) reads "PC402 警告: message（应为 X，实为 Y）".
A paragraph is highlighted line by line (one quadrilateral per text line, over the quoted words only
when the location quotes part of it), not as one box over the whole block.  Every highlight carries
its own appearance stream (/AP), so viewers that do not synthesise one still draw it.  The input file
is only read; the copy is written atomically.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

from checker.errors import InputError
from checker.report.labels import fix_text, rule_pointer, severity_text, unit_values

# highlight colours per severity (hex RGB, as pypdf wants them)
COLOURS = {"error": "ff4d4d", "warning": "ffc533", "info": "66a3ff"}


def comment(f) -> str:
    """The note attached to a highlight: 'CODE 级别: message（应为 X，实为 Y）'."""
    text = f"{f.rule} {severity_text(f.severity)}: {f.message}"
    vals = unit_values(f, sep="，")
    if vals:
        text += f"（{vals}）"
    if f.hint:
        text += f"\n提示：{f.hint}"
    fix = fix_text(f.rule)
    if fix:
        text += f"\n如何修改：{fix}（详见 {rule_pointer(f.rule)}）"
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
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

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
    lines = _LineFinder(data)
    n = 0
    try:
        for f, loc in located(result):
            if not 1 <= loc.page <= len(writer.pages):
                continue
            page = writer.pages[loc.page - 1]
            box = page.mediabox
            h, ox, oy = float(box.height), float(box.left), float(box.bottom)
            quads = []
            for x0, top, x1, bottom in lines.boxes(loc):
                # pdfplumber: top-left origin relative to the mediabox → PDF user space, bottom-left origin
                left, right = ox + x0, ox + max(x1, x0 + 1)
                y_top, y_bottom = oy + h - top, oy + h - max(bottom, top + 1)
                quads.append((left, y_top, right, y_top, left, y_bottom, right, y_bottom))
            rect = (min(q[0] for q in quads), min(q[5] for q in quads), max(q[2] for q in quads),
                    max(q[1] for q in quads))
            colour = COLOURS.get(f.severity, "ffc533")
            annot = Highlight(rect=rect, quad_points=ArrayObject(FloatObject(round(v, 2)) for q in quads for v in q),
                              highlight_color=colour, printing=True)
            annot[NameObject("/Contents")] = TextStringObject(comment(f))
            annot[NameObject("/T")] = TextStringObject("pecheck")
            annot[NameObject("/Subj")] = TextStringObject(f"{f.rule} {severity_text(f.severity)}")
            annot[NameObject("/NM")] = TextStringObject(f"pecheck-{n + 1}-{f.rule}")
            annot[NameObject("/M")] = TextStringObject(stamp)
            annot[NameObject("/CA")] = FloatObject(0.45)
            annot[NameObject("/F")] = NumberObject(4)  # print
            # pypdf has no public call that makes an indirect object; a stream must be one
            ap = writer._add_object(_appearance(rect, quads, colour))
            annot[NameObject("/AP")] = DictionaryObject({NameObject("/N"): ap})
            writer.add_annotation(loc.page - 1, annot)
            n += 1
    finally:
        lines.close()
    buf = io.BytesIO()
    writer.write(buf)
    from checker.report.render import write_atomic

    write_atomic(out, buf.getvalue())
    return n


def _appearance(rect, quads, colour: str):
    """A Form XObject that paints the quadrilaterals in the colour, multiplied onto the page (as a
    highlighter does), so the text under it stays readable."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject

    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4))
    ops = ["q", "/GS0 gs", f"{r:.3f} {g:.3f} {b:.3f} rg"]
    for x1, y1, x2, y2, x3, y3, x4, y4 in quads:  # upper-left, upper-right, lower-left, lower-right
        ops.append(f"{x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l {x4:.2f} {y4:.2f} l {x3:.2f} {y3:.2f} l h")
    ops += ["f", "Q"]
    stream = DecodedStreamObject()
    stream.set_data(" ".join(ops).encode("ascii"))
    gs = DictionaryObject({NameObject("/Type"): NameObject("/ExtGState"), NameObject("/BM"): NameObject("/Multiply"),
                           NameObject("/ca"): FloatObject(0.45), NameObject("/CA"): FloatObject(0.45)})
    stream.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/FormType"): FloatObject(1),
        NameObject("/BBox"): ArrayObject(FloatObject(round(v, 2)) for v in rect),
        NameObject("/Resources"): DictionaryObject(
            {NameObject("/ExtGState"): DictionaryObject({NameObject("/GS0"): gs})}),
    })
    return stream


class _LineFinder:
    """Text-line boxes inside a location's box, read from the PDF's own characters (pdfplumber)."""

    def __init__(self, data: bytes):
        self.data = data
        self.pdf = None
        self.pages: dict[int, list] = {}

    def _chars(self, number: int) -> list:
        if number not in self.pages:
            self.pages[number] = []
            try:
                import pdfplumber

                if self.pdf is None:
                    self.pdf = pdfplumber.open(io.BytesIO(self.data))
                if 1 <= number <= len(self.pdf.pages):
                    self.pages[number] = [c for c in self.pdf.pages[number - 1].chars if c.get("text", "").strip()]
            except Exception:  # noqa: BLE001 - no line geometry: the location's box is used as it is
                self.pages[number] = []
        return self.pages[number]

    def boxes(self, loc) -> list[tuple[float, float, float, float]]:
        """One (x0, top, x1, bottom) per text line of a paragraph or a cell of several lines; the
        location's box for a single line (or when the page has no characters to measure)."""
        x0, top, x1, bottom = (float(v) for v in loc.bbox)
        if bottom - top < 20:  # one line: its box
            return [(x0, top, x1, bottom)]
        inside = [c for c in self._chars(loc.page)
                  if c["x0"] >= x0 - 1 and c["x1"] <= x1 + 1 and c["top"] >= top - 1 and c["bottom"] <= bottom + 1]
        if not inside:
            return [(x0, top, x1, bottom)]
        inside = _quoted(inside, loc.text)
        rows: list[list] = []
        for c in sorted(inside, key=lambda c: (round(c["top"]), c["x0"])):
            if rows and abs(rows[-1][0]["top"] - c["top"]) < max(2.0, (c["bottom"] - c["top"]) * 0.5):
                rows[-1].append(c)
            else:
                rows.append([c])
        return [(min(c["x0"] for c in r), min(c["top"] for c in r), max(c["x1"] for c in r),
                 max(c["bottom"] for c in r)) for r in rows]

    def close(self) -> None:
        if self.pdf is not None:
            try:
                self.pdf.close()
            except Exception:  # noqa: BLE001
                pass


def _quoted(chars: list, quote: str) -> list:
    """The characters of the quoted words when the quote is a part of the paragraph; all otherwise."""
    want = "".join((quote or "").split()).rstrip("…")
    ordered = sorted(chars, key=lambda c: (round(c["top"]), c["x0"]))
    text = "".join(c["text"] for c in ordered)
    if not want or len(want) >= len(text) - 2:
        return chars
    at = text.find(want[:40])
    if at < 0:
        return chars
    return ordered[at: at + len(want)]
