"""Scoring round 47 (h14ax): a charge under the cap that names the other side by a house epithet names the cooperation
in it as what that side is charged with (tension/score/sums.py, epithet_charge). Round 46 counted such cooperation 0
only at the cap; under it, KCNA's charges with a milder epithet ("fascist", "the Lee group", "anti-reunification",
"reactionary") kept the reconciliation, dialogue or declaration they name as cooperation and read near 0 or cooperative
(a blind gold-free draw, seed 4701: 13 of 15 such rows class >= 2). Every sentence here is written for the test (no
corpus text). Real VADER, real tables."""
from __future__ import annotations

import pytest

from tension.config import DATA_DIR, read_tsv
from tension.score.lexicon import load_cues
from tension.score.sums import POLICY_WORDS, epithet_charge

from conftest import cooperative  # and its session `scorer` fixture


# The hard cases first: each fails on main (2568cea), where the named cooperation counts and the charge reads near 0 or
# cooperative.
@pytest.mark.parametrize("text", [
    "This is a monstrous fascist act that chills the desire of the people for reconciliation and peace.",
    "Under the anti-reunification policy, the reconciliation achieved by the joint declaration disappeared.",
    "It is impossible to achieve peace and reunification as long as the reactionary rulers stay in power.",
])
def test_the_cooperation_an_epithet_charge_names_counts_nothing(scorer, text):
    score = scorer.score(text, "asserted", ["KOR"], "PRK")
    assert not score.capped  # under the cap: round 46's rule does not reach it
    coop = cooperative(score)
    assert coop and all(c["contribution"] >= 0 for c in coop)  # nothing in it counts as cooperation
    marked = [c for c in coop if any(m == {"marker": "named beside a house epithet", "kind": "epithet charge"}
                                     for m in c["markers"])]
    assert marked and all(c["contribution"] == 0 and c["factor"] == 0 for c in marked)
    assert score.cue_sum > 0 and score.hostility > 0.3  # the epithet's weight, no longer cancelled


def test_the_charge_scores_as_the_same_charge_without_the_cooperation(scorer):
    named = scorer.score("This is a monstrous fascist act that chills the desire of the people for reconciliation and "
                         "peace.", "asserted", ["KOR"], "PRK")
    bare = scorer.score("This is a monstrous fascist act that chills the desire of the people.", "asserted", ["KOR"],
                        "PRK")
    assert named.cue_sum == bare.cue_sum


# What keeps its cooperation (these pass on main too: the rule must not reach them).
def test_a_policy_word_alone_is_no_epithet_charge(scorer):
    """'confrontation' names a policy and stands in KCNA's own appeals ("relations of distrust and confrontation will
    turn into reconciliation"): the draw's and the judged sample's class -1..1 rows the first build lifted."""
    score = scorer.score("The relations of distrust and confrontation will turn into reconciliation and cooperation if "
                         "the south responds.", "asserted", ["KOR"], "PRK")
    assert any(c["contribution"] < 0 for c in cooperative(score))


def test_the_speakers_own_cooperation_beside_an_epithet_still_counts(scorer):
    score = scorer.score("We will achieve reconciliation and unity with our compatriots in spite of the fascist "
                         "rulers.", "asserted", ["KOR"], "PRK")
    assert any(c["contribution"] < 0 for c in cooperative(score))


def test_cooperation_told_after_a_contrast_still_counts(scorer):
    score = scorer.score("This is a fascist act, but the talks will go on.", "asserted", ["KOR"], "PRK")
    assert any(c["contribution"] < 0 for c in cooperative(score))


def cue(kind: str, contribution: float, pattern: str = "x") -> dict:
    return {"cue": pattern, "kind": kind, "contribution": contribution}


def test_which_statements_are_epithet_charges():
    assert epithet_charge([cue("epithet", 0.4, "fascis*|nazi*|neo-nazi*"), cue("cooperation", -0.5)])
    # a demand's cooperative object is what the other side is asked to do, not a charge (the draw's class-1 demand)
    assert not epithet_charge([cue("epithet", 0.4, "fascis*|nazi*|neo-nazi*"), cue("demand", 0.2),
                               cue("cooperation", -0.5)])
    # an accusation alone is not enough under the cap (the wire's "accused", "alleged")
    assert not epithet_charge([cue("accusation", 0.4), cue("cooperation", -0.5)])
    # a policy word alone is none, beside a house name it is
    assert not epithet_charge([cue("epithet", 0.4, "confrontation~|confrontational"), cue("cooperation", -0.5)])
    assert epithet_charge([cue("epithet", 0.4, "confrontation~|confrontational"), cue("epithet", 0.2, "x"),
                           cue("cooperation", -0.5)])
    # a counted epithet only (one a marker turned to 0 names nobody)
    assert not epithet_charge([cue("epithet", 0.0, "puppet~"), cue("cooperation", -0.5)])


def test_the_policy_words_are_epithets_of_the_cue_table():
    """tension/data/cues_policy_words.tsv names cues.tsv patterns of kind epithet exactly: a row that names no cue
    would keep nothing."""
    epithets = {c.pattern for c in load_cues() if c.kind == "epithet"}
    rows = read_tsv(DATA_DIR / "cues_policy_words.tsv")
    assert rows and {r["cue"] for r in rows} == POLICY_WORDS
    assert POLICY_WORDS <= epithets, sorted(POLICY_WORDS - epithets)
