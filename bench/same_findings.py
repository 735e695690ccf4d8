"""Same findings as before? Run every sample through the CLI's JSON output and compare two runs.

    python bench/same_findings.py save OUT_DIR [GLOB]     # every samples/*.pdf|*.docx (or GLOB) → OUT_DIR/<file>.json
    python bench/same_findings.py compare BASE_DIR NEW_DIR

A refactoring that must not change behaviour is checked by saving a run before it and one after
it: the findings of each report must be the same ignoring their order (and the timing).
Exit 0 when every report matches, 1 otherwise (the differences are printed).
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(path: Path, out: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "checker.cli", "check", "--format", "json", str(path)],
                       cwd=ROOT, capture_output=True, text=True)
    (out / f"{path.name}.json").write_text(p.stdout, encoding="utf-8")
    (out / f"{path.name}.err").write_text(p.stderr, encoding="utf-8")
    (out / f"{path.name}.rc").write_text(f"{p.returncode}\n", encoding="utf-8")


def save(out: Path, pattern: str | None = None, jobs: int = 2) -> None:
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(ROOT.glob(f"samples/{pattern}") if pattern else
                   [*ROOT.glob("samples/*.pdf"), *ROOT.glob("samples/*.docx")])
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(lambda f: _run(f, out), files))
    print(f"{len(files)} reports saved in {out}")


def _key(report: dict) -> dict:
    r = {k: v for k, v in report.items() if k not in ("seconds", "file")}
    r["findings"] = sorted(json.dumps(f, ensure_ascii=False, sort_keys=True) for f in report.get("findings", []))
    return r


def compare(base: Path, new: Path) -> int:
    bad = 0
    names = sorted(p.name[:-5] for p in new.glob("*.json"))  # the reports of the new run
    for name in names:
        b, n = base / f"{name}.json", new / f"{name}.json"
        problems = []
        if not n.exists():
            problems.append("missing in the new run")
        else:
            for ext in (".rc", ".err"):
                bt = (base / f"{name}{ext}").read_text(encoding="utf-8") if (base / f"{name}{ext}").exists() else ""
                nt = (new / f"{name}{ext}").read_text(encoding="utf-8") if (new / f"{name}{ext}").exists() else ""
                if bt != nt:
                    problems.append(f"{ext[1:]} differs: {bt.strip()[:200]!r} → {nt.strip()[:200]!r}")
            try:
                bj, nj = json.loads(b.read_text(encoding="utf-8")), json.loads(n.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                problems.append(f"not JSON: {exc}")
            else:
                for br, nr in zip(bj["reports"], nj["reports"], strict=False):
                    kb, kn = _key(br), _key(nr)
                    for field in sorted(set(kb) | set(kn)):
                        if field == "findings":
                            gone = sorted(set(kb["findings"]) - set(kn["findings"]))
                            new_f = sorted(set(kn["findings"]) - set(kb["findings"]))
                            problems += [f"- {x}" for x in gone] + [f"+ {x}" for x in new_f]
                            if not gone and not new_f and kb["findings"] != kn["findings"]:
                                problems.append("duplicate findings differ")
                        elif kb.get(field) != kn.get(field):
                            problems.append(f"{field}: {kb.get(field)!r} → {kn.get(field)!r}")
        if problems:
            bad += 1
            print(f"== {name}")
            for p in problems:
                print("  ", p)
    print(f"{len(names) - bad}/{len(names)} reports give the same findings")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "save":
        save(Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        print(__doc__)
        sys.exit(2)
