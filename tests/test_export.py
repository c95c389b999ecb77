"""RDF export: ELI terms a triple store user relies on, stable IRIs, byte-identical output, SHACL validity of
every export, shapes that catch real defects, and `rests-on` answered through SPARQL exactly as networkx does."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from functools import cache
from importlib import resources

import networkx as nx
import pytest
from pyshacl import validate
from rdflib import RDF, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import ORG, SH, SKOS

from citegraph.cli import EXPORT_FORMATS
from citegraph.export import CG, ELI, FORMATS, RESTS_ON_SPARQL, serialise
from citegraph.graph import DOCUMENT
from citegraph.query import find_documents, items_resting_on

from .conftest import CORPUS, ROOT, SEED
from .test_graph import PARTY_CHAIN, SEED_PLAN, graph_of, seed_graph

BASE = "https://citegraph.example"
OA = Namespace("http://www.w3.org/ns/oa#")
SHAPES = Graph().parse(data=resources.files("citegraph").joinpath("data", "shapes.ttl").read_text("utf-8"), format="turtle")


@cache
def exported(paths: tuple[str, ...], output_format: str = "turtle") -> str:
    return serialise(graph_of(*paths), output_format)


def parsed(text: str, output_format: str) -> Graph:
    if output_format == "trig":
        union = Graph()
        for context in Dataset().parse(data=text, format="trig").graphs():
            union += context
        return union
    return Graph().parse(data=text, format=FORMATS[output_format])


def seed_rdf() -> Graph:
    return parsed(exported((str(SEED),)), "turtle")


def results(rdf: Graph) -> list[tuple[URIRef, str]]:
    """(severity, message) of every SHACL result."""
    _, report, _ = validate(rdf, shacl_graph=SHAPES, inference="none", allow_warnings=True)
    return sorted(
        (report.value(result, SH.resultSeverity), str(report.value(result, SH.resultMessage)))
        for result in report.objects(None, SH.result)
    )


def violations(rdf: Graph) -> list[str]:
    return [message for severity, message in results(rdf) if severity == SH.Violation]


def node(path: str) -> URIRef:
    return URIRef(f"{BASE}/{path}")


# --- validity ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_every_format_of_the_seed_parses_back_to_the_same_triples_and_validates(output_format: str) -> None:
    rdf = parsed(exported((str(SEED),), output_format), output_format)
    assert set(rdf) == set(seed_rdf())
    assert violations(rdf) == []


def test_the_only_warning_on_the_seed_is_its_own_unknown_issuer() -> None:
    """The unsigned plan's header leaves `Số: /KH-UBND` blank and names no issuer line."""
    _, report, _ = validate(seed_rdf(), shacl_graph=SHAPES, inference="none", allow_warnings=True)
    warnings = [report.value(r, SH.focusNode) for r in report.objects(None, SH.result)
                if report.value(r, SH.resultSeverity) == SH.Warning]
    assert warnings == [node(SEED_PLAN)]


def test_the_export_of_the_whole_corpus_validates() -> None:
    paths = (str(SEED), *sorted(str(p) for p in CORPUS.glob("real/*.txt")))
    rdf = parsed(exported(paths), "turtle")
    assert len(rdf) > 15000
    assert violations(rdf) == []


def _drop_item_cites(rdf: Graph) -> None:
    rdf.remove((node(f"{SEED_PLAN}/iii/3"), ELI.cites, node("eli/vn/cp/nd/2023/59")))


def _stretch_a_span(rdf: Graph) -> None:
    position = next(rdf.subjects(RDF.type, OA.TextPositionSelector))
    end = rdf.value(position, OA.end)
    rdf.set((position, OA.end, Literal(int(end) + 1, datatype=XSD.nonNegativeInteger)))


def _second_document(rdf: Graph) -> None:
    rdf.add((node(f"{SEED_PLAN}/ii/3"), ELI.is_part_of, node("eli/vn/cp/nd/2023/59")))


def _cycle(rdf: Graph) -> None:
    rdf.add((node("org/cp"), ORG.subOrganizationOf, node("org/ttg")))


def _bad_number(rdf: Graph) -> None:
    rdf.set((node("eli/vn/cp/nd/2023/59"), ELI.id_local, Literal("Nghị định năm 2023")))


