"""Golden snippets for reported (indirect) speech and mixed quotes."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from quotetrack.models import Span
from quotetrack.reported import Reported, find_reported
from quotetrack.segments import paragraphs, sentences


def run(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[Reported]:
    sents = [s for p in paragraphs(text) for s in sentences(text, p)]
    return find_reported(text, sents, taken)


def one(text: str) -> Reported:
    found = run(text)
    assert len(found) == 1, found
    return found[0]


def content(item: Reported) -> str:
    return " ".join(c.text for c in item.content)


def test_said_that() -> None:
    """`X said that ...` gives the clause with "that" (as PolNeAR marks it), without the period."""
    item = one("Trump said that the deal was a disaster for American workers.")
    assert content(item) == "that the deal was a disaster for American workers"
    assert item.speaker is not None
    assert item.speaker.text == "Trump"
    assert item.cue.text == "said"
    assert item.rule == "subject-cue"
    assert not item.mixed


def test_said_without_that_and_adverbial() -> None:
    """`X said on Tuesday that ...` skips the adverbial before "that"."""
    item = one("The senator said on Tuesday that she would vote against the bill.")
    assert content(item) == "that she would vote against the bill"
    assert item.speaker is not None
    assert item.speaker.text == "The senator"


def test_says_present() -> None:
    """`X says ...` in the present tense fires like "said"."""
    item = one("Spokeswoman Haley Morris says the campaign will seek matching funds.")
    assert content(item) == "the campaign will seek matching funds"
    assert item.speaker is not None
    assert item.speaker.text.endswith("Morris")


def test_content_then_cue() -> None:
    """`..., X said.` takes the content before the comma."""
    item = one("The campaign will shift staff to the early states, the spokesman said.")
    assert content(item) == "The campaign will shift staff to the early states"
    assert item.speaker is not None
    assert item.speaker.text == "the spokesman"
    assert item.rule == "content-cue"


def test_content_then_inverted_cue() -> None:
    """`..., said X.` takes the content before the comma and the source after the cue."""
    item = one("The talks had stalled over the weekend, said another source.")
    assert content(item) == "The talks had stalled over the weekend"
    assert item.speaker is not None
    assert item.speaker.text == "another source"


def test_told_addressee() -> None:
    """`X told Y that ...` gives the addressee Y."""
    item = one("Rubio told reporters Tuesday that the new rules undermine gun rights.")
    assert content(item) == "that the new rules undermine gun rights"
    assert item.addressee is not None
    assert item.addressee.text == "reporters"
    assert item.speaker is not None
    assert item.speaker.text == "Rubio"


def test_according_to_head() -> None:
    """`According to X, ...` takes the clause after the comma."""
    item = one("According to The New York Post, the couple split up last month.")
    assert content(item) == "the couple split up last month"
    assert item.speaker is not None
    assert item.speaker.text == "The New York Post"
    assert item.cue.text == "According to"


def test_according_to_tail() -> None:
    """`..., according to X.` takes the clause before the comma."""
    item = one("Trump garnered 30 percent of the vote, according to a new poll.")
    assert content(item) == "Trump garnered 30 percent of the vote"
    assert item.speaker is not None
    assert item.speaker.text == "a new poll"
    assert item.rule == "according-tail"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The newspaper has learned the mayor will resign on Friday.", "learned"),
        ("The White House confirmed the meeting took place last week.", "confirmed"),
        ("Clinton denied she had sent classified material.", "denied"),
        ("Officials warned the storm could cut power for days.", "warned"),
        ("Sanders argued the system is rigged against workers.", "argued"),
    ],
)
def test_other_speech_cues(sentence: str, cue: str) -> None:
    """Reporting verbs beyond "say" fire with the same subject-cue rule."""
    assert one(sentence).cue.text == cue


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He believes Donald Trump will do well with Latino voters.", "Donald Trump will do"),
        ("She thinks he can win the nomination in July.", "he can win"),
        ("The campaign expects to win the state by a wide margin.", "to win the state"),
        ("His team hopes the few Democrats there will switch sides.", "the few Democrats"),
    ],
)
def test_belief_and_intention(sentence: str, expected: str) -> None:
    """Belief and intention verbs attribute their complement (infinitive for "expects")."""
    assert content(one(sentence)).startswith(expected)


def test_mixed_is_one_item() -> None:
    """Reported content with a quoted fragment is one mixed item covering the clause."""
    text = "Trump said the deal was \u201ca disaster\u201d for workers."
    item = one(text)
    assert content(item) == "the deal was \u201ca disaster\u201d for workers"
    assert item.mixed


def test_taken_by_direct_quote_is_skipped() -> None:
    """Content lying mostly inside a direct quote is left to the direct quote."""
    text = "Trump said, \u201cThe deal is a disaster for all of our workers.\u201d"
    start = text.index("\u201c") + 1
    assert run(text, [(start, text.index("\u201d"))]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Everything went according to plan for the campaign.",
        "He was told to leave the building immediately.",
        "She told the story of her campaign to a packed hall.",
        "The said company has filed for bankruptcy protection.",
    ],
)
def test_negatives(sentence: str) -> None:
    """Phrases that look like reporting but are not must not fire."""
    assert run(sentence) == []


def test_offsets_point_into_text() -> None:
    """Every span's text is the document's text at its offsets."""
    text = "Intro line.\n\nOfficials said the bridge would reopen soon, the mayor said."
    for item in run(text):
        spans: list[Span] = [*item.content, item.cue]
        if item.speaker is not None:
            spans.append(item.speaker)
        for s in spans:
            assert text[s.start : s.end] == s.text


def test_object_cue_takes_the_object() -> None:
    """`X endorsed Y last week` gives the object Y, without the adverbial."""
    item = one("The Massachusetts senator endorsed Hillary Clinton last week.")
    assert content(item) == "Hillary Clinton"


def test_parenthetical_cue_splits_content() -> None:
    """`A, X said, B.` gives two content pieces around the cue clause."""
    item = one("Riding alone in the park at night, they said, can be hazardous for anyone.")
    assert [c.text for c in item.content] == [
        "Riding alone in the park at night",
        "can be hazardous for anyone",
    ]
    assert item.rule == "parenthetical"


def test_parenthetical_content_before_the_cue_is_one_content_window() -> None:
    """The content before a parenthetical cue clause starts at most 150 tokens before
    its comma, as the content after it ends at most 150 tokens after (bounded work per
    cue in an endless sentence)."""
    head = " ".join(f"w{i}" for i in range(200))
    item = one(f"{head}, they said, can be hazardous for anyone.")
    assert item.rule == "parenthetical"
    assert item.content[0].text == " ".join(f"w{i}" for i in range(50, 200))
    assert item.content[1].text == "can be hazardous for anyone"


def test_cue_after_direct_quote_is_left_to_it() -> None:
    """`“…,” he said on Tuesday` is the direct quote's attribution, not reported speech."""
    text = "\u201cWe will win,\u201d he said on Tuesday at a rally in the state capital."
    assert run(text) == []


