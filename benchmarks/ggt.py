"""Accuracy on the Gender Gap Tracker (GGT) evaluation set: resolved speaker names.

Usage::

    python benchmarks/ggt.py ../shared/data/ggt/dev [--misses N] [--out preds.jsonl] [--json]

The scorer is ``../shared/eval/ggt_score.py`` (found next to the split's ``data/`` folder,
or given with ``--scorer``). Its speaker accuracy compares the *resolved* name
(``Speaker.name``) with the person or body the annotators say a quote is from, so a
pronoun or description left unresolved counts as wrong. Predictions are written in the
same format as ``benchmarks/polnear.py`` writes them, by the same helpers.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear

import quotetrack


def default_scorer(split: Path) -> Path:
    """``shared/eval/ggt_score.py`` for a split under ``shared/data/ggt/``."""
    return split.resolve().parent.parent.parent / "eval" / "ggt_score.py"


def score(
    scorer: ModuleType,
    split: Path,
    preds: dict[str, list[dict[str, Any]]],
    out: Path | None = None,
    misses: int = 0,
) -> dict[str, Any]:
    """The GGT scorer's result for ``preds``, written to ``out`` (or a temporary file)
    and read back as the scorer reads any predictions file."""
    with tempfile.TemporaryDirectory() as tmp:
        path = out or Path(tmp) / "preds.jsonl"
        polnear.write_predictions(preds, path)
        result: dict[str, Any] = scorer.score(str(split), str(path), misses)
    return result


def evaluate(split: Path, scorer_path: Path | None = None) -> dict[str, Any]:
    """Run the default parser on ``split`` and return the GGT scorer's result dict."""
    scorer = polnear.load_scorer(scorer_path or default_scorer(split))
    return score(scorer, split, polnear.predict(split, quotetrack.QuoteParser()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("split", type=Path, help="a GGT split folder (with text/ and gold.jsonl)")
    ap.add_argument("--scorer", type=Path, help="path to ggt_score.py")
    ap.add_argument("--out", type=Path, help="also keep the predictions JSON Lines here")
    ap.add_argument("--json", action="store_true", help="print the scorer's JSON result")
    ap.add_argument("--misses", type=int, default=0, help="list N wrong speakers")
    args = ap.parse_args(argv)
    scorer = polnear.load_scorer(args.scorer or default_scorer(args.split))
    preds = polnear.predict(args.split, quotetrack.QuoteParser())
    result = score(scorer, args.split, preds, args.out, args.misses)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        scorer.print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
