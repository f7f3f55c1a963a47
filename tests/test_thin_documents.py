"""A week whose state-voice statements all come from one document is thin, however many they are: one article is an
anecdote (a new user saw the seed's eight Russia–ROK statements of one article printed as a confident week). Real
run, real DuckDB, our own sentences."""
from __future__ import annotations

import duckdb

from tension import run

ONE_ARTICLE = """---
published: 2024-03-06
---
Russia's foreign ministry condemned South Korea's new sanctions on Moscow.
Russian Foreign Minister Sergei Lavrov warned Seoul of a harsh response.
The Kremlin accused South Korea of a hostile act against Russia.
Russia summoned the South Korean ambassador in protest.
"""

SECOND_ARTICLE = """---
published: 2024-03-07
---
South Korea's foreign ministry rejected Russia's protest over the sanctions.
"""


def thin_week(db) -> tuple:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select n_state_statements, n_documents, thin from weekly_index "
                           "where pair_id = 'RUS-KOR' and iso_week = '2024-W10'").fetchone()


def test_a_week_of_one_article_is_thin_and_a_second_article_makes_it_not(tmp_path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.md").write_text(ONE_ARTICLE, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    run.run_local([inbox], db)
    statements, documents, thin = thin_week(db)
    assert statements >= 3 and documents == 1 and thin
    (inbox / "two.md").write_text(SECOND_ARTICLE, encoding="utf-8")
    run.run_local([inbox], db)
    statements, documents, thin = thin_week(db)
    assert statements >= 3 and documents == 2 and not thin
