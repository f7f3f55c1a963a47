"""Rules of issue 13's eighteenth tuning round: in a KCNA release, KCNA's own sentence telling in the passive what a
collective of South Korea did ("Messages were sent ... by parties and organizations in south Korea", "Rallies were
staged in ... south Korea to protest ...") is that collective's act (KOR, civic or people, reported by KCNA), not
KCNA's own row toward the South; KCNA's own loaded words and another state's acts stay as they were. Every sentence
here is written for these tests (never copied from the corpora). Rules: docs/labelling-guideline.md ("Reporter vs
actor", decision 30); figures: docs/evaluation-extraction.md, "Eighteenth tuning round"."""

from __future__ import annotations

from conftest import KCNA_DAY

from tension.extract.statements import extract_statements


def _rows(ctx, text: str) -> list[tuple]:
    return [(s.speaker_country, s.speaker_kind, s.reported_by, tuple(sorted(s.targets)))
            for s in extract_statements(text, KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA")]


def test_messages_sent_by_groups_of_the_south_are_their_act(ctx):
    # Before: KCNA's own row toward KOR (a cooperative one, in the week of a leader's death).
    rows = _rows(ctx, "Hundreds of letters were sent to Pyongyang by civic groups, religious bodies and public "
                      "figures in south Korea last week to offer condolences.")
    assert rows == [("KOR", "civic", "KCNA", ("PRK",))], rows


def test_wreaths_laid_by_organizations_of_the_south_are_their_act(ctx):
    # The same class written differently: another verb, a list of organizations of one head.
    rows = _rows(ctx, "Floral baskets were laid before the portrait by trade unions and farmers' organizations of "
                      "south Korea on Tuesday in memory of the deceased.")
    assert rows == [("KOR", "civic", "KCNA", ())], rows


def test_rallies_staged_in_the_south_are_a_domestic_protest(ctx):
    # Before: KCNA's own row toward KOR; the protest is South Koreans' against their own authorities: no pair.
    rows = _rows(ctx, "Torchlight rallies were held in four towns of south Korea on Monday to oppose the "
                      "authorities' plan to sell off the railway.")
    assert rows == [("KOR", "people", "KCNA", ())], rows


def test_a_sit_in_staged_in_seoul_is_a_crowds_act(ctx):
    # The same class written differently: the capital as the place, a present perfect.
    rows = _rows(ctx, "A sit-in has been staged at a square in Seoul since Sunday against the closure of a "
                      "shipyard.")
    assert rows == [("KOR", "people", "KCNA", ())], rows


def test_a_rally_told_in_the_house_vocabulary_stays_kcnas(ctx):
    # Counter-case (round 10): KCNA's own loaded words about Seoul in its own sentence stay KCNA's row.
    rows = _rows(ctx, "A rally was held in Seoul on Friday to denounce the puppet group of traitors for its "
                      "sell-out policy.")
    assert rows == [("PRK", "state_media", None, ("KOR",))], rows


def test_drills_staged_in_the_south_are_no_crowds_act(ctx):
    # Counter-case: a military act told in the passive stays what it was (KCNA's account of the South's drill).
    before = _rows(ctx, "Joint naval drills were staged in waters off south Korea on Monday.")
    assert all(r[1] != "people" and r[1] != "civic" for r in before), before


def test_an_act_by_the_souths_military_is_no_collectives(ctx):
    # Counter-case: an agent that is a state body of the South is no collective.
    rows = _rows(ctx, "Leaflets were sent across the line by the army of south Korea on Monday.")
    assert all(r[1] not in ("people", "civic") for r in rows), rows


def test_a_rally_in_another_country_is_left_alone(ctx):
    # Counter-case: the place is not the South (a rally abroad is left to the rules before).
    rows = _rows(ctx, "A rally was held in Tokyo on Sunday to call for the withdrawal of foreign troops.")
    assert all(r[0] != "KOR" for r in rows), rows


def _story(ctx, text: str) -> list[tuple]:
    return [(s.sentence_index, s.speaker_country, s.speaker_kind, tuple(sorted(s.targets)))
            for s in extract_statements(text, KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA")]


_OPENING = "The puppet authorities of south Korea banned the teachers' union last week. "


def test_a_relayed_crowds_the_authorities_is_its_own_state(ctx):
    # Before: "the authorities" took the previous row's targets less the crowd's own country: the DPRK (KOR->PRK).
    rows = _story(ctx, _OPENING + "Farmers in south Korea held a rally in Seoul on Monday. They urged the "
                                  "authorities to lift the ban at once.")
    assert (2, "KOR", "people", ()) in rows and not any(r[0] == 2 and "PRK" in r[3] for r in rows), rows


def test_a_relayed_groups_the_regime_is_its_own_state(ctx):
    # The same class written differently: a civic group, "the regime", a speech verb after the words.
    rows = _story(ctx, _OPENING + "The Seoul Council for Peace and Unity issued a statement on Monday. The regime "
                                  "is trampling on the rights of the workers, it said.")
    assert any(r[0] == 2 and r[1] == "KOR" and r[3] == () for r in rows), rows
    assert not any(r[0] == 2 and "PRK" in r[3] for r in rows), rows


def test_kcnas_own_the_authorities_keeps_its_target(ctx):
    # Counter-case: KCNA's own sentence pointing back to the authorities still aims at the South.
    rows = _story(ctx, _OPENING + "The authorities are going against the trend of the times.")
    assert (1, "PRK", "state_media", ("KOR",)) in rows, rows


def test_at_least_opens_a_count_of_a_group(ctx):
    # Before: "At least" read as a preposition opening the clause, so the rally was KCNA's own row toward KOR.
    rows = _story(ctx, "At least 15 civic organizations of south Korea held a rally in Pusan on March 3 to denounce the "
                       "authorities' arms deal with Japan.")
    assert rows and rows[0][1:3] == ("KOR", "civic"), rows


def test_at_least_before_a_crowd_of_the_south(ctx):
    # The same class written differently: a crowd named by its members.
    rows = _story(ctx, "At least 2 000 farmers from across south Korea staged a rally in Seoul on Friday against "
                       "the closing of the rice market.")
    assert rows and rows[0][1:3] == ("KOR", "people"), rows


def test_at_the_rally_is_still_a_lead_phrase(ctx):
    # Counter-case: "At the ..." is a preposition's phrase, not a group ("At the ceremony speakers ...").
    rows = _story(ctx, "At the ceremony the puppet group of traitors let loose a reckless outburst against the north.")
    assert rows and rows[0][1:3] == ("PRK", "state_media"), rows


def test_a_long_name_placed_in_the_south_is_a_group(ctx):
    # Before: a name of more than twelve words before its verb was no group, and the rally KCNA's own row.
    rows = _story(ctx, "A citizens' joint committee for stopping the building of a coal power plant on the east "
                       "coast of south Korea held a rally in Samchok on Monday denouncing the plan.")
    assert rows and rows[0][1:3] == ("KOR", "civic"), rows


def test_a_long_name_of_members_placed_in_the_south(ctx):
    # The same class written differently: members of a body with a long name, "in south Korea" closing it.
    rows = _story(ctx, "Members of the joint action council of laid-off workers from the car factories of the "
                       "Kyongnam area in south Korea staged a sit-in in Changwon on Tuesday.")
    assert rows and rows[0][1:2] == ("KOR",) and rows[0][2] in ("people", "civic"), rows


def test_a_long_opening_not_placed_in_the_south_stays_kcnas(ctx):
    # Counter-case: a long opening that does not end by placing a body in the South is left as before.
    rows = _story(ctx, "The so-called joint committee set up by the puppet authorities for the purpose of hiding "
                       "their crimes against the people held a farce in Seoul on Monday.")
    assert rows and rows[0][1:3] == ("PRK", "state_media"), rows


def test_a_map_made_public_by_netizens_of_the_south(ctx):
    # Before: KCNA's own account of an act (the agent's head word named no crowd): now the netizens' act.
    rows = _rows(ctx, "A list of the polluted wells was recently issued by netizens in south Korea to warn the "
                      "public.")
    assert rows == [("KOR", "people", "KCNA", ())], rows


def test_wreaths_laid_by_mourners_in_seoul(ctx):
    # The same class written differently: mourners, and the capital named inside the agent's phrase.
    rows = _rows(ctx, "Wreaths were laid at the memorial by mourners in Seoul on Sunday.")
    assert rows == [("KOR", "people", "KCNA", ())], rows
