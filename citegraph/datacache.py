"""A per-user cache of what citegraph builds from its data files, so that a run need not build it again.

`tomllib` is pure Python: parsing the knowledge files and the rule catalogue and cleaning their text takes
20 to 35 ms of every cold `citegraph check`, while reading the result back takes about 2 ms. An entry
is used only when it was built from the same bytes: its key holds the size and CRC-32 of every file the
value comes from (the data files and the modules whose code builds it) and the versions of citegraph
and Python. An entry is written atomically, one that cannot be read is rebuilt, and a directory
that another user could write to is not used: the cache can save time, never change a result.

The directory is `$CITEGRAPH_CACHE_DIR`, else `$XDG_CACHE_HOME/citegraph`, else `~/.cache/citegraph`; it
holds one file per value and installation. Paths are plain strings: where the interpreter's start-up has not
loaded pathlib and importlib.resources already, they cost a cold start ~15 ms, more than a cache hit. A
package that is not in files (inside a zip) has no sources to read and builds its values without the cache.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import zlib
from collections.abc import Callable, Iterable
from typing import TypeVar, cast

from . import __version__

T = TypeVar("T")
# Each installation or checkout keeps its own entries, so that two of them run in turn do not keep
# replacing each other's; within one, a newer entry replaces the older.
_PACKAGE = os.path.dirname(os.path.realpath(__file__))
_PLACE = zlib.crc32(os.fsencode(_PACKAGE))


def package_file(*parts: str) -> str:
    """The path of a file of the package (`package_file("data", "rules.toml")`), to name as a source."""
    return os.path.join(_PACKAGE, *parts)


def cache_directory() -> str:
    """Where entries live; the variables are read on each call so that tests can point elsewhere."""
    chosen = os.environ.get("CITEGRAPH_CACHE_DIR")
    if chosen:
        return chosen
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "citegraph")


def _contents(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def fingerprint(sources: Iterable[str]) -> tuple[object, ...]:
    """What an entry must have been built from: versions, and each source's name, size and CRC-32."""
    files = tuple(
        (os.path.basename(source), len(data), zlib.crc32(data)) for source in sources for data in [_contents(source)]
    )
    return (__version__, sys.version, *files)


def cached(name: str, sources: Iterable[str], build: Callable[[], T]) -> T:
    """`build()`, or the value it gave before from the same `sources`."""
    try:
        key = fingerprint(sources)
    except OSError:
        return build()
    path = os.path.join(cache_directory(), f"{name}-{_PLACE:08x}.pickle")
    found = _read(path, key)
    if found is not None:
        return cast(T, found[0])
    value = build()
    _write(path, key, value)
    return value


def _private(directory: str) -> bool:
    """Only a directory no other user can write to is trusted: unpickling runs what an entry says."""
    info = os.stat(directory)
    owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owned and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(path: str, key: tuple[object, ...]) -> tuple[object] | None:
    """The entry's value (in a 1-tuple, as a value may be None) when its key matches; None otherwise."""
    try:
        if not _private(os.path.dirname(path)):
            return None
        with open(path, "rb") as handle:
            if pickle.load(handle) != key:
                return None
            return (pickle.load(handle),)
    except Exception:  # noqa: BLE001 - a missing, truncated, foreign or outdated entry is only a miss
        return None


def _write(path: str, key: tuple[object, ...], value: object) -> None:
    """Write through a temporary file and rename it, so a reader sees a whole entry or none; a cache that
    cannot be written is no error."""
    import tempfile  # only when an entry is written

    directory, file_name = os.path.split(path)
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        if not _private(directory):
            return
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{file_name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(key, stream, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, pickle.PicklingError):
        return
