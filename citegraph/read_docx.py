"""Read a Word .docx as Word shows it now: body, tables, text boxes, footnotes, endnotes, headers, footers.

python-docx's `Paragraph.text` leaves out tracked insertions (runs inside `w:ins`) and cannot read notes,
so the XML is walked here: insertions count as current text, deletions and moved-away text are dropped.
A .docx is an untrusted zip of XML. Each part's declared unpacked size is checked against a budget before
it is inflated (a zip bomb is refused, not unpacked), a part with a DTD is refused (Word never writes one,
and entity tricks need one), and the parser resolves no entity and fetches nothing.
"""

from __future__ import annotations

import lzma
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from io import BytesIO

from lxml import etree

from citegraph.read import InputError, describe_size

# A .docx's XML may unpack to this many times the input size limit; real documents stay far below.
UNPACK_FACTOR = 4

_UNREADABLE = "is not a readable .docx file"
_ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError, ValueError, KeyError, OSError,
    etree.LxmlError,
)
# Every part goes through this parser: no entity is resolved, no DTD loaded, nothing fetched, no huge trees.
SAFE_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
    remove_comments=True, remove_pis=True,
)
_DTD_MARKS = tuple(mark.encode(codec) for mark in ("<!DOCTYPE", "<!ENTITY") for codec in ("utf-8", "utf-16-le", "utf-16-be"))

_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main")
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _tags(name: str) -> frozenset[str]:
    """The tag in both Word namespaces (transitional and strict)."""
    return frozenset(f"{{{namespace}}}{name}" for namespace in _NAMESPACES)


_P, _TBL, _TR, _TC = _tags("p"), _tags("tbl"), _tags("tr"), _tags("tc")
_T, _TABS, _BREAKS, _HYPHEN = _tags("t"), _tags("tab") | _tags("ptab"), _tags("br") | _tags("cr"), _tags("noBreakHyphen")
_TEXT_BOX = _tags("txbxContent")
_DOCUMENT = _tags("document")
_NOTE_TYPE = tuple(f"{{{namespace}}}type" for namespace in _NAMESPACES)
_WRAPPERS = _tags("sdt") | _tags("sdtContent") | _tags("customXml")
# Deleted or moved-away text, field codes, a Word 2007 copy of a text box, and formatting: never read.
_SKIPPED = (
    _tags("del") | _tags("moveFrom") | _tags("delText") | _tags("instrText") | _tags("delInstrText")
    | _tags("pPr") | _tags("rPr") | _tags("tblPr") | _tags("trPr") | _tags("tcPr") | frozenset({f"{{{_MC}}}Fallback"})
)
_OPEN_DOCUMENT = b"application/vnd.oasis.opendocument"


def docx_blocks(path: str, data: bytes, max_bytes: int) -> list[tuple[str, str]]:
    """Every paragraph of the document as (where, text): body first, then notes, then headers and footers."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return _Package(path, archive, max_bytes).blocks()
    except RuntimeError as err:  # zipfile's word for an encrypted member
        raise InputError(path, "is protected with a password; open it in Word, remove the password and save it again") from err
    except _ZIP_ERRORS as err:
        raise InputError(path, _UNREADABLE) from err


class _Package:
    """The zip, read one part at a time against a budget of unpacked bytes."""

    def __init__(self, path: str, archive: zipfile.ZipFile, max_bytes: int):
        self.path = path
        self.archive = archive
        self.max_bytes = max_bytes
        self.budget = UNPACK_FACTOR * max_bytes
        self.names = set(archive.namelist())

    def blocks(self) -> list[tuple[str, str]]:
        main = self._main_part()
        root = self.xml(main)
        if root.tag not in _DOCUMENT:
            raise InputError(self.path, "is a ZIP file but not a Word document (.docx)")
        related = self.relationships(main)
        counts = {"paragraph": 0, "table": 0}
        found = list(_blocks(root, None, counts))
        for kind in ("footnote", "endnote"):
            for name in related.get(f"{kind}s", []):
                found += _note_blocks(self.xml(name), kind, counts)
        for kind in ("header", "footer"):
            found += _unique_parts([list(_blocks(self.xml(name), kind, counts)) for name in related.get(kind, [])])
        return found

    def _main_part(self) -> str:
        if "mimetype" in self.names and self._inflate("mimetype").startswith(_OPEN_DOCUMENT):
            raise InputError(self.path, "is an OpenDocument file (LibreOffice, .odt); save it as .docx")
        main = self.relationships("").get("officeDocument")
        if not main:
            raise InputError(self.path, "is a ZIP file but not a Word document (.docx)")
        return main[0]

    def relationships(self, part: str) -> dict[str, list[str]]:
        """Targets of a part's relationships inside the package, by type (`header`, `footnotes` ...)."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels not in self.names:
            return {}
        found: dict[str, list[str]] = {}
        for relation in self.xml(rels):
            target = relation.get("Target")
            if relation.get("TargetMode") == "External" or not target:
                continue
            resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            if resolved in self.names:
                found.setdefault(relation.get("Type", "").rsplit("/", 1)[-1], []).append(resolved)
        return found

    def xml(self, name: str) -> etree._Element:
        """Parse one part, after checking its declared size and refusing any DTD."""
        raw = self._inflate(name)
        if any(mark in raw for mark in _DTD_MARKS):
            raise _unsafe(self.path)
        root = etree.fromstring(raw, SAFE_XML_PARSER)
        if root.getroottree().docinfo.doctype:
            raise _unsafe(self.path)
        return root

    def _inflate(self, name: str) -> bytes:
        info = self.archive.getinfo(name)
        if info.file_size > self.budget:
            raise InputError(
                self.path,
                f"would unpack to more than {describe_size(UNPACK_FACTOR * self.max_bytes)}, {UNPACK_FACTOR} times the "
                f"size limit of {describe_size(self.max_bytes)}; it is damaged or built to exhaust memory "
                "(change the limit with --max-size)",
            )
        with self.archive.open(info) as member:
            raw = member.read(info.file_size + 1)
        if len(raw) > info.file_size:
            raise InputError(self.path, _UNREADABLE)
        self.budget -= len(raw)
        return raw


