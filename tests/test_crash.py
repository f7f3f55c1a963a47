"""A run killed with SIGKILL at each dangerous moment, then run again, ends exactly where a run that was never killed
ends (issue 17, point 1): every table of the published database and every Parquet row equal, nothing left behind,
and the killed run's status says where it stopped.

The story: run 1 publishes file A; file B arrives (new weeks and weeks A already has); run 2 is killed at one point;
run 3 finds nothing new in the inbox and must still publish B's documents and export B's weeks. Before this was
fixed, run 3 said "nothing new" and readers never saw B. The kill is a real SIGKILL of a real run
(`run.run_local` in a child process) at the moment a Python audit event marks: the code under test is unchanged.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date, timedelta

import duckdb
import pytest
from typer.testing import CliRunner

from tension import run
from tension.cli import app
from tension.warehouse import publish

from conftest import ROOT

pytestmark = pytest.mark.slow  # runs killed in real processes, then run again

SENTENCES = [
    "North Korea's foreign ministry denounced the South Korean military drills as a rehearsal for invasion.",
    "Seoul condemned the missile launch as a grave provocation, the Joint Chiefs of Staff said.",
    "Russia's foreign ministry warned Seoul that arms supplies to Ukraine would destroy relations.",
    "South Korea's president called for dialogue with Pyongyang and offered humanitarian aid.",
    "The KCNA commentary accused the puppet group of pursuing confrontation with the North.",
    "Moscow summoned the South Korean ambassador to protest the sanctions.",
    "Pyongyang threatened to respond with overwhelming force to any provocation.",
]
# (kill point, the status the next run gives the killed run)
POINTS = {
    "after a batch is stored": "crashed while storing",
    "after finish-run": "crashed before publishing",
    "during the Parquet export": "crashed while exporting Parquet",
    "as the publish copy starts": "crashed while publishing",
    "with the publish copy written, before its rename": "crashed while publishing",
}
# A child process: an audit hook that SIGKILLs the process itself at the chosen moment, then the run.
CHILD = """
import os, signal, sys
from pathlib import Path

point, inbox, db = sys.argv[1:4]
armed = []

def kill_at(event, args):
    path = str(args[0]) if args else ""
    name = Path(path).name
    if event == "open" and name == "weekly_fingerprints.sql":
        armed.append(True)  # finish-run is refreshing the weekly sums, its last step; the next connection is publish's
    if ((point == "after a batch is stored" and event == "shutil.rmtree" and Path(path).parent.name == "staging"
         and not name.endswith(".tmp"))
            or (point == "after finish-run" and armed and event == "os.mkdir")
            or (point == "during the Parquet export" and event == "os.rename" and name.startswith(".iso_week=")
                and name.endswith(".tmp"))
            or (point == "as the publish copy starts" and event == "open" and name.endswith(".publishing")
                and "w" in str(args[1]))
            or (point == "with the publish copy written, before its rename" and event == "os.rename"
                and name.endswith(".publishing"))):
        os.kill(os.getpid(), signal.SIGKILL)

sys.addaudithook(kill_at)
from tension import run
run.run_local([inbox], db, batch_size=40, run_id="killed")
"""


def write_batch(path, first_day: date, count: int, offset: int) -> None:
    with open(path, "w") as handle:
        for n in range(count):
            text = " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(1 + n % 3))
            handle.write(json.dumps({"id": f"doc-{offset + n}", "text": f"{text} Report number {offset + n}.",
                                     "published": (first_day + timedelta(days=n // 4)).isoformat()}) + "\n")


# How the last weekly refresh went (a full rebuild, how many weeks), not what it produced: a run that finds the
# sums already up to date recomputes nothing. weekly_sums_cache and weekly_refresh_weeks are compared whole.
HISTORY = {"full_rebuild", "weeks_updated"}


def timestamp_free(con, relation: str) -> str:
    """The columns of `relation` except timestamps (when a row was stored differs between two runs)."""
    columns = con.execute(f"describe {relation}").fetchall()
    return ", ".join(f'"{c[0]}"' for c in columns if not c[1].startswith("TIMESTAMP") and c[0] not in HISTORY)


def tables(db) -> dict[str, list]:
    """Every table of a database, row by row, without timestamps; `runs` and the publication bookkeeping apart."""
    with duckdb.connect(str(db), read_only=True) as con:
        names = [r[0] for r in con.execute("select table_name from duckdb_tables() order by 1").fetchall()]
        return {name: con.execute(f'select {timestamp_free(con, name)} from "{name}" order by all').fetchall()
                for name in names if name not in ("runs", "publication_state")}


def parquet_rows(folder) -> list:
    with duckdb.connect() as con:
        con.execute(f"create view p as select * from read_parquet('{folder}/**/*.parquet', hive_partitioning = true)")
        return con.execute(f"select {timestamp_free(con, 'p')} from p order by all").fetchall()


def leftovers(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.name.endswith((".publishing", ".tmp", ".old", ".copying")))


def counted(db, run_id: str) -> tuple:
    """What a run's row says it read and stored: documents read, new, rejected, statements added."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select documents_seen, documents_new, documents_rejected, statements_added from runs "
                           "where run_id = ?", [run_id]).fetchone()


