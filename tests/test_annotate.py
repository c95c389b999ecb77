"""The annotated Word copy: comments read back from the written .docx, each on its citation's own words."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from citegraph.annotate import annotate
from citegraph.check import check_paths
from citegraph.cli import main
from citegraph.pipeline import extract_paths

from .conftest import SEED
from .documents import paragraph, write_docx
from .drafts import seed_docx

HEADER = ["ỦY BAN NHÂN DÂN XÃ PHAN", "Số: 12/KH-UBND", "Phan, ngày 05 tháng 4 năm 2024", "KẾ HOẠCH",
          "Thực hiện công tác văn thư năm 2024"]
WRONG_DECREE = "Nghị định số 30/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư"
RIGHT_DIRECTIVE = ("Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường và đổi mới công tác "
                   "dân vận")
WRONG_PARTY = "Quyết định số 23/QĐ-TW ngày 30/7/2021 của Ban Chấp hành Trung ương về Quy chế công tác dân vận"


def comments_on(path: Path) -> dict[str, tuple[str, str]]:
    """Each comment's text and the body text between its range marks, by comment id."""
    document = docx.Document(str(path))
    texts = {str(c.comment_id): c.text for c in document.comments}
    open_ranges: dict[str, list[str]] = {}
    anchored: dict[str, str] = {}
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ranges[element.get(qn("w:id"))] = []
        elif element.tag == qn("w:commentRangeEnd"):
            anchored[element.get(qn("w:id"))] = "".join(open_ranges.pop(element.get(qn("w:id"))))
        elif element.tag == qn("w:p"):
            for pieces in open_ranges.values():
                pieces.append("\n") if pieces else None
        elif element.tag == qn("w:t"):
            for pieces in open_ranges.values():
                pieces.append(element.text or "")
    assert set(anchored) == set(texts), "every comment has one range in the body"
    return {key: (texts[key], anchored[key]) for key in texts}


def plan_docx(path: Path) -> Path:
    """A plan whose wrong decree starts and ends inside formatted runs and whose Party number sits in a table."""
    document = docx.Document()
    for line in HEADER:
        document.add_paragraph(line)
    basis = document.add_paragraph("Căn cứ Nghị định số 30/")
    basis.add_run("NĐ-CP ngày 05/3/2020").bold = True
    basis.add_run(" của Chính phủ về công tác văn thư;")
    document.add_paragraph(f"Căn cứ {RIGHT_DIRECTIVE};")
    document.add_paragraph("Ủy ban nhân dân xã ban hành Kế hoạch như sau:")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run(f"1. Quán triệt {WRONG_PARTY}.")
    document.save(str(path))
    return path


def write_annotated(source: Path, target: Path) -> Path:
    reports, errors = check_paths([str(source)], None, max_bytes=10**8)
    assert not errors
    target.write_bytes(annotate(str(source), reports[0]))
    return target


def test_each_comment_sits_on_its_citation_and_names_code_message_and_fix(tmp_path: Path) -> None:
    annotated = write_annotated(plan_docx(tmp_path / "plan.docx"), tmp_path / "plan.checked.docx")
    comments = sorted(comments_on(annotated).values(), key=lambda pair: pair[1])
    assert [anchor for _, anchor in comments] == [WRONG_DECREE, WRONG_PARTY]
    decree, party = (text for text, _ in comments)
    assert decree.startswith("CG103 (lỗi): Nghị định là văn bản quy phạm pháp luật")
    assert "Cách sửa: Viết 30/2020/NĐ-CP" in decree
    assert party.startswith("CG101 (lỗi): Số 23/QĐ-TW của cơ quan Đảng") and "Cách sửa: Viết 23-QĐ/TW" in party


def test_a_citation_without_findings_gets_no_comment(tmp_path: Path) -> None:
    annotated = write_annotated(plan_docx(tmp_path / "plan.docx"), tmp_path / "plan.checked.docx")
    assert all("16/CT-TTg" not in anchor for _, anchor in comments_on(annotated).values())


def test_the_original_is_untouched_and_the_copy_reads_the_same(tmp_path: Path) -> None:
    original = plan_docx(tmp_path / "plan.docx")
    before = original.read_bytes()
    annotated = write_annotated(original, tmp_path / "plan.checked.docx")
    assert original.read_bytes() == before
    texts = [d.text for d in extract_paths([str(original), str(annotated)])]  # type: ignore[union-attr]
    assert texts[0] == texts[1]
    runs = docx.Document(str(annotated)).paragraphs[5].runs
    assert [(r.text, bool(r.bold)) for r in runs if r.text] == [
        ("Căn cứ ", False), ("Nghị định số 30/", False), ("NĐ-CP ngày 05/3/2020", True),
        (" của Chính phủ về công tác văn thư", False), (";", False),
    ]


def test_the_seed_as_word_gets_its_three_comments_in_place(tmp_path: Path) -> None:
    annotated = write_annotated(seed_docx(tmp_path / "seed.docx"), tmp_path / "seed.checked.docx")
    comments = [pair for _, pair in sorted(comments_on(annotated).items(), key=lambda item: int(item[0]))]
    assert [text.split(":")[0] for text, _ in comments] == ["CG401 (thông tin)", "CG115 (cảnh báo)", "CG115 (cảnh báo)"]
    assert comments[0][1] == "Số: /KH-UBND"
    assert comments[1][1].startswith("Chỉ thị số 33/CT-TTg, ngày 26/11/2021")
    assert comments[2][1].startswith("Chỉ thị số 18-CT/TW, ngày 26/10/2022")


def test_a_finding_in_a_footnote_is_listed_on_the_first_words(tmp_path: Path) -> None:
    body = "".join(paragraph(line) for line in HEADER) + paragraph(f"Căn cứ {RIGHT_DIRECTIVE};")
    source = Path(write_docx(tmp_path / "notes.docx", body, footnotes=[f"Xem {WRONG_DECREE}."]))
    [(text, anchor)] = comments_on(write_annotated(source, tmp_path / "notes.checked.docx")).values()
    assert anchor == HEADER[0]
    assert f"Tại “{WRONG_DECREE}”" in text and "CG103 (lỗi)" in text


def test_cli_writes_the_annotated_copy(tmp_path: Path) -> None:
    source = plan_docx(tmp_path / "plan.docx")
    target = tmp_path / "plan.checked.docx"
    result = CliRunner().invoke(main, ["check", str(source), "--annotate", str(target)])
    assert result.exit_code == 1  # the plan has errors
    assert len(comments_on(target)) == 2


@pytest.mark.parametrize("inputs", [[str(SEED)], ["{plan}", "{plan}"]])
def test_cli_annotates_only_one_docx(tmp_path: Path, inputs: list[str]) -> None:
    plan = str(plan_docx(tmp_path / "plan.docx"))
    arguments = [i.format(plan=plan) for i in inputs]
    result = CliRunner().invoke(main, ["check", *arguments, "--annotate", str(tmp_path / "out.docx")])
    assert result.exit_code == 2
    assert "--annotate needs exactly one .docx file" in result.output
    assert not (tmp_path / "out.docx").exists()


def test_cli_refuses_to_annotate_over_the_original(tmp_path: Path) -> None:
    source = plan_docx(tmp_path / "plan.docx")
    before = source.read_bytes()
    result = CliRunner().invoke(main, ["check", str(source), "--annotate", str(source)])
    assert result.exit_code == 2
    assert "refusing to overwrite it" in result.stderr
    assert source.read_bytes() == before
