"""Accuracy on PolNeAR of direct quotes from ``quotetrack.parse`` plus reported speech from
``quotetrack.reported.find_reported``, as the parser will combine them.

Usage::

    python benchmarks/reported_eval.py ../shared/data/polnear/train --by-rule
    python benchmarks/reported_eval.py ../shared/data/polnear/dev

Combination: direct quotes claim their content ranges (``taken``); a reported item is
kept unless its content lies mostly inside them; a direct quote that lies inside a mixed
item's content is a fragment of it and is dropped. ``--only-direct`` scores the parser
alone, ``--only-reported`` the reported items alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import by_rule, default_scorer, load_scorer, prediction, write_predictions

import quotetrack
from quotetrack.models import Span
from quotetrack.reported import Reported, find_reported
from quotetrack.segments import paragraphs, sentences


def reported_prediction(item: Reported) -> dict[str, Any]:
    """One reported item in the scorer's prediction format."""
    speaker = item.speaker
    return {
        "content": [[s.start, s.end] for s in item.content],
        "source": [speaker.start, speaker.end] if speaker else None,
        "source_text": speaker.text if speaker else None,
        "speaker": speaker.text if speaker else None,
        "cue": [item.cue.start, item.cue.end],
        "rule": "reported:" + item.rule,
        "kind": "mixed" if item.mixed else "reported",
    }


def combined(text: str, *, direct: bool = True, reported: bool = True) -> list[dict[str, Any]]:
    """Predictions for one text: direct quotes, then reported items, in document order."""
    quotes = quotetrack.parse(text)
    taken = [(s.start, s.end) for q in quotes for s in q.spans]
    sents: list[Span] = [s for p in paragraphs(text) for s in sentences(text, p)]
    items = find_reported(text, sents, taken) if reported else []
    mixed = [(c.start, c.end, it.cue.start) for it in items if it.mixed for c in it.content]
    out: list[dict[str, Any]] = []
    if direct:
        for q in quotes:
            # A fragment attributed by the mixed item's own cue is part of that item.
            cue = q.cue.start if q.cue is not None else -1
            inside = any(s <= q.start and q.end <= e and cue == c for s, e, c in mixed)
            if not inside:
                out.append(prediction(q))
    out.extend(reported_prediction(it) for it in items)
    out.sort(key=lambda p: p["content"][0][0])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("split", type=Path, help="a PolNeAR split folder (text/, attributions/)")
    ap.add_argument("--scorer", type=Path, help="path to polnear_score.py")
    ap.add_argument("--out", type=Path, help="also keep the predictions JSON Lines here")
    ap.add_argument("--json", action="store_true", help="print the scorer's JSON result")
    ap.add_argument("--by-rule", action="store_true", help="precision per rule and errors")
    ap.add_argument("--only-direct", action="store_true", help="score the parser alone")
    ap.add_argument("--only-reported", action="store_true", help="score reported items alone")
    args = ap.parse_args(argv)
    scorer = load_scorer(args.scorer or default_scorer(args.split))
    preds: dict[str, list[dict[str, Any]]] = {}
    words = 0
    began = time.perf_counter()
    for path in sorted((args.split / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        preds[path.stem] = combined(
            text, direct=not args.only_reported, reported=not args.only_direct
        )
    elapsed = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "preds.jsonl"
        write_predictions(preds, out)
        result = scorer.score(scorer.load_gold(str(args.split)), scorer.load_preds(str(out)))
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        scorer.print_table(result)
        print(f"speed: {words / elapsed:,.0f} words/s (parse + reported, {words:,} words)")
    if args.by_rule:
        by_rule(scorer, args.split, preds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
