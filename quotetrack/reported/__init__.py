"""Reported (indirect) speech and mixed quotes: who said, believed or found what, without
quotation marks around all of it.

One regex pass over the document finds the sentences that hold a cue word outside direct
quotes; each is tokenized once and read by the rules of this package, each in the
module named for it (every :class:`Reported` names the rule that fired; the parser
records it as ``reported:<rule>``; :mod:`quotetrack.rules` lists them all):

- :mod:`~quotetrack.reported.clauses`: ``subject-cue``, ``content-cue``,
  ``parenthetical``, ``participle``;
- :mod:`~quotetrack.reported.according`: ``according-head``, ``according-tail``,
  ``according-mid``;
- :mod:`~quotetrack.reported.verb_patterns`: ``topic``, ``asked``, ``intention``,
  ``raising``;
- :mod:`~quotetrack.reported.labels`: ``headline``, ``label``;
- :mod:`~quotetrack.reported.content`: what a :class:`Reported` is and where its content
  starts and ends;
- :mod:`~quotetrack.reported.merge`: how the items join the direct quotes, without
  overlaps. Source phrases are read by :mod:`quotetrack.source_phrases`, cue words come
  from :mod:`quotetrack.lexicon`.

Content is drawn as PolNeAR annotators draw it: the complement clause with its "that" but
without the cue, the source and the sentence's final period; an object cue ("endorsed")
takes its object only. An attribution with a piece lying mostly inside ``taken`` (direct
quotes already attributed) is left to the direct quote; content that carries quoted
fragments is returned once, whole, with ``mixed=True``.

Cue forms are kept only when they raise all-attribution F1 on PolNeAR train with these
rules (see :mod:`quotetrack.lexicon.cues`); "called", "labeled" and kin fire only with a
quoted fragment. Out of scope: content that runs over several sentences, nominal cues
("the claim that …"), passives other than raising verbs, and colon cues inside a
sentence ("He had one word for it: …").
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence

from quotetrack.lexicon import (
    CONTROL_CUES,
    PARTICIPLE_CUES,
    RAISING_CUES,
    REPORTED_CUES,
    TOPIC_CUES,
)
from quotetrack.models import Span
from quotetrack.reported.according import read_according
from quotetrack.reported.clauses import (
    RELATIVE_PRONOUNS,
    read_content_cue,
    read_participle,
    read_subject_cue,
)
from quotetrack.reported.content import (
    MIN_CONTENT_WORDS,
    QUOTE_CHARS,
    Reported,
    SentenceTokens,
    sentence_stop,
)
from quotetrack.reported.dropped import kept_subject_cues
from quotetrack.reported.labels import read_headline, read_speaker_label
from quotetrack.reported.verb_patterns import (
    ask_opener,
    passive_ask,
    read_asked,
    read_infinitive,
    read_topic,
)
from quotetrack.tokens import Token, tokenize, word_alternation

__all__ = ["Reported", "find_reported"]
# A cheap test that a sentence may hold a cue, before tokenizing it: every word of the
# document is scanned once and looked up in this set.
_TRIGGERS = (
    frozenset(REPORTED_CUES)
    | PARTICIPLE_CUES
    | {"according"}
    | set(TOPIC_CUES)
    | CONTROL_CUES
    | RAISING_CUES
)


_TRIGGER = re.compile(
    r"\b" + word_alternation(_TRIGGERS | {w.capitalize() for w in _TRIGGERS}) + r"\b"
)
# How many commas from the sentence end are tried for a sentence-final cue clause ("…, X
# said"; bounds work), and what may stand before a participle cue ("…, saying").
_TAIL_COMMAS = 3
_PARTICIPLE_LEADS = frozenset(
    [",", "\u2014", "\u2013", "-", "--", "and", "while", "after", "before", "by"]
)
_MIN_LABELS = 2  # speaker-label paragraphs that make a transcript
_text = operator.attrgetter("text")
_lower = operator.attrgetter("lower")
# What the scanning loops of _sentence stop at: quotation marks and every cue they read
# (and "which" and "what", for _skip_dropped).
_SCANNED = frozenset(QUOTE_CHARS) | _TRIGGERS | {"asked"} | RELATIVE_PRONOUNS
# Any word _sentence reads as a cue, in lowercased text, where a token could be it (not
# inside a longer run of letters and digits); extra matches only cost a tokenizing.
_ANY_CUE = re.compile(r"(?<![^\W_])" + word_alternation(_TRIGGERS | {"asked"}) + r"(?![^\W_])")
# After the closing mark of a direct quote: words, a final cue word and at most "." or
# "!" ('"Yes," Smith said.'); no comma, no quotation mark (linear: the class cannot
# hold the space-and-word that ends the match in more than one way per space).
_ATTRIBUTION_TAIL = re.compile(r"[\w'\u2019.&\- ]*\s([^\W_]+)[.!]?\s*")
_OPENERS = '"\u201c'
_CLOSERS = '"\u201d'
_QUOTE_CHAR = re.compile("[" + QUOTE_CHARS + "]")
# What makes an item mixed, and what lets the merge cut one (a comma or semicolon before
# the source of the next): see quotetrack.reported.dropped.
_MIXED = re.compile("[" + QUOTE_CHARS + "]|''")
_CUTS = re.compile("[,;]")


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
    headline = read_headline(text, sentences[0]) if sentences else None
    # The start of the next cue word at or after the sentence read (see _next_trigger),
    # searched for only when a sentence starts past it.
    next_cue = -1
    out: list[Reported] = [headline] if headline is not None else []
    labels: list[Reported] = []
    label_reach = 0  # the furthest end of a speaker label's content
    for sent in sentences:
        if headline is not None and sent.start < headline.content[-1].end:
            continue
        if sent.start == 0 or text[sent.start - 1] == "\n":
            label = read_speaker_label(text, sent.start)
            if label is not None and all(
                2 * claimed.overlap(c.start, c.end) <= len(c) for c in label.content
            ):
                labels.append(label)
                label_reach = max(label_reach, label.content[-1].end)
        if _own_attribution(text, sent, claimed):
            # Never read, whatever its cues; asked first, as a text of such sentences
            # ('"Yes," Smith said.' repeated) would search each for its cue for nothing.
            # The search a later sentence makes from its own start finds what one from
            # here would (no cue word runs across a sentence start).
            continue
        if next_cue < sent.start:
            next_cue = _next_trigger(text, sent.start, claimed)
        if next_cue >= sent.end:
            continue
        toks = SentenceTokens(tokenize(text, sent.start, sent.end))
        if len(toks) < MIN_CONTENT_WORDS + 2:
            continue
        # Alone: no direct quote and no label reaches into the sentence, so the merge
        # (join_direct) meets its items by themselves (see _skip_dropped).
        alone = label_reach <= sent.start and not claimed.overlap(sent.start, sent.end)
        for found in _sentence(text, sent, toks, alone):
            # Every piece must lie mostly outside the direct quotes.
            if all(2 * claimed.overlap(c.start, c.end) <= len(c) for c in found.content):
                out.append(found)
    if len(labels) >= _MIN_LABELS:
        out.extend(labels)  # a transcript has turns; one "NEW YORK:" line is a dateline
    return sorted(out, key=lambda r: r.content[0].start)


def _next_trigger(text: str, pos: int, claimed: _Taken) -> int:
    """The start of the first cue word at or after ``pos`` outside the direct quotes, or
    ``len(text)``. Cue words inside direct quotes are almost never cues (nested speech is
    not annotated), so they do not make a sentence worth reading.

    Searched for sentence by sentence, not in one scan of the text: the words of a
    sentence after its first cue are never scanned (a third of the scan). A match is a
    whole word (``\\b`` looks at the text before ``pos``), so a search from ``pos`` finds
    what a scan from the text's start finds there.
    """
    m = _TRIGGER.search(text, pos)
    while m is not None and claimed.overlap(m.start(), m.end()):
        m = _TRIGGER.search(text, m.end())
    return m.start() if m is not None else len(text)


def _own_attribution(text: str, sent: Span, claimed: _Taken) -> bool:
    """True for a sentence that is a direct quote and its attribution only, '"Yes," Smith
    said.': every item :func:`_sentence` reads from it lies mostly inside the quote, so
    :func:`find_reported` drops it, and the sentence need not be tokenized.

    The sentence is an opening mark, a direct quote's span ``Q`` (no quotation mark in it),
    a closing mark, words without a comma and one word ``C`` last, then at most "." or
    "!"; no word before ``C`` is a cue. So ``C`` is the only cue token: content read
    after it is empty once its period is trimmed; "according to", a parenthetical and a
    participle need a cue or a comma after the quote. What is left is a cue clause after a
    comma (``read_content_cue``), whose content runs from the sentence start to a comma
    inside ``Q``: all of it in ``Q`` but the opening mark, of at least three words (five
    characters), so more than half of it is taken.
    """
    start = sent.start
    while start < sent.end and text[start].isspace():
        start += 1
    if start + 1 >= sent.end or text[start] not in _OPENERS:
        return False  # most sentences: one character read
    k = bisect.bisect_left(claimed.starts, start + 1)
    if k == len(claimed.starts) or claimed.starts[k] != start + 1:
        return False
    end = claimed.ranges[k][1]
    if end >= sent.end or text[end] not in _CLOSERS or _QUOTE_CHAR.search(text, start + 1, end):
        return False
    tail = _ATTRIBUTION_TAIL.fullmatch(text, end + 1, sent.end)
    return tail is not None and _ANY_CUE.search(text[start : tail.start(1)].lower()) is None


def _sentence(text: str, sent: Span, toks: SentenceTokens, alone: bool = False) -> list[Reported]:
    """The attributions of one sentence: a cue clause at its end or an "according to",
    then every subject-cue clause (nested ones too: "X said Y believes …"). ``alone``:
    no direct quote or label reaches into the sentence, so subject-cue clauses the merge
    would drop may be left unread (:func:`_skip_dropped`)."""
    stop = sentence_stop(text, sent)
    found = read_according(text, sent, toks, stop)
    if found is not None:
        return [found]
    out: list[Reported] = []
    commas = [i for i, w in enumerate(map(_text, toks)) if w == "," and i >= MIN_CONTENT_WORDS]
    last: list[Token] = toks
    for comma in commas[: -_TAIL_COMMAS - 1 : -1]:
        # "…, said Mark Jones, a political scientist." / "…, Spicer said, adding …":
        # the cue clause may follow an earlier comma when an apposition or a participle
        # closes the sentence.
        tail = read_content_cue(text, sent, toks, comma)
        if tail is not None:
            out.append(tail)
            # "…, said Army Capt. Christian Pardo, who said he would …": a cue in the
            # apposition after the cue clause attributes content of its own.
            after = next(
                (i for i in range(comma, len(toks)) if toks[i].start >= tail.cue.end), len(toks)
            )
            for c in range(after, len(toks)):
                if toks[c].lower in REPORTED_CUES and toks[c - 1].lower == "who":
                    item = read_subject_cue(text, sent, toks, c, stop)
                    if item is not None:
                        out.append(item)
            stop = tail.content[-1].end
            last = toks[:comma]
            break
    # The words the loops below act on (cue words and quotation marks), found in one
    # pass: most tokens of a sentence are neither.
    marks = [c for c, w in enumerate(map(_lower, last)) if w in _SCANNED]
    if alone and last is toks and _skip_dropped(text, sent, toks, marks):
        cues = [c for c in marks if toks[c].lower in REPORTED_CUES]
        uncut = _CUTS.search(text, sent.start, sent.end) is None
        kept = kept_subject_cues(text, sent, toks, cues, stop, uncut)
        if kept is not None:
            return kept
    depth = 0
    for c in marks:
        tok = last[c]
        if tok.text in QUOTE_CHARS:
            depth ^= 1
            continue
        if depth or tok.lower not in REPORTED_CUES or c == 0:
            continue
        item = read_subject_cue(text, sent, toks, c, stop)
        if item is not None:
            out.append(item)
    for c in marks:
        if (
            2 <= c < len(last) - 1
            and last[c].lower in PARTICIPLE_CUES
            and (last[c - 1].text in _PARTICIPLE_LEADS or last[c - 1].lower in _PARTICIPLE_LEADS)
        ):
            item = read_participle(text, toks, c, stop)
            if item is not None:
                out.append(item)
    if len(last) > 2 and last[0].lower == "asked" and ask_opener(last, 0) is not None:
        item = read_asked(text, toks, 0, stop)  # "Asked (by X) (on Fox) whether …, Trump said …"
        if item is not None:
            out.append(item)
    depth = 0
    for c in marks:
        if not 1 <= c < len(last) - 1:
            continue
        word = last[c].lower
        if last[c].text in QUOTE_CHARS:
            depth ^= 1
            continue
        if depth:
            continue
        nxt = last[c + 1].lower
        item = None
        if word in TOPIC_CUES and nxt in TOPIC_CUES[word]:
            item = read_topic(text, toks, c, stop)
        elif nxt == "to" and (word in CONTROL_CUES or word in RAISING_CUES):
            item = read_infinitive(text, toks, c, stop)
        elif word == "asked" and passive_ask(last, c) and ask_opener(last, c) is not None:
            item = read_asked(text, toks, c, stop)
        if item is not None and not any(_same_content(item, o) for o in out):
            out.append(item)
    return out


def _skip_dropped(text: str, sent: Span, toks: SentenceTokens, marks: list[int]) -> bool:
    """True when a sentence's subject-cue clauses may be read by
    :func:`~quotetrack.reported.dropped.kept_subject_cues` (which leaves unread those the
    merge would drop): no double quotation mark (nor ''), no "which" or "what", and no cue
    of the rules read after the subject-cue ones (participle, "asked", topic,
    infinitive), so its items are subject-cue ones only, none mixed.
    """
    n = len(toks)
    for c in marks:
        word = toks[c].lower
        if word == "asked" or word in RELATIVE_PRONOUNS:
            return False
        prev = toks[c - 1] if c else None
        if (
            prev is not None
            and word in PARTICIPLE_CUES
            and (prev.text in _PARTICIPLE_LEADS or prev.lower in _PARTICIPLE_LEADS)
        ):
            return False
        if c + 1 < n:
            nxt = toks[c + 1].lower
            if (word in TOPIC_CUES and nxt in TOPIC_CUES[word]) or (
                nxt == "to" and (word in CONTROL_CUES or word in RAISING_CUES)
            ):
                return False
    return _MIXED.search(text, sent.start, sent.end) is None


def _same_content(a: Reported, b: Reported) -> bool:
    """True when two items of one sentence claim overlapping content."""
    return any(x.start < y.end and y.start < x.end for x in a.content for y in b.content)
