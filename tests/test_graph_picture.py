"""Pictures of the seed: every cited document and citing item drawn and labelled, problems in red, the
same bytes on every run; GraphML and DOT that Gephi and Graphviz can read."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ElementTree

import networkx as nx
import pytest
from click.testing import CliRunner

from citegraph.cli import PICTURE_FORMATS, main
from citegraph.graph import CITES, DOCUMENT, Flag, build_graph, document_label
from citegraph.picture import COLOURS, TIERS, layout, render
from citegraph.pipeline import extract_paths

from .conftest import SEED
from .test_graph import PARTY_CHAIN, graph_of, seed_graph


def cited_labels(graph: nx.MultiDiGraph) -> set[str]:
    return {document_label(graph.nodes[t]) for _, t, d in graph.edges(data=True) if d["kind"] == CITES}


def test_the_seed_png_is_a_picture_tall_enough_to_read_every_row() -> None:
    png = render(seed_graph(), "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    rows = max(len(layout(seed_graph()).left), len(layout(seed_graph()).right))
    assert width >= 1800 and height / rows >= 25  # at least 25 px per row: 9-point text does not overlap
    assert render(seed_graph(), "png") == png


def test_the_svg_names_every_cited_document_and_every_citing_item_as_text() -> None:
    svg = render(seed_graph(), "svg")
    ElementTree.fromstring(svg)
    texts = " ".join(re.findall(r">([^<>]+)</text>", svg))
    for label in cited_labels(seed_graph()):
        assert label in texts
    for item in ("preamble", "I.1", "II.1", "II.2", "II.3", "II.5", "III.3", "III.4"):
        assert f"{item} " in texts
    assert render(seed_graph(), "svg") == svg


def test_documents_are_grouped_by_level_in_the_order_party_to_commune() -> None:
    headings = [entry.text for entry in layout(seed_graph()).right if entry.node is None]
    assert headings == ["Party", "Central", "Province", "District", "Commune"]
    assert set(headings) <= set(TIERS.values())
    by_tier = {}
    for entry in layout(seed_graph()).right:
        if entry.node:
            by_tier.setdefault(entry.group, []).append(entry.text)
    assert any(text.startswith("Nghị định 59/2023/NĐ-CP") for text in by_tier["central"])
    assert any(text.startswith("Quyết định 36/QĐ-UBND") for text in by_tier["commune"])


def test_a_citation_with_an_error_is_drawn_in_red() -> None:
    document = next(extract_paths([str(SEED)]))
    decree = next(c for c in document.citations if c.key == "59/2023/NĐ-CP")
    plain = render(build_graph([document]), "svg")
    flagged = render(build_graph([document], {str(SEED): [Flag(decree.start, decree.end, "CG201", "error")]}), "svg")
    red = f"stroke: {COLOURS['error']}"
    assert red not in plain
    assert flagged.count(red) == 1


def test_the_html_page_is_self_contained() -> None:
    page = render(seed_graph(), "html")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page)
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert page.count("<tr") == 1 + len(layout(seed_graph()).links)


def test_graphml_carries_the_whole_graph_for_gephi() -> None:
    graph = graph_of(*PARTY_CHAIN)
    read = nx.read_graphml(__import__("io").StringIO(render(graph, "graphml")), force_multigraph=True)
    assert read.number_of_nodes() == graph.number_of_nodes()
    assert read.number_of_edges() == graph.number_of_edges()
    assert read.nodes["eli/vn/tw/qd/xiii/294"]["key"] == "294-QĐ/TW@XIII"


def test_dot_has_one_edge_per_item_and_document_and_a_cluster_per_heading() -> None:
    plan = layout(seed_graph())
    text = render(seed_graph(), "dot")
    assert text.startswith("digraph citegraph {") and text.rstrip().endswith("}")
    assert text.count("{") == text.count("}")
    assert len(re.findall(r"^  n\d+ -> n\d+ ", text, flags=re.M)) == len(plan.links)
    headings = [e for e in (*plan.left, *plan.right) if e.node is None]
    assert text.count("subgraph cluster_") == len(headings)


@pytest.mark.parametrize("output_format", PICTURE_FORMATS)
def test_every_format_the_cli_offers_renders_the_same_on_every_run(output_format: str) -> None:
    picture = render(seed_graph(), output_format)
    assert picture and render(seed_graph(), output_format) == picture


def test_cli_writes_the_format_its_suffix_names(tmp_path) -> None:
    runner = CliRunner()
    picture = tmp_path / "plan.png"
    assert runner.invoke(main, ["graph", str(SEED), "-o", str(picture)]).exit_code == 0
    assert picture.read_bytes()[:4] == b"\x89PNG"
    page = tmp_path / "plan.html"
    assert runner.invoke(main, ["graph", str(SEED), "-o", str(page)]).exit_code == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = runner.invoke(main, ["graph", str(SEED), "--format", "png"])
    assert result.exit_code == 2 and "needs -o" in result.output


def test_a_chain_of_files_puts_each_file_s_items_under_its_own_heading() -> None:
    plan = layout(graph_of(*PARTY_CHAIN))
    files = [entry.text.split(" — ")[0] for entry in plan.left if entry.node is None]
    assert files == [path.rsplit("/", 1)[1] for path in PARTY_CHAIN[1:]]  # 294-QĐ/TW itself cites nothing
    inputs = {n for n, d in graph_of(*PARTY_CHAIN).nodes(data=True) if d["kind"] == DOCUMENT and d["input"]}
    assert len({e.node for e in plan.right} & inputs) == 3
