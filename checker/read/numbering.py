"""The numbers Word draws before automatically numbered paragraphs ("三、", "（一）", "1."), which the
DOCX text does not hold: they live in numbering.xml (ECMA-376 part 1, 17.9) and are counted as the
document is laid out. A report written from a template with numbered heading styles has none of
its section numbers in its text; the checker finds its sections by them, so the reader puts back
what the page shows.

What is evaluated: a paragraph's own numbering (w:numPr) or its style's (followed through basedOn);
each list's levels with their start, number format and level text ("%1、", "（%1）", "%1.%2"); a
counter per list and level, a level's step restarting the deeper levels; a list's start overrides.
Bullets and unknown formats draw no number here.
"""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_DIGITS = "零一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese(n: int) -> str:
    """一, 十, 十一, 二十三, 一百零五 (chineseCounting)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _chinese(rest) if rest < 10 else
                                     ("一" + _chinese(rest) if rest < 20 else _chinese(rest)))
        return _DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter past Z: AA, BB...; a start value from a hostile file must not build a
    # string of millions of letters
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if 0 < n <= 780 else str(n)


def format_number(n: int, fmt: str) -> str | None:
    """`n` in the numFmt `fmt`; None for a format that draws no number (bullet, none) or is unknown."""
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital", "japaneseCounting"):
        if fmt == "ideographDigital":
            return "".join(_DIGITS[int(d)] if d != "0" else "〇" for d in str(n))
        return _chinese(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return None


def _int(el, default: int, attr: str = "val") -> int:
    """An element's integer attribute (w:val unless named), or `default` where absent or not a number."""
    if el is None:
        return default
    try:
        return int(el.get(f"{W}{attr}"))
    except (TypeError, ValueError):
        return default


class Numbering:
    """The numbering definitions of one document and the counters of a reading of it, in order."""

    def __init__(self, numbering_root, styles_root) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str, bool]]] = {}  # abstractNumId → ilvl → level
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self.style_num: dict[str, tuple[str, int | None]] = {}  # styleId → (numId, ilvl)
        self.counters: dict[str, dict[int, int]] = {}
        if numbering_root is not None:
            for a in numbering_root.iter(f"{W}abstractNum"):
                levels = {}
                for lvl in a.findall(f"{W}lvl"):
                    ilvl = _int(lvl, 0, "ilvl")
                    fmt = lvl.find(f"{W}numFmt")
                    text = lvl.find(f"{W}lvlText")
                    levels[ilvl] = (_int(lvl.find(f"{W}start"), 1),
                                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                                    text.get(f"{W}val", "") if text is not None else "",
                                    lvl.find(f"{W}isLgl") is not None)
                self.levels[a.get(f"{W}abstractNumId", "")] = levels
            for num in numbering_root.iter(f"{W}num"):
                aid = num.find(f"{W}abstractNumId")
                starts = {_int(o, 0, "ilvl"): _int(o.find(f"{W}startOverride"), 1)
                          for o in num.findall(f"{W}lvlOverride") if o.find(f"{W}startOverride") is not None}
                self.nums[num.get(f"{W}numId", "")] = (aid.get(f"{W}val", "") if aid is not None else "", starts)
        if styles_root is not None:
            based: dict[str, str] = {}
            own: dict[str, tuple[str, int | None]] = {}
            for st in styles_root.iter(f"{W}style"):
                sid = st.get(f"{W}styleId", "")
                b = st.find(f"{W}basedOn")
                if b is not None:
                    based[sid] = b.get(f"{W}val", "")
                np_ = st.find(f"{W}pPr/{W}numPr")
                if np_ is not None:
                    nid = np_.find(f"{W}numId")
                    ilvl = np_.find(f"{W}ilvl")
                    own[sid] = (nid.get(f"{W}val", "") if nid is not None else "", _int(ilvl, 0) if ilvl is not None else None)
            for sid in set(based) | set(own):
                s, seen = sid, set()
                while s and s not in own and s not in seen:  # a style takes its numbering from the one it is based on
                    seen.add(s)
                    s = based.get(s, "")
                if s in own:
                    self.style_num[sid] = own[s]

    def label(self, p) -> str:
        """The number Word draws before paragraph element `p` ("" for none), counting it."""
        ppr = p.find(f"{W}pPr")
        num_id, ilvl = "", None
        style = ppr.find(f"{W}pStyle") if ppr is not None else None
        if style is not None and style.get(f"{W}val", "") in self.style_num:
            num_id, ilvl = self.style_num[style.get(f"{W}val", "")]
        own = ppr.find(f"{W}numPr") if ppr is not None else None
        if own is not None:
            nid = own.find(f"{W}numId")
            if nid is not None:
                num_id = nid.get(f"{W}val", "")
            lv = own.find(f"{W}ilvl")
            if lv is not None:
                ilvl = _int(lv, 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        aid, starts = self.nums[num_id]
        levels = self.levels.get(aid, {})
        ilvl = ilvl or 0
        if ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        start = starts.get(ilvl, levels[ilvl][0])
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a step of this level restarts the levels below it
        _, fmt, text, legal = levels[ilvl]
        if format_number(counts[ilvl], fmt) is None:
            return ""
        out = text
        for k in range(ilvl, -1, -1):  # %10 never exists: nine levels, %1..%9
            if f"%{k + 1}" not in out:
                continue
            kstart, kfmt = (levels[k][0], levels[k][1]) if k in levels else (1, "decimal")
            n = counts.get(k, starts.get(k, kstart))
            shown = format_number(n, "decimal" if legal and k < ilvl else kfmt)
            out = out.replace(f"%{k + 1}", shown if shown is not None else "")
        return out

