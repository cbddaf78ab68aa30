"""The names of one article read in context: what the words around each name show of it.

:func:`read_candidates` reads every name of an article, in order, as a :class:`Candidate`:
its words and titles (from :mod:`quotetrack.name_runs`), the kind evidence the words
around it give (a role noun before it, an apposition, an age or a "who" after it, a
speech verb on either side, a place preposition before it) and the salience weight of
where it stands (:data:`SPEAKING` … :data:`CREDIT`). Headlines, whose capitals name no one,
are skipped. The candidates are grouped into entities by :mod:`quotetrack.entities`.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet

from quotetrack.kinds import (
    FEMALE,
    FEMALE_NOUNS,
    MALE,
    MALE_NOUNS,
    is_org_noun,
    is_person_noun,
    is_place_head,
)
from quotetrack.lexicon import source_noun_kind
from quotetrack.name_runs import (
    NAME_RUN,
    NameShape,
    SingleWord,
    is_given_name,
    is_title,
    run_groups,
    single_word,
    word_evidence,
)

__all__ = [
    "CREDIT",
    "OBLIQUE",
    "PLACE_PREPOSITIONS",
    "PLAIN",
    "SPEAKING",
    "SUBJECT",
    "VERB_LIKE",
    "Candidate",
    "head_noun",
    "read_candidates",
]

SPEAKING, SUBJECT, PLAIN, OBLIQUE = 4.0, 2.0, 1.0, 0.5
"""Salience weights of a mention by where it stands (see :mod:`quotetrack.coreference`):
it speaks (“…,” said X / X said), it is a subject, it is plain, it follows a preposition
or is a possessive."""
CREDIT = 0.0
"""A photo or byline credit: a name that says nothing and is no antecedent."""

PLACE_PREPOSITIONS = frozenset("in at near from across outside throughout around into".split())
"""Prepositions before a place ("in Ottawa"), lowercase."""

VERB_LIKE = re.compile(  # [a-z]++ then a lookbehind: the ending is checked, not searched for
    r"(?:[a-z]++(?:(?<=[a-z]s)|(?<=[a-z]ed))|is|was|has|had|will|would|can|could|did|does|"
    r"didn|doesn|isn|wasn|won|may|might|must|should|shall|said|told|made|took|gave|went|came|"
    r"saw|knew|thought|felt|wrote|spoke|got|became|began|led|left|met|ran|sat|stood|won|lost)"
)
"""A lowercase word that may be a finite verb (after a subject: "Varga didn't", "the mayor
said")."""

_HEADLINE_CHARS, _HEADLINE_WORDS, _HEADLINE_SHARE = 160, 4, 0.75
_HEADLINE_MIN_CHARS = 2 * _HEADLINE_WORDS - 1  # four words and the gaps between them
_PREPOSITIONS = PLACE_PREPOSITIONS | frozenset(
    "of for with by to on about against unlike like than under over between among via".split()
)
_APPOSITION = re.compile(
    r",[ \t]+((?:a|an|the|his|her|their|its)[ \t]+)?([^,.;:()\u201c\u201d\"\n]{2,80}?)[ \t]*"
    r"(?=,|\.|;|\)|\n|$)"
)
_APPOSITION_PARTS = re.compile(r",| and ")
# Words that open an aside, not an apposition ("X, through a spokeswoman, declined").
_NOT_APPOSITION = frozenset("through during after before since despite however meanwhile".split())
_AGE = re.compile(r",[ \t]+\d{1,3}[ \t]*,")
_NEXT_WORD = re.compile(r"[ \t]+(?:(?:also|then|later|has|had|have|would|will)[ \t]+)?([a-z]+)")
# The body a name speaks for, between it and its verb ("… with the Tallin Board says").
_AFFILIATION = re.compile(r" (?:with|of|at|from) (?:the )?(?:[A-Z][\w.&'\u2019-]*(?: |(?=,))){1,6}")
_ROLE_STOP = frozenset("of at for in on with from to who which that".split())
_SAY_BEFORE = frozenset(
    "said says added adds wrote writes explained explains asked asks noted notes recalled".split()
)
# Speech verbs after a name that show it stands where a speaker stands ("Varga said").
_SAY_AFTER = _SAY_BEFORE | frozenset(
    """
    say told tells stated states argued argues insisted insists claimed claims warned warns
    acknowledged admitted replied responded testified tweeted posted recalls explained
    cited cites suggested suggests predicted predicts announced announces urged urges
    conceded concedes countered counters confirmed confirms declared declares stressed
    stresses emphasized emphasizes complained complains cautioned cautions asserted asserts
    contended contends maintained maintains agreed agrees
    """.split()
)
_NOT_VERBS = _PREPOSITIONS | frozenset(
    "and or but the a an who which that whose when where while as if".split()
)
_PERSON_AFTER = (",", " who ", *(f" {verb}" for verb in sorted(_SAY_AFTER)))
_SAY_BEFORE_SPACED = tuple(f"{verb} " for verb in sorted(_SAY_BEFORE))
# "she" or "he" right after a name's speech verb ("Belkacemi says she …")
_PRONOUN_AFTER = re.compile(r"[ \t]+(?:that[ \t]+)?(s?he)\b", re.IGNORECASE)
# What the word before a name says of it (bits of _before_flags), and the word after it.
_ROLE_NOUN, _SAYS, _PLACE_PREP, _PREP, _VERB = (1 << i for i in range(5))


class Candidate:
    """One name as read at its place, before grouping: its words (``name``) and the
    ``titles`` before them; where the mention starts (its first title), where its name
    starts and where it ends (``start``, ``name_start``, ``end``); the kind ``evidence``
    and ``roles`` it shows; its salience ``weight``; and whether it stands inside quoted
    text (``quoted``)."""

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
        name: tuple[str, ...],
        titles: tuple[str, ...],
        offsets: tuple[int, int, int],
        evidence: frozenset[str],
        roles: AbstractSet[str],
        weight: float,
    ) -> None:
        self.name, self.titles = name, titles
        self.evidence: AbstractSet[str] = evidence
        self.roles: AbstractSet[str] = roles if roles else _NO_ROLES
        self.start, self.name_start, self.end = offsets
        self.weight = weight
        self.quoted = False


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


