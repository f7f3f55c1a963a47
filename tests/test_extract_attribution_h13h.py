"""Rules of issue 13's eighth tuning round, each kept only when the held-out T2 part of the tune half did not get
worse; every sentence here is written for these tests (never copied from the corpora). Rules:
docs/labelling-guideline.md; figures: docs/evaluation-extraction.md, "Eighth round"."""

from __future__ import annotations

from datetime import date

from conftest import voices_on

from tension.extract.statements import extract_statements

DAY = date(2024, 6, 10)


def found(ctx, text: str, speaker: str = "") -> list[tuple]:
    return voices_on(ctx, text, DAY, speaker)


def rows(ctx, text: str, speaker: str = "") -> list:
    return extract_statements(text, DAY, ctx.actors, ctx.lexicon, speaker)


# --- an arms transfer is no use of force against the South (reference_words.tsv, transfer / transfer_keep) ----------

def test_shells_sent_to_another_country_imply_no_south_korea(ctx):
    # Before: the artillery row added KOR (PRK->KOR) to a shipment to Russia.
    assert found(ctx, "North Korea sent artillery shells to Russia.") == [("PRK", "military", ("RUS",))]


def test_missiles_supplied_to_another_country_imply_none_of_a_launchs_targets(ctx):
    assert found(ctx, "North Korea has supplied Russia with ballistic missiles.") == [("PRK", "military", ("RUS",))]


def test_a_denied_transfer_implies_no_south_korea(ctx):
    assert found(ctx, "Pyongyang denied that it had sold shells to Moscow.") == [("PRK", "government", ("RUS",))]


def test_balloons_sent_across_the_border_are_still_aimed_at_the_south(ctx):
    # Hard case: "sent" with trash balloons across the border is no transfer.
    got = rows(ctx, "North Korea sent hundreds of trash balloons across the border on Sunday.")
    assert [(s.speaker_country, s.targets, s.targets_inferred) for s in got] == [("PRK", ["KOR"], True)]


def test_a_launch_that_sends_people_to_shelter_keeps_its_targets(ctx):
    # Hard case: "sending" here is no transfer; the launch bears on the South, Japan and the US.
    assert found(ctx, "North Korea launches a missile over Japan, sending residents to shelters.") == [
        ("PRK", "military", ("JPN", "KOR", "USA"))]


def test_a_launch_with_no_transfer_keeps_its_implied_targets(ctx):
    assert found(ctx, "North Korea fired two ballistic missiles into the sea on Tuesday.") == [
        ("PRK", "military", ("JPN", "KOR", "USA"))]


# --- the occasion and its date between a relayed speaker and its verb (speakers.py _OCCASION_GAP) -------------------

def test_a_party_spokesman_in_a_commentary_on_a_date_speaks_for_his_party(ctx):
    # Before: "in a commentary on October 3" cut the speaker off its verb; the release's own voice (PRK->KOR) took it.
    got = rows(ctx, "A spokesman for the Green Justice Party of south Korea in a commentary on October 3 "
                    "condemned the American troops over a fuel leak.", "KCNA")
    assert [(s.speaker_country, s.speaker_kind, s.targets, s.reported_by) for s in got] == [
        ("KOR", "opposition", ["USA"], "KCNA")]  # (session 10: a party not ruling then is opposition)


def test_an_abbreviated_month_in_the_occasion(ctx):
    got = rows(ctx, "A spokesman for the Green Justice Party of south Korea in a letter on Sept. 8 "
                    "urged the ruling camp to scrap its labour bill.", "KCNA")
    assert [(s.speaker_country, s.speaker_kind) for s in got] == [("KOR", "opposition")]  # (not ruling in 2024)


def test_a_city_before_a_date_is_a_place_not_a_speaker(ctx):
    # Hard case: "in Seoul on March 2 ...": the city is where the rally was; it does not speak.
    got = rows(ctx, "The sit-in was staged outside the embassy in Seoul on March 2 denouncing the war drills.", "KCNA")
    assert [s.speaker for s in got] == ["KCNA"]


# --- a part of a named state body speaks with the body's kind (speaker_kind._part_of; actors.tsv NDC) ------------------

def test_an_inspection_group_of_a_state_organ_is_government(ctx):
    # Before: the head word "group" made it a civic group.
    got = rows(ctx, "The inspection group of the National Defence Commission rejected the story of the South as "
                    "a fabrication.", "KCNA")
    assert [(s.speaker_country, s.speaker_kind) for s in got] == [("PRK", "government")]


def test_the_abbreviated_commission_and_its_group_named_after_it(ctx):
    got = rows(ctx, "The NDC inspection group issued a statement rejecting the story of the South.", "KCNA")
    assert [(s.speaker_country, s.speaker_kind) for s in got] == [("PRK", "government")]


