"""quotetrack.phrases: the noun-phrase readers both rule sets share."""

from __future__ import annotations

from quotetrack.lexicon import CUE_VERBS
from quotetrack.phrases import (
    addressee_after,
    antecedent_phrase,
    clause_subject,
    drop_parentheticals,
    opening_subject,
    source_after,
    source_before,
    speaker_after,
    speaker_before,
    speaker_phrase,
    tok_span,
    trim_adverbs,
)
from quotetrack.tokens import Token, tokenize


def toks(text: str) -> list[Token]:
    return tokenize(text, 0, len(text))


def words(found: list[Token] | None) -> str | None:
    return None if found is None else " ".join(t.text for t in found)


def at(tokens: list[Token], word: str) -> int:
    """The index of the first token that is ``word``."""
    return next(i for i, t in enumerate(tokens) if t.text == word)


def before(text: str, cue: str) -> str | None:
    t = toks(text)
    return words(speaker_before(t, at(t, cue), CUE_VERBS))


def source(text: str, cue: str) -> str | None:
    t = toks(text)
    return words(source_before(t, at(t, cue)))


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


def test_source_before_a_cue() -> None:
    assert source("officials, however, said", "said") == "officials"
    assert source("Kasich (who has 25 delegates) said", "said") == "Kasich"
    assert source("Feinstein last week said", "said") == "Feinstein"
    assert source("Woodrow Benford, 58, who lives in Tulsa, says", "says") == "Woodrow Benford"
    assert source("a source close to him said", "said") == "a source close to him"
    t = toks("She told him that")
    assert source_before(t, 3) is None  # "told him" is no source


def test_source_after_a_cue() -> None:
    t = toks("said Tuesday that")
    assert source_after(t, 1) == []
    t = toks("said Maria de la Cruz in")
    assert words(source_after(t, 1)) == "Maria de la Cruz"


def test_opening_subject_and_clause_subject() -> None:
    text = "In a long speech, the mayor used a new slogan"
    assert words(opening_subject(toks(text))) == "the mayor"
    span = clause_subject(text, 0, len(text))
    assert span is not None and text[span.start : span.end] == span.text == "the mayor"


def test_antecedent_of_a_relative_who() -> None:
    """Back to the determiner (and the quantity before "of"), else the last two words;
    a place after the people is skipped."""
    text = "Ostrander won among the 40 percent of farmers who said"
    found = antecedent_phrase(text, text.index("who"))
    assert found is not None and found.text == "the 40 percent of farmers"
    text = "It drew young voters who said"
    found = antecedent_phrase(text, text.index("who"))
    assert found is not None and found.text == "young voters"
    text = "They met steelworkers in Ohio, who said"
    found = antecedent_phrase(text, text.index("who"))
    # the people, not the place (the two-word fallback also takes the verb "met")
    assert found is not None and found.text.endswith("steelworkers")


def test_drop_parentheticals() -> None:
    assert words(drop_parentheticals(toks("Sen. Jo Pike (D-N.C.) said"))) == "Sen. Jo Pike said"
    assert words(drop_parentheticals(toks("Jo Pike (D said"))) == "Jo Pike D said"


def test_tok_span_is_an_offset_into_the_text() -> None:
    text = "  Maria Lopez said"
    t = toks(text)
    span = tok_span(text, t[:2])
    assert text[span.start : span.end] == span.text == "Maria Lopez"
