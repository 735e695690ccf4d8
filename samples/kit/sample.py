"""A sample folder samples/reports/<name>/ -> the documents it stands for, with their answer keys.

    report.md      the clean document (or a real one with its published faults, clean = false)
    expected.toml  the published faults of a real report ([[expect]] items)
    faults.toml    the mutant <name>-faults: [[edit]]s on report.md plus its [[expect]] items
    faults.md      a mutant that cannot be written as edits, in report.md markup (with faults.toml
                   then holding only its [[expect]] items and optional description/note)
"""

from __future__ import annotations

import dataclasses
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .blocks import Style
from .edits import apply_edits
from .markup import MarkupError, parse

RENDERERS = {"docx", "pdf", "html-pdf"}
ITEM_ORDER = ("category", "severity", "mention", "accept", "optional", "note")
FRONT_KEYS = {"description", "clean", "renderers", "style", "note", "chrome"}
FAULT_KEYS = {"description", "note", "edit", "expect"}


class SampleError(ValueError):
    pass


@dataclass
class Sample:
    name: str
    blocks: list
    key: dict
    readme: str
    producer: str = "docx"  # docx (python-docx + LibreOffice) or chrome (HTML + Chromium, PDF only)
    style: Style = field(default_factory=Style)
    pdf: bool = True


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise SampleError(f"{path}: {e}") from None


def _items(items, where) -> list:
    out = []
    for i, it in enumerate(items):
        missing = {"category", "severity", "mention", "note"} - set(it)
        if missing:
            raise SampleError(f"{where}: [[expect]] {i + 1} lacks {sorted(missing)}")
        out.append({k: it[k] for k in ITEM_ORDER if k in it} | {k: v for k, v in it.items() if k not in ITEM_ORDER})
    return out


def _style(overrides, where) -> Style:
    names = {f.name for f in dataclasses.fields(Style)}
    if set(overrides) - names:
        raise SampleError(f"{where}: unknown [style] field(s) {sorted(set(overrides) - names)}")
    o = dict(overrides)
    if "margins" in o:
        o["margins"] = tuple(o["margins"])
    return Style(**o)


def faults_line(items) -> str:
    return "; ".join(f"[{i['category']}] {i['note']}" + (" (optional)" if i.get("optional") else "") for i in items)


def load(folder: Path) -> list[Sample]:
    folder = Path(folder)
    name = folder.name
    src = folder / "report.md"
    try:
        front, blocks = parse(src.read_text(encoding="utf-8"), str(src))
    except MarkupError as e:
        raise SampleError(str(e)) from None
    if set(front) - FRONT_KEYS:
        raise SampleError(f"{src}: unknown front-matter key(s) {sorted(set(front) - FRONT_KEYS)}")
    if "description" not in front:
        raise SampleError(f"{src}: front matter needs description = \"...\"")
    clean = front.get("clean", True)
    renderers = front.get("renderers", ["docx", "pdf"])
    if set(renderers) - RENDERERS:
        raise SampleError(f"{src}: renderers must be among {sorted(RENDERERS)}")
    style = _style(front.get("style", {}), src)
    expected = []
    if (folder / "expected.toml").exists():
        expected = _items(_toml(folder / "expected.toml").get("expect", []), folder / "expected.toml")
    if clean and expected:
        raise SampleError(f"{folder}: expected.toml lists faults but report.md says clean = true")
    key = {
        "file_stem": name,
        "clean": clean,
        "base": None,
        "kind": "clean" if clean else "real",
        "note": front.get("note", front["description"]),
        "expected": expected,
    }
    out = []
    pdf = "pdf" in renderers
    if "docx" in renderers:
        out.append(Sample(name, blocks, key, front["description"], style=style, pdf=pdf))
    if "html-pdf" in renderers:
        twin = name + "-chrome" if out else name
        extra = front.get("chrome", {})
        out.append(
            Sample(
                twin,
                blocks,
                dict(key, file_stem=twin, note=extra.get("note", key["note"])),
                extra.get("description", front["description"]),
                producer="chrome",
                style=style,
            )
        )
    ft = folder / "faults.toml"
    if ft.exists():
        out.append(_mutant(folder, name, blocks, _toml(ft), style, pdf))
    elif (folder / "faults.md").exists():
        raise SampleError(f"{folder}: faults.md needs a faults.toml beside it with the [[expect]] items")
    return out


def _mutant(folder, name, blocks, spec, style, pdf) -> Sample:
    ft = folder / "faults.toml"
    if set(spec) - FAULT_KEYS:
        raise SampleError(f"{ft}: unknown key(s) {sorted(set(spec) - FAULT_KEYS)}")
    items = _items(spec.get("expect", []), ft)
    if not items:
        raise SampleError(f"{ft}: a mutant needs at least one [[expect]] item")
    edits = spec.get("edit", [])
    full = folder / "faults.md"
    try:
        if full.exists():
            if edits:
                raise SampleError(f"{folder}: give either [[edit]]s or faults.md, not both")
            _, mblocks = parse(full.read_text(encoding="utf-8"), str(full))
        else:
            mblocks = apply_edits(blocks, edits, str(ft))
    except ValueError as e:
        raise SampleError(str(e)) from None
    mname = f"{name}-faults"
    key = {
        "file_stem": mname,
        "clean": False,
        "base": name,
        "kind": "mutant",
        "note": spec.get("note", f"由 {name} 经 {len(edits)} 处编辑生成"),
        "expected": items,
    }
    readme = spec.get("description", f"mutant of {name}; faults: {faults_line(items)}")
    return Sample(mname, mblocks, key, readme, style=style, pdf=pdf)


def load_all(root: Path) -> list[Sample]:
    folders = sorted(Path(root).iterdir()) if Path(root).is_dir() else []
    return [s for d in folders if (d / "report.md").exists() for s in load(d)]


def write_key(s: Sample, outdir: Path):
    (outdir / f"{s.name}.expected.json").write_text(
        json.dumps(s.key, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


README_HEAD = """\
# pecheck sample corpus

Rebuilt by `python samples/build.py` from the folders in `reports/` (one per report; format:
[kit/FORMAT.md](kit/FORMAT.md)): `report.md` is the document as blocks, written as DOCX by
python-docx and rendered to PDF by LibreOffice headless (the `-chrome` twin is HTML printed by
headless Chromium).  `fonts.conf` maps the Chinese office fonts onto Noto CJK SC.  Each document
has an answer key `<name>.expected.json`.  Mutants (`*-faults`) are their clean base with the
edits of `reports/<name>/faults.toml` applied; every planted fault is listed below.
"""


def write_readme(samples, outdir: Path):
    lines = [README_HEAD] + [f"- **{s.name}** — {s.readme}" for s in samples] + [""]
    (outdir / "README.md").write_text("\n".join(lines), encoding="utf-8")
