"""CG2xx: a citation that contradicts itself, the calendar of terms and bodies, or other mentions."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence

from ..knowledge import Term
from .compare import same_issuer, title_overlap, words
from .context import Context, Finding
from .written import Written, body_code, issuer_family, main_issuer

_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def number_year_differs_from_date(context: Context, written: Written) -> Iterator[Finding]:
    citation = written.citation
    number, date = citation.number_parts, written.date
    if number is None or not number.year or date is None or date.year == number.year or "date" in citation.shared:
        return
    yield context.finding(
        "CG201", written.date_span or written.span, number.normalised,
        number=written.number_written, year=number.year, date=date,
    )


def compatible_codes(context: Context) -> dict[str, list[str]]:
    """Codes that name the same body for the rules comparing issuers (`CTUBND` signs for `UBND`)."""
    compatible = context.params("CG205")["compatible"]
    assert isinstance(compatible, dict)
    return compatible


def issuer_contradicts_code(context: Context, written: Written) -> Iterator[Finding]:
    citation = written.citation
    number = citation.number_parts
    if number is None or not citation.issuer_code or "issuer" in citation.shared:
        return
    knowledge = context.knowledge
    main = main_issuer(number, knowledge)
    if main is None or issuer_family(main, knowledge) is None:
        return
    codes = {body_code(c, knowledge) for c in number.issuer_codes}
    stated = citation.issuer_code
    if stated in codes or codes & set(compatible_codes(context).get(stated, ())):
        return
    yield context.finding(
        "CG205", written.issuer_span or written.span, number.normalised,
        issuer=citation.issuer, code=main, number=written.number_written,
        expected=knowledge.issuer_by_code[main].name,
    )


def _term_table(context: Context, written: Written) -> list[Term] | None:
    """Party terms for the Party centre, legislatures for the Quốc hội; None for bodies with terms of their own."""
    citation = written.citation
    codes = {citation.issuer_code}
    if citation.number_parts:
        codes.add(main_issuer(citation.number_parts, context.knowledge))
    if "TW" in codes:
        return context.knowledge.party_terms
    if codes & {"QH", "UBTVQH"}:
        return context.knowledge.legislatures
    return None


def term_contradicts_date(context: Context, written: Written) -> Iterator[Finding]:
    citation = written.citation
    date = written.date
    terms = _term_table(context, written) if citation.term and date else None
    if not terms or date is None or citation.term is None:
        return
    days = context.params("CG206")["tolerance_days"]
    assert isinstance(days, int)
    tolerance = dt.timedelta(days=days)
    named = next((t for t in terms if t.roman == citation.term.upper()), None)
    if named and named.start - tolerance <= date <= named.end + tolerance:
        return
    actual = next((t.roman for t in terms if t.start <= date <= t.end), None)
    where = re.search(rf"(?i:khóa|khoá)\s+{citation.term}\b", citation.text)
    span = (citation.start + where.start(), citation.start + where.end()) if where else written.span
    yield context.finding(
        "CG206", span, citation.number, term=citation.term, date=date, expected=actual,
        start=named.start if named else "?", end=named.end if named else "?",
    )


def _in_term(term: Term, year: int, date: dt.date | None) -> bool:
    """A number of `year` (dated `date`, when known) fits the legislature's term."""
    return term.start <= date <= term.end if date else term.start.year <= year <= term.end.year


def legislature_contradicts_year(context: Context, written: Written) -> Iterator[Finding]:
    number = written.citation.number_parts
    if number is None or not number.year or number.year < 1997:
        return
    knowledge = context.knowledge
    date = written.date if written.date and written.date.year == number.year else None
    for code in number.issuer_codes:
        legislature = knowledge.legislature_code(code)
        if legislature is None:
            continue
        prefix, khoa = legislature
        term = knowledge.legislature(khoa)
        if term and _in_term(term, number.year, date):
            continue
        fitting = [t for t in knowledge.legislatures if _in_term(t, number.year, date)]
        expected = fitting[0] if len(fitting) == 1 else None
        yield context.finding(
            "CG207", written.number_span or written.span, number.normalised,
            number=written.number_written, year=number.year, term=term.roman if term else _roman(khoa),
            expected=expected.roman if expected else None,
            fixed=number.normalised.replace(code, f"{prefix}{expected.number}") if expected else None,
        )


def cited_after_citing(context: Context, written: Written) -> Iterator[Finding]:
    date, year = written.date, written.year
    own_date, own_year = context.own_date, context.own_year
    if own_date and date and date > own_date:
        own: object = own_date
    elif own_year and year and year > own_year:
        own = own_date or own_year
    else:
        return
    span = written.date_span or written.number_span or written.span
    yield context.finding("CG208", span, written.citation.number, date=date or year, own=own)


def issuer_code_not_valid_on_date(context: Context, written: Written) -> Iterator[Finding]:
    number = written.citation.number_parts
    if number is None:
        return
    date, year = written.date, number.year
    successors = context.params("CG209")["successors"]
    assert isinstance(successors, dict)
    for code in number.issuer_codes:
        issuer = context.knowledge.issuer_by_code.get(code)
        if issuer is None:
            continue
        if date:
            late = issuer.valid_to is not None and date > issuer.valid_to
            early = issuer.valid_from is not None and date < issuer.valid_from
        elif year:
            late = issuer.valid_to is not None and year > issuer.valid_to.year
            early = issuer.valid_from is not None and year < issuer.valid_from.year
        else:
            continue
        if late or early:
            since = issuer.valid_to + dt.timedelta(days=1) if late and issuer.valid_to else None
            yield context.finding(
                "CG209", written.number_span or written.span, number.normalised,
                code=code, name=issuer.name, date=date or year, since=since,
                successor=successors.get(code) if late else None,
            )


