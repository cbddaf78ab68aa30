"""The names of one article, typed and grouped into the entities they name, and looked up.

An :class:`EntityIndex` is built once per document: its names are read in context by
:func:`~quotetrack.name_context.read_candidates` (name runs cut at sentence ends and
possessives, titles and roles peeled off, the evidence around each name) and grouped into
typed entities by :class:`~quotetrack.entities.Entities`. The index then answers who a
name, a relative "who", a coordinated name or an office means at a place of the text.

Pronouns and descriptions are resolved against this index by
:mod:`quotetrack.coreference`.
"""

from __future__ import annotations

import bisect
import re

from quotetrack.entities import LOOKBACK, Entities, Entity, NameMention
from quotetrack.kinds import EntityKind, is_leading_word
from quotetrack.name_context import PLACE_PREPOSITIONS, read_candidates
from quotetrack.name_runs import SUFFIXES, is_title

# Entity and NameMention live in quotetrack.entities; they are re-exported here for the
# importers that read them beside EntityIndex (the parser, the targeted sentiment).
__all__ = ["Entity", "EntityIndex", "NameMention"]

_bisect_right = bisect.bisect_right  # one lookup, not one per question of _inside_quote
_MAX_ANTECEDENT_GAP = 90  # characters of apposition allowed between a name and its "who"
_MODIFIED = re.compile(r" [a-z]+ ")  # between a name and "who": the noun the name modifies
_MAX_LISTED = 6  # names of a coordinated speaker read after or before the first
_JOINTS_AFTER = (" and ", ", ")  # what may follow the first name of a list
_BEFORE_BODY = ("", "the ", "The ")  # what a speaker phrase may hold before a body's name
# Between a person and where the person is from or whom the person speaks for ("Sen. Ray
# Dunn of Alabama", "Ann Orr of the Harbour Board", "Ann Orr with the Harbour Board").
_FROM = (" of ", " from ", " of the ", " from the ", " with the ")
# Enum members as module constants (see quotetrack.entities: a member read from its
# class costs several times a global on CPython 3.11), read for every quote.
_ORGANISATION = EntityKind.ORGANISATION


