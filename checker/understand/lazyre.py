"""Regular expressions compiled on first use.

`regex.compile` parses a pattern in Python: the hundred module-level patterns of understand/ and
check/ cost about 40 ms together, paid by every import of a rule module, also by `pecheck rules`
and `pecheck rule X`, which never match anything. `lazy(...)` stands for the compiled pattern and
compiles it the first time one of its methods or attributes is used; after that every attribute is
an ordinary instance attribute, so a hot pattern costs no more than the compiled one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import regex

__all__ = ["LazyPattern", "compile_all", "compiled_count", "lazy"]

_ALL: list[LazyPattern] = []  # every pattern made, for compile_all

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
        # list's words, and compiling costs far more than looking for them.
        self._words = words
        _ALL.append(self)

    def compiled(self) -> regex.Pattern:
        rx = self.__dict__.get("_rx")
        if rx is None:
            src = self._source() if callable(self._source) else self._source
            rx = regex.compile(src, self._flags)
            # copy the pattern's public attributes (bound methods included) onto this object, so that
            # later lookups find them directly and never come back through __getattr__
            for name in dir(rx):
                if not name.startswith("_"):
                    setattr(self, name, getattr(rx, name))
            self._rx = rx
        return rx

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_source", "_flags", "_words", "_rx"):
            raise AttributeError(name)  # copy/pickle probes and an unset slot: not the pattern's
        if self._words is not None and name in _NO_MATCH:
            return functools.partial(self._gated, name)
        return getattr(self.compiled(), name)

    def _gated(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """`method` of the pattern, answered without compiling it when the text holds none of its words."""
        string = kwargs["string"] if "string" in kwargs else args[1 if method in ("sub", "subn") else 0]
        if not any(w in string for w in self._needed()):
            return _NO_MATCH[method](string)
        return getattr(self.compiled(), method)(*args, **kwargs)

    def _needed(self) -> tuple[str, ...]:
        got = self.__dict__.get("_needed_words")
        if got is None:
            got = self._needed_words = tuple(self._words())
        return got

    def __repr__(self) -> str:
        src = self._source if isinstance(self._source, str) else getattr(self._source, "__name__", "?")
        return f"lazy({src!r})"


def compile_all() -> int:
    """Compile every pattern made so far (the modules imported): a process that forks checking
    workers does it once, so that no worker pays for it again. Returns how many there are."""
    for p in _ALL:
        p.compiled()
    return len(_ALL)


def compiled_count() -> int:
    """How many of the patterns made so far have been compiled (start-up tests watch it)."""
    return sum(1 for p in _ALL if "_rx" in p.__dict__)


def lazy(source: str | Callable[[], str], flags: int = 0,
         words: Callable[[], tuple[str, ...]] | None = None) -> LazyPattern:
    """The pattern `regex.compile(source, flags)`, compiled when first used (see LazyPattern for
    `words`)."""
    return LazyPattern(source, flags, words)
