"""Cross-article identity and quote matching: the pure rules in quotetrack.identity and
quotetrack.names."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from quotetrack.identity import (
    Alias,
    Correction,
    Occurrence,
    display_name,
    quote_tokens,
    resolve,
    resolve_store,
    shingles,
    similar,
    speaker_tag,
)
from quotetrack.models import Span, Speaker, SpeakerKind
from quotetrack.names import (
    alias_for,
    article_evidence,
    canonical_name,
    clean_name,
    fits_key,
    is_name_form,
    parse_person,
    record_kind,
    speaker_key,
)

PERSON = SpeakerKind.PERSON


def keys(*names: str, articles: dict[str, int] | None = None) -> dict[str, str | None]:
    """Resolve person names and return name -> key (None when not a speaker)."""
    counts = articles or {}
    aliases = [Alias(n, PERSON, counts.get(n, 1), counts.get(n, 1)) for n in names]
    resolved = resolve(aliases)
    return {n: resolved.get((n, PERSON)) for n in names}


def test_clinton_forms_become_one_speaker_and_bill_stays_apart() -> None:
    """Full name, middle name, title and surname forms of Hillary Clinton share one key."""
    got = keys(
        "Hillary Clinton", "Hillary Rodham Clinton", "Mrs. Clinton", "Bill Clinton", "Clinton"
    )
    assert got["Hillary Clinton"] == got["Hillary Rodham Clinton"] == "person:hillary clinton"
    assert got["Mrs. Clinton"] == "person:hillary clinton"
    assert got["Bill Clinton"] == "person:william clinton"


def test_surname_alone_links_only_when_one_speaker_fits() -> None:
    """ "Clinton" links to Hillary when she is the only Clinton, and stays apart otherwise."""
    assert keys("Hillary Clinton", "Clinton")["Clinton"] == "person:hillary clinton"
    alone = keys("Hillary Clinton", "Bill Clinton", "Clinton", "Secretary Clinton")
    assert alone["Clinton"] == alone["Secretary Clinton"] == "person:clinton"


def test_gendered_title_narrows_the_fit() -> None:
    """ "Mrs. Clinton" fits only the woman; "Mr. Clinton" only the man."""
    got = keys("Hillary Clinton", "Bill Clinton", "Mrs. Clinton", "Mr. Clinton")
    assert got["Mrs. Clinton"] == "person:hillary clinton"
    assert got["Mr. Clinton"] == "person:william clinton"


def test_gendered_title_never_follows_the_other_gender() -> None:
    """ "Mrs. Clinton" does not link to Bill when he is the only Clinton known."""
    assert keys("Bill Clinton", "Mrs. Clinton")["Mrs. Clinton"] == "person:clinton"


def test_misspelt_surname_links_by_edit_distance() -> None:
    """ "Teigan" alone and "Chrissy Teigan" both join the better-attested Chrissy Teigen."""
    got = keys("Chrissy Teigen", "Teigan", "Chrissy Teigan", articles={"Chrissy Teigen": 5})
    assert set(got.values()) == {"person:chrissy teigen"}


def test_misspelling_is_not_linked_when_ambiguous() -> None:
    """Two people one edit away from "Teigan" leave it on its own."""
    got = keys("Chrissy Teigen", "John Teigin", "Teigan")
    assert got["Teigan"] == "person:teigan"


def test_two_real_surnames_are_not_merged_as_a_typo() -> None:
    """Kelly and Kelley are both common surnames: Mark Kelly and Mark Kelley stay two."""
    got = keys("Mark Kelly", "Mark Kelley", articles={"Mark Kelly": 9})
    assert got["Mark Kelly"] != got["Mark Kelley"]


def test_nicknames_fold_into_the_formal_first_name() -> None:
    """Bernie and Bernard Sanders are one key; Joe and Joseph Biden too."""
    got = keys("Bernie Sanders", "Bernard Sanders", "Joe Biden", "Joseph R. Biden")
    assert got["Bernie Sanders"] == got["Bernard Sanders"]
    assert got["Joe Biden"] == got["Joseph R. Biden"]


def test_compound_surname_links_to_the_full_name() -> None:
    """ "Wasserman Schultz" and "Schultz" join the one Debbie Wasserman Schultz."""
    got = keys("Debbie Wasserman Schultz", "Wasserman Schultz", "Schultz")
    assert len(set(got.values())) == 1


def test_non_names_have_no_speaker() -> None:
    """Pronouns, descriptions and run-together sentences resolve to no speaker."""
    got = keys(
        "he",
        "the senator",
        "Donald J. Trump. Mr. Putin",
        "Ted Cruz Says Carson Had Quit",
        "According",
        "Republican",
    )
    assert set(got.values()) == {None}


def test_groups_key_without_a_leading_the() -> None:
    """ "The New York Post" and "New York Post" are one group; "they" is none."""
    got = resolve(
        [
            Alias("The New York Post", SpeakerKind.GROUP),
            Alias("New York Post", SpeakerKind.GROUP),
            Alias("they", SpeakerKind.GROUP),
            Alias("a source", SpeakerKind.ANONYMOUS),
        ]
    )
    assert got == {
        ("The New York Post", SpeakerKind.GROUP): "group:new york post",
        ("New York Post", SpeakerKind.GROUP): "group:new york post",
    }


_CAST = [
    "Hillary Clinton",
    "Clinton",
    "Mrs. Clinton",
    "Bill Clinton",
    "Chrissy Teigen",
    "Teigan",
    "Chrissy Teigan",
    "Donald Trump",
    "Donald J. Trump",
    "Trump",
    "Eric Trump",
    "Mr. Trump",
    "Wasserman Schultz",
    "Debbie Wasserman Schultz",
]


@given(st.permutations(_CAST), st.lists(st.integers(1, 5), min_size=len(_CAST), max_size=14))
def test_resolution_ignores_input_order(order: list[str], counts: list[int]) -> None:
    """The same names with the same counts resolve the same way in any order."""
    by_name = dict(zip(_CAST, counts, strict=True))
    first = resolve(Alias(n, PERSON, by_name[n], by_name[n]) for n in _CAST)
    again = resolve(Alias(n, PERSON, by_name[n], by_name[n]) for n in order)
    assert first == again


def test_clean_name_strips_possessives_and_punctuation() -> None:
    """A possessive and trailing punctuation are not part of a name."""
    assert clean_name("Donald Trump’s,") == "Donald Trump"
    assert clean_name("  Bernie   Sanders' ") == "Bernie Sanders"
    assert clean_name("George W. Bush Jr.") == "George W. Bush Jr."


def test_parse_person_drops_titles_and_descriptions() -> None:
    """Titles anywhere before the name and descriptive words are dropped; gender is kept."""
    for name, words in [
        ("Vermont Sen. Bernie Sanders", ("bernie", "sanders")),
        ("Rival Hillary Clinton", ("hillary", "clinton")),
        ("Stephen King", ("stephen", "king")),
        ("Martin Luther King Jr.", ("martin", "luther", "king")),
    ]:
        person = parse_person(name)
        assert person is not None and person.words == words, name
    mrs = parse_person("Mrs. Clinton")
    assert mrs is not None and mrs.words == ("clinton",) and mrs.gender == "female"


def test_alias_falls_back_to_a_name_like_mention() -> None:
    """When the in-article name is a parser slip, the mention itself is followed."""
    mention = Span(0, 6, "Tester")
    slip = Speaker("Donald Trump. Montana Sen. Jon Tester", mention, PERSON)
    assert alias_for(slip) == "Tester"
    assert alias_for(Speaker("she", Span(0, 3, "she"), PERSON)) is None
    assert alias_for(Speaker("a source", Span(0, 8, "a source"), SpeakerKind.ANONYMOUS)) is None


def test_name_forms_exclude_mentions_that_caught_other_words() -> None:
    """Names with titles are listed as aliases; mentions with stray words are not."""
    for form in ("Mrs. Clinton", "Sen. Bernie Sanders", "Donald J. Trump", "Bill de Blasio"):
        assert is_name_form(form, PERSON), form
    for form in ("So Donald Trump", "Ohio Gov. John Kasich", "Of Carson", "he"):
        assert not is_name_form(form, PERSON), form


def test_a_mention_fits_a_speaker_by_surname_or_first_name() -> None:
    """ "Mrs. Clinton" and "Hillary" fit Hillary Clinton; "Ivanka Trump" does not fit Donald."""
    assert fits_key("Mrs. Clinton", PERSON, "person:hillary clinton")
    assert fits_key("Hillary", PERSON, "person:hillary clinton")
    assert not fits_key("Ivanka Trump", PERSON, "person:donald trump")
    assert not fits_key("Bill Clinton", PERSON, "person:hillary clinton")


def test_abbreviated_titles_do_not_make_a_second_candidate() -> None:
    """A title abbreviation is a title, not a second person: "Mr. Obama" fits only Barack,
    while "Pres. Obama" (no gender) fits Barack and Michelle and stays apart."""
    got = keys("Barack Obama", "Michelle Obama", "Pres. Obama", "Mr. Obama")
    assert got["Mr. Obama"] == got["Barack Obama"] == "person:barack obama"
    assert got["Pres. Obama"] == "person:obama"


def test_speaker_key_before_linking() -> None:
    """speaker_key gives a name's own key, before any cross-article linking."""
    assert speaker_key("Hillary Rodham Clinton", PERSON) == "person:hillary clinton"
    assert speaker_key("Clinton", PERSON) == "person:clinton"
    assert speaker_key("he", PERSON) is None


