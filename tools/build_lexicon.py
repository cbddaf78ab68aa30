"""Build quotetrack's PolNeAR-derived lexicons, and print the corpus analysis behind them.

Run on the PolNeAR *train* split only (never build lexicon entries from dev):

    .venv/bin/python tools/build_lexicon.py /work/shared/data/polnear/train
    .venv/bin/python tools/build_lexicon.py /work/shared/data/polnear/train --report

The first form writes ``quotetrack/data/cues.tsv`` and ``quotetrack/data/source_nouns.tsv``;
``--report`` prints the figures of ``docs/polnear-analysis.md`` instead (it may be pointed at
dev to check that the figures generalise).  Standard library only; deterministic output.

Gold loading follows ``shared/eval/polnear_score.py``: one attribution per brat ``E`` line,
the first ``.ann`` of a document in sorted order, events whose content is empty skipped, and the
class (direct / mixed / indirect) taken from the share of content characters inside a quoted
region (``quoted_mask`` below is a copy of the scorer's).

Cue heads.  A gold Cue span is reduced to one *head* word: leading auxiliaries, modals,
negation, ``to`` and a few adverbs (``has said``, ``did not mention``, ``is expected``,
``also noted``, ``to say``) are skipped, and ``according to`` is kept whole.  Multiword
spans are listed again as ``multi`` rows (the span from its head on, e.g. ``told reporters``,
``pointed out``) when the phrase is a markedly better cue than its head word alone.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "quotetrack" / "data"

# ---------------------------------------------------------------------------------------------
# Thresholds (documented in the headers of the files written)
# ---------------------------------------------------------------------------------------------
MIN_GOLD = 2  # a cue lemma / source noun must be gold at least this often in train
MULTI_MIN_GOLD = 5  # a multiword cue phrase must be gold at least this often
MULTI_MIN_PRECISION = 0.3  # ... and be a gold cue in at least this share of its text uses
MULTI_MIN_LIFT = 0.10  # ... and beat its head word's precision by this much
MIN_LEMMA_PRECISION = 0.02  # a cue lemma's forms together must be gold cues this often

# ---------------------------------------------------------------------------------------------
# Quotation marks: a copy of the scorer's definitions
# ---------------------------------------------------------------------------------------------
DQUOTES = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'
OPENERS = "\u201c\u201e\u201f\u00ab"
CLOSERS = "\u201d\u00bb"
IGNORED = set(DQUOTES + "'\u2018\u2019\u201b`")
DIRECT_MIN = 0.8
CLASSES = ("direct", "mixed", "indirect")


def quoted_mask(text: str) -> bytearray:
    """1 for each character inside a double-quoted stretch (the scorer's rule, verbatim)."""
    mask = bytearray(len(text))
    pos = 0
    for para in text.replace("''", "\"'").split("\n"):
        start = None
        for i, ch in enumerate(para):
            if ch not in DQUOTES:
                continue
            before = para[i - 1] if i else " "
            after = para[i + 1] if i + 1 < len(para) else " "
            word_start = (before.isspace() or before in "([{:\u2014\u2013") and not after.isspace()
            word_end = not before.isspace() and (after.isspace() or after in ",.;:!?)]}\u2014")
            if start is None:
                if ch in OPENERS or ch == '"' or word_start:
                    start = i
            elif ch in CLOSERS or ch == '"' or word_end:
                mask[pos + start + 1 : pos + i] = b"\x01" * (i - start - 1)
                start = None
        if start is not None:
            mask[pos + start + 1 : pos + len(para)] = b"\x01" * (len(para) - start - 1)
        pos += len(para) + 1
    return mask


def quoted_regions(mask: bytearray) -> list[tuple[int, int]]:
    """Maximal runs of 1s in a quoted mask, as (start, end) offsets."""
    runs, start = [], None
    for i, v in enumerate(mask):
        if v and start is None:
            start = i
        elif not v and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(mask)))
    return runs


# ---------------------------------------------------------------------------------------------
# Gold loading
# ---------------------------------------------------------------------------------------------
Span = tuple[int, int]


@dataclass
class Attribution:
    """One gold attribution (brat event) with its class and spans."""

    content: list[Span]
    source: list[Span]
    cue: list[Span]
    cls: str
    chars: set[int] = field(repr=False)

    @property
    def extent(self) -> Span:
        return min(s for s, _ in self.content), max(e for _, e in self.content)


@dataclass
class Doc:
    """One article: its text, quoted mask, tokens and gold attributions."""

    name: str
    text: str
    mask: bytearray
    atts: list[Attribution]
    tokens: list[Token] = field(default_factory=list, repr=False)


def _charset(text: str, spans: Iterable[Span]) -> set[int]:
    return {
        i
        for s, e in spans
        for i in range(max(0, s), min(len(text), e))
        if not text[i].isspace() and text[i] not in IGNORED
    }


def _classify(chars: set[int], mask: bytearray) -> str:
    f = sum(mask[i] for i in chars) / len(chars)
    return "direct" if f >= DIRECT_MIN else "mixed" if f > 0 else "indirect"


def parse_ann(path: Path) -> list[dict[str, list[Span]]]:
    """The events of one .ann file as {'content': [...], 'source': [...], 'cue': [...]}."""
    spans: dict[str, list[Span]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(T\d+)\t(\S+) ([\d ;]+)(\t|$)", line)
        if m:
            spans[m.group(1)] = [
                (int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";"))
            ]
            continue
        m = re.match(r"E\d+\t(.*)", line)
        if m:
            events.append([arg.split(":") for arg in m.group(1).split()])
    out = []
    for args in events:
        att: dict[str, list[Span]] = {"content": [], "source": [], "cue": []}
        for role, tid in args:
            key = role.lower().rstrip("0123456789")
            if key in att:
                att[key].extend(spans.get(tid, []))
        out.append(att)
    return out


def load_split(split: Path) -> list[Doc]:
    """Every document of a PolNeAR split, with the scorer's choice of annotator file."""
    first_ann: dict[str, Path] = {}
    for path in sorted((split / "attributions").glob("*.ann")):
        first_ann.setdefault(path.stem.rsplit("_", 1)[0], path)
    docs = []
    for path in sorted((split / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mask = quoted_mask(text)
        atts = []
        raw = parse_ann(first_ann[path.stem]) if path.stem in first_ann else []
        for a in raw:
            chars = _charset(text, a["content"])
            if chars:
                cls = _classify(chars, mask)
                atts.append(Attribution(a["content"], a["source"], a["cue"], cls, chars))
        doc = Doc(path.stem, text, mask, atts)
        doc.tokens = tokenize(text)
        docs.append(doc)
    return docs


# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------
WORD_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|[^\w\s]")


@dataclass(frozen=True)
class Token:
    """A word or punctuation token: lowercased form (’ read as ') and its offsets."""

    form: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.form[0].isalnum()


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.group().lower().replace("\u2019", "'"), m.start(), m.end())
        for m in WORD_RE.finditer(text)
    ]


