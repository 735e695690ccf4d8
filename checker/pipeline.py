"""One report through the pipeline: read → understand → check, giving a Result (used by the CLI,
batch and every other front end)."""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import knowledge
from checker.check.registry import Finding, run_rules
from checker.config import Config
from checker.errors import InputError

INPUT_SUFFIXES = (".pdf", ".docx")
DEFAULT_TIMEOUT = 300.0  # seconds per file in a batch; the CLI, `runner.run` and batch share it


@dataclass
class Result:
    file: str
    format: str = ""
    pages: int = 0
    ocr: bool = False
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)  # what was read: project, unit, budget…
    seconds: float = 0.0
    ocr_confidence: float | None = None  # mean recognition confidence when text came from OCR

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
_TITLE_TAIL = ("绩效自评报告", "绩效评价报告", "自评报告")


def _labelled(doc, labels: tuple[str, ...], k) -> str | None:
    for b in doc.paragraphs[:15]:
        for w in labels:
            if b.text.startswith(w):
                val = b.text[len(w):].lstrip("：: （）()盖章").strip()
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
    texts = ["".join(b.text.split()) for b in doc.paragraphs[:8]]
    # a title is often set on two lines: try each line and each line joined with the one before
    for t in [x for i, x in enumerate(texts) for x in ((x, texts[i - 1] + x) if i else (x,))]:
        for tail in _TITLE_TAIL:
            if t.endswith(tail) and len(t) > len(tail) + 2:
                name = t[: -len(tail)].rstrip("—-–")
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


def check_file(path: str | Path, cfg: Config, ocr: str = "auto") -> Result:
    from checker.read import load
    from checker.understand.facts import extract

    t0 = time.perf_counter()
    res = Result(file=str(path))
    try:
        doc = load(path, ocr=ocr)
    except InputError as exc:
        res.error = exc.line()
        res.format = Path(path).suffix.lstrip(".").lower()
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
    res.format, res.pages, res.ocr = doc.format, doc.n_pages, doc.ocr
    try:
        facts = extract(doc, knowledge_for(cfg))
        res.findings = run_rules(facts, select=cfg.select, ignore=cfg.ignore, severities=cfg.severities,
                                 options=cfg.options)
        res.summary = _summary(facts)
    except Exception as exc:  # noqa: BLE001 - same: one odd report must not end in a traceback
        if os.environ.get("PECHECK_DEBUG"):
            raise
        res.error = f"分析时发生内部错误（{type(exc).__name__}），请报告此文件：{path}（internal error while checking）"
    if doc.ocr:
        res.ocr_confidence = _ocr_confidence(doc)
        _mark_ocr(res, doc)
    res.seconds = time.perf_counter() - t0
    return res


def _one_digit_slip(diff: str | None) -> bool:
    """A difference such as 60, 0.9 or 300: one digit misread by OCR would explain it."""
    from decimal import Decimal, InvalidOperation

    try:
        d = abs(Decimal(str(diff).replace(",", "")))
    except (InvalidOperation, ValueError):
        return False
    if d == 0:
        return False
    digits = d.normalize().as_tuple().digits
    return len(digits) == 1


def _mark_ocr(res: Result, doc) -> None:
    """Findings read from OCR'd pages say so, with the page's confidence; a sum that fails by one
    digit's worth is flagged as a possible misreading rather than a fault of the report."""
    conf = {int(w.split(":")[1]): w.split(":")[2] for w in doc.warnings if w.startswith("ocr-confidence:")}
    ocr_pages = {p.number for p in doc.pages if p.ocr}
    for f in res.findings:
        pages = {loc.page for loc in f.locations if loc.page in ocr_pages}
        if not pages:
            continue
        c = "、".join(f"第{p}页 {conf[p]}" for p in sorted(pages) if p in conf)
        hint = f"数字来自 OCR 识别（置信度 {c}）" if c else "数字来自 OCR 识别"
        if f.category in ("sum", "balance", "rate") and _one_digit_slip(f.difference):
            hint += "；差额恰为一位数字之差，可能是 OCR 误读，请对照原件核实"
        f.hint = hint


def _ocr_confidence(doc) -> float | None:
    vals = [float(w.split(":")[2]) for w in doc.warnings if w.startswith("ocr-confidence:")]
    return round(sum(vals) / len(vals), 3) if vals else None
