"""The `citegraph` command line.

A user's mistake (a missing, empty or unreadable file) is one line on standard error,
`citegraph: error: <file>: <what is wrong>`, and exit status 2; the other files are still processed.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import click

from .models import ExtractedDocument
from .pipeline import extract_paths
from .read import DEFAULT_MAX_BYTES, InputError
from .report import RENDERERS

if TYPE_CHECKING:
    from .check import Report

EXIT_BAD_INPUT = 2


def _report_error(error: InputError) -> None:
    click.echo(f"citegraph: error: {error}", err=True)


def write_atomically(path: str, content: str | bytes, inputs: tuple[str, ...]) -> None:
    """Write `content` (text as UTF-8, or bytes such as a PNG) to `path` through a temporary file, so no
    half-written file is ever left.

    Raises InputError (the user's mistake, reported like a bad input) for an input file given as the
    output or a place that cannot be written.
    """
    import tempfile  # only for -o: with shutil and random it is ~10 ms of a cold start without it

    target = os.path.abspath(path)
    if os.path.exists(target) and any(p != "-" and os.path.exists(p) and os.path.samefile(p, target) for p in inputs):
        raise InputError(path, "is one of the input files; refusing to overwrite it")
    directory = os.path.dirname(target) or "."
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".citegraph-", suffix=".tmp")
    except OSError as error:
        raise InputError(path, f"cannot be written ({error.strerror or error})") from None
    try:
        if isinstance(content, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(content)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(content)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="citegraph")
def main() -> None:
    """Find, check and graph the documents a Vietnamese administrative text cites."""


_FILES = click.argument("files", nargs=-1, required=True)
_OUTPUT = click.option("-o", "--output", type=click.Path(dir_okay=False),
                       help="Write to this file instead of standard output.")
_MAX_SIZE = click.option("--max-size", type=click.FloatRange(min=0.001), show_default=True,
                         default=DEFAULT_MAX_BYTES / (1024 * 1024), help="Largest input file to read, in MB.")


def _read(files: tuple[str, ...], max_size: float) -> tuple[list[ExtractedDocument | InputError], bool]:
    """Every file's document or the error that says why it could not be read (reported on stderr), and
    whether any failed."""
    results: list[ExtractedDocument | InputError] = []
    failed = False
    for result in extract_paths(files, max_bytes=int(max_size * 1024 * 1024)):
        if isinstance(result, InputError):
            _report_error(result)
            failed = True
        results.append(result)
    return results, failed


def _documents(files: tuple[str, ...], max_size: float) -> tuple[list[ExtractedDocument], bool]:
    """The documents of the readable files, and whether some file could not be read."""
    results, failed = _read(files, max_size)
    return [r for r in results if isinstance(r, ExtractedDocument)], failed


@main.command()
@_FILES
@click.option("--format", "output_format", type=click.Choice(sorted(RENDERERS)), default="text", show_default=True)
@_OUTPUT
@_MAX_SIZE
def extract(files: tuple[str, ...], output_format: str, output: str | None, max_size: float) -> None:
    """List every document that FILES cite (`-` reads standard input).

    Text output is one line per citation: path:line:col  item  type  number  date  issuer.
    """
    results, failed = _read(files, max_size)
    emit(RENDERERS[output_format](results), output, files)
    if failed:
        sys.exit(EXIT_BAD_INPUT)


def emit(rendered: str | bytes, output: str | None, inputs: tuple[str, ...]) -> None:
    """Send a report to standard output or, atomically, to the file named by `-o`."""
    if not output:
        if isinstance(rendered, bytes):
            sys.stdout.buffer.write(rendered)
        else:
            sys.stdout.write(rendered)
        return
    try:
        write_atomically(output, rendered, inputs)
    except InputError as error:
        _report_error(error)
        sys.exit(EXIT_BAD_INPUT)


@contextlib.contextmanager
def _progress(count: int) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error for a run over many files, when it is a terminal."""
    if count < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    with click.progressbar(length=count, file=sys.stderr, label="citegraph check") as bar:
        yield lambda: bar.update(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json", "sarif"]), help="Output [default: text].")
@click.option("--select", help="Rule codes or prefixes to check, comma-separated; ALL for every rule.")
@click.option("--ignore", help="Rule codes or prefixes to leave out, comma-separated.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Exit 1 from this severity [default: error].")
@click.option("--lang", type=click.Choice(["vi", "en"]), help="Language of the messages [default: vi].")
@_OUTPUT
@click.option("--annotate", type=click.Path(dir_okay=False), metavar="OUT.docx",
              help="Also write a copy of the one .docx checked with a Word comment on each citation that has findings.")
@_MAX_SIZE
def check(paths: tuple[str, ...], output: str | None, annotate: str | None, max_size: float,
          **options: str | None) -> None:
    """Check the citations in PATHS (files, directories, `-` for standard input).

    Prints `path:line:col: CODE severity: message` per finding. Exit status 0 when no finding reaches
    --fail-on, 1 when one does, 2 for a usage or input error. Settings may also come from
    `[tool.citegraph]` in pyproject.toml or from citegraph.toml.
    """
    from .check import check_paths, fails
    from .check_report import RENDERERS as CHECK_RENDERERS
    from .check_report import Run
    from .config import ConfigError, expand_paths, settings
    from .rules import SelectionError, catalogue, select

    try:
        chosen = settings({"format": options.pop("output_format"), **options})
        selected = select(catalogue(), chosen.select, chosen.ignore, chosen.extend_select)
    except (ConfigError, SelectionError) as error:
        raise click.UsageError(str(error)) from None
    files = tuple(expand_paths(paths))
    if annotate and (len(files) != 1 or not files[0].lower().endswith(".docx")):
        raise click.UsageError("--annotate needs exactly one .docx file to check")
    with _progress(len(files)) as advance:
        reports, errors = check_paths(files, selected, max_bytes=int(max_size * 1024 * 1024), on_file=advance)
    for error in errors:
        _report_error(error)
    rendered = CHECK_RENDERERS[chosen.format](Run(reports, errors, chosen.lang))
    emit(rendered if output is None and sys.stdout.isatty() else click.unstyle(rendered), output, files)
    if annotate and reports:
        _write_annotated(annotate, files[0], reports[0], chosen.lang)
    sys.exit(EXIT_BAD_INPUT if errors else int(fails(reports, chosen.fail_on)))


def _write_annotated(output: str, path: str, report: Report, lang: str) -> None:
    """The .docx with the findings as Word comments; a file python-docx cannot open is a bad input."""
    from .annotate import annotate

    try:
        write_atomically(output, annotate(path, report, lang=lang), (path,))
    except InputError as error:
        _report_error(error)
        sys.exit(EXIT_BAD_INPUT)


@main.command()
@click.argument("code", required=False)
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
def rules(code: str | None, output_format: str, lang: str) -> None:
    """List the rules of `citegraph check`, or explain rule CODE (docs/rules.md is `--format markdown`)."""
    from .rules import catalogue, describe, listing, markdown

    known = catalogue()
    if code and code.upper() not in known:
        raise click.UsageError(f"no rule {code} (see `citegraph rules`)")
    if output_format == "markdown":
        click.echo(markdown(known), nl=False)
    else:
        click.echo(describe(known[code.upper()], lang) if code else listing(known), nl=False)


@main.command()
@click.argument("number")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def registry(number: str, output_format: str) -> None:
    """Show what the registry of known documents records about NUMBER (`59/2023/NĐ-CP`, `23-QĐ/TW`)."""
    from .registry import lookup, render_lookup

    found = lookup(number)
    if found is None:
        raise click.UsageError(f"{number!r} is not a document number")
    click.echo(render_lookup(number, *found, output_format), nl=False)


# --- the knowledge graph: queries, RDF export, pictures (docs/graph.md) --------------------------------

_QUERY_FORMAT = click.option("--format", "output_format", type=click.Choice(["text", "json", "csv"]), default="text",
                             show_default=True)
_TRANSITIVE = click.option("--transitive", is_flag=True,
                           help="Also follow documents whose preamble bases lead on, and show the path.")
EXPORT_FORMATS = ["turtle", "jsonld", "nt", "xml", "trig"]
PICTURE_FORMATS = ["svg", "png", "html", "graphml", "dot"]


def _finish(failed: bool, answered: bool = True) -> None:
    """Exit 2 when a file could not be read, 1 when the question had no single answer."""
    if failed:
        sys.exit(EXIT_BAD_INPUT)
    if not answered:
        sys.exit(1)


@main.command("rests-on")
@click.argument("reference", metavar="DOCREF")
@_FILES
@_TRANSITIVE
@_QUERY_FORMAT
@_OUTPUT
@_MAX_SIZE
def rests_on(reference: str, files: tuple[str, ...], transitive: bool, output_format: str, output: str | None,
             max_size: float) -> None:
    """The items of FILES that rest on the document DOCREF (`Nghị định 59/2023/NĐ-CP`, `NĐ 59/2023`, `23-QĐ/TW`).

    A DOCREF that may mean several documents lists them instead of guessing; then, and when no file cites
    DOCREF, the exit status is 1.
    """
    from .graph import build_graph
    from .query import rests_on as query
    from .query_report import render

    documents, failed = _documents(files, max_size)
    answer = query(build_graph(documents), reference, transitive=transitive)
    emit(render(answer, output_format), output, files)
    _finish(failed, answer.document is not None)


@main.command()
@click.argument("item")
@click.argument("file")
@_TRANSITIVE
@_QUERY_FORMAT
@_OUTPUT
@_MAX_SIZE
def bases(item: str, file: str, transitive: bool, output_format: str, output: str | None, max_size: float) -> None:
    """The documents item ITEM (`II.3`, `Điều 2`) of FILE rests on, its sub-items included."""
    from .graph import build_graph
    from .query import bases as query
    from .query_report import render

    documents, failed = _documents((file,), max_size)
    answer = query(build_graph(documents), item, file, transitive=transitive)
    emit(render(answer, output_format), output, (file,))
    _finish(failed, answer.item is not None)


@main.command()
@click.argument("reference", metavar="DOCREF")
@_FILES
@_QUERY_FORMAT
@_OUTPUT
@_MAX_SIZE
def impact(reference: str, files: tuple[str, ...], output_format: str, output: str | None, max_size: float) -> None:
    """The documents of FILES, and their items, to revise if DOCREF were replaced, grouped by document."""
    from .graph import build_graph
    from .query import impact as query
    from .query_report import render

    documents, failed = _documents(files, max_size)
    answer = query(build_graph(documents), reference)
    emit(render(answer, output_format), output, files)
    _finish(failed, answer.document is not None)


@main.command()
@_FILES
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many most-cited documents.")
@_QUERY_FORMAT
@_OUTPUT
@_MAX_SIZE
def stats(files: tuple[str, ...], top: int, output_format: str, output: str | None, max_size: float) -> None:
    """Most-cited documents, citations by issuer and level, inputs no input cites, incompletely identified ones."""
    from .graph import build_graph
    from .query import stats as query
    from .query_report import render

    documents, failed = _documents(files, max_size)
    emit(render(query(build_graph(documents), top=top), output_format), output, files)
    _finish(failed)


def _base_iri(_: click.Context, __: click.Parameter, value: str | None) -> str | None:
    if value is not None and not value.startswith(("http://", "https://")):
        raise click.BadParameter("must be an http:// or https:// IRI")
    return value


@main.command()
@_FILES
@click.option("--format", "output_format", type=click.Choice(EXPORT_FORMATS), default="turtle", show_default=True)
@_OUTPUT
@click.option("--base", callback=_base_iri, help="Base of the minted IRIs [default: https://citegraph.example].")
@_MAX_SIZE
def export(files: tuple[str, ...], output_format: str, output: str | None, base: str | None, max_size: float) -> None:
    """FILES as RDF in the ELI ontology: documents, plan items, each mention and the issuers."""
    from .export import serialise
    from .graph import build_graph

    documents, failed = _documents(files, max_size)
    emit(serialise(build_graph(documents), output_format, base), output, files)
    _finish(failed)


@main.command("graph")
@_FILES
@_OUTPUT
@click.option("--format", "output_format", type=click.Choice(PICTURE_FORMATS),
              help="Picture format [default: the suffix of -o, else svg].")
@_MAX_SIZE
def graph_picture(files: tuple[str, ...], output: str | None, output_format: str | None, max_size: float) -> None:
    """A picture of FILES: items on the left, the documents they rest on on the right, grouped by level,
    citations with checker errors in red. GraphML and DOT are for Gephi and Graphviz."""
    from .graph import build_graph
    from .picture import error_flags, render

    suffix = os.path.splitext(output or "")[1].lstrip(".").lower()
    chosen = output_format or (suffix if suffix in PICTURE_FORMATS else "svg")
    if chosen == "png" and not output:
        raise click.UsageError("a PNG picture needs -o FILE")
    documents, failed = _documents(files, max_size)
    emit(render(build_graph(documents, error_flags(documents)), chosen), output, files)
    _finish(failed)


@main.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only this computer can open the page unless you change it.")
@_MAX_SIZE
def serve(port: int, host: str, max_size: float) -> None:
    """Open the checker as a web page: drop a file in the browser and see every citation checked."""
    from .web import server

    try:
        running = server(host, port, int(max_size * 1024 * 1024))
    except OSError as error:
        raise click.UsageError(
            f"không mở được cổng {port} trên {host} ({error.strerror or error}); chọn cổng khác, ví dụ --port 8001"
        ) from None
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"citegraph: mở http://{shown}:{running.server_port}/ trong trình duyệt (bấm Ctrl+C để dừng)", err=True)
    try:
        running.serve_forever()
    except KeyboardInterrupt:
        click.echo("citegraph: đã dừng", err=True)


if __name__ == "__main__":
    main()
