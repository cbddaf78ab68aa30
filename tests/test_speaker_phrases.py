"""quotetrack.speaker_phrases: the speaker readers of the direct-quote rules."""

from __future__ import annotations

from functools import partial

from quotetrack.lexicon import CUE_VERBS
from quotetrack.speaker_phrases import (
    addressee_after,
    cue_span,
    sentence_subject,
    speaker_after,
    speaker_before,
    speaker_phrase,
    trim_adverbs,
)
from tests.test_phrase_tokens import read_at, toks, words


def before(text: str, cue: str) -> str | None:
    """The speaker phrase before the first ``cue`` in ``text``."""
    return read_at(partial(speaker_before, cues=CUE_VERBS), text, cue)


def test_speaker_before_a_cue_skips_adverbs_and_appositions() -> None:
    assert before("Maria Lopez also said", "said") == "Maria Lopez"
    assert before("Hugh Hill, a doctor at the clinic, said", "said") == "Hugh Hill"
    assert before("A spokesman for the campaign said", "said") == "A spokesman for the campaign"
    assert before("But she said", "said") == "she"
    assert before("the campaign said", "said") == "the campaign"


def test_speaker_before_reads_a_noun_cue_as_a_noun() -> None:
    """After a lowercase nominal, 'the claims' is a noun: no speaker."""
    assert before("many of his claims", "claims") is None


def test_speaker_readers_take_the_cue_table_they_are_given() -> None:
    """A word is a cue only if the given table lists it: the speaker phrase of
    "the mayor griped" stops at "griped" only for a table with it."""
    t = toks("a man who griped loudly")
    assert speaker_phrase(t[:4], CUE_VERBS) == t[:4]
    assert speaker_phrase(t[:4], {**CUE_VERBS, "griped": "gripe"}) is None


def test_speaker_after_a_cue() -> None:
    t = toks("said Sen. Elizabeth Warren on Monday")
    assert words(speaker_after(t, 1, CUE_VERBS)) == "Sen. Elizabeth Warren"
    t = toks("said former Obama adviser David Axelrod")
    assert words(speaker_after(t, 1, CUE_VERBS)) == "former Obama adviser David Axelrod"
    t = toks("said that he would go")
    assert speaker_after(t, 1, CUE_VERBS) == []


def test_addressee_after_tell() -> None:
    t = toks("told reporters in Ohio")
    assert words(addressee_after(t, 1, CUE_VERBS)) == "reporters"
    t = toks("told People Magazine")
    assert words(addressee_after(t, 1, CUE_VERBS)) == "People Magazine"


def test_trim_adverbs() -> None:
    assert words(trim_adverbs(toks("Smith also later"))) == "Smith"


def test_cue_span_takes_the_particle_of_a_phrasal_cue() -> None:
    text = "Smith pointed out that"
    t = toks(text)
    span, after = cue_span(text, t, 1, CUE_VERBS)
    assert span.text == "pointed out" and after == 3
    text = "Smith said out loud"
    span, after = cue_span(text, toks(text), 1, CUE_VERBS)
    assert span.text == "said" and after == 2


def test_sentence_subject_past_an_opening_adverbial() -> None:
    t = toks("In an August speech, Republican pollster Daron Shaw warned voters")
    assert words(sentence_subject(t, CUE_VERBS)) == "Republican pollster Daron Shaw"
    t = toks("But she left early")
    assert words(sentence_subject(t, CUE_VERBS)) == "she"
    assert sentence_subject(toks("In an August speech the crowd"), CUE_VERBS) is None
