"""The whole job: parse a text, then score its quotes, written once.

:func:`analyze` is the one-call form; :class:`Analyzer` is the same work as an object
that carries its configured :class:`~quotetrack.parser.QuoteParser` and
:class:`~quotetrack.sentiment.SentimentScorer` wherever work is done (worker processes,
Dask partitions, Spark batches, the tracker). Both pickle, so an analyzer reaches a
worker process whole.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import attrs

from quotetrack.errors import ConfigurationError, InputTypeError
from quotetrack.models import Quote
from quotetrack.parser import QuoteParser, collection_paused, parse
from quotetrack.sentiment import SentimentScorer, score

__all__ = ["Analyzer", "analyze", "parser_from_options"]


def _parser(value: object) -> QuoteParser:
    if not isinstance(value, QuoteParser):
        msg = f"parser must be a QuoteParser, not {type(value).__name__}"
        raise InputTypeError(msg)
    return value


def _scorer(value: object) -> SentimentScorer | None:
    if value is not None and not isinstance(value, SentimentScorer):
        msg = f"scorer must be a SentimentScorer or None, not {type(value).__name__}"
        raise InputTypeError(msg)
    return value


@attrs.frozen(slots=True)
class Analyzer:
    """Parse with ``parser``, then score with ``scorer`` (``None``: parse only).

    >>> Analyzer(QuoteParser(), None)('“We will win,” Smith said.')[0].sentiment is None
    True
    """

    parser: QuoteParser = attrs.field(factory=QuoteParser, converter=_parser)
    scorer: SentimentScorer | None = attrs.field(factory=SentimentScorer, converter=_scorer)

    def __call__(self, text: str) -> tuple[Quote, ...]:
        """Every quote in ``text``, attributed (and scored), in document order."""
        with collection_paused():  # scoring makes no reference cycles either
            quotes = self.parser.parse(text)
            if self.scorer is None:
                return quotes
            scorer = self.scorer
            return tuple(scorer.score(q) for q in quotes)


def analyze(
    text: str, *, parser: QuoteParser | None = None, scorer: SentimentScorer | None = None
) -> tuple[Quote, ...]:
    """Every quote in ``text``, attributed and scored for sentiment, in document order.

    ``parser`` and ``scorer`` are a configured :class:`~quotetrack.parser.QuoteParser`
    and :class:`~quotetrack.sentiment.SentimentScorer`; by default, the shared default
    ones.
    """
    with collection_paused():  # scoring makes no reference cycles either
        quotes = parse(text) if parser is None else _parser(parser).parse(text)
        if scorer is None:
            return score(quotes)
        scorer = _scorer(scorer)
        assert scorer is not None
        return tuple(scorer.score(q) for q in quotes)


def parser_from_options(
    parser: QuoteParser | None,
    cue_verbs: Iterable[str] | str | None,
    keep_unattributed: bool | None,
    reported: bool | None,
    where: str,
) -> QuoteParser:
    """The parser a function was given: ``parser``, or (deprecated) one built from the
    copies of its options that ``where`` used to take; the default parser when neither.

    Raises :class:`~quotetrack.errors.ConfigurationError` for a bad option or for both
    forms at once.
    """
    old = {
        name: value
        for name, value in (
            ("cue_verbs", cue_verbs),
            ("keep_unattributed", keep_unattributed),
            ("reported", reported),
        )
        if value is not None
    }
    if not old:
        return QuoteParser() if parser is None else _parser(parser)
    if parser is not None:
        msg = f"{where}: pass the options in parser=QuoteParser(...), not also {sorted(old)}"
        raise ConfigurationError(msg)
    names = ", ".join(f"{name}=..." for name in old)
    warnings.warn(
        f"{where}({names}) is deprecated; pass parser=QuoteParser({names}) instead",
        DeprecationWarning,
        stacklevel=3,
    )
    return QuoteParser(
        cue_verbs=() if cue_verbs is None else cue_verbs,
        keep_unattributed=True if keep_unattributed is None else keep_unattributed,
        reported=True if reported is None else reported,
    )
