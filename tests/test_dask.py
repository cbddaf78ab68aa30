"""quotetrack.dask: quote frames on a real two-process cluster, Parquet, and back into a store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import quotetrack  # noqa: E402
from quotetrack.dask import load_parquet, quote_frame  # noqa: E402
from quotetrack.errors import ConfigurationError, InputTypeError  # noqa: E402
from quotetrack.flat import SCHEMA, quotes_from_records  # noqa: E402
from quotetrack.models import Document, Quote  # noqa: E402
from tests.equality import InFull as Item  # noqa: E402
from tests.equality import in_full  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev" / "text"

SYNTHETIC = [
    "“We will win this election, and we will win it big,” Smith said.",
    "No quotation marks here at all.",
    "“I love it,” she said. “It is wonderful and kind.”",
    "The senator said: “This is a disgrace and a shame for the whole country.”",
    "“A,” Jones told reporters. “B is terrible, sad and wrong,” he added.\n\n“More.”",
]


def _texts() -> list[str]:
    """PolNeAR dev articles when the shared data is there, the synthetic ones otherwise."""
    if POLNEAR_DEV.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_DEV.glob("*.txt"))[:12]]
    return SYNTHETIC * 4


InFull = list[Item]


def _by_doc(frame: pd.DataFrame) -> dict[str, InFull]:
    frame = frame.sort_values(["doc_id", "quote_index"], kind="stable")
    return {
        str(doc): in_full(quotes_from_records(group.to_dict("records")))
        for doc, group in frame.groupby("doc_id", sort=False)
    }


def _expected(texts: Sequence[str], ids: Sequence[str]) -> dict[str, InFull]:
    return {i: in_full(q) for i, t in zip(ids, texts, strict=True) if (q := quotetrack.analyze(t))}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A real local cluster: two worker processes of one thread each, both up (on a busy
    machine a worker process can take a while to start and register)."""
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            memory_limit=0,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        c.wait_for_workers(2, timeout=300)
        yield c


def test_bag_of_records_on_cluster_equals_single_process(client: Any) -> None:
    """On two worker processes, every document's quotes equal quotetrack.analyze's."""
    texts = _texts()
    ids = [f"doc-{i}" for i in range(len(texts))]
    bag = db.from_sequence(
        [{"doc_id": i, "text": t} for i, t in zip(ids, texts, strict=True)], npartitions=6
    )
    lazy = quote_frame(bag)
    frame = client.compute(lazy).result()
    assert len(client.nthreads()) == 2
    assert _by_doc(frame) == _expected(texts, ids)
    assert {c: str(t) for c, t in frame.dtypes.items()} == dict(SCHEMA)


def test_dataframe_on_cluster_keeps_metadata_dtypes(client: Any) -> None:
    """A DataFrame's text column is analysed on the cluster; metadata keeps its dtype."""
    texts = _texts()
    ids = [f"d{i}" for i in range(len(texts))]
    pdf = pd.DataFrame(
        {
            "id": ids,
            "body": texts,
            "published": pd.to_datetime(["2016-09-12"] * len(texts)),
            "words": [len(t.split()) for t in texts],
        }
    )
    lazy = quote_frame(
        dd.from_pandas(pdf, npartitions=4),
        text="body",
        doc_id="id",
        metadata=["published", "words"],
    )
    frame = client.compute(lazy).result()
    assert list(frame.columns[:3]) == ["doc_id", "published", "words"]
    assert frame.dtypes.equals(lazy.dtypes)
    assert str(frame["published"].dtype).startswith("datetime64")
    assert _by_doc(frame) == _expected(texts, ids)
    words = dict(zip(ids, pdf["words"], strict=True))
    assert all(words[d] == w for d, w in zip(frame["doc_id"], frame["words"], strict=True))


def test_bag_of_strings_gets_partition_ids() -> None:
    """A bag of plain texts gets doc ids '<partition>:<position>'."""
    bag = db.from_sequence(SYNTHETIC, npartitions=2)
    frame = quote_frame(bag).compute(scheduler="sync")
    ids = [
        f"{p}:{i}" for p, part in enumerate(bag.to_delayed()) for i in range(len(part.compute()))
    ]
    assert _by_doc(frame) == _expected(SYNTHETIC, ids)


