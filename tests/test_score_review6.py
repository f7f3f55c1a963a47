"""Session 6's review of scoring rounds 10-12: rows that matched more than they meant (each sentence written for the test)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "The phone was charged in twenty minutes.",
    "Fees charged in the deal rose sharply last year.",
    "The battery charged over night in the garage.",
])
def test_charged_in_without_a_crime_or_disaster_is_no_charge(scorer, text):
    result = scorer.score(text, "asserted")
    assert not [c for c in result.cues if c["cameo"] == "173"]


def test_charged_in_a_disaster_is_still_a_charge(scorer):
    result = scorer.score("Two port officials were charged over the deaths in the ferry fire.", "asserted")
    assert [c for c in result.cues if c["cameo"] == "173"]


@pytest.mark.parametrize("text", [
    "Seoul said it would not rule out using the courts.",
    "The minister would not rule out using new software for the census.",
])
def test_not_ruling_out_a_use_of_something_peaceful_is_no_threat(scorer, text):
    result = scorer.score(text, "asserted")
    assert not [c for c in result.cues if c["cameo"] == "138"]


def test_a_shared_laugh_at_a_summit_keeps_the_summit_cooperative(scorer):
    result = scorer.score("The two leaders shared a laugh at the summit.", "asserted")
    assert result.hostility < 0
    mocked = scorer.score("The two leaders laughed at the summit offer.", "asserted")
    assert mocked.hostility > 0


@pytest.mark.parametrize("text", [
    "Investors are closely tracking developments in the bond market.",
    "Health officials are monitoring the situation of the flu outbreak.",
])
def test_markets_and_outbreaks_are_no_vigilance(scorer, text):
    result = scorer.score(text, "asserted")
    assert not [c for c in result.cues if c["kind"] == "tension"]
