"""Scoring round 46 (h14aw): a charge in words at the cap names the cooperation in it as what the other side is
charged with (tension/score/sums.py, CAPPED_CHARGE_KINDS). KCNA's charges name the reconciliation, the dialogue or the
improved relations the other side is said to block, defy or go against, before the charge word or in another clause,
where round 42's charged_cooperation (cooperation after a charge cue, in its clause) does not reach; counted as
cooperation, they pulled class-2 charges under 0.3 (a blind gold-free draw, seed 4646: 5 of 5 such KCNA rows class 2).
Every sentence here is written for the test (no corpus text). Real VADER, real tables."""
from __future__ import annotations

import pytest

from tension.score.scorer import VERBAL_CAP

from conftest import cooperative  # and its session `scorer` fixture


# The hard cases first: each fails on main (a67af3c), where the named cooperation counts and the charge scores near 0.
@pytest.mark.parametrize("text", [
    "The treaty justified the aggression of the warmongers and blocked the reconciliation of the nation.",
    "Those traitors pursued confrontation and aggression, going against the trend of improving relations.",
    "Dialogue and reconciliation mean nothing to the puppet traitors, who are hell-bent on confrontation and aggression.",
])
def test_the_cooperation_a_capped_charge_names_counts_nothing(scorer, text):
    score = scorer.score(text, "asserted", ["KOR"], "PRK")
    assert score.capped
    named = cooperative(score)
    assert named and all(c["contribution"] == 0 for c in named)
    assert all(any(m["marker"] == "named in a charge at the cap" for m in c["markers"]) for c in named)
    assert score.cue_sum == pytest.approx(VERBAL_CAP)
    assert score.hostility > 0.55  # where capped class-2 charges sit (the pooled blind keys' class-2 median, 0.573)


def test_the_charge_scores_as_the_same_charge_without_the_cooperation(scorer):
    named = scorer.score("Those traitors pursued confrontation and aggression, going against the trend of improving "
                         "relations.", "asserted", ["KOR"], "PRK")
    bare = scorer.score("Those traitors pursued confrontation and aggression, going against the trend.",
                        "asserted", ["KOR"], "PRK")
    assert named.cue_sum == bare.cue_sum
    assert named.hostility == pytest.approx(bare.hostility, abs=0.1)  # VADER reads the words, the cues do not


# What keeps its cooperation (these pass on main too: the rule must not reach them).
def test_the_speakers_own_offer_beside_its_charge_still_counts(scorer):
    """First person: the speaker's own offer of talks beside its charge (as round 42's charged_cooperation)."""
    score = scorer.score("We denounce the traitors' aggression and remain ready for dialogue.", "asserted", ["KOR"],
                         "PRK")
    assert score.capped and any(c["contribution"] < 0 for c in cooperative(score))


def test_posture_at_the_cap_is_no_charge(scorer):
    """Drills and bombers (posture) at the cap beside the allies' cooperation: no accusation or epithet, no charge."""
    score = scorer.score("The allies staged large-scale joint drills and flew strategic bombers, pledging closer "
                         "cooperation.", "asserted", ["PRK"], "USA")
    assert score.capped and any(c["contribution"] < 0 for c in cooperative(score))


def test_a_charge_under_the_cap_keeps_the_cooperation_beside_it(scorer):
    score = scorer.score("The spokesman called the regime reckless but welcomed the aid.", "asserted", ["KOR"], "PRK")
    assert not score.capped and any(c["contribution"] < 0 for c in cooperative(score))


def test_an_act_lifts_the_cap_and_the_cooperation_counts(scorer):
    score = scorer.score("The army shelled the island although the two sides had agreed to hold talks.", "asserted",
                         ["KOR"], "PRK")
    assert not score.capped and any(c["contribution"] < 0 for c in cooperative(score))


def test_cooperation_before_a_charge_at_the_cap_counts_nothing_by_this_rule_not_round_42s(scorer):
    """Round 42's guard sentence (tests/test_score_charged_cooperation_h14as.py) as it was: the talks come before the
    charge, so round 42's charged_cooperation leaves them, but the charge (slammed, a provocation) reaches the cap, and
    the statement is a charge toward the target: by the guideline's strongest element class +2, where the talks held
    it at about 0.2. Marked as this rule's, not as round 42's ('charged')."""
    score = scorer.score("The envoy held talks in Beijing before the spokesman slammed the drills as a provocation.",
                         "asserted", ["KOR"], "PRK")
    talks = cooperative(score)
    assert score.capped and talks and all(c["contribution"] == 0 for c in talks)
    assert all({m["kind"] for m in c["markers"]} == {"capped charge"} for c in talks)


def test_cooperation_told_after_a_contrast_is_another_act_and_counts(scorer):
    """The seventh round's review (M1, tests/test_score_review.py): 'accused ... but welcomed the aid' keeps the aid;
    'talked of dialogue but pursued confrontation' does not keep the dialogue told before the 'but'."""
    kept = scorer.score("Busan accused Lyon of aggression, war crimes, provocations and hostility but welcomed the aid.")
    assert kept.capped and any(c["contribution"] < 0 for c in cooperative(kept))
    named = scorer.score("The traitors talked of reconciliation, but pursued confrontation, aggression and war.",
                         "asserted", ["KOR"], "PRK")
    assert named.capped and all(c["contribution"] == 0 for c in cooperative(named))


@pytest.mark.parametrize("text, contrast", [
    ("accused them of aggression but welcomed the aid", True),
    ("the charges were grave, yet the offer stands", True),
    ("their talk of dialogue is nothing but a smokescreen", False),
    ("the people cannot but condemn it", False),
    ("all but buried the declaration", False),
    ("not only the drills but also the talks", False),
    ("has not yet honoured the declaration", False),
])
def test_what_is_a_contrast(text, contrast):
    """KCNA's 'nothing but', 'cannot but', 'all but', 'not only ... but also' and 'not yet' open no second act."""
    from tension.score.sums import CONTRAST_WORDS

    assert bool(CONTRAST_WORDS.search(text)) is contrast


def test_cannot_but_keeps_the_cooperation_the_charges_object(scorer):
    score = scorer.score("The nation cannot but see the traitors confrontation, aggression and war as the end of "
                         "reconciliation.", "asserted", ["KOR"], "PRK")
    assert score.capped and cooperative(score) and all(c["contribution"] == 0 for c in cooperative(score))
