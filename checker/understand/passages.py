"""Repeated passages: find the copies of a passage across the report and where they differ.

Candidate pairs come from an n-gram index (never all-pairs diffing); each candidate pair is aligned
with difflib on the folded text, and the gaps inside the aligned region are the differences.
"""

from __future__ import annotations

import difflib
import functools
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from checker.record import Record
from checker.textnorm import balanced, normalize, widen
from checker.understand.facts import TextUnit
from checker.understand.lazyre import lazy

_N = 8  # shingle length (characters of folded text)
_KEEP = lazy(r"[\p{Han}\p{L}\p{N}%.]+")  # runs of the characters a passage is compared on
# Words whose insertion is grammar (a goal restated as an achievement), not a change of meaning.
_GRAMMAR = set("了的地得着过之")
_MAX_GAP = 80
_MIN_REGION = 60  # folded characters two copies must share around a difference
_MIN_MATCHED = 30  # nor fewer than this, whatever the lengths (a short text copied whole)
# A copy shares its figures (one may have drifted); two sentences with at least this many figures each,
# most of them different, are one pattern filled twice (two batches: dates, notice numbers, amounts).
_PARALLEL_FIGURES = 3
_FIGURE = lazy(r"\d+(?:\.\d+)?")


_FIGURE_CHARS = lazy(r"[\d.%]")
_DIGIT = lazy(r"\d")
_NUMBER_CHAR = lazy(r"[\d.,，]")


# What was read, and where, is a record compared by identity (eq=False): nothing compares two
# readings by value, and a generated __eq__ per class is start-up time of every check.
@dataclass(eq=False, repr=False)
class Folded(Record):
    """A text unit reduced to letters, digits and CJK, for aligning passages."""

    unit: TextUnit
    text: str  # letters, digits and CJK only
    pos: list[int]  # index into unit.text for each folded character

    @functools.cached_property
    def chars(self) -> list[str]:
        """The text as the list difflib's matcher in C takes, made once: a text is compared with several others."""
        return list(self.text)

    @functools.cached_property
    def figures(self) -> Counter[str]:
        """The figures of the text, counted once: a text is compared with several others."""
        return Counter(_FIGURE.findall(self.text))


@functools.lru_cache(maxsize=1)
def _matcher() -> type[difflib.SequenceMatcher]:
    """difflib's SequenceMatcher, with its find_longest_match in C where cdifflib is installed (a
    declared dependency): the same matching blocks (tests/test_speedups.py compares them), about
    twice as fast, and aligning passages is the largest part of a check after reading."""
    try:
        from cdifflib import CSequenceMatcher
    except ImportError:  # a platform where it did not build: the pure-Python original
        return difflib.SequenceMatcher

    class Matcher(CSequenceMatcher):
        def set_seq1(self, a: list[str]) -> None:
            # difflib's own: cdifflib's copies the sequence and hashes every element in Python to prove
            # it hashable, which a string's characters always are (-6.8 M instructions per check of
            # xiangxi-2022, whose passages are aligned 128 times)
            difflib.SequenceMatcher.set_seq1(self, a)

    return Matcher


def _blocks(sm: difflib.SequenceMatcher, least: int) -> list[difflib.Match]:
    """The matching blocks of at least `least` elements: get_matching_blocks()'s, found the way it
    finds them (the longest match of a range, then the ranges left and right of it), without looking
    inside a range whose longest match is shorter, where every match is shorter still. Its blocks are
    maximal (no junk), so none of them would have been merged with a shorter neighbour. Finding the
    short matches between two copies was most of an alignment's work (-7.9 M instructions per check of
    xiangxi-2022, after the shortcuts in `differences`)."""
    found = []
    queue = [(0, len(sm.a), 0, len(sm.b))]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        m = sm.find_longest_match(alo, ahi, blo, bhi)
        i, j, k = m
        if k >= least:
            found.append(m)
            if i - alo >= least and j - blo >= least:  # room for a long block on each side
                queue.append((alo, i, blo, j))
            if ahi - (i + k) >= least and bhi - (j + k) >= least:
                queue.append((i + k, ahi, j + k, bhi))
    found.sort()
    return found


def fold_unit(u: TextUnit) -> Folded:
    t = u.text
    pos: list[int] = []
    runs = []
    for m in _KEEP.finditer(t):  # one pass over the text, a match per run of kept characters
        a, b = m.span()
        pos.extend(range(a, b))
        runs.append(t[a:b])
    kept = "".join(runs)
    # lower-cased character by character: str.lower() on the whole string differs only for a capital
    # sigma, which it writes as a final sigma at the end of a word
    text = kept.lower() if "Σ" not in kept else "".join([c.lower() for c in kept])
    return Folded(unit=u, text=text, pos=pos)


