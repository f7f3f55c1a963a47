"""Twenty-first round (branch h14u): KCNA's negated threat and warning formulas, found on gold-free KCNA samples and
labelled before their scores were read. Every sentence here is written for the test (no corpus text); two or more
sentences per form and counter-cases."""
import pytest

from conftest import scored
from tension.score.hedges import in_concession


# --- a negation that reaches no cue does not halve the hostile words beside it ---

@pytest.mark.parametrize("text", [
    "The warmongers will never be able to escape the merciless punishment of the people.",
    "The puppet clique will not be able to evade stern retaliation by our army.",
    "The relations will never improve unless the traitors stop their reckless war moves.",
])
def test_negated_threat_formula_keeps_its_weight(scorer, text):
    """Halved by the statement's negation (0.3 .. 0.45 on main, below plain accusations); the threat is class 3."""
    result = scored(scorer, text)
    assert result.modality == "negated"
    assert result.modality_factor == 1.0
    assert result.hostility > 0.6


@pytest.mark.parametrize("text", [
    "North Korea did not fire a missile on Monday.",
    "The army has not staged any provocation since the talks.",
])
def test_a_negation_that_reaches_the_cue_still_cancels_it(scorer, text):
    """Counter-case: a denied act is not an act; the negation marker reaches the hostile cue."""
    result = scored(scorer, text)
    assert result.hostility < 0.2


@pytest.mark.parametrize("text", [
    "The minister will never forget the kindness of the neighbouring people.",
    "Officials said they could not attend the ceremony.",
])
def test_a_negated_statement_without_hostile_cues_keeps_its_factor(scorer, text):
    """Counter-case: nothing hostile to keep; the statement's factor applies as before."""
    result = scored(scorer, text)
    assert result.hostility < 0.3


# --- blocking a cooperative thing is acting against it ---

@pytest.mark.parametrize("text", [
    "The authorities are blocking the dialogue between the two sides.",
    "The new law is designed to block reconciliation between the north and the south.",
    "Their measures block the way of achieving peace on the peninsula.",
])
def test_blocking_cooperation_is_hostile(scorer, text):
    """Read as the dialogue, the improvement or the peace itself (cooperative); the guideline's class 2."""
    result = scored(scorer, text)
    assert result.hostility > 0.2


def test_a_stumbling_block_keeps_its_own_row(scorer):
    """Counter-case: 'a stumbling block to' is its own marker, which the new row does not shadow."""
    result = scored(scorer, "The regime remains a stumbling block to reconciliation.")
    assert result.hostility > 0.2


# --- a hedge in a concessive clause concedes; the main clause is asserted ---

@pytest.mark.parametrize("text", [
    "No matter how desperately the traitors may try, they will face merciless punishment.",
    "Whatever the puppets may say, our army will deal a retaliatory strike at the aggressors.",
    "However loudly the warmongers might shout, they cannot hide their war provocations.",
])
def test_a_concession_does_not_halve_the_statement(scorer, text):
    """Read hypothetical through the concession's 'may' and halved; the guideline rates the main clause."""
    result = scored(scorer, text)
    assert result.modality == "hypothetical"
    assert result.modality_factor == 1.0


@pytest.mark.parametrize("text, hedge", [
    ("However , the army may stage another drill next week .", "may"),
    ("The regime may launch a missile , no matter what the envoys said .", "may"),
    ("No matter how hard they try . The talks may fail .", "may"),
])
def test_a_hedge_outside_a_concession_is_the_statement_s(text, hedge):
    """Counter-case: 'however' with a comma is a sentence adverb, a concession after the hedge or in another sentence
    is no cover."""
    words = text.lower().split()
    assert not in_concession(words, words.index(hedge))


def test_the_concession_opener_is_found_in_the_hedge_s_clause():
    words = "no matter how desperately the group may try , it will fail .".split()
    assert in_concession(words, words.index("may"))
