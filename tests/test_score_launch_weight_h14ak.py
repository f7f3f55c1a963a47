"""Thirty-seventh round (issue 14): a missile launch told with its verb is the guideline's class +3 (use of force), and
it must rank above the class +2 acts of force posture (drills, jets scrambled, warning shots, drones across a line).
Counted in a blind gold-free draw of RSS 2022 pair rows (docs/evaluation-scoring.md, round 37): the launch rows' weight
(0.72, CAMEO 15's −Goldstein/10) put a lone launch at 0.75, under class-2 rows that stack two or three posture cues.
The fix is the weight of the launch-verb rows of tension/data/cues.tsv (0.9); the noun rows ('missile launch',
'ICBM test'), which KCNA uses as a topic of its charges, and the nuclear-test rows keep 0.72. Every sentence here is
written for the test (no corpus text)."""
import pytest

from tension.score.scorer import Scorer

LAUNCHES = [
    "Pyongyang fired two ballistic missiles into the sea on Friday.",
    "The North launched a short-range missile toward its eastern waters.",
    "North Korea test-fires new missile",
    "Two cruise missiles were fired from the west coast on Sunday.",
    "A ballistic missile landed in the sea outside the economic zone.",
]

# class +2 acts of posture, each scored above a lone launch before this round
POSTURE = [
    "The allies staged drills with precision bombs near the border.",
    "The army fired warning shots after the boats crossed the line.",
]


@pytest.mark.parametrize("launch", LAUNCHES)
def test_a_launch_outranks_posture_acts(scorer: Scorer, launch: str) -> None:
    told = scorer.score(launch, "asserted", ["KOR"], "PRK").hostility
    for posture in POSTURE:
        assert told > scorer.score(posture, "asserted", ["PRK"], "KOR").hostility, (launch, posture)


@pytest.mark.parametrize("launch", LAUNCHES)
def test_a_launch_stays_below_fire_on_a_target(scorer: Scorer, launch: str) -> None:
    """Shelling an island or firing artillery (fight, 1.0) stays above a launch into the sea."""
    shelled = scorer.score("The shelling of the island killed two marines.", "asserted", ["KOR"], "PRK").hostility
    assert scorer.score(launch, "asserted", ["KOR"], "PRK").hostility < shelled


@pytest.mark.parametrize("text, noun", [
    # a launch named as a noun is often the topic of a charge in KCNA; its row keeps the lower weight
    ("The puppets described the satellite launch as a missile launch.", "missile launch"),
    ("The ministry said the ICBM test had been expected for weeks.", "ICBM test"),
    # a nuclear test that is only expected is no act: the nuclear-test rows are unchanged
    ("Officials expect a nuclear test soon.", "nuclear test"),
])
def test_launch_nouns_and_nuclear_tests_keep_their_weight(scorer: Scorer, text: str, noun: str) -> None:
    cues = scorer.score(text, "asserted", ["KOR"], "PRK").cues
    assert [c["contribution"] for c in cues if c["matched"] == noun] == [0.72], cues
