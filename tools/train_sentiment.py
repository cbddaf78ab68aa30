"""Train the news sentiment model's calibration and write it as package data.

Usage (training needs the ``train`` extra: ``pip install -e '.[train]'``)::

    python tools/train_sentiment.py ../shared/data/sentiment [--write] [--ablate PART]
    python tools/train_sentiment.py ../shared/data/sentiment --targets [--write]

Reads ``newsmtsc_train_quotes.jsonl`` (NewsMTSC quotes, Hamborg and Donnay, EACL 2021,
MIT) and ``nyt_editorial_train.jsonl`` (VADER's NYT editorial snippets, Hutto and
Gilbert, ICWSM 2014, MIT), computes :func:`quotetrack.sentiment.news.features` for each
text, and fits a multinomial logistic regression (L2, scikit-learn) on both together.

Everything is cross-validated: K folds grouped by article (a NewsMTSC article's quotes
and sentences, an NYT editorial's snippets stay in one fold), the model fitted on the
training folds only, without the sentences that hold a judged quote's words (a quote
printed by two articles), and pruned as shipped (word weights below ``MIN_WEIGHT`` dropped).
Whatever is chosen from the data is chosen without the fold it is judged on: each fold is
labelled with the cut-offs best on the other folds' held-out scores, and judged by the
setting (regularisation strength, sample weights) best on the other folds; the figures
are the held-out folds' means. What ships is fitted on everything with the setting and
cut-offs best on all folds. ``--ablate`` turns off one part of the
news reading (``lexicon``, ``names``, ``negation``) to show what it is worth. ``--write``
fits on all the data and writes ``quotetrack/data/news_sentiment_model.json`` with the
CV figures, the data and the date as provenance. ``--targets`` does the same for the
target model (:mod:`quotetrack.sentiment.targeted`) on NewsMTSC's labelled target
mentions, writing ``quotetrack/data/news_target_model.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack.models import SENTIMENT_CUTOFFS  # noqa: E402
from quotetrack.sentiment import SentimentScorer, news, targeted, vader  # noqa: E402

CLASSES = ("neg", "neu", "pos")
OUT = ROOT / "quotetrack" / "data" / "news_sentiment_model.json"
TARGET_OUT = ROOT / "quotetrack" / "data" / "news_target_model.json"
FOLDS = 5
C_GRID = (0.03, 0.06, 0.1)
WEIGHTS = (
    {"quote": 2.0, "nyt": 2.0, "sentence": 1.0},
    {"quote": 2.0, "nyt": 3.0, "sentence": 1.0},
)
# A word is a feature when at least MIN_COUNT training texts have it, and it is kept (in
# every fold's model, and in the one shipped) when one of its weights is at least
# MIN_WEIGHT. Measured in CV (2026-11-30): quotes lose nothing with 5 and 0.05 (about
# 3,100 words, not 5,100); targets lose 0.002 macro-F1 with 3 and 0.1 (2,700, not 5,600).
MIN_COUNT = 5
MIN_WEIGHT = 0.05
TARGET_PRUNING = (3, 0.1)  # MIN_COUNT and MIN_WEIGHT of the target model
POLARITY = {2.0: "neg", 4.0: "neu", 6.0: "pos"}
CUTOFF_GRID = tuple(round(x, 2) for x in np.arange(0.0, 0.61, 0.05))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def group_of(item_id: str) -> str:
    """The article an item comes from: its folds stay together."""
    source, _, rest = item_id.partition(":")
    if source == "nyt":
        return "nyt:" + rest.split("_")[0]
    return source + ":" + "_".join(rest.split("_")[:3])


FOLD_SEED = 13
"""The seed of the fold assignment the shipped model is chosen by and the figures quote."""


def folds_of(groups: Sequence[str], k: int, seed: int = FOLD_SEED) -> np.ndarray:
    """Fold index per item: groups dealt round-robin in a fixed shuffled order.

    Another ``seed`` deals the same groups into other folds: with a few hundred quotes
    the figures move by about 0.01-0.02 macro-F1 from one assignment to another, which
    ``benchmarks/sentiment.py --fold-seeds`` shows.
    """
    names = sorted(set(groups))
    rng = np.random.default_rng(seed)
    rng.shuffle(names)
    fold = {g: i % k for i, g in enumerate(names)}
    return np.array([fold[g] for g in groups])


def ablate(part: str | None) -> None:
    """Turn off one part of the news reading, for the ablation figures."""
    if part is None:
        return
    if part == "lexicon":
        news.news_lexicon.cache_clear()
        base = vader.lexicon()
        news.news_lexicon = lambda: (base, vader.scored_words())  # type: ignore[assignment]
    elif part == "names":
        news.name_positions = lambda tokens, code=None: set()  # type: ignore[assignment]
    elif part == "negation":
        original = vader.hit_sums

        def narrow(*args: Any, **kwargs: Any) -> Any:
            kwargs["negations"] = None
            return original(*args, **kwargs)

        news.hit_sums = narrow  # type: ignore[assignment]
    else:
        sys.exit(f"unknown part to ablate: {part}")


def has_letter(word: str) -> bool:
    """Words without a letter ("2016", "--", "", "not_2016") are no features."""
    return any(map(str.isalpha, word.removeprefix("near_").removeprefix("not_")))


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Macro-F1 over the three classes (a class never predicted nor gold scores 0)."""
    g = np.asarray(gold)
    p = np.asarray(pred)
    f1s = []
    for k in CLASSES:
        tp = float(np.sum((g == k) & (p == k)))
        denominator = float(np.sum(g == k) + np.sum(p == k))
        f1s.append(2 * tp / denominator if denominator else 0.0)
    return float(np.mean(f1s))


