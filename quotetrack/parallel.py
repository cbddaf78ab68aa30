"""Many texts on many cores: :func:`analyze_many` and :func:`parse_many`.

Both take any iterable of texts (a list, a generator reading files, a database cursor)
and return a generator of results, one tuple of quotes per text, **in input order**::

    >>> from quotetrack.parallel import analyze_many
    >>> texts = ['“We will win,” Smith said.', "No quotes here."]
    >>> [len(quotes) for quotes in analyze_many(texts, workers=1)]
    [1, 0]

With ``workers`` > 1 the texts go in chunks of ``chunksize`` to that many worker
processes. Each worker receives the :class:`~quotetrack.parser.QuoteParser` (and
:class:`~quotetrack.sentiment.SentimentScorer`) once, when it starts: pass configured
ones as ``parser=`` and ``scorer=``. At most
``2 * workers`` chunks are in flight at any moment, so memory stays flat however long
the input is: the input is read only as fast as results are consumed.

``workers=1`` runs in the calling process (no pool, nothing to pickle);
``workers=None`` uses :func:`os.cpu_count` processes.

Closing the generator early (``break`` out of a ``for`` loop, ``gen.close()``, or
dropping it) cancels the chunks not yet started, waits for the few running ones and
shuts the pool down: no worker process outlives the generator. The pool is only
started on the first ``next()``, so a generator that is never iterated costs nothing.

A non-``str`` item raises :class:`~quotetrack.errors.InputTypeError` naming its index,
and an exception raised by the input iterator itself propagates; either is raised after
the results of every text before it have been yielded, exactly as the in-process loop
would, so a caller that stores each result loses none of them.

Worker processes exit on their own when the process that started them dies, even by
SIGKILL, so they never outlive a killed program nor hold its output open.

Worker processes are started with the platform's default :mod:`multiprocessing` start
method, or with ``mp_context`` (a context, or a start method name such as ``"spawn"``,
when the calling process runs threads that must not be forked). With ``spawn`` or
``forkserver``, a script must guard its entry point with ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import Any, Final, Protocol, TypeVar, cast

import attrs

from quotetrack.errors import ConfigurationError, InputTypeError, check_text
from quotetrack.models import Quote
from quotetrack.parser import QuoteParser
from quotetrack.pipeline import Analyzer, parser_from_options
from quotetrack.records import quote_from_values, quote_values
from quotetrack.sentiment import SentimentScorer

__all__ = ["DEFAULT_CHUNKSIZE", "MAX_WORKERS", "analyze_many", "parse_many"]

DEFAULT_CHUNKSIZE: Final = 16
"""Texts sent to a worker at a time: news articles of a few kB each, so a chunk is
about 100 kB, large enough to make pickling overhead small and small enough to keep the
workers evenly busy and an early close quick."""

MAX_WORKERS: Final = 1024
"""The most worker processes a call may ask for: far beyond any machine's cores, and
within what the pool's queues and semaphores can count (a count beyond C's integers
failed deep inside multiprocessing)."""

_IN_FLIGHT_PER_WORKER: Final = 2
"""Chunks queued or running per worker: one being worked on, one waiting, so a worker
never idles while the parent collects a result."""

_Result = tuple[Quote, ...]
_R = TypeVar("_R")


class TextJob(Protocol[_R]):
    """The work done on each text (for :func:`analyze_many`, an
    :class:`~quotetrack.pipeline.Analyzer`'s quotes), and how its result travels back
    from a worker process as plain values, cheap to pickle (see :func:`pack_quotes`)."""

    def __call__(self, text: str) -> _R: ...

    def pack(self, result: _R) -> Any: ...

    def unpack(self, packed: Any) -> _R: ...


def pack_quotes(quotes: Iterable[Quote]) -> list[tuple[Any, ...]]:
    """Quotes as plain values for the trip back from a worker (records.quote_values):
    pickling attrs instances goes through a Python-level ``__getstate__``/``__setstate__``
    per object, which made the workers spend a tenth of their time pickling and the
    parent as long unpickling as parsing."""
    return [quote_values(q) for q in quotes]


def unpack_quotes(packed: Iterable[Sequence[Any]]) -> _Result:
    """The quotes :func:`pack_quotes` packed, rebuilt exactly."""
    return tuple(quote_from_values(p) for p in packed)


@attrs.frozen(slots=True)
class _Quotes:
    """The job of :func:`parse_many` and :func:`analyze_many`: an analyzer's quotes."""

    analyzer: Analyzer

    def __call__(self, text: str) -> _Result:
        return self.analyzer(text)

    def pack(self, result: _Result) -> list[tuple[Any, ...]]:
        return pack_quotes(result)

    def unpack(self, packed: Iterable[Sequence[Any]]) -> _Result:
        return unpack_quotes(packed)


def parse_many(
    texts: Iterable[str],
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    *,
    parser: QuoteParser | None = None,
    mp_context: BaseContext | str | None = None,
    cue_verbs: Iterable[str] | str | None = None,
    keep_unattributed: bool | None = None,
    reported: bool | None = None,
) -> Generator[tuple[Quote, ...], None, None]:
    """The quotes of each text, as :meth:`QuoteParser.parse` gives them, in input order.

    ``parser`` is a configured :class:`~quotetrack.parser.QuoteParser` (default: the
    default one), sent once to each worker. ``cue_verbs``, ``keep_unattributed`` and
    ``reported`` are deprecated: they build that parser, with a
    :class:`DeprecationWarning`.
    Raises :class:`~quotetrack.errors.ConfigurationError` at once for a bad ``workers``
    (below 1 or above :data:`MAX_WORKERS`), ``chunksize`` or parser option, and
    :class:`~quotetrack.errors.InputTypeError` when ``texts`` is a single ``str`` (wrap
    it in a list) or when the generator reaches an item that is not a ``str``.
    """
    chosen = parser_from_options(parser, cue_verbs, keep_unattributed, reported, "parse_many")
    return _many(texts, workers, chunksize, _Quotes(Analyzer(chosen, None)), mp_context)


def analyze_many(
    texts: Iterable[str],
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    *,
    parser: QuoteParser | None = None,
    scorer: SentimentScorer | None = None,
    mp_context: BaseContext | str | None = None,
    cue_verbs: Iterable[str] | str | None = None,
    keep_unattributed: bool | None = None,
    reported: bool | None = None,
) -> Generator[tuple[Quote, ...], None, None]:
    """The quotes of each text, attributed and scored as :func:`quotetrack.analyze`
    gives them, in input order.

    Options and errors are those of :func:`parse_many`; ``scorer`` is a
    :class:`~quotetrack.sentiment.SentimentScorer` (default: a new one), sent once to
    each worker.
    """
    chosen = parser_from_options(parser, cue_verbs, keep_unattributed, reported, "analyze_many")
    analyzer = Analyzer(chosen, SentimentScorer() if scorer is None else scorer)
    return _many(texts, workers, chunksize, _Quotes(analyzer), mp_context)


def map_texts(
    texts: Iterable[str],
    job: TextJob[_R],
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> Generator[_R, None, None]:
    """``job`` of each text, in input order, as :func:`analyze_many` runs its analyzer:
    the same arguments, checks, errors and worker processes (the tracker's ingest reads
    each article's targets in the worker that parsed it)."""
    return _many(texts, workers, chunksize, job, None)


# --- argument checks ---------------------------------------------------------------


def _check_count(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{name} must be a positive int, not {type(value).__name__} {value!r}"
        raise ConfigurationError(msg)
    if value < 1:
        msg = f"{name} must be at least 1, got {value!r}"
        raise ConfigurationError(msg)
    return min(value, sys.maxsize)  # a chunk beyond any list's length is every text


def _resolve_workers(workers: object) -> int:
    if workers is None:
        return os.cpu_count() or 1
    count = _check_count(workers, "workers")
    if count > MAX_WORKERS:
        msg = f"workers must be at most {MAX_WORKERS}, got {count!r}"
        raise ConfigurationError(msg)
    return count


def _resolve_context(mp_context: object) -> BaseContext | None:
    if mp_context is None or isinstance(mp_context, BaseContext):
        return mp_context
    if isinstance(mp_context, str):
        try:
            return multiprocessing.get_context(mp_context)
        except ValueError:
            methods = multiprocessing.get_all_start_methods()
            msg = f"mp_context {mp_context!r} is not a start method here; use one of {methods}"
            raise ConfigurationError(msg) from None
    msg = (
        "mp_context must be a multiprocessing context or a start method name, "
        f"not {type(mp_context).__name__}"
    )
    raise ConfigurationError(msg)


def _check_texts(texts: object) -> Iterator[object]:
    if isinstance(texts, (str, bytes, bytearray)):
        msg = (
            f"texts must be an iterable of str, not a single {type(texts).__name__}; "
            "wrap one text in a list: analyze_many([text])"
        )
        raise InputTypeError(msg)
    try:
        return iter(cast("Iterable[object]", texts))
    except TypeError:
        msg = f"texts must be an iterable of str, not {type(texts).__name__}"
        raise InputTypeError(msg) from None


def _many(
    texts: Iterable[str],
    workers: int | None,
    chunksize: int,
    job: TextJob[_R],
    mp_context: BaseContext | str | None,
) -> Generator[_R, None, None]:
    """Check every argument now, then hand back the (lazy) generator."""
    n_workers = _resolve_workers(workers)
    context = _resolve_context(mp_context)
    size = _check_count(chunksize, "chunksize")
    items = _check_texts(texts)
    if n_workers == 1:
        return _in_process(items, job)
    return _in_pool(items, n_workers, size, job, context)


# --- one process -------------------------------------------------------------------


def _checked(index: int, item: object) -> str:
    return check_text(item, what=f"texts[{index}]")


def _in_process(items: Iterator[object], job: Callable[[str], _R]) -> Generator[_R, None, None]:
    for index, item in enumerate(items):
        yield job(_checked(index, item))


# --- worker processes --------------------------------------------------------------

_worker_job: TextJob[Any] | None = None
"""The job of this worker process, set once by :func:`_init_worker`."""


_PARENT_CHECK_SECONDS: Final = 0.5
"""How often a worker looks whether its parent still lives."""


def _exit_with_parent() -> None:
    """Make this worker exit when the process that started it dies.

    A parent killed with SIGKILL (or SIGTERM, which skips every cleanup) cannot shut its
    pool down; its workers would wait on the task queue for ever under PID 1, holding the
    parent's stdout and stderr open, so a caller capturing that output would hang. A
    daemon thread notices the new parent id (the orphan's adoption) and ends the process.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="quotetrack-parent-watch", daemon=True).start()


def _init_worker(job: TextJob[Any]) -> None:
    """Keep this worker's job (unpickled once, when the worker starts), and tie its
    life to its parent's."""
    global _worker_job
    _exit_with_parent()
    _worker_job = job


def _run_chunk(texts: list[str]) -> list[Any]:
    """Run this worker's job on one chunk of texts; results packed for the trip back."""
    job = _worker_job
    if job is None:  # pragma: no cover - the pool always runs the initializer first
        msg = "quotetrack.parallel worker used before its initializer ran"
        raise RuntimeError(msg)
    return [job.pack(job(text)) for text in texts]


def _in_pool(
    items: Iterator[object],
    workers: int,
    chunksize: int,
    job: TextJob[_R],
    mp_context: BaseContext | None,
) -> Generator[_R, None, None]:
    """Stream chunks through a process pool, keeping a bounded queue of futures."""
    limit = workers * _IN_FLIGHT_PER_WORKER
    pending: collections.deque[Future[list[Any]]] = collections.deque()
    numbered = enumerate(items)
    error: Exception | None = None
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=mp_context,
        initializer=_init_worker,
        initargs=(job,),
    )
    try:
        while True:
            while error is None and len(pending) < limit:
                chunk: list[str] = []
                try:
                    for index, item in itertools.islice(numbered, chunksize):
                        chunk.append(_checked(index, item))
                except Exception as exc:  # a bad item, or the input's own failure
                    error = exc  # raised once every earlier text's result is out
                if chunk:
                    pending.append(executor.submit(_run_chunk, chunk))
                if error is not None or len(chunk) < chunksize:
                    break
            if not pending:
                break
            for packed in pending.popleft().result():
                yield job.unpack(packed)
        if error is not None:
            raise error
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
