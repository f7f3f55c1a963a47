"""The period report's index and its documents: a document counts once over the period, as the page says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from tension.reporting import data

from test_report import _statement, build_test_db


def test_a_document_whose_statements_fall_in_two_weeks_counts_once_in_the_period(tmp_path: Path) -> None:
    db = build_test_db(tmp_path / "tension.duckdb")
    with duckdb.connect(str(db)) as con:
        # d6 (published in W05) also reports a Russian act of the week before, dated by its own words
        _statement(con, "d6:1", "Moscow expelled a Korean diplomat last week.", "Moscow", "Russian Federation", "RUS",
                   ["KOR"], 0.6, [("expel", 0.5)], -0.3)
        con.execute("update statements set occurred = ? where statement_id = 'd6:1'", [date(2024, 1, 26)])
    report, _ = data.read_report_data(db, None, "2024-W01..2024-W06")
    weeks = report.window[report.window["pair_id"] == "RUS-KOR"]
    assert int(weeks["n_documents"].sum()) == 6  # d1 d2 d4 d5 d6 and d6 again in W04: document-weeks
    assert report.period_documents["RUS-KOR"] == 5  # d1 d2 d4 d5 d6
    # the index over the period takes each document's mean over the period: d6 is (0.92 + 0.6) / 2 once
    expected = (0.545 - 0.35 - 0.5 - 0.2 + (0.92 + 0.6) / 2) / (5 + 1)
    assert abs(report.period_index["RUS-KOR"] - expected) < 1e-9
