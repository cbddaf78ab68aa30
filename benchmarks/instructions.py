"""Instructions per pass of parse and analyze over a PolNeAR split, counted by valgrind.

Usage::

    python benchmarks/instructions.py [SPLIT_DIR] [--checkout DIR]

CPU time on a shared machine moves with the load; an instruction count does not (the same
program on the same input counts the same, whatever else runs). For each of parse and
analyze, this runs the checkout's ``quotetrack`` (``DIR``, default this one) under
``valgrind --tool=callgrind`` three times — warm-up only, warm-up and one parse pass,
warm-up and one analyze pass — and prints the differences: the instructions of one pass.
Needs valgrind (Debian's ``valgrind``); each run takes about a minute. Compare two
versions by running it once for each ``--checkout``. Instructions are not time: a version
can run fewer instructions and still take more CPU time (cache misses, a larger working
set), so read this beside ``benchmarks/cpu_speed.py``.
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


def _count(checkout: Path, texts: Path, parse: int, analyze: int) -> int:
    """Instructions of the workload with ``parse`` and ``analyze`` passes after warm-up."""
    env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONHASHSEED": "0"}
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    done = subprocess.run(
        [*valgrind, sys.executable, "-c", _WORKLOAD, str(texts), str(parse), str(analyze)],
        env=env,
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("split", type=Path, nargs="?", default=DEFAULT_SPLIT, help="a PolNeAR split")
    ap.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parents[1])
    args = ap.parse_args(argv)
    texts = args.split.resolve() / "text"
    if not any(texts.glob("*.txt")):
        raise SystemExit(f"no texts under {texts}")
    checkout = args.checkout.resolve()
    base = _count(checkout, texts, 0, 0)
    parse = _count(checkout, texts, 1, 0) - base
    analyze = _count(checkout, texts, 0, 1) - base
    print(
        f"{checkout}: parse {parse / 1e6:,.0f}M analyze {analyze / 1e6:,.0f}M instructions per pass"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
