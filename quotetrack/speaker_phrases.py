"""Speaker phrases of direct quotes, read around a cue: who speaks, to whom, and whom a
sentence is about.

The readers of the direct-quote rules (:mod:`quotetrack.attribution`); the
reported-speech rules read their sources with :mod:`quotetrack.source_phrases`, and both
share the token helpers of :mod:`quotetrack.phrase_tokens`. These readers are strict (a
name, a pronoun, a determiner phrase or a plural source noun such as "officials") and
read the cue table they are given, so that a :class:`~quotetrack.parser.QuoteParser`
with extra cue verbs passes its own.
"""

from __future__ import annotations

import operator
from collections.abc import Container, Mapping

from quotetrack.kinds import is_person_noun
from quotetrack.lexicon import (
    CUE_PARTICLES,
    DETERMINERS,
    DIRECT_PRE_CUE,
    NOUNY_CUES,
    OBJECT_PRONOUNS,
    PLURAL_SOURCES,
    SPEAKER_PRONOUNS,
    is_plural_source,
    word_set,
)
from quotetrack.models import Span
from quotetrack.phrase_tokens import (
    CLAUSE_LINKS,
    FUNCTION_WORDS,
    MAX_NP,
    is_name_word,
    is_postmodifier,
    name_end,
    role_words_end,
    tok_span,
)
from quotetrack.tokens import Token

__all__ = [
    "addressee_after",
    "cue_span",
    "sentence_subject",
    "speaker_after",
    "speaker_before",
    "speaker_phrase",
    "trim_adverbs",
]


# Words that end a speaker phrase after a cue ("said Smith, who …", "told reporters in").
_SPEAKER_STOP = word_set(
    """
    who whom which that in on at of during after before while when to from as for with about
    adding noting referring explaining because but and whose where if than via told said
    """
)
# Words after a cue that open a clause or an adverbial, never a speaker ("said that he").
_CLAUSE_STARTS = word_set("that this these those if whether when")
# Words a subject noun phrase never runs across ("a fake accent and said").
_NP_BREAKERS = word_set(
    """
    by and with upon without but or to for from into when while after before as were was is
    are be been than that who which whom what where said says told
    """
)
# Verb forms that never sit inside a speaker phrase.
_VERB_WORDS = word_set("is was were are be been being came come comes went goes got gets")
# Name particles each reader accepts inside a name run (tuned with their rules).
_PHRASE_PARTICLES = ("de", "van", "von", "la", "al", "bin")
_BACK_PARTICLES = ("de", "van", "von")
_CLAUSE_MARKS = frozenset(",;:")  # marks that end a speaker phrase or open its appositive
# Words that open a sentence before its subject without being part of it.
_SUBJECT_LEADS = ("but", "and", "so", "then", "later", "now")
# Words that follow a capitalised adverbial opening a sentence, never a subject.
_NOT_AFTER_SUBJECT = word_set(
    "later earlier ago in of after before on at the to for from over into up than about"
)
_CONJUNCTIONS = word_set("and but or so yet then still now also")
_CLAUSE_OPENERS = word_set(
    """
    in on at during after before while when as since with without for by from under meanwhile
    however but and so yet still later earlier instead
    """
)

_text = operator.attrgetter("text")  # scans that stay in C
_lower = operator.attrgetter("lower")


def cue_span(text: str, toks: list[Token], c: int, cues: Mapping[str, str]) -> tuple[Span, int]:
    """The cue at ``toks[c]`` (with its particle, as in 'pointed out'); the index after it."""
    tok = toks[c]
    particle = CUE_PARTICLES.get(cues[tok.lower])
    if particle and c + 1 < len(toks) and toks[c + 1].lower == particle:
        return tok_span(text, toks[c : c + 2]), c + 2
    return Span(tok.start, tok.end, tok.text), c + 1  # a token's text is its span's


