"""Names, pronouns and nominal mentions, and the in-document entities they refer to.

An :class:`EntityIndex` is built once per document. It finds person names (a capitalised
run whose first word is a known first name, or that follows a title), keeps the fullest
form of each person, and resolves later mentions to it:

* a surname alone ("Teigen", "Mrs. Clinton") goes to the person with that surname who was
  named most recently before it (titles and first names break ties by gender);
* a misspelt surname ("Teigan") goes to the one person whose surname is within a small
  edit distance;
* a scraped duplicate ("Chrissy Teigen Chrissy Teigen") is read once;
* a pronoun (he, she) goes to the most recent person of that gender named before it,
  outside quoted text, preferring the speaker of the previous quote.
"""

from __future__ import annotations

import bisect
import re

import attrs

from quotetrack.lexicon import (
    FEMALE_TITLES,
    MALE_TITLES,
    TITLE_NOUNS,
    TITLES,
    female_share,
    source_noun_kind,
)
from quotetrack.models import Span, SpeakerKind

__all__ = ["Entity", "EntityIndex", "NameMention", "edit_distance"]

_CAP = r"[A-Z\u00c0-\u00de][\w'\u2019\-]*[\w]"
_INITIAL = r"[A-Z]\."
_NAME_RUN = re.compile(
    rf"""
    (?<![\w'\u2019.\-])
    (?:(?:{_CAP}|{_INITIAL}|[A-Z][a-z]{{0,4}}\.)\s+)+     # leading capitals, titles, initials
    {_CAP}                                               # the last capitalised word
    """,
    re.VERBOSE,
)
_TOKEN = re.compile(r"\S+")
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_FEMALE, _MALE = "female", "male"
_LOOKBACK = 200  # mentions searched backwards when resolving (keeps cost linear)
_PLACE_PREPOSITIONS = frozenset("in at from of to for on near across".split())
_MAX_ANTECEDENT_GAP = 90  # characters of apposition allowed between a name and its "who"