@dataclass(eq=False, repr=False)
class Difference(Record):
    """Where two passages that say the same thing differ, with quotes of both."""

    a: Folded
    b: Folded
    a_span: tuple[int, int]  # in unit text
    b_span: tuple[int, int]
    a_gap: str  # folded differing text
    b_gap: str
    a_quote: str  # the differing words with a little context, from the unit text
    b_quote: str

    @property
    def numeric(self) -> bool:
        """Only figures differ (a changed number), not words."""
        da = _FIGURE_CHARS.sub("", self.a_gap)
        db = _FIGURE_CHARS.sub("", self.b_gap)
        return da == db and bool(_DIGIT.search(self.a_gap + self.b_gap))


def _quote(f: Folded, lo: int, hi: int, ctx: int = 6) -> tuple[str, tuple[int, int]]:
    """The unit's own text from folded index lo to hi, widened by ctx folded characters."""
    t = f.unit.text
    a = f.pos[max(lo - ctx, 0)] if f.pos else 0
    if hi + ctx - 1 < len(f.pos):
        b = f.pos[hi + ctx - 1] + 1
    else:
        b = len(t)
    # never cut a figure in two ("1,286.50" must not be quoted as "286.50")
    while a > 0 and _NUMBER_CHAR.match(t[a - 1]) and _NUMBER_CHAR.match(t[a]):
        a -= 1
    while b < len(t) and _NUMBER_CHAR.match(t[b]) and _NUMBER_CHAR.match(t[b - 1]):
        b += 1
    # quote whole clauses, never a word cut in two ("…提出整改措"), brackets and quotes balanced
    a, b = widen(t, a, b)
    return balanced(normalize(t[a:b])), (a, b)


def candidate_pairs(folded: list[Folded], min_len: int) -> list[tuple[int, int]]:
    """Pairs (i < j) of texts sharing at least three n-grams that few other texts share, in the order
    their first shared n-gram appears."""
    index: dict[str, list[int]] = {}
    for i, f in enumerate(folded):
        t = f.text
        if len(t) < min_len:
            continue
        # each n-gram once per text, in order of first occurrence, so the lists stay sorted by text
        for gram in dict.fromkeys([t[k:k + _N] for k in range(len(t) - _N + 1)]):
            ids = index.get(gram)
            if ids is None:
                index[gram] = [i]
            else:
                ids.append(i)
    # boilerplate shared by many places carries no pairing signal. A copied passage gives the same
    # list of texts for each of its n-grams: each distinct list is expanded into pairs once, weighted
    # by how many n-grams have it (5,008 pairs counted one by one became 69 lists on xiangxi-2022;
    # -5.8M instructions per check). A pair still first appears with its first shared n-gram.
    lists = Counter(tuple(ids) for ids in index.values() if 2 <= len(ids) <= 12)
    shared: Counter[tuple[int, int]] = Counter()
    for ids, grams in lists.items():
        for pair in combinations(ids, 2):
            shared[pair] += grams
    return [p for p, n in shared.items() if n >= 3]


def _same_row(a: TextUnit, b: TextUnit) -> bool:
    """Cells side by side in one table row (预期目标 beside 实际完成情况) are meant to differ."""
    if a.table is None or b.table is None or a.table is not b.table:
        return False
    ca, cb = a.block, b.block
    return ca.row < cb.row + cb.row_span and cb.row < ca.row + ca.row_span


