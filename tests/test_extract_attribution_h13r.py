"""Rules of issue 13's seventeenth tuning round, found on random samples of the RSS 2024, RSS 2022 and Yonhap
statements of current main (not on gold). Every sentence here is written for these tests (never copied from the
corpora). Rules: docs/labelling-guideline.md (decision 1, reporter vs actor); figures: docs/evaluation-extraction.md,
"Seventeenth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2024, 6, 5)


def _rows(ctx, text: str, speaker: str = "") -> list[tuple]:
    return [(s.speaker_country, s.is_act) for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


# --- an as clause timing the news ("<the news> comes as X does Y") is background (decision 1) -------------------------

def test_news_coming_as_an_act_is_background(ctx):
    # Before: a row for Japan's talks (JPN -> KOR), which only time the news.
    rows = _rows(ctx, "The drone flights came as Japan held security talks with South Korea in Tokyo.")
    assert rows == [], rows


def test_news_comes_at_a_moment_as_an_act_is_background(ctx):
    # The same class written differently: present tense, words between the verb and "as", a possessive subject.
    rows = _rows(ctx, "Beijing's protest comes at a tense moment as Russia expands its naval patrols near Japan.")
    assert ("RUS", True) not in rows, rows


def test_words_in_the_as_clause_keep_their_row(ctx):
    # Counter-case: the clause has a reporting verb of its own: its speaker keeps the row, as the gold set gives the
    # seed's "came the day after <a spokeswoman> said ..." one. The same before and after.
    rows = _rows(ctx, "The exercise comes as Russia warned Japan against deploying new missiles.")
    assert ("RUS", False) in rows, rows


def test_an_act_as_news_keeps_its_row(ctx):
    # Counter-case: "as" with no timing verb before it ("Japan scrambled jets as Russia ..."): the main clause's act
    # is the news and keeps its row.
    rows = _rows(ctx, "Japan scrambled fighter jets as Russian bombers flew near its airspace.")
    assert ("JPN", True) in rows, rows


# --- a country's event or thing as the subject does not act (decision 1: an act named only as a noun phrase) --------

def test_a_countrys_record_year_is_no_act(ctx):
    # Before: a row for Russia (an act of the country) from "Russia's record year ...".
    rows = _rows(ctx, "Russia's record year of rocket testing is putting Japan on edge.")
    assert ("RUS", True) not in rows, rows


def test_a_countrys_quoted_gift_does_not_act(ctx):
    # The same class written differently: a demonym, a quoted modifier, a plural thing, a present-tense verb.
    rows = _rows(ctx, "Japanese 'friendship' dogs spark a quarrel in China")
    assert ("JPN", True) not in rows, rows


def test_a_country_and_its_forces_still_act(ctx):
    # Counter-cases: the country itself with a verb ("tests"), and a demonym heading an agent ("drones"), act.
    assert ("RUS", True) in _rows(ctx, "Russia tests a new hypersonic missile over the Arctic.")
    assert ("PRK", True) in _rows(ctx, "North Korean drones crossed the border into South Korea on Monday.")


# --- countries joined by a hyphen ("S Korea-Japan summit") are each named -----------------------------------------

def _targets(ctx, text: str) -> list[tuple]:
    return [(s.speaker_country, sorted(s.targets)) for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "")]


def test_a_hyphenated_summit_names_its_countries(ctx):
    # Before: no target at all (neither "S Korea" nor "Japan" was a mention: a hyphen joined them).
    assert _targets(ctx, "Russia denounces defence talks at the S Korea-Japan summit") == [("RUS", ["JPN", "KOR"])]


def test_hyphenated_ties_name_both_countries(ctx):
    # The same class written differently: "North Korea-Russia" before a lowercase noun; before, only Russia's
    # "military" was read, as a title.
    rows = _targets(ctx, "China warned against growing North Korea-Russia arms deals.")
    assert rows and {"PRK", "RUS"} <= set(rows[0][1]), rows


def test_a_hyphen_before_a_word_or_a_name_is_no_country(ctx):
    # Counter-cases: "Russia-backed" is no mention of Russia, and a compound in a group's name ("the Finland-Korea
    # Friendship Association") names no country that speaks. The same before and after.
    assert ("RUS", True) not in _rows(ctx, "A Russia-backed group seized the port on Monday.")
    assert all(country != "KOR" for country, _ in _targets(
        ctx, "The Finland-Korea Friendship Association said the drills endanger peace."))
