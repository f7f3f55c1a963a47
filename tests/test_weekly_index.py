"""weekly_index, column by column, against values computed by hand from known statements (METHODOLOGY.md §3);
the cached sums (aggregate.refresh) against the live ones; and the interval's coverage in a simulation."""

from __future__ import annotations

import json
import math
import statistics
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tension.warehouse import aggregate
from tension.warehouse import store
from tension.config import load_pairs

Z = 1.959964
K = 1.0           # prior_documents
PRIOR_VAR = 0.25  # prior_sd ** 2
NU = 4.0          # prior_sd_weight
MONDAY = date(2024, 1, 1)  # 2024-W01
STATEMENT_COLUMNS = ("statement_id, doc_id, seq, sentence_index, char_start, char_end, content, speaker, "
                     "speaker_actor, speaker_country, speaker_role, cue, is_act, modality, attribution, targets")


def new_db(path: Path) -> Path:
    """An empty database with the default pairs (RUS-KOR, PRK-KOR) and scorer version 'test'."""
    with store.connect(path) as con:
        store.create_schema(con)
        store.set_pairs(con, load_pairs())
        store.set_setting(con, "scorer_version", "test")
    return path


def add_document(con, doc_id: str, published: date, source: str = "KCNA") -> None:
    """One document row (its statements are added with add_statement)."""
    con.execute(
        """insert into documents (doc_id, published, date_source, title, source, url, speaker, path, item,
                                  external_id, caption, body, n_statements)
           values (?, ?, 'field date', ?, ?, '', null, 'test', '', '', '', 'body', 0)""",
        [doc_id, published, f"title {doc_id}", source],
    )


def add_statement(con, statement_id: str, country: str | None, targets: list[str], hostility: float,
                  content: str = "", speaker: str = "KCNA") -> None:
    """One statement with its score under version 'test'."""
    doc_id, seq = statement_id.split(":")
    con.execute(
        f"insert into statements ({STATEMENT_COLUMNS}) "
        "values (?, ?, ?, 0, 0, 1, ?, ?, ?, ?, null, 'said', false, 'asserted', 'test', ?)",
        [statement_id, doc_id, int(seq), content or f"statement {statement_id}", speaker, speaker, country, targets],
    )
    con.execute(
        "insert into scores (statement_id, scorer_version, hostility, vader_compound, cue_sum, modality_factor,"
        " explanation) values (?, 'test', ?, 0, 0, 1, ?)",
        [statement_id, hostility, json.dumps({"cues": [], "vader_compound": 0.0, "modality": "asserted"})],
    )


def week(n: int, day: int = 2) -> date:
    """A day (Wednesday by default) of ISO week n of 2024."""
    return MONDAY + timedelta(weeks=n - 1, days=day)


def build_known(path: Path) -> Path:
    """Eight weeks of DPRK–ROK statements chosen so that every column can be worked out by hand."""
    new_db(path)
    with store.connect(path) as con:
        # W01: three documents, both directions. Document means 0.6, 0.2, -0.2.
        add_document(con, "d1", week(1))
        add_statement(con, "d1:0", "PRK", ["KOR"], 0.8)
        add_statement(con, "d1:1", "PRK", ["KOR", "RUS"], 0.4)  # counts for DPRK–ROK only: PRK is not in RUS-KOR
        add_document(con, "d2", week(1, 4), source="Yonhap")
        add_statement(con, "d2:0", "KOR", ["PRK"], 0.2, speaker="Unification Ministry")
        add_statement(con, "d2:1", None, ["PRK"], 0.9, speaker="officials")  # no speaker country: no pair
        add_document(con, "d3", week(1, 6))
        add_statement(con, "d3:0", "PRK", ["KOR"], -0.2)
        # W02: nothing at all. W03: one statement.
        add_document(con, "d4", week(3))
        add_statement(con, "d4:0", "PRK", ["KOR"], 0.9)
        # W04-W07: two documents each, 0.1 and 0.3; W08: a cooperative departure, -0.9, -0.8, -0.7.
        for n in range(4, 8):
            for i, value in enumerate((0.1, 0.3)):
                add_document(con, f"w{n}d{i}", week(n, i))
                add_statement(con, f"w{n}d{i}:0", "PRK", ["KOR"], value)
        for i, value in enumerate((-0.9, -0.8, -0.7)):
            add_document(con, f"w8d{i}", week(8, i))
            add_statement(con, f"w8d{i}:0", "PRK", ["KOR"], value)
        # Russia–ROK: one statement in W05 and nothing else.
        add_document(con, "r1", week(5), source="TASS")
        add_statement(con, "r1:0", "RUS", ["KOR"], -0.5, speaker="Lavrov")
    return path