def test_display_name_prefers_full_then_longer_names() -> None:
    """The most quoted full name is shown; "Barack Obama" beats a more quoted "Mr. Obama"."""
    assert display_name([Alias("Trump", quotes=50), Alias("Donald Trump", quotes=3)]) == (
        "Donald Trump"
    )
    assert display_name([Alias("Mr. Obama", quotes=9), Alias("Barack Obama", quotes=1)]) == (
        "Barack Obama"
    )


def test_quote_tokens_ignore_typography() -> None:
    """Case, curly or straight marks, dashes and spacing do not change the words."""
    assert quote_tokens("We’re  NOT—going “back”.") == quote_tokens('we\'re not - going "back"')


def test_shingles_are_stable_and_skip_short_quotes() -> None:
    """Shingle hashes do not depend on the process (they are stored); short quotes have none."""
    words = quote_tokens("one two three four five six seven")
    assert len(shingles(words)) == 4
    assert shingles(words) == shingles(list(words))
    assert min(shingles(words)) >= -(2**63) and max(shingles(words)) < 2**63
    assert shingles(quote_tokens("too short to cluster")) == frozenset()


def test_copies_with_small_edits_are_the_same_line() -> None:
    """Wire copy with a changed word or punctuation is the same line."""
    a = quote_tokens("If he gets to name the auditors, there is nothing you can do, neighbours.")
    b = quote_tokens("If he gets to name the auditors there is nothing you can do neighbours")
    c = quote_tokens("If he gets to name his auditors, there is nothing you can do, neighbours.")
    assert similar(a, b) and similar(a, c)


