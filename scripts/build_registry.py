#!/usr/bin/env python3
"""Build the registry of known documents: corpus/registry/documents.tsv and relations.tsv.

Every row of documents.tsv holds the facts one source gives about one document, so the source of each
fact is the row's `source` (and `origin`, a short name the checker quotes in its messages). A document
several sources know has several rows; the checker prefers the surest. `confidence` grades the row's
identity facts (date, issuer, title), `status_confidence` its validity facts (status, expiry date,
replacement):

  verified    read in an official text: a header of a real document in corpus/ (extracted by citegraph
              and reviewed by hand), or a fact vn-conventions.md states from a primary source
  derived     parsed from a compilation or register by a program (the national registry sample, the
              province's register, a legal library's metadata), or stated from a secondary source
  unverified  marked UNCONFIRMED in vn-conventions.md, or sources that contradict each other

Inputs (read-only): ../shared/registry-sample/{national-registry,national-relations}.tsv (see its
README for what is derived and where it is weak), the three registers copied in corpus/registry/, the
real documents in corpus/real/, and the central documents and replacements of vn-conventions.md
(transcribed below with their section). Each row's key is citegraph's own document key, computed by
the extractor's number parser, so a citation finds its row by its key.

Usage: python scripts/build_registry.py [--shared PATH] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citegraph.extract import NUMBER_RE, OLD_NUMBER_RE, parse_number  # noqa: E402
from citegraph.knowledge import clean, load  # noqa: E402
from citegraph.pipeline import extract_paths  # noqa: E402
from citegraph.read import InputError  # noqa: E402
from citegraph.resolve import document_key  # noqa: E402

OUT = ROOT / "corpus" / "registry"
COLUMNS = [
    "key", "number", "type", "date", "issuer", "locality", "title", "status", "effective_date",
    "expiry_date", "replaced_by", "confidence", "status_confidence", "origin", "source",
]
RELATION_COLUMNS = ["from_number", "relation", "to_number", "source"]
CONVENTIONS = "shared/docs/vn-conventions.md"
WHOLE = "Hết hiệu lực toàn bộ"
CONTRADICTED = "Chưa xác định (nguồn mâu thuẫn)"
YEAR_IN_NUMBER = re.compile(r"/(?:19|20)\d\d/")

# Headers of the real documents, reviewed by reading each file's header block (and, for pages from a
# legal library, its metadata table). Local documents name their province: their numbers recur in
# every province, so the checker matches them only to a citation that names the same place.
# file stem prefix: (number, type, date, issuer, locality, title)
REVIEWED_HEADERS = {
    "A01": ("294-QĐ/TW", "Quy định", "2025-05-26", "Ban Chấp hành Trung ương", "", "Thi hành Điều lệ Đảng"),
    "A02": ("06-HD/TW", "Hướng dẫn", "2025-06-09", "Ban Bí thư", "",
            "Một số vấn đề cụ thể thi hành Điều lệ Đảng"),
    "A03": ("38-HD/BTCTW", "Hướng dẫn", "2025-09-29", "Ban Tổ chức Trung ương", "",
            "Nghiệp vụ công tác đảng viên"),
    "A06": ("221-KL/TW", "Kết luận", "2025-11-28", "Bộ Chính trị, Ban Bí thư", "",
            "Về tình hình, kết quả hoạt động của bộ máy hệ thống chính trị và chính quyền địa phương 2 cấp"),
    "A07": ("432-TB/VPTW", "Thông báo", "2025-11-26", "Văn phòng Trung ương Đảng", "", ""),
    "A08": ("980/KH-UBND", "Kế hoạch", "2025-11-18", "Ủy ban nhân dân tỉnh Nghệ An", "Nghệ An",
            "Thực hiện Quyết định số 1899/QĐ-TTg ngày 04/9/2025 của Thủ tướng Chính phủ ban hành Kế hoạch "
            "triển khai thi hành Nghị định quy định chi tiết một số điều của Luật Phòng thủ dân sự"),
    "A09": ("4001/UBND-ĐT", "Công văn", "2025-11-24", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "Hồ Chí Minh", ""),
    "A10": ("2284/QĐ-UBND", "Quyết định", "2025-11-25", "Ủy ban nhân dân tỉnh Lâm Đồng", "Lâm Đồng",
            "Về việc công nhận xã, phường miền núi trên địa bàn tỉnh Lâm Đồng"),
    "A11": ("51/2025/NQ-HĐND", "Nghị quyết", "2025-11-26", "Hội đồng nhân dân Thành phố Hà Nội", "Hà Nội",
            "Về việc bố trí lực lượng và chế độ chính sách cho nhân viên chăn nuôi thú y các xã, phường "
            "trên địa bàn Thành phố Hà Nội"),
    "A12": ("224/CĐ-TTg", "Công điện", "2025-11-20", "Thủ tướng Chính phủ", "",
            "Về việc khẩn trương chuẩn bị tổ chức lễ khánh thành, khởi công các dự án, công trình quy mô "
            "lớn, ý nghĩa chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"),
    "A13": ("171/CV-BCĐ", "Công văn", "2025-11-21",
            "Ban Chỉ đạo sắp xếp đơn vị hành chính các cấp và xây dựng mô hình tổ chức chính quyền địa "
            "phương 02 cấp", "", ""),
    "A14": ("2015/QĐ-UBND", "Quyết định", "2025-11-18", "Ủy ban nhân dân tỉnh An Giang", "An Giang",
            "Về việc công bố danh mục thủ tục hành chính được sửa đổi, bổ sung, bãi bỏ lĩnh vực đấu thầu "
            "thuộc phạm vi chức năng quản lý của Sở Tài chính tỉnh An Giang"),
    "A18": ("5973/UBND-KT", "Công văn", "2026-06-11", "Ủy ban nhân dân tỉnh Lào Cai", "Lào Cai", ""),
    "A19": ("11/2026/QĐ-UBND", "Quyết định", "2026-01-29", "Ủy ban nhân dân tỉnh Lào Cai", "Lào Cai",
            "Ban hành Quy định một số nội dung về quản lý đầu tư và xây dựng trên địa bàn tỉnh Lào Cai"),
    "A21": ("32/2024/NĐ-CP", "Nghị định", "2024-03-15", "Chính phủ", "", "Về quản lý, phát triển cụm công nghiệp"),
    "A22": ("07/CT-TTg", "Chỉ thị", "2012-03-02", "Thủ tướng Chính phủ", "",
            "Về việc chấn chỉnh công tác quản lý và nâng cao hiệu quả hoạt động của các khu kinh tế, "
            "khu công nghiệp, cụm công nghiệp"),
    "A23": ("113/NQ-CP", "Nghị quyết", "2026-04-25", "Chính phủ", "",
            "Về thanh toán các chi phí khám bệnh, chữa bệnh bảo hiểm y tế vượt dự toán, vượt tổng mức "
            "thanh toán giai đoạn năm 2018 - 2022"),
    "A24": ("21/CT-TTg", "Chỉ thị", "2026-05-20", "Thủ tướng Chính phủ", "",
            "Về việc sắp xếp thôn, tổ dân phố và bố trí, sử dụng, chế độ, chính sách đối với người hoạt động "
            "không chuyên trách ở cấp xã, ở thôn, tổ dân phố"),
    "A25": ("01/2025/TT-BLĐTBXH", "Thông tư", "2025-01-10", "Bộ Lao động - Thương binh và Xã hội", "",
            "Quy định mức điều chỉnh tiền lương và thu nhập tháng đã đóng bảo hiểm xã hội"),
    "A26": ("435/QĐ-UBND", "Quyết định", "2020-05-04", "Ủy ban nhân dân tỉnh Kon Tum", "Kon Tum", ""),
}

# Central documents and replacements stated in vn-conventions.md, with the section that states them.
# (number, type, date, issuer, title, confidence, [expiry, replaced_by, status_confidence], section)
CONVENTION_DOCUMENTS: list[tuple[str, ...]] = [
    ("30/2020/NĐ-CP", "Nghị định", "2020-03-05", "Chính phủ", "về công tác văn thư", "verified", "", "", "", "§0 S1, §7.2"),
    ("34/2016/NĐ-CP", "Nghị định", "", "Chính phủ", "", "verified", "2025-04-01", "78/2025/NĐ-CP", "unverified",
     "§2.1, §6 E18 (replacement UNCONFIRMED)"),
    ("78/2025/NĐ-CP", "Nghị định", "2025-04-01", "Chính phủ", "", "derived", "", "", "", "§2.1 (S4, secondary)"),
    ("80/2015/QH13", "Luật", "2015-06-22", "Quốc hội", "Luật Ban hành văn bản quy phạm pháp luật", "verified",
     "2025-04-01", "64/2025/QH15", "verified", "§2.1, §6 E18 (S2, S4, S5)"),
    ("64/2025/QH15", "Luật", "2025-02-19", "Quốc hội", "Luật Ban hành văn bản quy phạm pháp luật", "verified",
     "", "", "", "§2.1 (S5)"),
    ("87/2025/QH15", "Luật", "2025-06-25", "Quốc hội",
     "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật", "derived", "", "", "",
     "§2.1 (S6, secondary)"),
    ("176/2025/QH15", "Nghị quyết", "2025-02-18", "Quốc hội",
     "về cơ cấu tổ chức của Chính phủ nhiệm kỳ Quốc hội khóa XV", "verified", "", "", "", "§0 S15, §2.4"),
    ("08/2021/QH15", "Nghị quyết", "2021-07-23", "Quốc hội", "", "derived", "", "", "", "§4.1"),
    ("36-HD/VPTW", "Hướng dẫn", "2018-04-03", "Văn phòng Trung ương Đảng",
     "thể thức và kỹ thuật trình bày văn bản của Đảng", "verified", "2026-05-27", "05-HD/VPTW", "unverified",
     "§3.1, §6 E18 (S7; replacement per S12, UNCONFIRMED)"),
    ("05-HD/VPTW", "Hướng dẫn", "2026-05-27", "Văn phòng Trung ương Đảng", "", "derived", "", "", "",
     "§3.1 (S12, secondary)"),
    ("66-QĐ/TW", "Quy định", "2017-02-06", "Ban Bí thư",
     "về thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng", "verified", "2026-01-09", "399-QĐ/TW",
     "verified", "§3.1, §6 E18 (S8, S9)"),
    ("399-QĐ/TW", "Quy định", "2026-01-09", "Ban Bí thư",
     "về thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng", "verified", "", "", "", "§3.1 (S9)"),
    ("31-QĐ/TW", "Quyết định", "1997-10-01", "Bộ Chính trị", "", "verified", "", "", "", "§3.1 (S10)"),
    ("91-QĐ/TW", "Quyết định", "2004-02-16", "Ban Bí thư", "", "verified", "", "", "", "§3.1 (S10)"),
    ("01-HD/VPTW", "Hướng dẫn", "1998-02-02", "Văn phòng Trung ương Đảng", "", "verified", "", "", "", "§3.1 (S10)"),
    ("11-HD/VPTW", "Hướng dẫn", "2004-05-28", "Văn phòng Trung ương Đảng", "", "verified", "", "", "", "§3.1 (S10)"),
    ("18-NQ/TW", "Nghị quyết", "2017-10-25", "Ban Chấp hành Trung ương", "", "verified", "", "", "", "§3.2"),
    ("18-NQ/TW", "Nghị quyết", "2022-06-16", "Ban Chấp hành Trung ương", "", "verified", "", "", "", "§3.2"),
    ("57-NQ/TW", "Nghị quyết", "2024-12-22", "Bộ Chính trị", "", "verified", "", "", "", "§3.3"),
    ("21-KL/TW", "Kết luận", "2021-10-25", "", "", "verified", "", "", "", "§3.3"),
    ("160-KL/TW", "Kết luận", "2025-05-31", "", "", "verified", "", "", "", "§3.3"),
    ("205-QĐ/TW", "Quy định", "2019-09-23", "", "", "verified", "", "", "", "§3.3"),
    ("22-QĐ/TW", "Quy định", "2021-07-28", "", "", "verified", "", "", "", "§3.3"),
    ("08-QĐi/TW", "Quy định", "2018-10-25", "Ban Chấp hành Trung ương", "", "verified", "", "", "", "§3.3"),
    ("847-NQ/QUTW", "Nghị quyết", "2021-12-28", "Quân ủy Trung ương", "", "verified", "", "", "", "§3.4"),
    ("1147-QĐ/BTGDVTW", "Quyết định", "2025-12-01", "Ban Tuyên giáo và Dân vận Trung ương", "", "verified",
     "", "", "", "§3.4"),
    ("10/2022/QH15", "Luật", "2022-11-10", "Quốc hội", "Luật Thực hiện dân chủ ở cơ sở", "verified", "", "", "",
     "§7.4 (S17)"),
    ("34/2007/PL-UBTVQH11", "Pháp lệnh", "2007-04-20", "Ủy ban Thường vụ Quốc hội",
     "Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn", "derived", "2023-07-01", "10/2022/QH15", "verified",
     "§2.2, §6 E18 (S17)"),
    ("59/2023/NĐ-CP", "Nghị định", "2023-08-14", "Chính phủ",
     "quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở", "verified", "", "", "", "§7.4 (S17)"),
    ("77/2015/QH13", "Luật", "2015-06-19", "Quốc hội", "Luật Tổ chức chính quyền địa phương", "verified",
     "2025-07-01", "72/2025/QH15", "unverified", "§6 E18, §7.4 (date of effect inferred from §2.2)"),
    ("72/2025/QH15", "Luật", "2025-06-16", "Quốc hội", "Luật Tổ chức chính quyền địa phương", "derived", "", "", "",
     "§7.4"),
    ("76/2015/QH13", "Luật", "2015-06-19", "Quốc hội", "Luật Tổ chức Chính phủ", "verified", "", "", "", "§7.4 (S1)"),
    ("63/2025/QH15", "Luật", "", "Quốc hội", "Luật Tổ chức Chính phủ", "derived", "", "", "", "§7.4, §7.2"),
    ("11/2022/QH15", "Luật", "", "Quốc hội", "Luật Thanh tra", "derived", "2025-07-01", "84/2025/QH15",
     "unverified", "§6 E18, §7.4 (secondary)"),
    ("01/2011/QH13", "Luật", "", "Quốc hội", "Luật Lưu trữ", "derived", "2025-07-01", "33/2024/QH15", "derived",
     "§6 E18, §7.4"),
    ("33/2024/QH15", "Luật", "2024-06-21", "Quốc hội", "Luật Lưu trữ", "derived", "", "", "", "§7.4"),
    ("22/2008/QH12", "Luật", "", "Quốc hội", "Luật Cán bộ, công chức", "derived", "2025-07-01", "80/2025/QH15",
     "unverified", "§7.4 (replacement UNCONFIRMED)"),
    ("80/2025/QH15", "Luật", "2025-06-24", "Quốc hội", "Luật Cán bộ, công chức", "derived", "", "", "", "§7.4"),
    ("42/2013/QH13", "Luật", "2013-11-25", "Quốc hội", "Luật Tiếp công dân", "derived", "", "", "", "§7.4"),
    ("02/2011/QH13", "Luật", "2011-11-11", "Quốc hội", "Luật Khiếu nại", "derived", "", "", "", "§7.4"),
    ("31/2024/QH15", "Luật", "2024-01-18", "Quốc hội", "Luật Đất đai", "derived", "", "", "", "§7.4"),
    ("89/2025/QH15", "Luật", "2025-06-25", "Quốc hội", "Luật Ngân sách nhà nước", "derived", "", "", "", "§7.4"),
    ("47/2010/QH12", "Luật", "2010-06-16", "Quốc hội", "Luật Các tổ chức tín dụng", "derived", "", "", "", "§7.4"),
    ("36/2005/QH11", "Luật", "2005-06-14", "Quốc hội", "Luật Thương mại", "derived", "", "", "", "§7.4"),
    ("39/2019/QH14", "Luật", "2019-06-13", "Quốc hội", "Luật Đầu tư công", "derived", "", "", "", "§7.4"),
    ("93/2025/QH15", "Luật", "2025-06-27", "Quốc hội", "Luật Khoa học, công nghệ và đổi mới sáng tạo", "derived",
     "", "", "", "§7.4"),
]


def key_of(number: str, date: str) -> str | None:
    """citegraph's key for a number and ISO date, or None when the number does not parse."""
    text = clean(number)
    match = NUMBER_RE.fullmatch(text) or OLD_NUMBER_RE.fullmatch(text)  # `73-CP`, `389-TTg` before 1997
    if not match:
        return None
    day = dt.date.fromisoformat(date) if date else None
    return document_key(parse_number(match, load()), day, None, load())


