"""The result classes: plain frozen values whose few derived properties say what they mean."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from quotetrack import models
from quotetrack.errors import InvalidDateError, InvalidSpanError
from quotetrack.models import (
    AddResult,
    Document,
    IngestSummary,
    Quote,
    QuoteCluster,
    Sentiment,
    Span,
    TrackedQuote,
    parse_date,
    sentiment_label,
)

TEXT = "“A,” she said. “B.”"


def test_span_of_cuts_the_text_and_refuses_offsets_outside_it() -> None:
    """Span.of checks its offsets, and its text is what the offsets cut."""
    span = Span.of(TEXT, 1, 3)
    assert (span.text, len(span)) == ("A,", 2)
    with pytest.raises(InvalidSpanError, match="does not fit"):
        Span.of(TEXT, 3, len(TEXT) + 1)


def test_a_quote_from_spans_joins_their_texts() -> None:
    """Quote.from_spans joins span texts by one space; start and end cover every span."""
    quote = Quote.from_spans((Span.of(TEXT, 1, 3), Span.of(TEXT, 16, 18)))
    assert (quote.text, quote.start, quote.end, quote.rule) == ("A, B.", 1, 18, "unattributed")
    assert (Quote("", ()).start, Quote("", ()).end) == (0, 0)


def test_results_are_frozen() -> None:
    """Results cannot be changed in place; attrs.evolve makes a changed copy."""
    quote = Quote.from_spans((Span.of(TEXT, 1, 3),))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quote.text = "x"  # type: ignore[misc]
    assert attrs.evolve(quote, rule="tail").rule == "tail"


@pytest.mark.parametrize(
    ("compound", "label"),
    [(0.05, "positive"), (0.0499, "neutral"), (-0.0499, "neutral"), (-0.05, "negative")],
)
def test_sentiment_labels_follow_vaders_cut_offs(compound: float, label: str) -> None:
    """±0.05 separates positive, neutral and negative, on the class and the function."""
    assert sentiment_label(compound) == label
    assert Sentiment(compound, 0.0, 1.0, 0.0).label == label


def test_dates_are_read_from_dates_datetimes_and_iso_strings() -> None:
    """parse_date takes dates, datetimes and ISO text; junk raises naming the field."""
    day = dt.date(2016, 9, 12)
    assert parse_date(day) == parse_date(dt.datetime(2016, 9, 12, 10)) == day
    assert parse_date("2016-09-12T10:30:00") == parse_date(" 2016-09-12 ") == day
    assert parse_date(None) is parse_date("") is None
    with pytest.raises(InvalidDateError, match="since="):
        parse_date("next tuesday", "since")
    with pytest.raises(InvalidDateError, match="must be a date"):
        parse_date(20160912)
    assert Document("t", "d", published="2016-09-12").published == day


def test_tracker_results_derive_what_they_say() -> None:
    """AddResult.changed, IngestSummary counts and rate, cluster articles and speaker."""
    assert not AddResult("a", "unchanged", 2).changed and AddResult("a", "added", 2).changed
    summary = IngestSummary(added=2, replaced=1, unchanged=1, quotes=5, seconds=2.0)
    assert (summary.documents, summary.rate, IngestSummary().rate) == (4, 2.0, 0.0)
    cluster = QuoteCluster(
        id=1,
        quotation="We will win",
        occurrences=3,
        doc_ids=("a", "b"),
        outlets=(),
        urls=(),
        first_seen=None,
        last_seen=None,
        speakers=(("Smith", 2), (None, 1)),
    )
    assert (cluster.articles, cluster.speaker) == (2, "Smith")
    assert attrs.evolve(cluster, speakers=()).speaker is None
    quote = Quote.from_spans((Span.of(TEXT, 1, 3),))
    tracked = TrackedQuote(1, "a", 0, quote, None, None, 1, None, None, None, None)
    assert tracked.text == "A,"


def test_the_old_import_paths_still_name_the_same_classes() -> None:
    """Results moved to quotetrack.models; quotetrack.tracker and the package re-export them."""
    import quotetrack
    from quotetrack import tracker

    for name in ("AddResult", "IngestSummary", "StoreStats", "TrackedSpeaker"):
        assert getattr(tracker, name) is getattr(models, name) is getattr(quotetrack, name)
    for name in ("TrackedQuote", "TimelinePoint", "QuoteCluster"):
        assert getattr(tracker, name) is getattr(models, name) is getattr(quotetrack, name)
