"""Shared paths for the tests: every test reads real files from corpus/."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples, so that a green run stays green; at a desk they
# explore anew each time and keep the failures they find in .hypothesis/.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The suite keeps its own data cache (citegraph/datacache.py), so it starts cold and leaves the user's alone;
# the command-line tests' child processes inherit it.
os.environ["CITEGRAPH_CACHE_DIR"] = tempfile.mkdtemp(prefix="citegraph-test-cache-")
atexit.register(shutil.rmtree, os.environ["CITEGRAPH_CACHE_DIR"], ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "000_ab1912c7cdbda0bb.txt"
EXPECTED = Path(__file__).resolve().parent / "fixtures" / "expected"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
