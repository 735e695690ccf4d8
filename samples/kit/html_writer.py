"""HTML writer for a block list (printed to PDF by headless Chromium for the "-chrome" twin)."""

from __future__ import annotations

import html
from pathlib import Path

from .blocks import PageBreak, Para, para_text
from .docx_writer import SPLIT_ROW_CHARS

HTML_CSS = """
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; margin: 0; }
p { margin: 0; }
p.body { text-indent: 2em; text-align: justify; }
p.h1 { text-indent: 2em; font-family: "Noto Sans CJK SC", sans-serif; }
p.h2 { text-indent: 2em; font-weight: bold; }
p.title { text-align: center; font-size: 22pt; line-height: 36pt; font-weight: bold; }
p.cover-title { text-align: center; font-size: 26pt; line-height: 44pt; font-weight: bold; }
p.cover { margin-left: 1.5cm; line-height: 36pt; }
p.caption { text-align: center; font-family: "Noto Sans CJK SC", sans-serif; }
p.table-title { text-align: center; font-size: 18pt; line-height: 30pt; font-weight: bold; }
p.unit { text-align: right; font-size: 12pt; line-height: 20pt; }
p.attach { font-family: "Noto Sans CJK SC", sans-serif; }
p.center { text-align: center; } p.right { text-align: right; }
p.small { font-size: 12pt; line-height: 21pt; }
div.pb { break-after: page; }
table { border-collapse: collapse; table-layout: fixed; margin: 0 auto; }
td { border: 0.75pt solid #000; padding: 1pt 3pt; vertical-align: middle; }
td p { text-indent: 0; }
td p.ind { text-indent: 2em; }
thead { display: table-header-group; }
tr.keep { break-inside: avoid; }
"""


def write_html(blocks, path: Path, title: str):
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{HTML_CSS}</style></head><body>",
    ]
    for b in blocks:
        if isinstance(b, PageBreak):
            out.append('<div class="pb"></div>')
        elif isinstance(b, Para):
            if b.kind == "cover-gap":
                out.append(f'<div style="height:{28 * max(1, int(b.text or 1))}pt"></div>')
                continue
            out.append(f'<p class="{b.kind}">{html.escape(b.text) or "&nbsp;"}</p>')
        else:
            total = sum(b.widths)
            line = round(b.size * 1.45, 1)
            out.append(f'<table style="width:{total}cm; font-size:{b.size}pt; line-height:{line}pt">')
            out.append("<colgroup>" + "".join(f'<col style="width:{w}cm">' for w in b.widths) + "</colgroup>")
            for r, row in enumerate(b.rows):
                if r == 0 and b.header_rows:
                    out.append("<thead>")
                if r == b.header_rows and b.header_rows:
                    out.append("</thead><tbody>")
                tds = []
                for cell in row:
                    attrs = ""
                    if cell.cs > 1:
                        attrs += f' colspan="{cell.cs}"'
                    if cell.rs > 1:
                        attrs += f' rowspan="{cell.rs}"'
                    ps = []
                    for item in cell.paras:
                        text, align = (item, cell.align) if isinstance(item, str) else item
                        cls = ' class="ind"' if (cell.indent and align != "center") else ""
                        st = f' style="text-align:{align}"'
                        bold = " font-weight:bold;" if cell.bold else ""
                        if bold:
                            st = f' style="text-align:{align};{bold}"'
                        ps.append(f"<p{cls}{st}>{html.escape(text)}</p>")
                    tds.append(f"<td{attrs}>{''.join(ps)}</td>")
                short = all(sum(len(para_text(p)) for p in c.paras) <= SPLIT_ROW_CHARS for c in row)
                out.append(('<tr class="keep">' if short else "<tr>") + "".join(tds) + "</tr>")
            if b.header_rows:
                out.append("</tbody>")
            out.append("</table>")
    out.append("</body></html>")
    path.write_text("\n".join(out), encoding="utf-8")


# ----------------------------------------------------------------------------------------------
