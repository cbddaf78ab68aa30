"""Far-off dates, and names and outlets in any case (issue 14, defect 3 and "Also").

One article dated 9999-12-31 used to break ``report`` and ``timeline`` with an
OverflowError, and one dated 0001-01-01 made a 736,000-row daily timeline. Such dates
are stored as given but flagged, and left out of timelines; a timeline never spells out
an empty stretch longer than its cap.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quotetrack.cli import main
from quotetrack.periods import MAX_EMPTY_PERIODS, plausible_date, timeline_points
from quotetrack.tracker import Tracker

LINE = "“We will win this state and win it big,” José Martínez said."
OTHER = "“Nobody believes those numbers any more,” José Martínez said."


@pytest.fixture
def odd_dates(tmp_path: Path) -> Path:
    """A store with two ordinary articles and two placeholder dates."""
    path = tmp_path / "q.db"
    with Tracker(path) as tracker:
        tracker.add(LINE, doc_id="a", published="2016-09-12", outlet="Le Monde")
        tracker.add(OTHER, doc_id="b", published="2016-10-03", outlet="Le Monde")
        tracker.add(OTHER + " ", doc_id="future", published="9999-12-31")
        tracker.add(LINE + " ", doc_id="past", published="0001-01-01")
    return path


def test_placeholder_dates_are_stored_but_flagged(odd_dates: Path) -> None:
    """The dates read back as given; plausible_date says which to distrust."""
    with Tracker.existing(odd_dates) as tracker:
        dates = {q.doc_id: q.published for q in tracker.quotes()}
    assert dates["future"] == dt.date(9999, 12, 31) and dates["past"] == dt.date(1, 1, 1)
    assert [d for d in sorted(dates) if not plausible_date(dates[d])] == ["future", "past"]
    assert plausible_date(dt.date(2016, 9, 12)) and plausible_date(dt.date(1900, 1, 1))


def test_speakers_first_and_last_seen_skip_placeholder_dates(odd_dates: Path) -> None:
    """first_seen/last_seen span the ordinary dates (they were 0001-01-01 and
    9999-12-31, review item 11); the placeholder-dated quotes still count."""
    with Tracker.existing(odd_dates) as tracker:
        [speaker] = tracker.speakers()
        clusters = tracker.clusters(min_articles=1)
    assert (speaker.quotes, speaker.articles) == (4, 4)
    assert (speaker.first_seen, speaker.last_seen) == (dt.date(2016, 9, 12), dt.date(2016, 10, 3))
    for cluster in clusters:
        assert cluster.first_seen is None or plausible_date(cluster.first_seen), cluster
        assert cluster.last_seen is None or plausible_date(cluster.last_seen), cluster


@pytest.mark.parametrize("freq", ["day", "week", "month"])
def test_timelines_skip_placeholder_dates(odd_dates: Path, freq: str) -> None:
    """No OverflowError; the timeline spans the ordinary dates only."""
    with Tracker.existing(odd_dates) as tracker:
        points = tracker.timeline("José Martínez", freq)  # type: ignore[arg-type]
    assert sum(p.quotes for p in points) == 2
    assert points[0].start.year == points[-1].start.year == 2016


def test_report_and_timeline_commands_survive_placeholder_dates(
    odd_dates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report` and `timeline --freq day` work and stay small."""
    assert main(["report", "--db", str(odd_dates), "-o", "-"]) == 0
    page = capsys.readouterr().out
    assert len(page) < 300_000
    for year in ("9999", "0001"):  # no chart period in those years
        assert f'<th scope="row" class="num">{year}-' not in page
    assert main(["timeline", "--db", str(odd_dates), "José Martínez", "--freq", "day"]) == 0
    assert len(capsys.readouterr().out.splitlines()) < 40


def test_track_flags_a_placeholder_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`track` stores the article and says its date is left out of timelines."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "x", "text": "Hi.", "date": "9999-12-31"}\n', encoding="utf-8")
    assert main(["track", "--db", str(tmp_path / "q.db"), "--no-progress", str(feed)]) == 0
    err = capsys.readouterr().err
    assert "x is dated 9999-12-31" in err and "left out of timelines" in err


def test_a_long_empty_stretch_is_capped(tmp_path: Path) -> None:
    """Two quotes 80 years apart, by day: the empty days between are not all listed."""
    with Tracker(tmp_path / "q.db") as tracker:
        tracker.add(LINE, doc_id="a", published="1930-01-01")
        tracker.add(OTHER, doc_id="b", published="2010-01-01")
        points = tracker.timeline("José Martínez", "day")
        assert [p.quotes for p in points if p.quotes] == [1, 1]
        assert len(points) <= 2 + MAX_EMPTY_PERIODS
        short = tracker.timeline("José Martínez", "month", until="1930-03-31")
        assert len(short) == 1
        tracker.add(OTHER + " ", doc_id="c", published="1930-03-01")
        short = tracker.timeline("José Martínez", "month", until="1930-03-31")
        assert [p.quotes for p in short] == [1, 0, 1]  # a short gap is still spelled out


def test_timeline_points_bucket_dates_and_average_only_scored_quotes() -> None:
    """Rows per date (quotes, compound sum, scored count) become periods: two January
    dates share one month, February is spelled out empty, an unscored date adds quotes
    but not to the mean."""
    rows = [
        (dt.date(2019, 1, 3), 2, 0.5, 2),
        (dt.date(2019, 1, 20), 1, -0.2, 1),
        (dt.date(2019, 3, 1), 1, None, 0),
    ]
    points = timeline_points(rows, "month")
    assert [(p.period, p.quotes) for p in points] == [
        ("2019-01", 3),
        ("2019-02", 0),
        ("2019-03", 1),
    ]
    assert points[0].mean_compound == pytest.approx(0.1)
    assert points[1].mean_compound is None and points[2].mean_compound is None


def test_names_and_outlets_fold_case_beyond_ascii(odd_dates: Path) -> None:
    """ "JOSÉ MARTÍNEZ" finds José Martínez; "LE MONDE" finds Le Monde."""
    with Tracker.existing(odd_dates) as tracker:
        found = tracker.speaker("JOSÉ MARTÍNEZ")
        assert found is not None and found.name == "José Martínez"
        assert len(tracker.quotes(speaker="josé martínez")) == 4
        assert len(tracker.quotes(outlet="LE MONDE")) == 2
        assert len(tracker.quotes(contains="NOBODY BELIEVES")) == 2
        assert [s.name for s in tracker.speakers(contains="MARTÍN")] == ["José Martínez"]


def test_a_huge_speaker_id_matches_nobody(odd_dates: Path) -> None:
    """An id beyond SQLite's integers is no one, not an OverflowError."""
    with Tracker.existing(odd_dates) as tracker:
        assert tracker.speaker(10**30) is None
        assert tracker.quotes(speaker=10**30) == []
