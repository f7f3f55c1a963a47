"""Rules of the sixtieth tuning round (branch h13bj): wrong speakers an analyst meets on the report's front page.

- "the (influential) sister of <the leader>" is the sister, not the leader (actors.tsv: her descriptions "sister of
  ..." as aliases, as round 12 gave her "Kim Jong Un's sister"); the leader's own acts with his relatives stay his;
- ("went on" / "goes on" as speech only before a colon, "to <verb>" or "saying" was built on the branch and left out
  at the merge: its changed gold-free rows judged 1 better, 3 worse, 4 unclear, since it uncovers a Rodong Sinmun
  article's continuation sentences given kind civic; the two speech uses below hold either way);
- a headline given its lead's voice keeps none of that voice's own country among its targets (as every other
  statement), so a Russian group's headline is not aimed at Russia;
- a Korean residents' association in Russia ("the Central Association of Korean Nationals in Russia") speaks for no
  state (guideline decision 34: `-`), nor do "the statement", "it" pointing back to it.

Every sentence here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md,
"Sixtieth tuning round (branch h13bj)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_WIRE_DAY = date(2022, 6, 1)
_KCNA_DAY = date(2012, 5, 2)


def _rows(ctx, text: str, speaker: str | None = None, day: date = _WIRE_DAY) -> list[tuple]:
    """(speaker actor, speaker country, kind, sorted targets, attribution, content) of each statement."""
    return [(s.speaker_actor, s.speaker_country, s.speaker_kind, ",".join(sorted(s.targets)), s.attribution, s.content)
            for s in extract_statements(text, day, ctx.actors, ctx.lexicon, speaker)]


# --- a. kinship subjects ---------------------------------------------------------------------------------------------

def test_the_sister_of_the_leader_who_warns_is_the_sister(ctx):
    rows = _rows(ctx, "The sister of North Korean leader Kim Jong Un warned South Korea of a stern response to its "
                      "drills.")
    assert rows and all(r[0] == "Kim Yo Jong" and r[1] == "PRK" and r[3] == "KOR" for r in rows), rows


def test_her_name_with_an_apposition_without_article_is_still_her(ctx):
    rows = _rows(ctx, "Kim Yo Jong, sister of North Korean dictator Kim Jong Un, on Sunday accused South Korea of "
                      "sending leaflets.")
    assert rows and all(r[0] == "Kim Yo Jong" for r in rows), rows


def test_the_influential_sister_of_the_leader_unnamed_is_her(ctx):
    rows = _rows(ctx, "The influential sister of the North Korean leader ridiculed South Korea's new defence plan on "
                      "Tuesday.")
    assert rows and all(r[0] == "Kim Yo Jong" and r[1] == "PRK" and r[3] == "KOR" for r in rows), rows


def test_a_headline_sister_of_the_leader_is_her(ctx):
    rows = _rows(ctx, "Sister of North Korean Leader Slams South Korea's Drills")
    assert rows and all(r[0] == "Kim Yo Jong" for r in rows), rows


def test_the_leader_who_takes_his_daughter_to_a_launch_acts_himself(ctx):
    rows = _rows(ctx, "North Korean leader Kim Jong Un took his daughter to watch a missile launch aimed at South "
                      "Korea.")
    assert rows and all(r[0] == "Kim Jong Un" for r in rows), rows


def test_the_leader_who_warns_is_still_the_leader(ctx):
    rows = _rows(ctx, "North Korean leader Kim Jong Un warned South Korea of a stern response to its drills.")
    assert rows and all(r[0] == "Kim Jong Un" for r in rows), rows


# --- b. "went on" (not merged: see the docstring) -- the speech uses stay speech ------------------------------------

def test_went_on_with_a_colon_still_speaks(ctx):
    rows = _rows(ctx, "The article went on: The south Korean puppets are the enemy of peace.", "KCNA", _KCNA_DAY)
    assert rows and all(r[1] == "PRK" and r[3] == "KOR" and r[4] == "speech verb" for r in rows), rows


def test_went_on_to_say_still_speaks(ctx):
    rows = _rows(ctx, "The spokesman for the DPRK Foreign Ministry went on to say that the south Korean regime should "
                      "stop its confrontation.", "KCNA", _KCNA_DAY)
    assert rows and all(r[1] == "PRK" and r[3] == "KOR" and r[4].startswith("speech verb") for r in rows), rows


# --- c. a headline given its lead's voice ----------------------------------------------------------------------------

def test_a_headline_of_a_foreign_group_keeps_its_own_country_out_of_its_targets(ctx):
    text = ("Lee Myung Bak's Slander of DPRK Rejected: Russian Party\n\n"
            "The Russian Communist Workers' Party issued a statement on Monday denouncing Lee Myung Bak for his "
            "slander against the DPRK.")
    rows = _rows(ctx, text, "KCNA", _KCNA_DAY)
    head = [r for r in rows if r[4] == "headline (lead's voice)"]
    assert head and all("RUS" not in r[3].split(",") and "KOR" in r[3].split(",") for r in head), rows


# --- d. Korean residents in Russia ----------------------------------------------------------------------------------

def test_koreans_nationals_in_russia_speak_for_no_state(ctx):
    text = ("The Central Association of Korean Nationals in Russia issued a statement condemning the south Korean "
            "regime for its war drills against the DPRK.\n\nThe statement said the south Korean authorities should "
            "stop the drills at once.")
    rows = _rows(ctx, text, "KCNA", _KCNA_DAY)
    assert rows and all(r[1] is None and r[2] == "diaspora_foreign" for r in rows), rows


def test_a_russian_party_still_speaks_for_russia(ctx):
    # a Russian party is a foreign voice of its country (no residents' body): its country stays
    rows = _rows(ctx, "The National Salvation Front of Russia issued a statement condemning the south Korean regime "
                      "for its war drills.", "KCNA", _KCNA_DAY)
    assert rows and all(r[1] == "RUS" for r in rows), rows
