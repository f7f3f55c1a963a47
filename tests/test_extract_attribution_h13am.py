"""Rules of the thirty-eighth tuning round (branch h13am), wire copy.

1. A relative clause whose pronoun is the object of an accusation ("<X>, which <A> and <B> accuse of <act>"): the
   accused antecedent is the target of the accusation; the countries inside the act it is accused of (the one the
   weapons went to, the place) are what the accused did, not what the accusers aim at.

Every sentence here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md,
"Thirty-eighth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2024, 3, 4)


def _rows(ctx, text: str, speaker: str = "") -> set[tuple]:
    """(speaker country, sorted targets) of each statement with a target."""
    return {(s.speaker_country, ",".join(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker) if s.targets}


# --- the hard cases: each failed before the rule ---------------------------------------------------------------------

def test_the_accused_antecedent_of_a_relative_clause_is_the_only_target(ctx):
    rows = _rows(ctx, "Iran has grown closer to Pyongyang, which Seoul and Tokyo accuse of selling drones to Moscow "
                      "for its campaign.")
    assert ("KOR", "PRK") in rows and ("JPN", "PRK") in rows
    assert not any("RUS" in targets for country, targets in rows if country in ("KOR", "JPN"))


def test_blamed_for_in_a_relative_clause_aims_at_the_antecedent(ctx):
    rows = _rows(ctx, "The talks stalled over Moscow, which Washington condemned for sending troops into Ukraine "
                      "last spring.")
    assert ("USA", "RUS") in rows
    assert not any("UKR" in targets for country, targets in rows if country == "USA")


# --- counter-cases: unchanged by the rule ----------------------------------------------------------------------------

def test_a_main_clause_accusation_keeps_its_targets(ctx):
    rows = _rows(ctx, "Seoul accused Pyongyang of selling drones to Moscow.")
    assert any(country == "KOR" and "PRK" in targets for country, targets in rows)


def test_a_subject_relative_is_not_an_object_relative(ctx):
    # the antecedent is the accuser here: its targets are the ones it names
    rows = _rows(ctx, "The visit was hosted by Seoul, which accused Pyongyang of selling drones to Moscow.")
    assert any(country == "KOR" and "PRK" in targets for country, targets in rows)
