"""CG4xx: the citing document itself: an unsigned draft, bases out of the order of legal force."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..knowledge import fold
from ..normalise import normalise
from .context import Context, Finding
from .written import Written, main_issuer

_NUMBER_LINE = re.compile(r"(?m)^[ \t*#|]*Số\b[^\n]*")
_BASIS_OPENER = re.compile(r"căn cứ|thực hiện|theo đề nghị|xét đề nghị")


def unsigned_draft(context: Context) -> Iterator[Finding]:
    header = context.document.header
    if not (header.number_blank or header.date_blank):
        return
    span = _number_line(context.document.text)
    variant = "dated" if header.year else "undated"
    yield context.finding("CG401", span, None, variant=variant, year=header.year)


def _number_line(text: str) -> tuple[int, int]:
    """The span of the header's `Số` line in the text as read, (0, 0) without one. It is looked for in the
    normalised text, where it reads `Số` in NFC and ends at `\n` whatever the file's line ends."""
    clean = normalise(text)
    line = _NUMBER_LINE.search(clean.text)
    return clean.span_to_original(*line.span()) if line else (0, 0)


def _rank(written: Written, context: Context, ranks: list[list[str]]) -> int | None:
    """The place of a cited document in the hierarchy of legal force, None outside it.

    `Type/CODE` entries (`Quyết định/TTg`) hold only for normative numbers, which carry a year.
    """
    citation = written.citation
    number = citation.number_parts
    code = main_issuer(number, context.knowledge) if number else None
    normative = number is not None and number.year is not None
    for index, level in enumerate(ranks):
        if citation.type in level or (normative and f"{citation.type}/{code}" in level):
            return index
    return None


def _leading_bases(context: Context) -> list[Written]:
    """The first document of each căn cứ entry: amendments named on the same entry follow their law."""
    text = context.document.text
    leading: list[Written] = []
    previous_end = None
    for written in context.written:
        citation = written.citation
        if citation.role != "basis":
            continue
        between = fold(text[previous_end:citation.start]) if previous_end is not None else "căn cứ"
        if _BASIS_OPENER.search(between) or ";" in between:
            leading.append(written)
        previous_end = citation.end
    return leading


def bases_out_of_order(context: Context) -> Iterator[Finding]:
    ranks = context.params("CG402")["ranks"]
    assert isinstance(ranks, list)
    names = [" / ".join(level) for level in ranks]
    weakest: tuple[int, Written] | None = None  # the lowest legal force listed so far
    for written in _leading_bases(context):
        rank = _rank(written, context, ranks)
        if rank is None:
            continue
        if weakest and rank < weakest[0]:
            yield context.finding(
                "CG402", written.span, written.citation.number, number=written.label, rank=names[rank],
                previous=weakest[1].label, previous_rank=names[weakest[0]],
            )
        elif weakest is None or rank > weakest[0]:
            weakest = (rank, written)


DOCUMENT_CHECKS = {
    "CG401": unsigned_draft,
    "CG402": bases_out_of_order,
}
