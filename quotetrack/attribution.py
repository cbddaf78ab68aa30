"""Who said a quoted stretch: the direct-quote rules, which find the speaker phrase and
cue around a quote's marks.

Each rule reads the words just after a quote's closing mark (the *tail*: ``tail-speaker-cue``,
``tail-cue-speaker``, ``tail-according``, ``tail-dash``) or just before its opening mark
(the *head*: ``head-speaker-cue``, ``head-according``, ``head-colon``,
``head-cue-speaker``, ``head-sentence-cue``, ``head-participle``), or the subject of the
quote's sentence (``sentence-subject``), and returns a :class:`Match` naming itself;
:mod:`quotetrack.rules` says what each means. Phrases are read by
:mod:`quotetrack.speaker_phrases`; the cue table is passed in by the parser.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping

import attrs

from quotetrack.lexicon import (
    ADVERBIAL_STARTS,
    CUE_VERBS,
    DETERMINERS,
    OBJECT_PRONOUNS,
    SPEAKER_PRONOUNS,
)
from quotetrack.models import Span
from quotetrack.phrase_tokens import MAX_NP, drop_parentheticals, is_name_word, tok_span
from quotetrack.speaker_phrases import (
    addressee_after,
    cue_span,
    speaker_after,
    speaker_before,
    speaker_phrase,
    trim_adverbs,
)
from quotetrack.speaker_phrases import sentence_subject as _sentence_subject
from quotetrack.tokens import Token, tokenize, word_alternation

__all__ = ["Match", "cue_pattern", "match_head", "match_tail", "sentence_subject"]

Cues = Mapping[str, str]
"""A cue table: cue form -> lemma (``lexicon.CUE_VERBS``, or a parser's own)."""

_TAIL_CONJUNCTIONS = frozenset(
    ["and", "but", "or", "so", "while", "because", "although", "though", "whereas", "yet", "nor"]
)
_DASHES = frozenset({"\u2014", "\u2013", "\u2015", "-", "--"})
_LEAD_PUNCT = _DASHES | {","}
_HEAD_TRAIL = _DASHES | {",", ":"}
# What may follow a cue before the quote opens: adverbials, not a clause.
_ADVERBIAL_START = ADVERBIAL_STARTS | {"simply", "bluntly"}
_MAX_APPOSITION = 12  # words between the commas of an appositive in a tail
_MAX_TAIL = 20
_MAX_SUBJECT_TOKENS = 40  # tokens read for a sentence's subject
# Where a window's first token starts: the tokenizer skips only whitespace and "_".
_TOKEN_START = re.compile(r"[^\s_]")
_text = operator.attrgetter("text")  # scans that stay in C


# What may open a tail whose lead punctuation holds a dash (the ``tail-dash`` rule).
_DASH_LEAD_CHARS = ",\u2014\u2013\u2015-"
_SIGMA = "\u03a3"  # the one letter str.lower() lowercases by its context (final sigma)


def cue_pattern(cues: Cues) -> re.Pattern[str]:
    """A pattern that finds any cue form of ``cues``, or "according", in lowercased
    text: every rule needs one of them (or a colon or a dash, checked apart), so a window
    without a match can skip tokenizing. Built once per cue table, by the parser."""
    return re.compile(word_alternation(sorted({*cues, "according"})))


def _no_cue(text: str, start: int, end: int, finder: re.Pattern[str] | None) -> bool:
    """True when no token of ``text[start:end]`` can be a cue form or "according".

    Each token's lowercase is a slice of the window's lowercase when lowercasing keeps the
    length and no capital sigma (whose lowercase depends on its neighbours) is there; then
    a cue token is a substring ``finder`` finds. Otherwise this says nothing (False)."""
    if finder is None:
        return False
    window = text[start:end]
    low = window.lower()
    if len(low) != len(window) or _SIGMA in window:
        return False
    return finder.search(low) is None


@attrs.frozen(slots=True)
class Match:
    """What a rule found: the speaker phrase, the cue and addressee, and its name."""

    speaker: Span
    cue: Span | None
    addressee: Span | None
    rule: str
    end: int
    """Offset just past the attribution phrase (for joining split quotes)."""


def _clause_ends(toks: list[Token], k: int) -> bool:
    """True when ``toks[k:]`` holds only an adverbial ("on Tuesday", "in a statement")
    before the sentence ends."""
    rest = []
    for t in toks[k:]:
        if t.text in ".?!":
            break
        rest.append(t)
    if not rest:
        return True
    first = rest[0]
    if first.text == ",":
        # a participle clause ("said, adding ...") or an appositive ("said X, a ...")
        nxt = rest[1] if len(rest) > 1 else None
        return nxt is None or nxt.lower.endswith("ing") or nxt.lower in DETERMINERS
    # "said of Apple in February, when ..."; anything else starts a complement clause
    # ("She says it underscores ...", "He says referees ...") and is no attribution.
    return first.lower in _ADVERBIAL_START or first.lower in ("of", "about", "when")


def match_tail(
    text: str,
    start: int,
    end: int,
    last_char: str = ",",
    cues: Cues = CUE_VERBS,
    *,
    finder: re.Pattern[str] | None = None,
) -> Match | None:
    """Attribution in the words after a closing mark, ``text[start:end]``.

    ``last_char`` is the quote's last character inside the marks: a quote ending in a
    period starts a new sentence after its mark, so only an attribution that is a whole
    sentence (“….” Teigen said.) counts; a quote ending in a word is a fragment inside a
    longer sentence and gets no tail attribution. ``finder`` (:func:`cue_pattern` of
    ``cues``) lets a tail without any cue word skip the rules.
    """
    first_char = _TOKEN_START.search(text, start, end)
    if first_char is None or (last_char.isalnum() and text[first_char.start()].isalnum()):
        return None  # no words, or a fragment followed by a word: no tail (see below)
    if text[first_char.start()] not in _DASH_LEAD_CHARS and _no_cue(text, start, end, finder):
        return None  # no cue, no "according", no dash: no rule can fire
    toks = drop_parentheticals(tokenize(text, start, end))
    lead = 0
    while lead < len(toks) and toks[lead].text in _LEAD_PUNCT:
        lead += 1
    dash = lead > 0 and not _DASHES.isdisjoint(map(_text, toks[:lead]))
    if not lead and last_char.isalnum():
        return None
    whole = not lead and last_char in ".?!\u2026"
    toks = toks[lead : lead + _MAX_TAIL]
    if not toks or toks[0].lower in _TAIL_CONJUNCTIONS:
        return None  # “…” but he denied …: a new clause, not this quote's attribution
    first = toks[0]
    # “…,” said Teigen. (Not “…,” telling reporters: who is told is no speaker.)
    if first.lower in cues and cues[first.lower] != "tell":
        cue, k = cue_span(text, toks, 0, cues)
        np = speaker_after(toks, k, cues)
        if np and np[0].lower not in OBJECT_PRONOUNS:
            if not whole or _clause_ends(toks, k + len(np)):
                return Match(tok_span(text, np), cue, None, "tail-cue-speaker", np[-1].end)
    # “…,” according to the report.
    if first.lower == "according" and len(toks) > 2 and toks[1].lower == "to":
        np = speaker_after(toks, 2, cues)
        if np:
            cue = tok_span(text, toks[:2])
            return Match(tok_span(text, np), cue, None, "tail-according", np[-1].end)
    # “…,” Teigen added. / “…,” she told People Magazine.
    for c, tok in enumerate(toks):
        if tok.text in '.?!;:"\u201c\u201d' or (tok.text == "," and c > 0 and _comma_ends(toks, c)):
            break
        if tok.lower in cues and c > 0 and not tok.is_capitalised:
            subject = speaker_phrase(trim_adverbs(toks[:c]), cues)
            if subject is None:
                break
            cue, k = cue_span(text, toks, c, cues)
            addressee = None
            last = cue.end
            if cues[tok.lower] in ("tell", "ask"):
                obj = addressee_after(toks, k, cues)
                if obj:
                    addressee = tok_span(text, obj)
                    last = obj[-1].end
                    k += len(obj)
            if whole and not _clause_ends(toks, k):
                return None
            return Match(tok_span(text, subject), cue, addressee, "tail-speaker-cue", last)
    # “…” — Mark Twain
    if dash:
        np = speaker_after(toks, 0, cues)
        if np and is_name_word(np[0]):
            return Match(tok_span(text, np), None, None, "tail-dash", np[-1].end)
    return None


def _comma_ends(toks: list[Token], c: int) -> bool:
    """A comma at ``c`` ends the search for a cue unless it opens or closes an appositive."""
    commas = [i for i in range(c) if toks[i].text == ","]
    return len(commas) >= 1 and c - commas[-1] > _MAX_APPOSITION


def match_head(
    text: str,
    start: int,
    end: int,
    cues: Cues = CUE_VERBS,
    *,
    finder: re.Pattern[str] | None = None,
) -> Match | None:
    """Attribution in the words before an opening mark, ``text[start:end]``; ``finder``
    (:func:`cue_pattern` of ``cues``) lets a head without any cue word skip the rules."""
    if _TOKEN_START.search(text, start, end) is None:
        return None  # no words
    if _no_cue(text, start, end, finder) and not text[start:end].rstrip().endswith(":"):
        return None  # no cue, no "according", no colon: no rule can fire
    toks = drop_parentheticals(tokenize(text, start, end))
    while (toks and toks[-1].text in _HEAD_TRAIL) or (toks and toks[-1].lower == "that"):
        toks = toks[:-1]
    if not toks:
        return None
    # According to Smith, “…”
    for i in range(max(0, len(toks) - MAX_NP - 2), len(toks) - 2):
        if toks[i].lower == "according" and toks[i + 1].lower == "to":
            np = speaker_after(toks, i + 2, cues)
            if np and np[-1] is toks[-1]:
                cue = tok_span(text, toks[i : i + 2])
                return Match(tok_span(text, np), cue, None, "head-according", np[-1].end)
    found = _cue_at_end(text, toks, cues)
    if found is not None:
        return found
    # Said Dorothy Poynter, who grew up with Ali, “…”
    if len(toks) > 1 and toks[0].lower in cues and toks[0].is_capitalised:
        np = speaker_after(toks, 1, cues)
        if np:
            cue = tok_span(text, toks[:1])
            return Match(tok_span(text, np), cue, None, "head-cue-speaker", np[-1].end)
    # Trump: “…”  /  From Teigen:
    raw = text[start:end].rstrip()
    if raw.endswith(":"):
        i = len(toks)
        while i > 0 and (is_name_word(toks[i - 1]) or toks[i - 1].lower in SPEAKER_PRONOUNS):
            i -= 1
        np = toks[i:]
        if np and len(np) <= 5 and (i == 0 or toks[i - 1].lower in ("from", ".")):
            return Match(tok_span(text, np), None, None, "head-colon", np[-1].end)
    # Mr. Obama said, a majority of Americans have come to believe “…”
    for c in range(len(toks)):
        tok = toks[c]
        if tok.lower in cues and not tok.is_capitalised and not tok.lower.endswith("ing"):
            subject = speaker_before(toks, c, cues)
            if subject is not None:
                cue, _ = cue_span(text, toks, c, cues)
                return Match(tok_span(text, subject), cue, None, "head-sentence-cue", cue.end)
    return None


def _cue_at_end(text: str, toks: list[Token], cues: Cues) -> Match | None:
    """Gingrich said, “…” / She told People Magazine: “…” / he said, adding, “…”"""
    for c in range(len(toks) - 1, max(-1, len(toks) - 10), -1):
        tok = toks[c]
        if not tok.is_word:
            return None
        if tok.lower not in cues or tok.is_capitalised:
            continue
        cue, k = cue_span(text, toks, c, cues)
        after = toks[k:]
        lemma = cues[tok.lower]
        addressee = None
        if lemma in ("tell", "ask") and after and after[0].lower not in _ADVERBIAL_START:
            obj = addressee_after(toks, k, cues)
            if obj:
                addressee = tok_span(text, obj)
                after = toks[k + len(obj) :]
        if after and after[0].lower not in _ADVERBIAL_START:
            return None
        if any(t.lower in cues or (not t.is_word and t.text not in "'\u2019-") for t in after):
            return None
        if tok.lower.endswith("ing") and c > 0 and toks[c - 1].text == ",":
            # “…,” he said, adding: “…” -- the speaker is the previous clause's: read
            # here when that clause ends in its cue ("Spicer said, adding"), else left
            # to the parser (the speaker phrase is then the cue itself).
            if c > 1 and toks[c - 2].lower in cues and not toks[c - 2].lower.endswith("ing"):
                subject = speaker_before(toks, c - 2, cues)
                if subject is not None:
                    return Match(
                        tok_span(text, subject), cue, addressee, "head-participle", cue.end
                    )
            return Match(cue, cue, addressee, "head-participle", cue.end)
        subject = speaker_before(toks, c, cues)
        if subject is None:
            return None
        return Match(tok_span(text, subject), cue, addressee, "head-speaker-cue", cue.end)
    return None


def sentence_subject(text: str, start: int, end: int, cues: Cues = CUE_VERBS) -> Match | None:
    """The person the sentence ``text[start:end]`` is about, read as its subject (see
    :func:`quotetrack.speaker_phrases.sentence_subject`), as a ``sentence-subject`` match."""
    toks = drop_parentheticals(tokenize(text, start, end))[:_MAX_SUBJECT_TOKENS]
    np = _sentence_subject(toks, cues)
    if np is None:
        return None
    return Match(tok_span(text, np), None, None, "sentence-subject", np[-1].end)
