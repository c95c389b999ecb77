"""The graph model on real documents: one node per document across mentions and files, issuers resolved
from the citing document's context, chains across input files, IRIs a user can rely on."""

from __future__ import annotations

import tomllib
from functools import cache

import networkx as nx
import pytest

from citegraph import iri
from citegraph.graph import (
    BASED_ON,
    CITES,
    DOCUMENT,
    ISSUED_BY,
    ITEM,
    PART_OF,
    Flag,
    build_graph,
)
from citegraph.knowledge import load
from citegraph.pipeline import extract_paths, extract_text

from .conftest import CORPUS, SEED

SEED_PLAN = "eli/vn/unnumbered/kh/2024/" + iri.content_hash(SEED.read_text(encoding="utf-8"))
PARTY_CHAIN = sorted(str(p) for p in CORPUS.glob("real/A0[1-4]_*.txt"))  # Hà Nội guide -> 38-HD/BTCTW -> 06-HD/TW -> 294-QĐ/TW


@cache
def graph_of(*paths: str) -> nx.MultiDiGraph:
    return build_graph(extract_paths(paths))


def seed_graph() -> nx.MultiDiGraph:
    return graph_of(str(SEED))


def node_with_key(graph: nx.MultiDiGraph, key: str) -> str:
    (node,) = [n for n, d in graph.nodes(data=True) if d["kind"] == DOCUMENT and d["key"] == key]
    return node


def edges(graph: nx.MultiDiGraph, kind: str, source: str | None = None, target: str | None = None) -> list:
    return [
        (s, t, d) for s, t, d in graph.edges(data=True)
        if d["kind"] == kind and source in (None, s) and target in (None, t)
    ]


def issuer(graph: nx.MultiDiGraph, document: str) -> str:
    (organisation,) = [t for _, t, _ in edges(graph, ISSUED_BY, source=document)]
    return organisation


def ancestors(graph: nx.MultiDiGraph, organisation: str) -> list[str]:
    chain = []
    while parents := [t for _, t, _ in edges(graph, PART_OF, source=organisation)]:
        (organisation,) = parents
        chain.append(organisation)
    return chain


# --- documents and mentions ----------------------------------------------------------------------------

def test_a_document_cited_three_times_is_one_node_with_one_edge_per_mention() -> None:
    graph = seed_graph()
    decree = node_with_key(graph, "59/2023/NĐ-CP")
    mentions = edges(graph, CITES, target=decree)
    assert decree == "eli/vn/cp/nd/2023/59"
    assert sorted(graph.nodes[s]["label"] for s, _, _ in mentions) == ["II.3", "III.3", "III.4"]
    assert [d["line"] for _, _, d in mentions] == [48, 74, 76]
    assert all(d["role"] == "reference" for _, _, d in mentions)


def test_a_law_cited_by_name_and_by_number_is_one_node() -> None:
    graph = seed_graph()
    law = node_with_key(graph, "10/2022/QH15")
    assert law == "eli/vn/qh/vb/2022/10"
    assert len(edges(graph, CITES, target=law)) == 4
    assert graph.nodes[issuer(graph, law)]["label"] == "Quốc hội"


def test_every_mention_of_the_seed_is_an_edge_and_every_key_one_node() -> None:
    graph = seed_graph()
    document = next(extract_paths([str(SEED)]))
    assert len(edges(graph, CITES)) == len(document.citations)
    keys = {c.key for c in document.citations}
    assert len([n for n, d in graph.nodes(data=True) if d["kind"] == DOCUMENT and not d["input"]]) == len(keys)


def test_over_the_whole_corpus_a_key_never_splits_into_two_nodes() -> None:
    """A bare `32/2025/QĐ-UBND` and a later `... của UBND tỉnh Lào Cai` in one file are one document."""
    graph = graph_of(str(SEED), *sorted(str(p) for p in CORPUS.glob("real/*.txt")))
    keys = [d["key"] for _, d in graph.nodes(data=True) if d["kind"] == DOCUMENT and d["key"]]
    assert len(keys) == len(set(keys))


