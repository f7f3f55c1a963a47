"""Rules of issue 13's twelfth tuning round (batch 3's tune half, mostly RSS feed items: speaker kind and targets);
every sentence here is written for these tests (never copied from the corpora). Each rule has a second sentence of
its class written differently and a counter-case that must not change. Figures: docs/evaluation-extraction.md,
"Twelfth tuning round"."""

from __future__ import annotations

from datetime import date

from conftest import voices_on

DAY = date(2024, 6, 11)


# --- a labour strike is no military act (reference_words.tsv labour_strike; kinds.implied_act) --------------------

def test_a_government_order_during_a_doctors_strike_stays_government(ctx):
    # Before: "strike" read as a military act made the government's order its military's.
    text = "The Japanese government ordered hospitals to stay open on Monday as more doctors joined the strike."
    assert voices_on(ctx, text, DAY) == [("JPN", "government", ())]


def test_a_union_strike_written_differently_is_no_military_act(ctx):
    # The same class: a country as the subject, the union's strikes in the plural.
    text = "South Korea toughened its stance on Friday as the rail union extended its strikes."
    assert voices_on(ctx, text, DAY) == [("KOR", "government", ())]


def test_a_missile_strike_is_still_the_militarys_act(ctx):
    # Counter-case: a strike with no labour word stays a military act (and its counterpart target).
    text = "Russia launched strikes on Ukraine's power grid on Monday."
    assert voices_on(ctx, text, DAY) == [("RUS", "military", ("UKR",))]


# --- "X's parliament voted": the body a country owns speaks (reference_words.tsv possessed_body) ---------------------

def test_a_countrys_parliament_in_the_possessive_is_the_legislature(ctx):
    # Before: the country spoke as government; the parliament it owns is the actor (speaker_kinds.tsv head).
    text = "Japan's parliament approved a record defence budget on Friday."
    assert voices_on(ctx, text, DAY) == [("JPN", "party_legislature", ())]


def test_a_countrys_lawmakers_and_top_court_written_differently(ctx):
    # The same class with a curly apostrophe and other bodies: lawmakers (legislature), the top court (government).
    assert voices_on(ctx, "South Korea’s lawmakers passed a bill banning the trade on Tuesday.", DAY) == [
        ("KOR", "party_legislature", ())]
    assert voices_on(ctx, "Japan's top court ruled against the state on Wednesday.", DAY) == [
        ("JPN", "government", ())]


def test_what_else_a_country_owns_is_no_body(ctx):
    # Counter-case: a possessive owning no state body leaves the sentence as before (the country, or no act).
    assert voices_on(ctx, "Japan's economy grew by one percent in the first quarter.", DAY) == []
    assert [v[:2] for v in voices_on(ctx, "South Korea's government approved the budget on Friday.", DAY)] == [
        ("KOR", "government")]


# --- a title-case headline's object after a state's verb names no head (reference_words.tsv name_break; speaker_kind.py)

def test_a_states_headline_verb_ends_its_phrase_before_the_objects_head(ctx):
    # Before: "Companies" in the object made the state a civic group.
    text = "Japan Bans Companies From Selling Drones to Russia"
    assert voices_on(ctx, text, DAY) == [("JPN", "government", ("RUS",))]


def test_a_states_headline_warning_its_citizens_written_differently(ctx):
    # The same class with another verb and a head of people: the state warns, it is not its citizens.
    text = "South Korea Warns Citizens to Leave Russia Over Security Fears"
    assert [v[:2] for v in voices_on(ctx, text, DAY)] == [("KOR", "government")]


def test_a_body_named_before_the_verb_keeps_its_head(ctx):
    # Counter-cases: the head comes before the verb ("Business Groups Urge"; a demonym's "Workers Rally").
    assert voices_on(ctx, "US Business Groups Urge Trade Deal With Japan", DAY) == [("USA", "civic", ("JPN",))]
    assert voices_on(ctx, "South Korean Workers Rally Against Japan", DAY) == [("KOR", "people", ("JPN",))]


# --- a state saying it tested or launched: its military's act (targets._own_act_told) ------------------------------

def test_a_state_saying_it_tested_a_missile_speaks_as_its_military(ctx):
    # Before: government. Guideline (kinds): "North Korea fired" = military, also when the state tells it itself.
    text = "North Korea said on Sunday it had test-fired a new cruise missile."
    assert voices_on(ctx, text, DAY) == [("PRK", "military", ("JPN", "KOR", "USA"))]


