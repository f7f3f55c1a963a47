"""Rules of the thirtieth tuning round (branch h13ae): the South's warning shots are a military act of the South
bearing on the North (act_types.tsv, the ROK row; labelling guideline: ROK drills and fire bear on the DPRK), also when
the clause that names the North is split off ("... as soldiers of the North cross the border") or no one is named in
the clause (since round 52, docs/labelling-guideline.md decision 45: only in a story that names the DPRK somewhere).
Not a vaccine's shots. Every sentence here is written for these tests (never copied from the corpora). Figures:
docs/evaluation-extraction.md, "Thirtieth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2024, 6, 20)


def _pairs(ctx, text: str) -> list[tuple[str, str, list[str]]]:
    """(speaker country, kind, sorted targets) of each statement of the text, in order."""
    return [(s.speaker_country, s.speaker_kind, sorted(s.targets))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "")]


# --- hard cases first ---------------------------------------------------------------------------------------------

def test_warning_shots_with_the_north_in_a_timing_clause(ctx):
    # the "as ..." clause is its own act: the South's clause names no one
    assert _pairs(ctx, "Seoul fires warning shots as North Korean troops step over the frontier")[0] == (
        "KOR", "military", ["PRK"])


def test_warning_shots_beside_another_act(ctx):
    # (the story names the North in a later sentence: since round 52 a story naming no DPRK gives the act none)
    assert _pairs(ctx, "South Korea fires warning shots, sends up helicopters. "
                       "North Korea made no comment.")[0] == ("KOR", "military", ["PRK"])


def test_warning_shots_of_war_planes_named_by_a_demonym(ctx):
    # "war planes" in two words is no word of the row, and a demonym is not counted for the document's counterpart
    # (the story names the North in a later sentence, as round 52 asks for the DPRK target)
    assert _pairs(ctx, "South Korean war planes fired warning shots near the frontier on Monday. "
                       "North Korea made no comment.")[0] == ("KOR", "military", ["PRK"])


# --- counter-cases --------------------------------------------------------------------------------------------------

def test_vaccine_shots_are_no_military_act(ctx):
    assert all("PRK" not in targets for _, _, targets in _pairs(
        ctx, "South Korea will give fourth vaccine shots to people over sixty this winter"))


def test_warning_shots_at_a_named_other_stay_on_it(ctx):
    # a target named: the North is not added in a story that names no North (allied drills' rule)
    assert _pairs(ctx, "South Korean coast guard ships fired warning shots at Chinese fishing boats")[0][2] == ["CHN"]
