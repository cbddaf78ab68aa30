"""Quote ⇄ record: one vocabulary, and every form of it decodes to the quote it encoded."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given

import quotetrack
from quotetrack import records
from quotetrack.errors import InputTypeError
from quotetrack.flat import SCHEMA as FLAT_SCHEMA
from quotetrack.models import Quote, QuoteKind, Sentiment, Span, Speaker, SpeakerKind
from quotetrack.store import rows
from tests.equality import in_full
from tests.strategies import quotes

TEXT = "“Great, just great,” Jane Doe told him."


@given(quotes())
def test_values_and_records_round_trip_any_quote(quote: Quote) -> None:
    """Plain values and flat records rebuild the very quote they encode."""
    assert in_full([records.quote_from_values(records.quote_values(quote))]) == in_full([quote])
    assert in_full([records.quote_from_record(records.quote_record(quote))]) == in_full([quote])


def test_a_record_has_the_quote_columns_in_order() -> None:
    """A flat record's keys are QUOTE_COLUMNS; the table schema adds doc_id, quote_index."""
    [quote] = quotetrack.analyze(TEXT)
    record = records.quote_record(quote)
    assert list(record) == list(records.QUOTE_COLUMNS)
    assert list(FLAT_SCHEMA) == ["doc_id", "quote_index", *records.QUOTE_COLUMNS]
    assert record["speaker"] == "Jane Doe" and record["speaker_mention"] == "Jane Doe"
    assert record["sentiment_label"] == quote.sentiment.label  # type: ignore[union-attr]


def test_frame_nulls_and_derived_columns_are_not_needed_to_decode() -> None:
    """NaN reads as null, and start, end and sentiment_label may be absent."""
    quote = Quote.from_spans((Span.of(TEXT, 1, 19),), rule="unattributed")
    record = records.quote_record(quote)
    record["sentiment_compound"] = math.nan
    for derived in ("start", "end", "sentiment_label"):
        del record[derived]
    assert records.quote_from_record(record) == quote


def test_the_store_keeps_every_column_it_cannot_derive() -> None:
    """The store's column map follows QUOTE_COLUMNS and leaves out only derived columns
    (how the speaker was resolved is kept since schema version 6, review item 9)."""
    assert list(rows._STORED) == list(records.QUOTE_COLUMNS)
    derived = {name for name, column in rows._STORED.items() if column is None}
    assert derived == {"start", "end", "sentiment_label"}


def test_a_stored_quote_reads_back_exactly() -> None:
    """A quote with every field set is stored and read back unchanged."""
    quote = Quote(
        text="Great, just great,",
        spans=(Span.of(TEXT, 1, 19),),
        speaker=Speaker("Jane Doe", Span.of(TEXT, 21, 29), SpeakerKind.GROUP),
        cue=Span.of(TEXT, 30, 34),
        addressee=Span.of(TEXT, 35, 38),
        sentiment=Sentiment(0.6249, 0.661, 0.339, 0.0),
        rule="tail-name",
    )
    with quotetrack.Tracker(":memory:") as tracker:
        tracker.add_analyzed(quotetrack.Document(TEXT, "a"), [quote])
        assert [q.quote for q in tracker.quotes()] == [quote]


def test_tracked_quote_records_name_both_speakers_apart() -> None:
    """A stored quote's row has the in-article speaker and the cross-article one."""
    with quotetrack.Tracker(":memory:") as tracker:
        tracker.add("“We will win,” Hillary Clinton said.", doc_id="a", published=None)
        tracker.add("“We will win,” Mrs. Clinton said.", doc_id="b", published=None)
        rows_ = list(quotetrack.to_records(tracker.quotes()))
    assert [(r["speaker"], r["tracked_speaker"]) for r in rows_] == [
        ("Hillary Clinton", "Hillary Clinton"),
        ("Mrs. Clinton", "Hillary Clinton"),
    ]
    assert [r["quote_index"] for r in rows_] == [0, 0]


def test_a_row_written_by_earlier_releases_reads_back(tmp_path: Path) -> None:
    """A quote row in the SQL columns of schema 1 (as every release wrote it) decodes."""
    path = tmp_path / "old.db"
    with quotetrack.Tracker(path) as tracker:
        tracker.add_analyzed(quotetrack.Document(TEXT, "a"), [])
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO quotes (doc_id, position, text, spans, kind, speaker_name, speaker_kind,"
        " mention_start, mention_end, mention_text, cue_start, cue_end, cue_text,"
        " addressee_start, addressee_end, addressee_text, compound, positive, neutral,"
        " negative, rule) VALUES ('a', 0, 'Great, just great,', '[[1,19]]', 'mixed',"
        " 'Jane Doe', 'group', 21, 29, 'Jane Doe', 30, 34, 'told', 35, 38, 'him',"
        " 0.6249, 0.661, 0.339, 0.0, 'tail-name')"
    )
    conn.commit()
    conn.close()
    with quotetrack.Tracker(path) as tracker:
        [stored] = tracker.quotes()
    assert stored.quote == Quote(
        text="Great, just great,",
        spans=(Span.of(TEXT, 1, 19),),
        speaker=Speaker("Jane Doe", Span.of(TEXT, 21, 29), SpeakerKind.GROUP),
        cue=Span.of(TEXT, 30, 34),
        kind=QuoteKind.MIXED,
        addressee=Span.of(TEXT, 35, 38),
        sentiment=Sentiment(0.6249, 0.661, 0.339, 0.0),
        rule="tail-name",
    )


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("speaker_members", "not json"),
        ("speaker_members", '[{"name": "A"}]'),  # a member without its mention
        (
            "speaker_members",
            '[{"name": "A", "kind": "person", "mention": null, "resolved": true, "source": null}]',
        ),
        ("spans", "[[1,"),
        ("kind", "shouted"),
        ("speaker_kind", "alien"),
        ("sentiment_compound", "abc"),
    ],
)
def test_a_value_that_cannot_be_decoded_is_an_input_type_error(column: str, value: str) -> None:
    """A record cell a frame, a Parquet file or a hand edit damaged raised a raw
    JSONDecodeError, ValueError or AssertionError (and a member dict missing a key was
    reported by flat.quotes_from_records as a missing *column*)."""
    text = "Officials met. “We will fight the FBI on this,” say Maria Lopez and John Smith."
    record = records.quote_record(quotetrack.analyze(text)[0])
    record[column] = value
    with pytest.raises(InputTypeError, match="cannot be decoded"):
        records.quote_from_record(record)
