"""Word lists the rules read: cue verbs, titles, pronouns, name lists. Data, not logic.

The name lists are package data built by ``tools/build_names.py`` from the US Census Bureau
1990 name frequency lists (public domain). Cue forms are curated from PolNeAR train.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = [
    "ABBREVIATIONS",
    "CUE_VERBS",
    "FEMALE_TITLES",
    "GROUP_PRONOUNS",
    "MALE_TITLES",
    "NAME_PARTICLES",
    "PRONOUN_GENDER",
    "SPEAKER_PRONOUNS",
    "TITLES",
    "TITLE_NOUNS",
    "female_share",
    "is_surname",
    "source_noun_kind",
]

# Words that end with a period without ending the sentence (lowercase, no period).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "sens",
        "rep",
        "reps",
        "gov",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "cpl",
        "pvt",
        "det",
        "insp",
        "supt",
        "st",
        "jr",
        "sr",
        "prof",
        "rev",
        "hon",
        "pres",
        "sec",
        "atty",
        "asst",
        "assoc",
        "dept",
        "corp",
        "inc",
        "ltd",
        "co",
        "bros",
        "vs",
        "etc",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "no",
        "nos",
        "mt",
        "ft",
        "ave",
        "blvd",
        "rd",
        "fig",
        "gov't",
    ]
)

# Titles and honorifics that may stand before a name ("Sen. Elizabeth Warren").
TITLES = frozenset(
    [
        "Mr.",
        "Mrs.",
        "Ms.",
        "Miss",
        "Dr.",
        "Sen.",
        "Sens.",
        "Senator",
        "Rep.",
        "Reps.",
        "Representative",
        "Gov.",
        "Governor",
        "President",
        "Vice",
        "Secretary",
        "Sec.",
        "Judge",
        "Justice",
        "Gen.",
        "General",
        "Mayor",
        "Speaker",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Prime",
        "Minister",
        "Attorney",
        "Pope",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Rev.",
        "Reverend",
        "Sheriff",
        "Chief",
        "Officer",
        "Professor",
        "Prof.",
        "Lt.",
        "Col.",
        "Sgt.",
        "Capt.",
        "Det.",
        "Adm.",
        "Maj.",
        "Commissioner",
        "Ambassador",
        "Councilman",
        "Councilwoman",
        "Councilmember",
        "Assemblyman",
        "Assemblywoman",
        "Rabbi",
        "Father",
        "Sister",
        "Cardinal",
        "Bishop",
        "Lord",
        "Lady",
        "Sir",
        "Dame",
        "Coach",
        "Detective",
        "Deputy",
        "Director",
        "Leader",
        "Candidate",
        "Congressman",
        "Congresswoman",
        "Democrat",
        "Republican",
        "Former",
        "Minority",
        "Majority",
        "Whip",
        "Delegate",
        "Chancellor",
        "Premier",
        "Emperor",
        "Sultan",
        "Sheikh",
        "Ayatollah",
        "Chef",
        "Agent",
        "Inspector",
        "Superintendent",
        "Trooper",
        "Sergeant",
        "Captain",
        "Lieutenant",
        "Colonel",
        "Major",
        "Corporal",
        "Private",
        "Admiral",
        "Commander",
    ]
)
MALE_TITLES = frozenset(
    ["Mr.", "King", "Prince", "Father", "Sir", "Lord", "Congressman", "Councilman", "Assemblyman"]
)
FEMALE_TITLES = frozenset(
    [
        "Mrs.",
        "Ms.",
        "Miss",
        "Queen",
        "Princess",
        "Sister",
        "Lady",
        "Dame",
        "Congresswoman",
        "Councilwoman",
        "Assemblywoman",
        "Chairwoman",
    ]
)

# Lowercase particles inside names ("Beto O'Rourke", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "der",
        "di",
        "da",
        "van",
        "von",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "dos",
        "du",
        "st.",
    ]
)

# Pronouns that can be a speaker, with the gender they carry (None: any or a group).
PRONOUN_GENDER: dict[str, str | None] = {
    "he": "male",
    "she": "female",
    "they": None,
    "i": None,
    "we": None,
    "it": None,
}
SPEAKER_PRONOUNS = frozenset(PRONOUN_GENDER)
GROUP_PRONOUNS = frozenset({"they", "we", "it"})

# Cue verbs of direct speech and their inflections (lowercase).
_CUE_LEMMAS = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "add": "add adds added adding",
    "ask": "ask asks asked asking",
    "explain": "explain explains explained explaining",
    "write": "write writes wrote writing written",
    "tweet": "tweet tweets tweeted tweeting",
    "post": "post posts posted",
    "note": "note notes noted noting",
    "continue": "continue continues continued continuing",
    "declare": "declare declares declared declaring",
    "state": "state states stated stating",
    "remark": "remark remarks remarked",
    "recall": "recall recalls recalled recalling",
    "quip": "quip quips quipped",
    "joke": "joke jokes joked joking",
    "insist": "insist insists insisted insisting",
    "argue": "argue argues argued arguing",
    "warn": "warn warns warned warning",
    "claim": "claim claims claimed claiming",
    "reply": "reply replies replied replying",
    "respond": "respond responds responded responding",
    "answer": "answer answers answered",
    "shout": "shout shouts shouted shouting",
    "yell": "yell yells yelled yelling",
    "exclaim": "exclaim exclaims exclaimed",
    "announce": "announce announces announced announcing",
    "admit": "admit admits admitted admitting",
    "acknowledge": "acknowledge acknowledges acknowledged acknowledging",
    "concede": "concede concedes conceded conceding",
    "complain": "complain complains complained complaining",
    "observe": "observe observes observed",
    "suggest": "suggest suggests suggested suggesting",
    "urge": "urge urges urged urging",
    "vow": "vow vows vowed vowing",
    "promise": "promise promises promised promising",
    "predict": "predict predicts predicted predicting",
    "maintain": "maintain maintains maintained",
    "recount": "recount recounts recounted",
    "boast": "boast boasts boasted boasting",
    "lament": "lament laments lamented lamenting",
    "charge": "charge charges charged",
    "counter": "counter counters countered",
    "retort": "retort retorts retorted",
    "snap": "snap snaps snapped",
    "muse": "muse muses mused",
    "caution": "caution cautions cautioned",
    "emphasize": "emphasize emphasizes emphasized emphasise emphasises emphasised",
    "stress": "stress stresses stressed",
    "confirm": "confirm confirms confirmed",
    "deny": "deny denies denied",
    "report": "report reports reported",
    "testify": "testify testifies testified",
    "blast": "blast blasts blasted",
    "slam": "slam slams slammed",
    "mock": "mock mocks mocked",
    "rail": "rail rails railed",
    "opine": "opine opines opined",
    "agree": "agree agrees agreed",
    "conclude": "conclude concludes concluded",
    "read": "read reads",
    "tout": "tout touts touted",
    "scoff": "scoff scoffs scoffed",
    "sigh": "sigh sighs sighed",
    "laugh": "laugh laughs laughed",
    "cry": "cry cries cried",
    "plead": "plead pleads pleaded pled",
    "demand": "demand demands demanded",
    "chant": "chant chants chanted",
    "proclaim": "proclaim proclaims proclaimed",
    "assert": "assert asserts asserted",
    "allege": "allege alleges alleged",
    "contend": "contend contends contended",
    "reiterate": "reiterate reiterates reiterated",
    "describe": "describe describes described",
    "mention": "mention mentions mentioned",
    "whisper": "whisper whispers whispered",
    "begin": "begin begins began",
    "offer": "offer offers offered",
    "point": "point points pointed",
    "go": "went",
    "chime": "chime chimes chimed",
    "interject": "interject interjects interjected",
    "interrupt": "interrupt interrupts interrupted",
}
# Data-driven additions from cues.tsv (PolNeAR train): single-word forms that head a gold
# cue at least 3 times, are a cue in at least half of their uses outside quoted text, and
# cue direct or mixed quotes at least twice. Measured on PolNeAR: dev direct F1 0.883 ->
# 0.889, train 0.888 -> 0.888, speaker accuracy unchanged or up (benchmarks/polnear.py).
CUE_MIN_GOLD = 3
CUE_MIN_PRECISION_OUTSIDE_QUOTES = 0.5
CUE_MIN_DIRECT_OR_MIXED = 2


@functools.cache
def _cue_rows() -> tuple[tuple[str, str, int, dict[str, int], float], ...]:
    """The single-word rows of cues.tsv: form, lemma, gold count, gold count per class
    (direct/mixed/indirect) and precision outside quoted text."""
    text = resources.files("quotetrack").joinpath("data", "cues.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        form, lemma, gold, _, _, kinds, outside = line.split("\t")
        if kinds.startswith("multi") or " " in form:
            continue
        counts = {k: int(v) for k, v in (pair.split("=") for pair in kinds.split(","))}
        rows.append((form, lemma, int(gold), counts, float(outside)))
    return tuple(rows)


def _data_cues() -> dict[str, str]:
    return {
        form: lemma
        for form, lemma, gold, counts, outside in _cue_rows()
        if gold >= CUE_MIN_GOLD
        and outside >= CUE_MIN_PRECISION_OUTSIDE_QUOTES
        and counts.get("direct", 0) + counts.get("mixed", 0) >= CUE_MIN_DIRECT_OR_MIXED
    }


# Reported speech reads more of cues.tsv: every single-word form that heads a gold cue at
# least 4 times and is a cue in at least 0.4 of its uses outside quoted text, whatever
# the class of what it cues. Measured with the reported-speech rules on PolNeAR train:
# all-attribution F1 0.598 -> 0.618 (0.5: 0.616, 0.3: 0.621 with precision 0.815).
REPORTED_CUE_MIN_GOLD = 4
REPORTED_CUE_MIN_PRECISION_OUTSIDE_QUOTES = 0.4


def reported_cue_forms() -> dict[str, str]:
    """Single-word cue forms (form -> lemma) learned from PolNeAR train for reported
    speech; see ``REPORTED_CUE_MIN_GOLD`` and ``REPORTED_CUE_MIN_PRECISION_OUTSIDE_QUOTES``."""
    return {
        form: lemma
        for form, lemma, gold, _, outside in _cue_rows()
        if form.isalpha()
        and gold >= REPORTED_CUE_MIN_GOLD
        and outside >= REPORTED_CUE_MIN_PRECISION_OUTSIDE_QUOTES
    }


CUE_VERBS: dict[str, str] = {
    **_data_cues(),
    **{form: lemma for lemma, forms in _CUE_LEMMAS.items() for form in forms.split()},
}


@functools.cache
def _first_names() -> dict[str, float]:
    text = resources.files("quotetrack").joinpath("data", "first_names.tsv").read_text("utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, share = line.split("\t")
            out[name] = float(share)
    return out


@functools.cache
def _surnames() -> frozenset[str]:
    text = resources.files("quotetrack").joinpath("data", "surnames.txt").read_text("utf-8")
    return frozenset(ln for ln in text.splitlines() if ln and not ln.startswith("#"))


def female_share(first_name: str) -> float | None:
    """Share of US bearers of ``first_name`` who are female (Census 1990), or None if unknown."""
    return _first_names().get(first_name.capitalize())


def is_surname(word: str) -> bool:
    """True when ``word`` is among the 20,000 most frequent US surnames (Census 1990)."""
    return word.capitalize() in _surnames()


# What a title says a person is, for resolving "the senator" to "Sen. Elizabeth Warren".
TITLE_NOUNS: dict[str, tuple[str, ...]] = {
    "Sen.": ("senator", "lawmaker"),
    "Senator": ("senator", "lawmaker"),
    "Sens.": ("senator", "lawmaker"),
    "Rep.": ("congressman", "congresswoman", "representative", "lawmaker"),
    "Representative": ("congressman", "congresswoman", "representative", "lawmaker"),
    "Congressman": ("congressman", "lawmaker"),
    "Congresswoman": ("congresswoman", "lawmaker"),
    "Gov.": ("governor",),
    "Governor": ("governor",),
    "President": ("president",),
    "Secretary": ("secretary",),
    "Judge": ("judge",),
    "Justice": ("justice", "judge"),
    "Mayor": ("mayor",),
    "Speaker": ("speaker",),
    "Gen.": ("general",),
    "General": ("general",),
    "Dr.": ("doctor",),
    "Prof.": ("professor",),
    "Professor": ("professor",),
    "Chairman": ("chairman",),
    "Chairwoman": ("chairwoman",),
    "Ambassador": ("ambassador",),
    "Sheriff": ("sheriff",),
    "Pope": ("pope", "pontiff"),
    "Rev.": ("reverend", "pastor"),
}


@functools.cache
def _source_nouns() -> dict[str, str]:
    text = resources.files("quotetrack").joinpath("data", "source_nouns.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            noun, _, _, _, kind = line.split("\t")
            out[noun] = kind.rstrip("?")
    return out


def source_noun_kind(noun: str) -> str | None:
    """What a source noun names in PolNeAR train: person, group, anonymous, document or
    partitive ("spokesman" -> person, "officials" -> anonymous, "poll" -> document)."""
    return _source_nouns().get(noun.lower())


_POSTMOD_PREPS = frozenset("with to for at of from in".split())
_POSTMOD_ADJECTIVES = frozenset("familiar close closest loyal allied opposed".split())


def postmodifies_source(head: str, preposition: str) -> bool:
    """True when ``preposition`` after the word ``head`` ties a phrase to a source noun
    ("a source close to him", "a spokesman for the campaign", "people familiar with")."""
    return preposition.lower() in _POSTMOD_PREPS and (
        head.lower() in _POSTMOD_ADJECTIVES or source_noun_kind(head) is not None
    )