def test_a_capital_claiming_to_be_testing_written_differently(ctx):
    # The same class: the capital, "claims to be testing", weapons in the plural.
    text = "Pyongyang claims to be testing new solid-fuel rockets."
    assert [v[:2] for v in voices_on(ctx, text, DAY)] == [("PRK", "military")]


def test_a_plan_a_condition_or_a_persons_claim_stays_government(ctx):
    # Counter-cases: a plan ("will launch"), a condition ("if it launches") and a leader's words keep their kind.
    assert [v[:2] for v in voices_on(ctx, "North Korea says it will launch a spy satellite next month.", DAY)] == [
        ("PRK", "government")]
    assert [v[:2] for v in voices_on(
        ctx, "North Korea warned of a harsh answer from Washington if it launches another nuclear test.", DAY)] == [
        ("PRK", "government")]
    assert [v[:2] for v in voices_on(ctx, "Kim Jong Un said his country tested a new missile.", DAY)] == [
        ("PRK", "government")]


# --- countries named together vowing cooperation: each toward the others (attribution.tsv joint row) ---------------

def test_three_states_vowing_cooperation_target_each_other(ctx):
    # Before: no targets (a vow is no joint verb); a joint pledge of cooperation is between the sides named.
    text = "Japan, South Korea, US vow to deepen security cooperation"
    assert voices_on(ctx, text, DAY) == [("JPN", "government", ("KOR", "USA")), ("KOR", "government", ("JPN", "USA")),
                                         ("USA", "government", ("JPN", "KOR"))]


def test_two_states_pledging_closer_ties_written_differently(ctx):
    # The same class: "pledge", "closer ties", two sides.
    assert voices_on(ctx, "Russia, China pledge closer ties at summit", DAY) == [
        ("RUS", "government", ("CHN",)), ("CHN", "government", ("RUS",))]


def test_a_joint_vow_against_a_third_state_does_not_target_each_other(ctx):
    # Counter-case: the vow names no cooperation of their own; the third state stays the only target.
    assert voices_on(ctx, "Russia and China vow to resist US pressure", DAY) == [
        ("RUS", "government", ("USA",)), ("CHN", "government", ("USA",))]


# --- a state weighing a military step speaks as its government (reference_words.tsv deliberation; targets.py) ------

def test_states_signalling_willingness_to_expand_drills_are_governments(ctx):
    # Before: military (the drill word made it a military act); the signal is the governments' words.
    text = "Japan and Australia signal readiness to expand naval drills in the region"
    assert [v[:2] for v in voices_on(ctx, text, DAY)] == [("JPN", "government"), ("AUS", "government")]


def test_a_state_considering_joining_drills_written_differently(ctx):
    # The same class: one state, "is considering", a participle after it.
    text = "South Korea is considering joining air drills with the United States."
    assert [v[:2] for v in voices_on(ctx, text, DAY)] == [("KOR", "government")]


def test_drills_held_or_a_signal_in_a_later_clause_stay_military(ctx):
    # Counter-cases: drills held are the military's act; a "signaled" of another actor later in the sentence does
    # not touch the first actor's launch.
    assert [v[:2] for v in voices_on(ctx, "South Korea and Japan held naval drills on Monday.", DAY)] == [
        ("KOR", "military"), ("JPN", "military")]
    assert [v[:2] for v in voices_on(ctx, "North Korea fired two missiles after Seoul signaled new drills.",
                                     DAY)][:1] == [("PRK", "military")]


# --- a private person a demonym only modifies is no state's voice (speaker_kinds.tsv head: star, miners, ...) -------

def test_a_pop_star_of_a_country_starting_service_is_no_statement(ctx):
    # Before: the country's government acting (no target). A pop star is a person: no state's act, no row.
    assert voices_on(ctx, "A South Korean pop star began his military service on Monday.", DAY) == []


def test_miners_of_a_country_written_differently(ctx):
    # The same class: plural miners after a number, a headline's verb.
    assert voices_on(ctx, "Three Chinese miners survive a week underground", DAY) == []


def test_a_star_aimed_at_another_state_keeps_a_row_as_a_person(ctx):
    # Aimed at another state, the person's words keep their row, as people (before: government).
    assert voices_on(ctx, "A South Korean pop star criticised Japan over the textbook row.", DAY) == [
        ("KOR", "people", ("JPN",))]