# A document has one candidate per name, tens of thousands in a long one, but few distinct
# evidence sets: a candidate keeps the shared frozen copy of its evidence (the cached set
# its words give when the words around it add nothing, see _evidence; and no set at all
# for no roles, the commonest case), so the cyclic collector, which walks every live
# container on each full collection, has one object per name to walk instead of three.
_SHARED_EVIDENCE: dict[frozenset[str], frozenset[str]] = {}
_SHARED_LIMIT = 10_000
_NO_ROLES: frozenset[str] = frozenset()


def _shared(evidence: set[str]) -> frozenset[str]:
    """The shared frozen copy of ``evidence`` (equal sets, one object)."""
    key = frozenset(evidence)
    found = _SHARED_EVIDENCE.get(key)
    if found is None:
        if len(_SHARED_EVIDENCE) > _SHARED_LIMIT:
            _SHARED_EVIDENCE.clear()
        found = _SHARED_EVIDENCE[key] = key
    return found


def _evidence(known: frozenset[str], added: set[str]) -> frozenset[str]:
    """The evidence of a candidate: ``known`` (what its words give, a cached set) with
    what the words around it ``added``; ``known`` itself when they add nothing new,
    else the shared frozen copy (no set is frozen for most names)."""
    if not added or added <= known:
        return known
    added |= known
    return _shared(added)


def read_candidates(text: str, inside_quote: Callable[[int], bool]) -> list[Candidate]:
    """Every name of ``text`` that may matter, in document order (``inside_quote`` tells
    whether an offset lies in quoted text)."""
    out: list[Candidate] = []
    singles: list[tuple[SingleWord, int, int]] = []
    headlines = _headlines(text)
    heads = [s for s, _ in headlines]
    for m in NAME_RUN.finditer(text):
        at = m.start()
        if headlines:
            k = bisect.bisect_right(heads, at) - 1
            if k >= 0 and at < headlines[k][1]:
                continue
        run = m.group()
        if " " in run or "\t" in run:
            if text.endswith(" of ", 0, at):
                skip = _office_words(text, run, at)
                run, at = run[skip:], at + skip
            for s, ns, e, shape in run_groups(run):
                out.append(_candidate(text, inside_quote, at + s, at + ns, at + e, shape))
            continue
        # one word, the commonest run; inside quoted text it names no one the
        # attribution needs (it is never an antecedent), so it is not read
        if not inside_quote(at):
            single = single_word(run)
            if single is not None:
                singles.append((single, at, m.end()))
    if not singles:
        return out
    # A lone word matters when it may join a full name, is typed by itself, or stands
    # where a person stands; the rest ("Obamacare", "Officials") name no one.
    known = {w for c in out for w in (c.name[0], c.name[-1])}
    for (word, cut, typed, given), start, end in singles:
        end -= cut
        if (
            typed
            or word in known
            or text.startswith(_PERSON_AFTER, end)
            or text.endswith(_SAY_BEFORE_SPACED, 0, start)
        ):
            out.append(_single_candidate(text, word, start, end, given))
    out.sort(key=_START)
    return out


