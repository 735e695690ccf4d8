"""How long the inner loop takes: `python -m pytest -m "not slow"`, wall and CPU time.

    python bench/inner_loop.py

CPU time (of pytest and every process it starts) is the figure to compare between machines and
runs: on a machine busy with other work the wall time grows, the CPU time does not.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    t0 = time.perf_counter()
    rc = subprocess.call([sys.executable, "-m", "pytest", "-q", "-m", "not slow", "-p", "no:cacheprovider"], cwd=ROOT)
    wall = time.perf_counter() - t0
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"inner loop: exit {rc}, wall {wall:.1f} s, CPU {ru.ru_utime + ru.ru_stime:.1f} s")
    sys.exit(rc)
