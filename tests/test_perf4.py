"""The fourth speed round's shortcuts (docs/performance.md, "fourth round") find exactly what the plain patterns find.

Each shortcut skips a pattern, or tries it at fewer places, from words derived from the pattern or its data file.
Checked on generated text built from those words (in every case, glued and split by the characters that decide word
boundaries), on sentences written here, and on real sentences of ../shared/data (skipped, with the reason, where
that folder is absent).
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tension.config import DATA_DIR, load_reference_words, read_tsv
from tension.extract import context, groups, targets
from tension.extract.kinds import load_kinds, word_pattern
from tension.extract.scan import WordPattern

from conftest import shared_file

CHECK = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEPARATORS = [" ", "  ", ",", ".", "-", "'", "’", "\n", '"', "“", "(", "_", "1", "é", "İ", "ı", "ſ", "K"]
WRITTEN = [
    "The puppet warmongers staged a provocation near the border, the statement said.",
    "KCNA condemned the traitors' reckless moves and warned of a catastrophe.",
    "South Korea's unification ministry said on Monday it would review the sanctions.",
    "Puppets, sycophants and TRAITORS alike were denounced in a commentary of Rodong Sinmun.",
    "The ministry expressed regret over the launch, calling it a clear violation of resolutions.",
    "It said nothing that evaluates: the delegation arrived in Pyongyang by air on Tuesday morning.",
]


def _kcna_sentences(limit: int = 4000) -> list[str]:
    """Real sentences: KCNA stories split at full stops (read at test time, never copied into the repository)."""
    path = shared_file("kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl")
    out: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line).get("story") or ""
            out += [s.strip() + "." for s in story.replace(", ,", ".").split(". ") if s.strip()]
            if len(out) >= limit:
                break
    return out


def _data_words(name: str) -> list[str]:
    return [r["word"] for r in read_tsv(DATA_DIR / name)]


PATTERNS = {
    "house": word_pattern(_data_words("house_vocabulary.tsv")),
    "evaluative": word_pattern(_data_words("evaluative_words.tsv")),
    "loaded": word_pattern(list(load_reference_words().get("loaded", ()))),
    "none": word_pattern([]),
    "odd": word_pattern(["'s", "u.s.-led", "war*", "Kim"]),  # a word opening with no word character, a dotted one
    "sport": context._sport_phrases()[1],  # phrases of several words ("world cup"), from their first words
    "both koreas": targets._both_koreas(),  # "inter-Korean", "the two Koreas"
}


def _same(found: re.Match | None, expected: re.Match | None) -> bool:
    return (found and (found.span(), found.group(0))) == (expected and (expected.span(), expected.group(0)))


def _check_word_pattern(wp: WordPattern, text: str, pos: int, endpos: int) -> None:
    plain = wp._pattern
    assert _same(wp.search(text), plain.search(text)), text
    assert _same(wp.search(text, pos), plain.search(text, pos)), (text, pos)
    assert _same(wp.search(text, pos, endpos), plain.search(text, pos, endpos)), (text, pos, endpos)


@pytest.mark.parametrize("name", PATTERNS)
def test_word_pattern_search_is_the_patterns_on_generated_text(name):
    wp = PATTERNS[name]
    words = [*wp._words, "said", "the", "Seoul", "x"] or ["x"]
    word = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, w.lower(), w.upper(), w.capitalize(), w + "s", w + "ed", w[:-1], "x" + w]))
    # long enough that the anchored search runs (short texts are searched plainly)
    text = st.lists(st.one_of(word, st.sampled_from(SEPARATORS)), min_size=10, max_size=60).map("".join)

    @CHECK
    @given(st.one_of(text, st.text(min_size=40, max_size=120)), st.integers(0, 60), st.integers(0, 60))
    def check(text, cut_start, cut_end):
        _check_word_pattern(wp, text, min(cut_start, len(text)), max(len(text) - cut_end, 0))

    check()


@pytest.mark.parametrize("name", PATTERNS)
def test_word_pattern_search_is_the_patterns_on_written_sentences(name):
    wp = PATTERNS[name]
    for text in WRITTEN:
        for pos in (0, 5, 30):
            _check_word_pattern(wp, text, pos, len(text) - pos)


def test_word_pattern_search_is_the_patterns_on_real_sentences():
    sentences = _kcna_sentences()
    kinds = load_kinds()
    found = 0
    for wp in (kinds.house, kinds.evaluative, kinds.loaded, PATTERNS["sport"], PATTERNS["both koreas"]):
        for text in sentences:
            _check_word_pattern(wp, text, len(text) // 4, len(text) - 3)
            found += wp._pattern.search(text) is not None
    assert found > 100  # (the real text does contain the words: the check is not vacuous)


def test_word_pattern_keeps_the_patterns_attributes_and_pickles():
    import pickle

    wp = load_kinds().evaluative
    assert wp.pattern == wp._pattern.pattern and wp.flags & re.IGNORECASE
    again = pickle.loads(pickle.dumps(wp))
    assert _same(again.search(WRITTEN[1] * 2), wp._pattern.search(WRITTEN[1] * 2))


def test_sport_phrases_are_found_in_written_sentences():
    phrases = PATTERNS["sport"]
    assert phrases.search("South Korea beat Portugal in the World  Cup on Friday evening, the agency reported.")
    assert phrases.search("The team lost in stoppage-time of the match against Japan, it said on Tuesday.")
    assert not phrases.search("The world cupboard was full of documents the ministry released on Monday.")


NAME_HEAD_WORDS = ["The", "the", "Solidarity", "for", "Democracy", "of", "and", "a", "civic", "group", "in", "at",
                   "researcher", "said", "Korea", "U.S.", "People's", "x"]


def _check_name_head(text: str, begin: int, end: int) -> None:
    found, expected = groups._name_head(text, begin, end), groups._NAME_HEAD.search(text, begin, end)
    assert _same(found, expected), (text, begin, end)


@CHECK
@given(st.lists(st.one_of(st.sampled_from(NAME_HEAD_WORDS), st.sampled_from([" ", " ", ", ", "  ", "-", "\n", "'"])),
                max_size=40).map("".join), st.integers(0, 30), st.integers(0, 30))
def test_name_head_tried_at_word_starts_is_the_patterns_search(text, cut_start, cut_end):
    _check_name_head(text, min(cut_start, len(text)), max(len(text) - cut_end, 0))
    _check_name_head(text, 0, len(text))


def test_name_head_on_written_and_real_sentences():
    for text in WRITTEN:
        for begin in range(0, 40, 3):
            _check_name_head(text, begin, len(text) - 10)
    for text in _kcna_sentences(2000):
        for begin in (0, len(text) // 3):
            _check_name_head(text, begin, len(text) // 2 + 5)


TOPIC_WORDS = [*{p.split()[-1] for p in load_reference_words().get("topic_verb", ())}, "North", "Korea", "the", "x"]


@CHECK
@given(st.one_of(st.lists(st.one_of(st.sampled_from(TOPIC_WORDS).flatmap(
    lambda w: st.sampled_from([w, w.upper(), w.capitalize(), w + "s", "x" + w])), st.sampled_from(SEPARATORS)),
    max_size=30).map("".join), st.text(max_size=60)))
def test_topic_verb_words_found_as_the_pattern_finds_them(text):
    words = targets._topic_verb_words()
    assert words.found_in(text, text) == (words.pattern.search(text) is not None), text


def test_topic_verb_words_on_written_and_real_sentences():
    words = targets._topic_verb_words()
    texts = [*WRITTEN, "North Korea is expected to top the agenda of the summit.", "The issue will come up, he said."]
    found = 0
    for text in [*texts, *_kcna_sentences(3000)]:
        assert words.found_in(text, text) == (words.pattern.search(text) is not None), text
        found += words.pattern.search(text) is not None
    assert found > 50


def _few_anchor_patterns():
    """Every Anchored of the extractor with few enough anchors that `search` looks them up first (scan._FEW_ANCHORS)."""
    from tension.extract import attribution, modality, scan, subjects

    found = {"according": attribution.ACCORDING, "that": subjects._THAT, "would": modality._WOULD}
    assert all(len(p._anchors) <= scan._FEW_ANCHORS for p in found.values())
    return found


FEW_WRITTEN = [*WRITTEN, "According to KCNA, the delegation left.", "The talks, according to the ministry, failed.",
               "He said that the army would not retreat.", "It WOULD be a provocation, according to Seoul.",
               "xaccording to nothing; whatthat; wouldn't", "Accordingly, the that-clause would."]


@pytest.mark.parametrize("name", ["according", "that", "would"])
def test_few_anchor_search_is_the_patterns_on_written_and_real_sentences(name):
    pattern = _few_anchor_patterns()[name]
    texts = [*FEW_WRITTEN, *_kcna_sentences(3000)]
    found = 0
    for text in texts:
        view = pattern.view(text)
        for pos, endpos in ((0, len(text)), (len(text) // 3, len(text)), (3, len(text) - 5), (10, 40)):
            got, expected = pattern.search(text, view, pos, endpos), pattern.pattern.search(text, pos, endpos)
            assert _same(got, expected), (text, pos, endpos)
        found += pattern.pattern.search(text) is not None
    assert found > 20  # (the texts do have matches: the check is not vacuous)


def _plain_key(words) -> re.Pattern:
    """The modality key pattern as an alternation of the key words, longest first (before the tries)."""
    longest = lambda ws: sorted(ws, key=lambda w: (-len(w), w))  # noqa: E731
    stems, exact = [s for s, _ in words.key_stems], list(words.key_exact)
    return re.compile(" (?=" + "|".join([*map(re.escape, longest(stems)),
                                         "(?:" + "|".join(map(re.escape, longest(exact))) + ")(?!\\w)"]) + ")(\\w+)")


def _spaced_lower(text: str) -> str:
    return " " + re.sub(r"\W", " ", text.lower(), flags=re.ASCII)


def test_modality_key_trie_finds_what_the_alternation_finds():
    from tension.extract.modality import modality_words

    words = modality_words()
    plain = _plain_key(words)
    keys = [*list(words.key_exact), *(s for s, _ in words.key_stems)]
    texts = [*WRITTEN, " ".join(keys), " ".join(k + "x" for k in keys), " ".join(k[:-1] for k in keys),
             *_kcna_sentences(3000)]
    found = 0
    for text in texts:
        spaced = _spaced_lower(text)
        assert words.key.findall(spaced) == plain.findall(spaced), text
        found += bool(plain.findall(spaced))
    assert found > 100


@CHECK
@given(st.lists(st.sampled_from(["will", "would", "wills", "plan", "plans", "planning", "planx", "warn", "warned",
                                 "rul", "ruling", "not", "notx", "x", "the"]), max_size=20).map(" ".join))
def test_modality_key_trie_on_generated_words(text):
    from tension.extract.modality import modality_words

    words = modality_words()
    spaced = _spaced_lower(text)
    assert words.key.findall(spaced) == _plain_key(words).findall(spaced)
