"""OFD (GB/T 33190) → Document, through the same page layout the PDF reader builds.

An OFD file is a zip of XML parts: OFD.xml names each document's Document.xml, which lists the
pages (each a Content.xml) and the resources (fonts, composite units, templates). Every page is
turned into what pdfplumber gives for a PDF page: characters with boxes, sizes and font names,
and ruling lines as edges. The PDF reader's table, paragraph and page-break logic then runs
unchanged (`pdf.read_layout_pages`), so an OFD and its PDF twin read alike.

Why no OFD package: those on PyPI either read text runs without the path objects that draw the
table rules (ofdkit), or render through PyMuPDF (AGPL) and read no positions (easyofd); the rest
are unmaintained. The parts are parsed with lxml hardened like the DOCX reader: no DTD, no
entities, no network, size limits on the zip and on every part.

Units: OFD measures in millimetres from the top left of the page; everything is converted to PDF
points (1/72 inch) with the same top-left origin pdfplumber uses, so positions (page, box) in
findings mean the same as for a PDF of the same page size.
"""

from __future__ import annotations

import math
import posixpath
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from checker import errors
from checker.model import Document
from checker.record import ValueRecord

MM = 72 / 25.4  # points per millimetre
_MAX_ENTRIES = 20_000
_MAX_UNZIPPED = 300 * 1024 * 1024
_MAX_PART = 64 * 1024 * 1024
_MAX_RATIO = 200
_MAX_PAGES = 1500
_MAX_OBJECTS = 400_000  # text codes + path objects per document
_MAX_DEPTH = 16  # PageBlock / CompositeObject nesting
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_NUM = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")

Affine = tuple[float, float, float, float, float, float]


def is_ofd(names: set[str]) -> bool:
    """An OFD package has OFD.xml at its root (case as written by most producers)."""
    return any(n.lower() == "ofd.xml" for n in names)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _kids(el, name: str):
    return [c for c in el if _local(c.tag) == name] if el is not None else []


def _kid(el, name: str):
    found = _kids(el, name)
    return found[0] if found else None


def _kid_text(el, name: str) -> str:
    k = _kid(el, name)
    return (k.text or "").strip() if k is not None else ""


def _numbers(value: str | None) -> list[float]:
    return [float(v) for v in _NUM.findall(value or "")]


def _box(value: str | None) -> tuple[float, float, float, float] | None:
    nums = _numbers(value)
    return tuple(nums[:4]) if len(nums) >= 4 else None  # type: ignore[return-value]


def _compose(outer: Affine, inner: Affine) -> Affine:
    """Apply inner first, then outer."""
    A, B, C, D, E, F = outer
    a, b, c, d, e, f = inner
    return (A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F)


def _object_transform(el) -> Affine:
    """Object space → parent space: the CTM, then a move to the Boundary's origin."""
    box = _box(el.get("Boundary")) or (0.0, 0.0, 0.0, 0.0)
    ctm = _numbers(el.get("CTM"))
    a, b, c, d, e, f = ctm[:6] if len(ctm) >= 6 else _IDENTITY
    return (a, b, c, d, e + box[0], f + box[1])


def _deltas(value: str | None, count: int) -> list[float]:
    """DeltaX/DeltaY with the `g N value` shorthand expanded (at most `count` values)."""
    out: list[float] = []
    tokens = (value or "").split()
    i = 0
    while i < len(tokens) and len(out) < count:
        tok = tokens[i]
        if tok == "g" and i + 2 < len(tokens):
            try:
                n, v = int(float(tokens[i + 1])), float(tokens[i + 2])
            except ValueError:
                break
            out.extend([v] * max(0, min(n, count - len(out))))
            i += 3
            continue
        try:
            out.append(float(tok))
        except ValueError:
            break
        i += 1
    return out


def _advance(ch: str, size: float) -> float:
    return size if unicodedata.east_asian_width(ch) in ("W", "F") else size * 0.5


