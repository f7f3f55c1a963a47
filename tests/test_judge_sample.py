"""evaluation.judge_sample: the issue's seed-42 sample drawn the same way every time, and a judge's file tallied.

The draw runs on the seed's real run (its pair statements; fewer than 40, so the reservoir holds all of them); the tally
reads the committed judge files of evaluation/labels/rejudge/ (judgements and statement ids, no corpus text)."""
from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from evaluation import judge_sample

REJUDGE = Path(judge_sample.__file__).resolve().parent / "labels" / "rejudge"


def read_sheet(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))


def test_the_sheet_holds_the_sampled_state_voice_rows_with_empty_judgement_columns(seed_run, tmp_path) -> None:
    db = seed_run["database"]
    out = tmp_path / "sheet.tsv"
    assert judge_sample.main(["draw", "--db", str(db), "--corpus", "seed", "--out", str(out)]) == 0
    rows = read_sheet(out)
    with duckdb.connect(str(db), read_only=True) as con:
        counted = [r[0] for r in con.execute("select statement_id from pair_statements where counts_in_index")
                   .fetchall()]
    # a row per statement and pair (a statement bearing on two pairs is two rows, as in the judges' files)
    assert rows and len(rows) == min(judge_sample.ROWS, len(counted))
    assert {r["statement_id"] for r in rows} <= set(counted)
    assert list(rows[0])[: 1 + len(judge_sample.SAMPLE_COLUMNS)] == ["corpus", *judge_sample.SAMPLE_COLUMNS]
    assert all(r["corpus"] == "seed" and all(r[c] == "" for c in judge_sample.JUDGE_COLUMNS) for r in rows)
    # the same database gives the same sheet: the sample is repeatable
    again = tmp_path / "again.tsv"
    judge_sample.main(["draw", "--db", str(db), "--corpus", "seed", "--out", str(again)])
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_the_tally_gives_the_issues_table_from_judge_ns_file() -> None:
    table = judge_sample.tally(REJUDGE / "37996d1_judge_n.tsv")
    # the figures recorded for judge N (evaluation/labels/rejudge/README.md): all four without kind 21 and 30,
    # all five 19 and 27 of 40
    assert table["kcna"]["all four right (incl. hostility sign)"] == (21, 40)
    assert table["yonhap"]["all four right (incl. hostility sign)"] == (30, 40)
    assert table["kcna"]["all five (with speaker kind)"] == (19, 40)
    assert table["yonhap"]["all five (with speaker kind)"] == (27, 40)


def test_a_file_without_the_judgement_columns_is_refused_with_what_is_missing(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("corpus\tstatement_id\tcountry_ok\nkcna\tab:1\t1\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        judge_sample.main(["tally", str(bad)])
    assert "no column direction_ok" in capsys.readouterr().err


def test_a_missing_database_is_refused_with_how_to_build_one(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        judge_sample.main(["draw", "--db", str(tmp_path / "none.duckdb"), "--corpus", "kcna",
                           "--out", str(tmp_path / "s.tsv")])
    assert "tension run" in capsys.readouterr().err
