"""The extractor's fast scans (tension.extract.scan) find exactly what the plain regexes find, on generated text.

Each stand-in is checked against the pattern it replaces, match for match, on text built from the pattern's own
words (in every case, glued and split by the characters that decide word boundaries) and on arbitrary text.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import blingfire
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tension.config import load_reference_words, read_tsv
from tension.extract import acts, attribution, subjects
from tension.extract import mentions, modality
from tension.extract import statements as extract
from tension.extract.modality import modality_words
from tension.extract.scan import (NEVER, NEVER_MATCHES, Anchored, lowercase_view, phrase_alternatives,
                                  word_alternatives)
from tension.extract.word_index import WordIndex, word_set
from tension.extract.sentences import _blingfire_sentences

CHECK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Characters that decide word boundaries, quotes, white space and the letters that fold like ASCII under re.I.
SEPARATORS = [" ", "  ", ",", ".", "-", "'", "’", "\n", "\t", '"', "“", "”", "(", "_", "1", "é",
              "İ", "ı", "ſ", "K"]

CUES = {
    # the statement-modality words are data now (tension/data/cues_modifiers.tsv, compiled by extract/modality.py)
    "negated": modality_words().negation, "hedge": modality_words().hedge, "condition": modality_words().condition,
    "threat": modality_words().threat, "reporting": modality._REPORTING, "would": modality._WOULD,
    "future": modality_words().future, "emphasis": modality_words().emphasis_finder, "anaphor": extract.anaphor_pattern(list(load_reference_words()["anaphor"])),
    "according": attribution.ACCORDING,
    "passive agent": acts.PASSIVE_AGENT, "that": subjects._THAT,
    "backref": mentions.backref_pattern(load_reference_words()["definite"]), "side": mentions._SIDE,
    "two": mentions._TWO,
}


def spans(matches) -> list[tuple[tuple[int, int], str, dict]]:
    return [(m.span(), m.group(0), m.groupdict()) for m in matches]


def wordy_text(words: list[str]) -> st.SearchStrategy[str]:
    """Text made of `words` (in any case) and separators, so that each alternative of a pattern turns up."""
    word = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, w.lower(), w.upper(), w.capitalize(), w + "s", w[:-1]]))
    return st.lists(st.one_of(word, st.sampled_from(SEPARATORS)), max_size=40).map("".join)


def pattern_words(cue: Anchored) -> list[str]:
    """The literal words of a pattern, its anchors and the words around them in its matches."""
    source = re.sub(r"\\[a-zA-Z]", " ", cue.pattern.pattern)
    literals = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", source)
    return sorted({*literals, *(anchor for anchor, _ in cue._anchors), "the", "by", "Seoul"})


@pytest.mark.parametrize("name", CUES)
def test_anchored_search_and_finditer_match_the_pattern(name):
    cue = CUES[name]

    @CHECK
    @given(st.one_of(wordy_text(pattern_words(cue)), st.text(max_size=60)), st.integers(0, 5), st.integers(0, 5))
    def check(text, cut_start, cut_end):
        view = cue.view(text)
        pos, endpos = min(cut_start, len(text)), max(len(text) - cut_end, 0)
        assert spans([cue.search(text, view)] if cue.search(text, view) else []) == spans(
            [cue.pattern.search(text)] if cue.pattern.search(text) else [])
        found = cue.search(text, view, pos, endpos)
        expected = cue.pattern.search(text, pos, endpos)
        assert (found and found.span()) == (expected and expected.span())
        assert cue.found_in(text, view) == bool(cue.pattern.search(text))
        assert spans(cue.finditer(text, view)) == spans(cue.pattern.finditer(text))
        assert spans(cue.finditer(text, view, pos, endpos)) == spans(cue.pattern.finditer(text, pos, endpos))

    check()


BACKREF_WORDS = ["she", "he", "it", "they", "the", "The", "foreign", "state", "North", "South", "nuclear-armed", "two",
                 "countries", "said", "Kim", "x", *load_reference_words()["definite"]]


@CHECK
@given(st.one_of(wordy_text(BACKREF_WORDS), st.text(max_size=60)))
def test_back_references_found_from_words_are_the_patterns(text):
    nouns = load_reference_words()["definite"]
    backref = CUES["backref"]
    backrefs, sides, two = mentions._backref_starts(text, WordIndex(text), nouns)
    assert spans(backref.finditer(text, text, anchors=(), starts=backrefs)) == spans(backref.pattern.finditer(text))
    assert spans(mentions._SIDE.finditer(text, text, anchors=(), starts=sides)) == spans(
        mentions._SIDE.pattern.finditer(text))
    assert spans(mentions._TWO.finditer(text, text, anchors=(), starts=two)) == spans(
        mentions._TWO.pattern.finditer(text))


def test_actor_finder_matches_the_alias_pattern(ctx):
    finder = ctx.actors.finder
    aliases = sorted(ctx.actors.by_alias)[::7] + ["Kim", "Kim Jong Un", "U.S.", "south Korea", "the puppet regime"]

    @CHECK
    @given(wordy_text(aliases + ["said", "met", "'s"]))
    def check(text):
        possible = finder.possible(word_set(text))
        assert spans(finder.finditer(text, possible)) == spans(ctx.actors.pattern.finditer(text))

    check()


def test_speech_finder_matches_the_reporting_verb_pattern(ctx):
    finder = ctx.lexicon.speech_finder
    words = sorted(ctx.lexicon.speech_verbs) + ["issued", "released", "a", "joint", "statement", "report", "Seoul"]

    @CHECK
    @given(wordy_text(words), st.integers(0, 5), st.integers(0, 5))
    def check(text, cut_start, cut_end):
        possible = finder.possible(word_set(text))
        pos, endpos = min(cut_start, len(text)), max(len(text) - cut_end, 0)
        assert spans(finder.finditer(text, possible, pos, endpos)) == spans(
            ctx.lexicon.speech_pattern.finditer(text, pos, endpos))

    check()


@CHECK
@given(st.one_of(st.text(), st.text(alphabet="ab _-'.\n\té1")))
def test_word_set_is_the_regex_words(text):
    assert word_set(text) == set(re.findall(r"\w+", text)) == WordIndex(text)
    index = WordIndex(text)
    for word in list(index)[:5]:
        assert index.starts(word) == [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)]


@CHECK
@given(st.one_of(st.text(), st.text(alphabet="ab _-'.\n\té1\u3000")),
       st.sets(st.sampled_from(["a", "b", "ab", "é1", "_"])))
def test_word_index_over_a_vocabulary_holds_the_texts_words_among_it(text, vocabulary):
    index = WordIndex(text, frozenset(vocabulary))
    assert index == set(re.findall(r"\w+", text)) & vocabulary
    for word in ["a", "b", "ab", "ba"]:  # also a word outside the vocabulary
        assert index.starts(word) == [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)]


@pytest.mark.parametrize("text", ["İstanbul", "ſtatement", "\u212aim", "SAID"])
def test_lowercase_view_refuses_what_lowercasing_would_misalign(text):
    view = lowercase_view(text)
    assert view is None or (len(view) == len(text) and view == text.lower())
    if text != "SAID":
        assert view is None


@CHECK
@given(st.one_of(st.text(), st.lists(st.sampled_from(["The ministry said.", " ", "\n", "Jan. 30", "“Go.”", "U.S."]),
                                      max_size=30).map("".join)))
def test_blingfire_call_matches_blingfires_own_wrapper(text):
    assert _blingfire_sentences(text) == blingfire.text_to_sentences(text)


MODALITY_WORDS = sorted({w for cue in ("negated", "hedge", "condition", "threat", "reporting", "would", "future",
                                       "emphasis") for w in pattern_words(CUES[cue])} | {"didn't", "refused", "warns"})



def few_words(words: list[str]) -> st.SearchStrategy[str]:
    """A short text with one or two of `words` (in any case, mostly split from their neighbours) among others."""
    word = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, w.lower(), w.upper(), w.capitalize(), w + "s", w[:-1]]))
    filler = st.sampled_from(["the", "Seoul", "talks", "x", "said", "army"])
    separator = st.sampled_from([*SEPARATORS, " ", " ", ""])
    return st.lists(st.tuples(st.one_of(word, filler, filler), separator), max_size=5).map(
        lambda parts: "".join(w + s for w, s in parts))


# The words of the statement rows and "would" (each row's words are what the pre-check looks up).
STATEMENT_WORDS = sorted({w for cue in ("negated", "hedge", "condition", "threat", "would", "future")
                          for w in pattern_words(CUES[cue])} - {"the", "by", "Seoul"})


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(few_words(STATEMENT_WORDS), wordy_text(MODALITY_WORDS), st.text(max_size=60)), st.booleans(),
       st.booleans())
def test_modality_pre_check_changes_no_modality(text, reported, directive):
    """The words looked up before the scans (`_key_words`) only skip scans that would find nothing."""
    _same_modality(text, reported, directive)


def test_modality_pre_check_finds_every_row_of_the_lexicon():
    """Each statement row's every choice (a stem with an ending), alone among other words, as the scans find it."""
    rows = [r["marker"] for r in read_tsv(modality.MODALITY_FILE) if r["kind"].startswith("statement_")]
    texts = []
    for row in [*rows, "would"]:
        slots = [word.split("|") for word in row.split()]
        for i, slot in enumerate(slots):
            for choice in slot:
                words = [choice if j == i else other[0] for j, other in enumerate(slots)]
                phrase = " ".join(w[:-1] + "ed" if w.endswith("*") else w for w in words)
                texts += [phrase, f"the army {phrase} Seoul", f"({phrase.upper()}).", f"x{phrase}", f"{phrase}s"]
    assert len(texts) > 200
    for text in texts:
        _same_modality(text, False, False)


