"""The registry of known documents: what reviewed sources say about a number.

Built by scripts/build_registry.py into corpus/registry/documents.tsv (one row per document and source,
with the source of its facts) and relations.tsv (replaced / amended / based-on links). An installed
citegraph ships both files as the package `citegraph.known`; a checkout reads them in place.

Rows are indexed by citegraph's document key, so a citation finds what is known about it by its own key;
only the rows a check asks for are parsed. A local document's number recurs in every province, so a row
naming a locality matches only a citation whose issuer (or citing document) names the same place.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import mmap
import os
from dataclasses import dataclass
from functools import cache, cached_property

from .extract import NUMBER_RE, OLD_NUMBER_RE, parse_number
from .knowledge import clean, fold
from .knowledge import load as load_knowledge
from .resolve import number_key

# How sure a fact is, and the highest severity a finding resting on it may have.
CONFIDENCE_CAP = {"verified": "error", "derived": "warning", "unverified": "info"}
_CHECKOUT = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "corpus", "registry")


@dataclass(frozen=True)
class Entry:
    """What one source says about one document."""

    key: str
    number: str
    type: str
    date: dt.date | None
    issuer: str
    locality: str
    title: str
    status: str
    effective_date: dt.date | None
    expiry_date: dt.date | None
    replaced_by: str
    confidence: str
    status_confidence: str
    origin: str
    source: str

    def matches_place(self, *places: str | None) -> bool:
        """A local row fits a citation only when one of `places` names its locality."""
        if not self.locality:
            return True
        wanted = fold(self.locality)
        return any(place and wanted in fold(place) for place in places)


@dataclass(frozen=True)
class Relation:
    from_number: str
    relation: str
    to_number: str
    source: str


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _entry(line: str) -> Entry:
    (key, number, doc_type, date, issuer, locality, title, status, effective, expiry, replaced_by, confidence,
     status_confidence, origin, source) = line.rstrip("\n").split("\t")
    return Entry(
        key, number, doc_type, _date(date), issuer, locality, title, status, _date(effective), _date(expiry),
        replaced_by, confidence, status_confidence, origin, source,
    )


def _path(name: str) -> str | None:
    """A registry file of the installed package `citegraph.known`, else of the checkout's corpus/registry;
    None for a package that is not in files (inside a zip).

    Found with importlib.util, not importlib.resources: with pathlib, that costs a cold start ~10 ms where
    the interpreter's start-up has not loaded them already."""
    spec = importlib.util.find_spec("citegraph.known")
    if spec is None or spec.submodule_search_locations is None:
        return os.path.join(_CHECKOUT, name)
    directory = next(iter(spec.submodule_search_locations))
    return os.path.join(directory, name) if os.path.isdir(directory) else None


def _read(name: str) -> bytes:
    path = _path(name)
    if path is None:
        from importlib import resources

        return resources.files("citegraph.known").joinpath(name).read_bytes()
    with open(path, "rb") as handle:
        return handle.read()


def _map(name: str) -> bytes | mmap.mmap:
    """A registry file mapped into memory, so that a check reads the few pages its look-ups touch rather
    than all 7 MB; read whole where it cannot be mapped (inside a zip, an empty file)."""
    path = _path(name)
    if path is not None:
        try:
            with open(path, "rb") as handle:
                return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            pass
    return _read(name)


def _index(data: bytes | mmap.mmap, wanted: bytes, start: int = 0) -> int:
    """`bytes.index`, which a memory map lacks."""
    found = data.find(wanted, start)
    if found < 0:
        raise ValueError(f"{wanted!r} not found")
    return found