def test_a_shorter_quote_inside_a_longer_one_is_the_same_line() -> None:
    """A quote cut from a longer one counts as the same line."""
    long = quote_tokens(
        "The governor wants to scrap the river levy. By the way, if he gets to name the "
        "auditors, there is nothing you can do, neighbours. Although the river people, maybe."
    )
    short = quote_tokens("If he gets to name the auditors, there is nothing you can do, neighbours")
    assert similar(short, long, "quill", "quill")
    assert similar(short, long, None, "quill")


def test_stock_phrases_do_not_chain_different_speakers() -> None:
    """A stock phrase inside two speakers' different quotes is not the same line."""
    phrase = quote_tokens("not fit to serve as president of the united states")
    other = quote_tokens(
        "Nobody has come to this race better prepared than Senator Dana Whitlow to serve "
        "as president of the United States of America"
    )
    assert not similar(phrase, other, "carson", "obama")
    assert not similar(quote_tokens("the best in the Middle East"), other)


_WORDS = st.lists(st.sampled_from("a b c d e f g h".split()), min_size=6, max_size=14)


@given(_WORDS, _WORDS, st.sampled_from([None, "x", "y"]), st.sampled_from([None, "x", "y"]))
def test_similarity_is_symmetric(
    a: list[str], b: list[str], tag_a: str | None, tag_b: str | None
) -> None:
    """similar(a, b) == similar(b, a): clusters must not depend on arrival order."""
    assert similar(a, b, tag_a, tag_b) == similar(b, a, tag_b, tag_a)


