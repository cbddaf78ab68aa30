"""Source phrases of reported speech, read around a cue: who reports, the subject that
opens a clause, and whom a relative "who" means.

The readers of the reported-speech rules (:mod:`quotetrack.reported`); the direct-quote
rules read their speakers with :mod:`quotetrack.speaker_phrases`, and both share the
token helpers of :mod:`quotetrack.phrase_tokens`. These readers accept any short nominal
("Republican voters in Ohio") and read the fixed reported-speech cue table; they pass
over time adverbials, asides, brackets and appositions to the source ("Hugh Hill, a
doctor at X, said").
"""

from __future__ import annotations

import operator

from quotetrack.kinds import is_person_noun, is_role_title
from quotetrack.lexicon import (
    ADVERBIAL_STARTS,
    DETERMINERS,
    NAME_PARTICLES,
    NOT_CONTENT_START,
    OBJECT_PRONOUNS,
    REPORTED_CUES,
    REPORTED_PRE_CUE,
    SPEAKER_PRONOUNS,
    WEEKDAYS,
    female_share,
    is_surname,
    word_set,
)
from quotetrack.models import Span
from quotetrack.phrase_tokens import (
    MAX_NP,
    is_name_word,
    is_possessive_name,
    is_postmodifier,
    looks_like_name,
    role_words_end,
    tok_span,
)
from quotetrack.tokens import Token, tokenize

__all__ = [
    "SENTENCE_OPENERS",
    "SOURCE_STOP",
    "TIME_LEADS",
    "antecedent_phrase",
    "clause_subject",
    "opening_subject",
    "source_after",
    "source_before",
    "source_run",
]


# Words a source phrase never runs back over: clause links, verbs of being, prepositions
# that open an adverbial ("In London, a diplomat said").
SOURCE_STOP = word_set(
    """
    and but or so yet nor because if when while although though since as after before until
    that which who whom whose where what how why whether than is was were are be been being
    has have had do does did will would could should can may might must not never to
    in on at during via through over by with from for into about under without
    """
)
# Connectives that open a sentence before its subject ("But officials said").
SENTENCE_OPENERS = word_set("but and so then later now still yet meanwhile however also")
# Name particles of a source name run: NAME_PARTICLES without "dos", "du", "st." (tuned).
_SOURCE_PARTICLES = NAME_PARTICLES - {"dos", "du", "st."}
# Time adverbials between a source and its cue ("Feinstein last week said").
_DAYS = WEEKDAYS | word_set("today yesterday tonight")
_TIME_NOUNS = word_set("week weekend month year time past night morning afternoon evening day")
TIME_LEADS = word_set("on at in last this earlier later next that the")
_RELATIVE_WORDS = word_set("who which that whom whose")
_ASIDES = word_set("however though too also meanwhile instead moreover nonetheless")
# Relative "who": how far back its antecedent is read, and where that reading stops.
_ANTECEDENT_WINDOW = 80  # characters
_ANTECEDENT_STOP = word_set("among between including like leads led won lost")
_PLACE_PREPOSITIONS = word_set("in at from of near across")
_TOWN_PREPOSITIONS = word_set("in at from near outside")  # before a town and its region
# Prepositions that tie a person to the body they speak for ("Ann Orr with the Board").
_AFFILIATIONS = word_set("with at from")
# Prepositions that tie a place or a body to the person an apposition describes.
_APPOSITION_PREPOSITIONS = word_set("in at from of near with for by based")
_MAX_OPENING_TOKENS = 40  # tokens read for the subject that opens a clause
# Unions the hot readers test against, built once.
_AFTER_SOURCE_STOP = SOURCE_STOP | ADVERBIAL_STARTS
_TIME_RUN = TIME_LEADS | DETERMINERS
# Prepositions that open a sentence's adverbial ("Within the files, officials …").
_OPENING_PREPOSITIONS = word_set(
    "within without among amid amongst between across against toward towards along around"
    " beyond behind beneath despite throughout unlike upon"
)
_OPENING_SKIP = NOT_CONTENT_START | SENTENCE_OPENERS
_lower = operator.attrgetter("lower")  # scans that stay in C


