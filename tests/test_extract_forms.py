"""Each citation form a Vietnamese text uses, as a (text, expected fields) table.

The strings are taken from real documents (the seed, corpus/real, the registers in corpus/registry)
or from the conventions digest's examples; every case runs through the whole pipeline.
"""

from __future__ import annotations

import pytest

from citegraph.models import Citation
from citegraph.pipeline import extract_text

from .documents import hard_wrapped


def only(text: str) -> Citation:
    citations = extract_text(text).citations
    assert len(citations) == 1, [c.text for c in citations]
    return citations[0]


def fields(citation: Citation, *names: str) -> tuple[object, ...]:
    return tuple(getattr(citation, name) for name in names)


NUMBERS = [
    # (text, type, number)
    ("Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ", "Chỉ thị", "16/CT-TTg"),
    ("Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ", "Nghị định", "59/2023/NĐ-CP"),
    ("Luật số 10/2022/QH15", "Luật", "10/2022/QH15"),
    ("Thông tư liên tịch số 05/2012/TTLT-VKSNDTC-TANDTC-BCA-BTP", "Thông tư liên tịch", "05/2012/TTLT-VKSNDTC-TANDTC-BCA-BTP"),
    ("Nghị quyết số 51/2025/NQ-HĐND của Hội đồng nhân dân Thành phố", "Nghị quyết", "51/2025/NQ-HĐND"),
    ("Nghị quyết số 66.7/2025/NQ-CP của Chính phủ", "Nghị quyết", "66.7/2025/NQ-CP"),
    ("Văn bản số 4919/VPCP-KTTH ngày 10/7/2024", "Công văn", "4919/VPCP-KTTH"),
    ("Quyết định số 23-QĐ/TW, ngày 30/7/2021", "Quyết định", "23-QĐ/TW"),
    ("Quy định số 11-QĐi/TW, ngày 18/02/2019 của Bộ Chính trị", "Quy định", "11-QĐi/TW"),
    ("Công văn số 392-CV/TU, ngày 31/12/2021", "Công văn", "392-CV/TU"),
    ("Chương trình số 30-CTr/BDVHU-UBND ngày 28/01/2022", "Chương trình", "30-CTr/BDVHU-UBND"),
    ("Kế hoạch liên tịch số 42/KHLT-SGDĐT-CĐGDT", "Kế hoạch liên tịch", "42/KHLT-SGDĐT-CĐGDT"),
    ("Chỉ thị số 299/TTg ngày 10/11/1980", "Chỉ thị", "299/TTg"),
    ("Nghị định số 14-CP ngày 21/01/1995", "Nghị định", "14-CP"),
    ("Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN", "Nghị quyết liên tịch", "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"),
    ("Chương trình công tác số 219-CTr/BCĐ ngày 16/02/2024", "Chương trình", "219-CTr/BCĐ"),
    ("NĐ 30/2020/NĐ-CP", "Nghị định", "30/2020/NĐ-CP"),
    ("QĐ số 1624/QĐ-TTg", "Quyết định", "1624/QĐ-TTg"),
    ("theo 4919/VPCP-KTTH", "Công văn", "4919/VPCP-KTTH"),
    ("Quyết định 1899/QĐ-TTg", "Quyết định", "1899/QĐ-TTg"),
]


@pytest.mark.parametrize(("text", "doc_type", "number"), NUMBERS)
def test_number_forms(text: str, doc_type: str, number: str) -> None:
    assert fields(only(text), "type", "number") == (doc_type, number)


