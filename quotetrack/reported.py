"""Reported (indirect) speech and mixed quotes: who said, believed or wanted what, without
quotation marks around all of it.

One pass over the sentences; each sentence that holds a reporting word is tokenized once
and read by these rules, in order (each :class:`Reported` names the rule that fired):

====================  ===============================================================
``subject-cue``       Trump said (that) the deal was bad. / She told reporters (that) …
                      / He believes … / Clinton wants to …
``content-cue``       The deal was bad, Trump said. / …, said a spokesman.
``according-head``    According to the report, the deal was bad.
``according-tail``    The deal was bad, according to the report.
====================  ===============================================================

Content is drawn as PolNeAR annotators draw it: the complement clause without the cue,
the source and a leading "that", and without the sentence's final period (a period inside
a closing quotation mark stays). Content whose characters lie mostly inside ``taken``
(direct quotes already attributed) is skipped; content that carries quoted fragments is
returned once, whole, with ``mixed=True``.

Out of scope: content that runs over several sentences, sources in a relative clause
("Clinton, who believes …"), participle cues (", saying …") and nominal cues ("the claim
that …").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from quotetrack.attribution import _DETERMINERS, _addressee, _np_after, _subject_before
from quotetrack.models import Span
from quotetrack.tokens import Token, tokenize

__all__ = ["Reported", "find_reported"]


@attrs.frozen(slots=True)
class Reported:
    """One reported attribution: content pieces, the source phrase, the cue and the rule."""

    content: tuple[Span, ...]
    speaker: Span | None
    cue: Span
    addressee: Span | None
    rule: str
    mixed: bool
    """True when the content holds double quotation marks (a mixed quote)."""


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Reporting words that take a complement clause, by lemma; forms are lowercase.
_SPEECH = {
    "say": "say says said",
    "tell": "tell tells told",
    "report": "reports reported",
    "confirm": "confirms confirmed",
    "deny": "denies denied",
    "warn": "warns warned",
    "argue": "argues argued",
    "insist": "insists insisted",
    "acknowledge": "acknowledges acknowledged",
    "claim": "claims claimed",
    "note": "notes noted",
    "explain": "explains explained",
    "announce": "announces announced",
    "suggest": "suggests suggested",
    "write": "writes wrote",
    "admit": "admits admitted",
    "predict": "predicts predicted",
    "contend": "contends contended",
    "assert": "asserts asserted",
    "allege": "alleges alleged",
    "stress": "stresses stressed",
    "emphasize": "emphasizes emphasized",
    "add": "adds added",
    "learn": "learned",
}
_BELIEF = {
    "believe": "believe believes believed",
    "think": "think thinks",
    "want": "wants wanted",
    "hope": "hopes hoped",
    "fear": "fears feared",
    "expect": "expects expected",
}
_CUES: dict[str, str] = {
    form: lemma
    for table in (_SPEECH, _BELIEF)
    for lemma, forms in table.items()
    for form in forms.split()
}
# Lemmas whose content may be an infinitive ("wants to run").
_TO_COMPLEMENT = frozenset({"want", "hope", "expect"})
# A cheap test that a sentence may hold a cue, before tokenizing it.
_MAY_HOLD_CUE = re.compile(
    r"\b(?:" + "|".join(sorted(_CUES, key=len, reverse=True)) + r"|according)\b",
    re.IGNORECASE,
)
_PASSIVE = _words("is was were are be been being")
_NOT_SUBJECT_END = _DETERMINERS | _words(
    "to of in on at for with by from as than and or but that which who what"
)
_TAIL_ADVERBIAL = _words(
    """
    in on at during via to through after before while from over by with last this
    yesterday today tonight monday tuesday wednesday thursday friday saturday sunday
    recently earlier later again afterward afterwards then once also
    """
)
_QUOTE_CHARS = '"\u201c\u201d'
_CLOSERS = "\"\u201d\u2019')"
_MIN_CONTENT_WORDS = 3
_MAX_TAIL = 12


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _tok_span(text: str, toks: Sequence[Token]) -> Span:
    return _span(text, toks[0].start, toks[-1].end)


def _content(text: str, start: int, end: int) -> Span | None:
    """``text[start:end]`` trimmed of spaces, leading commas and a final period outside a
    quotation mark; None when fewer than three words remain."""
    while start < end and (text[start].isspace() or text[start] in ",:;\u2014\u2013-"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end > start and text[end - 1] in ".,;:!?\u2014\u2013-" and text[end - 1] != "?":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    if len(text[start:end].split()) < _MIN_CONTENT_WORDS:
        return None
    return _span(text, start, end)


def _sentence_stop(text: str, sent: Span) -> int:
    """Where a sentence's content may end: before its final period, outside quotes."""
    end = sent.end
    while end > sent.start and text[end - 1].isspace():
        end -= 1
    return end