def speaker_phrase(toks: list[Token], cues: Container[str]) -> list[Token] | None:
    """``toks`` read as a subject noun phrase (maybe with an appositive), or None."""
    if not toks or len(toks) > 2 * MAX_NP:
        return None
    if not _CLAUSE_MARKS.isdisjoint(map(_text, toks)):
        # "Hugh Hill, a doctor at X," -> the phrase before the appositive.
        if toks[-1].text != ",":
            return toks if _comma_adjectives(toks) else None
        first_comma = next(i for i, t in enumerate(toks) if t.text == ",")
        return speaker_phrase(toks[:first_comma], cues)
    if len(toks) > MAX_NP:
        return None
    while len(toks) > 1 and toks[0].lower in CLAUSE_LINKS:
        toks = toks[1:]  # words, so the punctuation test below may come after
    # The tests of every word in one loop (the commonest phrase is one name): no
    # punctuation but inner marks; whether all are name words or particles; whether one
    # is a lowercase cue (which refuses the phrase after the pronoun tests below).
    names, cue = True, False
    for t in toks:
        if not t.is_word and t.text not in "-'\u2019":
            return None
        if names and not is_name_word(t) and t.lower not in _PHRASE_PARTICLES:
            names = False
        if not cue and t.lower in cues and not t.is_capitalised:
            cue = True
    if toks[-1].lower in SPEAKER_PRONOUNS and len(toks) > 1:
        return None
    head = toks[0]
    if head.lower in SPEAKER_PRONOUNS:
        return toks if len(toks) == 1 else None
    if cue:
        return None
    if len(toks) > 1 and not _VERB_WORDS.isdisjoint(map(_lower, toks[1:])):
        return None  # "O’Malley’s move was (first reported)", "His comments came after being"
    if names:
        return toks
    if head.lower in DETERMINERS or is_name_word(head) or is_name_word(toks[-1]):
        return toks
    if len(toks) <= 2 and toks[-1].lower in PLURAL_SOURCES:
        return toks
    return None


def _comma_adjectives(toks: list[Token]) -> bool:
    """True for a description whose modifiers a comma parts ("the lanky, bespectacled
    professor"): a determiner and one or two lowercase words, a comma, then one to three
    lowercase words ending in a person noun."""
    if len(toks) > MAX_NP or toks[0].lower not in DETERMINERS:
        return False
    comma = next(i for i, t in enumerate(toks) if t.text == ",")
    before, after = toks[1:comma], toks[comma + 1 :]
    return (
        1 <= len(before) <= 2
        and 1 <= len(after) <= 3
        and all(t.is_word and t.text.islower() for t in (*before, *after))
        and is_person_noun(after[-1].lower)
    )


def trim_adverbs(toks: list[Token]) -> list[Token]:
    """``toks`` without the adverbs and auxiliaries that end them ("Smith also")."""
    while toks and (
        toks[-1].lower in DIRECT_PRE_CUE or (toks[-1].lower.endswith("ly") and len(toks) > 1)
    ):
        toks = toks[:-1]
    return toks


def speaker_after(toks: list[Token], i: int, cues: Container[str]) -> list[Token]:
    """The noun phrase starting at ``toks[i]``: a pronoun, a name, or a short nominal."""
    if i >= len(toks) or not toks[i].is_word or toks[i].lower in _CLAUSE_STARTS:
        return []  # "said that he …", "said this week": a clause or an adverbial, no one
    if toks[i].lower in SPEAKER_PRONOUNS or toks[i].lower in OBJECT_PRONOUNS:
        return toks[i : i + 1]
    j = i
    if is_name_word(toks[i]):
        j = name_end(toks, i)
        # "Trump's campaign": a possessive name followed by its noun.
        if toks[j - 1].lower.endswith(("'s", "\u2019s")) and j < len(toks) and toks[j].is_word:
            j += 1
        # up to three lowercase role words after the name: the name they introduce
        # ("Obama adviser David Axelrod"), else a plural source ends the phrase ("said
        # Republican senators"); else the name alone
        k = role_words_end(toks, j, _SPEAKER_STOP, cues)
        if k > j:
            if k < len(toks) and is_name_word(toks[k]):
                return toks[i : name_end(toks, k)]
            if is_plural_source(toks[k - 1].lower):
                return toks[i:k]
        return toks[i:j]
    while (
        j < len(toks)
        and j - i < MAX_NP
        and toks[j].is_word
        and (j == i or toks[j].lower not in _SPEAKER_STOP)
        and not (j > i and toks[j].lower in cues and toks[i].lower not in DETERMINERS)
    ):
        j += 1
    if toks[i].lower in DETERMINERS or is_plural_source(toks[j - 1].lower):
        return toks[i:j]  # "said the senator", "said senior Republican senators"
    if is_name_word(toks[j - 1]):
        return toks[i:j]  # "former Obama adviser David Axelrod"
    return []


def addressee_after(toks: list[Token], i: int, cues: Container[str]) -> list[Token]:
    """Who was told: 'told People Magazine', 'told reporters', 'told him'."""
    np = speaker_after(toks, i, cues)
    if np:
        return np
    if i < len(toks) and toks[i].is_word and toks[i].lower not in _SPEAKER_STOP:
        return toks[i : i + 1]
    return []


