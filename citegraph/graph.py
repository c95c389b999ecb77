"""The knowledge graph of plan items and the documents they rest on, as a networkx MultiDiGraph.

Nodes are named by their IRI path (iri.py), so one document cited from many files is one node, and a cited
document that is itself among the inputs is that input's node: its own citations continue the chain
(commune plan -> district plan -> provincial plan -> decree). Every node has a `kind`:

    document      key, number, parts (DocumentNumber), name (a law's), type, date, year, title; input and
                  source for the files read
    item          label (`II.3`), title, source, document, start, end, line
    organisation  label, code, tier (party, central, province, district, commune, unknown), relative

    item --cites--> document              one edge per mention: source, start, end, line, text, role,
                                          pinpoint, flags and severity (checker findings on it)
    document --cites--> document          a mention outside every numbered item (a letter's running text)
    item --part_of--> item, document      every item is part of its document, and of its parent item
    document --based_on--> document       the preamble's bases of an input document
    document --issued_by--> organisation
    organisation --part_of--> organisation
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import networkx as nx

from . import iri
from .extract import NUMBER_RE, parse_number
from .knowledge import Knowledge, load
from .models import Citation, DocumentNumber, ExtractedDocument, PlanItem
from .normalise import LineIndex
from .organisations import Organisation, PlaceContext, Resolver

DOCUMENT, ITEM, ORGANISATION = "document", "item", "organisation"
CITES, PART_OF, BASED_ON, ISSUED_BY = "cites", "part_of", "based_on", "issued_by"


@dataclass(frozen=True)
class Flag:
    """A checker finding on a span of an input file; pictures colour the mentions it overlaps."""

    start: int
    end: int
    code: str
    severity: str  # error, warning or info, as the checker grades it


SEVERITIES = ("error", "warning", "info")


@dataclass
class _Input:
    """An input document while the graph is built: its node, context and items."""

    document: ExtractedDocument
    node: str
    context: PlaceContext
    issuers: tuple[Organisation, ...]
    items: dict[str, list[tuple[PlanItem, str]]] = field(default_factory=dict)


def build_graph(
    documents: Iterable[ExtractedDocument],
    flags: Mapping[str, Sequence[Flag]] | None = None,
    knowledge: Knowledge | None = None,
) -> nx.MultiDiGraph:
    """The graph of every input document, its items, the documents they cite and their issuers."""
    builder = _Builder(knowledge or load(), flags or {})
    inputs = [builder.add_input(document) for document in documents]
    for entry in inputs:
        builder.add_citations(entry)
    return builder.graph


def parsed_number(number: str | None, knowledge: Knowledge) -> DocumentNumber | None:
    """The parts of a printed number: an input's own header number, or a law's number found by its name
    (the extractor gives parts only for numbers written in the text)."""
    match = NUMBER_RE.fullmatch(number or "")
    return parse_number(match, knowledge) if match else None


def document_label(attributes: Mapping[str, object]) -> str:
    """What a reader calls a document: `Nghị định 59/2023/NĐ-CP`, `Luật Tiếp công dân`, or its file."""
    kind = attributes.get("type") or ""
    name = attributes.get("number") or attributes.get("name")
    if name:
        return f"{kind} {name}".strip()
    return f"{kind} ({attributes.get('source') or 'unnumbered'})".strip()


def issuers_of(graph: nx.MultiDiGraph, document: str) -> list[str]:
    """The organisations that issued a document (two for a joint number, none when the text does not say)."""
    return [target for _, target, data in graph.out_edges(document, data=True) if data["kind"] == ISSUED_BY]


def document_of(graph: nx.MultiDiGraph, node: str) -> str:
    """The document an item belongs to; a document is its own."""
    data = graph.nodes[node]
    return data["document"] if data["kind"] == ITEM else node


_DOCUMENT_FIELDS: dict[str, object] = dict.fromkeys(
    ("source", "key", "number", "parts", "name", "type", "date", "year", "title")
) | {"input": False}


class _Builder:
    def __init__(self, knowledge: Knowledge, flags: Mapping[str, Sequence[Flag]]) -> None:
        self.knowledge = knowledge
        self.flags = flags
        self.resolver = Resolver(knowledge)
        self.graph = nx.MultiDiGraph()
        self.by_key: dict[str, list[_Input]] = {}
        self.edges: set[tuple[str, str, str]] = set()

    # --- input documents ---------------------------------------------------------------------------

    def add_input(self, document: ExtractedDocument) -> _Input:
        header = document.header
        anchor = iri.content_hash(document.text)
        context = self.resolver.context(document.text, header, anchor)
        number = parsed_number(header.number, self.knowledge)
        issuers = self.resolver.own(header, number, context)
        if header.key and number:
            node = self._numbered_path(header.key, number, issuers, anchor)
        else:
            node = iri.unnumbered_path(self._type_code(header.type), header.year, document.text)
        entry = _Input(document, node, context, issuers)
        self._add_document(node, input=True, source=document.source, key=header.key, number=header.number,
                           parts=number, type=header.type, date=header.date, year=header.year, title=header.title)
        self._add_issuers(node, issuers)
        self._add_items(entry)
        if header.key:
            self.by_key.setdefault(header.key, []).append(entry)
        return entry

    def _type_code(self, type_name: str | None) -> str | None:
        doc_type = self.knowledge.type_by_name.get(type_name or "")
        codes = (doc_type.state_codes or doc_type.party_codes) if doc_type else ()
        return codes[0] if codes else None

    def _add_items(self, entry: _Input) -> None:
        lines = LineIndex(entry.document.text)
        last: dict[str, str] = {}
        for item in entry.document.items:
            occurrences = entry.items.setdefault(item.label, [])
            node = iri.item_path(entry.node, item.label, len(occurrences) + 1)
            occurrences.append((item, node))
            self.graph.add_node(node, kind=ITEM, label=item.label, title=item.title, source=entry.document.source,
                                document=entry.node, start=item.start, end=item.end,
                                line=lines.position(item.start)[0])
            self._add_edge(node, entry.node, PART_OF)
            if item.parent in last:
                self._add_edge(node, last[item.parent], PART_OF)
            last[item.label] = node

    # --- citations ---------------------------------------------------------------------------------

    def add_citations(self, entry: _Input) -> None:
        source = entry.document.source
        numbers = [c.number_parts or parsed_number(c.number, self.knowledge) for c in entry.document.citations]
        issuers = self._issuers_by_key(entry, numbers)
        for citation, number in zip(entry.document.citations, numbers, strict=True):
            cited = self._cited_node(citation, number, issuers[citation.key], entry.context.anchor)
            self._add_document(cited, key=citation.key, number=citation.number, parts=number, name=citation.name,
                               type=citation.type, date=citation.date, year=_year(citation, number),
                               title=citation.title)
            self._add_issuers(cited, issuers[citation.key])
            citing = self._item_node(entry, citation)
            self.graph.add_edge(citing, cited, kind=CITES, source=source, start=citation.start, end=citation.end,
                                line=citation.line, text=citation.text, role=citation.role,
                                pinpoint=citation.pinpoint, **self._flags(source, citation))
            if citation.role == "basis":
                self._add_edge(entry.node, cited, BASED_ON, line=citation.line)

    def _issuers_by_key(
        self, entry: _Input, numbers: list[DocumentNumber | None]
    ) -> dict[str, tuple[Organisation, ...]]:
        """One issuer per document in a file: a later "UBND tỉnh Lào Cai" places an earlier bare mention
        of the same key, so that both mentions are one node; the first placed reading wins."""
        found: dict[str, tuple[Organisation, ...]] = {}
        for citation, number in zip(entry.document.citations, numbers, strict=True):
            issuers = self.resolver.cited(citation, number, entry.context)
            known = found.get(citation.key)
            if known is None or (_relative(known) and not _relative(issuers)):
                found[citation.key] = issuers
        return found

    def _cited_node(
        self, citation: Citation, number: DocumentNumber | None, issuers: tuple[Organisation, ...], anchor: str
    ) -> str:
        """An input document with this key and a matching issuer, else the node minted from the citation."""
        for entry in self.by_key.get(citation.key, ()):
            if _same_place(issuers, entry.issuers):
                return entry.node
        if number is None:
            return iri.named_document_path(citation.key)
        return self._numbered_path(citation.key, number, issuers, anchor)

    def _numbered_path(self, key: str, number: DocumentNumber, issuers: tuple[Organisation, ...], anchor: str) -> str:
        local = next((o for o in issuers if o.units or o.relative), None)
        relative = not number.issuer_codes or (local is not None and local.relative)
        place = [u.segment for u in local.units] if local and not relative else []
        codes = [self.resolver.body_code(code) for code in number.issuer_codes]
        return iri.document_path(number, key, codes, place, anchor if relative else None)

    def _item_node(self, entry: _Input, citation: Citation) -> str:
        """The item a mention stands in (the innermost with that label around it), else the document."""
        candidates = entry.items.get(citation.item or "", [])
        for item, node in reversed(candidates):
            if item.start <= citation.start < item.end:
                return node
        return candidates[0][1] if candidates else entry.node

    def _flags(self, source: str, citation: Citation) -> dict[str, str]:
        """`flags`: the codes of the findings on or right next to the mention (a stray closing quote after
        its title); `severity`: the gravest of them, or ""."""
        found = [f for f in self.flags.get(source, ()) if f.start <= citation.end and citation.start <= f.end]
        severity = min((f.severity for f in found), key=SEVERITIES.index, default="")
        return {"flags": ",".join(sorted({f.code for f in found})), "severity": severity}

    # --- nodes and edges ---------------------------------------------------------------------------

    def _add_document(self, node: str, **attributes: object) -> None:
        """Add a document, or fill in what earlier mentions left unknown (the header always wins)."""
        if node not in self.graph:
            self.graph.add_node(node, kind=DOCUMENT, **{**_DOCUMENT_FIELDS, **attributes})
            return
        known = self.graph.nodes[node]
        for name, value in attributes.items():
            if known.get(name) is None and value is not None:
                known[name] = value

    def _add_issuers(self, document: str, issuers: tuple[Organisation, ...]) -> None:
        for organisation in issuers:
            self._add_organisation(organisation)
            self._add_edge(document, organisation.path, ISSUED_BY)

    def _add_organisation(self, organisation: Organisation) -> None:
        if organisation.path in self.graph:
            return
        self.graph.add_node(organisation.path, kind=ORGANISATION, label=organisation.label, code=organisation.code,
                            tier=organisation.tier, relative=organisation.relative)
        if organisation.parent:
            self._add_organisation(organisation.parent)
            self._add_edge(organisation.path, organisation.parent.path, PART_OF)

    def _add_edge(self, source: str, target: str, kind: str, **attributes: object) -> None:
        """Relations other than `cites` hold once, however often the text repeats them."""
        if (source, target, kind) not in self.edges:
            self.edges.add((source, target, kind))
            self.graph.add_edge(source, target, kind=kind, **attributes)


def _relative(issuers: Sequence[Organisation]) -> bool:
    return not issuers or any(o.relative for o in issuers)


def _same_place(cited: Sequence[Organisation], own: Sequence[Organisation]) -> bool:
    """Whether a citation's issuer can be the input document's: its place, if both say one, agrees."""
    cited_local = next((o for o in cited if o.units), None)
    own_local = next((o for o in own if o.units), None)
    if cited_local is None or own_local is None:
        return True
    mine, theirs = cited_local.units[-1], own_local.units[-1]
    return mine.level == theirs.level and iri.slug(mine.name) == iri.slug(theirs.name)


def _year(citation: Citation, number: DocumentNumber | None) -> int | None:
    if number and number.year:
        return number.year
    return dt.date.fromisoformat(citation.date).year if citation.date else citation.year
