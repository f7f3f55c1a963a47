"""Twenty-third round (branch h14w): two classes found on gold T1 and confirmed on gold-free KCNA draws labelled
before their scores were read: 'antagonize' was no cue (an accusation of enmity read neutral or cooperative), and a
time of mourning ('during the mourning', 'the mourning period') was read as the empathy cue 'mourn~', so accusations of
what a side did in that time read cooperative. Every sentence here is written for the test (no corpus text); two or
more sentences per form and counter-cases."""
import pytest

from conftest import scored


@pytest.mark.parametrize("text", [
    "The regime keeps antagonizing its neighbours with every new law.",
    "Its so-called policy is designed to antagonize the fellow countrymen.",
    "The minister, steeped in antagonism toward the North, spoke again.",
])
def test_antagonizing_a_side_is_an_accusation(scorer, text):
    """No cue word on main (0.00 or a cooperative word alone); the accusation weighs as 'hostility' (0.4)."""
    result = scored(scorer, text)
    assert any(c["cameo"] == "111" and "antagonis" in c["matched"].lower().replace("z", "s") for c in result.cues)
    assert result.hostility > 0.3


@pytest.mark.parametrize("text", [
    "Decades of antagonism between the two sides gave way to a joint declaration of reconciliation.",
    "If antagonism grows between the two halves of the nation, reunification will be delayed.",
])
def test_bare_antagonism_between_sides_is_no_accusation(scorer, text):
    """Counter-cases: the bare noun describes the relations, often in a conciliatory or conditional statement."""
    result = scored(scorer, text)
    assert not any("antagon" in c["matched"].lower() for c in result.cues)


@pytest.mark.parametrize("text", [
    "The puppet group staged a provocative drill during the mourning period.",
    "It has grown more undisguised in its moves against the nation before and after the mourning period.",
    "How can the attitude the group took during the mourning be excused?",
])
def test_a_time_of_mourning_is_no_empathy(scorer, text):
    """On main 'mourning' counts as empathy (CAMEO 018, -0.34): an accusation of acts in that time read cooperative."""
    result = scored(scorer, text)
    assert not any(c["cameo"] == "018" for c in result.cues)
    assert result.hostility >= 0.0


@pytest.mark.parametrize("text", [
    "The delegation expressed deep condolences to the bereaved family.",
    "Crowds across the country were mourning the late leader.",
])
def test_condolences_and_mourning_a_leader_keep_their_empathy(scorer, text):
    """Counter-cases: mourning and condolences expressed stay cooperative."""
    result = scored(scorer, text)
    assert any(c["cameo"] == "018" for c in result.cues)
    assert result.hostility < 0.0