def source_run(toks: list[Token], end: int) -> list[Token]:
    """The words just before ``toks[end]`` that can form a source phrase: back to a
    punctuation mark, a clause link or a preposition, at most eight words."""
    i = end
    while (
        i > 0
        and end - i < MAX_NP
        and (toks[i - 1].is_word or toks[i - 1].text in "-'’")
        and (toks[i - 1].lower not in SOURCE_STOP or is_postmodifier(toks, i - 1))
        and toks[i - 1].lower not in REPORTED_CUES
    ):
        i -= 1
    run = toks[i:end]
    while run and (run[0].lower in SENTENCE_OPENERS or not run[0].is_word):
        run = run[1:]
    return run


def _before_time(toks: list[Token], j: int) -> int:
    """Where a time adverbial that ends just before ``toks[j]`` starts ("on Tuesday",
    "last week", "at the time", "earlier this year"); ``j`` when there is none."""
    if not _RELATIVE_WORDS.isdisjoint(map(_lower, toks[max(0, j - MAX_NP) : j])):
        return j  # "People who lost their jobs last year said": the clause's own time
    k = j
    if k > 1 and _is_year(toks[k - 1].text) and toks[k - 2].lower in TIME_LEADS:
        k -= 1  # "in 2010" (not "Vision 2020", "the class of 2016")
    elif k > 0 and toks[k - 1].lower in _DAYS:
        k -= 1  # "on Tuesday"
    elif k > 0 and toks[k - 1].lower in _TIME_NOUNS:
        k -= 1
        while k > 0 and j - k < 4 and toks[k - 1].lower in _TIME_RUN:
            k -= 1
        if k == j - 1:
            return j  # a bare "time" or "week" is no adverbial
    else:
        return j
    while k > 0 and toks[k - 1].lower in TIME_LEADS:
        k -= 1
    return k if k > 0 and toks[k - 1].is_word else j


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def source_before(toks: list[Token], c: int) -> list[Token] | None:
    """The source phrase that ends just before the cue at ``toks[c]``, past adverbs, a
    time adverbial, an aside, brackets and appositions."""
    j = c
    while j > 0 and (
        toks[j - 1].lower in REPORTED_PRE_CUE
        or (toks[j - 1].lower.endswith("ly") and not toks[j - 1].is_capitalised)
    ):
        j -= 1
    j = _before_time(toks, j)  # "Feinstein last week said", "The mayor on Tuesday rejected"
    if j == 0:
        return None
    if (
        j >= 3
        and toks[j - 1].text == ","
        and toks[j - 2].lower in _ASIDES
        and toks[j - 3].text == ","
    ):
        j -= 3  # "officials, however, said": skip the aside
    if toks[j - 1].text == ")":
        # "Kasich (who has 25 delegates) said": skip the brackets.
        k = j - 1
        while k > 0 and toks[k].text != "(" and j - k <= 2 * MAX_NP:
            k -= 1
        if toks[k].text != "(" or k == 0:
            return None
        j = k
    prev = toks[j - 1]
    if prev.lower in SPEAKER_PRONOUNS or (prev.lower == "who" and j > 1):
        return [prev]  # "…, who said" and "the 30 percent of voters who say …"
    if prev.text == ",":
        return _before_appositions(toks, j)
    run = source_run(toks, j)
    if not run or run[-1].lower in DETERMINERS:
        return None
    i = j - len(run)
    if i > 2 and toks[i - 1].lower in _TOWN_PREPOSITIONS and all(t.is_capitalised for t in run):
        head = source_run(toks, i - 1)  # "the regime in Tallin worries": not the place
        if len(head) > 1 and head[0].lower in DETERMINERS and head[-1].lower not in DETERMINERS:
            return [*head, toks[i - 1], *run]
    if i > 1 and toks[i - 1].lower in _AFFILIATIONS and toks[i - 2].is_capitalised:
        person = source_run(toks, i - 1)  # "Ann Orr with the Tallin Board says": Ann Orr
        if person and all(is_name_word(t) for t in person):
            return person
    if run[-1].lower in OBJECT_PRONOUNS and not (
        len(run) > 2 and is_postmodifier(run, len(run) - 2)
    ):
        return None  # "told him" is no source; "a source close to him" is
    if run[-1].lower.endswith(("'s", "’s")):
        return None  # "He's reported", "Trump's reported net worth"
    return run


