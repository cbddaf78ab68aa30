"""Words of names: titles, name particles, first-name genders and surnames.

The name lists are package data built by ``tools/build_names.py`` from the US Census Bureau
1990 name frequency lists (public domain).
"""

from __future__ import annotations

import functools
import unicodedata

from quotetrack.lexicon.files import data_rows

__all__ = [
    "FEMALE_TITLES",
    "MALE_TITLES",
    "NAME_PARTICLES",
    "TITLES",
    "TITLE_NOUNS",
    "female_share",
    "is_surname",
    "unaccented",
]

# Titles and honorifics that may stand before a name ("Sen. Elizabeth Warren").
TITLES = frozenset(
    """
    Mr. Mrs. Ms. Miss Dr. Sen. Sens. Senator Rep. Reps. Representative Gov. Governor
    President Vice Secretary Sec. Judge Justice Gen. General Mayor Speaker Chairman
    Chairwoman Chair Prime Minister Attorney Pope King Queen Prince Princess Rev.
    Reverend Sheriff Chief Officer Professor Prof. Lt. Col. Sgt. Capt. Det. Adm. Maj.
    Commissioner Ambassador Councilman Councilwoman Councilmember Assemblyman
    Assemblywoman Rabbi Father Sister Cardinal Bishop Lord Lady Sir Dame Coach Detective
    Deputy Director Leader Candidate Congressman Congresswoman Democrat Republican
    Former Minority Majority Whip Delegate Chancellor Premier Emperor Sultan Sheikh
    Ayatollah Chef Agent Inspector Superintendent Trooper Sergeant Captain Lieutenant
    Colonel Major Corporal Private Admiral Commander
    """.split()
)
MALE_TITLES = frozenset(
    ["Mr.", "King", "Prince", "Father", "Sir", "Lord", "Congressman", "Councilman", "Assemblyman"]
)
FEMALE_TITLES = frozenset(
    """
    Mrs. Ms. Miss Queen Princess Sister Lady Dame Congresswoman Councilwoman
    Assemblywoman Chairwoman
    """.split()
)

# Lowercase particles inside names ("Beto O'Rourke", "Ludwig van Beethoven"). The
# phrase readers use subsets of it (see quotetrack.phrase_tokens): each was tuned with its rule.
NAME_PARTICLES = frozenset("de del della der di da van von la le al el bin ibn dos du st.".split())


@functools.cache
def _first_names() -> dict[str, float]:
    return {name: float(share) for name, share in data_rows("first_names.tsv")}


@functools.cache
def _surnames() -> frozenset[str]:
    return frozenset(name for (name,) in data_rows("surnames.txt"))


@functools.lru_cache(maxsize=1 << 12)
def unaccented(word: str) -> str:
    """``word`` without its accents ("María" → "Maria"), as the ASCII Census lists
    spell names; :func:`quotetrack.names.fold` builds on it."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)
    )


def female_share(first_name: str) -> float | None:
    """Share of US bearers of ``first_name`` who are female (Census 1990), or None if unknown;
    accents are ignored ("María" is read as "Maria")."""
    if not first_name.isascii():
        first_name = unaccented(first_name)
    return _first_names().get(first_name.capitalize())


def is_surname(word: str) -> bool:
    """True when ``word`` is among the 20,000 most frequent US surnames (Census 1990);
    accents are ignored ("López" is read as "Lopez")."""
    if not word.isascii():
        word = unaccented(word)
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
