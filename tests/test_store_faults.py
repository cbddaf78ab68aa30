"""The store under foreign files and faults (issue 14, defects 1 and 4).

Read commands never create, migrate or otherwise write a store: a file that is not a
quotetrack store gets one line and status 2 and is left byte-identical. Faults of the
SQLite file (damaged pages, a full disk) are TrackerErrors, one line in the CLI, and a
store a writer could not finish writing stays readable.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from quotetrack.cli import main
from quotetrack.errors import TrackerError
from quotetrack.tracker import SCHEMA_VERSION, Tracker

LINE = "“We will win this state and win it big,” Hillary Clinton said."
READERS = [
    ["speakers"],
    ["quotes"],
    ["timeline", "Hillary Clinton"],
    ["export", "-o", "-"],
    ["report", "-o", "-"],
]


def digest(path: Path) -> str:
    """A hash of the file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> set[str]:
    """The files beside ``path`` (a WAL switch leaves -wal and -shm files)."""
    return {p.name for p in path.parent.iterdir()}


def other_app(path: Path) -> None:
    """Another application's database."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO users (name) VALUES ('ada')")
    conn.commit()
    conn.close()


def other_version(path: Path) -> None:
    """A database whose user_version another application set."""
    other_app(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 2")
    conn.close()


def minus_one(path: Path) -> None:
    """user_version -1."""
    other_app(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = -1")
    conn.close()


def dropped_table(path: Path) -> None:
    """A quotetrack store that lost a table."""
    with Tracker(path) as tracker:
        tracker.add(LINE, doc_id="a", published="2016-09-12")
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE aliases")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def empty_file(path: Path) -> None:
    """An empty file: a store nobody created."""
    path.write_bytes(b"")


FOREIGN: list[Callable[[Path], None]] = [
    other_app,
    other_version,
    minus_one,
    dropped_table,
    empty_file,
]


@pytest.mark.parametrize("make", FOREIGN, ids=lambda f: f.__name__)
@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_reader_never_converts_a_foreign_file(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], None],
    command: list[str],
) -> None:
    """One line, status 2, and the file (and its folder) exactly as they were."""
    path = tmp_path / "app.db"
    make(path)
    before, files = digest(path), siblings(path)
    assert main([command[0], "--db", str(path), *command[1:]]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "app.db" in err and "quotetrack store" in err, err
    assert digest(path) == before
    assert siblings(path) == files


@pytest.mark.parametrize("make", FOREIGN[:3], ids=lambda f: f.__name__)
def test_a_writer_refuses_a_foreign_database_untouched(
    tmp_path: Path, make: Callable[[Path], None]
) -> None:
    """`track` into another application's database refuses it, byte-identical."""
    path = tmp_path / "app.db"
    make(path)
    before = digest(path)
    with pytest.raises(TrackerError, match="not a quotetrack store"):
        Tracker(path)
    assert digest(path) == before


def store_of(tmp_path: Path) -> Path:
    """A small store, checkpointed into its main file."""
    path = tmp_path / "q.db"
    with Tracker(path) as tracker:
        tracker.add(LINE, doc_id="a", published="2016-09-12")
        tracker.add(LINE.replace("win", "lose"), doc_id="b", published="2016-09-13")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def test_reading_a_store_never_writes_it(tmp_path: Path) -> None:
    """Every read command leaves the store's bytes alone."""
    path = store_of(tmp_path)
    before = digest(path)
    for command in READERS:
        assert main([command[0], "--db", str(path), *command[1:]]) == 0
    assert digest(path) == before


def test_an_older_store_is_not_migrated_by_a_reader(tmp_path: Path) -> None:
    """A store of an older schema: readers say how to upgrade and change nothing."""
    path = store_of(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    before = digest(path)
    with pytest.raises(TrackerError, match="older quotetrack"):
        Tracker.existing(path)
    assert digest(path) == before


def test_a_damaged_store_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Corrupted pages: TrackerError, and one CLI line saying the store is damaged."""
    path = store_of(tmp_path)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[page : len(data)] = bytes([0xA5]) * (len(data) - page)  # every page but the header
    path.write_bytes(bytes(data))
    for command in READERS[:3]:
        status = main([command[0], "--db", str(path), *command[1:]])
        err = capsys.readouterr().err
        assert status == 2 and err.count("\n") == 1, err
        assert err.startswith("quotetrack: error: ") and "q.db" in err
    with pytest.raises(TrackerError), Tracker(path) as tracker:
        tracker.add(LINE, doc_id="c", published=None)


def test_a_full_disk_is_a_tracker_error_and_reads_still_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A write that runs out of room raises TrackerError, stores nothing of the article,
    and the store stays readable by the CLI."""
    path = store_of(tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is now full
    big = "\n\n".join(
        f"“Line {i} of a long speech about everything,” Smith said." for i in range(400)
    )
    with Tracker(conn) as tracker:
        with pytest.raises(TrackerError, match="full"):
            tracker.add(big, doc_id="big", published="2016-09-14")
        assert tracker.document("big") is None
    conn.close()
    assert main(["speakers", "--db", str(path)]) == 0
    assert "Hillary Clinton" in capsys.readouterr().out


def test_a_read_only_tracker_refuses_writes(tmp_path: Path) -> None:
    """Tracker.existing opens for reading: a write is a TrackerError, nothing changes."""
    path = store_of(tmp_path)
    before = digest(path)
    with Tracker.existing(path) as tracker:
        assert [s.name for s in tracker.speakers()] == ["Hillary Clinton"]
        with pytest.raises(TrackerError, match="read-only"):
            tracker.add(LINE, doc_id="c", published=None)
    assert digest(path) == before
    assert SCHEMA_VERSION >= 2