def iso(day_month_year: str) -> str:
    """`20/07/2022` -> `2022-07-20`; empty or unreadable -> empty."""
    try:
        return dt.datetime.strptime(day_month_year.strip(), "%d/%m/%Y").date().isoformat()
    except ValueError:
        return ""


def row(number: str, date: str, origin: str, source: str, **facts: str) -> dict[str, str] | None:
    key = key_of(number, date)
    if key is None:
        return None
    record = dict.fromkeys(COLUMNS, "")
    record.update(facts, key=key, number=clean(number), date=date, origin=origin, source=source)
    return record


def read_tsv(path: Path, delimiter: str = "\t") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter=delimiter))


def national(shared: Path) -> Iterator[dict[str, str] | None]:
    for r in read_tsv(shared / "national-registry.tsv"):
        status = r["status"]
        yield row(
            r["number"], r["date"], "national-registry", f"registry-sample/national-registry.tsv: {r['source']}",
            type=r["type"], issuer=r["issuer"], title=r["title"], status=status,
            effective_date=r["effective_date"], expiry_date=r["expiry_date"], replaced_by=clean(r["replaced_by"]),
            confidence="derived",
            status_confidence="unverified" if status == CONTRADICTED else (
                "derived" if status or r["expiry_date"] or r["replaced_by"] else ""
            ),
        )


