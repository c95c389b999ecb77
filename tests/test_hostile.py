"""Every bad input gets one clear line, exit status 2, no traceback, in bounded time and memory.

The same files are checked twice: through read_source (the exact reason), and all together in one real
`citegraph extract` process with a memory cap, next to a good file whose citations must still come out.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from citegraph.read import InputError, read_source
from citegraph.read_docx import SAFE_XML_PARSER

from .conftest import ROOT, SEED
from .documents import docx_parts, paragraph, write_pdf, write_zip

MB = 1024 * 1024
SECRET = "MẬT-KHẨU-KHÔNG-ĐƯỢC-LỘ"
# Nine levels of ten references: a billion "lol"s (3 GB) if a parser expanded them.
LAUGHS = '<!DOCTYPE w:document [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10)
) + "]>"
_UNPACK_REASON = ("would unpack to more than 200 MB, 4 times the size limit of 50 MB; it is damaged or built to "
                  "exhaust memory (change the limit with --max-size)")
_DTD_REASON = "contains an XML document type declaration, which Word never writes; refused as unsafe"


def _bomb(path: Path, unpacked_mb: int) -> str:
    """A .docx whose body unpacks to `unpacked_mb` MB of spaces from about 1/200 of that."""
    parts = docx_parts("<!--body-->")
    start, end = parts.pop("word/document.xml").split(b"<!--body-->")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(start)
            for _ in range(unpacked_mb):
                member.write(b" " * MB)
            member.write(end)
    return str(path)


def _docx_with_prolog(path: Path, prolog: str, body: str = paragraph("Căn cứ Luật")) -> str:
    return write_zip(path, docx_parts(body, prolog=prolog))


def _old_office(path: Path, stream: str) -> str:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream.encode("utf-16-le") + b"\x00" * 512)
    return str(path)


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    """Each bad input: name -> (path, the reason a clerk reads)."""
    folder = tmp_path_factory.mktemp("bad")
    secret = folder / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")

    def write(name: str, data: bytes) -> str:
        (folder / name).write_bytes(data)
        return str(folder / name)

    huge = folder / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(200 * MB)  # sparse: 200 MB on paper, nothing on disk
    pdf = Path(write_pdf(folder / "whole.pdf", "Nội dung"))
    cases = {
        "empty": (write("empty.txt", b""), "the file is empty"),
        "blank": (write("blank.md", b" \r\n\t\n"), "the file is empty"),
        "binary": (write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
                   "looks like a binary file, not text"),
        "undecodable": (write("latin.txt", bytes(range(0x80, 0x100)) * 8),
                        "is not valid UTF-8 text (bad byte 0x80 at byte offset 0); save it as UTF-8"),
        "corrupt docx": (write("random.docx", bytes(range(256)) * 16), "is not a readable .docx file"),
        "truncated docx": (write("cut.docx", Path(write_zip(folder / "whole.docx", docx_parts(paragraph("x" * 5000))))
                                 .read_bytes()[:600]), "is not a readable .docx file"),
        "password docx": (_old_office(folder / "locked.docx", "EncryptedPackage"),
                          "is protected with a password; open it in Word, remove the password and save it as .docx"),
        "old doc": (_old_office(folder / "old.doc", "WordDocument"),
                    "old Word .doc format is not supported; open it in Word and save it as .docx"),
        "rtf": (write("old.rtf", rb"{\rtf1\ansi Quy\'ea\'ect}"),
                "is an RTF file, which citegraph cannot read; open it in Word and save it as .docx"),
        "corrupt pdf": (write("cut.pdf", pdf.read_bytes()[:1500]), "is not a readable PDF file (it is damaged or not a PDF)"),
        "password pdf": (write_pdf(folder / "locked.pdf", "Mật", owner_password="a", user_password="b"),
                         "is protected with a password; open it, remove the password and save it again"),
        "zip bomb": (_bomb(folder / "bomb.docx", 256), _UNPACK_REASON),
        "billion laughs": (_docx_with_prolog(folder / "laughs.docx", LAUGHS, paragraph("&lol9;")), _DTD_REASON),
        "external entity": (_docx_with_prolog(
            folder / "xxe.docx", f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>', paragraph("&x;")),
            _DTD_REASON),
        "200 MB text": (str(huge), "is larger than the size limit of 50 MB (change it with --max-size)"),
        "10 MB line": (write("line.txt", "số ".encode() * (10 * MB // 4)),
                       ("has a line of 7,864,320 characters, more than the 1,000,000 a document's line can have; "
                        "it does not look like a document")),
        "directory": (str(folder / "folder.txt"), "is a directory, not a file"),
        "missing": (str(folder / "missing.txt"), "no such file"),
        "unreadable": ("/proc/self/mem", "cannot be read: input/output error"),
    }
    (folder / "folder.txt").mkdir()
    return cases


CASES = ["empty", "blank", "binary", "undecodable", "corrupt docx", "truncated docx", "password docx", "old doc", "rtf",
         "corrupt pdf", "password pdf", "zip bomb", "billion laughs", "external entity", "200 MB text", "10 MB line",
         "directory", "missing", "unreadable"]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_clear_reason(bad_inputs: dict[str, tuple[str, str]], case: str) -> None:
    path, reason = bad_inputs[case]
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert caught.value.reason == reason
    assert SECRET not in str(caught.value)
    assert time.perf_counter() - started < 5


def test_every_bad_input_in_one_run(bad_inputs: dict[str, tuple[str, str]]) -> None:
    """One real process, 1.5 GB of address space at most: each bad file is one line, the good one is read."""
    paths = [bad_inputs[case][0] for case in CASES]
    paths.insert(len(paths) // 2, str(SEED))

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1536 * MB, 1536 * MB))

    result = subprocess.run(
        [sys.executable, "-m", "citegraph.cli", "extract", "--format", "json", *paths],
        capture_output=True, text=True, cwd=ROOT, timeout=120, preexec_fn=cap_memory, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"citegraph: error: {bad_inputs[c][0]}: {bad_inputs[c][1]}" for c in CASES]
    report = json.loads(result.stdout)
    assert [d["source"] for d in report["documents"]] == [str(SEED)]
    assert len(report["documents"][0]["citations"]) == 37
    assert report["errors"] == [{"source": bad_inputs[c][0], "error": bad_inputs[c][1]} for c in CASES]
    assert SECRET not in result.stdout + result.stderr


def test_bad_standard_input_is_named_dash() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "citegraph.cli", "extract", "-"], input=b"\x00\x01\x02binary", capture_output=True,
        cwd=ROOT, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.decode() == "citegraph: error: -: looks like a binary file, not text\n"


def test_size_limit_is_configurable_and_named(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(seed_text * 80, encoding="utf-8")  # about 1.7 MB
    result = subprocess.run(
        [sys.executable, "-m", "citegraph.cli", "extract", "--max-size", "1", str(path)], capture_output=True,
        text=True, cwd=ROOT, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"citegraph: error: {path}: is larger than the size limit of 1 MB (change it with --max-size)\n"
    )


def test_zip_bomb_limit_follows_max_size(tmp_path: Path) -> None:
    """The unpacked budget is 4 x --max-size: a 9 MB body is refused under 2 MB and read under 3 MB."""
    path = _bomb(tmp_path / "spaces.docx", 9)
    with pytest.raises(InputError) as caught:
        read_source(path, max_bytes=2 * MB)
    assert caught.value.reason.startswith("would unpack to more than 8 MB, 4 times the size limit of 2 MB")
    with pytest.raises(InputError, match="the file is empty"):  # inflated and read: only spaces
        read_source(path, max_bytes=3 * MB)


# --- the XML parser alone: even without the DTD refusal, entities are never expanded -------------


def test_parser_does_not_fetch_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    xml = f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]><r>a&x;b</r>'.encode()
    root = etree.fromstring(xml, SAFE_XML_PARSER)
    assert SECRET not in etree.tostring(root, encoding="unicode")
    assert root.text == "a"


def test_parser_does_not_expand_the_billion_laughs() -> None:
    started = time.perf_counter()
    try:
        root = etree.fromstring(f'<?xml version="1.0"?>{LAUGHS.replace("w:document", "r")}<r>&lol9;</r>'.encode(),
                                SAFE_XML_PARSER)
    except etree.XMLSyntaxError as err:  # libxml2 may also refuse the amplification outright
        assert "amplification" in str(err) or "loop" in str(err)
    else:
        assert len(etree.tostring(root)) < 100
    assert time.perf_counter() - started < 1
