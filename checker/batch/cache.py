"""The result cache: one SQLite file, one row per (file content, pecheck version, rule set, settings).

A batch looks every file up before checking it and stores every result as soon as it arrives, in
its own transaction, so that:
- a re-run over an unchanged folder checks only the new or changed files;
- a batch killed halfway and started again resumes where it stopped (what was stored is kept);
- a change of pecheck's version, of the rule data (rules/*.toml, the registered rules) or of an
  effective setting (selected rules, severities, profile and thresholds, rule options, OCR mode, the
  PDF reader in force: PECHECK_PDF_READER) gives a different key, so exactly those results are checked again.

What is not stored: failures that say more about the run than about the file (time limit, memory
cap, a crashed worker, an internal error) — the next run tries those files again.  An unreadable
file's failure is stored: reading it again gives the same answer.

The key's content part is the SHA-256 of the file's bytes, so a renamed or copied file is found
again; its result is handed back under its current name.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import time
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker import __version__
from checker.check.registry import Finding
from checker.model import Loc
from checker.pipeline import Result, knowledge_for

SCHEMA = 1
_CHUNK = 1 << 20
# failures that belong to the run (limits, crashes, bugs), not to the file: never cached
_TRANSIENT = ("处理超时", "内存不足", "处理进程异常退出", "内部错误", "结果无法传回", "工作节点", "文件过大，内存不足")


class CacheError(Exception):
    pass


def content_hash(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _digest(obj: Any) -> str:
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@lru_cache(maxsize=1)
def ruleset_digest() -> str:
    """The rule data (every rules/*.toml) and the registered rules with their defaults."""
    from checker.check.registry import all_rules
    from checker.knowledge import rules_dir

    root = rules_dir()
    data = {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*.toml"))}
    rules = [[r.code, r.category, r.severity, [[o.name, repr(getattr(o, "default", None))] for o in r.options]]
             for r in all_rules()]
    return _digest({"data": data, "rules": rules})


def settings_digest(cfg, ocr: str) -> str:
    """The settings as they act on a file, not as they were written: `--select sum` and the list of
    sum rules are one key; where the config file lies is not part of it."""
    from checker.check.registry import all_rules, matches
    from checker.errors import InputError
    from checker.read.pdf import reader_name

    try:
        reader = reader_name()  # the two PDF readers may differ on a damaged file: never mix their results
    except InputError:  # an unknown PECHECK_PDF_READER: every PDF fails on it, under its own key
        reader = os.environ.get("PECHECK_PDF_READER", "")
    codes = [r.code for r in all_rules()
             if (not cfg.select or matches(r, cfg.select)) and not (cfg.ignore and matches(r, cfg.ignore))]
    k = knowledge_for(cfg)
    return _digest({"rules": codes, "severity": {c: s for c, s in sorted(cfg.severities.items()) if c in codes},
                    "options": {c: o for c, o in sorted(cfg.options.items()) if c in codes},
                    "profile": k.profile, "ocr": ocr, "pdf_reader": reader})


def cacheable(res: Result) -> bool:
    return not (res.error and any(w in res.error for w in _TRANSIENT))


# ------------------------------------------------------------------------------ Result <-> JSON


def _loc(d: dict) -> Loc:
    names = {f.name for f in dataclasses.fields(Loc)}
    d = {k: v for k, v in d.items() if k in names}
    if d.get("bbox") is not None:  # JSON has lists; the model has tuples
        d["bbox"] = tuple(d["bbox"])
    if d.get("context") is not None:
        d["context"] = tuple(tuple(b) for b in d["context"])
    return Loc(**d)


def _finding(d: dict) -> Finding:
    names = {f.name for f in dataclasses.fields(Finding)}
    d = {k: v for k, v in d.items() if k in names}
    d["locations"] = [_loc(x) for x in d.get("locations", [])]
    return Finding(**d)


def dump_result(res: Result) -> bytes:
    d = dataclasses.asdict(res)
    return zlib.compress(json.dumps(d, ensure_ascii=False, default=str).encode("utf-8"), 6)


def load_result(blob: bytes, file: str) -> Result:
    d = json.loads(zlib.decompress(blob))
    names = {f.name for f in dataclasses.fields(Result)}
    d = {k: v for k, v in d.items() if k in names}
    d["findings"] = [_finding(x) for x in d.get("findings", [])]
    old = d.get("file", "")
    d["file"] = file
    if d.get("error") and old and old != file:  # an error line quotes the name it was read under
        d["error"] = d["error"].replace(old, file)
    return Result(**d)


# ----------------------------------------------------------------------------------------- cache


class ResultCache:
    """`with ResultCache(path, cfg, ocr) as c: c.get(hash, file)`, `c.put(hash, result)`."""

    def __init__(self, path, cfg, ocr: str = "auto"):
        self.path = Path(path)
        self.version = __version__
        self.ruleset = ruleset_digest()
        self.settings = settings_digest(cfg, ocr)
        self.hits = self.stored = 0
        self.write_seconds = 0.0
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")  # readers and one writer; a kill loses nothing committed
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS results (content TEXT NOT NULL, version TEXT NOT NULL, "
                "ruleset TEXT NOT NULL, settings TEXT NOT NULL, file TEXT, stored REAL, result BLOB NOT NULL, "
                "PRIMARY KEY (content, version, ruleset, settings)) WITHOUT ROWID")
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
            elif row[0] != str(SCHEMA):
                raise CacheError(f"结果缓存 {self.path} 的格式版本为 {row[0]}，本程序需要 {SCHEMA}"
                                 f"（cache schema {row[0]}, expected {SCHEMA}）")
        except sqlite3.Error as exc:
            raise CacheError(f"无法打开结果缓存 {self.path}：{exc}（cannot open the result cache）") from exc

    def _key(self, content: str) -> tuple[str, str, str, str]:
        return content, self.version, self.ruleset, self.settings

    def get(self, content: str, file: str) -> Result | None:
        row = self.db.execute("SELECT result FROM results WHERE content=? AND version=? AND ruleset=? "
                              "AND settings=?", self._key(content)).fetchone()
        if row is None:
            return None
        try:
            res = load_result(row[0], file)
        except (ValueError, TypeError, zlib.error):  # a damaged row: check the file again
            return None
        self.hits += 1
        return res

    def put(self, content: str, res: Result) -> bool:
        if not cacheable(res):
            return False
        t0 = time.perf_counter()
        try:
            self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (*self._key(content), res.file, time.time(), dump_result(res)))
        except sqlite3.Error as exc:
            raise CacheError(f"无法写入结果缓存 {self.path}：{exc}（cannot write the result cache）") from exc
        self.write_seconds += time.perf_counter() - t0
        self.stored += 1
        return True

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
