"""The store under foreign files and faults (issue 14, defects 1 and 4).

Read commands never create, migrate or otherwise write a store: a file that is not a
quotetrack store gets one line and status 2 and is left byte-identical. Faults of the
SQLite file (damaged pages, a full disk) are TrackerErrors, one line in the CLI, and a
store a writer could not finish writing stays readable.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from quotetrack.cli import main
from quotetrack.errors import TrackerError
from quotetrack.tracker import Tracker

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


# --- permissions: we run as root, which ignores them, so the CLI runs under setpriv
# with the permission-override capabilities dropped (review items 2 and 5, T7).

SETPRIV = shutil.which("setpriv")
needs_setpriv = pytest.mark.skipif(
    SETPRIV is None and os.geteuid() == 0,
    reason="setpriv (util-linux) is needed to take root's permission override away",
)
ROOT = Path(__file__).resolve().parents[1]
SMITH = "“We will win this race, and we will win it together,” Smith said."
JONES = "“Our schools need more teachers and more money this year,” Jones said."


def run_unprivileged(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m quotetrack ARGS`` without the capability to ignore permissions."""
    drop = [SETPRIV, "--bounding-set", "-dac_override,-dac_read_search,-fowner"] if SETPRIV else []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [*drop, sys.executable, "-m", "quotetrack", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """tmp_path/w, made read-only (0555) by the test and writable again afterwards."""
    folder = tmp_path / "w"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)


def killed_mid_session(path: Path) -> None:
    """Smith's article checkpointed into ``path``; Jones's committed after it, then the
    writer SIGKILLed, so Jones's article is only in the -wal file; the -shm removed."""
    script = (
        "import os, sys, quotetrack as q\n"
        "t = q.Tracker(sys.argv[1]); t.add(sys.argv[2], doc_id='a'); t.close()\n"
        "t = q.Tracker(sys.argv[1]); t.add(sys.argv[3], doc_id='b')\n"
        "os.kill(os.getpid(), 9)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(path), SMITH, JONES], env=env, timeout=120, check=False
    )
    assert done.returncode == -signal.SIGKILL
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0
    path.with_name(path.name + "-shm").unlink()


@needs_setpriv
def test_committed_changes_in_a_wal_are_never_hidden(read_only_folder: Path) -> None:
    """A read-only folder holding a store whose -wal has committed articles (and no
    -shm): reading it as it is would silently drop them, so it is a one-line error
    naming the -wal file, status 2 (it used to print Smith only, status 0)."""
    path = read_only_folder / "q.db"
    killed_mid_session(path)
    read_only_folder.chmod(0o555)
    done = run_unprivileged("quotes", "--db", str(path))
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.count("\n") == 1 and "q.db-wal" in done.stderr, done.stderr
    assert "Smith" not in done.stdout
    read_only_folder.chmod(0o755)
    done = run_unprivileged("quotes", "--db", str(path))  # writable again: both are there
    assert done.returncode == 0 and "Smith" in done.stdout and "Jones" in done.stdout


@needs_setpriv
def test_a_checkpointed_store_in_a_read_only_folder_is_read(read_only_folder: Path) -> None:
    """Nothing waiting in a -wal: the store is read as it is, and left as it was."""
    path = store_of(read_only_folder)
    before = digest(path)
    read_only_folder.chmod(0o555)
    done = run_unprivileged("speakers", "--db", str(path))
    assert done.returncode == 0 and "Hillary Clinton" in done.stdout, done.stderr
    assert digest(path) == before


@needs_setpriv
def test_a_0444_store_is_read_and_a_writer_is_told_it_cannot_write(
    tmp_path: Path,
) -> None:
    """A read-only file in a writable folder: readers work; `track` gets one line that
    says it cannot *write* the store, status 2."""
    path = store_of(tmp_path)
    path.chmod(0o444)
    done = run_unprivileged("quotes", "--db", str(path))
    assert done.returncode == 0 and "Hillary Clinton" in done.stdout, done.stderr
    article = tmp_path / "more.txt"
    article.write_text(SMITH, "utf-8")
    done = run_unprivileged("track", "--db", str(path), "--no-progress", str(article))
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "cannot write" in done.stderr and "read-only" in done.stderr, done.stderr


