"""Tests for citegraph.read: real files on disk, one per encoding and per error a user can hit."""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path

import docx
import pytest

from citegraph.read import DEFAULT_MAX_BYTES, InputError, read_source

SEED = Path(__file__).resolve().parent.parent / "corpus" / "000_ab1912c7cdbda0bb.txt"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_bytes().decode("utf-8")


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def _assert_input_error(path: str, reason_start: str, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as caught:
        read_source(path, **kwargs)  # type: ignore[arg-type]
    err = caught.value
    assert err.path == path
    assert str(err) == f"{path}: {err.reason}"
    assert err.reason.startswith(reason_start), err.reason
    return err


# --- text files -------------------------------------------------------------------------------


def test_seed_reads_as_utf8(seed_text: str) -> None:
    source = read_source(str(SEED))
    assert source.path == str(SEED)
    assert source.encoding == "utf-8"
    assert "KẾ HOẠCH" in source.text
    assert source.text == seed_text


@pytest.mark.parametrize(
    ("name", "bom", "codec", "encoding"),
    [
        ("bom8.txt", codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        ("le16.txt", codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        ("be16.md", codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ],
)
def test_bom_encodings_give_the_same_text(
    tmp_path: Path, seed_text: str, name: str, bom: bytes, codec: str, encoding: str
) -> None:
    path = _write(tmp_path / name, bom + seed_text.encode(codec))
    source = read_source(path)
    assert source.encoding == encoding
    assert source.text == seed_text
    assert not source.text.startswith("\ufeff")


def test_crlf_is_kept_exactly(tmp_path: Path, seed_text: str) -> None:
    crlf = seed_text.replace("\n", "\r\n")
    source = read_source(_write(tmp_path / "crlf.txt", crlf.encode("utf-8")))
    assert source.text == crlf
    assert source.text.replace("\r\n", "\n") == seed_text


def test_lone_cr_is_kept(tmp_path: Path) -> None:
    source = read_source(_write(tmp_path / "mac", "Dòng một\rDòng hai\r".encode("utf-8")))
    assert source.text == "Dòng một\rDòng hai\r"


def test_stdin_is_read_and_named_dash(seed_text: str) -> None:
    source = read_source("-", stdin=io.BytesIO(seed_text.encode("utf-8")))
    assert source.path == "-"
    assert source.encoding == "utf-8"
    assert source.text == seed_text


def test_stdin_with_bom(seed_text: str) -> None:
    data = codecs.BOM_UTF16_LE + seed_text.encode("utf-16-le")
    source = read_source("-", stdin=io.BytesIO(data))
    assert source.text == seed_text
    assert source.encoding == "utf-16"


# --- .docx ------------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_in_order(tmp_path: Path, seed_text: str) -> None:
    paragraphs = seed_text.split("\n")
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Ô đã gộp"
    table.cell(1, 0).text = "Ô A"
    table.cell(1, 1).text = "Ô B"
    document.add_paragraph("Đoạn cuối")
    path = str(tmp_path / "plan.docx")
    document.save(path)
    # python-docx repeats a merged cell once per grid column; the reader must not.
    assert [cell.text for cell in table.rows[0].cells] == ["Ô đã gộp", "Ô đã gộp"]

    source = read_source(path)

    assert source.encoding == "docx"
    assert source.text == "\n".join([*paragraphs, "Ô đã gộp", "Ô A", "Ô B", "Đoạn cuối"])
    assert source.text.count("Ô đã gộp") == 1


def test_docx_nested_table_is_read_in_place(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Trước bảng")
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Ngoài 1"
    inner = outer.cell(0, 0).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Trong"
    outer.cell(0, 1).text = "Ngoài 2"
    path = str(tmp_path / "nested.docx")
    document.save(path)

    text = read_source(path).text

    # add_table puts an empty paragraph after the inner table, as Word requires.
    assert text == "\n".join(["Trước bảng", "Ngoài 1", "Trong", "", "Ngoài 2"])


def test_docx_extension_is_case_insensitive(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Căn cứ Luật số 1")
    path = str(tmp_path / "UPPER.DOCX")
    document.save(path)
    assert read_source(path).text == "Căn cứ Luật số 1"


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_text_file(tmp_path: Path, data: bytes) -> None:
    _assert_input_error(_write(tmp_path / "empty.txt", data), "the file is empty")


def test_empty_stdin() -> None:
    _assert_input_error("-", "the file is empty", stdin=io.BytesIO(b""))


def test_binary_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _assert_input_error(path, "looks like a binary file, not text")


def test_bad_utf8_names_byte_and_offset(tmp_path: Path) -> None:
    data = "Quyết định".encode("utf-8") + b"\xff rest"
    offset = len("Quyết định".encode("utf-8"))
    path = _write(tmp_path / "latin.txt", data)
    err = _assert_input_error(path, "is not valid UTF-8 text")
    assert err.reason == (
        f"is not valid UTF-8 text (bad byte 0xFF at byte offset {offset}); save it as UTF-8"
    )


def test_bad_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.txt", codecs.BOM_UTF8 + b"ab\xc3(")
    err = _assert_input_error(path, "is not valid UTF-8 text")
    assert "bad byte 0xC3 at byte offset 5" in err.reason


def test_directory(tmp_path: Path) -> None:
    _assert_input_error(str(tmp_path), "is a directory, not a file")


def test_missing_file(tmp_path: Path) -> None:
    _assert_input_error(str(tmp_path / "nope.txt"), "no such file")


def test_too_large_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", b"x" * 11)
    err = _assert_input_error(path, "is larger than the size limit of", max_bytes=10)
    assert err.reason.endswith("(change it with --max-size)")


def test_exactly_at_the_limit_is_fine(tmp_path: Path) -> None:
    path = _write(tmp_path / "edge.txt", b"x" * 10)
    assert read_source(path, max_bytes=10).text == "x" * 10


def test_too_large_message_is_in_mb(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", b"x" * (1024 * 1024 + 1))
    err = _assert_input_error(path, "is larger", max_bytes=1024 * 1024)
    assert err.reason == "is larger than the size limit of 1 MB (change it with --max-size)"


def test_default_limit_is_50_mb() -> None:
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024


def test_too_large_stdin_reads_only_past_the_limit() -> None:
    stream = io.BytesIO(b"y" * 100)
    _assert_input_error("-", "is larger than the size limit of", max_bytes=10, stdin=stream)
    assert stream.tell() == 11


def test_old_doc_format(tmp_path: Path) -> None:
    path = _write(tmp_path / "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    err = _assert_input_error(path, "old Word .doc format is not supported")
    assert err.reason == (
        "old Word .doc format is not supported; open it in Word and save it as .docx"
    )


def test_corrupt_docx(tmp_path: Path) -> None:
    path = _write(tmp_path / "broken.docx", os.urandom(4096))
    _assert_input_error(path, "is not a readable .docx file")


def test_truncated_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Nội dung")
    whole = io.BytesIO()
    document.save(whole)
    path = _write(tmp_path / "cut.docx", whole.getvalue()[:2000])
    _assert_input_error(path, "is not a readable .docx file")


def test_docx_without_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("   ")
    document.add_table(rows=1, cols=1)
    path = str(tmp_path / "blank.docx")
    document.save(path)
    _assert_input_error(path, "the file is empty")


def test_zero_byte_docx_is_empty(tmp_path: Path) -> None:
    _assert_input_error(_write(tmp_path / "zero.docx", b""), "the file is empty")


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root can read any file"
)
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes("Kín".encode("utf-8"))
    path.chmod(0)
    try:
        _assert_input_error(str(path), "cannot be read: permission denied")
    finally:
        path.chmod(0o600)
