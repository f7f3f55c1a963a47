"""Twenty-fifth round (branch h14y): a demand alone is critical (class 1), not hostile. The guideline puts a demand
to stop, cancel or withdraw something at +1, below a condemnation (+2) and a threat (+3); with the demand cue at 0.4
and VADER's tone of the demanded act, a bare demand reached 0.55-0.63 on main, level with condemnations. Found on gold
T1's leftovers and confirmed on gold-free KCNA draws labelled before their scores were read. Every sentence here is
written for the test (no corpus text); counter-cases keep a demand backed by a threat or an insult above it."""
import pytest

from conftest import scored


@pytest.mark.parametrize("text", [
    "The spokesman demanded that the authorities cancel the planned exercise.",
    "They demanded the withdrawal of the foreign troops from the region.",
    "The ministry said the government must stop its propaganda broadcasts.",
    "The council demanded that the navy stop the drills at once.",
])
def test_a_bare_demand_is_critical_not_hostile(scorer, text):
    """A demand with nothing else hostile stays below the class-2 level (0.45-0.63 on main)."""
    assert 0.25 < scored(scorer, text).hostility < 0.46


@pytest.mark.parametrize("demand, harder", [
    ("The spokesman demanded that the authorities cancel the planned exercise.",
     "The spokesman demanded that the authorities cancel the exercise, warning that the army would strike back "
     "without mercy."),
    ("The council demanded that the navy stop the drills at once.",
     "The ministry condemned the drills as a reckless provocation."),
    ("They demanded the withdrawal of the foreign troops from the region.",
     "The statement denounced the regime as a gang of traitors and demanded it stop the drills."),
])
def test_threats_condemnations_and_insults_rank_above_a_bare_demand(scorer, demand, harder):
    """Counter-cases: a demand backed by a threat, a condemnation, a demand beside an insult stay at class 2 or more."""
    assert scored(scorer, harder).hostility > 0.6
    assert scored(scorer, harder).hostility > scored(scorer, demand).hostility + 0.15
