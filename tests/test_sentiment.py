"""Tests of quotetrack.sentiment's ``"vader"`` model: VADER, read right on news typography,
linear on long text (the ``"news"`` model is tested in test_sentiment_news.py).

The real VADER is the oracle: plain-ASCII single sentences must score exactly as
``SentimentIntensityAnalyzer().polarity_scores`` scores them, and a text of several
sentences must score as the documented pooling of VADER's per-sentence raw sums, which
``vader_raw`` below rebuilds from VADER's own methods.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    SentimentIntensityAnalyzer,
    SentiText,
    normalize,
)

import quotetrack.sentiment as sentiment_module
from quotetrack.errors import InputTypeError
from quotetrack.models import Quote, QuoteKind, Sentiment, Span, Speaker
from quotetrack.sentiment import SentimentScorer, score
from quotetrack.sentiment import vader as vader_module

VADER = SentimentIntensityAnalyzer()
SCORER = SentimentScorer(model="vader")
NEWS = SentimentScorer()
ROOT = Path(__file__).resolve().parents[1]
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
SEED_ARTICLES = sorted((ROOT / "seeds").glob("*.txt"))

SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def vader(text: str) -> Sentiment:
    """Raw VADER's scores of ``text``."""
    return Sentiment.from_vader(VADER.polarity_scores(text))


def vader_raw(text: str) -> tuple[float, float, float, int] | None:
    """VADER's ``polarity_scores`` on ``text`` stopped before normalising and rounding.

    Returns the valence sum and the sifted positive and negative sums (each with VADER's
    punctuation emphasis) and the neutral count, or None when ``text`` has no words. Built
    from VADER's own methods, in the order ``polarity_scores`` calls them (``text`` must be
    free of emoji, which ``polarity_scores`` would describe first).
    """
    text = text.strip()
    sentitext = SentiText(text)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT:
            sentiments.append(0)
            continue
        if i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of":
            sentiments.append(0)
            continue
        sentiments = VADER.sentiment_valence(0, sentitext, item, i, sentiments)
    sentiments = VADER._but_check(words, sentiments)
    if not sentiments:
        return None
    valence = float(sum(sentiments))
    emphasis = VADER._punctuation_emphasis(text)
    if valence > 0:
        valence += emphasis
    elif valence < 0:
        valence -= emphasis
    positive, negative, neutral = VADER._sift_sentiment_scores(sentiments)
    if positive > math.fabs(negative):
        positive += emphasis
    elif positive < math.fabs(negative):
        negative -= emphasis
    return valence, positive, negative, neutral


def pooled(sentences: list[str]) -> Sentiment:
    """The documented combination of ``sentences``: VADER's formula on the pooled raw sums."""
    raws = [r for r in map(vader_raw, sentences) if r is not None]
    if not raws:
        return Sentiment(0.0, 0.0, 0.0, 0.0)
    valence = sum(r[0] for r in raws)
    positive = sum(r[1] for r in raws)
    negative = sum(r[2] for r in raws)
    neutral = sum(r[3] for r in raws)
    total = positive + math.fabs(negative) + neutral
    return Sentiment(
        compound=round(normalize(valence), 4),
        positive=round(math.fabs(positive / total), 3),
        neutral=round(math.fabs(neutral / total), 3),
        negative=round(math.fabs(negative / total), 3),
    )


# --- Strategies ------------------------------------------------------------------------
# Words chosen to exercise every VADER rule, by the rule they exercise.
RULE_WORDS_BY_ROLE = {
    "lexicon words of both signs": "good great bad terrible love hate win happy sad kill "
    "awful nice ok okay fail like hope wrong best worst glad angry strong pretty yes lol",
    # accept = love / 2 and aches = awful / 2: VADER's "but" rule re-scales the wrong word
    "halves of other words' valences": "accept accusation aches",
    "negations and their exceptions": "no not never isn't don't doesn't didn't cannot "
    "without nor or least at very so this doubt",
    "contrast": "but",
    "boosters and dampeners": "really extremely barely somewhat hardly totally more most "
    "less little quite incredibly kind of sort just enough",
    "special-case idioms": "the shit bomb bad ass kiss death to die for bus stop yeah right "
    "beating heart",
    "neutral words": "the a an and it is was we they he she said will would people plan "
    "vote state election campaign Trump Clinton police report week",
}
RULE_WORDS = [word for words in RULE_WORDS_BY_ROLE.values() for word in words.split()]
EMOTICONS = [":)", ":(", ":D", ";)", ":-(", "<3"]


