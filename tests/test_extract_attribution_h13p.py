"""Rules of issue 13's fifteenth tuning round: in a KCNA release, back-references to a relayed South Korean body
("the organization", "they", "it", "the Council") named earlier in the story are that body (its country and kind,
reported by KCNA), not KCNA's own voice; KCNA's own loaded words stay KCNA's. Every sentence here is written for
these tests (never copied from the corpora). Rules: docs/labelling-guideline.md ("Reporter vs actor"); figures:
docs/evaluation-extraction.md, "Fifteenth tuning round"."""

from __future__ import annotations

from conftest import KCNA_DAY

from tension.extract.statements import extract_statements

_BODY = "The Seoul Branch of the Alliance for Peace and Unity held a meeting on Monday over the death of the leader. "
_GROUPS = "South Korean civic groups called for sending a delegation to the north to offer condolences. "
_COUNCIL = "The South Korean Council for Peace and Unity issued a statement on Monday to mourn the leader of the north. "


def _rows(ctx, text: str) -> list[tuple]:
    return [(s.sentence_index, s.speaker_country, s.speaker_kind, s.reported_by, s.speaker)
            for s in extract_statements(text, KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA")]


def _second(ctx, text: str) -> list[tuple]:
    return [r[1:4] for r in _rows(ctx, text) if r[0] == 1]


def test_the_organization_after_a_lead_phrase_is_the_relayed_body(ctx):
    # Before: KCNA's own row (PRK state_media) for what the body did at its meeting.
    rows = _second(ctx, _BODY + "At the meeting the organization fixed a mourning week and proposed a joint "
                                "memorial service with the north.")
    assert rows == [("KOR", "civic", "KCNA")], rows


def test_they_after_a_day_is_the_relayed_groups(ctx):
    # The same class written differently: "they", a weekday before it.
    rows = _second(ctx, _GROUPS + "On Thursday they held a gathering where they talked over forming the delegation "
                                  "to the north.")
    assert rows == [("KOR", "civic", "KCNA")], rows


def test_a_phrase_between_the_organization_and_its_speech_verb(ctx):
    # Before: KCNA's own row; "in the letter" between the pointing noun and "said" hid the speaker.
    rows = _second(ctx, "The Seoul Branch of the Alliance for Peace and Unity released a letter of sympathy on "
                        "Monday over the death of the north's leader. The organization in the letter said the news "
                        "left south Koreans in deep sorrow for the north.")
    assert rows == [("KOR", "civic", "KCNA")], rows


def test_a_phrase_between_the_alliance_and_its_speech_verb(ctx):
    rows = _second(ctx, _BODY + "The alliance in its statement noted that the people of the north deserve sympathy.")
    assert rows == [("KOR", "civic", "KCNA")], rows


def test_the_council_hoped_is_the_councils_words(ctx):
    # Before: "hoped" was no speech verb, and the sentence KCNA's own row.
    rows = _second(ctx, _COUNCIL + "Offering sympathy to the people of the north in their grief, the Council hoped "
                                   "that exchanges between the south and the north would go on.")
    assert rows == [("KOR", "civic", "KCNA")], rows


def test_the_council_wished_is_the_councils_words(ctx):
    rows = _second(ctx, _COUNCIL + "The Council wished the people of the north strength in their grief.")
    assert rows == [("KOR", "civic", "KCNA")], rows


def test_wished_to_is_an_intention_not_words(ctx):
    # Hard case: "wished to <verb>" says what someone meant to do, no words of theirs: the sentence stays KCNA's own
    # (without the guard the generals' country became its speaker).
    for text in ("If the generals of the U.S. had wished to convince the hearings, they should have told the truth.",
                 "The U.S. generals wished to convince the hearings that the north is a threat."):
        rows = _rows(ctx, text)
        assert rows and all(r[1:3] == ("PRK", "state_media") for r in rows), rows


def test_the_south_side_committee_is_a_south_korean_civic_body(ctx):
    # Before: a body of no country ("Headquarters"), so "it stressed" after it fell back to KCNA.
    rows = _rows(ctx, "The Press Headquarters of the South Side Committee for Implementing the June 15 Joint "
                      "Declaration sent a message of sympathy to the north on Monday. The joint declarations will "
                      "shine long in the history of the nation and of the north, it stressed.")
    assert [r[1:4] for r in rows if r[0] == 1] == [("KOR", "civic", "KCNA")], rows
    assert [r[1:3] for r in rows if r[0] == 0] == [("KOR", "civic")], rows


def test_kcnas_loaded_account_after_a_relayed_body_stays_kcnas(ctx):
    # Counter-case: the outlet's house vocabulary in a sentence opening with the back-reference keeps it KCNA's
    # (round 10's guard), as it did before.
    rows = _second(ctx, _BODY + "On Friday the organization learned that the puppet traitors of south Korea had "
                                "banned the trip.")
    assert rows and all(r == ("PRK", "state_media", None) for r in rows), rows


def test_the_outlets_own_side_is_no_relayed_body(ctx):
    # Hard case: after a body of the outlet's own side, "the committee" is not turned into a relayed body.
    rows = _second(ctx, "The North Side Committee for Implementing the June 15 Joint Declaration met on Monday. "
                        "At the meeting the committee condemned the south Korean authorities.")
    assert all(r[0] == "PRK" for r in rows), rows
