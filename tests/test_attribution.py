"""quotetrack.attribution: the direct-quote rules, read on the words around one quote."""

from __future__ import annotations

from quotetrack.attribution import Match, cue_pattern, match_head, match_tail, sentence_subject
from quotetrack.lexicon import CUE_VERBS

QUOTE = "“We will win,”"


def tail(after: str, last_char: str = ",", cues: dict[str, str] | None = None) -> Match | None:
    text = QUOTE + after
    return match_tail(text, len(QUOTE), len(text), last_char, cues or CUE_VERBS)


def head(before: str, cues: dict[str, str] | None = None) -> Match | None:
    return match_head(before + QUOTE, 0, len(before), cues or CUE_VERBS)


def test_tail_rules_name_themselves() -> None:
    found = tail(" Maria Lopez told reporters on Monday.")
    assert found is not None and found.rule == "tail-speaker-cue"
    assert (found.speaker.text, found.cue and found.cue.text) == ("Maria Lopez", "told")
    assert found.addressee is not None and found.addressee.text == "reporters"
    found = tail(" said Sen. Jo Pike.")
    assert found is not None and (found.rule, found.speaker.text) == (
        "tail-cue-speaker",
        "Sen. Jo Pike",
    )
    found = tail(" according to the report.")
    assert found is not None and found.rule == "tail-according"
    found = match_tail("“Less is more.” — Mies Rohe", 15, 27, ".")
    assert found is not None and (found.rule, found.speaker.text) == ("tail-dash", "Mies Rohe")


def test_tail_of_a_fragment_is_not_attributed() -> None:
    """A quote ending in a word runs on inside its sentence: no tail attribution."""
    assert tail(" Maria Lopez said.", last_char="n") is None
    assert tail(" but she denied it.") is None  # a new clause


def test_tail_after_a_whole_sentence_must_be_a_whole_attribution() -> None:
    assert tail(" Lopez said.", last_char=".") is not None
    assert tail(" Lopez said the plan would fail.", last_char=".") is None


def test_head_rules_name_themselves() -> None:
    found = head("Gingrich said, ")
    assert found is not None and (found.rule, found.speaker.text) == (
        "head-speaker-cue",
        "Gingrich",
    )
    found = head("According to Smith, ")
    assert found is not None and found.rule == "head-according"
    found = head("Trump: ")
    assert found is not None and (found.rule, found.cue) == ("head-colon", None)
    found = head("Said Dora Poynter, who grew up with him, ")
    assert found is not None and found.rule == "head-cue-speaker"


def test_the_rules_read_only_the_cue_table_they_are_given() -> None:
    """No global state: a table with an extra verb attributes with it; the default
    table does not, whatever was passed before."""
    extra = {**CUE_VERBS, "griped": "gripe"}
    found = tail(" Lopez griped.", cues=extra)
    assert found is not None and found.cue is not None and found.cue.text == "griped"
    assert tail(" Lopez griped.") is None
    assert head("Lopez griped, ", cues=extra) is not None
    assert head("Lopez griped, ") is None


def test_sentence_subject() -> None:
    text = "In a long speech in Reno, Clinton took aim at the plan."
    found = sentence_subject(text, 0, len(text))
    assert found is not None and (found.rule, found.speaker.text) == (
        "sentence-subject",
        "Clinton",
    )
    text = "It was a long day for everyone."
    assert sentence_subject(text, 0, len(text)) is None


def test_spans_are_offsets_into_the_text() -> None:
    text = "x " + QUOTE + " said Sen. Jo Pike."
    found = match_tail(text, 2 + len(QUOTE), len(text))
    assert found is not None
    for span in (found.speaker, found.cue):
        assert span is not None and text[span.start : span.end] == span.text


def test_a_window_without_cue_words_skips_the_rules_with_the_same_answer() -> None:
    """With the cue table's pattern, a window without any cue word, "according", colon
    or dash lead is not read; every answer is the one the rules give without it,
    also for a parser's own cue verb, a dash attribution and Greek capitals."""
    cues = {**CUE_VERBS, "griped": "griped"}
    finder = cue_pattern(cues)
    tails = [
        " Maria Lopez griped.",
        " — Mark Twain",
        ", — Mark Twain",
        " according to the report.",
        " and the crowd cheered.",
        " ΣΟΦΙΑ ΠΑΠΑ said.",
        " İstanbul's mayor said.",
        "",
    ]
    heads = ["Maria Lopez griped: ", "From Teigen: ", "The crowd cheered ", "ΣΟΦΙΑ said, ", ""]
    for after in tails:
        text = QUOTE + after
        plain = match_tail(text, len(QUOTE), len(text), ",", cues)
        assert match_tail(text, len(QUOTE), len(text), ",", cues, finder=finder) == plain
    for before in heads:
        plain = match_head(before + QUOTE, 0, len(before), cues)
        assert match_head(before + QUOTE, 0, len(before), cues, finder=finder) == plain
    assert tail(" Maria Lopez griped.", cues=cues) is not None
    assert head("From Teigen: ") is not None
