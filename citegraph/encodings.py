"""Vietnamese text that is not clean Unicode: old font encodings, Windows-1258 and mojibake.

Offices typed for years in TCVN3 (.VnTime) and VNI fonts, whose letters are Latin-1 look-alikes
("QuyÕt ®Þnh" for "Quyết định"); some files are in the Windows-1258 code page; and UTF-8 opened as
Windows-1252 turns "đ" into "Ä‘". Each is recognised by whether it reads as Vietnamese syllables once
converted, converted line by line (so line numbers stay true), and reported in a note. The tables are
data files with their sources: citegraph/data/tcvn3.toml and vni.toml. The reader imports this module only
for a text that citegraph/encoding_signs.py finds a sign of trouble in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .encoding_signs import (
    BASE_VOWELS,
    MOJIBAKE_SIGN,
    PLAIN_VOWELS,
    SAMPLE_CHARS,
    TONED_VOWELS,
    TONES,
    UNICODE_ONLY_CLASS,
    compose,
    font_sample,
)
from .knowledge import data_toml

_MARKS = {
    "grave": "\u0300", "acute": "\u0301", "circumflex": "\u0302", "tilde": "\u0303",
    "breve": "\u0306", "hook": "\u0309", "dot": "\u0323",
}

_VOWEL_CLASS = "".join(sorted(PLAIN_VOWELS | TONED_VOWELS))
_UNTONED = {ord(compose(v, t)): v for v in BASE_VOWELS for t in TONES}
# Vowel clusters of Vietnamese rhymes, tone marks aside: those that may take a final consonant ("tiến",
# "quyết") and those ending in a glide, which may not and never carry the tone on it ("chịu", never "chịunh").
_CLOSABLE = frozenset({
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "iê", "oa", "oă", "oe", "uâ", "uê", "uô", "uơ", "uy",
    "ươ", "yê", "uyê",
})
_OPEN = frozenset({
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu", "iêu",
    "oai", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "yêu",
})
_ONSETS = ("ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", *"bcdđghklmnpqrstvx", "")
_RHYME = re.compile(rf"([{_VOWEL_CLASS}]{{1,3}})(ch|ng|nh|[cmnpt])?")
_WORD = re.compile(r"[^\W\d_]+")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Score:
    """How many words with non-ASCII letters read as Vietnamese syllables, and how many do not."""

    valid: int
    invalid: int

    @property
    def margin(self) -> int:
        return self.valid - self.invalid

    def reads_as_vietnamese(self) -> bool:
        return self.valid > 0 and self.invalid * 5 <= self.valid


def score(text: str) -> Score:
    """Judge a text by its syllables: a wrong conversion leaves impossible ones ("Quyeỏt", "ủũnh")."""
    valid = invalid = 0
    for match in _WORD.finditer(unicodedata.normalize("NFC", text[:SAMPLE_CHARS])):
        word = match.group().lower()
        if word.isascii():
            continue
        if _is_syllable(word):
            valid += 1
        else:
            invalid += 1
    return Score(valid, invalid)


def _is_syllable(word: str) -> bool:
    """An onset, a vowel cluster Vietnamese has, a final consonant if the cluster takes one, one tone mark at most."""
    if sum(c in TONED_VOWELS for c in word) > 1:
        return False
    for onset in _ONSETS:
        if word.startswith(onset):
            rhyme = _RHYME.fullmatch(word, len(onset))
            if rhyme is None:
                continue
            vowels = rhyme.group(1).translate(_UNTONED)
            if vowels in _CLOSABLE or (vowels in _OPEN and rhyme.group(2) is None and rhyme.group(1)[-1] in PLAIN_VOWELS):
                return True
    return False


# --- old font encodings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FontEncoding:
    """An old 8-bit Vietnamese font encoding: its label, its name for notes and how to convert one line."""

    label: str
    name: str
    convert_line: Callable[[str], str]

    def convert(self, text: str) -> str:
        """Convert the lines that have no Unicode-only letter, so a mixed document keeps its Unicode lines."""
        return _LINE.sub(lambda m: m.group() if UNICODE_ONLY_CLASS.search(m.group()) else self.convert_line(m.group()), text)


def _byte_char(code: str) -> str:
    """The character a byte shows as when a legacy file is read as Latin-1/Windows-1252."""
    return chr(int(code, 16))


@cache
def _tcvn3_tables() -> tuple[dict[int, str], dict[int, str]]:
    """Translation tables to lowercase and to capital letters (for lines typed in a .VnTimeH font)."""
    table = {ord(_byte_char(code)): letter for code, letter in data_toml("tcvn3.toml")["bytes"].items()}
    return table, {code: letter.upper() for code, letter in table.items()}


_TCVN3_WORD = re.compile(r"[A-Za-z\u00a1-\u00fe]+")


def _no_lowercase(word: str) -> bool:
    return not any(c.isascii() and c.islower() for c in word)


def _all_capitals(word: str) -> bool:
    """Two ASCII capitals and no ASCII small letter: "QUYÕT", "§ÞNH", but not "Sè" or "VÒ"."""
    return sum(c.isascii() and c.isupper() for c in word) >= 2 and _no_lowercase(word)


def _tcvn3_line(line: str) -> str:
    """Convert a TCVN3 line, restoring capitals typed in a capitals font (.VnTimeH) where the letters show them.

    A word like "QUYÕT" is capitals; so is "VÒ" in a line with another such word ("VÒ VIÖC"), but not
    "Sè" in "Sè: /KH-UBND", where the capitals are a code's.
    """
    lower, upper = _tcvn3_tables()
    words = _TCVN3_WORD.findall(line)
    capital_line = any(not word.isascii() and _all_capitals(word) for word in words)

    def convert(match: re.Match[str]) -> str:
        word = match.group()
        capital = _all_capitals(word) or (capital_line and _no_lowercase(word))
        return word.translate(upper if capital else lower)

    return _TCVN3_WORD.sub(convert, line)


@cache
def _vni_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for VNI's vowel-and-marks pairs (longest first) and single letters, with their letters."""
    data = data_toml("vni.toml")
    letters = {_byte_char(code): letter for code, letter in data["letters"].items()}
    allowed = data["vowels"]
    spelled: dict[str, str] = dict(letters)
    for code, names in data["marks"].items():
        kind = "breve" if "breve" in names else "circumflex" if "circumflex" in names else "tone"
        combining = "".join(_MARKS[name] for name in names)
        for vowel in allowed[kind]:
            for base in (vowel, vowel.upper()):
                written = _vni_spelling(base, letters)
                spelled[written + _byte_char(code)] = compose(base, combining)
    keys = sorted(spelled, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), spelled


