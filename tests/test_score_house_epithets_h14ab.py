"""Twenty-eighth round (branch h14ab): KCNA's house names for the other side's government and politics -- a leader's
name followed by 'group', 'conservative forces', 'reactionary' -- are derogation (the guideline's class +1 to +2),
but no cue table had them: a statement that says nothing else scored exactly 0.00, tied with every neutral row. They
now weigh as epithets (the leader's group 0.2, the other two 0.35; counted once with the other epithets, capped as
words alone). Every sentence here is written for the test (no corpus text). Counter-cases: a group that is no leader's, a conservative party or voter,
and a statement that already has a stronger epithet stay where they were."""
import pytest

from conftest import scored


@pytest.mark.parametrize("text", [
    "The Lee Myung Bak group sent its officials to the island on Tuesday.",
    "The Park Geun Hye group went on with its policy last week.",
    "The conservative forces of the South held a meeting in the capital.",
    "The reactionary rulers in Seoul spent the budget on their own comfort.",
])
def test_house_epithet_alone_is_not_neutral(scorer, text):
    """A house epithet with nothing else hostile scores above zero, toward criticism (was 0.00)."""
    assert scored(scorer, text).hostility > 0.15


def test_group_of_traitors_keeps_its_weight_after_the_name(scorer):
    """'the <leader> group of traitors' is still read as 'group of traitors' (0.6), not the milder leader's group."""
    cues = scored(scorer, "The Lee Myung Bak group of traitors announced a new budget.").cues
    assert max(cue["contribution"] for cue in cues) == pytest.approx(0.6)


def test_house_epithet_ranks_above_a_neutral_report(scorer):
    """The same report told with the house name ranks above the report told with the government's plain name."""
    plain = scored(scorer, "The South Korean government announced a new budget on Monday.").hostility
    named = scored(scorer, "The Lee Myung Bak group announced a new budget on Monday.").hostility
    assert named > plain


@pytest.mark.parametrize("text", [
    "A group of students visited the museum in the capital.",
    "The conservative party won most seats in the local election.",
    "Conservative voters in the province turned out early.",
])
def test_other_groups_and_conservatives_stay_neutral(scorer, text):
    """Counter-cases: no leader's group, a conservative party or voters: no new cue."""
    assert scored(scorer, text).hostility == 0.0


def test_a_stronger_epithet_is_not_stacked(scorer):
    """Epithets count once: beside 'puppet' the house name adds nothing."""
    both = scored(scorer, "The puppet Lee Myung Bak group announced a new budget.").hostility
    alone = scored(scorer, "The puppet authorities announced a new budget.").hostility
    assert both == pytest.approx(alone, abs=0.005)
