"""The stores kept between runs (checker/runstore.py): parsed data files. Compiled patterns, and what a
damaged or unwritable store does, are tested in test_patternstore.py."""

from __future__ import annotations

import sys
import tomllib

import pytest
from conftest import SAMPLES, cli_probe

from checker import runstore

TEXT = '''
title = "绩效自评"
[grades]
"优" = [90, 100]
[[band]]
lo = 80.5
words = ["良", "良好"]
'''


def test_a_parsed_text_is_stored_then_given_back_equal_and_fresh(store):
    first = runstore.parsed_toml(TEXT)
    assert first == tomllib.loads(TEXT)
    runstore._TOML.save()
    runstore._TOML.reset()
    again = runstore.parsed_toml(TEXT)
    assert again == first and runstore._TOML._stored  # it came from the file
    again["grades"]["优"].append(0)  # a caller changing what it got changes nothing stored
    assert runstore.parsed_toml(TEXT) == first


def test_a_text_with_dates_is_parsed_every_time_and_not_stored(store):
    text = 'when = 2023-12-31\nat = 08:00:00\n'
    assert runstore.parsed_toml(text) == tomllib.loads(text)
    runstore._TOML.save()
    assert not runstore._TOML.path().exists()


def test_a_text_that_does_not_parse_raises_as_tomllib_does(store):
    with pytest.raises(tomllib.TOMLDecodeError):
        runstore.parsed_toml("a = [1,")
    assert not runstore._TOML._added


def test_nothing_is_stored_while_the_stores_are_turned_off(monkeypatch):
    monkeypatch.setenv("PECHECK_CACHE_DIR", " ")
    runstore._TOML.reset()
    assert runstore.parsed_toml(TEXT) == tomllib.loads(TEXT)
    assert not runstore._TOML._added and runstore.directory() is None


def test_a_later_check_parses_no_data_file(tmp_path, store):
    docx = str(SAMPLES / "xiangxi-2022.docx")
    first = cli_probe(tmp_path, docx, "--format", "json")
    assert "tomllib" in first["modules"]
    again = cli_probe(tmp_path, docx, "--format", "json")
    assert "tomllib" not in again["modules"] and "pickle" not in again["modules"], sys.version
