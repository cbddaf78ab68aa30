"""Where a content clause ends: a sentence's breaks found once give what a scan of each
content window gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotetrack.reported.content import SentenceTokens, clause_end
from quotetrack.tokens import tokenize

_WORDS = [",", ";", "and", "said", "says", "Smith", "she", "adding", "pointing", "to", "but"]
_WORDS += ["the", "plan", "was", "good", "Jones", "who", "leaving", "although", "he", "told"]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=400))
def test_breaks_found_once_match_the_window_scan(words: list[str]) -> None:
    text = " ".join(words) + "."
    toks = tokenize(text, 0, len(text))
    whole = SentenceTokens(toks)  # the sentence's breaks, found once
    for k in range(len(toks)):
        assert clause_end(whole, k, len(text) - 1) == clause_end(list(toks), k, len(text) - 1)


def test_an_aside_after_a_comma_does_not_break_but_a_participle_does() -> None:
    text = "the plan was good, Smith said, pointing to the vote, and more."
    toks = SentenceTokens(tokenize(text, 0, len(text)))
    assert text[: clause_end(toks, 0, len(text) - 1)] == "the plan was good, Smith said"
