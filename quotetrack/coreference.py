"""Who a pronoun or a description means: salience over the entities of one article.

:class:`Coreference` reads the article once, in order, keeping a trail of *events*: every
name mention outside quoted text (from :class:`~quotetrack.mentions.EntityIndex`), every
he/she outside quoted text, and every definite description in subject position ("the
mayor said", "The agency told …"). Each pronoun and description is resolved when it is
reached, against the trail before it, and joins the trail as a mention of what it
resolved to, so a run of "he said … he said" keeps its person. The reading is done when
the first question is asked (an article whose speakers are all named never pays for it),
and all of it: a question about the first sentence sees what the last one settled.

An entity's salience at a place is the sum, over its events in the last
:data:`WINDOW_SENTENCES` sentences, of the event's weight halved for every sentence
between: a name that speaks (“…,” said X / X said) weighs 4, a subject 2, a plain
mention 1, a name after a preposition or a possessive ("Unlike X, he …", "X's plan") ½;
a subject or speaker of the sentence just before counts half as much again (a quote
paragraph after "X agreed." is X's).

* **he/she** go to the most salient *person* whose gender agrees (known from a census
  first name, a title, a gendered role noun, or an earlier pronoun); one of unknown gender
  counts at 0.6 of its salience, and once chosen takes the pronoun's gender. Places,
  organisations and stray capitalised words are never antecedents.
* **the <role>** ("the mayor", "The Kentucky Republican", "the affable proprietor") goes
  to the most salient entity the article gave that role (by a title before its name or an
  apposition after it); failing that, an organisation noun ("the company", "the agency")
  goes to the most salient organisation, preferring one whose name holds the noun
  ("the railway" → "Northern Plains Railway"), and a person noun to the most salient
  person of a fitting gender, unless it names an affiliation ("the lawyer for the
  society": someone of it, not whoever is in view). A document ("the report", "the
  poll") speaks for its author: a name inside it, else who the article said it is by
  ("A report by X …"), else the organisation in view. Indefinite and anonymous
  descriptions ("a spokesperson", "the officials") are never resolved.
"""

from __future__ import annotations

import bisect
import functools
import re
from operator import itemgetter

from quotetrack.entities import Entity
from quotetrack.kinds import (
    FEMALE,
    FEMALE_NOUNS,
    MALE,
    MALE_NOUNS,
    EntityKind,
    is_org_noun,
    is_outlet,
    is_outlet_noun,
    is_person_noun,
)
from quotetrack.lexicon import CUE_VERBS, source_noun_kind
from quotetrack.mentions import EntityIndex
from quotetrack.name_context import CREDIT, SPEAKING, SUBJECT, VERB_LIKE, head_noun

__all__ = ["WINDOW_SENTENCES", "Coreference"]

WINDOW_SENTENCES = 8
"""How many sentences back salience reaches."""
_MAX_EVENTS = 80  # events looked at per resolution (keeps cost linear)
_DECAY = tuple(0.5**gap for gap in range(WINDOW_SENTENCES + 1))  # halved per sentence back
_UNKNOWN_GENDER = 0.6
_UNTYPED = 0.5
_PREVIOUS_SUBJECT = 1.5
# No leading \b: a pattern that starts with its letters is scanned many times faster;
# the word boundary before a match is checked on the one character before it. The
# lookbehind after the letters drops at once the "he" that ends a longer word ("the",
# "she" is kept for that check), five in six of the matches.
_PRONOUNS = (  # "he", "she", "She"; "He"
    re.compile(r"he(?<![a-rt-zA-RT-Z0-9]he)\b"),
    re.compile(r"He(?<![a-rt-zA-RT-Z0-9]He)\b"),
)
_PRONOUN_VERB = re.compile(r"[ \t]+(?:also[ \t]+|later[ \t]+)?([a-z]+)")
# Possessive runs (++): a word or a gap is read whole, never backtracked into, which
# changes no match (what follows each must be of another class) and scans a third faster.
_DESCRIPTION = re.compile(  # after "t" or "T": "the …", "The …"
    r"he[ \t]+((?:[A-Za-z\u2019'\-]++[ \t]++){0,3}?[a-z][a-z\-]++)"
    rf"[ \t]++({VERB_LIKE.pattern})\b"
)
_WORDLIKE = "'\u2019-"
_NOT_VERBS = frozenset(
    """
    of for with by to on in at from about and or but the a an who which that whose when where
    while as if than into
    """.split()
)
_INTRODUCTION_CHARS = 3000  # how far back a document's "by X" is looked for
_AUTHOR_START = 5  # where its author's name may start after "by" ("the ")
_AUTHOR_CHARS = 40  # how far its author's organisation noun may stand


