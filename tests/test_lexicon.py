"""quotetrack.lexicon: one home for the word data, and the sets the rules share."""

from __future__ import annotations

import quotetrack.lexicon as lexicon
from quotetrack.lexicon import (
    ABBREVIATIONS,
    CUE_PARTICLES,
    CUE_VERBS,
    DIRECT_PRE_CUE,
    NAME_PARTICLES,
    PRE_CUE,
    REPORTED_CUES,
    REPORTED_PRE_CUE,
    SPEECH_LEMMAS,
    cues,
    names,
    postmodifies_source,
    reported_cue_forms,
    sources,
    words,
)
from quotetrack.tokens import tokenize


def test_the_package_root_exports_every_submodule_name() -> None:
    """``from quotetrack.lexicon import X`` works for every public name of every part,
    and each name has one home."""
    homes: dict[str, str] = {}
    for part in (cues, names, sources, words):
        for name in part.__all__:
            assert name not in homes, f"{name} in {homes.get(name)} and {part.__name__}"
            homes[name] = part.__name__
            assert getattr(lexicon, name) is getattr(part, name)
    assert set(lexicon.__all__) == set(homes)


def test_the_two_readings_of_the_words_before_a_cue_share_one_core() -> None:
    """Direct-quote and reported-speech rules step over different words between a
    speaker and its cue; both hold the shared core."""
    assert PRE_CUE < DIRECT_PRE_CUE and PRE_CUE < REPORTED_PRE_CUE
    assert "flatly" in DIRECT_PRE_CUE - REPORTED_PRE_CUE
    assert {"may", "not"} <= REPORTED_PRE_CUE - DIRECT_PRE_CUE


def test_cue_tables() -> None:
    assert CUE_VERBS["said"] == "say" and CUE_VERBS["told"] == "tell"
    assert all(form == form.lower() for form in CUE_VERBS)
    assert REPORTED_CUES["believes"] == "believe"
    assert "say" in SPEECH_LEMMAS
    # forms learned from cues.tsv that the tables do not list get a lemma of their own
    learned = {f for f, lemma in REPORTED_CUES.items() if lemma.endswith("~")}
    assert learned and learned <= set(reported_cue_forms())
    assert CUE_PARTICLES["point"] == "out"


def test_abbreviations_are_the_tokenizers() -> None:
    """The one abbreviation list keeps a period on its words when tokenizing."""
    assert {"sen", "gov", "jr", "sept"} <= ABBREVIATIONS
    text = "Gov. Pike and Jo Jr. left."
    assert [t.text for t in tokenize(text, 0, len(text))] == [
        "Gov.",
        "Pike",
        "and",
        "Jo",
        "Jr.",
        "left",
        ".",
    ]


def test_name_particles_and_postmodifiers() -> None:
    assert {"de", "van", "bin"} <= NAME_PARTICLES
    assert postmodifies_source("spokesman", "for")
    assert postmodifies_source("close", "to")
    assert not postmodifies_source("table", "for")


def test_name_lists_ignore_accents() -> None:
    """The Census lists are ASCII: "María" is read as "Maria" and "López" as "Lopez",
    so accented names are persons with a gender, as their plain spellings are."""
    from quotetrack.lexicon import female_share, is_surname

    assert female_share("María") == female_share("Maria") is not None
    assert female_share("José") == female_share("Jose") is not None
    assert is_surname("López") and is_surname("Lopez")
    assert not is_surname("Zzyzxé")


def test_plural_sources_after_a_cue_include_the_source_nouns_plurals() -> None:
    """The short list, and the plurals of PolNeAR's source nouns ("senators"), are
    sources; a singular that ends in s, and a word that names no one, are not."""
    assert lexicon.is_plural_source("officials")
    assert lexicon.is_plural_source("Senators")
    assert lexicon.is_plural_source("executives")
    assert not lexicon.is_plural_source("actress")
    assert not lexicon.is_plural_source("senator")
    assert not lexicon.is_plural_source("Tuesdays")
