"""Read a PDF's text layer with pypdf, page by page.

A PDF from the gazette or exported from Word has a text layer; a scanned one has only pictures of pages
and needs OCR first, which citegraph does not do. pypdf raises many kinds of errors on a damaged file and
logs warnings on a merely sloppy one: a damaged file becomes one InputError, and the warnings are kept off
the user's terminal, where citegraph promises one line per bad file.
"""

from __future__ import annotations

import contextlib
import logging
import unicodedata
import warnings
from collections.abc import Iterator
from io import BytesIO

from pypdf import PasswordType, PdfReader

from citegraph.read import InputError, describe_size

_UNREADABLE = "is not a readable PDF file (it is damaged or not a PDF)"
_NEEDS_OCR = "has no text layer (it is a scanned image); it needs OCR (text recognition) before citegraph can read it"
# Share of a text layer that may be unreadable glyph codes before the text counts as lost.
_MAX_GARBLED_SHARE = 0.3


def pdf_blocks(path: str, data: bytes, max_bytes: int) -> list[tuple[str, str]]:
    """Each page's text as ("page N", text)."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, _UNREADABLE)
    with _quiet_pypdf():
        try:
            pages = _page_texts(path, data, max_bytes)
        except InputError:
            raise
        except Exception as err:  # pypdf's failures on a damaged file are many and none is the user's to debug
            raise InputError(path, _UNREADABLE) from err
    if not pages:
        raise InputError(path, "has no pages")
    text = "".join(pages)
    if not text.strip():
        raise InputError(path, _NEEDS_OCR)
    if _garbled_share(text) > _MAX_GARBLED_SHARE:
        raise InputError(path, "has a text layer that cannot be decoded (fonts without a character map); it needs OCR")
    return [(f"page {number}", page) for number, page in enumerate(pages, 1)]


def _page_texts(path: str, data: bytes, max_bytes: int) -> list[str]:
    reader = PdfReader(BytesIO(data))
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise InputError(path, "is protected with a password; open it, remove the password and save it again")
    pages: list[str] = []
    size = 0
    for page in reader.pages:
        pages.append(page.extract_text())
        size += len(pages[-1])
        if size > max_bytes:
            raise InputError(path, f"has more text than the size limit of {describe_size(max_bytes)} (change it with --max-size)")
    return pages


def _garbled_share(text: str) -> float:
    """Share of visible characters that are control, private-use or replacement characters."""
    visible = [c for c in text if not c.isspace()]
    garbled = sum(unicodedata.category(c) in ("Cc", "Co", "Cn") or c == "\ufffd" for c in visible)
    return garbled / len(visible)


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Keep pypdf's warnings about sloppy files off standard error while it reads."""
    logger = logging.getLogger("pypdf")
    handler = logging.NullHandler()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.propagate = propagate
        logger.removeHandler(handler)
