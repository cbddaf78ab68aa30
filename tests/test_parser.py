"""quotetrack.parser: QuoteParser wires the stages, carries its options down to the rules
explicitly, and names the rule of every quote."""

from __future__ import annotations

import pytest

import quotetrack
from quotetrack.errors import ConfigurationError
from quotetrack.lexicon import CUE_VERBS
from quotetrack.models import QuoteKind
from quotetrack.rules import RULES

TEXT = (
    "Maria Lopez, the mayor, spoke on Monday. “This budget keeps every library open,” "
    "Lopez told reporters. She said the plan would pass. “We have the votes,” Lopez griped. "
    "“Nobody expected the vote to be this close at all,” she added."
)


def test_the_cue_table_is_the_lexicon_and_the_parsers_own_verbs() -> None:
    parser = quotetrack.QuoteParser(cue_verbs=["griped"])
    assert parser.cue_table["griped"] == "griped"
    assert all(parser.cue_table[form] == lemma for form, lemma in CUE_VERBS.items())
    assert "griped" not in quotetrack.QuoteParser().cue_table


def test_parsers_with_different_cues_do_not_interfere() -> None:
    """Each parse reads its own parser's table, interleaved or not (no shared state)."""
    custom = quotetrack.QuoteParser(cue_verbs=["griped"])
    plain = quotetrack.QuoteParser()

    def griped(parser: quotetrack.QuoteParser) -> list[str]:
        return [q.cue.text for q in parser.parse(TEXT) if q.cue and q.cue.text == "griped"]

    for _ in range(2):
        assert griped(custom) == ["griped"]
        assert griped(plain) == []


def test_options_change_what_is_kept() -> None:
    everything = quotetrack.QuoteParser().parse(TEXT)
    direct_only = quotetrack.QuoteParser(reported=False).parse(TEXT)
    assert any(q.kind is QuoteKind.REPORTED for q in everything)
    assert direct_only and all(q.kind is QuoteKind.DIRECT for q in direct_only)
    unattributed = "“We have the votes and we will pass this budget on Tuesday.”"
    assert [q.rule for q in quotetrack.QuoteParser().parse(unattributed)] == ["unattributed"]
    assert quotetrack.QuoteParser(keep_unattributed=False).parse(unattributed) == ()


def test_every_quote_names_a_listed_rule_and_resolves_its_speaker() -> None:
    quotes = quotetrack.parse(TEXT)
    names = {r.name for r in RULES}
    assert all(q.rule in names for q in quotes)
    told, said, added = quotes
    assert (told.rule, told.speaker and told.speaker.name) == ("tail-speaker-cue", "Maria Lopez")
    # without "griped" in the table, "“We have the votes,” Lopez griped." resumes the quote
    assert told.text == "This budget keeps every library open, We have the votes,"
    assert (said.rule, said.kind) == ("reported:subject-cue", QuoteKind.REPORTED)
    assert added.speaker is not None and added.speaker.name == "Maria Lopez"
    for q in quotes:
        for span in q.spans:
            assert TEXT[span.start : span.end] == span.text


def test_bad_options_raise_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError):
        quotetrack.QuoteParser(cue_verbs=["two words"])
    with pytest.raises(ConfigurationError):
        quotetrack.QuoteParser(reported="yes")  # type: ignore[arg-type]
