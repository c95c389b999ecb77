"""The seed plan as a drafter's Word file: one paragraph per line, as python-docx writes it."""

from __future__ import annotations

from pathlib import Path

import docx

from .conftest import SEED


def seed_docx(path: Path) -> Path:
    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    return path
