"""Tests of the ``"news"`` sentiment model, the model names, and VADER compatibility on the
NYT editorial snippets (when ``../shared`` is there)."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import quotetrack
from quotetrack.errors import ConfigurationError, InputTypeError
from quotetrack.models import SENTIMENT_CUTOFFS, Quote, Sentiment, sentiment_label
from quotetrack.sentiment import DEFAULT_MODEL, MODELS, SentimentScorer, news, score
from quotetrack.sentiment.vader import has_idiom
from quotetrack.svg import Point
from quotetrack.view import mean_label, render_html

ROOT = Path(__file__).resolve().parents[1]
NYT = ROOT.parent / "shared" / "data" / "sentiment" / "nyt_editorial_train.jsonl"
MODEL_FILE = ROOT / "quotetrack" / "data" / "news_sentiment_model.json"
NEWS = SentimentScorer()
VADER_MODEL = SentimentScorer(model="vader")


def news_valence(text: str) -> float:
    """The news reading's compound before calibration (the first feature)."""
    return news.read(NEWS.parts(text))[0][0]


def vader_valence(text: str) -> float:
    return news.read(NEWS.parts(text))[0][1]


# --- Models and their names ---------------------------------------------------------------


def test_news_is_the_default_and_each_result_names_its_model() -> None:
    assert SentimentScorer().model == "news" == MODELS[0]
    assert NEWS.polarity("What a great win!").model == "news"
    assert VADER_MODEL.polarity("What a great win!").model == "vader"
    assert quotetrack.analyze("“What a great win,” she said.")[0].sentiment.model == "news"  # type: ignore[union-attr]


@pytest.mark.parametrize("bad", ["VADER", "", "textblob", None, 1])
def test_unknown_model_raises_configuration_error(bad: object) -> None:
    with pytest.raises(ConfigurationError, match="unknown sentiment model"):
        SentimentScorer(model=bad)  # type: ignore[arg-type]


def test_score_of_none_raises_input_type_error() -> None:
    with pytest.raises(InputTypeError):
        score(None)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        SentimentScorer().score(None)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        score(3)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        score("a quote")  # type: ignore[arg-type]


def test_stored_scores_without_a_model_are_vader() -> None:
    """A Sentiment built from four numbers, as stores written before hold, is VADER's."""
    assert Sentiment(0.1, 0.2, 0.8, 0.0).model == "vader"
    assert Sentiment.from_vader({"compound": 0.1, "pos": 0.2, "neu": 0.8, "neg": 0.0}).model == (
        "vader"
    )


def test_label_uses_the_models_own_cutoffs() -> None:
    negative, positive = SENTIMENT_CUTOFFS["news"]
    assert (negative, positive) != SENTIMENT_CUTOFFS["vader"]
    between = (max(negative, -0.05) + min(positive, 0.05)) / 2
    inside_news = positive - 0.01 if positive > 0.05 else negative + 0.01
    assert Sentiment(inside_news, 0, 1, 0, model="news").label == "neutral"
    assert Sentiment(inside_news, 0, 1, 0, model="vader").label != "neutral"
    assert Sentiment(positive, 0, 0, 0, model="news").label == "positive"
    assert Sentiment(negative, 0, 0, 0, model="news").label == "negative"
    assert Sentiment(between, 0, 1, 0, model="news").label == "neutral"
    assert sentiment_label(positive, "news") == "positive"


def test_cutoffs_in_models_match_the_shipped_calibration() -> None:
    """models.SENTIMENT_CUTOFFS repeats the trained cut-offs; they must not drift apart."""
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert tuple(shipped["cutoffs"]) == SENTIMENT_CUTOFFS["news"]
    assert news.calibration().cutoffs == SENTIMENT_CUTOFFS["news"]
    provenance = shipped["provenance"]
    assert provenance["trained_by"] == "tools/train_sentiment.py"
    assert "newsmtsc_train_quotes.jsonl" in provenance["data"]
    assert provenance["cross_validation"]["newsmtsc_quotes_macro_f1"] > 0


# --- The news reading ------------------------------------------------------------------------


def test_names_and_titles_carry_no_sentiment() -> None:
    """VADER scores "United" and "Supreme"; in a name they are not the speaker's feeling."""
    for text in [
        "The United States Supreme Court ruled on Monday.",
        "He spoke to the Justice Department about it.",
        "She studied at Liberty University last year.",
        "The Department of Justice said so.",
    ]:
        assert vader_valence(text) > 0
        assert news_valence(text) == 0.0
    # the same words in lowercase, outside a name, still count
    assert news_valence("Their support was united and strong.") > 0


