"""Tests of quotetrack.report.render_report over a small tracker store, and of its CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotetrack.cli import main
from quotetrack.errors import ConfigurationError
from quotetrack.models import Quote, Sentiment, Span, Speaker, SpeakerKind, TrackedMention
from quotetrack.report import choose_freq, render_report, timeline_points
from quotetrack.tracker import (
    QuoteCluster,
    TimelinePoint,
    TrackedQuote,
    TrackedSpeaker,
    Tracker,
)
from tests.html_checks import Page

LINES = {
    "Maria Lopez": [
        "We are proud of this wonderful result.",
        "This plan is a disaster for families.",
        "I am hopeful that we can fix this.",
    ],
    "Tom Becker": [
        "It is a terrible and shameful mistake.",
        "We will win this fight fairly.",
    ],
    "Ana Silva": ["The council did a great job."],
}
OUTLETS = ("Daily Courier", "Evening Post", "The Ledger")
START = dt.date(2024, 1, 1)


def add_corpus(tracker: Tracker) -> None:
    """Twenty-four dated articles over ten weeks and three outlets, lines repeated."""
    n = 0
    for week in range(10):
        for j, (name, lines) in enumerate(LINES.items()):
            if (week + j) % 4 == 3:
                continue
            n += 1
            line = lines[(week + j) % len(lines)]
            tracker.add(
                f"{name} spoke on Monday.\n\n“{line}” {name.split()[1]} said.",
                doc_id=f"d{n}",
                published=START + dt.timedelta(days=7 * week + j),
                outlet=OUTLETS[(week + 2 * j) % 3],
                url=f"https://example.org/{n}",
            )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store file holding the corpus."""
    path = tmp_path_factory.mktemp("store") / "quotes.db"
    with Tracker(path) as tracker:
        add_corpus(tracker)
    return path


@pytest.fixture
def tracker(store: Path) -> Iterator[Tracker]:
    """The corpus store, opened."""
    with Tracker(store) as t:
        yield t


def test_top_speakers_table(tracker: Tracker) -> None:
    """The speaker table lists the tracker's most quoted speakers, capped by ``top``."""
    page = Page(render_report(tracker), text_of="none")
    expected = tracker.speakers(limit=20)
    table = page.find("table", cls="speakers")[0]
    names = [el.text for el in page.find("th", scope="row")][: len(expected)]
    assert [n.split("also")[0] for n in names] == [s.name for s in expected]
    assert table.text.count("person") == len(expected)
    one = Page(render_report(tracker, top=1), text_of="none")
    assert one.find("table", cls="speakers")[0].text.count("person") == 1


def test_speaker_rows_show_counts_and_mean(tracker: Tracker) -> None:
    """Each row shows quotes, articles, the signed mean and first/last seen dates."""
    top = tracker.speakers(limit=1)[0]
    page = Page(render_report(tracker, top=1), text_of="none")
    text = page.find("table", cls="speakers")[0].text
    assert top.name in text
    assert str(top.quotes) in text
    assert str(top.articles) in text
    assert top.first_seen is not None
    assert top.first_seen.isoformat() in text
    assert top.mean_compound is not None
    assert f"{top.mean_compound:+.2f}".replace("-", "\u2212") in text


def test_default_charts_have_one_point_per_period(tracker: Tracker) -> None:
    """Without a choice, the three most quoted speakers are charted, one marker per
    period of their timeline."""
    page = Page(render_report(tracker, freq="week"), text_of="none")
    figures = page.find("figure", cls="chart-fig")
    top = tracker.speakers(limit=3)
    assert len(figures) == len(top)
    per_chart = _points_per_chart(page)
    for s, marks in zip(top, per_chart, strict=True):
        assert marks == len(tracker.timeline(s, "week"))


def _points_per_chart(page: Page) -> list[int]:
    """How many period markers each chart of the page has, in order."""
    counts: list[int] = []
    for el in page.elements:
        if el.tag == "svg":
            counts.append(0)
        elif el.tag == "g" and "point" in el.classes:
            counts[-1] += 1
    return counts


def test_chosen_speakers_and_unknown_names(tracker: Tracker) -> None:
    """Named speakers are charted in the order given; an unknown name is reported."""
    page = Page(render_report(tracker, speakers=["Tom Becker", "Nobody Here"]), text_of="none")
    figures = page.find("figure", cls="chart-fig")
    assert len(figures) == 1
    assert figures[0].text.startswith("Tom Becker")
    assert any("Nobody Here" in el.text for el in page.find("p", cls="empty"))


