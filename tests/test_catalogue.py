"""`pecheck rules` without the rules: the checked-in catalogue equals the live registry, and the plain
table prints what rich prints, byte for byte, at every width it handles (rich prints the rest)."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT
from rich.console import Console

from checker import catalogue
from checker.check.registry import all_rules
from checker.cli import main
from checker.report.console import print_rules
from checker.report.ruletable import divide, render

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_catalogue_equals_the_registry():
    live = catalogue.build()
    assert [e.code for e in live] == [r.code for r in all_rules()]
    # after changing a rule's code, name, category, severity or title: python -m checker.catalogue --write
    assert catalogue.listing() == live, "checker/catalogue.json is stale: run python -m checker.catalogue --write"
    assert catalogue.PATH.read_text(encoding="utf-8") == catalogue.dumps(live)


def test_catalogue_check_command_sees_a_stale_file(tmp_path, monkeypatch):
    stale = tmp_path / "catalogue.json"
    entries = catalogue.build()
    entries[0] = entries[0]._replace(title="旧的说明")
    stale.write_text(catalogue.dumps(entries), encoding="utf-8")
    monkeypatch.setattr(catalogue, "PATH", stale)
    assert catalogue.main(["--check"]) == 1
    assert catalogue.main(["--write"]) == 0 and catalogue.main(["--check"]) == 0
    assert catalogue.listing() == catalogue.build()


def _rich(rules, width: int, styled: bool) -> str:
    buf = io.StringIO()
    print_rules(rules, Console(file=buf, width=width, force_terminal=styled, color_system="standard" if styled else None))
    return buf.getvalue()


def _groups():
    rules = catalogue.listing()
    yield "all", rules
    for cat in sorted({r.category for r in rules}):
        yield cat, [r for r in rules if r.category == cat]


def _same_as_rich(rules, widths) -> int:
    handled = 0
    for width in widths:
        mine = render(rules, width)
        if mine is None:  # too narrow for this layout: rich prints it (test_rules_command_…)
            assert width < 80
            continue
        handled += 1
        assert mine == _rich(rules, width, False), width
        # on a terminal: the same text, the header bold and the title italic, as rich styles them
        styled = render(rules, width, styled=True)
        assert _ANSI.sub("", styled) == mine
        assert styled.startswith("\x1b[3m") and _rich(rules, width, True).startswith("\x1b[3m")
        header = styled.splitlines()[2]
        assert header.count("\x1b[1m") == 5 and "\x1b[1m代码" in header
    return handled


@pytest.mark.parametrize("name,rules", list(_groups()))
def test_plain_table_is_what_rich_prints(name, rules):
    assert _same_as_rich(rules, (20, 40, 61, 62, 63, 64, 70, 80, 81, 100, 120, 121, 200)) >= 8


@pytest.mark.slow
@pytest.mark.parametrize("name,rules", list(_groups()))
def test_plain_table_is_what_rich_prints_at_every_width(name, rules):
    assert _same_as_rich(rules, range(10, 261)) > 180


def test_divide_folds_like_rich():
    from rich.text import Text

    samples = ["资金来源（中央/省/州市/县/自筹/其他）之和应等于计划投资额和实际到位资金",
               "ab cd  efghijklmnop q", "  lead and trail  ", "全部分值（含资金执行率分值）之和应为 100",
               "x" * 30 + " 短", "中" * 7 + "a b"]
    for text in samples:
        for width in range(2, 40):
            ref = [line.plain for line in Text(text).wrap(Console(width=200), width, overflow="fold")]
            got = divide(text, width)
            assert [g.rstrip() for g in got] == [r.rstrip() for r in ref], (text, width)


def test_rules_command_prints_the_listing_and_falls_back_when_narrow():
    wide = CliRunner().invoke(main, ["rules"], env={"COLUMNS": "120"})
    assert wide.exit_code == 0
    assert wide.output == _rich(catalogue.listing(), 120, False)
    narrow = CliRunner().invoke(main, ["rules"], env={"COLUMNS": "40"})  # rich's own layout
    assert narrow.exit_code == 0
    assert narrow.output == _rich(catalogue.listing(), 40, False)
    group = CliRunner().invoke(main, ["rule", "sum"], env={"COLUMNS": "100"})
    assert group.exit_code == 0
    assert group.output == _rich([e for e in catalogue.listing() if e.category == "sum"], 100, False)


def test_rules_on_a_terminal_is_styled():
    # FORCE_COLOR makes both rich and the plain table treat stdout as a terminal
    env = {"COLUMNS": "100", "FORCE_COLOR": "1", "PYTHONPATH": str(ROOT), "PATH": ""}
    p = subprocess.run([sys.executable, "-m", "checker.cli", "rules"], cwd=ROOT, capture_output=True, text=True,
                       env=env, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("\x1b[3m")
    assert _ANSI.sub("", p.stdout) == _rich(catalogue.listing(), 100, False)
