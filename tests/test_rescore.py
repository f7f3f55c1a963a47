"""Rescoring after a lexicon change: no re-ingest, old versions kept, the views follow the new version."""

from __future__ import annotations

import shutil
from dataclasses import replace

import duckdb

from tension import run
from tension.warehouse import store
from tension.warehouse.rescore import rescore_missing
from tension.score.scorer import Scorer, load_cues

from conftest import SEEDS


def test_rescore_gives_every_statement_a_score_under_the_new_version(ctx, tmp_path):
    db = tmp_path / "t.duckdb"
    run.run_local([SEEDS], db)
    cues = load_cues()
    changed = Scorer([replace(cues[0], weight=cues[0].weight / 2), *cues[1:]])
    assert changed.version != ctx.scorer.version
    with store.connect(db) as con:
        store.set_setting(con, "scorer_version", changed.version)  # the views now read the new version: nothing
        # is scored under it yet
        n_statements = con.execute("select count(*) from statements").fetchone()[0]
        assert con.execute("select count(*) from statement_scores").fetchone()[0] == 0
        assert rescore_missing(con, changed, chunk=5) == n_statements
        assert rescore_missing(con, changed) == 0
        versions = dict(con.execute("select scorer_version, count(*) from scores group by 1").fetchall())
        assert versions == {ctx.scorer.version: n_statements, changed.version: n_statements}
        assert con.execute("select count(*) from statement_scores").fetchone()[0] == n_statements


def test_rescore_gives_the_score_a_run_stored(ctx, seed_run, tmp_path):
    """Rescored under the same scorer, every statement gets the score the run stored: scored toward its targets and
    speaker country as the pipeline scores it (a cue aimed at a third country counts 0), not its text alone."""
    db = tmp_path / "t.duckdb"
    shutil.copy(seed_run["database"], db)
    with store.connect(db) as con:
        stored = dict(con.execute("select statement_id, hostility from scores where scorer_version = ?",
                                  [ctx.scorer.version]).fetchall())
        con.execute("delete from scores")
        assert rescore_missing(con, ctx.scorer) == len(stored)
        again = dict(con.execute("select statement_id, hostility from scores").fetchall())
        undirected = {statement_id: ctx.scorer.score(content, modality).hostility for statement_id, content, modality
                      in con.execute("select statement_id, content, modality from statements").fetchall()}
    assert again == stored
    assert undirected != stored  # the seed has a statement whose score depends on its targets


def test_run_rescore_publishes_the_new_version_everywhere(ctx, seed_run, tmp_path):
    db = tmp_path / "t.duckdb"
    shutil.copy(seed_run["database"], db)
    cues = load_cues()
    changed = Scorer([replace(cues[0], weight=cues[0].weight / 2), *cues[1:]])
    result = run.rescore(db, scorer=changed)
    with store.connect(db, read_only=True) as con:
        n_statements = con.execute("select count(*) from statements").fetchone()[0]
        assert result["scored"] == n_statements and result["scorer_version"] == changed.version
        assert con.execute("select value from settings where key = 'scorer_version'").fetchone()[0] == changed.version
        assert con.execute("select count(*) from statement_scores where scorer_version = ?",
                           [changed.version]).fetchone()[0] == n_statements
        latest = con.execute("select status, documents_new from runs order by started_at desc limit 1").fetchone()
    assert latest == ("completed", 0)
    exported = duckdb.connect().execute(
        f"select distinct scorer_version from read_parquet('{result['parquet']}/**/*.parquet')").fetchall()
    assert exported == [(changed.version,)]
    # Again with the same scorer: nothing to score, nothing republished (the published file is left as it is).
    before = db.stat().st_mtime_ns
    again = run.rescore(db, scorer=changed)
    assert again["scored"] == 0 and not again["published"]
    assert db.stat().st_mtime_ns == before


def test_rescore_gives_a_cut_lead_its_headlines_score_as_a_run_does(ctx, tmp_path):
    """A lead the feed cut before its end takes its headline statement's score in a run (tension/score/cut_lead.py);
    rescoring scores a document's statements together, so the rescored lead gets the same score, not its text's."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "cut.txt").write_text(
        "---\npublished: 2023-04-20\n---\nZakharova condemns Seoul's arms supplies to Kiev as hostile\n\n"
        "Russian Foreign Ministry spokeswoman Maria Zakharova said the decision of South Korea to sen",
        encoding="utf-8")
    db = tmp_path / "t.duckdb"
    run.run_local([inbox], db)
    with store.connect(db) as con:
        stored = dict(con.execute("select statement_id, hostility from scores where scorer_version = ?",
                                  [ctx.scorer.version]).fetchall())
        notes = [row[0] for row in con.execute("select explanation from scores").fetchall()
                 if "cut lead" in row[0]]
        assert notes, "the run scored the cut lead with its headline"
        con.execute("delete from scores")
        assert rescore_missing(con, ctx.scorer, chunk=1) == len(stored)
        again = dict(con.execute("select statement_id, hostility from scores").fetchall())
        assert len([row for row in con.execute("select explanation from scores").fetchall()
                    if "cut lead" in row[0]]) == len(notes)
    assert again == stored
