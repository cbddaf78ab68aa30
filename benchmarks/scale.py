"""Scale-out: speed-up of ``analyze_many`` with 2 workers, and memory on a long stream.

Usage::

    python benchmarks/scale.py                       # both parts, PolNeAR train beside the repo
    python benchmarks/scale.py --part speed --repeats 5
    python benchmarks/scale.py --part memory --articles 100000
    python benchmarks/scale.py --json

**Speed** runs :func:`quotetrack.analyze_many` over every PolNeAR train text with
``workers=1`` (in-process) and ``workers=2``, alternating, ``--repeats`` times each, and
reports the median wall time of each and their ratio (the speed-up), all measured in
this one run. On a shared machine wall time also measures the neighbours, so it also
reports the CPU seconds other jobs used during each run (from ``/proc/stat``), the ratio
of the back-to-back pair they disturbed least, and the CPU seconds of the parent and of
the workers, which give the speed-up the work allows on two idle cores.

**Memory** streams ``--articles`` synthetic articles (PolNeAR train texts cycled, each
with a distinct first line so no two are equal) from a generator through
``analyze_many(workers=2)``, keeps only a quote count, and prints the resident memory
(current and peak, from ``/proc``) of the parent and of each worker after 10%, 50% and
100% of the stream: flat numbers mean memory does not grow with the input's length.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import quotetrack

DEFAULT_SPLIT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train"


def load_texts(split: Path) -> list[str]:
    """Every ``text/*.txt`` of a PolNeAR split, sorted by name."""
    paths = sorted((split / "text").glob("*.txt"))
    if not paths:
        raise SystemExit(f"no texts under {split / 'text'}: give the split with --split")
    return [p.read_text(encoding="utf-8") for p in paths]


def _cpu() -> tuple[float, float]:
    """(parent, reaped children) CPU seconds so far."""
    self_, children = os.times()[0:2], os.times()[2:4]
    return sum(self_), sum(children)


def _status(pid: int | str) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process in MB, from /proc (Linux)."""
    out: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    out[key] = int(value.split()[0]) // 1024
    except OSError:
        pass
    return out


def _machine_busy() -> float:
    """CPU seconds all processes on the machine have used so far (Linux /proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            ticks = [int(v) for v in fh.readline().split()[1:]]
    except OSError:
        return float("nan")
    busy = sum(ticks) - ticks[3] - ticks[4]  # everything but idle and iowait
    return busy / os.sysconf("SC_CLK_TCK")


def speed(texts: list[str], repeats: int, chunksize: int) -> dict[str, Any]:
    """Median wall time of analyze_many with 1 and 2 workers, alternating runs."""
    words = sum(len(t.split()) for t in texts)
    list(quotetrack.analyze_many(texts[:20], workers=1))  # warm caches and the lexicon
    walls: dict[int, list[float]] = {1: [], 2: []}
    cpu: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    others: dict[int, list[float]] = {1: [], 2: []}
    quotes: dict[int, int] = {}
    for _ in range(repeats):
        for workers in (1, 2):
            p0, c0 = _cpu()
            m0 = _machine_busy()
            t0 = time.perf_counter()
            n = sum(len(q) for q in quotetrack.analyze_many(texts, workers, chunksize))
            walls[workers].append(time.perf_counter() - t0)
            p1, c1 = _cpu()
            cpu[workers].append((p1 - p0, c1 - c0))
            # CPU the rest of the machine used meanwhile: other jobs competing for cores
            others[workers].append(_machine_busy() - m0 - (p1 - p0) - (c1 - c0))
            quotes[workers] = n
    if quotes[1] != quotes[2]:
        raise SystemExit(f"1 and 2 workers found different quote counts: {quotes}")
    med = {w: statistics.median(v) for w, v in walls.items()}
    return {
        "texts": len(texts),
        "words": words,
        "quotes": quotes[1],
        "repeats": repeats,
        "chunksize": chunksize,
        "wall_1": med[1],
        "wall_2": med[2],
        "speedup": med[1] / med[2],
        # each 1-worker run against the 2-worker run right after it: both saw about the
        # same background load, so this ratio is steadier on a shared machine
        "paired_speedup": statistics.median(a / b for a, b in zip(walls[1], walls[2], strict=True)),
        "runs_1": walls[1],
        "runs_2": walls[2],
        "others_1": others[1],
        "others_2": others[2],
        # the back-to-back pair that other jobs disturbed least
        "quietest_pair": min(
            zip(walls[1], walls[2], others[1], others[2], strict=True),
            key=lambda r: r[2] + r[3],
        ),
        "cpu_parent_2": statistics.median(c[0] for c in cpu[2]),
        "cpu_workers_2": statistics.median(c[1] for c in cpu[2]),
        "cpu_1": statistics.median(c[0] for c in cpu[1]),
        "cpu_bound": statistics.median(c[0] for c in cpu[1])
        / max(
            statistics.median(c[1] for c in cpu[2]) / 2,
            statistics.median(c[0] for c in cpu[2]),
        ),
        "cpus": os.cpu_count(),
        "load": os.getloadavg(),
    }


def _print_checkpoint(r: dict[str, Any]) -> None:
    workers = ", ".join(
        f"{a}/{b}" for a, b in zip(r["workers_rss"], r["workers_peak"], strict=True)
    )
    print(
        f"  {r['articles']:>8,} {r['seconds']:>9.1f} {r['quotes']:>8,}"
        f"   {r['parent_rss']:>6}/{r['parent_peak']:<6}     {workers}",
        flush=True,
    )


def memory(texts: list[str], articles: int, chunksize: int, quiet: bool) -> dict[str, Any]:
    """Resident memory of parent and workers at 10%, 50% and 100% of a long stream."""
    marks = sorted({max(1, articles // 10), max(1, articles // 2), articles})

    def stream() -> Iterator[str]:
        for i in range(articles):
            yield f"Article {i}.\n\n{texts[i % len(texts)]}"

    rows = []
    if not quiet:
        print(f"memory: stream of {articles:,} articles, workers=2 (MB, from /proc)")
        print("  articles   seconds   quotes   parent rss/peak   workers rss/peak", flush=True)
    n_quotes = 0
    t0 = time.perf_counter()
    for i, quotes in enumerate(quotetrack.analyze_many(stream(), 2, chunksize), start=1):
        n_quotes += len(quotes)
        if i in marks:
            workers = [_status(p.pid) for p in multiprocessing.active_children() if p.pid]
            parent = _status("self")
            row = {
                "articles": i,
                "seconds": time.perf_counter() - t0,
                "quotes": n_quotes,
                "parent_rss": parent.get("VmRSS"),
                "parent_peak": parent.get("VmHWM"),
                "workers_rss": [w.get("VmRSS") for w in workers],
                "workers_peak": [w.get("VmHWM") for w in workers],
            }
            rows.append(row)
            if not quiet:
                _print_checkpoint(row)
    return {"articles": articles, "chunksize": chunksize, "checkpoints": rows}


def main(argv: list[str] | None = None) -> int:
    """Run the chosen parts and print a table (or JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", type=Path, default=DEFAULT_SPLIT, help="PolNeAR split folder")
    ap.add_argument("--part", choices=("speed", "memory", "both"), default="both")
    ap.add_argument("--repeats", type=int, default=3, help="runs per worker count (median)")
    ap.add_argument("--articles", type=int, default=100_000, help="length of the memory stream")
    ap.add_argument("--chunksize", type=int, default=quotetrack.parallel.DEFAULT_CHUNKSIZE)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    texts = load_texts(args.split)
    out: dict[str, Any] = {}
    if args.part in ("speed", "both"):
        s = out["speed"] = speed(texts, args.repeats, args.chunksize)
        if not args.json:
            print(
                f"speed: {s['texts']} texts, {s['words']:,} words, {s['quotes']} quotes, "
                f"chunksize {s['chunksize']}, median of {s['repeats']} "
                f"(cpus {s['cpus']}, load {s['load'][0]:.2f})"
            )
            for w in (1, 2):
                print(
                    f"  workers={w}  {s[f'wall_{w}']:.2f} s   runs"
                    f" {[round(r, 2) for r in s[f'runs_{w}']]}   CPU s used by other jobs"
                    f" meanwhile {[round(r, 1) for r in s[f'others_{w}']]}"
                )
            print(
                f"  speed-up   {s['speedup']:.2f}x (ratio of medians);"
                f" {s['paired_speedup']:.2f}x (median of back-to-back pairs)"
            )
            a, b, oa, ob = s["quietest_pair"]
            print(
                f"  quietest pair (other jobs used {oa + ob:.1f} CPU s): {a:.2f} s / {b:.2f} s"
                f" = {a / b:.2f}x"
            )
            print(
                f"  CPU s: 1 worker {s['cpu_1']:.2f}; 2 workers: parent {s['cpu_parent_2']:.2f}"
                f" + workers {s['cpu_workers_2']:.2f}; speed-up this CPU time allows on 2"
                f" idle cores: {s['cpu_bound']:.2f}x"
            )
            sys.stdout.flush()
    if args.part in ("memory", "both"):
        out["memory"] = memory(texts, args.articles, args.chunksize, quiet=args.json)
    if args.json:
        print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
