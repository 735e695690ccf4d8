"""Instructions executed by a fresh command, counted by valgrind: a figure that does not move with
the host's load or clock, for comparing two trees when wall and CPU times drift by 20 % from hour
to hour (they did on the development VM: a fresh DOCX check measured 0.227 s and 0.55 s CPU on the
same tree an hour apart).

    python bench/bench_ir.py                              # this checkout: --help, rules, DOCX check
    python bench/bench_ir.py --tree /path/to/other/checkout    # before/after
    python bench/bench_ir.py --only docx --docx samples/xiangxi-2022.docx

Each command runs as `python -m checker.cli …` under `valgrind --tool=callgrind` (the instruction
count, "I refs"), with PYTHONHASHSEED=0 so that hashing does not change the count between runs
(the same tree then repeats within about 0.1 %). One run without valgrind first writes the .pyc
files under a temporary PYTHONPYCACHEPREFIX, and the compiled patterns into a temporary
PECHECK_CACHE_DIR, so that compiling the sources and the patterns (which a user's second run no
longer does) is not counted; `--cold` keeps the patterns out of the store (what a first run pays).

An instruction count is not a time: it ranks changes, the times in bench_startup.py report them.
Needs valgrind (`apt-get install valgrind`); a run takes about 60 times the command's own time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def commands(docx: Path) -> dict[str, list[str]]:
    return {
        "help": ["--help"],
        "rules": ["rules"],
        "docx": [str(docx), "--format", "json"],
        "console": [str(docx)],
    }


def _env(tree: Path, pycache: Path, cold: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(PYTHONPYCACHEPREFIX=str(pycache), PYTHONPATH=str(tree), PYTHONHASHSEED="0", COLUMNS="100",
               PECHECK_CACHE_DIR="" if cold else str(pycache / "pecheck"))
    return env


def count(tree: Path, args: list[str], pycache: Path, cold: bool = False) -> int:
    env = _env(tree, pycache, cold)
    cmd = [sys.executable, "-m", "checker.cli", *args]
    subprocess.run(cmd, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd], cwd=tree,
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected\s*:\s*(\d+)", p.stderr)
    if not m:
        raise SystemExit(f"valgrind gave no count for {' '.join(args)}: {p.stderr[-300:]}")
    return int(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tree", type=Path, action="append", default=[], help="another checkout to compare")
    ap.add_argument("--docx", type=Path, default=ROOT / "samples" / "xiangxi-2022.docx")
    ap.add_argument("--only", choices=["help", "rules", "docx", "console"], action="append")
    ap.add_argument("--cold", action="store_true", help="no store of compiled patterns (a user's first run)")
    a = ap.parse_args()
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    trees = [ROOT, *[t.resolve() for t in a.tree]]
    cmds = {k: v for k, v in commands(a.docx.resolve()).items() if not a.only or k in a.only}
    print(f"{'command':10} {'tree':40} {'instructions':>16}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in cmds.items():
            base = None
            for i, tree in enumerate(trees):
                n = count(tree, args, Path(tmp) / f"pyc{i}", a.cold)
                rel = "" if base is None else f"  {100 * (n - base) / base:+.1f} %"
                base = n if base is None else base
                print(f"{name:10} {str(tree):40} {n:16,d}{rel}", flush=True)


if __name__ == "__main__":
    main()
