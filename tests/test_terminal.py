"""checker/report/terminal.py writes what rich wrote for a check's console output, byte for byte.

The reference is the old path, kept only here: the same layout (console.py) printed through rich's
Console, Text and rule exactly as console.py called them before, with the old per-character
tokenizer of `atoms`. Both render the results of checking the samples (and results made to reach
every branch: OCR, notes, a failed file, a baseline, a previous round, several files, tabs and
control codes, long and wide titles) at several widths, plain and in colour, and must be equal.
The cell widths and the terminal width are compared with rich's too.
"""

from __future__ import annotations

import dataclasses
import io
import re
import sys
from pathlib import Path
from unittest import mock

import pytest
from conftest import SAMPLES, check_sample
from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len as rich_cell_len
from rich.console import Console
from rich.text import Text

from checker.check.registry import Finding
from checker.model import Loc
from checker.pipeline import Result
from checker.report import cells, console, terminal
from checker.report.terminal import Terminal

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (40, 80, 100, 120, 200)
FEW = ["xiangxi-2022.docx", "edu-nutrition-2023-faults.docx", "transfer-2023-faults.docx",
       "dept-overall-2023-faults.docx", "culture-2022-faults.docx"]


class RichWriter(Terminal):
    """The old path: each call as console.py made it on a rich Console."""

    def __init__(self, con: Console):
        super().__init__(con.width)
        self.con = con

    def line(self, pieces):
        t = Text()
        for text, style in pieces:
            t.append(text, style=style or None)
        self.con.print(t, soft_wrap=True, no_wrap=True, overflow="ignore", highlight=False)

    def print(self, text, style=None, soft_wrap=False):
        if soft_wrap:
            self.con.print(Text(text, style=style or ""), soft_wrap=True)
        else:
            self.con.print(Text(text, style=style or ""))

    def rule(self, title="", style="bold"):
        if title:
            self.con.rule(Text(title, style=style))
        else:
            self.con.rule()


_GLUE = re.compile(rf"{console.FIGURE}|[A-Za-z0-9_./\\:@#-]+")


def _atom(pieces, space):
    return pieces, space, sum(rich_cell_len(t) for t, _ in pieces)


def old_atoms(segments, keep: bool = False):
    """console.atoms before the one-regex tokenizer (a match tried at every character), measuring
    with rich.cells."""
    out, opened, space = [], [], 0
    for text, style in segments:
        text = " ".join(str(text).split()) if "\n" in str(text) else str(text)
        if keep:
            if text.strip():
                out.append(_atom([(text.strip(), style)], len(text) - len(text.lstrip()) if out else 0))
            continue
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch.isspace():
                space = min(space + 1, 2)
                i += 1
                continue
            m = _GLUE.match(text, i)
            tok = m.group() if m and m.end() > i else ch
            i += len(tok)
            if tok in console.OPENING:
                opened.append((tok, style))
                continue
            if tok[0] in console.CLOSING and out and not opened:
                out[-1] = (out[-1][0] + [(tok, style)], out[-1][1], out[-1][2] + rich_cell_len(tok))
                space = 0
                continue
            out.append(_atom([*opened, (tok, style)], space))
            opened, space = [], 0
    if opened:
        out.append(_atom(opened, space))
    return out


def rich_render(results, width, color, elapsed=None) -> str:
    """The old render_console, with the terminal's width as rich measured it."""
    buf = io.StringIO()
    if width is None:
        width = Console().width
    con = Console(file=buf, width=width, force_terminal=color, no_color=not color, highlight=False,
                  color_system="standard" if color else None)
    with mock.patch.object(console, "atoms", old_atoms):
        console.print_results(results, RichWriter(con), elapsed)
    return buf.getvalue()


def _first_difference(a: str, b: str) -> str:
    for k, (x, y) in enumerate(zip(a.splitlines(), b.splitlines())):
        if x != y:
            return f"line {k}:\nrich {x!r}\nours {y!r}"
    return f"lengths {len(a)} and {len(b)}"


def assert_same(results, widths=WIDTHS, colors=(False, True), elapsed=None):
    for width in widths:
        for color in colors:
            want = rich_render(results, width, color, elapsed)
            got = console.render_console(results, width=width, color=color, elapsed=elapsed)
            assert got == want, (width, color, _first_difference(want, got))


