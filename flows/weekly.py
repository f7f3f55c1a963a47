"""The weekly flow: plan batches -> analyse them in parallel -> store each -> publish -> charts and report.

Task bodies are one library call each and pass paths, dicts and counts, never connections or frames.
The run writes to a private working database and publishes a snapshot for readers at the end
(tension/warehouse/publish.py), so analysts with the published file open are never in the way.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from prefect import flow, get_client, get_run_logger, task
from prefect.runtime import flow_run

# Worker processes import this module to run `analyse`: the modules only the flow process needs (charts and
# report pull in matplotlib and reportlab) are imported where they are used.
from tension import batches, pipeline
from tension.warehouse import publish
from tension.warehouse import store
from tension.config import DEFAULT_DB, DEFAULT_INBOX, DEFAULT_REPORTS


@functools.cache
def _context(pairs_file: str | None) -> pipeline.Context:
    # Built once per worker process: the actor pattern and VADER's lexicon take a moment to load.
    ctx = pipeline.build_context(Path(pairs_file) if pairs_file else None)
    pipeline.settle_collector()
    return ctx


@task(name="prepare-database", retries=2, retry_delay_seconds=2)
def prepare(working: str, pairs_file: str | None, run_id: str, count_once: bool) -> dict:
    """Create tables and views, record pairs, scorer version and the run; what is stored so far."""
    ctx = _context(pairs_file)
    with store.connect(working) as con:
        store.create_schema(con)
        before = store.content_fingerprint(con)
    pipeline.prepare_database(Path(working), ctx)
    with store.connect(working) as con:
        store.set_setting(con, "dedup", "on" if count_once else "off")
        store.start_run(con, run_id, ctx.scorer.version)
        started = con.execute("select cast(now() as timestamp)").fetchone()[0]
        return {"stored": store.stored_files(con), "fingerprint": before, "started": started.isoformat()}


@task(name="plan-batches", retries=2, retry_delay_seconds=2)
def plan(inbox: list[str], batch_size: int, stored: dict[str, tuple[int, int]], workers: int) -> list[dict]:
    """Batches for new or changed input files, a large file in a multiple of `workers` batches."""
    return batches.plan_units([Path(p) for p in inbox], batch_size, stored, workers=workers)


@task(name="analyse-batch", retries=2, retry_delay_seconds=2)
def analyse(unit: dict, staging: str, pairs_file: str | None, fields: dict | None, defaults: dict | None) -> dict:
    """Read, clean, extract and score one batch into staged Parquet (no database)."""
    return batches.analyse_unit(unit, Path(staging), _context(pairs_file), fields, defaults)


@task(name="store-batch", retries=2, retry_delay_seconds=2)
def store_batch(staged: dict, working: str) -> dict:
    """Insert one staged batch into the working database in one transaction, its documents with their
    near-duplicate clusters."""
    return batches.store_unit(store.writer(working), Path(staged["unit_dir"]))


@task(name="finish-run")
def finish(working: str, files: list[tuple[str, int, int]], run_id: str, totals: dict, pairs_file: str | None,
           before: tuple, started: str) -> dict:
    """Score older statements under the current scorer, cluster near-duplicates, record files and the run;
    say whether anything changed and which weeks."""
    from tension.warehouse import aggregate
    from tension.warehouse import dedup
    from tension.warehouse import rescore

    with store.connect(working) as con:
        rescored = rescore.rescore_missing(con, _context(pairs_file).scorer)
        dedup.assign_clusters(con)  # documents stored by older versions without a cluster, if any
        store.mark_files_stored(con, files)
        store.finish_run(con, run_id, totals, "completed")
        changed = store.content_fingerprint(con) != tuple(before)
        weeks = None if rescored else store.weeks_ingested_since(con, started)
    aggregate.refresh(Path(working))  # the published copy carries the weekly sums, recomputed where changed
    return {"summary": aggregate.latest_summary(Path(working)), "changed": changed, "weeks": weeks}


@task(name="export-parquet", retries=2, retry_delay_seconds=2)
def export(working: str, parquet_dir: str, weeks: list[str] | None) -> str:
    """Statements and scores as Parquet partitioned by ISO week (only the weeks that changed)."""
    return str(publish.export_parquet(Path(working), Path(parquet_dir), weeks))


@task(name="publish-snapshot", retries=2, retry_delay_seconds=2)
def publish_snapshot(db: str) -> str:
    """Atomically replace the published database with the working copy."""
    return str(publish.publish(publish.Workspace(Path(db))))


@task(name="charts-and-report")
def write_report(db: str, reports: str, week: str | None) -> str:
    """Charts per pair and the PDF report for the week, from the published snapshot."""
    from tension.reporting import report

    return str(report.build_report(Path(db), Path(reports), week))


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


def _store_all(staged: list, units: list[dict], working: str, run_id: str, pairs_file: str | None,
               state: dict) -> tuple[dict, dict, list, dict]:
    """Store each analysed batch as it arrives, in order; then finish the run."""
    logger = get_run_logger()
    totals = {"documents_seen": 0, "documents_new": 0, "documents_rejected": 0, "statements_added": 0}
    rejections: list[tuple[str, str, str]] = []
    timings: dict[str, float] = {}
    try:
        for number, future in enumerate(staged, start=1):
            analysed = future.result()
            for stage, seconds in analysed.get("timings", {}).items():
                timings[stage] = timings.get(stage, 0.0) + seconds
            started = time.perf_counter()
            counts = store_batch(analysed, working)
            timings["store"] = timings.get("store", 0.0) + time.perf_counter() - started
            for key in totals:
                totals[key] += counts[key]
            rejections.extend(counts["rejections"])
            logger.info("batch %d/%d stored: %d new documents, %d statements", number, len(units),
                        counts["documents_new"], counts["statements_added"])
    finally:
        store.close_writer(working)
    timings["stored_by"] = time.perf_counter() - state["clock"]
    started = time.perf_counter()
    outcome = finish(working, batches.unit_files(units), run_id, totals, pairs_file, state["fingerprint"],
                     state["started"])
    timings["aggregate"] = time.perf_counter() - started
    return outcome, totals, rejections, timings


@flow(name="tension-weekly", log_prints=True)
def tension_flow(
    inbox: list[str] | None = None,
    db: str = str(DEFAULT_DB),
    reports: str = str(DEFAULT_REPORTS),
    week: str | None = None,
    batch_size: int = 2000,
    pairs_file: str | None = None,
    make_report: bool = True,
    parquet_dir: str | None = None,
    fields: dict[str, str] | None = None,
    defaults: dict[str, str] | None = None,
    dedup: bool = True,
    workers: int | None = None,
) -> dict:
    """Run the whole pipeline on an inbox, publish the database and write the report. `workers`: how many tasks
    run at once (default: the CPU count), so that a large file is cut into a multiple of that many batches."""
    logger = get_run_logger()
    workspace = publish.Workspace(Path(db))
    run_id = str(flow_run.get_id() or "local")
    clock = time.perf_counter()  # seconds in the flow body, for `make bench` (Prefect start-up is before this)
    with publish.exclusive_run(workspace):
        working = str(publish.prepare_working_copy(workspace))
        state = {**prepare(working, pairs_file, run_id, dedup), "clock": clock}
        stored = state["stored"]
        units = plan([str(p) for p in (inbox or [str(DEFAULT_INBOX)])], batch_size, stored,
                     workers or os.cpu_count() or 1)
        logger.info("%d batches to analyse (%d files unchanged since last stored)", len(units), len(stored))
        with _api_shared_with_workers():
            staged = [analyse.submit(unit, str(workspace.staging), pairs_file, fields, defaults) for unit in units]
            outcome, totals, rejections, timings = _store_all(staged, units, working, run_id, pairs_file, state)
        parquet_path = Path(parquet_dir or Path(db).parent / "parquet")
        if outcome["changed"] or not Path(db).exists() or not parquet_path.exists():
            started = time.perf_counter()
            parquet = export(working, str(parquet_path), outcome["weeks"])
            timings["export"] = time.perf_counter() - started
            started = time.perf_counter()
            published = publish_snapshot(db)
            timings["publish"] = time.perf_counter() - started
        else:
            logger.info("nothing new: the published database and Parquet export are left as they are")
            parquet, published = str(parquet_path), db
        summary = outcome["summary"]
    report_path = write_report(published, reports, week) if make_report else None
    timings["flow_body"] = time.perf_counter() - clock
    return {**totals, "rejections": rejections, "summary": summary, "report": report_path,
            "database": published, "parquet": parquet, "timings": timings}