def labels(compound: np.ndarray, cutoffs: tuple[float, float]) -> np.ndarray:
    """The label of each compound by the cut-offs (negative, positive)."""
    neg, pos = cutoffs
    return np.where(compound >= pos, "pos", np.where(compound <= neg, "neg", "neu"))


def sentence_item(sentence: dict[str, Any]) -> dict[str, Any]:
    """A NewsMTSC sentence as a training text, labelled by its targets' majority polarity."""
    polarities = [POLARITY[t["polarity"]] for t in sentence["targets"]]
    return {
        "id": "newsmtsc:" + sentence["primary_gid"],
        "text": sentence["sentence_normalized"],
        "label": max(sorted(set(polarities)), key=polarities.count),
    }


class Data:
    """The training texts, what the model reads in them, and how they are grouped."""

    def __init__(self, folder: Path) -> None:
        quotes = read_jsonl(folder / "newsmtsc_train_quotes.jsonl")
        nyt = read_jsonl(folder / "nyt_editorial_train.jsonl")
        sentences = [sentence_item(s) for s in read_jsonl(folder / "newsmtsc_train.jsonl")]
        items = quotes + nyt + sentences
        self.counts = {"quotes": len(quotes), "nyt": len(nyt), "sentences": len(sentences)}
        self.kind = np.array(
            ["quote"] * len(quotes) + ["nyt"] * len(nyt) + ["sentence"] * len(sentences)
        )
        scorer = SentimentScorer(model="news")
        reads = [news.read(scorer.parts(item["text"])) for item in items]
        self.dense = np.array([r[0] for r in reads])
        self.words = [r[1] for r in reads]
        self.texts = [item["text"] for item in items]
        self.y = np.array([item["label"] for item in items])
        self.score = np.array([item.get("score") or 0.0 for item in items])
        self.groups = [group_of(item["id"]) for item in items]
        self.fold = folds_of(self.groups, FOLDS)
        # A quote is cut from a NewsMTSC sentence, and a few quotes were printed by more
        # than one article: the sentences holding a quote's words, wherever they are.
        quote_rows = np.flatnonzero(self.kind == "quote")
        self.holders: dict[int, np.ndarray] = {}
        for row in np.flatnonzero(self.kind == "sentence"):
            held = [q for q in quote_rows if self.texts[q] in self.texts[row]]
            if held:
                self.holders[int(row)] = np.array(held)

    def training_rows(self, test: np.ndarray) -> np.ndarray:
        """The texts a model judged on ``test`` may learn from: those outside it, less
        the sentences that hold the words of a quote in it (from another article too)."""
        rows = ~test
        for row, quotes in self.holders.items():
            if test[quotes].any():
                rows[row] = False
        return rows


