"""Compiled patterns kept between runs (a store of checker/runstore.py).

`regex.compile` parses and compiles a pattern in Python: the hundred-odd patterns a DOCX check uses
cost about 13 % of a fresh `pecheck` run, every run, for the same result. A compiled `regex` pattern
reduces, for pickling, to the arguments of the engine's own constructor (the compiled code, group
names, required string...); building a pattern from them costs about 11 µs and no parsing. The first
run that compiles a pattern stores those arguments; later runs build the pattern from them.

One file per `regex` version (patterns-<version>.bin): the compiled code holds the engine's numbers
for Unicode properties, and those change between versions (2026.5.9 → 2026.12.2 renumbered 51
scripts), so a file is read only by the version that wrote it. The arguments are taken through the
reduction `regex` registers with copyreg for pickling, so nothing private of `regex` is named here and
`pickle` itself (≈ 2 ms to import) is not needed; the constructor is always the engine's, never one
named by the file. An entry that is not what it should be is compiled as if it were not stored.
"""

from __future__ import annotations

import copyreg
import functools

import regex

from checker.runstore import Store

__all__ = ["STORE", "get", "put"]

STORE = Store(lambda: f"patterns-{regex.__version__}")


def _reduce(rx: regex.Pattern) -> tuple:
    """(constructor, arguments) of a compiled pattern: what pickling it stores."""
    return copyreg.dispatch_table[regex.Pattern](rx)


@functools.lru_cache(maxsize=1)
def _engine():
    """The engine's constructor, from a pattern the `regex` module keeps compiled itself."""
    return _reduce(regex.compile(""))[0]


def get(source: str, flags: int) -> regex.Pattern | None:
    """The stored compiled pattern of `source` under `flags`, or None."""
    args = STORE.get((source, int(flags)))
    # the key holds the flags; the source is checked again against a file written by something else
    if type(args) is not tuple or not args or args[0] != source:
        return None
    try:
        rx = _engine()(*args)
    except Exception:  # noqa: BLE001 - any damage means: compile it as if it were not stored
        return None
    return rx if isinstance(rx, regex.Pattern) else None


def put(source: str, flags: int, rx: regex.Pattern) -> None:
    """Store `rx`, compiled from `source` under `flags`, when this process ends."""
    try:
        args = _reduce(rx)[1]
    except Exception:  # noqa: BLE001 - a pattern that cannot be reduced is simply compiled next time
        return
    STORE.put((source, int(flags)), args)
