"""The commands that write the database: `tension run`, `serve`, `rescore` and `publish`.

Each parses its options, calls tension.run or the flows, and prints what happened; the exit codes a scheduler
relies on are set here. Registered on the `tension` command group by tension/cli.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from tension.cli_checks import (
    DB_OPTION, at_least_one, check_actors, check_inbox, empty_inbox, check_no_run_in_progress, check_pairs, check_parquet_free, check_schedule,
    check_week, check_writable_db, parse_defaults, parse_fields, unmatched_fields,
)
from tension.config_actors import ACTORS_HELP
from tension.config import BATCH_SIZE, DEFAULT_INBOX, DEFAULT_REPORTS, PAIRS_HELP, SCHEDULE_CRON, SCHEDULE_TIMEZONE

ABANDONED_EXIT = 130  # the shell's code for "ended by Ctrl-C": a run in progress was abandoned (serve, run)
TERMINATED_EXIT = 143  # the shell's code for "ended by SIGTERM": `tension serve` stopped by a supervisor mid-run


def kept_line(db: Path | str) -> str:
    """What a run Ctrl-C abandoned left, and how to publish it now (said by `run` and `serve`)."""
    return (f"The batches it had stored are kept in the working copy and the next run publishes them (or now: "
            f"tension publish --db {db})")


def run(
    inbox: list[Path] = typer.Option([DEFAULT_INBOX], "--inbox", "-i", metavar="PATH", help="Input file or folder (repeatable): .txt .md .pdf .html .rss .atom .xml .jsonl .csv .tsv."),
    db: Path = DB_OPTION,
    reports: Path = typer.Option(DEFAULT_REPORTS, "--reports", metavar="DIR", help="Folder for the PDF report and charts; a report there of a week this run's late documents changed is written again."),
    week: Optional[str] = typer.Option(None, "--week", metavar="YYYY-Www", help="ISO week of the report, e.g. 2024-W05 (default: the last complete week in the data)."),
    batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", metavar="N", callback=at_least_one, help="Documents per batch (at least 1; one task and one transaction each); a large file is cut into a multiple of --workers batches."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", metavar="FILE", help=PAIRS_HELP),
    report: bool = typer.Option(True, "--report/--no-report", help="Write the PDF report at the end."),
    task_runner: str = typer.Option("auto", "--task-runner", metavar="RUNNER", help="auto, threads, processes, or a Dask address tcp://host:8786."),
    workers: int = typer.Option(os.cpu_count() or 2, "--workers", metavar="N", callback=at_least_one, help="Parallel workers for analysis (at least 1)."),
    parquet: Optional[Path] = typer.Option(None, "--parquet", metavar="DIR", help="Parquet export folder (default: next to the database)."),
    field: list[str] = typer.Option([], "--field", metavar="OURS=THEIRS", help="JSONL/CSV field mapping OURS=THEIRS, e.g. text=story or text=title+description (repeatable)."),
    default: list[str] = typer.Option([], "--default", metavar="FIELD=VALUE", help="Metadata for documents lacking it, e.g. speaker=KCNA (repeatable)."),
    dedup: bool = typer.Option(True, "--dedup/--no-dedup", help="Count a story carried by several outlets once per week."),
    reread: bool = typer.Option(False, "--reread", help="Read every input file again, unchanged ones too: documents an older release's extractor read are extracted again (their statements replaced, nothing duplicated)."),
    actors: Optional[Path] = typer.Option(None, "--actors", metavar="FILE", help=ACTORS_HELP),
    check: bool = typer.Option(False, "--check", help="Dry run: list the files a run would read (new, changed) and those it would refuse whole (empty, binary, unreadable...), against the published database; store nothing, run no flow."),
) -> None:
    """Run the whole pipeline (a Prefect flow on its ephemeral API) and write the report.

    New or changed input files only; re-running adds nothing. The run writes a private working copy and
    publishes the database at --db atomically at the end, so open read-only sessions keep working.

    Example: tension run --inbox seeds --db data/tension.duckdb --reports reports

    Example (KCNA archive; its records name no speaker or outlet): tension run -i kcna.jsonl --field text=story
    --field published=date --default speaker=KCNA --default source=KCNA

    Example (after upgrading tension, whose extraction rules changed): tension run --inbox seeds --reread

    Example (officials the dictionary does not know, in a file of your own; stored documents are read with it only
    when read again): tension run --inbox seeds --actors desk/actors.tsv --reread

    Exit codes: 0 done (also when nothing new was read); 1 the run failed or the --week asked for has no data; 2 a
    wrong option;
    3 another run holds the database; 4 no Prefect API; 5 every document read was rejected (nothing stored).
    """
    fields, defaults = parse_fields(field), parse_defaults(default)
    check_inbox(inbox)
    check_pairs(pairs)
    check_actors(actors)
    check_week(week)
    check_writable_db(db)
    check_parquet_free(db, parquet)
    if check:
        print_inbox_check(inbox, db, fields, defaults)
        return
    quiet_unless_terminal()
    from flows.local import ApiUnavailable, RunnerChoiceError, run_once  # Prefect only for commands running flows
    from tension.run import FilesLeftToRetry
    from tension.warehouse.publish import RunInProgress

    check_no_run_in_progress(db)
    if problem := empty_inbox(inbox):  # (the run still goes on: it may have an earlier run's publication to finish)
        typer.echo(problem, err=True)
    for warning in unmatched_fields(inbox, fields):
        typer.echo(warning, err=True)
    parameters = {"inbox": [str(p) for p in inbox], "db": str(db), "reports": str(reports), "week": week,
                  "batch_size": batch_size, "pairs_file": str(pairs) if pairs else None, "make_report": report,
                  "parquet_dir": str(parquet) if parquet else None, "fields": fields or None,
                  "defaults": defaults or None, "dedup": dedup, "reread": reread,
                  "actors_file": str(actors.resolve()) if actors else None}
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
    except FilesLeftToRetry as error:  # the rest is published; the message names the files and what to do
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=1) from None
    except OSError as error:  # e.g. the published file could not be replaced: the message says what is intact
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=1) from None
    except KeyboardInterrupt:  # (Prefect's "Crash detected!" said only that the run stopped)
        typer.echo(f"stopped: Ctrl-C ended the run. {kept_line(db)}", err=True)
        raise typer.Exit(code=ABANDONED_EXIT) from None
    from tension.run_summary import ALL_REJECTED_EXIT, all_rejected, summary_lines

    for line in summary_lines(result, db, pairs):
        typer.echo(line)
    if result.get("report_skipped") and week is not None:
        raise typer.Exit(code=1)  # the week asked for could not be reported
    if all_rejected(result):
        raise typer.Exit(code=ALL_REJECTED_EXIT)  # a scheduled batch must notice that nothing it read was stored


def print_inbox_check(inbox: list[Path], db: Path, fields: dict, defaults: dict) -> None:
    """`tension run --check`: one line per file a run would read or refuse, then the counts (nothing stored)."""
    from tension.ingest.inbox_check import check_inbox_files
    from tension.run import plural, reading_signature
    from tension.warehouse import store

    stored = {}
    if db.exists():
        with store.connect(db, read_only=True) as con:
            stored = store.stored_files(con)
    rows, unchanged = check_inbox_files(inbox, stored, reading_signature(fields, defaults))
    for path, state, reason in rows:
        typer.echo(f"{state}: {path}" + (f": {reason}" if reason else ""))
    counts = {state: sum(1 for row in rows if row[1] == state) for state in ("new", "changed", "options changed")}
    refused = sum(1 for row in rows if row[1] == "refused")
    typer.echo(f"check: {plural(sum(counts.values()), 'file')} to read ({counts['new']} new, {counts['changed']} changed, "
               f"{counts['options changed']} stored under other --field/--default options), {refused} refused, "
               f"{unchanged} unchanged; nothing stored (bad records inside a file show only in a run)")


def quiet_unless_terminal() -> None:
    """Prefect's INFO lines (each task finished, each batch stored) only on a terminal: cron mails whatever a job
    writes, and a scheduled run that succeeded wrote ~14 of them every week. Warnings and errors still reach stderr;
    PREFECT_LOGGING_LEVEL=INFO brings the lines back (set before Prefect reads its settings)."""
    if not sys.stderr.isatty():
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def serve(
    inbox: list[Path] = typer.Option([DEFAULT_INBOX], "--inbox", "-i", metavar="PATH", help="Input file or folder (repeatable): .txt .md .pdf .html .rss .atom .xml .jsonl .csv .tsv."),
    db: Path = DB_OPTION,
    reports: Path = typer.Option(DEFAULT_REPORTS, "--reports", metavar="DIR", help="Folder for the PDF reports; a report there of a week a run's late documents changed is written again."),
    cron: str = typer.Option(SCHEDULE_CRON, "--cron", metavar="CRON", help="Cron schedule (default: Mondays 06:00)."),
    timezone: str = typer.Option(SCHEDULE_TIMEZONE, "--timezone", metavar="ZONE", help="Time zone of the cron schedule."),
    port: Optional[int] = typer.Option(None, "--port", metavar="PORT", help="Port for the Prefect server started when none is configured."),
    field: list[str] = typer.Option([], "--field", metavar="OURS=THEIRS", help="JSONL/CSV field mapping OURS=THEIRS, e.g. text=story or text=title+description (repeatable)."),
    default: list[str] = typer.Option([], "--default", metavar="FIELD=VALUE", help="Metadata for documents lacking it, e.g. speaker=KCNA (repeatable)."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", metavar="FILE", help=PAIRS_HELP),
    actors: Optional[Path] = typer.Option(None, "--actors", metavar="FILE", help=ACTORS_HELP),
) -> None:
    """Run the weekly flow on a schedule until Ctrl-C (a Prefect deployment served by this process).

    Uses the Prefect server in PREFECT_API_URL if set; otherwise starts one on 127.0.0.1 for as long as it
    serves (past runs: open the printed UI address).

    Example: tension serve --inbox /data/inbox --cron "0 6 * * 1" --timezone Asia/Seoul

    Ctrl-C (SIGINT) or SIGTERM stops at once; a run in progress is abandoned, the batches it stored kept for the
    next run to publish. Exit codes: 0 stopped; 130 Ctrl-C (143 SIGTERM) abandoned a run in progress; 1 an error; 2 a
    wrong option.
    """
    fields, defaults = parse_fields(field), parse_defaults(default)
    check_pairs(pairs)
    check_actors(actors)
    check_writable_db(db)
    check_parquet_free(db, None)
    check_schedule(cron, timezone)
    from flows.local import quiet_local_prefect
    from flows.serve import deployment_name, prefect_api, serve_weekly

    quiet_local_prefect()

    parameters = {"inbox": [str(p.resolve()) for p in inbox], "db": str(db.resolve()),
                  "reports": str(reports.resolve()), "fields": fields or None, "defaults": defaults or None,
                  "pairs_file": str(pairs.resolve()) if pairs else None,
                  "actors_file": str(actors.resolve()) if actors else None}
    with prefect_api(port) as api_url:
        typer.echo(f"Prefect API: {api_url}  (UI: {api_url.removesuffix('/api')})")
        typer.echo(f"schedule: {cron} ({timezone}); Ctrl-C stops")
        # Prefect prints its own hint without the API address, which another shell does not have (a new user's find),
        # and `prefect` is on no PATH after `make run`: the one installed beside this Python, when it is not
        typer.echo(f"a run now, from another shell: PREFECT_API_URL={api_url} "
                   f"{prefect_command()} deployment run 'tension-weekly/{deployment_name()}'")
        try:
            stopped = serve_weekly(parameters, cron, timezone)
        except KeyboardInterrupt:  # Ctrl-C before Prefect's loop began
            stopped = None
    if stopped is not None and stopped.abandoned:
        by = "Ctrl-C" if stopped.interrupted_at else "SIGTERM"
        typer.echo(f"stopped: {by} abandoned the run in progress. {kept_line(parameters['db'])}")
        raise typer.Exit(code=ABANDONED_EXIT if stopped.interrupted_at else TERMINATED_EXIT)
    typer.echo("stopped")


def prefect_command() -> str:
    """How another shell runs Prefect's CLI: `prefect` when it is on the PATH, else its path beside this Python (the
    project's .venv/bin/prefect, which `make run` installs but puts on no PATH)."""
    import shutil
    import sys

    beside = Path(sys.executable).parent / "prefect"
    on_path = shutil.which("prefect")
    if on_path and Path(on_path).resolve() == beside.resolve() or not beside.exists():
        return "prefect"
    return str(beside)


