"""What the commands print and write: table cells and HTML pages."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["clip", "write_page"]


def clip(text: str, width: int) -> str:
    """``text`` on one line (whitespace runs as one space), cut to ``width`` with "…"."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def write_page(page: str, target: Path | None, note: str = "") -> int:
    """Write an HTML page to ``target`` (standard output when None) and say where on
    standard error; a file that cannot be written ends the command with a message."""
    if target is None:
        sys.stdout.write(page)
        return 0
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise SystemExit(f"quotetrack: error: cannot write {target}: {exc.strerror}") from None
    print(f"wrote {target}{note}", file=sys.stderr)
    return 0
