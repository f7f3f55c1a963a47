"""Aggregate: keep the weekly index fast on any history, and read it (what a report shows around it is in
tension/reporting/data.py).

The index is defined by SQL views and table macros (tension/warehouse/sql/views/). Per pair and week they need a handful of sums over
the week's documents; `weekly_sums_live` computes them from the statements at each query, which is instant on a
few years of news and too slow on millions of statements. `refresh` keeps those sums in a table,
`weekly_sums_cache`, recomputing only the weeks whose documents, near-duplicate clusters or scores changed since
the last refresh, and points the view `weekly_sums` (which `weekly_index` reads) at it. `store.create_schema`
points it back at the live sums, so a database that was written to after its last refresh is slow, not stale,
as long as writers create the schema first (every run does) and refresh before publishing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pandas as pd

from tension.warehouse import store
from tension.config import SQL_DIR

# The definitions the cached sums depend on: a change to any of them recomputes every week.
CACHE_INPUTS = ("outlets", "statement_scores", "pair_statements", "weekly_sums_live", "index_sums")
# Beyond this share of the weeks, recomputing them one by one costs more than recomputing all at once.
FULL_REBUILD_SHARE = 0.5


def _signature(con: duckdb.DuckDBPyConnection) -> str:
    """Hash of what the cached sums depend on: view definitions, configured pairs, settings."""
    views = con.execute(
        """select view_name, sql from duckdb_views() where view_name in (select unnest($1))
           union all
           select function_name, macro_definition from duckdb_functions() where function_name in (select unnest($1))
           order by 1""",
        [list(CACHE_INPUTS)],
    ).fetchall()
    pairs = con.execute("select pair_id, country_a, country_b from pairs order by pair_id").fetchall()
    settings = con.execute("select key, value from settings order by key").fetchall()
    return hashlib.sha256(repr((views, pairs, settings)).encode()).hexdigest()[:16]


def _update_cache(con: duckdb.DuckDBPyConnection) -> tuple[bool, int]:
    """Recompute the cached sums of changed weeks (all weeks when the definitions changed); (full?, weeks)."""
    con.execute(_sql("weekly_tables"))
    con.execute("create or replace temp table weekly_fingerprints_now as " + store.sql("weekly_fingerprints"))
    state = con.execute("select signature, n_scores, scored_upto from weekly_refresh").fetchone()
    has_cache = con.execute(
        "select count(*) from duckdb_tables() where table_name = 'weekly_sums_cache'").fetchone()[0] > 0
    # Scores are only ever added: if the rows older than the last refresh are not the same number as then,
    # something was deleted and only a full rebuild is safe.
    unchanged_past = state is not None and state[2] is not None and con.execute(
        "select count(*) from scores where scored_at <= ?", [state[2]]).fetchone()[0] == state[1]
    changed: list = []
    if has_cache and unchanged_past and state[0] == _signature(con):
        changed = sorted(row[0] for row in con.execute(store.sql("weekly_changed"), {"scored_upto": state[2]}).fetchall())
        all_weeks = con.execute("select count(*) from weekly_fingerprints_now").fetchone()[0]
        if len(changed) <= FULL_REBUILD_SHARE * all_weeks:
            if changed:
                # A list of constants, not a subquery: DuckDB pushes it down to the documents scan.
                marks = ", ".join("?" * len(changed))
                con.execute(f"delete from weekly_sums_cache where week_start in ({marks})", changed)
                con.execute("insert into weekly_sums_cache select * from weekly_sums_live "
                            f"where week_start in ({marks})", changed)
            return False, len(changed)
    con.execute("create or replace table weekly_sums_cache as select * from weekly_sums_live")
    return True, con.execute("select count(distinct week_start) from weekly_sums_cache").fetchone()[0]


def refresh(db_path: Path) -> None:
    """Bring the cached weekly sums up to date (only changed weeks) and make weekly_index read them."""
    with store.connect(db_path) as con, store.transaction(con):
        full, weeks = _update_cache(con)
        con.execute("delete from weekly_refresh_weeks")
        con.execute("insert into weekly_refresh_weeks select * from weekly_fingerprints_now")
        con.execute("delete from weekly_refresh")
        con.execute("insert into weekly_refresh select ?, count(*), max(scored_at), now(), ?, ? from scores",
                    [_signature(con), full, weeks])
        con.execute("create or replace view weekly_sums as select * from weekly_sums_cache")
        # Coverage (documents per week from every source) is one scan of the documents: recomputed whole.
        con.execute("create or replace table weekly_coverage_cache as select * from period_coverage('week')")
        con.execute("create or replace view weekly_coverage as select * from weekly_coverage_cache")
        store.document_views(con)  # replacing a view drops its comments


def weekly_index(db_path: Path, pair_id: str | None = None) -> pd.DataFrame:
    """Rows of the weekly_index view, optionally for one pair, from the database opened read-only."""
    with store.connect(db_path, read_only=True) as con:
        return read_weekly(con, pair_id)


def read_weekly(con: duckdb.DuckDBPyConnection, pair_id: str | None = None) -> pd.DataFrame:
    """weekly_index rows (all pairs, or one) with week_start as a pandas Timestamp."""
    if pair_id is None:
        frame = store.query(con, "select * from weekly_index order by pair_id, week_start")
    else:
        frame = store.query(con, "select * from weekly_index where pair_id = ? order by week_start", [pair_id])
    # flagged is NULL when it cannot be told; here it is a plain bool (NULL -> False) next to departure_z.
    return frame.assign(week_start=pd.to_datetime(frame["week_start"]),
                        flagged=frame["flagged"].astype("boolean").fillna(False).astype(bool))


def _sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text()
