"""Twenty-seventh round (branch h14za): a launch told with a count, a hedge and the missile's type between the verb
and the noun (more than three words) is a launch, the guideline's class +3, weighed as the short form (0.72). On main
such sentences read the type's topic word only (0.35-0.5, capped below the class-2 level) or the wrong-sense 'fired
at'. Found on gold-free wire draws; every sentence here is written for the test (no corpus text). Counter-cases:
the noun 'launch' of a satellite called a missile, a program under fire, a dismissal, and 'fired at least' (read as
'fired at' on main, a fight cue: left so, see docs/evaluation-scoring.md, round 27) stay where they were."""
import pytest

from conftest import scored


@pytest.mark.parametrize("text", [
    "The North launched a suspected long-range ballistic missile toward the sea on Monday.",
    "The North fired a pair of short-range ballistic missiles early on Sunday.",
    "Pyongyang launched more than a dozen cruise missiles this year.",
    "The North fired a record number of missiles over the summer.",
])
def test_launch_with_a_long_gap_is_a_launch(scorer, text):
    """A launch told with four or more words before the missile reads as the short form (0.72 cue; was 0.45-0.7)."""
    assert scored(scorer, text).hostility > 0.74


def test_long_gap_ranks_with_the_short_form(scorer):
    """The long telling is not below the short one by more than rounding."""
    long = scored(scorer, "The North launched a suspected long-range ballistic missile on Monday.").hostility
    short = scored(scorer, "The North launched a missile on Monday.").hostility
    assert long >= short - 0.02


def test_fired_at_least_keeps_mains_reading(scorer):
    """'fired at least one ... missile' keeps main's reading (the fight row and the type's topic word): a first
    version took it into the launch row (0.86 -> 0.79) and the held-out guard's wire figure fell."""
    kinds = [cue["kind"] for cue in scored(scorer, "The North fired at least one unidentified ballistic missile.").cues]
    assert "fight" in kinds


@pytest.mark.parametrize("text", [
    "Officials called the launch of the satellite a long-range missile test in disguise.",
    "The ministry came under fire for its slow cruise missile program.",
    "The minister fired the head of the agency over the budget.",
])
def test_mentions_and_other_senses_do_not_become_launches(scorer, text):
    """Counter-cases: the noun 'launch' of a satellite, criticism 'under fire', a dismissal: no new launch cue."""
    assert not any(cue["cue"].startswith("launched|launches") for cue in scored(scorer, text).cues)
