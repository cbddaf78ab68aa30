"""The Tracker: an SQLite store of articles, quotes, speakers across articles and clusters."""

from __future__ import annotations

import datetime as dt
import doctest
import itertools
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack import tracker as tracker_module
from quotetrack.errors import (
    ConfigurationError,
    DocumentConflictError,
    InputTypeError,
    InvalidDateError,
    InvalidSpanError,
    InvalidTextError,
    SchemaVersionError,
    TrackerError,
)
from quotetrack.models import Document, Quote, QuoteKind, Sentiment, Span, Speaker, SpeakerKind
from quotetrack.store import schema as store_schema
from quotetrack.store import writing
from quotetrack.tracker import SCHEMA_VERSION, Tracker
from tests.equality import how_resolved, in_full
from tests.strategies import HOSTILE_STRINGS, analyzed_documents

SHARED = Path(__file__).resolve().parents[2] / "shared"
POLNEAR = SHARED / "data" / "polnear"

Said = tuple[str, str] | tuple[str, str, str]  # (quote, in-article name[, mention])


def article(
    doc_id: str,
    *said: Said,
    published: str | None = "2016-09-01",
    outlet: str | None = "ap",
    compound: float = 0.5,
) -> tuple[Document, list[Quote]]:
    """An article whose quotes are built by hand: the tests do not depend on the parser."""
    parts: list[str] = []
    pieces: list[tuple[int, int, str, int, int, int, int]] = []
    pos = 0
    for item in said:
        quote, name = item[0], item[1]
        mention = item[2] if len(item) == 3 else name
        para = f"“{quote},” {mention} said. "
        q0 = pos + 1
        m0 = pos + para.index(f"” {mention}") + 2
        c0 = m0 + len(mention) + 1
        pieces.append((q0, q0 + len(quote), name, m0, m0 + len(mention), c0, c0 + 4))
        parts.append(para)
        pos += len(para)
    text = "".join(parts)
    quotes = [
        attrs.evolve(
            Quote.from_spans(
                (Span.of(text, q0, q1),),
                speaker=Speaker(name, Span.of(text, m0, m1), SpeakerKind.PERSON),
                cue=Span.of(text, c0, c1),
                rule="hand-made",
            ),
            sentiment=Sentiment(compound, 0.1, 0.8, 0.1),
        )
        for q0, q1, name, m0, m1, c0, c1 in pieces
    ]
    return Document(text, doc_id, published, outlet), quotes


def store(tracker: Tracker, *articles: tuple[Document, list[Quote]]) -> None:
    """Add hand-made articles."""
    for document, quotes in articles:
        tracker.add_analyzed(document, quotes)


def names(tracker: Tracker) -> dict[str, int]:
    """Speaker display name -> number of quotes."""
    return {s.name: s.quotes for s in tracker.speakers()}


LINE = "We will keep fighting for working families in every single state"
OTHER = "The economy is doing much better than anyone in Washington expected"


@pytest.fixture
def tracker() -> Tracker:
    """An in-memory tracker."""
    return Tracker(":memory:")


# --- adding ------------------------------------------------------------------------


def test_add_analyses_and_stores_an_article(tracker: Tracker) -> None:
    """add() stores the article and the quotes analyze() finds, read back equal."""
    text = "Hillary Clinton spoke.\n\n“We will keep fighting for working families,” Clinton said."
    result = tracker.add(text, doc_id="a1", published="2016-09-12T10:00:00", outlet="AP")
    assert (result.doc_id, result.status, result.quotes) == ("a1", "added", 1)
    assert tracker.document("a1") == Document(text, "a1", dt.date(2016, 9, 12), "AP")
    stored = tracker.quotes()
    assert [q.quote for q in stored] == list(quotetrack.analyze(text))
    assert stored[0].speaker == "Hillary Clinton" and stored[0].outlet == "AP"


