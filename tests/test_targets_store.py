"""The store's targets and Tracker.mentions: how speakers talk about whom (issue 13)."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack.errors import ConfigurationError, InputTypeError, TrackerError
from quotetrack.models import Quote, TrackedMention
from quotetrack.sentiment import targets
from quotetrack.store import schema as store_schema
from quotetrack.store import writing
from quotetrack.store.speakers import name_resolver, speaker_ids
from quotetrack.store.targets import document_targets
from quotetrack.tracker import SCHEMA_VERSION, Tracker

# Invented articles: who names whom, and how.
ARTICLES: dict[str, tuple[str, str, str]] = {
    "a1": (
        "2024-03-04",
        "Ledger",
        "Maria Lopez met voters on Monday. “Tom Becker has failed every family in this "
        "state, and he should resign,” Lopez said. Tom Becker, the governor, declined to "
        "comment. “The Water Board did honest and careful work,” Lopez added.",
    ),
    "a2": (
        "2024-03-06",
        "Courier",
        "Governor Tom Becker spoke in Salem. “I admire Maria Lopez, but her plan is reckless "
        "and dangerous,” Becker said. Maria Lopez answered at once: “Tom Becker is a liar "
        "and a fraud.”",
    ),
    "a3": (
        "2024-03-09",
        "Ledger",
        "“The Water Board wasted millions and lied to us,” said Tom Becker, the governor.",
    ),
}


def add(tracker: Tracker, *doc_ids: str) -> None:
    """Add the invented articles ``doc_ids``, in that order."""
    for doc_id in doc_ids:
        published, outlet, text = ARTICLES[doc_id]
        tracker.add(text, doc_id=doc_id, published=published, outlet=outlet)


def stored_targets(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """The targets table, each row keyed by its article and quote position (not by the
    quote id, which depends on the order articles arrived in)."""
    return sorted(
        conn.execute(
            "SELECT q.doc_id, q.position, t.ordinal, t.mention_start, t.mention_end,"
            " t.mention, t.entity, t.name, t.compound, t.positive, t.neutral, t.negative,"
            " t.model FROM targets t JOIN quotes q ON q.id = t.quote_id"
        ).fetchall()
    )


def pairs(rows: Sequence[TrackedMention]) -> list[tuple[Any, ...]]:
    """mentions() rows without the ids (which depend on ingest order)."""
    return [
        (
            m.speaker,
            m.target,
            m.target_id is None,
            m.quotes,
            m.mentions,
            round(m.mean_compound, 9),
            m.first_seen,
            m.last_seen,
        )
        for m in rows
    ]


@pytest.fixture
def tracker() -> Tracker:
    """The three invented articles, stored."""
    t = Tracker(":memory:")
    add(t, "a1", "a2", "a3")
    return t


# --- what is stored ------------------------------------------------------------------


def test_each_quote_s_targets_are_stored_as_sentiment_targets_gives_them(
    tracker: Tracker,
) -> None:
    """The stored rows are sentiment.targets() of each quote, with the article's names
    resolved, in document order."""
    expected = []
    for doc_id, (_, _, text) in ARTICLES.items():
        quotes = quotetrack.analyze(text)
        for position, (quote, found) in enumerate(
            zip(quotes, document_targets(text, quotes), strict=True)
        ):
            for ordinal, t in enumerate(found):
                s = t.sentiment
                expected.append(
                    (
                        *(doc_id, position, ordinal, t.mention.start, t.mention.end),
                        *(t.mention.text, t.entity, t.entity or t.mention.text),
                        *(s.compound, s.positive, s.neutral, s.negative, s.model),
                    )
                )
                assert text[t.mention.start : t.mention.end] == t.mention.text
            # one index for the article gives what targets() gives quote by quote here
            assert found == targets(quote, text)
    assert stored_targets(tracker._conn) == sorted(expected)
    names = {row[7] for row in expected}
    assert {"Tom Becker", "Maria Lopez", "The Water Board"} <= names


def test_replacing_an_article_replaces_its_targets(tracker: Tracker) -> None:
    """A replaced article's targets go with its old quotes; its new quotes bring theirs;
    no target outlives its quote."""
    tracker.add(
        "“Maria Lopez is a brave and honest leader,” Tom Becker said.",
        doc_id="a3",
        published="2024-03-09",
        outlet="Ledger",
        replace=True,
    )
    rows = [r for r in stored_targets(tracker._conn) if r[0] == "a3"]
    assert [(r[5], r[7]) for r in rows] == [("Maria Lopez", "Maria Lopez")]
    orphans = tracker._conn.execute(
        "SELECT COUNT(*) FROM targets WHERE quote_id NOT IN (SELECT id FROM quotes)"
    ).fetchone()[0]
    assert orphans == 0
    becker = {m.target: m for m in tracker.mentions(speaker="Tom Becker")}
    assert "The Water Board" not in becker
    assert becker["Maria Lopez"].quotes == 2


def test_a_failure_while_writing_targets_leaves_nothing_behind(
    tracker: Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error while an article's targets are written rolls the whole article back."""
    before = stored_targets(tracker._conn)
    calls = itertools.count()
    real = writing.target_rows

    def failing(*args: Any) -> list[tuple[Any, ...]]:
        if next(calls) == 1:
            raise RuntimeError("disk on fire")
        return real(*args)

    monkeypatch.setattr(writing, "target_rows", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        tracker.add(ARTICLES["a1"][2], doc_id="a4", published="2024-03-10")
    assert tracker.document("a4") is None
    assert stored_targets(tracker._conn) == before


def test_worker_processes_store_the_same_targets() -> None:
    """add_many in worker processes stores exactly the targets one process stores."""
    records = [
        {"doc_id": d, "published": p, "outlet": o, "text": text}
        for d, (p, o, text) in ARTICLES.items()
    ]
    with Tracker(":memory:") as one, Tracker(":memory:") as two:
        one.add_many(records, workers=1)
        two.add_many(records, workers=2, chunksize=1)
        assert stored_targets(two._conn) == stored_targets(one._conn) != []
        assert pairs(two.mentions()) == pairs(one.mentions())


def test_worker_processes_read_the_targets_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    """With workers, each article's targets are read in the worker that parsed it, so
    the writing process (the bottleneck of a parallel ingest) only writes them."""
    parent = os.getpid()
    real = writing.document_target_values

    def only_in_workers(text: str, quotes: Sequence[Quote]) -> list[list[tuple[Any, ...]]]:
        assert os.getpid() != parent, "targets read in the writing process"
        return real(text, quotes)

    monkeypatch.setattr(writing, "document_target_values", only_in_workers)
    records = [{"doc_id": d, "text": text} for d, (_, _, text) in ARTICLES.items()]
    with Tracker(":memory:") as tracker:
        tracker.add_many(records, workers=2, chunksize=1)
        assert stored_targets(tracker._conn) != []


@settings(max_examples=12)
@given(st.permutations(sorted(ARTICLES)))
def test_ingest_order_changes_neither_targets_nor_mentions(order: Sequence[str]) -> None:
    """The same articles in any order give the same targets table and the same pairs."""
    with Tracker(":memory:") as reference, Tracker(":memory:") as shuffled:
        add(reference, *sorted(ARTICLES))
        add(shuffled, *order)
        assert stored_targets(shuffled._conn) == stored_targets(reference._conn)
        assert pairs(shuffled.mentions()) == pairs(reference.mentions())
        lopez = pairs(shuffled.mentions(speaker="maria lopez", target="TOM BECKER"))
        assert lopez == pairs(reference.mentions(speaker="Maria Lopez", target="Tom Becker"))


# --- mentions() ----------------------------------------------------------------------


def test_mentions_counts_quotes_and_means_the_sentiment_toward_the_target(
    tracker: Tracker,
) -> None:
    """One row per speaker and target: quotes, mentions, the mean of the stored target
    sentiment, first and last dates; most quotes first."""
    rows = tracker.mentions()
    assert rows[0].speaker == "Maria Lopez" and rows[0].target == "Tom Becker"
    assert [r.quotes for r in rows] == sorted((r.quotes for r in rows), reverse=True)
    (lopez_becker,) = tracker.mentions(speaker="Maria Lopez", target="Tom Becker")
    scores = [
        r[8]
        for r in stored_targets(tracker._conn)
        if r[7] == "Tom Becker" and r[0] in ("a1", "a2") and r[1] == (0 if r[0] == "a1" else 1)
    ]
    assert lopez_becker.quotes == lopez_becker.mentions == len(scores) == 2
    assert lopez_becker.mean_compound == pytest.approx(sum(scores) / 2)
    assert lopez_becker.label == "negative"
    assert lopez_becker.first_seen == dt.date(2024, 3, 4)
    assert lopez_becker.last_seen == dt.date(2024, 3, 6)
    becker = tracker.speaker("Tom Becker")
    assert becker is not None and lopez_becker.target_id == becker.id
    assert lopez_becker.speaker_id == tracker.speakers(contains="Lopez")[0].id


def test_names_resolve_as_quotes_resolves_a_speaker(tracker: Tracker) -> None:
    """speaker and target take a TrackedSpeaker, an id or a name, ignoring case; a
    target that is no speaker's is found by its name, ignoring case; an unknown name
    gives nothing."""
    becker = tracker.speaker("Tom Becker")
    assert becker is not None
    want = pairs(tracker.mentions(speaker="Maria Lopez", target="Tom Becker"))
    assert want
    for target in (becker, becker.id, "tom becker", "TOM BECKER"):
        assert pairs(tracker.mentions(speaker="MARIA LOPEZ", target=target)) == want
    board = tracker.mentions(target="the water board")
    assert {(m.speaker, m.target, m.target_id) for m in board} == {
        ("Maria Lopez", "The Water Board", None),
        ("Tom Becker", "The Water Board", None),
    }
    assert tracker.mentions(speaker="Nobody At All") == []
    assert tracker.mentions(target="Nobody At All") == []
    assert tracker.mentions(speaker=10**30) == []


def test_targets_follow_the_identity_decision_and_its_corrections(tracker: Tracker) -> None:
    """A target is the speaker its name is linked to now: a hand split moves it to the
    split-off record, and undoing the split moves it back."""
    tracker.add(
        "Maria Lopez spoke again. “Governor Becker cannot be trusted with our water,” Lopez "
        "said. “We will fix it,” said Thomas J. Becker.",
        doc_id="a5",
        published="2024-03-12",
    )

    def lopez() -> dict[str, int]:
        return {m.target: m.quotes for m in tracker.mentions(speaker="Maria Lopez")}

    assert lopez() == {"Tom Becker": 3, "The Water Board": 1}
    (split,) = tracker.split("Thomas J. Becker")
    assert lopez() == {"Tom Becker": 2, "Thomas J. Becker": 1, "The Water Board": 1}
    tracker.undo(split.id)
    assert lopez() == {"Tom Becker": 3, "The Water Board": 1}


def test_filters_and_limits(tracker: Tracker) -> None:
    """since/until/outlet count only those articles' quotes; min_quotes and limit cut."""
    ledger = tracker.mentions(outlet="ledger")
    assert {(m.speaker, m.target) for m in ledger} == {
        ("Maria Lopez", "Tom Becker"),
        ("Maria Lopez", "The Water Board"),
        ("Tom Becker", "The Water Board"),
    }
    early = tracker.mentions(until="2024-03-05")
    assert all(m.last_seen is not None and m.last_seen <= dt.date(2024, 3, 5) for m in early)
    assert {m.quotes for m in tracker.mentions(min_quotes=2)} == {2}
    assert pairs(tracker.mentions(limit=2)) == pairs(tracker.mentions())[:2]
    assert tracker.mentions(since="2025-01-01") == []


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"speaker": 3.5}, InputTypeError),
        ({"target": ["Tom Becker"]}, InputTypeError),
        ({"target": True}, InputTypeError),
        ({"min_quotes": 0}, ConfigurationError),
        ({"min_quotes": "2"}, ConfigurationError),
        ({"limit": -1}, ConfigurationError),
        ({"since": "last week"}, quotetrack.errors.InvalidDateError),
    ],
)
def test_bad_arguments_raise_typed_errors(
    tracker: Tracker, kwargs: dict[str, Any], error: type[Exception]
) -> None:
    """Every argument is checked before the store is read."""
    with pytest.raises(error):
        tracker.mentions(**kwargs)


