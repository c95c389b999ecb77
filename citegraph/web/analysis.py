"""What the web page shows for one upload: each file checked, its citations marked by status, its items
with the documents they rest on, and the downloads. Built once per upload, while the files still exist,
then kept in memory so the temporary folder can be removed at once.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import networkx as nx

from ..annotate import anchors, annotate
from ..check import Finding, Report, check_documents
from ..check_report import RENDERERS as CHECK_RENDERERS
from ..check_report import Run, counts
from ..export import serialise
from ..graph import Flag, build_graph
from ..models import Citation, ExtractedDocument
from ..picture import render
from ..pipeline import extract_source
from ..query import Basis, bases
from ..read import InputError, read_source

STATUS_WORDS = {"correct": "Đúng", "info": "Ghi chú", "warning": "Cảnh báo", "error": "Lỗi"}
ROLE_WORDS = {"basis": "căn cứ", "reference": "dẫn chiếu"}
DRAFT_RULE = "CG401"
_GRAVITY = {"correct": 0, "info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class Upload:
    """One file as sent: the name the user knows it by, and where it waits in the temporary folder."""

    name: str
    path: str


@dataclass(frozen=True)
class Mark:
    """A marked place in the text: a citation (with or without findings), or a finding on no citation."""

    id: str
    start: int
    end: int
    citation: Citation | None
    findings: tuple[Finding, ...]

    @property
    def status(self) -> str:
        return max((f.severity for f in self.findings), key=_GRAVITY.__getitem__, default="correct")


@dataclass(frozen=True)
class ItemBases:
    id: str
    label: str
    title: str
    bases: tuple[Basis, ...]


@dataclass(frozen=True)
class FileView:
    """One checked file as the page shows it."""

    number: int
    document: ExtractedDocument
    report: Report
    marks: tuple[Mark, ...]
    items: tuple[ItemBases, ...]
    annotated: bytes | None  # the .docx with comments, for a Word input

    @property
    def name(self) -> str:
        return self.document.source

    @property
    def tally(self) -> dict[str, int]:
        return counts([self.report])

    @property
    def problems(self) -> int:
        """Errors and warnings: what stands between the draft and the signature."""
        return self.tally["errors"] + self.tally["warnings"]

    @property
    def draft_notes(self) -> list[Finding]:
        return [f for f in self.report.findings if f.code == DRAFT_RULE]

    @property
    def findings(self) -> list[tuple[Finding, Mark]]:
        """Every finding with the mark it links to, in text order."""
        return sorted(((f, m) for m in self.marks for f in m.findings), key=lambda pair: (pair[0].start, pair[0].code))

    def pieces(self) -> list[tuple[str, Mark | None]]:
        """The text cut at the marks, for the page to highlight (overlapping marks keep the first)."""
        text = self.document.text
        found: list[tuple[str, Mark | None]] = []
        cursor = 0
        for mark in self.marks:
            if mark.start < cursor:
                continue
            found += [(text[cursor:mark.start], None), (text[mark.start:mark.end], mark)]
            cursor = mark.end
        found.append((text[cursor:], None))
        return [(piece, mark) for piece, mark in found if piece]

    @property
    def download_name(self) -> str:
        return os.path.splitext(os.path.basename(self.name))[0] + ".checked.docx"


@dataclass
class Analysis:
    """Everything one upload produced; the reports and the graph answer later questions and downloads."""

    files: tuple[FileView, ...]
    errors: tuple[InputError, ...]
    graph: nx.MultiDiGraph

    def run(self) -> Run:
        return Run([f.report for f in self.files], self.errors, "vi")

    @cached_property
    def json(self) -> str:
        return CHECK_RENDERERS["json"](self.run())

    @cached_property
    def sarif(self) -> str:
        return CHECK_RENDERERS["sarif"](self.run())

    @cached_property
    def turtle(self) -> str:
        return serialise(self.graph, "turtle")

    @cached_property
    def picture(self) -> str:
        rendered = render(self.graph, "svg")
        assert isinstance(rendered, str)
        return rendered


def analyse(uploads: Sequence[Upload], max_bytes: int) -> Analysis:
    """Read, check and graph the uploads; a file that cannot be read is an error, as in the CLI."""
    documents: list[ExtractedDocument] = []
    errors: list[InputError] = []
    paths: dict[str, str] = {}
    for upload in uploads:
        try:
            source = read_source(upload.path, max_bytes=max_bytes)
        except InputError as error:
            errors.append(InputError(upload.name, error.reason))
            continue
        documents.append(extract_source(replace(source, path=upload.name)))
        paths[upload.name] = upload.path
    reports = check_documents(documents)
    flags = {r.source: [Flag(f.start, f.end, f.code, f.severity) for f in r.findings if f.severity != "info"]
             for r in reports}
    graph = build_graph(documents, flags)
    files = tuple(
        _view(number, document, report, graph, paths[document.source])
        for number, (document, report) in enumerate(zip(documents, reports), 1)
    )
    return Analysis(files, tuple(errors), graph)


def _view(number: int, document: ExtractedDocument, report: Report, graph: nx.MultiDiGraph, path: str) -> FileView:
    marks = _marks(number, document, report)
    return FileView(number, document, report, marks, _items(number, document, graph), _annotated(path, report, document))


def _marks(number: int, document: ExtractedDocument, report: Report) -> tuple[Mark, ...]:
    """Every citation, and every finding that is about no citation, in text order."""
    by_span = {(a.start, a.end): a.findings for a in anchors(document.text, document.citations, report.findings)}
    spans = {(c.start, c.end): c for c in document.citations}
    ordered = sorted(set(spans) | set(by_span))
    return tuple(
        Mark(f"m{number}-{index}", start, end, spans.get((start, end)), by_span.get((start, end), ()))
        for index, (start, end) in enumerate(ordered, 1)
    )


def _items(number: int, document: ExtractedDocument, graph: nx.MultiDiGraph) -> tuple[ItemBases, ...]:
    """The items that cite something, each with the documents its own text rests on."""
    found: list[ItemBases] = []
    for item in dict.fromkeys(c.item for c in document.citations if c.item):
        answer = bases(graph, item, document.source)
        own = tuple(b for b in answer.bases if b.item == item)
        if own:
            found.append(ItemBases(f"i{number}-{len(found) + 1}", item, answer.title or "", own))
    return tuple(found)


def _annotated(path: str, report: Report, document: ExtractedDocument) -> bytes | None:
    """The Word copy with comments, for a .docx input; None for other formats or a file Word tools refuse."""
    if not _is_docx(path):
        return None
    try:
        return annotate(path, report, document.citations)
    except InputError:
        return None


def _is_docx(path: str) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def item_name(label: str | None) -> str:
    """`preamble` as the page says it; other labels are the document's own."""
    if label is None:
        return "(ngoài các mục)"
    return "Phần căn cứ" if label == "preamble" else label


def vietnamese_date(value: str | None) -> str:
    return dt.date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""
