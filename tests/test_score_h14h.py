"""Eighth round (issue 14): the hostility the scorer still missed (judge causes, review leftovers). Every sentence
here is written for the test (no corpus text); each rule is tested with two sentences of its class."""
import pytest

from conftest import cue_of


@pytest.mark.parametrize("text", ["Busan considers Chongqing a grave threat.", "Tokyo considered Beijing a threat to peace."])
def test_a_proper_name_after_consider_is_no_hedge(scorer, text):
    # '*ing' in 'consider~ whether|if|*ing' matched "Beijing" too: the threat after the name was hedged (x0.5)
    found = cue_of(scorer.score(text), "threat")
    assert found["factor"] >= 1.0 and not any(m["kind"] == "hypothetical" for m in found["markers"])


@pytest.mark.parametrize("text", ["Busan is considering launching a missile.", "Tokyo considered sending troops to the island."])
def test_an_ing_verb_after_consider_still_hedges(scorer, text):
    result = scorer.score(text)
    assert any(m["kind"] == "hypothetical" for c in result.cues for m in c["markers"])


@pytest.mark.parametrize("text, cue", [("Busan has not yet rejected the talks.", "rejected"),
                                       ("Tokyo has not yet launched a missile toward the island.", "launched")])
def test_not_yet_negates_the_cue(scorer, text, cue):
    # 'yet' was a clause break for markers: the 'not' before it never reached the cue, so a refusal not (yet) made
    # counted as made (+0.57 with the talks flipped hostile) and a launch not made as a launch
    result = scorer.score(text, "negated")
    assert cue_of(result, cue)["contribution"] == 0
    assert result.hostility <= 0.05


def test_yet_as_a_conjunction_still_ends_the_reach(scorer):
    result = scorer.score("Busan would not talk yet launched a missile.")
    assert cue_of(result, "launched")["contribution"] > 0.5


def test_house_vocabulary_has_singulars_and_evaluative_verbs_are_verbs():
    # the extractor's word lists (tension/data/house_vocabulary.tsv, evaluative_words.tsv): the house words had only
    # plurals ("maniacs", not "maniac"); 'urg*' and 'call*' matched "urgent", "callous"
    from tension.extract.kinds import load_kinds

    kinds = load_kinds()
    for text in ("a war maniac on the loose", "the imperialist aggressor", "a gangster regime"):
        assert kinds.house.search(text), text
    for text in ("an urgent meeting of the cabinet", "a callous remark about the weather"):
        assert not kinds.evaluative.search(text), text
    for text in ("Busan urged Tokyo to leave", "Tokyo called the drills a provocation"):
        assert kinds.evaluative.search(text), text


@pytest.mark.parametrize("text, cue", [("Busan called the talks nothing but a farce.", "talks"),
                                       ("Tokyo dismissed the summit as a publicity stunt.", "summit")])
def test_a_derogated_cooperation_is_hostile(scorer, text, cue):
    # judge: derogation and dismissal with no cue ("nothing but a farce") scored cooperative (the talks, -0.43)
    result = scorer.score(text)
    assert cue_of(result, cue)["contribution"] > 0
    assert result.hostility > 0.3


def test_a_derogation_of_something_else_leaves_the_cooperation(scorer):
    result = scorer.score("Busan said the dialogue would go on despite the farce in its parliament.")
    assert cue_of(result, "dialogue")["contribution"] < 0


@pytest.mark.parametrize("text, cue", [("Busan began dismantling the hall built for family reunions.", "reunions"),
                                       ("Tokyo tore down the monument to their friendship.", "friendship")])
def test_tearing_down_what_served_cooperation_is_hostile(scorer, text, cue):
    # judge: dismantling a facility built for reunions (a hostile act) scored cooperative (the reunions, -0.38)
    result = scorer.score(text)
    assert cue_of(result, cue)["contribution"] > 0 and result.hostility > 0.2


def test_dismantling_a_weapon_undoes_it(scorer):
    # 'dismantle' is a reversal (as 'lift', 'ease'): taking a weapon apart de-escalates; 'destroy' keeps a hostile
    # cue's sign ("vowed to destroy the missile bases" is no disarmament)
    found = cue_of(scorer.score("Busan vowed to dismantle the nuclear weapons."), "nuclear weapons")
    assert found["contribution"] < 0
    assert cue_of(scorer.score("Busan vowed to destroy the missile bases."), "missile")["contribution"] > 0


