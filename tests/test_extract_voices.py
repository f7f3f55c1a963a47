"""Who did what to whom: the hard cases of issue 13, as small golden sentences written for these tests.

Each case is a sentence in the style of the corpora (wire copy, KCNA releases), never copied from them, with the
statements it must give: speaker country, kind, targets, who reported it. The rules: docs/labelling-guideline.md.
"""

from __future__ import annotations

from datetime import date

import pytest

from tension.extract.kinds import SPEAKER_KINDS, load_kinds
from tension.extract.statements import extract_statements
from tension.config import DATA_DIR, load_index_kinds, read_tsv

DAY = date(2024, 2, 4)


def voices(ctx, text: str, speaker: str = "") -> list[tuple]:
    """(speaker country, kind, sorted targets, reported_by) of every statement of `text`."""
    return [(s.speaker_country, s.speaker_kind, tuple(sorted(s.targets)), s.reported_by)
            for s in extract_statements(text, DAY, ctx.actors, ctx.lexicon, speaker)]


def test_seoul_says_north_korea_fired_is_north_koreas_act(ctx):
    # The military only passes the launch on: no ROK statement; the launch names no target, so the act implies them.
    found = extract_statements("South Korea's military said North Korea fired a ballistic missile into the East Sea.",
                               DAY, ctx.actors, ctx.lexicon)
    assert [(s.speaker_country, s.speaker_kind, s.reported_by, s.modality) for s in found] == [
        ("PRK", "military", "South Korea's military", "reported")]
    assert sorted(found[0].targets) == ["JPN", "KOR", "USA"] and found[0].targets_inferred


def test_trailing_frame_that_only_relays(ctx):
    assert voices(ctx, "North Korea fired two short-range ballistic missiles on Monday, South Korea's Joint Chiefs "
                       "of Staff said.") == [("PRK", "military", ("JPN", "KOR", "USA"), "South Korea's Joint Chiefs of Staff")]


def test_a_reporter_that_evaluates_keeps_its_own_statement(ctx):
    found = voices(ctx, "The JCS said North Korea fired a missile, calling it a grave provocation.")
    assert ("KOR", "military", ("PRK",), None) in found
    assert [v for v in found if v[0] == "PRK"][0][3] == "JCS"


def test_house_vocabulary_is_the_outlets_voice(ctx):
    # KCNA's own paraphrase of the South's drills: DPRK state media about the ROK, not an ROK act.
    assert voices(ctx, "The puppet warmongers staged reckless firing drills near the border again.", "KCNA") == [
        ("PRK", "state_media", ("KOR",), None)]
    # The same words in the South's mouth, as KCNA tells it, are KCNA's words too.
    assert voices(ctx, "The puppet group of traitors claimed that the drills were defensive.", "KCNA") == [
        ("PRK", "state_media", ("KOR",), None)]


def test_state_outlet_relaying_a_civic_group(ctx):
    found = voices(ctx, "The Solidarity for Peace and Reunification of south Korea released a statement on Saturday "
                        "denouncing the authorities for the crackdown.", "KCNA")
    assert found == [("KOR", "civic", (), "KCNA")]


def test_relayed_group_goes_on_speaking_through_the_statement(ctx):
    found = extract_statements(
        "The Working People's Association of Nigeria issued a statement on July 2 denouncing the United States. "
        "The statement said the U.S. must drop its hostile policy.", DAY, ctx.actors, ctx.lexicon, "KCNA")
    # a third country's group relayed by the DPRK outlet is a foreign voice (guideline: diaspora_foreign covers
    # "foreign groups that are not a state"; the gold set labels them so)
    assert [(s.speaker_country, s.speaker_kind, s.reported_by) for s in found] == [
        ("NGA", "diaspora_foreign", "KCNA"), ("NGA", "diaspora_foreign", "KCNA")]


def test_an_unattributed_kcna_sentence_is_kcna(ctx):
    found = extract_statements("The south Korean authorities should stop the confrontation at once.", DAY, ctx.actors,
                               ctx.lexicon, "KCNA")
    assert [(s.speaker_country, s.speaker_kind, s.targets) for s in found] == [("PRK", "state_media", ["KOR"])]


def test_pronoun_and_curly_quotes(ctx):
    found = extract_statements("Russian Foreign Ministry spokeswoman Maria Zakharova criticised Seoul on Thursday. "
                               "She said the remarks were “biased and irresponsible.”", DAY, ctx.actors, ctx.lexicon)
    she = [s for s in found if s.speaker == "She"]
    assert [(s.speaker_actor, s.speaker_kind, s.targets) for s in she] == [("Maria Zakharova", "government", ["KOR"])]


