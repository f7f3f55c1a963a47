"""Aggregate: read the weekly index (the SQL views do the arithmetic; see tension/sql/weekly_index.sql)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tension import store


def weekly_index(db_path: Path, pair_id: str | None = None) -> pd.DataFrame:
    """Rows of the weekly_index view, optionally for one pair, from the database opened read-only."""
    with store.connect(db_path, read_only=True) as con:
        if pair_id is None:
            return store.query(con, "select * from weekly_index order by pair_id, week_start")
        return store.query(con, "select * from weekly_index where pair_id = ? order by week_start", [pair_id])


def latest_summary(db_path: Path) -> list[str]:
    """One line per pair for the last week with statements: what a run prints when it ends."""
    frame = weekly_index(db_path)
    lines = []
    for pair_id, rows in frame.groupby("pair_id", sort=True):
        filled = rows[rows["n_statements"] > 0]
        if filled.empty:
            lines.append(f"{rows['pair_name'].iloc[0]}: no statements yet")
            continue
        last = filled.iloc[-1]
        lines.append(
            f"{last['pair_name']} {last['iso_week']}: index {last['index_value']:+.2f} "
            f"({int(last['n_statements'])} statements, {int(last['n_documents'])} documents)"
        )
    return lines
