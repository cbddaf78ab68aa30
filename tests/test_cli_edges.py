"""The command line at its edges (issue 14, defects 6-8 and the CLI items of "Also"):
one-line errors with status 2 instead of tracebacks, ``-`` for standard output,
standard input read as strictly as a file, output that survives a C locale, and table
cells that cannot drive the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotetrack.cli import main
from quotetrack.tracker import Tracker

ROOT = Path(__file__).resolve().parents[1]
LINE = "“We will win this state,” Smith said."


def quotetrack(
    *args: str, stdin: bytes = b"", cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the command as a user does, in a fresh interpreter importing this tree."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "quotetrack", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=environ,
        timeout=120,
    )


def assert_one_line_error(run: subprocess.CompletedProcess[bytes], *needles: str) -> None:
    """Status 2 and exactly one line on stderr, no traceback."""
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 2, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("quotetrack: error: "), err
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with one article."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.txt").write_text(LINE, encoding="utf-8")
    db = folder / "q.db"
    assert main(["track", "--db", str(db), "--no-progress", str(folder / "a.txt")]) == 0
    return db


# --- defect 6: one-line errors -------------------------------------------------------


def test_missing_and_binary_metadata_are_one_line_errors(store: Path, tmp_path: Path) -> None:
    """--metadata naming a missing or a binary file: a message, status 2, no traceback."""
    missing = str(tmp_path / "missing.tsv")
    run = quotetrack("track", "--db", str(store), str(store.parent), "--metadata", missing)
    assert_one_line_error(run, "missing.tsv")
    binary = tmp_path / "binary.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    run = quotetrack("track", "--db", str(store), str(store.parent), "--metadata", str(binary))
    assert_one_line_error(run, "binary.bin", "UTF-8")


@pytest.mark.parametrize("target", ["/nonexistent/x", "."])
def test_export_to_an_unwritable_path_is_a_one_line_error(
    store: Path, tmp_path: Path, target: str
) -> None:
    """export -o into a missing folder or onto a folder says so."""
    assert_one_line_error(quotetrack("export", "--db", str(store), "-o", target, cwd=tmp_path))


def test_a_huge_speaker_id_is_no_match(store: Path) -> None:
    """A speaker id beyond SQLite's integers matches nobody: a message, not OverflowError."""
    run = quotetrack("quotes", "--db", str(store), "--speaker", "9" * 23)
    assert_one_line_error(run, "no speaker matches")


def test_an_unknown_speaker_and_an_html_input_exit_2(store: Path, tmp_path: Path) -> None:
    """Errors the commands raise themselves use status 2 too, as docs/cli.md says."""
    assert_one_line_error(quotetrack("timeline", "--db", str(store), "Nobody"), "Nobody")
    page = tmp_path / "page.html"
    page.write_text(LINE, encoding="utf-8")
    assert_one_line_error(quotetrack("view", str(page)), "page.html")


def test_a_mistyped_corpus_folder_is_an_error(store: Path, tmp_path: Path) -> None:
    """A PATH that does not exist is a usage error, not a skipped article and status 0."""
    before = store.read_bytes()
    run = quotetrack("track", "--db", str(store), str(tmp_path / "corpuss"))
    assert_one_line_error(run, "corpuss")
    assert store.read_bytes() == before


# --- defect 7: export -o - -----------------------------------------------------------


def test_export_dash_writes_to_stdout(store: Path, tmp_path: Path) -> None:
    """`export -o -` is standard output, as for view and report; no file named '-'."""
    run = quotetrack("export", "--db", str(store), "-o", "-", cwd=tmp_path)
    assert run.returncode == 0
    (record,) = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]
    assert record["quote"]["text"] == "We will win this state,"
    assert not (tmp_path / "-").exists()


# --- defect 8: standard input and the C locale ---------------------------------------


@pytest.mark.parametrize("command", ["parse", "view"])
def test_non_utf8_stdin_is_refused_like_a_file(command: str) -> None:
    """Latin-1 bytes on standard input get the message a Latin-1 file gets."""
    run = quotetrack(command, "-", stdin="“Olé,” said José.".encode("latin-1", "replace"))
    assert_one_line_error(run, "standard input", "not UTF-8")


