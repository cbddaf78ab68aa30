"""What the commands print and write: table cells, HTML pages, output files, and the
one-line error that ends a command with status 2."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["clip", "fail", "open_output", "plain", "write_page"]

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
def open_output(target: str | None) -> Iterator[IO[str]]:
    """A text stream for ``-o``: standard output for None or ``-``, else the file (UTF-8,
    newlines as written); a file that cannot be opened ends the command with a message."""
    if target is None or target == "-":
        yield sys.stdout
        return
    try:
        out = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise fail(f"cannot write {target}: {exc.strerror or exc}") from None
    with out:
        yield out


def write_page(page: str, target: Path | None, note: str = "") -> int:
    """Write an HTML page to ``target`` (standard output when None) and say where on
    standard error; a file that cannot be written ends the command with a message. The
    page is UTF-8 (its ``<meta charset>`` says so) whatever the locale's encoding."""
    if target is None:
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None:  # replaced by a text stream (a test, an embedding program)
            sys.stdout.write(page)
            return 0
        sys.stdout.flush()
        binary.write(page.encode("utf-8"))
        binary.flush()
        return 0
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise fail(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"wrote {target}{note}", file=sys.stderr)
    return 0
