"""Passwords for encrypted inputs: one for every file (`--password`) and a per-file list
(`--password-file`). A password is a secret: this object never shows one in a repr, a log line, an
error message or any output, and the checker only ever hands it to the decrypting library."""

from __future__ import annotations

from pathlib import Path, PurePosixPath


class Passwords:
    __slots__ = ("_default", "_per_file")

    def __init__(self, default: str | None = None, per_file: dict[str, str] | None = None):
        self._default = default or None
        self._per_file = dict(per_file or {})

    def __repr__(self) -> str:
        return f"Passwords(<{len(self._per_file) + bool(self._default)} hidden>)"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._default or self._per_file)

    def __eq__(self, other) -> bool:
        return isinstance(other, Passwords) and (self._default, self._per_file) == (other._default, other._per_file)

    def __reduce__(self):  # batch workers get the same passwords (pickled over a private pipe)
        return (Passwords, (self._default, self._per_file))

    def for_file(self, path) -> str | None:
        """The password listed for this file (by the path as given, its name, or for an archive
        member its path in the archive or its name), else the one for every file."""
        s = str(path)
        inner = s.rsplit("!/", 1)[-1]
        for key in (s, inner, PurePosixPath(inner).name, Path(s).name):
            if key in self._per_file:
                return self._per_file[key]
        return self._default


class PasswordFileError(ValueError):
    pass


def read_password_file(path: Path, default: str | None = None) -> Passwords:
    """One file per line: the file's name (or path, or `archive.zip!/member`), then a tab or `=`,
    then its password. Blank lines and lines starting with # are skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PasswordFileError(f"无法读取密码文件：{path}（cannot read the password file）") from exc
    per_file: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        sep = "\t" if "\t" in line else "="
        name, _, pw = line.partition(sep)
        if not _ or not name.strip():
            # the line number only: the line itself may hold a password
            raise PasswordFileError(f"密码文件第 {n} 行格式不对，应为“文件名<Tab 或 =>密码”：{path}"
                                    f"（line {n} of the password file is not 'name<TAB or =>password'）")
        per_file[name.strip()] = pw.strip() if sep == "=" else pw
    return Passwords(default, per_file)
