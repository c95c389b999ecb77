"""`rests-on`, `bases`, `impact` and `stats` as a reviewer runs them, on the seed and on a real chain of
Party documents that cite each other (Hà Nội guide -> 38-HD/BTCTW -> 06-HD/TW -> 294-QĐ/TW)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.query import bases, find_documents, impact, rests_on, stats

from .conftest import CORPUS, SEED
from .test_graph import PARTY_CHAIN, graph_of, seed_graph

HANOI_GUIDE = PARTY_CHAIN[3]
HCMC_LETTER = str(next(CORPUS.glob("real/A09_*.txt")))


def run(*arguments: str):
    return CliRunner().invoke(main, list(arguments))


# --- rests-on ------------------------------------------------------------------------------------------

def test_a_provincial_directive_cited_by_two_documents_is_one_document() -> None:
    # A15 dates Chỉ thị 11-CT/TU 04/01/2026, A18 both 04/01/2026 and 04/02/2026: one directive of the Tỉnh
    # ủy's term that began at its congress in 2025, not two, whichever date each mention gives.
    a15, a18 = (str(next(CORPUS.glob(f"real/{prefix}_*.txt"))) for prefix in ("A15", "A18"))
    answer = rests_on(graph_of(a15, a18), "Chỉ thị 11-CT/TU")
    assert answer.document.name == "11-CT/TU@XIV" and not answer.candidates
    # A15 names it `Chỉ thị 11` after its first citation: items I.1, I.2 and II.1 rest on it by that name.
    assert [(Path(hit.document).name[:3], hit.item) for hit in answer.items] == [
        ("A15", "preamble"), ("A15", "I.1"), ("A15", "I.2"), ("A15", "II.1"), ("A15", "V"), ("A18", "1"),
    ]


def test_done_when_the_seed_items_resting_on_decree_59_are_exactly_ii3_iii3_iii4() -> None:
    result = run("rests-on", "Nghị định 59/2023/NĐ-CP", str(SEED), "--format", "json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["document"] == "59/2023/NĐ-CP"
    assert [(i["item"], i["line"], i["via"]) for i in answer["items"]] == [("II.3", 48, []), ("III.3", 74, []), ("III.4", 76, [])]
    assert {tuple(i) for i in answer["items"]} == {("document", "item", "title", "line", "via")}
    assert set(answer) >= {"query", "document", "items"}


@pytest.mark.parametrize(
    "reference",
    ["59/2023/NĐ-CP", "NĐ 59/2023", "Nghị định số 59/2023/NĐ-CP", "Nghị định 59/2023", "nghị định 59/2023/nđ-cp"],
)
def test_every_way_a_user_types_the_decree_finds_it(reference: str) -> None:
    answer = rests_on(seed_graph(), reference)
    assert answer.document is not None and answer.document.name == "59/2023/NĐ-CP"
    assert [hit.item for hit in answer.items] == ["II.3", "III.3", "III.4"]


@pytest.mark.parametrize(
    ("reference", "key", "items"),
    [
        ("Chỉ thị 16/CT-TTg", "16/CT-TTg@2016", ["II.1"]),
        ("23-QĐ/TW", "23-QĐ/TW@XIII", ["II.1"]),
        ("Luật Thực hiện dân chủ ở cơ sở", "10/2022/QH15", ["II.3", "III.3", "III.4"]),
        ("Kế hoạch 85/KH-UBND", "85/KH-UBND@2024", ["preamble"]),
    ],
)
def test_references_without_year_or_term_or_number_find_their_document(reference: str, key: str, items: list[str]) -> None:
    answer = rests_on(seed_graph(), reference)
    assert answer.document.name == key
    assert [hit.item for hit in answer.items] == items


def test_an_ambiguous_reference_lists_its_candidates_instead_of_guessing() -> None:
    """The Hồ Chí Minh City letter cites two licences numbered 42/GP-UBND, of 2020 and of 2025."""
    result = run("rests-on", "42/GP-UBND", HCMC_LETTER)
    assert result.exit_code == 1
    assert "may mean 2 documents" in result.output
    assert "42/GP-UBND@2020" in result.output and "42/GP-UBND@2025" in result.output
    answer = json.loads(run("rests-on", "42/GP-UBND", HCMC_LETTER, "--format", "json").output)
    assert answer["document"] is None and answer["items"] == []
    assert [c["document"] for c in answer["candidates"]] == ["42/GP-UBND@2020", "42/GP-UBND@2025"]
    assert rests_on(graph_of(HCMC_LETTER), "Giấy phép số 42/GP-UBND ngày 01/01/2025").document is not None


def test_a_document_no_file_cites_is_not_found() -> None:
    result = run("rests-on", "Chỉ thị 99/CT-TTg", str(SEED))
    assert result.exit_code == 1
    assert "No document" in result.output
    assert find_documents(seed_graph(), "không phải số văn bản") == []


def test_transitive_walks_intermediate_documents_and_shows_the_path() -> None:
    graph = graph_of(*PARTY_CHAIN)
    direct = rests_on(graph, "294-QĐ/TW")
    walked = rests_on(graph, "294-QĐ/TW", transitive=True)
    assert all(hit.via == () for hit in direct.items)
    via = [hit for hit in walked.items if hit.via]
    assert {hit.via for hit in via} <= {("6-HD/TW@XIII",), ("38-HD/BTCTW@XIII",)}
    assert any(hit.document == HANOI_GUIDE and hit.item == "IV.4.6" and hit.via == ("6-HD/TW@XIII",) for hit in via)
    assert {(h.document, h.item) for h in direct.items} < {(h.document, h.item) for h in walked.items}


def test_transitive_text_output_names_the_intermediate_document() -> None:
    result = run("rests-on", "Quy định 294-QĐ/TW", *PARTY_CHAIN, "--transitive")
    assert result.exit_code == 0
    assert f"{HANOI_GUIDE}:712  IV.4.6  Một số trường hợp đặc biệt khác  (via 6-HD/TW@XIII)" in result.output.splitlines()


def test_csv_has_one_row_per_item_with_the_path_joined() -> None:
    result = run("rests-on", "294-QĐ/TW", *PARTY_CHAIN, "--transitive", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == ["document", "item", "title", "line", "via"]
    assert len(rows) == len(rests_on(graph_of(*PARTY_CHAIN), "294-QĐ/TW", transitive=True).items)
    assert {row["via"] for row in rows} >= {"", "6-HD/TW@XIII"}


def test_a_missing_file_is_reported_and_the_others_still_answer() -> None:
    result = CliRunner().invoke(main, ["rests-on", "59/2023/NĐ-CP", str(SEED), "no-such-file.txt"])
    assert result.exit_code == 2
    assert "citegraph: error: no-such-file.txt" in result.stderr
    assert "III.4" in result.stdout


# --- bases ---------------------------------------------------------------------------------------------

def test_what_item_ii3_rests_on() -> None:
    answer = bases(seed_graph(), "II.3", str(SEED))
    assert {b.document.name for b in answer.bases} == {
        "120-KL/TW@XI", "10/2022/QH15", "59/2023/NĐ-CP", "26-KH/BCĐ@XIII", "219-CTr/BCĐ@XIII", "69/KH-UBND@2024",
        "36/KH-UBND@2024", "11-QĐi/TW@XII", "42/2013/QH13",
    }
    assert all(b.item == "II.3" and b.via == () for b in answer.bases)


def test_an_item_rests_on_what_its_sub_items_cite() -> None:
    answer = bases(seed_graph(), "II", str(SEED))
    assert {b.item for b in answer.bases} == {"II.1", "II.2", "II.3", "II.5"}
    assert "16/CT-TTg@2016" in {b.document.name for b in answer.bases}


def test_bases_transitive_reaches_the_documents_behind_a_guide() -> None:
    answer = bases(graph_of(*PARTY_CHAIN), "IV.1.1", HANOI_GUIDE, transitive=True)
    found = {b.document.name: b.via for b in answer.bases}
    assert found["6-HD/TW@XIII"] == () and found["38-HD/BTCTW@XIII"] == ()
    assert found["294-QĐ/TW@XIII"] == ("6-HD/TW@XIII",)


def test_bases_of_an_unknown_item_names_the_items_there_are() -> None:
    result = run("bases", "IX.9", str(SEED))
    assert result.exit_code == 1
    assert "no item IX.9" in result.output and "II.3" in result.output
    answer = json.loads(run("bases", "III.4", str(SEED), "--format", "json").output)
    assert [b["document"] for b in answer["bases"]] == ["10/2022/QH15", "59/2023/NĐ-CP"]


# --- impact --------------------------------------------------------------------------------------------

def test_impact_of_replacing_294_groups_the_items_to_revise_by_document() -> None:
    answer = impact(graph_of(*PARTY_CHAIN), "294-QĐ/TW")
    groups = {a.document.name: a for a in answer.affected}
    assert set(groups) == {"6-HD/TW@XIII", "38-HD/BTCTW@XIII", HANOI_GUIDE}
    assert all(a.based_on for a in answer.affected)
    assert groups["6-HD/TW@XIII"].items[0].item == "preamble"
    assert sum(len(a.items) for a in answer.affected) == len(rests_on(graph_of(*PARTY_CHAIN), "294-QĐ/TW", transitive=True).items)


def test_impact_on_the_seed_lists_the_plan_once() -> None:
    answer = json.loads(run("impact", "59/2023/NĐ-CP", str(SEED), "--format", "json").output)
    assert [(d["document"], [i["item"] for i in d["items"]]) for d in answer["documents"]] == [
        (str(SEED), ["II.3", "III.3", "III.4"])]
    assert answer["documents"][0]["based_on"] is False


# --- stats ---------------------------------------------------------------------------------------------

def test_stats_of_the_seed() -> None:
    answer = stats(seed_graph())
    assert (answer.files, answer.citations) == (1, 37)
    assert [(c.name, c.count) for c in answer.most_cited[:2]] == [("10/2022/QH15", 4), ("59/2023/NĐ-CP", 3)]
    levels = dict((c.name, c.count) for c in answer.by_level)
    assert levels["commune"] == 2 and levels["party"] == 15
    assert [ref.name for ref in answer.uncited] == [str(SEED)]


def test_stats_name_what_the_text_leaves_unresolved() -> None:
    answer = json.loads(run("stats", HCMC_LETTER, "--format", "json").output)
    reasons = {u["document"]: u["reason"] for u in answer["unresolved"]}
    assert reasons["42/GP-UBND@2025"] == "issuer's place not named"
    assert set(answer) == {"files", "documents", "citations", "most_cited", "by_issuer", "by_level", "uncited", "unresolved"}


def test_stats_over_a_chain_knows_which_inputs_are_cited() -> None:
    answer = stats(graph_of(*PARTY_CHAIN))
    assert {ref.name for ref in answer.uncited} == {HANOI_GUIDE}
