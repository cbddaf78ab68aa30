"""The second adversarial pass (after issue 14): the command line's corrections, outputs
and worker counts given hostile arguments, each a one-line error with status 2."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from quotetrack import parse
from quotetrack.cli import main
from quotetrack.errors import ConfigurationError, TrackerError
from quotetrack.parallel import MAX_WORKERS, analyze_many, parse_many
from quotetrack.store import files as store_files
from quotetrack.tracker import Tracker
from tests.test_cli_edges import LINE, ROOT, assert_one_line_error, quotetrack

HUGE = str(10**23)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store with one article, fresh for each test (corrections write to it)."""
    (tmp_path / "a.txt").write_text(LINE, encoding="utf-8")
    db = tmp_path / "q.db"
    assert main(["track", "--db", str(db), "--no-progress", str(tmp_path / "a.txt")]) == 0
    return db


@pytest.mark.parametrize(
    "names",
    [
        ["undo", "abc"],  # not an id: was status 1, without "error:"
        ["undo", HUGE],  # beyond SQLite's integers: was an OverflowError traceback
        ["undo", "²"],  # str.isdigit() but not int(): was a ValueError traceback
        ["merge", "²", "Smith"],
        ["merge", "Smith"],  # one name short: was status 1
        ["split"],
    ],
    ids=" ".join,
)
def test_a_bad_correction_is_a_one_line_error(store: Path, names: list[str]) -> None:
    """`speakers merge|split|undo` with the wrong arguments ends with status 2 and one
    line, as docs/cli.md's exit status table says, and changes nothing."""
    before = store.read_bytes()
    run = quotetrack("speakers", "--db", str(store), *names)
    assert_one_line_error(run)
    assert store.read_bytes() == before


def test_undo_of_an_id_beyond_sqlite_is_no_such_correction(store: Path) -> None:
    """``Tracker.undo(10**30)`` was an OverflowError; no correction has that id."""
    with Tracker(store) as tracker, pytest.raises(TrackerError, match="no correction"):
        tracker.undo(10**30)