def test_the_bulk_name_look_up_agrees_with_speaker_ids(tracker: Tracker) -> None:
    """name_resolver finds what speaker_ids finds, for every stored name in any case."""
    conn = tracker._conn
    tracker.speakers()  # the identity decision is taken
    resolve = name_resolver(conn)
    stored = [
        r[0] for r in conn.execute("SELECT name FROM speakers UNION SELECT name FROM aliases")
    ]
    for name in [*stored, *(n.upper() for n in stored), "Nobody", "", "becker"]:
        assert resolve(name) == speaker_ids(conn, name), name


# --- older stores --------------------------------------------------------------------


def test_a_store_from_before_targets_gets_them_when_upgraded(tmp_path: Path) -> None:
    """A schema-6 store (no targets table) is upgraded by a writer: every stored quote
    gets the targets a fresh ingest gives it; a reader refuses it until then."""
    fresh, old = tmp_path / "fresh.db", tmp_path / "old.db"
    with Tracker(fresh) as tracker:
        add(tracker, "a1", "a2", "a3")
        expected, expected_pairs = stored_targets(tracker._conn), pairs(tracker.mentions())
    with Tracker(old) as tracker:
        add(tracker, "a1", "a2", "a3")
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("DROP TABLE targets")  # what schema version 6 is: version 8 less targets
    conn.execute("DROP TABLE members")  # and less the members of version 8
    conn.execute("ALTER TABLE quotes DROP COLUMN speaker_members")
    conn.execute("PRAGMA user_version = 6")
    conn.close()
    with pytest.raises(TrackerError, match="older quotetrack"):
        Tracker.existing(old)
    with Tracker(old) as tracker:
        assert stored_targets(tracker._conn) == expected
        assert pairs(tracker.mentions()) == expected_pairs
    version = sqlite3.connect(old).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION == 8


