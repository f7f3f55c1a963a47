"""tension_index(grain, filters): the one definition of the index at every grain and under every filter; coverage,
intensity and thin periods; outlets, statement_cues, and a comment on every column of every view."""

from __future__ import annotations

import json
import re
import math
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tension.warehouse import aggregate, store

from test_weekly_index import K, add_document, add_statement, build_known, week


@pytest.fixture()
def known(tmp_path: Path) -> Path:
    return build_known(tmp_path / "known.duckdb")


def query(path: Path, sql: str, params: list | None = None) -> pd.DataFrame:
    with store.connect(path, read_only=True) as con:
        return con.execute(sql, params or []).df()


def by_period(frame: pd.DataFrame, pair_id: str = "PRK-KOR") -> dict[str, dict]:
    return {r["period"]: r for r in frame[frame["pair_id"] == pair_id].to_dict("records")}


def test_the_macro_at_week_grain_is_weekly_index_row_for_row(known: Path) -> None:
    def both() -> tuple[pd.DataFrame, pd.DataFrame]:
        weekly = query(known, "select * from weekly_index order by pair_id, week_start")
        macro = query(known, "select * rename (period_start as week_start, period as iso_week) "
                             "from tension_index('week') order by pair_id, week_start")
        return weekly, macro

    weekly, macro = both()  # live sums
    pd.testing.assert_frame_equal(weekly, macro)
    aggregate.refresh(known)
    cached, macro = both()  # sums from the cache table
    pd.testing.assert_frame_equal(cached, macro)
    pd.testing.assert_frame_equal(cached, weekly)
    # A filter that keeps everything goes through index_sums, not the cache: the same rows.
    every = query(known, "select * rename (period_start as week_start, period as iso_week) "
                         "from tension_index('week', voices := 'all', outlet := '%') order by pair_id, week_start")
    pd.testing.assert_frame_equal(cached, every, check_exact=False, rtol=1e-12)


def test_month_grain_by_hand(known: Path) -> None:
    months = by_period(query(known, "select * from tension_index('month')"))
    assert list(months) == ["2024-01", "2024-02"]
    # January: W01's d1 (0.8, 0.4 -> 0.6), d2 0.2, d3 -0.2; W03's d4 0.9; W04's two documents and W05's two
    # (Monday 29 and Tuesday 30 January) 0.1 and 0.3 each.
    january = [0.6, 0.2, -0.2, 0.9, 0.1, 0.3, 0.1, 0.3]
    assert months["2024-01"]["n_documents"] == len(january)
    assert math.isclose(months["2024-01"]["index_value"], sum(january) / (len(january) + K))
    # February: W06, W07 (0.1, 0.3 each) and W08's -0.9, -0.8, -0.7.
    february = [0.1, 0.3, 0.1, 0.3, -0.9, -0.8, -0.7]
    assert math.isclose(months["2024-02"]["index_value"], sum(february) / (len(february) + K))
    # January is partly read (the data starts on Wednesday 3 January): no change against it.
    assert months["2024-01"]["partial"] and pd.isna(months["2024-02"]["change"])
    quarters = by_period(query(known, "select * from tension_index('quarter')"))
    assert list(quarters) == ["2024-Q1"] and quarters["2024-Q1"]["n_documents"] == 15
    assert quarters["2024-Q1"]["partial"]  # the data ends on 21 February


def test_filters_on_direction_outlet_and_speaker(known: Path) -> None:
    w01 = "2024-W01"
    for sql in ("select * from tension_index('week', direction := 'KOR->PRK')",
                "select * from tension_index('week', direction := 'KOR→PRK')",
                "select * from tension_index('week', outlet := 'yonhap')",
                "select * from tension_index('week', speaker := 'Unification%')"):
        rows = by_period(query(known, sql))
        assert rows[w01]["n_statements"] == 1, sql
        assert math.isclose(rows[w01]["index_value"], 0.2 / (1 + K)), sql
        # An outlet's grid spans its own documents (Yonhap: W01 only); the others span the whole data.
        assert list(rows) == [w01] if "outlet" in sql else rows["2024-W03"]["n_statements"] == 0, sql
    only = query(known, "select distinct pair_id from tension_index('week', pair := 'RUS-KOR')")
    assert only["pair_id"].tolist() == ["RUS-KOR"]


