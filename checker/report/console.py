"""The console renderer (rich): findings grouped by severity, then a summary line."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
CAT_ZH = {"sum": "合计", "balance": "结余", "rate": "比率", "score": "评分", "grade": "等级",
          "mismatch": "不一致", "text": "文字", "logic": "逻辑", "missing": "缺漏"}


def where(loc) -> str:
    parts = []
    if loc.page:
        parts.append(f"第{loc.page}页")
    if loc.table is not None:
        parts.append(f"表{loc.table + 1} 第{(loc.row or 0) + 1}行 第{(loc.col or 0) + 1}列")
    elif loc.paragraph is not None:
        parts.append(f"段落{loc.paragraph + 1}")
    return " ".join(parts)


def print_results(results, console: Console | None = None) -> None:
    con = console or Console()
    for res in results:
        con.rule(f"[bold]{escape(res.file)}[/bold]")
        if res.error:
            con.print(f"[bold red]无法检查[/bold red]：{escape(res.error)}")
            continue
        s = res.summary
        head = "  ".join(f"{k} {escape(str(s[k]))}" for k in
                         ("project", "year", "budget", "spent", "balance", "rate", "score", "grade") if k in s)
        if head:
            con.print(f"[dim]{head}[/dim]")
        for sev in ("error", "warning", "info"):
            fs = [f for f in res.findings if f.severity == sev]
            if not fs:
                continue
            con.print(f"\n[{SEV_STYLE[sev]}]{SEV_ZH[sev]}（{len(fs)}）[/{SEV_STYLE[sev]}]")
            for f in fs:
                con.print(f"  [{SEV_STYLE[sev]}]{f.rule}[/] [dim]{CAT_ZH.get(f.category, f.category)}[/dim] "
                          f"{escape(f.message)}", highlight=False)
                if f.expected is not None or f.found is not None:
                    con.print(f"      应为 [green]{escape(str(f.expected))}[/green]  实为 [red]{escape(str(f.found))}[/red]"
                              + (f"  差额 {escape(f.difference)}" if f.difference else ""), highlight=False)
                for loc in f.locations[:2]:
                    quote = (loc.text or "").replace("\n", " ")
                    quote = quote if len(quote) <= 60 else quote[:58] + "…"
                    con.print(f"      [dim]{where(loc)}[/dim]  “{escape(quote)}”", highlight=False)
        c = res.counts
        con.print(f"\n共 {len(res.findings)} 项：错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}"
                  f"  （{res.pages} 页，{res.seconds:.2f} 秒）")
    if len(results) > 1:
        failed = sum(1 for r in results if r.error)
        errs = sum(r.counts["error"] for r in results)
        warns = sum(r.counts["warning"] for r in results)
        con.rule()
        con.print(f"检查 {len(results)} 份报告：失败 {failed}，错误 {errs}，警告 {warns}")


def print_rules(rules, console: Console | None = None) -> None:
    con = console or Console()
    t = Table(title="pecheck 规则")
    for col in ("代码", "名称", "类别", "级别", "说明"):
        t.add_column(col, overflow="fold")
    for r in rules:
        t.add_row(r.code, r.name, CAT_ZH.get(r.category, r.category), SEV_ZH[r.severity], r.title)
    con.print(t)


def print_rule(r, console: Console | None = None, k=None) -> None:
    con = console or Console()
    explain = r.describe(k)["explain"]
    body = (f"[bold]{escape(r.title)}[/bold]\n\n名称：{r.name}    类别：{CAT_ZH.get(r.category, r.category)}（{r.category}）"
            f"    默认级别：{SEV_ZH[r.severity]}（{r.severity}）\n\n[bold]作用[/bold]\n{escape(explain)}\n\n"
            f"[bold]错误示例[/bold]\n{escape(r.fail_example)}\n\n[bold]正确示例[/bold]\n{escape(r.pass_example)}")
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
