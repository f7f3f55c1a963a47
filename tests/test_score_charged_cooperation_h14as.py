"""Forty-second round (issue 14): denials a user meets, and cooperation named inside a charge.

A tester met "has no intention of attacking" and "it is not true that ... threatened" scored as the attack and the
threat; "did not threaten" already counted 0. Each frame is one negation row of tension/data/cues_modifiers.tsv.

A cooperative cue after a counted accusation cue in the same clause ("slammed the chief's talk about dialogue", "a
mockery of the joint declaration") is what the charge is about, not the speaker's cooperation: it counts 0 (marker kind
"charged"), as the other side's cooperation told by the speaker does (rules.TARGETS_COOPERATION_FACTOR). Counted in two
blind gold-free draws (docs/evaluation-scoring.md, round 42). Every sentence here is written for the test (no corpus
text), apart from the tester's own sentences, quoted in the issue's thread.
"""
import pytest

from tension.score.scorer import Scorer


def _charged(result) -> list[dict]:
    return [c for c in result.cues if any(m["kind"] == "charged" for m in c["markers"])]


@pytest.mark.parametrize("text", [
    "The DPRK has no intention of attacking the South.",
    "It is not true that North Korea threatened Seoul.",
    "It is untrue that the North fired shells at the island.",
    "The army has no intentions of invading anyone.",
])
def test_a_denial_frame_cancels_the_act(scorer: Scorer, text: str) -> None:
    result = scorer.score(text)
    hostile = [c for c in result.cues if c["weight"] > 0]
    assert hostile and all(c["negated"] and c["contribution"] == 0 for c in hostile)
    assert result.hostility < 0.2


@pytest.mark.parametrize("text", [
    "The North warned it would attack if provoked, and said this was not true of its neighbours' claims.",
    "Nothing is more true than that the puppets threatened the fishermen.",
])
def test_emphasis_and_far_words_are_no_denial(scorer: Scorer, text: str) -> None:
    result = scorer.score(text)
    assert any(c["contribution"] > 0 for c in result.cues if c["weight"] > 0 and c["kind"] != "accusation")


@pytest.mark.parametrize("text", [
    "The commentary slammed the puppet chief's empty talk about dialogue with the north.",
    "The statement denounced the group for its mockery of the joint declaration and reconciliation.",
    "Minju Joson ridiculed the traitor's claim that he wanted improved relations.",
])
def test_cooperation_named_in_a_charge_counts_nothing(scorer: Scorer, text: str) -> None:
    result = scorer.score(text, "asserted", ["KOR"], "PRK")
    charged = _charged(result)
    assert charged and all(c["weight"] < 0 and c["contribution"] == 0 for c in charged)
    assert not any(c["contribution"] < 0 for c in result.cues)
    assert result.hostility > 0.3


def test_the_testers_condemnation_of_a_list_of_states(scorer: Scorer) -> None:
    """The tester's sentence, as `tension score` reads it (no targets): a comma between names of a list ends no
    clause. (With targets the condemnation is read as directed at the first state named only: direction.directed_at,
    not changed here.)"""
    result = scorer.score("North Korea condemned China, Japan and South Korea over their joint declaration")
    assert [c["matched"] for c in _charged(result)] == ["joint declaration"]
    assert result.hostility > 0.3


@pytest.mark.parametrize("text", [
    # the cooperation comes before the charge: not its topic. (Round 46: with the drills slammed as a provocation the
    # charge reaches the cap of words, and a capped charge's cooperation counts 0 by sums.CAPPED_CHARGE_KINDS — tested in
    # tests/test_score_capped_charge_h14aw.py; here a charge under the cap.)
    "The envoy held talks in Beijing before the spokesman slammed the drills.",
    # another clause (a comma ends the charge's reach)
    "The minister criticized the missile test, and proposed talks with Pyongyang next month.",
    # the first person: the speaker's own offer beside its charge
    "We denounce the drills and remain ready for dialogue with the south.",
    # no accusation cue at all
    "The two sides held talks and signed a joint declaration on exchanges.",
])
def test_cooperation_outside_a_charge_is_kept(scorer: Scorer, text: str) -> None:
    result = scorer.score(text, "asserted", ["KOR"], "PRK")
    assert not _charged(result)
    assert any(c["contribution"] < 0 for c in result.cues)


def test_the_charge_cues_are_accusation_cues_of_the_lexicon() -> None:
    """tension/data/cues_charges.tsv names cues.tsv patterns exactly: a row that names no cue would open nothing."""
    from tension.score.lexicon import load_charge_cues, load_cues

    kinds = {c.pattern: c.kind for c in load_cues()}
    charges = load_charge_cues()
    assert charges and all(kinds.get(pattern) == "accusation" for pattern in charges)


@pytest.mark.parametrize("text", [
    "The spokesman slammed the drills, and the talks in Geneva went on as planned.",  # a comma before a lower-case word
    "Critics say the alleged scheme to fund the summit was legal.",  # 'scheme', 'alleged': not charges
])
def test_a_clause_break_or_a_word_that_is_no_charge_keeps_the_cooperation(scorer: Scorer, text: str) -> None:
    result = scorer.score(text, "asserted", ["KOR"], "PRK")
    assert not _charged(result) and any(c["contribution"] < 0 for c in result.cues)