def rescore_command(db: Path = DB_OPTION) -> None:
    """Score stored statements under the current scorer (after a lexicon or formula change); no re-ingest.

    Writes the private working copy and publishes it, like a run.

    Example: tension rescore --db data/tension.duckdb
    """
    from tension import run
    from tension.warehouse.publish import RunInProgress, Workspace

    if not db.exists() and not Workspace(db).working.exists():
        raise typer.BadParameter(f"no database at {db}: run 'tension run' first", param_hint="--db")
    check_parquet_free(db, None)
    try:
        result = run.rescore(db)
    except RunInProgress as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=3) from None
    typer.echo(f"scored {result['scored']} statements under scorer version {result['scorer_version']}; "
               + (f"published {result['database']}" if result["published"]
                  else f"nothing to publish: {result['database']} already has every score of this version"))


def publish_command(
    db: Path = DB_OPTION,
    parquet: Optional[Path] = typer.Option(None, "--parquet", metavar="DIR", help="Parquet export folder (default: next to the database)."),
) -> None:
    """Finish a publication a killed or failed run left undone, without reading the inbox: the Parquet export of
    every week changed since the last complete export, then the published database. Any later `tension run`
    does the same; this is for when no run is due.

    Example: tension publish --db data/tension.duckdb
    """
    from tension import run
    from tension.warehouse.publish import RunInProgress

    check_parquet_free(db, parquet)
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
