"""Figures in report text: value, unit, written precision and what kind of number it is.

Every value is a Decimal as written ("17.6" stays 17.6 with 1 decimal) so that rounding checks can
use the XBRL Calculations 1.1 interval [v - 1/2*10^-d, v + 1/2*10^-d] (see DOMAIN.md, "Rounding").
Spans always index the caller's string: the only normalisation here (`_fold`) maps one character
to one character.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

import regex

from checker.record import FrozenRecord

# the interval toolkit lives in intervals.py; these names stay importable from here
from checker.understand.intervals import CEIL as _CEIL
from checker.understand.intervals import EXACT as _EXACT
from checker.understand.intervals import FLOOR as _FLOOR
from checker.understand.intervals import Interval, overlaps, ratio_interval, round_half_up, sum_interval
from checker.understand.lazyre import lazy

__all__ = [
    "EMPTY_MARKS", "KINDS", "MONEY_UNITS", "Interval", "Num", "as_percent", "find_numbers", "is_empty_mark",
    "looks_percent", "overlaps", "parse_number", "percent_value", "ratio_interval", "round_half_up",
    "same_value", "sum_interval", "with_unit",
]

# Money units and their power of ten relative to 元 (百万元/千万元 also occur in budget texts).
MONEY_UNITS: dict[str, int] = {"元": 0, "千元": 3, "万元": 4, "百万元": 6, "千万元": 7, "亿元": 8}
KINDS = frozenset({"amount", "date", "docno", "ordinal", "phone", "code"})

def _shift(value: Decimal, places: int) -> Decimal:
    """value * 10**places, exactly, written without an exponent when it is whole (11604900, not 1.16049E+7)."""
    r = value.scaleb(places, _EXACT)
    exp = r.as_tuple().exponent
    return r.quantize(Decimal(1), context=_EXACT) if isinstance(exp, int) and exp > 0 else r


@dataclass(frozen=True, repr=False, eq=False)
class Num(FrozenRecord):
    """One figure as written. Only `kind == "amount"` figures are facts; the other kinds are found so
    that callers can see (and skip) the years, document numbers and phone numbers around them."""

    value: Decimal  # signed, in its own unit: 1160.49 for "1160.49万元", 64.47 for "64.47%"
    unit: str  # "元" "万元" "亿元" "千元" "%" "个百分点" "" or a counted unit as written ("个", "万纤芯公里")
    decimals: int  # digits written after the point (Chinese numerals: after 点)
    raw: str  # exact substring of the input, sign/approximation words/unit included
    start: int
    end: int
    negative: bool = False
    approx: bool = False  # 约 / 近 / 余 / 多 / 左右 / 以上
    kind: str = "amount"  # amount | date | docno | ordinal | phone | code

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS

    def in_yuan(self) -> Decimal | None:
        if not self.is_money:
            return None
        return _shift(self.value, MONEY_UNITS[self.unit])

    def to_unit(self, unit: str) -> Decimal | None:
        """Money converted to another money unit; a percentage asked for as "%" is its value."""
        if self.is_percent:
            return self.value if unit == "%" else None
        if not self.is_money or unit not in MONEY_UNITS:
            return None
        return _shift(self.value, MONEY_UNITS[self.unit] - MONEY_UNITS[unit])

    @property
    def half_ulp(self) -> Decimal:
        return Decimal(5).scaleb(-self.decimals - 1, _EXACT)

    def interval(self, unit: str | None = None) -> Interval:
        """value ± half_ulp; with `unit`, a money figure's interval expressed in that money unit."""
        h = self.half_ulp
        lo, hi = _FLOOR.subtract(self.value, h), _CEIL.add(self.value, h)
        if unit is not None and unit != self.unit:
            if not (self.is_money and unit in MONEY_UNITS):
                raise ValueError(f"cannot express {self.unit!r} in {unit!r}")
            shift = MONEY_UNITS[self.unit] - MONEY_UNITS[unit]
            lo, hi = _shift(lo, shift), _shift(hi, shift)
        return lo, hi


