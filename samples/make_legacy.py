"""Write Word 97–2003 .doc twins of sample DOCX files with LibreOffice: `python samples/make_legacy.py [NAME ...]`.

The key of `<name>.doc` is `<name>.expected.json`, shared with the DOCX twin. No tool here writes
WPS Office's own .wps; WPS Office saves .wps as the same Word binary (OLE2 with a WordDocument
stream), which is what the reader detects, so the tests check a .doc under a .wps name for that.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = ["culture-2022-faults", "agri-insurance-2022-faults", "edu-nutrition-2023"]


def main(names: list[str]) -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names or DEFAULT:
            subprocess.run([exe, "--headless", "--norestore", f"-env:UserInstallation={Path(tmp, 'p').as_uri()}",
                            "--convert-to", "doc:MS Word 97", "--outdir", tmp, str(HERE / f"{name}.docx")],
                           check=True, capture_output=True, timeout=300)
            shutil.move(Path(tmp) / f"{name}.doc", HERE / f"{name}.doc")
            print(f"samples/{name}.doc")


if __name__ == "__main__":
    main(sys.argv[1:])
