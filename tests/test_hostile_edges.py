"""The second adversarial pass (after issue 14): the command line's corrections, outputs
and worker counts given hostile arguments, each a one-line error with status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrack.cli import main
from quotetrack.errors import TrackerError
from quotetrack.tracker import Tracker
from tests.test_cli_edges import LINE, assert_one_line_error, quotetrack

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
