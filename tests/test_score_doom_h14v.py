"""Twenty-second round (branch h14v): KCNA's curses and threats that hold no cue word (a side destined to perish, a
fate said to be sealed, a side that will not escape its ruin or survive), found on gold-free KCNA samples and labelled
before their scores were read. Every sentence here is written for the test (no corpus text); two or more sentences
per form and counter-cases."""
import pytest

from conftest import scored


@pytest.mark.parametrize("text", [
    "Those who toy with fire are destined to perish in it.",
    "That group is bound to perish before long.",
    "The renegade is fated to die in disgrace.",
])
def test_a_side_destined_to_perish_is_cursed(scorer, text):
    """No cue word: 0.00 on main; the curse weighs as 'bound to meet ruin' (class 2-3)."""
    result = scored(scorer, text)
    assert any(c["kind"] == "threat" for c in result.cues)
    assert result.hostility > 0.45


@pytest.mark.parametrize("text", [
    "Their fate has already been sealed.",
    "Their doom is sealed whatever they may do.",
])
def test_a_sealed_fate_is_cursed(scorer, text):
    """No cue word: 0.00 on main."""
    assert scored(scorer, text).hostility > 0.45


@pytest.mark.parametrize("text", [
    "They will never be able to escape final ruin.",
    "It can never escape from its wretched fate.",
    "They will not be able to survive anywhere on this land.",
])
def test_a_side_that_will_not_escape_its_ruin_or_survive_is_threatened(scorer, text):
    """The statement is negated and no negation marker reaches a cue: the formula holds its own negation, so nothing
    cancels it (round 21's rule keeps the statement's factor at 1.0)."""
    result = scored(scorer, text)
    assert result.modality_factor == 1.0
    assert result.hostility > 0.45


@pytest.mark.parametrize("text", [
    "Thousands of migrants tried to escape poverty last year.",
    "The crew survived the storm, officials said.",
    "The committee discussed the fate of the project.",
    "Many plants perish in a dry summer.",
])
def test_counter_cases_without_the_curse(scorer, text):
    """Counter-cases: an escape, a survival, a fate or a perishing that is no curse on a side."""
    result = scored(scorer, text)
    assert not any(c["cameo"] == "137" for c in result.cues)
    assert result.hostility < 0.3
