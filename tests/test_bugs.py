"""Bugs found while restructuring (issue 11), each pinned by a test that failed before its fix."""

from __future__ import annotations

import inspect

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from checker.check.registry import Rule
from checker.cli import main


def test_annotate_to_an_unwritable_path_is_one_line_not_a_traceback(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    out = blocker / "marked.pdf"  # a folder that is a file: the write fails with an OSError
    r = CliRunner().invoke(main, [str(SAMPLES / "xiangxi-2022.pdf"), "--annotate", str(out), "-q"])
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert r.exit_code == 2
    err = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(err) == 1 and "批注" in err[0] and "Traceback" not in r.stderr


class _Probe(Rule):
    code, name, category, title, explain, fail_example, pass_example = "PC000", "probe", "text", "", "", "", ""


def test_a_finding_gets_its_category_when_it_is_made():
    f = _Probe().finding("m", category="mismatch", severity="error")
    assert (f.category, f.severity) == ("mismatch", "error")
    assert _Probe().finding("m").category == "text"
    with pytest.raises(ValueError):
        _Probe().finding("m", category="no-such-category")


def test_pc701_does_not_rewrite_a_finding_after_creating_it():
    from checker.check.text import RepeatedPassage

    src = inspect.getsource(RepeatedPassage)
    assert ".category =" not in src and ".severity =" not in src


def test_one_default_time_limit():
    from checker import batch, runner
    from checker.pipeline import DEFAULT_TIMEOUT

    opt = next(p for p in main.commands["check"].params if p.name == "timeout")
    assert opt.default == DEFAULT_TIMEOUT
    assert inspect.signature(runner.run).parameters["timeout"].default == DEFAULT_TIMEOUT
    assert inspect.signature(batch.run_batch).parameters["timeout"].default == DEFAULT_TIMEOUT
