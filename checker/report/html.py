"""The HTML renderer: one self-contained page (inline CSS, pictures as data: URIs, no network).

For every finding located on a PDF page with a bounding box the page is rendered once with pypdfium2
(at 2x), the region around the box is cropped, the box outlined in red, and the crop embedded as a PNG.
DOCX findings (no page geometry) quote the text instead.
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

from checker.report.labels import (
    OCR_MARK,
    SEVERITY_ORDER,
    SUMMARY_FIELDS,
    category_text,
    fix_text,
    location_text,
    ocr_mark,
    ocr_text,
    quote,
    rule_pointer,
    severity_text,
    unique_locations,
    verdict,
    where,
)

SCALE = 2.0  # render scale: 144 dpi, sharp on high-density screens
DISPLAY = 1.25  # CSS pixels per PDF point for the evidence pictures (about print size)
MAX_PICTURES = 3  # evidence pictures per finding
_MIN_W, _MIN_H, _MARGIN, _MAX_H = 480.0, 110.0, 28.0, 360.0  # crop geometry in PDF points

CSS = """
:root { --err:#c62828; --warn:#b26a00; --info:#1565c0; --line:#d9dde3; --mute:#5f6b7a; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif;
       margin: 0; background: #f4f6f8; color: #1d2630; line-height: 1.6; font-size: 15px; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 60px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0; word-break: break-all; }
h3 { font-size: 16px; margin: 22px 0 10px; }
.sub { color: var(--mute); font-size: 13px; }
.report { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; margin: 22px 0; }
table { border-collapse: collapse; }
.read { margin: 12px 0 6px; font-size: 14px; }
.read th { text-align: left; color: var(--mute); font-weight: normal; padding: 2px 14px 2px 0; white-space: nowrap; }
.read td { padding: 2px 24px 2px 0; }
.overview { width: 100%; font-size: 14px; margin-top: 14px; background: #fff; }
.overview th, .overview td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; }
.overview th { background: #eef1f4; }
.overview td.n { text-align: right; }
.counts span { display: inline-block; margin-right: 14px; }
.failed { color: var(--err); font-weight: bold; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--mute); border-radius: 6px;
           padding: 10px 14px; margin: 10px 0; background: #fff; page-break-inside: avoid; }
.finding.error { border-left-color: var(--err); }
.finding.warning { border-left-color: var(--warn); }
.finding.info { border-left-color: var(--info); }
.fhead { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-weight: bold; }
.badge { font-size: 12px; padding: 0 7px; border-radius: 9px; color: #fff; background: var(--mute); }
.badge.error { background: var(--err); } .badge.warning { background: var(--warn); } .badge.info { background: var(--info); }
.cat { font-size: 13px; color: var(--mute); }
.msg { margin: 4px 0; font-size: 15px; }
.hint { color: var(--mute); font-size: 13px; margin: 2px 0; }
.values { font-size: 14px; margin: 4px 0; }
.values th { color: var(--mute); font-weight: normal; padding: 0 6px 0 0; }
.values td { padding: 0 20px 0 0; font-family: "DejaVu Sans Mono", Consolas, "Noto Sans CJK SC", monospace; }
.values td.exp { color: #2e7d32; } .values td.fnd { color: var(--err); }
.locs { margin: 4px 0; padding-left: 18px; font-size: 13px; color: var(--mute); }
figure { margin: 8px 0 2px; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); display: block; }
figcaption { font-size: 12px; color: var(--mute); }
.ocr { color: #8a3ab9; font-size: 0.85em; margin-right: 4px; }
blockquote { margin: 6px 0; padding: 4px 12px; border-left: 3px solid var(--line); background: #f8f9fb;
             font-size: 14px; white-space: pre-wrap; }
.none { color: #2e7d32; }
.fix { font-size: 14px; margin: 6px 0 0; }
.fix .doc { color: var(--mute); font-size: 12px; margin-left: 12px; }
.where { font-size: 13px; color: var(--mute); margin: 4px 0 0; }
footer { color: var(--mute); font-size: 12px; text-align: center; }
"""


def _e(s) -> str:
    return html.escape("" if s is None else str(s), quote=True)


class PageImages:
    """Renders each needed PDF page once per file and crops evidence pictures from it."""

    def __init__(self, scale: float = SCALE):
        self.scale = scale
        self._docs: dict[str, object] = {}
        self._pages: dict[tuple[str, int], tuple | None] = {}

    def _page(self, path: str, number: int):
        key = (path, number)
        if key not in self._pages:
            self._pages[key] = None
            try:
                import pypdfium2 as pdfium

                if path not in self._docs:
                    self._docs[path] = pdfium.PdfDocument(path)
                doc = self._docs[path]
                if doc is not None and 1 <= number <= len(doc):
                    page = doc[number - 1]
                    ml, mb, mr, mt = page.get_mediabox()
                    cl, cb, cr, ct = page.get_cropbox()
                    img = page.render(scale=self.scale).to_pil().convert("RGB")
                    # pdfplumber coordinates: x from the page's left edge, top from the mediabox top
                    self._pages[key] = (img, cl - ml, mt - ct, cr - cl, ct - cb)
                    page.close()
            except Exception:
                self._docs.setdefault(path, None)
                self._pages[key] = None
        return self._pages[key]

    def crop(self, path: str, number: int, bbox, others=(), context=()) -> tuple[bytes, int, int, tuple] | None:
        """PNG of the region around bbox with bbox (and any other boxes in view) outlined in red.

        `context` boxes (the row's label cell, the column's header cell) are brought into the picture, so
        a figure is seen with what it is; a header far above the row is shown as its own strip on top.
        Returns (png, width px, height px, region in page points as x0, top, x1, bottom)."""
        got = self._page(path, number)
        if got is None or not bbox:
            return None
        from PIL import Image, ImageDraw

        img, dx, dy, pw, ph = got

        def page_box(b):
            return (float(b[0]) - dx, float(b[1]) - dy, float(b[2]) - dx, float(b[3]) - dy)

        x0, t0, x1, b0 = page_box(bbox)
        if x1 <= 0 or b0 <= 0 or x0 >= pw or t0 >= ph:
            return None
        ctx = [page_box(c) for c in context if c]
        header = [c for c in ctx if c[3] <= t0 + 1]  # above the cell: its column's header
        beside = [c for c in ctx if c not in header]  # the row's label
        xs = [x0, x1] + [v for c in ctx for v in (c[0], c[2])]
        lo_x, hi_x = min(xs) - _MARGIN, max(xs) + _MARGIN
        w = max(hi_x - lo_x, _MIN_W)
        cx = (lo_x + hi_x) / 2
        left = min(max(cx - w / 2, 0.0), max(pw - w, 0.0))
        right = min(left + w, pw)
        row_top = min([t0] + [c[1] for c in beside])
        row_bottom = max([b0] + [c[3] for c in beside])
        bands: list[tuple[float, float]] = []
        if header and row_bottom - min(c[1] for c in header) + 2 * _MARGIN <= _MAX_H:
            row_top = min(c[1] for c in header)  # header and row fit in one picture
        elif header:
            h = header[0]
            bands.append((max(h[1] - 6, 0.0), min(h[3] + 6, ph)))  # the header as a strip of its own
        h = max(row_bottom - row_top + 2 * _MARGIN, _MIN_H)
        top = max(min((row_top + row_bottom) / 2 - h / 2, ph - h), 0.0)
        if h > _MAX_H:  # a long paragraph: show its beginning
            top, h = max(row_top - _MARGIN, 0.0), _MAX_H
        bands.append((top, min(top + h, ph)))
        s = self.scale
        pieces = []
        for btop, bbottom in bands:
            box = (int(left * s), int(btop * s), int(right * s), int(bbottom * s))
            piece = img.crop(box)
            draw = ImageDraw.Draw(piece)
            for ob in (*others, bbox):
                if not ob:
                    continue
                a0, c0, a1, c1 = page_box(ob)
                rect = ((a0 - 2) * s - box[0], (c0 - 2) * s - box[1], (a1 + 2) * s - box[0], (c1 + 2) * s - box[1])
                draw.rectangle(rect, outline=(220, 20, 20), width=max(2, int(round(1.5 * s))))
            pieces.append(piece)
        gap = 10
        crop = Image.new("RGB", (pieces[0].width, sum(p.height for p in pieces) + gap * (len(pieces) - 1)),
                         (255, 255, 255))
        y = 0
        for k, piece in enumerate(pieces):
            crop.paste(piece, (0, y))
            y += piece.height
            if k < len(pieces) - 1:  # a dashed rule where rows were left out between header and row
                d = ImageDraw.Draw(crop)
                for x in range(0, crop.width, 12):
                    d.line((x, y + gap // 2, x + 6, y + gap // 2), fill=(150, 150, 150), width=2)
                y += gap
        buf = io.BytesIO()
        crop.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(buf, format="PNG")
        return buf.getvalue(), crop.width, crop.height, (left + dx, top + dy, right + dx, top + h + dy)

    def close(self) -> None:
        for d in self._docs.values():
            if d is not None:
                try:
                    d.close()
                except Exception:
                    pass
        self._docs.clear()
        self._pages.clear()


def _is_pdf(res) -> bool:
    if res.format == "pdf":
        return True
    try:
        with open(res.file, "rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def _inside(b, r) -> bool:
    return b[0] >= r[0] and b[1] >= r[1] and b[2] <= r[2] and b[3] <= r[3]


def _values(f) -> str:
    unit = f" {f.unit}" if getattr(f, "unit", None) else ""
    cells = []
    if f.expected is not None:
        cells.append(f'<th>应为</th><td class="exp">{_e(f.expected)}{_e(unit)}</td>')
    if f.found is not None:
        cells.append(f'<th>实为</th><td class="fnd">{_e(f.found)}{_e(unit)}</td>')
    if f.difference is not None:
        cells.append(f"<th>差额</th><td>{_e(f.difference)}{_e(unit)}</td>")
    return f'<table class="values"><tr>{"".join(cells)}</tr></table>' if cells else ""


def _mark(loc) -> str:
    """The 〔OCR〕 mark before a quote read from a scanned page."""
    return f'<span class="ocr" title="OCR 识别，可能有误读">{_e(OCR_MARK)}</span>' if ocr_mark(loc) else ""


def _evidence(res, f, pages: PageImages | None) -> str:
    """Each location once: as a picture with its place as the caption, or as a line with its quote."""
    out: list[str] = []
    listed: list[str] = []
    shown = 0
    regions: list[tuple[int, tuple]] = []  # pictures already shown: (page, region)
    for loc in unique_locations(f.locations):
        got = None
        if loc.page and loc.bbox and any(p == loc.page and _inside(loc.bbox, r) for p, r in regions):
            listed.append(f"<li>{_e(location_text(loc, 60))}（见上图）</li>")
            continue  # already outlined in an earlier picture
        if pages is not None and loc.page and loc.bbox and shown < MAX_PICTURES:
            others = [o.bbox for o in f.locations if o is not loc and o.page == loc.page and o.bbox]
            got = pages.crop(res.file, loc.page, loc.bbox, others, context=getattr(loc, "context", ()) or ())
        if got:
            png, w, h, region = got
            regions.append((loc.page, region))
            shown += 1
            data = base64.b64encode(png).decode("ascii")
            k = DISPLAY / pages.scale  # show at about the printed size
            q = quote(loc.text, 60)
            out.append(f'<figure><img src="data:image/png;base64,{data}" width="{round(w * k)}" '
                       f'height="{round(h * k)}" '
                       f'alt="{_e(f.rule)} 第{loc.page}页证据截图" loading="lazy">'
                       f"<figcaption>{_e(where(loc))}" + (f" “{_e(q)}”" if q else "") + "</figcaption></figure>")
        else:
            q = quote(loc.text, 300)
            w = where(loc)
            if len(q) > 60:  # a long passage: the place, then the passage as a quotation
                out.append((f'<p class="where">{_e(w)}</p>' if w else "") + f"<blockquote>{_mark(loc)}{_e(q)}</blockquote>")
            else:
                listed.append(f"<li>{_e(location_text(loc, 60))}</li>")
    return (f'<ul class="locs">{"".join(listed)}</ul>' if listed else "") + "".join(out)


def _finding(res, f, pages) -> str:
    fix = fix_text(f.rule)
    return (f'<div class="finding {_e(f.severity)}">'
            f'<div class="fhead"><span class="code">{_e(f.rule)}</span>'
            f'<span class="badge {_e(f.severity)}">{_e(severity_text(f.severity))}</span>'
            f'<span class="cat">{_e(category_text(f.category))}（{_e(f.category)}）</span></div>'
            f'<p class="msg">{_e(f.message)}</p>'
            + (f'<p class="hint">提示：{_e(f.hint)}</p>' if f.hint else "")
            + _values(f)
            + _evidence(res, f, pages)
            + f'<p class="fix"><b>如何修改：</b>{_e(fix)}<span class="doc">详见 <code>{_e(rule_pointer(f.rule))}</code>'
              f"</span></p>"
            + "</div>")


def _report(i: int, res, pages: PageImages) -> str:
    parts = [f'<section class="report" id="r{i}"><h2>{_e(res.file)}</h2>']
    if res.error:
        parts.append(f'<p class="failed">无法检查：{_e(res.error)}</p></section>')
        return "".join(parts)
    s = res.summary or {}
    unit = s.get("money_unit") or ""
    rows = [(label, f"{s[key]} {unit}" if key in ("budget", "spent", "balance") and unit else s[key])
            for key, label in SUMMARY_FIELDS if s.get(key) not in (None, "")]
    rows.append(("文件", f"{res.format.upper()}，{res.pages} 页" + ocr_text(res)
                 + f"，用时 {res.seconds:.2f} 秒"))
    parts.append('<table class="read">' + "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
                 + "</table>")
    c = res.counts
    parts.append(f'<p class="counts"><span>共 {len(res.findings)} 项</span><span>错误 {c["error"]}</span>'
                 f'<span>警告 {c["warning"]}</span><span>提示 {c["info"]}</span></p>')
    if not res.findings:
        parts.append('<p class="none">未发现问题。</p>')
    use_pages = pages if _is_pdf(res) else None
    for sev in SEVERITY_ORDER:
        fs = [f for f in res.findings if f.severity == sev]
        if fs:
            parts.append(f"<h3>{_e(severity_text(sev))}（{len(fs)}）</h3>")
            parts.extend(_finding(res, f, use_pages) for f in fs)
    parts.append("</section>")
    return "".join(parts)


def _overview(results) -> str:
    rows = []
    for i, r in enumerate(results):
        c, s = r.counts, r.summary or {}
        rows.append(f'<tr><td><a href="#r{i}">{_e(Path(r.file).name)}</a></td><td>{_e(s.get("project", ""))}</td>'
                    f'<td>{_e(s.get("score", ""))}</td><td>{_e(s.get("grade", ""))}</td>'
                    f'<td class="n">{c["error"]}</td><td class="n">{c["warning"]}</td><td class="n">{c["info"]}</td>'
                    f'<td{" class=failed" if r.error else ""}>{_e(verdict(r))}'
                    + (f"：{_e(r.error)}" if r.error else "") + "</td></tr>")
    return ('<table class="overview"><tr><th>文件</th><th>项目</th><th>得分</th><th>等级</th><th>错误</th>'
            "<th>警告</th><th>提示</th><th>结论</th></tr>" + "".join(rows) + "</table>")


def render_html(results, scale: float = SCALE, **_opts) -> str:
    from checker import __version__

    parts = []
    for i, r in enumerate(results):
        pages = PageImages(scale)  # one file's rendered pages at a time
        try:
            parts.append(_report(i, r, pages))
        finally:
            pages.close()
    body = "".join(parts)
    from checker.report.console import footer

    n_err = sum(r.counts["error"] for r in results)
    n_warn = sum(r.counts["warning"] for r in results)
    title = "pecheck 检查结果" + (f"：{Path(results[0].file).name}" if len(results) == 1 else "")
    return ("<!DOCTYPE html>\n"
            '<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{CSS}</style></head><body><main>"
            f"<h1>绩效自评报告检查结果</h1>"
            f'<p class="sub">{_e(footer(results).split("；")[0])}；错误 {n_err} 项，警告 {n_warn} 项</p>'
            + (_overview(results) if len(results) > 1 else "")
            + body
            + f"<footer>pecheck {_e(__version__)}</footer></main></body></html>\n")