DATES = [
    ("Nghị định số 59/2023/NĐ-CP ngày 14/8/2023", "2023-08-14"),
    ("Kế hoạch số 75-KH/BDVHU-UBND ngày 05 tháng 02 năm 2024", "2024-02-05"),
    ("Quyết định số 31-QĐ/TW, ngày 01-10-1997", "1997-10-01"),
    ("Chỉ thị số 16/CT-TTg, ngày 16/5/2016", "2016-05-16"),
    ("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "2015-06-19"),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_date_forms(text: str, date: str) -> None:
    assert only(text).date == date


def test_issuer_title_and_term_follow_the_number() -> None:
    citation = only(
        "Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư (khóa XI) về nâng cao hiệu quả công tác dân vận "
        "của các cơ quan nhà nước các cấp;"
    )
    assert fields(citation, "issuer", "term", "title") == (
        "Ban Bí thư",
        "XI",
        "về nâng cao hiệu quả công tác dân vận của các cơ quan nhà nước các cấp",
    )


@pytest.mark.parametrize(
    ("text", "ending"),
    [
        # A08: the trích yếu ends at `(sau đây`, and the citation's span at its last word, not in the space after.
        (
            (
                "Nghị định số 200/2025/NĐ-CP ngày 09/7/2025 của Chính phủ quy định chi tiết một số điều của\nLuật "
                "Phòng thủ dân sự (sau đây viết tắt là Nghị định)."
            ),
            "Luật Phòng thủ dân sự",
        ),
        # A15: `(viết tắt là Chỉ thị 11)` ends it too; the title used to run on into the citing sentence.
        (
            (
                "Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy về việc tăng cường sự lãnh đạo của Đảng "
                "đối với công tác quản lý nhà nước về khoáng sản trên địa bàn tỉnh Lào Cai (viết tắt là Chỉ thị 11), "
                "Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch"
            ),
            "trên địa bàn tỉnh Lào Cai",
        ),
        # A02: a Party term without brackets.
        ("Quy định số 29-QĐ/TW, ngày\n02/6/1997 của Bộ Chính trị khoá VIII thì số thẻ đảng viên", "Bộ Chính trị khoá VIII"),
    ],
)
def test_a_citation_ends_at_its_last_word(text: str, ending: str) -> None:
    citation = only(text)
    assert citation.text.endswith(ending)
    assert citation.title is None or citation.title.endswith(ending)


def test_an_issuer_named_again_is_read_again_where_its_words_go_on_differently() -> None:
    # The extractor remembers what a name's words gave within a document (PhraseTable.at): a name cut
    # short, lengthened, or followed by a comma or the text's end must still be read as written there.
    text = (
        "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường công tác dân vận; "
        "Chỉ thị số 05/CT-TTg ngày 10/02/2020 của Thủ tướng về việc tiếp tục đẩy mạnh cải cách; "
        "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương Đảng về việc ban hành Quy chế; "
        "Quyết định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về việc ban hành Quy định; "
        "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, "
        "Kế hoạch số 85/KH-UBND ngày 01/4/2024 của UBND huyện Dương Minh Châu; "
        "Kế hoạch số 86/KH-UBND ngày 02/4/2024 của UBND huyện về thực hiện; "
        "Kế hoạch số 87/KH-UBND ngày 03/4/2024 của Thủ tướng Chính phủ"
    )
    assert [(c.number, c.issuer) for c in extract_text(text).citations] == [
        ("16/CT-TTg", "Thủ tướng Chính phủ"),
        ("05/CT-TTg", "Thủ tướng"),
        ("23-QĐ/TW", "Ban Chấp hành Trung ương Đảng"),
        ("24-QĐ/TW", "Ban Chấp hành Trung ương"),
        ("33/CT-TTg", "Thủ tướng Chính phủ"),
        ("85/KH-UBND", "UBND huyện Dương Minh Châu"),
        ("86/KH-UBND", "UBND huyện"),
        ("87/KH-UBND", "Thủ tướng Chính phủ"),
    ]


def test_issuer_stops_before_an_unmarked_title() -> None:
    citation = only("Kế hoạch số 36/KH-UBND ngày 22/3/2024 của UBND xã Phan thực hiện dân chủ trong cơ quan năm 2024.")
    assert fields(citation, "issuer", "title") == ("UBND xã Phan", "thực hiện dân chủ trong cơ quan năm 2024")


def test_title_runs_across_a_page_break(seed_text: str) -> None:
    citation = next(c for c in extract_text(seed_text).citations if c.number == "33/CT-TTg")
    assert citation.title is not None and "tăng cường và đổi mới" in citation.title
    assert citation.title.endswith("trong tình hình mới")


def test_quoted_title() -> None:
    citation = only("Quyết định số 1899/QĐ-TTg “Về việc ban hành Kế hoạch triển khai thi hành Nghị định”;")
    assert fields(citation, "title", "quoted_title", "title_quote_balanced") == (
        "Về việc ban hành Kế hoạch triển khai thi hành Nghị định",
        True,
        True,
    )


def test_issuer_is_shared_by_a_coordinated_pair() -> None:
    text = (
        "Quyết định số 99-QĐ/TW, ngày 03/10/2017 và Quy định số 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư "
        "về giám sát của Mặt trận Tổ quốc Việt Nam"
    )
    first, second = extract_text(text).citations
    assert fields(first, "type", "date", "issuer") == ("Quyết định", "2017-10-03", "Ban Bí thư")
    assert fields(second, "type", "date", "issuer") == ("Quy định", "2018-02-02", "Ban Bí thư")
    assert first.shared == ("issuer",)


def test_date_is_shared_by_a_coordinated_list() -> None:
    text = "các Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)"
    first, second = extract_text(text).citations
    assert fields(first, "type", "number", "date", "issuer", "term") == (
        "Quyết định", "217-QĐ/TW", "2013-12-12", "Bộ Chính trị", "XI",
    )
    assert fields(second, "type", "number", "date") == ("Quyết định", "218-QĐ/TW", "2013-12-12")


def test_issuer_of_a_different_body_is_not_shared() -> None:
    text = "Nghị định số 59/2023/NĐ-CP, Quyết định số 490/QĐ-UBND ngày 05/3/2021 của UBND tỉnh"
    first, _ = extract_text(text).citations
    assert first.issuer is None


LAWS = [
    # (text, name, year, number as resolved)
    ("Luật Tiếp công dân năm 2013", "Tiếp công dân", 2013, "42/2013/QH13"),
    ("Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15", "Thực hiện dân chủ ở cơ sở", 2022, "10/2022/QH15"),
    ("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "Tổ chức chính quyền địa phương", 2015, "77/2015/QH13"),
    ("Bộ luật Lao động năm 2019", "Lao động", 2019, "45/2019/QH14"),
]


@pytest.mark.parametrize(("text", "name", "year", "number"), LAWS)
def test_laws_cited_by_name(text: str, name: str, year: int, number: str) -> None:
    assert fields(only(text), "name", "year", "number") == (name, year, number)


def test_constitution_by_year() -> None:
    assert fields(only("Căn cứ Hiến pháp năm 2013;"), "type", "year", "key") == ("Hiến pháp", 2013, "hiến pháp@2013")


def test_later_mention_by_name_is_linked_to_the_first(seed_text: str) -> None:
    citations = extract_text(seed_text).citations
    laws = [c for c in citations if c.name == "Thực hiện dân chủ ở cơ sở"]
    assert len(laws) == 4
    first = citations.index(laws[0])
    assert all(c.antecedent == first for c in laws[1:])
    assert {c.key for c in laws} == {"10/2022/QH15"}


def test_pinpoint_starts_the_span() -> None:
    text = "Căn cứ điểm a khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;"
    citation = only(text)
    assert citation.pinpoint == "điểm a khoản 2 Điều 5"
    assert citation.text.startswith("điểm a khoản 2 Điều 5 Nghị định")
    assert citation.start == text.index("điểm")


def test_pinpoint_broken_over_a_line_is_read() -> None:
    # Text pasted from a PDF breaks lines anywhere, inside a pinpoint too.
    text = "Căn cứ khoản\n2 Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết;"
    citation = only(text)
    assert citation.pinpoint == "khoản 2"
    assert citation.start == text.index("khoản")


NOT_CITATIONS = [
    "Kế hoạch này được phổ biến đến cán bộ, công chức.",
    "theo quy định tại khoản 2 Điều này",
    "Báo cáo theo Mẫu số 03/HNMT ban hành kèm theo Thông tư này",
    "Phong trào thi đua “Dân vận khéo”, “Dương Minh Châu chung sức xây dựng nông thôn mới”",
    "Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2023.",
    "theo quy định của pháp luật về thực hiện dân chủ ở cơ sở",
    "Cấp II theo Quy chuẩn Việt Nam QCVN 04-05: 2022/BNNPTNT Quy chuẩn kỹ thuật quốc gia về Công trình thủy lợi",
    "theo Quy chuẩn Việt Nam QCVN 03:2022/BXD Quy chuẩn kỹ thuật quốc gia về phân cấp công trình",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_never_citations(text: str) -> None:
    assert extract_text(text).citations == ()


def test_own_number_is_not_a_citation() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 2284/QĐ-UBND\nLâm Đồng, ngày 20 tháng 10 năm 2025\n\nQUYẾT ĐỊNH\n"
        "Về việc ban hành Kế hoạch\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định số 2284/QĐ-UBND ngày 20/10/2025 Kế hoạch.\n"
    )
    document = extract_text(text)
    assert document.header.number == "2284/QĐ-UBND"
    assert [c.name for c in document.citations] == ["Tổ chức chính quyền địa phương"]


def test_preamble_citations_are_bases_and_others_references(seed_text: str) -> None:
    citations = extract_text(seed_text).citations
    assert [c.number for c in citations if c.role == "basis"] == ["85/KH-UBND", "30-CTr/BDVHU-UBND"]
    assert all(c.item != "preamble" for c in citations if c.role == "reference")


def test_lookalike_and_spaces_are_repaired_and_reported() -> None:
    text = "Thông tư số 33/2018/TT- BGTVT và Nghị định số 89/2015/NÐ-CP"
    first, second = extract_text(text).citations
    assert (first.number, second.number) == ("33/2018/TT-BGTVT", "89/2015/NĐ-CP")
    assert "space-in-number" in first.normalisations
    assert "lookalike" in second.normalisations
    assert text[second.start:second.end] == second.text == "Nghị định số 89/2015/NÐ-CP"


def test_cyrillic_letters_in_a_code_are_repaired() -> None:
    citation = only("Thông tư số 51/2025/TT-BTС")  # the last letter is Cyrillic Es
    assert citation.number == "51/2025/TT-BTC"
    assert "cyrillic" in citation.normalisations


def test_characters_unicode_counts_as_others_are_read_as_those() -> None:
    # The Kelvin sign (U+212A) is the letter K to NFC, and the Greek question mark (U+037E) a semicolon.
    text = "Căn cứ Kế hoạch số 36/\u212aH-UBND ngày 22/3/2024 của UBND huyện\u037e Kế hoạch số 12/KH-UBND của UBND xã"
    first, second = extract_text(text).citations
    assert (first.number, first.date, first.issuer) == ("36/KH-UBND", "2024-03-22", "UBND huyện")
    assert "lookalike" in first.normalisations
    assert text[first.start:first.end] == first.text
    assert (second.number, second.issuer) == ("12/KH-UBND", "UBND xã")


def test_offsets_point_into_the_original_text_after_nfd_and_crlf(seed_text: str) -> None:
    import unicodedata

    variant = unicodedata.normalize("NFD", seed_text).replace("\n", "\r\n")
    for citation in extract_text(variant).citations:
        assert variant[citation.start:citation.end] == citation.text
        line_start = variant.rfind("\n", 0, citation.start) + 1
        assert citation.column == citation.start - line_start + 1


def test_a_trich_yeu_opener_broken_over_a_line_still_opens_it() -> None:
    # The seed's item III.3 as a PDF's text may come, hard-wrapped: `quy\nđịnh` still opens the decree's
    # trích yếu, so the law named inside it is not a citation of its own.
    text = (
        "3. Thực hiện tốt dân chủ trong hoạt động của cơ quan theo các nội dung\n"
        "quy định tại Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy\n"
        "định chi tiết một số điều của Luật thực hiện dân chủ ở cơ sở; triển khai\n"
        "thực hiện có hiệu quả Luật Thực hiện dân chủ ở cơ sở năm 2022 theo quy định."
    )
    decree, law = extract_text(text).citations
    assert (decree.number, decree.date, decree.issuer) == ("59/2023/NĐ-CP", "2023-08-14", "Chính phủ")
    assert decree.title == "quy định chi tiết một số điều của Luật thực hiện dân chủ ở cơ sở"
    assert (law.type, law.name) == ("Luật", "Thực hiện dân chủ ở cơ sở")


@pytest.mark.parametrize("name", ["A11_city_NQ-51-2025-NQ-HDND_HaNoi.txt", "A23_central_NQ-113-NQ-CP_congbao.txt"])
def test_a_hard_wrapped_preamble_keeps_its_bases(name: str) -> None:
    # Two real resolutions hard-wrapped at 72 columns: a line of bases breaks after one base's `;` (A23:
    # `... năm 2014;\nLuật sửa đổi ...`; A11: `...;\nBáo cáo thẩm tra ...`), and the preamble still holds them all.
    from .conftest import CORPUS

    text = (CORPUS / "real" / name).read_text(encoding="utf-8")
    wrapped = hard_wrapped(text, 72)
    bases = [c.number for c in extract_text(text).citations if c.role == "basis"]
    assert len(bases) >= 4
    assert [c.number for c in extract_text(wrapped).citations if c.role == "basis"] == bases


def read_wrapped_alike(text: str) -> list[tuple[str | None, ...]]:
    """What a hard-wrapped text must read as its unwrapped text does: each citation's fields, spaces aside."""
    return [
        (c.type, c.number, c.date, c.item, " ".join((c.issuer or "").split()), " ".join((c.title or "").split()))
        for c in extract_text(text).citations
    ]


@pytest.mark.parametrize("width", range(40, 121))
def test_the_seed_hard_wrapped_at_any_width_reads_like_the_seed(seed_text: str, width: int) -> None:
    # The breaks fall somewhere the reader must see through: inside an opener (`quy\nđịnh`), an issuer's name
    # (`công tác vận\nđộng`, `Ban Chỉ đạo thực hiện\nQuy chế dân chủ`), before the dash of `chính trị\n- xã hội`
    # or of a range of years (`giai đoạn 2021\n- 2026`).
    assert read_wrapped_alike(hard_wrapped(seed_text, width)) == read_wrapped_alike(seed_text)


def test_a_trich_yeu_stop_broken_over_a_line_still_ends_it() -> None:
    # A21 (Nghị định 32/2024/NĐ-CP), Điều 35, wrapped inside the stop ` có hiệu lực`.
    text = (
        "trước ngày Nghị định số 68/2017/NĐ-CP ngày 25 tháng 5 năm 2017 của Chính phủ về quản lý, phát triển cụm\n"
        "công nghiệp có\nhiệu lực và cụm công nghiệp hình thành trước ngày Quyết định số 105/2009/QĐ-TTg"
    )
    decree = extract_text(text).citations[0]
    assert " ".join(decree.title.split()) == "về quản lý, phát triển cụm công nghiệp"


def test_a_date_after_ban_hanh_broken_over_a_line() -> None:
    citation = only("Căn cứ Quyết định số 12/QĐ-UBND được ban\nhành ngày 05/02/2024 của UBND tỉnh;")
    assert citation.date == "2024-02-05"


def test_an_issuer_name_runs_on_over_a_line_break_but_not_into_a_list() -> None:
    # A11, the Hà Nội People's Council's resolution 51/2025/NQ-HĐND, wraps the committee's name; the seed, hard-
    # wrapped, would break `Ban Chỉ đạo ... công tác vận\nđộng quần chúng tỉnh`.
    report = only("Xét Báo cáo thẩm tra số 119/BC-BPC ngày 22 tháng 11 năm 2025 của Ban Pháp chế Hội đồng nhân\ndân Thành phố;")
    assert report.issuer == "Ban Pháp chế Hội đồng nhân dân Thành phố"
    listed = extract_text("Theo Báo cáo số 7/BC-BQL ngày 02/01/2026 của Ban Quản lý Dự án\na) rà soát hồ sơ;").citations[0]
    assert listed.issuer == "Ban Quản lý Dự án"


def test_an_issuer_name_runs_on_after_va_or_a_dash_that_ends_a_line() -> None:
    # A20 (Lào Cai's Department of Industry and Trade), hard-wrapped: `và` and a dash end no name.
    fire_police = only("Công văn số 129/TĐ-PCCC ngày 30/6/2017 của Phòng Cảnh sát PCCC và\nCNCH Công an tỉnh Lào Cai về thẩm duyệt;")
    assert fire_police.issuer == "Phòng Cảnh sát PCCC và CNCH Công an tỉnh Lào Cai"
    dashed = only("Văn bản số 856/PCCC-TM ngày 25/3/2026 của Phòng Cảnh sát PCCC và CNCH -\nCông an tỉnh Lào Cai về việc phối hợp;")
    assert dashed.issuer == "Phòng Cảnh sát PCCC và CNCH - Công an tỉnh Lào Cai"
    # `và` before the next citation still ends the name, and a capital after a name's last word starts a sentence.
    report, decision = extract_text("Tờ trình số 96/TTr-NLYH ngày 18/3/2026 của Công ty Cổ phần Năng lượng Yên Hà và\nQuyết định số 5/QĐ-UBND;").citations
    assert (report.issuer, decision.type) == ("Công ty Cổ phần Năng lượng Yên Hà", "Quyết định")
    assert only("Công văn số 12/CV-NLYH ngày 02/01/2025 của Công ty Cổ phần Năng lượng Yên Hà\nTrong thời gian tới").issuer == (
        "Công ty Cổ phần Năng lượng Yên Hà"
    )


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # A20, A11 and A27 hard-wrapped at 50 to 66 columns, and the seed at 58: a line that stops at an organisation
        # word or a company's legal form alone, at a level word without its place, or at a verb without its object
        # (`thực hiện`) stops inside the name.
        ("Công văn số 1280/SCT-NL ngày 29/8/2017 của Sở\nCông Thương về việc thông báo;", "Sở Công Thương"),
        ("Xét Báo cáo số 119/BC-BPC ngày 22/11/2025 của Ban\nPháp chế Hội đồng nhân dân Thành phố;", "Ban Pháp chế Hội đồng nhân dân Thành phố"),
        # A body that is part of another, alone at a line's end (A11 at 66 columns, A09 at 44).
        ("Xét Báo cáo số 119/BC-BPC ngày 22/11/2025 của Ban Pháp chế\nHội đồng nhân dân Thành phố;", "Ban Pháp chế Hội đồng nhân dân Thành phố"),
        (
            "Căn cứ Kết luận số 15-KL/ĐU ngày 29/10/2025 của Ban Thường vụ\nĐảng ủy Ủy ban nhân dân Thành phố về việc áp dụng;",
            "Ban Thường vụ Đảng ủy Ủy ban nhân dân Thành phố",
        ),
        ("Quyết định 201-CP ngày 01 tháng 7 năm 1980 của Hội đồng\nChính phủ, đồng thời", "Hội đồng Chính phủ"),
        ("Tờ trình số 96/TTr-NLYH ngày 18/3/2026 của Công ty\nCổ phần Năng lượng Yên Hà;", "Công ty Cổ phần Năng lượng Yên Hà"),
        (
            "Báo cáo số 16/TV8-BCTT ngày 28/02/2026 của Công ty Cổ phần\nTư vấn xây dựng Giao thông 8 về kết quả thẩm tra;",
            "Công ty Cổ phần Tư vấn xây dựng Giao thông 8",
        ),
        ("Công văn số 756/SCT-NL ngày 12/02/2026 của Sở Công Thương tỉnh\nLào Cai về việc thông báo;", "Sở Công Thương tỉnh Lào Cai"),
        (
            "Chương trình công tác số 219-CTr/BCĐ ngày 16/02/2024 của Ban Chỉ đạo thực hiện\nQuy chế dân chủ ở cơ sở;",
            "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở",
        ),
        # A name may end at `cấp huyện`, and never runs into a line that opens an item.
        ("Công văn số 12/STC ngày 02/01/2025 của Sở Tài chính cấp huyện\nTrong thời gian tới, đề nghị", "Sở Tài chính cấp huyện"),
        ("Công văn số 12/BQL ngày 02/01/2025 của Ban\nI. MỤC ĐÍCH", "Ban"),
    ],
)
def test_a_line_that_stops_at_a_word_no_name_ends_with_runs_on(text: str, issuer: str) -> None:
    assert " ".join(extract_text(text).citations[0].issuer.split()) == issuer


def test_a_name_broken_where_the_document_names_it_again_runs_on() -> None:
    # A20 hard-wrapped names the same company and police unit again and again, each broken in another place.
    text = (
        "Kính gửi: Công ty Cổ phần Năng lượng Yên Hà.\n"
        "Căn cứ Tờ trình số 96/TTr-NLYH ngày 18/3/2026 của Công ty Cổ phần Năng lượng Yên\nHà; (ii) Hồ sơ thiết kế;\n"
        "Văn bản số 129/TĐ-PCCC ngày 30/6/2017 của Phòng Cảnh sát\nPCCC và CNCH Công an tỉnh Lào Cai về thẩm duyệt;\n"
        "Phòng Cảnh sát PCCC và CNCH Công an tỉnh Lào Cai đã tham gia ý kiến.\n"
        # Written together elsewhere only as the start of a longer word: `Sông Đàm` is not `Sông Đà`.
        "Công văn số 7/CV-ABC ngày 02/01/2025 của Công ty Cổ phần Sông\nĐà đề nghị; Công ty Cổ phần Sông Đàm"
    )
    assert [" ".join(c.issuer.split()) for c in extract_text(text).citations] == [
        "Công ty Cổ phần Năng lượng Yên Hà",
        "Phòng Cảnh sát PCCC và CNCH Công an tỉnh Lào Cai",
        "Công ty Cổ phần Sông",
    ]


def test_a_base_with_a_colon_at_a_line_s_end_stays_in_the_preamble() -> None:
    # A20 hard-wrapped at 44 columns ends a line of a base at `hạng mục:`; the base went on below, but the colon
    # ended its paragraph, and with it the preamble lost every base before it.
    text = (
        "Căn cứ Luật Xây dựng số 50/2014/QH13;\n"
        "Căn cứ kết quả thẩm tra tại Báo cáo số 03/TT-PT ngày 27/02/2026 của Công ty TNHH MTV PCCC và xây\n"
        "dựng Phú Thành về kết quả thẩm tra hồ sơ thiết kế kỹ thuật – hạng mục:\n"
        "Hệ thống phòng cháy chữa cháy dự án thủy điện Yên Hà;\n"
        "Căn cứ vào các hồ sơ, tài liệu khác có liên quan,\n"
        "Sau khi xem xét, Sở Công Thương thông báo kết quả thẩm định như sau:\n"
        "I. THÔNG TIN CHUNG VỀ DỰ ÁN\n"
    )
    assert [(c.number, c.role) for c in extract_text(text).citations] == [
        ("50/2014/QH13", "basis"),
        ("03/TT-PT", "basis"),
    ]


def test_an_issuer_s_place_broken_after_its_first_word() -> None:
    # A20 hard-wrapped at 44 columns: `Sở Nông nghiệp và Môi trường tỉnh Lào\nCai`, a name the data lacks.
    decision = only("Quyết định số 613/QĐ-SNNMT ngày 24/6/2025 của Sở Nông nghiệp và Môi trường tỉnh Lào\nCai về việc phê duyệt;")
    assert " ".join(decision.issuer.split()) == "Sở Nông nghiệp và Môi trường tỉnh Lào Cai"


def test_a_place_broken_in_the_same_place_twice_still_runs_on() -> None:
    # The seed hard-wrapped at 39 columns breaks `Dương Minh\nChâu` in two of its three mentions.
    text = (
        "Căn cứ Kế hoạch số 85/KH-UBND ngày 01/4/2024 của UBND huyện Dương Minh\nChâu về thực hiện công tác dân vận;\n"
        "Chương trình cải cách hành chính trên địa bàn huyện Dương Minh\nChâu năm 2024."
    )
    assert " ".join(extract_text(text).citations[0].issuer.split()) == "UBND huyện Dương Minh Châu"


def test_a_date_broken_over_a_line_at_a_stray_space() -> None:
    # A20 and A09 hard-wrapped: `ngày 30/ 06/2017` and `ngày 04/ 11/2009` break at their stray space.
    assert only("Văn bản số 129/TĐ-PCCC ngày 30/\n06/2017 của Phòng Cảnh sát PCCC;").date == "2017-06-30"
    assert only("Giấy phép thăm dò số 906/GP-TNMT- QLTN ngày 04/\n11/2009 của STNMT, thời").date == "2009-11-04"


def test_an_article_cited_at_a_line_start_stays_in_the_trich_yeu() -> None:
    # A17 wrapped at 48 columns: `... quy định tại khoản 1\nĐiều 108 Luật địa chất và khoáng sản)` is no article's
    # heading, which has its dot (`Điều 5.`), as the outline reads it.
    decree = only(
        "Nghị định số 136/2025/NĐ-CP ngày 12/6/2025 của Chính phủ quy định phân quyền, phân cấp (quyết định đóng cửa mỏ "
        "quy định tại khoản 1\nĐiều 108 Luật địa chất và khoáng sản). Tuy nhiên"
    )
    assert " ".join(decree.title.split()).endswith("khoản 1 Điều 108 Luật địa chất và khoáng sản)")


def test_a_number_broken_over_a_line_after_a_dash_or_a_slash() -> None:
    # A18, as its PDF gives it: `... Chỉ thị số 11-\nCT/TU ngày 04/02/2026 của BTV Tỉnh ủy`, was not read at all. A
    # wrap also falls on a stray space after a slash or a dash (`33/ 2018/TT- BGTVT`).
    text = "Chỉ thị số 38/CT-TTg ngày 29/9/2020 của Thủ tướng Chính phủ; Chỉ thị số 11-\nCT/TU ngày 04/02/2026;"
    assert [(c.number, c.type, c.date) for c in extract_text(text).citations] == [
        ("38/CT-TTg", "Chỉ thị", "2020-09-29"),
        ("11-CT/TU", "Chỉ thị", "2026-02-04"),
    ]
    circular = only("Thông tư số 33/\n2018/TT-\nBGTVT ngày 15/5/2018 của Bộ Giao thông vận tải;")
    assert (circular.number, circular.type, circular.issuer) == ("33/2018/TT-BGTVT", "Thông tư", "Bộ Giao thông vận tải")


def test_a_party_number_broken_over_a_line_before_its_dash() -> None:
    # A05 writes `Hướng dẫn số 06 -HD/TW` with a stray space, where a wrap may fall; a list's dash after a
    # year at a line's end (`năm 2024\n-Căn cứ ...`) is no number.
    guide = only("Thực hiện theo mục 18.5, Hướng dẫn số 06\n-HD/TW ngày 09/6/2025 của Ban Bí thư Trung ương Đảng;")
    assert (guide.number, guide.date, guide.issuer) == ("06-HD/TW", "2025-06-09", "Ban Bí thư")
    assert extract_text("Kế hoạch thực hiện trong năm 2024\n-Căn cứ tình hình thực tế của xã;").citations == ()


def test_a_short_name_the_text_gives_a_document_cites_it() -> None:
    # A15 cites Chỉ thị 11-CT/TU once in full, `(viết tắt là Chỉ thị 11)`, and its items by that name.
    text = (
        "Thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy về việc tăng cường sự lãnh đạo "
        "của Đảng đối với công tác quản lý nhà nước về khoáng sản (viết tắt là Chỉ thị 11), Ủy ban nhân dân tỉnh "
        "ban hành Kế hoạch.\n- Hoàn thành các nhiệm vụ được giao trong Chỉ thị 11 của Ban Thường vụ Tỉnh ủy.\n"
        "- Quán triệt Điều 2 Chỉ thị 11; Chỉ thị 11-CT/TU ngày 04/01/2026."
    )
    cited = extract_text(text).citations
    assert [(c.text, c.number, c.key, c.issuer, c.pinpoint, c.shared) for c in cited] == [
        (cited[0].text, "11-CT/TU", "11-CT/TU@XIV", "Ban Thường vụ Tỉnh ủy", None, ()),
        ("Chỉ thị 11 của Ban Thường vụ Tỉnh ủy", "11-CT/TU", "11-CT/TU@XIV", "Ban Thường vụ Tỉnh ủy", None, ("number",)),
        ("Điều 2 Chỉ thị 11", "11-CT/TU", "11-CT/TU@XIV", None, "Điều 2", ("number",)),
        ("Chỉ thị 11-CT/TU ngày 04/01/2026", "11-CT/TU", "11-CT/TU@XIV", None, None, ()),
    ]
    # `(gọi tắt là ...)` ends the trích yếu as `(viết tắt là ...)` does.
    called = extract_text(text.replace("viết tắt là", "gọi tắt là")).citations
    assert called[0].title.endswith("quản lý nhà nước về khoáng sản") and len(called) == 4
    # Hard-wrapped, in its definition and where it is used (A15 at 44 to 72 columns).
    wrapped = extract_text(text.replace("là Chỉ thị 11", "là Chỉ thị\n11").replace("trong Chỉ thị 11", "trong Chỉ\nthị 11"))
    assert [c.key for c in wrapped.citations if c.shared] == ["11-CT/TU@XIV", "11-CT/TU@XIV"]
    # A short name given again names the document it follows from there on, and is no mention where given.
    one = "Thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy (viết tắt là Chỉ thị 11).\n- Thực hiện Chỉ thị 11.\n"
    again = one + one.replace("11-CT/TU", "12-CT/TU").replace("04/01/2026", "05/02/2026")
    assert [(c.number, c.shared) for c in extract_text(again).citations] == [
        ("11-CT/TU", ()), ("11-CT/TU", ("number",)), ("12-CT/TU", ()), ("12-CT/TU", ("number",)),
    ]
    # A type word alone is no short name (A08: `(sau đây viết tắt là Nghị định)`), nor a full number (A25).
    for name in ("Nghị định", "Nghị định số 115/2015/NĐ-CP"):
        text = f"Căn cứ Nghị định số 115/2015/NĐ-CP ngày 11/11/2015 của Chính phủ (sau đây viết tắt là {name}); theo {name} này"
        assert not [c for c in extract_text(text).citations if c.shared]


def test_btv_names_a_party_committee_s_standing_committee() -> None:
    # A18 writes `của BTV Tỉnh ủy` for the provincial Party committee's standing committee (Ban Thường vụ).
    directive = only("Chỉ thị số 11-CT/TU ngày 04/02/2026 của BTV Tỉnh ủy; Các văn bản chỉ đạo")
    assert (directive.issuer, directive.issuer_code) == ("BTV Tỉnh ủy", "TU")


def test_a_year_at_a_line_start_is_no_list_number() -> None:
    # A20 and A22 wrapped at 50 columns: `tầm nhìn đến năm\n2050.` ended the trích yếu before its year.
    decision = only(
        "Quyết định số 316/QĐ-TTg ngày 29/3/2023 của Thủ tướng Chính phủ về việc phê duyệt Quy hoạch tỉnh Lào Cai thời kỳ\n"
        "2021 - 2030, tầm nhìn đến năm\n2050."
    )
    assert " ".join(decision.title.split()).endswith("tầm nhìn đến năm 2050")


@pytest.mark.parametrize(
    ("name", "width"),
    [
        # Wrapped at 50 columns, A26's annex heading breaks `(Ban hành kèm theo\nQuyết định số 435/QĐ-UBND ...)`:
        # that line looked like the web page repeating the document's title, and 27 citations were lost.
        ("A26_province_QD-435-QD-UBND_KonTum_2020.txt", 50),
        # A08's upper-case trích yếu wrapped before `CHÍNH PHỦ BAN HÀNH` (at 60) or `THỦ TƯỚNG CHÍNH PHỦ BAN HÀNH`
        # (at 50) ended at that line, read as the enacting authority's, and its preamble was lost.
        ("A08_province_KH-980-KH-UBND_NgheAn_2025.txt", 50),
        ("A08_province_KH-980-KH-UBND_NgheAn_2025.txt", 60),
        # A14 wrapped at 40 breaks the authority's line, `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN\nGIANG`, and its first
        # base, the Luật Tổ chức chính quyền địa phương, lost its place in the preamble.
        ("A14_province_QD-2015-QD-UBND_AnGiang.txt", 40),
        # A22 wrapped at 50 starts a line with the year ending a trích yếu (`trong quý IV năm\n2012.`).
        ("A22_central_CT-07-2012-TTg_chan-chinh-KKT-KCN-CCN.txt", 50),
        # A27, a directive of 1980, wrapped at 66 starts a line of its account with `Thực hiện quyết định này,`,
        # which opened a preamble and made its next citation a base.
        ("A27_central_CT-299-TTg_1980.txt", 66),
        # A09 at 44 and A11 at 66 break a name after a body that is part of another (`Ban Thường vụ\nĐảng ủy Ủy
        # ban nhân dân Thành phố`, `Ban Pháp chế\nHội đồng nhân dân Thành phố`), each written only once.
        ("A09_city_CV-4001-UBND-DT_TPHCM.txt", 44),
        ("A11_city_NQ-51-2025-NQ-HDND_HaNoi.txt", 66),
        # A05 at 40 and 44 breaks two numbers at their stray space before the dash (`số 06\n-HD/TW`, `số
        # 08\n–HD/BTCTU`), and both were lost.
        ("A05_party_HD-BTCTU-HaNoi_2025-08_huy-hieu-dang.txt", 40),
        ("A05_party_HD-BTCTU-HaNoi_2025-08_huy-hieu-dang.txt", 44),
        # A15 at 64 breaks `(viết\ntắt là Chỉ thị 11)`, which ends the directive's title.
        ("A15_province_KH-UBND-LaoCai_trien-khai-CT-11-CT-TU_2026_draft.txt", 64),
        # A25 at 78 leaves the dash of `Bộ Lao động - Thương binh và Xã hội` on a line of its own, and A20 at 82
        # breaks a title after its colon (`hạng mục:\nHệ thống phòng cháy ...`): both written whole elsewhere.
        ("A25_central_TT-01-2025-TT-BLDTBXH_congbao.txt", 78),
        ("A20_dept_TB-SCT-LaoCai_tham-dinh-TKKT-thuy-dien-YenHa.txt", 82),
        # A03 at 64 starts a line with the number a pinpoint cites (`theo trình tự, thủ tục nêu ở Tiết a, Điểm\n4.3.1
        # Hướng dẫn này`), under item 2.d: read as a heading, it took the next citation into an item `II.4.3.1`.
        ("A03_party_HD-38-HD-BTCTW_2025_nghiep-vu-cong-tac-dang-vien.txt", 64),
    ],
)
def test_a_hard_wrapped_real_document_reads_like_itself(name: str, width: int) -> None:
    from .conftest import CORPUS

    text = (CORPUS / "real" / name).read_text(encoding="utf-8")
    assert read_wrapped_alike(hard_wrapped(text, width)) == read_wrapped_alike(text)


@pytest.mark.parametrize(
    ("name", "width"),
    [("A19_province_QD-11-2026-QD-UBND_LaoCai_OCR.txt", 72), ("A17_province_BC-UBND-LaoCai_QLNN-khoang-san-2025.txt", 66)],
)
def test_a_hard_wrapped_document_keeps_its_items(name: str, width: int) -> None:
    # A19 wrapped at 72 puts `Phụ lục` at a line's start inside a sentence (`theo Mẫu số 02 tại\nPhụ lục\nban hành
    # kèm theo Quy định này`), which ended its outline at Điều 13.9.a; A17 wrapped at 66 starts a line with the end
    # of a sentence, `II. Hiện nay, Sở ...`, which stood as its part II.
    from .conftest import CORPUS

    text = (CORPUS / "real" / name).read_text(encoding="utf-8")
    labels = [item.label for item in extract_text(text).items]
    assert len(labels) > 30
    assert [item.label for item in extract_text(hard_wrapped(text, width)).items] == labels


DECISION = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 11/2026/QĐ-UBND\nLào Cai, ngày 29 tháng 01 năm 2026\n\nQUYẾT ĐỊNH\nBan hành Quy định\n\nQUYẾT ĐỊNH:\n"


def test_a_closing_or_appendix_word_inside_a_sentence_does_not_end_the_items() -> None:
    # A19's Điều 13 wrapped puts `Phụ lục` at a line's start inside a sentence; `Trên đây là` after a comma is alike.
    body = (
        "Điều 1. Hồ sơ theo Mẫu số 02 tại\nPhụ lục ban hành kèm theo Quy định này.\n"
        "Điều 2. Hồ sơ theo Mẫu số 03 tại\nPhụ lục\nban hành kèm theo Quy định này.\n"
        "Điều 3. Nội dung nêu tại báo cáo,\nTrên đây là phần đã hoàn thành.\n"
        "Điều 4. Quyết định phê duyệt theo Mẫu số 06 của\nPhụ lục I ban hành kèm theo\nNghị định số 175/2024/NĐ-CP.\n"
        "Điều 5. Quyết định có hiệu lực từ ngày ký.\n\nPhụ lục I\nMẪU TỜ TRÌNH\nĐiều 1. Tên dự án\n"
    )
    items = extract_text(DECISION + body).items
    assert [item.label for item in items] == ["Điều 1", "Điều 2", "Điều 3", "Điều 4", "Điều 5"]


def test_the_web_page_repeating_the_title_after_a_signature_still_ends_the_document() -> None:
    # A name ends the line above (`Nguyễn Hữu Tháp`), not a sentence: what follows is the page, not the document.
    body = (
        "Điều 1. Bãi bỏ Quyết định số 10/2021/QĐ-UBND ngày 22 tháng 6 năm 2021.\n\nNơi nhận:\n- Như Điều 1;\n"
        "KT. CHỦ TỊCH\nNguyễn Hữu Tháp\nQuyết định 11/2026/QĐ-UBND năm 2026 ban hành theo Quyết định số 5/QĐ-UBND\n"
    )
    assert [c.number for c in extract_text(DECISION + body).citations] == ["10/2021/QĐ-UBND"]


def test_kem_theo_inside_a_sentence_cites_the_decision_a_note_in_brackets_does_not() -> None:
    # A19 wrapped: the Quy định of Yên Bái `ban hành\nkèm theo\nQuyết định số 10/2021/QĐ-UBND` is cited; the
    # annex's own note `(Ban hành kèm theo Quyết định số ...)` names the decision itself, even with its number blank.
    body = (
        "Điều 1. Bãi bỏ Quy định một số nội dung về quản lý đầu tư trên địa bàn tỉnh Yên Bái ban hành\nkèm theo\n"
        "Quyết định số 10/2021/QĐ-UBND ngày 22 tháng 6 năm 2021 của Ủy ban nhân dân tỉnh Yên Bái.\n"
        "Điều 2. Quyết định có hiệu lực từ ngày ký.\n\nNơi nhận:\n- Như Điều 2;\n\nQUY ĐỊNH\n"
        "(Ban hành kèm theo Quyết định số       /2026/QĐ-UBND ngày 29 tháng 01 năm 2026)\n"
        "* (Ban hành\nkèm theo Quyết định số 12/2026/QĐ-UBND ngày 29 tháng 01 năm 2026)\n"
    )
    assert [c.number for c in extract_text(DECISION + body).citations] == ["10/2021/QĐ-UBND"]


def test_a_dotted_number_wrapped_onto_a_line_stays_in_the_trich_yeu() -> None:
    # A09 (Công văn 4001/UBND-ĐT of Hồ Chí Minh City) wraps `theo Nghị quyết số\n66.4/2025/NQ-CP`, which is no list's `66.`.
    text = (
        "Căn cứ Công văn số 12252/SNNMT-TNNKS ngày 17 tháng 11 năm 2025 của Sở Nông nghiệp và Môi trường về danh mục\n"
        "các mỏ khoáng sản có thể áp dụng cơ chế đặc thù theo Nghị quyết số\n66.4/2025/NQ-CP của Chính phủ;"
    )
    letter = extract_text(text).citations[0]
    assert " ".join((letter.title or "").split()).endswith("theo Nghị quyết số 66.4/2025/NQ-CP")


def test_a_roman_heading_in_another_case_after_a_sentence_end_is_still_a_heading() -> None:
    # Only a Roman heading that also follows a line stopping inside a sentence is read as the sentence's end.
    text = "I. KẾT QUẢ NĂM 2025\nĐã hoàn thành các chỉ tiêu.\nII. Nhiệm vụ năm 2026\nTiếp tục thực hiện.\n"
    assert [item.label for item in extract_text(text).items] == ["I", "II"]


def test_a_first_dotted_number_stands_under_the_item_it_numbers_into() -> None:
    # A number that a pinpoint cites may start a line of a hard-wrapped text (A03: `nêu ở Tiết a, Điểm\n4.3.1
    # Hướng dẫn này`); under item 2's `d)` it is no heading. A document may number `1.1` under a Roman heading.
    text = (
        "I. NỘI DUNG\n1. Giới thiệu sinh hoạt đảng\na) Đảng viên được giới thiệu theo trình tự nêu ở Tiết a, Điểm\n"
        "4.3.1 Hướng dẫn này.\n2. Khen thưởng\nII. TỔ CHỨC THỰC HIỆN\n1.1. Các cấp ủy\n1.2. Ban Tổ chức\n"
    )
    assert [item.label for item in extract_text(text).items] == ["I", "I.1", "I.1.a", "I.2", "II", "II.1.1", "II.1.2"]


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # A base without its `;`, then the next base, article, part or sentence on the next line.
        ("Căn cứ Quyết định số 12/QĐ-UBND ngày 05/02/2024 của UBND tỉnh Lào Cai\nCăn cứ Luật Đất đai năm 2024;", "UBND tỉnh Lào Cai"),
        ("Căn cứ Quyết định số 12/QĐ-UBND ngày 05/02/2024 của UBND tỉnh Lào Cai\nĐiều 1. Ban hành kèm theo", "UBND tỉnh Lào Cai"),
        ("Thực hiện Kế hoạch số 85/KH-UBND ngày 20/3/2024 của UBND xã Phan\nI. MỤC ĐÍCH, YÊU CẦU", "UBND xã Phan"),
        ("Thực hiện Kế hoạch số 85/KH-UBND ngày 20/3/2024 của UBND huyện Bảo Yên\nUBND xã ban hành Kế hoạch", "UBND huyện Bảo Yên"),
        ("Công văn số 5/UBND ngày 02/01/2025 của UBND tỉnh Lào Cai\nTrong thời gian tới, đề nghị", "UBND tỉnh Lào Cai"),
        # A place's words across a line break: after its first word, or where the text names them together
        # elsewhere; and a ward numbered in Roman figures.
        ("Quyết định số 1/QĐ-UBND ngày 02/01/2025 của UBND thành phố Hà\nNội về việc giao chỉ tiêu", "UBND thành phố Hà Nội"),
        (
            (
                "Quyết định số 1/QĐ-UBND ngày 02/01/2025 của UBND thành phố Hồ Chí\nMinh về việc giao chỉ tiêu cho UBND "
                "thành phố Hồ Chí Minh"
            ),
            "UBND thành phố Hồ Chí Minh",
        ),
        ("Công văn số 5/UBND ngày 02/01/2025 của UBND phường I về việc rà soát", "UBND phường I"),
    ],
    ids=["next base", "next article", "next part", "abbreviation", "next sentence", "wrapped place", "wrapped place named again",
         "Roman ward"],
)
def test_a_place_name_ends_where_the_next_base_item_or_abbreviation_starts(text: str, issuer: str) -> None:
    assert extract_text(text).citations[0].issuer == issuer