def test_state_voices_thin_periods_and_kinds(known: Path) -> None:
    with store.connect(known) as con:  # kinds as the attribution stores them; d1:1 and the rest have none (count)
        con.execute("update statements set speaker_kind = 'civic' where statement_id = 'd1:0'")
        con.execute("update statements set speaker_kind = 'government' where statement_id = 'd2:0'")
    state = by_period(query(known, "select * from tension_index('week')"))["2024-W01"]
    voices = by_period(query(known, "select * from tension_index('week', voices := 'all')"))["2024-W01"]
    # d1 keeps its state statement 0.4 (no kind: counted as a state voice until kinds are filled).
    assert state["n_statements"] == 3 and math.isclose(state["index_value"], (0.4 + 0.2 - 0.2) / (3 + K))
    assert voices["n_statements"] == 4 and voices["n_state_statements"] == 3
    assert math.isclose(voices["index_value"], (0.6 + 0.2 - 0.2) / (3 + K))
    civic = by_period(query(known, "select * from tension_index('week', voices := 'all', speaker_kind := 'civic')"))
    assert civic["2024-W01"]["n_statements"] == 1 and civic["2024-W01"]["n_state_statements"] == 0
    assert civic["2024-W01"]["thin"]  # a value with no state voice behind it says so
    weekly = query(known, "select * from weekly_index where iso_week = '2024-W01' and pair_id = 'PRK-KOR'")
    assert weekly["n_statements"].item() == 3  # the default index counts state voices only
    assert not state["thin"] and by_period(query(known, "select * rename (iso_week as period) "
                                                        "from weekly_index"))["2024-W03"]["thin"]


def test_coverage_intensity_gaps_and_partial_weeks(known: Path) -> None:
    rows = by_period(query(known, "select * from tension_index('week')"))
    w01 = rows["2024-W01"]
    # Pair statements of W01 with hostility > 0: 0.8, 0.4, 0.2 (not -0.2); three documents read.
    assert w01["n_hostile"] == 3 and math.isclose(w01["hostile_sum"], 1.4)
    assert w01["coverage_documents"] == 3 and math.isclose(w01["intensity"], 100 * 1.4 / 3)  # first week: its own
    # W03: one hostile statement 0.9; typical coverage = mean of the whole weeks read so far (W03: 1; W02 is a gap,
    # W01 is partial: a part week is no typical week; W01 itself, the first week, had only its own to go by).
    assert math.isclose(rows["2024-W03"]["typical_coverage"], 1.0)
    assert math.isclose(rows["2024-W03"]["intensity"], 100 * 0.9 / 1.0)
    assert w01["partial"] and w01["days_covered"] == 3  # the data starts on Wednesday 3 January
    w02 = rows["2024-W02"]
    assert w02["feed_gap"] and w02["coverage_documents"] == 0 and pd.isna(w02["intensity"])
    assert pd.isna(w02["index_value"])
    russia = by_period(query(known, "select * from tension_index('week')"), "RUS-KOR")
    # Read, but nothing on Russia–ROK: intensity is a real 0, the tone index has no value.
    assert russia["2024-W04"]["intensity"] == 0 and pd.isna(russia["2024-W04"]["index_value"])
    assert rows["2024-W08"]["partial"] and not rows["2024-W05"]["partial"]
    grid = query(known, "select * from coverage")
    assert set(grid["outlet"]) == {"KCNA", "Yonhap", "TASS"}
    assert len(grid) == 8 * 3  # every week x every outlet, gaps included
    yonhap = grid[grid["outlet"] == "Yonhap"].set_index("iso_week")
    assert yonhap.loc["2024-W01", "stored_documents"] == 1 and yonhap.loc["2024-W02", "stored_documents"] == 0


def test_no_change_against_a_partly_read_week(tmp_path: Path) -> None:
    path = build_known(tmp_path / "known.duckdb")
    with store.connect(path) as con:  # the data now starts on Sunday of W01: one day of W01 read
        con.execute("update documents set published = ? where doc_id in ('d1', 'd2', 'd3')", [week(1, 6)])
        add_document(con, "e1", week(2))
        add_statement(con, "e1:0", "PRK", ["KOR"], 0.5)
    rows = by_period(query(path, "select * from tension_index('week')"))
    assert rows["2024-W01"]["partial"] and rows["2024-W01"]["days_covered"] == 1
    assert pd.isna(rows["2024-W02"]["change"])  # one day of data is not "the week before"


