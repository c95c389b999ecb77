"""Properties of the reader on any input: it returns text or raises InputError, nothing else, and the
encoding a text was saved in does not change what is read."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citegraph.read import InputError, read_source

from .documents import paragraph, write_docx, write_pdf
from .test_encodings import SENTENCES

NAMES = ["-", "a.txt", "a.md", "a.docx", "a.pdf", "a.html", "a.doc", "a.rtf", "a"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _read(tmp_path: Path, name: str, data: bytes) -> object:
    """read_source's answer: the SourceText, or the InputError it raised."""
    try:
        if name == "-":
            return read_source("-", stdin=io.BytesIO(data))
        path = tmp_path / name
        path.write_bytes(data)
        return read_source(str(path))
    except InputError as error:
        return error


def _check_source(result: object) -> None:
    if isinstance(result, InputError):
        assert result.reason and "\n" not in result.reason
        return
    text = result.text  # type: ignore[attr-defined]
    assert text.strip()
    starts = [start for start, _ in result.parts]  # type: ignore[attr-defined]
    assert starts == sorted(starts) and all(0 <= start <= len(text) for start in starts)


@SETTINGS
@given(st.binary(max_size=4096), st.sampled_from(NAMES))
def test_any_bytes_give_text_or_an_input_error(tmp_path: Path, data: bytes, name: str) -> None:
    _check_source(_read(tmp_path, name, data))


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("samples")
    body = paragraph("Căn cứ Nghị định số 59/2023/NĐ-CP") + "<w:tbl><w:tr><w:tc>" + paragraph("Ô") + "</w:tc></w:tr></w:tbl>"
    return {
        "a.docx": Path(write_docx(folder / "a.docx", body, footnotes=["Theo Luật"], headers=["Dự thảo"])).read_bytes(),
        "a.pdf": Path(write_pdf(folder / "a.pdf", "Quyết định số 1/QĐ-UBND\nngày 1/1/2024")).read_bytes(),
    }


@SETTINGS
@given(st.sampled_from(["a.docx", "a.pdf"]), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8))
def test_damaged_documents_give_text_or_an_input_error(
    tmp_path: Path, samples: dict[str, bytes], name: str, damage: list[tuple[int, int]]
) -> None:
    data = bytearray(samples[name])
    for position, value in damage:
        data[position % len(data)] = value
    _check_source(_read(tmp_path, name, bytes(data)))


@SETTINGS
@given(st.text(st.characters(blacklist_characters="\x00"), min_size=1, max_size=300).filter(
    lambda text: not text.startswith("\ufeff")
))
def test_the_unicode_encoding_of_a_file_does_not_change_what_is_read(tmp_path: Path, text: str) -> None:
    """A leading U+FEFF is left out: in a file without a BOM it is one. Text with NUL characters is left out:
    it is binary in every encoding, and the zero bytes are exactly what a UTF-16 file without a BOM shows."""
    results = [
        _read(tmp_path, "a.txt", bom + text.encode(codec))
        for bom, codec in [(b"", "utf-8"), (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                           (codecs.BOM_UTF16_BE, "utf-16-be")]
        if _encodable(text, codec)
    ]
    answers = [(r.text, r.notes) if not isinstance(r, InputError) else r.reason for r in results]  # type: ignore[attr-defined]
    assert all(answer == answers[0] for answer in answers[1:])


def _encodable(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(SENTENCES, min_size=1, max_size=6))
def test_vietnamese_paragraphs_read_back_from_word_exactly(tmp_path: Path, lines: list[str]) -> None:
    path = write_docx(tmp_path / "a.docx", "".join(paragraph(line) for line in lines))
    assert read_source(path).text == "\n".join(lines)
