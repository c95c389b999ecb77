"""Put the checker's findings back into the drafter's own Word file, as Word comments.

A copy of the .docx gets one comment per citation that has findings, anchored exactly on the citation's
text (runs are split at its edges), listing each finding's code, message and fix. The original file is
only read. Offsets are code points of the text as citegraph read it (read_docx.py): body paragraphs and
table cells in reading order, joined by line feeds, with text boxes after the paragraph that holds them.
This module walks the same body again and checks every paragraph against that text, so a comment is
never put on the wrong words; findings it cannot place (in a footnote, a header, or text the reader
repaired) go into one comment on the document's first words, quoting the citation.
"""

from __future__ import annotations

import bisect
import copy
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.run import Run
from lxml import etree

from .check import Finding, Report
from .models import Citation
from .pipeline import extract_text
from .read import InputError

AUTHOR = "citegraph"
INITIALS = "CG"
_WORDS = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin", "fix": "Cách sửa",
           "unplaced": "Các vấn đề ở chú thích, đầu trang hoặc chân trang (không gắn được vào chữ):", "at": "Tại"},
    "en": {"error": "error", "warning": "warning", "info": "note", "fix": "Fix",
           "unplaced": "Findings in notes, headers or footers (they cannot be anchored on the text):", "at": "At"},
}

# The reader's view of a paragraph (read_docx.py): what counts as text, what is never read.
_TEXT_OF = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_SKIPPED = frozenset(
    qn(f"w:{name}")
    for name in ("del", "moveFrom", "delText", "instrText", "delInstrText", "pPr", "rPr", "tblPr", "trPr", "tcPr")
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
_WRAPPERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})
_P, _TBL, _TR, _TC, _T, _R, _RPR = (qn(f"w:{name}") for name in ("p", "tbl", "tr", "tc", "t", "r", "rPr"))
_TEXT_BOX = qn("w:txbxContent")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# What python-docx raises for a package it cannot open (the reader has already accepted the file).
_OPEN_ERRORS = (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile, etree.LxmlError)


@dataclass(frozen=True)
class Anchor:
    """The words one comment sits on, and the findings it lists."""

    start: int
    end: int
    quote: str
    findings: tuple[Finding, ...]


def anchors(text: str, citations: Sequence[Citation], findings: Sequence[Finding]) -> list[Anchor]:
    """Findings grouped on the citation they are about, or on their own span when they are about none."""
    grouped: dict[tuple[int, int], list[Finding]] = {}
    for finding in findings:
        owner = citation_of(finding, citations)
        span = (owner.start, owner.end) if owner else (finding.start, max(finding.end, finding.start + 1))
        grouped.setdefault(span, []).append(finding)
    return [Anchor(s, e, text[s:e], tuple(found)) for (s, e), found in sorted(grouped.items())]


def citation_of(finding: Finding, citations: Sequence[Citation]) -> Citation | None:
    """The citation a finding is about: the one its span falls in (a closing quote just after counts), else
    the nearest one with the number it names."""
    inside = [c for c in citations if c.start <= finding.start < c.end]
    inside += [c for c in citations if finding.start == c.end]
    if inside:
        return inside[0]
    if not finding.citation:
        return None
    named = [c for c in citations if finding.citation in (c.number, c.name, c.key) or finding.citation in c.text]
    return min(named, key=lambda c: abs(c.start - finding.start), default=None)


def comment_lines(anchor: Anchor, lang: str = "vi") -> list[str]:
    """One line per finding, `CG115 (cảnh báo): message`, and the fix under it."""
    words = _WORDS[lang]
    lines: list[str] = []
    for finding in anchor.findings:
        lines.append(f"{finding.code} ({words[finding.severity]}): {finding.message(lang)}")
        suggestion = finding.suggestion(lang)
        if suggestion:
            lines.append(f"{words['fix']}: {suggestion}")
    return lines


# --- where each offset is in the Word file -----------------------------------------------------------

@dataclass(frozen=True)
class _Paragraph:
    element: etree._Element
    start: int
    text: str


def body_paragraphs(document: Document, text: str) -> list[_Paragraph]:
    """The body's paragraphs at their offsets in `text`, as long as they agree with it."""
    found: list[_Paragraph] = []
    offset = 0
    for element in _paragraph_elements(document.element.body):
        content = paragraph_text(element)
        end = offset + len(content)
        if text[offset:end] != content or text[end:end + 1] not in ("\n", ""):
            break
        found.append(_Paragraph(element, offset, content))
        offset = end + 1
    return found


