"""CG1xx: a citation that is malformed on its own, whatever else the text says."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from ..knowledge import DocType, Knowledge, fold
from ..models import DocumentNumber
from ..normalise import normalise
from .context import Context, Finding
from .written import Written, issuer_family, main_issuer, number_family

_MARKS = ("lookalike", "cyrillic")
_SEPARATOR_EDITS = {"dash", "slash", "space", "invisible"}
# Where the clause around a citation ends (see `_ends_clause`).
_MAX_CLAUSE = 800
_CLAUSE_END = re.compile(r";|\.(?=\s)|\n[ \t]*\n[ \t]*(?P<next>\S)?")


def _legacy(written: Written, context: Context, code: str) -> bool:
    """A cited document dated before a convention took effect (`legacy_before`) keeps its old form."""
    before = context.params(code)["legacy_before"]
    assert isinstance(before, dt.date)
    date = written.date
    return date is not None and date < before


def _state_form(ordinal: str, year: int | None, codes: tuple[str, ...]) -> str:
    head = f"{ordinal}/{year}/" if year else f"{ordinal}/"
    return head + "-".join(codes)


def _number_type(number: DocumentNumber, knowledge: Knowledge) -> DocType | None:
    """The type a State number's type code stands for."""
    return knowledge.state_type_by_code.get(number.type_code or "")


def party_number_in_state_form(context: Context, written: Written) -> Iterator[Finding]:
    """`23/QĐ-TW`, `210/KL-TW`: every issuer is a Party body, so the number is a Party one."""
    number = written.citation.number_parts
    if number is None or number.family != "state" or not number.issuer_codes:
        return
    knowledge = context.knowledge
    type_code, issuers = number.type_code, number.issuer_codes
    if type_code is None and issuers[0] in knowledge.party_type_by_code:
        type_code, issuers = issuers[0], issuers[1:]  # a Party type code (KL, CTr ...) the State has not
    families = {issuer_family(code, knowledge) for code in issuers}
    if not issuers or families != {"party"}:
        return
    fixed = f"{number.ordinal}-{type_code}/{'-'.join(issuers)}" if type_code else None
    span = written.number_span or written.span
    yield context.finding("CG101", span, number.normalised, number=written.number_written, fixed=fixed)


def state_number_in_party_form(context: Context, written: Written) -> Iterator[Finding]:
    number = written.citation.number_parts
    if number is None or number.family != "party" or number_family(number, context.knowledge) != "state":
        return
    if _legacy(written, context, "CG102"):
        return
    fixed = _state_form(number.ordinal, None, (number.type_code or "", *number.issuer_codes))
    span = written.number_span or written.span
    yield context.finding("CG102", span, number.normalised, number=written.number_written, fixed=fixed)


def normative_number_without_year(context: Context, written: Written) -> Iterator[Finding]:
    citation = written.citation
    number = citation.number_parts
    if number is None or number.family != "state" or number.year or _legacy(written, context, "CG103"):
        return
    knowledge = context.knowledge
    if number.type_code:
        doc_type = _number_type(number, knowledge)
    elif number.issuer_codes and knowledge.legislature_code(number.issuer_codes[0]):
        doc_type = knowledge.type_by_name.get(citation.type or "")
    else:
        return  # `64/CP`: a number from before the year segment, whatever the type word says
    if doc_type is None or doc_type.normative != "always":
        return
    date = written.date
    fixed = f"{number.ordinal}/{date.year}/{number.normalised.split('/', 1)[1]}" if date else None
    yield context.finding(
        "CG103", written.number_span or written.span, number.normalised,
        type=doc_type.name, number=written.number_written, fixed=fixed,
    )