def test_stored_speakers_keep_how_they_were_resolved(tmp_path: Path) -> None:
    """An unresolved "she" reads back unresolved, and a resolved pronoun keeps the span
    of the name it was read from (they used to read back resolved, without a source)."""
    text = (
        "Some observers said the plan would fail. “It will never work in this town, not "
        "ever,” she said.\n\nMaria Lopez spoke later. “We will build it anyway,” she said."
    )
    analysed = quotetrack.analyze(text)
    flags = how_resolved(analysed)
    assert (False, None) in flags and any(f is not None and f[0] and f[1] for f in flags)
    with Tracker(tmp_path / "q.db") as tracker:
        tracker.add(text, doc_id="x")
    with Tracker.existing(tmp_path / "q.db") as reader:
        stored = [q.quote for q in reader.quotes()]
    assert stored == list(analysed)
    assert how_resolved(stored) == flags


def test_same_id_same_text_changes_nothing(tracker: Tracker) -> None:
    """Adding an article again is a no-op that says so."""
    document, quotes = article("a", (LINE, "Hillary Clinton"))
    assert tracker.add_analyzed(document, quotes).status == "added"
    again = tracker.add_analyzed(document, quotes)
    assert (again.status, again.quotes, again.changed) == ("unchanged", 1, False)
    assert tracker.add(document.text, doc_id="a", published=None).status == "unchanged"
    assert tracker.stats().quotes == 1


def test_same_id_different_text_is_a_conflict(tracker: Tracker) -> None:
    """A new text under a stored doc_id raises a clear error and changes nothing."""
    store(tracker, article("a", (LINE, "Hillary Clinton")))
    changed, quotes = article("a", (OTHER, "Hillary Clinton"))
    with pytest.raises(DocumentConflictError, match="replace=True") as info:
        tracker.add_analyzed(changed, quotes)
    assert isinstance(info.value, ValueError)
    with pytest.raises(DocumentConflictError):
        tracker.add(changed.text, doc_id="a", published=None)
    assert [q.text for q in tracker.quotes()] == [LINE]


def test_replace_swaps_the_article_whole(tracker: Tracker) -> None:
    """replace=True puts the new text and quotes in place of the old ones."""
    store(tracker, article("a", (LINE, "Hillary Clinton")))
    changed, quotes = article("a", (OTHER, "Bill Clinton"), published="2016-10-01")
    assert tracker.add_analyzed(changed, quotes, replace=True).status == "replaced"
    assert [q.text for q in tracker.quotes()] == [OTHER]
    assert names(tracker) == {"Bill Clinton": 1}
    assert tracker.document("a") == changed


def test_replace_leaves_identical_articles_alone(tracker: Tracker) -> None:
    """replace=True changes nothing for the same article, and replaces new metadata."""
    document, quotes = article("a", (LINE, "Hillary Clinton"))
    store(tracker, (document, quotes))
    assert tracker.add_analyzed(document, quotes, replace=True).status == "unchanged"
    redated = attrs.evolve(document, published=dt.date(2016, 9, 2))
    assert tracker.add_analyzed(redated, quotes).status == "unchanged"
    assert tracker.add_analyzed(redated, quotes, replace=True).status == "replaced"
    assert tracker.quotes()[0].published == dt.date(2016, 9, 2)


@pytest.mark.parametrize("text", [b"bytes", None, 42])
def test_non_str_text_raises_a_typed_error(tracker: Tracker, text: object) -> None:
    """A text that is not a str raises InputTypeError and nothing is written."""
    with pytest.raises(InputTypeError):
        tracker.add(text, doc_id="x", published=None)  # type: ignore[arg-type]
    assert tracker.stats().documents == 0


@pytest.mark.parametrize("published", ["12/09/2016", "yesterday", 20160912])
def test_unreadable_date_raises_a_typed_error(tracker: Tracker, published: object) -> None:
    """An unreadable date raises InvalidDateError and nothing is written."""
    with pytest.raises(InvalidDateError):
        tracker.add("“Hi there,” Smith said.", doc_id="x", published=published)  # type: ignore[arg-type]
    assert tracker.stats().documents == 0


