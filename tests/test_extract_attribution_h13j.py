"""Rules of issue 13's tenth tuning round, each kept only when the held-out T2 part of the tune half did not get
worse; every sentence here is written for these tests (never copied from the corpora). Rules:
docs/labelling-guideline.md; figures: docs/evaluation-extraction.md, "Tenth round"."""

from __future__ import annotations

from datetime import date

from conftest import KCNA_DAY, kcna_voices as found


# --- a frame whose verb a colon follows inside the sentence goes on speaking (continuation.colon_frame) -------------

def test_a_relayed_statement_said_colon_goes_on_in_the_groups_voice(ctx):
    # Before: the second sentence was KCNA's own (PRK state_media -> GHA, KOR, USA).
    text = ("The Workers' Union of Ghana issued a statement on May 3, condemning Washington and the regime in Seoul. "
            "The statement said: Washington and its Seoul stooges keep committing grave provocations. "
            "Worse still, they held war drills close to the border.")
    voices = found(ctx, text)
    assert voices[-1][:2] == ("GHA", "diaspora_foreign")


def test_a_south_korean_groups_commentary_noted_colon_goes_on_as_its_own_domestic_words(ctx):
    # The same class written differently: a South Korean civic group, "noted:", a sentence with no country of its own.
    # Before: that sentence gave no row (KCNA's remark with no target); it is the group's domestic statement.
    text = ("The People's Solidarity of south Korea issued a commentary on March 2. The commentary noted: The puppet "
            "conservatives are pushing the peninsula to war with their exercises. Their confrontation racket is "
            "doomed to failure.")
    voices = found(ctx, text)
    assert len(voices) == 3 and voices[-1] == ("KOR", "civic", ())


def test_a_person_quoted_with_a_colon_does_not_go_on_into_the_next_sentence(ctx):
    # Hard case: a named person's colon ("X stated: ...") is often one of several reacting in turn; the next
    # sentence stays the outlet's.
    text = ("Ri Chol, a worker at a steel mill in Chongjin, stated: The puppet traitors will pay dearly. "
            "The workers are increasing production with redoubled efforts to smash the south Korean warmongers.")
    voices = found(ctx, text)
    assert voices[-1][:2] == ("PRK", "state_media")


# --- members named in a body's name are not its head (kinds.of_head) ---------------------------------------------

def test_a_teachers_union_is_a_civic_body_not_its_teachers(ctx):
    # Before: "Teachers" (people) came first and decided the kind.
    text = ("The Korean Teachers and Education Workers Union of south Korea issued a commentary on Oct. 20. "
            "The commentary said the puppet regime is pushing the country to a war.")
    assert [v[:2] for v in found(ctx, text)] == [("KOR", "civic"), ("KOR", "civic")]


def test_a_workers_solidarity_is_a_civic_body(ctx):
    text = ("The Workers Solidarity of south Korea in a statement on Monday denounced the puppet authorities for "
            "their anti-labour policy.")
    assert found(ctx, text)[0][:2] == ("KOR", "civic")


def test_workers_of_a_plant_are_people(ctx):
    # Hard case: no body's name follows the members (lower case, "of a ... plant").
    text = "Workers of a Hyundai plant in south Korea said the puppet authorities must stop their crackdown."
    assert found(ctx, text)[0][:2] == ("KOR", "people")


# --- a Korean living abroad is a diaspora voice of no state (speaker_kinds.tsv, speaker_kind.DIASPORA) --------------

def test_an_article_by_a_korean_resident_abroad_is_diaspora_of_no_state(ctx):
    # Before: JPN people (the country of residence, as if Japan spoke).
    text = ("An article by a Korean resident in Japan said the south Korean warmongers are driving the situation "
            "to the brink of war.")
    assert found(ctx, text)[0] == (None, "diaspora_foreign", ("KOR",))


def test_a_korean_living_in_europe_is_diaspora_of_no_state(ctx):
    text = "A Korean living in Germany wrote in an article that the puppet authorities must stop the confrontation."
    assert found(ctx, text)[0][:2] == (None, "diaspora_foreign")


def test_a_south_korean_resident_of_seoul_is_no_diaspora(ctx):
    # Hard case: a Korean living at home ("resident of Seoul") keeps the South's country.
    text = "A south Korean resident of Seoul said the puppet authorities are suppressing the press."
    assert found(ctx, text)[0][:2] == ("KOR", "people")


# --- DPRK united-front bodies are PRK civic, the CPRK government (guideline decision 12; actors.tsv) ---------------

def test_a_dfrk_spokesman_is_a_north_korean_front_body_not_a_state_voice(ctx):
    # Before: a speaker of no country ("spokesman", people): the dictionary did not know the DFRK.
    text = ("A spokesman for the Democratic Front for the Reunification of Korea said the Lee Myung Bak group must "
            "apologize for its crimes.")
    assert found(ctx, text)[0] == ("PRK", "civic", ("KOR",))