def year_in_non_normative_number(context: Context, written: Written) -> Iterator[Finding]:
    number = written.citation.number_parts
    if number is None or number.family != "state" or not number.year:
        return
    params = context.params("CG104")
    since = params["since"]
    assert isinstance(since, dt.date)
    date = written.date
    if (date and date < since) or (date is None and number.year <= since.year):
        return
    knowledge = context.knowledge
    doc_type = _number_type(number, knowledge)
    exempt = params["exempt_codes"]
    assert isinstance(exempt, list)
    if doc_type is None or doc_type.normative != "never" or number.type_code in exempt:
        return
    fixed = _state_form(number.ordinal, None, (number.type_code or "", *number.issuer_codes))
    yield context.finding(
        "CG104", written.number_span or written.span, number.normalised,
        type=doc_type.name, number=written.number_written, fixed=fixed,
    )


def _plain(code: str) -> str:
    """A code as OCR or a keyboard without Vietnamese leaves it: `QĐ` -> `QD`."""
    return code.upper().replace("Đ", "D")


def _restore(code: str, known: Iterable[str]) -> str | None:
    """The one known code `code` stands for once its case and Đ are restored, if exactly one."""
    matches = {candidate for candidate in known if _plain(candidate) == _plain(code)}
    return matches.pop() if len(matches) == 1 else None


def _legislature_lookalike(code: str, number: DocumentNumber, context: Context) -> str | None:
    """`OH15` read for `QH15`: a legislature code with one letter wrong, for a year of that legislature."""
    match = re.fullmatch(r"([A-Z]{2})(\d{1,2})", code)
    if not match or not number.year or sum(a != b for a, b in zip(match.group(1), "QH", strict=True)) != 1:
        return None
    term = context.knowledge.legislature(int(match.group(2)))
    return f"QH{match.group(2)}" if term and term.start.year <= number.year <= term.end.year else None


def unknown_type_code(context: Context, written: Written) -> Iterator[Finding]:
    """A code in the type position that no list has.

    Reported when the code is a known one with its case or Đ lost (`QD`), or when the number is
    otherwise a known body's (`30/2020/ND-CP`): other numbers may follow an organisation's own scheme.
    """
    number = written.citation.number_parts
    if number is None:
        return
    knowledge = context.knowledge
    if number.family == "party":
        code = number.type_code or ""
        if code in knowledge.party_type_by_code or code in knowledge.state_type_by_code:
            return
        restored = _restore(code, knowledge.party_type_by_code)
        issuers_known = number_family(number, knowledge) == "party"
        fixed = f"{number.ordinal}-{restored}/{'-'.join(number.issuer_codes)}" if restored else None
    elif number.family == "state" and not number.type_code and number.issuer_codes:
        code = number.issuer_codes[0]
        if knowledge.legislature_code(code) or code in knowledge.issuer_by_code:
            return
        restored = _restore(code, knowledge.state_type_by_code) or _legislature_lookalike(code, number, context)
        others = number.issuer_codes[1:]
        issuers_known = bool(number.year and others) and all(issuer_family(c, knowledge) for c in others)
        fixed = _state_form(number.ordinal, number.year, (restored, *others)) if restored else None
    else:
        return
    if restored or issuers_known:
        yield context.finding(
            "CG105", written.number_span or written.span, number.normalised,
            code=code, number=written.number_written, fixed=fixed,
        )


def unknown_issuer_code(context: Context, written: Written) -> Iterator[Finding]:
    number = written.citation.number_parts
    if number is None:
        return
    params = context.params("CG106")
    knowledge = context.knowledge
    if number.family == "party":
        wrong = params["wrong_party_codes"]
        assert isinstance(wrong, dict)
        for code in number.issuer_codes:
            if code in wrong:
                issuers = "-".join(wrong[code] if c == code else c for c in number.issuer_codes)
                yield context.finding(
                    "CG106", written.number_span or written.span, number.normalised, code=code,
                    number=written.number_written, fixed=f"{number.ordinal}-{number.type_code}/{issuers}",
                )
        return
    central = params["central_types"]
    assert isinstance(central, list)
    if number.family != "state" or number.type_code not in central or not number.year:
        return
    for code in number.issuer_codes:
        if _known_issuer(code, context):
            continue
        restored = _restore(code, knowledge.issuer_by_code)
        fixed = number.normalised.replace(code, restored) if restored else None
        yield context.finding(
            "CG106", written.number_span or written.span, number.normalised,
            code=code, number=written.number_written, fixed=fixed,
        )


