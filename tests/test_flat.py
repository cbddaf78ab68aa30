"""Flat records: typed columns in schema order, and an exact way back to Quote objects."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack.errors import InputTypeError
from quotetrack.flat import (
    SCHEMA,
    analyze_batches,
    arrow_schema,
    flat_records,
    quotes_from_records,
    records_frame,
    spark_schema,
)
from quotetrack.models import Quote, Span
from tests.equality import how_resolved, in_full
from tests.strategies import quotes

SHARED = Path(__file__).resolve().parents[2] / "shared"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev" / "text"

ARTICLE = (
    "“We will win this election, and we will win it big,” Sen. Jane Smith told reporters.\n\n"
    "“It is a disgrace,” she said. “A total disgrace.”\n\n"
    "Officials said the plan was sound. “Nobody here expected anything like this at all.”"
)

# -- tests -----------------------------------------------------------------------------


def test_records_have_the_schema_columns_in_order() -> None:
    """Every record has exactly the SCHEMA columns, in SCHEMA order, numbered per document."""
    rows = flat_records("a", quotetrack.analyze(ARTICLE))
    assert len(rows) >= 3
    assert all(list(row) == list(SCHEMA) for row in rows)
    assert [row["quote_index"] for row in rows] == list(range(len(rows)))
    assert {row["doc_id"] for row in rows} == {"a"}


def test_record_values_have_their_column_types() -> None:
    """Values are str, int, float or None as the column's dtype says (ints never null)."""
    rows = flat_records("a", quotetrack.analyze(ARTICLE))
    python_type = {"string": str, "int64": int, "Int64": int, "float64": float, "boolean": bool}
    for row in rows:
        for name, dtype in SCHEMA.items():
            value = row[name]
            if value is None:
                assert dtype != "int64", name
            else:
                assert isinstance(value, python_type[dtype]), (name, value)


def test_record_carries_speaker_cue_and_sentiment() -> None:
    """A tail-attributed quote keeps its speaker, mention, cue offsets and scores."""
    text = "“We will win,” Smith said."
    [row] = flat_records("d", quotetrack.analyze(text))
    assert row["speaker"] == "Smith"
    assert text[row["speaker_start"] : row["speaker_end"]] == row["speaker_mention"] == "Smith"
    assert text[row["cue_start"] : row["cue_end"]] == row["cue"] == "said"
    assert text[row["start"] : row["end"]] == row["text"]
    assert json.loads(row["spans"]) == [[row["start"], row["end"]]]
    assert -1 <= row["sentiment_compound"] <= 1


def test_round_trip_on_parser_output() -> None:
    """Parser output flattened and read back is equal, quote for quote."""
    original = quotetrack.analyze(ARTICLE)
    assert in_full(quotes_from_records(flat_records("a", original))) == in_full(original)
    unscored = quotetrack.parse(ARTICLE)
    assert in_full(quotes_from_records(flat_records("a", unscored))) == in_full(unscored)


def test_round_trip_on_polnear() -> None:
    """Every PolNeAR dev article's quotes survive flattening exactly."""
    if not POLNEAR_DEV.is_dir():
        pytest.skip(f"PolNeAR dev texts not found at {POLNEAR_DEV} (shared data absent)")
    for path in sorted(POLNEAR_DEV.glob("*.txt"))[:60]:
        original = quotetrack.analyze(path.read_text(encoding="utf-8"))
        back = quotes_from_records(flat_records(path.stem, original))
        assert in_full(back) == in_full(original), path.name


@given(st.lists(quotes(), max_size=5))
def test_round_trip_any_quotes(items: list[Quote]) -> None:
    """Any quotes, even with a text unrelated to their spans, round-trip exactly."""
    assert in_full(quotes_from_records(flat_records("x", items))) == in_full(items)


@settings(max_examples=25)
@given(st.lists(quotes(), max_size=5))
def test_round_trip_through_parquet(
    tmp_path_factory: pytest.TempPathFactory, items: list[Quote]
) -> None:
    """Quotes written to Parquet through a typed frame and read back are equal."""
    pq = pytest.importorskip("pyarrow.parquet")
    pd = pytest.importorskip("pandas")
    path = tmp_path_factory.mktemp("pq") / "q.parquet"
    records_frame(flat_records("x", items)).to_parquet(path)
    back = pd.read_parquet(path)
    assert in_full(quotes_from_records(back.to_dict("records"))) == in_full(items)
    assert pq.read_schema(path).names == list(SCHEMA)


PRE_RESOLUTION = (
    "speaker_resolved",
    "speaker_source",
    "speaker_source_start",
    "speaker_source_end",
)
"""The columns issue 11 added: rows written before lack them."""


def test_rows_written_before_speaker_resolution_read_back(tmp_path: Path) -> None:
    """Flat rows and Parquet files without the speaker-resolution columns decode (review
    item 10): their speakers read as resolved, with no source, as the store's do."""
    unresolved = "Some observers doubted it. “It will never work in this town, not ever,” she said."
    original = quotetrack.analyze(ARTICLE) + quotetrack.analyze(unresolved)
    assert any(q.speaker is not None and not q.speaker.resolved for q in original)
    assert any(q.speaker is not None and q.speaker.source is not None for q in original)
    rows = [
        {k: v for k, v in row.items() if k not in PRE_RESOLUTION}
        for row in flat_records("a", original)
    ]
    back = quotes_from_records(rows)
    assert back == original
    assert how_resolved(back) == [None if q.speaker is None else (True, None) for q in original]
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    path = tmp_path / "old.parquet"
    records_frame(flat_records("a", original)).drop(columns=list(PRE_RESOLUTION)).to_parquet(path)
    assert in_full(quotes_from_records(pd.read_parquet(path).to_dict("records"))) == in_full(back)