def test_the_north_side_committee_is_a_front_body(ctx):
    # Before: PRK government.
    text = ("The North Side Committee for Implementing the June 15 Joint Declaration issued a statement denouncing "
            "the puppet regime.")
    assert found(ctx, text)[0] == ("PRK", "civic", ("KOR",))


def test_the_cprk_stays_a_state_organ(ctx):
    # Hard case: the CPRK is the party and state organ for the South (decision 12): government.
    text = ("The Secretariat of the Committee for the Peaceful Reunification of Korea issued a bulletin on Monday, "
            "denouncing the puppet group for its confrontation moves.")
    assert found(ctx, text)[0] == ("PRK", "government", ("KOR",))


# --- a named DPRK body "of the DPRK" is its state, not a person of it (speaker_kind._OFFICE) -----------------------

def test_a_tourism_bureau_of_the_dprk_is_government(ctx):
    # Before: PRK people ("a champion of <country>" reading: a name "of" a country with no office word).
    text = ("The Mt. Kumgang tourism bureau of the DPRK released a report on Friday blaming the south Korean "
            "authorities for the suspension of the tour.")
    assert found(ctx, text)[0] == ("PRK", "government", ("KOR",))


def test_a_general_administration_of_the_dprk_is_government(ctx):
    text = ("The General Administration of Civil Aviation of the DPRK said in a notice that the south Korean "
            "puppets must stop their provocations.")
    assert found(ctx, text)[0][:2] == ("PRK", "government")


def test_a_champion_of_the_south_stays_a_person(ctx):
    # Hard case: a person "of" a country with no office word is still that country's people.
    text = "Rev. Han, a reunification champion of south Korea, said the puppet authorities must stop the crackdown."
    assert found(ctx, text)[0][:2] == ("KOR", "people")


# --- a country followed by a topic verb is an agenda item, no target (targets.make_statement, topic_verb) ---------

YONHAP_DAY = date(2025, 12, 30)


def test_north_korea_expected_to_top_a_summits_agenda_is_no_target(ctx):
    # Before: KOR -> CHN, PRK (a Seoul-Beijing summit made an act toward the North).
    text = ("President Lee Jae Myung will hold a summit with Chinese President Xi Jinping next week, with North "
            "Korea expected to top the agenda.")
    assert found(ctx, text, "", YONHAP_DAY) == [("KOR", "government", ("CHN",))]


def test_north_korea_one_of_the_main_agenda_items_of_a_visit_is_no_target(ctx):
    text = ("President Lee Jae Myung will travel to Japan next month for talks with the prime minister, with "
            "Pyongyang likely to be a key agenda item.")
    assert found(ctx, text, "", YONHAP_DAY) == [("KOR", "government", ("JPN",))]


def test_a_demand_about_cooperation_with_the_north_keeps_the_north(ctx):
    # Hard case: a topic the speaker takes a stance on is a target (guideline, Targets).
    text = "Seoul urged Russia to halt its military cooperation with North Korea."
    assert found(ctx, text, "", YONHAP_DAY) == [("KOR", "government", ("PRK", "RUS"))]


# --- a launch told before the outlet that passes it on is the military's; the leader stays government -------------

def test_a_launch_told_before_the_north_korean_agency_is_the_norths_military_act(ctx):
    # Before: PRK government (the framed subject kept the state's kind).
    text = ("North Korea fired two cruise missiles into the Yellow Sea on Sunday, the Korean Central News Agency "
            "said Monday.")
    assert found(ctx, text, "", YONHAP_DAY) == [("PRK", "military", ("JPN", "KOR", "USA"))]


def test_a_launch_told_before_the_norths_state_media_is_reported_by_the_media(ctx):
    from tension.extract.statements import extract_statements

    text = ("Pyongyang test-fired a new hypersonic missile toward the East Sea, North Korea's state media reported "
            "Tuesday.")
    [s] = extract_statements(text, YONHAP_DAY, ctx.actors, ctx.lexicon)
    assert (s.speaker_country, s.speaker_kind, s.reported_by) == ("PRK", "military", "state media")


def test_the_leader_inspecting_a_test_firing_is_government(ctx):
    # Before: military (the launch's kind); adjudication 9: the leader acts as the leader.
    text = "Kim Jong-un watched a test launch of new anti-aircraft missiles off the east coast on Wednesday."
    assert found(ctx, text, "", YONHAP_DAY)[0][:2] == ("PRK", "government")


def test_the_state_firing_missiles_stays_military(ctx):
    # Hard case: the state as the subject of a launch is its military.
    text = "North Korea launched a pair of short-range missiles toward the East Sea on Sunday."
    assert found(ctx, text, "", YONHAP_DAY)[0][:2] == ("PRK", "military")


# --- a paper's accusation with no frame row of its own is the paper's (voices._accusing_voice; loaded words) -------

def test_a_papers_accusation_told_as_the_souths_act_is_the_papers(ctx):
    # Before: KOR government -> PRK, an act reported by the paper.
    text = ("The south Korean authorities are keen on escalating confrontation with the north, Rodong Sinmun says "
            "in a signed article.")
    assert found(ctx, text) == [("PRK", "state_media", ("KOR",))]


