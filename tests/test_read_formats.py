"""What drafters actually have: Word with tracked changes and notes, PDF, web pages, old encodings, NFD."""

from __future__ import annotations

import codecs
import io
import unicodedata
from pathlib import Path

import pytest
from fpdf.enums import EncryptionMethod
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from citegraph.read import InputError, part_at, read_source

from .documents import (
    deleted,
    docx_parts,
    inserted,
    paragraph,
    run,
    write_docx,
    write_pdf,
    write_zip,
)
from .test_encodings import TCVN3_LINES, VNI_LINES, to_vni, to_windows_1258


def _reason(path: str, **kwargs: object) -> str:
    with pytest.raises(InputError) as caught:
        read_source(path, **kwargs)  # type: ignore[arg-type]
    return caught.value.reason


# --- .docx ------------------------------------------------------------------------------------


def test_tracked_insertions_are_read_and_deletions_dropped(tmp_path: Path) -> None:
    body = paragraph(
        "Căn cứ ", inserted("Nghị định số 59/2023/NĐ-CP"), deleted("Nghị định số 1/2000/NĐ-CP"), " của Chính phủ;"
    ) + paragraph(
        "Theo ",
        '<w:moveFrom w:id="3" w:author="A" w:date="2024-01-01T00:00:00Z">' + run("Luật cũ ") + "</w:moveFrom>",
        '<w:moveTo w:id="4" w:author="A" w:date="2024-01-01T00:00:00Z">' + run("Luật mới") + "</w:moveTo>",
    )
    text = read_source(write_docx(tmp_path / "tracked.docx", body)).text
    assert text == "Căn cứ Nghị định số 59/2023/NĐ-CP của Chính phủ;\nTheo Luật mới"


def test_notes_headers_and_footers_follow_the_body(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "notes.docx",
        paragraph("Thân văn bản"),
        footnotes=["Theo Quyết định số 5/QĐ-UBND", "Xem Chỉ thị 16/CT-TTg"],
        headers=["DỰ THẢO", "DỰ THẢO", "Trang đầu"],
        footers=["Trang"],
    )
    source = read_source(path)
    assert source.text.split("\n") == [
        "Thân văn bản", "Theo Quyết định số 5/QĐ-UBND", "Xem Chỉ thị 16/CT-TTg", "DỰ THẢO", "Trang đầu", "Trang",
    ]
    assert part_at(source, source.text.index("Xem")) == "footnote 2"
    assert part_at(source, source.text.index("Trang đầu")) == "header"
    assert part_at(source, len(source.text) - 1) == "footer"


def test_offsets_map_back_to_paragraphs_and_cells(tmp_path: Path) -> None:
    table = "<w:tbl><w:tr><w:tc>" + paragraph("UBND XÃ") + "</w:tc><w:tc>" + paragraph("CỘNG HÒA") + paragraph(
        "Độc lập") + "</w:tc></w:tr></w:tbl>"
    source = read_source(write_docx(tmp_path / "cells.docx", table + paragraph("Căn cứ Luật") + paragraph("Kết")))
    assert source.parts == (
        (0, "table 1, row 1, cell 1"), (8, "table 1, row 1, cell 2"), (25, "paragraph 1"), (37, "paragraph 2")
    )
    assert part_at(source, source.text.index("Độc lập")) == "table 1, row 1, cell 2"
    assert part_at(source, source.text.index("Luật")) == "paragraph 1"


def test_text_box_is_read_once_and_field_codes_are_not(tmp_path: Path) -> None:
    box = "<w:txbxContent>" + paragraph("Số: 12/QĐ-UBND") + "</w:txbxContent>"
    alternate = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<mc:Choice Requires=\"wps\"><w:r><w:drawing>{box}</w:drawing></w:r></mc:Choice>"
        f"<mc:Fallback><w:r><w:pict>{box}</w:pict></w:r></mc:Fallback></mc:AlternateContent>"
    )
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    text = read_source(write_docx(tmp_path / "box.docx", paragraph("Trang ", field, alternate))).text
    assert text == "Trang 3\nSố: 12/QĐ-UBND"


def test_strict_open_xml_is_read(tmp_path: Path) -> None:
    parts = docx_parts(paragraph("Căn cứ Luật Đất đai"))
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", strict.encode())
    assert read_source(write_zip(tmp_path / "strict.docx", parts)).text == "Căn cứ Luật Đất đai"


def test_vni_in_word_is_converted_and_offsets_still_find_paragraphs(tmp_path: Path) -> None:
    body = "".join(paragraph(stored) for stored, _ in VNI_LINES)
    source = read_source(write_docx(tmp_path / "vni.docx", body))
    assert source.text == "\n".join(meant for _, meant in VNI_LINES)
    assert source.notes == ("6 lines in the old VNI (VNI-Times fonts) font encoding were converted to Unicode",)
    assert part_at(source, source.text.index("Về việc")) == "paragraph 4"


