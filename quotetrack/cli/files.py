"""Reading article files for the commands, byte-faithfully."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["read_article"]


def _fail(message: str) -> SystemExit:
    print(f"quotetrack: error: {message}", file=sys.stderr)
    return SystemExit(2)


def read_article(name: str) -> str:
    """The text of file ``name`` (``-`` is standard input), with its line endings kept as
    they are ("\\r\\n" too), so every offset printed points into the file itself. A missing,
    unreadable or non-UTF-8 file ends the command with status 2 and a one-line message."""
    if name == "-":
        return sys.stdin.read()
    try:
        with Path(name).open(encoding="utf-8", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        raise _fail(f"no such file: {name}") from None
    except IsADirectoryError:
        raise _fail(f"{name} is a directory, not a text file") from None
    except UnicodeDecodeError:
        raise _fail(f"{name} is not UTF-8 text") from None
    except OSError as exc:
        raise _fail(f"cannot read {name}: {exc.strerror or exc}") from None
