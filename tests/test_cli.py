"""The parse command prints tables, JSON and JSON Lines over the public API."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotetrack.cli import main

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f3ec5699876e8cf6.txt"


def test_table_lists_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    """The default table shows one row per quote with the speaker's name."""
    assert main(["parse", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.count("Chrissy Teigen") == 8  # five direct quotes and three reported


def test_json_carries_offsets(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json gives every span with offsets into the file's text."""
    assert main(["parse", "--format", "json", str(SEED)]) == 0
    doc = json.loads(capsys.readouterr().out)
    text = SEED.read_text(encoding="utf-8")
    for quote in doc["quotes"]:
        for span in quote["spans"]:
            assert text[span["start"] : span["end"]] == span["text"]
        assert quote["sentiment"]["label"] in ("positive", "negative", "neutral")


def test_jsonl_from_stdin_without_sentiment() -> None:
    """`parse -` reads standard input; --no-sentiment leaves sentiment empty."""
    run = subprocess.run(
        [sys.executable, "-m", "quotetrack", "parse", "--format", "jsonl", "--no-sentiment", "-"],
        input="“We will win,” Smith said.",
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [(r["speaker"]["name"], r["sentiment"]) for r in rows] == [("Smith", None)]


def test_missing_file_is_a_clear_error() -> None:
    """A missing file exits non-zero with a one-line message naming it."""
    run = subprocess.run(
        [sys.executable, "-m", "quotetrack", "parse", "no/such/file.txt"],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0 and "no such file: no/such/file.txt" in run.stderr


def test_offsets_point_into_a_crlf_file(tmp_path: Path) -> None:
    """On a file with Windows line ends, printed offsets slice the file as it is on disk."""
    path = tmp_path / "crlf.txt"
    path.write_bytes("“We will win,” Smith said.\r\n\r\n“We will lose,” Jones said.\r\n".encode())
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotetrack",
            "parse",
            "--format",
            "jsonl",
            "--no-sentiment",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    raw = path.read_bytes().decode("utf-8")
    spans = [s for line in run.stdout.splitlines() for s in json.loads(line)["spans"]]
    assert [raw[s["start"] : s["end"]] for s in spans] == ["We will win,", "We will lose,"]
