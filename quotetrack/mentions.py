"""The names of one article, typed and grouped into the entities they name.

An :class:`EntityIndex` is built once per document:

1. **Name runs.** Capitalised words in a row (with particles such as "van der", initials
   and honorifics) are read as one candidate name. A run never crosses a sentence end
   ("Jon Lowe. The …"), a possessive ends it ("Marsh's"), and words that open a
   clause are dropped ("In Ottawa" → "Ottawa", "I’m" is no name).
2. **Titles and roles.** Honorifics and role words before a name are peeled off and kept
   as roles ("Tallin Mayor Doug Marsh" → name "Doug Marsh", role *mayor*), as are a
   lowercase role noun before it ("geologist Ben …") and the head nouns of an apposition
   ("Alva Ruiz, the affable proprietor" → *proprietor*).
3. **Kinds.** Each entity is typed from what its mentions show: a last word such as
   "County" or "Heights" makes a place and "Board" or "Inc." an organisation (over any
   first name); a title, a census first name, a person noun in apposition, an age, a
   "who", a lowercase role noun, or standing where a speaker stands (“…,” said X / X
   said) makes a person; an all-capitals acronym an organisation; anything else is
   *other* and is never a speaker's name by itself nor an antecedent of he/she.
4. **Grouping.** Full names group by first and last word; a later shorter form joins the
   fullest name it is the tail of ("Al Sayed" → "Rana Al Sayed"); a lone word joins the
   person with that surname named nearest before it (so two Vells stay apart), the
   organisation it abbreviates or starts ("EDC", "Sorvik"), the one person with that
   first name, or the one surname it misspells ("Teigan" → "Teigen").

Pronouns and descriptions are resolved against this index by
:mod:`quotetrack.coreference`.
"""

from __future__ import annotations

import bisect
import functools
import re

import attrs

from quotetrack.kinds import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    EntityKind,
    is_acronym,
    is_leading_word,
    is_opening_participle,
    is_org_head,
    is_org_noun,
    is_person_noun,
    is_place_head,
    is_role_noun,
    is_role_title,
)
from quotetrack.lexicon import (
    CUE_VERBS,
    FEMALE_TITLES,
    MALE_TITLES,
    TITLE_NOUNS,
    TITLES,
    female_share,
    is_surname,
    source_noun_kind,
)
from quotetrack.models import Span, SpeakerKind

__all__ = ["Entity", "EntityIndex", "NameMention", "edit_distance", "head_noun"]

