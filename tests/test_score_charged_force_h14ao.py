"""Fortieth round (issue 14): the speaker's account of the other side's force. A statement that names its target by a
house name (an epithet cue) and tells of shelling, invasion, suppression or abduction is a charge (the guideline's
class +2, its example 5), not the speaker's use of force (+3): those force cues (kinds fight, assault, coercion) keep
the cap of words (marker kind "target's act"), so the charge no longer ranks above a threat or an insult. Counted in a
blind gold-free KCNA draw (docs/evaluation-scoring.md, round 40). Every sentence here is written for the test (no
corpus text)."""
import pytest

from tension.score.rules import VERBAL_CAP
from tension.score.scorer import Scorer


def _charged(result) -> list[dict]:
    return [c for c in result.cues if any(m["marker"] == "told beside a house name for a target" for m in c["markers"])]


CHARGES = [
    "The puppet clique shelled the fishing harbour last spring and blamed it on others.",
    "Its fascist police answered the students with a fresh crackdown in the capital.",
    "The traitors paid hired agents for terrorism and the abduction of fishermen's relatives.",
]


@pytest.mark.parametrize("text", CHARGES)
def test_a_charge_of_force_under_a_house_name_keeps_the_cap(scorer: Scorer, text: str) -> None:
    result = scorer.score(text, "asserted", ["KOR"], "PRK")
    charged = _charged(result)
    assert charged and all(c["kind"] in {"fight", "assault", "coercion"} for c in charged)
    assert all(c["contribution"] == c["weight"] for c in charged)  # the weight is kept: only the cap
    assert result.capped and result.cue_sum <= VERBAL_CAP + 1e-9
    assert 0.5 < result.hostility < 0.75  # with the other class-2 statements, under a threat


def test_a_threat_beside_the_charge_still_lifts_the_cap(scorer: Scorer) -> None:
    text = "The puppet clique that shelled the harbour will face merciless punishment and be wiped out."
    result = scorer.score(text, "asserted", ["KOR"], "PRK")
    assert _charged(result) and not result.capped
    charge = scorer.score(CHARGES[0], "asserted", ["KOR"], "PRK")
    assert result.hostility > charge.hostility + 0.1


@pytest.mark.parametrize("text", [
    # no house name: a report of the act keeps it as force
    "North Korea fired artillery shells at the island on Tuesday.",
    "Troops shelled the border town overnight, killing two soldiers.",
    # the first person: the speaker's own force, a threat
    "We shall smash the traitors' strongholds with our guns if they move.",
    "Let our gunners pound the puppets' positions until nothing stands.",
    # a launch (kind military) is left alone
    "The puppet clique test-fired a missile into the sea.",
])
def test_force_that_is_not_a_charge_under_a_house_name_is_kept(scorer: Scorer, text: str) -> None:
    assert not _charged(scorer.score(text, "asserted", ["KOR"], "PRK"))


def test_the_statement_without_targets_is_read_the_same(scorer: Scorer) -> None:
    """The rule reads the statement's own cues, not its targets: `tension score` without targets marks it too."""
    assert _charged(scorer.score(CHARGES[1]))
