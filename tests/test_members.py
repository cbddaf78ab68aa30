"""The persons of a coordinated speaker ("… say Maria Lopez and John Smith", issue 11):
read by the parser as members of the group, carried by every record format, and credited
by the tracker to each person, without storing the quote twice or counting it twice."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack import records
from quotetrack.flat import flat_records, quotes_from_records, records_frame
from quotetrack.models import Document, Quote, Span, Speaker, SpeakerKind
from quotetrack.parallel import analyze_many
from quotetrack.tracker import SCHEMA_VERSION, Tracker
from tests.equality import in_full

JOINT = (
    "The two councillors met the press on Monday.\n\n"
    "“We will not accept this budget as it stands,” say Maria Lopez and John Smith.\n\n"
    "“It cuts every library in the east end,” said Lopez and Smith."
)
ALONE = "Maria Lopez spoke at the hall.\n\n“The libraries must stay open,” Lopez said."
SMITH = "John Smith toured the site.\n\n“We need a new roof before winter,” Smith said."
FRONT = "Ann Kowal and Peter Brandt said on Friday that “the bridge will reopen in May.”"


def _speakers(text: str) -> list[Speaker]:
    return [q.speaker for q in quotetrack.parse(text) if q.speaker is not None]


# -- the parser -------------------------------------------------------------------------


def test_an_inverted_coordinated_cue_names_both_persons() -> None:
    """The group keeps its name and kind; its mention is the whole phrase; each member is
    a resolved person with the mention of it inside the phrase and its source."""
    first, second = _speakers(JOINT)
    assert (first.name, first.kind) == ("Maria Lopez and John Smith", SpeakerKind.GROUP)
    assert first.mention.text == "Maria Lopez and John Smith"
    assert [(m.name, m.mention.text, m.kind, m.resolved) for m in first.members] == [
        ("Maria Lopez", "Maria Lopez", SpeakerKind.PERSON, True),
        ("John Smith", "John Smith", SpeakerKind.PERSON, True),
    ]
    assert second.mention.text == "Lopez and Smith"
    assert [(m.name, m.mention.text) for m in second.members] == [
        ("Maria Lopez", "Lopez"),
        ("John Smith", "Smith"),
    ]
    # a surname's member is read from the full name that introduced the person
    assert [m.source for m in second.members] == [m.source for m in first.members]
    for speaker in (first, second):
        for span in (speaker.mention, *(m.mention for m in speaker.members)):
            assert JOINT[span.start : span.end] == span.text


def test_a_coordinated_subject_before_its_cue_names_both() -> None:
    [speaker] = _speakers(FRONT)
    assert speaker.name == "Ann Kowal and Peter Brandt"
    assert [m.name for m in speaker.members] == ["Ann Kowal", "Peter Brandt"]


def test_other_speakers_have_no_members() -> None:
    """One person, a pronoun, a group noun: no members."""
    text = ALONE + "\n\nOfficials said the plan was sound. “It will work,” she said."
    speakers = _speakers(text)
    assert speakers and all(s.members == () for s in speakers)


def test_members_take_no_part_in_equality() -> None:
    """Like ``resolved`` and ``source``, members explain one parse: a speaker is its name,
    mention and kind."""
    [speaker, _] = _speakers(JOINT)
    bare = Speaker(speaker.name, speaker.mention, speaker.kind)
    assert bare == speaker and hash(bare) == hash(speaker)
    assert bare.members == ()


# -- records ----------------------------------------------------------------------------


def test_members_survive_every_record_format(tmp_path: Path) -> None:
    """Flat rows, the nested dict, Parquet and the process pool keep the members."""
    quotes = quotetrack.analyze(JOINT)
    assert all(q.speaker is not None and q.speaker.members for q in quotes)
    rows = flat_records("j", quotes)
    assert in_full(quotes_from_records(rows)) == in_full(quotes)
    nested = records.to_dict(quotes[0])["speaker"]["members"]
    assert [m["name"] for m in nested] == ["Maria Lopez", "John Smith"]
    assert "members" not in records.to_dict(quotetrack.analyze(ALONE)[0])["speaker"]
    (pooled,) = analyze_many([JOINT], workers=2, chunksize=1)
    assert in_full(pooled) == in_full(quotes)
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    path = tmp_path / "q.parquet"
    records_frame(rows).to_parquet(path)
    back = quotes_from_records(pd.read_parquet(path).to_dict("records"))
    assert in_full(back) == in_full(quotes)


def test_rows_written_before_members_read_back_without_them() -> None:
    quotes = quotetrack.analyze(JOINT)
    rows = [
        {k: v for k, v in row.items() if k != "speaker_members"}
        for row in flat_records("j", quotes)
    ]
    back = quotes_from_records(rows)
    assert back == quotes
    assert all(q.speaker is not None and q.speaker.members == () for q in back)


# -- the tracker ------------------------------------------------------------------------


def _track(*texts: str) -> Tracker:
    tracker = Tracker(":memory:")
    for i, text in enumerate(texts):
        tracker.add(text, doc_id=f"d{i}", published=f"2024-03-0{i + 1}")
    return tracker


def test_each_member_is_credited_with_the_joint_quotes() -> None:
    """speakers(), speaker(), quotes(speaker=) and timeline() count the joint quotes for
    each person; each quote is stored once and read once."""
    with _track(JOINT, ALONE) as tracker:
        counts = {s.name: (s.quotes, s.articles) for s in tracker.speakers()}
        assert counts == {
            "Maria Lopez": (3, 2),
            "John Smith": (2, 1),
            "Maria Lopez and John Smith": (2, 1),
        }
        assert tracker.stats().quotes == 3
        lopez = tracker.speaker("Maria Lopez")
        assert lopez is not None and lopez.quotes == 3
        smith = tracker.quotes(speaker="John Smith")
        assert [q.doc_id for q in smith] == ["d0", "d0"]
        # each quote still says who said it: the two of them
        assert [q.speaker for q in smith] == ["Maria Lopez and John Smith"] * 2
        assert [(p.period, p.quotes) for p in tracker.timeline("Maria Lopez", "day")] == [
            ("2024-03-01", 2),
            ("2024-03-02", 1),
        ]
        assert len(tracker.quotes()) == 3


def test_a_person_named_twice_by_one_quote_counts_it_once() -> None:
    """A quote whose speaker is also among its members is one quote for that person."""
    text = "“We stand together on this,” said Maria Lopez and John Smith."
    lopez, smith = Span.of(text, 34, 45), Span.of(text, 50, 60)
    quote = Quote.from_spans(
        (Span.of(text, 1, 27),),
        speaker=Speaker(
            "Maria Lopez",
            lopez,
            members=(Speaker("Maria Lopez", lopez), Speaker("John Smith", smith)),
        ),
    )
    with Tracker(":memory:") as tracker:
        tracker.add_analyzed(Document(text, "x"), [quote])
        assert {s.name: s.quotes for s in tracker.speakers()} == {
            "Maria Lopez": 1,
            "John Smith": 1,
        }
        assert len(tracker.quotes(speaker="Maria Lopez")) == 1


def test_members_share_the_targets_of_the_joint_quote() -> None:
    """mentions() reads who talks about whom through the same credits."""
    text = (
        "Tom Becker chairs the committee.\n\n"
        "“Tom Becker has failed every family in this city,” say Maria Lopez and John Smith."
    )
    with _track(text) as tracker:
        pairs = {(m.speaker, m.target, m.quotes) for m in tracker.mentions()}
        assert {
            ("Maria Lopez", "Tom Becker", 1),
            ("John Smith", "Tom Becker", 1),
            ("Maria Lopez and John Smith", "Tom Becker", 1),
        } <= pairs
        assert [m.speaker for m in tracker.mentions(speaker="John Smith")] == ["John Smith"]


def test_replacing_an_article_drops_its_members() -> None:
    with _track(JOINT) as tracker:
        tracker.add(ALONE, doc_id="d0", replace=True)
        assert {s.name: s.quotes for s in tracker.speakers()} == {"Maria Lopez": 1}
        assert tracker._conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 0


_ARTICLES = (JOINT, ALONE, SMITH, FRONT)


@settings(max_examples=12)
@given(st.permutations(range(len(_ARTICLES))))
def test_ingest_order_does_not_change_the_credits(order: Sequence[int]) -> None:
    """The same articles in any order give the same speakers with the same counts."""
    with Tracker(":memory:") as tracker:
        for i in order:
            tracker.add(_ARTICLES[i], doc_id=f"d{i}")
        found = {(s.name, s.kind, s.quotes, s.articles, s.aliases) for s in tracker.speakers()}
    assert found == {
        ("Maria Lopez", SpeakerKind.PERSON, 3, 2, ("Maria Lopez", "Lopez")),
        ("John Smith", SpeakerKind.PERSON, 3, 2, ("John Smith", "Smith")),
        ("Maria Lopez and John Smith", SpeakerKind.GROUP, 2, 1, ("Maria Lopez and John Smith",)),
        ("Ann Kowal", SpeakerKind.PERSON, 1, 1, ("Ann Kowal",)),
        ("Peter Brandt", SpeakerKind.PERSON, 1, 1, ("Peter Brandt",)),
        ("Ann Kowal and Peter Brandt", SpeakerKind.GROUP, 1, 1, ("Ann Kowal and Peter Brandt",)),
    }


def test_a_version_7_store_is_migrated(tmp_path: Path) -> None:
    """A store from before members (version 7) gains them: its quotes read back as they
    were stored, the group alone, and new articles credit each member."""
    path = tmp_path / "v7.db"
    with Tracker(path) as tracker:
        tracker.add(JOINT, doc_id="old")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE members")  # what version 7 is: version 8 less the members
    conn.execute("ALTER TABLE quotes DROP COLUMN speaker_members")
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    with Tracker(path) as tracker:
        assert {s.name: s.quotes for s in tracker.speakers()} == {"Maria Lopez and John Smith": 2}
        assert all(q.quote.speaker.members == () for q in tracker.quotes() if q.quote.speaker)
        tracker.add(JOINT.replace("Monday", "Tuesday"), doc_id="new")
        counts = {s.name: s.quotes for s in tracker.speakers()}
        assert counts == {"Maria Lopez and John Smith": 4, "Maria Lopez": 2, "John Smith": 2}
    version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION == 8


def test_a_pair_named_in_either_order_is_one_group() -> None:
    """'Maria Lopez and John Smith' and 'John Smith and Maria Lopez' are the same two
    people: one group record with both quotes, each person credited with both."""
    reversed_pair = (
        "The councillors spoke again on Tuesday.\n\n"
        "“The east end deserves its libraries,” say John Smith and Maria Lopez."
    )
    with _track(JOINT, reversed_pair) as tracker:
        groups = [s for s in tracker.speakers() if s.kind is SpeakerKind.GROUP]
        assert [(s.quotes, s.articles) for s in groups] == [(3, 2)]
        assert set(groups[0].aliases) == {
            "Maria Lopez and John Smith",
            "John Smith and Maria Lopez",
        }
        counts = {s.name: s.quotes for s in tracker.speakers() if s.kind is SpeakerKind.PERSON}
        assert counts == {"Maria Lopez": 3, "John Smith": 3}


def test_a_listed_speaker_names_every_person() -> None:
    """A third name is no longer dropped: "say A, B and C" and "A, B, and C said" name
    the three, the group's mention is the whole list, and its name lists them."""
    after = "“We will not accept this budget,” say Maria Lopez, John Smith and Ann Kowal."
    before = "Maria Lopez, John Smith, and Ann Kowal said on Friday that the bridge will reopen."
    for text in (after, before):
        [speaker] = _speakers(text)
        assert speaker.name == "Maria Lopez, John Smith and Ann Kowal"
        assert speaker.kind is SpeakerKind.GROUP
        assert speaker.mention.text.startswith("Maria Lopez") and speaker.mention.text.endswith(
            "Ann Kowal"
        )
        assert [m.name for m in speaker.members] == ["Maria Lopez", "John Smith", "Ann Kowal"]
        for span in (speaker.mention, *(m.mention for m in speaker.members)):
            assert text[span.start : span.end] == span.text


def test_a_name_in_apposition_is_no_list() -> None:
    """'said Maria Lopez, John Smith's lawyer' is Maria Lopez alone."""
    [speaker] = _speakers("“We will appeal,” said Maria Lopez, John Smith’s lawyer.")
    assert (speaker.name, speaker.members) == ("Maria Lopez", ())


def test_the_same_people_listed_in_any_order_are_one_group() -> None:
    """The tracker keys a listed speaker by its persons, in any order."""
    first = "“The east end deserves its libraries,” say Maria Lopez, John Smith and Ann Kowal."
    second = "“We will keep fighting for them,” say Ann Kowal, Maria Lopez and John Smith."
    with _track(first, second) as tracker:
        groups = [s for s in tracker.speakers() if s.kind is SpeakerKind.GROUP]
        assert [(s.quotes, s.articles) for s in groups] == [(2, 2)]
        counts = {s.name: s.quotes for s in tracker.speakers() if s.kind is SpeakerKind.PERSON}
        assert counts == {"Maria Lopez": 2, "John Smith": 2, "Ann Kowal": 2}
