"""Find every cited document in normalised text.

Two anchors start a citation: a document number (`59/2023/NĐ-CP`, `23-QĐ/TW`, `4919/VPCP-KTTH`) and
a law cited by name (`Luật Tiếp công dân năm 2013`). From each anchor the extractor reads backwards
for the type word and pinpoint (`điểm a khoản 2 Điều 5 Nghị định số`) and forwards for the date,
issuer, Party term and trích yếu, all in one left-to-right pass. Every pattern is built from the
knowledge files, so a new type word or issuer is a data change.

Offsets here are into the *normalised* text; the pipeline maps them back to the original.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections import deque
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple

from .knowledge import Knowledge, fold, load
from .models import DocumentNumber
from .normalise import LINE_ENDS
from .phrases import (
    CLOSING,
    PhraseTable,
    skip_space,
    skip_space_back,
    trailing_word,
    word_start,
)

# Patterns use the standard `re` engine, which compiles three to four times faster than `regex` (this
# matters at every start of the command line) and matches anchored patterns at least as fast. `re` has
# no `\p{L}`: a letter is `[^\W\d_]`, a letter or digit `[^\W_]`.
CODE = r"[A-ZĐ][A-Za-zĐđ&]*\d*(?:\.[IVX]+\b)?"  # `V.I`: a unit code (Vụ I) in `11554/VPCP-V.I`
ORDINAL = r"\d{1,5}(?:\.\d{1,3})?[a-zđ]?"
YEAR = r"(?:19|20)\d{2}"
_ROMAN_LETTERS = "IVXL"
ROMAN = rf"[{_ROMAN_LETTERS}]{{1,6}}"
_NOT_AFTER_WORD = r"(?<![^\W_])"  # not glued to a letter or digit before
_NOT_BEFORE_WORD = r"(?![^\W_])"
_GROUP_SEP = r"(?:-[ \n]?|[ ]-|/[ \n]?)"
_STATE = (
    rf"(?P<s_ord>{ORDINAL})[ ]?/[ \n]?(?:(?P<s_year>{YEAR})[ ]?/[ \n]?)?"
    rf"(?P<s_codes>{CODE}(?:{_GROUP_SEP}{CODE})*)"
)
_PARTY = (
    rf"(?P<p_ord>{ORDINAL})[ \n]?-[ \n]?(?P<p_type>{CODE})[ ]?/[ \n]?"
    rf"(?P<p_codes>{CODE}(?:(?:-[ \n]?|[ ]-){CODE})*)"
)
NUMBER_RE = re.compile(rf"{_NOT_AFTER_WORD}(?<![/\-.])(?:{_PARTY}|{_STATE}){_NOT_BEFORE_WORD}")
# Shapes only trusted right after a type word: `14-CP`, `05-CP` (before the 1990s) and a number
# whose slash was dropped (`1830 QĐ-UBND`).
OLD_NUMBER_RE = re.compile(rf"(?P<o_ord>\d{{1,5}})[ ]?-[ \n]?(?P<o_codes>{CODE}){_NOT_BEFORE_WORD}(?!/)")
INCOMPLETE_RE = re.compile(rf"(?P<s_ord>\d{{1,5}})/(?P<s_year>{YEAR})(?P<s_codes>){_NOT_BEFORE_WORD}(?![/\-])")
# Where an irregular number may start; it counts only after a type word.
IRREGULAR_START_RE = re.compile(
    rf"(?<![\d/\-.])\d{{1,5}}(?:[ ]?-[ \n]?[A-ZĐ]|[ ][A-ZĐ][A-Za-zĐđ]*-|/{YEAR}{_NOT_BEFORE_WORD}(?![/\-]))"
)
# The head of a number, ending at the separator after it: `59`/, `23-QĐ`/, `1830 QĐ`-, `12a `/. It is
# searched for, and written `\d\d{0,4}`, not `\d{1,5}`: `re` skips to the places where a search can
# start only for a pattern that opens with a character set or a literal, not with a repeat.
_NUMBER_HEAD = re.compile(
    r"\d\d{0,4}(?:\.\d{1,3})?[a-zđ]?(?:[ ]?-[ \n]?[A-ZĐ][A-Za-zĐđ&]*\d*(?:\.[IVX]+)?|[ ][A-ZĐ][A-Za-zĐđ]*)?[ ]?\Z"
)
NO_SLASH_RE = re.compile(
    rf"(?P<s_ord>\d{{1,5}})[ ](?P<s_year>)(?P<s_codes>{CODE}-{CODE}(?:-{CODE})*){_NOT_BEFORE_WORD}(?!/)"
)


def _date(tag: str) -> str:
    """A written date, its groups named `d<tag>`, `m<tag>`, `y<tag>` (`re` wants every name once). A stray
    space beside a separator (`30/ 06/2017`) may be where a hard-wrapped text broke the line."""
    return (
        rf"(?:(?P<d{tag}>\d{{1,2}})\s?(?P<sep{tag}>[/.\-])\s?(?P<m{tag}>\d{{1,2}})\s?(?P=sep{tag})\s?(?P<y{tag}>{YEAR})"
        rf"|(?P<d{tag}w>\d{{1,2}})\s+tháng\s+(?P<m{tag}w>\d{{1,2}})\s*,?\s+năm\s+(?P<y{tag}w>{YEAR}))"
    )


DATE_AFTER_RE = re.compile(
    rf"\s*,?\s*(?:(?:được\s+)?(?:ban\s+hành|ký)\s+)?[Nn]gày\s+{_date('1')}|\s*\(\s*(?:[Nn]gày\s+)?{_date('2')}\s*\)"
)
_DATE_GROUPS = {f"y{tag}": (f"d{tag}", f"m{tag}", f"y{tag}") for tag in ("1", "1w", "2", "2w")}
TERM_RE = re.compile(
    rf"\s*,?\s*(?P<open>\()?\s*(?:[Kk]hóa|[Kk]hoá|KHÓA)\s+(?P<roman>{ROMAN})\b(?(open)\s*\))"
)
ISSUER_INTRO_RE = re.compile(r"\s*,?\s*(?:của|do)\s+")
# "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số ...": the author stands before the citation.
ISSUER_BEFORE_RE = re.compile(
    r"(?:đề nghị|đề xuất|ý kiến)\s+của\s+(?P<issuer>(?:(?!của\s)[^;:.()])+?)\s+tại\s*\Z"
)
_POINTS = r"[Đđ]iểm\s+[a-zđ]\d?(?:\s*,\s*[a-zđ]\d?)*(?:\s+và\s+[a-zđ]\d?)?\s*,?\s+"
_CLAUSES = r"[Kk]hoản\s+\d+[a-zđ]?(?:\s*,\s*\d+[a-zđ]?)*(?:\s+và\s+\d+[a-zđ]?)?"
_PINPOINT = (
    rf"(?:(?:{_POINTS})?(?:{_CLAUSES}\s*,?\s+)?[Đđ]iều\s+\d+[a-zđ]?"
    rf"|(?:{_POINTS})?{_CLAUSES}"
    rf"|(?:Mục|Chương|Phần|Phụ lục)\s+(?:{ROMAN}|\d+))"
    rf"(?:\s*,?\s+(?:Mục|Chương|Phần)\s+(?:{ROMAN}|\d+))*"
)
# The words that may stand between a pinpoint and the type word after it.
_LINKS = ("của", "tại")
# A pinpoint that ends where a type word starts (`điểm a khoản 2 Điều 5 của` Nghị định ...).
PINPOINT_BEFORE_RE = re.compile(rf"(?<![^\W\d_])(?P<pin>{_PINPOINT})\s+(?:(?:{'|'.join(_LINKS)})\s+)?\Z")
COORDINATOR_RE = re.compile(r"\s*,?\s*(?:và|hoặc)?\s*(?:số\s*)?:?\s*")
LAW_YEAR_RE = re.compile(rf"\s+(?:nước [^\n]{{0,60}}?\s+)?năm\s+(?P<y>{YEAR})(?!\d)")
LAW_NUMBER_INTRO_RE = re.compile(rf"\s*,?\s*[Ss]ố\s*:?\s*(?={ORDINAL}/)")
SELF_REFERENCE_RE = re.compile(r"\s+này(?![^\W\d_])")
WORD_RE = re.compile(r"\S+")


Span = tuple[int, int]


class Mention(NamedTuple):
    """A citation found in the normalised text, before it is placed in the outline.

    The issuer, title and name are spans, so the caller can report them as written in the original.
    A named tuple, which the extractor builds for every citation and `resolve` unpacks at once: against
    a `quick_init` record it costs 3.5 k instructions less to build and 130 less a field read (measured).
    """

    start: int
    end: int
    anchor: int
    type: str | None
    number: DocumentNumber | None
    date: dt.date | None
    issuer: Span | None
    issuer_code: str | None
    title: Span | None
    term: str | None
    pinpoint: str | None
    name: str | None = None
    name_span: Span | None = None
    year: int | None = None
    quoted_title: bool = False
    title_quote_balanced: bool = True
    shared: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


# What follows a number, as read_tail reads it: (end, date, issuer, issuer code, term, title, quoted title,
# title's quotes balanced, notes). A plain tuple, built for every citation and unpacked where it is read:
# a named tuple's constructor and field reads cost 5 k instructions more a citation (measured).
Tail = tuple[int, dt.date | None, Span | None, str | None, str | None, Span | None, bool, bool, tuple[str, ...]]


class Patterns:
    """Phrase tables and regular expressions built from the knowledge files."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        grammar = knowledge.grammar
        # After `,` or `và` inside a title, and inside an open issuer name, only a type word as written in
        # the data (capitalised) starts another citation.
        self.type_words_as_written = PhraseTable(((w, w) for w in knowledge.type_words()), any_case=False)
        # The words that may end an open issuer name (see _open_issuer_end): `và`, or a word starting
        # with a type word's first letter.
        type_word_starts = "".join(sorted(self.type_words_as_written.first_characters))
        self.open_issuer_breaks = re.compile(rf"(?<=\s)(?:{_AND}(?!\S)|[{re.escape(type_word_starts)}])")
        self.shorthand_type = {short: doc_type.name for doc_type in knowledge.types for short in doc_type.shorthands}
        self.law_types = tuple(doc_type.name for doc_type in knowledge.types if doc_type.by_name)
        self.law_names = PhraseTable(((name, True) for name in knowledge.laws_by_name), any_case=True)
        self.law_name_stops = frozenset(map(fold, grammar.law_name_stops))
        self.amending_law_name_words = frozenset(map(fold, grammar.amending_law_name_words))
        # The word before a number: a document type, or a form or annex whose number is not a document's.
        self.words_before_number = PhraseTable(
            [*((w, knowledge.type_by_word[fold(w)].name) for w in knowledge.type_words()),
             *((w, _FORM) for w in grammar.not_a_document)],
            any_case=True,
        )
        self.standard_number = re.compile(rf"(?:{_alternatives(grammar.standard_prefixes)})\s*[\d.\- ]*:\s*\Z")
        self.level_word = re.compile(rf"\s+(?:cấp\s+)?(?P<level>{_alternatives(grammar.level_words)})(?![^\W\d_])")
        # A place name is capitalised words, but not a capitalised trích yếu ("... tỉnh Yên Bái Ban hành ...").
        # Nor an organisation word: "tỉnh Ủy" is the Tỉnh ủy, not a province named Ủy. Nor what starts the next
        # citation or, on the next line, the next base ("... tỉnh Lào Cai Quyết định số ...", "...\nCăn cứ ...").
        self.not_place = PhraseTable(
            ((w, True) for w in (*grammar.title_openers, *grammar.not_place_words, *grammar.preamble_openers,
                                 *knowledge.type_words())),
            any_case=True,
        )
        # The first issuer in the data file that has a name wins.
        self.issuer_names = PhraseTable(
            ((alias, issuer.code) for issuer in knowledge.issuers for alias in issuer.aliases), any_case=True
        )
        self.open_issuer_heads = PhraseTable(((h, True) for h in grammar.open_issuer_heads), any_case=False)
        # What a name never ends with alone: an organisation word, a company's legal form (see _runs_on).
        self.name_heads = frozenset((*grammar.open_issuer_heads, *grammar.company_forms, *grammar.part_bodies))
        openers = grammar.title_openers + grammar.title_openers_after_issuer
        self.title_first_letters = frozenset("“\"«").union(*({o[0].lower(), o[0].upper()} for o in openers))
        self.title_open = self._title_open(grammar.title_openers)
        self.title_open_after_issuer = self._title_open(openers)
        self.title_breaks = _title_breaks(grammar.title_stops, knowledge.type_words(), self.shorthand_type)
        # An open issuer name runs up to the trích yếu, punctuation, or the next citation (see _open_issuer_end).
        self.open_issuer_stop = re.compile(
            r"\s+(?:về việc|về|V/v|quy định|ban hành|hướng dẫn|phê duyệt|ngày|năm \d)(?![^\W\d_])|[;,.:()“”\"«»\n]"
        )
        # What ends no name, ending a line (searched up to the start of the next one): `và`, a dash, a level
        # word without its place or with the first word of it, `place` (`tỉnh\n`, `tỉnh Lào\n`; not `cấp xã`),
        # a verb without its object (`Ban Chỉ đạo thực hiện`).
        self.unended_name = re.compile(
            rf"(?:^|(?<=\s))(?:{_AND}|-|(?<!cấp\s)(?:{_alternatives(grammar.level_words)})"
            rf"(?:[ \t]+(?P<place>[^\W\d_]+))?|{_alternatives(grammar.title_openers_after_issuer)})[ \t]*\n\Z"
        )

    def forget_answers(self) -> None:
        """Start a new document: the phrase tables forget the answers they remember (see PhraseTable.at).

        The tables are listed by name: finding them with vars(self) would give the instance a real
        __dict__, and every attribute read on it would then take a slower path (measured: 1 % of
        extraction), as would one more attribute holding them (0.5 %)."""
        for table in (
            self.type_words_as_written,
            self.words_before_number,
            self.law_names,
            self.not_place,
            self.issuer_names,
            self.open_issuer_heads,
        ):
            table.forget()

    @staticmethod
    def _title_open(openers: tuple[str, ...]) -> re.Pattern[str]:
        words = "|".join(map(_spaced, sorted(openers, key=len, reverse=True)))
        return re.compile(rf"\s*,?\s*(?:(?P<quote>[“\"«])|(?i:(?P<opener>{words}))(?=[\s“\"]))")


