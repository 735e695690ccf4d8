"""Stable finding identity: what a finding is about, not where it was printed.

A fingerprint is built from the rule, the normalised subject of each location (a table cell's row
label, a paragraph's quoted clause) and the values the finding compared (expected, found). Page
numbers, table/paragraph indexes and row/column positions never enter it, so the same fault read
from the PDF and from the DOCX of one report, or after an unrelated fix on an earlier page, keeps
its fingerprint. Two findings of one report that would collide (the same rule on two rows both
labelled "小计" with the same values) are told apart by their order of appearance ("#2").

The format is `PCnnn-xxxxxxxxxxxx`: the rule code, then 12 hex digits of a SHA-1.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import regex

try:  # the interpreter's own SHA-1: hashlib loads OpenSSL's libcrypto, 11M instructions (≈ 2-3 ms) of every
    # check for one short digest per finding; the digests are the same (tests/golden pins them)
    from _sha1 import sha1
except ImportError:  # a Python built without its own SHA-1
    from hashlib import sha1

from checker.model import Document, Loc, Table
from checker.textnorm import map_chars
from checker.understand.lazyre import lazy

# Characters that carry no identity: spacing, punctuation, quotes, brackets, thousands separators
# between digits. A PDF and a DOCX of one report differ exactly in these (line breaks inside a
# cell, full-width vs ASCII brackets).
_NOISE = lazy(r"[[\s\p{P}\p{S}]--[%‰≥≤<>=+\-.]]+", regex.V1)
_THOUSANDS = lazy(r"(?<=\d),(?=\d{3}(?:\D|$))")
_NUMERIC = lazy(r"^[\d\s.,%‰()（）\-+−—/＋]*$")
_SERIAL = lazy(r"^[(（]?[一二三四五六七八九十\d]{1,3}[)）.、．]?$")
_ANCHOR_MAX = 40
_HAN = lazy(r"\p{Han}")
# A cell quoting this many Chinese characters holds a passage, not a value: it is anchored by its
# own words. Row labels ("送戏进村演出") are shorter; a split label never is.
_PROSE_MIN_HAN = 12  # characters of a quoted clause that identify it


def norm(s: str | None) -> str:
    """The comparable form of a subject or value: standard characters, no spacing or punctuation."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", map_chars(str(s)))
    s = _THOUSANDS.sub("", s)
    return _NOISE.sub("", s)


def row_label(table: Table, row: int) -> str:
    """The label of a table row: the first cell starting on this row that is neither a number nor a
    serial number; else the first such cell covering the row (a label merged down from above)."""
    cells = table.row_cells(row)
    for own in (True, False):
        for c in cells:
            if own and c.row != row:
                continue
            t = c.text.strip()
            if t and not _NUMERIC.match(t) and not _SERIAL.match(t):
                return t
    return ""


def subject(loc: Loc, doc: Document | None) -> str:
    """What a location is about, independent of page and position.

    A quoted passage identifies itself, wherever it sits (paragraph or table cell, so a layout that
    turns one into the other does not matter): a paragraph, a cell holding prose, or a clause
    quoted out of a longer cell. A value in a table is identified by its row's label."""
    quote = norm(loc.text)
    if loc.table is not None and loc.row is not None and doc is not None and not _is_prose(quote):
        tables = doc.tables
        if 0 <= loc.table < len(tables):
            t = tables[loc.table]
            cell = t.at(loc.row, loc.col) if loc.col is not None else None
            if cell is None or not quote or norm(cell.raw) == quote:
                return "row:" + norm(row_label(t, loc.row))[:_ANCHOR_MAX]
    return "text:" + quote[:_ANCHOR_MAX]


def _is_prose(s: str) -> bool:
    return len(_HAN.findall(s)) >= _PROSE_MIN_HAN


def fingerprint_of(rule: str, subjects: Iterable[str], expected: str | None, found: str | None) -> str:
    payload = "\x1f".join([rule, *sorted(set(subjects)), "e=" + norm(expected), "f=" + norm(found)])
    return f"{rule}-{sha1(payload.encode('utf-8')).hexdigest()[:12]}"


def assign(findings: list, doc: Document | None) -> None:
    """Give every finding its fingerprint (in place); collisions within one report get "#n"."""
    seen: dict[str, int] = {}
    for f in findings:
        fp = fingerprint_of(f.rule, [subject(f.locations[0], doc)] if f.locations else [], f.expected, f.found)
        n = seen.get(fp, 0) + 1
        seen[fp] = n
        f.fingerprint = fp if n == 1 else f"{fp}#{n}"
