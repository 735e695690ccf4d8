"""The console renderer: findings grouped by severity, laid out for a terminal of any width.

Rich wraps Chinese text at any character, which splits a figure from its unit (`0⏎.78万元`) or a
comparison from its figure (`低于 ⏎90%`).  So the lines are laid out here: text is cut into atoms
that must stay whole (a number with its unit and the word before it, a Latin word, a label), closing
punctuation sticks to what precedes it and opening punctuation to what follows, and wrapped lines
hang under the first line's text. The lines are written by checker/report/terminal.py, which does
what rich's Console did for them, byte for byte, without importing rich (its import and rendering
were 257 M of the 1,396 M instructions of a DOCX check printed here, bench/bench_ir.py).
"""

from __future__ import annotations

import sys

import regex

from checker.report.cells import cell_len, char_cells
from checker.report.labels import (
    CAT_ZH,
    OCR_MARK,
    SEV_ZH,
    SEVERITY_ORDER,
    SUMMARY_FIELDS,
    category_text,
    fix_text,
    ocr_mark,
    quote,
    rule_pointer,
    unique_locations,
    verdict,
    where,
)
from checker.report.terminal import Terminal, layout_width, terminal_width
from checker.understand.lazyre import lazy

SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

# words that belong to the figure after them: a comparison, or the label of a value
_LEAD = r"(?:低于|高于|超过|不足|不到|达到|大于|小于|少于|多于|约|应为|实为|差额|[≥≤<>＜＞≠=＝])"
_UNIT = (r"(?:万元|亿元|千元|元|万人次|人次|万人|万|%|％|‰|分|个|项|次|人|户|所|名|台|套|株|亩|公顷|公里|千米|米|吨"
         r"|天|年|月|日|页|行|列|家|座|处|件|册|场|条)")
FIGURE = rf"(?:{_LEAD}\s?)?[-+−]?(?:第|表|段落)?\d[\d,]*(?:\.\d+)?(?:\s?{_UNIT})?"
# Characters where a run that stays whole can begin: a comparison or label word of _LEAD, a sign,
# 第/表/段落, a digit, or a character of a Latin word or path.
_STARTS = r"\s\dA-Za-z0-9_./\\:@#+−\-第表段低高超不达大小少多约应实差≥≤<>＜＞≠=＝"
# One token per match: a whitespace character (group 1), a run that stays whole (group 2), a run of
# characters none of which can begin one (group 3: each is its own token, as the text is mostly
# Chinese, where a line may break anywhere), or any other single character.
# (a stored pattern, see understand/patternstore.py: compiling it cost ≈ 5 M instructions a run)
_TOKEN = lazy(rf"(\s)|({FIGURE}|[A-Za-z0-9_./\\:@#-]+)|([^{_STARTS}]+)|.", regex.DOTALL)
OPENING = set("“‘（(《【「『[")
CLOSING = set("，。、；：！？）)”’》】」』],.;:!?…")


# An atom, a run that stays whole on a line: (pieces [(text, style)], the spaces before it in the
# source (a preferred break, printed mid-line only), its width in cells). Its width is measured once
# as it is made (wrap used to re-measure every atom at every line: ≈ 7,000 cell_len calls for one
# report), and it is a plain tuple: a report has ≈ 3,400 atoms, most of them one Chinese character.
Atom = tuple[list[tuple[str, str]], int, int]


def atom(pieces: list[tuple[str, str]], space: int) -> Atom:
    return pieces, space, sum(cell_len(t) for t, _ in pieces)


