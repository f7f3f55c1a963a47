"""Rules of issue 13's twenty-seventh tuning round, from gold-free samples of wire copy (Yonhap, RSS; never gold): a
state outlet that only passes on its own leader's words or acts is the reporter, not the speaker (labelling
guideline, reporter vs actor: "State media reported Kim said ..." is Kim's statement, reported_by the outlet).
Every sentence here is written for these tests (never copied from the corpora). Figures:
docs/evaluation-extraction.md, "Twenty-seventh tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2025, 12, 29)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker text, speaker country, speaker kind, reported_by) of each pair statement of the text, in order."""
    return [(s.speaker, s.speaker_country, s.speaker_kind, s.reported_by)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "") if s.targets]


# --- hard cases first ---------------------------------------------------------------------------------------------

def test_state_media_said_that_after_a_clause_the_leader_spoke_is_the_leaders(ctx):
    # An adverbial clause between "that" and the leader: the leader's praise of crews ready to strike the South is
    # his, passed on by the agency; the agency gets no row of its own for relaying it.
    rows = _rows(ctx, "The Korean Central News Agency said that while touring the launch site, Kim Jong-un praised the "
                      "crews for their readiness to strike South Korea.")
    assert ("Kim Jong-un", "PRK", "government", "Korean Central News Agency") in rows, rows
    assert not any(r[0] == "Korean Central News Agency" for r in rows), rows


def test_state_media_said_the_leader_vowed_with_curly_quotes_is_the_leaders(ctx):
    # Reported speech inside reported speech: the agency says the leader vowed, the vow quoted with curly quotes.
    rows = _rows(ctx, "Seoul said the North staged artillery drills near the border. The Korean Central News Agency "
                      "said Kim Jong-un vowed to “annihilate” the South’s forces if they provoke.")
    assert ("Kim Jong-un", "PRK", "government", "Korean Central News Agency") in rows, rows
    assert not any(r[0] == "Korean Central News Agency" for r in rows), rows


# --- counter-cases: these pass before and after the rule -------------------------------------------------------------

def test_state_media_in_its_own_words_stays_the_outlets(ctx):
    # The agency's own evaluation, no leader acting in what it says: its own row (state_media).
    rows = _rows(ctx, "The KCNA said the new submarine is an epoch-making step in deterring the South.")
    assert rows and rows[0][0] == "KCNA" and rows[0][2] == "state_media", rows


def test_seoul_says_the_north_fired_is_the_norths_act(ctx):
    # "Seoul says NK fired": the North's act, reported by the South's military (no row of the South's own).
    rows = _rows(ctx, "South Korea's military said North Korea fired a ballistic missile into the East Sea.")
    assert rows and rows[0][1] == "PRK" and rows[0][3], rows
    assert not any(r[1] == "KOR" for r in rows), rows


# --- rows that should not exist ---------------------------------------------------------------------------------

def test_launches_came_as_is_background_no_act_of_the_north(ctx):
    # "<the North's act> came as <another event>": the launches were told the sentence before; this clause only
    # places them in time (background, adjudication 1) and is no new act of the North (judge K's fragment row).
    for text in ("Pyongyang test-fired a cruise missile over the Yellow Sea on Friday. The North's newest firings "
                 "came as Lee Jae Myung, the South's president, gets ready for talks with Japan's prime minister.",
                 "Pyongyang test-fired a cruise missile over the Yellow Sea on Friday. The North's firings came as "
                 "the South's president got ready to travel to Tokyo for talks."):
        rows = [(s.speaker, s.content) for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "")]
        assert len([r for r in rows if r[0] in ("The North", "Pyongyang")]) == 1, rows


def test_said_the_decision_came_after_stays_a_statement(ctx):
    # Counter-case: a reporting verb before "came": the speaker's words, not a placing in time.
    rows = _rows(ctx, "Seoul said the North's decision to cut the hotline came after weeks of rising tension.")
    assert rows and rows[0][1] == "KOR", rows