@st.composite
def words(draw: st.DrawFn) -> str:
    """One ASCII word, perhaps ALL CAPS or capitalised, perhaps with a comma or quotes."""
    word = draw(st.sampled_from(RULE_WORDS) | st.sampled_from(EMOTICONS))
    case = draw(st.sampled_from(["as is", "as is", "upper", "title"]))
    if case == "upper":
        word = word.upper()
    elif case == "title":
        word = word.title()
    return draw(st.sampled_from(["{}", "{}", "{}", "{},", '"{}"', "({})", "{};"])).format(word)


@st.composite
def sentences(draw: st.DrawFn, *, start_capital: bool = False) -> str:
    """One ASCII sentence: rule words, no sentence-final punctuation before its end."""
    body = draw(st.lists(words(), min_size=1, max_size=25))
    if start_capital:
        body[0] = draw(st.sampled_from(["The", "We", "It", "Good", "Bad", "Never", "But"]))
        # the last word takes the full stop; an initial ("I.") would not end a sentence
        body.append(draw(st.sampled_from(["today", "again", "great", "bad", "ok", "not"])))
    end = draw(st.sampled_from(["", ".", "!", "?", "!!", "??", "???", "!!!!!", "?!", "..."]))
    if start_capital and not end:
        end = "."
    return " ".join(body) + end


def single_ascii_sentence(text: str) -> bool:
    """Whether ``text`` is plain ASCII with nowhere a sentence could end before its end.

    A line break counts as such a place: unless the text is hard-wrapped, each line is a
    paragraph of its own for the scorer, as for the parser (``segments.paragraphs``).
    """
    return text.isascii() and not re.search(r"[.!?]\S*\s+\S|\n", text.strip())


