"""The doc_id of a file does not depend on which folder is named (issue 14, defect 10).

``track corpus``, ``track corpus/2016`` and ``track corpus/2016/jan/`` used to store one
file as ``2016/jan/story``, ``jan/story`` and ``story``. The rule is now the file name
without extension, whichever folder is named. Two different files never become one
article (review item 1): two files of one name in a run, or a file whose name is stored
from another path, are refused naming both paths, with or without ``--replace``; a text
already stored under another doc_id is reported.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from quotetrack.cli import main
from quotetrack.ingest import iter_documents
from quotetrack.store.schema import MIGRATIONS, SCHEMA_VERSION
from quotetrack.tracker import Tracker

STORY = "“We will win this state and win it big,” Hillary Clinton said."
OTHER = "“Nobody believes those numbers any more,” Donald Trump said."


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """corpus/2016/jan/story.txt and corpus/2016/feb/other.txt."""
    for folder, name, text in (("jan", "story", STORY), ("feb", "other", OTHER)):
        (tmp_path / "corpus" / "2016" / folder).mkdir(parents=True)
        (tmp_path / "corpus" / "2016" / folder / f"{name}.txt").write_text(text, "utf-8")
    return tmp_path / "corpus"


def test_the_doc_id_is_the_same_whichever_folder_is_named(corpus: Path) -> None:
    """The file name without extension, from any of its folders or the file itself."""
    story = corpus / "2016" / "jan" / "story.txt"
    for named in (corpus, corpus / "2016", corpus / "2016" / "jan", story):
        ids = {d.doc_id for d in iter_documents([named])}
        assert "story" in ids and all("/" not in i for i in ids), named


def test_tracking_again_from_another_folder_stores_nothing_twice(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three runs naming three folders store two articles and no false re-quote."""
    db = tmp_path / "q.db"
    for named in (corpus, corpus / "2016", corpus / "2016" / "jan" / ""):
        assert main(["track", "--db", str(db), "--no-progress", str(named)]) == 0
    with Tracker.existing(db) as tracker:
        stats = tracker.stats()
    assert (stats.documents, stats.clusters) == (2, 0)


