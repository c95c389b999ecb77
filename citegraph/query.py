"""Questions a reviewer asks of the graph: what rests on a document, what an item rests on, what a
replacement would touch, and which documents are cited most.

"Rests on" means: an item cites the document, or (transitively) cites a document whose preamble bases
lead to it through `based_on` steps. Only legal bases are followed, not every mention, so a chain
commune plan -> district plan -> provincial plan -> decree is walked without fanning out into every
document a plan happens to name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx

from .graph import (
    BASED_ON,
    CITES,
    DOCUMENT,
    ITEM,
    PART_OF,
    document_label,
    document_of,
    issuers_of,
)
from .knowledge import fold
from .models import Citation
from .pipeline import extract_text
from .resolve import strip_zeros


_NUMBER_TOKEN = re.compile(r"\S*\d\S*[/-]\S*")


@dataclass(frozen=True)
class DocumentRef:
    """A document node as a reader sees it."""

    node: str
    name: str  # the canonical key, else the file it was read from, else its label
    label: str
    date: str | None
    title: str | None


@dataclass(frozen=True)
class ItemHit:
    """An item (or, for a mention outside every item, a whole document) resting on the queried document."""

    document: str  # the file the item was read from
    item: str | None
    title: str | None
    line: int
    via: tuple[str, ...]  # the documents between the item and the queried one, nearest first


@dataclass(frozen=True)
class RestsOn:
    query: str
    document: DocumentRef | None
    candidates: tuple[DocumentRef, ...]
    items: tuple[ItemHit, ...]


@dataclass(frozen=True)
class Basis:
    """A document an item rests on, directly or `via` the documents between."""

    document: DocumentRef
    item: str  # the item or sub-item whose text cites it (for a transitive basis: cites the first of `via`)
    line: int
    via: tuple[str, ...]


@dataclass(frozen=True)
class Bases:
    query: str
    document: str  # the file
    item: str | None  # None when the file has no such item
    title: str | None
    bases: tuple[Basis, ...]
    labels: tuple[str, ...]  # the file's item labels, to suggest when the item is not found


@dataclass(frozen=True)
class Affected:
    """One input document touched by a replacement, and its items that rest on the replaced document."""

    document: DocumentRef
    based_on: bool  # its own preamble bases lead to the replaced document
    items: tuple[ItemHit, ...]


@dataclass(frozen=True)
class Impact:
    query: str
    document: DocumentRef | None
    candidates: tuple[DocumentRef, ...]
    affected: tuple[Affected, ...]


@dataclass(frozen=True)
class Count:
    name: str
    label: str
    count: int


@dataclass(frozen=True)
class Unresolved:
    document: DocumentRef
    reason: str


@dataclass(frozen=True)
class Stats:
    files: int
    documents: int
    citations: int
    most_cited: tuple[Count, ...]
    by_issuer: tuple[Count, ...]
    by_level: tuple[Count, ...]
    uncited: tuple[DocumentRef, ...]
    unresolved: tuple[Unresolved, ...]


# --- finding the document a user means -----------------------------------------------------------

def find_documents(graph: nx.MultiDiGraph, reference: str) -> list[str]:
    """The document nodes `reference` may mean (`Nghị định 59/2023/NĐ-CP`, `NĐ 59/2023`, `23-QĐ/TW`).

    The reference is read by the extractor itself, so it means what the same words mean in a document;
    an exact key wins, then the key without its year or term, then the number's parts, then a law's name.
    """
    citations = extract_text(reference, "<query>").citations or extract_text(_upper_codes(reference), "<query>").citations
    if not citations:
        return []
    wanted = citations[0]
    documents = [(node, data) for node, data in graph.nodes(data=True) if data["kind"] == DOCUMENT]
    tests = (
        lambda data: data["key"] == wanted.key,
        lambda data: (data["key"] or "").split("@")[0] == wanted.key,
        lambda data: _same_number(wanted, data),
        lambda data: bool(data["name"]) and fold(f"{data['type']} {data['name']}") == wanted.key.split("@")[0],
    )
    for test in tests:
        found = [node for node, data in documents if test(data)]
        if found:
            return found
    return []


def _upper_codes(reference: str) -> str:
    """`nghị định 59/2023/nđ-cp` as typed in a hurry: the number's codes in capitals (`TTG` is then read as
    `TTg`, as in a document)."""
    return _NUMBER_TOKEN.sub(lambda token: token.group().upper(), reference)


def _same_number(wanted: Citation, data: dict) -> bool:
    """`NĐ 59/2023` matches 59/2023/NĐ-CP: every part the reference gives agrees."""
    mine, theirs = wanted.number_parts, data["parts"]
    if mine is None or theirs is None or strip_zeros(mine.ordinal) != strip_zeros(theirs.ordinal):
        return False
    return (
        (mine.year is None or mine.year in (theirs.year, data["year"]))
        and (mine.type_code is None or mine.type_code == theirs.type_code)
        and set(mine.issuer_codes) <= set(theirs.issuer_codes)
        and (wanted.type is None or data["type"] in (None, wanted.type))
    )


def document_ref(graph: nx.MultiDiGraph, node: str) -> DocumentRef:
    data = graph.nodes[node]
    name = data["key"] or data["source"] or document_label(data)
    return DocumentRef(node, name, document_label(data), data["date"], data["title"])


def _resolve(graph: nx.MultiDiGraph, reference: str) -> tuple[DocumentRef | None, tuple[DocumentRef, ...]]:
    """(the document, ()) when the reference is unambiguous, else (None, the candidates)."""
    found = [document_ref(graph, node) for node in find_documents(graph, reference)]
    if len(found) == 1:
        return found[0], ()
    return None, tuple(sorted(found, key=lambda ref: ref.name))


# --- rests on, impact ------------------------------------------------------------------------------

def rests_on(graph: nx.MultiDiGraph, reference: str, *, transitive: bool = False) -> RestsOn:
    """The items resting on the document `reference` names, nearest path first."""
    target, candidates = _resolve(graph, reference)
    items = items_resting_on(graph, target.node, transitive=transitive) if target else ()
    return RestsOn(reference, target, candidates, items)


def impact(graph: nx.MultiDiGraph, reference: str) -> Impact:
    """The input documents and items to revise if the document `reference` names were replaced."""
    target, candidates = _resolve(graph, reference)
    if target is None:
        return Impact(reference, None, candidates, ())
    bases = _based_on_walk(graph, target.node, towards_bases=False)
    groups: dict[str, list[ItemHit]] = {}
    for node, hit in _citing_hits(graph, bases):
        groups.setdefault(document_of(graph, node), []).append(hit)
    affected = tuple(
        Affected(document_ref(graph, document), document in bases and document != target.node, tuple(hits))
        for document, hits in groups.items()
    )
    return Impact(reference, target, candidates, affected)


def items_resting_on(graph: nx.MultiDiGraph, document: str, *, transitive: bool = False) -> tuple[ItemHit, ...]:
    """The items resting on the document node `document`: citing it, or (transitive) a document whose
    preamble bases lead to it."""
    paths = _based_on_walk(graph, document, towards_bases=False) if transitive else {document: ()}
    return tuple(hit for _, hit in _citing_hits(graph, paths))


def _based_on_walk(graph: nx.MultiDiGraph, start: str, *, towards_bases: bool) -> dict[str, tuple[str, ...]]:
    """Every document `based_on` steps lead to from `start`, towards its bases or towards the documents
    based on it, with the shortest way there: the reached document first, `start` left out."""
    paths: dict[str, tuple[str, ...]] = {start: ()}
    frontier = [start]
    while frontier:
        following = []
        for document in frontier:
            steps = graph.out_edges(document, data=True) if towards_bases else graph.in_edges(document, data=True)
            for source, target, data in steps:
                reached = target if towards_bases else source
                if data["kind"] == BASED_ON and reached not in paths:
                    paths[reached] = (reached, *paths[document])
                    following.append(reached)
        frontier = following
    return paths


def _citing_hits(graph: nx.MultiDiGraph, paths: dict[str, tuple[str, ...]]) -> list[tuple[str, ItemHit]]:
    """(citing node, hit) for each item citing a document in `paths`, its shortest path kept, in text order."""
    best: dict[str, ItemHit] = {}
    for document, path in paths.items():
        via = tuple(document_ref(graph, node).name for node in path)
        for citing, _, data in graph.in_edges(document, data=True):
            if data["kind"] != CITES:
                continue
            hit = _hit(graph, citing, data, via)
            known = best.get(citing)
            if known is None or (len(hit.via), hit.line) < (len(known.via), known.line):
                best[citing] = hit
    order = {node: index for index, node in enumerate(graph.nodes)}
    return sorted(best.items(), key=lambda pair: (order[document_of(graph, pair[0])], pair[1].line))


def _hit(graph: nx.MultiDiGraph, citing: str, edge: dict, via: tuple[str, ...]) -> ItemHit:
    data = graph.nodes[citing]
    if data["kind"] == ITEM:
        return ItemHit(edge["source"], data["label"], data["title"], edge["line"], via)
    return ItemHit(edge["source"], None, None, edge["line"], via)


# --- bases -------------------------------------------------------------------------------------------

def bases(graph: nx.MultiDiGraph, label: str, source: str, *, transitive: bool = False) -> Bases:
    """What item `label` of the input file `source` rests on: its own citations and its sub-items'."""
    items = [node for node, data in graph.nodes(data=True) if data["kind"] == ITEM and data["source"] == source]
    labels = tuple(dict.fromkeys(graph.nodes[node]["label"] for node in items))
    roots = [node for node in items if graph.nodes[node]["label"] == label]
    if not roots:
        return Bases(label, source, None, None, (), labels)
    found: dict[str, Basis] = {}
    for node in _with_sub_items(graph, roots):
        for _, cited, data in graph.out_edges(node, data=True):
            if data["kind"] != CITES:
                continue
            for reached, path in _bases_from(graph, cited, transitive):
                basis = Basis(document_ref(graph, reached), graph.nodes[node]["label"], data["line"], path)
                known = found.get(reached)
                if known is None or (len(basis.via), basis.line) < (len(known.via), known.line):
                    found[reached] = basis
    ordered = sorted(found.values(), key=lambda basis: (len(basis.via), basis.line, basis.document.name))
    return Bases(label, source, label, graph.nodes[roots[0]]["title"], tuple(ordered), labels)


