"""The one orchestration of a run, Prefect-free: prepare -> plan -> analyse (each batch) -> store (each batch) ->
finish -> publish -> report; and rescore.

The weekly flow (flows/weekly.py) makes one Prefect task of each step and runs `analyse` in parallel workers;
`run_local` runs the same steps in this process, in the same order (tests, benchmarks, a machine without Prefect).
Steps pass paths, dicts and counts, never connections or frames, except `store`, which takes the run's `Writer`.
A run writes a private working copy of the database and publishes a snapshot for readers at the end
(tension/warehouse/publish.py), so analysts with the published file open are never in the way.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tension.analyse import Context, analyse_batch, build_context, settle_collector
from tension.config import BATCH_SIZE, load_index_kinds
from tension.config_actors import extra_record, run_extractor_version
from tension.ingest import planning
from tension.ingest.document import printable
from tension.ingest.planning import absolute, batch_files, not_read
from tension.reporting import data as report_data
from tension.reporting import scope as report_scope
from tension.run_config import RunConfig, change_json, change_note, config_change
from tension.run_result import COUNTS, FilesLeftToRetry, result, tally  # noqa: F401 (callers: run.result, ...)
from tension.run_notes import lossy_note, plan_line, plural, story_notes  # noqa: F401 (callers: run.plural, ...)
from tension.score.scorer import Scorer
from tension.warehouse import aggregate, configuration, dedup, load, publish as publication, rescore as rescoring
from tension.warehouse import store as storage
from tension.warehouse.load import Writer
from tension.warehouse.store import interrupts_kept  # noqa: F401 (the flow's tasks run in it)


@functools.cache
def context(pairs_file: str | None = None, actors_file: str | None = None) -> Context:
    """The analysis context of this process, built once (the actor pattern and VADER's lexicon take a moment to
    load): a worker process analyses batch after batch with it. `actors_file`: an extra actor file (--actors)."""
    ctx = build_context(Path(pairs_file) if pairs_file else None, Path(actors_file) if actors_file else None)
    settle_collector()
    return ctx


@dataclass(frozen=True)
class Paths:
    """Where a run writes: the published database, its private working copy and the staged batches."""

    published: Path
    working: Path
    staging: Path
    # What an earlier, killed run left and this run finishes ('run X: crashed while publishing', ...).
    recovered: tuple[str, ...] = ()


@contextmanager
def workspace(db: Path | str) -> Iterator[Paths]:
    """Hold the run lock of the published database `db` for the block and give its working copy (seeded from the
    published snapshot if there is none). Raises publish.RunInProgress if another run holds it."""
    space = publication.Workspace(absolute(db))
    with publication.exclusive_run(space):
        working = publication.prepare_working_copy(space)
        recovered = publication.recover(space)  # an earlier run killed before it published: where it stopped
        yield Paths(space.published, working, space.staging, tuple(recovered))


# --- the steps -------------------------------------------------------------------------------------------------


def prepare(working: Path | str, pairs_file: str | None, run_id: str, count_once: bool = True,
            actors_file: str | None = None, keep_config: bool = False) -> dict:
    """Create tables and views, record pairs, scorer version, the dedup setting and a 'running' runs row with what of
    the configuration changed (and the extra actor file); what is stored so far (files, a fingerprint of the
    content) and when the run started. `keep_config`: the pairs and extra actor file stay the database's (a
    rescore, which reads no file: it put the packaged pairs back, dropping a --pairs file's)."""
    ctx, actors = context(pairs_file, actors_file), extra_record(actors_file)
    with storage.connect(working) as con:
        views_before = storage.get_setting(con, "views_version")
        scorer_before = storage.get_setting(con, "scorer_version")  # another release's: finish() scores again
        storage.create_schema(con)  # (re)creates the views and records this version's views_version
        before = storage.content_fingerprint(con)
        if views_before != storage.views_version():
            # views another version wrote were replaced: the run publishes even when it reads nothing new
            before = (*before, f"views {views_before or 'unversioned'}")
        previous = configuration.previous_config(con)
        kinds = load_index_kinds()
        pairs = list(previous.pairs) if keep_config and previous and previous.pairs else list(ctx.pairs)
        actors = previous.actors if keep_config and previous else actors
        dropped = storage.set_pairs(con, pairs, run_id)
        storage.set_setting(con, "scorer_version", ctx.scorer.version)
        storage.set_setting(con, "dedup", "on" if count_once else "off")
        storage.set_setting(con, "index_kinds", ",".join(kinds))
        storage.start_run(con, run_id, ctx.scorer.version, run_extractor_version(actors_file))
        change = config_change(previous, RunConfig(tuple(pairs), tuple(kinds), actors))
        configuration.record_run_config(con, run_id, change_json(change), actors)
        if note := change_note(change):
            storage.add_run_note(con, run_id, note)
        publication.claim(con, run_id)
        started = con.execute("select cast(now() as timestamp)").fetchone()[0]
        return {"stored": storage.stored_files(con), "fingerprint": before, "started": started.isoformat(),
                "clock": time.time(), "pairs_dropped": dropped, "config_change": change,
                "scorer_before": scorer_before or "", "scorer": ctx.scorer.version}


