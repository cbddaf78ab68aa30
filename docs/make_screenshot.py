"""Regenerate the screenshots in docs/images/: the seed article's view, and a report of
a small made-up store.

Usage: ``python docs/make_screenshot.py`` from the repository root. Needs the
``playwright`` Python package and Debian's ``chromium`` (never a downloaded browser);
set ``QUOTETRACK_CHROMIUM`` to use another Chromium binary.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import quotetrack
from quotetrack.report import render_report
from quotetrack.tracker import Tracker
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


# A made-up store for the report: three speakers, three outlets, twelve weeks.
LINES = {
    "Maria Lopez": [
        "We are proud of this result and grateful to every volunteer.",
        "This budget is a disaster for working families.",
        "I am hopeful that we can fix the bridge this year.",
    ],
    "Tom Becker": [
        "It is a shameful mistake, and the council knows it.",
        "We will win this vote, and we will win it fairly.",
    ],
    "Ana Silva": [
        "The new library is a great gift to the town.",
        "Nobody told us about the closures.",
    ],
}
OUTLETS = ("Daily Courier", "Evening Post", "The Ledger")


def demo_report() -> str:
    """The report of the made-up store."""
    start = dt.date(2024, 1, 1)
    with Tracker(":memory:") as tracker:
        n = 0
        for week in range(12):
            for j, (name, lines) in enumerate(LINES.items()):
                if (week + j) % 4 == 3:
                    continue
                n += 1
                tracker.add(
                    f"{name} spoke to reporters on Monday.\n\n"
                    f"“{lines[(week + j) % len(lines)]}” {name.split()[1]} said.",
                    doc_id=f"d{n}",
                    published=start + dt.timedelta(days=7 * week + j),
                    outlet=OUTLETS[(week + 2 * j) % 3],
                    url=f"https://example.org/news/{n}",
                )
        return render_report(tracker, freq="week", title="Town hall, first quarter")


def main() -> int:
    """Write seed-view.png (the page), seed-view-focus.png (a focused quote) and
    report.png (a report)."""
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
            report = Path(tmp) / "report.html"
            report.write_text(demo_report(), encoding="utf-8")
            page.goto(report.as_uri())
            page.screenshot(path=str(IMAGES / "report.png"), full_page=True)
            browser.close()
    print(f"wrote seed-view.png, seed-view-focus.png and report.png in {IMAGES}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