# --------------------------------------------------------------------------- empty cells
EMPTY_MARKS: frozenset[str] = frozenset({
    "", "—", "——", "———", "–", "―", "─", "-", "--", "---", "－", "－－", "/", "／", "//", "\\", "＼",
    "无", "空", "…", "……", ".", "..", "...", "......", "N/A", "n/a", "NA", "na", "null", "NULL", "None",
})
# Any run of dashes or dots alone is a placeholder too, however many were typed.
_EMPTY_RUN = lazy(r"[-－—–―─‐_]+|[.…·]+")


def is_empty_mark(s: str) -> bool:
    s = s.strip()
    return s in EMPTY_MARKS or _EMPTY_RUN.fullmatch(s) is not None


# --------------------------------------------------------------------------- character folding
def _build_fold() -> dict[int, str]:
    table = {cp: chr(cp - 0xFEE0) for cp in range(0xFF10, 0xFF1A)}  # full-width digits
    table.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF21, 0xFF3B)})  # full-width Latin, for "５Ｇ"
    table.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF41, 0xFF5B)})
    table.update({ord(k): v for k, v in {
        "．": ".", "％": "%", "﹪": "%", "－": "-", "−": "-", "﹣": "-", "＋": "+", "～": "~",
        "\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
        "○": "〇", "◯": "〇",  # zero drawn as a circle in years (二○二二年)
        # Kangxi radicals that browser PDFs emit for the numerals (NFKC would map them too).
        "⼀": "一", "⼆": "二", "⼋": "八", "⼗": "十", "⼊": "入",
    }.items()})
    return table


_FOLD = _build_fold()
_FOLDED = frozenset(chr(cp) for cp in _FOLD)  # the characters _fold changes


def _fold(s: str) -> str:
    """One character to one character, so match offsets are offsets in the caller's string."""
    # most texts hold none of them: a set test in C is far cheaper than translating every character
    return s if _FOLDED.isdisjoint(s) else s.translate(_FOLD)


# --------------------------------------------------------------------------- patterns
_SP = r"\x20{0,2}"  # numbers and units are often set apart by a space in PDF text; never a tab (cell border)

# Arabic figure. Thousands separators only in the strict pattern; the full-width comma only when it is
# directly followed by exactly three digits (so "80万元，30万元" and "1，2，3" stay apart).
_ARABIC = r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:，\d{3})+(?!\d)|\d+)(?:\.\d+)?"

_CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_CHARS = _CN_DIGITS + "十百千万亿拾佰仟"
# Chinese numeral: a whole run (never part of one), optional 点-decimals, optional 万/亿 after them.
_CN = (rf"(?<![{_CN_CHARS}点])[{_CN_CHARS}]{{1,24}}"
       rf"(?:点[{_CN_DIGITS}]{{1,12}}(?:万亿|亿|万)?)?(?![{_CN_CHARS}])")

# Counted units, longest first. Characters that mostly start words rather than count (部 in 部分,
# 根 in 根据, 支 in 支出, 头, 只) are left out on purpose; 分 is not a unit in 分之/分比/分钟.
_COUNTERS = sorted([
    "个月", "人次", "户次", "件次", "家次", "批次", "课时", "学时", "小时", "分钟", "周岁",
    "平方公里", "平方千米", "平方米", "立方米", "公里", "千米", "公顷", "千瓦时", "千瓦", "兆瓦", "千克", "公斤",
    "个", "次", "人", "户", "项", "条", "期", "份", "家", "台", "套", "座", "所", "件", "篇", "场", "批", "名",
    "位", "辆", "间", "张", "本", "册", "处", "棵", "株", "盏", "块", "组", "类", "种", "倍", "岁", "床", "笔",
    "宗", "轮", "届", "亩", "米", "吨", "天", "年", "月", "日", "周", "站", "栋", "例", "起", "趟",
], key=len, reverse=True)
_COUNTER = "|".join(_COUNTERS) + r"|分(?![之比钟])"
_LATIN_UNIT = r"(?:Gbps|Mbps|kWh|KWh|kW|KW|PB|TB|GB|MB|km|KM|m²|m³|㎡|㎥|㎞|kg|KG)(?![A-Za-z0-9])"

