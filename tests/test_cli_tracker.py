"""The tracker's commands: track, speakers, quotes, timeline, export; crashes and readers."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotetrack.cli import main
from quotetrack.parser import parse
from quotetrack.tracker import Tracker

CAST = ["Hillary Clinton", "Donald Trump", "Bernie Sanders", "Ted Cruz", "Marco Rubio"]
VOCABULARY = (
    "we will keep fighting for working families in every state and the economy is doing "
    "better than anyone expected this year across America today"
)
WORDS = VOCABULARY.split()
ROOT = Path(__file__).resolve().parents[1]


def article(i: int) -> str:
    """A synthetic article of about 24 attributed quotes (slow enough to interrupt)."""
    rng = random.Random(i)
    paras = []
    for k in range(30):
        who = CAST[(i + k) % len(CAST)]
        said = " ".join(rng.choice(WORDS) for _ in range(14)).capitalize()
        if k % 6 == 5:
            paras.append("The crowd cheered.")
        else:  # each speaker's full name first, the surname after
            paras.append(f"“{said},” {who if k < 5 else who.split()[-1]} said.")
    return "\n\n".join(paras)


def make_folder(path: Path, n: int) -> Path:
    """A folder of n synthetic articles and a metadata TSV dating them."""
    path.mkdir()
    rows = ["filename\tpublisher\tpublication_date\ttitle"]
    for i in range(n):
        (path / f"art{i:03d}.txt").write_text(article(i), encoding="utf-8")
        rows.append(f"art{i:03d}\t{['ap', 'nyt'][i % 2]}\t2016-{1 + i % 12:02d}-15\tArticle {i}")
    (path / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def command(db: Path, folder: Path, *extra: str) -> list[str]:
    """The `quotetrack track` command line over a folder and its metadata (``extra``:
    more paths, such as a :func:`gate`, and options)."""
    return [
        sys.executable,
        "-m",
        "quotetrack",
        "track",
        "--db",
        str(db),
        str(folder / "metadata.tsv"),
        str(folder),
        *extra,
    ]


def gate(path: Path) -> Path:
    """A named pipe, tracked after the folder: reading it waits until a writer opens it,
    so an ingest that reaches it cannot finish, on an idle machine or a busy one, until
    the test lets it (:func:`open_gate`) or kills it."""
    os.mkfifo(path.with_suffix(".txt"))
    return path.with_suffix(".txt")


def open_gate(path: Path, proc: subprocess.Popen[bytes]) -> None:
    """Let an ingest waiting at the gate read it (empty) and go on; returns at once if
    the ingest ends without reaching it."""
    deadline = time.monotonic() + 120  # a bound on a hang, not a speed requirement
    while proc.poll() is None:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO until a reader waits
        except OSError:
            assert time.monotonic() < deadline, "the ingest neither ended nor reached the gate"
            time.sleep(0.05)
            continue
        os.close(fd)
        return


def stored_documents(db: Path) -> int:
    """How many articles a store holds now (0 while it is still being created)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def start_and_wait(
    db: Path, folder: Path, at_least: int, extra: tuple[str, ...] = ()
) -> subprocess.Popen[bytes]:
    """Start an ingest and return once the store holds at least ``at_least`` articles."""
    proc = subprocess.Popen(
        command(db, folder, *extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    )
    deadline = time.monotonic() + 120  # a bound on a hang, not a speed requirement
    while stored_documents(db) < at_least:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"the ingest did not store {at_least} articles in 120 s"
        time.sleep(0.01)
    return proc


def assert_whole(db: Path, folder: Path) -> dict[str, str]:
    """The store opens, is sound, and every stored article has all of its quotes."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    docs = dict(conn.execute("SELECT doc_id, text FROM documents").fetchall())
    for doc_id, text in docs.items():
        assert text == (folder / f"{doc_id}.txt").read_text(encoding="utf-8")
        positions = [
            row[0]
            for row in conn.execute(
                "SELECT position FROM quotes WHERE doc_id = ? ORDER BY position", (doc_id,)
            )
        ]
        assert positions == list(range(len(parse(text)))), doc_id
    for orphans in (
        "SELECT COUNT(*) FROM quotes WHERE doc_id NOT IN (SELECT doc_id FROM documents)",
        "SELECT COUNT(*) FROM shingles WHERE quote_id NOT IN (SELECT id FROM quotes)",
    ):
        assert conn.execute(orphans).fetchone()[0] == 0
    conn.close()
    return docs


# --- a crash, an interrupt, a reader -----------------------------------------------


def test_sigkill_mid_folder_leaves_whole_articles_and_a_rerun_completes(tmp_path: Path) -> None:
    """Killed part way, the store holds whole articles only; the same command then finishes."""
    folder = make_folder(tmp_path / "in", 60)
    db = tmp_path / "q.db"
    # the gate: however fast the machine, the ingest cannot finish before the kill
    proc = start_and_wait(db, folder, at_least=3, extra=(str(gate(tmp_path / "gate")),))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    kept = assert_whole(db, folder)
    assert 3 <= len(kept) <= 60

    rerun = subprocess.run(command(db, folder), capture_output=True, text=True, cwd=ROOT)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{60 - len(kept)} added, {len(kept)} unchanged" in rerun.stdout
    assert len(assert_whole(db, folder)) == 60


def test_ctrl_c_stops_after_the_current_article(tmp_path: Path) -> None:
    """SIGINT stops the ingest cleanly after an article, with a summary and status 130."""
    folder = make_folder(tmp_path / "in", 60)
    db = tmp_path / "q.db"
    door = gate(tmp_path / "gate")  # the ingest cannot end before the SIGINT
    proc = start_and_wait(db, folder, at_least=2, extra=(str(door),))
    proc.send_signal(signal.SIGINT)
    open_gate(door, proc)  # if it was waiting there, it now stops after that "article"
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert b"stopping after the current article" in err
    assert b"added" in out
    assert 2 <= len(assert_whole(db, folder)) <= 60


def test_a_reader_queries_while_another_process_ingests(tmp_path: Path) -> None:
    """Queries from another process succeed, and see growing counts, during an ingest."""
    folder = make_folder(tmp_path / "in", 60)
    db = tmp_path / "q.db"
    proc = start_and_wait(db, folder, at_least=1)
    seen: list[int] = []
    with Tracker(db) as reader:
        while proc.poll() is None:
            seen.append(reader.stats().quotes)
            assert reader.speakers(limit=3)
            assert reader.quotes(speaker="Donald Trump", limit=2)
    _, err = proc.communicate()
    assert proc.returncode == 0, err
    assert len(seen) >= 3 and seen == sorted(seen) and seen[0] > 0
    with Tracker(db) as reader:
        assert reader.stats().documents == 60


# --- the commands in-process ---------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, str]:
    """A store built by `track` from a small folder: (db, folder, what track printed)."""
    folder = make_folder(tmp_path / "in", 6)
    records = [
        {
            "id": "wire1",
            "text": "“We are going to win this state and win it big,” Trump said.",
            "date": "2016-03-01",
            "outlet": "ap",
        },
        {
            "id": "wire2",
            "text": "“We are going to win this state and win it big,” Trump said.",
            "date": "2016-03-02",
            "outlet": "nyt",
            "url": "https://nyt/x",
        },
    ]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    db = tmp_path / "q.db"
    assert main(["track", "--db", str(db), str(folder / "metadata.tsv"), str(folder)]) == 0
    return db, folder, capsys.readouterr().out


def test_track_prints_a_summary_and_reruns_as_a_no_op(
    store: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """track reports what it stored; the same command again stores nothing."""
    db, folder, first = store
    assert "8 added, 0 unchanged, 0 replaced, 0 skipped" in first
    assert "8 articles" in first
    assert (
        main(["track", "--db", str(db), "--metadata", str(folder / "metadata.tsv"), str(folder)])
        == 0
    )
    assert "0 added, 8 unchanged" in capsys.readouterr().out


def test_track_shows_progress_and_skips_unreadable_files(
    store: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--progress draws the count, rate and ETA; an unreadable file is skipped and named."""
    db, folder, _ = store
    (folder / "broken.txt").write_bytes(b"\xff\xfe")
    capsys.readouterr()
    assert main(["track", "--db", str(db), str(folder), "--progress"]) == 0
    captured = capsys.readouterr()
    assert "/9 articles" in captured.err and "ETA" in captured.err
    assert "skipped" in captured.err and "broken.txt" in captured.err
    assert "1 skipped" in captured.out


def test_changed_text_needs_replace(
    store: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A changed file is an error naming --replace; with --replace it is replaced."""
    db, folder, _ = store
    (folder / "art000.txt").write_text("“Something new entirely,” Smith said.", encoding="utf-8")
    assert main(["track", "--db", str(db), str(folder)]) == 2
    assert "--replace" in capsys.readouterr().err
    meta = str(folder / "metadata.tsv")
    assert main(["track", "--db", str(db), meta, str(folder), "--replace"]) == 0
    assert "0 added, 7 unchanged, 1 replaced" in capsys.readouterr().out
    assert main(["track", "--db", str(db), str(folder), "--replace"]) == 0
    assert "2 unchanged, 6 replaced" in capsys.readouterr().out  # their dates went away


def test_speakers_quotes_and_timeline(
    store: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The read commands print tables, CSV and JSON Lines from the store."""
    db = str(store[0])
    capsys.readouterr()
    assert main(["speakers", "--db", db]) == 0
    table = capsys.readouterr().out
    assert "Donald Trump" in table and "Hillary Clinton" in table
    assert main(["speakers", "--db", db, "--format", "jsonl", "--contains", "sanders"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["name"] == "Bernie Sanders"
    assert (
        main(["quotes", "--db", db, "--speaker", "Trump", "--outlet", "nyt", "--format", "csv"])
        == 0
    )
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("id,doc_id") and len(rows) > 2
    assert main(["timeline", "--db", db, "Hillary Clinton", "--freq", "month"]) == 0
    assert "2016-01" in capsys.readouterr().out


def test_unknown_speakers_and_missing_stores_are_errors(
    store: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An unknown speaker and a store that does not exist end with a one-line message."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        main(["timeline", "--db", str(store[0]), "Nobody"])
    assert stopped.value.code == 2
    assert "no speaker matches 'Nobody'" in capsys.readouterr().err
    assert main(["speakers", "--db", str(tmp_path / "missing.db")]) == 2
    assert "no store" in capsys.readouterr().err


def test_export_formats(store: tuple[Path, Path, str], tmp_path: Path) -> None:
    """export writes stored quotes as JSON Lines or CSV, and clusters Quotebank-style."""
    db = str(store[0])
    out = tmp_path / "out.jsonl"
    assert (
        main(
            ["export", "--db", db, "--format", "jsonl", "-o", str(out), "--speaker", "Donald Trump"]
        )
        == 0
    )
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines and {line["speaker"] for line in lines} == {"Donald Trump"}
    assert main(["export", "--db", db, "--format", "csv", "-o", str(tmp_path / "q.csv")]) == 0
    assert (tmp_path / "q.csv").read_text(encoding="utf-8").startswith("id,doc_id,")
    bank = tmp_path / "bank.jsonl"
    assert (
        main(
            ["export", "--db", db, "--format", "quotebank", "--min-articles", "2", "-o", str(bank)]
        )
        == 0
    )
    records = [json.loads(line) for line in bank.read_text(encoding="utf-8").splitlines()]
    wire = next(r for r in records if r["doc_ids"] == ["wire1", "wire2"])
    assert (wire["numOccurrences"], wire["speaker"], wire["urls"]) == (
        2,
        "Donald Trump",
        ["https://nyt/x"],
    )
    assert set(wire) >= {
        "quoteID",
        "quotation",
        "speaker",
        "date",
        "numOccurrences",
        "probas",
        "urls",
    }


def test_every_tracker_command_is_registered() -> None:
    """The five tracker commands are part of `quotetrack --help`."""
    run = subprocess.run(
        [sys.executable, "-m", "quotetrack", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "200"},
    )
    for name in ("track", "speakers", "quotes", "timeline", "export"):
        assert name in run.stdout


def test_speakers_corrections_from_the_command_line(
    store: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """merge, --corrections, undo and --people work on a store and are kept in it."""
    db = str(store[0])
    capsys.readouterr()
    assert main(["speakers", "--db", db, "merge", "Donald Trump", "Ted Cruz"]) == 0
    assert "merged: Donald Trump" in capsys.readouterr().out
    assert main(["speakers", "--db", db, "--corrections"]) == 0
    listed = capsys.readouterr().out
    assert "merge  person:donald trump  person:ted cruz" in listed
    correction = listed.split()[0]
    with Tracker.existing(db) as tracker:
        assert tracker.speaker("Ted Cruz") == tracker.speaker("Donald Trump")
    assert main(["speakers", "--db", db, "undo", correction]) == 0
    assert capsys.readouterr().out == f"undone: correction {correction}\n"
    with Tracker.existing(db) as tracker:
        assert tracker.speaker("Ted Cruz") != tracker.speaker("Donald Trump")
    people = ROOT / "docs" / "examples" / "people.csv"
    assert main(["speakers", "--db", db, "--people", str(people), "--format", "jsonl"]) == 0
    ids = {r["name"]: r["person_id"] for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert ids["Hillary Clinton"] == "Q6294" and ids["Bernie Sanders"] is None
    assert main(["speakers", "--db", db, "split", "Nobody Here"]) == 2
    assert "no article gives the name" in capsys.readouterr().err


def _tracked(tmp_path: Path, lines: list[dict[str, str]]) -> str:
    """A store made by ``quotetrack track`` from ``lines`` as a JSON Lines feed."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    db = str(tmp_path / "lee.db")
    assert main(["track", "--db", db, "--no-progress", str(feed)]) == 0
    return db


def test_a_surname_shared_by_two_people_names_them_in_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bare "Lee" used in articles about Ann Lee and about Bo Lee is linked to neither
    alone; asking for it says whom it could mean, most quoted first, instead of a bare
    "no speaker matches" that reads as if no Lee were stored."""
    lines = [
        {"id": "a", "text": "“We will build it,” Ann Lee said. “Soon,” Lee said."},
        {"id": "b", "text": "“We will stop it,” Bo Lee said. “Never,” Lee said."},
        {"id": "c", "text": "“It is done,” Ann Lee said."},
    ]
    db = _tracked(tmp_path, lines)
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        main(["quotes", "--db", db, "--speaker", "Lee"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "no speaker is named 'Lee' alone" in err
    assert err.index("Ann Lee") < err.index("Bo Lee")


def test_mentions_of_a_shared_surname_say_whom_it_could_mean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``mentions --target Lee`` finds no pair (targets are named by full name where the
    article gives it), so a note says which speakers the name is part of; the command
    still succeeds, since a name no speaker has is a valid target (an organisation)."""
    lines = [
        {"id": "a", "text": "“We will build it,” Ann Lee said."},
        {"id": "b", "text": "“We will stop it,” Bo Lee said."},
        {"id": "c", "text": "“Ann Lee and Bo Lee are both wrong,” Mark Cole said."},
    ]
    db = _tracked(tmp_path, lines)
    capsys.readouterr()
    assert main(["mentions", "--db", db, "--target", "Ann Lee"]) == 0
    out, err = capsys.readouterr()
    assert "Mark Cole" in out and not err
    assert main(["mentions", "--db", db, "--target", "Lee"]) == 0
    out, err = capsys.readouterr()
    assert "Mark Cole" not in out
    assert "no speaker is named 'Lee' alone" in err and "Ann Lee" in err and "Bo Lee" in err
    assert main(["mentions", "--db", db, "--target", "FBI"]) == 0
    assert not capsys.readouterr().err  # a name in no speaker's: no note
