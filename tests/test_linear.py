"""No super-linear pattern: 1 MB of an adversarial string may take at most ~12 times as long as 100 KB.

A ratio, not a wall-clock limit, so a slow machine passes and a quadratic scan fails. Time is this
process's CPU time, so other work on the machine does not count; the garbage collector is paused so that
its schedule does not count as the algorithm's; and the large run is stopped by a CPU timer once it has
used its allowance, so a quadratic case fails in bounded time.
"""

from __future__ import annotations

import gc
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from citegraph.knowledge import load
from citegraph.normalise import LineIndex
from citegraph.pipeline import extract_text

SMALL, LARGE = 100_000, 1_000_000
MAX_RATIO = 12.0
KNOWLEDGE = load()


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


def growth(make: Callable[[int], Callable[[], object]], attempts: int = 3) -> float:
    """CPU time of the 1 MB run over the best of three 100 KB runs.

    Linear code measures 7 to 14 here when other work shares the caches, quadratic code 40 and more; so a
    ratio above the limit is measured again, up to `attempts` times, and a run past 2.5 times the limit is final.
    """
    best = float("inf")
    for _ in range(attempts):
        small = min(_seconds(make(SMALL)) for _ in range(3))
        ratio = _seconds(make(LARGE), 2.5 * MAX_RATIO * small + 0.05) / small
        best = min(best, ratio)
        if ratio <= MAX_RATIO or ratio == float("inf"):
            break
    return best


def _extraction(unit: str) -> Callable[[int], Callable[[], object]]:
    """`size` characters of `unit` repeated (or of nested brackets for an empty unit), extracted."""

    def make(size: int) -> Callable[[], object]:
        text = "(" * (size // 2) + ")" * (size // 2) if not unit else unit * (size // len(unit))
        return lambda: extract_text(text, knowledge=KNOWLEDGE)

    return make


ADVERSARIAL = {
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
}


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_extraction_time_grows_linearly(unit: str) -> None:
    assert growth(_extraction(unit)) <= MAX_RATIO


def test_law_words_without_years_grow_linearly() -> None:
    assert growth(_extraction("Luật " + "x " * 20)) <= MAX_RATIO


def test_page_trailer_words_inside_a_long_line_grow_linearly() -> None:
    assert growth(_extraction("x Lược đồ ")) <= MAX_RATIO


def test_columns_on_a_long_line_grow_linearly() -> None:
    def make(size: int) -> Callable[[], object]:
        text = "x" * size

        def columns() -> None:
            index = LineIndex(text)
            for offset in range(0, size, 100):
                index.position(offset)

        return columns

    assert growth(make) <= MAX_RATIO