_START = operator.attrgetter("start")


def _headlines(text: str) -> list[tuple[int, int]]:
    """Short lines in title case that end without a period ("Trump Corners Obama On
    Trade"): headlines, where capitals do not mark names."""
    out: list[tuple[int, int]] = []
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        if end < 0:
            end = size
        if _HEADLINE_MIN_CHARS <= end - start <= _HEADLINE_CHARS:  # else too few words
            line = text[start:end]
            if not line.rstrip().endswith((".", "?", "!", ":", '"', "\u201d")):
                words = line.split()
                if len(words) >= _HEADLINE_WORDS:
                    capitals = sum(1 for w in words if w[:1].isupper())
                    if capitals >= _HEADLINE_SHARE * len(words):
                        out.append((start, end))
        start = end + 1
    return out


def _office_words(text: str, run: str, at: int) -> int:
    """How many characters of ``run`` (at ``at``) still name an office after a title
    and "of" ("Secretary of State Ann Lee", "Minister of Health Ann Lee"): those before
    a census first name, else before the last two words; 0 when there are none."""
    if not text.endswith(" of ", 0, at):
        return 0
    cut = text.rfind(" ", max(0, at - 30), at - 4)
    if not is_title(text[cut + 1 : at - 4]):
        return 0
    words = run.split()
    if len(words) < 3:
        return 0
    first = next((n for n in range(1, len(words) - 1) if is_given_name(words[n])), None)
    if first is None:
        first = len(words) - 2  # no census first name: the name is the last two words
    return len(" ".join(words[:first])) + 1


def _appositive_given_name(text: str, word: str, start: int) -> bool:
    """A census first name alone after a comma: a person ("Wise's dad, Darrel")."""
    return is_given_name(word) and text.endswith(", ", 0, start)


def _single_candidate(text: str, word: str, start: int, end: int, given: bool) -> Candidate:
    """The candidate of a one-word name at ``[start, end)`` (``given``: a census first
    name)."""
    added: set[str] = set()
    if given and text.endswith(", ", 0, start):  # as _appositive_given_name
        added.add("first-name")
    roles: set[str] = set()
    weight = _context(text, start, end, added, roles)
    evidence = _evidence(word_evidence(word), added)
    return Candidate((word,), (), (start, start, end), evidence, roles, weight)


def _candidate(
    text: str, inside_quote: Callable[[int], bool], s: int, ns: int, e: int, shape: NameShape
) -> Candidate:
    """The candidate of a name group at ``[s, e)`` (name from ``ns``) of that shape."""
    name, titles, known, given = shape[3:]
    if name[0] == "The":  # "The" is a leading word: here it marks an organisation
        if text.endswith("The ", 0, ns):
            ns -= 4  # "The Post", "The New York Times": the name has it
        else:
            name = name[1:]
    added: set[str] = set()
    if len(name) == 1 and s == ns and _appositive_given_name(text, name[0], s):
        added.add("first-name")
    if inside_quote(s):
        cand = Candidate(name, titles, (s, ns, e), _evidence(known, added), given, PLAIN)
        cand.quoted = True
        return cand
    roles: set[str] = set()
    weight = _context(text, s, e, added, roles)
    if roles:
        roles |= given
    return Candidate(name, titles, (s, ns, e), _evidence(known, added), roles or given, weight)


