"""Eighteenth round (issue 14, branch h14r): classes found on gold-free samples of the development corpora (visits and
meetings, condemnations, KCNA and Yonhap at random), labelled before their scores were read. Every sentence here is
written for the test (no corpus text); two or more sentences per form and counter-cases."""
import pytest

from conftest import cue_of, scored


@pytest.mark.parametrize("text, fragment", [
    ("The group has learned nothing, far from expressing condolences over the loss.", "condolences"),
    ("Far from apologizing for the crimes, the authorities slandered their neighbours again.", "apologizing"),
    ("The regime kept insulting the North instead of apologizing to the nation.", "apologizing"),
    ("They held war drills instead of cooperating with the other side.", "cooperating"),
])
def test_cooperation_a_side_is_far_from_is_not_done(scorer, text, fragment):
    """'far from' and 'instead of' say the cooperation did not happen: a mild refusal, as 'failed to', not the apology
    or the condolences (read as done, a reproach scored about 0)."""
    result = scored(scorer, text)
    cue = cue_of(result, fragment)
    assert cue["contribution"] > 0
    assert result.hostility > 0.15


def test_a_wrong_a_side_is_far_from_making_good_keeps_its_weight(scorer):
    """Counter-case: 'far from' negates the cooperation it names; a hostile cue after it (the wrong not atoned for)
    keeps its weight (a first draft with factor 0 took such accusations to about 0)."""
    result = scored(scorer, "The colonialists want to come back, far from atoning for their crimes.")
    assert cue_of(result, "crimes")["contribution"] > 0
    assert result.hostility > 0.2


@pytest.mark.parametrize("text", [
    "The ministry barred the delegation of the teachers' union of the port city from visiting Pyongyang.",
    "The police prevented members of the southern branch of the farmers' league from attending the talks.",
    "The authorities blocked the students from joining the meeting with their compatriots.",
])
def test_a_visit_or_meeting_someone_is_kept_from_is_obstructed(scorer, text):
    """Barring, blocking or preventing someone 'from visiting', 'from attending' obstructs the exchange, as 'barred'
    does within its reach: it is not the speaker's cooperation (read as one, the complaint scored below 0)."""
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.2


@pytest.mark.parametrize("text", [
    "The civic groups voiced strong opposition to the minister's visit to the naval base.",
    "The party expressed its objection to the talks with the neighbours.",
])
def test_opposition_to_a_visit_or_talks_opposes_them(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.2


def test_a_visit_after_returning_from_one_is_no_obstruction(scorer):
    """Counter-case: the marker turns cooperation hostile only where someone is kept from it; a visit told with
    'from visiting' toward a third country counts 0 by its direction anyway."""
    result = scored(scorer, "The minister praised the talks after he came back from visiting Beijing.")
    assert result.hostility < 0


@pytest.mark.parametrize("text", [
    "The West Side Committee for Implementing the June 15 Joint Declaration held a rally against the regime.",
    "A branch of the Overseas Committee for Implementation of June 15 Joint Declaration denounced the arrests.",
])
def test_the_committee_named_for_a_declaration_is_a_name(scorer, text):
    """The committees named for implementing the joint declaration are organisations: a date between the capitalised
    words hid the name from the proper-name rule, and the declaration read as cooperation in reports of their rallies."""
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0


def test_the_declaration_itself_is_still_cooperation(scorer):
    result = scored(scorer, "The two sides pledged to implement the June 15 joint declaration.")
    assert result.hostility < 0


@pytest.mark.parametrize("text, fragment", [
    ("The warmongers are doomed to meet a wretched end.", "meet a wretched end"),
    ("Such a clique will surely meet its ruin.", "meet its ruin"),
    ("The plotters will meet stern punishment before long.", "meet stern punishment"),
    ("They shall meet the most miserable end in history.", "meet the most miserable end"),
])
def test_meeting_an_end_is_a_curse_not_a_meeting(scorer, text, fragment):
    """KCNA's prophecy that the accused side will 'meet' its end, ruin or punishment is a curse weighed as 'punish~';
    read as a meeting it scored such curses at or below 0."""
    result = scored(scorer, text)
    assert cue_of(result, fragment)["contribution"] > 0
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.3


def test_meeting_death_is_no_meeting(scorer):
    result = scored(scorer, "Two miners met an untimely death in the flood.")
    assert not [c for c in result.cues if c["contribution"] != 0]


@pytest.mark.parametrize("text", [
    "The two ministers will meet at the end of the month in Seoul.",
    "The envoy met the president at the end of his visit.",
])
def test_a_meeting_at_the_end_of_a_period_is_still_a_meeting(scorer, text):
    """Counter-case: the idiom lists its determiners and adjectives, no gap, so a time phrase after 'meet' is no
    curse."""
    result = scored(scorer, text)
    assert result.hostility < 0
