"""Take docs/screenshot-seed.png: the page `citegraph serve` shows for the seed plan.

    python scripts/screenshot.py [--click 33/CT-TTg]

Needs Playwright and Debian's chromium (`apt-get install chromium`), like tests/test_browser.py. The
screenshot shows the first screen after upload, with the details of the finding named by --click open.
"""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from citegraph.web import server

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "000_ab1912c7cdbda0bb.txt"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--click", default="33/CT-TTg", help="Open the finding about this number.")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "screenshot-seed.png")
    arguments = parser.parse_args()
    running = server("127.0.0.1", 0)
    threading.Thread(target=running.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1280})
            page.goto(f"http://127.0.0.1:{running.server_port}/")
            page.set_input_files("input[type=file]", str(SEED))
            page.get_by_role("button", name="Kiểm tra").click()
            page.wait_for_url("**/ket-qua/**", timeout=60_000)
            page.locator("ol.findings > li", has_text=arguments.click).locator("a.goto").click()
            page.evaluate("document.querySelector('.cite.chosen').scrollIntoView({block: 'center'}); window.scrollTo(0, 0)")
            page.screenshot(path=str(arguments.output))
            browser.close()
    finally:
        running.shutdown()
    print(arguments.output)


if __name__ == "__main__":
    main()
