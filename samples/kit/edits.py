"""Apply the declarative edits of a faults.toml to a block list (see samples/kit/FORMAT.md).

    [[edit]] find/replace [table=N | paragraph=true] [count=N] [markup=true]
    [[edit]] delete_row = { table = N, row = R }
    [[edit]] insert_row = { table = N, after = R, row = "| a | b |" }

Tables and rows are 1-based. Every edit must match exactly as declared, or the build fails.
"""

from __future__ import annotations

import copy
import re

from .blocks import Para, Table, place
from .markup import dump, dump_cell, parse, parse_row


class EditError(ValueError):
    pass


def _tables(blocks):
    return [b for b in blocks if isinstance(b, Table)]


def _table(blocks, n, where):
    ts = _tables(blocks)
    if not isinstance(n, int) or not 1 <= n <= len(ts):
        raise EditError(f"{where}: table = {n!r}, the document has {len(ts)} tables")
    return ts[n - 1]


def _texts(blocks, table=None, paragraph=False):
    """Yield (setter, text) for every paragraph text in scope, in document order."""
    tables = _tables(blocks)
    for b in blocks:
        if isinstance(b, Para) and table is None:
            yield (lambda t, b=b: setattr(b, "text", t)), b.text
        elif isinstance(b, Table) and not paragraph and (table is None or tables[table - 1] is b):
            for row in b.rows:
                for cell in row:
                    for i, p in enumerate(cell.paras):
                        if isinstance(p, str):
                            yield (lambda t, c=cell, i=i: c.paras.__setitem__(i, t)), p
                        else:
                            yield (lambda t, c=cell, i=i, a=p[1]: c.paras.__setitem__(i, (t, a))), p[0]


def _row_line(cells) -> str:
    return "| " + " | ".join(dump_cell(c) for c in cells) + " |"


def _markup_lines(blocks, table=None, paragraph=False):
    """Yield (setter, line) for the canonical report.md line of every paragraph and table row."""
    tables = _tables(blocks)

    def set_para(line, i):
        new = parse(line, "replace")[1]
        if len(new) != 1 or not isinstance(new[0], Para):
            raise EditError(f"replace {line!r} is not one paragraph")
        blocks[i] = new[0]

    def set_row(line, t, r):
        t.rows[r] = parse_row(line, "replace")

    for i, b in enumerate(blocks):
        if isinstance(b, Para) and table is None:
            yield (lambda s, i=i: set_para(s, i)), dump([b]).rstrip("\n")
        elif isinstance(b, Table) and not paragraph and (table is None or tables[table - 1] is b):
            for r, row in enumerate(b.rows):
                yield (lambda s, t=b, r=r: set_row(s, t, r)), _row_line(row)


def _canon(s: str) -> str:
    """Cells written as in report.md are compared in their canonical form (spacing, default attributes)."""
    s = s.strip()
    return _row_line(parse_row(s)) if s.startswith("|") and s.endswith("|") else s


def _replace(blocks, e, where):
    find, repl = e["find"], e.get("replace", "")
    table, paragraph, count = e.get("table"), bool(e.get("paragraph")), e.get("count", 1)
    if not find:
        raise EditError(f"{where}: empty find")
    if table is not None:
        _table(blocks, table, where)
    units = _texts(blocks, table, paragraph)
    if e.get("markup"):
        find, repl = _canon(find), _canon(repl)
        units = list(_markup_lines(blocks, table, paragraph))
    places = [(s, t) for s, t in units if find in t]
    # markup fragments may overlap ("| 5 |" twice in "| 5 | 5 |"): count every start
    n = sum(len(re.findall(f"(?={re.escape(find)})", t)) if e.get("markup") else t.count(find) for _, t in places)
    if n == 0 or (count and n != count):
        scope = f"table {table}" if table else "paragraphs" if paragraph else "the document"
        raise EditError(f"{where}: find {find!r} matches {n} times in {scope}, expected {count or '≥1'}")
    for setter, text in places:
        setter(text.replace(find, repl))
    for t in _tables(blocks):
        place(t)  # a markup edit may have changed spans


def _grid(t: Table):
    return [[r, c, cell] for r, c, cell in place(t)]


def _rebuild(t: Table, placed, nrows):
    rows = [[] for _ in range(nrows)]
    for r, _c, cell in sorted(placed, key=lambda x: (x[0], x[1])):
        rows[r].append(cell)
    t.rows = rows
    place(t)  # validates the new grid


def _delete_row(blocks, spec, where):
    t = _table(blocks, spec.get("table"), where)
    r = spec.get("row")
    if not isinstance(r, int) or not 1 <= r <= len(t.rows):
        raise EditError(f"{where}: row = {r!r}, table has {len(t.rows)} rows")
    r -= 1
    out = []
    for pr, pc, cell in _grid(t):
        last = pr + cell.rs - 1
        if pr < r <= last or (pr == r and cell.rs > 1):
            cell.rs -= 1  # the span loses the deleted row; a span starting there moves down
        elif pr == r:
            continue
        out.append([pr - 1 if pr > r else pr, pc, cell])
    _rebuild(t, out, len(t.rows) - 1)


def _insert_row(blocks, spec, where):
    """The new row's cells fill the rightmost free columns; a free column left of them is covered by
    growing the span of the cell above it (a new indicator row under merged 一级/二级 cells)."""
    t = _table(blocks, spec.get("table"), where)
    after = spec.get("after")
    if not isinstance(after, int) or not 0 <= after <= len(t.rows):
        raise EditError(f"{where}: after = {after!r}, table has {len(t.rows)} rows")
    new = parse_row(spec.get("row", ""), where)
    grid = _grid(t)
    covered = set()
    for item in grid:
        pr, pc, cell = item
        if pr < after <= pr + cell.rs - 1:  # a span crossing the insertion point grows
            cell.rs += 1
            covered.update(range(pc, pc + cell.cs))
        if pr >= after:
            item[0] += 1
    free = [c for c in range(len(t.widths)) if c not in covered]
    need = sum(c.cs for c in new)
    if need > len(free):
        raise EditError(f"{where}: the new row has {need} columns, only {len(free)} are free")
    for col in free[: len(free) - need]:
        above = next((it for it in grid if it[0] < after + 1 and it[1] <= col < it[1] + it[2].cs
                      and it[0] + it[2].rs - 1 == after - 1), None)
        if above is None:
            raise EditError(f"{where}: column {col + 1} of the new row is neither filled nor spanned")
        above[2].rs += 1
    c0 = free[len(free) - need] if need else len(t.widths)
    for cell in new:
        grid.append([after, c0, cell])
        c0 += cell.cs
    _rebuild(t, grid, len(t.rows) + 1)


def apply_edits(blocks, edits, source="faults.toml"):
    """A new block list with `edits` applied in order (the input is not changed)."""
    blocks = copy.deepcopy(blocks)
    for i, e in enumerate(edits):
        where = f"{source} edit {i + 1}"
        if "find" in e:
            _replace(blocks, e, where)
        elif "delete_row" in e:
            _delete_row(blocks, e["delete_row"], where)
        elif "insert_row" in e:
            _insert_row(blocks, e["insert_row"], where)
        else:
            raise EditError(f"{where}: needs find/replace, delete_row or insert_row")
    return blocks