def _known_issuer(code: str, context: Context) -> bool:
    """Known to the knowledge files, or seen in the registry; `BGD&ĐT` is the older form of BGDĐT."""
    plain = code.replace("&", "")
    knowledge = context.knowledge
    return (
        issuer_family(plain, knowledge) is not None
        or plain in context.registry.issuer_codes
        or code in context.registry.issuer_codes
    )


def type_word_contradicts_code(context: Context, written: Written) -> Iterator[Finding]:
    citation = written.citation
    number = citation.number_parts
    word = written.type_word
    if number is None or word is None or not number.type_code:
        return
    generic = context.params("CG107")["generic_words"]
    assert isinstance(generic, list)
    written_word, doc_type = word
    if fold(written_word) in {fold(g) for g in generic}:
        return
    knowledge = context.knowledge
    if number.family == "party":
        codes, implied = doc_type.party_codes, knowledge.party_type_by_code.get(number.type_code)
    elif number.family == "state":
        codes, implied = doc_type.state_codes, knowledge.state_type_by_code.get(number.type_code)
    else:
        return
    if implied is None or number.type_code in codes or implied.name.startswith(doc_type.name):
        return
    if number.type_code == "L" and doc_type.name in ("Luật", "Bộ luật"):
        return  # the promulgation order's number: CG113
    yield context.finding(
        "CG107", written.number_span or written.span, number.normalised,
        type=doc_type.name, code=number.type_code, number=written.number_written, expected=implied.name,
    )


def impossible_date(context: Context, written: Written) -> Iterator[Finding]:
    """A written date that the calendar does not have (`31/02/2021`)."""
    span = written.date_span
    if span is None or written.citation.date:
        return
    shown = written.text(span)
    day, month, year = (int(n) for n in re.findall(r"\d+", shown)[:3])
    try:
        dt.date(year, month, day)
    except ValueError:
        yield context.finding("CG108", span, written.citation.number, written=shown, number=written.label)


def look_alike_character(context: Context, written: Written) -> Iterator[Finding]:
    """Eth, Cyrillic and the like in the type word, pinpoint or number (not in a quoted title)."""
    citation = written.citation
    head_end = (written.number_span[1] - citation.start) if written.number_span else len(citation.text)
    head = citation.text[:head_end]
    clean = normalise(head)
    for edit in clean.edits:
        if edit.reason not in _MARKS:
            continue
        char = head[edit.start:edit.end]
        start = citation.start + edit.start
        yield context.finding(
            "CG109", (start, start + len(char)), citation.number,
            char=char, codepoint=f"U+{ord(char):04X}", plain=edit.replacement,
            written=written.number_written or head.strip(), fixed=_repaired(written.number_written or head.strip()),
        )


def _repaired(text: str) -> str:
    return normalise(text).text


def malformed_separator(context: Context, written: Written) -> Iterator[Finding]:
    number = written.citation.number_parts
    if number is None or written.number_span is None:
        return
    text = written.number_written
    odd = " " in text or any(e.reason in _SEPARATOR_EDITS for e in normalise(text).edits)
    if odd or "missing-slash" in written.citation.normalisations:
        yield context.finding(
            "CG110", written.number_span, number.normalised, written=text, fixed=number.normalised
        )


def incomplete_number(context: Context, written: Written) -> Iterator[Finding]:
    citation = written.citation
    number = citation.number_parts
    if number is None or "missing-code" not in citation.normalisations:
        return
    doc_type = written.type_word[1] if written.type_word else None
    fixed = None
    if doc_type and len(doc_type.state_codes) == 1 and citation.issuer_code:
        fixed = f"{number.normalised}/{doc_type.state_codes[0]}-{citation.issuer_code}"
    yield context.finding(
        "CG111", written.number_span or written.span, number.normalised, written=written.number_written, fixed=fixed
    )