# One figure: [约|近] [sign] (百分之 N | N) [余|多] [万|亿…] [余|多] [unit] [左右|以上].
# After a magnitude a counted unit may carry a short qualifier: 11.98万纤芯公里, 8000余万条.
_FIGURE = rf"""
(?P<pre>(?:(?<![节制合签预违公条契])约|(?<![最附])近){_SP})?
(?P<sign>(?<![\dA-Za-z.)）\]】〕])[-+])?
(?:百分之{_SP}(?P<pct>{_ARABIC}|{_CN}) | (?P<ar>{_ARABIC}) | (?P<cn>{_CN}))
{_SP}(?P<ap1>余|多)?
(?P<mag>万亿|亿|千万|百万|万|千(?={_SP}元))?
(?P<ap2>余|多)?
{_SP}(?P<unit>%|‰|个百分点|元|人民币|(?(mag)(?:(?!元)\p{{Han}}){{0,3}}?)(?:{_COUNTER})|{_LATIN_UNIT})?
(?P<post>左右|以上)?
"""

# Numeric dates are split into their parts here, before "2022.12" could pass for a decimal.
_DATE_YMD = (r"(?<![\d.])(?:19|20)\d{2}(?P<dsep>[-./])(?:1[0-2]|0?[1-9])(?P=dsep)"
             r"(?:3[01]|[12]\d|0?[1-9])(?![\d.])")
_DATE_YM_RANGE = (r"(?<![\d.])(?:19|20)\d{2}[./](?:1[0-2]|0?[1-9])\x20*[-~至—]{1,2}\x20*"
                  r"(?:19|20)\d{2}[./](?:1[0-2]|0?[1-9])(?![\d.])")
_LANDLINE = r"(?<![\d-])0\d{2,3}-\d{7,8}(?!\d)"

# The scanner: leftmost token wins; special shapes are tried before the general figure. A cell's one
# figure is a `fullmatch` whose `fig` group matched: no date, date range or landline can be written
# as one whole figure, so this one pattern serves both (the largest pattern here: compiled once).
_TOKEN = lazy(
    rf"(?P<ymd>{_DATE_YMD})|(?P<ymr>{_DATE_YM_RANGE})|(?P<tel>{_LANDLINE})|(?P<fig>{_FIGURE})",
    regex.VERBOSE,
)
_DIGIT_RUN = lazy(r"\d+")
_ACCOUNTING = lazy(r"[(（]\x20*(?P<inner>[^()（）]+?)\x20*[)）]")  # "(12.3)" = -12.3, one level only

# Context around a figure that decides its kind.
_DOCNO_YEAR_OPEN = lazy(r"[（(〔【\[［]\x20*$")
_DOCNO_YEAR_CLOSE = lazy(r"^\x20*(?P<b>[）)〕】\]］])(?P<serial>\x20*\d+\x20*号)?")
_DOCNO_SERIAL = lazy(r"^\x20*号")
_YEAR_RANGE_NEXT = lazy(r"^\x20*[-~至到—]{1,2}\x20*(?:19|20)\d{2}")
_MONTH_BEFORE = lazy(r"月\x20*$")
_ORDINAL_BEFORE = lazy(r"(?:第|附件|附表)\s*[:：]?\s*$")
_CODE_LABEL = lazy(r"(?:编码|代码|编号|账号|帐号|卡号|代号)[\s:：]{0,3}$")
_POSTCODE_LABEL = lazy(r"(?:邮编|邮政编码)[\s:：]{0,3}$")
_MOBILE = lazy(r"1[3-9]\d{9}")
_LATIN_BEFORE = lazy(r"[A-Za-z]$")
_LIST_START = lazy(r"(?:^|[\s>。；;：:，,！!？?])$")  # where an enumeration may begin
_LINE_START = lazy(r"(?:^|\n)\x20*$")
_DOT_ITEM = lazy(r"\.(?=[^\d\s])")  # "1.项目概况", not "1.8"

# --------------------------------------------------------------------------- Chinese numerals
_CN_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_DIGIT_VALUE.update({"〇": 0, "两": 2, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7,
                        "捌": 8, "玖": 9})
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}


