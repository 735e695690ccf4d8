"""Text normalisation shared by every parser: the checked text, never the quoted one."""

from __future__ import annotations

import functools
import unicodedata

import regex

from checker.understand.lazyre import lazy

# CJK Radicals Supplement look-alikes that browser PDFs (Noto/Source Han) put in the text layer.
# NFKC maps the Kangxi block (U+2F00-U+2FDF) but not these, so they need a table of their own.
_RADICAL_SUPPLEMENT = {
    "⺀": "冫", "⺁": "厂", "⺄": "乙", "⺅": "亻", "⺇": "几", "⺈": "𠂊", "⺊": "卜", "⺌": "小",
    "⺍": "小", "⺎": "尢", "⺏": "尣", "⺐": "尢", "⺑": "兀", "⺒": "巳", "⺓": "幺", "⺔": "彐",
    "⺕": "彐", "⺖": "忄", "⺗": "心", "⺘": "扌", "⺙": "攵", "⺛": "无", "⺜": "日", "⺝": "月",
    "⺞": "歹", "⺟": "母", "⺠": "民", "⺡": "氵", "⺢": "氺", "⺣": "灬", "⺤": "爫", "⺥": "爫",
    "⺦": "丬", "⺧": "牛", "⺨": "犭", "⺩": "王", "⺪": "疋", "⺫": "目", "⺬": "示", "⺭": "礻",
    "⺮": "竹", "⺯": "糸", "⺰": "纟", "⺱": "网", "⺲": "罒", "⺳": "网", "⺴": "网", "⺵": "网",
    "⺶": "羊", "⺷": "羊", "⺸": "羊", "⺹": "耂", "⺺": "聿", "⺻": "聿", "⺼": "月", "⺽": "臼",
    "⺾": "艹", "⺿": "艹", "⻀": "艹", "⻁": "虎", "⻂": "衤", "⻃": "西", "⻄": "西", "⻅": "见",
    "⻆": "角", "⻇": "角", "⻈": "讠", "⻉": "贝", "⻊": "足", "⻋": "车", "⻌": "辶", "⻍": "辶",
    "⻎": "辶", "⻏": "阝", "⻐": "钅", "⻑": "长", "⻒": "长", "⻓": "长", "⻔": "门", "⻕": "阜",
    "⻖": "阝", "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食",
    "⻞": "食", "⻟": "食", "⻠": "饣", "⻡": "首", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼",
    "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻫": "斉", "⻬": "齐", "⻭": "歯",
    "⻮": "齿", "⻯": "竜", "⻰": "龙", "⻱": "龜", "⻲": "亀", "⻳": "龟",
}

_TRANS: dict[int, str] = {ord(k): v for k, v in _RADICAL_SUPPLEMENT.items()}
for _cp in range(0x2F00, 0x2FE0):
    _n = unicodedata.normalize("NFKC", chr(_cp))
    if _n != chr(_cp):
        _TRANS[_cp] = _n
# Full-width digits and Latin letters to ASCII; the full-width percent and point too.
for _cp in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):
    _TRANS[_cp] = chr(_cp - 0xFEE0)
_TRANS.update({ord("％"): "%", ord("．"): ".", ord("＋"): "+", ord("－"): "-", ord("\u3000"): " ",
               ord("\xa0"): " ", ord("\u2002"): " ", ord("\u2003"): " ", ord("\u2009"): " ",
               ord("\u200b"): "", ord("\ufeff"): "", ord("\u00ad"): "", ord("﹪"): "%",
               ord("\u2212"): "-", ord("≧"): "≥", ord("≦"): "≤",
               # look-alikes some CJK fonts map their glyphs to (browser PDFs): angle brackets, bars, 户
               ord("\u2329"): "〈", ord("\u232a"): "〉", ord("\u2015"): "—", ord("戶"): "户"})
# The Symbol font's math characters as text layers and DOCX runs carry them: at the private-use code
# U+F000 + their Symbol-font code ("≥" from Word's Insert Symbol is U+F0B3 in a PDF it exported). Only
# these: another symbol font's private-use codes (Wingdings' boxes and arrows) mean other glyphs.
SYMBOL_PUA = {0xF0A3: "≤", 0xF0B3: "≥", 0xF0B1: "±", 0xF0B4: "×", 0xF0B8: "÷", 0xF0B9: "≠", 0xF0BB: "≈",
              0xF0B0: "°"}
