"""Pipeline stage 1, read: turn a user's file (or stdin) into text, or a plain InputError.

The text is kept exactly as decoded (line ends included) because every later offset
points into it; normalisation is a later stage's job.
"""

from __future__ import annotations

import codecs
import io
import os
import stat
import sys
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

import docx
from docx.document import Document
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from citegraph.models import SourceText

DEFAULT_MAX_BYTES: int = 50 * 1024 * 1024

_MIB = 1024 * 1024
_DOC_REASON = "old Word .doc format is not supported; open it in Word and save it as .docx"
_EMPTY_REASON = "the file is empty"

# Byte-order marks we honour, and the codec that decodes what follows the mark.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

# What a damaged or mislabelled .docx can raise from zipfile, lxml and python-docx.
_DOCX_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    OpcError,
    etree.LxmlError,
)

_W_P = qn("w:p")
_W_TBL = qn("w:tbl")
_W_TR = qn("w:tr")
_W_TC = qn("w:tc")
_W_SDT = qn("w:sdt")
_W_SDT_CONTENT = qn("w:sdtContent")


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
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _decode_text(path, _read_stream(path, stream, max_bytes))
    size = _file_size(path)
    extension = os.path.splitext(path)[1].lower()
    if extension == ".doc":
        raise InputError(path, _DOC_REASON)
    if size > max_bytes:
        raise InputError(path, _too_large_reason(max_bytes))
    data = _read_file(path, max_bytes)
    if extension == ".docx":
        return _read_docx(path, data)
    return _decode_text(path, data)


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
        raise InputError(path, _too_large_reason(max_bytes))
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


def _too_large_reason(max_bytes: int) -> str:
    """Name the limit in MB, the unit --max-size takes; tiny limits are shown in bytes."""
    if max_bytes >= _MIB:
        limit = f"{round(max_bytes / _MIB, 1):g} MB"
    else:
        limit = f"{max_bytes} bytes"
    return f"is larger than the size limit of {limit} (change it with --max-size)"


def _decode_text(path: str, data: bytes) -> SourceText:
    """Decode by BOM, else strict UTF-8: guessing legacy code pages would corrupt diacritics."""
    label, codec, bom = _choose_codec(data)
    if codec == "utf-8" and b"\x00" in data:
        raise InputError(path, "looks like a binary file, not text")
    try:
        text = data[len(bom) :].decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(path, _decode_error_reason(err, len(bom))) from err
    if not text.strip():
        raise InputError(path, _EMPTY_REASON)
    return SourceText(path=path, text=text, encoding=label)


def _choose_codec(data: bytes) -> tuple[str, str, bytes]:
    """Return (label to record, codec for the bytes after the BOM, the BOM itself)."""
    for bom, label, codec in _BOMS:
        if data.startswith(bom):
            return label, codec, bom
    return "utf-8", "utf-8", b""


def _decode_error_reason(err: UnicodeDecodeError, bom_length: int) -> str:
    """Point at the first bad byte by its offset in the file, BOM included."""
    family = "UTF-16" if err.encoding.startswith("utf-16") else "UTF-8"
    bad_byte = err.object[err.start]
    offset = bom_length + err.start
    return (
        f"is not valid {family} text (bad byte 0x{bad_byte:02X} at byte offset {offset}); "
        "save it as UTF-8"
    )


def _read_docx(path: str, data: bytes) -> SourceText:
    """Extract body text in reading order; any damage to the package is the user's to fix."""
    if not data:
        raise InputError(path, _EMPTY_REASON)
    try:
        document = docx.Document(io.BytesIO(data))
    except _DOCX_ERRORS as err:
        raise InputError(path, "is not a readable .docx file") from err
    text = "\n".join(_block_texts(document.element.body, document))
    if not text.strip():
        raise InputError(path, _EMPTY_REASON)
    return SourceText(path=path, text=text, encoding="docx")


def _block_texts(container: etree._Element, document: Document) -> Iterator[str]:
    """Yield paragraph texts of a body or cell, descending into tables and content controls."""
    for child in container.iterchildren():
        if child.tag == _W_P:
            yield Paragraph(child, document).text
        elif child.tag == _W_TBL:
            yield from _table_texts(child, document)
        elif child.tag == _W_SDT:
            for content in child.iterchildren(_W_SDT_CONTENT):
                yield from _block_texts(content, document)


def _table_texts(table: etree._Element, document: Document) -> Iterator[str]:
    """Walk the XML cells (w:tc), not python-docx's grid, so a merged cell is read once."""
    for row in table.iterchildren(_W_TR):
        for cell in row.iterchildren(_W_TC):
            yield from _block_texts(cell, document)
