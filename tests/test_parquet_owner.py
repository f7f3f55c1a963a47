"""One Parquet export per database: two databases in one folder shared the default export folder ("parquet" next to
them), and a run on one rewrote the other's export without a word (a new user's find, session 20). The export names
its database; a run, rescore or publish that would overwrite another database's export is refused, in one line from
the command line, before anything is read. Real runs (`run.run_local`) and real DuckDB files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tension import run
from tension.cli import app
from tension.warehouse.publish import OWNER_FILE, ParquetTaken

FIELDS = {"id": "id", "text": "text", "published": "published"}
runner = CliRunner()


def inbox(folder: Path, day: str, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "items.jsonl").write_text(json.dumps({"id": day, "text": text, "published": day}) + "\n")
    return folder


@pytest.fixture()
def first(tmp_path) -> Path:
    """A database whose run exported week 2024-W05 into the default folder next to it."""
    db = tmp_path / "a.duckdb"
    run.run_local([inbox(tmp_path / "in_a", "2024-02-01", "North Korea threatened to strike Seoul.")], db,
                  fields=FIELDS)
    return db


def test_the_export_names_its_database(first):
    assert (first.parent / "parquet" / OWNER_FILE).read_text().strip() == str(first.resolve())
    assert [p.name for p in (first.parent / "parquet").glob("iso_week=*")] == ["iso_week=2024-W05"]


def test_a_second_database_in_the_folder_is_refused_and_the_first_export_is_kept(first, tmp_path):
    other = inbox(tmp_path / "in_b", "2024-03-14", "Seoul urged Pyongyang to return to talks.")
    with pytest.raises(ParquetTaken, match="holds the Parquet export of another database"):
        run.run_local([other], tmp_path / "b.duckdb", fields=FIELDS)
    assert [p.name for p in (first.parent / "parquet").glob("iso_week=*")] == ["iso_week=2024-W05"]
    # with a folder of its own it runs, and the first export is still whole
    run.run_local([other], tmp_path / "b.duckdb", fields=FIELDS, parquet_dir=tmp_path / "parquet_b")
    assert [p.name for p in (tmp_path / "parquet_b").glob("iso_week=*")] == ["iso_week=2024-W11"]
    assert [p.name for p in (first.parent / "parquet").glob("iso_week=*")] == ["iso_week=2024-W05"]


def test_the_command_line_refuses_it_in_one_line_before_reading(first, tmp_path):
    other = inbox(tmp_path / "in_b", "2024-03-14", "Seoul urged Pyongyang to return to talks.")
    for command in (["run", "-i", str(other), "--db", str(tmp_path / "b.duckdb"), "--no-report"],
                    ["publish", "--db", str(tmp_path / "b.duckdb")]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        said = " ".join(result.output.split())
        assert "holds the Parquet export of another database" in said and "--parquet DIR" in said
        assert "Traceback" not in result.output
    assert not (tmp_path / "b.duckdb").exists()


def test_a_copy_in_another_folder_takes_its_copied_export(first, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(first, copy / "a.duckdb")
    shutil.copytree(first.parent / "parquet", copy / "parquet")
    run.run_local([inbox(tmp_path / "in_c", "2024-03-14", "Seoul urged Pyongyang to return to talks.")],
                  copy / "a.duckdb", fields=FIELDS)
    assert (copy / "parquet" / OWNER_FILE).read_text().strip() == str((copy / "a.duckdb").resolve())
    assert (first.parent / "parquet" / OWNER_FILE).read_text().strip() == str(first.resolve())


def test_a_moved_database_takes_its_export_along(first, tmp_path):
    moved = tmp_path / "moved"
    moved.mkdir()
    for name in ("a.duckdb", "parquet"):
        shutil.move(str(tmp_path / name), str(moved / name))
    for leftover in tmp_path.glob(".a.duckdb*"):  # (the working copy and lock beside the published file)
        shutil.move(str(leftover), str(moved / leftover.name))
    run.run_local([inbox(tmp_path / "in_c", "2024-03-14", "Seoul urged Pyongyang to return to talks.")],
                  moved / "a.duckdb", fields=FIELDS)
    assert (moved / "parquet" / OWNER_FILE).read_text().strip() == str((moved / "a.duckdb").resolve())
    weeks = {p.name for p in (moved / "parquet").glob("iso_week=*")}
    assert {"iso_week=2024-W05", "iso_week=2024-W11"} <= weeks  # the first run's week kept, the new one added


@pytest.mark.parametrize(("option", "value", "hint"), [("--cron", "every monday", "five fields"),
                                                       ("--timezone", "Mars/Phobos", "IANA zone")])
def test_serve_says_a_wrong_schedule_in_one_line_before_starting_a_server(tmp_path, option, value, hint):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "t.duckdb"), option, value])
    said = " ".join(result.output.split())
    assert result.exit_code == 2 and hint in said and value in said, result.output
    assert "Prefect API" not in said and "Traceback" not in result.output
