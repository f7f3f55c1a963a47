"""Scheduled runs beside analysts: real `tension run` processes, a real read-only analyst process, SIGKILL.

The inbox is built from the seed article (re-dated copies with a distinct closing line each), so these tests
need nothing outside the repository. One clean run is shared by the module: the tests that need a database with
the corpus in it start from a copy of it (published file and working copy) rather than from a run of their own.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from tension.warehouse.publish import RunInProgress, Workspace, exclusive_run

from conftest import ROOT, SEED_TEXT

TENSION = [sys.executable, "-m", "tension.cli"]
COMPARED = {
    "documents": "select * exclude (ingested_at, path) from documents order by doc_id",
    "statements": "select * from statements order by statement_id",
    "scores": "select * exclude (scored_at) from scores order by statement_id, scorer_version",
    "rejected_documents": "select item, reason from rejected_documents order by item",
}


def make_inbox(folder: Path, n_documents: int, label: str = "copy") -> Path:
    folder.mkdir(parents=True)
    text = SEED_TEXT.read_text()
    with open(folder / "batch.jsonl", "w") as handle:
        for i in range(n_documents):
            published = date(2024, 1, 1) + timedelta(days=i % 120)
            handle.write(json.dumps({"id": f"doc{i}", "published": published.isoformat(),
                                     "text": f"{text}\n\nThis is {label} number {i} of the article."}) + "\n")
        handle.write("{not json\n")
    return folder


def run_tension(inbox: Path, db: Path, *extra: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PREFECT_HOME": str(db.parent / "prefect-home"), "PYTHONUNBUFFERED": "1",
           "PREFECT_LOGGING_LEVEL": "INFO"}  # (off a terminal `tension run` logs only warnings: the kill waits on INFO)
    return subprocess.Popen(
        [*TENSION, "run", "--inbox", str(inbox), "--db", str(db), "--reports", str(db.parent / "reports"),
         "--no-report", *extra],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True, **kwargs,
    )


def finish(process: subprocess.Popen, timeout: float = 600) -> str:
    output, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, output[-3000:]
    return output


def snapshot(db: Path) -> dict[str, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: con.execute(sql).fetchall() for name, sql in COMPARED.items()}


pytestmark = pytest.mark.slow  # real `tension run` processes, each paying Prefect's start-up
N_DOCUMENTS = 300


@pytest.fixture(scope="module")
def corpus(module_tmp) -> Path:
    return make_inbox(module_tmp("corpus") / "inbox", N_DOCUMENTS)


@pytest.fixture(scope="module")
def clean_db(corpus, module_tmp) -> Path:
    """The corpus through one uninterrupted run (batches of 200; the killed run below uses 50)."""
    db = module_tmp("clean") / "tension.duckdb"
    finish(run_tension(corpus, db, "--batch-size", "200"))
    return db


@pytest.fixture(scope="module")
def clean_run(clean_db) -> dict[str, list]:
    return snapshot(clean_db)


def copy_of(db: Path, folder: Path) -> Path:
    """The published database, its Parquet export and its private working copy, as a later run finds them, in
    `folder`."""
    work = Workspace(db).folder
    shutil.copy2(db, folder / db.name)
    shutil.copytree(work, folder / work.name, ignore=shutil.ignore_patterns("run.lock"))
    shutil.copytree(db.parent / "parquet", folder / "parquet")
    return folder / db.name


def test_analyst_session_survives_a_full_run(clean_db, clean_run, tmp_path):
    db = copy_of(clean_db, tmp_path)
    # A second inbox file arrives; an analyst has the published database open, read-only, the whole time.
    make_inbox(tmp_path / "more", 100, label="reprint")
    analyst_code = (
        "import duckdb, sys, time\n"
        f"con = duckdb.connect({str(db)!r}, read_only=True)\n"
        "n = 0\n"
        "deadline = time.time() + 600\n"
        "while time.time() < deadline:\n"
        "    con.execute('select count(*), sum(n_statements) from weekly_index').fetchall()\n"
        "    n += 1\n"
        "    if sys.stdin.readable() and n % 20 == 0:\n"
        "        import select\n"
        "        if select.select([sys.stdin], [], [], 0)[0]: break\n"
        "print('queries', n, 'documents', con.execute('select count(*) from documents').fetchone()[0])\n"
    )
    analyst = subprocess.Popen([sys.executable, "-c", analyst_code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    run = run_tension(tmp_path / "more", db, "--batch-size", "50")
    finish(run)
    out, err = analyst.communicate("stop\n", timeout=60)
    assert analyst.returncode == 0, err
    queries, documents = int(out.split()[1]), int(out.split()[3])
    assert queries > 0 and documents == len(clean_run["documents"])  # the old snapshot, unchanged, throughout
    with duckdb.connect(str(db), read_only=True) as con:  # reconnecting shows the new data
        assert con.execute("select count(*) from documents").fetchone()[0] == len(clean_run["documents"]) + 100


def test_sigkill_mid_run_then_rerun_equals_a_clean_run(corpus, clean_run, tmp_path):
    db = tmp_path / "tension.duckdb"
    run = run_tension(corpus, db, "--batch-size", "50", "--task-runner", "threads")
    stored_lines = 0
    for line in run.stdout:
        if "stored:" in line:
            stored_lines += 1
            if stored_lines == 3:
                os.killpg(run.pid, signal.SIGKILL)
                break
    run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL
    assert not db.exists()  # nothing was published by the killed run
    finish(run_tension(corpus, db, "--batch-size", "50"))
    assert snapshot(db) == clean_run


def test_a_second_run_over_the_same_inbox_changes_nothing(corpus, clean_db, clean_run, tmp_path):
    db = copy_of(clean_db, tmp_path)
    published_at = db.stat().st_mtime_ns
    output = finish(run_tension(corpus, db, "--batch-size", "200"))
    assert "0 read, 0 new" in output
    assert snapshot(db) == clean_run
    assert db.stat().st_mtime_ns == published_at  # nothing new: the snapshot is not even rewritten
    # Every run is recorded in the working copy; the no-op one reaches readers with the next publication.
    with duckdb.connect(str(Workspace(db).working), read_only=True) as con:
        runs = con.execute("select status, documents_new from runs order by started_at").fetchall()
    assert runs == [("completed", N_DOCUMENTS), ("completed", 0)]


def test_two_writers_are_refused(tmp_path):
    workspace = Workspace(tmp_path / "tension.duckdb")
    with exclusive_run(workspace):
        with pytest.raises(RunInProgress, match="another run is writing"):
            with exclusive_run(workspace):
                pass


def test_the_cli_refuses_a_second_run_in_one_line_before_the_flow(tmp_path):
    from typer.testing import CliRunner

    from tension.cli import app

    db = tmp_path / "tension.duckdb"
    with exclusive_run(Workspace(db)):  # a run in progress on this database
        result = CliRunner().invoke(app, ["run", "-i", str(tmp_path), "--db", str(db), "--no-report"])
    assert result.exit_code == 3 and "another run is writing" in result.output
    assert "Traceback" not in result.output and "Flow run" not in result.output


def test_a_deleted_published_file_is_published_again_from_its_working_copy_and_the_run_says_so(
        clean_db, clean_run, tmp_path):
    """Session 11: a user who deleted the .duckdb file (not its hidden working folder) saw "an earlier run did not
    finish (... crashed while publishing)" and the old statements back, with no word on why or how to start empty."""
    db = copy_of(clean_db, tmp_path)
    db.unlink()
    empty = tmp_path / "empty"
    empty.mkdir()
    output = finish(run_tension(empty, db))
    assert "tension.duckdb is missing (deleted after run " in output
    assert str(Workspace(db).folder) in output and "delete that folder too" in output
    assert "crashed while publishing" not in output
    assert snapshot(db) == clean_run  # nothing lost: the working copy's data is published again
