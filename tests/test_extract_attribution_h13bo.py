"""Rules of the sixty-fifth tuning round (branch h13bo): KCNA's relayed voices after a colon frame.

- "<a person>, <a post>, told KCNA:" opens that person's words, not the outlet's: the outlet is the one told, never
  the speaker (guideline: relayed voices keep their own identity and kind). The person is of the country the frame
  names (an officer of its army), else of the outlet's own country (a state outlet's interviewees at home); the kind
  is the post's (a researcher is academic, an officer of the army military), else people. The words go on until the
  quotation that follows the frame closes: the outlet's own account after it stays the outlet's.

Every sentence here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md,
"Sixty-fifth tuning round (branch h13bo)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_KCNA_DAY = date(2012, 5, 2)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker actor, speaker country, kind, sorted targets, attribution, content) of each statement."""
    return [(s.speaker_actor, s.speaker_country, s.speaker_kind, ",".join(sorted(s.targets)), s.attribution, s.content)
            for s in extract_statements(text, _KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA")]


def _of(rows: list[tuple], start: str) -> list[tuple]:
    return [r for r in rows if r[5].startswith(start)]


_WORKER = ("Workers Angered by Provocation\n\nThe reckless provocation of the south Korean regime enrages the people "
           "in the north.\n\nPak Chol Nam, a worker at the Kangson Machine Plant, told KCNA:\n\n\"The traitors of "
           "south Korea will pay a dear price for their reckless provocation.\n\nWe will never pardon the Lee Myung "
           "Bak group.\"\n\nThe puppet warmongers of south Korea staged frantic firing drills near the border on "
           "Monday, a grave provocation.\n")


def test_a_worker_who_told_kcna_speaks_his_own_words(ctx):
    rows = _rows(ctx, _WORKER)
    for start in ("\"The traitors of south Korea", "We will never pardon"):
        said = _of(rows, start)
        assert said and all(r[0] != "KCNA" and r[1] == "PRK" and r[2] == "people" and "KOR" in r[3] for r in said), rows


def test_kcnas_own_account_after_the_quotation_closes_stays_kcnas(ctx):
    rows = _rows(ctx, _WORKER)
    own = _of(rows, "The puppet warmongers")
    assert own and all(r[0] == "KCNA" and r[2] == "state_media" for r in own), rows


def test_an_army_officer_who_told_kcna_is_the_army_s_voice(ctx):
    rows = _rows(ctx, "Officers Vow Revenge\n\nAn officer of the Korean People's Army, Ri Yong Su, told KCNA:\n\n"
                      "\"The army will deal a merciless blow to the puppet warmongers of south Korea if they dare "
                      "provoke us.\"\n")
    said = _of(rows, "\"The army will deal")
    assert said and all(r[0] != "KCNA" and r[1] == "PRK" and r[2] == "military" and "KOR" in r[3] for r in said), rows


def test_a_researcher_who_told_kcna_is_academic(ctx):
    rows = _rows(ctx, "Scholar Slams Traitor\n\nHan Myong Sik, a researcher at the Institute of History, told KCNA:"
                      "\n\n\"Traitor Lee Myung Bak tops the list of the south Korean rulers in confrontation with "
                      "the DPRK.\"\n")
    said = _of(rows, "\"Traitor Lee Myung Bak")
    assert said and all(r[0] != "KCNA" and r[1] == "PRK" and r[2] == "academic" for r in said), rows


def test_a_statement_kcna_relays_with_a_colon_is_not_changed(ctx):
    rows = _rows(ctx, "Party Statement Issued\n\nThe Progressive Party of south Korea issued a statement on Monday.\n\n"
                      "The party will never tolerate the regime's moves, it noted, and went on:\n\nThe party will "
                      "expose the sycophantic traitors who sell the nation to outside forces.\n")
    said = _of(rows, "The party will expose")
    assert said and not any(r[0] == "KCNA" for r in said), rows


def test_a_ministry_official_who_told_kcna_is_the_government_s_voice(ctx):
    rows = _rows(ctx, "Officials Denounce Drills\n\nKang Il Su, a section chief of the Ministry of Food Industry, "
                      "told KCNA:\n\n\"The puppet warmongers of south Korea must stop their reckless war drills at "
                      "once.\"\n")
    said = _of(rows, "\"The puppet warmongers")
    assert said and all(r[0] != "KCNA" and r[1] == "PRK" and r[2] == "government" and "KOR" in r[3] for r in said), rows


def test_a_name_s_own_words_are_no_post(ctx):
    # "Man" in a name is no head word of people: the post ("a department director of the Ministry") gives the kind
    rows = _rows(ctx, "Officials Denounce Drills\n\nRi Song Man, a department director of the Ministry of Food "
                      "Industry, told KCNA:\n\n\"The puppet warmongers of south Korea must stop their reckless war "
                      "drills at once.\"\n")
    said = _of(rows, "\"The puppet warmongers")
    assert said and all(r[0] != "KCNA" and r[1] == "PRK" and r[2] == "government" for r in said), rows


def test_unquoted_words_after_the_frame_go_on_past_a_quoted_phrase(ctx):
    # words told to KCNA with no quotation marks go on as any colon frame's: a quoted phrase inside them ends nothing
    rows = _rows(ctx, "Scholar Recalls War\n\nHan Myong Sik, a researcher at the Institute of History, told KCNA:\n\n"
                      "The south Korean regime calls the landing a \"great victory\", a shameless lie.\n\nThe puppets of "
                      "south Korea massacred innocent people when they fled southward.\n")
    said = _of(rows, "The puppets of south Korea massacred")
    assert said and all(r[0] != "KCNA" and r[1] == "PRK" and r[2] == "academic" for r in said), rows


def test_a_paragraph_glued_on_before_the_frame_keeps_its_rows(ctx):
    rows = _rows(ctx, "Trainers Enraged\n\nDog trainers of the army are training hard to punish the puppet traitors of "
                      "south Korea. , A KPA officer, Ri Yong Su, told KCNA:\n\n\"We will punish the Lee Myung Bak "
                      "group.\"\n")
    own = _of(rows, "Dog trainers")
    assert own and any(r[0] == "KCNA" and "KOR" in r[3] for r in own), rows


def test_an_officer_named_without_commas_is_the_military(ctx):
    rows = _rows(ctx, "Officer Vows Revenge\n\nAn officer Ri Yong Su told KCNA:\n\n\"We will deal a merciless blow to "
                      "the puppet warmongers of south Korea.\"\n")
    said = _of(rows, "\"We will deal")
    assert said and all(r[0] != "KCNA" and r[1] == "PRK" and r[2] == "military" for r in said), rows


def test_a_title_or_an_abbreviation_in_the_frame_is_no_glued_paragraph(ctx):
    rows = _rows(ctx, "Scholar Slams Traitor\n\nProf. and Dr. Han Myong Sik of the Academy of Social Sciences told KCNA:"
                      "\n\n\"Traitor Lee Myung Bak tops the list of the south Korean rulers in confrontation with "
                      "the DPRK.\"\n")
    said = _of(rows, "\"Traitor Lee Myung Bak")
    assert said and all(r[0] != "KCNA" and r[1] == "PRK" and r[2] == "academic" for r in said), rows