class _Package:
    """The zip, guarded, with parts parsed by a hardened lxml parser."""

    def __init__(self, zf: zipfile.ZipFile, shown: str):
        self.zf = zf
        self.shown = shown
        self.entries: dict[str, zipfile.ZipInfo] = {}
        for info in zf.infolist():
            if not info.is_dir():
                self.entries.setdefault(info.filename.replace("\\", "/").lstrip("/"), info)
        self.folded = {k.casefold(): k for k in self.entries}
        from lxml import etree

        self.parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                                      huge_tree=False, remove_comments=True, remove_pis=True)
        self.cache: dict[str, object] = {}

    def resolve(self, base: str | None, loc: str | None) -> str | None:
        """A location written in part `base`: absolute from the package root, else relative to
        base's folder (producers get this wrong often enough that the root is tried too)."""
        loc = (loc or "").strip().replace("\\", "/")
        if not loc:
            return None
        cands = [loc.lstrip("/")] if loc.startswith("/") else [posixpath.join(posixpath.dirname(base or ""), loc), loc]
        for c in cands:
            c = posixpath.normpath(c).lstrip("/")
            if c == ".." or c.startswith("../"):
                continue  # never outside the package
            if c in self.entries:
                return c
            if c.casefold() in self.folded:
                return self.folded[c.casefold()]
        return None

    def xml(self, name: str):
        if name in self.cache:
            return self.cache[name]
        from lxml import etree

        info = self.entries[name]
        if info.file_size > _MAX_PART:
            raise errors.InputError(f"OFD 内部文件过大（{name}），已拒绝：{self.shown}",
                                    f"OFD part too large ({name}), refused: {self.shown}")
        with self.zf.open(info) as fh:
            data = fh.read(_MAX_PART + 1)
        head = data[:65536].replace(b"\0", b"").upper()
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise errors.InputError(f"OFD 含有 DTD/实体声明（{name}），已拒绝（可能的 XML 实体攻击）：{self.shown}",
                                    f"OFD XML declares a DTD or entities (XML entity attack?), refused: {self.shown}")
        try:
            root = etree.fromstring(data, self.parser)
        except etree.XMLSyntaxError as exc:
            raise errors.InputError(f"OFD 内部文件（{name}）不是有效的 XML：{self.shown}",
                                    f"OFD part {name} is malformed XML: {self.shown}") from exc
        self.cache[name] = root
        return root


@dataclass(repr=False, eq=False)
class OfdPage(ValueRecord):
    """One page in pdfplumber's shape: what `pdf.read_layout_pages` needs."""

    width: float
    height: float
    chars: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    def find_tables(self, settings: dict):
        """pdfplumber's own table finder over this page's edges (it only needs edges and bbox)."""
        from pdfplumber.table import TableFinder

        return TableFinder(self, settings).tables


