"""Throughput of parse and analyze over PolNeAR dev (or the seed), and peak memory.

Usage::

    python benchmarks/speed.py [SPLIT_DIR] [--runs 5]

Reports the median of ``--runs`` runs in one process, words/s for ``parse`` and for
``analyze`` (parse + sentiment), and the process's peak resident memory. A baseline (a
plain regex scan for quotation marks over the same texts) is timed in the same run so
figures from a noisy shared machine can be compared as ratios.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import quotetrack

ROOT = Path(__file__).resolve().parents[1]


def load_texts(split: Path | None) -> list[str]:
    """The texts of a PolNeAR split, or the seed article when no split is given."""
    if split is not None and (split / "text").is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted((split / "text").glob("*.txt"))]
    return [(ROOT / "seeds" / "000_f3ec5699876e8cf6.txt").read_text(encoding="utf-8")] * 50


def median_seconds(fn: Callable[[str], object], texts: list[str], runs: int) -> float:
    """Median wall time of running ``fn`` over every text, ``runs`` times."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for text in texts:
            fn(text)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


_MARKS = re.compile(r"[\"“”]")


def baseline(text: str) -> int:
    """The cheapest possible pass: count quotation marks."""
    return len(_MARKS.findall(text))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("split", nargs="?", type=Path, help="a PolNeAR split folder")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    texts = load_texts(args.split)
    words = sum(len(t.split()) for t in texts)
    quotetrack.analyze(texts[0])  # warm up: load lexicons and VADER once
    base = median_seconds(baseline, texts, args.runs)
    parse = median_seconds(quotetrack.parse, texts, args.runs)
    analyze = median_seconds(quotetrack.analyze, texts, args.runs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(texts)} texts, {words:,} words, median of {args.runs} runs")
    print(f"{'stage':<10}{'seconds':>10}{'words/s':>14}{'x baseline':>12}")
    for name, secs in (("baseline", base), ("parse", parse), ("analyze", analyze)):
        print(f"{name:<10}{secs:>10.3f}{words / secs:>14,.0f}{secs / base:>12.1f}")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