def _odd_results(base: Result) -> list[Result]:
    """Results that reach what the samples do not: OCR, notes, errors, baselines, a previous round,
    tabs and control codes, titles longer than the line and made of wide characters."""
    odd = Finding(rule="PC301", category="rate", severity="error",
                  message="制表\t符与控制\x07字符\r：执行率低于\t90%，“引文（未闭合", expected="97.07%",
                  found="97.70%", difference="0.63%", hint="提示\t文字" + "很长" * 40,
                  locations=[Loc(page=2, paragraph=3, text="引文\t含制表符" + "长" * 90, ocr=True),
                             Loc(page=None, text="")])
    long_name = "/很长的目录/" * 12 + "报告\t名称\x08.docx"
    return [
        dataclasses.replace(base, ocr=True, ocr_confidence=0.8712, notes=["已由 LibreOffice\t转换", "无页面图像"],
                            suppressed=3, previous={"file": "旧版.docx", "fixed": 2, "still_open": 1, "new": 4},
                            findings=[*base.findings, odd]),
        dataclasses.replace(base, file=long_name, ocr=True, ocr_confidence=None, findings=[odd]),
        Result(file="坏文件.pdf", format="pdf", error="无法读取：文件已损坏（not a PDF）"),
        Result(file="", format="docx", findings=[odd], summary={"project": "项目\t名称", "budget": "12.5"}),
        dataclasses.replace(base, file="中" * 70 + "a"),
    ]


def test_every_call_of_a_sample_check_prints_what_rich_printed():
    results = [check_sample(name) for name in FEW]
    for res in results:
        assert_same([res])


def test_files_errors_ocr_tabs_and_long_titles_print_what_rich_printed():
    base = check_sample(FEW[1])
    odd = _odd_results(base)
    for res in odd:
        assert_same([res], widths=(1, 2, 3, 5, 7, 12, 40, 41, 81, 200))
    assert_same([base, *odd], widths=(40, 79, 80, 120), elapsed=3.25)  # several files: a plain rule, the footer


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.docx")))
def test_every_sample_prints_what_rich_printed(name):
    assert_same([check_sample(name)])


ENVS = [{}, {"TERM": "dumb"}, {"TERM": "unknown", "LINES": "30"}, {"NO_COLOR": "1"}, {"FORCE_COLOR": "1"},
        {"FORCE_COLOR": "1", "TERM": "dumb"}, {"FORCE_COLOR": ""}, {"TTY_COMPATIBLE": "1", "TERM": "dumb"},
        {"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1", "TERM": "dumb"}, {"COLUMNS": "57"},
        {"COLUMNS": "57", "LINES": "20"}, {"COLUMNS": "0"}, {"COLUMNS": "x"}, {"LINES": "40"},
        {"COLUMNS": "91", "TERM": "dumb", "FORCE_COLOR": "1"}]


