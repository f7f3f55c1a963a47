"""Issue 15, third round: the intensity variants evaluation.index_events prints (--variants), each against a
computation by hand from the statements a real pipeline run stored, and intensity's flag baselines (the one
tension_index now uses leaves the weeks already flagged out of later baselines). The sentences are our own."""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from evaluation.index_rounds import (FLAG_BASELINES, VARIANTS, flag_scores, intensity_flags, variant_measures,
                                     week_parameters)
from tension import run
from tension.warehouse import store

from test_weekly_index import intensity_weeks, new_db

MONDAY = date(2024, 1, 1)  # 2024-W01
# Per ISO week of 2024, the documents of a tiny run (our own sentences; several sentences make several statements).
DOCUMENTS = {
    1: ["North Korea fired two ballistic missiles toward South Korea on Monday. North Korea also fired artillery "
        "shells near the border with South Korea. Pyongyang threatened to destroy Seoul.",
        "The weather in Busan was mild and sunny this week."],
    2: ["North Korea threatened to attack South Korea.",
        "South Korea's foreign ministry condemned North Korea for its provocations.",
        "A new bakery opened near the city hall in Daegu on Thursday."],
    3: ["South Korea's military said North Korea fired a ballistic missile into the sea.",
        "A professor at Seoul National University said North Korea is a threat to South Korea.",
        "South Korean activists denounced North Korea for its missile launches."],
    4: ["South Korea offered food aid to North Korea.",
        "The national football team trained in Incheon before the friendly match."],
    5: ["Cherry blossoms are expected early in Jeju this spring, forecasters said."],
    # week 6: nothing read (a gap)
    7: ["A museum in Gwangju reopened after a year of renovation work."],
}


