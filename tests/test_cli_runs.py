"""`tension runs`: which runs a database records, newest first, with status and note, without writing SQL."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from typer.testing import CliRunner

from tension.cli import app
from tension.warehouse import store

runner = CliRunner()
LONG_NOTE = ("the published file was missing (deleted after an earlier run published it): published again from the "
             "working copy, which holds every batch stored")


def _database(path: Path) -> Path:
    """Three runs: one completed, one whose publication was left undone, one that found the published file gone."""
    with store.connect(path) as con:
        store.create_schema(con)
        for run_id, started, status, note in (
                ("r1", datetime(2026, 1, 5, 6, 0, 0), "completed", ""),
                ("r2", datetime(2026, 1, 12, 6, 0, 0), "exporting", ""),
                ("r3", datetime(2026, 1, 19, 6, 0, 0), "completed", LONG_NOTE)):
            con.execute("insert into runs (run_id, started_at, finished_at, documents_seen, documents_new, "
                        "documents_rejected, statements_added, scorer_version, status, note, extractor_version) "
                        "values (?, ?, ?, 12, 10, 2, 40, 'v1', ?, ?, 'x1')",
                        [run_id, started, started.replace(minute=3), status, note])
    return path


def test_runs_lists_the_newest_first_with_status_counts_and_whole_notes(tmp_path):
    db = _database(tmp_path / "t.duckdb")
    result = runner.invoke(app, ["runs", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["started", "finished", "minutes", "status"]
    assert [line.split()[0] + " " + line.split()[1] for line in lines[1:4]] == [
        "2026-01-19 06:00:00", "2026-01-12 06:00:00", "2026-01-05 06:00:00"]
    assert lines[2].split()[4:6] == ["3", "exporting"]
    assert f"note of the run started 2026-01-19 06:00:00: {LONG_NOTE}" in lines  # the table cuts it; here it is whole


def test_runs_last_and_json(tmp_path):
    db = _database(tmp_path / "t.duckdb")
    result = runner.invoke(app, ["runs", "--db", str(db), "--last", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 1 and records[0]["run_id"] == "r3" and records[0]["note"] == LONG_NOTE
    assert records[0]["read"] == 12 and records[0]["rejected"] == 2 and records[0]["statements"] == 40


def test_runs_without_a_database_or_runs_says_so(tmp_path):
    missing = runner.invoke(app, ["runs", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no database at" in missing.output and "--db" in missing.output
    db = tmp_path / "empty.duckdb"
    with store.connect(db) as con:
        store.create_schema(con)
    empty = runner.invoke(app, ["runs", "--db", str(db)])
    assert empty.exit_code == 0 and empty.output == "(no rows)\n"


def test_runs_of_a_database_from_before_the_note_column(tmp_path):
    db = tmp_path / "old.duckdb"
    with store.connect(db) as con:
        store.create_schema(con)
        con.execute("alter table runs drop column note")
        con.execute("alter table runs drop column extractor_version")  # session 24's column: not there either
        con.execute("alter table runs drop column config_change")  # session 26's columns: nor these
        con.execute("alter table runs drop column actors_extra")
        con.execute("insert into runs values ('r0', '2025-06-02 06:00:00', '2025-06-02 06:01:00', 3, 3, 0, 9, 'v0', "
                    "'completed')")
    result = runner.invoke(app, ["runs", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].startswith("2025-06-02 06:00:00,2025-06-02 06:01:00,1.0,completed,3,3,0,9,v0,,")
