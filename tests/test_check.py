"""Every rule fires on a citation that breaks it and stays silent on the same citation written right.

The documents are built from a plan of UBND tỉnh Lào Cai dated 15/6/2026 (as in NĐ 30/2020 Phụ lục I),
with the citations under test in its preamble or its first item. Conventions that are not errors get
their own tests with every rule selected.
"""

from __future__ import annotations

import pytest

from citegraph.check import Finding, check_documents
from citegraph.pipeline import extract_text
from citegraph.rules import catalogue, select

from .conftest import CORPUS

ALL = select(catalogue(), ["ALL"])
A18 = CORPUS / "real" / "A18_province_CV-5973-UBND-KT_LaoCai_2026.txt"


def plan(body: str = "", *, preamble: str = "", number: str = "12", date: str = "ngày 15 tháng 6 năm 2026") -> str:
    return (
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\n"
        f"Số: {number}/KH-UBND\n\nLào Cai, {date}\n\n"
        "KẾ HOẠCH\nThực hiện công tác thử nghiệm\n\n"
        f"{preamble}\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n\n"
        f"1. {body}\n"
    )


def findings(*texts: str, selected: frozenset[str] = ALL) -> list[list[Finding]]:
    documents = [extract_text(text, f"doc{index}.txt") for index, text in enumerate(texts)]
    return [list(report.findings) for report in check_documents(documents, selected)]


def codes(text: str) -> set[str]:
    return {f.code for f in findings(text)[0]}