class _PageBuilder:
    def __init__(self, pkg: _Package, fonts: dict[str, str], units: dict[str, tuple[str, object]],
                 box: tuple[float, float, float, float], budget: list[int]):
        self.pkg = pkg
        self.fonts = fonts
        self.units = units
        self.origin = (box[0], box[1])
        self.page = OfdPage(width=box[2] * MM, height=box[3] * MM)
        self.budget = budget

    def _spend(self, n: int = 1) -> None:
        self.budget[0] -= n
        if self.budget[0] < 0:
            raise errors.InputError(f"OFD 内容对象异常多，已拒绝：{self.pkg.shown}",
                                    f"OFD has abnormally many content objects, refused: {self.pkg.shown}")

    def _pt(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.origin[0]) * MM, (y - self.origin[1]) * MM

    def content(self, root, base: str, ctm: Affine = _IDENTITY) -> None:
        for layer in _kids(_kid(root, "Content"), "Layer"):
            self.walk(layer, base, ctm, 0)

    def walk(self, parent, base: str, ctm: Affine, depth: int) -> None:
        if depth > _MAX_DEPTH:
            return
        for el in parent:
            name = _local(el.tag)
            if name == "TextObject":
                self.text(el, ctm)
            elif name == "PathObject":
                self.path(el, ctm)
            elif name == "ImageObject":
                self.image(el, ctm)
            elif name == "PageBlock":
                self.walk(el, base, ctm, depth + 1)
            elif name == "CompositeObject":
                unit = self.units.get((el.get("ResourceID") or "").strip())
                if unit is not None:
                    ubase, uel = unit
                    content = _kid(uel, "Content")
                    if content is not None:
                        self.walk(content, ubase, _compose(ctm, _object_transform(el)), depth + 1)

    def text(self, el, ctm: Affine) -> None:
        a, b, c, d, e, f = _compose(ctm, _object_transform(el))
        if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0:
            return  # rotated or mirrored text: the PDF reader keeps upright text only
        try:
            size = float(el.get("Size") or 0.0)
        except ValueError:
            size = 0.0
        if not math.isfinite(size) or size <= 0:
            return
        fontname = self.fonts.get((el.get("Font") or "").strip(), "")
        sx, sy = a, d
        x = y = 0.0
        for code in _kids(el, "TextCode"):
            text = "".join(ch for ch in (code.text or "") if unicodedata.category(ch) != "Cc")
            try:
                x = float(code.get("X", x))
                y = float(code.get("Y", y))
            except ValueError:
                continue
            if not text:
                continue
            self._spend(len(text))
            dx = _deltas(code.get("DeltaX"), len(text) - 1)
            dy = _deltas(code.get("DeltaY"), len(text) - 1)
            cx, cy = x, y
            for i, ch in enumerate(text):
                adv = _advance(ch, size)
                step = dx[i] if i < len(dx) else 0.0
                # OFD keeps glyph widths only inside the font file: the advance to the next
                # character is the width, up to one em (beyond that it is letter spacing), except
                # before a space, whose own advance must stay visible as a gap
                spaced = i + 1 < len(text) and not text[i + 1].strip()
                width = step if 0 < step <= size and not spaced else (min(adv, step) if step > 0 else adv)
                if ch.strip():
                    px, py = self._pt(a * cx + e, d * cy + f)  # baseline, page points
                    w, h = width * sx * MM, size * sy * MM
                    self.page.chars.append({
                        "text": ch, "x0": px, "x1": px + w, "top": py - 0.88 * h, "bottom": py + 0.12 * h,
                        "size": h, "fontname": fontname, "upright": True, "object_type": "char",
                    })
                cx += dx[i] if i < len(dx) else adv
                cy += dy[i] if i < len(dy) else 0.0

    def path(self, el, ctm: Affine) -> None:
        """Straight horizontal and vertical segments of stroked or filled paths become edges, as
        pdfplumber makes them from lines and rectangles (a thin filled box gives two close edges)."""
        stroke = (el.get("Stroke") or "true").strip().lower() != "false"
        fill = (el.get("Fill") or "false").strip().lower() == "true"
        if not (stroke or fill):
            return
        m = _compose(ctm, _object_transform(el))
        data = _kid_text(el, "AbbreviatedData")
        tokens = data.split()
        self._spend(1 + len(tokens) // 8)
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        segs: list[tuple[tuple[float, float], tuple[float, float]]] = []
        i = 0
        want = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
        while i < len(tokens):
            op = tokens[i]
            n = want.get(op)
            if n is None:
                i += 1
                continue
            try:
                args = [float(t) for t in tokens[i + 1:i + 1 + n]]
            except ValueError:
                return
            if len(args) < n:
                break
            i += 1 + n
            if op in ("M", "S"):
                start = (args[0], args[1])
                points = [start]
            elif op == "L" and points:
                nxt = (args[0], args[1])
                segs.append((points[-1], nxt))
                points.append(nxt)
            elif op in ("Q", "B", "A") and points:
                points.append((args[-2], args[-1]))  # a curve: no ruling line, move on
            elif op == "C" and points and start is not None:
                segs.append((points[-1], start))
                points.append(start)
        for p, q in segs:
            (x0, y0), (x1, y1) = (self._tr(m, p), self._tr(m, q))
            if abs(y0 - y1) < 0.01 and abs(x0 - x1) >= 0.01:
                lo, hi = sorted((x0, x1))
                self.page.edges.append({"x0": lo, "x1": hi, "top": y0, "bottom": y0, "width": hi - lo, "height": 0.0,
                                        "orientation": "h", "object_type": "line"})
            elif abs(x0 - x1) < 0.01 and abs(y0 - y1) >= 0.01:
                lo, hi = sorted((y0, y1))
                self.page.edges.append({"x0": x0, "x1": x0, "top": lo, "bottom": hi, "width": 0.0, "height": hi - lo,
                                        "orientation": "v", "object_type": "line"})

    def _tr(self, m: Affine, p: tuple[float, float]) -> tuple[float, float]:
        a, b, c, d, e, f = m
        return self._pt(a * p[0] + c * p[1] + e, b * p[0] + d * p[1] + f)

    def image(self, el, ctm: Affine) -> None:
        box = _box(el.get("Boundary"))
        if box is None:
            return
        a, b, c, d, e, f = _compose(ctm, (1.0, 0.0, 0.0, 1.0, box[0], box[1]))
        x0, top = self._pt(e, f)
        self.page.images.append({"x0": x0, "top": top, "x1": x0 + box[2] * a * MM, "bottom": top + box[3] * d * MM})


def _resources(pkg: _Package, doc_name: str, common) -> tuple[dict[str, str], dict[str, tuple[str, object]]]:
    """Font names and composite graphic units from the public and document resource files."""
    fonts: dict[str, str] = {}
    units: dict[str, tuple[str, object]] = {}
    for tag in ("PublicRes", "DocumentRes"):
        for ref in _kids(common, tag):
            name = pkg.resolve(doc_name, ref.text)
            if name is None:
                continue
            root = pkg.xml(name)
            base_loc = (root.get("BaseLoc") or "").strip()
            base = posixpath.join(posixpath.dirname(name), base_loc, "x") if base_loc else name
            for font in _kids(_kid(root, "Fonts"), "Font"):
                fonts[(font.get("ID") or "").strip()] = (font.get("FontName") or font.get("FamilyName") or "").strip()
            for unit in _kids(_kid(root, "CompositeGraphicUnits"), "CompositeGraphicUnit"):
                units[(unit.get("ID") or "").strip()] = (base, unit)
    return fonts, units


def _open(path: Path, shown: str) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(path)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise errors.InputError(f"OFD 文件已损坏（zip 压缩包无效）：{shown}", f"corrupt OFD, invalid zip: {shown}") from exc
    if len(infos) > _MAX_ENTRIES:
        zf.close()
        raise errors.InputError(f"OFD 含有异常多的部件（{len(infos)} 个），已拒绝：{shown}",
                                f"OFD has abnormally many parts ({len(infos)}), refused: {shown}")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > _MAX_UNZIPPED or (total > 32 * 1024 * 1024 and total / packed > _MAX_RATIO):
        zf.close()
        raise errors.InputError(f"OFD 解压后异常庞大，疑似压缩炸弹，已拒绝：{shown}",
                                f"OFD expands abnormally (zip bomb?), refused: {shown}")
    if any(i.flag_bits & 0x1 for i in infos):
        zf.close()
        raise errors.InputError(f"OFD 内部文件已加密，无法读取：{shown}", f"OFD parts are encrypted: {shown}")
    return zf


def read_pages(path: Path, shown: str | None = None) -> tuple[list[OfdPage], str]:
    """The pages of the first document in an OFD package, in pdfplumber's shape, and its creator."""
    shown = shown or str(path)
    zf = _open(path, shown)
    try:
        return _read_pages(_Package(zf, shown))
    except errors.InputError:
        raise
    except NotImplementedError as exc:
        raise errors.InputError(f"OFD 使用了不支持的压缩方式：{shown}",
                                f"OFD uses an unsupported compression method: {shown}") from exc
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, KeyError) as exc:
        raise errors.InputError(f"OFD 文件已损坏（内部文件缺失或校验失败）：{shown}",
                                f"corrupt OFD, missing or damaged part: {shown}") from exc
    finally:
        zf.close()