def token_range(tokens: list[Token], start: int, end: int) -> range:
    """Indices of the tokens lying inside [start, end) (tokens are sorted by offset)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].end <= start:
            lo = mid + 1
        else:
            hi = mid
    first = lo
    while lo < len(tokens) and tokens[lo].start < end:
        lo += 1
    return range(first, lo)


# ---------------------------------------------------------------------------------------------
# Cue heads
# ---------------------------------------------------------------------------------------------
AUX = {
    "am", "is", "are", "was", "were", "be", "been", "being", "'s", "has", "have", "had",
    "having", "will", "would", "could", "should", "can", "may", "might", "must", "shall",
    "do", "does", "did", "to", "not", "never", "don't", "doesn't", "didn't", "won't",
    "wouldn't", "can't", "couldn't", "isn't", "wasn't", "aren't", "weren't", "hasn't",
    "haven't", "hadn't", "also", "later", "then", "now", "previously", "repeatedly", "once",
    "again", "already", "still", "just", "often", "widely", "recently", "first", "further",
    "publicly", "privately", "reportedly", "initially", "earlier", "long", "even", "both",
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "since", "yet", "all", "so",
    "more", "most", "quick", "only", "n't",
}  # fmt: skip
CLITIC_RE = re.compile(r"\w+'(s|re|ve|d|m|ll)$")  # he's, they're, Trump's: skipped too
FUNCTION_WORDS = {
    "in", "for", "on", "of", "by", "about", "under", "from", "at", "with", "to", "as", "it",
    "there", "one", "that", "this", "no", "well", "what", "which", "who", "and", "but", "if",
    "whether", "how", "why", "among", "against", "over", "after", "before", "through", "into",
    "than", "i", "we", "you", "he", "she", "they", "be", "have", "do", "is", "are",
    "was", "were",
}  # fmt: skip  # heads annotated as cues in odd constructions only; not in cues.tsv
AUX_LEMMA = {
    "am": "be", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be",
    "being": "be", "has": "have", "had": "have", "having": "have", "does": "do", "did": "do",
}  # fmt: skip
FIXED: set[tuple[str, ...]] = {("according", "to")}  # word pairs that form one head
PUNCT_CUE = "punct"


def skippable(word: str) -> bool:
    """True for a word that cannot head a cue span when a later word can."""
    return (
        word in AUX
        or CLITIC_RE.match(word) is not None
        or (word.endswith("ly") and word not in ("likely", "reply", "apply", "rally"))
    )


def cue_head(tokens: list[Token], idx: range) -> tuple[int, int] | None:
    """(first, last+1) token indices of the head of a cue span, or None if it has no word.

    The head is the first word after leading auxiliaries and adverbs (the last word if the
    span is all auxiliaries); ``according to`` is one two-word head."""
    words = [i for i in idx if tokens[i].is_word]
    if not words:
        return None
    k = 0
    while k < len(words) - 1 and skippable(tokens[words[k]].form):
        k += 1
    i = words[k]
    if i + 1 < len(tokens) and (tokens[i].form, tokens[i + 1].form) in FIXED:
        return i, i + 2
    return i, i + 1


def phrase(tokens: list[Token], lo: int, hi: int) -> str:
    return " ".join(t.form for t in tokens[lo:hi])


# ---------------------------------------------------------------------------------------------
# A small rule lemmatiser for verbs (and plural nouns), checked against the corpus vocabulary
# ---------------------------------------------------------------------------------------------
IRREGULAR = {
    "say": ["said"], "tell": ["told"], "write": ["wrote", "written"], "think": ["thought"],
    "see": ["saw", "seen"], "know": ["knew", "known"], "find": ["found"], "feel": ["felt"],
    "seek": ["sought"], "speak": ["spoke", "spoken"], "give": ["gave", "given"],
    "make": ["made"], "read": ["read"], "mean": ["meant"], "hear": ["heard"],
    "show": ["showed", "shown"], "buy": ["bought"], "bring": ["brought"], "teach": ["taught"],
    "take": ["took", "taken"], "put": ["put"], "cast": ["cast"], "forecast": ["forecast"],
    "get": ["got", "gotten"], "go": ["went", "gone"], "come": ["came"], "hold": ["held"],
    "lead": ["led"], "leave": ["left"], "keep": ["kept"], "stand": ["stood"],
    "understand": ["understood"], "swear": ["swore", "sworn"], "foresee": ["foresaw"],
    "forget": ["forgot", "forgotten"], "mislead": ["misled"], "overhear": ["overheard"],
    "withdraw": ["withdrew", "withdrawn"], "fight": ["fought"], "win": ["won"],
    "lie": ["lied", "lying"], "be": ["is", "are", "was", "were", "been"], "have": ["has", "had"],
    "do": ["does", "did", "done"], "bid": ["bid"], "set": ["set"], "let": ["let"],
    "quit": ["quit"], "shut": ["shut"], "hit": ["hit"], "cut": ["cut"], "beat": ["beat", "beaten"],
    "begin": ["began", "begun"], "choose": ["chose", "chosen"], "draw": ["drew", "drawn"],
    "fall": ["fell", "fallen"], "grow": ["grew", "grown"], "rise": ["rose", "risen"],
    "run": ["ran"], "sell": ["sold"], "send": ["sent"], "sing": ["sang", "sung"],
    "spend": ["spent"], "strike": ["struck"], "throw": ["threw", "thrown"],
    "wear": ["wore", "worn"], "weep": ["wept"], "hide": ["hid", "hidden"],
}  # fmt: skip
IRREGULAR_FORMS = {form: lemma for lemma, forms in IRREGULAR.items() for form in forms}
VOWELS = "aeiou"


def _syllables(word: str) -> int:
    return len(re.findall(r"[aeiouy]+", word))


def inflect(lemma: str) -> set[str]:
    """Regular (and listed irregular) inflections of a verb or noun, lemma included.

    Doubling before -ed/-ing is required for one-syllable consonant-vowel-consonant stems
    (stop -> stopped) and optional for longer ones (admit -> admitted, visit -> visited).
    Verbs with a listed irregular past get no regular one (said, not *sayed)."""
    out = {lemma, *IRREGULAR.get(lemma, [])}
    if not lemma.isalpha():
        return out
    if re.search(r"(s|x|z|ch|sh|o)$", lemma):
        out.add(lemma + "es")
    elif re.search(r"[^aeiou]y$", lemma):
        out.add(lemma[:-1] + "ies")
    else:
        out.add(lemma + "s")
    cvc = re.search(r"(^|[^aeiou])[aeiou][^aeiouwxy]$", lemma) is not None
    if lemma.endswith("ie"):
        stems = [lemma[:-2] + "y"]
    elif lemma.endswith("e") and not lemma.endswith("ee"):
        stems = [lemma[:-1]]
    elif cvc and _syllables(lemma) == 1:
        stems = [lemma + lemma[-1]]
    elif cvc:
        stems = [lemma, lemma + lemma[-1]]
    else:
        stems = [lemma]
    out |= {stem + "ing" for stem in stems}
    if lemma in IRREGULAR:
        return out
    if lemma.endswith("e"):
        return out | {lemma + "d"}
    if re.search(r"[^aeiou]y$", lemma):
        return out | {lemma[:-1] + "ied"}
    return out | {stem + "ed" for stem in stems}


def lemma_candidates(word: str) -> list[tuple[int, str]]:
    """(preference, lemma) guesses for a word: irregular 3, suffix stripped 2, undoubled 1."""
    cands = [(2, word)]
    if word in IRREGULAR_FORMS:
        cands.append((3, IRREGULAR_FORMS[word]))
    for suffix, repl in (
        ("ies", "y"), ("s", ""), ("es", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""),
        ("ying", "ie"), ("ing", ""), ("ing", "e"),
    ):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: -len(suffix)] + repl
            doubled_e = len(stem) > 3 and stem[-1] == "e" and stem[-2] == stem[-3] != "e"
            cands.append((1 if doubled_e else 2, stem))
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz" + VOWELS:
                cands.append((1, stem[:-1]))
    return cands


LEMMA_OVERRIDES = {
    # words the rules would get wrong, found by hand-checking the output
    "news": "news", "reportedly": "reportedly", "during": "during", "thing": "thing",
    "ceiling": "ceiling", "morning": "morning", "evening": "evening", "wedding": "wedding",
    "bs": "bs", "us": "us", "his": "his", "this": "this", "was": "be", "has": "have",
    "is": "be", "does": "do", "citing": "cite", "polls": "poll", "tweets": "tweet",
    "headlined": "headline", "titled": "title", "entitled": "entitle", "lies": "lie",
    "lied": "lie", "bashing": "bash", "noting": "note", "hoping": "hope", "hoped": "hope",
    "hopes": "hope", "voting": "vote", "quoted": "quote", "quoting": "quote",
    "stated": "state", "stating": "state", "cited": "cite", "cites": "cite",
    "posted": "post", "posting": "post", "united": "unite", "rated": "rate",
    "dated": "date", "hated": "hate", "noted": "note", "notes": "note", "wrote": "write",
    "writing": "write", "saw": "see", "seen": "see", "sees": "see", "seeing": "see",
    "need": "need", "needs": "need", "seed": "seed", "alleged": "allege", "alleging": "allege",
    "alleges": "allege", "focus": "focus", "focuses": "focus", "focused": "focus",
    "focusing": "focus", "always": "always", "as": "as", "willing": "willing",
    "wills": "wills", "mets": "mets", "sometimes": "sometimes", "storied": "storied",
    "droves": "droves", "threated": "threaten", "generals": "generals", "seconds": "seconds",
    "nationals": "nationals", "lots": "lots", "rights": "rights", "kinds": "kinds",
    "sued": "sue", "suing": "sue", "sues": "sue", "ranged": "range", "tying": "tie",
    "uses": "use",
}  # fmt: skip


class Lemmatizer:
    """Pick the likeliest rule candidate that inflects back to the word and is in use."""

    def __init__(self, vocab: Counter[str]) -> None:
        self.vocab = vocab

    def __call__(self, word: str) -> str:
        if word in LEMMA_OVERRIDES:
            return LEMMA_OVERRIDES[word]
        if " " in word:
            return word
        known = [
            (pref, self.vocab[c], c)
            for pref, c in lemma_candidates(word)
            if c != word and self.vocab[c] and word in inflect(c)
        ]
        return max(known)[2] if known else word

    def forms(self, lemma: str) -> set[str]:
        """The inflections of a lemma that occur in the corpus and lemmatise back to it."""
        return {f for f in inflect(lemma) if self.vocab[f] and self(f) == lemma}


# ---------------------------------------------------------------------------------------------
# Cue lexicon
# ---------------------------------------------------------------------------------------------
@dataclass
class CueStats:
    """Counts for one cue form (single head word, ``according to``, or a multi phrase)."""

    gold: int = 0
    text: int = 0
    gold_out: int = 0  # the same, counting only occurrences outside quoted regions
    text_out: int = 0
    kinds: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.gold / self.text if self.text else 0.0

    @property
    def precision_out(self) -> float:
        return self.gold_out / self.text_out if self.text_out else 0.0

    def kinds_str(self) -> str:
        return ",".join(f"{c}={self.kinds[c]}" for c in CLASSES)


@dataclass
class GoldCue:
    """A gold cue span of one document reduced to its head, with the classes it cues."""

    head: tuple[int, int]
    span_tokens: range
    classes: list[str]


def gold_cues(doc: Doc) -> tuple[dict[tuple[int, int], GoldCue], Counter[str]]:
    """Gold cues keyed by head token range; also a count of word-less (punctuation) cues."""
    cues: dict[tuple[int, int], GoldCue] = {}
    punct: Counter[str] = Counter()
    for a in doc.atts:
        for s, e in a.cue[:1]:
            idx = token_range(doc.tokens, s, e)
            head = cue_head(doc.tokens, idx)
            if head is None:
                punct[doc.text[s:e].strip() or "(blank)"] += 1
                continue
            if head not in cues:
                cues[head] = GoldCue(head, idx, [])
            cues[head].classes.append(a.cls)
    return cues, punct


def count_sequences(
    docs: list[Doc], seqs: Iterable[tuple[str, ...]]
) -> dict[tuple[str, ...], CueStats]:
    """Text occurrences of each token sequence (case-insensitive, whole tokens), and how many
    of them are gold cues: the sequence's head word is the head of a gold Cue span.  (The span
    may be shorter than the phrase: annotators mark ``told``, not ``told reporters``.)"""
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for seq in seqs:
        by_first[seq[0]].append(seq)
    stats: dict[tuple[str, ...], CueStats] = defaultdict(CueStats)
    for doc in docs:
        cues = {lo: cue for (lo, _), cue in gold_cues(doc)[0].items()}
        forms = [t.form for t in doc.tokens]
        for i, f in enumerate(forms):
            for seq in by_first.get(f, ()):
                if tuple(forms[i : i + len(seq)]) != seq:
                    continue
                st = stats[seq]
                outside = not doc.mask[doc.tokens[i].start]
                st.text += 1
                st.text_out += outside
                cue = cues.get(i + head_offset(seq))
                if cue:
                    st.gold += 1
                    st.gold_out += outside
                    st.kinds.update(cue.classes)
    return stats


def head_offset(seq: tuple[str, ...]) -> int:
    """Index of the head word in a cue phrase (after leading auxiliaries)."""
    k = 0
    while k < len(seq) - 1 and skippable(seq[k]):
        k += 1
    return k


def head_of(seq: tuple[str, ...]) -> tuple[str, ...]:
    """The head of a cue phrase: one word, or a FIXED pair such as ``according to``."""
    k = head_offset(seq)
    return seq[k : k + 2] if seq[k : k + 2] in FIXED else seq[k : k + 1]


TAIL_STOP = {
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "my", "your", "he", "she", "they", "it", "him", "them", "i", "we", "you", "us", "me",
    "and", "but", "or", "not", "in", "on", "at", "by", "with", "from", "as", "if", "when",
    "was", "is", "are", "were", "be", "has", "have", "had", "will", "would",
}  # fmt: skip  # a multi phrase may not end in these: "said the", "told a" say nothing


def proper_nouns(docs: list[Doc]) -> Counter[str]:
    """1 for word forms written with a capital in at least 70% of their uses (cnn, tuesday)."""
    upper: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for doc in docs:
        for t in doc.tokens:
            total[t.form] += 1
            upper[t.form] += doc.text[t.start].isupper()
    return Counter({f: 1 for f in total if upper[f] >= 0.7 * total[f]})


def multi_lemma(seq: tuple[str, ...], lem: Lemmatizer) -> str:
    """Lemma of a cue phrase: auxiliaries and the head lemmatised, a passive participle kept
    (``is expected`` -> ``be expected``)."""
    k = head_offset(seq)
    aux = [AUX_LEMMA.get(w, w) for w in seq[:k]]
    passive = "be" in aux and re.search(r"(ed|en|wn|ld|ht)$", seq[k]) is not None
    head = seq[k] if passive or seq[k : k + 2] in FIXED else lem(seq[k])
    return " ".join([*aux, head, *seq[k + 1 :]])


def build_cues(docs: list[Doc], lem: Lemmatizer) -> tuple[list[list[str]], list[list[str]]]:
    """Rows of cues.tsv: head-word rows (and ``according to``), then multi rows."""
    head_gold: Counter[tuple[str, ...]] = Counter()
    multi_gold: Counter[tuple[str, ...]] = Counter()
    for doc in docs:
        toks = doc.tokens
        for (lo, hi), cue in gold_cues(doc)[0].items():
            head_gold[tuple(t.form for t in toks[lo:hi])] += 1
            words = [i for i in cue.span_tokens if toks[i].is_word]
            cands = {
                tuple(t.form for t in toks[first : max(words) + 1]) for first in {lo, words[0]}
            }
            after = [t.form for t in toks[hi : hi + 2] if t.is_word or t.form == ":"]
            cands |= {tuple(t.form for t in toks[lo:hi]) + tuple(after[:n]) for n in (1, 2)}
            for seq in cands:
                if len(seq) > hi - lo:
                    multi_gold[seq] += 1
    # lemmas: keep each lemma whose forms are gold often enough, with all its occurring forms
    by_lemma: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for seq in head_gold:
        by_lemma[lem(" ".join(seq))].append(seq)
    kept = {
        lm
        for lm, fs in by_lemma.items()
        if sum(head_gold[f] for f in fs) >= MIN_GOLD and lm not in FUNCTION_WORDS
    }
    singles = set(head_gold) | {(f,) for lm in kept for f in lem.forms(lm)}
    multis = {s for s, n in multi_gold.items() if n >= MULTI_MIN_GOLD}
    stats = count_sequences(docs, singles | multis)
    proper = proper_nouns(docs)
    lemma_gold: Counter[str] = Counter()
    lemma_text: Counter[str] = Counter()
    for seq in singles:
        lemma_gold[lem(" ".join(seq))] += stats[seq].gold
        lemma_text[lem(" ".join(seq))] += stats[seq].text
    kept = {lm for lm in kept if lemma_gold[lm] >= MIN_LEMMA_PRECISION * lemma_text[lm]}
    single_rows = [
        (" ".join(seq), lem(" ".join(seq)), stats[seq])
        for seq in singles
        if lem(" ".join(seq)) in kept and stats[seq].text
    ]
    single_rows.sort(key=lambda r: (-lemma_gold[r[1]], r[1], -r[2].gold, -r[2].text, r[0]))
    multi_rows = []
    listed = {seq: stats[seq].precision for seq in singles}
    for seq in sorted(multis, key=len):
        st = stats[seq]
        k = head_offset(seq)
        tail = seq[k + len(head_of(seq)) :]
        base = max(
            [stats[head_of(seq)].precision if head_of(seq) in stats else 0.0]
            + [listed[seq[:n]] for n in range(k + 1, len(seq)) if seq[:n] in listed]
        )
        if (
            st.gold >= MULTI_MIN_GOLD
            and st.precision >= MULTI_MIN_PRECISION
            and st.precision - base >= MULTI_MIN_LIFT
            and not (tail and (tail[-1] in TAIL_STOP or proper[tail[-1]]))
            and not any(proper[w] for w in tail)
        ):
            listed[seq] = st.precision
            multi_rows.append((" ".join(seq), multi_lemma(seq, lem), st))
    multi_rows.sort(key=lambda r: (-r[2].gold, r[0]))

    def fmt(rows: list[tuple[str, str, CueStats]], marker: str) -> list[list[str]]:
        return [
            [
                f,
                lm,
                str(st.gold),
                str(st.text),
                f"{st.precision:.3f}",
                marker + st.kinds_str(),
                f"{st.precision_out:.3f}",
            ]
            for f, lm, st in rows
        ]

    return fmt(single_rows, ""), fmt(multi_rows, "multi,")


# ---------------------------------------------------------------------------------------------
# Source nouns
# ---------------------------------------------------------------------------------------------
NP_WORD_RE = re.compile(r"[^\W_]+(?:[-'\u2019.][^\W_]+)*\.?|[^\w\s]")
NP_CUT = {
    "of", "for", "at", "with", "from", "in", "on", "who", "whom", "whose", "which", "that",
    "to", "and", "or", "nor", "but", "like", "including", "among", "under", "over", "about",
    "by", "than", "after", "during", "across", "inside", "outside", "such", "as", "close",
    "familiar", "involved", "released", "conducted", "taken", "published", "compiled",
    "obtained", "commissioned", "quoted", "cited", "sponsored", "based", "said", "says",
    "say", "told", "interviewed", "surveyed", "polled", "asked",
}  # fmt: skip  # words that end the noun phrase before them
NOT_HEAD = {
    "he", "she", "they", "it", "we", "you", "i", "him", "her", "them", "us", "me", "his",
    "their", "its", "our", "my", "your", "who", "whom", "whose", "which", "that", "this",
    "these", "those", "one", "ones", "some", "many", "both", "more", "most", "all", "each",
    "another", "others", "other", "everyone", "everybody", "anyone", "anybody", "someone",
    "somebody", "nobody", "none", "few", "several", "self", "himself", "herself", "itself",
    "themselves", "the", "a", "an", "former", "new", "last", "week", "month", "year",
    "today", "yesterday", "said", "super", "either", "neither", "such", "own", "there",
    "here", "what", "same", "latest", "recent", "top", "senior", "old",
    "de", "von", "van", "al", "la", "le", "da", "del", "bin", "el",
}  # fmt: skip  # pronouns, quantifiers and modifiers: never a head noun
PRONOUNS = {
    "he", "she", "they", "it", "we", "you", "i", "him", "her", "them", "us", "me", "his",
    "their", "its", "our", "my", "your", "who", "whom", "whose", "which", "that", "this",
    "these", "those", "one", "some", "many", "both", "others", "everyone", "all", "most",
    "another", "self", "himself", "herself", "themselves", "itself", "few", "several",
}  # fmt: skip


def np_words(text: str) -> list[str]:
    """The words of a source span up to its first comma, bracket, relative or preposition."""
    words: list[str] = []
    for m in NP_WORD_RE.finditer(text):
        w = m.group().replace("\u2019", "'")
        if not w[0].isalnum():
            if words:
                break
            continue
        if w.lower() in NP_CUT and words:
            break
        words.append(w)
    return words


def is_capitalised(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def source_head(text: str) -> tuple[str | None, str | None]:
    """(head noun, role noun) of a gold Source span's text, lowercased and without a
    possessive 's; a span ending in a proper name has no head noun, but may have a role
    noun before the name (``campaign spokesman Brian Fallon`` -> ``spokesman``)."""
    words = np_words(text)
    if not words:
        return None, None
    last = re.sub(r"'s?$", "", words[-1])
    if not last:
        return None, None
    if is_capitalised(last):
        lower = [w.lower() for w in words if not is_capitalised(w)]
        role = lower[-1] if lower and lower[-1] not in NOT_HEAD else None
        return None, role if role and role.isalpha() else None
    head = last.lower()
    return (head if head not in NOT_HEAD and re.fullmatch(r"[a-z][a-z-]*", head) else None), None


# Hand-checked kinds of the source nouns seen at least twice in train.  person: one human
# role; group: several people or an organisation; anonymous: nouns of unnamed sourcing;
# document: a text, poll, dataset or other non-human source; partitive: a share of a group
# ("60 percent of voters"), whose real source follows "of".
SOURCE_NOUN_KINDS = {
    "person": """
        candidate spokesman president nominee senator governor manager secretary spokeswoman
        judge aide leader reporter adviser advisor strategist chairman executive pollster
        director man host columnist businessman woman neurosurgeon member wife friend chief
        employee rival general mogul delegate supporter front-runner frontrunner user attorney
        mayor father conservative moderator actress editor journalist narrator analyst lawyer
        lawmaker owner speechwriter hopeful prosecutor activist staffer head diplomat minister
        speaker actor counsel guy brother organizer consultant socialist opponent congressman
        veteran mother tycoon representative spokesperson partner officer star ally incumbent
        liberal author developer prince husband chairwoman expert son daughter superdelegate
        voter chair boy commentator donor magnate lady student agent pastor hacker writer
        professor fellow colleague ambassador anchor justice scientist centrist protester
        operative attendee advocate commenter national contender congresswoman economist
        historian governor-elect physician doctor girl queen king senator-elect politician
        billionaire researcher candidate-elect insider-turned critic cofounder co-founder
        founder nominee-designate""",
    "anonymous": "source sources official officials person insider insiders someone",
    "group": """
        campaign voters candidates leaders supporters group experts people members advisers
        advisors aides company administration groups team allies office government
        politicians critics party lawmakers strategists analysts senators media board
        economists agency advocates crowd conservatives friends court women police lawyers
        opponents rivals organization donors executives activists public delegates
        prosecutors authorities observers backers establishment camp protesters researchers
        unions audience organizers countries families organizations progressives attendees
        investors base panel contenders companies users department community workers
        campaigns leadership sides networks side district fans staff army wing moderators
        commentators scientists generation superdelegates legislature enforcement left
        scholars attorneys foundation students circle courts associates couple commission
        brothers council men pundits speakers hawks parties faction legislators employees
        reporters citizens investigators lobbyists residents country parents liberals authors
        firm forces firms nation ministry defenders audiences personnel specialists airline
        developers districts industry elders blacks antagonists journalists makers banks
        family movement chairmen evangelicals viewers agencies committee representatives
        institute hosts objectors bureau judges town coalition businesses pair founders
        editors environmentalists troops school trio hackers city state states network union
        actors soldiers operatives outlets outlet newspaper magazine tabloid giant elite
        insiders-turned republicans democrats americans officers ministers governors mayors
        newspapers networks station hopefuls band body chorus departments non-profit watchers""",
    "document": """
        poll report polls survey results records average statement ad reports analysis
        letter data email video polling study lawsuit book law filings emails editorial
        website message release tweet article account precedents review figures evidence
        page surveys paper summary documents debate platform series spot speech bill
        investigation legislation rules research ads affidavit version vote order post voice
        tally count transcript estimates system laws suit agreement history collection story
        column statistics findings sign studies measures decision reporting opinion
        interview materials headline discussion question returns conversation calls photo
        pages argument joke protests strategy signs petition inquiry publication show
        document sites candidacy placards filing copy plan constitution projection remarks
        policies rally proposal memo memoir exchange operation victories comments ranking
        wave courses numbers tweets site blog footage documentary film poster analyses
        projections forecast model index transcripts statements letters""",
    "partitive": """
        percent number majority half two-thirds majorities third three-quarters quarter lot
        handful much percentage two three four five six thousands hundreds dozens plurality
        share fraction minority one-third""",
}
KIND_OF = {w: kind for kind, words in SOURCE_NOUN_KINDS.items() for w in words.split()}
NOT_SOURCE_NOUN = {
    "filed", "briefed", "named", "called", "reported", "posted", "provided", "available",
    "asked", "defeated", "running", "clamoring", "out", "up", "about", "nearly", "just", "s",
    "current", "mainstream", "prominent", "leading", "supporting", "retired", "traditional",
    "mind", "eyes", "lions",
}  # fmt: skip  # participles and adjectives that end a source noun phrase
NOUN_IRREGULAR = {"women": "woman", "men": "man", "chairmen": "chairman", "people": "people"}


def guess_kind(noun: str) -> str:
    """Kind of a noun not in the hand-checked list, marked with '?'."""
    if noun.endswith("s") and not noun.endswith("ss"):
        return "group?"
    return "person?" if re.search(r"(er|or|ist|ian|ant|ent|man|woman)$", noun) else "document?"


def build_source_nouns(docs: list[Doc], lem: Lemmatizer) -> list[list[str]]:
    """Rows of source_nouns.tsv."""
    heads: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    for doc in docs:
        for a in doc.atts:
            for s, e in a.source[:1]:
                head, role = source_head(doc.text[s:e])
                if head:
                    heads[head] += 1
                if role:
                    roles[role] += 1
    rows = []
    for noun in heads.keys() | roles.keys():
        if heads[noun] + roles[noun] < MIN_GOLD or noun in NOT_SOURCE_NOUN:
            continue
        singular = NOUN_IRREGULAR.get(noun) or (lem(noun) if noun.endswith("s") else noun)
        kind = KIND_OF.get(noun) or guess_kind(noun)
        rows.append([noun, singular, str(heads[noun]), str(roles[noun]), kind])
    rows.sort(key=lambda r: (-int(r[2]) - int(r[3]), r[0]))
    return rows


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
CITATION = (
    "Counts derived from the PolNeAR corpus, train split (Newell, Margolin and Ruths, LREC 2018)."
)
CUE_COLUMNS = "<TAB>".join(
    [
        "form",
        "lemma",
        "gold_cue_count",
        "text_count",
        "precision",
        "kinds",
        "precision_outside_quotes",
    ]
)
CUES_HEADER = f"""\
# quotetrack cue lexicon. {CITATION}
# Built by tools/build_lexicon.py; do not edit by hand.
# {CUE_COLUMNS}
# form: lowercase word or phrase, matched as a whole-token sequence (’ read as ').
# gold_cue_count: occurrences in train whose head word heads a gold Cue span.  The head of a
#   span is its first word after auxiliaries, modals, negation, 'to', articles and adverbs
#   ('has said' -> said, 'is expected' -> expected); 'according to' is one head.
# text_count: occurrences as a token sequence.  precision = gold_cue_count / text_count.
# kinds: classes of the gold attributions cued: direct/mixed/indirect, by the share of the
#   content inside quotation marks (the scorer's quoted_mask rule).
# precision_outside_quotes: precision over the occurrences outside quoted regions only.
#   Cue words inside quotes are almost never gold (speech nested in a quote is not
#   annotated): 'think' is 0.09 overall but 0.45 outside quotes.
# Head rows: a lemma is kept when its forms head >= {MIN_GOLD} gold cues and are gold cues in
#   >= {MIN_LEMMA_PRECISION:.0%} of their uses; all its inflections found in train are listed, rare
#   ones too (their precision tells whether to use them).  Function words that annotators
#   marked as cues in odd constructions ('In a poll', 'For X, ...') are left out.
# multi rows (kinds starts with 'multi,'): a gold cue head with neighbouring words, kept
#   when gold >= {MULTI_MIN_GOLD}, precision >= {MULTI_MIN_PRECISION} and precision beats the head
#   word (or a shorter listed phrase) by >= {MULTI_MIN_LIFT}; none ends in a determiner, pronoun
#   or proper noun.  Annotators often mark only the head ('told' of 'told reporters'):
#   these rows count an occurrence as gold when its head word heads a gold Cue span.
"""
SOURCE_NOUNS_HEADER = f"""\
# quotetrack source nouns. {CITATION}
# Built by tools/build_lexicon.py; do not edit by hand.
# noun<TAB>singular<TAB>head_count<TAB>before_name_count<TAB>kind
# noun: lowercase surface form (singular and plural rows both, as they occur).
# head_count: gold Source spans whose noun phrase (up to the first comma, bracket, relative
#   pronoun or preposition) ends in this noun: 'a campaign spokesman', 'Trump's campaign'.
# before_name_count: gold Source spans ending in a proper name with this noun as the last
#   lowercase word before it: 'campaign manager Robby Mook'.
# Kept when head_count + before_name_count >= {MIN_GOLD}.
# kind: person / group / anonymous (nouns of unnamed sourcing: source, official, person,
#   insider) / document (poll, report, statement ...) / partitive ('60 percent of voters':
#   the real source follows 'of').  Hand-checked; a trailing '?' marks a suffix guess.
"""


def write_tsv(path: Path, header: str, rows: Iterable[list[str]]) -> None:
    body = "".join("\t".join(r) + "\n" for r in rows)
    path.write_text(header + body, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Analysis report
# ---------------------------------------------------------------------------------------------
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "lt", "gen", "col", "st",
    "jr", "sr", "rev", "prof", "u.s", "d.c", "inc", "corp", "co", "vs", "no", "jan", "feb",
    "aug", "sept", "oct", "nov", "dec", "ft", "pres", "gop", "r", "d", "i",
}  # fmt: skip
TITLES = {
    "mr.", "mrs.", "ms.", "dr.", "sen.", "sens.", "rep.", "reps.", "gov.", "lt.", "gen.",
    "rev.", "prof.", "president", "senator", "sen", "rep", "gov", "governor", "secretary",
    "speaker", "judge", "justice", "former", "vice", "pope", "gen", "sir", "rabbi", "mayor",
    "congressman", "congresswoman", "representative", "chairman", "attorney", "general",
    "lt", "dr", "mr", "mrs", "ms", "state", "sec.", "dame", "lord", "prime", "minister",
    "chancellor", "supreme", "leader", "majority", "minority", "democratic", "republican",
    "presidential", "candidate", "nominee", "u.s.",
}  # fmt: skip  # words (lowercased) stripped from the front of a name to count its tokens
SENT_END_RE = re.compile(r"[.!?][\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018'(\[]?[A-Z0-9])|\n+")


def sentence_ids(text: str) -> list[int]:
    """Sentence number of each character (a rough splitter, good enough for counting)."""
    ids = [0] * (len(text) + 1)
    n, pos = 0, 0
    for m in SENT_END_RE.finditer(text):
        before = re.search(r"([\w.]+)[.!?]$", text[max(0, m.start() - 12) : m.start() + 1])
        if m.group()[0] in ".!?" and before and before.group(1).lower() in ABBREVIATIONS:
            continue
        ids[pos : m.end()] = [n] * (m.end() - pos)
        n, pos = n + 1, m.end()
    ids[pos:] = [n] * (len(ids) - pos)
    return ids


def position(span: Span | None, extent: Span, sent: list[int]) -> str:
    """Where a span stands relative to the content extent."""
    if span is None:
        return "none"
    (s, e), (cs, ce) = span, extent
    if s < ce and cs < e:
        return "inside"
    if e <= cs:
        return "before" if sent[max(s, e - 1)] == sent[cs] else "before, other sentence"
    return "after" if sent[s] == sent[max(cs, ce - 1)] else "after, other sentence"


def pct(n: int, d: int) -> str:
    return f"{n} ({100 * n / d:.1f}%)" if d else str(n)


def table(title: str, counts: dict[str, Counter[str]], keys: Iterable[str]) -> None:
    """Print a markdown table of per-class counts with column shares."""
    keys = list(keys)
    cols = [c for c in (*CLASSES, "all") if c in counts]
    print(f"\n**{title}**\n")
    print("| | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for k in keys:
        cells = [pct(counts[c][k], sum(counts[c].values())) for c in cols]
        print(f"| {k} | " + " | ".join(cells) + " |")


def snippet(text: str, s: int, e: int, width: int = 90) -> str:
    out = " ".join(text[s:e].split())
    return out if len(out) <= width else out[: width - 3] + "..."


def source_shape(text: str) -> tuple[str, bool]:
    """(shape, has_appositive) of a gold Source span's text."""
    t = " ".join(text.split())
    appositive = re.search(r"\w,\s+\S|\(", t) is not None
    words = np_words(t)
    if not words:
        return "other", appositive
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS | {"i"}:
        kind = "relative" if low[0] in ("who", "which", "that", "whose") else "personal"
        return f"pronoun ({kind})", appositive
    if any(re.search(r"\w's?$", w) and i < len(words) - 1 for i, w in enumerate(words)):
        return "possessive NP (Trump's campaign)", appositive
    core = words[1:] if low[0] in ("the", "a", "an") and len(words) > 1 else list(words)
    titled = False
    while len(core) > 1 and core[0].lower() in TITLES:
        core, titled = core[1:], True
    if all(is_capitalised(w) or w.lower() in ("de", "van", "von", "al", "bin") for w in core):
        if low[0] in ("the", "a", "an"):
            return "the + proper (the Washington Post)", appositive
        n = len(core)
        size = "1 token" if n == 1 else "2 tokens" if n == 2 else "3+ tokens"
        return f"proper name, {size}" + (", with title" if titled else ""), appositive
    if is_capitalised(words[-1]):
        return "descriptor + name (campaign manager Robby Mook)", appositive
    if low[0] in ("the", "a", "an", "this", "that", "these", "those"):
        return "nominal with article (the senator, a source)", appositive
    if KIND_OF.get(low[-1]) == "partitive" or re.match(r"\d", words[0]):
        return "partitive / number (60 percent of voters)", appositive
    return "bare nominal (officials, Democrats' aides)", appositive


