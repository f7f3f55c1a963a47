"""Attribution rules of issue 13's twentieth tuning round, found on gold-free random samples and whole gold-free
corpus copies (`python -m evaluation.dev_sample`, never gold). Every sentence here is written for these tests (never
copied from the corpora). Rules: docs/labelling-guideline.md (speaker kind; decision 1); figures:
docs/evaluation-extraction.md, "Twentieth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.config import load_reference_words
from tension.extract.statements import extract_statements

_DAY = date(2024, 6, 5)


def _rows(ctx, text: str, speaker: str = "") -> list[tuple]:
    """(speaker country, speaker kind, cue, is_act, sorted targets) of each statement of the text, in order."""
    return [(s.speaker_country, s.speaker_kind, s.cue, s.is_act, tuple(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


# --- a reporting verb's -ing form that only modifies an act's noun says nothing ("fired warning shots") -----------

def test_warning_shots_are_a_military_act_not_a_warning(ctx):
    # Before: a speech row of the South's government, its cue "warning".
    rows = _rows(ctx, "South Korea fired warning shots at North Korean soldiers who crossed the border on Tuesday.")
    assert rows and all(cue != "warning" for _, _, cue, _, _ in rows), rows
    assert ("KOR", "military", "", True, ("PRK",)) in rows, rows


def test_warning_fire_from_a_navy_is_its_act(ctx):
    # The same class written differently: a navy as subject, "warning fire", a present-tense headline form.
    rows = _rows(ctx, "The South Korean navy opens warning fire after a North Korean patrol boat crosses the sea border")
    assert rows and all(cue != "warning" for _, _, cue, _, _ in rows), rows
    assert any(country == "KOR" and is_act for country, _, _, is_act, _ in rows), rows


def test_a_warning_with_content_is_still_speech(ctx):
    # Counter-case: "warning that ..." reports words; the -ing form heads a clause, it modifies no noun.
    rows = _rows(ctx, "South Korea is warning that North Korea may launch another missile this week.")
    assert ("KOR", "government", "warning", False, ("PRK",)) in rows, rows


def test_warning_shots_words_are_data():
    # The nouns live in the data file (reference_words.tsv, use speech_modified), not in the code.
    assert {"shot", "shots", "fire"} <= set(load_reference_words()["speech_modified"])


# --- a list of parties and civic bodies acting together is a coalition: civic, not party_legislature -----------------

def _kinds(ctx, text: str) -> list[tuple]:
    return [(s.speaker_country, s.speaker_kind)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "KCNA")]


def test_parties_and_civic_groups_together_are_a_coalition(ctx):
    # Before: the first head ("parties") made the list party_legislature, a state voice of the index.
    rows = _kinds(ctx, "Opposition parties and civic groups of south Korea on Friday denounced the authorities for "
                       "the arrests.")
    assert ("KOR", "civic") in rows and ("KOR", "party_legislature") not in rows, rows


def test_a_party_and_religious_bodies_calling_together_are_a_coalition(ctx):
    # The same class written differently: a singular party, another civic head, the place after "in".
    rows = _kinds(ctx, "The opposition party and religious organizations in south Korea called for an end to the "
                       "confrontation with the north.")
    assert ("KOR", "civic") in rows and ("KOR", "party_legislature") not in rows, rows


def test_parties_alone_stay_parties(ctx):
    # Counter-case: a list of parties only is a party voice, as before (opposition since session 10: the phrase says so).
    rows = _kinds(ctx, "Opposition parties of south Korea on Friday denounced the authorities for the arrests.")
    assert ("KOR", "opposition") in rows, rows


def test_a_state_joint_statement_with_its_government_is_no_coalition(ctx):
    # Counter-case: the government named in the list makes it the state's joint voice, not a civic coalition.
    rows = _kinds(ctx, "The government, the ruling party and social organisations of the DPRK together released an "
                       "appeal urging the south to answer.")
    assert rows and all(kind != "civic" for _, kind in rows), rows


# --- "lashed out at" / "hit out at" is a body's denunciation: its row, not the outlet's ----------------------------

def _voices(ctx, text: str) -> list[tuple]:
    return [(s.speaker_country, s.speaker_kind, s.cue, s.reported_by)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "KCNA")]


def test_a_relayed_party_spokesman_lashing_out_is_the_party(ctx):
    # Before: no reporting verb, so the sentence was KCNA's own row (PRK state_media) toward the South.
    rows = _voices(ctx, "A spokesman for the Labour Party of south Korea in a commentary on May 3 lashed out at the "
                        "prosecutors for their arrests of students.")
    assert any(c == "KOR" and kind == "opposition" and cue == "lashed out" and by == "KCNA"  # (not ruling: session 10)
               for c, kind, cue, by in rows), rows
    assert all(kind != "state_media" for _, kind, _, _ in rows), rows


def test_a_dprk_committee_hitting_out_is_the_committee(ctx):
    # The same class written differently: a DPRK state body ("hit out at"), its own kind, not KCNA's.
    rows = _voices(ctx, "A spokesman of the Committee for the Peaceful Reunification of Korea hit out at the south "
                        "Korean authorities for their new drills near the border.")
    assert ("PRK", "government", "hit out", "KCNA") in rows, rows


def test_shells_hitting_outposts_say_nothing(ctx):
    # Counter-case: "hit outposts" is no "hit out"; a shelling is an act, with no reporting verb.
    rows = _voices(ctx, "North Korean shells hit outposts on the island on Tuesday.")
    assert all(cue != "hit out" for _, _, cue, _ in rows), rows


# --- "gave the following answer to a question put by KCNA": the body answering speaks, not KCNA --------------------

def test_a_dprk_ministry_answering_kcna_is_the_ministry(ctx):
    # Before: "gave ... answer" was no reporting frame; the sentence was KCNA's own row (state_media).
    rows = _voices(ctx, "On Monday the DPRK Foreign Ministry's spokesman gave the following answer when asked by "
                        "reporters about the new sanctions of the U.S.")
    assert rows and all(kind != "state_media" for _, kind, _, _ in rows), rows
    assert any(c == "PRK" and kind == "government" and "answer" in cue for c, kind, cue, _ in rows), rows


def test_the_reunification_committee_giving_an_answer_is_the_committee(ctx):
    # The same class written differently: "gave an answer", a date after the verb's object.
    rows = _voices(ctx, "The Committee for the Peaceful Reunification of Korea gave an answer on Friday to a question "
                        "about the drills of the south Korean army.")
    assert ("PRK", "government", "gave an answer", "KCNA") in rows, rows


def test_gave_without_a_speech_noun_says_nothing(ctx):
    # Counter-case: "gave" needs a speech noun after it; giving aid is no report of words.
    rows = _voices(ctx, "The Foreign Ministry of the DPRK gave food aid to the flood victims on Monday.")
    assert all("gave" not in cue for _, _, cue, _ in rows), rows


# --- the US's forces "in south Korea": the South is their host, not a target (adjudication 7; the lead's note) ------

def _targets(ctx, text: str) -> list[tuple]:
    return [tuple(sorted(s.targets)) for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "KCNA")]


def test_us_forces_in_the_south_aim_at_the_us_only(ctx):
    # Before: KCNA's row about the US forces' pollution also targeted the South, only their host.
    rows = _targets(ctx, "The U.S. forces in south Korea dumped toxic waste near their base for many years.")
    assert ("USA",) in rows and all("KOR" not in t for t in rows), rows


def test_american_troops_stationed_in_the_south_aim_at_the_us_only(ctx):
    # The same class written differently: "American troops", waste oil, a river.
    rows = _targets(ctx, "The American troops in south Korea have poured waste oil into a river for years.")
    assert ("USA",) in rows and all("KOR" not in t for t in rows), rows


def test_the_south_named_for_itself_beside_us_forces_stays_a_target(ctx):
    # Counter-case: the South's own authorities named as actors keep it a target.
    rows = _targets(ctx, "The south Korean authorities begged the U.S. forces in south Korea to stay for ever.")
    assert any("KOR" in t for t in rows), rows
