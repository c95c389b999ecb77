#!/usr/bin/env python3
"""Build citegraph/data/laws.csv: laws cited by name (Luật, Bộ luật, Pháp lệnh, Hiến pháp).

Inputs (read-only):
  registry-sample/national-registry.tsv  -- rows whose type is Luật / Bộ luật / Pháp lệnh / Hiến pháp
                                             and that have a usable title
  docs/vn-conventions.md §7.4              -- the table "Laws cited by name", transcribed in DOC_ROWS
                                             below; rows missing from the registry are added

Output: citegraph/data/laws.csv, UTF-8 (NFC), columns type,name,number,date,source,
sorted by name, date, type, number; one row per (type, name, year).

Usage: python3 scripts/build_laws.py [--registry PATH] [--docs PATH] [--out PATH]
Stdlib only.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REGISTRY = Path("/work/shared/registry-sample/national-registry.tsv")
DEFAULT_DOCS = Path("/work/shared/docs/vn-conventions.md")
DEFAULT_OUT = ROOT / "citegraph" / "data" / "laws.csv"

REGISTRY_SOURCE = "registry-sample/national-registry.tsv"
DOC_SOURCE = "docs/vn-conventions.md §7.4"
COLUMNS = ["type", "name", "number", "date", "source"]
MAX_NAME = 200

# Type word as it must be removed from the front of a title (case-insensitive).
TYPES = {
    "Luật": r"luật",
    "Bộ luật": r"bộ\s+luật",
    "Pháp lệnh": r"pháp\s+lệnh",
    "Hiến pháp": r"hiến\s+pháp",
}

# vn-conventions.md §7.4, one row per law (the "2015 / 2025" cells split in two).
# Dates are the passing dates given there; "eff." (effective) dates and year-only cells are not
# passing dates and are left empty. 87/2025/QH15 appears in §7.4 only as the amendment of
# 64/2025/QH15; its name is the standard amending-law name.
DOC_ROWS = [
    ("Luật", "Tiếp công dân", "42/2013/QH13", "2013-11-25"),
    ("Luật", "Khiếu nại", "02/2011/QH13", "2011-11-11"),
    ("Luật", "Tố cáo", "25/2018/QH14", ""),
    ("Luật", "Phòng, chống tham nhũng", "36/2018/QH14", ""),
    ("Luật", "Thực hiện dân chủ ở cơ sở", "10/2022/QH15", "2022-11-10"),
    ("Luật", "Tổ chức Chính phủ", "76/2015/QH13", "2015-06-19"),
    ("Luật", "Tổ chức Chính phủ", "63/2025/QH15", ""),
    ("Luật", "Tổ chức chính quyền địa phương", "77/2015/QH13", "2015-06-19"),
    ("Luật", "Tổ chức chính quyền địa phương", "72/2025/QH15", "2025-06-16"),
    ("Luật", "Ban hành văn bản quy phạm pháp luật", "80/2015/QH13", "2015-06-22"),
    ("Luật", "Ban hành văn bản quy phạm pháp luật", "64/2025/QH15", "2025-02-19"),
    ("Luật", "Sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
     "63/2020/QH14", ""),
    ("Luật", "Sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
     "87/2025/QH15", "2025-06-25"),
    ("Luật", "Cán bộ, công chức", "80/2025/QH15", "2025-06-24"),
    ("Luật", "Thanh tra", "11/2022/QH15", ""),
    ("Luật", "Thanh tra", "84/2025/QH15", ""),
    ("Luật", "Đất đai", "31/2024/QH15", "2024-01-18"),
    ("Luật", "Lưu trữ", "01/2011/QH13", ""),
    ("Luật", "Lưu trữ", "33/2024/QH15", "2024-06-21"),
    ("Luật", "Ngân sách nhà nước", "89/2025/QH15", "2025-06-25"),
    ("Bộ luật", "Lao động", "45/2019/QH14", ""),
    ("Luật", "Mặt trận Tổ quốc Việt Nam", "75/2015/QH13", ""),
    ("Luật", "Các tổ chức tín dụng", "47/2010/QH12", "2010-06-16"),
    ("Luật", "Thương mại", "36/2005/QH11", "2005-06-14"),
    ("Luật", "An ninh mạng", "24/2018/QH14", ""),
    ("Luật", "Đầu tư công", "39/2019/QH14", "2019-06-13"),
    ("Luật", "Doanh nghiệp", "59/2020/QH14", ""),
    ("Luật", "Tiếp cận thông tin", "104/2016/QH13", ""),
    ("Luật", "Khoa học, công nghệ và đổi mới sáng tạo", "93/2025/QH15", "2025-06-27"),
]
# "Hiến pháp năm 2013" (§7.4 gives no number or date): name kept as "Hiến pháp" (an empty name
# is not allowed), date and source as the lead specified.
CONSTITUTION = {
    "type": "Hiến pháp",
    "name": "Hiến pháp",
    "number": "",
    "date": "2013-11-28",
    "source": "Hiến pháp nước CHXHCN Việt Nam, Quốc hội thông qua 28/11/2013",
}

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d\d)/")
TRAILING_YEAR = re.compile(r"\s+năm\s+\d{4}\s*$", re.IGNORECASE)
TRAILING_NUMBER = re.compile(r"\s+số\s+\S*\d\S*\s*$", re.IGNORECASE)
TRAILING_PUNCT = re.compile(r"[\s.,;:]+$")
# "Luật Luât Dân quân tự vệ" (48/2019/QH14): a repeated, misspelled type word.
REPEATED_TYPO = re.compile(r"^luât\s+", re.IGNORECASE)
LEADING_VE = re.compile(r"^về\s+", re.IGNORECASE)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s or "")


def is_amending(name: str) -> bool:
    return name.lower().startswith("sửa đổi")


def clean_name(type_: str, title: str, notes: list[str]) -> str:
    """Title -> name as cited after the type word."""
    t = re.sub(r"\s+", " ", nfc(title)).strip()
    m = re.match(r"^" + TYPES[type_] + r"(?:\s+|$)", t, re.IGNORECASE)
    if not m:
        notes.append(f"title does not start with '{type_}': {t!r}")
        return ""
    name = t[m.end():]
    if REPEATED_TYPO.match(name):
        notes.append(f"repeated misspelled type word removed: {t!r}")
        name = REPEATED_TYPO.sub("", name)
    if LEADING_VE.match(name):
        # "Pháp lệnh Về thực hiện dân chủ ở xã, phường, thị trấn": cited without "về"
        notes.append(f"leading 'về' removed: {t!r}")
        name = LEADING_VE.sub("", name)
    if is_amending(name):
        # amending laws keep their full name (a trailing "số …"/"năm …" names the amended law)
        name = TRAILING_PUNCT.sub("", name)
    else:
        prev = None
        while prev != name:
            prev = name
            name = TRAILING_PUNCT.sub("", name)
            name = TRAILING_YEAR.sub("", name)
            name = TRAILING_NUMBER.sub("", name)
    name = re.sub(r"\s+", " ", name).strip()
    if name:
        name = name[0].upper() + name[1:]
    return name


def year_of(row: dict) -> str:
    if row["date"]:
        return row["date"][:4]
    m = YEAR_IN_NUMBER.search(row["number"])
    if m:
        return m.group(1)
    m = re.search(r"năm (\d{4})", row["name"])
    return m.group(1) if m else ""


def first_source(src: str) -> str:
    return nfc(src).split("; ")[0].strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--registry", type=Path, default=DEFAULT_REGISTRY)
    ap.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    counts: dict[str, int] = {}

    def bump(k: str, n: int = 1) -> None:
        counts[k] = counts.get(k, 0) + n

    notes: list[str] = []
    rows: list[dict] = []
    lower_first: list[str] = []

    with args.registry.open(encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f, delimiter="\t"):
            type_ = nfc(rec["type"]).strip()
            if type_ not in TYPES:
                continue
            bump(f"registry {type_}")
            title = nfc(rec["title"]).strip()
            if not title:
                bump("dropped: no title")
                continue
            name = clean_name(type_, title, notes)
            if not name:
                bump("dropped: empty name")
                continue
            if len(name) > MAX_NAME:
                bump("dropped: name > 200 chars")
                notes.append(f"dropped (name {len(name)} chars): {rec['number']} {title[:80]}…")
                continue
            raw_after = re.sub(r"^" + TYPES[type_] + r"\s+", "", title, flags=re.IGNORECASE)
            if raw_after[:1].islower():
                lower_first.append(f"{rec['number']}: {title}")
            date = nfc(rec["date"]).strip()
            if date and not ISO_DATE.match(date):
                notes.append(f"non-ISO date dropped: {rec['number']} {date!r}")
                date = ""
            src = REGISTRY_SOURCE
            if rec.get("source"):
                src += "; " + first_source(rec["source"])
            rows.append({"type": type_, "name": name, "number": nfc(rec["number"]).strip(),
                         "date": date, "source": src})
            bump("from registry")

    # vn-conventions.md §7.4: check the transcription is still in the document, then add rows
    # whose number (or type+name+year) the registry rows lack.
    doc_text = nfc(args.docs.read_text(encoding="utf-8")) if args.docs.exists() else ""
    sec = doc_text.split("### 7.4", 1)[-1].split("\n## ", 1)[0] if doc_text else ""
    by_number = {r["number"]: r for r in rows if r["number"]}
    keys = {(r["type"], r["name"], year_of(r)) for r in rows}
    for type_, name, number, date in DOC_ROWS:
        if sec and number not in sec:
            notes.append(f"§7.4 no longer mentions {number} ({type_} {name})")
        have = by_number.get(number)
        if have:
            if date and have["date"] and have["date"] != date:
                notes.append(f"date differs for {number}: registry {have['date']}, §7.4 {date}")
            if have["name"].lower() != name.lower():
                notes.append(f"name differs for {number}: registry {have['name']!r}, §7.4 {name!r}")
            if date and not have["date"]:
                have["date"] = date
                have["source"] += f"; date from {DOC_SOURCE}"
            bump("§7.4 already in registry")
            continue
        row = {"type": type_, "name": name, "number": number, "date": date, "source": DOC_SOURCE}
        if (type_, name, year_of(row)) in keys:
            bump("§7.4 already in registry")
            continue
        rows.append(row)
        keys.add((type_, name, year_of(row)))
        by_number[number] = row
        bump("added from §7.4")
    rows.append(dict(CONSTITUTION))
    bump("added from §7.4")  # Hiến pháp 2013

    # One row per (type, name, year): prefer a dated row, then a registry row, then the lower number.
    best: dict[tuple, dict] = {}
    for r in rows:
        k = (r["type"], r["name"], year_of(r))
        cand = best.get(k)
        rank = (not r["date"], r["source"].startswith("docs/"), r["number"])
        if cand is None or rank < (not cand["date"], cand["source"].startswith("docs/"), cand["number"]):
            if cand is not None:
                notes.append(f"duplicate {k}: kept {r['number']}, dropped {cand['number']}")
            best[k] = r
        else:
            notes.append(f"duplicate {k}: kept {cand['number']}, dropped {r['number']}")
        if cand is not None:
            bump("dropped: duplicate (type, name, year)")
    out = sorted(best.values(), key=lambda r: (r["name"], r["date"], r["type"], r["number"]))

    numbers = [r["number"] for r in out if r["number"]]
    dupnums = sorted({n for n in numbers if numbers.count(n) > 1})
    if dupnums:
        notes.append(f"number used by more than one row: {dupnums}")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in out:
            w.writerow({c: nfc(r[c]) for c in COLUMNS})

    for k in sorted(counts):
        print(f"{k}: {counts[k]}")
    by_type: dict[str, int] = {}
    for r in out:
        by_type[r["type"]] = by_type.get(r["type"], 0) + 1
    print("written:", len(out), "rows", dict(sorted(by_type.items())), "->", args.out)
    print(f"titles whose first word after the type word was lower-case (capitalised): {len(lower_first)}")
    for s in lower_first:
        print("  ", s)
    for n in notes:
        print("note:", n, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
