"""Session 21 (branch h14ap): the automaton matches a pattern of one word in find() without calling _match_rest, and
tests an empty tuple of prefixes or suffixes without a str.startswith / str.endswith call. These tests pin what those
short cuts must keep: a one-word pattern matches at the end of a text and before punctuation, loses to a longer
pattern at the same start and to an exact form's rank, and a later word given only as a suffix ('*ing') or only as
exact forms matches as before. Every text here is written for the test."""
import pytest

from tension.score.patterns import _Automaton


def _found(patterns: list[str], text: str) -> list[tuple[int, int, int]]:
    automaton = _Automaton(patterns)
    words = text.split()
    return automaton.find(words, [automaton.candidates(word) for word in words])


@pytest.mark.parametrize("patterns, text, expected", [
    (["warn~"], "they warned", [(0, 1, 2)]),  # the text's last word
    (["warn~"], "warned , then warns .", [(0, 0, 1), (0, 3, 4)]),  # before punctuation, twice
    (["warn~", "warn~ of war"], "they warned of war today", [(1, 1, 4)]),  # the pattern with more words wins
    (["warn~", "warn~ of war"], "they warned of peace", [(0, 1, 2)]),  # the longer one fails: the one word holds
    (["threat*", "threatens"], "he threatens us", [(1, 1, 2)]),  # an exact form beats a prefix of one word
    (["consider~ *ing"], "considered launching it", [(0, 0, 2)]),  # a second word given by a suffix only
    (["consider~ *ing"], "considered it", []),
    (["talk~ with"], "talks with them", [(0, 0, 2)]),  # a second word of exact forms only: no prefix to test
    (["talk~ with"], "talks without them", []),
    (["talk~ with"], "talks", []),  # the second word of a pattern past the end of the text
    # a start whose every candidate needs an exact next word (its gate): ruled out by that word, at the end, and
    # before punctuation; passed by it
    (["the captured soldier~"], "the captured soldiers", [(0, 0, 3)]),
    (["the captured soldier~"], "the soldiers", []),
    (["the captured soldier~"], "saw the", []),
    (["the captured"], "the , captured", []),
    (["in league", "in the mourning"], "in the mourning", [(1, 0, 3)]),
    (["to x", "to shell*"], "to shelling", [(1, 0, 2)]),  # a prefix for the next word: no gate
    (["to x", "to * shell"], "to the shell", [(1, 0, 3)]),  # a gap after the first word: no gate
])
def test_short_cuts_keep_the_matches(patterns, text, expected):
    assert _found(patterns, text) == expected


def _stock_and_fast():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from tension.score.vader import FastSentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer(), FastSentimentIntensityAnalyzer()


@pytest.mark.parametrize("seed", range(40))
def test_but_check_rewrites_the_slots_stock_rewrites(seed):
    """_but_check looks a zero's slot up once instead of with list.index each time: the same list as stock's walk,
    with repeated valences, int and float zeros (0, 0.0, -0.0) and 'but' anywhere, including first and last."""
    import random
    stock, fast = _stock_and_fast()
    rng = random.Random(seed)
    n = rng.randint(1, 40)
    words = [rng.choice(["good", "bad", "the", "but", "x"]) for _ in range(n)]
    words[rng.randrange(n)] = "But" if seed % 2 else "but"
    sentiments = [rng.choice([0, 0, 0, 0.0, -0.0, 1.5, -1.5, 0.7, 2.25, -0.35]) for _ in range(n)]
    expected = stock._but_check(list(words), list(sentiments))
    got = fast._but_check(list(words), list(sentiments))
    assert [(v, type(v), str(v)) for v in got] == [(v, type(v), str(v)) for v in expected]


@pytest.mark.parametrize("text", [
    "The ministry warned Seoul, again.",  # single spaces: offsets from the chunks' lengths
    "  The ministry  warned\tSeoul,\n again.  ",  # runs of whitespace, leading and trailing: offsets found
    "didn't they'll May 5 anti-U.S. drills",
    "one",
])
def test_spans_of_the_chunk_memo_are_tokenize_spans(text):
    """Tokens.span keeps the chunks' lengths (and a step of one space) instead of a list of their offsets: every
    token's span is still tokenize()'s, in texts of single spaces and of any whitespace."""
    from tension.score.scorer import Scorer
    from tension.score.tokens import tokenize
    tokens = Scorer().tokenizer.tokens(text)
    words, spans = tokenize(text)
    assert tokens.words == words
    assert [tokens.span(i) for i in range(len(words))] == spans
