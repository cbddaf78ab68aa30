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
)
from quotetrack.mentions import edit_distance
from quotetrack.models import Speaker, SpeakerKind

__all__ = [
    "MIN_CLUSTER_WORDS",
    "MIN_CONTAINED_WORDS",
    "NICKNAMES",
    "SHINGLE_WORDS",
    "Alias",
    "PersonName",
    "alias_for",
    "clean_name",
    "display_name",
    "fits_key",
    "is_name_form",
    "parse_person",
    "quote_tokens",
    "resolve",
    "shingles",
    "similar",
    "speaker_key",
    "speaker_tag",
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
    ``gender`` is what a title says ("Mrs." → female), if anything."""

    words: tuple[str, ...]
    gender: str | None = None
    full: bool = attrs.field(init=False, eq=False, repr=False)
    """True when the name has a known first name and a surname."""
    key: str = attrs.field(init=False, eq=False, repr=False)
    """``first surname`` for a full name, all its words for a partial one."""

    def __attrs_post_init__(self) -> None:
        # Derived once (resolve() reads them tens of thousands of times); frozen, hence
        # object.__setattr__ as attrs documents.
        full = len(self.words) >= 2 and _known_first(self.words[0])
        object.__setattr__(self, "full", full)
        key = f"{self.first} {self.surname}" if full else " ".join(self.words)
        object.__setattr__(self, "key", key)

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


@functools.lru_cache(maxsize=1 << 16)
def parse_person(name: str) -> PersonName | None:
    """Take a person's name apart, or return None when ``name`` does not look like one
    (a pronoun, a description such as "the senator", a headline fragment, two sentences
    run together such as "Donald J. Trump. Mr. Putin"). Cached: names recur."""
    words = clean_name(name).split()
    for word in words[:-1]:
        bare = word.rstrip(",")
        if bare.endswith(".") and not _INITIAL.match(bare):
            if bare.lower().rstrip(".") not in _ABBREVIATIONS:
                return None  # a sentence ends inside the "name"
    while words and words[-1].lower().rstrip(".,") in _SUFFIXES:
        words.pop()
    while len(words) > 1 and _fold(words[0]) in _LEADING_WORDS:
        words.pop(0)  # a capitalised sentence start caught in the name: "Of Carson"
    if len(words) == 1 and _fold(words[0]).rstrip(".") in _LEADING_WORDS | _TITLE_WORDS:
        return None  # "According" (to), "Republican", "Mr."
    # Everything up to the last title is a description: "Vermont Sen. Bernie Sanders",
    # "House Speaker Paul Ryan", "Mrs. Clinton". A title as the last word is a surname
    # ("Stephen King").
    titles = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in _TITLE_WORDS]
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
    particle = ""
    for i, word in enumerate(words):
        bare = word.rstrip(",")
        lower = bare.lower().rstrip(".")
        if lower in _SUFFIXES:
            continue
        if _INITIAL.match(bare):
            continue
        if (
            bare.lower() in NAME_PARTICLES
            and i < len(words) - 1
            and (bare.islower() or i > 0 or not _known_first(lower))
        ):
            particle += _fold(bare) + " "
            continue
        if not bare[:1].isupper() or any(c.isdigit() for c in bare):
            return None
        kept.append(particle + _fold(bare.rstrip(".")))
        particle = ""
    if not kept or len(kept) > _MAX_NAME_WORDS or kept[0] in _PRONOUNS:
        return None
    return PersonName(tuple(kept), gender)


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
    if kind is SpeakerKind.GROUP:
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
    if person is None or person.full:
        return False
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
        if alias.kind is SpeakerKind.GROUP:
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
    partial = sorted({p.words for p in persons.values() if not p.full}, key=lambda w: (-len(w), w))
    for words in partial:
        bare = PersonName(words)
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