def test_unrelated_quotes_are_not_similar() -> None:
    """Different words are different lines, and very short quotes never match."""
    assert not similar(quote_tokens("We will build a wall"), quote_tokens("We will build a wall"))
    assert not similar(
        quote_tokens("The economy is doing much better than anyone expected this year"),
        quote_tokens("Our campaign has raised more money than any campaign in history"),
    )


def test_speaker_tag_is_the_surname_or_group() -> None:
    """Tags compare surnames of persons and keys of groups; unknown speakers have none."""
    assert speaker_tag("Mr. Trump", PERSON) == speaker_tag("Donald J. Trump", PERSON) == "trump"
    assert speaker_tag("The Associated Press", SpeakerKind.GROUP) == "associated press"
    assert speaker_tag(None, None) is None


# --- store-level resolution (issue 12) ----------------------------------------------

ORG = SpeakerKind.ORGANISATION
GROUP = SpeakerKind.GROUP


def test_suffixes_tell_a_son_from_his_father() -> None:
    """ "Donald Trump Jr." is not Donald Trump, and "Trump Jr." fits only the son."""
    assert speaker_key("Donald Trump Jr.", PERSON) == "person:donald trump jr"
    assert speaker_key("Donald J. Trump", PERSON) == "person:donald trump"
    assert fits_key("Trump Jr.", PERSON, "person:donald trump jr")
    assert not fits_key("Trump Jr.", PERSON, "person:donald trump")


def test_a_title_of_the_other_sex_never_fits() -> None:
    """ "Mrs. Clinton" is no alias of Bill Clinton, "Mr. Obama" none of Michelle Obama."""
    assert not fits_key("Mrs. Clinton", PERSON, "person:william clinton")
    assert not fits_key("Mr. Obama", PERSON, "person:michelle obama")
    assert fits_key("Mr. Obama", PERSON, "person:barack obama")


def test_descriptions_are_not_names() -> None:
    """A role word after a place, a possessive phrase, a weekday: no person."""
    for text in ("Orlando Republican", "The Wisconsin Republican", "Trump's son", "Florida Friday"):
        assert parse_person(text) is None, text


def test_canonical_names_carry_no_role_words() -> None:
    """Titles, role words and leading words go; initials and suffixes stay."""
    assert canonical_name("So Labor Secretary Thomas Perez") == "Thomas Perez"
    assert canonical_name("Florida Gov. Jeb Bush") == "Jeb Bush"
    assert canonical_name("Vice President Joseph R. Biden Jr.") == "Joseph R. Biden Jr."
    assert canonical_name("Republican presidential nominee Donald Trump") == "Donald Trump"
    assert canonical_name("the Associated Press", GROUP) == "Associated Press"


