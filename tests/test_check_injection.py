"""Error injection: every kind of slip issue 3 lists is detected wherever it can be made (docs/checker-eval.md)."""

from __future__ import annotations

from .eval.injection import REPORT, evaluate, markdown


def test_every_injected_kind_is_detected_and_the_published_table_is_current() -> None:
    outcomes, clean = evaluate()
    missed = {o.kind.name: sorted(set(o.injected) - set(o.detected)) for o in outcomes if o.detected != o.injected}
    assert missed == {}
    assert all(o.injected for o in outcomes), [o.kind.name for o in outcomes if not o.injected]
    assert REPORT.read_text(encoding="utf-8") == markdown(outcomes, clean), (
        "regenerate with: python -m tests.eval.injection --write"
    )