def _lost_basis(rdf: Graph) -> None:
    rdf.remove((node(SEED_PLAN), ELI.based_on, None))


@pytest.mark.parametrize(
    ("defect", "message"),
    [
        (_drop_item_cites, "the item a mention stands in cites what it mentions"),
        (_stretch_a_span, "the quoted text is exactly as long as its span"),
        (_second_document, "an item is part of exactly one document"),
        (_cycle, "an organisation is not part of itself"),
        (_bad_number, "a document number is an ordinal followed by its codes (59/2023/NĐ-CP, 23-QĐ/TW)"),
        (_lost_basis, "a basis in the preamble makes its document based on the cited one"),
    ],
)
def test_the_shapes_catch_each_injected_defect(defect, message: str) -> None:
    rdf = seed_rdf()
    defect(rdf)
    assert message in violations(rdf)


def test_a_cited_document_without_its_issuer_is_a_warning_not_a_violation() -> None:
    rdf = seed_rdf()
    rdf.remove((node("eli/vn/cp/nd/2023/59"), ELI.passed_by, None))
    found = results(rdf)
    assert (SH.Warning, "the text does not say who issued this document") in found
    assert violations(rdf) == []


# --- what a triple-store user relies on -----------------------------------------------------------------

def test_the_decree_and_an_item_in_eli_terms() -> None:
    rdf = seed_rdf()
    decree, item = node("eli/vn/cp/nd/2023/59"), node(f"{SEED_PLAN}/ii/3")
    assert (decree, RDF.type, ELI.LegalResource) in rdf
    assert rdf.value(decree, ELI.id_local) == Literal("59/2023/NĐ-CP")
    assert rdf.value(decree, ELI.date_document) == Literal("2023-08-14", datatype=XSD.date)
    assert rdf.value(decree, ELI.passed_by) == node("org/cp")
    assert rdf.value(rdf.value(decree, ELI.type_document), SKOS.prefLabel) == Literal("Nghị định")
    assert str(rdf.value(decree, ELI.title)).startswith("quy định chi tiết một số điều của Luật")
    assert (item, RDF.type, ELI.LegalResourceSubdivision) in rdf
    assert rdf.value(item, ELI.number) == Literal("II.3")
    assert set(rdf.objects(item, ELI.is_part_of)) == {node(SEED_PLAN), node(f"{SEED_PLAN}/ii")}
    assert (item, ELI.cites, decree) in rdf
    assert set(rdf.objects(node(SEED_PLAN), ELI.based_on)) == {
        node("eli/vn/tinh-tay-ninh/huyen-duong-minh-chau/ubnd/kh/2024/85"),
        node("eli/vn/tinh-tay-ninh/huyen-duong-minh-chau/bdvhu-ubnd/ctr/xiii/30"),
    }
    assert rdf.value(node("org/tinh-tay-ninh/huyen-duong-minh-chau/ubnd"), ORG.subOrganizationOf) == node("org/tinh-tay-ninh/ubnd")


def test_each_mention_is_an_annotation_quoting_exactly_its_span_of_the_text() -> None:
    rdf, text = seed_rdf(), SEED.read_text(encoding="utf-8")
    mentions = list(rdf.subjects(RDF.type, CG.Citation))
    assert len(mentions) == 37
    for mention in mentions:
        target = rdf.value(mention, OA.hasTarget)
        selectors = list(rdf.objects(target, OA.hasSelector))
        position = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in rdf)
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in rdf)
        start, end = int(rdf.value(position, OA.start)), int(rdf.value(position, OA.end))
        assert str(rdf.value(quote, OA.exact)) == text[start:end]
        assert str(mention) == f"{BASE}/{SEED_PLAN}/vie/cite/{start}-{end}"


def test_trig_keeps_each_input_in_its_own_named_graph() -> None:
    dataset = Dataset().parse(data=exported(tuple(PARTY_CHAIN), "trig"), format="trig")
    named = sorted(str(g.identifier) for g in dataset.graphs() if len(g) and str(g.identifier).startswith(f"{BASE}/graph/"))
    assert len(named) == 4
    assert f"{BASE}/graph/eli/vn/tw/qd/xiii/294" in named


def test_the_cli_offers_every_export_format() -> None:
    assert sorted(EXPORT_FORMATS) == sorted(FORMATS)