def _before_appositions(toks: list[Token], j: int) -> list[Token] | None:
    """The source before up to three appositions that end at the comma ``toks[j - 1]``:
    "Hugh Hill, a doctor at X, said" / "Woodrow Benford, 58, who lives in Y, says". A
    role, a place or a body inside an apposition ("Ann Orr, Tallin MP, said", "…, a clerk
    in Tallin County, said") is passed over for the name before it, and kept only when
    no name is found."""
    k = j - 2
    fallback: list[Token] | None = None
    for _ in range(3):
        while k >= 0 and toks[k].text != "," and j - k <= 3 * MAX_NP:
            k -= 1
        if k <= 0 or toks[k].text != ",":
            break
        inner = toks[k + 1 : j - 1]
        region = False
        if inner and len(inner) <= 4 and all(looks_like_name(t) for t in inner):
            region = _town_region(toks, k, inner)
            if not region and not _role_or_place(toks, k, inner):
                return inner  # "One delegate not on the slate, Kelly Schmidt, told"
            if not region:
                fallback = fallback or inner
        run = source_run(toks, k)
        if region and run and _apposition_or_place(toks, k - len(run)):
            k -= 1  # "Ann Orr, a clerk from Tallin, Texas, said": on to the name
            continue
        if run and run[-1].lower not in DETERMINERS:
            if (
                looks_like_name(run[-1])
                or (run[0].lower in DETERMINERS and len(run) > 1)
                or (is_possessive_name(run[0]) and len(run) > 1)
            ):
                # "Hugh Hill, …," / "The aides, led by X, …," / "Powell’s office, …,"
                if not _inside_apposition(toks, k - len(run)):
                    return run
                fallback = fallback or run
        k -= 1
    return fallback


def _role_or_place(toks: list[Token], k: int, inner: list[Token]) -> bool:
    """True when the capitalised words ``inner`` after the comma ``toks[k]`` are a role
    ("Ann Orr, Tallin MP, said") or a place's abbreviation ("in Tallin, N.S., says"),
    not the source's name."""
    return is_role_title(inner[-1].text) or (len(inner) == 1 and _place_abbreviation(toks, k + 1))


def _town_region(toks: list[Token], k: int, inner: list[Token]) -> bool:
    """True when the capitalised words ``inner`` after the comma ``toks[k]`` name the
    region of a town after a place preposition ("a clerk from Tallin, Texas,", "a woman
    in Vell, Ontario,"): a place, never the source."""
    if len(inner) > 2 or k < 2 or not toks[k - 1].is_capitalised:
        return False
    if len(inner) == 2 and female_share(inner[0].text) is not None and is_surname(inner[1].text):
        return False  # "a spokesman in Tallin, John Orr, said": a first name
    i = k - 1
    while i > 0 and toks[i - 1].is_capitalised and k - i < 3:
        i -= 1
    return i > 0 and toks[i - 1].lower in _TOWN_PREPOSITIONS


def _place_abbreviation(toks: list[Token], i: int) -> bool:
    """True for a short abbreviation after a town and its comma ("Tallin, N.S.")."""
    word = toks[i].text
    return (
        word.endswith(".")
        and len(word) <= 6
        and word not in ("Jr.", "Sr.")
        and i > 1
        and toks[i - 1].text == ","
        and toks[i - 2].is_capitalised
    )


def _apposition_or_place(toks: list[Token], i: int) -> bool:
    """True when the phrase at ``toks[i]`` is an apposition itself (after a comma) or
    stands inside one (:func:`_inside_apposition`): not the source."""
    return i > 0 and (toks[i - 1].text == "," or _inside_apposition(toks, i))


def _inside_apposition(toks: list[Token], i: int) -> bool:
    """True when the phrase at ``toks[i]`` follows a preposition of an apposition ("a
    clerk *in* Tallin County", "an analyst *with* the Tallin Board") or is a place's
    abbreviation ("Tallin, N.S.")."""
    return i > 0 and (toks[i - 1].lower in _APPOSITION_PREPOSITIONS or _place_abbreviation(toks, i))