def test_preamble_bases_make_the_plan_based_on_them() -> None:
    graph = seed_graph()
    bases = {graph.nodes[t]["key"] for _, t, _ in edges(graph, BASED_ON, source=SEED_PLAN)}
    assert bases == {"85/KH-UBND@2024", "30-CTr/BDVHU-UBND@XIII"}


def test_items_are_part_of_their_document_and_their_parent() -> None:
    graph = seed_graph()
    item = f"{SEED_PLAN}/ii/3"
    assert graph.nodes[item]["kind"] == ITEM and graph.nodes[item]["label"] == "II.3"
    assert {t for _, t, _ in edges(graph, PART_OF, source=item)} == {SEED_PLAN, f"{SEED_PLAN}/ii"}


def test_a_label_repeated_in_one_document_gets_its_own_node() -> None:
    """The OCR'd decision A19 has an annexed regulation numbering its own Điều 1, 2, 3."""
    path = str(next(CORPUS.glob("real/A19_*.txt")))
    graph = graph_of(path)
    document = next(extract_paths([path]))
    items = [n for n, d in graph.nodes(data=True) if d["kind"] == ITEM]
    assert len(items) == len(document.items)
    assert any(node.endswith("/dieu-1~2") for node in items)


def test_a_flag_marks_the_mentions_it_touches_with_its_gravest_severity() -> None:
    document = next(extract_paths([str(SEED)]))
    decree = next(c for c in document.citations if c.key == "59/2023/NĐ-CP")
    flags = {str(SEED): [Flag(decree.start, decree.start + 3, "CG101", "warning"),
                         Flag(decree.end, decree.end + 1, "CG115", "error")]}
    graph = build_graph([document], flags)
    marked = [d for _, _, d in edges(graph, CITES) if d["flags"]]
    assert [(d["start"], d["flags"], d["severity"]) for d in marked] == [(decree.start, "CG101,CG115", "error")]


# --- issuers from context ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("key", "organisation", "label"),
    [
        ("246/QĐ-UBND@2024", "org/tinh-tay-ninh/huyen-duong-minh-chau/ubnd", "Ủy ban nhân dân huyện Dương Minh Châu"),
        ("490/QĐ-UBND@2021", "org/tinh-tay-ninh/ubnd", "Ủy ban nhân dân tỉnh Tây Ninh"),
        ("36/QĐ-UBND@2024", "org/tinh-tay-ninh/huyen-duong-minh-chau/xa-phan/ubnd", "Ủy ban nhân dân xã Phan"),
        ("1116-QĐ/TU@XIII", "org/tinh-tay-ninh/tu", "Tỉnh ủy tỉnh Tây Ninh"),
        ("16/CT-TTg@2016", "org/ttg", "Thủ tướng Chính phủ"),
    ],
)
def test_the_seed_names_its_huyen_and_tinh_so_ubnd_huyen_and_ubnd_tinh_resolve(key, organisation, label) -> None:
    """`Quyết định số 246/QĐ-UBND ... của UBND huyện` in a plan of xã Phan that names huyện Dương Minh Châu."""
    graph = seed_graph()
    found = issuer(graph, node_with_key(graph, key))
    assert (found, graph.nodes[found]["label"], graph.nodes[found]["relative"]) == (organisation, label, False)


def test_a_commune_body_is_part_of_the_district_province_and_government() -> None:
    graph = seed_graph()
    assert ancestors(graph, "org/tinh-tay-ninh/huyen-duong-minh-chau/xa-phan/ubnd") == [
        "org/tinh-tay-ninh/huyen-duong-minh-chau/ubnd", "org/tinh-tay-ninh/ubnd", "org/cp"]
    assert ancestors(graph, "org/tinh-tay-ninh/huyen-duong-minh-chau/bdvhu") == [
        "org/tinh-tay-ninh/huyen-duong-minh-chau/hu", "org/tinh-tay-ninh/tu", "org/tw"]


