"""Domain knowledge loaded from the data files in `citegraph/data/`.

Nothing about Vietnamese document conventions is hard-coded in the parser: document types, their
codes, issuers, terms and laws cited by name live in TOML/CSV files that a domain expert can review,
and the extractor's patterns are built from them here. Loaded once per process.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from .datacache import cached, package_file
from .normalise import normalised_text


def clean(text: str) -> str:
    """Data text spelled as the extractor sees documents: NFC, new-style tone marks, plain dashes."""
    return normalised_text(text)


def fold(text: str) -> str:
    """Case-insensitive comparison key for text that is already clean (single spaces, casefolded).

    Document text is cleaned once by the normaliser and data text once when it is loaded, so the
    hot path only folds case and spacing.
    """
    return " ".join(text.casefold().split())


def strip_marks(text: str) -> str:
    """`QUYÉT ĐỊNH` -> `quyet đinh`: a key that survives OCR's wrong diacritics (đ is kept)."""
    decomposed = unicodedata.normalize("NFD", fold(clean(text)))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class DocType:
    name: str
    words: tuple[str, ...]
    shorthands: tuple[str, ...]
    state_codes: tuple[str, ...]
    party_codes: tuple[str, ...]
    normative: str
    by_name: bool
    source: str


@dataclass(frozen=True)
class Issuer:
    code: str
    family: str
    level: str
    name: str
    aliases: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: str


@dataclass(frozen=True)
class Term:
    roman: str
    number: int | None
    start: dt.date
    end: dt.date
    source: str
    local_from: dt.date | None = None  # a Party term's first day for local committees (terms.toml)


@dataclass(frozen=True)
class Law:
    type: str
    name: str
    number: str | None
    date: dt.date | None
    source: str


@dataclass(frozen=True)
class Grammar:
    preamble_openers: tuple[str, ...]
    enacting_lines: tuple[str, ...]
    closing_openers: tuple[str, ...]
    appendix_openers: tuple[str, ...]
    title_openers: tuple[str, ...]
    title_openers_after_issuer: tuple[str, ...]
    title_stops: tuple[str, ...]
    authority_lines: tuple[str, ...]
    page_trailers: tuple[str, ...]
    level_words: tuple[str, ...]
    not_place_words: tuple[str, ...]
    open_issuer_heads: tuple[str, ...]
    company_forms: tuple[str, ...]
    part_bodies: tuple[str, ...]
    not_a_document: tuple[str, ...]
    standard_prefixes: tuple[str, ...]
    law_name_stops: tuple[str, ...]
    amending_law_name_words: tuple[str, ...]
    name_abbreviations: tuple[tuple[str, str], ...]  # (abbreviation, what it stands for)


