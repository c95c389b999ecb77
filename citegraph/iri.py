"""Readable ASCII IRI paths for documents, plan items, citations and organisations.

A path is minted from what a citation itself gives (the canonical key's parts and, for a local body, the
place), never from the file it was read from, so every mention of one document, in any file and any run,
gets the same path. Paths are relative (`eli/vn/cp/nd/2023/59`); the exporter puts the base in front.
ASCII because `tỉnh` in NFC and in NFD are two different IRIs that print alike (rdf-and-stores.md §1.3).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .knowledge import data_text
from .models import DocumentNumber
from .resolve import strip_zeros

_PLAIN_D = str.maketrans({"đ": "d", "Đ": "D"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Settings:
    """The IRI spellings of citegraph/data/iri.toml."""

    default_base: str
    namespace: str
    code_slugs: dict[str, str]


@cache
def settings() -> Settings:
    text = data_text("iri.toml")
    data = tomllib.loads(text)
    return Settings(data["default_base"], data["namespace"], dict(data["code_slugs"]))


def slug(text: str) -> str:
    """`Dương Minh Châu` -> `duong-minh-chau`."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).translate(_PLAIN_D))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NOT_SLUG.sub("-", plain).strip("-")


def code_slug(code: str) -> str:
    """`NĐ` -> `nd`; codes that would collide keep đ apart (`ĐA` -> `dda`, table in iri.toml)."""
    return settings().code_slugs.get(code) or slug(code)


def content_hash(text: str) -> str:
    """A short, stable name for a text that has no number of its own (an unsigned draft)."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()[:12]


def document_path(
    number: DocumentNumber, key: str, issuer_codes: Sequence[str], place: Sequence[str], relative_to: str | None
) -> str:
    """`eli/vn/{place...}/{issuer}/{type}/{year}/{ordinal}` for a numbered document.

    `year` is the number's year, else the year or Party term the key carries (`16/CT-TTg@2016`,
    `23-QĐ/TW@XIII`), so that mentions with and without a date of one document meet; `relative_to`
    names the citing document when the issuer's place could not be resolved.
    """
    _, _, qualifier = key.partition("@")
    year = str(number.year) if number.year else slug(qualifier) or "undated"
    issuer = "-".join(code_slug(code) for code in issuer_codes) or "vb"
    type_code = code_slug(number.type_code) if number.type_code else "vb"
    prefix = ["eli", "vn", *(("relative", relative_to) if relative_to else ()), *place]
    return "/".join([*prefix, issuer, type_code, year, slug(strip_zeros(number.ordinal))])


def named_document_path(key: str) -> str:
    """`eli/vn/by-name/luat-tiep-cong-dan/2013` for a law cited by name whose number is unknown."""
    name, _, year = key.partition("@")
    return "/".join(["eli", "vn", "by-name", slug(name), *((year,) if year else ())])


def unnumbered_path(type_code: str | None, year: int | None, text: str) -> str:
    """`eli/vn/unnumbered/kh/2024/{hash}` for an input document whose number is left blank."""
    kind = code_slug(type_code) if type_code else "vb"
    return "/".join(["eli", "vn", "unnumbered", kind, str(year) if year else "undated", content_hash(text)])


def item_path(document: str, label: str, occurrence: int = 1) -> str:
    """`{document}/ii/3/a` for item `II.3.a`; a label repeated in one document gets `~2`, `~3`..."""
    segments = ["dd" if part == "đ" else slug(part) for part in label.split(".")]
    suffix = f"~{occurrence}" if occurrence > 1 else ""
    return f"{document}/{'/'.join(segments)}{suffix}"


def citation_path(document: str, start: int, end: int) -> str:
    """One mention: `{document}/vie/cite/{start}-{end}`, offsets in the text as read."""
    return f"{document}/vie/cite/{start}-{end}"


def place_segment(word: str, name: str) -> str:
    return slug(f"{word} {name}")


def organisation_path(code: str, place: Sequence[str] = (), relative_to: str | None = None) -> str:
    """`org/cp`, `org/tinh-tay-ninh/huyen-duong-minh-chau/ubnd`, `org/relative/{doc}/huyen/ubnd`."""
    prefix = ["org", *(("relative", relative_to) if relative_to else ()), *place]
    return "/".join([*prefix, code_slug(code)])
