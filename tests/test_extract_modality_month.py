"""The month May is no hedge: a statement dated in May is not hypothetical (the scorer already did not halve it)."""
from __future__ import annotations

import pytest

from tension.extract.modality import modality


@pytest.mark.parametrize("text", [
    "The two armies held the drills on May 3 near the border.",
    "In May the ministry resumed the talks with Seoul.",
    "Pyongyang fired two missiles in early May, the military said.",
    "Talks held since May have produced nothing, the envoy said.",
])
def test_the_month_is_not_a_hedge(text):
    assert modality(text, False) == "asserted"


@pytest.mark.parametrize("text", [
    "North Korea may launch another missile, officials said.",
    "The talks may resume in May.",  # the verb's hedge stays, beside the month
    "Seoul said the North May fire again",  # a headline's capitalised verb with no date around it stays a hedge
])
def test_the_hedge_may_still_hedges(text):
    assert modality(text, False) == "hypothetical"


def test_a_month_with_a_reporting_frame_keeps_its_future():
    assert modality("It said in May 2012 that it would retaliate.", False) == "threat_or_future"