def test_requoted_lines_with_outlets(tracker: Tracker) -> None:
    """Lines carried by two articles or more are listed with their outlets."""
    clusters = tracker.clusters(min_articles=2)
    page = Page(render_report(tracker), text_of="none")
    items = page.find("li", cls="cluster")
    assert len(items) == min(20, len(clusters))
    assert clusters[0].quotation in items[0].text
    for outlet in clusters[0].outlets:
        assert outlet in items[0].text
    links = [el.attrs["href"] for el in page.find("a") if "li" in el.ancestors]
    assert all(href.startswith("https://example.org/") for href in links)


def test_outlet_tabs_are_css_only(tracker: Tracker) -> None:
    """Without --outlet, radio tabs (no script) switch between all outlets and each one."""
    source = render_report(tracker)
    page = Page(source, text_of="none")
    radios = page.find("input", type="radio")
    assert len(radios) == 1 + len(OUTLETS)
    assert "checked" in radios[0].attrs
    assert len(page.find("div", cls="panel")) == 1 + len(OUTLETS)
    for i in range(len(OUTLETS) + 1):
        assert f"#tab-{i}:checked~.panels .panel-{i}{{display:block}}" in source
    assert not page.find("script")


def test_outlet_filter_restricts_everything(tracker: Tracker) -> None:
    """With ``outlet=``, speakers, charts and re-quoted lines come from that outlet only."""
    outlet = "Daily Courier"
    page = Page(render_report(tracker, outlet=outlet, freq="week"), text_of="none")
    assert not page.find("input")
    table = page.find("table", cls="speakers")[0].text
    expected = tracker.speakers(outlet=outlet)
    assert table.count("person") == len(expected)
    for item in page.find("li", cls="cluster"):
        assert outlet in item.text
    s = expected[0]
    points = timeline_points(tracker, s, "week", outlet)
    dated = [q for q in tracker.quotes(speaker=s, outlet=outlet) if q.published]
    assert sum(p.count for p in points) == len(dated)
    assert "Quotes in Daily Courier" in page.find("h1")[0].text


def test_outlet_timeline_agrees_with_the_tracker(tmp_path: Path) -> None:
    """On a one-outlet store, the report's own per-outlet periods equal Tracker.timeline."""
    with Tracker(tmp_path / "one.db") as t:
        for week in range(6):
            for k in range(week % 3):
                t.add(
                    f"“We are {'glad' if k else 'angry'} about it,” Maria Lopez said.",
                    doc_id=f"w{week}-{k}",
                    published=START + dt.timedelta(days=7 * week + k),
                    outlet="Only",
                )
        s = t.speakers()[0]
        for freq in ("day", "week", "month"):
            mine = timeline_points(t, s, freq, "Only")
            theirs = [(p.period, p.quotes, p.mean_compound) for p in t.timeline(s, freq)]
            got = [(p.label, p.count, p.value) for p in mine]
            assert [g[:2] for g in got] == [th[:2] for th in theirs]
            for g, th in zip(got, theirs, strict=True):
                assert (g[2] is None) == (th[2] is None)
                if g[2] is not None and th[2] is not None:
                    assert g[2] == pytest.approx(th[2])


def test_choose_freq() -> None:
    """Short spans are charted by day, up to a year by week, longer by month."""
    d = dt.date(2024, 1, 1)
    assert choose_freq(d, d + dt.timedelta(days=30)) == "day"
    assert choose_freq(d, d + dt.timedelta(days=200)) == "week"
    assert choose_freq(d, d + dt.timedelta(days=800)) == "month"
    assert choose_freq(None, None) == "month"


def test_empty_store_renders() -> None:
    """An empty store gives a page that says there is nothing yet."""
    with Tracker(":memory:") as t:
        page = Page(render_report(t), text_of="none")
    assert any("No attributed quotes" in el.text for el in page.find("p", cls="empty"))
    assert not page.find("figure")


def test_bad_options_raise(tracker: Tracker) -> None:
    """A non-positive ``top`` or an unknown ``freq`` raises ConfigurationError."""
    with pytest.raises(ConfigurationError, match="top"):
        render_report(tracker, top=0)
    with pytest.raises(ConfigurationError, match="freq"):
        render_report(tracker, freq="year")  # type: ignore[arg-type]


EVIL = '<script>window.__pwned=1</script>"><img src=x onerror=alert(1)>'


