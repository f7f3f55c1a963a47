"""Rules of the fortieth tuning round (branch h13ao): in a state outlet's story (KCNA), a lead that tells a body of
the outlet's own side putting out a text makes the body the speaker of what follows — also when the dictionary knows
the body only by its state ("A spokesman for the <office> of the DPRK issued the following statement:": the lead's own
row gives the voice and its kind), when the text is a communique, and when the lead tells the text before its
participle ("<body> in the statement issued on <day> ...", only under a headline naming the body). The text's
sentences in house vocabulary stay the body's (one row per sentence), and a relayed group's back-reference after the
body's row is domestic as after the outlet's. Not when the lead tells the text only as what people reacted to ("...
angry after <the spokesman> released a statement", "The recently released statement of <body> adds fuel to ...",
"Upon hearing ..."). Every sentence here is written for these tests (never copied from the corpora). Figures:
docs/evaluation-extraction.md, "Fortieth tuning round (branch h13ao)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2011, 5, 3)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker, speaker country, kind, sorted targets) of each statement, in order, told by KCNA."""
    return [(s.speaker, s.speaker_country, s.speaker_kind, ",".join(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "KCNA")]


# --- the hard cases: each failed before the rule ---------------------------------------------------------------------

def test_an_office_of_the_state_issuing_the_following_statement_speaks_it(ctx):
    text = ("A spokesman for the Education Commission of the DPRK on Friday issued the following statement: , The "
            "puppet group of south Korea again forced its schoolchildren to sing songs of confrontation. Not content "
            "with this, it slandered the schools of the north before the whole world. The group will pay dearly "
            "for its crime.")
    rows = _rows(ctx, text)
    later = [r for r in rows[1:] if "KOR" in r[3]]
    assert later and all(r[0] != "KCNA" and r[1] == "PRK" and r[2] == "government" for r in later), rows


def test_a_body_the_headline_names_in_the_statement_issued_on_a_day_speaks_what_follows(ctx):
    text = ("NDC Inspection Group Discloses Truth of Sinking\n\n"
            "The inspection group of the National Defence Commission of the DPRK in the second part of the statement "
            "issued on May 2 disclosed that the case of the sunk vessel was faked up by the puppet group of south "
            "Korea. The puppet warmongers then staged reckless drills near the islands. This proves that the "
            "traitors are bent on a new war against the north.")
    rows = _rows(ctx, text)
    # (rows[0] is the headline's, with its lead's voice since round 62; rows[1] the lead)
    later = [r for r in rows[2:] if "KOR" in r[3]]
    assert later and all(r[0] != "KCNA" and r[1] == "PRK" and r[2] == "government" for r in later), rows


def test_a_delegation_issuing_a_communique_speaks_what_follows(ctx):
    text = ("The talks between the military of the north and the south broke down after all. The north side "
            "delegation to the talks on Tuesday issued a communique exposing the confrontation policy of the south "
            "Korean group of traitors. The puppet forces insisted on their absurd agenda to the last and walked out "
            "of the talks. They thus revealed their intention to block dialogue with the north.")
    rows = _rows(ctx, text)
    later = [r for r in rows[2:] if "KOR" in r[3]]
    assert later and all(r[0] != "KCNA" and r[1] == "PRK" for r in later), rows


def test_people_angry_after_a_statement_speak_for_themselves_not_the_statement(ctx):
    text = ("Workers and students in the capital grew angry with the puppet rulers of the south after the DPRK "
            "government spokesman released a statement on Monday that condemned their slander. The puppet regime "
            "will pay dearly for its crime.")
    rows = _rows(ctx, text)
    assert rows[-1][:3] == ("KCNA", "PRK", "state_media"), rows  # (main: the spokesman's text going on)


# --- counter-cases: the same on main and on the branch ---------------------------------------------------------------

def test_reactions_upon_hearing_a_statement_are_not_the_statements(ctx):
    text = ("Upon hearing the statement issued by a spokesman for the Education Commission of the DPRK, teachers in "
            "Pyongyang held meetings on Saturday. The puppet group of south Korea will pay dearly for its crime.")
    rows = _rows(ctx, text)
    assert rows[-1][:3] == ("KCNA", "PRK", "state_media"), rows


def test_a_text_the_outlet_answers_stays_the_outlets(ctx):
    text = ("The puppet regime of south Korea on Monday published a white paper on the north. The white paper is "
            "a collection of lies slandering the DPRK.")
    rows = _rows(ctx, text)
    assert rows[-1][:3] == ("KCNA", "PRK", "state_media"), rows


def test_a_papers_commentary_in_house_words_is_the_papers_one_row_for_both_targets(ctx):
    text = ("Rodong Sinmun Monday observes in a bylined commentary: , The drills near the border went beyond all "
            "limits. , What is more serious is that the U.S. imperialists and the south Korean puppet warmongers "
            "staged the reckless drills aiming at the flag of the DPRK. , This is an unpardonable provocation.")
    rows = _rows(ctx, text)
    middle = [r for r in rows if r[3] and "USA" in r[3]]
    assert [r[:3] for r in middle] == [("Rodong Sinmun", "PRK", "state_media")] and middle[0][3] == "KOR,USA", rows


def test_reactions_to_a_recently_released_statement_are_not_the_statements(ctx):
    text = ("The recently released statement of the spokesman for the Education Commission of the DPRK adds fuel to "
            "public anger at the south Korean regime. A teacher of a school in Pyongyang, Ri Chol, told KCNA that "
            "the puppet group of traitors will never escape punishment.")
    rows = _rows(ctx, text)
    assert rows[-1][0] != "DPRK" and rows[-1][2] != "government", rows


def test_a_statement_issued_on_a_day_under_a_headline_of_peoples_anger_opens_their_reactions(ctx):
    text = ("Anger of Koreans at Puppet Group Mounts\n\n"
            "A spokesman for the General Staff of the Korean People's Army in a statement released on Friday disclosed "
            "that a unit of the puppet army of south Korea fired at portraits of the leaders. The news touched off "
            "the fury of the people. The puppet warmongers will pay dearly for their crime.")
    rows = _rows(ctx, text)
    assert rows[-1][:3] == ("KCNA", "PRK", "state_media"), rows  # (not the General Staff's text going on)
