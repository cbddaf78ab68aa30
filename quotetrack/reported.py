"""Reported (indirect) speech and mixed quotes: who said, believed or found what, without
quotation marks around all of it.

One regex pass over the document finds the sentences that hold a cue word outside direct
quotes; each is tokenized once and read by these rules (each :class:`Reported` names the
rule that fired; the figures are precision on PolNeAR train, combined with the parser):

==================  ===================================================================
``subject-cue``     Trump said (that) the deal was bad. / She told reporters that … /
                    He believes … / A new poll shows … / He endorsed Cruz. / She
                    declined to … / He called Trump a “blowhard”. / She asked whether …
``content-cue``     The deal was bad, Trump said. / …, John Bryant, the chairman, said.
``parenthetical``   The deal, he said, was bad.  (two content pieces)
``participle``      He vetoed the bill, saying that it would raise taxes.
``according-head``  According to the report, the deal was bad.
``according-tail``  The deal was bad, according to the report.
``according-mid``   The deal, according to the report, was bad.  (two pieces)
``label``           TRUMP: The deal was bad.  /  Q: What did you find?  (a transcript)
==================  ===================================================================

Content is drawn as PolNeAR annotators draw it: the complement clause with its "that" but
without the cue, the source and the sentence's final period; an object cue ("endorsed")
takes its object only. An attribution with a piece lying mostly inside ``taken`` (direct
quotes already attributed) is left to the direct quote; content that carries quoted
fragments is returned once, whole, with ``mixed=True``.

Cue forms are kept only when they raise all-attribution F1 on PolNeAR train with these
rules (see the lists below); "called", "labeled" and kin fire only with a quoted
fragment. Out of scope: content that runs over several sentences, nominal cues
("the claim that …"), passives ("is expected to"), and colon cues ("Trump: …").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from quotetrack.lexicon import (
    ADVERBIAL_STARTS,
    BELIEF_CUES,
    CLAUSE_PRONOUNS,
    CONTROL_CUES,
    DETERMINERS,
    EVIDENCE_CUES,
    MIXED_ONLY_LEMMAS,
    NOT_CONTENT_START,
    OBJECT_CUES,
    OBJECT_PRONOUNS,
    PARTICIPLE_CUES,
    PREDICATE_CUES,
    RAISING_CUES,
    REPORTED_CUES,
    REPORTED_PRE_CUE,
    SPEAKER_PRONOUNS,
    SPEECH_LEMMAS,
    TO_COMPLEMENT_LEMMAS,
    TOPIC_CUES,
)
from quotetrack.models import Span
from quotetrack.phrases import (
    MAX_NP,
    SENTENCE_OPENERS,
    SOURCE_STOP,
    TIME_LEADS,
    index_at,
    is_possessive_name,
    looks_like_name,
    opening_subject,
    source_after,
    source_before,
    tok_span,
    token_index,
)
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

    @classmethod
    def single(
        cls, content: Span, speaker: Span | None, cue: Span, addressee: Span | None, rule: str
    ) -> Reported:
        """An attribution with one content piece; ``mixed`` read from that piece."""
        return cls((content,), speaker, cue, addressee, rule, _is_mixed((content,)))

    def cut(self, content: tuple[Span, ...]) -> Reported:
        """The same attribution with shorter ``content``; ``mixed`` read again."""
        return attrs.evolve(self, content=content, mixed=_is_mixed(content))


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


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


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes (much faster to
    search than a flat alternation)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)


_TRIGGER = re.compile(
    r"\b" + _trie_pattern(_TRIGGERS | {w.capitalize() for w in _TRIGGERS}) + r"\b"
)
_PASSIVE = _words("is was were are be been being")
_NOT_SUBJECT_END = _words("to of in on at for with by from as than and or but that which who what")
# Lemmas whose complement may open with any noun phrase ("said the deal was bad").
_LOOSE = SPEECH_LEMMAS | frozenset(BELIEF_CUES) | frozenset(EVIDENCE_CUES)
# Words after a comma that end a content clause (", which …", ", while others said …").
# Tested one by one on PolNeAR train; "and", "though", "including", "with" lowered F1.
_BREAKS = _words("which who while but compared")
_MAX_SOURCE = 25
_NOT_SOURCE_START = _words("plan plans schedule law rule rules tradition him her them me us")
_OPENERS = _words("now but and so yet still meanwhile however then also")
# Where an object cue's content ends: at a time word or a subordinate clause. PolNeAR
# objects keep their prepositional phrases and conjuncts ("accused China of hacking
# computers at a range of federal agencies").
_OBJECT_STOP = _words(
    """
    yesterday today tonight monday tuesday wednesday thursday friday saturday sunday
    last earlier later but who which because while when after before since
    """
)
_ASK_OPENERS = _words("whether if why how what who when where to about")
_INDEFINITES = _words("nothing something anything everything")
_QUOTE_CHARS = '"\u201c\u201d'
_CLOSERS = "\"\u201d\u2019')"
_QUOTE_CLOSERS = "\"\u201d\u2019'"
_MIN_CONTENT_WORDS = 3
# Words that open a short adverbial between a cue and its "that" ("said on Tuesday that").
_ADVERBIAL_OPENERS = frozenset(
    """
    on in at during last this yesterday today tonight earlier later recently again also
    repeatedly previously publicly privately monday tuesday wednesday thursday friday
    saturday sunday in an the for
    """.split()
)
_MAX_TAIL = 12
_APOSTROPHE = re.compile("['\u2019]")
# Sentence-final cue clauses ("…, X said"): the words that may follow them after a comma,
# and how many commas from the sentence end are tried (bounds work).
_TAIL_APPOSITION = _words("a an the who whose adding noting saying according")
_TAIL_COMMAS = 3
# Clause ends inside content: the words after a participle gloss, verbs a cue clause never
# precedes, subordinators whose clause ends at its first comma, relative-pronoun pieces.
_PARTICIPLE_OBJECTS = _words("to that the a his her their its")
_FINITE = _words("is was are were will would has have had can could should must does did")
_SUBORDINATORS = _words("although though while when as after if because since before once unless")
_RELATIVE_PRONOUNS = _words("which what")
_PARTICIPLE_LEADS = frozenset(
    [",", "\u2014", "\u2013", "-", "--", "and", "while", "after", "before", "by"]
)
_MIN_LABELS = 2  # speaker-label paragraphs that make a transcript
_MAX_ASK_GAP = 8  # words between "asked" and its question ("asked on Fox News who")
_MAX_ADDRESSEE_TAIL = 4  # words an addressee may run on past its first noun phrase
_MAX_HEADLINE_TOKENS = 40
_MAX_CONTENT_TOKENS = 150  # tokens a content clause may run to (bounds work per cue)


_BAD_SUBJECT_END = (_NOT_SUBJECT_END | DETERMINERS) - {"who"}


def _is_mixed(pieces: Sequence[Span]) -> bool:
    """True when content holds a double quotation mark (or the NYT's doubled '')."""
    return any(ch in p.text for p in pieces for ch in _QUOTE_CHARS) or any(
        "''" in p.text for p in pieces
    )


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _content(text: str, start: int, end: int, minimum: int = _MIN_CONTENT_WORDS) -> Span | None:
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
    if len(text[start:end].split()) < minimum:
        return None
    return _span(text, start, end)


def _sentence_stop(text: str, sent: Span) -> int:
    """Where a sentence's content may end: before its final period, outside quotes."""
    end = sent.end
    while end > sent.start and text[end - 1].isspace():
        end -= 1
    return end


def _tail_is_adverbial(toks: Sequence[Token]) -> bool:
    """True when ``toks`` (after a source) hold only an adverbial to the sentence end, or
    an apposition or participle after a comma (", a spokesman for …", ", adding …")."""
    rest = [t for t in toks if t.is_word or t.text not in ".?!" + _CLOSERS]
    if not rest:
        return True
    if (
        rest[0].text == ","
        and len(rest) > 1
        and (rest[1].lower in _TAIL_APPOSITION or is_possessive_name(rest[1]))
    ):
        return True  # ", a spokesman for …", ", Facebook's director of …"
    return (
        rest[0].lower in ADVERBIAL_STARTS
        and len(rest) <= 8
        and not any(t.lower in REPORTED_CUES or t.lower in _FINITE for t in rest)
    )  # not "said the approach put forward by Trump is insufficient"


def _subject(toks: list[Token], c: int) -> list[Token] | None:
    """The subject noun phrase before the cue at ``toks[c]``, if it reads as a source."""
    if c > 0 and toks[c - 1].lower in _PASSIVE:
        if toks[c].lower not in PREDICATE_CUES:
            return None
        c -= 1  # "Mr. Ackman is convinced that …": the subject of "is"
    subject = source_before(toks, c)
    if not subject or subject[-1].lower in _BAD_SUBJECT_END:
        return None
    at = token_index(toks, subject[0])
    if (
        len(subject) == 1
        and subject[0].lower in SPEAKER_PRONOUNS
        and at > 0
        and toks[at - 1].is_word
        and toks[at - 1].lower not in SOURCE_STOP | SENTENCE_OPENERS | REPORTED_PRE_CUE
    ):
        return None  # "the things he wants to do": a reduced relative clause
    return subject


def _subject_cue(text: str, sent: Span, toks: list[Token], c: int, stop: int) -> Reported | None:
    """``X said (that) …`` / ``X told Y (that) …`` / ``X believes …``; and the
    parenthetical ``…, X said, …`` that splits its content in two."""
    tok = toks[c]
    lemma = REPORTED_CUES[tok.lower]
    if tok.is_capitalised and c > 0 and not _title_case(toks):
        return None  # "… Says" mid-sentence, outside a title-case headline
    subject = _subject(toks, c)
    if subject is None and c > 2 and toks[c - 1].lower in ("and", "but") and lemma in SPEECH_LEMMAS:
        # "Her campaign announced new support and said …": the clause's subject.
        subject = opening_subject(toks[: c - 1])
    if not subject:
        return None
    if lemma.endswith("~") and tok.lower.endswith("ed") and subject[0].lower in ("a", "an"):
        return None  # "a son named Jack": a participle after an indefinite noun, no cue
    at = token_index(toks, subject[0])
    # "a gap that experts say renders …" is kept: the clause after the cue overlaps the
    # annotated content (the relative pronoun and the rest) enough to raise F1 on train.
    if any(t.text in _QUOTE_CLOSERS for t in toks[max(0, at - 2) : at]):
        return None  # “…,” he said on Tuesday: the attribution of a direct quote
    k = c + 1
    addressee = None
    if lemma == "tell":
        obj = source_after(toks, k)
        if not obj:
            return None
        addressee = tok_span(text, obj)
        k += len(obj)
    elif lemma == "ask":
        # "asked (reporters) whether …" / "asked him to …": the question or the request.
        obj = source_after(toks, k) if k < len(toks) and toks[k].lower not in _ASK_OPENERS else []
        if obj:
            addressee = tok_span(text, obj)
            k += len(obj)
        if (
            k >= len(toks)
            or toks[k].lower not in _ASK_OPENERS
            or (toks[k].lower == "to" and not obj)
        ):
            return None
        content = _content(text, toks[k].start, _clause_end(toks, k, stop))
        if content is None:
            return None
        return Reported.single(
            content, tok_span(text, subject), tok_span(text, [tok]), addressee, "subject-cue"
        )
    elif lemma == "learn" and (c == 0 or toks[c - 1].lower not in ("has", "have")):
        return None
    elif tok.lower in PREDICATE_CUES and (lemma == "predicate" or toks[c - 1].lower in _PASSIVE):
        # "is convinced that …", "was eager to …", "is worried about …"
        if k >= len(toks) or c == 0 or toks[c - 1].lower not in _PASSIVE:
            return None
        nxt = toks[k].lower
        if nxt in ("about", "of", "over", "with"):
            end = _object_end(toks, k + 1, stop)
            start = k + 1
        elif nxt in ("that", "to"):
            end = _clause_end(toks, k, stop)
            start = k
        else:
            return None
        if start >= len(toks):
            return None
        content = _content(text, toks[start].start, end, 1)
        if content is None:
            return None
        return Reported.single(
            content, tok_span(text, subject), tok_span(text, [tok]), None, "subject-cue"
        )
    # "said on Tuesday that …": skip a short adverbial before "that".
    that = False
    reach = 14 if k < len(toks) and toks[k].lower in _ADVERBIAL_OPENERS else 8
    for j in range(k, min(k + reach, len(toks))):
        if toks[j].lower == "that":
            between = toks[k:j]
            if all(t.is_word or t.text == "," for t in between) and (
                not between
                or between[0].lower in _ADVERBIAL_OPENERS
                or between[0].text == ","
                or (addressee is not None and len(between) <= _MAX_ADDRESSEE_TAIL)
            ):  # "told reporters on Friday that", "tells Fox News anchor Megyn Kelly that"
                if addressee is not None and between and between[0].lower not in _ADVERBIAL_OPENERS:
                    addressee = _span(text, addressee.start, between[-1].end)
                k, that = j, True  # PolNeAR keeps the complementiser in the content
            break
        if toks[j].lower in REPORTED_CUES:
            break
    cue = tok_span(text, [tok])
    if not that and at > 0 and toks[at - 1].text == ",":
        # "Riding alone, they said, can be hazardous."
        found = _parenthetical(text, sent, toks, at - 1, k, subject, cue, lemma)
        if found is not None:
            return found
    if k < len(toks) and toks[k].text == "," and not that:
        return None  # "Sanders said, a policy that …": an aside, not a complement
    if k >= len(toks):
        return None
    if not that and toks[k].lower in _ADVERBIAL_OPENERS - {"the"} and lemma in ("say", "tell"):
        # "said on Friday he met …": skip a short adverbial up to a clause's subject.
        for j in range(k + 1, min(k + 6, len(toks))):
            if toks[j].lower in CLAUSE_PRONOUNS - {"this", "these", "those", "there"}:
                k = j
                break
            if not toks[j].is_word or toks[j].lower in REPORTED_CUES:
                break
    first = toks[k]
    if not that and not _opens_clause(toks, k, lemma):
        return None
    if lemma in MIXED_ONLY_LEMMAS:
        # "called Trump a “blowhard”": kept only with a quoted fragment (a mixed quote).
        if lemma == "call" and first.lower == "for":
            k += 1
            first = toks[k] if k < len(toks) else first
        else:
            end = _clause_end(toks, k, stop)
            content = _content(text, first.start, end, 2)
            if content is None or not _is_mixed((content,)):
                return None
            return Reported(
                (content,), tok_span(text, subject), cue, addressee, "subject-cue", True
            )
    if not that and lemma not in OBJECT_CUES:
        inner = _inner_participle(toks, k)
        if inner is not None:
            # "posted a photo to Instagram confirming she had lost her son": the
            # participle's clause is the content, the participle its cue.
            cue, k = tok_span(text, [toks[inner]]), inner + 1
            first = toks[k]
            lemma = "say"
    minimum = _MIN_CONTENT_WORDS
    if lemma in OBJECT_CUES and lemma not in TO_COMPLEMENT_LEMMAS and not that:
        # "endorsed Trump last week": the object, up to an adverbial or a new clause.
        end = _object_end(toks, k, stop)
        minimum = 1
    else:
        end = _clause_end(toks, k, stop)
    nonrestrictive = subject[0].lower == "who" and at > 0 and toks[at - 1].text == ","
    if nonrestrictive or (at > 0 and toks[at - 1].lower in _SUBORDINATORS | {"which"}):
        # "Although Sanders said he would stay, the party …" / "The list, which the
        # campaign says includes 2.7 million donors, is …": the main clause follows.
        end = min(end, _first_comma(toks, k, end))
    content = _content(text, first.start, end, minimum)
    if content is None:
        return None
    if at > 0 and toks[at - 1].lower in _RELATIVE_PRONOUNS and content.start > toks[at - 1].end:
        # "which the campaign says includes …": the relative pronoun is content too.
        rel = tok_span(text, [toks[at - 1]])
        return Reported(
            (rel, content),
            tok_span(text, subject),
            cue,
            addressee,
            "subject-cue",
            _is_mixed((content,)),
        )
    return Reported.single(content, tok_span(text, subject), cue, addressee, "subject-cue")


def _first_comma(toks: list[Token], k: int, end: int) -> int:
    """The offset of the first comma outside quotation marks from ``toks[k]`` on, before
    ``end``; else ``end``."""
    for j in _unquoted(toks, k, index_at(toks, end)):
        if toks[j].text == ",":
            return toks[j].start
    return end


def _unquoted(toks: list[Token], first: int, last: int) -> Iterator[int]:
    """The indices in ``range(first, last)`` of tokens outside quotation marks (a closing
    mark counts as outside): where the clause readers may cut."""
    depth = 0
    for j in range(first, last):
        if toks[j].text in _QUOTE_CHARS:
            depth ^= 1
        if not depth:
            yield j


def _window_end(toks: list[Token], k: int) -> int:
    """The index past the tokens a content that starts at ``toks[k]`` may run to."""
    return min(len(toks), k + 1 + _MAX_CONTENT_TOKENS)


def _uncut_end(toks: list[Token], last: int, stop: int) -> int:
    """Where a content no break cut ends: ``stop``, or the end of its window when the
    sentence runs on past it (a clause that long is no content: cut it, bounded work)."""
    return toks[last - 1].end if last < len(toks) else stop


def _inner_participle(toks: list[Token], k: int) -> int | None:
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


def _title_case(toks: list[Token]) -> bool:
    """True for a headline in title case ("Trump Says He Never Pledged …")."""
    if len(toks) > _MAX_HEADLINE_TOKENS:
        return False  # headlines are short; this also keeps the test O(1) per cue
    words = [t for t in toks if t.is_word and t.text[0].isalpha()]
    return len(words) >= 4 and sum(t.is_capitalised for t in words) >= 0.75 * len(words)


def _opens_clause(toks: list[Token], k: int, lemma: str) -> bool:
    """True when ``toks[k]`` can open the complement of ``lemma`` without "that"."""
    first = toks[k]
    if first.lower == "to":
        return lemma in TO_COMPLEMENT_LEMMAS
    if first.text in _QUOTE_CHARS:
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


def _object_end(toks: list[Token], k: int, stop: int) -> int:
    """Where an object noun phrase that starts at ``toks[k]`` ends."""
    last = _window_end(toks, k)
    for j in _unquoted(toks, k + 1, last):
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


def _clause_end(toks: list[Token], k: int, stop: int) -> int:
    """Where the content that starts at ``toks[k]`` ends: the sentence end, or an earlier
    break into a new clause (", but …", "; …", "and said …")."""
    last = _window_end(toks, k)
    for j in _unquoted(toks, k + 1, last):
        t = toks[j]
        if t.text == ";":
            return t.start
        if t.text == "," and j + 1 < len(toks):
            nxt = toks[j + 1]
            if nxt.lower in _BREAKS or (nxt.lower in REPORTED_CUES and nxt.lower.endswith("ing")):
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
    return _uncut_end(toks, last, stop)


def _parenthetical(
    text: str,
    sent: Span,
    toks: list[Token],
    comma: int,
    k: int,
    subject: list[Token],
    cue: Span,
    lemma: str,
) -> Reported | None:
    """``A, X said, B.``: content A and B around the cue clause."""
    if lemma not in SPEECH_LEMMAS or comma < 1:
        return None
    if toks[0].lower in ("when", "asked", "given", "if", "as", "while"):
        return None  # "When asked, he said, …": an adverbial, not content
    j = k
    while j < len(toks) and j - k < _MAX_TAIL and toks[j].is_word:
        j += 1
    if j >= len(toks) or toks[j].text != ",":
        return None
    if j > k and toks[k].lower not in ADVERBIAL_STARTS:
        return None
    head = _content(text, sent.start, toks[comma].start, 1)
    tail = _content(text, toks[j].end, _clause_end(toks, j + 1, _sentence_stop(text, sent)))
    if head is None or tail is None or toks[j + 1].lower in _BREAKS:
        return None
    pieces = (head, tail)
    return Reported(
        pieces,
        tok_span(text, subject),
        cue,
        None,
        "parenthetical",
        _is_mixed(pieces),
    )


def _content_cue(text: str, sent: Span, toks: list[Token], comma: int) -> Reported | None:
    """``…, X said.`` / ``…, said X.`` / ``…, X, a spokesman, said.``: a cue clause after
    the sentence's last comma."""
    skip = 1
    if comma + 1 < len(toks) and toks[comma + 1].text in _QUOTE_CHARS:
        skip = 2  # “… a strategic mistake,” Lichtman said.
    after = toks[comma + skip :]
    if not after:
        return None
    subject: list[Token] | None = None
    cue_tok: Token | None = None
    if after[0].lower in REPORTED_CUES and REPORTED_CUES[after[0].lower] in (
        "say",
        "tell",
        "add",
        "write",
    ):
        np = source_after(after, 1)
        if not np and _tail_is_adverbial(after[1:]):
            # …, Hugh Hill, a doctor at X, said.
            # …, Mitch McConnell, the majority leader, said Tuesday.
            commas = [k for k in range(comma - 1, 0, -1) if toks[k].text == ","][:2]
            p2 = next((k for k in commas if looks_like_name(toks[k + 1])), None)
            if p2 is None or comma - p2 > 3 * MAX_NP:
                return None
            subject, cue_tok, comma = toks[p2 + 1 : comma], after[0], p2
        elif np and (np[0].lower in DETERMINERS or looks_like_name(np[0])):
            # …, said a spokesman.
            if np[0].lower not in OBJECT_PRONOUNS and _tail_is_adverbial(after[1 + len(np) :]):
                subject, cue_tok = np, after[0]
    else:
        for c, tok in enumerate(after[:_MAX_TAIL]):
            if tok.lower in REPORTED_CUES and c > 0 and not tok.is_capitalised:
                found = _subject(list(after), c)
                if found is None or found[0] is not after[0]:
                    return None  # the source must open the cue clause
                k = c + 1
                if REPORTED_CUES[tok.lower] == "tell":
                    obj = source_after(list(after), k)
                    k += len(obj)
                if _tail_is_adverbial(after[k:]):
                    subject, cue_tok = found, tok
                break
            if not tok.is_word:
                return None
    if subject is None or cue_tok is None:
        return None
    if REPORTED_CUES[cue_tok.lower] not in SPEECH_LEMMAS:
        return None
    first = 0
    while first < comma and (toks[first].lower in _OPENERS or toks[first].text == ","):
        first += 1  # "Still, Cruz will …, a source said": the connective is no content
    content = _content(text, toks[first].start if first < comma else sent.start, toks[comma].start)
    if content is None:
        return None
    return Reported.single(
        content, tok_span(text, subject), tok_span(text, [cue_tok]), None, "content-cue"
    )


def _according(text: str, sent: Span, toks: list[Token], stop: int) -> Reported | None:
    """``According to X, …``, ``…, according to X.`` and ``A, according to X, B.``"""
    for i in range(len(toks) - 2):
        if toks[i].lower != "according" or toks[i + 1].lower != "to":
            continue
        j = i + 2
        while j < len(toks) and j - i <= _MAX_SOURCE and toks[j].text not in ",;:.?!":
            j += 1
        source = toks[i + 2 : j]
        if not source or not source[0].is_word or source[0].lower in _NOT_SOURCE_START:
            return None
        cue = tok_span(text, toks[i : i + 2])
        comma_after = j < len(toks) and toks[j].text == ","
        opens = (
            i == 0
            or toks[i - 1].text in (":", "\u2014", "\u2013")  # "… unnoticed: According to …"
            or (toks[i - 1].text == "," and i <= 3 and toks[0].lower in _OPENERS)
        )
        pieces: tuple[Span | None, ...]
        if opens and comma_after:
            pieces = (_content(text, toks[j].end, stop),)
            rule = "according-head"
        elif i > 0 and toks[i - 1].text == ",":
            head = _content(text, sent.start, toks[i - 1].start)
            rest = toks[j + 1 :] if comma_after else []
            if not rest or all(t.text in ".?!" + _CLOSERS for t in rest):
                pieces = (head,)
                rule = "according-tail"
            elif i - 1 < len(rest) and i <= MAX_NP:
                pieces = (head, _content(text, toks[j].end, _clause_end(toks, j + 1, stop)))
                rule = "according-mid"
            else:
                # "…, according to CrowdTangle, a social analytics tool.": an appositive
                pieces = (head,)
                rule = "according-tail"
        else:
            return None
        content = tuple(p for p in pieces if p is not None)
        if len(content) != len(pieces):
            return None
        return Reported(content, tok_span(text, source), cue, None, rule, _is_mixed(content))
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
    headline = _headline(text, sentences[0]) if sentences else None
    # Cue words inside direct quotes are almost never cues (nested speech is not
    # annotated), so they do not make a sentence worth reading.
    triggers = [
        m.start() for m in _TRIGGER.finditer(text) if not claimed.overlap(m.start(), m.end())
    ]
    out: list[Reported] = [headline] if headline is not None else []
    labels: list[Reported] = []
    for sent in sentences:
        if headline is not None and sent.start < headline.content[-1].end:
            continue
        if sent.start == 0 or text[sent.start - 1] == "\n":
            label = _speaker_label(text, sent.start)
            if label is not None and all(
                2 * claimed.overlap(c.start, c.end) <= len(c) for c in label.content
            ):
                labels.append(label)
        k = bisect.bisect_left(triggers, sent.start)
        if k == len(triggers) or triggers[k] >= sent.end:
            continue
        toks = tokenize(text, sent.start, sent.end)
        if len(toks) < _MIN_CONTENT_WORDS + 2:
            continue
        for found in _sentence(text, sent, toks):
            # Every piece must lie mostly outside the direct quotes.
            if all(2 * claimed.overlap(c.start, c.end) <= len(c) for c in found.content):
                out.append(found)
    if len(labels) >= _MIN_LABELS:
        out.extend(labels)  # a transcript has turns; one "NEW YORK:" line is a dateline
    return sorted(out, key=lambda r: r.content[0].start)


_HEADLINE = re.compile(
    r"""
    \s*(?P<source>[A-Z][\w.&'\u2019-]*(?:\s+[\w.&'\u2019-]+){0,4}?)  # one to five words
    \s*:\s+
    (?P<content>\S[^\n]*?)[.\s]*$                            # the claim, to the line end
    """,
    re.VERBOSE,
)


# Lowercase words a headline source may hold ("Clinton camp: …"), and the words of
# section kickers that stand before a colon without being sources ("The Latest: …").
_HEADLINE_NOUNS = _words("camp aides allies campaign spokesman officials poll survey report of")
_HEADLINE_KICKERS = _words("latest daily watch live update updates exclusive breaking analysis")


_LABEL = re.compile(
    r"(?P<source>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})[ \t]*:[ \t]+(?=\S)"
)


def _speaker_label(text: str, start: int) -> Reported | None:
    """``TRUMP: The deaths of …`` / ``Q: You open your book …``: a transcript's speaker
    label opening a paragraph; the content is the rest of the paragraph."""
    m = _LABEL.match(text, start)
    if m is None:
        return None
    words = m.group("source").split()
    if not all(w.isupper() for w in words):
        return None  # "Luciana Lopez: …" is as often a section title as a speaker
    if {w.lower().strip(".") for w in words} & (_HEADLINE_KICKERS | _NOT_LABELS):
        return None
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else end
    content = _content(text, m.end(), end, 2)
    if content is None:
        return None
    source = _span(text, m.start("source"), m.end("source"))
    colon = text.index(":", source.end)
    return Reported.single(content, source, _span(text, colon, colon + 1), None, "label")


# Capitalised words before a colon at a paragraph start that are not speakers.
_NOT_LABELS = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday note editor update updated correction related video photos
    watch read more also see listen advertisement exclusive breaking
    """
)


def _headline(text: str, first: Span) -> Reported | None:
    """``Gingrich: Trump Must Decide …`` -- a headline that attributes its claim to the
    short name before its colon (the first line of many news texts)."""
    line_end = text.find("\n", first.start)
    end = len(text) if line_end < 0 else line_end
    m = _HEADLINE.match(text, first.start, end)
    if m is None:
        return None
    words = m.group("source").split()
    if (
        any(w.lower() in REPORTED_CUES for w in words)
        or any(w[0].islower() and w not in _HEADLINE_NOUNS for w in words)
        or {w.lower() for w in words} & _HEADLINE_KICKERS
    ):
        return None  # "The Latest: …", "Fix is in: …": a kicker or a clause, not a source
    content = _content(text, m.start("content"), m.end("content"), 2)
    if content is None:
        return None
    source = _span(text, m.start("source"), m.end("source"))
    colon = text.index(":", source.end)
    return Reported.single(content, source, _span(text, colon, colon + 1), None, "headline")


def _sentence(text: str, sent: Span, toks: list[Token]) -> list[Reported]:
    """The attributions of one sentence: a cue clause at its end or an "according to",
    then every subject-cue clause (nested ones too: "X said Y believes …")."""
    stop = _sentence_stop(text, sent)
    found = _according(text, sent, toks, stop)
    if found is not None:
        return [found]
    out: list[Reported] = []
    commas = [i for i, t in enumerate(toks) if t.text == "," and i >= _MIN_CONTENT_WORDS]
    last = toks
    for comma in commas[: -_TAIL_COMMAS - 1 : -1]:
        # "…, said Mark Jones, a political scientist." / "…, Spicer said, adding …":
        # the cue clause may follow an earlier comma when an apposition or a participle
        # closes the sentence.
        tail = _content_cue(text, sent, toks, comma)
        if tail is not None:
            out.append(tail)
            # "…, said Army Capt. Christian Pardo, who said he would …": a cue in the
            # apposition after the cue clause attributes content of its own.
            after = next(
                (i for i in range(comma, len(toks)) if toks[i].start >= tail.cue.end), len(toks)
            )
            for c in range(after, len(toks)):
                if toks[c].lower in REPORTED_CUES and toks[c - 1].lower == "who":
                    item = _subject_cue(text, sent, toks, c, stop)
                    if item is not None:
                        out.append(item)
            stop = tail.content[-1].end
            last = toks[:comma]
            break
    depth = 0
    for c, tok in enumerate(last):
        if tok.text in _QUOTE_CHARS:
            depth ^= 1
            continue
        if depth or tok.lower not in REPORTED_CUES or c == 0:
            continue
        item = _subject_cue(text, sent, toks, c, stop)
        if item is not None:
            out.append(item)
    for c in range(2, len(last) - 1):
        if last[c].lower in PARTICIPLE_CUES and (
            last[c - 1].text in _PARTICIPLE_LEADS or last[c - 1].lower in _PARTICIPLE_LEADS
        ):
            item = _participle(text, toks, c, stop)
            if item is not None:
                out.append(item)
    if len(last) > 2 and last[0].lower == "asked" and _ask_opener(last, 0) is not None:
        item = _asked(text, toks, 0, stop)  # "Asked (by X) (on Fox) whether …, Trump said …"
        if item is not None:
            out.append(item)
    depth = 0
    for c in range(1, len(last) - 1):
        word = last[c].lower
        if last[c].text in _QUOTE_CHARS:
            depth ^= 1
            continue
        if depth:
            continue
        nxt = last[c + 1].lower
        item = None
        if word in TOPIC_CUES and nxt in TOPIC_CUES[word]:
            item = _topic(text, toks, c, stop)
        elif nxt == "to" and (word in CONTROL_CUES or word in RAISING_CUES):
            item = _infinitive(text, toks, c, stop)
        elif word == "asked" and _passive_ask(last, c) and _ask_opener(last, c) is not None:
            item = _asked(text, toks, c, stop)
        if item is not None and not any(_same_content(item, o) for o in out):
            out.append(item)
    return out


def _same_content(a: Reported, b: Reported) -> bool:
    """True when two items of one sentence claim overlapping content."""
    return any(x.start < y.end and y.start < x.end for x in a.content for y in b.content)


def _topic(text: str, toks: list[Token], c: int, stop: int) -> Reported | None:
    """``X called for …`` / ``X talked about …``: the source is the subject, the content
    what follows the preposition, up to the end of its clause."""
    subject = _subject(toks, _verb_start(toks, c))
    if not subject:
        return None
    k = c + 2
    if k >= len(toks) or (not toks[k].is_word and toks[k].text not in _QUOTE_CHARS):
        return None
    content = _content(text, toks[k].start, _clause_end(toks, k, stop), 1)
    if content is None:
        return None
    cue = tok_span(text, toks[c : c + 2])
    return Reported.single(content, tok_span(text, subject), cue, None, "topic")


def _passive_ask(toks: list[Token], c: int) -> bool:
    """True for "Asked if …" opening a sentence, "When asked what …" or "was asked to …":
    a question put to someone, with no asker named."""
    before = toks[c - 1].lower if c > 0 else ""
    return c == 0 or before in ("when", "was", "were", "is", "are", "being", "been", "if")


def _ask_opener(toks: list[Token], c: int) -> int | None:
    """The index of the word that opens the question after "asked" at ``toks[c]``: next
    to it, or after "by" and its asker or a short adverbial ("asked by Thrush if …",
    "Asked on Fox News who …"); None when there is no question."""
    for j in range(c + 1, min(len(toks), c + 1 + _MAX_ASK_GAP)):
        word = toks[j].lower
        if word in _ASK_OPENERS and (j == c + 1 or word != "to" or toks[c + 1].lower == "by"):
            return j
        if not toks[j].is_word:
            return None
    return None


def _asked(text: str, toks: list[Token], c: int, stop: int) -> Reported | None:
    """``Asked whether …, Trump said …``: the question is the content; the source is the
    asker after "by", when named ("Asked by Thrush if Clinton “gets” race, …")."""
    opener = _ask_opener(toks, c)
    if opener is None:
        return None
    source = None
    if toks[c + 1].lower == "by":
        asker = source_after(toks, c + 2)
        source = tok_span(text, asker) if asker else None
    k = opener
    end = stop
    for j in range(k + 1, min(len(toks), k + _MAX_CONTENT_TOKENS)):
        if toks[j].text in ",;":
            end = toks[j].start
            break
    content = _content(text, toks[k].start, min(end, _clause_end(toks, k, stop)), 2)
    if content is None:
        return None
    start = c - 1 if c > 0 and toks[c - 1].lower in ("was", "were", "is", "are") else c
    cue = tok_span(text, toks[start : c + 1])
    return Reported.single(content, source, cue, None, "asked")


def _infinitive(text: str, toks: list[Token], c: int, stop: int) -> Reported | None:
    """``X refused to …`` (source X, content the infinitive phrase) and ``X is expected
    to …`` (no source; content X and the infinitive phrase)."""
    k = c + 2
    if k >= len(toks) or not toks[k].is_word:
        return None
    end = _clause_end(toks, k, stop)
    verb = toks[c].lower
    start = _verb_start(toks, c)
    subject = _subject(toks, start) if verb in CONTROL_CUES else _raised_subject(toks, start)
    if not subject:
        return None
    cue = tok_span(text, toks[start : c + 2])
    if verb in CONTROL_CUES:
        content = _content(text, toks[k].start, end, 2)
        if content is None:
            return None
        return Reported.single(content, tok_span(text, subject), cue, None, "intention")
    rest = _content(text, toks[k].start, end, 2)
    if rest is None:
        return None
    pieces = (tok_span(text, subject), rest)
    return Reported(pieces, None, cue, None, "raising", _is_mixed(pieces))


def _verb_start(toks: list[Token], c: int) -> int:
    """Index of the first auxiliary or adverb before the verb at ``c`` ("has also called")."""
    j = c
    while j > 0 and (toks[j - 1].lower in REPORTED_PRE_CUE or toks[j - 1].lower in _PASSIVE):
        j -= 1
    return j


def _raised_subject(toks: list[Token], c: int) -> list[Token] | None:
    """The subject before a raising verb ("Donald Trump is expected to"): like a source,
    but any noun phrase will do."""
    subject = source_before(toks, c)
    if not subject or subject[-1].lower in _BAD_SUBJECT_END:
        return None
    return subject


def _participle(text: str, toks: list[Token], c: int, stop: int) -> Reported | None:
    """``X did Y, saying (that) …``: the content after the participle; the source is
    the subject that opens the sentence (after an opening adverbial), or None."""
    k = c + 1
    addressee = None
    if toks[c].lower == "telling":
        obj = source_after(toks, k)
        if not obj:
            return None
        addressee = tok_span(text, obj)
        k += len(obj)
    if k >= len(toks):
        return None
    that = toks[k].lower == "that"
    if not that and toks[k].lower not in CLAUSE_PRONOUNS and toks[c].lower != "saying":
        return None
    if not that and (not toks[k].is_word or toks[k].lower in NOT_CONTENT_START):
        return None
    content = _content(text, toks[k].start, _clause_end(toks, k, stop))
    if content is None:
        return None
    return Reported.single(
        content,
        _subject_span(text, opening_subject(toks[:c])),
        tok_span(text, [toks[c]]),
        addressee,
        "participle",
    )


def _subject_span(text: str, np: list[Token] | None) -> Span | None:
    return tok_span(text, np) if np else None
