"""A place named in a locative phrase inside a subject's noun phrase ("in Seoul", "at the UN", "to Russia" after an
ambassador) does not take the speaker role from the phrase's head and its owner: "Russia's embassy in Seoul said"
is Russia's embassy speaking, Seoul only where it sits (tension/extract/speakers.py `_locative_head`). A bare office
seated in a capital is that capital's office ("the defense ministry in Seoul"), but an office posted abroad is not
its host's ("the embassy in Seoul": tension/extract/actors.py `_seated_titles`, reference_words.tsv use posted).
Every sentence here is written for these tests (a new user's report, reworded; never copied from the corpora)."""

from __future__ import annotations

from datetime import date

import pytest

from tension.extract.statements import extract_statements

_DAY = date(2025, 11, 12)


def _frames(ctx, text: str) -> list[tuple]:
    """(speaker, speaker country, speaker kind, sorted targets, is_act) of each statement of the text, in order."""
    return [(s.speaker, s.speaker_country, s.speaker_kind, tuple(sorted(s.targets)), s.is_act)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon)]


def _first(ctx, text: str) -> tuple:
    rows = _frames(ctx, text)
    assert rows, text
    return rows[0]


# --- the head and its owner speak, the place only locates them ------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("Russia's embassy in Seoul said it rejected the accusations.", "Russia's embassy"),
    ("The Russian Embassy in Seoul criticized South Korea over the arrest of two of its nationals.", "Russian Embassy"),
    ("The Russian ambassador in Seoul said the new export curbs were unacceptable.", "Russian ambassador"),
])
def test_a_foreign_mission_in_seoul_is_the_foreign_state(ctx, text, speaker):
    # Before: the speaker was "Seoul" (KOR), the direction KOR→RUS, and the ambassador a 'people' voice.
    assert _first(ctx, text)[:4] == (speaker, "RUS", "government", ("KOR",))


def test_an_embassy_spokesman_in_seoul_is_his_states_voice(ctx):
    speaker, country, kind, _, _ = _first(ctx, "A Chinese embassy spokesman in Seoul said Beijing opposed the plan.")
    assert (speaker, country, kind) == ("Chinese embassy spokesman", "CHN", "government")


def test_a_us_ambassador_in_seoul_speaks_for_the_us(ctx):
    speaker, country, kind, targets, _ = _first(
        ctx, "The US ambassador in Seoul said Washington condemned North Korea's latest missile launch.")
    assert (country, kind) == ("USA", "government") and "PRK" in targets


def test_an_official_of_an_embassy_in_seoul(ctx):
    # a lowercase head the dictionary does not name, between the owner's office and the place
    _, country, _, _, _ = _first(ctx, "A Russian embassy official in Seoul said the charges were groundless.")
    assert country == "RUS"


def test_seouls_embassy_in_moscow_is_seouls(ctx):
    speaker, country, _, targets, _ = _first(ctx, "Seoul's embassy in Moscow said it lodged a protest with Russia.")
    assert (speaker, country, targets) == ("Seoul's embassy", "KOR", ("RUS",))


def test_an_ambassador_to_a_country_is_his_own_states_and_aims_at_it(ctx):
    speaker, country, _, targets, _ = _first(
        ctx, "South Korea's ambassador to Russia said Seoul condemned the arms deals with Pyongyang.")
    assert (speaker, country) == ("South Korea's ambassador", "KOR") and "RUS" in targets


def test_an_envoy_at_the_un(ctx):
    _, country, _, targets, _ = _first(ctx, "North Korea's envoy at the UN said the sanctions against his country "
                                            "were a hostile act by the United States.")
    assert country == "PRK" and "USA" in targets


def test_a_ministry_seated_in_seoul_is_the_ministry(ctx):
    # Before: the speaker was "Seoul" (the country right, the name wrong)
    speaker, country, kind, targets, _ = _first(
        ctx, "The defense ministry in Seoul said it would bolster its readiness against North Korea.")
    assert (speaker, country, kind) == ("defense ministry", "KOR", "government") and "PRK" in targets


def test_a_ministry_seated_in_seoul_reports_an_act(ctx):
    rows = extract_statements("The defense ministry in Seoul said North Korea fired two ballistic missiles.", _DAY,
                              ctx.actors, ctx.lexicon)
    assert rows and all(s.reported_by != "Seoul" for s in rows), [(s.speaker, s.reported_by) for s in rows]


# --- where the rule does not apply ----------------------------------------------------------------------------

def test_a_place_after_the_verb_is_not_in_the_subject(ctx):
    speaker, country, _, targets, _ = _first(ctx, "Russia said in Seoul that it rejected the accusations against "
                                                  "South Korea.")
    assert (speaker, country, targets) == ("Russia", "RUS", ("KOR",))


def test_an_embassy_that_is_only_a_place(ctx):
    # protesters outside an embassy: the embassy is a place, not the subject's head
    rows = _frames(ctx, "Protesters outside the Russian embassy in Seoul said the war must end.")
    assert all(country != "RUS" for _, country, *_ in rows), rows


def test_a_bare_embassy_in_seoul_is_not_seouls(ctx):
    # an office posted abroad with no owner is not its host's office: it points back to the one named before, or
    # stays unknown; never the ROK for sitting in Seoul
    rows = _frames(ctx, "Russia's ambassador met Japanese diplomats on Monday. The embassy in Seoul said the "
                        "sanctions were illegal.")
    later = [r for r in rows if r[0] and "embassy" in r[0].lower()]
    assert later and all(country in ("RUS", None) for _, country, *_ in later), rows


def test_koreans_in_japan_keep_their_reading(ctx):
    # a demonym's lowercase head in a place is left to the head word's kind (diaspora), as before
    rows = _frames(ctx, "Korean residents in Japan said they opposed the new school rules.")
    assert all(kind != "government" for _, _, kind, *_ in rows), rows


def test_an_office_after_at_owns_the_head_it_is_no_place(ctx):
    # "a deputy spokesperson at the ministry": the ministry (pointing back to the one named before) is the owner,
    # not a place the spokesperson sits in; the rule leaves it (found on gold-free Yonhap copy)
    rows = _frames(ctx, "South Korea's unification ministry said it was watching the visit. \"We are watching it "
                        "closely,\" Kim Min-ji, deputy spokesperson at the ministry, told reporters on Friday.")
    assert len(rows) == 2 and rows[1][1] == "KOR", rows


def test_a_bare_ministry_seated_in_seoul(ctx):
    # "the ministry" pointing back to no one, seated in a capital: that capital's ministry speaks
    speaker, country, kind, targets, _ = _first(
        ctx, "The ministry in Seoul said it would bolster its readiness against North Korea.")
    assert (country, kind) == ("KOR", "government") and "ministry" in speaker.lower() and "PRK" in targets


def test_a_bare_embassy_with_no_one_named_before_is_not_its_hosts(ctx):
    rows = _frames(ctx, "The embassy in Seoul said the sanctions were illegal.")
    assert rows and all(country != "KOR" for _, country, *_ in rows), rows


def test_forces_in_a_place_are_not_that_places(ctx):
    # "armed forces in <the South>" named with no owner may be a guest's (the US's): only a civil office takes the
    # country of its seat (found on gold-free KCNA copy)
    mentions = ctx.actors.find_mentions("They must say whom the huge armed forces in south Korea target.", _DAY)
    forces = [m for m in mentions if m.role == "military"]
    assert forces and all(m.country is None for m in forces), forces
