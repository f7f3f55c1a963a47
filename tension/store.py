"""Store: the DuckDB schema, idempotent inserts, and read-only access for analysts.

Re-running a batch changes nothing: documents are keyed by content hash, statements by document and position,
scores by statement and scorer version, rejections by path and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd

from tension.config import SQL_DIR, Pair
from tension.ingest import Document, Rejection

# Creation order matters: each view reads the ones before it.
VIEWS = ("statement_scores", "pair_statements", "weekly_index")


def connect(db_path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database file (creating its folder when writing)."""
    if str(db_path) != ":memory:" and not read_only:
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    if read_only and not Path(db_path).exists():
        raise FileNotFoundError(f"no database at {db_path}: run 'tension run' first")
    return duckdb.connect(str(db_path), read_only=read_only)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Tables, then views, then their documentation."""
    con.execute((SQL_DIR / "schema.sql").read_text())
    for view in VIEWS:
        con.execute(f'create or replace view "{view}" as ' + (SQL_DIR / f"{view}.sql").read_text())
    con.execute((SQL_DIR / "comments.sql").read_text())


def set_pairs(con: duckdb.DuckDBPyConnection, pairs: Iterable[Pair]) -> None:
    """Replace the configured pairs (configuration, not history: the views follow it)."""
    con.execute("delete from pairs")
    con.executemany("insert into pairs values (?, ?, ?, ?)", [(p.pair_id, p.name, p.country_a, p.country_b) for p in pairs])


def set_setting(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Store one setting (e.g. the current scorer version the views read)."""
    con.execute("insert or replace into settings values (?, ?)", [key, value])


def known_documents(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> set[str]:
    """Which of `doc_ids` are already stored."""
    if not doc_ids:
        return set()
    frame = pd.DataFrame({"doc_id": doc_ids})
    return {row[0] for row in con.execute("select doc_id from documents join frame using (doc_id)").fetchall()}


def save_batch(
    con: duckdb.DuckDBPyConnection,
    documents: list[dict],
    statements: list[dict],
    scores: list[dict],
    rejections: list[Rejection],
) -> None:
    """Insert one processed batch in a single transaction; rows already present are left alone."""
    con.execute("begin transaction")
    try:
        if documents:
            docs = pd.DataFrame(documents)
            con.execute("insert or ignore into documents by name select * from docs")
        if statements:
            stmts = pd.DataFrame(statements)
            con.execute("insert or ignore into statements by name select * from stmts")
        if scores:
            scs = pd.DataFrame(scores)
            scs["explanation"] = scs["explanation"].map(json.dumps)
            con.execute("insert or ignore into scores by name select * from scs")
        if rejections:
            rej = pd.DataFrame([{"path": r.path, "item": r.item, "reason": r.reason} for r in rejections])
            con.execute(
                """insert into rejected_documents (path, item, reason) select path, item, reason from rej
                   on conflict (path, item) do update set reason = excluded.reason, last_seen = now()"""
            )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def document_row(doc: Document, body: str, caption: str, n_statements: int) -> dict:
    """A documents-table row."""
    return {
        "doc_id": doc.doc_id, "published": doc.published, "date_source": doc.date_source, "title": doc.title,
        "source": doc.source, "url": doc.url, "speaker": doc.speaker, "path": doc.path, "item": doc.item,
        "external_id": doc.external_id, "caption": caption, "body": body, "n_statements": n_statements,
    }


def query(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pd.DataFrame:
    """Run one query and return a DataFrame."""
    return con.execute(sql, params or []).df()
