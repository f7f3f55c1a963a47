"""Two copies of one text (one doc_id) published on different days: the database keeps the first published, whatever
order the copies arrive in — in one batch or in two, whichever batch is stored first (parallel batches finish in
any order; before this rule the copy stored first won, so two runs of one corpus could put a text in different
weeks). Real files, real DuckDB, the whole run in this process."""
from __future__ import annotations

import json

import duckdb

from tension import run
from tension.ingest.document import document_id

TEXT = ("North Korea's foreign ministry said the South Korean military drills are a rehearsal for an invasion and "
        "warned of a merciless response.")
OTHER = "Russia and South Korea agreed to resume talks on fisheries, the Russian embassy in Seoul said."


def _write(folder, name, rows):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _kept(db):
    with duckdb.connect(str(db), read_only=True) as con:
        doc = con.execute("select published, external_id from documents where doc_id = ?",
                          [document_id(TEXT)]).fetchall()
        statements = con.execute("select statement_id, speaker, array_to_string(targets, ',') from statements "
                                 "order by 1").fetchall()
        weeks = con.execute("select pair_id, iso_week, n_statements from weekly_index order by all").fetchall()
    return doc, statements, weeks


LATE = {"id": "late", "text": TEXT, "published": "2012-01-27"}
EARLY = {"id": "early", "text": TEXT, "published": "2012-01-01"}
FILLER = {"id": "other", "text": OTHER, "published": "2012-01-10"}


def test_the_first_publication_is_kept_across_batches_in_either_order(tmp_path):
    kept = []
    for name, first, second in (("late_first", LATE, EARLY), ("early_first", EARLY, LATE)):
        inbox = tmp_path / name / "inbox"
        _write(inbox, "1.jsonl", [first, FILLER])  # files are planned in name order, one document a batch
        _write(inbox, "2.jsonl", [second])
        db = tmp_path / name / "t.duckdb"
        result = run.run_local([inbox], db, batch_size=1)
        assert result["documents_replaced"] == (1 if first is LATE else 0)
        kept.append(_kept(db))
        again = run.run_local([inbox], db, batch_size=1)  # a re-run adds and replaces nothing
        assert again["documents_new"] == 0 and again["documents_replaced"] == 0
        assert _kept(db) == kept[-1]
    assert kept[0][0] == [(__import__("datetime").date(2012, 1, 1), "early")]
    assert kept[0] == kept[1]
    assert any(week == "2011-W52" for _, week, _ in kept[0][2])  # 2012-01-01 is a Sunday of ISO 2011-W52
    assert not any(week == "2012-W04" for _, week, _ in kept[0][2])  # the late copy's week holds nothing


def test_the_first_publication_is_kept_within_one_batch(tmp_path):
    kept = []
    for name, rows in (("late_first", [LATE, FILLER, EARLY]), ("early_first", [EARLY, FILLER, LATE])):
        inbox = tmp_path / name / "inbox"
        _write(inbox, "all.jsonl", rows)
        db = tmp_path / name / "t.duckdb"
        result = run.run_local([inbox], db, batch_size=10)
        assert result["documents_new"] == 2 and result["documents_replaced"] == 0
        kept.append(_kept(db))
    assert kept[0][0][0][1] == "early"
    assert kept[0] == kept[1]
