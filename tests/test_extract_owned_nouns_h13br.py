"""A reporting verb's word after a possessive is a noun: "Tokyo's claims to Dokdo" says nothing, so Tokyo is no
speaker (decision 2: a speech noun without content gives no row; issue 13 round 68, the Japan-desk tester's finding 4:
Seoul protesting Tokyo's claims became Tokyo's words toward the South, JPN->KOR, with no KOR->JPN row). Every sentence
here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md, round 68."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2024, 10, 16)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker country, sorted targets) of each statement of the text, in order."""
    return [(s.speaker_country, tuple(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "")]


# --- the hard cases: a possessive's claim with no content -------------------------------------------------------

def test_a_protest_of_tokyos_claims_is_seouls_row_not_tokyos(ctx):
    # main: [('JPN', ('KOR',))] — Tokyo's claims read as Tokyo speaking
    rows = _rows(ctx, "South Korea's foreign ministry summoned a Japanese diplomat to protest Tokyo's claims to "
                      "Dokdo.")
    assert rows == [("KOR", ("JPN",))], rows


def test_a_claim_owned_with_a_modifier_and_no_content_says_nothing(ctx):
    # main: [('JPN', ())] — "Japan's territorial claim to the islets" read as the Japanese government speaking
    rows = _rows(ctx, "A new exhibition in Tokyo repeats Japan's territorial claim to the islets.")
    assert all(country != "JPN" for country, _ in rows), rows


# --- counter-cases: a claim with content, and the verb, still speak (each passes on main too) --------------------

def test_a_claim_that_keeps_its_owner_as_speaker(ctx):
    rows = _rows(ctx, "Japan's claim that the islets are its territory drew protests on Friday.")
    assert rows and rows[0][0] == "JPN", rows


def test_a_claim_to_do_something_keeps_its_owner_as_speaker(ctx):
    rows = _rows(ctx, "North Korea's claim to have no cases drew scepticism.")
    assert rows and rows[0][0] == "PRK", rows


def test_the_verb_claims_keeps_its_subject_as_speaker(ctx):
    rows = _rows(ctx, "Tokyo claims the islets as its own, the ministry said.")
    assert rows and rows[0][0] == "JPN", rows