def province(registers: Path) -> Iterator[dict[str, str] | None]:
    path = registers / "binhduong_van-ban-chi-dao-dieu-hanh_2014-2022_first3000.csv"
    for r in read_tsv(path, ","):
        number = " ".join(r["so_ky_hieu"].split())
        date = iso(r["ngay_ban_hanh"])
        if not number or not date:
            continue
        ubnd = number.split("/")[-1].split("-")[0] == "UBND" or "-UBND" in number
        yield row(
            number, date, "binhduong-register", f"corpus/registry/{path.name} row {r['']} ({r['pdf']})",
            issuer="Ủy ban nhân dân tỉnh Bình Dương" if ubnd else "", locality="Bình Dương",
            title=" ".join(r["trich_yeu"].split()), status=r["hieu_luc"], confidence="derived",
            status_confidence="derived" if r["hieu_luc"] else "",
        )


def library(registers: Path) -> Iterator[dict[str, str] | None]:
    path = registers / "tnt305_legal-library-pages_metadata_282.tsv"
    for r in read_tsv(path):
        place = r["Nơi ban hành"]
        local = place.startswith(("Tỉnh ", "Thành phố "))
        yield row(
            r["Số hiệu"], iso(r["Ngày ban hành"]), "legal-library-metadata",
            f"corpus/registry/{path.name}: tnt305/tai_lieu_noi_bo/{r['file']}@94c5034af72c",
            type=r["Loại văn bản"], issuer="" if local else place,
            locality=place.removeprefix("Tỉnh ").removeprefix("Thành phố ") if local else "",
            confidence="derived",
        )