@pytest.mark.parametrize(
    "command",
    [
        ["export", "-o", "{same}"],
        ["export", "--format", "csv", "-o", "{same}"],
        ["report", "-o", "{same}"],
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("spelling", ["q.db", "./q.db", "sub/../q.db"])
def test_an_output_that_is_the_store_is_refused(
    store: Path, command: list[str], spelling: str
) -> None:
    """`export --db q.db -o q.db` (a slip of the keyboard) overwrote the store it read
    with the export, and `report` with the page: every article and correction lost.
    The output naming the store, however spelled, is an error that leaves it as it is."""
    (store.parent / "sub").mkdir()
    before = store.read_bytes()
    args = [a.replace("{same}", spelling) for a in command]
    run = quotetrack(*args, "--db", "q.db", cwd=store.parent)
    assert_one_line_error(run, "store")
    assert store.read_bytes() == before


def test_a_damaged_speaker_kind_is_a_tracker_error(store: Path) -> None:
    """A ``speakers.kind`` cell another tool wrote raised a raw ValueError from
    speakers() and speaker() (a traceback in `quotetrack speakers`, `timeline` and
    `report`); it is a TrackerError naming the store, as a damaged quote row is. A bad
    argument is still the caller's ConfigurationError, not the store's fault."""
    conn = sqlite3.connect(store)
    conn.execute("UPDATE speakers SET kind = 'shouted'")
    conn.commit()
    conn.close()
    with Tracker.existing(store) as tracker:
        for call in (tracker.speakers, lambda: tracker.speaker("Smith")):
            with pytest.raises(TrackerError, match="damaged speaker row") as raised:
                call()
            assert str(store) in str(raised.value)
        with pytest.raises(ConfigurationError, match="min_quotes"):
            tracker.speakers(min_quotes=0)
    for command in (["speakers"], ["timeline", "Smith"], ["report", "-o", "-"]):
        assert_one_line_error(quotetrack(*command, "--db", str(store)), "q.db")


@pytest.mark.parametrize("date", ["2016-13-45", "2016-02-30"])
def test_a_damaged_article_date_is_a_tracker_error(store: Path, date: str) -> None:
    """A ``documents.published`` cell another tool wrote raised a raw ValueError from
    speakers(), document(), clusters() and timeline() (a traceback in the commands);
    it is a TrackerError naming the store, as a damaged quote row is. (A cell that is
    not even in the plausible range, "yesterday", is left out of dated queries as a
    placeholder date is, and is damaged where the article's date is read.)"""
    conn = sqlite3.connect(store)
    conn.execute("UPDATE documents SET published = ?", (date,))
    conn.commit()
    conn.close()
    with Tracker.existing(store) as tracker:
        doc_id = tracker._conn.execute("SELECT doc_id FROM documents").fetchone()[0]
        for call in (
            tracker.speakers,
            tracker.quotes,
            lambda: tracker.document(doc_id),
            lambda: tracker.clusters(1),
            lambda: tracker.timeline("Smith"),
        ):
            with pytest.raises(TrackerError, match="damaged document row"):
                call()
    for command in (["speakers"], ["quotes"], ["timeline", "Smith"], ["export"]):
        assert_one_line_error(quotetrack(*command, "--db", str(store)), "q.db")


def test_an_article_date_that_is_no_date_is_a_tracker_error_where_it_is_read(
    store: Path,
) -> None:
    """ "yesterday" is outside the plausible dates, so speakers(), clusters() and
    timelines leave it out as they leave out 9999-12-31; quotes() and document() read
    the article's date, and say the store is damaged."""
    conn = sqlite3.connect(store)
    conn.execute("UPDATE documents SET published = 'yesterday'")
    conn.commit()
    conn.close()
    with Tracker.existing(store) as tracker:
        doc_id = tracker._conn.execute("SELECT doc_id FROM documents").fetchone()[0]
        assert [s.first_seen for s in tracker.speakers()] == [None]
        for call in (tracker.quotes, lambda: tracker.document(doc_id)):
            with pytest.raises(TrackerError, match="damaged document row"):
                call()


def test_a_damaged_alias_kind_is_a_tracker_error(store: Path, tmp_path: Path) -> None:
    """An ``aliases.kind`` cell another tool wrote ended the identity decision in a raw
    ValueError (a traceback at the end of `quotetrack track`); it is a TrackerError
    naming the store, and the articles before it stay stored."""
    conn = sqlite3.connect(store)
    conn.execute("UPDATE aliases SET kind = 'shouted'")
    conn.commit()
    conn.close()
    (tmp_path / "b.txt").write_text(LINE.replace("Smith", "Jones"), encoding="utf-8")
    tracker = Tracker(store)
    with pytest.raises(TrackerError, match="damaged alias row"):
        tracker.add_many([{"text": LINE.replace("Smith", "Lee"), "doc_id": "c"}])
    with pytest.raises(TrackerError, match="damaged alias row"):
        tracker.close()  # the decision is still to take: closing says why it cannot be
    run = quotetrack("track", "--db", str(store), "--no-progress", str(tmp_path / "b.txt"))
    assert_one_line_error(run, "q.db", "damaged alias row")
    with Tracker.existing(store) as tracker:
        assert tracker.stats().documents == 3


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "quotebank"])
def test_a_full_disk_while_exporting_is_a_one_line_error(store: Path, fmt: str) -> None:
    """Writing the export to a full disk ended in an OSError traceback (status 1)."""
    run = quotetrack("export", "--db", str(store), "--format", fmt, "-o", "/dev/full")
    assert_one_line_error(run, "/dev/full")


def test_a_worker_count_no_machine_has_is_a_configuration_error() -> None:
    """``analyze_many(texts, workers=10**30)`` ended in OverflowError from inside
    multiprocessing (and `track --workers 10**23` in a traceback)."""
    with pytest.raises(ConfigurationError, match="workers"):
        analyze_many([LINE], workers=10**30)
    with pytest.raises(ConfigurationError, match="workers"):
        parse_many([LINE], workers=MAX_WORKERS + 1)


