"""A database whose views another version of tension wrote (dedup15): `tension report` stops with what to do instead
of a missing-column error, `tension sql` and `tension views` warn, and one `tension run` with the same --db
re-creates the views and publishes them even though it reads nothing new. Real pipeline, real DuckDB, real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tension import run
from tension.cli import app
from tension.warehouse import publish, store

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _age(db: Path) -> None:
    """Make the published file and its working copy look as an older release left them: its pair_statements
    view without today's columns, its views unversioned."""
    for path in (db, publish.Workspace(db.resolve()).working):
        with duckdb.connect(str(path)) as con:
            con.execute("create or replace view pair_statements as select pair_id, week_start from weekly_statements")
            con.execute("delete from settings where key = 'views_version'")


@pytest.fixture()
def aged(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(ROOT / "seeds", inbox)
    db = tmp_path / "t.duckdb"
    run.run_local([inbox], db)
    _age(db)
    return inbox, db


@pytest.mark.slow
def test_report_on_old_views_says_what_to_do_and_one_run_mends_it(aged, tmp_path):
    inbox, db = aged
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "r")])
    assert result.exit_code == 2
    assert "before views were versioned" in result.output and "tension run" in result.output
    assert "Traceback" not in result.output

    warned = runner.invoke(app, ["sql", "--db", str(db), "select count(*) as n from pairs"])
    assert warned.exit_code == 0 and "warning: the views in" in warned.output
    assert "warning: the views in" in runner.invoke(app, ["views", "--db", str(db)]).output

    run.run_local([inbox], db)  # nothing new to read: publishes because the views changed
    with store.connect(db, read_only=True) as con:
        assert store.outdated_views(con, db) == ""
        assert "repeats_lead" in {r[0] for r in con.execute("describe pair_statements").fetchall()}
    done = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "r")])
    assert done.exit_code == 0, done.output
    assert "warning" not in runner.invoke(app, ["sql", "--db", str(db), "select 1 as one"]).output


def test_the_views_version_follows_the_view_files(tmp_path):
    with store.connect(tmp_path / "t.duckdb") as con:
        store.create_schema(con)
        assert store.get_setting(con, "views_version") == store.views_version()
        assert store.outdated_views(con, "t.duckdb") == ""
        store.set_setting(con, "views_version", "0123456789ab")
        problem = store.outdated_views(con, "t.duckdb")
    assert "views 0123456789ab" in problem and store.views_version() in problem
    assert len(store.views_version()) == 12
