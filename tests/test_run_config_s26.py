"""A change of configuration between two runs on one database is said and kept (session 25's Japan-desk analyst,
findings 12 and 13: a kind of voice added to tension/data/index_kinds.tsv moved DPRK–ROK 2026-W01 from 63 to 67
state-voice statements, and pairs dropped and added again, with no word from the run nor from `tension runs`).
Real runs, real DuckDB, real VADER; texts written for the test."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from typer.testing import CliRunner

from tension import run
from tension.cli import app
from tension.config import INDEX_KINDS_FILE, load_index_kinds
from tension.run_summary import summary_lines
from tension.warehouse import store

TEXT = ("North Korea fired two ballistic missiles into the East Sea on Tuesday, South Korea's Joint Chiefs of Staff "
        "said, calling the launch a grave provocation.")
FIELDS = {"text": "story", "published": "date"}


def inbox(tmp_path: Path, name: str = "a.jsonl", day: str = "2025-11-12") -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(json.dumps({"story": TEXT, "date": day}) + "\n", encoding="utf-8")
    return folder


def pairs_file(tmp_path: Path, *extra: str) -> Path:
    path = tmp_path / "pairs.tsv"
    packaged = (Path(run.__file__).parent / "data" / "pairs.tsv").read_text(encoding="utf-8")
    path.write_text(packaged.rstrip("\n") + "".join(f"\n{line}" for line in extra) + "\n", encoding="utf-8")
    return path


def run_rows(db: Path) -> list[tuple]:
    with store.connect(db, read_only=True) as con:
        return con.execute("select config_change, note from runs order by started_at").fetchall()


def test_pairs_added_and_removed_are_said_by_the_run_and_kept_in_its_row(tmp_path: Path) -> None:
    folder, db = inbox(tmp_path), tmp_path / "t.duckdb"
    first = run.run_local([folder], db, fields=FIELDS)
    assert first["config_change"] == {}  # a first run has nothing to compare with
    mine = pairs_file(tmp_path, "JPN-KOR\tJapan–ROK\tJPN\tKOR\ttest", "CHN-KOR\tChina–ROK\tCHN\tKOR\ttest")
    added = run.run_local([inbox(tmp_path, "b.jsonl", "2025-11-19")], db, fields=FIELDS, pairs_file=str(mine))
    assert added["config_change"] == {"pairs_added": ["CHN-KOR", "JPN-KOR"]}
    lines = summary_lines(added, db, mine)
    assert ("pairs added since the previous run: CHN-KOR, JPN-KOR (the views, the index and the report show them "
            "from now on, for every stored week)") in lines
    # a run that reads nothing new still changes the configuration, and says so
    removed = run.run_local([folder], db, fields=FIELDS)
    assert removed["documents_seen"] == 0
    assert removed["config_change"] == {"pairs_removed": ["CHN-KOR", "JPN-KOR"]}
    rows = run_rows(db)
    assert rows[0] == (None, "")
    assert json.loads(rows[1][0]) == {"pairs_added": ["CHN-KOR", "JPN-KOR"]}
    assert "configuration changed since the previous run: pairs added: CHN-KOR, JPN-KOR" in rows[1][1]
    assert json.loads(rows[2][0]) == {"pairs_removed": ["CHN-KOR", "JPN-KOR"]}
    # the same configuration again: nothing noted (the run's row is in the working copy: nothing to publish)
    same = run.run_local([folder], db, fields=FIELDS)
    assert same["config_change"] == {} and run_rows(store.working_copy(db))[3] == (None, "")


def test_a_pair_redefined_under_the_same_id_is_said(tmp_path: Path) -> None:
    folder, db = inbox(tmp_path), tmp_path / "t.duckdb"
    run.run_local([folder], db, fields=FIELDS, pairs_file=str(pairs_file(tmp_path, "JPN-KOR\tJapan–ROK\tJPN\tKOR\tx")))
    other = tmp_path / "other.tsv"
    other.write_text(pairs_file(tmp_path, "JPN-KOR\tJapan–DPRK\tJPN\tPRK\tx").read_text(encoding="utf-8"),
                     encoding="utf-8")
    again = run.run_local([folder], db, fields=FIELDS, pairs_file=str(other))
    assert again["config_change"] == {"pairs_redefined": [
        {"pair_id": "JPN-KOR", "before": "Japan–ROK (JPN, KOR)", "now": "Japan–DPRK (JPN, PRK)"}]}
    assert any(line.startswith("pair JPN-KOR redefined since the previous run: was Japan–ROK (JPN, KOR), now "
                               "Japan–DPRK (JPN, PRK)") for line in summary_lines(again, db, other))
    # the published database follows (the run changed no row of the data, only the pair's definition)
    assert again["published"]
    with store.connect(db, read_only=True) as con:
        assert con.execute("select country_b from pairs where pair_id = 'JPN-KOR'").fetchone() == ("PRK",)


def test_a_kind_of_voice_added_to_the_index_is_said_and_listed_by_tension_runs(tmp_path: Path, monkeypatch) -> None:
    folder, db = inbox(tmp_path), tmp_path / "t.duckdb"
    run.run_local([folder], db, fields=FIELDS)
    kinds = tmp_path / "index_kinds.tsv"
    kinds.write_text(INDEX_KINDS_FILE.read_text(encoding="utf-8").replace("academic\t0\t", "academic\t1\t"),
                     encoding="utf-8")
    # the packaged file, edited as the analyst edited it (a copy: the package stays as it is)
    monkeypatch.setattr(run, "load_index_kinds", functools.partial(load_index_kinds, kinds))
    changed = run.run_local([folder], db, fields=FIELDS)
    assert changed["config_change"] == {"index_kinds_added": ["academic"]}
    assert ("the index now counts academic (tension/data/index_kinds.tsv changed since the previous run): every "
            "stored week's figures change with it") in summary_lines(changed, db, None)
    monkeypatch.undo()
    back = run.run_local([folder], db, fields=FIELDS)
    assert back["config_change"] == {"index_kinds_removed": ["academic"]}
    listed = CliRunner().invoke(app, ["runs", "--db", str(db), "--format", "csv"])
    assert listed.exit_code == 0, listed.output
    assert "configuration changed since the previous run: index kinds removed: academic" in listed.output
    assert "configuration changed since the previous run: index kinds added: academic" in listed.output


def test_a_database_from_before_the_config_columns_gets_them(tmp_path: Path) -> None:
    folder, db = inbox(tmp_path), tmp_path / "t.duckdb"
    run.run_local([folder], db, fields=FIELDS)
    working = store.working_copy(db)
    for path in (db, working):
        with store.connect(path) as con:
            con.execute("alter table runs drop column config_change")
            con.execute("alter table runs drop column actors_extra")
            con.execute("drop table former_pairs")
    mine = pairs_file(tmp_path, "JPN-KOR\tJapan–ROK\tJPN\tKOR\ttest")
    later = run.run_local([folder], db, fields=FIELDS, pairs_file=str(mine))
    assert later["config_change"] == {"pairs_added": ["JPN-KOR"]}
    assert json.loads(run_rows(db)[-1][0]) == {"pairs_added": ["JPN-KOR"]}



def test_a_rescore_keeps_the_pairs_and_the_actor_file_of_the_run_before(tmp_path: Path) -> None:
    """`tension rescore` prepared the database with the packaged pairs: a --pairs file's JPN-KOR left the views until
    the next run with the file (and, with change notes, the rescore would have noted it and the actor file as
    dropped)."""
    folder, db = inbox(tmp_path), tmp_path / "t.duckdb"
    actors = tmp_path / "actors.tsv"
    actors.write_text("alias\tactor\tcountry\tkind\trole\tsource\nMinoru Kihara\tMinoru Kihara\tJPN\tperson\tchief "
                      "cabinet secretary\ttest\n", encoding="utf-8")
    mine = pairs_file(tmp_path, "JPN-KOR\tJapan–ROK\tJPN\tKOR\ttest")
    run.run_local([folder], db, fields=FIELDS, pairs_file=str(mine), actors_file=str(actors))
    rescored = run.rescore(db)
    assert rescored["config_change"] == {}
    with store.connect(store.working_copy(db), read_only=True) as con:
        assert [r[0] for r in con.execute("select pair_id from pairs order by 1").fetchall()] == [
            "JPN-KOR", "PRK-KOR", "RUS-KOR"]
        assert con.execute("select count(*) from former_pairs").fetchone() == (0,)
    # the next run with the same files notes nothing either
    again = run.run_local([folder], db, fields=FIELDS, pairs_file=str(mine), actors_file=str(actors))
    assert again["config_change"] == {}