@pytest.fixture()
def known(tmp_path: Path) -> Path:
    return build_known(tmp_path / "known.duckdb")


def rows(path: Path, pair_id: str = "PRK-KOR") -> dict[str, dict]:
    """The view's rows as they come from SQL (NULL stays NULL), keyed by ISO week."""
    with store.connect(path, read_only=True) as con:
        frame = con.execute("select * from weekly_index where pair_id = ? order by week_start", [pair_id]).df()
    return {r["iso_week"]: r for r in frame.to_dict("records")}


def is_null(value) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def close(actual, expected) -> bool:
    return (is_null(actual) and expected is None) or (expected is not None and not is_null(actual)
                                                      and math.isclose(actual, expected, abs_tol=1e-9))


def check(row: dict, expected: dict) -> None:
    for column, value in expected.items():
        if isinstance(value, float) or value is None:
            assert close(row[column], value), (row["iso_week"], column, row[column], value)
        else:
            assert row[column] == value, (row["iso_week"], column, row[column], value)


def pool_variance(ss: float, df: int) -> float:
    """The pooled spread of document means: prior variance counted as NU documents."""
    return (ss + NU * PRIOR_VAR) / (df + NU)


def standard_error(ss: float, n: int, pooled: float) -> float:
    return math.sqrt((ss + NU * pooled) / (n - 1 + NU) / (n + K))


