"""CG3xx: a citation against the registry of known documents.

A document the registry does not know is never a finding. A finding's severity is capped by how sure
the registry's fact is (`Entry.confidence`), and its message names where the fact comes from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..registry import CONFIDENCE_CAP, Entry
from ..resolve import strip_zeros
from .compare import issuer_code, names_local_level, same_issuer, title_overlap, words
from .consistency import compatible_codes
from .context import Context, Finding
from .written import Written

_REPLACED = ("Hết hiệu lực toàn bộ", "Chưa xác định (nguồn mâu thuẫn)")


def _entries(context: Context, written: Written) -> list[Entry]:
    """The registry's rows for this citation; a local row only when the citation's place is its place."""
    citation = written.citation
    if citation.number is None:
        return []
    header = context.document.header
    local_body = names_local_level(citation.issuer)
    return [
        entry
        for entry in context.registry.entries(citation.key)
        if not (entry.locality and local_body) and entry.matches_place(citation.issuer, header.issuer, header.place)
    ]


def _surest(entries: list[Entry], confidence: str = "confidence") -> Entry:
    return min(entries, key=lambda e: list(CONFIDENCE_CAP).index(getattr(e, confidence) or "unverified"))


def date_differs(context: Context, written: Written) -> Iterator[Finding]:
    date = written.date
    if date is None or "date" in written.citation.shared:
        return
    dated = [e for e in _entries(context, written) if e.date]
    if not dated or any(e.date == date for e in dated):
        return
    entry = _surest(dated)
    yield context.finding(
        "CG301", written.date_span or written.span, written.citation.number, confidence=entry.confidence,
        number=written.label, date=date, expected=entry.date, origin=entry.origin,
    )


def issuer_differs(context: Context, written: Written) -> Iterator[Finding]:
    citation = written.citation
    stated = citation.issuer_code
    if not stated or "issuer" in citation.shared:
        return
    compatible = compatible_codes(context)
    coded = [(e, issuer_code(e.issuer, context.knowledge)) for e in _entries(context, written) if e.issuer]
    named = [(e, code) for e, code in coded if code]
    if not named or any(same_issuer(stated, citation.issuer or "", code, e.issuer, compatible) for e, code in named):
        return
    entry = _surest([e for e, _ in named])
    yield context.finding(
        "CG302", written.issuer_span or written.span, citation.number, confidence=entry.confidence,
        number=written.label, issuer=citation.issuer, expected=entry.issuer, origin=entry.origin,
    )


def title_differs(context: Context, written: Written) -> Iterator[Finding]:
    title = written.citation.title
    if not title:
        return
    minimum = context.params("CG303")["min_overlap"]
    assert isinstance(minimum, float)
    titled = [e for e in _entries(context, written) if e.title]
    if not titled or any(title_overlap(title, e.title) >= minimum for e in titled):
        return
    entry = _surest(titled)
    yield context.finding(
        "CG303", written.span, written.citation.number, confidence=entry.confidence,
        number=written.label, expected=entry.title, origin=entry.origin,
    )


def _key(printed: str) -> str:
    """The registry key of a law's number (`02/2011/QH13` -> `2/2011/QH13`)."""
    ordinal, rest = printed.split("/", 1)
    return f"{strip_zeros(ordinal)}/{rest}"


def _plausible(entry: Entry, context: Context) -> bool:
    """A derived whole replacement is believed only when the successor is on the same subject.

    The sample's parser read some partial repeals as whole ones (Luật Đầu tư 61/2020/QH14 "replaced" by
    the Luật Điện ảnh that amended one article); titles that share no words expose them.
    """
    if entry.status_confidence == "verified" or not entry.replaced_by or not entry.title:
        return True
    minimum = context.params("CG304")["min_title_overlap"]
    assert isinstance(minimum, float)
    successors = [e for e in context.registry.entries(_key(entry.replaced_by)) if e.title]
    return not successors or any(title_overlap(entry.title, e.title) >= minimum for e in successors)


def basis_no_longer_in_force(context: Context, written: Written) -> Iterator[Finding]:
    if written.citation.role != "basis":
        return
    own_date, own_year = context.own_date, context.own_year
    if own_year is None:
        return
    as_of = own_date or dt.date(own_year, 1, 1)
    ended = [
        e for e in _entries(context, written)
        if e.status in _REPLACED and e.expiry_date and e.expiry_date <= as_of and _plausible(e, context)
    ]
    if not ended:
        return
    entry = _surest(ended, "status_confidence")
    yield context.finding(
        "CG304", written.number_span or written.span, written.citation.number,
        confidence=entry.status_confidence, number=written.label, since=entry.expiry_date,
        replaced_by=entry.replaced_by or None, origin=entry.origin,
    )


def law_number_differs_from_name(context: Context, written: Written) -> Iterator[Finding]:
    """`Luật X số N`: N must be a number the law X has had.

    Only a clear contradiction counts: a law of that name passed in the number's year under another
    number, or a registry row for N that names another document. A newer law the data does not list yet
    is not reported.
    """
    citation = written.citation
    number = citation.number_parts
    if number is None or not citation.name or citation.type is None:
        return
    named = context.knowledge.find_laws(citation.type, citation.name)
    laws = {_key(law.number): law.number for law in named if law.number}
    if not laws or citation.key in laws:
        return
    same_year = [printed for printed in laws.values() if f"/{number.year}/" in printed]
    registered = context.registry.entries(citation.key)
    other_document = any(e.title and words(citation.name) not in words(e.title) for e in registered)
    if not same_year and not other_document:
        return
    fixed = same_year[0] if len(same_year) == 1 else None
    rows = [e for printed in (same_year or laws.values()) for e in context.registry.entries(_key(printed))]
    yield context.finding(
        "CG305", written.number_span or written.span, number.normalised,
        confidence=_surest(rows).confidence if rows else "derived",
        type=citation.type, name=citation.name, number=written.number_written,
        expected=", ".join(sorted(laws.values())),
        origin=_surest(rows).origin if rows else "citegraph/data/laws.csv", fixed=fixed,
    )


CHECKS = {
    "CG301": date_differs,
    "CG302": issuer_differs,
    "CG303": title_differs,
    "CG304": basis_no_longer_in_force,
    "CG305": law_number_differs_from_name,
}
