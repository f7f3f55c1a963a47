"""Rules of issue 13's twenty-second tuning round, from gold-free samples of KCNA (never gold): a DPRK paper's
commentary goes on in its own voice after "the paper says", not as the South's ministry it quoted; the South named
only as where US troops stand ("their presence in", "troops present in") is no target of words aimed at the US.
Every sentence here is written for these tests (never copied from the corpora). Rules: docs/labelling-guideline.md
(Targets: places are not targets by themselves; decision 7); figures: docs/evaluation-extraction.md, "Twenty-second
tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements
from tension.ingest.clean import clean_text

_DAY = date(2012, 3, 5)


def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    """(speaker text, speaker country, sorted targets) of each statement of the text, in order."""
    return [(s.speaker, s.speaker_country, tuple(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


def _cleaned_rows(ctx, raw: str) -> list[tuple]:
    """The rows of a wire text as the pipeline reads it (cleaned first: a headline list's separators are breaks)."""
    return _rows(ctx, clean_text(raw).body, speaker="")


# --- "the paper" is a newspaper, not the ministry the commentary quoted --------------------------------------------

def test_the_paper_after_a_quoted_ministry_is_the_dprk_paper(ctx):
    # Before: "the paper" took the voice of the sentence before (the South's ministry): KOR -> PRK.
    rows = _rows(ctx, "The Unification Ministry of south Korea calls for more family reunions, boasting of its "
                      "support for exchanges, says Rodong Sinmun in a commentary on Monday. This talk is an empty "
                      "lie, the paper says, and goes on:, The authorities of south Korea blocked every exchange.")
    assert rows[-1] == ("the paper", "PRK", ("KOR",)), rows


def test_the_paper_after_a_quoted_minister_is_the_paper_named_first(ctx):
    # The paper is named first, a minister of the South speaks in between, then "The paper" goes on.
    rows = _rows(ctx, "Rodong Sinmun in a commentary on Monday says the south Korean authorities are to blame. "
                      "Defence Minister Kim Kwan Jin of south Korea claimed the north was a threat. "
                      "The newspaper calls his words a lie designed to cover up the crimes of the south Korean "
                      "authorities.")
    assert rows[-1][:2] == ("The newspaper", "PRK"), rows
    assert "KOR" in rows[-1][2], rows


def test_the_paper_after_a_south_korean_paper_stays_that_paper(ctx):
    # Counter-case: KCNA relays a South Korean paper; "the paper" is that paper (its voice, not the DPRK's).
    rows = _rows(ctx, "The south Korean paper Hankyoreh on Monday carried an editorial urging the government to "
                      "resume dialogue with the north. The government should send aid, the paper said.")
    assert rows[-1][1] == "KOR", rows


def test_the_ministry_pointing_back_is_not_changed(ctx):
    # Counter-case: only "the paper"/"the newspaper" point to a paper; "the ministry" keeps the ministry.
    rows = _rows(ctx, "Rodong Sinmun on Monday says the Unification Ministry of south Korea is lying. "
                      "The ministry claimed the north must apologise first.")
    assert rows[-1][1] == "KOR", rows


# --- the South as the host of US troops is no target --------------------------------------------------------------

def test_us_presence_in_the_south_targets_the_us_only(ctx):
    rows = _rows(ctx, "Rodong Sinmun on Monday says the long history of the US presence in south Korea is a history "
                      "of crimes.")
    assert rows == [("Rodong Sinmun", "PRK", ("USA",))], rows


def test_us_troops_present_in_the_south_target_the_us_only(ctx):
    rows = _rows(ctx, "A soldier of the US imperialist aggressor troops present in south Korea assaulted a woman.")
    assert rows and all(r[2] == ("USA",) for r in rows), rows


def test_the_south_is_still_a_target_when_words_take_a_stance_on_it(ctx):
    # Counter-case: the South's own authorities are named as an actor: a target.
    rows = _rows(ctx, "The south Korean puppet authorities begged for the US military presence in south Korea.")
    assert any("KOR" in r[2] for r in rows), rows


def test_the_south_alone_as_the_place_is_still_the_target(ctx):
    # Counter-case: with no other target, the place is the target (targets.py: "only a place: it is").
    rows = _rows(ctx, "The troops present in south Korea staged a drill, KCNA said.")
    assert any("KOR" in r[2] for r in rows), rows


# --- a wire's glued headline list: each dateline opens a story that points back to none before it ----------------

def test_a_glued_headline_after_a_launch_takes_no_launch_targets(ctx):
    # Before: "this" (year) in the second story carried the launch's KOR, JPN, USA into a factory opening.
    rows = _cleaned_rows(ctx, "N. Korea fires two cruise missiles SEOUL -- North Korea fired two cruise missiles into "
                              "the sea on Sunday, its state media said.------------N. Korea opens factories due this "
                              "year in Kim's drive for the provinces SEOUL -- Leader Kim Jong-un opened light-industry "
                              "factories in a western port city at a ceremony, state media said.")
    assert rows[0][1:] == ("PRK", ("JPN", "KOR", "USA")), rows
    assert rows[1][1:] == ("PRK", ()), rows


def test_the_sentence_after_a_dateline_still_points_back(ctx):
    # Counter-case: the dateline opens the story; its own next sentence still carries the launch's targets.
    rows = _rows(ctx, "N. Korea fires two cruise missiles SEOUL -- North Korea fired two cruise missiles into the sea "
                      "on Sunday, its state media said. The launches were a warning to its enemies, the North's "
                      "military said.", speaker="")
    assert rows[-1][1:] == ("PRK", ("JPN", "KOR", "USA")), rows
