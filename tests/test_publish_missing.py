"""A published database deleted by hand: the next run publishes its working copy again, and the `runs` table says
what happened — the earlier run completed (it is not 'crashed while publishing'), the run that found the file
missing notes it — while a publication that was really killed is still marked as such. Quick: `run.run_local`."""

from __future__ import annotations

import shutil

import duckdb
from typer.testing import CliRunner

from tension import run
from tension.cli import app
from tension.warehouse import publish

from conftest import SEED_TEXT


def first_run(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in (SEED_TEXT, SEED_TEXT.with_suffix(".meta.yaml")):
        shutil.copy(path, inbox / path.name)
    db = tmp_path / "tension.duckdb"
    run.run_local([inbox], db, run_id="first")
    return inbox, db


def runs(db) -> dict[str, tuple[str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {r[0]: (r[1], r[2]) for r in con.execute("select run_id, status, note from runs").fetchall()}


def set_state(db, **values: str | None) -> None:
    """Rewrite the working copy's publication state as an older release or a killed run would have left it."""
    with duckdb.connect(str(publish.Workspace(db).working)) as con:
        for key, value in values.items():
            con.execute("delete from publication_state where key = ?", [key])
            if value is not None:
                con.execute("insert into publication_state values (?, ?)", [key, value])


def test_a_published_file_deleted_by_hand_is_noted_on_the_run_that_restores_it_not_as_a_crash(tmp_path):
    inbox, db = first_run(tmp_path)
    before = runs(db)
    db.unlink()
    run.run_local([inbox], db, run_id="second")
    assert db.exists()
    found = runs(db)
    assert found["first"] == before["first"] == ("completed", "")
    assert found["second"] == ("completed", "the published file was missing (deleted after run first published it): "
                                            "published again from the working copy")
    shown = CliRunner().invoke(app, ["sql", "--db", str(db), "--format", "csv",
                                     "select run_id, status, note from runs order by started_at"])
    assert shown.exit_code == 0
    assert shown.output.splitlines()[1:] == [
        "first,completed,", "second,completed,the published file was missing (deleted after run first published it): "
        "published again from the working copy"]
    run.run_local([inbox], db, run_id="third")  # the note is this one run's, not every later run's
    assert runs(publish.Workspace(db).working)["third"] == ("completed", "")  # (nothing new: not published)


def test_tension_publish_notes_the_missing_file_too(tmp_path):
    _, db = first_run(tmp_path)
    db.unlink()
    assert run.publish_pending(db, run_id="publisher")["published"]
    assert runs(db)["publisher"][1].startswith("the published file was missing (deleted after run first")
    assert runs(db)["first"][0] == "completed"


def test_a_publication_killed_before_it_arrived_is_still_a_crash(tmp_path):
    inbox, db = first_run(tmp_path)
    set_state(db, published_confirmed="")  # killed between the state commit and the rename
    db.unlink()
    run.run_local([inbox], db, run_id="second")
    found = runs(db)
    assert found["first"][0] == "crashed while publishing"
    assert found["second"][1].startswith("the published file was missing (run first was killed while publishing it)")


def test_a_working_copy_from_before_confirmations_says_it_cannot_tell(tmp_path):
    inbox, db = first_run(tmp_path)
    set_state(db, published_confirmed=None)
    db.unlink()
    run.run_local([inbox], db, run_id="second")
    found = runs(db)
    assert found["first"][0] == "crashed while publishing, or its published file was deleted"
    assert "(deleted, or its first publication was killed)" in found["second"][1]


def test_an_older_working_copy_learns_its_publication_arrived_from_the_next_run_that_sees_it(tmp_path):
    inbox, db = first_run(tmp_path)
    set_state(db, published_confirmed=None)
    run.run_local([inbox], db, run_id="second")  # the published file is there: the publication arrived
    db.unlink()
    run.run_local([inbox], db, run_id="third")
    assert runs(db)["first"][0] == "completed"
    assert "(deleted after run first published it)" in runs(db)["third"][1]
