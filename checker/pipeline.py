"""One report through the pipeline: read → understand → check, giving a Result (used by the CLI,
batch and every other front end)."""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import DEFAULT_TIMEOUT, fingerprint, knowledge  # noqa: F401 - DEFAULT_TIMEOUT re-exported
from checker.check.registry import Finding, drop_deferred, run_rules
from checker.config import Config
from checker.errors import InputError
from checker.record import ValueRecord

INPUT_SUFFIXES = (".pdf", ".docx", ".ofd", ".doc", ".wps", ".zip", ".7z")

# What a reader noted about the input that a reviewer must know to read the findings right
# (Document.warnings code → the sentence shown in every output).
READ_NOTES = {
    "no-page-image": "OFD 文件没有页面图像：证据截图和批注 PDF 不可用；位置按 OFD 页面坐标换算为磅（1/72 英寸）给出",
    "converted-by-libreoffice": "此文件由 LibreOffice 转换为 DOCX 后检查：页码、段落和表格位置均指转换后的文档",
    "opened-with-password": "此文件已加密，用所给密码打开检查：证据截图和批注 PDF 不可用",
    "archive-member": "此文件取自压缩包：证据截图和批注 PDF 不可用，请解压后单独检查以获得",
}


@dataclass(repr=False, eq=False)
class Result(ValueRecord):
    """The outcome of checking one file: findings, summary, and how it was read."""

    file: str
    format: str = ""
    pages: int = 0
    ocr: bool = False
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)  # what was read: project, unit, budget…
    seconds: float = 0.0
    ocr_confidence: float | None = None  # mean recognition confidence when text came from OCR
    notes: list[str] = field(default_factory=list)  # how the input was read (converted, no page image…)
    suppressed: int | None = None  # findings dropped as accepted by a baseline file (None: no baseline)
    previous: dict[str, Any] | None = None  # --previous: {file, fixed, still_open, new} against the last round

    @property
    def counts(self) -> dict[str, int]:
        c = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            c[f.severity] += 1
        return c

    @property
    def status(self) -> str:
        if self.error:
            return "failed"
        return "errors" if self.counts["error"] else ("warnings" if self.counts["warning"] else "ok")

    def to_dict(self) -> dict[str, Any]:
        d = {"file": self.file, "format": self.format, "pages": self.pages, "ocr": self.ocr,
             "error": self.error, "findings": [f.to_dict() for f in self.findings],
             "summary": self.summary, "seconds": round(self.seconds, 3)}
        if self.ocr:
            d["ocr_confidence"] = self.ocr_confidence
        if self.notes:
            d["notes"] = list(self.notes)
        if self.suppressed is not None:
            d["suppressed"] = self.suppressed
        if self.previous is not None:
            d["previous"] = self.previous
        return d


def knowledge_for(cfg: Config) -> knowledge.Knowledge:
    k = knowledge.load(cfg.profile)
    if cfg.thresholds:
        prof = dict(k.profile)
        prof["thresholds"] = {**prof.get("thresholds", {}), **cfg.thresholds}
        k = dataclasses.replace(k, profile=prof)
    return k


# labels under which a report states its project and its unit: on the cover, in a paragraph, or in the
# cell left of the value in the self-evaluation table
_SUMMARY_LABELS = {"project": ("项目名称", "专项名称", "项目全称"),
                   "unit": ("项目实施单位", "实施单位", "单位名称", "部门（单位）名称", "部门名称", "预算单位", "填报单位",
                            "项目单位")}


def _labelled(doc, labels: tuple[str, ...], k) -> str | None:
    from checker.understand import lexicon

    for b in doc.paragraphs[:15]:
        for w in labels:
            if b.text.startswith(w):
                val = b.text[len(w):].lstrip("：: （）()盖章").strip()
                # the next label on the same line ends the value
                cut = [i for stop in lexicon.words("summary.value_stops") if (i := val.find(stop)) > 0]
                val = val[:min(cut)] if cut else val
                if val:
                    return val[:60]
    for t in doc.tables:
        for c in t.cells:
            if "".join(c.text.split()).rstrip("：:") in labels:
                nxt = t.at(c.row, c.col + c.col_span)
                if nxt is not None and nxt is not c and 1 < len(nxt.text.strip()) <= 60 \
                        and k.column_concept(nxt.text) in (None, "name", "level3"):  # a value, not a header
                    return nxt.text.strip()
    return None


def _title_project(doc) -> str | None:
    """The report's title names the project: '2022年度XX项目支出绩效自评报告' → '2022年度XX项目'."""
    from checker.understand import lexicon

    texts = ["".join(b.text.split()) for b in doc.paragraphs[:8]]
    # a title is often set on two lines: try each line and each line joined with the one before
    for t in [x for i, x in enumerate(texts) for x in ((x, texts[i - 1] + x) if i else (x,))]:
        for tail in lexicon.words("summary.title_tails"):
            if t.endswith(tail) and len(t) > len(tail) + 2:
                name = t[: -len(tail)].rstrip("—-–")
                if not name.lstrip("0123456789").lstrip("年度").removeprefix("绩效").removeprefix("项目支出"):
                    continue  # "2024年度绩效自评报告" on its own line: the project is on the line above
                return name[:-2] if name.endswith("项目支出") else name
    return None


