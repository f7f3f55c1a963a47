"""Thirteenth round (issue 14): classes of sign and strength errors found on random samples of the development
corpora's stored statements (seeds 7 and 8, 60 counting statements per corpus, and a stratum of KCNA statements scored
cooperative, seed 9; judged against the guideline's hostility scale), not on gold, and one class the independent
judges named ('eliminate the traitors' scored cooperative). Every sentence here is written for the test (no corpus
text); each class is tested with two sentences written differently and a counter-case."""
import pytest

from conftest import cue_of, scored



# --- the content of an undone cooperative thing is what was undone, not cooperation beside it ---

@pytest.mark.parametrize("text, content", [
    ("Pyongyang's assembly voted to scrap every accord with Seoul on promoting economic cooperation.",
     "promoting economic cooperation"),
    ("The North flatly rejected the South's offer of food aid in exchange for a freeze.", "aid"),
    ("Tokyo turned down the proposal for a summit with Seoul.", "summit"),
])
def test_the_content_of_an_undone_agreement_or_offer_counts_nothing(scorer, text, content):
    result = scored(scorer, text)
    assert cue_of(result, content)["contribution"] == 0.0
    assert any("content of the undone" in m["marker"] for m in cue_of(result, content)["markers"])
    assert result.hostility > 0.15  # hostile: the undoing is the news (was cooperative in the corpus sample)


@pytest.mark.parametrize("text, kept", [
    ("Seoul suspended the talks for a week and then offered aid to the flood victims.", "aid"),   # another predicate
    ("Tokyo cancelled the drills, and Seoul welcomed the agreement on fisheries.", "agreement"),  # another clause
])
def test_cooperation_after_another_predicate_or_clause_is_not_the_undone_content(scorer, text, kept):
    assert cue_of(scored(scorer, text), kept)["contribution"] < 0


# --- threats and destruction in the forms the cue rows missed ---

