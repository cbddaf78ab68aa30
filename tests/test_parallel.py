"""analyze_many / parse_many: same results as the one-text functions, in order, streamed."""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import quotetrack
from quotetrack import parallel, records
from quotetrack.errors import ConfigurationError, InputTypeError
from quotetrack.models import Quote, QuoteKind, Sentiment, Span, Speaker, SpeakerKind
from quotetrack.parallel import analyze_many, parse_many
from tests.equality import in_full

SHARED = Path(__file__).resolve().parents[2] / "shared"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev" / "text"

SYNTHETIC = [
    "“We will win this election, and we will win it big,” Smith said.",
    "No quotation marks here at all.",
    "",
    "“I love it,” she said. “It is wonderful and kind.”",
    "The senator said: “This is a disgrace and a shame for the whole country.”",
    "“Unclosed mark and nothing else",
    "“A,” Jones told reporters. “B is terrible, sad and wrong,” he added.\n\n“More.”",
]


def _polnear(n: int) -> list[str]:
    if not POLNEAR_DEV.is_dir():
        pytest.skip(f"PolNeAR dev texts not found at {POLNEAR_DEV} (shared data absent)")
    return [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_DEV.glob("*.txt"))[:n]]


def _no_children() -> bool:
    return not multiprocessing.active_children()


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("chunksize", [1, 3])
def test_analyze_many_equals_analyze(workers: int, chunksize: int) -> None:
    """analyze_many gives analyze's result for every text, in input order."""
    texts = SYNTHETIC * 3
    got = list(analyze_many(texts, workers=workers, chunksize=chunksize))
    assert [in_full(q) for q in got] == [in_full(quotetrack.analyze(t)) for t in texts]


@pytest.mark.parametrize("workers", [1, 2])
def test_parse_many_equals_parse(workers: int) -> None:
    """parse_many gives parse's result (no sentiment) for every text, in input order."""
    got = list(parse_many(iter(SYNTHETIC), workers=workers, chunksize=2))
    assert [in_full(q) for q in got] == [in_full(quotetrack.parse(t)) for t in SYNTHETIC]
    assert all(q.sentiment is None for quotes in got for q in quotes)


def test_analyze_many_on_polnear_equals_analyze() -> None:
    """On real news, two workers give exactly the in-process results, in order."""
    texts = _polnear(40)
    got = list(analyze_many(texts, workers=2, chunksize=4))
    assert [in_full(q) for q in got] == [in_full(quotetrack.analyze(t)) for t in texts]
    assert sum(len(q) for q in got) > 0


def test_package_exports_the_parallel_functions() -> None:
    """analyze_many and parse_many are reachable from ``import quotetrack``."""
    assert quotetrack.analyze_many is analyze_many
    assert quotetrack.parse_many is parse_many
    assert {"analyze_many", "parse_many"} <= set(quotetrack.__all__)


def test_empty_input_yields_nothing() -> None:
    """No texts means no results and no error, with or without workers."""
    assert list(analyze_many([], workers=2)) == []
    assert list(parse_many(iter(()), workers=1)) == []


@pytest.mark.parametrize("workers", [1, 2])
def test_input_is_read_lazily_and_bounded(workers: int) -> None:
    """An endless input is read only a bounded number of chunks ahead of the consumer."""
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"“Number {i} is the best number we have ever seen,” Smith said."

    gen = parse_many(endless(), workers=workers, chunksize=2)
    first = list(itertools.islice(gen, 5))
    gen.close()
    assert first[0][0].text.startswith("Number 0 ")
    # in flight: 2 chunks per worker, plus the chunk being consumed
    assert pulled <= (2 * workers + 1) * 2 + 5
    assert _no_children()


def test_generator_does_nothing_until_iterated() -> None:
    """Creating the generator starts no processes and reads no input."""
    pulled = []

    def texts() -> Iterator[str]:
        pulled.append(1)
        yield "text"

    gen = analyze_many(texts(), workers=2)
    assert pulled == []
    assert _no_children()
    gen.close()


def test_early_close_stops_every_worker() -> None:
    """Closing the generator after one result leaves no worker process behind."""
    texts = SYNTHETIC * 50
    gen = analyze_many(texts, workers=2, chunksize=1)
    next(gen)
    assert multiprocessing.active_children()
    gen.close()
    assert _no_children()


