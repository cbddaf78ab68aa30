"""Accuracy on PolNeAR: write predictions in the scorer's format and print its table.

Usage::

    python benchmarks/polnear.py ../shared/data/polnear/dev [--out preds.jsonl] [--json]
    python benchmarks/polnear.py ../shared/data/polnear/dev --by-rule
    python benchmarks/polnear.py ../shared/data/polnear/dev --no-reported   # direct quotes only

The scorer is ``../shared/eval/polnear_score.py`` (found next to the split's ``data/``
folder, or given with ``--scorer``). ``--by-rule`` adds the precision of each rule and
the errors (missed and spurious) per class, using the scorer's own definitions.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import quotetrack
from quotetrack.models import Quote


def load_scorer(path: Path) -> ModuleType:
    """Import the PolNeAR scorer script as a module."""
    spec = importlib.util.spec_from_file_location("polnear_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def default_scorer(split: Path) -> Path:
    """``shared/eval/polnear_score.py`` for a split under ``shared/data/polnear/``."""
    return split.resolve().parent.parent.parent / "eval" / "polnear_score.py"


def prediction(quote: Quote) -> dict[str, Any]:
    """One quote in the scorer's prediction format."""
    speaker = quote.speaker
    return {
        "content": [[s.start, s.end] for s in quote.spans],
        "source": [speaker.mention.start, speaker.mention.end] if speaker else None,
        "source_text": speaker.mention.text if speaker else None,
        "speaker": speaker.name if speaker else None,
        "cue": [quote.cue.start, quote.cue.end] if quote.cue else None,
        "rule": quote.rule,
        "kind": quote.kind.value,
    }


def predict(split: Path, parser: quotetrack.QuoteParser) -> dict[str, list[dict[str, Any]]]:
    """Predictions for every text of a split, keyed by document stem."""
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((split / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = [prediction(q) for q in parser.parse(text)]
    return out


def write_predictions(preds: dict[str, list[dict[str, Any]]], path: Path) -> None:
    """Write predictions as the scorer's JSON Lines."""
    with path.open("w", encoding="utf-8") as fh:
        for doc, quotes in preds.items():
            fh.write(json.dumps({"doc": doc, "quotes": quotes}) + "\n")


def score(
    scorer: ModuleType,
    split: Path,
    preds: dict[str, list[dict[str, Any]]],
    out: Path | None = None,
) -> dict[str, Any]:
    """The scorer's result for ``preds``, written to ``out`` (or a temporary file) and
    read back as the scorer reads any predictions file."""
    with tempfile.TemporaryDirectory() as tmp:
        path = out or Path(tmp) / "preds.jsonl"
        write_predictions(preds, path)
        result: dict[str, Any] = scorer.score(
            scorer.load_gold(str(split)), scorer.load_preds(str(path))
        )
    return result


def evaluate(split: Path, scorer_path: Path | None = None) -> dict[str, Any]:
    """Run the default parser on ``split`` and return the scorer's result dict."""
    scorer = load_scorer(scorer_path or default_scorer(split))
    return score(scorer, split, predict(split, quotetrack.QuoteParser()))


def by_rule(scorer: ModuleType, split: Path, preds: dict[str, list[dict[str, Any]]]) -> None:
    """Print precision per rule and the missed/spurious counts per class."""
    gold = scorer.load_gold(str(split))
    rule_n: Counter[str] = Counter()
    rule_tp: Counter[str] = Counter()
    rule_spk: Counter[str] = Counter()
    rule_spk_n: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for doc, (text, atts) in gold.items():
        mask = scorer.quoted_mask(text)
        g_items = []
        for a in atts:
            chars = scorer.charset(text, a["content"])
            if chars:
                g_items.append((chars, scorer.classify(chars, mask), a))
        p_items = [
            (scorer.charset(text, [tuple(s) for s in q["content"]]), q) for q in preds.get(doc, [])
        ]
        sim = {}
        for pi, (pc, _) in enumerate(p_items):
            for gi, (gc, _, _) in enumerate(g_items):
                inter = len(pc & gc)
                if inter and inter / len(pc | gc) >= scorer.JACCARD_MIN:
                    sim[pi, gi] = inter / len(pc | gc)
        pairs = scorer.greedy_match(sim)
        matched_p = set(pairs.values())
        for pi, (_, q) in enumerate(p_items):
            rule_n[q["rule"]] += 1
            if pi in matched_p:
                rule_tp[q["rule"]] += 1
            else:
                examples.setdefault("spurious:" + q["rule"], []).append(
                    f"{doc}: {text[q['content'][0][0] : q['content'][-1][1]][:100]!r}"
                )
        for gi, (_, cls, a) in enumerate(g_items):
            if gi in pairs:
                q = p_items[pairs[gi]][1]
                if a["source"]:
                    rule_spk_n[q["rule"]] += 1
                    ok = scorer.speaker_correct(q, a["source"], text)
                    rule_spk[q["rule"]] += ok
                    if not ok:
                        src = " ".join(text[s:e] for s, e in a["source"])
                        examples.setdefault("wrong-speaker:" + q["rule"], []).append(
                            f"{doc}: gold {src!r} pred {q['source_text']!r}"
                        )
            else:
                missed[cls] += 1
                s = a["content"][0][0]
                e = a["content"][-1][1]
                examples.setdefault("missed:" + cls, []).append(f"{doc}: {text[s:e][:100]!r}")
    print(f"\n{'rule':<22}{'pred':>6}{'match':>7}{'P':>7}{'spkN':>6}{'spkAcc':>8}")
    for rule, n in rule_n.most_common():
        spk_n = rule_spk_n[rule]
        acc = rule_spk[rule] / spk_n if spk_n else 0.0
        print(f"{rule:<22}{n:>6}{rule_tp[rule]:>7}{rule_tp[rule] / n:>7.3f}{spk_n:>6}{acc:>8.3f}")
    print("\nmissed gold per class:", dict(missed))
    for key in sorted(examples):
        print(f"\n{key} ({len(examples[key])}), first 8:")
        for line in examples[key][:8]:
            print("   ", line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "split", type=Path, help="a PolNeAR split folder (with text/ and attributions/)"
    )
    ap.add_argument("--scorer", type=Path, help="path to polnear_score.py")
    ap.add_argument("--out", type=Path, help="also keep the predictions JSON Lines here")
    ap.add_argument("--json", action="store_true", help="print the scorer's JSON result")
    ap.add_argument("--by-rule", action="store_true", help="precision per rule and error listing")
    ap.add_argument(
        "--no-reported",
        action="store_true",
        help="direct quotes only, as QuoteParser(reported=False) gives them",
    )
    args = ap.parse_args(argv)
    scorer = load_scorer(args.scorer or default_scorer(args.split))
    preds = predict(args.split, quotetrack.QuoteParser(reported=not args.no_reported))
    result = score(scorer, args.split, preds, args.out)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        scorer.print_table(result)
    if args.by_rule:
        by_rule(scorer, args.split, preds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
