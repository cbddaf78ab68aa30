"""Runs of capitalised words read as names: where each name starts and ends, its titles.

A *run* is what :data:`NAME_RUN` matches: capitalised words in a row, with particles
("van der"), initials and honorifics. :func:`run_groups` cuts a run into the names it
holds (a sentence end or a possessive ends a name, a clause-opening word is none of it)
and reads each as a :data:`NameShape`; :func:`single_word` reads a one-word run. Both
look only at the words, never at the text around them (that is
:mod:`quotetrack.name_context`), so they are cached: the same runs recur across articles.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from quotetrack.kinds import (
    FEMALE,
    MALE,
    is_acronym,
    is_brand,
    is_country_body,
    is_leading_word,
    is_opening_participle,
    is_org_head,
    is_place_head,
    is_place_name,
    is_role_noun,
    is_role_title,
)
from quotetrack.lexicon import (
    CUE_VERBS,
    FEMALE_TITLES,
    MALE_TITLES,
    NAME_PARTICLES,
    TITLE_NOUNS,
    TITLES,
    female_share,
    is_surname,
)

__all__ = [
    "NAME_RUN",
    "SUFFIXES",
    "NameGroup",
    "NameShape",
    "SingleWord",
    "is_given_name",
    "is_plural_title",
    "is_title",
    "run_groups",
    "single_word",
    "word_evidence",
]

_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z\u00c0-\u00de][\w'\u2019\-]*\.?)"
_PARTICLE = r"(?:de|del|della|der|den|di|da|van|von|la|le|al|el|bin|ibn|dos|du|ter)"
# The first token's capital comes first so that the scan skips to capitals (a pattern that
# opens with a lookbehind is tried at every position); the lookbehind then checks the
# character before it, and the rest of that token is _TOKEN's rest.
_FIRST_TOKEN = r"[A-Z\u00c0-\u00de](?<![\w'\u2019\-.][A-Z\u00c0-\u00de])"
_FIRST_TOKEN += r"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|[\w'\u2019\-]*\.?)"
# Bodies named "X of Y" ("Department of Justice", "Bank of Canada", "Federation of
# Independent Business"): after one of these words, "of" joins the run.
_OF_HEADS: Final = frozenset(
    """
    Department Ministry Bank University Federation Association Institute Bureau Council
    Commission Board Society Chamber College School Academy Union League Alliance
    Coalition Centre Center Agency Foundation Fund Office Conference Court
    """.split()
)
# (the lookahead first: most words are followed by no "of", and fail it at once)
_OF_JOIN = r"(?=[ \t]+of[ \t])(?:" + "|".join(f"(?<={w})" for w in sorted(_OF_HEADS)) + r")[ \t]+of"
NAME_RUN = re.compile(
    rf"{_FIRST_TOKEN}(?:(?:{_OF_JOIN})?[ \t]+(?:(?:{_PARTICLE}|&)[ \t]+)*{_TOKEN})*"
)
"""A run of capitalised words that may hold names (particles, initials and the "&" of a
firm's name included)."""

SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
"""Words after a surname that are no part of it ("Jr.", "III")."""

_KEEPS_PERIOD = frozenset(
    "Mr. Mrs. Ms. Dr. St. Jr. Sr. Inc. Co. Corp. Ltd. Gov. Sen. Rep. Gen. Lt. Col. Sgt. Capt."
    " Det. Adm. Maj. Prof. Rev. Coun. Const. Cpl. Insp. Supt. Cst. Hon. Mt. Ft. No.".split()
)
# Words that "New" (else a clause opener: "New research shows") begins a name with,
# and the places so named.
_NEW_PLACES = frozenset(
    "York Jersey Hampshire Mexico Orleans Zealand Delhi Brunswick Haven England Caledonia"
    " Guinea".split()
) | {"South Wales"}
_AFTER_NEW = _NEW_PLACES | frozenset("Yorker Democrats Republic Westminster South".split())
_ROLE_TITLE_NOUNS = frozenset({"mayor", "premier", "coach", "minister"})
_MODIFIER_ENDINGS = ("-based", "-born", "-owned", "-headquartered")
# What one capitalised word can be, as bits of _flags.
_LEADING, _TITLE, _ROLE, _CUE, _ORG, _PLACE, _SURNAME, _FIRST, _ACRONYM = (1 << i for i in range(9))
_TYPED = _SURNAME | _FIRST | _ACRONYM | _ORG | _PLACE

NameShape = tuple[int, int, int, tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str]]
"""How a group of capitalised words reads: the index of its first title, of the name's
first and last word; the name's words (with a leading "The" for an organisation, to keep
only when the text has it), the titles before it, and the kind evidence and roles the
words give by themselves."""

