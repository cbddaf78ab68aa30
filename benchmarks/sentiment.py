"""Measure quotetrack's sentiment models: accuracy on labelled news, and speed.

``--accuracy`` (needs the ``train`` extra and ``../shared/data/sentiment``) reports, per
dataset, macro-F1, accuracy, the confusion matrix and Pearson r (where there is a human
score) for ``model="vader"`` and ``model="news"`` side by side. The news figures are
cross-validated: grouped by article, K folds, each fold scored by a calibration trained
on the others (tools/train_sentiment.py, with the shipped hyperparameters) and labelled
with the cut-offs best on the others, so no text is scored or labelled by what saw it. Run:
``.venv/bin/python benchmarks/sentiment.py --accuracy [--data-dir ../shared/data/sentiment]
[--fold-seeds 13 1 2]``; ``--fold-seeds`` repeats the news figures under other
assignments of articles to folds, to show how much of a difference is the split's.

Without ``--accuracy`` it times raw VADER against quotetrack's SentimentScorer on news
text, as the median of ``--runs`` runs in one process:

1. seconds to score one text of 10k, 20k, 40k and 80k characters, and seconds per
   million characters, so that VADER's quadratic growth and the scorer's linear one show;
2. words per second on quote-like text (the strings between double quotation marks);
3. words per second of the whole pipeline, ``quotetrack.analyze``, on the articles, of
   the parse alone, and the seconds that scoring the quotes found takes.

The text is PolNeAR's dev articles when ``../shared`` is there, else the seed articles in
``seeds/`` repeated. Run: ``.venv/bin/python benchmarks/sentiment.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

import quotetrack  # noqa: E402
from quotetrack.sentiment import SentimentScorer  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
SENTIMENT_DATA = ROOT.parent / "shared" / "data" / "sentiment"
CLASSES = ("neg", "neu", "pos")
QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")


def read_articles(data: Path) -> tuple[Path, list[str]]:
    """The articles to measure on, and their folder: ``data``, else the seed articles."""
    for folder in (data, ROOT / "seeds"):
        paths = sorted(folder.glob("*.txt"))
        if paths:
            return folder, [p.read_text(encoding="utf-8") for p in paths]
    sys.exit(f"no .txt articles in {data} or {ROOT / 'seeds'}")


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCKS["cpu"]


def median_seconds(func: Callable[[], object], runs: int) -> float:
    """The median time of ``runs`` calls of ``func`` on the chosen clock."""
    times = []
    for _ in range(runs):
        start = clock()
        func()
        times.append(clock() - start)
    return statistics.median(times)


def length_table(corpus: str, sizes: Sequence[int], runs: int) -> None:
    """Print seconds and seconds per million characters, VADER against the scorer."""
    vader = SentimentIntensityAnalyzer()
    scorer = SentimentScorer()
    print(f"One text of N characters, median of {runs} runs (s; s per million characters)")
    header = (
        f"{'N chars':>9} | {'VADER s':>9} {'s/Mchar':>8} | {'ours s':>9} {'s/Mchar':>8} | speed-up"
    )
    print(header)
    print("-" * len(header))
    for size in sizes:
        text = corpus[:size]
        t_vader = median_seconds(lambda: vader.polarity_scores(text), runs)  # noqa: B023
        t_ours = median_seconds(lambda: scorer.polarity(text), runs)  # noqa: B023
        print(
            f"{len(text):>9,} | {t_vader:>9.4f} {t_vader / len(text) * 1e6:>8.2f} | "
            f"{t_ours:>9.4f} {t_ours / len(text) * 1e6:>8.2f} | {t_vader / t_ours:>7.1f}x"
        )
    print()


def quote_throughput(articles: list[str], runs: int) -> None:
    """Print words per second of VADER and of the scorer on the articles' quoted strings."""
    quotes = [a or b for text in articles for a, b in QUOTED.findall(text)]
    words = sum(len(q.split()) for q in quotes)
    vader = SentimentIntensityAnalyzer()
    cold = SentimentScorer()
    start = clock()
    for q in quotes:
        cold.polarity(q)
    t_cold = clock() - start

    def run_vader() -> None:
        for q in quotes:
            vader.polarity_scores(q)

    def run_ours() -> None:
        for q in quotes:
            cold.polarity(q)

    t_vader = median_seconds(run_vader, runs)
    t_ours = median_seconds(run_ours, runs)
    print(f"Quote-like text: {len(quotes):,} quoted strings, {words:,} words")
    print(f"{'raw VADER':<34} {words / t_vader:>12,.0f} words/s")
    print(f"{'SentimentScorer (median, warm)':<34} {words / t_ours:>12,.0f} words/s")
    print(f"{'SentimentScorer (first run, cold)':<34} {words / t_cold:>12,.0f} words/s")
    print(f"{'speed-up (median)':<34} {t_vader / t_ours:>12.1f}x")
    print()