def test_docx_is_recognised_by_content_under_any_name(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "plan.txt", paragraph("Kế hoạch số 85/KH-UBND"))
    assert read_source(path).encoding == "docx"
    stdin = io.BytesIO(Path(path).read_bytes())
    assert read_source("-", stdin=stdin).text == "Kế hoạch số 85/KH-UBND"


@pytest.mark.parametrize(
    ("parts", "reason"),
    [
        ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
         "is an OpenDocument file (LibreOffice, .odt); save it as .docx"),
        ({"xl/workbook.xml": b"<workbook/>"}, "is a ZIP file but not a Word document (.docx)"),
    ],
)
def test_other_zip_files_are_named(tmp_path: Path, parts: dict[str, bytes], reason: str) -> None:
    assert _reason(write_zip(tmp_path / "file.docx", parts)) == reason


def test_zip_encrypted_docx_needs_its_password_removed(tmp_path: Path) -> None:
    data = bytearray(Path(write_zip(tmp_path / "plain.docx", docx_parts(paragraph("Mật")))).read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # local and central headers
        start = data.find(signature)
        while start >= 0:
            data[start + flag_offset] |= 0x1  # the "encrypted" flag: no member opens without a password
            start = data.find(signature, start + 1)
    path = tmp_path / "zip-locked.docx"
    path.write_bytes(bytes(data))
    assert _reason(str(path)) == (
        "is protected with a password; open it in Word, remove the password and save it again"
    )


def test_spreadsheet_package_is_not_a_word_document(tmp_path: Path) -> None:
    parts = docx_parts("")
    parts["word/document.xml"] = b'<?xml version="1.0"?><workbook xmlns="urn:x"/>'
    assert _reason(write_zip(tmp_path / "sheet.xlsx", parts)) == "is a ZIP file but not a Word document (.docx)"


# --- .pdf -------------------------------------------------------------------------------------


def test_pdf_text_layer_is_read_page_by_page(tmp_path: Path) -> None:
    lines = [f"Căn cứ Nghị định số {n}/2023/NĐ-CP;" for n in range(1, 121)]
    source = read_source(write_pdf(tmp_path / "plan.pdf", "\n".join(lines)))
    assert source.encoding == "pdf"
    assert source.text.split("\n") == lines
    assert [label for _, label in source.parts] == ["page 1", "page 2"]
    assert part_at(source, source.text.index("120/2023")) == "page 2"


def test_pdf_is_recognised_by_content(tmp_path: Path) -> None:
    pdf = Path(write_pdf(tmp_path / "a.pdf", "Quyết định số 1/QĐ-UBND"))
    renamed = tmp_path / "a.txt"
    renamed.write_bytes(pdf.read_bytes())
    assert read_source(str(renamed)).text == "Quyết định số 1/QĐ-UBND"


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    """Gazette PDFs often forbid editing with an owner password but open without one."""
    path = write_pdf(tmp_path / "locked.pdf", "Chỉ thị số 16/CT-TTg", owner_password="chu",
                     encryption_method=EncryptionMethod.AES_256)
    assert read_source(path).text == "Chỉ thị số 16/CT-TTg"


def test_pdf_needing_a_password_is_refused(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "secret.pdf", "Mật", owner_password="chu", user_password="mo",
                     encryption_method=EncryptionMethod.AES_128)
    assert _reason(path) == "is protected with a password; open it, remove the password and save it again"


def test_scanned_pdf_needs_ocr(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 150, style="F")  # a page that is only a picture
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    assert _reason(str(path)).endswith("it needs OCR (text recognition) before citegraph can read it")


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_damaged_pdf(tmp_path: Path, damage: str) -> None:
    whole = Path(write_pdf(tmp_path / "whole.pdf", "Nội dung")).read_bytes()
    data = whole[: len(whole) // 3] if damage == "truncated" else b"%PDF-1.7\n" + bytes(range(256)) * 20
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    assert _reason(str(path)) == "is not a readable PDF file (it is damaged or not a PDF)"


def test_pdf_without_pages(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    PdfWriter().write(str(path))
    assert _reason(str(path)) == "has no pages"


def test_pdf_whose_glyphs_have_no_letters(tmp_path: Path) -> None:
    """A font without a character map leaves control codes where the letters were."""
    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 10 100 Td (" + bytes(range(1, 9)) + bytes(range(14, 24)) + b") Tj ET")
    page.replace_contents(content)
    path = tmp_path / "glyphs.pdf"
    writer.write(str(path))
    assert _reason(str(path)) == "has a text layer that cannot be decoded (fonts without a character map); it needs OCR"


def test_pdf_name_without_pdf_content(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("Quyết định", encoding="utf-8")
    assert _reason(str(path)) == "is not a readable PDF file (it is damaged or not a PDF)"


# --- .html ------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>Quyết định 9/QĐ-UBND</title>
<style>p {{ margin: 0 }}</style><script>var s = "<p>Nghị định 1/2000/NĐ-CP</p>";</script></head>
<body><h1>QUYẾT ĐỊNH</h1>
  <p>Căn cứ   Nghị định số 59/2023/NĐ-CP<br>ngày 14/8/2023 &amp; Luật&nbsp;Đất đai;</p>
  <!-- Nghị định 2/2020/NĐ-CP -->
  <table><tr><td>Nơi nhận:</td><td>Như trên</td></tr></table><ul><li>Điều 1</li><li>Điều 2</li></ul></body></html>"""
PAGE_LINES = ["QUYẾT ĐỊNH", "Căn cứ Nghị định số 59/2023/NĐ-CP", "ngày 14/8/2023 & Luật\u00a0Đất đai;", "Nơi nhận:",
              "Như trên", "Điều 1", "Điều 2"]


def test_html_visible_text_one_block_per_line(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    source = read_source(str(path))
    assert source.encoding == "html (utf-8)"
    assert source.text.split("\n") == PAGE_LINES


def test_html_in_its_declared_windows_1258(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(to_windows_1258(PAGE.format(charset="windows-1258")))
    source = read_source(str(path))
    assert source.encoding == "html (cp1258)"
    assert unicodedata.normalize("NFC", source.text).split("\n") == PAGE_LINES


def test_xhtml_with_an_xml_declaration(tmp_path: Path) -> None:
    path = tmp_path / "page.xhtml"
    path.write_bytes(to_windows_1258(
        '<?xml version="1.0" encoding="windows-1258"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<body><p>Căn cứ Luật Đất đai</p></body></html>"
    ))
    source = read_source(str(path))
    assert source.encoding == "html (cp1258)"
    assert unicodedata.normalize("NFC", source.text) == "Căn cứ Luật Đất đai"


def test_html_is_recognised_by_content(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text("\ufeff  <!doctype html><p>Kế hoạch</p><p>số 5</p>", encoding="utf-8")
    assert read_source(str(path)).text == "Kế hoạch\nsố 5"


def test_html_with_only_markup_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>x()</script></head><body> </body></html>", encoding="utf-8")
    assert _reason(str(path)) == "the file is empty"


# --- text encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, seed_text: str, codec: str) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(seed_text.encode(codec))
    source = read_source(str(path))
    assert (source.text, source.encoding) == (seed_text, "utf-16")


def test_windows_1258_file(tmp_path: Path) -> None:
    meant = "Quyết định số 12/QĐ-UBND của Ủy ban nhân dân tỉnh\nvề việc ban hành Quy chế"
    path = tmp_path / "cp1258.txt"
    path.write_bytes(to_windows_1258(meant))
    source = read_source(str(path))
    assert source.encoding == "windows-1258"
    assert unicodedata.normalize("NFC", source.text) == meant
    assert source.notes[0] == "the file is not UTF-8; it was read as Windows-1258 and converted to Unicode"


@pytest.mark.parametrize(("lines", "encoding"), [(TCVN3_LINES, "tcvn3"), (VNI_LINES, "vni")])
def test_old_font_encoding_files(tmp_path: Path, lines: list[tuple[str, str]], encoding: str) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("\r\n".join(stored for stored, _ in lines).encode("latin-1"))
    source = read_source(str(path))
    assert source.encoding == encoding
    assert source.text == "\r\n".join(meant for _, meant in lines)


def test_tcvn3_pasted_into_a_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "pasted.txt"
    path.write_text("\n".join(stored for stored, _ in TCVN3_LINES), encoding="utf-8")
    source = read_source(str(path))
    assert source.encoding == "utf-8"
    assert source.text == "\n".join(meant for _, meant in TCVN3_LINES)
    assert source.notes == ("6 lines in the old TCVN3 (ABC, .VnTime fonts) font encoding were converted to Unicode",)


def test_mojibake_file_is_repaired(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "mojibake.txt"
    path.write_text(seed_text.encode("utf-8").decode("latin-1").translate(
        {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)}), encoding="utf-8")
    source = read_source(str(path))
    assert source.text == seed_text
    assert len(source.notes) == 1 and "were repaired" in source.notes[0]


def test_nfd_text_is_kept_as_read_with_a_note(tmp_path: Path, seed_text: str) -> None:
    nfd = unicodedata.normalize("NFD", seed_text)
    path = tmp_path / "mac.txt"
    path.write_bytes(codecs.BOM_UTF8 + nfd.encode("utf-8"))
    source = read_source(str(path))
    assert source.text == nfd
    assert source.notes == ("some letters are stored decomposed (Unicode NFD); citegraph reads them composed",)


def test_vni_seed_gives_the_seed_exactly(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "vni.txt"
    path.write_text(to_vni(seed_text), encoding="utf-8")
    assert read_source(str(path)).text == seed_text