def test_a_papers_accusation_in_other_words_is_the_papers(ctx):
    text = "The south Korean military is bent on fuelling confrontation with the DPRK, Minju Joson says."
    assert found(ctx, text) == [("PRK", "state_media", ("KOR",))]


def test_a_drill_told_in_plain_words_stays_the_souths_act(ctx):
    # Hard case: no loaded word: the South's act, passed on by the paper (guideline: reporter vs actor).
    text = "The south Korean military staged firing drills near the border, Minju Joson says."
    assert found(ctx, text) == [("KOR", "military", ("PRK",))]


# --- the paper's loaded account is one row, the paper's (voices.relayed_voices, house vocabulary) -----------------

def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    from tension.extract.statements import extract_statements

    return [(s.speaker, s.speaker_country, s.speaker_kind) for s in
            extract_statements(text, KCNA_DAY, ctx.actors, ctx.lexicon, speaker)]


def test_a_papers_frame_and_its_loaded_content_are_one_row_of_the_paper(ctx):
    # Before: two rows, the paper's and KCNA's own (house vocabulary) for the same words.
    text = ("Rodong Sinmun Tuesday says that the south Korean puppet forces staged frantic firing drills near the "
            "border, a grave provocation.")
    assert _rows(ctx, text) == [("Rodong Sinmun", "PRK", "state_media")]


def test_a_papers_loaded_account_after_the_content_is_the_papers(ctx):
    # Before: KCNA's own row; the paper named after the content is the speaker.
    text = "The puppet warmongers staged firing drills near the border, Minju Joson says."
    assert _rows(ctx, text) == [("Minju Joson", "PRK", "state_media")]


def test_kcnas_own_loaded_account_stays_kcnas(ctx):
    # Hard case: no paper named: the outlet's own words.
    assert _rows(ctx, "The puppet warmongers staged firing drills near the border.") == [("KCNA", "PRK", "state_media")]


# --- a relayed party's spokesman or union goes on in its own voice (voices._relayed_party; pointing words) ---------

def test_a_south_korean_partys_spokesman_in_kcnas_words_is_the_party(ctx):
    # Before: the second sentence was KCNA's own (house vocabulary in what the spokesman said).
    text = ("A spokesman for the Democratic Labour Party of south Korea in a press conference on May 3 said the "
            "Lee Myung Bak group must stop the war drills. The spokesman noted that the puppet authorities are "
            "pushing the situation to the brink of war.")
    # (the party was not ruling in 2011: opposition since session 10)
    assert [v[:2] for v in found(ctx, text)] == [("KOR", "opposition"), ("KOR", "opposition")]


def test_a_partys_commentary_said_in_kcnas_words_is_the_party(ctx):
    text = ("The Democratic Party of south Korea issued a commentary on June 2. It said the traitors are "
            "resorting to suppression of the opposition.")
    assert found(ctx, text)[-1][:2] == ("KOR", "opposition")  # (not ruling in 2011: session 10)


def test_the_federation_goes_on_for_a_relayed_union(ctx):
    # Before: "The federation" had no country (civic, no state).
    text = ("The Korean Federation of Teachers Unions of south Korea held a press conference on Friday. The "
            "federation urged the authorities to stop the crackdown at once.")
    assert found(ctx, text)[-1][:2] == ("KOR", "civic")


def test_a_party_named_in_kcnas_loaded_words_is_kcnas_account(ctx):
    # Hard case: the outlet names the party in its own loaded words before the verb: its own sentence.
    text = "The puppet Grand National Party claimed that the north is to blame for the tension."
    assert found(ctx, text) == [("PRK", "state_media", ("KOR",))]


# --- the South named only as the place of another's forces is no target (context.is_place; adversary) -------------

def test_forces_introduced_into_the_south_target_the_us_not_the_south(ctx):
    # Before: KOR and USA (the South, the place of the deployment, read as a target).
    text = "The U.S. has introduced more strike forces into south Korea, seeking to start a war against the DPRK."
    assert found(ctx, text) == [("PRK", "state_media", ("USA",))]


def test_a_demand_that_us_troops_withdraw_from_the_south_targets_the_us(ctx):
    text = "The U.S. must withdraw its troops from south Korea at once."
    assert found(ctx, text) == [("PRK", "state_media", ("USA",))]


def test_strike_means_deployed_by_the_imperialists_do_not_make_the_south_the_target(ctx):
    # "the imperialists" name no country; the South, only the place, does not become the target in their stead.
    text = "The imperialists are deploying strike means in south Korea to stifle the DPRK."
    assert found(ctx, text) == [("PRK", "state_media", ())]


def test_hardware_introduced_from_the_us_keeps_the_us(ctx):
    # Hard case: "from" is a place only after "withdraw"; the source of the hardware is named, not a place.
    text = "They introduced a large amount of weapons from the U.S. and handed them over to the puppet army."
    assert "USA" in found(ctx, text)[0][2]