@pytest.mark.parametrize("text, fragment", [
    ("The minister promised to ensure that Tokyo pays a price for the incursion.", "pays a price"),
    ("Pyongyang blew up the liaison office near the border on Tuesday.", "blew up"),
    ("The army has blown up sections of the road leading to the South.", "blown up"),
])
def test_paying_a_price_and_blowing_up_are_hostile(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["contribution"] >= 0.5
    assert result.hostility > 0.15


def test_a_tyre_that_blew_or_a_price_paid_at_a_shop_is_no_threat(scorer):
    for text in ("The tyre blew on the highway near Busan.", "Shoppers in Seoul paid higher prices for rice."):
        assert not [c for c in scored(scorer, text).cues if c["cameo"] in ("138", "1712")]


# --- KCNA's accusations of a hidden aim ---

@pytest.mark.parametrize("text, fragment", [
    ("His sinister intention is plain to every compatriot.", "sinister"),
    ("The puppet clique revealed its wild ambition for unification of systems.", "ambition"),
    ("The group cooked up another case to frame the North.", "cooked up"),
])
def test_a_hidden_aim_is_an_accusation(scorer, text, fragment):
    result = scored(scorer, text)
    cue = cue_of(result, fragment)
    assert cue["kind"] == "accusation" and cue["contribution"] == pytest.approx(0.3)
    assert result.hostility > 0.15  # was 0 in the KCNA sample when nothing else was a cue


def test_a_chef_who_cooks_is_no_accusation(scorer):
    assert not [c for c in scored(scorer, "The chef cooks noodles for the guests in Seoul.").cues
                if c["kind"] == "accusation"]


# --- KCNA's words of contempt: a dismissal or critical framing (decision 10, class 1) ---

@pytest.mark.parametrize("text, fragment", [
    ("This is nothing but the last-ditch effort of a group on its deathbed.", "last-ditch"),
    ("It was a desperate bid to divert the public's attention from the scandal.", "desperate"),
    ("Clear is the aim behind such incoherent remarks by the puppet chief.", "incoherent"),
])
def test_contempt_for_an_effort_is_a_critical_framing(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["contribution"] == pytest.approx(0.25)
    assert result.hostility > 0.15


def test_contempt_stays_below_a_condemnation(scorer):
    contempt = scored(scorer, "It was a desperate bid by the Seoul authorities.").hostility
    condemnation = scored(scorer, "Pyongyang condemned the Seoul authorities as traitors.").hostility
    assert 0 < contempt < condemnation


# --- 'had better' and 'well advised to' are demands: what the other side is told to give up is not given up ---

@pytest.mark.parametrize("text", [
    "The warmongers in Seoul had better abandon their foolish ambition.",
    "The authorities would be well advised to drop their reckless drills at once.",
])
def test_a_demand_to_give_up_a_hostile_aim_stays_hostile(scorer, text):
    result = scored(scorer, text)
    assert result.hostility > 0.15
    assert not [c for c in result.cues if c["weight"] > 0 and c["contribution"] < 0]  # no undoing counted as done


def test_had_better_before_talks_is_a_request_not_a_resumption(scorer):
    asked = scored(scorer, "Seoul had better resume the talks soon.")
    done = scored(scorer, "Seoul resumed the talks on Monday.")
    assert asked.hostility < 0 and done.hostility < asked.hostility  # asked for: less cooperative than done


# --- an obstacle to cooperation, its denial or its rupture turns the cooperation hostile (opposition markers) ---

@pytest.mark.parametrize("text, fragment", [
    ("The clique in Seoul keeps standing in the way of improving ties with Pyongyang.", "improving ties"),
    ("Their smear campaign is a hurdle lying in the way of national reconciliation.", "reconciliation"),
    ("The clique adopted that policy in total denial of the spirit of the joint declaration.", "joint declaration"),
    ("The warmongers brought to rupture the dialogue arranged with much effort.", "dialogue"),
])
def test_an_obstacle_to_cooperation_turns_it_hostile(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["contribution"] > 0
    assert result.hostility > 0.15  # was cooperative in the KCNA stratum sample


@pytest.mark.parametrize("text", [
    "There was little in the way of progress at the talks.",           # the idiom 'in the way of' = 'by way of'
    "The two sides agreed to remove the obstacles to cooperation.",    # removing the obstacle is cooperation
])
def test_the_idiom_or_a_removed_obstacle_keeps_the_cooperation(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["weight"] < 0 and c["contribution"] > 0]
    assert result.hostility < 0


# --- a cooperative cue turned hostile by its own marker stays hostile under a disapproval's topic marker ---

@pytest.mark.parametrize("text, fragment", [
    ("Pyongyang blamed Seoul for obstructing the talks.", "talks"),
    ("The commentary denounced the puppets for the ruptured dialogue.", "dialogue"),
])
def test_a_turned_cue_is_not_turned_back_by_the_topic_of_a_disapproval(scorer, text, fragment):
    assert cue_of(scored(scorer, text), fragment)["contribution"] > 0


def test_the_topic_of_a_disapproval_alone_still_turns_cooperation_hostile(scorer):
    # (counter-case: no polarity marker, the topic's own negative factor turns the talks, as before)
    assert cue_of(scored(scorer, "Pyongyang condemned the talks between Seoul and Tokyo."), "talks")["contribution"] > 0


# --- a call to eliminate the other side is a threat (decision 10: a call to wipe out, class +3) ---

@pytest.mark.parametrize("text", [
    "The army and people will eliminate the traitors once and for all.",
    "To eliminate the puppet group is the first step toward a clean land, the paper says.",
])
def test_eliminating_the_other_side_is_a_threat(scorer, text):
    result = scored(scorer, text)
    assert any(c["kind"] == "threat" and c["contribution"] > 0.25 for c in result.cues)
    assert result.hostility > 0.15  # was cooperative or neutral in the KCNA file


def test_a_team_eliminated_from_a_cup_is_no_threat(scorer):
    result = scored(scorer, "Seoul's archers were eliminated in the first round of the tournament.")
    assert not [c for c in result.cues if c["kind"] == "threat"]