def report(docs: list[Doc], lem: Lemmatizer) -> None:
    """Print the corpus figures of docs/polnear-analysis.md as markdown."""
    n_att = sum(len(d.atts) for d in docs)
    print(f"docs: {len(docs)}; gold attributions with content: {n_att}")
    report_classes(docs)
    report_positions(docs)
    report_sources(docs)
    report_boundaries(docs)
    report_cues(docs, lem)
    report_lookalikes(docs)
    report_unattributed_quotes(docs)


def report_classes(docs: list[Doc]) -> None:
    print("\n## 1. Class mix")
    c: dict[str, Counter[str]] = {k: Counter() for k in (*CLASSES, "all")}
    for d in docs:
        for a in d.atts:
            for k in (a.cls, "all"):
                c[k]["attributions"] += 1
                c[k]["with Source"] += bool(a.source)
                c[k]["with Cue"] += bool(a.cue)
                c[k]["with both"] += bool(a.source and a.cue)
                c[k]["several Content spans"] += len(a.content) > 1
    n = c["all"]["attributions"]
    print("\n| | " + " | ".join((*CLASSES, "all")) + " |\n|---|---|---|---|---|")
    for key in ("attributions", "with Source", "with Cue", "with both", "several Content spans"):
        cells = []
        for k in (*CLASSES, "all"):
            base = n if key == "attributions" else c[k]["attributions"]
            cells.append(pct(c[k][key], base))
        print(f"| {key} | " + " | ".join(cells) + " |")


