"""A statement dated by its text (statements.occurred, issue 15) counts in the week it happened: stored with the
statement, moved into the earlier week by the weekly index, and the incremental refresh recomputes that earlier week
when a later batch brings the late report. Real pipeline (run_local), real DuckDB file; sentences written here."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pandas as pd

from tension import run
from tension.warehouse import store

# ISO 2022-W11 runs Monday 14 March .. Sunday 20 March; 2022-W12 starts Monday 21 March.
FILLER = [{"id": f"f{i}", "day": day, "text": f"Australia said it would hold talks with New Zealand on trade (item {i})."}
          for i, day in enumerate(["2022-02-02", "2022-02-09", "2022-02-16", "2022-02-23", "2022-03-02",
                                   "2022-03-09", "2022-03-23", "2022-03-30"])]
EARLY = [{"id": "w11", "day": "2022-03-16", "text": "North Korea fired artillery shells near a South Korean island."}]
LATE = [{"id": "w12", "day": "2022-03-21",
         "text": "North Korea fired a ballistic missile toward South Korea on Sunday, the South Korean military said."}]
FIELDS = {"text": "text", "published": "day", "id": "id"}


def write(path, lines):
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def pair_week(con, week: str):
    return con.execute("select n_statements, n_hostile, hostile_sum from weekly_index "
                       "where pair_id = 'PRK-KOR' and iso_week = ?", [week]).fetchone()


def snapshot(con):
    return {
        "statements": con.execute("select statement_id, occurred from statements order by 1").fetchall(),
        "cache": con.execute("select * from weekly_sums_cache order by pair_id, week_start").fetchall(),
        "index": con.execute("select iso_week, n_statements, n_hostile, hostile_sum from weekly_index "
                             "where pair_id = 'PRK-KOR' order by 1").fetchall(),
    }


def test_a_late_report_moves_its_statement_into_the_earlier_week_and_rerunning_changes_nothing(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "t.duckdb"
    write(inbox / "a.jsonl", FILLER + EARLY)
    run.run_local([inbox], db, fields=FIELDS)
    with duckdb.connect(str(db), read_only=True) as con:
        before = pair_week(con, "2022-W11")
        assert before[0] == 1  # the artillery of Wednesday
        assert pair_week(con, "2022-W12")[0] == 0

    write(inbox / "b.jsonl", LATE)  # Monday's report of Sunday's launch
    run.run_local([inbox], db, fields=FIELDS)
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("select s.occurred, d.published from statements as s join documents as d using (doc_id) "
                             "where d.external_id = 'w12'").fetchall()
        assert (date(2022, 3, 20), date(2022, 3, 21)) in stored
        refreshed = con.execute("select full_rebuild, weeks_updated from weekly_refresh").fetchone()
        assert refreshed[0] is False  # the incremental path: only the weeks that changed were recomputed
        after = pair_week(con, "2022-W11")
        assert after[0] == before[0] + 1 and after[2] > before[2]  # counted in the week of the launch
        assert pair_week(con, "2022-W12")[0] == 0  # not in the week of the report
        # the cached sums are what a full recomputation gives
        live = con.execute("select * from weekly_sums_live order by pair_id, week_start").df()
        # equal up to the last bits of floating-point sums, whose order DuckDB does not fix (as test_weekly_index)
        pd.testing.assert_frame_equal(con.execute("select * from weekly_sums_cache order by pair_id, week_start").df(),
                                      live)
        # coverage stays by publication: the report is read in W12 (with the filler of 23 March)
        coverage = dict(con.execute("select strftime(period_start, '%G-W%V'), coverage_documents "
                                    "from weekly_coverage").fetchall())
        assert coverage["2022-W11"] == 1 and coverage["2022-W12"] == 2
        # the analyst's rows say both days
        row = con.execute("select published, occurred, effective_date, iso_week from pair_statements "
                          "where occurred is not null").fetchone()
        assert row == (date(2022, 3, 21), date(2022, 3, 20), date(2022, 3, 20), "2022-W11")
        first = snapshot(con)

    write(inbox / "b.jsonl", LATE)  # the same batch again (rewritten: a new mtime)
    run.run_local([inbox], db, fields=FIELDS)
    with duckdb.connect(str(db), read_only=True) as con:
        assert snapshot(con) == first  # no duplicate statement, the same sums


def test_an_older_database_gains_the_column_and_keeps_its_weeks(tmp_path):
    """A statements table created before issue 15 (no occurred column) gets it, NULL, from create_schema."""
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create table statements (statement_id varchar not null, doc_id varchar not null, "
                    "seq integer not null, sentence_index integer not null, char_start integer not null, "
                    "char_end integer not null, content varchar not null, speaker varchar, speaker_actor varchar, "
                    "speaker_country varchar, speaker_role varchar, cue varchar, is_act boolean not null, "
                    "modality varchar not null, attribution varchar not null, targets varchar[] not null)")
        con.execute("insert into statements values ('d:0', 'd', 0, 0, 0, 5, 'fired', 'North Korea', null, 'PRK', "
                    "null, '', true, 'asserted', 'subject', ['KOR'])")
    with store.connect(db) as con:
        store.create_schema(con)
        assert con.execute("select occurred from statements").fetchall() == [(None,)]
        types = dict(con.execute("select column_name, data_type from information_schema.columns "
                                 "where table_name = 'statements'").fetchall())
        assert types["occurred"] == "DATE"


def test_tension_statements_prints_the_day(tmp_path):
    import subprocess
    import sys

    note = tmp_path / "note.md"
    note.write_text("---\npublished: 2022-03-21\n---\n"
                    "North Korea fired a ballistic missile toward South Korea on Sunday, the South Korean military "
                    "said.\n\nSouth Korea condemned North Korea's provocation.\n")
    out = subprocess.run([sys.executable, "-m", "tension.cli", "statements", str(note)], capture_output=True,
                         text=True, check=True)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records and all("occurred" in record for record in records)
    fired = [record for record in records if "fired" in record["content"]]
    assert fired and fired[0]["occurred"] == "2022-03-20" and fired[0]["published"] == "2022-03-21"
    undated = [record for record in records if "fired" not in record["content"]]
    assert undated and all(record["occurred"] is None for record in undated)  # no day named


BACKGROUND = ("The launch was the third this month. Officials in Tokyo said the missile landed outside the exclusive "
              "economic zone of Japan. Analysts expect the Security Council to meet later in the week to discuss the "
              "tests, and ministers from several countries have called for restraint on the peninsula.")
DATED = {"id": "a", "day": "2022-03-21", "text": "North Korea fired a ballistic missile toward South Korea on Sunday, "
         "the South Korean military said. " + BACKGROUND}
# the same story revised the same day: no day named, and one statement more, so it becomes the cluster's representative
REVISED = {"id": "b", "day": "2022-03-21", "text": "North Korea fired a ballistic missile toward South Korea, the South "
           "Korean military said. " + BACKGROUND + " South Korea condemned the provocation by North Korea."}


def test_a_new_representative_takes_the_old_ones_dated_statement_out_of_its_week(tmp_path):
    """The week a statement was dated into is recomputed when its document stops being its cluster's representative
    (weekly_fingerprints counts a document in the weeks its statements are dated into)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "t.duckdb"
    write(inbox / "a.jsonl", FILLER + [DATED])
    run.run_local([inbox], db, fields=FIELDS)
    with duckdb.connect(str(db), read_only=True) as con:
        assert pair_week(con, "2022-W11")[0] == 1  # Sunday's launch, reported on Monday
    write(inbox / "b.jsonl", [REVISED])
    run.run_local([inbox], db, fields=FIELDS)
    with duckdb.connect(str(db), read_only=True) as con:
        clusters = con.execute("select count(distinct coalesce(cluster_id, doc_id)) from documents "
                               "where external_id in ('a', 'b')").fetchone()[0]
        assert clusters == 1  # near-duplicates: one counts
        assert con.execute("select full_rebuild from weekly_refresh").fetchone()[0] is False
        live = con.execute("select * from weekly_sums_live order by pair_id, week_start").df()
        # equal up to the last bits of floating-point sums, whose order DuckDB does not fix (as test_weekly_index)
        pd.testing.assert_frame_equal(con.execute("select * from weekly_sums_cache order by pair_id, week_start").df(),
                                      live)
        assert pair_week(con, "2022-W11")[0] == 0  # the revision names no day: the launch counts in W12 now
        assert pair_week(con, "2022-W12")[0] >= 1