def test_compact_spans_only_when_texts_can_be_cut_back() -> None:
    """Spans JSON omits span texts when derivable from text and carries them otherwise."""
    doc = "“One,” he said, “two.”"
    a, b = Span.of(doc, 1, 5), Span.of(doc, 17, 21)
    joined = Quote.from_spans((a, b))
    [row] = flat_records("d", [joined])
    assert json.loads(row["spans"]) == [[1, 5], [17, 21]]
    odd = Quote(text="One two", spans=(a, b))
    [row] = flat_records("d", [odd])
    assert json.loads(row["spans"]) == [[1, 5, "One,"], [17, 21, "two."]]
    assert quotes_from_records([row]) == (odd,)


def test_frame_rows_read_back_with_nulls() -> None:
    """Rows from a typed frame (NaN, pd.NA, NumPy ints) are read back into quotes."""
    pytest.importorskip("pandas")
    original = quotetrack.parse(ARTICLE)  # no sentiment: NaN floats
    frame = records_frame(flat_records("a", original))
    assert math.isnan(frame["sentiment_compound"].iloc[0])
    assert in_full(quotes_from_records(frame.to_dict("records"))) == in_full(original)


def test_records_frame_has_schema_dtypes_even_when_empty() -> None:
    """The frame's dtypes are SCHEMA's, with or without rows."""
    pytest.importorskip("pandas")
    for rows in ([], flat_records("a", quotetrack.analyze(ARTICLE))):
        frame = records_frame(rows)
        assert list(frame.columns) == list(SCHEMA)
        assert {c: str(t) for c, t in frame.dtypes.items()} == dict(SCHEMA)


def test_arrow_and_spark_schemas_name_every_column() -> None:
    """The Arrow schema and the Spark DDL list the SCHEMA columns with matching types."""
    pytest.importorskip("pyarrow")
    schema = arrow_schema()
    assert schema.names == list(SCHEMA)
    assert str(schema.field("speaker_start").type) == "int64"
    assert str(schema.field("sentiment_compound").type) == "double"
    ddl = dict(part.split(" ") for part in spark_schema().split(", "))
    assert list(ddl) == list(SCHEMA)
    assert ddl["quote_index"] == "long"
    assert ddl["sentiment_neutral"] == "double"


def test_bad_inputs_raise_input_type_error() -> None:
    """A non-str doc_id, a non-Quote item or a record missing a column raise InputTypeError."""
    quote = quotetrack.parse(ARTICLE)[0]
    with pytest.raises(InputTypeError, match="doc_id"):
        flat_records(7, [quote])  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match=r"quotes\[1\] must be a Quote"):
        flat_records("a", [quote, {"text": "x"}])  # type: ignore[list-item]
    [row] = flat_records("a", [quote])
    del row["cue_start"]
    with pytest.raises(InputTypeError, match=r"records\[0\] has no 'cue_start'"):
        quotes_from_records([row])


def test_extra_metadata_columns_are_ignored() -> None:
    """Document metadata carried on the rows does not disturb the quotes read back."""
    original = quotetrack.analyze(ARTICLE)
    rows = [{**row, "outlet": "Post", "published": None} for row in flat_records("a", original)]
    assert quotes_from_records(rows) == original


def test_importing_flat_imports_no_pandas() -> None:
    """quotetrack.flat (and quotetrack) import neither pandas, pyarrow nor dask."""
    code = (
        "import sys, quotetrack, quotetrack.flat; "
        "print(sorted(m for m in ('pandas', 'pyarrow', 'dask') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_analyze_batches_gives_typed_frames_per_batch() -> None:
    """Each pandas batch becomes one typed quote frame equal to analyze's quotes."""
    pd = pytest.importorskip("pandas")
    texts = [ARTICLE, "No quotes.", "“We will win,” Smith said."]
    batches = [
        pd.DataFrame({"id": ["a", "b"], "body": texts[:2]}),
        pd.DataFrame({"id": ["c"], "body": texts[2:]}),
    ]
    frames = list(analyze_batches(batches, text="body", doc_id="id"))
    assert len(frames) == 2
    assert all({c: str(t) for c, t in f.dtypes.items()} == dict(SCHEMA) for f in frames)
    both = pd.concat(frames)
    for doc, text in zip("abc", texts, strict=True):
        rows = both[both["doc_id"] == doc].to_dict("records")
        assert quotes_from_records(rows) == quotetrack.analyze(text)
    [unscored] = analyze_batches(batches[1:], text="body", doc_id="id", sentiment=False)
    assert quotes_from_records(unscored.to_dict("records")) == quotetrack.parse(texts[2])


def test_analyze_batches_names_a_document_without_text() -> None:
    """A missing text in a batch raises InputTypeError naming its document."""
    pd = pytest.importorskip("pandas")
    batch = pd.DataFrame({"doc_id": ["x", "y"], "text": ["fine", None]})
    with pytest.raises(InputTypeError, match="'y'"):
        list(analyze_batches([batch]))
