"""Runs without shared-disk assumptions (issue 17, point 4): a file counts as stored only when its documents were
stored or rejected for a reason of the file itself — never because a worker could not get at it — and paths are
absolute, so workers started in another directory read the same files. The steps are tension.run's, called as
the flow calls them; the worker that cannot see the inbox is the analyse step run while the file is out of its
sight (moved away and back, size and mtime unchanged), as a Dask worker on a machine without the share sees it."""

from __future__ import annotations

import json
import os

import duckdb
import pytest

from tension import run

TEXT = "Pyongyang threatened Seoul with war over the drills, the foreign ministry said."


def inbox_with_batch(tmp_path, lines: int = 30):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = inbox / "batch.jsonl"
    path.write_text("".join(json.dumps({"text": f"{TEXT} ({n})", "published": "2024-02-01"}) + "\n"
                            for n in range(lines)))
    return inbox, path


def steps(inbox, db, run_id: str, hide=None):
    """One run, step by step; `hide`: a file kept out of the analyse step's sight."""
    with run.workspace(db) as paths:
        prepared = run.prepare(paths.working, None, run_id)
        batches = run.plan([inbox], 10, prepared["stored"], workers=1)
        totals = None
        with run.Writer(paths.working) as writer:
            for batch in batches:
                if hide:
                    hide.rename(hide.with_name(".away"))
                try:
                    staged = run.analyse(batch, paths.staging)
                finally:
                    if hide:
                        hide.with_name(".away").rename(hide)
                totals = run.tally(totals, run.store(writer, staged))
        outcome = run.finish(paths.working, batches, run_id, totals, None, prepared["fingerprint"],
                             prepared["started"])
        published = run.publish(paths, outcome)
    return run.result(prepared, totals, outcome, published)


def stored_files(db) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [r[0] for r in con.execute("select path from inbox_files").fetchall()]


def rejections(db) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select path, item, reason from rejected_documents").fetchall()


def documents(db) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select count(*) from documents").fetchone()[0]


def test_a_file_the_workers_cannot_see_fails_the_run_and_is_read_next_time(tmp_path):
    inbox, path = inbox_with_batch(tmp_path)
    db = tmp_path / "t.duckdb"
    with pytest.raises(run.FilesLeftToRetry) as failed:
        steps(inbox, db, "blind", hide=path)
    assert str(path) in str(failed.value) and "not recorded as stored" in str(failed.value)
    assert stored_files(db) == [] and rejections(db) == [] and documents(db) == 0

    again = steps(inbox, db, "sighted")
    assert again["documents_new"] == 30
    assert stored_files(db) == [str(path)] and documents(db) == 30


def test_a_file_that_is_really_gone_is_a_rejection_not_a_stored_file(tmp_path):
    inbox, path = inbox_with_batch(tmp_path)
    db = tmp_path / "t.duckdb"
    with run.workspace(db) as paths:
        prepared = run.prepare(paths.working, None, "gone")
        [batch] = run.plan([inbox], 100, prepared["stored"])
        path.unlink()  # deleted between planning and reading: nobody will ever read it
        with run.Writer(paths.working) as writer:
            totals = run.tally(None, run.store(writer, run.analyse(batch, paths.staging)))
        outcome = run.finish(paths.working, [batch], "gone", totals, None, prepared["fingerprint"],
                             prepared["started"])
        run.publish(paths, outcome)
    assert [(os.path.basename(p), i, r[:15]) for p, i, r in rejections(db)] == [("batch.jsonl", "", "file not found:")]
    assert stored_files(db) == []


def test_relative_paths_are_made_absolute_before_workers_see_them(tmp_path, monkeypatch):
    inbox, path = inbox_with_batch(tmp_path, lines=5)
    monkeypatch.chdir(tmp_path)
    [batch] = run.plan(["inbox"], 100, {})
    assert batch["parts"][0]["path"] == str(path) and batch["parts"][0]["inbox"] == str(inbox)
    elsewhere = tmp_path / "worker"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # a worker started in another directory
    result = run.run_local(["../inbox"], "../data/t.duckdb")
    assert result["documents_new"] == 5 and result["database"] == str(tmp_path / "data" / "t.duckdb")
    assert stored_files(tmp_path / "data" / "t.duckdb") == [str(path)]