class _Tty(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("env", ENVS, ids=lambda e: ",".join(f"{k}={v}" for k, v in e.items()) or "none")
@pytest.mark.parametrize("tty", [False, True])
def test_width_and_colour_switches_follow_rich(monkeypatch, env, tty):
    for name in ("COLUMNS", "LINES", "TERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "UNICODE_VERSION"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "stdout", _Tty() if tty else io.StringIO())
    assert terminal.terminal_width() == Console().width
    for width in (40, 120):
        for color in (False, True):
            assert terminal.layout_width(width, color) == Console(file=io.StringIO(), width=width,
                                                                   force_terminal=color).width
    res = Result(file="a.docx", format="docx", pages=1, summary={"project": "项目"})
    for color in (False, True):
        assert console.render_console([res], color=color) == rich_render([res], None, color)
    # printing straight to standard output, rich's Console() decides colour (NO_COLOR, FORCE_COLOR…)
    base = check_sample(FEW[1])
    buf = _Tty() if tty else io.StringIO()
    monkeypatch.setattr(sys, "stdout", buf)
    console.print_results([base])
    ours = buf.getvalue()
    buf = _Tty() if tty else io.StringIO()
    monkeypatch.setattr(sys, "stdout", buf)
    with mock.patch.object(console, "atoms", old_atoms):
        console.print_results([base], RichWriter(Console(highlight=False)))
    assert ours == buf.getvalue()


def test_a_rich_console_given_to_print_results_is_followed():
    base = check_sample(FEW[2])
    for kw in ({"color_system": None}, {"color_system": "standard", "force_terminal": True},
               {"color_system": "truecolor", "force_terminal": True},
               {"color_system": "256", "force_terminal": True, "no_color": True}):
        ours, theirs = io.StringIO(), io.StringIO()
        console.print_results([base], Console(file=ours, width=90, **kw))
        with mock.patch.object(console, "atoms", old_atoms):
            console.print_results([base], RichWriter(Console(file=theirs, width=90, highlight=False, **kw)))
        assert ours.getvalue() == theirs.getvalue(), kw


def test_sgr_codes_are_rich_codes_in_every_colour_system():
    from rich.color import ColorSystem

    con = Console()
    for style, codes in terminal.SGR.items():
        for system in (ColorSystem.STANDARD, ColorSystem.EIGHT_BIT, ColorSystem.TRUECOLOR):
            got = con.get_style(style)
            assert got.render("x", color_system=system) == f"\x1b[{codes}mx\x1b[0m", (style, system)
            plain = terminal.SGR_NO_COLOR[style]
            assert got.without_color.render("x", color_system=system) == (f"\x1b[{plain}mx\x1b[0m" if plain else "x")


def test_rule_like_rich_at_every_width():
    titles = ["", "a", "ab", "报告.docx", "samples/xiangxi-2022.docx", "中" * 30, "a" + "中" * 30, "x\ty\tz",
              "控\x07制\n换行", "\t", " ", "e\u0301\u0301" * 20]
    for title in titles:
        for width in range(0, 90):
            for color in (False, True):
                buf = io.StringIO()
                con = Console(file=buf, width=width, force_terminal=color, no_color=not color,
                              color_system="standard" if color else None)
                con.rule(Text(title, style="bold")) if title else con.rule()
                ours = Terminal(width, color)
                ours.rule(title)
                assert ours.getvalue() == buf.getvalue(), (title, width, color)


def test_wrapped_prints_like_rich():
    texts = ["\n错误（3）", "扫描件：文字经 OCR 识别，平均置信度 0.87；标 ※ 的引文可能有误读",
             "word  words   wordswordswordswordswordswords x", "  leading and trailing  ", "tab\there\t\tend\t",
             "中\t文\t" * 5, "a\n\nb\n", "e\u0301" * 30 + " 中" * 10, "", "\n", "x" * 50 + "中" * 20, "　全角　空格　" * 6]
    for text in texts:
        for width in range(1, 60):
            for color, style in ((False, None), (True, "magenta"), (True, None)):
                for soft in (False, True):
                    buf = io.StringIO()
                    con = Console(file=buf, width=width, force_terminal=color, no_color=not color,
                                  color_system="standard" if color else None)
                    con.print(Text(text, style=style or ""), soft_wrap=soft)
                    ours = Terminal(width, color)
                    ours.print(text, style, soft_wrap=soft)
                    assert ours.getvalue() == buf.getvalue(), (text, width, color, soft)


def test_cell_widths_are_richs_for_every_character():
    from rich.cells import get_character_cell_size, load_cell_table

    from checker.report import celltable

    table = load_cell_table("latest")
    # stale table: run `python tools/make_celltable.py` after upgrading rich
    assert celltable.UNICODE_VERSION == table.unicode_version
    assert list(zip(celltable.STARTS, celltable.ENDS, celltable.WIDTHS)) == list(table.widths)
    for cp in range(0, 0x110000):
        ch = chr(cp)
        if cells.char_width(ch) != get_character_cell_size(ch, "latest"):
            raise AssertionError(hex(cp))
    for a, b in cells.SINGLE_RANGES:  # rich's fast path (length is width) agrees with the table
        assert all(cells.char_width(chr(cp)) == 1 for cp in range(a, b + 1))


def test_cell_functions_are_richs():
    import rich.cells as rc

    texts = ["", "abc", "中文abc", "e\u0301x", "\u0301a", "─" * 5, "a\tb", "👍🏽", "👨\u200d👩", "❤\ufe0f", "é中" * 7,
             "\x00\x07中"]
    for text in texts:
        assert cells.cell_len(text) == rc.cell_len(text), text
        for n in range(-3, 16):
            assert cells.set_cell_size(text, n) == rc.set_cell_size(text, n), (text, n)
        for n in range(1, 12):
            assert cells.chop_cells(text, n) == rc.chop_cells(text, n), (text, n)


def test_the_golden_console_files_still_come_from_a_rich_console():
    # tests/test_golden.py hands print_results a rich Console; the writer follows its width and file
    buf = io.StringIO()
    res = check_sample(FEW[0])
    console.print_results([res], Console(file=buf, width=120, force_terminal=False, color_system=None))
    assert buf.getvalue() == rich_render([res], 120, False)


def _shape(items):
    return [tuple(a) for a in items]


_PIECES = [*"低高超不达大小少多约应实差≥≤<>＜＞≠=＝第表段-+−09１٣.,%％万aZ_/\\:@# \t\n　中的（）()《》【】“”‘’，。、；：！？…!?;:[]",
           "低于", "高于", "超过", "不足", "不到", "达到", "大于", "小于", "少于", "多于", "约", "应为", "实为", "差额",
           "段落", "90", "0.78", "1,234.5", "万元", "人次", "公顷", "报告", "path/to.docx"]


@given(st.lists(st.tuples(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
                          st.sampled_from(["", "dim", "red"])), max_size=3), st.booleans())
@example([("执行率低于 90%，高于−3.5万元（第2页表3）；达到100人次、约 5 公顷 path/to.docx.", "")], False)
def test_atoms_cut_text_as_the_old_tokenizer_did(segments, keep):
    for piece in _PIECES:  # every word that may begin a whole run, after a character that may not
        assert _shape(console.atoms([(f"中{piece}9万元", "")])) == _shape(old_atoms([(f"中{piece}9万元", "")]))
    assert _shape(console.atoms(segments, keep)) == _shape(old_atoms(segments, keep))
