"""What a name is: in-article speaker names cleaned, taken apart, typed and compared.

Pure functions over strings, used by :mod:`quotetrack.identity` to follow speakers
across articles and by :mod:`quotetrack.people` to key a registry:

- :func:`clean_name`, :func:`parse_person` (a person's name into folded name words, the
  gender a title gives, a suffix, the form to show), :func:`canonical_name` and
  :func:`alias_form` (how a record and its aliases are shown: no role words or titles);
- :func:`record_kind` (person, organisation or group; None for what is no speaker),
  :func:`speaker_key`, :func:`group_key`;
- :func:`is_name_form` and :func:`fits_key` (which mentions may be listed as a record's
  aliases: no title of the other sex, no other suffix), :func:`alias_for`;
- :func:`article_evidence`: the fuller names an article's text gives for a bare surname.

A name whose first word is a known first name (US Census 1990 list, or a common nickname
of one, :data:`NICKNAMES`) and that has a surname is *full*: its key is first name +
surname (+ suffix), so "Hillary Clinton", "Hillary Rodham Clinton" and "Hillary R.
Clinton" share the key ``hillary clinton``, while "Bill Clinton" is ``william clinton``
and "Donald Trump Jr." ``donald trump jr``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Final

import attrs

from quotetrack.kinds import FEMALE, MALE, is_leading_word, is_org_head
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
    unaccented,
)
from quotetrack.models import Speaker, SpeakerKind

__all__ = [
    "NICKNAMES",
    "PersonName",
    "alias_for",
    "alias_form",
    "article_evidence",
    "canonical_name",
    "clean_name",
    "fits_key",
    "fold",
    "group_key",
    "is_name_form",
    "known_first",
    "parse_person",
    "record_kind",
    "speaker_key",
]

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
_MAX_LISTED_PERSONS: Final = 8  # persons of a coordinated speaker keyed as one group
_APOSTROPHES: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_POSSESSIVE: Final = re.compile(r"(?:'s|s')$|'$")
_INITIAL: Final = re.compile(r"^(?:[A-Za-z]\.)+$|^[A-Z]$")


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Casefolded, accents removed, curly apostrophes straightened."""
    return unaccented(word.translate(_APOSTROPHES)).casefold()


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
        full = len(self.words) >= 2 and known_first(self.words[0])
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
            return FEMALE
        if share <= 0.1:
            return MALE
        return None


def known_first(word: str) -> bool:
    return word in NICKNAMES or female_share(word) is not None


_WEEKDAYS: Final = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_INNER_POSSESSIVE: Final = re.compile(r"(?:'s|s')$")


def _is_role(word: str, *, surname_ok: bool = True) -> bool:
    """A word that says what someone is, not who ("Republican", "spokesman"); with
    ``surname_ok``, not when it is also a common surname ("King", "Major")."""
    folded = fold(word).rstrip(".")
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
    while len(words) > 1 and fold(words[0]) in _LEADING_WORDS:
        words.pop(0)  # a capitalised sentence start caught in the name: "Of Carson"
    if not words:
        return None
    if len(words) == 1 and (
        fold(words[0]).rstrip(".") in _LEADING_WORDS | _TITLE_WORDS
        or _is_role(words[0], surname_ok=False)
    ):
        return None  # "According" (to), "Republican", "Mr.", "Pastor"
    if (len(words) > 1 and _is_role(words[-1])) or fold(words[-1]) in _WEEKDAYS:
        return None  # "Orlando Republican", "Former Clinton Pollster", "Florida Friday"
    # Everything up to the last title is a description: "Vermont Sen. Bernie Sanders",
    # "House Speaker Paul Ryan", "Mrs. Clinton". A title as the last word is a surname
    # ("Stephen King").
    titles = [
        i
        for i, w in enumerate(words[:-1])
        if w.lower().rstrip(".") in _TITLE_WORDS
        or (w[:1].isupper() and not known_first(fold(w)) and _is_role(w, surname_ok=False))
    ]
    gender: str | None = None
    if titles:
        for word in words[: titles[-1] + 1]:
            title = word.lower().rstrip(".")
            if title in _FEMALE_TITLE_WORDS:
                gender = FEMALE
            elif title in _MALE_TITLE_WORDS:
                gender = MALE
        words = words[titles[-1] + 1 :]
    # A capitalised word before a known first name is a description too ("Rival Hillary
    # Clinton"), when a first name and a surname remain.
    if len(words) >= 3 and not known_first(fold(words[0])):
        for i in range(1, len(words) - 1):
            if known_first(fold(words[i].rstrip("."))) and not _INITIAL.match(words[i]):
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
            and (bare.islower() or i > 0 or not known_first(lower))
        ):
            particle += fold(bare) + " "
            shown.append(bare)
            continue
        if not bare[:1].isupper() or any(c.isdigit() for c in bare):
            return None
        kept.append(particle + fold(bare.rstrip(".")))
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


_STORE_ORG_WORDS: Final = frozenset({"campaign", "convention", "state", "magazine"})
"""Organisation words of the store's names beyond :func:`quotetrack.kinds.is_org_head`'s
("the Clinton campaign", "the Republican National Convention")."""


