"""The South named only as the place of a third state's act or as the country of its victims (issue 13's forty-seventh
attribution round, branch h13av): in a KCNA commentary on US troops stationed in the South, a US soldier's crime
against South Korean people, toxic waste a foreign army buried in the South's provinces, the South is where the act
happened or whose people it hurt — a place (guideline, Targets; decision 7), not a target, so the row is PRK->USA and
no DPRK-ROK row. Not when the sentence also accuses the South's own authorities (the "puppet" rulers who allow it),
and a place named alone stays the target (a rally held in the South). Counted first on a blind gold-free draw of the
candidate rows. Every sentence here is written for these tests (never copied from the corpora). Figures:
docs/evaluation-extraction.md, "Forty-seventh tuning round (branch h13av)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2012, 5, 2)


def _targets(ctx, text: str, words: str) -> list[str]:
    """The sorted targets of the statement (told by KCNA) whose content holds `words`."""
    rows = [s for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "KCNA") if words in s.content]
    assert rows, [s.content for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "KCNA")]
    return sorted(rows[0].targets)


# --- the class: each failed before the rule ----------------------------------------------------------------------

def test_victims_of_the_south_hurt_by_us_soldiers_are_no_target(ctx):
    text = ("Crimes Denounced\n\nThe youth league issued a statement denouncing the U.S. soldiers who assaulted two "
            "schoolgirls of south Korea last week.")
    assert _targets(ctx, text, "assaulted two schoolgirls") == ["USA"]


def test_south_korean_women_hurt_by_us_soldiers_are_no_target(ctx):
    text = "Crimes Denounced\n\nThe U.S. soldiers committed another brutal crime against south Korean women."
    assert _targets(ctx, text, "brutal crime") == ["USA"]


def test_areas_of_the_south_polluted_by_a_us_act_are_a_place(ctx):
    text = "Burial Disclosed\n\nThe toxic waste buried by the U.S. aggressors polluted many areas of south Korea."
    assert _targets(ctx, text, "polluted many areas") == ["USA"]


def test_a_province_of_the_south_where_us_troops_stay_is_a_place(ctx):
    text = ("Burial Disclosed\n\nThe U.S. army unit stationed in a county of North Kyongsang Province of south Korea "
            "buried the waste beside its own base.")
    assert _targets(ctx, text, "buried the waste") == ["USA"]


def test_a_us_air_force_unit_in_the_south_is_a_place(ctx):
    text = "Plane Crashes\n\nA fighter of the U.S. Air Force in south Korea crashed into a field on Monday."
    assert _targets(ctx, text, "crashed into a field") == ["USA"]


def test_a_us_act_in_the_south_told_by_the_sentence_before_keeps_no_carried_south(ctx):
    # the second sentence points back ("It") and names the South only as where the forces are massed
    text = ("Moves Slammed\n\nThe U.S. is pushing the situation in south Korea to the brink of war, the paper said. "
            "It is now hurling its huge forces and hardware into south Korea and its vicinity.")
    assert _targets(ctx, text, "hurling its huge forces") == ["USA"]


# --- not the class: the South's authorities accused, a DPRK act on the South, a place named alone ------------------

def test_the_puppets_who_allow_the_us_crime_stay_a_target(ctx):
    text = ("Crimes Denounced\n\nThe puppet group is silent about the U.S. soldiers' crime against south Korean "
            "women.")
    assert _targets(ctx, text, "silent about") == ["KOR", "USA"]


def test_the_south_korean_authorities_stay_a_target(ctx):
    text = ("Burial Disclosed\n\nThe south Korean authorities let the U.S. troops bury toxic waste in many areas of "
            "south Korea.")
    assert _targets(ctx, text, "let the U.S. troops") == ["KOR", "USA"]


def test_a_place_named_alone_is_the_target(ctx):
    text = "Rallies Held\n\nThe fascist suppression of citizens goes on in many areas of south Korea."
    assert _targets(ctx, text, "fascist suppression") == ["KOR"]


def test_the_souths_leader_pointed_back_to_keeps_the_south(ctx):
    # "He" is the South's chief executive named before: silent about the crime, he is accused; the South stays (a
    # guard: on the gold-free draw such a row lost the South until "he"/"his" kept the carried targets whole)
    text = ("Chief Executive Rapped\n\nThe Committee for the Peaceful Reunification of Korea issued a statement on "
            "Monday, which says: The south Korean chief executive is flattering the U.S. these days. He failed to "
            "utter a word about the GIs' assaults against south Korean girl students.")
    assert "KOR" in _targets(ctx, text, "failed to utter")


def test_the_sentence_after_a_located_one_still_points_back_to_both(ctx):
    # the South dropped as where the forces go (second sentence) is still whom "they" means in the third
    text = ("Moves Slammed\n\nThe U.S. and the south Korean puppet warmongers are pushing the situation to the brink "
            "of war, the paper said. It is now hurling its huge forces and hardware into south Korea and its "
            "vicinity. They are going to start a war.")
    assert _targets(ctx, text, "hurling its huge forces") == ["USA"]
    assert _targets(ctx, text, "going to start a war") == ["KOR", "USA"]


def test_an_attack_on_all_areas_of_a_state_aims_at_it(ctx):
    # the South's own words: the DPRK's areas are what its attack aims at, not where a third state's act happens
    text = ("Agreement Denounced\n\nThe south Korean defence ministry said on Monday that it can mount a missile "
            "attack on all areas of the DPRK together with the U.S.")
    rows = [s for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "KCNA") if s.speaker_country == "KOR"]
    assert rows and all("PRK" in s.targets for s in rows), [(s.speaker, s.targets) for s in rows]


def test_a_sea_named_after_korea_drops_no_carried_south(ctx):
    # "they" are both named before; the sea's name is no place of a third state's act
    text = ("Drill\n\nThe U.S. and the south Korean puppet warmongers are pushing the situation to the brink of war, "
            "the paper said. On the same day, they staged a joint aerial drill in the sky over the West Sea of Korea.")
    assert _targets(ctx, text, "joint aerial drill") == ["KOR", "USA"]
