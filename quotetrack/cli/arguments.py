"""Argument types shared by the commands: text arguments read right in any locale."""

from __future__ import annotations

import argparse
import os

__all__ = ["text"]


def text(value: str) -> str:
    """A text argument (a speaker's name, an outlet, a title), as the user typed it.

    Under a locale that is not UTF-8 (``LC_ALL=C`` with ``PYTHONUTF8=0``) Python hands
    non-ASCII arguments over as surrogate escapes of their bytes ("Jos\\udcc3\\udca9"),
    which no name matches and which cannot be encoded again. Such an argument is read back
    as the UTF-8 its bytes are; one that is not UTF-8 ends the command (status 2). File
    names are not passed through this: they must keep the escapes to be opened.
    """
    if not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    try:
        return os.fsencode(value).decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        msg = f"{value.encode('utf-8', 'backslashreplace').decode('ascii')!s} is not UTF-8 text"
        raise argparse.ArgumentTypeError(msg) from None