def test_a_front_command_of_an_army_is_military(ctx):
    got = rows(ctx, "The western front command of the Korean People's Army warned the South of retaliation.", "KCNA")
    assert [(s.speaker_country, s.speaker_kind) for s in got] == [("PRK", "military")]


def test_a_friendship_group_of_a_country_stays_a_group(ctx):
    # Hard case: a group named after a country (no state body) keeps the group's kind.
    got = rows(ctx, "The Friendship Association of Ecuador denounced the war drills of the United States.", "KCNA")
    assert [(s.speaker_country, s.speaker_kind) for s in got] == [("ECU", "diaspora_foreign")]


# --- "they" after a crowd's act told by the outlet is the crowd, until another speaker (walk.crowd) ------------------

CROWD = ("Members of the Shipyard Workers Union of south Korea marched to the city hall on Tuesday. "
         "They said that the conservative regime must scrap the layoff plan at once. ")


def test_they_after_a_crowds_act_is_the_crowd_not_the_outlet(ctx):
    # Before: no speaker for "They" to point to, so the release's own voice took it (PRK->KOR).
    got = rows(ctx, CROWD, "KCNA")
    assert [(s.speaker_country, s.speaker_kind, s.targets) for s in got] == [
        ("KOR", "people", []), ("KOR", "people", [])]


def test_it_after_a_crowds_act_stays_the_outlets(ctx):
    # Hard case: the crowd is who "they" are, never who "it" is: the release's own voice goes on.
    got = rows(ctx, "Members of the Shipyard Workers Union of south Korea marched to the city hall on Tuesday. "
                    "It is a grave crime of the puppet regime to throw workers into the street.", "KCNA")
    assert [(s.speaker, s.speaker_country) for s in got][-1] == ("KCNA", "PRK")


def test_they_after_another_speaker_is_that_speaker(ctx):
    # Hard case: a named voice after the crowd is who "they" are next, not the crowd.
    got = rows(ctx, CROWD + "The Democratic Party of south Korea denounced the regime for the dismissals. "
                    "They warned that a general strike would follow.", "KCNA")
    assert got[-1].speaker_kind == "opposition"  # (the party, not ruling in 2024: session 10)


# --- a military that only reports having detected the other side's launch is no speaker (reference_words detection) --

def test_a_detected_launch_is_the_launchers_act_passed_on(ctx):
    # Before: the South's military was the speaker (KOR->PRK) of a fact it only passed on.
    got = rows(ctx, "The South Korean military said it detected the launch of two ballistic missiles from an area "
                    "near Pyongyang on Thursday morning.")
    assert [(s.speaker_country, s.speaker_kind, s.is_act, s.reported_by, sorted(s.targets)) for s in got] == [
        ("PRK", "military", True, "South Korean military", ["JPN", "KOR", "USA"])]


def test_a_detection_with_an_evaluation_stays_the_militarys_statement(ctx):
    # Hard case: a military that evaluates what it saw speaks in its own voice.
    got = rows(ctx, "The South Korean military said it detected the launch and called it a grave provocation.")
    assert [(s.speaker_country, s.is_act) for s in got] == [("KOR", False)]


def test_monitoring_is_the_militarys_own_statement(ctx):
    # Hard case: vigilance is a statement of the military (guideline, Reporter vs actor).
    got = rows(ctx, "The Joint Chiefs of Staff said it is closely monitoring the situation.")
    assert [(s.speaker_country, s.is_act) for s in got] == [("KOR", False)]


# --- "officials in/of <a country>" are its government (guideline: an unnamed official) ---------------------------

def test_officials_in_a_capital_are_its_government(ctx):
    # Before: "<head> in <capital>" with no office word read as people of that country.
    assert found(ctx, "Officials in Tokyo believe North Korea is preparing another nuclear test.") == [
        ("JPN", "government", ("PRK",))]


def test_a_champion_of_a_country_stays_a_person(ctx):
    # Hard case: the rule this extends ("a reunification champion of <country>": a person) still holds.
    got = rows(ctx, "Rev. Park Tae Su, a peace champion of south Korea, said the drills must stop.", "KCNA")
    assert [s.speaker_kind for s in got] == ["people"]


# --- "<country>'s <noun> suggests ...": the writer's reading, no act (reference_words.tsv inference_verb) -----------

def test_what_a_countrys_wording_suggests_is_no_act_of_the_country(ctx):
    # Before: North Korea acted (PRK->KOR, JPN, USA) in the writer's own analysis.
    assert found(ctx, 'North Korea\'s choice of "tactical" wording suggests that the weapons could carry nuclear '
                      'warheads.') == []


def test_a_countrys_office_still_speaks(ctx):
    # Hard case: a possessive naming a speaker with its own verb keeps its statement.
    assert found(ctx, "North Korea's foreign ministry said the drills were a provocation.") == [
        ("PRK", "government", ("KOR",))]
