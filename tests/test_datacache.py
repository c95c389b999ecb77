"""The data cache saves time and never changes a result: a stale, unreadable or untrusted entry is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from citegraph import knowledge, rules
from citegraph.datacache import cache_directory, cached


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CITEGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builder:
    """Builds the value of a source file and counts how often it had to."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.builds = 0

    def __call__(self) -> dict[str, str]:
        self.builds += 1
        return {"text": self.source.read_text(encoding="utf-8")}


def test_an_entry_is_built_once_then_read(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "data.toml"
    source.write_text("one", encoding="utf-8")
    build = Builder(source)
    assert cached("entry", [source], build) == {"text": "one"}
    assert cached("entry", [source], build) == {"text": "one"}
    assert build.builds == 1
    assert len(list(cache.glob("entry-*.pickle"))) == 1


def test_a_changed_source_is_never_read_from_an_old_entry(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "data.toml"
    source.write_text("one", encoding="utf-8")
    build = Builder(source)
    cached("entry", [source], build)
    source.write_text("two", encoding="utf-8")  # same size: the content decides
    assert cached("entry", [source], build) == {"text": "two"}
    assert build.builds == 2


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_an_unreadable_entry_is_rebuilt_and_replaced(cache: Path, tmp_path: Path, content: bytes) -> None:
    source = tmp_path / "data.toml"
    source.write_text("one", encoding="utf-8")
    build = Builder(source)
    cached("entry", [source], build)
    (entry,) = cache.glob("entry-*.pickle")
    entry.write_bytes(content)
    assert cached("entry", [source], build) == {"text": "one"}
    assert cached("entry", [source], build) == {"text": "one"}
    assert build.builds == 2


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("CITEGRAPH_CACHE_DIR", str(blocker / "cache"))
    source = tmp_path / "data.toml"
    source.write_text("one", encoding="utf-8")
    assert cached("entry", [source], Builder(source)) == {"text": "one"}


def test_a_directory_others_can_write_to_is_not_used(cache: Path, tmp_path: Path) -> None:
    cache.mkdir(mode=0o700)
    cache.chmod(0o777)
    source = tmp_path / "data.toml"
    source.write_text("one", encoding="utf-8")
    build = Builder(source)
    cached("entry", [source], build)
    assert cached("entry", [source], build) == {"text": "one"}
    assert build.builds == 2
    assert not list(cache.glob("entry-*.pickle"))


def test_a_missing_source_builds_without_the_cache(cache: Path, tmp_path: Path) -> None:
    assert cached("entry", [tmp_path / "missing.toml"], lambda: 42) == 42
    assert not cache.exists()


def test_the_default_directory_is_the_users_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CITEGRAPH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_directory() == str(tmp_path / "citegraph")


def test_knowledge_from_the_cache_is_the_knowledge_built(cache: Path) -> None:
    built = knowledge.load.__wrapped__()  # a miss: built and written
    read = knowledge.load.__wrapped__()  # a hit: read back
    assert read is not built
    assert vars(read) == vars(built) == vars(knowledge._build())


def test_the_rule_catalogue_from_the_cache_is_the_catalogue_parsed(cache: Path) -> None:
    rules._data.__wrapped__()
    assert len(list(cache.glob("rules-*.pickle"))) == 1
    assert rules._data.__wrapped__() == knowledge.data_toml("rules.toml")