class EvilTracker:
    """A stand-in tracker whose every stored string carries markup and script URLs
    (the real tracker would not accept such a speaker name; the report must not rely
    on that)."""

    def __init__(self) -> None:
        text = f"“{EVIL} said it,” {EVIL} told us."
        end = text.index("”")
        m = text.index(" told") - len(EVIL)
        self.quote = Quote(
            text=text[1:end],
            spans=(Span.of(text, 1, end),),
            speaker=Speaker(EVIL, Span.of(text, m, m + len(EVIL))),
            sentiment=Sentiment(-0.5, 0.0, 0.5, 0.5),
            rule=EVIL,
        )
        self.speaker_ = TrackedSpeaker(
            1, EVIL, SpeakerKind.PERSON, (EVIL, f"{EVIL}2"), 3, 3, -0.5, START, START
        )

    def quotes(self, **_: object) -> list[TrackedQuote]:
        """Three quotes from three evil URLs."""
        urls = ("javascript:alert(1)", " JaVaScRiPt:alert(2)", "data:text/html,x")
        return [
            TrackedQuote(i, f"e{i}", 0, self.quote, 1, EVIL, 1, START, EVIL, url, EVIL)
            for i, url in enumerate(urls)
        ]

    def speakers(self, **_: object) -> list[TrackedSpeaker]:
        """The one evil speaker."""
        return [self.speaker_]

    def speaker(self, name: object) -> TrackedSpeaker | None:
        """The evil speaker, whatever the name."""
        return self.speaker_

    def timeline(self, speaker: object, freq: str = "month", **_: object) -> list[TimelinePoint]:
        """One period."""
        return [TimelinePoint(EVIL, START, 3, -0.5)]

    def mentions(self, **_: object) -> list[TrackedMention]:
        """The evil speaker naming an evil target."""
        return [TrackedMention(1, EVIL, f"{EVIL}3", None, 2, 3, -0.5, START, START)]

    def clusters(self, min_articles: int = 2, **_: object) -> list[QuoteCluster]:
        """One evil line carried by evil outlets with evil URLs."""
        return [
            QuoteCluster(
                1,
                EVIL,
                3,
                ("e0", "e1", "e2"),
                (EVIL, "javascript:alert(3)"),
                ("javascript:alert(1)", 'https://ok.example/a?b=<c>&d="e"'),
                START,
                START,
                ((EVIL, 3),),
            )
        ]


def test_everything_stored_is_escaped() -> None:
    """Speaker names, aliases, outlets, quotes, periods and URLs never become markup,
    and only http(s) URLs become links."""
    source = render_report(EvilTracker(), title=EVIL)  # type: ignore[arg-type]
    page = Page(source, text_of="none")
    tags = {el.tag for el in page.elements}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "base", "form"}
    hrefs = []
    for el in page.elements:
        for name, value in el.attrs.items():
            assert not name.startswith("on")
            if name in {"href", "src", "xlink:href"}:
                hrefs.append(value)
                assert value.startswith(("https://", "http://", "#")), value
    assert hrefs == ['https://ok.example/a?b=<c>&d="e"']
    assert EVIL in page.find("h1")[0].text
    assert EVIL in page.find("table", cls="speakers")[0].text
    assert EVIL in page.find("li", cls="cluster")[0].text
    assert EVIL in page.find("figure")[0].text
    assert f"{EVIL}3" in page.find("table", cls="mentions")[0].text
    (csp,) = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert "default-src 'none'" in csp.attrs["content"]


def test_cli_report(store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`quotetrack report --db quotes.db -o report.html` writes the page; --outlet,
    --speaker, --top and --freq reach the library."""
    out = tmp_path / "report.html"
    assert main(["report", "--db", str(store), "-o", str(out)]) == 0
    assert Page(out.read_text(encoding="utf-8"), text_of="none").find("table", cls="speakers")
    assert "wrote" in capsys.readouterr().err
    args = ["report", "--db", str(store), "-o", "-", "--outlet", "The Ledger", "--top", "2"]
    args += ["--speaker", "Ana Silva", "--freq", "month"]
    assert main(args) == 0
    page = Page(capsys.readouterr().out, text_of="none")
    assert "Quotes in The Ledger" in page.find("h1")[0].text
    assert page.find("table", cls="speakers")[0].text.count("person") <= 2
    (figure,) = page.find("figure", cls="chart-fig")
    assert figure.text.startswith("Ana Silva")


def test_cli_report_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A store that does not exist is an error (exit 2), not a new empty store."""
    missing = tmp_path / "nope.db"
    assert main(["report", "--db", str(missing), "-o", str(tmp_path / "r.html")]) == 2
    assert "no store" in capsys.readouterr().err
    assert not missing.exists()


@pytest.mark.parametrize("outlet", ["The Ledger", "the ledger", "THE LEDGER"])
def test_the_outlet_filter_keeps_re_quoted_lines_whatever_the_case(outlet: str) -> None:
    """``outlet=`` ignores case everywhere in the report, as ``--outlet`` does elsewhere;
    the re-quoted lines were compared exactly, so "the ledger" lost all of them while
    its speakers and quotes were listed."""
    line = "“We will not cut a single teacher from the schools,” said Maria Lopez."
    with Tracker(":memory:") as tracker:
        tracker.add(line, doc_id="a", outlet="The Ledger", published="2024-03-04")
        tracker.add("Later. " + line, doc_id="b", outlet="The Herald", published="2024-03-05")
        assert "single teacher from the schools" in render_report(tracker, outlet=outlet)
