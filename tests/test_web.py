"""The web page's routes through Flask's test client: upload, result, question, downloads, safety."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pytest
import rdflib
from flask.testing import FlaskClient

from citegraph.cli import main
from citegraph.web import create_app

from .conftest import SEED
from .drafts import seed_docx

RESTS_ON_59 = ["II.3", "III.3", "III.4"]


@pytest.fixture()
def uploads(tmp_path: Path) -> Path:
    folder = tmp_path / "uploads"
    folder.mkdir()
    return folder


@pytest.fixture()
def client(uploads: Path) -> FlaskClient:
    return create_app(upload_root=str(uploads)).test_client()


def send(client: FlaskClient, *files: tuple[bytes, str], pasted: str = ""):
    data = {"tep": [(io.BytesIO(content), name) for content, name in files], "van_ban": pasted}
    return client.post("/kiem-tra", data=data, content_type="multipart/form-data")


def page_of(client: FlaskClient, *files: tuple[bytes, str], pasted: str = "") -> tuple[str, str]:
    """The result page's address and HTML for an upload that is read."""
    response = send(client, *files, pasted=pasted)
    assert response.status_code == 303, response.get_data(as_text=True)
    address = response.headers["Location"]
    return address, client.get(address).get_data(as_text=True)


def seed() -> tuple[bytes, str]:
    return SEED.read_bytes(), "ke-hoach.txt"


