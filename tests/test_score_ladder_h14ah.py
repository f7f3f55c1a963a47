"""Thirty-fourth round (branch h14ah): the cue weights of the verbal kinds follow the guideline's ladder of classes.
The guideline puts a demand, urging or insisting at +1 and a condemnation, denunciation or accusation at +2; on main
both weighed 0.3, so a statement holding only one of them scored the same (about 0.31), and a blind stratified
gold-free KCNA draw of such statements (15 a kind, labelled before their scores were read) had the demands at class
1.00 and the condemnation verbs at 1.93 on one level. The demand rows now weigh as criticism (0.2, CAMEO 111's −2.0)
and the condemnation verbs as the other class-2 charges ('hostile', 'provocative': 0.4). Every sentence here is
written for the test (no corpus text)."""
import pytest

from conftest import scored

PAIRS = [  # the same sentence with a class-1 verb and with a class-2 verb
    ("The ministry demanded the new policy of the government.",
     "The ministry denounced the new policy of the government."),
    ("The spokesman urged the neighbouring state over its recent remarks.",
     "The spokesman condemned the neighbouring state over its recent remarks."),
    ("The newspaper insisted on the plan of the authorities.",
     "The newspaper decried the plan of the authorities."),
    ("The committee demanded the minister's statement on the island.",
     "The committee slammed the minister's statement on the island."),
    ("The party insisted on the agency's report on the border.",
     "The party accused the agency over its report on the border."),
]


@pytest.mark.parametrize("demand, condemnation", PAIRS)
def test_a_lone_condemnation_ranks_above_a_lone_demand(scorer, demand, condemnation):
    """Class 2 above class 1: on main both scored about 0.31 (a tie, or the demand above by its tone)."""
    assert scored(scorer, condemnation).hostility > scored(scorer, demand).hostility + 0.1


@pytest.mark.parametrize("demand, condemnation", PAIRS)
def test_the_ladder_keeps_its_ends(scorer, demand, condemnation):
    """Counter-cases that pass on main too: a demand stays critical (above neutral), a condemnation stays below an
    explicit threat of force, which is class 3."""
    threat = "The spokesman threatened to strike the neighbouring state with missiles."
    assert scored(scorer, demand).hostility > 0.1
    assert scored(scorer, threat).hostility > scored(scorer, condemnation).hostility + 0.1
