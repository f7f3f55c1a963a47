"""An assessment passes another's act on (docs/labelling-guideline.md, "Reporter vs actor"): "the spy agency
believes the North fired ..." is the North's act, reported by the agency, as "said" already gave — found on a
report's top mover (session 9). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2025, 12, 30)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker country, reported by, sorted targets) of each statement of the text."""
    return [(s.speaker_country, s.reported_by, tuple(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "")]


def test_a_belief_about_the_norths_launch_is_the_norths_act_reported(ctx):
    rows = _rows(ctx, "South Korea's spy agency believes North Korea fired two missiles into the sea.")
    assert [(country, bool(by)) for country, by, _ in rows] == [("PRK", True)], rows
    assert "KOR" in rows[0][2], rows


def test_an_assessment_that_the_north_launched_is_the_norths_act_reported(ctx):
    rows = _rows(ctx, "The Joint Chiefs of Staff assessed that North Korea launched a short-range ballistic missile.")
    assert [(country, bool(by)) for country, by, _ in rows] == [("PRK", True)], rows


def test_an_assessment_that_evaluates_stays_the_assessors_statement(ctx):
    # "a serious escalation" is the assessor's own judgement of the act: its statement toward the North
    rows = _rows(ctx, "The United States assessed that North Korea's missile launches were a serious escalation.")
    assert ("USA", None, ("PRK",)) in rows, rows
