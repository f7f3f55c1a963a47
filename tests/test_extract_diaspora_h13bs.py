"""A single Korean living abroad named by "Korean in <country>" is a diaspora voice of no state (labelling guideline:
diaspora or foreign party; a diaspora speaks for no state), not the country he lives in nor the outlet that relays him
(issue 13 round 69: in gold-free KCNA, 12 of 17 rows of the shape were given the host country or KCNA). Every sentence
here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md, round 69."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_KCNA_DAY = date(2012, 7, 15)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker country, speaker kind) of each statement of a KCNA text, in order."""
    return [(s.speaker_country, s.speaker_kind)
            for s in extract_statements(text, _KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA")]


# --- the hard cases: the host country or KCNA took the voice on main -------------------------------------------

def test_korean_in_a_country_before_a_name_is_no_state(ctx):
    # main: [('JPN', 'government')] — the host country read as the speaker
    rows = _rows(ctx, "Korean in Japan Ri Chol Su posted an article on the Internet on Monday, condemning the south "
                      "Korean authorities.")
    assert rows and rows[0] == (None, "diaspora_foreign"), rows


def test_a_korean_in_a_country_as_an_apposition_and_the_article_after_it(ctx):
    # main: [('USA', 'people'), ('USA', 'people')] — "the U.S." of the apposition taken as the writer's country
    rows = _rows(ctx, "Kim Min Ho, a Korean in the U.S., wrote an article for a website on Thursday, criticizing the "
                      "south Korean puppet authorities.\n\nThe article said the puppets had done nothing good.")
    assert len(rows) == 2 and all(row == (None, "diaspora_foreign") for row in rows), rows


def test_a_korean_in_a_country_as_the_subject_of_his_verb(ctx):
    # main: [('PRK', 'state_media')] — no speaker found, the act left to KCNA's own account
    rows = _rows(ctx, "A Korean in the U.S. disclosed a secret army paper on the U.S. forces in south Korea last week.")
    assert rows and rows[0] == (None, "diaspora_foreign"), rows


# --- counter-cases: other words after "Korean" keep their reading (each passes on main too) ----------------------

def test_a_korean_donor_named_inside_a_prime_ministers_words_leaves_him_the_speaker(ctx):
    rows = _rows(ctx, "Japanese Prime Minister Naoto Kan admitted on Friday that his office took donations from a "
                      "South Korean in Japan.")
    assert rows and rows[0][0] == "JPN", rows


def test_a_south_korean_delegation_is_still_the_south(ctx):
    rows = _rows(ctx, "The South Korean delegation said on Monday that the talks with Japan would go on.")
    assert rows and rows[0][0] == "KOR", rows


# --- headlines naming such a Korean as their source (a title read with its story, as KCNA is run) ----------------

def test_a_headline_ending_in_a_korean_in_the_us_is_his(ctx):
    # main: [('PRK', 'state_media'), ...] — the headline's initials "U.S." read as a full stop, KCNA's own account
    rows = _rows(ctx, "South Korean Authorities Should Choose Peace: Korean in U.S.\n\nKim Min Ho, a Korean in the "
                      "U.S., wrote a piece on Monday.")
    assert rows and rows[0] == (None, "diaspora_foreign"), rows


def test_a_headline_denounced_by_a_korean_in_the_us_is_his(ctx):
    # main: [('PRK', 'state_media'), ...]
    rows = _rows(ctx, "Puppet Minister's Remarks Denounced by Korean in U.S.\n\nKim Min Ho, a Korean in the U.S., "
                      "wrote a piece on Monday.")
    assert rows and rows[0] == (None, "diaspora_foreign"), rows


def test_a_headline_denounced_by_the_us_stays_the_outlets_account(ctx):
    # counter-case (passes on main too): a state named after "by" is no source of the outlet's
    rows = _rows(ctx, "War Drills Staged by U.S.")
    assert rows and rows[0] == ("PRK", "state_media"), rows


# --- a guard of this round's own head: a head of several words never spans the speaker's name ----------------------

def test_a_spokesman_named_between_korean_and_in_is_no_korean_abroad(ctx):
    # passes on main; failed at e9375e5 (the head "Korean in" read across the name: "north Korean | in a statement")
    text = ("The Hong Kong newspaper Asia Times carried an article on Friday. , It said:\n\nA north Korean Foreign "
            "Ministry spokesman in a statement on Monday accused the Obama administration of being afraid.")
    kinds = [s.speaker_kind for s in extract_statements(text, _KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA")]
    assert "diaspora_foreign" not in kinds, kinds