class EntityIndex:
    """The entities named in one document and where each is mentioned."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]) -> None:
        self._text = text
        self._quoted_starts = [s for s, _ in quoted]
        self._quoted = quoted
        found = Entities(text, read_candidates(text, self._inside_quote))
        self._found = found
        self._by_surname = found.by_surname
        self._by_first = found.by_first
        self._roles = found.roles
        self._all = found.all
        self._all_positions = found.all_positions
        self._mentions = found.mentions
        self._positions = found.positions
        self._salient = found.salient

    def _inside_quote(self, pos: int) -> bool:
        k = _bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and pos < self._quoted[k][1]  # and quoted[k][0] <= pos, by bisection

    # -- looking up -----------------------------------------------------------------
    @property
    def mentions(self) -> list[NameMention]:
        """Every mention of a person, in document order."""
        return self._mentions

    @property
    def positions(self) -> list[int]:
        """The start offset of each mention in :attr:`mentions` (sorted)."""
        return self._positions

    @property
    def all_mentions(self) -> list[NameMention]:
        """Every name mention of any kind, in document order."""
        return self._all

    @property
    def salient_mentions(self) -> list[NameMention]:
        """The mentions outside quoted text of what may be a speaker or antecedent (a
        person, a name that stands where a person stands, an organisation)."""
        return self._salient

    @property
    def all_mentions_positions(self) -> list[int]:
        """The start offset of each mention in :attr:`all_mentions` (sorted)."""
        return self._all_positions

    def roles(self, role: str) -> list[Entity]:
        """The entities a title or apposition gives ``role`` (lowercase noun)."""
        return self._roles.get(role, [])

    def inside_quote(self, pos: int) -> bool:
        """True when ``pos`` lies inside quoted text."""
        return self._inside_quote(pos)

    def mention_in(self, start: int, end: int) -> NameMention | None:
        """The last name mention that starts inside ``[start, end)``."""
        k = bisect.bisect_left(self._all_positions, end) - 1
        if k >= 0 and self._all_positions[k] >= start:
            return self._all[k]
        return None

    def body_around(self, start: int, end: int) -> NameMention | None:
        """The name of a body "X of Y" that a speaker phrase at ``[start, end)`` cuts at
        its "of" ("Justice" of "The Department of Justice said", "the Canadian
        Federation" of "said the Canadian Federation of Independent Business"), or None."""
        k = bisect.bisect_left(self._all_positions, end) - 1
        if k < 0:
            return None
        found = self._all[k]
        if found.entity.type is not _ORGANISATION or not found.start < end <= found.end:
            return None
        if not (found.start < start or self._text[start : found.start] in _BEFORE_BODY):
            return None  # "Officials at the Bank of Canada": the officials
        return found if " of " in self._text[found.start : found.end] else None

    def antecedent(self, pos: int) -> Entity | None:
        """The person a relative "who" at ``pos`` refers to: one named just before it
        ("Army Capt. Christian Pardo, who said …"), with only an apposition between, and
        not one whose name only modifies the noun before "who" ("the Orr administration
        who …")."""
        k = bisect.bisect_left(self._positions, pos) - 1
        text = self._text
        # a name that modifies a noun ("the Clinton administration who …") is not the
        # antecedent: the person before it is ("Robert Reich, a secretary of labor during
        # the Clinton administration who …")
        if k >= 0 and _MODIFIED.fullmatch(text, self._mentions[k].end, pos) is not None:
            k -= 1
        if k < 0:
            return None
        mention = self._mentions[k]
        if self._after_place_preposition(mention.start):
            return None  # "steelworkers in Ohio, who said": a place, not the antecedent
        gap = self._text[mention.end : pos]
        if len(gap) > _MAX_ANTECEDENT_GAP or any(ch in gap for ch in '.;:!?\n"\u201c\u201d'):
            return None
        return mention.entity

    def _after_place_preposition(self, start: int) -> bool:
        """True when the word before ``start`` is a place preposition ("in Ohio")."""
        before = self._text[max(0, start - 12) : start].split()
        return bool(before) and before[-1].lower() in PLACE_PREPOSITIONS

    def resolve_name(self, mention: str, pos: int) -> Entity | None:
        """The entity a name mention (with or without title) at ``pos`` refers to: the
        one read at that place, else by its surname, else a misspelt surname."""
        found = self.mention_in(pos, pos + len(mention))
        if found is not None and found.end >= pos + len(mention.rstrip(".,'\u2019s")):
            # the name ends the phrase (not "The Obama administration"); a place after a
            # person's name is where the person is from ("Sen. Ray Dunn of Alabama")
            if not found.entity.is_person:
                person = self.person_from(found.start)
                if person is not None:
                    return person
                before = self._text[pos : found.start].rsplit(None, 1)
                if (
                    found.entity.type is not _ORGANISATION
                    and before
                    and before[-1].lower() in PLACE_PREPOSITIONS
                ):
                    return None  # "A man in Tallin": the man, not the place he is in
            return found.entity
        head, of, _ = mention.partition(" of ")
        if of and " " in head:
            person = self.resolve_name(head, pos)  # "Sen. Ray Dunn of Alabama"
            if person is not None and person.is_person:
                return person
        words = [w for w in mention.replace("\u2019s", "").replace("'s", "").split() if w]
        while words and (is_title(words[0]) or is_leading_word(words[0])) and len(words) > 1:
            words = words[1:]
        while len(words) > 1 and words[-1] in SUFFIXES:
            words = words[:-1]
        if not words:
            return None
        if len(words) == 1 and words[0] not in self._by_surname:
            person = self.person_from(pos)  # "Sen. Ray Dunn of Alabama": Alabama unread
            if person is not None:
                return person
        people = self._by_surname.get(words[-1], [])
        if len(words) >= 2:
            same = [e for e in people if e.first == words[0]]
            return self._most_recent(same, pos) if same else None
        if people:
            return self._most_recent(people, pos)
        return self._fuzzy(words[0], pos)

    def person_from(self, start: int) -> Entity | None:
        """The person named just before ``start`` with "of", "from" or "with the" between
        ("Sen. Ray Dunn of Alabama", "Ann Orr of the Harbour Board"): the place or body at
        ``start`` is where the person is from or whom the person speaks for."""
        if not self._text.endswith(_FROM, 0, start):
            return None  # what the test below needs before ``start``, looked at first
        k = bisect.bisect_left(self._all_positions, start) - 1
        if k < 0:
            return None
        prev = self._all[k]
        if prev.entity.is_person and self._text[prev.end : start] in _FROM:
            return prev.entity
        return None

    def organisation_named(self, noun: str, pos: int) -> Entity | None:
        """The organisation named last before ``pos`` whose name holds ``noun`` as a word
        ("the railway" -> "Northern Plains Railway"), or None."""
        k = bisect.bisect_left(self._all_positions, pos) - 1
        for nm in self._all[max(0, k - LOOKBACK) : k + 1][::-1]:
            ent = nm.entity
            if ent.type is EntityKind.ORGANISATION and noun in ent.name.lower().split():
                return ent
        return None

    def coordinated(self, start: int, end: int) -> tuple[NameMention, ...] | None:
        """The mentions of a coordinated speaker whose name stands at ``[start, end)``
        ("said Sandal and Pillow", "Sandal and Pillow said", "say Sandal, Pillow and
        Dunn"), in text order with the one at ``start``: persons named one after the
        other, parted by commas, the last by "and"; None when the name is not coordinated
        with a person's."""
        here = self.mention_in(start, end)
        if here is None:
            return None
        text = self._text
        if not text.startswith(_JOINTS_AFTER, here.end) and not text.endswith(
            " and ", 0, here.start
        ):
            # Most speakers: no list goes on after the name (" and ", ", ") nor ends at it
            # (both joints before a last name, " and " and ", and ", end in " and ").
            return None
        found = [*self._listed_before(here), here, *self._listed_after(here)]
        if len(found) < 2 or len({id(m.entity) for m in found}) < len(found):
            return None
        if not all(m.entity.may_be_person for m in found):
            return None
        return tuple(found)

    def _listed_after(self, first: NameMention) -> list[NameMention]:
        """The names listed after ``first``: ", B and C", ", B, and C", " and B" (the last
        after "and"; ", and" only after a comma's name). Empty when the list does not end
        in "and" and a name."""
        text, end = self._text, first.end
        out: list[NameMention] = []
        for _ in range(_MAX_LISTED):
            for joint, last in ((" and ", True), (", and ", True), (", ", False)):
                if joint == ", and " and not out:
                    continue  # "with Lewandowski, and Trump refused": two clauses
                if text.startswith(joint, end):
                    at = end + len(joint)
                    nxt = self.mention_in(at, at + 1)
                    if nxt is not None:
                        out.append(nxt)
                        if last:
                            return out
                        end = nxt.end
                        break
            else:
                return []
        return []

    def _listed_before(self, last: NameMention) -> list[NameMention]:
        """The names listed before ``last``: "A, B and ", "A, B, and " (", and" only with
        a comma's name before it)."""
        text = self._text
        out: list[NameMention] = []
        k = bisect.bisect_left(self._all_positions, last.start) - 1
        joints: tuple[str, ...] = (" and ", ", and ")
        at = last.start
        while k >= 0 and len(out) < _MAX_LISTED:
            prev = self._all[k]
            joint = text[prev.end : at]
            if joint not in joints:
                break
            out.append(prev)
            at, joints, k = prev.start, (", ",), k - 1
        if len(out) == 1 and text.startswith(", and ", out[0].end):
            return []  # "with Lewandowski, and Trump refused": two clauses, not a list
        return out[::-1]

    def office_holder(self, end: int) -> Entity | None:
        """The person whose office a title ending at ``end`` begins to name ("U.S.
        Secretary" of State Ann Lee), or None."""
        if not self._text.startswith(" of ", end):
            return None
        k = bisect.bisect_left(self._all_positions, end + 4)
        if k >= len(self._all) or not self._all[k].entity.is_person:
            return None
        found = self._all[k]
        between = self._text[end + 4 : found.start].split()
        if len(between) > 3 or not all(w[:1].isupper() for w in between):
            return None
        return found.entity

    def named_after(self, end: int) -> Entity | None:
        """The person or organisation named in apposition right after ``end`` ("Campbell's
        partner, Jon Lowe"), or None."""
        if not self._text.startswith(", ", end):
            return None
        found = self.mention_in(end + 2, end + 3)
        if found is not None and found.entity.first is None:
            town = self.mention_in(max(0, end - 40), end)
            if town is not None and town.end == end and self._after_place_preposition(town.start):
                return None  # "a farmer near Tallin, Texas": the town's region
        if found is None or found.entity.type in (EntityKind.PLACE, EntityKind.OTHER):
            return found.entity if found is not None and found.entity.may_be_person else None
        return found.entity

    def _most_recent(self, entities: list[Entity], pos: int) -> Entity:
        if len(entities) == 1:
            return entities[0]
        k = bisect.bisect_left(self._positions, pos) - 1
        for nm in self._mentions[max(0, k - LOOKBACK) : k + 1][::-1]:
            if nm.entity in entities:
                return nm.entity
        return entities[0]

    def _fuzzy(self, word: str, pos: int) -> Entity | None:
        """A single word that misspells a known surname or is a known first name."""
        close = self._found.misspelt(word)
        if close is not None:
            return self._most_recent(self._by_surname.get(close.surname, [close]), pos)
        by_first = [e for e in self._by_first.get(word, []) if e.type is EntityKind.PERSON]
        if len(by_first) == 1:
            return by_first[0]
        return None
