"""Names, surnames, misspellings and pronouns resolve to the fullest name in the document."""

from __future__ import annotations

from quotetrack.mentions import EntityIndex, edit_distance


def test_edit_distance() -> None:
    """Levenshtein distance, with early stop past the limit."""
    assert edit_distance("Teigen", "Teigan") == 1
    assert edit_distance("Clinton", "Clinton") == 0
    assert edit_distance("abc", "xyzabc", limit=2) == 3


def test_surname_goes_to_most_recent_person_of_that_name() -> None:
    """'Clinton' after 'Bill Clinton' is Bill; 'Mrs. Clinton' is Hillary by title."""
    text = "Hillary Clinton spoke. Later Bill Clinton spoke. Clinton left. Mrs. Clinton stayed."
    index = EntityIndex(text, [])
    at = text.index
    assert index.resolve_name("Clinton", at("Clinton left")).name == "Bill Clinton"  # type: ignore[union-attr]
    assert index.resolve_name("Mrs. Clinton", at("Mrs.")).name == "Hillary Clinton"  # type: ignore[union-attr]


def test_misspelt_surname_links_only_when_unambiguous() -> None:
    """'Teigan' links to the one Teigen; a word near two surnames links to neither."""
    index = EntityIndex("Chrissy Teigen met John Legend.", [])
    assert index.resolve_name("Teigan", 30).name == "Chrissy Teigen"  # type: ignore[union-attr]
    two = EntityIndex("Anna Teigen met Bob Teigon.", [])
    assert two.resolve_name("Teigan", 27) is None


def test_pronoun_takes_nearest_person_of_its_gender_outside_quotes() -> None:
    """'she' goes to the last woman named, skipping names inside quoted text."""
    text = "Chrissy Teigen met John Legend. “Mary Smith is great,” she said."
    quoted = [(text.index("Mary"), text.index(",”"))]
    index = EntityIndex(text, quoted)
    assert index.resolve_pronoun("she", text.index("she"), None).name == "Chrissy Teigen"  # type: ignore[union-attr]
    assert index.resolve_pronoun("he", text.index("she"), None).name == "John Legend"  # type: ignore[union-attr]