def real_sentences() -> list[str]:
    """Sentences of real news: the seed articles and, when present, PolNeAR dev texts."""
    paths = [*SEED_ARTICLES, *sorted(POLNEAR_DEV.glob("*.txt"))]
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        out.extend(s for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", text) if s.strip())
    return out


REAL_SENTENCES = real_sentences()


# --- Exactly VADER on plain ASCII single sentences ---------------------------------------


def test_oracle_reproduces_vader() -> None:
    """The raw-sum oracle used below gives VADER's own scores once normalised and rounded."""
    for text in ["This is great!!", "It was not good, but it was ok", "NO WAY, ok ok ok?"]:
        assert pooled([text]) == vader(text)


@SLOW
@given(sentences())
def test_generated_ascii_sentence_scores_exactly_as_vader(text: str) -> None:
    """A generated plain-ASCII sentence scores exactly, float for float, as VADER scores it."""
    assert SCORER.polarity(text) == vader(text)


@SLOW
@given(st.text(st.characters(max_codepoint=127), max_size=200))
def test_arbitrary_ascii_single_sentence_scores_exactly_as_vader(text: str) -> None:
    """Any ASCII string that cannot contain a sentence end scores exactly as VADER scores it."""
    assume(single_ascii_sentence(text))
    assert SCORER.polarity(text) == vader(text)


def test_real_ascii_sentences_score_exactly_as_vader() -> None:
    """Every plain-ASCII sentence of the seed articles (and PolNeAR dev) scores as VADER's."""
    checked = [s for s in REAL_SENTENCES if single_ascii_sentence(s)]
    assert len(checked) >= (1000 if POLNEAR_DEV.is_dir() else 10)
    mismatches = [s for s in checked if SCORER.polarity(s) != vader(s)]
    assert mismatches == []


@pytest.mark.parametrize(
    "text",
    [
        "I love the plan but I accept the result",  # "accept" (1.6) matches halved "love"
        "It was awful but the aches passed, awful",
        "good good but good good",
        "Sentiment analysis has never been this good!",
        "Roger Dodger is one of the least compelling variations on this theme.",
        "Roger Dodger is at least compelling as a variation on the theme.",
        "Without a doubt, an excellent idea.",
        "No good or bad came of it",
        "There is no hope",
        "no",
        "The movie was kind of good",
        "VADER is VERY SMART, handsome, and FUNNY!!!",
        "With VADER, sentiment analysis is the shit!",
        "On the other hand, VADER is quite bad ass",
        "It is to die for, the kiss of death ??",
        "Today SUX!",
        ":) and :D",
        "",
        "   ",
    ],
)
def test_vader_rule_cases_score_exactly_as_vader(text: str) -> None:
    """Sentences that trigger each of VADER's rules, and its quirks, score as VADER's."""
    assert SCORER.polarity(text) == vader(text)


def test_emoji_are_described_as_vader_describes_them() -> None:
    """Emoji become VADER's descriptions, spaced as VADER spaces them, in a single sentence."""
    for text in ["I love it 😁", "😁😁 so sad😢", "💘", "great💋 ok"]:
        assert SCORER.polarity(text) == vader(text)


EMOJI = sorted(e for e in VADER.emojis if len(e) == 1)


@SLOW
@given(
    st.lists(
        st.sampled_from(RULE_WORDS)
        | st.sampled_from(EMOJI)
        | st.sampled_from(["café", "señor", "Zürich", "naïve", "😁😁", "good😢", "\t"]),
        max_size=20,
    ).map(" ".join)
)
def test_non_ascii_sentence_without_typography_scores_exactly_as_vader(text: str) -> None:
    """A single sentence with emoji and accented words, but no typography, scores as VADER's.

    No line breaks: a line is a paragraph of its own for the scorer, as for the parser
    (``segments.paragraphs``), so a text of several lines is several sentences pooled, not
    one sentence (``'no \\n good 🅰 \\n good'`` is three).
    """
    assert SCORER.polarity(text) == vader(text)


def test_typography_replacements_never_touch_emoji() -> None:
    """No character the scorer normalises is one VADER describes as an emoji."""
    assert set(vader_module._REPLACEMENTS).isdisjoint(VADER.emojis)


# --- Typography ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typographic", "ascii_equivalent"),
    [
        ("This isn’t good", "This isn't good"),
        ("I don’t like it", "I don't like it"),
        ("We can´t win", "We can't win"),
        ("It wasnʼt fair", "It wasn't fair"),
        ("“great”", "great"),
        ("‘great’", "great"),
        ("«great»", "great"),
        ("« great »", "great"),
        ("„great“", "great"),
        ("‹great›", "great"),
        ("“No” good, he said", "No good, he said"),
        ("They said “terrible,” and left", "They said terrible, and left"),
        ("good—but really bad", "good - but really bad"),
        ("good — but really bad", "good - but really bad"),
        ("good ― but really bad", "good - but really bad"),
        ("good – but really bad", "good - but really bad"),
        ("from 2014–2016, good", "from 2014-2016, good"),
        ("substantive–and good", "substantive - and good"),
        ("terrible–awful", "terrible - awful"),
        ("a well‐known failure", "a well-known failure"),
        ("so good…", "so good..."),
        ("well…good", "well... good"),
        ("un\u00adhappy", "unhappy"),
        ("\ufeffGreat", "Great"),
        ("not\u00a0good", "not good"),
    ],
)
def test_typography_scores_as_its_ascii_equivalent(typographic: str, ascii_equivalent: str) -> None:
    """News typography (curly quotes, dashes, ellipses, invisibles) scores as plain ASCII."""
    assert SCORER.polarity(typographic) == vader(ascii_equivalent)


def _prepared_char_by_char(text: str) -> str:
    """prepare()'s rules applied one character at a time, each looking at its neighbours
    in the text as given: the oracle for its faster passes."""
    emojis = vader_module._analyzer().emojis
    out = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch.isascii():
            out.append(ch)
        elif ch in vader_module._SHORT_DASHES:
            out.append("-" if before.isdigit() and after.isdigit() else " - ")
        elif ch in vader_module._REPLACEMENTS:
            glued = (before.isalnum() or before == "_") and (after.isalnum() or after == "_")
            out.append(vader_module._REPLACEMENTS[ch][0 if glued else 1])
        else:
            out.append(" " + emojis[ch] if ch in emojis else ch)
    return "".join(out)


# typography, the word characters around it (ʼ is a letter), digits, spaces and emoji
_TYPOGRAPHY = "\u2019\u2018\u201c\u201d\u02bc\u00b4\u2013\u2014\u2026\u200b\u00a0\u2010"


@given(st.text(st.sampled_from([*_TYPOGRAPHY, "a", "é", "_", "7", " ", "-", "'", "\U0001f600"])))
def test_prepare_applies_each_replacement_to_the_text_as_given(text: str) -> None:
    assert vader_module.prepare(text) == _prepared_char_by_char(text)


