"""The ``news`` model: VADER's rules read the way news is written, then calibrated.

Three changes to what VADER reads, then a learned calibration:

1. **A news lexicon** (``quotetrack/data/news_sentiment_lexicon.tsv``, written by hand):
   criticism and praise words of political news that VADER lacks ("corrupt",
   "hypocrisy", "unconstitutional", "bipartisan"), and VADER words whose usual sense in
   news is neutral ("party", "care" of "health care", "like" as a preposition), which
   score 0.
2. **Names carry no sentiment.** A capitalised word inside a sentence, or a run of
   capitalised words ("United States Supreme Court", "Justice Department", "Liberty
   University"), is read as part of a name: it scores nothing and boosts nothing.
3. **Negation reaches the end of its clause** ("He is not going to be the greatest
   fighter"), not only VADER's three words; a comma, semicolon, colon, dash or a
   conjunction ("but", "and", "because" ...) ends the clause.

From what VADER and this reading give, :func:`read` makes ten numbers and a set of
words, and a multinomial logistic regression (weights for the numbers and for about
3,700 words in ``quotetrack/data/news_sentiment_model.json``, learned by
``tools/train_sentiment.py`` on human-labelled news, with the figures and the date
there too) turns them into the probabilities of negative, neutral and positive.
``compound`` is P(positive) − P(negative). Inference is pure Python and linear in the
length of the text.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from itertools import repeat
from math import exp
from typing import Any, Final, Protocol

from quotetrack.models import Sentiment
from quotetrack.sentiment.vader import (
    context_words,
    has_idiom,
    hit_sums,
    idiom_only_words,
    idiom_pair_words,
    is_booster,
    is_negation,
    lexicon,
    normalize,
    read_token,
    rounded_scores,
    rule_words,
    scored_words,
)

__all__ = [
    "FEATURES",
    "Calibration",
    "Part",
    "PartsReader",
    "calibration",
    "clause_negations",
    "name_positions",
    "news_lexicon",
    "read",
    "token_reading",
]

# One sentence as the scorer reads it: raw tokens, VADER's reading of each, the sentence,
# and its code (the codes of its tokens joined; see token_reading).
Part = tuple[list[str], list[str], str, str]


class PartsReader(Protocol):
    """What cuts a text into :data:`Part` s: a :class:`~quotetrack.sentiment.SentimentScorer`."""

    def parts(self, text: str) -> list[Part]:
        """``text``'s sentences as the models read them."""


FEATURES: Final = (
    "news_compound",
    "vader_compound",
    "news_positive_share",
    "news_negative_share",
    "log_positive_words",
    "log_negative_words",
    "negated",
    "question",
    "exclamation",
    "log_words",
)
"""The names of the numbers :func:`read` gives, in order."""

_NEGATIONS: Final = frozenset("not no never nor neither nobody nothing none cannot without".split())
# A capitalised word after one of these starts a sentence or a quotation, not a name.
_OPENERS: Final = ('"', "'", "(", "[", ":", ".", "!", "?", "-")
# Lowercase words that join the parts of one name: "Department of Justice".
_NAME_JOINERS: Final = frozenset({"of", "the", "for", "and", "&", "de"})
_ASCII_PUNCTUATION: Final = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


@functools.cache
def news_lexicon() -> tuple[dict[str, float], frozenset[str]]:
    """VADER's lexicon with the news rows applied, and the words that carry a valence."""
    text = (
        resources.files("quotetrack")
        .joinpath("data", "news_sentiment_lexicon.tsv")
        .read_text("utf-8")
    )
    words = dict(lexicon())
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, valence = line.split("\t")
            words[sys.intern(word)] = float(valence)  # interned: see token_reading
    scored = frozenset(w for w, v in words.items() if v != 0 and not is_booster(w))
    return words, scored


@functools.cache
def _changed_words() -> frozenset[str]:
    """The words the news lexicon adds or re-values."""
    base = lexicon()
    words, _ = news_lexicon()
    return frozenset(w for w, v in words.items() if base.get(w) != v)


def _is_title(raw: str) -> bool:
    """Whether ``raw`` stripped of outer ASCII punctuation is Capitalised (not ALL CAPS)."""
    if raw[0] not in _ASCII_PUNCTUATION:
        # nothing to strip at the start; punctuation has no case, so the raw token is
        # ALL CAPS exactly when the stripped word is
        return raw[0].isupper() and not raw.isupper()
    word = raw.strip(_ASCII_PUNCTUATION)
    return bool(word) and word[0].isupper() and not word.isupper()


