"""The Spark recipe of docs/scale.md: mapInPandas with analyze_batches on a local session."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pyspark_sql = pytest.importorskip(
    "pyspark.sql", reason="pyspark is not installed (optional: pip install pyspark)"
)
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("pyspark needs a Java runtime, and none was found", allow_module_level=True)

import quotetrack  # noqa: E402
from quotetrack.flat import SCHEMA, analyze_batches, quotes_from_records, spark_schema  # noqa: E402
from tests.equality import in_full  # noqa: E402

# pyspark 4.x warns that it does not fully support pandas 3 yet, and about pandas 3's copy=
pytestmark = pytest.mark.filterwarnings(
    "ignore::FutureWarning", "ignore:The copy keyword is deprecated"
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev" / "text"

SYNTHETIC = [
    "“We will win this election, and we will win it big,” Smith said.",
    "No quotation marks here at all.",
    "“I love it,” she said. “It is wonderful and kind.”",
]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """A local two-core Spark session whose Python workers run this interpreter."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("quotetrack-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_map_in_pandas_equals_single_process(spark: Any) -> None:
    """mapInPandas(analyze_batches, spark_schema()) gives analyze's quotes per document."""
    if POLNEAR_DEV.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_DEV.glob("*.txt"))[:8]]
    else:
        texts = SYNTHETIC
    rows = [(f"d{i}", t) for i, t in enumerate(texts)]
    articles = spark.createDataFrame(rows, "doc_id string, text string").repartition(2)
    quotes = articles.mapInPandas(analyze_batches, spark_schema())
    frame = quotes.toPandas()
    assert list(frame.columns) == list(SCHEMA)
    frame = frame.sort_values(["doc_id", "quote_index"])
    for doc, text in rows:
        records = frame[frame["doc_id"] == doc].to_dict("records")
        assert in_full(quotes_from_records(records)) == in_full(quotetrack.analyze(text)), doc
