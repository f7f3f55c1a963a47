"""Sixteenth round (issue 14, branch h14p): force-posture classes found on gold-free random samples (seed 60) of the
stored KCNA, RSS 2022 and Yonhap pair statements, each judged on the guideline's hostility scale before its score was
looked at. Every sentence here is written for the test (no corpus text); each class has two sentences written
differently and a counter-case."""
import pytest

from conftest import cue_of, scored


# --- a weapon named by its role ('attack submarine', 'strike means') is a weapon topic, not an attack ---

@pytest.mark.parametrize("text, fragment", [
    ("The new boat is said to be larger than any attack submarine of the Pacific fleet.", "attack submarine"),
    ("The allies brought more strike means and attack helicopters to the peninsula.", "strike means"),
    ("The army ordered two dozen attack helicopters from a domestic maker.", "attack helicopters"),
])
def test_a_weapon_named_by_its_role_is_posture(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["kind"] == "posture"
    assert not [c for c in result.cues if c["kind"] == "fight"]
    assert 0.3 < result.hostility < 0.75  # was about 0.85: class +2 (force posture), not a use of force


def test_an_attack_made_stays_an_attack(scorer):
    for text in ("The rebels mounted an attack on the garrison with helicopters.",
                 "Troops will attack the outpost at dawn."):
        result = scored(scorer, text)
        assert [c for c in result.cues if c["kind"] == "fight"]
        assert result.hostility > 0.6


# --- a side's own overwhelming military strength, stated or sought, is posture (read 0 or cooperative) ---

@pytest.mark.parametrize("text", [
    "The president said the country must build overwhelming military strength against its neighbour.",
    "Officials vowed to keep a formidable nuclear deterrent facing the southern border.",
])
def test_overwhelming_military_strength_is_posture(scorer, text):
    result = scored(scorer, text)
    assert [c for c in result.cues if c["kind"] == "posture"]
    assert result.hostility > 0.15  # was 0.00 or below


def test_strong_ties_are_not_military_strength(scorer):
    result = scored(scorer, "The two leaders praised their strong military ties and pledged to deepen them.")
    assert not [c for c in result.cues if c["kind"] == "posture"]
    assert result.hostility < 0.0


# --- a stated build-up of forces, and a pledge to build them up, is posture (read 0.00, or a cooperative pledge) ---

@pytest.mark.parametrize("text", [
    "The command is weighing bolstering its marines with several thousand more troops.",
    "The new minister pledged to boost defences against drones along the border.",
    "The army keeps reinforcing its forces on the islands near the sea border.",
])
def test_a_build_up_of_forces_is_posture(scorer, text):
    result = scored(scorer, text)
    assert [c for c in result.cues if c["kind"] == "posture" and c["contribution"] > 0]
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.3


def test_a_pledge_to_strengthen_ties_stays_cooperative(scorer):
    result = scored(scorer, "The two ministers pledged to strengthen military cooperation between their countries.")
    assert not [c for c in result.cues if c["kind"] == "posture"]
    assert result.hostility < -0.2
