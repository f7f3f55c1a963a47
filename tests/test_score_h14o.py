"""Fifteenth round (issue 14): classes of sign and strength errors found on gold-free random samples of the stored
KCNA, RSS 2022, Yonhap and RSS 2024 pair statements (seed 50; judged against the guideline's hostility scale before the
score was looked at), not on gold. Every sentence here is written for the test (no corpus text); each class is tested
with two sentences written differently and a counter-case."""
import pytest

from conftest import cue_of, scored



# --- causal 'thanks to' (because of) is no gratitude: KCNA's successes owed to a leader read cooperative ---

@pytest.mark.parametrize("text", [
    "It is thanks to his wise guidance that the new dam was finished in a year.",
    "Thanks to the iron unity of the army and the people, the country stands firm.",
])
def test_causal_thanks_to_is_no_cooperation(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility >= 0.0  # was about -0.5: praise of one's own leader is no cooperation with anyone


@pytest.mark.parametrize("text, fragment", [
    ("The delegation conveyed warm thanks to the hosts in Seoul for the reception.", "thanks"),
    ("The minister gave thanks to Moscow for the grain shipment.", "thanks"),
    ("He said many thanks to the Red Cross for its help.", "thanks to the Red Cross for"),
])
def test_thanks_given_to_someone_stays_gratitude(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["contribution"] < 0
    assert result.hostility < -0.1


# --- KCNA's threats of punishment: 'no breathing spell', 'pay for its crimes' (class +3, read about 0.3) ---

@pytest.mark.parametrize("text, fragment", [
    ("Anyone who insults our leadership will find no breathing spell anywhere.", "breathing spell"),
    ("The clique will never get a breathing spell on this land.", "breathing spell"),
    ("The traitors will surely have to pay for their crimes.", "pay for their crimes"),
    ("We will make the group pay for its treachery against the nation.", "pay for its treachery"),
])
def test_a_threat_of_punishment_is_a_threat(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["kind"] == "threat"
    assert result.hostility > 0.55


def test_paying_for_goods_or_a_rest_from_work_is_no_threat(scorer):
    for text in ("The ministry will pay for the new school buses in the border towns.",
                 "The workers took a short breathing spell after the harvest."):
        assert not [c for c in scored(scorer, text).cues if c["kind"] == "threat"]


# --- balloons sent across the border: the hyphenated 'trash-carrying' and the verb forms the rows missed ---

@pytest.mark.parametrize("text", [
    "Pyongyang floats more trash-carrying balloons across the border.",
    "The North resumed flying balloons on Sunday in an apparent bid to drop garbage on the South.",
])
def test_balloons_sent_south_are_an_act(scorer, text):
    result = scored(scorer, text)
    assert [c for c in result.cues if c["kind"] == "military" and "balloon" in c["matched"].lower()]
    assert not [c for c in result.cues if c["kind"] == "insult"]  # literal trash, not the insult
    assert result.hostility > 0.55  # was 0.00 and 0.36 in the sample


def test_a_weather_balloon_is_no_act(scorer):
    result = scored(scorer, "The weather service released a weather balloon over the lake.")
    assert not [c for c in result.cues if c["kind"] == "military"]


# --- a dog breed given as a gift is no insult ('hunting dogs') ---

def test_a_breed_of_dogs_given_as_a_gift_is_no_insult(scorer):
    result = scored(scorer, "The leader gave two Pungsan hunting dogs to the visiting president as a gift.")
    assert not [c for c in result.cues if c["kind"] == "insult"]
    assert result.hostility <= 0.0


def test_hunting_dogs_of_the_occupiers_stay_an_insult(scorer):
    result = scored(scorer, "The puppets are nothing but hunting dogs of the occupiers.")
    assert cue_of(result, "hunting dogs")["kind"] == "insult"


# --- KCNA's 'check' is to curb: checking dialogue or putting a check bar on cooperation obstructs it ---

@pytest.mark.parametrize("text, fragment", [
    ("The authorities keep checking the resumption of dialogue with absurd preconditions.", "dialogue"),
    ("The group put a check bar on reconciliation and cooperation.", "reconciliation"),
    ("The ministry checked the exchanges between civic groups of the two sides.", "exchanges"),
])
def test_checking_cooperation_obstructs_it(scorer, text, fragment):
    result = scored(scorer, text)
    cue = cue_of(result, fragment)
    assert cue["contribution"] > 0 and any(m["kind"] == "opposition" for m in cue["markers"])
    assert result.hostility > 0.1  # was cooperative


def test_a_check_of_a_hostile_act_keeps_it_hostile_and_a_checkup_is_nothing(scorer):
    result = scored(scorer, "The people rose to check the war moves of the warmongers.")
    assert result.hostility > 0.3
    checkup = scored(scorer, "The inspectors checked the cooling pumps before the talks resumed.")
    assert not [m for c in checkup.cues for m in c["markers"] if m["kind"] == "opposition"]


# --- a hostile act after a bare 'should' is called for, in full; told to stop, still a demand (half) ---

@pytest.mark.parametrize("text, fragment", [
    ("The people say the traitors should be punished without mercy.", "punished"),
    ("Our army should annihilate the invaders if they cross the line, the general said.", "annihilate"),
])
def test_a_hostile_act_called_for_after_should_counts_in_full(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["factor"] == 1.0
    assert result.hostility > 0.6  # was halved (0.3-0.5)


def test_should_stop_the_drills_stays_a_demand(scorer):
    result = scored(scorer, "Seoul should stop the war drills at once.")
    assert cue_of(result, "war drills")["factor"] == 0.5


# --- weapons acts in forms the launch rows missed: a typed missile's flight, a launching drill, nuclear units'
#     training, units ready to strike ---

@pytest.mark.parametrize("text, fragment, floor", [
    ("The two strategic cruise missiles flew for two hours before hitting the island target.", "missiles flew", 0.7),
    ("The leader watched the launching drill from an observation post.", "launching drill", 0.6),
    ("Kim guided the tactical nuclear attack unit training on the coast.", "training", 0.5),
    ("The general said his units are ready to strike the enemy's bases at any moment.", "ready to strike", 0.7),
    ("The artillery corps stands poised to launch precision strikes on the islands.", "poised to launch", 0.7),
])
def test_a_weapons_act_in_another_form_is_an_act(scorer, text, fragment, floor):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["weight"] >= 0.6
    assert result.hostility > floor


def test_a_lecture_on_missiles_or_a_product_launch_is_no_act(scorer):
    assert not [c for c in scored(scorer, "The firm is ready to launch its new phone in May.").cues
                if c["weight"] > 0]
    result = scored(scorer, "Cruise missiles usually fly low to avoid radar, the professor explained.")
    assert not [c for c in result.cues if c["weight"] >= 0.7]


# --- found on the fresh KCNA and RSS 2022 samples (seed 51): 'showdown', removing the danger of war, flights massed
#     at the border ---

@pytest.mark.parametrize("text", [
    "The exercise is nothing but a declaration of all-out showdown with the DPRK.",
    "They are keen on showdown with the fellow countrymen in the north.",
])
def test_showdown_is_confrontation(scorer, text):
    result = scored(scorer, text)
    assert cue_of(result, "showdown")["kind"] == "epithet"
    assert result.hostility > 0.3  # was 0.00


@pytest.mark.parametrize("text", [
    "Only dialogue can remove the danger of war from the peninsula and bring peace.",
    "Both sides should work to defuse the risk of a conflict along the border.",
])
def test_removing_the_danger_of_war_is_de_escalation(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["contribution"] > 0]
    assert result.hostility < 0  # the war of 'danger of war' read hostile, as if war were threatened


def test_increasing_the_danger_of_war_stays_hostile(scorer):
    assert scored(scorer, "The drills only increase the danger of war on the peninsula.").hostility > 0.4


@pytest.mark.parametrize("text", [
    "North Korea stages 150 flights near the border, the ministry says.",
    "Dozens of sorties along the DMZ were counted on Monday.",
])
def test_flights_massed_at_the_border_are_posture(scorer, text):
    assert [c for c in scored(scorer, text).cues if c["kind"] == "posture" and "border" in c["matched"].lower()
            or c["kind"] == "posture" and "dmz" in c["matched"].lower()]


def test_an_airline_launching_flights_is_no_posture(scorer):
    assert not scored(scorer, "The airline launches daily flights to the island in June.").cues


# --- 'as if' (pretence) reaches back as a derogation; a marker may start with 'as' (reach.py) ---

@pytest.mark.parametrize("text, fragment", [
    ("It is absurd to hold talks as if nothing had happened.", "talks"),
    ("They trumpeted the signing of the agreement as though they had waited for it for years.", "agreement"),
])
def test_cooperation_told_as_if_is_a_pretence(scorer, text, fragment):
    cue = cue_of(scored(scorer, text), fragment)
    assert cue["contribution"] > 0 and any(m["kind"] == "derogation" for m in cue["markers"])


def test_as_after_a_cue_still_ends_a_forward_marker(scorer):
    # 'as' between a marker and a cue still ends the marker's reach: only the marker's own words no longer do
    result = scored(scorer, "Seoul did not attend, as the talks resumed in Geneva.")
    assert cue_of(result, "talks")["contribution"] < 0


# --- KCNA's cooperative-scored stratum (seed 52): cooperation called impossible, a memorandum that speaks, a treaty
#     that should be scrapped ---

@pytest.mark.parametrize("text, fragment", [
    ("It is impossible to improve the relations as long as these forces stay in power.", "improve the relations"),
    ("With that group left in office it is quite impossible to hold negotiations.", "negotiations"),
])
def test_cooperation_called_impossible_is_a_mild_rejection(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["contribution"] > 0
    assert result.hostility > 0.1  # was cooperative


def test_a_hostile_act_called_impossible_to_tolerate_keeps_its_weight(scorer):
    result = scored(scorer, "It is impossible to tolerate such provocations any longer.")
    assert cue_of(result, "provocations")["factor"] == 1.0


@pytest.mark.parametrize("text", [
    "The institute issued a memorandum on Monday listing the crimes of the regime.",
    "The memorandum said the authorities had wrecked every channel of contact.",
])
def test_a_memorandum_that_speaks_is_no_agreement(scorer, text):
    assert not [c for c in scored(scorer, text).cues if c["kind"] == "agreement"]


def test_a_memorandum_signed_stays_an_agreement(scorer):
    assert cue_of(scored(scorer, "The two ministries signed a memorandum on fisheries."), "memorandum")["weight"] < 0


@pytest.mark.parametrize("text, fragment", [
    ("The criminal treaty should be scrapped at once.", "treaty"),
    ("The unequal agreement must be annulled without delay.", "agreement"),
])
def test_a_treaty_to_be_scrapped_is_cooperation_undone(scorer, text, fragment):
    cue = cue_of(scored(scorer, text), fragment)
    assert cue["contribution"] > 0 and any(m["kind"] == "derogation" for m in cue["markers"])


def test_a_treaty_that_should_be_signed_stays_cooperation(scorer):
    assert cue_of(scored(scorer, "The treaty should be signed this year."), "treaty")["contribution"] < 0


# --- standing against cooperation opposes it (KCNA sample, seed 53) ---

@pytest.mark.parametrize("text, fragment", [
    ("Since it came to power the group has stood against the joint declaration.", "joint declaration"),
    ("The ruling party keeps standing against reconciliation with the North.", "reconciliation"),
])
def test_standing_against_cooperation_opposes_it(scorer, text, fragment):
    cue = cue_of(scored(scorer, text), fragment)
    assert cue["contribution"] > 0 and any(m["kind"] == "opposition" for m in cue["markers"])


def test_standing_together_against_a_threat_is_no_opposition_of_the_allies(scorer):
    result = scored(scorer, "The allies stand together against the threat.")
    assert not [m for c in result.cues for m in c["markers"] if m["kind"] == "opposition"]
