"""The generated pages in a real browser: headless Debian Chromium driven by Playwright.

Never downloads a browser: it uses ``/usr/bin/chromium`` (or ``$QUOTETRACK_CHROMIUM``) and
skips, saying so, when that is missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import quotetrack
from quotetrack.models import Quote, Span, Speaker
from quotetrack.view import render_html

sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")

CHROMIUM = Path(os.environ.get("QUOTETRACK_CHROMIUM", "/usr/bin/chromium"))
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
ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "seeds" / "000_f3ec5699876e8cf6.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_quotes() -> tuple[Quote, ...]:
    """The seed's quotes, analysed once for the module."""
    return quotetrack.analyze(SEED)


pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"no Chromium at {CHROMIUM}: install Debian's chromium package "
    "(apt-get install -y chromium) or set QUOTETRACK_CHROMIUM",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole module."""
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Tab:
    """One browser tab, reused by every test (a new tab costs more than a navigation),
    with the console errors, page errors and requests seen since the last load."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.url = ""
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def load(self, source: str, path: Path) -> Tab:
        """Write ``source`` to ``path`` and open it, as a user would open the file."""
        self.errors.clear()
        self.requests.clear()
        path.write_text(source, encoding="utf-8")
        self.url = path.as_uri()
        self.page.goto(self.url)
        return self

    def count(self, selector: str) -> int:
        """How many elements match ``selector``."""
        return int(self.page.locator(selector).count())


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[Tab]:
    """The shared tab."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield Tab(page)
    page.close()


@pytest.fixture
def open_page(tab: Tab, tmp_path: Path) -> Callable[[str], Tab]:
    """Load HTML source in the shared tab."""
    counter = iter(range(1000))
    return lambda source: tab.load(source, tmp_path / f"page{next(counter)}.html")


def test_seed_page_renders_without_errors(open_page: Any, seed_quotes: tuple[Quote, ...]) -> None:
    """The seed page loads with no console error, one highlight per quote, one legend
    entry per speaker, and its article text unchanged."""
    quotes = seed_quotes
    o = open_page(render_html(SEED, quotes, title="Seed"))
    assert o.errors == []
    assert o.requests == [o.url]  # nothing else was fetched
    assert o.count("mark.qt[tabindex]") == sum(len(q.spans) for q in quotes)
    heads = o.page.eval_on_selector_all(
        "mark.qt[tabindex]", "els => new Set(els.map(e => e.dataset.q)).size"
    )
    assert heads == len(quotes)
    speakers = {q.speaker.name if q.speaker else None for q in quotes}
    assert o.count(".legend li.speaker") == len(speakers)
    assert o.page.inner_text("#article") == SEED


def test_tooltips_are_hidden_until_hover(open_page: Any, seed_quotes: tuple[Quote, ...]) -> None:
    """A tooltip is hidden at first and shows while its quote is hovered."""
    o = open_page(render_html(SEED, seed_quotes))
    tip = o.page.locator("#q1-tip")
    assert not tip.is_visible()
    o.page.hover("#q1")
    assert tip.is_visible()
    assert "rule" in tip.inner_text()
    article = o.page.locator("#article").bounding_box()
    box = tip.bounding_box()
    assert article is not None
    assert box is not None
    assert box["x"] >= article["x"] + article["width"]  # beside the text, not over it


def test_keyboard_focus_reveals_the_details(open_page: Any, seed_quotes: tuple[Quote, ...]) -> None:
    """Tabbing through the page reaches the first quote and shows its details."""
    quotes = seed_quotes
    o = open_page(render_html(SEED, quotes))
    tip = o.page.locator("#q1-tip")
    for _ in range(20):  # past the legend's links
        o.page.keyboard.press("Tab")
        if o.page.evaluate("document.activeElement.id") == "q1":
            break
    else:
        pytest.fail("Tab never reached the first quote")
    assert tip.is_visible()
    box = tip.bounding_box()
    assert box is not None
    assert box["width"] > 100
    assert box["height"] > 30
    speaker = quotes[0].speaker
    assert speaker is not None
    assert speaker.name in tip.inner_text()
    o.page.keyboard.press("Tab")
    assert not tip.is_visible()


EVIL_TEXT = (
    "Intro <script>window.__pwned=1</script> and "
    '"><img src=x onerror="window.__pwned=2"> and javascript:window.__pwned=3. '
    "“It is <script>window.__pwned=4</script> fine,” <b onmouseover=alert(1)>Eve</b> said."
)


def test_injected_script_never_runs(open_page: Any) -> None:
    """Script and handlers in the article text and in speaker names stay inert text."""
    start = EVIL_TEXT.index("It is")
    end = EVIL_TEXT.index("fine,") + 5
    mention = EVIL_TEXT.index("<b onmouseover")
    mention_end = EVIL_TEXT.index("</b>") + 4
    cue = EVIL_TEXT.rindex("said")
    q = Quote.from_spans(
        (Span.of(EVIL_TEXT, start, end),),
        speaker=Speaker(
            '<img src=x onerror="window.__pwned=5"><script>window.__pwned=6</script>',
            Span.of(EVIL_TEXT, mention, mention_end),
        ),
        cue=Span.of(EVIL_TEXT, cue, cue + 4),
        rule="<script>window.__pwned=7</script>",
    )
    o = open_page(render_html(EVIL_TEXT, (q,), title="<script>window.__pwned=8</script>"))
    assert o.page.inner_text("#article") == EVIL_TEXT
    o.page.hover("#q1")
    o.page.focus("#q1")
    assert o.page.evaluate("typeof window.__pwned") == "undefined"
    assert o.count("script") == 0
    assert o.count("img") == 0
    assert o.errors == []


def test_csp_blocks_script_even_if_escaping_failed(
    open_page: Any, seed_quotes: tuple[Quote, ...]
) -> None:
    """With raw script spliced into a page, the Content-Security-Policy still stops it."""
    source = render_html(SEED, seed_quotes).replace(
        "<body>",
        '<body><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">',
    )
    o = open_page(source)
    assert o.page.evaluate("typeof window.__pwned") == "undefined"
    assert any("Content Security Policy" in e for e in o.errors)


@pytest.fixture(scope="module")
def report_source() -> str:
    """A report of the test corpus (three outlets, ten weeks), charted per week."""
    from quotetrack.report import render_report
    from quotetrack.tracker import Tracker
    from tests.test_report import add_corpus

    with Tracker(":memory:") as tracker:
        add_corpus(tracker)
        expected = [len(tracker.timeline(s, "week")) for s in tracker.speakers(limit=3)]
        source = render_report(tracker, freq="week")
    return f"<!-- points: {expected} -->\n{source}"


def test_report_charts_have_one_point_per_period(open_page: Any, report_source: str) -> None:
    """The report loads cleanly and each chart draws one visible marker per period."""
    expected = [int(n) for n in report_source.split("[", 1)[1].split("]", 1)[0].split(",")]
    o = open_page(report_source)
    assert o.errors == []
    assert o.requests == [o.url]
    drawn = o.page.eval_on_selector_all(
        "svg.chart",
        """charts => charts.map(c => [...c.querySelectorAll('g.point')]
            .filter(g => g.getBBox().width > 0).length)""",
    )
    assert drawn == expected
    assert o.page.locator("svg.chart > title").first.text_content()


def test_report_outlet_tabs_work_without_script(open_page: Any, report_source: str) -> None:
    """Choosing an outlet tab shows that outlet's speakers and hides lines it did not carry."""
    o = open_page(report_source)
    assert o.page.locator(".panel-0").is_visible()
    assert not o.page.locator(".panel-1").is_visible()
    all_lines = o.page.locator("li.cluster:visible").count()
    o.page.click("label[for=tab-1]")
    assert o.page.locator(".panel-1").is_visible()
    assert not o.page.locator(".panel-0").is_visible()
    outlet = o.page.inner_text("label[for=tab-1]").rsplit(" (", 1)[0]
    shown = o.page.locator("li.cluster:visible")
    assert shown.count() <= all_lines
    for i in range(shown.count()):
        assert outlet in shown.nth(i).inner_text()


def test_whitespace_survives_exactly(open_page: Any) -> None:
    """CR LF line ends, tabs, non-breaking and repeated spaces reach the page unchanged."""
    text = "Line one.\r\n\r\n“Hello  there,” Bob said.\tTab\u00a0nbsp  two  spaces\r\nEnd"
    o = open_page(render_html(text, quotetrack.analyze(text)))
    assert o.page.inner_text("#article") == text