_TRANS.update(SYMBOL_PUA)
# compose: a Kangxi radical whose NFKC form is itself mapped (⼾ → 戶 → 户) goes all the way
for _cp, _to in list(_TRANS.items()):
    if len(_to) == 1 and ord(_to) in _TRANS and ord(_to) != _cp:
        _TRANS[_cp] = _TRANS[ord(_to)]

# A character that makes an adjacent space meaningless in Chinese text.
_CJK = r"\p{Han}\p{Block=CJK_Symbols_and_Punctuation}\p{Block=Halfwidth_and_Fullwidth_Forms}“”‘’…—·、"
_SPACE_CJK = lazy(rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])")
# Inside a figure typed full-width (１６０．５％, ２０２２) a space or a line break is the text layer's
# doing: a justified line spreads its characters, a wrap cuts the figure. Removed before the digits
# become ASCII, where "1 60" would read as two numbers.
_FULLWIDTH_DIGITS = tuple("０１２３４５６７８９")
_GAP_FULLWIDTH = lazy(r"(?<=[０-９．％])(?:[ \t]+\n?|\n)[ \t]*(?=[０-９．％])")
_SPACE_FULLWIDTH = lazy(r"(?<=[０-９．％])[ \t]+(?=[０-９．％])")
_WS = lazy(r"[ \t\r\f\v]+")
_NL = lazy(r"[ \t]*\n[ \t]*")
# A figure split by the text layer where a narrow cell or a justified line wrapped it: "251. 89",
# "100. 00%", "5. 6公里" are one number each.
_SPLIT_NUMBER = lazy(r"(?<=\d\.)[ \t]+(?=\d)|(?<=\d)[ \t]+(?=\.\d)|(?<=\d)[ \t]+(?=%)")
# A text that is nothing but one figure whose decimals a narrow cell wrapped ("250000.0 0",
# "86.1 9%"): one number. Only a whole text: inside a row of figures "215457.6 10" is two cells.
_SPLIT_FRACTION = lazy(r"^([+-]?\d[\d,]*\.\d{1,3})[ \t]+(\d{1,3}%?)$")
_TAG = lazy(r"</?(?:p|br|span|div|strong|b|i|u|em)(?:\s[^<>]{0,200})?/?>", regex.I)
_ENDS_CJK = lazy(rf"[{_CJK}]$")
_STARTS_CJK = lazy(rf"[{_CJK}]")
_SPACES = lazy(r"\s+")


# The look-alikes alone (radicals, the angle brackets U+2329/U+232A, the bar U+2015, the Symbol font's
# private-use math characters), for raw text: pdfium's text
# layer already gives the standard character, pdfminer's gives the look-alike; quotes and raw-text
# matching read the same either way.
_RADICALS: dict[int, str] = {cp: to for cp, to in _TRANS.items()
                             if 0x2E80 <= cp <= 0x2FDF or cp in (0x2329, 0x232A, 0x2015) or cp in SYMBOL_PUA}
for _cp, _to in list(_RADICALS.items()):
    _n = unicodedata.normalize("NFKC", chr(_cp))
    if len(_n) == 1 and _n != _to:
        _RADICALS[ord(_n)] = _to  # pdfium's form of ⼾ is 戶, the table's is 户


def map_radicals(s: str) -> str:
    """Radical look-alikes (Kangxi, CJK Radicals Supplement) and angle-bracket look-alikes to the
    characters they stand for; raw text keeps everything else as the file has it."""
    return s.translate(_RADICALS)


def map_chars(s: str) -> str:
    """Radical look-alikes and full-width forms to their standard characters."""
    return s.translate(_TRANS)


def _group_cut(before: str, after: str) -> bool:
    """A grouped figure wrapped after its thousands comma ("1," / "000,000.00元"): one figure."""
    return (before.endswith(",") and before[-2:-1].isdigit()
            and after[:3].isdigit() and not after[3:4].isdigit())