def _summary(facts) -> dict[str, Any]:
    s: dict[str, Any] = {}
    doc = facts.doc
    for key, labels in _SUMMARY_LABELS.items():
        val = _labelled(doc, labels, facts.k)
        if val:
            s[key] = val
    if "project" not in s:
        title = _title_project(doc)
        if title:
            s["project"] = title
    if facts.year:
        s["year"] = facts.year
    for concept in ("budget", "spent", "balance", "rate"):
        got = facts.total(concept)
        if got:
            s[concept] = got[0].raw.strip()
            if concept != "rate" and got[0].is_money:
                s.setdefault("money_unit", got[0].unit)
    if "budget" not in s:
        for n, _ in facts.summary.get("plan_total", []):
            if n is not None:
                s["budget"] = n.raw.strip()
                if n.is_money:
                    s.setdefault("money_unit", n.unit)
                break
    if "money_unit" not in s and facts.fund is not None and facts.fund.unit:
        s["money_unit"] = facts.fund.unit
    fs = facts.final_score
    if fs:
        s["score"] = fs[0].raw.strip()
    if facts.grades:
        s["grade"] = facts.grades[0].word
    return s


def check_file(path: str | Path, cfg: Config, ocr: str = "auto", progress=None) -> Result:
    """Read, understand and check one file. `progress(done, total, page)` is called after each
    OCR'd page."""
    from checker.read import load

    t0 = time.perf_counter()
    res = Result(file=str(path))
    try:
        passwords = getattr(cfg, "passwords", None)
        doc = load(path, ocr=ocr, password=passwords.for_file(path) if passwords else None, progress=progress)
    except InputError as exc:
        res.error = exc.line()
        res.format = Path(str(path).rsplit("!/", 1)[-1]).suffix.lstrip(".").lower()
        res.seconds = time.perf_counter() - t0
        return res
    except MemoryError:
        res.error = f"文件过大，内存不足：{path}（out of memory）"
        return res
    except Exception as exc:  # a parser bug on an odd file: report it for this file, never a traceback
        if os.environ.get("PECHECK_DEBUG"):
            raise
        res.error = f"读取时发生内部错误（{type(exc).__name__}），请报告此文件：{path}（internal error while reading）"
        return res
    res = check_document(doc, cfg, path, res)
    res.seconds = time.perf_counter() - t0
    return res


def check_document(doc, cfg: Config, path: str | Path, res: Result | None = None) -> Result:
    """Understand and check a read document; findings resting on OCR'd text are verified."""
    from checker.understand.facts import extract

    res = res or Result(file=str(path))
    res.format, res.pages, res.ocr = doc.format, doc.n_pages, doc.ocr
    res.notes = [READ_NOTES[w] for w in doc.warnings if w in READ_NOTES]
    try:
        facts = extract(doc, knowledge_for(cfg))
        res.findings = run_rules(facts, select=cfg.select, ignore=cfg.ignore, severities=cfg.severities,
                                 options=cfg.options, defer=not doc.ocr)
        res.summary = _summary(facts)
    except Exception as exc:  # noqa: BLE001 - same: one odd report must not end in a traceback
        if os.environ.get("PECHECK_DEBUG"):
            raise
        res.error = f"分析时发生内部错误（{type(exc).__name__}），请报告此文件：{path}（internal error while checking）"
    if doc.ocr:
        from checker.verify import verify_findings

        res.ocr_confidence = doc.ocr_confidence
        # deferral after verification: a finding that turned out an OCR doubt stands in for nothing
        res.findings = drop_deferred(verify_findings(res.findings, doc, path))
    fingerprint.assign(res.findings, doc)  # from the final findings: OCR verification may change them
    return res


def ocr_progress(done: int, total: int, page: int) -> None:
    """One line per OCR'd page on stderr (never in the report itself): a long scan shows it is alive."""
    print(f"OCR 识别：第 {page} 页完成（{done}/{total}）（OCR page {page} done, {done}/{total}）",
          file=sys.stderr, flush=True)


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; directories walked for the accepted formats (sorted, hidden files skipped);
    archives (.zip, .7z) replaced by their members, named `archive.zip!/path/in/archive.pdf`."""
    from checker.read.archive import is_archive, members

    out: list[Path] = []
    for p in _walk(paths):
        if p.is_file() and is_archive(p):
            out.extend(Path(m) for m in members(p))
        else:
            out.append(p)
    return out


def _walk(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = []
            # an unreadable folder is listed itself, so that it is reported, not silently skipped
            for root, dirs, files in os.walk(p, onerror=lambda e, found=found: found.append(Path(e.filename))):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.lower().endswith(INPUT_SUFFIXES) and not f.startswith((".", "~$")):
                        found.append(Path(root) / f)
            out.extend(found)
        else:
            out.append(p)
    return out