def test_break_out_of_loop_stops_every_worker() -> None:
    """Breaking out of a for loop and dropping the generator shuts the pool down."""
    for i, _quotes in enumerate(analyze_many(SYNTHETIC * 20, workers=2, chunksize=1)):
        if i == 3:
            break
    # CPython finalises the dropped generator at once, which closes it.
    assert _no_children()


@pytest.mark.parametrize("workers", [1, 2])
def test_non_str_item_raises_with_its_index_after_earlier_results(workers: int) -> None:
    """A non-str item raises InputTypeError naming its index, once earlier texts are out."""
    texts: list[object] = ["“First,” she said.", *SYNTHETIC, b"bytes", "never reached"]
    gen = analyze_many(texts, workers=workers, chunksize=2)  # type: ignore[arg-type]
    got = list(itertools.islice(gen, 8))
    with pytest.raises(InputTypeError, match=r"texts\[8\].*decode"):
        next(gen)
    assert got == [quotetrack.analyze(t) for t in texts[:8]]  # type: ignore[arg-type]
    assert _no_children()


@pytest.mark.parametrize("workers", [1, 2])
def test_input_failure_is_raised_after_earlier_results(workers: int) -> None:
    """An exception from the input iterator comes after every earlier text's result."""

    def texts() -> Iterator[str]:
        yield from SYNTHETIC
        raise LookupError("the feed broke")

    gen = parse_many(texts(), workers=workers, chunksize=3)
    assert list(itertools.islice(gen, len(SYNTHETIC))) == [quotetrack.parse(t) for t in SYNTHETIC]
    with pytest.raises(LookupError, match="feed broke"):
        next(gen)
    assert _no_children()


def test_single_string_is_refused() -> None:
    """Passing one str instead of an iterable of str raises InputTypeError at once."""
    with pytest.raises(InputTypeError, match="wrap one text in a list"):
        analyze_many("“Hi,” she said.")


def test_non_iterable_is_refused() -> None:
    """Passing something that is not iterable raises InputTypeError at once."""
    with pytest.raises(InputTypeError, match="iterable of str"):
        parse_many(42)  # type: ignore[arg-type]


@pytest.mark.parametrize("workers", [0, -1, 1.5, True, "2"])
def test_bad_workers_raise_configuration_error_at_call(workers: object) -> None:
    """workers must be a positive int (or None), checked when the function is called."""
    with pytest.raises(ConfigurationError, match="workers"):
        analyze_many(SYNTHETIC, workers=workers)  # type: ignore[arg-type]


@pytest.mark.parametrize("chunksize", [0, -3, 2.0, False, None])
def test_bad_chunksize_raises_configuration_error_at_call(chunksize: object) -> None:
    """chunksize must be a positive int, checked when the function is called."""
    with pytest.raises(ConfigurationError, match="chunksize"):
        parse_many(SYNTHETIC, chunksize=chunksize)  # type: ignore[arg-type]


def test_bad_parser_option_raises_configuration_error_at_call() -> None:
    """A parser option the parser refuses is refused before any work starts, also in the
    deprecated keyword form (which warns), and a parser that is not one is refused."""
    old = "parser=QuoteParser"
    with pytest.warns(DeprecationWarning, match=old), pytest.raises(ConfigurationError):
        parse_many(SYNTHETIC, workers=2, cue_verbs=["two words"])
    with (
        pytest.warns(DeprecationWarning, match=old),
        pytest.raises(ConfigurationError, match="keep_unattributed"),
    ):
        parse_many(SYNTHETIC, keep_unattributed="yes")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="QuoteParser"):
        parse_many(SYNTHETIC, parser="not a parser")  # type: ignore[arg-type]


@pytest.mark.parametrize("context", ["no-such-method", 3])
def test_bad_mp_context_raises_configuration_error_at_call(context: object) -> None:
    """mp_context must be a context or a start method name known on this platform."""
    with pytest.raises(ConfigurationError, match="mp_context"):
        parse_many(SYNTHETIC, workers=2, mp_context=context)  # type: ignore[arg-type]


