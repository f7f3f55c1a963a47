"""Synthetic statements for the index at scale: `rows` statements in rows/10 documents over 700 days, speakers and
targets cycling through the configured pairs, hostility spread over [-1, +1]. Used by `make bench`'s
10M-statement weekly_index step (bench/run.py) and by the memory test of the weekly sums
(tests/test_aggregate_memory.py) at a smaller size, so both measure the same shape."""

from __future__ import annotations

from pathlib import Path

from tension.config import load_pairs
from tension.warehouse import store


def build(path: Path, rows: int) -> None:
    """A new database at `path` holding `rows` synthetic statements with their documents and scores."""
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