def district_body_after_reform(context: Context, written: Written) -> Iterator[Finding]:
    citation = written.citation
    params = context.params("CG210")
    since, levels = params["since"], params["district_words"]
    assert isinstance(since, dt.date) and isinstance(levels, list)
    date = written.date
    if not citation.issuer or date is None or date < since:
        return
    district = rf"(?:ủy ban nhân dân|hội đồng nhân dân)\s+(?:{'|'.join(map(re.escape, levels))})\b"
    if re.search(district, words(citation.issuer)):
        yield context.finding(
            "CG210", written.issuer_span or written.span, citation.number,
            issuer=citation.issuer, date=date, since=since,
        )


# --- the same document mentioned more than once ------------------------------------------------

Mention = tuple[Context, Written]


def _is_central(written: Written, context: Context) -> bool:
    """Central documents are one document whichever file cites them; local numbers recur per place."""
    number = written.citation.number_parts
    if number is None:
        return True  # a law cited by name, or by a number the law list gave it
    knowledge = context.knowledge
    for code in number.issuer_codes:
        issuer = knowledge.issuer_by_code.get(code)
        central = issuer is not None and issuer.level in ("central", "ministry", "party-central")
        if not (central or knowledge.legislature_code(code)):
            return False
    return bool(number.issuer_codes)


def _groups(contexts: Sequence[Context]) -> list[list[Mention]]:
    """Mentions of one document: across the run for central documents, within one file otherwise.

    A local group whose mentions name different bodies (`UBND tỉnh`, `UBND huyện`) is several documents
    sharing a number, and is left out.
    """
    groups: dict[tuple[str, int], list[Mention]] = {}
    for index, context in enumerate(contexts):
        for written in context.written:
            citation = written.citation
            if citation.number is None and not citation.name:
                continue
            scope = -1 if _is_central(written, context) else index
            groups.setdefault((citation.key, scope), []).append((context, written))
    kept = []
    for (_, scope), mentions in groups.items():
        named = [w.citation for _, w in mentions if w.citation.issuer and "issuer" not in w.citation.shared]
        issuers = {words(citation.issuer or "") for citation in named}
        if len(mentions) > 1 and (scope == -1 or len(issuers) <= 1):
            kept.append(mentions)
    return kept


def _majority(values: list[str]) -> str:
    """The value most mentions agree on; the first one on a tie."""
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def inconsistent_dates(contexts: Sequence[Context]) -> Iterator[tuple[Context, Finding]]:
    for mentions in _groups(contexts):
        dated = [(c, w) for c, w in mentions if w.date]
        if len({w.citation.date for _, w in dated}) < 2:
            continue
        agreed = _majority([w.citation.date or "" for _, w in dated])
        reference = next((c, w) for c, w in dated if w.citation.date == agreed)
        for context, written in dated:
            if written.citation.date != agreed:
                yield context, context.finding(
                    "CG202", written.date_span or written.span, written.citation.number,
                    number=written.label, date=written.date, other=reference[0].where(reference[1].citation.start),
                    other_date=reference[1].date,
                )


def inconsistent_issuers(contexts: Sequence[Context]) -> Iterator[tuple[Context, Finding]]:
    for mentions in _groups(contexts):
        named = [(c, w) for c, w in mentions if w.citation.issuer_code and "issuer" not in w.citation.shared]
        if len(named) < 2:
            continue
        first_context, first = named[0]
        compatible = compatible_codes(first_context)
        for context, written in named[1:]:
            a, b = first.citation, written.citation
            if not same_issuer(a.issuer_code or "", a.issuer or "", b.issuer_code or "", b.issuer or "", compatible):
                yield context, context.finding(
                    "CG203", written.issuer_span or written.span, b.number, number=written.label,
                    issuer=b.issuer, other=first_context.where(a.start), other_issuer=a.issuer,
                )


def inconsistent_titles(contexts: Sequence[Context]) -> Iterator[tuple[Context, Finding]]:
    for mentions in _groups(contexts):
        titled = [(c, w) for c, w in mentions if w.citation.title]
        if len(titled) < 2:
            continue
        first_context, first = titled[0]
        minimum = first_context.params("CG204")["min_overlap"]
        assert isinstance(minimum, float)
        for context, written in titled[1:]:
            if title_overlap(first.citation.title or "", written.citation.title or "") < minimum:
                yield context, context.finding(
                    "CG204", written.span, written.citation.number, number=written.label,
                    title=written.citation.title, other=first_context.where(first.citation.start),
                    other_title=first.citation.title,
                )


CHECKS = {
    "CG201": number_year_differs_from_date,
    "CG205": issuer_contradicts_code,
    "CG206": term_contradicts_date,
    "CG207": legislature_contradicts_year,
    "CG208": cited_after_citing,
    "CG209": issuer_code_not_valid_on_date,
    "CG210": district_body_after_reform,
}

RUN_CHECKS = {
    "CG202": inconsistent_dates,
    "CG203": inconsistent_issuers,
    "CG204": inconsistent_titles,
}