def test_the_form_is_in_vietnamese_and_loads_nothing_from_elsewhere(client: FlaskClient) -> None:
    response = client.get("/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="vi">' in page and "Kéo thả tệp vào đây" in page and 'name="van_ban"' in page
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assets = re.findall(r'(?:href|src)="([^"#]+)"', page)
    assert assets and all(a.startswith("/") for a in assets)
    for asset in assets:
        if asset.startswith("/static/"):
            assert client.get(asset).status_code == 200


def test_the_seed_shows_its_problems_its_draft_note_and_every_citation(client: FlaskClient) -> None:
    _, page = page_of(client, seed())
    assert "2 vấn đề cần sửa trước khi ký" in page
    assert "Bản dự thảo chưa ký." in page and "Văn bản chưa có số hoặc ngày ban hành" in page
    assert page.count("Dấu ngoặc kép quanh trích yếu của") >= 2
    assert "Cách sửa: Thêm dấu ngoặc kép còn thiếu hoặc bỏ dấu thừa" in page
    statuses = re.findall(r'<a id="m1-\d+" href="#d-m1-\d+" class="cite (\w+)"', page)
    assert len(statuses) == 38  # 37 citations and the draft note's place
    assert statuses.count("warning") == 2 and statuses.count("info") == 1 and statuses.count("correct") == 35


def test_each_finding_links_to_its_mark_and_the_mark_to_its_details(client: FlaskClient) -> None:
    _, page = page_of(client, seed())
    targets = re.findall(r'<a class="goto" href="#(m1-\d+)">', page)
    assert len(targets) == 3
    for target in targets:
        assert f'<a id="{target}" href="#d-{target}"' in page
        assert f'<section class="detail" id="d-{target}">' in page
    assert "<dt>Số, ký hiệu</dt><dd>33/CT-TTg</dd>" in page and "<dt>Ngày ban hành</dt><dd>26/11/2021</dd>" in page


def test_items_are_listed_with_the_documents_they_rest_on(client: FlaskClient) -> None:
    _, page = page_of(client, seed())
    row = re.search(r'<td class="label">II.3</td>(.*?)</tr>', page, re.DOTALL)
    assert row and "Nghị định 59/2023/NĐ-CP" in row.group(1)


def test_which_items_rest_on_a_decree(client: FlaskClient) -> None:
    address, _ = page_of(client, seed())
    page = client.get(address, query_string={"hoi": "Nghị định 59/2023/NĐ-CP"}).get_data(as_text=True)
    answer = page[page.index('<div class="answer">'):]
    assert re.findall(r'<td class="label">([^<]+)</td>', answer) == RESTS_ON_59
    unknown = client.get(address, query_string={"hoi": "Nghị định 99/2099/NĐ-CP"}).get_data(as_text=True)
    assert "Không tệp nào đã gửi trích dẫn “Nghị định 99/2099/NĐ-CP”" in unknown


def test_the_question_spans_every_file_sent(client: FlaskClient) -> None:
    other = (SEED.read_text(encoding="utf-8") + "\nThực hiện Nghị định số 59/2023/NĐ-CP của Chính phủ.\n").encode()
    address, page = page_of(client, seed(), (other, "ke-hoach.txt"))
    assert "ke-hoach.txt (2)" in page
    answer = client.get(address, query_string={"hoi": "NĐ 59/2023"}).get_data(as_text=True)
    files = re.findall(r'<tr class="hit">\s*<td>([^<]+)</td>', answer)
    assert files.count("ke-hoach.txt") == len(RESTS_ON_59) and files.count("ke-hoach.txt (2)") >= len(RESTS_ON_59)


def test_downloads_json_sarif_turtle_and_picture(client: FlaskClient) -> None:
    address, _ = page_of(client, seed())
    report = json.loads(client.get(f"{address}/bao-cao.json").data)
    assert report["summary"] == {"files": 1, "citations": 37, "errors": 0, "warnings": 2, "infos": 1}
    assert report["documents"][0]["source"] == "ke-hoach.txt"
    assert json.loads(client.get(f"{address}/bao-cao.sarif").data)["version"] == "2.1.0"
    turtle = client.get(f"{address}/do-thi.ttl")
    assert "attachment" in turtle.headers["Content-Disposition"]
    assert len(rdflib.Graph().parse(data=turtle.get_data(as_text=True), format="turtle")) > 100
    picture = client.get(f"{address}/do-thi.svg")
    assert picture.mimetype == "image/svg+xml" and "<svg" in picture.get_data(as_text=True)
    assert client.get(f"{address}/1/ban-co-ghi-chu.docx").status_code == 404  # a text file has no Word copy


def test_a_word_file_comes_back_with_its_comments(client: FlaskClient, tmp_path: Path) -> None:
    address, page = page_of(client, (seed_docx(tmp_path / "seed.docx").read_bytes(), "Kế hoạch dân vận.docx"))
    assert "Kế hoạch dân vận.checked.docx" in page
    response = client.get(f"{address}/1/ban-co-ghi-chu.docx")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    comments = docx.Document(io.BytesIO(response.data)).comments
    assert sorted(c.text.split(":")[0] for c in comments) == ["CG115 (cảnh báo)", "CG115 (cảnh báo)", "CG401 (thông tin)"]


def test_uploads_are_removed_once_checked(client: FlaskClient, uploads: Path, tmp_path: Path) -> None:
    page_of(client, seed(), (seed_docx(tmp_path / "seed.docx").read_bytes(), "seed.docx"), pasted="Căn cứ Luật số 1")
    assert list(uploads.iterdir()) == []


def test_document_text_is_escaped(client: FlaskClient) -> None:
    hostile = ('<script>alert("x")</script><img src=x onerror=alert(1)>\n'
               'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về <b>công tác văn thư</b>;\n')
    _, page = page_of(client, (hostile.encode(), "<script>.txt"), pasted=hostile)
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>công" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "&lt;script&gt;.txt" in page


def test_a_bad_file_gets_the_same_message_as_on_the_command_line(client: FlaskClient) -> None:
    response = send(client, (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "cu.doc"))
    assert response.status_code == 422
    assert ("Không đọc được tệp “cu.doc”: old Word .doc format is not supported; open it in Word and save it as .docx"
            in response.get_data(as_text=True))
    _, page = page_of(client, (b"", "trong.txt"), seed())
    assert "Không đọc được tệp “trong.txt”: the file is empty" in page and "2 vấn đề" in page


def test_nothing_sent_asks_for_a_file(client: FlaskClient) -> None:
    response = send(client, pasted="   ")
    assert response.status_code == 400
    assert "Hãy chọn ít nhất một tệp, hoặc dán nội dung văn bản." in response.get_data(as_text=True)


def test_an_upload_over_the_limit_is_refused_with_a_clear_message(uploads: Path) -> None:
    client = create_app(max_bytes=4096, upload_root=str(uploads)).test_client()
    response = send(client, (b"x" * 10_000, "lon.txt"))
    assert response.status_code == 413
    assert "Tệp gửi lên quá lớn: mỗi lần gửi tối đa 4096 bytes" in response.get_data(as_text=True)
    assert list(uploads.iterdir()) == []


def test_an_unknown_result_is_not_found(client: FlaskClient) -> None:
    assert client.get("/ket-qua/khong-co").status_code == 404


def test_serve_listens_on_this_computer_only_by_default() -> None:
    options = {p.name: p.default for p in main.commands["serve"].params}
    assert options["host"] == "127.0.0.1" and options["port"] == 8000