def test_bad_doc_id_and_quotes_are_refused(tracker: Tracker) -> None:
    """An empty doc_id, a non-Quote and a span that does not fit the text are refused."""
    document, quotes = article("a", (LINE, "Hillary Clinton"))
    with pytest.raises(InputTypeError):
        tracker.add("text", doc_id="", published=None)
    with pytest.raises(InputTypeError):
        tracker.add_analyzed(document, ["not a quote"])  # type: ignore[list-item]
    shifted = attrs.evolve(quotes[0], spans=(Span(0, 5, "wrong"),))
    with pytest.raises(InvalidSpanError):
        tracker.add_analyzed(document, [shifted])
    assert tracker.stats().documents == 0


def test_a_failure_while_writing_leaves_nothing_behind(
    tracker: Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error after some rows of an article were written rolls the whole article back."""
    calls = itertools.count()
    real = writing.cluster_quote

    def failing(*args: object) -> None:
        if next(calls) == 1:
            raise RuntimeError("disk on fire")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(writing, "cluster_quote", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store(tracker, article("a", (LINE, "Hillary Clinton"), (OTHER, "Bill Clinton")))
    assert tracker.stats() == tracker_module.StoreStats(0, 0, 0, 0)
    monkeypatch.setattr(writing, "cluster_quote", real)
    store(tracker, article("a", (LINE, "Hillary Clinton"), (OTHER, "Bill Clinton")))
    assert tracker.stats().quotes == 2


@settings(max_examples=60)
@given(analyzed_documents())
def test_what_is_stored_reads_back_equal(case: tuple[Document, tuple[Quote, ...]]) -> None:
    """Any article and quotes, hostile strings included, read back exactly as stored."""
    document, quotes = case
    with Tracker(":memory:") as tracker:
        assert tracker.add_analyzed(document, quotes).quotes == len(quotes)
        assert tracker.document(document.doc_id) == document
        stored = tracker.quotes(doc_id=document.doc_id)
        assert in_full(q.quote for q in stored) == in_full(quotes)
        assert all(q.published == document.published for q in stored)
        tracker.speakers()
        tracker.clusters(min_articles=1)


def test_an_injection_attempt_is_just_a_name(tracker: Tracker) -> None:
    """A speaker named like an SQL injection is stored, followed and read back verbatim."""
    hostile = "Robert'); Drop Table Quotes;--"
    store(
        tracker,
        article(hostile, (LINE, hostile), outlet=HOSTILE_STRINGS[0]),
        article("b", (OTHER, "Robert'); DROP TABLE quotes;--")),
    )
    assert {q.quote.speaker.name for q in tracker.quotes() if q.quote.speaker} == {
        hostile,
        "Robert'); DROP TABLE quotes;--",
    }
    assert tracker.speaker(hostile) is not None
    assert [s.name for s in tracker.speakers(contains="drop table")] == [hostile]
    assert [q.doc_id for q in tracker.quotes(outlet=HOSTILE_STRINGS[0])] == [hostile]
    assert tracker.stats().documents == 2


# --- speakers across articles --------------------------------------------------------


def test_one_person_one_speaker_across_articles(tracker: Tracker) -> None:
    """Name forms of Hillary Clinton in different articles are one speaker; Bill is another."""
    store(
        tracker,
        article("a", ("Line one of a speech", "Hillary Clinton", "Clinton")),
        article("b", ("Line two of a speech", "Hillary Rodham Clinton", "Mrs. Clinton")),
        article("c", ("Line three of a speech", "Hillary Clinton", "Secretary Clinton")),
        article("d", ("Line four of a speech", "Bill Clinton", "Clinton")),
        article("e", ("Line five of a speech", "Mrs. Clinton")),
    )
    assert names(tracker) == {"Hillary Clinton": 4, "Bill Clinton": 1}
    hillary = tracker.speakers()[0]
    # Aliases are name forms: "Secretary Clinton" is listed as "Clinton", while the
    # courtesy title of "Mrs. Clinton" stays (it says which Clinton).
    assert set(hillary.aliases) == {
        "Hillary Clinton",
        "Clinton",
        "Hillary Rodham Clinton",
        "Mrs. Clinton",
    }
    assert (hillary.articles, hillary.first_seen) == (4, dt.date(2016, 9, 1))


def test_aliases_list_only_forms_that_fit(tracker: Tracker) -> None:
    """A mention naming someone else (a parser slip) is not listed as an alias."""
    store(
        tracker,
        article("a", ("Line one of a speech", "Donald Trump", "Mr. Trump")),
        article("b", ("Line two of a speech", "Donald Trump", "Ivanka Trump")),
        article("c", ("Line three of a speech", "Donald Trump", "So Donald Trump")),
    )
    assert tracker.speakers()[0].aliases == ("Donald Trump", "Mr. Trump")


def test_surname_only_article_links_only_when_unambiguous(tracker: Tracker) -> None:
    """A bare "Clinton" joins Hillary while she is the only Clinton; once Bill is quoted
    as often, it is ambiguous: linked to no one and reported, never a "Clinton" record."""
    store(
        tracker,
        article("a", ("Line one of a speech", "Hillary Clinton")),
        article("b", ("Line two of a speech", "Clinton")),
    )
    assert names(tracker) == {"Hillary Clinton": 2}
    store(tracker, article("c", ("Line three of a speech", "Bill Clinton")))
    assert names(tracker) == {"Hillary Clinton": 1, "Bill Clinton": 1}
    (ambiguous,) = tracker.ambiguous()
    assert (ambiguous.name, ambiguous.doc_id) == ("Clinton", "b")
    assert ambiguous.candidates == ("person:hillary clinton", "person:william clinton")


def test_misspelling_links_across_articles(tracker: Tracker) -> None:
    """ "Teigan" in one article joins Chrissy Teigen of the others."""
    store(
        tracker,
        article("a", ("Line one of a speech", "Chrissy Teigen")),
        article("b", ("Line two of a speech", "Chrissy Teigen", "Teigen")),
        article("c", ("Line three of a speech", "Teigan")),
    )
    assert names(tracker) == {"Chrissy Teigen": 3}
    assert "Teigan" in tracker.speakers()[0].aliases


_LONG = f"{LINE} and we will never stop until the job is done for all of them"
_ORDERED = [
    article("a", ("Line one of a speech", "Hillary Clinton"), (_LONG, "Hillary Clinton")),
    article("b", ("Line two of a speech", "Clinton"), (LINE, "Clinton")),
    article("c", ("Line three of a speech", "Bill Clinton")),
    article(
        "d",
        ("Line four of a speech", "Mrs. Clinton"),
        (_LONG.replace("job", "work"), "Mrs. Clinton"),
    ),
    article("e", ("Line five of a speech", "Teigan")),
    article("f", ("Line six of a speech", "Chrissy Teigen"), (LINE, "Chrissy Teigen")),
]


@settings(max_examples=15)
@given(st.permutations(range(len(_ORDERED))))
def test_identity_does_not_depend_on_ingest_order(order: Sequence[int]) -> None:
    """The same articles in any order give the same speakers, counts and clusters."""
    with Tracker(":memory:") as tracker:
        store(tracker, *(_ORDERED[i] for i in order))
        assert names(tracker) == {"Hillary Clinton": 4, "Bill Clinton": 1, "Chrissy Teigen": 3}
        # Hillary is in two articles, Bill in one: not enough to say whom "Clinton" means.
        assert [(a.name, a.doc_id, a.quotes) for a in tracker.ambiguous()] == [("Clinton", "b", 2)]
        clusters = {(c.doc_ids, c.occurrences) for c in tracker.clusters()}
        assert clusters == {(("a", "b", "d", "f"), 4)}


def test_speaker_lookup_and_filters(tracker: Tracker) -> None:
    """speakers() filters by text, kind, dates, outlet and counts; speaker() finds aliases."""
    store(
        tracker,
        article("a", ("Line one of a speech", "Hillary Clinton"), published="2016-01-05"),
        article("b", ("Line two of a speech", "Mrs. Clinton"), outlet="nyt"),
        article("c", ("Line three of a speech", "Donald Trump"), published=None, compound=-0.5),
    )
    assert [s.name for s in tracker.speakers(contains="CLINT")] == ["Hillary Clinton"]
    assert [s.name for s in tracker.speakers(outlet="NYT")] == ["Hillary Clinton"]
    assert [s.name for s in tracker.speakers(since="2016-02-01")] == ["Hillary Clinton"]
    assert [s.name for s in tracker.speakers(min_quotes=2)] == ["Hillary Clinton"]
    assert [s.name for s in tracker.speakers(kind="group")] == []
    trump = tracker.speaker("donald trump")
    assert trump is not None
    assert (trump.mean_compound, trump.first_seen, trump.last_seen) == (-0.5, None, None)
    found = tracker.speaker("Mrs. Clinton")
    assert found is not None and found.name == "Hillary Clinton"
    assert tracker.speaker(found.id) == found
    assert tracker.speaker("Nobody") is None
    with pytest.raises(ConfigurationError):
        tracker.speakers(kind="robot")


# --- quotes, timelines, clusters ----------------------------------------------------


def test_quote_filters(tracker: Tracker) -> None:
    """quotes() filters by speaker (any form), dates, outlet, text and kind."""
    store(
        tracker,
        article("a", ("Zoë said this first", "Hillary Clinton"), published="2016-01-05"),
        article("b", ("And then this one", "Mrs. Clinton"), outlet="NYT"),
        article("c", ("Something else entirely", "Donald Trump")),
    )
    texts = lambda quotes: [q.text for q in quotes]  # noqa: E731
    assert texts(tracker.quotes(speaker="Mrs. Clinton")) == [
        "Zoë said this first",
        "And then this one",
    ]
    hillary = tracker.speaker("Hillary Clinton")
    assert hillary is not None
    assert tracker.quotes(speaker=hillary) == tracker.quotes(speaker=hillary.id)
    assert texts(tracker.quotes(until="2016-06-01")) == ["Zoë said this first"]
    assert texts(tracker.quotes(outlet="nyt")) == ["And then this one"]
    assert texts(tracker.quotes(contains="ZOË")) == ["Zoë said this first"]
    assert texts(tracker.quotes(kind="direct", limit=1)) == ["Zoë said this first"]
    assert tracker.quotes(speaker="Nobody") == []
    assert tracker.quotes(kind="reported") == []
    with pytest.raises(ConfigurationError):
        tracker.quotes(kind="shouted")
    with pytest.raises(InvalidDateError):
        tracker.quotes(since="last week")


def test_timeline_by_month_week_and_day(tracker: Tracker) -> None:
    """The timeline counts quotes and averages compound per period, gaps included."""
    store(
        tracker,
        article("a", ("Line one of a speech", "Donald Trump"), published="2016-01-04"),
        article("b", ("Line two of a speech", "Trump", "Trump"), published="2016-01-06"),
        article("c", ("Line three of a speech", "Donald Trump"), published="2016-03-01"),
        article("d", ("Line four of a speech", "Donald Trump"), published=None),
    )
    months = tracker.timeline("Donald Trump", freq="month")
    assert [(p.period, p.quotes, p.mean_compound) for p in months] == [
        ("2016-01", 2, 0.5),
        ("2016-02", 0, None),
        ("2016-03", 1, 0.5),
    ]
    weeks = tracker.timeline("Donald Trump", freq="week")
    assert (weeks[0].period, weeks[0].start, weeks[0].quotes) == (
        "2016-W01",
        dt.date(2016, 1, 4),
        2,
    )
    assert len(weeks) == 9
    days = tracker.timeline("Donald Trump", freq="day")
    assert (days[0].period, days[1].quotes, len(days)) == ("2016-01-04", 0, 58)
    assert [p.quotes for p in tracker.timeline("Donald Trump", since="2016-02-01")] == [1]
    assert tracker.timeline("Donald Trump", outlet="nyt") == []
    assert tracker.timeline("Nobody") == []
    with pytest.raises(ConfigurationError):
        tracker.timeline("Donald Trump", freq="year")  # type: ignore[arg-type]


def test_a_reprinted_line_is_one_cluster(tracker: Tracker) -> None:
    """Wire copy, a shortened version and a lightly edited one form one cluster."""
    long = (
        "The governor wants to scrap the river levy. By the way, if he gets to name the "
        "auditors, there is nothing you can do, neighbours"
    )
    store(
        tracker,
        article("wire", (long, "Donald Trump"), published="2016-08-10", outlet="ap"),
        article("reprint", (long, "Donald Trump"), published="2016-08-11", outlet="nyt"),
        article(
            "short",
            ("If he gets to name the auditors, there is nothing you can do neighbours", "Trump"),
            published="2016-08-09",
            outlet="wash-post",
        ),
        article(
            "edited",
            (long.replace("By the way, if", "And if"), "Mr. Trump"),
            published="2016-08-12",
            outlet="ap",
        ),
        article("other", (OTHER, "Donald Trump")),
    )
    (cluster,) = tracker.clusters()
    assert cluster.quotation == long
    assert (cluster.occurrences, cluster.articles) == (4, 4)
    assert cluster.doc_ids == ("short", "wire", "reprint", "edited")
    assert cluster.outlets == ("ap", "nyt", "wash-post")
    assert (cluster.first_seen, cluster.last_seen) == (dt.date(2016, 8, 9), dt.date(2016, 8, 12))
    assert cluster.speaker == "Donald Trump"
    assert len(tracker.clusters(min_articles=1)) == 2
    assert tracker.clusters(contains="scrap") == [cluster]
    assert tracker.stats().clusters == 1


def test_paraphrase_is_not_a_re_quoted_line(tracker: Tracker) -> None:
    """Reported speech never clusters, even when worded the same."""
    for doc_id in ("a", "b"):
        document, quotes = article(doc_id, (LINE, "Hillary Clinton"))
        reported = [attrs.evolve(q, kind=QuoteKind.REPORTED) for q in quotes]
        tracker.add_analyzed(document, reported)
    assert tracker.clusters() == []
    assert len(tracker.clusters(min_articles=1)) == 2


def test_a_line_quoted_inside_a_mixed_quote_joins_its_cluster(tracker: Tracker) -> None:
    """A mixed quote clusters by its quoted fragment: the same line quoted whole in one
    article and as the end of a paraphrase in another is one re-quoted line; the
    paraphrase around it does not count."""
    line = "the top priority of my first hundred days in the White House"
    tracker.add(
        f"“Protecting existing regulations will be {line},” Clinton said.",
        doc_id="direct",
        published="2016-01-01",
        outlet="X",
    )
    tracker.add(
        f"On her climate page, Clinton vows that protecting existing regulations will be “{line}.”",
        doc_id="mixed",
        published="2016-01-02",
        outlet="Y",
    )
    kinds = sorted(q.quote.kind.value for q in tracker.quotes())
    assert kinds == ["direct", "mixed"]
    (cluster,) = tracker.clusters()
    assert cluster.doc_ids == ("direct", "mixed")
    assert cluster.outlets == ("X", "Y")


def test_replacing_the_bridge_splits_a_cluster(tracker: Tracker) -> None:
    """When the only quote linking two shorter ones goes, they are two clusters again."""
    first = "We are going to fix the broken trade deals that hurt our workers"
    second = "and we are going to bring the factories back to the heartland"
    store(
        tracker,
        article("bridge", (f"{first} {second}", "Donald Trump")),
        article("one", (first, "Donald Trump")),
        article("two", (second, "Donald Trump")),
    )
    assert [c.articles for c in tracker.clusters()] == [3]
    document, quotes = article("bridge", (OTHER, "Donald Trump"))
    tracker.add_analyzed(document, quotes, replace=True)
    assert tracker.clusters() == []
    assert len(tracker.clusters(min_articles=1)) == 3


# --- the store ----------------------------------------------------------------------


def test_a_new_store_carries_the_schema_version(tmp_path: Path) -> None:
    """A file store is in WAL mode and records the schema version."""
    path = tmp_path / "q.db"
    with Tracker(path):
        pass
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    """Opening a store written by a newer quotetrack raises SchemaVersionError."""
    path = tmp_path / "q.db"
    with Tracker(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    with pytest.raises(SchemaVersionError, match="newer quotetrack") as info:
        Tracker(path)
    assert isinstance(info.value, RuntimeError)


def test_an_older_store_is_migrated(tmp_path: Path) -> None:
    """A version-1 store (no clusters yet) is migrated, its quotes clustered."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    store_schema.MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    for doc in ("a", "b"):
        conn.execute(
            "INSERT INTO documents (doc_id, sha256, published, text, added)"
            " VALUES (?, 'x', '2016-01-01', ?, 'now')",
            (doc, f"“{LINE}”"),
        )
        conn.execute(
            "INSERT INTO quotes (doc_id, position, text, spans, kind, rule)"
            " VALUES (?, 0, ?, '[[1, 66]]', 'direct', 'old')",
            (doc, LINE),
        )
    conn.close()
    with Tracker(path) as tracker:
        (cluster,) = tracker.clusters()
        assert cluster.doc_ids == ("a", "b")
        assert tracker.quotes()[0].quote.spans == (Span(1, 66, LINE),)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_files_that_are_not_stores_are_refused(tmp_path: Path) -> None:
    """A text file, a foreign database and a missing path give TrackerError."""
    text = tmp_path / "notes.txt"
    text.write_text("hello, this is not a database" * 100)
    with pytest.raises(TrackerError, match="not a quotetrack store"):
        Tracker(text)
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE quotes (x)")
    with pytest.raises(TrackerError, match="not a quotetrack store"):
        Tracker(foreign)
    with pytest.raises(TrackerError, match="no store"):
        Tracker.existing(tmp_path / "missing.db")
    with pytest.raises(InputTypeError):
        Tracker(42)  # type: ignore[arg-type]


def test_a_given_connection_is_left_open() -> None:
    """Tracker(connection) works over it and leaves it open and as it was."""
    conn = sqlite3.connect(":memory:")
    with Tracker(conn) as tracker:
        store(tracker, article("a", (LINE, "Hillary Clinton")))
        assert repr(tracker) == "<Tracker 'the given connection'>"
    assert conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0] == 1
    assert conn.isolation_level == ""


