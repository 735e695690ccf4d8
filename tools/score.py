#!/usr/bin/env python3
"""Score a consistency checker against documents with answer keys.

    python3 score.py [--cmd 'pecheck --format json {file}'] [--formats pdf,docx,scan]
                     [--only NAME ...] [--timeout 300] [--json results.json] [-v]

The command template is run through the shell once per corpus file; {file} is
replaced by the (quoted) path, {stem} by the document name.  Its stdout must be
the contract JSON (docs/json-contract.md).  A crash, a timeout, a missing tool or
unparsable output counts as "no findings" for that file.

Matching: an answer-key item is found when some finding has its category (or
one of the item's `accept` categories) and every `mention` (an inner list means
any-of) occurs in message+expected+found+location texts, after removing
whitespace and thousands separators and mapping full-width digits to ASCII.

Recall     = found required items / required items (optional items excluded).
Precision  = matched error/warning findings / all error/warning findings, where a
             finding is matched if it matches any item of the file's key
             (optional items included).  On a mutant, an unmatched error/warning
             finding that also occurs on the mutant's clean base (same rule,
             category and `found`) is not counted at all (it was already counted
             as a false positive on the base).  Info findings are ignored for
             precision but may satisfy recall.
Incomplete keys: a key with "complete_key": false (for a real report whose
             faults nobody can list exhaustively) does not make unmatched findings
             false positives: its unmatched
             error/warning findings are counted and listed as "unverified", a
             separate figure, and left out of precision.  Keys without the field
             are complete .
--corpus     a folder path (default: samples), tried as given, then relative to
             this script's folder and its parent.
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from matching import finding_text, matches, norm_text  # noqa: E402

CATEGORIES = ["sum", "balance", "rate", "score", "grade", "mismatch", "text", "logic", "missing"]
FORMAT_SUFFIX = {"pdf": ".pdf", "docx": ".docx", "scan": ".scan.pdf", "ofd": ".ofd", "doc": ".doc"}


def parse_output(stdout: str, path: Path):
    """Return (report dict | None, error string | None)."""
    s = stdout.strip()
    if not s:
        return None, "empty output"
    obj = None
    try:
        obj = json.loads(s)
    except json.JSONDecodeError:
        a, b = s.find("{"), s.rfind("}")
        if a >= 0 and b > a:
            try:
                obj = json.loads(s[a:b + 1])
            except json.JSONDecodeError:
                obj = None
    if not isinstance(obj, dict):
        return None, "unparsable JSON"
    reports = obj.get("reports")
    if isinstance(reports, list) and reports:
        rep = None
        for r in reports:
            if isinstance(r, dict) and str(r.get("file", "")).endswith(path.name):
                rep = r
                break
        rep = rep or (reports[0] if isinstance(reports[0], dict) else None)
        if rep is None:
            return None, "no report object"
        return rep, None
    if isinstance(obj.get("findings"), list):  # tolerate a bare report
        return obj, None
    return None, "no reports in output"


def run_tool(template: str, path: Path, stem: str, timeout: float):
    cmd = template.replace("{file}", shlex.quote(str(path))).replace("{stem}", shlex.quote(stem))
    t0 = time.time()
    try:
        res = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [], time.time() - t0, "timeout", None
    dt = time.time() - t0
    rep, err = parse_output(res.stdout, path)
    if rep is None:
        tail = (res.stderr or "").strip().splitlines()[-1:] or [""]
        return [], dt, f"rc={res.returncode} {err}: {tail[0][:160]}", res.returncode
    findings = [f for f in (rep.get("findings") or []) if isinstance(f, dict)]
    err = rep.get("error")
    return findings, dt, (f"report error: {err}" if err else None), res.returncode


def sig(f: dict):
    return (str(f.get("rule", "")), str(f.get("category", "")), norm_text(f.get("found", "")))


def resolve_corpus(arg: str) -> Path:
    p = Path(arg)
    if p.is_dir() or p.is_absolute():
        return p
    for base in (HERE, HERE.parent):
        q = base / p
        if q.is_dir():
            return q
        if p.parts and p.parts[0] == HERE.name and (base / Path(*p.parts[1:])).is_dir():
            return base / Path(*p.parts[1:])
    return p


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "  n/a "


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", default="pecheck --format json {file}", help="command template ({file}, {stem})")
    ap.add_argument("--corpus", default="samples")
    ap.add_argument("--formats", default="pdf,docx,scan", help="comma list of pdf,docx,scan,ofd,doc")
    ap.add_argument("--only", nargs="*", help="document names to score")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--json", help="write detailed results here")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed items and false positives")
    ap.add_argument("-q", "--quiet", action="store_true", help="only the summary line")
    args = ap.parse_args(argv)

    corpus = resolve_corpus(args.corpus)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    for f in formats:
        if f not in FORMAT_SUFFIX:
            ap.error(f"unknown format {f}")
    keys = {}
    for p in sorted(corpus.glob("*.expected.json")):
        k = json.loads(p.read_text(encoding="utf-8"))
        keys[k["file_stem"]] = k
    if args.only:
        keys = {n: k for n, k in keys.items() if n in args.only}
    if not keys:
        sys.exit(f"no answer keys in {corpus}")

    # ---- run the tool (bases first so that their findings are known)
    runs = {}  # (fmt, name) -> dict
    order = sorted(keys, key=lambda n: (keys[n].get("kind") == "mutant", n))
    for fmt in formats:
        for name in order:
            path = corpus / f"{name}{FORMAT_SUFFIX[fmt]}"
            if not path.exists():
                continue
            findings, dt, err, rc = run_tool(args.cmd, path, name, args.timeout)
            runs[(fmt, name)] = dict(findings=findings, seconds=dt, error=err, rc=rc)
            if not args.quiet:
                print(f"  ran {fmt:4s} {name:32s} {dt:6.1f}s findings={len(findings):3d}"
                      + (f"  [{err}]" if err else ""), file=sys.stderr)

    # ---- score
    per_fmt = {fmt: dict(req=0, found=0, tp=0, fp=0, inherited=0, unverified=0, files=0, crashed=0, seconds=0.0,
                         cat_req=defaultdict(int), cat_found=defaultdict(int)) for fmt in formats}
    any_incomplete = any(k.get("complete_key", True) is False for k in keys.values())
    details = []
    for (fmt, name), r in sorted(runs.items()):
        key = keys[name]
        items = key.get("expected", [])
        fs = r["findings"]
        texts = [finding_text(f) for f in fs]
        st = per_fmt[fmt]
        st["files"] += 1
        st["seconds"] += r["seconds"]
        if r["error"] and not fs:
            st["crashed"] += 1
        missed = []
        for it in items:
            if it.get("optional"):
                continue
            hit = any(matches(it, f, t) for f, t in zip(fs, texts))
            st["req"] += 1
            st["cat_req"][it["category"]] += 1
            if hit:
                st["found"] += 1
                st["cat_found"][it["category"]] += 1
            else:
                missed.append(it)
        base_sigs = set()
        if key.get("kind") == "mutant" and key.get("base"):
            # the base in the same format; for a scan whose base has no scan, the base's PDF
            for bf in (fmt, "pdf", "docx"):
                if (bf, key["base"]) in runs:
                    base_sigs = {sig(f) for f in runs[(bf, key["base"])]["findings"]}
                    break
        complete = key.get("complete_key", True) is not False
        fps, unv, tp, inh = [], [], 0, 0
        for f, t in zip(fs, texts):
            if str(f.get("severity", "")).lower() not in ("error", "warning"):
                continue
            if any(matches(it, f, t) for it in items):
                tp += 1
            elif sig(f) in base_sigs:
                inh += 1
            elif not complete:
                unv.append(f)
            else:
                fps.append(f)
        st["tp"] += tp
        st["fp"] += len(fps)
        st["inherited"] += inh
        st["unverified"] += len(unv)
        details.append(dict(format=fmt, name=name, kind=key.get("kind"), seconds=round(r["seconds"], 2),
                            error=r["error"], findings=len(fs), required=sum(1 for i in items if not i.get("optional")),
                            found=sum(1 for i in items if not i.get("optional")) - len(missed), tp=tp, fp=len(fps),
                            inherited=inh, missed=[dict(category=m["category"], mention=m["mention"], note=m.get("note", ""))
                                                   for m in missed],
                            false_positives=[{k: f.get(k) for k in ("rule", "category", "severity", "message", "found")}
                                             for f in fps],
                            **({} if complete else dict(
                                complete_key=False, unverified=len(unv),
                                unverified_findings=[{k: f.get(k) for k in ("rule", "category", "severity", "message",
                                                                            "found")} for f in unv]))))

    # ---- report
    tot = dict(req=0, found=0, tp=0, fp=0, files=0, crashed=0, seconds=0.0)
    if any_incomplete:
        tot["unverified"] = 0
    if not args.quiet:
        for fmt in formats:
            st = per_fmt[fmt]
            if not st["files"]:
                continue
            print(f"\n=== format {fmt}: {st['files']} files, {st['crashed']} without usable output, "
                  f"{st['seconds']:.1f}s")
            print("  category   recall")
            for c in CATEGORIES:
                if st["cat_req"][c]:
                    print(f"  {c:9s} {pct(st['cat_found'][c], st['cat_req'][c])} ({st['cat_found'][c]}/{st['cat_req'][c]})")
            print(f"  overall   {pct(st['found'], st['req'])} ({st['found']}/{st['req']})   precision "
                  f"{pct(st['tp'], st['tp'] + st['fp'])} ({st['tp']}/{st['tp'] + st['fp']}; "
                  f"{st['inherited']} base findings not recounted on mutants)")
            if any_incomplete:
                print(f"  unverified {st['unverified']} error/warning findings matching no key item on files whose key "
                      f"is not complete (complete_key false; not counted as false positives)")
        print("\n  per file: format name seconds found/required tp fp [error]")
        for d in details:
            print(f"  {d['format']:4s} {d['name']:32s} {d['seconds']:6.1f}s {d['found']}/{d['required']} "
                  f"tp={d['tp']} fp={d['fp']}" + (f" unverified={d['unverified']}" if "unverified" in d else "")
                  + (f"  [{d['error']}]" if d['error'] else ""))
            if args.verbose:
                for m in d["missed"]:
                    print(f"       MISSED {m['category']}: {m['mention']}  ({m['note'][:70]})")
                for f in d["false_positives"]:
                    print(f"       FP {f.get('rule')} {f.get('category')} {f.get('severity')}: {str(f.get('message'))[:90]}")
                for f in d.get("unverified_findings", []):
                    print(f"       UNVERIFIED {f.get('rule')} {f.get('category')} {f.get('severity')}: "
                          f"{str(f.get('message'))[:90]}")
    for fmt in formats:
        st = per_fmt[fmt]
        for k in tot:
            tot[k] += st[k]
    cat_line = " ".join(f"{c}={pct(sum(per_fmt[f]['cat_found'][c] for f in formats), sum(per_fmt[f]['cat_req'][c] for f in formats)).strip()}"
                        for c in CATEGORIES if sum(per_fmt[f]['cat_req'][c] for f in formats))
    print(f"SUMMARY recall={pct(tot['found'], tot['req']).strip()} ({tot['found']}/{tot['req']}) "
          f"precision={pct(tot['tp'], tot['tp'] + tot['fp']).strip()} ({tot['tp']}/{tot['tp'] + tot['fp']}) "
          + (f"unverified={tot['unverified']} " if any_incomplete else "")
          + f"files={tot['files']} no_output={tot['crashed']} time={tot['seconds']:.1f}s | {cat_line}")
    if args.json:
        out = dict(command=args.cmd, formats=formats,
                   summary=dict(recall=tot["found"] / tot["req"] if tot["req"] else None,
                                precision=tot["tp"] / (tot["tp"] + tot["fp"]) if tot["tp"] + tot["fp"] else None,
                                **tot),
                   per_format={f: {k: (dict(v) if isinstance(v, defaultdict) else v) for k, v in per_fmt[f].items()
                                   if k != "unverified" or any_incomplete}
                               for f in formats},
                   files=details)
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
