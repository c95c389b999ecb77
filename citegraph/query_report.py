"""Render graph query answers as text, JSON or CSV.

JSON keys are stable: `rests-on` keeps `{"query", "document", "items": [{"document", "item", "title", "line",
"via"}]}` as the issue tracker specifies; the other answers keep the keys docs/graph.md lists. New keys may be
added, none renamed.
"""

from __future__ import annotations

import csv
import io
import json
from functools import singledispatch

from .query import Affected, Bases, DocumentRef, Impact, ItemHit, RestsOn, Stats

VIA = " > "


def render(answer: RestsOn | Bases | Impact | Stats, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(as_json(answer), ensure_ascii=False, indent=2) + "\n"
    if output_format == "csv":
        columns, rows = as_rows(answer)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    return as_text(answer)


def _document(ref: DocumentRef) -> dict[str, object]:
    return {"document": ref.name, "label": ref.label, "date": ref.date, "title": ref.title}


def _item(hit: ItemHit) -> dict[str, object]:
    return {"document": hit.document, "item": hit.item, "title": hit.title, "line": hit.line, "via": list(hit.via)}


def _item_line(hit: ItemHit) -> str:
    via = f"  (via {VIA.join(hit.via)})" if hit.via else ""
    return f"{hit.document}:{hit.line}  {hit.item or '-'}  {hit.title or ''}{via}".rstrip()


def _heading(query: str, ref: DocumentRef | None, candidates: tuple[DocumentRef, ...]) -> list[str]:
    if ref:
        return [f"{ref.name}  {ref.label}" + (f" ({ref.date})" if ref.date else "")]
    if candidates:
        return [f"\"{query}\" may mean {len(candidates)} documents; name one of them:"] + [
            f"  {c.name}  {c.label}" + (f" ({c.date})" if c.date else "") for c in candidates
        ]
    return [f"No document in these files matches \"{query}\"."]


# --- JSON --------------------------------------------------------------------------------------------

@singledispatch
def as_json(answer: object) -> dict[str, object]:
    raise TypeError(type(answer))


@as_json.register
def _(answer: RestsOn) -> dict[str, object]:
    return {
        "query": answer.query,
        "document": answer.document.name if answer.document else None,
        "items": [_item(hit) for hit in answer.items],
        "candidates": [_document(c) for c in answer.candidates],
    }


@as_json.register
def _(answer: Bases) -> dict[str, object]:
    return {
        "query": answer.query,
        "document": answer.document,
        "item": answer.item,
        "title": answer.title,
        "bases": [
            {**_document(b.document), "item": b.item, "line": b.line, "via": list(b.via)} for b in answer.bases
        ],
    }


@as_json.register
def _(answer: Impact) -> dict[str, object]:
    return {
        "query": answer.query,
        "document": answer.document.name if answer.document else None,
        "documents": [_affected(a) for a in answer.affected],
        "candidates": [_document(c) for c in answer.candidates],
    }


def _affected(affected: Affected) -> dict[str, object]:
    return {**_document(affected.document), "based_on": affected.based_on, "items": [_item(h) for h in affected.items]}


@as_json.register
def _(answer: Stats) -> dict[str, object]:
    return {
        "files": answer.files,
        "documents": answer.documents,
        "citations": answer.citations,
        "most_cited": [{"document": c.name, "label": c.label, "citations": c.count} for c in answer.most_cited],
        "by_issuer": [{"issuer": c.name, "label": c.label, "citations": c.count} for c in answer.by_issuer],
        "by_level": [{"level": c.name, "citations": c.count} for c in answer.by_level],
        "uncited": [{"document": ref.name, "label": ref.label} for ref in answer.uncited],
        "unresolved": [
            {"document": u.document.name, "label": u.document.label, "reason": u.reason} for u in answer.unresolved
        ],
    }


# --- CSV ---------------------------------------------------------------------------------------------

ITEM_COLUMNS = ["document", "item", "title", "line", "via"]


@singledispatch
def as_rows(answer: object) -> tuple[list[str], list[dict[str, object]]]:
    raise TypeError(type(answer))


def _item_row(hit: ItemHit) -> dict[str, object]:
    return {**_item(hit), "via": VIA.join(hit.via)}


@as_rows.register
def _(answer: RestsOn) -> tuple[list[str], list[dict[str, object]]]:
    return ITEM_COLUMNS, [_item_row(hit) for hit in answer.items]


@as_rows.register
def _(answer: Bases) -> tuple[list[str], list[dict[str, object]]]:
    columns = ["document", "label", "date", "title", "item", "line", "via"]
    rows = [{**_document(b.document), "item": b.item, "line": b.line, "via": VIA.join(b.via)} for b in answer.bases]
    return columns, rows


@as_rows.register
def _(answer: Impact) -> tuple[list[str], list[dict[str, object]]]:
    columns = ["affected", "based_on", *ITEM_COLUMNS]
    rows = [
        {"affected": a.document.name, "based_on": a.based_on, **_item_row(hit)}
        for a in answer.affected
        for hit in a.items
    ]
    return columns, rows


@as_rows.register
def _(answer: Stats) -> tuple[list[str], list[dict[str, object]]]:
    rows: list[dict[str, object]] = []
    sections = (("most_cited", answer.most_cited), ("by_issuer", answer.by_issuer), ("by_level", answer.by_level))
    for section, counts in sections:
        rows += [{"section": section, "name": c.name, "label": c.label, "count": c.count} for c in counts]
    rows += [{"section": "uncited", "name": ref.name, "label": ref.label, "count": ""} for ref in answer.uncited]
    rows += [
        {"section": "unresolved", "name": u.document.name, "label": f"{u.document.label}: {u.reason}", "count": ""}
        for u in answer.unresolved
    ]
    return ["section", "name", "label", "count"], rows


# --- text --------------------------------------------------------------------------------------------

@singledispatch
def as_text(answer: object) -> str:
    raise TypeError(type(answer))


@as_text.register
def _(answer: RestsOn) -> str:
    lines = _heading(answer.query, answer.document, answer.candidates)
    lines += [_item_line(hit) for hit in answer.items]
    return "\n".join(lines) + "\n"


@as_text.register
def _(answer: Bases) -> str:
    if answer.item is None:
        return f"{answer.document}: no item {answer.query}; its items are {', '.join(answer.labels)}\n"
    lines = [f"{answer.document}  {answer.item}  {answer.title or ''}".rstrip()]
    for basis in answer.bases:
        via = f"  (via {VIA.join(basis.via)})" if basis.via else ""
        lines.append(f"  {basis.document.name}  {basis.document.label}  [{basis.item}, line {basis.line}]{via}")
    return "\n".join(lines) + "\n"


@as_text.register
def _(answer: Impact) -> str:
    lines = _heading(answer.query, answer.document, answer.candidates)
    for affected in answer.affected:
        basis = "  (its bases lead there)" if affected.based_on else ""
        lines.append(f"{affected.document.name}  {affected.document.label}{basis}")
        lines += [f"  {_item_line(hit)}" for hit in affected.items]
    return "\n".join(lines) + "\n"


@as_text.register
def _(answer: Stats) -> str:
    lines = [f"{answer.files} files, {answer.documents} documents, {answer.citations} citations", "", "Most cited:"]
    lines += [f"  {c.count:4}  {c.name}  {c.label}" for c in answer.most_cited]
    lines += ["", "Citations by issuer:"] + [f"  {c.count:4}  {c.label}  {c.name}".rstrip() for c in answer.by_issuer]
    lines += ["", "Citations by level:"] + [f"  {c.count:4}  {c.name}" for c in answer.by_level]
    lines += ["", "Input files no other input cites:"] + [f"  {ref.name}  {ref.label}" for ref in answer.uncited]
    lines += ["", "Cited documents not fully identified:"]
    lines += [f"  {u.document.name}  {u.document.label}: {u.reason}" for u in answer.unresolved]
    return "\n".join(lines) + "\n"
