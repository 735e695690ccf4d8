"""Imported by the forkserver of a batch (and of the web desk) before it forks the checking workers:
what every check needs but makes on first use is made here once, and each worker inherits it.

Importing the checker no longer does this work (the regular expressions and word lists are made when
first used, so that `pecheck rules` and `--help` start fast), hence this module. Nothing here changes
a result; a worker that was not warmed makes the same things on its first file.
"""

from __future__ import annotations

import lxml.etree  # noqa: F401 - the DOCX reader's parser (imported on the first DOCX otherwise)

import checker.check  # noqa: F401 - every rule module, so that all their patterns exist
from checker import knowledge
from checker.understand import divisions, lazyre
from checker.understand.narrative import vocabulary


def warm() -> None:
    knowledge.load()
    vocabulary()
    divisions.available()
    lazyre.compile_all()


warm()
