"""Compiled patterns kept between runs, as Python keeps compiled modules in __pycache__.

`regex.compile` parses and compiles a pattern in Python: the hundred-odd patterns a DOCX check uses
cost about 13 % of a fresh `pecheck` run, every run, for the same result. A compiled `regex` pattern
reduces, for pickling, to the arguments of the engine's own constructor (the compiled code, group
names, required string...); building a pattern from them costs about 11 µs and no parsing. The first
run that compiles a pattern stores those arguments; later runs build the pattern from them.

Where: `$PECHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/pecheck`, else `~/.cache/pecheck`; setting
PECHECK_CACHE_DIR to an empty string turns the store off. One file per `regex` version
(patterns-<version>.bin): the compiled code holds the engine's numbers for Unicode properties, and
those change between versions (2026.5.9 → 2026.12.2 renumbered 51 scripts), so a file is read only
by the version that wrote it.

The file is a checksum and a `marshal`led dict {(source, flags): constructor arguments}: plain data,
nothing in it is code or names code, and the constructor is always the engine's. The arguments are
taken through the reduction `regex` registers with copyreg for pickling, so that nothing private of
`regex` is named here and `pickle` itself (≈ 2 ms to import) is not needed. A damaged or foreign file
costs the store (patterns are compiled as without it), never a wrong pattern. Anything that goes
wrong reading or writing is silent: the store only saves time.
"""

from __future__ import annotations

import atexit
import copyreg
import functools
import marshal
import os
import tempfile
import zlib
from pathlib import Path

import regex

__all__ = ["directory", "get", "path", "put", "reset", "save"]

_ENV = "PECHECK_CACHE_DIR"
_MAGIC = b"pecheck-patterns-1\n"
_MAX_ENTRIES = 4000  # a configuration's word lists make patterns too: bound what one file may hold
_MAX_BYTES = 16 * 1024 * 1024

_stored: dict | None = None  # what the file held, read on first use
_added: dict[tuple[str, int], tuple] = {}  # compiled in this process, written at exit
_saving = False


def directory() -> Path | None:
    """The store's directory, or None when it is turned off."""
    env = os.environ.get(_ENV)
    if env is not None:
        return Path(env) if env.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pecheck"


def path() -> Path | None:
    """The file of this `regex` version's patterns, or None when the store is turned off."""
    d = directory()
    return None if d is None else d / f"patterns-{regex.__version__}.bin"


def _reduce(rx: regex.Pattern) -> tuple:
    """(constructor, arguments) of a compiled pattern: what pickling it stores."""
    return copyreg.dispatch_table[regex.Pattern](rx)


@functools.lru_cache(maxsize=1)
def _engine():
    """The engine's constructor, from a pattern the `regex` module keeps compiled itself."""
    return _reduce(regex.compile(""))[0]


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


def get(source: str, flags: int) -> regex.Pattern | None:
    """The stored compiled pattern of `source` under `flags`, or None."""
    global _stored
    if _stored is None:
        _stored = _read(path())
    args = _stored.get((source, int(flags)))
    # the key holds the flags; the source is checked again against a file written by something else
    if type(args) is not tuple or not args or args[0] != source:
        return None
    try:
        rx = _engine()(*args)
    except Exception:  # noqa: BLE001 - any damage means: compile it as if it were not stored
        return None
    return rx if isinstance(rx, regex.Pattern) else None


def put(source: str, flags: int, rx: regex.Pattern) -> None:
    """Store `rx`, compiled from `source` under `flags`, when this process ends."""
    global _saving
    if path() is None:
        return
    try:
        args = _reduce(rx)[1]
        marshal.dumps(args)  # plain data only; anything else is not stored
    except Exception:  # noqa: BLE001 - a pattern that cannot be stored is simply compiled next time
        return
    _added[(source, int(flags))] = args
    if not _saving:
        _saving = True
        atexit.register(save)


def save() -> None:
    """Write the patterns compiled in this process into the file, with those another process wrote
    there meanwhile (read again just before), atomically: a reader sees the old file or the new one."""
    global _stored
    file = path()
    if file is None or not _added:
        return
    table = _read(file)
    table.update(_added)
    if len(table) > _MAX_ENTRIES:  # a file grown by many configurations: start again from this run's
        table = dict(_added)
    body = marshal.dumps(table)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".patterns-", dir=file.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
            os.replace(tmp, file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return
    _stored = table
    _added.clear()


def reset() -> None:
    """Forget what was read and what is waiting to be written (tests that change the directory)."""
    global _stored
    _stored = None
    _added.clear()
