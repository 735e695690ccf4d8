"""Check one report or many: read → understand → check, and hand the results to a renderer."""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import knowledge
from checker.check.registry import Finding, run_rules
from checker.config import Config
from checker.errors import InputError

INPUT_SUFFIXES = (".pdf", ".docx")


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
    from checker.check.scoring import final_score

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
    fs = final_score(facts)
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


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; directories walked for PDF/DOCX (sorted, hidden files skipped)."""
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


def run(paths: list[Path], cfg: Config, fmt: str = "console", output: Path | None = None,
        min_severity: str = "info", ocr: str = "auto", annotate: Path | None = None, summary: Path | None = None,
        jobs: int = 0, timeout: float = 300.0, quiet: bool = False, statistics: bool = False,
        cache: Path | None = None, dask: str | None = None, dask_input: str = "auto") -> int:
    from checker.report import render
    from checker.report.formats import ANNOTATORS, function, lookup

    t0 = time.perf_counter()
    files = expand(paths)
    if not files:
        print("错误：没有找到 PDF 或 DOCX 文件（no PDF or DOCX files found）", file=sys.stderr)
        return 2
    cache = cache if cache is not None else (Path(cfg.cache) if cfg.cache else None)
    dask = dask or cfg.dask or None
    batch = len(files) > 1 or any(p.is_dir() for p in paths)
    stream = None
    form = lookup(fmt)
    if form is not None and form.name == "jsonl" and not statistics:  # one line per report, as files finish
        from checker.report.jsonl import JsonlWriter

        try:
            stream = JsonlWriter(output, min_severity)
        except OSError as exc:
            print(f"错误：无法写出 {output}：{exc}（cannot write the output）", file=sys.stderr)
            return 2
    try:
        if batch or cache or dask:
            from checker.batch import run_batch
            from checker.batch.cache import CacheError

            try:
                results = run_batch(files, cfg, ocr=ocr, jobs=jobs, timeout=timeout,
                                    quiet=quiet or fmt != "console" and output is None, cache=cache, dask=dask,
                                    dask_input=dask_input, on_result=stream.write if stream else None,
                                    notes=not quiet)
            except (CacheError, InputError) as exc:
                print(f"错误：{exc.line() if isinstance(exc, InputError) else exc}", file=sys.stderr)
                return 2
        else:
            results = [check_file(files[0], cfg, ocr=ocr)]
            if stream is not None:
                stream.write(results[0])
    finally:
        if stream is not None:
            stream.close()
    results = render.filtered(results, min_severity)  # once: the same findings in every output
    output_failed = False
    if annotate is not None:
        writer = ANNOTATORS.get(files[0].suffix.lower())
        if batch:
            print("注意：--annotate 只用于单个文件，批量检查时忽略（--annotate needs a single file）",
                  file=sys.stderr)
        elif writer is None:
            kinds = "、".join(k.lstrip(".").upper() for k in ANNOTATORS)
            print(f"错误：批注输出仅支持 {kinds} 输入（no annotated copy for this input type）", file=sys.stderr)
            output_failed = True
        elif results[0].error:
            print("注意：文件无法检查，未生成批注副本（no annotated copy for an unreadable file）", file=sys.stderr)
        else:
            try:
                function(writer)(files[0], results[0], annotate)
            except InputError as exc:
                print(f"错误：{exc.line()}", file=sys.stderr)
                output_failed = True
            except OSError as exc:
                print(f"错误：无法写出批注副本：{exc}（cannot write the annotated copy）", file=sys.stderr)
                output_failed = True
    if summary is not None:
        from checker.report.xlsx import write_summary

        try:
            write_summary(results, summary)
        except (InputError, OSError) as exc:
            why = exc.line() if isinstance(exc, InputError) else f"无法写出汇总文件：{exc}（cannot write the summary）"
            print(f"错误：{why}", file=sys.stderr)
            output_failed = True
    if stream is not None:  # the reports are written; unreadable inputs are still said on stderr
        for r in results:
            if r.error:
                sys.stderr.write(f"错误：{r.error}\n")
    else:
        try:
            render.emit(results, fmt=fmt, output=output, elapsed=time.perf_counter() - t0, statistics=statistics)
        except OSError as exc:
            print(f"错误：无法写出输出文件：{exc}（cannot write the output）", file=sys.stderr)
            output_failed = True
    if output_failed or any(r.error for r in results):
        return 2
    return 1 if any(f.severity == "error" for r in results for f in r.findings) else 0
