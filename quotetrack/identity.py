"""Who is who across articles, and which quotes are the same words: pure functions, no I/O.

The parser resolves mentions *inside* one article: its :attr:`Speaker.name` is the
fullest form the article gives ("Hillary Clinton" even where the cue says "Mrs. Clinton"
or "she"). This module links those in-article names *across* articles, and groups
re-quoted lines. :class:`~quotetrack.tracker.Tracker` stores; this module decides.

**Speakers.** :func:`resolve` maps every in-article name (an :class:`Alias`) to a speaker
key, or to nothing (pronouns, anonymous sources, text that is not a name):

1. A name is cleaned (possessive "’s", titles such as "Mrs." or "Secretary", suffixes
   such as "Jr.", initials) into name words. A name whose first word is a known first
   name (US Census 1990 list, or a common nickname of one) and that has a surname is
   *full*: its key is first name + surname, so "Hillary Clinton", "Hillary Rodham
   Clinton" and "Hillary R. Clinton" share the key ``hillary clinton``, while "Bill
   Clinton" (``william clinton``) does not. Common nicknames fold into their formal name
   ("Bernie"/"Bernard", "Joe"/"Joseph"; see :data:`NICKNAMES`).
2. A full name spelt slightly differently from another with the same first name
   ("Chrissy Teigan", "Chrissy Teigen") is linked to it when the edit distance is small,
   that other name is its only such neighbour, the odd spelling is not itself a common
   surname ("Kelley" is not a typo of "Kelly"), and the other name is seen in more
   articles. The same holds for a first name that differs, with the surname the same.
3. Any other name (a surname alone, "Mrs. Clinton", "Wasserman Schultz") is *partial*.
   It is linked to a longer name ending with the same words only when exactly one
   speaker fits: "Clinton" fits both Hillary and Bill Clinton and stays a speaker of its
   own; "Mrs. Clinton" fits only Hillary (the title says she is a woman, the first-name
   list says Bill is a man). A partial name that fits no one exactly is matched by edit
   distance ("Teigan" → "Chrissy Teigen"), again only when exactly one speaker fits.
4. Groups ("The New York Post", kind GROUP) are keyed by their name without a leading
   "The"; they are never fuzzily linked. Anonymous sources have no cross-article
   identity.

The result depends on the *set* of names and on how many articles each appears in, never
on the order they arrived in. See ``docs/tracker.md`` for where this fails.

**Quotes.** :func:`quote_tokens` normalises a quote (case, punctuation, curly or straight
marks, dashes, whitespace) into words; :func:`shingles` hashes its word 4-grams for an
index; :func:`similar` says whether two quotes are the same line: the longest common
word runs cover at least 80% of the shorter one, so a shorter quote contained in a longer
one, or a copy with a few words changed, both count.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from quotetrack.lexicon import (
    ABBREVIATIONS,
    FEMALE_TITLES,
    GROUP_PRONOUNS,
    MALE_TITLES,
    NAME_PARTICLES,
    SPEAKER_PRONOUNS,
    TITLES,
    female_share,
    is_surname,
    source_noun_kind,
)
from quotetrack.mentions import edit_distance
from quotetrack.models import Speaker, SpeakerKind

__all__ = [
    "DOMINANCE",
    "MIN_CLUSTER_WORDS",
    "MIN_CONTAINED_WORDS",
    "NICKNAMES",
    "PERIOD_DAYS",
    "SHINGLE_WORDS",
    "Alias",
    "Ambiguity",
    "Correction",
    "Occurrence",
    "PersonName",
    "Record",
    "Resolution",
    "alias_for",
    "alias_form",
    "article_evidence",
    "canonical_name",
    "clean_name",
    "display_name",
    "fits_key",
    "is_name_form",
    "parse_person",
    "quote_tokens",
    "record_kind",
    "resolve",
    "resolve_store",
    "shingles",
    "similar",
    "speaker_key",
    "speaker_tag",
    "split_key",
]

# --- names -------------------------------------------------------------------------

NICKNAMES: Final[Mapping[str, str]] = {
    "bill": "william",
    "billy": "william",
    "bob": "robert",
    "bobby": "robert",
    "rob": "robert",
    "joe": "joseph",
    "jim": "james",
    "jimmy": "james",
    "mike": "michael",
    "tom": "thomas",
    "tommy": "thomas",
    "bernie": "bernard",
    "dan": "daniel",
    "danny": "daniel",
    "dave": "david",
    "tony": "anthony",
    "chuck": "charles",
    "charlie": "charles",
    "ben": "benjamin",
    "nick": "nicholas",
    "matt": "matthew",
    "andy": "andrew",
    "greg": "gregory",
    "ron": "ronald",
    "don": "donald",
    "dick": "richard",
    "rick": "richard",
    "jeff": "jeffrey",
    "ken": "kenneth",
    "larry": "lawrence",
    "pete": "peter",
    "liz": "elizabeth",
    "debbie": "deborah",
    "hank": "henry",
    "ed": "edward",
    "rudy": "rudolph",
}
"""Common English nicknames folded into one formal first name for the speaker key.
Ambiguous ones (Chris, Pat, Sam, Steve, Ted, Alex) are left out on purpose."""

_TITLE_WORDS: Final = frozenset(t.lower().rstrip(".") for t in TITLES) | frozenset(
    {"mr", "mrs", "ms", "dr", "presidential", "democratic", "gop", "nominee", "first", "u.s"}
    | {"pres", "vp", "atty", "hon", "supt", "asst"}
)
_FEMALE_TITLE_WORDS: Final = frozenset(t.lower().rstrip(".") for t in FEMALE_TITLES)
_MALE_TITLE_WORDS: Final = frozenset(t.lower().rstrip(".") for t in MALE_TITLES)
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ABBREVIATIONS: Final = frozenset(ABBREVIATIONS) | _TITLE_WORDS | _SUFFIXES
_PRONOUNS: Final = frozenset(p.lower() for p in SPEAKER_PRONOUNS | GROUP_PRONOUNS)
_LEADING_WORDS: Final = frozenset(  # words a name cannot start with ("Of Carson")
    """
    the a an of and but or so as at in on to for from with by after before when while
    if here here's there there's that this then said says asked told according
    """.split()
)
_MAX_NAME_WORDS: Final = 4
_MAX_GROUP_WORDS: Final = 8
_APOSTROPHES: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_POSSESSIVE: Final = re.compile(r"(?:'s|s')$|'$")
_INITIAL: Final = re.compile(r"^(?:[A-Za-z]\.)+$|^[A-Z]$")
_FEMALE, _MALE = "female", "male"


@functools.lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    """Casefolded, accents removed, curly apostrophes straightened."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def clean_name(name: str) -> str:
    """``name`` as it should be listed: one space between words, no possessive "’s",
    no trailing punctuation ("Donald Trump’s," becomes "Donald Trump")."""
    words = name.split()
    if not words:
        return ""
    last = words[-1].rstrip(",;:!?")
    straight = last.translate(_APOSTROPHES)
    match = _POSSESSIVE.search(straight)
    if match and len(straight) > 2:
        last = last[: match.start()] + ("s" if match.group() == "s'" else "")
    if last.endswith(".") and last.rstrip(".").lower() not in _ABBREVIATIONS:
        if not _INITIAL.match(last):
            last = last.rstrip(".")
    words[-1] = last
    return " ".join(w for w in words if w)


