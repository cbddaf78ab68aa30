"""CPU time of parse and analyze over PolNeAR dev, for comparing two versions in one run.

Usage::

    PYTHONPATH=CHECKOUT python benchmarks/cpu_speed.py [SPLIT_DIR] [--passes 3]

Prints words per CPU-second (``time.process_time``, best of ``--passes`` passes over the
split's texts) for the ``quotetrack`` that ``PYTHONPATH`` points at. Wall-clock speed on a
shared machine swings by a factor of two; CPU time much less. To compare two versions, run
this alternately for each checkout, several rounds, and compare the medians::

    for i in 1 2 3; do
      (cd /tmp/old && PYTHONPATH=. python $OLDPWD/benchmarks/cpu_speed.py $SPLIT)
      PYTHONPATH=. python benchmarks/cpu_speed.py $SPLIT
    done
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import quotetrack

DEFAULT_SPLIT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("split", type=Path, nargs="?", default=DEFAULT_SPLIT, help="a PolNeAR split")
    ap.add_argument("--passes", type=int, default=3, help="passes over the texts (best counts)")
    args = ap.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted((args.split / "text").glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no texts under {args.split / 'text'}")
    words = sum(len(t.split()) for t in texts)
    for text in texts[:5]:  # warm caches and lexicons once
        quotetrack.analyze(text)
    rates = {}
    for name, run in (("parse", quotetrack.parse), ("analyze", quotetrack.analyze)):
        best = float("inf")
        for _ in range(args.passes):
            start = time.process_time()
            for text in texts:
                run(text)
            best = min(best, time.process_time() - start)
        rates[name] = words / best
    print(
        f"{quotetrack.__file__}: parse {rates['parse']:,.0f} analyze {rates['analyze']:,.0f}"
        " words per CPU-second"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