def reading_signature(fields: dict | None = None, defaults: dict | None = None) -> str:
    """How files are read, as a short hash of the --field and --default options ('' for none): a file stored under
    other options is read again."""
    if not fields and not defaults:
        return ""
    options = json.dumps({"fields": fields or {}, "defaults": defaults or {}}, sort_keys=True)
    return hashlib.sha1(options.encode()).hexdigest()[:12]


def plan(inbox: list[Path | str], batch_size: int, stored: dict[str, tuple] | None = None,
         workers: int = 1, reading: str = "") -> list[dict]:
    """The batches of plan_counted (below)."""
    return plan_counted(inbox, batch_size, stored, workers, reading)[0]


def plan_counted(inbox: list[Path | str], batch_size: int, stored: dict[str, tuple] | None = None,
                 workers: int = 1, reading: str = "") -> tuple[list[dict], int]:
    """The batches for the files that are new or changed since they were stored, and how many files of the inbox were
    left out as unchanged (tension.ingest.planning.plan_batches)."""
    return planning.plan_batches(inbox, batch_size, stored, workers, reading)


def analyse(batch: dict, staging: Path | str, pairs_file: str | None = None, fields: dict | None = None,
            defaults: dict | None = None, ship: bool = False, actors_file: str | None = None) -> dict:
    """Read, clean, extract, score and sign one batch into staged Parquet (no database: runs in the workers).

    `ship`: the worker may not see the flow's disk (a Dask worker on another machine): the batch is staged in a
    folder of the worker's own and its files come back in the result, through the task runner; `store` puts them
    in `staging` on the flow's side."""
    if not ship:
        return analyse_batch(batch, Path(staging), context(pairs_file, actors_file), fields, defaults)
    with tempfile.TemporaryDirectory(prefix="tension-staging-") as local:
        staged = analyse_batch(batch, Path(local), context(pairs_file, actors_file), fields, defaults)
        folder = Path(staged["batch_dir"])
        files = {f.name: f.read_bytes() for f in folder.iterdir()}
    return {**staged, "batch_dir": str(Path(staging) / folder.name), "files": files}


def store(writer: Writer, staged: dict) -> dict:
    """Insert one staged batch in one transaction, its new documents with their near-duplicate clusters; its counts
    and rejections, the seconds per stage of its analysis and of storing it, and when it was stored."""
    started = time.perf_counter()
    if staged.get("files"):  # shipped by a worker that does not share our disk: staged here first
        folder = Path(staged["batch_dir"])
        partial = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        for name, data in staged["files"].items():
            (partial / name).write_bytes(data)
        os.replace(partial, folder)
    counts = load.store_batch(writer, Path(staged["batch_dir"]))
    timings = {**staged.get("timings", {}), "store": time.perf_counter() - started}
    return {**counts, "timings": timings, "stored_at": time.time()}