@attrs.frozen(slots=True)
class PersonName:
    """A person's name taken apart: ``words`` are folded name words without titles,
    suffixes or initials (particles such as "de" are glued to the next word);
    ``gender`` is what a title says ("Mrs." → female), if anything; ``suffix`` is "jr",
    "sr", "ii", "iii" or "iv" when the name carries one (it tells a son from his father,
    so it is part of the key); ``display`` is the name as it should be shown: the name
    words, initials and suffix as written, without titles or descriptions ("Florida Gov.
    Jeb Bush" → "Jeb Bush")."""

    words: tuple[str, ...]
    gender: str | None = None
    suffix: str | None = None
    display: str = attrs.field(default="", eq=False, repr=False)
    full: bool = attrs.field(init=False, eq=False, repr=False)
    """True when the name has a known first name and a surname."""
    key: str = attrs.field(init=False, eq=False, repr=False)
    """``first surname [suffix]`` for a full name, all its words [and suffix] for a
    partial one."""

    def __attrs_post_init__(self) -> None:
        # Derived once (resolve() reads them tens of thousands of times); frozen, hence
        # object.__setattr__ as attrs documents.
        full = len(self.words) >= 2 and _known_first(self.words[0])
        object.__setattr__(self, "full", full)
        key = f"{self.first} {self.surname}" if full else " ".join(self.words)
        object.__setattr__(self, "key", f"{key} {self.suffix}" if self.suffix else key)

    @property
    def surname(self) -> str:
        """The last name word, folded."""
        return self.words[-1]

    @property
    def first(self) -> str:
        """The first name word, folded, nicknames replaced by the formal name."""
        return NICKNAMES.get(self.words[0], self.words[0])

    @property
    def first_gender(self) -> str | None:
        """The gender the first name suggests (Census shares of 90% or more), if any."""
        if not self.full:
            return None
        share = female_share(self.words[0])
        if share is None:
            share = female_share(self.first)
        if share is None:
            return None
        if share >= 0.9:
            return _FEMALE
        if share <= 0.1:
            return _MALE
        return None


def _known_first(word: str) -> bool:
    return word in NICKNAMES or female_share(word) is not None


_WEEKDAYS: Final = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_INNER_POSSESSIVE: Final = re.compile(r"(?:'s|s')$")


def _is_role(word: str, *, surname_ok: bool = True) -> bool:
    """A word that says what someone is, not who ("Republican", "spokesman"); with
    ``surname_ok``, not when it is also a common surname ("King", "Major")."""
    folded = _fold(word).rstrip(".")
    if surname_ok and is_surname(folded):
        return False
    return folded in _TITLE_WORDS or source_noun_kind(folded) == "person"


@functools.lru_cache(maxsize=1 << 16)
def parse_person(name: str) -> PersonName | None:
    """Take a person's name apart, or return None when ``name`` does not look like one
    (a pronoun, a description such as "the senator" or "Orlando Republican", a
    possessive phrase such as "Trump's son", a headline fragment, two sentences run
    together such as "Donald J. Trump. Mr. Putin"). Cached: names recur."""
    words = clean_name(name).split()
    for word in words[:-1]:
        bare = word.rstrip(",")
        if bare.endswith(".") and not _INITIAL.match(bare):
            if bare.lower().rstrip(".") not in _ABBREVIATIONS:
                return None  # a sentence ends inside the "name"
        if _INNER_POSSESSIVE.search(bare.translate(_APOSTROPHES)) and len(bare) > 2:
            return None  # "Trump's Republican", "Bush's Facebook"
    suffix: str | None = None
    while words and words[-1].lower().rstrip(".,") in _SUFFIXES:
        suffix = suffix or words[-1].lower().rstrip(".,")
        words.pop()
    while len(words) > 1 and _fold(words[0]) in _LEADING_WORDS:
        words.pop(0)  # a capitalised sentence start caught in the name: "Of Carson"
    if not words:
        return None
    if len(words) == 1 and (
        _fold(words[0]).rstrip(".") in _LEADING_WORDS | _TITLE_WORDS
        or _is_role(words[0], surname_ok=False)
    ):
        return None  # "According" (to), "Republican", "Mr.", "Pastor"
    if (len(words) > 1 and _is_role(words[-1])) or _fold(words[-1]) in _WEEKDAYS:
        return None  # "Orlando Republican", "Former Clinton Pollster", "Florida Friday"
    # Everything up to the last title is a description: "Vermont Sen. Bernie Sanders",
    # "House Speaker Paul Ryan", "Mrs. Clinton". A title as the last word is a surname
    # ("Stephen King").
    titles = [
        i
        for i, w in enumerate(words[:-1])
        if w.lower().rstrip(".") in _TITLE_WORDS
        or (w[:1].isupper() and not _known_first(_fold(w)) and _is_role(w, surname_ok=False))
    ]
    gender: str | None = None
    if titles:
        for word in words[: titles[-1] + 1]:
            title = word.lower().rstrip(".")
            if title in _FEMALE_TITLE_WORDS:
                gender = _FEMALE
            elif title in _MALE_TITLE_WORDS:
                gender = _MALE
        words = words[titles[-1] + 1 :]
    # A capitalised word before a known first name is a description too ("Rival Hillary
    # Clinton"), when a first name and a surname remain.
    if len(words) >= 3 and not _known_first(_fold(words[0])):
        for i in range(1, len(words) - 1):
            if _known_first(_fold(words[i].rstrip("."))) and not _INITIAL.match(words[i]):
                words = words[i:]
                break
    kept: list[str] = []
    shown: list[str] = []
    particle = ""
    for i, word in enumerate(words):
        bare = word.rstrip(",")
        lower = bare.lower().rstrip(".")
        if lower in _SUFFIXES:
            continue
        if _INITIAL.match(bare):
            if kept:
                shown.append(bare)
            continue
        if (
            bare.lower() in NAME_PARTICLES
            and i < len(words) - 1
            and (bare.islower() or i > 0 or not _known_first(lower))
        ):
            particle += _fold(bare) + " "
            shown.append(bare)
            continue
        if not bare[:1].isupper() or any(c.isdigit() for c in bare):
            return None
        kept.append(particle + _fold(bare.rstrip(".")))
        shown.append(bare.rstrip("."))
        particle = ""
    if not kept or len(kept) > _MAX_NAME_WORDS or kept[0] in _PRONOUNS:
        return None
    if suffix is not None:
        shown.append(_SUFFIX_FORMS[suffix])
    return PersonName(tuple(kept), gender, suffix, display=" ".join(shown))


