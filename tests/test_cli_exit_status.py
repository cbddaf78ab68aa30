"""docs/cli.md's exit status table against what the commands do (issue 14)."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import pytest

from tests.test_cli_edges import LINE, quotetrack
from tests.test_cli_tracker import assert_whole, make_folder, start_and_wait

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def documented() -> set[int]:
    """The statuses of the table under **Exit status.**"""
    section = DOCS.read_text(encoding="utf-8").split("**Exit status.**", 1)[1].split("\n\n")[1]
    return {int(code) for code in re.findall(r"^\| `(\d+)` \|", section, re.M)}


def test_the_documented_statuses_are_the_ones_the_commands_use() -> None:
    """0, 2 and 130, no other (1 used to leak out of a few commands)."""
    assert documented() == {0, 2, 130}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with an article, a store of it, and a Latin-1 file."""
    folder = tmp_path_factory.mktemp("exit")
    (folder / "a.txt").write_text(LINE, encoding="utf-8")
    (folder / "latin1.txt").write_bytes("“Olé,” said José.".encode("latin-1", "replace"))
    run = quotetrack("track", "--db", "q.db", "a.txt", cwd=folder)
    assert run.returncode == 0, run.stderr
    return folder


SUCCESS = [
    ["parse", "a.txt"],
    ["view", "a.txt", "-o", "-"],
    ["track", "--db", "q.db", "a.txt"],
    ["speakers", "--db", "q.db"],
    ["quotes", "--db", "q.db"],
    ["timeline", "--db", "q.db", "Smith"],
    ["mentions", "--db", "q.db"],
    ["export", "--db", "q.db", "-o", "-"],
    ["report", "--db", "q.db", "-o", "-"],
]

ERRORS = [
    ["parse", "missing.txt"],
    ["parse", "latin1.txt"],
    ["view", "latin1.txt"],
    ["view", "a.txt", "-o", "no/such/dir/page.html"],
    ["track", "--db", "q.db", "missing-folder"],
    ["track", "--db", "q.db", "a.txt", "--workers", "-1"],
    ["speakers", "--db", "missing.db"],
    ["quotes", "--db", "q.db", "--since", "not-a-date"],
    ["timeline", "--db", "q.db", "Nobody"],
    ["mentions", "--db", "q.db", "--speaker", "Nobody"],
    ["mentions", "--db", "missing.db"],
    ["export", "--db", "q.db", "-o", "no/such/dir/out.jsonl"],
    ["report", "--db", "missing.db"],
]


@pytest.mark.parametrize("args", SUCCESS, ids=lambda a: a[0])
def test_success_is_status_0(workspace: Path, args: list[str]) -> None:
    """Each command, used as documented, ends with status 0."""
    run = quotetrack(*args, cwd=workspace)
    assert run.returncode == 0 and run.returncode in documented(), run.stderr


@pytest.mark.parametrize("args", ERRORS, ids=" ".join)
def test_errors_are_status_2_with_one_line(workspace: Path, args: list[str]) -> None:
    """Each error is status 2 with the one documented line on stderr, no traceback."""
    run = quotetrack(*args, cwd=workspace)
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 2 and run.returncode in documented(), err
    assert err.count("\n") == 1 and err.startswith("quotetrack: error: "), err


def test_a_bad_option_is_status_2_after_the_usage(workspace: Path) -> None:
    """argparse's own usage errors use the same status."""
    run = quotetrack("quotes", "--db", "q.db", "--kind", "rumour", cwd=workspace)
    assert run.returncode == 2
    assert run.stderr.decode().splitlines()[-1].startswith("quotetrack quotes: error:")


def test_ctrl_c_during_track_is_status_130(tmp_path: Path) -> None:
    """The documented 130: Ctrl-C stops `track` after the current article."""
    folder = make_folder(tmp_path / "in", 40)
    db = tmp_path / "q.db"
    proc = start_and_wait(db, folder, at_least=1)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=120)
    assert proc.returncode == 130 and proc.returncode in documented()
    assert len(assert_whole(db, folder)) < 40
