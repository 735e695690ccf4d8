"""What one run works out and the next would work out again, kept between runs as Python keeps compiled
modules in __pycache__: compiled patterns (understand/patternstore.py), the parsed data files of
rules/ (`parsed_toml`) and the names of the administrative divisions (understand/divisions.py).

Where: `$PECHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/pecheck`, else `~/.cache/pecheck`; setting
PECHECK_CACHE_DIR to an empty string turns every store off. Reports, their text and their results are
never kept here.

A store is one file: a magic line, a checksum and a `marshal`led dict. marshal holds plain data only
(nothing in a file is code or names code), loads fast, and needs no import. A store is read on first
use; what a process adds is written when it ends, merged with what another process wrote meanwhile,
atomically (a reader sees the old file or the new one). A damaged, foreign or oversized file counts
as empty, and a directory that cannot be written is silently left alone: a store only saves time.
"""

from __future__ import annotations

import atexit
import marshal
import os
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["Store", "directory", "parsed_toml"]

_ENV = "PECHECK_CACHE_DIR"
_MAGIC = b"pecheck-store-1\n"
_MAX_ENTRIES = 4000  # a configuration's word lists make patterns too: bound what one file may hold
_MAX_BYTES = 16 * 1024 * 1024


def directory() -> Path | None:
    """The stores' directory, or None when they are turned off."""
    env = os.environ.get(_ENV)
    if env is not None:
        return Path(env) if env.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pecheck"


class Store:
    """One file of the store directory, holding what `put` was given, by key. `name` gives the file's
    name when it is first needed (a name may depend on a library's version)."""

    def __init__(self, name: Callable[[], str]):
        self._name = name
        self._stored: dict | None = None  # what the file held, read on first use
        self._added: dict = {}  # put in this process, written at exit
        self._saving = False

    def path(self) -> Path | None:
        d = directory()
        return None if d is None else d / f"{self._name()}.bin"

    def get(self, key: Any) -> Any:
        """The value stored under `key`, or None."""
        if self._stored is None:
            self._stored = _read(self.path())
        return self._stored.get(key)

    def put(self, key: Any, value: Any) -> None:
        """Store `value` (plain data: what marshal holds) under `key` when this process ends."""
        if self.path() is None:
            return
        try:
            marshal.dumps((key, value))
        except ValueError:  # not plain data (a date in a TOML file...): simply not stored
            return
        self._added[key] = value
        if not self._saving:
            self._saving = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write what this process added, with what another process wrote meanwhile (read again just
        before)."""
        file = self.path()
        if file is None or not self._added:
            return
        table = _read(file)
        table.update(self._added)
        if len(table) > _MAX_ENTRIES:  # a file grown by many configurations: start again from this run's
            table = dict(self._added)
        if _write(file, marshal.dumps(table)):
            self._stored = table
            self._added.clear()

    def reset(self) -> None:
        """Forget what was read and what waits to be written (tests that change the directory)."""
        self._stored = None
        self._added.clear()


def _read(file: Path | None) -> dict:
    if file is None:
        return {}
    try:
        with open(file, "rb") as f:
            data = f.read(_MAX_BYTES + 1)
        head, crc, body = data[:len(_MAGIC)], data[len(_MAGIC):len(_MAGIC) + 4], data[len(_MAGIC) + 4:]
        if head != _MAGIC or len(data) > _MAX_BYTES or int.from_bytes(crc, "big") != zlib.crc32(body):
            return {}
        table = marshal.loads(body)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(table, dict) or len(table) > _MAX_ENTRIES:
        return {}
    return table


def _write(file: Path, body: bytes) -> bool:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{file.stem}-", dir=file.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
            os.replace(tmp, file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


# ------------------------------------------------------------------------------ parsed data files
_TOML = Store(lambda: "toml")


def parsed_toml(text: str) -> dict[str, Any]:
    """`tomllib.loads(text)`, kept between runs by the text itself: tomllib parses in Python (about
    10 ms for the rules/ files a check reads, and 2 ms to import). A fresh object every call, as
    tomllib gives; a text that does not parse raises as tomllib does (TOMLDecodeError, a ValueError)."""
    blob = _TOML.get(text)
    if type(blob) is bytes:
        try:
            data = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            data = None
        if type(data) is dict:
            return data
    import tomllib  # only when a text is not stored yet

    data = tomllib.loads(text)
    try:
        _TOML.put(text, marshal.dumps(data))
    except ValueError:  # a date or time in the file: not plain data, parsed every run
        pass
    return data
