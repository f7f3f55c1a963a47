"""`tension sql` is read-only where it matters (issue 17, point 3): each statement an attacker or a careless analyst
tried is refused with a clear message, the working copy and the published file are byte for byte unchanged, and
no file appears anywhere. Queries still work, in all three formats, on the database and on the Parquet export."""

from __future__ import annotations

import hashlib
import json

import pytest
from typer.testing import CliRunner

from tension import run
from tension.cli import app
from tension.warehouse import publish

from conftest import SEEDS

runner = CliRunner()
NOT_A_QUERY = "statements are not allowed: tension sql is read-only"
NO_FILES = "file system operations are disabled by configuration"


@pytest.fixture(scope="module")
def published(module_tmp):
    """A published database from the seeds, its private working copy beside it, and its Parquet export."""
    folder = module_tmp("sql")
    db = folder / "tension.duckdb"
    run.run_local([SEEDS], db)
    workspace = publish.Workspace(db)
    (folder / "outside.csv").write_text("secret\n42\n")
    return db, workspace.working, folder


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder) -> set:
    return {p.relative_to(folder) for p in folder.rglob("*")}


def refused(db, sql: str, *options: str) -> str:
    result = runner.invoke(app, ["sql", "--db", str(db), *options, sql])
    assert result.exit_code == 2, (sql, result.output)
    return " ".join(result.output.split())


def statements_tried(db, working, folder) -> list[tuple[str, str]]:
    """(statement, what its refusal says)."""
    return [
        (f"attach '{working}' as w", f"ATTACH {NOT_A_QUERY}"),
        (f"attach '{working}' as w (read_only false)", f"ATTACH {NOT_A_QUERY}"),
        (f"copy (select 1 as x) to '{working}'", f"COPY {NOT_A_QUERY}"),
        (f"copy statements to '{folder}/out.csv'", f"COPY {NOT_A_QUERY}"),
        (f"copy statements from '{folder}/outside.csv'", f"COPY {NOT_A_QUERY}"),
        (f"export database '{folder}/exported'", f"EXPORT {NOT_A_QUERY}"),
        ("select * from read_text('/proc/self/environ')", NO_FILES),
        (f"select * from read_csv('{folder}/outside.csv')", NO_FILES),
        (f"select * from read_parquet('{folder}/parquet/**/*.parquet')", NO_FILES),
        ("select * from glob('/etc/*')", NO_FILES),
        ("set threads = 1", f"SET {NOT_A_QUERY}"),
        ("reset memory_limit", f"SET {NOT_A_QUERY}"),
        ("pragma enable_profiling", f"PRAGMA {NOT_A_QUERY}"),
        ("install httpfs", f"LOAD {NOT_A_QUERY}"),
        ("load httpfs", f"LOAD {NOT_A_QUERY}"),
        ("create temp table t as select 1", f"CREATE {NOT_A_QUERY}"),
        ("checkpoint", f"CALL {NOT_A_QUERY}"),
        ("explain analyze copy statements to 'x.csv'", "EXPLAIN is allowed of a query (SELECT) only"),
        ("select 1; select 2", "one statement per call: found 2"),
        ("select 1; attach 'x.duckdb'", "one statement per call: found 2"),
    ]


def test_each_dangerous_statement_is_refused_and_nothing_changes(published):
    db, working, folder = published
    before = (digest(db), digest(working), files_under(folder))
    for sql, reason in statements_tried(db, working, folder):
        assert reason in refused(db, sql), sql
    # Several statements when asked for: each is still checked.
    assert f"statement 2: ATTACH {NOT_A_QUERY}" in refused(db, f"select 1; attach '{working}'", "--multiple")
    assert (digest(db), digest(working), files_under(folder)) == before


