"""The rule catalogue: every convention `citegraph check` enforces, read from `data/rules.toml`.

A rule's code, severity, explanation, examples and message templates are data that a domain expert
reviews without reading Python; the code that detects each rule lives in `citegraph.checks`. This module
also decides which rules a run selects and renders the catalogue for `citegraph rules` and docs/rules.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

SEVERITIES = ("info", "warning", "error")
LANGUAGES = ("vi", "en")
GROUPS = {
    "CG1": "Malformed citations",
    "CG2": "Inconsistent citations",
    "CG3": "Citations against the registry of known documents",
    "CG4": "The document itself",
    "CG5": "Style (off unless selected)",
}
from .datacache import cached, package_file
from .knowledge import data_toml


@dataclass(frozen=True)
class Rule:
    """One convention, as the catalogue states it."""

    code: str
    name: str
    severity: str
    default: bool
    convention: str
    explanation: str
    wrong: str
    right: str
    messages: Mapping[str, Mapping[str, str]]
    suggestions: Mapping[str, str]
    params: Mapping[str, object]
    government_only: bool = False

    def message(self, lang: str, fields: Mapping[str, object], variant: str = "") -> str:
        """The message in `lang`; a rule that reports several situations picks one by `variant`."""
        return self.messages[lang][variant].format_map(fields)

    def suggestion(self, lang: str, fields: Mapping[str, object]) -> str | None:
        """The fix in `lang`, or None when the rule has none or a field it names is unknown."""
        template = self.suggestions.get(lang)
        if template is None:
            return None
        try:
            return template.format_map(fields)
        except KeyError:
            return None


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


def _variants(value: str | Mapping[str, str]) -> Mapping[str, str]:
    return {"": value} if isinstance(value, str) else dict(value)


def _rule(row: Mapping[str, object]) -> Rule:
    messages = row["message"]
    assert isinstance(messages, Mapping)
    return Rule(
        code=str(row["code"]),
        name=str(row["name"]),
        severity=str(row["severity"]),
        default=bool(row.get("default", True)),
        convention=str(row["convention"]),
        explanation=" ".join(str(row["explanation"]).split()),
        wrong=str(row["wrong"]),
        right=str(row["right"]),
        messages={lang: _variants(messages[lang]) for lang in LANGUAGES},
        suggestions=dict(row.get("suggestion", {})),  # type: ignore[call-overload]
        params=dict(row.get("params", {})),  # type: ignore[call-overload]
        government_only=row.get("scope") == "government",
    )


@cache
def _data() -> dict[str, object]:
    """rules.toml parsed, from the data cache while the file is unchanged: tomllib takes ~10 ms on it."""
    return cached("rules", [package_file("data", "rules.toml")], lambda: data_toml("rules.toml"))


@cache
def catalogue() -> dict[str, Rule]:
    """Every rule by code, in catalogue order; read once per process."""
    rows = _data()["rule"]
    assert isinstance(rows, list)
    return {rule.code: rule for rule in map(_rule, rows)}


@cache
def enterprise_heads() -> tuple[str, ...]:
    """Words that open an enterprise's name: rules of `scope = "government"` leave its documents alone."""
    scope = _data()["scope"]
    assert isinstance(scope, dict)
    return tuple(scope["enterprise_heads"])


class SelectionError(ValueError):
    """A code or prefix that names no rule."""


def _matching(pattern: str, rules: Mapping[str, Rule]) -> set[str]:
    pattern = pattern.strip().upper()
    if pattern == "ALL":
        return set(rules)
    found = {code for code in rules if code.startswith(pattern)}
    if not pattern or not found:
        raise SelectionError(f"no rule matches {pattern!r} (see `citegraph rules`)")
    return found


def select(
    rules: Mapping[str, Rule],
    chosen: Iterable[str] | None = None,
    ignored: Iterable[str] = (),
    extra: Iterable[str] = (),
) -> frozenset[str]:
    """The codes a run checks, like ruff's `--select`/`--ignore`/`--extend-select`.

    Without `chosen` the default rules run (style rules are off by default); naming a code or a prefix
    in `chosen` or `extra` turns it on, style rules included; `ignored` wins over both.
    """
    if chosen is None:
        selected = {code for code, rule in rules.items() if rule.default}
    else:
        selected = set().union(*(_matching(p, rules) for p in chosen)) if chosen else set()
    selected |= set().union(*(_matching(p, rules) for p in extra)) if extra else set()
    dropped = set().union(*(_matching(p, rules) for p in ignored)) if ignored else set()
    return frozenset(selected - dropped)


def describe(rule: Rule, lang: str = "vi") -> str:
    """`citegraph rules CODE`: the rule explained for a reader at a terminal."""
    example = rule.messages[lang]
    sample = next(iter(example.values()))
    default = "" if rule.default else " (off unless selected)"
    return "\n".join(
        [
            f"{rule.code} {rule.name} [{rule.severity}]{default}",
            "",
            rule.explanation,
            "",
            f"Convention: {rule.convention}",
            f"Wrong: {rule.wrong}",
            f"Right: {rule.right}",
            f"Message: {sample}",
        ]
    ) + "\n"


def listing(rules: Mapping[str, Rule]) -> str:
    """`citegraph rules`: one line per rule."""
    return "".join(
        f"{rule.code}  {rule.severity:<7}  {rule.name}{'' if rule.default else '  (off unless selected)'}\n"
        for rule in rules.values()
    )


def markdown(rules: Mapping[str, Rule]) -> str:
    """docs/rules.md, generated from the catalogue so that the two never disagree."""
    out = [
        "# citegraph check: rules",
        "",
        "Generated from `citegraph/data/rules.toml` by `citegraph rules --format markdown`; do not edit by hand",
        "(tests/test_rules.py fails when this file and the catalogue differ).",
        "",
        "Severities: `error` (the citation is wrong), `warning` (very likely wrong), `info` (worth a look).",
        "Select and ignore rules by code or prefix: `citegraph check --select CG1,CG2 --ignore CG116 FILE`.",
        "",
    ]
    for prefix, title in GROUPS.items():
        group = [rule for code, rule in rules.items() if code.startswith(prefix)]
        out += [f"## {title}", "", "| Code | Name | Severity |", "|---|---|---|"]
        out += [f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity} |" for r in group]
        out.append("")
        for rule in group:
            default = "" if rule.default else " Off unless selected."
            out += [
                f"### {rule.code}",
                "",
                f"**{rule.name}** — default severity `{rule.severity}`.{default}",
                "",
                rule.explanation,
                "",
                f"Convention: {rule.convention}",
                "",
                f"- Wrong: `{rule.wrong}`",
                f"- Right: `{rule.right}`",
            ]
            for lang in LANGUAGES:
                for template in rule.messages[lang].values():
                    out.append(f"- Message ({lang}): {template}")
            out.append("")
    return "\n".join(out)
