"""Settings of `citegraph check`: command-line options over a configuration file over defaults.

The configuration is the nearest `citegraph.toml` (top-level keys) or `pyproject.toml` with a
`[tool.citegraph]` table, looking from the current directory upwards, as ruff does:

    [tool.citegraph]
    select = ["CG1", "CG2", "CG3", "CG4"]
    ignore = ["CG116"]
    extend-select = ["CG501"]
    fail-on = "warning"
    lang = "en"
    format = "text"
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

FORMATS = ("text", "json", "sarif")
SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
_KEYS = {"select", "ignore", "extend-select", "fail-on", "lang", "format"}


class ConfigError(ValueError):
    """A configuration file citegraph cannot use; the message names the file."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: str = "error"
    lang: str = "vi"
    format: str = "text"


def find_config(start: str) -> tuple[str, Mapping[str, object]] | None:
    """The nearest configuration: `citegraph.toml`, or `pyproject.toml` holding `[tool.citegraph]`.

    Paths are strings: pathlib would be ~7 ms of a cold start where the interpreter has not loaded it."""
    for directory in _upwards(start):
        own = os.path.join(directory, "citegraph.toml")
        if os.path.isfile(own):
            return own, _load(own)
        project = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(project):
            table = _load(project).get("tool", {})
            if isinstance(table, dict) and "citegraph" in table:
                return project, table["citegraph"]
    return None


def _upwards(start: str) -> Iterator[str]:
    """`start` and each directory above it, up to the root."""
    directory = start
    yield directory
    while (parent := os.path.dirname(directory)) != directory:
        directory = parent
        yield directory


def _load(path: str) -> dict[str, object]:
    import tomllib  # only where a configuration file is found

    try:
        with open(path, encoding="utf-8") as handle:
            return tomllib.loads(handle.read())
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from error


def _codes(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of rule codes")
    return tuple(v.strip() for v in value if v.strip())


def _choice(value: object, allowed: tuple[str, ...], where: str) -> str:
    if value not in allowed:
        raise ConfigError(f"{where}: expected one of {', '.join(allowed)}")
    return str(value)


def settings(options: Mapping[str, object], start: str | None = None) -> Settings:
    """Merge command-line `options` (None when not given) over the configuration file."""
    found = find_config(start or os.getcwd())
    path, table = found if found else ("command line", {})
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")

    def pick(key: str) -> object:
        given = options.get(key.replace("-", "_"))
        return given if given is not None else table.get(key)

    select = pick("select")
    return Settings(
        select=_codes(select, f"{path}: select") if select is not None else None,
        ignore=_codes(pick("ignore") or [], f"{path}: ignore"),
        extend_select=_codes(pick("extend-select") or [], f"{path}: extend-select"),
        fail_on=_choice(pick("fail-on") or "error", ("error", "warning", "info"), f"{path}: fail-on"),
        lang=_choice(pick("lang") or "vi", ("vi", "en"), f"{path}: lang"),
        format=_choice(pick("format") or "text", FORMATS, f"{path}: format"),
    )


def expand_paths(paths: tuple[str, ...]) -> Iterator[str]:
    """Files as given; a directory stands for the supported files under it, in name order."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, directories, files in os.walk(path):
                directories[:] = sorted(d for d in directories if not d.startswith("."))
                yield from (os.path.join(root, f) for f in sorted(files) if f.lower().endswith(SUPPORTED_SUFFIXES))
        else:
            yield path
