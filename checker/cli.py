"""The `pecheck` command line."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from checker import DEFAULT_TIMEOUT, __version__
from checker.errors import InputError

_SUBCOMMANDS = {"check", "compare", "dump", "rules", "rule", "config", "serve"}


def usage_error(zh: str, en: str) -> None:
    """A usage error: one bilingual line on stderr and exit 2, before any file is read."""
    click.echo(f"错误：{zh}（{en}）", err=True)
    sys.exit(2)


class _DefaultGroup(click.Group):
    """`pecheck FILE…` means `pecheck check FILE…`; bare `pecheck` prints the usage and exits 2 (as ruff
    does); click's own usage errors become one bilingual line."""

    def parse_args(self, ctx, args):
        if not args:
            click.echo(ctx.get_help(), err=True)
            ctx.exit(2)
        if args[0] not in _SUBCOMMANDS and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            rv = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                              standalone_mode=False, **extra)
            if isinstance(rv, int):  # --help, --version, bare pecheck: click's exit code
                sys.exit(rv)
            return rv
        except click.UsageError as exc:
            usage_error(f"用法错误：{exc.format_message()}", "usage error, see pecheck --help")
        except click.exceptions.Abort:
            click.echo("已中断（aborted）", err=True)
            sys.exit(130)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            usage_error(exc.format_message(), "error")

    def format_help(self, ctx, formatter):
        super().format_help(ctx, formatter)
        # `pecheck FILE` runs `check`: show its options here too, so --help shows what people use
        check = self.commands.get("check")
        if check is not None:
            sub = click.Context(check, info_name="check", parent=ctx)
            with formatter.section("检查选项 / check options (pecheck FILE… [OPTIONS])"):
                formatter.write_dl([p.get_help_record(sub) for p in check.get_params(sub)
                                    if p.get_help_record(sub) is not None])


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pecheck")
def main() -> None:
    """pecheck：项目支出绩效自评报告检查工具 / checker for budget-performance self-evaluation reports.

    \b
    pecheck report.pdf                 检查一份报告
    pecheck DIR --summary out.xlsx     批量检查并导出汇总
    pecheck compare OLD NEW            对比修改前后两稿
    pecheck dump report.pdf            查看读取结果
    pecheck rules                      列出全部规则
    pecheck rule PC301                 解释一条规则
    pecheck serve                      打开网页审核台 http://127.0.0.1:8765
    """


def _format_help() -> str:
    from checker.report.formats import FORMATS

    return "输出格式 / output format: " + "；".join(f"{f.name} {f.help}" for f in FORMATS.values())


def validate_outputs(paths, fmt, output, annotate, summary_path) -> None:
    """Everything about the outputs that can be wrong is found before any file is read."""
    from checker.report.formats import ANNOTATORS, SUMMARY_WRITERS, lookup, names

    if lookup(fmt) is None:
        usage_error(f"未知的输出格式：{fmt}；可用：{'、'.join(names())}",
                    f"unknown output format {fmt!r}; choose one of {', '.join(names())}")
    if summary_path is not None and summary_path.suffix.lower() not in SUMMARY_WRITERS:
        kinds = " 或 ".join(SUMMARY_WRITERS)
        usage_error(f"汇总文件须为 {kinds}：{summary_path}",
                    f"--summary must end in {' or '.join(SUMMARY_WRITERS)}: {summary_path}")
    inputs = [Path(p) for p in paths]
    targets = [p for p in (output, annotate, summary_path) if p is not None]
    for t in targets:
        for p in inputs:
            try:
                same = p.exists() and t.exists() and t.resolve() == p.resolve()
            except OSError:
                same = False
            if same:
                usage_error(f"输出文件不能覆盖输入文件：{t}", f"an output must not overwrite the input: {t}")
    if annotate is not None:
        if len(inputs) != 1 or inputs[0].is_dir():
            usage_error("--annotate 只用于单个输入文件", "--annotate needs exactly one input file")
        src = inputs[0].suffix.lower()
        if src not in ANNOTATORS:
            kinds = "、".join(k.lstrip(".").upper() for k in ANNOTATORS)
            usage_error(f"批注输出仅支持 {kinds} 输入：{inputs[0]}",
                        f"--annotate supports {', '.join(ANNOTATORS)} inputs only: {inputs[0]}")
        if annotate.suffix.lower() != src:
            usage_error(f"批注副本的类型须与输入相同（{src}）：{annotate}",
                        f"the annotated copy must have the input's type ({src}): {annotate}")