def atoms(segments, keep: bool = False) -> list[Atom]:
    """Cut styled segments [(text, style)] into atoms; keep=True makes each segment one atom."""
    out: list[Atom] = []
    opened: list[tuple[str, str]] = []
    opened_width = space = 0
    for text, style in segments:
        text = " ".join(str(text).split()) if "\n" in str(text) else str(text)
        if keep:
            if text.strip():
                out.append(atom([(text.strip(), style)], len(text) - len(text.lstrip()) if out else 0))
            continue
        for m in _TOKEN.finditer(text):
            kind = m.lastindex
            if kind == 1:
                space = min(space + 1, 2)
                continue
            # a whole run is one token; the characters of group 3 (and a lone character) are tokens each
            for tok in ((m.group(),) if kind == 2 else m.group()):
                w = cell_len(tok) if kind == 2 else char_cells(tok)
                if tok in OPENING:
                    opened.append((tok, style))
                    opened_width += w
                    continue
                if tok[0] in CLOSING and out and not opened:
                    pieces, sp, cells = out[-1]
                    pieces.append((tok, style))
                    out[-1] = (pieces, sp, cells + w)
                    space = 0
                    continue
                if opened:
                    out.append(([*opened, (tok, style)], space, opened_width + w))
                    opened, opened_width = [], 0
                else:
                    out.append(([(tok, style)], space, w))
                space = 0
    if opened:
        out.append((opened, space, opened_width))
    return out


def wrap(items: list[Atom], width: int, first: int, indent: int) -> list[list[tuple[str, str]]]:
    """Greedy fill: lines of pieces; the first line starts at column `first`, the others at `indent`."""
    lines: list[list[tuple[str, str]]] = [[]]
    col = first
    width = max(width, indent + 8)
    for a in items:
        pieces, sp, w = a
        if not lines[-1]:
            sp = 0
        if lines[-1] and col + sp + w > width:
            lines.append([])
            col, sp = indent, 0
        if w > width - col:  # longer than a whole line (a long path): cut it by characters
            for text, style in pieces:
                for ch in text:
                    w = char_cells(ch)
                    if col + w > width and lines[-1]:
                        lines.append([])
                        col = indent
                    lines[-1].append((ch, style))
                    col += w
            continue
        if sp:
            lines[-1].append((" " * sp, ""))
        lines[-1].extend(pieces)
        col += sp + w
    return lines


def _print_block(con: Terminal, prefix: list[tuple[str, str]], items: list[Atom], indent: int) -> None:
    first = sum(cell_len(t) for t, _ in prefix)
    for k, line in enumerate(wrap(items, con.width, first, indent)):
        con.line([*(prefix if k == 0 else [(" " * indent, "")]), *line])


def _pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - cell_len(text))


def _money(value, unit: str | None) -> str:
    if value in (None, ""):
        return ""
    return f"{value} {unit}" if unit and str(value)[-1:].isdigit() else str(value)


def _header(con: Terminal, s: dict) -> None:
    unit = s.get("money_unit")
    items: list[Atom] = []
    for key, label in SUMMARY_FIELDS:
        v = s.get(key)
        if v in (None, ""):
            continue
        if key in ("budget", "spent", "balance"):
            v = _money(v, unit)
        elif key == "score" and str(v)[-1:].isdigit():
            v = f"{v} 分"
        pair = f"{label} {v}"
        if cell_len(pair) < con.width // 2:
            seg = [atom([(label + " ", "dim"), (str(v), "")], 0)]
        else:
            seg = atoms([(label + " ", "dim"), (str(v), "")])
        if items and seg:
            seg[0] = (seg[0][0], 2, seg[0][2])  # two spaces between pairs
        items.extend(seg)
    if items:
        _print_block(con, [], items, 2)


def _values_line(f) -> list[tuple[str, str]]:
    unit = getattr(f, "unit", None)
    segs: list[tuple[str, str]] = []

    def show(v):
        return _money(v, unit)

    if f.expected is not None:
        segs += [("应为 ", "dim"), (show(f.expected), "green")]
    if f.found is not None:
        segs += [("  实为 " if segs else "实为 ", "dim"), (show(f.found), "red")]
    if f.difference:
        segs += [("  差额 ", "dim"), (show(f.difference), "")]
    return segs


