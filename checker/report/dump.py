"""`pecheck dump`: what was read, page by page, tables as grids."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable

from checker.model import Document, Loc, Paragraph
from checker.report.labels import paragraph_label, table_label, where


def print_document(doc: Document, console: Console | None = None) -> None:
    con = console or Console()
    con.print(f"[bold]{doc.source}[/bold]  格式 {doc.format}  页数 {doc.n_pages}  "
              f"段落 {len(doc.paragraphs)}  表格 {len(doc.tables)}"
              + (f"  生成器 {doc.producer}" if doc.producer else ""))
    for w in doc.warnings:
        con.print(f"[yellow]注意：{w}[/yellow]")
    page = None
    for b in doc.blocks:
        p = b.page if isinstance(b, Paragraph) else (b.pages[0] if b.pages else None)
        if p != page:
            page = p
            con.rule(f"第 {page} 页" if page else "")
        if isinstance(b, Paragraph):
            con.print(f"[bold]{paragraph_label(b.index)}[/bold] [dim]{b.ref}[/dim] {b.text}", highlight=False)
        else:
            pages = "、".join(map(str, b.pages))
            title = (f"{table_label(b.index)} [dim]{b.ref}[/dim]  {b.n_rows}行×{b.n_cols}列  页 {pages}"
                     + (f"  «{b.caption}»" if b.caption else ""))
            rt = RichTable(title=title, show_header=False, show_lines=True, title_justify="left")
            for _ in range(b.n_cols):
                rt.add_column(overflow="fold", max_width=40)
            grid = b.grid()
            for r in range(b.n_rows):
                row = []
                for c in range(b.n_cols):
                    cell = grid[r][c]
                    if cell is None:
                        row.append("[red]∅[/red]")
                    elif cell.row == r and cell.col == c:
                        span = f"[dim]↕{cell.row_span}[/dim]" if cell.row_span > 1 else ""
                        span += f"[dim]↔{cell.col_span}[/dim]" if cell.col_span > 1 else ""
                        row.append(cell.text[:120] + span)
                    else:
                        row.append("[dim]〃[/dim]")
                rt.add_row(*row)
            con.print(rt)


def print_facts(facts, console: Console | None = None) -> None:
    con = console or Console()
    rt = RichTable(title=f"事实 / facts — {facts.doc.source}", show_lines=False)
    for col in ("概念", "值", "单位", "精度", "位置"):
        rt.add_column(col, overflow="fold")
    for f in facts.to_list():
        loc = f.get("location") or {}
        place = where(Loc(page=loc.get("page"), table=loc.get("table"), row=loc.get("row"), col=loc.get("col"),
                          paragraph=loc.get("paragraph")))
        extra = f.get("row") or f.get("docno") or f.get("name") or ""
        rt.add_row(f["concept"] + (f" [dim]{extra}[/dim]" if extra else ""), str(f.get("value")),
                   str(f.get("unit") or ""), str(f.get("precision") if f.get("precision") is not None else ""),
                   place + " " + str(loc.get("text", ""))[:40])
    con.print(rt)
