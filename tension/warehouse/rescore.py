"""Rescore: give stored statements a score under the current scorer version, without re-ingesting anything.

Scores are keyed by (statement, scorer version), so old versions stay for comparison; the views read the
version recorded in settings.scorer_version.
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

import duckdb
import pyarrow as pa

from tension.records import SCHEMAS, score_row
from tension.score.cut_lead import score_document
from tension.score.scorer import Scorer
from tension.warehouse.store import registered, sql

CHUNK = 5_000  # documents per round (about 10 statements each in KCNA)


class Stored(NamedTuple):
    """What scoring reads of a stored statement (tension/score/cut_lead.py, score_document)."""

    content: str
    modality: str
    targets: list[str]
    speaker_country: str | None
    sentence_index: int
    sentence: str


def rescore_missing(con: duckdb.DuckDBPyConnection, scorer: Scorer, chunk: int = CHUNK) -> int:
    """Score every statement that has no score under `scorer.version`; returns how many were scored. Whole documents
    at a time (`chunk` of them), as the pipeline scores a document's statements (a cut lead takes its headline's)."""
    done = 0
    while True:
        rows = con.execute(sql("unscored_statements"), [scorer.version, chunk, scorer.version]).fetchall()
        if not rows:
            return done
        # as the pipeline scores a document's statements (score_document), so a rescored statement has the score a
        # fresh run would give it under the same version
        scored = []
        for _, group in groupby(rows, key=itemgetter(5)):
            group = list(group)
            found = [Stored(content, modality, targets, speaker_country, sentence_index, sentence or "")
                     for _, content, modality, targets, speaker_country, _, sentence_index, sentence, _ in group]
            scored += [score_row(row[0], score) for row, score in zip(group, score_document(scorer, found))
                       if not row[8]]
        with registered(con, "fresh_scores", pa.Table.from_pylist(scored, schema=SCHEMAS["scores"])):
            con.execute("insert into scores by name select * from fresh_scores")  # only unscored ones
        done += len(scored)
