"""`citegraph check`, `citegraph rules` and `citegraph registry` as a drafter and a CI pipeline use them."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.rules import catalogue, markdown

from .conftest import CORPUS, SEED

SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FINDING_KEYS = {"code", "severity", "message", "start", "end", "line", "column", "citation", "suggestion"}


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture(autouse=True)
def no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty directory, so no configuration file of the checkout applies."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_seed_gets_its_draft_note_and_its_real_slips() -> None:
    result = run("check", str(SEED))
    assert result.exit_code == 0
    heads = [line for line in result.stdout.splitlines() if ": CG" in line]
    assert heads == [
        f"{SEED}:3:1: CG401 info: Văn bản chưa có số hoặc ngày ban hành (bản chưa ký); các quy tắc theo ngày dùng năm 2024",
        f"{SEED}:28:107: CG115 warning: Dấu ngoặc kép quanh trích yếu của 33/CT-TTg không cân (thiếu dấu mở hoặc dấu đóng)",
        f"{SEED}:66:834: CG115 warning: Dấu ngoặc kép quanh trích yếu của 18-CT/TW không cân (thiếu dấu mở hoặc dấu đóng)",
    ]
    assert result.stdout.splitlines()[-1] == f"{SEED}: 0 lỗi, 2 cảnh báo, 1 thông tin (37 trích dẫn)"


def test_text_output_shows_the_line_the_underline_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("Số: 12/KH-UBND\n\nHà Nội, ngày 15 tháng 6 năm 2026\n\nKẾ HOẠCH\nThử\n\n"
                    "1. Thực hiện Chỉ thị số 16-CT/TTg ngày 16/5/2016 của Thủ tướng Chính phủ.\n", encoding="utf-8")
    lines = run("check", "--lang", "en", str(path)).stdout.splitlines()
    assert lines[:4] == [
        f"{path}:8:25: CG102 error: 16-CT/TTg is a State number written in the Party form (hyphen after the ordinal)",
        " 8 | 1. Thực hiện Chỉ thị số 16-CT/TTg ngày 16/5/2016 của Thủ tướng Chính phủ.",
        "   |                         ^^^^^^^^^",
        "   = help: Write 16/CT-TTg",
    ]


@pytest.mark.parametrize("form", ["\r", "\u2028", "NFD"])
def test_a_seed_with_other_line_ends_or_decomposed_letters_is_shown_as_written(tmp_path: Path, form: str) -> None:
    # A CR-only file, one with Unicode line separators, and a decomposed one: the draft note still points at the
    # `Số` line, and the line shown is that line alone with an underline as wide as its composed letters.
    seed = SEED.read_text(encoding="utf-8")
    variant = unicodedata.normalize("NFD", seed) if form == "NFD" else seed.replace("\n", form)
    path = tmp_path / "plan.txt"
    path.write_bytes(variant.encode("utf-8"))
    lines = run("check", str(path)).stdout.splitlines()
    assert lines[:3] == [
        f"{path}:3:1: CG401 info: Văn bản chưa có số hoặc ngày ban hành (bản chưa ký); các quy tắc theo ngày dùng năm 2024",
        " 3 | " + (unicodedata.normalize("NFD", "Số: /KH-UBND") if form == "NFD" else "Số: /KH-UBND"),
        "   | ^^^^^^^^^^^^",
    ]
    (draft,) = [f for f in json.loads(run("check", "--format", "json", str(path)).stdout)["documents"][0]["findings"]
                if f["code"] == "CG401"]
    number_line = "Số: /KH-UBND"
    assert variant[draft["start"]:draft["end"]] == (unicodedata.normalize("NFD", number_line) if form == "NFD" else number_line)


def test_exit_status_follows_fail_on() -> None:
    assert run("check", str(SEED)).exit_code == 0
    assert run("check", "--fail-on", "warning", str(SEED)).exit_code == 1
    assert run("check", "--fail-on", "warning", "--ignore", "CG115", str(SEED)).exit_code == 0
    assert run("check", "--fail-on", "info", "--ignore", "CG115", str(SEED)).exit_code == 1


def test_usage_and_input_errors_exit_2() -> None:
    assert run("check", "--select", "CG999", str(SEED)).exit_code == 2
    missing = run("check", str(SEED), "no-such-file.txt")
    assert missing.exit_code == 2
    assert "citegraph: error: no-such-file.txt: no such file" in missing.stderr
    assert f"{SEED}: 0 lỗi" in missing.stdout


def test_json_keeps_the_contract_keys() -> None:
    data = json.loads(run("check", "--format", "json", "--lang", "en", str(SEED)).stdout)
    assert set(data) >= {"documents", "summary"}
    assert data["summary"] == {"files": 1, "citations": 37, "errors": 0, "warnings": 2, "infos": 1}
    [document] = data["documents"]
    assert document["source"] == str(SEED)
    assert all(set(f) == FINDING_KEYS for f in document["findings"])
    draft, quote, _ = document["findings"]
    assert (draft["code"], draft["citation"], draft["suggestion"]) == ("CG401", None, None)
    assert (quote["code"], quote["citation"], quote["line"], quote["column"]) == ("CG115", "33/CT-TTg", 28, 107)
    assert quote["suggestion"] == "Add the missing quotation mark or remove the stray one"
    text = SEED.read_text(encoding="utf-8")
    assert text[quote["start"]:quote["end"]] == "”"


def test_sarif_validates_against_the_schema() -> None:
    result = run("check", "--format", "sarif", "--select", "ALL", str(SEED), str(CORPUS / "real" / "A26_province_QD-435-QD-UBND_KonTum_2020.txt"))
    sarif = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    [sarif_run] = sarif["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:2] == ["CG101", "CG102"]
    results = sarif_run["results"]
    assert {r["ruleId"] for r in results} >= {"CG401", "CG115", "CG110"}
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    first = next(r for r in results if r["ruleId"] == "CG115")
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["charLength"]) == (28, 107, 1)


def test_sarif_lists_unreadable_inputs() -> None:
    sarif = json.loads(run("check", "--format", "sarif", str(SEED), "missing.txt").stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    [notification] = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["message"]["text"] == "missing.txt: no such file"


def test_a_directory_is_walked_for_supported_files() -> None:
    data = json.loads(run("check", "--format", "json", str(CORPUS / "real")).stdout)
    sources = [d["source"] for d in data["documents"]]
    assert len(sources) == 27
    assert all(s.endswith(".txt") for s in sources)  # sources.tsv is not a document


def test_standard_input() -> None:
    result = run("check", "--lang", "en", "-", stdin="1. Thực hiện Nghị quyết số 43/2022/NQ-QH15 ngày 11/01/2022 của Quốc hội.\n")
    assert "-:1:28: CG112 error" in result.stdout
    assert result.exit_code == 1


def test_configuration_in_citegraph_toml(no_config: Path) -> None:
    (no_config / "citegraph.toml").write_text('fail-on = "warning"\nlang = "en"\n', encoding="utf-8")
    result = run("check", str(SEED))
    assert result.exit_code == 1
    assert "CG115 warning: The quotation marks" in result.stdout
    assert run("check", "--fail-on", "error", str(SEED)).exit_code == 0  # the command line wins


def test_configuration_in_pyproject(no_config: Path) -> None:
    (no_config / "pyproject.toml").write_text('[tool.citegraph]\nselect = ["CG4"]\nformat = "json"\n', encoding="utf-8")
    nested = no_config / "sub"
    nested.mkdir()
    data = json.loads(CliRunner().invoke(main, ["check", str(SEED)], catch_exceptions=False).stdout)
    assert [f["code"] for f in data["documents"][0]["findings"]] == ["CG401"]


def test_an_unknown_setting_is_a_usage_error(no_config: Path) -> None:
    (no_config / "citegraph.toml").write_text('fial-on = "warning"\n', encoding="utf-8")
    result = run("check", str(SEED))
    assert result.exit_code == 2
    assert "unknown setting(s) fial-on" in result.stderr


def test_output_file_has_no_colour(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    assert run("check", "-o", str(target), str(SEED)).exit_code == 0
    assert "\x1b[" not in target.read_text(encoding="utf-8")
    assert "CG115 warning" in target.read_text(encoding="utf-8")


def test_rules_lists_and_explains() -> None:
    listing = run("rules").stdout.splitlines()
    assert listing[0] == "CG101  error    party-number-in-state-form"
    assert any(line.startswith("CG501  info     later-mention-repeats-full-citation  (off") for line in listing)
    explained = run("rules", "cg202").stdout
    assert explained.startswith("CG202 inconsistent-date [error]")
    assert "Wrong: Kế hoạch số 368/KH-UBND ngày 31/7/2026" in explained
    assert run("rules", "CG999").exit_code == 2


def test_registry_shows_what_is_known_with_sources() -> None:
    shown = run("registry", "80/2015/QH13").stdout
    assert "replaced by: 64/2025/QH15" in shown
    assert "source: shared/docs/vn-conventions.md" in shown
    assert "80/2015/QH13 amended_by 63/2020/QH14" in shown
    data = json.loads(run("registry", "--format", "json", "23-QĐ/TW").stdout)
    assert data["documents"] == [] and data["relations"] == []
    assert run("registry", "not a number").exit_code == 2


def test_rules_markdown_is_the_catalogue_page() -> None:
    assert run("rules", "--format", "markdown").stdout == markdown(catalogue())
