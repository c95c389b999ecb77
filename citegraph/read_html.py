"""Read a web page (a document saved from a legal portal or a ministry's site) as lines of text.

Scripts, styles and the page title are dropped, and every block element (paragraph, heading, list item,
table cell) ends a line, as `<br>` does, so the outline stage sees the document's lines as a browser shows them.
The page is parsed with lxml's HTML parser (libxml2), not the standard library's html.parser: on Python
3.11 before 3.11.14 that parser takes quadratic time on unclosed constructs (a 40 KB run of `<a b='`
takes 7 s, so 1 MB would take over an hour; CVE-2025-6069), while libxml2 reads them in linear time. The
parser fetches nothing, and HTML has no entity declarations to expand.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

# The text is decoded already: it goes in as UTF-8, whatever an XHTML page's XML declaration says.
_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, recover=True)
_SKIPPED = frozenset({"head", "script", "style", "template", "title", "svg", "math", "noscript"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
})
_SPACES = re.compile(r"[ \t\n\r\f]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_CHARSET = re.compile(rb"""(?:<meta[^>]*?charset|<\?xml[^>]*?encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a page's <meta> or XML declaration names, if Python knows it."""
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def html_lines(markup: str) -> str:
    """The page's visible text, one line per block, at most one blank line in a row."""
    root = etree.fromstring(markup.encode("utf-8"), _PARSER) if markup.strip() else None
    pieces: list[str] = []
    if root is not None:
        _collect(root, pieces, preformatted=False)
    lines = (line.strip(" ") for line in "".join(pieces).split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def _collect(element: etree._Element, pieces: list[str], *, preformatted: bool) -> None:
    """Append an element's visible text, with a line feed before and after a block."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIPPED:
        return
    if tag == "br":
        pieces.append("\n")
        return
    block = tag in _BLOCKS
    preformatted = preformatted or tag == "pre"
    if block:
        _end_line(pieces)
    _text(element.text, pieces, preformatted)
    for child in element:
        _collect(child, pieces, preformatted=preformatted)
        _text(child.tail, pieces, preformatted)
    if block:
        _end_line(pieces)


def _end_line(pieces: list[str]) -> None:
    """A block boundary ends the current line, but never adds a blank line of its own."""
    if pieces and not pieces[-1].endswith("\n"):
        pieces.append("\n")


def _text(text: str | None, pieces: list[str], preformatted: bool) -> None:
    """Text as a browser shows it: runs of white space are one space, none at the start of a line."""
    if not text:
        return
    if not preformatted:
        text = _SPACES.sub(" ", text)
        if text == " " and (not pieces or pieces[-1].endswith("\n")):
            return
    pieces.append(text)
