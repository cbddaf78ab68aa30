"""Bad input gets a typed error that also is the built-in it means."""

from __future__ import annotations

import pytest

import quotetrack
from quotetrack.errors import ConfigurationError, InputTypeError, InvalidSpanError, QuotetrackError
from quotetrack.models import Document, Span


@pytest.mark.parametrize("bad", [b"bytes text", None, 42, 3.5, ["a list"]])
def test_parse_rejects_non_str(bad: object) -> None:
    """parse() raises InputTypeError, a TypeError, for anything but str."""
    with pytest.raises(InputTypeError) as info:
        quotetrack.parse(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and isinstance(info.value, QuotetrackError)


def test_bytes_error_says_what_to_do() -> None:
    """The bytes error tells the caller to decode first."""
    with pytest.raises(InputTypeError, match="decode"):
        quotetrack.parse(b"\xe2\x80\x9cHi,\xe2\x80\x9d she said.")  # type: ignore[arg-type]


def test_span_of_checks_offsets() -> None:
    """Span.of refuses offsets outside the document, with a ValueError subclass."""
    assert Span.of("hello", 1, 3).text == "el"
    with pytest.raises(InvalidSpanError):
        Span.of("hello", 3, 9)
    with pytest.raises(ValueError, match="does not fit"):
        Span.of("hello", 4, 2)


def test_parser_rejects_empty_cue_verb() -> None:
    """A QuoteParser with an empty or multi-word cue verb is a configuration error."""
    with pytest.raises(ConfigurationError):
        quotetrack.QuoteParser(cue_verbs=[" "])


def test_document_rejects_unreadable_date() -> None:
    """A Document with a date that is not ISO raises a ValueError subclass naming it."""
    with pytest.raises(ValueError, match="not a date"):
        Document(text="x", doc_id="a", published="not a date")
    assert (
        str(Document(text="x", doc_id="a", published="2016-09-12T10:00").published) == "2016-09-12"
    )


def test_messy_text_never_raises() -> None:
    """Unpaired marks and empty text come back as data, not errors."""
    assert quotetrack.parse("") == ()
    assert all(q.speaker is None or q.speaker.name for q in quotetrack.parse('“ " ” “ ‘ ’ "' * 50))


def test_parse_date_accepts_iso_forms_and_refuses_the_rest() -> None:
    """Dates come from ISO strings, dates or datetimes; trailing garbage is an error."""
    import datetime as dt

    from quotetrack.errors import InvalidDateError
    from quotetrack.models import parse_date

    assert parse_date("2016-09-12") == dt.date(2016, 9, 12)
    assert parse_date("2016-09-12T10:30:00") == dt.date(2016, 9, 12)
    assert parse_date(dt.datetime(2016, 9, 12, 10, 30)) == dt.date(2016, 9, 12)
    assert parse_date("") is None
    assert parse_date(None) is None
    with pytest.raises(InvalidDateError, match="garbage"):
        parse_date("2016-09-12 garbage!!")
    with pytest.raises(InvalidDateError, match="int"):
        parse_date(20160912)


def test_parser_configuration_is_immutable_and_checked() -> None:
    """QuoteParser is a frozen configuration; its flags must be booleans."""
    import attrs

    parser = quotetrack.QuoteParser(cue_verbs=["Griped"])
    assert parser.cue_verbs == ("griped",)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        parser.reported = False  # type: ignore[misc]
    with pytest.raises(ConfigurationError, match="reported"):
        quotetrack.QuoteParser(reported="no")  # type: ignore[arg-type]