class Knowledge:
    """Indexed view of the data files."""

    def __init__(
        self,
        types: list[DocType],
        issuers: list[Issuer],
        legislatures: list[Term],
        party_terms: list[Term],
        local_party_levels: frozenset[str],
        laws: list[Law],
        grammar: Grammar,
    ) -> None:
        self.types = types
        self.issuers = issuers
        self.legislatures = legislatures
        self.party_terms = party_terms
        self.local_party_levels = local_party_levels
        self._party_term_starts = _successive_starts(party_terms)
        self.laws = laws
        self.grammar = grammar
        self.type_by_name = {t.name: t for t in types}
        self.type_by_word = self._index_words(types)
        self.type_by_bare_word = {strip_marks(word): t for word, t in self.type_by_word.items()}
        self.state_type_by_code = self._index_codes(types, "state_codes")
        self.party_type_by_code = self._index_codes(types, "party_codes")
        self.issuer_by_code = {i.code: i for i in issuers}
        self.issuer_by_code_upper = {i.code.upper(): i for i in issuers}
        self.laws_by_name = self._index_laws(laws)
        self._canonical: dict[str, str] = {}

    @staticmethod
    def _index_words(types: list[DocType]) -> dict[str, DocType]:
        index: dict[str, DocType] = {}
        for doc_type in types:
            for word in (doc_type.name, *doc_type.words):
                index.setdefault(fold(word), doc_type)
        return index

    @staticmethod
    def _index_codes(types: list[DocType], field: str) -> dict[str, DocType]:
        index: dict[str, DocType] = {}
        for doc_type in types:
            for code in getattr(doc_type, field):
                index.setdefault(code, doc_type)
        return index

    @staticmethod
    def _index_laws(laws: list[Law]) -> dict[str, list[Law]]:
        index: dict[str, list[Law]] = {}
        for law in laws:
            index.setdefault(fold(f"{law.type} {law.name}"), []).append(law)
        return index

    def type_words(self) -> list[str]:
        """Every type name and word, longest first so that `Nghị quyết liên tịch` wins."""
        words = {w for t in self.types for w in (t.name, *t.words)}
        return sorted(words, key=lambda w: (-len(w), w))

    def shorthands(self) -> list[str]:
        words = {s for t in self.types for s in t.shorthands}
        return sorted(words, key=lambda w: (-len(w), w))

    def canonical_code(self, code: str) -> str:
        """The spelling of a known code (`TTG` -> `TTg`); unknown codes are returned as written."""
        known = self._canonical.get(code)
        if known is None:
            known = self._canonical[code] = self._spell(code)
        return known

    def _spell(self, code: str) -> str:
        if code in self.issuer_by_code or code in self.state_type_by_code or code in self.party_type_by_code:
            return code
        upper = code.upper()
        for known in (*self.state_type_by_code, *self.party_type_by_code):
            if known.upper() == upper:
                return known
        issuer = self.issuer_by_code_upper.get(upper)
        if issuer:
            return issuer.code
        legislature = _split_legislature(upper)
        if legislature:
            return f"{legislature[0]}{legislature[1]}"
        return code

    def legislature_code(self, code: str) -> tuple[str, int] | None:
        """(`QH`|`UBTVQH`, khóa) for codes such as `QH15`, `UBTVQH14`."""
        return _split_legislature(code.upper())

    def legislature(self, number: int) -> Term | None:
        return next((t for t in self.legislatures if t.number == number), None)

    def party_term_on(self, day: dt.date, issuer_code: str | None = None) -> Term | None:
        """The Party term that `day` falls in, for a document of the committee `issuer_code`. The terms follow
        one another, so only the last one to start by that day can hold it: one search rather than a walk
        comparing the day with every term (resolve asks this for most Party numbers; measured 11,000
        instructions a day of the latest term, against 3,000). A local committee's term starts at its own
        congress: from the coming term's `local_from`, its documents belong to that term."""
        index = bisect.bisect_right(self._party_term_starts, day) - 1
        coming = self.party_terms[index + 1] if index + 1 < len(self.party_terms) else None
        if coming and coming.local_from and day >= coming.local_from and self._numbers_locally(issuer_code):
            return coming
        if index >= 0 and day <= self.party_terms[index].end:
            return self.party_terms[index]
        return None

    def _numbers_locally(self, issuer_code: str | None) -> bool:
        """Whether the Party body `issuer_code` holds its own congress below the centre (terms.toml)."""
        issuer = self.issuer_by_code.get(issuer_code or "")
        return issuer is not None and issuer.level in self.local_party_levels

    def party_term(self, roman: str) -> Term | None:
        return next((t for t in self.party_terms if t.roman == roman.upper()), None)

    def find_laws(self, type_name: str, name: str) -> list[Law]:
        return self.laws_by_name.get(fold(f"{type_name} {name}"), [])


def _successive_starts(terms: list[Term]) -> list[dt.date]:
    """The terms' first days, once checked that each term starts after the one before it ends."""
    for earlier, later in itertools.pairwise(terms):
        if later.start <= earlier.end:
            raise ValueError(f"term {later.roman} starts before term {earlier.roman} ends")
    return [term.start for term in terms]


def _split_legislature(upper_code: str) -> tuple[str, int] | None:
    for prefix in ("UBTVQH", "QH"):
        rest = upper_code[len(prefix):]
        if upper_code.startswith(prefix) and rest.isdigit() and 1 <= len(rest) <= 2:
            return prefix, int(rest)
    return None