def test_two_files_of_one_name_in_a_run_are_refused(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second story.txt elsewhere is refused before anything is stored: one line
    naming both files, exit status 2 (it used to be skipped with status 0)."""
    (corpus / "2016" / "feb" / "story.txt").write_text(OTHER + " Again.", "utf-8")
    db = tmp_path / "q.db"
    assert main(["track", "--db", str(db), "--no-progress", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert "feb/story.txt" in err and "jan/story.txt" in err and "'story'" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    # refused before the store is opened: no empty store is left behind (issue 14)
    assert list(tmp_path.glob("q.db*")) == []


def test_a_refused_run_leaves_an_existing_store_as_it_was(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same refusal against a store that exists: its file is not opened for writing."""
    db = tmp_path / "q.db"
    assert main(["track", "--db", str(db), "--no-progress", str(corpus / "2016" / "jan")]) == 0
    before = db.read_bytes()
    (corpus / "2016" / "feb" / "story.txt").write_text(OTHER + " Again.", "utf-8")
    assert main(["track", "--db", str(db), "--no-progress", str(corpus)]) == 2
    assert db.read_bytes() == before


def test_naming_one_file_twice_is_no_collision(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same file reached through two named paths is one article, stored once."""
    db = str(tmp_path / "q.db")
    story = corpus / "2016" / "jan" / "story.txt"
    assert main(["track", "--db", db, "--no-progress", str(corpus), str(story)]) == 0
    with Tracker.existing(db) as tracker:
        assert tracker.stats().documents == 2


def _two_stories(tmp_path: Path) -> tuple[Path, Path]:
    for folder, text in (("a", STORY), ("b", OTHER)):
        (tmp_path / "c" / folder).mkdir(parents=True)
        (tmp_path / "c" / folder / "story.txt").write_text(text, "utf-8")
    return tmp_path / "c" / "a", tmp_path / "c" / "b"


def test_a_file_of_a_stored_name_from_another_folder_never_replaces_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """c/a/story.txt is stored; c/b/story.txt (another text) is refused, even with
    --replace (which the old message advised, and which then overwrote a's article)."""
    a, b = _two_stories(tmp_path)
    db = str(tmp_path / "q.db")
    assert main(["track", "--db", db, "--no-progress", str(a)]) == 0
    capsys.readouterr()
    for extra in ([], ["--replace"]):
        assert main(["track", "--db", db, "--no-progress", *extra, str(b)]) == 2
        err = capsys.readouterr().err
        assert "a/story.txt" in err and "b/story.txt" in err, err
        assert len(err.strip().splitlines()) == 1 and "--replace" not in err
    with Tracker.existing(db) as tracker:
        assert [q.quote.speaker.name for q in tracker.quotes() if q.quote.speaker] == [
            "Hillary Clinton"
        ]


def test_replace_replaces_the_article_from_the_same_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Editing a tracked file and tracking it again with --replace replaces it, whichever
    folder is named the second time."""
    a, _ = _two_stories(tmp_path)
    db = str(tmp_path / "q.db")
    assert main(["track", "--db", db, "--no-progress", str(tmp_path / "c")]) == 2
    assert main(["track", "--db", db, "--no-progress", str(a)]) == 0
    (a / "story.txt").write_text(OTHER, "utf-8")
    assert main(["track", "--db", db, "--no-progress", str(a / "story.txt")]) == 2
    assert main(["track", "--db", db, "--no-progress", "--replace", str(a)]) == 0
    assert "1 replaced" in capsys.readouterr().out
    with Tracker.existing(db) as tracker:
        stored = tracker.document("story")
    assert stored is not None and stored.text == OTHER
    assert stored.source == str((a / "story.txt").resolve())


def test_a_moved_file_with_the_same_text_is_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Moving the corpus is no collision: the same name and the same text are the same
    article, stored once."""
    a, _ = _two_stories(tmp_path)
    db = str(tmp_path / "q.db")
    assert main(["track", "--db", db, "--no-progress", str(a)]) == 0
    moved = tmp_path / "moved"
    a.rename(moved)
    assert main(["track", "--db", db, "--no-progress", str(moved)]) == 0
    assert "0 added, 1 unchanged" in capsys.readouterr().out


def test_records_without_an_id_in_two_feeds_of_one_name_are_never_one_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """j/a/feed.jsonl and j/b/feed.jsonl both give ``feed:1`` to an id-less record:
    the second is refused (naming both files), with or without --replace, and the first
    is kept (--replace used to keep only one of the two, in one run, with status 0)."""
    for folder, text in (("a", STORY), ("b", OTHER)):
        (tmp_path / "j" / folder).mkdir(parents=True)
        line = json.dumps({"text": text}) + "\n"
        (tmp_path / "j" / folder / "feed.jsonl").write_text(line, "utf-8")
    db = str(tmp_path / "j.db")
    for extra in ([], ["--replace"]):
        assert main(["track", "--db", db, "--no-progress", *extra, str(tmp_path / "j")]) == 2
        err = capsys.readouterr().err
        assert "a/feed.jsonl" in err and "b/feed.jsonl" in err and "'feed:1'" in err, err
    with Tracker.existing(db) as tracker:
        stored = tracker.document("feed:1")
    assert stored is not None and stored.text == STORY


def test_an_article_added_by_the_library_is_replaced_as_before(tmp_path: Path) -> None:
    """An article with no source path (Tracker.add) is replaced with replace=True."""
    with Tracker(tmp_path / "q.db") as tracker:
        tracker.add(STORY, doc_id="x")
        assert tracker.add(OTHER, doc_id="x", replace=True).status == "replaced"
        stored = tracker.document("x")
    assert stored is not None and stored.source is None


def test_the_same_text_under_another_doc_id_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A renamed copy is flagged (stored: syndicated copies are legitimate)."""
    with Tracker(tmp_path / "q.db") as tracker:
        first = tracker.add(STORY, doc_id="story", published=None)
        again = tracker.add(STORY, doc_id="story-copy", published=None)
    assert first.duplicate_of is None and again.duplicate_of == "story"
    (tmp_path / "renamed.txt").write_text(OTHER, "utf-8")
    (tmp_path / "original.txt").write_text(OTHER, "utf-8")
    db = str(tmp_path / "r.db")
    assert main(["track", "--db", db, "--no-progress", str(tmp_path / "original.txt")]) == 0
    capsys.readouterr()
    assert main(["track", "--db", db, "--no-progress", str(tmp_path / "renamed.txt")]) == 0
    out = capsys.readouterr()
    assert "renamed has the same text as original" in out.err
    assert "1 with the text of another article" in out.out


def test_a_store_from_before_sources_is_migrated_and_replaced_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A schema-4 store gains the source column (null: the file is unknown), so
    --replace replaces its articles as it did; the replacement records its file."""
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for step in MIGRATIONS[:4]:
        step(conn)
    conn.execute(
        "INSERT INTO documents (doc_id, sha256, text, added) VALUES ('story', 'x', ?, 'now')",
        (STORY,),
    )
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    (tmp_path / "story.txt").write_text(OTHER, "utf-8")
    args = ["track", "--db", str(db), "--no-progress", "--replace", str(tmp_path / "story.txt")]
    assert main(args) == 0
    assert "1 replaced" in capsys.readouterr().out
    with Tracker.existing(db) as tracker:
        stored = tracker.document("story")
    assert stored is not None and stored.source == str((tmp_path / "story.txt").resolve())
    version = sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION >= 5


def test_a_record_s_own_id_is_its_identity_whichever_feed_carries_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON Lines record with an id of its own is that article whatever file it is in:
    a corrected copy in the next day's dump replaces it with --replace (the file only
    guards ids quotetrack derives from file names and lines)."""
    monday, tuesday = tmp_path / "dump-mon.jsonl", tmp_path / "dump-tue.jsonl"
    monday.write_text(json.dumps({"id": "ap-1", "text": STORY}) + "\n", "utf-8")
    tuesday.write_text(json.dumps({"id": "ap-1", "text": OTHER}) + "\n", "utf-8")
    db = str(tmp_path / "q.db")
    assert main(["track", "--db", db, "--no-progress", str(monday)]) == 0
    assert main(["track", "--db", db, "--no-progress", str(tuesday)]) == 2  # changed text
    assert main(["track", "--db", db, "--no-progress", "--replace", str(tuesday)]) == 0
    assert "1 replaced" in capsys.readouterr().out
    with Tracker.existing(db) as tracker:
        stored = tracker.document("ap-1")
    assert stored is not None and (stored.text, stored.source) == (OTHER, None)