def test_record_kinds() -> None:
    """Outlets and agencies are organisations, party plurals groups, "Polls" no one."""
    assert record_kind("the FBI", PERSON) is ORG
    assert record_kind("CNN", PERSON) is ORG
    assert record_kind("Fox News", PERSON) is ORG
    assert record_kind("The New York Post", GROUP) is ORG
    assert record_kind("Republicans", PERSON) is GROUP
    assert record_kind("Polls", PERSON) is None
    assert record_kind("TRUMP", PERSON) is PERSON
    assert record_kind("Bernie Sanders", PERSON) is PERSON


def test_article_evidence_finds_fuller_names() -> None:
    """Fuller names ending with the surname, as written, without titles; not headline
    words or a sentence opener."""
    text = (
        "Former President Bill Clinton spoke first. Hillary Clinton followed.\n"
        "Clinton Wins Big In Iowa Tonight\n"
        "Although Clinton said so, nobody agreed."
    )
    assert article_evidence(text, "Clinton") == ("Bill Clinton", "Hillary Clinton")
    assert article_evidence(text, "Hillary Clinton") == ()


def occ(
    name: str, doc: str, day: str = "2016-05-01", evidence: tuple[str, ...] = (), n: int = 1
) -> Occurrence:
    """One in-article name in one article."""
    return Occurrence(name, PERSON, doc, n, dt.date.fromisoformat(day), "ap", evidence)


def test_a_bare_name_follows_its_article() -> None:
    """The one fuller name the article gives wins, even against the store's dominant one."""
    got = resolve_store(
        [
            *(occ("Donald Trump", f"d{i}") for i in range(10)),
            occ("Ivanka Trump", "i"),
            occ("Trump", "x", evidence=("Ivanka Trump",)),
        ]
    )
    assert got.keys[("Trump", "person", "x")] == "person:ivanka trump"


def test_a_bare_name_with_two_fuller_names_in_its_article_is_ambiguous() -> None:
    """Linked to no record, and reported with its candidates."""
    got = resolve_store(
        [
            occ("Hillary Clinton", "a"),
            occ("Bill Clinton", "b"),
            occ("Clinton", "x", evidence=("Bill Clinton", "Hillary Clinton")),
        ]
    )
    assert ("Clinton", "person", "x") not in got.keys
    (amb,) = got.ambiguous
    assert amb.candidates == ("person:hillary clinton", "person:william clinton")
    assert set(got.records) == {"person:hillary clinton", "person:william clinton"}


def test_a_bare_name_joins_the_dominant_record_of_its_period() -> None:
    """Without evidence in the article: the record seen DOMINANCE times more often in the
    same months; an old record far away in time does not count against it."""
    many = [occ("Donald Trump", f"d{i}") for i in range(3)]
    far = [occ("Fred Trump", f"f{i}", day="1990-01-01") for i in range(5)]
    got = resolve_store([*many, *far, occ("Trump", "x"), occ("Mrs. Trump", "y")])
    assert got.keys[("Trump", "person", "x")] == "person:donald trump"
    # A woman's title never follows a man's name.
    assert got.keys[("Mrs. Trump", "person", "y")] == "person:trump"


def test_corrections_split_and_merge() -> None:
    """A split name keeps a record of its own; a merge joins two records under the
    first one's name."""
    base = [occ("Hillary Clinton", "a"), occ("Mrs. Clinton", "b"), occ("Ed Smith", "c")]
    base.append(occ("Edwin Smith", "d"))
    got = resolve_store(
        base,
        [
            Correction("split", "Mrs. Clinton", "person"),
            Correction("merge", "person:edwin smith", "person:edward smith"),
        ],
    )
    assert got.keys[("Mrs. Clinton", "person", "b")] != got.keys[("Hillary Clinton", "person", "a")]
    assert got.keys[("Ed Smith", "person", "c")] == got.keys[("Edwin Smith", "person", "d")]
    assert got.records["person:edwin smith"].name == "Edwin Smith"


