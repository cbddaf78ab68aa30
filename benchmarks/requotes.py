"""Ingest time per article as copies of one quoted line grow (issue 14, defect 9).

Usage::

    python benchmarks/requotes.py                  # K = 500, 1000, 2000, 4000
    python benchmarks/requotes.py --copies 250 500 --json

K one-quote articles carrying the same line are added to a fresh store on disk; the
script reports the CPU time per article over the last 200 (``time.process_time``), and
its growth against the smallest K. Flat cost gives a growth of about 1; the quadratic
clustering this measures (every copy counted every indexed copy) gave 1.6 s for K=500
and 54 s for K=4,000 in total. Analysis is done once and stored with
``add_analyzed``, so the figure is the store's cost, not the parser's.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from quotetrack import analyze
from quotetrack.models import Document
from quotetrack.tracker import Tracker

LINE = "“We are going to build a great wall and Mexico is going to pay for it,” Trump said."
TAIL = 200


def per_article(k: int) -> float:
    """CPU seconds per article over the last TAIL of k copies."""
    quotes = analyze(LINE)
    with tempfile.TemporaryDirectory() as folder, Tracker(Path(folder) / "q.db") as tracker:
        start = 0.0
        for i in range(k):
            if i == k - TAIL:
                start = time.process_time()
            document = Document(LINE, f"copy{i}", "2016-09-12", f"o{i % 7}")
            tracker.add_analyzed(document, quotes)
        return (time.process_time() - start) / TAIL


def main() -> None:
    """Print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[500, 1000, 2000, 4000])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = [(k, per_article(k)) for k in sorted(args.copies)]
    base = rows[0][1]
    if args.json:
        print(
            json.dumps(
                [{"copies": k, "ms_per_article": t * 1e3, "growth": t / base} for k, t in rows]
            )
        )
        return
    print(f"{'copies':>7} {'ms/article':>11} {'growth':>7}")
    for k, t in rows:
        print(f"{k:>7} {t * 1e3:>11.2f} {t / base:>7.2f}")


if __name__ == "__main__":
    main()