def _tail_is_adverbial(toks: Sequence[Token]) -> bool:
    """True when ``toks`` (after a source) hold only an adverbial to the sentence end."""
    rest = [t for t in toks if t.is_word or t.text not in ".?!" + _CLOSERS]
    if not rest:
        return True
    return (
        rest[0].lower in _TAIL_ADVERBIAL
        and len(rest) <= 8
        and not any(t.lower in _CUES for t in rest)
    )


def _subject(toks: list[Token], c: int) -> list[Token] | None:
    """The subject noun phrase before the cue at ``toks[c]``, if it reads as a source."""
    if c > 0 and toks[c - 1].lower in _PASSIVE:
        return None
    subject = _subject_before(toks, c)
    if not subject or subject[-1].lower in _NOT_SUBJECT_END:
        return None
    if len(subject) == 1 and subject[0].lower in ("i", "we", "you"):
        return None  # "I think", "you know": asides, rarely annotated
    return subject


def _subject_cue(text: str, toks: list[Token], c: int, stop: int) -> Reported | None:
    """``X said (that) …`` / ``X told Y (that) …`` / ``X believes …``."""
    tok = toks[c]
    lemma = _CUES[tok.lower]
    if tok.is_capitalised and c > 0:
        return None  # a headline in title case: "Trump Says …"
    subject = _subject(toks, c)
    if subject is None:
        return None
    k = c + 1
    addressee = None
    if lemma == "tell":
        obj = _addressee(toks, k)
        if not obj:
            return None
        addressee = _tok_span(text, obj)
        k += len(obj)
    elif lemma == "learn" and (c == 0 or toks[c - 1].lower not in ("has", "have")):
        return None
    # "said on Tuesday that …": skip a short adverbial before "that".
    for j in range(k, min(k + 8, len(toks))):
        if toks[j].lower == "that":
            if all(t.is_word or t.text == "," for t in toks[k:j]):
                k = j + 1
            break
    if k >= len(toks):
        return None
    first = toks[k]
    if first.text == ",":
        k += 1
        if k >= len(toks):
            return None
        first = toks[k]
    if first.lower == "to" and lemma not in _TO_COMPLEMENT:
        return None
    if not first.is_word and first.text not in _QUOTE_CHARS:
        return None
    if first.lower in ("of", "about", "for", "with", "in", "on", "at", "by", "so", "yes", "no"):
        return None
    content = _content(text, first.start, stop)
    if content is None:
        return None
    cue = _tok_span(text, [tok])
    return Reported(
        (content,),
        _tok_span(text, subject),
        cue,
        addressee,
        "subject-cue",
        any(ch in content.text for ch in _QUOTE_CHARS),
    )