def report_positions(docs: list[Doc]) -> None:
    print("\n## 2. Where source and cue stand relative to the content")
    src: dict[str, Counter[str]] = {k: Counter() for k in (*CLASSES, "all")}
    cue: dict[str, Counter[str]] = {k: Counter() for k in (*CLASSES, "all")}
    order: dict[str, Counter[str]] = {k: Counter() for k in (*CLASSES, "all")}
    examples: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        sent = sentence_ids(d.text)
        for a in d.atts:
            ext = a.extent
            sp = position(a.source[0] if a.source else None, ext, sent)
            cp = position(a.cue[0] if a.cue else None, ext, sent)
            for k in (a.cls, "all"):
                src[k][sp] += 1
                cue[k][cp] += 1
            if a.source and a.cue:
                marks = sorted(
                    [(a.source[0][0], "S"), (a.cue[0][0], "V"), (ext[0], "C")],
                    key=lambda x: x[0],
                )
                pattern = " ".join(m for _, m in marks)
                for k in (a.cls, "all"):
                    order[k][pattern] += 1
                if len(examples[a.cls + pattern]) < 2:
                    lo = min(a.source[0][0], a.cue[0][0], ext[0])
                    hi = max(a.source[0][1], a.cue[0][1], ext[1])
                    examples[a.cls + pattern].append(snippet(d.text, lo, hi))
    pos_keys = ("before", "before, other sentence", "after", "after, other sentence", "inside")
    table("Source position", src, (*pos_keys, "none"))
    table("Cue position", cue, (*pos_keys, "none"))
    table(
        "Order of Source (S), Cue (V), Content start (C), where both S and V exist",
        order,
        [k for k, _ in order["all"].most_common()],
    )
    print()
    for cls in CLASSES:
        for pattern, _ in order[cls].most_common(3):
            for ex in examples[cls + pattern][:1]:
                print(f"- {cls}, {pattern}: {ex}")