def test_stdin_keeps_crlf_like_a_file(tmp_path: Path) -> None:
    """Standard input is read byte-faithfully: offsets point into the bytes given."""
    data = f"Intro.\r\n\r\n{LINE}\r\n".encode()
    run = quotetrack("parse", "--format", "jsonl", "--no-sentiment", "-", stdin=data)
    (row,) = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]
    text = data.decode("utf-8")
    assert all(text[s["start"] : s["end"]] == s["text"] for s in row["spans"])


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_output_survives_a_narrow_locale(tmp_path: Path, encoding: str) -> None:
    """With an ASCII or Latin-1 stdout, pages and tables are written, never a crash."""
    env = {"LC_ALL": "C", "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    text = "“Ça ira — 好,” said José Martínez."
    run = quotetrack("view", "-", "-o", "-", stdin=text.encode(), env=env)
    assert run.returncode == 0, run.stderr
    assert "好" in run.stdout.decode("utf-8")  # the page is UTF-8, as it declares
    run = quotetrack("parse", "-", stdin=text.encode(), env=env)
    assert run.returncode == 0 and b"Jos" in run.stdout, run.stderr


NARROW = {"LC_ALL": "C", "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
JOSE = "“We will win this race, and we will win it together,” José Martínez said."


@pytest.fixture(scope="module")
def jose_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with one dated quote by José Martínez."""
    folder = tmp_path_factory.mktemp("jose")
    feed = folder / "feed.jsonl"
    feed.write_text(json.dumps({"id": "e", "text": JOSE, "date": "2024-03-04"}), encoding="utf-8")
    db = folder / "e.db"
    assert main(["track", "--db", str(db), "--no-progress", str(feed)]) == 0
    return db


def _machine_rows(fmt: str, out: bytes) -> list[dict[str, object]]:
    """Parse ``out`` as UTF-8 ``fmt`` (strictly: a backslash escape is no JSON)."""
    import csv
    import io

    text = out.decode("utf-8")  # strict: machine formats are UTF-8 whatever the locale
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    if fmt == "json":
        doc = json.loads(text)
        return list(doc["quotes"])
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize(
    ("command", "fmt", "field"),
    [
        (["export", "-o", "-"], "jsonl", "speaker"),
        (["export", "--format", "csv", "-o", "-"], "csv", "speaker"),
        (["export", "--format", "csv"], "csv", "speaker"),
        (["export", "--format", "quotebank"], "jsonl", "speaker"),
        (["quotes", "--format", "jsonl"], "jsonl", "speaker"),
        (["quotes", "--format", "csv"], "csv", "speaker"),
        (["speakers", "--format", "jsonl"], "jsonl", "name"),
        (["speakers", "--format", "csv"], "csv", "name"),
        (["timeline", "ID", "--freq", "day", "--format", "jsonl"], "jsonl", None),
        (["timeline", "ID", "--freq", "day", "--format", "csv"], "csv", None),
    ],
)
def test_machine_formats_are_utf8_in_a_narrow_locale(
    jose_store: Path, command: list[str], fmt: str, field: str | None
) -> None:
    """JSON Lines and CSV on standard output are UTF-8 bytes in an ASCII locale (review
    item 3): every row parses and "José" comes back as written, not as ``Jos\\xe9``."""
    with Tracker.existing(jose_store) as tracker:
        (speaker,) = tracker.speakers()
    # the speaker by id: a name typed in a C locale reaches Python as surrogate escapes
    command = [str(speaker.id) if arg == "ID" else arg for arg in command]
    run = quotetrack(*command, "--db", str(jose_store), env=NARROW)
    assert run.returncode == 0, run.stderr
    assert b"\\x" not in run.stdout and b"\\u" not in run.stdout
    rows = _machine_rows(fmt, run.stdout)
    assert rows
    if field is not None:
        assert [row[field] for row in rows] == ["José Martínez"]
    else:  # a timeline point has no name; it was found by the accented one
        assert sum(int(str(row["quotes"])) for row in rows) == 1


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_parse_machine_formats_are_utf8_in_a_narrow_locale(fmt: str) -> None:
    """``parse --format json|jsonl`` round-trips "José" in an ASCII locale too."""
    run = quotetrack("parse", "--format", fmt, "-", stdin=JOSE.encode(), env=NARROW)
    assert run.returncode == 0, run.stderr
    (row,) = _machine_rows(fmt, run.stdout)
    speaker = row["speaker"]
    assert isinstance(speaker, dict) and speaker["name"] == "José Martínez"


@pytest.mark.parametrize(
    "command",
    [
        ["timeline", "José Martínez", "--format", "jsonl"],
        ["quotes", "--speaker", "José Martínez", "--format", "jsonl"],
        ["quotes", "--contains", "win", "--speaker", "josé martínez", "--format", "jsonl"],
        ["speakers", "--contains", "José", "--format", "jsonl"],
    ],
)
def test_a_name_typed_in_a_narrow_locale_finds_its_speaker(
    jose_store: Path, command: list[str]
) -> None:
    """In ``LC_ALL=C`` without UTF-8 mode the typed "José" reaches Python as surrogate
    escapes of its UTF-8 bytes; it used to crash (UnicodeEncodeError) on its way to the
    store. Text arguments are read back as the UTF-8 they are."""
    run = quotetrack(*command, "--db", str(jose_store), env=NARROW)
    assert run.returncode == 0, run.stderr
    rows = _machine_rows("jsonl", run.stdout)
    assert rows and all("Jos" in json.dumps(row) or "quotes" in row for row in rows)


def test_a_text_argument_that_is_not_utf8_is_one_line_of_error(jose_store: Path) -> None:
    """Bytes that are not UTF-8 (Latin-1 "José") are refused with usage and status 2."""
    arg = os.fsdecode(b"Jos\xe9")
    run = quotetrack("timeline", arg, "--db", str(jose_store), env=NARROW)
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 2 and "Traceback" not in err and "is not UTF-8 text" in err


def test_tables_still_escape_in_a_narrow_locale(jose_store: Path) -> None:
    """Human tables keep the escape for what the terminal cannot show (no crash)."""
    run = quotetrack("quotes", "--db", str(jose_store), env=NARROW)
    assert run.returncode == 0, run.stderr
    assert b"Jos\\xe9 Mart\\xednez" in run.stdout


# --- "Also": control characters, BOMs ------------------------------------------------


def test_table_output_strips_terminal_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Escape sequences in article text never reach the terminal from a table."""
    evil = "“We will \x1b]0;pwned\x07win \x1b[2J\x9b31mthis state\u202e,” Smith said."
    article = tmp_path / "evil.txt"
    article.write_text(evil, encoding="utf-8")
    db = tmp_path / "q.db"
    assert main(["parse", str(article)]) == 0
    assert main(["track", "--db", str(db), "--no-progress", str(article)]) == 0
    for command in (["quotes", "--db", str(db)], ["speakers", "--db", str(db)]):
        assert main(command) == 0
    out = capsys.readouterr().out
    assert "win" in out and "this" in out
    controls = [c for c in out if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0]
    assert controls == []
    assert "\u202e" not in out


def test_a_bom_does_not_hide_the_first_metadata_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A TSV or JSON Lines file saved with a BOM (Excel, Notepad) reads like one without."""
    (tmp_path / "a.txt").write_text(LINE, encoding="utf-8")
    (tmp_path / "meta.tsv").write_text(
        "filename\tpublisher\tpublication_date\na.txt\tThe Ledger\t2024-03-04\n",
        encoding="utf-8-sig",
    )
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "w1", "text": LINE, "date": "2024-03-05"}) + "\n", encoding="utf-8-sig"
    )
    db = tmp_path / "q.db"
    args = ["track", "--db", str(db), "--no-progress", "--metadata", str(tmp_path / "meta.tsv")]
    assert main([*args, str(tmp_path / "a.txt"), str(tmp_path / "feed.jsonl")]) == 0
    capsys.readouterr()
    assert main(["quotes", "--db", str(db), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    got = {(r["doc_id"], r["outlet"], r["published"]) for r in rows}
    assert got == {("a", "The Ledger", "2024-03-04"), ("w1", None, "2024-03-05")}


# --- "Also": CSV formula injection ---------------------------------------------------

FORMULA = "“=SUM(A1:A9) is what the city will pay for it,” Smith said."
CELL = "=SUM(A1:A9) is what the city will pay for it,"


def test_csv_files_are_spreadsheet_safe_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cell starting with = + - @ is written with a leading ' into a .csv file, so a
    spreadsheet shows it as text; --no-spreadsheet-safe and stdout keep it exact."""
    import csv

    article = tmp_path / "evil.txt"
    article.write_text(FORMULA, encoding="utf-8")
    db = tmp_path / "q.db"
    assert main(["track", "--db", str(db), "--no-progress", str(article)]) == 0

    def cells(path: Path) -> list[str]:
        with path.open(encoding="utf-8", newline="") as fh:
            return [row["text"] for row in csv.DictReader(fh)]

    safe = tmp_path / "safe.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(safe)]) == 0
    assert cells(safe) == ["'" + CELL]
    raw = tmp_path / "raw.csv"
    args = ["export", "--db", str(db), "--format", "csv", "--no-spreadsheet-safe"]
    assert main([*args, "-o", str(raw)]) == 0
    assert cells(raw) == [CELL]
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "csv", "-o", "-"]) == 0
    assert f'"{CELL}"' in capsys.readouterr().out


