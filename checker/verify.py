"""Verification of findings that rest on OCR'd text: the step between check and report.

A rule compares what the document says. On a scanned page, what the document says is what the
recogniser read, and a misread digit looks exactly like a department's fault. So before such a
finding is reported as an error or a warning, the readings it rests on are verified:

1. the OCR'd pieces under its locations that hold its figures (or its quoted words) are found on
   the page (`Page.words`);
2. their form is checked: a figure whose thousands grouping is broken, or that has fewer decimals
   than the rest of its table column, is not a reading to build on;
3. they are read again (checker.read.ocr.reread: twice the resolution, another binarisation, the
   recogniser's runner-up readings); a reading that the re-reads do not all confirm, or whose
   weakest character is unsure, is uncertain;
4. a difference that a known confusion explains (rules/confusions.toml: look-alike characters,
   bracket shapes, a doubled character, a dropped digit or decimal, a swapped separator) stands
   only on a reading that is confirmed with high confidence;
5. an empty cell that holds ink was not read, not left blank.

What stays uncertain becomes an `info` finding "可能为 OCR 误读", quoting both readings; it keeps
its category and operands, so a person can look. A verified finding keeps its severity and says
that its figures were read by OCR and confirmed. Every location on an OCR'd page is marked
(`Loc.ocr`), so that each output format can show the quote came from OCR.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, replace

import regex

from checker.check.registry import Finding
from checker.model import Document, Loc, OcrWord, Page
from checker.record import FrozenRecord, ValueRecord
from checker.understand.numbers import is_empty_mark

_NUMBER = regex.compile(r"\d[\d,，.．]*\d|\d")
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")


INK_MARK = 3.0  # points: a mark this long in a cell read as empty is a stroke the recogniser missed


@dataclass(frozen=True, repr=False, eq=False)
class Confusions(FrozenRecord):
    groups: dict[str, str]  # char -> its look-alike group
    digits: dict[str, str]  # digit -> digits it is taken for
    shape: dict[str, str]  # char -> the canonical shape of its group
    comparator_digits: dict[str, str]  # comparator -> the digit it is read as
    numbers: dict
    min_conf: float
    uncertain_below: float


@functools.lru_cache(maxsize=1)
def confusions() -> Confusions:
    from checker.knowledge import rules_dir

    data = tomllib.loads((rules_dir() / "confusions.toml").read_text(encoding="utf-8"))
    groups: dict[str, str] = {}
    for g in data.get("look_alike", []):
        for c in g:
            groups[c] = groups.get(c, "") + g
    digits: dict[str, str] = {}
    for g in data.get("digit_look_alike", []):
        for c in g:
            digits[c] = digits.get(c, "") + g
    shape = {c: g[0] for g in data.get("shapes", []) for c in g}
    v = data.get("verify", {})
    return Confusions(groups=groups, digits=digits, shape=shape, numbers=data.get("numbers", {}),
                      comparator_digits=dict(data.get("comparator_as_digit", {})),
                      min_conf=float(v.get("min_char_confidence", 0.9)),
                      uncertain_below=float(v.get("uncertain_below", 0.6)))


# -- what a confusion explains ----------------------------------------------------------------------

def _canon(s: str, c: Confusions) -> str:
    return "".join(c.shape.get(ch, ch) for ch in s if not ch.isspace())


def explains(a: str, b: str, c: Confusions | None = None) -> str | None:
    """Why two readings may be one text read twice (a Chinese reason), or None."""
    c = c or confusions()
    if a is None or b is None:
        return None
    x, y = _canon(a, c), _canon(b, c)
    if x == y:
        return "仅括号或标点的形状不同" if a.replace(" ", "") != b.replace(" ", "") else None
    if c.numbers.get("separator_swap", True) and _is_number(a) and _is_number(b) and \
            regex.sub(r"[,，.．。]", "", a) == regex.sub(r"[,，.．。]", "", b):
        return "小数点与千分位符号混淆"
    if len(x) == len(y):
        diff = [(p, q) for p, q in zip(x, y) if p != q]
        if diff and all(q in c.groups.get(p, "") or q in c.digits.get(p, "") for p, q in diff):
            return "形近字符「" + "、".join(f"{p}/{q}" for p, q in diff) + "」"
        return None
    if abs(len(x) - len(y)) == 1:
        long, short = (x, y) if len(x) > len(y) else (y, x)
        for i in range(len(long)):
            if long[:i] + long[i + 1:] == short:
                ch = long[i]
                if (i > 0 and long[i - 1] == ch) or (i + 1 < len(long) and long[i + 1] == ch):
                    return f"重复字符「{ch}」"
                if ch.isdigit() and c.numbers.get("dropped_digit", True) and _is_number(a) and _is_number(b):
                    return f"多/少一位数字「{ch}」"
                if ch in "。" and c.numbers.get("dropped_decimal", True):
                    return "小数点遗漏"
                break
    return None


def _is_number(s: str) -> bool:
    return bool(regex.fullmatch(r"[\s\d,，.．%％]*\d[\s\d,，.．%％]*(?:万元|元|分)?", s or ""))


def badly_formed(num: str) -> str | None:
    """A figure whose thousands grouping is broken ("1,23,456", "12,34.5"): a reason, or None."""
    if "," not in num and "，" not in num:
        return None
    body = regex.sub(r"[，]", ",", num)
    if regex.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", body):
        return None
    return f"「{num}」的千分位分组不合规"


def _numbers(s: str | None) -> list[str]:
    return _NUMBER.findall(s or "")


def _plain(num: str) -> str:
    return regex.sub(r"[,，]", "", num).replace("．", ".")


# -- the step -----------------------------------------------------------------------------------------

@dataclass(repr=False, eq=False)
class _Need(ValueRecord):
    word: OcrWord | None  # the piece read (None: an empty cell)
    box: tuple[float, float, float, float]
    numbers: list[str]  # the figures of interest in it (plain)
    loc: Loc
    window: str = ""  # for a text finding: the disputed stretch of words (canonical shapes)


def verify_findings(findings: list[Finding], doc: Document, path, reread=None) -> list[Finding]:
    """The findings, with those on OCR'd pages verified (see the module doc). `reread` replaces
    checker.read.ocr.reread (tests)."""
    pages = {p.number: p for p in doc.pages if p.ocr}
    if not pages:
        return findings
    c = confusions()
    needs: dict[int, list[_Need]] = {}
    for f in findings:
        on = [loc for loc in f.locations if loc.page in pages]
        for loc in on:
            loc.ocr = True
        if f.severity != "info" and on:
            needs[id(f)] = [n for loc in on for n in _needs(f, loc, pages[loc.page], doc, pages)]
    readings = _reread_all([n for ns in needs.values() for n in ns], pages, path, reread)
    out = []
    for f in findings:
        if id(f) not in needs:
            out.append(f)
            continue
        doubt = _doubt(f, needs[id(f)], readings, doc, c)
        out.append(_downgrade(f, doubt) if doubt else _confirmed(f, pages))
    return [_as_filed(f, pages) for f in out]


def _as_filed(f: Finding, pages: dict[int, Page]) -> Finding:
    """The finding with its boxes on turned or deskewed pages moved to where they are in the file:
    the reader measured them on the upright page, the evidence crops, highlights and the JSON
    `bbox` show the page as the file has it. New Loc objects: a location may be shared."""
    from checker.read.ocr.geometry import to_page

    def moved(loc: Loc) -> Loc:
        p = pages.get(loc.page)
        if p is None or (not p.rotation and abs(p.skew) < 0.05):
            return loc
        size = (p.width, p.height)
        return replace(loc, bbox=to_page(loc.bbox, p.rotation, p.skew, size) if loc.bbox else None,
                       context=tuple(to_page(b, p.rotation, p.skew, size) for b in loc.context))

    locs = [moved(loc) for loc in f.locations]
    if all(a is b for a, b in zip(locs, f.locations)):
        return f
    return replace(f, locations=locs)


def _needs(f: Finding, loc: Loc, page: Page, doc: Document, pages: dict[int, Page]) -> list[_Need]:
    """The OCR'd pieces a finding rests on at one location: the words in a cell (and, for a sum
    or a score, in the rest of its column: the parts), or the words of a paragraph holding the
    finding's figures (or its quoted words)."""
    if loc.bbox is None:
        return []
    words = [w for w in page.words if _inside(w.bbox, loc.bbox)]
    windows = _windows(f.found, f.expected) if f.category in _TEXT_CATEGORIES else []
    if windows:  # the words differ: verify the stretch where they do
        c = confusions()
        out = [_Need(w, w.bbox, [], loc, win) for w in words for win in windows if win in _canon(w.text, c)]
        if out:
            return out
    if loc.table is not None:  # a cell: its figures (or, when it reads empty, whether it is)
        # its figures, and any reading that is nothing but a symbol ("？" for a lone "7")
        out = [_Need(w, w.bbox, [_plain(n) for n in _numbers(w.text)], loc) for w in words
               if _numbers(w.text) or (w.text.strip() and not _LETTER_OR_DIGIT.search(w.text)
                                       and not is_empty_mark(w.text))]
        if not words:
            out.append(_Need(None, loc.bbox, [], loc))
        if f.category == "sum":  # a total against its computed sum: the column holds the parts
            out += _related(loc, doc, pages, lambda c: c.col == loc.col)
        if f.category in ("score", "rate", "missing"):  # target, actual, weight and score of one row
            out += _related(loc, doc, pages, lambda c: c.row == loc.row)
        return out
    interest = {_plain(n) for n in _numbers(f.found) + _numbers(f.expected)} or \
        {_plain(n) for n in _numbers(loc.text)}
    out = []
    for w in words:
        nums = [_plain(n) for n in _numbers(w.text) if _plain(n) in interest]
        if nums:
            out.append(_Need(w, w.bbox, nums, loc))
    return out


