"""Render check results: as a compiler prints them (text), as JSON, or as SARIF 2.1.0.

The JSON keys of the issue tracker's contract are stable (`documents[].source`, `findings[]` with
`code severity message start end line column citation suggestion`, `summary` with `files citations
errors warnings infos`); keys may be added, none renamed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import click

from . import __version__
from .check import Finding, Report
from .normalise import LINE_ENDS, LineIndex
from .read import InputError
from .rules import catalogue

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_WORDS = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin", "help": "gợi ý", "citations": "trích dẫn",
           "files": "tệp", "total": "Tổng"},
    "en": {"error": "error(s)", "warning": "warning(s)", "info": "note(s)", "help": "help", "citations": "citations",
           "files": "files", "total": "Total"},
}
_CONTEXT = 40  # characters of the source line shown on each side of a finding
_LINE_END = re.compile(f"[{LINE_ENDS}]")


@dataclass(frozen=True)
class Run:
    """Everything a renderer shows: the reports, the files that could not be read, the language."""

    reports: Sequence[Report]
    errors: Sequence[InputError]
    lang: str


def counts(reports: Sequence[Report]) -> dict[str, int]:
    findings = [f for r in reports for f in r.findings]
    return {
        "files": len(reports),
        "citations": sum(r.citations for r in reports),
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "infos": sum(f.severity == "info" for f in findings),
    }


# --- text ------------------------------------------------------------------------------------------

def _excerpt(text: str, finding: Finding) -> tuple[str, str]:
    """The finding's source line, cut to a window around it, and the underline beneath. The line starts
    where the finding's column says and ends at the next line end of any kind (a CR-only file's too); the
    underline counts characters as a terminal shows them, composed (a decomposed `ố` is one)."""
    column = finding.column - 1
    line_start = finding.start - column
    line_end = _LINE_END.search(text, finding.start)
    line = text[line_start:line_end.start() if line_end else len(text)]
    width = max(1, min(finding.end, line_start + len(line)) - finding.start)
    left = max(0, column - _CONTEXT)
    right = min(len(line), column + width + _CONTEXT)
    shown = ("…" if left else "") + line[left:right] + ("…" if right < len(line) else "")
    pad = _shown_width(line[left:column]) + (1 if left else 0)
    return shown, " " * pad + "^" * max(1, _shown_width(line[column:column + width]))


def _shown_width(text: str) -> int:
    return len(unicodedata.normalize("NFC", text))


def _text_finding(report: Report, finding: Finding, lang: str) -> list[str]:
    colour = _COLOURS[finding.severity]
    head = (
        click.style(f"{report.source}:{finding.line}:{finding.column}:", bold=True)
        + f" {click.style(finding.code, bold=True)} {click.style(finding.severity, fg=colour, bold=True)}: "
        + finding.message(lang)
    )
    shown, underline = _excerpt(report.text, finding)
    gutter = " " * len(str(finding.line))
    lines = [head, f" {finding.line} | {shown}", f" {gutter} | {click.style(underline, fg=colour, bold=True)}"]
    suggestion = finding.suggestion(lang)
    if suggestion:
        lines.append(f" {gutter} = {click.style(_WORDS[lang]['help'], fg='green', bold=True)}: {suggestion}")
    return lines


def _tally(numbers: dict[str, int], lang: str) -> str:
    words = _WORDS[lang]
    return (
        f"{numbers['errors']} {words['error']}, {numbers['warnings']} {words['warning']}, "
        f"{numbers['infos']} {words['info']} ({numbers['citations']} {words['citations']})"
    )


def as_text(run: Run) -> str:
    lines: list[str] = []
    for report in run.reports:
        for finding in report.findings:
            lines += _text_finding(report, finding, run.lang)
            lines.append("")
    for report in run.reports:
        lines.append(f"{report.source}: {_tally(counts([report]), run.lang)}")
    if len(run.reports) > 1:
        total = counts(run.reports)
        words = _WORDS[run.lang]
        lines.append(f"{words['total']}: {total['files']} {words['files']}, {_tally(total, run.lang)}")
    return "\n".join(lines) + "\n"


# --- JSON ------------------------------------------------------------------------------------------

def finding_record(finding: Finding, lang: str) -> dict[str, object]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message(lang),
        "start": finding.start,
        "end": finding.end,
        "line": finding.line,
        "column": finding.column,
        "citation": finding.citation,
        "suggestion": finding.suggestion(lang),
    }


def as_json(run: Run) -> str:
    import json  # here, not at the top: text output starts faster without it

    data = {
        "documents": [
            {"source": r.source, "findings": [finding_record(f, run.lang) for f in r.findings]} for r in run.reports
        ],
        "summary": counts(run.reports),
        "errors": [{"source": e.path, "error": e.reason} for e in run.errors],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- SARIF -----------------------------------------------------------------------------------------

def _sarif_rules(lang: str) -> list[dict[str, object]]:
    return [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.name},
            "fullDescription": {"text": rule.explanation},
            "help": {
                "text": f"{rule.explanation}\nConvention: {rule.convention}\nWrong: {rule.wrong}\nRight: {rule.right}"
            },
            "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity], "enabled": rule.default},
            "properties": {"convention": rule.convention, "message": next(iter(rule.messages[lang].values()))},
        }
        for rule in catalogue().values()
    ]


def _sarif_result(
    report: Report, finding: Finding, lines: LineIndex, index: dict[str, int], lang: str
) -> dict[str, object]:
    end_line, end_column = lines.position(finding.end)
    properties: dict[str, object] = {"citation": finding.citation}
    suggestion = finding.suggestion(lang)
    if suggestion:
        properties["suggestion"] = suggestion
    return {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _SARIF_LEVELS[finding.severity],
        "message": {"text": finding.message(lang)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": report.source.replace("\\", "/")},
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.column,
                        "endLine": end_line,
                        "endColumn": end_column,
                        "charOffset": finding.start,
                        "charLength": finding.end - finding.start,
                    },
                }
            }
        ],
        "properties": properties,
    }


def as_sarif(run: Run) -> str:
    import json

    index = {code: i for i, code in enumerate(catalogue())}
    results = [
        _sarif_result(report, finding, lines, index, run.lang)
        for report in run.reports
        for lines in [LineIndex(report.text)]
        for finding in report.findings
    ]
    notifications = [
        {"level": "error", "message": {"text": str(error)}, "descriptor": {"id": "input-error"}} for error in run.errors
    ]
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "citegraph", "version": __version__, "rules": _sarif_rules(run.lang)}},
                "columnKind": "unicodeCodePoints",
                "artifacts": [{"location": {"uri": r.source.replace("\\", "/")}} for r in run.reports],
                "invocations": [
                    {"executionSuccessful": not run.errors, "toolExecutionNotifications": notifications}
                ],
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": as_text, "json": as_json, "sarif": as_sarif}
