"""Rules of the thirty-eighth tuning round (branch h13am), wire copy.

1. A relative clause whose pronoun is the object of an accusation ("<X>, which <A> and <B> accuse of <act>"): the
   accused antecedent is the target of the accusation; the countries inside the act it is accused of (the one the
   weapons went to, the place) are what the accused did, not what the accusers aim at.
2. A wire clause opening "<country>'s <thing>" whose verb says what the thing is or has ("... new rocket has flaws",
   "... drills show that ...", "... arsenal poses a threat"): the thing is the subject, and no act of the country is
   told (adjudication 1), so no row for the country. A body or speaker owned ("<country>'s defence minister has
   ...") and an act told in the passive, the perfect or the progressive ("... missile was launched", "... troops are
   fighting") keep their rows.

Every sentence here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md,
"Thirty-eighth tuning round"."""

from __future__ import annotations

from datetime import date

import pytest

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


@pytest.mark.parametrize("text", [
    "North Korea's new missile has serious flaws as a weapon.",
    "North Korea's missile arsenal is now larger than ever.",
    "South Korea's new fighter jet puts it among a few nations with one.",
    "Pyongyang's Missile Hackers Are a Menace to Allies",
    "North Korea's Nuclear Arsenal Poses a Threat to Allies",
    "North Korea's artillery drills show that Seoul cannot relax.",
])
def test_what_a_country_owns_is_or_has_something_no_act(ctx, text):
    assert _rows(ctx, text) == set()


# --- counter-cases: unchanged by the rule ----------------------------------------------------------------------------

def test_a_main_clause_accusation_keeps_its_targets(ctx):
    rows = _rows(ctx, "Seoul accused Pyongyang of selling drones to Moscow.")
    assert any(country == "KOR" and "PRK" in targets for country, targets in rows)


def test_a_subject_relative_is_not_an_object_relative(ctx):
    # the antecedent is the accuser here: its targets are the ones it names
    rows = _rows(ctx, "The visit was hosted by Seoul, which accused Pyongyang of selling drones to Moscow.")
    assert any(country == "KOR" and "PRK" in targets for country, targets in rows)


@pytest.mark.parametrize(("text", "row"), [
    ("North Korea's new drones crossed the border on Monday.", ("PRK", "KOR")),
    ("North Korea's missile was launched from near Pyongyang.", ("PRK", "JPN,KOR,USA")),
    ("South Korea's military has fired warning shots at North Korean soldiers.", ("KOR", "PRK")),
    ("North Korea's leader is visiting Moscow this week.", ("PRK", "RUS")),
    ("South Korea's top diplomat has urged Beijing to act.", ("KOR", "CHN")),
    ("North Korea's troops are fighting Ukrainian forces in Kursk.", ("PRK", "UKR")),
    ("North Korea's troops are in Kursk to fight Ukrainian forces.", ("PRK", "UKR")),
    ("North Korea's hackers have stolen money from South Korean banks.", ("PRK", "KOR")),
    ("North Korea's drones are flying over Seoul.", ("PRK", "KOR")),
    ("China's coast guard is harassing Philippine ships.", ("CHN", "PHL")),
])
def test_an_owned_body_or_an_act_keeps_its_row(ctx, text, row):
    assert row in _rows(ctx, text)


def test_a_document_speaker_keeps_its_account(ctx):
    # a state outlet's release: its sentences are its own rows whatever their subject
    rows = _rows(ctx, "The south Korean puppets' new missile has flaws as a weapon of aggression against the DPRK.", "KCNA")
    assert any(country == "PRK" for country, _ in rows)