def source_after(toks: list[Token], i: int) -> list[Token]:
    """The noun phrase that opens at ``toks[i]``: a pronoun, a name or a short nominal
    (up to a preposition, a clause link, a cue or a punctuation mark)."""
    if i >= len(toks) or not toks[i].is_word or toks[i].lower in _AFTER_SOURCE_STOP:
        return []  # not "said Tuesday"
    if toks[i].lower in SPEAKER_PRONOUNS or toks[i].lower in OBJECT_PRONOUNS:
        return toks[i : i + 1]
    j = i
    if looks_like_name(toks[i]) and toks[i].lower not in DETERMINERS:
        j = _name_run_end(toks, i)
        k = role_words_end(toks, j, _AFTER_SOURCE_STOP, REPORTED_CUES)
        if (
            j < k < len(toks)
            and is_person_noun(toks[k - 1].lower)  # a role, not a verb ("Cameron criticised")
            and looks_like_name(toks[k])
            and toks[k].lower not in DETERMINERS
        ):
            j = _name_run_end(toks, k)  # "Opposition leader Kemi Badenoch", whole
        if toks[j - 1].lower.endswith(("'s", "\u2019s")) and j < len(toks) and toks[j].is_word:
            j += 1
        return toks[i:j]
    while (
        j < len(toks)
        and j - i < MAX_NP
        and (toks[j].is_word or toks[j].text in "-'\u2019")
        and (j == i or toks[j].lower not in _AFTER_SOURCE_STOP)
        and not (j > i and toks[j].lower in REPORTED_CUES)
        and not (j > i + 1 and toks[j].lower.endswith("ed") and not toks[j].is_capitalised)
    ):
        j += 1
    return toks[i:j]


def _name_run_end(toks: list[Token], i: int) -> int:
    """The index after the name-like words (and particles) from ``toks[i]``."""
    j = i
    while j < len(toks) and (looks_like_name(toks[j]) or toks[j].lower in _SOURCE_PARTICLES):
        j += 1
    return j


def opening_subject(toks: list[Token]) -> list[Token] | None:
    """The subject that opens a clause (after an opening adverbial and connectives): a
    pronoun, a name or a determiner phrase followed by its verb or an appositive."""
    i = 0
    if toks and toks[0].lower in _OPENING_SKIP:
        comma = next((k for k, t in enumerate(toks[:15]) if t.text == ","), None)
        i = comma + 1 if comma is not None else 1
    elif toks and toks[0].lower in _OPENING_PREPOSITIONS:
        # a long adverbial: its comma may stand far in ("Within the … of emails, officials")
        comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
        if comma is None:
            return None
        i = comma + 1
    while i < len(toks) and toks[i].lower in SENTENCE_OPENERS:
        i += 1
    if i >= len(toks):
        return None
    if toks[i].lower in SPEAKER_PRONOUNS:
        return toks[i : i + 1]
    np = source_after(toks, i)
    after = toks[i + len(np)].text if i + len(np) < len(toks) else "."
    if not np or not (after[0].isalnum() or after in ",("):
        return None  # not followed by its verb (or an appositive)
    return np


def clause_subject(text: str, start: int, end: int) -> Span | None:
    """The noun phrase that opens the clause ``text[start:end]`` as its subject (after an
    opening adverbial): a pronoun, a name or a determiner phrase ("The piece used …")."""
    np = opening_subject(tokenize(text, start, end)[:_MAX_OPENING_TOKENS])
    return tok_span(text, np) if np else None


def antecedent_phrase(text: str, pos: int) -> Span | None:
    """The noun phrase a relative "who" at ``pos`` refers to: back to its determiner
    ("the 30 percent of voters who …", "many Democrats who …"), or its last two words
    ("young voters who …"); None when no words stand before it."""
    toks = tokenize(text, max(0, pos - _ANTECEDENT_WINDOW), pos)
    while toks and toks[-1].text == ",":
        toks.pop()
    if len(toks) > 2 and toks[-2].lower in _PLACE_PREPOSITIONS and toks[-1].is_capitalised:
        toks = toks[:-2]  # "steelworkers in Ohio, who …": the people, not the place
    i = len(toks)
    while i > 0 and len(toks) - i < MAX_NP and toks[i - 1].is_word:
        word = toks[i - 1].lower
        if (word in DETERMINERS and word != "that") or word[0].isdigit():
            i -= 1
            if i >= 2 and toks[i - 1].lower == "of" and toks[i - 2].is_word:
                i -= 1  # "the 30 percent of voters": read on to the quantity
                continue
            while i > 0 and toks[i - 1].lower in DETERMINERS:
                i -= 1
            return tok_span(text, toks[i:])
        if word in SOURCE_STOP or word in _ANTECEDENT_STOP:
            break
        i -= 1
    run = toks[max(i, len(toks) - 2) :]
    return tok_span(text, run) if run and run[0].is_word else None
