"""Many reports at once (filled in by the batch issue): sequential for now."""

from __future__ import annotations

from checker.runner import check_file


def run_batch(files, cfg, ocr="auto", jobs=0, timeout=120.0, quiet=False):
    return [check_file(f, cfg, ocr=ocr) for f in files]