class Model:
    """The calibration as trained: dense features standardised, word presence as is."""

    def __init__(
        self,
        data: Data,
        rows: np.ndarray,
        c: float,
        weights: dict[str, float],
        pruning: tuple[int, float] = (MIN_COUNT, MIN_WEIGHT),
    ) -> None:
        min_count, self.min_weight = pruning
        dense = data.dense[rows]
        self.mean = dense.mean(axis=0)
        self.scale = dense.std(axis=0)
        self.scale[self.scale == 0] = 1.0
        counts: dict[str, int] = {}
        for i in np.flatnonzero(rows):
            for w in data.words[i]:
                counts[w] = counts.get(w, 0) + 1
        kept = sorted(w for w, n in counts.items() if n >= min_count and has_letter(w))
        self.vocabulary = {w: j for j, w in enumerate(kept)}
        self.lr = LogisticRegression(C=c, max_iter=3000)
        weight = np.array([weights[k] for k in data.kind[rows]])
        self.lr.fit(self.matrix(data, rows), data.y[rows], sample_weight=weight)
        self.order = [list(self.lr.classes_).index(k) for k in CLASSES]
        # Pruned as shipped, so that cross-validation measures the model that ships.
        n_dense = data.dense.shape[1]
        small = np.abs(self.lr.coef_[:, n_dense:]).max(axis=0) < self.min_weight
        self.lr.coef_[:, n_dense:][:, small] = 0.0

    def matrix(self, data: Data, rows: np.ndarray) -> Any:
        dense = (data.dense[rows] - self.mean) / self.scale
        idx = np.flatnonzero(rows)
        r, c = [], []
        for n, i in enumerate(idx):
            for w in data.words[i]:
                j = self.vocabulary.get(w)
                if j is not None:
                    r.append(n)
                    c.append(j)
        shape = (len(idx), len(self.vocabulary))
        words = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=shape)
        return sparse.hstack([sparse.csr_matrix(dense), words]).tocsr()

    def compound(self, data: Data, rows: np.ndarray) -> np.ndarray:
        p = self.lr.predict_proba(self.matrix(data, rows))
        return np.asarray(p[:, self.order[2]] - p[:, self.order[0]])


def best_cutoffs(
    y: np.ndarray, compound: np.ndarray, masks: Sequence[np.ndarray]
) -> tuple[float, float]:
    """The cut-offs with the best mean macro-F1 over ``masks`` (ties: the narrower)."""
    grid = [(-n, p) for n in CUTOFF_GRID for p in CUTOFF_GRID]

    def f1(cut: tuple[float, float]) -> float:
        return float(np.mean([macro_f1(y[m], labels(compound[m], cut)) for m in masks]))

    negative, positive = max(grid, key=lambda cut: (f1(cut), -abs(cut[0]) - cut[1]))
    return float(negative), float(positive)


def held_out(
    data: Any, out_of_fold: np.ndarray, kind: str
) -> tuple[tuple[float, float], np.ndarray, list[float], list[float]]:
    """Cut-offs and held-out labels for the texts of ``kind``, chosen without the fold judged.

    Each fold's texts (of every kind) are labelled with the cut-offs best for ``kind`` on
    the *other* folds' held-out scores; its texts of ``kind`` are judged by them
    (macro-F1 and accuracy per fold). The cut-offs that ship are those best on all folds.
    """
    masks = [(data.fold == k) & (data.kind == kind) for k in range(FOLDS)]
    predicted = np.full(len(data.y), "", dtype=object)
    f1s, accuracies = [], []
    for k in range(FOLDS):
        cut = best_cutoffs(data.y, out_of_fold, [m for j, m in enumerate(masks) if j != k])
        fold = data.fold == k
        predicted[fold] = labels(out_of_fold[fold], cut)
        f1s.append(macro_f1(data.y[masks[k]], predicted[masks[k]]))
        accuracies.append(float(np.mean(predicted[masks[k]] == data.y[masks[k]])))
    return best_cutoffs(data.y, out_of_fold, masks), predicted, f1s, accuracies


def cross_validate(data: Data, c: float, weights: dict[str, float]) -> dict[str, Any]:
    """Grouped K-fold figures of the calibration with strength ``c`` and these weights.

    Every fold is scored by a model trained on the others and labelled with cut-offs
    chosen on the others (:func:`held_out`); the figures are the held-out folds' means.
    """
    out_of_fold = np.zeros(len(data.y))
    for k in range(FOLDS):
        test = data.fold == k
        model = Model(data, data.training_rows(test), c, weights)
        out_of_fold[test] = model.compound(data, test)
    cutoffs, predicted, f1s, accuracies = held_out(data, out_of_fold, "quote")
    rs = []
    for k in range(FOLDS):
        nyt = (data.fold == k) & (data.kind == "nyt")
        rs.append(float(np.corrcoef(out_of_fold[nyt], data.score[nyt])[0, 1]))
    return {
        "C": c,
        "weights": weights,
        "cutoffs": cutoffs,
        "newsmtsc_quotes_macro_f1": round(float(np.mean(f1s)), 4),
        "newsmtsc_quotes_accuracy": round(float(np.mean(accuracies)), 4),
        "nyt_pearson_r": round(float(np.mean(rs)), 4),
        "fold_scores": [f + r for f, r in zip(f1s, rs, strict=True)],
        "folds": {
            "newsmtsc_quotes_macro_f1": f1s,
            "newsmtsc_quotes_accuracy": accuracies,
            "nyt_pearson_r": rs,
        },
        "out_of_fold": out_of_fold,
        "predicted": predicted,
    }