def test_quote_spanning_sentences_keeps_its_speaker(ctx):
    found = extract_statements("Seoul's defence minister spoke on Monday. “We will answer any provocation by the North "
                               "without hesitation. Our patience has limits,” the minister told reporters.",
                               DAY, ctx.actors, ctx.lexicon)
    quoted = [s for s in found if s.sentence_index >= 1]
    assert {s.speaker_country for s in quoted} == {"KOR"} and len({s.sentence_index for s in quoted}) == 2


def test_the_south_in_kcna(ctx):
    assert voices(ctx, "The military of the South staged firing drills near the border, seeking to ignite a war.",
                  "KCNA") == [("PRK", "state_media", ("KOR",), None)]


def test_an_analyst_is_not_the_state(ctx):
    found = voices(ctx, "\"The North is likely to test a new missile around the holiday,\" said a researcher at the "
                        "Korea Institute for National Unification.")
    assert found == [("KOR", "academic", ("PRK",), None)]


def test_people_who_fled_are_not_russia(ctx):
    found = voices(ctx, "Russians who fled the mobilisation say they feel safe in Seoul.")
    assert all(kind == "people" for _, kind, _, _ in found) and found


def test_according_to_a_source_passes_the_act_on(ctx):
    found = voices(ctx, "A U.S. aircraft carrier entered the port of Busan on Wednesday, according to Yonhap.")
    assert found and all(v[0] == "USA" and v[3] == "Yonhap" for v in found)


def test_reciprocal_verbs_only(ctx):
    met = voices(ctx, "Putin met Kim Jong Un in Vladivostok.")
    assert {(v[0], v[2]) for v in met} == {("RUS", ("PRK",)), ("PRK", ("RUS",))}
    # A topic never speaks: talks with North Korea are a target.
    topic = extract_statements("President Yoon Suk Yeol seeks to advance talks with North Korea.", DAY, ctx.actors,
                               ctx.lexicon)
    assert {s.speaker_country for s in topic} == {"KOR"}


def test_a_relayed_fact_with_the_speakers_own_words_is_not_an_act(ctx):
    # "Seoul was making a mistake" after "said" is the spokeswoman's judgement, not an act of Seoul.
    found = voices(ctx, "Zakharova said Seoul was making a mistake.")
    assert found == [("RUS", "government", ("KOR",), None)]


def test_speaker_kinds_data_file():
    rows = read_tsv(DATA_DIR / "speaker_kinds.tsv")
    assert rows and all(r["speaker_kind"] in SPEAKER_KINDS and r["source"] for r in rows)
    assert len({(r["match"], r["value"]) for r in rows}) == len(rows), "a value listed twice"
    assert {r["match"] for r in rows} <= {"actor", "role", "role_prefix", "kind", "head", "states_head", "home"}
    kinds = load_kinds()
    assert kinds.of_head("a researcher at the institute") == "academic"
    assert kinds.of_head("the Federation of Koreans in the U.S.") == "diaspora_foreign"


def test_index_counts_state_voices_by_default():
    assert set(load_index_kinds()) == {"government", "military", "state_media", "party_legislature"}
    assert {r["speaker_kind"] for r in read_tsv(DATA_DIR / "index_kinds.tsv")} == set(SPEAKER_KINDS)


@pytest.mark.parametrize("name", ["act_types.tsv", "house_vocabulary.tsv", "evaluative_words.tsv", "reference_words.tsv"])
def test_word_list_files_have_sources(name):
    rows = read_tsv(DATA_DIR / name)
    assert rows and all(r["source"] for r in rows)


def test_index_counts_only_the_configured_kinds(tmp_path, ctx):
    """A KCNA release relaying a South Korean civic group: the group's statement stays in pair_statements, the index
    does not count it; the agency's own words count. Changing index_kinds changes that."""
    from tension import run
    from tension.warehouse import store

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "kcna.md").write_text(
        "---\npublished: 2011-12-21\nspeaker: KCNA\n---\n"
        "The Solidarity for Peace and Reunification of south Korea issued a statement on Monday expressing deep "
        "condolences to the north.\n\nThe puppet warmongers staged reckless firing drills against the DPRK.\n")
    db = tmp_path / "t.duckdb"
    run.run_local([inbox], db)
    with store.connect(db) as con:
        rows = con.execute("select speaker_kind, counts_in_index, direction from pair_statements order by 1").fetchall()
        counted = con.execute("select sum(n_statements) from weekly_index where pair_id = 'PRK-KOR'").fetchone()[0]
        assert ("civic", False, "KOR→PRK") in rows and ("state_media", True, "PRK→KOR") in rows
        assert counted == sum(1 for _, counts, _ in rows if counts)
        store.set_setting(con, "index_kinds", "civic")
        assert {k for k, counts, _ in con.execute(
            "select speaker_kind, counts_in_index, direction from pair_statements").fetchall() if counts} == {"civic"}