def test_outlet_names(tmp_path: Path) -> None:
    path = build_known(tmp_path / "outlets.duckdb")
    with store.connect(path) as con:
        for doc_id, source, url in (("o1", "http://rss.cnn.com/rss/edition.rss", "https://www.cnn.com/x"),
                                    ("o2", "연합뉴스", "https://n.news.naver.com/mnews/article/001/1"),
                                    ("o3", "https://www.example.org/feed", ""),
                                    ("o4", "", "https://www.koreaherald.com/view.php?ud=1")):
            add_document(con, doc_id, week(2), source=source)
            con.execute("update documents set url = ? where doc_id = ?", [url, doc_id])
    outlets = dict(query(path, "select doc_id, outlet from outlets").itertuples(index=False))
    assert outlets["o1"] == "CNN" and outlets["o2"] == "Yonhap (연합뉴스)"
    assert outlets["o3"] == "example.org" and outlets["o4"] == "Korea Herald" and outlets["d1"] == "KCNA"


def test_pair_statements_carry_their_sentence_and_cues_add_up(tmp_path: Path) -> None:
    path = build_known(tmp_path / "cues.duckdb")
    explanation = {"cues": [
        {"cue": "warn~", "matched": "warned", "weight": 0.3, "cameo": "130", "negated": False, "markers": [],
         "factor": 1.0, "contribution": 0.3},
        {"cue": "talks", "matched": "talks", "weight": -0.35, "cameo": "046", "negated": True,
         "markers": [{"marker": "not", "kind": "negation"}], "factor": -0.5, "contribution": 0.175}],
        "vader_compound": -0.5, "vader_part": 0.1, "cue_sum": 0.475, "modality": "asserted"}
    with store.connect(path) as con:
        con.execute("update documents set body = 'First one. Seoul warned it would not hold talks. Last.' "
                    "where doc_id = 'd2'")
        con.execute("update statements set char_start = 11, char_end = 48 where statement_id = 'd2:0'")
        con.execute("update scores set explanation = ?, cue_sum = 0.475 where statement_id = 'd2:0'",
                    [json.dumps(explanation)])
    sentence = query(path, "select source_sentence, targets, targets_inferred, attribution, outlet, url "
                           "from pair_statements where statement_id = 'd2:0'")
    assert sentence["source_sentence"].item() == "Seoul warned it would not hold talks."
    assert list(sentence["targets"].item()) == ["PRK"] and sentence["outlet"].item() == "Yonhap"
    cues = query(path, "select * from statement_cues where statement_id = 'd2:0' order by cue_position")
    assert cues["matched"].tolist() == ["warned", "talks"] and cues["negated"].tolist() == [False, True]
    assert list(cues["marker_kinds"].iloc[1]) == ["negation"]
    assert cues["contribution"].tolist() == [0.3, 0.175] and cues["cue_sum"].tolist() == [0.475, 0.475]
    assert math.isclose(cues["vader_part"].iloc[0], 0.1)
    # the README's "keep in_index" works on the cue rows too: each carries its statement's in_index
    same = query(path, "select count(*), count(*) filter (where c.in_index = p.in_index) from statement_cues c "
                       "join pair_statements p using (pair_id, statement_id)")
    assert same.iloc[0, 0] > 0 and same.iloc[0, 0] == same.iloc[0, 1]


def test_every_column_of_every_view_has_a_comment(known: Path) -> None:
    aggregate.refresh(known)  # refresh replaces weekly_sums: its comments must come back
    with store.connect(known, read_only=True) as con:
        views = dict(con.execute("select view_name, comment from duckdb_views() where not internal").fetchall())
        missing = con.execute(
            """select c.table_name || '.' || c.column_name from duckdb_columns() as c
               join duckdb_views() as v on v.view_name = c.table_name
               where not v.internal and (c.comment is null or c.comment = '')""").fetchall()
        macros = dict(con.execute("select function_name, comment from duckdb_functions() "
                                  "where function_name in (select unnest(?))", [list(store.MACROS)]).fetchall())
    assert set(store.VIEWS) <= set(views) and all(views[v] for v in store.VIEWS)
    assert not missing
    assert all(macros.get(m) for m in store.MACROS)