def test_a_version_1_store_gets_targets_from_its_stored_spans(tmp_path: Path) -> None:
    """Every migration from version 1 up: the quotes' stored text and spans are enough."""
    path = tmp_path / "v1.db"
    text = "“Tom Becker has failed every family in this state,” Lopez said."
    quote = text[1 : text.index("”")]
    conn = sqlite3.connect(path, isolation_level=None)
    store_schema.MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO documents (doc_id, sha256, published, text, added)"
        " VALUES ('d', 'x', '2024-03-04', ?, 'now')",
        (text,),
    )
    conn.execute(
        "INSERT INTO quotes (doc_id, position, text, spans, kind, rule)"
        " VALUES ('d', 0, ?, ?, 'direct', 'old')",
        (quote, f"[[1, {1 + len(quote)}]]"),
    )
    conn.close()
    with Tracker(path) as tracker:
        rows = stored_targets(tracker._conn)
    assert [(r[0], r[5], r[7]) for r in rows] == [("d", "Tom Becker", "Tom Becker")]


# --- the report and the command ------------------------------------------------------


def test_the_report_lists_the_top_pairs_without_self_mentions(tracker: Tracker) -> None:
    """The report's "Who talks about whom" table is mentions() in order, capped by top,
    a speaker naming themselves left out."""
    from quotetrack.report import render_report
    from tests.html_checks import Page

    tracker.add(
        "“Tom Becker keeps every promise Tom Becker makes,” Tom Becker said.",
        doc_id="self",
        published="2024-03-10",
    )
    expected = [m for m in tracker.mentions() if m.target_id != m.speaker_id]
    assert len(expected) < len(tracker.mentions())
    page = Page(render_report(tracker), text_of="none")
    (table,) = page.find("table", cls="mentions")
    rows = []
    for el in page.elements[page.elements.index(table) + 1 :]:
        if el.tag in ("table", "section"):
            break
        if el.tag == "tr":
            rows.append(el.text)
    rows = rows[1:]  # the header
    assert len(rows) == len(expected)
    for row, m in zip(rows, expected, strict=True):
        assert m.speaker in row and m.target in row and f"{m.quotes}" in row
    two = Page(render_report(tracker, top=2), text_of="none")
    assert two.find("table", cls="mentions")[0].text.count("2024-03") == 4


