"""Properties that hold for any text: extraction never fails and every span points at its text."""

from __future__ import annotations

import bisect
import re
import unicodedata

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from citegraph.extract import (
    NUMBER_RE,
    PINPOINT_BEFORE_RE,
    _number_candidates,
    _pinpoint_before,
    first_number,
)
from citegraph.normalise import (
    _FIRST_SYMBOL_MARK,
    _NFC_BLOCKS,
    _OLD_TONES,
    _PUNCTUATION_BLOCK,
    _STRETCH,
    LineIndex,
    _old_tone_matches,
    normalise,
)
from citegraph.pipeline import extract_text

from .conftest import CORPUS, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")

# Pieces of real citations mixed with noise, so that random texts often come close to one.
PIECES = [
    "Quyết định số ", "23-QĐ/TW", "59/2023/NĐ-CP", " ngày 14/8/2023", " của Chính phủ", " về việc ",
    "Luật Tiếp công dân năm 2013", "(khóa XI)", "\n\n", "\r\n", "Ð", "С", "\u00a0", "\u200b", "khoản 2 Điều 5 ",
    "“", "”", "số ", "/", "-", "I. ", "1. ", "a) ", "Căn cứ ", "Nơi nhận:", "KẾ HOẠCH\n", "Số: /KH-UBND\n",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_extracts_and_every_span_points_at_its_text(text: str) -> None:
    for citation in extract_text(text).citations:
        assert 0 <= citation.start < citation.end <= len(text)
        assert text[citation.start:citation.end] == citation.text


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalised_offsets_map_back_inside_the_original(text: str) -> None:
    clean = normalise(text)
    for offset in range(len(clean.text)):
        start, end = clean.to_original(offset), clean.to_original(offset + 1, is_end=True)
        assert 0 <= start < end <= len(text)  # every clean character comes from original characters


@settings(max_examples=300, deadline=None)
@given(texts.map(lambda text: unicodedata.normalize("NFD", text) if len(text) % 3 == 0 else text))
def test_a_span_maps_back_like_its_two_ends(text: str) -> None:
    # span_to_original saves a search where it can; it must answer what to_original answers for each end.
    clean = normalise(text)
    for start in range(len(clean.text) + 1):
        for end in range(start, min(len(clean.text), start + 12) + 1):
            assert clean.span_to_original(start, end) == (clean.to_original(start), clean.to_original(end, is_end=True))


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED_TEXT)), st.sampled_from(["\r\n", "nfd", "bom"]))
def test_results_do_not_depend_on_line_ends_normal_form_or_bom(cut: int, variant: str) -> None:
    text = SEED_TEXT[:cut]
    changed = {
        "\r\n": text.replace("\n", "\r\n"),
        "nfd": unicodedata.normalize("NFD", text),
        "bom": "\ufeff" + text,
    }[variant]
    fields = ("type", "number", "date", "issuer", "item", "line", "column", "key")
    original = [tuple(getattr(c, f) for f in fields if f != "column") for c in extract_text(text).citations]
    varied = [tuple(getattr(c, f) for f in fields if f != "column") for c in extract_text(changed).citations]
    assert varied == original


# Number-shaped noise: digits, codes, separators and spaces in every order.
NUMBER_PIECES = ["12", "2023", "1.5", "66.7", "a", "đ", "QĐ", "NĐ-CP", "TW", "UBND", "QH15", "V.I", "CTr",
                 "/", "-", " ", ".", "\n", "x", "Ủy"]
