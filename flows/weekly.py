"""The weekly flow: one Prefect task per step of tension.run (prepare -> plan -> analyse each batch in parallel ->
store each -> finish -> publish -> report). What each step does is in tension/run.py; here is only how Prefect
runs them: retries, parallel workers, logging.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from prefect import flow, get_client, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.runtime import flow_run

# Worker processes import this module to run `analyse`: tension.run imports the reporting modules (matplotlib,
# reportlab) only where a report is written.
from tension import run
from tension.config import BATCH_SIZE, DEFAULT_DB, DEFAULT_INBOX, DEFAULT_REPORTS


@task(name="prepare-database", retries=2, retry_delay_seconds=2)
def prepare(working: str, pairs_file: str | None, run_id: str, count_once: bool, actors_file: str | None = None) -> dict:
    """Create tables and views, record pairs, scorer version and the run (what of the configuration changed); what is
    stored so far."""
    with run.interrupts_kept():
        return run.prepare(working, pairs_file, run_id, count_once, actors_file)


@task(name="plan-batches", retries=2, retry_delay_seconds=2)
def plan(inbox: list[str], batch_size: int, stored: dict[str, tuple], workers: int,
         reading: str = "") -> tuple[list[dict], int]:
    """Batches for new or changed input files (or read with other --field/--default options), a large file in a
    multiple of `workers` batches; and how many files were left out as unchanged."""
    return run.plan_counted(inbox, batch_size, stored, workers, reading)


@task(name="analyse-batch", retries=2, retry_delay_seconds=2)
def analyse(batch: dict, staging: str, pairs_file: str | None, fields: dict | None, defaults: dict | None,
            ship: bool = False, actors_file: str | None = None) -> dict:
    """Read, clean, extract and score one batch into staged Parquet (no database); `ship`: through the task
    runner rather than a folder the worker may not see; `actors_file`: an extra actor file (--actors)."""
    return run.analyse(batch, staging, pairs_file, fields, defaults, ship, actors_file)


@task(name="store-batch", retries=2, retry_delay_seconds=2, cache_policy=NONE)
def store(writer: run.Writer, staged: dict) -> dict:
    """Insert one staged batch into the working database in one transaction, its documents with their
    near-duplicate clusters."""
    with run.interrupts_kept():
        return run.store(writer, staged)


@task(name="finish-run")
def finish(working: str, batches: list[dict], run_id: str, totals: dict, pairs_file: str | None, before: tuple,
           started: str, reading: str = "", week: str | None = None, reports: str | None = None,
           actors_file: str | None = None) -> dict:
    """Score older statements under the current scorer, cluster near-duplicates, record files and the run;
    say whether anything changed and which weeks; the summary lines of `week`, the report's; which reports in
    `reports` (None: no report) a late file changed."""
    with run.interrupts_kept():
        return run.finish(working, batches, run_id, totals, pairs_file, before, started, reading=reading, week=week,
                          reports=reports, actors_file=actors_file)


@task(name="publish", retries=2, retry_delay_seconds=2)
def publish(paths: run.Paths, outcome: dict, parquet_dir: str | None) -> dict:
    """Parquet export of the weeks that changed, and the published database atomically replaced."""
    with run.interrupts_kept():
        return run.publish(paths, outcome, parquet_dir)


@task(name="charts-and-report")
def report(db: str, reports: str, week: str | None, rewrite: list[str]) -> dict:
    """Charts per pair and the PDF report for the week, from the published snapshot; the reports of `rewrite`, weeks
    a late file changed, written again."""
    with run.interrupts_kept():
        return run.report(db, reports, week, rewrite=rewrite)


def _workers_share_this_disk() -> bool:
    """Whether this flow's task runner runs tasks on this machine (threads, local processes): then workers stage
    batches in the flow's staging folder; otherwise (Dask, or any runner that may be remote) staged batches come
    back through the task runner, and no folder has to be shared."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    context = FlowRunContext.get()
    return context is None or isinstance(context.task_runner, (ThreadPoolTaskRunner, ProcessPoolTaskRunner))


@contextmanager
def _api_shared_with_workers() -> Iterator[None]:
    """Worker processes report to this flow's API while the block runs.

    Left alone, each worker would start an ephemeral server of its own (seconds each, and their task runs
    would be invisible here). The variable is removed afterwards: the server is gone once the flow ends.
    """
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    with get_client(sync_client=True) as client:
        os.environ["PREFECT_API_URL"] = str(client.api_url).rstrip("/")
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


