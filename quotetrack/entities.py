"""The entities of one article: its names grouped into the people and bodies they name.

:class:`Entities` groups the candidates of :func:`~quotetrack.name_context.read_candidates`
and types each entity from the evidence of all its mentions:

* **Kinds.** A last word such as "County" or "Heights" makes a place and "Board" or "Inc."
  an organisation (over any first name); a title, a census first name, a person noun in
  apposition, an age, a "who", a lowercase role noun, or standing where a speaker stands
  (“…,” said X / X said) makes a person; an all-capitals acronym an organisation; anything
  else is *other* and is never a speaker's name by itself nor an antecedent of he/she.
* **Grouping.** Full names group by first and last word; a later shorter form joins the
  fullest name it is the tail of ("Al Sayed" → "Rana Al Sayed"); a lone word joins the
  person with that surname named nearest before it (so two Vells stay apart), the
  organisation it abbreviates or starts ("EDC", "Sorvik"), the one person with that
  first name, or the one surname it misspells ("Teigan" → "Teigen").
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import attrs

from quotetrack.kinds import FEMALE, MALE, EntityKind, is_org_head, is_place_name, is_role_title
from quotetrack.lexicon import NAME_PARTICLES, female_share, is_surname
from quotetrack.models import Span, SpeakerKind
from quotetrack.name_context import SPEAKING, SUBJECT, Candidate
from quotetrack.name_runs import is_given_name, word_evidence

__all__ = ["LOOKBACK", "Entities", "Entity", "NameMention", "edit_distance"]

LOOKBACK = 200
"""Name mentions searched backwards when resolving (keeps the cost linear)."""

_SURNAME_DECAY = 0.9  # per name mention back, when people who share a surname compete
# The longest tail of a fuller name that a shorter name joins by ("Al Sayed" in "Rana Al
# Sayed"); longer "names" are runs of capitals, no person's.
_MAX_TAIL = 8
_HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Mr", "Mrs", "Ms", "Dr"})
# Evidence that types a lone word by itself: without it (or "surname" with "subject") a
# lone word shows nothing of what it is.
_TYPING = frozenset(
    """
    speaks appos-person age who role-before acronym org-head place-head appos-org title
    first-name
    """.split()
)
_SURNAME_SUBJECT = frozenset({"surname", "subject"})
# Evidence that makes a person (strong evidence, or a census first name), an organisation,
# or that the name is a subject (so not a place after all, "in Varga" aside).
# Endings of the capitalised adjectives that open names of no person ("South Korean",
# "Democratic …", "British …"); a census given name so ending is typed before this.
_ADJECTIVE_ENDINGS = ("an", "ic", "ish", "ese", "ern", "th")
_PERSON_EVIDENCE = frozenset(
    {"title", "appos-person", "age", "who", "role-before", "first-name", "family"}
)
_ORGANISATION_EVIDENCE = frozenset({"acronym", "appos-org"})
# What the text says of a person named with a first name and a place's or body's last word.
_PERSON_CONTEXT = frozenset({"appos-person", "age", "family"})
# Evidence that a one-word name ending in a plural "-s" is one person all the same.
_ONE_PERSON = frozenset({"title", "first-name", "age", "family", FEMALE, MALE})
_SUBJECT_EVIDENCE = frozenset({"speaks", "subject"})

# Enum members as module constants: a member read from its class (EntityKind.PERSON)
# goes through the enum metaclass's __getattr__ on CPython 3.11, several times the
# cost of a global, and these are read for every name and every quote.
_PERSON, _ORGANISATION, _PLACE, _OTHER = (
    EntityKind.PERSON,
    EntityKind.ORGANISATION,
    EntityKind.PLACE,
    EntityKind.OTHER,
)
_GROUP, _PERSON_KIND = SpeakerKind.GROUP, SpeakerKind.PERSON


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


def _gender_of_name(first: str, last: str) -> str | None:
    """The gender a name's first word gives, unless the name is written family name
    first, its given name last and hyphenated ("Kim Jong-un", "Moon Jae-in"): then the
    first word is a surname and says nothing."""
    if "-" in last and first != last and is_surname(first):
        return None
    return _gender_of_first(first)


@functools.lru_cache(maxsize=1 << 14)
def _gender_of_first(first: str) -> str | None:
    share = female_share(first)
    if share is None:
        return None
    if share >= 0.8:
        return FEMALE
    if share <= 0.2:
        return MALE
    return None


@attrs.define(eq=False, slots=True)
class Entity:
    """A person, organisation, place or other named thing of one article, by the fullest
    form it is given. Identity is the object: two people named alike stay two."""

    name: str
    surname: str
    first: str | None
    gender: str | None
    span: Span
    """Where the fullest name stands in the text."""
    type: EntityKind = EntityKind.OTHER
    roles: set[str] = attrs.field(factory=set)
    evidence: set[str] = attrs.field(factory=set)

    @property
    def kind(self) -> SpeakerKind:
        """The speaker kind of this entity: an organisation, or a place that speaks for
        its government ("Texas asked a judge …"), is a group."""
        if self.type is _ORGANISATION or self.type is _PLACE:
            return _GROUP
        return _PERSON_KIND

    @property
    def is_person(self) -> bool:
        """True when the article shows this entity is a person."""
        return self.type is _PERSON

    @property
    def may_be_person(self) -> bool:
        """True for an untyped name that stands where a person stands: it speaks ("Varga
        said"), or it is a full name that ends in a census surname ("Jalen Moro"), or a
        surname that is a subject ("Varga didn't hesitate"). Such a name may be a he/she
        antecedent."""
        if self.type is not _OTHER:
            return self.is_person
        ev = self.evidence
        if " " in self.name:
            if self.first is not None and _plural_word(self.first):
                return False  # "Statistics Canada said", "Veterans Affairs": a body
            return bool(ev & {"speaks", "surname"})
        return "speaks" in ev or {"surname", "subject"} <= ev


class NameMention(NamedTuple):
    """One place where an entity is named, and how prominently (its salience weight): a
    named tuple, as an article has one per name and tuples are the cheapest record Python
    builds (see _mention)."""

    text: str
    """The document's text."""
    start: int
    end: int
    entity: Entity
    weight: float

    @property
    def span(self) -> Span:
        """Where the mention stands (its title, if any, and the name)."""
        return Span(self.start, self.end, self.text[self.start : self.end])


_mention = tuple.__new__  # builds a NameMention without the named tuple's Python-level __new__


def _short_form(first: str, named: list[Entity]) -> Entity | None:
    """The one person of ``named`` (same surname) whose first name is a longer form of
    ``first`` or a short form of it ("Xander" and "Alexander", "Chris" and "Christopher")."""
    found = [
        e
        for e in named
        if e.first is not None
        and e.first != first
        and min(len(e.first), len(first)) >= 3
        and abs(len(e.first) - len(first)) >= 2
        and (
            e.first.startswith(first)
            or e.first.endswith(first.lower())
            or first.startswith(e.first)
            or first.endswith(e.first.lower())
        )
    ]
    return found[0] if len(found) == 1 else None


class Entities:
    """The entities of one article, grouped from its candidates (in document order), and
    the tables that answer who a name means."""

    def __init__(self, text: str, cands: list[Candidate]) -> None:
        self._text = text
        self._entities: list[Entity] = []
        self._org_keys: dict[str, Entity] = {}
        self._fuzzy_memo: dict[str, list[Entity]] = {}
        self.by_surname: dict[str, list[Entity]] = {}
        """The people with a first name, by surname."""
        self.by_first: dict[str, list[Entity]] = {}
        """The full names of no organisation or place, by first word."""
        self.roles: dict[str, list[Entity]] = {}
        """The entities a title or apposition gives each role (lowercase noun)."""
        self.all: list[NameMention] = []
        """Every name mention of any kind, in document order."""
        self.all_positions: list[int] = []
        """The start offset of each mention in :attr:`all`."""
        self.mentions: list[NameMention] = []
        """Every mention of a person, in document order."""
        self.positions: list[int] = []
        """The start offset of each mention in :attr:`mentions`."""
        self.salient: list[NameMention] = []
        """The mentions outside quoted text of what may be a speaker or antecedent."""
        self._build(cands)

    def _build(self, cands: list[Candidate]) -> None:
        text = self._text
        entities = self._entities
        assigned: list[Entity | None] = [None] * len(cands)
        full: dict[tuple[str, str], Entity] = {}
        tails: dict[str, Entity] = {}  # the last two or more words of each fuller name
        by_last: dict[str, list[Entity]] = {}  # full names by their last word
        for i, c in enumerate(cands):
            name = c.name
            if len(name) < 2:
                continue
            joined = " ".join(name)
            # a body "X of Y" is keyed by X's last word ("Parole Board of Canada": Board)
            last = name[name.index("of") - 1] if "of" in name else name[-1]
            key = (name[0], last)
            ent = full.get(key)
            if ent is None:
                ent = tails.get(joined)  # "Al Sayed" in "Rana Al Sayed"
            if ent is None and len(name) == 2:
                named = by_last.get(last)
                ent = _short_form(name[0], named) if named else None
                if ent is not None:
                    full[key] = ent
            if ent is None:
                gender = _gender_of_name(name[0], last)  # refined by the evidence below
                span = Span(c.name_start, c.end, text[c.name_start : c.end])
                ent = Entity(joined, last, name[0], gender, span)
                full[key] = ent
                by_last.setdefault(last, []).append(ent)
                # the tails of at most _MAX_TAIL words: a run of capitals of any length
                # ("J. J. J. …") would make each name cost the square of its length
                for j in range(max(1, len(name) - _MAX_TAIL), len(name) - 1):
                    tails[" ".join(name[j:])] = ent
                entities.append(ent)
            elif len(joined) > len(ent.name) and ent.surname == last:
                ent.name, ent.first = joined, name[0]
                ent.span = Span(c.name_start, c.end, text[c.name_start : c.end])
            assigned[i] = ent
        for ent in entities:
            # full names are typed by their last word for now
            head = word_evidence(ent.surname)
            if "org-head" in head:
                words = ent.name.split()
                self._org_keys.setdefault(words[0], ent)
                self._org_keys.setdefault("".join(w[0] for w in words if w[:1].isupper()), ent)
            elif "place-head" not in head:
                self.by_surname.setdefault(ent.surname, []).append(ent)
                self.by_first.setdefault(ent.first or "", []).append(ent)
        # single words, in order, so each can join the nearest person named before it;
        # the evidence of every mention gathers on its entity as it is placed
        singles: dict[str, Entity] = {}
        gathered: dict[Entity, set[str]] = {}
        honorifics: dict[Entity, str] = {}
        placed = _Placed([c.weight for c in cands])
        # each candidate is placed in turn: counts gets one more entry, and placed_at
        # the candidate's index under its entity
        counts, placed_at = placed.counts, placed.at
        for i, c in enumerate(cands):
            ent = assigned[i]
            if ent is None:
                ent = self._single(c, i, cands, assigned, placed, gathered) or singles.get(
                    c.name[0]
                )
                if ent is None:
                    if c.evidence.isdisjoint(_TYPING) and not c.evidence >= _SURNAME_SUBJECT:
                        counts.append(counts[-1])  # placed with no one
                        continue  # a lone word that shows nothing of what it is
                    word = c.name[0]
                    span = Span(c.name_start, c.end, text[c.name_start : c.end])
                    ent = Entity(word, word, None, None, span)
                    singles[word] = ent
                    entities.append(ent)
                assigned[i] = ent
            counts.append(counts[-1] + 1)
            evidence = gathered.get(ent)
            if evidence is None:
                placed_at[ent] = [i]  # placed and gathered have the same keys
                gathered[ent] = set(c.evidence)
            else:
                placed_at[ent].append(i)
                evidence |= c.evidence
            if c.titles and ent not in honorifics:
                honorific = next((t for t in c.titles if t in _HONORIFICS), None)
                if honorific is not None:
                    honorifics[ent] = honorific
        # type again with the evidence of all the mentions each entity gathered
        by_surname: dict[str, list[Entity]] = {}
        self.by_surname = by_surname
        salient: set[Entity] = set()
        for ent in entities:
            _absorb_evidence(ent, gathered.get(ent, set()))
            if ent.first is None and ent in honorifics and " " not in ent.name:
                # known only as "Mrs. Clinton": the honorific is all the name says of her
                ent.name = f"{honorifics[ent]} {ent.name}"
            if ent.type is _PERSON:
                salient.add(ent)
                if ent.first is not None:
                    by_surname.setdefault(ent.surname, []).append(ent)
            elif ent.type is _ORGANISATION or "speaks" in ent.evidence or ent.may_be_person:
                salient.add(ent)
        for ent in entities:
            if (
                ent.type is _OTHER
                and ent.first is not None
                and ent.surname in by_surname
                and not is_surname(ent.surname)
                and ent.first.lower() not in NAME_PARTICLES
                and not ent.first.lower().endswith(_ADJECTIVE_ENDINGS)
            ):
                # "Megda Belkacemi" beside the person Khaled Belkacemi: a rare surname
                # two names share is a family's, so a person
                _absorb_evidence(ent, ent.evidence | {"family"})
                salient.add(ent)
                by_surname[ent.surname].append(ent)
        roles = self.roles
        holders: set[tuple[str, Entity]] = set()
        all_mentions, all_positions = self.all, self.all_positions
        mentions, positions, salient_mentions = self.mentions, self.positions, self.salient
        for c, ent in zip(cands, assigned, strict=True):
            if ent is None:
                continue
            if c.roles:
                ent.roles.update(c.roles)
                for role in c.roles:
                    if (role, ent) not in holders:
                        holders.add((role, ent))
                        roles.setdefault(role, []).append(ent)
            start = c.start
            nm = _mention(NameMention, (text, start, c.end, ent, c.weight))
            all_mentions.append(nm)
            all_positions.append(start)
            if c.weight and not c.quoted and ent in salient:
                salient_mentions.append(nm)
            if ent.type is _PERSON:
                mentions.append(nm)
                positions.append(start)

    def _single(
        self,
        c: Candidate,
        i: int,
        cands: list[Candidate],
        assigned: list[Entity | None],
        placed: _Placed,
        gathered: dict[Entity, set[str]],
    ) -> Entity | None:
        """The entity a one-word name joins: the person of that surname named nearest
        before it (or after, for a headline) whose gender, as the mentions placed so far
        (``gathered``) show it, does not clash with the pronoun after it ("Belkacemi says
        she …"); an organisation it abbreviates or starts."""
        word = c.name[0]
        if i and "acronym" in c.evidence and self._text[c.start - 2 : c.start] == " (":
            before = assigned[i - 1]
            if before is not None and cands[i - 1].end == c.start - 2:
                self._org_keys.setdefault(word, before)  # and so every later "EDC"
                return before  # "Export Development Corp. (EDC)": the name it abbreviates
        people = self.by_surname.get(word)
        if people:
            ev = c.evidence
            gender = MALE if MALE in ev else FEMALE if FEMALE in ev else None
            if gender is not None:  # "Mr. Khan": by the gender the name gives
                fitting = [e for e in people if e.gender in (gender, None)]
            else:  # "Belkacemi says she …": by what the mentions so far show too
                gender = MALE if "says-he" in ev else FEMALE if "says-she" in ev else None
                fitting = [
                    e
                    for e in people
                    if gender is None or _gender_so_far(e, gathered) in (gender, None)
                ]
            return placed.nearest(fitting or people, i)
        if is_place_name(word):
            return None  # "Chicago", "Illinois": the place, not a name it starts
        named = None if is_org_head(word) else self.by_first.get(word)
        if named:  # "Alva" for Alva Ruiz; "Kim" for the Kim in view; not "Twitter" (Research)
            return placed.nearest(named, i)
        org = self._org_keys.get(word)  # "Sorvik" (Energy), "EDC"
        if org is not None or c.weight < SPEAKING or is_surname(word) or is_given_name(word):
            return org  # a census name is no misspelling
        return self.misspelt(word)  # "Teigan said" for Chrissy Teigen

    def misspelt(self, word: str) -> Entity | None:
        """The one person whose surname ``word`` misspells (a small edit distance)."""
        if len(word) < 4:
            return None
        close = self._fuzzy_memo.get(word)
        if close is None:
            limit = 1 if len(word) < 8 else 2
            close = [
                e
                for surname, ents in self.by_surname.items()
                if surname[0] == word[0] and edit_distance(surname, word, limit) <= limit
                for e in ents
            ]
            self._fuzzy_memo[word] = close
        return close[0] if len({e.surname for e in close}) == 1 else None


# The weight of a mention ``n`` placed mentions back, as the walk back of
# _Placed.nearest takes it: multiplied once per mention, so the sums come out the same.
_DECAYS = [1.0]
for _ in range(LOOKBACK):
    _DECAYS.append(_DECAYS[-1] * _SURNAME_DECAY)


class _Placed:
    """The entities the candidates were placed with so far, in candidate order: the
    indices each was placed at, and how many were placed before each index (filled by
    Entities._build as it places each candidate, a call saved per candidate)."""

    __slots__ = ("at", "counts", "weights")

    def __init__(self, weights: list[float]) -> None:
        self.weights = weights
        self.at: dict[Entity, list[int]] = {}
        self.counts = [0]  # counts[j]: how many of the first j candidates were placed

    def nearest(self, entities: list[Entity], i: int) -> Entity:
        """Of several people sharing a name, the one most prominent among the mentions
        placed within :data:`LOOKBACK` candidates before the ``i``-th (subjects and
        speakers, each weighing less by :data:`_SURNAME_DECAY` per placed mention
        between); failing that, the one named last."""
        if len(entities) == 1:
            return entities[0]
        lo = max(0, i - LOOKBACK)
        here, counts, weights = self.counts[i], self.counts, self.weights
        scores: dict[Entity, float] = {}
        nearest: Entity | None = None
        last = -1
        for ent in entities:
            indices = self.at.get(ent, ())
            k = len(indices) - 1
            if k < 0 or indices[k] < lo:
                continue
            if indices[k] > last:
                nearest, last = ent, indices[k]
            while k >= 0 and indices[k] >= lo:  # nearest first, as the sums were taken
                j = indices[k]
                if weights[j] >= SUBJECT:
                    decay = _DECAYS[here - counts[j + 1]]
                    scores[ent] = scores.get(ent, 0.0) + weights[j] * decay
                k -= 1
        if scores:
            return max(entities, key=lambda e: scores.get(e, 0.0))
        return nearest or entities[0]


@functools.lru_cache(maxsize=1 << 12)
def _plural_word(word: str) -> bool:
    """True for a capitalised plural noun opening a name ("Statistics", "Veterans"): no
    given name ends so, unless the census knows it ("James", "Charles")."""
    return (
        word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and not is_given_name(word)
        and female_share(word) is None
        and not is_surname(word)
        and not is_role_title(word[:-1])  # "Senators X and Y": people
    )


def _gender_so_far(ent: Entity, gathered: dict[Entity, set[str]]) -> str | None:
    """The gender of ``ent`` from its name or the gendered words of its mentions so far
    ("her father Khaled")."""
    if ent.gender is not None:
        return ent.gender
    ev = gathered.get(ent, ())
    if MALE in ev:
        return None if FEMALE in ev else MALE
    return FEMALE if FEMALE in ev else None


def _absorb_evidence(ent: Entity, ev: set[str]) -> None:
    """Type ``ent`` and give it a gender from the evidence of all its mentions."""
    ent.evidence = ev
    ent.type = _OTHER
    # A title, or a census first name with a person's apposition or age ("Anna Park, a
    # nurse,"; "Mike Press, 41,"), outweighs a place's or a body's last word (not a "who":
    # "a lawyer for the Sierra Club, who" is the lawyer).
    headed = "title" not in ev and ("first-name" not in ev or ev.isdisjoint(_PERSON_CONTEXT))
    if "place-head" in ev and headed:
        ent.type = _PLACE
    elif "org-head" in ev and headed:
        ent.type = _ORGANISATION
    elif not ev.isdisjoint(_PERSON_EVIDENCE):
        ent.type = _PERSON
    elif not ev.isdisjoint(_ORGANISATION_EVIDENCE):
        ent.type = _ORGANISATION
    elif "place-prep" in ev and ev.isdisjoint(_SUBJECT_EVIDENCE):
        ent.type = _PLACE
    if ent.type is _OTHER and " " not in ent.name and _plural_word(ent.name):
        if ev.isdisjoint(_TYPING) or not ev.isdisjoint(_ONE_PERSON):
            return
        ent.type = _ORGANISATION  # "The Brujas said", "Saudis": a group
        ev.add("plural")  # of people: never an "it" nor "the company"
        return
    if ent.type is not _PERSON:
        return
    if " " in ent.name:
        plural = ent.first is not None and _plural_word(ent.first)
    else:
        plural = _plural_word(ent.name) and ev.isdisjoint(_ONE_PERSON)
    if plural:
        ent.type = _ORGANISATION  # "Veterans Affairs Minister X": the department
        if " " not in ent.name:
            ev.add("plural")  # "Analysts" with a role: people, not a body
        return
    if FEMALE in ev and MALE not in ev:
        ent.gender = FEMALE
    elif MALE in ev and FEMALE not in ev:
        ent.gender = MALE
    else:
        ent.gender = _gender_of_name(ent.first or ent.name, ent.surname)
