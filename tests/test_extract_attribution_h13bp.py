"""Rules of the sixty-sixth tuning round (branch h13bp): KCNA's back-reference frames whose lead gives no row.

- "the article" / "the commentary" said, with no speaker met before, was the outlet's own text (reference_words.tsv
  own_text). When the story told another issuing a text of that noun ("<a paper the dictionary does not know>
  carried an article", "<a party's spokesman> in a commentary", "a bylined article of <paper>"), it is that issuer's
  text: a known issuer with its country and kind, else a speaker not known (no country), and so are the sentences
  after its colon frame and the "it" that points back to it. The outlet's own account and its own commentary stay
  its own.

Every sentence here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md,
"Sixty-sixth tuning round (branch h13bp)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_KCNA_DAY = date(2012, 4, 11)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker actor, speaker country, kind, sorted targets, attribution, content) of each statement."""
    return [(s.speaker_actor, s.speaker_country, s.speaker_kind, ",".join(sorted(s.targets)), s.attribution, s.content)
            for s in extract_statements(text, _KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA")]


def _of(rows: list[tuple], start: str) -> list[tuple]:
    return [r for r in rows if r[5].startswith(start)]


# A southern Internet paper the dictionary does not know posts an article; KCNA glues its next paragraph onto the lead
# (". , ") and relays the article through "the article".
_UNKNOWN_PAPER = ("Puppet Regime's Treachery Flayed\n\nHanmaum Ilbo, an Internet paper of south Korea, on April 3 "
                  "posted an article denouncing the regime., The regime of south Korea keeps raising tension on the "
                  "peninsula with its war drills, the article said, and went on:\n\nThe south Korean warmongers must "
                  "stop their reckless military provocations against the north at once.\n\nThe regime will face "
                  "stern punishment from the people, it noted.\n")


def test_an_unknown_papers_article_is_no_longer_kcnas_own_voice(ctx):
    rows = _rows(ctx, _UNKNOWN_PAPER)
    frame = _of(rows, "Hanmaum Ilbo, an Internet paper")
    assert frame and all(r[0] != "KCNA" and r[1] != "PRK" and r[2] == "media" for r in frame), rows


def test_the_text_after_an_unknown_papers_colon_frame_is_not_kcnas(ctx):
    rows = _rows(ctx, _UNKNOWN_PAPER)
    after = _of(rows, "The south Korean warmongers must stop")
    assert after and all(r[0] != "KCNA" and r[1] != "PRK" for r in after), rows


def test_it_after_an_unknown_papers_article_points_back_to_the_paper(ctx):
    rows = _rows(ctx, _UNKNOWN_PAPER)
    noted = _of(rows, "The regime will face")
    assert noted and all(r[0] != "KCNA" and r[1] != "PRK" for r in noted), rows


def test_an_article_a_foreign_personage_dedicated_to_a_daily_is_his(ctx):
    # the lead's "he" is a person the dictionary does not know: no speaker before "The article went on:"
    rows = _rows(ctx, "US and Puppets Denounced\n\nAhmed Karim, head of a Moroccan society for friendship with the "
                      "Korean people, dedicated an article to a local daily on April 5, in which he denounced the U.S. "
                      "and the south Korean regime.\n\nThe article went on:\n\nThe south Korean regime is a puppet of "
                      "the U.S. and its war drills threaten peace.\n")
    after = _of(rows, "The south Korean regime is a puppet")
    assert after and all(r[0] != "KCNA" and r[1] != "PRK" for r in after), rows


def test_a_southern_partys_commentary_is_not_kcnas(ctx):
    rows = _rows(ctx, "Fighter Purchase Opposed\n\nThe vice-spokesman of the New Progressive Party of south Korea in "
                      "a brief commentary on April 2 voiced disapproval of the fighter deal., The deal only serves the "
                      "interests of U.S. arms makers, the commentary said, and continued:\n\nThe authorities must stop "
                      "buying fighters from the U.S. at once.\n")
    after = _of(rows, "The authorities must stop")
    assert after and all(r[0] != "KCNA" and r[1] != "PRK" for r in after), rows


def test_the_subject_of_the_content_before_a_closing_frame_is_not_the_issuer(ctx):
    # "<the South's authorities' act> ..., said <a paper not known> in an article": the authorities are what the
    # article is about; "the article said" later is the paper's, not theirs nor KCNA's
    rows = _rows(ctx, "Dispatch of Team Slammed\n\nThe south Korean authorities' dispatch of a team to the U.S. was "
                      "meant to fool the public, said the Internet paper Hanmaum Ilbo in an article on April 3., The "
                      "team only toured two factories, the article said, and went on:\n\nThe public is angry about "
                      "the beef imports.\n\nBut the team could not confirm anything, the article said.\n")
    said = _of(rows, "But the team could not confirm")
    assert said and all(r[0] != "KCNA" and r[1] not in ("PRK", "KOR") and r[2] == "media" for r in said), rows


def test_a_known_dprk_papers_bylined_article_is_the_papers(ctx):
    rows = _rows(ctx, "Warmongers Slammed\n\nThe reckless war drills of the south Korean puppet army are a grave "
                      "provocation, according to a bylined article of Rodong Sinmun Wednesday.\n\nThe puppets are "
                      "pushing the situation to the brink of war, the article said, and went on:\n\nThe south Korean "
                      "warmongers will pay dearly for their provocations.\n")
    after = _of(rows, "The south Korean warmongers will pay")
    assert after and all(r[0] == "Rodong Sinmun" and r[1] == "PRK" and r[2] == "state_media" for r in after), rows


def test_kcnas_own_commentary_stays_kcnas(ctx):
    # counter-case: no text of another is told before "the commentary said": the outlet's own (own_text)
    rows = _rows(ctx, "Warmongers Will Pay\n\nThe south Korean puppet warmongers staged firing drills near the border "
                      "on Monday.\n\nThis is an unpardonable provocation against the DPRK, the commentary said.\n")
    own = _of(rows, "This is an unpardonable provocation")
    assert own and all(r[0] == "KCNA" and r[1] == "PRK" for r in own), rows


def test_a_commentary_kcna_released_stays_kcnas(ctx):
    # counter-case: the outlet named as the text's issuer
    rows = _rows(ctx, "Provocation Denounced\n\nKCNA released a commentary on Tuesday denouncing the puppet army."
                      "\n\nThe puppets' firing drills are a grave provocation against the DPRK, the commentary said.\n")
    own = _of(rows, "The puppets' firing drills")
    assert own and all(r[0] == "KCNA" and r[1] == "PRK" for r in own), rows


# - A frame that only points back and opens a colon ("It went on:", "..., the ralliers said, and went on:") after a
#   relayed voice of no country (a statement of a body the dictionary does not know, speakers at a rally) goes on in
#   that voice: such a voice is no last speaker, so the frame found no one and the text after the colon was KCNA's.

_UNKNOWN_BODY = ("Crackdown Denounced by Brazilian Body\n\nThe Rio Study Circle of Korean Affairs put out a statement late "
                 "last week to protest at the south Korean authorities' crackdown on activists.\n\nThe statement said "
                 "that the south Korean regime is now committing crimes against its own people.\n\nIt went on:\n\nThe "
                 "south Korean authorities should immediately release the arrested activists and repeal the \"Security "
                 "Law.\"\n")


def test_it_went_on_after_a_statement_of_a_body_not_known_is_not_kcnas(ctx):
    rows = _rows(ctx, _UNKNOWN_BODY)
    after = _of(rows, "The south Korean authorities should immediately release")
    assert after and all(r[0] != "KCNA" and r[1] != "PRK" for r in after), rows


def test_the_ralliers_frame_after_speakers_of_no_country_goes_on_in_their_voice(ctx):
    rows = _rows(ctx, "Apology Rejected\n\nRelatives of the victims of the past dictatorship met in Seoul on Monday to "
                      "reject the apology of the ruling party's candidate.\n\nThe speakers said her apology was "
                      "empty.\n\nHer apology only rubbed salt into old wounds of south Korean people, the ralliers said, "
                      "and went on:\n\nThe candidate of south Korea's ruling party is no different from the dictator "
                      "of the past.\n")
    frame = _of(rows, "Her apology only rubbed salt")
    after = _of(rows, "The candidate of south Korea's ruling party")
    assert frame and after and all(r[0] != "KCNA" and r[1] != "PRK" for r in frame + after), rows


def test_it_went_on_after_only_kcnas_own_account_stays_kcnas(ctx):
    # counter-case: no relayed voice spoke before the frame
    rows = _rows(ctx, "Warmongers Slammed\n\nThe south Korean puppet warmongers staged firing drills near the border on "
                      "Monday.\n\nIt went on:\n\nThe puppets will pay dearly for their reckless provocation.\n")
    own = _of(rows, "The puppets will pay dearly")
    assert own and all(r[0] == "KCNA" and r[1] == "PRK" for r in own), rows