def test_sentence_start_capital_is_not_a_name() -> None:
    assert news_valence("Great job by everyone.") > 0
    assert news_valence("Terrible, he said.") < 0


def test_negation_reaches_the_end_of_its_clause() -> None:
    text = "He is not going to be the greatest fighter"
    assert vader_valence(text) > 0
    assert news_valence(text) < 0
    # but not past the clause
    assert news_valence("I did not go there, but the food was great") > 0


def test_news_lexicon_fills_political_gaps() -> None:
    for word in ["corrupt", "hypocrisy", "unconstitutional", "complicit", "expensive"]:
        text = f"That is {word}."
        assert vader_valence(text) == 0.0
        assert news_valence(text) < 0
    assert news_valence("It was a bipartisan deal.") > 0


def test_probabilities_and_compound_agree() -> None:
    for text in ["What a great win!", "This is corrupt and absurd.", "The meeting is on Tuesday."]:
        s = NEWS.polarity(text)
        assert math.isclose(s.positive + s.neutral + s.negative, 1.0, abs_tol=0.002)
        assert math.isclose(s.compound, s.positive - s.negative, abs_tol=0.002)
        assert -1.0 <= s.compound <= 1.0


def test_news_labels_of_clear_cases() -> None:
    assert NEWS.polarity("It was a wonderful, historic victory and I am proud.").label == "positive"
    assert NEWS.polarity("This is a corrupt, disgraceful scandal.").label == "negative"


def test_seed_ivf_cost_quote_is_not_positive(seed_text: str) -> None:
    """Teigen on the cost of IVF is a complaint; plain VADER called it positive."""
    quotes = quotetrack.analyze(seed_text)
    ivf = next(q for q in quotes if q.text.startswith("It's so incredibly expensive"))
    assert ivf.sentiment is not None
    assert ivf.sentiment.label != "positive"


def test_scores_do_not_depend_on_the_token_cache() -> None:
    text = "Not good at all, but the team was great."
    assert SentimentScorer().polarity(text) == NEWS.polarity(text) == NEWS.polarity(text)


def test_token_readings_are_the_lexicons_own_keys() -> None:
    """Readings are interned with the lexicon's and the calibration's words, so look-ups
    match by identity (the scorer's speed relies on it, not its results)."""
    (_, lowers, _, _), *_ = SentimentScorer().parts("Corrupt, GOOD deals.")
    assert lowers == ["corrupt", "good", "deals"]
    for keys in (news.news_lexicon()[0], news.calibration().words):
        for word in lowers:
            assert word not in keys or any(key is word for key in keys), word
    assert any(key is lowers[0] for key in news.news_lexicon()[0])  # a news lexicon word
    assert any(key is lowers[1] for key in news.news_lexicon()[0])  # one of VADER's


# words of VADER's idioms ("kiss of death", "the bomb", "kind of", "cut the mustard" ...),
# as they may stand in a sentence, and others
_IDIOM_WORDS = "the The bomb kiss of of. death kind sort to die for cut mustard hand good".split()


@given(st.lists(st.sampled_from(_IDIOM_WORDS), max_size=12))
def test_idiom_look_up_by_code_is_vaders(raw_tokens: list[str]) -> None:
    """read() looks for an idiom only where the tokens' codes place a pair's first word
    just before its second; that finds exactly the sentences VADER finds one in."""
    readings = [news.token_reading(t) for t in raw_tokens]
    lowers = [low for low, _ in readings]
    code = "".join(code for _, code in readings)
    assert news._holds_idiom(code, lowers) == has_idiom(lowers)


def test_quote_with_news_sentiment_round_trips_through_score() -> None:
    quote = Quote(text="A terrible, corrupt deal.", spans=())
    assert NEWS.score(quote).sentiment == NEWS.polarity(quote.text)


# --- VADER compatibility on the NYT snippets -----------------------------------------------


def _single_ascii_sentence(text: str) -> bool:
    return text.isascii() and not re.search(r"[.!?]\S*\s+\S|\n", text.strip())


@pytest.mark.skipif(not NYT.exists(), reason="needs ../shared/data/sentiment (NYT snippets)")
def test_vader_model_reproduces_vader_on_the_nyt_snippets() -> None:
    """Every plain-ASCII single-sentence NYT snippet scores exactly as vaderSentiment."""
    analyzer = SentimentIntensityAnalyzer()
    texts = [json.loads(line)["text"] for line in NYT.read_text(encoding="utf-8").splitlines()]
    checked = 0
    for text in texts:
        if _single_ascii_sentence(text):
            assert VADER_MODEL.polarity(text) == Sentiment.from_vader(
                analyzer.polarity_scores(text)
            ), text
            checked += 1
    assert checked > 1000


