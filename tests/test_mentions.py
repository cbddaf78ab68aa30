"""Names are typed and grouped into entities; pronouns and descriptions resolve to them."""

from __future__ import annotations

import pytest

from quotetrack.coreference import Coreference
from quotetrack.entities import Entity
from quotetrack.kinds import EntityKind
from quotetrack.mentions import EntityIndex
from quotetrack.models import SpeakerKind
from quotetrack.segments import paragraphs, sentences


def index_of(text: str, quoted: list[tuple[int, int]] | None = None) -> EntityIndex:
    return EntityIndex(text, quoted or [])


def coreference_of(text: str, quoted: list[tuple[int, int]] | None = None) -> Coreference:
    starts = [s.start for p in paragraphs(text) for s in sentences(text, p)]
    return Coreference(text, index_of(text, quoted), starts)


def entity(index: EntityIndex, name: str) -> Entity:
    """The one entity of ``index`` with that fullest name."""
    found = {id(m.entity): m.entity for m in index.all_mentions if m.entity.name == name}
    assert len(found) == 1, [m.entity.name for m in index.all_mentions]
    return next(iter(found.values()))


def test_surname_goes_to_most_recent_person_of_that_name() -> None:
    """'Clinton' after 'Bill Clinton' is Bill; 'Mrs. Clinton' is Hillary by title."""
    text = "Hillary Clinton spoke. Later Bill Clinton spoke. Clinton left. Mrs. Clinton stayed."
    index = index_of(text)
    at = text.index
    assert index.resolve_name("Clinton", at("Clinton left")).name == "Bill Clinton"  # type: ignore[union-attr]
    assert index.resolve_name("Mrs. Clinton", at("Mrs.")).name == "Hillary Clinton"  # type: ignore[union-attr]


def test_same_surname_people_stay_apart_by_the_last_one_to_speak() -> None:
    """Two people who share a surname stay two; a surname goes to the one last named as
    a subject or speaker, not to the one named in passing."""
    text = (
        "Nora Vell, a judge, said the ruling stands. It was praised by her brother Tom Vell. "
        "Vell said the court had no choice."
    )
    index = index_of(text)
    assert entity(index, "Nora Vell") is not entity(index, "Tom Vell")
    assert index.resolve_name("Vell", text.index("Vell said")).name == "Nora Vell"  # type: ignore[union-attr]


def test_misspelt_surname_links_only_when_unambiguous() -> None:
    """'Teigan' links to the one Teigen; a word near two surnames links to neither."""
    index = index_of("Chrissy Teigen met John Legend.")
    assert index.resolve_name("Teigan", 30).name == "Chrissy Teigen"  # type: ignore[union-attr]
    two = index_of("Anna Teigen met Bob Teigon.")
    assert two.resolve_name("Teigan", 27) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The agreement was signed by Orla Quist. The rest followed.", "Orla Quist"),
        ("So Labor Secretary Dana Pell spoke first.", "Dana Pell"),
        ("Tallin Mayor Rob Enders said no.", "Rob Enders"),
        ("Rival Kate Mundy answered.", "Kate Mundy"),
        ("Reporters met Senator Ada Brill's staff.", "Ada Brill"),
    ],
)
def test_canonical_names_carry_no_titles_or_leading_words(text: str, name: str) -> None:
    """A name stops at a sentence end or possessive and keeps no title or role word."""
    assert name in {m.entity.name for m in index_of(text).all_mentions}


def test_a_name_never_runs_across_a_sentence_end() -> None:
    """'Orla Quist. The Studio' is two things, not one name."""
    names = {m.entity.name for m in index_of("I met Orla Quist. The Studio opened.").all_mentions}
    assert "Orla Quist" in names
    assert not any("." in n for n in names)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("They live in Marlow Heights, near the park.", "Marlow Heights", EntityKind.PLACE),
        (
            "The Harbour Transit Authority said fares rise.",
            "The Harbour Transit Authority",
            EntityKind.ORGANISATION,
        ),
        ("Officials at the TKRB declined to comment.", "TKRB", EntityKind.ORGANISATION),
        ("Vasko Dren, a baker, said bread is dear.", "Vasko Dren", EntityKind.PERSON),
        ("Ilkay Surow, 49, runs the shop.", "Ilkay Surow", EntityKind.PERSON),
        ("Kent County has new rules.", "Kent County", EntityKind.PLACE),
        ("Politico reported the vote was late.", "Politico", EntityKind.ORGANISATION),
        ("The talks failed, Reuters said.", "Reuters", EntityKind.ORGANISATION),
        ("Peru said the talks failed.", "Peru", EntityKind.PLACE),
        ("Air Peru said fares rise.", "Air Peru", EntityKind.ORGANISATION),
        ("They flew to Northern Ireland.", "Northern Ireland", EntityKind.PLACE),
    ],
)
def test_entity_kinds(text: str, name: str, kind: EntityKind) -> None:
    """Places and organisations by their last word or an acronym; persons by an
    apposition or an age even with names absent from the census lists."""
    assert entity(index_of(text), name).type is kind


