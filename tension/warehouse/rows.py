"""How `tension sql` prints a result: a table, CSV or JSON lines, chunk by chunk as DuckDB hands them over (see
`tension.warehouse.query.run`), so a large result starts printing at once and is never held whole."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator


def rows_text(columns: list[str], types: list[str], chunks, fmt: str) -> Iterator[str]:
    """A result as text, chunk by chunk (each piece ends with a newline), in the format `fmt` (table, csv, json).
    NULL is NULL in a table, empty in CSV and null in JSON; a DATE is YYYY-MM-DD; lists and JSON values are JSON in
    CSV and nested in JSON. A table's column widths, and the decimals of a column of floats (one number of them, so
    that the points line up: float_decimals; CSV and JSON keep full precision), are those of its first chunk (wider
    values widen their own chunk only); EXPLAIN's plan is the text it is."""
    if columns == ["explain_key", "explain_value"]:
        for rows in chunks:
            for _, plan in rows:
                yield plan + "\n"
        return
    is_json = [kind == "JSON" for kind in types]
    widths: dict | None = None
    decimals: list[int | None] | None = None
    cut = False
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

            if decimals is None:
                decimals = float_decimals(rows, len(columns))
            frame = pd.DataFrame([[_table_cell(value, places) for value, places in zip(row, decimals)] for row in rows],
                                 columns=columns, dtype=object)
            # Hangul and other wide characters take two columns in a terminal: counted as one, they broke the
            # alignment of every row holding a Korean outlet name (a new user's find).
            with pd.option_context("display.unicode.east_asian_width", True):
                text = frame.to_string(index=False, max_colwidth=TABLE_TEXT_WIDTH, header=first, col_space=widths)
            cut = cut or any(isinstance(value, str) and len(value) > TABLE_TEXT_WIDTH
                             for row in frame.itertuples(index=False) for value in row)
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
    elif cut:  # (a new user read cut sentences as the stored text)
        yield (f"(a table cuts text longer than {TABLE_TEXT_WIDTH} characters, ending it in '...': "
               "--format csv or --format json prints it whole)\n")


TABLE_TEXT_WIDTH = 60  # characters of a text cell a table shows

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


# A table prints a column of floats with one number of decimals, so that their points line up: as many as its values
# need at FLOAT_DIGITS significant digits (trailing zeros not counted: a column the query rounded to 2 decimals keeps
# 2, whole minutes print whole), at most MAX_FLOAT_DECIMALS; taken from the first chunk, as the widths are.
FLOAT_DIGITS = 4
MAX_FLOAT_DECIMALS = 6


def float_decimals(rows: list, n_columns: int) -> list[int | None]:
    """Per column, the decimals its floats are printed with in a table (None: a column without floats)."""
    decimals: list[int | None] = [None] * n_columns
    for row in rows:
        for index, value in enumerate(row):
            if isinstance(value, float):
                decimals[index] = max(decimals[index] or 0, _decimals_needed(value))
    return decimals


def _decimals_needed(value: float) -> int:
    """The decimals that show `value` to FLOAT_DIGITS significant digits, without trailing zeros (at most
    MAX_FLOAT_DECIMALS; 0 for zero, infinities, NaN and numbers too large for fixed point)."""
    if not math.isfinite(value) or value == 0 or abs(value) >= 1e15:
        return 0
    places = min(MAX_FLOAT_DECIMALS, max(0, FLOAT_DIGITS - 1 - math.floor(math.log10(abs(value)))))
    shown = f"{value:.{places}f}"
    return len(shown.rstrip("0").split(".")[1]) if "." in shown else 0


def _table_cell(value, decimals: int | None = None) -> str:
    """A table cell: NULL for NULL, a float with its column's decimals (float_decimals; 6 significant digits in a
    list or a column without any), lists as [a, b], dates in ISO form."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if decimals is None or not math.isfinite(value) or abs(value) >= 1e15:
            return f"{value:.6g}"
        return f"{value:.{decimals}f}"
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