@pytest.mark.parametrize("text", ["Busan silenced its loudspeakers along the border.",
                                  "Tokyo has suspended the propaganda broadcasts toward Busan."])
def test_silenced_propaganda_is_a_de_escalation(scorer, text):
    # T1: a headline on border loudspeakers silenced (class -2) scored 0: loudspeaker broadcasts and leaflets are
    # psychological warfare (a cue, 0.3); silenced, suspended or dismantled they are a de-escalation
    result = scorer.score(text)
    assert result.hostility < 0
    assert scorer.score("Busan resumed its loudspeaker broadcasts along the border.").hostility > 0


@pytest.mark.parametrize("text", ["Busan said Tokyo had wrecked relations between the two sides.",
                                  "Tokyo's remarks have damaged bilateral ties, the Busan ministry said."])
def test_wrecking_relations_is_hostile(scorer, text):
    # judge: an accusation that X "wrecked relations" scored 0 or cooperative ('relations' alone is no cue, so the
    # opposition marker 'wreck~' had nothing to turn; 'bilateral ties' read cooperative)
    result = scorer.score(text)
    assert any(c["kind"] == "tension" and c["contribution"] > 0.3 for c in result.cues)
    assert result.hostility > 0.3


@pytest.mark.parametrize("text", ["Busan's military said Tokyo fired what appeared to be a ballistic missile.",
                                  "Tokyo launched what it called a new cruise missile, Busan officials said."])
def test_a_launch_in_the_wires_hedge_is_a_launch(scorer, text):
    # judge: a reported launch (+3) scored as a topic: 'what appeared to be a' is five words, the launch row's gap three
    result = scorer.score(text, "reported")
    assert any(c["kind"] == "military" and c["contribution"] >= 0.7 for c in result.cues)
    assert not result.capped


@pytest.mark.parametrize("text", ["The launch came days after Tokyo held talks with Busan.",
                                  "The latest launch was the third this month, Busan said."])
def test_a_launch_named_before_is_an_act(scorer, text):
    # judge: "the launch came days after ..." scored 0 or cooperative (the talks); the noun alone names the launch
    result = scorer.score(text)
    assert any(c["kind"] == "military" and c["contribution"] > 0.5 for c in result.cues)
    assert result.hostility > 0.5


@pytest.mark.parametrize("text, cue", [("Busan denounced Tokyo's policy as a betrayal of the joint declaration.",
                                        "joint declaration"),
                                       ("Tokyo said Busan had trampled on the agreement.", "agreement")])
def test_a_betrayed_agreement_is_not_cooperation(scorer, text, cue):
    # judge: a condemnation of a policy scored cooperative (the declaration it betrays counted as an agreement)
    result = scorer.score(text)
    assert cue_of(result, cue)["contribution"] > 0 and result.hostility > 0.3


@pytest.mark.parametrize("text", ["Busan officials reviewed the summit documents on Tuesday.",
                                  "The talks venue was moved from Busan to a hotel."])
def test_a_record_or_place_of_talks_is_no_cooperation(scorer, text):
    # judge: a neutral remark about summit documents scored cooperative (-0.40: 'summit' as a topic word)
    result = scorer.score(text)
    assert result.hostility == 0 and all(c["contribution"] == 0 for c in result.cues)


@pytest.mark.parametrize("text", ["Busan is supplying Tokyo with artillery shells, officials said.",
                                  "Busan shipped Tokyo a lot of munitions and supplied Tokyo with a large number of drones."])
def test_arms_supplied_to_the_target_are_aid_to_it(scorer, text):
    # T1: arms supplied to a state named as the verb's object were a fight (shells) and posture (artillery) toward its
    # recipient; the recipient is the verb's object, inside the cue, and arms sent to the one target are aid to it
    toward = scorer.score(text, targets=["JPN"], speaker_country="KOR")
    transfers = [c for c in toward.cues if c["kind"] == "transfer"]
    assert transfers and all(c["contribution"] < 0 for c in transfers)
    assert toward.hostility < 0
    # toward a third country the same transfer is hostile (arms for a war against it)
    against = scorer.score(text, targets=["CHN"], speaker_country="USA")
    assert against.hostility > 0.2


@pytest.mark.parametrize("text", ["Busan and Tokyo confirmed work on a free trade area.",
                                  "The two ministers signed a free trade agreement in Busan."])
def test_a_free_trade_area_is_cooperation(scorer, text):
    # T1: leaders confirming work on a free trade area (class -2) scored 0
    assert scorer.score(text).hostility < -0.2