@pytest.mark.parametrize("refreshed", [False, True], ids=["live", "refreshed"])
def test_every_column_by_hand(known: Path, refreshed: bool) -> None:
    if refreshed:
        aggregate.refresh(known)
    weeks = rows(known)
    assert list(weeks) == [f"2024-W{n:02d}" for n in range(1, 9)]  # W02 is a row although it has no data

    # W01: sum of document means 0.6 + 0.2 - 0.2 = 0.6 over 3 documents (+1 pseudo-document).
    # SS = 0.4^2 + 0 + 0.4^2 = 0.32 with 2 df; pooled = (0.32 + 4 x 0.25) / (2 + 4) = 0.22;
    # week variance = (0.32 + 4 x 0.22) / (2 + 4) = 0.2; se = sqrt(0.2 / 4).
    se1 = math.sqrt(0.05)
    check(weeks["2024-W01"], {
        "pair_id": "PRK-KOR", "pair_name": "DPRK–ROK", "n_statements": 4, "n_documents": 3,
        "index_value": 0.15, "raw_mean": 0.2, "index_se": se1, "ci_low": 0.15 - Z * se1, "ci_high": 0.15 + Z * se1,
        "direction_a_to_b": "PRK→KOR", "hostility_a_to_b": (0.6 - 0.2) / 3, "n_a_to_b": 3, "n_documents_a_to_b": 2,
        "direction_b_to_a": "KOR→PRK", "hostility_b_to_a": 0.2 / 2, "n_b_to_a": 1, "n_documents_b_to_a": 1,
        "change": None, "trend": 0.15, "trend_direction": None, "baseline": None, "departure_z": None,
        "most_hostile_statement_id": "d1:0", "most_cooperative_statement_id": "d3:0",
    })
    assert pd.Timestamp(weeks["2024-W01"]["week_start"]).date() == MONDAY
    assert weeks["2024-W01"]["flagged"] is None or is_null(weeks["2024-W01"]["flagged"])

    # W02: no statements — a row with n = 0 and NULL in every value column, never 0.
    check(weeks["2024-W02"], {
        "n_statements": 0, "n_documents": 0, "index_value": None, "raw_mean": None, "ci_low": None,
        "ci_high": None, "index_se": None, "hostility_a_to_b": None, "n_a_to_b": 0, "hostility_b_to_a": None,
        "n_b_to_a": 0, "n_documents_a_to_b": 0, "n_documents_b_to_a": 0, "change": None, "trend": None,
        "trend_direction": None, "baseline": None, "departure_z": None, "most_hostile_statement_id": None,
        "most_cooperative_statement_id": None, "direction_a_to_b": "PRK→KOR",
    })
    assert is_null(weeks["2024-W02"]["flagged"])

    # W03: one statement of 0.9 — pulled halfway to 0; its spread is the pooled one (0.22); the interval is
    # clipped at +1. Change is NULL because W02 has no value.
    se3 = math.sqrt(0.22 / 2)
    check(weeks["2024-W03"], {
        "n_statements": 1, "n_documents": 1, "index_value": 0.45, "raw_mean": 0.9, "index_se": se3,
        "ci_low": 0.45 - Z * se3, "ci_high": 1.0, "hostility_a_to_b": 0.45, "n_a_to_b": 1,
        "hostility_b_to_a": None, "n_b_to_a": 0, "change": None, "trend": (0.6 + 0.9) / (3 + 1 + 1),
        "most_hostile_statement_id": "d4:0", "most_cooperative_statement_id": "d4:0",
    })

    # W04-W07: documents 0.1 and 0.3 (SS 0.02, 1 df each).
    index_steady = 0.4 / 3
    history = [0.15, 0.45]
    ss, df = 0.32, 2
    for n in range(4, 8):
        ss, df = ss + 0.02, df + 1
        pooled = pool_variance(ss, df)
        se = standard_error(0.02, 2, pooled)
        # The trend pools the documents of this week and the three before it.
        window = {4: (0.6 + 0.9 + 0.4, 3 + 1 + 2), 5: (0.9 + 0.8, 1 + 4), 6: (0.9 + 1.2, 1 + 6), 7: (1.6, 8)}[n]
        baseline = statistics.fmean(history)
        expected = {
            "n_statements": 2, "n_documents": 2, "index_value": index_steady, "raw_mean": 0.2, "index_se": se,
            "ci_low": index_steady - Z * se, "ci_high": index_steady + Z * se,
            "change": index_steady - 0.45 if n == 4 else 0.0, "trend": window[0] / (window[1] + K),
            "baseline": baseline,
            "departure_z": None if len(history) < 4 else
            (index_steady - baseline) / math.sqrt(statistics.stdev(history) ** 2 + se ** 2),
        }
        check(weeks[f"2024-W{n:02d}"], expected)
        history.append(index_steady)

    # Trend direction in W05: trend (W02-W05) against trend 4 weeks earlier (W01), in standard errors of each.
    pooled5 = pool_variance(0.32 + 0.04, 4)
    trend5, trend1 = (0.9 + 0.8) / (5 + K), 0.15
    z = (trend5 - trend1) / math.sqrt(pooled5 / (5 + K) + pool_variance(0.32, 2) / (3 + K))
    assert weeks["2024-W05"]["trend_direction"] == ("rising" if z >= Z else "falling" if z <= -Z else "steady")

    # W08: three cooperative documents against a baseline of six weeks: flagged.
    ss, df = ss + 0.02, df + 2
    se8 = standard_error(0.02, 3, pool_variance(ss, df))
    baseline = statistics.fmean(history)
    departure = (-0.6 - baseline) / math.sqrt(statistics.stdev(history) ** 2 + se8 ** 2)
    check(weeks["2024-W08"], {
        "n_documents": 3, "index_value": -2.4 / 4, "raw_mean": -0.8, "index_se": se8,
        "change": -0.6 - index_steady, "baseline": baseline, "departure_z": departure,
        "trend": (1.2 - 2.4) / (6 + 3 + K), "most_hostile_statement_id": "w8d2:0",
        "most_cooperative_statement_id": "w8d0:0",
    })
    assert departure <= -2.5 and weeks["2024-W08"]["flagged"] == True  # noqa: E712 (numpy bool)
    assert weeks["2024-W07"]["flagged"] == False  # noqa: E712
    assert weeks["2024-W08"]["trend_direction"] == "falling"