def _paragraph_elements(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs in the reader's order: cells row by row, a text box's paragraphs after its own."""
    for child in container:
        if child.tag == _P:
            yield child
            for box in child.iter(_TEXT_BOX):
                if _read_by_reader(box, child):
                    yield from _paragraph_elements(box)
        elif child.tag == _TBL:
            for row in _children(child, _TR):
                for cell in _children(row, _TC):
                    yield from _paragraph_elements(cell)
        elif isinstance(child.tag, str) and child.tag not in _SKIPPED:
            yield from _paragraph_elements(child)


def _read_by_reader(box: etree._Element, paragraph: etree._Element) -> bool:
    """Whether a text box is one the reader reads: directly in this paragraph, not in a skipped copy."""
    parent = box.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in _SKIPPED or parent.tag == _TEXT_BOX:
            return False
        parent = parent.getparent()
    return True


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _atoms(element: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """(element, its text) for every piece of text the reader takes from a paragraph, in order."""
    for child in element:
        tag = child.tag
        if tag == _T:
            yield child, child.text or ""
        elif tag in _TEXT_OF:
            yield child, _TEXT_OF[tag]
        elif tag == _TEXT_BOX:
            continue
        elif isinstance(tag, str) and tag not in _SKIPPED:
            yield from _atoms(child)


def paragraph_text(element: etree._Element) -> str:
    return "".join(piece for _, piece in _atoms(element))


# --- splitting runs so a comment covers exactly the citation ----------------------------------------

def _run_starting_at(paragraph: _Paragraph, offset: int) -> etree._Element | None:
    """The run that begins exactly at `offset` (relative to the paragraph), splitting runs to make one."""
    position = 0
    for atom, piece in _atoms(paragraph.element):
        if position <= offset < position + len(piece):
            run = atom.getparent()
            if run is None or run.tag != _R:
                return None
            if offset > position:
                atom = _split_text(atom, offset - position)
            return _split_run_before(run, atom)
        position += len(piece)
    return None


def _split_text(atom: etree._Element, at: int) -> etree._Element:
    """Cut a `w:t` in two at `at`; return the second half (the first keeps its place, so runs found earlier
    stay what they were)."""
    tail = copy.deepcopy(atom)
    atom.text, tail.text = atom.text[:at], atom.text[at:]
    for part in (atom, tail):
        part.set(_XML_SPACE, "preserve")
    atom.addnext(tail)
    return tail


def _split_run_before(run: etree._Element, atom: etree._Element) -> etree._Element:
    """Move `atom` and what follows it into a new run of the same formatting, right after; return that run."""
    content = [child for child in run if child.tag != _RPR]
    moved = content[content.index(atom):]
    if len(moved) == len(content):
        return run
    tail = copy.deepcopy(run)
    for child in list(tail):
        if child.tag != _RPR:
            tail.remove(child)
    tail.extend(moved)
    run.addnext(tail)
    return tail


def _run_ending_at(paragraph: _Paragraph, offset: int) -> etree._Element | None:
    """The run that ends exactly at `offset` (relative to the paragraph), splitting the run that crosses it."""
    if offset < len(paragraph.text) and _run_starting_at(paragraph, offset) is None:
        return None
    position = 0
    for atom, piece in _atoms(paragraph.element):
        position += len(piece)
        if position >= offset and piece:
            run = atom.getparent()
            return run if run is not None and run.tag == _R else None
    return None


# --- the annotated copy ------------------------------------------------------------------------------

def annotate(path: str, report: Report, citations: Sequence[Citation] | None = None, lang: str = "vi") -> bytes:
    """The .docx at `path` with a comment on each citation that has findings, as bytes; `path` is only read."""
    try:
        document = docx.Document(path)
    except _OPEN_ERRORS as error:
        raise InputError(path, "cannot be opened to add comments; save it again from Word as .docx") from error
    known = citations if citations is not None else extract_text(report.text, report.source).citations
    paragraphs = body_paragraphs(document, report.text)
    unplaced = [a for a in anchors(report.text, known, report.findings) if not _comment(document, paragraphs, a, lang)]
    if unplaced:
        _comment_unplaced(document, paragraphs, unplaced, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _comment(document: Document, paragraphs: Sequence[_Paragraph], anchor: Anchor, lang: str) -> bool:
    """Anchor one comment on the anchor's words; False when they are not in the body."""
    first = _paragraph_at(paragraphs, anchor.start)
    last = _paragraph_at(paragraphs, anchor.end - 1)
    if first is None or last is None:
        return False
    start_run = _run_starting_at(first, anchor.start - first.start)
    end_run = _run_ending_at(last, anchor.end - last.start)
    if start_run is None or end_run is None:
        return False
    _add_comment(document, [Run(start_run, document), Run(end_run, document)], comment_lines(anchor, lang))
    return True


def _paragraph_at(paragraphs: Sequence[_Paragraph], offset: int) -> _Paragraph | None:
    index = bisect.bisect_right(paragraphs, offset, key=lambda paragraph: paragraph.start) - 1
    paragraph = paragraphs[index] if index >= 0 else None
    return paragraph if paragraph and offset < paragraph.start + len(paragraph.text) else None


def _comment_unplaced(document: Document, paragraphs: Sequence[_Paragraph], unplaced: Sequence[Anchor], lang: str) -> None:
    """Findings outside the body (footnotes, headers) in one comment on the first words, each quoting its place."""
    runs = next((list(p.element.iter(_R)) for p in paragraphs if p.text.strip()), [])
    if not runs:
        return
    lines = [_WORDS[lang]["unplaced"]]
    for anchor in unplaced:
        lines.append(f"{_WORDS[lang]['at']} “{anchor.quote.strip()}”:")
        lines += comment_lines(anchor, lang)
    _add_comment(document, [Run(runs[0], document), Run(runs[-1], document)], lines)


def _add_comment(document: Document, runs: list[Run], lines: list[str]) -> None:
    comment = document.add_comment(runs, text=lines[0], author=AUTHOR, initials=INITIALS)
    for line in lines[1:]:
        comment.add_paragraph(line)
