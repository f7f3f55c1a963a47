"""Rules of the sixty-first tuning round (branch h13bk): what an analyst found wrong on the wire and Russian state media.

- a DPRK paper (Rodong Sinmun, Minju Joson) is a state outlet whatever its headline's object is ("... Calls for
  Support of Civic Groups", "... Urges Students") and whatever kind the voice before it had ("The article said"
  after a civic body's statement): the head words of what it calls for name no voice of its own; its headline told
  as an act is still who "the article" points back to next;
- a list of states whose later item takes its article ("Japan, the US and South Korea affirmed") is one subject, not
  a frame after a comma reporting "Japan, the";
- "the South" before "of" is the South unless a place follows ("accused the South of sending leaflets");
- companies named "corporation" are civic, a "Broadcasting Corporation" media, "peoples" people ("businesses" was
  tried and left out: in KCNA's accounts it took the outlet's warnings from it);
- round 60's "went on" / "goes on" rule (speech only before a colon, "to <verb>", "saying"), left out at that merge
  because it uncovered a Rodong Sinmun article's sentences given kind civic, re-applied on top of the paper's kind;

Every sentence here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md,
"Sixty-first tuning round (branch h13bk)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_WIRE_DAY = date(2024, 6, 1)
_KCNA_DAY = date(2012, 5, 2)


def _rows(ctx, text: str, speaker: str | None = None, day: date = _WIRE_DAY) -> list[tuple]:
    """(speaker actor, speaker country, kind, sorted targets, attribution, content, reported_by) of each statement."""
    return [(s.speaker_actor, s.speaker_country, s.speaker_kind, ",".join(sorted(s.targets)), s.attribution, s.content,
             s.reported_by)
            for s in extract_statements(text, day, ctx.actors, ctx.lexicon, speaker)]


# --- 7. a DPRK paper is state media --------------------------------------------------------------------------------

def test_a_paper_calling_for_support_of_civic_groups_is_state_media(ctx):
    rows = _rows(ctx, "Minju Joson Calls for Support of Civic Groups in S. Korea", "KCNA", _KCNA_DAY)
    assert rows and all(r[0] == "Minju Joson" and r[2] == "state_media" for r in rows), rows


def test_a_paper_urging_students_is_state_media(ctx):
    rows = _rows(ctx, "Rodong Sinmun Urges Young Students of S. Korea to Rise against Regime", "KCNA", _KCNA_DAY)
    assert rows and all(r[0] == "Rodong Sinmun" and r[2] == "state_media" for r in rows), rows


def test_the_papers_article_after_a_civic_bodys_words_is_state_media(ctx):
    rows = _rows(ctx, "Pyongyang, May 2 (KCNA) -- A spokesman for the Korean Christians Federation said on Tuesday "
                      "that the south Korean regime must apologise. Rodong Sinmun on Wednesday ran an article to this "
                      "effect. The article said that the south Korean regime would pay dearly for its crimes.",
                 "KCNA", _KCNA_DAY)
    article = [r for r in rows if r[5].startswith("The article")]
    assert article and all(r[0] == "Rodong Sinmun" and r[2] == "state_media" for r in article), rows
    federation = [r for r in rows if r[0] == "Korean Christians Federation"]
    assert federation and all(r[2] == "civic" for r in federation), rows  # the body before it keeps its own kind


def test_the_papers_article_goes_on_after_its_headline_and_a_glued_frame(ctx):
    rows = _rows(ctx, "Rodong Sinmun Accuses Lee Group of Plotting to Undermine DPRK's System\n\n"
                      "The Lee Myung Bak group's plot against the system in the DPRK is denounced by an article of "
                      "Rodong Sinmun Tuesday. , The traitorous Lee group is going mad in its plot to harm the system, "
                      "the article says, and goes on:\n\n"
                      "The situation has reached a grave phase due to the group's vicious moves.\n\n"
                      "The group will never escape stern punishment.", "KCNA", _KCNA_DAY)
    going_on = [r for r in rows if r[4].startswith("continued")]
    assert going_on and all(r[0] == "Rodong Sinmun" and r[2] == "state_media" for r in going_on), rows


def test_a_civic_body_calling_for_support_of_civic_groups_stays_civic(ctx):
    rows = _rows(ctx, "Korean Christians Federation Calls for Support of Civic Groups in S. Korea", "KCNA",
                 _KCNA_DAY)
    assert rows and all(r[2] == "civic" for r in rows), rows


# --- 1. a list of states whose later item takes its article ----------------------------------------------------------

def test_a_list_of_three_states_with_an_article_is_one_subject(ctx):
    rows = _rows(ctx, "Japan, the United States and South Korea pledged on Friday to deepen their coordination "
                      "further.")
    assert sorted(r[1] for r in rows) == ["JPN", "KOR", "USA"], rows
    assert all(r[4] != "nested" and not r[6] and r[5].startswith("Japan, the United States and") for r in rows), rows


def test_a_list_of_three_states_condemning_the_north_aims_each_at_the_north(ctx):
    rows = _rows(ctx, "Japan, the United States and South Korea condemned North Korea's latest missile launch.")
    assert sorted(r[1] for r in rows) == ["JPN", "KOR", "USA"], rows
    assert all(r[3] == "PRK" for r in rows), rows


def test_a_frame_after_a_comma_still_reports_the_act_before_it(ctx):
    rows = _rows(ctx, "North Korea fired a ballistic missile toward Japan, the South Korean military said.")
    act = [r for r in rows if r[1] == "PRK"]
    assert act and act[0][4] == "nested" and act[0][6], rows


# --- 3. "the South of <what it is accused of>" ------------------------------------------------------------------------

def test_the_south_accused_of_an_act_is_the_target(ctx):
    rows = _rows(ctx, "Pyongyang accused the South of flying propaganda leaflets over the border.")
    assert rows and all(r[1] == "PRK" and r[3] == "KOR" for r in rows), rows


def test_the_south_of_a_country_is_a_place_not_the_south(ctx):
    rows = _rows(ctx, "Storms battered the south of the country on Sunday, North Korea's weather service said.")
    assert all("KOR" not in r[3] for r in rows), rows


# --- 2. companies and peoples in Russian state media headlines are no state ----------------------------------------

def test_a_south_korean_corporation_is_civic(ctx):
    rows = _rows(ctx, "South Korean corporation Hanwha opened an office in Russia's Far East")
    assert rows and all(r[1] == "KOR" and r[2] == "civic" for r in rows), rows


def test_the_peoples_of_two_states_are_people(ctx):
    rows = _rows(ctx, "Peoples of Russia, South Korea still hold friendly views of one another — diplomat")
    assert all(not (r[1] == "KOR" and r[2] == "government") for r in rows), rows


def test_a_broadcasting_corporation_is_media(ctx):
    rows = _rows(ctx, "Pyongyang, May 2 (KCNA) -- Opposition parties of south Korea began talks on a joint candidate, "
                      "said the south Korean Munhwa Broadcasting Corporation (MBC).", "KCNA", _KCNA_DAY)
    mbc = [r for r in rows if r[1] == "KOR"]
    assert mbc and all(r[2] == "media" for r in mbc), rows


def test_a_business_minister_is_still_the_government(ctx):
    rows = _rows(ctx, "The South Korean business minister said Russia must pay its debts.")
    assert rows and rows[0][1] == "KOR" and rows[0][2] == "government", rows


# --- round 60's "went on" rule (358782d), re-applied once a paper's kind is state media ---------------------------

def test_went_on_a_strike_says_nothing(ctx):
    rows = _rows(ctx, "A union of dockers in Pusan staged a rally.\n\nLater the union went on a strike against the "
                      "puppet authorities.", "KCNA", _KCNA_DAY)
    assert not [r for r in rows if r[4].startswith("speech verb")], rows


def test_went_on_the_rampage_says_nothing(ctx):
    rows = _rows(ctx, "Last week the U.S. and south Korea went on the rampage near the border, raising tension.",
                 "KCNA", _KCNA_DAY)
    assert not [r for r in rows if r[4].startswith("speech verb")], rows


def test_goes_on_at_the_clause_end_says_nothing(ctx):
    rows = _rows(ctx, "The people of south Korea will never live in peace while the U.S. troop presence in their land "
                      "goes on.", "KCNA", _KCNA_DAY)
    assert not [r for r in rows if r[4].startswith("speech verb")], rows
