"""Speaker keys across a store: every in-article name that names someone, keyed so that
one person's names share a key (pure functions, no I/O).

:func:`resolve` keys the in-article names of a whole store (:class:`Alias`, with how often
each was seen): groups by their name, persons by their name's key, a misspelt full name
("Hilary Clinton") by the full name it is a misspelling of, and a partial name ("Clinton",
"Mrs. Clinton") by the one fuller name that fits it. :func:`display_name` picks the name
a record is shown under. :mod:`quotetrack.identity` builds the store's records on these
keys; what a name is (cleaning, keys, kinds) is :mod:`quotetrack.names`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from quotetrack.entities import edit_distance
from quotetrack.lexicon import is_surname
from quotetrack.models import SpeakerKind
from quotetrack.names import PersonName, group_key, known_first, parse_person

__all__ = ["Alias", "display_name", "resolve"]


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
        return not known_first(word)
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
            group = group_key(alias.name)
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
