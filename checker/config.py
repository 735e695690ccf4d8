"""Configuration: `pecheck.toml` or `[tool.pecheck]` in pyproject.toml, then command-line options.

The file is found as ruff finds its own: from the report's folder upwards (for a batch, from the
current folder upwards); for a single report with no file above it, from the current folder.
Everything in it is validated: an unknown key, a value of the wrong type or an unknown rule is an
error that names the file, the line and the key (exit 2), never silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from checker.check.options import OptionError
from checker.check.registry import SEVERITIES, all_rules, get_rule, selector_help, unknown_patterns
from checker.passwords import Passwords
from checker.record import ValueRecord
from checker.runstore import parsed_toml
from checker.understand.lazyre import lazy

KEYS = ("profile", "select", "ignore", "severity", "thresholds", "rule", "cache", "dask")
DEFAULT_PROFILE = "national"


class ConfigError(Exception):
    pass


@dataclass(repr=False, eq=False)
class Config(ValueRecord):
    """The settings of a run: rule selection, severities, profile, thresholds and options."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severities: dict[str, str] = field(default_factory=dict)  # rule code -> severity
    profile: str = DEFAULT_PROFILE
    thresholds: dict[str, Any] = field(default_factory=dict)  # option name -> value, for every rule
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule code -> option -> value
    source: str = ""  # the config file, "" when none
    sources: dict[str, str] = field(default_factory=dict)  # "profile", "select", "ignore" -> where set
    cache: str = ""  # batches: the result cache (SQLite), relative to the config file
    dask: str = ""  # batches: a Dask scheduler address or local:N
    # from --password/--password-file only, never from a config file; hidden in every repr
    passwords: Passwords = field(default_factory=Passwords, repr=False, compare=False)


def find_config(start: Path) -> Path | None:
    """The nearest pecheck.toml, or pyproject.toml with a [tool.pecheck] table, from `start` up."""
    start = start.resolve()
    for d in [start, *start.parents]:
        p = d / "pecheck.toml"
        if p.is_file():
            return p
        pp = d / "pyproject.toml"
        if pp.is_file():
            try:
                data = parsed_toml(pp.read_text(encoding="utf-8"))
            except (OSError, ValueError):  # ValueError: TOMLDecodeError, UnicodeDecodeError
                continue  # another tool's broken file is not ours to report
            if "pecheck" in data.get("tool", {}):
                return pp
    return None


def start_folder(paths: list[Path]) -> Path:
    """Where to look for the config: a single report's folder, else (a batch) the current folder."""
    if len(paths) == 1 and not paths[0].is_dir():
        return paths[0].parent
    return Path.cwd()


