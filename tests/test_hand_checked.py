"""Extraction on the seed and on real documents equals a hand-checked list, field by field.

Each fixture in tests/fixtures/expected/ was written by reading the document line by line, not by
copying the tool's output; a difference is a bug in the parser (or a fixture to re-check by hand).
"""

from __future__ import annotations

import json

import pytest

from citegraph.pipeline import extract_text

from .conftest import CORPUS, EXPECTED

FIELDS = ("line", "item", "role", "type", "number", "name", "date", "issuer", "term")


def _document_for(fixture_name: str):
    stem = fixture_name.removesuffix(".json")
    matches = list(CORPUS.glob(f"{stem}.txt")) + list(CORPUS.glob(f"real/{stem}.txt"))
    assert matches, f"no corpus document for fixture {fixture_name}"
    return matches[0]


FIXTURES = sorted(p.name for p in EXPECTED.glob("*.json"))


@pytest.mark.parametrize("fixture_name", FIXTURES)
def test_citations_match_the_hand_checked_list(fixture_name: str) -> None:
    expected = json.loads((EXPECTED / fixture_name).read_text(encoding="utf-8"))
    document = extract_text(_document_for(fixture_name).read_text(encoding="utf-8"))
    found = [{field: getattr(c, field) for field in FIELDS} for c in document.citations]
    wanted = [{field: row[field] for field in FIELDS} for row in expected]
    assert found == wanted


@pytest.mark.parametrize("fixture_name", [f for f in FIXTURES if "title" in json.loads((EXPECTED / f).read_text())[0]])
def test_titles_match_the_hand_checked_list(fixture_name: str) -> None:
    expected = json.loads((EXPECTED / fixture_name).read_text(encoding="utf-8"))
    document = extract_text(_document_for(fixture_name).read_text(encoding="utf-8"))
    assert [c.title for c in document.citations] == [row["title"] for row in expected]
