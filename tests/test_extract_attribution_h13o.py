"""Rules of issue 13's fourteenth tuning round (KCNA's own sentences telling a South Korean group's act: the group
is the actor, KCNA the reporter); every sentence here is written for these tests (never copied from the corpora).
Rules: docs/labelling-guideline.md ("Reporter vs actor"); figures: docs/evaluation-extraction.md, "Fourteenth round"."""

from __future__ import annotations

from conftest import KCNA_DAY

from tension.extract.statements import extract_statements


def _rows(ctx, text: str) -> list[tuple]:
    return [(s.speaker, s.speaker_country, s.speaker_kind, s.reported_by)
            for s in extract_statements(text, KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA")]


def test_south_koreans_act_told_by_kcna_is_the_peoples_act(ctx):
    # Before: KCNA's own account of an act (PRK state_media -> KOR), counted in the index.
    rows = _rows(ctx, "South Koreans laid flowers at an altar to mourn with the north.")
    assert rows == [("South Koreans", "KOR", "people", "KCNA")]


def test_a_plural_demonym_visiting_the_north_is_the_peoples_act(ctx):
    # The same class written differently: another verb, a target named.
    rows = _rows(ctx, "South Koreans visited the north to mourn with its people.")
    assert all(r[0] != "KCNA" for r in rows), rows
    assert ("South Koreans", "KOR", "people", "KCNA") in rows


def test_kcnas_loaded_account_of_the_souths_authorities_stays_kcnas(ctx):
    # Counter-case: the outlet's house vocabulary about the South's state stays KCNA's own accusation.
    rows = _rows(ctx, "The puppet authorities of south Korea blocked the mourners, a treacherous act.")
    assert rows and all(r[:3] == ("KCNA", "PRK", "state_media") for r in rows), rows