_HEADER = lazy(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")


def _split_key(s: str) -> list[str]:
    return [p.strip().strip("\"'") for p in s.split(".")]


def line_of(text: str, table: list[str], key: str) -> int | None:
    """The line (1-based) where `key` is set in `table` of a TOML text (a best effort: None if not found)."""
    current: list[str] = []
    key_rx = regex.compile(rf"^\s*[\"']?{regex.escape(key)}[\"']?\s*=")
    for i, line in enumerate(text.splitlines(), 1):
        m = _HEADER.match(line)
        if m:
            current = _split_key(m.group(1))
            if current[: len(table) + 1] == [*table, key]:
                return i  # the key names a table: [rule.PC902], [tolerance]
            continue
        if current == table and key_rx.match(line):
            return i
    dotted = regex.compile(rf"(?:^|[\s.{{,])[\"']?{regex.escape(key)}[\"']?\s*=")
    for i, line in enumerate(text.splitlines(), 1):
        if dotted.search(line):
            return i
    return None


class _Reader:
    """Validates one config file, raising ConfigError with file:line: key."""

    def __init__(self, path: Path, text: str, prefix: list[str]):
        self.path, self.text, self.prefix = path, text, prefix

    def fail(self, table: list[str], key: str, why: str, why_en: str) -> ConfigError:
        line = line_of(self.text, self.prefix + table, key)
        where = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{where}: “{'.'.join([*table, key])}” {why}（{why_en}）")

    def strings(self, data: dict, key: str) -> list[str]:
        v = data.get(key, [])
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(s, str) for s in v):
            raise self.fail([], key, "应为字符串列表", "expected a list of strings")
        return [s for s in v if s]

    def read(self, data: dict) -> Config:
        cfg = Config(source=str(self.path))
        for key in data:
            if key not in KEYS:
                raise self.fail([], key, f"不是配置项，可用：{'、'.join(KEYS)}", f"unknown key {key!r}")
        cfg.select = self.strings(data, "select")
        cfg.ignore = self.strings(data, "ignore")
        for key in ("select", "ignore", "profile"):
            if key in data:
                cfg.sources[key] = str(self.path)
        bad = unknown_patterns(cfg.select + cfg.ignore)
        if bad:
            key = "select" if bad[0] in cfg.select else "ignore"
            raise self.fail([], key, f"含未知的规则代码或类别 {bad[0]}", f"unknown rule or category {bad[0]!r}")
        prof = data.get("profile", DEFAULT_PROFILE)
        if not isinstance(prof, str):
            raise self.fail([], "profile", "应为配置档名称（字符串）", "expected a profile name")
        cfg.profile = prof
        for key in ("cache", "dask"):
            v = data.get(key, "")
            if not isinstance(v, str):
                raise self.fail([], key, "应为字符串", "expected a string")
            setattr(cfg, key, v)
        if cfg.cache:  # a relative cache path means beside the config file, wherever pecheck runs
            where = Path(cfg.cache).expanduser()
            cfg.cache = str(where if where.is_absolute() else self.path.parent / where)
        for name, table in (("severity", data.get("severity", {})), ("thresholds", data.get("thresholds", {})),
                            ("rule", data.get("rule", {}))):
            if not isinstance(table, dict):
                raise self.fail([], name, "应为表（[section]）", "expected a table")
        for code, sev in data.get("severity", {}).items():
            if get_rule(code) is None:
                raise self.fail(["severity"], code, "不是已知的规则代码", f"unknown rule {code!r}")
            if sev not in SEVERITIES:
                raise self.fail(["severity"], code, f"级别 {sev!r} 无效（应为 info/warning/error）",
                                f"bad severity {sev!r}")
            cfg.severities[code.upper()] = sev
        declared = {o.name: o for r in all_rules() for o in r.options}
        for key, value in data.get("thresholds", {}).items():
            if key not in declared:
                raise self.fail(["thresholds"], key, "不是任何规则的选项（`pecheck rule 代码` 列出各规则的选项）",
                                f"unknown option {key!r}")
            cfg.thresholds[key] = self._typed(["thresholds"], key, declared[key], value)
        for code, opts in data.get("rule", {}).items():
            cls = get_rule(code)
            if cls is None:
                raise self.fail(["rule"], code, "不是已知的规则代码", f"unknown rule {code!r}")
            if not isinstance(opts, dict):
                raise self.fail(["rule"], code, "应为表（[rule.代码]）", "expected a table")
            for key, value in opts.items():
                opt = cls.option(key)
                if opt is None:
                    have = "、".join(o.name for o in cls.options) or "无"
                    raise self.fail(["rule", code], key, f"不是 {cls.code} 的选项（可用：{have}）",
                                    f"unknown option {key!r} of {cls.code}")
                cfg.options.setdefault(cls.code, {})[key] = self._typed(["rule", code], key, opt, value)
        return cfg

    def _typed(self, table, key, opt, value):
        try:
            opt.coerce(value)
        except OptionError as exc:
            raise self.fail(table, key, str(exc).split("（")[0], f"wrong type for {key!r}") from exc
        return value


def read_config(path: Path) -> Config:
    """Read and validate one config file (pecheck.toml, or pyproject.toml's [tool.pecheck])."""
    import tomllib  # only where a config file exists (its errors are reported with their line)

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"配置文件无法读取：{path}（cannot read the config file）") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: 配置文件格式错误：{exc}（TOML syntax error）") from exc
    prefix: list[str] = []
    if path.name == "pyproject.toml":
        data, prefix = data.get("tool", {}).get("pecheck", {}), ["tool", "pecheck"]
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.pecheck] 应为表（expected a table）")
    return _Reader(path, text, prefix).read(data)