@needs_setpriv
def test_a_writer_in_a_read_only_folder_is_told_it_cannot_write(
    read_only_folder: Path,
) -> None:
    """`track` into a store whose folder is read-only: "cannot write", not "cannot read"."""
    path = store_of(read_only_folder)
    article = read_only_folder.parent / "more.txt"
    article.write_text(SMITH, "utf-8")
    read_only_folder.chmod(0o555)
    done = run_unprivileged("track", "--db", str(path), "--no-progress", str(article))
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "cannot write" in done.stderr and "Traceback" not in done.stderr, done.stderr


def damage(path: Path) -> None:
    """Overwrite pages 2-3 of ``path`` (the schema's first page survives)."""
    data = bytearray(path.read_bytes())
    data[4196:12288] = b"\xab" * (12288 - 4196)
    path.write_bytes(bytes(data))


def test_tracking_into_a_damaged_store_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`track` into a store with damaged pages: one line saying it is damaged, status 2
    (the identity refresh in add_many's `finally` used to raise a raw sqlite3 error that
    hid the article's own, with a traceback and status 1)."""
    path = store_of(tmp_path)
    damage(path)
    article = tmp_path / "t.txt"
    article.write_text("“Taxes will go down for every family in this state,” Jones said.\n")
    status = main(["track", "--db", str(path), "--no-progress", str(article)])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "damaged" in err, err


def test_a_failed_run_raises_its_own_error_not_the_identity_refresh(tmp_path: Path) -> None:
    """add_many stops on a broken feed: that error comes out, not the identity refresh's
    (which used to run in a `finally` and replace it), and the refresh is left to
    close()."""
    conn = sqlite3.connect(tmp_path / "q.db")
    tracker = Tracker(conn)

    def documents() -> Iterator[dict[str, object]]:
        yield {"text": LINE, "doc_id": "a"}
        conn.execute("PRAGMA query_only = ON")  # storing the decision will now fail
        raise LookupError("the feed broke")

    with pytest.raises(LookupError, match="the feed broke"):
        tracker.add_many(documents())
    conn.execute("PRAGMA query_only = OFF")
    tracker.close()
    with Tracker(conn) as again:
        assert [s.name for s in again.speakers()] == ["Hillary Clinton"]
    conn.close()


def test_close_says_when_the_identity_decision_cannot_be_stored(tmp_path: Path) -> None:
    """A writer that cannot store the identity decision on close() raises TrackerError
    (it was swallowed, leaving readers a stale decision without a word); inside a
    `with` block that already failed, it is a warning and the block's error comes out."""
    conn = sqlite3.connect(tmp_path / "q.db")
    tracker = Tracker(conn)
    tracker.add(LINE, doc_id="a", published="2016-09-12")
    conn.execute("PRAGMA query_only = ON")
    with pytest.raises(TrackerError, match="identity"):
        tracker.close()
    conn.execute("PRAGMA query_only = OFF")

    def fail_inside() -> None:
        with Tracker(conn) as again:
            again.add(LINE.replace("win", "lose"), doc_id="b", published=None)
            conn.execute("PRAGMA query_only = ON")
            raise KeyError("the caller's own error")

    with pytest.warns(RuntimeWarning, match="identity"), pytest.raises(KeyError):
        fail_inside()
    conn.close()


@pytest.mark.parametrize("version", [2, 3, 6, 7])
def test_a_foreign_database_is_said_to_lack_quotetrack_s_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], version: int
) -> None:
    """Another application's database whose user_version happens to be one of ours is
    not "schema version N" (which quotetrack writes itself) but a file without its
    tables (review item 11)."""
    path = tmp_path / "app.db"
    other_app(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    assert main(["speakers", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "lacks quotetrack's tables" in err and "schema version" not in err, err