def _alternatives(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(phrase) for phrase in phrases)


def _spaced(phrase: str) -> str:
    """A pattern for `phrase` in which each space stands for any run of whitespace, a line break included:
    a hard-wrapped text breaks `quy\nđịnh` and ` có hiệu\nlực`."""
    return r"\s+".join(map(re.escape, phrase.split(" ")))


@cache
def patterns() -> Patterns:
    return Patterns(load())


# How far ahead an anchored match may look, so that no match ever costs more than its neighbourhood.
_REACH = 300


def _at(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """`pattern` matched at `pos`, looking no further than _REACH characters ahead."""
    return pattern.match(text, pos, pos + _REACH)


_PARTY_SPLIT = re.compile(r"[ \n]?-[ \n]?")
# Splits a State number's codes and keeps each separator between them: `NĐ`, `-`, `CP`.
_STATE_SPLIT = re.compile(r"[ ]?([-/])[ \n]?")
_JOINT = re.compile(r"\s+và\s+")
_PAGE_BREAK = re.compile(r"\n[ \t]*\n[ \t]*")
_SENTENCE_END = re.compile(r"[.;]\s")
_NUMBER_FOLLOWS = re.compile(r"\s+(?:[Ss]ố\s*:?\s*)?\d")
_NUMBER_NEXT = re.compile(r"\s*(?:[Ss]ố|\d)")
_SPACE_NUMBER_NEXT = re.compile(r"\s+(?:[Ss]ố|\d)")


# --- numbers -------------------------------------------------------------------------------------

def parse_number(match: re.Match[str], knowledge: Knowledge) -> DocumentNumber:
    """Turn a match of NUMBER_RE, OLD_NUMBER_RE, NO_SLASH_RE or INCOMPLETE_RE into its parts, with known
    codes in canonical case. Each shape's codes are its last group (`p_codes`, `o_codes`, `s_codes`), so
    the group that closed last tells the shape."""
    text = match.group()
    shape = match.lastgroup
    canonical = knowledge.canonical_code
    if shape == "p_codes":
        ordinal, type_code, written_codes = match.group("p_ord", "p_type", "p_codes")
        type_code = canonical(type_code)
        issuers = tuple(map(canonical, _PARTY_SPLIT.split(written_codes)))
        normalised = f"{ordinal}-{type_code}/{'-'.join(issuers)}"
        return DocumentNumber(text, normalised, "party", ordinal, None, type_code, issuers)
    if shape == "o_codes":
        ordinal, code = match.group("o_ord", "o_codes")
        code = canonical(code)
        return DocumentNumber(text, f"{ordinal}-{code}", "old", ordinal, None, None, (code,))
    ordinal, written_year, written_codes = match.group("s_ord", "s_year", "s_codes")
    year = int(written_year) if written_year else None
    if not written_codes:
        return DocumentNumber(text, f"{ordinal}/{year}", "state", ordinal, year, None, ())
    parts = _STATE_SPLIT.split(written_codes)  # the codes, each separator kept between two of them
    parts[::2] = codes = list(map(canonical, parts[::2]))
    type_code = codes[0] if codes[0] in knowledge.state_type_by_code else None
    issuers = tuple(codes[1:] if type_code else codes)
    joined = "".join(parts)
    normalised = f"{ordinal}/{year}/{joined}" if year else f"{ordinal}/{joined}"
    return DocumentNumber(text, normalised, "state", ordinal, year, type_code, issuers)


def type_for_number(number: DocumentNumber, knowledge: Knowledge) -> str | None:
    """The document type a number's codes imply (`KH` -> Kế hoạch; no type code -> Công văn)."""
    if number.family == "party":
        doc_type = knowledge.party_type_by_code.get(number.type_code or "")
        return doc_type.name if doc_type else None
    if number.family == "old":
        return None
    if number.type_code:
        return knowledge.state_type_by_code[number.type_code].name
    if not number.issuer_codes:
        return None
    first = number.issuer_codes[0]
    legislature = knowledge.legislature_code(first)
    if legislature:
        return "Pháp lệnh" if legislature[0] == "UBTVQH" and number.year else None
    return "Công văn"


# --- dates, terms, issuers, titles ----------------------------------------------------------------

def date_parts(match: re.Match[str]) -> tuple[str, str, str]:
    """(day, month, year) as written in a DATE_AFTER_RE match: the year is its last group (`y1`, `y2w`)."""
    return match.group(*_DATE_GROUPS[match.lastgroup or ""])


def make_date(match: re.Match[str]) -> dt.date | None:
    """A calendar date, or None when the written date cannot exist (the checker flags it)."""
    day, month, year = date_parts(match)
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


# The word `Đảng` after spaces, maybe followed by closing punctuation.
_PARTY_AFTER_BODY = re.compile(r"\s+Đảng(?=[,;.:)]*(?!\S))")


def alias_at(text: str, pos: int, pats: Patterns) -> tuple[int, str] | None:
    """(end, issuer code) of the longest known issuer name starting at `pos` (`Thủ tướng Chính phủ`,
    `Ban Chấp hành Trung ương Đảng`), compared word by word in any case and across line breaks."""
    found = pats.issuer_names.at(text, pos)
    # "Ban Chấp hành Trung ương Đảng": the party's name after a known body belongs to it.
    if found and (party := _PARTY_AFTER_BODY.match(text, found[0])):
        return party.end(), found[1]
    return found


def _read_issuer(text: str, pos: int, pats: Patterns) -> tuple[int, str | None] | None:
    """The issuer phrase starting at `pos`: (end, code)."""
    alias = alias_at(text, pos, pats)
    if alias:
        end, code = alias
        # A location after the name (`UBND tỉnh Lào Cai`, `Ủy ban nhân dân cấp xã`) belongs to it.
        if level := pats.level_word.match(text, end, end + _REACH):
            end = _with_place(text, level, pats).end
        joint = _JOINT.match(text, end, end + 6)
        if joint:
            other = _read_issuer(text, joint.end(), pats)
            if other:
                end = other[0]
        return end, code
    if not _opens_issuer(text, pos, pats):
        return None
    phrase = text[pos:_open_issuer_end(text, pos, pats)].rstrip()
    if not phrase or len(phrase.split()) > 25:
        return None
    return pos + len(phrase), None


def _opens_issuer(text: str, pos: int, pats: Patterns) -> bool:
    """Does an issuer name the data does not know start here? An organisation word followed by a
    capitalised name (`Ban cán sự Đảng`, `Sở Công Thương`), or two capitalised words."""
    head = pats.open_issuer_heads.at(text, pos)
    if head and (name := skip_space(text, head[0])) > head[0] and text[name:name + 1].isupper():
        return True
    word = WORD_RE.match(text, pos)
    if not word or not _is_capitalised(word.group()):
        return False
    following = skip_space(text, word.end())
    return text[following:following + 1].isupper()


def _is_capitalised(word: str) -> bool:
    """`Hà`, `Nội`, `B`: a capital letter followed by small letters only."""
    return word[0].isupper() and (len(word) == 1 or (word[1:].isalpha() and word[1:].islower()))


class Location(NamedTuple):
    """A level word and the place it names: ` tỉnh Lào Cai`, ` cấp xã`, ` phường 12`. A named tuple:
    one is built for most issuers, at a fifth of a frozen dataclass's cost."""

    start: int
    end: int
    level: str
    place: str | None


def locations(text: str, pats: Patterns) -> Iterator[Location]:
    """Every location in `text`, in order."""
    end = 0
    for level in pats.level_word.finditer(text):
        if level.start() >= end:
            location = _with_place(text, level, pats)
            end = location.end
            yield location


def _with_place(text: str, level: re.Match[str], pats: Patterns) -> Location:
    """The location of a level word, with the place name after it if there is one.

    Words of one name may wrap onto the next line ("thành phố Hà\nNội"), and onto the next page past its
    number ("tỉnh Lào\n20\n\nCai", in OCR text), never across a blank line alone. A number belongs to the
    name only on the same line ("phường 12"), not a page number below it. A name of two words or more goes
    on over a line only where the document names it with the next word elsewhere ("Hồ Chí\nMinh"): a base
    without its `;` may be followed by a sentence (`tỉnh Lào Cai\nTrong thời gian tới, ...`).
    """
    start = skip_space(text, level.end())
    end = _place_word_end(text, start, pats) if start > level.end() else None
    if end is None:
        return Location(level.start(), level.end(), level.group("level"), None)
    while True:
        gap = _skip_blanks(text, end)
        if text[gap:gap + 1] == "\n":
            page = PAGE_NUMBER.match(text, gap)
            line = page.end() if page else _skip_blanks(text, gap + 1)
            following = None if _ITEM_START.match(text, line) else _place_word_end(text, line, pats)
            if following is not None and not _place_runs_on(text, start, end, line):
                following = None
        elif gap > end:
            following = _place_word_end(text, gap, pats) or _short_number_end(text, gap)
        else:
            following = None
        if following is None:
            return Location(level.start(), end, level.group("level"), text[start:end])
        end = following


# What opens an item at a line's start: `Điều 5.`, `II.`, `2)`, `b)`, numbered up to 99 as the outline reads
# them; not a dotted document number wrapped onto the line (`theo Nghị quyết số\n66.4/2025/NQ-CP`), nor a
# year ending a sentence (`tầm nhìn đến năm\n2050.`), nor an article cited in a sentence (`tại khoản 1\nĐiều
# 108 Luật ...`). Neither a place name nor a trích yếu goes on into it.
_ITEM_NUMBER = (
    r"Điều\s+\d+[a-zđ]?\s*[.:]|(?:Chương|Mục|Phần)\s+[\dIVXL]|[IVXL]+\s*[.)]|\d\d?[.)](?![\d.]*/)|[a-zđ]\)"
)
_ITEM_START = re.compile(_ITEM_NUMBER)
# A page's number on a line of its own with a blank line after it: a page break inside a sentence. Any line
# end (a CRLF is a line end and a line feed), so that the text as read shows it as the normalised text does;
# each written as a set, which `re` skips text to, where an alternation would be tried at every character.
_ANY_LINE_END = rf"[{LINE_ENDS}]\n?"
PAGE_NUMBER = re.compile(rf"{_ANY_LINE_END}[ \t]*\d{{1,3}}[ \t]*{_ANY_LINE_END}(?:[ \t]*{_ANY_LINE_END})+[ \t]*")


def _place_runs_on(text: str, start: int, end: int, line: int) -> bool:
    """Does the place name `text[start:end]` go on with the capitalised word at `line`, the next line's? It does
    when it has one word so far (`Hà\nNội`, `Lào\n20\n\nCai`), or see _named_again."""
    return text[start:end].isalpha() or _named_again(text, start, end, line)


def _place_word_end(text: str, pos: int, pats: Patterns) -> int | None:
    """End of a capitalised word of a place name at `pos` (`Hà`, `Nội`, `I`), not a trích yếu's first
    word (`Ban hành`) nor an organisation word (`Ủy`), nor an abbreviation (`UBND`)."""
    if not (text[pos:pos + 1].isupper() and text[pos].isalpha()) or pats.not_place.at(text, pos):
        return None
    end = pos + 1
    while end < len(text) and text[end].islower() and text[end].isalpha():
        end += 1
    return None if text[end:end + 1].isalpha() else end


def _short_number_end(text: str, pos: int) -> int | None:
    end = pos
    while end < len(text) and text[end].isdigit():
        end += 1
    return end if 0 < end - pos <= 3 else None


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _open_issuer_end(text: str, pos: int, pats: Patterns) -> int:
    """Where an issuer name that is not in the data ends: at the trích yếu, punctuation, or the next
    citation ("... Yên Hà và Quyết định điều chỉnh ...", "... Bình Định Kế hoạch số ..."); not at a line
    break that the name runs on over (see _runs_on)."""
    limit = min(len(text), pos + 200)
    stop = pats.open_issuer_stop.search(text, pos, limit)
    while stop and stop.group() == "\n" and _runs_on(text, pos, stop.end(), pats):
        stop = pats.open_issuer_stop.search(text, stop.end(), limit)
    end = stop.start() if stop else limit
    # Only the word `và` and a word that starts like a type word can end it sooner: those words are
    # found by one pattern, rather than every word read in turn (a name's first word never counts).
    for word in pats.open_issuer_breaks.finditer(text, pos + 1, end):
        start = word.start()
        if word.group() == _AND and _citation_starts(text, start + len(_AND), pats, needs_number=False):
            return start
        if (found := pats.type_words_as_written.at(text, start)) and _SPACE_NUMBER_NEXT.match(text, found[0]):
            return start
    return end


def _runs_on(text: str, name: int, pos: int, pats: Patterns) -> bool:
    """Does the line at `pos` go on with the name that starts at `name`? A hard-wrapped text breaks a name
    anywhere. It goes on when the line starts with a small letter (`Sở Nông nghiệp và Môi\ntrường`), or
    when the line before stops at a word that ends no name: `và` or a dash (`Phòng Cảnh sát PCCC và\nCNCH`),
    a level word without its place or with one word of it (`Sở Công Thương tỉnh\nLào Cai`, `tỉnh Lào\nCai`,
    as _place_runs_on reads a place), a verb without its object (`Ban Chỉ đạo thực hiện\nQuy chế ...`), or
    an organisation word, a company's legal form or a body that is part of another alone (`Công ty\nCổ phần
    ...`, `Công ty Cổ phần\nTư vấn ...`, `Ban Pháp chế\nHội đồng nhân dân`). It goes on, too, where the
    document writes the name's last word and the line's first word together elsewhere (see _named_again).
    A line that opens an item (`a)`) never does."""
    start = _skip_blanks(text, pos)
    if _ITEM_START.match(text, start):
        return False
    if text[start:start + 1].islower():
        return True
    # A place's first word is capitalised (`tỉnh Lào\nCai`), as _place_runs_on reads one.
    unended = pats.unended_name.search(text, max(0, pos - 32), pos)
    if unended and not (unended["place"] or "")[:1].islower():
        return True
    return " ".join(text[name:pos].split()) in pats.name_heads or _named_again(text, name, pos, start)


def _named_again(text: str, begin: int, end: int, start: int, joiners: tuple[str, ...] = (" ", "\n")) -> bool:
    """Does the text write the last word of `text[begin:end]` and the word at `start` together somewhere else,
    with one of `joiners` between them (a space or a line break, unless asked otherwise)? A document names
    the same bodies and places again and again (`Công ty Cổ phần Năng lượng Yên Hà` ten times in A20), and
    a hard wrap breaks each mention in its own place (`... Năng lượng Yên\nHà`) or the same (`Dương
    Minh\nChâu` twice in the seed at 39 columns): where the two words stand together elsewhere, the break is
    inside the name. Asked only where a name meets a line that starts with a capital, which a text that is
    not hard-wrapped seldom has.

    Two literal searches within _SAME_DOCUMENT characters either way answer it, so that a question costs
    about what a citation does, and many documents joined in one long string no more per question than
    one. A pattern of the whole name, compiled for each question and tried at every mention of its first
    word, made 0.4 MB of 4,000 citations with broken names 13 times slower to read (4.8 s against 0.36 s
    without the question); the two searches make it 1.8 times (measured)."""
    word = WORD_RE.match(text, start)
    name = text[begin:end].rstrip()
    if word is None or not name:
        return False
    last = name.rsplit(None, 1)[-1]
    here = begin + len(name) - len(last)  # where this mention's pair stands, which does not count
    low, high = max(0, begin - _SAME_DOCUMENT), min(len(text), start + _SAME_DOCUMENT)
    pairs = (f"{last}{between}{word.group().rstrip(CLOSING)}" for between in joiners)
    return any(found != here for pair in pairs for found in _whole_words(text, pair, low, high))


def _whole_words(text: str, words: str, start: int, end: int) -> Iterator[int]:
    """Where `words` stand in text[start:end] as whole words: not inside a longer word or number
    (`Chỉ thị 11` in `Chỉ thị 112` or `Chỉ thị 11-CT/TU`)."""
    position = text.find(words, start, end)
    while position >= 0:
        after = position + len(words)
        if (
            not text[position - 1:position].isalnum()
            and not text[after:after + 1].isalnum()
            and not (text[after:after + 1] in "-/." and text[after + 1:after + 2].isalnum())
        ):
            yield position
        position = text.find(words, after, end)


# How far from a broken name another mention of it is looked for, either way: a plan of 20,000 characters
# lies within it whole, and A20's 44,000 nearly.
_SAME_DOCUMENT = 30_000


def _citation_starts(text: str, pos: int, pats: Patterns, *, needs_number: bool) -> bool:
    """Does `[các] <type word>` follow `pos` (after `,` or `và`)? With `needs_number`, a shorthand
    (`QĐ`) counts too, and `số` or a digit must come next."""
    start = skip_space(text, pos)
    after = start + len(_PLURAL)
    if text.startswith(_PLURAL, start) and after < len(text) and text[after].isspace():
        start = skip_space(text, after)
    found = pats.type_words_as_written.at(text, start)
    if not needs_number:
        return found is not None
    if not found:
        word = WORD_RE.match(text, start)
        if not (word and word.group() in pats.shorthand_type):
            return False
        found = word.end(), word.group()
    return _NUMBER_NEXT.match(text, found[0]) is not None


def _page_break_continues(text: str, pos: int) -> bool:
    """A blank line at `pos` followed by a small letter: the sentence runs on over a page break."""
    gap = _PAGE_BREAK.match(text, pos, pos + 40)
    return gap is not None and text[gap.end():gap.end() + 1].islower()


# A dash at a line's start, and the first character after it.
_DASH_THEN_WORD = re.compile(r"[ \t]*-\s+(\S)")
# A range of years broken before its dash (`giai đoạn 2021\n- 2026`), from the year ending the line above.
_BROKEN_YEAR_RANGE = re.compile(rf"(?<!\d){YEAR}[ \t]*\n[ \t]*-[ \t]+{YEAR}(?!\d)")


def _wrapped_dash(text: str, title: int, pos: int) -> bool:
    """Is the line at `pos` the rest of a wrapped line, of the title from `title`, that broke before a dash
    (`chính trị\n- xã hội`)? A list's bullet is followed by a capital: none of the 1,484 bullets of the
    bundled documents has a small letter after it, but a name may have one after its dash where the text
    writes it whole elsewhere (`Bộ Lao động\n- Thương binh và Xã hội`, see _named_again). A bullet may
    start with a number (`- 100.000 đồng`), but not the second year of a range whose first year ends the
    line above (`giai đoạn 2021\n- 2026`)."""
    dash = _DASH_THEN_WORD.match(text, pos)
    if dash is None:
        return False
    if dash.group(1).isdigit():
        return _BROKEN_YEAR_RANGE.search(text, max(0, pos - 12), dash.end() + 4) is not None
    return dash.group(1).islower() or _named_again(text, title, pos, dash.start(1), (" - ",))


def _colon_runs_on(text: str, title: int, pos: int) -> bool:
    """Does the title from `title` go on past a colon that ends its line at `pos`? A colon at a line's end
    leads in to what follows (`như sau:`), but a wrap may fall after a colon inside a title (`thiết kế kỹ
    thuật – hạng mục:\nHệ thống phòng cháy chữa cháy ...` in A20): where the text writes the two words
    together elsewhere (see _named_again), the title goes on. A line that opens an item never does."""
    start = skip_space(text, pos)
    return not _ITEM_START.match(text, start) and _named_again(text, title, pos, start, (" ",))


# Every alternative of the title's end starts with a literal character, so that `re` skips the words
# between them with a character-set test instead of trying each alternative at every position. A line
# that starts with a bullet, an item's number or a base ends it.
_TITLE_BREAK = (
    r";|\.(?=\s|$)|:(?=\s*\n)|\((?:sau\s+đây|viết\s+tắt|gọi\s+tắt)|\n[ \t]*\n"
    rf"|\n(?=[ \t]*(?:[-+•*]|{_ITEM_NUMBER}|Căn cứ|Theo đề nghị|Xét đề nghị))|“|”|\"|«|»"
)
_MAX_TITLE = 600
_AND = "và"
_PLURAL = "các"  # `, các Nghị định ...`


class TitleBreaks(NamedTuple):
    """The marks that may end a trích yếu, and a hint of where the next one that matters stands.

    A search for the marks stops at every space, where ` và` and the space-led stops start, and tries
    them all there: over the words of the seed's titles it costs 280 instructions a character. The hint
    matches each of those at a letter of its first word instead, the whitespace before it looked behind
    at, so that a search for it skips the spaces (70 a character); and it matches a `,` or `và` only
    where a citation may follow, which few do. A mark starts at most `lag` characters, and whitespace,
    before its hint (see _next_break).
    """

    marks: re.Pattern[str]
    hint: re.Pattern[str]
    lag: int


def _title_breaks(stops: tuple[str, ...], type_words: Iterable[str], shorthands: Iterable[str]) -> TitleBreaks:
    """The marks that end a trích yếu, among them `stops` and a `và`, and their hint (see TitleBreaks).

    The hint's alternatives for the stops and the `và` hold an empty group after their first character
    (where it leaves `re` its skip to the first characters): a match of one is checked against the marks.
    """
    stop_marks = [mark for stop in stops for mark in _stop_marks(stop)]
    and_marks = [rf"{lead}\s*{_AND}(?=\s)" for lead in _WHITESPACE_LEADS]
    marks = "|".join([_TITLE_BREAK, *stop_marks, ",", *and_marks])
    first_words = {word.split()[0] for word in type_words}
    after_space = {_AND: [rf"(?=\s){_may_cite(first_words.union(shorthands))}"]}
    checked = []
    for stop in stops:
        word, space, rest = stop.lstrip().partition(" ")
        if stop[:1].isspace() and word:
            after_space.setdefault(word, []).append(_spaced(space + rest))
        else:
            checked.append(rf"{re.escape(stop[0])}(){_spaced(stop[1:])}")
    lag = 0
    for word, tails in after_space.items():
        anchor = _anchor(word)
        lag = max(lag, anchor)
        checked.append(
            rf"{re.escape(word[anchor])}()(?<=\s{re.escape(word[:anchor + 1])}){re.escape(word[anchor + 1:])}"
            rf"(?:{'|'.join(tails)})"
        )
    # The `,` comes after the stops, as in the marks: where `, theo hướng` stands, it is the mark.
    hint = "|".join([_TITLE_BREAK, *checked, rf",{_may_cite(first_words)}"])
    return TitleBreaks(re.compile(marks), re.compile(hint), lag)


# A mark led by whitespace is written once for each of these, so that it starts with a literal character.
_WHITESPACE_LEADS = (" ", r"\n", r"\t")


def _stop_marks(stop: str) -> list[str]:
    """The marks of one stop: a stop led by a space has one for each whitespace lead."""
    if stop[:1] == " ":
        return [rf"{lead}\s*{_spaced(stop[1:])}" for lead in _WHITESPACE_LEADS]
    return [re.escape(stop[0]) + _spaced(stop[1:])]


def _anchor(word: str) -> int:
    """Where the hint matches a stop's first word: at its first letter with a diacritic if only letters
    come before it, else at its start. A search for the hint stops wherever one of its first characters
    stands, and a letter with a diacritic is rarer than a plain one: `ó` once in the seed's titles, `c`
    187 times. No mark that the hint does not check starts with a letter (see _next_break)."""
    for index, letter in enumerate(word):
        if not letter.isalpha():
            break
        if not letter.isascii():
            return index
    return 0


def _may_cite(words: Iterable[str]) -> str:
    """A look-ahead that holds wherever _citation_starts may find a citation: after spaces and an optional
    `các`, a word that starts with one of `words` (a type word's first word, or after `và` a shorthand);
    or the search window ends before that word does, as _citation_starts reads on past it."""
    return rf"(?=\s*+(?:{_PLURAL}\s++)?(?:{_alternatives(sorted(words))}|\S*+\Z))"


def _read_title(text: str, pos: int, quoted: str | None, pats: Patterns) -> tuple[int, str, bool]:
    """The trích yếu from `pos`: (end, text, quotes balanced).

    A title may run over a page break (a blank line followed by a lower-case word) and may contain
    a quoted campaign name; it stops at `;`, a sentence end, a new paragraph or the next citation.
    An unquoted title also ends with the document it names ("sửa đổi, bổ sung một số điều của Nghị
    định số 68/2017/NĐ-CP"); what follows is the citing sentence (or that document's own tail).
    """
    end, title, balanced = _title_until_break(text, pos, quoted, pos + _MAX_TITLE, pats)
    if quoted:
        return end, title, balanced
    # No break mark falls inside a number, so only a number before the title's end can end it sooner: the
    # search for one reads the title, not the _MAX_TITLE characters after its start. Every document number
    # has a slash, and most titles none.
    embedded = first_number(text, pos, end) if "/" in title else None
    return (end, title, balanced) if embedded is None else _title_until_break(text, pos, None, embedded.end(), pats)


def _title_until_break(text: str, pos: int, quoted: str | None, hard_limit: int, pats: Patterns) -> tuple[int, str, bool]:
    """The title from `pos` up to the first mark that ends it, or up to `hard_limit` or the text's end."""
    inner_open = False
    cursor = pos
    breaks = pats.title_breaks
    while True:
        stop = _next_break(text, cursor, hard_limit, breaks)
        if not stop:
            end = min(len(text), hard_limit)
            return end, text[pos:end], quoted is None and not inner_open
        mark = stop.group()
        if mark == "," or mark.endswith("và"):
            if not inner_open and _citation_starts(text, stop.end(), pats, needs_number=mark != ","):
                return stop.start(), text[pos:stop.start()], quoted is None
            cursor = stop.end()
            continue
        if mark in "“«" or (mark == '"' and not quoted and not inner_open):
            inner_open = True
            cursor = stop.end()
            continue
        if mark in "”»\"":
            if inner_open:
                inner_open = False
                cursor = stop.end()
                continue
            # A closing quote ends the title; it balances only if the title opened with one.
            return stop.start(), text[pos:stop.start()], quoted is not None
        if mark.startswith("\n") and (_page_break_continues(text, stop.start()) or _wrapped_dash(text, pos, stop.end())):
            cursor = stop.end()
            continue
        if mark == ":" and _colon_runs_on(text, pos, stop.end()):
            cursor = stop.end()
            continue
        if (inner_open or quoted) and mark in ".;":
            cursor = stop.end()
            continue
        return stop.start(), text[pos:stop.start()], quoted is None


def _next_break(text: str, cursor: int, hard_limit: int, breaks: TitleBreaks) -> re.Match[str] | None:
    """The next match of the marks from `cursor` that _title_until_break must look at: the first one, or
    a later one if those before it are `,` or `và` stops that no citation follows, which it reads on past.

    Such a mark has its hint at most `lag` characters, and whitespace, after its start. So a hint that
    is itself a mark (no group of it matched; none of those starts with a letter) and follows no
    whitespace is the first such mark: one that started sooner would start in whitespace or in the
    letters of a stop's first word. Any other hint is checked by searching for the marks from where its
    mark may start; a `,` or `và` that search finds first is one that no citation follows.
    """
    hint = breaks.hint.search(text, cursor, hard_limit)
    if hint is None:
        return None
    start = hint.start()
    if hint.lastindex is None and not text[start - 1:start].isspace():
        return hint
    return breaks.marks.search(text, skip_space_back(text, max(cursor, start - breaks.lag), cursor), hard_limit)


# The first letters each part of a tail can start with, after spaces and a comma: a date (`ngày`, `được
# ban hành`, `ký`, `(`), a Party term (`khóa`, `(`), an issuer (`của`, `do`). A part whose letters do
# not stand there is not tried.
_DATE_OPENERS = frozenset("nNđbk(")
_TERM_OPENERS = frozenset("kK(")
_ISSUER_OPENERS = frozenset("cd")


# The first character after spaces and at most one comma.
_AFTER_COMMA = re.compile(r"\s*(?:,\s*)?(.?)", re.DOTALL)


def read_tail(text: str, pos: int, pats: Patterns) -> Tail:
    """Date, Party term, issuer and trích yếu following a number, in any of their usual orders.

    Each of the first three comes at most once, so the loop ends by the fourth round. The loop matches
    with `pattern.match(text, pos, pos + _REACH)` written out, which is `_at`: the calls cost a tenth
    of a tail's own work (measured)."""
    date = issuer = issuer_code = term = title = None
    notes: tuple[str, ...] = ()
    quoted = False
    balanced = True
    after_comma = _AFTER_COMMA.match
    while True:
        first = after_comma(text, pos).group(1)  # type: ignore[union-attr]  # it matches everywhere
        if date is None and first in _DATE_OPENERS and (m := DATE_AFTER_RE.match(text, pos, pos + _REACH)):
            date = make_date(m)
            if date is None:
                notes = ("impossible-date:" + "/".join(date_parts(m)),)
            pos = m.end()
            continue
        if term is None and first in _TERM_OPENERS and (m := TERM_RE.match(text, pos, pos + _REACH)):
            term = m.group("roman")
            pos = m.end()
            continue
        if issuer is None and first in _ISSUER_OPENERS and (m := ISSUER_INTRO_RE.match(text, pos, pos + _REACH)):
            found = _read_issuer(text, m.end(), pats)
            if found:
                issuer, issuer_code, pos = (m.end(), found[0]), found[1], found[0]
                continue
        break
    opener = pats.title_open_after_issuer if issuer else pats.title_open
    if first in pats.title_first_letters and (m := opener.match(text, pos, pos + _REACH)):
        quote = m.group("quote")
        start = m.end() if quote else m.start("opener")
        end, raw, balanced = _read_title(text, start, quote, pats)
        if raw.strip(" ,\n\t"):
            title = (start, start + len(raw.rstrip(" ,\n\t")))
            quoted = bool(quote)
            # A quoted title's citation ends past its closing quote; any other's where its words end, not
            # in the space before the mark that ended it (`... Luật Phòng thủ dân sự (sau đây ...`).
            pos = (end + 1 if balanced else end) if quote else title[1]
    return pos, date, issuer, issuer_code, term, title, quoted, balanced, notes


# --- the pass ------------------------------------------------------------------------------------

Frame = tuple[int, str | None, str | None]
_FORM = ""  # what Patterns.words_before_number gives for a form word (`Mẫu`, `Phụ lục`)


def _frame_before(text: str, start: int, pats: Patterns) -> Frame | None:
    """(span start, type name, pinpoint) read backwards from a number at `start`:
    `điểm a khoản 2 Điều 5 của Nghị định số 30/...`, `NĐ 30/...`, `Quyết định số: 12/...`.

    None for the number of a form, annex or standard (`Mẫu số 03/HNMT`, `Phụ lục 02/KH`,
    `QCVN 03:2022/BXD`), which is not a document.
    """
    floor = max(0, start - 160)
    if text.endswith(_NUMBER_WORD, floor, start) and not text[start - 5:start - 4].isspace():
        word_end = start - 4  # the usual `Nghị định số 59/...`, where the general reading comes to the same
    else:
        before = skip_space_back(text, start, floor)
        if text[before - 1:before] == ":" and _follows_standard(text, start, pats):
            return None
        word_end = _before_number_word(text, before, floor)
    found = pats.words_before_number.before(text, word_end, floor)
    if found and found[1] == _FORM:
        return None
    if not found:
        word = trailing_word(text[word_start(text, word_end, floor):word_end])
        if word not in pats.shorthand_type:
            return start, None, None
        found = word_end - len(word), pats.shorthand_type[word]
    type_start, type_name = found
    if type_start > 0 and text[type_start - 1].isalpha():
        return start, None, None
    pin = _pinpoint_before(text, type_start, floor)
    if pin:
        return pin.start("pin"), type_name, " ".join(pin.group("pin").split())
    return type_start, type_name, None


# `số` between single spaces, as most numbers are introduced: the type word ends right before it.
_NUMBER_WORD = " số "


def _follows_standard(text: str, start: int, pats: Patterns) -> bool:
    """`QCVN 03:2022/BXD`: the number at `start`, which follows a colon, is a technical standard's."""
    return bool(pats.standard_number.search(text, max(0, start - 40), start))


def _before_number_word(text: str, end: int, floor: int) -> int:
    """Where a type word before a number would end, from `end`, where the spaces before the number
    start: past `số`, `số hiệu`, `SỐ`, a colon and spaces."""
    if text[end - 1:end] == ":":
        end = skip_space_back(text, end - 1, floor)
    if text.endswith("hiệu", floor, end):
        before = skip_space_back(text, end - 4, floor)
        if text[before - 2:before] in ("số", "Số"):
            end = before
    if text[end - 2:end] in ("số", "Số", "SỐ") and end - 2 >= floor:
        end = skip_space_back(text, end - 2, floor)
    return end


# A pinpoint ends with the number of an article, clause, section or chapter: digits, maybe a letter after
# them (`Điều 5a`), or a Roman numeral; then spaces, and one of _LINKS at most.
_PINPOINT_LAST = frozenset("0123456789" + _ROMAN_LETTERS)
# The words a pinpoint starts with, each alternative led by a literal character so that `re` skips the
# text between them with a set test (PINPOINT_BEFORE_RE, led by a look-behind, is tried at every offset).
_PINPOINT_WORD = re.compile("Điểm|điểm|Khoản|khoản|Điều|điều|Mục|Chương|Phần|Phụ lục")


def _pinpoint_before(text: str, end: int, floor: int) -> re.Match[str] | None:
    """`điểm a khoản 2 Điều 5 [của]` ending at `end`, its start not glued to a letter: the match that
    `PINPOINT_BEFORE_RE.search(text, floor, end)` finds, tried only where a pinpoint's first word stands."""
    if not _may_end_pinpoint(text, end, floor):
        return None
    for word in _PINPOINT_WORD.finditer(text, floor, end):
        if pin := PINPOINT_BEFORE_RE.match(text, word.start(), end):
            return pin
    return None


def _may_end_pinpoint(text: str, end: int, floor: int) -> bool:
    """Might a pinpoint end before `end`? Its last character is looked at, behind the spaces and a `của`
    or `tại`: few type words follow one, and this costs a third of a search for a pinpoint's words."""
    stop = skip_space_back(text, end, floor)
    if stop == end:
        return False
    if text.endswith(_LINKS, floor, stop):
        link = word_start(text, stop, floor)
        stop = skip_space_back(text, link, floor)
        if stop == link:
            return False
    if stop == floor:
        return False
    last = text[stop - 1]
    if last in _PINPOINT_LAST or last.isdigit():
        return True
    return last.islower() and stop - 2 >= floor and text[stop - 2].isdigit()


def _issuer_before(text: str, start: int, type_name: str | None, pats: Patterns) -> Span | None:
    """An issuer written before the citation.

    "Theo đề nghị của Giám đốc Sở X tại Tờ trình số ..." names the author first, and Party texts say
    "nghe Báo cáo của Ban Tổ chức Trung ương về ... (Báo cáo số 565-BC/BTCTW, ...)".
    """
    if "tại" in text[max(0, start - 12):start] and (
        before := ISSUER_BEFORE_RE.search(text, max(0, start - 200), start)
    ):
        return before.span("issuer")
    if type_name and text[start - 1:start] == "(":
        sentence_start = max(0, start - 300)
        for boundary in _SENTENCE_END.finditer(text, sentence_start, start):
            sentence_start = boundary.end()
        for mention in re.compile(rf"{_spaced(type_name)}\s+của\s+").finditer(text, sentence_start, start):
            found = _read_issuer(text, mention.end(), pats)
            if found:
                return mention.end(), found[0]
    return None


def _anchors(text: str, pats: Patterns) -> Iterator[tuple[int, re.Match[str], Frame]]:
    """(start, match, frame) of every document number, and of every irregular number (`14-CP`,
    `1830 QĐ-UBND`, `123/2020`) that follows a type word, in text order; not the numbers of forms."""
    for match in _number_candidates(text):
        start = match.start()
        frame = _frame_before(text, start, pats)
        if frame is None:
            continue
        if match.re is NUMBER_RE:
            yield start, match, frame
        elif frame[1] is not None and (
            irregular := _at(OLD_NUMBER_RE, text, start) or _at(NO_SLASH_RE, text, start) or _at(INCOMPLETE_RE, text, start)
        ):
            yield start, irregular, frame


def first_number(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first NUMBER_RE match within text[start:end], as `NUMBER_RE.search(text, start, end)` finds it."""
    return next((match for match in _number_candidates(text, start, end) if match.re is NUMBER_RE), None)


def _number_candidates(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """NUMBER_RE matches and IRREGULAR_START_RE candidates within text[start:end], in text order.

    Every number has a slash or a dash right after its ordinal or its first code. A pattern scan for a
    number costs about 10 ms per MB whatever the pattern; a scan for a single literal character costs a
    twentieth of that, and only the separators that may end a number's head are looked at closer: the
    head is read backwards from the separator, and the patterns are matched where it starts.
    """
    end = len(text) if end is None else end
    done = start
    for separator in _separators(text, start, end):
        if separator < done:
            continue
        head = _head_start(text, separator, max(done, separator - 40))
        if head is None:
            continue
        reach = min(end, head + _REACH)
        if number := NUMBER_RE.match(text, head, reach):
            done = number.end()
            yield number
        elif candidate := IRREGULAR_START_RE.match(text, head, reach):
            done = candidate.end()
            yield candidate


# A separator after a number's head has a letter, digit, space or `&` before it (not a list's `\n- `),
# and a code after it (`QĐ`, `NĐ-CP`), after a slash also a year (`/2023`), maybe behind one space: not
# ` - ` between words, nor a date's slashes (`01/4/2024`: the second has a month of one or two digits
# after a slash before it). Each pattern leads with its one literal character, which `re` skips to at
# the speed of a plain search.
_SEPARATORS = (
    re.compile(rf"/(?<=[^\W_]/|[ &]/)(?<!/\d/)(?<!/\d\d/)(?=[ \n]?(?:[A-ZĐ]|{YEAR}))"),
    re.compile(r"-(?:(?<=[^\W_]-|[ &]-)(?=[ \n]?[A-ZĐ])|(?<=\d\n-)(?=[A-ZĐ]))"),
)
_CODE_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzĐđ&.")
_DIGIT = re.compile(r"\d")


def _separators(text: str, start: int, end: int) -> list[int]:
    """Offsets of the separators within text[start:end] that may follow a number's head, in order."""
    slash, dash = _SEPARATORS
    found = [match.start() for match in slash.finditer(text, start, end)]
    found += [match.start() for match in dash.finditer(text, start, end)]
    found.sort()
    return found


def _head_start(text: str, separator: int, floor: int) -> int | None:
    """Where the head of a number ending at this separator starts (not before `floor`): the leftmost
    `_NUMBER_HEAD` match, or None. A digit, or a code with a digit shortly before (`23-QĐ`, `1830 QĐ`),
    precedes the separator, maybe behind one space; not the month of a date (`01/4/2024`).

    Most heads are an ordinal alone (`59/`, `23-`), read back here: a head that starts further left
    must reach the ordinal through a character of a code or a decimal point (`66.7/`, `QH15/`), and
    the pattern is searched for only then. That search tries every digit of its window (17 k
    instructions against 2 k for the walk back, measured)."""
    before = separator - 1
    if text[before] in " \n":
        before -= 1
    if before < 0:
        return None
    last = text[before]
    if last.isdigit():
        start = before
        while start > 0 and text[start - 1].isdigit():
            start -= 1
        if start and text[start - 1] in "/-":
            return None  # an ordinal never follows a slash or dash
        if (
            before - start < 5
            and start >= floor
            and (start == 0 or text[start - 1] not in _CODE_CHARACTERS)
            and text[start:before + 1].isdecimal()
        ):
            return start
    elif last not in _CODE_CHARACTERS or _DIGIT.search(text, max(0, before - 16), before) is None:
        return None
    head = _NUMBER_HEAD.search(text, floor, separator)
    return head.start() if head else None


def _number_mentions(text: str, pats: Patterns, taken: _Spans) -> list[Mention]:
    knowledge = pats.knowledge
    mentions: list[Mention] = []
    # A document cites most numbers more than once (45 % of the corpus's mentions are repeats). The key
    # holds the pattern's source, not the pattern: a compiled pattern's hash is computed anew from its
    # whole program at every look-up, while a string keeps its hash.
    parsed: dict[tuple[str, str], DocumentNumber] = {}
    for start, match, (span_start, type_name, pinpoint) in _anchors(text, pats):
        if taken.contains(start):
            continue
        key = match.re.pattern, match.group()
        number = parsed.get(key)
        if number is None:
            number = parsed[key] = parse_number(match, knowledge)
        if match.re is NO_SLASH_RE:
            notes: tuple[str, ...] = ("missing-slash",)
        elif match.re is INCOMPLETE_RE:
            notes = ("missing-code",)
        else:
            notes = ("space-in-number",) if " " in number.text else ()
        if type_name is None:
            # `A và B`: B without a type word of its own has A's, if their numbers have the same type code.
            previous = mentions[-1] if mentions else None
            if (
                previous is not None
                and _coordinated(text, previous.end, start)
                and previous.number
                and previous.number.type_code == number.type_code
            ):
                type_name = previous.type
            if type_name is None:
                type_name = type_for_number(number, knowledge)
        end, date, issuer, issuer_code, term, title, quoted, balanced, tail_notes = read_tail(text, match.end(), pats)
        # Positional, in the order of Mention's fields: calling a class with keywords builds a dict of
        # them that its __init__ unpacks again (0.50 M instructions for the seed's 33, against 0.28 M).
        mentions.append(
            Mention(
                span_start,  # start
                end,
                start,  # anchor
                type_name,
                number,
                date,
                issuer or _issuer_before(text, span_start, type_name, pats),
                issuer_code,
                title,
                term,
                pinpoint,
                None,  # name
                None,  # name_span
                number.year,
                quoted,  # quoted_title
                balanced,  # title_quote_balanced
                (),  # shared
                notes + tail_notes,
            )
        )
    return mentions


class _Spans:
    """Answers "is this offset inside one of these spans?" in logarithmic time, overlaps allowed."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def contains(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and self.reach[index] > offset


# --- laws cited by name ----------------------------------------------------------------------------

def _law_name(text: str, type_start: int, pos: int, type_name: str, pats: Patterns) -> tuple[int, str] | None:
    """The law's name after its type word: the longest known name, else capitalised words."""
    if known := pats.law_names.at(text, type_start):
        return known[0], text[pos:known[0]]
    words = _paragraph_words(text, pos)
    first = next(words, None)
    if first is None:
        return None
    amending = fold(first.group()) == "sửa"
    if not (first.group()[0].isupper() or amending):
        return None
    end = first.start()
    for index, word in enumerate(itertools.chain([first], itertools.islice(words, 47 if amending else 9))):
        token = word.group()
        bare = token.rstrip(",;.:)")
        if index and fold(bare) in pats.law_name_stops and not (amending and fold(bare) in pats.amending_law_name_words):
            break
        if index and (token[0] in "(“\"" or (not amending and bare[:1].isupper() and fold(bare) in {"luật"})):
            break
        end = word.start() + len(bare)
        if bare != token and not (amending and token.endswith(",")):
            break
    name = text[first.start():end]
    return (end, name) if name else None


def _paragraph_words(text: str, pos: int) -> Iterator[re.Match[str]]:
    """The words from `pos` on, up to a blank line (a name never runs across one)."""
    last = pos
    for word in WORD_RE.finditer(text, pos, min(len(text), pos + 300)):
        if "\n\n" in text[last:word.start()].replace(" ", "").replace("\t", ""):
            return
        yield word
        last = word.end()


def _law_words(text: str, words: tuple[str, ...]) -> list[tuple[int, str]]:
    """(offset, word) of each type word of a document cited by name (`Luật`, `Bộ luật`, `Hiến pháp`)
    standing as a word of its own, in text order. A literal search is several times faster than a
    pattern for these few words."""
    found = []
    for word in words:
        position = text.find(word)
        while position >= 0:
            end = position + len(word)
            if end < len(text) and text[end].isspace() and not (position and text[position - 1].isalnum()):
                found.append((position, word))
            position = text.find(word, end)
    found.sort()
    return found


def _law_mentions(text: str, pats: Patterns) -> list[Mention]:
    mentions: list[Mention] = []
    seen_names: set[str] = set()
    for type_start, type_name in _law_words(text, pats.law_types):
        after = type_start + len(type_name)
        if mentions and type_start < mentions[-1].end:
            continue  # `Luật sửa đổi ... của Luật Xây dựng`: the amended law is part of the name
        if _at(SELF_REFERENCE_RE, text, after):
            continue
        if _NUMBER_FOLLOWS.match(text, after, after + 12):
            continue  # `Luật số 10/2022/QH15`: the number anchors it
        if type_name == "Hiến pháp":
            name_end, name = after, "Hiến pháp"
        else:
            found = _law_name(text, type_start, after + 1, type_name, pats)
            if not found:
                continue
            name_end, name = found
        year = number = date = None
        end = name_end
        if m := _at(LAW_YEAR_RE, text, end):
            year, end = int(m.group("y")), m.end()
        if m := _at(LAW_NUMBER_INTRO_RE, text, end):
            number_match = _at(NUMBER_RE, text, m.end())
            if number_match:
                number, end = parse_number(number_match, pats.knowledge), number_match.end()
        notes: tuple[str, ...] = ()
        written_date = _at(DATE_AFTER_RE, text, end)
        if written_date:
            date, end = make_date(written_date), written_date.end()
            if date is None:
                notes = ("impossible-date:" + "/".join(date_parts(written_date)),)
        issuer = issuer_code = None
        if (year or number or written_date) and (intro := _at(ISSUER_INTRO_RE, text, end)):
            # `Pháp lệnh ... số 34/2007/PL-UBTVQH11 của Ủy ban Thường vụ Quốc hội`
            if found := _read_issuer(text, intro.end(), pats):
                issuer, issuer_code, end = (intro.end(), found[0]), found[1], found[0]
        key_name = fold(f"{type_name} {name}")
        explicit = year or number or written_date
        if not explicit and key_name not in seen_names and not pats.knowledge.find_laws(type_name, name):
            continue
        if type_name == "Hiến pháp" and not explicit:
            continue
        seen_names.add(key_name)
        span_start, pinpoint = type_start, None
        if pin := _pinpoint_before(text, type_start, max(0, type_start - 80)):
            span_start, pinpoint = pin.start(), " ".join(pin.group("pin").split())
        mentions.append(
            Mention(
                start=span_start,
                end=end,
                anchor=type_start,
                type=type_name,
                number=number,
                date=date,
                issuer=issuer,
                issuer_code=issuer_code,
                title=None,
                term=None,
                pinpoint=pinpoint,
                name=name if type_name != "Hiến pháp" else None,
                name_span=(name_end - len(name), name_end) if type_name != "Hiến pháp" else None,
                notes=notes,
                year=year or (number.year if number else None) or (date.year if date else None),
            )
        )
    return mentions


# --- coordination --------------------------------------------------------------------------------

def _share_coordinated(mentions: list[Mention], text: str, pats: Patterns) -> list[Mention]:
    """Give members of `A và B của X` / `các A và B ngày D` the issuer, date and term they share.

    A member shares only what it lacks, only with the member right after it, and never an issuer
    whose code contradicts its own number (so `Nghị định ..., Quyết định ... của UBND tỉnh` keeps
    the decree's Government issuer apart).
    """
    result = list(mentions)
    for index in range(len(result) - 2, -1, -1):
        first, second = result[index], result[index + 1]
        if first.title or (first.issuer and first.date) or not (first.number and second.number):
            continue
        if not _coordinated(text, first.end, second.start):
            continue
        shared: list[str] = []
        updates: dict[str, object] = {}
        if first.date is None and second.date:
            # `A và B ngày D của X`: the date and issuer after B belong to both, or only to B when the
            # date cannot be A's (`Nghị định 68/2017/NĐ-CP và Nghị định 66/2020/NĐ-CP ngày ... 2020`).
            if first.year not in (None, second.date.year):
                continue
            updates["date"] = second.date
            shared.append("date")
        if first.issuer is None and second.issuer and _issuer_fits(first, second.issuer_code):
            updates.update(issuer=second.issuer, issuer_code=second.issuer_code)
            shared.append("issuer")
        if first.term is None and second.term:
            updates["term"] = second.term
            shared.append("term")
        if shared:
            result[index] = first._replace(shared=first.shared + tuple(shared), **updates)  # type: ignore[arg-type]
    return result


def _coordinated(text: str, end: int, start: int) -> bool:
    """Only `,`, `và`, `hoặc`, `số` stand between two citations (`A và B`, `A, số B`)."""
    return start - end <= 24 and COORDINATOR_RE.fullmatch(text, end, start) is not None


def _issuer_fits(mention: Mention, issuer_code: str | None) -> bool:
    if mention.number is None or issuer_code is None:
        return mention.number is None or issuer_code is None
    return issuer_code in mention.number.issuer_codes


# --- entry point ---------------------------------------------------------------------------------

def extract(text: str) -> list[Mention]:
    """Every citation in normalised `text`, in order of appearance."""
    pats = patterns()
    pats.forget_answers()
    laws = _law_mentions(text, pats)
    numbers = _number_mentions(text, pats, _Spans([(m.anchor, m.end) for m in laws]))
    number_spans = _Spans([(m.start, m.end) for m in numbers])
    laws = [m for m in laws if m.number or not number_spans.contains(m.anchor)]
    mentions = sorted(numbers + laws, key=lambda m: m.start)
    if aliases := _alias_mentions(text, numbers, mentions, pats):
        mentions = sorted(mentions + aliases, key=lambda m: m.start)
    return _share_coordinated(mentions, text, pats)


# --- a document's short names for the documents it cites ----------------------------------------------

# A plan names a document it rests on once in full and gives it a short name for the rest of the text:
# `Chỉ thị số 11-CT/TU ngày 04/01/2026 ... (viết tắt là Chỉ thị 11)` (A15), `(sau đây gọi tắt là Quy định
# 294)` (A03). The trích yếu ends at the parenthesis (see _TITLE_BREAK).
_ALIAS = re.compile(r"\s?\((?:sau\s+đây\s+)?(?:gọi\s+tắt|viết\s+tắt|gọi)\s+là\s+(?P<alias>[^();,“”\"/]{3,40}?)\s*\)")


def _alias_mentions(text: str, numbers: list[Mention], mentions: list[Mention], pats: Patterns) -> list[Mention]:
    """The later mentions of a numbered citation by the short name the text gives it right after it, each
    with that citation's number (and `number` among its shared parts: the number is written there).

    The short name must be a type word and more (`Chỉ thị 11`): a type word alone (`(sau đây viết tắt là
    Nghị định)`, A08) would make every bare `Nghị định` of the text a citation. Only a citation that a
    parenthesis follows is asked: a scan of the text for the pattern would cost more than the question
    asked of every citation (measured: 0.11 M instructions a pass on the seed against 0.04 M)."""
    definitions = _short_names(text, numbers, pats)
    if not definitions:
        return []
    # Neither a citation nor a definition holds a short name's mention (`(viết tắt là Chỉ thị 11)` itself).
    taken = _Spans([*((m.start, m.end) for m in mentions), *((d.start(), d.end()) for _, d, _ in definitions)])
    found: dict[int, Mention] = {}  # by where the short name stands: the nearest definition before it wins
    for number, definition, type_name in definitions:
        alias = " ".join(definition["alias"].split())
        for mention in _mentions_by_alias(text, alias, type_name, number, definition.end(), pats, taken):
            found[mention.anchor] = mention
    return list(found.values())


def _short_names(text: str, numbers: list[Mention], pats: Patterns) -> list[tuple[DocumentNumber, re.Match[str], str]]:
    """(number, its short name's definition, the short name's type) for each numbered citation that a short
    name follows, at most _MOST_SHORT_NAMES within _SHORT_NAME_REACH."""
    definitions = []
    recent: deque[int] = deque()  # where the short names given within _SHORT_NAME_REACH before stand
    for named in numbers:
        if not text.startswith(_ALIAS_OPENINGS, named.end) or named.number is None:
            continue
        definition = _ALIAS.match(text, named.end, named.end + _REACH)
        if definition is None:
            continue
        type_word = pats.type_words_as_written.at(text, definition.start("alias"))
        if type_word is None or type_word[0] >= definition.end("alias"):
            continue
        while recent and recent[0] < definition.start() - _SHORT_NAME_REACH:
            recent.popleft()
        if len(recent) == _MOST_SHORT_NAMES:
            continue
        recent.append(definition.start())
        definitions.append((named.number, definition, pats.knowledge.type_by_word[fold(type_word[1])].name))
    return definitions


_ALIAS_OPENINGS = (" (", "\n(", "(")


def _mentions_by_alias(
    text: str, alias: str, type_name: str, number: DocumentNumber, after: int, pats: Patterns, taken: _Spans
) -> list[Mention]:
    """Each whole-word `alias` within _SHORT_NAME_REACH after `after` that no citation holds (`Quy định
    294-QĐ/TW` is the number itself), with the date and issuer written after it."""
    reach = after + _SHORT_NAME_REACH
    found = sorted(
        (position, len(written))
        for written in _as_wrapped(alias)
        for position in _whole_words(text, written, after, reach)
        if not taken.contains(position)
    )
    mentions = []
    for position, length in found:
        end = position + length
        # The trích yếu was given at the definition: a title read after the short name is left out.
        tail_end, date, issuer, issuer_code, _, title = read_tail(text, end, pats)[:6]
        span_end = issuer[1] if issuer else tail_end if date and title is None else end
        span_start, pinpoint = position, None
        if pin := _pinpoint_before(text, position, max(0, position - 80)):
            span_start, pinpoint = pin.start(), " ".join(pin.group("pin").split())
        mentions.append(
            Mention(
                span_start, span_end, position, type_name, number, date, issuer, issuer_code, None, None, pinpoint,
                shared=("number",),
            )
        )
    return mentions


def _as_wrapped(name: str) -> list[str]:
    """`name` as written on one line, and broken at each of its spaces by a hard wrap (`Chỉ thị\n11`)."""
    words = name.split(" ")
    return [name, *(" ".join(words[:cut]) + "\n" + " ".join(words[cut:]) for cut in range(1, len(words)))]


# How far after its definition a short name is looked for (a decree of 107,000 characters, A21, lies within it
# whole), and how many short names are looked for within that reach: a document gives a few (one in A15, in
# A03 and in A08), and a text that gives thousands costs no search of the rest of the text for each (4,000
# short names in 0.6 MB of crafted text took 0.57 s against 0.11 s without them; with these bounds, 0.14 s).
_SHORT_NAME_REACH = 120_000
_MOST_SHORT_NAMES = 32