def _collecting_rarely(command):
    """Run a command with the garbage collector's first threshold raised. A check makes hundreds of
    thousands of short-lived objects and almost no reference cycles: at the default threshold (700 new
    objects) the collector runs about 70 times for one report (≈ 0.01 s of a DOCX check's 0.26 s) and
    finds next to nothing. Not lowered again when the command ends: the next allocation would then walk
    every object the check made (≈ 8 ms) just before the exit frees them anyway; a process that runs the
    command in-process (tests) goes on collecting at this threshold, which changes when cycles are
    freed, never whether."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        import gc

        gc.set_threshold(max(gc.get_threshold()[0], 50_000), *gc.get_threshold()[1:])
        return command(*args, **kwargs)

    return run


@main.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output-format", "--format", "fmt", default="console", metavar="FORMAT", help=_format_help())
@click.option("--output", "-o", type=click.Path(path_type=Path), help="输出文件（默认标准输出）/ output file")
@click.option("--select", multiple=True,
              help="只运行这些规则：代码、前缀、名称或类别（如 PC3、execution-rate、不一致）/ rules to run")
@click.option("--ignore", multiple=True, help="忽略这些规则（写法同 --select）/ rules to skip")
@click.option("--profile", default=None, help="规则配置档 / profile (national, hunan, sichuan…)")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="配置文件 pecheck.toml")
@click.option("--min-severity", type=click.Choice(["info", "warning", "error"]), default="info",
              help="只显示不低于此级别的问题 / lowest severity shown")
@click.option("--statistics", is_flag=True, help="只输出每条规则的问题数 / counts per rule")
@click.option("--exit-zero", is_flag=True, help="发现错误也以 0 退出（无法读取仍为 2）/ exit 0 even with errors")
@click.option("--ocr", type=click.Choice(["auto", "force", "off"]), default="auto", help="扫描件 OCR 方式")
@click.option("--annotate", type=click.Path(path_type=Path),
              help="输出带批注的副本（与输入同类型）：PDF 加高亮批注，DOCX 加 Word 批注 / annotated copy")
@click.option("--summary", "summary_path", type=click.Path(path_type=Path), help="批量汇总 .xlsx 或 .csv")
@click.option("--jobs", "-j", type=int, default=0, help="并行进程数（默认 CPU 核数）/ worker processes")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True,
              help="单个文件的时间上限（秒）/ per-file time limit")
@click.option("--quiet", "-q", is_flag=True, help="不显示进度条 / no progress bar")
@click.option("--password", default=None, metavar="PW", envvar="PECHECK_PASSWORD", show_envvar=True,
              help="加密 PDF/DOCX/DOC 的打开密码（各文件通用）/ password for encrypted inputs")
@click.option("--password-file", type=click.Path(path_type=Path),
              help="每行“文件名<Tab 或 =>密码”的密码清单 / per-file passwords")
@click.option("--baseline", type=click.Path(path_type=Path),
              help="已接受问题清单（TOML），其中的问题不再报告 / accepted findings to suppress")
@click.option("--write-baseline", type=click.Path(path_type=Path),
              help="把本次的问题写成已接受问题清单（TOML）/ record the findings as accepted")
@click.option("--previous", type=click.Path(path_type=Path),
              help="上一轮报告所在目录：按文件名配对，统计已修改/仍未修改/新出现 / previous round's folder")
@click.option("--cache", "cache_path", type=click.Path(path_type=Path),
              help="结果缓存（SQLite），未改动的文件不再重复检查 / result cache")
@click.option("--dask", "dask_address", metavar="ADDR",
              help="在 Dask 集群上检查：tcp://主机:8786 或 local:N（需 pip install 'pecheck[dist]'）/ Dask cluster")
@click.option("--dask-input", type=click.Choice(["auto", "path", "bytes"]), default="auto",
              help="集群节点读取路径还是接收文件内容 / workers read paths or receive bytes")
@_collecting_rarely
def check_cmd(paths, fmt, output, select, ignore, profile, config_path, min_severity, statistics, exit_zero,
              ocr, annotate, summary_path, jobs, timeout, quiet, baseline, write_baseline, previous, cache_path,
              dask_address, dask_input, password, password_file) -> None:
    """检查报告 / check reports."""
    from checker.config import ConfigError, load_config, start_folder
    from checker.passwords import PasswordFileError, Passwords, read_password_file
    from checker.runner import run

    validate_outputs(paths, fmt, output, annotate, summary_path)
    try:
        cfg = load_config(config_path, select=select, ignore=ignore, profile=profile, start=start_folder(list(paths)))
    except ConfigError as exc:
        click.echo(f"配置错误：{exc}", err=True)
        sys.exit(2)
    try:
        cfg.passwords = read_password_file(password_file, password) if password_file else Passwords(password)
    except PasswordFileError as exc:
        click.echo(f"错误：{exc}", err=True)
        sys.exit(2)
    code = run(list(paths), cfg, fmt=fmt, output=output, min_severity=min_severity, ocr=ocr,
               annotate=annotate, summary=summary_path, jobs=jobs, timeout=timeout, quiet=quiet,
               statistics=statistics, baseline=baseline, write_baseline=write_baseline, previous=previous,
               cache=cache_path, dask=dask_address, dask_input=dask_input)
    if exit_zero and code == 1:
        code = 0
    # At exit the interpreter's last full garbage collections would walk every object the check made
    # (~0.02 s for one report) only to free memory the exit frees anyway: freeze them first. At exit
    # only, so that a process running the command in-process (tests) keeps collecting as before.
    import atexit
    import gc

    atexit.register(gc.freeze)
    sys.exit(code)


@main.command("compare")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--output-format", "--format", "fmt", type=click.Choice(["console", "json", "html"]),
              default="console", help="输出格式 / output format")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="输出文件（默认标准输出）/ output file")
@click.option("--select", multiple=True, help="只运行这些规则（代码、前缀或类别）/ rules to run")
@click.option("--ignore", multiple=True, help="忽略这些规则（代码、前缀或类别）/ rules to skip")
@click.option("--profile", default=None, help="规则配置档 / profile (national, hunan, sichuan…)")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="配置文件 pecheck.toml")
@click.option("--min-severity", type=click.Choice(["info", "warning", "error"]), default="info",
              help="只显示不低于此级别的问题 / lowest severity shown")
@click.option("--ocr", type=click.Choice(["auto", "force", "off"]), default="auto", help="扫描件 OCR 方式")
def compare_cmd(old, new, fmt, output, select, ignore, profile, config_path, min_severity, ocr) -> None:
    """对比修改前后两稿：已修改、仍未修改、新出现 / compare a resubmission with the previous version.

    OLD 与 NEW 可以是不同格式（如 PDF 与 DOCX）。有错误仍未修改或新出现时退出码为 1。
    """
    from checker.compare import run_compare
    from checker.config import ConfigError, load_config

    for p in (old, new):
        if output is not None and p.exists() and output.exists() and output.resolve() == p.resolve():
            usage_error(f"输出文件不能覆盖输入文件：{output}", f"an output must not overwrite the input: {output}")
    try:
        cfg = load_config(config_path, select=select, ignore=ignore, profile=profile)
    except ConfigError as exc:
        click.echo(f"配置错误：{exc}（configuration error）", err=True)
        sys.exit(2)
    sys.exit(run_compare(old, new, cfg, fmt=fmt, output=output, min_severity=min_severity, ocr=ocr))


@main.command("dump")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["console", "json"]), default="console")
@click.option("--facts", is_flag=True, help="列出抽取的事实 / list extracted facts")
@click.option("--profile", default="national")
@click.option("--ocr", type=click.Choice(["auto", "force", "off"]), default="auto")
@click.option("--password", default=None, metavar="PW", envvar="PECHECK_PASSWORD", help="打开密码 / password")
def dump_cmd(path, fmt, facts, profile, ocr, password) -> None:
    """显示读取到的文档模型或事实 / show the document model or the facts."""
    from checker import knowledge
    from checker.read import load
    from checker.report.dump import print_document, print_facts
    from checker.understand.facts import extract

    try:
        doc = load(path, ocr=ocr, password=password)
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
    if fmt == "json":  # each rule's full documentation, its option values from the profile: the rules themselves
        from checker.check.registry import all_rules

        click.echo(json.dumps([r.describe() for r in all_rules()], ensure_ascii=False, indent=1))
    else:  # the listing needs five strings per rule: from the catalogue, without importing the rules
        from checker.catalogue import listing
        from checker.report.ruletable import print_rule_table

        print_rule_table(listing())


@main.command("rule")
@click.argument("selector")
def rule_cmd(selector) -> None:
    """解释一条规则（代码或名称），或列出一个类别的规则 / explain a rule, or list a category."""
    from checker.check.registry import all_rules, get_rule, matches, selector_help

    r = get_rule(selector)
    if r is not None:
        from checker.report.console import print_rule

        print_rule(r)
        return
    group = {x.code for x in all_rules() if matches(x, [selector])}
    if not group:
        zh, en = selector_help([selector])
        usage_error(f"未知规则：{selector}；{zh}", f"unknown rule {selector}; {en}")
    from checker.catalogue import listing
    from checker.report.ruletable import print_rule_table

    print_rule_table([e for e in listing() if e.code in group])


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


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址 / address to listen on")
@click.option("--port", default=8765, show_default=True, type=int, help="端口 / port")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), help="数据目录 / data directory")
@click.option("--token", envvar="PECHECK_TOKEN", default=None,
              help="访问令牌（非本机地址必需）/ access token, required off loopback (env PECHECK_TOKEN)")
@click.option("--jobs", "-j", type=int, default=0, help="同时检查的文件数（默认 CPU 核数）/ parallel checks")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, help="单个文件的时间上限（秒）/ per-file time limit")
@click.option("--max-upload-mb", type=float, default=50.0, show_default=True, help="单个文件大小上限 / upload limit")
@click.option("--queue-size", type=int, default=200, show_default=True, help="排队上限 / queue bound")
@click.option("--profile", default=None, help="规则配置档 / profile")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="配置文件 pecheck.toml")
@click.option("--ocr", type=click.Choice(["auto", "force", "off"]), default="auto", help="扫描件 OCR 方式")
def serve_cmd(host, port, data_dir, token, jobs, timeout, max_upload_mb, queue_size, profile, config_path,
              ocr) -> None:
    """网页审核台 / the reviewer's desk in a browser (needs: pip install 'pecheck[serve]')."""
    from checker.config import ConfigError, load_config
    from checker.serve import serve

    try:
        cfg = load_config(config_path, profile=profile)
    except ConfigError as exc:
        click.echo(f"配置错误：{exc}（configuration error）", err=True)
        sys.exit(2)
    if max_upload_mb <= 0 or queue_size <= 0 or not 0 < port < 65536:
        click.echo("错误：--max-upload-mb、--queue-size 与 --port 须为正数（limits and port must be positive）", err=True)
        sys.exit(2)
    from checker.serve.worker import Settings

    settings = Settings(cfg=cfg, jobs=jobs, timeout=timeout, ocr=ocr)
    sys.exit(serve(host, port, data_dir, token or None, settings, int(max_upload_mb * 1024 * 1024), queue_size))


if __name__ == "__main__":  # pragma: no cover
    main()