def finish(working: Path | str, batches: list[dict], run_id: str, totals: dict, pairs_file: str | None,
           before: tuple | list, started: str, scorer: Scorer | None = None, reading: str = "",
           week: str | None = None, reports: Path | str | None = None, actors_file: str | None = None) -> dict:
    """Score older statements under the current scorer, cluster documents stored without one, record the files and
    the run, refresh the weekly sums; say whether anything changed and which weeks. The summary lines are those of
    `week` (the report's week; by default the last complete week). `reports`: the folder the run writes its report
    to (None: it writes none) — a week that received documents late and has a report there is to be written again
    (`reports_to_rewrite`, for report())."""
    clock = time.perf_counter()
    left, gone = not_read(batches, totals.get("rejections", []))
    with storage.connect(working) as con:
        rescored = rescoring.rescore_missing(con, scorer or context(pairs_file).scorer)
        dedup.assign_clusters(con)  # documents stored by older versions without a cluster, if any
        # A file counts as stored only when its documents were stored or rejected for a reason of its own.
        read = [f for f in batch_files(batches) if f[0] not in left and f[0] not in gone]
        storage.mark_files_stored(con, read, reading)
        storage.forget_old_rejections(con, [f[0] for f in read], started)
        if left:  # "not found" is the worker's view, not the file's state: no rejection to show for it
            con.execute(storage.sql("forget_file_rejections"), [left])
        storage.finish_run(con, run_id, totals, "stored")  # 'completed' once published (or nothing to publish)
        if note := lossy_note(totals.get("lossy_decodings", [])):
            storage.add_run_note(con, run_id, note)
        changed = storage.content_fingerprint(con) != tuple(before)
        # Rows deleted (a copy replaced, a document extracted again) may leave weeks no new document is in: the
        # whole export is rewritten then, as after a rescore.
        replaced = (totals.get("documents_replaced") or totals.get("documents_reextracted")
                    or totals.get("documents_corrected"))
        weeks = None if rescored or replaced else storage.weeks_ingested_since(con, started)
        added, last_before = storage.documents_added_by_week(con, started)
        added = new_documents_by_week(added, totals.get("weeks_reextracted", []))
        late = [w for w, _ in added if last_before and w < last_before]
        rewrite = [w for w in late if report_scope.report_file(reports, w).exists()] if reports is not None else None
        for note in story_notes(totals, added, late, rescored, rewrite):
            storage.add_run_note(con, run_id, note)
        version = run_extractor_version(actors_file)  # (an extra actor file's hash in it)
        stale = storage.documents_of_other_extractors(con, version)
        other_actors = configuration.documents_of_other_actor_files(con, version) if stale else 0
        # (their files moved or archived since: --reread cannot read them again, and says which)
        stale_gone = [p for p in storage.files_of_other_extractors(con, version) if not Path(p).exists()] \
            if stale else []
        # Outstanding: rejections of files still there. Those of files deleted since stay in rejected_documents,
        # queryable, but a run stops counting them (an operator who removed the bad files heard of them every week).
        rejections_stored = sum(n for path, n in con.execute(
            "select path, count(*) from rejected_documents group by path").fetchall() if os.path.lexists(path))
    aggregate.refresh(Path(working))  # the published copy carries the weekly sums, recomputed where changed
    summary, summary_week = report_data.summary_and_week(Path(working), week)
    return {"summary": summary, "changed": changed, "weeks": weeks, "weeks_added": added, "late_weeks": late,
            "summary_week": summary_week, "rescored": rescored, "reports_to_rewrite": rewrite or [],
            "run_id": run_id, "left_to_retry": left, "documents_stale": stale, "stale_files_gone": stale_gone,
            "documents_other_actors": other_actors,
            "rejections_stored": rejections_stored,
            "timings": {"aggregate": time.perf_counter() - clock}}


