"""The graph as RDF in the European Legislation Identifier ontology, for triple stores.

    document      eli:LegalResource: eli:id_local (the number), eli:type_document, eli:date_document,
                  eli:passed_by, eli:title, eli:based_on (preamble bases), cg:key, cg:source (input files)
    plan item     eli:LegalResourceSubdivision: eli:is_part_of (its document and parent item), eli:number
                  (`II.3`), dct:title, eli:cites (each document it cites)
    mention       oa:Annotation + cg:Citation: oa:hasBody (the cited document), a text-position and a
                  text-quote selector on the citing text, cg:inItem, cg:role
    issuer        org:Organization: skos:prefLabel, org:subOrganizationOf, org:classification (level)

Every IRI is the base plus the node's path (iri.py), no blank nodes, and triples are written in sorted order,
so the same input gives byte-identical output in every run. TriG puts each input document's own triples
(its description, items and mentions) in the named graph `{base}/graph/{document path}`.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import networkx as nx
from rdflib import RDF, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, SKOS
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.term import Node

from . import iri
from .graph import (
    BASED_ON,
    CITES,
    DOCUMENT,
    ISSUED_BY,
    ITEM,
    ORGANISATION,
    PART_OF,
    document_of,
)

ELI = Namespace("http://data.europa.eu/eli/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
CG = Namespace(iri.settings().namespace)
PREFIXES = {"eli": ELI, "oa": OA, "org": ORG, "skos": SKOS, "dct": DCTERMS, "xsd": XSD, "cg": CG}
FORMATS = {"turtle": "turtle", "nt": "nt", "xml": "xml", "jsonld": "json-ld", "trig": "trig"}

# `rests-on` as one SPARQL property path (fast in rdflib and Oxigraph, rdf-and-stores.md §2.4): every item,
# or document for a mention outside the items, that cites the document, or with `*` a document whose
# preamble bases lead to it. Fill in `path` ("" or "/eli:based_on*") and the document's IRI.
RESTS_ON_SPARQL = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT DISTINCT ?citing WHERE {{ ?citing eli:cites{path} <{document}> }}"""

Quad = tuple[URIRef, URIRef, Node, URIRef | None]
_RELATIONS = {BASED_ON: ELI.based_on, ISSUED_BY: ELI.passed_by, PART_OF: ELI.is_part_of}


def serialise(graph: nx.MultiDiGraph, output_format: str, base: str | None = None) -> str:
    """The graph in `output_format` (a key of FORMATS), byte-identical for the same graph."""
    base = (base or iri.settings().default_base).rstrip("/")
    quads = sorted(set(_quads(graph, base)), key=lambda q: (str(q[3] or ""), q[0], q[1], q[2]))
    if output_format == "trig":
        return _trig(quads)
    rdf = Graph(store="SimpleMemory")
    _bind(rdf)
    for subject, predicate, value, _ in quads:
        rdf.add((subject, predicate, value))
    if output_format == "jsonld":
        return _sorted_jsonld(rdf.serialize(format="json-ld", context=_context(), auto_compact=True))
    text = rdf.serialize(format=FORMATS[output_format])
    if output_format == "nt":
        return "".join(sorted(text.splitlines(keepends=True)))
    return text


def _bind(rdf: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace, override=True, replace=True)


