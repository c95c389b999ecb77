"""Pictures of the graph: plan items on the left, the documents they rest on on the right, grouped by level.

SVG, PNG and HTML are drawn with matplotlib (its DejaVu Sans has every Vietnamese letter, and nothing is
fetched at run time); GraphML (the whole graph, for Gephi) and DOT (the picture's content, for Graphviz)
are written as text. Mentions the checker grades as errors are drawn in red, warnings in orange.
"""

from __future__ import annotations

import html
import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import matplotlib
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path

from .check import check_documents
from .graph import (
    CITES,
    DOCUMENT,
    ITEM,
    SEVERITIES,
    Flag,
    document_label,
    document_of,
    issuers_of,
)
from .models import ExtractedDocument

TIERS = {
    "party": "Party",
    "central": "Central",
    "province": "Province",
    "district": "District",
    "commune": "Commune",
    "unknown": "Level not known",
}
COLOURS = {"error": "#d62728", "warning": "#ff7f0e", "": "#7f7f7f"}
BAND = {"party": "#fdecea", "central": "#eaf1fb", "province": "#eaf7ee", "district": "#fff6e0", "commune": "#f3ecfa",
        "unknown": "#f2f2f2"}
_ROW_INCHES = 0.24
_WIDTH_INCHES = 17.0
_TEXT_CHARS = 78


@dataclass(frozen=True)
class Entry:
    """One row on a side of the picture: a heading (a file, a level) or a node."""

    text: str
    node: str | None = None
    group: str = ""


@dataclass(frozen=True)
class Link:
    """All mentions of one document in one item."""

    item: str
    document: str
    mentions: int
    lines: tuple[int, ...]
    severity: str  # the gravest checker grade on these mentions, or ""
    basis: bool


@dataclass(frozen=True)
class Layout:
    left: tuple[Entry, ...]
    right: tuple[Entry, ...]
    links: tuple[Link, ...]


def error_flags(documents: Sequence[ExtractedDocument]) -> dict[str, list[Flag]]:
    """The checker's errors and warnings on each input file, to colour the mentions they fall on."""
    return {
        report.source: [Flag(f.start, f.end, f.code, f.severity) for f in report.findings if f.severity != "info"]
        for report in check_documents(documents)
    }


def render(graph: nx.MultiDiGraph, output_format: str) -> str | bytes:
    """The picture as svg, png (bytes), html, graphml or dot."""
    if output_format == "graphml":
        return graphml(graph)
    plan = layout(graph)
    if output_format == "dot":
        return dot(plan)
    figure = draw(plan)
    if output_format == "png":
        return _save(figure, "png")
    svg = _save(figure, "svg").decode("utf-8")
    return _html(svg, plan, graph) if output_format == "html" else svg


# --- layout --------------------------------------------------------------------------------------------

def layout(graph: nx.MultiDiGraph) -> Layout:
    """Items that cite something, file by file, and the documents they cite, level by level."""
    links = _links(graph)
    left: list[Entry] = []
    for document in (n for n, d in graph.nodes(data=True) if d["kind"] == DOCUMENT and d["input"]):
        citing = list(dict.fromkeys(link.item for link in links if document_of(graph, link.item) == document))
        if citing:
            data = graph.nodes[document]
            name = data["number"] or data["title"] or ""
            left.append(Entry(_cut(f"{os.path.basename(data['source'])} — {data['type'] or ''} {name}"), group="file"))
            left += [Entry(_cut(_item_text(graph, node)), node) for node in citing]
    cited = list(dict.fromkeys(link.document for link in links))
    right: list[Entry] = []
    for tier, title in TIERS.items():
        members = [node for node in cited if _tier(graph, node) == tier]
        if members:
            right.append(Entry(title, group=tier))
            right += [Entry(_cut(_document_text(graph.nodes[node])), node, tier) for node in members]
    return Layout(tuple(left), tuple(right), tuple(links))


def _links(graph: nx.MultiDiGraph) -> list[Link]:
    grouped: dict[tuple[str, str], list[dict]] = {}
    for source, target, data in graph.edges(data=True):
        if data["kind"] == CITES:
            grouped.setdefault((source, target), []).append(data)
    return [
        Link(item, document, len(edges), tuple(e["line"] for e in edges),
             min((e["severity"] for e in edges), key=_gravity), any(e["role"] == "basis" for e in edges))
        for (item, document), edges in grouped.items()
    ]


