"""Reading article files and paths for the commands, byte-faithfully."""

from __future__ import annotations

import sys
from pathlib import Path

from quotetrack.cli.output import fail

__all__ = ["check_paths", "read_article"]


def read_article(name: str) -> str:
    """The text of file ``name`` (``-`` is standard input), with its line endings kept as
    they are ("\\r\\n" too), so every offset printed points into the file itself. A missing,
    unreadable or non-UTF-8 file (or standard input) ends the command with status 2 and a
    one-line message."""
    if name == "-":
        if sys.stdin is None:  # closed by the caller (`<&-`)
            raise fail("standard input is closed; give a file instead of -")
        binary = getattr(sys.stdin, "buffer", None)
        if binary is None:  # replaced by a text stream (a test, an embedding program)
            return sys.stdin.read()
        data: bytes = binary.read()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise fail("standard input is not UTF-8 text") from None
    try:
        with Path(name).open(encoding="utf-8", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        raise fail(f"no such file: {name}") from None
    except IsADirectoryError:
        raise fail(f"{name} is a directory, not a text file") from None
    except UnicodeDecodeError:
        raise fail(f"{name} is not UTF-8 text") from None
    except OSError as exc:
        raise fail(f"cannot read {name}: {exc.strerror or exc}") from None


def check_paths(paths: list[str]) -> None:
    """End the command with a message when a named file or folder does not exist (a
    mistyped corpus folder), before anything is opened or written."""
    for name in paths:
        try:
            Path(name).stat()
        except (FileNotFoundError, NotADirectoryError):
            raise fail(f"no such file or folder: {name}") from None
        except OSError as exc:  # a name too long for the system, a loop of links
            raise fail(f"cannot read {name}: {exc.strerror or exc}") from None
