"""Twelfth round (issue 14): the sign of right pairs. Independent judges of today's main found three classes with the
sign wrong (general descriptions, no corpus text): Yonhap's vigilance ('closely monitoring', 'maintaining readiness')
scored neutral, KCNA's mocking dismissals scored neutral, and KCNA accusations scored cooperative because the accused
side's talks or dialogue are named in them. Every sentence here is written for the test (no corpus text); each class
is tested with two sentences written differently and a counter-case."""
import pytest

from conftest import cue_of, scored



# --- vigilance is +1 (guideline decision 18; its table: 'closely monitoring') ---

@pytest.mark.parametrize("text, fragment", [
    ("Busan's navy said it was closely monitoring the fishing fleet sent by Tokyo.", "closely monitoring"),
    ("Officials in Seoul are keeping close tabs on the movements of Tokyo's patrol boats.", "keeping close tabs on"),
    ("The ministry said its units maintain full readiness while Tokyo's ships stay near the islands.",
     "maintain full readiness"),
    ("Seoul told its coast guard to stay vigilant as Tokyo's survey ship sailed east.", "vigilant"),
])
def test_vigilance_is_a_mild_hostile_cue(scorer, text, fragment):
    result = scored(scorer, text)
    cue = cue_of(result, fragment)
    assert cue["kind"] == "tension" and cue["contribution"] == pytest.approx(0.2)
    assert 0.1 < result.hostility < 0.5  # class +1: above neutral, below an accusation


@pytest.mark.parametrize("text", [
    "The health agency in Busan is monitoring the spread of the flu.",       # a disease, not the other's moves
    "Fans in Tokyo watched the final closely and cheered the winners.",      # 'watched ... closely' with a gap
    "A closely watched meeting between the ministers of Seoul and Tokyo opened on Monday.",  # the adjective
])
def test_watching_a_disease_a_match_or_a_closely_watched_meeting_is_no_vigilance(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["cameo"] == "012" and c["contribution"] > 0]


# --- a mocking dismissal is a contemptuous characterisation (111, as 'absurd'), and what it mocks is no cooperation ---

@pytest.mark.parametrize("text", [
    "The spokesman in Pyongyang scoffed at the offer of talks from Seoul.",
    "Pyongyang's paper called Seoul's proposal for dialogue simply laughable.",
    "The commentary mocked the southern side's proposal for dialogue as a cheap show.",
])
def test_a_mocking_dismissal_is_hostile_and_turns_the_mocked_talks(scorer, text):
    result = scored(scorer, text)
    talks = [c for c in result.cues if c["matched"].lower() in ("dialogue", "talks")]
    assert talks and all(c["contribution"] > 0 for c in talks)  # the talks: mocked, not offered
    assert any(c["cameo"] == "111" for c in result.cues)
    assert result.hostility > 0.15  # the sign (was cooperative or neutral); 'proposal for' before it stays cooperative


@pytest.mark.parametrize("text", [
    "The two leaders laughed and shook hands at the summit in Seoul.",          # laughter, not scorn
    "Tokyo and Seoul will hold a mock rescue drill next week to prepare for earthquakes.",  # 'mock': an adjective
])
def test_laughter_and_a_mock_drill_are_no_mocking_dismissal(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["cameo"] == "111"]


# --- the accused side's talks named in an accusation are not cooperation ---

@pytest.mark.parametrize("text", [
    "The puppets' clamour for dialogue is a smokescreen to hide their arms buildup.",
    "Washington torpedoed the talks and then shunned dialogue with the DPRK for a year.",
    "The traitors prattle about dialogue while they stage war drills against the north.",
])
def test_talks_the_accused_side_uses_as_a_ploy_or_broke_off_are_no_cooperation(scorer, text):
    result = scored(scorer, text)
    talks = [c for c in result.cues if c["matched"].lower() in ("dialogue", "talks")]
    assert talks and all(c["contribution"] > 0 for c in talks)
    assert result.hostility > 0.3


@pytest.mark.parametrize("text", [
    "Seoul proposed talks with Pyongyang to ease tensions on the peninsula.",
    "The two sides cried out with joy when the talks ended in an agreement.",  # 'cried out', not 'crying for'
])
def test_talks_offered_or_concluded_stay_cooperative(scorer, text):
    result = scored(scorer, text)
    assert [c for c in result.cues if c["matched"].lower() == "talks" and c["contribution"] < 0]
    assert result.hostility < 0


# --- watching for the other's expected act is vigilance about it, not the act (decision 24, as 'brace for') ---

