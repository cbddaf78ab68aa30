"""Option validation at the edges (issue 14, defect 5): a single str given as
``cue_verbs`` is one verb, never its letters."""

from __future__ import annotations

import pytest

from quotetrack.parallel import analyze_many, parse_many
from quotetrack.parser import QuoteParser

SNARL = "“We will not back down,” Smith snarled."
LETTER = "“We will not back down,” Smith a."


def test_a_single_str_is_one_cue_verb() -> None:
    """``cue_verbs="snarled"`` means ("snarled",): "a" does not become a cue verb."""
    parser = QuoteParser(cue_verbs="snarled")
    assert parser.cue_verbs == ("snarled",)
    (quote,) = parser.parse(SNARL)
    assert quote.cue is not None and quote.cue.text == "snarled"
    assert all(q.cue is None or q.cue.text != "a" for q in parser.parse(LETTER))


def test_said_as_a_str_keeps_a_direct_quote_direct() -> None:
    """``cue_verbs="said"`` changes nothing: the quote stays as the default parser finds it."""
    parser = QuoteParser(cue_verbs="said")
    assert parser.cue_verbs == ("said",)
    for text in (LETTER, "“The plan is dead,” Jones said on Monday.", "“Done,” Jones d."):
        assert parser.parse(text) == QuoteParser().parse(text)


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        (5, "not int"),
        (None, "not NoneType"),
        (b"said", "not bytes"),
        (bytearray(b"said"), "not bytearray"),
        ([b"said"], "b'said'"),
        (["said", 3], "got 3"),
    ],
)
def test_cue_verbs_of_the_wrong_type_are_a_configuration_error(bad: object, says: str) -> None:
    """``cue_verbs=5`` raised a plain TypeError and ``b"said"`` was read as the numbers
    of its bytes ("got 115", review item 11): each is a ConfigurationError naming what
    was given."""
    from quotetrack.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match=r"cue[_ ]verbs") as raised:
        QuoteParser(cue_verbs=bad)  # type: ignore[arg-type]
    assert says in str(raised.value)
    assert "115" not in str(raised.value)


@pytest.mark.parametrize("many", [parse_many, analyze_many])
@pytest.mark.parametrize("workers", [1, 2])
def test_many_take_a_single_str_as_one_verb(many: object, workers: int) -> None:
    """parse_many and analyze_many read ``cue_verbs`` the same way, in and out of process."""
    assert callable(many)
    with pytest.warns(DeprecationWarning, match="cue_verbs"):  # parser= is the new way
        (quotes,) = list(many([SNARL], workers=workers, cue_verbs="snarled"))
    assert [q.cue.text if q.cue else None for q in quotes] == ["snarled"]
    with pytest.warns(DeprecationWarning, match="cue_verbs"):
        (quotes,) = list(many([LETTER], workers=workers, cue_verbs="snarled"))
    assert all(q.cue is None or q.cue.text != "a" for q in quotes)
    parser = QuoteParser(cue_verbs="snarled")
    (quotes,) = list(many([SNARL], workers=workers, parser=parser))
    assert [q.cue.text if q.cue else None for q in quotes] == ["snarled"]


@pytest.mark.parametrize("bad", ["3", None, 2.5, True, -1])
def test_tracker_counts_are_validated(bad: object) -> None:
    """speakers(min_quotes='3') and clusters(min_articles=None) used to return [] silently."""
    from quotetrack.errors import ConfigurationError
    from quotetrack.tracker import Tracker

    with Tracker(":memory:") as tracker:
        tracker.add("“We will win,” Smith said.", doc_id="a", published=None)
        with pytest.raises(ConfigurationError, match="min_quotes"):
            tracker.speakers(min_quotes=bad)  # type: ignore[arg-type]
        with pytest.raises(ConfigurationError, match="min_articles"):
            tracker.clusters(min_articles=bad)  # type: ignore[arg-type]
        assert [s.name for s in tracker.speakers(min_quotes=1)] == ["Smith"]
        assert len(tracker.clusters(min_articles=1)) == 1
