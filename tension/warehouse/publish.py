"""Publication: a private working database for the writer, an atomically renamed snapshot for readers.

DuckDB allows one read-write process or many read-only ones, never both. Analysts keep read-only connections
to the published file open for hours, so the run never writes to it: it writes to a working copy in a private
folder and, at the end, copies the checkpointed working file next to the published one and renames it over it.
A reader with the old file open keeps reading the old snapshot; reconnecting shows the new one. A run killed at
any point leaves the published file as it was; the working copy holds only whole committed batches.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterator

from tension.warehouse import store


@dataclass(frozen=True)
class Workspace:
    """Where one published database keeps its private working files."""

    published: Path

    @property
    def folder(self) -> Path:
        """Private folder next to the published file."""
        return self.published.parent / f".{self.published.name}.work"

    @property
    def working(self) -> Path:
        """The writer's database."""
        return self.folder / "working.duckdb"

    @property
    def staging(self) -> Path:
        """Analysed batches waiting to be stored (Parquet), one folder per batch."""
        return self.folder / "staging"

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
    """The working database, seeded from the published snapshot when there is no working copy yet."""
    workspace.folder.mkdir(parents=True, exist_ok=True)
    workspace.staging.mkdir(exist_ok=True)
    for leftover in workspace.staging.glob("*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)  # half-written by a killed run
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
    partial = workspace.published.with_name(f".{workspace.published.name}.publishing")
    shutil.copyfile(workspace.working, partial)
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, workspace.published)
    directory = os.open(workspace.published.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return workspace.published


def export_parquet(db_path: Path, out_dir: Path, weeks: list[str] | None = None) -> Path:
    """Statements with their current scores as Parquet, one folder per ISO week (hive layout iso_week=...).

    `weeks` rewrites only those weeks (a run that added documents to three weeks rewrites three folders);
    None rewrites everything (after a rescore, or when there is no export yet).
    """
    if weeks is None or not out_dir.exists():
        return _export_all(db_path, out_dir)
    with store.connect(db_path, read_only=True) as con:
        for week in sorted(set(weeks)):
            folder = out_dir / f"iso_week={week}"
            partial = out_dir / f".iso_week={week}.tmp"
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir(parents=True)
            con.execute(
                f"copy ({_EXPORT} where iso_week = ?) to '{_sql_path(partial / 'data_0.parquet')}' (format parquet)",
                [week],
            )
            _swap_in(partial, folder)
    return out_dir


def _swap_in(partial: Path, final: Path) -> None:
    """Put a finished folder in place of `final` by renames: readers see the old or the new, never half."""
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(partial, final)
    shutil.rmtree(old, ignore_errors=True)


# Parquet has lists, but not every engine reads them: targets travel as a comma-separated string.
_EXPORT = "select * exclude (targets), array_to_string(targets, ',') as targets from statement_scores"


def _export_all(db_path: Path, out_dir: Path) -> Path:
    partial = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(partial, ignore_errors=True)
    with store.connect(db_path, read_only=True) as con:
        con.execute(f"copy ({_EXPORT}) to '{_sql_path(partial)}' (format parquet, partition_by (iso_week))")
    if not partial.exists():
        partial.mkdir(parents=True)
    _swap_in(partial, out_dir)
    return out_dir


def _sql_path(path: Path) -> str:
    # COPY ... TO takes a literal, not a parameter; quotes are the only character that needs escaping.
    return str(path).replace("'", "''")
