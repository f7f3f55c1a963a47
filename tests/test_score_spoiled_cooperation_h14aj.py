"""Thirty-sixth round (issue 14): cooperation the other side spoiled, scrapped, nullified or brought to a rupture is
an accusation, not cooperation. Counted in a blind gold-free KCNA draw of rows scored cooperative and by a whole-database
count (docs/evaluation-scoring.md, round 36); the gaps were in the marker and cue tables (tension/data/cues.tsv,
cues_modifiers.tsv), so the fix is table rows. Every sentence here is written for the test (no corpus text)."""
import pytest

from tension.score.scorer import Scorer

SPOILED = [
    # an active 'scrap' or 'nullify' whose object, the declaration, stands four words after the verb
    "The regime tried hard to scrap the May 3 joint declaration.",
    "The clique nullified the October 9 joint declaration at once.",
    "The rulers annulled all the past agreements with the North.",
    # talks that came to a rupture or a collapse (the talks named before the word)
    "The military talks came to a rupture after the drills.",
    "The hard-won dialogue came to collapse within a week.",
    "They brought the military talks to a rupture on purpose.",
    "The rulers drove the reconciliation to collapse.",
    # the forward form, the talks after 'rupture' (the backward row 'to rupture' must not hide it)
    "The rulers brought to rupture the military talks.",
    # 'spoil' whose cooperative object stands four words after it
    "The drills spoiled the mood for dialogue.",
]


@pytest.mark.parametrize("text", SPOILED)
def test_spoiled_cooperation_is_no_cooperation(scorer: Scorer, text: str) -> None:
    result = scorer.score(text, "asserted", ["KOR"], "PRK")
    assert not [c for c in result.cues if c["contribution"] < 0], result.cues
    assert result.hostility > 0.1


@pytest.mark.parametrize("text, at_most", [
    # the cooperation itself, or a demand to come to talks, stays as it was
    ("The two sides agreed to resume the military talks next month.", -0.1),
    ("The talks came to an agreement on family reunions.", -0.1),
    ("The envoy said the dialogue would come to fruition soon.", -0.1),
])
def test_cooperation_not_spoiled_stays_cooperative(scorer: Scorer, text: str, at_most: float) -> None:
    assert scorer.score(text, "asserted", ["KOR"], "PRK").hostility < at_most


def test_a_business_story_scrapping_a_deal_is_not_raised_above_the_reversal(scorer: Scorer) -> None:
    # wire copy: a firm scrapping a merger agreement was already read as a reversal (hostile, about +0.36); the new
    # row must not make it a diplomatic accusation far above that
    result = scorer.score("The firm scrapped the merger agreement with its rival.", "asserted", [], None)
    assert result.hostility < 0.5


@pytest.mark.parametrize("text", [
    "The ralliers urged the rulers to abrogate the fascist security law at once.",
    "The ralliers called for a prompt abrogation of the fascist law.",
    "The students demanded that the assembly nullify the evil law.",
])
def test_undoing_a_hostile_thing_keeps_it_hostile(scorer: Scorer, text: str) -> None:
    # to nullify or abrogate a law called fascist or evil undoes no cooperation: the charge word keeps its sign
    result = scorer.score(text, "asserted", ["KOR"], "PRK")
    assert all(c["contribution"] >= 0 for c in result.cues if c["weight"] > 0), result.cues
