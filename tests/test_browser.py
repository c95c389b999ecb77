"""End to end in a real headless Chromium against `citegraph serve` on a free loopback port.

Browsers cannot be downloaded here, so Playwright drives Debian's `chromium` package; without it (or
without Playwright) these tests are skipped with the reason.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from citegraph.read import DEFAULT_MAX_BYTES
from citegraph.web import server

from .conftest import SEED
from .drafts import seed_docx

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need Playwright (pip install -e '.[test]')")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="browser tests need Debian's chromium package (apt-get install chromium)"
)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 60_000  # the first upload loads the knowledge files


@contextlib.contextmanager
def serving(max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[str]:
    """`citegraph serve` on a free loopback port, stopped afterwards; yields its address."""
    running = server("127.0.0.1", 0, max_bytes)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{running.server_port}"
    finally:
        running.shutdown()
        thread.join(10)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serving() as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: sync_api.Browser, base_url: str) -> Iterator[sync_api.Page]:
    """A fresh page that records every address it asks for: nothing may leave this computer."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(TIMEOUT_MS)
    asked: list[str] = []
    opened.on("request", lambda request: asked.append(request.url))
    yield opened
    context.close()
    assert asked and all(url.startswith(base_url) for url in asked), asked


def upload(page: sync_api.Page, base_url: str, *files: Path) -> None:
    page.goto(base_url)
    page.set_input_files("input[type=file]", [str(f) for f in files])
    page.get_by_role("button", name="Kiểm tra").click()
    page.wait_for_url("**/ket-qua/**")


def test_the_seed_shows_its_findings_and_the_unsigned_draft_note(page: sync_api.Page, base_url: str) -> None:
    upload(page, base_url, SEED)
    sync_api.expect(page.locator(".verdict")).to_have_text("✖ 2 vấn đề cần sửa trước khi ký")
    sync_api.expect(page.locator(".note.draft")).to_contain_text("Bản dự thảo chưa ký.")
    sync_api.expect(page.locator("ol.findings > li")).to_have_count(3)
    sync_api.expect(page.locator(".text a.cite")).to_have_count(38)
    sync_api.expect(page.locator(".text a.cite.warning")).to_have_count(2)


def test_a_file_dropped_on_the_zone_is_checked(page: sync_api.Page, base_url: str) -> None:
    page.goto(base_url)
    dropped = page.evaluate_handle(
        """text => { const data = new DataTransfer();
                    data.items.add(new File([text], "ke-hoach.txt", {type: "text/plain"})); return data; }""",
        SEED.read_text(encoding="utf-8"),
    )
    page.dispatch_event(".drop", "drop", {"dataTransfer": dropped})
    page.get_by_role("button", name="Kiểm tra").click()
    page.wait_for_url("**/ket-qua/**")
    sync_api.expect(page.locator(".verdict")).to_have_text("✖ 2 vấn đề cần sửa trước khi ký")
    sync_api.expect(page.locator("section.file h2")).to_have_text("ke-hoach.txt")


def test_a_finding_leads_to_its_citation_and_its_fix(page: sync_api.Page, base_url: str) -> None:
    upload(page, base_url, SEED)
    finding = page.locator("ol.findings > li", has_text="33/CT-TTg")
    finding.locator("a.goto").click()
    target = page.locator(".text a.cite:target")
    sync_api.expect(target).to_have_count(1)
    sync_api.expect(target).to_contain_text("Chỉ thị số 33/CT-TTg, ngày 26/11/2021")
    sync_api.expect(target).to_be_in_viewport()
    details = page.locator(".detail.open")
    sync_api.expect(details).to_be_visible()
    sync_api.expect(details).to_contain_text("Cách sửa: Thêm dấu ngoặc kép còn thiếu hoặc bỏ dấu thừa")


def test_clicking_a_citation_shows_its_fields(page: sync_api.Page, base_url: str) -> None:
    upload(page, base_url, SEED)
    page.locator(".text a.cite", has_text="Nghị định số 59/2023/NĐ-CP").first.click()
    details = page.locator(".detail.open")
    sync_api.expect(details).to_be_visible()
    sync_api.expect(details.locator("dd").nth(1)).to_have_text("59/2023/NĐ-CP")
    sync_api.expect(details).to_contain_text("Trích dẫn này đúng quy cách.")


def test_which_items_rest_on_a_decree(page: sync_api.Page, base_url: str) -> None:
    upload(page, base_url, SEED)
    page.get_by_label("Văn bản cần tìm").fill("Nghị định 59/2023/NĐ-CP")
    page.get_by_role("button", name="Tìm").click()
    sync_api.expect(page.locator("tr.hit td.label")).to_have_text(["II.3", "III.3", "III.4"])


def test_the_annotated_word_file_downloads_with_its_comments(page: sync_api.Page, base_url: str, tmp_path: Path) -> None:
    upload(page, base_url, seed_docx(tmp_path / "ke-hoach.docx"))
    with page.expect_download() as started:
        page.get_by_role("link", name="ke-hoach.checked.docx").click()
    saved = tmp_path / started.value.suggested_filename
    started.value.save_as(saved)
    assert saved.name == "ke-hoach.checked.docx"
    comments = sorted(c.text.split(":")[0] for c in docx.Document(str(saved)).comments)
    assert comments == ["CG115 (cảnh báo)", "CG115 (cảnh báo)", "CG401 (thông tin)"]


def test_a_hostile_document_shows_as_text(page: sync_api.Page, base_url: str, tmp_path: Path) -> None:
    hostile = tmp_path / "doc-hai.txt"
    hostile.write_text('<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">\n'
                       "Căn cứ Nghị định số 30/NĐ-CP ngày 05/3/2020 của Chính phủ về <b>công tác văn thư</b>;\n",
                       encoding="utf-8")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    upload(page, base_url, hostile)
    sync_api.expect(page.locator(".text")).to_contain_text("<script>window.pwned = 1</script>")
    sync_api.expect(page.locator(".text a.cite.error")).to_contain_text("<b>công tác văn thư</b>")
    assert page.evaluate("window.pwned") is None and not dialogs
    assert page.locator(".text script, .text img, .text b").count() == 0


def test_a_file_over_the_limit_is_refused_with_a_clear_message(browser: sync_api.Browser, tmp_path: Path) -> None:
    large = tmp_path / "lon.txt"
    large.write_bytes(SEED.read_bytes() * 4)
    with serving(max_bytes=50_000) as address:
        page = browser.new_page()
        page.goto(address)
        page.set_input_files("input[type=file]", str(large))
        sync_api.expect(page.locator(".too-large")).to_be_visible()  # said before sending
        with page.expect_navigation() as sent:
            page.evaluate("document.querySelector('form.upload').submit()")  # as a browser without the script
        assert sent.value is not None and sent.value.status == 413
        sync_api.expect(page.locator(".problems")).to_have_text(
            "Tệp gửi lên quá lớn: mỗi lần gửi tối đa 50000 bytes. Hãy gửi từng tệp một, hoặc tệp nhỏ hơn."
        )
        page.close()
