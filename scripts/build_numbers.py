"""Build corpus/registry/numbers.tsv: every distinct (number, date) of the three real registers.

    python scripts/build_numbers.py

tests/test_registry_numbers.py parses every number of the file. Values that are not document numbers
(empty, a bare ordinal, a number cut off after a separator) are skipped and listed on standard output;
dates are turned into ISO form. The output is sorted, so a rebuild gives the same file.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

REGISTRY = Path(__file__).resolve().parent.parent / "corpus" / "registry"


@dataclass(frozen=True)
class Register:
    file: str
    delimiter: str
    number_column: str
    date_column: str | None


REGISTERS = (
    Register("binhduong_van-ban-chi-dao-dieu-hanh_2014-2022_first3000.csv", ",", "so_ky_hieu", "ngay_ban_hanh"),
    Register("tnt305_legal-library-pages_metadata_282.tsv", "\t", "Số hiệu", "Ngày ban hành"),
    Register("hrmaster_congbao-8-topics_index_418.tsv", "\t", "so_hieu_from_text", None),
)


def why_not_a_number(number: str) -> str | None:
    """The reason a register value is not a document number, or None."""
    if not number:
        return "empty number"
    if not re.search(r"\d", number) or not re.search(r"[A-Za-zĐđÐ]", number):
        return "no issuer/type code (bare number)"
    if re.search(r"[-/.]$", number):
        return "truncated (ends with separator)"
    return None


def iso_date(written: str) -> str:
    """`21/11/2025` as `2025-11-21`; anything else is kept as written."""
    try:
        return dt.datetime.strptime(written.strip(), "%d/%m/%Y").date().isoformat()
    except ValueError:
        return written.strip()


def read(register: Register, pairs: dict[tuple[str, str], set[str]], skipped: list[str]) -> None:
    with (REGISTRY / register.file).open(encoding="utf-8", newline="") as stream:
        for row_number, row in enumerate(csv.DictReader(stream, delimiter=register.delimiter), start=1):
            number = row[register.number_column].strip()
            reason = why_not_a_number(number)
            if reason:
                skipped.append(f"{register.file} row {row_number} {number!r}: {reason}")
                continue
            date = iso_date(row[register.date_column]) if register.date_column and row[register.date_column] else ""
            pairs.setdefault((number, date), set()).add(register.file)


def main() -> None:
    pairs: dict[tuple[str, str], set[str]] = {}
    skipped: list[str] = []
    for register in REGISTERS:
        read(register, pairs, skipped)
    with (REGISTRY / "numbers.tsv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
        writer.writerow(["number", "date", "file"])
        for (number, date), files in sorted(pairs.items()):
            writer.writerow([number, date, ";".join(sorted(files))])
    print(f"{len(pairs)} distinct (number, date) pairs, {len({number for number, _ in pairs})} distinct numbers")
    print(f"skipped {len(skipped)}:", *skipped, sep="\n  ")


if __name__ == "__main__":
    main()
