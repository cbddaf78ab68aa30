"""A configured parser and scorer reach every place work is done, worker processes too."""

from __future__ import annotations

import pickle

import pytest

import quotetrack
from quotetrack.errors import ConfigurationError, InputTypeError
from quotetrack.pipeline import Analyzer

TEXT = "“We will not cut a single teacher,” Maria Lopez kvetched."
KVETCH = quotetrack.QuoteParser(cue_verbs=["kvetched"])


def kvetch_quotes(quotes: tuple[quotetrack.Quote, ...]) -> list[tuple[str | None, str | None]]:
    """(speaker, cue) of each quote."""
    return [(q.speaker.name if q.speaker else None, q.cue.text if q.cue else None) for q in quotes]


def test_the_default_parser_does_not_know_the_verb() -> None:
    """Without the configured parser, the quote is not attributed to Lopez."""
    assert kvetch_quotes(quotetrack.analyze(TEXT)) != [("Maria Lopez", "kvetched")]


def test_analyze_takes_a_parser_and_a_scorer() -> None:
    """analyze(text, parser=..., scorer=...) parses with one and scores with the other."""
    quotes = quotetrack.analyze(TEXT, parser=KVETCH, scorer=quotetrack.SentimentScorer())
    assert kvetch_quotes(quotes) == [("Maria Lopez", "kvetched")]
    assert quotes == Analyzer(KVETCH)(TEXT)
    assert all(q.sentiment is not None for q in quotes)
    with pytest.raises(InputTypeError, match="parser must be a QuoteParser"):
        quotetrack.analyze(TEXT, parser="kvetched")  # type: ignore[arg-type]


def test_parser_and_scorer_pickle() -> None:
    """What travels to a worker process comes back equal in behaviour."""
    analyzer = pickle.loads(pickle.dumps(Analyzer(KVETCH, quotetrack.SentimentScorer())))
    assert analyzer.parser == KVETCH
    assert analyzer(TEXT) == quotetrack.analyze(TEXT, parser=KVETCH)


@pytest.mark.parametrize("workers", [1, 2])
def test_many_texts_use_the_given_parser(workers: int) -> None:
    """parse_many and analyze_many send the parser to each worker."""
    texts = [TEXT, "No quotes here."]
    parsed = list(quotetrack.parse_many(texts, workers=workers, parser=KVETCH))
    analyzed = list(quotetrack.analyze_many(texts, workers=workers, parser=KVETCH))
    assert [kvetch_quotes(q) for q in parsed] == [[("Maria Lopez", "kvetched")], []]
    assert analyzed == [quotetrack.analyze(t, parser=KVETCH) for t in texts]
    assert all(q.sentiment is None for q in parsed[0])


def test_the_old_parser_options_still_work_with_a_warning() -> None:
    """cue_verbs= on parse_many is deprecated, not gone; it cannot be mixed with parser=."""
    with pytest.warns(DeprecationWarning, match=r"parser=QuoteParser\(cue_verbs=\.\.\.\)"):
        [quotes] = quotetrack.parse_many([TEXT], workers=1, cue_verbs=["kvetched"])
    assert kvetch_quotes(quotes) == [("Maria Lopez", "kvetched")]
    with pytest.raises(ConfigurationError, match="not also"):
        quotetrack.parse_many([TEXT], parser=KVETCH, reported=False)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_tracker_analyses_with_its_parser(workers: int) -> None:
    """Tracker(path, parser=...) uses it in add and in add_many, in workers too."""
    with quotetrack.Tracker(":memory:", parser=KVETCH) as tracker:
        tracker.add(TEXT, doc_id="a", published=None)
        tracker.add_many([{"text": TEXT.replace("Maria", "Ana"), "doc_id": "b"}], workers=workers)
        assert [
            (q.speaker, q.quote.cue.text if q.quote.cue else None) for q in tracker.quotes()
        ] == [
            ("Maria Lopez", "kvetched"),
            ("Ana Lopez", "kvetched"),
        ]
    with pytest.raises(InputTypeError, match="scorer must be"):
        quotetrack.Tracker(":memory:", scorer="vader")  # type: ignore[arg-type]


def test_dask_takes_the_parser() -> None:
    """quote_frame(..., parser=...) parses each partition with it."""
    db = pytest.importorskip("dask.bag")
    from quotetrack.dask import quote_frame

    frame = quote_frame(db.from_sequence([TEXT], npartitions=1), parser=KVETCH).compute(
        scheduler="sync"
    )
    assert list(frame["cue"]) == ["kvetched"] and list(frame["speaker"]) == ["Maria Lopez"]
