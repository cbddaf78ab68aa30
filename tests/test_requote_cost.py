"""Re-quote clustering stays flat as copies of one line grow (issue 14, defect 9).

Every copy of a line used to add its 4-grams to the shingle index, so the K-th copy
counted K-1 rows per 4-gram before the cut to the top candidates: K one-quote articles
took quadratic time. A copy with the same words and speaker as an indexed quote is
now clustered without being indexed again. These tests count index rows, not seconds
(``benchmarks/requotes.py`` measures the time).
"""

from __future__ import annotations

import sqlite3

import pytest

from quotetrack import analyze
from quotetrack.models import Document, Quote
from quotetrack.store import clusters as store_clusters
from quotetrack.tracker import Tracker

LINE = "“We are going to build a great wall and Mexico is going to pay for it,” Trump said."


def shingle_rows(tracker: Tracker) -> int:
    """Rows in the store's 4-gram index."""
    conn: sqlite3.Connection = tracker._conn  # the index is internal: count it directly
    return int(conn.execute("SELECT COUNT(*) FROM shingles").fetchone()[0])


def copies(tracker: Tracker, start: int, n: int) -> None:
    """n one-quote articles carrying LINE."""
    for i in range(start, start + n):
        tracker.add(LINE, doc_id=f"copy{i}", published="2016-09-12", outlet=f"o{i % 7}")


def test_the_index_does_not_grow_with_exact_copies() -> None:
    """Two copies or sixty: the same index rows, one cluster with every article."""
    with Tracker(":memory:") as tracker:
        copies(tracker, 0, 2)
        two = shingle_rows(tracker)
        copies(tracker, 2, 58)
        assert shingle_rows(tracker) == two
        (cluster,) = tracker.clusters()
        assert cluster.articles == 60


def test_a_copy_still_joins_after_the_indexed_one_is_replaced() -> None:
    """Replacing the article whose quote was indexed re-indexes a remaining copy, so a
    later copy still finds the cluster."""
    with Tracker(":memory:") as tracker:
        copies(tracker, 0, 5)
        tracker.add("No quote here any more.", doc_id="copy0", published=None, replace=True)
        assert shingle_rows(tracker) > 0
        copies(tracker, 5, 1)
        (cluster,) = tracker.clusters()
        assert cluster.articles == 5 and "copy0" not in cluster.doc_ids


def test_a_near_copy_is_still_indexed_and_clustered() -> None:
    """A copy with a word changed is indexed (it is a different line) and clustered."""
    with Tracker(":memory:") as tracker:
        copies(tracker, 0, 3)
        before = shingle_rows(tracker)
        tracker.add(LINE.replace("great", "big"), doc_id="near", published=None)
        assert shingle_rows(tracker) > before
        (cluster,) = tracker.clusters()
        assert cluster.articles == 4


def steps_to_add(tracker: Tracker, document: Document, quotes: tuple[Quote, ...]) -> int:
    """SQLite virtual-machine steps (in units of 100) that storing one article takes: a
    count of the work done, the same on a busy or an idle machine."""
    conn: sqlite3.Connection = tracker._conn
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(tick, 100)
    try:
        tracker.add_analyzed(document, quotes)
    finally:
        conn.set_progress_handler(None, 0)
    return steps[0]


def test_the_cost_of_a_near_copy_stays_flat_as_near_copies_grow(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Near copies ("…, believe me number 17") are each a different line, so each is
    indexed, and each 4-gram of the line gets a posting list as long as the copies: the
    work per copy used to grow with it (review item 7). Rows read per 4-gram are capped
    (a cap of 16 here, to see it with few copies), so copy 240 costs what copy 60 does,
    and every copy still joins the one cluster."""
    monkeypatch.setattr(store_clusters, "POSTINGS", 16)
    with Tracker(":memory:") as tracker:

        def near(i: int) -> int:
            text = LINE.replace("it,”", f"it, believe me number {i},”")
            document = Document(text, f"near{i}", "2016-09-12")
            return steps_to_add(tracker, document, analyze(text))

        for i in range(60):
            near(i)
        early = sum(near(i) for i in range(60, 70))
        for i in range(70, 240):
            near(i)
        late = sum(near(i) for i in range(240, 250))
        (cluster,) = tracker.clusters()
        assert cluster.articles == 250
    assert late < 1.3 * early, (early, late)