def pipeline_throughput(articles: list[str], runs: int) -> None:
    """Print words per second of ``quotetrack.analyze`` (parse and score) on the articles,
    and of the parse alone, so that the scorer's share shows."""
    words = sum(len(a.split()) for a in articles)
    try:
        quotes = [quotetrack.parse(text) for text in articles]
        t_parse = median_seconds(lambda: [quotetrack.parse(text) for text in articles], runs)
        t_analyze = median_seconds(lambda: [quotetrack.analyze(text) for text in articles], runs)
    except Exception as error:  # the parser is another stage; report, do not hide
        print(f"quotetrack.parse or analyze failed: {type(error).__name__}: {error}")
        return
    vader = SentimentIntensityAnalyzer()
    t_vader = median_seconds(
        lambda: [vader.polarity_scores(q.text) for found in quotes for q in found], runs
    )
    scorer = SentimentScorer()
    t_ours = median_seconds(lambda: [scorer.score(q) for found in quotes for q in found], runs)
    n_quotes = sum(map(len, quotes))
    print(f"Pipeline on {len(articles)} articles, {words:,} words, {n_quotes:,} quotes found")
    print(f"{'analyze (parse + score)':<34} {words / t_analyze:>12,.0f} words/s")
    print(f"{'parse alone':<34} {words / t_parse:>12,.0f} words/s")
    print(f"{'scoring its quotes, raw VADER':<34} {t_vader:>12.4f} s")
    print(f"{'scoring its quotes, SentimentScorer':<34} {t_ours:>12.4f} s")


def report(name: str, gold: Sequence[str], pred: Sequence[str], r: float | None) -> None:
    """Print one model's figures on one dataset: macro-F1, accuracy, r and the confusions."""
    from train_sentiment import macro_f1  # the training script's own measure

    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    r_text = "" if r is None else f"  Pearson r {r:.3f}"
    print(f"  {name:<12} macro-F1 {macro_f1(gold, pred):.3f}  accuracy {accuracy:.3f}{r_text}")
    print(f"  {'':<12} confusion (rows gold, columns predicted {'/'.join(CLASSES)}):")
    for g in CLASSES:
        row = [
            sum(1 for a, b in zip(gold, pred, strict=True) if a == g and b == p) for p in CLASSES
        ]
        print(f"  {'':<12}   {g}: {' '.join(f'{n:>5}' for n in row)}")


def accuracy_report(folder: Path, fold_seeds: Sequence[int] = ()) -> None:
    """Per dataset, ``model="vader"`` (as is) against ``model="news"`` (cross-validated);
    with ``fold_seeds``, the news figures again under other assignments of articles to
    folds (:func:`fold_spread`)."""
    import numpy as np

    sys.path.insert(0, str(ROOT / "tools"))
    import train_sentiment as training

    shipped = json.loads((ROOT / "quotetrack" / "data" / "news_sentiment_model.json").read_text())
    settings = shipped["provenance"]["regularisation"]
    data = training.Data(folder)
    cv = training.cross_validate(data, settings["C"], settings["sample_weights"])
    vader = SentimentScorer(model="vader")
    vader_compound = np.array([vader.polarity(t).compound for t in data.texts])
    print(
        f"news model cross-validated: {training.FOLDS} folds grouped by article, "
        f"C={cv['C']}, weights {cv['weights']}; each fold labelled with the cut-offs best on "
        f"the others (shipped: {cv['cutoffs']})\n"
    )
    names = {
        "quote": "NewsMTSC train quotes (label toward the quoted target)",
        "nyt": "NYT editorial snippets (VADER's; r against the mean human rating)",
        "sentence": "NewsMTSC train sentences (majority label of their targets)",
    }
    for kind, title in names.items():
        rows = data.kind == kind
        gold = list(data.y[rows])
        print(f"{title}: {int(rows.sum())} texts")
        for name, compound, predicted in (
            ("vader", vader_compound[rows], training.labels(vader_compound[rows], (-0.05, 0.05))),
            ("news (CV)", cv["out_of_fold"][rows], cv["predicted"][rows]),
        ):
            r = None
            if kind == "nyt":
                r = float(np.corrcoef(compound, data.score[rows])[0, 1])
            report(name, gold, list(predicted), r)
        print()
    targets_report(folder, training)
    if fold_seeds:
        fold_spread(data, folder, training, fold_seeds)