@functools.lru_cache(maxsize=256)
def _introduction(head: str) -> re.Pattern[str]:
    """Where a document of that head noun is said to be someone's: "report by ",
    "reports from ", "paper published by "."""
    return re.compile(
        rf"\b{re.escape(head)}s?[ \t]+(?:(?:released|published|issued)[ \t]+)?(?:by|from)[ \t]+",
        re.IGNORECASE,
    )


_AFFILIATED = re.compile(r" (?:for|with|at|from) ")  # "the lawyer for …", "a spokesman with …"
_UNRESOLVABLE = frozenset({"spokesperson", "spokesman", "spokeswoman", "official", "source"})


class _Trail:
    """Mentions in document order: where, in which sentence, and each as its sentence,
    how salient it is and of what (one tuple, read back by _salience in one slice)."""

    __slots__ = ("events", "positions", "sentences")

    def __init__(self) -> None:
        self.positions: list[int] = []
        self.sentences: list[int] = []
        self.events: list[tuple[int, float, Entity]] = []

    def add(self, pos: int, sentence: int, entity: Entity, weight: float) -> None:
        self.positions.append(pos)
        self.sentences.append(sentence)
        self.events.append((sentence, weight, entity))


class Coreference:
    """Pronoun and description resolution over one article (see the module docstring)."""

    def __init__(self, text: str, index: EntityIndex, sentence_starts: list[int]) -> None:
        self._text = text
        self._index = index
        self._sentence_starts = sentence_starts
        # two trails, each in document order: the name mentions, and the pronouns and
        # descriptions as they are resolved
        self._names = _Trail()
        self._found = _Trail()
        self._resolved: dict[tuple[int, str], Entity | None] = {}
        self._built = False  # the article is read at the first question (see _ready)

    def _ready(self) -> None:
        """Read the article, once, before the first question is answered: an article
        whose speakers are all named never pays for it. Every question waits for the
        whole reading (a pronoun gives its entity a gender for all the article)."""
        if not self._built:
            self._built = True
            self._build()

    def _sentence(self, pos: int) -> int:
        return bisect.bisect_right(self._sentence_starts, pos) - 1

    def _build(self) -> None:
        text = self._text
        index = self._index
        starts = self._sentence_starts
        salient = index.salient_mentions
        names = self._names
        names.positions = [nm.start for nm in salient]
        names.sentences = [bisect.bisect_right(starts, p) - 1 for p in names.positions]
        names.events = [
            (sentence, nm.weight, nm.entity)
            for sentence, nm in zip(names.sentences, salient, strict=True)
        ]
        inside_quote, roles = index.inside_quote, index.roles
        events: list[tuple[int, str, float]] = []
        for pattern in _PRONOUNS:
            for m in pattern.finditer(text):
                start, word = m.start(), "he"
                if start and text[start - 1] in "sS":
                    start, word = start - 1, "she"
                if start and (text[start - 1].isalnum() or text[start - 1] in _WORDLIKE):
                    continue  # "the", "ashes", "she'd" hold no pronoun of their own
                if not inside_quote(start):
                    after = _PRONOUN_VERB.match(text, m.end())
                    verb = after.group(1) if after else ""
                    weight = SPEAKING if verb in CUE_VERBS else SUBJECT
                    events.append((start, word, weight))
        for m in _DESCRIPTION.finditer(text):
            start = m.start() - 1
            if start < 0 or text[start] not in "tT" or (start and text[start - 1].isalnum()):
                continue  # "bathe …", "she …"
            verb = m.group(2)
            head = m.group(1).rsplit(None, 1)[-1]
            if verb in _NOT_VERBS or not (is_person_noun(head) or is_org_noun(head) or roles(head)):
                continue  # "the report said": no one the article names
            if inside_quote(start):
                continue
            weight = SPEAKING if verb in CUE_VERBS else SUBJECT
            events.append((start, text[start : m.end(1)], weight))
        events.sort(key=itemgetter(0))
        for pos, word, weight in events:
            if word in ("he", "she"):
                entity = self._pronoun(word, pos)
                self._resolved[pos, word] = entity
            else:
                entity = self._description(word, pos)
                if entity is not None:
                    self._resolved[pos, ""] = entity
            if entity is not None:
                self._found.add(pos, self._sentence(pos), entity, weight)

    # -- salience -------------------------------------------------------------------
    def _salience(self, pos: int) -> dict[Entity, float]:
        """Each entity's salience just before ``pos``: each trail read back from ``pos``
        over at most :data:`_MAX_EVENTS` events within the window, the nearest first."""
        here = bisect.bisect_right(self._sentence_starts, pos) - 1
        oldest = here - WINDOW_SENTENCES
        out: dict[Entity, float] = {}
        get = out.get
        for trail in (self._names, self._found):
            end = bisect.bisect_left(trail.positions, pos)
            if not end:
                continue
            sentences = trail.sentences  # in document order, so the window is one stretch
            start = max(end - _MAX_EVENTS, bisect.bisect_left(sentences, oldest, 0, end))
            for sentence, weight, ent in reversed(trail.events[start:end]):
                gap = here - sentence
                if gap == 1 and weight >= SUBJECT:
                    weight *= _PREVIOUS_SUBJECT  # "X agreed. (new paragraph) “…,” she wrote"
                out[ent] = get(ent, 0.0) + weight * _DECAY[gap]
        return out

    def _best_person(self, pos: int, gender: str | None) -> Entity | None:
        best: Entity | None = None
        best_score = 0.0
        for ent, score in self._salience(pos).items():
            if ent.type is not EntityKind.PERSON:
                if not ent.may_be_person:
                    continue
                score *= _UNTYPED  # "Varga didn't hesitate": a person, probably
            if gender is not None and ent.gender is not None and ent.gender != gender:
                continue
            if gender is not None and ent.gender is None:
                score *= _UNKNOWN_GENDER
            if score > best_score:
                best, best_score = ent, score
        return best

    def _pronoun(self, word: str, pos: int) -> Entity | None:
        gender = MALE if word == "he" else FEMALE
        ent = self._best_person(pos, gender)
        if ent is None:
            ent = self._last_person(pos, gender)
        if ent is not None and ent.gender is None:
            ent.gender = gender  # "Roman … He said": Roman is a man from here on
        return ent

    def _last_person(self, pos: int, gender: str) -> Entity | None:
        """The last person of that gender named before ``pos`` outside quotes, past the
        salience window (a pronoun far from any name)."""
        mentions = self._index.mentions
        k = bisect.bisect_left(self._index.positions, pos) - 1
        for nm in mentions[max(0, k - _MAX_EVENTS) : k + 1][::-1]:
            if nm.weight == CREDIT:
                continue  # a byline or photo credit is never an antecedent
            if nm.entity.gender == gender and not self._index.inside_quote(nm.start):
                return nm.entity
        return None

    def _description(self, phrase: str, pos: int) -> Entity | None:
        words = phrase.split()
        if len(words) < 2:
            return None
        if words[0].lower() not in ("the", "this", "that"):
            if not words[0].endswith(("'s", "\u2019s")):
                return None
            head = head_noun(" ".join(words[1:]))  # "Foster's book": its author
            if head is None or source_noun_kind(head) != "document":
                return None
            owner = self._index.mention_in(pos, pos + 1)
            if owner is None or owner.entity.type is EntityKind.PLACE:
                return None
            return owner.entity
        head = head_noun(" ".join(words[1:]))
        if head is None or source_noun_kind(head) == "anonymous" or head.endswith("s"):
            return None
        if source_noun_kind(head) == "document":
            return self._author(words, pos, pos + len(phrase))
        holders = self._index.roles(head)
        if not holders and not is_org_noun(head) and not is_person_noun(head):
            return None
        salience = self._salience(pos)
        if holders:
            ranked = sorted(holders, key=lambda e: -salience.get(e, 0.0))
            if salience.get(ranked[0], 0.0) > 0 or len(holders) == 1:
                return ranked[0]
            return self._latest(holders, pos)
        if is_org_noun(head):
            named = self._index.organisation_named(head, pos)  # "the railway": … Railway
            if named is not None:
                return named
            return self._best_body(salience, outlets=is_outlet_noun(head))
        if is_person_noun(head) and head not in _UNRESOLVABLE:
            if _AFFILIATED.search(phrase) is not None:
                return None  # "the lawyer for the agency": someone of it, not whoever is in view
            gender = FEMALE if head in FEMALE_NOUNS else MALE if head in MALE_NOUNS else None
            return self._best_person(pos, gender)
        return None

    @staticmethod
    def _best_body(salience: dict[Entity, float], outlets: bool = False) -> Entity | None:
        """The most salient organisation, or a name that speaks like one. A news outlet
        counts as an organisation only for ``outlets`` ("the network"); else, like an
        untyped name, only when it speaks ("Reuters reported …" names the source of a
        story, not "the military" or "the poll")."""
        best: Entity | None = None
        best_score = 0.0
        for ent, score in salience.items():
            if "plural" in ent.evidence:
                continue  # "Analysts", "The Brujas": people, never "it" nor "the company"
            if ent.type is not EntityKind.ORGANISATION or (not outlets and is_outlet(ent.name)):
                if ent.type is EntityKind.PERSON or ent.type is EntityKind.PLACE:
                    continue
                if "speaks" not in ent.evidence:
                    continue
                score *= _UNTYPED  # "Facebook said …  The company": a body, probably
            if score > best_score:
                best, best_score = ent, score
        return best

    def _author(self, words: list[str], start: int, end: int) -> Entity | None:
        """Who a document speaks for ("The Harbour Board statement", "the parole board decision",
        "the report"): a name inside the phrase, else the organisation named by a noun of
        it, else the organisation in view."""
        inside = self._index.mention_in(start, end)
        if inside is not None and inside.entity.type is not EntityKind.PLACE:
            return inside.entity
        for word in words[1:]:
            if is_org_noun(word):
                named = self._index.organisation_named(word.lower(), start)
                if named is not None:
                    return named
        head = head_noun(" ".join(words[1:]))
        author = self._introduced_by(head, start) if head else None
        if author is not None:
            return author
        return self._best_body(self._salience(start))

    def _introduced_by(self, head: str, pos: int) -> Entity | None:
        """Who the document ``head`` names was said to be by where the article brought
        it in ("A report by the railway company …  the report said"): the name or the
        organisation noun right after "by" or "from" at its last such mention before
        ``pos``, within :data:`_INTRODUCTION_CHARS`."""
        text = self._text
        lo = max(0, pos - _INTRODUCTION_CHARS)
        found = None
        for m in _introduction(head).finditer(text, lo, pos):
            found = m
        if found is None:
            return None
        after = found.end()
        inside = self._index.mention_in(after, after + _AUTHOR_START)
        if inside is not None and inside.entity.type is not EntityKind.PLACE:
            return inside.entity
        for word in text[after : after + _AUTHOR_CHARS].split()[:4]:
            word = word.strip(",.;:").lower()
            if is_org_noun(word):
                return self._index.organisation_named(word, pos)
        return None

    def _latest(self, entities: list[Entity], pos: int) -> Entity:
        k = bisect.bisect_left(self._index.all_mentions_positions, pos) - 1
        mentions = self._index.all_mentions
        for j in range(k, max(-1, k - 400), -1):
            if mentions[j].entity in entities:
                return mentions[j].entity
        return entities[0]

    # -- queries --------------------------------------------------------------------
    def pronoun(self, word: str, pos: int) -> Entity | None:
        """The person a he/she at ``pos`` refers to, or None."""
        self._ready()
        low = word.lower()
        if low not in ("he", "she"):
            return None
        if (pos, low) in self._resolved:
            return self._resolved[pos, low]
        return self._pronoun(low, pos)

    def body(self, pos: int) -> Entity | None:
        """The organisation an "it" that speaks at ``pos`` refers to: the most salient
        organisation, or a name that speaks like one; None when none is in view."""
        self._ready()
        return self._best_body(self._salience(pos))

    def description(self, phrase: str, pos: int) -> Entity | None:
        """The entity a definite description at ``pos`` refers to, or None."""
        self._ready()
        if (pos, "") in self._resolved:
            return self._resolved[pos, ""]
        return self._description(phrase, pos)
