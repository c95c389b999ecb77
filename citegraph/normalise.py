"""Normalise text for matching while remembering where every character came from.

The extractor works on a cleaned copy of the text: NFC, `Đ` instead of the look-alike Latin Eth,
Latin instead of Cyrillic letters inside codes, one kind of dash, slash and space, no zero-width
characters, `\\n` for every line end and page break. Each change is recorded as an `Edit`, so a span
in the clean text maps back to the exact span in the original, and a citation can tell the checker
what had to be repaired inside it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import regex

# Look-alikes that a Vietnamese text never means: Latin Eth and African D for Đ/đ (vn-conventions E01).
_LOOKALIKES = {"\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ"}
# Cyrillic capitals and small letters that look like Latin ones (vn-conventions E02).
_CYRILLIC = dict(zip("АВСЕНІКМОРТХаеорсух", "ABCEHIKMOPTXaeopcyx"))
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SLASHES = "\u2044\u2215\uff0f"
_SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# The line ends but LF and CR (Unicode 5.8, Newline Guidelines): a form feed (a page break), a vertical
# tab, NEL, and the line and paragraph separators.
OTHER_LINE_ENDS = "\f\v\x85\u2028\u2029"
# Every character that ends a line (a CRLF is a CR and a LF), for a pattern's character set.
LINE_ENDS = f"\n\r{OTHER_LINE_ENDS}"

# Old-style tone placement in an open syllable ending in oa, oe or uy ("hoà", "khoẻ", "Uỷ ban") moves to
# the new style ("hòa", "khỏe", "Ủy ban"), so that both spellings of one word match; `quý` is left alone.
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook above, tilde, dot below
_TONE_MOVE = {
    f"{first}{toned}": unicodedata.normalize("NFC", first + _TONE_MARKS[index]) + base
    for base, marks in _TONED.items()
    for index, toned in enumerate(marks)
    for first in (("o", "O") if base in "ae" else ("u", "U"))
}
_TONE_MOVE.update({key[0] + key[1].upper(): value[0] + value[1].upper() for key, value in list(_TONE_MOVE.items())})

# Special characters: a scan for their class with `re` costs the same for every character of the text,
# so a longer text is searched otherwise, a way that costs far less a character but more to start. Measured,
# that pays off from about 250 characters: documents and their paragraphs, not a citation's fragments.
_SPECIAL_CHARS = f"\r{OTHER_LINE_ENDS}{''.join(_LOOKALIKES)}{_DASHES}{_SLASHES}{_SPACES}{_INVISIBLE}{''.join(_CYRILLIC)}"
_SPECIAL = re.compile(f"\r\n?|[{_SPECIAL_CHARS[1:]}]")
_FIND_FROM = 250
# In a longer text, `str.find` looks for each special character of the blocks (high bytes of the code
# point) that Vietnamese letters come from, U+00xx and U+01xx, with memchr on its low byte, rarely a
# letter's. The sixty-odd others would each take a scan of their own, and many share their low byte with
# frequent characters (a space, `c`, the high byte of đ or of the U+1Exx letters), where memchr stops every
# few characters. They are found by their blocks instead: in the high bytes of the text's characters, taken
# once, a block's byte marks only that block's characters, which are few in a Vietnamese text (quotes, an
# ellipsis, a dash) and looked at one by one.
_FOUND_ONE_BY_ONE = tuple(char for char in _SPECIAL_CHARS if ord(char) >> 8 <= 1)
_FOUND_BY_BLOCK = frozenset(_SPECIAL_CHARS) - frozenset(_FOUND_ONE_BY_ONE)
_BLOCKS = tuple(sorted({ord(char) >> 8 for char in _FOUND_BY_BLOCK}))
# The same high bytes say whether a text may not be NFC: whether it may hold a combining mark, or a
# character that NFC replaces on its own (the Kelvin sign `K` U+212A for `K`, the Greek question mark
# U+037E for `;`), for a tenth of the cost of asking `unicodedata.is_normalized` (measured). Both lie in
# these blocks of the BMP (tests check them against `unicodedata` and `regex`). U+20xx is left out, as
# most texts have quotes or an ellipsis there: its marks, from U+20D0 on, are looked for one by one, and
# the two characters NFC replaces there (U+2000, U+2001) are spaces, which the special characters' edits
# replace. Each block's byte is looked for on its own (memchr): for these thirty-odd blocks, less than
# half the cost of one pass of `bytes.translate` deleting the other blocks' bytes (measured).
_NFC_BLOCKS = frozenset(
    (*range(0x03, 0x11), 0x13, *range(0x17, 0x1E), 0x1F, 0x21, 0x23, 0x2A, 0x2C, 0x2D, 0x30, 0xA6, *range(0xA8, 0xAC),
     *range(0xF9, 0xFC), 0xFE)
)
_PUNCTUATION_BLOCK = 0x20
_FIRST_SYMBOL_MARK = "\u20d0"
# The other scans use the standard `re` engine, which runs simple patterns several times faster than
# one combined pattern: old-style tone marks; and, only for text that may hold marks and is not already
# NFC, combining marks and the characters NFC replaces. Old-style tone marks take one scan per first
# letter (`o`, `O`, `u`, `U`), because `re` finds a pattern that starts with a literal character about
# three times faster than one that starts with a class. Context the patterns leave out (a Cyrillic letter
# must touch a code; `quý` keeps its tone) is checked in Python on the few hits.
# First letter -> the toned vowels after it that move.
_TONED_AFTER = {first: "".join(sorted(key[1] for key in _TONE_MOVE if key[0] == first)) for first in "oOuU"}
_OLD_TONES = tuple(re.compile(f"{first}[{vowels}](?![^\\W\\d_])") for first, vowels in _TONED_AFTER.items())
# The same vowels decomposed (`a` and U+0300), with no further mark on them: only a text that is not NFC
# holds them, so only such a text is scanned for them.
_OLD_TONES_DECOMPOSED = tuple(
    re.compile(
        f"{first}[{''.join(sorted({unicodedata.normalize('NFD', key[1])[0] for key in _TONE_MOVE if key[0] == first}))}]"
        f"[{_TONE_MARKS}](?![\u0300-\u036f])(?![^\\W\\d_])"
    )
    for first in "oOuU"
)
_LONE_CR = re.compile("\r(?!\n)")  # a line end; the CR of a CRLF is not, its LF is
_CODE_NEIGHBOUR = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-")


@dataclass(frozen=True)
class Edit:
    """`original[start:end]` became `replacement` in the clean text, for `reason`."""

    start: int
    end: int
    replacement: str
    reason: str


@dataclass(frozen=True)
class NormalisedText:
    """The clean text, the original, and the map between their offsets."""

    original: str
    text: str
    edits: tuple[Edit, ...]
    _clean_starts: tuple[int, ...]
    _original_ends: tuple[int, ...]

    def to_original(self, offset: int, *, is_end: bool = False) -> int:
        """Map an offset in the clean text to the original text.

        Inside an unchanged run the shift is constant; an offset inside a replacement maps to
        the start of the replaced original span (or its end, for an exclusive end offset).
        One search finds the last edit at or before the offset: it answers every case but an end
        at the very start of an edit, which is rare enough to pay for a second.
        """
        index = bisect.bisect_right(self._clean_starts, offset) - 1
        if index < 0:
            return offset
        clean_start = self._clean_starts[index]
        if is_end and clean_start == offset:
            # An exclusive end at the very start of an edit stops before the edited characters (of the
            # first edit there: deleted characters share one clean offset).
            return self.edits[bisect.bisect_left(self._clean_starts, offset)].start
        edit = self.edits[index]
        clean_end = clean_start + len(edit.replacement)
        if offset < clean_end:
            return edit.end if is_end else edit.start
        return edit.end + (offset - clean_end)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """`to_original` of a span's start and (exclusive) end, with one search instead of two where
        `shift_over` finds the span shifted as a whole, the usual case."""
        shift = self.shift_over(start, end)
        if shift is None:
            return self.to_original(start), self.to_original(end, is_end=True)
        return start + shift, end + shift

    def shift_over(self, start: int, end: int) -> int | None:
        """How far the span [start, end) lies from its original when no edit starts inside it and it does
        not start inside a replacement; None otherwise. Spans of citations and their parts are short, so
        that is the usual case. The shift then maps every offset of the span as a start, and every offset
        after its start as an end, and no edit changed a character of the original span."""
        starts = self._clean_starts
        index = bisect.bisect_right(starts, start) - 1
        if index + 1 < len(starts) and starts[index + 1] < end:
            return None
        if index < 0:
            return 0
        edit = self.edits[index]
        clean_end = starts[index] + len(edit.replacement)
        if start < clean_end or end == starts[index]:
            return None
        return edit.end - clean_end

    def keeps_offsets(self, offsets: AbstractSet[int]) -> bool:
        """Whether each of `offsets` in the clean text is the same offset in the original, as a start and
        as an end: answered for many offsets at once, without mapping each. Offsets move only after an edit
        that changes the length of what it replaced (CRLF, an invisible character, some NFC repairs), or
        strictly inside a replacement of more than one character (a tone moved within `oà`); in most texts
        no edit changes a length, and few offsets fall inside a replacement."""
        for edit in self.edits:
            if len(edit.replacement) != edit.end - edit.start:
                return False
            if edit.end - edit.start > 1 and not offsets.isdisjoint(range(edit.start + 1, edit.end)):
                return False
        return True

    def edits_within(self, start: int, end: int) -> list[Edit]:
        """The edits that changed characters inside the original span [start, end)."""
        edits = self.edits
        index = bisect.bisect_left(self._original_ends, start + 1)
        found = []
        # Indexing, not a slice of the rest: a slice would copy every later edit, once per citation.
        while index < len(edits) and edits[index].start < end:
            found.append(edits[index])
            index += 1
        return found


def _special_edits(text: str, blocks: _Blocks | None) -> Iterator[Edit]:
    """The edits for special characters (and CRLF)."""
    for start, end in _special_spans(text, blocks):
        if change := _special(text, start, end):
            yield Edit(start, end, *change)


def _special_spans(text: str, blocks: _Blocks | None) -> Iterator[tuple[int, int]]:
    """Where the special characters (and CRLF) are: a class scan without the high bytes, finds and the
    characters of `_BLOCKS` (see `_Blocks`) with them."""
    if blocks is None:
        for match in _SPECIAL.finditer(text):
            yield match.span()
        return
    for char in _FOUND_ONE_BY_ONE:
        start = text.find(char)
        while start >= 0:
            end = start + 2 if text.startswith("\r\n", start) else start + 1
            yield start, end
            start = text.find(char, end)
    for offsets in blocks.offsets.values():
        for start in offsets:
            if text[start] in _FOUND_BY_BLOCK:
                yield start, start + 1


@dataclass(frozen=True)
class _Blocks:
    """What the high bytes of a long text's code points say (see `_FOUND_BY_BLOCK` and `_NFC_BLOCKS`): the
    offsets of the characters in each block of `_BLOCKS`, and whether a character lies in a block with
    marks or characters NFC replaces. The offsets are found once, as those of U+20xx are looked at twice
    (for special characters and for marks): finding each is a memchr call from Python and costs more than
    looking at it (30 k instructions less on the seed, 0.4 M on the benchmark's 17 documents, measured)."""

    offsets: dict[int, list[int]]
    in_nfc_block: bool


# The high bytes are taken a stretch of text at a time, so that a long text costs no copy of itself. Taken
# whole, they cost two copies (UTF-16, then every second byte of it): 110 MB for a 50 MB string, mapped
# afresh on every pass (45,600 page faults in normalising it, against 18,200 now, which the clean text
# takes), and a 64 KB stretch stays in the cache: normalising the benchmark's strings of 0.5 to 50 MB takes
# a fifth less time (measured).
_STRETCH = 1 << 16


def _blocks(text: str) -> _Blocks | None:
    """The blocks of a text's characters, from the high byte of each code point (lone surrogates pass as
    they are). None for a short text, where a class scan costs less than taking them, and for a text past
    the BMP, whose characters there take two units each: such a text takes the class scan too."""
    if len(text) < _FIND_FROM:
        return None
    offsets: dict[int, list[int]] = {block: [] for block in _BLOCKS}
    in_nfc_block = False
    for base in range(0, len(text), _STRETCH):
        stretch = text[base:base + _STRETCH]
        high = stretch.encode("utf-16-le", "surrogatepass")[1::2]
        if len(high) != len(stretch):
            return None
        for block, found in offsets.items():
            in_stretch = _offsets(high, block)
            found.extend(map(base.__add__, in_stretch) if base else in_stretch)
        in_nfc_block = in_nfc_block or any(block in high for block in _NFC_BLOCKS)
    return _Blocks(offsets, in_nfc_block)


def _offsets(haystack: str | bytes, needle: str | int) -> Iterator[int]:
    """Every offset of `needle` (a character, or a byte of the high bytes: the characters of one block),
    found with memchr one after the other."""
    offset = haystack.find(needle)  # type: ignore[arg-type]  # str with str, bytes with int
    while offset >= 0:
        yield offset
        offset = haystack.find(needle, offset + 1)  # type: ignore[arg-type]


def _may_not_be_nfc(text: str, blocks: _Blocks | None) -> bool:
    """Whether the text may not be NFC: a character in a block with marks or characters NFC replaces, or
    a mark for symbols; always, without the high bytes."""
    if blocks is None or blocks.in_nfc_block:
        return True
    return any(text[offset] >= _FIRST_SYMBOL_MARK for offset in blocks.offsets[_PUNCTUATION_BLOCK])


def _special(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The clean form of one special character (or CRLF) and why it changed."""
    first = text[start]
    if first == "\r" or first in OTHER_LINE_ENDS:
        return "\n", "line-end"
    if first in _LOOKALIKES:
        return _LOOKALIKES[first], "lookalike"
    if first in _DASHES:
        return "-", "dash"
    if first in _SLASHES:
        return "/", "slash"
    if first in _SPACES:
        return " ", "space"
    if first in _INVISIBLE:
        return "", "invisible"
    before = text[start - 1:start]
    after = text[end:end + 1]
    if before in _CODE_NEIGHBOUR or after in _CODE_NEIGHBOUR or (before in _CYRILLIC and after in _CYRILLIC):
        return _CYRILLIC[first], "cyrillic"
    return None


def _old_tone(match: re.Match[str], text: str) -> tuple[str, str] | None:
    if match.group()[0] in "uU" and text[match.start() - 1:match.start()] in ("q", "Q"):
        return None
    return _TONE_MOVE[unicodedata.normalize("NFC", match.group())], "tone-placement"


@cache
def _combining_scan() -> regex.Pattern[str]:
    """A character and the combining marks after it, or marks with none before them at the text's start,
    which NFC puts in order all the same; or a character that NFC replaces even alone (NFC_Quick_Check=No).
    Only a text that is not NFC needs this scan, so the `regex` module (`re` has neither class) is
    imported only then, not at every start."""
    import regex

    return regex.compile(r"\P{M}?\p{M}+|\p{NFC_QC=N}")


def _combining(match: regex.Match[str], text: str) -> tuple[str, str] | None:
    """The NFC form of the match. One character that NFC replaces by another one is a look-alike: Unicode
    counts the Kelvin sign `K` as the letter `K`, but a search for the letter does not find it."""
    written = match.group()
    composed = unicodedata.normalize("NFC", written)
    if composed == written:
        return None
    return composed, "lookalike" if len(written) == len(composed) == 1 else "nfc"


def _trimmed(edit: Edit, original: str) -> Edit:
    """The edit without the first characters it leaves as they were: a letter whose combining marks NFC
    only puts in order is not part of what changed, and a text that starts with such marks has no letter
    there at all."""
    limit = min(len(edit.replacement), edit.end - edit.start) - 1
    kept = 0
    while kept < limit and original[edit.start + kept] == edit.replacement[kept]:
        kept += 1
    return Edit(edit.start + kept, edit.end, edit.replacement[kept:], edit.reason) if kept else edit


def _old_tone_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of the old-tone scans, letter after letter: a capital's by `_sparse_matches`."""
    for (first, vowels), pattern in zip(_TONED_AFTER.items(), _OLD_TONES):
        if first.isupper():
            yield from _sparse_matches(pattern, first, vowels, text)
        else:
            yield from pattern.finditer(text)


# `_sparse_matches` hands over to the pattern's scan past this many hits and one more every 1,024 characters.
_SPARSE_HITS = 8
_SPARSE_SPACING = 10  # as a shift


def _sparse_matches(pattern: re.Pattern[str], first: str, after: str, text: str) -> Iterator[re.Match[str]]:
    """The matches of a pattern opening with the letter `first` and then one of `after`, for a capital, which
    most texts hold in few places: memchr (`str.find`) skips to each, and the pattern is tried where one of
    `after` follows. The pattern's own scan looks at every character (5 instructions each); on the 17
    documents of the benchmark the two capitals' scans cost 1.8 M instead of 6.8 M (measured), on the seed
    0.14 M instead of 0.18 M (its `UBND`s make `U` frequent). A hit costs some 2,500 instructions in Python,
    so once hits are frequent (upper-case text, where finds alone cost 76 M instead of 11 M) the pattern's
    scan takes the rest. A match never holds the letter past its start: the matches are those of the scan."""
    last = len(text) - 1  # the letter there has nothing after it
    found = text.find(first, 0, last)
    hits = 0
    while found >= 0:
        hits += 1
        if hits > _SPARSE_HITS + (found >> _SPARSE_SPACING):
            yield from pattern.finditer(text, found)
            return
        if text[found + 1] in after and (match := pattern.match(text, found)):
            yield match
        found = text.find(first, found + 1, last)


def _edits(original: str, blocks: _Blocks | None, may_not_be_nfc: bool) -> list[Edit]:
    edits = list(_special_edits(original, blocks))
    scans: list[tuple[Iterator[Any], Callable[[Any, str], tuple[str, str] | None]]] = [
        (_old_tone_matches(original), _old_tone)
    ]
    if may_not_be_nfc and not unicodedata.is_normalized("NFC", original):
        scans += [(pattern.finditer(original), _old_tone) for pattern in _OLD_TONES_DECOMPOSED]
        scans.append((_combining_scan().finditer(original), _combining))
    for matches, rewrite in scans:
        for match in matches:
            change = rewrite(match, original)
            if change:
                edits.append(_trimmed(Edit(match.start(), match.end(), *change), original))
    edits.sort(key=lambda edit: edit.start)
    # A combining mark on a special character would overlap two edits: keep the first (_recomposed puts
    # the mark back with it).
    return [edit for index, edit in enumerate(edits) if index == 0 or edit.start >= edits[index - 1].end]


def _cleaned(original: str) -> tuple[list[Edit], str, list[int]]:
    """The edits, the clean text and where each edit's replacement starts in it. Making the edits can leave
    the text out of NFC (see _recomposed), but only where it holds a mark: only such a text is asked."""
    blocks = _blocks(original)
    may_not_be_nfc = _may_not_be_nfc(original, blocks)
    edits = _edits(original, blocks, may_not_be_nfc)
    text, clean_starts = _applied(original, edits)
    if may_not_be_nfc and edits and not unicodedata.is_normalized("NFC", text):
        edits = _recomposed(original, edits, text, clean_starts)
        text, clean_starts = _applied(original, edits)
    return edits, text, clean_starts


def _recomposed(original: str, edits: list[Edit], text: str, clean_starts: list[int]) -> list[Edit]:
    """The edits, where making them left marks that NFC would join to a character before them merged with
    those marks into one edit, its text in NFC.

    Only beside an edit can a mark be left so: a Cyrillic letter under a mark made a Latin one (`С` and
    U+0301 become `Ć`), a zero-width space between a letter and its mark taken out, a tone moved off a
    letter with a mark after it. The merged edit keeps the reason of the first edit in it, which the
    checker reads (a Cyrillic letter is still reported as one)."""
    clean = NormalisedText(original, text, tuple(edits), tuple(clean_starts), tuple(edit.end for edit in edits))
    starts = [edit.start for edit in edits]
    # Each merged span: its start and end in the original and in the clean text, and the edits inside it.
    spans: list[tuple[int, int, int, int, int]] = []
    for match in _combining_scan().finditer(text):
        if unicodedata.is_normalized("NFC", match.group()):
            continue
        clean_start, clean_end = match.span()
        start, end = clean.span_to_original(clean_start, clean_end)
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if first < last:  # the span starts or ends with whole edits: their replacements are part of it
            clean_start = min(clean_start, clean_starts[first])
            clean_end = max(clean_end, clean_starts[last - 1] + len(edits[last - 1].replacement))
        if spans and start < spans[-1][1]:
            start, _, clean_start, _, first = spans.pop()
        spans.append((start, end, clean_start, clean_end, first))
    merged: list[Edit] = []
    taken = 0  # the edits before this one are merged or kept already
    for start, end, clean_start, clean_end, first in spans:
        merged += edits[taken:first]
        taken = bisect.bisect_left(starts, end)
        reason = edits[first].reason if first < taken else "nfc"
        merged.append(Edit(start, end, unicodedata.normalize("NFC", text[clean_start:clean_end]), reason))
    return merged + edits[taken:]


def normalise(original: str) -> NormalisedText:
    """Clean `original` for matching, keeping a reversible offset map."""
    edits, text, clean_starts = _cleaned(original)
    ends = tuple(edit.end for edit in edits)
    return NormalisedText(original, text, tuple(edits), tuple(clean_starts), ends)


def normalised_text(original: str) -> str:
    """`normalise(original).text`, without the offset map: for data text and a line compared with it, the
    map and its frozen dataclass cost a third of cleaning a short line (14 k of 47 k instructions, measured)."""
    return _cleaned(original)[1]


def _applied(original: str, edits: list[Edit]) -> tuple[str, list[int]]:
    """The text with the edits made, and where each edit's replacement starts in it."""
    pieces: list[str] = []
    clean_starts: list[int] = []
    last = 0
    clean_length = 0
    for edit in edits:
        pieces.append(original[last:edit.start])
        clean_length += edit.start - last
        clean_starts.append(clean_length)
        pieces.append(edit.replacement)
        clean_length += len(edit.replacement)
        last = edit.end
    pieces.append(original[last:])
    return "".join(pieces), clean_starts


class LineIndex:
    """Line and column (1-based, in code points) of offsets in the original text.

    A line ends at LF, CRLF, CR or one of OTHER_LINE_ENDS (a page break among them). Offsets are asked
    for in text order, so the index counts line feeds from the previous answer with `str.count`, which
    costs far less than a table of every line start; an earlier offset counts again from the start. The
    other line ends are few (page breaks, a CR without an LF after it), so they are listed once and looked up
    instead of counted: each kind counted would cost a pass over the text as long as the LFs' own.
    """

    def __init__(self, original: str) -> None:
        self._text = original
        self._other_ends = _other_line_ends(original)
        self._offset = 0
        self._line = 1
        self._line_start = 0
        self._others_passed = 0

    def position(self, offset: int) -> tuple[int, int]:
        """Counts the line ends between the previous offset and this one, in place: called once per
        citation and per finding, so the bookkeeping is kept to a few steps."""
        if offset < self._offset:
            self._offset, self._line, self._line_start, self._others_passed = 0, 1, 0, 0
        text, start = self._text, self._offset
        # A CRLF is one line end, its LF: an offset between the two is still on the CR's line.
        if found := text.count("\n", start, offset):
            self._line += found
            self._line_start = text.rfind("\n", start, offset) + 1
        if self._other_ends:
            self._pass_other_ends(offset)
        self._offset = offset
        return self._line, offset - self._line_start + 1

    def _pass_other_ends(self, offset: int) -> None:
        """Counts the other line ends before `offset` not counted yet, found in their list."""
        passed = bisect.bisect_left(self._other_ends, offset)
        if passed > self._others_passed:
            self._line += passed - self._others_passed
            self._line_start = max(self._line_start, self._other_ends[passed - 1] + 1)
            self._others_passed = passed


def _other_line_ends(text: str) -> list[int]:
    """The offsets, sorted, of the line ends other than LF: OTHER_LINE_ENDS, and CRs but those of CRLFs.
    A CRLF text has a CR on every line, which `re` passes over without stopping in Python; the others are
    few, and `str.find` (memchr) finds them at a fraction of the cost of that scan."""
    ends = [match.start() for match in _LONE_CR.finditer(text)] if "\r" in text else []
    for char in OTHER_LINE_ENDS:
        ends.extend(_offsets(text, char))
    return sorted(ends)