def _context() -> dict[str, str]:
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _sorted_jsonld(text: str) -> str:
    """rdflib orders JSON-LD nodes by hash; sort them (and every unordered value list) by content."""
    return json.dumps(_sort_json(json.loads(text)), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _sort_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _sort_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((_sort_json(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    return value


class _SortedTrigSerializer(TrigSerializer):
    """rdflib's TriG writer takes the named graphs in hash order; write them in IRI order."""

    def __init__(self, store: Dataset) -> None:
        super().__init__(store)
        self.contexts.sort(key=lambda context: str(context.identifier))


def _trig(quads: list[Quad]) -> str:
    dataset = Dataset()
    _bind(dataset)
    for subject, predicate, value, context in quads:
        target = dataset.graph(context) if context else dataset.default_graph
        target.add((subject, predicate, value))
    stream = io.BytesIO()
    _SortedTrigSerializer(dataset).serialize(stream, encoding="utf-8")
    return stream.getvalue().decode("utf-8")


# --- triples -----------------------------------------------------------------------------------------

def _quads(graph: nx.MultiDiGraph, base: str) -> Iterator[Quad]:
    def node(path: str) -> URIRef:
        return URIRef(f"{base}/{path}")

    def named_graph(document: str) -> URIRef | None:
        return node(f"graph/{document}") if graph.nodes[document]["input"] else None

    for path, data in graph.nodes(data=True):
        if data["kind"] == DOCUMENT:
            yield from _document(node(path), data, base, named_graph(path))
        elif data["kind"] == ITEM:
            yield from _item(node(path), data, named_graph(data["document"]))
        elif data["kind"] == ORGANISATION:
            yield from _organisation(node(path), data, base)
    for source, target, data in graph.edges(data=True):
        subject, value, kind = node(source), node(target), data["kind"]
        if graph.nodes[source]["kind"] == ORGANISATION:
            yield subject, ORG.subOrganizationOf, value, None
            continue
        context = named_graph(document_of(graph, source))
        if kind == CITES:
            yield subject, ELI.cites, value, context
            yield from _annotation(graph, source, value, data, base, context)
        else:
            yield subject, _RELATIONS[kind], value, context



def _document(subject: URIRef, data: dict, base: str, context: URIRef | None) -> Iterator[Quad]:
    yield subject, RDF.type, ELI.LegalResource, context
    if data["number"]:
        yield subject, ELI.id_local, Literal(data["number"]), context
    if data["key"]:
        yield subject, CG.key, Literal(data["key"]), context
    if data["type"]:
        concept = URIRef(f"{base}/vocab/loai-van-ban/{iri.slug(data['type'])}")
        yield subject, ELI.type_document, concept, context
        yield from _concept(concept, data["type"])
    if data["date"]:
        yield subject, ELI.date_document, Literal(data["date"], datatype=XSD.date), context
    if data["title"]:
        yield subject, ELI.title, Literal(data["title"], lang="vi"), context
    if data["name"] and not data["number"]:
        yield subject, ELI.title_short, Literal(f"{data['type']} {data['name']}", lang="vi"), context
    if data["input"]:
        expression = URIRef(f"{subject}/vie")
        yield subject, CG.source, Literal(data["source"]), context
        yield subject, ELI.is_realized_by, expression, context
        yield expression, RDF.type, ELI.LegalExpression, context
        yield expression, ELI.realizes, subject, context


def _item(subject: URIRef, data: dict, context: URIRef | None) -> Iterator[Quad]:
    yield subject, RDF.type, ELI.LegalResourceSubdivision, context
    yield subject, ELI.number, Literal(data["label"]), context
    if data["title"]:
        yield subject, DCTERMS.title, Literal(data["title"], lang="vi"), context


def _concept(concept: URIRef, label: str) -> Iterator[Quad]:
    """A term of one of citegraph's code lists (`{base}/vocab/loai-van-ban`, `{base}/vocab/cap`)."""
    yield concept, RDF.type, SKOS.Concept, None
    yield concept, SKOS.prefLabel, Literal(label), None
    yield concept, SKOS.inScheme, URIRef(str(concept).rsplit("/", 1)[0]), None


def _organisation(subject: URIRef, data: dict, base: str) -> Iterator[Quad]:
    yield subject, RDF.type, ORG.Organization, None
    yield subject, RDF.type, ELI.Organization, None
    yield subject, SKOS.prefLabel, Literal(data["label"], lang="vi"), None
    level = URIRef(f"{base}/vocab/cap/{data['tier']}")
    yield subject, ORG.classification, level, None
    yield from _concept(level, data["tier"])
    if data["code"]:
        yield subject, ORG.identifier, Literal(data["code"]), None
    if data["relative"]:
        yield subject, CG.relative, Literal(True), None


def _annotation(
    graph: nx.MultiDiGraph, citing: str, cited: URIRef, edge: dict, base: str, context: URIRef | None
) -> Iterator[Quad]:
    """One mention: where exactly it stands and what it says, for provenance rather than traversal."""
    document = document_of(graph, citing)
    annotation = URIRef(f"{base}/{iri.citation_path(document, edge['start'], edge['end'])}")
    target, position, quote = (URIRef(f"{annotation}/{part}") for part in ("target", "position", "quote"))
    yield annotation, RDF.type, OA.Annotation, context
    yield annotation, RDF.type, CG.Citation, context
    yield annotation, OA.motivatedBy, OA.linking, context
    yield annotation, OA.hasBody, cited, context
    yield annotation, OA.hasTarget, target, context
    yield annotation, CG.role, Literal(edge["role"]), context
    if graph.nodes[citing]["kind"] == ITEM:
        yield annotation, CG.inItem, URIRef(f"{base}/{citing}"), context
    if edge["pinpoint"]:
        yield annotation, CG.pinpoint, Literal(edge["pinpoint"]), context
    for code in filter(None, edge["flags"].split(",")):
        yield annotation, CG.flag, Literal(code), context
    yield target, RDF.type, OA.SpecificResource, context
    yield target, OA.hasSource, URIRef(f"{base}/{document}/vie"), context
    yield target, OA.hasSelector, position, context
    yield target, OA.hasSelector, quote, context
    yield position, RDF.type, OA.TextPositionSelector, context
    yield position, OA.start, Literal(edge["start"], datatype=XSD.nonNegativeInteger), context
    yield position, OA.end, Literal(edge["end"], datatype=XSD.nonNegativeInteger), context
    yield quote, RDF.type, OA.TextQuoteSelector, context
    yield quote, OA.exact, Literal(edge["text"]), context