def test_bag_of_documents_carries_metadata_as_strings() -> None:
    """Documents' metadata becomes string columns, dates in ISO form."""
    docs = [
        Document(t, f"n{i}", published=dt.date(2016, 9, i + 1), outlet="Post")
        for i, t in enumerate(SYNTHETIC)
    ]
    frame = quote_frame(db.from_sequence(docs), metadata=["outlet", "published"]).compute(
        scheduler="sync"
    )
    first = frame[frame["doc_id"] == "n0"].iloc[0]
    assert (first["outlet"], first["published"]) == ("Post", "2016-09-01")
    assert str(frame["published"].dtype) == "string"


def test_index_as_doc_id_and_no_sentiment() -> None:
    """doc_id=None uses the index; sentiment=False gives parse's quotes and null scores."""
    pdf = pd.DataFrame({"text": SYNTHETIC}, index=[f"i{k}" for k in range(len(SYNTHETIC))])
    frame = quote_frame(dd.from_pandas(pdf, npartitions=2), doc_id=None, sentiment=False).compute(
        scheduler="sync"
    )
    expected = {
        i: in_full(q)
        for i, t in zip(pdf.index, SYNTHETIC, strict=True)
        if (q := quotetrack.parse(t))
    }
    assert _by_doc(frame) == expected
    assert frame["sentiment_compound"].isna().all()


def test_empty_inputs_give_typed_empty_frames() -> None:
    """No texts, or texts without quotes, give an empty frame with the schema's dtypes."""
    for bag in (db.from_sequence([], npartitions=1), db.from_sequence(["No quotes."])):
        frame = quote_frame(bag).compute(scheduler="sync")
        assert len(frame) == 0
        assert {c: str(t) for c, t in frame.dtypes.items()} == dict(SCHEMA)


def test_bad_arguments_raise_at_call() -> None:
    """Wrong data, a missing column, a clashing or malformed metadata list raise at once."""
    pdf = dd.from_pandas(pd.DataFrame({"text": SYNTHETIC, "rule": 1}), npartitions=1)
    with pytest.raises(InputTypeError, match="dask Bag or a dask DataFrame"):
        quote_frame(SYNTHETIC)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="no column"):
        quote_frame(pdf, text="body")
    with pytest.raises(ConfigurationError, match="clash"):
        quote_frame(pdf, doc_id=None, metadata=["rule"])
    with pytest.raises(ConfigurationError, match="metadata"):
        quote_frame(pdf, doc_id=None, metadata="outlet")
    with (
        pytest.warns(DeprecationWarning, match="cue_verbs"),
        pytest.raises(ConfigurationError),
    ):
        quote_frame(pdf, cue_verbs=["two words"])


def test_non_str_text_raises_at_compute() -> None:
    """A record whose text is not a str raises InputTypeError naming the document."""
    bag = db.from_sequence([{"doc_id": "ok", "text": "fine"}, {"doc_id": "bad", "text": None}])
    with pytest.raises(InputTypeError, match="'bad'"):
        quote_frame(bag).compute(scheduler="sync")
    with pytest.raises(InputTypeError, match="no 'text' key"):
        quote_frame(db.from_sequence([{"body": "x"}])).compute(scheduler="sync")


class FakeStore:
    """A store with Tracker.add_analyzed's signature that records what it was given."""

    def __init__(self) -> None:
        self.added: dict[str, tuple[Document, tuple[Quote, ...], bool]] = {}

    def add_analyzed(
        self, document: Document, quotes: Sequence[Quote], *, replace: bool = False
    ) -> None:
        """Record the call."""
        self.added[document.doc_id] = (document, tuple(quotes), replace)


def test_parquet_round_trip_into_a_store(tmp_path: Path) -> None:
    """Quotes written to Parquet by Dask load back into a store equal to analyze's output."""
    texts = [*SYNTHETIC, "No quotes at all."]
    docs = [Document(t, f"doc-{i}") for i, t in enumerate(texts)]
    lazy = quote_frame(db.from_sequence(docs, npartitions=3))
    lazy.to_parquet(tmp_path / "q", write_index=False)
    store = FakeStore()
    assert load_parquet(store, tmp_path / "q", docs, replace=True) == len(docs)
    assert {d: in_full(quotes) for d, (_, quotes, _) in store.added.items()} == {
        d.doc_id: in_full(quotetrack.analyze(d.text)) for d in docs
    }
    assert all(doc is docs[int(i.split("-")[1])] for i, (doc, _, _) in store.added.items())
    assert {r for (_, _, r) in store.added.values()} == {True}


