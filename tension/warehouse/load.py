"""Load: the run's single writer stores each staged batch (tension.analyse) in one transaction, its new documents
with their near-duplicate clusters, straight from the staged Parquet files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from tension.records import COPIES_KEY, SCHEMAS
from tension.warehouse import dedup, store

WRITER_THREADS = 1  # DuckDB threads of the run's writer connection


class Writer:
    """What a run's writer keeps from batch to batch: one connection to the working database and the shingle ids
    of the documents it stored last (dedup.RecentShingles); `run_id`: the run whose row each stored batch's counts are
    added to (store.add_run_counts). Close it (or use it as a context manager) to checkpoint."""

    def __init__(self, db_path: Path | str, run_id: str | None = None) -> None:
        self.con: duckdb.DuckDBPyConnection = store.connect_writer(db_path)
        self.run_id = run_id
        # One DuckDB thread: the writer stores while the workers analyse on every core, and a second thread only
        # waits for a busy core (python -m bench.store's 16 staged batches of 30k KCNA documents, replayed: store CPU
        # 5.4-6.7 -> 5.1-5.7 s, wall 10.4-10.5 -> 6.8-7.3 s with the host's cores busy; the same rows stored).
        self.con.execute(f"set threads = {WRITER_THREADS}")
        self.recent = dedup.RecentShingles()
        dedup.migrate(self.con)  # band keys of the current signature for what is stored (once per database)

    def close(self) -> None:
        """Close (and so checkpoint) the connection."""
        self.con.close()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def store_batch(writer: Writer, batch_dir: Path) -> dict:
    """Insert one staged batch in one transaction (documents already stored are left alone, unless the batch holds
    an earlier copy of the same text, the same copy read by another extractor or the same file line read with
    corrected metadata, which replace them), each new document with its near-duplicate cluster; drop
    the staging. Returns the batch's counts, rejections and the documents read with bytes lost (lossy_decodings:
    path, item, the decoder's note)."""
    con = writer.con
    files = {name: str(batch_dir / f"{name}.parquet") for name in SCHEMAS}
    with store.transaction(con):
        # A text stored already under a later copy gives way to the batch's earlier one, and a copy an older
        # extractor read to this batch's reading of it (load_replaced_documents): its rows go, and the batch's copy is
        # stored below as new.
        con.execute(store.sql("load_replaced_documents"), [files["documents"]])
        replaced, again, corrected = con.execute(
            "select count(*) filter (where why = 'earlier copy'), count(*) filter (where why = 'extracted again'), "
            "count(*) filter (where why = 'read again') from replaced_documents").fetchone()
        # the weeks (of publication) of the documents extracted again: stored before, so not added to those weeks
        # (run.finish leaves them out of "documents added by week" and of the late weeks)
        reextracted_weeks = [[week, int(n)] for week, n in con.execute(
            "select strftime(p.published, '%G-W%V') as week, count(*) from read_parquet(?) as p join replaced_documents "
            "as r using (doc_id) where r.why = 'extracted again' group by week order by week",
            [files["documents"]]).fetchall()] if again else []
        # the statements the documents extracted again had (what their new ones replace)
        replaced_statements = con.execute(
            "select count(*) from statements where doc_id in "
            "(select doc_id from replaced_documents where why = 'extracted again')").fetchone()[0] if again else 0
        if replaced or again or corrected:
            for table, key in (("scores", "statement_id in (select statement_id from statements where doc_id in "
                                          "(select doc_id from replaced_documents))"),
                               ("statements", "doc_id in (select doc_id from replaced_documents)"),
                               ("document_bands", "doc_id in (select doc_id from replaced_documents)"),
                               ("documents", "doc_id in (select doc_id from replaced_documents)")):
                con.execute(f"delete from {table} where {key}")
        # A document is stored whole or not at all: its statements and scores go in only when it is new.
        con.execute(store.sql("load_new_documents"), [files["documents"]])
        new = con.sql(store.sql("load_new_signatures"), params=[files["documents"]]).to_arrow_table()
        clustering = dedup.cluster(con, new, recent=writer.recent)
        assignments = pa.table({"doc_id": list(clustering.clusters), "cluster_id": list(clustering.clusters.values())},
                               schema=pa.schema([("doc_id", pa.string()), ("cluster_id", pa.string())]))
        with store.registered(con, "tension_assignments", assignments):
            con.execute(store.sql("load_documents"), [files["documents"]])
        dedup.store_clusters(con, new, clustering)
        statements_added = con.execute(store.sql("load_statements"), [files["statements"]]).fetchone()[0]
        con.execute(store.sql("load_scores"), [files["scores"]])
        con.execute(store.sql("load_rejections"), [files["rejections"]])
        rejections = [tuple(r.values()) for r in pq.read_table(files["rejections"]).to_pylist()]
        staged = pq.ParquetFile(files["documents"])
        # read: the documents staged and the copies of them the batch dropped before analysis (analyse._read)
        copies = int((staged.schema_arrow.metadata or {}).get(COPIES_KEY.encode(), b"0"))
        documents_read = staged.metadata.num_rows + copies
        # documents read with bytes lost (undecodable, replaced by U+FFFD): the run's note names them
        lossy = con.execute("select path, item, decoding from read_parquet(?) where decoding <> '' order by all",
                            [files["documents"]]).fetchall()
        counts = {"documents_seen": documents_read, "documents_new": new.num_rows - again - corrected,
                  "documents_rejected": len(rejections), "statements_added": statements_added}
        if writer.run_id:
            store.add_run_counts(con, writer.run_id, counts)
    shutil.rmtree(batch_dir, ignore_errors=True)
    return {**counts,
            "documents_replaced": replaced, "documents_reextracted": again, "documents_corrected": corrected,
            "statements_replaced": replaced_statements, "weeks_reextracted": reextracted_weeks,
            "documents_clustered": clustering.joined, "rejections": rejections, "lossy_decodings": lossy}