def speaker_before(toks: list[Token], c: int, cues: Container[str]) -> list[Token] | None:
    """The subject noun phrase that ends just before the cue at ``toks[c]``."""
    j = c
    while j > 0 and (toks[j - 1].lower in DIRECT_PRE_CUE or toks[j - 1].lower.endswith("ly")):
        j -= 1
    if j == 0:
        return None
    appositive: list[Token] = []
    if toks[j - 1].text == ",":
        # "Hugh Hill, a doctor at X, said": skip back over the appositive.
        k = j - 2
        while k >= 0 and toks[k].text != "," and j - k <= 2 * MAX_NP:
            k -= 1
        if k < 0 or toks[k].text != ",":
            return None
        appositive = toks[k + 1 : j - 1]
        j = k
    end = j
    if end == 0:
        return None  # ", …, said" opening the window: no subject before the appositive
    prev = toks[end - 1]
    if prev.lower in SPEAKER_PRONOUNS or (prev.lower == "who" and end > 1):
        return [prev]
    i = end
    if is_name_word(prev):
        while i > 0 and (is_name_word(toks[i - 1]) or toks[i - 1].lower in _BACK_PARTICLES):
            i -= 1
        # a capitalised word that only starts the sentence ("But", "Later") is not a name
        while i < end - 1 and toks[i].lower in _SUBJECT_LEADS:
            i += 1
        if (
            i == end - 1
            and appositive
            and is_person_noun(prev.lower)
            and all(is_name_word(t) for t in appositive)
        ):
            return appositive  # "One red-state Democrat, Sen. Jon Tester, said": the name
        return toks[i:end]
    if toks[c].lower in NOUNY_CUES:
        return None  # "the report", "his claims": a noun, not the cue
    while i > 0 and end - i < MAX_NP and toks[i - 1].is_word:
        i -= 1
        if toks[i].lower in DETERMINERS:
            if i > 1 and is_postmodifier(toks, i - 1):
                continue  # "A spokesman for the campaign said": read on to "A"
            return toks[i:end]
        if is_postmodifier(toks, i):
            continue  # "Another source familiar with Cruz’s thinking said"
        if toks[i].lower in cues or toks[i].lower in _NP_BREAKERS:
            return None
    if toks[end - 1].lower in PLURAL_SOURCES:
        return toks[end - 1 : end]
    return None


def sentence_subject(toks: list[Token], cues: Container[str]) -> list[Token] | None:
    """The person a sentence is about, read as its subject: a name or pronoun at the start
    (after an opening adverbial such as "In an August speech," and a conjunction, with up
    to three modifiers as in "Republican pollster Daron Shaw") followed by a verb or colon.
    ``toks`` are the sentence's first tokens, parentheticals dropped."""
    i = 0
    opens_adverbial = len(toks) > 1 and (
        toks[0].lower.endswith("ing") or toks[1].lower in _NOT_AFTER_SUBJECT
    )  # "Hours later, Trump …", "Speaking in Ohio, she …", "Back in 1999, he …"
    if toks and (
        opens_adverbial or (toks[0].lower in _CLAUSE_OPENERS and toks[0].lower not in _CONJUNCTIONS)
    ):
        commas = [k for k, t in enumerate(toks[:14]) if t.text == ","]
        if not commas:
            return None
        i = commas[0] + 1
    while i < len(toks) and toks[i].lower in _CONJUNCTIONS:
        i += 1
    if i >= len(toks):
        return None
    if toks[i].lower in ("he", "she"):
        np = [toks[i]]
    else:
        j = i
        while j < len(toks) and j - i < 4 and not is_name_word(toks[j]):
            if not toks[j].is_word or toks[j].lower in cues or toks[j].lower in FUNCTION_WORDS:
                return None
            j += 1
        if j >= len(toks) or not is_name_word(toks[j]):
            return None
        k = j
        while k < len(toks) and (is_name_word(toks[k]) or toks[k].lower in _BACK_PARTICLES):
            k += 1
        m = role_words_end(toks, k, _SPEAKER_STOP, cues)  # "Tallin city spokeswoman Ann Lee"
        if k < m < len(toks) and is_name_word(toks[m]) and is_person_noun(toks[m - 1].lower):
            k = name_end(toks, m)
        np = toks[i:k]
    k = i + len(np)
    if k < len(toks) and toks[k].text == "," and is_name_word(np[-1]):
        # "Clinton, the former secretary of State, stressed ..."
        close = next((m for m in range(k + 1, min(len(toks), k + 20)) if toks[m].text == ","), None)
        if close is not None:
            k = close + 1
            if k < len(toks) and toks[k].lower in ("who", "which"):
                return np
    nxt = toks[k] if k < len(toks) else None
    if nxt is None or not (nxt.text == ":" or (nxt.is_word and not nxt.is_capitalised)):
        return None
    return np
