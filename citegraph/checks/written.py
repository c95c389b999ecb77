"""How a citation is written: what the checks need beyond the extractor's fields.

The extractor reports a citation's parts normalised; a checker also needs where each part sits in the
original text (to underline it), the type word as the drafter wrote it, and which family the number's
issuers belong to. All of it is derived from `Citation.text` and the knowledge files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, cached_property

from ..knowledge import DocType, Knowledge, fold
from ..models import Citation, DocumentNumber
from ..normalise import NormalisedText, normalise
from ..rules import enterprise_heads

_DATE = re.compile(r"\d{1,2}\s*([/.\-])\s*\d{1,2}\s*\1\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s+năm\s+\d{4}")
_ISSUER_AFTER = re.compile(r"^\s*,?\s*(?:của|do)\s+")
_PREFIX_TAIL = re.compile(r"(?:\s*(?:số|SỐ|Số)\s*(?:hiệu)?)?\s*:?\s*$")
Span = tuple[int, int]


def issuer_family(code: str, knowledge: Knowledge) -> str | None:
    """`state`, `party` or `both` for a known issuer code; QHk and UBTVQHk are State."""
    if knowledge.legislature_code(code):
        return "state"
    issuer = knowledge.issuer_by_code.get(code)
    return issuer.family if issuer else None


def number_family(number: DocumentNumber, knowledge: Knowledge) -> str | None:
    """The family every issuer code of the number belongs to, or None when unknown or mixed."""
    families = {issuer_family(code, knowledge) for code in number.issuer_codes}
    return families.pop() if len(families) == 1 and families <= {"state", "party"} else None


def body_code(code: str, knowledge: Knowledge) -> str:
    """An issuer code without a legislature's khóa (`QH15` -> `QH`)."""
    legislature = knowledge.legislature_code(code)
    return legislature[0] if legislature else code


def main_issuer(number: DocumentNumber, knowledge: Knowledge) -> str | None:
    """The first issuer code, as `body_code` gives it."""
    return body_code(number.issuer_codes[0], knowledge) if number.issuer_codes else None


def day_month_year(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@cache
def _folded_type_words(knowledge: Knowledge) -> tuple[tuple[str, str], ...]:
    """(type word, folded), longest first: folded once per run, not once per citation."""
    return tuple((word, fold(word)) for word in knowledge.type_words())


@cache
def _shorthands(knowledge: Knowledge) -> tuple[str, ...]:
    return tuple(knowledge.shorthands())


@dataclass
class Written:
    """One citation and the spans of its parts in the original text."""

    citation: Citation
    knowledge: Knowledge
    following: str = ""  # the text just after the citation

    @cached_property
    def _clean(self) -> NormalisedText:
        return normalise(self.citation.text)

    @cached_property
    def number_span(self) -> Span | None:
        """Where the number sits in the original text."""
        parts = self.citation.number_parts
        if parts is None:
            return None
        at = self._clean.text.find(parts.text)
        if at < 0:
            return None
        start = self._clean.to_original(at)
        # The end is the end of the last character: an exclusive end mapped on its own would swallow a
        # replaced character (a no-break space) that follows the number.
        last = self._clean.to_original(at + len(parts.text) - 1)
        edit = next((e for e in self._clean.edits_within(last, last + 1) if e.start == last), None)
        end = edit.end if edit else last + 1
        return self.citation.start + start, self.citation.start + end

    @property
    def number_written(self) -> str:
        span = self.number_span
        return self.text(span) if span else (self.citation.number or "")

    def text(self, span: Span) -> str:
        offset = self.citation.start
        return self.citation.text[span[0] - offset:span[1] - offset]

    @property
    def span(self) -> Span:
        return self.citation.start, self.citation.end

    @cached_property
    def _after_number(self) -> int:
        """Offset inside `citation.text` where the number (or the law's name) ends."""
        if self.number_span:
            return self.number_span[1] - self.citation.start
        return 0

    @cached_property
    def prefix(self) -> str:
        """The text before the number: pinpoint, type word and `số`."""
        if not self.number_span:
            return ""
        return self.citation.text[: self.number_span[0] - self.citation.start]

    @cached_property
    def type_word(self) -> tuple[str, DocType] | None:
        """(the type word, its type) just before the number, if the drafter wrote one."""
        head = _PREFIX_TAIL.sub("", normalise(self.prefix).text)
        folded = fold(head)
        knowledge = self.knowledge
        for word, key in _folded_type_words(knowledge):
            if folded.endswith(key) and (len(folded) == len(key) or not folded[-len(key) - 1].isalpha()):
                return word, knowledge.type_by_word[key]
        for shorthand in _shorthands(knowledge):
            if head.endswith(shorthand) and (len(head) == len(shorthand) or not head[-len(shorthand) - 1].isalpha()):
                return shorthand, next(t for t in knowledge.types if shorthand in t.shorthands)
        return None

    @cached_property
    def date_span(self) -> Span | None:
        """Where the cited date is written."""
        match = _DATE.search(self.citation.text, self._after_number)
        if not match:
            return None
        return self.citation.start + match.start(), self.citation.start + match.end()

    @cached_property
    def issuer_span(self) -> Span | None:
        issuer = self.citation.issuer
        if not issuer:
            return None
        pattern = re.compile(r"\s+".join(re.escape(word) for word in issuer.split()))
        match = pattern.search(self.citation.text, self._after_number)
        return (self.citation.start + match.start(), self.citation.start + match.end()) if match else None

    @cached_property
    def enterprise(self) -> bool:
        """Issued by an enterprise, which numbers its papers as it pleases (see `rules.scope`)."""
        after = _ISSUER_AFTER.match(self.following)
        named = self.citation.issuer or (self.following[after.end():] if after else "")
        issuer = fold(named)
        return any(issuer.startswith(fold(head)) for head in enterprise_heads())

    @property
    def date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.citation.date) if self.citation.date else None

    @property
    def year(self) -> int | None:
        """The cited document's year: its date's, else its number's."""
        date = self.date
        return date.year if date else self.citation.year

    @property
    def label(self) -> str:
        """How a message names the cited document."""
        citation = self.citation
        if citation.number_parts:
            return self.number_written
        return citation.number or " ".join(filter(None, (citation.type, citation.name))) or citation.text
