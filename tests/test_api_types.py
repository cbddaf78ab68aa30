"""The public API given the wrong types (second adversarial pass): a typed
:mod:`quotetrack.errors` error naming the argument, never a bare TypeError,
AttributeError or OverflowError from deep inside, and never a silent empty answer."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import quotetrack as qt
from quotetrack.dask import load_parquet
from quotetrack.errors import InputTypeError, QuotetrackError, TrackerError

LINE = "“We will win this state,” Maria Lopez said."


@pytest.fixture(scope="module")
def tracker() -> Iterator[qt.Tracker]:
    """A store of one article."""
    with qt.Tracker(":memory:") as store:
        store.add(LINE, doc_id="a", published="2024-03-04", outlet="The Ledger")
        yield store


NOT_TEXT = [3, 10**30, 1.5, b"bytes", ["a"]]


@pytest.mark.parametrize("bad", NOT_TEXT, ids=repr)
@pytest.mark.parametrize(
    "call",
    [
        lambda t, b: t.speakers(contains=b),
        lambda t, b: t.speakers(outlet=b),
        lambda t, b: t.quotes(contains=b),
        lambda t, b: t.quotes(outlet=b),
        lambda t, b: t.quotes(doc_id=b),
        lambda t, b: t.mentions(outlet=b),
        lambda t, b: t.timeline("Maria Lopez", outlet=b),
        lambda t, b: t.clusters(1, contains=b),
        lambda t, b: qt.render_report(t, outlet=b),
    ],
    ids=[
        "speakers(contains)",
        "speakers(outlet)",
        "quotes(contains)",
        "quotes(outlet)",
        "quotes(doc_id)",
        "mentions(outlet)",
        "timeline(outlet)",
        "clusters(contains)",
        "render_report(outlet)",
    ],
)
def test_a_text_filter_that_is_not_text_is_an_input_type_error(
    tracker: qt.Tracker, call: Callable[[qt.Tracker, object], object], bad: object
) -> None:
    """``quotes(outlet=3)`` silently found nothing and ``quotes(contains=10**30)`` was an
    OverflowError from SQLite."""
    with pytest.raises(InputTypeError):
        call(tracker, bad)


QUOTES = qt.parse(LINE)


def _fp() -> io.StringIO:
    return io.StringIO()


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("to_jsonl(None)", lambda: qt.to_jsonl(None, _fp())),  # type: ignore[arg-type]
        ("to_jsonl([None])", lambda: qt.to_jsonl([None], _fp())),  # type: ignore[list-item]
        ("to_jsonl(fp=None)", lambda: qt.to_jsonl(QUOTES, None)),  # type: ignore[arg-type]
        ("to_csv(None)", lambda: qt.to_csv(None, _fp())),  # type: ignore[arg-type]
        ("to_csv(fp=None)", lambda: qt.to_csv(QUOTES, None)),  # type: ignore[arg-type]
        ("to_records(None)", lambda: list(qt.to_records(None))),  # type: ignore[arg-type]
        ("to_dict(None)", lambda: qt.to_dict(None)),  # type: ignore[arg-type]
        ("tracked_to_dict(None)", lambda: qt.tracked_to_dict(None)),  # type: ignore[arg-type]
        ("tracked_to_dict(quote)", lambda: qt.tracked_to_dict(QUOTES[0])),  # type: ignore[arg-type]
        ("quotebank_record(None)", lambda: qt.quotebank_record(None)),  # type: ignore[arg-type]
        ("to_quotebank(None)", lambda: qt.to_quotebank(None, _fp())),  # type: ignore[arg-type]
        ("to_quotebank([None])", lambda: qt.to_quotebank([None], _fp())),  # type: ignore[list-item]
        ("render_html(quotes=None)", lambda: qt.render_html(LINE, None)),  # type: ignore[arg-type]
        ("render_html(quotes=[None])", lambda: qt.render_html(LINE, [None])),  # type: ignore[list-item]
        ("render_report(None)", lambda: qt.render_report(None)),  # type: ignore[arg-type]
    ],
)
def test_exports_and_pages_of_the_wrong_type_are_input_type_errors(
    name: str, call: Callable[[], Any]
) -> None:
    """Each was an AttributeError or TypeError from inside the function."""
    with pytest.raises(InputTypeError):
        call()


def test_to_pandas_of_no_iterable_is_an_input_type_error() -> None:
    """``to_pandas(None)`` was a TypeError (pandas or not, the argument is wrong)."""
    pytest.importorskip("pandas", reason="to_pandas needs the pandas extra")
    with pytest.raises(InputTypeError):
        qt.to_pandas(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("speakers=3", lambda t: qt.render_report(t, speakers=3)),
        ("speakers='Maria Lopez'", lambda t: qt.render_report(t, speakers="Maria Lopez")),
        ("speakers=[None]", lambda t: qt.render_report(t, speakers=[None])),
        ("top=None", lambda t: qt.render_report(t, top=None)),
        ("top='3'", lambda t: qt.render_report(t, top="3")),
        ("title=3", lambda t: qt.render_report(t, title=3)),
    ],
)
def test_render_report_options_of_the_wrong_type_are_typed_errors(
    tracker: qt.Tracker, name: str, call: Callable[[qt.Tracker], Any]
) -> None:
    """``speakers=[None]`` was an AttributeError, ``top=None`` a TypeError; a single
    name instead of a list charted each of its letters as a speaker."""
    with pytest.raises(QuotetrackError):
        call(tracker)


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("add_many(None)", lambda t: t.add_many(None)),
        ("add_many(progress=3)", lambda t: t.add_many([{"text": LINE, "doc_id": "p"}], progress=3)),
        ("add_analyzed(quotes=None)", lambda t: t.add_analyzed(qt.Document(LINE, "n"), None)),
        ("link_people(None)", lambda t: t.link_people(None)),
        ("link_people(3)", lambda t: t.link_people(3)),
    ],
)
def test_writing_with_the_wrong_types_is_an_input_type_error(
    name: str, call: Callable[[qt.Tracker], Any]
) -> None:
    """Each was a bare TypeError, some after the store was changed."""
    with qt.Tracker(":memory:") as tracker:
        with pytest.raises(InputTypeError):
            call(tracker)
        assert tracker.stats().documents == 0


@pytest.mark.parametrize("bad", [None, 3, 10**30, b"q.db"], ids=repr)
def test_existing_of_no_path_is_an_input_type_error(bad: object) -> None:
    """``Tracker.existing(None)`` was a TypeError from os.stat, ``10**30`` an
    OverflowError (an int is read as a file descriptor)."""
    with pytest.raises(InputTypeError):
        qt.Tracker.existing(bad)  # type: ignore[arg-type]


def test_a_people_path_of_the_wrong_type_is_an_input_type_error() -> None:
    """``Tracker(":memory:", people=3)`` was a TypeError from open()."""
    with pytest.raises(InputTypeError):
        qt.Tracker(":memory:", people=3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("what", "call"),
    [
        ("path", lambda: qt.Tracker.existing(3)),  # type: ignore[arg-type]
        ("people", lambda: qt.Tracker(":memory:", people=3)),  # type: ignore[arg-type]
        ("path", lambda: qt.Tracker(":memory:").link_people(3)),  # type: ignore[arg-type]
        ("path", lambda: qt.load_people(3)),  # type: ignore[arg-type]
        ("path", lambda: load_parquet(qt.Tracker(":memory:"), 3, [])),
    ],
    ids=["existing", "Tracker(people=)", "link_people", "load_people", "load_parquet"],
)
def test_a_path_of_the_wrong_type_is_named_alike_everywhere(
    what: str, call: Callable[[], object]
) -> None:
    """Every argument that takes a path says the same thing when it is given something
    else, naming the argument (the four checks were worded three ways, one naming
    ``people`` for link_people's ``path``)."""
    with pytest.raises(InputTypeError) as raised:
        call()
    assert str(raised.value) == f"{what} must be a str or os.PathLike, not int"


def test_a_bad_people_path_leaves_no_store_behind(tmp_path: Path) -> None:
    """``Tracker(path, people=3)`` created and set up an empty store before refusing."""
    with pytest.raises(InputTypeError):
        qt.Tracker(tmp_path / "q.db", people=3)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_a_closed_connection_is_a_tracker_error() -> None:
    """``Tracker(conn)`` of a closed sqlite3 connection was a raw ProgrammingError."""
    conn = sqlite3.connect(":memory:")
    conn.close()
    with pytest.raises(TrackerError, match="closed"):
        qt.Tracker(conn)
