"""The shape of the code: no import cycles among checker modules, no module importing another
module's private names, rule modules that read only the registry, their options and understand/."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "checker"
# Modules in check/ that are not rule modules.
CHECK_INFRA = {"checker.check", "checker.check.registry", "checker.check.options", "checker.check.tolerance"}
RULE_MAY_IMPORT = ("checker.check.registry", "checker.check.options", "checker.understand")


def _modname(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_modname(p): p for p in PKG.rglob("*.py")}


def _resolve(mod: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = mod.split(".")
    if not _modules()[mod].name == "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(mod: str, path: Path, known: set[str]):
    """(imported checker module, private names taken from it, line) for every import, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("checker"):
                    if a.asname:
                        aliases[a.asname] = a.name
                    yield a.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(mod, node)
            if not target.startswith("checker"):
                continue
            for a in node.names:
                sub = f"{target}.{a.name}"
                if sub in known:  # `from checker.check import tolerance`: a module, not a name
                    aliases[a.asname or a.name] = sub
                    yield sub, [], node.lineno
                else:
                    private = [a.name] if a.name.startswith("_") and not a.name.startswith("__") else []
                    yield target, private, node.lineno
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases \
                and node.attr.startswith("_") and not node.attr.startswith("__"):
            yield aliases[node.value.id], [node.attr], node.lineno


def _graph():
    mods = _modules()
    known = set(mods)
    edges: dict[str, set[str]] = {m: set() for m in mods}
    private: list[str] = []
    for mod, path in mods.items():
        for target, names, line in _imports(mod, path, known):
            if target not in known or target == mod:
                continue
            edges[mod].add(target)
            for n in names:
                private.append(f"{path.relative_to(ROOT)}:{line} takes {target}.{n}")
    return edges, private


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles_among_checker_modules():
    edges, _ = _graph()
    assert _cycles(edges) == []


def test_no_module_imports_another_modules_private_names():
    _, private = _graph()
    assert private == []


def test_rule_modules_import_only_registry_options_and_understand():
    edges, _ = _graph()
    bad = []
    for mod, targets in edges.items():
        if not mod.startswith("checker.check.") or mod in CHECK_INFRA:
            continue
        bad += [f"{mod} imports {t}" for t in sorted(targets)
                if not any(t == ok or t.startswith(ok + ".") for ok in RULE_MAY_IMPORT)]
    assert bad == []


def test_the_walker_sees_cycles_and_private_imports():
    # the checks above must be able to fail
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]
    src = ROOT / "checker" / "check" / "scoring.py"
    got = list(_imports("checker.check.scoring", src, set(_modules())))
    assert any(t == "checker.check.registry" for t, _, _ in got)


def test_no_tracked_file_is_ignored():
    """.gitignore must not list files the repository tracks (rules/ once was)."""
    try:
        out = subprocess.run(["git", "ls-files", "-ci", "--exclude-standard"], cwd=ROOT, capture_output=True,
                             text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        pytest.skip("git not available")
    if out.returncode != 0:
        pytest.skip("not a git checkout")
    assert out.stdout.split() == []
