"""Regular expressions compiled on first use.

`regex.compile` parses a pattern in Python: the hundred module-level patterns of understand/ and
check/ cost about 40 ms together, paid by every import of a rule module, also by `pecheck rules`
and `pecheck rule X`, which never match anything. `lazy(...)` stands for the compiled pattern and
compiles it the first time one of its methods or attributes is used; after that every attribute is
an ordinary instance attribute, so a hot pattern costs no more than the compiled one.

Before that, a pattern with a gate answers "no match" without compiling while the text it is given
lacks every word of one of its requirements: the words given as `words=`, or those gates.py derived
from the source at tool time (gatewords.py; after changing a pattern, `python -m
checker.understand.gates --write`). About a third of a check's patterns never meet a text that
could match them. A missing or stale entry only means the pattern is compiled, as before.

A pattern compiled once is kept between runs (patternstore.py): a later process loads it instead of
compiling it again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import regex

from checker.understand import patternstore

__all__ = ["LazyPattern", "compile_all", "compiled_count", "lazy", "parsed_count", "sources"]

_ALL: list[LazyPattern] = []  # every pattern made, for compile_all
_PARSED = [0]  # how many were compiled from their source in this process (not loaded from the store)

# attributes of LazyPattern itself, never looked up on the compiled pattern
_SLOTS = frozenset({"_source", "_flags", "_words", "_misses", "_rx", "_src", "_gate_found"})

# How many arguments each matching method may be given positionally and still be answered by a gate:
# the string, pos and endpos (the replacement, string and count of sub): a later one may ask for a
# partial match, or pass flags.
_PLAIN_ARGS = {"search": 3, "match": 3, "fullmatch": 3, "findall": 3, "finditer": 3, "sub": 3, "subn": 3,
               "split": 2, "splititer": 2}

# After this many texts answered by its gate, a pattern is compiled all the same: a pattern given
# thousands of texts would pay more for the look-ups than for compiling once.
_MISS_BUDGET = 1000

# What each matching method returns for a text the pattern cannot match, given that text.
_NO_MATCH: dict[str, Callable[[str], Any]] = {
    "search": lambda s: None, "match": lambda s: None, "fullmatch": lambda s: None,
    "findall": lambda s: [], "finditer": lambda s: iter(()),
    "sub": lambda s: s, "subn": lambda s: (s, 0), "split": lambda s: [s], "splititer": lambda s: iter((s,)),
}


class LazyPattern:
    """A `regex.Pattern` made on first use. `source` is the pattern, or a function giving it (for a
    pattern built from the word lists of rules/, which are then read on first use too)."""

    def __init__(self, source: str | Callable[[], str], flags: int = 0,
                 words: Callable[[], tuple[str, ...]] | None = None):
        self._source = source
        self._flags = flags
        # `words`: every match contains one of them (a pattern that is an alternation of words). Until
        # a text holds one, matching answers "no match" without compiling: most reports use few of a
        # list's words, and compiling costs far more than looking for them. Without `words`, the gate
        # is the one gates.py derived from the source when the tool last ran (gatewords.py), if any:
        # requirements each met by a text holding one of its words.
        self._words = words
        self._misses = 0
        _ALL.append(self)

    def compiled(self) -> regex.Pattern:
        rx = self.__dict__.get("_rx")
        if rx is None:
            src = self._built()
            rx = patternstore.get(src, self._flags)  # compiled by an earlier run
            if rx is None:
                rx = regex.compile(src, self._flags)
                _PARSED[0] += 1
                patternstore.put(src, self._flags, rx)
            # copy the pattern's public attributes (bound methods included, replacing the gated ones)
            # onto this object, so that later lookups find them directly and never come back through
            # __getattr__
            for name in dir(rx):
                if not name.startswith("_"):
                    setattr(self, name, getattr(rx, name))
            self._rx = rx
        return rx

    def _built(self) -> str:
        src = self.__dict__.get("_src")
        if src is None:
            src = self._src = self._source() if callable(self._source) else self._source
        return src

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in _SLOTS:
            raise AttributeError(name)  # copy/pickle probes and an unset slot: not the pattern's
        if name in _NO_MATCH:
            needed = self._gate()
            if needed:
                # kept as an attribute until the pattern is compiled (compiled() replaces it)
                gated = self.__dict__[name] = functools.partial(self._gated, name, needed)
                return gated
        return getattr(self.compiled(), name)

    def _gated(self, method: str, needed: tuple[tuple[str, ...], ...], *args: Any, **kwargs: Any) -> Any:
        """`method` of the pattern, answered without compiling it when the text lacks all the words of
        one of its requirements."""
        string = kwargs["string"] if "string" in kwargs else args[1 if method in ("sub", "subn") else 0]
        # a partial match (partial=True, or a positional argument past pos and endpos) may end before
        # the word: only a plain call is answered here
        if (type(string) is str and "partial" not in kwargs and len(args) <= _PLAIN_ARGS[method]
                and self._misses < _MISS_BUDGET):
            for words in needed:
                for w in words:
                    if w in string:
                        break
                else:
                    self._misses += 1
                    return _NO_MATCH[method](string)
        return getattr(self.compiled(), method)(*args, **kwargs)

    def _gate(self) -> tuple[tuple[str, ...], ...]:
        """Requirements that every text the pattern matches in meets, each a tuple of words one of
        which the text holds (empty: no gate)."""
        got = self.__dict__.get("_gate_found")
        if got is None:
            if self._words is not None:
                words = tuple(self._words())
                got = (words,) if words else ()
            else:
                got = _gates().get((self._built(), int(self._flags)), ())
            self._gate_found = got
        return got

    def __repr__(self) -> str:
        src = self._source if isinstance(self._source, str) else getattr(self._source, "__name__", "?")
        return f"lazy({src!r})"


@functools.lru_cache(maxsize=1)
def _gates() -> dict[tuple[str, int], tuple[tuple[str, ...], ...]]:
    try:
        from checker.understand.gatewords import GATES
    except ImportError:  # the generated table is missing: nothing is gated, everything still works
        return {}
    return GATES


def sources() -> list[tuple[str | Callable[[], str], int]]:
    """The source (or the function building it) and flags of every pattern made so far, for the tool
    that derives their gates (gates.py)."""
    return [(p._source, p._flags) for p in _ALL]


def compile_all() -> int:
    """Compile every pattern made so far (the modules imported): a process that forks checking
    workers does it once, so that no worker pays for it again. Returns how many there are."""
    for p in _ALL:
        p.compiled()
    return len(_ALL)


def compiled_count() -> int:
    """How many of the patterns made so far have been compiled (start-up tests watch it)."""
    return sum(1 for p in _ALL if "_rx" in p.__dict__)


def parsed_count() -> int:
    """How many patterns this process compiled from their source, not loaded from patternstore."""
    return _PARSED[0]


def lazy(source: str | Callable[[], str], flags: int = 0,
         words: Callable[[], tuple[str, ...]] | None = None) -> LazyPattern:
    """The pattern `regex.compile(source, flags)`, compiled when first used (see LazyPattern for
    `words`)."""
    return LazyPattern(source, flags, words)
