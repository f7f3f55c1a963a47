"""Publication: a private working database for the writer, an atomically renamed snapshot for readers.

DuckDB allows one read-write process or many read-only ones, never both. Analysts keep read-only connections
to the published file open for hours, so the run never writes to it: it writes to a working copy in a private
folder and, at the end, copies the checkpointed working file next to the published one and renames it over it.
A reader with the old file open keeps reading the old snapshot; reconnecting shows the new one. A run killed at
any point leaves the published file as it was; the working copy holds only whole committed batches.

Publication is a state machine the next run can finish (issue 17). The working copy records, in the table
`publication_state`, that it holds content not yet published (`pending`: the first run whose changes are
unpublished), up to when the Parquet export is complete (`exported_through`, or `full_export` after a rescore),
and the id of the last publication it attempted (`publication_id`, written into the working copy just before it
is copied, so the published file carries it once the rename is done). A run that finds the published file without
that id, or anything pending from an earlier run, publishes even when it adds nothing itself, and exports every
week changed since the last complete export. A run's row in `runs` says where it is: 'running' (storing
batches), 'stored', 'exporting', 'completed'; one that was killed is marked by the next run with where it
stopped: 'crashed while storing', 'crashed before publishing', 'crashed while exporting Parquet',
'crashed while publishing'. Once the rename is done the working copy records that its publication arrived
(`published_confirmed`), so a published file found missing later was deleted, not half-published: the run that
publishes it again says so in its row's `note`, and the earlier run stays 'completed'. Leftovers of a killed run (a partial `.publishing` copy, temporary export folders, a
week folder moved aside) are cleaned or put back first.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterator

import duckdb

from tension.warehouse import store
from tension.warehouse.parquet_export import (OWNER_FILE, ParquetTaken, check_parquet_owner,  # noqa: F401 (re-exported)
                                              export_parquet, parquet_folder, recover_parquet)


@dataclass(frozen=True)
class Workspace:
    """Where one published database keeps its private working files."""

    published: Path

    @property
    def folder(self) -> Path:
        """Private folder next to the published file."""
        return store.work_folder(self.published)

    @property
    def working(self) -> Path:
        """The writer's database."""
        return store.working_copy(self.published)

    @property
    def staging(self) -> Path:
        """Analysed batches waiting to be stored (Parquet), one folder per batch."""
        return self.folder / "staging"

    @property
    def partial(self) -> Path:
        """The copy being published, renamed over the published file once complete."""
        return self.published.with_name(f".{self.published.name}.publishing")

    @property
    def lock(self) -> Path:
        """Held for the whole run, so two runs cannot write at once."""
        return self.folder / "run.lock"


class RunInProgress(RuntimeError):
    """Another run holds the workspace lock."""


