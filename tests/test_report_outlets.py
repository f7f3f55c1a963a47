"""The outlet table: a story two outlets carried (near-duplicates) is a document of each, its statements once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tension.reporting import report
from tension.warehouse import store

from test_report import _document, _statement, build_test_db, pdf_text


def test_a_story_from_two_outlets_is_read_from_each_and_its_statements_count_once(tmp_path: Path) -> None:
    db = build_test_db(tmp_path / "tension.duckdb")
    with store.connect(db) as con:
        # TASS carried d5's story in the same week: one near-duplicate cluster, d5 (more statements) counts
        _document(con, "d8", date(2024, 2, 2), "TASS")
        _statement(con, "d8:0", "Rudenko visited Seoul for talks on bilateral ties.", "Rudenko", "Andrei Rudenko",
                   "RUS", ["KOR"], -0.2, [("visit", -0.19)], 0.0)
        con.execute("update documents set cluster_id = 'story' where doc_id in ('d5', 'd8')")
        outlets = con.execute(store.sql("report_outlets"), [date(2024, 1, 29), date(2024, 1, 29)]).df()
    documents = outlets.groupby("outlet")["documents"].first()
    assert (documents["TASS"], documents["Yonhap"]) == (1, 2)  # each outlet read the story: a document each
    statements = outlets.dropna(subset=["pair_id"]).groupby("outlet")["statements"].sum()
    assert statements.get("TASS", 0) == 0 and statements["Yonhap"] == 3  # d5's two and d6's: TASS's copy not again
    text = pdf_text(report.build_report(db, tmp_path, week="2024-W05"))
    assert "Documents (its repeats once)" in text
    assert ("A story carried by several outlets is a document of each (an outlet's own repeats and revisions count "
            "once a week), but its statements count once, with the outlet whose copy the index counts.") in text
    assert "the outlet table counts it with each outlet that carried it, its statements once" in text