def test_a_base_of_ones_own_moves_every_iri() -> None:
    text = serialise(seed_graph(), "nt", "https://data.example.vn/")
    subjects = {line.split(" ", 1)[0] for line in text.splitlines()}
    assert "<https://data.example.vn/eli/vn/cp/nd/2023/59>" in subjects
    assert all(s.startswith("<https://data.example.vn/") for s in subjects)


def test_the_same_document_has_the_same_iri_exported_from_any_file() -> None:
    as_input = parsed(exported((PARTY_CHAIN[0],)), "turtle")
    as_citation = parsed(exported((PARTY_CHAIN[1],)), "turtle")
    decision = node("eli/vn/tw/qd/xiii/294")
    assert as_input.value(decision, ELI.id_local) == as_citation.value(decision, ELI.id_local) == Literal("294-QĐ/TW")


_DIGESTS = """
import hashlib, sys
from citegraph.cli import EXPORT_FORMATS
from citegraph.export import FORMATS, serialise
from citegraph.graph import build_graph
from citegraph.pipeline import extract_paths
graph = build_graph(extract_paths(sys.argv[1:]))
for name in sorted(FORMATS):
    print(name, hashlib.sha256(serialise(graph, name).encode()).hexdigest())
"""


def test_output_is_byte_identical_across_runs() -> None:
    """Separate processes with different hash seeds, so nothing hangs on set or dict order."""
    paths = (str(SEED), str(next(CORPUS.glob("real/A06_*.txt"))))
    runs = [
        subprocess.run([sys.executable, "-c", _DIGESTS, *paths], cwd=ROOT, capture_output=True,
                       text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
        for seed in ("1", "2")
    ]
    here = "".join(
        f"{name} {hashlib.sha256(serialise(graph_of(*paths), name).encode()).hexdigest()}\n"
        for name in sorted(FORMATS)
    )
    assert runs[0] == runs[1] == here


# --- rests-on through SPARQL -------------------------------------------------------------------------------

def sparql_rests_on(rdf: Graph, document: str, *, transitive: bool) -> set[tuple[str, str | None]]:
    """(file, item label) of every item the exported graph says rests on `document`."""
    query = RESTS_ON_SPARQL.format(path="/eli:based_on*" if transitive else "", document=node(document))
    found = set()
    for (citing,) in rdf.query(query):
        label = rdf.value(citing, ELI.number)
        parents = [p for p in rdf.objects(citing, ELI.is_part_of) if (p, RDF.type, ELI.LegalResource) in rdf]
        owner = parents[0] if label is not None else citing
        found.add((str(rdf.value(owner, CG.source)), None if label is None else str(label)))
    return found


def networkx_rests_on(graph: nx.MultiDiGraph, document: str, *, transitive: bool) -> set[tuple[str, str | None]]:
    return {(hit.document, hit.item) for hit in items_resting_on(graph, document, transitive=transitive)}


def test_done_when_sparql_over_the_exported_turtle_answers_ii3_iii3_iii4() -> None:
    (decree,) = find_documents(seed_graph(), "Nghị định 59/2023/NĐ-CP")
    assert sparql_rests_on(seed_rdf(), decree, transitive=False) == {
        (str(SEED), "II.3"), (str(SEED), "III.3"), (str(SEED), "III.4")}


@pytest.mark.parametrize("paths", [(str(SEED),), tuple(PARTY_CHAIN), (str(next(CORPUS.glob("real/A20_*.txt"))),)])
@pytest.mark.parametrize("transitive", [False, True])
def test_sparql_and_networkx_agree_on_every_cited_document(paths: tuple[str, ...], transitive: bool) -> None:
    graph, rdf = graph_of(*paths), parsed(exported(paths), "turtle")
    documents = [n for n, d in graph.nodes(data=True) if d["kind"] == DOCUMENT]
    for document in documents:
        assert sparql_rests_on(rdf, document, transitive=transitive) == networkx_rests_on(
            graph, document, transitive=transitive), document
    walked = [d for d in documents if networkx_rests_on(graph, d, transitive=True) != networkx_rests_on(graph, d, transitive=False)]
    assert bool(walked) == (transitive and paths == tuple(PARTY_CHAIN)) or not transitive
