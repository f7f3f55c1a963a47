"""Eleventh round (issue 14): classes the scorer got wrong on batch 3's T1 part (RSS feed items), cross-checked
against batches 1–2. Every sentence here is written for the test (no corpus text); each class is tested with two
sentences written differently and a counter-case."""
import pytest

from conftest import cue_of, scored


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



@pytest.mark.parametrize("text", [
    "Tokyo's leader said the navy will grow faster and he would not rule out using its new warheads.",
    "Busan's defence chief did not rule out the use of force against the fishing fleet.",
])
def test_not_ruling_out_the_use_is_a_threat(scorer, text):
    # batch 3 T1 (RSS 2024): a pledge to build up nuclear strength that "would not rule out using them" (class +3,
    # decision 27) was read as a denial: the extractor made it negated and 'rule out', negated, counted nothing
    result = scored(scorer, text)
    assert result.modality != "negated"
    assert cue_of(result, "rule out")["cameo"] == "138"
    assert result.modality_factor == 1.0 and result.hostility > 0.7


@pytest.mark.parametrize("text", [
    "Busan's minister did not rule out a meeting with the envoy from Tokyo.",  # a meeting kept open: cooperation
    "Tokyo ruled out using force against the fishing fleet.",                  # ruled out: no threat
])
def test_ruling_out_or_keeping_a_meeting_open_is_no_threat(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["cameo"] == "138"]
    assert result.hostility < 0.5


@pytest.mark.parametrize("text, fragment", [
    ("Officials in Busan braced for a fresh missile launch by Tokyo this week.", "missile launch"),
    ("The coast guard is bracing for Tokyo's navy to shell the islet again.", "shell"),
])
def test_bracing_for_an_act_is_vigilance_not_the_act(scorer, text, fragment):
    # batch 3 T1 (RSS 2022): a government "bracing for" the other side's nuclear test (class +1, guideline decision
    # 24) was scored as if it had carried out the test (+0.75); the act braced for is the topic of the vigilance
    result = scorer.score(text, "asserted")
    cue = cue_of(result, fragment)
    assert [m["kind"] for m in cue["markers"]] == ["topic"] and cue["contribution"] == pytest.approx(cue["weight"] / 2)
    told = scorer.score(text.replace("bracing for", "watching").replace("braced for", "reported"), "asserted")
    assert 0 < result.hostility < told.hostility - 0.1


def test_an_act_beside_the_bracing_counts_in_full(scorer):
    # counter-case: the marker reaches only what follows 'brace for' in its clause
    result = scorer.score("Tokyo fired a missile at dawn while Busan braced for the storm.", "asserted")
    assert cue_of(result, "fired a missile")["markers"] == [] and result.hostility > 0.7


@pytest.mark.parametrize("text, fragment", [
    ("Moscow has been hiring mercenaries and buying drones abroad for the offensive.", "hiring mercenaries"),
    ("Officials in Busan said the rifles were shipped to the Wagner Group's mercenaries.", "Wagner Group's mercenaries"),
])
def test_mercenaries_in_the_literal_sense_are_no_insult(scorer, text, fragment):
    # batch 3 T1 (RSS 2022): Moscow "hiring mercenaries" (a statement of arms bought from its partners, class −2) fired
    # the insult 'mercenary' (+0.60, uncapped); in wire copy the word is literal (the Wagner group), in KCNA an insult
    result = scorer.score(text, "asserted")
    cue = cue_of(result, fragment)
    assert cue["kind"] == "name" and cue["contribution"] == 0
    assert not [c for c in result.cues if c["kind"] == "insult"]


def test_mercenaries_as_kcna_calls_the_other_army_stay_an_insult(scorer):
    result = scorer.score("The puppet generals are nothing but mercenaries of the U.S. imperialists.", "asserted")
    assert cue_of(result, "mercenaries")["kind"] == "insult" and result.hostility > 0.6
