"""`citegraph extract` as a drafter and a script use it: formats, standard input, bad files, output files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import docx
from click.testing import CliRunner

from citegraph.cli import main

from .conftest import ROOT, SEED


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, ["extract", *args], input=stdin, catch_exceptions=False)


def test_text_output_is_one_line_per_citation() -> None:
    result = run(str(SEED))
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert len(lines) == 37
    assert lines[0] == f"{SEED}:10:11  preamble  Kế hoạch  85/KH-UBND  2024-04-01  UBND huyện Dương Minh Châu"


def test_json_output_keeps_the_documented_keys() -> None:
    result = run(str(SEED), "--format", "json")
    document = json.loads(result.stdout)["documents"][0]
    assert document["source"] == str(SEED)
    assert {"type", "number", "date", "issuer", "title"} <= document["document"].keys()
    assert document["document"]["type"] == "Kế hoạch"
    assert {"label", "title", "start", "end"} <= document["items"][0].keys()
    keys = {"text", "start", "end", "line", "column", "item", "role", "type", "number", "date", "issuer", "title",
            "term", "pinpoint", "key"}
    assert all(keys <= citation.keys() for citation in document["citations"])
    text = SEED.read_text(encoding="utf-8")
    assert all(text[c["start"]:c["end"]] == c["text"] for c in document["citations"])


def test_csv_output_has_a_header_and_a_row_per_citation() -> None:
    rows = list(csv.DictReader(io.StringIO(run(str(SEED), "--format", "csv").stdout)))
    assert len(rows) == 37
    assert rows[0]["number"] == "85/KH-UBND" and rows[0]["line"] == "10"


def test_standard_input() -> None:
    result = run("-", stdin=SEED.read_bytes())
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("-:10:11  preamble  Kế hoạch  85/KH-UBND")


def test_a_bad_file_is_one_line_and_exit_2_and_the_others_still_run(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(main, ["extract", str(missing), str(SEED), str(empty), "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"citegraph: error: {missing}: no such file",
        f"citegraph: error: {empty}: the file is empty",
    ]
    report = json.loads(result.stdout)
    assert [d["source"] for d in report["documents"]] == [str(SEED)]
    assert report["errors"] == [
        {"source": str(missing), "error": "no such file"},
        {"source": str(empty), "error": "the file is empty"},
    ]


def test_output_file_is_written_and_an_input_is_never_overwritten(tmp_path) -> None:
    out = tmp_path / "citations.json"
    assert run(str(SEED), "--format", "json", "-o", str(out)).exit_code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"][0]["citations"]) == 37
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind
    copy = tmp_path / "plan.txt"
    copy.write_bytes(SEED.read_bytes())
    result = CliRunner().invoke(main, ["extract", str(copy), "-o", str(copy)])
    assert result.exit_code == 2
    assert result.stderr == f"citegraph: error: {copy}: is one of the input files; refusing to overwrite it\n"
    assert copy.read_bytes() == SEED.read_bytes()


def test_docx_gives_the_same_citations_as_its_text(tmp_path) -> None:
    document = docx.Document()
    for paragraph in SEED.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(paragraph)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    from_docx = json.loads(run(str(path), "--format", "json").stdout)["documents"][0]["citations"]
    from_text = json.loads(run(str(SEED), "--format", "json").stdout)["documents"][0]["citations"]
    assert [(c["number"], c["item"], c["line"]) for c in from_docx] == [
        (c["number"], c["item"], c["line"]) for c in from_text
    ]


def test_cli_py_runs_from_a_checkout() -> None:
    result = subprocess.run(
        [sys.executable, "cli.py", "extract", str(SEED)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert len(result.stdout.splitlines()) == 37
