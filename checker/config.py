"""Configuration: `pecheck.toml` or `[tool.pecheck]` in pyproject.toml, then command-line options."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.check.registry import SEVERITIES, selector_help, unknown_patterns


class ConfigError(Exception):
    pass


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severities: dict[str, str] = field(default_factory=dict)  # rule code -> severity
    profile: str = "national"
    thresholds: dict[str, Any] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: str = ""
    cache: str = ""  # result cache (SQLite) for batches; relative to the config file
    dask: str = ""  # Dask scheduler address or local:N for batches


def _find_config(start: Path) -> tuple[dict[str, Any], str]:
    for d in [start, *start.parents]:
        p = d / "pecheck.toml"
        if p.is_file():
            return tomllib.loads(p.read_text(encoding="utf-8")), str(p)
        pp = d / "pyproject.toml"
        if pp.is_file():
            data = tomllib.loads(pp.read_text(encoding="utf-8"))
            tool = data.get("tool", {}).get("pecheck")
            if tool is not None:
                return tool, str(pp)
    return {}, ""


def load_config(path: Path | None = None, select=(), ignore=(), profile: str | None = None,
                cwd: Path | None = None) -> Config:
    try:
        if path is not None:
            if not path.is_file():
                raise ConfigError(f"配置文件不存在：{path}")
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            if path.name == "pyproject.toml":
                data = data.get("tool", {}).get("pecheck", {})
            src = str(path)
        else:
            data, src = _find_config(cwd or Path.cwd())
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"配置文件格式错误：{exc}") from exc
    cfg = Config(source=src)
    cfg.select = [s for s in data.get("select", []) if s]
    cfg.ignore = [s for s in data.get("ignore", []) if s]
    cfg.profile = data.get("profile", "national")
    cfg.thresholds = dict(data.get("thresholds", {}))
    for code, sev in dict(data.get("severity", {})).items():
        if sev not in SEVERITIES:
            raise ConfigError(f"规则 {code} 的级别 {sev!r} 无效（应为 info/warning/error）")
        cfg.severities[code.upper()] = sev
    cfg.options = {k.upper(): v for k, v in dict(data.get("rule", {})).items()}
    if data.get("cache"):
        where = Path(str(data["cache"])).expanduser()
        cfg.cache = str(where if where.is_absolute() or not src else Path(src).parent / where)
    cfg.dask = str(data.get("dask") or "")
    # command-line options extend / override the file
    sel = [p for s in select for p in s.split(",") if p.strip()]
    ign = [p for s in ignore for p in s.split(",") if p.strip()]
    if sel:
        cfg.select = sel
    cfg.ignore += ign
    if profile:
        cfg.profile = profile
    bad = unknown_patterns(cfg.select + cfg.ignore)
    if bad:
        zh, en = selector_help(bad)
        raise ConfigError(f"未知的规则选择：{', '.join(bad)}；{zh}（unknown selector {', '.join(bad)}; {en}）")
    from checker import knowledge

    try:
        knowledge.load(cfg.profile)
    except knowledge.KnowledgeError as exc:
        raise ConfigError(str(exc)) from exc
    return cfg
