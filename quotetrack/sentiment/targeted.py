"""Sentiment toward the people and organisations a quote mentions.

For each name inside a quote (a person the article names, resolved by
:class:`~quotetrack.mentions.EntityIndex`, or a capitalised name such as "Justice
Department" or "FBI"), :func:`targets` gives the mention's span in the original text, the
entity it resolves to where the article names it, and the sentiment of the quote toward
it, in NewsMTSC's scheme (Hamborg and Donnay, EACL 2021): what the quoted sentence says
of that target, not how the speaker feels overall. "I will never trust Senator Smith,
but the Court was right" is negative toward Smith and positive toward the Court.

The sentiment comes from the ``"news-target"`` model: the news reading
(:func:`quotetrack.sentiment.news.read`) of the sentence that holds the mention and of
the few words around it, calibrated on NewsMTSC's labelled targets
(``quotetrack/data/news_target_model.json``, trained by ``tools/train_sentiment.py``).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Sequence
from importlib import resources
from typing import Final

import attrs

from quotetrack import nfc
from quotetrack.errors import InputTypeError, check_text
from quotetrack.lexicon import TITLES, is_surname
from quotetrack.mentions import EntityIndex
from quotetrack.models import Quote, Sentiment, Span
from quotetrack.segments import sentences
from quotetrack.sentiment import news

__all__ = ["TARGET_FEATURES", "Target", "target_inputs", "targets"]

WINDOW: Final = 5
"""Words on each side of a mention that make its local context."""

TARGET_FEATURES: Final = (
    *(f"sentence_{name}" for name in news.FEATURES),
    *(f"window_{name}" for name in news.FEATURES),
    "mention_first",
    "mention_position",
)
"""The names of :func:`target_inputs`' numbers, in order."""

# A capitalised name: capitalised words (or ALL-CAPS acronyms), perhaps joined by "of"/"the".
_NAME: Final = re.compile(
    r"""
    (?<![\w'\u2019])
    (?:[A-Z][\w'\u2019\-]*[\w]|[A-Z]{2,})
    (?:\s+(?:(?:of|the|for|and|&)\s+)?(?:[A-Z][\w'\u2019\-]*[\w]|[A-Z]{2,}))*
    """,
    re.VERBOSE,
)
_POSSESSIVE: Final = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_NOT_NAMES: Final = frozenset(
    "I I'm I've I'll I'd A An The This That These Those It It's We They He She You My Our "
    "Mr Mrs Ms Dr But And Or So If When What Why How Who Where There Here Yes No Not "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)


@attrs.frozen(slots=True)
class Target:
    """A person or organisation mentioned in a quote, and the quote's sentiment toward it.

    ``mention`` is the name as written, with offsets into the original text; ``entity``
    is the fullest name the article gives that person ("Hillary Clinton" for
    "Clinton"), or None when the article names no such person (organisations, people
    named only once by surname).
    """

    mention: Span
    entity: str | None
    sentiment: Sentiment


def _words_around(sentence: str, start: int, end: int) -> str:
    before = sentence[:start].split()[-WINDOW:]
    after = sentence[end:].split()[:WINDOW]
    return " ".join([*before, sentence[start:end], *after])


def target_inputs(
    scorer: news.PartsReader, sentence: str, start: int, end: int
) -> tuple[list[float], set[str]]:
    """The target model's inputs for the mention ``sentence[start:end]``.

    The news reading of the whole sentence and of the :data:`WINDOW` words on each side
    of the mention, whether the mention opens the sentence (a subject, most often), and
    where in the sentence it stands (0 at the start, 1 at the end). The words are the
    sentence's, plus the window's written ``near_word``.
    """
    sentence_numbers, sentence_words = news.read(scorer.parts(sentence))
    window_numbers, window_words = news.read(scorer.parts(_words_around(sentence, start, end)))
    first = 1.0 if len(sentence[:start].split()) <= 1 else 0.0
    position = start / max(1, len(sentence))
    words = sentence_words | {"near_" + w for w in window_words}
    return [*sentence_numbers, *window_numbers, first, position], words


