"""Rules of issue 13's sixteenth tuning round, found on random samples of the Yonhap and RSS 2022 statements (not on
gold): an after/since clause following a main clause that has a row of its own is background to that news and gets
no row (adjudication 1), also when the main clause's row is an act. Every sentence here is written for these tests
(never copied from the corpora). Rules: docs/labelling-guideline.md (decision 1); figures:
docs/evaluation-extraction.md, "Sixteenth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.clauses import background_after
from tension.extract.statements import extract_statements

_DAY = date(2022, 10, 5)


def _rows(ctx, text: str, speaker: str = "") -> list[tuple]:
    return [(s.speaker_country, s.is_act) for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


def test_an_act_after_an_act_is_background(ctx):
    # Before: a second row, North Korea's launch (PRK -> JPN, KOR, USA), for the after clause.
    rows = _rows(ctx, "Japan dispatched patrol planes on Friday after North Korea fired two short-range missiles "
                      "toward its waters.")
    assert rows == [("JPN", True)], rows


def test_a_headline_days_after_is_background(ctx):
    # The same class written differently: a headline, "days after", the present tense.
    rows = _rows(ctx, "Australia extends its naval exercise with Canada days after Pyongyang launches a cruise missile")
    assert rows == [("AUS", True)], rows


def test_words_in_the_after_clause_keep_their_row(ctx):
    # Counter-case: the clause has a reporting verb of its own ("warned"): its speaker keeps the row (as a background
    # relative clause with its own reporting verb does). The same before and after.
    rows = _rows(ctx, "Japan staged a drill on Monday after the Foreign Ministry warned of a missile launch by "
                      "North Korea.")
    assert ("JPN", False) in rows and ("JPN", True) in rows, rows


def test_house_vocabulary_in_the_after_clause_keeps_the_outlets_row(ctx):
    # Counter-case: the outlet's own loaded words in the clause are its row (decision 13), background or not.
    rows = [(s.speaker, s.speaker_country) for s in extract_statements(
        "The north has been on alert after the puppet warmongers started the drills.", _DAY, ctx.actors,
        ctx.lexicon, "KCNA")]
    assert ("KCNA", "PRK") in rows, rows



def test_it_is_long_since_is_no_background():
    # Counter-case (KCNA's idiom): in "It is long since X did Y" the since clause is what the sentence says. The
    # clause rule itself, with a main clause that has a row: a plain "since" clause is background, this one not.
    found = ["a row of the main clause"]
    plain = "The drills went on since the puppet group started them."
    idiom = "It is long since the puppet group was reduced to traitors."
    assert background_after("sub", plain, plain.index("since the ") + len("since the "), found, speaks=False)
    assert not background_after("sub", idiom, idiom.index("since the ") + len("since the "), found, speaks=False)
    assert not background_after("sub", plain, plain.index("since the ") + len("since the "), [], speaks=False)


def test_the_news_came_after_an_earlier_act(ctx):
    # Before: the earlier launch had a row (PRK -> JPN, KOR, USA) though the sentence only times the news by it.
    rows = _rows(ctx, "The flight test came two days after North Korea launched a cruise missile into the sea.")
    assert rows == [], rows


def test_it_comes_a_week_after_drills(ctx):
    # The same class written differently: "It comes", a week, allied drills.
    rows = _rows(ctx, "It comes a week after Japan and Australia held their largest naval drill in the region.")
    assert rows == [], rows


def test_an_after_clause_with_no_timing_verb_keeps_its_row(ctx):
    # Counter-case: no actor in the main clause and no "came": the after clause is what the sentence tells.
    rows = _rows(ctx, "Schools on the island were closed after North Korea fired three missiles toward it.")
    assert ("PRK", True) in rows, rows


def _kor_rows(ctx, text: str) -> list[tuple]:
    return [(s.speaker_kind, tuple(sorted(s.targets))) for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon)
            if s.speaker_country == "KOR"]


def test_a_memorial_of_the_korean_war_is_no_drill(ctx):
    # Before: "War" made the act a South Korean military act aimed at the DPRK (act_types.tsv, allied drills).
    assert _kor_rows(ctx, "South Korea hosted a memorial for the soldiers who died in the Korean War.") == \
        [("government", ())]


def test_a_win_since_the_second_world_war_is_no_drill(ctx):
    # The same class written differently: a sports win dated by "the Second World War".
    rows = _kor_rows(ctx, "South Korea's Park Ji-sung won the Boston Marathon, the first Asian winner since the "
                          "Second World War.")
    assert ("military", ("PRK",)) not in rows, rows


def test_a_south_korean_drill_still_bears_on_the_north(ctx):
    # Counter-case: a drill keeps the inferred target, before and after (in a story that names the North: since
    # round 52 a drill in a story naming no DPRK bears on no one, decisions 23 and 45).
    assert _kor_rows(ctx, "South Korea staged a live-fire drill near the border island on Friday. "
                          "North Korea has shelled the island before.")[:1] == [("military", ("PRK",))]