_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z\u00c0-\u00de][\w'\u2019\-]*\.?)"
_PARTICLE = r"(?:de|del|della|der|den|di|da|van|von|la|le|al|el|bin|ibn|dos|du|ter)"
# The first token's capital comes first so that the scan skips to capitals (a pattern that
# opens with a lookbehind is tried at every position); the lookbehind then checks the
# character before it, and the rest of that token is _TOKEN's rest.
_FIRST_TOKEN = r"[A-Z\u00c0-\u00de](?<![\w'\u2019\-.][A-Z\u00c0-\u00de])"
_FIRST_TOKEN += r"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|[\w'\u2019\-]*\.?)"
_NAME_RUN = re.compile(rf"{_FIRST_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_TOKEN})*")
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_KEEPS_PERIOD = frozenset(
    "Mr. Mrs. Ms. Dr. St. Jr. Sr. Inc. Co. Corp. Ltd. Gov. Sen. Rep. Gen. Lt. Col. Sgt. Capt."
    " Det. Adm. Maj. Prof. Rev. Coun. Const. Cpl. Insp. Supt. Cst. Hon. Mt. Ft. No.".split()
)
_FEMALE, _MALE = "female", "male"
_HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Mr", "Mrs", "Ms", "Dr"})
_LOOKBACK = 200  # mentions searched backwards when resolving (keeps cost linear)
_HEADLINE_CHARS, _HEADLINE_WORDS, _HEADLINE_SHARE = 160, 4, 0.75
_SURNAME_DECAY = 0.9  # per name mention back, when people who share a surname compete
_PLACE_PREPOSITIONS = frozenset("in at near from across outside throughout around into".split())
_PREPOSITIONS = _PLACE_PREPOSITIONS | frozenset(
    "of for with by to on about against unlike like than under over between among via".split()
)
_MAX_ANTECEDENT_GAP = 90  # characters of apposition allowed between a name and its "who"
_APPOSITION = re.compile(
    r",[ \t]+((?:a|an|the|his|her|their|its)[ \t]+)?([^,.;:()\u201c\u201d\"\n]{2,80}?)[ \t]*"
    r"(?=,|\.|;|\)|\n|$)"
)
_AGE = re.compile(r",[ \t]+\d{1,3}[ \t]*,")
_NEXT_WORD = re.compile(r"[ \t]+(?:(?:also|then|later|has|had|have|would|will)[ \t]+)?([a-z]+)")
VERB_LIKE = re.compile(
    r"(?:[a-z]+(?:ed|es|s)|is|was|has|had|will|would|can|could|did|does|didn|doesn|isn|wasn|won|"
    r"may|might|must|should|shall|said|told|made|took|gave|went|came|saw|knew|thought|felt|"
    r"wrote|spoke|got|became|began|led|left|met|ran|sat|stood|won|lost)"
)
_ROLE_STOP = frozenset("of at for in on with from to who which that".split())
_SAY_BEFORE = frozenset(
    "said says added adds wrote writes explained explains asked asks noted notes recalled".split()
)
# Speech verbs after a name that show it stands where a speaker stands ("Varga said").
_SAY_AFTER = _SAY_BEFORE | frozenset(
    """
    say told tells stated states argued argues insisted insists claimed claims warned warns
    acknowledged admitted replied responded testified tweeted posted recalls explained
    """.split()
)
_NOT_VERBS = _PREPOSITIONS | frozenset(
    "and or but the a an who which that whose when where while as if".split()
)
# Salience of a mention by where it stands (see quotetrack.coreference).
SPEAKING, SUBJECT, PLAIN, OBLIQUE = 4.0, 2.0, 1.0, 0.5
CREDIT = 0.0
"""A photo or byline credit: a name that says nothing and is no antecedent."""


def head_noun(phrase: str) -> str | None:
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
        """The speaker kind of this entity: an organisation is a group."""
        return SpeakerKind.GROUP if self.type is EntityKind.ORGANISATION else SpeakerKind.PERSON

    @property
    def is_person(self) -> bool:
        """True when the article shows this entity is a person."""
        return self.type is EntityKind.PERSON

    @property
    def may_be_person(self) -> bool:
        """True for an untyped name that stands where a person stands: it speaks ("Varga
        said"), or it is a full name that ends in a census surname ("Jalen Moro"), or a
        surname that is a subject ("Varga didn't hesitate"). Such a name may be a he/she
        antecedent."""
        if self.type is not EntityKind.OTHER:
            return self.is_person
        ev = self.evidence
        if " " in self.name:
            return bool(ev & {"speaks", "surname"})
        return "speaks" in ev or {"surname", "subject"} <= ev


class NameMention:
    """One place where an entity is named, and how prominently (its salience weight)."""

    __slots__ = ("end", "entity", "start", "text", "weight")

    def __init__(self, text: str, start: int, end: int, entity: Entity, weight: float) -> None:
        self.text, self.start, self.end, self.entity, self.weight = text, start, end, entity, weight

    @property
    def span(self) -> Span:
        """Where the mention stands (its title, if any, and the name)."""
        return Span(self.start, self.end, self.text[self.start : self.end])


class _Candidate:
    """One name run before grouping: its words, titles, offsets and local evidence."""

    __slots__ = (
        "end",
        "evidence",
        "name",
        "name_start",
        "quoted",
        "roles",
        "start",
        "titles",
        "weight",
    )

    def __init__(
        self,
        name: list[str],
        titles: list[str],
        offsets: tuple[int, int, int],
        evidence: set[str],
        roles: set[str],
        weight: float,
    ) -> None:
        self.name, self.titles, self.evidence, self.roles = name, titles, evidence, roles
        self.start, self.name_start, self.end = offsets
        self.weight = weight
        self.quoted = False


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
def _single_word(run: str) -> tuple[str, int, int] | None:
    """A one-word run as a name: its word, the characters cut from its end and its flags;
    None for no name (a clause-opening word or a title alone)."""
    word, cut, _ = _reading(run)
    if not word or is_opening_participle(word):
        return None
    flags = _flags(word)
    return None if flags & _TITLE else (word, cut, flags)


_Group = tuple[int, int, int, "_Shape"]


@functools.lru_cache(maxsize=1 << 14)
def _run_groups(run: str) -> tuple[_Group, ...]:
    """The name groups of one capitalised run (cut at a sentence end or possessive, split
    at clause-opening words), each as offsets into ``run`` (of its first title, its name's
    first word, its name's end) and its shape; cached, as the same runs recur."""
    groups: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    pos = 0
    for n, token in enumerate(run.split()):
        s = run.find(token, pos)
        pos = s + len(token)
        word, cut, ends = _reading(token)
        if n == 0 and is_opening_participle(word):
            word, ends = "", True
        if word:
            current.append((word, s, pos - cut))
        if ends and current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    out: list[_Group] = []
    for group in groups:
        if not group[0][0][:1].isupper():
            continue
        shape = _group_shape(tuple(w for w, _, _ in group))
        if shape is not None:  # None: "U.S. Secretary", "Mayor": a role, no name
            first_title, first, last = shape[:3]
            out.append((group[first_title][1], group[first][1], group[last][2], shape))
    return tuple(out)


_APPOSITION_PARTS = re.compile(r",| and ")


@functools.lru_cache(maxsize=1 << 14)
def _apposition_reading(body: str, determined: bool) -> tuple[frozenset[str], frozenset[str]]:
    """The roles and the kind evidence an apposition's body gives (``determined``: it
    opens with an article or possessive, "a baker"); cached, as descriptions recur."""
    roles: set[str] = set()
    evidence: set[str] = set()
    for part in _APPOSITION_PARTS.split(body):
        head = head_noun(part)
        if not head:
            continue
        roles.add(head)
        if is_person_noun(head) or (determined and _is_common_noun(head)):
            evidence.add("appos-person")  # "Vasko Dren, a baker,"
            if head in FEMALE_NOUNS:
                evidence.add(_FEMALE)
            elif head in MALE_NOUNS:
                evidence.add(_MALE)
        elif is_org_noun(head):
            evidence.add("appos-org")
    return frozenset(roles), frozenset(evidence)


def _is_common_noun(head: str) -> bool:
    """A lowercase noun that heads a description of a person when a name stands in
    apposition to it: not an organisation, group, document or place word."""
    return (
        head.isalpha()
        and head.islower()
        and not is_org_noun(head)
        and not is_place_head(head)
        and source_noun_kind(head) not in ("group", "document", "partitive")
    )


def _is_capitalised_cue(word: str) -> bool:
    """A headline's verb inside a capitalised run ("Christie Calls Clinton …")."""
    low = word.lower()
    return low in CUE_VERBS and low.endswith("s") and not is_surname(word)


def _initials(word: str) -> bool:
    """'M.' or 'U.S.': an initial or dotted abbreviation, not a sentence end."""
    return all(len(part) == 1 and part.isupper() for part in word.split(".")[:-1])


_LEADING, _TITLE, _ROLE, _CUE, _ORG, _PLACE, _SURNAME, _FIRST, _ACRONYM = (1 << i for i in range(9))
_ROLE_TITLE_NOUNS = frozenset({"mayor", "premier", "coach", "minister"})
_MODIFIER_ENDINGS = ("-based", "-born", "-owned", "-headquartered")


@functools.lru_cache(maxsize=1 << 16)
def _flags(word: str) -> int:
    """What one capitalised word can be, as bits (cached: words repeat across articles)."""
    flags = 0
    if is_leading_word(word) or word.endswith(_MODIFIER_ENDINGS):
        flags |= _LEADING  # "Tallin-based Sorvik Energy": a modifier, not the name
    if _is_title(word):
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
    if is_acronym(word) and "." not in word:
        flags |= _ACRONYM
    return flags


def _is_title(word: str) -> bool:
    return word in TITLES or is_role_title(word)


_ROLE_NOUN, _SAYS, _PLACE_PREP, _PREP, _VERB = (1 << i for i in range(5))
_KEEP_SINGLE = _SURNAME | _FIRST | _ACRONYM | _ORG | _PLACE
_TYPING = frozenset(
    """
    speaks appos-person age who role-before acronym org-head place-head appos-org title
    first-name
    """.split()
)
_PERSON_AFTER = (",", " who ", *(f" {verb}" for verb in sorted(_SAY_AFTER)))
_SAY_BEFORE_SPACED = tuple(f"{verb} " for verb in sorted(_SAY_BEFORE))


def _start_of(c: _Candidate) -> int:
    return c.start


@functools.lru_cache(maxsize=1 << 16)
def _word_evidence(word: str) -> frozenset[str]:
    """What one word shows by itself when it is a name alone."""
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
def _before_flags(word: str) -> int:
    """What the word before a name says of it: a role noun ("geologist"), a speech verb
    ("said"), a preposition (of place)."""
    low = word.lower()
    if not low.isalpha():
        return 0
    flags = _ROLE_NOUN if is_person_noun(low) else 0
    if low in _SAY_BEFORE:
        flags |= _SAYS
    if low in _PLACE_PREPOSITIONS:
        flags |= _PLACE_PREP
    if low in _PREPOSITIONS:
        flags |= _PREP
    return flags


@functools.lru_cache(maxsize=1 << 14)
def _verb_kind(word: str) -> int:
    """The lowercase word after a name: a speech verb (_SAYS), another verb (_VERB), or
    neither (0)."""
    if word in _SAY_AFTER:
        return _SAYS
    if word not in _NOT_VERBS and VERB_LIKE.fullmatch(word):
        return _VERB
    return 0


_Shape = tuple[int, int, int, tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str]]