def join_lines(s: str) -> str:
    """Join lines that wrap inside one paragraph or cell: no space between CJK, one otherwise."""
    parts = [p for p in _NL.split(s) if p != ""]
    if not parts:
        return ""
    out = parts[0]
    for p in parts[1:]:
        if _ENDS_CJK.search(out) or _STARTS_CJK.match(p) or _group_cut(out, p):
            out += p
        else:
            out += " " + p
    return out


@functools.lru_cache(maxsize=8192)
def normalize(s: str, keep_lines: bool = False) -> str:
    """The text rules compare: characters mapped, stray markup and CJK-internal spaces removed."""
    if not s:
        return ""
    if (" " in s or "\n" in s or "\t" in s) and any(d in s for d in _FULLWIDTH_DIGITS):
        s = (_SPACE_FULLWIDTH if keep_lines else _GAP_FULLWIDTH).sub("", s)
    s = map_chars(s)
    # Each step runs only where it can change something (most cells and many sentences hold no
    # markup, no line break and no space): the same text, without a regex pass over it for nothing.
    if "<" in s:
        s = _TAG.sub("", s)
    if not keep_lines and "\n" in s:
        s = join_lines(s)
    if "  " in s or "\t" in s or "\r" in s or "\f" in s or "\v" in s:
        s = _WS.sub(" ", s)
    if " " in s:  # after _WS no tab is left: both patterns need a space
        s = _SPACE_CJK.sub("", s)
        s = _SPLIT_NUMBER.sub("", s).strip()
        return _SPLIT_FRACTION.sub(r"\1\2", s)
    return s.strip()


_PUNCT_FOLD = str.maketrans({
    "，": ",", "。": ".", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?",
    "“": '"', "”": '"', "‘": "'", "’": "'", "【": "[", "】": "]", "〔": "[", "〕": "]",
    "《": "<", "》": ">", "〈": "<", "〉": ">", "、": ",",
})


@functools.lru_cache(maxsize=8192)
def fold(s: str) -> str:
    """A comparison key: normalised, punctuation folded to ASCII, all whitespace removed."""
    return _SPACES.sub("", normalize(s).translate(_PUNCT_FOLD))


def occurrences(word: str, text: str) -> list[int]:
    """Where a literal word occurs in a text, left to right without overlaps: the starts
    `regex.finditer(regex.escape(word), text)` gives, without building a pattern for every word."""
    if not word:
        return list(range(len(text) + 1))
    out = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + len(word))
    return out


# -- quoting: whole clauses with balanced brackets (used by the rules that quote and by renderers) --

CLAUSE_END = "。；！？;!?"
SOFT_END = "，、,：:"
_PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "「": "」", "『": "』", "《": "》", "【": "】", "[": "]"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_EDGE = "，、,；;：:。 "


def balanced(text: str) -> str:
    """The text without the unmatched half of any bracket or quote pair and without separators at
    either end: '，街道），惠及' → '街道，惠及'."""
    s = text.strip().lstrip(_EDGE).rstrip(_EDGE.replace("。", ""))
    stack: list[int] = []
    drop: set[int] = set()
    for i, ch in enumerate(s):
        if ch in _PAIRS:
            stack.append(i)
        elif ch in _CLOSERS:
            if stack and s[stack[-1]] == _CLOSERS[ch]:
                stack.pop()
            else:
                drop.add(i)
    drop.update(stack)
    out = "".join(ch for i, ch in enumerate(s) if i not in drop)
    return out.strip().lstrip(_EDGE).rstrip(_EDGE.replace("。", ""))


def widen(text: str, start: int, end: int, limit: int = 40) -> tuple[int, int]:
    """text[start:end] widened to the clause around it: left to the previous punctuation mark, right to
    the next one (at most `limit` characters each way), so a quote never starts or ends mid-word."""
    stops = CLAUSE_END + SOFT_END
    lo = start
    while lo > 0 and text[lo - 1] not in stops and start - lo < limit:
        lo -= 1
    hi = end
    while hi < len(text) and text[hi] not in stops and hi - end < limit:
        hi += 1
    return lo, hi
