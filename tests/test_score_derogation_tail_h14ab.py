"""Twenty-eighth round (branch h14ab), second step: KCNA's charges and derogations that no cue table had -- an
'unpopular' rule, corruption, an 'uproar', a 'sordid' act, a 'far-fetched' claim, 'intolerable', tyranny and
misrule, kowtowing, selling off the nation -- scored exactly 0.00 when the statement said nothing else. They now weigh
as accusations, a dismissal, a complaint or epithets (0.2-0.4, the guideline's class +1 to +2). Every sentence here is
written for the test (no corpus text). Counter-cases: 'anti-corruption', a sale of goods, and 'sold off' of shares
stay where they were."""
import pytest

from conftest import scored


@pytest.mark.parametrize("text", [
    "The rulers in Seoul pressed on with their unpopular policy on schools.",
    "The ruling camp is steeped in corruption and irregularities.",
    "The authorities in Seoul kicked up an uproar over the fishing boats.",
    "The officials went so sordid as to sell the land twice.",
    "Their story about the boats is far-fetched.",
    "The plan to station more troops there is intolerable.",
    "The people of the South rose against the misrule of the junta.",
    "The rulers went on kowtowing to their foreign masters.",
    "The rulers sold off the interests of the nation to outsiders.",
])
def test_tail_derogation_alone_is_not_neutral(scorer, text):
    """A charge or derogation of the other side with nothing else hostile scores above zero (was 0.00)."""
    assert scored(scorer, text).hostility > 0.1


@pytest.mark.parametrize("text", [
    "The city opened an anti-corruption office on Monday.",
    "The farmers sold their rice at the market in the capital.",
    "The investors sold off their shares in the company.",
])
def test_other_senses_stay_neutral(scorer, text):
    """Counter-cases: 'anti-corruption' is a name, a sale of goods or shares is no treachery."""
    assert scored(scorer, text).hostility == 0.0
