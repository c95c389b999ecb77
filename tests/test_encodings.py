"""Old Vietnamese encodings: the TCVN3 and VNI tables, their detection, Windows-1258 and mojibake.

The encoders here are written from the tables' documented meaning (byte = letter; VNI: vowel byte, then a
marks byte), independently of citegraph/encodings.py, so a round trip checks the decoder against the data.
"""

from __future__ import annotations

import tomllib
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citegraph import encodings
from citegraph.encoding_signs import needs_repair

from .conftest import CORPUS, ROOT

DATA = ROOT / "citegraph" / "data"
TCVN3 = tomllib.loads((DATA / "tcvn3.toml").read_text(encoding="utf-8"))
VNI = tomllib.loads((DATA / "vni.toml").read_text(encoding="utf-8"))
MARKS = {"grave": "\u0300", "acute": "\u0301", "circumflex": "\u0302", "tilde": "\u0303", "breve": "\u0306",
         "hook": "\u0309", "dot": "\u0323"}
TONES = "\u0300\u0301\u0303\u0309\u0323"

# Real lines as old systems stored them, with what they say (the national motto and a decision's heading).
TCVN3_LINES = [
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("QUYÕT §ÞNH", "QUYẾT ĐỊNH"),
    ("VÒ viÖc ban hµnh Quy chÕ lµm viÖc", "Về việc ban hành Quy chế làm việc"),
    ("C¨n cø LuËt Tæ chøc chÝnh quyÒn ®Þa ph­¬ng ngµy 19 th¸ng 6 n¨m 2015;",
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
    ("Uû ban nh©n d©n tØnh", "Uỷ ban nhân dân tỉnh"),
]
VNI_LINES = [
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("QUYEÁT ÑÒNH", "QUYẾT ĐỊNH"),
    ("Veà vieäc ban haønh Quy cheá laøm vieäc", "Về việc ban hành Quy chế làm việc"),
    ("Caên cöù Luaät Toå chöùc chính quyeàn ñòa phöông ngaøy 19 thaùng 6 naêm 2015;",
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
    ("saün saøng, thaúng, ñaëc bieät, chæ ñaïo, Myõ", "sẵn sàng, thẳng, đặc biệt, chỉ đạo, Mỹ"),
]


def to_tcvn3(text: str) -> str:
    """Lowercase-font TCVN3, as the characters Word shows for it."""
    table = {letter: chr(int(code, 16)) for code, letter in TCVN3["bytes"].items()}
    return "".join(table.get(c, c) for c in text)


def to_vni(text: str) -> str:
    singles = {letter: chr(int(code, 16)) for code, letter in VNI["letters"].items()}
    marks = {"".join(MARKS[n] for n in names): chr(int(code, 16)) for code, names in VNI["marks"].items()
             if int(code, 16) >= 0xE0}
    upper_marks = {"".join(MARKS[n] for n in names): chr(int(code, 16)) for code, names in VNI["marks"].items()
                   if int(code, 16) < 0xE0}
    out = []
    for c in text:
        if c in singles or c in "íìÍÌ":
            out.append(singles.get(c, c))
            continue
        base, *combining = unicodedata.normalize("NFD", c)
        if not combining:
            out.append(c)
            continue
        shape = "".join(m for m in combining if m in "\u0302\u0306")
        tone = "".join(m for m in combining if m in TONES)
        if base.lower() in "ou" and "\u031b" in combining:  # ơ, ư (horn) are one byte, then the tone
            out.append(singles[unicodedata.normalize("NFC", base + "\u031b")])
            shape = ""
        else:
            out.append(base)
        key = shape + tone
        if key:
            out.append((upper_marks if base.isupper() else marks)[key])
    return "".join(out)


def to_windows_1258(text: str) -> bytes:
    """Windows-1258 spelling: letters with a shape (ă, ê, ơ ...) precomposed, the tone as a combining mark."""
    out = b""
    for c in text:
        parts = unicodedata.normalize("NFD", c)
        tone = "".join(m for m in parts if m in TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in TONES))
        out += base.encode("cp1258") + tone.encode("cp1258")
    return out


# --- the tables ----------------------------------------------------------------------------------


def test_tcvn3_table_is_vn3_67_lowercase_and_7_capitals() -> None:
    letters = list(TCVN3["bytes"].values())
    assert len(letters) == len(set(letters)) == 74
    assert sum(letter.islower() for letter in letters) == 67
    assert sorted(letter for letter in letters if letter.isupper()) == sorted("ĂÂÊÔƠƯĐ")
    assert all(0xA1 <= int(code, 16) <= 0xFE for code in TCVN3["bytes"])


def test_vni_table_spells_every_vietnamese_letter() -> None:
    """All 134 lowercase and capital letters with marks come back from their VNI spelling."""
    bases = "aăâeêioôơuưy"
    letters = {unicodedata.normalize("NFC", b + t) for b in bases for t in ("", *TONES)} | {"đ"}
    letters = (letters - set("aeiouy")) | {c.upper() for c in letters - set("aeiouy")}
    assert len(letters) == 134
    for letter in letters:
        assert encodings.FONT_ENCODINGS[1].convert(to_vni(letter)) == letter, letter


@pytest.mark.parametrize(("stored", "meant"), TCVN3_LINES)
def test_tcvn3_real_lines(stored: str, meant: str) -> None:
    assert encodings.FONT_ENCODINGS[0].convert(stored) == meant


@pytest.mark.parametrize(("stored", "meant"), VNI_LINES)
def test_vni_real_lines(stored: str, meant: str) -> None:
    assert encodings.FONT_ENCODINGS[1].convert(stored) == meant


SYLLABLES = st.sampled_from(
    "quyết định số căn cứ luật tổ chức chính quyền địa phương ngày tháng năm ủy ban nhân dân tỉnh về việc "
    "thực hiện kế hoạch chỉ thị nghị quyết thông tư hướng dẫn sẵn sàng thẳng đặc biệt mỹ kỹ thuật người được "
    "những ưu tiên ổn định nhiễu loạn khuyến khích quốc hội trưởng phòng".split()
)
SENTENCES = st.lists(SYLLABLES, min_size=1, max_size=30).map(" ".join)


@settings(max_examples=200)
@given(SENTENCES)
def test_tcvn3_round_trip(text: str) -> None:
    assert encodings.FONT_ENCODINGS[0].convert(to_tcvn3(text)) == text


@settings(max_examples=200)
@given(SENTENCES, st.sampled_from([str.lower, str.upper, str.title]))
def test_vni_round_trip(text: str, case: object) -> None:
    text = case(text)  # type: ignore[operator]
    assert encodings.FONT_ENCODINGS[1].convert(to_vni(text)) == text


@settings(max_examples=100)
@given(SENTENCES.filter(lambda text: not text.isascii()))
def test_windows_1258_bytes_decode(text: str) -> None:
    decoded = encodings.decode_legacy(to_windows_1258(text))
    assert decoded is not None and decoded[1:] == ("windows-1258", "Windows-1258")
    assert unicodedata.normalize("NFC", decoded[0]) == text


# --- detection -----------------------------------------------------------------------------------


def test_tcvn3_is_detected_and_converted_with_a_note() -> None:
    stored = "\n".join(line for line, _ in TCVN3_LINES)
    text, notes = encodings.repair(stored)
    assert text == "\n".join(meant for _, meant in TCVN3_LINES)
    assert notes == ("6 lines in the old TCVN3 (ABC, .VnTime fonts) font encoding were converted to Unicode",)


def test_vni_is_detected_and_converted_with_a_note() -> None:
    stored = "\n".join(line for line, _ in VNI_LINES)
    text, notes = encodings.repair(stored)
    assert text == "\n".join(meant for _, meant in VNI_LINES)
    assert notes == ("6 lines in the old VNI (VNI-Times fonts) font encoding were converted to Unicode",)


def test_only_the_legacy_lines_of_a_mixed_text_are_converted() -> None:
    unicode_lines = ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Số: 12/QĐ-UBND"]
    stored = "\n".join(unicode_lines + [line for line, _ in TCVN3_LINES])
    text, _ = encodings.repair(stored)
    assert text.split("\n") == unicode_lines + [meant for _, meant in TCVN3_LINES]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "real").glob("*.txt")),
                         ids=lambda p: p.name[:12])