_TEXT_CATEGORIES = ("text", "mismatch", "missing", "logic")


def _windows(a: str | None, b: str | None) -> list[str]:
    """The stretches where two quotes differ, with two characters of context either side, in
    both quotes (canonical shapes); none when either is missing or they differ only in figures."""
    import difflib

    if not a or not b or (_numbers(a) and _numbers(a) != _numbers(b)):
        return []
    c = confusions()
    x, y = _canon(a, c), _canon(b, c)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        for win in (x[max(0, i1 - 2):i2 + 2], y[max(0, j1 - 2):j2 + 2]):
            if len(win) >= 2 and win not in out:
                out.append(win)
    return out


def _related(loc: Loc, doc: Document, pages: dict[int, Page], pick) -> list[_Need]:
    """The figures in the other cells of a table that `pick` selects (a column: the parts of a
    sum; a row: an indicator's target, actual value, weight and score), and those of its cells
    between figures that read empty (a figure the recogniser may have missed)."""
    try:
        t = doc.tables[loc.table]
    except (IndexError, TypeError):
        return []
    cells = sorted((c for c in t.cells if pick(c) and (c.row, c.col) != (loc.row, loc.col)
                    and c.page in pages and c.bbox is not None), key=lambda c: (c.row, c.col))
    numeric = [i for i, c in enumerate(cells) if _numbers(c.text)]
    out = []
    for i, cell in enumerate(cells):
        cloc = Loc.of_cell(t, cell)
        if not cell.text.strip():
            if numeric and numeric[0] < i < numeric[-1]:
                out.append(_Need(None, cell.bbox, [], cloc))
            continue
        for w in pages[cell.page].words:
            if _inside(w.bbox, cell.bbox) and _numbers(w.text):
                out.append(_Need(w, w.bbox, [_plain(n) for n in _numbers(w.text)], cloc))
    return out