def test_the_mentions_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`quotetrack mentions` reads a store read-only: a table, JSON Lines or CSV of the
    pairs; an unknown speaker or a missing store is one line and status 2."""
    import json

    from quotetrack.cli import main

    db = tmp_path / "q.db"
    with Tracker(db) as tracker:
        add(tracker, "a1", "a2", "a3")
        expected = tracker.mentions()
    before = db.read_bytes()
    assert main(["mentions", "--db", str(db)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert len(table) == 1 + len(expected)
    assert "Maria Lopez" in table[1] and "Tom Becker" in table[1] and "negative" in table[1]
    args = ["mentions", "--db", str(db), "--speaker", "maria lopez", "--target", "TOM BECKER"]
    assert main([*args, "--format", "jsonl"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert (record["speaker"], record["target"], record["quotes"]) == (
        "Maria Lopez",
        "Tom Becker",
        2,
    )
    assert record["label"] == "negative" and record["first_seen"] == "2024-03-04"
    assert (
        main(["mentions", "--db", str(db), "--target", "the water board", "--format", "csv"]) == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("speaker_id,speaker,target,") and len(out) == 3
    assert db.read_bytes() == before
    with pytest.raises(SystemExit) as stopped:
        main(["mentions", "--db", str(db), "--speaker", "Nobody"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["mentions", "--db", str(tmp_path / "missing.db")]) == 2
    assert capsys.readouterr().err.startswith("quotetrack: error: no store")


# Two more invented articles: a joint quote ("say A and B", Speaker.members) naming a
# target, and one member quoted alone.
JOINT_ARTICLES: dict[str, tuple[str, str, str]] = {
    **ARTICLES,
    "j1": (
        "2024-03-07",
        "Herald",
        "The two councillors met the press.\n\n“Tom Becker has failed every family in "
        "this city,” say Maria Lopez and John Smith.",
    ),
    "j2": (
        "2024-03-08",
        "Courier",
        "John Smith toured the site.\n\n“The Water Board did fine work,” Smith said.",
    ),
}


def whole_store(tracker: Tracker) -> tuple[Any, ...]:
    """Everything a reader sees of a store, without the ids that ingest order sets."""
    conn = tracker._conn
    members = sorted(
        conn.execute(
            "SELECT q.doc_id, q.position, m.ordinal, a.name, s.name FROM members m"
            " JOIN quotes q ON q.id = m.quote_id JOIN aliases a ON a.id = m.alias_id"
            " LEFT JOIN speakers s ON s.id = m.speaker_id"
        ).fetchall()
    )
    speakers = sorted((s.name, s.kind, s.quotes, s.articles, s.aliases) for s in tracker.speakers())
    quotes = [(q.doc_id, q.position, q.speaker, q.text) for q in tracker.quotes()]
    clusters = sorted((c.quotation, c.doc_ids) for c in tracker.clusters(1))
    return members, speakers, quotes, clusters, stored_targets(conn), pairs(tracker.mentions())


@settings(max_examples=15)
@given(st.permutations(sorted(JOINT_ARTICLES)))
def test_ingest_order_changes_nothing_with_members_and_targets(order: Sequence[str]) -> None:
    """Articles with a coordinated speaker and targets, in any order: the same members
    (linked to the same speakers), credits, quotes, clusters, targets and pairs."""
    with Tracker(":memory:") as reference, Tracker(":memory:") as shuffled:
        for store, doc_ids in ((reference, sorted(JOINT_ARTICLES)), (shuffled, order)):
            for doc_id in doc_ids:
                published, outlet, text = JOINT_ARTICLES[doc_id]
                store.add(text, doc_id=doc_id, published=published, outlet=outlet)
        state = whole_store(reference)
        assert state[0] != [] and state[4] != []  # members and targets are there to compare
        assert any(p[0] == "John Smith" and p[1] == "Tom Becker" for p in state[5])
        assert whole_store(shuffled) == state