def report_sources(docs: list[Doc]) -> None:
    print("\n## 3. Source span shapes")
    shapes: Counter[str] = Counter()
    appos: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    n = 0
    for d in docs:
        for a in d.atts:
            for s, e in a.source[:1]:
                n += 1
                shape, ap = source_shape(d.text[s:e])
                shapes[shape] += 1
                appos[shape] += ap
                if len(examples[shape]) < 3 and len(d.text[s:e]) < 70:
                    examples[shape].append(" ".join(d.text[s:e].split()))
    print(f"\nAttributions with a Source span: {n}\n")
    print("| shape | count | with appositive | examples |\n|---|---|---|---|")
    for shape, k in shapes.most_common():
        ex = "; ".join(examples[shape])
        print(f"| {shape} | {pct(k, n)} | {appos[shape]} | {ex} |")
    print(f"\nAll spans with an appositive (comma or bracket): {pct(sum(appos.values()), n)}")


def report_boundaries(docs: list[Doc]) -> None:
    print("\n## 4. Content boundaries")
    ind: Counter[str] = Counter()
    dq: Counter[str] = Counter()
    for d in docs:
        t = d.text
        for a in d.atts:
            cs, ce = a.extent
            body = t[cs:ce]
            stripped = body.strip()
            if not stripped:
                continue
            if a.cls == "indirect":
                ind["indirect attributions"] += 1
                if re.match(r"that\b", stripped, re.I):
                    ind["content starts with 'that'"] += 1
                elif re.search(r"\bthat\s*$", t[max(0, cs - 10) : cs], re.I):
                    ind["'that' just before, outside the content"] += 1
                if re.match(r"(whether|if|to|how|why|what)\b", stripped, re.I):
                    ind["content starts with whether/if/to/how/why/what"] += 1
                if stripped[-1] in ".!?":
                    ind["content ends with . ! or ?"] += 1
                elif t[ce : ce + 1] in (".", "!", "?"):
                    ind["sentence-final . right after, outside the content"] += 1
            if a.cls == "direct":
                dq["direct attributions"] += 1
                first, last = stripped[0], stripped[-1]
                if first in DQUOTES or t[cs : cs + 2] == "''":
                    dq["content starts with its opening quote mark"] += 1
                elif t[:cs].rstrip()[-1:] in DQUOTES:
                    dq["opening mark just outside the content"] += 1
                if last in DQUOTES or stripped.endswith("''"):
                    dq["content ends with its closing quote mark"] += 1
                    inner = stripped.rstrip(DQUOTES + "'")[-1:]
                    if inner in ",":
                        dq["... with a comma before the closing mark"] += 1
                    elif inner in ".!?":
                        dq["... with . ! ? before the closing mark"] += 1
                elif t[ce : ce + 1] in DQUOTES:
                    dq["closing mark just outside the content"] += 1
                if "\n" in body.strip():
                    dq["content crosses a paragraph break"] += 1
                if len(a.content) > 1:
                    dq["several Content spans"] += 1
    print("\n| indirect | count |\n|---|---|")
    for k, v in ind.items():
        print(f"| {k} | {pct(v, ind['indirect attributions'])} |")
    print("\n| direct | count |\n|---|---|")
    for k, v in dq.items():
        print(f"| {k} | {pct(v, dq['direct attributions'])} |")
    report_multi_paragraph(docs)
    report_split_quotes(docs)