def load_config(path: Path | None = None, select=(), ignore=(), profile: str | None = None,
                cwd: Path | None = None, start: Path | None = None) -> Config:
    """The settings in force: the given file, else the one found from `start` (the report's folder)
    upwards, else from `cwd` upwards; then the command line's options."""
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"配置文件不存在：{path}（config file not found）")
        found: Path | None = path
    else:
        found = (find_config(start) if start is not None else None) or find_config(cwd or Path.cwd())
    cfg = read_config(found) if found is not None else Config()
    # command-line options extend / override the file
    sel = [p for s in select for p in s.split(",") if p.strip()]
    ign = [p for s in ignore for p in s.split(",") if p.strip()]
    if sel:
        cfg.select = sel
        cfg.sources["select"] = "命令行"
    if ign:
        cfg.ignore += ign
        cfg.sources["ignore"] = "命令行" if "ignore" not in cfg.sources else f"{cfg.sources['ignore']} + 命令行"
    if profile:
        cfg.profile = profile
        cfg.sources["profile"] = "命令行"
    bad = unknown_patterns(cfg.select + cfg.ignore)
    if bad:
        zh, en = selector_help(bad)
        raise ConfigError(f"未知的规则选择：{', '.join(bad)}；{zh}（unknown selector {', '.join(bad)}; {en}）")
    from checker import knowledge

    try:
        knowledge.load(cfg.profile)
    except knowledge.KnowledgeError as exc:
        raise ConfigError(f"配置档 {cfg.profile!r} 无法使用：{exc}（bad profile）") from exc
    return cfg


def _profile_files(name: str) -> list[tuple[str, dict[str, Any]]]:
    """The profile and the ones it extends, most specific first: (file, data)."""
    from checker import knowledge

    out = []
    seen = set()
    while name and name not in seen:
        seen.add(name)
        data = knowledge.load_toml(f"profiles/{name}.toml")
        out.append((str(knowledge.rules_dir() / "profiles" / f"{name}.toml"), data))
        name = data.get("extends")
    return out


def effective_settings(cfg: Config) -> list[dict[str, Any]]:
    """Every setting in force with where it came from: the config file, the command line, the
    profile's file, or the rule's own default (severity)."""
    from checker import knowledge

    k = knowledge.load(cfg.profile)
    chain = _profile_files(cfg.profile)
    rows: list[dict[str, Any]] = [
        {"setting": "profile", "value": cfg.profile, "source": cfg.sources.get("profile", "默认")},
        {"setting": "grade_bands", "value": k.bands_text(),
         "source": next((f for f, d in chain if "grade_bands" in d), chain[-1][0])},
        {"setting": "select", "value": cfg.select or "（全部规则）", "source": cfg.sources.get("select", "默认")},
        {"setting": "ignore", "value": cfg.ignore or "（无）", "source": cfg.sources.get("ignore", "默认")},
    ]
    for cls in all_rules():
        sev = cfg.severities.get(cls.code)
        rows.append({"setting": f"severity.{cls.code}", "value": sev or cls.severity,
                     "source": cfg.source if sev else "规则默认"})
        for o in cls.options:
            if o.name in cfg.options.get(cls.code, {}):
                value, src = cfg.options[cls.code][o.name], f"{cfg.source} [rule.{cls.code}]"
            elif o.name in cfg.thresholds:
                value, src = cfg.thresholds[o.name], f"{cfg.source} [thresholds]"
            else:
                f, d = next(((f, d) for f, d in chain if o.name in d.get("thresholds", {})), (chain[-1][0], {}))
                value, src = d.get("thresholds", {}).get(o.name), f
            rows.append({"setting": f"{cls.code}.{o.name}", "value": value, "source": src})
    return rows