# --- What each token is, once: a string of letters per distinct raw token --------------
#
# Each token is read once per process (tokens repeat) into a code: one character per
# question below, the question's letter when the answer is yes and "." when it is no,
# always in the same place. A sentence's code is its tokens' codes joined (C speed), so
# "is there a token with a valence?" is ``"S" in code`` and the i-th token's answer to
# a question sits at ``i * _WIDTH`` plus the question's place. Most sentences skip most
# of the work on a few such look-ups.

_LETTERS: Final = "TUunNMGSVCXBEJAOL?!IbRFZ"
# T  Capitalised (_is_title)                U  ALL CAPS         u  not ALL CAPS
# n  holds "n't"                            N  a negation VADER reads (is_negation)
# M  N or E: a mark the widened negation stops at
# G  a negation of the "negated" feature (_NEGATIONS, "n't")
# S  a word with a valence in the news lexicon;  V  in VADER's
# C  a word the news lexicon adds or re-values
# X  a word VADER's rules look at outside idioms (context_words less idiom_only_words)
# B  "but"     E  ends a clause for the widened negation
# J  joins the parts of a name (_NAME_JOINERS)
# A  ends with one of _OPENERS    O  starts with one    L  ends with "," ";" or ":"
# ?  holds "?"     !  holds "!"
# I  a word VADER's rules look at only in idioms (idiom_only_words)
# b  a booster or dampener     R  a word that sets off VADER's rules (rule_words)
# F, Z  the first, the second word of a pair in an idiom (idiom_pair_words)
_WIDTH: Final = len(_LETTERS)
_AT_E: Final = _LETTERS.index("E")
_AT_J: Final = _LETTERS.index("J")
_AT_A: Final = _LETTERS.index("A")
_AT_O: Final = _LETTERS.index("O")
_AT_L: Final = _LETTERS.index("L")
_AT_F: Final = _LETTERS.index("F")
_AT_Z: Final = _LETTERS.index("Z")
# Words and marks that end a clause for the widened negation: a negation reaches every
# later lexicon word of its clause, not only the next three.
_CLAUSE_WORDS: Final = frozenset(
    "but and although though because while whereas however yet unless".split()
)
_CLAUSE_MARKS: Final = (",", ";", ":")
_CLAUSE_ENDS: Final = _CLAUSE_WORDS | {"-"}


def _code_of(raw: str) -> str:
    """The code of one raw token (see above)."""
    low = read_token(raw)
    scored = news_lexicon()[1]
    vader_scored, changed, context = _vader_reading()
    idiom_firsts, idiom_seconds = idiom_pair_words()
    nt = "n't" in low
    negates = is_negation(low)
    ends = raw.endswith(_CLAUSE_MARKS) or low in _CLAUSE_ENDS
    answers = {
        "T": _is_title(raw),
        "U": raw.isupper(),
        "u": not raw.isupper(),
        "n": nt,
        "N": negates,
        "M": negates or ends,
        "G": nt or low in _NEGATIONS,
        "S": low in scored,
        "V": low in vader_scored,
        "C": low in changed,
        "X": low in context,
        "B": low == "but",
        "E": ends,
        "J": raw.lower() in _NAME_JOINERS,
        "A": raw.endswith(_OPENERS),
        "O": raw.startswith(_OPENERS),
        "L": raw.endswith(_CLAUSE_MARKS),
        "?": "?" in raw,
        "!": "!" in raw,
        "I": low in idiom_only_words(),
        "b": is_booster(low),
        "R": low in rule_words(),
        "F": low in idiom_firsts,
        "Z": low in idiom_seconds,
    }
    return "".join(letter if answers[letter] else "." for letter in _LETTERS)


def token_reading(raw: str) -> tuple[str, str]:
    """VADER's reading of the raw token ``raw`` (:func:`~quotetrack.sentiment.vader.read_token`)
    and its code: what a :class:`~quotetrack.sentiment.SentimentScorer` remembers of each
    token it meets, to cut texts into :data:`Part` s.

    Both are interned. The reading is then the very key object of the lexicons and of the
    calibration's word weights (interned too), so their look-ups match by identity; the
    code is one of about a hundred distinct strings, shared by every token that has it,
    so a sentence's code is joined from a few objects that stay in cache.
    """
    return sys.intern(read_token(raw)), sys.intern(_code_of(raw))