def _inside(w, box, share: float = 0.5) -> bool:
    ix = min(w[2], box[2]) - max(w[0], box[0])
    iy = min(w[3], box[3]) - max(w[1], box[1])
    if ix <= 0 or iy <= 0:
        return False
    area = max((w[2] - w[0]) * (w[3] - w[1]), 1e-6)
    return ix * iy >= share * area


def _reread_all(needs: list[_Need], pages: dict[int, Page], path, reread) -> dict[int, object]:
    """Re-read every needed piece once, page by page: id(need) → Reread (or None)."""
    if reread is None:
        try:
            from checker.read.ocr import reread
        except ImportError:  # no OCR extra: nothing can be re-read, every reading stays unverified
            return {}
    by_page: dict[int, list[_Need]] = {}
    for n in needs:
        by_page.setdefault(n.loc.page, []).append(n)
    out: dict[int, object] = {}
    for num, ns in by_page.items():
        p = pages[num]
        uniq: dict[tuple, list[_Need]] = {}
        for n in ns:
            uniq.setdefault(tuple(round(v, 1) for v in n.box), []).append(n)
        try:
            got = reread(path, num, (p.width, p.height), p.rotation, p.skew, list(uniq))
        except Exception:  # noqa: BLE001 - a page that cannot be re-read leaves its readings unverified
            got = [None] * len(uniq)
        for (_, group), r in zip(uniq.items(), got):
            for n in group:
                out[id(n)] = r
    return out


