"""Store: connections (read-only for analysts, the run's writer), the schema and views, transaction(), and a run's
bookkeeping (settings, pairs, input files stored, runs).

Re-running a batch changes nothing: documents are keyed by content hash, statements by document and position,
scores by statement and scorer version, rejections by path and line.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from tension.config import DUCKDB_MEMORY, OUTLETS_FILE, SQL_DIR, VIEW_COLUMNS_FILE, Pair, read_tsv

# Creation order matters: each view or table macro (warehouse/sql/views/) reads the ones before it. A macro's file
# creates it itself.
CREATION_ORDER = (
    "outlets", "statement_scores", "pair_statements", "statement_cues", "index_parameters", "weekly_parameters",
    "index_grain", "index_sums", "period_coverage", "weekly_coverage", "weekly_sums_live", "weekly_sums",
    "index_pair_fault", "tension_index", "weekly_index",
    "weekly_statements", "coverage",
)
MACROS = ("index_grain", "index_sums", "period_coverage", "index_pair_fault", "tension_index")
VIEWS = tuple(name for name in CREATION_ORDER if name not in MACROS)


def memory_limit() -> str:
    """DuckDB's memory limit for a connection: TENSION_DUCKDB_MEMORY, else config.DUCKDB_MEMORY."""
    return os.environ.get("TENSION_DUCKDB_MEMORY", DUCKDB_MEMORY)


def work_folder(db_path: Path | str) -> Path:
    """The private folder next to a published database where its runs work (publish.Workspace's)."""
    db_path = Path(db_path)
    return db_path.parent / f".{db_path.name}.work"


def working_copy(db_path: Path | str) -> Path:
    """The writer's database of a published one (publish.Workspace.working)."""
    return work_folder(db_path) / "working.duckdb"


def no_database(db_path: Path | str, where: str = "", never_run_hint: str = "") -> str:
    """Why there is nothing to read at `db_path`: never run, or a run that stored batches and stopped before it
    published them (its working copy is there)."""
    db_path = Path(db_path)
    if working_copy(db_path).exists():
        if _was_published(working_copy(db_path)):  # (the operator's finding: "interrupted?" was the wrong cause)
            return (f"no published database at {db_path}{where}: it was published before and is missing now (deleted "
                    f"or moved?); the working copy next to it holds everything: publish it again with: tension publish "
                    f"--db {db_path} (the next run does it too)")
        return (f"no published database at {db_path}{where} yet: a run stored batches and stopped before publishing "
                f"them (interrupted?); publish what it stored with: tension publish --db {db_path}")
    return f"no database at {db_path}{where}: run 'tension run' first{never_run_hint}"


def _was_published(working: Path) -> bool:
    """Whether a working copy records a publication (publish.py's publication_state): its published file existed."""
    try:
        return bool(publication_state_of(working).get("publication_id"))
    except duckdb.Error:
        return False  # (a run holds it, or it cannot be read: the older wording stands)


def publication_state_of(db_path: Path | str) -> dict[str, str]:
    """A database file's publication state (publish.py's publication_state table), read-only: {} when it has none.
    The published file's publication id, a working copy's pending run or publication attempted."""
    with connect(db_path, read_only=True) as con:
        if not con.execute("select 1 from duckdb_tables() where table_name = 'publication_state'").fetchone():
            return {}
        return dict(con.execute("select key, value from publication_state").fetchall())


