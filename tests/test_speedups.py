"""The speed-ups of issue 18 change nothing but speed: each shortcut gives what the slow way gave."""

from __future__ import annotations

import difflib
from decimal import Decimal
from pathlib import Path

import pytest
import regex
from conftest import PATTERN_METHODS, pattern_call
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import knowledge
from checker.check import consistency
from checker.model import Cell, Table
from checker.read import load
from checker.textnorm import occurrences
from checker.understand import lazyre, passages
from checker.understand.facts import extract
from checker.understand.lazyre import lazy
from checker.understand.numbers import Num, find_numbers

ROOT = Path(__file__).resolve().parent.parent


@settings(max_examples=300, deadline=None)
@given(word=st.text(alphabet="aab执行率", max_size=3), text=st.text(alphabet="aab执行率 ", max_size=30))
def test_occurrences_are_the_starts_finditer_gives(word, text):
    assert occurrences(word, text) == [m.start() for m in regex.finditer(regex.escape(word), text)]


def test_a_lazy_pattern_is_compiled_on_first_use_and_then_acts_as_the_pattern():
    p = lazy(r"(?P<n>\d+)\s*万元")
    assert "_rx" not in p.__dict__
    assert p.search("共 12 万元").group("n") == "12"
    assert p.pattern == r"(?P<n>\d+)\s*万元" and p.groupindex == {"n": 1}
    assert p.sub("X", "3万元和4 万元") == "X和X"
    assert isinstance(p.compiled(), regex.Pattern)
    built = lazy(lambda: "|".join(["甲", "乙"]))
    assert built.findall("甲丙乙") == ["甲", "乙"]




@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(alphabet="ab执行率", min_size=1, max_size=3), min_size=1, max_size=3),
       text=st.text(alphabet="ab执行率 ", max_size=20), method=st.sampled_from(PATTERN_METHODS))
def test_a_pattern_of_words_answers_as_the_compiled_one_and_compiles_only_when_a_word_occurs(words, text, method):
    source = "|".join(regex.escape(w) for w in words)
    p = lazy(lambda: source, words=lambda: tuple(words))
    assert pattern_call(p, method, text) == pattern_call(regex.compile(source), method, text)
    assert ("_rx" in p.__dict__) == any(w in text for w in words)


def test_a_lexicon_pattern_waits_for_one_of_its_words():
    from checker.understand import lexicon

    p = lexicon.pattern("indicator.at_least")
    assert p.search("无关的文字") is None and "_rx" not in p.__dict__
    word = lexicon.words("indicator.at_least")[0]
    assert p.search(f"指标{word}90%").group() == word and "_rx" in p.__dict__


def test_compile_all_leaves_nothing_to_compile():
    lazy(r"x+")
    made = lazyre.compile_all()
    assert made > 1 and lazyre.compiled_count() == made


def test_find_numbers_gives_each_caller_its_own_list():
    a = find_numbers("预算100万元，支出90万元")
    a.pop()
    assert [n.raw for n in find_numbers("预算100万元，支出90万元")] == ["100万元", "90万元"]


@pytest.mark.parametrize("name", ["xiangxi-2022.docx", "health-clinics-2023.docx", "dept-overall-2023-faults.docx"])
def test_cdifflib_aligns_passages_exactly_as_difflib(name):
    cdifflib = pytest.importorskip("cdifflib")
    facts = extract(load(ROOT / "samples" / name), knowledge.load())
    folded = [passages.fold_unit(u) for u in facts.units]
    pairs = passages.candidate_pairs(folded, 20)
    assert pairs  # the samples repeat passages: there is something to compare
    for i, j in pairs:
        a, b = folded[i].text, folded[j].text
        slow = difflib.SequenceMatcher(None, a, b, autojunk=False)
        fast = cdifflib.CSequenceMatcher(None, a, b, autojunk=False)
        assert [tuple(m) for m in fast.get_matching_blocks()] == [tuple(m) for m in slow.get_matching_blocks()]
        assert fast.get_opcodes() == slow.get_opcodes()


