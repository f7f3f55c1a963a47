"""Thirty-third round (issue 14): a statement that charges the other side in its own house words (an epithet or an
insult: 'the Lee group', 'the puppet authorities') is not made cooperative by the cooperation it names — the talks the
group talks about to hide its colours. Counted in gold-free KCNA draws labelled before their scores were read
(docs/evaluation-scoring.md, round 33). Every sentence here is written for the test (no corpus text); counter-cases
keep what no epithet charges, what 'confrontation' sets against reconciliation, and a charge that outweighs already."""
import pytest

from conftest import scored


def _charged(result) -> list[dict]:
    return [c for c in result.cues if any(m["kind"] == "charged" for m in c["markers"])]


@pytest.mark.parametrize("text", [
    "The Lee group talks about cooperation and exchange to hide its true colours.",
    "The conservative group speaks of reconciliation only to deceive the public.",
])
def test_cooperation_named_beside_an_epithet_does_not_make_it_cooperative(scorer, text):
    result = scored(scorer, text)
    charged = _charged(result)
    assert charged and all(c["weight"] < 0 and c["contribution"] == 0 for c in charged)
    assert not [c for c in result.cues if c["contribution"] < 0]  # every cooperative cue it counted is charged
    assert result.hostility > 0.15  # was below 0.04: the epithet's charge is the statement's stance


@pytest.mark.parametrize("text", [
    "The two sides held talks and agreed to expand cooperation.",
    # a plain accusation word is often a wire story's topic beside real cooperation (a funding scheme)
    "Several countries are keen to join the bloc's scheme to fund joint investment.",
    # 'confrontation' is the state set against reconciliation as often as the other side's policy
    "The article calls for turning the relations of confrontation into those of reconciliation and cooperation.",
])
def test_cooperation_without_an_epithet_or_insult_is_kept(scorer, text):
    result = scored(scorer, text)
    assert not _charged(result)
    assert [c for c in result.cues if c["contribution"] < 0]


def test_a_charge_that_outweighs_the_cooperation_already_changes_nothing(scorer):
    result = scored(scorer, "The puppet warmongers staged war drills while talking about dialogue.")
    assert not _charged(result)
    assert [c for c in result.cues if c["contribution"] < 0]