number_texts = st.lists(st.sampled_from(NUMBER_PIECES), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(number_texts)
def test_numbers_found_from_separators_are_those_the_number_pattern_finds(text: str) -> None:
    # The extractor finds numbers from the slashes and dashes instead of scanning with NUMBER_RE;
    # it must find exactly what the scan finds.
    found = [m.span() for m in _number_candidates(text) if m.re is NUMBER_RE]
    assert found == [m.span() for m in NUMBER_RE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(number_texts, st.integers(min_value=0, max_value=80), st.integers(min_value=0, max_value=80))
def test_first_number_in_a_range_is_the_one_the_number_pattern_finds(text: str, one: int, other: int) -> None:
    start, end = sorted((min(one, len(text)), min(other, len(text))))
    found, expected = first_number(text, start, end), NUMBER_RE.search(text, start, end)
    assert (found.span() if found else None) == (expected.span() if expected else None)


# Pinpoint-shaped noise: the words and numbers of `điểm a khoản 2 Điều 5 của` in every order.
PINPOINT_PIECES = ["điểm", "Điểm", "khoản", "Khoản", "điều", "Điều", "Mục", "Chương", "Phần", "Phụ lục", "a", "b",
                   "2", "15", "II", ",", " và ", " ", "  ", "\n", "của ", "tại ", "x", "Ủy"]
pinpoint_texts = st.lists(st.sampled_from(PINPOINT_PIECES), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(pinpoint_texts, st.integers(min_value=0, max_value=200))
def test_pinpoint_found_from_its_first_word_is_the_one_the_pattern_finds(text: str, floor: int) -> None:
    # The pinpoint is matched only where one of its first words stands, after a quick look at its last
    # character, instead of searched for at every offset: both must find the same pinpoint.
    floor = min(floor, len(text))
    found = _pinpoint_before(text, len(text), floor)
    expected = PINPOINT_BEFORE_RE.search(text, floor, len(text))
    assert (found.span() if found else None) == (expected.span() if expected else None)


def test_numbers_found_from_separators_in_every_corpus_document() -> None:
    for path in sorted(CORPUS.rglob("*.txt")):
        text = normalise(path.read_text(encoding="utf-8")).text
        found = [m.span() for m in _number_candidates(text) if m.re is NUMBER_RE]
        assert found == [m.span() for m in NUMBER_RE.finditer(text)], path.name


@settings(max_examples=300, deadline=None)
@given(texts.map(lambda text: unicodedata.normalize("NFD", text) if len(text) % 3 == 0 else text), st.lists(st.integers(0, 400)))
def test_offsets_said_to_be_kept_map_to_themselves(text: str, offsets: list[int]) -> None:
    # keeps_offsets answers for many offsets at once what to_original answers for each, when no edit changes a length.
    clean = normalise(text)
    kept = {offset for offset in offsets if offset <= len(clean.text)}
    same = all(clean.to_original(offset) == offset == clean.to_original(offset, is_end=True) for offset in kept)
    lengths = all(len(edit.replacement) == edit.end - edit.start for edit in clean.edits)
    assert clean.keeps_offsets(kept) == (same and lengths)


def test_every_character_nfc_may_change_in_the_bmp_is_in_a_block_normalise_looks_at() -> None:
    # A long text without characters in these blocks skips the NFC scan, so none may hold a combining mark, or a
    # character that NFC replaces on its own, outside them; but for U+2000 and U+2001, spaces replaced anyway.
    marks = regex.compile(r"\p{M}|\p{NFC_QC=N}")
    for code in range(0x10000):
        char = chr(code)
        if code in (0x2000, 0x2001):
            assert normalise(char).text == " "
            continue
        changed = not 0xD800 <= code < 0xE000 and unicodedata.normalize("NFC", char) != char
        if unicodedata.category(char).startswith("M") or unicodedata.combining(char) or changed or marks.match(char):
            assert code >> 8 in _NFC_BLOCKS or (code >> 8 == _PUNCTUATION_BLOCK and char >= _FIRST_SYMBOL_MARK), hex(code)


# Letters, combining marks, characters NFC replaces on their own (the Kelvin and Ohm signs, the Greek question
# mark, a Greek letter with oxia, a CJK compatibility ideograph, a Devanagari letter it decomposes) and the special
# characters that normalise replaces or removes, in any order: next to each other they can make new compositions.
NFC_PIECES = [
    *"aeouyAOUKH;/- \n", "ơ", "ư", "à", "oà", "\r\n", "\r", "\u200b", "\u00ad", "\u00a0", "\u2000", "\u2013", "\u00d0", "С", "К",
    "\u0300", "\u0301", "\u0309", "\u0323", "\u0306", "\u031b", "\u0341", "\u0344",
    "\u212a", "\u2126", "\u037e", "\u1f71", "\uf900", "\u0958",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NFC_PIECES), max_size=24).map("".join), st.booleans())
def test_the_clean_text_is_nfc_and_maps_back(text: str, long: bool) -> None:
    # Matching compares in NFC: whatever the edits did next to a mark, the clean text is NFC, and the
    # characters no edit touched map back to themselves. A long text is scanned the other way (see _blocks).
    if long:
        text = (text + " " * 300) * 2
    clean = normalise(text)
    assert unicodedata.is_normalized("NFC", clean.text)
    replaced = {offset for start, edit in zip(clean._clean_starts, clean.edits) for offset in range(start, start + len(edit.replacement))}
    for offset, char in enumerate(clean.text):
        if offset not in replaced:
            assert text[clean.to_original(offset)] == char


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n\r\f\v\x85\u2028\u2029", max_size=30), st.lists(st.integers(min_value=0, max_value=30), max_size=8))
def test_line_and_column_count_every_kind_of_line_end(text: str, jumps: list[int]) -> None:
    starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n|\f|\v|\x85|\u2028|\u2029", text))]
    index = LineIndex(text)
    # Every offset in order (CRLF counted once, even when an offset falls between CR and LF), then in any order.
    for offset in [*range(len(text) + 1), *(jump for jump in jumps if jump <= len(text))]:
        line = bisect.bisect_right(starts, offset) - 1
        assert index.position(offset) == (line + 1, offset - starts[line] + 1)


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from([600, _STRETCH // 2 - 4]))
@example("\u0300\u0316", 600)  # combining marks out of order at the very start, with no letter before them
@example("“Kế hoạch”\u00a0số 12/KH\u2013UBND", _STRETCH // 2 - 4)  # across the first stretch's end
def test_a_long_text_is_normalised_like_a_short_one(text: str, pad_lines: int) -> None:
    # Short and long texts are scanned for special characters in different ways, with the same result; a
    # text longer than a stretch is scanned a stretch at a time, and the text may straddle two of them.
    pad = " \n" * pad_lines
    short, long = normalise(text), normalise(pad + text + pad)
    assert long.text == pad + short.text + pad
    shifted = [(e.start - len(pad), e.end - len(pad), e.replacement, e.reason) for e in long.edits]
    assert shifted == [(e.start, e.end, e.replacement, e.reason) for e in short.edits]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="OUoux qàÀảẢýÝỷỶ\n", max_size=3000))
@example("Oà " * 40 + "Uỷ")  # capitals dense enough for the pattern's scan to take over
@example("x" * 2000 + "OÀ")
def test_the_old_tone_scans_by_letter_find_what_the_patterns_find(text: str) -> None:
    # The capitals are found by memchr while they are rare, then by the pattern's scan.
    found = [match.span() for match in _old_tone_matches(text)]
    assert found == [match.span() for pattern in _OLD_TONES for match in pattern.finditer(text)]
