"""The tracker on real news: ingest PolNeAR train+dev (924 articles) and report.

Usage::

    python benchmarks/tracker.py ../shared/data/polnear [--repeat 3] [--workers 1] [--json]

Each repeat ingests both splits into a fresh store on one core (extraction, sentiment,
SQLite writes, identity and clustering included), with dates and outlets from
``metadata.tsv``. Reported: the median ingest rate (wall clock, and per CPU second spent
by this process and its extraction workers, which is what "one core" means on a busy
machine), the store's size, the
top ten speakers with their merged aliases, monthly timelines for Donald Trump and
Hillary Clinton, the quote clusters carried by two articles or more, with examples, and
the identity check of ``people_check.py``: for each of the most quoted people of the
campaign (``people_2016.tsv``), how many records name them, the share of their quotes in
the largest, aliases that belong to someone else, and names that keep role words.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import people_check

from quotetrack.ingest import iter_documents, read_metadata
from quotetrack.tracker import Tracker


def ingest(root: Path, db: Path, workers: int) -> dict[str, float]:
    """Ingest train and dev into ``db``; wall and CPU seconds, articles and quotes."""
    metadata = read_metadata(root / "metadata.tsv")
    wall, cpu = time.perf_counter(), _cpu()
    with Tracker(db) as tracker:
        documents = iter_documents([root / "train", root / "dev"], metadata=metadata)
        summary = tracker.add_many(documents, workers=workers)
    return {
        "articles": summary.added,
        "quotes": summary.quotes,
        "wall_s": time.perf_counter() - wall,
        "cpu_s": _cpu() - cpu,
    }


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (extraction workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def report(db: Path, people: Path = people_check.LIST) -> dict[str, Any]:
    """What the store says: speakers, timelines, clusters, the identity check."""
    with Tracker.existing(db) as tracker:
        stats = tracker.stats()
        identity = people_check.check(tracker.speakers(), people_check.load(people))
        top = tracker.speakers(limit=10)
        timelines = {
            name: [
                {"month": p.period, "quotes": p.quotes, "mean_compound": p.mean_compound}
                for p in tracker.timeline(name, freq="month")
            ]
            for name in ("Donald Trump", "Hillary Clinton")
        }
        clusters = tracker.clusters(min_articles=2)
        unlinked = sum(1 for q in tracker.quotes() if q.speaker is None and q.quote.speaker)
    return {
        "documents": stats.documents,
        "quotes": stats.quotes,
        "speakers": stats.speakers,
        "attributed_quotes_without_a_followed_speaker": unlinked,
        "top_speakers": [
            {
                "name": s.name,
                "quotes": s.quotes,
                "articles": s.articles,
                "mean_compound": s.mean_compound,
                "aliases": list(s.aliases),
            }
            for s in top
        ],
        "timelines": timelines,
        "identity": identity,
        "clusters_2plus": len(clusters),
        "clusters_3plus": sum(1 for c in clusters if c.articles >= 3),
        "clustered_quotes": sum(c.occurrences for c in clusters),
        "cross_outlet_clusters": sum(1 for c in clusters if len(c.outlets) >= 2),
        "cluster_examples": [
            {
                "articles": c.articles,
                "occurrences": c.occurrences,
                "outlets": list(c.outlets),
                "first_seen": c.first_seen.isoformat() if c.first_seen else None,
                "speaker": c.speaker,
                "quotation": c.quotation,
            }
            for c in clusters[:8]
        ],
    }


def _print(result: dict[str, Any]) -> None:
    runs = result["runs"]
    print(f"PolNeAR train+dev: {runs[0]['articles']} articles, {runs[0]['quotes']} quotes")
    print(
        f"ingest, median of {len(runs)}: {result['rate_wall']:.1f} articles/s wall clock, "
        f"{result['rate_cpu']:.1f} articles per CPU second, workers included "
        f"(workers={result['workers']})"
    )
    print(f"store size: {result['db_bytes'] / 1e6:.1f} MB")
    print(
        f"speakers: {result['speakers']}; attributed quotes with no followed speaker "
        f"(pronoun or non-name the parser could not resolve): "
        f"{result['attributed_quotes_without_a_followed_speaker']}"
    )
    print("\ntop ten speakers (quotes, articles, mean compound; aliases):")
    for i, s in enumerate(result["top_speakers"], 1):
        mean = f"{s['mean_compound']:+.3f}" if s["mean_compound"] is not None else "   n/a"
        print(f"{i:>2}. {s['name']:<18} {s['quotes']:>4} {s['articles']:>4} {mean}  ")
        print(f"      {'; '.join(s['aliases'])}")
    print("\nidentity check (people_check.py):")
    for line in people_check.render(result["identity"]):
        print(line)
    for name, points in result["timelines"].items():
        print(f"\n{name}, by month (quotes, mean compound):")
        for p in points:
            mean = f"{p['mean_compound']:+.3f}" if p["mean_compound"] is not None else "   n/a"
            print(f"  {p['month']}  {p['quotes']:>4}  {mean}  {'#' * p['quotes']}")
    print(
        f"\nclusters in 2+ articles: {result['clusters_2plus']} "
        f"({result['clusters_3plus']} in 3+; {result['cross_outlet_clusters']} across outlets; "
        f"{result['clustered_quotes']} quotes in them)"
    )
    for c in result["cluster_examples"]:
        print(
            f"  {c['articles']} articles, {c['occurrences']}x, {', '.join(c['outlets'])}, "
            f"first {c['first_seen']}, {c['speaker']}: {c['quotation'][:110]!r}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("root", type=Path, help="the PolNeAR folder (train/, dev/, metadata.tsv)")
    ap.add_argument("--repeat", type=int, default=3, help="ingest runs (default 3)")
    ap.add_argument("--workers", type=int, default=1, help="extraction processes (default 1)")
    ap.add_argument("--keep", type=Path, help="keep the last store here")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument(
        "--people", type=Path, default=people_check.LIST, help="the list of people to check"
    )
    ap.add_argument("--report-only", type=Path, help="check this existing store, no ingest")
    args = ap.parse_args(argv)
    if args.report_only:
        _print_check(report(args.report_only, args.people), args.json)
        return 0
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            db = Path(tmp) / f"run{i}.db"
            runs.append(ingest(args.root, db, args.workers))
        result: dict[str, Any] = {
            "workers": args.workers,
            "runs": runs,
            "rate_wall": statistics.median(r["articles"] / r["wall_s"] for r in runs),
            "rate_cpu": statistics.median(r["articles"] / r["cpu_s"] for r in runs),
            "db_bytes": db.stat().st_size,
            **report(db, args.people),
        }
        if args.keep:
            args.keep.write_bytes(db.read_bytes())
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
    else:
        _print(result)
    return 0


def _print_check(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        json.dump(result["identity"], sys.stdout, indent=1)
        print()
    else:
        print("\n".join(people_check.render(result["identity"])))


if __name__ == "__main__":
    sys.exit(main())
