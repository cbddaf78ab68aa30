"""Names read in context are grouped into typed entities."""

from __future__ import annotations

from quotetrack.entities import Entities, Entity, edit_distance
from quotetrack.kinds import EntityKind
from quotetrack.name_context import read_candidates


def entities_of(text: str) -> Entities:
    return Entities(text, read_candidates(text, lambda pos: False))


def named(found: Entities, name: str) -> Entity:
    """The one entity with that fullest name."""
    ents = {id(m.entity): m.entity for m in found.all if m.entity.name == name}
    assert len(ents) == 1, [m.entity.name for m in found.all]
    return next(iter(ents.values()))


def test_edit_distance() -> None:
    """Levenshtein distance, with early stop past the limit."""
    assert edit_distance("Teigen", "Teigan") == 1
    assert edit_distance("Clinton", "Clinton") == 0
    assert edit_distance("abc", "xyzabc", limit=2) == 3


def test_a_shorter_form_joins_the_fuller_name() -> None:
    """'Al Sayed' joins 'Rana Al Sayed'; 'Sayed' joins her too."""
    text = "Rana Al Sayed spoke. Al Sayed left. Sayed said no."
    found = entities_of(text)
    rana = named(found, "Rana Al Sayed")
    assert {m.entity for m in found.all} == {rana}
    assert len(found.all) == 3


def test_kinds_from_the_evidence_of_all_mentions() -> None:
    """A place word, an organisation word and a title type the entity."""
    found = entities_of("Kent County met the Harbour Board. Sen. Ray Dunn said so.")
    assert named(found, "Kent County").type is EntityKind.PLACE
    assert named(found, "Harbour Board").type is EntityKind.ORGANISATION
    dunn = named(found, "Ray Dunn")
    assert dunn.type is EntityKind.PERSON and dunn.is_person
    assert dunn.roles >= {"senator"}


def test_a_name_opening_with_a_plural_noun_is_no_person() -> None:
    """'Pensions Affairs' is a department whatever stands around it; 'Charles Orr'
    is a person."""
    found = entities_of("The report by analyst Pensions Affairs said so. Charles Orr agreed.")
    assert named(found, "Pensions Affairs").type is EntityKind.ORGANISATION
    assert named(found, "Charles Orr").type is EntityKind.PERSON


def test_an_acronym_in_brackets_is_the_name_before_it() -> None:
    """'Export Credit Corp. (ECC)' and a later 'ECC' are one organisation."""
    text = "Export Credit Corp. (ECC) grew. Later ECC said it would hire."
    found = entities_of(text)
    ecc = named(found, "Export Credit Corp.")
    assert [m.entity for m in found.all] == [ecc, ecc, ecc]


def test_people_who_share_a_surname_stay_two() -> None:
    """Two Vells are two entities, both indexed under the surname."""
    found = entities_of("Nora Vell, a judge, spoke. Her brother Tom Vell came.")
    assert named(found, "Nora Vell") is not named(found, "Tom Vell")
    assert len(found.by_surname["Vell"]) == 2


def test_a_misspelt_surname() -> None:
    """One surname within a small edit distance; none when two are as close."""
    assert entities_of("Chrissy Teigen came.").misspelt("Teigan") is not None
    assert entities_of("Anna Teigen met Bob Teigon.").misspelt("Teigan") is None


def test_salient_mentions_leave_out_quoted_and_credit_names() -> None:
    """A photo credit is a mention but never salient."""
    found = entities_of("Ana Vell said no. (Photo/Lin Oda)")
    assert [m.entity.name for m in found.salient] == ["Ana Vell"]
    assert {m.entity.name for m in found.all} == {"Ana Vell", "Lin Oda"}


def test_a_tail_of_up_to_eight_words_joins_the_fuller_name() -> None:
    """A shorter name joins by the last eight words of a fuller one at most: the tails
    kept per name are bounded, so a run of capitals costs its length, not its square."""
    words = "Rana Al Bo Cy Di Ed Fa Gu Hu Sayed".split()
    text = f"{' '.join(words)} spoke. {' '.join(words[-8:])} left. {' '.join(words[-9:])} sat."
    found = entities_of(text)
    rana = named(found, " ".join(words))
    assert [m.entity is rana for m in found.all] == [True, True, False]


def test_a_state_province_or_city_is_a_place_whatever_stands_around_it() -> None:
    """'Ohio', 'Manitoba' and 'Halifax' are places even where a person would stand (a
    subject, an apposition); a lone 'Ohio' is the state, not the board it starts."""
    text = (
        "Ohio, a state that votes early, said it would appeal. Manitoba agreed. "
        "Halifax, the port, waited. The Ohio Board of Regents met. Ohio said no."
    )
    found = entities_of(text)
    for place in ("Ohio", "Manitoba", "Halifax"):
        assert named(found, place).type is EntityKind.PLACE
    assert named(found, "The Ohio Board of Regents").type is EntityKind.ORGANISATION


def test_a_first_name_with_a_persons_apposition_outweighs_a_place_or_body_word() -> None:
    """'Anna Park, a nurse' and 'Mike Press, 41,' are people though 'Park' ends place
    names and 'Press' outlets'; without such words 'Chase Bank' stays a bank and 'Grant
    Park' a place."""
    text = (
        "Anna Park, a nurse, said the ward is full. Mike Press, 41, said no. "
        "Chase Bank said it would lend. The march ended in Grant Park."
    )
    found = entities_of(text)
    for person in ("Anna Park", "Mike Press"):
        assert named(found, person).type is EntityKind.PERSON
    assert named(found, "Chase Bank").type is EntityKind.ORGANISATION
    assert named(found, "Grant Park").type is EntityKind.PLACE


def test_a_lone_plural_word_is_a_group_not_a_person() -> None:
    """'The Ravens' and 'Analysts' speak, but as groups; a surname ending in -s with a
    first name ('Maria Kostas') or a title ('Mr. Vallis') is one person."""
    text = (
        "The Ravens, a crew of cyclists, said they ride daily. Analysts said the plan works. "
        "Maria Kostas said no. Kostas left. Mr. Vallis said yes."
    )
    found = entities_of(text)
    for group in ("Ravens", "Analysts"):
        assert named(found, group).type is EntityKind.ORGANISATION
        assert "plural" in named(found, group).evidence
    assert named(found, "Maria Kostas").type is EntityKind.PERSON
    assert named(found, "Mr. Vallis").type is EntityKind.PERSON


def test_a_pronoun_after_the_cue_tells_which_of_a_family_speaks() -> None:
    """'Ossan says she …' is the Ossan who is a woman: not her father, whom 'her father
    Farouk' showed is a man (neither first name is a census name)."""
    text = (
        "Farouk Ossan died in the fire. For Nadra Ossan, the trial matters. "
        "Her father Farouk was a baker. Ossan says she will attend every day."
    )
    found = entities_of(text)
    last = found.all[-1]
    assert last.text[last.start : last.end] == "Ossan"
    assert last.entity is named(found, "Nadra Ossan")
