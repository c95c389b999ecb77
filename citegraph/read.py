"""Pipeline stage 1, read: turn a user's file (or stdin) into text, or a plain InputError.

The format is told by the file's first bytes, then its extension, so a PDF saved as `.txt` is still
read as a PDF. Word, PDF and HTML readers live in read_docx.py, read_pdf.py and read_html.py; old
Vietnamese encodings in encodings.py. The text is kept exactly as decoded (line ends included)
because every later offset points into it; only a conversion from an old encoding or a mojibake
repair changes it, and then line numbers stay the same and a note says so.
"""

from __future__ import annotations

import bisect
import codecs
import os
import stat
import sys
from collections.abc import Callable, Iterable
from typing import BinaryIO

from citegraph.encoding_signs import needs_repair
from citegraph.models import SourceText

DEFAULT_MAX_BYTES: int = 50 * 1024 * 1024
# Longer than any real paragraph by far; a text with such a line is not a document.
MAX_LINE_CHARS: int = 1_000_000

_MIB = 1024 * 1024
_DOC_REASON = "old Word .doc format is not supported; open it in Word and save it as .docx"
_EMPTY_REASON = "the file is empty"
_BINARY_REASON = "looks like a binary file, not text"
# Share of control characters above which bytes are a program or an image, not text.
_MAX_CONTROL_SHARE = 0.01
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A}

# Byte-order marks we honour, and the codec that decodes what follows the mark.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_STARTS = (b"<!doctype html", b"<html")

Blocks = Iterable[tuple[str, str]]
"""A reader's output: (where in the file, text) for each paragraph, cell, page or note, in reading order."""


class InputError(Exception):
    """A user's input that cannot be read; str(err) == f"{path}: {reason}"."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def read_source(
    path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> SourceText:
    """Read one input ("-" for stdin) as text, raising InputError for anything a user must fix."""
    if path == "-":
        data = _read_stream(path, stdin if stdin is not None else sys.stdin.buffer, max_bytes)
    else:
        if _file_size(path) > max_bytes:
            raise InputError(path, too_large_reason(max_bytes))
        data = _read_file(path, max_bytes)
    if not data:
        raise InputError(path, _EMPTY_REASON)
    return _reader_for(path, data)(path, data, max_bytes)


def part_at(source: SourceText, offset: int) -> str | None:
    """Where in the original file (paragraph, table cell, page, footnote) the text at `offset` comes from."""
    index = bisect.bisect_right(source.parts, offset, key=lambda part: part[0])
    return source.parts[index - 1][1] if index else None


def too_large_reason(max_bytes: int) -> str:
    """Name the limit in MB, the unit --max-size takes; tiny limits are shown in bytes."""
    return f"is larger than the size limit of {describe_size(max_bytes)} (change it with --max-size)"


def describe_size(max_bytes: int) -> str:
    """A size as a clerk reads it: MB, or bytes when tiny."""
    if max_bytes >= _MIB:
        return f"{round(max_bytes / _MIB, 1):g} MB"
    return f"{max_bytes} bytes"


# --- getting the bytes --------------------------------------------------------------------------


def _file_size(path: str) -> int:
    """Stat before opening so a huge file or a directory is refused without reading it."""
    try:
        info = os.stat(path)
    except OSError as err:
        raise InputError(path, _os_error_reason(err)) from err
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory, not a file")
    return info.st_size


def _read_file(path: str, max_bytes: int) -> bytes:
    """Read the file's bytes; the limit is checked again because a file can grow after stat."""
    try:
        with open(path, "rb") as handle:
            return _read_stream(path, handle, max_bytes)
    except OSError as err:
        raise InputError(path, _os_error_reason(err)) from err


def _read_stream(path: str, stream: BinaryIO, max_bytes: int) -> bytes:
    """Read at most max_bytes + 1 bytes, so an endless pipe cannot exhaust memory."""
    chunks: list[bytes] = []
    remaining = max_bytes + 1
    try:
        while remaining > 0:
            chunk = stream.read(remaining)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as err:
        raise InputError(path, _os_error_reason(err)) from err
    if remaining <= 0:
        raise InputError(path, too_large_reason(max_bytes))
    return b"".join(chunks)


