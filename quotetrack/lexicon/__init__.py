"""Word data the rules read, not logic: closed-class words, names and titles, cue words,
source nouns. Every list lives once, in the submodule named for what it holds:

- :mod:`quotetrack.lexicon.words`: determiners, pronouns, abbreviations, days, and the
  adverbs that stand between a speaker and a cue;
- :mod:`quotetrack.lexicon.names`: titles, name particles, first names and surnames;
- :mod:`quotetrack.lexicon.cues`: cue verbs of direct speech and the cue tables of
  reported speech;
- :mod:`quotetrack.lexicon.sources`: source nouns and their postmodifiers.

Everything is importable from ``quotetrack.lexicon`` itself.
"""

from __future__ import annotations

from quotetrack.lexicon.cues import (
    BELIEF_CUES,
    CONTROL_CUES,
    CUE_MIN_DIRECT_OR_MIXED,
    CUE_MIN_GOLD,
    CUE_MIN_PRECISION_OUTSIDE_QUOTES,
    CUE_PARTICLES,
    CUE_VERBS,
    EVIDENCE_CUES,
    MIXED_ONLY_LEMMAS,
    NOUNY_CUES,
    OBJECT_CUES,
    PARTICIPLE_CUES,
    PREDICATE_CUES,
    RAISING_CUES,
    REPORTED_CUE_MIN_GOLD,
    REPORTED_CUE_MIN_PRECISION_OUTSIDE_QUOTES,
    REPORTED_CUES,
    SPEECH_CUES,
    SPEECH_LEMMAS,
    TO_COMPLEMENT_LEMMAS,
    TOPIC_CUES,
    reported_cue_forms,
)
from quotetrack.lexicon.names import (
    FEMALE_TITLES,
    MALE_TITLES,
    NAME_PARTICLES,
    TITLE_NOUNS,
    TITLES,
    female_share,
    is_surname,
    unaccented,
)
from quotetrack.lexicon.sources import (
    PLURAL_SOURCES,
    is_plural_source,
    postmodifies_source,
    source_noun_kind,
)
from quotetrack.lexicon.words import (
    ABBREVIATIONS,
    ADVERBIAL_STARTS,
    CLAUSE_PRONOUNS,
    DETERMINERS,
    DIRECT_PRE_CUE,
    GROUP_PRONOUNS,
    NOT_CONTENT_START,
    OBJECT_PRONOUNS,
    PRE_CUE,
    PRONOUN_GENDER,
    REPORTED_PRE_CUE,
    SPEAKER_PRONOUNS,
    WEEKDAYS,
    word_set,
)

__all__ = [
    "ABBREVIATIONS",
    "ADVERBIAL_STARTS",
    "BELIEF_CUES",
    "CLAUSE_PRONOUNS",
    "CONTROL_CUES",
    "CUE_MIN_DIRECT_OR_MIXED",
    "CUE_MIN_GOLD",
    "CUE_MIN_PRECISION_OUTSIDE_QUOTES",
    "CUE_PARTICLES",
    "CUE_VERBS",
    "DETERMINERS",
    "DIRECT_PRE_CUE",
    "EVIDENCE_CUES",
    "FEMALE_TITLES",
    "GROUP_PRONOUNS",
    "MALE_TITLES",
    "MIXED_ONLY_LEMMAS",
    "NAME_PARTICLES",
    "NOT_CONTENT_START",
    "NOUNY_CUES",
    "OBJECT_CUES",
    "OBJECT_PRONOUNS",
    "PARTICIPLE_CUES",
    "PLURAL_SOURCES",
    "PREDICATE_CUES",
    "PRE_CUE",
    "PRONOUN_GENDER",
    "RAISING_CUES",
    "REPORTED_CUES",
    "REPORTED_CUE_MIN_GOLD",
    "REPORTED_CUE_MIN_PRECISION_OUTSIDE_QUOTES",
    "REPORTED_PRE_CUE",
    "SPEAKER_PRONOUNS",
    "SPEECH_CUES",
    "SPEECH_LEMMAS",
    "TITLES",
    "TITLE_NOUNS",
    "TOPIC_CUES",
    "TO_COMPLEMENT_LEMMAS",
    "WEEKDAYS",
    "female_share",
    "is_plural_source",
    "is_surname",
    "postmodifies_source",
    "reported_cue_forms",
    "source_noun_kind",
    "unaccented",
    "word_set",
]