def test_load_parquet_checks_before_storing(tmp_path: Path) -> None:
    """A doc_id without a Document, or split over two files, raises before any store call."""
    docs = [Document(t, f"doc-{i}") for i, t in enumerate(SYNTHETIC)]
    frame = quote_frame(db.from_sequence(docs, npartitions=1)).compute(scheduler="sync")
    (tmp_path / "a").mkdir()
    frame.to_parquet(tmp_path / "a" / "part.0.parquet", index=False)
    store = FakeStore()
    with pytest.raises(ConfigurationError, match="no Document given"):
        load_parquet(store, tmp_path / "a", {d.doc_id: d for d in docs[1:]})
    (tmp_path / "b").mkdir()
    split = int((frame["quote_index"] == 1).to_numpy().argmax())  # the 2nd quote of a document
    assert split > 0
    frame.iloc[:split].to_parquet(tmp_path / "b" / "part.0.parquet", index=False)
    frame.iloc[split:].to_parquet(tmp_path / "b" / "part.1.parquet", index=False)
    with pytest.raises(ConfigurationError, match="in both"):
        load_parquet(store, tmp_path / "b", docs)
    with pytest.raises(ConfigurationError, match="no Parquet"):
        load_parquet(store, tmp_path / "missing", docs)
    assert store.added == {}


def test_load_parquet_into_a_tracker(tmp_path: Path) -> None:
    """With the real Tracker, load_parquet stores every document and all its quotes."""
    import quotetrack.tracker as tracker_module

    docs = [Document(t, f"doc-{i}", outlet="Post") for i, t in enumerate(SYNTHETIC)]
    lazy = quote_frame(db.from_sequence(docs, npartitions=2))
    lazy.to_parquet(tmp_path / "q", write_index=False)
    with tracker_module.Tracker(tmp_path / "t.db") as tracker:
        assert load_parquet(tracker, tmp_path / "q", docs) == len(docs)
        stats = tracker.stats()
        assert stats.documents == len(docs)
        assert stats.quotes == sum(len(quotetrack.analyze(d.text)) for d in docs)
        assert tracker.document("doc-2") == docs[2]


def test_reported_false_keeps_direct_quotes_only() -> None:
    """reported=False reaches the per-partition parser: only direct quotes come back."""
    seed = (Path(__file__).resolve().parents[1] / "seeds" / "000_f3ec5699876e8cf6.txt").read_text(
        encoding="utf-8"
    )
    parser = quotetrack.QuoteParser(reported=False)
    frame = quote_frame(db.from_sequence([seed], npartitions=1), parser=parser).compute(
        scheduler="sync"
    )
    assert list(frame["kind"]) == ["direct"] * 5
    with (
        pytest.warns(DeprecationWarning, match="reported"),
        pytest.raises(ConfigurationError, match="reported"),
    ):
        quote_frame(db.from_sequence([seed]), reported="no")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("tracker=None", lambda path: load_parquet(None, path, [])),
        ("path=None", lambda path: load_parquet(quotetrack.Tracker(":memory:"), None, [])),
        ("documents=None", lambda path: load_parquet(quotetrack.Tracker(":memory:"), path, None)),
        ("documents=3", lambda path: load_parquet(quotetrack.Tracker(":memory:"), path, 3)),
    ],
)
def test_load_parquet_of_the_wrong_types_is_an_input_type_error(
    tmp_path: Path, name: str, call: Callable[[Path], Any]
) -> None:
    """Each was a bare TypeError or AttributeError."""
    path = tmp_path / "q.parquet"
    path.write_bytes(b"")
    with pytest.raises(InputTypeError):
        call(path)


def test_load_parquet_of_a_file_that_is_not_parquet_is_a_configuration_error(
    tmp_path: Path,
) -> None:
    """A file that is not Parquet was a raw pyarrow ArrowInvalid."""
    path = tmp_path / "q.parquet"
    path.write_text("not parquet", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="not a Parquet"):
        load_parquet(quotetrack.Tracker(":memory:"), path, [])
