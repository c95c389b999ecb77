"""A corpus document saved as .docx or printed to .pdf gives the same citations as its text.

The .docx is written with python-docx, one paragraph per line; the PDF with fpdf2 in DejaVu Sans (Debian's
fonts-dejavu-core), one text line per line, on pages wide enough that nothing wraps. PDF has no blank lines,
so the comparison is of what was cited and where in the plan, not of offsets.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from citegraph.pipeline import extract_source, extract_text
from citegraph.read import read_source

from .conftest import CORPUS, SEED
from .documents import write_pdf

DOCUMENTS = [
    SEED,
    CORPUS / "real" / "A09_city_CV-4001-UBND-DT_TPHCM.txt",
    CORPUS / "real" / "A17_province_BC-UBND-LaoCai_QLNN-khoang-san-2025.txt",
    CORPUS / "real" / "A20_dept_TB-SCT-LaoCai_tham-dinh-TKKT-thuy-dien-YenHa.txt",
    CORPUS / "real" / "A26_province_QD-435-QD-UBND_KonTum_2020.txt",
]
FIELDS = ("type", "number", "date", "issuer", "key", "item", "role", "title", "pinpoint")


def _citations(document: object) -> list[tuple[object, ...]]:
    return [tuple(getattr(c, field) for field in FIELDS) for c in document.citations]  # type: ignore[attr-defined]


def _write_docx(path: Path, text: str) -> str:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    return str(path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("rendering", ["docx", "pdf"])
def test_rendering_gives_the_same_citations(tmp_path: Path, path: Path, rendering: str) -> None:
    text = path.read_text(encoding="utf-8")
    expected = _citations(extract_text(text))
    assert expected
    write = _write_docx if rendering == "docx" else write_pdf
    source = read_source(write(tmp_path / f"{path.stem}.{rendering}", text))
    assert source.encoding == rendering
    assert _citations(extract_source(source)) == expected
