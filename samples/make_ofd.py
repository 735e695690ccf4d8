"""Write OFD (GB/T 33190) twins of sample PDFs: `python samples/make_ofd.py [NAME ...]`.

No OFD writer on PyPI serves: pdf2ofd turns text into glyph outlines (no text left to read) and
easyofd writes page images with optional text but no ruling lines. So this small writer copies what
a PDF page holds into OFD objects: every run of characters (same font, size and baseline) becomes
a TextObject with its TextCode position and DeltaX advances (the `g` shorthand where advances
repeat), every ruling line and rectangle a PathObject. Units are millimetres, as OFD wants.

To exercise more of the format than one producer would, the writer varies by document: in the
second and later samples each page's ruling lines go into a background template page (as forms with
a printed grid do), and text objects in odd-numbered samples are drawn through a CTM (coordinates
and size halved, the CTM doubling them).

The key of `<name>.ofd` is `<name>.expected.json`, shared with the PDF twin.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pdfplumber

HERE = Path(__file__).resolve().parent
DEFAULT = ["culture-2022-faults", "agri-insurance-2022-faults", "edu-nutrition-2023", "roads-2024-faults"]
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
MM = 25.4 / 72  # millimetres per point


def f(v: float) -> str:
    return f"{v * MM:.3f}".rstrip("0").rstrip(".") or "0"


def _deltas(values: list[float]) -> str:
    """DeltaX with runs of equal values written as `g N value`."""
    out: list[str] = []
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[i]:
            j += 1
        n = j - i + 1
        out.append(f"g {n} {values[i]}" if n >= 3 else " ".join([str(values[i])] * n))
        i = j + 1
    return " ".join(out)


class Writer:
    def __init__(self, halve_text: bool):
        self.next_id = 1
        self.fonts: dict[str, int] = {}
        self.halve = halve_text

    def nid(self) -> int:
        self.next_id += 1
        return self.next_id

    def font(self, name: str) -> int:
        name = name.split("+", 1)[-1]
        if name not in self.fonts:
            self.fonts[name] = self.nid()
        return self.fonts[name]

    def text_objects(self, chars: list[dict]) -> list[str]:
        """Runs of characters → TextObjects; the baseline is placed so that a reader taking 88 %
        of the size above it and 12 % below gets back the PDF's character boxes."""
        runs: list[list[dict]] = []
        for ch in chars:
            if not ch.get("upright", True):
                continue
            last = runs[-1][-1] if runs else None
            # a visible gap starts a new run: the reader sees glyph widths only through the advances
            if (last is not None and ch["fontname"] == last["fontname"] and abs(ch["size"] - last["size"]) < 0.01
                    and abs(ch["top"] - last["top"]) < 0.01 and 0 <= ch["x0"] - last["x0"] < 3 * ch["size"]
                    and ch["x0"] - last["x1"] < 0.2 * ch["size"]):
                runs[-1].append(ch)
            else:
                runs.append([ch])
        out = []
        for run in runs:
            while run and not run[-1]["text"].strip():
                run.pop()
            while run and not run[0]["text"].strip():
                run.pop(0)
            if not run:
                continue
            h = run[0]["bottom"] - run[0]["top"]
            x0, top = run[0]["x0"], run[0]["top"]
            x1 = max(c["x1"] for c in run)
            deltas = [round((b["x0"] - a["x0"]) * MM * (2 if self.halve else 1), 3) for a, b in zip(run, run[1:])]
            text = escape("".join(c["text"] for c in run))
            k = 2 if self.halve else 1
            ctm = ' CTM="0.5 0 0 0.5 0 0"' if self.halve else ""
            dx = f' DeltaX="{_deltas(deltas)}"' if deltas else ""
            out.append(
                f'<ofd:TextObject ID="{self.nid()}" Boundary="{f(x0)} {f(top)} {f(x1 - x0)} {f(h)}"'
                f' Font="{self.font(run[0]["fontname"])}" Size="{float(f(h)) * k:.3f}"{ctm}>'
                f'<ofd:FillColor Value="0 0 0"/>'
                f'<ofd:TextCode X="0" Y="{float(f(0.88 * h)) * k:.3f}"{dx}>{text}</ofd:TextCode></ofd:TextObject>')
        return out

    def path_objects(self, page) -> list[str]:
        out = []
        for ln in page.lines:
            x0, top, x1, bottom = ln["x0"], ln["top"], ln["x1"], ln["bottom"]
            w = max(ln.get("linewidth", 0.5) or 0.5, 0.1)
            out.append(f'<ofd:PathObject ID="{self.nid()}" Boundary="{f(x0)} {f(top)} {f(x1 - x0)} {f(bottom - top)}"'
                       f' LineWidth="{f(w)}"><ofd:AbbreviatedData>M 0 0 L {f(x1 - x0)} {f(bottom - top)}'
                       f'</ofd:AbbreviatedData></ofd:PathObject>')
        for r in page.rects:
            x0, top, w, h = r["x0"], r["top"], r["x1"] - r["x0"], r["bottom"] - r["top"]
            fill = "true" if r.get("fill") else "false"
            stroke = "true" if r.get("stroke") else "false"
            out.append(f'<ofd:PathObject ID="{self.nid()}" Boundary="{f(x0)} {f(top)} {f(w)} {f(h)}"'
                       f' Fill="{fill}" Stroke="{stroke}"><ofd:AbbreviatedData>M 0 0 L {f(w)} 0 L {f(w)} {f(h)}'
                       f' L 0 {f(h)} C</ofd:AbbreviatedData></ofd:PathObject>')
        return out


