"""Branch titles15: a KCNA release read as title+story opens with its headline. A headline with no speaker of its own
(a passive verb of condemnation with no agent, a noun phrase) would be the declared speaker's account; when the lead
names a relayed voice (a civic group, a party, a paper, an organisation abroad, people) or another DPRK body saying
or doing it, the headline is that voice's statement, as the labelling guideline labels a headline unit. A lead telling
only a state's act, or the outlet's own account, leaves the headline the outlet's. Every text here is written for
these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md, "Reading KCNA's titles (branch
titles15)"."""

from __future__ import annotations

from datetime import date

from tension.extract.headlines import headline_paragraph
from tension.extract.statements import extract_statements

_DAY = date(2011, 6, 13)


def _headline(ctx, title: str, story: str) -> list[tuple]:
    """(speaker country, speaker kind, reported_by) of each statement of the headline paragraph of a KCNA release
    read as title+story."""
    body = f"{title}\n\n{story}"
    return [(s.speaker_country, s.speaker_kind, s.reported_by)
            for s in extract_statements(body, _DAY, ctx.actors, ctx.lexicon, "KCNA") if s.char_start < len(title)]


# --- the headline takes its lead's relayed voice -------------------------------------------------------------------

def test_a_denounced_drill_whose_lead_names_a_southern_group_is_the_groups(ctx):
    rows = _headline(ctx, "Naval Exercises of Puppet Navy Slammed",
                     "The Solidarity for Peace and Reunification of south Korea issued a statement on Monday "
                     "denouncing the south Korean navy for holding exercises near the border.")
    assert rows and all(r[:2] == ("KOR", "civic") for r in rows), rows


def test_a_policy_under_fire_whose_lead_names_a_southern_party_is_the_partys(ctx):
    rows = _headline(ctx, "Seoul Authorities' Rent Policy under Fire",
                     "The Democratic Labor Party of south Korea denounced the authorities for raising rents on "
                     "public housing, in a statement released on Friday.")
    assert rows and all(r[0] == "KOR" and r[1] in ("opposition", "party_legislature") for r in rows), rows


def test_an_urged_demand_whose_lead_names_a_body_abroad_is_that_bodys(ctx):
    rows = _headline(ctx, "U.S. and S. Korea Urged to Stop Joint War Games",
                     "The Popular Front of Peru made public a statement on June 10 calling on the United States "
                     "and south Korea to stop their joint war games against the DPRK.")
    assert rows and all(r[0] != "PRK" for r in rows), rows


# --- counter-cases: the headline stays the outlet's --------------------------------------------------------------

def test_a_disclosed_visit_whose_lead_tells_only_a_states_act_stays_the_outlets(ctx):
    rows = _headline(ctx, "Aim of U.S. General's Trip to Border Island Disclosed",
                     "The commander of the U.S. forces in south Korea toured an island near the border last week.")
    assert rows and all(r[:2] == ("PRK", "state_media") for r in rows), rows


def test_a_headline_with_its_own_speaker_keeps_it(ctx):
    rows = _headline(ctx, "Rodong Sinmun Blasts Puppet Authorities' War Moves",
                     "The south Korean Federation of Trade Unions held a rally on Monday against the authorities.")
    assert rows and all(r[:2] == ("PRK", "state_media") for r in rows), rows


def test_a_story_read_alone_has_no_headline_paragraph():
    assert headline_paragraph("The ministry said on Monday that the talks had failed.\n\nIt went on.") is None
    assert headline_paragraph("Talks Held in Seoul\n\nThe two sides met on Monday.") == (19, 49)