# --- many articles -------------------------------------------------------------------


def _records() -> list[dict[str, object]]:
    return [
        {
            "doc_id": f"d{i}",
            "text": f"{who} spoke.\n\n“{line} number {i},” {who.split()[-1]} said.",
            "published": f"2016-0{1 + i % 9}-01",
            "outlet": "ap",
        }
        for i, (who, line) in enumerate(
            itertools.product(["Hillary Clinton", "Donald Trump"], [LINE, OTHER, LINE.upper()])
        )
    ]


def test_add_many_takes_records_and_documents(tracker: Tracker) -> None:
    """add_many reads mappings and Documents, reports each result and sums them up."""
    records = _records()
    seen: list[str] = []
    summary = tracker.add_many(
        [*records[:3], *(Document(**r) for r in records[3:])],  # type: ignore[arg-type]
        progress=lambda r: seen.append(r.status),
    )
    assert (summary.added, summary.unchanged, summary.quotes, summary.documents) == (6, 0, 6, 6)
    assert seen == ["added"] * 6 and summary.rate > 0
    again = tracker.add_many(records)
    assert (again.added, again.unchanged, again.quotes) == (0, 6, 0)
    assert names(tracker) == {"Hillary Clinton": 3, "Donald Trump": 3}


def test_add_many_refuses_a_bad_record_after_storing_the_good_ones(tracker: Tracker) -> None:
    """A record without text raises, naming it; the articles before it stay stored."""
    records = [*_records()[:2], {"doc_id": "broken"}, *_records()[2:]]
    with pytest.raises(InputTypeError, match=r"documents\[2\]"):
        tracker.add_many(records)
    assert tracker.stats().documents == 2
    with pytest.raises(InputTypeError, match=r"documents\[0\]"):
        tracker.add_many(["just a string"])  # type: ignore[list-item]