def gazette(registers: Path) -> Iterator[dict[str, str] | None]:
    """Gazette index: number and type only; numbers without a year need a date for a key and are left out."""
    path = registers / "hrmaster_congbao-8-topics_index_418.tsv"
    for r in read_tsv(path):
        number = r["so_hieu_from_text"]
        if YEAR_IN_NUMBER.search(number):
            yield row(number, "", "gazette-index", f"corpus/registry/{path.name}: {r['nguon_url']}",
                      type=r["loai"], confidence="derived")


def headers() -> Iterator[dict[str, str] | None]:
    """Rows from the reviewed headers, after checking that citegraph reads the same number and date."""
    paths = sorted(str(p) for p in (ROOT / "corpus" / "real").glob("A*.txt"))
    for document in extract_paths(paths):
        if isinstance(document, InputError):
            raise SystemExit(str(document))
        stem = Path(document.source).name
        reviewed = REVIEWED_HEADERS.get(stem[:3])
        if reviewed is None:
            continue
        number, doc_type, date, issuer, locality, title = reviewed
        header = document.header
        if header.number and clean(header.number) != number:
            print(f"note: {stem}: citegraph reads the number {header.number}, reviewed {number}", file=sys.stderr)
        if header.date and header.date != date:
            print(f"note: {stem}: citegraph reads the date {header.date}, reviewed {date}", file=sys.stderr)
        yield row(
            number, date, "corpus-header", f"corpus/real/{stem} (header, extracted by citegraph and reviewed)",
            type=doc_type, issuer=issuer, locality=locality, title=title, confidence="verified",
        )