def test_curly_apostrophe_keeps_negation() -> None:
    """A curly apostrophe keeps its negation: "This isn’t good" scores as "This isn't good"."""
    assert vader("This isn’t good").compound > 0  # the defect being fixed
    assert SCORER.polarity("This isn’t good").compound == pytest.approx(-0.3412)


def test_glued_quotation_marks_no_longer_hide_words() -> None:
    """A word inside glued curly quotation marks keeps its valence, where raw VADER loses it."""
    assert vader("“great”").compound == 0.0  # the defect being fixed
    assert SCORER.polarity("“great”").compound == pytest.approx(0.6249)


@SLOW
@given(sentences(), st.data())
def test_curly_quotes_and_apostrophes_score_as_plain_ascii(text: str, data: st.DataObject) -> None:
    """Wrapping words in curly quotation marks and curling apostrophes changes no score."""
    assume('"' not in text)  # ASCII quotes stay as VADER reads them; compare unquoted text
    marks = data.draw(st.sampled_from([("“", "”"), ("‘", "’"), ("«", "»"), ("„", "“")]))
    tokens = text.split(" ")
    wrap = data.draw(st.lists(st.booleans(), min_size=len(tokens), max_size=len(tokens)))
    curly = " ".join(
        f"{marks[0]}{t}{marks[1]}" if w else t for t, w in zip(tokens, wrap, strict=True)
    ).replace("'", "’")
    assert SCORER.polarity(curly) == vader(text)


# --- Several sentences: pooled, and linear --------------------------------------------


@SLOW
@given(st.lists(sentences(start_capital=True), min_size=2, max_size=30))
def test_text_scores_as_pooled_sentences(parts: list[str]) -> None:
    """A text of several sentences scores as VADER's raw sums of each sentence, pooled."""
    assert SCORER.polarity(" ".join(parts)) == pooled(parts)


def test_long_text_scores_as_pooled_sentences() -> None:
    """An 80,000-character text scores as the pooled raw sums of its sentences."""
    base = [
        "The senator said the plan was a terrible idea.",
        "But supporters were happy and hopeful!",
        "Nobody is sure it will work, officials said.",
        "It isn't good, but it isn't bad either.",
        "WE WILL WIN, he told the crowd.",
    ]
    parts = base * (80_000 // len(" ".join(base)) + 1)
    text = " ".join(parts)
    assert len(text) > 80_000
    assert SCORER.polarity(text) == pooled(parts)


def test_but_and_negation_stop_at_the_sentence_end() -> None:
    """A "but" or a negation in one sentence does not reach into the next, unlike raw VADER."""
    text = "It was great. But the ending was awful."
    assert SCORER.polarity(text) == pooled(["It was great.", "But the ending was awful."])
    assert SCORER.polarity(text) != vader(text)  # raw VADER halves "great" across the stop
    text = "They did not. Good things happened anyway."
    assert SCORER.polarity(text).compound > 0 > vader(text).compound


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    """Full stops after titles, months and initials ("Sen.", "Sept.", "U.S.") end nothing."""
    for text in [
        "Sen. Good was not happy.",
        "The U.S. Army was not happy.",
        "On Sept. 11 nobody was happy.",
        "J. Good was not happy.",
    ]:
        assert SCORER.polarity(text) == vader(text)


def test_blank_lines_end_sentences() -> None:
    """A blank line ends a sentence even without a full stop, as a headline does."""
    text = "Great news for the campaign\n\nNot good for the rest"
    assert SCORER.polarity(text) == pooled(["Great news for the campaign", "Not good for the rest"])


def test_closing_quotes_stay_with_their_sentence() -> None:
    """Quotation marks after a sentence's end belong to it, and the next sentence starts clean."""
    text = 'He said "it is great!" The crowd was sad.'
    assert SCORER.polarity(text) == pooled(['He said "it is great!"', "The crowd was sad."])


# --- Properties of every result ----------------------------------------------------------


@SLOW
@given(st.text(max_size=300))
def test_any_text_scores_within_vader_ranges(text: str) -> None:
    """Any str scores without error: compound in [-1, 1], proportions summing to 1 or all 0."""
    result = SCORER.polarity(text)
    assert -1.0 <= result.compound <= 1.0
    proportions = (result.positive, result.neutral, result.negative)
    assert all(0.0 <= p <= 1.0 for p in proportions)
    if proportions == (0.0, 0.0, 0.0):
        assert result.compound == 0.0
    else:
        assert sum(proportions) == pytest.approx(1.0, abs=0.002)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "“”", "\u200b"])