def fold_spread(data: Any, folder: Path, training: Any, seeds: Sequence[int]) -> None:
    """The cross-validated news figures under other fold assignments, and their means.

    The data are a few hundred quotes: which articles share a fold moves macro-F1 by a
    point or two, so a difference smaller than this spread is no difference.
    """
    import numpy as np

    shipped = json.loads((ROOT / "quotetrack" / "data" / "news_sentiment_model.json").read_text())
    settings = shipped["provenance"]["regularisation"]
    target_c = json.loads((ROOT / "quotetrack" / "data" / "news_target_model.json").read_text())[
        "provenance"
    ]["regularisation"]["C"]
    targets = training.TargetData(folder)
    rows = []
    print(f"\nThe news figures under {len(seeds)} assignments of articles to folds:")
    print(f"  {'fold seed':>9}  quotes macro-F1  NYT r   targets macro-F1")
    for seed in seeds:
        data.fold = training.folds_of(data.groups, training.FOLDS, seed)
        targets.fold = training.folds_of(targets.groups, training.FOLDS, seed)
        cv = training.cross_validate(data, settings["C"], settings["sample_weights"])
        tcv = training.cross_validate_targets(targets, target_c)
        row = (
            cv["newsmtsc_quotes_macro_f1"],
            cv["nyt_pearson_r"],
            tcv["newsmtsc_targets_macro_f1"],
        )
        rows.append(row)
        print(f"  {seed:>9}  {row[0]:>15.4f}  {row[1]:.4f}  {row[2]:>16.4f}", flush=True)
    mean = np.mean(rows, axis=0)
    print(f"  {'mean':>9}  {mean[0]:>15.4f}  {mean[1]:.4f}  {mean[2]:>16.4f}")


def targets_report(folder: Path, training: Any) -> None:
    """Sentiment toward each labelled target of NewsMTSC's sentences: VADER's sentence
    label for every target of the sentence, against the cross-validated target model."""
    import numpy as np

    shipped = json.loads((ROOT / "quotetrack" / "data" / "news_target_model.json").read_text())
    data = training.TargetData(folder)
    cv = training.cross_validate_targets(data, shipped["provenance"]["regularisation"]["C"])
    vader = SentimentScorer(model="vader")
    vader_compound = np.array([vader.polarity(t).compound for t in data.texts])
    print(
        f"NewsMTSC train targets (sentiment toward each of {data.count} target mentions; "
        f"target model C={cv['C']}, cut-offs {cv['cutoffs']}):"
    )
    gold = list(data.y)
    report("vader", gold, list(training.labels(vader_compound, (-0.05, 0.05))), None)
    report("target (CV)", gold, list(cv["predicted"]), None)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the arguments and print the three reports."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="folder of .txt news articles (default: PolNeAR dev texts in ../shared)",
    )
    parser.add_argument(
        "--accuracy",
        action="store_true",
        help="report accuracy on the labelled sentiment data instead of speed",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=SENTIMENT_DATA,
        help="folder of the sentiment .jsonl files (default: ../shared/data/sentiment)",
    )
    parser.add_argument(
        "--fold-seeds",
        type=int,
        nargs="+",
        default=[],
        help="with --accuracy, also the news figures under these assignments of articles "
        "to folds (the shipped figures use 13)",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="cpu",
        help="cpu: this process's CPU time, steady on a shared machine (default); wall: elapsed",
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[10_000, 20_000, 40_000, 80_000],
        help="text lengths in characters",
    )
    args = parser.parse_args(argv)
    if args.accuracy:
        accuracy_report(args.data_dir, args.fold_seeds)
        return
    global clock
    clock = CLOCKS[args.clock]
    folder, articles = read_articles(args.data)
    corpus = "\n\n".join(articles)
    while len(corpus) < max(args.sizes):
        corpus = f"{corpus}\n\n{corpus}"
    print(f"Articles: {len(articles)} from {folder}; times are {args.clock} seconds\n")
    length_table(corpus, args.sizes, args.runs)
    quote_throughput(articles, args.runs)
    pipeline_throughput(articles, args.runs)


if __name__ == "__main__":
    main()
