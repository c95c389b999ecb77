"""Pipeline stage after resolve: check every citation against the rule catalogue.

`check_documents` takes extracted documents and the selected rule codes and returns one report per
document: the findings in text order, each a `Finding` with a code, a severity, a span in the original
text and the fields its message templates need. Rules that compare documents (the same number cited
with two dates in two files) see the whole run. Messages are rendered later, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .checks import CITATION_CHECKS, DOCUMENT_CHECKS, RUN_CHECKS
from .checks.context import Context, Finding
from .knowledge import Knowledge, load
from .models import ExtractedDocument
from .pipeline import extract_paths
from .read import InputError
from .registry import Registry
from .registry import load as load_registry
from .rules import Rule, catalogue, select, severity_rank

__all__ = ["Finding", "Report", "check_documents"]


@dataclass(frozen=True)
class Report:
    """The findings on one document."""

    source: str
    text: str
    citations: int
    findings: tuple[Finding, ...]


def check_documents(
    documents: Sequence[ExtractedDocument],
    selected: frozenset[str] | None = None,
    *,
    knowledge: Knowledge | None = None,
    registry: Registry | None = None,
) -> list[Report]:
    """Check `documents` with the `selected` rules (the default selection when None)."""
    rules: Mapping[str, Rule] = catalogue()
    chosen = select(rules) if selected is None else selected
    knowledge = knowledge or load()
    registry_of: Callable[[], Registry] = load_registry if registry is None else (lambda: registry)
    contexts = [Context(d, knowledge, registry_of) for d in documents]
    found: dict[int, list[Finding]] = {id(c): [] for c in contexts}
    citation_checks = [(rules[code], check) for code, check in CITATION_CHECKS.items() if code in chosen]
    document_checks = [check for code, check in DOCUMENT_CHECKS.items() if code in chosen]
    for context in contexts:
        for written in context.written:
            if "number" in written.citation.shared:
                continue  # a short name (`Chỉ thị 11`): its number was checked where the text writes it
            for rule, check in citation_checks:
                if not (rule.government_only and written.enterprise):
                    found[id(context)].extend(check(context, written))
        for document_check in document_checks:
            found[id(context)].extend(document_check(context))
    for code, run_check in RUN_CHECKS.items():
        if code in chosen:
            for context, finding in run_check(contexts):
                found[id(context)].append(finding)
    return [
        Report(
            c.document.source,
            c.document.text,
            len(c.document.citations),
            tuple(sorted(found[id(c)], key=lambda f: (f.start, f.code))),
        )
        for c in contexts
    ]


def check_paths(
    paths: Sequence[str],
    selected: frozenset[str],
    *,
    max_bytes: int,
    on_file: Callable[[], None] = lambda: None,
) -> tuple[list[Report], list[InputError]]:
    """Read, extract and check `paths`: the reports, and the inputs that could not be read."""
    documents: list[ExtractedDocument] = []
    errors: list[InputError] = []
    for result in extract_paths(paths, max_bytes=max_bytes):
        if isinstance(result, InputError):
            errors.append(result)
        else:
            documents.append(result)
        on_file()
    return check_documents(documents, selected), errors


def fails(reports: Sequence[Report], fail_on: str) -> bool:
    """Whether any finding reaches the `--fail-on` severity."""
    floor = severity_rank(fail_on)
    return any(severity_rank(f.severity) >= floor for r in reports for f in r.findings)
