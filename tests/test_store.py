"""Storage: idempotent batches, rejections with reasons, and the views' columns (real DuckDB files)."""

from __future__ import annotations

import json
import shutil

import pytest

from tension import run
from tension.records import pairs_for
from tension.warehouse import store

from conftest import SEEDS

TABLES = ("documents", "statements", "scores", "rejected_documents")


def counts(db):
    with store.connect(db, read_only=True) as con:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


@pytest.fixture()
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    shutil.copytree(SEEDS, folder)
    (folder / "broken.jsonl").write_text(
        json.dumps({"id": "ok", "text": "Seoul's foreign ministry summoned the Russian ambassador.", "published": "2024-02-03"})
        + "\n{oops\n"
        + json.dumps({"id": "nodate", "text": "Moscow said nothing."})
        + "\n"
    )
    (folder / "undated.txt").write_text("Pyongyang threatened Seoul.")
    return folder


def run_all(inbox, db, ctx):
    return run.run_local([inbox], db, batch_size=2)


def test_rerun_adds_no_rows_and_rejections_keep_their_reason(inbox, tmp_path, ctx):
    db = tmp_path / "t.duckdb"
    first = run_all(inbox, db, ctx)
    after_first = counts(db)
    assert first["documents_new"] == 2
    assert after_first["rejected_documents"] == 3
    second = run_all(inbox, db, ctx)
    assert second["documents_seen"] == 0  # unchanged files are not read again
    assert counts(db) == after_first
    for path in inbox.iterdir():  # touched files are read again, and still add nothing
        path.touch()
    third = run_all(inbox, db, ctx)
    assert third["documents_seen"] == 2 and third["documents_new"] == 0
    assert counts(db) == after_first
    with store.connect(db, read_only=True) as con:
        reasons = dict(con.execute("select path || ':' || item, reason from rejected_documents").fetchall())
    assert any(k.endswith("broken.jsonl:2") and v.startswith("invalid JSON") for k, v in reasons.items())
    assert any(k.endswith("broken.jsonl:3") and "no publication date" in v for k, v in reasons.items())
    assert any(k.endswith("undated.txt:") and "undated.txt.meta.yaml" in v for k, v in reasons.items())


def test_same_document_in_two_files_is_stored_once(tmp_path, ctx):
    inbox = tmp_path / "in"
    inbox.mkdir()
    for name in ("a.md", "b.md"):
        (inbox / name).write_text("---\npublished: 2024-02-01\n---\nNorth Korea fired a missile.\n")
    db = tmp_path / "t.duckdb"
    run_all(inbox, db, ctx)
    assert counts(db)["documents"] == 1


def test_views_have_their_documented_columns(inbox, tmp_path, ctx):
    db = tmp_path / "t.duckdb"
    run_all(inbox, db, ctx)
    with store.connect(db, read_only=True) as con:
        columns = {r[0] for r in con.execute("select column_name from (describe weekly_index)").fetchall()}
        comments = dict(con.execute("select view_name, comment from duckdb_views() where not internal").fetchall())
    assert {"pair_id", "pair_name", "week_start", "iso_week", "n_statements", "n_documents", "index_value", "ci_low",
            "ci_high", "hostility_a_to_b", "hostility_b_to_a", "n_a_to_b", "n_b_to_a"} <= columns
    assert all(comments.get(v) for v in store.VIEWS)


def test_pair_statements_view_agrees_with_python_pairs(inbox, tmp_path, ctx):
    db = tmp_path / "t.duckdb"
    run_all(inbox, db, ctx)
    with store.connect(db, read_only=True) as con:
        in_sql = sorted(con.execute("select statement_id, pair_id, direction from pair_statements").fetchall())
        rows = con.execute("select statement_id, speaker_country, targets from statements").fetchall()
    in_python = sorted(
        (sid, p["pair_id"], p["direction"]) for sid, country, targets in rows
        for p in pairs_for(country, targets, ctx.pairs)
    )
    assert in_sql == in_python and in_sql


def test_the_writer_connection_runs_one_duckdb_thread(tmp_path):
    """The run's writer stores while the workers analyse on every core: one DuckDB thread (load.WRITER_THREADS)."""
    from tension.warehouse import load

    db = tmp_path / "t.duckdb"
    run.prepare(db, None, run.new_run_id("test"))
    with load.Writer(db) as writer:
        assert writer.con.execute("select current_setting('threads')").fetchone()[0] == load.WRITER_THREADS == 1