def report_multi_paragraph(docs: list[Doc]) -> None:
    """Paragraphs that continue a quote left open at the end of the previous paragraph."""
    c: Counter[str] = Counter()
    for d in docs:
        t = d.text
        para_starts = [0] + [m.end() for m in re.finditer(r"\n+", t)]
        owner: dict[int, set[int]] = defaultdict(set)  # char -> attributions covering it
        for i, a in enumerate(d.atts):
            for s, e in a.content:
                for j in range(s, e):
                    owner[j].add(i)
        for p0, p1 in itertools.pairwise(para_starts):
            prev = t[p0:p1].rstrip("\n")
            if not prev or not d.mask[p0 + len(prev) - 1]:
                continue  # previous paragraph does not end inside a quote
            nxt = t[p1:].lstrip()[:1]
            if nxt not in OPENERS and nxt != '"':
                continue
            c["quote continued into the next paragraph"] += 1
            a_prev = owner.get(p0 + len(prev) - 2, set())
            a_next = owner.get(p1 + 2, set())
            if a_prev & a_next:
                c["... both paragraphs in one attribution"] += 1
            elif a_prev and a_next:
                c["... separate attributions"] += 1
            else:
                c["... one or both paragraphs unattributed"] += 1
    print("\n| multi-paragraph quotes | count |\n|---|---|")
    for k, v in c.items():
        print(f"| {k} | {v} |")