def test_a_state_body_a_demonym_modifies_still_acts(ctx):
    # Counter-case: a state's own body ("troops", "officials") is not a private person.
    assert [v[:2] for v in voices_on(ctx, "South Korean troops began a drill on Monday.", DAY)] == [("KOR", "military")]
    assert [v[:2] for v in voices_on(ctx, "Japanese officials criticised China over the drills.", DAY)] == [
        ("JPN", "government")]


# --- a headline's bare penal participle after the subject: done to it (reference_words.tsv penal_participle) --------

def test_nationals_indicted_in_a_headline_do_not_act(ctx):
    # Before: the North Korean government acting. The headline drops "were": the nationals are indicted.
    assert voices_on(ctx, "Chinese nationals indicted in scheme to smuggle chips", DAY) == []


def test_an_official_jailed_over_a_disaster_written_differently(ctx):
    # The same class: a capital's official, another penal participle, another preposition.
    assert voices_on(ctx, "Seoul fire chief jailed over warehouse blaze", DAY) == []


def test_an_active_arrest_with_its_object_still_acts(ctx):
    # Counter-case: the active verb has its object right after it; the state acts.
    assert [v[:2] for v in voices_on(ctx, "China detained two Japanese nationals in Shanghai.", DAY)] == [
        ("CHN", "government")]


# --- the North Korean leader's sister, as headlines name her (actors.tsv aliases of Kim Yo Jong) ---------------------

def test_kims_powerful_sister_speaks_for_the_north(ctx):
    # Before: no row (the kin rule makes "X's sister" no voice of X, and nobody else).
    assert voices_on(ctx, "Kim's powerful sister says Pyongyang and Tokyo can mend ties", DAY) == [
        ("PRK", "government", ("JPN",))]


def test_kims_sister_written_differently(ctx):
    # The same class: a curly apostrophe, another adjective and verb.
    assert voices_on(ctx, "Kim’s influential sister slams Seoul over leaflets", DAY) == [
        ("PRK", "government", ("KOR",))]


def test_another_leaders_sister_is_no_voice_of_the_north(ctx):
    # Counter-case: the kin rule still holds for anyone else's sister (only Tokyo, named in her words, acts).
    assert [v[0] for v in voices_on(ctx, "Yoon's sister says Tokyo must apologise", DAY)] == ["JPN"]


# --- a country before "strategy", "policies", "approach" is what they are about (reference_words.tsv topic_noun) ----

def test_a_leaders_strategy_toward_a_country_is_no_act_of_that_country(ctx):
    # Before: North Korea acting toward the US (its name read as the subject).
    assert voices_on(ctx, "Biden's North Korea strategy marks a break with the past", DAY) == []


def test_a_capitals_policies_toward_a_country_written_differently(ctx):
    # The same class: a capital's plural policies, another country.
    assert voices_on(ctx, "Tokyo's China policies are hardening.", DAY) == []


def test_a_countrys_own_strategy_still_speaks(ctx):
    # Counter-case: "North Korea's strategy" is the country's own (a possessive, not a modifier).
    assert [v[:2] for v in voices_on(ctx, "North Korea's strategy is to divide the allies.", DAY)] == [
        ("PRK", "government")]


# --- a delegation head before a list of countries: the list acts (acts.clause_subject; attribution.tsv joint_head) ---

def test_leaders_from_three_countries_meeting_act_toward_each_other(ctx):
    # Before: no row (a subject after "from" was taken only alone, before a verb). Each acts toward the others,
    # as government (a delegation head is an office: speaker_kind._OFFICE).
    text = "Senior officials of Japan, Australia and India held talks in Delhi."
    assert voices_on(ctx, text, DAY) == [("JPN", "government", ("AUS", "IND")), ("AUS", "government", ("IND", "JPN")),
                                         ("IND", "government", ("AUS", "JPN"))]


def test_ministers_from_two_countries_written_differently(ctx):
    # The same class: "from", two countries, another joint verb.
    assert voices_on(ctx, "Foreign ministers from Russia and China met in Moscow on Monday.", DAY) == [
        ("RUS", "government", ("CHN",)), ("CHN", "government", ("RUS",))]


def test_people_from_a_list_of_countries_do_not_act_for_them(ctx):
    # Counter-cases: a head that is no delegation (refugees, students) gives no row, as before; "a court in X" keeps
    # its one country.
    assert voices_on(ctx, "Refugees from Syria and Iraq arrived in Germany.", DAY) == []
    assert voices_on(ctx, "Students from Japan and China visited Seoul.", DAY) == []
