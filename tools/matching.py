"""Matching of checker findings against answer-key items (shared by score.py,
build_corpus.py and the self-tests)."""
from __future__ import annotations

import re

_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?:\D|$))")


def norm_text(s) -> str:
    """Full-width digits/．/％ to ASCII, drop whitespace, drop thousands separators."""
    if s is None:
        return ""
    s = str(s)
    out = []
    for ch in s:
        o = ord(ch)
        if 0xFF10 <= o <= 0xFF19:
            out.append(chr(o - 0xFF10 + 0x30))
        elif ch == "．":
            out.append(".")
        elif ch == "％":
            out.append("%")
        elif ch.isspace():
            continue
        else:
            out.append(ch)
    s = "".join(out)
    # repeatedly, since "1,234,567" has overlapping lookarounds
    prev = None
    while prev != s:
        prev = s
        s = _THOUSANDS.sub("", s)
    return s


def finding_text(f: dict) -> str:
    parts = [f.get("message"), f.get("expected"), f.get("found")]
    for loc in f.get("locations") or []:
        if isinstance(loc, dict):
            for v in loc.values():
                if isinstance(v, str):
                    parts.append(v)
        elif isinstance(loc, str):
            parts.append(loc)
    if isinstance(f.get("location"), str):  # tolerate the verifier's flat form
        parts.append(f["location"])
    return norm_text("".join(str(p) for p in parts if p is not None))


def mention_ok(item: dict, text: str) -> bool:
    for m in item.get("mention", []):
        alts = m if isinstance(m, list) else [m]
        if not any(norm_text(a) in text for a in alts):
            return False
    return True


def categories(item: dict) -> set:
    return {item["category"], *item.get("accept", [])}


def matches(item: dict, f: dict, text: str | None = None) -> bool:
    if f.get("category") not in categories(item):
        return False
    return mention_ok(item, finding_text(f) if text is None else text)