def test_text_without_words_scores_all_zero(text: str) -> None:
    """A text with no words at all scores 0.0 everywhere, as VADER scores an empty string."""
    assert SCORER.polarity(text) == Sentiment(0.0, 0.0, 0.0, 0.0, model="vader")
    assert NEWS.polarity(text) == Sentiment(0.0, 0.0, 0.0, 0.0, model="news")


def same_float(a: float, b: float) -> bool:
    """Equal, and of the same sign (so 0.0 and -0.0 differ)."""
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


@pytest.mark.parametrize(
    "x",
    # exact ties at 3 and 4 places (0.0625 = 62.5e-3), near ties, zeros and tiny values
    # of both signs, and the ends of the range
    [
        *(0.0625, -0.0625, 0.03125, 0.5, 0.0005, 0.00005, 0.1235, 0.12345, -0.12345),
        *(0.0, -0.0, -0.0001, 0.0001, -0.00004, 1e-300, -1e-300),
        *(1.0, -1.0, 0.9999, 0.99995, 2.0 / 3.0),
    ],
)
@pytest.mark.parametrize("digits", [3, 4])
def test_rounded_is_round(x: float, digits: int) -> None:
    """The scorers' fast rounding gives round()'s float, sign of zero included."""
    assert same_float(vader_module.rounded(x, digits), round(x, digits))


@given(st.floats(min_value=-1.5, max_value=1.5), st.integers(min_value=0, max_value=4))
def test_rounded_is_round_for_any_float(x: float, digits: int) -> None:
    assert same_float(vader_module.rounded(x, digits), round(x, digits))


@given(st.lists(st.floats(min_value=-1.5, max_value=1.5), min_size=4, max_size=4))
def test_rounded_scores_are_rounded_as_vader_rounds(scores: list[float]) -> None:
    compound, positive, neutral, negative = scores
    got = vader_module.rounded_scores(compound, positive, neutral, negative)
    want = (round(compound, 4), round(positive, 3), round(neutral, 3), round(negative, 3))
    assert all(map(same_float, got, want))


def test_rounded_is_round_near_every_tie() -> None:
    """Floats next to each decimal tie k.5e-d of the scores' range round as round() does."""
    for digits in (3, 4):
        scale = 10**digits
        for k in range(-scale, scale):
            tie = (k + 0.5) / scale
            for x in (math.nextafter(tie, -2.0), tie, math.nextafter(tie, 2.0)):
                assert same_float(vader_module.rounded(x, digits), round(x, digits)), x


def test_text_with_words_has_proportions_summing_to_one() -> None:
    """A text with words, even neutral ones only, has proportions summing to one."""
    result = SCORER.polarity("The table is in the room.")
    assert (result.compound, result.neutral) == (0.0, 1.0)


@pytest.mark.parametrize(
    ("compound", "label"),
    [
        (0.05, "positive"),
        (0.0499, "neutral"),
        (0.0, "neutral"),
        (-0.0499, "neutral"),
        (-0.05, "negative"),
        (1.0, "positive"),
        (-1.0, "negative"),
    ],
)
def test_label_follows_vader_thresholds(compound: float, label: str) -> None:
    """The label is positive from +0.05, negative from -0.05, and neutral in between."""
    assert Sentiment(compound, 0.0, 1.0, 0.0).label == label


def test_scored_text_gets_the_expected_label() -> None:
    """Scored texts are labelled positive, negative or neutral by their compound."""
    assert SCORER.polarity("What a great win!").label == "positive"
    assert SCORER.polarity("This isn’t good").label == "negative"
    assert SCORER.polarity("The meeting is on Tuesday.").label == "neutral"


# --- Types and the Quote API -------------------------------------------------------------