def _read_pages(pkg: _Package) -> tuple[list[OfdPage], str]:
    shown = pkg.shown
    entry = pkg.resolve(None, "OFD.xml")
    if entry is None:
        raise errors.InputError(f"不是 OFD 文件（缺少 OFD.xml）：{shown}", f"not an OFD file, OFD.xml missing: {shown}")
    root = pkg.xml(entry)
    body = _kid(root, "DocBody")
    doc_name = pkg.resolve(entry, _kid_text(body, "DocRoot"))
    if doc_name is None:
        raise errors.InputError(f"OFD 文件结构损坏（找不到 DocRoot 文档）：{shown}",
                                f"broken OFD, DocRoot document missing: {shown}")
    creator = _kid_text(_kid(body, "DocInfo"), "Creator")[:200]
    document = pkg.xml(doc_name)
    common = _kid(document, "CommonData")
    default_box = _box(_kid_text(_kid(common, "PageArea"), "PhysicalBox")) or (0.0, 0.0, 210.0, 297.0)
    fonts, units = _resources(pkg, doc_name, common)
    templates = {(t.get("ID") or "").strip(): pkg.resolve(doc_name, t.get("BaseLoc")) for t in _kids(common, "TemplatePage")}
    page_refs = _kids(_kid(document, "Pages"), "Page")
    if not page_refs:
        raise errors.InputError(f"OFD 没有任何页面：{shown}", f"OFD has no pages: {shown}")
    if len(page_refs) > _MAX_PAGES:
        raise errors.InputError(f"OFD 页数过多（{len(page_refs)} 页），不像一份绩效自评报告：{shown}",
                                f"OFD has too many pages ({len(page_refs)}) for a report: {shown}")
    budget = [_MAX_OBJECTS]
    pages: list[OfdPage] = []
    for ref in page_refs:
        name = pkg.resolve(doc_name, ref.get("BaseLoc"))
        proot = pkg.xml(name) if name else None
        box = _box(_kid_text(_kid(proot, "Area"), "PhysicalBox")) or default_box
        if not (0 < box[2] < 10_000 and 0 < box[3] < 10_000):
            box = default_box
        b = _PageBuilder(pkg, fonts, units, box, budget)
        if proot is not None:
            for tref in _kids(proot, "Template"):  # background templates: running heads, page numbers
                tname = templates.get((tref.get("TemplateID") or "").strip())
                if tname:
                    b.content(pkg.xml(tname), tname)
            b.content(proot, name)
        pages.append(b.page)
    return pages, creator


def read_ofd(path: Path, shown: str | None = None) -> Document:
    from checker.read.pdf import read_layout_pages

    shown = shown or str(path)
    pages, creator = read_pages(path, shown)
    doc = read_layout_pages(pages, source=shown, fmt="ofd")
    doc.producer = creator
    if not any(p.text.strip() for p in doc.paragraphs) and not doc.tables:
        if any(p.images for p in pages):
            raise errors.InputError(f"OFD 只含图像（扫描件），暂不支持对 OFD 扫描件做 OCR，请提供 PDF：{shown}",
                                    f"image-only OFD (a scan); OCR of OFD is not supported, send a PDF: {shown}")
        raise errors.InputError(f"OFD 的 {doc.n_pages} 页中没有任何文字：{shown}",
                                f"no text on any of the {doc.n_pages} OFD pages: {shown}")
    doc.warnings.append("no-page-image")
    return doc