NameGroup = tuple[int, int, int, NameShape]
"""One name of a run: offsets into the run of its first title, of its name's first word
and of its name's end, and its :data:`NameShape`."""

SingleWord = tuple[str, int, bool, bool]
"""A one-word run read as a name: the word, the characters cut from the run's end, whether
the word is typed by itself (a census name, an acronym, an organisation or place word)
and whether it is a census first name."""


def is_title(word: str) -> bool:
    """True for an honorific or a capitalised role word that may stand before a name."""
    return word in TITLES or is_role_title(word)


def is_given_name(word: str) -> bool:
    """True for a census first name ("Darrel")."""
    return bool(_flags(word) & _FIRST)


def is_plural_title(word: str) -> bool:
    """The plural of a title ("MPs", "Senators"): role holders, no one's name ("Liberal
    MPs said" is a group, not a person called "MPs")."""
    return (
        len(word) > 2
        and word.endswith("s")
        and is_role_title(word[:-1])  # not TITLES' party words: "Democrats" is a name
        and not is_place_name(word)  # "Queens"
        and not is_surname(word)
    )


def _is_capitalised_cue(word: str) -> bool:
    """A headline's verb inside a capitalised run ("Christie Calls Clinton …")."""
    low = word.lower()
    return low in CUE_VERBS and low.endswith("s") and not is_surname(word)


def _initials(word: str) -> bool:
    """'M.' or 'U.S.': an initial or dotted abbreviation, not a sentence end."""
    return all(len(part) == 1 and part.isupper() for part in word.split(".")[:-1])


@functools.lru_cache(maxsize=1 << 16)
def _flags(word: str) -> int:
    """What one capitalised word can be, as bits (cached: words repeat across articles)."""
    flags = 0
    if is_leading_word(word) or word.endswith(_MODIFIER_ENDINGS):
        flags |= _LEADING  # "Tallin-based Sorvik Energy": a modifier, not the name
    if is_title(word) or is_plural_title(word):
        flags |= _TITLE | _ROLE
    elif is_role_noun(word) and female_share(word) is None:
        flags |= _ROLE  # "Rival Hillary Clinton"
    if _is_capitalised_cue(word):
        flags |= _CUE
    if is_org_head(word):
        flags |= _ORG
    elif is_place_head(word):
        flags |= _PLACE
    if is_surname(word):
        flags |= _SURNAME
    if female_share(word) is not None:
        flags |= _FIRST
    if (is_acronym(word) and "." not in word) or is_brand(word):
        flags |= _ACRONYM  # "NATO"; "TransLink": an organisation by its name alone
    return flags


@functools.lru_cache(maxsize=1 << 16)
def _reading(token: str) -> tuple[str, int, bool]:
    """How a token of a capitalised run reads: the word, how many characters end it that
    are no part of it, and whether it ends the name ("Lowe." ends its sentence,
    "Marsh's" its name; a clause-opening word or a headline verb is no name)."""
    word, cut, ends = token, 0, False
    if word.endswith(".") and word not in _KEEPS_PERIOD and not _initials(word):
        word, cut, ends = word[:-1], 1, True
    if word.endswith(("'s", "\u2019s")) and len(word) > 2:
        word, cut, ends = word[:-2], cut + 2, True
    elif word.endswith(("'", "\u2019")) and len(word) > 1:
        word, cut, ends = word[:-1], cut + 1, True  # "Ruiz' clients"
    if not word or _flags(word) & (_LEADING | _CUE):
        return "", cut, True
    return word, cut, ends


@functools.lru_cache(maxsize=1 << 16)
def single_word(run: str) -> SingleWord | None:
    """A one-word run as a name (see :data:`SingleWord`); None for no name (a
    clause-opening word or a title alone)."""
    word, cut, _ = _reading(run)
    if not word or is_opening_participle(word):
        return None
    flags = _flags(word)
    if flags & _TITLE:
        return None
    return word, cut, bool(flags & _TYPED), bool(flags & _FIRST)


