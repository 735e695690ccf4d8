"""What the API says about a report: the stored result with finding ids, fingerprints, decisions and
the comparison with the previous version."""

from __future__ import annotations

import hashlib
from typing import Any

from checker.serve.store import Store


def fallback_fingerprint(f: dict[str, Any]) -> str:
    """A safety net for a finding that arrives without the pipeline's fingerprint (checker.fingerprint,
    which every checked finding carries): the rule, the message and the values, never the position."""
    key = "\x1f".join(str(f.get(k) or "") for k in ("rule", "category", "message", "expected", "found"))
    return "fb-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def assign_ids(report: dict[str, Any]) -> None:
    """Give every finding a short id (its 1-based position) and a fingerprint unique in the report, and
    its locations the reviewer's labels ('第3页 表1 第4行 第5列 “1.32”'), beside the contract's objects."""
    from checker.report.labels import location_text
    from checker.serve.exports import finding_objects

    seen: dict[str, int] = {}
    for i, f in enumerate(report.get("findings") or [], start=1):
        f["location_labels"] = [location_text(loc, 60) for loc in finding_objects([f])[0].locations]
        f["id"] = str(i)
        fp = f.get("fingerprint") or fallback_fingerprint(f)
        seen[fp] = seen.get(fp, 0) + 1
        f["fingerprint"] = fp if seen[fp] == 1 else f"{fp}#{seen[fp]}"  # one fault twice: two identities


def compare(old: list[dict], new: list[dict]) -> dict[str, list[dict]]:
    """fixed / still open / new, matched by fingerprint: checker.compare's sorting (issue 15) where it
    is installed, else the same rule written here (LOCAL FALLBACK, to go when checker.compare lands)."""
    try:
        from checker.compare import compare as sort_findings
        from checker.runner import Result
    except ImportError:
        old_fp = {f["fingerprint"] for f in old}
        new_fp = {f["fingerprint"] for f in new}
        return {"fixed": [f for f in old if f["fingerprint"] not in new_fp],
                "still_open": [f for f in new if f["fingerprint"] in old_fp],
                "new": [f for f in new if f["fingerprint"] not in old_fp]}
    from checker.serve.exports import finding_objects

    objs_old, objs_new = finding_objects(old), finding_objects(new)
    for o, d in zip(objs_old + objs_new, old + new):
        o.fingerprint = d["fingerprint"]  # the id the desk stores decisions under
    back = {id(o): d for o, d in zip(objs_old + objs_new, old + new)}
    got = sort_findings(Result(file="old", findings=objs_old), Result(file="new", findings=objs_new))
    return {"fixed": [back[id(f)] for f in got.fixed], "still_open": [back[id(f)] for f in got.still_open],
            "new": [back[id(f)] for f in got.new_findings]}


def decision_counts(findings: list[dict]) -> dict[str, int]:
    c = {"confirmed": 0, "rejected": 0, "open": 0}
    for f in findings:
        c[f.get("decision") or "open"] += 1
    return c


def severity_counts(findings: list[dict]) -> dict[str, int]:
    c = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        c[f["severity"]] = c.get(f["severity"], 0) + 1
    return c


def with_decisions(store: Store, rid: str, report: dict[str, Any]) -> dict[str, Any]:
    """A copy of the report whose findings carry `decision`, `note` and, when inherited, `decided_on`."""
    decided = store.decisions(rid)
    findings = []
    for f in report.get("findings") or []:
        f = dict(f)
        d = decided.get(f["fingerprint"])
        f["decision"] = d["decision"] if d else "open"
        f["note"] = d["note"] if d else ""
        if d and d["report"] != rid:
            f["decided_on"] = d["report"]
        findings.append(f)
    return {**report, "findings": findings}


def progress(rep: dict[str, Any], store: Store, worker, timeout: float) -> dict[str, Any]:
    import time

    st = rep["status"]
    if st == "queued":
        return {"stage": "queued", "ahead": store.queue_position(rep["id"])}
    if st == "running":
        return {"stage": (worker.stage(rep["id"]) if worker else None) or "checking",
                "elapsed": round(time.time() - (rep["started"] or time.time()), 1), "limit": timeout}
    return {"stage": st, "seconds": round((rep["finished"] or 0) - (rep["started"] or rep["finished"] or 0), 2)}


def item(store: Store, rep: dict[str, Any], payload: dict | None, worker, timeout: float,
         full: bool = False) -> dict[str, Any]:
    """The API's view of one report: the list entry, or (full) with the report object and comparison."""
    out: dict[str, Any] = {
        "id": rep["id"], "name": rep["name"], "kind": rep["kind"], "size": rep["size"], "status": rep["status"],
        "error": rep["error"], "version": rep["version"], "previous": rep["previous"], "root": rep["root"],
        "created": rep["created"], "started": rep["started"], "finished": rep["finished"],
        "progress": progress(rep, store, worker, timeout),
    }
    report = (payload or {}).get("report")
    if report is not None:
        report = with_decisions(store, rep["id"], report)
        fs = report["findings"]
        out["counts"] = severity_counts(fs)
        out["decisions"] = decision_counts(fs)
        summary = report.get("summary") or {}
        out["project"] = summary.get("project")
    cmp = None
    if report is not None and rep["previous"]:
        prev = store.get(rep["previous"], with_result=True)
        prev_report = ((prev or {}).get("result") or {}).get("report")
        if prev_report is not None and not prev_report.get("error"):
            prev_report = with_decisions(store, rep["previous"], prev_report)
            cmp = compare(prev_report["findings"], report["findings"])
            out["compare"] = {k: len(v) for k, v in cmp.items()}
    if full:
        if report is not None and cmp is not None:
            change = {f["fingerprint"]: "still_open" for f in cmp["still_open"]}
            change.update({f["fingerprint"]: "new" for f in cmp["new"]})
            for f in report["findings"]:
                f["change"] = change.get(f["fingerprint"], "new")
            out["compare"]["fixed_findings"] = cmp["fixed"]
        out["report"] = report
        out["pages"] = (payload or {}).get("pages") or {}
        out["crops"] = (payload or {}).get("crops") or {}
    return out
