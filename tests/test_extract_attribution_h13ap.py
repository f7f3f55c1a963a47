"""Rules of the forty-first tuning round (branch h13ap): in a state outlet's story (KCNA), a paper's commentary or
article of the outlet's own side is that paper's voice, not a voice of the other side named inside it — "<paper> ...
in a bylined commentary" (or "signed", "in an editorial") names the paper as the text's writer, so a later "the
commentary said" / "the article notes" points back to the paper, not to the other side's minister the text answers;
an act of the other side told in loaded words with "..., the article notes" is the paper's account; and "It is <an
evaluation> ..." inside such a text going on is the text's, not an act of the other side's voice named before. Not
for a civic group of the other side whose commentary KCNA relays, nor for "It is ..." in a relayed group's story
with no text of the outlet's side going on. Every sentence here is written for these tests (never copied from the
corpora). Figures: docs/evaluation-extraction.md, "Forty-first tuning round (branch h13ap)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2012, 5, 2)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker, speaker country, kind, sorted targets, the statement's content) of each statement, told by KCNA."""
    return [(s.speaker, s.speaker_country, s.speaker_kind, ",".join(sorted(s.targets)), s.content)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "KCNA")]


def _of(rows: list[tuple], words: str) -> list[tuple]:
    return [r for r in rows if words in r[4]]


# --- the hard cases: each failed before the rules --------------------------------------------------------------------

def test_the_commentary_said_is_the_paper_not_the_minister_it_answers(ctx):
    text = ("Southern Minister's Remarks Rapped\n\n"
            "Hyon In Thaek, south Korean minister of Unification, on Monday claimed that the north should change "
            "first. \n\nMinju Joson Wednesday in a bylined commentary ridiculed his remarks. \n\nThe reckless remarks "
            "of the minister are intended to shift the blame for the frozen relations onto the north, the commentary "
            "said.")
    rows = _of(_rows(ctx, text), "intended to shift the blame")
    assert rows and all(r[1] == "PRK" and r[2] == "state_media" and r[3] == "KOR" for r in rows), rows


def test_the_souths_act_in_loaded_words_that_the_article_notes_is_the_papers_account(ctx):
    text = ("Paper Urges End to Southern Regime's Policy\n\n"
            "Relations between the north and the south can improve only when the south Korean regime drops its "
            "policy, says Rodong Sinmun Monday in a bylined article. \n\nThe Lee Myung Bak regime's racket of "
            "confrontation has driven the inter-Korean relations into the worst crisis, the article notes.")
    rows = _of(_rows(ctx, text), "racket of confrontation")
    assert rows and all(r[1] == "PRK" and r[2] == "state_media" and r[3] == "KOR" for r in rows), rows


def test_it_is_an_evaluation_inside_a_papers_commentary_is_the_papers(ctx):
    text = ("Southern Rulers' Repression Rapped\n\n"
            "Minju Joson Friday observes in a bylined commentary in this regard: \n\nThe south Korean puppet "
            "authorities arrested members of civic groups. \n\nThe Solidarity for Progress of south Korea held a rally "
            "in Seoul in protest. \n\nIt is the height of shamelessness for the authorities to talk about democracy.")
    rows = _of(_rows(ctx, text), "height of shamelessness")
    assert rows and all(r[0] == "Minju Joson" and r[1] == "PRK" and r[3] == "KOR" for r in rows), rows


def test_it_is_natural_inside_a_papers_commentary_is_no_act_of_the_group_named_before(ctx):
    text = ("Southern Rulers' Repression Rapped\n\n"
            "Rodong Sinmun Friday says in a signed commentary: \n\nThe south Korean puppet authorities arrested "
            "members of civic groups. \n\nThe Solidarity for Progress of south Korea held a rally in Seoul in "
            "protest. \n\nIt is quite natural for the people to rise against such fascist rule.")
    rows = _of(_rows(ctx, text), "quite natural")
    assert rows and all(r[1] == "PRK" and r[2] == "state_media" for r in rows), rows


# --- the counter-cases: unchanged by the rules -----------------------------------------------------------------------

def test_a_southern_civic_groups_commentary_stays_the_groups(ctx):
    text = ("Southern Groups Slam Regime\n\n"
            "The Solidarity for Progress of south Korea in a commentary on Monday accused the Lee Myung Bak regime of "
            "its racket of confrontation. \n\nThe regime's reckless policy has pushed the relations between the north "
            "and the south to the brink of collapse, the commentary said.")
    rows = _of(_rows(ctx, text), "brink of collapse")
    assert rows and all(r[1] == "KOR" and r[2] == "civic" for r in rows), rows


def test_it_is_in_a_relayed_groups_story_with_no_text_of_the_outlets_side_stays_the_groups(ctx):
    text = ("Southern Groups Rally\n\n"
            "The Solidarity for Progress of south Korea held a rally in Seoul on Monday in protest against the arrest "
            "of its members. \n\nIt is quite natural for the people to rise against such rule.")
    rows = _of(_rows(ctx, text), "quite natural")
    assert rows and all(r[1] == "KOR" and r[2] == "civic" for r in rows), rows


def test_it_is_staging_inside_a_papers_commentary_is_still_an_act(ctx):
    # "It is staging ..." has a verb of its own: the voice named before acting, as before the rule
    text = ("Southern Rulers' Repression Rapped\n\n"
            "Minju Joson Friday observes in a bylined commentary in this regard: \n\nThe south Korean puppet "
            "authorities arrested members of civic groups. \n\nThe Solidarity for Progress of south Korea held a rally "
            "in Seoul in protest. \n\nIt is now staging sit-ins in front of the city hall.")
    rows = _of(_rows(ctx, text), "staging sit-ins")
    assert all(r[0] != "Minju Joson" for r in rows), rows
