"""Helpers for the batch, cache and Dask tests: copies of samples whose bytes differ."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path


def varied_copy(src: Path, dest: Path, tag: str) -> Path:
    """A copy of a sample with different bytes and the same content: a PDF comment after %%EOF,
    a DOCX zip comment.  The checker reads both as the original; a content hash does not."""
    shutil.copyfile(src, dest)
    if dest.suffix.lower() == ".pdf":
        with open(dest, "ab") as fh:
            fh.write(f"\n% pecheck copy {tag}\n".encode("ascii"))
    elif dest.suffix.lower() == ".docx":
        with zipfile.ZipFile(dest, "a") as z:
            z.comment = f"pecheck copy {tag}".encode("ascii")
    return dest


def same_findings(a, b) -> bool:
    return [f.to_dict() for f in a.findings] == [f.to_dict() for f in b.findings]