def differences(fa: Folded, fb: Folded, matchers: dict[int, difflib.SequenceMatcher] | None = None
                ) -> list[Difference]:
    """Where two copies of a passage differ. `matchers` (by id of fb) keeps each second text indexed
    in its SequenceMatcher (what difflib caches of it), so that a text compared with several others
    is indexed once."""
    if fa.unit.block is fb.unit.block or _same_row(fa.unit, fb.unit):
        return []
    if {fa.unit.topic, fb.unit.topic} == {"goal", "achievement"}:
        return []  # a goal and its achievement share wording but are meant to differ
    if min(len(fa.text), len(fb.text)) < _MIN_MATCHED:
        return []  # too short for a region of copied text (below): -3.8 M instructions on xiangxi-2022
    condensed = fa.unit.condensed or fb.unit.condensed
    if fa.text in fb.text or fb.text in fa.text or _parallel(fa.figures, fb.figures):
        # one text within the other aligns as one block, with no gap to report: -15.2 M instructions on
        # xiangxi-2022, where a long paragraph holds several shorter cells whole
        return []
    if matchers is None:
        sm = _matcher()(None, fa.chars, fb.chars, autojunk=False)
    else:
        sm = matchers.get(id(fb))
        if sm is None:  # b indexed first, against an empty a (cdifflib checks every element of a and b)
            sm = matchers[id(fb)] = _matcher()(None, [], fb.chars, autojunk=False)
        sm.set_seq1(fa.chars)
    blocks = _blocks(sm, 6)
    if not blocks:
        return []
    # regions of dense matching: consecutive blocks separated by small gaps on both sides
    regions: list[list] = [[blocks[0]]]
    for m in blocks[1:]:
        prev = regions[-1][-1]
        ga = m.a - (prev.a + prev.size)
        gb = m.b - (prev.b + prev.size)
        # an edit leaves one side short; two long different stretches are a rewrite, not an edit
        if 0 <= ga <= _MAX_GAP and 0 <= gb <= _MAX_GAP and min(ga, gb) <= 12:
            regions[-1].append(m)
        else:
            regions.append([m])
    out: list[Difference] = []
    for reg in regions:
        matched = sum(m.size for m in reg)
        if matched < _MIN_MATCHED:
            continue
        raw_gaps = []
        for m1, m2 in zip(reg, reg[1:]):
            a0, a1 = m1.a + m1.size, m2.a
            b0, b1 = m1.b + m1.size, m2.b
            if a1 > a0 or b1 > b0:
                raw_gaps.append([a0, a1, b0, b1, m1, m2])
        # merge gaps separated by only a few matching characters ("协调" vs "进行调整")
        gaps: list[list] = []
        for g in raw_gaps:
            if gaps and g[0] - gaps[-1][1] <= 3 and g[2] - gaps[-1][3] <= 3:
                gaps[-1][1], gaps[-1][3], gaps[-1][5] = g[1], g[3], g[5]
            else:
                gaps.append(g)
        # a gap counts only between solid anchors (a short common word is no anchor),
        # unless the anchor runs to the start or end of a text
        gaps = [g for g in gaps if _anchored(g[4], fa, fb, left=True) and _anchored(g[5], fa, fb, left=False)]
        # the inner small matches hidden by the 10-char filter: refine each gap with a fine diff
        for a0, a1, b0, b1, _, _ in gaps:
            ga, gb = fa.text[a0:a1], fb.text[b0:b1]
            if set(ga) <= _GRAMMAR and set(gb) <= _GRAMMAR:
                continue
            if _only_grammar_edits(ga, gb):
                continue
            if bool(_list_item().match(ga)) != bool(_list_item().match(gb)):
                continue  # one side numbers its clauses ("2.做好…" for "负责…"): a list made of the text, not a copy
            d = Difference(a=fa, b=fb, a_span=(0, 0), b_span=(0, 0), a_gap=ga, b_gap=gb, a_quote="", b_quote="")
            shorter = min(len(fa.text), len(fb.text))
            if min(len(ga), len(gb)) > 12:
                continue
            if matched < _MIN_REGION and matched < 0.8 * shorter:
                continue  # a short shared phrase inside two different sentences: a paraphrase, not a copy
            if condensed and not d.numeric:
                continue  # the 自评表 abridges and rewords the narrative; only a changed figure counts there
            if not d.numeric and not (_covers(fa, matched) and _covers(fb, matched)):
                continue  # part of a 预期目标 cell matches part of the narrative: an abridged goal
            qa, sa = _quote(fa, a0, a1)
            qb, sb = _quote(fb, b0, b1)
            out.append(Difference(a=fa, b=fb, a_span=sa, b_span=sb, a_gap=ga, b_gap=gb, a_quote=qa, b_quote=qb))
    if (fa.unit.goal_copy or fb.unit.goal_copy) and len(out) > 1:
        # a 预期目标 cell that differs in many places abridges the goal; one lone change is a drift
        out = [d for d in out if d.numeric]
    return out


def _list_item():
    from checker.understand.narrative import vocabulary

    return vocabulary().list_item


def _parallel(fa: Counter[str], fb: Counter[str]) -> bool:
    """Two statements of one pattern (two batches, two notices), not one passage copied: most figures
    (counted by `Folded.figures`) differ."""
    least = min(sum(fa.values()), sum(fb.values()))
    return least >= _PARALLEL_FIGURES and 2 * sum((fa & fb).values()) < least


def _covers(f: Folded, matched: int) -> bool:
    """Whether the aligned region is (nearly) all of a 预期目标 cell: then it is a copy, not an abridgement."""
    return not f.unit.goal_copy or matched >= 0.85 * len(f.text)


def _anchored(m, fa: Folded, fb: Folded, left: bool) -> bool:
    if m.size >= 8:
        return True
    if left:
        return m.a == 0 or m.b == 0
    return m.a + m.size == len(fa.text) or m.b + m.size == len(fb.text)


def _only_grammar_edits(ga: str, gb: str) -> bool:
    sm = _matcher()(None, ga, gb, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if not (set(ga[i1:i2]) <= _GRAMMAR and set(gb[j1:j2]) <= _GRAMMAR):
            return False
    return True


def find_differences(units: list[TextUnit], min_len: int = 20) -> list[Difference]:
    folded = [fold_unit(u) for u in units]
    out = []
    matchers: dict[int, difflib.SequenceMatcher] = {}  # the folded texts live as long as this dict
    for i, j in candidate_pairs(folded, min_len):
        out.extend(differences(folded[i], folded[j], matchers))
    return out
