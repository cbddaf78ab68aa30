"""PolNeAR gold attributions as the lexicon tools read them: loading, tokens, cue heads
and a small verb lemmatiser. Shared by ``build_lexicon.py`` (the data files) and
``polnear_report.py`` (the analysis); not part of the package. Standard library only.

Gold loading follows ``shared/eval/polnear_score.py``: one attribution per brat ``E`` line,
the first ``.ann`` of a document in sorted order, events whose content is empty skipped, and the
class (direct / mixed / indirect) taken from the share of content characters inside a quoted
region (``quoted_mask`` below is a copy of the scorer's).

Cue heads.  A gold Cue span is reduced to one *head* word: leading auxiliaries, modals,
negation, ``to`` and a few adverbs (``has said``, ``did not mention``, ``is expected``,
``also noted``, ``to say``) are skipped, and ``according to`` is kept whole.

The tokenizer here is not the package's (``quotetrack.tokens``): it keeps a word's final
period apart and lowercases with ’ read as ', and the shipped data files were counted with
it; the package's tokenizer gives different counts (checked: the rebuilt files differ).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

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
