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
from quotetrack.export import to_dict, to_jsonl
from quotetrack.models import Document, Quote, QuoteKind, Sentiment, Span, Speaker, SpeakerKind
from quotetrack.parallel import analyze_many, parse_many
from quotetrack.parser import QuoteParser, parse
from quotetrack.pipeline import analyze
from quotetrack.report import render_report
from quotetrack.sentiment import SentimentScorer, score
from quotetrack.view import render_html

__version__ = "0.1.0"

__all__ = [
    "Document",
    "Quote",
    "QuoteKind",
    "QuoteParser",
    "Sentiment",
    "SentimentScorer",
    "Span",
    "Speaker",
    "SpeakerKind",
    "__version__",
    "analyze",
    "analyze_many",
    "errors",
    "parse",
    "parse_many",
    "render_html",
    "render_report",
    "score",
    "to_dict",
    "to_jsonl",
]
