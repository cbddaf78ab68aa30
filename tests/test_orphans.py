"""Worker processes die with their parent (issue 14, defect 2).

SIGTERM or SIGKILL to ``quotetrack track --workers N``, or to a program using
:func:`~quotetrack.parallel.analyze_many`, used to leave the workers alive under PID 1,
holding the parent's stdout and stderr open, so a caller capturing output hung. These
tests kill real parents and wait, with generous bounds, for every worker to go and for
the captured output to reach its end.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_cli_tracker import command, gate, make_folder, start_and_wait

ROOT = Path(__file__).resolve().parents[1]
BOUND = 60.0  # seconds: a bound on a hang, not a speed requirement

PROGRAM = """
import sys
from quotetrack.parallel import analyze_many
texts = ("“We will win this state and win it big,” Smith said. " * 200 for _ in range(10**6))
for i, quotes in enumerate(analyze_many(texts, workers=2, chunksize=1)):
    if i == 0:
        print("ready", flush=True)
"""


def children(pid: int) -> set[int]:
    """The live child processes of ``pid`` (Linux /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie waiting for a reaper counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def wait_for_workers(proc: subprocess.Popen[bytes], want: int) -> set[int]:
    """The parent's worker processes, once ``want`` of them run."""
    deadline = time.monotonic() + BOUND
    while len(workers := children(proc.pid)) < want:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.05)
    return workers


def assert_orphans_exit(proc: subprocess.Popen[bytes], workers: set[int], signum: int) -> None:
    """Kill the parent; its workers go and the captured output is closed."""
    proc.send_signal(signum)
    try:
        proc.communicate(timeout=BOUND)  # hangs while a worker holds the pipes
    except subprocess.TimeoutExpired:
        left = {pid for pid in workers if alive(pid)}
        for pid in left:  # do not leak them into the rest of the run
            os.kill(pid, signal.SIGKILL)
        pytest.fail(f"workers {sorted(left)} outlived their parent and held its output open")
    deadline = time.monotonic() + BOUND
    while left := {pid for pid in workers if alive(pid)}:
        if time.monotonic() > deadline:
            for pid in left:
                os.kill(pid, signal.SIGKILL)
            pytest.fail(f"workers {sorted(left)} outlived their parent")
        time.sleep(0.05)


pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir(), reason="finds worker processes through Linux /proc"
)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["KILL", "TERM"])
def test_analyze_many_workers_exit_with_their_parent(signum: int) -> None:
    """A program streaming through analyze_many(workers=2), killed: no worker survives."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", PROGRAM], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None
    # the first result, waited for with a bound (a bare readline would hang the suite
    # with a child that hangs)
    ready, _, _ = select.select([proc.stdout], [], [], BOUND)
    if not ready:
        proc.kill()
        for pid in children(proc.pid):
            os.kill(pid, signal.SIGKILL)
        pytest.fail(f"no result from analyze_many in {BOUND:.0f} s")
    assert proc.stdout.readline() == b"ready\n"
    assert_orphans_exit(proc, wait_for_workers(proc, 2), signum)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["KILL", "TERM"])
def test_track_workers_exit_with_their_parent(tmp_path: Path, signum: int) -> None:
    """`quotetrack track --workers 2`, killed mid-corpus: no worker survives. A gate
    after the folder keeps the ingest from ending before the kill, however fast."""
    folder = make_folder(tmp_path / "in", 200)  # more than the pool reads ahead
    db = tmp_path / "q.db"
    assert "--workers" not in command(db, folder)
    door = str(gate(tmp_path / "gate"))
    proc = start_and_wait(db, folder, at_least=1, extra=(door, "--workers", "2"))
    assert_orphans_exit(proc, wait_for_workers(proc, 2), signum)