def _org_word(word: str) -> bool:
    """A word that only organisations carry ("Fox News", "The White House")."""
    folded = fold(word).rstrip(".")
    return folded in _STORE_ORG_WORDS or is_org_head(folded)


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
    last = fold(body[-1]).rstrip(".")
    noun = source_noun_kind(last)
    if noun in ("document", "partitive", "anonymous") and len(body) == 1:
        return None  # "Polls", "Officials"
    if last in {"others", "other", "many", "some", "both", "all"}:
        return None
    if kind is SpeakerKind.PERSON and the and _is_role(body[-1]):
        return None  # "The Wisconsin Republican": a description, resolved in-article or not at all
    if kind is SpeakerKind.PERSON and not the:
        person = parse_person(name)
        if person is not None and person.full and not any(_org_word(w) for w in person.words):
            return kind  # "House Speaker Paul Ryan": an organisation word in a description
    organisation = the or any(_org_word(w) for w in body)
    if len(body) == 1:
        word = body[0]
        if (
            word.isupper()
            and len(word) <= 6
            and not is_surname(word)
            and not known_first(word.lower())
        ):
            organisation = True  # "CNN", "FBI", not "TRUMP" (a transcript label)
        elif (
            word[:1].isupper()
            and word.endswith("s")
            and not is_surname(fold(word))
            and not known_first(fold(word))
            and (
                _is_role(word[:-1], surname_ok=False)
                or source_noun_kind(fold(word)) in ("group", "person", "anonymous")
                or word.lower() in _PLURALS
                or is_surname(fold(word)[:-1])  # a family: "the Clintons", "the Khans"
                or known_first(fold(word)[:-1])
                or fold(word).endswith(_PLURAL_ENDINGS)  # "Historians", "Teamsters"
            )
        ):
            return SpeakerKind.GROUP  # "Republicans", "Democrats"
    if organisation:
        plural = last.endswith("s") and not _org_word(last) and last[:-1] in _PLURAL_HEADS
        return SpeakerKind.GROUP if plural else SpeakerKind.ORGANISATION
    return kind


_PLURAL_ENDINGS: Final = (
    "ians",
    "ers",
    "ors",
    "ists",
    "ants",
    "ents",
    "ees",
    "als",
    "ites",
    "sses",
    "ives",
    "ans",
)
"""Endings of plural nouns for people ("Historians", "Witnesses", "Millennials",
"Ohioans")."""

_PLURALS: Final = frozenset(
    "republicans democrats dems americans conservatives liberals progressives voters".split()
)
_PLURAL_HEADS: Final = frozenset(
    "republican democrat american conservative liberal progressive voter supporter".split()
)


def group_key(name: str) -> str | None:
    """The key of a group's or organisation's name: its words folded, without a leading
    "the"; the persons' full names of a coordinated speaker ("Maria Lopez and John Smith",
    "A, B and C") in a fixed order, so the same people named in any order are one group.
    None for what names no group (a pronoun, a lowercase phrase, a run of many words)."""
    listed = _listed_persons(name)
    if listed is not None:
        return " and ".join(sorted(listed))
    words = clean_name(name).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or len(words) > _MAX_GROUP_WORDS or not words[0][:1].isupper():
        return None
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return None
    return " ".join(fold(w) for w in words)


_LIST_JOINTS: Final = re.compile(r",[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+")


def _listed_persons(name: str) -> list[str] | None:
    """The folded full names of the persons a coordinated name lists ("Maria Lopez and
    John Smith"), or None when it is no such list (an organisation's "Procter and
    Gamble", a single name)."""
    if " and " not in name:
        return None
    parts = _LIST_JOINTS.split(clean_name(name))
    if len(parts) < 2 or len(parts) > _MAX_LISTED_PERSONS:
        return None
    people = [parse_person(part) for part in parts]
    if not all(p is not None and p.full for p in people):
        return None
    return [" ".join(fold(w) for w in part.split()) for part in parts]


def speaker_key(name: str, kind: SpeakerKind) -> str | None:
    """The key of ``name`` on its own, before any linking: ``person:<key>`` or
    ``group:<key>``; None when it names no one that can be followed across articles."""
    if kind is SpeakerKind.ANONYMOUS:
        return None
    if kind in (SpeakerKind.GROUP, SpeakerKind.ORGANISATION):
        key = group_key(name)
        return None if key is None else f"group:{key}"
    person = parse_person(name)
    return None if person is None else f"person:{person.key}"


def is_name_form(text: str, kind: SpeakerKind) -> bool:
    """True when ``text`` is a name as one would list it: name words, titles, initials
    and suffixes only ("Mrs. Clinton", "Sen. Bernie Sanders"), not a mention that caught
    other words ("So Donald Trump", "Ohio Gov. John Kasich", "Of Carson")."""
    if kind is SpeakerKind.GROUP:
        return group_key(text) is not None
    person = parse_person(text)
    if person is None:
        return False
    kept = {part for word in person.words for part in word.split()}
    words = clean_name(text).split()
    if fold(words[0]) in _LEADING_WORDS:
        return False  # "A Clinton"
    for word in words:
        bare = word.rstrip(",")
        folded = fold(bare.rstrip("."))
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