def test_news_lexicon_file_is_well_formed() -> None:
    """One lowercase word and a valence on VADER's scale per row, no duplicates."""
    path = ROOT / "quotetrack" / "data" / "news_sentiment_lexicon.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    seen: set[str] = set()
    for line in lines:
        if line.startswith("#"):
            continue
        word, valence = line.split("\t")
        assert word == word.lower().strip() and word not in seen, word
        assert -4.0 <= float(valence) <= 4.0, line
        seen.add(word)
    assert len(seen) > 50


def test_store_and_records_keep_the_model(tmp_path: Path) -> None:
    """The model name travels with the scores: flat records and the tracker's store."""
    from quotetrack.records import quote_from_record, quote_record

    text = "“This deal is corrupt and absurd,” Senator Jane Smith said on Monday."
    [quote] = quotetrack.analyze(text)
    assert quote.sentiment is not None and quote.sentiment.model == "news"
    record = quote_record(quote)
    assert record["sentiment_model"] == "news"
    assert record["sentiment_label"] == quote.sentiment.label
    assert quote_from_record(record) == quote
    old = {k: v for k, v in record.items() if k != "sentiment_model"}  # written before
    assert quote_from_record(old).sentiment.model == "vader"  # type: ignore[union-attr]
    with quotetrack.Tracker(tmp_path / "quotes.db") as tracker:
        tracker.add(text, doc_id="a")
        [stored] = list(tracker.quotes())
    assert stored.quote.sentiment == quote.sentiment


@pytest.mark.parametrize(
    "text",
    [
        "The United States Supreme Court was not happy, but Justice Department staff were.",
        "It is not going to be the greatest fighter we have ever seen.",
        "A corrupt, absurd scheme by Senator Smith; Party leaders like it.",
        "Nobody ever said it wasn't good.",
        # masked words VADER reads only in idioms ("the", "of"), with and without one
        "Officials said The Bomb Squad and the Department of Justice did a great job.",
        "He said the Bus Stop was a horrible place, kind of sad.",
        "She said, Most of America disagrees with her comments.",
        # a negation that stays within VADER's three words, and one that reaches further
        "We don't think The Times was wrong to praise the Department of Energy.",
        "They did not, in the view of Senator Smith, do a good job.",
        "I can't say The Right Stuff was a bad film, but it was not the best.",
    ],
)
def test_vader_feature_is_vaders_compound(text: str) -> None:
    """The news reading skips VADER's second pass when nothing it reads differs; the
    VADER compound it feeds the calibration is VADER's all the same."""
    assert round(vader_valence(text), 4) == VADER_MODEL.polarity(text).compound


@pytest.mark.skipif(not NYT.exists(), reason="needs ../shared/data/sentiment (NYT snippets)")
def test_vader_feature_is_vaders_compound_on_the_nyt_snippets() -> None:
    texts = [json.loads(line)["text"] for line in NYT.read_text(encoding="utf-8").splitlines()]
    for text in texts:
        assert round(vader_valence(text), 4) == VADER_MODEL.polarity(text).compound, text


def _mean_neutral_for_news_only() -> tuple[float, str]:
    """A mean the default model calls neutral and VADER does not, and VADER's label."""
    negative, positive = SENTIMENT_CUTOFFS[DEFAULT_MODEL]
    if positive > 0.05:
        return (0.05 + positive) / 2, "positive"
    assert negative < -0.05, "the default model's cut-offs are VADER's"
    return (negative - 0.05) / 2, "negative"


def test_means_are_labelled_by_the_models_cutoffs_not_vaders() -> None:
    mean, vaders = _mean_neutral_for_news_only()
    assert mean_label(mean) == "neutral"
    assert mean_label(mean, ["vader", "vader"]) == vaders
    assert mean_label(mean, ["news", "vader"]) == "neutral"  # mixed: the default's
    assert mean_label(None) == "unscored"
    assert Point("2016-10", mean).sentiment == "neutral"
    assert Point("2016-10", mean, model="vader").sentiment == vaders


def test_page_legend_labels_a_speakers_mean_by_the_quotes_model() -> None:
    text = "“We will win,” Smith said."
    (quote,) = quotetrack.analyze(text)
    legend = re.compile(r'<li class="speaker".*?</li>', re.S)
    mean, vaders = _mean_neutral_for_news_only()
    for model, label in (("news", "neutral"), ("vader", vaders)):
        scored = attrs.evolve(quote, sentiment=Sentiment(mean, 0.3, 0.5, 0.2, model=model))
        (item,) = legend.findall(render_html(text, [scored]))
        assert f"s-{label}" in item