class Registry:
    """Lookup by document key in the sorted documents.tsv.

    The file is searched as bytes (UTF-8 keeps code-point order), so a check pays for the few rows it
    asks for, not for decoding ten thousand.
    """

    def __init__(self, documents: bytes | mmap.mmap) -> None:
        self._data = documents
        self._first = _index(documents, b"\n") + 1

    def _key_at(self, start: int) -> bytes:
        return self._data[start:_index(self._data, b"\t", start)]

    def _first_line_from(self, key: bytes) -> int:
        """Offset of the first row whose key is not less than `key`."""
        data, low, high = self._data, self._first, len(self._data)
        while low < high:
            middle = (low + high) // 2
            start = max(data.rfind(b"\n", 0, middle) + 1, self._first)
            if self._key_at(start) < key:
                low = _index(data, b"\n", start) + 1
            else:
                high = start
        return low

    def _rows(self, prefix: str) -> list[tuple[str, str]]:
        """(key, line) of the rows whose key starts with `prefix`, in file order."""
        wanted = prefix.encode()
        found = []
        position = self._first_line_from(wanted)
        while position < len(self._data):
            key = self._key_at(position)
            if not key.startswith(wanted):
                break
            end = _index(self._data, b"\n", position)
            found.append((key.decode(), self._data[position:end].decode()))
            position = end + 1
        return found

    def entries(self, key: str) -> list[Entry]:
        """Every source's row for `key`, surest first."""
        rows = [_entry(line) for found, line in self._rows(key) if found == key]
        return sorted(rows, key=lambda e: list(CONFIDENCE_CAP).index(e.confidence or "unverified"))

    def by_number(self, number_key: str) -> list[Entry]:
        """Rows of every document numbered `number_key` (whatever its year or term), for `citegraph registry`."""
        keys = dict.fromkeys(k for k, _ in self._rows(number_key) if k == number_key or k.startswith(number_key + "@"))
        return [entry for key in keys for entry in self.entries(key)]

    @cached_property
    def issuer_codes(self) -> frozenset[str]:
        """Issuer codes seen after the type code in the registry's State numbers (`NĐ-CP` -> CP)."""
        codes: set[str] = set()
        for line in self._data[self._first:].decode().splitlines():
            base = line[: line.index("\t")].split("@")[0]
            ky_hieu = base.rsplit("/", 1)[-1]
            codes.update(ky_hieu.split("-")[1:] if "/" in base else ())
        return frozenset(codes)

    @cached_property
    def relations(self) -> list[Relation]:
        import csv  # only `citegraph registry` reads the relations

        rows = csv.DictReader(_read("relations.tsv").decode().splitlines(), delimiter="\t")
        return [Relation(r["from_number"], r["relation"], r["to_number"], r["source"]) for r in rows]


@cache
def load() -> Registry:
    """The registry, read once per process."""
    return Registry(_map("documents.tsv"))


def key_of_number(text: str) -> str | None:
    """The key part of a number as a user types it (`09/2019/TT-BTC` -> `9/2019/TT-BTC`), or None."""
    cleaned = clean(text.strip())
    match = NUMBER_RE.fullmatch(cleaned) or OLD_NUMBER_RE.fullmatch(cleaned)  # `73-CP`, `389-TTg` before 1997
    return number_key(parse_number(match, load_knowledge())) if match else None


def lookup(number: str) -> tuple[list[Entry], list[Relation]] | None:
    """What the registry knows about `number`: its rows and its links, or None if it is no number."""
    wanted = key_of_number(number)
    if wanted is None:
        return None
    registry = load()
    links = [r for r in registry.relations if wanted in (key_of_number(r.from_number), key_of_number(r.to_number))]
    return registry.by_number(wanted), links


def _entry_lines(entry: Entry) -> list[str]:
    facts = [
        ("date", entry.date), ("issuer", entry.issuer), ("locality", entry.locality), ("title", entry.title),
        ("status", entry.status), ("effective", entry.effective_date), ("expiry", entry.expiry_date),
        ("replaced by", entry.replaced_by),
    ]
    lines = [f"{entry.number}  {entry.type}  [{entry.origin}, {entry.confidence or 'unverified'}]"]
    lines += [f"    {name}: {value}" for name, value in facts if value]
    if entry.status_confidence:
        lines.append(f"    status confidence: {entry.status_confidence}")
    lines.append(f"    source: {entry.source}")
    return lines


def render_lookup(number: str, entries: list[Entry], links: list[Relation], output_format: str) -> str:
    """`citegraph registry NUMBER` as text or JSON."""
    if output_format == "json":
        import json  # only for this output: a check does without it

        data = {
            "number": number,
            "documents": [
                {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in vars(e).items()} for e in entries
            ],
            "relations": [vars(r) for r in links],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if not entries and not links:
        return f"{number}: not in the registry\n"
    lines = [line for entry in entries for line in _entry_lines(entry)]
    lines += [f"{r.from_number} {r.relation} {r.to_number}  ({r.source})" for r in links]
    return "\n".join(lines) + "\n"
