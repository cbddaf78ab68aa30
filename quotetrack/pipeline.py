"""The whole job in one call: parse a text, then score its quotes."""

from __future__ import annotations

from quotetrack.models import Quote
from quotetrack.parser import parse
from quotetrack.sentiment import score

__all__ = ["analyze"]


def analyze(text: str) -> tuple[Quote, ...]:
    """Every quote in ``text``, attributed and scored for sentiment, in document order."""
    return score(parse(text))