def test_a_place_name_goes_on_past_a_page_number_but_not_past_a_blank_line() -> None:
    # A19, an OCR text, lines 940-943: the page's number 20 falls inside `tỉnh Lào Cai`.
    text = "số 58/2025/QĐ-UBND ngày 30/6/2025 của Ủy ban nhân dân tỉnh Lào\n20\n\nCai và Quyết định số 10/2021/QĐ-UBND"
    for line_end in ("\n", "\r\n", "\r"):
        assert extract_text(text.replace("\n", line_end)).citations[0].issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    text = "Kế hoạch số 58/KH-UBND ngày 30/6/2025 của Ủy ban nhân dân tỉnh Lào Cai\n\nCao Bằng là tỉnh biên giới."
    assert extract_text(text).citations[0].issuer == "Ủy ban nhân dân tỉnh Lào Cai"


def test_a_place_name_ends_before_the_next_citation_s_type_word() -> None:
    text = "Kế hoạch số 12/KH-UBND ngày 05/02/2024 của UBND tỉnh Lào Cai Quyết định số 5/QĐ-UBND ngày 06/02/2024"
    plan, decision = extract_text(text).citations
    assert (plan.issuer, decision.type) == ("UBND tỉnh Lào Cai", "Quyết định")


def test_a_decomposed_text_with_old_style_tones_reads_like_its_composed_form() -> None:
    # Text copied on a Mac comes decomposed (NFD); "Uỷ ban" and "hoà" place the tone the old way.
    import unicodedata

    composed = "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/3/2021 của Uỷ ban nhân dân tỉnh Tây Ninh về việc hoà giải;"
    decomposed = unicodedata.normalize("NFD", composed)
    (expected,), (citation,) = extract_text(composed).citations, extract_text(decomposed).citations
    assert unicodedata.normalize("NFC", citation.issuer or "") == expected.issuer == "Uỷ ban nhân dân tỉnh Tây Ninh"
    assert unicodedata.normalize("NFC", citation.title or "") == expected.title == "về việc hoà giải"
    assert decomposed[citation.start:citation.end] == citation.text


