"""Gate words of the lazily compiled patterns: for a pattern, literal strings such that every text it
can match in holds at least one of them.

Compiling a `regex` pattern runs in Python (about 0.25 ms for an ordinary one); a DOCX check makes
some 150 patterns and a third of them never match anything in a given report. `lazyre.LazyPattern`
answers "no match" without compiling while the text it is given holds none of its gate words. The
words are derived here, when the tool is run, not at run time (analysing a pattern costs about what
compiling it costs), and written to checker/understand/gatewords.py as a dict literal keyed by the
pattern's source and flags. A pattern whose source has changed since simply has no entry: it is
compiled as before, so a stale table costs speed, never a result. After changing a pattern:

    python -m checker.understand.gates --write

The analysis reads a pattern with the standard library's parser (`re._parser`) after making the
syntax that only `regex` knows opaque, and is conservative: a wrong gate would silently lose a
finding, a missing one only costs a compile. What counts as required:

- a run of literal characters, and the concatenations of short alternatives next to one another
  (`(?:预算|资金)执行率` needs 预算执行率 or 资金执行率);
- a branch only when every branch has a requirement (the union of theirs);
- the contents of groups, of repeats at least once, and of positive lookarounds (what a lookaround
  looks at lies in the same text);
- a class of a few listed characters, as single-character alternatives.

Nothing is required by a negative lookaround, a backreference, a conditional, a category, a range,
a negated class or `.`; and a pattern is not gated at all when it ignores case anywhere, has a flag
other than VERBOSE/MULTILINE/DOTALL/UNICODE, uses a construct of `regex` that the standard parser
would read differently (nested or POSIX sets, set operations, fuzzy constraints), or does not parse.
Of the requirements a sequence has, the most selective is kept (longest words, then fewest).
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import regex

__all__ = ["PATH", "build", "dumps", "main", "requirement", "requirements"]

PATH = Path(__file__).with_name("gatewords.py")
_PACKAGE = Path(__file__).resolve().parent.parent  # checker/

# the flags under which a literal in the source matches only itself
_SAFE_FLAGS = int(regex.VERBOSE | regex.MULTILINE | regex.DOTALL | regex.UNICODE)
_CAP = 64  # most alternatives a requirement (or a run of exact strings) may have
_CLASS_CAP = 12  # most characters of a class read as single-character alternatives
_QUANTIFIER = re.compile(r"\{\d*,?\d*\}")

try:  # the standard library's regular-expression parser (sre_parse before Python 3.11)
    from re import _constants as _c
    from re import _parser as _sre
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]


class _NoGate(Exception):
    """The pattern cannot be gated soundly."""


def _opaque(source: str) -> str:
    """`source` with `regex`'s property classes (\\p{..}, \\P{..}, \\pL) written as \\w, a category
    (so that a class holding one is never read as a set of literals). Raises _NoGate on the syntax
    that the standard parser would accept with another meaning than `regex` gives it."""
    out: list[str] = []
    i, n = 0, len(source)
    in_class = False
    while i < n:
        c = source[i]
        if c == "\\":
            if i + 1 >= n:
                raise _NoGate("trailing backslash")
            d = source[i + 1]
            if d in "pP":
                if i + 2 < n and source[i + 2] == "{":
                    j = source.find("}", i + 3)
                    if j < 0:
                        raise _NoGate("unclosed \\p{")
                    i = j + 1
                else:
                    i += 3
                out.append(r"\w")
                continue
            out.append(source[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "[":
                raise _NoGate("nested or POSIX set")  # `regex` reads [[:alpha:]] and [[a]--[b]] as sets
            if source.startswith(("--", "&&", "||", "~~"), i):
                raise _NoGate("set operation")
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            k = i + 1 + (source[i + 1:i + 2] == "^")
            if source[k:k + 1] == "]":
                raise _NoGate("a set opening with ]")  # literal in sre; not worth the doubt
        elif c == "{" and not _QUANTIFIER.match(source, i):
            raise _NoGate("brace that is no counted repeat")  # a fuzzy constraint {e<=1} in `regex`
        out.append(c)
        i += 1
    if in_class:
        raise _NoGate("unclosed set")
    return "".join(out)


def _minimal(alts: Iterable[str]) -> frozenset[str] | None:
    """The alternatives a text must hold one of, without those that hold another (a text holding
    the longer one holds the shorter); None when the empty string is among them (no requirement)."""
    alts = set(alts)
    if not alts or "" in alts:
        return None
    return frozenset(a for a in alts if not any(b != a and b in a for b in alts))


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _CAP:
        return None
    return frozenset(x + y for x in a for y in b)


_KEEP = 3  # most requirements a pattern's gate keeps (each is looked for in every text until one fails)


def _selectivity(c: frozenset[str]):
    """Words of two characters or more first (one Han character is in many texts), then the fewest
    words (each is looked for in every text), then the longest."""
    shortest = min(map(len, c))
    return (min(2, shortest), -len(c), shortest, sorted(c))


def _implies(a: frozenset[str], b: frozenset[str]) -> bool:
    """A text holding a word of `a` holds a word of `b`."""
    return all(any(y in x for y in b) for x in a)


def _clauses(cands: Iterable[frozenset[str] | None]) -> tuple[frozenset[str], ...]:
    """The most selective of the requirements given, leaving out those that another one implies (a
    text meeting 个项目 holds 项目)."""
    got = sorted({m for m in map(_minimal, (c for c in cands if c)) if m}, key=_selectivity, reverse=True)
    kept: list[frozenset[str]] = []
    for i, c in enumerate(got):
        if not any(_implies(d, c) and (j < i or not _implies(c, d)) for j, d in enumerate(got) if j != i):
            kept.append(c)
    return tuple(kept[:_KEEP])


_EMPTY = frozenset({""})
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_Info = tuple[frozenset[str] | None, tuple[frozenset[str], ...]]


def _node(op, av, verbose: bool) -> _Info:
    """(the exact strings the item consumes when that set is small, else None; requirements that a
    text holding a match of the item meets, each a set of words one of which the text holds)."""
    if op is _c.LITERAL:
        s = frozenset({chr(av)})
        return s, (s,)
    if op is _c.IN:
        chars = []
        for o, a in av:
            if o is not _c.LITERAL or (verbose and chr(a).isspace()):
                return None, ()  # NEGATE, RANGE, CATEGORY: not a short list of characters
            chars.append(chr(a))
        if 0 < len(chars) <= _CLASS_CAP:
            s = frozenset(chars)
            return s, (s,)
        return None, ()
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, p = av
        if add_flags & (re.IGNORECASE | re.VERBOSE | re.LOCALE):
            raise _NoGate("scoped flags")
        return _sequence(p, verbose)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av, verbose)
    if op is _c.BRANCH:
        got = [_sequence(b, verbose) for b in av[1]]
        exact: frozenset[str] | None = None
        if all(e is not None for e, _ in got):
            union = frozenset().union(*(e for e, _ in got))
            exact = union if len(union) <= _CAP else None
        if all(r for _, r in got):  # one requirement: the union of each branch's most selective one
            union = frozenset().union(*(r[0] for _, r in got))
            return exact, _clauses([union] if len(union) <= _CAP else [])
        return exact, ()
    if op in _REPEATS:
        lo, hi, p = av
        e, r = _sequence(p, verbose)
        exact = None
        if e is not None:
            if lo == 0 and hi == 1:
                exact = e | _EMPTY
            elif lo == hi and 1 <= lo <= 3:
                exact = e
                for _ in range(lo - 1):
                    exact = _product(exact, e) if exact is not None else None
        if lo < 1:
            return exact, ()
        cands: list[frozenset[str] | None] = list(r)
        if e is not None:  # at least `lo` copies next to one another
            pw: frozenset[str] | None = e
            for _ in range(min(lo, 3) - 1):
                pw = _product(pw, e) if pw is not None else None
            cands.append(pw)
        return exact, _clauses(cands)
    if op is _c.AT or op is _c.ASSERT_NOT:
        return _EMPTY, ()  # zero-width; a negative lookaround requires nothing
    if op is _c.ASSERT:
        _direction, p = av
        return _EMPTY, _sequence(p, verbose)[1]  # zero-width, but what it looks at is in the text
    return None, ()  # ANY, CATEGORY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ...


def _sequence(p, verbose: bool) -> _Info:
    cands: list[frozenset[str] | None] = []
    run = _EMPTY  # the exact strings consumed by the current stretch of exact items
    exact: frozenset[str] | None = _EMPTY
    for op, av in p.data if hasattr(p, "data") else p:
        e, r = _node(op, av, verbose)
        cands.extend(r)
        if e is None:
            cands.append(run)
            run, exact = _EMPTY, None
            continue
        longer = _product(run, e)
        if longer is None:
            cands.append(run)
            run = e
        else:
            run = longer
        if exact is not None:
            exact = _product(exact, e)
    cands.append(run)
    return exact, _clauses(cands)


def requirements(source: str, flags: int = 0) -> tuple[tuple[str, ...], ...] | None:
    """Requirements that every text holding a match of `regex.compile(source, flags)` (and what its
    lookarounds look at) meets, the most selective first, each a sorted tuple of strings one of which
    the text holds; None when none can be proven."""
    if not isinstance(source, str) or int(flags) & ~_SAFE_FLAGS:
        return None
    try:
        parsed = _sre.parse(_opaque(source), re.VERBOSE if int(flags) & regex.VERBOSE else 0)
        if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
            return None
        got = _sequence(parsed, bool(parsed.state.flags & re.VERBOSE))[1]
    except (_NoGate, re.error, RecursionError, OverflowError, ValueError):
        return None
    return tuple(tuple(sorted(c)) for c in got) or None


def requirement(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """The most selective of `requirements`: strings one of which every text a match lies in holds."""
    got = requirements(source, flags)
    return got[0] if got else None


# ----------------------------------------------------------------------------------------- the tool
def _pattern_modules() -> list[str]:
    """Every checker module that makes lazily compiled patterns (it imports lazyre)."""
    names = []
    for path in sorted(_PACKAGE.rglob("*.py")):
        if path.name in ("lazyre.py", "gates.py", "gatewords.py"):
            continue
        text = path.read_text(encoding="utf-8")
        if "lazyre import" in text or "import lazyre" in text:
            rel = path.relative_to(_PACKAGE.parent).with_suffix("")
            names.append(".".join(p for p in rel.parts if p != "__init__"))
    return names


def build() -> dict[tuple[str, int], tuple[tuple[str, ...], ...]]:
    """The gate of every pattern the checker's modules make when imported or when they read their
    vocabulary (a pattern built from the word lists of rules/ is built here; one that cannot be gated
    has no entry). Run in a fresh interpreter: a pattern made by anything else counts too."""
    from checker.understand import lazyre

    for name in _pattern_modules():
        importlib.import_module(name)
    # the patterns of narrative.toml are made with the vocabulary, on first use
    importlib.import_module("checker.understand.narrative").vocabulary()
    table: dict[tuple[str, int], tuple[tuple[str, ...], ...]] = {}
    for source, flags in lazyre.sources():
        if callable(source):
            try:
                source = source()
            except Exception:  # noqa: BLE001 - a source that cannot be built here is simply not gated
                continue
        got = requirements(source, flags)
        if got:
            table[(source, int(flags))] = got
    return table


def dumps(table: dict[tuple[str, int], tuple[tuple[str, ...], ...]]) -> str:
    lines = ['"""Generated by `python -m checker.understand.gates --write` (see gates.py): the gate of each',
             "lazily compiled pattern, keyed by its source and flags: requirements a text it matches in meets,",
             "each a tuple of words one of which the text holds. Do not edit by hand.\"\"\"",
             "",
             "GATES: dict[tuple[str, int], tuple[tuple[str, ...], ...]] = {"]
    for key in sorted(table):
        lines.append(f"    {key!r}: {table[key]!r},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    from checker.generated import write_or_check

    fresh = dumps(build())
    return write_or_check(PATH, fresh, argv, "checker.understand.gates", f"{fresh.count(chr(10)) - 6} gated patterns")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
