"""Issue 14, fifth round: force posture (guideline class +2) against use of force (+3), and derogation (+2) against
insult (+3). Sentences written for these tests."""
import pytest

from tension.score.scorer import CAPPED_KINDS, VERBAL_CAP, Scorer, aggregate, aggregate_sides, load_cues


def kinds(result) -> set[str]:
    return {c["kind"] for c in result.cues if c["contribution"] > 0}


def test_force_posture_alone_is_capped_below_a_launch(scorer):
    drills = scorer.score("The allies staged their largest war games yet, with a carrier group and strategic bombers "
                          "flying over the sea, in a show of force.")
    assert kinds(drills) == {"posture"}
    hostile_side, cooperative_side = aggregate_sides([c["contribution"] for c in drills.cues])
    assert hostile_side > VERBAL_CAP  # uncapped it would weigh more
    # the hostile side is capped; the cooperative cue beside it ('allies', -0.1) is added after the cap
    assert drills.cue_sum == round(VERBAL_CAP + cooperative_side, 4) and cooperative_side < 0
    launch = scorer.score("The North test-fired an intercontinental ballistic missile into the sea.")
    assert "military" in kinds(launch)
    assert launch.cue_sum > VERBAL_CAP
    assert launch.hostility > drills.hostility
    shelling = scorer.score("The army shelled the island during the drills.")  # force lifts the cap
    assert shelling.cue_sum > VERBAL_CAP


def test_posture_beside_words_alone_stays_capped(scorer):
    result = scorer.score("The warmongers deployed more bombers in a reckless military build-up.")
    assert kinds(result) <= CAPPED_KINDS
    assert result.cue_sum == VERBAL_CAP


def test_posture_rows_are_not_launches_or_tests():
    """The posture kind holds drills, deployments, build-ups and assets; every launch, test or firing row is not."""
    posture = [c.pattern for c in load_cues() if c.kind == "posture"]
    assert len(posture) > 25
    words = {w for p in posture for w in p.replace("|", " ").split()}  # "live-fire drill" is a drill
    assert not [w for w in words if w.startswith(("launch", "fire", "test", "shell"))]


def test_a_weapon_named_is_posture_a_weapon_fired_is_force(scorer):
    shown = scorer.score("The parade showed new ballistic missiles, rocket launchers and artillery in a show of force.")
    assert kinds(shown) <= CAPPED_KINDS
    assert shown.cue_sum == VERBAL_CAP
    fired = scorer.score("The army fired ballistic missiles and artillery rounds in a show of force.")
    assert fired.cue_sum > VERBAL_CAP


@pytest.mark.parametrize("text", ["A nuclear submarine of the fleet will call at the port next week.",
                                  "Two nuclear bombers flew over the peninsula.",
                                  "A nuclear aircraft carrier entered the harbour."])
def test_a_strategic_asset_is_one_cue(scorer, text):
    [cue] = [c for c in scorer.score(text).cues if c["contribution"] > 0]
    assert cue["cue"].startswith("nuclear ") and cue["contribution"] == 0.45


@pytest.mark.parametrize("text", ["The spokesman called the minister a political clown.", "Their envoy is a laughing stock."])
def test_ridicule_rows_match_each_choice(scorer, text):
    assert any(c["kind"] == "insult" and c["contribution"] >= 0.7 for c in scorer.score(text).cues)


def test_a_charge_is_cameo_173_a_verdict_116(scorer):
    [charged] = scorer.score("Prosecutors indicted the former minister on bribery charges.").cues
    assert (charged["cameo"], charged["contribution"]) == ("173", 0.5)  # charge with legal action, -5.0
    [verdict] = scorer.score("The court convicted the former minister of bribery.").cues
    # find guilty, -2.0 raised to the guideline's class +2 for a sentence or a fine (decision 10; 0.3 before the tenth round)
    assert (verdict["cameo"], verdict["contribution"]) == ("116", 0.5)


def test_a_war_of_history_does_not_lift_the_cap(scorer):
    result = scorer.score("The cabinet approved the largest military build-up since the Korean War.")
    assert "name" in kinds(result) and kinds(result) <= CAPPED_KINDS
    assert aggregate([c["contribution"] for c in result.cues]) > VERBAL_CAP
    assert result.cue_sum == VERBAL_CAP


def test_a_ruling_struck_down_is_not_force(scorer):
    ruled = scorer.score("The high court struck down the ban on Tuesday.")
    assert not [c for c in ruled.cues if c["contribution"] > 0]
    assert scorer.score("A shell struck the village on Tuesday.").hostility > 0.3  # a hit is still force