@functools.cache
def calibration() -> news.Calibration:
    """The shipped target calibration, read once per process."""
    text = (
        resources.files("quotetrack").joinpath("data", "news_target_model.json").read_text("utf-8")
    )
    return news.Calibration(json.loads(text), TARGET_FEATURES, model="news-target")


def _mentions(quote: Quote, text: str, index: EntityIndex) -> list[tuple[Span, str | None]]:
    """The names inside the quote's spans, in order, each with its resolved entity."""
    found: list[tuple[Span, str | None]] = []
    taken: list[tuple[int, int]] = []
    for nm in index.mentions:
        s = nm.span
        if any(q.start <= s.start and s.end <= q.end for q in quote.spans):
            found.append((s, nm.entity.name))
            taken.append((s.start, s.end))
    for q in quote.spans:
        for m in _NAME.finditer(text, q.start, q.end):
            start, end = m.start(), m.end()
            if any(a < end and start < b for a, b in taken):
                continue
            words = m.group().split()
            while words and (words[0] in _NOT_NAMES or words[0].rstrip(".") in _NOT_NAMES):
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
                words = words[1:]
            if not words:
                continue
            possessive = _POSSESSIVE.search(text, start, end)
            if possessive is not None:
                end = possessive.start()
            name = text[start:end]
            entity = index.resolve_name(name, start)
            opens_sentence = start == q.start or text[max(q.start, start - 2) : start].strip() in {
                ".",
                "?",
                "!",
            }
            single = len(name.split()) == 1
            acronym = name.isupper() and len(name) >= 2
            if entity is None and single and not acronym:
                if opens_sentence or not is_surname(name) or name in TITLES:
                    continue
            found.append((Span(start, end, name), None if entity is None else entity.name))
    found.sort(key=lambda item: item[0].start)
    return found


def targets(
    quote: Quote,
    text: str,
    *,
    index: EntityIndex | None = None,
    scorer: news.PartsReader | None = None,
) -> tuple[Target, ...]:
    """The people and organisations ``quote`` mentions, with its sentiment toward each.

    ``text`` is the document the quote's spans point into; ``index`` is its
    :class:`~quotetrack.mentions.EntityIndex` (built here when not given; pass the one
    you have when scoring many quotes of one document). Mentions are in document order.
    Raises :class:`~quotetrack.errors.InputTypeError` when ``quote`` is not a Quote or
    ``text`` not a str.
    """
    if not isinstance(quote, Quote):
        msg = f"targets() takes a Quote, not {type(quote).__name__}"
        raise InputTypeError(msg)
    check_text(text)
    if not unicodedata.is_normalized("NFC", text):
        # read in NFC as the parser reads ("Jose" + U+0301 is one name), mapped back
        normal, where = nfc.normalize(text)
        found = targets(nfc.quote_in_nfc(normal, where, quote), normal, scorer=scorer)
        return tuple(attrs.evolve(t, mention=nfc.span_back(text, where, t.mention)) for t in found)
    if index is None:
        index = EntityIndex(text, [(s.start, s.end) for s in quote.spans])
    if scorer is None:
        scorer = _scorer()
    model = calibration()
    out: list[Target] = []
    cut = _sentences_of(quote, text)
    for span, entity in _mentions(quote, text, index):
        sentence = next((s for s in cut if s.start <= span.start < s.end), None)
        if sentence is None:
            continue
        numbers, words = target_inputs(
            scorer, sentence.text, span.start - sentence.start, span.end - sentence.start
        )
        out.append(Target(span, entity, model.sentiment_of(numbers, words)))
    return tuple(out)


@functools.cache
def _scorer() -> news.PartsReader:
    from quotetrack.sentiment import SentimentScorer  # the package imports this module

    return SentimentScorer()


def _sentences_of(quote: Quote, text: str) -> Sequence[Span]:
    return [s for q in quote.spans for s in sentences(text, q)]
