"""tension.score.vader's analyzer gives exactly stock vaderSentiment's polarity_scores (==, every key), with the stock
lexicon and with the Scorer's domain lexicon: hand-written hard cases, random sentences of VADER's trigger words,
the overridden checks called directly (negative indices included), and every sentence of the real corpora in
../shared/data when it is present."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from vaderSentiment import vaderSentiment
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText

from conftest import shared_file
from tension.score.scorer import Scorer
from tension.score.vader import FastSentimentIntensityAnalyzer, words_of

HARD_CASES = [
    "", " ", "   \t\n ", ".", "!!!", "?!?", "...", "—", "- - -", ":)", ":-(", ":D",
    "good", "bad", "Good!", "GOOD", "NOT GOOD", "no", "No.", "no good", "No good at all", "not",
    "never", "Never good.", "Never so good.", "Never this bad.", "never so bad", "so good", "this good",
    "it was never so very good", "it was never this kind of good", "He is so not happy",
    "Without doubt, a good idea.", "without doubt good", "Without a doubt, an excellent idea.",
    "without any doubt excellent", "without good", "without a good plan", "doubt good", "doubt without good",
    "The plan is good, but the people are bad.", "but good", "good but", "but", "But but but good bad",
    "good good but good good", "bad bad but bad bad", "It is good BUT it is bad and not good", "nice but not nice",
    "The book was only kind of good.", "kind of", "kind of bad", "kind", "Kind of kind people",
    "a kind of terrible", "sort of good", "just enough good", "kinda sucks", "kind-of nice",
    "At least it isn't a horrible book.", "least good", "the least good idea", "at least good", "very least bad",
    "no no no", "no bad", "no, bad", "no or bad", "no or nor bad", "no good or bad", "no problem", "no no good",
    "I didn't like it", "I don't hate it", "It ain't bad", "isnt bad", "wasn't good", "n't good",
    "nothing good", "nowhere nice", "hardly good", "rarely good", "seldom bad", "despite good reviews",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", "VERY BAD movie!", "Today SUX!",
    "ALL CAPS EVERYWHERE GOOD", "Mostly lower but GREAT", "NOT good", "EXTREMELY bad", "extremely BAD",
    "the shit", "The bomb", "bad ass", "badass", "yeah right", "kiss of death", "to die for", "beating heart",
    "a beating heart", "bus stop good", "it is the bomb", "what a bad ass car", "kiss of death for the plan",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁", "💘", "💘💘", "💘 💘", "a💘b", "😁good", "good😁", " 💘 ",
    "I ❤ it", "flags 🇰🇷 🇰🇵", "Make sure you :) or :D today!",
    "Wow", "Great.", "Not bad.", "Very, very bad", "not very good", "not so good", "never so not good",
    "It was one of the worst movies I've seen, despite good reviews.", "Unbelievably bad acting!!",
    "Nor good nor bad", "neither good", "Is it good??", "Is it good???", "Is it good????", "good!!!!!!!!",
    "The DPRK will never tolerate the puppet's reckless provocation, but it wants peace.",
    "'good'", '"bad"', "(good)", "good,bad", "good, bad", "good\nbad", "good\tbad",
    "İstanbul is nice", "ΣΑΣ good", "straße good",
]


@pytest.fixture(scope="module")
def domain_lexicon() -> dict[str, float]:
    return Scorer().vader.lexicon


def pairs(lexicon: dict[str, float] | None) -> tuple[SentimentIntensityAnalyzer, FastSentimentIntensityAnalyzer]:
    """A stock analyzer and ours, both with `lexicon` (None: VADER's own)."""
    stock, fast = SentimentIntensityAnalyzer(), FastSentimentIntensityAnalyzer()
    if lexicon is not None:
        stock.lexicon, fast.lexicon = dict(lexicon), dict(lexicon)
    return stock, fast


def assert_same(stock, fast, texts) -> int:
    for text in texts:
        assert fast.polarity_scores(text) == stock.polarity_scores(text), text
    return len(texts)


@pytest.mark.parametrize("which", ["stock lexicon", "domain lexicon"])
def test_hard_cases_are_identical(which, domain_lexicon):
    stock, fast = pairs(None if which == "stock lexicon" else domain_lexicon)
    assert_same(stock, fast, HARD_CASES)
    assert_same(stock, fast, [t.upper() for t in HARD_CASES] + [t.lower() for t in HARD_CASES])


@pytest.mark.parametrize("which", ["stock lexicon", "domain lexicon"])
def test_compound_is_stock_compound(which, domain_lexicon):
    """compound(text), and compound with the words the Scorer passes, is stock polarity_scores(text)["compound"]."""
    stock, fast = pairs(None if which == "stock lexicon" else domain_lexicon)
    for text in HARD_CASES + [t.upper() for t in HARD_CASES] + [t.lower() for t in HARD_CASES]:
        assert_same_compound(stock, fast, [text])


def assert_same_compound(stock, fast, texts) -> None:
    for text in texts:
        expected = stock.polarity_scores(text)["compound"]
        words = words_of(text.split())
        assert fast.compound(text) == expected, text
        assert fast.compound(text, words, [w.lower() for w in words]) == expected, text


def test_sentitext_is_built_as_stock_builds_it():
    for text in HARD_CASES + [t.upper() for t in HARD_CASES] + ["A B c", "AB CD", ":) OK", "'' \"\" ... ok"]:
        assert vars(FastSentimentIntensityAnalyzer._sentitext(text)) == vars(SentiText(text)), text


WORDS = ["no", "No", "NO", "not", "never", "Never", "so", "this", "without", "doubt", "but", "But", "BUT", "kind",
         "of", "sort", "least", "at", "very", "VERY", "the", "shit", "bomb", "bad", "BAD", "ass", "good", "GOOD",
         "great", "hate", "or", "nor", "isn't", "didnt", "kinda", "just", "enough", "yeah", "right", "to", "die",
         "for", "beating", "heart", "kiss", "death", "bus", "stop", "war", "peace", "threat", ":)", "!", "?", "💘",
         "puppet", "a", ",", "..."]


@settings(max_examples=3000, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=12), st.sampled_from([" ", "", "  "]))
def test_random_sentences_of_trigger_words_are_identical(words, sep):
    stock, fast = PAIR
    text = sep.join(words) if sep else "".join(w + (" " if i % 3 else "") for i, w in enumerate(words))
    assert fast.polarity_scores(text) == stock.polarity_scores(text), text
    assert_same_compound(stock, fast, [text])