@pytest.mark.parametrize("name", ["xiangxi-2022.docx", "health-clinics-2023.docx"])
def test_a_matcher_kept_for_its_second_text_aligns_as_a_fresh_one(name):
    # find_differences indexes each second text once, sets only the first text for its next pair and
    # looks for the long blocks only
    facts = extract(load(ROOT / "samples" / name), knowledge.load())
    folded = [passages.fold_unit(u) for u in facts.units]
    kept: dict[int, difflib.SequenceMatcher] = {}
    reused = 0
    for i, j in passages.candidate_pairs(folded, 20):
        sm = kept.get(j)
        if sm is None:
            sm = kept[j] = passages._matcher()(None, [], folded[j].chars, autojunk=False)
        else:
            reused += 1
        sm.set_seq1(folded[i].chars)
        fresh = difflib.SequenceMatcher(None, folded[i].text, folded[j].text, autojunk=False)
        assert passages._blocks(sm, 6) == [m for m in fresh.get_matching_blocks() if m.size >= 6]
    assert reused  # the shortcut was taken


@settings(max_examples=500, deadline=None)
@given(a=st.text(alphabet="ab的项目c", max_size=40), b=st.text(alphabet="ab的项目c", max_size=40),
       least=st.integers(1, 6))
def test_the_long_blocks_are_those_of_all_the_matching_blocks(a, b, least):
    fresh = difflib.SequenceMatcher(None, a, b, autojunk=False)
    sm = passages._matcher()(None, [], list(b), autojunk=False)
    sm.set_seq1(list(a))
    assert passages._blocks(sm, least) == [m for m in fresh.get_matching_blocks() if m.size >= least]


def _candidate_pairs_all_pairs(folded, min_len, n=8):
    """candidate_pairs as first written: sets of texts per n-gram, then every pair of each set."""
    from collections import defaultdict

    index = defaultdict(set)
    for i, f in enumerate(folded):
        if len(f.text) >= min_len:
            for k in range(max(len(f.text) - n + 1, 0)):
                index[f.text[k:k + n]].add(i)
    shared = defaultdict(int)
    for ids in index.values():
        if 2 <= len(ids) <= 12:
            s = sorted(ids)
            for x in range(len(s)):
                for y in range(x + 1, len(s)):
                    shared[(s[x], s[y])] += 1
    return [p for p, c in shared.items() if c >= 3]


@pytest.mark.parametrize("name", ["xiangxi-2022.docx", "dept-overall-2023-faults.docx"])
def test_candidate_pairs_are_the_all_pairs_count_in_the_same_order(name):
    facts = extract(load(ROOT / "samples" / name), knowledge.load())
    folded = [passages.fold_unit(u) for u in facts.units]
    got = passages.candidate_pairs(folded, 20)
    assert got and got == _candidate_pairs_all_pairs(folded, 20)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ΣσςAbΔ1.%项目，, ", max_size=20))
def test_folding_lowers_character_by_character(text):
    # str.lower() on a whole string writes a capital sigma at a word's end as a final sigma
    from checker.understand.facts import TextUnit

    f = passages.fold_unit(TextUnit(text=text, raw="", loc=None, where="body", block=None))
    assert f.text == "".join(text[i].lower() for i in f.pos)
    assert f.pos == [m.start() for m in regex.finditer(r"[\p{Han}\p{L}\p{N}%.]", text)]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="0１２．％－\u3000○⼀a，。万元Ｇ ", max_size=20))
def test_folding_figures_skips_only_texts_with_nothing_to_fold(text):
    from checker.understand import numbers

    assert numbers._fold(text) == text.translate(numbers._FOLD)


def test_sentences_give_each_caller_its_own_list():
    from checker.understand.facts import sentences

    a = sentences("预算100万元。支出90万元；结余10万元")
    a.clear()
    assert sentences("预算100万元。支出90万元；结余10万元") == [(0, "预算100万元。"), (8, "支出90万元；"), (15, "结余10万元")]


def test_folding_a_unit_keeps_letters_digits_and_cjk_with_their_positions():
    from checker.understand.facts import TextUnit

    u = TextUnit(text="项目 A1，完成率 95.5%！", raw="", loc=None, where="body", block=None)
    f = passages.fold_unit(u)
    assert f.text == "项目a1完成率95.5%"
    assert [u.text[i] for i in f.pos] == list("项目A1完成率95.5%")