@pytest.mark.parametrize("text, fragment", [
    ("Tokyo's coast guard is watching closely for signs of another missile launch by Busan's rebels.", "missile launch"),
    ("Seoul's army is monitoring for a nuclear test that Tokyo's rivals may stage this week.", "nuclear test"),
])
def test_watching_for_an_expected_act_halves_it(scorer, text, fragment):
    cue = cue_of(scored(scorer, text), fragment)
    assert any(m["kind"] == "topic" for m in cue["markers"])
    assert cue["contribution"] == pytest.approx(cue["weight"] * 0.5, abs=0.01)


def test_an_alert_for_a_launch_done_keeps_the_launch(scorer):
    # 'alert for' is not a watching-for marker: an alert follows a launch that happened
    result = scored(scorer, "Tokyo issued an emergency alert for the missile launch by Busan's rebels on Sunday.")
    cue = cue_of(result, "missile launch")
    assert not any(m["kind"] == "topic" for m in cue["markers"])


# --- Yonhap, batch 1 tune: cooperative statements read hostile by a status word or a crime's loot ---

@pytest.mark.parametrize("text", [
    "The captured soldiers have asked to live in Seoul, and Kyiv has agreed to talks on their transfer.",
    "Seoul offered a home to both captured fighters, officials in Kyiv said after the talks.",
])
def test_captured_soldiers_name_prisoners_not_a_capture(scorer, text):
    # 'the captured soldiers' is their status (a capture past, by another): the statement is about the talks
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["cameo"] == "181" and c["contribution"] > 0]
    assert result.hostility < 0


def test_capturing_soldiers_is_still_the_act(scorer):
    result = scored(scorer, "Kyiv's forces captured two soldiers sent by Pyongyang in the Kursk region.")
    assert cue_of(result, "captured")["cameo"] == "181"


@pytest.mark.parametrize("text", [
    "The court fined the Seoul businessman for embezzling donations meant for Pyongyang's hospitals.",
    "Prosecutors in Busan say the charity head misappropriated aid bound for Tokyo's flood victims.",
])
def test_embezzled_donations_are_no_gift(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["contribution"] < 0]  # the loot of a crime, not cooperation


def test_donations_sent_stay_cooperative(scorer):
    assert scored(scorer, "Seoul sent donations of rice to Pyongyang's hospitals.").hostility < 0


# --- KCNA's 'confab': the accused sides' meeting named with contempt ---

@pytest.mark.parametrize("text", [
    "The paper said the talks were nothing but a confab for aggression against the north.",
    "Tokyo's rulers held a confab with the puppets to plot a war, the commentary said.",
])
def test_a_confab_is_contempt_and_derogates_the_talks(scorer, text):
    result = scored(scorer, text)
    assert cue_of(result, "confab")["cameo"] == "111"
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.3


def test_talks_beside_no_confab_stay_cooperative(scorer):
    result = scored(scorer, "The talks between Seoul and Tokyo ended in an agreement on fisheries.")
    assert result.hostility < 0


# --- more forms of the accused side's talks called a trick, or made to fail (sentences of my own, no tune instance) ---

@pytest.mark.parametrize("text", [
    "The traitors in Seoul resort to the trick of dialogue to mislead public opinion.",
    "Tokyo's proposal for talks is nothing but a gimmick, the commentary said.",
    "The puppets' peace offensive is aimed at deceiving the public.",
    "The traitors are making a fuss about dialogue while escalating confrontation.",
    "The puppets made the talks collapse with unreasonable preconditions.",
])
def test_talks_called_a_trick_or_made_to_fail_are_no_cooperation(scorer, text):
    result = scored(scorer, text)
    mocked = [c for c in result.cues if c["matched"].lower() in ("dialogue", "talks", "peace")]
    assert mocked and all(c["contribution"] > 0 for c in mocked)
    assert result.hostility > 0.15


@pytest.mark.parametrize("text", [
    "Moscow launched a new offensive after the talks in Istanbul.",       # an offensive after talks: no 'peace offensive'
    "The two sides resumed talks in Seoul after a deadlock of three years.",  # the deadlock is over
    "Seoul and Tokyo held talks despite the collapse of the stock market.",
])
def test_talks_beside_an_offensive_a_past_deadlock_or_a_market_collapse_stay_cooperative(scorer, text):
    result = scored(scorer, text)
    assert [c for c in result.cues if c["matched"].lower().endswith("talks") and c["contribution"] < 0]
    assert result.hostility < 0