SPLIT_RE = re.compile(
    r"[,?!][\"\u201d]\s+(?:[\w.'\u2019-]+\s+){0,5}?(?:said|says|added|asked|told\s+\w+)"
    r"(?:\s+[\w.'\u2019-]+){0,5}?[.,]\s+[\"\u201c]"
)


def report_split_quotes(docs: list[Doc]) -> None:
    """How '"A," she said. "B."' is annotated: one event with two Content spans, or two."""
    c: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for d in docs:
        t = d.text
        for m in SPLIT_RE.finditer(t):
            left, right = m.start() - 2, m.end() + 1  # inside the first and second quotes
            cov_l = {i for i, a in enumerate(d.atts) if any(s <= left < e for s, e in a.content)}
            cov_r = {i for i, a in enumerate(d.atts) if any(s <= right < e for s, e in a.content)}
            if cov_l & cov_r:
                same = next(iter(cov_l & cov_r))
                key = (
                    "one attribution, two Content spans"
                    if len(d.atts[same].content) > 1
                    else "one attribution, one Content span running over the cue"
                )
            elif cov_l and cov_r:
                key = "two attributions"
            elif cov_l or cov_r:
                key = "only one half attributed"
            else:
                key = "neither half attributed"
            c[key] += 1
            examples.setdefault(key, snippet(t, m.start() - 30, m.end() + 30))
    print('\n| split quotes \'"A," she said. "B."\' | count | example |\n|---|---|---|')
    for k, v in c.most_common():
        print(f"| {k} | {v} | {examples[k]} |")


BELIEF_LEMMAS = {
    "believe", "think", "want", "hope", "expect", "feel", "fear", "worry", "know", "doubt",
    "wish", "prefer", "plan", "intend", "seek", "aim", "like", "consider", "suspect",
    "assume", "seem", "appear",
}  # fmt: skip


