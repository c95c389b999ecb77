"""The rule catalogue is complete data: every rule documented, implemented, and docs/rules.md current."""

from __future__ import annotations

import re
import string

import pytest

from citegraph.checks import CITATION_CHECKS, DOCUMENT_CHECKS, RUN_CHECKS
from citegraph.rules import (
    LANGUAGES,
    SEVERITIES,
    SelectionError,
    catalogue,
    markdown,
    select,
)

from .conftest import ROOT

RULES = catalogue()


def test_docs_rules_md_is_generated_from_the_catalogue() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == markdown(RULES), (
        "regenerate with: citegraph rules --format markdown > docs/rules.md"
    )


def test_every_rule_is_implemented_and_every_check_is_a_rule() -> None:
    implemented = [*CITATION_CHECKS, *DOCUMENT_CHECKS, *RUN_CHECKS]
    assert sorted(implemented) == sorted(RULES)


@pytest.mark.parametrize("code", list(RULES))
def test_rule_entry_is_complete(code: str) -> None:
    rule = RULES[code]
    assert re.fullmatch(r"CG[1-5]\d\d", code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.severity in SEVERITIES
    assert rule.default == (not code.startswith("CG5"))
    assert len(rule.explanation) > 80 and rule.convention and rule.wrong and rule.right and rule.wrong != rule.right
    for lang in LANGUAGES:
        assert rule.messages[lang]
        assert set(rule.messages[lang]) == set(rule.messages["vi"])
    fields = {f for template in rule.messages["vi"].values() for _, f, _, _ in string.Formatter().parse(template) if f}
    english = {f for template in rule.messages["en"].values() for _, f, _, _ in string.Formatter().parse(template) if f}
    assert fields == english
    assert set(rule.suggestions) in (set(), set(LANGUAGES))


def test_selection_works_like_ruff() -> None:
    default = select(RULES)
    assert "CG101" in default and not any(code.startswith("CG5") for code in default)
    assert select(RULES, ["CG5"]) == {"CG501", "CG502", "CG503", "CG504", "CG505"}
    assert select(RULES, ["ALL"], ["CG1", "CG2", "CG3", "CG4"]) == select(RULES, ["CG5"])
    assert select(RULES, None, ["CG115"], ["CG501"]) == (default - {"CG115"}) | {"CG501"}
    assert select(RULES, ["cg202"]) == {"CG202"}
    with pytest.raises(SelectionError):
        select(RULES, ["CG9"])