def _unsafe(path: str) -> InputError:
    return InputError(path, "contains an XML document type declaration, which Word never writes; refused as unsafe")


def _blocks(container: etree._Element, label: str | None, counts: dict[str, int]) -> Iterator[tuple[str, str]]:
    """Paragraphs of a body, cell, note or text box in reading order; `label` None numbers body paragraphs."""
    for child in container:
        tag = child.tag
        if tag in _P:
            yield from _paragraph(child, label, counts)
        elif tag in _TBL:
            yield from _table(child, counts)
        elif isinstance(tag, str) and tag not in _SKIPPED:
            yield from _blocks(child, label, counts)


def _paragraph(paragraph: etree._Element, label: str | None, counts: dict[str, int]) -> Iterator[tuple[str, str]]:
    """One paragraph's current text, then the paragraphs of any text box anchored in it."""
    pieces: list[str] = []
    boxes: list[etree._Element] = []
    _inline(paragraph, pieces, boxes)
    if label is None:
        counts["paragraph"] += 1
    yield label or f"paragraph {counts['paragraph']}", "".join(pieces)
    for box in boxes:
        yield from _blocks(box, "text box", counts)


def _inline(element: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
    """Collect run text, descending into insertions, hyperlinks, fields and content controls."""
    for child in element:
        tag = child.tag
        if tag in _T:
            pieces.append(child.text or "")
        elif tag in _TABS:
            pieces.append("\t")
        elif tag in _BREAKS:
            pieces.append("\n")
        elif tag in _HYPHEN:
            pieces.append("-")
        elif tag in _TEXT_BOX:
            boxes.append(child)
        elif isinstance(tag, str) and tag not in _SKIPPED:
            _inline(child, pieces, boxes)


def _table(table: etree._Element, counts: dict[str, int]) -> Iterator[tuple[str, str]]:
    """Walk the XML cells (w:tc), not python-docx's grid, so a merged cell is read once."""
    counts["table"] += 1
    number = counts["table"]
    for row_number, row in enumerate(_children(table, _TR), 1):
        for cell_number, cell in enumerate(_children(row, _TC), 1):
            yield from _blocks(cell, f"table {number}, row {row_number}, cell {cell_number}", counts)


def _children(element: etree._Element, tags: frozenset[str]) -> Iterator[etree._Element]:
    """Direct children with one of `tags`, looking through content controls and custom XML."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tags)


def _note_blocks(root: etree._Element, kind: str, counts: dict[str, int]) -> list[tuple[str, str]]:
    """Footnotes or endnotes numbered as Word shows them, without the separator lines."""
    found: list[tuple[str, str]] = []
    number = 0
    for note in root:
        if any(note.get(attribute, "normal") != "normal" for attribute in _NOTE_TYPE):
            continue
        number += 1
        found += _blocks(note, f"{kind} {number}", counts)
    return found


def _unique_parts(parts: list[list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """Headers and footers once each: first-page, odd and even versions often repeat the same text."""
    seen: set[tuple[str, ...]] = set()
    found: list[tuple[str, str]] = []
    for blocks in parts:
        texts = tuple(text for _, text in blocks)
        if texts in seen or not "".join(texts).strip():
            continue
        seen.add(texts)
        found += blocks
    return found
