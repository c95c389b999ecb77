"""One way through: read -> normalise -> outline -> extract -> resolve.

Each stage is its own module; this one only wires them together and maps the outline's offsets
back to the original text, so every record a caller sees points into the file as read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from operator import attrgetter

from .extract import extract
from .knowledge import Knowledge, load
from .models import ExtractedDocument, PlanItem, SourceText
from .normalise import NormalisedText, normalise
from .outline import outline
from .read import DEFAULT_MAX_BYTES, InputError, read_source
from .resolve import own_key, resolve


def extract_text(text: str, source: str = "<text>", knowledge: Knowledge | None = None) -> ExtractedDocument:
    """Parse one document's text."""
    knowledge = knowledge or load()
    clean = normalise(text)
    structure = outline(clean.text, knowledge)
    own = own_key(structure.header, knowledge)
    citations = resolve(extract(clean.text), structure, clean, knowledge, own)
    items = _items_to_original(structure.items, clean)
    header = replace(structure.header, key=own)
    return ExtractedDocument(source, text, header, items, citations)


def extract_source(source: SourceText, knowledge: Knowledge | None = None) -> ExtractedDocument:
    document = extract_text(source.text, source.path, knowledge)
    return replace(document, notes=source.notes)


def extract_paths(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ExtractedDocument | InputError]:
    """Each path's document, or the InputError that says why it could not be read."""
    for path in paths:
        try:
            source = read_source(path, max_bytes=max_bytes)
        except InputError as error:
            yield error
            continue
        yield extract_source(source)


def _items_to_original(items: tuple[PlanItem, ...], clean: NormalisedText) -> tuple[PlanItem, ...]:
    """The outline's items with offsets into the original; the same tuple when normalising moved none of
    their offsets, which one question for them all answers in most texts, before any item is mapped."""
    if clean.keeps_offsets({*map(attrgetter("start"), items), *map(attrgetter("end"), items)}):
        return items
    return tuple(_to_original(item, clean) for item in items)


def _to_original(item: PlanItem, clean: NormalisedText) -> PlanItem:
    """The item with offsets into the original; the item itself where normalising moved neither."""
    start, end = clean.span_to_original(item.start, item.end)
    if start == item.start and end == item.end:
        return item
    return PlanItem(item.label, item.title, start, end, item.parent)
