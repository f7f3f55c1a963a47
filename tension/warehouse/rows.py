"""How `tension sql` prints a result: a table, CSV or JSON lines, chunk by chunk as DuckDB hands them over (see
`tension.warehouse.query.run`), so a large result starts printing at once and is never held whole."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator


def rows_text(columns: list[str], types: list[str], chunks, fmt: str) -> Iterator[str]:
    """A result as text, chunk by chunk (each piece ends with a newline), in the format `fmt` (table, csv, json).
    NULL is NULL in a table, empty in CSV and null in JSON; a DATE is YYYY-MM-DD; lists and JSON values are JSON in
    CSV and nested in JSON. A table's column widths are those of its first chunk (wider values widen their own chunk
    only); EXPLAIN's plan is the text it is."""
    if columns == ["explain_key", "explain_value"]:
        for rows in chunks:
            for _, plan in rows:
                yield plan + "\n"
        return
    is_json = [kind == "JSON" for kind in types]
    widths: dict | None = None
    for rows in chunks:
        first = widths is None
        if fmt == "csv":
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            if first:
                writer.writerow(columns)
            writer.writerows([_csv_cell(value) for value in row] for row in rows)
            yield out.getvalue()
        elif fmt == "json":
            for row in rows:
                record = {name: (json.loads(value) if raw_json and isinstance(value, str) else value)
                          for name, value, raw_json in zip(columns, row, is_json)}
                yield json.dumps(record, ensure_ascii=False, default=_json_value) + "\n"
        else:
            import pandas as pd  # only a table needs it (its import is most of a short query's time)

            frame = pd.DataFrame([[_table_cell(value) for value in row] for row in rows], columns=columns, dtype=object)
            # Hangul and other wide characters take two columns in a terminal: counted as one, they broke the
            # alignment of every row holding a Korean outlet name (a new user's find).
            with pd.option_context("display.unicode.east_asian_width", True):
                text = frame.to_string(index=False, max_colwidth=60, header=first, col_space=widths)
            if first:
                header = text.split("\n", 1)[0]
                widths = _column_widths(header, list(frame.columns))
            yield text + "\n"
        widths = widths or {}
    if widths is None:
        if fmt == "csv":
            yield ",".join(columns) + "\n"
        elif fmt == "table":
            yield "(no rows)\n"


def _json_value(value):
    """JSON for what json.dumps does not know: dates and times in ISO form, decimals as numbers, the rest as text."""
    from decimal import Decimal

    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _csv_cell(value):
    """A CSV cell: empty for NULL, JSON for a list or struct, ISO for a date."""
    if value is None:
        return ""
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, default=_json_value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _table_cell(value) -> str:
    """A table cell: NULL for NULL, numbers to 6 significant digits, lists as [a, b], dates in ISO form."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_table_cell(item) for item in value) + "]"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=_json_value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _column_widths(header: str, columns: list[str]) -> dict:
    """Each column's printed width, from a to_string header line (columns are right-aligned, one space apart)."""
    widths, position = {}, 0
    for column in columns:
        end = header.index(str(column), position) + len(str(column))
        widths[column] = end - position - (1 if position else 0)
        position = end
    return widths
