"""quotetrack.parser: QuoteParser wires the stages, carries its options down to the rules
explicitly, and names the rule of every quote."""

from __future__ import annotations

import gc

import pytest

import quotetrack
from quotetrack.errors import ConfigurationError
from quotetrack.lexicon import CUE_VERBS
from quotetrack.models import QuoteKind
from quotetrack.parser import collection_paused
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


# Dense and ordinary text of every kind the parser reads: direct quotes with tail and
# head cues, a dash attribution, a pronoun, reported and mixed speech, a list of names.
_CYCLE_TEXTS = (
    '"Yes," Smith said. ' * 200,
    "\u201cx\u201d \u2014 Mark Twain " * 200,
    "Sen. Ann Lee of Ohio, a Democrat, said the plan was \u201ca disaster.\u201d "
    "\u201cWe will fight it,\u201d she told reporters. According to the report, costs "
    "rose. Lee and Tom Orr say the vote is close. \u201cNo,\u201d he said, adding, "
    "\u201cnever.\u201d The Tallin Board said it would wait.\n\n",
)


@pytest.mark.parametrize("text", _CYCLE_TEXTS, ids=["dense-tail", "dense-dash", "mixed"])
def test_parse_and_analyze_make_no_reference_cycles(text: str) -> None:
    """What justifies pausing the cyclic collector during a parse and its scoring
    (collection_paused): they leave nothing for it to free."""
    quotetrack.analyze(text)  # caches and lexicons filled
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        quotes = quotetrack.analyze(text)
        assert quotes
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


def _fail_while_paused() -> None:
    with collection_paused():
        assert not gc.isenabled()
        raise LookupError


def test_collection_paused_restores_the_collector() -> None:
    """On during the pause it is off and comes back on, also after an error; off it
    stays off."""
    was = gc.isenabled()
    try:
        gc.enable()
        with pytest.raises(LookupError):
            _fail_while_paused()
        assert gc.isenabled()
        quotetrack.analyze('"Yes," Smith said.')
        assert gc.isenabled()
        gc.disable()
        quotetrack.parse('"Yes," Smith said.')
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()
