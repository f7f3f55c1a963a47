"""Issue 13, attribution round 64: a headline's bare "North" / "South" as a verb's object ("accuses North of",
"warns South over") or as a possessive ("to counter North's drones") is the other Korea, as "the North" and a bare
side after a preposition already are (guideline, Targets: "the South", "the North" resolve by context). Sized blind on
gold-free wire copy: docs/evaluation-extraction.md, "Sixty-fourth tuning round". Every sentence here is written for
these tests (never copied from the corpora)."""

from __future__ import annotations

from datetime import date

import pytest

from tension.extract.statements import extract_statements

_DAY = date(2024, 6, 5)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker country, sorted targets) of each statement of the text, in order."""
    return [(s.speaker_country, tuple(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "")]


# --- the bare side as a verb's object or a possessive: the other Korea is the target ----------------------------------

@pytest.mark.parametrize("text, row", [
    ("Seoul accuses North of flying drones over the border", ("KOR", ("PRK",))),
    ("South Korea warns North over its rocket tests", ("KOR", ("PRK",))),
    ("South Korea brands North a hostile state in new defence paper", ("KOR", ("PRK",))),
    ("North Korea accuses South of sending leaflets across the border", ("PRK", ("KOR",))),
    ("Seoul accused North of jamming GPS signals near the islands", ("KOR", ("PRK",))),
])
def test_a_bare_side_after_a_verb_is_the_other_korea(ctx, text, row):
    # Before: the side after the verb was no mention, so the statement had no target (no pair row).
    assert row in _rows(ctx, text), _rows(ctx, text)


@pytest.mark.parametrize("text, row", [
    ("Seoul unveils plan to counter North's cyber attacks", ("KOR", ("PRK",))),
    ("South Korea says it can shoot down North's rockets", ("KOR", ("PRK",))),
    ("Pyongyang mocks South's new defence budget", ("PRK", ("KOR",))),
])
def test_a_bare_possessive_side_is_the_other_korea(ctx, text, row):
    assert row in _rows(ctx, text), _rows(ctx, text)


# --- counter-cases: a name's start, the two Koreas together, a direction, no Korea in the document --------------------

def test_north_and_south_korea_together_are_no_bare_side(ctx):
    # "North and South Korea" names both Koreas (a place here); the North is no target of the visit.
    rows = _rows(ctx, "The US vice president will visit the border that divides North and South Korea on Friday.")
    assert rows and not any("PRK" in targets for _, targets in rows), rows


def test_a_capitalised_place_after_the_side_is_no_bare_side(ctx):
    # "North Gyeongsang" is a province of the South, not the North.
    rows = _rows(ctx, "South Korea's government declares disaster zones in North Gyeongsang after floods.")
    assert not any("PRK" in targets for _, targets in rows), rows


def test_a_bare_side_in_a_story_naming_no_korea_is_nothing(ctx):
    rows = _rows(ctx, "The mayor of Oslo thanks North for the gift, officials said.")
    assert not any(set(targets) & {"PRK", "KOR"} for _, targets in rows), rows

