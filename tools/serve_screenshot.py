"""Make docs/serve.png, the README's picture of `drafter serve`: a real server on a copy of
the quick-start profile, Debian's chromium through Playwright (as tests/test_serve_browser.py).

    python tools/serve_screenshot.py [docs/serve.png]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_serve_browser import ARGS, CHROMIUM  # noqa: E402

from drafter.serve.local import serving  # noqa: E402


def main() -> None:
    from playwright.sync_api import expect, sync_playwright

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "serve.png"
    folder = Path(tempfile.mkdtemp())
    try:
        shutil.copyfile(ROOT / "profiles" / "qinghe.yaml", folder / "qinghe.yaml")
        with serving(folder / "qinghe.yaml") as url, sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(url)
            expect(page.locator("#size")).to_contain_text("条措施", timeout=20_000)
            page.locator('[data-field="document.period.start"]').fill("2206")  # show an inline problem
            problem = page.locator('[data-problem-for="document.period.start"]')
            expect(problem).not_to_be_empty()
            page.locator('[data-path="document.period"]').evaluate("node => node.scrollIntoView({block: 'center'})")
            page.screenshot(path=str(out))
            browser.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(out)


if __name__ == "__main__":
    main()
