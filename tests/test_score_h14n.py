"""Fourteenth round (issue 14): classes of sign and strength errors found on random samples of the stored KCNA and
RSS 2022 pair statements (seeds 17 and 18; judged against the guideline's hostility scale before the score was
looked at), not on gold. Every sentence here is written for the test (no corpus text); each class is tested with
two sentences written differently and a counter-case."""
import pytest

from conftest import cue_of, scored



# --- KCNA's calls to kill and its threats of judgment: class +3, read near 0 ---

@pytest.mark.parametrize("text, fragment", [
    ("The only answer left is to beat the warmongers to death.", "beat the warmongers to death"),
    ("Our soldiers say they feel ready to strike those traitors to death.", "strike those traitors to death"),
    ("Deal a crushing blow to the puppet clique!", "Deal a crushing blow"),
    ("A stern judgment of the whole nation is waiting for the group.", "stern judgment"),
])
def test_a_call_to_kill_or_a_stern_judgment_is_a_threat(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["kind"] == "threat"
    assert result.hostility > 0.55  # a threat: above a condemnation (was 0.0–0.4 in the corpus sample)


def test_a_court_judgment_or_a_blow_of_the_wind_is_no_threat(scorer):
    for text in ("The court's judgment on the land dispute was published on Friday.",
                 "The storm dealt farmers in the province a loss of rice."):
        assert not [c for c in scored(scorer, text).cues if c["cameo"] == "138"]


# --- the hyphenated animal insult ('rat-like'), one word to the matcher ---

@pytest.mark.parametrize("text", [
    "However hard the rat-like clique schemes, it cannot hide the truth.",
    "The dog-like lackeys of the occupiers kept barking at the talks.",
])
def test_a_hyphenated_animal_insult_is_an_insult(scorer, text):
    result = scored(scorer, text)
    assert [c for c in result.cues if c["kind"] == "insult" and c["matched"].endswith("-like")]
    assert result.hostility > 0.6


def test_a_like_compound_that_is_no_animal_is_no_insult(scorer):
    result = scored(scorer, "The resort offers a home-like stay for tourists from Seoul.")
    assert not [c for c in result.cues if c["kind"] == "insult"]


# --- KCNA's framing of the other side's words as an outburst (decision 10: a critical framing, class 1) ---

@pytest.mark.parametrize("text, fragment", [
    ("The minister let loose a torrent of remarks about the North at the forum.", "let loose"),
    ("Echoing the invectives of his master, the official raved about security.", "invectives"),
    ("In his speech he spoke ill of the workers' congress in Pyongyang.", "spoke ill of"),
])
def test_an_outburst_framing_is_critical(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["contribution"] > 0
    assert result.hostility > 0.15


def test_speaking_well_of_a_session_is_not_an_outburst(scorer):
    result = scored(scorer, "He spoke highly of the session held in Pyongyang.")
    assert not [c for c in result.cues if c["cameo"] == "111"]


# --- a gathering is no meeting between the sides: KCNA's mass meetings and a government's own sessions ---

@pytest.mark.parametrize("text", [
    "Several speeches were given at the meeting in the capital.",
    "A short letter was adopted at the meeting.",
    "The party's plenary meeting opened in the capital on Monday.",
    "The province met the needs of the power stations for coal.",
])
def test_a_domestic_gathering_is_not_talks(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["kind"] == "diplomacy" and c["contribution"] < 0]
    assert result.hostility > -0.1  # was about -0.38, 'talks held'


def test_a_launch_beside_a_policy_meeting_reads_as_the_launch(scorer):
    with_meeting = scored(scorer, "The North fired two missiles as its leader chaired a policy meeting.")
    alone = scored(scorer, "The North fired two missiles.")
    assert with_meeting.hostility == pytest.approx(alone.hostility, abs=0.05)


def test_a_meeting_between_the_sides_is_still_talks(scorer):
    for text in ("The two ministers held a meeting in Seoul on Tuesday.",
                 "Lavrov spoke at a meeting with his counterpart from Seoul."):
        assert cue_of(scored(scorer, text), "meeting")["contribution"] < 0


# --- RSS 2022: a DPRK launch told in forms the launch rows missed (class +3, read 0.0-0.45) ---

@pytest.mark.parametrize("text, fragment", [
    ("An ICBM launch by the North was picked up by radar stations in the South.", "ICBM launch"),
    ("The North Korean ICBM test was the first in four years.", "ICBM test"),       # an acronym after a capital
    ("Pyongyang described the launch as a test of its first reconnaissance satellite.", "reconnaissance satellite"),
    ("A North Korean missile landed near the maritime border on Wednesday.", "missile landed"),
    ("Seoul flew three drones across the border into the North.", "drones across"),
])
def test_a_launch_or_an_incursion_told_otherwise_is_a_use_of_force(scorer, text, fragment):
    result = scored(scorer, text, )
    cue = cue_of(result, fragment)
    assert cue["kind"] == "military" and cue["contribution"] >= 0.6
    assert result.hostility > 0.55


def test_a_civil_satellite_or_farm_drones_or_a_name_are_no_launch(scorer):
    assert scored(scorer, "Japan launched a weather satellite from its southern island on Tuesday.").hostility < 0.4
    assert not [c for c in scored(scorer, "Drones crossing the rice fields spray the crops.").cues
                if c["kind"] == "military"]
    # the acronym exception is for an all-capitals word: a capitalised cue beside a capital stays a name
    assert cue_of(scored(scorer, "The minister spoke yesterday to the Peace Forum about its work."), "Peace")["contribution"] == 0.0


# --- RSS 2022: force posture told as scrambled or flown jets; a resumption of testing is no resumption of ties ---

@pytest.mark.parametrize("text, fragment", [
    ("Seoul scrambled fighter jets after Russian bombers entered its air defence zone.", "scrambled fighter"),
    ("Pyongyang flew a dozen warplanes close to the inter-Korean border on Thursday.", "flew a dozen warplanes"),
])
def test_scrambled_or_flown_warplanes_are_force_posture(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["kind"] == "posture"
    assert result.hostility > 0.3


def test_a_resumption_of_testing_is_not_cooperation(scorer):
    result = scored(scorer, "The North fired two rockets in a resumption of its weapons testing.")
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.3


def test_a_resumption_of_talks_and_an_airline_flight_keep_their_reading(scorer):
    assert scored(scorer, "Both sides welcomed the resumption of talks in Geneva.").hostility < -0.2
    assert not [c for c in scored(scorer, "The airline flew its new jets to the island for the holidays.").cues
                if c["kind"] == "posture"]


def test_a_refused_resumption_of_a_tour_stays_a_refusal_of_cooperation(scorer):
    result = scored(scorer, "Seoul refused the resumption of the tour to the mountain resort.")
    assert cue_of(result, "resumption of the tour")["contribution"] > 0  # turned by the refusal


# --- KCNA: barring the other side's people from an exchange obstructs it (not cooperation) ---

@pytest.mark.parametrize("text, cue", [
    ("The authorities barred the committee members from visiting Pyongyang.", "visiting"),
    ("Seoul disallowed the civic delegation's trip to Kaesong for the joint ceremony.", "trip"),
    ("The ministry did not allow the group to attend the talks in Kaesong.", "talks"),
])
def test_barring_an_exchange_is_obstruction(scorer, text, cue):
    result = scored(scorer, text)
    assert cue_of(result, cue)["contribution"] > 0  # turned hostile, as 'obstructed the dialogue'
    assert result.hostility > 0.1


def test_a_ban_keeps_a_hostile_cue_and_an_allowed_visit_stays_cooperative(scorer):
    assert cue_of(scored(scorer, "The ministry banned the military drills near the border."),
                  "drills")["contribution"] > 0
    assert scored(scorer, "The ministry allowed the delegation to visit Pyongyang next week.").hostility < -0.1


# --- KCNA's threat formulas and its doom and contempt words, in forms the rows missed ---

@pytest.mark.parametrize("text, fragment", [
    ("Our people will never allow the traitors' reckless moves and will make them pay dearly.", "never allow"),
    ("The group will be made to pay a thousand-fold for its crimes.", "pay a thousand-fold"),
    ("The warmonger is fated to be thrown into the dustbin of history.", "dustbin of history"),
    ("The defence chief blustered that the army would retaliate at once.", "blustered"),
])
def test_threat_formulas_doom_and_contempt_words_are_hostile(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["contribution"] > 0
    assert result.hostility > 0.2


def test_never_allowing_is_emphasis_for_the_extractor_but_not_allowing_a_visit_stays_negated():
    from tension.extract.statements import modality, outside_quotes

    threat = "The army will never allow the puppets' provocations to go unpunished."
    refusal = "The ministry did not allow the delegation to visit Pyongyang."
    assert modality(outside_quotes(threat), False) != "negated"
    assert modality(outside_quotes(refusal), False) == "negated"


# --- KCNA: cooperation named inside an accusation that it was faked, wrecked or aimed at the speaker ---

@pytest.mark.parametrize("text, cue", [
    ("Their talk of dialogue is a sheer lie.", "dialogue"),
    ("The puppets' obstruction made the military talks abortive.", "talks"),
    ("The new alliance is an alliance targeted against our Republic.", "alliance"),
    ("With the exchanges completely blocked, the situation grows acute.", "exchanges"),
])
def test_cooperation_called_a_lie_or_undone_or_aimed_at_the_speaker_is_hostile(scorer, text, cue):
    turned = [c for c in scored(scorer, text).cues if c["matched"].lower().startswith(cue)]
    assert turned and turned[-1]["contribution"] > 0


def test_cooperation_aimed_at_a_goal_or_a_bare_lie_stays_as_it_was(scorer):
    assert cue_of(scored(scorer, "They signed an agreement aimed at expanding trade."),
                  "signed an agreement")["contribution"] < 0
    assert cue_of(scored(scorer, "The key to the talks lies in mutual trust."), "talks")["contribution"] < 0


@pytest.mark.parametrize("text", ["Such reckless moves will only invite self-destruction.",
                                  "The drills will invite a merciless counteraction from our army."])
def test_inviting_ruin_is_a_warning_not_an_invitation(scorer, text):
    result = scored(scorer, text)
    assert [c for c in result.cues if c["kind"] == "threat"]
    assert result.hostility > 0.4


def test_an_invitation_to_talks_is_still_one(scorer):
    assert scored(scorer, "Seoul invited the envoy to talks in the capital next month.").hostility < -0.1


# --- promises, challenges and responses in kind (Russian state media sample) ---

@pytest.mark.parametrize("text, fragment", [
    ("Moscow promises retaliation against any state that joins the scheme.", "promises retaliation"),
    ("Pyongyang vows to respond in kind to the carrier's arrival.", "respond in kind"),
    ("The paper called the drills a direct challenge to peace efforts.", "challenge to peace"),
])
def test_a_promised_retaliation_a_response_in_kind_or_a_challenge_to_peace_is_hostile(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["contribution"] > 0
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.3


def test_a_promised_joint_response_or_economic_challenges_are_not_threats(scorer):
    assert scored(scorer, "The two leaders promised a joint response to the pandemic.").hostility < 0
    assert not scored(scorer, "The new cabinet faces economic challenges at home.").cues


# --- a threat under a condition is a threat (decisions 8, 25), not a hypothesis ---

@pytest.mark.parametrize("text", [
    "If the puppets fire a single shell, our army will deal merciless blows at their bases.",
    "We will blow up the enemy's strongholds in case they cross the line.",
])
def test_a_conditioned_threat_is_not_halved(scorer, text):
    result = scored(scorer, text)
    assert result.modality == "hypothetical"  # the extractor's reading: its threat words (threat, vow, warn) are absent
    assert result.modality_factor == 1.0
    assert result.hostility > 0.4


def test_a_hedged_threat_or_a_condition_without_a_threat_stays_hypothetical(scorer):
    hedged = scored(scorer, "The army could deal heavy blows at the bases if the talks fail.")
    assert hedged.hostility < scored(scorer, "The army will deal heavy blows at the bases.").hostility
    assert not conditioned_threat_of(scorer, "If the talks succeed, the North will dismantle the testing site.")


def conditioned_threat_of(scorer, text: str) -> bool:
    from tension.score.hedges import conditioned_threat

    return conditioned_threat(scorer.tokenizer.tokens(text).words, scorer._hedges, scored(scorer, text).cues)


def test_a_punishment_asked_of_the_other_side_under_a_condition_is_no_threat_made(scorer):
    assert not conditioned_threat_of(scorer, "They should punish the traitors if they truly want dialogue.")