def test_a_lone_word_joins_the_organisation_it_abbreviates_or_starts() -> None:
    """'EDC' and 'Sorvik' join 'Export Development Corp.' and 'Sorvik Energy Inc.'."""
    text = (
        "Export Development Corp. backed Sorvik Energy Inc. last year. EDC said so. Sorvik agreed."
    )
    index = index_of(text)
    assert index.resolve_name("EDC", text.index("EDC")).name == "Export Development Corp."  # type: ignore[union-attr]
    assert index.resolve_name("Sorvik", text.index("Sorvik agreed")).name == "Sorvik Energy Inc."  # type: ignore[union-attr]


def test_pronoun_skips_names_in_quotes_places_and_agrees_in_gender() -> None:
    """'she' goes to the last woman named outside quoted text, never to a place."""
    text = "Chrissy Teigen met John Legend in Nova Scotia. “Mary Smith is great,” she said."
    quoted = [(text.index("Mary"), text.index(",”"))]
    coref = coreference_of(text, quoted)
    assert coref.pronoun("she", text.index("she")).name == "Chrissy Teigen"  # type: ignore[union-attr]
    assert coref.pronoun("he", text.index("she")).name == "John Legend"  # type: ignore[union-attr]


def test_pronoun_prefers_the_speaker_over_a_name_in_passing() -> None:
    """A run of quotes from one speaker keeps him past a man named as an object."""
    text = (
        "Doug Marsh, the mayor, said the rink will close.\n\n"
        "“It costs too much,” Marsh said. The plan was drafted with Paul Ende.\n\n"
        "“We looked at every option,” he said."
    )
    coref = coreference_of(text)
    assert coref.pronoun("he", text.index("he said")).name == "Doug Marsh"  # type: ignore[union-attr]


def test_pronoun_gives_a_name_of_unknown_gender_its_gender() -> None:
    """A speaker whose first name no list knows takes the gender of the pronoun that
    refers to him, so a later 'she' does not go to him."""
    text = (
        "Tarik Hadda, a baker, said prices rose. He said flour doubled. "
        "Ilse Varg, a farmer, agreed. She said wheat was scarce."
    )
    coref = coreference_of(text)
    assert coref.pronoun("He", text.index("He said")).name == "Tarik Hadda"  # type: ignore[union-attr]
    assert coref.pronoun("She", text.index("She said")).name == "Ilse Varg"  # type: ignore[union-attr]


def test_the_first_question_waits_for_the_whole_article() -> None:
    """Coreference reads the article when first asked, and reads all of it: a question
    about the first sentence already sees the gender a later 'He' gives Tarik Hadda."""
    text = "Tarik Hadda, a baker, spoke. Prices rose. He said flour doubled."
    index = index_of(text)
    hadda = entity(index, "Tarik Hadda")
    starts = [s.start for p in paragraphs(text) for s in sentences(text, p)]
    coref = Coreference(text, index, starts)
    assert coref.body(0) is None  # no organisation in view
    assert hadda.gender == "male"


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        ("Tallin Mayor Rob Enders spoke. Later the mayor said no.", "the mayor", "Rob Enders"),
        (
            "Alva Ruiz, the affable proprietor, laughed. The proprietor said yes.",
            "The proprietor",
            "Alva Ruiz",
        ),
        (
            "Harbour Transit Authority raised fares. The agency said costs rose.",
            "The agency",
            "Harbour Transit Authority",
        ),
        (
            "Kim Oduya, a painter, smiled. The laid-back artist said she paints daily.",
            "The laid-back artist",
            "Kim Oduya",
        ),
    ],
)
def test_descriptions_resolve_through_titles_appositions_and_kinds(
    text: str, phrase: str, name: str
) -> None:
    """'the mayor' goes to the person titled Mayor, 'the proprietor' to the one the
    apposition calls so, 'the agency' to the organisation in view."""
    found = coreference_of(text).description(phrase, text.index(phrase))
    assert found is not None
    assert found.name == name


def test_anonymous_and_indefinite_descriptions_stay_unresolved() -> None:
    """'a spokesperson' and 'the spokesperson' name someone the article does not."""
    text = "Rob Enders, the mayor, spoke. The spokesperson said no. A spokesperson agreed."
    coref = coreference_of(text)
    assert coref.description("The spokesperson", text.index("The spokesperson")) is None
    assert coref.description("A spokesperson", text.index("A spokesperson")) is None


