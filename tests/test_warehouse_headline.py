"""A headline its lead repeats counts once in the index (branch dedup14): a feed read as title+description stores
the title as the body's first paragraph, and a pair row there with a twin of the same pair and direction in the next
paragraph is flagged (pair_statements.repeats_lead) and left out of index_sums, weekly_index and weekly_statements.
A story whose body does not open with its title is never flagged. Real pipeline (run_local), real DuckDB; the
documents are written here."""

from __future__ import annotations

import json

import duckdb
import pytest

from tension import run

HEADLINE = "North Korea fires ballistic missile toward South Korea"
LEAD = "North Korea fired a ballistic missile toward South Korea on Wednesday, the South Korean military said."
RECORDS = [
    # a feed item: title, then the description telling the same act
    {"id": "feed1", "day": "2022-03-16", "title": HEADLINE, "description": LEAD},
    # a story whose title is not in its text: its first paragraph is a lead, never a headline
    {"id": "story1", "day": "2022-03-16", "title": "", "description":
        "North Korea fired artillery shells near a South Korean island.\n\n"
        "North Korea fired more artillery shells toward South Korea's border islands on Thursday."},
]
FIELDS = {"text": "title+description", "published": "day", "id": "id", "title": "title"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("inbox")
    (inbox / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    path = inbox.parent / "t.duckdb"
    run.run_local([inbox], path, fields=FIELDS)
    return path


def test_the_headline_row_is_flagged_and_the_lead_row_is_not(db):
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""select d.external_id, ps.char_start < length(d.title) and d.title <> '' as in_title,
                                     ps.direction, ps.repeats_lead
                              from pair_statements as ps join documents as d using (doc_id)
                              order by 1, ps.char_start""").fetchall()
    feed = [r for r in rows if r[0] == "feed1"]
    assert [(r[1], r[3]) for r in feed] == [(True, True), (False, False)]  # headline flagged, lead kept
    assert feed[0][2] == feed[1][2] == "PRK→KOR"
    assert all(not r[3] for r in rows if r[0] == "story1")  # a story's own first paragraph is no headline


def test_the_index_counts_the_statement_once_and_its_views_agree(db):
    with duckdb.connect(str(db), read_only=True) as con:
        counted = con.execute("select count(*) from pair_statements where counts_in_index and not repeats_lead "
                              "and pair_id = 'PRK-KOR'").fetchone()[0]
        week = con.execute("select n_statements, n_documents, index_value from weekly_index "
                           "where pair_id = 'PRK-KOR' and iso_week = '2022-W11'").fetchone()
        assert week[0] == counted == 3  # the feed item's lead, the story's two paragraphs
        assert week[1] == 2
        assert con.execute("select n_statements from tension_index('week') "
                           "where pair_id = 'PRK-KOR' and period = '2022-W11'").fetchone()[0] == week[0]
        contributions = con.execute("select count(*), sum(contribution) from weekly_statements "
                                    "where pair_id = 'PRK-KOR' and iso_week = '2022-W11'").fetchone()
        assert contributions[0] == week[0]
        assert contributions[1] == pytest.approx(week[2])
        # the analyst's view keeps both copies
        assert con.execute("select count(*) from pair_statements where repeats_lead").fetchone()[0] == 1