def statuses(db) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("select run_id, status from runs").fetchall())


@pytest.fixture(scope="module")
def story(module_tmp):
    """The inbox with A, a database folder after run 1 (A published), B added, and the clean end state."""
    root = module_tmp("crash")
    inbox = root / "inbox"
    inbox.mkdir()
    write_batch(inbox / "a.jsonl", date(2024, 1, 1), 120, 0)       # weeks 2024-W01 .. W05
    base = root / "base"
    run.run_local([inbox], base / "tension.duckdb", batch_size=40)
    write_batch(inbox / "b.jsonl", date(2024, 1, 22), 120, 1000)   # weeks 2024-W04 .. W08: three are A's too
    clean = root / "clean"
    shutil.copytree(base, clean)
    assert run.run_local([inbox], clean / "tension.duckdb", batch_size=40)["documents_new"] == 120
    return {"root": root, "inbox": inbox, "base": base, "tables": tables(clean / "tension.duckdb"),
            "parquet": parquet_rows(clean / "parquet"), "run1": tables(base / "tension.duckdb")}


@pytest.mark.parametrize("point", list(POINTS))
def test_a_run_killed_then_run_again_equals_a_clean_run(story, point):
    folder = story["root"] / point.replace(" ", "_").replace(",", "")
    shutil.copytree(story["base"], folder)
    db = folder / "tension.duckdb"
    killed = subprocess.run([sys.executable, "-c", CHILD, point, str(story["inbox"]), str(db)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert killed.returncode == -9, killed.stderr[-3000:]
    # Readers still see run 1 exactly: the killed run published nothing.
    assert tables(db) == story["run1"]

    with run.workspace(db) as paths:  # what the next run finds (and logs), before it does anything
        assert f"run killed: {POINTS[point]}" in paths.recovered
    again = run.run_local([story["inbox"]], db, batch_size=40)
    assert again["published"]
    assert tables(db) == story["tables"]                      # the published database caught up
    assert parquet_rows(folder / "parquet") == story["parquet"]
    assert leftovers(folder) == []
    assert statuses(db)["killed"] == POINTS[point]
    # the killed run's row says what it stored (its first batch of B's three, or all of B): not NULL counts
    read, new, rejected, statements = counted(db, "killed")
    assert (read, new, rejected) == ((40, 40, 0) if point == "after a batch is stored" else (120, 120, 0))
    assert statements > 0
    assert sorted(statuses(db).values()) == sorted([POINTS[point], "completed", "completed"])  # run 1, run 3

    still = run.run_local([story["inbox"]], db, batch_size=40)  # and then it is over: nothing republished
    assert not still["published"] and tables(db) == story["tables"]


def test_tension_publish_finishes_a_killed_publication_without_reading_the_inbox(story):
    folder = story["root"] / "publish_command"
    shutil.copytree(story["base"], folder)
    db = folder / "tension.duckdb"
    point = "with the publish copy written, before its rename"
    killed = subprocess.run([sys.executable, "-c", CHILD, point, str(story["inbox"]), str(db)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert killed.returncode == -9, killed.stderr[-3000:]
    assert (folder / ".tension.duckdb.publishing").exists()
    cli = CliRunner().invoke(app, ["publish", "--db", str(db)])
    assert cli.exit_code == 0 and cli.output.startswith(f"published {db}"), cli.output
    with duckdb.connect(str(publish.Workspace(db).working), read_only=True) as con:
        attempted = con.execute("select value from publication_state where key = 'publication_id'").fetchone()[0]
    assert tables(db) == story["tables"] and parquet_rows(folder / "parquet") == story["parquet"]
    assert leftovers(folder) == []
    assert not run.publish_pending(db)["published"]  # nothing left to publish
    assert publish.published_id(publish.Workspace(db)) == attempted
    assert statuses(db)["killed"] == "crashed while publishing"
