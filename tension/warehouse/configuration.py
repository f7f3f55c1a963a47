"""A run's configuration in the database: what the previous run left (pairs, index kinds, extra actor file) for the
next run to compare with (tension/run_config.py words the change), and the run's own record of it in `runs`."""

from __future__ import annotations

import json

import duckdb

from tension.run_config import RunConfig
from tension.warehouse.store import configured_pairs, get_setting


def has_runs(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether any run is recorded (False before a database's first run)."""
    return con.execute("select count(*) from runs").fetchone()[0] > 0


def previous_config(con: duckdb.DuckDBPyConnection) -> RunConfig | None:
    """The configuration the database's previous run left (its pairs, index kinds and extra actor file), None before
    its first run."""
    if not has_runs(con):
        return None
    kinds = tuple(kind for kind in get_setting(con, "index_kinds").split(",") if kind)
    actors = get_setting(con, "actors_extra")
    return RunConfig(tuple(configured_pairs(con)), kinds, json.loads(actors) if actors else None)


def record_run_config(con: duckdb.DuckDBPyConnection, run_id: str, change: str | None, actors: dict | None) -> None:
    """The run's configuration record: what changed since the previous run (JSON, None for nothing) and the extra
    actor file it read (its record as JSON, None for none; kept as a setting too, for the next run to compare)."""
    record = json.dumps(actors, ensure_ascii=False) if actors else None
    con.execute("update runs set config_change = ?, actors_extra = ? where run_id = ?", [change, record, run_id])
    con.execute("insert or replace into settings values ('actors_extra', ?)", [record or ""])


def documents_of_other_actor_files(con: duckdb.DuckDBPyConnection, version: str) -> int:
    """Stored documents this release's extractor read with another extra actor file than `version` names (or with
    none, or with one when `version` names none): their extractor version differs only after its '+'."""
    return con.execute("select count(*) from documents where extractor_version is distinct from ? "
                       "and split_part(extractor_version, '+', 1) = split_part(?, '+', 1)", [version, version]).fetchone()[0]
