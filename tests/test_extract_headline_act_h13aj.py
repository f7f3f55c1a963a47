"""Rules of the thirty-fifth tuning round (branch h13aj): a headline telling an act in the present tense before an
inverted reporting frame ("<the North> fires ..., says <the South's military>") is the actor's act, reported by the
speaker after the verb (labelling guideline, reporter vs actor), as the past tense already was; the reporter gets no
row of its own. Every sentence here is written for these tests (never copied from the corpora). Figures:
docs/evaluation-extraction.md, "Thirty-fifth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2025, 12, 29)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker text, speaker country, reported_by, attribution) of each pair statement of the text, in order."""
    return [(s.speaker, s.speaker_country, s.reported_by, s.attribution)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "") if s.targets]


# --- the hard cases: present tense, the reporter after the verb ----------------------------------------------------

def test_the_north_fires_says_the_souths_military_is_the_norths_act(ctx):
    rows = _rows(ctx, "North Korea fires three cruise missiles into the Yellow Sea, says Seoul's military")
    assert [(r[1], r[2]) for r in rows] == [("PRK", "Seoul's military")], rows


def test_pyongyang_launches_says_seoul_is_pyongyangs_act(ctx):
    rows = _rows(ctx, "Pyongyang launches a suspected short-range missile, says Seoul")
    assert [(r[1], r[2]) for r in rows] == [("PRK", "Seoul")], rows


def test_a_test_fire_told_in_the_present_says_the_joint_chiefs(ctx):
    rows = _rows(ctx, "North Korea test-fires new tactical weapon off east coast, says South Korean military")
    assert [r[1] for r in rows] == ["PRK"], rows


# --- counter-cases that pass before and after ------------------------------------------------------------------------

def test_seoul_says_the_north_fired_stays_the_norths_act(ctx):
    # The frame before the content: already the North's act, reported by Seoul.
    rows = _rows(ctx, "Seoul says North Korea fired a ballistic missile into the sea.")
    assert [(r[1], r[2]) for r in rows] == [("PRK", "Seoul")], rows


def test_an_evaluation_before_an_inverted_frame_stays_the_speakers_words(ctx):
    # No launch verb after the subject: the speaker's own assessment, not an act passed on.
    rows = _rows(ctx, "North Korea remains the gravest threat to peace, says the South Korean defence minister")
    assert not any(r[1] == "PRK" for r in rows), rows