def connect(db_path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database file (creating its folder when writing), with a bounded memory limit."""
    if str(db_path) != ":memory:" and not read_only:
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    if read_only and not Path(db_path).exists():
        raise FileNotFoundError(no_database(db_path))
    con = duckdb.connect(str(db_path), read_only=read_only)
    con.execute("set memory_limit = ?", [memory_limit()])
    return con


@contextmanager
def interrupts_kept() -> Iterator[None]:
    """A signal that arrives while DuckDB runs a statement (Ctrl-C; the SIGTERM a cancelled run's process gets)
    stops the statement and leaves only "RuntimeError: Query interrupted": its own exception is lost. In a Prefect
    task that error was retried and the run went on — a terminal's Ctrl-C did nothing. Here it ends the block as
    the interrupt it was (KeyboardInterrupt, which Prefect never retries)."""
    try:
        yield
    except (RuntimeError, duckdb.InterruptException) as error:
        if isinstance(error, duckdb.InterruptException) or str(error) == "Query interrupted":
            raise KeyboardInterrupt from error
        raise


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """The block in one transaction: committed when it ends, rolled back if it raises."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, table) -> Iterator[str]:
    """`table` (Arrow) visible to SQL on `con` as `name` for the block, and unregistered even if the block fails."""
    con.register(name, table)
    try:
        yield name
    finally:
        con.unregister(name)


def connect_writer(db_path: Path | str) -> duckdb.DuckDBPyConnection:
    """A connection for a run's single writer, kept for all its batches: opening the file per batch (catalogue,
    checkpoint on close) cost ~80 ms at 10k documents and grew with the database."""
    con = connect(db_path)
    # Checkpoint after 256 MB of log rather than DuckDB's 16 MB: each checkpoint rewrites the table's changed
    # row groups, and at 16 MB the writer checkpointed every few batches (measured: 57 s -> 40 s of storing
    # for 100k documents; the log is replayed if the run dies, as before).
    con.execute("set checkpoint_threshold = '256MB'")
    return con


def sql(name: str) -> str:
    """The text of a query kept in warehouse/sql/queries/NAME.sql."""
    return (SQL_DIR / "queries" / f"{name}.sql").read_text()


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Tables, then views, then their documentation; records the views' version (views_version())."""
    con.execute((SQL_DIR / "schema.sql").read_text())
    load_outlet_names(con)
    for view in CREATION_ORDER:
        sql = (SQL_DIR / "views" / f"{view}.sql").read_text()
        con.execute(sql if view in MACROS else f'create or replace view "{view}" as ' + sql)
    document_views(con)
    set_setting(con, "views_version", views_version())


class OutdatedViews(RuntimeError):
    """The database's views were written by another version of tension than this one."""


def views_version() -> str:
    """A short hash of the views, table macros and their documentation this version creates (warehouse/sql/views/,
    comments.sql, view_columns.tsv): a run stores it (setting views_version), so a reader can tell a database whose
    views another version wrote."""
    digest = hashlib.sha1()
    for path in [*sorted((SQL_DIR / "views").glob("*.sql")), SQL_DIR / "comments.sql", VIEW_COLUMNS_FILE]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def outdated_views(con: duckdb.DuckDBPyConnection, db_path: Path | str) -> str:
    """'' when the database's views are this version's; else what to do about it, in words for the user."""
    stored, current = get_setting(con, "views_version"), views_version()
    has_views = con.execute("select count(*) from duckdb_views() where view_name = 'pair_statements' "
                            "and not internal and not temporary").fetchone()[0]
    if stored == current or not has_views:  # a file no run wrote views into has none to be outdated
        return ""
    written = f"another version of tension (views {stored})" if stored else "a version of tension before views were versioned"
    return (f"the views in {db_path} were written by {written}, not this one (views {current}): "
            f"run 'tension run' with the same --db once (it re-creates the views and publishes; nothing already "
            f"stored is read again), then try again")


def require_current_views(con: duckdb.DuckDBPyConnection, db_path: Path | str) -> None:
    """Raise OutdatedViews, saying what to do, when the database's views are not this version's."""
    if problem := outdated_views(con, db_path):
        raise OutdatedViews(problem)


def table_column_comments(schema_sql: str) -> dict[tuple[str, str], str]:
    """(table, column) -> the comment written beside the column in schema.sql (continuation lines joined): the
    schema is the one place a table column is described."""
    notes: dict[tuple[str, str], str] = {}
    table, last = None, None
    for line in schema_sql.splitlines():
        if m := re.match(r"create table if not exists (\w+) \(", line):
            table, last = m.group(1), None
        elif table and line.startswith(")"):
            table, last = None, None
        elif table and (m := re.match(r"\s+(\w+)\s+[^-]*?--\s*(.+)$", line)) and m.group(1) not in ("primary", "unique"):
            last = (table, m.group(1))
            notes[last] = m.group(2).strip()
        elif table and last and (m := re.match(r"\s+--\s*(.+)$", line)) and not line.lstrip().startswith("-- unique"):
            notes[last] += " " + m.group(1).strip()
        elif table and re.match(r"\s+\w+\s", line):
            last = None
    return notes


def document_views(con: duckdb.DuckDBPyConnection) -> None:
    """COMMENT ON every view (comments.sql), every view column (tension/data/view_columns.tsv) and every table column
    (the comments beside the columns in schema.sql)."""
    con.execute((SQL_DIR / "comments.sql").read_text())
    view_notes = {(r["view"], r["column"]): r["comment"] for r in read_tsv(VIEW_COLUMNS_FILE)}
    table_notes = table_column_comments((SQL_DIR / "schema.sql").read_text()
                                        + (SQL_DIR / "weekly_tables.sql").read_text())
    described = {table for table, _ in table_notes}
    columns = con.execute(
        """select c.table_name, c.column_name, v.view_name is not null as is_view from duckdb_columns() as c
           left join duckdb_views() as v on v.view_name = c.table_name and v.schema_name = c.schema_name
               and not v.internal and not v.temporary
           left join duckdb_tables() as t on t.table_name = c.table_name and t.schema_name = c.schema_name
               and not t.internal
           where v.view_name is not null or t.table_name is not null""").fetchall()
    for name, column, is_view in columns:
        if is_view:
            note = view_notes.get((name, column), view_notes.get(("*", column)))
        else:
            # The caches and the publication's bookkeeping (aggregate.refresh, publish.py) are no analyst's data.
            note = table_notes.get((name, column)) or (
                f"internal ({name}, kept by the pipeline): analysts read the views" if name not in described else None)
        if note is not None:
            # COMMENT takes no parameters: the text is a literal, quotes doubled (it comes from our own files).
            literal = note.replace("'", "''")
            con.execute(f"comment on column \"{name}\".\"{column}\" is '{literal}'")


def load_outlet_names(con: duckdb.DuckDBPyConnection) -> None:
    """Replace the outlet display names with those of tension/data/outlets.tsv (configuration, like the pairs)."""
    rows = read_tsv(OUTLETS_FILE)
    con.execute("delete from outlet_names")
    con.executemany("insert into outlet_names values (?, ?, ?, ?)",
                    [(r["match"], r["kind"], r["outlet"], r["source"]) for r in rows])


def set_pairs(con: duckdb.DuckDBPyConnection, pairs: Iterable[Pair], run_id: str | None = None) -> list[str]:
    """Replace the configured pairs (configuration, not history: the views follow it); the pair ids the database
    had that these leave out (a run without the --pairs file an earlier run was given drops its extra pairs). Those
    are kept in former_pairs with the run (`run_id`) that left them out, so tension_index can say so when asked for
    one; a pair configured again leaves former_pairs."""
    pairs = list(pairs)
    before = configured_pairs(con)
    now = {p.pair_id for p in pairs}
    con.execute("delete from pairs")
    con.executemany("insert into pairs values (?, ?, ?, ?)", [(p.pair_id, p.name, p.country_a, p.country_b) for p in pairs])
    dropped = [pair for pair in before if pair.pair_id not in now]
    if dropped:
        con.executemany("insert or replace into former_pairs values (?, ?, ?, ?, now(), ?)",
                        [(p.pair_id, p.name, p.country_a, p.country_b, run_id or "") for p in dropped])
    if now:
        con.execute("delete from former_pairs where list_contains(?, pair_id)", [sorted(now)])
    return sorted(p.pair_id for p in dropped)


def configured_pairs(con: duckdb.DuckDBPyConnection) -> list[Pair]:
    """The pairs the database holds now (the previous run's configuration), by id."""
    return [Pair(*row) for row in con.execute(
        "select pair_id, name, country_a, country_b from pairs order by pair_id").fetchall()]


def set_setting(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Store one setting (e.g. the current scorer version the views read)."""
    con.execute("insert or replace into settings values (?, ?)", [key, value])


def get_setting(con: duckdb.DuckDBPyConnection, key: str, default: str = "") -> str:
    """One setting's value, or `default` when it is not set (or the database has no schema yet)."""
    try:
        row = con.execute("select value from settings where key = ?", [key]).fetchone()
    except duckdb.CatalogException:
        return default
    return row[0] if row else default


def stored_files(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int, str]]:
    """Input files already stored whole: path -> (size, mtime_ns, reading options' signature)."""
    rows = con.execute("select path, size, mtime_ns, coalesce(reading, '') from inbox_files").fetchall()
    return {path: (size, mtime, reading) for path, size, mtime, reading in rows}


def documents_of_other_extractors(con: duckdb.DuckDBPyConnection, version: str) -> int:
    """Stored documents read by another extractor than `version` (or before versions were recorded): their
    statements are an older release's until `tension run --reread` reads their files again."""
    return con.execute("select count(*) from documents where extractor_version is distinct from ?",
                       [version]).fetchone()[0]


def files_of_other_extractors(con: duckdb.DuckDBPyConnection, version: str) -> list[str]:
    """The input files of the stored documents another extractor than `version` read (documents_of_other_extractors),
    in order: `--reread` can only read them again where they still are."""
    return [path for (path,) in con.execute(
        "select distinct path from documents where extractor_version is distinct from ? and path is not null "
        "order by path", [version]).fetchall()]


def mark_files_stored(con: duckdb.DuckDBPyConnection, files: list[tuple[str, int, int]], reading: str = "") -> None:
    """Record input files whose every batch is stored, so the next run skips them while they are unchanged and
    read with the same options (`reading`: run.reading_signature of the run's --field/--default)."""
    if files:
        con.executemany(
            "insert or replace into inbox_files (path, size, mtime_ns, stored_at, reading) values (?, ?, ?, now(), ?)",
            [(*f, reading) for f in files],
        )


def forget_old_rejections(con: duckdb.DuckDBPyConnection, paths: list[str], started: str) -> None:
    """Rejections of files read again in full by this run that this run did not see again: the file was fixed (a
    corrected --field, a date added), so they no longer hold."""
    if paths:
        con.execute(sql("forget_old_rejections"), [paths, started])


def content_fingerprint(con: duckdb.DuckDBPyConnection) -> tuple:
    """Row counts and settings that change whenever the published content would: equal before and after a
    run means the run found nothing new."""
    return con.execute(sql("content_fingerprint")).fetchone()


def weeks_ingested_since(con: duckdb.DuckDBPyConnection, since) -> list[str]:
    """ISO weeks of documents stored since `since`, with the weeks either side (near-duplicates of a new
    document may be published up to three days apart, and the representative of their cluster can change)."""
    rows = con.execute(sql("weeks_ingested_since"), [since]).fetchall()
    return sorted(r[0] for r in rows)


def documents_added_by_week(con: duckdb.DuckDBPyConnection, since) -> tuple[list[tuple[str, int]], str | None]:
    """The ISO weeks (of publication) of the documents stored since `since`, each with how many — what a run added
    where — and the last such week of the documents stored before (None for none): a week before that one received
    documents late (a file that arrived after a later week's run)."""
    added = [(week, int(n)) for week, n in con.execute(
        "select strftime(published, '%G-W%V') as week, count(*) from documents where ingested_at >= ? "
        "group by week order by week", [since]).fetchall()]
    last_before = con.execute("select strftime(max(published), '%G-W%V') from documents where ingested_at < ?",
                              [since]).fetchone()[0]
    return added, last_before


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, scorer_version: str,
              extractor_version: str | None = None) -> None:
    """A 'running' row; a run that dies leaves it, and the next run marks it 'crashed'."""
    con.execute("update runs set status = 'crashed' where status = 'running'")
    con.execute(
        "insert or replace into runs (run_id, started_at, scorer_version, extractor_version, status) "
        "values (?, now(), ?, ?, 'running')",
        [run_id, scorer_version, extractor_version],
    )


def add_run_note(con: duckdb.DuckDBPyConnection, run_id: str, note: str) -> None:
    """Add `note` to the run's note (after what is there, '; ' between)."""
    con.execute("update runs set note = concat_ws('; ', nullif(note, ''), ?) where run_id = ?", [note, run_id])


def add_run_counts(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict) -> None:
    """Add one stored batch's counts to the run's row, in the batch's transaction: a run stopped before it finishes
    (Ctrl-C, a kill) still says what it read and stored; finish_run writes the same totals."""
    con.execute(
        """update runs set documents_seen = coalesce(documents_seen, 0) + ?,
           documents_new = coalesce(documents_new, 0) + ?, documents_rejected = coalesce(documents_rejected, 0) + ?,
           statements_added = coalesce(statements_added, 0) + ? where run_id = ?""",
        [counts.get("documents_seen", 0), counts.get("documents_new", 0), counts.get("documents_rejected", 0),
         counts.get("statements_added", 0), run_id],
    )


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict, status: str) -> None:
    """Close the run's row with its counts."""
    con.execute(
        """update runs set finished_at = now(), documents_seen = ?, documents_new = ?, documents_rejected = ?,
           statements_added = ?, status = ? where run_id = ?""",
        [counts.get("documents_seen", 0), counts.get("documents_new", 0), counts.get("documents_rejected", 0),
         counts.get("statements_added", 0), status, run_id],
    )


def query(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pd.DataFrame:
    """Run one query and return a DataFrame."""
    return con.execute(sql, params or []).df()
