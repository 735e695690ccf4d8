"""Comparisons with the tolerance that written precision implies (XBRL Calculations 1.1).

A figure written with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]. Where a column trims
trailing zeros (80 beside 17.6 and 95.75), d is the column's: its most precise figure decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from checker.understand.numbers import Num

Interval = tuple[Decimal, Decimal]


def half(decimals: int) -> Decimal:
    return Decimal(5).scaleb(-decimals - 1)


def column_decimals(nums: Iterable[Num | None]) -> int:
    ds = [n.decimals for n in nums if n is not None]
    return max(ds) if ds else 0


def ival(value: Decimal, decimals: int) -> Interval:
    h = half(decimals)
    return value - h, value + h


def num_ival(n: Num, decimals: int | None = None, unit: str | None = None, scale: Decimal = Decimal(1)) -> Interval:
    """A figure's interval, in `unit` for money (when given), with at least `decimals` of precision."""
    d = n.decimals if decimals is None else max(decimals, n.decimals)
    lo, hi = ival(n.value, d)
    if unit and n.is_money and unit != n.unit:
        v = n.to_unit(unit)
        if v is not None:
            f = v / n.value if n.value else Decimal(1)
            lo, hi = lo * f, hi * f
            if f < 0:
                lo, hi = hi, lo
    return lo * scale, hi * scale


def add(ivals: Iterable[Interval]) -> Interval:
    lo = hi = Decimal(0)
    for a, b in ivals:
        lo += a
        hi += b
    return lo, hi


def sub(a: Interval, b: Interval) -> Interval:
    return a[0] - b[1], a[1] - b[0]


def div(a: Interval, b: Interval) -> Interval | None:
    """Quotient interval; None when the divisor may be zero or the signs mix."""
    if b[0] <= 0 <= b[1] or a[0] < 0:
        return None
    return a[0] / b[1], a[1] / b[0]


def mul(a: Interval, k: Interval) -> Interval:
    prods = [a[0] * k[0], a[0] * k[1], a[1] * k[0], a[1] * k[1]]
    return min(prods), max(prods)


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def mid(a: Interval) -> Decimal:
    return (a[0] + a[1]) / 2


def q(value: Decimal, decimals: int) -> Decimal:
    """Round half up to `decimals` places, for display of an expected value."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def fmt(value: Decimal, decimals: int, like: str = "") -> str:
    """An expected value written the way the document writes its figures (thousands separators)."""
    v = q(value, max(decimals, 0))
    return f"{v:,f}" if "," in like else f"{v:f}"
