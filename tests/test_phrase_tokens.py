"""quotetrack.phrase_tokens: the token helpers both sets of phrase readers share."""

from __future__ import annotations

from collections.abc import Callable

from quotetrack.phrase_tokens import (
    drop_parentheticals,
    index_at,
    is_name_word,
    is_possessive_name,
    is_postmodifier,
    looks_like_name,
    name_end,
    tok_span,
    token_index,
)
from quotetrack.tokens import Token, tokenize


def toks(text: str) -> list[Token]:
    """The tokens of all of ``text``."""
    return tokenize(text, 0, len(text))


def words(found: list[Token] | None) -> str | None:
    """The words of a phrase a reader found, spaced, or None for none."""
    return None if found is None else " ".join(t.text for t in found)


def at(tokens: list[Token], word: str) -> int:
    """The index of the first token that is ``word``."""
    return next(i for i, t in enumerate(tokens) if t.text == word)


def read_at(
    reader: Callable[[list[Token], int], list[Token] | None], text: str, cue: str
) -> str | None:
    """The words of the phrase ``reader`` finds at the first ``cue`` in ``text``."""
    t = toks(text)
    return words(reader(t, at(t, cue)))


def test_drop_parentheticals() -> None:
    assert words(drop_parentheticals(toks("Sen. Jo Pike (D-N.C.) said"))) == "Sen. Jo Pike said"
    assert words(drop_parentheticals(toks("Jo Pike (D said"))) == "Jo Pike D said"


def test_tok_span_is_an_offset_into_the_text() -> None:
    text = "  Maria Lopez said"
    t = toks(text)
    span = tok_span(text, t[:2])
    assert text[span.start : span.end] == span.text == "Maria Lopez"


def test_token_index_and_index_at_find_tokens_by_offset() -> None:
    text = "Maria Lopez, a nurse, said"
    t = toks(text)
    assert [token_index(t, tok) for tok in t] == list(range(len(t)))
    assert index_at(t, text.index("nurse")) == at(t, "nurse")
    assert index_at(t, text.index("nurse") + 1) == at(t, "nurse") + 1  # inside: the next
    assert index_at(t, len(text)) == len(t)


def test_name_words_leave_out_function_words_and_i() -> None:
    """A capitalised word or a title may be a name; one that opens sentences ("The",
    "Monday", "When") or a contraction of "I" is no name word."""
    t = toks("The Monday When I’m Maria said")
    assert [looks_like_name(tok) for tok in t] == [True] * 5 + [False]
    assert [is_name_word(tok) for tok in t] == [False, False, False, False, True, False]
    assert is_name_word(toks("He’s")[0])


def test_name_end_runs_over_name_words_and_particles() -> None:
    t = toks("said Ludwig van Beethoven in Bonn")
    assert name_end(t, 1) == at(t, "in")
    assert name_end(t, 0) == 0  # "said" is no name word


def test_possessive_names_and_postmodifiers() -> None:
    assert is_possessive_name(toks("Trump's")[0]) and is_possessive_name(toks("Powell’s")[0])
    assert not is_possessive_name(toks("it's")[0])
    t = toks("a spokesman for the campaign")
    assert is_postmodifier(t, at(t, "for"))
    assert not is_postmodifier(t, 0)  # nothing before it
