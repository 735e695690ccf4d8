"""`--annotate OUT.docx`: the department's own DOCX back, with one Word comment per finding.

Each comment sits on exactly what the finding is about: a paragraph finding on its quoted clause
(runs are split at the clause's edges), a table finding on the cell. Its author is "pecheck"; its
text holds the rule and severity, the message, the expected and found values and a how-to-fix
line. Findings that cannot be placed (no location in the file, text the reader normalised beyond
recognition) are listed together in one comment at the start of the document.

The comments are written with python-docx's comments API (≥ 1.2). python-docx has no way to split
a run, so that one step copies the run element and gives each half its text through the library's
`Run.text`. The input is only read; the copy is written to a temporary file and renamed.
"""

from __future__ import annotations

import copy
from pathlib import Path

from checker.errors import InputError
from checker.fingerprint import norm
from checker.report.fixes import how_to_fix
from checker.textnorm import map_chars

AUTHOR = "pecheck"
INITIALS = "PC"
_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def comment_text(f) -> str:
    lines = [f"{f.rule}（{_SEVERITY.get(f.severity, f.severity)}）{f.message}"]
    vals = []
    if f.expected is not None:
        vals.append(f"应为：{f.expected}")
    if f.found is not None:
        vals.append(f"实为：{f.found}")
    if vals:
        lines.append("；".join(vals))
    if f.hint:
        lines.append(f"提示：{f.hint}")
    lines.append(f"修改建议：{how_to_fix(f)}")
    return "\n".join(lines)


def annotate_docx(src, result, out, doc=None) -> tuple[int, int]:
    """Write `out`, a copy of the DOCX `src` with a comment per finding of `result`.

    Returns (findings anchored in place, findings listed in the opening comment). `doc` is the
    checker Document read from `src` (read again when not given)."""
    import docx
    from docx.oxml.ns import qn

    src, out = Path(src), Path(out)
    if out.suffix.lower() != ".docx":
        raise InputError(f"DOCX 的批注副本应保存为 .docx 文件：{out}",
                         f"the commented copy of a DOCX must be a .docx file: {out}")
    if out.exists() and out.resolve() == src.resolve():
        raise InputError(f"批注副本不能覆盖原文件：{out}", f"the annotated copy must not overwrite the input: {out}")
    if doc is None:
        from checker.read import load

        doc = load(src)
    if doc.format != "docx":
        raise InputError("Word 批注输出仅支持 DOCX 输入", "Word comments need a DOCX input")
    wd = docx.Document(str(src))
    body = wd.element.body
    places = {"p": list(body.iter(qn("w:p"))), "tc": list(body.iter(qn("w:tc")))}
    unplaced = []
    placed = 0
    for f in result.findings:
        runs = None
        for loc in f.locations:
            runs = _anchor(wd, doc, places, loc)
            if runs:
                break
        if runs:
            wd.add_comment(runs, text=comment_text(f), author=AUTHOR, initials=INITIALS)
            placed += 1
        else:
            unplaced.append(f)
    if unplaced:
        head = [f"pecheck：以下 {len(unplaced)} 处问题无法定位到原文，列在此处"]
        head += [f"{i}. {comment_text(f)}" for i, f in enumerate(unplaced, 1)]
        wd.add_comment(_opening_runs(wd), text="\n".join(head), author=AUTHOR, initials=INITIALS)
    _save(wd, out)
    return placed, len(unplaced)


def _save(wd, out: Path) -> None:
    import io

    from checker.report.render import write_atomic

    buf = io.BytesIO()
    wd.save(buf)
    try:
        write_atomic(out, buf.getvalue())
    except OSError as exc:
        raise InputError(f"无法写出批注文件：{out}（{exc.strerror or exc}）",
                         f"cannot write the annotated copy: {out}") from exc


def _opening_runs(wd):
    """The first run of the document's first paragraph with text (a new run if there is none)."""
    for p in wd.paragraphs:
        if p.runs and p.text.strip():
            return [p.runs[0]]
    p = wd.paragraphs[0] if wd.paragraphs else wd.add_paragraph()
    return [p.add_run("")]


def _anchor(wd, doc, places, loc):
    """The runs a location's comment goes on, or None."""
    from docx.text.paragraph import Paragraph as WordParagraph

    from checker.model import Cell, Paragraph

    target = doc.resolve(loc.ref) if loc.ref else None
    source = getattr(target, "source", "")
    if not source or "/" not in source:
        return None
    kind, _, i = source.partition("/")
    elements = places.get(kind, [])
    if not i.isdigit() or int(i) >= len(elements):
        return None
    el = elements[int(i)]
    if isinstance(target, Paragraph):
        return _clause_runs(wd, el, loc.text) or _whole(wd, el)
    if isinstance(target, Cell):
        from docx.oxml.ns import qn

        paras = el.findall(qn("w:p"))
        quote = norm(loc.text)
        if quote and quote != norm(target.raw):  # a clause quoted out of the cell
            for p in paras:
                runs = _clause_runs(wd, p, loc.text)
                if runs:
                    return runs
        with_text = [p for p in paras if _whole(wd, p)]
        if with_text:
            return [_whole(wd, with_text[0])[0], _whole(wd, with_text[-1])[-1]]
        if paras:  # an empty cell (a blank the department must fill): a point comment in it
            return [WordParagraph(paras[0], wd).add_run("")]
    return None


def _whole(wd, p_el):
    """The runs of a paragraph element that carry text."""
    from docx.text.paragraph import Paragraph as WordParagraph
    from docx.text.run import Run

    from checker.read.docx import run_spans

    para = WordParagraph(p_el, wd)
    return [Run(r, para) for r, _, _ in run_spans(p_el)]


def _clause_runs(wd, p_el, quote: str):
    """The runs covering exactly `quote` in a paragraph element, split at the quote's two ends."""
    from docx.text.paragraph import Paragraph as WordParagraph
    from docx.text.run import Run

    from checker.read.docx import run_spans, run_text

    span = _find(run_text(p_el), quote)
    if span is None:
        return None
    a, b = span
    for cut in (a, b):
        for r, s, e in run_spans(p_el):
            if s < cut < e:
                _split(r, cut - s)
                break
    para = WordParagraph(p_el, wd)
    runs = [Run(r, para) for r, s, e in run_spans(p_el) if s >= a and e <= b]
    return runs or None


def _find(raw: str, quote: str) -> tuple[int, int] | None:
    """Where a quote (taken from the normalised text) sits in the raw text: characters compared
    after the same character mapping, whitespace ignored on both sides."""
    chars: list[str] = []
    at: list[int] = []
    for i, ch in enumerate(raw):
        for c in map_chars(ch):
            if not c.isspace():
                chars.append(c)
                at.append(i)
    q = "".join(c for c in map_chars(quote) if not c.isspace())
    if not q:
        return None
    k = "".join(chars).find(q)
    if k < 0:
        return None
    return at[k], at[k + len(q) - 1] + 1


_SIMPLE = {"rPr", "t", "tab", "br"}


def _split(r, k: int) -> None:
    """Split run element `r` after its k-th character into two runs of the same formatting. Only
    runs made of text, tabs and line breaks are split; others (fields, drawings) stay whole."""
    from docx.text.run import Run

    from checker.read.docx import W, run_text

    if any(child.tag.removeprefix(W) not in _SIMPLE for child in r):
        return
    if any(child.tag == f"{W}br" and child.get(f"{W}type") == "page" for child in r):
        return
    text = run_text(r)
    right = copy.deepcopy(r)
    r.addnext(right)
    Run(r, None).text = text[:k]
    Run(right, None).text = text[k:]
