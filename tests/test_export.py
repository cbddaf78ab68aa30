"""Exports: JSON Lines, flat records, CSV, pandas and Quotebank-style clusters."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

import quotetrack
from quotetrack.export import (
    PANDAS_MISSING,
    quotebank_record,
    to_csv,
    to_dict,
    to_jsonl,
    to_pandas,
    to_quotebank,
    to_records,
    tracked_to_dict,
)
from quotetrack.tracker import Tracker

LINE = "We will keep fighting for working families in every single state"
ARTICLES = [
    ("a", f"Hillary Clinton spoke.\n\n“{LINE},” Clinton said.", "2016-09-01", "nyt", "https://x/a"),
    ("b", f"Hillary Clinton spoke.\n\n“{LINE},” Mrs. Clinton said.", "2016-09-03", "ap", None),
    (
        "c",
        "Bill Clinton spoke.\n\n“It was a great day for all of us,” Clinton said.",
        None,
        None,
        None,
    ),
]


@pytest.fixture(scope="module")
def tracker() -> Tracker:
    """A small store: one line in two articles, another speaker, an undated article."""
    tracker = Tracker(":memory:")
    for doc_id, text, published, outlet, url in ARTICLES:
        tracker.add(text, doc_id=doc_id, published=published, outlet=outlet, url=url)
    return tracker


def test_to_jsonl_of_plain_quotes_is_unchanged() -> None:
    """Plain quotes are written exactly as to_dict gives them, extra keys first."""
    quotes = quotetrack.analyze(ARTICLES[0][1])
    out = io.StringIO()
    assert to_jsonl(quotes, out, doc_id="a") == 1
    assert json.loads(out.getvalue()) == {"doc_id": "a", **to_dict(quotes[0])}


def test_stored_quotes_carry_their_article_and_speaker(tracker: Tracker) -> None:
    """A stored quote's JSON has its article, global speaker, cluster and the quote."""
    stored = tracker.quotes()[0]
    out = io.StringIO()
    to_jsonl([stored], out)
    line = json.loads(out.getvalue())
    assert line == json.loads(json.dumps(tracked_to_dict(stored)))
    assert (line["doc_id"], line["published"], line["speaker"]) == (
        "a",
        "2016-09-01",
        "Hillary Clinton",
    )
    assert line["quote"]["speaker"]["mention"]["text"] == "Clinton"


def test_records_are_flat_for_every_result(tracker: Tracker) -> None:
    """Quotes, speakers, timeline points and clusters flatten to JSON-ready dicts."""
    items = [
        *tracker.quotes(),
        *tracker.speakers(),
        *tracker.timeline("Hillary Clinton", freq="day"),
        *tracker.clusters(),
        *quotetrack.analyze(ARTICLES[0][1]),
    ]
    records = list(to_records(items))
    json.dumps(records)
    assert records[0]["speaker"] == "Hillary Clinton" and records[0]["text"] == f"{LINE},"
    assert records[3]["aliases"] == ["Hillary Clinton", "Clinton", "Mrs. Clinton"]
    assert records[5] == {
        "period": "2016-09-01",
        "start": "2016-09-01",
        "quotes": 1,
        "mean_compound": records[5]["mean_compound"],
    }
    assert records[8]["doc_ids"] == ["a", "b"]
    with pytest.raises(TypeError, match="not str"):
        list(to_records(["text"]))  # type: ignore[list-item]


def test_csv_round_trips_through_a_reader(tracker: Tracker) -> None:
    """to_csv writes a header and one row per item, lists joined with " | "."""
    out = io.StringIO(newline="")
    assert to_csv(tracker.speakers(), out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["name"] == "Hillary Clinton"
    assert rows[0]["aliases"] == "Hillary Clinton | Clinton | Mrs. Clinton"
    assert to_csv([], io.StringIO()) == 0


def test_to_pandas_types_the_dates(tracker: Tracker) -> None:
    """to_pandas gives one row per item, dates as datetime64."""
    pytest.importorskip("pandas")
    frame = to_pandas(tracker.quotes())
    assert len(frame) == 3 and str(frame["published"].dtype).startswith("datetime64")
    assert list(frame["start"]) == [q.quote.start for q in tracker.quotes()]
    timeline = to_pandas(tracker.timeline("Hillary Clinton"))
    assert str(timeline["start"].dtype).startswith("datetime64")


def test_to_pandas_says_how_to_install_pandas(
    tracker: Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without pandas, to_pandas raises ImportError naming the extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"quotetrack\[pandas\]") as info:
        to_pandas(tracker.quotes())
    assert str(info.value) == PANDAS_MISSING


def test_quotebank_records_follow_quotebank(tracker: Tracker) -> None:
    """Clusters become Quotebank quote-centric records that read back as JSON."""
    (cluster,) = tracker.clusters()
    record = quotebank_record(cluster)
    assert record == {
        "quoteID": f"2016-09-01-{cluster.id:06d}",
        "quotation": f"{LINE},",
        "speaker": "Hillary Clinton",
        "qids": [],
        "date": "2016-09-01 00:00:00",
        "numOccurrences": 2,
        "probas": [["Hillary Clinton", "1.0000"]],
        "urls": ["https://x/a"],
        "doc_ids": ["a", "b"],
    }
    out = io.StringIO()
    assert to_quotebank(tracker.clusters(min_articles=1), out) == 2
    undated = json.loads(out.getvalue().splitlines()[1])
    assert (undated["date"], undated["quoteID"][:10]) == (None, "0000-00-00")
