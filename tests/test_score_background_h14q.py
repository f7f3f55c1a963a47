"""Seventeenth round (issue 14, branch h14q): classes found on gold-free targeted samples of the development corpora
(launch forms, vigilance, visits), labelled before their scores were read. Every sentence here is written for the test
(no corpus text); two or more sentences per form and counter-cases."""
import pytest

from conftest import cue_of, scored


@pytest.mark.parametrize("text, fragment", [
    ("Pyongyang fired two short-range missiles ahead of the envoy's visit to Seoul.", "visit"),
    ("The North launched a cruise missile just ahead of the summit in Singapore.", "summit"),
    ("Seoul and Tokyo warned against the arms deal ahead of the president's visit.", "visit"),
])
def test_ahead_of_a_visit_is_background(scorer, text, fragment):
    """'ahead of' opens a background phrase, as 'after' and 'amid' do: the visit or meeting says when the hostile act
    came, it is not the statement's cooperation (read as cooperation, it pulled a launch headline to about 0.4)."""
    result = scored(scorer, text)
    cue = cue_of(result, fragment)
    assert cue["contribution"] == 0.0
    assert any(m["kind"] == "background" for m in cue["markers"])


def test_a_launch_ahead_of_a_visit_scores_as_a_launch(scorer):
    result = scored(scorer, "Pyongyang fired two short-range missiles ahead of the envoy's visit to Seoul.")
    assert result.hostility > 0.6


@pytest.mark.parametrize("text", [
    "The two leaders met in Hanoi ahead of the summit and agreed to expand trade.",  # no hostile cue: all cooperation
    "Officials said the delegation will go ahead with the visit next week.",  # 'go ahead with' opens no background
])
def test_ahead_of_in_a_cooperative_statement_keeps_the_cooperation(scorer, text):
    result = scored(scorer, text)
    assert result.hostility < 0
    assert not [c for c in result.cues if any(m["kind"] == "background" for m in c["markers"])]


@pytest.mark.parametrize("text", [
    "Officials are watching closely as this is the envoy's first visit north, the ministry said.",
    "The defence ministry is monitoring closely how the delegation's visit to Moscow unfolds.",
    "The JCS is closely monitoring the talks between Beijing and Pyongyang.",
])
def test_what_is_watched_closely_is_vigilance_not_cooperation(scorer, text):
    """The guideline's vigilance ('closely monitoring') is +1; the visit or talks watched are not the watcher's."""
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.1


def test_a_watched_launch_keeps_its_weight(scorer):
    """The marker's hostile factor is 1: a launch after 'closely watching' is not halved (it keeps the cap, as a
    watched act is not the watcher's)."""
    result = scored(scorer, "Seoul is closely watching the missiles launched from the west coast.")
    assert cue_of(result, "missiles launched")["factor"] == 1.0


def test_close_cooperation_is_not_vigilance(scorer):
    result = scored(scorer, "Seoul will closely cooperate with Washington on the plan.")
    assert result.hostility < 0


@pytest.mark.parametrize("text, fragment", [
    ("Radar crews said they detected three missiles launched from an inland base.", "missiles launched"),
    ("Two ballistic missiles were fired toward the sea on Sunday morning.", "ballistic missiles were fired"),
    ("A cruise missile had been test-fired over the western waters, officials said.", "missile had been test-fired"),
    ("The navy detected two launches over the sea late on Friday.", "detected two launches"),
])
def test_passive_and_detected_launches_are_launches(scorer, text, fragment):
    result = scored(scorer, text)
    cue = cue_of(result, fragment)
    assert cue["kind"] == "military"
    assert result.hostility > 0.6  # was the topic word 'missile' (0.35) or nothing at all


@pytest.mark.parametrize("text", [
    "Missiles launched from submarines are hard to detect, the analyst wrote.",
])
def test_a_general_remark_on_launched_missiles_reads_as_one(scorer, text):
    """A known cost of the passive rows (past participles only, as the fourteenth round's 'flew|landed'): a general
    remark on launched missiles reads as a launch. Kept as a record, not as a wish."""
    assert cue_of(scored(scorer, text), "missiles launched")["kind"] == "military"
