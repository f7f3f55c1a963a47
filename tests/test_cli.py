"""The command line: every command has help with an example; the no-database commands work on the seed."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tension.cli import app
from tension.warehouse import store
from tension.warehouse.publish import OWNER_FILE

from conftest import SEED_TEXT

runner = CliRunner()
COMMANDS = ["run", "serve", "rescore", "publish", "statements", "score", "sql", "runs", "views", "report"]


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
    many = [json.loads(line) for line in runner.invoke(app, ["score", "--file", str(lines)]).stdout.splitlines()]
    assert [r["content"] for r in many] == lines.read_text().splitlines()
    assert many[0]["hostility"] < 0 < many[1]["hostility"]
    empty = runner.invoke(app, ["score", "  "])  # a new user's empty text scored 0.0 with exit 0
    assert empty.exit_code == 2 and "the text is empty" in " ".join(empty.output.split())


def test_score_toward_targets_as_a_stored_statement_is_scored():
    text = "Russia, at war with Ukraine, signed a pact with Pyongyang."
    plain = json.loads(runner.invoke(app, ["score", text]).output)
    directed = json.loads(runner.invoke(app, ["score", "--targets", "prk", "--speaker-country", "RUS", text]).output)
    war = [c for c in directed["explanation"]["cues"] if c["cue"].startswith("war")]
    assert war and war[0]["contribution"] == 0  # the war is toward Ukraine, not a target
    assert directed["hostility"] < plain["hostility"] < 0
    bad = runner.invoke(app, ["score", "--targets", "PRK,XX", text])
    assert bad.exit_code == 2 and "'XX' is not an ISO 3166-1 alpha-3 country code" in " ".join(bad.output.split())
    # a new user typed ROK: it passed, matched no target, and every cue counted as aimed elsewhere
    rok = runner.invoke(app, ["score", "--targets", "ROK", "--speaker-country", "PRK", text])
    assert rok.exit_code == 2 and "for ROK use KOR" in " ".join(rok.output.split())
    unknown = runner.invoke(app, ["score", "--targets", "KOR", "--speaker-country", "XYZ", text])
    assert unknown.exit_code == 2 and "'XYZ' is not" in unknown.output
    alone = runner.invoke(app, ["score", "--speaker-country", "RUS", text])
    assert alone.exit_code == 2 and "only counts with --targets" in alone.output


def test_sql_without_a_database_says_how_to_make_one(tmp_path):
    result = runner.invoke(app, ["sql", "--db", str(tmp_path / "none.duckdb"), "select 1"])
    assert result.exit_code == 2 and "run 'tension run' first" in result.output


def test_bad_field_mapping_is_a_usage_error():
    result = runner.invoke(app, ["statements", "--field", "text", str(SEED_TEXT)])
    assert result.exit_code == 2 and "NAME=VALUE" in result.output


def test_sql_formats(seed_run):
    db = seed_run["database"]
    query = "select statement_id, hostility from statement_scores order by statement_id"
    with store.connect(db, read_only=True) as con:
        expected = con.execute(query).fetchall()
    as_csv = runner.invoke(app, ["sql", "--db", db, "--format", "csv", query])
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.reader(io.StringIO(as_csv.output)))
    assert rows[0] == ["statement_id", "hostility"]
    assert [(r[0], float(r[1])) for r in rows[1:]] == expected
    as_json = runner.invoke(app, ["sql", "--db", db, "--format", "json", query])
    assert [(r["statement_id"], r["hostility"]) for r in map(json.loads, as_json.output.splitlines())] == expected
    as_table = runner.invoke(app, ["sql", "--db", db, query])
    lines = as_table.output.splitlines()
    assert lines[0].split() == ["statement_id", "hostility"] and len(lines) == len(expected) + 1
    empty = runner.invoke(app, ["sql", "--db", db, "select * from statements where false"])
    assert empty.output.strip() == "(no rows)"
    wrong = runner.invoke(app, ["sql", "--db", db, "--format", "xml", query])
    assert wrong.exit_code == 2 and "table, csv or json" in wrong.output


def test_sql_error_is_reported_with_exit_code_2(seed_run):
    result = runner.invoke(app, ["sql", "--db", seed_run["database"], "select * from no_such_table"])
    assert result.exit_code == 2 and "SQL error" in result.output
    assert "`tension views` lists the views" in result.output  # where to find the names
    typo = runner.invoke(app, ["sql", "--db", seed_run["database"], "selct 1"])  # a typo is no refusal
    assert typo.exit_code == 2 and typo.output.startswith("SQL error: Parser Error") and "refused" not in typo.output


def test_sql_on_a_folder_without_parquet_files_says_which_folder_to_give(tmp_path):
    result = runner.invoke(app, ["sql", "--parquet", str(tmp_path), "select 1"])
    said = " ".join(result.output.split())
    assert result.exit_code == 2 and f"no Parquet files under {tmp_path}" in said and "create view" not in said


def test_an_empty_inbox_is_named_as_the_reason_nothing_was_read(tmp_path):
    from tension.cli_checks import empty_inbox

    (tmp_path / "empty" / ".hidden").mkdir(parents=True)
    (tmp_path / "empty" / "a.txt.meta.yaml").write_text("published: 2024-02-01\n")
    assert empty_inbox([tmp_path / "empty"]).startswith(f"no input files under {tmp_path / 'empty'} ")
    assert empty_inbox([SEED_TEXT.parent]) == ""


def test_a_table_says_when_it_cuts_text(seed_run):
    query = "select content from pair_statements order by length(content) desc limit 1"
    table = runner.invoke(app, ["sql", "--db", seed_run["database"], query]).output
    assert "..." in table and "--format csv or --format json prints it whole" in table
    short = runner.invoke(app, ["sql", "--db", seed_run["database"], "select left(content, 20) from pair_statements"])
    assert "prints it whole" not in short.output


def test_parquet_export_is_statement_scores_by_week(seed_run):
    parquet = Path(seed_run["parquet"])
    weeks = sorted(p.name for p in parquet.iterdir() if p.name != OWNER_FILE)  # (the file naming its database)
    with store.connect(seed_run["database"], read_only=True) as con:
        expected = con.execute("select iso_week, count(*) from statement_scores group by 1 order by 1").fetchall()
        columns = {r[0] for r in con.execute("select column_name from (describe statement_scores)").fetchall()}
    assert weeks == [f"iso_week={week}" for week, _ in expected]
    exported = duckdb.connect().execute(
        f"select * from read_parquet('{parquet}/**/*.parquet', hive_partitioning = true)").df()
    assert set(exported.columns) == columns
    assert exported.groupby("iso_week").size().to_dict() == dict(expected)
    assert exported["targets"].map(type).eq(str).all()  # lists travel as comma-separated text


def test_sql_on_the_parquet_export_matches_the_database(seed_run):
    query = "select iso_week, count(*) as n, round(sum(hostility), 9) as total from statement_scores group by 1 order by 1"
    from_db = runner.invoke(app, ["sql", "--db", seed_run["database"], "--format", "csv", query])
    from_parquet = runner.invoke(app, ["sql", "--parquet", seed_run["parquet"], "--format", "csv", query])
    assert from_parquet.exit_code == 0, from_parquet.output
    assert from_parquet.output == from_db.output and from_db.output.count("\n") == 2
    missing = runner.invoke(app, ["sql", "--parquet", seed_run["parquet"] + "-none", "select 1"])
    assert missing.exit_code == 2 and "no Parquet export" in missing.output


def test_report_writes_the_pdf_of_a_week(seed_run, tmp_path):
    result = runner.invoke(app, ["report", "--week", "2024-W05", "--db", seed_run["database"], "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "all_2024-W05.pdf"
    assert result.output.strip() == f"report: {pdf}" and pdf.read_bytes().startswith(b"%PDF")
    refused = runner.invoke(app, ["report", "--week", "2019-W01", "--db", seed_run["database"], "--out", str(tmp_path)])
    assert refused.exit_code == 2 and "no data for 2019-W01" in refused.output


def test_rescore_records_a_run_refreshes_the_weekly_sums_and_publishes(seed_run, tmp_path):
    db = tmp_path / "t.duckdb"
    shutil.copy(seed_run["database"], db)
    result = runner.invoke(app, ["rescore", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("scored 0 statements under scorer version ")  # all scored already
    with store.connect(db, read_only=True) as con:
        runs = con.execute("select run_id, status from runs order by started_at").fetchall()
        weekly_sums = con.execute("select sql from duckdb_views() where view_name = 'weekly_sums'").fetchone()[0]
    assert [status for _, status in runs] == ["completed", "completed"] and runs[1][0].startswith("rescore-")
    assert "weekly_sums_cache" in weekly_sums  # refreshed: the snapshot does not read the live sums
    assert (tmp_path / "parquet").is_dir()
    nothing = runner.invoke(app, ["rescore", "--db", str(tmp_path / "none.duckdb")])
    assert nothing.exit_code == 2 and "run 'tension run' first" in nothing.output


def test_statements_reads_a_folder_and_names_a_plain_folder_correctly(tmp_path):
    """A folder argument is read recursively (as an inbox is); a folder met where a file was expected is called a
    folder, not a symlink."""
    from tension.ingest.inbox import check_file

    result = runner.invoke(app, ["statements", str(SEED_TEXT.parent)])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) > 10
    (tmp_path / "sub").mkdir()
    assert check_file(tmp_path / "sub").startswith("a folder, not a file")


@pytest.mark.parametrize("args, option, says", [
    (["run", "--week", "2024-5"], "--week", "2024-5 is not an ISO week"),
    (["run", "--pairs", "no_such_pairs.tsv"], "--pairs", "no such pairs file"),
    (["statements", str(SEED_TEXT), "--field", "story=text"], "--field", "did you mean text=story?"),
    (["statements", str(SEED_TEXT), "--field", "txt=title"], "--field", "did you mean text=title?"),
    (["statements", str(SEED_TEXT), "--default", "speakr=KCNA"], "--default", "did you mean speaker=KCNA?"),
    (["statements", "no_such_file.txt"], "FILES", "no_such_file.txt does not exist"),
    (["views", "--db", str(SEED_TEXT)], "--db", "is not a DuckDB database"),
    (["runs", "--db", str(SEED_TEXT.parent)], "--db", "is a folder; give a database file"),
    (["report", "--db", str(SEED_TEXT.parent), "--week", "2024-W05"], "--db", "is a folder"),
    (["report", "--out", str(SEED_TEXT / "reports")], "--out", "is a file, not a folder"),
    (["run", "-i", "no_such_inbox"], "--inbox", "no_such_inbox does not exist (in "),
])
def test_mistakes_are_refused_before_any_work(args, option, says):
    """Typos in options stop the command at once (exit 2) with what is wrong, before a flow or any ingest starts."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    text = " ".join(result.output.split())
    assert f"Invalid value for {option}" in text and says in text, text