def test_mp_context_by_name() -> None:
    """A start method name works like the context it names."""
    got = list(parse_many(SYNTHETIC, workers=2, mp_context="spawn"))
    assert got == [quotetrack.parse(t) for t in SYNTHETIC]


def test_workers_none_uses_cpu_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """workers=None resolves to os.cpu_count(), and to 1 when that is unknown."""
    monkeypatch.setattr("os.cpu_count", lambda: None)
    assert parallel._resolve_workers(None) == 1
    monkeypatch.setattr("os.cpu_count", lambda: 7)
    assert parallel._resolve_workers(None) == 7


def test_parser_options_reach_spawned_workers() -> None:
    """Cue verbs and keep_unattributed are rebuilt in each worker, even under spawn."""
    texts = ["“We will win this one, believe me,” Smith zorbled.", *SYNTHETIC]
    ctx = multiprocessing.get_context("spawn")
    parser = quotetrack.QuoteParser(cue_verbs=["zorbled"], keep_unattributed=False)
    got = list(parse_many(texts, workers=2, mp_context=ctx, parser=parser))
    # A spawned worker starts from a fresh interpreter: only its initializer adds the verb.
    assert got[0][0].cue is not None
    assert got[0][0].cue.text == "zorbled"
    assert [in_full(q) for q in got] == [in_full(parser.parse(t)) for t in texts]


def test_pack_round_trips_every_field() -> None:
    """The worker-to-parent encoding rebuilds a quote with every field set exactly."""
    text = "“Great, just great,” Jane Doe told him."
    quote = Quote(
        text="Great, just great,",
        spans=(Span.of(text, 1, 19),),
        speaker=Speaker("Jane Doe", Span.of(text, 21, 29), SpeakerKind.GROUP),
        cue=Span.of(text, 30, 34),
        kind=QuoteKind.MIXED,
        addressee=Span.of(text, 35, 38),
        sentiment=Sentiment(0.6249, 0.661, 0.339, 0.0),
        rule="tail-name",
    )
    bare = Quote(text="", spans=())
    for q in (quote, bare):
        assert in_full([records.quote_from_values(records.quote_values(q))]) == in_full([q])
    named = Speaker("Jane Doe", Span.of(text, 21, 29), source=Span.of(text, 21, 29))
    unnamed = Speaker("him", Span.of(text, 35, 38), resolved=False)
    pair = Speaker("Jane Doe and him", Span.of(text, 21, 38), members=(named, unnamed))
    for speaker in (named, unnamed, pair):
        values = records.quote_values(attrs.evolve(quote, speaker=speaker))
        back = records.quote_from_values(values).speaker
        assert back is not None
        assert (back.resolved, back.source) == (speaker.resolved, speaker.source)
        assert in_full([attrs.evolve(quote, speaker=back)]) == in_full(
            [attrs.evolve(quote, speaker=speaker)]
        )


def test_pack_knows_every_model_field() -> None:
    """A new field on the result classes fails here until the parallel encoding carries it."""
    assert [f.name for f in attrs.fields(Quote)] == [
        "text",
        "spans",
        "speaker",
        "cue",
        "kind",
        "addressee",
        "sentiment",
        "rule",
    ]
    assert [f.name for f in attrs.fields(Speaker)] == [
        "name",
        "mention",
        "kind",
        "resolved",
        "source",
        "members",
    ]
    assert [f.name for f in attrs.fields(Span)] == ["start", "end", "text"]
    assert [f.name for f in attrs.fields(Sentiment)] == [
        "compound",
        "positive",
        "neutral",
        "negative",
        "model",
    ]


def test_reported_false_reaches_the_workers() -> None:
    """reported=False gives only direct quotes, in process and in worker processes alike."""
    seed = (Path(__file__).resolve().parents[1] / "seeds" / "000_f3ec5699876e8cf6.txt").read_text(
        encoding="utf-8"
    )
    parser = quotetrack.QuoteParser(reported=False)
    for workers in (1, 2):
        [quotes] = list(quotetrack.parse_many([seed], workers=workers, parser=parser))
        assert [q.kind.value for q in quotes] == ["direct"] * 5
    with (
        pytest.warns(DeprecationWarning, match="reported"),
        pytest.raises(ConfigurationError, match="reported"),
    ):
        quotetrack.parse_many([seed], reported="no")  # type: ignore[arg-type]
