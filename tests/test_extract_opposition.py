"""Session 10: an opposition party is not the state. A party_legislature speaker whose own words say "opposition" or
name only parties that were not ruling in its country on the statement's date (tension/data/ruling_parties.tsv) is
`opposition`, which the index does not count. Every sentence here is written for these tests (never copied from the
corpora). Docs: docs/evaluation-extraction.md, "Session 10: opposition parties"."""

from __future__ import annotations

from datetime import date

import pytest

from tension.config import DATA_DIR, load_index_kinds, read_tsv
from tension.extract.kinds import PARTY_KINDS, RELAYED_BODIES, SPEAKER_KINDS, STATE_VOICES, load_kinds
from tension.extract.statements import extract_statements

_CONSERVATIVE_RULES = date(2011, 11, 14)  # Lee Myung-bak's Grand National Party government
_LIBERAL_RULES = date(2019, 3, 5)  # Moon Jae-in's Democratic Party government
_YOON = date(2023, 9, 1)  # Yoon Suk Yeol's People Power Party government


def _kinds(ctx, text: str, day: date, speaker: str = "") -> list[tuple]:
    """(speaker country, speaker kind) of each statement of the text, in order."""
    return [(s.speaker_country, s.speaker_kind) for s in extract_statements(text, day, ctx.actors, ctx.lexicon, speaker)]


# --- dated: the same party is the state in one year and the opposition in another ------------------------------------

@pytest.mark.parametrize("day, kind", [(_LIBERAL_RULES, "party_legislature"), (_CONSERVATIVE_RULES, "opposition"),
                                       (_YOON, "opposition")])
def test_the_democratic_party_rules_only_under_its_own_president(ctx, day, kind):
    text = "A spokesman for the Democratic Party of South Korea said that North Korea must stop its missile tests."
    assert _kinds(ctx, text, day) == [("KOR", kind)]


@pytest.mark.parametrize("day, kind", [(_CONSERVATIVE_RULES, "party_legislature"), (_LIBERAL_RULES, "opposition")])
def test_the_conservative_party_by_an_alias_without_party(ctx, day, kind):
    # The party named as the actor dictionary knows it (the earlier name of the Saenuri Party), its date decides.
    text = "The Grand National Party said that North Korea must apologise for the shelling."
    assert _kinds(ctx, text, day) == [("KOR", kind)]


# --- the words of the speaker's phrase ---------------------------------------------------------------------------------

def test_the_ruling_party_stays_a_state_voice(ctx):
    assert _kinds(ctx, "South Korea's ruling party said that North Korea must return to talks.", _YOON) == [
        ("KOR", "party_legislature")]


def test_opposition_lawmakers_are_the_opposition(ctx):
    text = "South Korean opposition lawmakers said that North Korea must be punished for the launch."
    assert _kinds(ctx, text, _LIBERAL_RULES) == [("KOR", "opposition")]


def test_unnamed_lawmakers_stay_party_legislature(ctx):
    # Counter-case: lawmakers whose party the sentence does not give may be the ruling party's.
    text = "South Korean lawmakers said that North Korea must be punished for the launch."
    assert _kinds(ctx, text, _LIBERAL_RULES) == [("KOR", "party_legislature")]


def test_the_national_assembly_passing_a_resolution_is_the_legislature(ctx):
    text = "South Korea's National Assembly passed a resolution condemning North Korea's missile launch."
    assert _kinds(ctx, text, _CONSERVATIVE_RULES) == [("KOR", "party_legislature")]


def test_a_dprk_party_is_never_the_opposition(ctx):
    text = "The Workers' Party of Korea said that the United States must end its hostile policy."
    assert _kinds(ctx, text, _CONSERVATIVE_RULES) == [("PRK", "party_legislature")]


def test_a_party_of_a_country_the_file_does_not_list_is_not_split(ctx):
    # No ruling-party rows for Japan: its parties stay party_legislature, as before.
    text = "Japan's Constitutional Democratic Party said that North Korea must stop its missile launches."
    assert all(kind == "party_legislature" for country, kind in _kinds(ctx, text, _YOON) if country == "JPN")


# --- relayed in a KCNA-style release ------------------------------------------------------------------------------------

def test_a_relayed_lawmaker_of_a_party_out_of_power_is_the_opposition(ctx):
    text = ("Pak Chol Min, lawmaker from the Democratic United Party of south Korea, expressed deep condolences over "
            "the passing of the leader of the DPRK.")
    assert _kinds(ctx, text, date(2011, 12, 22), "KCNA") == [("KOR", "opposition")]


def test_a_back_reference_to_a_relayed_opposition_party_keeps_its_kind(ctx):
    # "It" points back to the party that spoke last: the same voice, the same kind.
    text = ("The Progressive Labour Party of south Korea on Monday denounced the authorities for blocking visits to "
            "the north. It urged the authorities to allow the visits at once.")
    assert _kinds(ctx, text, date(2011, 12, 27), "KCNA") == [("KOR", "opposition"), ("KOR", "opposition")]


def test_an_opposition_party_and_civic_groups_listed_together_are_a_coalition(ctx):
    # The coalition rule of issue 13's twentieth round reads an opposition party as it read a party.
    text = ("Opposition parties and civic organizations of south Korea on Friday denounced the authorities for the "
            "arrests.")
    assert ("KOR", "civic") in _kinds(ctx, text, date(2012, 3, 2), "KCNA")


# --- data and kinds -----------------------------------------------------------------------------------------------------

def test_opposition_is_a_kind_the_index_does_not_count():
    assert "opposition" in SPEAKER_KINDS and "opposition" not in STATE_VOICES
    assert "opposition" not in load_index_kinds()
    assert any(r["speaker_kind"] == "opposition" and r["counts"] == "0" for r in read_tsv(DATA_DIR / "index_kinds.tsv"))
    assert {"party_legislature", "opposition"} == PARTY_KINDS and PARTY_KINDS <= RELAYED_BODIES


def test_ruling_parties_data_is_well_formed():
    rows = read_tsv(DATA_DIR / "ruling_parties.tsv")
    assert rows and all(r["source"] for r in rows)
    for r in rows:
        start = date.fromisoformat(r["ruling_from"])
        assert not r["ruling_to"] or start <= date.fromisoformat(r["ruling_to"]), r
    # one name never rules twice at once in a country
    seen: dict[tuple[str, str], list[tuple[date, date]]] = {}
    for r in rows:
        span = (date.fromisoformat(r["ruling_from"]), date.fromisoformat(r["ruling_to"] or "9999-12-31"))
        for other in seen.get((r["country"], r["party"].lower()), []):
            assert span[1] < other[0] or other[1] < span[0], r
        seen.setdefault((r["country"], r["party"].lower()), []).append(span)


def test_is_ruling_reads_dates_and_name_ends():
    kinds = load_kinds()
    assert kinds.is_ruling("KOR", "the Saenuri Party", date(2013, 5, 1))
    assert not kinds.is_ruling("KOR", "Saenuri Party", date(2018, 5, 1))
    assert kinds.is_ruling("KOR", "Democratic Party of Korea", date(2018, 5, 1))
    assert not kinds.is_ruling("KOR", "Democratic United Party", date(2018, 5, 1))
    assert kinds.is_ruling("PRK", "Workers' Party of Korea", date(2012, 1, 1))
