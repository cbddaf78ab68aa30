"""Runs of capitalised words are cut into names, with their titles and what the words show."""

from __future__ import annotations

import pytest

from quotetrack.name_runs import (
    NAME_RUN,
    is_given_name,
    is_plural_title,
    is_title,
    run_groups,
    single_word,
    word_evidence,
)


def names_of(run: str) -> list[tuple[str, ...]]:
    """The name words of each group of ``run``."""
    return [shape[3] for _, _, _, shape in run_groups(run)]


def test_a_run_starts_only_at_a_word_start() -> None:
    """The scan finds whole capitalised runs, particles and initials included, never a
    capital inside a word."""
    text = "said McDonald and O'Neil of the U.S. Army, then Anna van der Berg left"
    runs = [m.group() for m in NAME_RUN.finditer(text)]
    assert runs == ["McDonald", "O'Neil", "U.S. Army", "Anna van der Berg"]


def test_titles_are_peeled_off_and_kept_as_roles() -> None:
    """'Tallin Mayor Doug Marsh' is the name 'Doug Marsh' with the title and role mayor; the
    offsets point at the title and at the name."""
    run = "Tallin Mayor Doug Marsh"
    ((first_title, name_start, end, shape),) = run_groups(run)
    assert run[first_title:end] == "Mayor Doug Marsh"
    assert run[name_start:end] == "Doug Marsh"
    assert shape[3] == ("Doug", "Marsh")
    assert shape[4] == ("Tallin", "Mayor")
    assert "title" in shape[5]
    assert shape[6] == {"mayor"}


def test_a_sentence_end_cuts_a_run_in_two() -> None:
    """'Jon Lowe. The Studiocomix' holds two names, neither running across the period."""
    assert names_of("Jon Lowe. The Studiocomix") == [("Jon", "Lowe"), ("Studiocomix",)]


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("Sen. Ray Dunn Jr.", [("Ray", "Dunn")]),  # a title before, a suffix after
        ("Marsh's", [("Marsh",)]),  # a possessive ends the name
        ("Mrs. Clinton", [("Clinton",)]),
        ("U.S. Secretary", []),  # a title alone names no one
        ("The Harbour Board", [("The", "Harbour", "Board")]),  # "The" kept if the text has it
    ],
)
def test_what_a_run_names(run: str, names: list[tuple[str, ...]]) -> None:
    """Titles, suffixes and possessives are no part of the name; an organisation keeps a
    candidate "The"."""
    assert names_of(run) == names


def test_an_honorific_gives_gender_evidence() -> None:
    """'Mrs.' before a surname shows a woman."""
    ((_, _, _, shape),) = run_groups("Mrs. Alder")
    assert "female" in shape[5]


@pytest.mark.parametrize(
    "word", ["Monday", "Mayor", "Overstating", "Nobody", "Anyone", "Amid", "Hastily", "Shortly"]
)
def test_a_lone_word_that_is_no_name(word: str) -> None:
    """A day, a title alone, an opening participle, an indefinite pronoun, a preposition
    and an opening adverb are no names."""
    assert single_word(word) is None


def test_an_opening_adverb_is_cut_from_the_name_after_it() -> None:
    """'Interestingly Blocher' is Blocher; 'Kelly', 'Italy' and 'Reilly' end in -ly and
    are names all the same."""
    assert names_of("Interestingly Blocher") == [("Blocher",)]
    assert names_of("Kelly Reilly") == [("Kelly", "Reilly")]
    assert single_word("Italy") is not None


def test_a_lone_word_as_a_name() -> None:
    """The word, the characters cut from its end, whether it is typed by itself and
    whether it is a census first name."""
    assert single_word("Teigen's") == ("Teigen", 2, False, False)
    assert single_word("Lowe.") == ("Lowe", 1, True, False)
    assert single_word("NATO") == ("NATO", 0, True, False)
    assert single_word("Darrel") == ("Darrel", 0, True, True)


def test_what_one_word_shows_by_itself() -> None:
    """A last word of an organisation or place, a census surname, an acronym."""
    assert word_evidence("Board") == {"org-head"}
    assert word_evidence("Heights") == {"place-head"}
    assert word_evidence("Smith") == {"surname"}
    assert word_evidence("NATO") == {"acronym"}