def _with_sub_items(graph: nx.MultiDiGraph, roots: list[str]) -> list[str]:
    """The items and every item inside them."""
    seen = dict.fromkeys(roots)
    stack = list(roots)
    while stack:
        for child, _, data in graph.in_edges(stack.pop(), data=True):
            if data["kind"] == PART_OF and child not in seen:
                seen[child] = None
                stack.append(child)
    return list(seen)


def _bases_from(graph: nx.MultiDiGraph, cited: str, transitive: bool) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(document, the documents between the item and it) for `cited` and, transitively, the bases it
    leads to."""
    if not transitive:
        yield cited, ()
        return
    for reached, path in _based_on_walk(graph, cited, towards_bases=True).items():
        between = (cited, *reversed(path[1:])) if reached != cited else ()
        yield reached, tuple(document_ref(graph, node).name for node in between)


# --- stats -------------------------------------------------------------------------------------------

def stats(graph: nx.MultiDiGraph, *, top: int = 10) -> Stats:
    """Most-cited documents, citations by issuer and by level (a joint document counts for each of its
    issuers), input documents no input cites, and cited documents whose identity the text leaves incomplete."""
    documents = [node for node, data in graph.nodes(data=True) if data["kind"] == DOCUMENT]
    inputs = [node for node in documents if graph.nodes[node]["input"]]
    cited = Counter(target for _, target, data in graph.edges(data=True) if data["kind"] == CITES)
    issuers: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    for document, count in cited.items():
        for organisation in issuers_of(graph, document) or [""]:
            issuers[organisation] += count
            levels[graph.nodes[organisation]["tier"] if organisation else "unknown"] += count
    refs = {node: document_ref(graph, node) for node in cited}
    return Stats(
        files=len(inputs),
        documents=len(documents),
        citations=sum(cited.values()),
        most_cited=_ranked(Count(refs[n].name, refs[n].label, count) for n, count in cited.items())[:top],
        by_issuer=_ranked(_issuer_count(graph, node, count) for node, count in issuers.items()),
        by_level=_ranked(Count(level, level, count) for level, count in levels.items()),
        uncited=tuple(document_ref(graph, node) for node in inputs if not _cited_by_another(graph, node)),
        unresolved=tuple(_unresolved(graph, cited)),
    )


def _ranked(counts: Iterable[Count]) -> tuple[Count, ...]:
    return tuple(sorted(counts, key=lambda count: (-count.count, count.name)))


def _issuer_count(graph: nx.MultiDiGraph, node: str, count: int) -> Count:
    if not node:
        return Count("", "(issuer unknown)", count)
    return Count(node, graph.nodes[node]["label"], count)


def _cited_by_another(graph: nx.MultiDiGraph, document: str) -> bool:
    return any(
        data["kind"] == CITES and document_of(graph, citing) != document
        for citing, _, data in graph.in_edges(document, data=True)
    )


def _unresolved(graph: nx.MultiDiGraph, documents: Iterable[str]) -> Iterator[Unresolved]:
    """Cited documents the text does not fully identify, with the reason."""
    for node in documents:
        data = graph.nodes[node]
        issuers = issuers_of(graph, node)
        if not data["number"]:
            reason = "no number"
        elif not issuers:
            reason = "no issuer"
        elif any(graph.nodes[o]["relative"] for o in issuers):
            reason = "issuer's place not named"
        elif not data["date"] and not (data["parts"] and data["parts"].year) and "@" not in (data["key"] or ""):
            reason = "no date or year"
        else:
            continue
        yield Unresolved(document_ref(graph, node), reason)