# (code, the document with the slip, the same document written right)
CASES = [
    ("CG101", plan("Thực hiện Quyết định số 23/QĐ-TW ngày 30/7/2021 của Ban Chấp hành Trung ương."),
     plan("Thực hiện Quyết định số 23-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương.")),
    ("CG101", plan("Thực hiện Kết luận số 210/KL-TW ngày 12/11/2025 của Bộ Chính trị."),
     plan("Thực hiện Kết luận số 210-KL/TW ngày 12/11/2025 của Bộ Chính trị.")),
    ("CG102", plan("Thực hiện Chỉ thị số 16-CT/TTg ngày 16/5/2016 của Thủ tướng Chính phủ."),
     plan("Thực hiện Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ.")),
    ("CG102", plan("Thực hiện Nghị quyết số 53-NQ/HĐND ngày 10/12/2020 của HĐND tỉnh."),
     plan("Thực hiện Nghị quyết số 53/NQ-HĐND ngày 10/12/2020 của HĐND tỉnh.")),
    ("CG103", plan("Thực hiện Nghị định số 30/NĐ-CP ngày 05/3/2020 của Chính phủ."),
     plan("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.")),
    ("CG104", plan("Thực hiện Chỉ thị số 01/2026/CT-UBND ngày 05/3/2026 của UBND tỉnh."),
     plan("Thực hiện Chỉ thị số 01/CT-UBND ngày 05/3/2026 của UBND tỉnh.")),
    ("CG105", plan("Thực hiện Quyết định số 22/2021/QD-TTg ngày 13/7/2021 của Thủ tướng Chính phủ."),
     plan("Thực hiện Quyết định số 22/2021/QĐ-TTg ngày 13/7/2021 của Thủ tướng Chính phủ.")),
    ("CG106", plan("Thực hiện Kết luận số 21-KL/BCT ngày 25/10/2021 của Bộ Chính trị."),
     plan("Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Bộ Chính trị.")),
    ("CG106", plan("Thực hiện Thông tư số 01/2021/TT-BLDTBXH ngày 03/6/2021 của Bộ Lao động - Thương binh và Xã hội."),
     plan("Thực hiện Thông tư số 01/2021/TT-BLĐTBXH ngày 03/6/2021 của Bộ Lao động - Thương binh và Xã hội.")),
    ("CG107", plan("Thực hiện Chỉ thị số 16/QĐ-TTg ngày 16/5/2016 của Thủ tướng Chính phủ."),
     plan("Thực hiện Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ.")),
    ("CG107", plan("Thực hiện Kế hoạch số 65-CTr/TU ngày 16/5/2016 của Tỉnh ủy."),
     plan("Thực hiện Chương trình số 65-CTr/TU ngày 16/5/2016 của Tỉnh ủy.")),
    ("CG108", plan("Thực hiện Nghị định số 30/2021/NĐ-CP ngày 31/02/2021 của Chính phủ."),
     plan("Thực hiện Nghị định số 30/2021/NĐ-CP ngày 28/02/2021 của Chính phủ.")),
    ("CG108", plan("Thực hiện Luật Đất đai ngày 31 tháng 4 năm 2024."),
     plan("Thực hiện Luật Đất đai ngày 18 tháng 01 năm 2024.")),
    ("CG109", plan("Thực hiện Nghị định số 89/2015/N\u00d0-CP ngày 07/10/2015 của Chính phủ."),
     plan("Thực hiện Nghị định số 89/2015/NĐ-CP ngày 07/10/2015 của Chính phủ.")),
    ("CG109", plan("Thực hiện Thông tư số 51/2025/TT-BT\u0421 ngày 01/02/2025 của Bộ Tài chính."),
     plan("Thực hiện Thông tư số 51/2025/TT-BTC ngày 01/02/2025 của Bộ Tài chính.")),
    ("CG109", plan("Thực hiện Kế hoạch số 36/\u212aH-UBND ngày 22/3/2024 của UBND huyện."),  # the Kelvin sign
     plan("Thực hiện Kế hoạch số 36/KH-UBND ngày 22/3/2024 của UBND huyện.")),
    ("CG110", plan("Thực hiện Thông tư số 33/2018/TT- BGTVT ngày 15/11/2018 của Bộ Giao thông vận tải."),
     plan("Thực hiện Thông tư số 33/2018/TT-BGTVT ngày 15/11/2018 của Bộ Giao thông vận tải.")),
    ("CG110", plan("Thực hiện Thông tư số 33/2018/TT\u2013BGTVT ngày 15/11/2018 của Bộ Giao thông vận tải."),
     plan("Thực hiện Thông tư số 33/2018/TT-BGTVT ngày 15/11/2018 của Bộ Giao thông vận tải.")),
    ("CG111", plan("Thực hiện Nghị định số 12/2020 ngày 20/01/2020 của Chính phủ."),
     plan("Thực hiện Nghị định số 12/2020/NĐ-CP ngày 20/01/2020 của Chính phủ.")),
    ("CG112", plan("Thực hiện Nghị quyết số 43/2022/NQ-QH15 ngày 11/01/2022 của Quốc hội."),
     plan("Thực hiện Nghị quyết số 43/2022/QH15 ngày 11/01/2022 của Quốc hội.")),
    ("CG113", plan("Thực hiện Luật số 63/2025/L-CTN về thuế thu nhập cá nhân."),
     plan("Thực hiện Luật Thuế thu nhập cá nhân số 109/2025/QH15.")),
    ("CG114", plan("Thực hiện Quy định số 04-QyĐ/ĐU ngày 05/3/2021 của Đảng ủy."),
     plan("Thực hiện Quy định số 04-QĐ/ĐU ngày 05/3/2021 của Đảng ủy.")),
    ("CG115", plan("Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường công tác dân vận”; và các văn bản khác."),
     plan("Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ “về tiếp tục tăng cường công tác dân vận”; và các văn bản khác.")),
    ("CG116", plan("Thực hiện Chương trình số 65-Ctr/TU ngày 16/5/2016 của Tỉnh ủy."),
     plan("Thực hiện Chương trình số 65-CTr/TU ngày 16/5/2016 của Tỉnh ủy.")),
    ("CG201", plan("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2021 của Chính phủ."),
     plan("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.")),
    ("CG202", plan("Thực hiện Kế hoạch số 368/KH-UBND ngày 31/3/2026 của UBND tỉnh; Kế hoạch số 368/KH-UBND ngày 13/3/2026."),
     plan("Thực hiện Kế hoạch số 368/KH-UBND ngày 13/3/2026 của UBND tỉnh; Kế hoạch số 368/KH-UBND ngày 13/3/2026.")),
    ("CG203", plan("Thực hiện Quy định số 124-QĐ/TW ngày 02/02/2018 của Ban Bí thư; Quy định số 124-QĐ/TW ngày 02/02/2018 của Bộ Chính trị."),
     plan("Thực hiện Quy định số 124-QĐ/TW ngày 02/02/2018 của Ban Bí thư; Quy định số 124-QĐ/TW ngày 02/02/2018 của Ban Bí thư.")),
    ("CG204", plan("Thực hiện Quyết định số 23-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về công tác dân vận; "
                   "Quyết định số 23-QĐ/TW về bảo vệ nền tảng tư tưởng của Đảng."),
     plan("Thực hiện Quyết định số 23-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về công tác dân vận; "
          "Quyết định số 23-QĐ/TW về công tác dân vận của hệ thống chính trị.")),
    ("CG205", plan("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Thủ tướng Chính phủ."),
     plan("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.")),
    ("CG205", plan("Thực hiện Pháp lệnh số 02/2020/UBTVQH14 ngày 09/12/2020 của Quốc hội."),
     plan("Thực hiện Pháp lệnh số 02/2020/UBTVQH14 ngày 09/12/2020 của Ủy ban Thường vụ Quốc hội.")),
    ("CG205", plan("Thực hiện Quyết định số 123/QĐ-UBND ngày 10/01/2026 của Hội đồng nhân dân tỉnh."),
     plan("Thực hiện Quyết định số 123/QĐ-UBND ngày 10/01/2026 của Chủ tịch Ủy ban nhân dân tỉnh.")),
    ("CG206", plan("Thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư (khóa IX)."),
     plan("Thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư (khóa XI).")),
    ("CG207", plan("Thực hiện Nghị quyết số 43/2022/QH13 ngày 11/01/2022 của Quốc hội."),
     plan("Thực hiện Nghị quyết số 43/2022/QH15 ngày 11/01/2022 của Quốc hội.")),
    ("CG208", plan("Thực hiện Kế hoạch số 85/KH-UBND ngày 01/7/2026 của UBND tỉnh."),
     plan("Thực hiện Kế hoạch số 85/KH-UBND ngày 01/4/2026 của UBND tỉnh.")),
    ("CG208", plan("Thực hiện Kế hoạch số 85/KH-UBND ngày 01/4/2027 của UBND tỉnh.", number=" ", date="ngày   tháng   năm 2026"),
     plan("Thực hiện Kế hoạch số 85/KH-UBND ngày 01/7/2026 của UBND tỉnh.", number=" ", date="ngày   tháng   năm 2026")),
    ("CG209", plan("Thực hiện Thông tư số 11/2026/TT-BTNMT ngày 11/01/2026 của Bộ Tài nguyên và Môi trường."),
     plan("Thực hiện Thông tư số 11/2026/TT-BNNMT ngày 11/01/2026 của Bộ Nông nghiệp và Môi trường.")),
    ("CG210", plan("Thực hiện Kế hoạch số 85/KH-UBND ngày 01/8/2025 của UBND huyện Bảo Thắng."),
     plan("Thực hiện Kế hoạch số 85/KH-UBND ngày 01/6/2025 của UBND huyện Bảo Thắng.")),
    ("CG301", plan("Thực hiện Nghị định số 59/2023/NĐ-CP ngày 14/8/2022 của Chính phủ."),
     plan("Thực hiện Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ.")),
    ("CG302", plan("Thực hiện Quy định số 66-QĐ/TW ngày 06/02/2017 của Bộ Chính trị."),
     plan("Thực hiện Quy định số 66-QĐ/TW ngày 06/02/2017 của Ban Bí thư.")),
    ("CG303", plan("Thực hiện Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ về quản lý cụm công nghiệp."),
     plan("Thực hiện Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều của "
          "Luật Thực hiện dân chủ ở cơ sở.")),
    ("CG304", plan(preamble="Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;"),
     plan(preamble="Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;")),
    ("CG305", plan("Thực hiện Luật Tổ chức chính quyền địa phương số 77/2025/QH15."),
     plan("Thực hiện Luật Tổ chức chính quyền địa phương số 72/2025/QH15.")),
    ("CG401", plan("Thực hiện Kế hoạch số 85/KH-UBND ngày 01/4/2026 của UBND tỉnh.", number=" ", date="ngày   tháng   năm 2026"),
     plan("Thực hiện Kế hoạch số 85/KH-UBND ngày 01/4/2026 của UBND tỉnh.")),
    ("CG402", plan(preamble="Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n\n"
                            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
     plan(preamble="Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n"
                   "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;")),
    ("CG501", plan("Thực hiện Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ; "
                   "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ."),
     plan("Thực hiện Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ; Nghị định số 59/2023/NĐ-CP.")),
    ("CG502", plan(preamble="Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15;"),
     plan(preamble="Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;")),
    ("CG503", plan("Thực hiện Thông tư số 9/2019/TT-BTC; Thông tư số 05/2020/TT-BTC; Thông tư số 06/2021/TT-BTC."),
     plan("Thực hiện Thông tư số 09/2019/TT-BTC; Thông tư số 05/2020/TT-BTC; Thông tư số 06/2021/TT-BTC.")),
    ("CG504", plan("Thực hiện Kế hoạch số 10/KH-UBND ngày 05/3/2026; Kế hoạch số 11/KH-UBND ngày 6/3/2026; "
                   "Kế hoạch số 12/KH-UBND ngày 07/3/2026."),
     plan("Thực hiện Kế hoạch số 10/KH-UBND ngày 05/3/2026; Kế hoạch số 11/KH-UBND ngày 06/3/2026; "
          "Kế hoạch số 12/KH-UBND ngày 07/3/2026.")),
    ("CG505", plan("Thực hiện Chỉ thị số 25-CT/TU, ngày 25/02/2021; Chỉ thị số 26-CT/TU ngày 26/02/2021; "
                   "Chỉ thị số 27-CT/TU, ngày 27/02/2021."),
     plan("Thực hiện Chỉ thị số 25-CT/TU, ngày 25/02/2021; Chỉ thị số 26-CT/TU, ngày 26/02/2021; "
          "Chỉ thị số 27-CT/TU, ngày 27/02/2021.")),
]


def test_every_rule_has_a_case() -> None:
    assert {code for code, _, _ in CASES} == set(catalogue())


@pytest.mark.parametrize(("code", "wrong", "right"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_on_the_slip_and_not_on_the_right_form(code: str, wrong: str, right: str) -> None:
    assert code in codes(wrong)
    assert code not in codes(right)


# --- conventions that are not errors ----------------------------------------------------------------

def test_party_quy_dinh_numbered_qd_is_right() -> None:
    text = plan("Thực hiện Quy định số 124-QĐ/TW ngày 02/02/2018 của Ban Bí thư về giám sát của Mặt trận Tổ quốc "
                "Việt Nam đối với việc tu dưỡng, rèn luyện đạo đức, lối sống của người đứng đầu.")
    assert findings(text) == [[]]


def test_directive_of_the_prime_minister_without_year_is_right() -> None:
    text = plan("Thực hiện Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường và đổi mới công "
                "tác dân vận trong cơ quan hành chính nhà nước.")
    assert findings(text) == [[]]


def test_government_resolution_without_year_is_right() -> None:
    text = plan("Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách "
                "hành chính nhà nước giai đoạn 2021 - 2030.")
    assert findings(text) == [[]]


def test_plan_lead_in_ending_with_colon_is_right() -> None:
    text = plan(
        "Triển khai Kế hoạch số 85/KH-UBND.",
        preamble="Thực hiện Kế hoạch số 85/KH-UBND ngày 01/4/2026 của UBND tỉnh về thực hiện công tác dân vận chính "
                 "quyền năm 2026, UBND tỉnh xây dựng Kế hoạch thực hiện như sau:",
    )
    assert findings(text) == [[]]


def test_enterprise_numbering_is_not_judged() -> None:
    text = plan("Xét Báo cáo số 03/TT-PT ngày 27/02/2026 của Công ty TNHH MTV Phát triển thủy điện.")
    assert findings(text) == [[]]


def test_a_number_a_pdf_broke_over_a_line_after_its_dash_is_right() -> None:
    # A18 (Công văn 5973/UBND-KT of Lào Cai, from a PDF) breaks `Chỉ thị số 11-\nCT/TU` where the line was full:
    # the break is the layout's, not a stray space of the drafter's (CG110 still flags `TT- BGTVT`).
    text = plan("Thực hiện Thông tư số 33/2018/TT-\nBGTVT ngày 15/11/2018 của Bộ Giao thông vận tải.")
    assert findings(text) == [[]]


def test_old_state_numbers_keep_their_hyphen() -> None:
    text = plan("Thực hiện Luật Thuế sử dụng đất nông nghiệp số 23-L/CTN ngày 10/7/1993.")
    assert not {"CG102", "CG103"} & codes(text)


def test_a_short_name_is_not_judged_again_for_the_number_it_stands_for() -> None:
    # The number is judged where it is written; `Chỉ thị 11` after `(viết tắt là Chỉ thị 11)` repeats no finding.
    text = plan(
        "Triển khai Chỉ thị 11 của Ban Thường vụ Tỉnh ủy; quán triệt Chỉ thị 11.",
        preamble="Thực hiện Chỉ thị số 11-CTX/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy về tăng cường quản lý "
                 "khoáng sản (viết tắt là Chỉ thị 11), Ủy ban nhân dân tỉnh ban hành Kế hoạch.",
    )
    document = extract_text(text)
    assert [c.shared for c in document.citations] == [(), ("number",), ("number",)]
    assert [(f.code, f.line) for f in findings(text)[0]] == [("CG105", 11)]


# --- across files ------------------------------------------------------------------------------------

def test_a_central_document_with_two_dates_in_two_files() -> None:
    first = plan("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.")
    second = plan("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 06/3/2020 của Chính phủ.")
    third = plan("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.")
    reports = findings(first, second, third)
    assert [[f.code for f in r if f.code == "CG202"] for r in reports] == [[], ["CG202"], []]
    assert "doc0.txt:" in next(f for f in reports[1] if f.code == "CG202").message("en")


def test_local_numbers_in_two_files_are_different_documents() -> None:
    first = plan("Thực hiện Kế hoạch số 85/KH-UBND ngày 01/4/2026 của UBND tỉnh.")
    second = plan("Thực hiện Kế hoạch số 85/KH-UBND ngày 02/4/2026 của UBND tỉnh.")
    assert findings(first, second) == [[], []]


def test_local_numbers_of_two_bodies_in_one_text_are_different_documents() -> None:
    text = plan("Thực hiện Quyết định số 36/QĐ-UBND ngày 05/02/2026 của UBND xã Phan; "
                "Quyết định số 36/QĐ-UBND ngày 10/01/2026 của UBND tỉnh.")
    assert "CG202" not in codes(text)


def test_a_party_directive_dated_either_side_of_a_congress_in_one_text() -> None:
    # corpus/real/A18 writes 04/02/2026 at line 46 and 04/01/2026 at line 66: two terms by the date, one
    # document by its number, and `BTV Tỉnh ủy` is the `Ban Thường vụ Tỉnh ủy`.
    document = extract_text(A18.read_text(encoding="utf-8"), str(A18))
    found = [f for f in check_documents([document], ALL)[0].findings if f.code == "CG202"]
    assert [(f.line, f.fields["date"], f.fields["other_date"]) for f in found] == [(66, "04/01/2026", "04/02/2026")]


# --- severity and the registry's confidence ---------------------------------------------------------

def test_a_derived_registry_fact_caps_the_severity_at_warning() -> None:
    text = plan("Thực hiện Thông tư số 01/2025/TT-BLĐTBXH ngày 11/01/2025 của Bộ Lao động - Thương binh và Xã hội.")
    registry = [f for f in findings(text)[0] if f.code == "CG301"]
    assert [f.severity for f in registry] == ["error"]  # the reviewed header of corpus/real/A25 is verified
    derived = plan("Thực hiện Nghị định số 01/2021/NĐ-CP ngày 05/01/2021 của Chính phủ.")
    registry = [f for f in findings(derived)[0] if f.code == "CG301"]
    assert [(f.severity, f.fields["origin"]) for f in registry] == [("warning", "national-registry")]


def test_a_local_registry_row_needs_the_same_place() -> None:
    elsewhere = plan("Thực hiện Công văn số 3637/UBND-VX ngày 21/07/2022 của UBND tỉnh Nghệ An.")
    same_place = plan("Thực hiện Công văn số 3637/UBND-VX ngày 21/07/2022 của UBND tỉnh Bình Dương.")
    assert "CG301" not in codes(elsewhere)
    assert "CG301" in codes(same_place)


def test_replaced_basis_is_judged_at_the_citing_date() -> None:
    before = plan(preamble="Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;", date="ngày 15 tháng 3 năm 2025")
    finding = next(f for f in findings(plan(preamble="Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;"))[0]
                   if f.code == "CG304")
    assert "CG304" not in codes(before)
    assert finding.suggestion("vi") == "Thay bằng 64/2025/QH15"
    assert finding.fields["since"] == "01/04/2025"


def test_messages_in_both_languages() -> None:
    finding = next(f for f in findings(CASES[0][1])[0] if f.code == "CG101")
    assert finding.message("vi").startswith("Số 23/QĐ-TW của cơ quan Đảng")
    assert finding.message("en").startswith("23/QĐ-TW is a Party number")
    assert finding.suggestion("en") == "Write 23-QĐ/TW"
