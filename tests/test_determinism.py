"""The same corpus gives the same statements, run after run and however it is cut into batches (an engineer once saw
two runs of one corpus differ; a run must not depend on timing or on which documents share a batch)."""
from __future__ import annotations

import itertools
import json
import math

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


def _documents_and_index(db) -> tuple[list[tuple], list[tuple]]:
    """Which copy of each text is kept (its date), its cluster, and the weekly index (its values compared by _same:
    DuckDB's parallel sums differ in the last bits from run to run)."""
    with duckdb.connect(str(db), read_only=True) as con:
        documents = con.execute("select doc_id, published, cluster_id from documents order by 1").fetchall()
        index = con.execute("select pair_id, iso_week, n_statements, n_documents, coverage_documents, "
                            "index_value, intensity from weekly_index order by 1, 2").fetchall()
    return documents, index


def _same(one: tuple[list[tuple], list[tuple]], other: tuple[list[tuple], list[tuple]]) -> bool:
    """Documents equal; the index's counts equal and its values equal to 1e-9 (not rounded: rounding still flips on a
    last-bit difference)."""
    if one[0] != other[0] or len(one[1]) != len(other[1]):
        return False
    return all(a[:5] == b[:5] and all(x is None and y is None or x is not None and y is not None and
                                      math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9) for x, y in zip(a[5:], b[5:]))
               for a, b in zip(one[1], other[1]))


def test_two_runs_and_two_batchings_give_the_same_statements(tmp_path):
    source = shared_file(KCNA)
    with source.open(encoding="utf-8") as fh:
        # 240 stories from the 2,101st: they hold three of the file's four texts published again on a later day
        lines = [json.dumps(json.loads(line)) for line in itertools.islice(fh, 2100, 2340)]
    results, views = [], []
    # the third run reads the stories in the reverse order, in one batch: no state may carry from one document to
    # the next (a cache keyed on something other than the text, a walk that outlives its document)
    for name, batch_size, order in (("a", 60, lines), ("b", 60, lines), ("c", 240, lines[::-1])):
        inbox = tmp_path / name / "inbox"
        inbox.mkdir(parents=True)
        (inbox / "kcna_part.jsonl").write_text("\n".join(order) + "\n", encoding="utf-8")
        db = tmp_path / name / "tension.duckdb"
        run.run_local([inbox], db, batch_size=batch_size, fields=FIELDS, defaults=DEFAULTS, workers=2)
        results.append(_statements(db))
        views.append(_documents_and_index(db))
    assert len(results[0]) > 500
    assert results[0] == results[1], "two runs of the same corpus differ"
    assert results[0] == results[2], "another order or batching of the same documents changes the statements"
    # KCNA repeats stories word for word weeks apart (one doc_id): the first publication is kept, whichever copy the
    # run meets first; before that rule the reverse order kept the later copies and moved their weeks
    assert _same(views[0], views[1]), "two runs of the same corpus keep different documents or index"
    assert _same(views[0], views[2]), "another order or batching of the same documents changes the documents or index"
