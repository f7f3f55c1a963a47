"""Thirty-ninth round (branch h14am): a lone '*' in a cue pattern is a gap of zero to three words, and the word after
it may be any fitting word within the gap, not only the first. Before this round the matcher took the first fitting
word after a gap and never tried a later one, so a pattern whose gap is followed by a common word failed where its
syntax says it matches (round 38, "What I noticed" item 2). Every sentence here is written for the test."""
import pytest

from conftest import scored
from tension.score.patterns import _Automaton


def _ends(patterns: list[str], text: str) -> list[tuple[int, int, int]]:
    automaton = _Automaton(patterns)
    words = text.split()
    return automaton.find(words, [automaton.candidates(word) for word in words])


@pytest.mark.parametrize("pattern, text, expected", [
    # the word after the gap occurs twice: the first fails the word that must follow it, the second fits
    ("open * door now", "open the door and door now", [(0, 0, 6)]),
    # a gap, a word, a gap: the first 'be' leaves the last word out of reach, the later one reaches it
    ("fire * be * rocket", "fire be it be not yet a rocket", [(0, 0, 8)]),
    # a word that can fit both early and late after the first gap
    ("what * is * missile", "what is it that is a missile", [(0, 0, 7)]),
])
def test_a_gap_tries_every_fitting_position(pattern, text, expected):
    assert _ends([pattern], text) == expected


@pytest.mark.parametrize("pattern, text, expected", [
    ("open * door", "open door door", [(0, 0, 2)]),  # the shortest match: the first door
    ("open * door now", "open a door now door now", [(0, 0, 4)]),
])
def test_the_shortest_match_is_taken(pattern, text, expected):
    assert _ends([pattern], text) == expected


@pytest.mark.parametrize("text", [
    "open a door , the door now",  # a gap does not cross punctuation, even when backtracking
    "open door a b c d door now",  # nor grow beyond three words
    "open the door and",  # the last word never comes
])
def test_backtracking_keeps_the_gap_rules(text):
    assert _ends(["open * door now"], text) == []


def test_hedged_launch_reads_as_a_launch(scorer):
    """Round 38's shape: 'what is believed to be' takes 'is' early; the launch row must still read the missile."""
    hedged = scored(scorer, "The North fired what is believed to be a ballistic missile on Tuesday.")
    plain = scored(scorer, "The North fired what officials believed to be a ballistic missile on Tuesday.")
    assert any(cue["kind"] == "military" and cue["cue"].startswith("launch~") for cue in hedged.cues)
    assert hedged.hostility > 0.8
    assert abs(hedged.hostility - plain.hostility) < 0.02


def test_hedged_launch_with_was_reads_as_a_launch(scorer):
    hedged = scored(scorer, "Seoul said the North launched what was described as a new missile.")
    assert any(cue["kind"] == "military" and cue["cue"].startswith("launch~") for cue in hedged.cues)
