"""Rule of the sixty-second tuning round (branch h13bl): a state outlet's headline that gives no row of its own.

A KCNA release read as title+story opens with a title-case headline. When that headline yields no statement — an
agentless "<the South's body> Accused of ...", "<a policy> under Fire", "<a demand> Urged", or a subject that is no
state aimed at no named country ("<DPRK workers> Vow to Punish Provokers", "<a southern group> Urges Authorities ...")
— it takes the voice its lead gives (the lead's relayed group, people, paper or body of the outlet's country); its
targets are the countries the headline names other than that voice's (before a passive's "by <who>"), else the lead
voice's own (inferred). The labelling guideline labels a headline unit with its lead's speaker. A headline with a
row of its own, a story with no declared speaker, a lead telling only the outlet's account or a state's act (the
outlet's own row was tried and dropped), a lead that gives no row and a headline read alone are unchanged.

Every sentence here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md,
"Sixty-second tuning round (branch h13bl)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_KCNA_DAY = date(2012, 5, 2)


def _headline(ctx, text: str, speaker: str | None = "KCNA") -> list[tuple]:
    """(speaker country, kind, sorted targets, inferred, attribution, content) of each statement of the headline."""
    head = text.split("\n\n", 1)[0]
    return [(s.speaker_country, s.speaker_kind, ",".join(sorted(s.targets)), s.targets_inferred, s.attribution,
             s.content)
            for s in extract_statements(text, _KCNA_DAY, ctx.actors, ctx.lexicon, speaker) if s.char_start < len(head)]


_FARMERS = ("\n\nThe Farmers League of south Korea on Monday released a statement denouncing the puppet authorities "
            "for arresting farmers who had protested against the import of rice.")


def test_an_agentless_headline_accusing_the_south_takes_its_leads_southern_group(ctx):
    rows = _headline(ctx, "S. Korean Authorities Accused of Arresting Farmers" + _FARMERS)
    assert len(rows) == 1, rows
    country, _, targets, _, attribution, content = rows[0]
    assert (country, targets) == ("KOR", ""), rows  # a southern group on its own state: domestic
    assert attribution == "headline (lead's voice)" and content == "S. Korean Authorities Accused of Arresting Farmers"


def test_a_headline_under_fire_with_no_actor_takes_its_leads_group(ctx):
    rows = _headline(ctx, "Unification Minister's Remarks under Fire" + _FARMERS)
    assert [(r[0], r[2]) for r in rows] == [("KOR", "")], rows


def test_a_vow_of_the_norths_workers_aims_where_its_lead_aims(ctx):
    rows = _headline(ctx, "DPRK Workers Vow to Punish Provokers\n\nWorkers across the DPRK vowed on Monday to punish "
                          "the U.S. imperialists and the south Korean warmongers for their provocations.")
    assert len(rows) == 1, rows
    country, _, targets, inferred, _, _ = rows[0]
    assert country == "PRK" and "KOR" in targets.split(",") and inferred, rows


def test_a_late_leader_praised_by_a_group_abroad_is_the_groups_praise(ctx):
    rows = _headline(ctx, "Kim Il Sung Praised by Norwegian Figure\n\nOle Hansen, chairman of the Norway-Korea "
                          "Friendship Group, issued a statement on May 1 praising the feats of President Kim Il Sung.")
    assert len(rows) == 1 and rows[0][2] == "PRK" and rows[0][0] != "PRK", rows


# --- unchanged -----------------------------------------------------------------------------------------------------

def test_a_headline_with_a_row_of_its_own_keeps_it(ctx):
    rows = _headline(ctx, "DPRK Foreign Ministry Slams U.S. Drills\n\nA spokesman for the DPRK Foreign Ministry on "
                          "Monday denounced the U.S. drills as a rehearsal for war.")
    assert rows and all(r[0] == "PRK" and r[4] != "headline (lead's voice)" for r in rows), rows


def test_a_story_with_no_declared_speaker_gets_no_headline_row(ctx):
    assert _headline(ctx, "S. Korean Authorities Accused of Arresting Farmers" + _FARMERS, None) == []


def test_a_demand_whose_lead_tells_only_a_states_act_gets_no_row(ctx):
    # (the outlet's own row for such headlines was tried and dropped: judged more worse than better)
    assert _headline(ctx, "Termination of War Drills Urged\n\nThe United States must stop its war drills at once, as "
                          "they threaten peace on the peninsula and push the situation to the brink of war.") == []


def test_a_lead_that_gives_no_row_gives_the_headline_none(ctx):
    assert _headline(ctx, "Meeting Held in Capital\n\nA meeting took place in Pyongyang on Monday.") == []


def test_a_headline_read_alone_is_unchanged(ctx):
    assert _headline(ctx, "S. Korean Authorities Accused of Arresting Farmers") == []
