"""Reported-speech rules for cue verbs with a preposition or an infinitive:
``topic`` (X called for …, talked about …), ``asked`` (Asked whether …, X said),
``intention`` (X refused to …) and ``raising`` (X is expected to …, no source)."""

from __future__ import annotations

from quotetrack.lexicon import (
    CONTROL_CUES,
)
from quotetrack.phrase_tokens import tok_span
from quotetrack.reported.clauses import ASK_OPENERS, BAD_SUBJECT_END, subject_of, verb_start
from quotetrack.reported.content import (
    MAX_CONTENT_TOKENS,
    QUOTE_CHARS,
    Reported,
    clause_end,
    content_span,
    is_mixed,
)
from quotetrack.source_phrases import source_after, source_before
from quotetrack.tokens import Token

_MAX_ASK_GAP = 8  # words between "asked" and its question ("asked on Fox News who")


def read_topic(text: str, toks: list[Token], c: int, stop: int) -> Reported | None:
    """``X called for …`` / ``X talked about …``: the source is the subject, the content
    what follows the preposition, up to the end of its clause."""
    subject = subject_of(toks, verb_start(toks, c))
    if not subject:
        return None
    k = c + 2
    if k >= len(toks) or (not toks[k].is_word and toks[k].text not in QUOTE_CHARS):
        return None
    content = content_span(text, toks[k].start, clause_end(toks, k, stop), 1)
    if content is None:
        return None
    cue = tok_span(text, toks[c : c + 2])
    return Reported.single(content, tok_span(text, subject), cue, None, "topic")


def passive_ask(toks: list[Token], c: int) -> bool:
    """True for "Asked if …" opening a sentence, "When asked what …" or "was asked to …":
    a question put to someone, with no asker named."""
    before = toks[c - 1].lower if c > 0 else ""
    return c == 0 or before in ("when", "was", "were", "is", "are", "being", "been", "if")


def ask_opener(toks: list[Token], c: int) -> int | None:
    """The index of the word that opens the question after "asked" at ``toks[c]``: next
    to it, or after "by" and its asker or a short adverbial ("asked by Thrush if …",
    "Asked on Fox News who …"); None when there is no question."""
    for j in range(c + 1, min(len(toks), c + 1 + _MAX_ASK_GAP)):
        word = toks[j].lower
        if word in ASK_OPENERS and (j == c + 1 or word != "to" or toks[c + 1].lower == "by"):
            return j
        if not toks[j].is_word:
            return None
    return None


def read_asked(text: str, toks: list[Token], c: int, stop: int) -> Reported | None:
    """``Asked whether …, Trump said …``: the question is the content; the source is the
    asker after "by", when named ("Asked by Thrush if Clinton “gets” race, …")."""
    opener = ask_opener(toks, c)
    if opener is None:
        return None
    source = None
    if toks[c + 1].lower == "by":
        asker = source_after(toks, c + 2)
        source = tok_span(text, asker) if asker else None
    k = opener
    end = stop
    for j in range(k + 1, min(len(toks), k + MAX_CONTENT_TOKENS)):
        if toks[j].text in ",;":
            end = toks[j].start
            break
    content = content_span(text, toks[k].start, min(end, clause_end(toks, k, stop)), 2)
    if content is None:
        return None
    start = c - 1 if c > 0 and toks[c - 1].lower in ("was", "were", "is", "are") else c
    cue = tok_span(text, toks[start : c + 1])
    return Reported.single(content, source, cue, None, "asked")


def read_infinitive(text: str, toks: list[Token], c: int, stop: int) -> Reported | None:
    """``X refused to …`` (source X, content the infinitive phrase) and ``X is expected
    to …`` (no source; content X and the infinitive phrase)."""
    k = c + 2
    if k >= len(toks) or not toks[k].is_word:
        return None
    end = clause_end(toks, k, stop)
    verb = toks[c].lower
    start = verb_start(toks, c)
    subject = subject_of(toks, start) if verb in CONTROL_CUES else _raised_subject(toks, start)
    if not subject:
        return None
    cue = tok_span(text, toks[start : c + 2])
    if verb in CONTROL_CUES:
        content = content_span(text, toks[k].start, end, 2)
        if content is None:
            return None
        return Reported.single(content, tok_span(text, subject), cue, None, "intention")
    rest = content_span(text, toks[k].start, end, 2)
    if rest is None:
        return None
    pieces = (tok_span(text, subject), rest)
    return Reported(pieces, None, cue, None, "raising", is_mixed(pieces))


def _raised_subject(toks: list[Token], c: int) -> list[Token] | None:
    """The subject before a raising verb ("Donald Trump is expected to"): like a source,
    but any noun phrase will do."""
    subject = source_before(toks, c)
    if not subject or subject[-1].lower in BAD_SUBJECT_END:
        return None
    return subject
