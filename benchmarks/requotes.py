"""Ingest time per article as copies of one quoted line grow (issue 14, defect 9).

Usage::

    python benchmarks/requotes.py                  # K = 500, 1000, 2000, 4000
    python benchmarks/requotes.py --copies 250 500 --case near --json

K one-quote articles carrying the same line are added to a fresh store on disk, as
exact copies and as near copies (each with words of its own, ``--case near``: a line of
its own, so indexed, its shared 4-grams' posting lists growing with K); the script
reports the CPU time per article over the last 200 (``time.process_time``), and
its growth against the smallest K. Flat cost gives a growth of about 1; the quadratic
clustering this measures (every copy counted every indexed copy) gave 1.6 s for K=500
and 54 s for K=4,000 in total. Quotes are analysed before the clock starts and stored
with ``add_analyzed``, so the figure is the store's cost, not the parser's. Near copies
took 1.23, 1.84, 2.92 and 6.04 ms at K = 250 .. 2,000 (review item 7) before the index
rows read per 4-gram were capped (``quotetrack.store.clusters.POSTINGS``).
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
CASES = ("exact", "near")


def copy_of(case: str, i: int) -> str:
    """Copy i of the line: verbatim, or a near copy with words of its own (each outlet's
    edit), which is a line of its own and so indexed."""
    if case == "exact":
        return LINE
    return LINE.replace("it,”", f"it, believe me number {i},”")


def per_article(k: int, case: str) -> float:
    """CPU seconds per article over the last TAIL of k copies."""
    exact = analyze(LINE)
    texts = [copy_of(case, i) for i in range(k)]
    analysed = [exact if text == LINE else analyze(text) for text in texts]
    with tempfile.TemporaryDirectory() as folder, Tracker(Path(folder) / "q.db") as tracker:
        start = 0.0
        for i, (text, quotes) in enumerate(zip(texts, analysed, strict=True)):
            if i == k - TAIL:
                start = time.process_time()
            tracker.add_analyzed(Document(text, f"copy{i}", "2016-09-12", f"o{i % 7}"), quotes)
        return (time.process_time() - start) / TAIL


def main() -> None:
    """Print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[500, 1000, 2000, 4000])
    parser.add_argument("--case", choices=CASES, nargs="+", default=list(CASES))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    table = []
    for case in args.case:
        rows = [(k, per_article(k, case)) for k in sorted(args.copies)]
        base = rows[0][1]
        table += [
            {"case": case, "copies": k, "ms_per_article": t * 1e3, "growth": t / base}
            for k, t in rows
        ]
    if args.json:
        print(json.dumps(table))
        return
    print(f"{'case':>6} {'copies':>7} {'ms/article':>11} {'growth':>7}")
    for row in table:
        print(
            f"{row['case']:>6} {row['copies']:>7} {row['ms_per_article']:>11.2f}"
            f" {row['growth']:>7.2f}"
        )


if __name__ == "__main__":
    main()
