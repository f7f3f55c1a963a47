"""Issue 13, attribution round 52: an allied drill bears on the DPRK only in a document that names it, also when the
drill statement names no target (decisions 3, 23 and 45 of docs/labelling-guideline.md: batches 1-2 re-read show the
gold follows decision 23 as written). Round 19's rule (tests/test_extract_targets_h13t.py) did this only for drills
with a named target. Every sentence here is written for these tests (never copied from the corpora); figures:
docs/evaluation-extraction.md, "Fifty-second tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2024, 6, 5)


def _targets(ctx, text: str, speaker: str = "") -> list[tuple]:
    """(speaker country, sorted targets) of each statement of the text, in order."""
    return [(s.speaker_country, tuple(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


def _dprk_rows(rows: list[tuple]) -> list[tuple]:
    return [(c, targets) for c, targets in rows if "PRK" in targets]


# --- drills naming no target in a document that never names the DPRK: no DPRK target ---------------------------------

def test_allied_air_drills_with_no_adversary_named_bear_on_no_dprk(ctx):
    # Before: both allies' drill rows got the inferred PRK (a KOR -> PRK pair row).
    rows = _targets(ctx, "Washington and Seoul kick off large air exercises amid rising nuclear tension.")
    assert rows and not _dprk_rows(rows), rows


def test_three_allies_first_joint_drills_bear_on_no_dprk(ctx):
    # The same class written differently: three partners, a headline, no verb of aim, a second sentence.
    rows = _targets(ctx, "Japan, US and South Korea stage their first trilateral naval drills. "
                         "The exercises off the southern coast will last three days, officials said.")
    assert not _dprk_rows(rows), rows


def test_a_named_exercise_launched_by_seoul_bears_on_no_dprk(ctx):
    # The same class written differently: a named spring exercise started by the South, the US second.
    rows = _targets(ctx, "South Korea and the US began their annual Spring Lion military exercises on Monday.")
    assert not _dprk_rows(rows), rows


# --- counter-cases: the document names the DPRK (decision 45: a mention anywhere in it), or a DPRK outlet tells it ---

def test_drills_in_a_document_naming_the_dprk_later_still_bear_on_it(ctx):
    rows = _targets(ctx, "Washington and Seoul kick off large air exercises on Monday. "
                         "North Korea has called such drills a rehearsal for invasion.")
    assert ("KOR", ("PRK",)) in rows, rows


def test_drills_in_a_document_naming_pyongyang_still_bear_on_the_dprk(ctx):
    rows = _targets(ctx, "South Korea and the US began their annual Spring Lion military exercises on Monday, "
                         "days after Pyongyang tested a new rocket engine.")
    assert ("KOR", ("PRK",)) in _dprk_rows(rows), rows


def test_drills_told_by_a_dprk_outlet_bear_on_the_dprk(ctx):
    rows = _targets(ctx, "U.S. stages large air drills.", speaker="KCNA")
    assert ("USA", ("PRK",)) in rows, rows


def test_north_alone_in_a_korean_headline_still_bears_on_the_dprk(ctx):
    rows = _targets(ctx, "South Korea and the US begin joint drills after North fires rockets")
    assert any(c == "KOR" for c, _ in _dprk_rows(rows)), rows


# --- shapes of naming the rule must read (found by running it on T1 and on gold-free titles and leads alone) ---------

def test_north_alone_before_a_capitalised_verb_in_a_title_case_headline_is_the_dprk(ctx):
    # Before this reading: "North" followed by a capital was taken for a name ("North Carolina"), so the South's
    # warning shots in a title-case headline lost the DPRK.
    rows = _targets(ctx, "South Korea Fires Warning Shots After North Sends Balloons Over Border")
    assert any(c == "KOR" for c, _ in _dprk_rows(rows)), rows


def test_north_and_south_korea_names_the_dprk(ctx):
    rows = _targets(ctx, "North and South Korea exchange warning shots near their sea border")
    assert any(c == "KOR" for c, _ in _dprk_rows(rows)), rows


def test_a_north_province_of_the_south_is_no_dprk(ctx):
    # Counter-case: a place named "North <word>" (a province of the South) names no DPRK.
    rows = _targets(ctx, "South Korea and the US Stage Joint Drills in North Gyeongsang Province")
    assert not _dprk_rows(rows), rows
