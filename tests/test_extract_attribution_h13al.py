"""Rules of the thirty-seventh tuning round (branch h13al): in a state outlet's story (KCNA), a relayed crowd the text
places in no country ("Speakers at the press conference said ...") is who "they" are next, so the crowd's following
"They demanded ..." or "..., they warned" is the crowd's, not the outlet's own voice (a pair row of the outlet's side
toward the other). Only "they"; a placed group or crowd told before keeps going on, and a state body speaking after the
crowd takes "they" back. Every sentence here is written for these tests (never copied from the corpora). Figures:
docs/evaluation-extraction.md, "Thirty-seventh tuning round (branch h13al)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2011, 5, 3)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker, speaker country, kind, sorted targets) of each statement, in order, told by KCNA."""
    return [(s.speaker, s.speaker_country, s.speaker_kind, ",".join(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "KCNA")]


# --- the hard cases: each failed before the rule ---------------------------------------------------------------------

def test_they_after_a_crowd_of_no_country_and_an_outlet_sentence_is_the_crowd(ctx):
    text = ("Dismissed bus drivers in south Korea are facing hardship. Speakers at a press conference in Busan on "
            "Monday deplored the plight of the drivers. The company has refused to pay their wages for months. They "
            "demanded the authorities punish the owners at once.")
    rows = _rows(ctx, text)
    speaker, country, kind, _ = rows[-1]
    assert speaker.lower() == "they" and country is None and kind == "people", rows  # (was KCNA, PRK -> KOR)


def test_a_trailing_they_warned_after_a_rally_is_the_rally_speakers(ctx):
    text = ("A rally against the new port was held on an island of south Korea on Sunday. Speakers at the rally said "
            "the plan would ruin the fishing grounds. The port will destroy the livelihood of the islanders, they "
            "warned.")
    rows = _rows(ctx, text)
    assert rows[-1][0].lower() == "they" and rows[-1][1] is None, rows
    assert [r for r in rows if r[0] == "KCNA"] == [rows[0]], rows  # (the outlet keeps only its own lead)


# --- counter-cases: the same on main and on the branch ---------------------------------------------------------------

def test_a_placed_crowd_told_before_goes_on_as_they(ctx):
    text = ("Farmers of south Korea gathered in front of the city hall of Jinju on Tuesday. Participants in the "
            "gathering said the import of rice would ruin the farms. They called on the authorities to scrap the deal.")
    assert _rows(ctx, text)[-1][:3] == ("They", "KOR", "people")


def test_they_for_the_other_sides_rulers_with_no_crowd_before_stays_the_outlets(ctx):
    text = "The south Korean puppet authorities staged war drills again. They are bent on confrontation with the DPRK."
    assert _rows(ctx, text)[-1] == ("KCNA", "PRK", "state_media", "KOR")


def test_a_state_body_speaking_after_the_crowd_takes_they_back(ctx):
    text = ("Speakers at a rally in Seoul said the authorities had lied. The Committee for the Peaceful Reunification "
            "of Korea on Friday denounced the regime. They warned the puppets of a stern punishment.")
    assert _rows(ctx, text)[-1][:3] == ("They", "PRK", "government")
