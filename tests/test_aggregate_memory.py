"""The weekly sums that aggregate.refresh keeps in a table are computed within a small memory limit: the bench's
10M-statement refresh ran out of its 1 GB when the sums kept a statement id per document (a string state in a
million groups, which DuckDB cannot spill). Here the same shape at 600k statements within 80 MB: the definition
before the fix needed more than 80 MB at this size (measured: out of memory at 70 and 80 MB; this one ~0.7 s)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from bench.synthetic import build  # the bench's synthetic statements (bench/run.py weekly_index_10m), smaller

ROWS = 600_000


def test_weekly_sums_fit_in_a_small_memory_limit(tmp_path: Path) -> None:
    db = tmp_path / "big.duckdb"
    build(db, ROWS)
    with duckdb.connect(str(db)) as con:
        # Threads fixed: each thread has its own buffers, so the limit that suffices depends on their number.
        con.execute("set threads = 2")
        con.execute("set memory_limit = '80MB'")
        con.execute("create table weekly_sums_copy as select * from weekly_sums_live")
        n, statements, most_hostile = con.execute(
            "select count(*), sum(n_statements), count(most_hostile_statement_id) from weekly_sums_copy").fetchone()
    # 100 weeks x 2 pairs; every PRK statement bears on PRK-KOR, KOR's on both pairs, RUS's on RUS-KOR.
    assert n == 200
    assert statements == ROWS + ROWS // 3
    assert most_hostile == n
