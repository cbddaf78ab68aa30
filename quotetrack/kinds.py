"""What a capitalised name or a description names: a person, an organisation, a place.

Word lists and small predicates that the name readers (:mod:`quotetrack.name_runs`,
:mod:`quotetrack.name_context`) use to type the names of one article and that
:mod:`quotetrack.coreference` uses to resolve descriptions ("the mayor", "the company").
Data and one-word tests only; the evidence is weighed in :mod:`quotetrack.entities`.
"""

from __future__ import annotations

import enum
import functools
import re

from quotetrack.lexicon import female_share, is_surname, source_noun_kind

__all__ = [
    "FEMALE",
    "FEMALE_NOUNS",
    "MALE",
    "MALE_NOUNS",
    "EntityKind",
    "is_acronym",
    "is_brand",
    "is_country_body",
    "is_leading_word",
    "is_opening_participle",
    "is_org_head",
    "is_org_noun",
    "is_outlet",
    "is_outlet_noun",
    "is_person_noun",
    "is_place_head",
    "is_place_name",
    "is_role_noun",
    "is_role_title",
    "without_legal_suffix",
]


class EntityKind(enum.Enum):
    """What a named entity of an article is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    OTHER = "other"
    """A capitalised word with no evidence either way (a title, a product, a month)."""


FEMALE = "female"
"""The gender of a woman, as an entity carries it (``Entity.gender``)."""
MALE = "male"
"""The gender of a man, as an entity carries it (``Entity.gender``)."""


# Capitalised words that open a sentence or clause and never belong to a name
# ("In Ottawa", "Many", "Within", "For Ruiz"), lowercase.
_LEADING = frozenset(
    """
    the a an in on at of to for with by from into about than or nor yet what who whom whose how why
    there here it is was are were be and but so then if because though although after before
    since until as while when where later earlier now today yesterday tonight meanwhile however
    still also even just only many most more some several all each every both no not this that
    these those his her their its our your my we they he she i you unlike like despite during
    within without under over among between through across against toward towards near outside
    inside along around beyond behind dear please yes oh well instead indeed perhaps maybe once
    again last next other another such one two three four five six seven eight nine ten first
    second third new former late asked says said told
    monday tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov
    dec watch read story photo photos video related advertisement update note opinion analysis
    exclusive breaking listen click subscribe sponsored nevertheless nonetheless moreover
    furthermore therefore thus hence besides otherwise regardless overall anyway afterwards
    afterward likewise nobody anybody anyone someone somebody everyone everybody none neither
    either whoever whenever wherever whatever amid amidst following
    """.split()
)
# Endings of the adverbs that open a clause ("Hastily", "Initially", "Shortly"); a census
# name so ending ("Kelly", "Beverly") or a place ("Italy") is typed before this.
_ADVERB_ENDINGS = ("ally", "ously", "ively", "edly", "ingly", "ately", "ntly", "stily", "rtly")
_CONTRACTIONS = frozenset({"m", "re", "ve", "ll", "d", "t"})


# Last words of organisation names ("Parole Board", "Northern Plains Railway").
_ORG_HEADS = frozenset(
    """
    agency association authority bank board bureau centre center church club college commission
    committee company co. corp. corporation council court department diocese foundation fund group
    hospital inc. institute league ltd. ministry network office organization organisation party
    police press railway railroad school service services society union university times post news
    journal herald tribune gazette airlines airways motors energy industries systems technologies
    administration alliance coalition federation army navy government parliament senate congress
    assembly cabinet program project team academy council conservatives liberals democrats
    republicans institute secretariat house affairs studies sciences relations operations
    resources communications partners holdings
    """.split()
)
# News outlets, wire services and the platforms news quotes ("Politico reported", "the AP",
# "according to Reuters", "Telemundo"): organisations by their name alone. Names that are
# also common surnames of people in the news (Bloomberg, Fox, Gallup) are left out, and so
# are acronyms ("AP", "CNN"), organisations already, which join their long forms.
_OUTLETS = frozenset(
    """
    reuters politico realclearpolitics axios buzzfeed huffpost c-span telemundo univision
    xinhua politifact factcheck.org wikileaks twitter facebook instagram youtube google press
    snapchat reddit vox mediaite
    """.split()
)
# Legal-form abbreviations that end a company's registered name ("TransCanada Corp.").
_LEGAL_SUFFIXES = frozenset("corp. corp inc. inc ltd. ltd llc plc co. l.l.c.".split())
# Nouns of descriptions that may mean a news outlet ("the network", "the company").
_OUTLET_NOUNS = frozenset(
    "network newspaper paper broadcaster publisher publication site website outlet company"
    " platform channel station".split()
)
# Nouns of definite descriptions that refer to an organisation ("the company", "the agency").
_ORG_NOUNS = frozenset(
    """
    company firm agency department ministry board railway railroad union university diocese
    organization organisation corporation government party police bank council commission committee
    association authority network newspaper office foundation institute league team club church
    school hospital court city province airline automaker carrier retailer insurer utility bureau
    service army navy military regulator watchdog broadcaster publisher giant startup group
    """.split()
)
# Last words of place names ("Kent County", "Marlow Heights").
_PLACE_HEADS = frozenset(
    """
    county city heights street st. avenue ave. road rd. boulevard blvd. park province island islands
    river lake bay valley mountain mountains beach harbour harbor square township village region
    district station airport bridge arena stadium coast peninsula strait sea ocean gulf falls creek
    highway drive lane territory territories state states kingdom republic
    """.split()
)
# Countries, by their one-word English names: places, never people, when a name ends in
# one ("Canada has asked …", "she" is never "China"). Left out: names that are also
# common given names or surnames of people in the news (Jordan, Chad, Georgia, Israel).
_COUNTRIES = frozenset(
    """
    afghanistan albania algeria angola argentina armenia australia austria azerbaijan
    bahrain bangladesh belarus belgium bolivia bosnia brazil bulgaria burundi cambodia
    cameroon canada chile china colombia croatia cuba cyprus czechia denmark ecuador egypt
    eritrea estonia ethiopia finland france germany ghana greece guatemala haiti honduras
    hungary iceland india indonesia iran iraq ireland italy jamaica japan kazakhstan kenya
    kosovo kuwait laos latvia lebanon liberia libya lithuania luxembourg madagascar malawi
    malaysia mali mexico moldova mongolia montenegro morocco mozambique myanmar namibia nepal
    netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru
    philippines poland portugal qatar romania russia rwanda senegal serbia singapore slovakia
    slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand
    tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam yemen
    zambia zimbabwe britain england scotland wales
    """.split()
)
# Provinces, states and cities in the news, by their one-word names (the last word of a
# longer one: "New Hampshire", "Nova Scotia"): places, never people ("Texas asked …",
# "he" is never "Iowa"). Left out, like the countries above: names that are also census
# given names or surnames (Washington, Virginia, Georgia, Dallas, London, Victoria).
_REGIONS = frozenset(
    """
    alabama alaska arizona arkansas california connecticut delaware hawaii idaho illinois
    indiana iowa kansas kentucky louisiana massachusetts michigan minnesota mississippi
    missouri nebraska ohio oklahoma oregon pennsylvania tennessee texas utah vermont
    wisconsin wyoming hampshire jersey ontario quebec saskatchewan manitoba nunavut yukon
    newfoundland scotia toronto montreal vancouver ottawa calgary edmonton winnipeg halifax
    saskatoon kitchener waterloo surrey burnaby mississauga brampton moscow beijing tokyo
    jerusalem tehran baghdad damascus kabul cairo istanbul ankara riyadh dubai delhi mumbai
    shanghai seoul pyongyang brussels warsaw kyiv kiev havana caracas bogota chicago
    philadelphia detroit seattle atlanta miami pittsburgh milwaukee minneapolis nashville
    memphis louisville sacramento oakland brooklyn manhattan queens bronx benghazi aleppo
    mosul gaza
    """.split()
)
# First words of a country's longer name ("Northern Ireland", "Great Britain"): a place.
_COUNTRY_MODIFIERS = frozenset(
    "north south east west northern southern eastern western new great united the".split()
)
# Capitalised role words that stand before a name besides the honorific titles
# ("Coach Stephen Gillis", "Premier Doug Ford", "Yellowhead MP Jim Eglinski").
_ROLE_TITLES = frozenset(
    """
    coach premier minister mp mpp mla mna spokesman spokeswoman spokesperson councillor coun.
    councilor const. constable cpl. insp. supt. sgt. staff-sgt. cst. chief ceo cfo coo chair
    president secretary mayor governor gov. senator sen. rep. representative judge justice
    superintendent commissioner director manager officer professor prof. dr. general gen. captain
    capt. lieutenant lt. colonel col. sergeant corporal inspector detective det. deputy
    ambassador chancellor leader speaker treasurer attorney sheriff bishop pastor reverend rev.
    rabbi imam father sister brother pope king queen prince princess lord lady sir dame mr. mrs.
    ms. miss mr mrs ms mx. prime vice acting interim former then-
    """.split()
)
_PERSON_NOUNS = frozenset(
    """
    resident proprietor owner maverick professor artist coach player teacher doctor officer mother
    father woman man girl boy chef author founder co-founder researcher economist expert minister
    premier mayor senator councillor councilor chief commissioner spokesperson spokesman
    spokeswoman lawyer president ceo executive director manager student victim survivor singer
    actor actress writer historian scientist geologist activist leader farmer driver nurse worker
    volunteer advocate analyst musician designer entrepreneur retiree veteran parent grandmother
    grandfather daughter son wife husband partner friend neighbour neighbor host star athlete
    golfer pitcher goaltender republican democrat conservative liberal politician candidate
    premier judge prosecutor detective sergeant constable officer organizer organiser creator
    publisher illustrator cartoonist pastor priest bishop rabbi imam teenager senior mom dad
    grandmom sister brother aunt uncle uncle cousin nephew niece chairman chairwoman chair
    dean principal superintendent trustee curator broadcaster commentator columnist journalist
    reporter editor photographer filmmaker director producer comedian dancer poet novelist
    academic lecturer instructor physician surgeon psychologist psychiatrist therapist pharmacist
    dentist engineer architect developer landlord tenant homeowner shopper customer client patient
    owner operator pilot captain skipper forward defenceman defenseman goalie quarterback manager
    rival nominee challenger incumbent gunman shooter suspect killer offender attacker murderer
    defendant inmate prisoner plaintiff witness soldier trooper fighter militant bomber hostage
    refugee migrant immigrant demonstrator citizen taxpayer investor trader banker legislator
    congresswoman envoy negotiator mediator advisor lobbyist fundraiser billionaire millionaire
    businesswoman financier industrialist physicist biologist chemist philosopher theologian
    cleric preacher monk nun missionary
    """.split()
)
FEMALE_NOUNS = frozenset(
    """
    woman mother wife daughter actress spokeswoman chairwoman congresswoman grandmother sister girl
    lady queen princess businesswoman councilwoman mom aunt niece grandmom
    """.split()
)
MALE_NOUNS = frozenset(
    """
    man father husband son spokesman chairman congressman grandfather brother boy king prince
    businessman councilman dad uncle nephew
    """.split()
)


def is_leading_word(word: str) -> bool:
    """True for a capitalised word that opens a clause and is no part of a name ("In",
    "Many", "I’m", "Monday")."""
    low = word.lower().rstrip(".")
    if low in _LEADING:
        return True
    if low.endswith(_ADVERB_ENDINGS) and len(low) > 5 and _no_name(word):
        return True
    for apostrophe in ("'", "\u2019"):
        if apostrophe in low:
            base, _, rest = low.partition(apostrophe)
            return rest in _CONTRACTIONS or base in _LEADING
    return False


def _no_name(word: str) -> bool:
    """True for a word that is no census first name or surname and no place."""
    return female_share(word) is None and not is_surname(word) and not is_place_name(word)


def is_opening_participle(word: str) -> bool:
    """True for a capitalised "-ing" word that is no census name ("Overstating …",
    "Speaking …"): opening a run, it is a verb, not a name ("Zhaoying" inside one is)."""
    return word.endswith("ing") and female_share(word) is None and not is_surname(word)


def is_org_head(word: str) -> bool:
    """True when a name ending in ``word`` names an organisation ("Board", "Inc.", or a
    news outlet: "Politico", "Reuters")."""
    low = word.lower()
    return low in _ORG_HEADS or low in _OUTLETS


def is_place_head(word: str) -> bool:
    """True when a name ending in ``word`` names a place ("County", "Heights", or a
    country: "Canada")."""
    low = word.lower()
    return low in _PLACE_HEADS or low in _COUNTRIES or low in _REGIONS


def is_place_name(word: str) -> bool:
    """True for the one-word name of a country, province, state or city ("Canada",
    "Iowa", "Halifax"): the place itself, never the start of another's name."""
    low = word.lower()
    return low in _COUNTRIES or low in _REGIONS