def alias_for(speaker: Speaker, text: str | None = None) -> str | None:
    """The name under which ``speaker`` is followed across articles: the in-article name,
    cleaned; or the mention itself ("Tester") when that name is not a name (a parser
    slip such as "Donald Trump. Montana Sen. Jon Tester"); None for pronouns,
    anonymous sources and what the parser could not resolve to a name
    (``Speaker.resolved`` False: "the mayor", "Despite"), unless those words hold a
    name all the same ("former President Bill Clinton", "the Associated Press").

    A suffix the in-article name lost is put back ("Donald Trump" read from "Donald Trump
    Jr." is ``Donald Trump Jr.``): from the mention, or, given the article's ``text``,
    from the words after the span the name was read from (``Speaker.source``)."""
    repeats = clean_name(speaker.name) == clean_name(speaker.mention.text)
    if not speaker.resolved and repeats and not _names_someone(speaker.name, speaker.kind):
        return None
    candidates: tuple[str, ...] = (speaker.name, speaker.mention.text)
    if speaker.kind is SpeakerKind.PERSON and not _title_fits(speaker.name, speaker.mention.text):
        candidates = (speaker.mention.text,)  # "Mr. Trump" read as "Ivanka Trump"
    for candidate in candidates:
        if speaker_key(candidate, speaker.kind) is not None:
            name = clean_name(candidate)
            if speaker.kind is SpeakerKind.PERSON:
                return _with_suffix(name, speaker, text)
            return name
    return None


def _title_fits(name: str, mention: str) -> bool:
    """False when ``mention`` is a bare surname with a title of one sex ("Mr. Trump") and
    nothing says the in-article ``name`` it was resolved to ("Ivanka Trump") is of that
    sex: the first-name list does not know her, so the parser's link is not trusted and
    the mention is followed instead (the store links it by its article's evidence)."""
    said = parse_person(mention)
    if said is None or said.full or said.gender is None:
        return True
    person = parse_person(name)
    if person is None or len(person.words) <= len(said.words):
        return True
    if person.words[-len(said.words) :] != said.words:
        return True
    return person.first_gender == said.gender or person.gender == said.gender


def _with_suffix(name: str, speaker: Speaker, text: str | None) -> str:
    person = parse_person(name)
    if person is None or person.suffix is not None:
        return name
    mention = parse_person(speaker.mention.text)
    if mention is not None and mention.suffix and mention.words == person.words:
        return f"{name} {_SUFFIX_FORMS[mention.suffix]}"
    source = speaker.source
    if text is not None and source is not None and text[source.start : source.end] == source.text:
        after = _SUFFIX_AFTER.match(text, source.end)
        read = parse_person(source.text)
        if after is not None and read is not None and read.words == person.words:
            return f"{name} {after.group().strip(' ,')}"
    return name


def _names_someone(words: str, kind: SpeakerKind) -> bool:
    """True when a mention the parser left unresolved holds a person's name of two words
    or more ("former President Bill Clinton", "former Florida governor Jeb Bush"), or an
    organisation's or group's name that no determiner opens ("the Associated Press",
    not "Some observers")."""
    typed = record_kind(words, kind)
    person = parse_person(words) if typed is SpeakerKind.PERSON else None
    if person is not None and len(person.words) >= 2:
        return person.full or not is_leading_word(person.display.split()[0])
    if typed not in (SpeakerKind.ORGANISATION, SpeakerKind.GROUP):
        return False
    first = clean_name(words).split()
    if len(first) > 1 and first[0].lower() == "the":
        return True
    return bool(first) and first[0][:1].isupper() and not is_leading_word(first[0])


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


_NOT_FIRST: Final = frozenset({"team", "interestingly", "co", "will", "which", "neither"})
"""Capitalised words before a surname that are no first name, beyond
:func:`quotetrack.kinds.is_leading_word`'s ("Team Trump", "Will Twitter")."""
_GLUED: Final = re.compile(r"^[A-Z]{2,}[a-z]")  # "PMDonald": two words run together


def _evidence_name(candidate: PersonName, *, opens_sentence: bool) -> bool:
    """True when a fuller name found in the text is a person's name: a known first name,
    or a plausible one not opening a sentence ("Khizr Khan", not "Although Rubio"), and
    no organisation word inside ("Washington Post Trump")."""
    if any(_org_word(w) for w in candidate.words):
        return False
    if candidate.full:
        return True
    first = candidate.display.split()[0]
    return len(candidate.words) == 2 and not opens_sentence and _plausible_first(first)


def _plausible_first(word: str) -> bool:
    """A word that can be an unlisted first name ("Khizr", "Reince")."""
    folded = fold(word)
    return (
        word.isalpha()
        and word[:1].isupper()
        and word[1:].islower()
        and not _GLUED.match(word)
        and folded not in _NOT_FIRST | _LEADING_WORDS
        and not is_leading_word(word)
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
