"""Rules of issue 13's attribution round 43 (branch h13ar), from a gold-free KCNA draw (never gold): a KCNA story
whose lead tells a South Korean voice of no state (a civic group, a crowd, a writer) holding a press conference or a
rally, issuing a statement or posting an article is that voice's story: the sentences KCNA tells with no speaker of
their own are the relayed voice's, a domestic voice of the South (guideline: a state outlet relaying a civic group),
not KCNA's statement toward the South. Every sentence here is written for these tests (never copied from the
corpora). Figures: docs/evaluation-extraction.md, "Attribution round 43"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2012, 3, 5)


def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    """(sentence index, speaker actor, speaker country, targets, attribution) of each statement, in order."""
    return [(s.sentence_index, s.speaker_actor, s.speaker_country, tuple(s.targets), s.attribution)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


def _kcna_toward_south(rows: list[tuple]) -> list[tuple]:
    return [r for r in rows if r[1] == "KCNA" and "KOR" in r[3]]


# --- hard cases first ---------------------------------------------------------------------------------------------


def test_a_civic_press_conference_story_is_the_group_s_not_kcna_s(ctx):
    # Before: the lead and the speakers' words without a frame of their own were KCNA's, PRK->KOR.
    rows = _rows(ctx, "S. Koreans Call for Halt to Drills\n\nA coalition of civic groups of south Korea held a joint "
                      "press conference in Seoul on Monday in protest against the war drills.\n\nAt the conference "
                      "speakers said the most urgent task is to end the anti-reunification rule of the regime.\n\n"
                      "The drills are a dangerous act that brings war to the peninsula, they noted.")
    assert not _kcna_toward_south(rows), rows


def test_a_rally_of_workers_of_south_korea_is_theirs(ctx):
    rows = _rows(ctx, "More than 2 000 farmers of south Korea held a rally in Seoul on Friday against the trade "
                      "accord.\n\nThe accord is a treacherous one that ruins the farming of south Korea.")
    assert not _kcna_toward_south(rows), rows


def test_an_article_posted_by_a_writer_of_south_korea_is_his(ctx):
    rows = _rows(ctx, "Writer Calls for Peace\n\nKim Chol Su, a novelist of south Korea, posted an article on an "
                      "Internet paper on Tuesday.\n\nThe present authorities are driving the north-south relations "
                      "to the worst phase by their confrontation policy.")
    assert not _kcna_toward_south(rows), rows


# --- the outlet's own stories keep their rows -------------------------------------------------------------------------


def test_a_lead_of_the_south_s_authorities_stays_kcna_s_account(ctx):
    rows = _rows(ctx, "The south Korean puppet authorities held a large-scale firing drill near the border on "
                      "Monday.\n\nThis is a grave provocation against the DPRK.")
    assert _kcna_toward_south(rows), rows


def test_a_lead_of_the_south_s_police_stays_kcna_s_account(ctx):
    rows = _rows(ctx, "The police of south Korea held a raid on the office of a youth organization on "
                      "Monday.\n\nThe fascist police dragged away its members.")
    assert _kcna_toward_south(rows), rows


def test_a_lead_of_a_dprk_body_is_no_relayed_story(ctx):
    rows = _rows(ctx, "The Korean Democratic Women's Union issued a statement on Monday.\n\n"
                      "The puppet warmongers of south Korea staged frantic war drills again.")
    assert _kcna_toward_south(rows), rows


def test_talks_of_the_south_as_a_state_stay_kcna_s_account(ctx):
    # The bare country is a state, not a voice of no state placed in the South.
    rows = _rows(ctx, "The U.S. and south Korea held a security meeting in Washington on Monday.\n\n"
                      "This sordid conspiracy of the master and the stooge is aimed at a war against the DPRK.")
    assert _kcna_toward_south(rows), rows


def test_a_participle_of_the_lead_is_no_relay_verb(ctx):
    rows = _rows(ctx, "A series of south Korean junkets and confabs held by U.S. experts recently arouse great "
                      "caution.\n\nThe pro-U.S. puppet regime is a tool of the U.S. domination over south Korea.")
    assert _kcna_toward_south(rows), rows


def test_a_lead_whose_subject_acted_before_the_relay_verb_stays_kcna_s(ctx):
    # "<the South's ruler> defamed ... and held ...": the subject's own verb comes first; not a relayed voice's story.
    rows = _rows(ctx, "The traitorous group of south Korea slandered the DPRK and held a meeting of warmongers on "
                      "Monday.\n\nThis is a grave provocation against the DPRK.")
    assert _kcna_toward_south(rows), rows


def test_a_joint_lead_with_a_dprk_body_is_no_relayed_story(ctx):
    rows = _rows(ctx, "The General Federation of Trade Unions of Korea and unions of south Korea issued a joint "
                      "appeal on Monday.\n\nThe puppet authorities of south Korea must stop their suppression of "
                      "the workers.")
    assert _kcna_toward_south(rows), rows


def test_a_crowd_of_a_province_south_korea_is_placed_in_the_south(ctx):
    rows = _rows(ctx, "Workers and farmers in Taegu-North Kyongsang Province, south Korea held a meeting in Taegu on "
                      "Monday.\n\nThey vowed to wage a struggle to judge the traitorous regime.")
    assert not _kcna_toward_south(rows), rows


def test_the_day_before_the_verb_is_not_part_of_the_voice(ctx):
    from tension.extract.story_voices import relayed_lead
    lead = relayed_lead("Paper Slams Drills\n\nMinjung Sinmun, an Internet paper of south Korea, on March 2 posted an "
                        "article denouncing the drills.", ctx.lexicon.kinds.house)
    assert lead == "Minjung Sinmun, an Internet paper of south Korea"


def test_a_report_the_outlet_calls_false_is_no_relayed_story(ctx):
    from tension.extract.story_voices import relayed_lead
    assert relayed_lead("A civic group of south Korea released a false report on Monday.", ctx.lexicon.kinds.house) \
        is None
