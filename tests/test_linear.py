"""No super-linear pattern: 1 MB of an adversarial string may take at most ~12 times as long as 100 KB,
through the extractor and through the reader's repairs and HTML parser.

A ratio, not a wall-clock limit, so a slow machine passes and a quadratic scan fails. The measurements run
in a fresh process (`python -m tests.test_linear [CASE ...]` prints them), because the heap the rest of the
suite leaves behind slows large runs more than small ones. Time is that process's CPU time, so other work on
the machine does not count; the garbage collector is paused so that its schedule does not count as the
algorithm's; and a large run is stopped by a CPU timer once it has used its allowance, so a quadratic case
fails in bounded time.
"""

from __future__ import annotations

import gc
import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from citegraph.encodings import repair
from citegraph.knowledge import load
from citegraph.normalise import LineIndex
from citegraph.pipeline import extract_text
from citegraph.read_html import html_lines

from .conftest import ROOT

SMALL, LARGE = 100_000, 1_000_000
MAX_RATIO = 12.0

Make = Callable[[int], Callable[[], object]]


class _TooSlow(Exception):
    pass


@contextmanager
def _allowance(seconds: float) -> Iterator[None]:
    """Raise _TooSlow in the main thread once this process has used `seconds` of CPU time."""

    def stop(signum: int, frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _seconds(work: Callable[[], object], allowance: float | None = None) -> float:
    """CPU time of one run without the garbage collector; infinity if it outlasts its allowance."""
    gc.collect()
    gc.disable()
    started = time.process_time()
    try:
        if allowance is None:
            work()
        else:
            with _allowance(allowance):
                work()
    except _TooSlow:
        return float("inf")
    finally:
        gc.enable()
    return time.process_time() - started


def _ten_times(work: Callable[[], object]) -> Callable[[], object]:
    return lambda: [work() for _ in range(10)]


def growth(make: Make, attempts: int = 3) -> float:
    """CPU time of the 1 MB run over a tenth of the CPU time of ten 100 KB runs in a row.

    Both sides do about the same work, so that the shared machine's swings in speed (up to 1.5x from one
    second to the next) weigh on both alike. Linear code measures 7 to 12 here, quadratic code 40 and
    more; a ratio above the limit is measured again, up to `attempts` times, and a run past 2.5 times the
    limit is final.
    """
    best = float("inf")
    for _ in range(attempts):
        small = _seconds(_ten_times(make(SMALL))) / 10
        ratio = _seconds(make(LARGE), 2.5 * MAX_RATIO * small + 0.05) / small
        best = min(best, ratio)
        if ratio <= MAX_RATIO or ratio == float("inf"):
            break
    return best


def _extraction(unit: str) -> Make:
    """`size` characters of `unit` repeated (or of nested brackets for an empty unit), extracted."""
    knowledge = load()

    def make(size: int) -> Callable[[], object]:
        text = "(" * (size // 2) + ")" * (size // 2) if not unit else unit * (size // len(unit))
        return lambda: extract_text(text, knowledge=knowledge)

    return make


def _reading(step: Callable[[str], object], unit: str, prefix: str = "") -> Make:
    """A reader's step (a repair, the HTML parser) on `size` characters of `unit` after `prefix`."""

    def make(size: int) -> Callable[[], object]:
        text = prefix + unit * (size // len(unit))
        return lambda: step(text)

    return make


def _columns(size: int) -> Callable[[], object]:
    """Line and column of every hundredth offset of one long line."""
    text = "x" * size

    def columns() -> None:
        index = LineIndex(text)
        for offset in range(0, size, 100):
            index.position(offset)

    return columns


def _items_then_citations(size: int) -> Callable[[], object]:
    """Numbered articles, then citations after the last of them (each once walked back over every item)."""
    knowledge = load()
    articles: list[str] = []
    while sum(map(len, articles)) < size // 2:
        articles.append(f"Điều {len(articles) + 1}. x\n")
    body = "".join(articles) + "Nơi nhận:\n"
    unit = "Nghị định số 59/2023/NĐ-CP, "
    text = body + unit * ((size - len(body)) // len(unit))
    return lambda: extract_text(text, knowledge=knowledge)


UNITS = {
    "số": "số ",
    "slashes": "/",
    "digits": "1234567890",
    "Quyết định": "Quyết định ",
    "Quyết định số": "Quyết định số ",
    "nested brackets": "",
    "open brackets and quotes": "([{“",
    "number starts": "1/",
    "citations in lists": "Nghị định số 59/2023/NĐ-CP, " * 9 + "\n",
    "Căn cứ": "Căn cứ ",
    "law words without years": "Luật " + "x " * 20,  # each once rescanned the rest of the text
    "page-trailer words in a long line": "x Lược đồ ",  # each once rescanned its line
    # Each citation's repaired characters were once found by copying every later repair.
    "citations with repaired characters": "Nghị\u00a0định\u00a0số 59/2023/NĐ\u2013CP, ",
}
CASES: dict[str, Callable[[], Make]] = {name: (lambda unit=unit: _extraction(unit)) for name, unit in UNITS.items()}
CASES["citations after many items"] = lambda: _items_then_citations
CASES["columns on a long line"] = lambda: _columns  # once scanned back to the line start for every column
CASES["mojibake with lost bytes"] = lambda: _reading(repair, "Ã", prefix="Ä‘")  # once re-decoded per bad byte
CASES["TCVN3 text"] = lambda: _reading(repair, "Céng hßa x· héi chñ nghÜa ViÖt Nam\n")
CASES["VNI text"] = lambda: _reading(repair, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\n")
CASES["unclosed HTML attributes"] = lambda: _reading(html_lines, "<a b='")  # quadratic in html.parser


def measure(names: list[str]) -> dict[str, float]:
    return {name: growth(CASES[name]()) for name in names}


@pytest.fixture(scope="module")
def ratios() -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.test_linear"], capture_output=True, text=True, cwd=ROOT, timeout=900, check=True
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("case", list(CASES))
def test_time_grows_linearly(ratios: dict[str, float], case: str) -> None:
    assert ratios[case] <= MAX_RATIO, f"{case}: 1 MB took {ratios[case]:.1f} times as long as 100 KB"


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1:] or list(CASES)), ensure_ascii=False))
