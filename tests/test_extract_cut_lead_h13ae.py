"""Rules of the thirtieth tuning round (branch h13ae): a lead cut off before its end (a feed keeps only its first
sixty characters and stops mid-word) often loses the object that names whom its act bears on; the headline
above it says it. A statement of such a cut last sentence that names no target takes the targets the headline's
statement of the same country has (labelling guideline, the unit: the document context resolves). Every sentence here
is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md, "Thirtieth tuning
round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2025, 10, 20)


def _pairs(ctx, text: str) -> list[tuple[str, list[str]]]:
    """(speaker country, sorted targets) of each statement of the text, in order."""
    return [(s.speaker_country, sorted(s.targets)) for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "")]


# --- hard cases first ---------------------------------------------------------------------------------------------

def test_a_cut_lead_takes_the_headline_target_of_its_country(ctx):
    pairs = _pairs(ctx, "Seoul halts its loudspeaker broadcasts aimed at North Korea\n\n"
                        "South Korea's new government on Monday stopped the propaganda bro")
    assert pairs[-1] == ("KOR", ["PRK"])


def test_both_actors_of_a_cut_lead_take_their_headline_targets(ctx):
    pairs = _pairs(ctx, "Washington and Seoul to restart large drills aimed at North Korea\n\n"
                        "The US and South Korea will bring back the yearly field ma")
    assert ("USA", ["PRK"]) in pairs[-2:] and ("KOR", ["PRK"]) in pairs[-2:]


def test_a_cut_lead_after_a_dateline_takes_the_headline_target(ctx):
    pairs = _pairs(ctx, "Moscow vows a response if Seoul sends arms to Kyiv\n\n"
                        "MOSCOW, May 3. /TASS/. Russia will be forced to take strong mea")
    assert pairs[-1][0] == "RUS" and "KOR" in pairs[-1][1]


# --- counter-cases --------------------------------------------------------------------------------------------------

def test_a_whole_lead_keeps_no_target(ctx):
    # the lead ends its sentence: what it names is all it says
    pairs = _pairs(ctx, "Seoul halts its loudspeaker broadcasts aimed at North Korea\n\n"
                        "South Korea's new government met on Monday.")
    assert pairs[-1] == ("KOR", [])


def test_a_lead_stopping_at_an_ellipsis_takes_nothing_from_the_headline(ctx):
    # an ellipsis mostly ends a clause of background in RSS 2024 (the one gold-free row it changed was worse)
    pairs = _pairs(ctx, "Moscow vows a response if Seoul sends arms to Kyiv\n\n"
                        "Officials met for hours on Tuesday as Russia struggles to replenish stocks\u2026")
    assert all(not targets for country, targets in pairs[1:] if country == "RUS")


def test_another_country_in_a_cut_lead_takes_nothing_from_the_headline(ctx):
    # the headline's statement is South Korea's: a Japanese actor in the cut lead is no part of it
    pairs = _pairs(ctx, "Seoul halts its loudspeaker broadcasts aimed at North Korea\n\n"
                        "Japan's prime minister on Monday opened the annual meeting of the gov")
    assert ("JPN", ["PRK"]) not in pairs