def _positions(code: str, letter: str) -> list[int]:
    """The positions of the tokens whose answer is ``letter`` in a sentence's ``code``."""
    out = []
    at = code.find(letter)
    while at >= 0:
        out.append(at // _WIDTH)
        at = code.find(letter, at + 1)
    return out


def name_positions(raw_tokens: Sequence[str], code: str | None = None) -> set[int]:
    """The positions of the tokens that are part of a name (and so carry no sentiment).

    A capitalised word (not ALL CAPS) is part of a name when it does not start the
    sentence or a quotation, or when it starts a run of capitalised words ("Supreme
    Court ..."). Lowercase joiners inside such a run ("Department *of* Justice") are too.
    ``code`` is the sentence's code when the caller has it (:func:`read` has it from the
    scorer's cache of token codes).
    """
    if code is None:
        code = "".join(map(_code_of, raw_tokens))
    names: set[int] = set()
    width = _WIDTH
    # the first token opens the sentence: a name only when a capitalised word follows
    if code[0] == "T" and code[width : width + 1] == "T" and code[_AT_L] != "L":
        names.add(0)
    at = code.find("T", width)
    while at >= 0:
        # not after an opener nor starting with one, or followed by a capitalised word
        # without "," ";" ":" between
        if (code[at - width + _AT_A] != "A" and code[at + _AT_O] != "O") or (
            code[at + width : at + width + 1] == "T" and code[at + _AT_L] != "L"
        ):
            names.add(at // width)
        at = code.find("T", at + width)
    if names and "J" in code:
        for i in list(names):
            if i + 2 in names and code[(i + 1) * _WIDTH + _AT_J] == "J":
                names.add(i + 1)
    return names


def read(parts: Sequence[Part]) -> tuple[list[float], set[str]]:
    """The calibration model's inputs for a text cut into sentences.

    The numbers named by :data:`FEATURES`, and the text's distinct words as the
    calibration's word weights look them up: VADER's reading of each token (lowercased,
    outer punctuation stripped) outside names (:func:`name_positions`), written
    ``not_word`` after a negation in the same clause. Tokens without a letter ("2016",
    "--") are in the set too, but never in a vocabulary: training leaves them out.
    Linear in the text's length: each sentence is read by VADER as it is and by the news
    reading (news lexicon, names masked, negation to the clause's end), the second
    reading only where the two can differ.
    """
    if not parts:
        return [0.0] * len(FEATURES), set()
    words = news_lexicon()[0]
    vader_words = lexicon()
    text_words: set[str] = set()
    # the news reading's sums, pooled as vader.pool pools them, and VADER's valence
    valence = positive = negative = vader_valence = 0.0
    neutral = n_positive = n_negative = n_words = 0
    same = True  # whether VADER read every sentence as the news reading did
    codes = []
    for raw_tokens, lowers, sentence, code in parts:
        n = len(raw_tokens)
        n_words += n
        codes.append(code)
        masked, names, masked_code = lowers, None, ""
        # a capitalised first word alone is no name: look for names past it only
        if code.find("T", _WIDTH) >= 0 and (names := name_positions(raw_tokens, code)):
            masked = lowers.copy()
            for i in names:
                masked[i] = ""
            masked_code = "".join([code[i * _WIDTH : (i + 1) * _WIDTH] for i in names])
        negations = None
        if "N" in code:
            negations, runs = clause_negations(code)
            # Every token goes in: those without a letter are in no vocabulary (see above).
            done = 0
            for start, end in runs:
                text_words.update(masked[done:start])
                text_words.update(map("not_".__add__, masked[start:end]))
                done = end
            text_words.update(masked[done:])
        else:
            text_words.update(masked)
        is_cap_diff = "U" in code and "u" in code
        nt = "n" in code
        marks = "?" in code or "!" in code
        # whether the sentence holds an idiom, and whether any of VADER's rules can apply,
        # to the news reading or VADER's
        idioms = "Z" in code and _holds_idiom(code, lowers)
        rules = idioms or nt or is_cap_diff or "R" in code
        news = None
        wide = False  # whether a negation reached a word beyond VADER's three
        if "S" in code:
            hits = _positions(code, "S")
            if names:
                hits = [i for i in hits if i not in names]
            if hits:
                if negations is not None:
                    wide = any(0 <= negations[i] < i - 3 for i in hits)
                news = hit_sums(
                    raw_tokens,
                    masked,
                    sentence,
                    hits,
                    words,
                    is_cap_diff=is_cap_diff,
                    nt=nt,
                    but="B" in code and "but" in masked,
                    negations=negations if wide else None,
                    marks=marks,
                    rules=rules,
                    idioms=idioms,
                )
        if news is None:
            neutral += n
        else:
            valence += news[0]
            positive += news[1]
            negative += news[2]
            neutral += news[3]
            n_positive += news[4]
            n_negative += news[5]
        # VADER's own reading differs only where the news reading changed something it
        # reads: a re-valued word, a masked word VADER's rules look at, a wide negation.
        if (
            not wide
            and "C" not in code
            and not (masked_code and _masks_context(masked_code, lowers, negations))
        ):
            vader_valence += news[0] if news else 0.0
        else:
            same = False
            if "V" in code:
                vader_valence += hit_sums(
                    raw_tokens,
                    lowers,
                    sentence,
                    _positions(code, "V"),
                    vader_words,
                    is_cap_diff=is_cap_diff,
                    nt=nt,
                    but="B" in code,
                    negations=None,
                    marks=marks,
                    rules=rules,
                    idioms=idioms,
                )[0]
    news_compound = normalize(valence)
    vader_compound = news_compound if same else normalize(vader_valence)
    size = positive - negative + neutral or 1.0
    every = codes[0] if len(codes) == 1 else "".join(codes)
    return [
        news_compound,
        vader_compound,
        positive / size,
        -negative / size,
        math.log1p(n_positive),
        math.log1p(n_negative),
        1.0 if "G" in every else 0.0,
        1.0 if "?" in every else 0.0,
        1.0 if "!" in every else 0.0,
        math.log1p(n_words),
    ], text_words


def _masks_context(masked: str, lowers: Sequence[str], negations: object) -> bool:
    """Whether masking names whose codes joined are ``masked`` can change what VADER's
    rules read in a sentence read as ``lowers``, with ``negations`` or none."""
    if "X" in masked:
        return True
    if negations is not None:
        return "I" in masked or "b" in masked
    # An idiom word matters only in an idiom. A booster matters too, but context_words
    # leaves boosters out, so a masked booster makes VADER read again only next to a
    # masked idiom word, as it did when every idiom word was a context word.
    return "I" in masked and ("b" in masked or has_idiom(lowers))


def _holds_idiom(code: str, lowers: Sequence[str]) -> bool:
    """:func:`~quotetrack.sentiment.vader.has_idiom` of a sentence, looked up only at a
    token that can start an idiom's pair ("F") followed by one that can end it ("Z")."""
    found = _PAIR.search(code)
    while found is not None:
        i = found.start() // _WIDTH
        if has_idiom(lowers[i : i + 2]):
            return True
        found = _PAIR.search(code, found.start() + 1)
    return False


# A token that can start an idiom's pair ("F") just before one that can end it ("Z"). Each
# letter has its own place in every token's code, so an F and a Z are this far apart
# exactly when they belong to neighbouring tokens: one regex search finds the pairs,
# where a look at each "F" ("the", "of", "to", "a" ... are such words) cost two calls.
_PAIR: Final = re.compile(f"F(?=.{{{_WIDTH + _AT_Z - _AT_F - 1}}}Z)")


def clause_negations(code: str) -> tuple[list[int], list[tuple[int, int]]]:
    """For each token of a sentence whose code is ``code``, the index of the last negation
    before it in its clause, else -1; and the runs of tokens that follow a negation in
    their clause, as (start, end).

    A clause word ("but"), a lone "-" or a token ending in a clause mark ends a clause
    after it; a negation starts a run after it.
    """
    n = len(code) // _WIDTH
    out: list[int] = []
    runs: list[tuple[int, int]] = []
    last = -1
    done = 0  # out holds the tokens before this one
    for i in _positions(code, "M"):
        out += repeat(last, i + 1 - done)
        if last >= 0:
            runs.append((done, i + 1))
        last = -1 if code[i * _WIDTH + _AT_E] == "E" else i
        done = i + 1
    if done < n:
        out += repeat(last, n - done)
        if last >= 0:
            runs.append((done, n))
    return out, runs


@functools.cache
def _vader_reading() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """VADER's scored words, the words the news lexicon changes, and the words VADER's
    rules look at outside idioms: what :func:`read` needs to read a sentence as VADER does."""
    return scored_words(), _changed_words(), context_words() - idiom_only_words()


class Calibration:
    """A multinomial logistic regression over standardised numbers and a set of words.

    For the news model, the numbers and words of :func:`read`. Each word found in the
    model's vocabulary adds its three weights (negative, neutral, positive) to the
    logits, once however often it occurs.
    """

    def __init__(
        self, data: Mapping[str, Any], features: Sequence[str] = FEATURES, model: str = "news"
    ) -> None:
        if tuple(data["features"]) != tuple(features):
            msg = f"the {model} sentiment model was trained on other features; retrain it"
            raise ValueError(msg)
        self.model = model
        self.mean: list[float] = [float(x) for x in data["mean"]]
        self.scale: list[float] = [float(x) for x in data["scale"]]
        # rows: negative, neutral, positive
        self.coef: list[list[float]] = [[float(x) for x in row] for row in data["coef"]]
        self.intercept: list[float] = [float(x) for x in data["intercept"]]
        self.words: dict[str, tuple[float, float, float]] = {
            # interned, as the scorer's token readings are (see token_reading)
            sys.intern(w): (float(a), float(b), float(c))
            for w, (a, b, c) in data["words"].items()
        }
        self.cutoffs: tuple[float, float] = (
            float(data["cutoffs"][0]),
            float(data["cutoffs"][1]),
        )
        self._vocabulary = frozenset(self.words)
        # The standardisation folded into the weights: w·(x − m)/s + b = (w/s)·x + b'.
        self._weights = [[w / s for w, s in zip(row, self.scale, strict=True)] for row in self.coef]
        # each feature's position and its three weights
        self._columns = [(k, *abc) for k, abc in enumerate(zip(*self._weights, strict=True))]
        self._bias = [
            b - sum(w * m for w, m in zip(row, self.mean, strict=True))
            for row, b in zip(self._weights, self.intercept, strict=True)
        ]

    def probabilities(
        self, x: Sequence[float], text_words: Iterable[str] = ()
    ) -> tuple[float, float, float]:
        """P(negative), P(neutral), P(positive) for one feature vector and word set."""
        # Plain float arithmetic, which the interpreter runs fastest; the sums are added
        # in the order sum() would add them, so the logits are the same floats.
        if len(x) != len(self._columns):
            msg = f"{len(x)} numbers for a model of {len(self._columns)} features"
            raise ValueError(msg)
        d0 = d1 = d2 = 0.0
        for k, a, b, c in self._columns:
            v = x[k]
            if v:  # adding a·0 to a sum that is not -0.0 changes nothing
                d0 += a * v
                d1 += b * v
                d2 += c * v
        b0, b1, b2 = self._bias
        l0, l1, l2 = b0 + d0, b1 + d1, b2 + d2
        # a frozenset & a set iterates the smaller: the text's words, not the vocabulary
        weights = self.words
        for word in self._vocabulary.intersection(text_words):
            a, b, c = weights[word]
            l0 += a
            l1 += b
            l2 += c
        top = max(l0, l1, l2)
        e0, e1, e2 = exp(l0 - top), exp(l1 - top), exp(l2 - top)
        total = e0 + e1 + e2
        return e0 / total, e1 / total, e2 / total

    def sentiment(self, parts: Sequence[Part]) -> Sentiment:
        """The news model's :class:`~quotetrack.models.Sentiment` of a text's sentences."""
        x, text_words = read(parts)
        return self.sentiment_of(x, text_words)

    def sentiment_of(self, x: Sequence[float], text_words: Iterable[str]) -> Sentiment:
        """The :class:`~quotetrack.models.Sentiment` for one feature vector and word set."""
        negative, neutral, positive = self.probabilities(x, text_words)
        return Sentiment(
            *rounded_scores(positive - negative, positive, neutral, negative), self.model
        )


@functools.cache
def calibration() -> Calibration:
    """The shipped calibration, read once per process."""
    text = (
        resources.files("quotetrack")
        .joinpath("data", "news_sentiment_model.json")
        .read_text("utf-8")
    )
    return Calibration(json.loads(text))