@pytest.mark.parametrize("documents, flagged", [(1, False), (2, True)])
def test_one_document_cannot_flag_a_week(tmp_path: Path, documents: int, flagged: bool) -> None:
    """Six steady weeks, then a week of documents at -1.0: far from the baseline either way, but one document is
    an anecdote, not a departure."""
    path = new_db(tmp_path / "flag.duckdb")
    with store.connect(path) as con:
        for n in range(1, 7):
            for i, value in enumerate((0.1, 0.3)):
                add_document(con, f"w{n}d{i}", week(n, i))
                add_statement(con, f"w{n}d{i}:0", "PRK", ["KOR"], value)
        for i in range(documents):
            add_document(con, f"late{i}", week(7, i))
            add_statement(con, f"late{i}:0", "PRK", ["KOR"], -1.0)
    w7 = rows(path)["2024-W07"]
    assert w7["index_value"] == pytest.approx(-documents / (documents + K))
    assert w7["departure_z"] <= -2.5 and bool(w7["flagged"]) is flagged


def test_other_pair_gets_only_its_own_statements(known: Path) -> None:
    russia = rows(known, "RUS-KOR")
    assert list(russia) == [f"2024-W{n:02d}" for n in range(1, 9)]  # the same weeks as every pair
    assert [r["n_statements"] for r in russia.values()] == [0, 0, 0, 0, 1, 0, 0, 0]
    check(russia["2024-W05"], {"index_value": -0.25, "raw_mean": -0.5, "hostility_a_to_b": -0.25,
                               "direction_a_to_b": "RUS→KOR", "n_b_to_a": 0, "hostility_b_to_a": None})
    assert all(is_null(r["index_value"]) for w, r in russia.items() if w != "2024-W05")


def test_contributions_add_up_to_the_index(known: Path) -> None:
    with store.connect(known, read_only=True) as con:
        sums = con.execute(
            """select s.pair_id, s.week_start, sum(s.contribution), any_value(w.index_value)
               from weekly_statements s join weekly_index w using (pair_id, week_start) group by all""").fetchall()
        d1 = con.execute("select weight from weekly_statements where statement_id = 'd1:0'").fetchone()[0]
    assert sums and all(math.isclose(total, value) for _, _, total, value in sums)
    assert math.isclose(d1, 1 / (2 * (3 + K)))  # two statements in its document, three documents in the week


def test_views_and_columns_are_documented(known: Path) -> None:
    with store.connect(known, read_only=True) as con:
        views = dict(con.execute("select view_name, comment from duckdb_views() where not internal").fetchall())
        columns = con.execute(
            "select column_name, comment from duckdb_columns() where table_name = 'weekly_index'").fetchall()
    assert all(views.get(v) for v in store.VIEWS)
    undocumented = [name for name, comment in columns if not comment]
    assert not undocumented


def test_refresh_recomputes_changed_weeks_only_and_matches_live(known: Path) -> None:
    aggregate.refresh(known)
    with store.connect(known, read_only=True) as con:
        state = con.execute("select full_rebuild, weeks_updated from weekly_refresh").fetchone()
        assert "weekly_sums_cache" in con.execute("select sql from duckdb_views() where view_name = 'weekly_sums'"
                                                  ).fetchone()[0]
    assert state == (True, 7)
    aggregate.refresh(known)
    with store.connect(known, read_only=True) as con:
        assert con.execute("select full_rebuild, weeks_updated from weekly_refresh").fetchone() == (False, 0)
    with store.connect(known) as con:  # a late document for W03, and W05's two documents become one cluster
        add_document(con, "late", week(3, 5))
        add_statement(con, "late:0", "KOR", ["PRK"], -0.3)
        con.execute("update documents set cluster_id = 'w5d0' where doc_id in ('w5d0', 'w5d1')")
    aggregate.refresh(known)
    with store.connect(known, read_only=True) as con:
        assert con.execute("select full_rebuild, weeks_updated from weekly_refresh").fetchone() == (False, 2)
        cached = con.execute("select * from weekly_index").df()
        live = con.execute("select * from weekly_sums_live order by pair_id, week_start").df()
        kept = con.execute("select * from weekly_sums_cache order by pair_id, week_start").df()
    # Equal up to the last bits of floating-point sums, whose order DuckDB does not fix.
    pd.testing.assert_frame_equal(live, kept)
    weeks = rows(known)
    assert weeks["2024-W03"]["n_documents"] == 2 and weeks["2024-W05"]["n_documents"] == 1
    with store.connect(known) as con:
        store.create_schema(con)  # a new run starts: weekly_sums computes live again until the next refresh
        pd.testing.assert_frame_equal(con.execute("select * from weekly_index").df(), cached)