def _context(text: str, s: int, e: int, evidence: set[str], roles: set[str]) -> float:
    """Evidence from the words around a name at ``[s, e)`` outside quotes, and the
    salience weight of where it stands."""
    prev = text[s - 1] if s else ""
    if prev == "/" or text.startswith((" /", "/"), e):
        return CREDIT  # "(AP Photo/Mark Schiefelbein)", "(Lauren Pelley / CBC News)"
    if prev == "#" or prev == "@":
        return CREDIT  # "#PortesOuvertesNice", "@BernieSanders": a tag, nobody in view
    before = 0
    word = ""
    nxt_char = text[e : e + 1]
    possessive = nxt_char in ("'", "\u2019")  # "says Wise's dad": Wise does not speak
    # a word before that does not end in a letter says nothing (_before_flags gives it no
    # flag, and it is not "of" nor "from"): not cut out ('. Smith', ', Smith', '" Smith')
    if prev == " " and s > 1 and text[s - 2].isalpha():
        cut = text.rfind(" ", max(0, s - 30), s - 1)
        word = text[cut + 1 : s - 1]
        before = _before_flags(word)
        if before:
            if before & _ROLE_NOUN:
                evidence.add("role-before")
                role = word.lower()
                roles.add(role)
                if role in FEMALE_NOUNS:  # "her mother Ann", "his father Khaled"
                    evidence.add(FEMALE)
                elif role in MALE_NOUNS and (role == "man" or not role.endswith("man")):
                    evidence.add(MALE)  # not "spokesman Hope Hicks": said of women too
            if before & _SAYS:
                if not possessive:
                    evidence.add("speaks")
            elif before & _PLACE_PREP:
                evidence.add("place-prep")
    after_end = e
    if nxt_char == " ":
        if text.startswith("who ", e + 1):
            evidence.add("who")
        else:
            body = _AFFILIATION.match(text, e)
            if body is not None and _verb_kind(_word_at(text, body.end())) == _SAYS:
                after_end = body.end() - 1  # "Tim Orr with the Tallin Health Authority says"
    elif nxt_char == ",":
        if word not in ("of", "from"):  # "Sen. Ray Dunn of Alabama, the chairman,": Dunn's
            appos = _APPOSITION.match(text, e)
            if appos is not None:
                if text.startswith(",", appos.end()):
                    after_end = appos.end() + 1
                given, shown = _apposition_reading(appos.group(2), bool(appos.group(1)))
                roles.update(given)
                evidence |= shown
            if _AGE.match(text, e):
                evidence.add("age")
            if text.startswith(" who ", e + 1):
                evidence.add("who")
    elif possessive:
        return OBLIQUE  # "… Marsh's rinks", "says Wise's dad"
    elif before & _SAYS:
        return SPEAKING
    else:
        return PLAIN
    nxt = _NEXT_WORD.match(text, after_end)
    verb = _verb_kind(nxt.group(1)) if nxt else 0
    if verb == _SAYS:
        evidence.add("speaks")
        pronoun = _PRONOUN_AFTER.match(text, nxt.end()) if nxt else None
        if pronoun is not None:  # "Belkacemi says she will …": which Belkacemi
            evidence.add("says-" + pronoun.group(1).lower())
        return SPEAKING
    if before & _SAYS:
        return SPEAKING
    if before & _PREP:
        return OBLIQUE
    if verb:
        evidence.add("subject")
        return SUBJECT
    return PLAIN


@functools.lru_cache(maxsize=1 << 14)
def _apposition_reading(body: str, determined: bool) -> tuple[frozenset[str], frozenset[str]]:
    """The roles and the kind evidence an apposition's body gives ("X, the affable
    proprietor,"; ``determined``: it opens with an article or possessive, "a baker");
    cached, as descriptions recur."""
    roles: set[str] = set()
    evidence: set[str] = set()
    first = body.split(None, 1)[0].lower() if body.strip() else ""
    if not determined and (first in _PREPOSITIONS or first in _NOT_APPOSITION):
        return _NO_ROLES, _NO_ROLES  # "Schilling, through a spokeswoman, declined"
    for part in _APPOSITION_PARTS.split(body):
        head = head_noun(part)
        if not head:
            continue
        roles.add(head)
        if is_person_noun(head) or (determined and _is_common_noun(head)):
            evidence.add("appos-person")  # "Vasko Dren, a baker,"
            if head in FEMALE_NOUNS:
                evidence.add(FEMALE)
            elif head in MALE_NOUNS:
                evidence.add(MALE)
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
    if low in PLACE_PREPOSITIONS:
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


def _word_at(text: str, pos: int) -> str:
    """The lowercase word at ``pos`` (after the spaces there), or ""."""
    nxt = _NEXT_WORD.match(text, pos - 1) if pos and text[pos - 1] == " " else None
    return nxt.group(1) if nxt else ""
