"""Rules of issue 13's eleventh tuning round, each kept only when the held-out T2 part of the tune half did not get
worse; every sentence here is written for these tests (never copied from the corpora). Rules:
docs/labelling-guideline.md (adjudications 9, 10); figures: docs/evaluation-extraction.md, "Eleventh round"."""

from __future__ import annotations

from datetime import date

from conftest import kcna_voices, voices_on

DAY = date(2025, 12, 30)


# --- a state's own courts and prosecutors named with no country: the story's home state's (institutions.py) ------

def test_a_wire_storys_supreme_court_is_its_home_states_government(ctx):
    # Before: no row (the dictionary knows no court). Adjudication 9: courts are government; the ruling on a
    # domestic defendant has no target (adjudication 10), whatever the charges name.
    text = ("SEOUL, Dec. 30 (Yonhap) -- The Supreme Court on Tuesday upheld the acquittal of a trade unionist "
            "accused of praising North Korea.")
    assert voices_on(ctx, text, DAY) == [("KOR", "government", ())]


def test_prosecutors_and_an_appellate_court_in_a_wire_story_are_government(ctx):
    # The same class written differently: bare plural prosecutors opening a sentence, "an appellate court".
    text = ("SEOUL, Dec. 29 (Yonhap) -- Prosecutors indicted a former army colonel on bribery charges on Monday. "
            "An appellate court later reduced his sentence to two years.")
    assert voices_on(ctx, text, DAY) == [("KOR", "government", ()), ("KOR", "government", ())]


def test_a_tass_story_from_seoul_gives_its_special_prosecutors_seouls_country(ctx):
    # A dateline's city, not the outlet (TASS is Russian): the prosecutors are Seoul's.
    text = "SEOUL, March 3. /TASS/. A special counsel team has requested a ten-year prison term for the ex-minister."
    assert voices_on(ctx, text, DAY) == [("KOR", "government", ())]


def test_a_court_ruling_names_no_second_actor(ctx):
    # "a lower court ruling": the court only modifies the ruling; one row, the top court's.
    text = ("SEOUL, Dec. 30 (Yonhap) -- The top court upheld a lower court ruling that cleared a union leader of "
            "the charges.")
    assert voices_on(ctx, text, DAY) == [("KOR", "government", ())]


def test_a_kcna_release_keeps_the_puppet_prosecution_in_its_own_voice(ctx):
    # Hard case: a declared speaker's story (house vocabulary) is not changed.
    text = "The puppet prosecution indicted a reunification activist on Monday, branding him a spy."
    assert [v[:2] for v in kcna_voices(ctx, text)] == [("PRK", "state_media")]


def test_an_international_court_and_a_bare_headline_get_no_home_country(ctx):
    # Hard cases: a capitalised court not in the modifier list is no domestic body; a headline with no dateline
    # and no country for its court stays without a row.
    assert voices_on(ctx, "SEOUL, Dec. 30 (Yonhap) -- The International Criminal Court issued a warrant on Monday.",
                     DAY) == []
    assert voices_on(ctx, "Top court upholds acquittal of union leader", DAY) == []


def test_the_court_after_a_foreign_court_is_not_the_home_states(ctx):
    # Hard case: a Seoul wire story about a U.S. court: "The court" later is that court, no ROK row.
    text = ("SEOUL, Dec. 30 (Yonhap) -- A U.S. federal court sentenced a North Korean hacker on Monday. "
            "The court said the hacker had stolen millions in crypto assets.")
    assert all(v[0] != "KOR" for v in voices_on(ctx, text, DAY))


def test_a_court_with_its_country_named_after_it_is_left_as_before(ctx):
    # Hard case: "a court in South Korea" is read from the country named, as before (not the dateline's).
    text = "TOKYO, Dec. 30 (Kyodo) -- A court in South Korea approved the extradition of a fugitive to Japan."
    assert all(v[0] == "KOR" for v in voices_on(ctx, text, DAY))


# --- a South Korean state voice's unnamed "provocation" is the North's (targets._unnamed_provocation) -------------

def test_seoul_closing_a_crossing_after_a_provocation_targets_the_north(ctx):
    # Before: no target (nobody named). Guideline, Targets: "the enemy" and the like resolve by context.
    assert voices_on(ctx, "The South Korean government closed a border crossing on Friday after a provocation.",
                     DAY) == [("KOR", "government", ("PRK",))]


def test_the_jcs_warning_against_provocations_targets_the_north(ctx):
    # The same class written differently: a military voice, a plural, a warning (no act).
    text = "The Joint Chiefs of Staff said the military stands ready to respond sternly to further provocations."
    assert voices_on(ctx, text, DAY) == [("KOR", "military", ("PRK",))]


def test_a_named_provocation_and_a_civic_voice_are_left_alone(ctx):
    # Hard cases: a provocation someone else is named for keeps its target; a non-state voice is not inferred.
    assert voices_on(ctx, "Seoul protested Tokyo's provocative claim to the islets.", DAY) == [
        ("KOR", "government", ("JPN",))]
    assert [v[2] for v in voices_on(ctx, "South Korean activists denounced the provocation on Monday.", DAY)] == [()]


# --- what an act's "amid ..." phrase names is background, used only when nothing else is (targets._amid_at) -------