def _gravity(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)



def _tier(graph: nx.MultiDiGraph, document: str) -> str:
    issuers = issuers_of(graph, document)
    return graph.nodes[issuers[0]]["tier"] if issuers else "unknown"


def _item_text(graph: nx.MultiDiGraph, node: str) -> str:
    data = graph.nodes[node]
    if data["kind"] != ITEM:
        return "(outside the numbered items)"
    return f"{data['label']}  {data['title']}"


def _document_text(data: Mapping[str, object]) -> str:
    date = data.get("date")
    when = f" ({date[8:10]}/{date[5:7]}/{date[:4]})" if isinstance(date, str) else ""
    title = f" {data['title']}" if data.get("title") else ""
    return f"{document_label(data)}{when}{title}"


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TEXT_CHARS else text[: _TEXT_CHARS - 1].rstrip() + "…"


# --- drawing -------------------------------------------------------------------------------------------

def draw(plan: Layout) -> Figure:
    """A two-column figure: each side spread over the same height, links as curves between the dots."""
    rows = max(len(plan.left), len(plan.right), 1)
    figure = Figure(figsize=(_WIDTH_INCHES, _ROW_INCHES * rows + 1.4))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, 100)
    axes.set_ylim(rows + 2.5, -2.0)
    axes.axis("off")
    axes.text(50, -1.2, "Plan items → the documents they cite", ha="center", va="center", fontsize=12, weight="bold")
    left = _rows(plan.left, rows)
    right = _rows(plan.right, rows)
    _draw_bands(axes, plan.right, right)
    for entry, y in zip(plan.left, left, strict=True):
        bold = entry.node is None
        axes.text(40.5, y, entry.text, ha="right", va="center", fontsize=8.5, weight="bold" if bold else "normal")
    for entry, y in zip(plan.right, right, strict=True):
        if entry.node:
            axes.text(60.5, y, entry.text, ha="left", va="center", fontsize=8.5)
    where_left = {e.node: y for e, y in zip(plan.left, left, strict=True) if e.node}
    where_right = {e.node: y for e, y in zip(plan.right, right, strict=True) if e.node}
    for link in sorted(plan.links, key=lambda link: -_gravity(link.severity)):
        _draw_link(axes, where_left[link.item], where_right[link.document], link)
    axes.plot([41] * len(where_left), list(where_left.values()), "o", color="#333333", markersize=3)
    axes.plot([59] * len(where_right), list(where_right.values()), "o", color="#333333", markersize=3)
    _legend(axes, rows)
    return figure


def _rows(entries: Sequence[Entry], rows: int) -> list[float]:
    step = rows / max(len(entries), 1)
    return [(index + 0.5) * step for index in range(len(entries))]


def _draw_bands(axes, entries: Sequence[Entry], ys: Sequence[float]) -> None:
    """A tinted band behind each level's documents, with the level's name."""
    step = (ys[1] - ys[0]) if len(ys) > 1 else 1.0
    where = dict(zip(map(id, entries), ys, strict=True))
    for heading, members in _groups(entries):
        top, bottom = where[id(heading)] - step / 2, where[id(members[-1])] + step / 2
        axes.add_patch(Rectangle((58, top), 42, bottom - top, color=BAND[heading.group], zorder=0, linewidth=0))
        axes.text(60.5, where[id(heading)], heading.text, ha="left", va="center", fontsize=9, weight="bold")


def _draw_link(axes, y_left: float, y_right: float, link: Link) -> None:
    path = Path([(41, y_left), (50, y_left), (50, y_right), (59, y_right)],
                [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4])
    width = 2.2 if link.severity else 0.7 + 0.5 * (link.mentions - 1)
    patch = PathPatch(path, facecolor="none", edgecolor=COLOURS[link.severity], linewidth=width,
                      linestyle="--" if link.basis else "-", alpha=1.0 if link.severity else 0.7)
    axes.add_patch(patch)


