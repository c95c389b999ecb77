"""What every check sees: the document being checked (`Context`) and what it reports (`Finding`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..knowledge import Knowledge
from ..models import ExtractedDocument
from ..normalise import LineIndex
from ..registry import CONFIDENCE_CAP, Registry
from ..rules import catalogue, severity_rank
from .written import Span, Written, day_month_year


@dataclass(frozen=True)
class Finding:
    """One broken convention at one place in one document."""

    code: str
    severity: str
    start: int
    end: int
    line: int
    column: int
    citation: str | None
    fields: Mapping[str, str] = field(default_factory=dict)
    variant: str = ""

    def message(self, lang: str) -> str:
        return catalogue()[self.code].message(lang, self.fields, self.variant)

    def suggestion(self, lang: str) -> str | None:
        return catalogue()[self.code].suggestion(lang, self.fields)


def _format(value: object) -> str:
    return day_month_year(value) if isinstance(value, dt.date) else str(value)


class Context:
    """One document being checked, with what every rule needs to know about it."""

    def __init__(self, document: ExtractedDocument, knowledge: Knowledge, registry: Callable[[], Registry]) -> None:
        self.document = document
        self.knowledge = knowledge
        self._registry = registry
        text = document.text
        self.written = [Written(c, knowledge, text[c.end:c.end + 60]) for c in document.citations]

    @cached_property
    def registry(self) -> Registry:
        return self._registry()

    @cached_property
    def _lines(self) -> LineIndex:
        return LineIndex(self.document.text)

    @property
    def own_date(self) -> dt.date | None:
        header = self.document.header
        return dt.date.fromisoformat(header.date) if header.date else None

    @property
    def own_year(self) -> int | None:
        header = self.document.header
        return self.own_date.year if self.own_date else header.year

    def where(self, offset: int) -> str:
        """`path:line` of an offset, for messages that point at another mention."""
        return f"{self.document.source}:{self._lines.position(offset)[0]}"

    def finding(
        self,
        rule: str,
        span: Span,
        citation: str | None,
        /,
        *,
        confidence: str = "verified",
        variant: str = "",
        **fields: object,
    ) -> Finding:
        """A finding of `rule`; a registry fact's `confidence` caps its severity.

        Fields left None are dropped, so a suggestion that needs one is left out.
        """
        return self.finding_of(rule, span, citation, fields, confidence=confidence, variant=variant)

    def finding_of(
        self,
        rule: str,
        span: Span,
        citation: str | None,
        fields: Mapping[str, object],
        *,
        confidence: str = "verified",
        variant: str = "",
    ) -> Finding:
        """`finding` with the message fields in a mapping."""
        severity = catalogue()[rule].severity
        cap = CONFIDENCE_CAP.get(confidence, "info")
        if severity_rank(cap) < severity_rank(severity):
            severity = cap
        line, column = self._lines.position(span[0])
        formatted = {name: _format(value) for name, value in fields.items() if value is not None}
        return Finding(rule, severity, span[0], span[1], line, column, citation, formatted, variant)

    def params(self, rule: str) -> Mapping[str, object]:
        return catalogue()[rule].params


CitationCheck = Callable[[Context, Written], Iterator[Finding]]
DocumentCheck = Callable[[Context], Iterator[Finding]]
RunCheck = Callable[[Sequence[Context]], Iterator[tuple[Context, Finding]]]


