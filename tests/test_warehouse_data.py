"""Data tests on the warehouse after a real run of the seeds, in the spirit of dbt's: keys unique and not null,
relationships between tables hold, values within their accepted sets and ranges."""

from __future__ import annotations

import pytest

from tension.score.scorer import MODALITY_FACTORS
from tension.warehouse import store

UNIQUE = {
    "documents": "doc_id",
    "statements": "statement_id",
    "scores": "statement_id, scorer_version",
    "rejected_documents": "path, item",
    "runs": "run_id",
    "pairs": "pair_id",
    "statement_scores": "statement_id",
}
NOT_NULL = {
    "documents": ["doc_id", "published", "body", "n_statements", "cluster_id"],
    "statements": ["statement_id", "doc_id", "seq", "content", "modality", "is_act", "attribution", "targets"],
    "scores": ["statement_id", "scorer_version", "hostility", "explanation"],
    "statement_scores": ["statement_id", "doc_id", "hostility", "iso_week"],
}
# child table, child column, parent table, parent column
RELATIONSHIPS = [
    ("statements", "doc_id", "documents", "doc_id"),
    ("scores", "statement_id", "statements", "statement_id"),
    ("statements", "statement_id", "scores", "statement_id"),  # every statement is scored
    ("documents", "cluster_id", "documents", "doc_id"),  # a cluster is named by one of its members
    ("document_bands", "doc_id", "documents", "doc_id"),
]

# The ten kinds of voice (docs/labelling-guideline.md "speaker_kind"; opposition since session 10).
SPEAKER_KINDS = {"government", "military", "state_media", "party_legislature", "opposition", "civic", "media",
                 "academic", "diaspora_foreign", "people"}


@pytest.fixture(scope="module")
def con(seed_run):
    with store.connect(seed_run["database"], read_only=True) as connection:
        yield connection


def test_the_run_stored_something(con):
    assert con.execute("select count(*) from statements").fetchone()[0] > 10


@pytest.mark.parametrize(("table", "key"), UNIQUE.items())
def test_keys_are_unique(con, table, key):
    duplicates = con.execute(f"select {key}, count(*) from {table} group by all having count(*) > 1").fetchall()
    assert duplicates == []


@pytest.mark.parametrize(("table", "column"), [(t, c) for t, columns in NOT_NULL.items() for c in columns])
def test_keys_and_required_columns_are_not_null(con, table, column):
    assert con.execute(f"select count(*) from {table} where {column} is null").fetchone()[0] == 0


@pytest.mark.parametrize(("child", "column", "parent", "key"), RELATIONSHIPS)
def test_relationships(con, child, column, parent, key):
    orphans = con.execute(f"select count(*) from {child} where {column} is not null and {column} not in "
                          f"(select {key} from {parent})").fetchone()[0]
    assert orphans == 0


def test_statement_ids_are_document_and_position(con):
    assert con.execute("select count(*) from statements where statement_id <> doc_id || ':' || seq").fetchone()[0] == 0


def test_modality_values_are_accepted(con):
    found = {r[0] for r in con.execute("select distinct modality from statements").fetchall()}
    assert found and found <= set(MODALITY_FACTORS)


def test_every_statement_has_an_accepted_speaker_kind(con):
    assert con.execute("select count(*) from statements where speaker_kind is null").fetchone()[0] == 0
    found = {r[0] for r in con.execute("select distinct speaker_kind from statements").fetchall()}
    assert found and found <= SPEAKER_KINDS


@pytest.mark.parametrize("table", ["scores", "statement_scores"])
def test_hostility_is_within_minus_one_and_one(con, table):
    low, high = con.execute(f"select min(hostility), max(hostility) from {table}").fetchone()
    assert -1.0 <= low <= high <= 1.0


def test_scores_follow_the_current_scorer(con):
    version = con.execute("select value from settings where key = 'scorer_version'").fetchone()[0]
    assert {r[0] for r in con.execute("select distinct scorer_version from scores").fetchall()} == {version}


def test_targets_are_countries_other_than_the_speakers(con):
    assert con.execute("select count(*) from statements where list_contains(targets, speaker_country)"
                       ).fetchone()[0] == 0
    assert con.execute("select count(*) from (select unnest(targets) as t from statements) where length(t) <> 3"
                       ).fetchone()[0] == 0


def test_the_run_is_recorded_with_its_counts(con):
    runs = con.execute("select status, documents_new, statements_added from runs").fetchall()
    statements = con.execute("select count(*) from statements").fetchone()[0]
    assert runs == [("completed", con.execute("select count(*) from documents").fetchone()[0], statements)]