@pytest.fixture(scope="module")
def formula_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dated quote starting with "=", by a speaker whose registry id starts with "="."""
    folder = tmp_path_factory.mktemp("formula")
    feed = folder / "feed.jsonl"
    text = FORMULA.replace("Smith", "Maria Lopez")
    feed.write_text(json.dumps({"id": "f", "text": text, "date": "2024-03-04"}), "utf-8")
    people = folder / "people.csv"
    people.write_text("id,name\n=HYPERLINK(1),Maria Lopez\n", encoding="utf-8")
    db = folder / "q.db"
    assert main(["track", "--db", str(db), "--no-progress", str(feed)]) == 0
    assert main(["speakers", "--db", str(db), "--people", str(people)]) == 0
    return db


def _csv_column(out: bytes, column: str) -> list[str]:
    import csv
    import io

    return [row[column] for row in csv.DictReader(io.StringIO(out.decode(), newline=""))]


@pytest.mark.parametrize(
    ("command", "column", "exact"),
    [
        (["quotes"], "text", CELL),
        (["export"], "text", CELL),
        (["speakers"], "person_id", "=HYPERLINK(1)"),
    ],
)
def test_every_csv_writer_has_the_spreadsheet_safe_mode(
    formula_store: Path, command: list[str], column: str, exact: str
) -> None:
    """quotes, speakers and export --format csv take --spreadsheet-safe (review item 8);
    on standard output the cells are exact by default, and a note on standard error says
    that a spreadsheet would run one of them."""
    args = [*command, "--db", str(formula_store), "--format", "csv"]
    safe = quotetrack(*args, "--spreadsheet-safe")
    assert safe.returncode == 0, safe.stderr
    assert _csv_column(safe.stdout, column) == ["'" + exact]
    assert b"formula" not in safe.stderr
    exact_run = quotetrack(*args)
    assert exact_run.returncode == 0, exact_run.stderr
    assert _csv_column(exact_run.stdout, column) == [exact]
    assert b"--spreadsheet-safe" in exact_run.stderr  # the note
    chosen = quotetrack(*args, "--no-spreadsheet-safe")
    assert _csv_column(chosen.stdout, column) == [exact]
    assert b"formula" not in chosen.stderr


def test_timeline_csv_takes_the_option_and_has_no_text_to_guard(formula_store: Path) -> None:
    """A timeline's cells are periods, dates and numbers: safe or not, the same rows."""
    with Tracker.existing(formula_store) as tracker:
        (speaker,) = tracker.speakers()
    args = ["timeline", str(speaker.id), "--db", str(formula_store), "--format", "csv"]
    safe, plain_run = quotetrack(*args, "--spreadsheet-safe"), quotetrack(*args)
    assert safe.returncode == plain_run.returncode == 0, safe.stderr
    assert safe.stdout == plain_run.stdout and _csv_column(safe.stdout, "period")


HUGE = str(10**23)


@pytest.mark.parametrize(
    "command",
    [
        ["quotes", "--limit", HUGE],
        ["speakers", "--limit", HUGE],
        ["speakers", "--min-quotes", HUGE],
        ["mentions", "--min-quotes", HUGE],
        ["report", "-o", "-", "--top", HUGE],
    ],
)
def test_a_count_beyond_sqlite_integers_is_read_as_the_largest(
    jose_store: Path, command: list[str]
) -> None:
    """A limit or count larger than SQLite's integers used to end in OverflowError and a
    traceback (status 1); it reads as the largest, which no store can reach."""
    run = quotetrack(*command, "--db", str(jose_store))
    assert run.returncode == 0, run.stderr
    assert b"Traceback" not in run.stderr


def test_the_api_reads_a_huge_limit_as_no_limit(jose_store: Path) -> None:
    """``quotes(limit=10**30)`` is every quote; ``speakers(min_quotes=10**30)`` no one."""
    with Tracker.existing(jose_store) as tracker:
        assert len(tracker.quotes(limit=10**30)) == len(tracker.quotes()) == 1
        assert tracker.speakers(min_quotes=10**30) == []
        assert len(tracker.speakers(limit=10**30)) == 1
