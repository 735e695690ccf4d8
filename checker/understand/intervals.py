"""The one interval toolkit: written precision as intervals, arithmetic rounding outwards.

A figure written with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ] (XBRL Calculations 1.1, see
DOMAIN.md "Rounding"). Where a column trims trailing zeros (80 beside 17.6 and 95.75), d is the
column's: its most precise figure decides. Every operation here rounds its lower end down and its
upper end up, so a computed interval always contains the true one.

Figures are taken by duck type (anything with `value`, `decimals`, `unit`, `interval()` and
`to_unit()`, i.e. `numbers.Num`), so that numbers.py can use the rounding contexts defined here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from typing import Any

from checker.record import FrozenRecord

__all__ = [
    "CEIL", "EXACT", "FLOOR", "Footing", "Interval", "add", "column_decimals", "div", "fmt", "foot", "half",
    "foot_written", "ival", "mid", "mul", "num_ival", "overlaps", "q", "ratio_interval", "round_half_up", "sub",
    "sum_interval",
]

# Shifting an exponent or adding a half-ulp must never round; the exact context has room for that.
EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
# Sums and quotients round outwards, so an interval computed here always contains the true one.
FLOOR = Context(prec=60, rounding=ROUND_FLOOR, Emax=MAX_EMAX, Emin=MIN_EMIN)
CEIL = Context(prec=60, rounding=ROUND_CEILING, Emax=MAX_EMAX, Emin=MIN_EMIN)

Interval = tuple[Decimal, Decimal]


def half(decimals: int) -> Decimal:
    """Half a unit in the last written place."""
    return Decimal(5).scaleb(-decimals - 1, EXACT)


def column_decimals(nums: Iterable[Any]) -> int:
    """A column's written precision: its most precise figure decides."""
    ds = [n.decimals for n in nums if n is not None]
    return max(ds) if ds else 0


def ival(value: Decimal, decimals: int) -> Interval:
    h = half(decimals)
    return FLOOR.subtract(value, h), CEIL.add(value, h)


def num_ival(n: Any, decimals: int | None = None, unit: str | None = None) -> Interval:
    """A figure's interval with at least `decimals` of precision; money in `unit` when given."""
    d = n.decimals if decimals is None else max(decimals, n.decimals)
    lo, hi = ival(n.value, d)
    if unit and n.is_money and unit != n.unit:
        v = n.to_unit(unit)
        if v is not None and n.value:
            # a money unit change is a power of ten: the same shift applies to both ends, exactly
            shift = v.adjusted() - n.value.adjusted()
            lo, hi = lo.scaleb(shift, EXACT), hi.scaleb(shift, EXACT)
            if lo > hi:
                lo, hi = hi, lo
    return lo, hi


def _as_interval(x: Any) -> Interval:
    return x.interval() if hasattr(x, "interval") else (x[0], x[1])


def add(ivals: Iterable[Any]) -> Interval:
    """Interval of a sum (of intervals or figures): lower ends rounding down, upper ends up."""
    lo = hi = Decimal(0)
    for x in ivals:
        a, b = _as_interval(x)
        lo, hi = FLOOR.add(lo, a), CEIL.add(hi, b)
    return lo, hi


sum_interval = add


def sub(a: Interval, b: Interval) -> Interval:
    return FLOOR.subtract(a[0], b[1]), CEIL.subtract(a[1], b[0])


def div(a: Interval, b: Interval) -> Interval | None:
    """Quotient of two non-negative quantities; None when the divisor may be zero or the
    dividend may be negative (a rate of such figures means nothing)."""
    if b[0] <= 0 <= b[1] or a[0] < 0:
        return None
    return ratio_interval(a, b)


def ratio_interval(num: Any, den: Any) -> Interval | None:
    """Interval of num ÷ den as a plain ratio (0.6447, not 64.47); None when den may be zero."""
    n_lo, n_hi = _as_interval(num)
    d_lo, d_hi = _as_interval(den)
    if d_lo <= 0 <= d_hi:
        return None
    corners = [(x, y) for x in (n_lo, n_hi) for y in (d_lo, d_hi)]
    return (min(FLOOR.divide(x, y) for x, y in corners),
            max(CEIL.divide(x, y) for x, y in corners))


def mul(a: Interval, k: Interval) -> Interval:
    corners = [(x, y) for x in a for y in k]
    return min(FLOOR.multiply(x, y) for x, y in corners), max(CEIL.multiply(x, y) for x, y in corners)


def scale(a: Interval, k: Decimal) -> Interval:
    """An interval times a positive constant (a fraction shown as percent: × 100)."""
    return FLOOR.multiply(a[0], k), CEIL.multiply(a[1], k)


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def mid(a: Interval) -> Decimal:
    return (a[0] + a[1]) / 2


@dataclass(frozen=True, repr=False, eq=False)
class Footing(FrozenRecord):
    """Parts against their stated total at one written precision."""

    ok: bool
    sum: Interval
    decimals: int

    @property
    def expected(self) -> Decimal:
        return mid(self.sum)


def foot(parts: Iterable[Any], total: Any, decimals: int) -> Footing:
    """Whether figures add up to a total, each read at `decimals` (or its own finer precision).
    `parts` may mix figures and intervals (an interval is taken as it is)."""
    s = add(p if isinstance(p, tuple) else num_ival(p, decimals) for p in parts)
    t = total if isinstance(total, tuple) else num_ival(total, decimals)
    return Footing(ok=overlaps(s, t), sum=s, decimals=decimals)


def foot_written(parts: Iterable[Any], total: Any) -> Footing:
    """Whether a total is the rounding of its parts' written sum: for figures awarded as written
    (scores), where "9" is nine points, not 9 ± 0.5. Only the total carries a tolerance."""
    ps = list(parts)
    v = sum((p.value for p in ps), Decimal(0))
    d = max([p.decimals for p in ps] + [total.decimals])
    return Footing(ok=overlaps((v, v), num_ival(total)), sum=(v, v), decimals=d)


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """Commercial rounding (6.447 -> 6.45 at 2 places), never banker's rounding."""
    ctx = Context(prec=max(28, value.adjusted() + decimals + 3), Emax=MAX_EMAX, Emin=MIN_EMIN)
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=ctx)


def q(value: Decimal, decimals: int) -> Decimal:
    """Round half up to `decimals` places, for display of an expected value."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def fmt(value: Decimal, decimals: int, like: str = "") -> str:
    """An expected value written the way the document writes its figures (thousands separators)."""
    v = q(value, max(decimals, 0))
    return f"{v:,f}" if "," in like else f"{v:f}"
