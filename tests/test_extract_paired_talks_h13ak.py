"""Rules of the thirty-sixth tuning round (branch h13ak): talks, consultations or a summit named by a compound of the
two sides that hold them ("<A>-<B> consultations") as a clause's first actors are an event both sides hold, so a
statement of each side toward the other (labelling guideline: talks held = both directions), as "talks between A
and B" already was. Not in a subordinate or background phrase (adjudication 1), not when a speaker frames the
sentence, and not in an outlet's own story (KCNA), where a clause with no verb goes on in the voice told before.
Every sentence here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md,
"Thirty-sixth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2019, 6, 3)


def _rows(ctx, text: str, speaker: str = "") -> list[tuple]:
    """(speaker country, sorted targets, attribution) of each statement with a target, in order."""
    return [(s.speaker_country, ",".join(sorted(s.targets)), s.attribution)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker) if s.targets]


def _directions(rows: list[tuple]) -> set[str]:
    return {f"{country}>{targets}" for country, targets, _ in rows}


# --- the hard cases: each failed before the rule ---------------------------------------------------------------------

def test_a_lower_case_press_release_title_on_consultations_is_both_sides(ctx):
    # The Russian foreign ministry's channel writes its titles in lower case.
    rows = _rows(ctx, "press release on russia-south korea consultations on a year of cultural exchanges")
    assert _directions(rows) == {"RUS>KOR", "KOR>RUS"}, rows


def test_demonyms_joined_by_a_hyphen_before_talks_are_both_sides(ctx):
    rows = _rows(ctx, "Russian-South Korean talks on fisheries are underway in Moscow")
    assert _directions(rows) == {"RUS>KOR", "KOR>RUS"}, rows


def test_an_initialism_before_the_hyphen_and_a_modifier_before_the_noun(ctx):
    # "U.S.-" loses its hyphen to a space when compounds are split; "working-level" stands before the noun.
    rows = _rows(ctx, "U.S.-North Korea working-level talks resumed in Stockholm on Saturday.")
    assert _directions(rows) == {"USA>PRK", "PRK>USA"}, rows


def test_curly_quotes_around_the_event_name_after_the_compound(ctx):
    rows = _rows(ctx, "Russia–South Korea strategic dialogue held in Seoul, ‘a useful exchange’")
    assert {"RUS>KOR", "KOR>RUS"} <= _directions(rows), rows


# --- counter-cases: pass before and after ------------------------------------------------------------------------------

def test_a_speaker_quoting_the_talks_keeps_the_sentence(ctx):
    # Reported speech about the talks, inside a ministry's account: the spokeswoman's words, no rows of the two sides.
    rows = _rows(ctx, "The ministry said its spokeswoman told reporters that Russia-South Korea consultations "
                      "had been useful.")
    assert not any(r[2] == "mutual" for r in rows), rows


def test_a_headline_with_the_speaker_before_a_colon_is_the_speakers(ctx):
    rows = _rows(ctx, "Lavrov: Russia-South Korea talks were frank and useful")
    assert not any(r[2] == "mutual" for r in rows), rows


def test_talks_in_a_background_phrase_give_no_rows(ctx):
    rows = _rows(ctx, "Amid stalled US-South Korea talks on costs, North Korea fired two missiles into the sea.")
    assert "USA>KOR" not in _directions(rows) and "KOR>USA" not in _directions(rows), rows


def test_a_pronoun_after_the_talks_in_a_when_clause_gives_no_rows(ctx):
    rows = _rows(ctx, "Seoul protested when US-North Korea talks excluded it from the table.")
    assert not any(r[2] == "mutual" for r in rows), rows


def test_an_outlets_own_story_keeps_its_voice(ctx):
    # In a KCNA release a verbless clause goes on in the voice before it: no rows of the summit's two sides.
    rows = _rows(ctx, "The DPRK-Russia summit talks opened a new chapter of friendship.", speaker="KCNA")
    assert not any(r[2] == "mutual" for r in rows), rows
