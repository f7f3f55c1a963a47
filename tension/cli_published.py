"""The commands that read the published database: `tension sql`, `runs`, `views` and `report` (read-only, so they run
while a run writes its working copy). Registered on the `tension` command group by tension/cli.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from tension.cli_checks import DB_OPTION, at_least_one, check_readable_db, check_writable_folder
from tension.config import DEFAULT_REPORTS


def sql(
    query: str = typer.Argument(..., metavar="QUERY", help="SQL to run against the database, read-only: one query (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN)."),
    db: Path = DB_OPTION,
    fmt: str = typer.Option("table", "--format", metavar="FORMAT", help="table, csv or json."),
    parquet: Optional[Path] = typer.Option(None, "--parquet", metavar="DIR", help="Query the Parquet export instead: a view 'statement_scores' over DIR."),
    multiple: bool = typer.Option(False, "--multiple", help="Allow several statements separated by ';', run in order."),
) -> None:
    """Run read-only SQL against the published database (its views and tension_index: `tension views` lists them).

    Only queries run: no ATTACH, COPY, EXPORT, INSTALL/LOAD, SET/PRAGMA, CREATE, and no file but the database
    (or the --parquet folder) can be read. Rows are printed as they are read.

    Example: tension sql "select pair_name, iso_week, index_value, n_statements from weekly_index"

    Example: tension sql --parquet data/parquet "select iso_week, count(*) from statement_scores group by 1"

    A query that starts with '-' (an SQL comment) goes after '--', or it is read as an option:
    tension sql -- "$(cat weeks.sql)"
    """
    import duckdb

    from tension.warehouse import query as readonly
    from tension.warehouse.rows import rows_text
    from tension.warehouse.store import outdated_views

    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter("choose table, csv or json", param_hint="--format")
    try:
        con = readonly.open_parquet(parquet) if parquet is not None else readonly.open_published(db)
    except FileNotFoundError as error:
        raise typer.BadParameter(str(error), param_hint="--parquet" if parquet else "--db") from None
    except duckdb.Error as error:
        typer.echo(f"cannot open {parquet or db} read-only: {error}", err=True)
        raise typer.Exit(code=2) from None
    with con:
        if parquet is None and (problem := outdated_views(con, db)):
            typer.echo(f"warning: {problem}", err=True)
        try:
            found = readonly.statements(con, query, multiple)
        except readonly.Unparsed as error:
            typer.echo(str(error), err=True)
            raise typer.Exit(code=2) from None
        except readonly.Refused as error:
            typer.echo(f"refused: {error}", err=True)
            raise typer.Exit(code=2) from None
        for number, statement in enumerate(found):
            if number:
                typer.echo("")
            try:
                columns, types, chunks = readonly.run(con, statement)
                for text in rows_text(columns, types, chunks, fmt):
                    typer.echo(text, nl=False)
            except duckdb.Error as error:
                hint = ("\n(`tension views` lists the views and their columns)"
                        if isinstance(error, duckdb.CatalogException) or "Binder Error" in str(error) else "")
                typer.echo(f"SQL error: {error}{hint}", err=True)
                raise typer.Exit(code=2) from None


def runs_command(
    db: Path = DB_OPTION,
    last: int = typer.Option(10, "--last", metavar="N", callback=at_least_one, help="How many runs (at least 1), newest first."),
    fmt: str = typer.Option("table", "--format", metavar="FORMAT", help="table, csv or json."),
) -> None:
    """List the runs the published database records, newest first: when each started and finished, its status
    (completed; stored or exporting: its publication was left undone, see `tension publish`; crashed), what it read,
    stored and rejected, and its note (e.g. a published file found missing and published again, or documents read
    with undecodable bytes replaced by U+FFFD).

    A run's row reaches the published database with its publication, so a run in progress is not listed yet; a
    run whose publication failed (a full disk) or that was stopped before publishing is said in a warning.
    The table cuts long notes: each note is printed whole below it.

    Example: tension runs

    Example: tension runs --last 50 --format csv --db data/kcna.duckdb
    """
    from tension.warehouse import query as readonly
    from tension.warehouse.rows import rows_text

    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter("choose table, csv or json", param_hint="--format")
    check_readable_db(db)
    try:
        con = readonly.open_published(db)
    except FileNotFoundError as error:
        raise typer.BadParameter(str(error), param_hint="--db") from None
    with con:
        columns, types, chunks = readonly.runs(con, last)
        rows = [row for chunk in chunks for row in chunk]
    for text in rows_text(columns, types, [rows] if rows else [], fmt):
        typer.echo(text, nl=False)
    if fmt == "table":
        where = columns.index("note"), columns.index("started")
        for row in rows:
            if row[where[0]]:
                typer.echo(f"note of the run started {row[where[1]]}: {row[where[0]]}")
    from tension.warehouse.publish import Workspace, unpublished

    if pending := unpublished(Workspace(db)):  # its row is in the working copy only: not listed above
        typer.echo(f"warning: run {pending} stored changes that are not published yet (its publication failed or it "
                   f"was stopped), so the runs above and every query are behind; the next run publishes them, or "
                   f"now: tension publish --db {db}", err=True)


def views_command(
    view: Optional[str] = typer.Argument(None, metavar="VIEW", help="A view (or table macro) to describe; omit to list them all."),
    db: Path = DB_OPTION,
) -> None:
    """List the analysts' views and table macros, or print one view's columns with their types and comments.

    Example: tension views

    Example: tension views pair_statements
    """
    from tension.warehouse import describe

    check_readable_db(db)
    try:
        lines = describe.describe(db, view)
    except FileNotFoundError as error:
        raise typer.BadParameter(str(error), param_hint="--db") from None
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="VIEW") from None
    typer.echo("\n".join(lines))


def report_command(
    week: Optional[str] = typer.Option(None, "--week", metavar="YYYY-Www", help="ISO week, e.g. 2024-W05 (default: the last complete week in the data)."),
    period: Optional[str] = typer.Option(None, "--period", metavar="FIRST..LAST", help="Weeks FIRST..LAST for a period report, e.g. 2011-W01..2012-W48."),
    db: Path = DB_OPTION,
    out: Path = typer.Option(DEFAULT_REPORTS, "--out", "--reports", metavar="DIR", help="Folder for the PDF and charts (--reports, as `tension run` calls it, works too)."),
) -> None:
    """Write the PDF report (and per-pair charts) for one ISO week, or a period, from the published database.

    Example: tension report --week 2024-W05

    Example: tension report --period 2011-W01..2012-W48 --db data/kcna.duckdb
    """
    from tension.reporting import report
    from tension.warehouse.store import OutdatedViews

    check_readable_db(db)
    check_writable_folder(out, "--out")
    try:
        path = report.build_report(db, out, week, period)
    except FileNotFoundError as error:
        raise typer.BadParameter(str(error), param_hint="--db") from None
    except OutdatedViews as error:
        typer.echo(f"cannot write the report: {error}", err=True)
        raise typer.Exit(code=2) from None
    except ValueError as error:  # mostly the week or period asked for: named, as the other commands name options
        raise typer.BadParameter(str(error), param_hint="--period" if period else "--week" if week else None) from None
    typer.echo(f"report: {path}")
