"""Who issued a document, resolved from the citing document's own context.

A citation names its issuer as the text has it. In a plan of xã Phan that names huyện Dương Minh Châu and
tỉnh Tây Ninh, "UBND huyện" is the UBND of huyện Dương Minh Châu and "UBND tỉnh" that of tỉnh Tây Ninh.
Where the text does not say (it names no huyện, or two), the organisation stays relative to the citing
document and is marked so, rather than guessed. Levels, central cities and the hierarchy of bodies come
from citegraph/data/organisations.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import iri
from .extract import Location, alias_at, locations, patterns
from .knowledge import Issuer, Knowledge, data_text, fold, load
from .models import Citation, DocumentHeader, DocumentNumber
from .normalise import normalise

LEVELS = ("province", "district", "commune")  # highest first
CENTRAL_LEVELS = frozenset({"central", "ministry", "party-central"})
PARTY_LEVELS = {"party-province": "province", "party-district": "district", "party-commune": "commune"}


@dataclass(frozen=True)
class Unit:
    """An administrative unit a text names: `huyện Dương Minh Châu`."""

    level: str
    word: str
    name: str

    @property
    def segment(self) -> str:
        return iri.place_segment(self.word, self.name)

    def __str__(self) -> str:
        return f"{self.word} {self.name}"


@dataclass(frozen=True)
class Organisation:
    """An issuing body; `relative` when the text leaves its place open (then `path` names the citing document)."""

    path: str
    label: str
    code: str | None
    tier: str  # party, central, province, district, commune or unknown
    units: tuple[Unit, ...] = ()
    relative: bool = False
    parent: Organisation | None = None


@dataclass(frozen=True)
class PlaceContext:
    """The units one document names unambiguously, one per level at most, and the document's own unit."""

    units: tuple[Unit, ...]
    own: Unit | None
    anchor: str  # names the document in the paths of organisations it leaves relative

    def at(self, level: str) -> Unit | None:
        return next((unit for unit in self.units if unit.level == level), None)

    def chain(self, unit: Unit) -> tuple[Unit, ...]:
        """`unit` with the units the document names above it: a named unit lies within them."""
        above = LEVELS[: LEVELS.index(unit.level)]
        return (*(u for u in self.units if u.level in above), unit)


@dataclass(frozen=True)
class Chain:
    """The bodies that lead each level of one hierarchy (State: UBND ... CP; Party: Đảng ủy ... TW)."""

    levels: dict[str, tuple[str, ...]]
    central: str


@dataclass(frozen=True)
class Hierarchy:
    """citegraph/data/organisations.toml."""

    levels: dict[str, str]
    central_cities: frozenset[str]
    chains: tuple[Chain, ...]
    part_of: dict[str, str]
    ministry_parent: str
    issuer_by_type: dict[str, str]


@cache
def hierarchy() -> Hierarchy:
    text = data_text("organisations.toml")
    data = tomllib.loads(text)
    return Hierarchy(
        levels=dict(data["levels"]),
        central_cities=frozenset(fold(city) for city in data["central_cities"]),
        chains=tuple(
            Chain({level: tuple(chain[level]) for level in LEVELS}, chain["central"])
            for chain in data["chains"].values()
        ),
        part_of=dict(data["part_of"]),
        ministry_parent=data["ministry_parent"],
        issuer_by_type=dict(data["issuer_by_type"]),
    )