def test_a_joint_number_has_both_issuers() -> None:
    graph = seed_graph()
    programme = node_with_key(graph, "30-CTr/BDVHU-UBND@XIII")
    issuers = sorted(t for _, t, _ in edges(graph, ISSUED_BY, source=programme))
    assert issuers == ["org/tinh-tay-ninh/huyen-duong-minh-chau/bdvhu", "org/tinh-tay-ninh/huyen-duong-minh-chau/ubnd"]
    assert programme == "eli/vn/tinh-tay-ninh/huyen-duong-minh-chau/bdvhu-ubnd/ctr/xiii/30"


def test_where_the_text_names_no_huyen_ubnd_huyen_stays_relative_and_marked() -> None:
    """The seed with its huyện's name taken out: nothing says which huyện `UBND huyện` is."""
    text = SEED.read_text(encoding="utf-8").replace(" Dương Minh Châu", "")
    graph = build_graph([extract_text(text, "seed-without-huyen.txt")])
    decision = node_with_key(graph, "246/QĐ-UBND@2024")
    organisation = graph.nodes[issuer(graph, decision)]
    assert organisation["relative"] and organisation["tier"] == "district"
    assert organisation["label"] == "Ủy ban nhân dân huyện (không rõ tên)"
    assert "/relative/" in decision
    assert issuer(graph, node_with_key(graph, "490/QĐ-UBND@2021")) == "org/tinh-tay-ninh/ubnd"


# --- chains across input files ---------------------------------------------------------------------------

def test_a_cited_document_among_the_inputs_is_that_inputs_node_and_continues_the_chain() -> None:
    graph = graph_of(*PARTY_CHAIN)
    guide = node_with_key(graph, "38-HD/BTCTW@XIII")
    assert graph.nodes[guide]["input"] and graph.nodes[guide]["source"].endswith("A03_party_HD-38-HD-BTCTW_2025_nghiep-vu-cong-tac-dang-vien.txt")
    hanoi = next(n for n, d in graph.nodes(data=True) if d["kind"] == DOCUMENT and d["source"] == PARTY_CHAIN[3])
    assert guide in {t for _, t, _ in edges(graph, BASED_ON, source=hanoi)}
    assert {graph.nodes[t]["key"] for _, t, _ in edges(graph, BASED_ON, source=guide)} == {"294-QĐ/TW@XIII", "6-HD/TW@XIII"}


def test_a_document_gets_the_same_node_as_an_input_and_as_a_citation_in_another_file() -> None:
    alone = graph_of(PARTY_CHAIN[0])
    cited = graph_of(PARTY_CHAIN[1])
    assert node_with_key(alone, "294-QĐ/TW@XIII") == node_with_key(cited, "294-QĐ/TW@XIII") == "eli/vn/tw/qd/xiii/294"


# --- IRI spelling ----------------------------------------------------------------------------------------

def test_no_two_codes_share_a_slug() -> None:
    knowledge = load()
    type_codes = {c for t in knowledge.types for c in (*t.state_codes, *t.party_codes)}
    for codes in (type_codes, {i.code for i in knowledge.issuers}):
        slugs = [iri.code_slug(code) for code in codes]
        assert len(slugs) == len(set(slugs)), sorted(codes)


def test_slugs_are_ascii_whatever_the_unicode_form() -> None:
    import unicodedata

    name = "huyện Dương Minh Châu"
    assert iri.slug(unicodedata.normalize("NFD", name)) == iri.slug(name) == "huyen-duong-minh-chau"
    assert iri.item_path("doc", "Điều 2.1.đ") == "doc/dieu-2/1/dd"
    assert iri.item_path("doc", "Điều 2.1.d") == "doc/dieu-2/1/d"


def test_the_level_table_covers_every_place_word_of_the_grammar() -> None:
    from importlib import resources

    levels = tomllib.loads(resources.files("citegraph").joinpath("data", "organisations.toml").read_text("utf-8"))
    assert set(levels["levels"]) == set(load().grammar.level_words)