def is_role_title(word: str) -> bool:
    """True for a capitalised role word that may stand before a person's name."""
    return word.lower() in _ROLE_TITLES


def is_acronym(word: str) -> bool:
    """True for an all-capitals word of two to six letters ("NATO", "EDC")."""
    letters = word.rstrip(".")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


_DOMAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*\.(?:com|org|net|gov|ca|co\.uk)")
_CAMEL = re.compile(r"[A-Z][a-z]{2,}[A-Z][a-z]")  # "TransLink", "ProPublica", "EgyptAir"
# Name prefixes before an inner capital: a family name, not a brand ("MacArthur",
# "FitzGerald", "VanderWal"); shorter ones ("McCain", "LaPlante", "DeSantis") are left
# alone by _CAMEL already.
_NAME_PREFIXES = ("Mac", "Fitz", "Van", "Von", "Der", "Den", "Del", "Della", "Dos", "San")


@functools.lru_cache(maxsize=1 << 14)
def is_brand(word: str) -> bool:
    """True for a one-word name written as a brand or a web address ("TransLink",
    "LinkedIn", "ProPublica", "Factcheck.org"): an organisation's, no person's. Family
    names with an inner capital ("McCain", "MacArthur", "LaPlante", "DeSantis") and
    census surnames are not brands."""
    if _DOMAIN.fullmatch(word.lower().rstrip(").,")) is not None:
        return True
    return (
        _CAMEL.match(word) is not None
        and not word.startswith(_NAME_PREFIXES)
        and not is_surname(word)
        and female_share(word) is None
    )


