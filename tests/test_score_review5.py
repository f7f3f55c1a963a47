"""Defects a review of the eighth and ninth scoring rounds found, with sentences written for the test."""

from __future__ import annotations

import pytest


def hostility(scorer, text: str, targets=(), speaker_country=None) -> float:
    return scorer.score(text, targets=list(targets), speaker_country=speaker_country).hostility


@pytest.mark.parametrize("denied, affirmed", [
    ("The talks were anything but a farce.", "The talks were nothing but a farce."),
    ("The summit was more than a publicity stunt.", "The summit was a mere publicity stunt."),
])
def test_a_denied_derogation_does_not_turn_the_talks_hostile(scorer, denied, affirmed):
    assert hostility(scorer, denied) < 0.2 < hostility(scorer, affirmed)


def test_a_victim_or_a_place_before_the_act_is_not_its_subject(scorer):
    # the third-country subject rule zeroed these: Ukraine read as the attacker, Japan as the one firing
    assert hostility(scorer, "Ukraine was attacked by Russia.", ["RUS"], "USA") > 0.6
    assert hostility(scorer, "US forces stationed in Japan fired missiles.", ["PRK", "USA"], "PRK") > 0.6
    assert hostility(scorer, "Japan fired missiles near the coast.", ["PRK", "USA"], "PRK") < 0.3  # still a third party


def test_undoing_a_hostile_thing_keeps_its_purpose_and_a_causal_since_is_no_background(scorer):
    assert hostility(scorer, "Seoul suspended the drills, meant to ease tensions.") < 0
    assert hostility(scorer, "Seoul condemned Pyongyang since its missiles threaten the region.") > 0.7


def test_ordinary_readiness_and_reception_are_no_threat_and_no_meeting(scorer):
    assert hostility(scorer, "Seoul is prepared to take refugees from the north.") < 0.2
    assert hostility(scorer, "The launch met with strong protest from Seoul.") > 0.2
    assert hostility(scorer, "Lavrov met with Cho in Seoul.") < -0.2


def test_tearing_down_and_dismantling_the_loudspeakers_agree(scorer):
    torn = hostility(scorer, "North Korea tore down the loudspeakers on the border.")
    dismantled = hostility(scorer, "North Korea dismantled the loudspeakers on the border.")
    assert torn < 0 and dismantled < 0
