"""The shared `Record` methods (`__repr__`, and `__eq__`/`__hash__` of value records) do what `@dataclass` would
have generated for the same class; the lexicon, no dataclass, keeps a dataclass's checks."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field
from decimal import Decimal

import pytest

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


def _value_twins(frozen: bool):
    """The same class twice: once with the methods @dataclass generates, once with the shared ones."""
    from checker.record import FrozenRecord, ValueRecord

    @dataclass(frozen=frozen)
    class Item:
        name: str
        amount: Decimal | None = None
        note: str = field(default="", compare=False)  # not compared, not hashed
        parts: tuple = field(default=(), hash=False)  # compared, not hashed
        tag: str = field(default="", compare=False, hash=True)  # hashed only

    generated = Item

    @dataclass(frozen=frozen, repr=False, eq=False)
    class Item(FrozenRecord if frozen else ValueRecord):  # noqa: F811
        name: str
        amount: Decimal | None = None
        note: str = field(default="", compare=False)
        parts: tuple = field(default=(), hash=False)
        tag: str = field(default="", compare=False, hash=True)

    return generated, Item


_ARGS = [("a",), ("a", Decimal("1.5")), ("a", Decimal("1.50")), ("a", None, "note"), ("a", None, "", (1,)),
         ("a", None, "", (2,)), ("a", None, "", (), "t"), ("b",)]


def test_the_shared_eq_and_hash_answer_as_the_generated_ones():
    for frozen in (False, True):
        generated, shared = _value_twins(frozen)
        for x in _ARGS:
            for y in _ARGS:
                want = generated(*x) == generated(*y)
                assert (shared(*x) == shared(*y)) is want and (shared(*x) != shared(*y)) is (not want)
                if frozen:
                    assert hash(shared(*x)) == hash(generated(*x))
        # another class, even one with the same fields, is never equal: == falls back to identity
        other = shared("a")
        assert other != generated("a") and shared.__eq__(other, generated("a")) is NotImplemented
        assert (shared.__hash__ is None) is (generated.__hash__ is None) is (not frozen)


def test_one_compared_field_or_none_still_compare_as_tuples():
    from checker.record import FrozenRecord

    @dataclass(frozen=True, repr=False, eq=False)
    class One(FrozenRecord):
        n: int

    @dataclass(frozen=True, repr=False, eq=False)
    class NoneCompared(FrozenRecord):
        n: int = field(default=0, compare=False)

    assert One(1) == One(1) != One(2) and hash(One(1)) == hash((1,))
    assert NoneCompared(1) == NoneCompared(2) and hash(NoneCompared(1)) == hash(())


def test_every_checker_record_declares_its_comparison_once():
    # a value record generates no __eq__ of its own, and keeps the hashability it had: frozen value
    # records hash, mutable ones do not, records compared by identity keep object's
    import dataclasses
    import importlib
    import pkgutil

    import checker
    from checker.record import FrozenRecord, Record, ValueRecord

    seen = 0
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        try:
            mod = importlib.import_module(info.name)
        except ImportError:  # an optional extra not installed here
            continue
        for cls in vars(mod).values():
            if not (isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == info.name):
                continue
            seen += 1
            params = cls.__dataclass_params__
            assert not params.eq and "__eq__" not in cls.__dict__, cls
            if issubclass(cls, ValueRecord):
                assert issubclass(cls, FrozenRecord) is params.frozen, cls
                assert (cls.__hash__ is None) is (not params.frozen), cls
            elif issubclass(cls, Record):
                assert cls.__hash__ is object.__hash__ and cls.__eq__ is object.__eq__, cls
    assert seen > 40


def test_the_lexicon_takes_each_declared_field_once_and_stays_frozen():
    from checker.understand.narrative import Lexicon, vocabulary

    lx = vocabulary()
    assert all(hasattr(lx, name) for name in Lexicon.__annotations__)
    with pytest.raises(FrozenInstanceError):
        lx.prompts = ()
    with pytest.raises(FrozenInstanceError):
        del lx.prompts
    words = {name: getattr(lx, name) for name in Lexicon.__annotations__}
    assert Lexicon(**words).prompts == lx.prompts
    del words["prompts"]
    with pytest.raises(TypeError, match="prompts"):
        Lexicon(**words)
    with pytest.raises(TypeError, match="extra"):
        Lexicon(**words, prompts=(), extra=1)
