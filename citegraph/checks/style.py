"""CG5xx: style, off unless selected: repetition, numbered laws in administrative bases, mixed forms."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..resolve import strip_zeros
from .context import Context, Finding
from .written import Written

_YEAR_SEGMENT = re.compile(r"/(?:19|20)\d{2}/")
_DAY = re.compile(r"\d+")
_DATE_LEAD = re.compile(r"\s*,?\s*(?:ngày|Ngày)\s*")
_LAW_TYPES = ("Luật", "Bộ luật", "Pháp lệnh")


def later_mention_repeats_full_citation(context: Context) -> Iterator[Finding]:
    first: dict[str, Written] = {}
    for written in context.written:
        citation = written.citation
        if citation.number is None:
            continue
        earlier = first.setdefault(citation.key, written)
        repeats = citation.date and citation.issuer and not {"date", "issuer"} & set(citation.shared)
        if earlier is not written and repeats:
            yield context.finding(
                "CG501", written.span, citation.number, number=written.label,
                type=citation.type, other=context.where(earlier.citation.start),
            )


def _administrative(context: Context) -> bool:
    """The citing document is administrative: its number has no year, or it is of a type that never has one."""
    header = context.document.header
    if header.number:
        return not _YEAR_SEGMENT.search(header.number)
    doc_type = context.knowledge.type_by_name.get(header.type or "")
    return doc_type is not None and doc_type.normative == "never"


def law_number_in_administrative_basis(context: Context) -> Iterator[Finding]:
    if not _administrative(context):
        return
    for written in context.written:
        citation = written.citation
        if citation.role == "basis" and citation.type in _LAW_TYPES and citation.number_parts:
            yield context.finding(
                "CG502", written.number_span or written.span, citation.number,
                type=citation.type, number=written.number_written,
            )


def _minority(styles: list[tuple[bool, Written]], preferred: bool | None) -> list[Written]:
    """The mentions written in the less common of two styles; on a tie, not the preferred one
    (without a preference, the style that appears second)."""
    kinds = [kind for kind, _ in styles]
    if len(set(kinds)) < 2:
        return []
    yes, no = kinds.count(True), kinds.count(False)
    if yes != no:
        odd = yes < no
    else:
        odd = (not preferred) if preferred is not None else (not kinds[0])
    return [written for kind, written in styles if kind == odd]


def _mixed(
    context: Context,
    code: str,
    style: Callable[[Written], bool | None],
    preferred: bool | None,
    span: Callable[[Written], tuple[int, int] | None],
    **extra: Callable[[Written], object],
) -> Iterator[Finding]:
    """Report the mentions written in the minority style, when the text uses two."""
    styles = [(kind, w) for w in context.written if (kind := style(w)) is not None]
    for written in _minority(styles, preferred):
        fields = {name: get(written) for name, get in extra.items()}
        yield context.finding_of(code, span(written) or written.span, written.citation.number, fields)


def _padded_ordinal(written: Written) -> bool | None:
    number = written.citation.number_parts
    if number is None or not number.ordinal.isdigit() or int(number.ordinal) >= 10:
        return None
    return number.ordinal.startswith("0")


def _zero_padded(written: Written) -> str:
    number = written.citation.number_parts
    assert number is not None
    bare = strip_zeros(number.ordinal)
    return f"0{bare}{number.normalised[len(number.ordinal):]}"


def mixed_ordinal_padding(context: Context) -> Iterator[Finding]:
    yield from _mixed(
        context, "CG503", _padded_ordinal, True, lambda w: w.number_span,
        number=lambda w: w.number_written, fixed=_zero_padded,
    )


def _padded_day(written: Written) -> bool | None:
    span = written.date_span
    if span is None or "date" in written.citation.shared:
        return None
    day = _DAY.search(written.text(span))
    return None if day is None or int(day.group()) >= 10 else len(day.group()) == 2


def mixed_date_padding(context: Context) -> Iterator[Finding]:
    yield from _mixed(
        context, "CG504", _padded_day, True, lambda w: w.date_span,
        written=lambda w: w.text(w.date_span) if w.date_span else "",
    )


def _comma_before_date(written: Written) -> bool | None:
    if written.number_span is None or written.date_span is None or "date" in written.citation.shared:
        return None
    start = written.number_span[1] - written.citation.start
    between = written.citation.text[start:written.date_span[0] - written.citation.start]
    if not _DATE_LEAD.fullmatch(between):
        return None
    return "," in between


def mixed_comma_before_date(context: Context) -> Iterator[Finding]:
    yield from _mixed(
        context, "CG505", _comma_before_date, None, lambda w: w.date_span, number=lambda w: w.label,
    )


DOCUMENT_CHECKS = {
    "CG501": later_mention_repeats_full_citation,
    "CG502": law_number_in_administrative_basis,
    "CG503": mixed_ordinal_padding,
    "CG504": mixed_date_padding,
    "CG505": mixed_comma_before_date,
}