_SUFFIX_FORMS: Final = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}


def canonical_name(name: str, kind: SpeakerKind = SpeakerKind.PERSON) -> str:
    """``name`` as a record shows it: a person's name words without titles, role words
    or descriptions ("So Labor Secretary Thomas Perez" → "Thomas Perez", "Vice President
    Joseph R. Biden Jr." → "Joseph R. Biden Jr."); an organisation or group without a
    leading "the" article when it is lowercase; otherwise :func:`clean_name`."""
    if kind is SpeakerKind.PERSON:
        person = parse_person(name)
        if person is not None and person.display:
            return person.display
    cleaned = clean_name(name)
    if cleaned.startswith("the "):
        return cleaned[4:]
    return cleaned


_COURTESY: Final = {"mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "miss": "Miss", "dr": "Dr."}


def alias_form(name: str, kind: SpeakerKind = SpeakerKind.PERSON) -> str | None:
    """An in-article name as a record lists it among its aliases: the name words as
    written, with a courtesy title kept before a bare surname ("Mr. Trump"), without
    role words ("Republican presidential nominee Donald Trump" → "Donald Trump");
    None when ``name`` is no name."""
    if kind is not SpeakerKind.PERSON:
        return canonical_name(name, kind) or None
    person = parse_person(name)
    if person is None:
        return None
    if not person.full and person.gender is not None:
        words = clean_name(name).split()
        courtesy = [
            _COURTESY[w.lower().rstrip(".")] for w in words if w.lower().rstrip(".") in _COURTESY
        ]
        if courtesy:
            return f"{courtesy[-1]} {person.display}"
    return person.display


_ORG_WORDS: Final = frozenset(
    """
    administration agency association authority bank board bureau campaign center centre
    convention state
    church club coalition college commission committee company congress corp corporation
    council court department foundation fund government group house inc institute journal
    league ltd ministry network news office organization organisation party police post
    press school senate service society times tribune union university magazine
    """.split()
)
"""Words that name organisations, not people ("Fox News", "The White House")."""


@functools.lru_cache(maxsize=1 << 14)
def record_kind(name: str, kind: SpeakerKind) -> SpeakerKind | None:
    """What a name followed across articles is: the parser's ``kind`` corrected where the
    name says otherwise ("the FBI", "CNN", "Fox News" → organisation; "Republicans",
    "Democrats" → group); None for what is no speaker at all ("Polls", "Others",
    "The Wisconsin Republican": a description with no name in it)."""
    if kind is SpeakerKind.ANONYMOUS:
        return kind
    words = clean_name(name).split()
    if not words:
        return None
    the = words[0].lower() == "the"
    body = words[1:] if the else words
    if not body:
        return None
    last = _fold(body[-1]).rstrip(".")
    noun = source_noun_kind(last)
    if noun in ("document", "partitive", "anonymous") and len(body) == 1:
        return None  # "Polls", "Officials"
    if last in {"others", "other", "many", "some", "both", "all"}:
        return None
    if kind is SpeakerKind.PERSON and the and _is_role(body[-1]):
        return None  # "The Wisconsin Republican": a description, resolved in-article or not at all
    if kind is SpeakerKind.PERSON and not the:
        person = parse_person(name)
        if person is not None and person.full and not any(w in _ORG_WORDS for w in person.words):
            return kind  # "House Speaker Paul Ryan": an organisation word in a description
    organisation = the or any(_fold(w).rstrip(".") in _ORG_WORDS for w in body)
    if len(body) == 1:
        word = body[0]
        if (
            word.isupper()
            and len(word) <= 6
            and not is_surname(word)
            and not _known_first(word.lower())
        ):
            organisation = True  # "CNN", "FBI", not "TRUMP" (a transcript label)
        elif (
            word[:1].isupper()
            and word.endswith("s")
            and not is_surname(_fold(word))
            and not _known_first(_fold(word))
            and (
                _is_role(word[:-1], surname_ok=False)
                or source_noun_kind(_fold(word)) in ("group", "person", "anonymous")
                or word.lower() in _PLURALS
            )
        ):
            return SpeakerKind.GROUP  # "Republicans", "Democrats"
    if organisation:
        plural = last.endswith("s") and last not in _ORG_WORDS and last[:-1] in _PLURAL_HEADS
        return SpeakerKind.GROUP if plural else SpeakerKind.ORGANISATION
    return kind


_PLURALS: Final = frozenset(
    "republicans democrats americans conservatives liberals progressives voters".split()
)
_PLURAL_HEADS: Final = frozenset(
    "republican democrat american conservative liberal progressive voter supporter".split()
)


def _group_key(name: str) -> str | None:
    words = clean_name(name).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or len(words) > _MAX_GROUP_WORDS or not words[0][:1].isupper():
        return None
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return None
    return " ".join(_fold(w) for w in words)


def speaker_key(name: str, kind: SpeakerKind) -> str | None:
    """The key of ``name`` on its own, before any linking: ``person:<key>`` or
    ``group:<key>``; None when it names no one that can be followed across articles."""
    if kind is SpeakerKind.ANONYMOUS:
        return None
    if kind in (SpeakerKind.GROUP, SpeakerKind.ORGANISATION):
        key = _group_key(name)
        return None if key is None else f"group:{key}"
    person = parse_person(name)
    return None if person is None else f"person:{person.key}"


def is_name_form(text: str, kind: SpeakerKind) -> bool:
    """True when ``text`` is a name as one would list it: name words, titles, initials
    and suffixes only ("Mrs. Clinton", "Sen. Bernie Sanders"), not a mention that caught
    other words ("So Donald Trump", "Ohio Gov. John Kasich", "Of Carson")."""
    if kind is SpeakerKind.GROUP:
        return _group_key(text) is not None
    person = parse_person(text)
    if person is None:
        return False
    kept = {part for word in person.words for part in word.split()}
    words = clean_name(text).split()
    if _fold(words[0]) in _LEADING_WORDS:
        return False  # "A Clinton"
    for word in words:
        bare = word.rstrip(",")
        folded = _fold(bare.rstrip("."))
        if folded in kept or _INITIAL.match(bare) or bare.lower() in NAME_PARTICLES:
            continue
        if folded in _TITLE_WORDS or folded in _SUFFIXES:
            continue
        return False
    return True


def fits_key(text: str, kind: SpeakerKind, key: str) -> bool:
    """True when the name ``text`` could refer to the speaker keyed ``key``: the same
    key, the key's surname or last words ("Mrs. Clinton" for ``person:hillary clinton``)
    or its first name alone ("Hillary"). "Ivanka Trump" does not fit Donald Trump."""
    own = speaker_key(text, kind)
    if own is None:
        return False
    if own == key or kind is not SpeakerKind.PERSON:
        return own == key
    person = parse_person(text)
    key_words = tuple(key.removeprefix("person:").split())
    if person is None or person.full or not key_words:
        return False
    suffix = key_words[-1] if key_words[-1] in _SUFFIXES else None
    if suffix is not None:
        key_words = key_words[:-1]
    if person.suffix is not None and person.suffix != suffix:
        return False  # "Trump Jr." is not Donald Trump
    if person.gender is not None and len(key_words) >= 2:
        gender = PersonName(key_words).first_gender
        if gender is not None and gender != person.gender:
            return False  # "Mrs. Clinton" is not Bill Clinton
    n = len(person.words)
    return key_words[-n:] == person.words or (n == 1 and person.words[0] == key_words[0])


def alias_for(speaker: Speaker) -> str | None:
    """The name under which ``speaker`` is followed across articles: the in-article name,
    cleaned; or the mention itself ("Tester") when that name is not a name (a parser
    slip such as "Donald Trump. Montana Sen. Jon Tester"); None for pronouns and
    anonymous sources."""
    for candidate in (speaker.name, speaker.mention.text):
        if speaker_key(candidate, speaker.kind) is not None:
            return clean_name(candidate)
    return None


@attrs.frozen(slots=True)
class Alias:
    """One in-article name as stored, with how often it was seen."""

    name: str
    kind: SpeakerKind = SpeakerKind.PERSON
    quotes: int = 1
    articles: int = 1


def _threshold(a: str, b: str) -> int:
    """How many edits a misspelling may carry: none for short words, one from five
    letters, two from ten."""
    shorter = min(len(a), len(b))
    if shorter >= 10:
        return 2
    return 1 if shorter >= 5 else 0


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


class _FuzzyIndex:
    """Words within a small edit distance of a word, in time linear in the vocabulary
    (a deletion-neighbourhood index: two words within distance d share a form with at
    most d characters deleted)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._index: dict[str, set[str]] = defaultdict(set)
        for word in set(words):
            for form in _deletions(word, 2 if len(word) >= 10 else 1):
                self._index[form].add(word)

    def near(self, word: str) -> set[str]:
        """Other indexed words within the allowed edit distance of ``word``."""
        found: set[str] = set()
        for form in _deletions(word, 2 if len(word) >= 10 else 1):
            found |= self._index.get(form, set())
        found.discard(word)
        return {w for w in found if edit_distance(word, w, 2) <= _threshold(word, w)}


@attrs.frozen(slots=True)
class _Stats:
    articles: int
    quotes: int


def _stronger(a: tuple[_Stats, str], b: tuple[_Stats, str]) -> bool:
    """True when key ``a`` should absorb key ``b``: more articles, then more quotes,
    then the alphabetically first key (only to make ties deterministic)."""
    (sa, ka), (sb, kb) = a, b
    return (-sa.articles, -sa.quotes, ka) < (-sb.articles, -sb.quotes, kb)


def _looks_misspelt(word: str, *, first: bool) -> bool:
    if first:
        return not _known_first(word)
    return not is_surname(word)


def _link_full_names(full: Mapping[str, PersonName], stats: Mapping[str, _Stats]) -> dict[str, str]:
    """Key → key for full names that are misspellings of another full name."""
    by_first: dict[str, list[str]] = defaultdict(list)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key, name in full.items():
        by_first[name.first].append(key)
        by_surname[name.surname].append(key)
    surnames = _FuzzyIndex(n.surname for n in full.values())
    firsts = _FuzzyIndex(n.first for n in full.values())
    links: dict[str, str] = {}
    for key in sorted(full):
        name = full[key]
        neighbours: set[str] = set()
        for surname in surnames.near(name.surname):
            neighbours.update(
                k for k in by_surname[surname] if full[k].first == name.first and k != key
            )
        for first in firsts.near(name.first):
            neighbours.update(
                k for k in by_first[first] if full[k].surname == name.surname and k != key
            )
        if len(neighbours) != 1:
            continue
        other = neighbours.pop()
        odd_first = full[other].first != name.first
        word = name.first if odd_first else name.surname
        if not _looks_misspelt(word, first=odd_first):
            continue
        if _stronger((stats[other], other), (stats[key], key)):
            links[key] = other
    return links


def resolve(aliases: Iterable[Alias]) -> dict[tuple[str, SpeakerKind], str]:
    """The speaker key of every alias that names someone, keyed by ``(name, kind)``.

    Aliases that name no one (pronouns, anonymous sources, non-names) are left out of
    the result. Keys look like ``person:hillary clinton`` or ``group:new york post``.
    """
    persons: dict[tuple[str, SpeakerKind], PersonName] = {}
    out: dict[tuple[str, SpeakerKind], str] = {}
    stats: dict[str, _Stats] = {}
    for alias in aliases:
        ref = (alias.name, alias.kind)
        if alias.kind is SpeakerKind.ANONYMOUS:
            continue
        if alias.kind in (SpeakerKind.GROUP, SpeakerKind.ORGANISATION):
            group = _group_key(alias.name)
            if group is not None:
                out[ref] = f"group:{group}"
            continue
        person = parse_person(alias.name)
        if person is None:
            continue
        persons[ref] = person
        old = stats.get(person.key, _Stats(0, 0))
        stats[person.key] = _Stats(old.articles + alias.articles, old.quotes + alias.quotes)

    full = {p.key: p for p in persons.values() if p.full}
    target = {key: key for key in stats}
    target.update(_link_full_names(full, stats))

    # Partial names, longest first, so that "Wasserman Schultz" is settled before
    # "Schultz" looks for names ending with it.
    by_surname: dict[str, dict[str, PersonName]] = defaultdict(dict)
    for person in persons.values():
        by_surname[person.surname][person.key] = person
    surname_index = _FuzzyIndex(p.surname for p in persons.values() if p.full or len(p.words) > 1)
    partial = sorted(
        {(p.words, p.suffix or "") for p in persons.values() if not p.full},
        key=lambda ws: (-len(ws[0]), ws),
    )
    for words, suffix in partial:
        bare = PersonName(words, None, suffix or None)
        target[bare.key] = _fit(bare, by_surname, surname_index, target, full) or bare.key
    for ref, person in persons.items():
        key = target[person.key]
        if not person.full and person.gender:
            # "Mrs. Clinton" may fit where "Clinton" does not, and must not follow
            # "Clinton" to a man.
            key = _fit(person, by_surname, surname_index, target, full) or person.key
        out[ref] = f"person:{key}"
    return out


def _fit(
    person: PersonName,
    by_surname: Mapping[str, Mapping[str, PersonName]],
    surname_index: _FuzzyIndex,
    target: Mapping[str, str],
    full: Mapping[str, PersonName],
) -> str | None:
    """The one speaker a partial name fits, or None when none or several do."""

    def fitting(surnames: Iterable[str], exact: bool) -> set[str]:
        found: set[str] = set()
        n = len(person.words)
        for surname in surnames:
            for key, other in by_surname.get(surname, {}).items():
                if len(other.words) <= n and not other.full:
                    continue
                if exact and other.words[-n:] != person.words:
                    continue
                if not exact and (n > 1 or len(other.words) < 2):
                    continue
                if person.suffix is not None and other.suffix != person.suffix:
                    continue
                gender = full[key].first_gender if key in full else None
                if person.gender and gender and gender != person.gender:
                    continue
                found.add(target.get(key, key))
        found.discard(person.key)
        return found

    candidates = fitting([person.surname], exact=True)
    if not candidates and len(person.words) == 1 and not is_surname(person.surname):
        candidates = fitting(surname_index.near(person.surname), exact=False)
    return candidates.pop() if len(candidates) == 1 else None


def display_name(aliases: Sequence[Alias]) -> str:
    """The name to show for a speaker: its most quoted full name (then most articles,
    then shortest, then alphabetical); failing that, a name of two words or more
    ("Barack Obama" rather than "Mr. Obama"); a surname alone only when there is
    nothing else."""

    def rank(alias: Alias) -> tuple[int, int, int, int, int, str]:
        person = parse_person(alias.name) if alias.kind is SpeakerKind.PERSON else None
        is_full = person is not None and person.full
        words = 0 if person is None else min(len(person.words), 2)
        return (
            -int(is_full),
            -words,
            -alias.quotes,
            -alias.articles,
            len(alias.name),
            alias.name,
        )

    if not aliases:
        msg = "display_name needs at least one alias"
        raise ValueError(msg)
    return min(aliases, key=rank).name


# --- the store's records ----------------------------------------------------------------

DOMINANCE: Final = 3
"""How many times more articles (in the same period) the most seen full name with a
surname needs than the next one before a bare surname is linked to it."""

PERIOD_DAYS: Final = 183
"""Articles this close in time to a bare-surname article count as evidence for whom
the surname means (about six months either side)."""


@attrs.frozen(slots=True)
class Occurrence:
    """One in-article name in one article, as the store holds it.

    ``evidence`` lists the fuller names in the article text that end with the same
    surname ("Hillary Clinton", "Bill Clinton"; see :func:`article_evidence`): it is
    what the article says the bare name could mean.
    """

    name: str
    kind: SpeakerKind
    doc_id: str
    quotes: int = 1
    published: dt.date | None = None
    outlet: str | None = None
    evidence: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Record:
    """A speaker followed across articles: its key, the name it is shown under, its
    kind (person, organisation, group)."""

    key: str
    name: str
    kind: SpeakerKind
    person_id: str | None = None
    """The id a people registry gives this record, if any."""


@attrs.frozen(slots=True)
class Ambiguity:
    """A bare name in one article that could mean several records: it was left apart."""

    name: str
    kind: SpeakerKind
    doc_id: str
    candidates: tuple[str, ...]
    """The record keys it could mean, sorted."""


@attrs.frozen(slots=True)
class Correction:
    """A correction made by hand, kept in the store and applied by every resolution.

    ``action`` is ``"merge"`` (the records keyed ``a`` and ``b`` are one: ``b`` joins
    ``a``) or ``"split"`` (the in-article name ``a`` of kind ``b`` is a record of its
    own, never linked by the rules; a later merge may join it to another record).
    """

    action: str
    a: str
    b: str


@attrs.frozen(slots=True)
class Resolution:
    """Who every in-article name of every article is.

    ``keys`` maps ``(name, kind value, doc_id)`` to a record key (names that follow no
    one are absent); ``records`` maps each key to its :class:`Record`."""

    keys: Mapping[tuple[str, str, str], str]
    records: Mapping[str, Record]
    ambiguous: tuple[Ambiguity, ...]


def split_key(name: str, kind: SpeakerKind) -> str:
    """The key of an in-article name split off by hand."""
    prefix = "person" if kind is SpeakerKind.PERSON else "group"
    return f"{prefix}:{' '.join(_fold(w) for w in clean_name(name).split())} (split)"


_TRAILING_NAME: Final = re.compile(r"((?:[A-Z][\w'\u2019.-]*[^\S\n]+){1,4})$")
_SUFFIX_AFTER: Final = re.compile(r",?[^\S\n]+(?:Jr|Sr)\.?|[^\S\n]+I{2,3}\b")


@functools.lru_cache(maxsize=4096)
def _surname_pattern(surname: str) -> re.Pattern[str]:
    words = r"[^\S\n]+".join(re.escape(w) for w in surname.split())
    return re.compile(rf"\b{words}\b", re.IGNORECASE)


def article_evidence(text: str, name: str) -> tuple[str, ...]:
    """The fuller names in ``text`` that end with the words of the bare name ``name``
    ("Clinton" → "Hillary Clinton", "Bill Clinton"), each as the article writes it
    without titles, sorted. Title-case lines (headlines) and words that are no name
    ("Meanwhile Trump", "PMDonald Trump") are skipped. Empty when ``name`` is no bare
    person name."""
    person = parse_person(name)
    if person is None or person.full:
        return ()
    n = len(person.words)
    surname = " ".join(clean_name(name).split()[-n - (person.suffix is not None) :])
    if person.suffix is not None:
        surname = " ".join(surname.split()[:-1])
    found: set[str] = set()
    for match in _surname_pattern(surname).finditer(text):
        line = text.rfind("\n", 0, match.start()) + 1
        before_words = _TRAILING_NAME.search(text, max(line, match.start() - 80), match.start())
        if before_words is None or _headline(text, match.start()):
            continue
        suffix = _SUFFIX_AFTER.match(text, match.end())
        tail = match.group() + (suffix.group() if suffix else "")
        prefix = before_words.group(1).split()
        before = text[: before_words.start()].rstrip()
        line_start = not before or "\n" in text[len(before) : before_words.start()]
        for i in range(len(prefix)):
            candidate = parse_person(" ".join([*prefix[i:], tail.strip()]))
            if candidate is None:
                continue
            if len(candidate.words) > n and candidate.words[-n:] == person.words:
                previous = prefix[i - 1] if i else "." if line_start else before[-1:]
                opens = previous[-1] in '.!?:"\u201d\u201c' and (
                    not i or previous.lower().rstrip(".") not in _ABBREVIATIONS
                )
                if _evidence_name(candidate, opens_sentence=opens):
                    found.add(candidate.display)
            break
    return tuple(sorted(found))


_NOT_FIRST: Final = frozenset(
    """
    neither both another meanwhile team even many most other some several interestingly
    co will also all every each why what how who when where which while not no new
    """.split()
)
_GLUED: Final = re.compile(r"^[A-Z]{2,}[a-z]")  # "PMDonald": two words run together


def _evidence_name(candidate: PersonName, *, opens_sentence: bool) -> bool:
    """True when a fuller name found in the text is a person's name: a known first name,
    or a plausible one not opening a sentence ("Khizr Khan", not "Although Rubio"), and
    no organisation word inside ("Washington Post Trump")."""
    if any(w in _ORG_WORDS for w in candidate.words):
        return False
    if candidate.full:
        return True
    first = candidate.display.split()[0]
    return len(candidate.words) == 2 and not opens_sentence and _plausible_first(first)


def _plausible_first(word: str) -> bool:
    """A word that can be an unlisted first name ("Khizr", "Reince")."""
    folded = _fold(word)
    return (
        word.isalpha()
        and word[:1].isupper()
        and word[1:].islower()
        and not _GLUED.match(word)
        and folded not in _NOT_FIRST | _LEADING_WORDS | _WEEKDAYS
        and not _is_role(word)
    )


def _headline(text: str, at: int) -> bool:
    """True when the line around ``at`` is in title case (a headline or a caption)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = text[start : end if end >= 0 else len(text)].split()
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= 0.7 * len(words)


def resolve_store(
    occurrences: Iterable[Occurrence],
    corrections: Iterable[Correction] = (),
    people: Mapping[str, str] | None = None,
) -> Resolution:
    """Decide who every in-article name of a store is: a pure function of the *set* of
    occurrences and corrections, so ingest order never matters.

    1. Names are typed (:func:`record_kind`) and keyed by :func:`resolve` over the
       store's in-article names with their article counts: full names, misspellings,
       and partial names that exactly one record fits.
    2. A bare name (surname, title + surname, "Trump Jr.") in one article is linked to
       the fuller name its article gives, when the article gives exactly one that fits
       (:func:`article_evidence`; a title of the other sex, another suffix do not fit).
       When the article gives several, the name is ambiguous (below).
       When it gives none, the name is linked to the record with that surname seen in
       :data:`DOMINANCE` times more articles of the same period (±
       :data:`PERIOD_DAYS`) than any other that fits (or to the only one). When
       several fit and none dominates, the name is *ambiguous*: it is linked to no
       record and reported, never merged.
    3. Corrections: a split name keeps its own record; merges join records.
    4. A people registry (``people``: speaker key → person id, see
       :func:`quotetrack.people.registry_keys`) gives a record the id of the one person
       its key or one of its names' keys belongs to; records given the same id are
       one person and are joined.
    """
    occ = sorted(set(occurrences), key=_occurrence_order)
    split = {(c.a, c.b) for c in corrections if c.action == "split"}
    merges = sorted({(c.a, c.b) for c in corrections if c.action == "merge"})
    kinds: dict[tuple[str, SpeakerKind], SpeakerKind | None] = {}
    docs: dict[tuple[str, SpeakerKind], set[str]] = defaultdict(set)
    quotes: Counter[tuple[str, SpeakerKind]] = Counter()
    for o in occ:
        ref = (o.name, o.kind)
        if ref not in kinds:
            kinds[ref] = record_kind(o.name, o.kind)
        docs[ref].add(o.doc_id)
        quotes[ref] += o.quotes
    auto = [
        Alias(name, typed, quotes[(name, kind)], len(docs[(name, kind)]))
        for (name, kind), typed in sorted(kinds.items(), key=lambda kv: _ref_order(kv[0]))
        if typed is not None and (name, kind.value) not in split
    ]
    typed_keys = resolve(auto)
    base = {
        (name, kind): typed_keys[(name, typed)]
        for (name, kind), typed in kinds.items()
        if typed is not None and (name, typed) in typed_keys
    }
    linker = _SurnameLinker(occ, base, kinds)
    keys: dict[tuple[str, str, str], str] = {}
    ambiguous: list[Ambiguity] = []
    for o in occ:
        ref = (o.name, o.kind)
        if kinds[ref] is None:
            continue
        if (o.name, o.kind.value) in split:
            keys[(o.name, o.kind.value, o.doc_id)] = split_key(o.name, o.kind)
            continue
        key = base.get(ref)
        if key is None:
            continue
        if kinds[ref] is SpeakerKind.PERSON:
            key, candidates = linker.link(o, key)
            if len(candidates) > 1:
                # Never a record of its own: a bare "Trump" record is a fragment of
                # every Trump; the quote keeps its in-article name and is listed.
                ambiguous.append(Ambiguity(o.name, o.kind, o.doc_id, candidates))
                continue
        keys[(o.name, o.kind.value, o.doc_id)] = key
    # A merged record keeps the name its surviving record had: merge(a, b) shows a.
    before = _records(occ, keys, kinds, linker.shown, {}) if merges else {}
    keys = _apply_merges(keys, merges)
    person_ids: dict[str, str] = {}
    if people:
        keys, person_ids = _link_people(occ, keys, kinds, people)
    records = _records(occ, keys, kinds, linker.shown, person_ids)
    for key, record in records.items():
        if key in before and before[key].name != record.name:
            records[key] = attrs.evolve(record, name=before[key].name)
    return Resolution(keys, records, tuple(ambiguous))


def _occurrence_order(o: Occurrence) -> tuple[str, str, str, int]:
    return (o.doc_id, o.name, o.kind.value, o.quotes)


def _ref_order(ref: tuple[str, SpeakerKind]) -> tuple[str, str]:
    return (ref[0], ref[1].value)


class _SurnameLinker:
    """Step 2 of :func:`resolve_store`: bare names to the record their article, or the
    store, says they mean."""

    def __init__(
        self,
        occ: Sequence[Occurrence],
        base: Mapping[tuple[str, SpeakerKind], str],
        kinds: Mapping[tuple[str, SpeakerKind], SpeakerKind | None],
    ) -> None:
        self.base = base
        # Fuller person names by last word, with their keys and article dates.
        self.fuller: dict[str, dict[str, PersonName]] = defaultdict(dict)
        self.dates: dict[str, list[dt.date | None]] = defaultdict(list)
        self.shown: dict[str, str] = {}  # key -> display name, for keys met only as evidence
        self.target: dict[str, str] = {}  # a name's own key -> its record's key
        seen: set[tuple[str, str]] = set()
        for o in occ:
            if kinds.get((o.name, o.kind)) is not SpeakerKind.PERSON:
                continue
            person = parse_person(o.name)
            key = base.get((o.name, o.kind))
            if person is None or key is None:
                continue
            self.target[f"person:{person.key}"] = key
            if len(person.words) < 2:
                continue
            self.fuller[person.surname][key] = person
            if (key, o.doc_id) not in seen:
                seen.add((key, o.doc_id))
                self.dates[key].append(o.published)

    def candidates(self, person: PersonName, names: Iterable[PersonName]) -> set[str]:
        """Keys of the fuller ``names`` that ``person`` (a bare name) may mean."""
        n = len(person.words)
        found: set[str] = set()
        for other in names:
            if len(other.words) <= n or other.words[-n:] != person.words:
                continue
            if person.suffix is not None and other.suffix != person.suffix:
                continue
            gender = other.first_gender
            if person.gender and gender and gender != person.gender:
                continue
            key = f"person:{other.key}"
            found.add(self.target.get(key, key))
        return found

    def link(self, o: Occurrence, key: str) -> tuple[str, tuple[str, ...]]:
        """The key for ``o`` (a person name whose store-wide key is ``key``), and the
        candidates when it is ambiguous."""
        person = parse_person(o.name)
        if person is None or person.full:
            return key, ()
        from_article = []
        for shown in o.evidence:
            other = parse_person(shown)
            if other is not None:
                from_article.append(other)
        in_article = self.candidates(person, from_article)
        for other in from_article:
            self.shown.setdefault(f"person:{other.key}", other.display)
        if len(in_article) == 1:
            return in_article.pop(), ()
        own = f"person:{person.key}"
        if len(in_article) > 1:
            return own, tuple(sorted(in_article))
        stored = self.candidates(person, self.fuller[person.surname].values())
        stored.discard(own)
        if not stored:
            return key, ()
        support = sorted(
            ((self._support(c, o.published), c) for c in stored), key=lambda sc: (-sc[0], sc[1])
        )
        best, best_key = support[0]
        runner = support[1][0] if len(support) > 1 else 0
        if len(support) == 1 or best >= max(1, DOMINANCE * runner):
            return best_key, ()
        return own, tuple(sorted(stored))

    def _support(self, key: str, day: dt.date | None) -> int:
        dates = self.dates.get(key, [])
        if day is None:
            return len(dates)
        near = sum(1 for d in dates if d is None or abs((d - day).days) <= PERIOD_DAYS)
        return near


def _link_people(
    occ: Sequence[Occurrence],
    keys: dict[tuple[str, str, str], str],
    kinds: Mapping[tuple[str, SpeakerKind], SpeakerKind | None],
    people: Mapping[str, str],
) -> tuple[dict[tuple[str, str, str], str], dict[str, str]]:
    """Step 4 of :func:`resolve_store`: person ids for records, and records that share
    one joined (into the most quoted)."""
    ids: dict[str, set[str]] = defaultdict(set)
    quotes: Counter[str] = Counter()
    for o in occ:
        key = keys.get((o.name, o.kind.value, o.doc_id))
        kind = kinds.get((o.name, o.kind))
        if key is None or kind is None:
            continue
        quotes[key] += o.quotes
        own = speaker_key(o.name, kind)
        for candidate in (key, own):
            if candidate is not None and candidate in people:
                ids[key].add(people[candidate])
    by_id: dict[str, list[str]] = defaultdict(list)
    for key, found in ids.items():
        if len(found) == 1:
            by_id[next(iter(found))].append(key)
    merges: list[tuple[str, str]] = []
    person_ids: dict[str, str] = {}
    for pid, members in sorted(by_id.items()):
        members.sort(key=lambda k: (-quotes[k], k))
        merges.extend((members[0], other) for other in members[1:])
        person_ids[members[0]] = pid
    return _apply_merges(keys, merges), person_ids


def _apply_merges(
    keys: dict[tuple[str, str, str], str], merges: Sequence[tuple[str, str]]
) -> dict[tuple[str, str, str], str]:
    """Hand merges: ``b`` joins ``a`` (chains and cycles settle on one key)."""
    if not merges:
        return keys
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for a, b in merges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    return {ref: find(k) for ref, k in keys.items()}


def _records(
    occ: Sequence[Occurrence],
    keys: Mapping[tuple[str, str, str], str],
    kinds: Mapping[tuple[str, SpeakerKind], SpeakerKind | None],
    shown: Mapping[str, str],
    person_ids: Mapping[str, str],
) -> dict[str, Record]:
    """Each key's record: the shown name and the kind most of its quotes give."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    typed: dict[str, Counter[SpeakerKind]] = defaultdict(Counter)
    for o in occ:
        key = keys.get((o.name, o.kind.value, o.doc_id))
        kind = kinds.get((o.name, o.kind))
        if key is None or kind is None:
            continue
        form = canonical_name(o.name, kind)
        names[key][form] += o.quotes
        docs[(key, form)].add(o.doc_id)
        typed[key][kind] += o.quotes
    records = {}
    for key in sorted(names):
        kind = min(typed[key].items(), key=lambda kv: (-kv[1], kv[0].value))[0]
        forms = [Alias(f, kind, n, len(docs[(key, f)])) for f, n in sorted(names[key].items())]
        name = display_name(forms)
        person = parse_person(name) if kind is SpeakerKind.PERSON else None
        if key in shown and (person is None or not person.full):
            name = shown[key]  # a bare name linked by its article: show the article's name
        records[key] = Record(key, name, kind, person_ids.get(key))
    return records


# --- quotes ------------------------------------------------------------------------

SHINGLE_WORDS: Final = 4
"""Words per shingle in the near-duplicate index."""

MIN_CLUSTER_WORDS: Final = 6
"""Quotes shorter than this (after normalisation) are never clustered: "We will win"
in two articles is a common phrase, not a re-quoted line."""

MIN_CONTAINED_WORDS: Final = 8
"""Words a quote needs to count as contained in a longer one."""

_SIMILARITY: Final = 0.8
_WORD: Final = re.compile(r"\w+")
_DROP: Final = str.maketrans(dict.fromkeys("'\u2019\u2018\u02bc`", None))


def quote_tokens(text: str) -> tuple[str, ...]:
    """The words of a quote for comparison: compatibility-normalised, casefolded, with
    apostrophes dropped ("don’t" and "dont" agree) and every other mark a separator."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_DROP)
    return tuple(_WORD.findall(folded))


_MASK: Final = (1 << 64) - 1
_PRIME: Final = 0x100000001B3  # FNV-1a's 64-bit prime


def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def shingles(tokens: Sequence[str]) -> frozenset[int]:
    """Stable signed 64-bit hashes of the word 4-grams of ``tokens`` (empty when the
    quote is too short to cluster). Stable across processes and Python versions, unlike
    :func:`hash`, so they can be stored."""
    if len(tokens) < MIN_CLUSTER_WORDS:
        return frozenset()
    words = [_word_hash(t) for t in tokens]
    out = set()
    for i in range(len(words) - SHINGLE_WORDS + 1):
        h = 0
        for w in words[i : i + SHINGLE_WORDS]:
            h = ((h ^ w) * _PRIME) & _MASK
        out.add(h - (1 << 64) if h >= 1 << 63 else h)
    return frozenset(out)


def speaker_tag(name: str | None, kind: SpeakerKind | None) -> str | None:
    """What two quotes' speakers must share for one to count as contained in the other:
    the surname of a person ("Donald Trump" and "Mr. Trump" agree), the key of a group;
    None when the speaker is unknown (an unknown speaker agrees with anyone)."""
    if name is None or kind is None:
        return None
    if kind is SpeakerKind.GROUP:
        return _group_key(name)
    if kind is SpeakerKind.PERSON:
        person = parse_person(name)
        return None if person is None else person.surname
    return None


def similar(
    a: Sequence[str], b: Sequence[str], tag_a: str | None = None, tag_b: str | None = None
) -> bool:
    """True when two tokenised quotes are the same line.

    Both must have at least :data:`MIN_CLUSTER_WORDS` words and their common word runs
    must cover 80% of the shorter one. When they also cover 80% of the longer one the
    two are copies (wire copy, small edits) and that is enough. Otherwise the shorter
    is contained in the longer: that counts only when it has at least
    :data:`MIN_CONTAINED_WORDS` words and the speakers' tags (:func:`speaker_tag`) do not
    disagree, so a stock phrase ("to serve as president of the United States") does not
    chain unrelated quotes together.
    """
    shorter, longer = sorted((len(a), len(b)))
    if shorter < MIN_CLUSTER_WORDS:
        return False
    a, b = tuple(a), tuple(b)
    if a == b:
        return True
    if b < a:  # difflib's matching blocks depend on argument order: fix one
        a, b = b, a
    # Matching runs never cover more words than the two bags share: a cheap bound that
    # rules out most candidates (which share only a common phrase) before difflib.
    bag = Counter(a)
    bag.subtract(b)
    unmatched = sum(n for n in bag.values() if n > 0)
    if len(a) - unmatched < _SIMILARITY * shorter:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    if common < _SIMILARITY * shorter:
        return False
    if common >= _SIMILARITY * longer:
        return True
    agree = tag_a is None or tag_b is None or tag_a == tag_b
    return shorter >= MIN_CONTAINED_WORDS and agree