def print_finding(con: Terminal, f, sev: str) -> None:
    cat = _pad(category_text(f.category), 6)
    prefix = [("  ", ""), (f.rule, SEV_STYLE[sev]), (" ", ""), (cat, "dim"), ("  ", "")]
    _print_block(con, prefix, atoms([(f.message, "")]), 16)
    details: list[tuple[str, list[tuple[str, str]], bool]] = []
    vals = _values_line(f)
    if vals:
        details.append(("", vals, False))
    for loc in unique_locations(f.locations)[:3]:
        q = quote(loc.text, 60)
        segs = [(where(loc), "dim")]
        if q:
            mark = ocr_mark(loc)
            segs += ([("  " + mark, "magenta"), ("“" + q + "”", "")] if mark else [("  “" + q + "”", "")])
        details.append(("", segs, False))
    if f.hint:
        details.append(("提示 ", [(f.hint, "")], False))
    fix = fix_text(f.rule)
    tail = f"（详见 {rule_pointer(f.rule)}）"
    details.append(("修改 ", [(fix, "")] if fix else [], False))
    for label, segs, _ in details:
        if label == "修改 ":
            items = atoms(segs) + atoms([(tail if fix else tail.strip("（）"), "dim")], keep=True)
            _print_block(con, [("      ", ""), (label, "dim")], items, 6 + cell_len(label))
            continue
        prefix = [("      ", "")] + ([(label, "dim")] if label else [])
        indent = 6 + cell_len(label)
        if not label and segs and segs[0][1] == "dim" and segs[0][0].startswith("第"):
            # a location: the place stays whole, the quote wraps under it
            items = atoms([segs[0]], keep=True) + atoms(segs[1:])
            indent = 8
        else:
            items = atoms(segs)
        _print_block(con, prefix, items, indent)


def _file_block(con: Terminal, res) -> None:
    con.rule(res.file, "bold")
    if res.error:
        _print_block(con, [("无法检查：", "bold red")], atoms([(res.error, "")]), 2)
        return
    _header(con, res.summary or {})
    if res.ocr:  # the reader should know the words were recognised, and how surely
        conf = f"，平均置信度 {res.ocr_confidence:.2f}" if res.ocr_confidence is not None else ""
        con.print(f"扫描件：文字经 OCR 识别{conf}；标 {OCR_MARK} 的引文可能有误读", "magenta")
    for note in getattr(res, "notes", ()):  # how the file was read (converted, no page image…)
        _print_block(con, [("注意：", "yellow")], atoms([(note, "")]), 2)
    for sev in SEVERITY_ORDER:
        fs = [f for f in res.findings if f.severity == sev]
        if not fs:
            continue
        con.print(f"\n{SEV_ZH[sev]}（{len(fs)}）", SEV_STYLE[sev])
        for f in fs:
            print_finding(con, f, sev)
    c = res.counts
    con.print(f"\n{verdict(res)}：共 {len(res.findings)} 项，错误 {c['error']}，警告 {c['warning']}，"
              f"提示 {c['info']}（{res.pages} 页，{res.seconds:.2f} 秒）", soft_wrap=True)
    if res.previous:
        p = res.previous
        _print_block(con, [], atoms([(f"与上一版（{p['file']}）相比：已修改 {p['fixed']} 处，仍未修改 "
                                      f"{p['still_open']} 处，新出现 {p['new']} 处", "")]), 0)
    if res.suppressed:
        _print_block(con, [], atoms([(f"已按基线忽略 {res.suppressed} 项已接受的问题", "")]), 0)
    print_self_check(con, res)


def print_self_check(con: Terminal, res) -> None:
    """The department's self-check: 可以提交, or 需修改（N 处） and what to change, in page order."""
    from checker.report.fixes import how_to_fix, to_fix, verdict_line

    con.print(f"\n{verdict_line(res)}", "bold")
    for i, f in enumerate(to_fix(res), 1):
        place = where(f.locations[0]) if f.locations else "全文"
        head = f"  {i}. "
        _print_block(con, [(head, "")], atoms([(place, "dim"), ("：" + f.message, "")]), cell_len(head))
        _print_block(con, [(" " * cell_len(head) + "修改 ", "dim")], atoms([(how_to_fix(f), "")]),
                     cell_len(head) + 5)