@contextmanager
def exclusive_run(workspace: Workspace) -> Iterator[None]:
    """Hold the workspace lock for the duration of a run (released by the OS if the process dies)."""
    workspace.folder.mkdir(parents=True, exist_ok=True)
    handle = open(workspace.lock, "w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise RunInProgress(f"another run is writing {workspace.published} (lock: {workspace.lock})") from None
    try:
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def prepare_working_copy(workspace: Workspace) -> Path:
    """The working database, seeded from the published snapshot when there is no working copy yet; what a killed
    run left half-written (staged batches, a partial copy of either database) removed first."""
    workspace.folder.mkdir(parents=True, exist_ok=True)
    workspace.staging.mkdir(exist_ok=True)
    for leftover in workspace.staging.glob("*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)  # half-written by a killed run
    for partial in (workspace.partial, workspace.working.with_suffix(".copying")):
        partial.unlink(missing_ok=True)
    if not workspace.working.exists() and workspace.published.exists():
        partial = workspace.working.with_suffix(".copying")
        shutil.copyfile(workspace.published, partial)
        os.replace(partial, workspace.working)
    return workspace.working


def publish(workspace: Workspace) -> Path:
    """Checkpoint the working database and atomically replace the published snapshot with a copy of it."""
    with store.connect(workspace.working) as con:
        con.execute("checkpoint")
    workspace.published.parent.mkdir(parents=True, exist_ok=True)
    partial = workspace.partial
    try:
        shutil.copyfile(workspace.working, partial)
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
    except OSError as error:
        partial.unlink(missing_ok=True)  # a full disk: give the space back; the next run publishes again
        raise OSError(error.errno, f"could not publish {workspace.published}: {error.strerror or error} "
                                   "(the working copy is intact; the next run or `tension publish` retries)") from error
    os.replace(partial, workspace.published)
    directory = os.open(workspace.published.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return workspace.published


# --- publication state ------------------------------------------------------------------------------------------

# Where a run stopped, from the status it had when it was killed.
INTERRUPTED = {"running": "crashed while storing", "stored": "crashed before publishing",
               "exporting": "crashed while exporting Parquet"}
# A working copy from before publications were confirmed cannot tell a deleted published file from a killed first
# publication.
def unpublished(workspace: Workspace) -> str | None:
    """The run whose stored changes the working copy holds and the published file does not (its publication failed —
    a full disk — or it was stopped before publishing, and no run has published since), or None. None too while a
    run holds the lock: it publishes them. Read-only: `tension runs` asks it to warn that what it lists is behind."""
    if not workspace.working.exists() or not workspace.published.exists():
        return None  # (no working copy: nothing pending; no published file: store.no_database says so)
    try:
        with exclusive_run(workspace):
            state = store.publication_state_of(workspace.working)
            if state.get("pending"):  # stored, not yet exported (stopped, or failed before its export)
                return state["pending"]
            attempted = state.get("publication_id")  # exported; its snapshot never arrived (a full disk)
            if attempted and state.get("published_confirmed") != attempted and published_id(workspace) != attempted:
                return state.get("publication_run") or attempted
    except (RunInProgress, OSError, duckdb.Error):
        return None  # a run is writing (it publishes), or the folder cannot be locked or read: nothing to say
    return None


CRASHED_OR_DELETED = "crashed while publishing, or its published file was deleted"
_STATE_TABLE = "create table if not exists publication_state (key varchar primary key, value varchar)"


def read_state(con) -> dict[str, str]:
    """The working copy's publication state (empty when none was ever recorded)."""
    con.execute(_STATE_TABLE)
    return dict(con.execute("select key, value from publication_state").fetchall())


def write_state(con, **values: str) -> None:
    """Record publication state values (in the caller's transaction, if any)."""
    con.execute(_STATE_TABLE)
    con.executemany("insert or replace into publication_state values (?, ?)", [[k, v] for k, v in values.items()])


def published_id(workspace: Workspace) -> str | None:
    """The publication id the published file carries (None: no file, or published before ids were recorded)."""
    if not workspace.published.exists():
        return None
    return store.publication_state_of(workspace.published).get("publication_id")


def recover(workspace: Workspace) -> list[str]:
    """At the start of a run, holding the lock: mark the runs an earlier kill interrupted with where they stopped,
    and notice a publication that never completed (its id is in the working copy, not in the published file).
    What was found, for the log."""
    if not workspace.working.exists():
        return []
    found: list[str] = []
    with store.connect(workspace.working) as con:
        if not con.execute("select 1 from duckdb_tables() where table_name = 'runs'").fetchone():
            return []
        state = read_state(con)
        attempted = state.get("publication_id")
        arrived = published_id(workspace)
        if attempted and attempted == arrived and state.get("published_confirmed") != attempted:
            # Seen in place: confirmed now (a working copy from before confirmations learns it here).
            write_state(con, published_confirmed=attempted)
        if attempted and attempted != arrived:
            earlier = state.get("publication_run", "")
            # The publication arrived (confirmed after its rename), and the file is gone: deleted by hand. Not
            # confirmed: killed before or during its rename — or, in a working copy from before confirmations were
            # recorded (no key at all), either.
            deleted = not workspace.published.exists() and state.get("published_confirmed") == attempted
            unknown = not workspace.published.exists() and "published_confirmed" not in state
            if not deleted:
                con.execute("update runs set status = ? where run_id = ?",
                            [CRASHED_OR_DELETED if unknown else "crashed while publishing", earlier])
            write_state(con, pending=state.get("pending") or f"unfinished publication {attempted}")
            if workspace.published.exists():
                found.append(f"run {earlier or '?'}: crashed while publishing")
            else:
                # Said with how to start from empty (the working copy keeps every earlier run's documents); the run
                # that publishes it again notes it in its runs row (claim).
                why = (f"deleted after run {earlier} published it" if deleted else
                       "deleted, or its first publication was killed" if unknown else
                       f"run {earlier} was killed while publishing it")
                write_state(con, published_missing=why)
                found.append(f"{workspace.published.name} is missing ({why}): the working copy in {workspace.folder} "
                             f"holds the earlier runs' data and is published again; to start from empty, delete that "
                             f"folder too")
        for status, stopped in INTERRUPTED.items():
            runs = [r[0] for r in con.execute("select run_id from runs where status = ?", [status]).fetchall()]
            con.execute("update runs set status = ? where status = ?", [stopped, status])
            found.extend(f"run {run}: {stopped}" for run in runs)
    return found


def claim(con, run_id: str) -> None:
    """This run is the first with content not yet published, unless an earlier run already is; a published file
    recover() found missing is noted in this run's row, which publishes it again."""
    state = read_state(con)
    if not state.get("pending"):
        write_state(con, pending=run_id)
    if missing := state.get("published_missing"):
        # `tension publish` claims without creating the schema: a working copy older than the column gets it here.
        con.execute("alter table runs add column if not exists note varchar default ''")
        con.execute("update runs set note = ? where run_id = ?",
                    [f"the published file was missing ({missing}): published again from the working copy", run_id])
        write_state(con, published_missing="")


def must_publish(con, workspace: Workspace, run_id: str, changed: bool, parquet_dir: Path) -> bool:
    """Whether this run publishes: it changed the content, or an earlier run's changes (or publication) are not
    published yet, or the published file or the Parquet export is missing."""
    pending = read_state(con).get("pending", "")
    return (changed or pending not in ("", run_id) or not workspace.published.exists()
            or not Path(parquet_dir).exists())


def weeks_to_export(con, parquet_dir: Path, full: bool) -> list[str] | None:
    """ISO weeks changed since the last complete Parquet export, or None for all of them (a rescore, an export
    never completed, no export folder). A full export asked for is recorded first, so a killed one is redone."""
    if full:
        write_state(con, full_export="yes")
    state = read_state(con)
    if state.get("full_export") == "yes" or not state.get("exported_through") or not Path(parquet_dir).exists():
        return None
    return store.weeks_ingested_since(con, state["exported_through"])


def set_status(con, run_id: str, status: str) -> None:
    """Where the run is: 'stored', 'exporting', 'completed'."""
    con.execute("update runs set status = ? where run_id = ?", [status, run_id])


def export_and_publish(workspace: Workspace, run_id: str, parquet_dir: Path, full_export: bool) -> dict:
    """The end of a run that publishes: the Parquet export of every week changed since the last complete export,
    then the published snapshot, each step recorded in the working copy before and after it runs."""
    with store.connect(workspace.working) as con:
        weeks = weeks_to_export(con, parquet_dir, full_export)
        set_status(con, run_id, "exporting")
        export_started = con.execute("select cast(now() as timestamp)").fetchone()[0].isoformat()
    clock = time.perf_counter()
    export_parquet(workspace.working, Path(parquet_dir), weeks, owner=workspace.published)
    exported = time.perf_counter()
    publication = f"{run_id}/{uuid.uuid4().hex[:12]}"
    with store.connect(workspace.working) as con:
        con.execute("begin transaction")
        write_state(con, exported_through=export_started, full_export="", pending="", publication_id=publication,
                    publication_run=run_id, published_confirmed="")
        set_status(con, run_id, "completed")
        con.execute("commit")
    publish(workspace)
    with store.connect(workspace.working) as con:  # it arrived: a published file missing later was deleted
        write_state(con, published_confirmed=publication)
    return {"weeks": weeks, "publication_id": publication,
            "timings": {"export": exported - clock, "publish": time.perf_counter() - exported}}


def nothing_to_publish(workspace: Workspace, run_id: str) -> None:
    """A run that changed nothing and found nothing pending: completed as it is, the published file left alone."""
    with store.connect(workspace.working) as con:
        con.execute("begin transaction")
        if read_state(con).get("pending") == run_id:
            write_state(con, pending="")
        set_status(con, run_id, "completed")
        con.execute("commit")
