"""Twenty-fourth round (branch h14x): a cooperation word in a hostile frame, and a cooperation word that only names
the people of a movement. Found on gold T1's errors and confirmed on gold-free KCNA draws labelled before their scores
were read: insulting, slandering, mocking or suppressing a cooperative thing (a dialogue offer, a joint declaration,
a people's mourning), or cracking down on it, is an act against it, as 'obstruct' or 'desecrate' are; and 'peace
activists' or a 'peace movement organization' name people and groups, not a peace offered. Every sentence here is
written for the test (no corpus text); two or more sentences per form and counter-cases."""
import pytest

from conftest import cue_of, scored


@pytest.mark.parametrize("text, word", [
    ("The minister insulted the offer of dialogue in a speech.", "dialogue"),
    ("They slandered the joint declaration as worthless paper.", "declaration"),
    ("The authorities insulted the mourning of an entire nation.", "mourning"),
    ("The police brutally suppressed the visit of the delegation.", "visit"),
    ("Officers cracked down upon the exchanges between the two sides.", "exchanges"),
    ("The cabinet ordered a harsh crackdown on cooperation projects.", "cooperation"),
])
def test_contempt_or_suppression_of_cooperation_is_hostile(scorer, text, word):
    """On main the cooperative word counts as cooperation (a negative contribution); now it is turned hostile."""
    result = scored(scorer, text)
    cue = cue_of(result, word)
    assert cue["weight"] < 0 and cue["contribution"] > 0
    assert any(m["kind"] == "opposition" for m in cue["markers"])


@pytest.mark.parametrize("text", [
    "The authorities insulted the mourning of an entire nation.",
    "Officers cracked down upon the exchanges between the two sides.",
    "The cabinet ordered a harsh crackdown on cooperation projects.",
])
def test_such_accusations_score_hostile(scorer, text):
    """The whole statement now reads as the accusation it is (0.4 or below on main: the cooperation offset the verb)."""
    assert scored(scorer, text).hostility > 0.55


@pytest.mark.parametrize("text", [
    "Police detained dozens of peace activists outside the new naval base.",
    "The authorities raided the offices of a peace movement organization.",
])
def test_peace_activists_are_no_peace(scorer, text):
    """'peace' inside 'peace activists' or 'peace movement organization' is no cooperative cue (-0.2 on main)."""
    result = scored(scorer, text)
    assert not any(c["contribution"] < 0 and "peace" in c["matched"].lower() for c in result.cues)


@pytest.mark.parametrize("text", [
    "The two sides held peace talks in the border village.",
    "The ministers welcomed the dialogue and praised the joint declaration.",
])
def test_cooperation_without_such_a_frame_stays_cooperative(scorer, text):
    """Counter-cases: peace talks held and a dialogue welcomed keep their cooperative cues."""
    result = scored(scorer, text)
    assert any(c["contribution"] < 0 for c in result.cues)
    assert result.hostility < 0.0


@pytest.mark.parametrize("text", [
    "The group insulted the nation and threatened a war of aggression.",
    "They mocked the offer while firing artillery shells at the island.",
])
def test_hostile_cues_after_contempt_keep_their_sign(scorer, text):
    """Counter-cases: a hostile cue after the marker keeps its sign (the opposition only turns cooperation)."""
    result = scored(scorer, text)
    assert all(c["contribution"] >= 0 for c in result.cues if c["weight"] > 0)
    assert result.hostility > 0.5