def test_new_scorer_version_rebuilds_everything(known: Path) -> None:
    aggregate.refresh(known)
    with store.connect(known) as con:
        con.execute("insert into scores select statement_id, 'v2', -hostility, 0, 0, 1, explanation, now() "
                    "from scores")
        store.set_setting(con, "scorer_version", "v2")
    aggregate.refresh(known)
    with store.connect(known, read_only=True) as con:
        assert con.execute("select full_rebuild from weekly_refresh").fetchone() == (True,)
    assert math.isclose(rows(known)["2024-W01"]["index_value"], -0.15)


def test_interval_covers_the_true_mean_about_95_percent_of_the_time(tmp_path: Path) -> None:
    """300 simulated weeks with a true level of 0.3: documents vary around it, statements of one document share
    its deviation. The document-level interval covers 0.3 in roughly 95% of weeks; an interval that treated
    statements as independent would cover far less."""
    rng = np.random.default_rng(20240101)
    path = new_db(tmp_path / "sim.duckdb")
    documents, statements, scores = [], [], []
    truth = 0.3
    for w in range(300):
        for d in range(int(rng.integers(1, 13))):
            doc_id = f"s{w}_{d}"
            documents.append((doc_id, MONDAY + timedelta(weeks=w, days=int(rng.integers(0, 7)))))
            level = truth + rng.uniform(-0.5, 0.5)  # the document's own slant (sd 0.29)
            for seq in range(int(rng.integers(1, 5))):
                statements.append((f"{doc_id}:{seq}", doc_id, seq))
                scores.append((f"{doc_id}:{seq}", level + rng.uniform(-0.2, 0.2)))
    sim_documents = pd.DataFrame(documents, columns=["doc_id", "published"])
    sim_statements = pd.DataFrame(statements, columns=["statement_id", "doc_id", "seq"])
    sim_scores = pd.DataFrame(scores, columns=["statement_id", "hostility"])
    with store.connect(path) as con:
        con.execute("insert into documents (doc_id, published, title, source, body, n_statements) "
                    "select doc_id, published, '', 'S', '', 1 from sim_documents")
        con.execute(f"insert into statements ({STATEMENT_COLUMNS}) select statement_id, doc_id, seq, 0, 0, 1, 'x', "
                    "'KCNA', 'KCNA', 'PRK', null, 'said', false, 'asserted', 'test', ['KOR'] from sim_statements")
        con.execute("insert into scores (statement_id, scorer_version, hostility, vader_compound, cue_sum, "
                    "modality_factor, explanation) select statement_id, 'test', hostility, 0, 0, 1, '{}' "
                    "from sim_scores")
    aggregate.refresh(path)
    with store.connect(path, read_only=True) as con:
        covered, one_doc, naive = con.execute(
            """with naive as (
                   select week_start, avg(hostility) as m, stddev_samp(hostility) / sqrt(count(*)) as se
                   from pair_statements where pair_id = 'PRK-KOR' group by all)
               select avg(cast(? between ci_low and ci_high as double)),
                      avg(cast(? between ci_low and ci_high as double)) filter (where n_documents = 1),
                      avg(cast(abs(n.m - ?) <= 1.96 * n.se as double)) filter (where w.n_statements >= 2)
               from weekly_index w join naive n using (week_start)
               where pair_id = 'PRK-KOR' and n_documents > 0""", [truth, truth, truth]).fetchone()
    print(f"coverage: document interval {covered:.3f}, one-document weeks {one_doc:.3f}, naive {naive:.3f}")
    assert 0.90 <= covered <= 0.99, covered
    assert one_doc >= 0.85, one_doc  # one document: pulled halfway to 0, with a wide interval
    assert naive < covered - 0.1, (naive, covered)  # statements of one document are not independent


