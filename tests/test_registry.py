"""The registry of known documents: a source for every fact, one key per citation, rebuilt from its sources."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from citegraph.knowledge import load
from citegraph.registry import CONFIDENCE_CAP, key_of_number
from citegraph.registry import load as load_registry

from .conftest import ROOT

REGISTRY = ROOT / "corpus" / "registry"
SHARED = ROOT.parent / "shared" / "registry-sample"


def rows() -> list[dict[str, str]]:
    with (REGISTRY / "documents.tsv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


def test_every_row_names_its_source_and_how_sure_it_is() -> None:
    documents = rows()
    assert len(documents) > 12000
    for row in documents:
        assert row["source"] and row["origin"] and row["key"] and row["number"], row
        assert row["confidence"] in CONFIDENCE_CAP, row
        status_facts = row["status"] or row["expiry_date"] or row["replaced_by"]
        assert not status_facts or row["status_confidence"] in CONFIDENCE_CAP, row


def test_rows_are_sorted_by_key_for_the_binary_search() -> None:
    keys = [row["key"].encode() for row in rows()]
    assert keys == sorted(keys)


def test_keys_are_the_keys_citations_get() -> None:
    registry = load_registry()
    assert [e.origin for e in registry.entries("59/2023/NĐ-CP")] == ["vn-conventions", "national-registry"]
    assert [e.date.isoformat() for e in registry.entries("18-NQ/TW@XII") if e.date] == ["2017-10-25"]
    assert key_of_number("09/2019/TT-BTC") == "9/2019/TT-BTC"
    assert {e.key for e in registry.by_number("18-NQ/TW")} == {"18-NQ/TW@XII", "18-NQ/TW@XIII"}


def test_every_law_the_extractor_resolves_by_name_is_known() -> None:
    registry = load_registry()
    missing = [law.number for law in load().laws
               if law.number and law.number[0].isdigit() and not registry.entries(key_of_number(law.number) or "")]
    assert missing == []


def test_local_rows_carry_their_place() -> None:
    local = [row for row in rows() if row["origin"] == "binhduong-register"]
    assert local and all(row["locality"] == "Bình Dương" for row in local)


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/registry-sample")
def test_the_registry_is_rebuilt_exactly_by_its_script(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_registry.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    for name in ("documents.tsv", "relations.tsv"):
        assert (tmp_path / name).read_bytes() == (REGISTRY / name).read_bytes(), name
