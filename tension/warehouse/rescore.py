"""Rescore: give stored statements a score under the current scorer version, without re-ingesting anything.

Scores are keyed by (statement, scorer version), so old versions stay for comparison; the views read the
version recorded in settings.scorer_version.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from tension.records import SCHEMAS, score_row
from tension.score.scorer import Scorer
from tension.warehouse.store import registered, sql

CHUNK = 20_000


def rescore_missing(con: duckdb.DuckDBPyConnection, scorer: Scorer, chunk: int = CHUNK) -> int:
    """Score every statement that has no score under `scorer.version`; returns how many were scored."""
    done = 0
    while True:
        rows = con.execute(sql("unscored_statements"), [scorer.version, chunk]).fetchall()
        if not rows:
            return done
        # toward the statement's targets, as the pipeline scores it (tension/analyse.py), so a rescored statement
        # has the score a fresh run would give it under the same version
        scored = [score_row(statement_id, scorer.score(content, modality, targets, speaker_country))
                  for statement_id, content, modality, targets, speaker_country in rows]
        with registered(con, "fresh_scores", pa.Table.from_pylist(scored, schema=SCHEMAS["scores"])):
            con.execute("insert into scores by name select * from fresh_scores")  # only unscored ones
        done += len(rows)
