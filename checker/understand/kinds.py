"""What a file is: a form-only 自评表, a project report, a multi-project unit report, a 部门整体 report
or a 转移支付/衔接资金 regional report. The kind decides which sections a file must have; a file of
unknown kind is never asked for sections. Words and thresholds live in rules/kinds.toml.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from checker.knowledge import load_toml
from checker.model import Document, Paragraph
from checker.record import ValueRecord
from checker.understand import lexicon
from checker.understand.lazyre import lazy

_NUMBERED = lazy(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|"
                 r"\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[部章节]分?)")
_COLON = lazy(r"[:：]")


_CLAUSE_PUNCT = lazy(r"[。；;，,]")


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return load_toml("kinds.toml")


@dataclass(repr=False, eq=False)
class DocKind(ValueRecord):
    """What kind of report a document is, and the headings that told."""

    name: str  # project | unit | department | transfer | form | unknown
    label: str
    headings: list[str] = field(default_factory=list)
    reason: str = ""

    def required_sections(self) -> list[list[str]]:
        return lexicon.section_names(self.name)


def headings(doc: Document) -> list[str]:
    """Heading texts: short paragraphs, inline headings ("存在的问题：……" opening a paragraph), and
    a title wrapped over two lines joined into one."""
    det = _data()["detect"]
    out: list[str] = []
    prev_short = ""
    for i, p in enumerate(doc.paragraphs):
        t = p.text.strip()
        if not t:
            continue
        if len(t) <= det["heading_max"]:
            out.append(t)
            if prev_short and i < 6:
                out.append(prev_short + t)  # a title wrapped over two lines
            prev_short = t
            continue
        prev_short = ""
        m = _COLON.search(t, 0, det["inline_heading_max"] + 8)
        if m and m.start() <= det["inline_heading_max"] + 6:
            out.append(t[:m.start()])
        elif _NUMBERED.match(t):
            # "四、存在的问题。一是……" — a numbered heading run into its paragraph
            out.append(_CLAUSE_PUNCT.split(t, maxsplit=1)[0][:det["heading_max"]])
    for t in doc.tables:
        for c in t.cells:
            if 0 < len(c.text) <= 20:
                out.append(c.text)
    return out


_TOP_HEADING = lazy(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]")


def empty_headings(doc: Document) -> list[Paragraph]:
    """Top-level numbered headings ("三、偏离绩效目标的原因和下一步改进措施") directly followed by the
    next top-level heading, or by nothing: a section left with its title only. A table, a sub-heading
    or any paragraph in between is content."""
    det = _data()["detect"]
    heading_max = det["heading_max"]
    blocks = [b for b in doc.blocks if not (isinstance(b, Paragraph) and not b.text.strip())]

    def top(b) -> bool:
        return isinstance(b, Paragraph) and len(b.text.strip()) <= heading_max and bool(_TOP_HEADING.match(b.text))

    if not any(isinstance(b, Paragraph) and not top(b) and ("。" in b.text or len(b.text.strip()) > heading_max)
               for b in blocks):
        return []  # an outline (headings only) is not a report with one section left empty
    return [b for i, b in enumerate(blocks) if top(b) and (i + 1 == len(blocks) or top(blocks[i + 1]))
            and not any(w in b.text for w in det["may_be_empty"])]


def _prose_chars(doc: Document) -> int:
    det = _data()["detect"]
    n = 0
    for p in doc.paragraphs:
        t = p.text.strip()
        if len(t) > det["heading_max"]:
            n += len(t)
    return n


def kind_of(doc: Document, has_form: bool) -> DocKind:
    """The document's kind. `has_form`: an indicator table or a 自评表 funds block was recognised."""
    det, kinds = _data()["detect"], _data()["kinds"]
    heads = headings(doc)
    title = "".join(p.text for p in doc.paragraphs[:4])
    numbered = [p.text for p in doc.paragraphs if _NUMBERED.match(p.text)]

    def mk(name: str, reason: str) -> DocKind:
        return DocKind(name, kinds[name]["label"], heads, reason)

    if has_form and _prose_chars(doc) <= det["form_max_prose"] and len(numbered) < det["report_min_headings"]:
        return mk("form", "表格为主、几乎没有叙述")
    if any(w in h for h in heads for w in det["transfer_markers"]):
        return mk("transfer", "含转移支付模板章节")
    if any(w in title for w in det["department_title"]):
        return mk("department", "标题为部门整体")
    if any(w in title for w in det["unit_title"]):
        return mk("unit", "标题为单位自评")
    if any(w in title for w in det["results_title"]):
        return mk("results", "标题为项目自评结果")
    if len(numbered) >= det["report_min_headings"]:
        return mk("project", "有编号章节的叙述报告")
    return mk("unknown", "")