@pytest.fixture(scope="module")
def pipeline_db(module_tmp) -> Path:
    """The documents above through a whole run (tension.run.run_local), as the evaluation reads a database."""
    folder = module_tmp("h15c")
    lines = [json.dumps({"id": f"w{week}d{i}", "text": text, "source": "Test wire",
                         "published": str(MONDAY + timedelta(weeks=week - 1, days=1 + i))})
             for week, texts in DOCUMENTS.items() for i, text in enumerate(texts)]
    (folder / "inbox.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "tension.duckdb"
    run.run_local([folder / "inbox.jsonl"], db)
    return db


def statements_of(db: Path) -> pd.DataFrame:
    """The DPRK–ROK statements with the flags the variants read, computed here in pandas from the views."""
    with store.connect(db, read_only=True) as con:
        rows = con.execute("select week_start as week, doc_id, statement_id, hostility, counts_in_index as state, "
                           "is_act as act, reported_by, targets_inferred from pair_statements "
                           "where pair_id = 'PRK-KOR'").df()
        cues = con.execute("select statement_id, cameo, contribution, negated from statement_cues "
                           "where pair_id = 'PRK-KOR'").df()
    forceful = cues[cues["cameo"].str[:2].isin(["15", "18", "19", "20"]) & (cues["contribution"] > 0)
                    & ~cues["negated"].fillna(False).astype(bool)]
    rows["week"] = pd.to_datetime(rows["week"]).dt.date
    rows["h"] = rows["hostility"].clip(lower=0)
    rows["force"] = rows["statement_id"].isin(set(forceful["statement_id"]))
    rows["reported"] = rows["reported_by"].notna()
    rows["inferred"] = rows["targets_inferred"].fillna(False).astype(bool)
    return rows


# Each variant in words, as pandas over one document's statements (NaN when none qualifies: the document adds 0).
BY_HAND = {
    "today": lambda d: d.loc[d.state, "h"].sum(),
    "doc_max": lambda d: d.loc[d.state, "h"].max(),
    "doc_mean": lambda d: d.loc[d.state, "h"].mean(),
    "doc_hostile": lambda d: float((d.loc[d.state, "h"] > 0).any()) if d.state.any() else np.nan,
    "force": lambda d: d.loc[d.state & d.force, "h"].sum(),
    "force_doc_max": lambda d: d.loc[d.state & d.force, "h"].max(),
    "is_act": lambda d: d.loc[d.state & d.act, "h"].sum(),
    "force_words_half": lambda d: (d.loc[d.state & d.force, "h"].sum() + 0.5 * d.loc[d.state & ~d.force, "h"].sum()),
    "force_not_reported": lambda d: d.loc[d.state & d.force & ~d.reported, "h"].sum(),
    "force_not_inferred": lambda d: d.loc[d.state & d.force & ~d.inferred, "h"].sum(),
    "not_reported_inferred": lambda d: d.loc[d.state & ~d.reported & ~d.inferred, "h"].sum(),
    "all_voices": lambda d: d["h"].sum(),
    "all_voices_doc_max": lambda d: d["h"].max(),
}


def test_every_variant_has_a_computation_by_hand() -> None:
    assert set(BY_HAND) == set(VARIANTS)


def test_each_variant_is_its_documents_masses_summed_per_typical_coverage(pipeline_db: Path) -> None:
    measured = variant_measures(pipeline_db).set_index("week")
    statements = statements_of(pipeline_db)
    assert (measured["feed_gap"] == measured["today"].isna()).all()
    assert measured.loc[MONDAY + timedelta(weeks=5), "feed_gap"]  # week 6: nothing read, NULL, never 0
    for week, row in measured[~measured["feed_gap"]].iterrows():
        documents = statements[statements["week"] == week].groupby("doc_id")
        for name, mass in BY_HAND.items():
            expected = 100 * np.nansum([mass(d) for _, d in documents]) / row["typical_coverage"]
            assert math.isclose(row[name], expected, abs_tol=1e-9), (week, name, row[name], expected)


def test_today_is_tension_index_intensity(pipeline_db: Path) -> None:
    measured = variant_measures(pipeline_db)
    read = measured[~measured["feed_gap"]]
    assert np.allclose(read["today"], read["intensity"])


def test_the_tiny_run_tells_the_variants_apart(pipeline_db: Path) -> None:
    """The sentences were chosen so that each variant differs from today somewhere; if the pipeline stops giving
    such statements, the by-hand test above would pass on a run where every variant is today."""
    measured = variant_measures(pipeline_db).set_index("week")
    w1, w2, w3, w5 = (MONDAY + timedelta(weeks=n - 1) for n in (1, 2, 3, 5))
    # W01: one document with a launch, a shelling and a threat: three statements count once under doc_max.
    assert 0 < measured.loc[w1, "doc_mean"] < measured.loc[w1, "doc_max"] < measured.loc[w1, "today"]
    # W01's threat is words, not force: force < today; W02 holds threats and a condemnation, no force at all.
    assert 0 < measured.loc[w1, "force"] < measured.loc[w1, "today"]
    assert measured.loc[w2, "today"] > 0 and measured.loc[w2, "force"] == 0
    # W03: a professor and activists are not state voices; the launch is relayed by the military (reported).
    assert measured.loc[w3, "all_voices"] > measured.loc[w3, "today"]
    assert measured.loc[w3, "force_not_reported"] < measured.loc[w3, "force"]
    # W05: read, nothing hostile: 0, not NULL.
    assert (measured.loc[w5, list(VARIANTS)] == 0).all()


SURGES = [2, 3, 4, 2, 3, 4, 16, 3, 12, 3]  # hostile statements (of 0.5) among 10 documents a week


@pytest.fixture(scope="module")
def two_surges(module_tmp) -> Path:
    """Ten weeks: six ordinary, a surge, an ordinary week, a second surge, an ordinary week."""
    path = new_db(module_tmp("surges") / "surges.duckdb")
    intensity_weeks(path, SURGES)
    return path


def index_weeks(db: Path) -> pd.DataFrame:
    with store.connect(db, read_only=True) as con:
        frame = con.execute("select period_start as week, intensity, partial, low_coverage, feed_gap, n_documents, "
                            "n_hostile, hostile_sum, typical_coverage, intensity_departure_z, intensity_flagged, "
                            "intensity_baseline from tension_index('week', pair := 'PRK-KOR')").df()
    frame["week"] = pd.to_datetime(frame["week"]).dt.date
    return frame


def test_tension_index_leaves_flagged_weeks_out_of_the_baseline(two_surges: Path) -> None:
    """The second surge (12) is flagged only because the first (16) is no part of its baseline; under the rule
    before this round (mean of the 12 weeks before, surge included) it is not."""
    weeks = index_weeks(two_surges)
    flags = [bool(f) if not pd.isna(f) else None for f in weeks["intensity_flagged"]]
    assert flags[6] is True and flags[8] is True
    assert [f for i, f in enumerate(flags) if i not in (6, 8) and f is not None] == [False] * 4
    before = intensity_flags(weeks, week_parameters(two_surges), "mean")
    assert before["intensity_flagged"].tolist()[6] is True and before["intensity_flagged"].tolist()[8] is False
    # The evaluation's own computation of the rule agrees with the SQL, z for z.
    now = intensity_flags(weeks, week_parameters(two_surges), "mean_unflagged")
    assert np.allclose(now["intensity_departure_z"], weeks["intensity_departure_z"].astype(float), equal_nan=True)
    assert now["intensity_flagged"].tolist() == flags
    # The week after a surge is measured against the ordinary weeks: its baseline is theirs, not raised by the surge.
    roots = np.sqrt(weeks["intensity"].to_numpy(float))
    assert math.isclose(weeks.loc[9, "intensity_baseline"], np.mean(np.delete(roots[:9], [6, 8])) ** 2)


def test_the_median_baseline_is_not_moved_by_one_surge(two_surges: Path) -> None:
    """median_mad: the baseline's centre is the median root, its spread 1.4826 x the median absolute deviation."""
    weeks = index_weeks(two_surges)
    flags = intensity_flags(weeks, week_parameters(two_surges), "median_mad")
    roots = np.sqrt(weeks["intensity"].to_numpy(float))
    base = roots[0:8]  # the 8 weeks before week 9 (fewer than baseline_periods = 12)
    centre, mad = np.median(base), np.median(np.abs(base - np.median(base)))
    c = weeks.loc[8, "typical_coverage"] / 100
    w = weeks.loc[:7, "hostile_sum"].sum() / weeks.loc[:7, "n_hostile"].sum()
    z = math.sqrt(c) * (roots[8] - centre) / math.sqrt(max(c * (1.4826 * mad) ** 2, 0.25 * w) * (1 + 1 / 8))
    assert math.isclose(flags.loc[8, "intensity_departure_z"], z)
    assert all(name in FLAG_BASELINES for name in ("mean", "median_mad", "mean_unflagged", "median_mad_unflagged"))
    with pytest.raises(ValueError, match="baseline must be one of"):
        intensity_flags(weeks, week_parameters(two_surges), "median")


def test_flag_scores_count_hits_and_false_flags_in_the_chosen_weeks() -> None:
    weeks = [MONDAY + timedelta(weeks=n) for n in range(6)]
    flags = pd.DataFrame({"week": weeks, "intensity_flagged": [None, True, False, True, True, None]})
    scores = flag_scores(flags, event_weeks={weeks[1], weeks[2], weeks[4]}, chosen=set(weeks[:4]))
    assert (scores["hits"], scores["false"], scores["event_weeks"]) == (1, 1, 2)
    assert scores["flagged"] == [weeks[1], weeks[3]]