class Resolver:
    """Turns issuer codes and written issuers into organisations, within one document's context."""

    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self.knowledge = knowledge or load()
        self.hierarchy = hierarchy()
        self._patterns = patterns()
        words = sorted(self.hierarchy.levels, key=len, reverse=True)
        self._level_word = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, words))})(?![^\W\d_])")

    # --- context -----------------------------------------------------------------------------------

    def context(self, text: str, header: DocumentHeader, anchor: str) -> PlaceContext:
        """The units a document names: its own (from the header), else the only one named at a level."""
        named = self._named_units(normalise(text).text)
        own = self._own_unit(header, named)
        units = []
        for level in LEVELS:
            if own and own.level == level:
                units.append(own)
                continue
            at_level = {iri.slug(u.name): u for u in named if u.level == level}
            if len(at_level) == 1:
                units.append(next(iter(at_level.values())))
        return PlaceContext(tuple(units), own, anchor)

    def _named_units(self, text: str) -> list[Unit]:
        units = []
        for location in locations(text, self._patterns):
            if location.place:
                units.append(self._unit(location.level, location.place, None))
        return units

    def _unit(self, word: str, name: str, context: PlaceContext | None) -> Unit:
        word = word.casefold()
        level = self.hierarchy.levels[word]
        if word == "thành phố" and self._central_city(name, context):
            level = "province"
        return Unit(level, word, name)

    def _central_city(self, name: str | None, context: PlaceContext | None) -> bool:
        if name:
            return fold(name) in self.hierarchy.central_cities
        province = context.at("province") if context else None
        return bool(province and fold(province.name) in self.hierarchy.central_cities)

    def _own_unit(self, header: DocumentHeader, named: Sequence[Unit]) -> Unit | None:
        """The header's place: `ỦY BAN NHÂN DÂN TỈNH NGHỆ AN` / `Phan, ngày ...` with `xã Phan` in the text."""
        issuer = f" {fold(header.issuer or '')} "
        place = f" {fold(header.place or '')}"
        words = self._level_word.findall(issuer)
        own = [u for u in named if f" {fold(u.name)} " in issuer or place.endswith(f" {fold(u.name)}")]
        own.sort(key=lambda u: (not words or u.word != words[-1], LEVELS.index(u.level)))
        return own[0] if own else None

    # --- organisations -------------------------------------------------------------------------------

    def cited(
        self, citation: Citation, number: DocumentNumber | None, context: PlaceContext
    ) -> tuple[Organisation, ...]:
        """The issuers of a cited document: the codes of its `number`, else the issuer the text names."""
        codes = self._known_codes(number)
        if not codes and citation.issuer_code:
            codes = (citation.issuer_code,)
        if not codes and citation.family == "law" and citation.type in self.hierarchy.issuer_by_type:
            codes = (self.hierarchy.issuer_by_type[citation.type],)
        if codes:
            return tuple(self._coded(code, citation.issuer, context) for code in codes)
        if number and number.issuer_codes:
            return (self._unknown_code(number.issuer_codes[0], context),)
        if citation.issuer:
            return (self._named(citation.issuer, context),)
        return ()

    def own(
        self, header: DocumentHeader, number: DocumentNumber | None, context: PlaceContext
    ) -> tuple[Organisation, ...]:
        """The issuers of an input document, from its number's codes or the body its header names."""
        codes = self._known_codes(number)
        if not codes and header.issuer and (code := self._issuer_code_in(header.issuer)):
            codes = (code,)
        written = str(context.own) if context.own else None
        return tuple(self._coded(code, written, context) for code in codes)

    def _issuer_code_in(self, name: str) -> str | None:
        """The code of the first known issuer named in `name` (`ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG` -> UBND)."""
        for word in re.finditer(r"\S+", name):
            if found := alias_at(name, word.start(), self._patterns):
                return found[1]
        return None

    def _known_codes(self, number: DocumentNumber | None) -> tuple[str, ...]:
        """`QH15` -> `QH`; codes of units inside a body (`UBND-ĐT`) are not issuers and are left out."""
        if number is None:
            return ()
        codes = []
        for code in map(self.body_code, number.issuer_codes):
            if code in self.knowledge.issuer_by_code and code not in codes:
                codes.append(code)
        return tuple(codes)

    def body_code(self, code: str) -> str:
        """The body a number's code names: `QH15` -> `QH` (the legislature is not part of the issuer)."""
        legislature = self.knowledge.legislature_code(code)
        return legislature[0] if legislature else code

    def _coded(self, code: str, written: str | None, context: PlaceContext) -> Organisation:
        issuer = self.knowledge.issuer_by_code[code]
        if issuer.level in CENTRAL_LEVELS:
            return self._central(issuer)
        level = PARTY_LEVELS.get(issuer.level)
        named = self._written(written, context)
        if named and named.name and (level is None or named.level == level):
            return self._placed(issuer, context.chain(named))
        level = level or (named.level if named else None)
        placed = context.at(level) if level else None
        if placed:
            return self._placed(issuer, context.chain(placed))
        word = named.word if named and named.level == level else None
        return self._relative(issuer.code, issuer.name, level, word, context)

    def _central(self, issuer: Issuer) -> Organisation:
        parent_code = self.hierarchy.part_of.get(issuer.code)
        if parent_code is None and issuer.level == "ministry":
            parent_code = self.hierarchy.ministry_parent
        parent = self._central(self.knowledge.issuer_by_code[parent_code]) if parent_code else None
        tier = "party" if issuer.family == "party" else "central"
        return Organisation(iri.organisation_path(issuer.code), issuer.name, issuer.code, tier, parent=parent)

    def _placed(self, issuer: Issuer, units: tuple[Unit, ...]) -> Organisation:
        unit = units[-1]
        tier = "party" if issuer.family == "party" else unit.level
        path = iri.organisation_path(issuer.code, [u.segment for u in units])
        label = f"{issuer.name} {unit}"
        return Organisation(path, label, issuer.code, tier, units, parent=self._parent(issuer, units))

    def _parent(self, issuer: Issuer, units: tuple[Unit, ...]) -> Organisation | None:
        """The body this one is part of: `[part_of]` at the same place, else the chain's next level up."""
        knowledge = self.knowledge
        if same := self.hierarchy.part_of.get(issuer.code):
            return self._placed(knowledge.issuer_by_code[same], units)
        level = units[-1].level
        for chain in self.hierarchy.chains:
            if issuer.code not in chain.levels[level]:
                continue
            if len(units) > 1:
                return self._placed(knowledge.issuer_by_code[chain.levels[units[-2].level][0]], units[:-1])
            if level == "province":
                return self._central(knowledge.issuer_by_code[chain.central])
        return None

    def _relative(
        self, code: str, name: str, level: str | None, word: str | None, context: PlaceContext
    ) -> Organisation:
        """A body whose place the text leaves open: `UBND huyện` in a plan that names no huyện."""
        word = word or next((w for w, lv in self.hierarchy.levels.items() if lv == level), None)
        label = f"{name} {word} (không rõ tên)" if word else f"{name} (không rõ cấp)"
        path = iri.organisation_path(code, [iri.slug(word)] if word else [], relative_to=context.anchor)
        return Organisation(path, label, code, level or "unknown", relative=True)

    def _unknown_code(self, code: str, context: PlaceContext) -> Organisation:
        """A code the knowledge files do not list (`SCT`): kept, but its place is unknown."""
        path = iri.organisation_path(code, relative_to=context.anchor)
        return Organisation(path, code, code, "unknown", relative=True)

    def _named(self, written: str, context: PlaceContext) -> Organisation:
        """A body named without a code: `Sở Công Thương tỉnh Lào Cai`."""
        location = self._last_location(written)
        body = written[: location.start - 1].strip() if location else written.strip()
        named = self._written(written, context)
        if named and named.name:
            units = context.chain(named)
            path = iri.organisation_path(body, [u.segment for u in units])
            return Organisation(path, f"{body} {named}", None, named.level, units)
        level, word = (named.level, named.word) if named else (None, None)
        return self._relative(body, body, level, word, context)

    def _last_location(self, written: str | None) -> Location | None:
        """The place the issuer text names last: `UBND huyện Dương Minh Châu`, or only a level: `UBND huyện`."""
        found = list(locations(f" {written}", self._patterns)) if written else []
        return found[-1] if found else None

    def _written(self, written: str | None, context: PlaceContext) -> Unit | None:
        """That place as a unit; its name is empty when the text gives only the level."""
        location = self._last_location(written)
        if location is None:
            return None
        return self._unit(location.level, location.place or "", context)
