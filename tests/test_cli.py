"""The command line: every command has help with an example; the no-database commands work on the seed."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tension.cli import app

from conftest import SEED_TEXT

runner = CliRunner()
COMMANDS = ["run", "serve", "rescore", "statements", "score", "sql", "report"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: tension " + command in " ".join(result.output.split())


def test_statements_prints_json_lines_for_the_seed():
    result = runner.invoke(app, ["statements", str(SEED_TEXT)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) > 10
    assert {"speaker_country", "targets", "pairs", "hostility", "explanation", "modality"} <= set(records[0])


def test_statements_on_a_jsonl_batch_keeps_the_document_id(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "s1", "text": "North Korea threatened war.", "published": "2024-02-01"}) + "\n")
    result = runner.invoke(app, ["statements", str(batch)])
    [record] = [json.loads(line) for line in result.output.splitlines()]
    assert record["id"] == "s1" and record["speaker_country"] == "PRK"


def test_score_text_and_file(tmp_path):
    one = runner.invoke(app, ["score", "North Korea launched a cruise missile into the Yellow Sea."])
    assert json.loads(one.output)["hostility"] > 0.3
    lines = tmp_path / "lines.txt"
    lines.write_text("Seoul and Moscow signed a treaty.\nPyongyang threatened war.\n")
    many = [json.loads(line) for line in runner.invoke(app, ["score", "--file", str(lines)]).output.splitlines()]
    assert [r["text"] for r in many] == lines.read_text().splitlines()
    assert many[0]["hostility"] < 0 < many[1]["hostility"]


def test_sql_without_a_database_says_how_to_make_one(tmp_path):
    result = runner.invoke(app, ["sql", "--db", str(tmp_path / "none.duckdb"), "select 1"])
    assert result.exit_code == 2 and "run 'tension run' first" in result.output


def test_bad_field_mapping_is_a_usage_error():
    result = runner.invoke(app, ["statements", "--field", "text", str(SEED_TEXT)])
    assert result.exit_code == 2 and "NAME=VALUE" in result.output