def _same_modality(text: str, reported: bool, directive: bool) -> None:
    words = modality_words()
    assert words.key is not None
    full = dataclasses.replace(words, key=None, key_literals=(), emphasis_finder=None)
    quick = modality.modality(text, reported, directive)
    try:
        modality.modality_words = lambda: full
        assert quick == modality.modality(text, reported, directive)
    finally:
        modality.modality_words = modality_words


@given(st.text(alphabet="xX ab.\n", max_size=40))
@CHECK
def test_the_never_matching_pattern_matches_nothing(text):
    assert NEVER_MATCHES.search(text) is None
    assert re.search(r"\b(?:" + word_alternatives([]) + r")\b", text, re.I) is None
    assert re.search(phrase_alternatives([]), text) is None


def test_word_alternatives_escapes_each_word_in_order_and_falls_back_to_never():
    assert word_alternatives([]) == phrase_alternatives([]) == NEVER
    assert word_alternatives(iter(())) == NEVER
    assert word_alternatives(["a.b", "c d", "e"]) == r"a\.b|c\ d|e"
    pattern = re.compile(r"\b(?:" + word_alternatives(["a.b", "c d"]) + r")\b")
    assert [m.group() for m in pattern.finditer("a.b axb c d c  d")] == ["a.b", "c d"]


def test_the_never_matching_idiom_has_one_home():
    """Sessions 16-17: `(?!x)x` was written out by hand in 32 places; it lives in tension.extract.scan alone."""
    import tension
    idiom = "(?!" + "x)x"
    written = sorted(str(path.relative_to(Path(tension.__file__).parent))
                     for path in Path(tension.__file__).parent.rglob("*.py") if idiom in path.read_text("utf-8"))
    assert written == ["extract/scan.py"]