# textnorm's patterns as written when the shortcuts were made: the reference runs every step on
# every text, as normalize did before
_CJK = r"\p{Han}\p{Block=CJK_Symbols_and_Punctuation}\p{Block=Halfwidth_and_Fullwidth_Forms}“”‘’…—·、"
_STEPS = [(regex.compile(r"</?(?:p|br|span|div|strong|b|i|u|em)(?:\s[^<>]{0,200})?/?>", regex.I), ""),
          (None, None),  # join_lines
          (regex.compile(r"[ \t\r\f\v]+"), " "),
          (regex.compile(rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])"), ""),
          (regex.compile(r"(?<=\d\.)[ \t]+(?=\d)|(?<=\d)[ \t]+(?=\.\d)|(?<=\d)[ \t]+(?=%)"), "")]
# one figure whose decimals a narrow cell wrapped ("250000.0 0"), on the stripped whole text
_FRACTION = regex.compile(r"^([+-]?\d[\d,]*\.\d{1,3})[ \t]+(\d{1,3}%?)$")


def _normalize_every_step(s: str, keep_lines: bool = False) -> str:
    from checker.textnorm import join_lines, map_chars

    if not s:
        return ""
    s = map_chars(s)
    for pattern, to in _STEPS:
        if pattern is None:
            s = s if keep_lines else join_lines(s)
        else:
            s = pattern.sub(to, s)
    return _FRACTION.sub(r"\1\2", s.strip())


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="ab1.%执行率<p>/　 \t\n\r\f\v“，", max_size=24), keep=st.booleans())
def test_normalize_skips_only_steps_that_change_nothing(text, keep):
    from checker.textnorm import normalize

    assert normalize(text, keep) == _normalize_every_step(text, keep)


def test_normalize_on_the_samples_texts_is_unchanged():
    from checker.textnorm import normalize

    texts = set()
    for name in ("xiangxi-2022.docx", "xiangxi-2022.pdf", "health-clinics-2023.docx"):
        doc = load(ROOT / "samples" / name)
        texts |= {p.raw for p in doc.paragraphs} | {c.raw for t in doc.tables for c in t.cells}
    assert len(texts) > 500
    for t in texts:
        assert normalize(t) == _normalize_every_step(t) and normalize(t, True) == _normalize_every_step(t, True)


def _in_tables_one_by_one(n, values):
    """PC601's table look-up as first written: the figure against each table figure in turn."""
    for v in values:
        if n.is_percent != v.is_percent:
            continue
        if n.is_money and v.is_money:
            if n.in_yuan() == v.in_yuan():
                return True
        elif n.value == v.value:
            return True
    return False


_FIGURES = st.builds(
    lambda value, unit: Num(value=Decimal(value), unit=unit, decimals=0, raw=value, start=0, end=len(value)),
    st.sampled_from(["0", "1", "10", "10.0", "100", "1000", "10000", "0.1", "1E+1"]),
    st.sampled_from(["元", "万元", "千元", "亿元", "%", "个", ""]))


@settings(max_examples=500, deadline=None)
@given(n=_FIGURES, values=st.lists(_FIGURES, max_size=6))
def test_stated_figures_are_found_in_the_tables_as_one_by_one(n, values):
    assert consistency._in_tables(n, consistency._lookup(values)) == _in_tables_one_by_one(n, values)


def test_row_cells_are_kept_only_while_the_grid_is():
    a = Cell(row=0, col=0, raw="项目", text="项目", col_span=2)
    b = Cell(row=1, col=0, raw="1", text="1")
    t = Table(index=0, cells=[a, b], n_rows=2, n_cols=2)
    assert t.row_cells(0) == [a] and t.row_cells(1) == [b] and t.row_cells(5) == []
    t.row_cells(0).append(b)  # each caller gets a list of its own
    assert t.row_cells(0) == [a]
    # a reader that changes the cells drops the grid (reindex, or `_grid = None` as the PDF reader does)
    c = Cell(row=1, col=1, raw="2", text="2")
    t.cells.append(c)
    t.reindex()
    assert t.row_cells(1) == [b, c]
    a.col_span = 1
    d = Cell(row=0, col=1, raw="金额", text="金额")
    t.cells.append(d)
    t._grid = None
    assert t.row_cells(0) == [a, d]