def _page_xml(area: str, objects: list[str], template: int | None) -> str:
    tref = f'<ofd:Template TemplateID="{template}" ZOrder="Background"/>' if template else ""
    return (f"<?xml version='1.0' encoding='UTF-8'?>\n<ofd:Page {NS}>{area}{tref}<ofd:Content>"
            f'<ofd:Layer Type="Body" ID="{len(objects) + 1}">' + "".join(objects) + "</ofd:Layer></ofd:Content></ofd:Page>")


def pdf_to_ofd(pdf_path: Path, out: Path, background_template: bool, halve_text: bool) -> None:
    w = Writer(halve_text)
    parts: dict[str, str] = {}
    page_entries = []
    templates = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        first = pdf.pages[0]
        default_box = f"0 0 {f(float(first.width))} {f(float(first.height))}"
        for i, page in enumerate(pdf.pages):
            chars = list(page.chars)
            tid = None
            paths = w.path_objects(page)
            if background_template and paths:
                # the ruling lines as a background template page, as forms with a printed grid are
                tid = w.nid()
                tname = f"Tpls/Tpl_{i}/Content.xml"
                parts[f"Doc_0/{tname}"] = _page_xml("", paths, None)
                templates.append(f'<ofd:TemplatePage ID="{tid}" BaseLoc="{tname}"/>')
                paths = []
            objects = paths + w.text_objects(chars)
            box = f"0 0 {f(float(page.width))} {f(float(page.height))}"
            area = f"<ofd:Area><ofd:PhysicalBox>{box}</ofd:PhysicalBox></ofd:Area>" if box != default_box else ""
            parts[f"Doc_0/Pages/Page_{i}/Content.xml"] = _page_xml(area, objects, tid)
            page_entries.append(f'<ofd:Page ID="{w.nid()}" BaseLoc="Pages/Page_{i}/Content.xml"/>')
        creator = str((pdf.metadata or {}).get("Producer", ""))
    fonts = "".join(f'<ofd:Font ID="{fid}" FontName={quoteattr(name)} FamilyName={quoteattr(name)}/>'
                    for name, fid in w.fonts.items())
    parts["Doc_0/PublicRes.xml"] = (f"<?xml version='1.0' encoding='UTF-8'?>\n<ofd:Res {NS} BaseLoc=\"Res\">"
                                    f"<ofd:Fonts>{fonts}</ofd:Fonts></ofd:Res>")
    parts["Doc_0/Document.xml"] = (
        f"<?xml version='1.0' encoding='UTF-8'?>\n<ofd:Document {NS}><ofd:CommonData>"
        f"<ofd:MaxUnitID>{w.next_id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>{default_box}</ofd:PhysicalBox>"
        f"</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{''.join(templates)}</ofd:CommonData>"
        f"<ofd:Pages>{''.join(page_entries)}</ofd:Pages></ofd:Document>")
    parts["OFD.xml"] = (
        f"<?xml version='1.0' encoding='UTF-8'?>\n<ofd:OFD {NS} Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody>"
        f"<ofd:DocInfo><ofd:DocID>{pdf_path.stem}</ofd:DocID><ofd:Creator>{escape(creator)} via samples/make_ofd.py"
        f"</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ["OFD.xml", *sorted(n for n in parts if n != "OFD.xml")]:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 1, 9, 0, 0))  # reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, parts[name])


def main(names: list[str]) -> None:
    for k, name in enumerate(names or DEFAULT):
        pdf_to_ofd(HERE / f"{name}.pdf", HERE / f"{name}.ofd", background_template=k >= 1, halve_text=k % 2 == 1)
        print(f"samples/{name}.ofd")


if __name__ == "__main__":
    main(sys.argv[1:])