def _vni_spelling(letter: str, letters: dict[str, str]) -> str:
    """How VNI writes a base vowel: itself, or its one-byte form (ơ is "ô", ư is "ö")."""
    return next((byte for byte, value in letters.items() if value == letter), letter)


def _vni_line(line: str) -> str:
    pattern, spelled = _vni_pattern()
    return pattern.sub(lambda m: spelled[m.group()], line)


FONT_ENCODINGS = (
    FontEncoding("tcvn3", "TCVN3 (ABC, .VnTime fonts)", _tcvn3_line),
    FontEncoding("vni", "VNI (VNI-Times fonts)", _vni_line),
)


def detect_font_encoding(text: str) -> FontEncoding | None:
    """The old font encoding a text was typed in, judged on its lines without Unicode-only letters."""
    sample = font_sample(text)
    if sample is None:
        return None
    before = score(sample)
    scored = [(score(encoding.convert(sample)), encoding) for encoding in FONT_ENCODINGS]
    after, best = max(scored, key=lambda pair: pair[0].margin)
    if after.reads_as_vietnamese() and after.margin > before.margin:
        return best
    return None


# --- bytes that are not UTF-8 ----------------------------------------------------------------------

# Windows-1252 with its five unassigned bytes read as Latin-1, as most programs do; both directions.
_WINDOWS_1252 = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))
_TO_BYTE = {char: code for code, char in enumerate(_WINDOWS_1252)} | {chr(b): b for b in range(0x80, 0x100)}
_LATIN1_TO_1252 = {b: _WINDOWS_1252[b] for b in range(0x80, 0xA0)}