# As many batches analysed at a time as the plan line says (workers defaults to the CPU count): Prefect's default
# thread pool has no bound, so a run started by a deployment (`tension serve`, a work pool's worker) analysed every
# batch of its inbox at once, and a Ctrl-C or a cancellation waited for all of them. `tension run` sets its own runner.
@flow(name="tension-weekly", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=os.cpu_count() or 1))
def tension_flow(
    inbox: list[str] | None = None,
    db: str = str(DEFAULT_DB),
    reports: str = str(DEFAULT_REPORTS),
    week: str | None = None,
    batch_size: int = BATCH_SIZE,
    pairs_file: str | None = None,
    make_report: bool = True,
    parquet_dir: str | None = None,
    fields: dict[str, str] | None = None,
    defaults: dict[str, str] | None = None,
    dedup: bool = True,
    workers: int | None = None,
    reread: bool = False,
    log_summary: bool = True,
    actors_file: str | None = None,
) -> dict:
    """Run the whole pipeline on an inbox, publish the database and write the report. `workers`: how many tasks
    run at once (default: the CPU count), so that a large file is cut into a multiple of that many batches.
    `reread`: read every input file again, unchanged ones too, so documents an older extractor read are extracted
    again (their statements replaced; documents this extractor read are left as they are). `log_summary`: log the
    lines `tension run` prints (documents, weeks, rejections, the pairs' figures, the report) and end Failed when
    every document read was rejected — for a served or deployed run, whose only output is its log; `tension run`
    prints them itself and passes False. `actors_file`: an extra actor file (`--actors`; every worker must read it at
    the same path, as the pairs file)."""
    logger = get_run_logger()
    run_id = str(flow_run.get_id() or run.new_run_id("local"))
    with run.interrupts_kept(), run.workspace(db) as paths:  # (the working copy's writer opens in this process)
        for found in paths.recovered:
            if found.startswith("run "):
                logger.warning("an earlier run did not finish (%s): this run publishes what it left", found)
            else:  # a whole sentence of its own (publish.recover: the published file is missing)
                logger.warning("%s", found)
        prepared = prepare(str(paths.working), pairs_file, run_id, dedup, actors_file)
        reading = run.reading_signature(fields, defaults)
        batches, skipped = plan([str(p) for p in (inbox or [str(DEFAULT_INBOX)])], batch_size,
                                {} if reread else prepared["stored"], workers or os.cpu_count() or 1, reading)
        logger.info("%s", run.plan_line(batches, skipped, workers or os.cpu_count() or 1))
        totals = None
        with _api_shared_with_workers():
            ship = not _workers_share_this_disk()
            staged = [analyse.submit(batch, str(paths.staging), pairs_file, fields, defaults, ship, actors_file)
                      for batch in batches]
            with run.Writer(paths.working, run_id) as writer:  # one connection for all batches
                for number, future in enumerate(staged, start=1):
                    counts = store(writer, future.result())
                    totals = run.tally(totals, counts)
                    logger.info("batch %d/%d stored: %s, %s", number, len(batches),
                                run.plural(counts["documents_new"], "new document"),
                                run.plural(counts["statements_added"], "statement"))
        totals = totals or run.tally(None, {})
        outcome = finish(str(paths.working), batches, run_id, totals, pairs_file, prepared["fingerprint"],
                         prepared["started"], reading, week, reports if make_report else None, actors_file)
        published = publish(paths, outcome, parquet_dir)
        if not published["published"]:
            logger.info("nothing new: the published database and Parquet export are left as they are")
    written = (report(published["database"], reports, week, outcome["reports_to_rewrite"]) if make_report
               else {"report": None, "report_skipped": None})
    result = {**run.result(prepared, totals, outcome, published, skipped), **written}
    if log_summary:
        log_run_summary(logger, result, db, pairs_file)
    return result


class EveryDocumentRejected(RuntimeError):
    """A served or deployed run read documents and stored none: the flow run ends Failed, as `tension run` exits 5."""


def log_run_summary(logger, result: dict, db: str, pairs_file: str | None) -> None:
    """The lines `tension run` prints, in the flow run's log; raises EveryDocumentRejected (the flow run fails) when
    every document read was rejected, after the lines that say why."""
    lines, every_one_rejected = run.summary_lines(result, db, pairs_file)
    for line in lines:
        logger.info("%s", line)
    if every_one_rejected:
        raise EveryDocumentRejected(f"every document read was rejected ({len(result['rejections'])} rejections, "
                                    "nothing stored): see the reasons logged above")
