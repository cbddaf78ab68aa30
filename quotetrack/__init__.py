"""quotetrack: find who said what in news text, and how they said it.

The common case is one call::

    >>> import quotetrack
    >>> quotes = quotetrack.analyze('“We will win,” Smith said.')
    >>> quotes[0].speaker.name, quotes[0].text
    ('Smith', 'We will win,')

Each stage stays public for those who want to stop early: :class:`QuoteParser` (text to
attributed quotes) and :class:`SentimentScorer` (quotes to scored quotes).
"""

from __future__ import annotations

from quotetrack import errors
from quotetrack._version import __version__
from quotetrack.export import (
    quotebank_record,
    to_csv,
    to_dict,
    to_jsonl,
    to_pandas,
    to_quotebank,
    to_records,
    tracked_to_dict,
)
from quotetrack.models import (
    AddResult,
    AmbiguousName,
    Document,
    IngestSummary,
    Quote,
    QuoteCluster,
    QuoteKind,
    Sentiment,
    Span,
    Speaker,
    SpeakerCorrection,
    SpeakerKind,
    StoreStats,
    TimelinePoint,
    TrackedMention,
    TrackedQuote,
    TrackedSpeaker,
)
from quotetrack.parallel import analyze_many, parse_many
from quotetrack.parser import QuoteParser, parse
from quotetrack.people import KnownPerson, load_people
from quotetrack.pipeline import analyze
from quotetrack.report import render_report
from quotetrack.sentiment import SentimentScorer, score
from quotetrack.tracker import Tracker
from quotetrack.view import render_html

__all__ = [
    "AddResult",
    "AmbiguousName",
    "Document",
    "IngestSummary",
    "KnownPerson",
    "Quote",
    "QuoteCluster",
    "QuoteKind",
    "QuoteParser",
    "Sentiment",
    "SentimentScorer",
    "Span",
    "Speaker",
    "SpeakerCorrection",
    "SpeakerKind",
    "StoreStats",
    "TimelinePoint",
    "TrackedMention",
    "TrackedQuote",
    "TrackedSpeaker",
    "Tracker",
    "__version__",
    "analyze",
    "analyze_many",
    "errors",
    "load_people",
    "parse",
    "parse_many",
    "quotebank_record",
    "render_html",
    "render_report",
    "score",
    "to_csv",
    "to_dict",
    "to_jsonl",
    "to_pandas",
    "to_quotebank",
    "to_records",
    "tracked_to_dict",
]