def decode_legacy(data: bytes) -> tuple[str, str, str] | None:
    """Text, encoding label and name of bytes that are not UTF-8, when they read as Vietnamese in an old encoding."""
    sample = data[:SAMPLE_CHARS]
    scored = []
    for label, name, decode in _LEGACY_DECODERS:
        try:
            scored.append((score(decode(sample)), label, name, decode))
        except UnicodeDecodeError:
            continue
    best, label, name, decode = max(scored, key=lambda candidate: candidate[0].margin)
    if not best.reads_as_vietnamese():
        return None
    try:
        return decode(data), label, name
    except UnicodeDecodeError:
        return None


def _font_decoder(encoding: FontEncoding) -> Callable[[bytes], str]:
    return lambda data: encoding.convert(data.decode("latin-1").translate(_LATIN1_TO_1252))


# Windows-1258 first, so that it wins a tie: it is the one Windows still offers.
_LEGACY_DECODERS: tuple[tuple[str, str, Callable[[bytes], str]], ...] = (
    ("windows-1258", "Windows-1258", lambda data: data.decode("cp1258")),
    *((encoding.label, encoding.name, _font_decoder(encoding)) for encoding in FONT_ENCODINGS),
)


# --- mojibake ---------------------------------------------------------------------------------------

_MOJIBAKE_RUN = re.compile("[" + "".join(re.escape(c) for c in _TO_BYTE if not c.isascii()) + "]{2,}")


def _plausible(text: str) -> bool:
    """Letters, marks and punctuation a repaired Vietnamese text can contain."""
    return all(
        c.isascii() or 0xA0 <= ord(c) <= 0x24F or 0x300 <= ord(c) <= 0x36F or 0x1E00 <= ord(c) <= 0x1EFF
        or 0x2000 <= ord(c) <= 0x206F or c == "€"
        for c in text
    )


def _unmangle(run: str) -> str:
    """The UTF-8 text a Windows-1252 misreading came from; bytes that decode to nothing stay as they were.

    One decoding pass, with undecodable bytes kept as escapes, then a walk that maps each piece back to the
    characters it came from: linear however many bad bytes the run holds.
    """
    decoded = bytes(_TO_BYTE[c] for c in run).decode("utf-8", "surrogateescape")
    pieces: list[str] = []
    position = 0
    for piece in _DECODED_PIECES.finditer(decoded):
        text = piece.group()
        escaped = "\udc80" <= text[0] <= "\udcff"
        width = len(text) if escaped else len(text.encode("utf-8"))
        original = run[position : position + width]
        pieces.append(original if escaped or not _plausible(text) else text)
        position += width
    return "".join(pieces)


_DECODED_PIECES = re.compile("[\udc80-\udcff]+|[^\udc80-\udcff]+")


def repair_mojibake(text: str) -> tuple[str, int, int | None]:
    """Undo UTF-8 read as Windows-1252 where that is exact; the count repaired and the first line left garbled."""
    if not MOJIBAKE_SIGN.search(text):
        return text, 0, None
    repaired = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal repaired
        result = _unmangle(match.group())
        repaired += result != match.group()
        return result

    text = _MOJIBAKE_RUN.sub(fix, text)
    left = MOJIBAKE_SIGN.search(text)
    return text, repaired, None if left is None else text.count("\n", 0, left.start()) + 1


# --- everything a reader runs ----------------------------------------------------------------------


def repair(text: str) -> tuple[str, tuple[str, ...]]:
    """Repair mojibake, convert an old font encoding, and say what was done; the line count never changes."""
    notes: list[str] = []
    text, repaired, garbled_line = repair_mojibake(text)
    if repaired:
        notes.append(f"{repaired} garbled places (UTF-8 text once opened as Windows-1252, e.g. 'Ä‘' for 'đ') were repaired")
    if garbled_line is not None:
        notes.append(
            f"line {garbled_line} has garbled letters (e.g. 'Ä‘' for 'đ') that could not be repaired; "
            "open the original file and save it again as UTF-8"
        )
    encoding = detect_font_encoding(text)
    if encoding is not None:
        converted = encoding.convert(text)
        changed = sum(a != b for a, b in zip(text.split("\n"), converted.split("\n")))
        text = converted
        notes.append(f"{changed} lines in the old {encoding.name} font encoding were converted to Unicode")
    if not unicodedata.is_normalized("NFC", text):
        notes.append("some letters are stored decomposed (Unicode NFD); citegraph reads them composed")
    return text, tuple(notes)
