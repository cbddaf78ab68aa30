"""Instructions per pass of parse and analyze over a PolNeAR split, counted by valgrind.

Usage::

    python benchmarks/instructions.py [SPLIT_DIR] [--checkout DIR] [--cache]

CPU time on a shared machine moves with the load; an instruction count does not (the same
program on the same input counts the same, whatever else runs). For each of parse and
analyze, this runs the checkout's ``quotetrack`` (``DIR``, default this one) under
``valgrind --tool=callgrind`` three times — warm-up only, warm-up and one parse pass,
warm-up and one analyze pass — and prints the differences: the instructions of one pass.
Needs valgrind (Debian's ``valgrind``); each run takes about a minute. Compare two
versions by running it once for each ``--checkout``. Instructions are not time: a version
can run fewer instructions and still take more CPU time (cache misses, a larger working
set), so read this beside ``benchmarks/cpu_speed.py``. ``--cache`` measures that too: valgrind
then also simulates the data caches and prints each pass's read misses — in the first
level (48 KB, this machine's L1d) and in a last level of 1 MB (its per-core L2; valgrind
would otherwise model the whole shared L3) — each of which costs far more than an
instruction. The runs take about three times as long.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

DEFAULT_SPLIT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"

_WORKLOAD = """
import sys
from pathlib import Path
import quotetrack
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for text in texts:
    quotetrack.analyze(text)
for run, passes in ((quotetrack.parse, int(sys.argv[2])), (quotetrack.analyze, int(sys.argv[3]))):
    for _ in range(passes):
        for text in texts:
            run(text)
"""


# the simulated caches of --cache: size, associativity and line size in bytes
_CACHES = ("--I1=32768,8,64", "--D1=49152,12,64", "--LL=1048576,16,64")
# the counts printed: instructions, then (with --cache) first- and last-level read misses
_EVENTS = ("Ir", "D1mr", "DLmr")


def _count(checkout: Path, texts: Path, parse: int, analyze: int, cache: bool) -> list[int]:
    """Instructions (and read misses) of the workload with ``parse`` and ``analyze``
    passes after warm-up."""
    env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONHASHSEED": "0"}
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    if cache:
        valgrind += ["--cache-sim=yes", *_CACHES]
    done = subprocess.run(
        [*valgrind, sys.executable, "-c", _WORKLOAD, str(texts), str(parse), str(analyze)],
        env=env,
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    )
    events = re.search(r"Events *: ([\w ]+)", done.stderr)
    found = re.search(r"Collected *: ([\d ]+)", done.stderr)
    if events is None or found is None:
        raise SystemExit(f"valgrind printed no count:\n{done.stderr[-2000:]}")
    counts = dict(zip(events.group(1).split(), map(int, found.group(1).split()), strict=True))
    return [counts[e] for e in _EVENTS if e in counts]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("split", type=Path, nargs="?", default=DEFAULT_SPLIT, help="a PolNeAR split")
    ap.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parents[1])
    ap.add_argument("--cache", action="store_true", help="also count simulated cache misses")
    args = ap.parse_args(argv)
    texts = args.split.resolve() / "text"
    if not any(texts.glob("*.txt")):
        raise SystemExit(f"no texts under {texts}")
    checkout = args.checkout.resolve()
    base = _count(checkout, texts, 0, 0, args.cache)
    print(f"{checkout}, per pass:")
    for name, passes in (("parse", (1, 0)), ("analyze", (0, 1))):
        run = _count(checkout, texts, *passes, args.cache)
        counts = [n - b for n, b in zip(run, base, strict=True)]
        figures = [f"{counts[0] / 1e6:,.0f}M instructions"]
        if args.cache:
            figures.append(f"{counts[1] / 1e6:,.2f}M first-level read misses")
            figures.append(f"{counts[2] / 1e6:,.2f}M last-level read misses")
        print(f"  {name}: {', '.join(figures)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
