"""Output files are written through a temporary file and a rename: a failed or interrupted write leaves
neither a half-written output nor a temporary file, and an output that existed before is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from citegraph import cli

from .conftest import SEED


def test_interrupted_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(source: str, target: str) -> None:
        raise KeyboardInterrupt  # Ctrl-C between writing and renaming

    monkeypatch.setattr(cli.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cli.write_atomically(str(tmp_path / "out.json"), "{}", ())
    assert list(tmp_path.iterdir()) == []


def test_failed_write_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        cli.write_atomically(str(tmp_path / "out.csv"), "a" * 100_000 + "\ud800", ())  # cannot be encoded
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("kết quả cũ", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        cli.write_atomically(str(out), "mới\ud800", ())
    assert out.read_text(encoding="utf-8") == "kết quả cũ"
    assert list(tmp_path.iterdir()) == [out]


def test_unwritable_place_is_one_line_and_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "out.json"
    result = CliRunner().invoke(cli.main, ["extract", str(SEED), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"citegraph: error: {target}: cannot be written")
    assert result.stderr.count("\n") == 1
    assert not target.parent.exists()


def test_an_input_is_never_the_output(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_bytes(SEED.read_bytes())
    result = CliRunner().invoke(cli.main, ["extract", str(plan), "-o", str(plan)])
    assert result.exit_code == 2
    assert result.stderr == f"citegraph: error: {plan}: is one of the input files; refusing to overwrite it\n"
    assert plan.read_bytes() == SEED.read_bytes()