def footer(results, elapsed: float | None = None) -> str:
    """The batch footer: files, not findings — how many passed, need changes, could not be read."""
    n = {v: 0 for v in ("通过", "需修改", "无法读取")}
    for r in results:
        n[verdict(r)] += 1
    took = elapsed if elapsed is not None else sum(r.seconds for r in results)
    return (f"检查 {len(results)} 份报告：通过 {n['通过']}，需修改 {n['需修改']}，无法读取 {n['无法读取']}；"
            f"用时 {took:.1f} 秒")


def print_results(results, console=None, elapsed: float | None = None) -> None:
    """Print the results on `console`: a Terminal, or a rich Console (its width, colour switches and
    file are used; rich itself is not), or None for standard output as rich's Console() would print."""
    if isinstance(console, Terminal):
        con = console
    else:
        con = Terminal.like(console) if console is not None else Terminal.for_stdout()
    for res in results:
        _file_block(con, res)
    if len(results) > 1:
        con.rule()
        _print_block(con, [], atoms([(footer(results, elapsed), "bold")]), 0)
    if con is not console:
        (console.file if console is not None else sys.stdout).write(con.getvalue())


def render_console(results, width: int | None = None, color: bool = False, elapsed: float | None = None,
                   **_opts) -> str:
    """The console report as text: `width` None is the terminal's (as rich measures it), `color` adds
    the SGR codes rich's "standard" colour system wrote."""
    con = Terminal(layout_width(terminal_width() if width is None else width, color), color)
    print_results(results, con, elapsed)
    return con.getvalue()


def print_rules(rules, console=None) -> None:
    # rich's tables and panels only for the rule listings: a check's console output uses neither
    from rich import box
    from rich.console import Console
    from rich.table import Table

    con = console or Console()
    t = Table(title="pecheck 规则", box=box.SIMPLE_HEAD, pad_edge=False)
    t.add_column("代码", no_wrap=True)
    t.add_column("名称", no_wrap=True)
    t.add_column("类别", no_wrap=True)
    t.add_column("级别", no_wrap=True)
    t.add_column("说明", overflow="fold", ratio=1)
    for r in rules:
        t.add_row(r.code, r.name, CAT_ZH.get(r.category, r.category), SEV_ZH[r.severity], r.title)
    con.print(t)


def print_rule(r, console=None, k=None) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.panel import Panel

    con = console or Console()
    explain = r.describe(k)["explain"]
    body = (f"[bold]{escape(r.title)}[/bold]\n\n名称：{r.name}    类别：{CAT_ZH.get(r.category, r.category)}（{r.category}）"
            f"    默认级别：{SEV_ZH[r.severity]}（{r.severity}）\n\n[bold]作用[/bold]\n{escape(explain)}\n\n"
            f"[bold]错误示例[/bold]\n{escape(r.fail_example)}\n\n[bold]正确示例[/bold]\n{escape(r.pass_example)}")
    fix = fix_text(r.code)
    if fix:
        body += f"\n\n[bold]如何修改[/bold]\n{escape(fix)}"
    from checker.examples import doc_example

    ex = doc_example(r.code)
    if ex is not None:
        shown = "\n".join(escape(t) for t in ex.texts)
        said = "\n".join(f"→ {escape(m)}" for m in ex.messages) or "（未报告）"
        body += f"\n\n[bold]可运行示例[/bold]（tests/rules/{r.code}.toml 的 case.{escape(ex.name)}）\n{shown}\n{said}"
    opts = r.describe(k)["options"]
    if opts:
        def show(v):
            return f"[{v[0]}, {v[1]}]" if isinstance(v, list) else str(v)

        where = escape(f"（在 pecheck.toml 的 [thresholds] 或 [rule.{r.code}] 中设置）")
        body += f"\n\n[bold]选项[/bold]{where}\n" + "\n".join(
            f"{escape(o['name'])} = {escape(show(o['value']))}    {escape(o['doc'])}（{o['type']}）" for o in opts)
    con.print(Panel(body, title=r.code, expand=False))
