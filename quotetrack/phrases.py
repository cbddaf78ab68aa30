"""Noun phrases read from tokens around a cue: who speaks, to whom, and whom "who" means.

The one home of phrase reading for both rule sets: the direct-quote rules
(:mod:`quotetrack.attribution`) and the reported-speech rules (:mod:`quotetrack.reported`).
Every reader takes a token list (from :func:`quotetrack.tokens.tokenize`) and an index,
and returns the tokens of the phrase (``[]`` or ``None`` when there is none); turn them
into a :class:`~quotetrack.models.Span` with :func:`tok_span`.

Each position has two readers, because the two rule sets were tuned apart on PolNeAR
train and merging them changes predictions:

==========================  ========================================================
position                    direct quotes (*speaker*)   /   reported speech (*source*)
==========================  ========================================================
phrase after a cue          :func:`speaker_after`       /   :func:`source_after`
phrase before a cue         :func:`speaker_before`      /   :func:`source_before`
a run read as a subject     :func:`speaker_phrase`      /   :func:`source_run`
subject opening a sentence  :func:`sentence_subject`    /   :func:`opening_subject`
==========================  ========================================================

The *speaker* readers are strict (a name, a pronoun, a determiner phrase or a plural
source noun such as "officials") and read the cue table they are given, so that a
:class:`~quotetrack.parser.QuoteParser` with extra cue verbs passes its own. The
*source* readers accept any short nominal ("Republican voters in Ohio") and read the
fixed reported-speech cue table. Shared by both: name runs (:func:`name_end`),
appositions and parenthetical asides (:func:`drop_parentheticals`), postmodifiers ("a
spokesman *for* the campaign", :func:`is_postmodifier`), relative clauses and their
antecedents (:func:`antecedent_phrase`).
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Container, Mapping, Sequence

from quotetrack.kinds import is_person_noun, is_role_title
from quotetrack.lexicon import (
    ADVERBIAL_STARTS,
    CUE_PARTICLES,
    DETERMINERS,
    DIRECT_PRE_CUE,
    NAME_PARTICLES,
    NOT_CONTENT_START,
    NOUNY_CUES,
    OBJECT_PRONOUNS,
    PLURAL_SOURCES,
    REPORTED_CUES,
    REPORTED_PRE_CUE,
    SPEAKER_PRONOUNS,
    TITLES,
    WEEKDAYS,
    female_share,
    is_surname,
    postmodifies_source,
    word_set,
)
from quotetrack.models import Span
from quotetrack.tokens import Token, tokenize

__all__ = [
    "SENTENCE_OPENERS",
    "SOURCE_STOP",
    "TIME_LEADS",
    "addressee_after",
    "antecedent_phrase",
    "clause_subject",
    "cue_span",
    "drop_parentheticals",
    "index_at",
    "is_name_word",
    "is_possessive_name",
    "is_postmodifier",
    "looks_like_name",
    "name_end",
    "opening_subject",
    "sentence_subject",
    "source_after",
    "source_before",
    "source_run",
    "speaker_after",
    "speaker_before",
    "speaker_phrase",
    "tok_span",
    "token_index",
    "trim_adverbs",
]


MAX_NP = 8  # words a noun phrase may hold
_MAX_ROLE_WORDS = 3  # lowercase role words before a name ("GOP strategist Rick Wilson")

# -- Words the speaker readers (direct quotes) stop at or skip ----------------------------
# Words that end a speaker phrase after a cue ("said Smith, who …", "told reporters in").
_SPEAKER_STOP = word_set(
    """
    who whom which that in on at of during after before while when to from as for with about
    adding noting referring explaining because but and whose where if than via told said
    """
)
# Words after a cue that open a clause or an adverbial, never a speaker ("said that he").
_CLAUSE_STARTS = word_set("that this these those if whether when")
# Clause links that may stand before a speaker phrase without belonging to it.
_LEADING_JUNK = word_set("to which when where while as and but so then if because though")
# Capitalised function words that start sentences but never names (months that are also
# names, April May June July, are left out).
_FUNCTION_WORDS = (
    DETERMINERS
    | _LEADING_JUNK
    | WEEKDAYS
    | word_set(
        """
        although after before since until in on at of for with by from into about than or
        nor yet what who how why there here it is was are were be
        january february march august september october november december
        """
    )
)
# Words whose contraction is never a name ("I’m", "I'd"); "He’s" stays a subject.
_CONTRACTED = word_set("i")
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
_CLAUSE_MARKS = frozenset(",;:")  # marks that end a speaker phrase or open its appositive
_RUN_PARTICLES = ("de", "van", "von", "la")
_BACK_PARTICLES = ("de", "van", "von")
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

# -- Words the source readers (reported speech) stop at or skip ---------------------------
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


# -- Shared ---------------------------------------------------------------------------------


_start = operator.attrgetter("start")  # bisection keys and scans that stay in C
_text = operator.attrgetter("text")
_lower = operator.attrgetter("lower")


def tok_span(text: str, toks: Sequence[Token]) -> Span:
    """The span of ``text`` from the first to the last of ``toks``."""
    s, e = toks[0].start, toks[-1].end
    return Span(s, e, text[s:e])


def token_index(toks: list[Token], tok: Token) -> int:
    """The index of ``tok`` in the ordered ``toks``, by bisection (``list.index`` would
    make each cue cost the length of its sentence)."""
    return bisect.bisect_left(toks, tok.start, key=_start)


def index_at(toks: list[Token], offset: int) -> int:
    """The index of the first of the ordered ``toks`` that starts at or after ``offset``."""
    return bisect.bisect_left(toks, offset, key=_start)


def looks_like_name(tok: Token) -> bool:
    """True for a capitalised word or a title: a word that may be part of a name."""
    first = tok.text[0]
    return first.isalnum() and (first.isupper() or tok.text in TITLES)


def is_name_word(tok: Token) -> bool:
    """True for a capitalised word or title that is not a function word ("The", "In",
    "Monday" open sentences but never names) nor "I’m"."""
    # The hot test of the name rules (several per speaker phrase): the Token properties
    # inlined, one test per condition.
    text = tok.text
    first = text[0]
    if not first.isalnum() or not (first.isupper() or text in TITLES):
        return False
    low = tok.lower
    if low in _FUNCTION_WORDS:
        return False
    if "'" not in low and "\u2019" not in low:
        return True  # most words: no apostrophe, so no contraction of "I" ("I’m", "I'd")
    base, apostrophe, _ = low.replace("\u2019", "'").partition("'")
    return not apostrophe or base not in _CONTRACTED


def is_possessive_name(tok: Token) -> bool:
    """True for a capitalised possessive ("Trump's", "Powell’s")."""
    return tok.is_capitalised and tok.lower.endswith(("'s", "\u2019s"))


def is_postmodifier(toks: Sequence[Token], i: int) -> bool:
    """True when the preposition at ``toks[i]`` ties a phrase to the source before it
    ("a spokesman *for* the campaign", "people familiar *with*")."""
    return i > 0 and postmodifies_source(toks[i - 1].lower, toks[i].lower)


def name_end(toks: list[Token], i: int) -> int:
    """The index after the run of name words that starts at ``toks[i]``."""
    j = i
    while j < len(toks) and (is_name_word(toks[j]) or toks[j].lower in _RUN_PARTICLES):
        j += 1
    return j


def drop_parentheticals(toks: list[Token]) -> list[Token]:
    """Remove '(D-N.C.)'-style asides so they do not break a noun phrase; an opening
    parenthesis that never closes in the window is dropped on its own."""
    if "(" not in map(_text, toks):
        return toks  # the common case: nothing to drop
    out: list[Token] = []
    held: list[Token] = []
    depth = 0
    for t in toks:
        if t.text == "(":
            depth += 1
            held.append(t)
        elif depth:
            held.append(t)
            if t.text == ")":
                depth -= 1
                if not depth:
                    held = []
        else:
            out.append(t)
    if depth:
        out.extend(t for t in held if t.text != "(")
    return out


# -- Speakers of direct quotes ---------------------------------------------------------------


def cue_span(text: str, toks: list[Token], c: int, cues: Mapping[str, str]) -> tuple[Span, int]:
    """The cue at ``toks[c]`` (with its particle, as in 'pointed out'); the index after it."""
    particle = CUE_PARTICLES.get(cues[toks[c].lower])
    if particle and c + 1 < len(toks) and toks[c + 1].lower == particle:
        return tok_span(text, toks[c : c + 2]), c + 2
    return tok_span(text, toks[c : c + 1]), c + 1


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
    if len(toks) > MAX_NP or any(not t.is_word and t.text not in "-'\u2019" for t in toks):
        return None
    while len(toks) > 1 and toks[0].lower in _LEADING_JUNK:
        toks = toks[1:]
    if toks[-1].lower in SPEAKER_PRONOUNS and len(toks) > 1:
        return None
    head = toks[0]
    if head.lower in SPEAKER_PRONOUNS:
        return toks if len(toks) == 1 else None
    if any(t.lower in cues and not t.is_capitalised for t in toks):
        return None
    if not _VERB_WORDS.isdisjoint(map(_lower, toks[1:])):
        return None  # "O’Malley’s move was (first reported)", "His comments came after being"
    if all(is_name_word(t) or t.lower in _PHRASE_PARTICLES for t in toks):
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
        return toks[i : _titled_name_end(toks, j, cues)]  # "Obama adviser David Axelrod"
    while (
        j < len(toks)
        and j - i < MAX_NP
        and toks[j].is_word
        and (j == i or toks[j].lower not in _SPEAKER_STOP)
        and not (j > i and toks[j].lower in cues and toks[i].lower not in DETERMINERS)
    ):
        j += 1
    if toks[i].lower in DETERMINERS or toks[j - 1].lower in PLURAL_SOURCES:
        return toks[i:j]
    if is_name_word(toks[j - 1]):
        return toks[i:j]  # "former Obama adviser David Axelrod"
    return []


def _role_words_end(toks: list[Token], j: int, cues: Container[str]) -> int:
    """Past up to three lowercase role words from ``j`` ("adviser", "city spokeswoman")."""
    k = j
    while (
        k < len(toks)
        and k - j < _MAX_ROLE_WORDS
        and toks[k].is_word
        and not toks[k].is_capitalised
        and toks[k].lower not in _SPEAKER_STOP
        and toks[k].lower not in cues
    ):
        k += 1
    return k


def _titled_name_end(toks: list[Token], j: int, cues: Container[str]) -> int:
    """Past up to three lowercase role words and the name they introduce, when a name
    follows them ("Obama adviser David Axelrod", "GOP strategist Rick Wilson")."""
    k = _role_words_end(toks, j, cues)
    if k > j and k < len(toks) and is_name_word(toks[k]):
        return name_end(toks, k)
    return j


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
            if not toks[j].is_word or toks[j].lower in cues or toks[j].lower in _FUNCTION_WORDS:
                return None
            j += 1
        if j >= len(toks) or not is_name_word(toks[j]):
            return None
        k = j
        while k < len(toks) and (is_name_word(toks[k]) or toks[k].lower in _BACK_PARTICLES):
            k += 1
        m = _role_words_end(toks, k, cues)  # "Tallin city spokeswoman Ann Lee"
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


# -- Sources of reported speech --------------------------------------------------------------


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
        while j < len(toks) and (looks_like_name(toks[j]) or toks[j].lower in _SOURCE_PARTICLES):
            j += 1
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