@pytest.mark.parametrize("bad", [b"great", None, 3, ["great"]])
def test_polarity_of_non_str_raises_input_type_error(bad: object) -> None:
    """Bytes, None and other non-str input raise InputTypeError, which is a TypeError."""
    with pytest.raises(InputTypeError, match="must be str"):
        SCORER.polarity(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        SCORER.polarity(bad)  # type: ignore[arg-type]


def test_bytes_error_says_to_decode() -> None:
    """The error for bytes says how to fix it."""
    with pytest.raises(InputTypeError, match="decode"):
        SCORER.polarity(b"great")  # type: ignore[arg-type]


def make_quote(text: str) -> Quote:
    """An attributed direct quote whose one span is ``text`` at the start of a document."""
    doc = f"{text} Smith said."
    span = Span.of(doc, 0, len(text))
    speaker = Speaker("John Smith", Span.of(doc, len(text) + 1, len(text) + 6))
    cue = Span.of(doc, len(text) + 7, len(text) + 11)
    return Quote.from_spans((span,), speaker=speaker, cue=cue, rule="name-cue")


def test_score_sets_sentiment_and_keeps_every_other_field() -> None:
    """score() returns a copy with sentiment set; the quote passed in is left unchanged."""
    quote = make_quote("This isn’t good")
    scored = SCORER.score(quote)
    assert quote.sentiment is None
    assert scored is not quote
    assert scored.sentiment == SCORER.polarity(quote.text)
    assert attrs.evolve(scored, sentiment=None) == quote
    assert scored.kind is QuoteKind.DIRECT


def test_score_passes_every_field_of_the_quote_to_its_copy() -> None:
    """score() copies each field of a quote with every field set (addressee, kind, rule
    too) as it is, the very same objects, and only the sentiment differs."""
    doc = "Smith told Jones that the plan is a disaster."
    quote = Quote(
        "the plan is a disaster",
        (Span.of(doc, 22, 44),),
        Speaker("John Smith", Span.of(doc, 0, 5)),
        Span.of(doc, 6, 10),
        QuoteKind.REPORTED,
        Span.of(doc, 11, 16),
        Sentiment(0.5, 0.5, 0.5, 0.0, model="vader"),
        "told-that",
    )
    scored = SCORER.score(quote)
    for field in attrs.fields(Quote):
        if field.name != "sentiment":
            assert getattr(scored, field.name) is getattr(quote, field.name), field.name
    assert scored.sentiment == SCORER.polarity(quote.text)
    assert scored.sentiment != quote.sentiment


def test_score_of_quote_with_non_str_text_raises_input_type_error() -> None:
    """A quote whose text is not a str raises InputTypeError naming quote.text."""
    with pytest.raises(InputTypeError, match=r"quote\.text"):
        SCORER.score(Quote(text=None, spans=()))  # type: ignore[arg-type]


def test_module_score_scores_every_quote_in_order() -> None:
    """The module-level score() returns a tuple of scored copies in input order."""
    quotes = [make_quote("What a great day"), make_quote("It was awful"), make_quote("Fine")]
    scored = score(iter(quotes))
    assert isinstance(scored, tuple)
    assert [q.text for q in scored] == [q.text for q in quotes]
    assert [q.sentiment for q in scored] == [NEWS.polarity(q.text) for q in quotes]
    assert score([]) == ()


def test_module_score_reuses_one_shared_scorer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The module-level score() scores with the same scorer on every call."""
    seen: list[int] = []
    original = SentimentScorer.score

    def spy(self: SentimentScorer, quote: Quote) -> Quote:
        seen.append(id(self))
        return original(self, quote)

    monkeypatch.setattr(SentimentScorer, "score", spy)
    score([make_quote("good"), make_quote("bad")])
    score([make_quote("fine")])
    assert len(seen) == 3
    assert len(set(seen)) == 1


def test_new_scorers_do_not_reload_the_vader_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    """Creating and using more scorers never builds another VADER analyzer (lexicon load)."""
    SentimentScorer().polarity("good")  # the process's one analyzer exists from here on
    built: list[object] = []
    original = SentimentIntensityAnalyzer.__init__

    def counting_init(self: SentimentIntensityAnalyzer, *args: object, **kwargs: object) -> None:
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(SentimentIntensityAnalyzer, "__init__", counting_init)
    for text in ["good", "bad", "ugly"]:
        SentimentScorer().polarity(text)
    score([make_quote("great")])
    assert built == []


def test_token_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-scorer token cache is emptied when it outgrows its limit; results still hold."""
    monkeypatch.setattr(sentiment_module, "_CACHE_LIMIT", 5)
    scorer = SentimentScorer(model="vader")
    for word in RULE_WORDS:
        assert scorer.polarity(f"so {word}") == vader(f"so {word}")
        assert len(scorer._lowers) <= 5 + 2
        assert scorer._codes.keys() == scorer._lowers.keys()
