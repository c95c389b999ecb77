"""Find the structure of a document: header, preamble, numbered items, closing block.

Items are recognised by their numbering (`I.`, `1.`, `1.1`, `a)`, `Điều 5.`, `Chương II`), never by
markdown marks, and a number is accepted only where it continues the sequence it belongs to, so a
sentence that happens to start with `2.` inside item `I.1` is not a new item.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import accumulate, chain, groupby
from operator import itemgetter
from typing import NamedTuple, overload

from .extract import NUMBER_RE, parse_number, type_for_number
from .knowledge import Knowledge, fold, load, strip_marks
from .models import DocumentHeader, Outline, PlanItem

_MARKUP = re.compile(r"^[\s#*_>|`]*")
# A sentence end, one pattern for each mark: `re` skips to a single literal first character at C speed,
# but tests a class of them (`[.:;]\s`) at every position, several times as slowly.
_SENTENCE_ENDS = tuple((mark, re.compile(rf"{re.escape(mark)}\s")) for mark in ".:;")
_EMPHASIS = re.compile(r"\*+|__+")
# One group for each kind, which holds the number alone: the fewer groups, the cheaper a match.
_HEADING = re.compile(
    r"Chương\s+(?P<chuong>[IVXLC]+)\b"
    r"|Điều\s+(?P<dieu>\d+[a-zđ]?)\s*[.:]"
    r"|(?P<roman>[IVXL]{1,6})\s*[.)/]\s"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s"
    r"|(?P<arabic>\d{1,2})\s*[.)/]\s"
    r"|(?P<letter>[a-zđ])\s*\)\s"
)
_NUMBER_WORD = "Số"
_OWN_NUMBER = re.compile(r"^[\s*_|]*Số\s*(?:hiệu)?\s*:?\s*(?P<rest>[^\n]*)")
# `Số: /KH-UBND` left blank in a draft, or an ordinal OCR could not read (`Số: II /2026/QĐ-UBND`).
_BLANK_NUMBER = re.compile(r"^[\s.…_]*(?P<unread>[^\s/\d\-]{1,3}\s*)?(?P<sep>[-/])\s*(?:\d{4}/)?(?P<code>[^\s|]+)")
_DATE = r"ngày\s*(?P<d>\d{1,2})?[\s.…_]*tháng\s*(?P<m>\d{1,2})?[\s.…_]*năm\s*(?P<y>\d{4})?"
_DATE_ONLY = re.compile(_DATE)
# The place is up to six words before the date; its first word must be capitalised (`Hà Nội`), which
# `re` cannot say in a class: `_place_date` checks it. A letter is `[^\W\d_]`, a letter or digit `[^\W_]`.
_PLACE_DATE = re.compile(rf"(?:(?<![^\W_])(?<![/\-])(?P<place>[^\W\d_]+(?:[ ][^\W\d_]+){{0,5}}),\s*)?{_DATE}")
_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_HEADER_LINES = 160
_DATE_LABEL = "ngày ban hành"
# How far back from a page trailer or the document's own title the start of its line is looked for.
_MARKUP_REACH = 12


def roman_value(numeral: str) -> int:
    total = 0
    for char, following in zip(numeral, numeral[1:] + " "):
        value = _ROMAN_VALUES[char]
        total += -value if _ROMAN_VALUES.get(following, 0) > value else value
    return total


class _Line:
    """One line of the text: its offsets, its text and its text without markup (`bare`)."""

    __slots__ = ("_bare", "end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self._bare: str | None = None

    @property
    def bare(self) -> str:
        """The line without markdown marks, table bars and surrounding space (computed once)."""
        if self._bare is None:
            self._bare = _bare(self.text)
        return self._bare


def _bare(line: str) -> str:
    return _unmarked(line[_MARKUP.match(line).end():])


def _unmarked(line: str) -> str:
    """A line whose leading markup is already cut off, without its emphasis and surrounding space."""
    if "*" in line or "__" in line:  # the emphasis scan is slow, and most lines have none
        line = _EMPHASIS.sub("", line)
    return line.strip().strip("_|").strip()


def _split_lines(text: str, start: int, end: int, limit: int | None = None) -> tuple[list[str], list[int]]:
    """The texts of the lines of `text[start:end]` (at most `limit` of them) and their starts, followed
    by the end of the last line."""
    if start >= end:
        return [], [start]
    pieces = text[start:end].split("\n", -1 if limit is None else limit)[:limit]
    # Each line starts after the previous one and its line feed; the last one ends at `end` at most.
    starts = list(accumulate([len(piece) + 1 for piece in pieces], initial=start))
    starts[-1] = min(starts[-1], end)
    if starts[-2] == end:  # the empty piece after a final line feed is not a line
        pieces.pop()
        starts.pop()
    return pieces, starts


class _HeaderLines:
    """The first lines of a text (at most `_HEADER_LINES + 60`), split as far as the header reads them, each
    made a _Line only when the header reads it.

    The header may look as far as 220 lines down, but mostly reads a few dozen around the number and
    type lines: splitting the whole seed plan (128 lines) cost 0.24 M instructions, more than reading its
    header (measured). Lines are split in chunks that double, from 16.
    """

    __slots__ = ("_complete", "_made", "_starts", "_text", "texts")

    def __init__(self, text: str) -> None:
        self._text = text
        self.texts: list[str] = []
        self._starts = [0]
        self._made: list[_Line | None] = []
        self._complete = False

    def available(self, count: int) -> int:
        """How many of the first `count` lines there are."""
        while len(self.texts) < count and self._split_more():
            pass
        return min(count, len(self.texts))

    def indices(self, start: int, stop: int) -> Iterator[int]:
        """The indices from `start` to `stop` (excluded) of the lines there are, split as they are read."""
        for index in range(start, stop):
            if index >= len(self.texts) and self.available(index + 1) <= index:
                return
            yield index

    def containing(self, word: str, stop: int) -> Iterator[int]:
        """The indices below `stop` of the lines that hold `word`, split as they are read.

        The text is searched for the word and the line feeds before it are counted, both in C: a header
        without its number on the number word's line is otherwise read line by line down to its last one
        (0.7 M instructions of 1.3 M for such a header in the mix, measured). Searching only the lines split
        so far, to stop where they end rather than at the next `Số` far into the body, cost more in the mix:
        it splits all the lines (12.3 M against 11.9 M for the mix's headers, measured).
        """
        text = self._text
        index = counted = 0
        position = text.find(word)
        while position >= 0:
            index += text.count("\n", counted, position)
            counted = position
            if index >= stop or self.available(index + 1) <= index:
                return
            yield index
            position = text.find(word, self._starts[index + 1])

    def _split_more(self) -> bool:
        """Split the next chunk of lines; say whether there was one."""
        wanted = min(max(16, len(self.texts)), _HEADER_LINES + 60 - len(self.texts))
        if self._complete or wanted <= 0:
            return False
        text = self._text
        # The chunk is split from a window that ends with a line, so that the rest of a long text is not
        # copied for each chunk: 128 characters a line are enough for most.
        window_end = min(_line_end(text, self._starts[-1] + 128 * wanted) + 1, len(text))
        pieces, starts = _split_lines(text, self._starts[-1], window_end, wanted)
        self.texts += pieces
        self._starts[-1:] = starts
        self._made += [None] * len(pieces)
        self._complete = window_end == len(text) and len(pieces) < wanted
        return bool(pieces)

    @overload
    def __getitem__(self, index: int) -> _Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[_Line]: ...

    def __getitem__(self, index: int | slice) -> _Line | list[_Line]:
        if isinstance(index, slice):
            self.available(index.stop)
            return [self[position] for position in range(*index.indices(len(self.texts)))]
        line = self._made[index]
        if line is None:
            line = self._made[index] = _Line(self._starts[index], self._starts[index + 1], self.texts[index])
        return line


def _line_end(text: str, position: int) -> int:
    """Where the line holding `position` ends (its line feed, or the end of the text)."""
    end = text.find("\n", position)
    return end if end >= 0 else len(text)


def _bare_line_after(text: str, line_end: int) -> str:
    """The bare text of the line after the one that ends at `line_end` (nothing after the last line)."""
    start = line_end + 1
    return _bare(text[start:_line_end(text, start)])


def _line_start(text: str, position: int) -> int:
    """Where the line holding `position` starts."""
    return text.rfind("\n", 0, position) + 1


# --- header --------------------------------------------------------------------------------------

def _type_line(bare: str, knowledge: Knowledge) -> str | None:
    """The type name if a line (its `bare` text) is a type line such as `KẾ HOẠCH` or `QUYẾT ĐỊNH`."""
    bare = bare.rstrip(":").strip()
    if not bare or len(bare) > 40 or bare != bare.upper():
        return None
    doc_type = knowledge.type_by_word.get(fold(bare))
    if doc_type is None and not _kept_mark(knowledge).search(bare):
        doc_type = knowledge.type_by_bare_word.get(strip_marks(bare))
    return doc_type.name if doc_type else None


@cache
def _kept_mark(knowledge: Knowledge) -> re.Pattern[str]:
    """A character that `strip_marks` keeps as it is (`.`, `/`, `-`, a digit) and no type word holds.

    A signature's `TM. ỦY BAN NHÂN DÂN`, `K/T TRƯỞNG BAN` or a number's `- HD/BTCTU` holds one: it is no
    type line, and is spared `strip_marks`, which cleans the line first (36 k instructions, measured; the
    test costs about 1 k).
    """
    held = set("".join(knowledge.type_by_bare_word))
    return re.compile(f"[{re.escape(''.join(char for char in './-0123456789' if char not in held))}]")


def _header(lines: _HeaderLines, text: str, knowledge: Knowledge) -> tuple[DocumentHeader, int]:
    """Read the header block; return it and the offset where the body starts."""
    number_line = _own_number_line(lines)
    search_from = number_line or 0
    type_index = next(
        (i for i in lines.indices(search_from, search_from + 40) if _type_line(lines[i].bare, knowledge)),
        None,
    )
    if number_line is None and type_index is None:
        return DocumentHeader(), 0
    fields: dict[str, object] = {}
    if number_line is not None:
        fields.update(_parse_own_number(lines[number_line], knowledge))
        fields["issuer"] = _agency(lines, number_line, knowledge)
        fields.update(_parse_place_date(lines, number_line, type_index))
    end = _number_end(lines[number_line]) if number_line is not None else 0
    if type_index is not None:
        fields["type"] = _type_line(lines[type_index].bare, knowledge)
        title_lines = _title_lines(lines, type_index + 1, knowledge)
        if title_lines:
            fields["title"] = " ".join(" ".join(line.bare for line in title_lines).split())
            end = title_lines[-1].end
        else:
            end = lines[type_index].end
    elif number_line is not None:
        end = _vv_end(lines, number_line, end)
        if inline_type := _inline_type(lines[number_line], knowledge):
            fields["type"] = inline_type
    return DocumentHeader(**fields), end  # type: ignore[arg-type]


def _own_number_line(lines: _HeaderLines) -> int | None:
    """The index of the line that gives the document's own number.

    `Số: 85/KH-UBND` on one line wins. A page saved from a legal library may only have its metadata
    table, `Số hiệu:` with the number a line or two below; that is used when nothing better is there.
    """
    texts = lines.texts
    same_line = next((i for i in lines.containing(_NUMBER_WORD, _HEADER_LINES) if _own_number_text(texts[i])), None)
    if same_line is not None:
        return same_line
    for index in lines.containing(_NUMBER_WORD, _HEADER_LINES):
        rest = _after_number_word(texts[index])
        if rest is not None and not rest.strip(" *_|"):
            following = next((n for n in lines.indices(index + 1, index + 4) if lines[n].bare), None)
            if following is None:
                continue
            bare = lines[following].bare
            if NUMBER_RE.match(bare) or _BLANK_NUMBER.match(bare):
                return following
    return None


def _after_number_word(line: str) -> str | None:
    """What follows `Số:` (or `Số hiệu:`) at the start of the line; None if the line does not start so."""
    if _NUMBER_WORD not in line:  # spares most lines the regular expression
        return None
    match = _OWN_NUMBER.match(line)
    return match.group("rest") if match else None


def _own_number_text(line: str) -> str:
    rest = _after_number_word(line)
    if rest is None:
        return ""
    rest = rest.strip()
    if NUMBER_RE.search(rest[:60]) or _BLANK_NUMBER.match(rest):
        return rest
    return ""


def _parse_own_number(line: _Line, knowledge: Knowledge) -> dict[str, object]:
    rest = _own_number_text(line.text) or line.bare
    found = NUMBER_RE.search(rest[:60])
    if found and found.start() < 3:
        number = parse_number(found, knowledge)
        return {"number": number.normalised, "type": type_for_number(number, knowledge)}
    blank = _BLANK_NUMBER.match(rest)
    fields: dict[str, object] = {"number_blank": not (blank and blank.group("unread"))}
    if blank:
        # `/KH-UBND` (State: the type code follows the slash) or `- HD/BTCTU` (Party: it follows the dash)
        code = re.split(r"[-/]", blank.group("code"), maxsplit=1)[0]
        by_code = knowledge.party_type_by_code if blank.group("sep") == "-" else knowledge.state_type_by_code
        doc_type = by_code.get(knowledge.canonical_code(code))
        if doc_type:
            fields["type"] = doc_type.name
    return fields


def _inline_type(line: _Line, knowledge: Knowledge) -> str | None:
    """The type word in upper case on a number line that runs on (`... năm 1980 CHỈ THỊ VỀ ...`)."""
    if len(line.text) <= 160:
        return None
    found = _type_word_pattern(knowledge).search(line.text)
    return knowledge.type_by_word[fold(found.group())].name if found else None


@cache
def _type_word_pattern(knowledge: Knowledge) -> re.Pattern[str]:
    """A type word in upper case standing alone, the longest first (`NGHỊ QUYẾT LIÊN TỊCH`).

    Made once: joining and escaping the words again for every long number line, and finding the
    pattern in re's cache by its long text, cost ~0.1 ms a document.
    """
    return _upper_words(knowledge.type_words())


def _upper_words(words: Iterable[str]) -> re.Pattern[str]:
    """Any of `words` in upper case standing alone, in the order given (longest first where one starts another)."""
    alternatives = "|".join(re.escape(word.upper()) for word in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _number_end(line: _Line) -> int:
    """Where the own number ends: the line's end, or inside a line that runs on into the text
    (`299/TTg Hà Nội, ngày 10 tháng 11 năm 1980 CHỈ THỊ ...` in a page whose line breaks were lost)."""
    if len(line.text) <= 160:
        return line.end
    found = NUMBER_RE.search(line.text)
    return line.start + found.end() if found else line.end


def _agency(lines: _HeaderLines, number_line: int, knowledge: Knowledge) -> str | None:
    """The issuing body: the capitalised lines above `Số:`, without the national motto.

    The block may name the parent body first (`UBND TỈNH LÀO CAI` / `SỞ CÔNG THƯƠNG`): the issuer is the
    last name, with the lines before it only while it continues them (`ỦY BAN NHÂN DÂN` / `TỈNH NGHỆ AN`).
    """
    parts: list[str] = []
    for line in reversed(lines[max(0, number_line - 12):number_line]):
        bare = line.bare.strip("-_ ")
        if not bare or _only(bare, "-_=|") or bare.isdigit():
            continue
        folded = fold(bare)
        if "cộng hòa" in folded or "cộng hoà" in folded or "độc lập" in folded or "chủ nghĩa việt nam" in folded:
            continue
        if len(bare) > 80 or bare != bare.upper() or ":" in bare:
            break
        parts.insert(0, bare)
        if len(parts) == 3:
            break
    issuer = parts[-1:] if parts else []
    for part in reversed(parts[:-1]):
        if not issuer[0].startswith(_level_prefixes(knowledge.grammar.level_words)):
            break
        issuer.insert(0, part)
    return " ".join(issuer) or None


def _parse_place_date(lines: _HeaderLines, number_line: int, type_index: int | None) -> dict[str, object]:
    stop = type_index if type_index is not None else lines.available(number_line + 8)
    window = "\n".join(line.bare for line in lines[max(0, number_line - 4):stop + 1])
    found = _place_date(window)
    if not found:
        return _metadata_date(lines)
    place, match = found
    fields: dict[str, object] = {}
    if place:
        fields["place"] = place.strip(" *_")
    if match.group("y"):
        fields["year"] = int(match.group("y"))
    if match.group("d") and match.group("m") and match.group("y"):
        try:
            fields["date"] = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d"))).isoformat()
        except ValueError:
            fields["date_blank"] = True
    else:
        fields["date_blank"] = True
    return fields


def _place_date(window: str) -> tuple[str | None, re.Match[str]] | None:
    """The first date (`ngày ... tháng ... năm ...`) with the place before it, if any: (place, date match).

    Where the word before the date's place is not capitalised (`UBND Hà Nội, ngày`), no place starts
    there, though a date may: the scan goes on from the next position.
    """
    position = 0
    while match := _PLACE_DATE.search(window, _place_reach(window, position)):
        place = match.group("place")
        if place is None or _capitalised(place.split(" ", 1)[0]):
            return place, match
        if date := _DATE_ONLY.match(window, match.start()):
            return None, date
        position = match.start() + 1
    return None


def _place_reach(window: str, position: int) -> int:
    """Where a place and date can first start from `position`: on the line of the next date, or on the
    line of the comma before it (`Hà Nội,` / `ngày ...`); nowhere if no date follows.

    `_PLACE_DATE` has no literal to skip to: searched from `position`, it tries to read a place at every
    character of the agency and number lines above the date.
    """
    date = window.find("ngày", position)
    if date < 0:
        return len(window)
    return max(position, window.rfind("\n", 0, len(window[:date].rstrip())) + 1)


def _capitalised(word: str) -> bool:
    """An upper-case letter followed by lower-case ones only."""
    return len(word) > 1 and word[0].isupper() and all(char.islower() for char in word[1:])


def _metadata_date(lines: _HeaderLines) -> dict[str, object]:
    """The issue date from a legal library's metadata table (`Ngày ban hành:` / `21/11/2025`).

    Read only where the header has no place and date, and then down to its last line: a line is passed
    over by the first letter of its bare text, the one after its markup, before it is made a _Line with
    that text (4.0 M instructions to 1.3 M for 160 lines read afresh, measured).
    """
    texts = lines.texts
    for index in lines.indices(0, _HEADER_LINES):
        first = _MARKUP.match(texts[index]).end()
        if texts[index][first:first + 1].casefold()[:1] != _DATE_LABEL[0]:
            continue
        if fold(lines[index].bare).startswith(_DATE_LABEL):
            following = next((n for n in lines[index + 1:index + 4] if n.bare), None)
            found = following and _NUMERIC_DATE.fullmatch(following.bare)
            if found:
                try:
                    day = dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
                except ValueError:
                    return {}
                return {"date": day.isoformat(), "year": day.year}
    return {}


def _title_lines(lines: _HeaderLines, index: int, knowledge: Knowledge) -> list[_Line]:
    """The trích yếu: the lines after the type line, up to a blank line or the body.

    The first line may itself start with `Thực hiện` ("KẾ HOẠCH / Thực hiện công tác dân vận ...");
    later lines stop at a preamble opener, a heading, or where upper-case title lines give way to
    ordinary text.
    """
    taken: list[_Line] = []
    for line in lines[index:index + 8]:
        bare = line.bare
        if not bare:
            if taken:
                break
            continue
        if _only(bare, "-_=") or _HEADING.match(bare) or _is_enacting(bare, knowledge):
            break
        if taken and _is_authority_line(bare, knowledge):
            break
        if not taken:
            if bare.endswith(";"):
                break
        elif _is_preamble_line(bare, knowledge) or (_is_upper(taken[-1].bare) and not _is_upper(bare)):
            break
        taken.append(line)
    return taken


def _is_authority_line(bare: str, knowledge: Knowledge) -> bool:
    """`ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG` above a decision's preamble: who enacts it. Not an upper-case trích
    yếu wrapped before a name (`... CỦA THỦ TƯỚNG\nCHÍNH PHỦ BAN HÀNH\nKẾ HOẠCH ...`): a trích yếu's opener in
    the line makes it the title's."""
    return (
        bare.startswith(knowledge.grammar.authority_lines)
        and _is_upper(bare)
        and not _upper_title_opener(knowledge).search(bare)
    )


@cache
def _upper_title_opener(knowledge: Knowledge) -> re.Pattern[str]:
    """A trích yếu's opener in upper case standing alone (`BAN HÀNH`, `VỀ VIỆC`)."""
    return _upper_words(knowledge.grammar.title_openers)


def _rest_of_authority(bare: str, knowledge: Knowledge) -> bool:
    """Is a line right after the authority's line the rest of it that a hard wrap broke off (`GIANG`)? It is in
    capitals, ends no sentence and names no document (`QUY ĐỊNH THI HÀNH ĐIỀU LỆ ĐẢNG` enacts one)."""
    return (
        bool(bare)
        and _is_upper(bare)
        and not bare.rstrip("*_ ").endswith(_LINE_SENTENCE_ENDS)
        and not _type_word_pattern(knowledge).search(bare)
    )


def _only(bare: str, chars: str) -> bool:
    """Whether the line holds nothing but these characters (a rule such as `-----`); no set of its characters."""
    return not bare.strip(chars)


def _is_upper(text: str) -> bool:
    return text == text.upper()


def _vv_end(lines: _HeaderLines, number_line: int, number_end: int) -> int:
    """A công văn has no type line: its header ends after the `V/v` line, or else after its number."""
    for line in lines[number_line:number_line + 6]:
        if line.bare.startswith(("V/v", "v/v", "Về việc")):
            return line.end
    return number_end


# --- preamble and items -------------------------------------------------------------------------

def _is_preamble_line(bare: str, knowledge: Knowledge) -> bool:
    """Does the line open like a base (`Căn cứ`, `Thực hiện`)? Not when what it opens on is a document
    named just before or the document itself (`Thực hiện quyết định này, đến nay ...` in a directive's
    account, which a hard wrap may put at a line's start)."""
    openers = _folded(knowledge.grammar.preamble_openers)
    count = _most_words(openers)
    # Only the first words can match an opener: folding them alone keeps a long line cheap. Only a line
    # with `này` near its start is read further.
    bare = bare.lstrip("-+• ")
    if not " ".join(bare.split(None, count)[:count]).casefold().startswith(openers):
        return False
    if _SELF_REFERENCE_WORD not in bare[:_SELF_REFERENCE_REACH]:
        return True
    start = " ".join(bare[:_SELF_REFERENCE_REACH].split()).casefold()
    opener = next(opener for opener in openers if start.startswith(opener))
    return not _self_reference(knowledge).match(start, len(opener) + 1)


# `này` after a type word names the document itself or one just named; an opener and a type word of up to
# four words fill this many characters (`theo đề nghị` + `nghị quyết liên tịch này`).
_SELF_REFERENCE_WORD = "này"
_SELF_REFERENCE_REACH = 48


@cache
def _self_reference(knowledge: Knowledge) -> re.Pattern[str]:
    """A type word followed by `này`, folded (`quyết định này`)."""
    words = "|".join(re.escape(fold(word)) for word in knowledge.type_words())
    return re.compile(rf"(?:{words}) này(?!\w)")


def _is_enacting(bare: str, knowledge: Knowledge) -> bool:
    stripped = bare.rstrip(":").strip()
    return (
        bare.endswith(":")
        and stripped == stripped.upper()
        and fold(stripped) in _folded(knowledge.grammar.enacting_lines)
    )


@cache
def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    """The grammar's words folded once, not again for every line they are compared with."""
    return tuple(fold(word) for word in words)


@cache
def _level_prefixes(words: tuple[str, ...]) -> tuple[str, ...]:
    """`TỈNH `, `HUYỆN `...: a level word in upper case that starts a line continuing the one above."""
    return tuple(word.upper() + " " for word in words)


@cache
def _most_words(phrases: tuple[str, ...]) -> int:
    """How many words the longest phrase has."""
    return max((len(phrase.split()) for phrase in phrases), default=0)


def _is_closing(bare: str, knowledge: Knowledge) -> bool:
    return bare.startswith(knowledge.grammar.closing_openers)


def _is_appendix(bare: str, knowledge: Knowledge) -> bool:
    return len(bare) < 120 and bare.startswith(knowledge.grammar.appendix_openers)


_MARKER_NUMBER = re.compile(r"\s*(?:(?:số\s*)?(?:[IVXL]+|\d+)(?![^\W_])\s*)?")


def _inside_sentence(text: str, line_start: int, line_end: int, bare: str, knowledge: Knowledge) -> bool:
    """Does a line that opens like a closing block or an appendix (its `bare` text) only carry on a sentence
    of the line above? A hard-wrapped text breaks `... theo Mẫu số 02 tại\nPhụ lục ban hành kèm theo ...`
    anywhere, and that `Phụ lục` must not end the outline. A marker stands after a blank line, a sentence's
    end, markup or a heading, and is followed by a capital, a number, `:` or `(`: only a line between a
    small letter or comma and a small letter is read as the sentence's.

    Asked only of the few lines that open like a marker, and answered by the line above first."""
    if not _above_runs_on(text, line_start):
        return False
    opener = next(word for word in (*knowledge.grammar.closing_openers, *knowledge.grammar.appendix_openers) if bare.startswith(word))
    # What follows the word, past an appendix's number (`Phụ lục I ban hành kèm theo ...`), on its line or the next.
    after = bare[_MARKER_NUMBER.match(bare, len(opener)).end():]  # type: ignore[union-attr]  # it matches everywhere
    return (after or _bare_line_after(text, line_end))[:1].islower()


def _above_runs_on(text: str, line_start: int) -> bool:
    """Does the line above the one at `line_start` stop inside a sentence: at a word in small letters or a
    comma? Not at a name (`Nguyễn Hữu Tháp`, `Tiếng Anh`), after which a signature's or a page's line starts."""
    if line_start == 0:
        return False
    tail = text[max(0, line_start - 12):line_start - 1].rstrip(" \t")
    if tail.endswith(","):
        return True
    word = (tail.rsplit(None, 1) or [""])[-1]
    return word[-1:].isalpha() and word.islower()


# What a line of a paragraph ends with when its sentence ends there.
_LINE_SENTENCE_ENDS = (".", ";", ":", "!", "?")


class _Paragraph(NamedTuple):
    """A logical paragraph's span, and whether it opens like a preamble line (a tuple: cheap to make)."""

    start: int
    end: int
    opener: bool


def _paragraphs(text: str, start: int, end: int, knowledge: Knowledge) -> list[_Paragraph]:
    """Logical paragraphs of `text[start:end]`: lines run on until one ends a sentence (PDF and web text
    wrap lines). A line after one that ends with `;` runs on too, unless it opens a preamble line or is in
    capitals (`QUYẾT NGHỊ:`): a wrapped list of bases breaks after one base's `;` inside a line
    (`... năm 2014;\nLuật sửa đổi ... năm 2024;`, `... của Ủy ban nhân dân Thành phố;\nBáo cáo thẩm tra ...`).
    A colon at a line's end ends only a paragraph that does not open like a base: a wrapped base breaks
    after its own (`... hạng mục:\nHệ thống phòng cháy ...;`), a lead-in ends with one (`... như sau:`).

    Rules, table bars, page numbers and the enacting authority's line are not paragraphs, nor the rest of
    that line broken off by a hard wrap (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN\nGIANG`, see _rest_of_authority).
    Each line is read once, as its offsets and bare text: making it a _Line first cost 2.9 k instructions
    more a line (0.6 M of the mix's 4.5 M for its preambles, measured).
    """
    paragraphs: list[_Paragraph] = []
    open_paragraph = after_semicolon = authority_open = False
    pieces, starts = _split_lines(text, start, end)
    for line_start, line_end, bare in zip(starts, starts[1:], map(_bare, pieces)):
        if authority_open and _rest_of_authority(bare, knowledge):
            continue
        authority_open = _is_authority_line(bare, knowledge)
        if not bare or _only(bare, "-_=*|") or bare.isdigit() or authority_open:
            open_paragraph = open_paragraph and bool(bare)
            after_semicolon = after_semicolon and bool(bare)
            continue
        opener = not open_paragraph and _is_preamble_line(bare, knowledge)
        if open_paragraph or (after_semicolon and not opener and not _is_upper(bare)):
            last = paragraphs[-1]
            paragraphs[-1] = _Paragraph(last.start, line_end, last.opener)
        else:
            paragraphs.append(_Paragraph(line_start, line_end, opener))
        text_end = bare.rstrip("*_ ")
        open_paragraph = not text_end.endswith(_LINE_SENTENCE_ENDS) or (
            text_end.endswith(":") and paragraphs[-1].opener
        )
        after_semicolon = text_end.endswith(";")
    return paragraphs


def _preamble(text: str, start: int, end: int, knowledge: Knowledge) -> tuple[int, int] | None:
    """The preamble: the run of `Căn cứ`/`Thực hiện`/... paragraphs that leads into the first item.

    It ends at most two lead-in paragraphs before the body ("UBND xã xây dựng Kế hoạch ... như sau:",
    "Chính phủ ban hành Nghị định ..."). Narrative before it (a công văn's opening, a Chỉ thị's
    account of the situation) is not part of it, even when a sentence there starts with `Thực hiện`.
    """
    paragraphs = _paragraphs(text, start, end, knowledge)
    index = len(paragraphs)
    lead_ins = 0
    while index > 0 and not paragraphs[index - 1].opener and lead_ins < 2:
        index -= 1
        lead_ins += 1
    first = index
    while first > 0 and paragraphs[first - 1].opener:
        first -= 1
    if first == index:
        return None
    return paragraphs[first].start, paragraphs[-1].end


def _successor(kind: str, previous: str, current: str) -> bool:
    if kind == "letter":
        return _LETTERS.find(current) == _LETTERS.find(previous) + 1
    if kind == "dotted":
        head_p, _, last_p = previous.rpartition(".")
        head_c, _, last_c = current.rpartition(".")
        return head_p == head_c and int(last_c) == int(last_p) + 1
    if kind == "roman" or kind == "chuong":
        return roman_value(current) == roman_value(previous) + 1
    return int(current) == int(previous) + 1


def _is_first(kind: str, value: str) -> bool:
    if kind in ("roman", "chuong"):
        return value == "I"
    if kind == "letter":
        return value == "a"
    if kind == "dotted":
        return value.endswith(".1")
    return value == "1"




class _Open:
    """An item being built: its numbering, label and start; its end once a later heading closes it."""

    __slots__ = ("end", "kind", "label", "parent", "start", "title", "value")

    def __init__(self, kind: str, value: str, label: str, parent: str | None, start: int) -> None:
        self.kind = kind
        self.value = value
        self.label = label
        self.parent = parent
        self.start = start
        self.end = start
        self.title = ""


class _ItemBuilder:
    """Keeps the stack of open items and turns accepted headings into labelled PlanItems.

    Items are mutable while open and become PlanItems once, at the end, rather than being rebuilt
    when they get their title and again when they are closed.
    """

    def __init__(self) -> None:
        self.stack: list[_Open] = []
        self.opened: list[_Open] = []
        self.last_dieu = 0

    def take(self, text: str, start: int, line_end: int) -> bool:
        """Open an item for the heading line whose numbering starts at `start`, if it is one and
        continues the numbering; say whether it did. Only an opened item's title is read."""
        bare = _unmarked(text[start:line_end])
        heading = _HEADING.match(bare)
        if heading is None:
            return False
        # The one group that takes part is the kind's, and holds its number.
        kind, number = heading.lastgroup, heading[heading.lastindex]  # type: ignore[index]
        if kind == "roman" and self._in_sentence(text, start, bare[heading.end():]):
            return False
        if not self.offer(kind, number, start):  # type: ignore[arg-type]
            return False
        # A chapter's name stands on the line below its number ("Chương I" / "QUY ĐỊNH CHUNG").
        self.opened[-1].title = _item_title(bare[heading.end():]) or _bare_line_after(text, line_end)[:160]
        return True

    def _in_sentence(self, text: str, start: int, after: str) -> bool:
        """Is a Roman heading the end of a sentence that a hard-wrapped text broke before its number (`...
        khoáng sản nhóm\nII. Hiện nay, Sở ...`)? It is when the Roman heading before it is in capitals and
        its own title, `after` the number, is not, and the line above stops inside a sentence: a document writes
        its Roman headings in one case, and every one of the bundled documents in capitals. Asked of Roman
        headings only, which are few: 88 of the 1,406 heading lines of the benchmark's documents."""
        if not _above_runs_on(text, _line_start(text, start)):
            return False
        position = self._find("roman")
        return position is not None and self.stack[position].title.isupper() and not _item_title(after).isupper()

    def offer(self, kind: str, value: str, start: int) -> bool:
        """Open an item for this heading if it continues the numbering; say whether it did."""
        if kind == "dieu":
            number = int(value.rstrip(_LETTERS))
            if number != self.last_dieu + 1 and not (number == self.last_dieu and value[-1].isalpha()):
                return False
            self.last_dieu = number
            self._close_inside_chapter(start)
        elif kind == "chuong":
            position = self._find(kind)
            if position is None:
                if not _is_first(kind, value):
                    return False
            elif not _successor(kind, self.stack[position].value, value):
                return False
            self._close(len(self.stack), start)
        elif self.stack and self.stack[-1].kind == kind:
            # A sibling of the innermost item, the common case: it closes that item and nothing else.
            if not _successor(kind, self.stack[-1].value, value):
                return False
            self.stack.pop().end = start
        else:
            position = self._find(kind)
            if position is not None:
                if not _successor(kind, self.stack[position].value, value):
                    return False
                self._close(len(self.stack) - position, start)
            elif not _is_first(kind, value) or (kind == "dotted" and not self._under_its_head(value)):
                return False
            if kind == "roman":
                self._close_inside_chapter(start)
        stack = self.stack
        parent = stack[-1] if stack else None
        frame = _Open(kind, value, self._label(kind, value, parent), parent.label if parent else None, start)
        stack.append(frame)
        self.opened.append(frame)
        return True

    def _under_its_head(self, value: str) -> bool:
        """Does a first dotted number (`4.3.1`) stand under the item it numbers into (`4.3`, or `4` for `4.1`)?
        A hard-wrapped text may start a line with a number a pinpoint cites (`theo Điểm\n4.3.1 Hướng dẫn
        này`, A03 at 62 to 66 columns), under an item of its own numbering (`2.` `d)`). Where no item numbered
        in Arabic figures is open, a document may start its numbering at `1.1`."""
        head = value.rpartition(".")[0]
        numbered = [frame.value for frame in self.stack if frame.kind in ("arabic", "dotted")]
        return not numbered or head in numbered

    def _find(self, kind: str) -> int | None:
        """Where the open item of this kind stands in the stack (one of each kind at most).

        Searched from the top, where a sibling of the innermost item, the common case, is found at once.
        """
        stack = self.stack
        for position in range(len(stack) - 1, -1, -1):
            if stack[position].kind == kind:
                return position
        return None

    def _label(self, kind: str, value: str, parent: _Open | None) -> str:
        """The item's label: its number after its parent's label (`II.3.b`), a dotted number after the
        label of its Roman part or article (`II.1.2`), chapters and articles by their own name."""
        if kind == "dotted":
            prefix = next((f.label for f in reversed(self.stack) if f.kind in ("roman", "dieu")), None)
            return f"{prefix}.{value}" if prefix else value
        if kind == "chuong":
            return f"Chương {value}"
        if kind == "dieu":
            return f"Điều {value}"
        if parent is not None and parent.kind != "chuong":
            return f"{parent.label}.{value}"
        return value

    def _close_inside_chapter(self, end: int) -> None:
        """Close the open items up to the chapter that holds them, if any."""
        stack = self.stack
        while stack and stack[-1].kind != "chuong":
            stack.pop().end = end

    def _close(self, count: int, end: int) -> None:
        for _ in range(count):
            self.stack.pop().end = end

    def finish(self, end: int) -> list[PlanItem]:
        self._close(len(self.stack), end)
        return [PlanItem(frame.label, frame.title, frame.start, frame.end, frame.parent) for frame in self.opened]


def _item_title(after_heading: str) -> str:
    """The first sentence after the heading, at most 160 characters."""
    text = after_heading.strip(" *_:")
    # Only a sentence end in the first 160 characters shortens the title: the search of a long line stops there.
    end = 160
    for mark, sentence_end in _SENTENCE_ENDS:
        # A search costs far more than the test for its mark, which most titles do not hold.
        if mark in text and (found := sentence_end.search(text, 0, end)):
            end = found.start() + 1  # the next mark's search looks only before this one
    return text[:end].rstrip(" .:;")


def outline(text: str, knowledge: Knowledge | None = None) -> Outline:
    """The structure of normalised `text`."""
    knowledge = knowledge or load()
    header, header_end = _header(_HeaderLines(text), text, knowledge)
    items, closing, first_item, trailer = _items(text, header_end, knowledge)
    closing_start = closing[0][0] if closing else len(text)
    body_end = _body_end(text, trailer, closing_start, header)
    preamble = _preamble(text, header_end, first_item if first_item is not None else closing_start, knowledge)
    spans = (preamble,) if preamble else ()
    if preamble:
        items.insert(0, PlanItem("preamble", _preamble_title(text, preamble), preamble[0], preamble[1], None))
    return Outline(header, header_end, spans, tuple(items), closing_start, body_end)


def _preamble_title(text: str, span: tuple[int, int]) -> str:
    """The preamble's opening words (`Căn cứ`, `Thực hiện`), for lists of items."""
    return " ".join(text[span[0]:span[1]].lstrip("*_-+• \t").split(None, 2)[:2]).strip("*_:;,")


def _candidates(text: str, start: int, knowledge: Knowledge) -> Iterator[re.Match[str]]:
    """A match for each line from `start` that may open an item, a closing block, an appendix or an
    annex, or a page trailer; the rest is prose and never looked at. Its group (`heading`, `marker` or
    `trailer`) starts after the markup (`**`, `#`, `|`), where the numbering, the marker or the trailer
    is found; the match ends where the line does, which spares a search for the line feed.

    The scan looks for a line feed followed by such a line start, which the `re` engine finds about
    twice as fast as a multi-line `^` anchor. The matches are chained, not yielded by a generator of
    ours: no Python frame is resumed for each of them.
    """
    scan = _candidate_scan(knowledge).finditer(text, start)
    at_line_start = start == 0 or text[start - 1] == "\n"
    first = _candidate_pattern(knowledge).match(text, start) if at_line_start else None
    return chain((first,), scan) if first else scan


@cache
def _candidate_scan(knowledge: Knowledge) -> re.Pattern[str]:
    return re.compile("\n" + _candidate_pattern(knowledge).pattern)


@cache
def _candidate_pattern(knowledge: Knowledge) -> re.Pattern[str]:
    grammar = knowledge.grammar
    markers = (
        *grammar.closing_openers,
        *grammar.appendix_openers,
        *grammar.enacting_lines,
        *(word.upper() for word in knowledge.type_words()),
    )
    trailers = _starts_with_one(grammar.page_trailers)
    return re.compile(
        # Horizontal space only before a heading or marker: a match must never run into the next line and
        # hide it from the scan. The markup is taken whole, never given back (`*+`): no candidate starts
        # with a markup character, so trying shorter runs of it on a prose line would be wasted. Each
        # heading starts with a single character (`[IVXL][IVXL]{0,5}`, not `[IVXL]{1,6}`), which `re`
        # tests before entering the alternative: a prose line is left without counting a repetition for
        # each of them. The numerals, stars and spaces in a heading are taken whole too, as nothing after
        # them could use one given back: a lower-case prose line fails without backtracking through
        # them (0.6 M of the mix's 19 M instructions of scanning, measured).
        r"[ \t#*_>|`]*+(?:(?P<heading>Chương[ \t]|Điều[ \t]|[IVXL][IVXL]{0,5}+\**+[ \t]*+[.)/]|\d\d?(?:[.)/ \t]|\.\d)"
        rf"|[a-zđ]\**+[ \t]*+\))|(?P<marker>{_starts_with_one(markers)})"
        # A page trailer may follow any space, line feeds too, as `_line_start_before` allows (it checks that
        # the trailer's line starts near enough): lines of markup alone hide no candidate. No trailer starts
        # with a space or markup, so the run is never given back.
        rf"|[\s#*_>|`]*+(?P<trailer>{trailers}))[^\n]*"
    )


def _starts_with_one(words: Iterable[str]) -> str:
    """A pattern that matches where one of `words` starts, written as a tree of their shared prefixes.

    `re` tries the words of a plain `A|B|C` one after another; in a tree each branch starts with one
    letter, which `re` tests before entering it, so a prose line is left after a letter or two. Only
    whether a word starts here counts, so a word that starts with another one is left out.
    """
    kept: list[str] = []
    for word in sorted(set(words)):  # a word's longer forms follow it directly in sorted order
        if not (kept and word.startswith(kept[-1])):
            kept.append(word)
    return _prefix_tree(kept)


def _prefix_tree(words: list[str]) -> str:
    """`words` (sorted, none the start of another) as nested alternatives, grouped by first letter."""
    if len(words) == 1:
        return re.escape(words[0])
    branches = [
        re.escape(first) + _prefix_tree([word[1:] for word in group]) for first, group in groupby(words, itemgetter(0))
    ]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _items(
    text: str, body_start: int, knowledge: Knowledge
) -> tuple[list[PlanItem], list[tuple[int, int]], int | None, int | None]:
    """Numbered items, the closing blocks between them, where the first item starts, and the start of
    the first line that opens with a page trailer, if any (found by the same scan of the line starts).

    After the signature a document may carry an annex with its own type line ("QUY ĐỊNH" attached to
    a Quyết định): its numbering starts afresh, so it gets a fresh builder. An appendix of tables or
    forms ("Phụ lục") has no outline.
    """
    builder: _ItemBuilder | None = _ItemBuilder()
    in_appendix = False
    items: list[PlanItem] = []
    closing: list[tuple[int, int]] = []
    first_item = trailer = None
    for match in _candidates(text, body_start, knowledge):
        group = match.lastgroup  # `heading`, `marker` or `trailer`: every match has one of them
        content_start = match.start(group)  # type: ignore[arg-type]
        if group == "heading":
            if builder is not None and builder.take(text, content_start, match.end()) and first_item is None:
                first_item = _line_start(text, content_start)
            continue
        if group == "trailer":
            trailer = trailer if trailer is not None else _line_start_before(text, content_start)
            continue
        line_start = _line_start(text, content_start)
        bare = _unmarked(text[content_start:match.end()])
        if builder is None:
            in_appendix = in_appendix or _is_appendix(bare, knowledge)
            if _type_line(bare, knowledge) and not in_appendix:
                closing[-1] = (closing[-1][0], line_start)
                builder = _ItemBuilder()
            continue
        if (
            (_is_closing(bare, knowledge) or _is_appendix(bare, knowledge))
            and (builder.opened or line_start > body_start)
            and not _inside_sentence(text, line_start, match.end(), bare, knowledge)
        ):
            in_appendix = _is_appendix(bare, knowledge)
            items.extend(builder.finish(line_start))
            closing.append((line_start, len(text)))
            builder = None
            continue
        if _is_enacting(bare, knowledge):
            first_item = first_item if first_item is not None else line_start
    if builder is not None:
        items.extend(builder.finish(len(text)))
    return items, closing, first_item, trailer


def _body_end(text: str, trailer: int | None, closing_start: int, header: DocumentHeader) -> int:
    """Where the document ends and the web page it was pasted from resumes.

    A legal library page follows the document with "Văn bản liên quan" and similar lines (`trailer`,
    the first of them, found by `_items`), and repeats the document's own title ("Kế hoạch 980/KH-UBND
    năm 2025 ...") after the signature. The title is found by a literal search, then checked to stand
    at the start of a line that does not carry on a sentence: a hard-wrapped annex heading breaks `(Ban hành
    kèm theo\nQuyết định số 435/QĐ-UBND ...)` anywhere.
    """
    ends = [len(text)]
    if trailer is not None:
        ends.append(trailer)
    if header.type and header.number:
        for title in (f"{header.type} {header.number}", f"{header.type} số {header.number}"):
            position = text.find(title, closing_start)
            while position >= 0 and (
                (line_start := _line_start_before(text, position)) is None or _above_runs_on(text, line_start)
            ):
                position = text.find(title, position + 1)
            if position >= 0:
                ends.append(line_start)
    return min(ends)


def _line_start_before(text: str, position: int) -> int | None:
    """The start of the line if only markup (`**`, `#`, `|`) stands between it and `position`.

    Looks back a few characters only, so that a marker repeated along one long line costs nothing.
    """
    reach = max(0, position - _MARKUP_REACH)
    newline = text.rfind("\n", reach, position)
    if newline < 0 and reach > 0:
        return None
    line_start = newline + 1
    return line_start if not _MARKUP.sub("", text[line_start:position]).strip() else None
