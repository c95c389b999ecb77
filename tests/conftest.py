"""Shared paths for the tests: every test reads real files from corpus/."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "000_ab1912c7cdbda0bb.txt"
EXPECTED = Path(__file__).resolve().parent / "fixtures" / "expected"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
