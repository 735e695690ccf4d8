"""Errors that end the reading of one input file with a one-line, bilingual reason."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be checked. `zh` is shown to users; `en` is the English gist."""

    def __init__(self, zh: str, en: str):
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en

    def line(self) -> str:
        return f"{self.zh}（{self.en}）"


class ScannedInput(InputError):
    """A PDF without a usable text layer; OCR can read it when the extra is installed."""


def not_found(path: str) -> InputError:
    return InputError(f"文件不存在：{path}", f"file not found: {path}")


def empty(path: str) -> InputError:
    return InputError(f"文件为空：{path}", f"empty file: {path}")


def unsupported(path: str) -> InputError:
    return InputError(f"不支持的文件类型（仅支持 PDF 和 DOCX）：{path}",
                      f"unsupported file type, only PDF and DOCX are read: {path}")
