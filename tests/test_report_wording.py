"""What a new user found in the report's wording (issue 15's "what users would expect"): intensity said as the
numbers are, the trend's missing direction said for what it is, a period's pooled index outside its weeks
explained, VADER's part of the score, an outlet with no name, a pair with no page, a partial last week and the
console summary of the week the report covers. Real DuckDB files, read back through the report's own code."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from tension.reporting import data, report, text
from tension.reporting import scope as report_scope
from tension.warehouse import store

from test_weekly_index import MONDAY, add_document, add_statement, intensity_weeks, new_db


def _row(**values) -> pd.Series:
    base = {"intensity": 155.2, "feed_gap": False, "partial": False, "low_coverage": False,
            "intensity_flagged": False, "coverage_documents": 30, "typical_coverage": 30.0,
            "intensity_baseline": 15.5, "intensity_departure_z": 2.3}
    return pd.Series({**base, **values})


def test_intensity_between_1_and_2_5_sd_says_its_distance_not_usual() -> None:
    level = text.intensity_level_text(_row())
    assert level == "2.3 SD above a usual 15.5 — high, but under the 2.5 SD mark", level
    assert "usual range" not in text.intensity_text(_row())


def test_intensity_is_never_called_low_and_usual_only_under_1_sd() -> None:
    quiet = _row(intensity=0.0, intensity_baseline=49.9, intensity_departure_z=-3.4)
    assert "low" not in text.intensity_level_text(quiet)
    assert text.intensity_level_text(quiet) == "within its usual range (usual level 49.9)"
    assert text.intensity_level_text(_row(intensity_departure_z=0.6)) == "within its usual range (usual level 15.5)"
    surge = text.intensity_level_text(_row(intensity_flagged=True, intensity_departure_z=3.1))
    assert surge == "<b>▲ unusually high</b>: 3.1 SD above a usual 15.5"
    assert "typical" not in text.intensity_level_text(_row(intensity_departure_z=2.7))  # one document: not flagged


def test_the_run_lists_its_pairs_in_the_order_the_report_does(seed_run) -> None:
    """The run's summary lines went by pair id (DPRK–ROK first) while the report's pages follow the pairs file
    (Russia–ROK first in the packaged one): the tester of session 22 read them in two orders."""
    lines = data.latest_summary(Path(seed_run["database"]))
    with store.connect(seed_run["database"], read_only=True) as con:
        names = [r[0] for r in con.execute("select name from pairs order by rowid").fetchall()]
    assert names == ["Russia–ROK", "DPRK–ROK"]  # the packaged pairs.tsv's order
    assert [line.split(" ")[0] for line in lines[:2]] == names, lines


def test_a_usual_level_resting_on_few_weeks_says_how_few() -> None:
    """The tester of session 22 could not tell from the report that a surge's usual level came from 5 weeks, the
    other 7 of the 12 before being feed gaps or a document each."""
    surge = text.intensity_level_text(_row(intensity_flagged=True, intensity_departure_z=3.3,
                                           intensity_baseline=0.6, intensity_baseline_periods=5))
    assert surge == ("<b>▲ unusually high</b>: 3.3 SD above a usual 0.6 (from 5 of the 12 weeks before; the others "
                     "unread, barely read or flagged)"), surge
    whole = text.intensity_level_text(_row(intensity_flagged=True, intensity_departure_z=3.3,
                                           intensity_baseline_periods=12))
    assert whole == "<b>▲ unusually high</b>: 3.3 SD above a usual 15.5", whole


def test_the_report_counts_the_usual_level_in_the_weeks_the_index_takes_it_from(tmp_path) -> None:
    from tension.reporting.chart_notes import BASELINE_WEEKS

    path = new_db(tmp_path / "p.duckdb")
    with store.connect(path, read_only=True) as con:
        weeks = con.execute("select baseline_periods from index_parameters where grain = 'week'").fetchone()[0]
    assert weeks == BASELINE_WEEKS


def test_vader_shows_its_part_of_the_score() -> None:
    explanation = json.dumps({"cues": [{"matched": "protest", "weight": 0.35, "contribution": 0.35}],
                              "vader_compound": -0.73, "vader_part": 0.146, "vader_weight": 0.2})
    assert text.cue_summary(explanation) == "protest\u00a0+0.35; VADER\u00a0−0.73\u00a0(→\u00a0+0.15)"
    # stored with its weight but not its part: the part from the weight (VADER's weight × −compound)
    weighted = json.dumps({"cues": [], "vader_compound": 0.5, "vader_weight": 0.2})
    assert text.cue_summary(weighted) == "VADER\u00a0+0.50\u00a0(→\u00a0−0.10)"


def test_an_outlet_with_no_name_is_said() -> None:
    composition = pd.DataFrame({"speaker_kind": ["government", "government"], "outlet": ["Test Wire", ""],
                                "n": [5, 2]})
    assert text.composition_text(composition) == \
        "All voices: 7 statements; by speaker kind: government 7; by outlet: Test Wire 5, (no outlet) 2."


def test_period_index_outside_its_weeks_is_explained() -> None:
    low, high = pd.Series({"index_value": 0.33}), pd.Series({"index_value": 0.63})
    said = text.period_outside_text(0.70, low, high)
    assert "lies outside its weekly values" in said and "one neutral (0) document" in said
    assert text.period_outside_text(0.50, low, high) == ""


def _gap_db(path: Path) -> Path:
    """Nine weeks of 2024 with 3 hostile statements among 10 documents each, but none in W05."""
    new_db(path)
    intensity_weeks(path, [3, 3, 3, 3, 0, 3, 3, 3, 3])
    return path


def test_trend_without_direction_says_the_week_4_before_had_no_statements(tmp_path: Path) -> None:
    path = _gap_db(tmp_path / "gap.duckdb")
    with store.connect(path, read_only=True) as con:
        row = con.execute("select trend_direction from weekly_index where pair_id = 'PRK-KOR' "
                          "and iso_week = '2024-W09'").fetchone()
    assert row == (None,)  # the trend of W05 is missing: no direction for W09
    with store.connect(path, read_only=True) as con:
        weekly = data.read_weekly(con)
    pair = weekly[weekly["pair_id"] == "PRK-KOR"].set_index("week_start")
    said = text.trend_text(pair.loc[pd.Timestamp(MONDAY + timedelta(weeks=8))],
                           pair.loc[pd.Timestamp(MONDAY + timedelta(weeks=4))])
    assert "no trend 4 weeks earlier to compare with (no statements in 2024-W05)" in said, said
    assert "too early" not in said
    assert "too early" in text.trend_text(pair.loc[pd.Timestamp(MONDAY + timedelta(weeks=2))], None)
    from tension.reporting.pairs import _pair_sentence  # the pair page's sentence: the same words, no "((" nor "))"

    sentence = _pair_sentence(pair.loc[pd.Timestamp(MONDAY + timedelta(weeks=8))],
                              pair.loc[pd.Timestamp(MONDAY + timedelta(weeks=7))],
                              pair.loc[pd.Timestamp(MONDAY + timedelta(weeks=4))])
    assert "; no trend 4 weeks earlier to compare with (no statements in 2024-W05);" in sentence, sentence
    assert "((" not in sentence and "))" not in sentence, sentence


def _partial_db(path: Path) -> Path:
    """Five whole weeks of 2024 and a sixth (W06) read on 3 days only."""
    new_db(path)
    intensity_weeks(path, [3, 3, 3, 3, 3])
    with store.connect(path) as con:
        for day in range(3):
            add_document(con, f"p{day}", MONDAY + timedelta(weeks=5, days=day))
            add_statement(con, f"p{day}:0", "PRK", ["KOR"], 0.5)
    return path


def test_console_names_the_week_asked_for_and_the_partial_week_left_out(tmp_path: Path) -> None:
    path = _partial_db(tmp_path / "partial.duckdb")
    lines = data.latest_summary(path)
    assert any(line.startswith("DPRK–ROK 2024-W05:") for line in lines), lines
    assert lines[-1] == "2024-W06 is partial (3 of 7 days): --week 2024-W06 to see it.", lines
    asked = data.latest_summary(path, "2024-W02")
    assert any(line.startswith("DPRK–ROK 2024-W02:") for line in asked), asked
    assert not any("2024-W05" in line or "partial" in line for line in asked), asked


def _pdf_pages(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


@pytest.mark.slow
def test_report_pages_say_it_as_the_numbers_are(tmp_path: Path) -> None:
    path = _partial_db(tmp_path / "partial.duckdb")
    pages = _pdf_pages(report.build_report(path, tmp_path / "out"))  # default week: 2024-W05
    # the partial week left out is said on the front page
    assert "2024-W06 is partial (3 of 7 days): --week 2024-W06 to see it." in pages[0]
    # Russia–ROK has no statements: its one line sits on the front page, not on a page of its own
    # no statement in the whole database bears on it (session 25): the line says so; a packaged pair's codes need no
    # check (session 26)
    assert ("Russia–ROK: no statements for this pair in the 52 weeks up to 2024-W05; no page; no statement in "
            "the whole database bore on this pair.") in pages[0]
    assert not any(page.startswith("Russia–ROK") for page in pages[1:])
    whole = " ".join(pages)
    assert "((" not in whole and "))" not in whole
    assert not re.search(r"a typical \d", whole)  # the usual level is called so, as on the method page


@pytest.mark.slow
def test_period_page_explains_a_pooled_index_outside_its_weeks(tmp_path: Path) -> None:
    path = new_db(tmp_path / "period.duckdb")
    with store.connect(path) as con:
        for w in range(5):  # one document a week at +0.8: each week +0.40, the period 4.0 / 6 = +0.67
            add_document(con, f"w{w}", MONDAY + timedelta(weeks=w, days=2))
            add_statement(con, f"w{w}:0", "PRK", ["KOR"], 0.8)
    whole = " ".join(_pdf_pages(report.build_report(path, tmp_path / "out", period="2024-W01..2024-W05")))
    assert ("Index over the period +0.67 (5 documents, 5 state-voice statements (counted in the index) in 5 of 5 "
            "weeks") in whole
    assert "The period's +0.67 lies outside its weekly values" in whole
    assert "1 documents" not in whole


@pytest.mark.slow
def test_a_run_for_an_earlier_week_prints_that_weeks_summary(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    lines = [{"id": f"n{i}", "published": f"2024-01-{1 + 3 * i:02d}",
              "text": f"North Korea threatened South Korea with a merciless strike over the drills ({i})."}
             for i in range(10)]  # 1 Jan .. 28 Jan 2024: 2024-W01 .. 2024-W04
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = subprocess.run([sys.executable, "-m", "tension.cli", "run", "-i", str(feed), "--db",
                          str(tmp_path / "t.duckdb"), "--reports", str(tmp_path / "r"), "--week", "2024-W02"],
                         capture_output=True, text=True, env={**os.environ, "PREFECT_LOGGING_LEVEL": "WARNING"})
    assert out.returncode == 0, out.stderr
    assert "report: " in out.stdout and "all_2024-W02.pdf" in out.stdout
    summary = [line for line in out.stdout.splitlines() if not line.startswith("documents added by week:")]
    assert "DPRK–ROK 2024-W02:" in out.stdout and not any("2024-W04" in line for line in summary), out.stdout


def test_the_reports_fixed_words_agree_with_the_index_parameters(tmp_path: Path) -> None:
    """The report's legends and notes say the week grain's constants in words ("fewer than 3 state-voice
    statements, or all from 1 document", "4-week trend", "the 12 weeks before", "2.5 SD", "a quarter of a typical
    week", "(documents + 1)"); the numbers live in index_parameters.sql. Changing one there without the words fails here."""
    from tension.reporting import charts, front, pairs

    db = new_db(tmp_path / "t.duckdb")
    with store.connect(db, read_only=True) as con:
        week = store.query(con, "select * from index_parameters where grain = 'week'").iloc[0]
    assert (week["min_state_statements"], week["min_state_documents"]) == (3, 2)
    assert "fewer than 3 state-voice statements, or all from 1 document" in pairs.CHART_NOTE
    assert charts.THIN_LABEL == "thin: < 3 state-voice statements or 1 document"
    assert (week["trend_periods"], week["baseline_periods"]) == (4, 12)
    assert "4-week trend" in pairs.CHART_NOTE and "12 weeks before" in pairs.CHART_NOTE
    assert week["flag_z"] == 2.5 and week["low_coverage_share"] == 0.25
    assert "under a quarter of a typical week" in pairs.CHART_NOTE
    assert (week["prior_documents"], week["flag_min_documents"]) == (1.0, 2)
    for words in ("(documents + 1)", "last 4 weeks pooled", "the 12 weeks before", "2.5 SD or more", "2+ documents"):
        assert words in front.FRONT_NOTE, words


def _moving(*shares: float) -> pd.DataFrame:
    return pd.DataFrame([{"statement_id": f"d{i}:0", "contribution": share, "hostility": share * 10, "rank": i + 1,
                          "speaker": f"speaker {i}", "speaker_actor": None, "speaker_country": "PRK",
                          "direction": "PRK→KOR", "content": f"statement {i}", "reported_by": None}
                         for i, share in enumerate(shares)])


def test_what_moved_the_index_never_names_a_statement_that_pulled_the_other_way() -> None:
    """An analyst found the front page naming a hostile statement as what moved a falling index most: the week had
    no statement with a negative share among those read."""
    fell = text.reason_text(_moving(0.04, 0.02, 0.01), -0.015)
    assert fell.startswith("no statement pushed it down: the week's statements all lean hostile or neutral"), fell
    assert "speaker 0" in fell and "whole in the table of its pair" in fell
    named = text.reason_text(_moving(0.04, -0.002), -0.015)
    assert named.startswith("<b>speaker 1</b>"), named  # the one statement that pulled it down
    rose = text.reason_text(_moving(-0.03, 0.01), 0.2)
    assert rose.startswith("<b>speaker 1</b>"), rose
    far = _moving(*([0.05] * 12), -0.001)
    assert "whole in pair_statements" in text.reason_text(far, -0.01)  # rank 13: not in the pair page's table


def test_a_surge_weeks_front_row_names_the_statement_its_chart_note_names() -> None:
    """An analyst saw the front page name the tone's largest share for a week of unusually high intensity while the
    chart's note named its most hostile statement: the front row now gives both, each for what it is."""
    from tension.reporting import front
    from tension.reporting.scope import Scope

    monday = pd.Timestamp("2024-03-04")
    surges = pd.DataFrame([{"pair_id": "PRK-KOR", "week_start": monday, "rank": rank, "statement_id": f"d{rank}:0",
                            "speaker": f"speaker {rank}", "hostility": 0.9 - rank / 10} for rank in (1, 2)])
    scope = Scope(first=monday.date(), last=monday.date())
    line = front._surge_driver(surges, "PRK-KOR", scope)
    assert "▲ intensity, its most hostile statement: speaker 1 (+0.80), d1:0" in line, line
    assert front._surge_driver(surges, "RUS-KOR", scope) == ""
    assert front._surge_driver(surges.iloc[0:0], "PRK-KOR", scope) == ""


def test_what_moved_the_index_says_the_speakers_kind_beside_the_name() -> None:
    """Session 12: a Yonhap week's mover was a military's assessment of the North, shown as a name and a score only;
    the statement tables say the speaker's kind (and reporter), the front page now does too."""
    moving = _moving(0.03).assign(speaker_actor="Joint Chiefs of Staff (KOR)", speaker_kind="military",
                                  direction="KOR→PRK", hostility=0.77)
    assert text.reason_text(moving, None).startswith("<b>Joint Chiefs of Staff (KOR)</b> (military; KOR→PRK, +0.77)")
    reported = moving.assign(reported_by="a news agency")
    assert "(military; KOR→PRK, +0.77), <i>reported by a news agency</i>" in text.reason_text(reported, None)
    assert text.reason_text(_moving(0.03), None).startswith("<b>speaker 0</b> (PRK→KOR, +0.30)")  # no kind stored


def test_a_dash_for_the_change_says_why_there_is_none() -> None:
    # Yonhap's 2026-W01 had "—" beside a week before holding one day of data (2025-W52), which by design is no week
    # to compare with: the cell now says so, and says it differently when there is no week or no statement before.
    row = pd.Series({"change": float("nan"), "index_se": 0.1})
    one_day = pd.Series({"partial": True, "days_covered": 1, "index_value": 0.2, "index_se": 0.1})
    assert text.change_text(row, one_day) == ("—<br/><font size=7>the week before holds only 1 day of data: too little "
                                              "to compare with</font>")
    assert "no week before in the data" in text.change_text(row, None)
    quiet = pd.Series({"partial": False, "days_covered": 7, "index_value": float("nan"), "index_se": float("nan")})
    assert "no statements the week before" in text.change_text(row, quiet)
    moved = pd.Series({"change": 0.3, "index_se": 0.1})
    assert text.change_text(moved, pd.Series({"partial": False, "index_value": 0.1, "index_se": 0.1})).startswith("+0.30")


def test_the_default_week_says_how_many_of_its_days_were_read() -> None:
    # the seed's report called 2024-W05 "the last complete week" above a table that said "1 of 7 days read"
    from datetime import date
    weekly = pd.DataFrame({"week_start": pd.to_datetime(["2024-01-29", "2024-01-29"]), "n_statements": [3, 8],
                           "days_covered": [1, 1]})
    scope = report_scope.choose_scope(weekly, date(2024, 2, 4))
    assert scope.note.endswith("(the last document is dated Sun 04 Feb 2024). Documents were read on only 1 of its "
                               "7 days."), scope.note
    full = weekly.assign(days_covered=7)
    assert report_scope.choose_scope(full, date(2024, 2, 4)).note.endswith("dated Sun 04 Feb 2024).")


def test_a_change_within_noise_names_what_the_week_rests_on_not_a_statement_against_it() -> None:
    """Session 25's tester: DPRK–Japan at +0.38, 19 of 21 statements hostile, fell 0.06 (within noise), and the
    front page named its one cooperative statement as what moved it most. Within noise nothing moved it: the line
    says so and names the largest share in the direction the week leans."""
    moving = _moving(0.03, 0.02, 0.01, -0.01)
    within = text.reason_text(moving, -0.06, beyond=False)
    assert within.startswith("nothing moved it beyond noise (change −0.06, within noise); the largest share of its "
                             "+0.05: <b>speaker 0</b>"), within
    cooperative = text.reason_text(_moving(-0.03, -0.02, 0.01), 0.04, beyond=False)
    assert "<b>speaker 0</b> (PRK→KOR, −0.30)" in cooperative, cooperative
    beyond = text.reason_text(moving, -0.06, beyond=True)
    assert beyond.startswith("<b>speaker 3</b>"), beyond  # beyond noise: the statement that pulled it down
    row = pd.Series({"change": -0.06, "index_se": 0.05})
    assert text.beyond_noise(row, pd.Series({"index_se": 0.05})) is False
    assert text.beyond_noise(pd.Series({"change": -0.3, "index_se": 0.05}), pd.Series({"index_se": 0.05})) is True
    assert text.beyond_noise(row, None) is None


def test_trend_without_direction_says_the_week_4_before_was_not_read(tmp_path: Path) -> None:
    """Session 25's tester read "no trend ... (no statements in 2025-W49)" of a week nothing at all was read in: a
    week with no document is said to be unread, not quiet."""
    path = _gap_db(tmp_path / "gap.duckdb")
    with store.connect(path) as con:
        con.execute("delete from documents where doc_id like 'i4\\_%' escape '\\'")  # W05: no document at all
    with store.connect(path, read_only=True) as con:
        weekly = data.read_weekly(con)
    pair = weekly[weekly["pair_id"] == "PRK-KOR"].set_index("week_start")
    said = text.trend_text(pair.loc[pd.Timestamp(MONDAY + timedelta(weeks=8))],
                           pair.loc[pd.Timestamp(MONDAY + timedelta(weeks=4))])
    assert "no trend 4 weeks earlier to compare with (2024-W05 was not read: no document)" in said, said