def _os_error_reason(err: OSError) -> str:
    """Say what went wrong in words a clerk knows, not in errno names."""
    if isinstance(err, (FileNotFoundError, NotADirectoryError)):
        return "no such file"
    if isinstance(err, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(err, PermissionError):
        return "cannot be read: permission denied"
    detail = (err.strerror or "unknown error").lower()
    return f"cannot be read: {detail}"


# --- choosing a reader --------------------------------------------------------------------------

Reader = Callable[[str, bytes, int], SourceText]


def _reader_for(path: str, data: bytes) -> Reader:
    """Trust the content's signature over the name: drafters rename files, and pipes have no name."""
    extension = "" if path == "-" else os.path.splitext(path)[1].lower()
    head = data[:1024]
    by_content = (
        (_PDF_MAGIC in head, _read_pdf),
        (head.startswith(_ZIP_MAGICS), _read_docx),
        (head.startswith(_OLE_MAGIC), _refuse_old_office),
        (head.lstrip().startswith(b"{\\rtf"), _refuse_rtf),
        (_looks_like_html(head), _read_html),
    )
    for matches, reader in by_content:
        if matches:
            return reader
    return _READERS_BY_EXTENSION.get(extension, _read_text)


def _looks_like_html(head: bytes) -> bool:
    start = head.removeprefix(codecs.BOM_UTF8).lstrip().lower()
    return start.startswith(_HTML_STARTS)


def _read_pdf(path: str, data: bytes, max_bytes: int) -> SourceText:
    from citegraph.read_pdf import pdf_blocks

    return _from_blocks(path, pdf_blocks(path, data, max_bytes), "pdf")


def _read_docx(path: str, data: bytes, max_bytes: int) -> SourceText:
    from citegraph.read_docx import docx_blocks

    return _from_blocks(path, docx_blocks(path, data, max_bytes), "docx")


def _read_html(path: str, data: bytes, max_bytes: int) -> SourceText:
    from citegraph.read_html import declared_charset, html_lines

    text, encoding, notes = _decode(path, data, declared_charset(data))
    return _finish(path, html_lines(text), f"html ({encoding})", notes)


def _read_text(path: str, data: bytes, max_bytes: int) -> SourceText:
    text, encoding, notes = _decode(path, data)
    return _finish(path, text, encoding, notes)


def _refuse_old_office(path: str, data: bytes, max_bytes: int) -> SourceText:
    """An OLE container: an old .doc, or a .docx that Word encrypted with a password."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise InputError(
            path, "is protected with a password; open it in Word, remove the password and save it as .docx"
        )
    raise InputError(path, _DOC_REASON)


def _refuse_rtf(path: str, data: bytes, max_bytes: int) -> SourceText:
    raise InputError(path, "is an RTF file, which citegraph cannot read; open it in Word and save it as .docx")


# A file whose content has no signature is read by its name: a .docx or .pdf name then says what it should be.
_READERS_BY_EXTENSION: dict[str, Reader] = {
    ".pdf": _read_pdf, ".docx": _read_docx, ".docm": _read_docx, ".dotx": _read_docx, ".doc": _refuse_old_office,
    ".rtf": _refuse_rtf, ".html": _read_html, ".htm": _read_html, ".xhtml": _read_html,
}


# --- decoding text ------------------------------------------------------------------------------


def _decode(path: str, data: bytes, declared: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Decode by BOM, UTF-16 shape or strict UTF-8; then a declared charset or an old Vietnamese encoding."""
    label, codec, bom = _choose_codec(data)
    if codec == "utf-8" and b"\x00" in data:
        raise InputError(path, _BINARY_REASON)
    try:
        text = data[len(bom) :].decode(codec)
    except UnicodeDecodeError as err:
        if bom or codec != "utf-8":  # the file declares its encoding: no guessing
            raise InputError(path, _decode_error_reason(err, len(bom))) from err
        return _decode_not_utf8(path, data, declared, err)
    if "\x00" in text:
        raise InputError(path, _BINARY_REASON)
    return text, label, ()


def _decode_not_utf8(
    path: str, data: bytes, declared: str | None, error: UnicodeDecodeError
) -> tuple[str, str, tuple[str, ...]]:
    """The charset a page declares, else Windows-1258, TCVN3 or VNI if the bytes read as Vietnamese in it."""
    if declared is not None:
        return _decode_declared(path, data, declared), declared, ()
    if _control_share(data) > _MAX_CONTROL_SHARE:
        raise InputError(path, _BINARY_REASON)
    # The converters, loaded only for a file that is not UTF-8.
    from citegraph import encodings

    legacy = encodings.decode_legacy(data)
    if legacy is None:
        raise InputError(path, _decode_error_reason(error, 0))
    text, label, name = legacy
    return text, label, (f"the file is not UTF-8; it was read as {name} and converted to Unicode",)


def _choose_codec(data: bytes) -> tuple[str, str, bytes]:
    """Return (label to record, codec for the bytes after the BOM, the BOM itself)."""
    for bom, label, codec in _BOMS:
        if data.startswith(bom):
            return label, codec, bom
    without_bom = _utf16_without_bom(data)
    if without_bom is not None:
        return "utf-16", without_bom, b""
    return "utf-8", "utf-8", b""


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: ASCII letters leave a zero byte in every other place, on one side only."""
    sample = data[:4096]
    if len(sample) < 32 or len(sample) % 2:  # a few bytes are no evidence of an encoding
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) // 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) // 2)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _control_share(data: bytes) -> float:
    sample = data[:65536]
    return sum(byte in _CONTROL_BYTES for byte in sample) / len(sample)


def _decode_declared(path: str, data: bytes, charset: str) -> str:
    try:
        return data.decode(charset)
    except UnicodeDecodeError as err:
        raise InputError(
            path, f"is not valid {charset} text as the page declares (bad byte at byte offset {err.start}); save it as UTF-8"
        ) from err


def _decode_error_reason(err: UnicodeDecodeError, bom_length: int) -> str:
    """Point at the first bad byte by its offset in the file, BOM included."""
    family = "UTF-16" if err.encoding.startswith("utf-16") else "UTF-8"
    bad_byte = err.object[err.start]
    offset = bom_length + err.start
    return (
        f"is not valid {family} text (bad byte 0x{bad_byte:02X} at byte offset {offset}); "
        "save it as UTF-8"
    )


# --- from text to SourceText --------------------------------------------------------------------


def _from_blocks(path: str, blocks: Blocks, encoding: str) -> SourceText:
    """Join a document's blocks with line feeds, remembering the line each block starts on."""
    texts: list[str] = []
    starts: list[tuple[int, str]] = []
    line = 0
    for label, text in blocks:
        if not starts or starts[-1][1] != label:
            starts.append((line, label))
        texts.append(text)
        line += text.count("\n") + 1
    return _finish(path, "\n".join(texts), encoding, (), tuple(starts))


def _finish(
    path: str, text: str, encoding: str, notes: tuple[str, ...], line_parts: tuple[tuple[int, str], ...] = ()
) -> SourceText:
    """Refuse empty or line-less text, repair old encodings, and turn part lines into offsets."""
    if not text.strip():
        raise InputError(path, _EMPTY_REASON)
    longest = max(map(len, text.splitlines()))
    if longest > MAX_LINE_CHARS:
        raise InputError(
            path,
            f"has a line of {longest:,} characters, more than the {MAX_LINE_CHARS:,} a document's line can have; "
            "it does not look like a document",
        )
    text, repairs = _repair(text)
    return SourceText(path, text, encoding, notes + repairs, _part_offsets(text, line_parts))


def _repair(text: str) -> tuple[str, tuple[str, ...]]:
    """`encodings.repair`, loaded only for a text that shows a sign of needing it: clean text is the rule."""
    if not needs_repair(text):
        return text, ()
    from citegraph import encodings

    return encodings.repair(text)


def _part_offsets(text: str, line_parts: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
    """Offsets of the lines where parts start; repairs keep line feeds, so the line numbers still hold."""
    parts: list[tuple[int, str]] = []
    line = offset = 0
    for wanted, label in line_parts:
        while line < wanted:
            offset = text.index("\n", offset) + 1
            line += 1
        parts.append((offset, label))
    return tuple(parts)