def data_text(name: str) -> str:
    """A data file of the package, as text; importlib.resources is imported only when one is read."""
    from importlib import resources

    return resources.files("citegraph").joinpath("data", name).read_text(encoding="utf-8")


def data_toml(name: str) -> dict[str, Any]:
    """A TOML data file of the package, parsed; tomllib is imported only when the data cache misses."""
    import tomllib

    return tomllib.loads(data_text(name))


def _data_rows(name: str) -> list[dict[str, str]]:
    """A CSV data file's rows; csv too is imported only when the data cache misses."""
    import csv

    return list(csv.DictReader(data_text(name).splitlines()))


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value)
    return None


def _clean_tuple(values: object) -> tuple[str, ...]:
    return tuple(clean(v) for v in (values or ()))  # type: ignore[union-attr]


def _load_types() -> list[DocType]:
    rows = data_toml("doc_types.toml")["type"]
    return [
        DocType(
            name=clean(row["name"]),
            words=_clean_tuple(row.get("words")),
            shorthands=_clean_tuple(row.get("shorthands")),
            state_codes=_clean_tuple(row.get("state")),
            party_codes=_clean_tuple(row.get("party")),
            normative=row["normative"],
            by_name=row.get("by_name", False),
            source=row["source"],
        )
        for row in rows
    ]


def _load_issuers() -> list[Issuer]:
    return [
        Issuer(
            code=clean(row["code"]),
            family=row["family"],
            level=row["level"],
            name=clean(row["name"]),
            aliases=tuple(clean(a) for a in row["aliases"].split("|") if a),
            valid_from=_date(row["valid_from"]),
            valid_to=_date(row["valid_to"]),
            source=row["source"],
        )
        for row in _data_rows("issuers.csv")
    ]


def _load_terms() -> tuple[list[Term], list[Term], frozenset[str]]:
    """The legislatures, the Party terms, and the levels of Party committees that hold their own congresses."""
    data = data_toml("terms.toml")
    legislatures = [
        Term(r["roman"], r["number"], _date(r["start"]), _date(r["end"]), r["source"])  # type: ignore[arg-type]
        for r in data["legislature"]
    ]
    party = [
        Term(
            r["roman"], None, _date(r["start"]), _date(r["end"]), r["source"],  # type: ignore[arg-type]
            _date(r["local_from"]) if "local_from" in r else None,  # type: ignore[arg-type]
        )
        for r in data["party_term"]
    ]
    return legislatures, party, frozenset(data["local_party_levels"])  # type: ignore[arg-type]


def _load_laws() -> list[Law]:
    return [
        Law(
            type=clean(row["type"]),
            name=clean(row["name"]),
            number=row["number"] or None,
            date=_date(row["date"]),
            source=row["source"],
        )
        for row in _data_rows("laws.csv")
    ]


def _load_grammar() -> Grammar:
    data = data_toml("grammar.toml")
    abbreviations = data.pop("name_abbreviations")
    return Grammar(
        **{key: _clean_tuple(values) for key, values in data.items()},
        name_abbreviations=tuple(
            (clean(short), clean(long)) for short, long in abbreviations.items()  # type: ignore[union-attr]
        ),
    )


# The files a Knowledge is built from: the data, and the code that cleans and indexes it.
_DATA_FILES = ("doc_types.toml", "issuers.csv", "terms.toml", "laws.csv", "grammar.toml")
_CODE_FILES = ("knowledge.py", "normalise.py")


@cache
def load() -> Knowledge:
    """The knowledge base, read once per process, from the data cache while its files are unchanged."""
    sources = [*map(package_file, _CODE_FILES), *(package_file("data", name) for name in _DATA_FILES)]
    return cached("knowledge", sources, _build)


def _build() -> Knowledge:
    legislatures, party_terms, local_party_levels = _load_terms()
    return Knowledge(
        _load_types(), _load_issuers(), legislatures, party_terms, local_party_levels, _load_laws(), _load_grammar()
    )