def test_titles_and_given_names() -> None:
    """Honorifics and role words are titles; census first names are given names."""
    assert is_title("Sen.") and is_title("Mayor")
    assert not is_title("Marsh")
    assert is_given_name("Darrel")
    assert not is_given_name("Tarrow")


def test_an_ampersand_joins_a_firm_s_name() -> None:
    """'Harlow & Pike' is one run and one name, an organisation's, not two surnames."""
    text = "Soap maker Harlow & Pike rallied."
    assert [m.group() for m in NAME_RUN.finditer(text)] == ["Soap", "Harlow & Pike"]
    [(_, _, _, shape)] = run_groups("Harlow & Pike")
    assert shape[3] == ("Harlow", "&", "Pike")
    assert "org-head" in shape[5] and "surname" not in shape[5]


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("State John Kerry", [("John", "Kerry")]),  # "Secretary of State John Kerry"
        ("Adviser Sidney Blume", [("Sidney", "Blume")]),
        ("Investigative Correspondent Cynthia Marr", [("Cynthia", "Marr")]),
        ("Fouzia Al Hashish", [("Fouzia", "Al", "Hashish")]),  # "Al": a name particle
        ("C. Stewart Verdery", [("C.", "Stewart", "Verdery")]),  # an initial is the name's
        ("Mary Kay Ash", [("Mary", "Kay", "Ash")]),
        ("Progressives Are Celebrating Ann Kowal", [("Progressives",), ("Ann", "Kowal")]),
    ],
)
def test_office_words_and_participles_before_a_name_are_cut(
    run: str, names: list[tuple[str, ...]]
) -> None:
    """Words that are no census names before a census first name and a surname name an
    office or a body ("State", "Adviser"), and an "-ing" word opening a name after a
    clause word is a verb: neither is part of the person's name, nor a title of it."""
    assert names_of(run) == names
    for _, _, _, shape in run_groups(run):
        assert shape[4] == ()


@pytest.mark.parametrize("word", ["TransLink", "ProPublica", "LinkedIn", "GunBroker.com"])
def test_a_brand_or_web_address_is_an_organisation_by_itself(word: str) -> None:
    """An inner capital after three letters or more, or a web address: an organisation
    (acronym evidence); family names with an inner capital are not."""
    assert "acronym" in word_evidence(word)


@pytest.mark.parametrize("word", ["McCain", "MacArthur", "LaPlante", "DeSantis", "FitzGerald"])
def test_a_family_name_with_an_inner_capital_is_no_brand(word: str) -> None:
    assert "acronym" not in word_evidence(word)


def test_new_opens_the_names_of_places_and_papers() -> None:
    """'New' opens a clause ("New research shows") but is part of "New York", "New
    Hampshire" (places) and "The New York Times"."""
    assert names_of("New York Daily News") == [("The", "New", "York", "Daily", "News")]
    [(_, _, _, shape)] = run_groups("New Hampshire")
    assert shape[3] == ("New", "Hampshire") and "place-head" in shape[5]
    assert "surname" not in run_groups("New York")[0][3][5]
    assert names_of("New Study Finds") == [("Study", "Finds")]


def test_department_plurals_end_an_organisation_s_name() -> None:
    """'Global Affairs', 'Nonproliferation Studies', 'Life Sciences', 'Freedom Partners':
    bodies by their last word, never a he/she antecedent."""
    for run in ("Global Affairs", "Nonproliferation Studies", "Life Sciences", "Freedom Partners"):
        [(_, _, _, shape)] = run_groups(run)
        assert "org-head" in shape[5], run


def test_the_plural_of_a_role_title_is_no_ones_name() -> None:
    """'MPs' and 'Senators' are role holders ("Liberal MPs said"); a party's plural, a
    borough and a surname are not titles."""
    assert is_plural_title("MPs") and is_plural_title("Senators")
    assert not is_plural_title("Democrats")
    assert not is_plural_title("Queens")
    assert not is_plural_title("MP")
