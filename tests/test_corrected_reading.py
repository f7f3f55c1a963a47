"""A file read again with a corrected mapping (`--field published=...`, `--default source=...`) replaces what the
first reading stored and the run publishes it — found by a new user: the corrected date reached the working copy
but never the published database (the run's fingerprint counted rows, and a replaced document leaves as many), and a
corrected outlet was never stored at all, even with --reread. Real runs, real DuckDB, text written for the test."""
from __future__ import annotations

import json
from pathlib import Path

from tension import run
from tension.run_summary import extractor_lines
from tension.warehouse import store

TEXT = ("North Korea fired two ballistic missiles into the East Sea on Tuesday, South Korea's Joint Chiefs of Staff "
        "said, calling the launch a grave provocation.")


def inbox(tmp_path: Path) -> Path:
    path = tmp_path / "inbox" / "items.jsonl"
    path.parent.mkdir()
    path.write_text(json.dumps({"story": TEXT, "crawled": "2025-12-01", "date": "2025-11-12"}) + "\n",
                    encoding="utf-8")
    return path.parent


def stored(db: Path) -> list[tuple]:
    with store.connect(db, read_only=True) as con:
        return con.execute("select published::varchar, source, (select count(*) from statements), "
                           "(select count(*) from scores) from documents").fetchall()


def test_a_corrected_date_field_moves_the_document_in_the_published_database(tmp_path: Path) -> None:
    folder, db = inbox(tmp_path), tmp_path / "t.duckdb"
    first = run.run_local([folder], db, fields={"text": "story", "published": "crawled"})
    assert first["documents_new"] == 1
    (published, _, n_statements, n_scores), = stored(db)
    assert published == "2025-12-01" and n_statements > 0
    corrected = run.run_local([folder], db, fields={"text": "story", "published": "date"})
    assert (corrected["documents_seen"], corrected["documents_new"], corrected["documents_corrected"]) == (1, 0, 1)
    assert stored(db) == [("2025-11-12", "", n_statements, n_scores)]  # replaced, not added
    with store.connect(db, read_only=True) as con:
        weeks = con.execute("select distinct iso_week from weekly_index where n_statements > 0").fetchall()
    assert weeks == [("2025-W46",)]
    # a later date is a correction too (the first-publication rule is for two copies, not for one line read twice)
    back = run.run_local([folder], db, fields={"text": "story", "published": "crawled"})
    assert back["documents_corrected"] == 1 and stored(db)[0][0] == "2025-12-01"
    # and reading it again the same way changes nothing
    again = run.run_local([folder], db, fields={"text": "story", "published": "crawled"}, reread=True)
    assert (again["documents_new"], again["documents_corrected"]) == (0, 0)
    assert stored(db) == [("2025-12-01", "", n_statements, n_scores)]


def test_a_corrected_default_outlet_is_stored(tmp_path: Path) -> None:
    folder, db = inbox(tmp_path), tmp_path / "t.duckdb"
    fields = {"text": "story", "published": "date"}
    run.run_local([folder], db, fields=fields, defaults={"source": "WrongName"})
    assert stored(db)[0][1] == "WrongName"
    corrected = run.run_local([folder], db, fields=fields, defaults={"source": "KCNA"})
    assert corrected["documents_corrected"] == 1
    assert stored(db)[0][1] == "KCNA"
    assert extractor_lines(corrected)[0].startswith("1 stored document read again from the same file and line with "
                                                    "other metadata")
    with store.connect(db, read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone()[0] == 1


def test_a_run_without_the_pairs_file_of_an_earlier_run_says_which_pairs_it_drops(tmp_path: Path) -> None:
    """Found by a new user: after `run --pairs mine.tsv` (a JPN-KOR pair added), a plain run put the packaged pairs
    back and JPN-KOR vanished from the views and the report without a word."""
    from tension.run_summary import pairs_lines

    folder, db = inbox(tmp_path), tmp_path / "t.duckdb"
    mine = tmp_path / "mine.tsv"
    packaged = (Path(run.__file__).parent / "data" / "pairs.tsv").read_text(encoding="utf-8")
    mine.write_text(packaged.rstrip("\n") + "\nJPN-KOR\tJapan–ROK\tJPN\tKOR\ttest\n", encoding="utf-8")
    fields = {"text": "story", "published": "date"}
    first = run.run_local([folder], db, fields=fields, pairs_file=str(mine))
    assert first["pairs_dropped"] == [] and pairs_lines(first, mine) == []
    plain = run.run_local([folder], db, fields=fields)
    assert plain["pairs_dropped"] == ["JPN-KOR"]
    assert pairs_lines(plain, None) == [
        "pair no longer configured: JPN-KOR (this run used the packaged pairs.tsv; the statements stay stored: run "
        "again with the --pairs file that lists it to show it again)"]
    with store.connect(db, read_only=True) as con:
        assert [r[0] for r in con.execute("select pair_id from pairs order by 1").fetchall()] == ["PRK-KOR", "RUS-KOR"]
