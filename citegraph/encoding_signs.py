"""Cheap signs that a decoded text is not clean Unicode: mojibake, an old font encoding, decomposed letters.

Nearly every file is clean UTF-8, so the reader looks for these signs first and loads the converters of
citegraph/encodings.py, their tables and their syllable scoring, only for a text that shows one. The signs
are the ones `encodings.repair` itself starts from, so a text without any is one it would return unchanged
and without a note.
"""

from __future__ import annotations

import re
import unicodedata

# Detection reads at most this much of a text: enough to judge, cheap on a 50 MB file.
SAMPLE_CHARS = 200_000
# A text needs at least this many look-alike characters before a font conversion is considered.
MIN_LOOKALIKES = 3

TONES = "\u0300\u0301\u0309\u0303\u0323"
BASE_VOWELS = "aăâeêioôơuưy"


def compose(letters: str, marks: str = "") -> str:
    return unicodedata.normalize("NFC", letters + marks)


PLAIN_VOWELS = frozenset(BASE_VOWELS)
TONED_VOWELS = frozenset(compose(v, t) for v in BASE_VOWELS for t in TONES)
_LOWER_LETTERS = PLAIN_VOWELS | TONED_VOWELS | {"đ"}
_VIETNAMESE_LETTERS = _LOWER_LETTERS | {c.upper() for c in _LOWER_LETTERS}
# Letters that only Unicode Vietnamese has: no TCVN3, VNI or Windows-1252 text contains them.
_UNICODE_ONLY = frozenset(c for c in _VIETNAMESE_LETTERS if ord(c) > 0xFF)
UNICODE_ONLY_CLASS = re.compile("[" + "".join(sorted(_UNICODE_ONLY)) + "]")
_LOOKALIKE_RANGE = re.compile(
    "[" + "".join(c for c in map(chr, range(0xA1, 0x100)) if c not in _VIETNAMESE_LETTERS) + "]"
)
# What UTF-8 Vietnamese looks like read as Windows-1252: á» / áº (ạ..ỹ), Ä‘ (đ), Æ° (ư), Æ¡ (ơ), Äƒ (ă).
MOJIBAKE_SIGN = re.compile("á[º»]|Ä[‘ƒ©]|Æ[°¡]|Å©|Ã[\u00a0-\u00bf]")


def font_sample(text: str) -> str | None:
    """The start of the text without its lines of Unicode-only letters, when it holds enough Latin-1
    look-alikes to be in an old font encoding; None when it cannot be."""
    sample = "\n".join(line for line in text[:SAMPLE_CHARS].split("\n") if not UNICODE_ONLY_CLASS.search(line))
    return sample if len(_LOOKALIKE_RANGE.findall(sample)) >= MIN_LOOKALIKES else None


def needs_repair(text: str) -> bool:
    """Whether `encodings.repair` may change the text or have something to say about it."""
    return (
        MOJIBAKE_SIGN.search(text) is not None
        or font_sample(text) is not None
        or not unicodedata.is_normalized("NFC", text)
    )
