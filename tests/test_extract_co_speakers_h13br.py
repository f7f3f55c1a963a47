"""Co-speakers of one statement are not each other's targets (issue 13 round 68, the Japan-desk tester's finding 1):
"Washington, Seoul and Tokyo announced ... against North Korea" gave each later speaker of the list the earlier ones as
targets, carried from the row of the same sentence before it (KOR->JPN, JPN->KOR rows at the score of words aimed at
the DPRK). Every sentence here is written for these tests (never copied from the corpora). Rule: docs/labelling-
guideline.md, proposed decision P1 (decision 3 read for joint words); figures: docs/evaluation-extraction.md, round 68."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2024, 10, 16)


def _rows(ctx, text: str, speaker: str = "") -> list[tuple]:
    """(speaker country, sorted targets, targets inferred) of each statement of the text, in order."""
    return [(s.speaker_country, tuple(sorted(s.targets)), s.targets_inferred)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


def _targets_of(rows: list[tuple], country: str) -> list[tuple]:
    return [targets for c, targets, _ in rows if c == country]


# --- the hard cases: co-speakers whose targets are carried or inferred ------------------------------------------

def test_three_states_announcing_a_team_against_the_north_do_not_target_each_other(ctx):
    # main: USA -> (PRK,), KOR -> (PRK, USA), JPN -> (KOR, PRK, USA): each took the rows before it as targets
    rows = _rows(ctx, "Washington, Seoul and Tokyo on Monday announced the launch of a three-nation team to monitor "
                      "the enforcement of UN sanctions against North Korea.")
    for country in ("USA", "KOR", "JPN"):
        assert _targets_of(rows, country) == [("PRK",)], rows


def test_co_speakers_of_a_claim_pointing_back_take_the_earlier_targets_but_not_each_other(ctx):
    # main: the claim's speakers, pointing back ("the drills"), took the sentence before's targets and each other
    rows = _rows(ctx, "North Korea condemned the joint naval drills of Washington and Seoul on Monday. "
                      "The United States and South Korea said the drills were defensive.")
    assert _targets_of(rows, "USA")[-1:] == [("PRK",)], rows
    assert _targets_of(rows, "KOR")[-1:] == [("PRK",)], rows


def test_two_peoples_voicing_misgivings_about_a_third_pair_do_not_target_each_other(ctx):
    # main: the second people's row took the first's country as a target carried from the same sentence
    rows = _rows(ctx, "Russia and North Korea agreed on a new railway bridge at their summit. "
                      "Officials of Japan and South Korea expressed their misgivings about the plan.")
    assert all("KOR" not in t for t in _targets_of(rows, "JPN")), rows
    assert all("JPN" not in t for t in _targets_of(rows, "KOR")), rows


# --- counter-cases: what stays (each passes on main too) ----------------------------------------------------------

def test_a_reciprocal_verb_keeps_both_sides_as_each_others_targets(ctx):
    rows = _rows(ctx, "South Korea and Japan traded accusations over the disputed islets on Tuesday.")
    assert _targets_of(rows, "KOR") == [("JPN",)] and _targets_of(rows, "JPN") == [("KOR",)], rows


def test_words_aimed_only_at_the_speakers_themselves_keep_them_as_targets(ctx):
    # their cooperation is the news (decisions 3, 23): no third party, the co-speakers stay each other's targets
    rows = _rows(ctx, "South Korea, China and Japan pledged to deepen their trilateral partnership at a meeting in "
                      "Beijing.")
    assert _targets_of(rows, "CHN") == [("KOR",)] and _targets_of(rows, "JPN") == [("CHN", "KOR")], rows


def test_one_speaker_pointing_back_keeps_the_carried_targets(ctx):
    # a single speaker of the words: the targets carried from the sentence before stay whole
    rows = _rows(ctx, "North Korea criticised the drills of the United States and South Korea on Monday. "
                      "Japan said the drills were defensive.")
    assert _targets_of(rows, "JPN")[-1:] == [("KOR", "PRK", "USA")], rows
