"""What a reported attribution is (:class:`Reported`) and where its content starts and
ends: the complement clause after a cue, an object, a clause cut at a break, trimmed of
punctuation as PolNeAR annotators draw it."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator, Sequence

import attrs

from quotetrack.lexicon import (
    BELIEF_CUES,
    CLAUSE_PRONOUNS,
    EVIDENCE_CUES,
    MIXED_ONLY_LEMMAS,
    NOT_CONTENT_START,
    OBJECT_CUES,
    PARTICIPLE_CUES,
    REPORTED_CUES,
    SPEECH_LEMMAS,
    TO_COMPLEMENT_LEMMAS,
    word_set,
)
from quotetrack.models import Span
from quotetrack.phrase_tokens import MAX_NP, index_at, looks_like_name
from quotetrack.source_phrases import TIME_LEADS
from quotetrack.tokens import Token


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

    @classmethod
    def single(
        cls, content: Span, speaker: Span | None, cue: Span, addressee: Span | None, rule: str
    ) -> Reported:
        """An attribution with one content piece; ``mixed`` read from that piece."""
        return cls((content,), speaker, cue, addressee, rule, is_mixed((content,)))

    def cut(self, content: tuple[Span, ...]) -> Reported:
        """The same attribution with shorter ``content``; ``mixed`` read again."""
        return attrs.evolve(self, content=content, mixed=is_mixed(content))


# Lemmas whose complement may open with any noun phrase ("said the deal was bad").
_LOOSE = SPEECH_LEMMAS | frozenset(BELIEF_CUES) | frozenset(EVIDENCE_CUES)
# Words after a comma that end a content clause (", which …", ", while others said …").
# Tested one by one on PolNeAR train; "and", "though", "including", "with" lowered F1.
BREAKS = word_set("which who while but compared")
# Where an object cue's content ends: at a time word or a subordinate clause. PolNeAR
# objects keep their prepositional phrases and conjuncts ("accused China of hacking
# computers at a range of federal agencies").
_OBJECT_STOP = word_set(
    """
    yesterday today tonight monday tuesday wednesday thursday friday saturday sunday
    last earlier later but who which because while when after before since
    """
)
_INDEFINITES = word_set("nothing something anything everything")
QUOTE_CHARS = '"\u201c\u201d'
CLOSERS = "\"\u201d\u2019')"
MIN_CONTENT_WORDS = 3
_APOSTROPHE = re.compile("['\u2019]")
# Clause ends inside content: the words after a participle gloss, verbs a cue clause never
# precedes, subordinators whose clause ends at its first comma, relative-pronoun pieces.
_PARTICIPLE_OBJECTS = word_set("to that the a his her their its")
MAX_CONTENT_TOKENS = 150  # tokens a content clause may run to (bounds work per cue)
# The tokens each clause reader acts on (the others it only walks past), with the
# quotation marks that open and close what it must not cut: a comma; what ends an
# object; what may break a content clause.
_MARKS = frozenset(QUOTE_CHARS)
_COMMA_STOPS = frozenset(",") | _MARKS
_OBJECT_STOPS = frozenset(",;:(\u2014\u2013") | _OBJECT_STOP | frozenset(REPORTED_CUES) | _MARKS
_CLAUSE_STOPS = frozenset([";", ",", "and"]) | _MARKS
_lower = operator.attrgetter("lower")


def is_mixed(pieces: Sequence[Span]) -> bool:
    """True when content holds a double quotation mark (or the NYT's doubled '')."""
    return any(ch in p.text for p in pieces for ch in QUOTE_CHARS) or any(
        "''" in p.text for p in pieces
    )


def char_span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def content_start(text: str, start: int, end: int) -> int:
    """Where a content read from ``text[start:end]`` starts: past spaces and leading
    commas, colons, semicolons and dashes."""
    while start < end and (text[start].isspace() or text[start] in ",:;\u2014\u2013-"):
        start += 1
    return start


def content_span(text: str, start: int, end: int, minimum: int = MIN_CONTENT_WORDS) -> Span | None:
    """``text[start:end]`` trimmed of spaces, leading commas and a final period outside a
    quotation mark; None when fewer than three words remain."""
    start = content_start(text, start, end)
    while end > start and text[end - 1].isspace():
        end -= 1
    while end > start and text[end - 1] in ".,;:!?\u2014\u2013-" and text[end - 1] != "?":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    if len(text[start:end].split(None, minimum)) < minimum:  # fewer than minimum words
        return None
    return char_span(text, start, end)


def sentence_stop(text: str, sent: Span) -> int:
    """Where a sentence's content may end: before its final period, outside quotes."""
    end = sent.end
    while end > sent.start and text[end - 1].isspace():
        end -= 1
    return end


def first_comma(toks: list[Token], k: int, end: int) -> int:
    """The offset of the first comma outside quotation marks from ``toks[k]`` on, before
    ``end``; else ``end``."""
    for j in _unquoted(toks, k, index_at(toks, end), _COMMA_STOPS):
        return toks[j].start
    return end


class SentenceTokens(list[Token]):
    """The tokens of one sentence, as the rules of this package read them: a list that
    remembers, for each set of stop words, the indices of its tokens that are one of them.
    Every cue of a sentence reads a content window of up to 150 tokens; with the indices
    kept, a window costs the stops inside it, not its length. The list is never changed
    after it is made (slices of it are plain lists)."""

    __slots__ = ("_breaks", "_stops")
    _stops: dict[frozenset[str], list[int]]
    _breaks: tuple[list[int], list[int]]

    def stop_indices(self, stops: frozenset[str]) -> list[int]:
        """The indices of the tokens whose lowercase is in ``stops``, in order."""
        try:
            found = self._stops
        except AttributeError:
            found = self._stops = {}
        indices = found.get(stops)
        if indices is None:
            indices = found[stops] = [i for i, w in enumerate(map(_lower, self)) if w in stops]
        return indices

    def clause_breaks(self) -> tuple[list[int], list[int]]:
        """The indices of the stops that break a content clause, in order, and where the
        content ends at each (see :func:`clause_end`); for a sentence without quotation
        marks, where no stop lies inside a quote."""
        try:
            return self._breaks
        except AttributeError:
            pass
        at: list[int] = []
        ends: list[int] = []
        for j in self.stop_indices(_CLAUSE_STOPS):
            end = _clause_break(self, j) if j else None
            if end is not None:
                at.append(j)
                ends.append(end)
        self._breaks = (at, ends)
        return self._breaks


def _unquoted(toks: list[Token], first: int, last: int, stops: frozenset[str]) -> Iterator[int]:
    """The indices in ``range(first, last)`` of tokens outside quotation marks whose
    lowercase is one of ``stops`` (which holds the quotation marks too): where the clause
    readers may cut. Only the marks and the stops are walked, found by bisection in a
    sentence's :class:`SentenceTokens` (or in one pass over a plain list's window)."""
    if isinstance(toks, SentenceTokens):
        found = toks.stop_indices(stops)
        lo = bisect.bisect_left(found, first)
        picked = found[lo : bisect.bisect_left(found, last, lo)]
    else:
        picked = [j for j, w in enumerate(map(_lower, toks[first:last]), first) if w in stops]
    depth = 0
    for j in picked:
        if toks[j].text in QUOTE_CHARS:
            depth ^= 1
        elif not depth:
            yield j


def _window_end(toks: list[Token], k: int) -> int:
    """The index past the tokens a content that starts at ``toks[k]`` may run to."""
    return min(len(toks), k + 1 + MAX_CONTENT_TOKENS)


def _uncut_end(toks: list[Token], last: int, stop: int) -> int:
    """Where a content no break cut ends: ``stop``, or the end of its window when the
    sentence runs on past it (a clause that long is no content: cut it, bounded work)."""
    return toks[last - 1].end if last < len(toks) else stop


def inner_participle(toks: list[Token], k: int) -> int | None:
    """The index of a speech participle within the few words after ``toks[k]`` that opens
    a clause ("a photo confirming she had …", "a statement saying that …"), or None."""
    for j in range(k, min(len(toks) - 1, k + MAX_NP)):
        word = toks[j].lower
        if not toks[j].is_word or word in REPORTED_CUES:
            return None
        if word.endswith("ing") and (word in PARTICIPLE_CUES or _ing_cue(word)):
            nxt = toks[j + 1].lower
            if nxt == "that" or nxt in CLAUSE_PRONOUNS:
                return j
    return None


def _ing_cue(word: str) -> bool:
    """True when ``word`` is the -ing form of a listed speech cue ("confirming")."""
    stem = word[:-3]
    return any(
        REPORTED_CUES.get(form) in SPEECH_LEMMAS for form in (stem + "ed", stem + "d", stem + "s")
    )


def opens_clause(toks: list[Token], k: int, lemma: str) -> bool:
    """True when ``toks[k]`` can open the complement of ``lemma`` without "that"."""
    first = toks[k]
    if first.lower == "to":
        return lemma in TO_COMPLEMENT_LEMMAS
    if first.text in QUOTE_CHARS:
        return lemma in _LOOSE
    if first.text[0].isdigit():
        return lemma in ("say", "show", "find", "report", "estimate")
    if first.lower in ("if", "whether") and lemma in ("say", "ask", "wonder"):
        return True  # "said if elected he could …": a conditional clause is content too
    if not first.is_word or first.lower in NOT_CONTENT_START:
        return False
    if first.lower in CLAUSE_PRONOUNS or _APOSTROPHE.split(first.lower)[0] in CLAUSE_PRONOUNS:
        return True  # "he", and "he’d", "she's", "they're" too
    if lemma == "tell":
        return False  # "told reporters Friday at a convention": no clause without "that"
    if lemma in OBJECT_CUES:
        return not first.lower.endswith("ing") or first.is_capitalised or lemma in MIXED_ONLY_LEMMAS
    if lemma == "want":
        # "wants Congress to act": an object and an infinitive.
        return any(t.lower == "to" for t in toks[k + 1 : k + 5])
    if first.lower.endswith("ing"):
        # "said legalizing it could …" (a gerund subject), not "said nothing"
        return lemma in ("say", "believe", "think") and first.lower not in _INDEFINITES
    return lemma in _LOOSE


def object_end(toks: list[Token], k: int, stop: int) -> int:
    """Where an object noun phrase that starts at ``toks[k]`` ends."""
    last = _window_end(toks, k)
    for j in _unquoted(toks, k + 1, last, _OBJECT_STOPS):
        t = toks[j]
        if t.text in ",;:(\u2014\u2013" or t.lower in _OBJECT_STOP or t.lower in REPORTED_CUES:
            while j - 1 > k and toks[j - 1].lower in TIME_LEADS:
                j -= 1  # "defended the budget on Monday": the object ends before "on"
            return toks[j - 1].end
    return _uncut_end(toks, last, stop)


def _participle_phrase(toks: list[Token], i: int) -> bool:
    """True when ``toks[i]`` opens a participle phrase ("pointing to …", "leaving the …")."""
    word = toks[i]
    return (
        word.is_word
        and not word.is_capitalised
        and len(word.lower) > 5
        and word.lower.endswith("ing")
        and i + 1 < len(toks)
        and toks[i + 1].lower in _PARTICIPLE_OBJECTS
    )


def clause_end(toks: list[Token], k: int, stop: int) -> int:
    """Where the content that starts at ``toks[k]`` ends: the sentence end, or an earlier
    break into a new clause (", but …", "; …", "and said …")."""
    last = _window_end(toks, k)
    if isinstance(toks, SentenceTokens) and not toks.stop_indices(_MARKS):
        # No quotation marks: whether a stop breaks does not depend on where the content
        # starts, so the sentence's breaks are found once and each cue bisects them (an
        # endless sentence of asides made every cue test the 50 commas of its window).
        at, ends = toks.clause_breaks()
        i = bisect.bisect_left(at, k + 1)
        if i < len(at) and at[i] < last:
            return ends[i]
        return _uncut_end(toks, last, stop)
    for j in _unquoted(toks, k + 1, last, _CLAUSE_STOPS):
        end = _clause_break(toks, j)
        if end is not None:
            return end
    return _uncut_end(toks, last, stop)


def _clause_break(toks: list[Token], j: int) -> int | None:
    """Where content ends when the stop at ``toks[j]`` (1 <= j) breaks it into a new
    clause, else None; read from ``toks[j - 1 :]`` only."""
    t = toks[j]
    if t.text == ";":
        return t.start
    if t.text == "," and j + 1 < len(toks):
        nxt = toks[j + 1]
        if nxt.lower in BREAKS or (nxt.lower in REPORTED_CUES and nxt.lower.endswith("ing")):
            return t.start
        if _participle_phrase(toks, j + 1) or nxt.lower in PARTICIPLE_CUES:
            return t.start  # "…, pointing to Cruz's victories", "…, adding: “…”"
        if nxt.lower == "and" and any(x.lower in REPORTED_CUES for x in toks[j + 2 : j + 8]):
            return t.start  # "…, and three-quarters said …": a new attribution
    if t.lower == "and" and j + 2 < len(toks):
        cue = toks[j + 1] if toks[j + 1].lower in REPORTED_CUES else None
        if cue is None and toks[j + 1].lower in CLAUSE_PRONOUNS:
            cue = toks[j + 2] if toks[j + 2].lower in REPORTED_CUES else None
        n = j + 1
        while cue is None and n < min(len(toks), j + 4) and looks_like_name(toks[n]):
            n += 1  # "… and Smith said …" (not "the vice president and Ryan believe")
            if (
                n < len(toks)
                and toks[n].lower in REPORTED_CUES
                and not toks[n].is_capitalised
                and toks[n].lower.endswith(("s", "d"))
            ):
                cue = toks[n]
        if cue is not None:  # "… and said …", "… and she accused …"
            return toks[j - 1].end if toks[j - 1].text != "," else toks[j - 1].start
    return None