PAIR = pairs(None)


def outcome(function, *args):
    """A check's result, or the type of exception it raised."""
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - the same failure is part of the same behaviour
        return type(error)


@pytest.mark.parametrize("words", [
    [], ["good"], ["no", "good"], ["never", "so", "good"], ["without", "doubt", "good"], ["so", "bad", "never"],
    ["never", "this", "x", "good"], ["without", "x", "doubt", "good"], ["the", "bomb"], ["kiss", "of", "death"],
    ["sort", "of", "good"], ["x", "kind", "of", "good"], ["but", "good", "but"], ["Didn't", "NEVER", "So", "bad"],
])
def test_overridden_checks_match_stock_when_called_directly(words):
    """Outside polarity_scores (no lowered list at hand), at every index including negative ones: same values,
    same failures. polarity_scores itself only reaches i >= start_i + 1, but nothing else should differ either."""
    stock, fast = PAIR
    n = len(words)
    for i, start_i in itertools.product(range(-n - 4, n + 4), range(3)):
        args = (0.7, list(words), start_i, i)
        assert outcome(fast._negation_check, *args) == outcome(stock._negation_check, *args), (words, i, start_i)
    for i in range(-n - 4, n + 4):
        args = (1.3, list(words), i)
        assert outcome(fast._special_idioms_check, *args) == outcome(stock._special_idioms_check, *args), (words, i)
    sentiments = [float(k % 3) - 1.0 for k in range(n)]
    assert fast._but_check(list(words), list(sentiments)) == stock._but_check(list(words), list(sentiments))


def test_non_string_input_behaves_as_stock():
    stock, fast = PAIR
    for value in (["g", "o", "o", "d"], ("b", "a", "d")):
        assert fast.polarity_scores(value) == stock.polarity_scores(value)
    for value in (None, 42, b"good"):
        assert outcome(fast.polarity_scores, value) == outcome(stock.polarity_scores, value)


def test_vader_module_is_untouched():
    assert FastSentimentIntensityAnalyzer.polarity_scores is not SentimentIntensityAnalyzer.polarity_scores
    assert SentimentIntensityAnalyzer._negation_check is vaderSentiment.SentimentIntensityAnalyzer._negation_check
    assert "_current" not in vars(SentimentIntensityAnalyzer())  # our state lives on our instances only
    assert isinstance(Scorer().vader, FastSentimentIntensityAnalyzer)


def corpus_sentences(path, fields: tuple[str, ...], limit: int) -> list[str]:
    """Each record's fields as they are, then cleaned and split into the pipeline's sentences (first `limit`)."""
    from tension.ingest.clean import clean_text
    from tension.extract.statements import load_lexicon, split_sentences

    abbreviations = load_lexicon().abbreviations
    texts: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for name in fields:
                raw = record.get(name) or ""
                texts.append(raw[:2000])  # raw text too: HTML, slug lines, paragraph breaks as ", ,"
                texts.extend(s.text for s in split_sentences(clean_text(raw).body, abbreviations))
            if len(texts) >= limit:
                break
    return texts[:limit]


@pytest.mark.parametrize("relative, fields, limit", [
    ("kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl", ("story",), 10_000),  # ~half of it: stock is slow
    ("yonhap_2025_12/baram_english_korea_pairs.jsonl", ("title", "text"), 25_000),
    ("rss_2022/rss_2022_korea_mentions.jsonl", ("title", "description"), 25_000),
])
@pytest.mark.slow  # whole real corpora
def test_real_corpora_are_identical(relative, fields, limit, domain_lexicon):
    """Every sentence with the Scorer's lexicon (skipped when ../shared/data is absent)."""
    texts = corpus_sentences(shared_file(relative), fields, limit)
    assert len(texts) > 100
    stock, fast = pairs(domain_lexicon)
    assert_same(stock, fast, texts)
    assert_same_compound(stock, fast, texts)