def _doubt(f: Finding, needs: list[_Need], readings: dict, doc: Document, c: Confusions) -> tuple | None:
    """(reason, first reading, other reading) when the finding may rest on a misreading."""
    explained = explains(f.found, f.expected, c) if f.found and f.expected else None
    for a in _numbers(f.found):
        for b in _numbers(f.expected):
            explained = explained or explains(a, b, c)
    words_only = explained and not (_numbers(f.found) or _numbers(f.expected)) or \
        explained and _numbers(f.found) == _numbers(f.expected)
    if not needs or words_only:  # words that differ only as a misreading would: not the report's fault
        return None if not explained else (explained, f.found or "", f.expected or "")
    for n in needs:
        r = readings.get(id(n))
        if n.word is None:  # an empty cell
            if r is not None and r.ink >= INK_MARK:
                return ("单元格内有笔迹但未识别出文字", "（空）", "有内容")
            continue
        lone = n.word.text.strip()
        if n.loc.table is not None and lone and not _LETTER_OR_DIGIT.search(lone) and not is_empty_mark(lone):
            # a cell read as nothing but a symbol ("？" for a lone "7"): no reading to build on
            return (f"单元格内只识别出符号「{lone}」", lone, (r.texts[0] if r is not None and r.texts else ""))
        if n.loc.table is not None and n.numbers:
            grid = _grid_doubt(n.loc, doc)
            if grid:
                return (grid, n.word.text, "")
            cmp = _comparator_doubt(n, doc, c)
            if cmp:
                return cmp
        w = n.word
        for num in n.numbers:
            why = badly_formed(next((x for x in _numbers(w.text) if _plain(x) == num), num))
            if why:
                return (why, w.text, _alternative(num, r) or w.text)
        if r is None:
            return ("复读失败，识别结果未经核实", w.text, "")
        other = _disagreeing(n, r)
        if other is not None:
            return ("复读结果与首次识别不一致", *_quotes(n, other))
        weakest = min((_weakest(w, num) for num in n.numbers), default=w.weakest)
        if weakest < c.uncertain_below:
            return (f"识别置信度低（{weakest:.2f}）", w.text, "")
        precision = _column_short(n, doc) if c.numbers.get("column_precision", True) else None
        if (explained or precision) and weakest < c.min_conf:
            return (explained or precision, f.found or w.text, f.expected if explained else "")
    return None


def _weakest(w: OcrWord, num: str) -> float:
    """The lowest character probability within one figure of a word (the word's, when the
    figure cannot be found in the recogniser's own reading)."""
    if not w.chars or len(w.chars) != len(w.raw):
        return w.weakest
    pat = r"[,，.．。·\s]?".join(regex.escape(ch) for ch in num if ch != ".")
    m = regex.search(pat, w.raw) if pat else None
    if m is None:
        return w.weakest
    return min(w.chars[m.start():m.end()], default=w.weakest)


_COMPARATOR = regex.compile(r"[≥≤<>＜＞=＝]")


def _disagreeing(n: _Need, r) -> str | None:
    """A re-read that does not confirm the piece: its text, or None when all agree. A re-read
    that sees less (a figure with fewer digits, a character dropped) is a worse reading, not a
    contradiction; one that sees a different figure, more digits, or a ≥/≤ where the first
    reading has a digit, contradicts it."""
    if n.window:
        for t in r.texts:
            if n.window not in _canon(t, confusions()):
                return t
        return None
    if not n.numbers:
        base = _canon(n.word.text, confusions())
        return next((t for t in r.texts if _canon(t, confusions()) != base), None)
    from checker.read.ocr.recognise import fix_numeric

    first_cmp = bool(_COMPARATOR.search(n.word.text))
    for t in r.texts:
        t = fix_numeric(t, numeric=n.word.in_table)
        got = [_plain(x) for x in _numbers(t)]
        if _COMPARATOR.search(t) and not first_cmp and any(
                num[1:] in got for num in n.numbers if len(num) > 1):
            return t  # "≥8年" read first as "28年"
        for num in n.numbers:
            if num in got or not got:
                continue
            near = min(got, key=lambda x: _edits(x, num))
            if first_cmp and any(near == d + num for d in confusions().comparator_digits.values()):
                continue  # the re-read took the comparator for a digit: the first reading is better
            if _digits(near) >= _digits(num) and _edits(near, num) <= max(2, len(num) // 2):
                return t
    return None


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def _edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _quotes(n: _Need, other: str) -> tuple[str, str]:
    """The disputed stretch of the first reading and the same stretch of the re-read, with a few
    characters of context (a whole line is too long to quote)."""
    import difflib

    c = confusions()
    a, b = _canon(n.word.text, c), _canon(other, c)
    if n.window and n.window in a:
        i = a.index(n.window)
        lo, hi = max(0, i - 4), min(len(a), i + len(n.window) + 4)
    else:
        nums = [x for x in _numbers(n.word.text) if _plain(x) in n.numbers]
        i = a.find(_canon(nums[0], c)) if nums else -1
        if i < 0:
            return n.word.text, other
        lo, hi = max(0, i - 4), min(len(a), i + len(_canon(nums[0], c)) + 4)
    a0, b0 = "".join(n.word.text.split()), "".join(other.split())  # what canon maps, char by char
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)

    def where(k: int) -> int:
        for op, i1, i2, j1, _j2 in sm.get_opcodes():
            if i1 <= k < i2 or (k == i2 == len(a)):
                return j1 if op != "equal" else j1 + (k - i1)
        return len(b)

    return a0[lo:hi], b0[where(lo):where(hi - 1) + 1] if hi > lo else b0


