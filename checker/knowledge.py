"""The rule knowledge in rules/ (vocabulary, grade bands, profiles), loaded and validated once."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from checker.record import FrozenRecord, ValueRecord
from checker.runstore import parsed_toml


class KnowledgeError(Exception):
    pass


def rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    for cand in (here / "_rules", here.parent / "rules"):
        if (cand / "concepts.toml").is_file():
            return cand
    raise KnowledgeError("rules/ data not found (concepts.toml)")


def load_toml(name: str) -> dict[str, Any]:
    """A data file of rules/ (name relative to it), parsed."""
    return _load(name)


def _load(name: str) -> dict[str, Any]:
    path = rules_dir() / name
    try:
        return parsed_toml(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # ValueError: tomllib's TOMLDecodeError, a bad encoding
        raise KnowledgeError(f"{path}: {exc}") from exc


@dataclass(frozen=True, repr=False, eq=False)
class Band(FrozenRecord):
    """A grade's score band (优秀 from 90, …), either end included or not."""

    grade: str
    lo: Decimal
    hi: Decimal
    lo_incl: bool = True
    hi_incl: bool = False

    def contains(self, score: Decimal) -> bool:
        above = score >= self.lo if self.lo_incl else score > self.lo
        below = score <= self.hi if self.hi_incl else score < self.hi
        return above and below


@dataclass(repr=False, eq=False)
class Knowledge(ValueRecord):
    """The domain words of rules/*.toml for the chosen profile: column, row and summary
    concepts, narrative terms, grade bands and synonyms."""

    columns: dict[str, tuple[list[str], list[str]]]
    column_order: list[str]
    rows: dict[str, list[str]]
    summary: dict[str, list[str]]
    narrative: dict[str, list[str]]
    grade_bands: dict[str, list[Band]]
    grade_synonyms: dict[str, list[str]]
    profile: dict[str, Any] = field(default_factory=dict)
    grade_equivalents: list[set[str]] = field(default_factory=list)
    # answers of column_concept and row_kind by header / label: every table asks them of the same
    # few headers again and again (not copied by dataclasses.replace: init=False)
    _asked: dict[tuple[str, str], str | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    def _answer(self, kind: str, text: str, work) -> str | None:
        key = (kind, text)
        if key not in self._asked:
            if len(self._asked) >= 50_000:  # a long batch meets ever new row labels: stay bounded
                self._asked.clear()
            self._asked[key] = work(text)
        return self._asked[key]

    def column_concept(self, header: str) -> str | None:
        return self._answer("column", header, self._column_concept)

    def _column_concept(self, header: str) -> str | None:
        h = header.replace(" ", "")
        for concept in self.column_order:
            words, none = self.columns[concept]
            if any(w in h for w in words) and not any(n in h for n in none):
                return concept
        return None

    def row_kind(self, label: str) -> str | None:
        return self._answer("row", label, self._row_kind)

    def _row_kind(self, label: str) -> str | None:
        s = label.replace(" ", "").replace("\u3000", "")
        for kind, words in self.rows.items():
            if any(s == w.replace(" ", "") for w in words):
                return kind
        for kind in ("funds_total", "funds_fiscal", "funds_carry", "funds_other"):
            if any(w in s for w in self.rows[kind]):
                return kind
        return None

    def canonical_grade(self, word: str) -> str | None:
        w = word.strip().strip("“”\"'「」")
        for g, syns in self.grade_synonyms.items():
            if w in syns:
                return g
        return None

    def same_grade(self, a: str, b: str) -> bool:
        """Two canonical grades for the same band (equal, or declared equivalent in grades.toml)."""
        return a == b or any(a in group and b in group for group in self.grade_equivalents)

    def bands_text(self) -> str:
        """The profile's bands as a reviewer reads them: 优 ≥90，良 80–90，中 60–80，差 <60."""
        out = []
        for b in self.bands():
            if b.hi_incl and b.hi >= 100:
                out.append(f"{b.grade} ≥{b.lo}")
            elif b.lo <= 0:
                out.append(f"{b.grade} <{b.hi}")
            else:
                out.append(f"{b.grade} {b.lo}–{b.hi}")
        return "，".join(out)

    def bands(self) -> list[Band]:
        return self.grade_bands[self.profile.get("grade_bands", "national")]



def _bands(spec: dict[str, Any]) -> dict[str, list[Band]]:
    out = {}
    for name, body in spec.items():
        if name in ("synonyms", "equivalent"):
            continue
        bands = []
        for i, b in enumerate(body["bands"]):
            bands.append(Band(grade=b["grade"], lo=Decimal(str(b["lo"])), hi=Decimal(str(b["hi"])),
                              lo_incl=True, hi_incl=(i == 0)))
        out[name] = bands
    return out


def _profile(name: str) -> dict[str, Any]:
    path = rules_dir() / "profiles" / f"{name}.toml"
    if not path.is_file():
        known = sorted(p.stem for p in (rules_dir() / "profiles").glob("*.toml"))
        raise KnowledgeError(f"unknown profile {name!r}; known: {', '.join(known)}")
    data = _load(f"profiles/{name}.toml")
    parent = data.get("extends")
    if parent:
        base = _profile(parent)
        for k, v in data.items():
            if isinstance(v, dict) and isinstance(base.get(k), dict):
                base[k] = {**base[k], **v}
            else:
                base[k] = v
        return base
    return data


@functools.lru_cache(maxsize=8)
def load(profile: str = "national") -> Knowledge:
    c = _load("concepts.toml")
    g = _load("grades.toml")
    order = c["order"]
    columns = {}
    for concept in order:
        spec = c["columns"].get(concept)
        if not spec or not spec.get("any"):
            raise KnowledgeError(f"concepts.toml: column concept {concept!r} has no 'any' words")
        columns[concept] = (list(spec["any"]), list(spec.get("none", [])))
    k = Knowledge(columns=columns, column_order=order, rows=c["rows"], summary=c["summary"],
                  narrative=c["narrative"], grade_bands=_bands(g), grade_synonyms=g["synonyms"],
                  profile=_profile(profile),
                  grade_equivalents=[set(grp) for grp in g.get("equivalent", {}).get("bands", [])])
    if k.profile.get("grade_bands", "national") not in k.grade_bands:
        raise KnowledgeError(f"profile {profile}: unknown grade_bands {k.profile.get('grade_bands')!r}")
    return k
