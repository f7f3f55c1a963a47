"""`tension views`: the list of views and macros, and one view's columns with their comments."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tension.cli import app
from tension.warehouse import store

from test_weekly_index import build_known


def test_views_lists_and_describes(tmp_path: Path) -> None:
    db = build_known(tmp_path / "known.duckdb")
    runner = CliRunner()
    listing = runner.invoke(app, ["views", "--db", str(db)])
    assert listing.exit_code == 0, listing.output
    assert all(f"  {view} " in listing.output for view in store.VIEWS)
    assert "tension_index" in listing.output and "Table macros" in listing.output
    described = runner.invoke(app, ["views", "pair_statements", "--db", str(db)])
    assert described.exit_code == 0, described.output
    lines = described.output.splitlines()
    assert lines[0] == "pair_statements"
    source_sentence = next(line for line in lines if line.strip().startswith("source_sentence"))
    assert "VARCHAR" in source_sentence and "The sentence the statement was read from" in source_sentence
    assert "(no comment)" not in described.output
    unknown = runner.invoke(app, ["views", "no_such_view", "--db", str(db)])
    assert unknown.exit_code != 0 and "no view, macro or table named no_such_view" in unknown.output


def test_views_lists_and_describes_the_stored_tables_too(tmp_path):
    from tension.warehouse import describe, store

    db = tmp_path / "t.duckdb"
    with store.connect(db) as con:
        store.create_schema(con)
    listing = describe.describe(db)
    assert "Tables (the stored data" in "\n".join(listing) and any(line.split()[:1] == ["documents"] for line in listing)
    columns = describe.describe(db, "documents")
    assert columns[0] == "documents" and any(line.split()[:2] == ["doc_id", "VARCHAR"] for line in columns)


def test_every_column_of_every_stored_table_is_described(tmp_path):
    """Analysts query documents and statements directly too: each table column carries the comment written beside
    it in schema.sql (a new user found '(no comment)' on every column of `tension views documents`)."""
    from tension.warehouse import describe, store

    db = tmp_path / "t.duckdb"
    with store.connect(db) as con:
        store.create_schema(con)
        tables = [t for (t,) in con.execute("select table_name from duckdb_tables() where not internal").fetchall()]
        bare = con.execute("""select c.table_name, c.column_name from duckdb_columns() as c
                              join duckdb_tables() as t using (table_name, schema_name)
                              where not t.internal and c.comment is null""").fetchall()
    assert {"documents", "statements", "scores", "runs"} <= set(tables)
    assert bare == [], f"table columns without a comment in schema.sql: {bare}"
    statements = "\n".join(describe.describe(db, "statements"))
    assert "(no comment)" not in statements and "which extraction rule found the speaker" in statements