def test_a_malformed_pairs_file_says_what_a_pairs_file_is(tmp_path):
    from tension.config import load_pairs

    comma = tmp_path / "pairs.tsv"
    comma.write_text("pair_id,name,country_a,country_b\nPRK-KOR,DPRK–ROK,PRK,KOR\n", encoding="utf-8")
    with pytest.raises(ValueError, match="has no column pair_id.*tab-separated"):
        load_pairs(comma)
    names = tmp_path / "names.tsv"
    names.write_text("pair_id\tname\tcountry_a\tcountry_b\tsource\nJ-K\tJapan–ROK\tJapan\tKOR\tme\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: countries 'Japan' and 'KOR': 'Japan' has 5 letters, a code has three"):
        load_pairs(names)
    result = runner.invoke(app, ["statements", str(SEED_TEXT), "--pairs", str(names)])
    assert result.exit_code == 2 and "alpha-3" in result.output


PAIRS_HEADER = "pair_id\tname\tcountry_a\tcountry_b\tsource\n"


@pytest.mark.parametrize("rows, says", [
    # the same pair_id twice: the run stopped in its database step with a 353-line traceback (the tester, session 22)
    ("PRK-KOR\tDPRK–ROK\tPRK\tKOR\tme\nPRK-KOR\tDPRK–ROK again\tPRK\tJPN\tme\n",
     "line 3: pair_id 'PRK-KOR' is on line 2 already"),
    # one pair in both orders: every statement counted twice, under two names
    ("PRK-KOR\tDPRK–ROK\tPRK\tKOR\tme\nKOR-PRK\tROK–DPRK\tKOR\tPRK\tme\n",
     "line 3: KOR and PRK are the pair on line 2 already (a pair holds both directions)"),
    # a code no country has: the pair stayed empty everywhere, silently
    ("PRK-KOR\tDPRK–ROK\tPRK\tKOR\tme\nJNP-PRK\tJapan–DPRK\tJNP\tPRK\tme\n",
     "line 3: 'JNP' is no ISO 3166 alpha-3 country code (did you mean JPN?)"),
])
def test_a_pairs_file_with_a_repeated_pair_or_an_unknown_country_is_refused_in_one_line(tmp_path, rows, says):
    from tension.config import load_pairs

    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(PAIRS_HEADER + rows, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(says)):
        load_pairs(pairs)
    for command in (["run", "-i", str(SEED_TEXT), "--db", str(tmp_path / "t.duckdb"), "--no-report"],
                    ["statements", str(SEED_TEXT)]):
        result = runner.invoke(app, [*command, "--pairs", str(pairs)])
        assert result.exit_code == 2 and says in " ".join(result.output.split()), result.output
    assert not (tmp_path / "t.duckdb").exists() and not list(tmp_path.glob(".t.duckdb*"))  # refused before any work