_STORE = [
    occ("Hillary Clinton", "a", n=2),
    occ("Clinton", "b", evidence=("Hillary Clinton",)),
    occ("Bill Clinton", "c"),
    occ("Clinton", "d"),
    occ("Mrs. Clinton", "e"),
    occ("Trump", "f", evidence=("Donald Trump", "Ivanka Trump")),
    occ("Donald Trump", "g", n=3),
    occ("Trump Jr.", "h"),
    occ("Donald Trump Jr.", "i"),
]


@given(st.permutations(_STORE))
def test_store_resolution_ignores_order(order: list[Occurrence]) -> None:
    """The same occurrences in any order give the same keys, records and ambiguities."""
    assert resolve_store(order) == resolve_store(_STORE)


def test_a_persons_description_does_not_make_an_organisation() -> None:
    """ "House Speaker Paul Ryan" is a person whatever "House" says."""
    assert record_kind("House Speaker Paul Ryan", PERSON) is PERSON
    assert record_kind("Clinton Foundation", PERSON) is ORG


def test_an_unresolved_speaker_is_followed_by_no_one() -> None:
    """A description the parser could not resolve is never stored as someone's name..."""

    def unresolved(words: str, kind: SpeakerKind = PERSON) -> str | None:
        return alias_for(Speaker(words, Span(0, len(words), words), kind, resolved=False))

    assert unresolved("the mayor") is None
    assert unresolved("Despite") is None
    assert unresolved("Some observers", GROUP) is None
    # ... unless the words hold a name all the same.
    assert unresolved("former President Bill Clinton") == "former President Bill Clinton"
    assert unresolved("the Associated Press", GROUP) == "the Associated Press"
    assert unresolved("the New York Post") == "the New York Post"
    assert unresolved("former Florida governor Jeb Bush") == "former Florida governor Jeb Bush"
    # A name that is not the mention's words was read from the article.
    who = Speaker("Trump Jr.", Span(0, 3, "who"), PERSON, resolved=False)
    assert alias_for(who) == "Trump Jr."


def test_a_suffix_the_in_article_name_lost_is_put_back() -> None:
    """ "Donald Trump" read from "Donald Trump Jr." is followed as the son, from the
    mention or from the article's words after the name's source."""
    said = Speaker("Donald Trump", Span(20, 36, "Donald Trump Jr."), PERSON)
    assert alias_for(said) == "Donald Trump Jr."
    text = "Donald Trump Jr. spoke. “We will build it,” he said."
    he = Speaker("Donald Trump", Span(44, 46, "he"), PERSON, source=Span(0, 12, "Donald Trump"))
    assert alias_for(he, text) == "Donald Trump Jr."
    assert alias_for(he) == "Donald Trump"


def test_plural_people_are_groups_and_plural_looking_surnames_are_not() -> None:
    """A family or a plural noun for people is a group; "Sanders" or "Rogers" is a name."""
    for word in ("Clintons", "Historians", "Witnesses", "Millennials"):
        assert record_kind(word, PERSON) is GROUP, word
    for word in ("Sanders", "Rogers", "Williams"):
        assert record_kind(word, PERSON) is PERSON, word


def test_a_titled_mention_the_name_cannot_confirm_is_followed_itself() -> None:
    """ "Mr. Trump" that an article resolved to "Ivanka Trump" (a first name no list
    knows) is followed as "Mr. Trump"; "Mrs. Clinton" resolved to Hillary Clinton stays."""
    mr = Speaker("Ivanka Trump", Span(0, 9, "Mr. Trump"), PERSON)
    assert alias_for(mr) == "Mr. Trump"
    mrs = Speaker("Hillary Clinton", Span(0, 12, "Mrs. Clinton"), PERSON)
    assert alias_for(mrs) == "Hillary Clinton"