def is_role_noun(word: str) -> bool:
    """True for a singular person noun of the curated list that may stand before a name
    as its role ("Rival Hillary Clinton"); not "Veterans" (Affairs) or "National"."""
    return word.lower() in _PERSON_NOUNS and not word.endswith("s")


@functools.lru_cache(maxsize=1 << 14)
def is_person_noun(noun: str) -> bool:
    """True when a description headed by ``noun`` names a person ("the mayor")."""
    low = noun.lower()
    return low in _PERSON_NOUNS or source_noun_kind(low) == "person"


def is_org_noun(noun: str) -> bool:
    """True when a description headed by ``noun`` names an organisation ("the agency")."""
    return noun.lower() in _ORG_NOUNS


def is_outlet(name: str) -> bool:
    """True when ``name`` ends in a news outlet's, wire service's or platform's name
    ("Politico", "The AP"): an organisation that reports more than it speaks."""
    return name.rsplit(None, 1)[-1].lower() in _OUTLETS if name else False


def is_outlet_noun(noun: str) -> bool:
    """True when a description headed by ``noun`` may mean a news outlet ("the network")."""
    return noun.lower() in _OUTLET_NOUNS


def without_legal_suffix(name: str) -> str:
    """An organisation's name without the legal form that ends its registered name
    ("TransCanada Corp." → "TransCanada", "Sorvik Energy Inc." → "Sorvik Energy"): the
    name it is known and quoted by. A name that is only the suffix is kept."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _LEGAL_SUFFIXES:
        rest = " ".join(words[:-1]).rstrip(",")
        if rest and rest.lower() not in ("the", "and", "&"):
            return rest
    return name


def is_country_body(words: tuple[str, ...]) -> bool:
    """True for a name of several words that ends in a country's name and is no longer
    name of the country ("Export Development Canada", "Air Canada", "Statistics Canada"):
    an organisation, not the place ("Northern Ireland", "Great Britain")."""
    return (
        len(words) > 1
        and words[-1].lower() in _COUNTRIES
        and words[0].lower() not in _COUNTRY_MODIFIERS
    )