@functools.lru_cache(maxsize=1 << 14)
def _group_shape(words: tuple[str, ...]) -> _Shape | None:
    """How a group of capitalised words reads, whatever its place (cached: the same names
    recur): the index of its first title, of the name's first and last word, the name
    (with a leading "The" for an organisation, to keep only when the text has it), the
    titles, and the evidence and roles the words give by themselves."""
    flags = [_flags(w) for w in words]
    k = -1
    if not flags[-1] & (_ORG | _PLACE):
        for i in range(len(words) - 1):
            if flags[i] & _ROLE:
                k = i
    first, last = k + 1, len(words) - 1
    while last > first and words[last] in _SUFFIXES:
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
                evidence.add(_FEMALE)
            elif t in MALE_TITLES:
                evidence.add(_MALE)
    evidence |= _word_evidence(words[last])
    if n > 1:
        evidence.discard("acronym")
    if last > first and flags[first] & _FIRST:
        evidence.add("first-name")
    return first_title, first, last, name, titles, frozenset(evidence), frozenset(roles)


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


class EntityIndex:
    """The entities named in one document and where each is mentioned."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]) -> None:
        self._text = text
        self._quoted_starts = [s for s, _ in quoted]
        self._quoted = quoted
        self._entities: list[Entity] = []
        self._by_surname: dict[str, list[Entity]] = {}
        self._all: list[NameMention] = []
        self._all_positions: list[int] = []
        self._mentions: list[NameMention] = []
        self._salient: list[NameMention] = []
        self._positions: list[int] = []
        self._by_first: dict[str, list[Entity]] = {}
        self._org_keys: dict[str, Entity] = {}
        self._fuzzy_memo: dict[str, list[Entity]] = {}
        self._roles: dict[str, list[Entity]] = {}
        self._build(self._candidates())

    # -- reading names ------------------------------------------------------------
    def _inside_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and self._quoted[k][0] <= pos < self._quoted[k][1]

    def _headlines(self) -> list[tuple[int, int]]:
        """Short lines in title case that end without a period ("Trump Corners Obama On
        Trade"): headlines, where capitals do not mark names."""
        text = self._text
        out: list[tuple[int, int]] = []
        start = 0
        while start < len(text):
            end = text.find("\n", start)
            if end < 0:
                end = len(text)
            if end - start <= _HEADLINE_CHARS and not text[start:end].rstrip().endswith(
                (".", "?", "!", ":", '"', "\u201d")
            ):
                words = text[start:end].split()
                if len(words) >= _HEADLINE_WORDS:
                    capitals = sum(1 for w in words if w[:1].isupper())
                    if capitals >= _HEADLINE_SHARE * len(words):
                        out.append((start, end))
            start = end + 1
        return out

    def _candidates(self) -> list[_Candidate]:
        text = self._text
        out: list[_Candidate] = []
        singles: list[tuple[str, int, int, int]] = []
        quoted = self._inside_quote
        headlines = self._headlines()
        for m in _NAME_RUN.finditer(text):
            if headlines and any(s <= m.start() < e for s, e in headlines):
                continue
            run = m.group()
            if " " in run or "\t" in run:
                at = m.start()
                skip = self._office_words(run, at)
                run, at = run[skip:], at + skip
                for s, ns, e, shape in _run_groups(run):
                    out.append(self._candidate(at + s, at + ns, at + e, shape))
                continue
            # one word, the commonest run; inside quoted text it names no one the
            # attribution needs (it is never an antecedent)
            single = _single_word(run)
            if single is not None and not quoted(m.start()):
                word, cut, flags = single
                singles.append((word, m.start(), m.end() - cut, flags))
        if not singles:
            return out
        # A lone word matters when it may join a full name, is typed by itself, or stands
        # where a person stands; the rest ("Obamacare", "Officials") name no one.
        known = {w for c in out for w in (c.name[0], c.name[-1])}
        for word, start, end, flags in singles:
            if (
                flags & _KEEP_SINGLE
                or word in known
                or text.startswith(_PERSON_AFTER, end)
                or text.endswith(_SAY_BEFORE_SPACED, 0, start)
            ):
                out.append(self._single_candidate(word, start, end, flags))
        out.sort(key=_start_of)
        return out

    def _office_words(self, run: str, at: int) -> int:
        """How many characters of ``run`` (at ``at``) still name an office after a title
        and "of" ("Secretary of State Ann Lee", "Minister of Health Ann Lee"): those before
        a census first name, else before the last two words; 0 when there are none."""
        if not self._text.endswith(" of ", 0, at):
            return 0
        cut = self._text.rfind(" ", max(0, at - 30), at - 4)
        if not _flags(self._text[cut + 1 : at - 4]) & _TITLE:
            return 0
        words = run.split()
        if len(words) < 3:
            return 0
        first = next((n for n in range(1, len(words) - 1) if _flags(words[n]) & _FIRST), None)
        if first is None:
            first = len(words) - 2  # no census first name: the name is the last two words
        return len(" ".join(words[:first])) + 1

    def _appositive_given_name(self, word: str, start: int) -> bool:
        """A census first name alone after a comma: a person ("Wise's dad, Darrel")."""
        return bool(_flags(word) & _FIRST) and self._text.endswith(", ", 0, start)

    def _single_candidate(self, word: str, start: int, end: int, flags: int) -> _Candidate:
        evidence = set(_word_evidence(word))
        if flags & _FIRST and self._text.endswith(", ", 0, start):  # as _appositive_given_name
            evidence.add("first-name")
        roles: set[str] = set()
        weight = self._context(start, end, evidence, roles)
        return _Candidate([word], [], (start, start, end), evidence, roles, weight)

    def _candidate(self, s: int, ns: int, e: int, shape: _Shape) -> _Candidate:
        """The candidate of a name group at ``[s, e)`` (name from ``ns``) of that shape."""
        name, titles, known, given = shape[3:]
        if name[0] == "The":  # "The" is a leading word: here it marks an organisation
            if self._text.endswith("The ", 0, ns):
                ns -= 4  # "The Post", "The New York Times": the name has it
            else:
                name = name[1:]
        quoted = self._inside_quote(s)
        evidence = set(known)
        roles = set(given)
        if len(name) == 1 and s == ns and self._appositive_given_name(name[0], s):
            evidence.add("first-name")
        weight = PLAIN if quoted else self._context(s, e, evidence, roles)
        cand = _Candidate(list(name), list(titles), (s, ns, e), evidence, roles, weight)
        cand.quoted = quoted
        return cand

    def _context(self, s: int, e: int, evidence: set[str], roles: set[str]) -> float:
        """Evidence from the words around a name at ``[s, e)`` outside quotes, and the
        salience weight of where it stands."""
        text = self._text
        if text[s - 1 : s] == "/" or text.startswith((" /", "/"), e):
            return CREDIT  # "(AP Photo/Mark Schiefelbein)", "(Lauren Pelley / CBC News)"
        before = 0
        word = ""
        if s > 1 and text[s - 1] == " ":
            cut = text.rfind(" ", max(0, s - 30), s - 1)
            word = text[cut + 1 : s - 1]
            before = _before_flags(word)
            if before & _ROLE_NOUN:
                evidence.add("role-before")
                roles.add(word.lower())
            if before & _SAYS:
                evidence.add("speaks")
            elif before & _PLACE_PREP:
                evidence.add("place-prep")
        after_end = e
        nxt_char = text[e : e + 1]
        if nxt_char == "," and word in ("of", "from"):
            pass  # "Sen. Ray Dunn of Alabama, the chairman,": the apposition is Dunn's
        elif nxt_char == ",":
            appos = _APPOSITION.match(text, e)
            if appos is not None:
                if text.startswith(",", appos.end()):
                    after_end = appos.end() + 1
                self._apposition(appos, evidence, roles)
            if _AGE.match(text, e):
                evidence.add("age")
            if text.startswith(" who ", e + 1):
                evidence.add("who")
        elif nxt_char != " ":
            if before & _SAYS:
                return SPEAKING
            return OBLIQUE if nxt_char in ("'", "\u2019") else PLAIN  # "… Marsh's rinks"
        elif text.startswith("who ", e + 1):
            evidence.add("who")
        nxt = _NEXT_WORD.match(text, after_end)
        verb = _verb_kind(nxt.group(1)) if nxt else 0
        if verb == _SAYS:
            evidence.add("speaks")
        if "speaks" in evidence:
            return SPEAKING
        if before & _PREP:
            return OBLIQUE
        if verb:
            evidence.add("subject")
            return SUBJECT
        return PLAIN

    @staticmethod
    def _apposition(appos: re.Match[str], evidence: set[str], roles: set[str]) -> None:
        """Roles and kind evidence from an apposition ("X, the affable proprietor,")."""
        given, shown = _apposition_reading(appos.group(2), bool(appos.group(1)))
        roles.update(given)
        evidence |= shown

    # -- grouping -------------------------------------------------------------------
    def _build(self, cands: list[_Candidate]) -> None:
        assigned: list[Entity | None] = [None] * len(cands)
        full: dict[tuple[str, str], Entity] = {}
        tails: dict[str, Entity] = {}  # the last two or more words of each fuller name
        by_last: dict[str, list[Entity]] = {}  # full names by their last word
        for i, c in enumerate(cands):
            if len(c.name) < 2:
                continue
            key = (c.name[0], c.name[-1])
            ent = full.get(key)
            if ent is None:
                ent = tails.get(" ".join(c.name))  # "Al Sayed" in "Rana Al Sayed"
            if ent is None and len(c.name) == 2:
                ent = _short_form(c.name[0], by_last.get(c.name[-1], []))
                if ent is not None:
                    full[key] = ent
            if ent is None:
                gender = _gender_of_first(c.name[0])  # refined by all the evidence below
                ent = Entity(" ".join(c.name), c.name[-1], c.name[0], gender, self._name_span(c))
                full[key] = ent
                by_last.setdefault(c.name[-1], []).append(ent)
                for j in range(1, len(c.name) - 1):
                    tails[" ".join(c.name[j:])] = ent
                self._entities.append(ent)
            elif len(" ".join(c.name)) > len(ent.name) and ent.surname == c.name[-1]:
                ent.name, ent.first, ent.span = " ".join(c.name), c.name[0], self._name_span(c)
            assigned[i] = ent
        for ent in self._entities:
            head = _flags(ent.surname)  # full names are typed by their last word for now
            if not head & (_ORG | _PLACE):
                self._by_surname.setdefault(ent.surname, []).append(ent)
                self._by_first.setdefault(ent.first or "", []).append(ent)
            elif head & _ORG:
                words = ent.name.split()
                self._org_keys.setdefault(words[0], ent)
                self._org_keys.setdefault("".join(w[0] for w in words if w[:1].isupper()), ent)
        # single words, in order, so each can join the nearest person named before it;
        # the evidence of every mention gathers on its entity as it is placed
        singles: dict[str, Entity] = {}
        gathered: dict[int, set[str]] = {}
        honorifics: dict[int, str] = {}
        for i, c in enumerate(cands):
            ent = assigned[i]
            if ent is None:
                ent = self._single(c, i, cands, assigned) or singles.get(c.name[0])
                if ent is None and not (
                    c.evidence & _TYPING or {"surname", "subject"} <= c.evidence
                ):
                    continue  # a lone word that shows nothing of what it is: no one to follow
                if ent is None:
                    word = c.name[0]
                    ent = Entity(word, word, None, None, self._name_span(c))
                    singles[word] = ent
                    self._entities.append(ent)
                assigned[i] = ent
            eid = id(ent)
            evidence = gathered.get(eid)
            if evidence is None:
                gathered[eid] = set(c.evidence)
            else:
                evidence |= c.evidence
            if c.titles and eid not in honorifics:
                honorific = next((t for t in c.titles if t in _HONORIFICS), None)
                if honorific is not None:
                    honorifics[eid] = honorific
        # type again with the evidence of all the mentions each entity gathered
        self._by_surname = {}
        for ent in self._entities:
            self._absorb_evidence(ent, gathered.get(id(ent), set()))
            if ent.first is None and " " not in ent.name and id(ent) in honorifics:
                # known only as "Mrs. Clinton": the honorific is all the name says of her
                ent.name = f"{honorifics[id(ent)]} {ent.name}"
            if ent.type is EntityKind.PERSON and ent.first is not None:
                self._by_surname.setdefault(ent.surname, []).append(ent)
        holders: dict[str, set[int]] = {}
        salient = {
            id(e)
            for e in self._entities
            if e.may_be_person or e.type is EntityKind.ORGANISATION or "speaks" in e.evidence
        }
        text = self._text
        for c, ent in zip(cands, assigned, strict=True):
            if ent is None:
                continue
            if c.roles:
                ent.roles.update(c.roles)
                for role in c.roles:
                    seen = holders.setdefault(role, set())
                    if id(ent) not in seen:
                        seen.add(id(ent))
                        self._roles.setdefault(role, []).append(ent)
            nm = NameMention(text, c.start, c.end, ent, c.weight)
            self._all.append(nm)
            self._all_positions.append(c.start)
            if not c.quoted and c.weight and id(ent) in salient:
                self._salient.append(nm)
            if ent.type is EntityKind.PERSON:
                self._mentions.append(nm)
                self._positions.append(c.start)

    def _name_span(self, c: _Candidate) -> Span:
        return Span(c.name_start, c.end, self._text[c.name_start : c.end])

    def _single(
        self, c: _Candidate, i: int, cands: list[_Candidate], placed: list[Entity | None]
    ) -> Entity | None:
        """The entity a one-word name joins: the person of that surname named nearest
        before it (or after, for a headline), an organisation it abbreviates or starts."""
        word = c.name[0]
        if i and "acronym" in c.evidence and self._text[c.start - 2 : c.start] == " (":
            before = placed[i - 1]
            if before is not None and cands[i - 1].end == c.start - 2:
                self._org_keys.setdefault(word, before)  # and so every later "EDC"
                return before  # "Export Development Corp. (EDC)": the name it abbreviates
        people = self._by_surname.get(word, [])
        if people:
            gender = _MALE if _MALE in c.evidence else _FEMALE if _FEMALE in c.evidence else None
            fitting = [e for e in people if gender is None or e.gender in (gender, None)]
            return self._nearest(fitting or people, i, cands, placed)
        named = self._by_first.get(word, [])
        if named:  # "Alva" for Alva Ruiz; "Kim" for the Kim in view
            return self._nearest(named, i, cands, placed)
        org = self._org_keys.get(word)  # "Sorvik" (Energy), "EDC"
        if org is not None or c.weight < SPEAKING or _flags(word) & (_SURNAME | _FIRST):
            return org  # a census name is no misspelling
        return self._misspelt(word)  # "Teigan said" for Chrissy Teigen

    def _misspelt(self, word: str) -> Entity | None:
        """The one person whose surname ``word`` misspells (a small edit distance)."""
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
        return close[0] if len({e.surname for e in close}) == 1 else None

    @staticmethod
    def _nearest(
        entities: list[Entity], i: int, cands: list[_Candidate], placed: list[Entity | None]
    ) -> Entity:
        """Of several people sharing a surname, the one most prominent among the name
        mentions before the ``i``-th (subjects and speakers, nearer ones weighing more);
        failing that, the one named last."""
        if len(entities) == 1:
            return entities[0]
        scores: dict[int, float] = {}
        decay = 1.0
        nearest: Entity | None = None
        for j in range(i - 1, max(-1, i - 1 - _LOOKBACK), -1):
            ent = placed[j]
            if ent is None:
                continue
            if ent in entities:
                nearest = nearest or ent
                weight = cands[j].weight
                if weight >= SUBJECT:
                    scores[id(ent)] = scores.get(id(ent), 0.0) + weight * decay
            decay *= _SURNAME_DECAY
        if scores:
            return max(entities, key=lambda e: scores.get(id(e), 0.0))
        return nearest or entities[0]

    @staticmethod
    def _absorb_evidence(ent: Entity, ev: set[str]) -> None:
        """Type ``ent`` and give it a gender from the evidence of all its mentions."""
        ent.evidence = ev
        ent.type = EntityKind.OTHER
        strong = ev & {"title", "appos-person", "age", "who", "role-before"}
        if "place-head" in ev and "title" not in ev:
            ent.type = EntityKind.PLACE
        elif "org-head" in ev and "title" not in ev:
            ent.type = EntityKind.ORGANISATION
        elif strong or "first-name" in ev:
            ent.type = EntityKind.PERSON
        elif ev & {"acronym", "appos-org"}:
            ent.type = EntityKind.ORGANISATION
        elif "place-prep" in ev and not ev & {"speaks", "subject"}:
            ent.type = EntityKind.PLACE
        if ent.type is not EntityKind.PERSON:
            return
        if _FEMALE in ev and _MALE not in ev:
            ent.gender = _FEMALE
        elif _MALE in ev and _FEMALE not in ev:
            ent.gender = _MALE
        else:
            ent.gender = _gender_of_first(ent.first or ent.name)

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

    def antecedent(self, pos: int) -> Entity | None:
        """The person a relative "who" at ``pos`` refers to: one named just before it
        ("Army Capt. Christian Pardo, who said …"), with only an apposition between."""
        k = bisect.bisect_left(self._positions, pos) - 1
        if k < 0:
            return None
        mention = self._mentions[k]
        before = self._text[max(0, mention.start - 12) : mention.start].split()
        if before and before[-1].lower() in _PLACE_PREPOSITIONS:
            return None  # "steelworkers in Ohio, who said": a place, not the antecedent
        gap = self._text[mention.end : pos]
        if len(gap) > _MAX_ANTECEDENT_GAP or any(ch in gap for ch in '.;:!?\n"\u201c\u201d'):
            return None
        return mention.entity

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
            return found.entity
        head, of, _ = mention.partition(" of ")
        if of and " " in head:
            person = self.resolve_name(head, pos)  # "Sen. Ray Dunn of Alabama"
            if person is not None and person.is_person:
                return person
        words = [w for w in mention.replace("\u2019s", "").replace("'s", "").split() if w]
        while words and (_is_title(words[0]) or is_leading_word(words[0])) and len(words) > 1:
            words = words[1:]
        while len(words) > 1 and words[-1] in _SUFFIXES:
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
        """The person named just before ``start`` with "of" or "from" between ("Sen. Ray
        Dunn of Alabama"): the place or body at ``start`` is where the person is from."""
        k = bisect.bisect_left(self._all_positions, start) - 1
        if k < 0:
            return None
        prev = self._all[k]
        if prev.entity.is_person and self._text[prev.end : start] in (" of ", " from "):
            return prev.entity
        return None

    def organisation_named(self, noun: str, pos: int) -> Entity | None:
        """The organisation named last before ``pos`` whose name holds ``noun`` as a word
        ("the railway" -> "Northern Plains Railway"), or None."""
        k = bisect.bisect_left(self._all_positions, pos) - 1
        for nm in self._all[max(0, k - _LOOKBACK) : k + 1][::-1]:
            ent = nm.entity
            if ent.type is EntityKind.ORGANISATION and noun in ent.name.lower().split():
                return ent
        return None

    def coordinated(self, start: int, end: int) -> tuple[Entity, Entity] | None:
        """The other person of a coordinated speaker whose name stands at ``[start, end)``
        ("said Sandal and Pillow", "Sandal and Pillow said"), in text order with
        the one at ``start``; None when the name is not coordinated with a person's."""
        here = self.mention_in(start, end)
        if here is None:
            return None
        if self._text.startswith(" and ", end):
            other = self.mention_in(end + 5, end + 6)
            pair = None if other is None else (here.entity, other.entity)
        elif self._text.endswith(" and ", 0, here.start):
            k = bisect.bisect_left(self._all_positions, here.start) - 1
            other = self._all[k] if k >= 0 and self._all[k].end == here.start - 5 else None
            pair = None if other is None else (other.entity, here.entity)
        else:
            return None
        if pair is None or pair[0] is pair[1] or not all(e.may_be_person for e in pair):
            return None
        return pair

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
        if found is None or found.entity.type in (EntityKind.PLACE, EntityKind.OTHER):
            return found.entity if found is not None and found.entity.may_be_person else None
        return found.entity

    def _most_recent(self, entities: list[Entity], pos: int) -> Entity:
        if len(entities) == 1:
            return entities[0]
        k = bisect.bisect_left(self._positions, pos) - 1
        for nm in self._mentions[max(0, k - _LOOKBACK) : k + 1][::-1]:
            if nm.entity in entities:
                return nm.entity
        return entities[0]

    def _fuzzy(self, word: str, pos: int) -> Entity | None:
        """A single word that misspells a known surname or is a known first name."""
        close = self._misspelt(word)
        if close is not None:
            return self._most_recent(self._by_surname.get(close.surname, [close]), pos)
        by_first = [e for e in self._by_first.get(word, []) if e.type is EntityKind.PERSON]
        if len(by_first) == 1:
            return by_first[0]
        return None
