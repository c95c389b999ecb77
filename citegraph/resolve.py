"""Turn raw mentions into citations: place them in the outline, give each a canonical key, link
later mentions to earlier ones, and resolve laws cited by name to their numbers.

The key is the identity of the cited document. Mentions of one document must share it whatever
their spacing, look-alike letters or leading zeros; different documents must not: a Party number
recurs every term (`18-NQ/TW` of 2017 and of 2022), and an administrative number every year.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from operator import attrgetter
from types import EllipsisType

from .extract import NUMBER_RE, PAGE_NUMBER, Mention, parse_number
from .knowledge import Knowledge, Law, fold
from .models import Citation, DocumentHeader, DocumentNumber, Outline
from .normalise import LineIndex, NormalisedText

_SEPARATORS = re.compile(r"[\s/\-]")
_LAW_NUMBER = re.compile(r"(\d+)/(\d{4})/(.+)")


def strip_zeros(ordinal: str) -> str:
    """`05` -> `5`, `066.7` -> `66.7`: leading zeros do not change the document."""
    head, dot, tail = ordinal.partition(".")
    return (head.lstrip("0") or "0") + dot + tail


def number_key(number: DocumentNumber) -> str:
    """The number part of a key: normalised, without leading zeros, `14-CP` written `14/CP`."""
    if number.family == "old":
        return f"{strip_zeros(number.ordinal)}/{number.issuer_codes[0]}"
    # A State or Party number's normal form is its ordinal, then `/` or `-` and the rest, so it is the key
    # when the ordinal has no leading zero, as most have: worked out for each citation, and this costs
    # less than half of taking the normal form apart (measured: 2,000 instructions against 4,800).
    ordinal = number.ordinal
    if ordinal.startswith("0"):
        return strip_zeros(ordinal) + number.normalised[len(ordinal):]
    return number.normalised


def document_key(
    number: DocumentNumber | None,
    date: dt.date | None,
    term: str | None,
    knowledge: Knowledge,
    type_name: str | None = None,
    name: str | None = None,
    year: int | None = None,
) -> str:
    """The canonical identity of a cited document. The name and year of a law cited by name may be passed
    by position, as `resolve` does for every citation: keywords cost a call 1,500 instructions (measured)."""
    if number is None:
        label = unicodedata.normalize("NFC", f"{type_name} {name}" if name else f"{type_name}")
        label = " ".join(fold(label).split())
        return f"{label}@{year}" if year else label
    base = number_key(number)
    if number.family == "party":
        if not term and date and (on_date := knowledge.party_term_on(date, number.issuer_codes[0])):
            term = on_date.roman
        return f"{base}@{term}" if term else base
    if number.year:
        return base
    return f"{base}@{date.year}" if date else base


class _Placement:
    """Which item's label and role an offset in the normalised text belongs to.

    Built for every document with citations, and an outline has several items for each citation, so
    the items' offsets below are read by `map` over them (the per-item work stays in C) and the preamble
    stays among the items, skipped by the walk rather than filtered out. Items come in document order.
    The walk reads their ends from a list, not from the items: a field of a record costs 330 instructions
    to read, an element of a list 60 (measured); a label is read only of an item holding the offset.
    """

    def __init__(self, outline: Outline) -> None:
        self.preamble_spans = outline.preamble
        self.items = outline.items
        # Only an offset in a preamble span is placed in the preamble: without spans it is never looked for.
        has_preamble = outline.preamble and any(item.label == "preamble" for item in self.items)
        self.preamble = "preamble" if has_preamble else None
        self.starts = list(map(attrgetter("start"), self.items))
        self.ends = list(map(attrgetter("end"), self.items))
        # The furthest end among the items up to each one: an offset past it lies in none of them, so
        # the walk back below stops there instead of visiting every earlier item.
        self.reach = _running_max(self.ends)

    def label_at(self, offset: int) -> str | None:
        """The label of the item the offset lies in (of nested items, the one starting last), if any."""
        for start, end in self.preamble_spans:
            if start <= offset < end:
                return self.preamble
        index = bisect.bisect_right(self.starts, offset) - 1
        reach, ends = self.reach, self.ends
        while index >= 0 and offset < reach[index]:
            # The search leaves only items starting at or before the offset.
            if offset < ends[index] and (label := self.items[index].label) != "preamble":
                return label
            index -= 1
        return None


def _running_max(values: Iterable[int]) -> list[int]:
    """The largest value up to each one (values are offsets, none negative). A loop rather than
    `accumulate(values, max)`: a call of `max` parses its arguments as for keywords, which made that
    cost twice as much as this loop (measured)."""
    running: list[int] = []
    largest = 0
    for value in values:
        if value > largest:  # noqa: PLR1730 - max() is the call this loop avoids
            largest = value
        running.append(largest)
    return running


def _law_number(mention: Mention, knowledge: Knowledge) -> tuple[DocumentNumber | None, str | None]:
    """(number, printed number) of a law cited by name, when the name and year pin one law; for a mention
    without a number."""
    if not mention.name or mention.type is None:
        return None, None
    laws = knowledge.find_laws(mention.type, mention.name)
    year = mention.year
    candidates = [law for law in laws if year is None or _law_year(law) == year]
    numbered = [law for law in candidates if law.number]
    if year and len(numbered) == 1:
        printed = numbered[0].number
        match = _LAW_NUMBER.match(printed or "")
        if match:
            return DocumentNumber(printed, printed, "state", match.group(1), int(match.group(2)), None, (match.group(3),)), printed
        return None, printed
    return None, None


def _law_year(law: Law) -> int | None:
    """The year a law was passed: its date, or the year inside its number when the date is unknown."""
    if law.date:
        return law.date.year
    match = _LAW_NUMBER.match(law.number or "")
    return int(match.group(2)) if match else None


def _normalisations(
    notes: tuple[str, ...], number: DocumentNumber | None, clean: NormalisedText, start: int, end: int, shifted: bool
) -> tuple[str, ...]:
    """What normalising repaired inside the citation (line ends aside), then the extractor's `notes`; the
    `number` is the mention's as written. A citation `shifted` as a whole (see `_citation`) has no edit
    inside, which spares looking."""
    # The number's letters written in another case (or with other letters) than its normal form: asked
    # here rather than of a function of its own, a call less for every citation (1,000 instructions).
    if number and number.text != number.normalised and _letters(number.text) != _letters(number.normalised):
        notes = (*notes, "code-case")
    edits = () if shifted else clean.edits_within(start, end)
    if not edits:  # the usual case, without building a set
        return notes
    found = {edit.reason for edit in edits}
    found.discard("line-end")
    return (*sorted(found), *notes)


# Searched up to the mention's start, where `\Z` matches (the search's end position). A note opens its line
# in brackets or with a capital; a line opening with `kèm theo` in small letters carries on a sentence.
_ANNEX_NOTE = re.compile(
    r"(?:^|\n)(?:[\W_]*\([\W_]*(?:[Bb]an hành\s+)?[Kk]|[\W_]*(?:Ban hành\s+[Kk]|K))èm\s+theo\s*\Z"
)


def _annex_note(text: str, start: int) -> bool:
    """`(Ban hành kèm theo Quyết định số ...)` heading an annex names the document itself; `... ban hành\nkèm
    theo Quyết định số ...` wrapped in a sentence cites it."""
    window = max(0, start - 40)
    # The search tries every position of the window; the pattern's `theo` rules most mentions out first.
    return text.find("theo", window, start) >= 0 and bool(_ANNEX_NOTE.search(text, window, start))


def _as_written(
    clean: NormalisedText, span: tuple[int, int] | None, within: tuple[int, int], shift: int | None
) -> str | None:
    """The original text under a span of the clean text, each run of whitespace made one space (none at
    either end) and a page's number between its lines left out (`tỉnh Lào\n20\n\nCai`), in NFC like all
    output. A part inside the citation's span `within` moves by its `shift` when it has one (see `_citation`).

    Most spans need no spacing, and are recognised without splitting them into words (an object a word):
    every whitespace character but the space is unprintable, so a printable text needs only its spaces
    checked, and padded with a space at each end it shows one at either end as a double space too."""
    if span is None:
        return None
    start, end = span
    if shift is not None and within[0] <= start < end <= within[1]:
        start, end = start + shift, end + shift
    else:
        start, end = clean.span_to_original(start, end)
    text = clean.original[start:end]
    if not text.isprintable() or "  " in f" {text} ":
        text = " ".join(PAGE_NUMBER.sub(" ", text).split())
    return unicodedata.normalize("NFC", text) or None


def _letters(number_text: str) -> str:
    return _SEPARATORS.sub("", number_text)


# A mention that cites another document: (mention, number, number as printed, key, antecedent). A plain
# tuple, unpacked where it is read: a named tuple's fields cost a descriptor call at every read.
_Cited = tuple[Mention, DocumentNumber | None, str | None, str, int | None]


def resolve(
    mentions: list[Mention],
    outline: Outline,
    clean: NormalisedText,
    knowledge: Knowledge,
    own: str | None | EllipsisType = ...,
) -> tuple[Citation, ...]:
    """Citations in document order, outside the header and never the document's own number.

    `own` is the document's key from `own_key`, for a caller that has it already (the pipeline keeps
    it for the header); left out, it is worked out here.
    """
    if own is ...:
        own = own_key(outline.header, knowledge)
    cited = _cited(mentions, outline, clean, knowledge, own)
    if not cited:
        return ()
    dated = _dated_keys(cited)
    placement = _Placement(outline)
    lines = LineIndex(clean.original)
    return tuple(_citation(entry, dated, clean, placement, lines) for entry in cited)


def _cited(
    mentions: list[Mention], outline: Outline, clean: NormalisedText, knowledge: Knowledge, own: str | None
) -> list[_Cited]:
    """The mentions that are citations, each with its key; a law cited again by name alone points back
    to its first citation and takes its key."""
    cited: list[_Cited] = []
    by_name: dict[str, int] = {}
    header_end, body_end, own_type = outline.header_end, outline.body_end, outline.header.type
    for mention in mentions:
        if not header_end <= mention.anchor < body_end:
            continue
        number = mention.number
        if number is None:
            number, printed = _law_number(mention, knowledge)
        else:
            printed = number.normalised
        key = document_key(number, mention.date, mention.term, knowledge, mention.type, mention.name, mention.year)
        if own and _same_document(key, own):
            continue
        if mention.type == own_type and _annex_note(clean.text, mention.start):
            continue
        antecedent = None
        if mention.name:
            name_key = fold(f"{mention.type} {mention.name}")
            if name_key in by_name:
                antecedent = by_name[name_key]
                if number is None and mention.year is None:
                    _, _, printed, key, _ = cited[antecedent]
            else:
                by_name[name_key] = len(cited)
        cited.append((mention, number, printed, key, antecedent))
    return cited


# A Party committee numbers each type from 01 again every term, about five years (HD 36-HD/VPTW mục
# II.1.3.1, vn-conventions.md §3.2): one number comes back about five years later, never within a year.
_SAME_PARTY_DOCUMENT = dt.timedelta(days=365)


def _dated_keys(cited: list[_Cited]) -> dict[str, str]:
    """`Kế hoạch số 85/KH-UBND` without a date is the dated 85/KH-UBND cited elsewhere in the text: the
    key of a number cited without its year or term -> the one dated key cited with that number. And a
    Party number dated in two terms that is one document (see `_one_term`): each of its keys -> the one
    kept.

    Worked out before the citations are built, so that each is built once with its final key."""
    dated: dict[str, str] = {}
    several: set[str] = set()  # bases cited with two dated keys or more, which stay as they are
    for _, _, printed, key, _ in cited:
        if printed and "@" in key:
            base = key.partition("@")[0]
            if dated.setdefault(base, key) != key:
                several.add(base)
    if several and (kept := _one_term(cited, several)):
        rekeyed = [
            (mention, number, printed, kept.get(key, key), earlier) for mention, number, printed, key, earlier in cited
        ]
        return {**_dated_keys(rekeyed), **kept}
    for base in several:
        dated.pop(base, None)
    return dated


def _one_term(cited: list[_Cited], bases: set[str]) -> dict[str, str]:
    """Of the numbers `bases`, cited with two dated keys or more, each Party key of a document dated in two
    terms less than a year apart -> the one key kept for it.

    A Party number's term is taken from its date unless the text names it, so two dates of one document on
    either side of a term's start give it two keys: one date is wrong (A18 dates a Tỉnh ủy's Chỉ thị
    11-CT/TU 04/02/2026 and 04/01/2026, which would fall either side of the XIV Congress for a central
    body). The key most of its mentions have is kept (the first on a tie), so that the checker compares
    their dates.
    """
    by_base: dict[str, list[tuple[dt.date, str]]] = {}
    for mention, number, _, key, _ in cited:
        if number is not None and number.family == "party" and mention.term is None and mention.date:
            base = key.partition("@")[0]
            if base in bases:
                by_base.setdefault(base, []).append((mention.date, key))
    kept: dict[str, str] = {}
    for dated in by_base.values():
        keys = [key for _, key in dated]
        dates = [date for date, _ in dated]
        if len(set(keys)) > 1 and max(dates) - min(dates) < _SAME_PARTY_DOCUMENT:
            one = Counter(keys).most_common(1)[0][0]
            kept.update((key, one) for key in keys if key != one)
    return kept


def _citation(
    entry: _Cited, dated: dict[str, str], clean: NormalisedText, placement: _Placement, lines: LineIndex
) -> Citation:
    """The citation for one cited mention, with offsets, line and column in the original text."""
    mention, number, printed, key, antecedent = entry
    (
        clean_start, clean_end, anchor, type_name, number_parts, date, issuer, issuer_code, title, term, pinpoint,
        name, name_span, year, quoted_title, title_quote_balanced, shared, notes,
    ) = mention  # at once: field by field costs 4 k instructions more
    within = clean_start, clean_end
    # Usually no edit lies inside the citation: one shift then maps it and each of its parts inside it.
    # The offsets are passed one by one: a call unpacking a tuple (`*within`) costs 600 instructions more.
    shift = clean.shift_over(clean_start, clean_end)
    if shift is None:
        start, end = clean.span_to_original(clean_start, clean_end)
    else:
        start, end = clean_start + shift, clean_end + shift
    line, column = lines.position(start)
    label = placement.label_at(anchor)
    # Positional, in the order of Citation's fields: a call with this many keywords compiles to a dict
    # that is unpacked again, which costs more than everything else here (measured: 3 µs against 0.2).
    # A part the mention lacks (most have no name) is not passed to `_as_written`, a call less.
    return Citation(
        clean.original[start:end],  # text
        start,
        end,
        line,
        column,
        type_name,
        printed,  # number
        date.isoformat() if date else None,
        _as_written(clean, issuer, within, shift),
        _as_written(clean, title, within, shift),
        term,
        pinpoint,
        label,  # item
        "basis" if label == "preamble" else "reference",  # role
        dated.get(key, key),  # key
        number.family if number else ("law" if name else None),
        issuer_code,
        year,
        _as_written(clean, name_span, within, shift) if name_span else None,  # name
        number_parts,
        _normalisations(notes, number_parts, clean, start, end, shift is not None),
        antecedent,
        shared,
        quoted_title,
        title_quote_balanced,
    )


def _same_document(key: str, other: str) -> bool:
    """Equal keys, or the same number where one side does not know its year or term."""
    if key == other:
        return True
    base, _, qualifier = key.partition("@")
    other_base, _, other_qualifier = other.partition("@")
    return base == other_base and not (qualifier and other_qualifier)


def own_key(header: DocumentHeader, knowledge: Knowledge) -> str | None:
    """The document's own key, so that its number quoted in its own text is not a citation."""
    match = NUMBER_RE.fullmatch(header.number or "")
    if not match:
        return None
    date = dt.date.fromisoformat(header.date) if header.date else None
    number = parse_number(match, knowledge)
    if date is None and header.year and not number.year and number.family == "state":
        return f"{number_key(number)}@{header.year}"
    return document_key(number, date, None, knowledge)