def test_the_parquet_mode_reads_its_folder_and_nothing_else(published):
    db, working, folder = published
    before = (digest(db), digest(working), files_under(folder))
    parquet = ["--parquet", str(folder / "parquet")]
    assert NO_FILES in refused(db, f"select * from read_csv('{folder}/outside.csv')", *parquet)
    assert NO_FILES in refused(db, f"select * from read_parquet('{folder}/parquet/../*.csv')", *parquet)
    assert f"COPY {NOT_A_QUERY}" in refused(db, f"copy (select 1) to '{folder}/parquet/x.parquet'", *parquet)
    assert f"CREATE {NOT_A_QUERY}" in refused(db, "create table t as select 1", *parquet)
    assert f"SET {NOT_A_QUERY}" in refused(db, "set allowed_directories = ['/']", *parquet)
    ok = runner.invoke(app, ["sql", *parquet, "--format", "json",
                             "select count(*) as n from statement_scores"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["n"] > 10
    assert (digest(db), digest(working), files_under(folder)) == before


def test_queries_still_work_in_every_format(published):
    db, _, _ = published
    query = "select pair_id, count(*) as n from pair_statements group by 1 order by 1"
    table = runner.invoke(app, ["sql", "--db", str(db), query])
    csv = runner.invoke(app, ["sql", "--db", str(db), "--format", "csv", query])
    lines = runner.invoke(app, ["sql", "--db", str(db), "--format", "json", query])
    assert table.exit_code == csv.exit_code == lines.exit_code == 0, table.output
    assert table.output.split("\n")[0].split() == ["pair_id", "n"]
    rows = [json.loads(line) for line in lines.output.splitlines()]
    assert csv.output.splitlines() == ["pair_id,n"] + [f"{r['pair_id']},{r['n']}" for r in rows]
    assert len(rows) >= 1
    for sql in ("describe weekly_index", "show tables", "summarize documents", "explain select * from documents",
                "from weekly_index limit 1", "with w as (select 1 as x) select * from w"):
        result = runner.invoke(app, ["sql", "--db", str(db), sql])
        assert result.exit_code == 0, (sql, result.output)
    both = runner.invoke(app, ["sql", "--db", str(db), "--multiple", "select 1 as a; select 2 as b"])
    assert both.exit_code == 0 and both.output.split() == ["a", "1", "b", "2"]


def test_a_long_result_is_printed_in_chunks_with_one_header(published):
    db, _, _ = published
    result = runner.invoke(app, ["sql", "--db", str(db), "--format", "csv", "select range as i from range(5000)"])
    assert result.output.splitlines() == ["i"] + [str(i) for i in range(5000)]
    table = runner.invoke(app, ["sql", "--db", str(db), "select range as i from range(5000)"]).output.splitlines()
    assert table[0].split() == ["i"] and [int(x) for x in table[1:]] == list(range(5000))
    empty = runner.invoke(app, ["sql", "--db", str(db), "select 1 as i where false"])
    assert empty.output == "(no rows)\n"


def test_output_formats_keep_nulls_lists_dates_and_json(tmp_path):
    """NULL prints as NULL (table), empty (CSV), null (JSON); a list is JSON in CSV and a JSON array in JSON; a DATE
    stays a date (no invented time); a JSON column nests; EXPLAIN prints its plan as text, not an escaped cell."""
    import json

    import duckdb
    from typer.testing import CliRunner

    from tension.cli import app

    path = tmp_path / "f.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("""create table t as select DATE '2024-01-29' as week_start, ['KOR', 'UKR'] as targets,
                       NULL::DOUBLE as change, 0.252971234 as value, '{"cues": [{"cue": "war"}]}'::JSON as explanation""")
    runner = CliRunner()

    def sql(fmt, query="select * from t"):
        result = runner.invoke(app, ["sql", "--db", str(path), "--format", fmt, query])
        assert result.exit_code == 0, result.output
        return result.output

    table = sql("table").splitlines()
    assert table[1].split()[:4] == ["2024-01-29", "[KOR,", "UKR]", "NULL"] and "0.252971" in table[1]
    assert sql("csv").splitlines()[1] == '2024-01-29,"[""KOR"", ""UKR""]",,0.252971234,"{""cues"": [{""cue"": ""war""}]}"'
    record = json.loads(sql("json"))
    assert record == {"week_start": "2024-01-29", "targets": ["KOR", "UKR"], "change": None, "value": 0.252971234,
                      "explanation": {"cues": [{"cue": "war"}]}}
    plan = sql("table", "explain select count(*) from t")
    assert "\\n" not in plan and len(plan.splitlines()) > 3
