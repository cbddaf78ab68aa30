"""What the commands print and write: table cells, HTML pages, output files, and the
one-line error that ends a command with status 2."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from quotetrack.export import formula_cells, to_csv, to_records
from quotetrack.records import Exportable

__all__ = [
    "add_spreadsheet_safe",
    "clip",
    "fail",
    "not_the_input",
    "open_output",
    "plain",
    "utf8_stdout",
    "write_csv",
    "write_page",
    "write_records",
]

# C0 and C1 controls and DEL (ESC starts terminal escape sequences, BEL ends OSC ones),
# and the bidirectional embeddings, overrides and isolates that reorder what is shown.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def fail(message: str) -> SystemExit:
    """Print ``quotetrack: error: message`` on stderr; the exception to raise ends the
    command with status 2 (a usage or input error, as docs/cli.md lists)."""
    print(f"quotetrack: error: {plain(message)}", file=sys.stderr)
    return SystemExit(2)


def plain(text: str) -> str:
    """``text`` on one line (whitespace runs as one space) with every control character
    removed, so article text printed to a terminal cannot move the cursor, retitle the
    window or reorder the line."""
    return " ".join(_CONTROLS.sub("", " ".join(text.split())).split())


def clip(text: str, width: int) -> str:
    """:func:`plain` ``text``, cut to ``width`` with "…"."""
    text = plain(text)
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


@contextlib.contextmanager
def utf8_stdout() -> Iterator[IO[str]]:
    """Standard output as UTF-8 text, whatever the locale's encoding, for what programs
    read (JSON, JSON Lines, CSV, HTML pages): in a narrow locale ``sys.stdout`` escapes
    what it cannot encode (``Jos\\xe9``, see :func:`quotetrack.cli.main`), which is right
    for a table but corrupts a machine format. Newlines are written as given."""
    stdout = sys.stdout
    if stdout is None:  # closed by the caller (`>&-`)
        raise fail("standard output is closed; give a file with -o or redirect it")
    encoding = (getattr(stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding == "utf8":
        yield stdout
        return
    try:
        fd = stdout.fileno()
    except (AttributeError, OSError, ValueError):  # a stream without a file (an embedding)
        yield stdout
        return
    stdout.flush()
    with open(fd, "w", encoding="utf-8", newline="", closefd=False) as out:
        yield out


@contextlib.contextmanager
def open_output(target: str | None) -> Iterator[IO[str]]:
    """A text stream for ``-o``: standard output for None or ``-`` (as
    :func:`utf8_stdout`), else the file (UTF-8, newlines as written); a file that cannot
    be opened ends the command with a message."""
    if target is None or target == "-":
        with utf8_stdout() as out:
            yield out
        return
    try:
        out = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise fail(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with out:
            yield out
    except OSError as exc:  # a full disk, a quota, a device gone, while writing or closing
        raise fail(f"cannot write {target}: {exc.strerror or exc}") from None


def not_the_input(target: str | None, source: str, what: str = "the store --db") -> None:
    """End the command when ``-o`` names the file it reads (the store ``--db``, or the
    article, however spelled: ``q.db``, ``./q.db``, a link): writing there would replace
    it with the output."""
    if target is None or target == "-":
        return
    with contextlib.suppress(OSError):  # either missing: not the same file
        if os.path.samefile(target, source):
            raise fail(f"-o {target} is {what} {source}; writing there would destroy it")


def add_spreadsheet_safe(parser: argparse.ArgumentParser, *, has_output: bool) -> None:
    """The ``--spreadsheet-safe`` option of every command writing ``--format csv``."""
    default = (
        "on when -o names a .csv file, off for standard output"
        if has_output
        else "off: standard output keeps every cell exact"
    )
    parser.add_argument(
        "--spreadsheet-safe",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=f"csv: put ' before cells starting with = + - @ so spreadsheets show them as "
        f"text (default: {default})",
    )


def write_csv(
    items: Sequence[Exportable], out: IO[str], args: argparse.Namespace, target: str | None
) -> int:
    """``items`` as :func:`~quotetrack.export.to_csv` rows on ``out``, spreadsheet-safe
    as ``--spreadsheet-safe`` says, else when ``target`` (``-o``) names a ``.csv`` file.
    Standard output keeps every cell exact unless asked, whatever it is redirected to, so
    the bytes depend on the arguments alone; a note on standard error then says when a
    spreadsheet would run a cell as a formula."""
    safe: bool | None = args.spreadsheet_safe
    to_stdout = target in (None, "-")
    if safe is None and not to_stdout:
        safe = str(target).lower().endswith(".csv")
    if safe is None and (n := formula_cells(items)):
        how = "--spreadsheet-safe" + (" or -o FILE.csv" if "output" in args else "")
        print(
            f"quotetrack: note: {n} cell(s) start with = + - @ and would run as formulas in a "
            f"spreadsheet; {how} guards them (--no-spreadsheet-safe: no note)",
            file=sys.stderr,
        )
    return to_csv(items, out, safe=bool(safe))


def write_records(items: Sequence[Exportable], args: argparse.Namespace) -> int:
    """Flat :func:`~quotetrack.export.to_records` rows on standard output (UTF-8, as
    :func:`utf8_stdout`) in ``args.format``: ``csv`` (:func:`write_csv`) or ``jsonl``,
    one object a line. Returns the number of rows."""
    with utf8_stdout() as out:
        if args.format == "csv":
            return write_csv(items, out, args, None)
        n = 0
        for record in to_records(items):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
        return n


def write_page(page: str, target: Path | None, note: str = "") -> int:
    """Write an HTML page to ``target`` (standard output when None) and say where on
    standard error; a file that cannot be written ends the command with a message. The
    page is UTF-8 (its ``<meta charset>`` says so) whatever the locale's encoding."""
    if target is None:
        with utf8_stdout() as out:
            out.write(page)
        return 0
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise fail(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"wrote {target}{note}", file=sys.stderr)
    return 0