def test_a_chunk_size_beyond_any_list_reads_as_one_chunk() -> None:
    """``chunksize=10**30`` was a ValueError from itertools.islice; like a huge limit, it
    reads as the largest (every text in one chunk)."""
    assert list(parse_many([LINE, LINE], workers=2, chunksize=10**30)) == [parse(LINE)] * 2


def test_track_with_a_huge_worker_count_is_a_one_line_error(tmp_path: Path) -> None:
    """`track --workers 100000000000000000000000` was an OverflowError traceback."""
    (tmp_path / "a.txt").write_text(LINE, encoding="utf-8")
    run = quotetrack("track", "--db", "q.db", "a.txt", "--workers", HUGE, cwd=tmp_path)
    assert_one_line_error(run, "workers")
    assert (
        not (tmp_path / "q.db").exists() or Tracker.existing(tmp_path / "q.db").stats().quotes == 0
    )


@pytest.mark.parametrize("table", ["members", "targets"])
def test_a_store_missing_a_table_of_its_version_is_refused_untouched(
    tmp_path: Path, table: str
) -> None:
    """A version-8 store without its ``members`` table was read as a store: reads failed
    with "no such table: members" and `track` went on writing to it (targets, the table
    of version 7, was already refused). Every table of its version is checked now."""
    path = tmp_path / "q.db"
    with Tracker(path) as tracker:
        tracker.add(LINE, doc_id="a", published="2016-09-12")
    (tmp_path / "a.txt").write_text(LINE.replace("win", "lose"), encoding="utf-8")
    conn = sqlite3.connect(path)
    conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = path.read_bytes()
    for read_only in (True, False):
        with pytest.raises(TrackerError, match=f"not a quotetrack store.*{table}"):
            Tracker(path, read_only=read_only)
    assert_one_line_error(quotetrack("track", "--db", "q.db", "a.txt", cwd=tmp_path), table)
    assert path.read_bytes() == before


def test_every_table_of_the_schema_is_checked_when_a_store_is_opened() -> None:
    """The tables a store must have are those the migrations create (so the next
    version's table cannot be forgotten, as members was)."""
    with Tracker(":memory:") as tracker:
        created = store_files.tables(tracker._conn)
    checked = store_files._CORE.union(*store_files._SINCE.values())
    assert checked == created


def test_a_name_in_composed_and_decomposed_accents_is_one_alias() -> None:
    """An article with "José" as J-o-s-e + U+0301 and one with the composed "é" are one
    speaker (as before), listed with each name once: "José Martínez" was listed twice,
    looking the same, once per encoding."""
    text = "“Tom Becker failed the city,” said José Martínez. “We are fine,” Martínez added."
    with Tracker(":memory:") as tracker:
        tracker.add(text, doc_id="nfc")
        tracker.add(unicodedata.normalize("NFD", text), doc_id="nfd")
        (speaker,) = tracker.speakers()
    assert speaker.aliases == ("José Martínez", "Martínez")
    assert speaker.quotes == 4
    with Tracker(":memory:") as tracker:  # decomposed only: shown composed all the same
        tracker.add(unicodedata.normalize("NFD", text), doc_id="nfd")
        (speaker,) = tracker.speakers()
    assert (speaker.name, speaker.aliases) == ("José Martínez", ("José Martínez", "Martínez"))


def test_ambiguous_names_print_no_control_characters(tmp_path: Path) -> None:
    """`speakers --ambiguous` printed each article's doc_id as stored: an id from a JSON
    Lines record carrying terminal escapes retitled the window and coloured the
    terminal (docs/cli.md: table cells never carry control characters)."""
    evil = "z\x1b]0;PWNED\x07\x1b[31mRED\u202e"
    records = [
        {"doc_id": "b", "text": "“We will win,” said Hillary Clinton."},
        {"doc_id": "c", "text": "“We won,” said Bill Clinton."},
        {"doc_id": evil, "text": "“We are fine,” Clinton said."},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["track", "--db", str(tmp_path / "q.db"), "--no-progress", str(feed)]) == 0
    run = quotetrack("speakers", "--db", "q.db", "--ambiguous", cwd=tmp_path)
    out = run.stdout.decode("utf-8")
    assert run.returncode == 0 and "PWNED" in out and "Clinton" in out
    assert not any(ch in out for ch in "\x1b\x07\u202e")


