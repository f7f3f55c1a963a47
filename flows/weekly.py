"""The weekly flow: ingest -> extract/score -> store (per batch) -> aggregate -> charts and report.

Task bodies are one library call each and pass paths and counts, never connections or frames.
"""

from __future__ import annotations

import functools
from pathlib import Path

from prefect import flow, get_run_logger, task

from tension import aggregate, pipeline, report
from tension.config import DEFAULT_DB, DEFAULT_INBOX, DEFAULT_REPORTS


@functools.cache
def _context(pairs_file: str | None) -> pipeline.Context:
    # Built once per worker process: the actor pattern and VADER's lexicon take a moment to load.
    return pipeline.build_context(Path(pairs_file) if pairs_file else None)


@task(name="prepare-database")
def prepare(db: str, pairs_file: str | None) -> None:
    """Create tables and views; record pairs and scorer version."""
    pipeline.prepare_database(Path(db), _context(pairs_file))


@task(name="process-batch", retries=2, retry_delay_seconds=5)
def process(batch: list[str], db: str, pairs_file: str | None) -> dict:
    """Ingest, extract, score and store one batch of input files in one transaction."""
    result = pipeline.process_batch(batch, Path(db), _context(pairs_file))
    return {
        "documents_seen": result.documents_seen,
        "documents_new": result.documents_new,
        "documents_rejected": result.documents_rejected,
        "statements_added": result.statements_added,
        "rejections": [(r.path, r.item, r.reason) for r in result.rejections],
    }


@task(name="aggregate")
def summarise(db: str) -> list[str]:
    """The weekly index's latest week per pair."""
    return aggregate.latest_summary(Path(db))


@task(name="charts-and-report")
def write_report(db: str, reports: str, week: str | None) -> str:
    """Charts per pair and the PDF report for the week."""
    return str(report.build_report(Path(db), Path(reports), week))


@flow(name="tension-weekly", log_prints=True)
def tension_flow(
    inbox: list[str] | None = None,
    db: str = str(DEFAULT_DB),
    reports: str = str(DEFAULT_REPORTS),
    week: str | None = None,
    batch_size: int = 200,
    pairs_file: str | None = None,
    make_report: bool = True,
) -> dict:
    """Run the whole pipeline on an inbox and write the report; returns counts and the report path."""
    logger = get_run_logger()
    prepare(db, pairs_file)
    batches = pipeline.plan_batches([Path(p) for p in (inbox or [str(DEFAULT_INBOX)])], batch_size)
    totals = {"documents_seen": 0, "documents_new": 0, "documents_rejected": 0, "statements_added": 0}
    rejections: list[tuple[str, str, str]] = []
    for number, batch in enumerate(batches, start=1):
        counts = process(batch, db, pairs_file)
        for key in totals:
            totals[key] += counts[key]
        rejections.extend(counts["rejections"])
        logger.info("batch %d/%d: %d new documents, %d statements", number, len(batches),
                    counts["documents_new"], counts["statements_added"])
    summary = summarise(db)
    report_path = write_report(db, reports, week) if make_report else None
    return {**totals, "rejections": rejections, "summary": summary, "report": report_path}
