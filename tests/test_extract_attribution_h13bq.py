"""Rules of the sixty-seventh tuning round (branch h13bq): a state outlet's later interviewees.

- "<a person>, <a post>, said:" — the second and third interviewees of a story, after "<someone> told KCNA:" — opens
  that person's words as the told frame does (round 65): not the outlet's, not the voice told before. The person is of
  the country the frame places them in (a foreign committee's chairman is of its country, a province of the DPRK
  whose name begins "South" is no South Korea), else of the outlet's own country; the kind is the post's.

Every sentence here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md,
"Sixty-seventh tuning round (branch h13bq)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_KCNA_DAY = date(2012, 5, 2)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker, speaker country, kind, sorted targets, attribution, content) of each statement."""
    return [(s.speaker, s.speaker_country, s.speaker_kind, ",".join(sorted(s.targets)), s.attribution, s.content)
            for s in extract_statements(text, _KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA")]


def _of(rows: list[tuple], start: str) -> list[tuple]:
    return [r for r in rows if r[5].startswith(start)]


_STORY = ("Citizens Angered by Provocation\n\nThe reckless provocation of the south Korean regime enrages the people "
          "in the north.\n\nRi Chol Su, an officer of the Korean People's Army, told KCNA:\n\n\"The army will deal a "
          "merciless blow to the puppet warmongers of south Korea.\"\n\n{frame}\n\n\"The traitors of south Korea "
          "will pay a dear price for their reckless provocation.\n\nWe will never pardon the Lee Myung Bak "
          "group.\"\n\nThe puppet warmongers of south Korea staged frantic firing drills near the border on "
          "Monday.\n")


def test_a_second_interviewee_who_said_speaks_his_own_words(ctx):
    rows = _rows(ctx, _STORY.format(frame="Ryu Chol Gun, a teacher at Pyongyang Teacher Training College, said:"))
    for start in ("\"The traitors of south Korea", "We will never pardon"):
        said = _of(rows, start)
        assert said and all(r[0] == "Ryu Chol Gun" and r[1] == "PRK" and r[2] == "people" and "KOR" in r[3]
                            for r in said), rows


def test_the_name_after_the_post(ctx):
    rows = _rows(ctx, _STORY.format(frame="A student at Kim Il Sung University, Jong Myong Hui, said:"))
    said = _of(rows, "\"The traitors of south Korea")
    assert said and all(r[0] == "Jong Myong Hui" and r[1] == "PRK" and r[2] == "people" for r in said), rows


def test_a_ministry_official_who_said_is_the_government_s_voice(ctx):
    rows = _rows(ctx, _STORY.format(frame="Pak Song Il, a department director of the Ministry of Public Health, said:"))
    said = _of(rows, "\"The traitors of south Korea")
    assert said and all(r[1] == "PRK" and r[2] == "government" for r in said), rows


def test_a_province_named_south_is_no_south_korea(ctx):
    rows = _rows(ctx, _STORY.format(frame="Choe Jong Nam, chairman of the South Hwanghae Provincial People's "
                                          "Committee, said:"))
    said = _of(rows, "\"The traitors of south Korea")
    assert said and all(r[0] == "Choe Jong Nam" and r[1] == "PRK" and r[2] == "government" for r in said), rows


def test_a_foreign_committee_s_chairman_is_of_his_country(ctx):
    rows = _rows(ctx, _STORY.format(frame="Ram Bahadur Thapa, head of a Nepalese study group on the Korean question, "
                                          "said:"))
    said = _of(rows, "\"The traitors of south Korea")
    assert said and all(r[1] == "NPL" and r[2] == "diaspora_foreign" for r in said), rows


def test_kcna_s_own_account_after_the_quotation_closes_stays_kcna_s(ctx):
    rows = _rows(ctx, _STORY.format(frame="Ryu Chol Gun, a teacher at Pyongyang Teacher Training College, said:"))
    own = _of(rows, "The puppet warmongers of south Korea staged")
    assert own and all(r[0] == "KCNA" and r[2] == "state_media" for r in own), rows


def test_words_said_with_no_quotation_mark_are_his(ctx):
    text = ("Experts Censure Agreement\n\nKim Sang Il, who heads a team at an institute of the Academy of Sciences, "
            "told KCNA that the agreement is a humiliating one.\n\nKim Kwang Ho, a researcher of "
            "the same institute, said:\n\nThe south Korean puppets sold the nation's interests to the United States "
            "through the agreement.\n")
    said = _of(_rows(ctx, text), "The south Korean puppets sold")
    assert said and all(r[0] == "Kim Kwang Ho" and r[1] == "PRK" and r[2] == "academic" for r in said), said


def test_an_association_of_koreans_abroad_is_of_no_state(ctx):
    rows = _rows(ctx, _STORY.format(frame="Pak Chol Su, chairman of the General Association of Koreans in China, "
                                          "said:"))
    said = _of(rows, "\"The traitors of south Korea")
    assert said and all(r[1] is None and r[2] == "diaspora_foreign" for r in said), rows


def test_a_friendship_body_whose_country_is_not_named_is_not_the_dprk(ctx):
    rows = _rows(ctx, _STORY.format(frame="Han Pok Sun, a member of the Japan-Korea Friendship Association, said:"))
    said = _of(rows, "\"The traitors of south Korea")
    assert said and not any(r[0] == "Han Pok Sun" and r[1] == "PRK" for r in said), rows


# The DPRK launch default (act_types.tsv; guideline decision 4) is for a DPRK act. A DPRK voice's words about a
# missile, a satellite or a nuclear programme that name the South keep the named ones only: "If a target is named
# ... list only the named ones and those the act clearly implies" — a statement that is no act implies none. Words
# naming only the US keep the default (the South they mean is often "the group" the extractor does not resolve).

def _targets_of(ctx, text: str, start: str, speaker: str | None = "KCNA") -> list[tuple]:
    found = extract_statements(text, _KCNA_DAY, ctx.actors, ctx.lexicon, speaker)
    return [(s.speaker_country, ",".join(sorted(s.targets)), s.is_act) for s in found if s.content.startswith(start)]


def test_a_dprk_body_on_the_south_s_missile_policy_targets_the_south_alone(ctx):
    text = ("NDC Spokesman Slams Missile Policy\n\nA spokesman for the National Defence Commission of the DPRK issued "
            "a statement Tuesday.\n\nThe spokesman said the south Korean puppet regime made public a reckless "
            "missile policy declaration to extend the range of its missiles.\n")
    rows = _targets_of(ctx, text, "The spokesman said")
    assert rows and all(r[0] == "PRK" and r[1] == "KOR" for r in rows), rows


def test_the_north_ready_to_strike_the_south_targets_the_south_alone(ctx):
    text = ("North Korea Warns Seoul\n\nNorth Korea said Sunday its missile units are ready to strike South Korea, "
            "ramping up pressure on its rival.\n")
    rows = _targets_of(ctx, text, "North Korea said Sunday", speaker=None)
    assert rows and all(r[0] == "PRK" and r[1] == "KOR" for r in rows), rows


def test_a_dprk_launch_toward_japan_still_bears_on_all_three(ctx):
    text = "Missile Fired\n\nNorth Korea fired a ballistic missile toward Japan on Tuesday, the ministry said.\n"
    rows = _targets_of(ctx, text, "North Korea fired", speaker=None)
    assert rows and any(r[0] == "PRK" and r[1] == "JPN,KOR,USA" for r in rows), rows


def test_a_dprk_nuclear_stance_naming_no_one_keeps_the_launch_default(ctx):
    text = ("DPRK Stand Clarified\n\nA spokesman for the National Defence Commission of the DPRK issued a statement "
            "Tuesday.\n\nThe spokesman said the DPRK will further bolster its nuclear deterrent for self-defence.\n")
    rows = _targets_of(ctx, text, "The spokesman said")
    assert rows and all(r[0] == "PRK" and r[1] == "JPN,KOR,USA" for r in rows), rows


def test_a_serviceman_who_said_is_the_military_s_voice(ctx):
    rows = _rows(ctx, _STORY.format(frame="Kang Chol Ho, a serviceman, said:"))
    said = _of(rows, "\"The traitors of south Korea")
    assert said and all(r[0] == "Kang Chol Ho" and r[1] == "PRK" and r[2] == "military" for r in said), rows


def test_a_dprk_body_named_of_korea_is_the_dprk_s(ctx):
    rows = _rows(ctx, _STORY.format(frame="Hwang Chol Nam, who keeps the books of a county branch of the Union of "
                                          "Agricultural Workers of Korea, said:"))
    said = _of(rows, "\"The traitors of south Korea")
    assert said and all(r[0] == "Hwang Chol Nam" and r[1] == "PRK" for r in said), rows


def test_an_official_of_the_cprk_is_the_government_s_voice(ctx):
    rows = _rows(ctx, _STORY.format(frame="A section chief of the Secretariat of the Committee for the Peaceful "
                                          "Reunification of Korea, Min Chol Su, said:"))
    said = _of(rows, "\"The traitors of south Korea")
    assert said and all(r[0] == "Min Chol Su" and r[1] == "PRK" and r[2] == "government" for r in said), rows


def test_a_quotation_pending_before_a_said_frame_is_not_the_outlet_s(ctx):
    # (a told frame the rule leaves to the extractor — it reads "a KPA officer" as the army — and a quotation whose
    # sentences name no one, kept for the speaker after it: the next frame's, as before the said-frame was read)
    text = ("Soldiers Angered\n\nThe provocation of the south Korean regime enrages the servicepersons.\n\nHo Kwang "
            "Bok, a KPA officer, told KCNA:\n\n\"Only a strong counter measure can stop a war on this land.\n\nAny "
            "provocation will meet an annihilating blow.\"\n\nJong Yong Su, a KPA officer, said:\n\n\"The traitors "
            "will be wiped out.\"\n")
    rows = _rows(ctx, text)
    said = _of(rows, "\"Only a strong counter measure") + _of(rows, "Any provocation will meet")
    assert len(said) == 2 and all(r[0] != "KCNA" and r[1] == "PRK" for r in said), rows


def test_words_naming_only_the_south_s_american_master_keep_the_south(ctx):
    text = ("DPRK Stand Clarified\n\nA spokesman for the National Defence Commission of the DPRK issued a statement "
            "Tuesday.\n\nThe spokesman said the puppet group is busy with confrontation.\n\nSuch attempt will only "
            "reveal the colors of the group as a nuclear war servant for its American master.\n")
    rows = _targets_of(ctx, text, "Such attempt")
    assert rows and all(r[0] == "PRK" and "KOR" in r[1].split(",") for r in rows), rows
