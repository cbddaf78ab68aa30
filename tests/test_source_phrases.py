"""quotetrack.source_phrases: the source readers of the reported-speech rules."""

from __future__ import annotations

from quotetrack.source_phrases import (
    antecedent_phrase,
    clause_subject,
    opening_subject,
    source_after,
    source_before,
    source_run,
)
from tests.test_phrase_tokens import at, read_at, toks, words


def source(text: str, cue: str) -> str | None:
    """The source phrase before the first ``cue`` in ``text``."""
    return read_at(source_before, text, cue)


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


def test_source_run_stops_at_a_clause_link() -> None:
    """Back to a clause link, past a postmodifier, without a sentence opener."""
    t = toks("He left because a spokesman for the campaign said")
    assert words(source_run(t, at(t, "said"))) == "a spokesman for the campaign"
    t = toks("But officials said")
    assert words(source_run(t, at(t, "said"))) == "officials"
