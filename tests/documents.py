"""Builders for the test documents: .docx packages written XML by XML, PDFs rendered with fpdf2, hard-wrapped text.

python-docx cannot write footnotes, tracked changes or hostile XML, so a .docx is assembled here from its
parts; the same builder makes the damaged and malicious packages of the hostile-input tests.
"""

from __future__ import annotations

import textwrap
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from xml.sax.saxutils import escape

from fpdf import FPDF

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)


def paragraph(*runs: str) -> str:
    """A w:p whose runs are given as XML (see run, inserted, deleted) or plain text."""
    return "<w:p>" + "".join(r if r.startswith("<") else run(r) for r in runs) + "</w:p>"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def inserted(text: str) -> str:
    return f'<w:ins w:id="1" w:author="Chuyên viên" w:date="2024-05-02T09:00:00Z">{run(text)}</w:ins>'


def deleted(text: str) -> str:
    return (
        '<w:del w:id="2" w:author="Chuyên viên" w:date="2024-05-02T09:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'
    )


def _part(root: str, content: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:{root} xmlns:w="{W}" xmlns:r="{_REL}">{content}</w:{root}>').encode()


def _relationships(targets: Iterable[tuple[str, str]]) -> bytes:
    rows = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL}/{kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets, 1)
    )
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rows}</Relationships>').encode()


def docx_parts(
    body: str,
    *,
    footnotes: Iterable[str] = (),
    headers: Iterable[str] = (),
    footers: Iterable[str] = (),
    prolog: str = "",
) -> dict[str, bytes]:
    """The parts of a minimal Word package: body XML, footnote texts, header and footer texts."""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES.encode(),
        "_rels/.rels": _relationships([("officeDocument", "word/document.xml")]),
        "word/document.xml": _part("document", f"<w:body>{body}</w:body>", prolog),
    }
    related: list[tuple[str, str]] = []
    notes = "".join(
        f'<w:footnote w:id="{n}">{paragraph(text)}</w:footnote>' for n, text in enumerate(footnotes, 1)
    )
    if notes:
        separator = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        parts["word/footnotes.xml"] = _part("footnotes", separator + notes)
        related.append(("footnotes", "footnotes.xml"))
    for kind, texts in (("header", headers), ("footer", footers)):
        for n, text in enumerate(texts, 1):
            parts[f"word/{kind}{n}.xml"] = _part("hdr" if kind == "header" else "ftr", paragraph(text))
            related.append((kind, f"{kind}{n}.xml"))
    parts["word/_rels/document.xml.rels"] = _relationships(related)
    return parts


def write_zip(path: Path, parts: Mapping[str, bytes]) -> str:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return str(path)


def write_docx(path: Path, body: str, **kwargs: object) -> str:
    return write_zip(path, docx_parts(body, **kwargs))  # type: ignore[arg-type]


def vietnamese_font() -> Path:
    """A TrueType font with Vietnamese glyphs: DejaVu Sans (Debian's fonts-dejavu-core)."""
    for folder in _FONT_DIRS:
        found = sorted(folder.rglob("DejaVuSans.ttf"))
        if found:
            return found[0]
    raise FileNotFoundError("DejaVuSans.ttf not found: install fonts-dejavu-core (apt-get install fonts-dejavu-core)")


def write_pdf(path: Path, text: str, **metadata: str) -> str:
    """Render text one line per line, on pages wide enough that no line wraps, as a PDF with a text layer."""
    pdf = FPDF(format=(900, 297))
    pdf.add_font("DejaVu", fname=str(vietnamese_font()))
    pdf.set_font("DejaVu", size=9)
    pdf.set_auto_page_break(True, margin=10)
    pdf.add_page()
    for line in text.split("\n"):
        if line.strip():
            pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT", h=4)
        else:
            pdf.ln(4)
    if metadata:
        pdf.set_encryption(**metadata)
    pdf.output(str(path))
    return str(path)


def hard_wrapped(text: str, width: int) -> str:
    """`text` as a PDF or the gazette gives it: every line broken at spaces to at most `width` columns."""
    return "\n".join(textwrap.fill(line, width, break_on_hyphens=False, break_long_words=False) for line in text.split("\n"))
