"""Read-only SQL for analysts (`tension sql`): a connection that can read the published data and nothing else.

DuckDB's `read_only` only protects the database file it opened: the same connection could ATTACH the run's working
copy read-write, COPY or EXPORT anywhere, read any file (`read_text('/proc/self/environ')`), install extensions
and change settings. Here the connection is opened with external access off (no file but the database, or the
Parquet folder with --parquet; no COPY/EXPORT; no extension install or load, automatic or not) and its
configuration locked, and each statement must be a query (SELECT, with WITH/FROM/DESCRIBE/SHOW/SUMMARIZE, or
EXPLAIN of one): ATTACH, SET, PRAGMA, CALL, CREATE and the rest are refused before they run. One statement per
call unless the caller asks for several. Results come back in chunks, never whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import duckdb

from tension.warehouse import store
from tension.warehouse.store import memory_limit

# Settings fixed when the connection opens; lock_configuration makes them (and every other setting) final.
LOCKED_CONFIG = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "allow_persistent_secrets": False,
    "memory_limit": memory_limit(),
}
QUERY_TYPES = frozenset({duckdb.StatementType.SELECT})
_EXPLAIN = re.compile(r"^\s*explain(\s+analy[sz]e)?\b", re.I)
CHUNK_ROWS = 2048  # one DuckDB vector: rows fetched and printed at a time


class Refused(ValueError):
    """A statement `tension sql` does not run, with the reason to show."""


class Unparsed(Refused):
    """SQL that does not parse (a typo): said as an SQL error, not as a refusal."""


def open_published(db: Path) -> duckdb.DuckDBPyConnection:
    """The published database, read-only, with no way out to other files, extensions or settings."""
    if not Path(db).exists():
        where = "" if Path(db).is_absolute() else f" (from {Path.cwd()})"
        raise FileNotFoundError(store.no_database(db, where, ", or give --db"))
    return duckdb.connect(str(db), read_only=True, config={**LOCKED_CONFIG, "lock_configuration": True})


def open_parquet(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database with a view 'statement_scores' over the Parquet export, reading that folder only."""
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise FileNotFoundError(f"no Parquet export at {folder}: run 'tension run' first")
    if next(folder.glob("**/*.parquet"), None) is None:
        raise FileNotFoundError(f"no Parquet files under {folder}: give the folder `tension run` exported to "
                                "(its 'parquet' next to the database, or its --parquet DIR)")
    # allowed_directories can only be set once the database has started, and external access turned off after.
    con = duckdb.connect(":memory:", config={k: v for k, v in LOCKED_CONFIG.items() if k != "enable_external_access"})
    con.execute("set allowed_directories = ?", [[f"{folder}/"]])
    con.execute("set enable_external_access = false")
    pattern = str(folder / "**" / "*.parquet").replace("'", "''")
    con.execute(f"create view statement_scores as select * from read_parquet('{pattern}', hive_partitioning = true)")
    con.execute("set lock_configuration = true")
    return con


def statements(con: duckdb.DuckDBPyConnection, sql: str, multiple: bool = False) -> list:
    """The statements of `sql`, each checked to be a query; Refused says which one is not and why."""
    try:
        found = con.extract_statements(sql)
    except duckdb.Error as error:
        raise Unparsed(f"SQL error: {error}") from None
    if not found:
        raise Refused("no SQL statement given")
    if len(found) > 1 and not multiple:
        raise Refused(f"one statement per call: found {len(found)} (separated by ';'); run them one at a time, "
                      "or pass --multiple to run them in order")
    for number, statement in enumerate(found, start=1):
        _check(con, statement, number if len(found) > 1 else None)
    return found


def _check(con: duckdb.DuckDBPyConnection, statement, number: int | None) -> None:
    which = f"statement {number}: " if number else ""
    kind = statement.type
    if kind == duckdb.StatementType.EXPLAIN:
        inner = _EXPLAIN.sub("", statement.query, count=1)
        try:
            kinds = {s.type for s in con.extract_statements(inner)}
        except duckdb.Error:
            kinds = set()
        if kinds and kinds <= QUERY_TYPES:
            return
        raise Refused(f"{which}EXPLAIN is allowed of a query (SELECT) only")
    if kind not in QUERY_TYPES:
        name = kind.name if hasattr(kind, "name") else str(kind)
        raise Refused(f"{which}{name} statements are not allowed: tension sql is read-only and runs queries "
                      "(SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN) against the published data")


def run(con: duckdb.DuckDBPyConnection, statement) -> tuple[list[str], list[str], Iterator[list[tuple]]]:
    """Column names, their DuckDB types (e.g. 'DATE', 'VARCHAR[]', 'JSON') and the rows in lists of up to
    CHUNK_ROWS tuples of Python values (None for NULL), fetched as they are read."""
    return _described(con.execute(statement))


def _described(result: duckdb.DuckDBPyConnection) -> tuple[list[str], list[str], Iterator[list[tuple]]]:
    """A result's column names, types and rows in chunks, fetched as they are read."""
    description = result.description or []
    columns = [column[0] for column in description]
    types = [str(column[1]) for column in description]

    def chunks() -> Iterator[list[tuple]]:
        while rows := result.fetchmany(CHUNK_ROWS):
            yield rows

    return columns, types, chunks()


def runs(con: duckdb.DuckDBPyConnection, last: int) -> tuple[list[str], list[str], Iterator[list[tuple]]]:
    """The last `last` runs recorded in the database, newest first (as `run` gives a query's result)."""
    return _described(con.execute(store.sql("runs_listing"), {"last": last}))
