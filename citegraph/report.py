"""Render extraction results as text, JSON or CSV.

The JSON keys listed in the issue tracker's contract are stable; new keys may be added, none renamed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from .models import Citation, ExtractedDocument
from .read import InputError

CSV_COLUMNS = (
    "source", "line", "column", "item", "role", "type", "number", "date", "issuer", "title", "term",
    "pinpoint", "key", "start", "end", "text",
)


def citation_record(citation: Citation) -> dict[str, object]:
    return {
        "text": citation.text,
        "start": citation.start,
        "end": citation.end,
        "line": citation.line,
        "column": citation.column,
        "item": citation.item,
        "role": citation.role,
        "type": citation.type,
        "number": citation.number,
        "date": citation.date,
        "issuer": citation.issuer,
        "issuer_code": citation.issuer_code,
        "title": citation.title,
        "term": citation.term,
        "pinpoint": citation.pinpoint,
        "key": citation.key,
        "family": citation.family,
        "name": citation.name,
        "year": citation.year,
        "antecedent": citation.antecedent,
        "shared": list(citation.shared),
        "normalised": list(citation.normalisations),
    }


def document_record(document: ExtractedDocument) -> dict[str, object]:
    header = document.header
    return {
        "source": document.source,
        "document": {
            "type": header.type,
            "number": header.number,
            "date": header.date,
            "issuer": header.issuer,
            "title": header.title,
            "year": header.year,
            "place": header.place,
            "key": header.key,
            "number_blank": header.number_blank,
            "date_blank": header.date_blank,
        },
        "items": [
            {"label": item.label, "title": item.title, "start": item.start, "end": item.end, "parent": item.parent}
            for item in document.items
        ],
        "citations": [citation_record(c) for c in document.citations],
        "notes": list(document.notes),
    }


def as_json(results: Sequence[ExtractedDocument | InputError]) -> str:
    import json  # here, not at the top: other formats start faster without it

    documents = [document_record(r) for r in results if isinstance(r, ExtractedDocument)]
    errors = [{"source": r.path, "error": r.reason} for r in results if isinstance(r, InputError)]
    return json.dumps({"documents": documents, "errors": errors}, ensure_ascii=False, indent=2) + "\n"


def as_text(results: Sequence[ExtractedDocument | InputError]) -> str:
    lines = []
    for result in results:
        if not isinstance(result, ExtractedDocument):
            continue
        for c in result.citations:
            fields = (c.item or "-", c.type or "-", c.number or c.name or "-", c.date or "-", c.issuer or "-")
            lines.append(f"{result.source}:{c.line}:{c.column}  " + "  ".join(fields))
    return "\n".join(lines) + ("\n" if lines else "")


def as_csv(results: Sequence[ExtractedDocument | InputError]) -> str:
    import csv  # here, like json: other formats start faster without it

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        if not isinstance(result, ExtractedDocument):
            continue
        for citation in result.citations:
            record = citation_record(citation)
            writer.writerow({"source": result.source, **{k: record[k] for k in CSV_COLUMNS if k != "source"}})
    return buffer.getvalue()


RENDERERS = {"text": as_text, "json": as_json, "csv": as_csv}