def test_key_ignores_spacing_lookalikes_and_leading_zeros() -> None:
    text = "Thông tư số 09/2019/TT-BTC; Thông tư số 9/2019/TT- BTC; Thông tư 09/2019/TT-BTС"
    assert {c.key for c in extract_text(text).citations} == {"9/2019/TT-BTC"}
    text = "Chỉ thị số 05-CT/TW ngày 15/5/2016 và Chỉ thị số 5-CT/TW ngày 15/5/2016; Công văn 05-CP; số 007.5/QĐ-UBND"
    assert [c.key for c in extract_text(text).citations] == ["5-CT/TW@XII", "5-CT/TW@XII", "5/CP", "7.5/QĐ-UBND"]


def test_same_party_number_in_two_terms_keeps_two_keys() -> None:
    text = "Nghị quyết số 18-NQ/TW ngày 25/10/2017 và Nghị quyết số 18-NQ/TW ngày 16/6/2022"
    first, second = extract_text(text).citations
    assert (first.key, second.key) == ("18-NQ/TW@XII", "18-NQ/TW@XIII")


def test_a_party_number_dated_in_two_terms_a_month_apart_keeps_one_key() -> None:
    # Either side of the XIV Congress (23/01/2026): numbers restart every term, so one number a month apart
    # is one document with a wrong date, not two (corpus/real/A18 so dates a Tỉnh ủy's directive).
    text = ("Kết luận số 05-KL/TW ngày 10/02/2026 của Bộ Chính trị; Nghị quyết số 18-NQ/TW ngày 16/6/2022. "
            "Thực hiện Kết luận số 05-KL/TW ngày 10/01/2026 của Bộ Chính trị.")
    first, _, second = extract_text(text).citations
    assert first.key == second.key == "5-KL/TW@XIV"
    # A term the text names is kept, whatever the date says.
    text = "Kết luận số 05-KL/TW ngày 10/02/2026 (khóa XIII); Kết luận số 05-KL/TW ngày 10/01/2026"
    assert [c.key for c in extract_text(text).citations] == ["5-KL/TW@XIII", "5-KL/TW@XIII"]
    text = "Kết luận số 05-KL/TW ngày 10/02/2026 (khóa XIV); Kết luận số 05-KL/TW ngày 10/01/2026"
    assert [c.key for c in extract_text(text).citations] == ["5-KL/TW@XIV", "5-KL/TW@XIII"]


