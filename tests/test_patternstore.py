"""Compiled patterns kept between runs (checker/understand/patternstore.py): a later process builds a
pattern from what an earlier one stored instead of compiling it, the pattern answers as the compiled
one does, and a missing, damaged, foreign or unwritable store only costs the time it would save."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import zlib

import pytest
import regex
from conftest import PATTERN_METHODS, SAMPLES, cli_probe, load_sample, pattern_call

from checker import runstore
from checker.understand import lazyre, patternstore


def _checker_sources() -> list[tuple[str, int]]:
    from checker.understand import gates

    gates.build()  # imports every module that makes patterns and builds those made from rules/
    out = []
    for source, flags in lazyre.sources():
        out.append((source() if callable(source) else source, int(flags)))
    return sorted(set(out))


def _texts() -> list[str]:
    texts: set[str] = set()
    for name in ("xiangxi-2022.docx", "culture-2022-faults.docx", "hainan-aid-2016.docx"):
        doc = load_sample(name)
        for text, raw, *_place in doc.text_places():
            texts.update((text, raw))
    return sorted(texts)


def _write_raw(file, table) -> None:
    body = marshal.dumps(table)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(runstore._MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)


# ------------------------------------------------------------------------------------- across runs
def test_a_second_run_compiles_no_pattern_from_its_source(tmp_path, store):
    docx = str(SAMPLES / "xiangxi-2022.docx")
    first = cli_probe(tmp_path, docx, "--format", "json")
    assert first["parsed"] == first["compiled"] > 50, first["parsed"]
    assert patternstore.STORE.path().is_file()
    again = cli_probe(tmp_path, docx, "--format", "json")
    assert again["parsed"] == 0 and again["compiled"] == first["compiled"]


def test_the_same_findings_come_from_stored_patterns(tmp_path, store, monkeypatch):
    def findings() -> str:
        p = subprocess.run([sys.executable, "-m", "checker.cli", "check", "--format", "json",
                            str(SAMPLES / "culture-2022-faults.docx")], capture_output=True, text=True, timeout=120)
        return json.dumps(json.loads(p.stdout)["reports"][0]["findings"], sort_keys=True, ensure_ascii=False)

    monkeypatch.setenv("PECHECK_CACHE_DIR", "")
    plain = findings()
    monkeypatch.setenv("PECHECK_CACHE_DIR", str(store))
    assert findings() == plain  # this run compiles and stores
    assert patternstore.STORE.path().is_file()
    assert findings() == plain  # this one builds every pattern from the store


def test_every_checker_pattern_built_from_the_store_answers_as_compiled():
    texts = _texts()
    for source, flags in _checker_sources():
        rx = regex.compile(source, flags)
        args = patternstore._reduce(rx)[1]
        back = patternstore._engine()(*marshal.loads(marshal.dumps(args)))
        assert (back.pattern, back.flags, back.groupindex) == (rx.pattern, rx.flags, rx.groupindex)
        for text in texts:
            for method in ("search", "sub"):
                assert pattern_call(back, method, text) == pattern_call(rx, method, text), (source, text[:60])


def test_a_stored_pattern_answers_every_method_as_compiled(store):
    source = r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>万元|元)|\p{Han}{2}"
    patternstore.put(source, 0, regex.compile(source))
    patternstore.STORE.save()
    patternstore.STORE.reset()
    back = patternstore.get(source, 0)
    assert back is not None
    for text in ("预算1,856.00万元，支出12元", "", "无", "甲乙丙丁"):
        for method in PATTERN_METHODS:
            assert pattern_call(back, method, text) == pattern_call(regex.compile(source), method, text)


# ------------------------------------------------------------------------------- what is not used
def test_nothing_is_stored_while_the_store_is_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("PECHECK_CACHE_DIR", "")
    patternstore.STORE.reset()
    assert patternstore.STORE.path() is None
    patternstore.put("甲+", 0, regex.compile("甲+"))
    patternstore.STORE.save()
    assert patternstore.get("甲+", 0) is None and not patternstore.STORE._added


def test_the_user_cache_directory_is_the_default(monkeypatch, tmp_path):
    monkeypatch.delenv("PECHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert patternstore.STORE.path() == tmp_path / "pecheck" / f"patterns-{regex.__version__}.bin"


def test_a_file_of_another_regex_version_is_not_read(store, monkeypatch):
    patternstore.put("乙+", 0, regex.compile("乙+"))
    patternstore.STORE.save()
    patternstore.STORE.reset()
    monkeypatch.setattr(regex, "__version__", "1999.1.1")
    assert patternstore.get("乙+", 0) is None


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "not a dict", "too many"])
def test_a_damaged_file_is_ignored_then_replaced(store, damage):
    source = r"\d+号"
    patternstore.put(source, 0, regex.compile(source))
    patternstore.STORE.save()
    file = patternstore.STORE.path()
    data = file.read_bytes()
    if damage == "garbage":
        file.write_bytes(os.urandom(64))
    elif damage == "truncated":
        file.write_bytes(data[:-7])
    elif damage == "flipped":
        file.write_bytes(data[:-3] + bytes([data[-3] ^ 0x10]) + data[-2:])
    elif damage == "not a dict":
        _write_raw(file, [1, 2, 3])
    else:
        _write_raw(file, {(str(i), 0): () for i in range(runstore._MAX_ENTRIES + 1)})
    patternstore.STORE.reset()
    assert patternstore.get(source, 0) is None  # compiled as without a store
    patternstore.put(source, 0, regex.compile(source))
    patternstore.STORE.save()
    patternstore.STORE.reset()
    assert patternstore.get(source, 0).search("第12号").group() == "12号"


def test_an_entry_for_another_source_or_of_another_shape_is_refused(store):
    rx = regex.compile(r"丙\d")
    _write_raw(patternstore.STORE.path(), {
        (r"丁\d", 0): patternstore._reduce(rx)[1],  # the key says one source, the pattern is another
        ("戊", 0): ("戊",),  # too few arguments: the constructor refuses them
        ("己", 0): "己",  # not the constructor's arguments at all
    })
    patternstore.STORE.reset()
    assert patternstore.get(r"丁\d", 0) is None
    assert patternstore.get("戊", 0) is None and patternstore.get("己", 0) is None


def test_an_unwritable_store_is_silent(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("PECHECK_CACHE_DIR", str(blocker / "below"))  # a directory cannot be made there
    patternstore.STORE.reset()
    patternstore.put("庚+", 0, regex.compile("庚+"))
    patternstore.STORE.save()
    assert not (blocker / "below").exists()
    patternstore.STORE.reset()


def test_two_processes_storing_keep_each_others_patterns(store):
    patternstore.put("辛+", 0, regex.compile("辛+"))
    patternstore.STORE.save()
    patternstore.STORE.reset()  # another process, which read the file before the first one wrote it
    patternstore.STORE._stored = {}
    patternstore.put("壬+", 0, regex.compile("壬+"))
    patternstore.STORE.save()
    patternstore.STORE.reset()
    assert patternstore.get("辛+", 0) is not None and patternstore.get("壬+", 0) is not None


def test_a_pattern_made_lazily_is_stored_then_loaded(store):
    p = lazyre.LazyPattern(r"(?P<k>癸)\d+")
    lazyre._ALL.pop()  # a test's own pattern: not one of the checker's
    before = lazyre.parsed_count()
    assert p.search("癸12").group("k") == "癸" and lazyre.parsed_count() == before + 1
    patternstore.STORE.save()
    patternstore.STORE.reset()
    q = lazyre.LazyPattern(r"(?P<k>癸)\d+")
    lazyre._ALL.pop()
    assert q.search("癸34").span() == (0, 3) and lazyre.parsed_count() == before + 1
