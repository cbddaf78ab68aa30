"""Sentiment of quotes: VADER hardened for news, and a news-calibrated model on top of it.

Two models, named by :attr:`SentimentScorer.model` and recorded in every
:class:`~quotetrack.models.Sentiment` they produce:

- ``"news"`` (the default): VADER's lexicon and rules read the way news is written
  (a news lexicon, names and titles carrying no sentiment, negation to the end of the
  clause) and calibrated on human-labelled news quotes and editorial snippets; see
  :mod:`quotetrack.sentiment.news`. ``compound`` is P(positive) − P(negative) and the
  three proportions are the three probabilities.
- ``"vader"``: VADER itself, read right on news typography and made linear on long
  texts; a plain-ASCII sentence scores exactly as ``vaderSentiment`` scores it. See
  :mod:`quotetrack.sentiment.vader`.

Each model labels with its own cut-offs (:data:`quotetrack.models.SENTIMENT_CUTOFFS`).

:func:`targets` gives, for each person or organisation a quote names, the quote's
sentiment toward it (the ``"news-target"`` model; see :mod:`quotetrack.sentiment.targeted`).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable
from typing import Final

import attrs

from quotetrack.errors import ConfigurationError, InputTypeError, check_text
from quotetrack.models import Quote, Sentiment
from quotetrack.sentiment import news
from quotetrack.sentiment.vader import (
    lexicon,
    pool,
    prepare,
    scored_words,
    sentence_sums,
    split_sentences,
    vader_sentiment,
)

__all__ = ["DEFAULT_MODEL", "MODELS", "SentimentScorer", "Target", "score", "targets"]

MODELS: Final = ("news", "vader")
"""The scorer's models; the first is the default."""

DEFAULT_MODEL: Final = MODELS[0]
"""The model a :class:`SentimentScorer` uses unless told otherwise, and whose cut-offs
label a mean of scores when no model comes with it (reports, charts)."""

_CACHE_LIMIT: Final = 200_000

# A quote's fields in the order Quote() takes them (a test holds them to attrs.fields).
_QUOTE_FIELDS: Final = ("text", "spans", "speaker", "cue", "kind", "addressee", "sentiment", "rule")
_QUOTE_VALUES: Final = operator.attrgetter(*_QUOTE_FIELDS)


def _check_model(instance: object, attribute: object, value: object) -> None:
    if value not in MODELS:
        msg = f"unknown sentiment model {value!r}; choose one of {', '.join(map(repr, MODELS))}"
        raise ConfigurationError(msg)


@attrs.define(eq=False)
class SentimentScorer:
    """Attaches sentiment to quotes, with the ``"news"`` model unless told otherwise.

    ``SentimentScorer(model="vader")`` gives VADER's scores (typography and long texts
    fixed); any other name than those in :data:`MODELS` raises
    :class:`~quotetrack.errors.ConfigurationError`. Scorers are cheap: every scorer in a
    process shares one lexicon and one calibration, loaded on first use. Each keeps a
    cache of its reading of the tokens it has seen, so reuse one scorer for many texts
    (the module-level :func:`score` does).
    """

    model: str = attrs.field(default=DEFAULT_MODEL, validator=_check_model)
    # each raw token's reading and code (news.token_reading), in two maps so that a
    # sentence's readings and code are each one map over its tokens
    _lowers: dict[str, str] = attrs.field(factory=dict, init=False, repr=False)
    _codes: dict[str, str] = attrs.field(factory=dict, init=False, repr=False)

    def polarity(self, text: str) -> Sentiment:
        """The sentiment of ``text`` by this scorer's model.

        ``text`` is read with news typography normalised (curly quotes and apostrophes,
        dashes, ellipses, invisible characters; ASCII is untouched) and cut into
        sentences by :mod:`quotetrack.segments`. For ``"vader"``, each sentence is scored
        by VADER's rules and their raw sums are pooled as VADER pools words, so a single
        sentence of plain ASCII scores exactly as ``SentimentIntensityAnalyzer()
        .polarity_scores`` scores it. For ``"news"``, the calibrated model of
        :mod:`quotetrack.sentiment.news` reads the sentences. Time is linear in
        ``len(text)``. An empty or blank text scores all zeros.

        Raises :class:`~quotetrack.errors.InputTypeError` when ``text`` is not a ``str``.
        """
        if not isinstance(text, str):
            check_text(text)  # raises the right InputTypeError
        parts = self.parts(text)
        if not parts:
            return Sentiment(0.0, 0.0, 0.0, 0.0, model=self.model)
        if self.model == "vader":
            words, scored = lexicon(), scored_words()
            sums = [sentence_sums(t, low, s, words, scored) for t, low, s, _ in parts]
            return vader_sentiment(pool([s for s in sums if s is not None]), model="vader")
        return news.calibration().sentiment(parts)

    def score(self, quote: Quote) -> Quote:
        """A copy of ``quote`` with ``sentiment`` set from its ``text``; ``quote`` is unchanged."""
        if not isinstance(quote, Quote):
            msg = f"score() takes a Quote, not {type(quote).__name__}"
            raise InputTypeError(msg)
        # attrs.evolve, without looking up the fields for every quote: every field passed
        # by position, the sentiment replaced
        text, spans, speaker, cue, kind, addressee, _, rule = _QUOTE_VALUES(quote)
        if not isinstance(text, str):
            check_text(text, what="quote.text")  # raises the right InputTypeError
        return Quote(text, spans, speaker, cue, kind, addressee, self.polarity(text), rule)

    def parts(self, text: str) -> list[news.Part]:
        """``text``'s sentences as the models read them: raw tokens, VADER's reading of
        each, the sentence, and its code (:func:`quotetrack.sentiment.news.token_reading`)."""
        out: list[news.Part] = []
        lower = self._lowers.__getitem__
        code = self._codes.__getitem__
        for sentence in split_sentences(prepare(text).strip()):
            raw_tokens = sentence.split()
            if raw_tokens:
                try:
                    lowers = list(map(lower, raw_tokens))
                except KeyError:  # a token not seen yet
                    self._read(raw_tokens)
                    lowers = list(map(lower, raw_tokens))
                out.append((raw_tokens, lowers, sentence, "".join(map(code, raw_tokens))))
        return out

    def _read(self, raw_tokens: list[str]) -> None:
        """Remember the reading and code of each of ``raw_tokens`` not seen yet."""
        lowers, codes = self._lowers, self._codes
        if len(lowers) > _CACHE_LIMIT:
            lowers.clear()
            codes.clear()
        for t in raw_tokens:
            if t not in lowers:
                lowers[t], codes[t] = news.token_reading(t)


@functools.cache
def _default_scorer() -> SentimentScorer:
    return SentimentScorer()


def score(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    """Every quote with its sentiment set, in order, using one shared :class:`SentimentScorer`.

    Raises :class:`~quotetrack.errors.InputTypeError` when ``quotes`` is not an iterable
    of :class:`~quotetrack.models.Quote` (``None``, a string, a single quote).
    """
    msg = f"score() takes an iterable of Quote objects, not {type(quotes).__name__}"
    if quotes is None or isinstance(quotes, (str, bytes, Quote)):
        raise InputTypeError(msg)
    try:
        items = iter(quotes)
    except TypeError:
        raise InputTypeError(msg) from None
    scorer = _default_scorer()
    return tuple(scorer.score(q) for q in items)


# Imported last: the target model reads quotes with a SentimentScorer.
from quotetrack.sentiment.targeted import Target, targets  # noqa: E402