_ROLE_BEFORE = re.compile(r"\b([a-z][a-z-]+)\s+$")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+([^,.;:()\u201c\u201d\"]{2,80}?)(?=,|\.|;|$)")
_ROLE_STOP = frozenset("of at for in on with from to who which that".split())


def _head_noun(phrase: str) -> str | None:
    """The head noun of a short noun phrase: its last word before a preposition or
    relative pronoun, lowercased ("former Sports Illustrated model" -> "model")."""
    head: str | None = None
    for word in phrase.split():
        low = word.lower().strip("'\u2019")
        if low in _ROLE_STOP:
            break
        if low.isalpha() or "-" in low:
            head = low
    return head


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance between ``a`` and ``b``, stopping early past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _gender_of_first(first: str) -> str | None:
    share = female_share(first)
    if share is None:
        return None
    if share >= 0.8:
        return _FEMALE
    if share <= 0.2:
        return _MALE
    return None


@attrs.frozen(slots=True)
class Entity:
    """A person named in the document, by the fullest form it is given."""

    name: str
    surname: str
    first: str | None
    gender: str | None
    kind: SpeakerKind = SpeakerKind.PERSON


@attrs.frozen(slots=True)
class NameMention:
    """One place where an entity is named."""

    span: Span
    entity: Entity


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Separate leading titles from the name proper."""
    k = 0
    while k < len(words) - 1 and words[k] in TITLES:
        k += 1
    return words[:k], words[k:]


def _dedupe(words: list[str]) -> list[str]:
    """'Chrissy Teigen Chrissy Teigen' -> 'Chrissy Teigen'."""
    n = len(words)
    if n % 2 == 0 and n >= 2 and words[: n // 2] == words[n // 2 :]:
        return words[: n // 2]
    return words


class EntityIndex:
    """The people named in one document and where each is mentioned."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]) -> None:
        self._text = text
        self._quoted_starts = [s for s, _ in quoted]
        self._quoted = quoted
        self._by_surname: dict[str, list[Entity]] = {}
        self._mentions: list[NameMention] = []
        self._positions: list[int] = []
        self._fuzzy_memo: dict[str, list[Entity]] = {}
        self._roles: dict[str, list[Entity]] = {}
        self._find_people()
        self._find_roles()

    # -- building -----------------------------------------------------------------
    def _inside_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and self._quoted[k][0] <= pos < self._quoted[k][1]

    def _find_people(self) -> None:
        text = self._text
        full: dict[tuple[str, str], Entity] = {}
        found: list[tuple[int, int, list[str], list[str]]] = []
        for m in _NAME_RUN.finditer(text):
            words = m.group().split()
            if len(words) < 2:
                continue  # one capitalised word names no one new (surnames resolve later)
            # "Later Bill Clinton": start at the first title or known first name.
            lead = next(
                (k for k, w in enumerate(words) if w in TITLES or female_share(w) is not None),
                0,
            )
            start = m.start() + len(" ".join(words[:lead])) + (1 if lead else 0)
            words = words[lead:]
            if text[start : start + len(words[0])] != words[0]:
                start = text.index(words[0], m.start())
            titles, name = _split_name(words)
            while name and name[-1] in _SUFFIXES:
                name = name[:-1]
            name = _dedupe(name)
            if not name:
                continue
            first = name[0]
            known_first = female_share(first) is not None
            if (len(name) >= 2 and (known_first or titles)) or (titles and len(name) == 1):
                found.append((start, m.end(), titles, name))
        # Full names first, so surnames can be resolved against them.
        for _, _, titles, name in found:
            if len(name) < 2:
                continue
            key = (name[0], name[-1])
            gender = _gender_of_first(name[0])
            if any(t in FEMALE_TITLES for t in titles):
                gender = _FEMALE
            elif any(t in MALE_TITLES for t in titles):
                gender = _MALE
            old = full.get(key)
            if old is None or len(" ".join(name)) > len(old.name):
                if gender is None and old is not None:
                    gender = old.gender
                full[key] = Entity(" ".join(name), name[-1], name[0], gender)
        for ent in full.values():
            self._by_surname.setdefault(ent.surname, []).append(ent)
        for start, end, titles, name in found:
            resolved = self._entity_for(name, titles, start)
            if resolved is not None:
                # found is in document order, so both lists stay sorted as they grow
                self._mentions.append(NameMention(Span(start, end, text[start:end]), resolved))
                self._positions.append(start)

    def _entity_for(self, name: list[str], titles: list[str], pos: int) -> Entity | None:
        surname = name[-1]
        candidates = self._by_surname.get(surname, [])
        if len(name) >= 2:
            for ent in candidates:
                if ent.first == name[0]:
                    return ent
        if not candidates:
            return None
        gender = (
            _FEMALE
            if any(t in FEMALE_TITLES for t in titles)
            else _MALE
            if any(t in MALE_TITLES for t in titles)
            else None
        )
        fitting = [e for e in candidates if gender is None or e.gender in (gender, None)]
        return self._most_recent(fitting or candidates, pos)

    def _most_recent(self, entities: list[Entity], pos: int) -> Entity:
        if len(entities) == 1:
            return entities[0]
        # Walk back from ``pos`` over at most _LOOKBACK mentions: bounded work per call.
        k = bisect.bisect_left(self._positions, pos) - 1
        for nm in self._mentions[max(0, k - _LOOKBACK) : k + 1][::-1]:
            if nm.entity in entities:
                return nm.entity
        return entities[0]

    def _find_roles(self) -> None:
        """What each person is said to be: 'Chrissy Teigen, the model, ...', 'singer John
        Legend', 'Sen. Elizabeth Warren' -> model / singer / senator."""
        text = self._text
        for nm in self._mentions:
            ent = nm.entity
            roles: set[str] = set()
            for word in nm.span.text.split():
                roles.update(TITLE_NOUNS.get(word, ()))
            before = _ROLE_BEFORE.search(text, max(0, nm.span.start - 40), nm.span.start)
            if before is not None and source_noun_kind(before.group(1)) == "person":
                roles.add(before.group(1).lower())
            after = _APPOSITION.match(text, nm.span.end)
            if after is not None:
                for part in re.split(r",| and ", after.group(1)):
                    head = _head_noun(part)
                    if head:
                        roles.add(head)
            for role in roles:
                bucket = self._roles.setdefault(role, [])
                if ent not in bucket:
                    bucket.append(ent)

    # -- resolving ----------------------------------------------------------------
    def resolve_nominal(self, phrase: str, pos: int) -> Entity | None:
        """The person a definite description refers to ("the senator", "The former Sports
        Illustrated model"): the one most recently named before ``pos`` whose title or
        apposition gives that noun."""
        words = phrase.split()
        if len(words) < 2 or words[0].lower() not in ("the", "this", "that"):
            return None
        head = _head_noun(" ".join(words[1:]))
        candidates = self._roles.get(head or "", [])
        if not candidates:
            return None
        return self._most_recent(candidates, pos)

    @property
    def mentions(self) -> list[NameMention]:
        """Every resolved name mention, in document order."""
        return self._mentions

    @property
    def positions(self) -> list[int]:
        """The start offset of each mention in :attr:`mentions` (sorted)."""
        return self._positions

    def antecedent(self, pos: int) -> Entity | None:
        """The person a relative "who" at ``pos`` refers to: one named just before it
        ("Army Capt. Christian Pardo, who said …"), with only an apposition between."""
        k = bisect.bisect_left(self._positions, pos) - 1
        if k < 0:
            return None
        mention = self._mentions[k]
        before = self._text[max(0, mention.span.start - 12) : mention.span.start].split()
        if before and before[-1].lower() in _PLACE_PREPOSITIONS:
            return None  # "steelworkers in Ohio, who said": a place, not the antecedent
        gap = self._text[mention.span.end : pos]
        if len(gap) > _MAX_ANTECEDENT_GAP or any(ch in gap for ch in '.;:!?\n"\u201c\u201d'):
            return None
        return mention.entity

    def inside_quote(self, pos: int) -> bool:
        """True when ``pos`` lies inside quoted text."""
        return self._inside_quote(pos)

    def resolve_name(self, mention: str, pos: int) -> Entity | None:
        """The person a name mention (with or without title) at ``pos`` refers to."""
        words = [w for w in mention.replace("\u2019s", "").replace("'s", "").split() if w]
        titles, name = _split_name(words)
        while name and name[-1] in _SUFFIXES:
            name = name[:-1]
        name = _dedupe(name)
        if not name:
            return None
        ent = self._entity_for(name, titles, pos)
        if ent is not None:
            return ent
        if len(name) == 1:
            return self._fuzzy(name[0], pos)
        return None

    def _fuzzy(self, word: str, pos: int) -> Entity | None:
        """A single word that misspells a known surname or is a known first name."""
        if len(word) < 4:
            return None
        close = self._fuzzy_memo.get(word)
        if close is None:
            limit = 1 if len(word) < 8 else 2
            close = [
                e
                for surname, ents in self._by_surname.items()
                if surname[0] == word[0] and edit_distance(surname, word, limit) <= limit
                for e in ents
            ]
            self._fuzzy_memo[word] = close
        if len({e.surname for e in close}) == 1:
            return self._most_recent(close, pos)
        by_first = [e for ents in self._by_surname.values() for e in ents if e.first == word]
        if len(by_first) == 1:
            return by_first[0]
        return None

    def resolve_pronoun(self, pronoun: str, pos: int, preferred: Entity | None) -> Entity | None:
        """The person a he/she at ``pos`` most likely refers to: the last person of that
        gender named before it outside quoted text; failing that, ``preferred`` (the previous
        quote's speaker) when its gender fits or is unknown; failing that, the last person
        of unknown gender."""
        p = pronoun.lower()
        gender = _MALE if p == "he" else _FEMALE if p == "she" else None
        if gender is None:
            return None
        k = bisect.bisect_left(self._positions, pos) - 1
        stop = max(-1, k - _LOOKBACK)
        fallback: Entity | None = None
        while k > stop:
            nm = self._mentions[k]
            k -= 1
            if self._inside_quote(nm.span.start):
                continue
            ent = nm.entity
            if ent.gender == gender:
                return ent
            if ent.gender is None and fallback is None:
                fallback = ent
        if preferred is not None and preferred.gender in (gender, None):
            return preferred
        return fallback