def resolution_code_in_assembly_number(context: Context, written: Written) -> Iterator[Finding]:
    number = written.citation.number_parts
    if number is None or number.family != "state" or number.type_code != "NQ":
        return
    if main_issuer(number, context.knowledge) != "QH":
        return
    fixed = _state_form(number.ordinal, number.year, number.issuer_codes)
    yield context.finding(
        "CG112", written.number_span or written.span, number.normalised, number=written.number_written, fixed=fixed
    )


def promulgation_order_as_law(context: Context, written: Written) -> Iterator[Finding]:
    citation = written.citation
    number = citation.number_parts
    if number is None or number.type_code != "L" or "CTN" not in number.issuer_codes:
        return
    if citation.type in ("Luật", "Bộ luật"):
        yield context.finding(
            "CG113", written.number_span or written.span, number.normalised,
            number=written.number_written, type=citation.type,
        )


def state_code_in_party_number(context: Context, written: Written) -> Iterator[Finding]:
    number = written.citation.number_parts
    knowledge = context.knowledge
    if number is None or number.family != "party" or number_family(number, knowledge) == "state":
        return
    code = number.type_code or ""
    if code in knowledge.party_type_by_code or code not in knowledge.state_type_by_code:
        return
    party_codes = knowledge.state_type_by_code[code].party_codes
    fixed = f"{number.ordinal}-{party_codes[0]}/{'-'.join(number.issuer_codes)}" if party_codes else None
    yield context.finding(
        "CG114", written.number_span or written.span, number.normalised,
        code=code, number=written.number_written, fixed=fixed,
    )


def _unbalanced_quote(text: str, start: int, clause_from: int) -> int | None:
    """The offset of a quotation mark without its pair in the clause from `start`, else None.

    The clause ends at `;`, a sentence end or a blank line outside quotation marks, at or after
    `clause_from`; a straight mark closes an open one or opens a new one.
    """
    open_at: list[int] = []
    limit = min(len(text), clause_from + _MAX_CLAUSE)
    for index in range(start, limit):
        char = text[index]
        if char in "“«" or (char == '"' and not open_at):
            open_at.append(index)
        elif char in "”»" or char == '"':
            if not open_at:
                return index
            open_at.pop()
        elif not open_at and index >= clause_from and _ends_clause(text, index):
            return None
    return open_at[0] if open_at else None


def _ends_clause(text: str, index: int) -> bool:
    """`;`, a sentence end or a blank line, except a page break that a small letter continues."""
    end = _CLAUSE_END.match(text, index)
    return end is not None and not (end.group("next") or "A").islower()


def unbalanced_title_quote(context: Context, written: Written) -> Iterator[Finding]:
    """A quotation mark left open or closed around a title.

    The extractor's flag is confirmed on the clause the citation stands in, because its title stops at
    a document named inside the title and at a `;` inside quotation marks.
    """
    citation = written.citation
    if citation.title_quote_balanced:
        return
    at = _unbalanced_quote(context.document.text, citation.start, citation.end)
    if at is not None:
        yield context.finding("CG115", (at, at + 1), citation.number, number=written.label)


def code_case(context: Context, written: Written) -> Iterator[Finding]:
    number = written.citation.number_parts
    if number is None or "code-case" not in written.citation.normalisations:
        return
    yield context.finding(
        "CG116", written.number_span or written.span, number.normalised,
        written=written.number_written, fixed=number.normalised,
    )


CHECKS = {
    "CG101": party_number_in_state_form,
    "CG102": state_number_in_party_form,
    "CG103": normative_number_without_year,
    "CG104": year_in_non_normative_number,
    "CG105": unknown_type_code,
    "CG106": unknown_issuer_code,
    "CG107": type_word_contradicts_code,
    "CG108": impossible_date,
    "CG109": look_alike_character,
    "CG110": malformed_separator,
    "CG111": incomplete_number,
    "CG112": resolution_code_in_assembly_number,
    "CG113": promulgation_order_as_law,
    "CG114": state_code_in_party_number,
    "CG115": unbalanced_title_quote,
    "CG116": code_case,
}