def test_a_local_party_number_between_its_congress_and_the_national_one_is_of_the_coming_term() -> None:
    # corpus/real/A04: the Thành ủy's QĐ series stood at 9420 on 30/7/2025 and restarted with its congress
    # (October 2025); its 02-QĐ/TU of 19/11/2025 is not the 02-QĐ/TU of 2020.
    text = ("Căn cứ Quyết định số 9420-QĐ/TU, ngày 30/7/2025 của Ban Thường vụ Thành ủy; Thực hiện Quy định số "
            "02-QĐ/TU ngày 19/11/2025 của Ban Thường vụ Thành ủy; Báo cáo số 565-BC/BTCTW ngày 27/11/2025")
    assert [c.key for c in extract_text(text).citations] == ["9420-QĐ/TU@XIII", "2-QĐ/TU@XIV", "565-BC/BTCTW@XIII"]


def test_undated_mention_joins_the_dated_one() -> None:
    text = "Thực hiện Kế hoạch số 85/KH-UBND ngày 01/4/2024 của UBND huyện; theo Kế hoạch số 85/KH-UBND."
    first, second = extract_text(text).citations
    assert first.key == second.key == "85/KH-UBND@2024"


def test_preamble_after_a_letters_opening_narrative() -> None:
    """A công văn or notice may tell the story first; its Căn cứ block before item I is still the basis."""
    text = (
        "Kính gửi: Công ty Cổ phần Năng lượng Yên Hà.\n"
        "Ngày 18/03/2026, Sở nhận được Tờ trình số 96/TTr-NLYH ngày 18/03/2026 của Công ty.\n"
        "Căn cứ Nghị định số 175/2024/NĐ-CP ngày 30/12/2024 của Chính phủ quy định chi tiết;\n"
        "Sau khi xem xét, Sở Công Thương thông báo như sau:\n"
        "I. THÔNG TIN CHUNG\n"
        "1. Tên công trình: Thủy điện Yên Hà.\n"
    )
    first, second = extract_text(text).citations
    assert (first.role, first.item) == ("reference", None)
    assert (second.role, second.item) == ("basis", "preamble")
