"""Closed-class words the rules share: determiners, pronouns, abbreviations, days, and the
adverbs and auxiliaries that stand between a speaker and a cue. Data, not logic.

A set tuned for one rule stays beside its rule; the sets here are read by more than one
module. Where two rule sets read different versions of one idea (the words between a
speaker and a cue), both versions are here, built from a shared core, with the reason.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATIONS",
    "ADVERBIAL_STARTS",
    "CLAUSE_PRONOUNS",
    "DETERMINERS",
    "DIRECT_PRE_CUE",
    "GROUP_PRONOUNS",
    "NOT_CONTENT_START",
    "OBJECT_PRONOUNS",
    "PRE_CUE",
    "PRONOUN_GENDER",
    "REPORTED_PRE_CUE",
    "SPEAKER_PRONOUNS",
    "WEEKDAYS",
    "word_set",
]


def word_set(spaced: str) -> frozenset[str]:
    """The set of the whitespace-separated words of ``spaced``: how word lists are written."""
    return frozenset(spaced.split())


# Words that end with a period without ending the sentence (lowercase, no period): the
# one list of abbreviations for sentence splitting (segments), tokenizing (tokens) and
# name reading (identity).
ABBREVIATIONS = word_set(
    """
    mr mrs ms dr sen sens rep reps gov gen lt col sgt capt cmdr adm maj cpl pvt det insp
    supt st jr sr prof rev hon pres sec atty asst assoc dept corp inc ltd co bros vs etc
    approx jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun no nos mt ft ave blvd rd fig gov't
    """
)

# Pronouns that can be a speaker, with the gender they carry (None: any or a group).
PRONOUN_GENDER: dict[str, str | None] = {
    "he": "male",
    "she": "female",
    "they": None,
    "i": None,
    "we": None,
    "it": None,
}
SPEAKER_PRONOUNS = frozenset(PRONOUN_GENDER)
GROUP_PRONOUNS = frozenset({"they", "we", "it"})
# Pronouns in object position: "told him" names an addressee, never a speaker.
OBJECT_PRONOUNS = word_set("him her them me us you it")

# Words that open a noun phrase and decide it is one ("the", "his", "two", "those").
DETERMINERS = word_set(
    """
    the a an another one two three four five several some many most his her their its our
    your my this that these those both all each other no any few
    """
)

WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")

# What may follow a cue before its clause or sentence ends: adverbials of time and place
# ("said on Tuesday", "told reporters in Ohio"), not a complement clause.
ADVERBIAL_STARTS = WEEKDAYS | word_set(
    """
    in on at during via to through after before while from over by with last this
    yesterday today tonight recently earlier later again afterward afterwards then once also
    """
)

# Adverbs and auxiliaries that may stand between a speaker and its cue ("Smith also
# said", "she has repeatedly told"): read past when looking back from a cue.
PRE_CUE = word_set(
    """
    also has had have would will could did does do later then recently previously once
    further simply again reportedly publicly privately repeatedly just often still even
    never first last finally initially earlier already since
    """
)
# The direct-quote rules also step over manner adverbs ("Smith flatly said"). They were
# tuned apart from the reported-speech rules: merging the two sets changes predictions.
DIRECT_PRE_CUE = PRE_CUE | word_set("bluntly famously flatly frequently quickly")
# The reported-speech rules also step over modals, forms of "be" and negation ("may have
# said", "is not saying", "has long argued"), which the direct-quote rules never needed.
REPORTED_PRE_CUE = PRE_CUE | word_set(
    "now always long ever may might must should can is was were are not so"
)

# Pronouns (and "there", demonstratives) that may open a clause: "said he would …".
CLAUSE_PRONOUNS = word_set("he she they it we i you there this these those")
# Words that never open a reported clause's content nor the subject that opens a clause:
# prepositions, conjunctions, time adverbs and question words.
NOT_CONTENT_START = (
    word_set(
        """
        in on at during via through after before while from over by with last this about of
        for as into outside inside near under since until when where because if although
        though and but or so nor yet yes no not also earlier later again then once recently
        yesterday today tonight what how why whether who which
        """
    )
    - CLAUSE_PRONOUNS
)
