"""Eleventh round (issue 14): classes the scorer got wrong on batch 3's T1 part (RSS feed items), cross-checked
against batches 1–2. Every sentence here is written for the test (no corpus text); each class is tested with two
sentences written differently and a counter-case."""
import pytest

from conftest import cue_of


@pytest.mark.parametrize("text, fragment", [
    ("Harbour Mayor Charged In Ferry Fire That Killed Nine", "Charged in"),
    ("Two engineers were charged over the collapse of the stadium roof in Busan.", "charged over"),
])
def test_a_charge_in_the_headline_form_is_a_legal_charge(scorer, text, fragment):
    # batch 3 T1 (RSS 2024): a police chief "charged in" a crowd crush (class +2, decision 10) matched no cue: only
    # "charged with/against" was a row; "charged in/over" is the headline's form of the same charge (CAMEO 173)
    result = scorer.score(text, "asserted")
    cue = cue_of(result, fragment)
    assert cue["cameo"] == "173" and cue["contribution"] == pytest.approx(0.5)
    assert result.hostility > 0.4


@pytest.mark.parametrize("text", [
    "The engineer in charge in the district resigned after the collapse.",  # 'in charge': a post, not a charge
    "The ministry took charge over the relief work in Busan.",              # taking charge: not charged
])
def test_charge_as_a_post_is_no_legal_charge(scorer, text):
    assert not [c for c in scorer.score(text, "asserted").cues if c["cameo"] == "173"]