def test_statements_empty_folder_and_default_speaker(tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["statements", str(tmp_path / "empty")])
    assert result.exit_code == 1 and "no input files under" in result.output
    batch = tmp_path / "k.jsonl"
    batch.write_text(json.dumps({"story": "The puppet warmongers staged another provocation against the DPRK.",
                                 "date": "2012-03-01"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["statements", str(batch), "--field", "text=story", "--field", "published=date",
                                 "--default", "speaker=KCNA"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records and all(r["speaker_country"] == "PRK" for r in records), records


def test_run_refuses_a_db_it_cannot_create_in_one_line(tmp_path):
    (tmp_path / "afile").write_text("not a folder")
    result = runner.invoke(app, ["run", "-i", str(SEED_TEXT), "--db", str(tmp_path / "afile" / "t.duckdb"), "--no-report"])
    assert result.exit_code == 2 and "is a file, not a folder" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["run", "-i", str(SEED_TEXT), "--db", str(tmp_path), "--no-report"])
    assert result.exit_code == 2 and "is a folder; give a database file" in result.output


def test_run_refuses_a_db_path_that_is_another_file_or_cannot_be_made(tmp_path):
    """Found by a new user: --db naming a text file of the inbox made a working folder next to it and ended in a
    traceback; --db under /proc ended in a traceback."""
    text = tmp_path / "story.txt"
    text.write_text("Seoul said it would hold talks.\n")
    result = runner.invoke(app, ["run", "-i", str(SEED_TEXT), "--db", str(text), "--no-report"])
    assert result.exit_code == 2 and "is not a DuckDB database" in " ".join(result.output.split())
    assert "Traceback" not in result.output and not (tmp_path / ".story.txt.work").exists()
    assert text.read_text() == "Seoul said it would hold talks.\n"  # left as it was
    result = runner.invoke(app, ["run", "-i", str(SEED_TEXT), "--db", "/proc/tension-test/t.duckdb", "--no-report"])
    assert result.exit_code == 2 and "cannot create the folder" in " ".join(result.output.split())


def test_run_reports_an_os_error_in_one_line(tmp_path, monkeypatch):
    import flows.local

    def failing(*args, **kwargs):
        raise OSError(1, "could not publish t.duckdb: Operation not permitted (the working copy is intact; "
                         "the next run or `tension publish` retries)")

    monkeypatch.setattr(flows.local, "run_once", failing)
    result = runner.invoke(app, ["run", "-i", str(SEED_TEXT), "--db", str(tmp_path / "t.duckdb"), "--no-report"])
    assert result.exit_code == 1 and "could not publish" in result.output and "Traceback" not in result.output


def test_statements_says_so_when_documents_hold_none(tmp_path):
    """Before: a document read with no statement in it printed nothing at all and exited 0, which reads as a command
    that did not run."""
    batch = tmp_path / "quiet.jsonl"
    batch.write_text(json.dumps({"id": "q1", "text": "The weather was mild and the harvest was good.",
                                 "published": "2024-02-01"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["statements", str(batch)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # nothing for a pipe to parse
    assert "read 1 document: no statements found in it" in result.stderr


def test_a_field_mapping_the_records_lack_is_warned_of(tmp_path):
    """--field source=publishr (a typo of the file's field) took the outlet from the URL's host without a word
    (session 21's tester); the first record's fields are named, and the run goes on."""
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"text": "Seoul's foreign ministry summoned the Russian ambassador on Monday.",
                                 "published": "2024-02-05", "publisher": "Example Daily"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["statements", str(batch), "--field", "source=publishr"])
    assert result.exit_code == 0, result.output
    assert ("warning: --field source=publishr: the first record of batch.jsonl has no field 'publishr' (its fields: "
            "published, publisher, text)") in result.output
    fine = runner.invoke(app, ["statements", str(batch), "--field", "source=publisher", "--field", "text=text+publisher"])
    assert fine.exit_code == 0 and "warning" not in fine.output, fine.output