def test_reduced_relative_clause_is_skipped() -> None:
    """`the things he hopes to do` is not an attribution of its own."""
    assert run("The things he hopes to accomplish appeal to many voters.") == []


def test_coordinated_cue_takes_the_clause_subject() -> None:
    """`X did A and said (that) ...` gives X as the source."""
    text = "Gary Emineth became a delegate and said he is leaning toward supporting Trump."
    item = one(text)
    assert item.speaker is not None
    assert item.speaker.text == "Gary Emineth"
    assert content(item) == "he is leaning toward supporting Trump"


def test_participle_cue() -> None:
    """`..., saying (that) ...` gives the content after the participle."""
    text = "The governor vetoed the bill on Friday, saying that it would raise taxes on families."
    item = one(text)
    assert item.rule == "participle"
    assert content(item) == "that it would raise taxes on families"
    assert item.speaker is not None
    assert item.speaker.text == "The governor"


def test_capitalised_ly_name_is_a_source() -> None:
    """A name ending in "-ly" ("Jolly") is a source, not an adverb."""
    item = one("States would become middle men under the plan, Jolly said.")
    assert item.speaker is not None
    assert item.speaker.text == "Jolly"


def test_weekday_after_cue_is_not_a_source() -> None:
    """`..., X, a senator, said Tuesday.` keeps X as the source, not "Tuesday"."""
    text = "The plan would fail in the Senate, Mitch McConnell, the majority leader, said Tuesday."
    item = one(text)
    assert item.speaker is not None
    assert item.speaker.text.startswith("Mitch McConnell")  # appositive kept, as PolNeAR does
    assert content(item) == "The plan would fail in the Senate"


def _quote_taken(text: str) -> list[tuple[int, int]]:
    """The ranges inside each pair of double quotation marks, as direct quotes claim them."""
    marks = [i for i, ch in enumerate(text) if ch in '"\u201c\u201d']
    return [(a + 1, b) for a, b in zip(marks[::2], marks[1::2], strict=True)]


@pytest.mark.parametrize(
    ("text", "skipped"),
    [
        ('"Yes," Smith said. "We will, sir, and soon," Jones added.', True),
        ("\u201cIt is over, done and gone,\u201d Sen. John Smith said!", True),
        ('"We are done, the plan is dead," Smith said.', True),
        # A cue word in the quote, a comma or content after the cue: tokenized and read.
        ('"We are done, the plan is dead," Smith said, adding that it was over.', False),
        ('"We are done, they believe it," Smith said.', False),
        ('"Done," Smith said the plan was dead.', False),
    ],
)
def test_own_attribution_is_skipped_with_the_same_items(
    text: str, skipped: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sentence that is only a direct quote and its attribution is not tokenized, and
    what find_reported returns is what reading it would have returned."""
    import quotetrack.reported as reported

    taken = _quote_taken(text)
    sents = [s for p in paragraphs(text) for s in sentences(text, p)]
    claimed = reported._Taken(taken)
    assert any(reported._own_attribution(text, s, claimed) for s in sents) is skipped
    found = run(text, taken)
    monkeypatch.setattr(reported, "_own_attribution", lambda *_: False)
    assert run(text, taken) == found