def test_data_files_of_the_views_are_well_formed() -> None:
    from tension.config import OUTLETS_FILE, VIEW_COLUMNS_FILE, read_tsv

    outlets = read_tsv(OUTLETS_FILE)
    keys = [(r["kind"], r["match"]) for r in outlets]
    assert len(keys) == len(set(keys)) and {r["kind"] for r in outlets} <= {"host", "name"}
    assert all(r["outlet"] and r["source"] for r in outlets)
    assert all(r["match"] == r["match"].lower() and "/" not in r["match"] for r in outlets if r["kind"] == "host")
    columns = read_tsv(VIEW_COLUMNS_FILE)
    keys = [(r["view"], r["column"]) for r in columns]
    assert len(keys) == len(set(keys)) and all(r["comment"] and r["source"] for r in columns)
    events = read_tsv(Path(__file__).parent.parent / "evaluation" / "data" / "kcna_2011_2012_events.tsv")
    assert events and all(date(2011, 1, 1) <= date.fromisoformat(r["first_day"]) <= date.fromisoformat(r["last_day"])
                          <= date(2012, 11, 30) and r["source"] for r in events)


@pytest.mark.parametrize("call, says", [
    ("tension_index('mnth')", "grain must be 'week', 'month', 'quarter' or 'year', not 'mnth'"),
    ("tension_index('month', voices := 'nonsense')", "voices must be 'state' or 'all', not 'nonsense'"),
    ("tension_index('month', pair := 'KOR-PRK')", "no pair 'KOR-PRK'; the pairs are 'PRK-KOR', 'RUS-KOR'"),
    ("tension_index('week', direction := 'KOR-PRK')", "no direction 'KOR-PRK'; the directions are 'KOR->PRK'"),
    ("tension_index('week', voices := 'all', speaker_kind := 'govt')", "no statement has a speaker_kind like 'govt'"),
    ("tension_index('week', outlet := 'Reuters%')", "no document comes from an outlet like 'Reuters%'; outlets: "),
    ("tension_index('week', speaker := 'Kim Yo')", "no statement has a speaker like 'Kim Yo'"),
])
def test_a_typo_in_an_argument_is_an_error_that_lists_the_choices(known: Path, call: str, says: str) -> None:
    """A wrong grain, voices, pair or direction used to give a cryptic conversion error, silently 'state', no rows or
    rows of NaN; a speaker_kind, outlet or speaker pattern that matches nothing gave rows of zeros that read as calm;
    now each names what is allowed or what is stored."""
    with pytest.raises(duckdb.Error, match=re.escape(says)):
        query(known, f"select * from {call}")
    directed = query(known, "select * from tension_index('week', direction := 'KOR->PRK')")
    assert len(directed) > 0 and set(directed["pair_id"]) == {"PRK-KOR"}  # no rows of zeros for the other pair


def test_a_week_read_under_a_quarter_of_typical_coverage_is_low_coverage_and_forms_no_baseline(known: Path) -> None:
    # W06 gets forty more documents; W07 then holds two documents against a typical week of about nine.
    with store.connect(known) as con:
        for n in range(40):
            add_document(con, f"x{n}", week(6, n % 5))
    rows = by_period(query(known, "select * from tension_index('week')"))
    share = query(known, "select low_coverage_share from index_parameters where grain = 'week'")["low_coverage_share"].item()
    for period, row in rows.items():
        if row["feed_gap"]:
            assert not row["low_coverage"], period  # nothing read is a gap, not low coverage
        else:
            assert row["low_coverage"] == (row["coverage_documents"] < share * row["typical_coverage"]), period
    w07 = rows["2024-W07"]
    assert w07["coverage_documents"] == 2 and w07["low_coverage"]
    assert not rows["2024-W06"]["low_coverage"] and not rows["2024-W01"]["low_coverage"]
    # W07's near-empty week does not pull W08's usual level down: W08's baseline is the squared mean root of the
    # weeks before it that were read, whole and not of low coverage (W01 is partial, W02 a gap, W07 low).
    roots = [math.sqrt(rows[f"2024-W0{n}"]["intensity"]) for n in (3, 4, 5, 6)]
    assert math.isclose(rows["2024-W08"]["intensity_baseline"], (sum(roots) / len(roots)) ** 2)
    # ... while a surge in a low-coverage week could still be flagged: it has a departure of its own.
    assert pd.notna(w07["intensity_departure_z"])
