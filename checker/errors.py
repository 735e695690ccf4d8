"""Errors that end the reading of one input file with a one-line, bilingual reason."""

from __future__ import annotations

import unicodedata

# pecheck is installed from its project folder, not from a package index: the OCR extra likewise
OCR_INSTALL_ZH = "在 pecheck 项目目录中运行 pip install '.[ocr]'"
OCR_INSTALL_EN = "run pip install '.[ocr]' in the pecheck project folder"


class InputError(Exception):
    """An input that cannot be checked. `zh` is shown to users; `en` is the English gist."""

    def __init__(self, zh: str, en: str):
        zh, en = _one_line(zh), _one_line(en)
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en

    def line(self) -> str:
        """Always exactly one line, whatever the file name holds (newlines, control characters)."""
        return f"{self.zh}（{self.en}）"


def _one_line(s: str) -> str:
    """Control characters (a newline in a file name, say) become visible escapes, not line breaks."""
    return "".join(repr(ch)[1:-1] if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in str(s))


class ScannedInput(InputError):
    """A PDF without a usable text layer; OCR can read it when the extra is installed."""


def not_found(path: str) -> InputError:
    return InputError(f"文件不存在：{path}", f"file not found: {path}")


def empty(path: str) -> InputError:
    return InputError(f"文件为空：{path}", f"empty file: {path}")


def unsupported(path: str) -> InputError:
    return InputError(f"不支持的文件类型（仅支持 PDF 和 DOCX）：{path}",
                      f"unsupported file type, only PDF and DOCX are read: {path}")


def _root_cause(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors in PdfminerException(original): look through it."""
    seen = 0
    while type(exc).__name__ == "PdfminerException" and exc.args and isinstance(exc.args[0], BaseException):
        exc = exc.args[0]
        seen += 1
        if seen > 5:
            break
    return exc


def pdf_failure(exc: BaseException, path, page: int | None = None) -> InputError:
    """One clear line for whatever pdfminer/pdfplumber raised while opening a PDF or reading a page."""
    cause = _root_cause(exc)
    name = type(cause).__name__
    where_zh = f"第 {page} 页" if page else ""
    where_en = f"page {page}: " if page else ""
    if name == "PDFPasswordIncorrect":
        return InputError(f"PDF 已加密（设置了打开密码），无法读取，请提供未加密的文件：{path}",
                          f"PDF is encrypted with a user password: {path}")
    if "Password" in name or "Encrypt" in name:
        return InputError(f"PDF 已加密，且加密方式无法处理：{path}", f"PDF is encrypted ({name}): {path}")
    if isinstance(cause, RecursionError):
        return InputError(f"PDF {where_zh}页面结构异常（页面树循环或嵌套过深）：{path}",
                          f"{where_en}malformed PDF structure, looping or too deeply nested: {path}")
    if isinstance(cause, MemoryError):
        return InputError(f"PDF {where_zh}内容过大，内存不足：{path}", f"{where_en}PDF too large, out of memory: {path}")
    if name in ("PSEOF", "EOFError") or "EOF" in str(cause)[:80]:
        return InputError(f"PDF 文件不完整（可能被截断），无法解析：{path}", f"truncated PDF, cannot be parsed: {path}")
    if page:
        return InputError(f"PDF 第 {page} 页无法解析，文件可能已损坏：{path}",
                          f"page {page} cannot be parsed ({name}), the PDF may be corrupt: {path}")
    return InputError(f"PDF 文件已损坏，无法解析：{path}", f"corrupt PDF, cannot be parsed ({name}): {path}")