def _alternative(num: str, r) -> str | None:
    if r is None:
        return None
    for t in r.texts:
        for x in _numbers(t):
            if _plain(x) != num and not badly_formed(x):
                return x
    return None


def _column_short(n: _Need, doc: Document) -> str | None:
    """A figure whose decimals differ from what the other figures with decimals in its table
    column agree on ("9.291" or "9.3" among "9.29", "7.35", "4.83"); whole numbers say nothing."""
    loc = n.loc
    if loc.table is None or not n.numbers or "." not in n.numbers[0]:
        return None
    try:
        t = doc.tables[loc.table]
    except IndexError:
        return None
    places = []
    for cell in t.cells:
        if cell.col == loc.col and cell.row != loc.row:
            places += [len(_plain(x).partition(".")[2]) for x in _numbers(cell.text) if "." in _plain(x)]
    if len(places) < 3:
        return None
    common = max(set(places), key=places.count)
    if places.count(common) < 0.7 * len(places):
        return None
    mine = len(n.numbers[0].partition(".")[2])
    return f"小数位数（{mine} 位）与本列其他数字（{common} 位）不同" if mine != common else None


def _comparator_doubt(n: _Need, doc: Document, c: Confusions) -> tuple | None:
    """A figure read with a leading 2 (or 5) and no comparator, in a column whose other figures
    mostly carry ≥ (or ≤): the comparator was probably read as that digit."""
    text = n.word.text.strip()
    if _COMPARATOR.search(text) or len(text) < 2 or not text[1].isdigit():
        return None
    cmp = next((k for k, d in c.comparator_digits.items() if text[0] == d), None)
    if cmp is None:
        return None
    try:
        t = doc.tables[n.loc.table]
    except (IndexError, TypeError):
        return None
    by_row = {cell.row: cell.text for cell in t.cells if cell.col == n.loc.col}
    col = []  # the block of rows around this one whose cell in the column holds a figure
    for step in (-1, 1):
        r = n.loc.row + step
        while r in by_row and _numbers(by_row[r]):
            col.append(by_row[r])
            r += step
    marked = sum(1 for x in col if _COMPARATOR.search(x))
    if len(col) >= 3 and marked >= 0.5 * len(col):
        return (f"本列其他指标值大多带比较符号，首位的「{text[0]}」可能是「{cmp}」", text, cmp + text[1:], "可能为")
    return None


def _grid_doubt(loc: Loc, doc: Document) -> str | None:
    """A row of a scanned table whose column borders differ from both its neighbours' (which
    agree with each other): the grid may have put a cell in the wrong column."""
    try:
        t = doc.tables[loc.table]
    except (IndexError, TypeError):
        return None
    r = loc.row
    if r is None or r <= 0 or r >= t.n_rows - 1:
        return None

    def borders(row: int) -> set[int]:
        return {b for c in t.row_cells(row) if c.row == row or c.row_span > 1 for b in (c.col, c.col + c.col_span)}

    above, here, below = borders(r - 1), borders(r), borders(r + 1)
    if above == below and here != above and len(above) >= 4:
        return "该行的分栏与上下行不一致，表格识别可能把单元格放错了列"
    return None


def _downgrade(f: Finding, doubt: tuple) -> Finding:
    why, first, other, label = (*doubt, "复读为")[:4]
    quote = f"识别为「{first}」" + (f"，{label}「{other}」" if other and other != first else "")
    return replace(f, severity="info", message=f"可能为 OCR 误读：{f.message}（{quote}）",
                   hint=f"该项依据扫描件的 OCR 识别结果，{why}；请对照原件核实后再判断是否为报告本身的问题")


def _confirmed(f: Finding, pages: dict[int, Page]) -> Finding:
    used = sorted({loc.page for loc in f.locations if loc.page in pages})
    conf = "、".join(f"第{p}页 {pages[p].ocr_confidence:.2f}" for p in used if pages[p].ocr_confidence is not None)
    note = f"数字来自 OCR 识别（置信度 {conf}），已复读核实" if conf else "数字来自 OCR 识别，已复读核实"
    return replace(f, hint=f"{f.hint}；{note}" if f.hint else note)


__all__ = ["Confusions", "badly_formed", "confusions", "explains", "verify_findings"]