def test_a_launch_amid_the_allies_drills_takes_the_launch_default(ctx):
    # Before: KOR only (the drills' country as target, and "drills" read the act as a border drill).
    assert voices_on(ctx, "North Korea fires two cruise missiles amid Seoul's naval drills with Washington", DAY) == [
        ("PRK", "military", ("JPN", "KOR", "USA"))]


def test_a_launch_amid_tension_over_a_third_state_does_not_target_it(ctx):
    # The same class written differently: a third state named only in the background phrase.
    assert voices_on(ctx, "North Korea launched a ballistic missile on Friday amid tension over China's trade curbs.",
                     DAY) == [("PRK", "military", ("JPN", "KOR", "USA"))]


def test_an_alert_amid_the_norths_threats_keeps_the_north(ctx):
    # Hard case: when only the background phrase names a country, it stays the target, as before.
    assert voices_on(ctx, "South Korea raises alert amid North Korea's threats", DAY) == [
        ("KOR", "government", ("PRK",))]


def test_an_actor_inside_the_amid_phrase_keeps_its_own_act(ctx):
    # Hard case: the North's possible test told inside the phrase is still a nuclear act (launch default).
    text = "The UN nuclear chief will visit South Korea next week amid concerns that North Korea could conduct a nuclear test."
    assert ("PRK", "military", ("JPN", "KOR", "USA")) in voices_on(ctx, text, DAY)


# --- a country's market or figure opening a clause is no act of the state (institutions.statistic_subject) --------

def test_a_countrys_stock_index_closing_higher_is_no_act(ctx):
    # Before: a KOR government act with no target. Adjudication 15: financial-market items have no statement.
    assert voices_on(ctx, "South Korea's main stock index closed 3 percent higher on Friday, data showed.", DAY) == []


def test_a_named_index_and_a_birth_rate_are_no_acts(ctx):
    # The same class written differently: an index named after the country, a demographic figure.
    assert voices_on(ctx, "The Korea Stock Exchange Index (KSEI) rose to a record on Monday.", DAY) == []
    assert voices_on(ctx, "Japan's birth rate fell to a new low last year.", DAY) == []


def test_a_ministers_title_naming_the_economy_keeps_the_meeting(ctx):
    # Hard case: "economy" that only qualifies a minister is no figure; the minister's act stays.
    assert ("RUS", "government", ("KOR",)) in voices_on(
        ctx, "Russia's economy minister met South Korea's trade minister in Moscow.", DAY)


# --- research after a headline's dash says what the headline tells (headlines._finding_source) --------------------

def test_a_headline_closing_on_study_is_the_studys_finding(ctx):
    # Before: the ROK's own act ("faces") with no target, the study only its reporter.
    assert voices_on(ctx, "South Korea faces a sharp fall in its workforce by 2060 – study", DAY) == [
        (None, "academic", ("KOR",))]


def test_a_headline_closing_on_a_new_poll_is_the_polls_finding(ctx):
    # The same class written differently: a poll, two countries in the finding.
    assert voices_on(ctx, "Japanese view Russia less warmly than a decade ago – new poll", DAY) == [
        (None, "academic", ("JPN", "RUS"))]


def test_a_military_passing_on_a_launch_after_a_dash_is_left_alone(ctx):
    # Hard case: a state body after the dash passes the act on (as before); "report" is still a reporter.
    assert voices_on(ctx, "North Korea fires missile – S. Korean military", DAY) == [
        ("PRK", "military", ("JPN", "KOR", "USA"))]
    assert voices_on(ctx, "North Korea could test a new missile soon – report", DAY) == [
        ("PRK", "military", ("JPN", "KOR", "USA"))]


# --- actors named together with a verb of a joint act act toward each other (mutual.joint_verb) -------------------

def test_two_states_agreeing_act_toward_each_other(ctx):
    # Before: each with no target. Guideline: "the two sides agreed" gives rows both ways.
    assert voices_on(ctx, "Russia, South Korea agree to resume direct flights", DAY) == [
        ("RUS", "government", ("KOR",)), ("KOR", "government", ("RUS",))]


def test_two_states_reaching_a_deal_and_their_ministers_meeting_act_toward_each_other(ctx):
    # The same class written differently: "reached a deal", and a head noun between the countries and "met".
    assert voices_on(ctx, "Moscow and Seoul reached a deal on fishing quotas on Monday.", DAY) == [
        ("RUS", "government", ("KOR",)), ("KOR", "government", ("RUS",))]
    assert voices_on(ctx, "The Russian and South Korean deputy foreign ministers met in Geneva.", DAY) == [
        ("RUS", "government", ("KOR",)), ("KOR", "government", ("RUS",))]


def test_one_actor_discussing_a_country_gives_it_no_row_and_allied_drills_stay_aimed_at_the_north(ctx):
    # Hard cases: a topic after the verb never acts; a joint drill is no act toward each other (adjudication 3).
    assert voices_on(ctx, "Putin discussed North Korea with the visiting envoy.", DAY) == [
        ("RUS", "government", ("PRK",))]
    # (no DPRK target either since round 52: the document names none — decisions 23 and 45)
    assert voices_on(ctx, "The US, South Korea and Japan held drills near the peninsula.", DAY) == [
        ("USA", "military", ()), ("KOR", "military", ()), ("JPN", "military", ())]
