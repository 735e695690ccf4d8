"""One `__repr__` shared by the checker's dataclasses.

`@dataclass` writes and `exec`s a `__repr__` of its own for every class it decorates: ≈ 70 µs each,
≈ 3.5 ms of every start-up for the ≈ 50 records a check imports (Python 3.11). The records are
declared `@dataclass(repr=False)` and inherit this one instead, which prints what the generated one
prints: `Loc(page=3, ref='#/tables/1', ...)`, the fields declared with `repr=False` left out.
"""

from __future__ import annotations

import reprlib
from dataclasses import fields


class Record:
    """Base of a dataclass declared with `repr=False`: the same repr the dataclass would generate."""

    __slots__ = ()

    @reprlib.recursive_repr()  # as the generated one: a record holding itself prints `...`
    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
        return f"{type(self).__qualname__}({shown})"
