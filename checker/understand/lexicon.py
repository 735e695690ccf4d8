"""The word lists of rules/lexicon.toml, loaded once, and the regular expressions built from them.

Code holds the shape of a phrase ("a label, then 为/是/：, then a figure"); the words that fill it
come from here, so that a new province's wording is a data change.
"""

from __future__ import annotations

import functools
from typing import Any

import regex

from checker.knowledge import KnowledgeError, load_toml
from checker.understand.lazyre import LazyPattern, lazy

__all__ = ["alt", "grade_words", "names", "pattern", "patterns", "section_names", "words"]


@functools.lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return load_toml("lexicon.toml")


def _get(path: str) -> Any:
    node: Any = _data()
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KnowledgeError(f"lexicon.toml: missing {path}")
        node = node[part]
    return node


def words(path: str) -> tuple[str, ...]:
    """A word list, in the order written: words("claims.on_budget")."""
    got = _get(path)
    if not isinstance(got, list) or not all(isinstance(w, str) and w for w in got):
        raise KnowledgeError(f"lexicon.toml: {path} must be a list of words")
    return tuple(got)


def names(path: str) -> tuple[str, ...]:
    """The entries of a table of tables, in the order written: names("ratios")."""
    got = _get(path)
    if not isinstance(got, dict):
        raise KnowledgeError(f"lexicon.toml: {path} must be a table")
    return tuple(got)


def alt(path: str) -> str:
    """The words as a regex alternation (escaped, in the order written), to put inside a pattern."""
    return "|".join(regex.escape(w) for w in words(path))


def patterns(path: str) -> tuple[str, ...]:
    """A list of regular expressions (checked when loaded)."""
    got = words(path)
    for p in got:
        try:
            regex.compile(p)
        except regex.error as exc:
            raise KnowledgeError(f"lexicon.toml: {path}: bad pattern {p!r}: {exc}") from exc
    return got


def pattern(path: str) -> LazyPattern:
    """The words of a list as one compiled alternation (the list is read when first matched, the
    pattern compiled when first given a text holding one of the words)."""
    return lazy(lambda: alt(path), words=lambda: words(path))


@functools.lru_cache(maxsize=1)
def grade_words() -> str:
    """Every grade word written in prose (the Chinese synonyms of grades.toml), longest first, as a
    regex alternation."""
    syn = load_toml("grades.toml")["synonyms"]
    found = {w for ws in syn.values() for w in ws if regex.search(r"\p{Han}", w)}
    return "|".join(regex.escape(w) for w in sorted(found, key=lambda w: (-len(w), w)))


def section_names(kind: str = "project") -> list[list[str]]:
    """Required sections of a document kind: each a list of heading words, any of which will do."""
    return [list(s) for s in _get(f"sections.{kind}.required")]


def number(path: str) -> int:
    v = _get(path)
    if not isinstance(v, int):
        raise KnowledgeError(f"lexicon.toml: {path} should be a whole number")
    return v


@functools.cache
def mapping(path: str) -> dict[str, str]:
    """A table of words, longest key first (so "人次" is tried before a shorter key it contains)."""
    v = _get(path)
    if not isinstance(v, dict) or not all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()):
        raise KnowledgeError(f"lexicon.toml: {path} should map words to words")
    return dict(sorted(v.items(), key=lambda kv: -len(kv[0])))
