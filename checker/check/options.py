"""Declared rule options: each rule names its options with a type and a one-line doc; the values
(defaults included) come only from the profile (rules/profiles/*.toml, `[thresholds]`) and from the
user's config (`[thresholds]` for every rule, `[rule.PCxxx]` for one rule)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from checker.record import FrozenRecord

TYPES = ("number", "integer", "window")
TYPE_ZH = {"number": "数值", "integer": "整数", "window": "区间 [下限, 上限]"}


class OptionError(ValueError):
    """A value of the wrong type; the message is Chinese with the English gist."""


@dataclass(frozen=True, repr=False, eq=False)
class Option(FrozenRecord):
    """A rule's tunable setting: its name, value type and one-line description."""

    name: str
    type: str  # number | integer | window
    doc: str  # one line, Chinese

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"option {self.name}: unknown type {self.type}")

    def coerce(self, value: Any) -> Any:
        """The typed value (Decimal, int or a (lo, hi) pair of Decimals), or OptionError."""
        if self.type == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                raise OptionError(f"应为整数，实为 {value!r}（expected an integer）")
            return value
        if self.type == "number":
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise OptionError(f"应为数值，实为 {value!r}（expected a number）")
            return Decimal(str(value))
        ok = (isinstance(value, list) and len(value) == 2
              and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value) and value[0] < value[1])
        if not ok:
            raise OptionError(f"应为 [下限, 上限] 两个数，实为 {value!r}（expected [low, high]）")
        return Decimal(str(value[0])), Decimal(str(value[1]))

    def describe(self) -> dict[str, str]:
        return {"name": self.name, "type": self.type, "doc": self.doc}


def within(window: tuple[Decimal, Decimal], value: Decimal) -> bool:
    """Whether a ratio falls inside a plausibility window (both ends included)."""
    return window[0] <= value <= window[1]