def conventions() -> Iterator[dict[str, str] | None]:
    for number, doc_type, date, issuer, title, confidence, expiry, replaced_by, status_conf, section in (
        CONVENTION_DOCUMENTS
    ):
        yield row(
            number, date, "vn-conventions", f"{CONVENTIONS} {section}", type=doc_type, issuer=issuer, title=title,
            confidence=confidence, expiry_date=expiry, replaced_by=replaced_by, status_confidence=status_conf,
            status=WHOLE if expiry else "",
        )


def relations(shared: Path) -> list[dict[str, str]]:
    rows = read_tsv(shared / "national-relations.tsv")
    return [
        {
            "from_number": clean(r["from_number"]), "relation": r["relation"], "to_number": clean(r["to_number"]),
            "source": f"registry-sample/national-relations.tsv: {r['source']}",
        }
        for r in rows
    ]


def write(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "registry-sample")
    parser.add_argument("--out", type=Path, default=OUT, help="directory for documents.tsv and relations.tsv")
    args = parser.parse_args()
    produced: list[dict[str, str]] = []
    skipped = 0
    for source in (headers(), conventions(), national(args.shared), province(OUT), library(OUT), gazette(OUT)):
        for record in source:
            if record is None:
                skipped += 1
            else:
                produced.append(record)
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for record in produced:
        identity = (record["key"], record["origin"], record["locality"])
        if identity not in seen:
            seen.add(identity)
            unique.append(record)
    unique.sort(key=lambda r: (r["key"], r["origin"]))
    write(args.out / "documents.tsv", COLUMNS, unique)
    links = relations(args.shared)
    write(args.out / "relations.tsv", RELATION_COLUMNS, links)
    print(f"documents.tsv: {len(unique)} rows ({skipped} numbers that do not parse, "
          f"{len(produced) - len(unique)} duplicates left out); relations.tsv: {len(links)} rows")


if __name__ == "__main__":
    main()
