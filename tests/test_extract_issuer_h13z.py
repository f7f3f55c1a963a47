"""Rules of issue 13's twenty-fifth tuning round, from gold-free samples of KCNA (never gold): a DPRK body KCNA relays
(a state organ's bulletin or spokesman's statement, a mass organisation's statement) speaks the text its lead opens
with a colon, in its own kind, not KCNA as `state_media`; DPRK mass organisations are PRK civic (guideline decision
12). Every sentence here is written for these tests (never copied from the corpora). Figures:
docs/evaluation-extraction.md, "Twenty-fifth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2012, 3, 5)


def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    """(speaker text, speaker country, speaker kind) of each statement of the text, in order."""
    return [(s.speaker, s.speaker_country, s.speaker_kind)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


# --- hard cases first ---------------------------------------------------------------------------------------------

def test_the_bulletin_said_after_a_first_sentence_naming_the_south_is_the_issuer(ctx):
    # The story opens with the South's act, then the CPRK issuing a bulletin, glued in one sentence; "The bulletin
    # said:" is the CPRK's text, not the South's regime's (the speaker the first sentence named) nor KCNA's.
    rows = _rows(ctx, "The south Korean regime said it would hold firing drills off the western islands. , The Secretariat of "
                      "the Committee for the Peaceful Reunification of Korea on Monday issued a bulletin in this "
                      "regard.\n\nThe bulletin said:\n\nThe regime is pushing the situation to the brink of war. "
                      "Its drills "
                      "are a grave provocation against the compatriots in the north.")
    assert rows[-1][1:] == ("PRK", "government") and rows[-1][0] != "KCNA", rows
    assert all(r[1] != "KOR" for r in rows[1:]), rows


def test_a_spokesman_for_an_organ_of_the_dprk_issuing_the_following_statement_is_the_organ(ctx):
    # "of the Democratic People's Republic of Korea" ends the organ's name: the organ speaks (government), and what
    # follows is its statement, sentence after sentence, not KCNA's own voice.
    rows = _rows(ctx, "A spokesman for the National Defence Commission of the Democratic People's Republic of Korea "
                      "issued the following statement on Saturday: The puppet group has staged war drills again. "
                      "The drills are an open challenge to peace on the peninsula. The group will pay dearly for it.")
    assert rows[-1] == ("National Defence Commission", "PRK", "government"), rows
    assert all(r[0] != "KCNA" for r in rows), rows


def test_a_mass_organisation_statement_is_pr_civic_and_goes_on(ctx):
    # Before: the federation was a name the dictionary did not know, so its statement's sentences were KCNA's (a
    # state voice PRK->KOR); now it is a PRK civic voice (decision 12: mass organisations are not state voices).
    rows = _rows(ctx, "A spokesman for the Central Committee of the General Federation of Trade Unions of Korea issued "
                      "the following statement on Friday: The puppet authorities have forced through a law against the "
                      "workers. This is a crime against the people in the south.")
    assert rows[-1][1:] == ("PRK", "civic"), rows
    assert all(r[0] != "KCNA" for r in rows), rows


def test_it_said_after_an_issuing_lead_is_the_issuer(ctx):
    # The issuing verb is an act of the Secretariat (no speaker remembered); "It said:", a paragraph of its own
    # (KCNA's ", ," paragraph breaks, blank lines once cleaned), still opens its text.
    rows = _rows(ctx, "The Secretariat of the Committee for the Peaceful Reunification of Korea issued information "
                      "bulletin No. 12 on Friday as regards the smear campaign of the south Korean authorities.\n\nIt "
                      "said:\n\nThe puppet group keeps clamouring for a resolution against the north. Such slander "
                      "will get the group nowhere but to its doom in the DPRK's eyes.")
    assert rows[-1][1:] == ("PRK", "government") and rows[-1][0] != "KCNA", rows


def test_the_youth_league_is_pr_civic(ctx):
    # The youth league is a mass organisation: PRK civic, not a state voice.
    rows = _rows(ctx, "The Central Committee of the Kim Il Sung Socialist Youth League in a statement on Monday "
                      "denounced the puppet authorities for suppressing students in the south.")
    assert rows[0][1:] == ("PRK", "civic"), rows


# --- counter-cases --------------------------------------------------------------------------------------------------

def test_an_unknown_body_whose_name_ends_with_korea_does_not_become_the_south(ctx):
    # A front body the dictionary does not know, whose name ends with the word Korea: the only mention
    # before the issuing verb is a state; no state is taken as the issuer (the South's government would speak).
    rows = _rows(ctx, "The Northern Bureau of the League for a Reunified Korea issued the following "
                      "resolution on Monday: We greet the anniversary with a firm resolve. The puppet authorities "
                      "must stop their moves of confrontation.")
    # (the lead's own row still reads the name's last word as the South: a row of its own, left for a later round)
    assert all(not (r[1] == "KOR" and r[2] == "government") for r in rows[1:]), rows


def test_kcna_own_story_with_no_issuer_stays_kcna(ctx):
    # KCNA's own account with no body issuing a text: its sentences stay the outlet's.
    rows = _rows(ctx, "The puppet group staged war drills near the border on Monday. The drills are an open "
                      "challenge to peace on the peninsula.")
    assert rows[-1][0] == "KCNA", rows
