"""Source nouns: what a noun heading a source phrase names ("spokesman" -> person,
"officials" -> anonymous, "poll" -> document), read from ``data/source_nouns.tsv``
(built from PolNeAR train by ``tools/build_lexicon.py``)."""

from __future__ import annotations

import functools

from quotetrack.lexicon.files import data_rows

__all__ = ["PLURAL_SOURCES", "is_plural_source", "postmodifies_source", "source_noun_kind"]


@functools.cache
def _source_nouns() -> dict[str, str]:
    return {noun: kind.rstrip("?") for noun, _, _, _, kind in data_rows("source_nouns.tsv")}


def source_noun_kind(noun: str) -> str | None:
    """What a source noun names in PolNeAR train: person, group, anonymous, document or
    partitive ("spokesman" -> person, "officials" -> anonymous, "poll" -> document)."""
    return _source_nouns().get(noun.lower())


_POSTMOD_PREPS = frozenset("with to for at of from in".split())
_POSTMOD_ADJECTIVES = frozenset("familiar close closest loyal allied opposed".split())


def postmodifies_source(head: str, preposition: str) -> bool:
    """True when ``preposition`` after the word ``head`` ties a phrase to a source noun
    ("a source close to him", "a spokesman for the campaign", "people familiar with")."""
    return preposition.lower() in _POSTMOD_PREPS and (
        head.lower() in _POSTMOD_ADJECTIVES or source_noun_kind(head) is not None
    )


# Plural nouns that make a source phrase alone or after one word ("officials said",
# "Republican lawmakers told"), without a determiner.
PLURAL_SOURCES = frozenset(
    """
    officials sources experts analysts critics aides advisers advisors supporters voters residents
    witnesses authorities police investigators prosecutors democrats republicans lawmakers observers
    insiders people officers organizers organisers researchers scientists economists strategists
    activists protesters leaders members staffers spokespeople
    """.split()
)


def is_plural_source(noun: str) -> bool:
    """True for a plural noun that names who speaks: one of :data:`PLURAL_SOURCES`, or the
    plural of a source noun of PolNeAR train ("senators", "executives", "unions"). Only
    after a cue ("“…,” said Republican senators"), where a noun phrase is the speaker, is
    the wider list safe; before a cue the short list keeps its precision."""
    low = noun.lower()
    if low in PLURAL_SOURCES:
        return True
    return (
        low.endswith("s")
        and not low.endswith(("ss", "us"))
        and source_noun_kind(low) in _SPEAKING_KINDS
    )


_SPEAKING_KINDS = frozenset({"person", "group", "anonymous"})
