"""Every document number in the real registers of corpus/registry parses as one citation.

numbers.tsv holds the 3,235 distinct (number, date) pairs of three real registers (a province's
register, a legal library's metadata, a gazette index). A number is normalised only for spacing
around its separators and for the look-alike Ð; a few register entries carry a suffix that is not
part of the number, and there the parser must stop at the end of the number.
"""

from __future__ import annotations

import csv

import regex

from citegraph.pipeline import extract_text

from .conftest import CORPUS

# Register entries with text after the number proper: (as registered, number citegraph reports).
IRREGULAR = {
    "109/UBND - VX": "109/UBND",  # a spaced dash before the unit code reads as prose
    "12/BCĐ (CAT-PC02)": "12/BCĐ",  # a parenthesised note after the number
    "140/BCĐ VĐ HMTN": "140/BCĐ",  # unit codes separated by spaces, not dashes
    "26/KH-BCĐ (138)": "26/KH-BCĐ",
    "1830 QĐ-UBND": "1830/QĐ-UBND",  # the slash was dropped; the parser restores it and reports it
}


def _registered_numbers() -> list[str]:
    with (CORPUS / "registry" / "numbers.tsv").open(encoding="utf-8", newline="") as stream:
        return [row["number"] for row in csv.DictReader(stream, delimiter="\t")]


def test_every_registered_number_parses() -> None:
    numbers = _registered_numbers()
    assert len(numbers) > 3000
    wrong = []
    for number in numbers:
        expected = IRREGULAR.get(number) or regex.sub(r"\s*([/-])\s*", r"\1", number).replace("Ð", "Đ")
        found = [c.number for c in extract_text(f"theo văn bản số {number};").citations]
        if found != [expected]:
            wrong.append((number, found))
    assert wrong == []
