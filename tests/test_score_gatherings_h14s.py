"""Nineteenth round (issue 14, branch h14s): the classes round 18 left, found on gold-free samples of the development
corpora and labelled before their scores were read. Every sentence here is written for the test (no corpus text);
two or more sentences per form and counter-cases."""
import pytest

from conftest import cue_of, scored


# --- 'far from' and 'instead of' reach six words ---

@pytest.mark.parametrize("text, fragment", [
    ("The regime staged war drills instead of responding to the proposal for talks.", "proposal"),
    ("The clique kept up its slanders, far from coming out for dialogue.", "dialogue"),
    ("The authorities rushed into confrontation instead of working for inter-Korean reconciliation.", "reconciliation"),
])
def test_cooperation_four_words_after_far_from_is_not_done(scorer, text, fragment):
    """The refused cooperation often stands four or five words after the marker ('instead of responding to the
    proposal'): out of the first reach of 3, it read as cooperation done."""
    result = scored(scorer, text)
    assert cue_of(result, fragment)["contribution"] > 0
    assert result.hostility > 0.3


def test_far_from_stops_at_the_clause(scorer):
    """Counter-case: the longer reach still ends at a clause break; cooperation told after it is cooperation."""
    result = scored(scorer, "Far from the border, the two sides held talks on the railway.")
    assert result.hostility < 0


# --- domestic gatherings are no meetings between the sides ---

@pytest.mark.parametrize("text", [
    "The students held a meeting in the capital on Tuesday.",
    "At the meeting the chairman of the youth league read out a speech.",
    "Prior to the meeting, the participants toured an exhibition of photographs.",
    "After the meeting the workers marched toward the city hall.",
    "The meeting called upon the farmers to raise the harvest.",
    "Meetings were held in every province of the country on Friday.",
])
def test_a_gathering_is_no_meeting_with_a_foreign_side(scorer, text):
    """A meeting held, referred back to or speaking is a country's own gathering: neither cooperative nor hostile
    (read as talks, each scored about -0.4)."""
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert abs(result.hostility) < 0.1


@pytest.mark.parametrize("text", [
    "Soldiers and workers met on Monday to vow to annihilate the invaders.",
    "The villagers held a meeting at which they vowed revenge on the aggressors.",
])
def test_a_gathering_that_vows_revenge_is_hostile(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.4


@pytest.mark.parametrize("text", [
    "The two foreign ministers met in the border city on Monday.",
    "The leaders of the north and the south will meet next month.",
    "Both sides held a meeting in the border town on Monday.",
])
def test_a_meeting_between_the_sides_stays_cooperative(scorer, text):
    """Counter-case: a meeting that the words around it do not make a gathering is still a meeting."""
    assert scored(scorer, text).hostility < -0.2


# --- a prophecy of ruin about the accused, not a fate told of others ---

@pytest.mark.parametrize("text", [
    "The dictator met a miserable end two decades ago.",
    "Many of the prisoners met tragic ends in the camps.",
])
def test_a_fate_told_in_the_past_is_no_curse(scorer, text):
    """'met a miserable end' tells what happened to someone (a dictator, victims): no curse on the accused, and no
    meeting either (round 18's curse rows took the past 'met' too, about +0.67)."""
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["weight"] != 0 and "met" in c["matched"].lower().split()]
    assert abs(result.hostility) < 0.2


@pytest.mark.parametrize("text", [
    "The plotters are bound to meet a miserable end.",
    "The traitors will meet their ruin before long.",
])
def test_a_prophecy_of_ruin_about_the_accused_stays_a_curse(scorer, text):
    result = scored(scorer, text)
    assert result.hostility > 0.5


# --- a meeting of two targets is theirs ---

@pytest.mark.parametrize("text", [
    "The U.S. and South Korea held a security meeting to cope with the so-called threat from North Korea.",
    "The 40th South Korea-U.S. consultative meeting plotted a scenario against North Korea.",
    "The United States, Japan and South Korea met on the sidelines of the forum.",
])
def test_a_meeting_whose_sides_are_two_targets_is_not_with_the_speaker(scorer, text):
    """Said by Pyongyang toward Seoul and Washington: the meeting's sides named before it are the two targets, so it
    is their cooperation, not Pyongyang's, although the sentence names the North later (the statement-wide rule
    then read it as cooperation with the speaker)."""
    result = scorer.score(text, "asserted", ["KOR", "USA"], "PRK")
    meetings = [c for c in result.cues if c["kind"] == "diplomacy"]
    assert meetings and all(c["contribution"] == 0 for c in meetings)
    assert [m["kind"] for m in meetings[0]["markers"]] == ["third party"]


@pytest.mark.parametrize("text", [
    "The U.S. and South Korea held talks with North Korea in the border village.",
    "We met the American and South Korean envoys in the capital.",
    "North Korea and the U.S. held talks in Singapore.",
])
def test_a_meeting_with_the_speaker_as_a_side_stays_cooperative(scorer, text):
    """Counter-cases: the speaker's country named among the sides (before the cue or as its guest), or a first
    person, makes the meeting the speaker's own."""
    result = scorer.score(text, "asserted", ["KOR", "USA"], "PRK")
    assert any(c["contribution"] < 0 for c in result.cues if c["kind"] == "diplomacy")


@pytest.mark.parametrize("text", [
    "The U.S. and South Korea should come out for dialogue instead of war drills.",
    "The U.S. and South Korea are not interested in dialogue and peace.",
])
def test_dialogue_asked_of_two_targets_is_left_to_the_statement(scorer, text):
    """Counter-case: dialogue and negotiations (CAMEO 046) are what the speaker asks of the two targets, with itself
    as the other side, as often as what they hold: the meeting rule leaves them alone."""
    result = scorer.score(text, "asserted", ["KOR", "USA"], "PRK")
    assert not any(m["marker"] == "a meeting of two targets" for c in result.cues for m in c["markers"])


def test_a_meeting_of_two_targets_needs_two_targets(scorer):
    """Counter-case: with one target, a meeting named between two other states is left to the other rules."""
    result = scorer.score("The U.S. and South Korea held a security meeting.", "asserted", ["KOR"], "PRK")
    assert not any(m["marker"] == "a meeting of two targets" for c in result.cues for m in c["markers"])
