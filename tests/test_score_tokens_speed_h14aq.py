"""Session 22 (branch h14aq): a new whitespace chunk that is one ASCII run of letters and digits, perhaps opened by
brackets and closed by punctuation ("(kcna)", "war.", "dprk,"), gets its tokens and VADER's word without the token
regex and without words_of; `tension score --file` encodes its JSON lines with one encoder. These tests pin what the
short cuts must keep: the chunk's record is the one the regex path makes, field by field and type by type, for chunks
written here and for random ones; and a JSON line is json.dumps's. Every text here is written for the test."""
import json
import random

import pytest

from tension.cli_adhoc import _JSON_LINE
from tension.score.scorer import Scorer
from tension.score.tokens import TYPOGRAPHY, Tokenizer, _simple_chunk, _split_tokens, tokenize
from tension.score.vader import words_of


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer()


def _regex_record(tokenizer: Tokenizer, chunk: str) -> tuple:
    """The record as main 5e8c510 built every chunk: the token regex and VADER's words_of."""
    words, spans = _split_tokens(chunk.lower())
    vader_words = words_of([chunk] if chunk.isascii() else chunk.translate(TYPOGRAPHY).split())
    vader, lowered = ((vader_words[0], vader_words[0].lower()) if len(vader_words) == 1 else
                      (tuple(vader_words), tuple(w.lower() for w in vader_words)))
    return (tuple(words), tuple(spans), vader, lowered,
            *[tuple(map(automaton.candidates, words)) for automaton in tokenizer.automata])


def _same(record: tuple, expected: tuple) -> None:
    assert record == expected
    assert [type(part) for part in record] == [type(part) for part in expected]
    assert [[type(x) for x in part] for part in record if isinstance(part, tuple)] == \
        [[type(x) for x in part] for part in expected if isinstance(part, tuple)]


WRITTEN = [
    "threatened", "Threatened", "DPRK", "ok", "No", "a", "5", "2012", "1st",  # one run: the chunk is VADER's word
    "war.", "war.)", "(war", "(war)", "[war]", "((war", "war!?", "war;", "war:", "Seoul,",  # brackets and marks
    "(ok)", "ok.", "(a.", "a.", "5.", "(2012).",  # a run of 2 characters or fewer: VADER keeps the marks
    "u.s.", "U.S.,", "e.g.", "2,000", "2,000.", "anti-DPRK", "pro-U.S.", "Korea-U.S.", "didn't", "they'll",
    "Koreas'", "'war'", "\"war\"", "war--", "--", "-", "*", ".", "...", "(", ")", "war_room", "war(s)", "(war]",
    "“war”", "war—peace", "—", "anti‑DPRK", "café.", "(café)", "Ü.", "naïve,",  # not ASCII: the regex path
]


@pytest.mark.parametrize("chunk", WRITTEN)
def test_a_record_is_the_regex_paths(scorer, chunk):
    tokenizer = Tokenizer(scorer.tokenizer.automata)
    _same(tokenizer._record(chunk), _regex_record(tokenizer, chunk))


def test_random_chunks_make_the_regex_paths_records(scorer):
    rng = random.Random(22)
    alphabet = "aZq09([.,;:!?)]'\"-_*/&’—é"
    tokenizer = Tokenizer(scorer.tokenizer.automata)
    chunks = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7))) for _ in range(3000)}
    # and words of the lexicons between random marks, so that candidates are found too
    chunks |= {rng.choice(["([", "(", "", ""]) + word + rng.choice([".", ",", ").", "", "!?"])
               for word in ("threatened", "talks", "the", "warmongers", "not", "will", "a", "ok") for _ in range(5)}
    for chunk in sorted(chunks):
        _same(tokenizer._record(chunk), _regex_record(tokenizer, chunk))


@pytest.mark.parametrize("chunk, expected", [
    ("war", ("war",)), ("(war).", ("(", "war", ")", ".")), ("[5]", ("[", "5", "]")),
    ("war's", None), ("a-b", None), ("2,000", None), ("u.s.", None), ("war(", None), (")war", None), ("", None),
])
def test_which_chunks_take_the_short_cut(chunk, expected):
    simple = _simple_chunk(chunk)
    assert (simple[0] if simple else None) == expected
    if simple:
        assert list(simple[0]) == _split_tokens(chunk)[0] and list(simple[1]) == _split_tokens(chunk)[1]


def test_texts_tokenize_as_before(scorer):
    text = "(KCNA) The warmongers threatened Seoul, [again] on May 5. They'll talk (maybe)... anti-U.S. rally!"
    tokens = Tokenizer(scorer.tokenizer.automata).tokens(text)
    words, spans = tokenize(text)
    assert tokens.words == words
    assert [tokens.span(i) for i in range(len(words))] == spans


@pytest.mark.parametrize("obj", [
    {"line": 3, "content": "Pyongyang — “war” café", "targets": None, "hostility": -0.0, "explanation": {
        "cues": [{"cue": "warn~", "weight": 0.35, "markers": [], "factor": 1.0, "negated": False}],
        "raw_hostility": 1e-05, "formula": "a\tb\n"}},
    {"line": 1, "content": "", "targets": ["KOR", "PRK"], "hostility": 0.1234, "explanation": {"cues": []}},
])
def test_a_json_line_is_json_dumps(obj):
    assert _JSON_LINE(obj) == json.dumps(obj, ensure_ascii=False)
