"""Regenerate the screenshots in docs/images/ from the seed article.

Usage: ``python docs/make_screenshot.py`` from the repository root. Needs the
``playwright`` Python package and Debian's ``chromium`` (never a downloaded browser);
set ``QUOTETRACK_CHROMIUM`` to use another Chromium binary.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import quotetrack
from quotetrack.view import render_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_f3ec5699876e8cf6.txt"
IMAGES = ROOT / "docs" / "images"
CHROMIUM = os.environ.get("QUOTETRACK_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> int:
    """Write seed-view.png (the page) and seed-view-focus.png (a focused quote)."""
    text = SEED.read_text(encoding="utf-8")
    page_html = render_html(
        text, quotetrack.analyze(text), title="Chrissy Teigen opens up about miscarriage"
    )
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seed.html"
        path.write_text(page_html, encoding="utf-8")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(path.as_uri())
            page.screenshot(path=str(IMAGES / "seed-view.png"), full_page=True)
            page.focus("#q1")
            page.screenshot(path=str(IMAGES / "seed-view-focus.png"))
            browser.close()
    print(f"wrote {IMAGES / 'seed-view.png'} and seed-view-focus.png", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
