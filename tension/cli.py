"""The `tension` command: thin wrappers that parse arguments, call the library and print."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import typer

from tension.cli_checks import (
    check_files, check_inbox, check_no_run_in_progress, check_pairs, check_week, check_writable_db, parse_countries,
    parse_defaults, parse_fields,
)
from tension.config import BATCH_SIZE, DEFAULT_DB, DEFAULT_INBOX, DEFAULT_REPORTS, SCHEDULE_CRON, SCHEDULE_TIMEZONE

app = typer.Typer(
    help="Weekly country-pair tension index from what officials say and do.\n\n"
    "Example: tension run --inbox seeds && tension sql \"select * from weekly_index\"",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

DB_OPTION = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file.")
SERVE_ABANDONED_EXIT = 130  # the shell's code for "ended by Ctrl-C": here, a run in progress was abandoned


@app.command(short_help="Run the whole pipeline on an inbox, publish the database, write the report.")
def run(
    inbox: list[Path] = typer.Option([DEFAULT_INBOX], "--inbox", "-i", help="Input file or folder (repeatable): .txt .md .pdf .html .rss .atom .xml .jsonl .csv .tsv."),
    db: Path = DB_OPTION,
    reports: Path = typer.Option(DEFAULT_REPORTS, "--reports", help="Folder for the PDF report and charts."),
    week: Optional[str] = typer.Option(None, "--week", help="ISO week of the report, e.g. 2024-W05 (default: the last complete week in the data)."),
    batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1, help="Documents per batch (one task and one transaction each); a large file is cut into a multiple of --workers batches."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", help="Pairs file (TSV: pair_id, name, country_a, country_b, source); default: the packaged pairs.tsv."),
    report: bool = typer.Option(True, "--report/--no-report", help="Write the PDF report at the end."),
    task_runner: str = typer.Option("auto", "--task-runner", help="auto, threads, processes, or a Dask address tcp://host:8786."),
    workers: int = typer.Option(os.cpu_count() or 2, "--workers", min=1, help="Parallel workers for analysis."),
    parquet: Optional[Path] = typer.Option(None, "--parquet", help="Parquet export folder (default: next to the database)."),
    field: list[str] = typer.Option([], "--field", help="JSONL/CSV field mapping OURS=THEIRS, e.g. text=story or text=title+description (repeatable)."),
    default: list[str] = typer.Option([], "--default", help="Metadata for documents lacking it, e.g. speaker=KCNA (repeatable)."),
    dedup: bool = typer.Option(True, "--dedup/--no-dedup", help="Count a story carried by several outlets once per week."),
    reread: bool = typer.Option(False, "--reread", help="Read every input file again, unchanged ones too: documents an older release's extractor read are extracted again (their statements replaced, nothing duplicated)."),
) -> None:
    """Run the whole pipeline (a Prefect flow on its ephemeral API) and write the report.

    New or changed input files only; re-running adds nothing. The run writes a private working copy and
    publishes the database at --db atomically at the end, so open read-only sessions keep working.

    Example: tension run --inbox seeds --db data/tension.duckdb --reports reports

    Example (KCNA archive): tension run -i kcna.jsonl --field text=story --field published=date --default speaker=KCNA

    Example (after upgrading tension, whose extraction rules changed): tension run --inbox seeds --reread

    Exit codes: 0 done (also when nothing new was read); 1 the run failed or the --week asked for has no data; 2 a
    wrong option;
    3 another run holds the database; 4 no Prefect API; 5 every document read was rejected (nothing stored).
    """
    fields, defaults = parse_fields(field), parse_defaults(default)
    check_inbox(inbox)
    check_pairs(pairs)
    check_week(week)
    check_writable_db(db)
    from flows.local import ApiUnavailable, RunnerChoiceError, run_once  # Prefect only for commands running flows
    from tension.warehouse.publish import RunInProgress

    check_no_run_in_progress(db)
    parameters = {"inbox": [str(p) for p in inbox], "db": str(db), "reports": str(reports), "week": week,
                  "batch_size": batch_size, "pairs_file": str(pairs) if pairs else None, "make_report": report,
                  "parquet_dir": str(parquet) if parquet else None, "fields": fields or None,
                  "defaults": defaults or None, "dedup": dedup, "reread": reread}
    try:
        result = run_once(parameters, task_runner, workers)
    except RunnerChoiceError as error:
        raise typer.BadParameter(str(error), param_hint="--task-runner") from None
    except ApiUnavailable as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=4) from None
    except RunInProgress as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=3) from None
    except OSError as error:  # e.g. the published file could not be replaced: the message says what is intact
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=1) from None
    from tension.cli_output import ALL_REJECTED_EXIT, all_rejected, extractor_lines, pairs_lines, rejection_lines

    typer.echo(
        f"documents: {result['documents_seen']} read, {result['documents_new']} new, "
        f"{result['documents_rejected']} rejected; statements added: {result['statements_added']}"
    )
    if result.get("documents_replaced"):
        from tension.run import plural

        typer.echo(f"{plural(result['documents_replaced'], 'stored document')} replaced by an earlier-published "
                   "copy of the same text (the first publication is kept)")
    for line in extractor_lines(result) + pairs_lines(result, pairs):
        typer.echo(line)
    for line in rejection_lines(result["rejections"], db):
        typer.echo(line)
    if all_rejected(result):
        typer.echo("every document was rejected: check the reasons above (a --field mapping names a field the "
                   "records do not have? a date missing?); once fixed, run again: the files are read again")
    for line in result["summary"]:
        typer.echo(line)
    if result["report"]:
        typer.echo(f"report: {result['report']}")
    elif result.get("report_skipped"):
        typer.echo(f"no report: {result['report_skipped']}")
    typer.echo(f"database: {result['database']} (parquet: {result['parquet']})")
    if result.get("report_skipped") and week is not None:
        raise typer.Exit(code=1)  # the week asked for could not be reported
    if all_rejected(result):
        raise typer.Exit(code=ALL_REJECTED_EXIT)  # a scheduled batch must notice that nothing it read was stored


@app.command(short_help="Run the weekly flow on a schedule until Ctrl-C.")
def serve(
    inbox: list[Path] = typer.Option([DEFAULT_INBOX], "--inbox", "-i", help="Input file or folder (repeatable): .txt .md .pdf .html .rss .atom .xml .jsonl .csv .tsv."),
    db: Path = DB_OPTION,
    reports: Path = typer.Option(DEFAULT_REPORTS, "--reports", help="Folder for the PDF reports."),
    cron: str = typer.Option(SCHEDULE_CRON, "--cron", help="Cron schedule (default: Mondays 06:00)."),
    timezone: str = typer.Option(SCHEDULE_TIMEZONE, "--timezone", help="Time zone of the cron schedule."),
    port: Optional[int] = typer.Option(None, "--port", help="Port for the Prefect server started when none is configured."),
    field: list[str] = typer.Option([], "--field", help="JSONL/CSV field mapping OURS=THEIRS, e.g. text=story (repeatable)."),
    default: list[str] = typer.Option([], "--default", help="Metadata for documents lacking it, e.g. speaker=KCNA (repeatable)."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", help="Pairs file (TSV: pair_id, name, country_a, country_b, source); default: the packaged pairs.tsv."),
) -> None:
    """Run the weekly flow on a schedule until Ctrl-C (a Prefect deployment served by this process).

    Uses the Prefect server in PREFECT_API_URL if set; otherwise starts one on 127.0.0.1 for as long as it
    serves (past runs: open the printed UI address).

    Example: tension serve --inbox /data/inbox --cron "0 6 * * 1" --timezone Asia/Seoul

    Ctrl-C (SIGINT) or SIGTERM stops at once; a run in progress is abandoned, the batches it stored kept for the
    next run to publish. Exit codes: 0 stopped; 130 Ctrl-C abandoned a run in progress; 1 an error; 2 a wrong option.
    """
    fields, defaults = parse_fields(field), parse_defaults(default)
    check_pairs(pairs)
    from flows.local import quiet_local_prefect
    from flows.serve import deployment_name, prefect_api, serve_weekly

    quiet_local_prefect()

    parameters = {"inbox": [str(p.resolve()) for p in inbox], "db": str(db.resolve()),
                  "reports": str(reports.resolve()), "fields": fields or None, "defaults": defaults or None,
                  "pairs_file": str(pairs.resolve()) if pairs else None}
    with prefect_api(port) as api_url:
        typer.echo(f"Prefect API: {api_url}  (UI: {api_url.removesuffix('/api')})")
        typer.echo(f"schedule: {cron} ({timezone}); Ctrl-C stops")
        # Prefect prints its own hint without the API address, which another shell does not have (a new user's find).
        typer.echo(f"a run now, from another shell: PREFECT_API_URL={api_url} "
                   f"prefect deployment run 'tension-weekly/{deployment_name()}'")
        try:
            abandoned = serve_weekly(parameters, cron, timezone).abandoned
        except KeyboardInterrupt:  # Ctrl-C before Prefect's loop began
            abandoned = 0
    if abandoned:
        typer.echo(f"stopped: Ctrl-C abandoned the run in progress. The batches it had stored are kept in the working "
                   f"copy and the next run publishes them (or now: tension publish --db {parameters['db']})")
        raise typer.Exit(code=SERVE_ABANDONED_EXIT)
    typer.echo("stopped")


@app.command("rescore", short_help="Score stored statements again under the current scorer.")
def rescore_command(db: Path = DB_OPTION) -> None:
    """Score stored statements under the current scorer (after a lexicon or formula change); no re-ingest.

    Writes the private working copy and publishes it, like a run.

    Example: tension rescore --db data/tension.duckdb
    """
    from tension import run
    from tension.warehouse.publish import RunInProgress, Workspace

    if not db.exists() and not Workspace(db).working.exists():
        raise typer.BadParameter(f"no database at {db}: run 'tension run' first", param_hint="--db")
    try:
        result = run.rescore(db)
    except RunInProgress as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=3) from None
    typer.echo(f"scored {result['scored']} statements under scorer version {result['scorer_version']}; "
               + (f"published {result['database']}" if result["published"]
                  else f"nothing to publish: {result['database']} already has every score of this version"))


@app.command("publish", short_help="Finish a publication a killed or failed run left undone.")
def publish_command(
    db: Path = DB_OPTION,
    parquet: Optional[Path] = typer.Option(None, "--parquet", help="Parquet export folder (default: next to the database)."),
) -> None:
    """Finish a publication a killed or failed run left undone, without reading the inbox: the Parquet export of
    every week changed since the last complete export, then the published database. Any later `tension run`
    does the same; this is for when no run is due.

    Example: tension publish --db data/tension.duckdb
    """
    from tension import run
    from tension.warehouse.publish import RunInProgress

    try:
        result = run.publish_pending(db, parquet)
    except FileNotFoundError as error:
        raise typer.BadParameter(str(error), param_hint="--db") from None
    except RunInProgress as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=3) from None
    if result["published"]:
        typer.echo(f"published {result['database']} (parquet: {result['parquet']})")
    else:
        typer.echo(f"nothing to publish: {result['database']} is up to date")


@app.command(short_help="Print the statements of files as JSON lines (no database).")
def statements(
    files: list[Path] = typer.Argument(..., help="Input files or folders (read recursively): .txt .md .pdf .html .rss .atom .xml .jsonl .csv .tsv (each document needs a date)."),
    field: list[str] = typer.Option([], "--field", help="JSONL/CSV field mapping OURS=THEIRS, e.g. text=story (repeatable)."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", help="Pairs file (TSV: pair_id, name, country_a, country_b, source); default: the packaged pairs.tsv."),
    default: list[str] = typer.Option([], "--default", help="Metadata for documents lacking it, e.g. speaker=KCNA (repeatable)."),
) -> None:
    """Print every statement as one JSON object per line (no database, no Prefect).

    Example: tension statements seeds/000_e318909af9d05ecd.txt | jq .hostility

    Folders are read recursively, e.g. the pair statements of every seed:
    tension statements seeds/ | jq -c 'select(.pairs != []) | [.speaker_country, .targets, .hostility]'
    """
    from tension.adhoc import document_statements, input_paths
    from tension.analyse import build_context
    from tension.ingest.documents import Rejection, printable

    fields, defaults = parse_fields(field), parse_defaults(default)
    check_files(files)
    check_pairs(pairs)
    paths = input_paths(files)
    if not paths:
        typer.echo(f"no input files under {', '.join(map(str, files))} (dotfiles and .meta.yaml sidecars are not "
                   "documents)", err=True)
        raise typer.Exit(code=1)
    rejected = accepted = 0
    for found in document_statements(paths, build_context(pairs), fields, defaults):
        if isinstance(found, Rejection):
            rejected += 1
            typer.echo(f"rejected {found.where()}: {printable(found.reason)}", err=True)
            continue
        accepted += 1
        for statement in found:
            typer.echo(json.dumps(statement, ensure_ascii=False))
    if rejected and not accepted:
        raise typer.Exit(code=1)  # nothing readable at all


@app.command(short_help="Score texts: one JSON object per text (no database).")
def score(
    text: Optional[str] = typer.Argument(None, help="Text to score."),
    file: Optional[Path] = typer.Option(None, "--file", "-f", help="One text per line (blank lines skipped); '-' reads stdin."),
    modality: str = typer.Option("asserted", "--modality", help="asserted, threat_or_future, hypothetical, negated, reported."),
    targets: Optional[str] = typer.Option(None, "--targets", help="Score toward these countries (ISO3, comma-separated), as the pipeline scores a statement toward its targets: a cue aimed at another country counts 0."),
    speaker_country: Optional[str] = typer.Option(None, "--speaker-country", help="The speaker's country (ISO3), with --targets."),
) -> None:
    """Score text: one JSON object per text, named as `tension statements` names them (content, targets,
    speaker_country, modality, hostility, explanation, scorer_version).

    --file: one text per line; blank lines are skipped, each object's "line" is its line in the file, and stderr
    says how many lines were scored. Without --targets the text is scored as it stands; a stored statement was scored toward its targets.

    Example: tension score "North Korea threatened war over the drills."

    Example: tension score --targets PRK --speaker-country RUS "Russia, at war with Ukraine, signed a pact with Pyongyang."
    """
    from tension.adhoc import scored_lines_text, scored_texts, text_lines
    from tension.score.scorer import MODALITY_FACTORS

    if modality not in MODALITY_FACTORS:
        raise typer.BadParameter(f"choose one of {', '.join(MODALITY_FACTORS)}", param_hint="--modality")
    if (text is None) == (file is None):
        raise typer.BadParameter("give either TEXT or --file PATH")
    codes, speaker_country = parse_countries(targets, speaker_country)
    if text is not None and not text.strip():
        raise typer.BadParameter("the text is empty: give the sentence to score, e.g. tension score "
                                 "'North Korea called him a diplomatic idiot'")
    if text is not None:
        for scored in scored_texts([text], modality, codes, speaker_country):
            typer.echo(json.dumps(scored, ensure_ascii=False))
        return
    try:
        numbered, n_lines = text_lines(file)
    except OSError as error:
        raise typer.BadParameter(f"cannot read {file}: {error.strerror or error}", param_hint="--file") from None
    except UnicodeDecodeError as error:
        raise typer.BadParameter(f"{file} is not UTF-8 text ({error.reason} at byte {error.start}); convert it "
                                 "first, e.g. iconv -f cp949 -t utf-8", param_hint="--file") from None
    if not numbered:
        raise typer.BadParameter(f"{'standard input' if str(file) == '-' else file} has no text to score (every "
                                 "line is blank): one text per line", param_hint="--file")
    for (number, _), scored in zip(numbered, scored_texts((t for _, t in numbered), modality, codes,
                                                          speaker_country)):
        typer.echo(json.dumps({"line": number, **scored}, ensure_ascii=False))
    typer.echo(scored_lines_text(len(numbered), n_lines), err=True)


@app.command(short_help="Run read-only SQL against the published database.")
def sql(
    query: str = typer.Argument(..., help="SQL to run against the database, read-only: one query (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN)."),
    db: Path = DB_OPTION,
    fmt: str = typer.Option("table", "--format", help="table, csv or json."),
    parquet: Optional[Path] = typer.Option(None, "--parquet", help="Query the Parquet export instead: a view 'statement_scores' over DIR."),
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
        try:
            found = readonly.statements(con, query, multiple)
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
                typer.echo(f"SQL error: {error}", err=True)
                raise typer.Exit(code=2) from None


@app.command("views", short_help="List the analysts' views, or describe one.")
def views_command(
    view: Optional[str] = typer.Argument(None, help="A view (or table macro) to describe; omit to list them all."),
    db: Path = DB_OPTION,
) -> None:
    """List the analysts' views and table macros, or print one view's columns with their types and comments.

    Example: tension views

    Example: tension views pair_statements
    """
    from tension.warehouse import describe

    try:
        lines = describe.describe(db, view)
    except (FileNotFoundError, ValueError) as error:
        raise typer.BadParameter(str(error), param_hint="VIEW" if view else "--db") from None
    typer.echo("\n".join(lines))


@app.command("report", short_help="Write the PDF report for a week or a period.")
def report_command(
    week: Optional[str] = typer.Option(None, "--week", help="ISO week, e.g. 2024-W05 (default: the last complete week in the data)."),
    period: Optional[str] = typer.Option(None, "--period", help="Weeks FIRST..LAST for a period report, e.g. 2011-W01..2012-W48."),
    db: Path = DB_OPTION,
    out: Path = typer.Option(DEFAULT_REPORTS, "--out", "--reports", help="Folder for the PDF and charts (--reports, as `tension run` calls it, works too)."),
) -> None:
    """Write the PDF report (and per-pair charts) for one ISO week, or a period, from the published database.

    Example: tension report --week 2024-W05

    Example: tension report --period 2011-W01..2012-W48 --db data/kcna.duckdb
    """
    from tension.reporting import report

    try:
        path = report.build_report(db, out, week, period)
    except FileNotFoundError as error:
        raise typer.BadParameter(str(error), param_hint="--db") from None
    except ValueError as error:  # mostly the week or period asked for: named, as the other commands name options
        raise typer.BadParameter(str(error), param_hint="--period" if period else "--week" if week else None) from None
    typer.echo(f"report: {path}")


if __name__ == "__main__":
    app()
