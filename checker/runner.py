"""Check one report or many: read → understand → check, and hand the results to a renderer."""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import fingerprint, knowledge
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


def check_file(path: str | Path, cfg: Config, ocr: str = "auto", progress=None) -> Result:
    """Read, understand and check one file. `progress(done, total, page)` is called after each
    OCR'd page."""
    from checker.read import load

    t0 = time.perf_counter()
    res = Result(file=str(path))
    try:
        doc = load(path, ocr=ocr, progress=progress)
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
    res = check_document(doc, cfg, path, res)
    res.seconds = time.perf_counter() - t0
    return res


def check_document(doc, cfg: Config, path: str | Path, res: Result | None = None) -> Result:
    """Understand and check a read document; findings resting on OCR'd text are verified."""
    from checker.understand.facts import extract

    res = res or Result(file=str(path))
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
        from checker.verify import verify_findings

        res.ocr_confidence = doc.ocr_confidence
        res.findings = verify_findings(res.findings, doc, path)
    fingerprint.assign(res.findings, doc)  # from the final findings: OCR verification may change them
    return res


def _compare_with_previous(results, files, previous: Path, cfg: Config, ocr: str, jobs: int, timeout: float,
                           accepted, min_severity: str) -> None:
    """Pair each checked file with its namesake in the previous round's folder, check those and
    record the fixed / still open / new counts on each Result."""
    from checker.compare import attach_previous, pair_previous
    from checker.report import render

    pairs = pair_previous(files, previous)
    olds = list(dict.fromkeys(pairs.values()))
    if not olds:
        return
    if len(olds) > 1:
        from checker.batch import run_batch

        old_results = run_batch(olds, cfg, ocr=ocr, jobs=jobs, timeout=timeout, quiet=True)
    else:
        old_results = [check_file(olds[0], cfg, ocr=ocr)]
    old_results = render.filtered(old_results, min_severity)
    by_old = dict(zip(olds, old_results))
    attach_previous(results, {str(f): by_old[o] for f, o in pairs.items()}, accepted)


def ocr_progress(done: int, total: int, page: int) -> None:
    """One line per OCR'd page on stderr (never in the report itself): a long scan shows it is alive."""
    print(f"OCR 识别：第 {page} 页完成（{done}/{total}）（OCR page {page} done, {done}/{total}）",
          file=sys.stderr, flush=True)


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
        baseline: Path | None = None, write_baseline: Path | None = None, previous: Path | None = None,
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
    accepted = None
    if baseline is not None:  # read first: a broken baseline stops the run before any checking
        from checker.compare import read_baseline

        try:
            accepted = read_baseline(baseline)
        except InputError as exc:
            print(f"错误：{exc.line()}", file=sys.stderr)
            return 2
    batch = len(files) > 1 or any(p.is_dir() for p in paths)
    stream = None
    form = lookup(fmt)
    # JSON Lines stream one line per report as files finish; a baseline or a previous round changes the
    # results after the batch, so then the lines are written at the end like any other format
    if form is not None and form.name == "jsonl" and not statistics and baseline is None and previous is None:
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
            results = [check_file(files[0], cfg, ocr=ocr, progress=None if quiet else ocr_progress)]
            if stream is not None:
                stream.write(results[0])
    finally:
        if stream is not None:
            stream.close()
    results = render.filtered(results, min_severity)  # once: the same findings in every output
    output_failed = False
    if write_baseline is not None:
        from checker.compare import read_baseline
        from checker.compare import write_baseline as write_accepted

        keep = accepted or []
        if not keep and write_baseline.exists():  # refreshing a file keeps the reasons written in it
            try:
                keep = read_baseline(write_baseline)
            except InputError:
                keep = []
        try:
            n = write_accepted(results, write_baseline, keep=keep)
            print(f"已写出基线 {write_baseline}：{n} 项（wrote {n} accepted findings）", file=sys.stderr)
        except OSError as exc:
            print(f"错误：无法写出基线文件：{exc}（cannot write the baseline）", file=sys.stderr)
            output_failed = True
    if accepted is not None:
        from checker.compare import apply_baseline

        apply_baseline(results, accepted, source=baseline.name, cfg=cfg, min_severity=min_severity)
    if previous is not None:
        if not previous.is_dir():
            print(f"错误：--previous 须为上一轮报告所在的目录：{previous}（--previous needs a directory）",
                  file=sys.stderr)
            return 2
        _compare_with_previous(results, files, previous, cfg, ocr, jobs, timeout, accepted, min_severity)
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
