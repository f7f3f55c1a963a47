"""What a run returns: its totals, step by step (tally), and its result (counts, rejections, summary lines, where it
published, seconds per stage) — or the error of a run whose workers could not read files this process can. Apart
from tension/run.py (the steps) since that module reached 400 lines; run.py re-exports these names.
"""

from __future__ import annotations

import time

from tension.ingest.document import printable


COUNTS = ("documents_seen", "documents_new", "documents_rejected", "statements_added", "documents_clustered",
          "documents_replaced", "documents_reextracted", "documents_corrected", "statements_replaced")


def tally(totals: dict | None, step: dict) -> dict:
    """The run's totals with one step's counts, rejections and seconds per stage added."""
    totals = totals or {**{key: 0 for key in COUNTS}, "rejections": [], "lossy_decodings": [], "timings": {}}
    timings = dict(totals["timings"])
    for stage, seconds in step.get("timings", {}).items():
        timings[stage] = timings.get(stage, 0.0) + seconds
    return {**{key: totals[key] + step.get(key, 0) for key in COUNTS},
            "rejections": totals["rejections"] + list(step.get("rejections", [])), "timings": timings,
            "lossy_decodings": totals.get("lossy_decodings", []) + list(step.get("lossy_decodings", [])),
            "weeks_reextracted": totals.get("weeks_reextracted", []) + list(step.get("weeks_reextracted", [])),
            "stored_at": step.get("stored_at", totals.get("stored_at"))}


class FilesLeftToRetry(RuntimeError):
    """Files this process can read that the workers could not: the run fails, and the next one reads them."""


def result(prepared: dict, totals: dict | None, outcome: dict, published: dict,
           files_unchanged: int = 0) -> dict:
    """What a run returns: counts, rejections, the summary lines, where it published, how many inbox files it left
    out as unchanged, and seconds per stage (`stored_by`: from the first step to the last batch stored). Raises FilesLeftToRetry, once the rest is
    published, when workers could not read files that are there."""
    if left := outcome.get("left_to_retry"):
        raise FilesLeftToRetry(
            f"{len(left)} file(s) could not be read by the workers, though this process can read them: "
            + ", ".join(printable(p) for p in left[:10]) + ("..." if len(left) > 10 else "")
            + ". They are not recorded as stored: the next run reads them again. On a cluster, every worker must "
            "see the inbox at the same absolute path.")
    totals = totals or tally(None, {})
    timings = {**totals["timings"], **outcome.get("timings", {}), **published.get("timings", {})}
    timings["stored_by"] = (totals.get("stored_at") or time.time()) - prepared["clock"]
    timings["flow_body"] = time.time() - prepared["clock"]
    return {**{key: totals[key] for key in COUNTS}, "rejections": totals["rejections"],
            "documents_stale": outcome.get("documents_stale", 0),
            "documents_other_actors": outcome.get("documents_other_actors", 0),
            "stale_files_gone": outcome.get("stale_files_gone", []),
            "summary": outcome["summary"],
            "rejections_stored": outcome.get("rejections_stored", 0), "files_unchanged": files_unchanged,
            "pairs_dropped": prepared.get("pairs_dropped", []), "config_change": prepared.get("config_change", {}),
            "weeks_added": outcome.get("weeks_added", []), "late_weeks": outcome.get("late_weeks", []),
            "summary_week": outcome.get("summary_week"),
            "rescored": outcome.get("rescored", 0), "scorer_before": prepared.get("scorer_before", ""),
            "scorer_now": prepared.get("scorer", ""),
            "database": published["database"], "parquet": published["parquet"],
            "published": published["published"], "timings": timings}
