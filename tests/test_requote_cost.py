"""Re-quote clustering stays flat as copies of one line grow (issue 14, defect 9).

Every copy of a line used to add its 4-grams to the shingle index, so the K-th copy
counted K-1 rows per 4-gram before the cut to the top candidates: K one-quote articles
took quadratic time. A copy with the same words and speaker as an indexed quote is
now clustered without being indexed again. These tests count index rows, not seconds
(``benchmarks/requotes.py`` measures the time).
"""

from __future__ import annotations

import sqlite3

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