@pytest.mark.parametrize("spelling", ["a.txt", "./a.txt"])
def test_view_refuses_to_write_the_page_over_its_article(tmp_path: Path, spelling: str) -> None:
    """`view a.txt -o a.txt` replaced the article with its page (the default output is
    guarded against that, an explicit -o was not)."""
    article = tmp_path / "a.txt"
    article.write_text(LINE, encoding="utf-8")
    assert_one_line_error(quotetrack("view", "a.txt", "-o", spelling, cwd=tmp_path), "a.txt")
    assert article.read_text(encoding="utf-8") == LINE


@pytest.mark.parametrize("option", [[], ["--metadata"]], ids=["PATH", "--metadata"])
def test_track_of_a_name_too_long_for_the_system_is_a_one_line_error(
    tmp_path: Path, option: list[str]
) -> None:
    """A path longer than the file system allows (ENAMETOOLONG) ended `track` in an
    OSError traceback from Path.exists()."""
    (tmp_path / "a.txt").write_text(LINE, encoding="utf-8")
    long_name = "x" * 300 + ".tsv"
    run = quotetrack("track", "--db", "q.db", "a.txt", *option, long_name, cwd=tmp_path)
    assert_one_line_error(run, "xxx")
    assert not (tmp_path / "q.db").exists()


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE quotes SET spans = '[[1,'",  # cut JSON
        "UPDATE quotes SET kind = 'shouted'",
        "UPDATE quotes SET speaker_members = 'not json' WHERE speaker_name IS NOT NULL",
    ],
)
def test_a_damaged_quote_row_is_a_tracker_error(store: Path, damage: str) -> None:
    """A row another tool wrote or cut short raised a raw JSONDecodeError or ValueError
    from quotes() (a traceback in `quotetrack quotes`); it is a TrackerError naming the
    store, as a damaged page is."""
    conn = sqlite3.connect(store)
    conn.execute(damage)
    conn.commit()
    conn.close()
    with Tracker.existing(store) as tracker, pytest.raises(TrackerError, match="damaged quote row"):
        tracker.quotes()
    assert_one_line_error(quotetrack("quotes", "--db", str(store)), "q.db")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "command",
    [
        ["quotes"],
        ["speakers", "--format", "csv"],
        ["mentions"],
        ["export"],
        ["report", "-o", "-"],
        ["timeline", "Smith"],
    ],
    ids=" ".join,
)
def test_a_full_standard_output_is_a_one_line_error(store: Path, command: list[str]) -> None:
    """`quotetrack export --db q.db > out.jsonl` on a full disk ended in an OSError
    traceback, status 1 (docs/cli.md: an output that cannot be written is status 2)."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open("/dev/full", "wb") as full:
        run = subprocess.run(
            [sys.executable, "-m", "quotetrack", *command, "--db", str(store)],
            stdout=full,
            stderr=subprocess.PIPE,
            env=environ,
            timeout=120,
            check=False,
        )
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 2, err
    lines = err.splitlines()
    assert lines[-1].startswith("quotetrack: error: ") and "Traceback" not in err, err
    assert "No space left" in lines[-1]


@pytest.mark.parametrize("command", [["report", "-o", "-"], ["mentions", "--format", "jsonl"]])
def test_a_closed_standard_output_is_a_one_line_error(store: Path, command: list[str]) -> None:
    """With standard output closed (`>&-`) these raised AttributeError on None."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "quotetrack", *command, "--db", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environ,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 2 and "Traceback" not in err, err


@pytest.mark.parametrize("command", [["parse", "-"], ["view", "-", "-o", "-"]], ids=" ".join)
def test_a_closed_standard_input_is_a_one_line_error(command: list[str]) -> None:
    """`quotetrack parse - <&-` raised AttributeError on None."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "quotetrack", *command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=environ,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(0),
    )
    assert_one_line_error(run, "standard input")
