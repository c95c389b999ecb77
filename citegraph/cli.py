"""The `citegraph` command line.

A user's mistake (a missing, empty or unreadable file) is one line on standard error,
`citegraph: error: <file>: <what is wrong>`, and exit status 2; the other files are still processed.
"""

from __future__ import annotations

import os
import sys
import tempfile

import click

from .pipeline import extract_paths
from .read import DEFAULT_MAX_BYTES, InputError
from .report import RENDERERS

EXIT_BAD_INPUT = 2


def _report_error(error: InputError) -> None:
    click.echo(f"citegraph: error: {error}", err=True)


def write_atomically(path: str, content: str, inputs: tuple[str, ...]) -> None:
    """Write `content` to `path` through a temporary file, so no half-written file is ever left.

    Raises InputError (the user's mistake, reported like a bad input) for an input file given as the
    output or a place that cannot be written.
    """
    target = os.path.abspath(path)
    if os.path.exists(target) and any(p != "-" and os.path.exists(p) and os.path.samefile(p, target) for p in inputs):
        raise InputError(path, "is one of the input files; refusing to overwrite it")
    directory = os.path.dirname(target) or "."
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".citegraph-", suffix=".tmp")
    except OSError as error:
        raise InputError(path, f"cannot be written ({error.strerror or error})") from None
    try:
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


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(sorted(RENDERERS)), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
@click.option(
    "--max-size",
    type=click.FloatRange(min=0.001),
    default=DEFAULT_MAX_BYTES / (1024 * 1024),
    show_default=True,
    help="Largest input file to read, in MB.",
)
def extract(files: tuple[str, ...], output_format: str, output: str | None, max_size: float) -> None:
    """List every document that FILES cite (`-` reads standard input).

    Text output is one line per citation: path:line:col  item  type  number  date  issuer.
    """
    results = []
    failed = False
    for result in extract_paths(files, max_bytes=int(max_size * 1024 * 1024)):
        if isinstance(result, InputError):
            _report_error(result)
            failed = True
        results.append(result)
    emit(RENDERERS[output_format](results), output, files)
    if failed:
        sys.exit(EXIT_BAD_INPUT)


def emit(rendered: str, output: str | None, inputs: tuple[str, ...]) -> None:
    """Send a report to standard output or, atomically, to the file named by `-o`."""
    if not output:
        sys.stdout.write(rendered)
        return
    try:
        write_atomically(output, rendered, inputs)
    except InputError as error:
        _report_error(error)
        sys.exit(EXIT_BAD_INPUT)


if __name__ == "__main__":
    main()