def report_cues(docs: list[Doc], lem: Lemmatizer) -> None:
    print("\n## 5. Cue forms")
    single, multi = build_cues(docs, lem)
    top = sorted(single, key=lambda r: -int(r[2]))[:60]
    print("\n| form | gold | text | precision | outside quotes | kinds |")
    print("|---|---|---|---|---|---|")
    for f, _, g, n, p, k, po in top:
        print(f"| {f} | {g} | {n} | {p} | {po} | {k} |")
    print("\n**Belief / intention cues**\n")
    print("| form | gold | text | precision | outside quotes | kinds |\n|---|---|---|---|---|---|")
    for f, lm, g, n, p, k, po in single:
        if lm in BELIEF_LEMMAS and int(g) >= 3:
            print(f"| {f} | {g} | {n} | {p} | {po} | {k} |")
    print("\n**Multiword cues (top 25 of the multi rows)**\n")
    print("| phrase | gold | text | precision | outside quotes |\n|---|---|---|---|---|")
    for f, _, g, n, p, _, po in multi[:25]:
        print(f"| {f} | {g} | {n} | {p} | {po} |")
    punct: Counter[str] = Counter()
    heads: Counter[str] = Counter()
    by_class: dict[str, Counter[str]] = {c: Counter() for c in CLASSES}
    for d in docs:
        cues, pc = gold_cues(d)
        punct += pc
        for (lo, hi), cue in cues.items():
            heads[phrase(d.tokens, lo, hi)] += 1
            for cls in cue.classes:
                by_class[cls][phrase(d.tokens, lo, hi)] += 1
    print("\n**Top cue heads per class**\n")
    for cls in CLASSES:
        n = sum(by_class[cls].values())
        top8 = ", ".join(f"{h} {100 * v / n:.1f}%" for h, v in by_class[cls].most_common(8))
        print(f"- {cls}: {top8}")
    fw = sum(v for h, v in heads.items() if h in FUNCTION_WORDS)
    print(f"\nCue spans without a word (punctuation only): {dict(punct.most_common(5))}")
    print(f"Cue heads that are function words (in, for, to, ...; left out): {fw}")
    once = sum(v == 1 for v in heads.values())
    print(f"Distinct cue heads: {len(heads)}; heads seen once: {once}")
    lexicon = DATA_DIR / "cues.tsv"
    if lexicon.exists():  # on dev: how much of the gold the train lexicon covers
        rows = [ln.split("\t") for ln in lexicon.read_text(encoding="utf-8").splitlines()]
        n = sum(heads.values())
        for col, name in ((4, "precision"), (6, "precision_outside_quotes")):
            listed = {r[0]: float(r[col]) for r in rows if len(r) == 7 and r[5][0] != "m"}
            for floor in (0.0, 0.3, 0.5):
                hit = sum(v for h, v in heads.items() if listed.get(h, -1.0) >= floor)
                print(f"Gold cue heads listed in cues.tsv with {name} >= {floor}: {pct(hit, n)}")
    report_cues_in_quotes(docs, [r[0] for r in top[:15]])


def report_cues_in_quotes(docs: list[Doc], forms: list[str]) -> None:
    """Precision of cue words inside vs outside quoted regions (nested speech in quotes)."""
    counts: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
    seqs = {tuple(f.split()) for f in forms}
    for d in docs:
        heads = {lo for lo, _ in gold_cues(d)[0]}
        forms_at = [t.form for t in d.tokens]
        for i, t in enumerate(d.tokens):
            for seq in seqs:
                if tuple(forms_at[i : i + len(seq)]) == seq:
                    cell = counts[" ".join(seq), bool(d.mask[t.start])]
                    cell[0] += i in heads
                    cell[1] += 1
    print("\n| form | outside quotes: gold/text | inside quotes: gold/text |\n|---|---|---|")
    for f in forms:
        (go, no), (gi, ni) = counts[f, False], counts[f, True]
        print(f"| {f} | {go}/{no} ({go / max(no, 1):.2f}) | {gi}/{ni} ({gi / max(ni, 1):.2f}) |")


LOOKALIKES = {
    "according to": r"\baccording to\b",
    "according to + plan/law/rules/data/...": (
        r"\baccording to (?:the )?(?:plan|law|rules?|data|polls?|records|statistics|reports?|"
        r"figures|estimates|the (?:survey|study|report|poll))\b"
    ),
    "according to + person/outlet (capitalised)": r"(?-i:\b[Aa]ccording to (?:[A-Z]|the [A-Z]))",
    "that said / having said that (discourse)": r"\b(?:that said|having said that)\b",
    "needless to say / let's say / have a say": r"\b(?:needless to say|let's say|a say)\b",
    "told + object + to-infinitive": r"\btold (?:\w+ ){1,3}to (?!be\b)\w+",
    "was/were told": r"\b(?:was|were) told\b",
    "said + to be (reported belief)": r"\b(?:is|are|was|were) said to\b",
    "so-called": r"\bso-called\b",
    "called + name/label (a group called X)": r"\b(?:a|an|the) \w+ called\b",
    "called it / called him / called her (labelling)": r"\bcalled (?:it|him|her|them)\b",
    "called for / called on": r"\bcalled (?:for|on)\b",
    "says who / that says": r"\bthat says\b",
    "to say (infinitive)": r"\bto say\b",
    "asked to (request)": r"\basked (?:\w+ )?to\b",
    "(when) asked about": r"\basked about\b",
    "claims (noun after article/possessive)": r"\b(?:the|his|her|their|these|those|such) claims\b",
    "report (noun after article)": r"\b(?:a|the) report\b",
    "show (noun after article)": r"\b(?:a|the|his|her) show\b",
    "statement (noun)": r"\bstatement\b",
    "think tank": r"\bthink tanks?\b",
    "suggested + noun phrase (suggested changes)": r"\bsuggested \w+s\b",
    "noted (adjective: a noted critic)": r"\b(?:a|the) noted\b",
    "known as (naming)": r"\bknown as\b",
}


def report_lookalikes(docs: list[Doc]) -> None:
    """Precision of cue-word patterns: the cue-word token inside a gold Cue span or not."""
    print("\n## 6. Look-alikes: how often a cue-word pattern is a gold cue")
    print("\n| pattern | matches | cue word inside a gold Cue | example of a non-cue |")
    print("|---|---|---|---|")
    for name, rx in LOOKALIKES.items():
        pat = re.compile(rx, re.I)
        n = hit = 0
        example = ""
        for d in docs:
            cue_chars = bytearray(len(d.text))
            for a in d.atts:
                for s, e in a.cue:
                    cue_chars[s:e] = b"\x01" * (e - s)
            for m in pat.finditer(d.text):
                n += 1
                # the cue word: 'according', 'told', 'said', 'called', ... (first or key word)
                key = re.search(
                    r"according|told|said|called|says|say|asked|claims|report|show|statement|"
                    r"think|suggested|noted|known",
                    m.group(),
                )
                at = m.start() + (key.start() if key else 0)
                if cue_chars[at]:
                    hit += 1
                elif not example:
                    example = snippet(d.text, max(0, m.start() - 40), m.end() + 30)
        print(f"| {name} | {n} | {pct(hit, n)} | {example} |")


def report_unattributed_quotes(docs: list[Doc]) -> None:
    print("\n## 7. Quoted regions with no gold attribution overlapping them")
    buckets = ("1", "2-3", "4-7", "8+")
    total: Counter[str] = Counter()
    orphan: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        covered = bytearray(len(d.text))
        for a in d.atts:
            for s, e in a.content:
                covered[s:e] = b"\x01" * (e - s)
        for s, e in quoted_regions(d.mask):
            n = len(re.findall(r"[^\W_]+", d.text[s:e]))
            if n == 0:
                continue
            b = "1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"
            total[b] += 1
            if not any(covered[s:e]):
                orphan[b] += 1
                if len(examples[b]) < 3:
                    examples[b].append(snippet(d.text, max(0, s - 1), e + 1, 60))
    print("\n| words | quoted regions | with no attribution | examples |\n|---|---|---|---|")
    for b in buckets:
        ex = "; ".join(examples[b])
        print(f"| {b} | {total[b]} | {pct(orphan[b], total[b])} | {ex} |")
    n, o = sum(total.values()), sum(orphan.values())
    print(f"| all | {n} | {pct(o, n)} | |")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", type=Path, help="PolNeAR split directory (train)")
    ap.add_argument("--report", action="store_true", help="print the analysis, write nothing")
    args = ap.parse_args(argv)
    docs = load_split(args.split)
    vocab = Counter(t.form for d in docs for t in d.tokens)
    lem = Lemmatizer(vocab)
    if args.report:
        report(docs, lem)
        return
    single, multi = build_cues(docs, lem)
    write_tsv(DATA_DIR / "cues.tsv", CUES_HEADER, single + multi)
    nouns = build_source_nouns(docs, lem)
    write_tsv(DATA_DIR / "source_nouns.tsv", SOURCE_NOUNS_HEADER, nouns)
    print(
        f"cues.tsv: {len(single)} head rows, {len(multi)} multi rows; "
        f"source_nouns.tsv: {len(nouns)} rows",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
