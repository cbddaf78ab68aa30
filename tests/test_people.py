"""People registry, hand corrections and store-level identity through the Tracker."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack.errors import InputTypeError, RegistryError, TrackerError
from quotetrack.people import KnownPerson, load_people, registry_keys
from quotetrack.store.schema import MIGRATIONS
from quotetrack.tracker import Tracker
from tests.test_tracker import article, names, store

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "people.csv"


def test_example_registry_loads() -> None:
    """The registry shipped under docs/ reads, with its aliases split on '|'."""
    people = {p.id: p for p in load_people(EXAMPLE)}
    assert people["Q6294"].name == "Hillary Clinton"
    assert "Mrs. Clinton" in people["Q6294"].aliases
    assert people["Q76"].description == "44th President of the United States"


def test_jsonl_registry(tmp_path: Path) -> None:
    """JSONL rows carry aliases as a list."""
    path = tmp_path / "people.jsonl"
    path.write_text('{"id": "x1", "name": "Chrissy Teigen", "aliases": ["Teigen"]}\n\n')
    assert load_people(path) == (KnownPerson("x1", "Chrissy Teigen", ("Teigen",)),)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("p.csv", "name\nHillary Clinton\n", "missing: id"),
        ("p.csv", "id,name\nQ1,\n", "name must be a non-empty string"),
        ("p.csv", "id,name\nQ1,A B\nQ1,C D\n", "already given on line 2"),
        ("p.jsonl", '{"id": 3, "name": "A B"}\n', "id must be a non-empty string"),
        ("p.jsonl", '{"id": "a", "name": "A B", "aliases": "A"}\n', "aliases must be a list"),
        ("p.jsonl", "not json\n", "line 1: not JSON"),
        ("p.txt", "id,name\n", "must be a .csv or .jsonl"),
    ],
)
def test_bad_registries_raise_a_typed_error(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    """Every fault names the file, the line and what is wrong."""
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(RegistryError, match=message):
        load_people(path)


def test_a_registry_line_may_hold_a_raw_line_separator(tmp_path: Path) -> None:
    """JSON allows U+2028 raw inside a string: the row is one line, not two halves."""
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "Q1", "name": "Ann Kowal", "description": "a\u2028b"}\r\n', "utf-8")
    path.write_bytes(path.read_bytes().replace(b"\\u2028", "\u2028".encode()))
    (person,) = load_people(path)
    assert person.id == "Q1" and person.description == "a\u2028b"


@pytest.mark.parametrize("path", [None, 3, b"p.jsonl"])
def test_a_registry_path_that_is_no_path_is_a_typed_error(path: object) -> None:
    with pytest.raises(InputTypeError, match="path must be"):
        load_people(path)  # type: ignore[arg-type]


def test_a_key_two_people_share_links_no_one() -> None:
    """Two registry rows with one name cannot say which one a record is."""
    keys = registry_keys(
        [
            KnownPerson("a", "John Smith"),
            KnownPerson("b", "John Smith"),
            KnownPerson("c", "Ann Lee"),
        ]
    )
    assert "person:john smith" not in keys
    assert keys["person:ann lee"] == "c"


def test_registry_gives_person_ids_and_joins_records(tmp_path: Path) -> None:
    """Matching speakers carry the id in speakers() and quotes(); two records the registry
    says are one person (Biden with and without "Jr.") are joined."""
    with Tracker(":memory:", people=EXAMPLE) as tracker:
        store(
            tracker,
            article("a", ("Line one of a speech", "Hillary Clinton")),
            article("b", ("Line two of a speech", "Joseph R. Biden")),
            article("c", ("Line three of a speech", "Joseph R. Biden Jr.")),
            article("d", ("Line four of a speech", "Chrissy Teigen")),
        )
        ids = {s.name: s.person_id for s in tracker.speakers()}
        assert ids == {
            "Joseph R. Biden": "Q6279",
            "Hillary Clinton": "Q6294",
            "Chrissy Teigen": None,
        }
        assert {q.person_id for q in tracker.quotes(speaker="Hillary Clinton")} == {"Q6294"}


def test_merge_split_and_undo_are_kept(tmp_path: Path) -> None:
    """Corrections live in the store: they survive reopening and later ingest, and undo
    restores the rules' decision."""
    db = tmp_path / "t.db"
    with Tracker(db) as tracker:
        store(
            tracker,
            article("a", ("Line one of a speech", "Ed Smith")),
            article("b", ("Line two of a speech", "Edwin Smith")),
            article("c", ("Line three of a speech", "Mrs. Jones")),
        )
        assert names(tracker) == {"Ed Smith": 1, "Edwin Smith": 1, "Jones": 1}
        merged = tracker.merge("Edwin Smith", "Ed Smith")
        assert (merged.name, merged.quotes) == ("Edwin Smith", 2)
        tracker.split("Mrs. Jones")
    with Tracker(db) as tracker:
        store(tracker, article("d", ("Line four of a speech", "Ed Smith")))
        assert names(tracker)["Edwin Smith"] == 3
        assert [c.action for c in tracker.corrections()] == ["merge", "split"]
        tracker.undo(tracker.corrections()[0])
        assert names(tracker) == {"Ed Smith": 2, "Edwin Smith": 1, "Jones": 1}
        with pytest.raises(TrackerError, match="no correction"):
            tracker.undo(999)
        with pytest.raises(TrackerError, match="no article gives"):
            tracker.split("Nobody Here")


