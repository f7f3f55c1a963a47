""""GI"/"GIs" are US soldiers (issue 13 round 70): KCNA's stories of crimes by US troops in the South ("demanded
punishment of the GI", "GIs' crimes") named no country the dictionary knew, so a South Korean group's demand or a
KCNA headline about them had no USA target (T1 4 of 48 target errors; blind on gold-free KCNA: 18 of 30 drawn rows
wanted USA and lacked it). Every sentence here is written for these tests (never copied from the corpora). Figures:
docs/evaluation-extraction.md, round 70."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2011, 10, 10)


def _rows(ctx, text: str, speaker: str = "") -> list[tuple]:
    """(speaker country, sorted targets) of each statement of the text, in order."""
    return [(s.speaker_country, tuple(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


# --- the hard cases: the words aimed at US soldiers name no country but "GI" -----------------------------------

def test_a_relayed_groups_demand_to_punish_a_gi_is_aimed_at_the_us(ctx):
    # main: ("KOR", ()) — no target at all
    rows = _rows(ctx, "A civic group of south Korea in a statement on Monday demanded stern punishment of the GI who "
                      "assaulted a taxi driver in Pyongtaek.", speaker="KCNA")
    assert ("KOR", ("USA",)) in rows, rows


def test_a_statement_on_gis_crimes_going_unpunished_is_aimed_at_the_us(ctx):
    # main: the second sentence's row had no target
    rows = _rows(ctx, "A civic group of south Korea issued a statement on Monday. The statement said that crimes by "
                      "GIs go unpunished because of the unequal agreement.", speaker="KCNA")
    assert rows[-1] == ("KOR", ("USA",)), rows


def test_a_state_outlets_headline_on_gis_is_aimed_at_the_us(ctx):
    # main: KCNA's row took the South (the place) alone
    rows = _rows(ctx, "GIs Beat Taxi Driver in S. Korea\n\nA south Korean paper reported the case on Oct. 4.",
                 speaker="KCNA")
    assert "USA" in rows[0][1], rows


def test_the_soldiers_own_he_inside_the_sentence_does_not_bring_back_the_place(ctx):
    # main: ("PRK", ("KOR",)) — the South only as where the crime was; the "he" is the GI himself, no person of the
    # South accused (round 47's "He ..." guard reads a sentence opening with a person told before, not this)
    rows = _rows(ctx, "Last week a GI in south Korea beat a taxi driver and he ran away from the police.", speaker="KCNA")
    assert rows == [("PRK", ("USA",))], rows


# --- counter-cases: what stays (each passes on main too) ----------------------------------------------------------

def test_us_gis_were_the_us_already(ctx):
    rows = _rows(ctx, "A civic group of south Korea demanded punishment of the U.S. GIs who assaulted a driver.",
                 speaker="KCNA")
    assert ("KOR", ("USA",)) in rows, rows


def test_a_name_spelt_gi_is_no_soldier(ctx):
    # the target word is matched as written: "Gi" in a romanised name is not "GI"
    rows = _rows(ctx, "Lee Gi-hwan, a lawmaker of the ruling party, said on Monday that Japan must apologise for "
                      "its colonial rule. Gi said the talks with Tokyo should resume.")
    assert all("USA" not in targets and country != "USA" for country, targets in rows), rows


def test_a_sentence_opening_with_he_for_the_souths_leader_keeps_the_south_beside_the_gis(ctx):
    # main carried the sentence before's targets (KOR, USA); the GI rule alone gave ("USA",) (a named target stops the
    # carry and the victims' place); round 47's "He ..." guard keeps the South
    rows = _rows(ctx, "Peace Committee Rapped\n\nThe Committee for the Peaceful Reunification of Korea said: The south "
                      "Korean chief executive is kowtowing to the U.S. again. He kept silent about the GIs' violence "
                      "against south Korean taxi drivers.", speaker="KCNA")
    assert rows[-1] == ("PRK", ("KOR", "USA")), rows
