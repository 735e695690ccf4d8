"""The `pecheck` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from checker import __version__
from checker.errors import InputError
from checker.pipeline import DEFAULT_TIMEOUT

_SUBCOMMANDS = {"check", "dump", "rules", "rule", "config"}


class _DefaultGroup(click.Group):
    """`pecheck FILE…` means `pecheck check FILE…`."""

    def parse_args(self, ctx, args):
        if args and args[0] not in _SUBCOMMANDS and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        elif not args:
            args = ["--help"]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pecheck")
def main() -> None:
    """pecheck：项目支出绩效自评报告检查工具 / checker for budget-performance self-evaluation reports.

    \b
    pecheck report.pdf                 检查一份报告
    pecheck DIR --summary out.xlsx     批量检查并导出汇总
    pecheck dump report.pdf            查看读取结果
    pecheck rules                      列出全部规则
    """


@main.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["console", "json", "markdown", "html"]), default="console",
              help="输出格式 / output format")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="输出文件（默认标准输出）/ output file")
@click.option("--select", multiple=True, help="只运行这些规则（代码、前缀或类别）/ rules to run")
@click.option("--ignore", multiple=True, help="忽略这些规则（代码、前缀或类别）/ rules to skip")
@click.option("--profile", default=None, help="规则配置档 / profile (national, hunan, sichuan…)")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="配置文件 pecheck.toml")
@click.option("--min-severity", type=click.Choice(["info", "warning", "error"]), default="info",
              help="只显示不低于此级别的问题 / lowest severity shown")
@click.option("--ocr", type=click.Choice(["auto", "force", "off"]), default="auto", help="扫描件 OCR 方式")
@click.option("--annotate", type=click.Path(path_type=Path), help="输出带批注的 PDF / annotated PDF copy")
@click.option("--summary", "summary_path", type=click.Path(path_type=Path), help="批量汇总 .xlsx 或 .csv")
@click.option("--jobs", "-j", type=int, default=0, help="并行进程数（默认 CPU 核数）/ worker processes")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True,
              help="单个文件的时间上限（秒）/ per-file time limit")
@click.option("--quiet", "-q", is_flag=True, help="不显示进度条 / no progress bar")
def check_cmd(paths, fmt, output, select, ignore, profile, config_path, min_severity, ocr, annotate,
              summary_path, jobs, timeout, quiet) -> None:
    """检查报告 / check reports."""
    from checker.config import ConfigError, load_config, start_folder
    from checker.runner import run

    try:
        cfg = load_config(config_path, select=select, ignore=ignore, profile=profile, start=start_folder(list(paths)))
    except ConfigError as exc:
        click.echo(f"配置错误：{exc}", err=True)
        sys.exit(2)
    code = run(list(paths), cfg, fmt=fmt, output=output, min_severity=min_severity, ocr=ocr,
               annotate=annotate, summary=summary_path, jobs=jobs, timeout=timeout, quiet=quiet)
    sys.exit(code)


@main.command("dump")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["console", "json"]), default="console")
@click.option("--facts", is_flag=True, help="列出抽取的事实 / list extracted facts")
@click.option("--profile", default="national")
@click.option("--ocr", type=click.Choice(["auto", "force", "off"]), default="auto")
def dump_cmd(path, fmt, facts, profile, ocr) -> None:
    """显示读取到的文档模型或事实 / show the document model or the facts."""
    from checker import knowledge
    from checker.read import load
    from checker.report.dump import print_document, print_facts
    from checker.understand.facts import extract

    try:
        doc = load(path, ocr=ocr)
    except InputError as exc:
        click.echo(f"错误：{exc.line()}", err=True)
        sys.exit(2)
    if facts:
        f = extract(doc, knowledge.load(profile))
        if fmt == "json":
            click.echo(json.dumps(f.to_list(), ensure_ascii=False, indent=1, default=str))
        else:
            print_facts(f)
        return
    if fmt == "json":
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=1))
    else:
        print_document(doc)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["console", "json"]), default="console")
def rules_cmd(fmt) -> None:
    """列出全部规则 / list the rules."""
    from checker.check.registry import all_rules
    from checker.report.console import print_rules

    rules = all_rules()
    if fmt == "json":
        click.echo(json.dumps([r.describe() for r in rules], ensure_ascii=False, indent=1))
    else:
        print_rules(rules)


@main.command("rule")
@click.argument("code")
def rule_cmd(code) -> None:
    """解释一条规则 / explain one rule."""
    from checker.check.registry import get_rule
    from checker.report.console import print_rule

    r = get_rule(code)
    if r is None:
        click.echo(f"未知规则：{code}（unknown rule）", err=True)
        sys.exit(2)
    print_rule(r)


@main.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--profile", default=None, help="规则配置档 / profile")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="配置文件 pecheck.toml")
@click.option("--format", "fmt", type=click.Choice(["console", "json"]), default="console")
def config_cmd(path, profile, config_path, fmt) -> None:
    """显示生效的配置及其来源 / show the effective settings and where each comes from.

    PATH：报告或目录，从它所在的目录向上查找配置文件（默认当前目录）。
    """
    from checker.config import ConfigError, effective_settings, load_config, start_folder

    try:
        cfg = load_config(config_path, profile=profile, start=start_folder([path]) if path else None)
        rows = effective_settings(cfg)
    except ConfigError as exc:
        click.echo(f"配置错误：{exc}", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    click.echo(f"配置文件：{cfg.source or '（无，使用默认设置）'}")
    for r in rows:
        click.echo(f"{r['setting']} = {r['value']}    ← {r['source']}")


if __name__ == "__main__":  # pragma: no cover
    main()