def test_a_later_full_name_relinks_an_earlier_bare_name() -> None:
    """A bare "Lopez" article joins Maria Lopez once a later article names her, whatever
    the order; with a Mr. title it never joins her."""
    early = article("a", ("Line one of a speech", "Lopez"))
    late = article("b", ("Line two of a speech", "Maria Lopez"))
    titled = article("c", ("Line three of a speech", "Mr. Lopez"))
    for order in ((early, late, titled), (titled, late, early)):
        with Tracker(":memory:") as tracker:
            store(tracker, order[0])
            store(tracker, *order[1:])
            assert names(tracker) == {"Maria Lopez": 2, "Lopez": 1}  # shown without title


def test_published_may_be_missing() -> None:
    """An article without a date is stored and counted, and left out of timelines."""
    with Tracker(":memory:") as tracker:
        tracker.add("“We will win this,” Maria Lopez said.", doc_id="x")
        tracker.add("“We will win that,” Maria Lopez said.", doc_id="y", published="2016-03-02")
        (speaker,) = tracker.speakers()
        assert speaker.quotes == 2
        assert [p.quotes for p in tracker.timeline("Maria Lopez")] == [1]


def test_a_store_made_by_the_old_schema_is_migrated(tmp_path: Path) -> None:
    """A version-2 store (as the previous release wrote it) opens, gains the identity
    tables and evidence, and resolves bare names through it."""
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    for step in MIGRATIONS[:2]:
        step(conn)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("COMMIT")
    text = "Hillary Clinton spoke. “We will win,” Clinton said."
    conn.execute(
        "INSERT INTO documents VALUES ('a', 'x', '2016-01-01', NULL, NULL, NULL, ?, 'now')",
        (text,),
    )
    conn.execute("INSERT INTO aliases (name, kind) VALUES ('Clinton', 'person')")
    conn.execute(
        "INSERT INTO quotes (doc_id, position, text, spans, kind, speaker_name, speaker_kind,"
        " mention_start, mention_end, mention_text, alias_id, rule) VALUES"
        " ('a', 0, 'We will win', '[[24, 35]]', 'direct', 'Clinton', 'person', 38, 45,"
        " 'Clinton', 1, 'test')"
    )
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'identity_dirty'")
    conn.close()
    with Tracker(db) as tracker:
        assert names(tracker) == {"Hillary Clinton": 1}
        assert tracker.corrections() == []


def test_quotebank_export_lists_the_speakers_qid() -> None:
    """Quotebank records carry the registry id of the cluster's speaker."""
    from quotetrack.export import quotebank_record

    with Tracker(":memory:", people=EXAMPLE) as tracker:
        store(
            tracker,
            article("a", ("Line one of a speech", "Hillary Clinton")),
            article("b", ("Line two of a speech", "Chrissy Teigen")),
        )
        qids = {c.speaker: quotebank_record(c)["qids"] for c in tracker.clusters(min_articles=1)}
    assert qids == {"Hillary Clinton": ["Q6294"], "Chrissy Teigen": []}


def test_person_ids_reach_csv_pandas_and_parquet(tmp_path: Path) -> None:
    """The flat rows of quotes and speakers carry person_id, through pandas to Parquet."""
    import io

    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from quotetrack.export import to_csv, to_pandas

    with Tracker(":memory:", people=EXAMPLE) as tracker:
        store(tracker, article("a", ("Line one of a speech", "Hillary Clinton")))
        quotes, speakers = tracker.quotes(), tracker.speakers()
    out = io.StringIO()
    to_csv(speakers, out)
    assert "person_id" in out.getvalue().splitlines()[0] and "Q6294" in out.getvalue()
    to_pandas(quotes).to_parquet(tmp_path / "q.parquet")
    assert list(pd.read_parquet(tmp_path / "q.parquet")["person_id"]) == ["Q6294"]


_TEXTS = [
    ("a", "Hillary Clinton spoke.\n\n“We will win this state,” Clinton said."),
    ("b", "Bill Clinton spoke first. Hillary Clinton followed.\n\n“Not yet,” Clinton said."),
    ("c", "“Nobody is working harder than we are,” Mrs. Clinton said."),
    ("d", "“The polls are tightening in Ohio,” Clinton said."),
    ("e", "“We will build it,” Donald Trump Jr. said."),
    ("f", "“It will be built,” Trump Jr. said."),
    ("g", "“She will win this state,” Bill Clinton said."),
]


@settings(max_examples=10, deadline=None)
@given(st.permutations(range(len(_TEXTS))), st.integers(1, len(_TEXTS) - 1))
def test_records_do_not_depend_on_ingest_order(order: list[int], cut: int) -> None:
    """The same articles, in any order and with queries in between (each re-taking the
    decision), give the same records, aliases and ambiguous names; a hand merge made
    midway is kept whatever came after."""

    def records(tracker: Tracker) -> tuple[object, ...]:
        speakers = sorted((s.name, s.kind, s.quotes, s.aliases) for s in tracker.speakers())
        ambiguous = sorted((a.name, a.doc_id, a.candidates) for a in tracker.ambiguous())
        return (speakers, ambiguous)

    def ingest(ids: list[int], merge_at: int) -> tuple[object, ...]:
        with Tracker(":memory:") as tracker:
            for n, i in enumerate(ids):
                doc_id, text = _TEXTS[i]
                tracker.add(text, doc_id=doc_id, published="2016-10-01")
                if n == merge_at:
                    tracker.speakers()  # a query between two articles
            tracker.merge("Donald Trump Jr.", "Bill Clinton")
            return records(tracker)

    assert ingest(list(order), cut) == ingest(list(range(len(_TEXTS))), 0)