def _cn_section(s: str) -> int | None:
    """A numeral below 10000 ("一千零五", "十五", colloquial "一千五" = 1500); None if malformed."""
    val, digit, prev_unit, zero = 0, None, 10_000, False
    for c in s:
        if c in _CN_DIGIT_VALUE:
            v = _CN_DIGIT_VALUE[c]
            if digit is not None:  # 两 digits in a row ("十四五") is a name, not a number
                return None
            if v == 0:
                zero = True
            else:
                digit = v
        elif c in _CN_SMALL:
            u = _CN_SMALL[c]
            if u >= prev_unit:
                return None
            if digit is None:  # "十五", "百" at the head; "零十" inside
                if val and not (zero and u == 10):
                    return None
                digit = 1
            val += digit * u
            digit, prev_unit, zero = None, u, False
        else:
            return None
    if digit is not None:
        val += digit * prev_unit // 10 if (not zero and 10 < prev_unit < 10_000) else digit
    return val


def _cn_integer(s: str) -> int | None:
    if not s:
        return None
    if all(c in _CN_DIGIT_VALUE for c in s) and (len(s) == 1 or "两" not in s):
        return int("".join(str(_CN_DIGIT_VALUE[c]) for c in s))  # positional: 二〇二二
    for big, scale in (("亿", 10**8), ("万", 10**4)):
        i = s.rfind(big)
        if i < 0:
            continue
        left, right = s[:i], s[i + 1:]
        hi = _cn_integer(left) if left else 1
        if hi is None:
            return None
        if not right:
            return hi * scale
        if len(right) == 1 and right in _CN_DIGIT_VALUE and right not in "零〇":
            return hi * scale + _CN_DIGIT_VALUE[right] * scale // 10  # 三万五 = 35000
        lo = _cn_integer(right)
        if lo is None or lo >= scale:
            return None
        return hi * scale + lo
    return _cn_section(s)


