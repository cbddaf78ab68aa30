"""Reading the package's data files (``quotetrack/data``): their lines, comments left out."""

from __future__ import annotations

from importlib import resources

__all__ = ["data_rows"]


def data_rows(name: str) -> list[list[str]]:
    """The rows of the data file ``name``, split at TABs; blank lines and ``#`` comment
    lines (each file's header) are left out."""
    text = resources.files("quotetrack").joinpath("data", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