@functools.lru_cache(maxsize=1 << 14)
def run_groups(run: str) -> tuple[NameGroup, ...]:
    """The names of one capitalised run of several words (cut at a sentence end or
    possessive, split at clause-opening words), each a :data:`NameGroup`; cached, as the
    same runs recur."""
    groups: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    pos = 0
    tokens = run.split()
    for n, token in enumerate(tokens):
        s = run.find(token, pos)
        pos = s + len(token)
        word, cut, ends = _reading(token)
        if token == "of" and current and current[-1][0] in _OF_HEADS:
            word, cut, ends = token, 0, False  # "Department of Justice": one body
        if token == "New" and n + 1 < len(tokens) and tokens[n + 1] in _AFTER_NEW:
            word, cut, ends = token, 0, False  # "New Hampshire", "New York Daily News"
        if not current and is_opening_participle(word):
            word, ends = "", True
        if word:
            current.append((word, s, pos - cut))
        if ends and current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    out: list[NameGroup] = []
    for group in groups:
        if not group[0][0][:1].isupper():
            continue
        shape = _group_shape(tuple(w for w, _, _ in group))
        if shape is not None:  # None: "U.S. Secretary", "Mayor": a role, no name
            first_title, first, last = shape[:3]
            out.append((group[first_title][1], group[first][1], group[last][2], shape))
    return tuple(out)


@functools.lru_cache(maxsize=1 << 16)
def word_evidence(word: str) -> frozenset[str]:
    """What one word shows by itself when it is a name alone: ``org-head``,
    ``place-head`` or ``surname``, and ``acronym``."""
    flags = _flags(word)
    out = set()
    if flags & _ORG:
        out.add("org-head")
    elif flags & _PLACE:
        out.add("place-head")
    elif flags & _SURNAME:
        out.add("surname")
    if flags & _ACRONYM:
        out.add("acronym")
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 14)
def _group_shape(words: tuple[str, ...]) -> NameShape | None:
    """How a group of capitalised words reads, whatever its place (see :data:`NameShape`;
    cached: the same names recur); None when its last word is a title."""
    if "of" in words:
        return _body_of_shape(words)
    flags = [_flags(w) for w in words]
    k = -1
    first = 0
    if not flags[-1] & (_ORG | _PLACE):
        for i in range(len(words) - 1):
            if flags[i] & _ROLE:
                k = i
        first = k + 1
        # words that are no census names before a census first name and a surname name
        # an office or a body, not the person ("State John Kerry", "Adviser Sidney B.")
        for j in range(max(k + 2, len(words) - 3), len(words) - 1):
            if flags[j] & _FIRST and words[j].lower() not in NAME_PARTICLES:
                before = range(k + 1, j)
                if not any(flags[m] & (_FIRST | _SURNAME) or "." in words[m] for m in before):
                    first = j
                break
    last = len(words) - 1
    while last > first and words[last] in SUFFIXES:
        last -= 1
    n = last - first + 1
    if n % 2 == 0 and words[first : first + n // 2] == words[first + n // 2 : last + 1]:
        last = first + n // 2 - 1  # a scraped "X Y X Y"
    name = words[first : last + 1]
    last_flags = flags[last]
    if last_flags & _TITLE:
        return None
    if k < 0 and last_flags & _ORG:
        name = ("The", *name)  # kept only when "The " stands before it in the text
    titles = words[: k + 1]
    first_title = first
    while first_title > 0 and flags[first_title - 1] & _TITLE:
        first_title -= 1
    evidence: set[str] = set()
    roles: set[str] = set()
    if titles:
        evidence.add("title")
        for t in titles:
            roles.update(TITLE_NOUNS.get(t, ()))
            low = t.lower().rstrip(".")
            if low in _ROLE_TITLE_NOUNS:
                roles.add(low)
            if t in FEMALE_TITLES:
                evidence.add(FEMALE)
            elif t in MALE_TITLES:
                evidence.add(MALE)
    evidence |= word_evidence(words[last])
    if name[0] == "New" and " ".join(name[1:]) in _NEW_PLACES:  # "New York", "New Jersey"
        evidence -= {"surname", "org-head"}
        evidence.add("place-head")
    if "&" in name:  # "Procter & Gamble", "Hogan & Hartson": a firm
        evidence -= {"surname", "place-head", "first-name"}
        evidence.add("org-head")
    if "place-head" in evidence and is_country_body(name):
        evidence.symmetric_difference_update(("place-head", "org-head"))  # "Air Canada"
    if n > 1:
        evidence.discard("acronym")
    if last > first and flags[first] & _FIRST:
        evidence.add("first-name")
    return first_title, first, last, name, titles, frozenset(evidence), frozenset(roles)


def _body_of_shape(words: tuple[str, ...]) -> NameShape | None:
    """A body named "X of Y" ("Department of Justice", "Canadian Federation of Independent
    Business"): the shape of X, run on to the end, an organisation whatever Y's words
    are (a title, a place, a surname)."""
    i = words.index("of")
    head = _group_shape(words[:i])
    if head is None:
        return None
    first_title, first, _, name, titles, _, roles = head
    return first_title, first, len(words) - 1, (*name, *words[i:]), titles, _BODY, roles


_BODY: Final = frozenset({"org-head"})
