"""The same corpus gives the same statements, run after run and however it is cut into batches (an engineer once saw
two runs of one corpus differ; a run must not depend on timing or on which documents share a batch)."""
from __future__ import annotations

import json

import duckdb
import pytest

from conftest import shared_file
from tension import run

KCNA = "kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl"
FIELDS = {"text": "story", "published": "date"}
DEFAULTS = {"speaker": "KCNA", "source": "KCNA"}

pytestmark = pytest.mark.slow


def _statements(db) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select s.statement_id, speaker, speaker_kind, speaker_country, "
                           "array_to_string(list_sort(targets), ','), round(c.hostility, 6) "
                           "from statements s join scores c using (statement_id) order by 1").fetchall()


def test_two_runs_and_two_batchings_give_the_same_statements(tmp_path):
    source = shared_file(KCNA)
    with source.open(encoding="utf-8") as fh:
        lines = [json.dumps(json.loads(line)) for line, _ in zip(fh, range(240))]
    results = []
    # the third run reads the stories in the reverse order, in one batch: no state may carry from one document to
    # the next (a cache keyed on something other than the text, a walk that outlives its document)
    for name, batch_size, order in (("a", 60, lines), ("b", 60, lines), ("c", 240, lines[::-1])):
        inbox = tmp_path / name / "inbox"
        inbox.mkdir(parents=True)
        (inbox / "kcna_part.jsonl").write_text("\n".join(order) + "\n", encoding="utf-8")
        db = tmp_path / name / "tension.duckdb"
        run.run_local([inbox], db, batch_size=batch_size, fields=FIELDS, defaults=DEFAULTS, workers=2)
        results.append(_statements(db))
    assert len(results[0]) > 500
    assert results[0] == results[1], "two runs of the same corpus differ"
    assert results[0] == results[2], "another order or batching of the same documents changes the statements"
