"""Twentieth round (branch h14t): a Seoul ministry's humanitarian and conciliatory steps toward the North, found on a
gold-free Yonhap sample and labelled before their scores were read. Every sentence here is written for the test (no
corpus text); two or more sentences per form and counter-cases."""
import pytest

from conftest import cue_of, scored


# --- confirming what became of relatives across the border is a humanitarian step ---

@pytest.mark.parametrize("text", [
    "The ministry will try to confirm the fate of relatives living in the North.",
    "Officials said they would verify the whereabouts of family members who stayed in the North.",
    "Seoul plans to ascertain the survival of elderly relatives on the other side of the border.",
])
def test_confirming_the_fate_of_relatives_is_cooperation(scorer, text):
    """Read 0.00 (no cue) or hostile through a neighbouring word; the guideline's class −1, a humanitarian step."""
    result = scored(scorer, text)
    assert result.hostility < -0.1
    assert [c for c in result.cues if c["contribution"] < 0]


def test_a_fate_foretold_is_not_confirmed(scorer):
    """Counter-case: the fate in a curse keeps the curse; no confirming verb, no humanitarian step."""
    result = scored(scorer, "The traitors will meet a miserable end and their fate is sealed.")
    assert result.hostility > 0.3


# --- strained ties that are to improve state the goal, not the strain ---

@pytest.mark.parametrize("text", [
    "The ministry will resume the talks if strained relations begin to improve.",
    "The envoy hoped that the soured ties would soon be mended.",
])
def test_strained_ties_to_improve_are_a_goal(scorer, text):
    result = scored(scorer, text)
    assert cue_of(result, "strained" if "strained" in text else "soured")["contribution"] < 0
    assert result.hostility < 0


@pytest.mark.parametrize("text", [
    "Relations between the two capitals remain strained after the shelling.",
    "The strained ties worsened further when the talks collapsed.",
])
def test_strained_ties_alone_stay_strained(scorer, text):
    """Counter-case: without an improving verb the strain is what is said."""
    result = scored(scorer, text)
    assert cue_of(result, "strained")["contribution"] > 0


# --- families separated by a past war name their history ---

@pytest.mark.parametrize("text", [
    "The ministry unveiled a plan to hold reunions of families separated since the Korean War.",
    "Seoul will support exchanges between families divided by the 1950-53 war.",
])
def test_a_war_that_separated_families_is_no_fight(scorer, text):
    """The war read as hostility (+0.15) and pulled a reunion plan to about zero."""
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["contribution"] > 0]
    assert result.hostility < -0.1


def test_a_war_threatened_is_still_hostile(scorer):
    """Counter-case: a war spoken of as a threat is not a family's history."""
    result = scored(scorer, "The North warned that the drills could spark a war on the peninsula.")
    assert result.hostility > 0.3