def new_documents_by_week(stored: list[tuple[str, int]], reextracted: list) -> list[tuple[str, int]]:
    """The documents a run stored, by week, less those it extracted again (stored before under an older extractor,
    `--reread`): a week whose documents were only read again received nothing, and is never late."""
    again: dict[str, int] = {}
    for week, n in reextracted:
        again[week] = again.get(week, 0) + int(n)
    return [(week, n - again.get(week, 0)) for week, n in stored if n - again.get(week, 0) > 0]


def publish(paths: Paths, outcome: dict, parquet_dir: Path | str | None = None) -> dict:
    """Export statements and scores as Parquet (every week changed since the last complete export) and atomically
    replace the published database with the working copy — when this run changed something, an earlier run's
    changes or publication are unfinished, or either is missing; else leave both as they are."""
    parquet = publication.parquet_folder(paths.published, parquet_dir)
    space = publication.Workspace(paths.published)
    run_id = outcome["run_id"]
    with storage.connect(paths.working) as con:
        needed = publication.must_publish(con, space, run_id, outcome["changed"], parquet)
    if not needed:
        publication.nothing_to_publish(space, run_id)
        return {"published": False, "database": str(paths.published), "parquet": str(parquet), "timings": {}}
    done = publication.export_and_publish(space, run_id, parquet, full_export=outcome["weeks"] is None)
    return {"published": True, "database": str(paths.published), "parquet": str(parquet),
            "publication_id": done["publication_id"], "timings": done["timings"]}


def report(db: Path | str, reports: Path | str, week: str | None = None, period: str | None = None,
           rewrite: list[str] | tuple[str, ...] = ()) -> dict:
    """Charts per pair and the PDF report for the week (or period), from the published snapshot:
    {"report": its path, "report_skipped": None}, or {"report": None, "report_skipped": why} when there is nothing
    to report (no statement on a configured pair yet, no data in the requested week) — the run itself succeeded.
    `rewrite`: weeks whose report in `reports` a late file changed (finish's `reports_to_rewrite`), written again:
    `reports_rewritten` [[week, path]], and `reports_not_rewritten` [[week, why]] (the earlier file left as it was)."""
    from tension.reporting import report as reporting  # matplotlib and reportlab: only where a report is written
    from tension.reporting.scope import ScopeError

    def build(week: str | None, period: str | None = None) -> tuple[str | None, str | None]:
        try:
            return str(reporting.build_report(Path(db), Path(reports), week, period)), None
        except ScopeError as error:
            return None, str(error)

    written, skipped = build(week, period)
    again, failed = [], []
    for late in rewrite:
        pdf = str(report_scope.report_file(reports, late))
        path, why = (written, None) if pdf == written else build(late)  # the run's own report may be that week's
        if path:
            again.append([late, path])
        else:
            failed.append([late, why])
    return {"report": written, "report_skipped": skipped, "reports_rewritten": again, "reports_not_rewritten": failed}


def summary_lines(result: dict, db: Path | str, pairs_file: str | None) -> tuple[list[str], bool]:
    """The lines `tension run` prints after a run (worded in tension/run_summary.py), for the served flow's log, and
    whether every document read was rejected (the flow run then fails, as `tension run` exits 5)."""
    from tension.run_summary import all_rejected, summary_lines as lines

    return lines(result, db, Path(pairs_file) if pairs_file else None), all_rejected(result)


