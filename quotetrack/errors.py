"""The exceptions quotetrack raises.

Every error is a :class:`QuotetrackError` and also subclasses the built-in it means, so
a caller's ``except TypeError`` or ``except ValueError`` keeps working::

    QuotetrackError
    ├── InputTypeError (TypeError)        text is not a str (bytes, None, a number, ...)
    ├── InvalidSpanError (ValueError)     offsets that do not fit the document
    ├── InvalidDateError (ValueError)     a publication date that cannot be read
    ├── InvalidTextError (ValueError)     text that cannot be stored (a lone surrogate)
    ├── ConfigurationError (ValueError)   a QuoteParser or scorer option that makes no sense
    └── TrackerError                      the SQLite store refused an operation
        ├── DocumentConflictError (ValueError)  same doc_id, different text, no replace=True
        └── SchemaVersionError (RuntimeError)   the store was written by a newer quotetrack

Messy text never raises: an unpaired quotation mark or an unattributable quote comes
back as data (``speaker=None``).
"""

from __future__ import annotations

__all__ = [
    "ConfigurationError",
    "DocumentConflictError",
    "InputTypeError",
    "InvalidDateError",
    "InvalidSpanError",
    "InvalidTextError",
    "QuotetrackError",
    "RegistryError",
    "SchemaVersionError",
    "TrackerError",
    "check_text",
    "check_utf8",
]


class QuotetrackError(Exception):
    """Base class of every error quotetrack raises on purpose."""


class InputTypeError(QuotetrackError, TypeError):
    """The text given is not a ``str``."""


class InvalidSpanError(QuotetrackError, ValueError):
    """Offsets that do not describe a stretch of the document."""


class InvalidDateError(QuotetrackError, ValueError):
    """A publication date that is neither a date, a datetime nor an ISO string."""


class InvalidTextError(QuotetrackError, ValueError):
    """Text that cannot be stored as UTF-8, such as a lone surrogate left by bad decoding."""


class ConfigurationError(QuotetrackError, ValueError):
    """An option that makes no sense (an empty cue verb, workers=0, ...)."""


class TrackerError(QuotetrackError):
    """The tracker's store refused an operation."""


class DocumentConflictError(TrackerError, ValueError):
    """A ``doc_id`` already stored with a different text, and ``replace=True`` not given."""


class SchemaVersionError(TrackerError, RuntimeError):
    """The store was written by a newer quotetrack than the one reading it."""


class RegistryError(QuotetrackError, ValueError):
    """A people registry (CSV or JSONL of known people) that cannot be read: a missing
    ``id`` or ``name``, a duplicate ``id``, a value of the wrong type, an unknown format."""


def check_text(text: object, *, what: str = "text") -> str:
    """Return ``text`` if it is a ``str``; otherwise raise :class:`InputTypeError` saying
    what to do about it."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        msg = (
            f"{what} must be str, not {type(text).__name__}: decode it first, "
            "e.g. data.decode('utf-8')"
        )
    elif text is None:
        msg = f"{what} must be str, not None"
    else:
        msg = f"{what} must be str, not {type(text).__name__}; convert it with str() if you mean it"
    raise InputTypeError(msg)


def check_utf8(text: str, *, what: str = "text") -> str:
    """Return ``text`` if it can be encoded as UTF-8 (to be stored or written); otherwise
    raise :class:`InvalidTextError` naming the offending character and its offset."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        msg = (
            f"{what} holds a character UTF-8 cannot store ({text[exc.start]!r} at offset "
            f"{exc.start}, a lone surrogate from bad decoding); decode the source with "
            "errors='replace' or clean it first"
        )
        raise InvalidTextError(msg) from None
    return text