def intensity_weeks(path: Path, hostile_per_week: list[int], documents_per_week: int = 10) -> None:
    """Weeks of `documents_per_week` documents (Monday to Sunday, so no week is partial), the first
    hostile_per_week[w] of them each with one PRK→KOR statement of hostility 0.5; the others say nothing."""
    with store.connect(path) as con:
        for w, hostile in enumerate(hostile_per_week):
            for d in range(max(documents_per_week, hostile)):
                doc_id = f"i{w}_{d}"
                con.execute("insert into documents (doc_id, published, title, source, body, n_statements) "
                            "values (?, ?, '', 'S', '', 1)", [doc_id, MONDAY + timedelta(weeks=w, days=d % 7)])
                if d < hostile:
                    add_statement(con, f"{doc_id}:0", "PRK", ["KOR"], 0.5)


def test_intensity_baseline_and_flag_by_hand(tmp_path: Path) -> None:
    """Six ordinary weeks (2-4 hostile statements of 0.5 among 10 documents), then a surge of 16, then an ordinary
    week: intensity's baseline is the squared mean of the baseline weeks' square roots, its departure is counted
    in hostile statements on the square-root scale, only the surge is flagged, and the surge, once flagged, is no
    part of the next week's baseline (issue 15, third round)."""
    counts = [2, 3, 4, 2, 3, 4, 16, 3]
    path = new_db(tmp_path / "intensity.duckdb")
    intensity_weeks(path, counts)
    weeks = list(rows(path).values())
    coverage = [max(10, c) for c in counts]
    flagged: set[int] = set()
    for t, row in enumerate(weeks):
        typical = statistics.fmean(coverage[: t + 1])
        intensity = 100 * 0.5 * counts[t] / typical
        assert math.isclose(row["typical_coverage"], typical) and math.isclose(row["intensity"], intensity)
        # The baseline weeks are earlier weeks not flagged; their roots are of their own intensity (their own
        # typical coverage).
        roots = [math.sqrt(100 * 0.5 * counts[s] / statistics.fmean(coverage[: s + 1]))
                 for s in range(t) if s not in flagged]
        assert math.isclose(row["intensity_baseline"], statistics.fmean(roots) ** 2) if roots \
            else is_null(row["intensity_baseline"])
        assert row["intensity_baseline_periods"] == len(roots), row["iso_week"]  # the weeks it rests on
        if len(roots) < 4:
            assert is_null(row["intensity_departure_z"]) and is_null(row["intensity_flagged"]), row["iso_week"]
            continue
        # Spread: the baseline's variance of roots in this week's units, at least a count's noise (1/4 x the mean
        # hostility of the baseline's hostile statements, here 0.5), times 1 + 1/n.
        c = typical / 100
        spread = max(c * statistics.variance(roots), 0.25 * 0.5) * (1 + 1 / len(roots))
        z = math.sqrt(c) * (math.sqrt(intensity) - statistics.fmean(roots)) / math.sqrt(spread)
        assert math.isclose(row["intensity_departure_z"], z), row["iso_week"]
        assert bool(row["intensity_flagged"]) is (z >= 2.5), (row["iso_week"], z)
        if z >= 2.5:
            flagged.add(t)
    assert [bool(r["intensity_flagged"]) for r in weeks[4:]] == [False, False, True, False]
    # The week after the surge is measured against the six ordinary weeks alone.
    ordinary = [math.sqrt(100 * 0.5 * counts[s] / statistics.fmean(coverage[: s + 1])) for s in range(6)]
    assert math.isclose(weeks[7]["intensity_baseline"], statistics.fmean(ordinary) ** 2)


def test_intensity_flag_rarely_fires_on_steady_weeks(tmp_path: Path) -> None:
    """200 weeks whose hostile statements are Poisson draws around one steady rate (mean 4 of 20 documents): the
    flag, a one-sided 2.5-sigma rule, should fire on a few percent of weeks at most; and a week at four times the
    rate is flagged."""
    rng = np.random.default_rng(15)
    counts = [int(c) for c in rng.poisson(4, 200)] + [16]
    path = new_db(tmp_path / "steady.duckdb")
    intensity_weeks(path, counts, documents_per_week=20)
    weeks = list(rows(path).values())
    told = [bool(r["intensity_flagged"]) for r in weeks[:-1] if not is_null(r["intensity_flagged"])]
    rate = sum(told) / len(told)
    print(f"false flags: {sum(told)} of {len(told)} steady weeks ({rate:.1%})")
    assert len(told) >= 190 and rate <= 0.03, rate
    assert bool(weeks[-1]["intensity_flagged"])