def test_add_many_in_worker_processes_stores_the_same(tracker: Tracker) -> None:
    """Extraction in two worker processes stores exactly what one process stores."""
    records = _records()
    tracker.add_many(records, workers=1)
    with Tracker(":memory:") as parallel:
        summary = parallel.add_many(records, workers=2, chunksize=2)
        assert summary.added == len(records)
        assert [q.quote for q in parallel.quotes()] == [q.quote for q in tracker.quotes()]
        assert parallel.add_many(records, workers=2).unchanged == len(records)


# --- docs and real data --------------------------------------------------------------


def test_module_examples_run() -> None:
    """The examples in the tracker module's docstring are correct."""
    failures, tests = doctest.testmod(tracker_module, optionflags=doctest.ELLIPSIS)
    assert tests > 0 and failures == 0


def test_polnear_dev_top_speakers() -> None:
    """On PolNeAR dev with its metadata, Trump leads and Clinton is among the top three
    (Obama's interview article gives him more quotes once its pronouns resolve), one
    speaker each."""
    from quotetrack.ingest import iter_documents, read_metadata

    if not (POLNEAR / "dev" / "text").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (CI puts shared/ beside the clone)")
    with Tracker(":memory:") as tracker:
        metadata = read_metadata(POLNEAR / "metadata.tsv")
        summary = tracker.add_many(iter_documents([POLNEAR / "dev"], metadata=metadata))
        assert summary.added == 84
        top = tracker.speakers(limit=3)
        assert top[0].name == "Donald Trump"
        assert "Hillary Clinton" in {s.name for s in top}
        others = {s.name for s in tracker.speakers()[3:]}
        assert not others & {"Donald J. Trump", "Hillary Rodham Clinton", "Mr. Trump"}
        assert {"Donald J. Trump", "Mr. Trump"} <= set(top[0].aliases)
        assert tracker.timeline(top[0], freq="month")[0].period == "2016-09"


def test_negative_limits_are_refused(tracker: Tracker) -> None:
    """A negative limit raises instead of SQLite reading it as no limit at all."""
    with pytest.raises(ConfigurationError, match="limit"):
        tracker.quotes(limit=-5)
    with pytest.raises(ConfigurationError, match="limit"):
        tracker.speakers(limit=-1)


def test_text_utf8_cannot_store_is_refused_before_writing(tracker: Tracker) -> None:
    """A lone surrogate raises InvalidTextError and leaves the store unchanged."""
    with pytest.raises(InvalidTextError, match="surrogate"):
        tracker.add("“We will win\ud800,” Smith said.", doc_id="a", published="2016-01-01")
    assert tracker.stats().documents == 0


def test_dates_read_the_same_as_documents_read_them(tracker: Tracker) -> None:
    """An empty published is no date, as for Document; trailing garbage is an error."""
    assert tracker.add("No quotes.", doc_id="a", published="").status == "added"
    with pytest.raises(InvalidDateError):
        tracker.add("No quotes.", doc_id="b", published="2016-09-12 garbage!!")