def run_local(inbox: list[Path | str], db: Path | str, batch_size: int = BATCH_SIZE, pairs_file: str | None = None,
              fields: dict | None = None, defaults: dict | None = None, count_once: bool = True,
              parquet_dir: Path | str | None = None, run_id: str | None = None, workers: int = 1,
              reread: bool = False, reports: Path | str | None = None, week: str | None = None,
              actors_file: str | None = None) -> dict:
    """The whole run in this process, step after step as the flow runs them (the report only with `reports`, the
    folder: that of `week`, by default the last complete week, and those of weeks a late file changed). `reread`: read
    every input file again, unchanged ones too (documents an older extractor read are extracted again)."""
    run_id = run_id or new_run_id("local")
    with workspace(db) as paths:
        prepared = prepare(paths.working, pairs_file, run_id, count_once, actors_file)
        reading = reading_signature(fields, defaults)
        batches, skipped = plan_counted(inbox, batch_size, {} if reread else prepared["stored"], workers, reading)
        totals = None
        with Writer(paths.working, run_id) as writer:  # the run's single writer: one connection for all batches
            for batch in batches:
                totals = tally(totals, store(writer, analyse(batch, paths.staging, pairs_file, fields, defaults,
                                                             actors_file=actors_file)))
        outcome = finish(paths.working, batches, run_id, totals or tally(None, {}), pairs_file, prepared["fingerprint"],
                         prepared["started"], reading=reading, week=week, reports=reports, actors_file=actors_file)
        published = publish(paths, outcome, parquet_dir)
    written = report(published["database"], reports, week, rewrite=outcome["reports_to_rewrite"]) if reports else {}
    return {**result(prepared, totals, outcome, published, skipped), **written}


def rescore(db: Path | str, scorer: Scorer | None = None, parquet_dir: Path | str | None = None,
            run_id: str | None = None) -> dict:
    """Score stored statements under the current scorer (after a lexicon or formula change), without re-ingesting:
    a run of its own (a runs row), the weekly sums refreshed, the whole Parquet export rewritten and the database
    published. `scorer`: another scorer than the packaged one (tests, experiments)."""
    run_id = run_id or new_run_id("rescore")
    with workspace(db) as paths:
        before = _scorer_version(paths.working)  # before prepare(), which sets the packaged scorer's version
        prepared = prepare(paths.working, None, run_id, keep_config=True)
        scorer = scorer or context(None).scorer
        with storage.connect(paths.working) as con:
            storage.set_setting(con, "scorer_version", scorer.version)
            scored = rescoring.rescore_missing(con, scorer)
        outcome = finish(paths.working, [], run_id, {}, None, prepared["fingerprint"], prepared["started"], scorer)
        # Nothing scored and the version unchanged: the published copy is already this; do not rewrite it.
        changed = bool(scored) or before != scorer.version
        published = publish(paths, {**outcome, "changed": changed, "weeks": None if changed else []}, parquet_dir)
    return {"scored": scored, "scorer_version": scorer.version, **result(prepared, None, outcome, published)}


def _scorer_version(database: Path) -> str:
    """The scorer version a database's views read ('' for a database without one yet)."""
    if not Path(database).exists():
        return ""
    with storage.connect(database) as con:
        return storage.get_setting(con, "scorer_version")


def publish_pending(db: Path | str, parquet_dir: Path | str | None = None, run_id: str | None = None) -> dict:
    """Finish what a killed run left unpublished, without reading the inbox (`tension publish`): the Parquet
    export of every week changed since the last complete export and the published snapshot. A run of its own
    (a runs row); nothing happens when everything is published already."""
    run_id = run_id or new_run_id("publish")
    if not publication.Workspace(Path(db)).working.exists():
        raise FileNotFoundError(f"no working copy of {db} to publish: run 'tension run' first")
    with workspace(db) as paths:
        with storage.connect(paths.working) as con:
            storage.start_run(con, run_id, storage.get_setting(con, "scorer_version"))
            publication.claim(con, run_id)  # notes a published file found missing in this run's row
            storage.finish_run(con, run_id, {}, "stored")
        return publish(paths, {"run_id": run_id, "changed": False, "weeks": []}, parquet_dir)


def new_run_id(kind: str) -> str:
    """A runs-table key for a run that Prefect did not start (a flow run uses its own id)."""
    return f"{kind}-{uuid.uuid4().hex[:12]}"