def choose(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The setting to ship, with the held-out figures of choosing a setting this way.

    The setting shipped is the one best on all folds (``fold_scores``). Its figures would
    flatter it, so ``"selected"`` gives, for each figure per fold (``folds``), the mean
    over folds of the figure of the setting best on the *other* folds.
    """

    def without(k: int | None) -> Any:
        return lambda r: float(np.mean(np.delete(r["fold_scores"], [] if k is None else k)))

    best = max(results, key=without(None))
    chosen = [max(results, key=without(k)) for k in range(FOLDS)]
    selected = {
        name: round(float(np.mean([r["folds"][name][k] for k, r in enumerate(chosen)])), 4)
        for name in best["folds"]
    }
    return {**best, "selected": selected}


class TargetData:
    """NewsMTSC's labelled targets: one item per target mention of each sentence."""

    def __init__(self, folder: Path) -> None:
        scorer = SentimentScorer(model="news")
        numbers, words, y, groups, texts = [], [], [], [], []
        for sentence in read_jsonl(folder / "newsmtsc_train.jsonl"):
            text = sentence["sentence_normalized"]
            for target in sentence["targets"]:
                x, w = targeted.target_inputs(scorer, text, target["from"], target["to"])
                numbers.append(x)
                words.append(w)
                y.append(POLARITY[target["polarity"]])
                texts.append(text)
                groups.append(group_of("newsmtsc:" + sentence["primary_gid"]))
        self.dense = np.array(numbers)
        self.words = words
        self.y = np.array(y)
        self.kind = np.array(["target"] * len(y))
        self.texts = texts
        self.groups = groups
        self.fold = folds_of(groups, FOLDS)
        self.count = len(y)


def cross_validate_targets(data: Any, c: float) -> dict[str, Any]:
    """Grouped K-fold macro-F1 of the target calibration, cut-offs chosen as for quotes."""
    out_of_fold = np.zeros(len(data.y))
    for k in range(FOLDS):
        test = data.fold == k
        model = Model(data, ~test, c, {"target": 1.0}, TARGET_PRUNING)
        out_of_fold[test] = model.compound(data, test)
    cutoffs, predicted, f1s, accuracies = held_out(data, out_of_fold, "target")
    return {
        "C": c,
        "cutoffs": cutoffs,
        "newsmtsc_targets_macro_f1": round(float(np.mean(f1s)), 4),
        "newsmtsc_targets_accuracy": round(float(np.mean(accuracies)), 4),
        "fold_scores": f1s,
        "folds": {"newsmtsc_targets_macro_f1": f1s, "newsmtsc_targets_accuracy": accuracies},
        "out_of_fold": out_of_fold,
        "predicted": predicted,
    }


def train_targets(folder: Path, write: bool) -> None:
    """Cross-validate the target model over C and, with ``write``, ship it."""
    data = TargetData(folder)
    results = []
    for c in C_GRID:
        r = cross_validate_targets(data, c)
        results.append(r)
        print(
            f"targets C={c:<5} macro-F1 {r['newsmtsc_targets_macro_f1']:.4f} "
            f"acc {r['newsmtsc_targets_accuracy']:.4f} cut-offs {r['cutoffs']}",
            flush=True,
        )
    best = choose(results)
    print(f"chosen: C={best['C']}; held out, choosing so: {best['selected']}")
    if not write:
        return
    if SENTIMENT_CUTOFFS.get("news-target") != best["cutoffs"]:
        print(f"NOTE: set SENTIMENT_CUTOFFS['news-target'] to {best['cutoffs']}")
    everything = np.ones(len(data.y), dtype=bool)
    model = Model(data, everything, best["C"], {"target": 1.0}, TARGET_PRUNING)
    provenance = {
        "data": {
            "newsmtsc_train.jsonl": (
                f"{data.count} labelled target mentions in the NewsMTSC train split "
                "(Hamborg and Donnay, EACL 2021; MIT)"
            ),
        },
        "regularisation": {"C": best["C"]},
        "cross_validation": {
            "folds": f"{FOLDS}, grouped by article; cut-offs and C chosen on the other folds",
            "newsmtsc_targets_macro_f1": best["selected"]["newsmtsc_targets_macro_f1"],
            "newsmtsc_targets_accuracy": best["selected"]["newsmtsc_targets_accuracy"],
        },
    }
    write_model(TARGET_OUT, model, targeted.TARGET_FEATURES, best["cutoffs"], provenance)


def write_model(
    path: Path,
    model: Model,
    features: Sequence[str],
    cutoffs: tuple[float, float],
    provenance: dict[str, Any],
) -> None:
    """Write a trained calibration as the JSON that news.Calibration reads."""
    coef = model.lr.coef_
    n_dense = len(features)
    words = {
        w: [round(float(coef[i, n_dense + j]), 4) for i in model.order]
        for w, j in model.vocabulary.items()
        if np.abs(coef[:, n_dense + j]).max() >= model.min_weight
    }
    payload = {
        "features": list(features),
        "classes": ["negative", "neutral", "positive"],
        "mean": [round(float(v), 6) for v in model.mean],
        "scale": [round(float(v), 6) for v in model.scale],
        "coef": [[round(float(v), 6) for v in coef[i, :n_dense]] for i in model.order],
        "intercept": [round(float(model.lr.intercept_[i]), 6) for i in model.order],
        "cutoffs": [float(cutoffs[0]), float(cutoffs[1])],
        "words": words,
        "provenance": {
            "trained_by": "tools/train_sentiment.py",
            "date": dt.date.today().isoformat(),
            **provenance,
            "words_kept": (
                f"{len(words)} of {len(model.vocabulary)} (|weight| >= {model.min_weight})"
            ),
        },
    }
    path.write_text(dump(payload), encoding="utf-8")
    print(f"wrote {path}")


def dump(payload: dict[str, Any]) -> str:
    """The model as JSON, compact: one line per key, and one line per word's weights."""
    lines = []
    for key, value in payload.items():
        if key == "words":
            rows = [
                f"  {json.dumps(w)}:{json.dumps(v, separators=(',', ':'))}"
                for w, v in value.items()
            ]
            lines.append(' "words":{\n' + ",\n".join(rows) + "\n }")
        else:
            lines.append(f" {json.dumps(key)}:{json.dumps(value, separators=(',', ':'))}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="folder of the sentiment .jsonl files")
    parser.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    parser.add_argument("--ablate", choices=["lexicon", "names", "negation"])
    parser.add_argument(
        "--targets", action="store_true", help="train the target model (news_target_model.json)"
    )
    args = parser.parse_args(argv)
    ablate(args.ablate)
    if args.targets:
        train_targets(args.data, args.write)
        return
    data = Data(args.data)
    results = []
    for c in C_GRID:
        for weights in WEIGHTS:
            r = cross_validate(data, c, weights)
            results.append(r)
            print(
                f"C={c:<5} weights={weights} quotes macro-F1 "
                f"{r['newsmtsc_quotes_macro_f1']:.4f} acc {r['newsmtsc_quotes_accuracy']:.4f}"
                f"  NYT r {r['nyt_pearson_r']:.4f}  cut-offs {r['cutoffs']}",
                flush=True,
            )
    # one criterion for both floors: quote macro-F1 plus NYT r
    best = choose(results)
    print(f"chosen: C={best['C']} weights={best['weights']}")
    print(f"held out, choosing so: {best['selected']}")
    if not args.write:
        return
    cutoffs = best["cutoffs"]
    if SENTIMENT_CUTOFFS["news"] != cutoffs:
        print(f"NOTE: set SENTIMENT_CUTOFFS['news'] in quotetrack/models.py to {cutoffs}")
    everything = np.ones(len(data.y), dtype=bool)
    model = Model(data, everything, best["C"], best["weights"])
    provenance = {
        "data": {
            "newsmtsc_train_quotes.jsonl": (
                f"{data.counts['quotes']} quotes from the NewsMTSC train split "
                "(Hamborg and Donnay, EACL 2021; MIT)"
            ),
            "newsmtsc_train.jsonl": (
                f"{data.counts['sentences']} sentences of the NewsMTSC train split, "
                "each labelled by the majority polarity toward its targets"
            ),
            "nyt_editorial_train.jsonl": (
                f"{data.counts['nyt']} NYT editorial snippets of VADER "
                "(Hutto and Gilbert, ICWSM 2014; MIT)"
            ),
        },
        "regularisation": {"C": best["C"], "sample_weights": best["weights"]},
        "cross_validation": {
            "folds": (
                f"{FOLDS}, grouped by article; cut-offs, C and weights chosen on the other folds"
            ),
            "newsmtsc_quotes_macro_f1": best["selected"]["newsmtsc_quotes_macro_f1"],
            "newsmtsc_quotes_accuracy": best["selected"]["newsmtsc_quotes_accuracy"],
            "nyt_pearson_r": best["selected"]["nyt_pearson_r"],
        },
    }
    write_model(OUT, model, news.FEATURES, cutoffs, provenance)


if __name__ == "__main__":
    main()