def _content_cue(text: str, sent: Span, toks: list[Token], comma: int) -> Reported | None:
    """``…, X said.`` / ``…, said X.``: a cue clause after the sentence's last comma."""
    after = toks[comma + 1 : comma + 1 + _MAX_TAIL]
    if not after:
        return None
    subject: list[Token] | None = None
    cue_tok: Token | None = None
    if after[0].lower in _CUES and _CUES[after[0].lower] in ("say", "tell", "add", "write"):
        # …, said a spokesman.
        np = _np_after(after, 1)
        if np and np[0].lower not in ("him", "her", "them", "me", "us", "you", "it"):
            rest = after[1 + len(np) :]
            if _tail_is_adverbial(rest):
                subject, cue_tok = np, after[0]
    else:
        for c, tok in enumerate(after):
            if tok.lower in _CUES and c > 0 and not tok.is_capitalised:
                found = _subject(list(after), c)
                if found is None or found[0] is not after[0]:
                    return None  # the source must open the cue clause
                k = c + 1
                if _CUES[tok.lower] == "tell":
                    obj = _np_after(list(after), k)
                    k += len(obj)
                if _tail_is_adverbial(after[k:]):
                    subject, cue_tok = found, tok
                break
            if not tok.is_word:
                return None
    if subject is None or cue_tok is None:
        return None
    if _CUES[cue_tok.lower] not in _SPEECH:
        return None
    content = _content(text, sent.start, toks[comma].start)
    if content is None:
        return None
    return Reported(
        (content,),
        _tok_span(text, subject),
        _tok_span(text, [cue_tok]),
        None,
        "content-cue",
        any(ch in content.text for ch in _QUOTE_CHARS),
    )


def _according(text: str, sent: Span, toks: list[Token], stop: int) -> Reported | None:
    """``According to X, …`` and ``…, according to X.``"""
    for i in range(len(toks) - 2):
        if toks[i].lower != "according" or toks[i + 1].lower != "to":
            continue
        np = _np_after(toks, i + 2)
        if not np:
            return None
        cue = _tok_span(text, toks[i : i + 2])
        after = i + 2 + len(np)
        if i == 0 and after < len(toks) and toks[after].text == ",":
            content = _content(text, toks[after].end, stop)
            rule = "according-head"
        elif i > 0 and toks[i - 1].text == "," and _tail_is_adverbial(toks[after:]):
            content = _content(text, sent.start, toks[i - 1].start)
            rule = "according-tail"
        else:
            return None
        if content is None:
            return None
        mixed = any(ch in content.text for ch in _QUOTE_CHARS)
        return Reported((content,), _tok_span(text, np), cue, None, rule, mixed)
    return None


class _Taken:
    """Character ranges claimed by direct quotes, for overlap tests by bisection."""

    def __init__(self, taken: Sequence[tuple[int, int]]) -> None:
        self.ranges = sorted(taken)
        self.starts = [s for s, _ in self.ranges]

    def overlap(self, start: int, end: int) -> int:
        k = max(0, bisect.bisect_right(self.starts, start) - 1)
        total = 0
        while k < len(self.ranges) and self.ranges[k][0] < end:
            s, e = self.ranges[k]
            total += max(0, min(e, end) - max(s, start))
            k += 1
        return total


def find_reported(
    text: str, sentences: Sequence[Span], taken: Sequence[tuple[int, int]]
) -> list[Reported]:
    """Reported speech, beliefs and mixed quotes in ``text``, in document order.

    ``sentences`` are the document's sentences; ``taken`` the character ranges already
    claimed by direct quotes. An attribution whose content lies more than half inside
    ``taken`` is left to the direct quote.
    """
    claimed = _Taken(taken)
    out: list[Reported] = []
    for sent in sentences:
        if _MAY_HOLD_CUE.search(sent.text) is None:
            continue
        toks = tokenize(text, sent.start, sent.end)
        if len(toks) < _MIN_CONTENT_WORDS + 2:
            continue
        found = _sentence(text, sent, toks)
        if found is None:
            continue
        size = sum(len(c) for c in found.content)
        inside = sum(claimed.overlap(c.start, c.end) for c in found.content)
        if 2 * inside > size:
            continue
        out.append(found)
    return out


def _sentence(text: str, sent: Span, toks: list[Token]) -> Reported | None:
    """The best attribution of one sentence, or None."""
    stop = _sentence_stop(text, sent)
    found = _according(text, sent, toks, stop)
    if found is not None:
        return found
    depth = 0
    for c, tok in enumerate(toks):
        if tok.text in _QUOTE_CHARS:
            depth ^= 1
            continue
        if depth or tok.lower not in _CUES or c == 0:
            continue
        found = _subject_cue(text, toks, c, stop)
        if found is not None:
            return found
    commas = [i for i, t in enumerate(toks) if t.text == "," and i >= _MIN_CONTENT_WORDS]
    if commas:
        return _content_cue(text, sent, toks, commas[-1])
    return None
