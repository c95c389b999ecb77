"""The pipeline's records stay values: immutable, compared and hashed by their fields."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from citegraph.models import Citation, DocumentNumber, PlanItem


def test_records_built_quickly_keep_dataclass_behaviour() -> None:
    item = PlanItem("II.3", "Nhiệm vụ", 10, 20)
    assert item == PlanItem(label="II.3", title="Nhiệm vụ", start=10, end=20, parent=None)
    assert hash(item) == hash(PlanItem("II.3", "Nhiệm vụ", 10, 20, None))
    assert repr(item) == "PlanItem(label='II.3', title='Nhiệm vụ', start=10, end=20, parent=None)"
    assert dataclasses.replace(item, end=30).end == 30
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.start = 0  # type: ignore[misc]
    with pytest.raises(TypeError):
        PlanItem("II.3", "Nhiệm vụ")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        PlanItem("II.3", "Nhiệm vụ", 10, 20, colour="red")  # type: ignore[call-arg]


def test_records_with_slots_built_quickly_keep_dataclass_behaviour() -> None:
    number = DocumentNumber("59/2023/NĐ-CP", "59/2023/NĐ-CP", "state", "59", 2023, "NĐ", ("CP",))
    same = DocumentNumber(
        text="59/2023/NĐ-CP", normalised="59/2023/NĐ-CP", family="state", ordinal="59", year=2023, type_code="NĐ",
        issuer_codes=("CP",),
    )
    assert number == same and hash(number) == hash(same)
    assert pickle.loads(pickle.dumps(number)) == number
    assert dataclasses.replace(number, year=None).year is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        number.year = 2024  # type: ignore[misc]
    with pytest.raises(TypeError):
        DocumentNumber("59/2023/NĐ-CP")  # type: ignore[call-arg]


def test_citation_defaults_and_nested_number() -> None:
    number = DocumentNumber("85/KH-UBND", "85/KH-UBND", "state", "85", None, "KH", ("UBND",))
    fields: dict[str, object] = {
        "text": "Kế hoạch số 85/KH-UBND", "start": 0, "end": 22, "line": 1, "column": 1, "type": "Kế hoạch",
        "number": "85/KH-UBND", "date": None, "issuer": None, "title": None, "term": None, "pinpoint": None,
        "item": None, "role": "reference", "key": "85/KH-UBND",
    }
    citation = Citation(**fields, number_parts=number)
    assert (citation.family, citation.normalisations, citation.title_quote_balanced) == (None, (), True)
    assert citation == Citation(**fields, number_parts=dataclasses.replace(number))
    assert len({citation, Citation(**fields, number_parts=number)}) == 1
    assert dataclasses.asdict(citation)["number_parts"]["issuer_codes"] == ("UBND",)
