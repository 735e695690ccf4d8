#!/usr/bin/env python3
"""Rebuild the pecheck sample corpus (samples/*.docx, *.pdf, *.expected.json, README.md).

    python samples/build.py                 # everything
    python samples/build.py --no-pdf        # DOCX + answer keys only (no LibreOffice / Chromium)
    python samples/build.py --only NAME...  # these samples (a folder name builds it and its -faults)

Each report is a folder samples/reports/<name>/ (report.md, faults.toml, ...; see kit/FORMAT.md).
The kit turns it into blocks, writes them as DOCX (python-docx) and renders the PDF with LibreOffice
headless, or writes HTML printed by headless Chromium for the "-chrome" twin.  Outputs are
normalised, so a rebuild with the same tool versions gives byte-identical DOCX files, and a PDF
whose input did not change is not rendered again.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from kit.blocks import Table, place  # noqa: E402
from kit.docx_writer import write_docx  # noqa: E402
from kit.html_writer import write_html  # noqa: E402
from kit.render import chromium_to_pdf, pdf_pages, soffice_to_pdf  # noqa: E402
from kit.sample import SampleError, load_all, write_key, write_readme  # noqa: E402

REPORTS = HERE / "reports"


def _chrome_current(html: Path, pdf: Path) -> bool:
    """Chromium PDFs carry no /ID, so the digest of the HTML they came from is kept beside them
    (<name>.html.sha256, committed with the PDF)."""
    stamp = pdf.with_suffix(".html.sha256")
    digest = hashlib.sha256(html.read_bytes()).hexdigest()
    if pdf.exists() and stamp.exists() and stamp.read_text() == digest:
        return True
    stamp.write_text(digest)
    return False


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-pdf", action="store_true", help="skip LibreOffice/Chromium rendering")
    ap.add_argument("--only", nargs="*", help="build only these samples (NAME also builds NAME-faults)")
    ap.add_argument("--force", action="store_true", help="re-render PDFs even when their input is unchanged")
    ap.add_argument("--outdir", default=str(HERE), help="output folder (default: samples/)")
    args = ap.parse_args(argv)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    work = outdir / "build"
    work.mkdir(exist_ok=True)
    try:
        samples = load_all(REPORTS)
    except SampleError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    wanted = set(args.only or [])
    chosen = [
        s for s in samples
        if not args.only or {s.name, s.key.get("base"), s.name.removesuffix("-chrome")} & wanted
    ]
    if args.only and not chosen:
        print(f"error: no sample named {' '.join(args.only)}", file=sys.stderr)
        return 2
    docs = []
    for s in chosen:
        for t in s.blocks:
            if isinstance(t, Table):
                place(t)  # validates the grid
        if s.producer == "docx":
            p = outdir / f"{s.name}.docx"
            write_docx(s.blocks, p, s.style)
            if getattr(s, "pdf", True):
                docs.append(p)
        else:
            write_html(s.blocks, work / f"{s.name}.html", s.name)
        write_key(s, outdir)
        print(f"wrote {s.name} ({s.producer})", file=sys.stderr)
    write_readme(samples, outdir)  # lists every sample (cheap; also after --only)
    if args.no_pdf:
        return 0
    if docs:
        done = soffice_to_pdf(docs, outdir, force=args.force)
        print(f"LibreOffice rendered {len(done)} of {len(docs)} PDFs (the others were up to date)", file=sys.stderr)
    for s in chosen:
        if s.producer == "chrome":
            html, pdf = work / f"{s.name}.html", outdir / f"{s.name}.pdf"
            if args.force or not _chrome_current(html, pdf):
                chromium_to_pdf(html, pdf)
    for s in chosen:
        print(f"{s.name}.pdf: {pdf_pages(outdir / f'{s.name}.pdf')} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
