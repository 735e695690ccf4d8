"""The report.md markup (see samples/kit/FORMAT.md): TOML front matter + one line per block.

    parse(text)            -> (front matter dict, blocks)
    dump(blocks, front)    -> text that parses back to the same blocks
    parse_row(line)        -> list of Cell (one table row)
"""

from __future__ import annotations

import re
import tomllib

from .blocks import PARA_KINDS, C, Cell, PageBreak, Para, Table, place

TABLE_DEFAULTS = {"size": 10.5, "header_rows": 0, "font": "宋体"}
CELL_FLAGS = ("indent", "bold")
BR = re.compile(r"\s*<br>\s*")


class MarkupError(ValueError):
    pass


def _split_top(s: str, sep: str) -> list[str]:
    """Split on `sep` (a single character or whitespace when " ") outside quotes and brackets."""
    out, cur, depth, quote, i = [], [], 0, "", 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s) and not quote:
            cur.append(s[i : i + 2])
            i += 2
            continue
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        if not quote and depth == 0 and (ch.isspace() if sep == " " else ch == sep):
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return [p for p in out if p.strip()] if sep == " " else out


def parse_attrs(s: str, where: str) -> dict:
    """`key=value key2 flag` -> dict; values are TOML literals, bare words are strings, a bare key is True."""
    out = {}
    for part in _split_top(s, " "):
        key, eq, value = part.partition("=")
        if not eq:
            out[key] = True
            continue
        try:
            out[key] = tomllib.loads(f"v = {value}")["v"]
        except tomllib.TOMLDecodeError:
            if not re.fullmatch(r"[\w.\-]+", value):
                raise MarkupError(f"{where}: bad attribute value {part!r}") from None
            out[key] = value
    return out


def _unescape(s: str) -> str:
    return re.sub(r"\\([\\|{#:<])", r"\1", s)


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("<br>", "\\<br>")


def _lead_attrs(s: str, where: str):
    """Split a leading `{...}` off a cell or paragraph text (an escaped `\\{` is text)."""
    if not s.startswith("{"):
        return None, s
    end = s.find("}")
    if end < 0:
        raise MarkupError(f"{where}: unclosed '{{' (write \\{{ for a literal brace)")
    return parse_attrs(s[1:end], where), s[end + 1 :].strip()


def parse_cell(raw: str, where: str = "cell") -> Cell:
    attrs, rest = _lead_attrs(raw.strip(), where)
    attrs = attrs or {}
    unknown = set(attrs) - {"cs", "rs", "align", "indent", "bold"}
    if unknown:
        raise MarkupError(f"{where}: unknown cell attribute(s) {sorted(unknown)}")
    paras = []
    for piece in re.split(r"(?<!\\)\s*<br>\s*", rest):
        pattrs, text = _lead_attrs(piece.strip(), where)
        text = _unescape(text)
        if pattrs:
            if set(pattrs) != {"align"}:
                raise MarkupError(f"{where}: a paragraph inside a cell takes only {{align=...}}")
            paras.append((text, pattrs["align"]))
        else:
            paras.append(text)
    return C(
        paras,
        cs=attrs.get("cs", 1),
        rs=attrs.get("rs", 1),
        align=attrs.get("align"),
        indent=attrs.get("indent"),
        bold=attrs.get("bold", False),
    )


def parse_row(line: str, where: str = "row") -> list[Cell]:
    line = line.strip()
    if not (line.startswith("|") and line.endswith("|") and not line.endswith("\\|")) or len(line) < 2:
        raise MarkupError(f"{where}: a table row starts and ends with '|'")
    cells = re.split(r"(?<!\\)\|", line[1:-1])
    return [parse_cell(c, f"{where} cell {i + 1}") for i, c in enumerate(cells)]