def _cn_value(s: str) -> tuple[Decimal, int, str] | None:
    """(value, decimals, magnitude) of a Chinese numeral; a trailing 万/亿 becomes the magnitude,
    so 一千八百万 reads as 1800 万 and compares with "1800万元"."""
    mag = s[-1] if s[-1:] in ("万", "亿") and len(s) > 1 else ""
    scale = 10**4 if mag == "万" else 10**8
    if "点" in s:  # 一点八亿: the magnitude can only follow the decimals
        int_s, frac_s = s.removesuffix(mag).split("点", 1)
        iv = _cn_integer(int_s)
        if iv is None or not frac_s or any(c not in _CN_DIGIT_VALUE for c in frac_s):
            return None
        frac = "".join(str(_CN_DIGIT_VALUE[c]) for c in frac_s)
        return Decimal(f"{iv}.{frac}"), len(frac), mag
    iv = _cn_integer(s)  # 一亿二千万 = 120000000, written as 12000 万
    if iv is None:
        return None
    return Decimal(iv // scale if mag else iv), 0, mag


def _has_cn_digit(s: str) -> bool:
    return any(c in _CN_DIGIT_VALUE for c in s)


# --------------------------------------------------------------------------- building a Num
def _arabic_value(s: str) -> tuple[Decimal, int] | None:
    """The value and decimals of an Arabic figure; None for digits Decimal does not know (the
    pattern's \\d follows a newer Unicode than this Python: "999𐵀" is no figure to check)."""
    digits = s.replace(",", "").replace("，", "")
    _, _, frac = digits.partition(".")
    try:
        return Decimal(digits), len(frac)
    except InvalidOperation:
        return None


_PARTS = ("pre", "sign", "pct", "ar", "cn", "ap1", "mag", "ap2", "unit", "post")


@functools.lru_cache(maxsize=1)
def _part_groups() -> tuple[int, ...]:
    """The numbers of a figure's groups (_PARTS) in _TOKEN: `regex` reads a match's groups by number
    about twenty times faster than by name, and every figure reads all of them."""
    return tuple(_TOKEN.groupindex[name] for name in _PARTS)


def _figure(t: str, src: str, m: regex.Match, whole: bool) -> Num | None:
    """A Num from a _FIGURE match of _TOKEN, or None when the match is not a figure (a bare 万, 十分 as
    an adverb)."""
    numbers = _part_groups()
    g = m.groups()
    written = [g[i - 1] for i in numbers]
    pre, sign, pct, ar, cn, ap1, mag, ap2, unit, post = written
    i_pre, i_sign, i_pct, i_ar, i_cn = numbers[:5]
    # The span ends at the last thing that was actually written, not at trailing spaces.
    end = max(m.end(i) for i, part in zip(numbers[2:], written[2:]) if part)
    text = pct or ar or cn
    is_cn = not text[0].isdigit()
    unit = unit or ""
    mag = mag or ""
    if is_cn:
        if not _has_cn_digit(text) and not text.startswith("十") and not pct:
            return None  # 千家万户, 千万 (an adverb), 万元 in a header
        parsed = _cn_value(text)
        if parsed is None:
            return None
        value, decimals, mag = parsed
        if text == "十" and unit == "分":
            return None  # 十分 = "very"
    else:
        parsed_ar = _arabic_value(text)
        if parsed_ar is None:
            return None
        value, decimals = parsed_ar
    if unit == "人民币":
        unit = "元"
    unit = "%" if pct else mag + unit

    negative = sign == "-"
    if negative:
        value = -value
    start = m.start(i_pre) if pre else (m.start(i_sign) if sign else m.start(0))
    approx = bool(pre or ap1 or ap2 or post)
    num_start, num_end = m.span(i_pct if pct else i_ar if ar else i_cn)
    kind = _classify(t, value, unit, decimals, start, end, text, num_start, num_end, is_cn)
    if is_cn and not whole and kind == "amount" and not unit:
        return None  # a Chinese numeral in running text counts only with a unit (统一, 三大运营商)
    return Num(value, unit, decimals, src[start:end], start, end, negative, approx, kind)


def _classify(t: str, value: Decimal, unit: str, decimals: int, start: int, end: int, text: str, ns: int, ne: int,
              is_cn: bool) -> str:
    """amount, or date / docno / ordinal / phone / code from the figure's shape and its neighbours
    (the figure written from start to end, its numeral from ns to ne)."""
    before, after = t[max(0, ns - 16):ns], t[end:end + 16]
    after_num = t[ne:ne + 16]
    plain_int = decimals == 0 and text.isdigit()  # arabic, no separators, no point
    integer = decimals == 0 and "," not in text and "，" not in text
    sign_or_pre = start < ns  # a sign or 约 in front: an amount, whatever its shape
    year_like = (plain_int and len(text) == 4 and text[:2] in ("19", "20")) or (
        is_cn and len(text) == 4 and all(c in _CN_DIGIT_VALUE for c in text))

    # Document numbers: 湘财绩〔2020〕7号, 州财行集字（2022）0144 号.
    if plain_int and not unit and not sign_or_pre:
        if _DOCNO_SERIAL.match(after_num) and not _MONTH_BEFORE.search(before):
            return "docno"
        close = _DOCNO_YEAR_CLOSE.match(after_num)
        if year_like and close and _DOCNO_YEAR_OPEN.search(before) and (
                close.group("serial") or close.group("b") in "〕】]］"):
            return "docno"
    # Dates: 2022年12月31日, 2023年6月, 2019-2021年, 12月31号.
    if integer and not sign_or_pre:
        if unit == "年" and year_like:
            return "date"
        if unit == "月" and 1 <= value <= 12:
            return "date"
        if unit == "日" and 1 <= value <= 31:
            return "date"
        if not unit and plain_int and _DOCNO_SERIAL.match(after_num) and _MONTH_BEFORE.search(before):
            return "date"
        if not unit and year_like and _YEAR_RANGE_NEXT.match(after_num):
            return "date"
    if plain_int and not unit and not sign_or_pre:
        # Phones and postcodes.
        if len(text) == 11 and _MOBILE.fullmatch(text):
            return "phone"
        if len(text) == 6 and _POSTCODE_LABEL.search(before):
            return "phone"
        # Codes: after 编码, too long to be an amount, or glued to Latin letters (5G, IPv6, G20).
        if _CODE_LABEL.search(before) or len(text) >= 12:
            return "code"
        if _LATIN_BEFORE.search(before) or (after_num[:1].isascii() and after_num[:1].isalpha()):
            return "code"
    # Ordinals: 第3页, 一是, （一）, 1、 at the start of an item.
    if integer and not sign_or_pre:
        if _ORDINAL_BEFORE.search(before):
            return "ordinal"
        if not unit and len(text) <= 3:
            if is_cn and after[:1] == "是" and _LIST_START.search(before):
                return "ordinal"
            if before[-1:] in ("（", "(") and after[:1] in ("）", ")"):
                return "ordinal"
            if after[:1] == "、" and _LIST_START.search(before):
                return "ordinal"
            if not is_cn and _DOT_ITEM.match(after) and _LINE_START.search(before):
                return "ordinal"
    return "amount"


# --------------------------------------------------------------------------- public parsing
def find_numbers(text: str) -> list[Num]:
    """Every figure in a sentence, left to right, with its span and kind."""
    return list(_find_numbers(text))  # a list of its own for each caller; the figures are immutable


@functools.lru_cache(maxsize=4096)
def _find_numbers(text: str) -> tuple[Num, ...]:
    """find_numbers, kept per text: facts, narrative and several rules read the same sentences."""
    t = _fold(text)
    out: list[Num] = []
    fig, tel = _TOKEN.groupindex["fig"], _TOKEN.groupindex["tel"]
    for m in _TOKEN.finditer(t):
        if m.group(fig) is None:
            kind = "phone" if m.group(tel) else "date"
            for d in _DIGIT_RUN.finditer(t, m.start(), m.end()):
                out.append(Num(Decimal(d.group()), "", 0, text[d.start():d.end()], d.start(), d.end(),
                               kind=kind))
            continue
        num = _figure(t, text, m, whole=False)
        if num is not None:
            out.append(num)
    return tuple(out)


def _whole_figure(t: str, start: int, end: int) -> regex.Match | None:
    """The match of one figure spanning t[start:end] exactly, or None."""
    m = _TOKEN.fullmatch(t, start, end)
    return m if m is not None and m.group("fig") is not None else None


@functools.lru_cache(maxsize=8192)
def parse_number(s: str, default_unit: str = "") -> Num | None:
    """The one figure a cell or short string holds, or None (empty mark, text, operators, 2+ figures).

    `default_unit` is the unit of a column whose header says it (单位：万元) and applies when the cell
    writes none. Spans index `s` itself, surrounding whitespace excluded.
    """
    if is_empty_mark(s):
        return None
    lead = len(s) - len(s.lstrip())
    end = len(s.rstrip())
    t = _fold(s)
    num = None
    acc = _ACCOUNTING.fullmatch(t, lead, end)
    if acc:
        inner = _whole_figure(t, acc.start("inner"), acc.end("inner"))
        if inner and not inner.group("sign") and not inner.group("cn"):
            num = _figure(t, s, inner, whole=True)
            if num is not None:
                num = replace(num, value=-num.value, negative=True, raw=s[lead:end], start=lead, end=end,
                            kind="amount")
        elif inner and inner.group("cn"):  # （一） is a heading number
            num = _figure(t, s, inner, whole=True)
            if num is not None:
                num = replace(num, raw=s[lead:end], start=lead, end=end, kind="ordinal")
    else:
        m = _whole_figure(t, lead, end)
        if m:
            num = _figure(t, s, m, whole=True)
    if num is not None and default_unit and not num.unit and num.kind == "amount":
        num = replace(num, unit=default_unit)
    return num


# --------------------------------------------------------------------------- percent or fraction, units
# A rate column may print 92.87, 92.87% or 0.9287. Above this a bare figure cannot be a fraction of
# a whole (an execution rate of 150% is written as 150, never as 1.5).
FRACTION_MAX = Decimal("1.5")


def looks_percent(n: Num, header_percent: bool = False) -> bool:
    """Whether a rate is written in percent: marked %, under a "%" header, or too large for a fraction."""
    return n.is_percent or header_percent or n.value > FRACTION_MAX


def percent_value(n: Num, header_percent: bool = False) -> Decimal:
    """A rate's value in percent (0.9287 → 92.87)."""
    return n.value if looks_percent(n, header_percent) else n.value * 100


def as_percent(n: Num) -> Num:
    """A rate as a percent figure (0.9287 → 92.87%), its written precision carried along."""
    if looks_percent(n):
        return n if n.is_percent else replace(n, unit="%")
    return replace(n, value=n.value * 100, unit="%", decimals=max(n.decimals - 2, 0))


def with_unit(n: Num, unit: str) -> Num:
    """A figure in the unit its table states, when it carries none of its own."""
    if not unit or n.unit:
        return n
    return replace(n, unit=unit)


def same_value(a: Num, b: Num) -> bool:
    """Exactly the same amount (money compared in 元)."""
    if a.is_money and b.is_money:
        return a.in_yuan() == b.in_yuan()
    return a.value == b.value
