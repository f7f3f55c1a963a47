"""What the analysts' views and table macros are and what each column means, from the comments in the database."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tension.warehouse import store

WIDTH = 110
TABLE_NOTE = "stored table: its columns are explained in tension/warehouse/sql/schema.sql"


def describe(db_path: Path, view: str | None = None) -> list[str]:
    """Lines that list every view and table macro with its comment, or one view's columns with types and comments."""
    with store.connect(db_path, read_only=True) as con:
        problem = store.outdated_views(con, db_path)
        warning = [f"warning: {problem}", ""] if problem else []
        views = con.execute("select view_name, coalesce(comment, '') from duckdb_views() "
                            "where not internal and not temporary order by view_name").fetchall()
        macros = con.execute("select distinct function_name, coalesce(comment, '') from duckdb_functions() "
                             "where function_type = 'table_macro' and not internal order by 1").fetchall()
        tables = con.execute("select table_name, coalesce(comment, '') from duckdb_tables() "
                             "where not internal and not temporary order by table_name").fetchall()
        tables = [(name, comment or TABLE_NOTE) for name, comment in tables]
        if view is None:
            lines = warning + ["Views (tension views VIEW for its columns):"]
            lines += _entries(views)
            lines += ["", "Table macros (select * from NAME(...)):"] + _entries(macros)
            lines += ["", "Tables (the stored data and the run's bookkeeping; the views above are what to query):"]
            lines += _entries(tables)
            return lines
        known = dict(views) | dict(macros) | dict(tables)
        if view not in known:
            raise ValueError(f"no view, macro or table named {view}; choose one of: {', '.join(sorted(known))}")
        if view in dict(macros):
            return warning + [f"{view} (table macro)"] + _wrap(known[view], "  ") + [
                "", "Its columns are those of weekly_index (period_start, period for week_start, iso_week): "
                    "tension views weekly_index"]
        columns = con.execute(
            "select column_name, data_type, coalesce(comment, '') from duckdb_columns() "
            "where table_name = ? order by column_index", [view]).fetchall()
    width = max(len(name) for name, _, _ in columns)
    lines = warning + [view] + _wrap(known[view], "  ") + [""]
    for name, data_type, comment in columns:
        head = f"  {name:<{width}}  {data_type:<10} "
        body = textwrap.wrap(comment or "(no comment)", WIDTH - len(head)) or [""]
        lines.append(head + body[0])
        lines += [" " * len(head) + more for more in body[1:]]
    return lines


def _entries(rows: list[tuple[str, str]]) -> list[str]:
    width = max((len(name) for name, _ in rows), default=0)
    lines = []
    for name, comment in rows:
        wrapped = textwrap.wrap(comment, WIDTH - width - 4) or [""]
        lines.append(f"  {name:<{width}}  {wrapped[0]}")
        lines += [" " * (width + 4) + more for more in wrapped[1:]]
    return lines


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent)
