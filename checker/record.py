"""One `__repr__`, `__eq__` and `__hash__` shared by the checker's dataclasses.

`@dataclass` writes and `exec`s each of these methods for every class it decorates: ≈ 70 µs each (a
compile of generated source), ≈ 3.5 ms of every start-up for the repr of the ≈ 50 records a check
imports (Python 3.11). The records are declared `@dataclass(repr=False, eq=False)` and inherit the
methods instead, which do what the generated ones do:

- `Record.__repr__` prints `Loc(page=3, ref='#/tables/1', ...)`, the fields declared with
  `repr=False` left out;
- `ValueRecord.__eq__` compares two records of the same class as the tuple of their fields declared
  with `compare=True` (the default), and leaves the records unhashable, as `@dataclass(eq=True)`;
- `FrozenRecord`, for a `@dataclass(frozen=True, repr=False, eq=False)`, also hashes that tuple (the
  fields whose `hash` is true, or unset and `compare` true), as a frozen `@dataclass(eq=True)`.

A record compared by identity (most readings: nothing compares two of them by value) inherits `Record`
alone and keeps `object`'s identity `__eq__` and `__hash__`.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter


class Record:
    """Base of a dataclass declared with `repr=False`: the same repr the dataclass would generate."""

    __slots__ = ()

    @reprlib.recursive_repr()  # as the generated one: a record holding itself prints `...`
    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
        return f"{type(self).__qualname__}({shown})"


# per class and purpose ("compare" or "hash"): a function giving a record's fields as one tuple
_KEYS: dict[tuple[type, str], Callable[[object], tuple]] = {}


def _key(cls: type, purpose: str) -> Callable[[object], tuple]:
    get = _KEYS.get((cls, purpose))
    if get is None:
        if purpose == "compare":
            names = [f.name for f in fields(cls) if f.compare]
        else:
            names = [f.name for f in fields(cls) if (f.compare if f.hash is None else f.hash)]
        if len(names) == 1:  # attrgetter of one name gives the value itself, not a tuple of it
            one = attrgetter(names[0])
            get = lambda r: (one(r),)  # noqa: E731
        else:
            get = attrgetter(*names) if names else lambda r: ()
        _KEYS[cls, purpose] = get
    return get


class ValueRecord(Record):
    """Base of a dataclass compared by value, declared `@dataclass(repr=False, eq=False)`: the
    `__eq__` and the missing `__hash__` that `@dataclass(eq=True)` would generate."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            key = _key(self.__class__, "compare")
            return key(self) == key(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable and compared by value, as generated


class FrozenRecord(ValueRecord):
    """Base of a frozen dataclass compared by value, declared `@dataclass(frozen=True, repr=False,
    eq=False)`: the `__hash__` the frozen `@dataclass(eq=True)` would generate, too."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(_key(self.__class__, "hash")(self))