def parse(text: str, source: str = "report.md"):
    front = {}
    lines = text.split("\n")
    i = 0
    if lines and lines[0].strip() == "+++":
        try:
            end = next(j for j in range(1, len(lines)) if lines[j].strip() == "+++")
        except StopIteration:
            raise MarkupError(f"{source}: front matter opened with +++ is never closed") from None
        try:
            front = tomllib.loads("\n".join(lines[1:end]))
        except tomllib.TOMLDecodeError as e:
            raise MarkupError(f"{source}: front matter: {e}") from None
        i = end + 1
    blocks, table, table_line = [], None, 0
    for n in range(i, len(lines)):
        line = lines[n].strip()
        where = f"{source}:{n + 1}"
        if table is not None:
            if line == "::endtable":
                try:
                    place(table)  # holes, overlaps and overflows are reported where the table starts
                except ValueError as e:
                    raise MarkupError(f"{source}:{table_line}: table: {e}") from None
                blocks.append(table)
                table = None
            elif line.startswith("|"):
                table.rows.append(parse_row(line, where))
            elif line and not line.startswith("#"):
                raise MarkupError(f"{where}: inside ::table only '|' rows, comments and ::endtable")
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith("|"):
            raise MarkupError(f"{where}: table row outside ::table")
        if not line.startswith("::"):
            blocks.append(Para(line[1:] if line.startswith("\\") else line))
            continue
        kind, _, rest = line[2:].partition(" ")
        rest = rest.strip()
        if kind == "pagebreak":
            blocks.append(PageBreak())
        elif kind == "table":
            attrs = parse_attrs(rest, where)
            unknown = set(attrs) - {"widths", *TABLE_DEFAULTS}
            if "widths" not in attrs or unknown:
                raise MarkupError(f"{where}: ::table needs widths=[...] (known: size, header_rows, font)")
            table, table_line = Table(**{**TABLE_DEFAULTS, **attrs, "rows": []}), n + 1
        elif kind in PARA_KINDS:
            blocks.append(Para(rest, kind))
        else:
            raise MarkupError(f"{where}: unknown block ::{kind}")
    if table is not None:
        raise MarkupError(f"{source}: ::table without ::endtable")
    return front, blocks


# ---------------------------------------------------------------------------------------------
# Writing (used by the converter and by anyone generating report.md from code)
# ---------------------------------------------------------------------------------------------


def _toml(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml(x) for x in v) + "]"
    return repr(v)


def dump_cell(cell: Cell) -> str:
    d = C(cell.paras, cell.cs, cell.rs)
    attrs = []
    if cell.cs > 1:
        attrs.append(f"cs={cell.cs}")
    if cell.rs > 1:
        attrs.append(f"rs={cell.rs}")
    if cell.align != d.align:
        attrs.append(f"align={cell.align}")
    if cell.indent != d.indent:
        attrs.append("indent" if cell.indent else "indent=false")
    if cell.bold:
        attrs.append("bold")
    paras = []
    for p in cell.paras:
        if isinstance(p, str):
            t = _escape(p)
            paras.append("\\" + t if t.startswith("{") else t)
        else:
            paras.append(f"{{align={p[1]}}} {_escape(p[0])}".rstrip())
    body = " <br> ".join(paras)
    if attrs or (cell.paras and not isinstance(cell.paras[0], str)):
        body = ("{" + " ".join(attrs) + "} " + body).rstrip()
    return body


def dump(blocks, front_toml: str = "") -> str:
    out = ["+++", front_toml.strip(), "+++"] if front_toml.strip() else []
    for b in blocks:
        if isinstance(b, PageBreak):
            out.append("::pagebreak")
        elif isinstance(b, Para):
            t = b.text
            if b.kind == "body" and t and t == t.strip():
                out.append("\\" + t if t[0] in "\\|#:" else t)
            else:
                out.append(f"::{b.kind} {t}".rstrip())
        else:
            head = [f"widths={_toml(b.widths)}"]
            head += [f"{k}={_toml(getattr(b, k))}" for k, v in TABLE_DEFAULTS.items() if getattr(b, k) != v]
            out.append("::table " + " ".join(head))
            out += ["| " + " | ".join(dump_cell(c) for c in row) + " |" for row in b.rows]
            out.append("::endtable")
    return "\n".join(out) + "\n"
