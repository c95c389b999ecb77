"""The place and date in a document's header (`Hà Nội, ngày 5 tháng 3 năm 2025`)."""

from __future__ import annotations

import pytest

from citegraph.outline import outline

HEADER = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 12/KH-UBND\n{line}\nKẾ HOẠCH\nTriển khai công tác năm 2025\n"


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("Hà Nội, ngày 05 tháng 3 năm 2025", "Hà Nội", "2025-03-05"),
        ("Thành phố Hồ Chí Minh, ngày 1 tháng 12 năm 2025", "Thành phố Hồ Chí Minh", "2025-12-01"),
        # The place's first word is capitalised: not `UBND`, nor a word glued to a slash.
        ("UBND Hà Nội, ngày 5 tháng 3 năm 2025", "Hà Nội", "2025-03-05"),
        ("TP. Đà Nẵng, ngày 5 tháng 3 năm 2025", "Đà Nẵng", "2025-03-05"),
        ("tại huyện, ngày 5 tháng 3 năm 2025", None, "2025-03-05"),
        ("12/Hà, ngày 5 tháng 3 năm 2025", None, "2025-03-05"),
        ("Hà Nội, ngày … tháng … năm 2025", "Hà Nội", None),
    ],
)
def test_place_and_date_of_the_header(line: str, place: str | None, date: str | None) -> None:
    header = outline(HEADER.format(line=line)).header
    assert (header.place, header.date) == (place, date)
