"""Forty-third round (issue 14): what a tester met with `--targets`.

(b) A cue followed by a list of states ("condemned Japan, the US and South Korea") was read as directed at the first
state of the list only (direction.directed_at), so toward the third state of the list it counted 0; each state of the
list is the cue's object (tension/score/listed.py). A list is names joined by commas and 'and' (an optional 'the'
before a name), ending where a list can end (punctuation, a preposition, a possessive): a name that opens the next
clause ("condemned Japan and Seoul said nothing") is not one of the list.

(a) A cue that names no country at all ("denounced the provocations") counts toward the targets given: the README and
`tension score --help` say "a cue aimed at another country counts 0", which is about a country named as the cue's
object; the pin below says what the code does, and the README now says it too.

Every sentence here is written for the test (no corpus text); the tester's two sentences are quoted from the brief.
"""
import pytest

from tension.score.scorer import Scorer


def _cue(result, word: str) -> dict:
    return next(c for c in result.cues if c["matched"].lower().startswith(word))


@pytest.mark.parametrize("text, targets, word", [
    # the tester's shape: the target is the last state of the list
    ("North Korea condemned Japan, the US and South Korea over their drills.", ["KOR"], "condemned"),
    ("Pyongyang denounced Tokyo and Seoul for the joint naval exercise.", ["KOR"], "denounced"),
    ("The spokesman slammed Japan, the United States, and South Korea for the sanctions.", ["KOR"], "slammed"),
    # a cooperative cue with a preposition: cooperation with two states, the target the second
    ("The minister pledged cooperation with Japan and South Korea on the missile threat.", ["KOR"], "cooperation"),
])
def test_each_state_of_a_list_is_the_cues_object(scorer: Scorer, text: str, targets: list[str], word: str) -> None:
    result = scorer.score(text, "asserted", targets, "PRK")
    cue = _cue(result, word)
    assert cue["contribution"] != 0
    assert not any(m["kind"] == "direction" for m in cue["markers"])


@pytest.mark.parametrize("text, targets, word", [
    # no state of the list is a target: an act between others, as before
    ("North Korea condemned China and Russia over the vote.", ["KOR"], "condemned"),
    ("North Korea condemned Japan, the US and Australia over their drills.", ["KOR"], "condemned"),
    # the speaker's own country in the list is no target: the US's cooperation with Japan and the South is no
    # cooperation of the South with the North (the statement's target)
    ("The US plans more cooperation with Japan and South Korea on the missiles of the North.", ["PRK"], "cooperation"),
    # a single state, no list
    ("North Korea condemned Japan over its textbooks.", ["KOR"], "condemned"),
    # the name after 'and' opens the next clause with its own verb: not one of the list
    ("North Korea condemned Japan and Seoul said nothing about it.", ["KOR"], "condemned"),
])
def test_a_list_without_a_target_or_no_list_is_as_before(scorer: Scorer, text: str, targets: list[str],
                                                         word: str) -> None:
    speaker = "KOR" if targets == ["PRK"] else "PRK"
    cue = _cue(scorer.score(text, "asserted", targets, speaker), word)
    assert cue["contribution"] == 0
    assert any(m["kind"] == "direction" for m in cue["markers"])


def test_the_testers_list_sentence_scores_toward_the_south(scorer: Scorer) -> None:
    alone = scorer.score("North Korea condemned Japan, the US and South Korea over their drills.")
    toward = scorer.score("North Korea condemned Japan, the US and South Korea over their drills.", "asserted",
                          ["KOR"], "PRK")
    assert toward.hostility == alone.hostility  # every cue counts toward the South, as with no targets


def test_a_cue_that_names_no_country_counts_toward_the_targets(scorer: Scorer) -> None:
    """(a): the README's promise is about a country named as the cue's object; a cue with no named object counts."""
    toward = scorer.score("North Korea denounced the provocations.", "asserted", ["USA"], "PRK")
    assert toward.hostility == scorer.score("North Korea denounced the provocations.").hostility > 0.3
    elsewhere = scorer.score("North Korea denounced Japan for the provocations.", "asserted", ["USA"], "PRK")
    assert _cue(elsewhere, "denounced")["contribution"] == 0