def _legend(axes, rows: int) -> None:
    y = rows + 1.6
    notes = (("dashed: a basis in the preamble", COLOURS[""]), ("red: the checker found an error in the citation",
             COLOURS["error"]), ("orange: a warning", COLOURS["warning"]))
    for index, (text, colour) in enumerate(notes):
        axes.text(2 + 33 * index, y, text, color=colour, fontsize=8.5, va="center")


def _save(figure: Figure, output_format: str) -> bytes:
    """SVG or PNG without dates or random ids, so reruns are byte-identical."""
    params = {"svg.hashsalt": "citegraph", "svg.fonttype": "none", "font.family": "DejaVu Sans"}
    metadata = {"Date": None} if output_format == "svg" else {"Software": None}
    buffer = io.BytesIO()
    with matplotlib.rc_context(params):
        figure.savefig(buffer, format=output_format, metadata=metadata, dpi=110)
    return buffer.getvalue()


def _html(svg: str, plan: Layout, graph: nx.MultiDiGraph) -> str:
    """The SVG inline, and a table of the same links a reader can search; no script, no external file."""
    rows = []
    for link in plan.links:
        item, document = graph.nodes[link.item], graph.nodes[link.document]
        source = html.escape(item.get("source") or document_label(graph.nodes[document_of(graph, link.item)]))
        label = html.escape(item["label"] if item["kind"] == ITEM else "—")
        lines = ", ".join(map(str, link.lines))
        cells = (source, label, html.escape(document_label(document)), lines, link.severity)
        rows.append(f'<tr class="{link.severity}">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    body = svg[svg.index("<svg"):]
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>citegraph</title>\n<style>\n'
        "body { font-family: 'DejaVu Sans', sans-serif; margin: 1em; }\n"
        "svg { max-width: 100%; height: auto; }\ntable { border-collapse: collapse; font-size: 90%; }\n"
        "td, th { border: 1px solid #ccc; padding: 2px 6px; }\n"
        f"tr.error {{ color: {COLOURS['error']}; }}\ntr.warning {{ color: {COLOURS['warning']}; }}\n"
        "</style>\n</head>\n<body>\n" + body + "\n<table>\n<tr><th>file</th><th>item</th><th>cited document</th>"
        "<th>lines</th><th>checker</th></tr>\n" + "\n".join(rows) + "\n</table>\n</body>\n</html>\n"
    )


# --- GraphML and DOT -----------------------------------------------------------------------------------

def graphml(graph: nx.MultiDiGraph) -> str:
    """The whole graph for Gephi; GraphML holds only strings, numbers and booleans, so parsed numbers
    are left out and unknown values are empty."""
    simple = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        simple.add_node(node, **_scalars(data))
    for source, target, key, data in graph.edges(keys=True, data=True):
        simple.add_edge(source, target, key=key, **_scalars(data))
    return "\n".join(nx.generate_graphml(simple, named_key_ids=True)) + "\n"


def _scalars(data: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in data.items() if isinstance(v, str | int | float | bool)}


def dot(plan: Layout) -> str:
    """The picture's content for Graphviz: items left, documents right, one cluster per file and level."""
    ids = {entry.node: f"n{index}" for index, entry in enumerate((*plan.left, *plan.right)) if entry.node}
    lines = ["digraph citegraph {", "  rankdir=LR;", '  node [shape=box, fontname="DejaVu Sans", fontsize=10];']
    for number, (heading, members) in enumerate(_groups((*plan.left, *plan.right))):
        lines += [f"  subgraph cluster_{number} {{", f"    label={_quote(heading.text)};"]
        lines += [f"    {ids[entry.node]} [label={_quote(entry.text)}];" for entry in members]
        lines.append("  }")
    for link in plan.links:
        style = ', style="dashed"' if link.basis else ""
        lines.append(f'  {ids[link.item]} -> {ids[link.document]} [color="{COLOURS[link.severity]}"{style}];')
    return "\n".join([*lines, "}"]) + "\n"


def _groups(entries: Sequence[Entry]) -> list[tuple[Entry, list[Entry]]]:
    """(heading, the entries under it) for rows laid out as headings followed by their nodes."""
    groups: list[tuple[Entry, list[Entry]]] = []
    for entry in entries:
        if entry.node is None:
            groups.append((entry, []))
        else:
            groups[-1][1].append(entry)
    return groups


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
