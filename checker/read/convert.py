"""Legacy word-processor files (.doc, .wps) → a temporary DOCX through LibreOffice headless.

Word 97–2003 .doc and the .wps that WPS Office writes are OLE2 compound files with a WordDocument
stream; Microsoft Works / old WPS .wps hold a CONTENTS stream instead. Neither has a maintained
pure-Python reader that keeps tables, so LibreOffice converts them. It runs with its own throwaway
profile (a user's running LibreOffice or a stale lock never interferes), on a copy of the input in a
private temporary folder (the input is never written), under a time limit that ends its whole
process group. Locations then refer to the converted DOCX, and every output says so.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from checker import errors

TIMEOUT = float(os.environ.get("PECHECK_SOFFICE_TIMEOUT", "120"))


def soffice() -> str | None:
    """The LibreOffice program, if installed (PECHECK_SOFFICE names it; a path that does not exist
    means "not installed", which is how the tests see a machine without it)."""
    forced = os.environ.get("PECHECK_SOFFICE")
    if forced is not None:
        return forced if os.path.isfile(forced) and os.access(forced, os.X_OK) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for p in ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
              "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if os.path.exists(p):
            return p
    return None


def missing(shown: str, label: str) -> errors.InputError:
    return errors.InputError(
        f"读取 {label} 文件需要 LibreOffice：请安装（如 apt-get install libreoffice-writer-nogui），或在 Word/WPS 中另存为 DOCX 后再检查：{shown}",
        f"reading {label} needs LibreOffice (install it, or save the file as DOCX): {shown}")


@contextmanager
def to_docx(src: Path, input_suffix: str, shown: str, label: str):
    """Yield the path of a DOCX converted from `src` (deleted afterwards)."""
    exe = soffice()
    if exe is None:
        raise missing(shown, label)
    with tempfile.TemporaryDirectory(prefix="pecheck-lo-") as tmp:
        work = Path(tmp)
        source = work / f"input{input_suffix}"  # a plain name: LibreOffice picks its filter by content
        shutil.copyfile(src, source)
        out_dir = work / "out"
        cmd = [exe, "--headless", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
               f"-env:UserInstallation={(work / 'profile').as_uri()}",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir), str(source)]
        env = {**os.environ, "HOME": tmp, "SAL_USE_VCLPLUGIN": "svp"}
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    cwd=tmp, env=env, start_new_session=True)
        except OSError as exc:
            raise missing(shown, label) from exc
        try:
            proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            _kill(proc)
            raise errors.InputError(f"LibreOffice 转换 {label} 超时（{TIMEOUT:.0f} 秒），请另存为 DOCX 后再检查：{shown}",
                                    f"LibreOffice conversion of the {label} timed out: {shown}") from exc
        finally:
            _kill(proc)  # a helper it left behind in its process group
        out = out_dir / "input.docx"
        if proc.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            raise errors.InputError(f"LibreOffice 无法转换此 {label} 文件（文件可能已损坏），请另存为 DOCX 后再检查：{shown}",
                                    f"LibreOffice could not convert the {label} (corrupt file?): {shown}")
        yield out


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
