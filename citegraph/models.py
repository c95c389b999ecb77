"""The records that flow through the pipeline: read -> normalise -> outline -> extract -> resolve.

Every record is an immutable dataclass. Offsets are code-point offsets into the text *as read*
(after decoding, before normalisation), end exclusive, so a finding always points at what the
user sees in their own file.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import TypeVar

_Record = TypeVar("_Record", bound=type)


def quick_init(cls: _Record) -> _Record:
    """Give a frozen dataclass an __init__ that stores each field directly.

    The generated one sets each field through `object.__setattr__` (a frozen instance refuses plain
    assignment): ~0.25 µs a field, 8 µs for a Citation, which the pipeline builds by the thousand.
    A record with slots gets each slot set through its descriptor instead: for a DocumentNumber 6.5 k
    instructions against 11.8 k, and reads of a slot stay the fastest there are (75 instructions). Any
    other record gets its __dict__ filled, cheaper still to build, but a field read then costs 330
    instructions (its __dict__ exists): that is for records built in numbers and read a few times each.
    Signature, defaults, equality, hashing, repr and immutability stay those of the dataclass.
    """
    names = [item.name for item in fields(cls)]
    if any(item.default_factory is not MISSING or not item.init for item in fields(cls)):
        raise TypeError(f"{cls.__name__}: only plain fields can be filled at once")
    namespace: dict[str, object] = {}
    if "__slots__" in cls.__dict__:
        namespace.update((f"_set_{name}", cls.__dict__[name].__set__) for name in names)
        body = "".join(f"    _set_{name}(self, {name})\n" for name in names)
    else:
        # Item by item into the __dict__ (not dict.update), which keeps the instance's compact layout.
        body = "    values = self.__dict__\n" + "".join(f"    values[{name!r}] = {name}\n" for name in names)
    exec(f"def __init__(self, {', '.join(names)}):\n{body}", namespace)  # noqa: S102
    init = namespace["__init__"]
    init.__defaults__ = cls.__init__.__defaults__  # type: ignore[attr-defined]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[misc]
    return cls


@dataclass(frozen=True)
class SourceText:
    """A decoded input: the text exactly as read, and where it came from.

    `parts` maps offsets back into the file: (offset where a part starts, what it is), e.g.
    (0, "paragraph 1"), (812, "table 1, row 2, cell 1"), (5120, "footnote 3"), (9000, "page 2").
    Plain text has none; `citegraph.read.part_at` looks an offset up.
    """

    path: str
    text: str
    encoding: str
    notes: tuple[str, ...] = ()
    parts: tuple[tuple[int, str], ...] = ()


@quick_init
@dataclass(frozen=True)
class PlanItem:
    """A numbered part of the document (`II.3`, `Điều 2`), or the preamble."""

    label: str
    title: str
    start: int
    end: int
    parent: str | None = None


@dataclass(frozen=True)
class DocumentHeader:
    """What the document says about itself in its header block."""

    type: str | None = None
    number: str | None = None
    number_blank: bool = False
    date: str | None = None
    date_blank: bool = False
    year: int | None = None
    place: str | None = None
    issuer: str | None = None
    title: str | None = None
    key: str | None = None


@dataclass(frozen=True)
class Outline:
    """The document's structure: header, preamble, numbered items and closing block.

    Spans are offsets into the normalised text; the pipeline maps them back.
    """

    header: DocumentHeader
    header_end: int
    preamble: tuple[tuple[int, int], ...]
    items: tuple[PlanItem, ...]
    closing_start: int
    body_end: int


@quick_init
@dataclass(frozen=True, slots=True)
class DocumentNumber:
    """A parsed số/ký hiệu such as `59/2023/NĐ-CP` or `23-QĐ/TW`."""

    text: str
    normalised: str  # starts with the ordinal as written, which `resolve.number_key` relies on
    family: str  # "state", "party" or "old"
    ordinal: str
    year: int | None
    type_code: str | None
    issuer_codes: tuple[str, ...]


@quick_init
@dataclass(frozen=True)
class Citation:
    """One mention of another document in the text."""

    text: str
    start: int
    end: int
    line: int
    column: int
    type: str | None
    number: str | None
    date: str | None
    issuer: str | None
    title: str | None
    term: str | None
    pinpoint: str | None
    item: str | None
    role: str
    key: str
    family: str | None = None
    issuer_code: str | None = None
    year: int | None = None
    name: str | None = None
    number_parts: DocumentNumber | None = None  # the number as written; None for a law cited by name
    normalisations: tuple[str, ...] = ()
    antecedent: int | None = None
    shared: tuple[str, ...] = ()
    quoted_title: bool = False
    title_quote_balanced: bool = True


@dataclass(frozen=True)
class ExtractedDocument:
    """Everything the parser learned from one input."""

    source: str
    text: str
    header: DocumentHeader
    items: tuple[PlanItem, ...]
    citations: tuple[Citation, ...]
    notes: tuple[str, ...] = field(default=())
