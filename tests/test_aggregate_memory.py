"""The weekly sums that aggregate.refresh keeps in a table are computed within a small memory limit: the bench's
10M-statement refresh ran out of its 1 GB when the sums kept a statement id per document (a string state in a
million groups, which DuckDB cannot spill). Here the same shape at 600k statements within 80 MB: the definition
before the fix needed more than 80 MB at this size (measured: out of memory at 70 and 80 MB; this one ~0.7 s)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tension.config import load_pairs
from tension.warehouse import store

ROWS = 600_000


def build(path: Path, rows: int) -> None:
    """The bench's synthetic statements (bench/run.py weekly_index_10m) at a smaller size."""
    with store.connect(path) as con:
        store.create_schema(con)
        store.set_pairs(con, load_pairs())
        store.set_setting(con, "scorer_version", "synthetic")
        con.execute(f"""insert into documents (doc_id, published, body, n_statements)
            select 'd' || i, date '2011-01-03' + cast(i % 700 as integer), '', 10 from range({rows // 10}) t(i)""")
        con.execute(f"""insert into statements (statement_id, doc_id, seq, sentence_index, char_start, char_end,
                content, speaker_country, is_act, modality, attribution, targets)
            select 's' || i, 'd' || (i // 10), i % 10, i % 10, 0, 0, '',
                   case i % 3 when 0 then 'PRK' when 1 then 'KOR' else 'RUS' end, false, 'asserted', 'bench',
                   case i % 3 when 0 then ['KOR'] when 1 then ['PRK', 'RUS'] else ['KOR'] end
            from range({rows}) t(i)""")
        con.execute(f"""insert into scores (statement_id, scorer_version, hostility, vader_compound, cue_sum,
                modality_factor, explanation)
            select 's' || i, 'synthetic', ((i * 7919) % 2001) / 1000.0 - 1, 0, 0, 1, '{{}}'
            from range({rows}) t(i)""")


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
