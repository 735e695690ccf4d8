"""Encrypted Office files (DOCX, and .doc with RC4 encryption) opened with msoffcrypto-tool.

The password is handed to msoffcrypto only; the messages say whether it was missing or wrong,
never what it was."""

from __future__ import annotations

import io

from checker import errors


def missing_password(shown: str, label: str) -> errors.InputError:
    return errors.InputError(f"{label} 已加密（设置了打开密码），缺少密码：请用 --password 或 --password-file 提供：{shown}",
                             f"{label} is password-protected and no password was given: {shown}")


def wrong_password(shown: str, label: str) -> errors.InputError:
    return errors.InputError(f"{label} 的密码不正确，无法打开：{shown}", f"wrong password for the {label}: {shown}")


def office_kind(data_path) -> tuple[str, bool]:
    """('ooxml' | 'doc97' | other format name, encrypted?) of an OLE2 Office file."""
    import msoffcrypto
    from msoffcrypto import exceptions as mex

    try:
        with open(data_path, "rb") as fh:
            of = msoffcrypto.OfficeFile(fh)
            return of.format, bool(of.is_encrypted())
    except (mex.FileFormatError, mex.ParseError, OSError, ValueError, KeyError, IndexError, AssertionError,
            NotImplementedError, TypeError, AttributeError):
        return "unknown", False


def decrypt(data_path, password: str | None, shown: str, label: str) -> bytes:
    """The decrypted file's bytes (a DOCX zip for OOXML, an OLE2 .doc for doc97)."""
    import msoffcrypto
    from msoffcrypto import exceptions as mex

    if not password:
        raise missing_password(shown, label)
    out = io.BytesIO()
    try:
        with open(data_path, "rb") as fh:
            of = msoffcrypto.OfficeFile(fh)
            of.load_key(password=password, verify_password=True)
            of.decrypt(out)
    except mex.InvalidKeyError as exc:
        raise wrong_password(shown, label) from exc
    except (mex.DecryptionError, mex.FileFormatError, mex.ParseError, NotImplementedError, ValueError, KeyError,
            IndexError, AssertionError) as exc:
        raise errors.InputError(f"{label} 的加密方式无法处理，请去除密码后另存再检查：{shown}",
                                f"the {label}'s encryption cannot be handled ({type(exc).__name__}): {shown}") from None
    return out.getvalue()
