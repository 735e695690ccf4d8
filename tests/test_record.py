"""The shared `Record.__repr__` prints what `@dataclass` would have generated for the same class."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from checker.model import Cell, Loc, Table
from checker.record import Record


def _twins():
    @dataclass
    class Item:
        name: str
        amount: Decimal | None = None
        parts: list = field(default_factory=list)
        hidden: int = field(default=0, repr=False)

    generated = Item

    @dataclass(repr=False)
    class Item(Record):  # noqa: F811 - the same class, with the shared repr
        name: str
        amount: Decimal | None = None
        parts: list = field(default_factory=list)
        hidden: int = field(default=0, repr=False)

    return generated, Item


def test_the_shared_repr_matches_the_generated_one():
    generated, shared = _twins()
    for args in (("a",), ("预算", Decimal("1.50"), [1, "x"], 7)):
        assert repr(shared(*args)) == repr(generated(*args))
    assert repr(shared("a")) == "_twins.<locals>.Item(name='a', amount=None, parts=[])"


def test_a_record_holding_itself_prints_dots_as_the_generated_one_does():
    generated, shared = _twins()
    g, s = generated("a"), shared("a")
    g.parts.append(g)
    s.parts.append(s)
    assert repr(s) == repr(g) == "_twins.<locals>.Item(name='a', amount=None, parts=[...])"


def test_model_records_print_their_fields_and_leave_out_private_ones():
    cell = Cell(row=1, col=2, raw="1,000", text="1000")
    assert repr(cell).startswith("Cell(row=1, col=2, raw='1,000', text='1000', row_span=1")
    table = Table(index=0, cells=[cell], n_rows=1, n_cols=1)
    table.grid()  # fills the cached grid, declared repr=False
    assert "_grid" not in repr(table) and repr(cell) in repr(table)
    assert Loc(page=3) == Loc(page=3)  # value records stay comparable
