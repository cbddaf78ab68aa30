"""Build quotetrack's PolNeAR-derived data files: ``quotetrack/data/cues.tsv`` and
``quotetrack/data/source_nouns.tsv``.

Run on the PolNeAR *train* split only (never build lexicon entries from dev)::

    PYTHONPATH=. .venv/bin/python tools/build_lexicon.py ../shared/data/polnear/train

Standard library only; deterministic output (rebuilding from the same split gives the
shipped files byte for byte). Multiword cue spans are listed again as ``multi`` rows (the
span from its head on, e.g. ``told reporters``, ``pointed out``) when the phrase is a
markedly better cue than its head word alone. The analysis behind the thresholds is
printed by ``tools/polnear_report.py``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from polnear_gold import (
    AUX_LEMMA,
    CLASSES,
    FIXED,
    FUNCTION_WORDS,
    Doc,
    Lemmatizer,
    cue_head,
    load_split,
    skippable,
    token_range,
)

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


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", type=Path, help="PolNeAR split directory (train)")
    args = ap.parse_args(argv)
    docs = load_split(args.split)
    lem = Lemmatizer(Counter(t.form for d in docs for t in d.tokens))
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
