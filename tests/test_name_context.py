"""Each name of an article is read at its place: the evidence around it and its weight."""

from __future__ import annotations

from quotetrack.name_context import (
    CREDIT,
    OBLIQUE,
    PLAIN,
    SPEAKING,
    SUBJECT,
    Candidate,
    head_noun,
    read_candidates,
)


def read(text: str, quoted: tuple[int, int] | None = None) -> dict[str, Candidate]:
    """The candidates of ``text`` by their name (``quoted``: one quoted stretch)."""

    def inside(pos: int) -> bool:
        return quoted is not None and quoted[0] <= pos < quoted[1]

    return {" ".join(c.name): c for c in read_candidates(text, inside)}


def test_an_apposition_gives_roles_and_kind() -> None:
    """'Orla Quist, a baker, said' is a person with the role baker who speaks."""
    quist = read("Orla Quist, a baker, said the oven works.")["Orla Quist"]
    assert {"appos-person", "speaks"} <= quist.evidence
    assert quist.roles == {"baker"}
    assert quist.weight == SPEAKING


def test_a_name_speaks_past_the_body_it_is_with() -> None:
    """'Owen Marsh with the Eastvale Health Authority says' and 'Ann Lee of Tallin
    said': the name speaks; a kinship word before a name gives its gender."""
    found = read("Owen Marsh with the Eastvale Health Authority says the wait is long.")
    assert found["Owen Marsh"].weight == SPEAKING and "speaks" in found["Owen Marsh"].evidence
    assert read("Ann Lee of Tallin said so.")["Ann Lee"].weight == SPEAKING
    assert read("Owen Marsh with the Eastvale Board left.")["Owen Marsh"].weight == PLAIN
    assert "male" in read("Her husband Tomasz Volk left.")["Tomasz Volk"].evidence


def test_a_role_noun_before_a_name() -> None:
    """'geologist Ben Tarrow disagreed': a role before it, a subject by the verb after."""
    text = "The town heard geologist Ben Tarrow disagreed."
    tarrow = read(text)["Ben Tarrow"]
    assert "role-before" in tarrow.evidence and "geologist" in tarrow.roles
    assert tarrow.weight == SUBJECT
    assert text[tarrow.start : tarrow.end] == "Ben Tarrow"


def test_weights_by_where_a_name_stands() -> None:
    """A name after a preposition weighs less, a possessive too, a credit nothing."""
    text = "Unlike Ana Vell, he left. Teo Marsh's plan failed. (AP Photo/Lin Oda)"
    found = read(text)
    assert found["Ana Vell"].weight == OBLIQUE
    assert found["Teo Marsh"].weight == OBLIQUE
    assert found["Lin Oda"].weight == CREDIT


def test_an_age_and_a_who_show_a_person() -> None:
    """'Rui Salo, 37,' and 'Ada Kemp, who' are persons by what follows them."""
    found = read("Rui Salo, 37, came. Ada Kemp, who left, came.")
    assert "age" in found["Rui Salo"].evidence
    assert "who" in found["Ada Kemp"].evidence


def test_names_in_quoted_text_are_marked_and_plain() -> None:
    """A name inside quotes is read but not weighed by its context."""
    text = 'She said "Ana Vell said no" then.'
    vell = read(text, (9, 28))["Ana Vell"]
    assert vell.quoted and vell.weight == PLAIN


def test_a_lone_word_is_kept_only_when_it_may_name_someone() -> None:
    """A lone word that speaks or repeats a full name is kept; a stray capital is not."""
    found = read("Orla Quist came. Quist left. Obamacare failed. Varga said so.")
    assert {"Orla Quist", "Quist", "Varga"} <= set(found)
    assert "Obamacare" not in found


def test_a_headline_names_no_one() -> None:
    """A short title-case line without a period is a headline: its capitals are no names."""
    found = read("Mayor Corners Rival On Housing Plan\nAna Vell spoke.")
    assert set(found) == {"Ana Vell"}


def test_head_noun() -> None:
    """The last word before a preposition or relative pronoun, lowercased."""
    assert head_noun("former Sports Illustrated model") == "model"
    assert head_noun("spokesman for the city") == "spokesman"
    assert head_noun("of the city") is None


def test_a_possessive_after_a_speech_verb_does_not_speak() -> None:
    """In '“…,” says Vell's dad, Darrel' and 'said Ann Lee's statement' the owner is named
    in passing: no speaker, and weighed as a possessive."""
    vell = read("“It is worth it,” says Vell’s dad, Darrel.")["Vell"]
    assert "speaks" not in vell.evidence and vell.weight == OBLIQUE
    lee = read("The mayor said Ann Lee's statement was wrong.")["Ann Lee"]
    assert "speaks" not in lee.evidence and lee.weight == OBLIQUE
    assert read("“It is worth it,” says Vell.")["Vell"].weight == SPEAKING


def test_a_hashtag_or_handle_names_no_one_in_view() -> None:
    """'#PortesOuvertes' and '@Kowal' are tags: never an antecedent (credit weight)."""
    found = read("Residents shared #PortesOuvertes and wrote to @Kowal on Monday.")
    assert found["PortesOuvertes"].weight == CREDIT
    assert found["Kowal"].weight == CREDIT


def test_more_speech_verbs_after_a_name_make_it_speak() -> None:
    """'Reyes also cited …', 'Lee suggested …', 'Dane agreed …': the name speaks."""
    for verb in ("also cited", "suggested", "agreed", "predicted", "conceded"):
        found = read(f"Tom Reyes {verb} that rents will rise.")["Tom Reyes"]
        assert found.weight == SPEAKING and "speaks" in found.evidence, verb


def test_an_aside_after_a_comma_is_no_apposition() -> None:
    """'Vell, through a spokeswoman, declined' says nothing of Vell: not a woman, no role;
    'Vell, a spokeswoman, said' does."""
    aside = read("Tom Vell, through a spokeswoman, declined to comment.")["Tom Vell"]
    assert "female" not in aside.evidence and "spokeswoman" not in aside.roles
    appos = read("Tia Vell, a spokeswoman, said no.")["Tia Vell"]
    assert "female" in appos.evidence and "spokeswoman" in appos.roles
