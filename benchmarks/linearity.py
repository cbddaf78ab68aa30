"""Cost per MB of ``analyze`` and ``parse`` on adversarial inputs, against normal news.

Usage::

    python benchmarks/linearity.py                 # every case, median of 3 runs
    python benchmarks/linearity.py --runs 5 --json
    python benchmarks/linearity.py --only marks_curly_100k alternating_marks
    python benchmarks/linearity.py --quick         # sizes / 10, a smoke run

For each case the text is built once and timed with ``time.process_time`` (CPU time of
this process, so neighbours on a shared machine disturb it less than wall time), median
of ``--runs`` runs, for ``analyze`` and ``parse``. "Per MB" is per million characters
(a MB of ASCII). Each case reports:

- ``ratio``: its per-MB time over normal news's per-MB time, measured in the same run.
  The target is ``ratio <= 3``.
- ``growth``: its per-MB time at full size over its per-MB time at a quarter of the
  size. Linear code gives about 1; quadratic code gives about 4.

Regression cases (``regression: ...``) record super-linear behaviour found in the
library, so a fix shows up here; they run at small sizes to keep the run short.

The exit status is 1 when a case misses the target (ratio > 3 or growth > 2), so the
script can gate a change; the table says which.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import quotetrack

DEFAULT_SPLIT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"
RATIO_LIMIT = 3.0
GROWTH_LIMIT = 2.0


def news(split: Path) -> str:
    """PolNeAR dev concatenated, articles separated by blank lines."""
    paths = sorted((split / "text").glob("*.txt"))
    if not paths:
        raise SystemExit(f"no texts under {split / 'text'}: give the split with --split")
    return "\n\n".join(p.read_text(encoding="utf-8") for p in paths)


def _cycle(text: str, n: int) -> str:
    return (text * (n // max(1, len(text)) + 1))[:n]


@attrs.frozen
class Case:
    """One input family: a builder of a text of about ``n`` characters, and its size."""

    name: str
    size: int
    build: Callable[[int], str]
    note: str
    regression: bool = False


def cases(normal: str) -> list[Case]:
    """The inputs, normal news first."""
    flat = normal.replace("\r", " ").replace("\n", " ")
    unquoted = flat
    for mark in "\"“”‘’'«»„":
        unquoted = unquoted.replace(mark, "")
    capitalised = sorted({w.capitalize() for w in flat.split() if w.isalpha()})
    line = _cycle(flat, 1_000_000)

    def caps(n: int) -> str:
        rng = random.Random(7)
        words: list[str] = []
        length = 0
        while length < n:
            words.append(rng.choice(capitalised))
            length += len(words[-1]) + 1
        return " ".join(words)[:n]

    def clauses(n: int) -> str:
        # Short clauses mixing unbalanced curly, straight and single marks, apostrophes,
        # an abbreviated title, a possessive and runs of capitalised words around a cue
        # verb: the shape of the 10 MB document that cost 2.9-4.1x news per MB.
        rng = random.Random(11)
        pieces = [
            "“We won’t go,",
            "' she said",
            '"They can\'t," Sen.',
            "O’Brien’s",
            "Big Red Team Of New York",
            "said.",
            "‘No way’",
            "Mr. Smith’s aides",
            "told reporters “",
            "”",
            "'s",
            "Gov. Jerry Brown Jr.",
            "added",
            '"',
            "it’s",
        ]
        parts: list[str] = []
        length = 0
        while length < n:
            parts.append(" ".join(rng.choice(pieces) for _ in range(rng.randint(2, 6))))
            length += len(parts[-1]) + 2
        return ". ".join(parts)[:n]

    nfc = unicodedata.normalize("NFC", normal)
    # decomposed accents (as macOS tools and PDFs write them) on every word ending in e
    decomposed = unicodedata.normalize("NFD", nfc.replace("e ", "é "))

    def one_accent(n: int) -> str:
        text = nfc[:n]
        return text[: n // 2] + " Jose\u0301 " + text[n // 2 :]

    return [
        Case("normal_news", len(normal), lambda n: normal[:n], "PolNeAR dev, concatenated"),
        Case("no_breaks_10mb", 10_000_000, lambda n: _cycle(flat, n), "news, newlines -> spaces"),
        Case("marks_straight_100k", 100_000, lambda n: '"' * n, '100,000 " in a row'),
        Case("marks_curly_100k", 100_000, lambda n: "“" * n, "100,000 “ in a row"),
        Case("alternating_marks", 200_000, lambda n: _cycle("‘“’”", n), "‘“’” repeated"),
        Case("capitalised_words", 1_000_000, caps, "only capitalised words, no punctuation"),
        Case(
            "quote_1mb",
            1_000_000,
            lambda n: "“" + _cycle(unquoted, n) + ",” Smith said.",
            "one quote of 1M characters, then its attribution",
        ),
        Case(
            "long_lines",
            3_000_000,
            lambda n: "\n".join(line[: max(1, n // 3)] for _ in range(3)),
            "3 lines of 1M characters of news",
        ),
        Case("quoted_a", 1_000_000, lambda n: _cycle("“a” ", n), "“a” repeated"),
        Case("adversarial_clauses", 1_000_000, clauses, "short clauses mixing hostile marks"),
        Case(
            "straight_quoted_words",
            1_000_000,
            lambda n: _cycle('"Yes," Smith said. ', n),
            "a one-word quote and its attribution, repeated",
        ),
        Case(
            "cue_clauses",
            1_000_000,
            lambda n: _cycle("Smith told Jones that ", n),
            "one endless sentence of cue clauses (each cue reads a content window)",
        ),
        Case(
            "relative_cues",
            1_000_000,
            lambda n: _cycle("who said that ", n),
            "one endless sentence of relative cue clauses",
        ),
        Case(
            "dash_attributions",
            1_000_000,
            lambda n: _cycle("\u201cx\u201d \u2014 Mark Twain ", n),
            "one-letter quotes, each attributed after a dash",
        ),
        Case(
            "comma_asides",
            1_000_000,
            lambda n: _cycle(",Smith said ", n),
            "one endless sentence of parenthetical cue clauses (each reads the content around it)",
        ),
        Case(
            "titled_cues",
            1_000_000,
            lambda n: _cycle("Sen. said ", n),
            "one endless sentence with a cue every 10 characters, each reading a content",
        ),
        Case(
            "initials_run",
            1_000_000,
            lambda n: _cycle("J. ", n),
            "one run of initials: a 'name' of 330,000 words (entities kept every tail of it)",
        ),
        Case(
            "capitals_run",
            1_000_000,
            lambda n: _cycle("Smith Jr. ", n),
            "one run of a capitalised word and a suffix, repeated",
        ),
        Case(
            "nfd_one_accent",
            len(normal),
            one_accent,
            "news in NFC but for one decomposed accent (nfc.py reads only around it)",
        ),
        Case(
            "nfd_accents",
            1_000_000,
            lambda n: _cycle(decomposed, n),
            "news in NFD with a decomposed é ending every word in e",
        ),
        Case(
            "regression: periods",
            8_000,
            lambda n: "." * n + " and more",
            "a run of '.' not followed by a capital (segments._SENTENCE_END)",
            regression=True,
        ),
        Case(
            "regression: exclamations",
            8_000,
            lambda n: "“Wow" + "!" * n + " no,” she said.",
            "a run of '!' in a quote (segments._SENTENCE_END)",
            regression=True,
        ),
    ]


def _median_time(fn: Callable[[str], object], text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn(text)
        times.append(time.process_time() - t0)
    return statistics.median(times)


def measure(case: Case, runs: int, scale: float) -> dict[str, Any]:
    """Per-MB times of analyze and parse at full and quarter size."""
    size = max(8, int(case.size * scale))
    full = case.build(size)
    quarter = case.build(max(4, size // 4))
    out: dict[str, Any] = {"case": case.name, "chars": len(full), "note": case.note}
    for name, fn in (("analyze", quotetrack.analyze), ("parse", quotetrack.parse)):
        t_full = _median_time(fn, full, runs)
        t_quarter = _median_time(fn, quarter, runs)
        per_full = t_full / len(full) * 1e6
        per_quarter = t_quarter / len(quarter) * 1e6
        out[name] = {
            "seconds": t_full,
            "per_mb": per_full,
            "growth": per_full / per_quarter if per_quarter > 0 else float("nan"),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    """Measure every case and print the table (or JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", type=Path, default=DEFAULT_SPLIT, help="PolNeAR split for news")
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--only", nargs="*", help="case names to run (normal news always runs)")
    ap.add_argument("--quick", action="store_true", help="sizes / 10, for a smoke run")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    scale = 0.1 if args.quick else 1.0
    quotetrack.analyze("“Warm up the lexicon,” she said.")
    selected = cases(news(args.split))
    if args.only:
        unknown = set(args.only) - {c.name for c in selected}
        if unknown:
            raise SystemExit(f"unknown cases {sorted(unknown)}; see --help")
        selected = [c for c in selected if c.name == "normal_news" or c.name in args.only]
    results = []
    base: dict[str, float] = {}
    failed = False
    if not args.json:
        print(f"median of {args.runs} runs, CPU seconds per million characters")
        print(
            f"{'case':26} {'chars':>10}  {'analyze s/MB':>12} {'ratio':>6} {'growth':>6}"
            f"  {'parse s/MB':>10} {'ratio':>6} {'growth':>6}  verdict"
        )
    for case in selected:
        r = measure(case, args.runs, scale)
        for fn in ("analyze", "parse"):
            if case.name == "normal_news":
                base[fn] = r[fn]["per_mb"]
            r[fn]["ratio"] = r[fn]["per_mb"] / base[fn]
        ok = all(
            r[fn]["ratio"] <= RATIO_LIMIT and r[fn]["growth"] <= GROWTH_LIMIT
            for fn in ("analyze", "parse")
        )
        r["ok"] = ok
        failed = failed or not ok
        results.append(r)
        if not args.json:
            a, p = r["analyze"], r["parse"]
            verdict = "ok" if ok else "MISSES TARGET"
            print(
                f"{case.name:26} {r['chars']:>10,}  {a['per_mb']:>12.2f} {a['ratio']:>6.1f}"
                f" {a['growth']:>6.2f}  {p['per_mb']:>10.2f} {p['ratio']:>6.1f}"
                f" {p['growth']:>6.2f}  {verdict}",
                flush=True,
            )
    if args.json:
        print(json.dumps({"runs": args.runs, "scale": scale, "results": results}, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