def test_headline_capitals_name_no_one() -> None:
    """A title-case line without a period is a headline: "Corners" is no first name."""
    text = "Senator Corners Rival On Trade Deal\n\nRita Wong said the deal is bad."
    names = {m.entity.name for m in index_of(text).all_mentions}
    assert "Rita Wong" in names
    assert not any("Corners" in n or "Rival" in n for n in names)


def test_a_possessive_apostrophe_ends_the_name() -> None:
    """ "Espinoz' shop" names Espinoz, not "Espinoz'"."""
    text = "Luis Espinoz opened a shop. Espinoz' customers are loyal."
    index = index_of(text)
    at = text.index("Espinoz'")
    assert index.resolve_name("Espinoz", at).name == "Luis Espinoz"  # type: ignore[union-attr]


def test_a_place_after_a_name_is_where_the_person_is_from() -> None:
    """A speaker phrase read as "Alabama" in "Sen. Ray Dunn of Alabama" is the senator."""
    text = "Sen. Ray Dunn of Alabama said the deal is bad."
    index = index_of(text)
    found = index.resolve_name("Alabama", text.index("Alabama"))
    assert found is not None
    assert found.name == "Ray Dunn"


def test_a_description_with_a_name_in_apposition_is_that_name() -> None:
    """ "Campbell's partner, Jason Lowe" names Jason Lowe."""
    text = "Most shops print a thousand copies, says Campbell's partner, Jason Lowe."
    found = index_of(text).named_after(text.index(", Jason"))
    assert found is not None
    assert found.name == "Jason Lowe"


def test_coordinated_people_are_found_on_either_side() -> None:
    """ "said Nick Sandal and Nathan Pillow" and "Nick Sandal and Nathan Pillow said" name
    both, in text order."""
    for text in (
        "“We did nothing wrong,” said Nick Sandal and Nathan Pillow.",
        "Nick Sandal and Nathan Pillow said they did nothing wrong.",
    ):
        index = index_of(text)
        at = text.index("Nathan") if text.startswith("Nick") else text.index("Nick")
        end = at + len("Nathan Pillow" if text.startswith("Nick") else "Nick Sandal")
        pair = index.coordinated(at, end)
        assert pair is not None
        assert [m.entity.name for m in pair] == ["Nick Sandal", "Nathan Pillow"]
        assert [text[m.start : m.end] for m in pair] == ["Nick Sandal", "Nathan Pillow"]


def test_an_organisation_description_prefers_the_body_it_names() -> None:
    """ "the railway" is the Railway named earlier, even past other organisations."""
    text = (
        "Northern Plains Railway published its winter plan. The Regional Press Agency "
        "reported on it. Weather Canada Inc. warned of cold. The railway said trains slow down."
    )
    found = coreference_of(text).description("The railway", text.index("The railway"))
    assert found is not None
    assert found.name == "Northern Plains Railway"


def test_a_news_outlet_is_the_body_only_of_an_outlet_description() -> None:
    """A wire service that reported the story is no antecedent of "the military" or "the
    poll", but may be of "the network"."""
    text = "Reuters reported the storm cut power to the port. The military sent troops."
    coref = coreference_of(text)
    assert coref.description("The military", text.index("The military")) is None
    text = "Telemundo aired the debate on Sunday. The network said ratings were high."
    found = coreference_of(text).description("The network", text.index("The network"))
    assert found is not None and found.name == "Telemundo"


def test_a_place_that_speaks_is_a_group_not_a_person() -> None:
    """ "Kent County asked a judge …": a place speaks for its government, never as a person."""
    text = "They drove to Kent County. Kent County asked a judge to stop the plan."
    place = entity(index_of(text), "Kent County")
    assert place.type is EntityKind.PLACE
    assert place.kind is SpeakerKind.GROUP


def test_a_document_speaks_for_its_author() -> None:
    """ "The Harbour Board statement" is the Board's; "the report" the body in view."""
    text = (
        "The Harbour Board met on Monday. The Harbour Board statement said fees rise. "
        "Northern Plains Railway published a winter plan. The report said trains slow down."
    )
    coref = coreference_of(text)
    statement = coref.description("The Harbour Board statement", text.index("The Harbour Board s"))
    report = coref.description("The report", text.index("The report"))
    assert statement is not None
    assert report is not None
    assert (statement.name, report.name) == ("The Harbour Board", "Northern Plains Railway")


def test_a_credit_is_no_antecedent() -> None:
    """ "(AP Photo/Marco Bell)" names the photographer, who is not in the trail of salience."""
    text = "Tomas Reyes, a fisherman, lost his boat. (AP Photo/Marco Bell)"
    index = index_of(text)
    assert "Marco Bell" in {m.entity.name for m in index.all_mentions}
    assert "Marco Bell" not in {m.entity.name for m in index.salient_mentions}
    assert "Tomas Reyes" in {m.entity.name for m in index.salient_mentions}
