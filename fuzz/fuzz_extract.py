"""Coverage-guided fuzzing of the reader and the extractor with atheris (libFuzzer for Python).

Any bytes, read as a file of any format, must give text or an InputError, and any text must extract
with every citation's span pointing at its own text; anything else is a crash libFuzzer saves to a file.

    pip install -e '.[fuzz]'
    python fuzz/fuzz_extract.py                      # 5 minutes from fuzz/seeds
    python fuzz/fuzz_extract.py -max_total_time=60   # any libFuzzer option; a crash file replays as an argument

Inputs libFuzzer finds interesting are kept in citegraph-fuzz-corpus/ in the temporary folder for the next
run; a crashing input is written to crash-<hash> in the current folder.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["citegraph"]):
    from citegraph import read_docx, read_html, read_pdf  # noqa: F401  read.py imports them lazily: instrument now
    from citegraph.knowledge import load
    from citegraph.pipeline import extract_source, extract_text
    from citegraph.read import InputError, read_source

HERE = Path(__file__).resolve().parent
KNOWLEDGE = load()
MAX_BYTES = 1024 * 1024
TEXT_MODE = b"\x00T"
DEFAULTS = ["-max_total_time=300", "-timeout=30", "-rss_limit_mb=3072", "-max_len=65536"]


def test_one_input(data: bytes) -> None:
    """The bytes are a file of any format (told by its content), or, after TEXT_MODE, text for the extractor."""
    if data.startswith(TEXT_MODE):
        text = atheris.FuzzedDataProvider(data[len(TEXT_MODE):]).ConsumeUnicodeNoSurrogates(len(data))
        _check(text, extract_text(text, knowledge=KNOWLEDGE))
        return
    try:
        source = read_source("-", stdin=io.BytesIO(data), max_bytes=MAX_BYTES)
    except InputError as error:
        assert error.reason and "\n" not in error.reason, repr(error.reason)
        return
    assert all(0 <= start <= len(source.text) for start, _ in source.parts)
    _check(source.text, extract_source(source, KNOWLEDGE))


def _check(text: str, document: object) -> None:
    for citation in document.citations:  # type: ignore[attr-defined]
        assert 0 <= citation.start < citation.end <= len(text), citation
        assert text[citation.start:citation.end] == citation.text, citation


def main() -> None:
    arguments = sys.argv[1:]
    if not any(not argument.startswith("-") for argument in arguments):
        corpus = Path(tempfile.gettempdir()) / "citegraph-fuzz-corpus"
        corpus.mkdir(exist_ok=True)
        arguments += [str(corpus), str(HERE / "seeds")]
    options = [option for option in DEFAULTS if option.split("=")[0] not in {a.split("=")[0] for a in arguments}]
    atheris.Setup([sys.argv[0], *options, *arguments], test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