def test_unicode_corpus_is_left_alone(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    repaired, notes = encodings.repair(text)
    assert repaired == text
    assert all("decomposed" in note for note in notes)


@pytest.mark.parametrize(
    "text",
    [
        "Ceci est un texte français très ordinaire, à côté de l'église. Noël, façade, où, déjà vu.",
        "Căn cứ Luật số 1 © 2024 § 3 ® ¶ · « trích dẫn » — ghi chú",
        "Äpfel und Öl für Müller, Größe: groß; señor niño",
    ],
)
def test_latin_text_and_stray_symbols_are_not_converted(text: str) -> None:
    assert encodings.repair(text) == (text, ())


def test_non_vietnamese_bytes_are_not_guessed() -> None:
    assert encodings.decode_legacy("Ceci est un texte français très ordinaire, à côté".encode("cp1252")) is None
    assert encodings.decode_legacy(bytes(range(0x80, 0x100)) * 8) is None


@pytest.mark.parametrize(
    ("lines", "label", "name"),
    [(TCVN3_LINES, "tcvn3", "TCVN3 (ABC, .VnTime fonts)"), (VNI_LINES, "vni", "VNI (VNI-Times fonts)")],
)
def test_legacy_bytes_are_decoded(lines: list[tuple[str, str]], label: str, name: str) -> None:
    stored = "\n".join(line for line, _ in lines).encode("latin-1")
    assert encodings.decode_legacy(stored) == ("\n".join(meant for _, meant in lines), label, name)


# --- mojibake ------------------------------------------------------------------------------------


def test_mojibake_is_repaired_exactly() -> None:
    meant = "Quyết định số 59/2023/NĐ-CP của Chính phủ về việc\nđơn vị hành chính"
    garbled = "".join(encodings._WINDOWS_1252[b] for b in meant.encode("utf-8"))
    assert "Ä‘" in garbled
    text, notes = encodings.repair(garbled)
    assert text == meant
    assert len(notes) == 1 and notes[0].endswith("were repaired")


def test_mojibake_that_lost_bytes_is_reported_not_guessed() -> None:
    meant = "Người ký\nQuyết định về việc"
    garbled = meant.encode("utf-8").decode("cp1252", errors="replace")  # bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D lost
    text, notes = encodings.repair(garbled)
    assert "\ufffd" in text
    assert text.endswith("Quyết định vá»\ufffd việc")  # what could be decoded exactly is
    assert any(note.startswith("line 1 has garbled letters") for note in notes)


def test_nfd_text_gets_a_note_and_is_left_to_the_normaliser() -> None:
    text = unicodedata.normalize("NFD", "Quyết định")
    assert encodings.repair(text) == (text, ("some letters are stored decomposed (Unicode NFD); citegraph reads them composed",))


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("aăâđêôơưy AĐQ\n" + "".join(map(chr, range(0xA1, 0x100))) + "ảạễếụỹ\u0301")))
def test_a_text_without_a_sign_of_trouble_is_one_repair_leaves_alone(text: str) -> None:
    """The reader skips `repair` for such a text, so it must be one that repair returns unchanged, without a note."""
    if not needs_repair(text):
        assert encodings.repair(text) == (text, ())
